//! Rules of the twelfth round of issue 7 (document fields and topic frames found on the sets
//! read in earlier rounds; p16-p20 labelled blind this round), one invented sentence each.

use crate::phenomena::{doc, has, lacks, meta};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

fn labels(text: &str) -> Vec<(String, Option<u32>)> {
    doc(text)
        .topics
        .iter()
        .map(|t| (t.label.clone(), t.count))
        .collect()
}

#[test]
fn a_share_or_a_rank_stands_for_the_largest_area() {
    let l = labels(
        "今年共立案提案900件。按类别分,城乡建设方面的提案占近一半,达四百件;占第二位的是教科文卫体方面的提案,达二百六十件;政治、法律和社会保障等方面提案的数量占第三位,有一百五十件。",
    );
    assert!(l.contains(&("城乡建设".into(), Some(400))), "{l:?}");
    assert!(l.contains(&("教科文卫体".into(), Some(260))), "{l:?}");
    assert!(
        l.contains(&("政治、法律和社会保障".into(), Some(150))),
        "{l:?}"
    );
    // A share without an area is no topic.
    let l = labels("今年共立案提案900件。其中集体提案占近一半,达四百件。");
    assert!(l.iter().all(|(_, n)| *n != Some(400)), "{l:?}");
}

#[test]
fn a_list_closed_by_the_party_and_governments_central_work() {
    let l = labels(
        "本次会议代表共提出建议210件,内容涵盖城市更新、养老托育、营商环境等市委、市政府重点工作。",
    );
    for want in ["城市更新", "养老托育", "营商环境"] {
        assert!(l.iter().any(|(t, _)| t == want), "{want} not in {l:?}");
    }
    let l = labels("委员们围绕产业转型、乡村振兴等县委县政府中心工作提交提案120件。");
    assert!(l.iter().any(|(t, _)| t == "乡村振兴"), "{l:?}");
}

#[test]
fn years_written_in_numerals_and_completion_dates() {
    assert_eq!(
        meta("某省政协提案办复情况\n该省二〇〇九年共立案提案880件,办复率99%。").year,
        Some(2009)
    );
    // A report read in January on the year just ended.
    assert_eq!(
        meta(
            "关于建议办理情况的报告\n(2024年1月20日在某镇人民代表大会第三次会议上)\n截至2023年12月31日,代表建议12件均已办结。"
        )
        .year,
        Some(2023)
    );
    // A dateline of date and time is the page's, not the handling's.
    assert_eq!(
        meta("某省提案办复率高\n来源:某网\n2010年01月24日11:23\n截至去年底,提案均已办复。").year,
        None
    );
}

#[test]
fn a_grade_after_the_items_classes_them() {
    let r = doc("今年代表共提出建议206件,评议出22件不满意件,已交由相关部门再次办理。");
    has(&r, (Suggestion, Unsatisfied, 22.0, Eq));
    lacks(&r, Total, 22.0);
    let r = doc("今年代表提交的建议120件均已答复,但仍有13件建议“不满意”。");
    has(&r, (Suggestion, Unsatisfied, 13.0, Eq));
    lacks(&r, Total, 13.0);
    // A rate is no grade of items, nor are two grades joined.
    let r = doc("今年共办理建议80件,其中45件满意率较高,12件满意或基本满意。");
    lacks(&r, Satisfied, 45.0);
    lacks(&r, Satisfied, 12.0);
    // A grade the items left is not their class.
    let r = doc("今年共办理建议80件,5件不满意件到年底均上升为满意件。");
    lacks(&r, Unsatisfied, 5.0);
}

#[test]
fn a_look_back_named_after_a_count_makes_it_earlier_items() {
    let r =
        doc("今年共提出建议206件。会议听取了对22件不满意件和2件“回头看”不满意件的办理情况说明。");
    lacks(&r, Unsatisfied, 2.0);
}

#[test]
fn the_aim_items_were_raised_around_names_their_area() {
    let r = doc(
        "一年来共提出提案900件。围绕乡村全面振兴,提出提案120件;围绕提升群众生活品质,提出提案200件。",
    );
    lacks(&r, Total, 120.0);
    lacks(&r, Total, 200.0);
    let l: Vec<(String, Option<u32>)> = r
        .topics
        .iter()
        .map(|t| (t.label.clone(), t.count))
        .collect();
    assert!(l.contains(&("乡村全面振兴".into(), Some(120))), "{l:?}");
    assert!(l.contains(&("提升群众生活品质".into(), Some(200))), "{l:?}");
}

