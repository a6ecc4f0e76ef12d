//! The frame rules of issue 7, one sentence of our own each: scope (parts, topics, items not
//! handled this period), roles set by headings and brackets, outcome classes composed from
//! their parts, grades, rates joined to one value, and numbers.

use crate::phenomena::{ENGINE, doc, has, lacks};
use banli::ingest::Kind;
use banli::model::{DocRecord, Measure::*, Qualifier::*, Subject::*};

/// A CPPCC report that never names deputies: `建议` there is what a proposal recommends.
fn cppcc(body: &str) -> DocRecord {
    let text = format!("某市政协2021年提案办理工作总结\n{body}");
    ENGINE
        .process_bytes("c.txt", text.as_bytes(), Kind::Text)
        .expect("processed")
}

#[test]
fn parts_by_proposer_time_and_level_are_no_totals() {
    let r = doc("今年共收到政协提案300件,其中集体提案80件、委员个人提案220件。");
    has(&r, (Proposal, Total, 300.0, Eq));
    lacks(&r, Total, 80.0);
    lacks(&r, Total, 220.0);
    let r = doc("共收到提案300件,其中会议期间提交280件,闭会期间提交20件。");
    lacks(&r, Total, 280.0);
    lacks(&r, Total, 20.0);
    let r = doc("共承办人大代表建议37件,其中省人大代表建议7件、市人大代表建议30件。");
    has(&r, (Suggestion, Total, 37.0, Eq));
    lacks(&r, Total, 7.0);
    lacks(&r, Total, 30.0);
}

#[test]
fn a_split_by_kind_keeps_the_measure_of_the_whole() {
    let r = doc("共承办建议提案50件,其中人大代表建议20件,政协提案30件。");
    has(&r, (Combined, Total, 50.0, Eq));
    has(&r, (Suggestion, Total, 20.0, Eq));
    has(&r, (Proposal, Total, 30.0, Eq));
}

#[test]
fn counts_by_subject_area_are_topics() {
    let r = doc("共收到提案120件,其中涉及经济发展方面的提案95件,社会事业类提案25件。");
    lacks(&r, Total, 95.0);
    lacks(&r, Total, 25.0);
    let t: Vec<(&str, Option<u32>)> = r
        .topics
        .iter()
        .map(|t| (t.label.as_str(), t.count))
        .collect();
    assert!(t.contains(&("经济发展", Some(95))), "{t:?}");
    assert!(t.contains(&("社会事业", Some(25))), "{t:?}");
}

#[test]
fn a_role_heading_gives_its_role_to_the_kinds_below() {
    let r = doc(
        "共承办建议提案109件,其中主办件51件、协办件58件。主办件中,人大代表建议共26件,政协提案25件。",
    );
    has(&r, (Suggestion, Lead, 26.0, Eq));
    has(&r, (Proposal, Lead, 25.0, Eq));
    lacks(&r, Total, 26.0);
}

#[test]
fn a_role_with_its_kinds_in_brackets() {
    let r = doc(
        "共承办建议提案140件,其中主合办59件(代表建议34件、政协提案25件),会办81件(代表建议44件、政协提案37件)。",
    );
    has(&r, (Combined, Lead, 59.0, Eq));
    has(&r, (Suggestion, Lead, 34.0, Eq));
    has(&r, (Proposal, Co, 37.0, Eq));
    lacks(&r, Total, 44.0);
}

#[test]
fn the_number_before_the_role_or_the_key_phrase() {
    let r = doc("共承办人大代表建议31件,其中24件为主办,7件为协办。另有10件被确定为重点建议。");
    has(&r, (Suggestion, Lead, 24.0, Eq));
    has(&r, (Suggestion, Co, 7.0, Eq));
    has(&r, (Suggestion, Key, 10.0, Eq));
}

#[test]
fn outcome_classes_compose_from_degree_aspect_and_head() {
    let r = doc(
        "共办理政协提案40件,其中全部得到采纳的12件,部分采纳的10件,需在今后适当时机加以解决的8件,因条件限制留作工作参考的10件。",
    );
    has(&r, (Proposal, Solved, 12.0, Eq));
    has(&r, (Proposal, InProgress, 10.0, Eq));
    has(&r, (Proposal, NotFeasible, 8.0, Eq));
    has(&r, (Proposal, Reference, 10.0, Eq));
    let r = doc("共办理政协提案9件,尚不能解决,已向委员说明解释的3件。");
    has(&r, (Proposal, NotFeasible, 3.0, Eq));
}

