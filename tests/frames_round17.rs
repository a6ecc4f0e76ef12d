//! Round 17 of issue 7: rules found on the misses of sets p41, p42, p44 and p45, each stated
//! as a fact about how handling reports are written and checked with invented sentences.

use crate::phenomena::{doc, has, lacks};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn an_aim_held_close_is_what_a_part_was_raised_around() {
    // 紧扣 (holding close to) an aim, and what the raisers did about it before the comma.
    let r = doc(
        "五年来,共提交提案3200件,经审查立案2400件。紧扣“建设现代化经济体系”积极献策,提出提案580件;聚焦保障和改善民生,提出提案900件。",
    );
    has(&r, (Proposal, Total, 3200.0, Eq));
    lacks(&r, Total, 580.0);
    lacks(&r, Total, 900.0);
}

#[test]
fn a_goal_named_after_the_items_were_all_dealt_with_was_met() {
    let r = doc(
        "年内共收到建议和提案5件。交由我委主办的4件建议和提案已全部完成,实现“面商率、满意率、办复率”三个100%的工作目标。",
    );
    has(&r, (Combined, ReplyRate, 100.0, Eq));
    has(&r, (Combined, SatisfactionRate, 100.0, Eq));
    // A goal still sought stays a target.
    let r = doc("今年共承办建议20件,均已办结,力争实现满意率100%的目标。");
    has(&r, (Suggestion, SatisfactionRate, 100.0, Target));
}

#[test]
fn a_recommendation_of_a_cppcc_is_counted_with_its_proposals() {
    // 建议案 is a CPPCC's formal recommendation; named with the congress, a deputies' item.
    let r = doc("区政协五届二次会议以来,共收到建议案2件,提案64件,均已办复。");
    has(&r, (Proposal, Total, 2.0, Eq));
    has(&r, (Proposal, Total, 64.0, Eq));
    let r = doc("今年我局共收到人大建议案3件、人大代表建议12件,均已按时办复。");
    has(&r, (Suggestion, Total, 3.0, Eq));
    has(&r, (Suggestion, Total, 12.0, Eq));
}
