//! Outcome classes read from the parts a phrase is built from, not from a list of phrases.
//!
//! An outcome phrase joins an aspect or modality (`已`, `正在`, `计划`, `拟`, `暂`, `尚`, `今后`)
//! or a degree (`全部`, `基本`, `部分`) to a head verb (`解决`, `采纳`, `落实`, `吸纳`). The class
//! follows from the strongest marker: keeping for reference beats "cannot now", which beats
//! "under way or planned", which beats "done". A phrase that joins sub-phrases of two classes
//! with `或`/`和`/`、` gives no class (SCHEMA: such a count is no fact). The printed letter
//! (`A类`) counts only when no phrase says what the class is.

use crate::model::Measure;
use regex::Regex;
use std::sync::LazyLock;

/// Markers of each class, strongest class first. Each entry says why it marks that class.
const MARKERS: &[(&str, Measure, &str)] = &[
    (
        "参考",
        Measure::Reference,
        "kept for reference (留作/用作/作为/供参考)",
    ),
    ("不能", Measure::NotFeasible, "cannot (yet)"),
    ("无法", Measure::NotFeasible, "cannot"),
    ("难以", Measure::NotFeasible, "hard to"),
    ("未能", Measure::NotFeasible, "could not"),
    ("暂不", Measure::NotFeasible, "not for now"),
    ("暂未", Measure::NotFeasible, "not yet, for now"),
    ("暂时不", Measure::NotFeasible, "not for now"),
    ("暂无", Measure::NotFeasible, "no means for now"),
    ("暂缓", Measure::NotFeasible, "put off for now (暂缓解决)"),
    ("不可行", Measure::NotFeasible, "infeasible"),
    ("尚不", Measure::NotFeasible, "not yet"),
    ("尚未具备", Measure::NotFeasible, "conditions not yet met"),
    ("不具备", Measure::NotFeasible, "conditions not met"),
    ("条件限制", Measure::NotFeasible, "limited by conditions"),
    ("限于", Measure::NotFeasible, "limited by"),
    ("所限", Measure::NotFeasible, "limited by"),
    ("客观条件", Measure::NotFeasible, "objective conditions"),
    ("正在", Measure::InProgress, "under way"),
    ("逐步", Measure::InProgress, "step by step"),
    ("列入", Measure::InProgress, "put into a plan"),
    ("纳入", Measure::InProgress, "put into a plan"),
    ("计划", Measure::InProgress, "planned"),
    ("规划", Measure::InProgress, "planned"),
    ("拟", Measure::InProgress, "to be done"),
    (
        "能够解决",
        Measure::InProgress,
        "can be solved (在本年度内能够解决): not done yet, but within reach",
    ),
    ("准备", Measure::InProgress, "to be done"),
    ("部分", Measure::InProgress, "partly (SCHEMA: in_progress)"),
    ("启动", Measure::InProgress, "work started"),
    ("着手", Measure::InProgress, "work started"),
    // After the in-progress markers: "计划在今后逐步解决" is planned, "今后解决" is not now.
    ("今后", Measure::NotFeasible, "later, when possible"),
    ("以后", Measure::NotFeasible, "later"),
    ("后续", Measure::NotFeasible, "in a later follow-up"),
    ("适当时机", Measure::NotFeasible, "at a suitable time"),
    ("有待", Measure::NotFeasible, "waits for"),
    ("已", Measure::Solved, "done"),
    ("得到", Measure::Solved, "received (a solution, adoption)"),
    ("基本", Measure::Solved, "basically (solved)"),
    ("全部", Measure::Solved, "wholly"),
    ("被", Measure::Solved, "passive of adoption"),
    ("予以", Measure::Solved, "given (adoption)"),
    ("给予", Measure::Solved, "given (a solution)"),
];

/// Head verbs an outcome is built on.
pub(super) const HEADS: &[&str] = &[
    "解决", "采纳", "落实", "吸纳", "实施", "参考", "列入", "纳入", "办理",
];

