//! Rates: reply, satisfaction and contact rates, with the names joined to a value (`办结率、
//! 满意率均达100%`, `见面、答复两个百分之百`), pairs by `分别`, a count that leads a rate
//! (`688件提案100%办复`), values that rose from last year's, and the qualifier.

use super::facts::{RawFact, Reader, text_of};
use super::lexicon::{
    BARE_RATE_NAMES, BARE_RATE_RE, GOAL_NOUNS, GOAL_WORDS, JOINED_GRADES_SHARE, MODAL_MUST,
    RATE_NAMES, RATE_RE, RATE_SKIP, REACHED_WORDS, kinds_in, lookup,
};
use super::mentions::{Kind, Mention};
use crate::model::{Measure, Qualifier, Subject};
use crate::segment::{ends_phrase, ends_sentence};
use regex::Regex;
use std::sync::LazyLock;

/// A rate name at a char position (relative to the text it was found in), its length and
/// measure (`None` for names outside the schema).
type Named = (usize, usize, Option<Measure>);

/// Words saying a value rose to this year's from last year's.
const ROSE_TO: &[&str] = &[
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "上升到",
    "上升至",
    "增至",
    "增长到",
];

fn names_in(left: &str) -> Vec<Named> {
    RATE_RE
        .find_iter(left)
        .map(|rm| {
            (
                left[..rm.start()].chars().count(),
                rm.as_str().chars().count(),
                lookup(RATE_NAMES, rm.as_str()).flatten(),
            )
        })
        .collect()
}

/// Stock phrases naming the authors of both kinds together ("与代表委员沟通"), which say
/// whose items a rate is of only when the report counts both kinds.
const AUTHOR_PAIRS: &[&str] = &[
    "代表委员",
    "代表、委员",
    "代表和委员",
    "人大代表、政协委员",
    "人大代表和政协委员",
];

