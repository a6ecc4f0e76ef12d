//! Rules of the seventh round of issue 7 (written from the errors of wild20j), one invented
//! sentence each: registering as proposals, counts of a titled series, and the body a clause
//! addresses.

use crate::phenomena::{doc, has, lacks, meta};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn registering_as_proposals_is_a_stage_of_its_own() {
    let r = doc("全会共收到提案210件,经审查,立为提案186件,占收到总数的88.6%。");
    has(&r, (Proposal, Total, 210.0, Eq));
    has(&r, (Proposal, Total, 186.0, Eq));
}

#[test]
fn items_of_a_titled_series_are_no_suggestions_or_proposals() {
    let r = doc("今年承办县政协提案26件,另承办《社情民意》9件,均已办结。");
    has(&r, (Proposal, Total, 26.0, Eq));
    lacks(&r, Total, 9.0);
    let r = doc("今年承办代表建议41件,另收到《意见和建议》专刊7件。");
    lacks(&r, Total, 7.0);
    // A kind named outside the title still counts.
    let r = doc("收到《两会专刊》转来的政协提案6件。");
    has(&r, (Proposal, Total, 6.0, Eq));
}

#[test]
fn a_body_addressed_in_a_clause_of_its_own_does_not_count_the_items() {
    let m = meta(
        "一年来,县政协各参加单位和广大委员积极向县委、县政府建言献策,提出提案138件,立案121件。",
    );
    assert_eq!(m.sector, "政协");
    // Addressed by the counting verb itself, the government receives and handles them.
    let m =
        meta("县人大代表、政协委员向县政府及有关部门提出建议52件、提案47件,现就办理工作通知如下。");
    assert_eq!(m.sector, "政府");
}

fn labels(r: &banli::model::DocRecord) -> Vec<String> {
    r.topics.iter().map(|t| t.label.clone()).collect()
}

/// Topics with their counts, in order.
fn counted(r: &banli::model::DocRecord) -> Vec<(&str, Option<u32>)> {
    r.topics
        .iter()
        .map(|t| (t.label.as_str(), t.count))
        .collect()
}

#[test]
fn matters_talked_over_after_jiu_are_topics() {
    let r =
        doc("共承办建议3件。局领导与代表见面,就城区排水改造、校园周边交通等内容进行面对面交流。");
    assert_eq!(labels(&r), vec!["城区排水改造", "校园周边交通"]);
    // 就 inside a list, or as the first character of a word, opens nothing.
    let r = doc("共承办建议3件。建议涉及教育、就业、养老等方面。");
    assert_eq!(labels(&r), vec!["教育", "就业", "养老"]);
    let r = doc("共承办建议3件,就是要把道路硬化、路灯安装等工作做好。");
    assert!(labels(&r).is_empty(), "{:?}", labels(&r));
}

#[test]
fn a_breakdown_into_areas_is_counted_topics() {
    let r =
        doc("大会共收到代表建议64件。其中,工业和交通9个,财政和金融5个,科教文卫21个,城乡建设29个。");
    assert_eq!(
        counted(&r),
        vec![
            ("工业和交通", Some(9)),
            ("财政和金融", Some(5)),
            ("科教文卫", Some(21)),
            ("城乡建设", Some(29)),
        ]
    );
}

#[test]
fn a_list_opened_by_a_colon_and_closed_by_an_ellipsis() {
    let r = doc(
        "共承办建议30件。代表们的关注点主要反映在几个层面:推进智慧停车、整治背街小巷、改造农贸市场……",
    );
    assert_eq!(
        labels(&r),
        vec!["推进智慧停车", "整治背街小巷", "改造农贸市场"]
    );
}

#[test]
fn a_list_said_to_be_the_main_content_of_the_items() {
    let r = doc("共承办建议提案20件。今年,山塘加固、灌区配套等成为建议提案的重要内容。");
    assert_eq!(labels(&r), vec!["山塘加固", "灌区配套"]);
    // Said of work, not of the items, it is no list of topics.
    let r = doc("共承办建议提案20件。今年,山塘加固、灌区配套等是全局工作的重点。");
    assert!(labels(&r).is_empty(), "{:?}", labels(&r));
}

