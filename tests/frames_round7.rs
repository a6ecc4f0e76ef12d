//! Rules of the eighth round of issue 7 (written from the errors of wild20n), one invented
//! sentence each: directives, grades outside the schema, roles that take in split handling,
//! letters a text never defines, and who reports (full names, sessions, ministries).

use crate::phenomena::{doc, has, lacks, meta};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn a_figure_in_a_directive_is_a_target() {
    let r =
        doc("共承办建议12件。各责任科室要结合本职工作,与代表、委员100%沟通,在6月底前全部办复。");
    has(&r, (Combined, ContactRate, 100.0, Target));
    // 主要 and 重要 are no modal; a figure reached stays eq.
    let r = doc("共承办建议12件。主要做法是与代表见面,见面率100%。");
    has(&r, (Suggestion, ContactRate, 100.0, Eq));
}

#[test]
fn a_grade_above_the_schemas_three_gives_no_fact_and_ends_its_breakdown() {
    let r = doc(
        "共承办建议提案30件。从满意度看,非常满意18件,其中,建议10件,提案8件;满意12件,其中,建议7件,提案5件。",
    );
    lacks(&r, Satisfied, 18.0);
    lacks(&r, Satisfied, 10.0);
    has(&r, (Combined, Satisfied, 12.0, Eq));
    has(&r, (Suggestion, Satisfied, 7.0, Eq));
    has(&r, (Proposal, Satisfied, 5.0, Eq));
}

#[test]
fn a_lead_count_that_takes_in_split_handling_is_of_no_role() {
    let r = doc("今年共承办建议40件,其中主办(含独办、分办)22件,协办18件。");
    lacks(&r, Lead, 22.0);
    has(&r, (Suggestion, Co, 18.0, Eq));
}

#[test]
fn letters_are_read_only_as_the_text_defines_them() {
    // Undefined: no class.
    let r = doc("共承办提案16件,A类10件,B类4件,C类2件。");
    lacks(&r, Solved, 10.0);
    lacks(&r, InProgress, 4.0);
    // Defined after the meaning, in brackets.
    let r = doc(
        "共承办提案16件。已经解决的(A类)10件;正在解决的(B类)4件;因条件限制留作参考的(C类)2件。",
    );
    has(&r, (Proposal, Solved, 10.0, Eq));
    has(&r, (Proposal, Reference, 2.0, Eq));
}

#[test]
fn bodies_written_in_full_report_as_their_short_forms() {
    let m = meta(
        "某市人民代表大会财政经济委员会关于代表议案审议结果的报告\n大会主席团交付审议的代表议案6件,已审议完毕。",
    );
    assert_eq!(m.sector, "人大");
    // A body named inside a document's title does not act.
    let m = meta(
        "会议听取了《中国人民政治协商会议某市委员会章程》的说明。\n市政府系统共办理提案120件,均已办复。",
    );
    assert_eq!(m.sector, "政府");
}

#[test]
fn items_received_at_a_session_are_its_bodys() {
    let m = meta("记者从区人大三次会议了解到,截至大会闭幕时,共收到代表建议86件,已全部交办。");
    assert_eq!(m.sector, "人大");
    assert_eq!(m.agency, "");
}

#[test]
fn a_ministry_with_a_time_word_before_its_verb_is_national() {
    let m = meta(
        "某市新闻网\n水利部去年办理建议提案320件:全部办理完毕\n水利部去年共承办建议提案320件,全部按时办复。",
    );
    assert_eq!((m.region.as_str(), m.level.as_str()), ("", ""));
}

#[test]
fn a_bodys_leaders_named_in_a_list_act_for_it() {
    let m = meta(
        "7月5日,区人大常委会副主任张三、李四、王五分别率队,走访代表,听取对区政府办理代表建议工作的意见。",
    );
    assert_eq!(m.sector, "人大");
    assert_eq!(m.agency, "区人大常委会");
}

#[test]
fn a_towns_text_names_its_town_after_its_county() {
    let m = meta(
        "某区石台镇人大办公室\n杜集区石台镇人大组织代表视察,全镇代表提出建议12件,镇政府已全部办复。",
    );
    assert_eq!((m.region.as_str(), m.level.as_str()), ("石台镇", ""));
    // 城乡 and 乡镇 are no town's name.
    let m = meta("全镇推进城乡一体化,市域乡镇道路提升,镇政府办理代表建议5件,已全部办复。");
    assert_eq!(m.region, "");
}