#[test]
fn a_heading_per_kind_carries_its_kind_into_the_outcomes() {
    let r = doc(
        "办理结果:8件人大代表建议中,已解决5件,正在解决3件;12件政协提案中,已解决10件,列入计划解决2件。",
    );
    has(&r, (Suggestion, Solved, 5.0, Eq));
    has(&r, (Suggestion, InProgress, 3.0, Eq));
    has(&r, (Proposal, Solved, 10.0, Eq));
    has(&r, (Proposal, InProgress, 2.0, Eq));
}

#[test]
fn an_outcome_list_over_several_lines_sums_one_class() {
    let r = doc(
        "共承办政协提案92件。\n已经解决的(A类)22件。\n正在解决的(B类)68件。\n已列入计划逐步解决的(C类)2件。",
    );
    has(&r, (Proposal, Solved, 22.0, Eq));
    has(&r, (Proposal, InProgress, 70.0, Eq));
}

#[test]
fn in_a_cppcc_report_jianyi_is_what_a_proposal_recommends() {
    let r = cppcc("市政府系统共办理提案572件,所提建议留作参考的29件。");
    has(&r, (Proposal, Total, 572.0, Eq));
    has(&r, (Proposal, Reference, 29.0, Eq));
}

#[test]
fn the_middle_grade_of_three() {
    let r = doc("共承办人大代表建议35件,代表对办理结果满意的30件,比较满意的5件。");
    has(&r, (Suggestion, Satisfied, 30.0, Eq));
    has(&r, (Suggestion, BasicallySatisfied, 5.0, Eq));
}

#[test]
fn rates_led_by_a_count_or_named_without_lu() {
    let r = cppcc("688件提案100%办复。");
    has(&r, (Proposal, ReplyRate, 100.0, Eq));
    let r = doc("共承办人大代表建议20件,实现见面、答复两个百分之百。");
    has(&r, (Suggestion, ContactRate, 100.0, Eq));
    has(&r, (Suggestion, ReplyRate, 100.0, Eq));
}

#[test]
fn a_goal_met_is_achieved_and_a_goal_set_is_a_target() {
    let r = doc("共承办人大代表建议20件,办复率、满意率均为100%,实现了年初确定的工作目标。");
    has(&r, (Suggestion, ReplyRate, 100.0, Eq));
    let r = doc("共承办人大代表建议20件,力争实现办复率、满意率均为100%的目标。");
    has(&r, (Suggestion, SatisfactionRate, 100.0, Target));
}

#[test]
fn items_not_handled_this_period_are_no_facts() {
    let r = doc("共收到人大代表建议20件,已办结18件,主动公开15件,领导批示重要建议3件。");
    has(&r, (Suggestion, Total, 20.0, Eq));
    lacks(&r, Total, 18.0);
    lacks(&r, Total, 15.0);
    lacks(&r, Key, 3.0);
}

#[test]
fn large_chinese_numerals_and_an_added_batch() {
    let r = doc(
        "代表提出建议、批评和意见共四千二百八十七件。此外,有关单位还办理了由人大常委会办公厅交办的、代表在闭会期间提出的建议一百一十六件。",
    );
    has(&r, (Suggestion, Total, 4287.0, Eq));
    has(&r, (Suggestion, Total, 116.0, Eq));
    lacks(&r, Co, 116.0);
}

#[test]
fn a_share_of_what_was_counted_is_a_part() {
    let r = doc("共承办建议提案109件。代表委员最关心的是老旧小区改造,共有30件,占总数的28%。");
    has(&r, (Combined, Total, 109.0, Eq));
    lacks(&r, Total, 30.0);
}

#[test]
fn blank_padding_does_not_make_a_report_a_passing_mention() {
    let padding = " \n".repeat(20_000);
    let r = doc(&format!("共承办人大代表建议20件,办复率100%。{padding}"));
    assert!(r.meta.is_report);
    has(&r, (Suggestion, Total, 20.0, Eq));
}

#[test]
fn respectively_hands_the_kinds_to_the_counts_in_turn() {
    let r = doc("今年牵头办理的人大代表建议、政协提案分别为592件、759件。");
    has(&r, (Suggestion, Lead, 592.0, Eq));
    has(&r, (Proposal, Lead, 759.0, Eq));
}

#[test]
fn roles_after_a_count_of_one_kind_are_of_that_kind() {
    let r = doc(
        "共收到建议提案32件。其中:人大代表建议15件,主办12件,协办3件;政协委员提案17件,主办14件,协办3件。",
    );
    has(&r, (Suggestion, Lead, 12.0, Eq));
    has(&r, (Proposal, Lead, 14.0, Eq));
    has(&r, (Suggestion, Co, 3.0, Eq));
}

