//! Round 13 of issue 7: rules found on fresh sets p21–p25 and on the document fields of the
//! earlier sets, each stated as a fact about how handling reports are written and checked with
//! invented sentences.

use crate::phenomena::{doc, has, lacks, meta};
use banli::model::{Measure::*, Qualifier::*, Subject::*};

#[test]
fn the_counting_body_written_with_its_place_is_where_the_report_comes_from() {
    // Higher bodies inspect; the county government counts the items it handled.
    let m = meta(
        "检查两案办理工作\n7月2日,市人大常委会副主任带领检查组深入某地检查。据了解,今年甘谷县政府共承办代表建议19件、委员提案27件。",
    );
    assert_eq!((m.region.as_str(), m.level.as_str()), ("甘谷县", "county"));
}

#[test]
fn chengban_is_the_whole_beside_a_sole_handling_role() {
    // 独办 names the lead role, so 承办 is what the body undertook in all.
    let r =
        doc("我局共承办区人大代表建议1件,区政协提案3件,其中,独办件4件,协办件0件,均已按时办结。");
    has(&r, (Suggestion, Total, 1.0, Eq));
    has(&r, (Proposal, Total, 3.0, Eq));
    has(&r, (Combined, Lead, 4.0, Eq));
    lacks(&r, Lead, 3.0);
}

#[test]
fn items_passed_on_to_units_are_not_carried_out() {
    let r = doc("召开交办会,将省政府交办的66件建议提案分解落实到24个处室、单位,明确了办理时限。");
    has(&r, (Combined, Total, 66.0, Eq));
    lacks(&r, Solved, 66.0);
}

#[test]
fn adopted_then_the_state_of_the_problem_is_the_class() {
    let r = doc(
        "189件委员提案中,被采纳、所提问题已经解决或者基本解决的有143件;被采纳、所提问题正在解决或列入计划逐步解决的有31件;因条件所限暂时难以解决的有15件。",
    );
    has(&r, (Proposal, Solved, 143.0, Eq));
    has(&r, (Proposal, InProgress, 31.0, Eq));
    has(&r, (Proposal, NotFeasible, 15.0, Eq));
}

#[test]
fn items_all_co_handled_give_total_and_co() {
    let r = doc(
        "今年共承办人大代表建议、政协委员提案6件,其中,有2件代表建议交由我局办理,均作为会办单位;有4件委员提案交由我局办理,均作为会办单位。",
    );
    has(&r, (Combined, Co, 6.0, Eq));
    has(&r, (Suggestion, Co, 2.0, Eq));
    has(&r, (Proposal, Co, 4.0, Eq));
    // A sentence that names a lead role as well says nothing of the kind.
    let r = doc("今年共承办建议提案6件,其中主办2件,其余均为会办件。");
    lacks(&r, Co, 6.0);
}

#[test]
fn registering_said_after_the_count_is_a_stage_of_its_own() {
    let r = doc("会议期间共收到委员提案167件。经认真审议,确定128件为立案提案。");
    has(&r, (Proposal, Total, 167.0, Eq));
    has(&r, (Proposal, Total, 128.0, Eq));
    let r = doc("共收到委员提案167件。经审查,128件予以立案。");
    has(&r, (Proposal, Total, 128.0, Eq));
}

#[test]
fn a_later_stage_keeps_the_kind_of_the_items_counted_before() {
    let r = doc(
        "县政协会议以来,共收到委员提案118件,经审查,立案114件。进一步整理、并案后交办100件,其中重点提案7件。会上强调,要办理好议案、建议和提案。",
    );
    has(&r, (Proposal, Total, 100.0, Eq));
}

#[test]
fn proposals_passed_on_as_opinions_are_not_handled_items() {
    let r = doc(
        "大会共收到提案135件,经审查立案128件;未予立案4件;作为意见建议转相关部门在工作中参考3件。",
    );
    has(&r, (Proposal, Total, 128.0, Eq));
    lacks(&r, Reference, 3.0);
}

