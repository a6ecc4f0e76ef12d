//! Round 16 of issue 7: rules found on the misses of sets p36 and p39, each stated as a fact
//! about how handling reports are written and checked with invented sentences.

use crate::phenomena::{doc, has, lacks};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn the_share_the_outcome_classes_add_up_to_is_their_base() {
    // The share passed to the government is what the report classifies: A + B + C = 140.
    let r = doc(
        "市八届人大三次会议期间,代表们共提出建议150件,交市政府系统办理140件,占93.3%。所提问题已经解决的A类100件;正在解决的B类30件;暂时不能解决的C类10件。",
    );
    has(&r, (Suggestion, Total, 150.0, Eq));
    has(&r, (Suggestion, Total, 140.0, Eq));
    // When the classes add up to something else, the share stays a part.
    let r = doc(
        "市八届人大三次会议期间,代表们共提出建议150件,交市政府系统办理140件,占93.3%。所提问题已经解决的A类100件;正在解决的B类30件;暂时不能解决的C类11件。",
    );
    lacks(&r, Total, 140.0);
    // So too for a part introduced by 其中.
    let r = doc(
        "代表们共提出建议120件,其中,由市政府系统承办的110件,占全市代表建议总量的91.7%。截至目前,所提问题已经解决的80件;正在解决的25件;因条件限制暂时难以解决留作参考的5件。",
    );
    has(&r, (Suggestion, Total, 110.0, Eq));
}

#[test]
fn a_split_among_handlers_after_the_whole_in_one_sentence_gives_parts() {
    let r = doc(
        "市五届人大二次会议以来共收到代表建议90件,交市人民政府办理80件、市中级人民法院2件、转交市委有关部门办理8件。目前已全部办结。",
    );
    has(&r, (Suggestion, Total, 90.0, Eq));
    lacks(&r, Total, 80.0);
    lacks(&r, Total, 8.0);
}

#[test]
fn a_count_that_adds_up_the_totals_before_it_is_their_whole() {
    // Motions and suggestions counted apart, then all handled as suggestions: 20 + 50 = 70.
    let r = doc(
        "县十届人大二次会议共收到代表10人以上联名的议案20件,收到建议、批评和意见50件,经大会审议,70件均作为建议处理,其中5件为重点建议。",
    );
    has(&r, (Suggestion, Total, 70.0, Eq));
    has(&r, (Suggestion, Key, 5.0, Eq));
    lacks(&r, Total, 20.0);
    lacks(&r, Total, 50.0);
}

#[test]
fn key_items_may_be_named_after_a_long_description() {
    let r = doc(
        "州人大常委会召开主任会议,确定20件事关全州民生发展、生态保护的重点督办人大代表建议。全州代表提出建议200件。",
    );
    has(&r, (Suggestion, Key, 20.0, Eq));
    has(&r, (Suggestion, Total, 200.0, Eq));
}

#[test]
fn roles_take_the_kind_their_sentence_named_before() {
    let r = doc(
        "对全国人大交办的代表建议,省政府主办3件、协办5件,均按规定办结。省政府共办理省人大代表建议181件,省政协提案300件。",
    );
    has(&r, (Suggestion, Lead, 3.0, Eq));
    has(&r, (Suggestion, Co, 5.0, Eq));
}

#[test]
fn class_letters_may_be_printed_in_lower_case() {
    // The letters defined once for suggestions are used again for the proposals.
    let r = doc(
        "已采纳的建议(a类)300件,已制定计划逐步解决的建议(b类)120件。今年共承办政协提案460件,经各单位认真办理,确定为a类350件、b类100件、c类10件。",
    );
    has(&r, (Proposal, Solved, 350.0, Eq));
    has(&r, (Proposal, InProgress, 100.0, Eq));
}
