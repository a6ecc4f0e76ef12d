//! Rules of the tenth round of issue 7 (written from the errors on fresh search excerpts p6 and
//! p7, labelled blind), one invented sentence each.

use crate::phenomena::{doc, has, lacks};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn an_outcome_phrase_classes_the_count_after_it_not_the_items_before_it() {
    // 18 is the base the 7 are taken from, not items solved.
    let r = doc("全年共收到提案60件。上年度遗留提案18件中已经解决或基本解决7件,其余正在办理。");
    has(&r, (Proposal, Solved, 7.0, Eq));
    lacks(&r, Solved, 18.0);
    lacks(&r, Solved, 25.0);
    // Two items of a list each keep their own outcome.
    let r = doc("共承办提案60件,其中40件被采纳、12件被部分采纳。");
    has(&r, (Proposal, Solved, 40.0, Eq));
}

#[test]
fn batches_by_time_of_receipt_with_no_whole_written_are_each_a_total() {
    let r = doc("本年度共提交大会提案612件,平时提案31件。经审查,立案580件。");
    has(&r, (Proposal, Total, 612.0, Eq));
    has(&r, (Proposal, Total, 31.0, Eq));
    has(&r, (Proposal, Total, 580.0, Eq));
    // With the whole written, the batches are its parts.
    let r = doc("本年度共收到提案643件,其中大会提案612件,平时提案31件。");
    has(&r, (Proposal, Total, 643.0, Eq));
    lacks(&r, Total, 31.0);
    // Areas named of all the items do not make the whole a batch ("各方面").
    let r = doc("代表对各方面工作提出建议820件。今年重点督办建议共12项、涉及代表建议95件。");
    lacks(&r, Total, 95.0);
}
