//! The vocabulary extraction reads, as data: one table per slot of a mention's frame (the kind
//! of item, the role, the scope, the satisfaction grade, rates and qualifiers), each entry with
//! the reason it is there. The tables are compiled once into regexes shared by every worker.

use crate::model::{Measure, Subject};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a keyword before a count says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A count measure named outright (lead, co, key, satisfied …).
    Measure(Measure),
    /// 承办: lead when the text sets it against 协办 and never says 主办, total otherwise.
    Chengban,
    /// A role that is neither lead nor co (分办, 汇办): the count gives no fact.
    NoRole,
    /// Receiving or handling verbs, and sums: the count is a whole.
    Whole,
    /// A phrase joining satisfied and basically satisfied: no fact.
    MixedSatisfaction,
    /// A grade above the schema's three (非常满意 on a scale of five, where 满意 is the second):
    /// no fact.
    OtherGrade,
    /// Verbs that count replies or completions rather than items (答复 N件, 已办结 N件).
    Done,
    /// Items that are not those handled this period (published, returned, reviewed over earlier
    /// years, instructions): anywhere in the clause, no fact.
    NotHandled,
}

/// One entry of a cue table: the word, what it says, and why it is there.
pub type Entry<T> = (&'static str, T, &'static str);

pub use super::part_cues::{PART_CUES, PartBy};
pub use super::rate_cues::*;

/// Registering said right after a count ("128件为立案提案", "128件予以立案", "128件被立案"),
/// the items' kind named between ("195件提案先予立案": registered first, the rest later).
pub static REGISTERED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // (Not a cue of the next count: "收到提案162件立案132件".)
    Regex::new(r"^件?(?:提案|建议|议案)?(?:先|均|全部)?(?:为|予以|予|被|获)?立案(?:[^\d零一二两三四五六七八九十百千共]|$)")
        .expect("registered-after regex")
});