/// Heads that can be done: `已办理` is no solution, `已解决` is.
const SOLVING_HEADS: &[&str] = &["解决", "采纳", "落实", "吸纳", "实施"];

/// Markers that settle a class without a head ("因条件限制…", "列入计划").
const HEADLESS: &[&str] = &[
    "参考",
    "正在",
    "条件限制",
    "不具备",
    "尚未具备",
    "所限",
    "列入",
    "纳入",
    "启动",
    "不可行",
];

/// Verbs after 正在 that tell what people are doing at an event, not how far items have got
/// ("代表正在听取…关于三件建议办理情况的汇报"), with the reason.
const EVENT_VERBS: &[(&str, &str)] = &[
    ("听取", "hearing a report"),
    ("召开", "holding a meeting"),
    ("参加", "taking part"),
    ("视察", "inspecting"),
    ("座谈", "talking"),
    ("了解", "finding out"),
];

/// Words after which an adoption means the opposite ("未被采纳"): no class can be given.
const NEGATED: &[&str] = &["未被", "未采纳", "未解决", "没有"];

/// What a phrase says about the outcome of the items counted after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// No outcome is named.
    None,
    /// One class.
    Class(Measure),
    /// Two classes joined, or an outcome that fits no class: no fact.
    Unclear,
}

static PARTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("或者|或是|或|和|及|、|与|以及").expect("parts regex"));

/// A printed class letter: "A类", or a bare letter that labels a table row ("A  114  68.68").
static LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([ABCDabcd甲乙丙丁])类|(?:^|[\s|])([ABCD])[\s|]*$").expect("letter regex")
});

/// "全部落实到承办单位", "分解落实到24个处室": items passed on to the bodies that handle them,
/// not carried out (落实到位 is carried out). The verb is written 转交到 instead, of the same
/// length, so offsets into the text stay valid.
pub(super) fn passed_on(s: &str) -> std::borrow::Cow<'_, str> {
    static PASSED_TO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("落实到([^位]|$)").expect("passed-to regex"));
    PASSED_TO.replace_all(s, "转交到$1")
}

/// Plans of legislative work: motions taken into one are no outcome class.
pub const LEGISLATIVE: [&str; 4] = ["立法计划", "立法规划", "立法工作计划", "立法项目"];

