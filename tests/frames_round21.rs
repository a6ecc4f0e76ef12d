//! Round 21 of issue 7: rules found on the misses of sets p60 and p62 and on the residue of the
//! earlier sets, each stated as a fact about how these texts are written and checked with
//! invented sentences.

use crate::phenomena::{doc, has, lacks};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn doing_the_work_so_that_a_rate_reached_a_value_is_no_goal() {
    // "做到…,满意率达到100%" with no modal says how the work was done.
    let r = doc("今年共承办建议16件。做到件件有回应、事事有着落,代表满意率达到100%。");
    has(&r, (Suggestion, SatisfactionRate, 100.0, Eq));
    // Striving to do so is still a goal.
    let r = doc("今年共承办建议16件,力争做到件件有回应,代表满意率达到100%。");
    has(&r, (Suggestion, SatisfactionRate, 100.0, Target));
}

#[test]
fn a_rate_over_a_value_is_a_floor() {
    let r = doc("全年共承办代表建议140件,代表满意或基本满意率超98%。");
    has(&r, (Suggestion, SatisfactionRate, 98.0, Ge));
}

#[test]
fn suggestions_counted_in_tiao_after_a_handling_verb_are_handled_items() {
    // "承办了N条…建议": 条 is the unit, 建议 the items; the text is a report.
    let r = doc("某局今年共承办了14条人大代表的意见和建议,答复满意率为100%。");
    has(&r, (Suggestion, Total, 14.0, Eq));
    has(&r, (Suggestion, SatisfactionRate, 100.0, Eq));
    let r = doc("某局今年共承办建议14条,满意率100%。");
    has(&r, (Suggestion, Total, 14.0, Eq));
}

#[test]
fn adopting_the_items_themselves_is_an_outcome_and_or_joins_two_classes() {
    // The kind as the head's object: the items were adopted.
    let r = doc("今年共办理代表建议500件。其中吸纳建议的420件,留作参考的80件。");
    has(&r, (Suggestion, Solved, 420.0, Eq));
    has(&r, (Suggestion, Reference, 80.0, Eq));
    // Joined by 或 with a class in progress, the group is of two classes: no fact.
    let r = doc("今年共办理代表建议500件。其中采纳建议并推动工作取得进展或列入工作计划的450件。");
    lacks(&r, Solved, 450.0);
    lacks(&r, InProgress, 450.0);
    // A clause of how the body worked, before the count's own clause, classes nothing.
    let r = doc("各承办单位积极采纳提案建议,立案的300件提案已全部办复。");
    lacks(&r, Solved, 300.0);
}

#[test]
fn what_items_are_about_is_no_outcome() {
    // "关于落实…规划、提高…的建议N件": the verbs inside 关于…的建议 are the items' content.
    let r = doc(
        "今年共收到代表建议800件。其中关于落实国土空间规划、推进老旧小区改造等城市建设的建议310件。",
    );
    has(&r, (Suggestion, Total, 800.0, Eq));
    lacks(&r, InProgress, 310.0);
    lacks(&r, Total, 310.0);
}

#[test]
fn motions_taken_into_a_legislative_plan_are_no_outcome_class() {
    let r = doc(
        "代表共提出议案80件,经并案处理后为40件。其中5件拟列入明年立法计划审议项目,7件拟列入立法计划调研项目。",
    );
    has(&r, (Suggestion, Total, 80.0, Eq));
    lacks(&r, InProgress, 12.0);
    lacks(&r, InProgress, 5.0);
}

#[test]
fn items_counted_for_a_commendation_are_no_items_handled() {
    let r = doc(
        "今年共承办建议提案600件,均已办复。会议通报表扬了由市交通局等单位承办的25件年度优秀承办件。",
    );
    has(&r, (Combined, Total, 600.0, Eq));
    lacks(&r, Total, 25.0);
    let r = doc("全年共办理代表建议120件。其中3件代表建议被评为全县优秀代表建议。");
    has(&r, (Suggestion, Total, 120.0, Eq));
    lacks(&r, Total, 3.0);
}

#[test]
fn registered_and_replied_as_one_verb_is_the_registered_whole() {
    let r = doc("2024年,市政协立案办复提案402件,沟通率100%。");
    has(&r, (Proposal, Total, 402.0, Eq));
}

#[test]
fn reports_written_are_no_items() {
    // A noun of other documents right before the number says what it counts.
    let r = doc("2024年,市政协立案提案300件,报送调研报告12件,提交建议报告6件。");
    has(&r, (Proposal, Total, 300.0, Eq));
    lacks(&r, Total, 12.0);
    lacks(&r, Total, 6.0);
    // The kinds' own items in 件 are items ("建议提案件共计80件").
    let r = doc("某局今年接收建议提案件共计80件,其中建议30件、提案50件。");
    has(&r, (Combined, Total, 80.0, Eq));
}

#[test]
fn a_list_closed_by_a_set_phrase_of_offering_advice_names_topics() {
    let text = "今年共立案提案300件。委员们围绕河湖治理、垃圾分类、农村供水等献务实之策。";
    crate::frames_round3::has_topic(text, "河湖治理", None);
    crate::frames_round3::has_topic(text, "农村供水", None);
}

