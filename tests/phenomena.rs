//! One short report per phenomenon of issue #3, written for these tests.

use banli::ingest::Kind;
use banli::model::{DocRecord, Measure, Qualifier, Subject};
use banli::pipeline::Engine;
use std::sync::LazyLock;

pub(crate) static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new().expect("engine"));

/// A report header that makes any body a handling report.
const HEAD: &str = "某县民政局2021年建议提案办理工作总结\n";

pub(crate) fn doc(body: &str) -> DocRecord {
    let text = format!("{HEAD}{body}");
    ENGINE
        .process_bytes("t.txt", text.as_bytes(), Kind::Text)
        .expect("processed")
}

/// Document fields of a text with no header added.
pub(crate) fn meta(text: &str) -> banli::model::DocMeta {
    ENGINE
        .process_bytes("m.txt", text.as_bytes(), Kind::Text)
        .expect("processed")
        .meta
}

pub(crate) type F = (Subject, Measure, f64, Qualifier);

fn facts(r: &DocRecord) -> Vec<F> {
    let mut v: Vec<F> = r
        .facts
        .iter()
        .map(|f| (f.subject, f.measure, f.value, f.qualifier))
        .collect();
    v.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    v
}

pub(crate) fn has(r: &DocRecord, want: F) {
    assert!(facts(r).contains(&want), "{want:?} not in {:?}", facts(r));
}

pub(crate) fn lacks(r: &DocRecord, measure: Measure, value: f64) {
    assert!(
        !r.facts
            .iter()
            .any(|f| f.measure == measure && f.value == value),
        "unexpected {measure:?} {value} in {:?}",
        facts(r)
    );
}

use Measure::*;
use Qualifier::{Eq, Ge, Target};
use Subject::{Combined, Proposal, Suggestion};

#[test]
fn one_value_for_coordinated_rates() {
    let r = doc("今年共承办建议提案12件,见面率、办结率、满意率均达100%。");
    has(&r, (Combined, ContactRate, 100.0, Eq));
    has(&r, (Combined, ReplyRate, 100.0, Eq));
    has(&r, (Combined, SatisfactionRate, 100.0, Eq));
}

#[test]
fn pairwise_values_with_fenbie() {
    let r = doc("共办理政协提案40件,办理工作满意率和办理结果满意率分别达到99.8%和98.5%。");
    has(&r, (Proposal, SatisfactionRate, 99.8, Eq));
    has(&r, (Proposal, SatisfactionRate, 98.5, Eq));
}

#[test]
fn each_gives_two_topics() {
    let r = doc("共承办提案9件,涉及4个方面的工作,其中,低保审核和临时救助各2件,婚姻登记5件。");
    let t: Vec<(&str, Option<u32>)> = r
        .topics
        .iter()
        .map(|t| (t.label.as_str(), t.count))
        .collect();
    assert!(t.contains(&("低保审核", Some(2))), "{t:?}");
    assert!(t.contains(&("临时救助", Some(2))), "{t:?}");
    assert!(t.contains(&("婚姻登记", Some(5))), "{t:?}");
}

#[test]
fn per_kind_breakdown_in_brackets() {
    let r = doc(
        "共承办建议提案223件。其中:人大代表建议147件(主办79件,会办68件),政协提案76件(主办50件,会办26件)。",
    );
    has(&r, (Combined, Total, 223.0, Eq));
    has(&r, (Suggestion, Total, 147.0, Eq));
    has(&r, (Suggestion, Lead, 79.0, Eq));
    has(&r, (Suggestion, Co, 68.0, Eq));
    has(&r, (Proposal, Total, 76.0, Eq));
    has(&r, (Proposal, Lead, 50.0, Eq));
    has(&r, (Proposal, Co, 26.0, Eq));
}

#[test]
fn scope_header_sets_the_subject() {
    let r = doc("今年承办人大代表建议79件。79件建议中,解决采纳36件,正在解决的30件,留作参考13件。");
    has(&r, (Suggestion, Solved, 36.0, Eq));
    has(&r, (Suggestion, InProgress, 30.0, Eq));
    has(&r, (Suggestion, Reference, 13.0, Eq));
}

#[test]
fn motions_are_suggestions_and_pairs_are_combined() {
    let r = doc("今年共承办人大议案3件。另外,共收到建议、提案58件。");
    has(&r, (Suggestion, Total, 3.0, Eq));
    has(&r, (Combined, Total, 58.0, Eq));
}

#[test]
fn two_phrases_of_one_class_are_summed() {
    let r = doc("共承办政协提案40件,已经解决16件,正在解决3件,计划解决21件。");
    has(&r, (Proposal, Solved, 16.0, Eq));
    has(&r, (Proposal, InProgress, 24.0, Eq));
}

