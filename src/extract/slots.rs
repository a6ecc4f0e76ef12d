//! The slots of a count's frame read from the words around it: what follows the number
//! (`N件建议`, `N件为主办`, `N件已解决`), the nearest cue before it, the outcome phrase, and the
//! phrase helpers the composition rules lean on (asides in brackets, kinds given in turn).

use super::facts::{Reader, text_of};
use super::lexicon::{
    COUNT_CUE_RE, COUNT_CUES, Cue, KEY_ITEMS, KIND_RE, false_context, is_content_use, kind_of,
    lookup,
};
use super::mentions::Mention;
use super::outcome::{self, Reading};
use crate::model::{Measure, Subject};
use crate::segment::ends_phrase;
use regex::Regex;
use std::sync::LazyLock;

/// Two or more handling roles joined by list words (`主办、协办`, `主、协办`, `主办和会办`).
static JOINED_ROLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:主办|主|承办|单办|协办|会办|分办|汇办)(?:[、和及与](?:主办|承办|单办|协办|会办|分办|汇办))+")
        .expect("joined roles regex")
});

/// The class of roles joined in `joined` ("协办、会办"), when all are of one: co-handling
/// (协办, 会办) or leading (主办, 单办). 承办 leads only when set against 协办, and 分办 and
/// 汇办 are neither (SCHEMA), so a join holding them has no class.
fn one_class(joined: &str) -> Option<Measure> {
    let roles: Vec<&str> = joined.split(['、', '和', '及', '与']).collect();
    if roles.iter().all(|r| ["协办", "会办"].contains(r)) {
        Some(Measure::Co)
    } else if roles.iter().all(|r| ["主办", "单办"].contains(r)) {
        Some(Measure::Lead)
    } else {
        None
    }
}

/// A cue and its char position.
pub(super) type CueAt = Option<(usize, Cue)>;

/// What the words right after a number say: `N件建议`, `N件为主办`, `N件已解决`.
pub(super) struct Right {
    pub(super) kind: Option<Subject>,
    pub(super) measure: Option<Measure>,
    /// The words after the number name an outcome that fits no class.
    pub(super) unclear: bool,
    /// The clause ends in `中`: the count heads a breakdown (`8件人大代表建议中`).
    pub(super) heading: bool,
    /// Chars of the right clause the evidence should include.
    pub(super) len: usize,
    /// A verb after the number says what it counts (`有10件已答复给代表`).
    pub(super) verb: bool,
}

/// A grade given by the proposers, after the items it grades ("…表示满意", "…评价为基本满意"),
/// not joined to another grade ("满意或基本满意" joins two: no fact).
static GRADE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:表示|评价为|评为|反馈为|测评为)(?P<grade>不满意|基本满意|比较满意|满意)(?:$|[^或和、及与])")
        .expect("grade-after regex")
});

/// A grade right after the items it counts, as their class: "22件不满意件", "13件建议“不满意”",
/// "45件满意、3件基本满意" (not a rate: 满意率; not two grades joined: 满意或基本满意).
static GRADE_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^件?(?:代表|委员)?(?:建议|提案|议案)?[“"‘]?(?P<grade>不满意|基本满意|比较满意|满意)[”"’]?(?:件|的?(?:建议|提案|议案)|[,;。、)]|$)"#)
        .expect("grade-class regex")
});

/// The items counted made key items, with words on who handles them or when between the
/// verb and the key phrase ("6件提案作为2017年区政府办理的重点提案"), or only the year
/// ("9件提案被确定为2018年重点提案"), or who chose them after 被 ("10条建议被县人大常委会确定
/// 为重点建议").
static KEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:件|项)?(?:提案|建议|议案)?(?:被[^,;。、\d]{0,12}?)?(?:确定为|确立为|列为|作为|定为)(?:(?:[^,;。、\d]|\d{4}年){0,14}?(?:的|\d{4}年度?))?重点(?:督办)?(?:提案|建议|议案)")
        .expect("key-after regex")
});