/// Count cues: words between the previous mention and a count that say what it counts.
pub const COUNT_CUES: &[Entry<Cue>] = &[
    (
        "满意或基本满意",
        Cue::MixedSatisfaction,
        "joins two grades (SCHEMA: no fact)",
    ),
    ("满意和基本满意", Cue::MixedSatisfaction, "joins two grades"),
    ("满意、基本满意", Cue::MixedSatisfaction, "joins two grades"),
    ("不满意", Cue::Measure(Measure::Unsatisfied), "lowest grade"),
    (
        "非常满意",
        Cue::OtherGrade,
        "top of five grades; 满意 below it is the one SCHEMA names",
    ),
    ("很满意", Cue::OtherGrade, "top of five grades, as 非常满意"),
    (
        "十分满意",
        Cue::OtherGrade,
        "top of five grades, as 非常满意",
    ),
    (
        "基本满意",
        Cue::Measure(Measure::BasicallySatisfied),
        "middle grade",
    ),
    (
        "比较满意",
        Cue::Measure(Measure::BasicallySatisfied),
        "middle grade of three (SCHEMA)",
    ),
    ("满意", Cue::Measure(Measure::Satisfied), "top grade"),
    ("主办", Cue::Measure(Measure::Lead), "lead unit"),
    (
        "主合办",
        Cue::Measure(Measure::Lead),
        "lead or joint lead (Shanghai usage)",
    ),
    (
        "单办",
        Cue::Measure(Measure::Lead),
        "sole handler, set against 协办",
    ),
    ("独办", Cue::Measure(Measure::Lead), "sole handler"),
    ("牵头办理", Cue::Measure(Measure::Lead), "the leading unit"),
    ("领衔办理", Cue::Measure(Measure::Lead), "the leading unit"),
    ("协办", Cue::Measure(Measure::Co), "co-handler"),
    ("会办", Cue::Measure(Measure::Co), "co-handler"),
    ("参办", Cue::Measure(Measure::Co), "co-handler"),
    ("配合办理", Cue::Measure(Measure::Co), "co-handler"),
    ("协助办理", Cue::Measure(Measure::Co), "co-handler"),
    (
        "主办或分办",
        Cue::Measure(Measure::Lead),
        "led, alone or with the work split",
    ),
    (
        "分办",
        Cue::NoRole,
        "split handling is neither lead nor co (SCHEMA)",
    ),
    (
        "汇办",
        Cue::NoRole,
        "collected handling is neither lead nor co (SCHEMA)",
    ),
    (
        "承办",
        Cue::Chengban,
        "undertaken: a whole, or lead when set against 协办",
    ),
    ("共计", Cue::Whole, "a sum"),
    ("总共", Cue::Whole, "a sum"),
    ("合计", Cue::Whole, "a sum"),
    ("合共", Cue::Whole, "a sum"),
    ("共有", Cue::Whole, "a sum"),
    ("累计", Cue::Whole, "a sum"),
    ("一共", Cue::Whole, "a sum"),
    ("共", Cue::Whole, "a sum (checked: must govern the number)"),
    ("收到", Cue::Whole, "items received"),
    ("受理", Cue::Whole, "items accepted"),
    ("办理", Cue::Whole, "items handled"),
    ("接收", Cue::Whole, "items received"),
    ("接到", Cue::Whole, "items received"),
    (
        "立案",
        Cue::Whole,
        "proposals registered (a total per SCHEMA)",
    ),
    (
        "立案办复",
        Cue::Whole,
        "registered and replied as one verb (立案办复912件提案): the registered whole",
    ),
    ("交办", Cue::Whole, "items assigned"),
    (
        "承担",
        Cue::Whole,
        "items taken on, as 承办 (此外还承担2件跨年度提案)",
    ),
    ("立为", Cue::Whole, "registered as proposals (立为提案)"),
    (
        "并案处理后",
        Cue::Whole,
        "the registered items after merging duplicates (并案处理后为N件): a later stage's total",
    ),
    ("并案后", Cue::Whole, "the same, shorter"),
    ("提出", Cue::Whole, "items raised"),
    ("提交", Cue::Whole, "items submitted"),
    ("征集", Cue::Whole, "items collected"),
    ("总量", Cue::Whole, "a whole named as such (办件总量)"),
    ("总数", Cue::Whole, "a whole named as such (建议总数)"),
    ("答复", Cue::Done, "replies, not items"),
    (
        "办结",
        Cue::Done,
        "items completed so far (SCHEMA: no fact)",
    ),
    ("办复", Cue::Done, "items replied"),
    ("面复", Cue::Done, "replies in person"),
    ("回复", Cue::Done, "replies"),
    ("复函", Cue::Done, "reply letters"),
    ("办理完毕", Cue::Done, "items completed so far"),
    ("办理完成", Cue::Done, "items completed so far"),
    (
        "已完成",
        Cue::Done,
        "items completed so far (33件会办件已完成28件)",
    ),
    (
        "办理中",
        Cue::Done,
        "items still being handled: a status like completion, no fact",
    ),
    (
        "正在办理",
        Cue::Done,
        "items still being handled (已办结271件,正在办理的15件): a status, no fact",
    ),
    ("公开", Cue::NotHandled, "items published (SCHEMA: no fact)"),
    ("发布", Cue::NotHandled, "items published"),
    ("退回", Cue::NotHandled, "items returned"),
    (
        "梳理",
        Cue::NotHandled,
        "items reviewed over earlier years (回头看)",
    ),
    ("回头看", Cue::NotHandled, "a look back over earlier years"),
    (
        "评选",
        Cue::NotHandled,
        "items chosen for an award (评选优秀提案), not items handled",
    ),
    ("表彰", Cue::NotHandled, "items or people honoured"),
    (
        "批示",
        Cue::NotHandled,
        "leaders' instructions (SCHEMA: no fact)",
    ),
    (
        "重新办理",
        Cue::NotHandled,
        "items handled again after an unsatisfied grade: their new grades are not the period's",
    ),
    (
        "作委员建议处理",
        Cue::NotHandled,
        "proposals not registered, handled as members' suggestions instead",
    ),
    (
        "作为委员建议处理",
        Cue::NotHandled,
        "proposals not registered, handled as members' suggestions instead",
    ),
    (
        "作来信处理",
        Cue::NotHandled,
        "items not registered, handled as letters instead",
    ),
    (
        "作为来信处理",
        Cue::NotHandled,
        "items not registered, handled as letters instead",
    ),
    (
        "作为意见建议",
        Cue::NotHandled,
        "proposals not registered, passed on as opinions for reference (作为意见建议转…参考)",
    ),
    (
        "转为意见建议",
        Cue::NotHandled,
        "proposals not registered, passed on as opinions",
    ),
];

