//! Rules of the tenth round of issue 7 (written from the errors on fresh search excerpts p6 and
//! p7, labelled blind), one invented sentence each.

use crate::phenomena::{ENGINE, doc, has, lacks};
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

#[test]
fn a_body_with_co_handled_items_too_gives_no_total_from_its_lead_count() {
    let r = doc("今年,市交通局共有15件主办提案、6件协办提案,均已按时答复。");
    has(&r, (Proposal, Lead, 15.0, Eq));
    has(&r, (Proposal, Co, 6.0, Eq));
    lacks(&r, Total, 15.0);
    // A body that only leads still gives its total.
    let r = doc("今年,市交通局共主办提案9件,均已按时答复。");
    has(&r, (Proposal, Total, 9.0, Eq));
}

#[test]
fn counts_leaders_instructed_on_are_no_key_items() {
    let r = doc("本届共收到提案1200件。省领导对35件重点提案和8篇调研报告作出批示。");
    lacks(&r, Key, 35.0);
}

#[test]
fn key_items_may_name_their_handler_and_year_before_the_key_phrase() {
    let r = doc("共收到提案150件,立案131件,并确定9件提案作为2023年县政府办理的重点提案。");
    has(&r, (Proposal, Key, 9.0, Eq));
}

#[test]
fn outcomes_under_a_part_in_its_own_sentence_are_the_parts() {
    let r = doc(
        "共收到建议200件。已解决的120件,列入解决计划的70件。交市政府办理180件,占总数的90%,其中,已解决的110件;列入解决计划的62件。",
    );
    has(&r, (Suggestion, Solved, 120.0, Eq));
    lacks(&r, Solved, 110.0);
    lacks(&r, InProgress, 62.0);
    // A sentence that opens with 其中 breaks down the whole again.
    let r = doc("代表提出建议200件,领导领衔督办12件。其中,已经解决的有7件,正在解决的有5件。");
    has(&r, (Suggestion, Solved, 7.0, Eq));
}

#[test]
fn kinds_side_by_side_after_a_count_are_joined() {
    let r = doc("今年,我局对45件议案建议提案逐一明确承办科室。");
    has(&r, (Combined, Total, 45.0, Eq));
}

#[test]
fn deputies_in_a_report_on_proposals_alone_are_its_proposers() {
    // (Its own title: the shared one names 建议提案.)
    let text = "某市文旅局2025年政协提案办理工作情况报告\n2025年,我局承办政协提案18件,均按时办结,代表对办理工作满意率达100%。";
    let r = ENGINE
        .process_bytes("p.txt", text.as_bytes(), banli::ingest::Kind::Text)
        .expect("processed");
    has(&r, (Proposal, SatisfactionRate, 100.0, Eq));
}

#[test]
fn a_list_the_counted_items_include_is_their_areas() {
    let r =
        doc("今年共收到代表建议30件。建议涵盖面广,包括城乡供水、农村公路、校园安全等多个领域。");
    for label in ["城乡供水", "农村公路", "校园安全"] {
        assert!(
            r.topics.iter().any(|t| t.label == label),
            "{label}: {:?}",
            r.topics
        );
    }
    let r = doc("共收到提案21件。主要涉及乡村旅游、非遗保护、景区提升等几大类。");
    assert!(
        r.topics.iter().any(|t| t.label == "非遗保护"),
        "{:?}",
        r.topics
    );
    // A list after 聚焦 stays a work plan's aims.
    let r = doc("共收到提案21件。我们聚焦产业发展、乡村振兴、基层治理等领域持续发力。");
    assert!(r.topics.is_empty(), "{:?}", r.topics);
}

#[test]
fn outcomes_with_no_kind_take_the_kinds_their_sentence_named() {
    let r = doc(
        "共承办人大建议和政协提案80件,其中人大建议50件、政协提案30件。主办的建议提案均已答复,所提问题已经解决或基本解决60件,已列入工作计划5件。",
    );
    has(&r, (Combined, Solved, 60.0, Eq));
    has(&r, (Combined, InProgress, 5.0, Eq));
}

#[test]
fn an_area_may_hold_gong_inside_a_word() {
    let r = doc("共立案提案100件。其中,公共服务的提案19件,教育发展的提案21件。");
    assert!(
        r.topics
            .iter()
            .any(|t| t.label == "公共服务" && t.count == Some(19)),
        "{:?}",
        r.topics
    );
}

