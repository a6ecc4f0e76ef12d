//! The rate vocabulary: names of rates and what each measures, bare rate names, and the words
//! around a rate that make it a goal, a value reached, or something other than a handling rate.
//! Re-exported by the lexicon.

use super::lexicon::{Entry, alternation};
use crate::model::Measure;
use regex::Regex;
use std::sync::LazyLock;

/// Rate names and what they measure.
pub const RATE_NAMES: &[Entry<Option<Measure>>] = &[
    (
        "满意和基本满意率",
        Some(Measure::SatisfactionRate),
        "both grades together",
    ),
    (
        "满意或基本满意率",
        Some(Measure::SatisfactionRate),
        "both grades together",
    ),
    (
        "满意(基本满意)率",
        Some(Measure::SatisfactionRate),
        "both grades together, the second in brackets",
    ),
    (
        "满意(含基本满意)率",
        Some(Measure::SatisfactionRate),
        "both grades together, the second said to be included",
    ),
    (
        "满意、基本满意",
        Some(Measure::SatisfactionRate),
        "joined grades before a percent",
    ),
    (
        "满意或基本满意",
        Some(Measure::SatisfactionRate),
        "joined grades before a percent",
    ),
    (
        "满意和基本满意",
        Some(Measure::SatisfactionRate),
        "joined grades before a percent",
    ),
    (
        "基本满意率",
        None,
        "the middle grade's share, not a satisfaction rate (dev NOTES)",
    ),
    ("满意率", Some(Measure::SatisfactionRate), ""),
    ("满意度", Some(Measure::SatisfactionRate), ""),
    (
        "满意评价",
        Some(Measure::SatisfactionRate),
        "the share of ratings that were 满意",
    ),
    (
        "“满意”评价",
        Some(Measure::SatisfactionRate),
        "the same with the grade quoted (实现了“满意”评价100%的目标)",
    ),
    (
        "基本满足率",
        None,
        "word-swapped copies of 基本满意率: the middle grade's share",
    ),
    (
        "满足率",
        Some(Measure::SatisfactionRate),
        "word-swapped copies of 满意率",
    ),
    ("办结答复率", Some(Measure::ReplyRate), ""),
    ("办理答复率", Some(Measure::ReplyRate), ""),
    ("按时办复率", Some(Measure::ReplyRate), ""),
    (
        "按时办理率",
        Some(Measure::ReplyRate),
        "items handled in time: the reply rate by another name",
    ),
    (
        "时效率",
        Some(Measure::ReplyRate),
        "items answered within the time limit: the on-time reply rate by another name",
    ),
    ("办复率", Some(Measure::ReplyRate), ""),
    ("答复率", Some(Measure::ReplyRate), ""),
    ("办结率", Some(Measure::ReplyRate), ""),
    ("回复率", Some(Measure::ReplyRate), ""),
    ("复函率", Some(Measure::ReplyRate), ""),
    ("见面沟通率", Some(Measure::ContactRate), ""),
    (
        "见面答复率",
        Some(Measure::ContactRate),
        "replies given in person",
    ),
    ("面办率", Some(Measure::ContactRate), "handled face to face"),
    (
        "当面答复率",
        Some(Measure::ContactRate),
        "replies given in person",
    ),
    ("见面协商率", Some(Measure::ContactRate), ""),
    ("见面率", Some(Measure::ContactRate), ""),
    ("面复率", Some(Measure::ContactRate), ""),
    ("面商率", Some(Measure::ContactRate), ""),
    (
        "走访率",
        Some(Measure::ContactRate),
        "visits to the proposer",
    ),
    (
        "回访率",
        Some(Measure::ContactRate),
        "return visits to the proposer after the reply",
    ),
    ("沟通率", Some(Measure::ContactRate), ""),
    (
        "协商率",
        Some(Measure::ContactRate),
        "consultation with the proposer (沟通协商率, 面对面协商率)",
    ),
    ("面谈率", Some(Measure::ContactRate), ""),
    (
        "联系率",
        Some(Measure::ContactRate),
        "contact made with the proposer (沟通联系率)",
    ),
];