#[test]
fn a_phrase_mixing_classes_is_not_forced() {
    let r =
        doc("共收到政协提案146件,已落实的122件,基本落实或计划落实的24件,暂未解决或留作参考的3件。");
    has(&r, (Proposal, Solved, 122.0, Eq));
    lacks(&r, Solved, 24.0);
    lacks(&r, InProgress, 24.0);
    lacks(&r, NotFeasible, 3.0);
    lacks(&r, Reference, 3.0);
}

#[test]
fn letters_give_way_to_meaning() {
    let r = doc(
        "共承办人大代表建议20件,其中已经解决的A类12件,已列入规划逐步解决的C类5件,因条件限制暂不能解决的B类3件。",
    );
    has(&r, (Suggestion, Solved, 12.0, Eq));
    has(&r, (Suggestion, InProgress, 5.0, Eq));
    has(&r, (Suggestion, NotFeasible, 3.0, Eq));
}

#[test]
fn what_is_not_a_measure() {
    let r = doc(
        "今年共承办政协提案146件,比上年增加78件,交由31个单位办理,已解决的122件,占84%。另收到政协委员来信6件,意见建议123条,落实资金2000万元。",
    );
    has(&r, (Proposal, Total, 146.0, Eq));
    has(&r, (Proposal, Solved, 122.0, Eq));
    for v in [78.0, 31.0, 84.0, 6.0, 123.0, 2000.0] {
        assert!(
            !r.facts.iter().any(|f| f.value == v),
            "{v} taken: {:?}",
            facts(&r)
        );
    }
}

#[test]
fn goals_and_floors() {
    let r = doc("共承办建议提案30件,办复率100%。力争面复率达到100%,确保满意率达到95%以上。");
    has(&r, (Combined, ReplyRate, 100.0, Eq));
    has(&r, (Combined, ContactRate, 100.0, Target));
    has(&r, (Combined, SatisfactionRate, 95.0, Target));
    let r = doc("共承办建议提案30件,代表委员满意率超过96%,见面率不低于90%。");
    has(&r, (Combined, SatisfactionRate, 96.0, Ge));
    has(&r, (Combined, ContactRate, 90.0, Ge));
}

#[test]
fn percentage_requirements_in_quotes() {
    let text = "某区财政局政协提案办理情况\n共承办政协提案20件。严格落实办复率、满意率“两个百分之百”的要求。";
    let r = ENGINE
        .process_bytes("q.txt", text.as_bytes(), Kind::Text)
        .unwrap();
    has(&r, (Proposal, ReplyRate, 100.0, Target));
    has(&r, (Proposal, SatisfactionRate, 100.0, Target));
}

#[test]
fn numbers_in_every_form() {
    let r = doc(
        "全市共承办人大代表建议四千二百八十七件,其中主办两件,办复率百分之七十二点二。政协提案 31 件,满意率９８．５％。",
    );
    has(&r, (Suggestion, Total, 4287.0, Eq));
    has(&r, (Suggestion, Lead, 2.0, Eq));
    has(&r, (Suggestion, ReplyRate, 72.2, Eq));
    has(&r, (Proposal, Total, 31.0, Eq));
    has(&r, (Proposal, SatisfactionRate, 98.5, Eq));
}

fn not_report(text: &str) {
    let r = ENGINE
        .process_bytes("n.txt", text.as_bytes(), Kind::Text)
        .unwrap();
    assert!(!r.meta.is_report, "taken for a report: {text}");
    assert!(r.facts.is_empty());
}

#[test]
fn look_alikes_are_not_reports() {
    not_report("12345政务服务热线本周受理工单812件,其中意见建议类31件,按时办结率99%,满意率97%。");
    not_report("县信访局2022年受理群众来信来访356件,办结率100%,群众满意率95%。");
    not_report("市长信箱11月收到来信245件,其中咨询类120件、投诉类80件、建议类45件,回复率100%。");
    not_report("2023年全市政务服务满意度调查共发放问卷5000份,群众满意度达98.6%。");
    not_report(
        "各承办单位要高度重视人大代表建议和政协委员提案办理工作,力争办复率达到100%,确保满意率达到95%以上。",
    );
}

#[test]
fn document_fields() {
    let text = "晋江市住房和城乡建设局关于2022年建议提案办理情况的报告\n2022年,市住建局共承办建议提案26件,办复率100%。";
    let r = ENGINE
        .process_bytes("m.txt", text.as_bytes(), Kind::Text)
        .unwrap();
    assert_eq!(r.meta.region, "晋江市");
    assert_eq!(r.meta.level, "county");
    assert_eq!(r.meta.sector, "住建");
    assert_eq!(r.meta.year, Some(2022));
    assert_eq!(r.meta.agency, "晋江市住房和城乡建设局");
}