#[test]
fn seeking_the_deputies_understanding_is_no_goal() {
    let r = doc(
        "收到的33件建议中,21件已办理答复,对暂时不能办理的12件,已向代表说明情况,积极争取代表的理解和支持,答复率、面商率、满意率均达到100%。",
    );
    has(&r, (Suggestion, ReplyRate, 100.0, Eq));
    has(&r, (Suggestion, SatisfactionRate, 100.0, Eq));
}

#[test]
fn suggestions_after_a_total_of_motions_are_another_kind_of_item() {
    let r = doc(
        "去年大会期间,代表提出的271件议案,交由9个专门委员会审议;对各方面工作提出的8314件建议、批评和意见,交由204家单位研究办理。",
    );
    has(&r, (Suggestion, Total, 271.0, Eq));
    has(&r, (Suggestion, Total, 8314.0, Eq));
    // A whole of both covers either: its motions and suggestions are its parts.
    let r = doc(
        "全乡共承办人大代表议案和建议20件,其中议案1件,建议19件,均已办理。今年的1件议案具有前瞻性。",
    );
    has(&r, (Suggestion, Total, 20.0, Eq));
    lacks(&r, Total, 19.0);
    lacks(&r, Total, 1.0);
}

#[test]
fn a_county_body_may_be_named_by_its_county_bare_name() {
    // Written twice, and a place name in the dictionary: the county.
    let m = meta(
        "县政协会议收到提案148件\n来源:闽侯新闻网\n闽侯新闻网讯 记者从县政协会议上获悉,本次大会共收到提案148件。",
    );
    assert_eq!((m.region.as_str(), m.level.as_str()), ("闽侯县", "county"));
    // Written once it is as often a word of the sentence.
    let m =
        meta("县人大常委会听取建议办理情况\n代表们围绕新建房屋交付等问题提出建议25件,均已办复。");
    assert_eq!(m.region, "");
}

fn labels(text: &str) -> Vec<(String, Option<u32>)> {
    doc(text)
        .topics
        .iter()
        .map(|t| (t.label.clone(), t.count))
        .collect()
}

#[test]
fn a_list_closed_by_the_number_of_its_kinds() {
    let l = labels(
        "会上共收到代表所提意见建议33件,内容涉及基础设施建设、民生事业、土地资源管理和社会经济管理等4类。",
    );
    for want in ["基础设施建设", "民生事业", "土地资源管理", "社会经济管理"] {
        assert!(l.iter().any(|(t, _)| t == want), "{want}: {l:?}");
    }
}

#[test]
fn an_area_may_carry_a_code_of_letters_and_digits() {
    let l = labels(
        "共立案205件。按提案类别分,有关G60科创走廊建设的提案25件,占12.2%;有关5G基站建设的提案24件,占11.7%;有关城市治理的提案40件。",
    );
    assert!(
        l.contains(&("G60科创走廊建设".to_string(), Some(25))),
        "{l:?}"
    );
    assert!(l.contains(&("5G基站建设".to_string(), Some(24))), "{l:?}");
}

#[test]
fn an_arrangement_for_the_years_handling_is_no_report() {
    let m = meta(
        "某区人民政府关于办理2022年人大代表建议政协提案工作的安排意见\n各委、局、办:\n今年区政府共承办人大代表建议43件、政协提案86件,其中主办17件。现就做好办理工作提出如下意见。",
    );
    assert!(!m.is_report);
}

#[test]
fn a_batch_by_proposer_with_no_whole_written_is_a_total() {
    let r = doc("座谈会上,省水利厅相关处室负责同志就四个党派的5件提案办理情况进行了详细介绍。");
    has(&r, (Proposal, Total, 5.0, Eq));
    // The rest of a whole the text has yet to write is no batch.
    let r = doc("其余的166件代表建议已办理完毕。");
    lacks(&r, Total, 166.0);
}

#[test]
fn a_ministry_or_an_institution_speaking_of_itself_reports() {
    let m = meta(
        "关于2018年全国人大代表建议和全国政协委员提案的办理情况\n应急管理部高度重视建议提案办理工作。2018年,我部共收到建议提案146件,均已按时办复。",
    );
    assert_eq!(m.sector, "应急管理");
    let m = meta(
        "某县体育事业发展中心关于政协提案办理工作情况\n今年我中心共收到政协提案5件,目前已经全部办理完毕。",
    );
    assert_eq!(m.sector, "体育");
}

