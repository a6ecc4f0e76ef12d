//! Rules of the third round of issue 7, one invented sentence each: how reports name the
//! subject areas of their items (areas after "about" words or before a proposing verb,
//! masked counts, the contents a report says its members cared about most).

use crate::phenomena::doc;

pub(crate) fn topics(text: &str) -> Vec<(String, Option<u32>)> {
    doc(text)
        .topics
        .iter()
        .map(|t| (t.label.clone(), t.count))
        .collect()
}

pub(crate) fn has_topic(text: &str, label: &str, count: Option<u32>) {
    let t = topics(text);
    assert!(
        t.iter().any(|(l, c)| l == label && *c == count),
        "{label} {count:?} not in {t:?}"
    );
}

#[test]
fn the_word_about_is_no_part_of_the_area() {
    let text = "今年共收到提案64件,其中有关乡村振兴方面的提案20件;有关城市管理方面的提案11件。";
    has_topic(text, "乡村振兴", Some(20));
    has_topic(text, "城市管理", Some(11));
    assert!(!topics(text).iter().any(|(l, _)| l.starts_with("有关")));
}

#[test]
fn an_area_before_a_proposing_verb_is_counted() {
    let text = "共立案90件。在所有提案中,围绕产业升级方面提出提案41件,占45.6%。";
    has_topic(text, "产业升级", Some(41));
}

#[test]
fn a_masked_count_names_its_area_without_a_count() {
    let text =
        "共收到提案80件,全部办复。其中有关教育方面的提案**件,占总数的**.*%;涉及交通方面的XX件。";
    has_topic(text, "教育", None);
    has_topic(text, "交通", None);
    // A masked total or share names no area.
    assert_eq!(
        topics("今年共收到提案80件,全部办复。立案**件,转社情民意XX件。"),
        vec![]
    );
}

#[test]
fn contents_said_to_show_most_are_areas() {
    let text = "今年承办建议41件,内容集中体现在停车管理、供水保障、校园安全等方面。";
    has_topic(text, "停车管理", None);
    has_topic(text, "校园安全", None);
}

#[test]
fn a_list_named_afterwards_as_what_members_cared_about() {
    let text = "今年承办提案57件,老旧小区改造、河道整治、托育服务等内容,是委员们关注的重点。";
    has_topic(text, "老旧小区改造", None);
    has_topic(text, "托育服务", None);
    // A list of measures followed by no such statement names no area.
    assert_eq!(
        topics("今年承办提案57件,通过走访、座谈、电话等方式,与委员沟通。"),
        vec![]
    );
}

#[test]
fn an_approximate_count_of_items_handled_is_a_floor() {
    use crate::phenomena::{has, lacks};
    use banli::model::{Measure::*, Qualifier::*, Subject::*};
    let r = doc("近三年来,区住建局共办理人大代表建议120余件、政协委员提案90多件。");
    has(&r, (Suggestion, Total, 120.0, Ge));
    has(&r, (Proposal, Total, 90.0, Ge));
    // Items raised by members around some themes are no count of the body's handling.
    let r = doc("委员们围绕停车、托育等方面提出提案40余件,区住建局主办政协提案21件。");
    lacks(&r, Total, 40.0);
    has(&r, (Proposal, Total, 21.0, Eq));
    // A floor of other things (项, %) is read as before: not at all.
    let r = doc("共办理建议提案32件,出台政策措施50余项。");
    lacks(&r, Total, 50.0);
}

/// Document fields of a whole invented text (no report header added).
fn fields(text: &str) -> banli::model::DocMeta {
    crate::phenomena::ENGINE
        .process_bytes("t.txt", text.as_bytes(), banli::ingest::Kind::Text)
        .expect("processed")
        .meta
}

#[test]
fn a_news_item_speaks_for_the_body_that_held_its_event() {
    let m = fields(
        "本报讯 5月9日,市政协农业委召开重点提案督办座谈会,对委员提出的提案进行督办。\
         会上,市水利局介绍了办理情况,市水利局负责人表示将抓好落实。",
    );
    assert_eq!(m.sector, "政协");
    let m = fields(
        "6月3日,县人大常委会组织开展代表建议办理情况视察活动。县政府副县长参加座谈会。\
         截至目前,除3件申请延期办理的建议外,其余建议已办理完毕。",
    );
    assert_eq!(m.sector, "人大");
    // Where the event took place is no holder; a text that counts a department's items is the
    // department's.
    let m = fields(
        "3月2日,代表建议交办会在市人大常委会召开。市交通运输局负责主办代表建议共计5件,\
         市交通运输局高度重视。",
    );
    assert_eq!(m.sector, "交通运输");
}

#[test]
fn sector_short_forms_of_state_bureaus_and_veterans() {
    let m =
        fields("国家税务总局2022年建议提案办理情况\n国家税务总局共承办建议提案812件,均按时办复。");
    assert_eq!(m.sector, "税务");
    let m = fields(
        "区退役军人事务局2022年建议提案办理情况\n区退役军人事务局共承办建议提案12件,均按时办复。",
    );
    assert_eq!(m.sector, "退役军人");
}

