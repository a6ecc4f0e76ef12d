//! Round 20 of issue 7: rules found on the misses of set p56 and on the look-alikes of the
//! earlier sets, each stated as a fact about how these texts are written and checked with
//! invented sentences.

use crate::frames_round3::has_topic;
use crate::phenomena::{doc, has, lacks, meta};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn an_area_fronted_as_the_topic_of_a_count_is_a_topic() {
    // "X方面,提出提案N件": the area opens the sentence, the count follows in its own clause.
    let text = "本次会议共收到提案420件。工业发展方面,提出提案96件,主要有甲、乙等。城乡治理方面,提出提案71件。";
    let r = doc(text);
    has(&r, (Proposal, Total, 420.0, Eq));
    lacks(&r, Total, 96.0);
    lacks(&r, Total, 71.0);
    has_topic(text, "工业发展", Some(96));
    has_topic(text, "城乡治理", Some(71));
    // A session is when the items were raised, not what they are about.
    let r = doc("本届会议方面,共提出提案96件。");
    has(&r, (Proposal, Total, 96.0, Eq));
}

#[test]
fn what_is_still_to_be_done_with_an_adopted_item_is_its_class() {
    // Adoption is the stage before implementation: "被采纳、有待逐步实施" is one group.
    let r = doc(
        "今年共办理提案90件,已全部办复。其中已解决的30件,被采纳、有待逐步实施的50件,因条件限制暂不能实施的10件。",
    );
    has(&r, (Proposal, Solved, 30.0, Eq));
    has(&r, (Proposal, InProgress, 50.0, Eq));
    has(&r, (Proposal, NotFeasible, 10.0, Eq));
    // Two groups of one head in different states stay two groups: no fact.
    let r = doc("今年共办理提案90件,其中已解决和正在解决的60件。");
    lacks(&r, Solved, 60.0);
    lacks(&r, InProgress, 60.0);
}

#[test]
fn items_registered_after_their_count_with_their_kind_named_are_a_whole() {
    // "对…的N件提案先予立案": registering is a stage of its own, said after the count.
    let r = doc("大会共收到提案210件。经初步审查,对内容明确的180件提案先予立案,其余待会后审查。");
    has(&r, (Proposal, Total, 210.0, Eq));
    has(&r, (Proposal, Total, 180.0, Eq));
}

#[test]
fn the_upper_end_of_a_range_is_no_count() {
    let r = doc("今年共承办提案40件。要求每位委员提交1-2件提案,各单位确定2至3件重点提案。");
    has(&r, (Proposal, Total, 40.0, Eq));
    lacks(&r, Total, 2.0);
    lacks(&r, Key, 3.0);
}

#[test]
fn a_report_given_on_a_bodys_behalf_is_that_bodys() {
    // The CPPCC standing committee's report to the plenary counts the government's replies too.
    let m = meta(
        "各位委员:\n我受政协某市委员会常务委员会的委托,向大会报告一年来的提案工作情况。\n一年来,共提出提案300件,立案280件。市政府共承办提案260件,已全部办复。",
    );
    assert_eq!(m.sector, "政协");
    // A government's report to the congress's standing committee.
    let m = meta(
        "某市人大常委会:\n受市人民政府委托,现将代表建议办理情况报告如下。\n市人大代表共提出建议200件,已全部办结。",
    );
    assert_eq!(m.sector, "政府");
}

#[test]
fn proposers_round_ups_are_no_handling_reports() {
    // A party branch's account of what its members raised at the sessions.
    let m = meta(
        "某党派市委会2022年两会履职综述\n会议期间,共提交集体提案8件、个人提案21件,其中人大建议4件。",
    );
    assert!(!m.is_report);
    // A congress's own year in review takes in the handling it oversees.
    let text = "区人大常委会加强代表建议督办,代表共提出建议92件,承办单位已全部办结,代表对办理结果满意率98%。";
    assert!(meta(&format!("2021年某区人大履职成绩单\n{text}")).is_report);
    // The same text under a title about its members' own duties is about them.
    assert!(!meta(&format!("某区人大代表积极履职\n{text}")).is_report);
}

#[test]
fn a_role_before_the_first_kind_of_a_list_is_the_role_of_the_rest() {
    // "其中主办建议5件、提案5件;会办建议5件、提案6件".
    let r = doc("今年共收到建议提案30件,其中主办建议7件、提案8件;会办建议6件、提案9件。");
    has(&r, (Suggestion, Lead, 7.0, Eq));
    has(&r, (Proposal, Lead, 8.0, Eq));
    has(&r, (Suggestion, Co, 6.0, Eq));
    has(&r, (Proposal, Co, 9.0, Eq));
}