#[test]
fn the_aim_items_were_raised_around_in_their_own_clause() {
    let r = doc(
        "一年来共收到提案504件,立案443件。委员们围绕促进经济高质量发展提出提案189件;围绕民主政治建设、构建法治社会提出提案35件;围绕社会保障和改善民生提出提案170件。",
    );
    has(&r, (Proposal, Total, 504.0, Eq));
    lacks(&r, Total, 35.0);
    lacks(&r, Total, 170.0);
    let l: Vec<(String, Option<u32>)> = r
        .topics
        .iter()
        .map(|t| (t.label.clone(), t.count))
        .collect();
    for (want, n) in [
        ("促进经济高质量发展", 189),
        ("民主政治建设、构建法治社会", 35),
        ("社会保障和改善民生", 170),
    ] {
        assert!(l.contains(&(want.to_string(), Some(n))), "{want}: {l:?}");
    }
}

#[test]
fn completed_items_name_the_kind_of_the_outcome_list_after_them() {
    let r = doc(
        "共收到人大代表建议和政协委员提案291件,其中人大代表建议191件,政协委员提案100件。暂时不能解决的建议14件。办结的政协委员提案66件;已列入推进计划拟解决的30件;留待决策参考的4件。",
    );
    has(&r, (Proposal, InProgress, 30.0, Eq));
    has(&r, (Proposal, Reference, 4.0, Eq));
    lacks(&r, Total, 66.0);
}

#[test]
fn satisfied_ratings_quoted_are_a_satisfaction_rate() {
    let r = doc(
        "今年共办理人大代表建议32件,全部在规定的期限内办结。代表充分肯定我局的建议办理工作,实现了“满意”评价100%的目标。",
    );
    assert!(
        r.facts
            .iter()
            .any(|f| f.measure == SatisfactionRate && f.value == 100.0 && f.qualifier == Eq),
        "{:?}",
        r.facts
    );
}

#[test]
fn completed_items_counted_a_little_way_from_their_verb() {
    let r = doc(
        "其中,人大代表建议100件(会办件81件、主办件19件),政协提案84件(会办件61件、主办件23件)。已办理完成的42件主办件中,办理结果为解决采纳的22件。",
    );
    lacks(&r, Lead, 42.0);
    has(&r, (Suggestion, Lead, 19.0, Eq));
}

#[test]
fn outcome_phrases_with_a_solving_noun_a_shared_marker_or_other_reasons() {
    let r = doc(
        "共提出提案429件。其中:提案所提问题已经解决的有301件;提案所提问题承办单位已制定解决措施或已列入计划的有57件;提案所提问题因目前条件限制或其他原因难以解决留作参考的有29件。",
    );
    has(&r, (Proposal, InProgress, 57.0, Eq));
    has(&r, (Proposal, Reference, 29.0, Eq));
    let r = doc("764件代表建议全部办理完毕。B类建议(所提建议已列入计划拟解决或采纳的)187件。");
    has(&r, (Suggestion, InProgress, 187.0, Eq));
    // Two classes joined by 以及, or by 或 after the reason, stay two classes.
    let r = doc(
        "共办理提案39件。所提问题因条件限制或其他原因难以解决的,以及所提问题留作参考的(C类)2件;只能以后研究解决、留作参考或不可行的10件。",
    );
    lacks(&r, Reference, 2.0);
    lacks(&r, Reference, 10.0);
}

#[test]
fn one_item_in_chinese_numerals_is_a_way_of_speaking() {
    let r = doc("共办理建议提案40件,力求做到办好一件建议、解决一类问题、推动一方面工作。");
    lacks(&r, Total, 1.0);
    let r = doc("今年我局仅有一件人大代表建议,已办复。");
    has(&r, (Suggestion, Total, 1.0, Eq));
}
