//! Rules of the eleventh round of issue 7 (written from the errors on fresh search excerpts
//! p11-p14, labelled blind; p15 held out), one invented sentence each.

use crate::phenomena::{doc, has, lacks};
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
