//! Round 19 of issue 7: rules found on the misses of sets p51 and p52, each stated as a fact
//! about how handling reports are written and checked with invented sentences.

use crate::phenomena::{doc, has, lacks};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn the_whole_a_share_is_taken_of_is_a_total() {
    // "占…总数N件的P%": the share names its whole, which is larger than the share.
    let r = doc("本届会议交由区政府办理的代表建议共86件,占代表建议总数94件的91.5%,已全部办复。");
    has(&r, (Suggestion, Total, 86.0, Eq));
    has(&r, (Suggestion, Total, 94.0, Eq));
    // The whole after the number, with its kind.
    let r = doc("区政府承办政协提案40件,占全部52件提案的76.9%。");
    has(&r, (Proposal, Total, 52.0, Eq));
    // A whole counted first is not counted again by the share that restates it.
    let r = doc("共收到代表建议94件,其中交区政府办理86件,占代表建议总数94件的91.5%。");
    has(&r, (Suggestion, Total, 94.0, Eq));
    let totals = r
        .facts
        .iter()
        .filter(|f| f.measure == Total && f.value == 94.0)
        .count();
    assert_eq!(totals, 1, "{:?}", r.facts);
}

#[test]
fn opinions_sent_back_are_no_items() {
    // Deputies' feedback on the handling, counted in 件, named before the number.
    let r = doc("今年共承办代表建议60件,已全部办复。共收到代表反馈征询意见48件,其中满意45件。");
    has(&r, (Suggestion, Total, 60.0, Eq));
    lacks(&r, Total, 48.0);
    let r = doc("今年共承办代表建议60件。目前已收到代表意见反馈41件,已收到评价39件。");
    lacks(&r, Total, 41.0);
    lacks(&r, Total, 39.0);
    let r = doc("今年共承办代表建议60件,共收到代表反馈征询意见48件,其中满意45件。");
    // The grades of the opinions still count items.
    assert!(
        r.facts
            .iter()
            .any(|f| f.measure == Satisfied && f.value == 45.0),
        "{:?}",
        r.facts
    );
}

#[test]
fn items_supervised_as_key_with_de_are_key_items() {
    let r = doc("今年共承办代表建议60件。市人大常委会领导重点督办的7件建议均已办结。");
    has(&r, (Suggestion, Key, 7.0, Eq));
    // The year the items were chosen for may stand between the verb and the key phrase.
    let r = doc("今年共承办政协提案120件。《关于甲的提案》等9件提案被确定为2018年重点提案。");
    has(&r, (Proposal, Key, 9.0, Eq));
}

#[test]
fn an_aspect_raised_for_a_purpose_is_an_area() {
    // "围绕X方面,为Y提出提案N件": the aspect is the area; what the items were for is not.
    let r = doc(
        "委员们共提交提案180件。其中,围绕文化方面,为繁荣地方文化献计出力提出提案31件;围绕生态文明方面,为加强环境保护建言提出提案22件。",
    );
    has(&r, (Proposal, Total, 180.0, Eq));
    lacks(&r, Total, 31.0);
    lacks(&r, Total, 22.0);
    let labels: Vec<&str> = r.topics.iter().map(|t| t.label.as_str()).collect();
    assert!(labels.contains(&"文化"), "{labels:?}");
    assert!(labels.contains(&"生态文明"), "{labels:?}");
}

#[test]
fn copies_count_items_a_body_deals_with_not_those_a_member_wrote() {
    let r = doc("今年我局承办人大建议、政协提案共19份,均已按时办复。");
    has(&r, (Combined, Total, 19.0, Eq));
    let r = doc("这次会议上,他提交了6份提案,内容涉及教育和医疗。");
    lacks(&r, Total, 6.0);
    // Forms named before the number count no items, even in copies after items in copies.
    let r = doc("街道累计受理代表建议15份,已全部答复。共发出征询意见表15份,收回意见表12份。");
    has(&r, (Suggestion, Total, 15.0, Eq));
    lacks(&r, Total, 12.0);
}

#[test]
fn contents_listed_up_to_a_comma_are_areas() {
    let labels =
        |text: &str| -> Vec<String> { doc(text).topics.iter().map(|t| t.label.clone()).collect() };
    let got =
        labels("今年共承办建议提案21件。内容涉及城乡供水、污水处理、河道整治,做到件件有回音。");
    assert_eq!(got, ["城乡供水", "污水处理", "河道整治"]);
    let got = labels("委员共提出提案96件,内容覆盖产业发展、文化旅游、社会治理等各个方面。");
    assert_eq!(got, ["产业发展", "文化旅游", "社会治理"]);
    // 涉及 alone before a comma may be anything the sentence is about.
    let got = labels("今年共承办建议提案21件。此项工作涉及住建、水务、交通,需要各部门协同。");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn return_visits_are_contact_with_the_proposer() {
    let r = doc("今年共承办代表建议20件,已全部办结,办结率100%、回访率100%、满意率98%。");
    has(&r, (Suggestion, ContactRate, 100.0, Eq));
    has(&r, (Suggestion, SatisfactionRate, 98.0, Eq));
}

#[test]
fn a_share_of_items_that_got_a_reply_is_the_reply_rate() {
    // The state reached after how it was reached: 得到办理答复, 按时办结.
    let r = doc("今年共立案提案310件。提案100%得到办理答复,所提问题大多已经解决。");
    has(&r, (Proposal, ReplyRate, 100.0, Eq));
    let r = doc("今年共承办代表建议30件,100%按时办结。");
    has(&r, (Suggestion, ReplyRate, 100.0, Eq));
    // Carried out (落实) is no reply.
    let r = doc("今年共承办代表建议30件,100%得到落实。");
    assert!(r.facts.iter().all(|f| f.measure == Total), "{:?}", r.facts);
}

#[test]
fn the_deputies_full_name_with_criticism_first_names_their_suggestions() {
    let r = doc("今年,镇人大代表提出的批评、建议和意见26条已全部办理答复,满意率100%。");
    has(&r, (Suggestion, Total, 26.0, Eq));
    has(&r, (Suggestion, SatisfactionRate, 100.0, Eq));
}

#[test]
fn items_handed_on_to_a_government_are_a_total_of_their_own() {
    let r = doc("全会期间共收到提案430件,其中交由市政府系统办理的有390件,占比90.7%,均已办复。");
    has(&r, (Proposal, Total, 430.0, Eq));
    has(&r, (Proposal, Total, 390.0, Eq));
    // Of the whole they came from, though the sentence named another kind before.
    let r =
        doc("代表提出建议300件;委员提交提案520件,经审查立案500件,其中交由市政府承办480件,占96%。");
    has(&r, (Proposal, Total, 480.0, Eq));
    // Handed to another body: still a part.
    let r = doc("共收到提案430件,其中交由市委统战部办理的有12件。");
    lacks(&r, Total, 12.0);
}
