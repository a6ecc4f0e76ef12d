//! Frame rules of the second round of issue 7, one invented sentence each: remainders, bands of
//! a rate, kinds after a list word, letters a report defines, lists of counts already totalled,
//! earlier-year figures, "all of them" outcomes and the subject of a rate after a count sentence.

use crate::phenomena::{doc, has, lacks};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

fn topic_counts(r: &banli::model::DocRecord) -> Vec<(String, Option<u32>)> {
    r.topics
        .iter()
        .map(|t| (t.label.clone(), t.count))
        .collect()
}

#[test]
fn the_rest_of_the_items_is_a_part() {
    let r = doc("今年交办的代表建议除8件正在办理外,其余的95件代表建议已办理完毕。");
    lacks(&r, Total, 95.0);
    // An outcome of its own still counts.
    let r = doc("共收到政协提案40件,已解决30件,其余10件正在逐步解决。");
    has(&r, (Proposal, InProgress, 10.0, Eq));
}

#[test]
fn a_rate_bounding_a_band_of_items_is_no_rate() {
    let r = doc("代表对承办单位办理工作满意率在90%以上的有52件,占87%。");
    lacks(&r, SatisfactionRate, 90.0);
    let r = doc("代表对承办单位办理工作满意率达90%以上。");
    has(&r, (Suggestion, SatisfactionRate, 90.0, Ge));
}

#[test]
fn a_share_that_reached_a_state_is_its_rate() {
    let r = doc("今年全市提案中98.6%已办复。");
    has(&r, (Proposal, ReplyRate, 98.6, Eq));
}

#[test]
fn a_kind_after_a_list_word_names_the_next_item() {
    let r = doc("共收到人大代表建议6件、政协提案2件。办理的人大建议 6 件和政协提案 2 件全部办结。");
    lacks(&r, Total, 8.0);
    has(&r, (Suggestion, Total, 6.0, Eq));
    has(&r, (Proposal, Total, 2.0, Eq));
    assert!(
        !r.facts
            .iter()
            .any(|f| f.subject == Proposal && f.value == 6.0),
        "{:?}",
        r.facts
    );
}

#[test]
fn the_body_word_names_the_kind_of_a_joined_noun() {
    let r = doc("我局收到4件人大建议提案,4件人大建议提案均被采纳。收到政协建议提案3件。");
    has(&r, (Suggestion, Solved, 4.0, Eq));
    has(&r, (Proposal, Total, 3.0, Eq));
}

#[test]
fn letters_mean_what_the_report_defines() {
    let text = "共承办建议20件。主办件中,列为A类(已经解决)的有5件,列为C类(已列入规划,将逐步解决)有2件;\
                会办件中,列为A类有9件,列为C类有4件。";
    let r = doc(text);
    // Each batch keeps its own outcome counts; the second batch's C is what the first defined.
    has(&r, (Combined, InProgress, 4.0, Eq));
    lacks(&r, NotFeasible, 4.0);
    // A text that defines no letter gives them no class (SCHEMA: "when the text defines A").
    let r = doc("共承办建议20件,列为A类有9件,列为C类有4件。");
    lacks(&r, NotFeasible, 4.0);
    lacks(&r, Solved, 9.0);
}

#[test]
fn a_list_of_areas_of_items_already_counted_is_topics() {
    let r =
        doc("我局共接收提案40件。提案内容包括乡村振兴提案12件;城市更新提案8件;教育发展提案4件。");
    has(&r, (Proposal, Total, 40.0, Eq));
    lacks(&r, Total, 12.0);
    lacks(&r, Total, 8.0);
    lacks(&r, Total, 4.0);
    let t = topic_counts(&r);
    assert!(t.contains(&("城市更新".to_string(), Some(8))), "{t:?}");
}

#[test]
fn a_figure_of_an_earlier_year_is_no_fact() {
    let r = doc(
        "2023年承办建议提案总数比2022年有所增加(2022年共130件、主办60件)。2023年共承办建议提案150件。",
    );
    lacks(&r, Total, 130.0);
    lacks(&r, Lead, 60.0);
    has(&r, (Combined, Total, 150.0, Eq));
}

#[test]
fn gong_right_before_the_number_is_a_sum() {
    let r = doc("1件议案交专门委员会审议,其余9件议案转为建议,加上会议期间收到的51件建议,共60件。");
    has(&r, (Suggestion, Total, 60.0, Eq));
    lacks(&r, Total, 9.0);
    lacks(&r, Total, 51.0);
}

#[test]
fn a_rate_after_a_sentence_of_one_kind_is_of_that_kind() {
    let r =
        doc("全年办理政协提案5件,其中主办2件,协办3件。均已答复并将情况反馈给委员,回复率为100%。");
    has(&r, (Proposal, ReplyRate, 100.0, Eq));
}

#[test]
fn a_whole_named_as_such_is_a_total() {
    let r = doc("今年,我局办件总量88件,主要涉及城市管理领域。");
    assert!(
        r.facts
            .iter()
            .any(|f| f.measure == Total && f.value == 88.0),
        "{:?}",
        r.facts
    );
}