/// Classifies one sub-phrase; `adjacent` says the phrase ends right before the number.
fn class_of(part: &str, adjacent: bool) -> Reading {
    let part = &*passed_on(part);
    // "市规划局西陵分局…需办理": a marker that is part of a body's name (规划局, 计划生育委员会)
    // says nothing of the items.
    static BODY_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("(?:规划|计划)(?:和自然资源|建设|生育)?(?:分局|局|委员会|委|厅|院|处|科|所)")
            .expect("body-name regex")
    });
    let part = &*BODY_NAME.replace_all(part, "");
    // "列入议案2件", "列为重点建议": items put among a kind of items are registered as that
    // kind, not put into a plan.
    static AMONG_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("(?:列入|纳入|列为)(?:重点)?(?:议案|建议|提案)").expect("among-items regex")
    });
    let part = &*AMONG_ITEMS.replace_all(part, "");
    // "6件拟列入2022年立法计划审议项目": motions taken into a legislative plan are
    // legislative work (SCHEMA: legislative projects are no items handled), not a class.
    if LEGISLATIVE.iter().any(|w| part.contains(w)) {
        return Reading::Unclear;
    }
    if NEGATED.iter().any(|w| part.contains(w)) {
        // "因条件限制没有解决的23件": not solved, for a reason that makes it not feasible.
        let for_now = MARKERS
            .iter()
            .any(|&(w, class, _)| class == Measure::NotFeasible && part.contains(w));
        return if for_now {
            Reading::Class(Measure::NotFeasible)
        } else {
            Reading::Unclear
        };
    }
    let has_head = HEADS.iter().any(|h| part.contains(h));
    for &(marker, class, _) in MARKERS {
        // "大部分" is most of them, not a part.
        let present = if marker == "部分" {
            part.replace("大部分", "").contains(marker)
        } else if marker == "正在" {
            // "还有2件正在(进一步)办理之中": items not yet answered, no outcome class; being
            // solved or carried out is ("正在解决", "正在落实").
            let only_handling = !HEADS.iter().any(|h| *h != "办理" && part.contains(h));
            !only_handling
                && part.match_indices(marker).any(|(at, m)| {
                    let after = &part[at + m.len()..];
                    !EVENT_VERBS.iter().any(|(v, _)| after.starts_with(v))
                })
        } else {
            part.contains(marker)
        };
        if present && (has_head || HEADLESS.contains(&marker)) {
            // "已" only marks done when it governs a solving head ("已解决", "已经采纳").
            if class == Measure::Solved && !SOLVING_HEADS.iter().any(|h| part.contains(h)) {
                continue;
            }
            return Reading::Class(class);
        }
    }
    // A bare head right before the count, or ending one of joined phrases: "解决采纳36件",
    // "采纳的12件", "“解决采纳”或“解决或采纳”的有57件".
    let bare = part.trim_end_matches(['的', '有', '了', ' ', ')', '(', '"', '“', '”']);
    let short = bare.chars().count() <= 4;
    if (adjacent || bare.len() < part.len() || short)
        && ["解决", "采纳", "落实", "吸纳"]
            .iter()
            .any(|h| bare.ends_with(h))
    {
        return Reading::Class(Measure::Solved);
    }
    // "吸纳建议的886件", "采纳代表意见并推动落实的": adopting the items themselves (the
    // kind as the head's object) is the outcome, wherever it stands in the phrase; adopting
    // anything else ("采纳新技术") says what an item proposes. A clause that ends before the
    // count ("积极采纳提案建议,立案的1046件…") tells how the body worked, not of these items.
    static ADOPTED_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("(?:采纳|吸纳)了?(?:代表|委员)?的?(?:意见建议|建议|意见|提案)")
            .expect("adopted-items regex")
    });
    if ADOPTED_ITEMS
        .find(part)
        .is_some_and(|m| !part[m.end()..].contains([',', ';', '，', '；']))
    {
        return Reading::Class(Measure::Solved);
    }
    // "解释说明6件", "作说明解释的3件": a class of its own in an outcome list, the items answered
    // with an explanation (SCHEMA: D, kept for reference or explained). A longer phrase that
    // tells how a body dealt with the deputy ("已向代表说明解释") is no class.
    let explained = bare.trim_start_matches(['作', '予', '以', '给']);
    if ["解释说明", "说明解释"].contains(&explained) {
        return Reading::Class(Measure::Reference);
    }
    Reading::None
}

/// The classes a document's printed letters stand for: what the text itself defines
/// ("A类(建议所提问题已经解决)", "C类:列入规划逐步解决", "正在解决的(B类)"), and for the
/// letters it leaves out the usual order A/甲 solved, B/乙 in progress, C/丙 not feasible,
/// D/丁 reference. A text that defines no letter gives its letters no class: the schemes
/// differ between bodies, and SCHEMA reads a letter only "when the text defines" it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Letters {
    /// The class of A, B, C, D (甲, 乙, 丙, 丁).
    classes: [Measure; 4],
    /// Which letters the text defines (all, for the usual order taken as given).
    defined: [bool; 4],
    /// Letters the text defines as no single class.
    unclear: [bool; 4],
}

impl Default for Letters {
    fn default() -> Self {
        Letters {
            classes: [
                Measure::Solved,
                Measure::InProgress,
                Measure::NotFeasible,
                Measure::Reference,
            ],
            defined: [true; 4],
            unclear: [false; 4],
        }
    }
}