#[test]
fn a_state_commission_and_a_venue_name_no_region() {
    let m = fields(
        "中国西藏网 > 新闻\n一年来办理工作回顾\n据介绍,2021年国家发展改革委共办理建议提案927件,均已按时办结,满意率98.2%。",
    );
    assert_eq!((m.region.as_str(), m.level.as_str()), ("", ""));
    let m = fields(
        "提案工作回顾\n会议7日在北京开幕。据介绍,一年来委员提交提案4210件,立案3890件,已全部办复。",
    );
    assert_eq!(m.region, "");
}

#[test]
fn areas_announced_by_their_number_and_a_colon() {
    let text = "今年共收到建议80件。代表建议关注度最高的4个方面分别为:城市交通,如停车难、公交线路优化等;\
                教育资源配置;养老服务体系建设;生态环境保护。";
    has_topic(text, "城市交通", None);
    has_topic(text, "生态环境保护", None);
    has_topic(
        "今年共收到建议80件,内容主要集中在以下三个方面:(1)城区停车;(2)农村饮水安全;(3)学前教育。",
        "农村饮水安全",
        None,
    );
    // The measures a body took are no areas of the items.
    assert_eq!(
        topics(
            "今年共收到建议80件。办理建议中,我们重点做了以下几个方面:一是加强领导;二是强化沟通。"
        ),
        vec![]
    );
}

#[test]
fn a_list_named_with_the_items_it_concerns() {
    let text =
        "今年办理全国人大代表建议3件,均为代表个人建议,涉及风电产业发展、边境口岸建设的建议。";
    has_topic(text, "风电产业发展", None);
    has_topic(text, "边境口岸建设", None);
    // One concern that qualifies the items is no list of areas.
    assert_eq!(
        topics("今年办理建议3件,涉及群众切身利益的建议均已办复。"),
        vec![]
    );
}

#[test]
fn areas_with_counts_in_brackets_or_a_number_of_themes() {
    let text =
        "今年共收到提案120件,提案内容主要涉及产业转型(32件)、社会事业(45件)、城乡建设(43件)。";
    has_topic(text, "产业转型", Some(32));
    has_topic(text, "城乡建设", Some(43));
    // Roles in brackets are no areas.
    assert_eq!(
        topics("今年共收到提案120件,其中主办(32件)、协办(45件)。"),
        vec![]
    );
    let text = "今年共收到建议120件。建议主要围绕乡村振兴、城市更新、民生保障三大主题。";
    has_topic(text, "城市更新", None);
    // The particle before a count is the sentence's, not the area's.
    let t = topics("今年共收到建议120件,其中,涉及城市建设管理的36件,涉及教育卫生的21件。");
    assert!(t.contains(&("城市建设管理".to_string(), Some(36))), "{t:?}");
    assert!(!t.iter().any(|(l, _)| l.ends_with('的')), "{t:?}");
}

#[test]
fn the_largest_area_with_its_count_after_a_comma() {
    has_topic(
        "今年共收到建议96件。其中,城乡建设与管理方面的建议最多,有31件。",
        "城乡建设与管理",
        Some(31),
    );
    let r = doc("今年共收到提案96件。产业发展方面的提案数量最多,达29件。");
    crate::phenomena::lacks(&r, banli::model::Measure::Total, 29.0);
}

#[test]
fn paired_items_and_a_closing_number_stay_out_of_labels() {
    let t = topics("今年共收到建议96件,主要集中在城市建设、社会保障、教育卫生三个方面。");
    assert_eq!(t.len(), 3, "{t:?}");
    let t = topics("今年共收到建议96件,这些建议涉及面广,既有城市建设方面的,也有教育卫生方面的。");
    assert!(t.contains(&("城市建设".to_string(), None)), "{t:?}");
    assert!(!t.iter().any(|(l, _)| l.contains("有")), "{t:?}");
}

#[test]
fn items_answered_with_an_explanation_are_kept_for_reference() {
    use crate::phenomena::has;
    use banli::model::{Measure::*, Qualifier::*, Subject::*};
    let r = doc("今年共承办建议41件,已解决25件,列入计划解决10件,作解释说明6件。");
    has(&r, (Suggestion, Reference, 6.0, Eq));
    // Explained because it cannot be solved now: not feasible.
    let r = doc("今年共承办建议41件,因受财力限制暂时无法解决,向代表进行说明、解释的7件。");
    has(&r, (Suggestion, NotFeasible, 7.0, Eq));
}

#[test]
fn a_grade_said_after_the_items_it_grades() {
    use crate::phenomena::{has, lacks};
    use banli::model::{Measure::*, Qualifier::*, Subject::*};
    let r = doc(
        "今年共承办建议52件,代表对49件表示满意,对2件表示基本满意,对其中1件建议的答复表示不满意。",
    );
    has(&r, (Suggestion, Satisfied, 49.0, Eq));
    has(&r, (Suggestion, BasicallySatisfied, 2.0, Eq));
    has(&r, (Suggestion, Unsatisfied, 1.0, Eq));
    // Two grades joined give no fact.
    let r = doc("今年共承办建议52件,51件建议的代表表示满意或基本满意。");
    lacks(&r, Satisfied, 51.0);
}