/// The items counted, described over a list of qualities, made key items: "7件群众关注度高、
/// 综合性强的建议被确定为常委会重点督办建议" (read to the end of the clause, over 、); or
/// named key items after the description ("确定36件事关全州经济、社会和民生发展的重点督办人大
/// 代表建议").
static KEY_CHOSEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^件?[^,;。\d]{0,24}?的(?:提案|建议|议案)被(?:确定|确立|列|定|选定|遴选)为[^,;。、\d]{0,10}?重点(?:督办)?(?:提案|建议|议案)|^件?[^,;。\d]{0,30}?的重点(?:督办|办理|处理)?(?:人大代表|政协委员|代表|委员)?(?:提案|建议|议案)+")
        .expect("key-chosen regex")
});

/// The clause after a count that makes its items key items ("经主席会议审定为重点提案").
static KEY_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:并|均)?经[^,;。\d]{0,12}?(?:审定|确定|确立|列|定)为[^,;。\d]{0,16}?重点(?:督办)?(?:提案|建议|议案)")
        .expect("key-next regex")
});

/// A count in the words after a number, in its clause ("…已经解决16件").
static LATER_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+ ?(?:件|项|条)").expect("later-count regex"));

/// What items asked for, named after their kind ("提案的建议意见", "建议的意见", "所提问题",
/// "建议涉及的问题", "反映的问题").
static ITEM_CONTENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:涉及|反映|提出)?的?(?:建议意见|意见建议|意见和建议|意见|所提问题|所提建议|问题)",
    )
    .expect("item-content regex")
});

/// Words that may stand between a number and the kind of item it counts.
pub(super) const KIND_QUALIFIERS: &str = "政协人大代表委员县市省区州的重点重要立案主办协办会办件中";

/// Verbs by which a count is said to be of a kind or class: "被确定为重点提案", "作为建议".
const COUNTED_AS: [&str; 8] = [
    "被确定为",
    "确定为",
    "被列为",
    "列为",
    "作为",
    "为",
    "属于",
    "是",
];