#[test]
fn consistency_checks_point_at_values() {
    let r = doc("共承办政协提案20件,其中主办12件,协办6件,已解决25件,满意率105%。");
    let w = r.warnings.join("\n");
    assert!(w.contains("lead 12 + co 6 != total 20"), "{w}");
    assert!(w.contains("outcome classes sum to 25"), "{w}");
    assert!(w.contains("above 100"), "{w}");
    has(&r, (Proposal, SatisfactionRate, 105.0, Eq));
}

#[test]
fn class_letter_before_its_meaning_in_brackets() {
    let r = doc(
        "共承办人大代表建议30件,其中A类(所提问题已经解决或基本解决)18件,B类(正在解决或列入计划解决)9件,C类(因条件限制暂时不能解决)3件。",
    );
    has(&r, (Suggestion, Solved, 18.0, Eq));
    has(&r, (Suggestion, InProgress, 9.0, Eq));
    has(&r, (Suggestion, NotFeasible, 3.0, Eq));
}

#[test]
fn key_items_under_supervision() {
    let r = doc("今年共承办政协提案52件,其中重点督办提案4件。");
    has(&r, (Proposal, Key, 4.0, Eq));
}

#[test]
fn a_petitions_bureau_can_report_on_handling() {
    let text =
        "某县信访局2022年建议提案办理情况\n县信访局共承办人大代表建议6件、政协提案4件,办复率100%。";
    let r = ENGINE
        .process_bytes("x.txt", text.as_bytes(), Kind::Text)
        .unwrap();
    assert!(r.meta.is_report);
    assert_eq!(r.meta.sector, "信访");
}

#[test]
fn an_outcome_list_set_apart_covers_every_kind() {
    let r = doc(
        "今年共收到区人大代表建议23件、区政协委员提案31件,按照办理结果分类,A类(已解决)42件,B类(正在解决)10件,C类(暂不能解决)2件。",
    );
    has(&r, (Combined, Solved, 42.0, Eq));
    has(&r, (Combined, InProgress, 10.0, Eq));
    has(&r, (Combined, NotFeasible, 2.0, Eq));
    let r = doc("承办政协提案16件,已经解决或基本解决14件,正在解决2件。");
    has(&r, (Proposal, Solved, 14.0, Eq));
}

#[test]
fn two_satisfaction_rates_for_work_and_result() {
    let r = doc(
        "全年共办理建议提案413件(其中主办169件、会办244件),主办件面商率100%,代表委员对办理工作满意率为99.4%,对办理结果满意或基本满意率为98.2%。",
    );
    has(&r, (Combined, Lead, 169.0, Eq));
    has(&r, (Combined, Co, 244.0, Eq));
    has(&r, (Combined, ContactRate, 100.0, Eq));
    has(&r, (Combined, SatisfactionRate, 99.4, Eq));
    has(&r, (Combined, SatisfactionRate, 98.2, Eq));
}

#[test]
fn a_sum_after_counts_of_two_kinds_is_combined() {
    let r = doc("2020年共承办人大代表建议12件,政协委员提案8件,共计20件,按时办结率达100%。");
    has(&r, (Suggestion, Total, 12.0, Eq));
    has(&r, (Proposal, Total, 8.0, Eq));
    has(&r, (Combined, Total, 20.0, Eq));
}

#[test]
fn a_report_on_deputy_suggestions_only() {
    let text = "县发改局建议办理情况\n共收到代表建议65件,已全部办复,其中:所提问题已解决的39件,占60%;列入计划逐步解决的20件,占30.8%。";
    let r = ENGINE
        .process_bytes("x.txt", text.as_bytes(), Kind::Text)
        .unwrap();
    assert!(r.meta.is_report);
    has(&r, (Suggestion, Total, 65.0, Eq));
    has(&r, (Suggestion, Solved, 39.0, Eq));
    has(&r, (Suggestion, InProgress, 20.0, Eq));
    lacks(&r, SatisfactionRate, 60.0);
}

#[test]
fn a_government_report_is_not_its_busiest_department() {
    let text = "临沂市人民政府关于2021年建议提案办理情况的报告\n2021年,市政府系统共承办建议提案412件,办复率100%。其中市教育局承办45件,市财政局承办30件,市教育局办理的重点建议已全部落实。";
    let r = ENGINE
        .process_bytes("g.txt", text.as_bytes(), Kind::Text)
        .unwrap();
    assert_eq!(r.meta.sector, "政府");
    assert_eq!(r.meta.region, "临沂市");
    assert_eq!(r.meta.level, "city");
}