#[test]
fn grades_after_handling_again_and_items_handled_as_letters_are_no_facts() {
    let r = doc(
        "共收到提案300件,经审查立案270件,作委员建议处理30件。其中表示满意的200件、基本满意60件,表示不满意的10件。不满意的提案经重新办理已收到委员表满意的4件、基本满意3件。",
    );
    has(&r, (Proposal, Satisfied, 200.0, Eq));
    lacks(&r, Satisfied, 4.0);
    lacks(&r, BasicallySatisfied, 3.0);
    lacks(&r, Total, 30.0);
}

#[test]
fn replies_named_by_their_class_count_the_items_of_that_class() {
    let r = doc(
        "今年共承办建议提案40件。其中,所提问题已经解决的(A类)15件;正在解决或列入规划逐步解决的答复(B类)22件。",
    );
    has(&r, (Combined, InProgress, 22.0, Eq));
}

#[test]
fn a_class_clause_opening_with_a_conjunction_joins_the_clause_before() {
    let r = doc(
        "今年共承办建议提案40件。其中已解决的15件;所提问题因条件限制或其他原因难以解决的,以及所提问题留作参考的(C类)3件。",
    );
    lacks(&r, Reference, 3.0);
    lacks(&r, NotFeasible, 3.0);
}

#[test]
fn key_items_may_be_chosen_in_the_clause_after_their_count() {
    let r = doc(
        "共收到提案200件。协商遴选出委员普遍关心的提案9件,经主席会议审定为领导领衔督办的重点提案。",
    );
    has(&r, (Proposal, Key, 9.0, Eq));
}

#[test]
fn a_split_among_bodies_in_a_headline_is_parts_of_the_total_below() {
    let r = doc(
        "省政府承办代表建议480件,办复率100%;省法院办理代表建议3件;省检察院办理代表建议2件\n本次会议以来,代表共提出520件建议,已全部办结。",
    );
    has(&r, (Suggestion, Total, 520.0, Eq));
    lacks(&r, Total, 480.0);
    lacks(&r, Total, 3.0);
}

#[test]
fn topic_lists_closed_by_what_the_items_are_about_or_by_the_work_they_concern() {
    // 等 + what the listed items are about + the items.
    let r = doc(
        "去年委员们共提交提案115件。除了聚焦乡村旅游、特色农产品开发等事关全县经济发展的提案外,民生问题也是关注的焦点。",
    );
    assert!(
        r.topics.iter().any(|t| t.label == "乡村旅游"),
        "{:?}",
        r.topics
    );
    // 等方面工作, the deputies as subject of 对, the proposing verb after a comma.
    let r = doc(
        "共收到人大代表建议50件,办复率100%。代表对服务大局、生态保护、未成年人保护等方面工作,提出了意见和建议。",
    );
    assert!(
        r.topics.iter().any(|t| t.label == "生态保护"),
        "{:?}",
        r.topics
    );
    // A long list before 等 and its area's name: the area is the name.
    let r = doc(
        "代表们共提出建议69件。这些建议涉及农林水电、工交、财贸、城建、环保、旅游、土地、供销、乡镇企业等经济建设类的有53件;涉及教育、卫生等社会事业类的有11件。",
    );
    assert!(
        r.topics
            .iter()
            .any(|t| t.label.contains("经济建设") && t.count == Some(53)),
        "{:?}",
        r.topics
    );
}

#[test]
fn a_count_of_items_concerning_a_numbered_heading_counts_that_area() {
    let r = doc(
        "共承办建议提案120件。主要聚焦两个方面:一是产业转型。涉及建议提案45件,占37.5%。二是民营经济。涉及建议提案30件(含交叉)。",
    );
    assert!(
        r.topics
            .iter()
            .any(|t| t.label == "产业转型" && t.count == Some(45)),
        "{:?}",
        r.topics
    );
    // The kind of the items is never an area.
    assert!(
        !r.topics.iter().any(|t| t.label == "建议"),
        "{:?}",
        r.topics
    );
}

#[test]
fn an_item_of_a_topic_list_may_open_with_dui() {
    let r = doc("共承办人大代表建议8件,内容涉及市场建设、电商发展、对外开放、优化营商环境等方面。");
    assert!(
        r.topics.iter().any(|t| t.label == "对外开放"),
        "{:?}",
        r.topics
    );
    assert!(
        r.topics.iter().any(|t| t.label == "市场建设"),
        "{:?}",
        r.topics
    );
}