#[test]
fn the_next_in_rank_may_name_the_items_after_its_area() {
    let r = doc(
        "本届以来共立案提案841件。从内容看,社会建设方面提案最多,共315件;其次是经济建设方面提案,共302件。",
    );
    lacks(&r, Total, 302.0);
    assert!(
        r.topics
            .iter()
            .any(|t| t.label == "经济建设" && t.count == Some(302)),
        "{:?}",
        r.topics
    );
}

#[test]
fn a_count_of_two_printed_classes_is_no_class() {
    let r = doc(
        "今年共收到建议300件,已解决的(A类)250件,其余留作参考或涉及上级职权的建议(C类、D类)共50件。",
    );
    has(&r, (Suggestion, Solved, 250.0, Eq));
    lacks(&r, Reference, 50.0);
    lacks(&r, NotFeasible, 50.0);
}

#[test]
fn role_items_counted_with_ge_and_restated_without_their_kind() {
    let r = doc(
        "今年本局共收到区政协提案6件(其中4个主办件、2个会办件),均已办结。4个主办件主要聚焦环境治理。",
    );
    has(&r, (Proposal, Lead, 4.0, Eq));
    has(&r, (Proposal, Co, 2.0, Eq));
    // The restatement is the same count, not a combined one.
    assert!(
        !r.facts
            .iter()
            .any(|f| f.subject == Combined && f.measure == Lead),
        "{:?}",
        r.facts
    );
    // 个 with no role or item noun after it counts no items.
    let r = doc("今年共办理提案6件,涉及4个部门。");
    assert!(!r.facts.iter().any(|f| f.value == 4.0), "{:?}", r.facts);
}

#[test]
fn kinds_named_in_turn_take_the_values_in_turn() {
    let r = doc(
        "今年共承办建议235件、提案203件,人大代表和政协委员的满意(基本满意)率分别达到99.6%和98%。",
    );
    has(&r, (Suggestion, SatisfactionRate, 99.6, Eq));
    has(&r, (Proposal, SatisfactionRate, 98.0, Eq));
    // Two rates named in turn keep their own pairing.
    let r = doc("今年共承办建议提案438件,办复率和满意率分别达到100%和98%。");
    has(&r, (Combined, ReplyRate, 100.0, Eq));
    has(&r, (Combined, SatisfactionRate, 98.0, Eq));
}

#[test]
fn baohan_opens_a_breakdown_as_baokuo_does() {
    let r = doc("今年共承办建议提案2479件。其中牵头办理1147件,包含建议614件、提案533件。");
    has(&r, (Suggestion, Lead, 614.0, Eq));
    has(&r, (Proposal, Lead, 533.0, Eq));
}

#[test]
fn an_unexplained_class_letter_counts_a_class_not_a_kind() {
    let r =
        doc("今年共承办建议179件、提案348件。其中,人大代表建议A类件111件,占总数的62%;B类件53件。");
    lacks(&r, Total, 111.0);
    lacks(&r, Total, 53.0);
}

#[test]
fn a_key_phrase_right_after_a_count_is_that_counts() {
    let r = doc("今年共确定政府办理的提案320件,包括5件重点提案、315件建议意见,已全部办复。");
    has(&r, (Proposal, Key, 5.0, Eq));
    lacks(&r, Key, 315.0);
}

#[test]
fn complaints_are_not_items() {
    let r = doc("今年共办理提案320件。去年共受理停车收费投诉2916件。");
    lacks(&r, Total, 2916.0);
}

#[test]
fn a_class_taken_from_counts_of_both_kinds_is_combined() {
    let r = doc(
        "今年共承办代表建议19件、委员提案27件。截至5月底,19件意见建议和27件提案已经解决或基本解决的有29件。",
    );
    has(&r, (Combined, Solved, 29.0, Eq));
    // Taken from one kind's count, it keeps that kind.
    let r = doc("今年共承办代表建议19件、委员提案27件。截至5月底,27件提案已经解决的有20件。");
    has(&r, (Proposal, Solved, 20.0, Eq));
}

#[test]
fn a_letter_in_the_next_item_of_a_list_is_not_this_counts() {
    let r = doc("今年交由本局办理的建议和提案共26件,其中人大代表建议8件,政协提案17件、来信1件。");
    has(&r, (Proposal, Total, 17.0, Eq));
    lacks(&r, Total, 1.0);
}