impl Reader<'_> {
    pub(super) fn read_right(&self, m: &Mention, e: usize) -> Right {
        let right = self.right_clause(m.end, e);
        // (The verb of items passed on is masked before the 16 characters are cut, so a cut
        // after 落实 does not leave it looking carried out.)
        let r16: String = outcome::passed_on(&right).chars().take(16).collect();
        let r = r16.trim_start_matches(['的', ' ']);
        // What the items are counted as: "10件被确定为重点提案", "133件均作为建议处理" (an
        // adverb of all the items may stand before the verb).
        let after_adverb = ["均", "都", "全部"]
            .iter()
            .find_map(|a| r.strip_prefix(a))
            .unwrap_or(r);
        let r = COUNTED_AS
            .iter()
            .find_map(|w| after_adverb.strip_prefix(w))
            .unwrap_or(r);
        // Read only when the branches before it leave the measure open, or to name a key
        // phrase's kind.
        let chosen = || {
            KEY_CHOSEN
                .find(&text_of(self.chars, m.end, e.min(m.end + 60)))
                .map(|k| k.as_str().to_string())
        };
        let mut out = Right {
            kind: None,
            measure: None,
            unclear: false,
            heading: right.ends_with('中'),
            len: 0,
            verb: false,
        };
        // In a heading ("79件市人大主办件中") the role and the body may stand anywhere before 中.
        let role_at = |w: &str| {
            if out.heading {
                r.contains(w)
            } else {
                r.starts_with(w)
            }
        };
        // "23件主办、承办、分办提案": roles joined name no one role.
        let one_role = JOINED_ROLES.find(r).is_none_or(|j| j.start() != 0);
        if one_role && (role_at("主办") || role_at("主合办") || role_at("单办")) {
            out.measure = Some(Measure::Lead);
        } else if one_role && (role_at("协办") || role_at("会办")) {
            out.measure = Some(Measure::Co);
        } else if KEY_ITEMS.find(r).is_some_and(|k| {
            // "议案3件、重点建议12件": a key phrase after a list word is the next item's.
            r[..k.start()].chars().count() <= 8 && !r.starts_with(['、', '和', '及', '与'])
        }) || (r.starts_with("重要") && self.leader_led(m))
        {
            // "10件提案被确定为重点提案", "24件市领导领办的重点建议提案"
            out.measure = Some(Measure::Key);
        } else if KEY_AFTER.is_match(&right)
            || KEY_NEXT.is_match(&self.next_clause(m.end, e))
            || chosen().is_some()
        {
            // "6件提案作为2017年区政府办理的重点提案": who handles them, and when, may stand
            // between the verb and the key phrase; or the choice is told in the next clause
            // ("遴选出…的提案11件,经主席会议审定为…领衔督办的重点提案").
            out.measure = Some(Measure::Key);
        } else if let Some(g) = GRADE_CLASS
            .captures(r)
            // "24件不满意件到年底均上升为满意件": a grade the items left is not their class.
            .filter(|_| {
                !["上升为", "转为", "变为", "转化为"]
                    .iter()
                    .any(|w| right.contains(w))
            })
        {
            out.measure = match &g["grade"] {
                "不满意" => Some(Measure::Unsatisfied),
                "满意" => Some(Measure::Satisfied),
                _ => Some(Measure::BasicallySatisfied),
            };
        }
        // The kind the key phrase of a long description ends in ("…的重点督办人大代表建议").
        if out.measure == Some(Measure::Key)
            && let Some(c) = chosen()
        {
            let tail = &c[c.rfind("重点").unwrap_or(0)..];
            out.kind = KIND_RE
                .find_iter(tail)
                .filter_map(|k| kind_of(k.as_str()))
                .reduce(Subject::join);
        }
        // A list word right after the number starts the next item: its kind and outcome are
        // not this count's ("人大建议6件和政协提案2件", "…的418件、列入计划逐步解决的…").
        let next_item = r.starts_with(['、', '和', '及', '与']);
        let mut kind_end = 0;
        if let Some(km) = KIND_RE.find(r) {
            let gap = &r[..km.start()];
            let qualifier_only = !next_item
                && (gap.chars().all(|c| KIND_QUALIFIERS.contains(c))
                    || (gap.chars().count() <= 4
                        && gap.chars().all(crate::decode::is_cjk)
                        && !["来信", "意见", "批评", "来电"]
                            .iter()
                            .any(|w| gap.contains(w))));
            let content = km.as_str() == "建议"
                && (!self.hints.deputies || is_content_use(r, km.start(), km.end()));
            if qualifier_only && !content {
                out.kind = kind_of(km.as_str());
                kind_end = km.end();
                // "27件人大代表建议和政协委员提案": further kinds joined to the first, by a
                // conjunction or side by side ("71件议案建议提案").
                let mut rest = &r[km.end()..];
                while let Some(k2) = KIND_RE.find(rest)
                    && (k2.start() == 0
                        || rest[..k2.start()].starts_with(['和', '、', '与', '及'])
                            && rest[..k2.start()]
                                .chars()
                                .skip(1)
                                .all(|c| KIND_QUALIFIERS.contains(c)))
                    && let (Some(a), Some(b)) = (out.kind, kind_of(k2.as_str()))
                {
                    out.kind = Some(a.join(b));
                    rest = &rest[k2.end()..];
                }
            }
        }
        if out.heading && out.kind.is_none() {
            // "43件市政协主办件中": the body whose items they are names the kind.
            if r.contains("人大") {
                out.kind = Some(Subject::Suggestion);
            } else if r.contains("政协") {
                out.kind = Some(Subject::Proposal);
            }
        }
        // "3件人大建议提案均被采纳": what all the items came to follows their kind.
        // …or the predicate starts right after the kind ("44件委员提案被部分采纳").
        let all_of_them = kind_end > 0
            && (r[kind_end..].starts_with(['均', '都', '被'])
                || ["全部", "部分"]
                    .iter()
                    .any(|w| r[kind_end..].starts_with(w)));
        // "78件委员提案的建议意见已得到落实", "12件提案的意见正在落实": what the items asked for,
        // then what became of it, said of these items.
        // Not when a count follows the phrase: "8件建议所提问题已经解决(A类)1件" heads a breakdown.
        let count_follows = || {
            let j = m.end + right.chars().count();
            let close = (j < e && self.chars[j] == '(')
                .then(|| (j..e.min(j + 12)).find(|&i| self.chars[i] == ')'))
                .flatten();
            close.is_some_and(|c| c + 1 < e && self.chars[c + 1].is_ascii_digit())
        };
        let of_content = (kind_end > 0 && !all_of_them && !count_follows())
            .then(|| {
                // `r` is a suffix of the first 16 characters of `right`.
                let off = r16.len() - r.len() + kind_end;
                let rest = right.get(off..)?;
                let c = ITEM_CONTENT.find(rest)?;
                let pred = &rest[c.end()..];
                if [
                    "均", "都", "被", "全部", "部分", "已", "正在", "得到", "列入", "尚", "暂",
                ]
                .iter()
                .any(|w| pred.starts_with(w))
                {
                    return Some(pred.chars().take(16).collect::<String>());
                }
                // "42件提案所提问题需要长期坚持去抓,已列入工作计划中": what became of the
                // problem may be said after a comma, to the end of the statement (no number of
                // another count in between).
                if !rest[c.end()..].is_empty() && right.chars().count() < 24 {
                    let statement: String = (m.end + right.chars().count()..e)
                        .map(|i| self.chars[i])
                        .take_while(|&ch| !matches!(ch, ';' | '。') && !ch.is_ascii_digit())
                        .take(30)
                        .collect();
                    let whole = format!("{pred}{statement}");
                    return outcome::names_outcome(&whole).then_some(whole);
                }
                None
            })
            .flatten();
        let head: String = if let Some(pred) = of_content {
            pred
        } else if all_of_them {
            r[kind_end..].chars().take(12).collect()
        } else {
            r.chars().take(8).collect()
        };
        // "对1件建议的办理结果表示不满意", "45件代表表示满意": the grade the proposers gave these
        // items, said after them within the clause.
        if out.measure.is_none()
            && !next_item
            && let Some(g) = GRADE_AFTER.captures(&right)
        {
            out.measure = match &g["grade"] {
                "不满意" => Some(Measure::Unsatisfied),
                "满意" => Some(Measure::Satisfied),
                _ => Some(Measure::BasicallySatisfied),
            };
        }
        // "23件B类件已经解决或基本解决16件": a count after the outcome phrase, in the same
        // clause, is the one the phrase classes; this one is the items it is taken from.
        // (Not the next item of a list: "173件被采纳、44件被部分采纳".)
        let later_count = right
            .split(['、', '和', '及'])
            .next()
            .is_some_and(|own| LATER_COUNT.is_match(own));
        // "6件拟列入2022年立法计划审议项目": the plan is named past the head's few characters.
        if outcome::LEGISLATIVE.iter().any(|w| right.contains(w)) {
            out.unclear = true;
        } else if out.measure.is_none()
            && !next_item
            && !later_count
            && outcome::names_outcome(&head)
        {
            match outcome::read_in(&head, &self.hints.letters, true) {
                Reading::Class(c) => out.measure = Some(c),
                Reading::Unclear => out.unclear = true,
                Reading::None => {}
            }
        }
        out.verb = out.measure.is_none() && COUNT_CUE_RE.is_match(&head);
        if out.measure.is_some() || out.kind.is_some() {
            out.len = right.chars().count();
        }
        out
    }

    /// The count's clause says leaders take the items up (领办, 领衔): 重要 items are key.
    fn leader_led(&self, m: &Mention) -> bool {
        let from = self.clause_start(0, m.start);
        let near = text_of(self.chars, from, m.start);
        near.contains("领办") || near.contains("领衔")
    }

    /// The nearest cue before the number in `left`: (position, cue) for count cues, with an
    /// outcome phrase read as a whole.
    pub(super) fn left_cues(&self, left: &str) -> (CueAt, CueAt) {
        let mut specific: Option<(usize, Cue)> = None;
        let mut whole: Option<(usize, Cue)> = None;
        for cm in COUNT_CUE_RE.find_iter(left) {
            let w = cm.as_str();
            if false_context(left, cm.start(), cm.end()) {
                continue;
            }
            let after = &left[cm.end()..];
            let Some(cue) = lookup(COUNT_CUES, w) else {
                continue;
            };
            // 共 governs the number only as 共N件 (right before it), 共有, 共计, 共承办 …
            if w == "共"
                && !after.is_empty()
                && !after.chars().next().is_some_and(|c| {
                    c.is_ascii_digit() || c == ' ' || "有计承收受办接提交立主协会".contains(c)
                })
            {
                continue;
            }
            // 满意率 is a rate, 办结率 a reply rate.
            if (w.contains("满意") && after.starts_with(['率', '度']))
                || (cue == Cue::Done && after.starts_with('率'))
            {
                continue;
            }
            let pos = left[..cm.start()].chars().count();
            // "负责主办、协办代表建议共计三件": roles joined count the items of both, a whole;
            // roles of one class joined ("协办、会办168件") count that class.
            if let Cue::Measure(Measure::Lead | Measure::Co) = cue
                && !left.trim_end().ends_with('各')
                && let Some(j) = JOINED_ROLES
                    .find_iter(left)
                    .find(|j| j.start() <= cm.start() && cm.end() <= j.end())
            {
                match one_class(j.as_str()) {
                    Some(m) => specific = Some((pos, Cue::Measure(m))),
                    None => {
                        specific = None;
                        whole = Some((pos, Cue::Whole));
                    }
                }
                continue;
            }
            match cue {
                Cue::Chengban if self.hints.chengban_is_lead => {
                    specific = Some((pos, Cue::Measure(Measure::Lead)))
                }
                Cue::Whole | Cue::Chengban => whole = Some((pos, cue)),
                _ => specific = Some((pos, cue)),
            }
        }
        (specific, whole)
    }
}

