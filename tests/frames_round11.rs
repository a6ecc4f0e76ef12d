//! Rules of the eleventh round of issue 7 (written from the errors on fresh search excerpts
//! p11-p14, labelled blind; p15 held out), one invented sentence each.

use crate::phenomena::{doc, has, lacks, meta};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn a_count_larger_than_every_total_before_it_is_a_new_batch_not_a_part() {
    let r = doc(
        "2023年,本局共承办建议提案420件(建议250件、提案170件)。2024年两会期间共提出涉及交通的建议提案465件(建议280件、提案185件)。",
    );
    has(&r, (Combined, Total, 420.0, Eq));
    has(&r, (Combined, Total, 465.0, Eq));
    has(&r, (Suggestion, Total, 280.0, Eq));
    // Smaller than the whole, the same words name a part of it: a topic, no total.
    let r = doc("今年本局共承办建议提案420件,其中涉及交通的建议提案65件。");
    lacks(&r, Total, 65.0);
    // A sum written later in the sentence makes it a part again.
    let r = doc("闭会期间收到建议8件,加上会议期间收到的51件建议,共59件。");
    lacks(&r, Total, 51.0);
}

#[test]
fn a_sum_after_totals_of_two_kinds_is_combined() {
    let r = doc("去年,本厅承办人大代表建议96件、政协提案71件,共167件,均已按时办复。");
    has(&r, (Suggestion, Total, 96.0, Eq));
    has(&r, (Proposal, Total, 71.0, Eq));
    has(&r, (Combined, Total, 167.0, Eq));
    lacks(&r, Total, 0.0);
    // A later stage with a cue of its own keeps its kind.
    let r = doc("会议期间共收到代表建议300件;委员共提交提案420件,立案401件。办复率100%。");
    has(&r, (Proposal, Total, 401.0, Eq));
}

#[test]
fn roles_of_one_class_joined_count_that_class() {
    let r = doc("今年共承办建议提案200件。其中,主办90件;协办、会办110件。办复率100%。");
    has(&r, (Combined, Lead, 90.0, Eq));
    has(&r, (Combined, Co, 110.0, Eq));
    // Roles of two classes joined count both: no role.
    let r = doc("本委负责主办、协办代表建议共计12件,已全部办复。");
    lacks(&r, Lead, 12.0);
    lacks(&r, Co, 12.0);
}

#[test]
fn a_body_named_before_its_work_is_no_role() {
    let r =
        doc("今年共收到代表建议175件,区政府办理168件,区总工会办理2件,商会办理1件。办复率100%。");
    lacks(&r, Co, 2.0);
    lacks(&r, Co, 1.0);
}

#[test]
fn a_committee_that_passed_items_on_is_not_their_proposer() {
    let r = doc(
        "本部共收到全国人大常委会办公厅和有关专门委员会交由承办的代表建议318件,其中主办120件、协办198件。",
    );
    has(&r, (Suggestion, Total, 318.0, Eq));
    // Proposals of the committees themselves are a slice.
    let r = doc("今年共收到提案500件,其中专门委员会提案20件。");
    lacks(&r, Total, 20.0);
}

#[test]
fn the_first_count_of_a_text_is_the_whole_even_with_a_slice_word() {
    let r = doc("区人大会议期间,大会共收到代表书面建议88件,全部交由区政府办理,办复率100%。");
    has(&r, (Suggestion, Total, 88.0, Eq));
    // What a number includes, in brackets, stays a part.
    let r = doc("今年共收到建议提案157(含7月交办5件。其中主办75件,会办82件。办复率100%。");
    lacks(&r, Total, 5.0);
}

#[test]
fn later_resolution_and_replies_inside_a_class_phrase() {
    let r = doc(
        "今年共承办代表建议60件,办复率100%。其中办理答复代表已经解决31件,正在解决20件,因条件尚不具备需后续解决的9件。",
    );
    has(&r, (Suggestion, Solved, 31.0, Eq));
    has(&r, (Suggestion, InProgress, 20.0, Eq));
    has(&r, (Suggestion, NotFeasible, 9.0, Eq));
}

