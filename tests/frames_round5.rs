//! Rules of the sixth round of issue 7 (written from the errors of wild20h and wild20i), one
//! invented sentence each: shares of the joined upper grades, who speaks in a news item, and
//! the other forms the round added.

use crate::phenomena::{ENGINE, doc, has, lacks, meta};
use banli::ingest::Kind;
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn the_share_of_the_joined_upper_grades_is_the_satisfaction_rate() {
    let r = doc("共承办政协提案40件。提案者表示满意或基本满意的占95%。");
    has(&r, (Proposal, SatisfactionRate, 95.0, Eq));
    let r = doc("共承办政协提案40件。满意和基本满意的占总数的88%。");
    has(&r, (Proposal, SatisfactionRate, 88.0, Eq));
    // The share of one grade alone is no satisfaction rate.
    let r = doc("共承办政协提案40件。表示满意的占70%,基本满意的占30%。");
    lacks(&r, SatisfactionRate, 70.0);
    lacks(&r, SatisfactionRate, 30.0);
}

#[test]
fn a_session_named_in_the_counting_sentence_leaves_the_event_s_body_speaking() {
    // The counting sentence names the congress only by its session: the body that supervises
    // (督办) in the title speaks.
    let m =
        meta("市人大督办代表建议办理\n市八届人大二次会议期间代表提出的93件建议,交由41个单位办理。");
    assert_eq!(m.sector, "人大");
    // A government that counts them reports them.
    let m = meta("市政府系统共承办市八届人大二次会议期间代表提出的建议93件。");
    assert_eq!(m.sector, "政府");
}

#[test]
fn a_leader_or_an_office_of_a_body_acts_for_it() {
    let m = meta(
        "6月3日,区人大常委会副主任李明带领视察组,对区十届人大三次会议确定的4件议案办理情况进行视察,区政府副区长陪同。",
    );
    assert_eq!(m.sector, "人大");
    let m = meta("5月8日,镇人大办组织部分代表开展建议办理情况视察活动,镇政府相关负责人参加。");
    assert_eq!(m.sector, "人大");
}

#[test]
fn roles_in_a_bracket_that_add_up_to_both_kinds_are_of_both() {
    let r = doc("今年共收到人大代表建议12件、政协提案9件(主办5件、分办4件、会办12件),均已办结。");
    has(&r, (Combined, Lead, 5.0, Eq));
    has(&r, (Combined, Co, 12.0, Eq));
    // Roles adding up to the last kind's count are of that kind.
    let r = doc("今年共收到人大代表建议12件、政协提案9件(主办5件、会办4件),均已办结。");
    has(&r, (Proposal, Lead, 5.0, Eq));
    has(&r, (Proposal, Co, 4.0, Eq));
}

#[test]
fn the_session_s_items_are_a_part_only_beside_those_raised_between_sessions() {
    let r = doc("县九届人大三次会议期间代表提出的57件建议,分别交由19个单位办理。");
    has(&r, (Suggestion, Total, 57.0, Eq));
    let r = doc("共收到提案130件,其中大会期间收到118件,闭会期间收到12件。");
    has(&r, (Proposal, Total, 130.0, Eq));
    lacks(&r, Total, 118.0);
}

#[test]
fn a_count_joined_by_a_conjunction_continues_the_list_whatever_follows() {
    let r = doc("代表在会议期间提出的12件议案和305件建议均已办理完毕。");
    has(&r, (Suggestion, Total, 12.0, Eq));
    has(&r, (Suggestion, Total, 305.0, Eq));
}

#[test]
fn motions_and_suggestions_are_two_kinds_in_a_split() {
    let r = doc(
        "2020年,市发改委共完成120件建议提案的办理,其中人大建议70件、人大议案5件、政协提案45件。",
    );
    has(&r, (Suggestion, Total, 70.0, Eq));
    has(&r, (Suggestion, Total, 5.0, Eq));
    // A split naming suggestions twice is by level.
    let r = doc("共承办建议提案120件,其中省建议10件、市建议65件、省提案5件、市提案40件。");
    lacks(&r, Total, 65.0);
}

#[test]
fn examples_then_deng_then_the_area_the_count_is_for() {
    let text = "共立案提案300件,其中涉及托育、助餐、康养等民生类提案64件。";
    crate::frames_round3::has_topic(text, "民生", Some(64));
    let text = "共立案提案300件,其中,治沙、护草等围绕生态屏障建设提案51件。";
    crate::frames_round3::has_topic(text, "生态屏障建设", Some(51));
    // 等 inside a word is no list.
    let text = "共立案提案300件,其中,高等教育方面的提案12件,基本公共服务均等化方面的提案9件。";
    crate::frames_round3::has_topic(text, "高等教育", Some(12));
    crate::frames_round3::has_topic(text, "基本公共服务均等化", Some(9));
}