/// Rate names without 率, as they are joined before 两个/三个百分之百 ("见面、答复两个百分之百")
/// or before a percent that a count leads ("688件提案100%办复").
pub const BARE_RATE_NAMES: &[Entry<Measure>] = &[
    ("办复", Measure::ReplyRate, ""),
    ("答复", Measure::ReplyRate, ""),
    ("办结", Measure::ReplyRate, ""),
    ("见面", Measure::ContactRate, ""),
    ("面复", Measure::ContactRate, ""),
    ("面商", Measure::ContactRate, ""),
    ("沟通", Measure::ContactRate, ""),
    ("走访", Measure::ContactRate, ""),
    ("满意", Measure::SatisfactionRate, ""),
];

/// The rate-name table compiled.
pub static RATE_RE: LazyLock<Regex> = LazyLock::new(|| alternation(RATE_NAMES));
/// The bare rate-name table compiled.
pub static BARE_RATE_RE: LazyLock<Regex> = LazyLock::new(|| alternation(BARE_RATE_NAMES));

/// Words that make a figure a goal still to be reached.
pub static GOAL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("力争|确保(?:[^了]|$)|争取|力求|做到(?:[^了]|$)|务必|努力实现|必须|(?:^|[^按照])要求(?:[^的]|$)|要达到|要实现|应达到|须达到|(?:^|[^无必])须(?:与|同|和|向|在)")
        .expect("goal regex")
});

/// 要 as a modal (must), before the verb of a directive ("各责任人要…与代表100%面商"): the
/// figures of its sentence are still to be reached. Not the 要 of 主要, 重要, 需要, 只要, 纲要,
/// 摘要, 提要, 简要, 首要, 紧要, 必要, 不要 (a prohibition), 想要 or 还要 (also), nor 要求
/// (read as a goal word), 要点, 要素, 要闻, 要件, 要案, 要务, 要是.
pub static MODAL_MUST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:^|[^主重需只纲摘提简首紧必不想还])要[^求点素闻件案务是]").expect("modal regex")
});

/// A goal named as a noun (目标): a target unless the text says it was reached.
pub static GOAL_NOUNS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("目标").expect("goal noun regex"));

/// Words saying a figure was reached (SCHEMA: eq even when called a goal that was met).
pub static REACHED_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    // "达到预期目标", "完成既定目标": a goal named as met. "…已全部完成,…实现“面商率、满意
    // 率、办复率”三个100%的工作目标": a sentence that first says the items were all dealt with
    // reports the goal after it as met.
    Regex::new("实现了|均为|均达|达到了|完成了|已达|已实现|圆满完成|顺利实现|圆满实现|全面实现|(?:达到|实现|完成|达成)(?:预期|既定|年初|预定)?目标|已全部(?:完成|办结|办复|答复)|均已(?:办结|办复|答复)")
        .expect("reached regex")
});

/// Words before a count that make it no count of items handled: shares, differences, letters,
/// other categories.
pub static COUNT_SKIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("占|比上年|较上年|比去年|较去年|同比|增加|减少|增长|下降|不予|未予|未立案|不立案|来信|^[、 ]*其[他它]|每一|逐件|逐一|任何|其中一|近期刚")
        .expect("skip regex")
});

/// Words before a count that make it a difference between periods, no count of items.
pub static DIFFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("比上年|较上年|比去年|较去年|比上一?届|较上一?届|同比|增加|减少|增长|下降")
        .expect("difference regex")
});

/// Words before a rate that make it no handling rate.
pub static RATE_SKIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("占|比上年|较上年|同比|增长|下降|提高了|立案率|占比").expect("rate skip regex")
});

/// The two upper grades joined, as the subject of a share (`表示满意或基本满意的占96%`): the
/// share of answered items in those grades is the satisfaction rate, so 占 does not skip it.
pub static JOINED_GRADES_SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("满意[或和、及与]基本满意(?:的|者)?(?:占[^,。;]{0,8}|比例为|比例达)$")
        .expect("joined share regex")
});