/// Places where a cue word is part of another word: (word, characters that may not come
/// before it, characters that may not come after it, why).
pub const FALSE_CONTEXTS: &[(&str, &str, &str, &str)] = &[
    (
        "会办",
        "委大协议学社工商",
        "公",
        "常委会办公厅, 协会办公室: an office; 总工会办理, 商会办理: a body named, not co-handling",
    ),
    ("主办", "", "方", "主办方: an event's organiser"),
    (
        "办理",
        "",
        "结果情况工作意见程序流程成质",
        "names the work or its results (办理成果, 办理质量), not items",
    ),
    ("提出", "", "的意见要求", "what someone asked for"),
];

/// True when the cue at `start..end` of `text` is part of another word.
pub fn false_context(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    FALSE_CONTEXTS.iter().any(|&(w, not_before, not_after, _)| {
        w == word
            && (before.is_some_and(|c| not_before.contains(c))
                || after.is_some_and(|c| not_after.contains(c)))
    })
}

/// Key items: `重点` (with the kind after it) always; `重要` only for items leaders take up
/// (领办), the mechanism by which key items are chosen.
pub static KEY_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        "重点(?:督办|办理|处理|政协|人大|代表|委员|的)*(?:提案|建议|议案|件)",
        "|领[办衔][^,;。]{0,6}重要(?:提案|建议|议案)",
        // "从401件建议中选择了10件作为重点": chosen as the key ones.
        // (with 作为 already read off the clause after the number: a bare 重点 ends it).
        "|(?:作为|列为|确定为|定为)重点|^重点$",
        // "列入省人大常委会领导和专委会重点督办12件建议", "省政府系统现场重点办理12件建议":
        // supervised or handled as key items, right before the count (列入 here is no plan);
        // "市领导重点督办的12件建议": the same with 的.
        "|重点(?:督办|办理)的?$",
    ))
    .expect("key regex")
});

/// Words of registering received items as proposals (立案, 立为提案): a stage of its own, so a
/// count with them is a total even after a count of the items received, and even with a share.
pub const REGISTERING: &[&str] = &["立案", "立为"];

/// Words that mark an addition to what was counted before, so a part cue does not make a
/// batch a part ("此外…闭会期间提出的建议116件").
pub const ADDITION_CUES: &[&str] = &["此外", "另外", "另有", "还办理", "还承办", "还收到"];

/// Kinds of item, and words that look like them but name the content of an item.
pub const KIND_WORDS: &[Entry<Option<Subject>>] = &[
    (
        "人大代表、政协委员",
        Some(Subject::Combined),
        "both kinds' authors",
    ),
    (
        "人大代表和政协委员",
        Some(Subject::Combined),
        "both kinds' authors",
    ),
    ("代表委员", Some(Subject::Combined), "both kinds' authors"),
    ("代表、委员", Some(Subject::Combined), "both kinds' authors"),
    ("代表和委员", Some(Subject::Combined), "both kinds' authors"),
    (
        "建议案",
        Some(Subject::Proposal),
        "a CPPCC's formal recommendation (政协建议案), counted with its proposals",
    ),
    (
        "人大建议案",
        Some(Subject::Suggestion),
        "a congress's: 建议案 named with the congress is a deputies' item",
    ),
    ("建议提案", Some(Subject::Combined), "both kinds"),
    ("建议和提案", Some(Subject::Combined), "both kinds"),
    ("建议、提案", Some(Subject::Combined), "both kinds"),
    ("建议与提案", Some(Subject::Combined), "both kinds"),
    ("建议及提案", Some(Subject::Combined), "both kinds"),
    ("提案和建议", Some(Subject::Combined), "both kinds"),
    ("议提案", Some(Subject::Combined), "议案 and 提案"),
    ("两案", Some(Subject::Combined), "both kinds"),
    (
        "建议、批评和意见",
        Some(Subject::Suggestion),
        "the NPC's own name for deputy suggestions",
    ),
    (
        "批评、建议和意见",
        Some(Subject::Suggestion),
        "the same name in another order, as many townships write it",
    ),
    (
        "建议批评和意见",
        Some(Subject::Suggestion),
        "the same name without its list comma",
    ),
    (
        "代表的意见和建议",
        Some(Subject::Suggestion),
        "deputies named as the authors before the plain words (承办了12条人大代表的意见和建议)",
    ),
    (
        "代表的建议",
        Some(Subject::Suggestion),
        "deputies named as the authors before 建议",
    ),
    (
        "建议报告",
        None,
        "a CPPCC's advisory report to the Party and government, no item of either kind",
    ),
    (
        "会议提案",
        Some(Subject::Proposal),
        "a session's proposals, not 议提案",
    ),
    ("争议案", None, "disputes, not motions"),
    (
        "人大政协建议提案",
        Some(Subject::Combined),
        "both bodies named before both nouns: the items of both",
    ),
    (
        "人大政协建议",
        Some(Subject::Combined),
        "both bodies named: the items of both, whatever the noun",
    ),
    (
        "人大建议提案",
        Some(Subject::Suggestion),
        "the congress's items, whatever the noun after it",
    ),
    (
        "政协建议提案",
        Some(Subject::Proposal),
        "the CPPCC's items, whatever the noun after it",
    ),
    (
        "党代会提案",
        None,
        "a party congress's proposals, neither kind (SCHEMA's subjects are the NPC's and the CPPCC's)",
    ),
    (
        "党代表提案",
        None,
        "a party congress delegate's proposals, neither kind",
    ),
    (
        "政协议案",
        Some(Subject::Proposal),
        "the CPPCC takes no motions: its items are proposals, whatever the noun",
    ),
    ("提案", Some(Subject::Proposal), "CPPCC proposals"),
    (
        "议案",
        Some(Subject::Suggestion),
        "motions count as suggestions (SCHEMA)",
    ),
    ("所提建议", None, "what an item proposes, not a kind"),
    ("意见建议", None, "opinions: the content of an item"),
    ("意见和建议", None, "opinions: the content of an item"),
    ("提案建议", None, "a proposal's recommendations"),
    ("建议", Some(Subject::Suggestion), "deputy suggestions"),
];

