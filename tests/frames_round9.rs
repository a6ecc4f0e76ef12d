//! Rules of the ninth round of issue 7 (written from the errors on two fresh sets of search
//! excerpts, p1 and p2, labelled blind), one invented sentence each.

use crate::phenomena::{doc, has, lacks};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn a_goal_the_sentence_says_was_reached_gives_figures_as_they_are() {
    // 实现了 opens the sentence, far from the rates its 目标 names.
    let r = doc("今年共承办建议20件。实现了件件有回音,事事有着落,办复率100%、满意率100%的目标。");
    has(&r, (Suggestion, ReplyRate, 100.0, Eq));
    has(&r, (Suggestion, SatisfactionRate, 100.0, Eq));
    // 达到预期目标 before the rates.
    let r = doc("共承办提案15件。从督查情况看,办理工作达到预期目标,办复率达100%,满意率达98%。");
    has(&r, (Proposal, SatisfactionRate, 98.0, Eq));
    // A goal still to be reached stays a target.
    let r = doc("共承办提案15件。力争实现办复率100%、满意率98%的目标。");
    has(&r, (Proposal, SatisfactionRate, 98.0, Target));
}

#[test]
fn an_item_of_the_cppcc_is_a_proposal_whatever_its_noun() {
    let r = doc("今年我局承办的人大代表议案共5件和政协议案9件,均已按时办结。");
    has(&r, (Suggestion, Total, 5.0, Eq));
    has(&r, (Proposal, Total, 9.0, Eq));
}

#[test]
fn a_rate_name_without_its_character_for_rate_opens_its_clause() {
    let r = doc("共承办提案22件,均按时答复,办复率100%,满意98%。");
    has(&r, (Proposal, SatisfactionRate, 98.0, Eq));
    // 不满意 is no satisfaction rate.
    let r = doc("共承办提案22件。办复率100%,不满意2%。");
    lacks(&r, SatisfactionRate, 2.0);
}

#[test]
fn a_sentence_that_splits_items_among_handling_bodies_counts_parts() {
    let r = doc(
        "代表共提出建议300件。经研究,其中,市政府及有关部门承办280件,市中级人民法院承办5件,其他单位承办15件。",
    );
    has(&r, (Suggestion, Total, 300.0, Eq));
    lacks(&r, Total, 280.0);
    // One body alone, with no whole before it, reports what it handled.
    let r = doc("今年市政府系统承办建议280件,已全部办复。");
    has(&r, (Suggestion, Total, 280.0, Eq));
}

#[test]
fn items_passed_on_to_the_bodies_that_handle_them_are_not_carried_out() {
    let r = doc("代表共提出建议60件。交办会上,将60件代表建议全部落实到承办单位。");
    lacks(&r, Solved, 60.0);
    let r = doc("共承办建议60件,其中已全部落实到位的52件。");
    has(&r, (Suggestion, Solved, 52.0, Eq));
}

#[test]
fn a_party_congress_proposal_is_neither_kind() {
    let r = doc("今年共收到建议提案50件,其中,党代会提案2件,人大议案建议21件,政协提案27件。");
    has(&r, (Suggestion, Total, 21.0, Eq));
    has(&r, (Proposal, Total, 27.0, Eq));
    lacks(&r, Total, 2.0);
}

#[test]
fn a_bracket_that_opens_with_the_count_counts_the_items_before_it() {
    let r = doc("县政协调研组了解县教育系统对县政协全会提案(共13项)的办理情况。");
    has(&r, (Proposal, Total, 13.0, Eq));
    let r = doc("县政协调研组了解县教育系统对政协提案(共13件)的办理情况。");
    has(&r, (Proposal, Total, 13.0, Eq));
}

#[test]
fn items_chosen_as_the_key_ones_are_key_and_a_key_phrase_after_a_list_word_is_the_next_items() {
    let r = doc("共收到建议401件,从中选择了10件作为重点,进行跟踪督办。");
    has(&r, (Suggestion, Key, 10.0, Eq));
    lacks(&r, Total, 10.0);
    let r = doc("政府系统共承办人大议案3件、重点建议12件。");
    has(&r, (Suggestion, Key, 12.0, Eq));
    lacks(&r, Key, 3.0);
}

