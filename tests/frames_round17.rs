//! Round 17 of issue 7: rules found on the misses of sets p41, p42, p44 and p45, each stated
//! as a fact about how handling reports are written and checked with invented sentences.

use crate::phenomena::{ENGINE, doc, has, lacks};
use banli::ingest::Kind;
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

#[test]
fn yian_inside_jianyian_names_no_congress() {
    // A CPPCC text that counts 建议案 speaks of no deputies: its 建议意见 are its members'.
    // (With no header: the tests' header names both kinds, which would speak of deputies.)
    let text = "区政协提案办理工作\n区政协七届二次会议以来,共收到建议案1件,提案64件。审查立案60件,其中建议案1件,提案50件,建议意见9件。在60件建议案、提案、建议意见中,得到解决或基本解决的15件,正在解决的36件,暂不能解决的6件,留作参考的3件。";
    let r = ENGINE
        .process_bytes("t.txt", text.as_bytes(), Kind::Text)
        .expect("processed");
    has(&r, (Proposal, Solved, 15.0, Eq));
    has(&r, (Proposal, InProgress, 36.0, Eq));
}

#[test]
fn a_batch_named_by_its_session_after_outcomes_and_a_semicolon_is_a_new_total() {
    let r = doc(
        "区一届人大二次会议代表建议16件,7件已办结,7件正在办理,2件暂无法办理;区政协一届二次会议委员提案30件,23件已办结,4件正在办理,3件暂无法办理。",
    );
    has(&r, (Suggestion, Total, 16.0, Eq));
    has(&r, (Proposal, Total, 30.0, Eq));
    has(&r, (Proposal, NotFeasible, 3.0, Eq));
    // A bare kind after the semicolon goes on with the outcome.
    let r = doc(
        "共接到人大建议33件、政协提案22件。问题已经解决或基本解决的:人大建议30件,占总数的90.91%;政协提案19件,占总数的86.36%。",
    );
    has(&r, (Proposal, Solved, 19.0, Eq));
}

#[test]
fn a_number_takes_its_unit_from_its_aside() {
    let r = doc(
        "交由市政府系统承办的人大代表建议、政协提案共412件,其中人大代表建议168(含闭会期间1件),政协提案244件。",
    );
    has(&r, (Combined, Total, 412.0, Eq));
    has(&r, (Suggestion, Total, 168.0, Eq));
    has(&r, (Proposal, Total, 244.0, Eq));
    lacks(&r, Total, 1.0);
}

#[test]
fn the_first_count_raised_around_an_aim_is_all_the_items() {
    // No whole was counted before: the aim is what all the items were raised around.
    let r = doc(
        "2004年~2010年,县政协委员围绕全县经济、社会发展和人民群众关注的热点、难点问题,提出提案1300件,审查立案1200件。",
    );
    has(&r, (Proposal, Total, 1300.0, Eq));
    // After a whole, a count raised around an aim is a part.
    let r = doc("五年来,共提交提案3200件。紧扣“建设现代化经济体系”积极献策,提出提案580件。");
    lacks(&r, Total, 580.0);
}