#[test]
fn a_projected_year_is_no_year_reported_and_a_hearing_dates_its_report() {
    // "预计到2020年": a year looked forward to; the page's date gives the year.
    let m = crate::phenomena::meta(
        "发布时间:2017-06-16\n市政府召开建议提案督办会。今年市政府系统共承办建议提案525件。某园区预计到2020年可形成30亿元产值。",
    );
    assert_eq!(m.year, Some(2017));
    // A session that heard the report on a date is that year's, even when the items are
    // framed by the session they came from.
    let m = crate::phenomena::meta(
        "2024年12月26日,省人大常委会第十次会议审议了省政府关于省十四届人大二次会议以来代表建议办理情况的报告。会议期间代表共提出建议900件,已全部办复。",
    );
    assert_eq!(m.year, Some(2024));
}

#[test]
fn an_aim_after_jiu_in_the_counts_own_clause_is_a_topic_after_a_whole() {
    let text =
        "大会共收到代表建议900件。代表们就落实生态保护战略提出建议80件,就扩大内需提出建议97件。";
    let r = doc(text);
    has(&r, (Suggestion, Total, 900.0, Eq));
    lacks(&r, Total, 80.0);
    lacks(&r, Total, 97.0);
    crate::frames_round3::has_topic(text, "扩大内需", Some(97));
    // The head opening the aim is what the items propose; its object names the area.
    crate::frames_round3::has_topic(text, "生态保护战略", Some(80));
}

#[test]
fn a_sum_over_the_years_looked_back_on_is_no_total_of_the_period() {
    let r = doc(
        "2022年,我局共承办建议提案120件,其中主办60件。十年来,代表委员围绕乡村发展累计提出建议提案1500件。",
    );
    has(&r, (Combined, Total, 120.0, Eq));
    lacks(&r, Total, 1500.0);
    // A text on the span itself keeps its sum.
    let r = doc("五年来,市政协累计立案提案1500件,均已办复。");
    has(&r, (Proposal, Total, 1500.0, Eq));
}

#[test]
fn a_bare_jianyi_glued_to_a_rate_after_counts_of_both_kinds_is_of_all_items() {
    let r = doc(
        "今年共承办人大代表建议12件、政协委员提案9件。目前已逐件办理完成,建议办结率、协商率、满意率均为100%。",
    );
    has(&r, (Combined, SatisfactionRate, 100.0, Eq));
    has(&r, (Combined, ContactRate, 100.0, Eq));
    // After a count of suggestions alone in its own sentence, it is theirs.
    let r = doc("县政协委员提出提案50件。县人大代表提出建议共40件,建议答复率和满意率均为100%。");
    has(&r, (Suggestion, SatisfactionRate, 100.0, Eq));
}

#[test]
fn ordinary_items_and_a_roles_items_named_by_proposer_are_parts() {
    let r = doc("今年共承办人大代表建议30件,从来件类别看:3件为重点办理建议,27件为普通办件。");
    has(&r, (Suggestion, Key, 3.0, Eq));
    lacks(&r, Key, 27.0);
    let r = doc("今年共承办提案60件,其中主办25件,协办35件,主办组织提案6件。");
    has(&r, (Proposal, Lead, 25.0, Eq));
    lacks(&r, Lead, 31.0);
    lacks(&r, Lead, 6.0);
}

#[test]
fn each_items_share_may_stand_between_the_items_of_an_area_list() {
    let text = "市政府共承办代表建议300件,已全部办复。建议中,涉及产业发展30件,占比10%;城乡建设90件,占比30%;社会保障60件,占比20%。";
    crate::frames_round3::has_topic(text, "产业发展", Some(30));
    crate::frames_round3::has_topic(text, "城乡建设", Some(90));
    crate::frames_round3::has_topic(text, "社会保障", Some(60));
}

#[test]
fn opinions_deputies_raise_are_suggestions_and_who_made_them_key_may_stand_after_bei() {
    let r = doc(
        "县人代会期间,与会人大代表对政府工作提出意见和建议90条,其中8条建议被县人大常委会确定为重点建议。县政府认真办理人大代表建议,已全部办复。",
    );
    has(&r, (Suggestion, Total, 90.0, Eq));
    has(&r, (Suggestion, Key, 8.0, Eq));
    // Opinions collected from the public are none of the deputies' items.
    let r = doc("今年共承办人大代表建议20件,均已办复。代表们深入选区收集意见建议101条。");
    has(&r, (Suggestion, Total, 20.0, Eq));
    lacks(&r, Total, 101.0);
}

#[test]
fn an_addition_inside_a_breakdown_is_no_part_of_it() {
    let r =
        doc("我局共接收办理政协提案40件,其中主办件6件、会办件34件,此外我局还承担3件跨年度提案。");
    has(&r, (Proposal, Total, 40.0, Eq));
    has(&r, (Proposal, Total, 3.0, Eq));
    has(&r, (Proposal, Co, 34.0, Eq));
}