impl Letters {
    /// The letters as `text` defines them, where it does.
    pub fn defined_in(text: &str) -> Self {
        static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r#"[“"]?([ABCDabcd甲乙丙丁])[”"]?类(?:答复|件)?\s*(?:\(([^()。]{2,40})\)|(?::|是指|即|代表(?:所提问题)?)([^()。;:,]{2,40}))"#,
            )
                .expect("letter definition regex")
        });
        let mut out = Letters {
            defined: [false; 4],
            ..Letters::default()
        };
        // The meaning may stand before the letter, which follows it in brackets
        // ("已列入规划逐步解决的(C类)2件").
        static DEFINED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:^|[;。:\n])([^;。:\n()]{2,60})\(([ABCDabcd甲乙丙丁])类\)")
                .expect("letter definition regex")
        });
        let after = DEFINED
            .captures_iter(text)
            .map(|c| (c.get(1), c.get(2).or(c.get(3))));
        let before = DEFINED_BEFORE
            .captures_iter(text)
            .map(|c| (c.get(2), c.get(1)));
        for (letter, meaning) in after.chain(before) {
            let Some(letter) = letter else { continue };
            let i = letter_index(letter.as_str());
            if out.defined[i] {
                continue;
            }
            let Some(meaning) = meaning else {
                continue;
            };
            match read_in(meaning.as_str(), &Letters::default(), false) {
                Reading::Class(c) => {
                    out.classes[i] = c;
                    out.defined[i] = true;
                }
                // "“D”类代表所提问题未被采纳或留作参考": a letter defined as two classes
                // joined, or as not adopted, has no class (SCHEMA: no fact).
                Reading::Unclear => {
                    out.defined[i] = true;
                    out.unclear[i] = true;
                }
                Reading::None => {}
            }
        }
        out
    }
}

fn letter_index(letter: &str) -> usize {
    match letter {
        "A" | "a" | "甲" => 0,
        "B" | "b" | "乙" => 1,
        "C" | "c" | "丙" => 2,
        _ => 3,
    }
}

/// Reads an outcome phrase (the words before a count, in its clause), printed letters as usual.
pub fn read(phrase: &str) -> Reading {
    read_in(phrase, &Letters::default(), true)
}