#[test]
fn items_counted_in_tiao_or_ge_and_outcomes_with_the_noun_left_out() {
    let r = doc("今年共承办代表建议11条,已解决或年内解决的5个,留作参考的1个。");
    has(&r, (Suggestion, Total, 11.0, Eq));
    has(&r, (Suggestion, Solved, 5.0, Eq));
    has(&r, (Suggestion, Reference, 1.0, Eq));
    let r = doc("办理一件、受益一片。共承办政协提案8件。");
    lacks(&r, Total, 1.0);
}

#[test]
fn respectively_hands_joined_classes_to_the_counts_in_turn() {
    let r = doc("共承办政协提案260件,已解决或列入年度计划解决的分别有40件、200件。");
    has(&r, (Proposal, Solved, 40.0, Eq));
    has(&r, (Proposal, InProgress, 200.0, Eq));
}

#[test]
fn registering_after_review_is_a_second_total_and_a_lead_only_body_gives_its_total() {
    let r = doc("共收到提案187件,其中会后17件,经审查立案175件。");
    has(&r, (Proposal, Total, 175.0, Eq));
    lacks(&r, Total, 17.0);
    let r = doc("去年,国务院各部门共牵头办理全国人大代表建议7873件。");
    has(&r, (Suggestion, Lead, 7873.0, Eq));
    has(&r, (Suggestion, Total, 7873.0, Eq));
}

#[test]
fn a_value_the_rate_rose_from_is_last_years() {
    let r = doc("共承办人大代表建议20件,满意率从2018年的99.2%上升到2020年的99.7%。");
    has(&r, (Suggestion, SatisfactionRate, 99.7, Eq));
    lacks(&r, SatisfactionRate, 99.2);
}

fn topics(r: &DocRecord) -> Vec<(String, Option<u32>)> {
    r.topics
        .iter()
        .map(|t| (t.label.clone(), t.count))
        .collect()
}

#[test]
fn areas_set_before_the_count_or_numbered_with_guanyu_are_topics() {
    let r = doc("共收到提案94件。在经济建设上,提出提案64件;在社会事业上,提出提案30件。");
    let t = topics(&r);
    assert!(t.contains(&("经济建设".into(), Some(64))), "{t:?}");
    lacks(&r, Total, 64.0);
    let r =
        doc("共收到提案180件。围绕民生改善提案80件。主要涉及城市建设和管理46个、教育卫生30个。");
    let t = topics(&r);
    assert!(t.contains(&("民生改善".into(), Some(80))), "{t:?}");
    assert!(t.contains(&("教育卫生".into(), Some(30))), "{t:?}");
    let r = doc("共收到提案18件。提案反映的问题,一是关于城市交通拥堵问题;二是关于农村饮水问题。");
    let t = topics(&r);
    assert!(t.contains(&("农村饮水".into(), None)), "{t:?}");
    let r = doc("共承办政协提案20件,其中主办16件、协办类4件,已经解决或基本解决的有12件。");
    assert!(topics(&r).is_empty(), "{:?}", topics(&r));
}

#[test]
fn the_parts_of_a_count_that_gives_no_fact_give_none() {
    let r = doc("共承办建议提案80件。有办理成果转化的36件,其中建议16件,提案20件。");
    has(&r, (Combined, Total, 80.0, Eq));
    lacks(&r, Total, 16.0);
    lacks(&r, Total, 20.0);
}

#[test]
fn an_aside_in_brackets_is_no_cue_and_a_sum_stays_in_its_statement() {
    let r = doc("其中,牵头主办(含独办,下同)的建议、提案35件(建议24件、提案11件)。");
    has(&r, (Combined, Lead, 35.0, Eq));
    has(&r, (Suggestion, Lead, 24.0, Eq));
    // Taking in split handling (分办, neither lead nor co), the count is of no role.
    let r = doc("其中,牵头主办(含独办、分办,下同)的建议、提案35件(建议24件、提案11件)。");
    lacks(&r, Lead, 35.0);
    lacks(&r, Lead, 24.0);
    let r = doc("承办人大代表建议共17件,其中主办建议12件;市政协提案共计13件,其中主办提案10件。");
    has(&r, (Proposal, Total, 13.0, Eq));
    let r = doc("截至目前,27件人大代表建议和政协委员提案已全部办结,办结率均达到100%。");
    has(&r, (Combined, ReplyRate, 100.0, Eq));
}