#[test]
fn quotes_that_mark_han_words_leave_the_label_and_quoted_numbers_keep_theirs() {
    let r =
        doc("共承办建议6件,主要涉及落实“双减”政策、“120”急救体系建设、推进“放管服”改革等方面。");
    let labels: Vec<&str> = r.topics.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        vec!["落实双减政策", "“120”急救体系建设", "推进放管服改革"]
    );
}

#[test]
fn counts_split_by_level_under_a_whole_naming_both_levels_are_parts() {
    let r = doc(
        "2023年,我局共承担省、市人大政协议提案60件。\n1.省人大代表建议4件(主办3件、会办1件)\n2.市人大代表建议20件(主办5件、会办15件)\n3.市政协委员提案33件(主办9件、会办24件)",
    );
    has(&r, (Combined, Total, 60.0, Eq));
    for v in [4.0, 20.0, 33.0] {
        lacks(&r, Total, v);
    }
    for v in [3.0, 5.0, 9.0] {
        lacks(&r, Lead, v);
    }
    // With no whole written, each batch is a total of its own.
    let r = doc("今年承办省人大代表建议4件,市人大代表建议20件。");
    has(&r, (Suggestion, Total, 4.0, Eq));
    has(&r, (Suggestion, Total, 20.0, Eq));
}

#[test]
fn lead_counts_of_a_whole_government_are_totals_beside_a_smaller_batch() {
    let r = doc(
        "2022年,国务院各部门共牵头办理全国人大代表建议7000件、全国政协委员提案4000件。本部共承办建议提案300件,均已按时办结。",
    );
    has(&r, (Suggestion, Total, 7000.0, Eq));
    has(&r, (Proposal, Total, 4000.0, Eq));
    has(&r, (Combined, Total, 300.0, Eq));
    // A batch large enough to hold the lead count is its whole: the lead stays a part.
    let r = doc("本局共承办建议提案300件,其中牵头办理建议120件。");
    lacks(&r, Total, 120.0);
}

#[test]
fn a_streets_congress_committee_reports_for_its_street() {
    let m = meta("某某街道人大工委\n代表接待选民活动小结\n4名人大代表接待选民18人次,反映问题5个。");
    assert_eq!(m.region, "某某街道");
    assert_eq!(m.sector, "人大");
    // Words of a sentence before 街道 are no street's name.
    let m = meta("接待工作由街道人大工作委员会组织,每月一次。");
    assert_eq!(m.region, "");
}

#[test]
fn proposals_registered_at_a_session_are_the_cppccs_whatever_the_title_line() {
    let m = meta(
        "市政协五届三次会议期间,委员们积极建言,共提交提案600件,立案550件。\n立案后的提案交各承办部门办理,市政府督查室、市政协提案办将督办。",
    );
    assert_eq!(m.sector, "政协");
}

#[test]
fn what_people_are_doing_at_an_event_is_no_outcome() {
    let r = doc("共承办建议3件。代表正在听取局长关于三件建议办理情况的汇报。");
    lacks(&r, InProgress, 3.0);
    let r = doc("共承办建议8件,已解决5件,正在解决3件。");
    has(&r, (Suggestion, InProgress, 3.0, Eq));
}

#[test]
fn a_face_to_face_talk_on_replies_is_news_of_handling() {
    let m = meta(
        "某县林业局:认真做好建议提案办理工作\n近日,三位代表、委员听取局领导关于建议、提案办理回复情况的汇报,并就林业发展进行面对面交流。",
    );
    assert!(m.is_report);
}

#[test]
fn an_announced_list_in_the_next_sentence_continues_the_first() {
    let r = doc(
        "共承办建议提案40件。代表建议和委员提案关注最多的3个方面分别为:医疗服务;公共卫生;老龄健康。对具体事项关注最多的3个方面为:医疗资源;人才队伍;疾病预防。",
    );
    let labels: Vec<&str> = r.topics.iter().map(|t| t.label.as_str()).collect();
    assert!(labels.contains(&"人才队伍"), "{labels:?}");
    // Standing alone, with no item word, such a sentence announces nothing.
    let r = doc("共承办建议提案40件。今年工作关注最多的3个方面为:医疗资源;人才队伍;疾病预防。");
    assert!(r.topics.is_empty(), "{:?}", r.topics);
}

#[test]
fn key_themes_joined_to_the_items_they_cover_by_a_list_mark() {
    let r = doc("今年的重点督办建议共20项、涉及代表建议225件,交由19家单位牵头办理。");
    has(&r, (Suggestion, Key, 225.0, Eq));
    lacks(&r, Key, 20.0);
}