/// Reads an outcome phrase with the letters as the document defines them; `letters_count`
/// says whether a letter alone gives a class.
pub fn read_in(phrase: &str, letters: &Letters, letters_count: bool) -> Reading {
    // "…的建议(C类、D类)共90件", "C、D类": items of two printed classes together.
    static TWO_LETTERS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("([ABCDabcd甲乙丙丁])类?[、和及与]([ABCDabcd甲乙丙丁])类")
            .expect("two letters regex")
    });
    if TWO_LETTERS.captures_iter(phrase).any(|c| c[1] != c[2]) {
        return Reading::Unclear;
    }
    // "关于落实城市总体规划、提高…等全市中心工作的建议506件": a phrase opened by 关于 and
    // closed by the kind names what the items are about; its verbs are their content.
    static ABOUT_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("关于[^,;。，；]*(?:建议|提案|议案|意见)[的有共计为 ]*$").expect("about regex")
    });
    if ABOUT_ITEMS.is_match(phrase) {
        return Reading::None;
    }
    // "被采纳、所提问题正在解决或列入计划逐步解决的": the class scheme of the national rules
    // opens every class with the proposal adopted; the state of the problem raised, after it,
    // is the class. So is what is still to be done with an adopted item ("被采纳、有待逐步实
    // 施", "采纳、正在落实"): adoption is the stage before it, not a second group of items.
    static ADOPTED_THEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            "(?:已?被|得到)?采纳[、,](所提问题|提出的问题|问题|有待|正在|逐步|列入|纳入|计划)",
        )
        .expect("adopted regex")
    });
    let phrase = &*ADOPTED_THEN.replace_all(phrase, "$1");
    // "已制定解决措施": 解决 inside a noun (measures, a plan, a way to solve) is no head.
    static SOLVING_NOUN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("解决(措施|方案|办法|途径|思路)").expect("solving-noun regex"));
    let phrase = &*SOLVING_NOUN.replace_all(phrase, "应对$1");
    // "因目前条件限制或其他原因难以解决": "or other reasons" is part of the reason, no join.
    static OTHER_REASONS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("(?:或|和|及|以及)其[他它]原因").expect("reasons regex"));
    let phrase = &*OTHER_REASONS.replace_all(phrase, "");
    let mut found: Option<(usize, Measure)> = None;
    let parts: Vec<&str> = PARTS.split(phrase).collect();
    // The words that join part i to part i + 1.
    let joins: Vec<&str> = PARTS.find_iter(phrase).map(|m| m.as_str()).collect();
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.iter().enumerate() {
        // "已列入计划拟解决或采纳的": a bare head after a class shares its marker (拟采纳).
        let bare = part.trim_end_matches(['的', '有', ')', '）', ' ']);
        if found.is_some() && ["解决", "采纳", "落实", "吸纳"].contains(&bare) {
            continue;
        }
        match class_of(part, i == last) {
            Reading::Class(c) => match found {
                // "因条件限制暂不能解决、留作参考": the reason why items are kept for reference,
                // not a second class; with 或, 和 or 以及 between them the phrase joins two
                // classes (a 或 inside the reason, "因条件限制或其他原因难以解决留作参考", joins
                // none).
                Some((at, f))
                    if f != c
                        && joins[at..i].iter().all(|j| *j == "、")
                        && [f, c].contains(&Measure::Reference)
                        && [f, c].contains(&Measure::NotFeasible) =>
                {
                    found = Some((at, Measure::Reference))
                }
                Some((_, f)) if f != c => return Reading::Unclear,
                _ => found = Some((i, c)),
            },
            Reading::Unclear => return Reading::Unclear,
            Reading::None => {}
        }
    }
    match found {
        Some((_, c)) => Reading::Class(c),
        None if letters_count => letter(phrase, letters).map_or(Reading::None, Reading::Class),
        None => Reading::None,
    }
}

/// Whether the words of `text` before character `at` end with an outcome phrase that names a
/// class ("正在解决或列入规划逐步解决的" before 答复).
pub fn class_ends(text: &str, at: usize) -> bool {
    let before: Vec<char> = text.chars().take(at).collect();
    let tail: String = before[before.len().saturating_sub(16)..].iter().collect();
    matches!(read(tail.trim_end_matches('的')), Reading::Class(_))
}