#[test]
fn items_all_led_by_the_body_give_lead_too() {
    let r = doc("今年共承办建议提案30件,其中人大代表建议12件、政协提案18件,全部为本局主办。");
    has(&r, (Combined, Lead, 30.0, Eq));
    has(&r, (Suggestion, Lead, 12.0, Eq));
    has(&r, (Proposal, Lead, 18.0, Eq));
    // Not when co-handled items are named beside them.
    let r = doc("今年共承办建议提案30件,均为本局主办或协办。");
    lacks(&r, Lead, 30.0);
}

#[test]
fn parts_that_add_up_to_a_later_sum_split_by_level() {
    let r = doc(
        "今年转来省人大代表建议6件,省政协提案5件,全国人大代表建议2件,全国政协委员提案1件,共计14件。",
    );
    has(&r, (Combined, Total, 14.0, Eq));
    lacks(&r, Total, 6.0);
    lacks(&r, Total, 5.0);
    // A split by kind keeps its totals.
    let r = doc("今年共收到人大代表建议12件,政协提案8件,合计20件。");
    has(&r, (Suggestion, Total, 12.0, Eq));
    has(&r, (Combined, Total, 20.0, Eq));
}

#[test]
fn more_names_of_reply_and_contact_rates() {
    let r = doc("共承办建议10件,实现了按时办理率、沟通协商率两个100%。");
    has(&r, (Suggestion, ReplyRate, 100.0, Eq));
    has(&r, (Suggestion, ContactRate, 100.0, Eq));
}

#[test]
fn a_notice_that_counts_the_items_it_assigns_is_no_report() {
    use crate::phenomena::ENGINE;
    use banli::ingest::Kind;
    let text = "某市人民政府办公室关于做好今年代表建议办理工作的通知\n今年共收到代表建议93件,现交由各承办单位办理。";
    let r = ENGINE
        .process_bytes("n.txt", text.as_bytes(), Kind::Text)
        .expect("processed");
    assert!(!r.meta.is_report);
    assert!(r.facts.is_empty(), "{:?}", r.facts);
}

#[test]
fn a_hard_wrapped_page_reads_as_paragraphs() {
    let r = doc(
        "今年我局共办理人大代表建议和政协提案共\n计19件,其中主办件为2件,协办件为1\n7件,已按要求全部办理完毕,并逐件答复代\n表委员,办理工作取得了较好的成效。我们\n将继续做好建议提案办理的各项相关工作。",
    );
    has(&r, (Combined, Total, 19.0, Eq));
    has(&r, (Combined, Co, 17.0, Eq));
}

#[test]
fn the_roles_of_a_part_split_the_part() {
    let r = doc(
        "今年共承办人大代表建议30件(主办12件,会办18件),其中道路交通方面的建议10件(主办4件,会办6件)。",
    );
    has(&r, (Suggestion, Lead, 12.0, Eq));
    has(&r, (Suggestion, Co, 18.0, Eq));
    lacks(&r, Lead, 4.0);
    lacks(&r, Co, 6.0);
}

#[test]
fn after_a_full_split_by_kind_roles_are_the_wholes() {
    let r = doc("我局共承办建议、提案30件,其中人大代表建议12件,政协提案18件,主办11件,会办19件。");
    has(&r, (Combined, Lead, 11.0, Eq));
    has(&r, (Combined, Co, 19.0, Eq));
    // Roles given kind by kind stay with their kind.
    let r = doc(
        "我局共承办建议、提案30件,其中人大代表建议12件,主办5件,会办7件,政协提案18件,主办6件,会办12件。",
    );
    has(&r, (Suggestion, Lead, 5.0, Eq));
    has(&r, (Proposal, Lead, 6.0, Eq));
    has(&r, (Proposal, Co, 12.0, Eq));
}

#[test]
fn done_as_required_is_no_goal() {
    let r = doc("共承办建议28件,已经全部按要求办理,回复率和满意率均为100%。");
    has(&r, (Suggestion, ReplyRate, 100.0, Eq));
    has(&r, (Suggestion, SatisfactionRate, 100.0, Eq));
    let r = doc("共承办建议28件,要求满意率达到100%。");
    has(&r, (Suggestion, SatisfactionRate, 100.0, Target));
}

#[test]
fn joined_roles_name_no_one_role() {
    let r = doc("市公管局负责主办、协办代表建议共计5件。");
    has(&r, (Suggestion, Total, 5.0, Eq));
    lacks(&r, Co, 5.0);
    let r = doc("我局共接收提案53件,23件主办、承办、分办提案均已答复。");
    lacks(&r, Lead, 23.0);
}

#[test]
fn what_all_of_them_came_to_may_follow_an_adverb() {
    let r = doc("代表委员提出的32件建议提案均已全部认真吸收采纳。");
    has(&r, (Combined, Solved, 32.0, Eq));
}

#[test]
fn each_item_of_a_list_keeps_its_own_outcome() {
    let r = doc("全年共收到提案244件,173件委员提案被采纳、44件委员提案被部分采纳。");
    has(&r, (Proposal, Solved, 173.0, Eq));
    has(&r, (Proposal, InProgress, 44.0, Eq));
    // Items still being handled have no outcome yet.
    let r = doc("该局承办的24件建议提案正在有序办理中。");
    lacks(&r, InProgress, 24.0);
}

#[test]
fn items_chosen_for_an_award_are_not_handled_items() {
    let r = doc("今年政协收到提案300件,立案280件,评选年度好提案18件。");
    has(&r, (Proposal, Total, 300.0, Eq));
    lacks(&r, Total, 18.0);
}
