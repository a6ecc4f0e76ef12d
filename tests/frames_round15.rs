//! Round 15 of issue 7: rules found on the misses of the earlier fresh sets and on sets
//! p31–p35, each stated as a fact about how handling reports are written and checked with
//! invented sentences.

use crate::phenomena::{doc, has, lacks};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn a_class_restated_with_ji_is_named_by_the_clause_before() {
    // "…的,即A类提案有N件": the letter is defined by the clause it restates.
    let r = doc(
        "今年共承办政协提案600件。所提问题已经解决或基本解决的,即A类提案有350 件,占58%;所提问题被列入计划或正在解决的,即B类提案有210件;因条件限制暂不能解决的,即C类提案有40件。",
    );
    has(&r, (Proposal, Solved, 350.0, Eq));
    has(&r, (Proposal, InProgress, 210.0, Eq));
    has(&r, (Proposal, NotFeasible, 40.0, Eq));
    // 即将 (about to) restates nothing.
    let r = doc("今年共承办政协提案600件,已解决的有300件,即将办结的30件。");
    lacks(&r, Solved, 30.0);
}

#[test]
fn a_difference_between_periods_is_not_what_the_next_breakdown_splits() {
    // 其中 after "比上一届增加N件" splits the whole before the difference.
    let r = doc("本届以来,我局共承办建议提案420件,比上一届增加96件。其中建议250件,提案170件。");
    has(&r, (Combined, Total, 420.0, Eq));
    has(&r, (Suggestion, Total, 250.0, Eq));
    has(&r, (Proposal, Total, 170.0, Eq));
    lacks(&r, Total, 96.0);
}

#[test]
fn a_count_raised_in_all_around_an_aim_is_the_whole() {
    // 共 says the count is of every item; the aim is what they all covered.
    let r =
        doc("本届以来,委员们围绕全县中心工作和群众关心的热点难点问题,共提出提案312件,立案290件。");
    has(&r, (Proposal, Total, 312.0, Eq));
    has(&r, (Proposal, Total, 290.0, Eq));
}

#[test]
fn long_aim_lists_closed_by_deng_are_areas_of_the_whole() {
    // After a whole, counts raised around a list of aims closed by 等 (or after 就 and 针对)
    // are parts by area: topics, no totals; verbs inside the aims name no outcome.
    let r = doc(
        "五年来共提交提案2100件。委员们围绕推进城市副中心建设、实施创新驱动战略、发展新兴产业等,提出提案700件;就优化营商环境、落实节能减排等方面,提交提案500件;针对教育、医疗、养老等民生问题,提交提案600件。",
    );
    has(&r, (Proposal, Total, 2100.0, Eq));
    lacks(&r, Total, 700.0);
    lacks(&r, Total, 500.0);
    lacks(&r, Total, 600.0);
    lacks(&r, Solved, 500.0);
    crate::frames_round3::has_topic(
        "五年来共提交提案2100件。委员们就优化营商环境、落实节能减排等方面,提交提案500件;针对教育、医疗、养老等民生问题,提交提案600件。",
        "优化营商环境、落实节能减排",
        Some(500),
    );
}

#[test]
fn rates_with_both_authors_named_are_of_the_one_kind_counted() {
    // "与代表委员见面率…" is a stock pair of authors; a report on proposals that counts only
    // proposals gives proposal rates.
    let own = |text: &str| {
        crate::phenomena::ENGINE
            .process_bytes("t.txt", text.as_bytes(), banli::ingest::Kind::Text)
            .expect("processed")
    };
    let r = own(
        "某区2022年政协提案办理工作总结\n2022年,我区共办理市政协委员提案6件(主办1件、会办5件)。目前,6件提案均已按期办结,并实现了与代表委员见面率、办结率和满意率三个100%。",
    );
    has(&r, (Proposal, Total, 6.0, Eq));
    has(&r, (Proposal, SatisfactionRate, 100.0, Eq));
    has(&r, (Proposal, ContactRate, 100.0, Eq));
    // A report that counts both kinds keeps the rates combined.
    let r = doc(
        "今年共办理人大代表建议8件、政协委员提案6件,均已按期办结,并实现了与代表委员见面率、办结率和满意率三个100%。",
    );
    has(&r, (Combined, SatisfactionRate, 100.0, Eq));
}