#[test]
fn the_timeliness_rate_is_a_reply_rate() {
    use banli::model::{Measure::*, Qualifier::*, Subject::*};
    let r = doc("今年共承办建议30件,均在规定时限内答复,时效率100%。");
    crate::phenomena::has(&r, (Suggestion, ReplyRate, 100.0, Eq));
}

#[test]
fn the_count_after_merging_is_a_stage_and_merged_items_a_part() {
    use crate::phenomena::lacks;
    use banli::model::{Measure::*, Qualifier::*};
    let r = doc("大会共收到提案240件。经审查,共立案215件,并案处理后为198件,其中集体提案30件。");
    assert!(
        r.facts
            .iter()
            .any(|f| f.measure == Total && f.value == 198.0 && f.qualifier == Eq),
        "{:?}",
        r.facts
    );
    lacks(&r, Total, 30.0);
    let r = doc("共收到提案240件,经审查立案215件,其中并案处理9件。");
    lacks(&r, Total, 9.0);
}

#[test]
fn registered_items_are_proposals_unless_named_motions() {
    use crate::phenomena::has;
    use banli::model::{Measure::*, Qualifier::*, Subject::*};
    let r = doc("大会共收到提案180件。经审查,共立案162件。");
    has(&r, (Proposal, Total, 162.0, Eq));
    let r = doc("大会主席团决定立案的议案4件。");
    has(&r, (Suggestion, Total, 4.0, Eq));
}

#[test]
fn an_outcome_list_of_both_kinds_keeps_its_subject_when_shortened() {
    use crate::phenomena::has;
    use banli::model::{Measure::*, Qualifier::*, Subject::*};
    let r = doc(
        "属于A类(已解决)的建议提案有4件,属于B类(正在解决)的建议提案有9件,属于C类(因条件限制需待以后解决)的建议3件。",
    );
    has(&r, (Combined, NotFeasible, 3.0, Eq));
    // A deputy's suggestion named as such is its own kind.
    let r = doc("共承办人大代表建议20件、政协提案10件。已解决的提案6件,已解决的代表建议12件。");
    has(&r, (Suggestion, Solved, 12.0, Eq));
}

#[test]
fn a_role_inside_a_breakdown_of_that_role_is_a_part() {
    use crate::phenomena::lacks;
    use banli::model::Measure::*;
    let r = doc("今年共承办建议52件,其中主办34件(其中独办11件),协办18件。");
    lacks(&r, Lead, 11.0);
    let r = doc("今年共承办建议52件,其中主办34件,协办18件。主办件中,独办11件。");
    lacks(&r, Lead, 11.0);
    // An outcome inside the same breakdown is a fact of its own.
    let r = doc("今年共承办建议52件,其中主办34件(其中已解决20件),协办18件。");
    crate::phenomena::has(
        &r,
        (
            banli::model::Subject::Suggestion,
            Solved,
            20.0,
            banli::model::Qualifier::Eq,
        ),
    );
}

#[test]
fn numbers_in_a_tables_count_column_are_counts() {
    use crate::phenomena::{has, lacks};
    use banli::model::{Measure::*, Qualifier::*, Subject::*};
    let r = doc(
        "今年共承办建议90件,按办理结果分为A类(已解决)、B类(列入计划解决)、C类(暂不能解决)。\n\
         类别  件数  百分比\nA  61  67.8\nB  21  23.3\nC  8  8.9\n合计  90  100\n",
    );
    has(&r, (Suggestion, Solved, 61.0, Eq));
    has(&r, (Suggestion, InProgress, 21.0, Eq));
    has(&r, (Suggestion, NotFeasible, 8.0, Eq));
    let r = doc(
        "今年共承办建议90件。\n| 办理结果 | 数量(件) | 占比 |\n|---|---|---|\n| 已解决 | 70 | 77.8% |\n| 留作参考 | 20 | 22.2% |\n",
    );
    has(&r, (Suggestion, Solved, 70.0, Eq));
    has(&r, (Suggestion, Reference, 20.0, Eq));
    // A table of units is no list of outcomes; numbers outside a count column are no counts.
    let r = doc("今年共承办建议90件。\n单位  办理件数  满意率\n市教育局  30  100%\n");
    lacks(&r, Total, 30.0);
    let r = doc("今年共承办建议90件。\n序号  年份  备注\n1  2021  无\n");
    lacks(&r, Total, 2021.0);
}

#[test]
fn a_title_about_both_kinds_is_not_the_cppccs_own() {
    let m =
        fields("关于做好2025年人大代表建议和政协委员提案办理工作的通知\n各承办单位:\n请按时答复。");
    assert_ne!(m.sector, "政协");
    let m = fields("县政协2023年提案办理工作情况\n今年共立案提案86件,全部办复。");
    assert_eq!(m.sector, "政协");
}