/// The kinds named one by one in `text`, in order ("代表建议、提案" → suggestion, proposal);
/// empty unless two or more are named.
pub(super) fn kinds_in_turn(text: &str, deputies: bool) -> Vec<Subject> {
    static ONE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("提案|议案|建议").expect("one kind regex"));
    let kinds: Vec<Subject> = ONE
        .find_iter(text)
        .filter(|m| m.as_str() != "建议" || (deputies && !is_content_use(text, m.start(), m.end())))
        .filter_map(|m| kind_of(m.as_str()))
        .collect();
    if kinds.len() > 1 && kinds.windows(2).any(|w| w[0] != w[1]) {
        kinds
    } else {
        Vec::new()
    }
}

/// An aside after a role saying the count takes in split or collected handling
/// ("(含独办、分办,下同)").
pub(super) fn includes_no_role(after_cue: &str) -> bool {
    let Some(open) = after_cue.find('(') else {
        return false;
    };
    let aside = after_cue[open..].split(')').next().unwrap_or("");
    aside.contains('含') && (aside.contains("分办") || aside.contains("汇办"))
}

/// Blanks out asides in brackets ("牵头主办(含独办、分办,下同)的…35件"): their words qualify a
/// cue, they are no cue for the count. Lengths are kept so positions stay valid.
pub(super) fn mask_asides(left: &str) -> String {
    let mut out = String::with_capacity(left.len());
    let mut depth = 0;
    let mut aside = false;
    let chars: Vec<char> = left.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '(' {
            depth += 1;
            let inner: String = chars[i + 1..].iter().take_while(|&&x| x != ')').collect();
            aside = inner.starts_with('含')
                || inner.starts_with("包括")
                || inner.contains("下同")
                || inner.contains("简称");
        } else if c == ')' {
            depth -= 1;
            if depth <= 0 {
                aside = false;
                depth = 0;
            }
        }
        out.push(if aside && depth > 0 && c != '(' {
            '·'
        } else {
            c
        });
    }
    out
}

