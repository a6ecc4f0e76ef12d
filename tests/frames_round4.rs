//! Rules of the fourth round of issue 7, one invented sentence each: more ways reports name the
//! areas their items concern (verbs of "about" before a count, ranking words, frames such as
//! `以…为主` and `聚焦在…上`, brackets in a list spread over areas), outcomes said of what the
//! items asked for, a second classification of the same items, and leader-supervised batches.

use crate::frames_round3::{has_topic, topics};
use crate::phenomena::{doc, has, lacks};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn about_words_before_a_count_name_its_area() {
    let text = "共承办建议36件,其中关于菜市场改造的有7件,反映校车安全问题的建议5件,\
                涉及夜市管理的建议提案达4件之多。";
    has_topic(text, "菜市场改造", Some(7));
    has_topic(text, "校车安全问题", Some(5));
    has_topic(text, "夜市管理", Some(4));
    // 有关 before a body is "the ones concerned": no area.
    let t = topics("共承办建议36件,其中有关单位会办的9件。");
    assert!(t.iter().all(|(l, _)| !l.contains("单位")), "{t:?}");
}

#[test]
fn words_holding_gong_are_areas_not_sums() {
    let text = "今年共承办建议15件。所办建议中,公共卫生方面6件,共享出行方面3件。";
    has_topic(text, "公共卫生", Some(6));
    has_topic(text, "共享出行", Some(3));
}

#[test]
fn ranked_areas_carry_their_counts() {
    let text = "今年共承办建议30件。从内容看,以社区治理方面居多,共13件,其次是文体设施方面,共8件。";
    has_topic(text, "社区治理", Some(13));
    has_topic(text, "文体设施", Some(8));
    // The count of the second area is no total.
    lacks(&doc(text), Total, 8.0);
}

#[test]
fn a_category_said_with_shuyu_drops_the_verb() {
    let text = "共承办提案19件,属于城市管理类的提案7件,属于教育类的提案4件。";
    has_topic(text, "城市管理", Some(7));
    has_topic(text, "教育", Some(4));
}

#[test]
fn areas_in_frames_and_bracketed_lists() {
    has_topic(
        "今年共承办建议18件,建议主要聚焦在背街小巷整治、口袋公园和农贸市场提升上。",
        "口袋公园",
        None,
    );
    has_topic(
        "今年共承办提案24件,委员提案以托育服务、适老化改造、助餐点建设为主。",
        "适老化改造",
        None,
    );
    let text = "今年共承办提案31件,分布在水利(11件)、林业(6件)和畜牧(4件)三个领域。";
    has_topic(text, "水利", Some(11));
    has_topic(text, "畜牧", Some(4));
    has_topic(
        "今年共承办建议22件,主要反映在菜篮子供应、物业管理、路灯维护三个方面。",
        "物业管理",
        None,
    );
}

#[test]
fn a_list_after_a_colon_and_a_blank_line() {
    // The items are named in the paragraph before a blank line; the colon is no part of a label.
    let text = "今年共承办建议9件,均已办结。\n\n内容包括:渡口改造、码头照明、航道清淤等。";
    has_topic(text, "渡口改造", None);
    let text = "今年共承办建议9件,均已办结。\n\n主要涉及渡口改造、码头照明、航道清淤等内容。";
    has_topic(text, "航道清淤", None);
}

#[test]
fn an_outcome_said_of_what_the_items_asked_for() {
    let r =
        doc("立案的52件提案已全部办复。有20件提案的意见已经得到落实,26件提案的建议意见正在落实。");
    has(&r, (Proposal, Solved, 20.0, Eq));
    has(&r, (Proposal, InProgress, 26.0, Eq));
    // A count that heads a breakdown with its own count after the class is no outcome.
    let r = doc("承办提案10件。10件提案所提问题已经解决(A类)3件,正在解决(B类)7件。");
    lacks(&r, Solved, 10.0);
    has(&r, (Proposal, Solved, 3.0, Eq));
}

#[test]
fn a_second_classification_of_the_same_items_is_not_summed() {
    let r = doc(
        "立案的60件提案已全部办复。其中31件提案被采纳、20件提案被部分采纳。\
                 承办单位边办边改,有15件提案的意见已经落实,36件提案的意见正在落实。",
    );
    has(&r, (Proposal, Solved, 31.0, Eq));
    has(&r, (Proposal, Solved, 15.0, Eq));
    lacks(&r, Solved, 46.0);
    // Two phrases of one class that follow each other are still summed.
    let r = doc("共承办建议20件,已解决的8件,正在解决的5件,列入计划逐步解决的4件,留作参考的3件。");
    has(&r, (Suggestion, InProgress, 9.0, Eq));
}

#[test]
fn a_batch_leaders_supervise_is_a_part() {
    let r = doc("今年共收到代表建议210件,全部办结。其中市领导领衔督办的12件代表建议办结率100%。");
    has(&r, (Suggestion, Total, 210.0, Eq));
    lacks(&r, Total, 12.0);
}

#[test]
fn lists_announced_by_a_verb_of_content_and_a_colon() {
    let text =
        "今年共承办建议26件。代表反映的问题主要有:(一)集贸市场搬迁;(二)河堤加固;(三)路灯维修。";
    has_topic(text, "河堤加固", None);
    let text = "今年共承办提案14件。提案主要涉及以下几类:1.景区管理;2.民宿规范;3.文创开发。";
    has_topic(text, "民宿规范", None);
    let text = "今年共承办建议26件。代表们关注的热点主要是:快递进村、村级卫生室、农村寄宿制学校。";
    has_topic(text, "村级卫生室", None);
    // A list of the body's own shortcomings is no list of areas.
    let t = topics("今年共承办建议26件。办理工作存在的不足主要是:沟通不够及时;答复质量不高。");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn numbered_and_ranked_areas_carry_the_count_after_them() {
    let text =
        "今年共承办建议30件。一是关于农贸市场改造问题,共6件;二是关于中小学课后服务问题,共4件。";
    let t = topics(text);
    assert!(t.contains(&("农贸市场改造".to_string(), Some(6))), "{t:?}");
    // One row for the area, not one without its count beside it.
    assert!(!t.contains(&("农贸市场改造".to_string(), None)), "{t:?}");
    lacks(&doc(text), Total, 6.0);
    let text = "今年共承办建议30件。从内容看,涉及农田水利的最多,有9件;其次是乡村道路,有7件。";
    has_topic(text, "农田水利", Some(9));
    has_topic(text, "乡村道路", Some(7));
    // An area of an earlier, broader list keeps its row without a count.
    let text = "今年共承办提案50件,涉及产业发展、生态保护、社会治理等各个方面。\
                其中有关产业发展方面的提案21件。";
    has_topic(text, "产业发展", None);
    has_topic(text, "产业发展", Some(21));
}