/// The classes of the joined sub-phrases in order, for counts given 分别 ("已经解决或列入计划
/// 解决的分别有40件、200件" → solved, in progress).
pub fn classes_in_turn(phrase: &str) -> Vec<Measure> {
    let parts: Vec<&str> = PARTS.split(phrase).collect();
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match class_of(p, i == last) {
            Reading::Class(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// The class the last printed letter of `phrase` stands for.
fn letter(phrase: &str, letters: &Letters) -> Option<Measure> {
    let caps = LETTER.captures_iter(phrase).last()?;
    let i = letter_index(caps.get(1).or(caps.get(2))?.as_str());
    (letters.defined.contains(&true) && !letters.unclear[i]).then_some(letters.classes[i])
}

/// True when the words before a count end with a printed class letter ("人大代表建议A类件",
/// "B类提案共"): the count is of a class, whether or not the text says what the letter means.
pub fn ends_with_letter(words: &str) -> bool {
    static ENDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[ABCDabcd甲乙丙丁]类(?:件|办件|提案|建议|议案)?(?:共|有|为|计)?\s*$")
            .expect("letter end regex")
    });
    ENDS.is_match(words)
}

/// True for a word that can start an outcome phrase after a number ("12件已解决").
pub fn names_outcome(text: &str) -> bool {
    HEADS.iter().any(|h| text.contains(h)) || text.contains("参考")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(p: &str) -> Reading {
        read(p)
    }

    #[test]
    fn two_printed_classes_together_are_no_class() {
        assert_eq!(
            class("其余留作参考或涉及上级职权的建议(C类、D类)共"),
            Reading::Unclear
        );
        assert_eq!(class("C、D类"), Reading::Unclear);
        assert!(matches!(class("留作参考的建议(C类)"), Reading::Class(_)));
    }

    #[test]
    fn degree_aspect_and_head_compose() {
        assert_eq!(class("全部得到采纳的"), Reading::Class(Measure::Solved));
        assert_eq!(class("部分采纳"), Reading::Class(Measure::InProgress));
        assert_eq!(
            class("需在今后适当时机加以解决的"),
            Reading::Class(Measure::NotFeasible)
        );
        assert_eq!(
            class("已被列入解决计划"),
            Reading::Class(Measure::InProgress)
        );
        assert_eq!(
            class("因条件限制留作工作参考"),
            Reading::Class(Measure::Reference)
        );
        assert_eq!(class("解决采纳"), Reading::Class(Measure::Solved));
        assert_eq!(class("基本落实"), Reading::Class(Measure::Solved));
    }

    #[test]
    fn joined_classes_give_no_class() {
        assert_eq!(class("已经解决和部分解决的"), Reading::Unclear);
        assert_eq!(class("已解决或正在解决的"), Reading::Unclear);
        assert_eq!(class("已解决或基本解决的"), Reading::Class(Measure::Solved));
        assert_eq!(
            class("正在解决或已列入计划解决的"),
            Reading::Class(Measure::InProgress)
        );
    }

    #[test]
    fn explanation_alone_is_no_class_but_keeps_a_cannot() {
        assert_eq!(class("已向代表说明解释"), Reading::None);
        assert_eq!(class("解释说明"), Reading::Class(Measure::Reference));
        assert_eq!(class("作说明解释的"), Reading::Class(Measure::Reference));
        assert_eq!(
            class("因政策所限暂时难以解决、已作解释说明的"),
            Reading::Class(Measure::NotFeasible)
        );
    }

    #[test]
    fn meaning_beats_the_letter() {
        assert_eq!(
            class("C类(已列入规划逐步解决)"),
            Reading::Class(Measure::InProgress)
        );
        assert_eq!(class("丙类"), Reading::Class(Measure::NotFeasible));
        assert_eq!(class("未被采纳的"), Reading::Unclear);
        assert_eq!(
            class("采纳并计划在今后逐步解决的"),
            Reading::Class(Measure::InProgress)
        );
        assert_eq!(
            class("办理结果为“解决采纳”或“解决或采纳”的有"),
            Reading::Class(Measure::Solved)
        );
        assert_eq!(class("为切实解决群众关切"), Reading::None);
    }

    #[test]
    fn letters_follow_the_documents_definitions() {
        let letters =
            Letters::defined_in("B类(正在解决)3件,C类:已列入规划将逐步解决的2件,D类即留作参考");
        assert_eq!(
            read_in("列为C类有4件", &letters, true),
            Reading::Class(Measure::InProgress)
        );
        assert_eq!(
            read_in("丁类", &letters, true),
            Reading::Class(Measure::Reference)
        );
        // A letter the text never defines keeps its usual class when the text defines others.
        assert_eq!(
            read_in("A类", &letters, true),
            Reading::Class(Measure::Solved)
        );
        assert_eq!(read_in("A类", &letters, false), Reading::None);
        // A text that defines no letter gives them no class (SCHEMA: "when the text defines A").
        let none = Letters::defined_in("A类建议18件,B类建议2件");
        assert_eq!(read_in("A类", &none, true), Reading::None);
        // The meaning may come first, the letter after it in brackets.
        let before = Letters::defined_in("正在解决的(B类)33件;已列入规划逐步解决的(C类)2件");
        assert_eq!(
            read_in("C类", &before, true),
            Reading::Class(Measure::InProgress)
        );
    }
}