/// Builds an alternation of literal words, longest first.
pub fn alternation<T>(table: &[Entry<T>]) -> Regex {
    let mut words: Vec<&str> = table.iter().map(|e| e.0).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let pattern: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&pattern.join("|")).expect("cue alternation")
}

/// Looks a matched word up in its table.
pub fn lookup<T: Copy>(table: &[Entry<T>], word: &str) -> Option<T> {
    table.iter().find(|e| e.0 == word).map(|e| e.1)
}

/// The count-cue table compiled.
pub static COUNT_CUE_RE: LazyLock<Regex> = LazyLock::new(|| alternation(COUNT_CUES));
/// The part-cue table compiled.
pub static PART_RE: LazyLock<Regex> = LazyLock::new(|| alternation(PART_CUES));
/// The kind table compiled.
pub static KIND_RE: LazyLock<Regex> = LazyLock::new(|| alternation(KIND_WORDS));

static KIND_MAP: LazyLock<HashMap<&'static str, Option<Subject>>> =
    LazyLock::new(|| KIND_WORDS.iter().map(|e| (e.0, e.1)).collect());

/// The kind a matched kind word names (`None` for content words).
pub fn kind_of(word: &str) -> Option<Subject> {
    KIND_MAP.get(word).copied().flatten()
}

/// The kinds named in `text`, joined; `deputies` says whether the document ever names people's
/// congress deputies or the congress, without which `建议` is what a proposal recommends.
pub fn kinds_in(text: &str, deputies: bool) -> Option<Subject> {
    let mut found = None;
    for m in KIND_RE.find_iter(text) {
        // "19件意见建议和27件提案", "代表提出意见和建议121条": opinions counted as items (the
        // count before them, or right after them where `text` ends and deputies raised them),
        // in a text about deputies, are their suggestions; opinions collected from the public
        // ("收集意见建议101条") are not.
        let raised_by_deputies = || {
            let before = &text[..m.start()];
            before.contains("代表") && ["提出", "提交"].iter().any(|w| before.ends_with(w))
        };
        let counted = deputies
            && ["意见建议", "意见和建议"].contains(&m.as_str())
            && (text[..m.start()].ends_with('件')
                || (text[m.end()..].trim().is_empty() && raised_by_deputies()));
        let Some(k) = kind_of(m.as_str()).or(counted.then_some(Subject::Suggestion)) else {
            continue;
        };
        if m.as_str() == "建议" && (!deputies || is_content_use(text, m.start(), m.end())) {
            continue;
        }
        if m.as_str() == "提案" && text[m.end()..].starts_with('委') {
            continue; // 提案委: the committee, not its items
        }
        found = Some(found.map_or(k, |x: Subject| x.join(k)));
    }
    found
}

/// `建议` used as the content of an item: a title (《关于…的建议》), opinions, or what is proposed.
pub fn is_content_use(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    let clause = before
        .rsplit([',', '。', ';', ':', '\n'])
        .next()
        .unwrap_or(before);
    before.ends_with('的') && clause.contains("关于")
        || before.ends_with("意见")
        || before.ends_with("所提")
        || before.ends_with('和') && before[..before.len() - 3].ends_with("意见")
        || after.starts_with('》')
}