impl Reader<'_> {
    /// Handles a rate (or a 三个百分之百 group) and any rates paired with it by 分别; returns how
    /// many mentions it consumed.
    pub(super) fn rate(
        &mut self,
        s: usize,
        e: usize,
        cursor: usize,
        ms: &[Mention],
        k: usize,
    ) -> usize {
        let m = ms[k];
        let near_from = self.clause_start(cursor, m.start);
        let near = text_of(self.chars, near_from, m.start);
        if RATE_SKIP.is_match(&near) && !JOINED_GRADES_SHARE.is_match(near.trim_end()) {
            return 1;
        }
        let left = text_of(self.chars, cursor, m.start);
        let right: String = text_of(self.chars, m.end, (m.end + 12).min(e));
        // "满意率达80%以上的有229件": the value bounds a band of items, it is no rate.
        static BAND: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*(?:及?以[上下])?的(?:共有|有|共|为)?\s*\d").expect("band regex")
        });
        if BAND.is_match(&right) {
            return 1;
        }
        let mut words = names_in(&left);
        if words.is_empty() && m.kind == Kind::Group {
            // "见面、答复两个百分之百": names without 率 before a group.
            words = BARE_RATE_RE
                .find_iter(&left)
                .map(|rm| {
                    (
                        left[..rm.start()].chars().count(),
                        rm.as_str().chars().count(),
                        lookup(BARE_RATE_NAMES, rm.as_str()),
                    )
                })
                .collect();
        }
        if words.is_empty() && m.kind != Kind::Group {
            // "办复率100%,满意100%": a name without 率 right before its value, opening its clause
            // (not the 满意 of 不满意).
            if let Some(rm) = BARE_RATE_RE.find_iter(&left).last()
                && rm.end() == left.len()
                && left[..rm.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| ends_phrase(c) || c == '、')
            {
                words = vec![(
                    left[..rm.start()].chars().count(),
                    rm.as_str().chars().count(),
                    lookup(BARE_RATE_NAMES, rm.as_str()),
                )];
            }
        }
        let mut measures: Vec<(Measure, usize)> = Vec::new();
        let mut consumed = 1;
        let rt = right.trim_start_matches(['的', ' ']);
        // "99.8%已办复": the share of items that reached the state the name says.
        // …or "99.8%的提案已经办复", "百分之九十八以上的提案已经办复": the items named between.
        let items = rt
            .trim_start_matches('及')
            .trim_start_matches("以上")
            .trim_start_matches('的');
        let done = ["建议提案", "提案", "建议", "议案"]
            .iter()
            .find_map(|k| items.strip_prefix(k))
            .unwrap_or(items)
            .trim_start_matches(['均', '都'])
            .trim_start_matches("已经")
            .trim_start_matches('已');
        // "提案100%得到办理答复", "100%按时办结": the state reached, after how it was reached.
        let done = ["得到了", "得到", "按时", "按期", "办理"]
            .iter()
            .fold(done, |d, w| d.strip_prefix(w).unwrap_or(d));
        let bare_after = BARE_RATE_RE.find(done).filter(|x| x.start() == 0);
        if let Some(rm) = RATE_RE.find(rt).filter(|x| x.start() == 0) {
            // "100%办结率"
            if let Some(x) = lookup(RATE_NAMES, rm.as_str()).flatten() {
                measures.push((x, m.start));
            }
        } else if m.kind != Kind::Group
            && let Some(rm) = bare_after
        {
            // "688件提案100%办复", "100%满意"
            if let Some(x) = lookup(BARE_RATE_NAMES, rm.as_str()) {
                measures.push((x, m.start));
            }
        } else if left.contains("分别") && !words.is_empty() {
            // "X率和Y率分别达到A%和B%"
            let mut values = vec![m];
            let mut j = k + 1;
            while j < ms.len() && ms[j].kind == Kind::Rate {
                let gap = text_of(self.chars, values[values.len() - 1].end, ms[j].start);
                if gap.chars().all(|c| "和、,及与 ".contains(c)) && !gap.is_empty() {
                    values.push(ms[j]);
                    j += 1;
                } else {
                    break;
                }
            }
            let named = chain(&left, &words, true);
            if named.len() == values.len() && values.len() > 1 {
                let subject = self.rate_subject(s, &left, near_from);
                for (w, v) in named.iter().zip(&values) {
                    if let Some(measure) = w.2 {
                        self.push_rate(s, cursor + w.0, *v, measure, subject, e);
                    }
                }
                return values.len();
            }
            // "人大代表和政协委员的满意率分别达到99.6%和98%": one rate, one value per kind.
            if let ([w], [a, b]) = (named.as_slice(), values.as_slice())
                && let Some(measure) = w.2
                && let Some((first, second)) = kinds_in_turn(&left)
            {
                self.push_rate(s, cursor + w.0, *a, measure, first, e);
                self.push_rate(s, cursor + w.0, *b, measure, second, e);
                return 2;
            }
            for w in named.iter().rev().take(1) {
                if let Some(x) = w.2 {
                    measures.push((x, cursor + w.0));
                }
            }
            consumed = 1;
        } else {
            let all = m.kind == Kind::Group || left.contains('均') || left.contains('都');
            for w in chain(&left, &words, all) {
                if let Some(x) = w.2 {
                    measures.push((x, cursor + w.0));
                }
            }
        }
        // "满意率由去年的95%提高到98%": the first value is last year's, the second this year's.
        // "满意率从2018年的99.2%上升到…": a value the clause says it rose from.
        let rises_after = ROSE_TO
            .iter()
            .chain(&["上升", "提高", "提升", "增长"])
            .any(|w| self.right_clause(m.end, e).contains(w));
        let from_before = ["由", "从"].iter().any(|w| {
            near.ends_with(w)
                || near.contains(&format!("{w}去年"))
                || near.contains(&format!("{w}上年"))
                || (near.contains(w) && rises_after)
        });
        if from_before && !measures.is_empty() {
            self.rising = Some(measures);
            return consumed;
        }
        if measures.is_empty()
            && let Some(earlier) = self.rising.take()
            && ROSE_TO.iter().any(|w| left.contains(w))
        {
            measures = earlier;
        }
        if measures.is_empty() {
            return consumed;
        }
        let subject = self.rate_subject(s, &left, near_from);
        for (measure, at) in measures {
            self.push_rate(s, at, m, measure, subject, e);
        }
        consumed
    }

    /// Whose rate: the kinds named in the rate's own clause, else those of the counts just
    /// before it, else the document's.
    fn rate_subject(&self, s: usize, left: &str, near_from: usize) -> Subject {
        let clause_from = self.clause_start(s, near_from.max(s));
        let own = text_of(self.chars, clause_from, near_from.max(clause_from)) + left;
        let own_clause: String = {
            let chars: Vec<char> = own.chars().collect();
            let from = chars
                .iter()
                .rposition(|&c| ends_phrase(c))
                .map_or(0, |p| p + 1);
            chars[from..].iter().collect()
        };
        if let Some(f) = self.named_subject(&own_clause) {
            // "与代表委员见面率、办结率和满意率三个100%" in a report that counts only
            // proposals: the pair of authors is a stock phrase, the items are the ones counted
            // (when the text's nouns lean to that kind as well: a count of the other kind may
            // have been lost, "共办理人大建议件,政协提案6件").
            if f == Subject::Combined
                && AUTHOR_PAIRS.iter().any(|w| own_clause.contains(w))
                && !["建议", "提案", "议案", "两案"]
                    .iter()
                    .any(|w| own_clause.contains(w))
                && let Some(k) = self.sole_counted_kind()
                && k == self.hints.default_subject
            {
                return k;
            }
            // "市人大建议53件、市政协提案87件。…与代表见面联系沟通率100%": the proposers met
            // with (与代表), named alone and with no item noun after counts of both kinds, stand
            // for all of them. A rate named by its author ("代表满意率") stays that kind's.
            if f != Subject::Combined
                && ["与代表", "同代表", "与委员", "同委员"]
                    .iter()
                    .any(|w| own_clause.contains(w))
                && !["建议", "提案", "议案", "两案", "人大", "政协"]
                    .iter()
                    .any(|w| own_clause.contains(w))
                && self.counted_kinds_before(near_from) == Some(Subject::Combined)
            {
                return Subject::Combined;
            }
            // "人大代表建议19件、政协委员提案16件。…建议办结率、协商率、满意率均为100%": a
            // bare 建议 glued to a rate's name, after counts of both kinds, is short for all
            // the items (建议提案), as the proposers met with are above; not after a count of
            // suggestions alone in its own sentence ("代表提出建议64件,建议答复率…100%").
            static BARE_SUGGESTION_RATE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?:^|[^\p{Han}])建议[\p{Han}]{1,4}?率").expect("bare rate regex")
            });
            if f == Subject::Suggestion
                && BARE_SUGGESTION_RATE.is_match(&own_clause)
                && !["代表", "人大", "议案", "提案", "委员"]
                    .iter()
                    .any(|w| own_clause.contains(w))
                && self.totals_joined(0, near_from) == Some(Subject::Combined)
                && self
                    .totals_joined(s, near_from)
                    .is_none_or(|k| k == Subject::Combined)
            {
                return Subject::Combined;
            }
            return f;
        }
        // "其中代表建议所提问题得到解决的占68.85%,满意率达91.8%;政协委员所提提案…": the one
        // kind the statement (back to a semicolon) names.
        // Only parallel statements: a sentence that has a semicolon before the rate, or after
        // (each looked for at most 200 characters away, as the sentence below).
        let before = text_of(
            self.chars,
            s.max(near_from.saturating_sub(200)),
            near_from.max(s),
        );
        let statement = match before.rfind(';') {
            Some(p) => Some(before[p + 1..].to_string()),
            None => {
                let limit = (near_from + 200).min(self.chars.len());
                let sentence_end = (near_from..limit)
                    .find(|&i| ends_sentence(self.chars[i]))
                    .unwrap_or(limit);
                text_of(self.chars, near_from, sentence_end)
                    .contains(';')
                    .then_some(before)
            }
        };
        if let Some(k) = statement
            .and_then(|st| self.named_subject(&(st + left)))
            .filter(|&k| k != Subject::Combined)
        {
            return k;
        }
        if let Some(c) = self.last_count_subject {
            return c;
        }
        // "共办理人大建议3件,其中…。…均已给出答复,回复率为100%": a sentence that names no
        // kind goes on about the counts of the sentence before it.
        let sentence = text_of(
            self.chars,
            s.max(near_from.saturating_sub(200)),
            near_from.max(s),
        );
        if kinds_in(&sentence, self.hints.deputies).is_none()
            && let Some(c) = self.prev_sentence_subject
        {
            return c;
        }
        self.hints.default_subject
    }

    /// The kinds, joined, of the totals in the last sentence with totals before `at`, when it
    /// is at most 200 characters back.
    fn counted_kinds_before(&self, at: usize) -> Option<Subject> {
        let last = self
            .facts
            .iter()
            .filter(|r| r.fact.measure == Measure::Total && r.fact.start < at)
            .map(|r| r.fact.start)
            .max()?;
        if at - last > 200 {
            return None;
        }
        let from = super::passes::start_after(self.chars, last, ends_sentence);
        self.totals_joined(from, at)
    }

    /// The kinds, joined, of the totals read between `from` and `to`.
    fn totals_joined(&self, from: usize, to: usize) -> Option<Subject> {
        self.facts
            .iter()
            .filter(|r| r.fact.measure == Measure::Total && (from..to).contains(&r.fact.start))
            .map(|r| r.fact.subject)
            .reduce(Subject::join)
    }

    /// The one kind of every total read so far, when there is one and it is not both.
    fn sole_counted_kind(&self) -> Option<Subject> {
        let mut kinds = self
            .facts
            .iter()
            .filter(|r| r.fact.measure == Measure::Total)
            .map(|r| r.fact.subject);
        let first = kinds.next()?;
        (first != Subject::Combined && kinds.all(|k| k == first)).then_some(first)
    }

    /// The kind `text` names: by a kind word, else by the people whose items they are.
    fn named_subject(&self, text: &str) -> Option<Subject> {
        if let Some(f) = kinds_in(text, self.hints.deputies) {
            return Some(f);
        }
        let deputies = text.contains("代表") && self.hints.deputies;
        match (deputies, text.contains("委员")) {
            (true, true) => Some(Subject::Combined),
            (false, true) => Some(Subject::Proposal),
            (true, false) => Some(Subject::Suggestion),
            (false, false) => None,
        }
    }

    fn push_rate(
        &mut self,
        s: usize,
        at: usize,
        m: Mention,
        measure: Measure,
        subject: Subject,
        e: usize,
    ) {
        let mut from = m.start;
        let mut delimiters = 0;
        while from > s {
            if ends_phrase(self.chars[from - 1]) {
                delimiters += 1;
                if delimiters == 2 {
                    break;
                }
            }
            from -= 1;
        }
        let sentence_left = text_of(self.chars, from, m.start);
        let right: String = text_of(self.chars, m.end, (m.end + 8).min(e));
        let rt = right.trim_start_matches(['”', '"', ' ']);
        let right_clause = self.right_clause(m.end, e);
        // A goal stated before a list of rates covers the whole list ("力争实现办复率达到100%,
        // 见面率达到100%,满意率达到100%的目标").
        let continues_goal = self.last_rate.is_some_and(|(end, goal)| {
            goal && !text_of(self.chars, end, m.start).contains("实现了")
        });
        // "依照省里要求,本局按时办复率为100%": a requirement the text acted on is no goal; the
        // words naming it are left out before goal words are looked for.
        static AS_REQUIRED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new("(?:按照|依照|根据|遵照|按)[^,。;]{0,12}?要求").expect("as-required regex")
        });
        let sentence_left = AS_REQUIRED.replace_all(&sentence_left, "").into_owned();
        // "已向代表说明情况,积极争取代表的理解和支持,答复率…均达到100%": seeking the deputies'
        // understanding is how unsolved items were answered, not a goal for the figure.
        static SEEK_UNDERSTANDING: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new("争取[^,。;]{0,10}?(?:理解|支持|谅解|配合|认可)").expect("seek regex")
        });
        let sentence_left = SEEK_UNDERSTANDING
            .replace_all(&sentence_left, "")
            .into_owned();
        // "每件建议办理做到回复率、办结率和满意率均为100%": 做到 with 均为 or 达到 before the
        // figure, and no modal, tells how the work was done ("做到事事有落实,满意率达到100%");
        // "要做到…" stays a goal, and so does "努力做到…" (力争, 确保… before it are goal words of
        // their own, read below).
        let sentence_left = match sentence_left.rfind("做到") {
            Some(at)
                if ["均为", "均达", "达到"]
                    .iter()
                    .any(|w| sentence_left[at..].contains(w))
                    && !MODAL_MUST.is_match(&sentence_left)
                    && !sentence_left[..at].ends_with("努力") =>
            {
                sentence_left.replacen("做到", "", 1)
            }
            _ => sentence_left,
        };
        let whole_left = AS_REQUIRED
            .replace_all(&text_of(self.chars, s, m.start), "")
            .into_owned();
        // "实现了件件有答复,事事有回音,答复率100%…的目标": what the sentence says was reached
        // stands anywhere before the figure, not only in its own clause.
        let reached = REACHED_WORDS.is_match(&whole_left);
        let goal_noun = GOAL_NOUNS.is_match(&sentence_left) || GOAL_NOUNS.is_match(&right_clause);
        // A goal verb anywhere before in the sentence makes a 目标 it names a goal, even with
        // 均为 inside it ("力争达到…满意率均为100%的目标").
        let goal_before = GOAL_WORDS.is_match(&whole_left);
        // "各直接责任人要结合…督查,与代表100%面商": a directive's figure, however far its 要.
        let directive = MODAL_MUST.is_match(&whole_left) && !REACHED_WORDS.is_match(&whole_left);
        let target = GOAL_WORDS.is_match(&sentence_left)
            || continues_goal
            || right_clause.contains("要求")
            || directive
            || (goal_noun && (!reached || goal_before));
        let before: String = text_of(self.chars, m.start.saturating_sub(4).max(s), m.start);
        let floor = rt.starts_with("以上")
            || rt.starts_with("及以上")
            || before.ends_with("超过")
            || before.ends_with("超")
            || before.ends_with("不低于")
            || before.ends_with("高于");
        let qualifier = if target {
            Qualifier::Target
        } else if floor {
            Qualifier::Ge
        } else {
            Qualifier::Eq
        };
        self.last_rate = Some((m.end, target));
        let start = self.clause_start(s, at.max(s));
        let mut end = m.end;
        if rt.starts_with("以上") {
            end = (m.end + right.find("以上").map_or(0, |b| right[..b].chars().count()) + 2).min(e);
        }
        self.push(RawFact {
            subject,
            measure,
            value: m.value,
            qualifier,
            start,
            end,
        });
    }
}