/// A count whose clause holds nothing but list words continues the list before it.
pub(super) fn trivial(left: &str) -> bool {
    left.chars()
        .filter(|c| !"、,;和及与 的有共为".contains(*c))
        .count()
        <= 1
}

/// The words an outcome is read from: the count's own clause, or with the clause before it
/// when the own clause names none ("尚不能解决,已向代表说明解释的N件"). `since` runs from the
/// previous mention; its first clause is the rest of that mention's clause (holding that
/// count's outcome: "5件正在解决,有10件…") unless `fresh` (the sentence starts there).
pub(super) fn outcome_phrase(since: &str, fresh: bool) -> String {
    let chars: Vec<char> = since.chars().collect();
    let ends: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| ends_phrase(**c))
        .map(|(i, _)| i)
        .collect();
    let own = ends.last().map_or(0, |&p| p + 1);
    let own_text: String = chars[own..].iter().collect();
    let whole_clause_before = ends.len() >= 2 || (fresh && !ends.is_empty());
    // "…3年内难以解决的,以及所提问题留作参考的(C类)2件": a clause that opens with a
    // conjunction joins the clause before it, and both name the count's class.
    // "所提问题已经解决或基本解决的,即A类提案有362件": a clause that opens with 即 (that
    // is) restates the one before it, which says what the class is (即将, "about to", is no
    // restatement).
    let opening = own_text.trim_start();
    let restates = ["即", "也就是", "亦即"]
        .iter()
        .any(|w| opening.starts_with(w))
        && !["即将", "即时", "即可"]
            .iter()
            .any(|w| opening.starts_with(w));
    let joined = restates
        || ["以及", "及", "和", "或者", "或"]
            .iter()
            .any(|w| opening.starts_with(w));
    if joined && whole_clause_before {
        let prev = if ends.len() >= 2 {
            ends[ends.len() - 2] + 1
        } else {
            0
        };
        return chars[prev..].iter().collect();
    }
    if outcome::read(&own_text) != Reading::None || !whole_clause_before {
        return own_text;
    }
    let prev = if ends.len() >= 2 {
        ends[ends.len() - 2] + 1
    } else {
        0
    };
    chars[prev..].iter().collect()
}