/// Nouns for things other than suggestions and proposals, with the reason; a count of them
/// is no fact unless the kind of item is named.
pub const OTHER_ITEM_NOUNS: &[Entry<()>] = &[
    ("案件", (), "cases"),
    ("工单", (), "hotline work orders"),
    ("来信", (), "letters"),
    ("来电", (), "calls"),
    ("信件", (), "letters"),
    ("诉求", (), "requests from the public"),
    ("事项", (), "matters"),
    ("项目", (), "projects"),
    ("人次", (), "visits by people"),
    ("家企业", (), "firms"),
    ("户", (), "households"),
    ("件次", (), "instructions or times"),
    ("反馈表", (), "feedback forms"),
    ("回执", (), "receipts"),
    ("投诉", (), "complaints from the public"),
    ("举报", (), "reports of wrongdoing from the public"),
    (
        "审议意见",
        (),
        "opinions a standing committee gives on reports it reviewed",
    ),
    ("议题", (), "topics for discussion, gathered from items"),
    (
        "报告",
        (),
        "reports written (调研报告, 建议报告): documents of their own, no items",
    ),
];

/// [`OTHER_ITEM_NOUNS`] compiled.
pub static OTHER_ITEMS: LazyLock<Regex> = LazyLock::new(|| alternation(OTHER_ITEM_NOUNS));

/// Verbs of a body dealing with items, with the reason. 份 ("copies") counts items only with
/// one of them before the number ("承办人大建议、政协提案16份"); a member's 份 is what they
/// wrote or brought ("提交了五份提案", "带来了26份提案"), no items handled.
pub const HANDLING_VERBS: &[Entry<()>] = &[
    ("办理", (), "handled"),
    ("承办", (), "undertaken"),
    ("受理", (), "accepted for handling"),
    ("收到", (), "received"),
    ("交办", (), "assigned"),
    ("主办", (), "led"),
    ("协办", (), "assisted"),
    ("会办", (), "handled jointly"),
    ("办复", (), "answered"),
    ("答复", (), "replied to"),
];

/// [`HANDLING_VERBS`] compiled.
pub static HANDLING_RE: LazyLock<Regex> = LazyLock::new(|| alternation(HANDLING_VERBS));

/// Opinions deputies or members send back on how their items were handled, named before the
/// number ("共收到代表反馈征询意见56件"): they count replies to a survey, not items (SCHEMA:
/// forms received give no fact), though they are counted in 件.
pub const FEEDBACK_NOUNS: &[Entry<()>] = &[
    (
        "征询意见",
        (),
        "opinions the body asked for on its handling",
    ),
    ("反馈意见", (), "opinions sent back on the handling"),
    ("意见回执", (), "receipts of opinions sent back"),
    ("测评意见", (), "evaluations of the handling"),
    ("意见反馈", (), "feedback sent back (收到代表意见反馈164件)"),
    ("评价", (), "evaluations received (已收到评价7件)"),
    ("反馈表", (), "feedback forms"),
    ("意见表", (), "opinion forms"),
    ("征询表", (), "forms asking for opinions"),
    ("测评表", (), "evaluation sheets"),
];

/// [`FEEDBACK_NOUNS`] compiled, as the end of the words before a number.
pub static FEEDBACK_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(FEEDBACK_NOUNS);
    Regex::new(&format!("(?:{})[共有为计 ]*$", words.as_str())).expect("feedback regex")
});

/// Forms counted after the number, whatever items their name mentions ("260件“代表建议办理
/// 反馈表”"): feedback forms (反馈表, 意见表, 征询表), evaluation sheets (测评表) and receipts (回执).
pub static FORMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^[^,;。]{0,12}?(?:反馈表|意见表|征询表|测评表|回执)").expect("forms regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_uses_of_jianyi_name_no_kind() {
        assert_eq!(kinds_in("所提建议留作参考", true), None);
        assert_eq!(kinds_in("人大代表建议", true), Some(Subject::Suggestion));
        assert_eq!(kinds_in("建议12件", false), None);
        assert_eq!(kinds_in("提案委员会", true), None);
    }

    #[test]
    fn tables_compile_longest_first() {
        let m = COUNT_CUE_RE.find("满意或基本满意的").expect("match");
        assert_eq!(m.as_str(), "满意或基本满意");
        assert_eq!(lookup(COUNT_CUES, "会办"), Some(Cue::Measure(Measure::Co)));
    }
}