#[test]
fn measures_after_a_list_of_kinds_belong_to_the_whole() {
    let r = doc(
        "今年我委共收到市人大代表建议和政协提案47件,其中人大代表建议23件,政协提案24件;主办件31件,协办件16件。",
    );
    has(&r, (Combined, Total, 47.0, Eq));
    has(&r, (Suggestion, Total, 23.0, Eq));
    has(&r, (Proposal, Total, 24.0, Eq));
    has(&r, (Combined, Lead, 31.0, Eq));
    has(&r, (Combined, Co, 16.0, Eq));
}

#[test]
fn each_kind_counted_alike() {
    let r = doc("今年共承办人大代表建议、政协提案各15件,办复率100%。");
    has(&r, (Suggestion, Total, 15.0, Eq));
    has(&r, (Proposal, Total, 15.0, Eq));
    lacks(&r, Total, 30.0);
    assert!(!facts(&r).contains(&(Combined, Total, 15.0, Eq)));
}

#[test]
fn a_cppcc_news_item_counts_proposals() {
    let text = "市政协2022年提案工作情况\n记者从市政协获悉,今年市政协共收到提案386件,经审查立案352件,作为意见建议转有关部门参考22件。目前,352件立案提案已全部办复,办复率100%,其中所提问题已经解决或基本解决的218件,占61.9%,因条件限制暂时不能解决或留作参考的25件,占7.1%。";
    let r = ENGINE
        .process_bytes("n.txt", text.as_bytes(), Kind::Text)
        .unwrap();
    has(&r, (Proposal, Total, 386.0, Eq));
    has(&r, (Proposal, Total, 352.0, Eq));
    has(&r, (Proposal, ReplyRate, 100.0, Eq));
    has(&r, (Proposal, Solved, 218.0, Eq));
    lacks(&r, Total, 22.0);
    lacks(&r, NotFeasible, 25.0);
    lacks(&r, Reference, 25.0);
    assert_eq!(r.meta.sector, "政协");
}

#[test]
fn areas_by_category_and_counts_by_area_list() {
    let r = doc("共承办建议提案47件。从内容上看,经济发展类12件、城乡建设类20件、社会事业类15件。");
    let t: Vec<(&str, Option<u32>)> = r
        .topics
        .iter()
        .map(|t| (t.label.as_str(), t.count))
        .collect();
    assert!(t.contains(&("经济发展", Some(12))), "{t:?}");
    assert!(t.contains(&("城乡建设", Some(20))), "{t:?}");
    lacks(&r, Total, 12.0);
    let r = doc("今年共收到涉及教育、卫生、交通等方面的建议34件。");
    has(&r, (Suggestion, Total, 34.0, Eq));
    let labels: Vec<&str> = r.topics.iter().map(|t| t.label.as_str()).collect();
    assert!(
        labels.contains(&"教育") && labels.contains(&"交通"),
        "{labels:?}"
    );
}

#[test]
fn counts_in_ten_thousands() {
    let r = doc("五年来共收到政协提案1.2万件,立案1.05万件。");
    has(&r, (Proposal, Total, 12000.0, Eq));
    has(&r, (Proposal, Total, 10500.0, Eq));
}

#[test]
fn last_years_rate_is_not_this_years() {
    let r = doc("今年共承办建议提案30件,代表委员满意率由去年的95%提高到98%。");
    has(&r, (Combined, SatisfactionRate, 98.0, Eq));
    lacks(&r, SatisfactionRate, 95.0);
}

#[test]
fn words_that_merely_contain_a_kind() {
    // 会议提案 is no 议提案; 争议案件 are labour disputes, not 议案.
    let r = doc("今年我局共承办市政协十二届一次会议提案28件。全年审理劳动争议案件203件。");
    has(&r, (Proposal, Total, 28.0, Eq));
    lacks(&r, Total, 203.0);
}

#[test]
fn a_long_work_report_mentioning_handling_in_passing_is_not_a_report() {
    let filler = "全年新增城镇就业1.2万人,完成固定资产投资任务,推进重点项目建设。".repeat(80);
    let text = format!("2022年市人社局工作总结\n{filler}办理人大代表建议3件,办复率100%。{filler}");
    not_report(&text);
}

#[test]
fn rates_after_counts_of_both_kinds_cover_both() {
    let r =
        doc("今年区人社局共承办区人大代表建议17件、区政协提案21件,目前已办结30件,办结率78.9%。");
    has(&r, (Combined, ReplyRate, 78.9, Eq));
    let r = doc(
        "共收到人大代表建议15件、政协提案9件。15件建议中,已解决的11件;9件提案已全部办结,办结率100%。",
    );
    has(&r, (Proposal, ReplyRate, 100.0, Eq));
}