#[test]
fn a_ranking_lead_in_is_no_part_of_the_area() {
    let l =
        labels("今年共提出建议605件。从类别看,排名前五位的主要是教科文卫类138件,工业交通类116件。");
    assert!(l.contains(&("教科文卫".into(), Some(138))), "{l:?}");
}

#[test]
fn a_rate_in_a_statement_of_one_kind_is_that_kinds() {
    let r = doc(
        "今年代表建议183件及委员提案165件已全部办复。其中代表建议所提问题得到解决的占68.85%,满意率达91.8%;政协委员所提提案得到解决的占67.88%,满意率达到99.34%。",
    );
    has(&r, (Suggestion, SatisfactionRate, 91.8, Eq));
    has(&r, (Proposal, SatisfactionRate, 99.34, Eq));
}

#[test]
fn what_the_items_raised_then_what_became_of_it() {
    let r = doc("今年共承办代表建议109件。截止到目前,已有20余件建议涉及的问题得到了圆满解决。");
    has(&r, (Suggestion, Solved, 20.0, Ge));
}

#[test]
fn a_standing_committees_opinions_are_not_items() {
    let r = doc("常委会听取报告11项,提出各类审议意见16件63条,督办代表建议办理131件。");
    lacks(&r, Total, 16.0);
    has(&r, (Suggestion, Total, 131.0, Eq));
}

#[test]
fn every_side_closes_a_list() {
    let l = labels(
        "今年代表共提出建议209件。这些建议涉及产业发展、环保旅游、民生事业等方方面面,有见地。",
    );
    for want in ["产业发展", "环保旅游", "民生事业"] {
        assert!(l.iter().any(|(t, _)| t == want), "{want} not in {l:?}");
    }
}

#[test]
fn a_body_keeps_the_short_form_of_its_own_name() {
    let sector = |name: &str| {
        meta(&format!(
            "{name}2015年建议提案办理工作总结\n2015年,我局共承办建议提案20件,办复率100%。"
        ))
        .sector
    };
    assert_eq!(sector("某市环境保护局"), "环保");
    assert_eq!(sector("某市生态环境局"), "生态环境");
    assert_eq!(sector("某县卫生和计划生育局"), "卫计");
    assert_eq!(sector("某县卫生局"), "卫健");
    assert_eq!(sector("某省林业和草原局"), "林草");
    assert_eq!(sector("某市国土资源局"), "国土资源");
}

#[test]
fn a_noun_of_other_things_after_the_number_says_what_it_counts() {
    let r = doc("今年共立案提案64件,另有31个意见和建议。提案委员会将41个议题汇总整理为专题报告。");
    lacks(&r, Total, 41.0);
    lacks(&r, Reference, 41.0);
    has(&r, (Proposal, Total, 64.0, Eq));
}

#[test]
fn what_the_counted_items_concern_may_follow_the_count() {
    let l = labels("今年代表共提出建议774件。其中,57件涉及推进健康城市建设,20件涉及改善住房条件。");
    assert!(l.contains(&("推进健康城市建设".into(), Some(57))), "{l:?}");
    assert!(l.contains(&("改善住房条件".into(), Some(20))), "{l:?}");
    // 问题 after the area is no part of its name.
    let l = labels("今年代表共提出建议774件。其中,57件涉及交通问题,已全部办结。");
    assert!(l.contains(&("交通".into(), Some(57))), "{l:?}");
}

#[test]
fn one_sessions_totals_are_parts_of_the_terms() {
    let r =
        doc("本届政协五年共提交提案7667件,立案5952件。其中,四届五次会议提交提案1350件,立案897件。");
    has(&r, (Proposal, Total, 7667.0, Eq));
    has(&r, (Proposal, Total, 5952.0, Eq));
    lacks(&r, Total, 1350.0);
    lacks(&r, Total, 897.0);
    // Without a term total, a session's count is the whole.
    let r = doc("四届五次会议共提交提案1350件,立案897件。");
    has(&r, (Proposal, Total, 1350.0, Eq));
}

#[test]
fn solved_or_solvable_this_year_joins_two_classes() {
    let r = doc("今年共承办建议3件,所提问题已解决或在本年度内能够解决的3件,占总数的100%。");
    lacks(&r, Solved, 3.0);
    lacks(&r, InProgress, 3.0);
}