#[test]
fn forms_sent_back_are_no_items() {
    let r = doc("共承办建议300件。从收到的260件“代表建议办理反馈表”来看,代表普遍满意。");
    lacks(&r, Total, 260.0);
    has(&r, (Suggestion, Total, 300.0, Eq));
}

#[test]
fn areas_counted_with_both_kinds_or_after_the_proposers_are_topics() {
    use crate::frames_round3::{has_topic, topics};
    let text = "共承办建议提案300件。从涉及主要领域看,养老和社会福利方面的建议提案120件,占40%;救灾方面的建议提案18件,占6%。";
    has_topic(text, "养老和社会福利", Some(120));
    has_topic(text, "救灾", Some(18));
    // The joined areas are not read again uncounted, nor the frame "viewed from".
    let t = topics(text);
    assert!(
        !t.iter()
            .any(|(l, c)| c.is_none() && (l == "养老" || l.ends_with('看'))),
        "{t:?}"
    );
    let text =
        "共承办建议300件。在农业生产上,全国人大代表共提出建议71件;在农村改革上,共提出建议85件。";
    has_topic(text, "农业生产", Some(71));
    has_topic(text, "农村改革", Some(85));
    let r = doc(text);
    lacks(&r, Total, 71.0);
    // A session is when the items were raised, not what they are about.
    let r =
        doc("在省十一届人大二次会议上,省人大代表共提出建议816件,其中交由省政府系统承办的766件。");
    has(&r, (Suggestion, Total, 816.0, Eq));
}

#[test]
fn examples_of_an_area_are_its_label_when_items_concerning_them_are_counted() {
    use crate::frames_round3::{has_topic, topics};
    let text = "收到的271件提案中,内容涉及经济建设有46件;涉及科技、教体、文化、卫生等方面的提案68件;涉及生态建设、城市建设等方面的提案91件。";
    has_topic(text, "科技、教体、文化、卫生", Some(68));
    has_topic(text, "生态建设、城市建设", Some(91));
    // Examples of what the raised items covered, with the count of them all: a total.
    let text = "代表委员在防灾减灾、安全生产等方面提出了8件建议和提案。";
    assert!(!topics(text).iter().any(|(_, c)| *c == Some(8)));
    has(&doc(text), (Combined, Total, 8.0, Eq));
    // What an area includes, in brackets, is no part of its name; counted bodies are no area.
    let text = "共承办建议55件。其中:涉及交通建设的建议9件;涉及城镇建设(含市容、市政、环境卫生)方面的建议10件。交由市政府系统办理的有50件,涉及部门48个。";
    has_topic(text, "城镇建设", Some(10));
    assert!(!topics(text).iter().any(|(l, _)| l == "部门"));
}

#[test]
fn small_form_punctuation_ends_clauses_as_full_width_does() {
    use crate::frames_round3::has_topic;
    let text = "共收到提案685件。按提案內容分,經濟建設方面233件,佔34%﹔政治建設方面76件,佔11.1%﹔文化建設方面198件,佔28.9%。";
    has_topic(text, "政治建设", Some(76));
    has_topic(text, "文化建设", Some(198));
}

#[test]
fn a_sum_that_names_a_role_gives_it_to_the_counts_it_sums() {
    let r = doc("今年完成了市人大代表建议7件、市政协委员提案6件,共计13件主办件,另有协办件23件。");
    has(&r, (Suggestion, Lead, 7.0, Eq));
    has(&r, (Proposal, Lead, 6.0, Eq));
    has(&r, (Combined, Lead, 13.0, Eq));
    lacks(&r, Total, 7.0);
    // A way of handling counted in a role list is no area.
    let t = crate::frames_round3::topics(
        "民政部承办建议提案共847件,其中,主办402件;会办362件;参阅或转来信83件。",
    );
    assert!(!t.iter().any(|(l, _)| l.contains("来信")), "{t:?}");
}