#[test]
fn key_themes_in_xiang_cover_the_items_counted_after_them() {
    let r = doc("共承办代表建议200件。常委会确定了9项重点督办建议,涉及41件。");
    has(&r, (Suggestion, Key, 41.0, Eq));
    lacks(&r, Key, 9.0);
}

#[test]
fn more_ways_of_counting_areas() {
    use crate::frames_round3::has_topic;
    // The words before 涉及 belong to the sentence.
    let text = "共承办人大代表建议60件。今年建议内容涉及乡村道路方面18件,供水供电方面12件。";
    has_topic(text, "乡村道路", Some(18));
    // A shared count said with 各有.
    let text = "共承办人大代表建议60件。涉及环境卫生方面的有11件,殡葬管理和消防安全方面的各有3件。";
    has_topic(text, "殡葬管理", Some(3));
    has_topic(text, "消防安全", Some(3));
    // The largest area by its share, its count after a comma.
    let text = "共承办人大代表建议60件,其中涉及住房保障类工作占比最高,共28件,占46.7%。";
    has_topic(text, "住房保障", Some(28));
}

#[test]
fn a_registered_count_with_its_share_is_a_total() {
    let r = doc("收到政协提案410件,经审查立案372件,占收到总数的90.7%。");
    has(&r, (Proposal, Total, 410.0, Eq));
    has(&r, (Proposal, Total, 372.0, Eq));
    // A proposer's share is still a part.
    let r = doc("共收到政协提案410件,其中委员个人提案250件,占61%。");
    lacks(&r, Total, 250.0);
}

#[test]
fn the_small_percent_sign_is_a_percent_sign() {
    let r = doc("共承办政协提案40件,办复率100\u{fe6a}。");
    has(&r, (Proposal, ReplyRate, 100.0, Eq));
}

#[test]
fn the_full_legal_name_of_suggestions_names_handled_items() {
    let r = ENGINE
        .process_bytes(
            "n.txt",
            "县里动态\n县人大常委会交县政府办理的建议、批评和意见52件全部办复,满意47件、基本满意5件。"
                .as_bytes(),
            Kind::Text,
        )
        .expect("processed");
    assert!(r.meta.is_report);
    has(&r, (Suggestion, Total, 52.0, Eq));
}

#[test]
fn roles_among_the_items_of_an_outcome_class_are_parts() {
    let r = doc("共承办建议50件。已解决14件,其中主办件10件、会办件4件。");
    has(&r, (Suggestion, Solved, 14.0, Eq));
    lacks(&r, Lead, 10.0);
    lacks(&r, Co, 4.0);
    let r = doc("共承办建议50件。已解决的20件中,主办15件,会办5件;正在解决的30件中,主办20件。");
    has(&r, (Suggestion, InProgress, 30.0, Eq));
    lacks(&r, Lead, 15.0);
    lacks(&r, Lead, 20.0);
}

#[test]
fn a_joint_class_shared_among_kinds_by_fenbie_gives_no_fact() {
    let r = doc("共承办建议30件、提案40件,已解决或列入计划解决的分别有22件、31件。");
    has(&r, (Suggestion, Total, 30.0, Eq));
    has(&r, (Proposal, Total, 40.0, Eq));
    lacks(&r, Total, 31.0);
    lacks(&r, Solved, 22.0);
    lacks(&r, InProgress, 31.0);
}

#[test]
fn a_notice_without_its_title_says_so_in_its_body() {
    let m = meta(
        "各乡镇人民政府,县政府各部门:\n县九届人大二次会议期间,代表向县政府提出建议45件。为做好办理工作,现就有关事项通知如下:\n一、提高认识。",
    );
    assert!(!m.is_report);
    // A report that counts the same items is one.
    let m = meta(
        "县政府2023年人大代表建议办理情况\n县九届人大二次会议期间,代表向县政府提出建议45件,已全部办结。",
    );
    assert!(m.is_report);
}

#[test]
fn a_department_named_with_its_enforcement_duty_keeps_its_sector() {
    let m = meta(
        "某区城市管理和综合执法局2022年建议提案办理情况\n2022年,区城市管理和综合执法局共承办建议提案15件,办复率100%。",
    );
    assert_eq!(m.sector, "城管");
}

#[test]
fn a_requirement_the_text_acted_on_is_no_goal() {
    let r = doc("共承办建议20件。依照市里要求,本局按时办复率为100%。");
    has(&r, (Suggestion, ReplyRate, 100.0, Eq));
    // A requirement set for others is.
    let r = doc("共承办建议20件。市政府要求各单位办复率达到100%。");
    has(&r, (Suggestion, ReplyRate, 100.0, Target));
}

#[test]
fn xu_before_whom_an_action_is_owed_is_a_goal() {
    let r = doc("共承办建议20件。各科室须与代表100%见面沟通。");
    has(&r, (Suggestion, ContactRate, 100.0, Target));
    let r = doc("共承办建议20件。与代表见面沟通率100%,无须再次沟通。");
    has(&r, (Suggestion, ContactRate, 100.0, Eq));
}