#[test]
fn put_off_is_not_feasible_and_key_lists_name_key_items() {
    let r = doc(
        "代表们共提出建议300件。列入市人大常委会领导重点督办10件建议,市政府领导现场重点办理10件建议。已解决的(A类)200件,列入计划解决的(B类)80件,暂缓解决的(C类)20件。",
    );
    has(&r, (Suggestion, Key, 10.0, Eq));
    has(&r, (Suggestion, NotFeasible, 20.0, Eq));
    lacks(&r, InProgress, 10.0);
    lacks(&r, Total, 10.0);
    lacks(&r, Solved, 20.0);
}

#[test]
fn lead_counts_of_named_bodies_split_the_items_by_handler() {
    let r = doc(
        "市人大代表共提出建议300件。其中,党群系统主办20件,政府系统主办270件,市中级法院主办6件,市检察院主办4件。",
    );
    has(&r, (Suggestion, Total, 300.0, Eq));
    lacks(&r, Lead, 300.0);
    lacks(&r, Lead, 270.0);
    // One body's own roles still sum as one role.
    let r = doc("我局共承办建议提案15件,其中独办4件、主办8件、协办3件。");
    has(&r, (Combined, Lead, 12.0, Eq));
}

#[test]
fn items_still_being_handled_are_a_status_not_a_count() {
    let r = doc(
        "共收到提案300件,立案280件。截至8月,已办结提案260件,正在办理的20件,其中所提问题已解决的有150件。",
    );
    has(&r, (Proposal, Total, 280.0, Eq));
    lacks(&r, Total, 20.0);
    has(&r, (Proposal, Solved, 150.0, Eq));
}

#[test]
fn grades_of_the_key_items_after_grades_of_all_are_a_part() {
    let r = doc(
        "今年共交办代表建议200件,均已答复。满意190件,基本满意8件,不满意2件。10件重点建议已办理答复完毕,9件满意,1件基本满意。",
    );
    // (The test header names both kinds, so the grades of all the items are combined.)
    has(&r, (Combined, Satisfied, 190.0, Eq));
    has(&r, (Suggestion, Key, 10.0, Eq));
    lacks(&r, Satisfied, 9.0);
    lacks(&r, BasicallySatisfied, 1.0);
    // Without grades of all the items, the key items' grades are the only ones written.
    let r =
        doc("今年共交办代表建议200件,均已答复。10件重点建议已办理答复完毕,9件满意,1件基本满意。");
    has(&r, (Suggestion, Satisfied, 9.0, Eq));
}

#[test]
fn proposers_met_with_after_counts_of_both_kinds_stand_for_all_items() {
    let r = doc(
        "今年共承办市人大建议40件、市政协提案60件。截至九月底已全部办结。与代表见面沟通率100%、办结率100%、满意率100%。",
    );
    has(&r, (Combined, ContactRate, 100.0, Eq));
    has(&r, (Combined, SatisfactionRate, 100.0, Eq));
    // A rate named by its author is that author's kind.
    let r = doc("今年共收到人大建议40件、政协提案60件。实现了代表沟通率、代表满意率两个100%。");
    has(&r, (Suggestion, SatisfactionRate, 100.0, Eq));
}

#[test]
fn a_list_closed_by_a_described_head_of_concern_is_topics() {
    crate::frames_round3::has_topic(
        "本局承办建议提案60件。建议提案内容主要集中在完善行政管理体制、推进强省建设、完善地方法规等本系统正在改革攻坚的重点、热点,情况反映真实。",
        "推进强省建设",
        None,
    );
}

#[test]
fn counts_of_other_things_in_ge_are_no_counted_areas() {
    let t = crate::frames_round3::topics(
        "今年承办委员提案120件。共涉及到十几个部门和本部的23个司局及直属单位。",
    );
    assert!(t.iter().all(|(_, n)| *n != Some(23)), "{t:?}");
}

#[test]
fn kinds_after_baokuo_are_the_counts_own() {
    let r = doc(
        "本部今年将承办600件。本部承办的建议、议案、提案中包括人大代表建议300件、议案40件、政协委员提案260件。",
    );
    has(&r, (Suggestion, Total, 300.0, Eq));
    has(&r, (Proposal, Total, 260.0, Eq));
    lacks(&r, Total, 1.0);
    assert!(
        !r.facts
            .iter()
            .any(|f| f.subject == Combined && f.value == 300.0),
        "300 is the suggestions' count"
    );
}

#[test]
fn lenticular_brackets_hold_asides_as_round_ones_do() {
    let r = doc("2025年,市政府收到市政协转交的提案319件【含重点提案11件】,其中经济建设类120件。");
    has(&r, (Proposal, Total, 319.0, Eq));
    lacks(&r, Key, 319.0);
}