#[test]
fn items_still_being_handled_are_no_outcome_class() {
    let r = doc("今年共承办代表建议60件,已办结58件,还有2件正在进一步办理之中。满意率98%。");
    lacks(&r, InProgress, 2.0);
    let r = doc("今年共承办代表建议60件,其中已解决40件,正在落实20件。");
    has(&r, (Suggestion, InProgress, 20.0, Eq));
}

#[test]
fn contact_made_with_the_proposer_is_a_contact_rate() {
    let r = doc("今年共承办建议提案40件,如期办结率、沟通联系率、反馈满意率均达到100%。");
    has(&r, (Combined, ContactRate, 100.0, Eq));
    has(&r, (Combined, ReplyRate, 100.0, Eq));
}

#[test]
fn key_items_have_a_middle_word_of_handling() {
    let r = doc("今年本部共收到代表建议318件,其中重点处理建议4件。办复率100%。");
    has(&r, (Suggestion, Key, 4.0, Eq));
}

#[test]
fn examples_of_what_assigned_items_covered_are_uncounted_topics() {
    let r = doc(
        "代表一行对县政府交由水利局办理的内容涉及河道治理、农田灌溉、饮水安全等方面的6件人大代表建议进行了检查,已办理完成4件,正在抓紧办理中2件。",
    );
    has(&r, (Suggestion, Total, 6.0, Eq));
    lacks(&r, Total, 4.0);
    lacks(&r, Total, 2.0);
    lacks(&r, InProgress, 2.0);
    let labels: Vec<(&str, Option<u32>)> = r
        .topics
        .iter()
        .map(|t| (t.label.as_str(), t.count))
        .collect();
    assert!(labels.contains(&("河道治理", None)), "{labels:?}");
}

#[test]
fn doing_with_all_values_reached_is_no_goal() {
    let r = doc("今年共收到建议提案30件。每件建议、提案办理做到回复率和满意率均为100%。");
    has(&r, (Combined, ReplyRate, 100.0, Eq));
    has(&r, (Combined, SatisfactionRate, 100.0, Eq));
    let r = doc("今年共收到建议提案30件。今年要做到回复率和满意率均为100%。");
    has(&r, (Combined, ReplyRate, 100.0, Target));
}

#[test]
fn both_bodies_named_before_the_nouns_are_both_kinds() {
    let r = doc(
        "2012年,本分局共需办理人大政协建议提案12件,其中主办件和会办件各6件。满意5件,基本满意1件。",
    );
    has(&r, (Combined, Total, 12.0, Eq));
    has(&r, (Combined, Lead, 6.0, Eq));
    has(&r, (Combined, Co, 6.0, Eq));
    lacks(&r, InProgress, 12.0);
    lacks(&r, Total, 6.0);
}

#[test]
fn a_marker_inside_a_body_name_is_no_outcome() {
    let r = doc("市规划局共办理人大代表建议21件,办复率100%。");
    has(&r, (Suggestion, Total, 21.0, Eq));
    lacks(&r, InProgress, 21.0);
}

#[test]
fn more_than_a_round_number_is_a_floor() {
    let r = doc(
        "去年一年当中,委员提交的提案超过了三千件。共收到提案三千一百零二件,立案二千九百八十件。",
    );
    has(&r, (Proposal, Total, 3000.0, Ge));
    has(&r, (Proposal, Total, 3102.0, Eq));
    let r = doc("共收到提案3102件,立案2980件。截至今年二月底,百分之九十六以上的提案已经办复。");
    has(&r, (Proposal, ReplyRate, 96.0, Ge));
}

#[test]
fn a_larger_count_of_an_earlier_year_is_its_own_total() {
    let r = doc("今年共收到代表建议412件。2019年,455件代表建议的办理满意率达到了100%。");
    has(&r, (Suggestion, Total, 412.0, Eq));
    has(&r, (Suggestion, Total, 455.0, Eq));
    // Without a year it may restate items carried on: no total.
    let r = doc("今年共收到建议提案40件。对需要续办续复的52件建议提案,由原承办处室继续办理。");
    lacks(&r, Total, 52.0);
}

#[test]
fn items_merged_into_one_are_no_count() {
    let r = doc(
        "今年共收到代表建议300件。将由9件代表建议合并而成的《关于加强交通管理的重点建议》确定为重点建议。",
    );
    lacks(&r, Total, 9.0);
    lacks(&r, Key, 9.0);
}