/// The rate names that bind to a value: the last one, and those joined to it by list words
/// (or every one since the previous value when `all`).
fn chain(left: &str, words: &[Named], all: bool) -> Vec<Named> {
    let Some(&last) = words.last() else {
        return Vec::new();
    };
    let chars: Vec<char> = left.chars().collect();
    // The last name must sit in the value's own clause (or the value follows 均/都);
    // "办复率:100%" — a label and its value — counts as one clause.
    let tail: String = chars[last.0 + last.1..].iter().collect();
    let label_only = tail.chars().all(|c| c == ':' || c.is_whitespace());
    if !all && !label_only && tail.chars().any(ends_phrase) {
        return Vec::new();
    }
    if all {
        // "满意率进一步提升,面商率和答复率均达100%": a name whose clause says it changed has
        // its own predicate and no share in the value.
        return words
            .iter()
            .filter(|w| {
                let own: String = chars[w.0 + w.1..]
                    .iter()
                    .take_while(|&&c| !ends_phrase(c))
                    .collect();
                !["提升", "提高", "上升", "增加", "下降", "改善"]
                    .iter()
                    .any(|v| own.contains(v))
            })
            .copied()
            .collect();
    }
    let mut out = vec![last];
    for w in words.iter().rev().skip(1) {
        let next = out[out.len() - 1];
        let gap: String = chars[w.0 + w.1..next.0].iter().collect();
        let gap_ok = gap.chars().count() <= 6
            && !gap.chars().any(|c| ends_phrase(c) || ends_sentence(c))
            && (gap.is_empty()
                || gap.contains('、')
                || gap.contains('和')
                || gap.contains('及')
                || gap.contains('与'));
        if gap_ok {
            out.push(*w);
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// The two kinds a clause names in turn before 分别 ("人大代表和政协委员", "建议和提案"), by the
/// first word of each kind it holds.
fn kinds_in_turn(left: &str) -> Option<(Subject, Subject)> {
    const WORDS: &[(&str, Subject)] = &[
        ("人大代表", Subject::Suggestion),
        ("代表", Subject::Suggestion),
        ("建议", Subject::Suggestion),
        ("议案", Subject::Suggestion),
        ("政协委员", Subject::Proposal),
        ("委员", Subject::Proposal),
        ("提案", Subject::Proposal),
    ];
    let first_of = |kind: Subject| {
        WORDS
            .iter()
            .filter(|(_, k)| *k == kind)
            .filter_map(|(w, _)| left.find(w))
            .min()
    };
    let (s, p) = (first_of(Subject::Suggestion)?, first_of(Subject::Proposal)?);
    Some(if s < p {
        (Subject::Suggestion, Subject::Proposal)
    } else {
        (Subject::Proposal, Subject::Suggestion)
    })
}