#[test]
fn roles_in_a_statement_of_a_count_by_level_split_that_count() {
    let r = doc(
        "2022年,我局承办省、市人大政协议提案150件(主办26件,会办124件)。其中,市人大代表建议54件,主办11件,会办43件;市政协提案51件,主办12件,会办39件;省人大代表建议10件,主办1件,会办9件;省政协提案35件,主办2件,会办33件。",
    );
    has(&r, (Combined, Total, 150.0, Eq));
    has(&r, (Combined, Lead, 26.0, Eq));
    lacks(&r, Lead, 11.0);
    lacks(&r, Co, 43.0);
    // A prefecture (州) is a level too.
    let r = doc(
        "2021年我局承办的建议、提案共15件。其中:州人大代表建议2件(主办件2件、会办件0件);州政协提案3件(主办件2件、会办件1件);县人大代表建议4件(主办件3件、会办件1件);县政协提案6件(主办件3件、会办件3件)。",
    );
    has(&r, (Combined, Total, 15.0, Eq));
    lacks(&r, Lead, 2.0);
}

#[test]
fn a_count_by_time_of_receipt_is_a_part_of_a_larger_whole_given_elsewhere() {
    let r = doc(
        "日前,州政协十届三次会议期间共收到提案92件和会后提出的1件提案均已办理完毕。十届三次全会以来,州政协共收到提案93件,经审查立案89件。",
    );
    has(&r, (Proposal, Total, 93.0, Eq));
    lacks(&r, Total, 92.0);
    // Two kinds listed together keep their counts.
    let r = doc("代表在会议期间提出的49件议案和816件建议均办理完毕。");
    has(&r, (Suggestion, Total, 49.0, Eq));
    has(&r, (Suggestion, Total, 816.0, Eq));
    // 顺利实现…的工作目标 says the goal was reached.
    let r = doc("共承办建议20件,顺利实现走访率100%、办复率100%的工作目标。");
    has(&r, (Suggestion, ReplyRate, 100.0, Eq));
}

#[test]
fn what_became_of_the_problem_may_be_said_after_a_comma() {
    let r = doc(
        "96件提案中,47件提案所提问题已经解决或基本解决,占比48%;42件提案所提问题需要长期坚持去抓,已列入工作计划中,占比43%;7件提案所提问题因客观因素制约,暂时难以解决留做参考,占比7%。",
    );
    has(&r, (Proposal, InProgress, 42.0, Eq));
    has(&r, (Proposal, Reference, 7.0, Eq));
}

#[test]
fn a_count_split_by_role_in_the_next_clause_is_a_whole_not_an_area() {
    let r = doc("市政协委员就城市管理领域提出提案45件,其中由市城管局主办的提案有26件、协办19件。");
    has(&r, (Proposal, Total, 45.0, Eq));
    has(&r, (Proposal, Lead, 26.0, Eq));
}

#[test]
fn a_smaller_total_of_another_batch_does_not_stop_a_lead_only_body_giving_its_total() {
    let r = doc(
        "2019年,国务院部门牵头办理全国人大代表建议7162件,全国政协委员提案3281件。2019年科技部共承办人大代表建议408件、政协委员提案441件。",
    );
    has(&r, (Suggestion, Total, 7162.0, Eq));
    has(&r, (Proposal, Total, 3281.0, Eq));
    has(&r, (Suggestion, Total, 408.0, Eq));
}

#[test]
fn the_words_that_number_or_rank_an_area_are_no_part_of_its_label() {
    use crate::frames_round3::has_topic;
    let text = "共收到建议128件,所提建议分为三类:一是财政经济类20件,占15.6%;二是内务司法类7件,占5.5%;三是城乡建设类32件,占25%。";
    has_topic(text, "财政经济", Some(20));
    has_topic(text, "内务司法", Some(7));
    let text = "代表共提出建议1034件。从建议内容看,占比最高的是发展规划和综合经济类,有317件,占30.7%;其次是社会及公共事务类140件,占13.5%。";
    has_topic(text, "发展规划和综合经济", Some(317));
    has_topic(text, "社会及公共事务", Some(140));
}

#[test]
fn items_raised_are_not_yet_dealt_with_and_a_threshold_is_no_count() {
    let r = doc(
        "2022年,委员们重点围绕“十四五”规划实施等,提出提案6173件,立案提案5079件。截至2023年2月底,99.8%的提案已经办复。",
    );
    has(&r, (Proposal, Total, 6173.0, Eq));
    lacks(&r, InProgress, 6173.0);
    has(&r, (Proposal, ReplyRate, 99.8, Eq));
    let r = doc("共承办提案150件。今年,县政协提案的数量首次突破了200件。");
    lacks(&r, Total, 200.0);
}