#[test]
fn not_solved_for_want_of_conditions_is_not_feasible() {
    let r = doc("今年共收到提案200件。已经解决的120件,正在解决的60件,因条件限制没有解决的20件。");
    has(&r, (Proposal, NotFeasible, 20.0, Eq));
    let r = doc("今年共收到提案200件,未被采纳的3件。");
    lacks(&r, NotFeasible, 3.0);
}

#[test]
fn a_rate_said_to_have_risen_has_no_share_in_a_later_value() {
    let r = doc("今年共收到提案200件。提案人的满意率进一步提升,面商率和答复率均达100%。");
    assert!(
        r.facts
            .iter()
            .any(|f| f.measure == ContactRate && f.value == 100.0),
        "{:?}",
        r.facts
    );
    lacks(&r, SatisfactionRate, 100.0);
}

#[test]
fn a_table_saved_one_cell_per_line_is_read_as_rows() {
    let r = doc(
        "今年共承办代表建议120件,办复率100%。\n\n类别\n\n件数\n\n百分比(%)\n\n城乡建设\n\n70\n\n58.3\n\n教育卫生\n\n50\n\n41.7\n\n表2\n\n类别标记\n\n件数\n\n百分比(%)\n\nA\n\n80\n\n66.7\n\nB\n\n30\n\n25\n\nC\n\n10\n\n8.3\n\nD\n\n0\n\n0\n\n注:“A”类代表所提问题已解决或基本解决;“B”类代表所提问题列入计划逐步解决;“C”类代表所提问题因条件所限尚不能解决;“D”类代表所提问题未被采纳或留作参考。\n",
    );
    has(&r, (Suggestion, Solved, 80.0, Eq));
    has(&r, (Suggestion, InProgress, 30.0, Eq));
    has(&r, (Suggestion, NotFeasible, 10.0, Eq));
    // D is defined as two classes joined: no class, no fact.
    lacks(&r, Reference, 0.0);
    let counted: Vec<(&str, Option<u32>)> = r
        .topics
        .iter()
        .map(|t| (t.label.as_str(), t.count))
        .collect();
    assert!(counted.contains(&("城乡建设", Some(70))), "{counted:?}");
    assert!(counted.contains(&("教育卫生", Some(50))), "{counted:?}");
}

#[test]
fn a_breakdown_of_one_area_ends_at_the_semicolon() {
    let r = doc(
        "本部承办建议提案共600件。养老方面的建议提案200件,其中涉及养老服务的120件;社会救助方面的建议提案90件;救灾方面的建议提案30件。",
    );
    let counted: Vec<(&str, Option<u32>)> = r
        .topics
        .iter()
        .map(|t| (t.label.as_str(), t.count))
        .collect();
    assert!(counted.contains(&("社会救助", Some(90))), "{counted:?}");
    assert!(counted.contains(&("救灾", Some(30))), "{counted:?}");
}

#[test]
fn classes_of_a_part_by_handler_run_on_past_the_semicolon() {
    let r = doc(
        "在300件代表建议中,交市政府办理280件,占总数的93.3%,其中,已解决的200件,占71.4%;列入解决计划的70件,占25%;暂不能解决的10件。",
    );
    lacks(&r, Solved, 200.0);
    lacks(&r, InProgress, 70.0);
    lacks(&r, NotFeasible, 10.0);
}

#[test]
fn every_area_is_no_area() {
    let r = doc("代表们围绕全镇经济社会发展的各个方面提出了31件建议。办复率100%,满意率100%。");
    has(&r, (Suggestion, Total, 31.0, Eq));
    assert!(
        r.topics.iter().all(|t| !t.label.contains("各")),
        "{:?}",
        r.topics
    );
}

#[test]
fn traffic_police_units_are_public_security() {
    let m = meta(
        "2019年,市公安局交警支队共收到市政府转办的代表建议、委员提案18件,其中代表建议5件,委员提案13件。支队高度重视,办复率100%。",
    );
    assert_eq!(m.sector, "公安");
    let m = meta("2015年,交警大队承办人大代表建议6件、政协提案4件,均已办结,该大队满意率100%。");
    assert_eq!(m.sector, "公安");
}