/// "另承办《社情民意》12件", "《意见和建议》55件": items named by the title of a series or
/// bulletin (in 《》) are that series' items, not suggestions or proposals, unless a kind is
/// also named outside the title. A title that opens with 关于 ("《关于…的建议》1件") is the
/// title of an item itself.
pub(super) fn titled_series(span: &str) -> bool {
    let Some(open) = span.rfind('《') else {
        return false;
    };
    let title = &span[open + '《'.len_utf8()..];
    let Some(close) = title.find('》') else {
        return false;
    };
    let outside = format!("{}{}", &span[..open], &title[close + '》'.len_utf8()..]);
    !title.starts_with("关于") && super::lexicon::kinds_in(&outside, true).is_none()
}

/// The counts in 件 from the start of `text` to the end of its statement (`;` or `。`).
pub(super) fn counts_in_statement(text: &str) -> usize {
    static COUNT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[0-9]+\s*件").expect("count regex"));
    let statement = text.split([';', '。']).next().unwrap_or(text);
    COUNT.find_iter(statement).count()
}

/// The years (`2021年`) named in `text`, in order.
pub(super) fn years(text: &str) -> impl Iterator<Item = u32> + '_ {
    static YEAR: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"((?:19|20)\d\d)年").expect("year regex"));
    YEAR.captures_iter(text).filter_map(|c| c[1].parse().ok())
}