#[test]
fn lead_counts_of_one_list_are_summed_unless_one_holds_the_others() {
    // Disjoint roles: 独办 and 主办 are both lead, and the list sums to the whole.
    let r = doc("共承办建议提案40件(独办6件、主办9件、分办3件、协办22件)。");
    has(&r, (Combined, Lead, 15.0, Eq));
    lacks(&r, Lead, 6.0);
    lacks(&r, Lead, 9.0);
    // 主办 with 协办 makes up the total: 独办 is inside 主办.
    let r = doc("共承办代表建议21件,独办5件,主办16件,协办5件。");
    has(&r, (Suggestion, Lead, 16.0, Eq));
    lacks(&r, Lead, 5.0);
    lacks(&r, Lead, 21.0);
    // Leads of two breakdowns stay apart.
    let r = doc("承办代表建议12件(主办7件、协办5件),政协提案9件(主办2件、协办7件)。");
    has(&r, (Suggestion, Lead, 7.0, Eq));
    has(&r, (Proposal, Lead, 2.0, Eq));
}

#[test]
fn a_handing_verb_is_no_part_of_a_street_office_s_name() {
    let m =
        meta("街道人大工委召开议政会\n会上收集代表建议12件,其中交办石榴街道办事处9件,已解决2件。");
    assert_eq!(m.region, "石榴街道");
}

#[test]
fn of_a_city_and_its_own_district_named_as_often_the_district_is_the_region() {
    let m = meta(
        "来源:宜宾新闻网\n政协宜宾市翠屏区委员会提案委员会:区政协会议期间共收到提案88件,立案80件。宜宾市翠屏区政协办公室。",
    );
    assert_eq!((m.region.as_str(), m.level.as_str()), ("翠屏区", "county"));
}

#[test]
fn the_people_who_care_about_a_matter_are_no_topic() {
    let r = doc("共承办建议提案25件。我们围绕代表、委员关心的老旧电梯更新等问题,逐件研究办理。");
    assert_eq!(labels(&r), vec!["老旧电梯更新"]);
}

#[test]
fn respectively_over_more_counts_than_kinds_hands_them_to_bodies() {
    let r = doc(
        "各部门共承办建议提案900件。其中,甲局、乙局、丙办承办的建议提案分别为301件、122件和87件。",
    );
    has(&r, (Combined, Total, 900.0, Eq));
    lacks(&r, Total, 301.0);
    lacks(&r, Total, 122.0);
    lacks(&r, Total, 87.0);
    // As many counts as kinds: each kind its count.
    let r = doc("今年承办代表建议、政协提案分别为44件、38件。");
    has(&r, (Suggestion, Total, 44.0, Eq));
    has(&r, (Proposal, Total, 38.0, Eq));
}

#[test]
fn news_of_a_face_to_face_consultation_on_an_item_is_a_report() {
    let m = meta(
        "为提高代表建议办理质量,5月8日,市水利局负责人赴某镇与提出建议的人大代表面商,听取代表对河道清淤的意见。",
    );
    assert!(m.is_report);
    // Rules set out in articles say how items are to be handled: no report.
    let m = meta(
        "第八条 办公室对办理质量实行督办,定期通报办理情况。\n第九条 与代表面商后,承办科室应在十日内答复。\n",
    );
    assert!(!m.is_report);
}

#[test]
fn numbered_areas_about_a_problem_to_solve() {
    let r = doc(
        "今年共承办建议16件。一是关于背街小巷照明的建议6件;二是关于解决老旧小区停车问题的建议10件。",
    );
    assert_eq!(
        counted(&r),
        vec![("背街小巷照明", Some(6)), ("老旧小区停车", Some(10))]
    );
    lacks(&r, Solved, 10.0);
}