#[test]
fn a_title_that_opens_with_its_author_names_who_reports() {
    // The items came from a congress session; the government wrote the report.
    let m = meta(
        "某县人民政府关于县第十届人大三次会议代表建议办理情况的报告\n县第十届人大三次会议期间,代表共提出建议85件,已全部办结。",
    );
    assert_eq!(m.sector, "政府");
    let m = meta(
        "某区人民政府2018年人大代表建议办理总体情况\n区人大二次会议以来,人大代表共提出建议120件,已全部办复。",
    );
    assert_eq!(m.sector, "政府");
    // A sentence that names a body is no title.
    let m = meta(
        "根据县人大常委会关于代表建议办理评议工作的要求,现将我局办理情况报告如下:\n今年我局共承办代表建议12件,已全部办结。",
    );
    assert_ne!(m.sector, "人大");
    // The head of a government speaks for it.
    let m = meta(
        "代表建议处理情况汇报\n主任、各位副主任:\n受市长委托,我代表市政府报告代表建议处理情况。市人大代表共提出建议150件,已全部办复。",
    );
    assert_eq!(m.sector, "政府");
}

#[test]
fn an_area_with_its_registered_count_is_a_topic() {
    // "其中,经济建设方面立案158件": the registering verb between the area and its count.
    let text =
        "本次会议共收到提案500件,立案420件。其中,工业发展方面立案160件,社会事业方面立案260件。";
    let r = doc(text);
    has(&r, (Proposal, Total, 420.0, Eq));
    lacks(&r, Total, 160.0);
    has_topic(text, "工业发展", Some(160));
    has_topic(text, "社会事业", Some(260));
}

#[test]
fn items_completed_so_far_of_a_role_are_no_role_count() {
    // "33件会办件已完成28件": the completed part of the co-handled items.
    let r = doc(
        "今年共承办建议98件,其中主办件65件,会办件33件。目前,33件会办件已完成28件,其余5件正在办理。",
    );
    has(&r, (Suggestion, Co, 33.0, Eq));
    lacks(&r, Co, 28.0);
}

#[test]
fn items_put_among_a_kind_of_items_are_no_outcome() {
    // "列入议案2件": registered as motions, not put into a plan.
    let r = doc("本次会议共收到代表提出的建议30件,列入议案2件,已全部办结。");
    lacks(&r, InProgress, 2.0);
    // A plan still is one.
    let r = doc("今年共办理建议30件,其中列入计划逐步解决的8件。");
    has(&r, (Suggestion, InProgress, 8.0, Eq));
}

#[test]
fn a_word_swapped_middle_grade_rate_is_no_satisfaction_rate() {
    // "基本满足率" is a converter's copy of 基本满意率, the middle grade's share.
    let r = doc("今年共承办建议提案15件,按时办结率100%,代表委员基本满足率100%。");
    lacks(&r, SatisfactionRate, 100.0);
}

#[test]
fn items_a_government_system_takes_on_are_a_total_of_their_own() {
    // "其中,由政府系统承办的365件": handed on, a total beside the whole they came from; and the
    // outcome said of the items raised ("代表提出的建议已经解决落实的…") is their class.
    let r = doc(
        "今年,市人大代表共提出建议401件,其中,由政府系统承办的365件,占总量的91%。目前已全部办理完毕。其中,代表提出的建议已经解决落实的A类件为281件;正在解决或列入计划逐步解决的B类件为66件。",
    );
    has(&r, (Suggestion, Total, 401.0, Eq));
    has(&r, (Suggestion, Total, 365.0, Eq));
    has(&r, (Suggestion, Solved, 281.0, Eq));
    // What an item proposes is no outcome of it.
    let r = doc(
        "今年共承办代表建议120件。将某代表领衔提出的逐步解决城区停车难问题等6件建议交由市政府领导领办。",
    );
    lacks(&r, InProgress, 6.0);
}

#[test]
fn matters_named_by_their_number_and_items_yet_to_be_raised_are_no_counts() {
    let r = doc("今年共承办代表建议128件,已全部办复。市政府将养老服务列入“为民办十件实事”。");
    lacks(&r, InProgress, 10.0);
    lacks(&r, Total, 10.0);
    let r = doc("去年代表建议已全部办复。今年,代表团代表拟提出议案建议63件。");
    lacks(&r, Total, 63.0);
}

#[test]
fn items_raised_in_a_delegations_name_are_a_part_by_proposer() {
    let r = doc(
        "大会期间代表共提出建议7139件,其中初任代表提出建议4499件,占63%;以代表团名义提出建议126件,涉及18个代表团。",
    );
    has(&r, (Suggestion, Total, 7139.0, Eq));
    lacks(&r, Total, 126.0);
}

#[test]
fn suggestions_named_only_by_their_count_are_handled_items() {
    // A department that calls its items only 建议 still reports on their handling.
    let m = meta(
        "某市民政局2020年建议办理情况\n今年市民政局共承办建议50件,已全部办结,代表满意率100%。",
    );
    assert!(m.is_report);
    // 建议 as the verb "suggest" names no items.
    let m = meta("某市民政局2020年工作总结\n我们建议各单位加强学习,今年共开展培训50次。");
    assert!(!m.is_report);
}
