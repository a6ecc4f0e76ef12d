//! Passes over all the facts read in one document, after the sentence-by-sentence reading of
//! `facts.rs`: counts that split by level rather than by kind dropped, lead counts of one list
//! reconciled, outcome counts of one class summed, and the total of a body that only leads.

use super::facts::{RawFact, is_outcome, text_of};
use super::lexicon::ADDITION_CUES;
use crate::model::{Measure, Qualifier, Subject};
use crate::segment::ends_sentence;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A body that only leads (SCHEMA): lead counts and no co-handling or total anywhere in the
/// text ("牵头办理全国人大代表建议6319件") give the total too, one kind at a time. A total of
/// another batch elsewhere in the text ("本部共承办建议提案668件") does not stop it when it is
/// too small to hold the lead count: it cannot be the whole the lead count is a part of.
pub(super) fn lead_only_totals(mut facts: Vec<RawFact>) -> Vec<RawFact> {
    if facts.iter().any(|f| f.measure == Measure::Co) {
        return facts;
    }
    let totals: Vec<(Subject, f64)> = facts
        .iter()
        .filter(|f| f.measure == Measure::Total)
        .map(|f| (f.subject, f.value))
        .collect();
    let leads: Vec<RawFact> = facts
        .iter()
        .filter(|f| f.measure == Measure::Lead)
        .filter(|l| {
            !totals.iter().any(|&(s, v)| {
                (s == l.subject || s == Subject::Combined || l.subject == Subject::Combined)
                    && v >= l.value
            })
        })
        .cloned()
        .collect();
    for lead in &leads {
        let one_value = leads
            .iter()
            .filter(|l| l.subject == lead.subject)
            .all(|l| l.value == lead.value);
        if one_value {
            facts.push(RawFact {
                measure: Measure::Total,
                ..lead.clone()
            });
        }
    }
    facts
}

/// A fact with the list it was read in, and the breakdown it splits by kind, if it does.
pub(super) struct Row {
    pub fact: RawFact,
    pub list: usize,
    pub split: Option<usize>,
}

/// The level a count's own words give its items ("1.省人大代表建议3件", "市政协提案144件",
/// "省政协提案会办12件"), if they start with one.
fn level_of(words: &str) -> Option<char> {
    static LEVEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s\d.、,:;()一二三四五六七八九十]*(?:其中[,:]?)?([省市县区州])(?:人大代表|人大|政协委员|政协|代表|委员)?(?:建议|提案|议案)")
            .expect("level regex")
    });
    LEVEL.captures(words).and_then(|c| c[1].chars().next())
}

/// Two levels named together in a whole's words ("省、市人大政协议提案", "省市代表建议").
static LEVELS_JOINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("[省市县区州]、[省市县区州]|省市|市县|县区|州县").expect("levels regex")
});

/// The level of the count a bracket holding `at` follows ("市人大代表建议39件(主办9件…"), if
/// `at` lies in a bracket.
fn bracket_level(chars: &[char], at: usize) -> Option<char> {
    let open = (0..at.min(chars.len()))
        .rev()
        .find_map(|i| match chars[i] {
            '(' => Some(Some(i)),
            ')' | '\n' | '。' => Some(None),
            _ => None,
        })??;
    level_of(&text_of(
        chars,
        start_after(chars, open, |c| "\n。;,".contains(c)),
        open,
    ))
}

/// Counts split by level ("省人大代表建议3件(主办2件、会办1件)…市政协提案56件") under a whole
/// written before them that can hold them all ("共承担省、市人大政协议提案105件") are parts
/// (SCHEMA): no fact, nor the roles in the bracket after each. The whole must name two levels,
/// or the parts must; with no such whole, each batch is a total of its own.
pub(super) fn drop_level_parts(rows: Vec<Row>, chars: &[char]) -> Vec<Row> {
    let words = |r: &Row| text_of(chars, r.fact.start, r.fact.end.min(chars.len()));
    let levels: Vec<Option<char>> = rows
        .iter()
        .map(|r| {
            level_of(&words(r))
                .or_else(|| bracket_level(chars, r.fact.start))
                .or_else(|| {
                    // "市人大代表建议54件,主办11件,会办43件;": roles later in the statement of a
                    // count by level split that count.
                    matches!(r.fact.measure, Measure::Lead | Measure::Co)
                        .then(|| {
                            let from = start_after(chars, r.fact.start, |c| "\n。;".contains(c));
                            level_of(&text_of(chars, from, r.fact.start))
                        })
                        .flatten()
                })
        })
        .collect();
    let Some(first) = levels.iter().position(Option::is_some) else {
        return rows;
    };
    let distinct = levels.iter().flatten().any(|l| Some(*l) != levels[first]);
    let sum: f64 = (0..rows.len())
        .filter(|&i| levels[i].is_some() && rows[i].fact.measure == Measure::Total)
        .map(|i| rows[i].fact.value)
        .sum();
    let whole = rows[..first].iter().any(|r| {
        r.fact.measure == Measure::Total
            && r.fact.value >= sum
            && (distinct || LEVELS_JOINED.is_match(&words(r)))
    });
    if !whole {
        return rows;
    }
    let keep = levels.iter().map(Option::is_none).collect();
    retain_flagged(rows, keep)
}

/// A breakdown that names one kind twice ("省建议3件、市建议47件、省提案4件、市提案103件") splits
/// by level or proposer, not by kind: those counts are parts and give no fact.
///
/// Motions (议案) and suggestions share a subject but are two kinds of item: "人大建议2239件、
/// 人大议案61件" splits by kind.
pub(super) fn drop_level_splits(rows: Vec<Row>, chars: &[char]) -> Vec<Row> {
    let motion = |r: &Row| {
        let evidence = text_of(chars, r.fact.start, r.fact.end.min(chars.len()));
        evidence.contains("议案") && !evidence.contains("建议")
    };
    let mut per_kind: HashMap<(usize, Subject, bool), usize> = HashMap::new();
    for r in &rows {
        if let Some(split) = r.split {
            *per_kind
                .entry((split, r.fact.subject, motion(r)))
                .or_default() += 1;
        }
    }
    rows.into_iter()
        .filter(|r| {
            r.split
                .is_none_or(|split| per_kind[&(split, r.fact.subject, motion(r))] < 2)
        })
        .collect()
}

/// Sums outcome facts of one class and kind listed in one list under different phrases
/// ("正在解决3件,计划解决21件" → 24); the same value again is a restatement, not a second
/// count.
pub(super) fn merge_outcomes(facts: Vec<Row>) -> Vec<RawFact> {
    let mut out: Vec<RawFact> = Vec::new();
    // (list, measure, kind) → the outcome fact of that class read last in the list.
    let mut last: HashMap<(usize, Measure, Subject), usize> = HashMap::new();
    // (list, kind) → the class read last: a class that comes back after another class starts
    // a second classification of the same items ("173件被采纳、44件被部分采纳…78件已落实,144件
    // 正在落实"), not a second phrase of one class, which follows its first directly.
    let mut class_before: HashMap<(usize, Subject), Measure> = HashMap::new();
    for Row { fact: f, list, .. } in facts {
        if is_outcome(f.measure) {
            let key = (list, f.measure, f.subject);
            let recurs = class_before
                .insert((list, f.subject), f.measure)
                .is_some_and(|m| m != f.measure);
            if let Some(&at) = last.get(&key)
                && out[at].value != f.value
                && !recurs
            {
                out[at].value += f.value;
                out[at].end = f.end;
                continue;
            }
            last.insert(key, out.len());
        }
        out.push(f);
    }
    out
}

/// A body named right before its lead role ("政府系统主办", "市中级法院主办").
static BODY_LEADS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}]{1,10}?(?:系统|法院|检察院|政府|部门|单位|机关|局|委|厅))(?:牵头)?主办")
        .expect("body-leads regex")
});

/// Two or more lead counts of one kind in one list ("独办3件、主办4件、分办5件、会办20件",
/// "独办4件,主办12件,协办3件" of 15) are either disjoint roles or one inside the other. When
/// one of them with the co-handled count makes up the kind's written total, the others are
/// parts of it and give no fact; otherwise they are separate counts of one role, which SCHEMA
/// sums like phrases of one outcome class.
pub(super) fn merge_leads(rows: Vec<Row>, chars: &[char]) -> Vec<Row> {
    let achieved = |r: &Row| r.fact.qualifier != Qualifier::Target;
    let total = |kind: Subject| -> Vec<f64> {
        rows.iter()
            .filter(|r| achieved(r) && r.fact.subject == kind && r.fact.measure == Measure::Total)
            .map(|r| r.fact.value)
            .collect()
    };
    let mut groups: HashMap<(usize, Subject), Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        if achieved(r) && r.fact.measure == Measure::Lead {
            groups.entry((r.list, r.fact.subject)).or_default().push(i);
        }
    }
    let mut drop = vec![false; rows.len()];
    let mut sums: HashMap<usize, (f64, usize)> = HashMap::new();
    for ((list, kind), mut leads) in groups {
        // Only counts of one run of clauses: a bracket, a sentence or a semicolon between two
        // leads sets them in different breakdowns ("34件(主办10件…),…5件(主办1件…)").
        leads.sort_by_key(|&i| rows[i].fact.start);
        let apart = leads.windows(2).any(|w| {
            let (a, b) = (rows[w[0]].fact.end, rows[w[1]].fact.start);
            a > b
                || chars[a.min(chars.len())..b.min(chars.len())]
                    .iter()
                    .any(|c| "()。;\n".contains(*c))
        });
        if apart {
            continue;
        }
        let distinct = leads
            .iter()
            .any(|&i| rows[i].fact.value != rows[leads[0]].fact.value);
        if leads.len() < 2 || !distinct {
            continue;
        }
        // "党群系统主办29件,政府系统主办534件,市中级法院主办4件": each lead count names its own
        // body, so the list splits items by handler (parts, SCHEMA), no role of the reporter.
        let bodies: Vec<String> = leads
            .iter()
            .filter_map(|&i| {
                let clause = text_of(chars, rows[i].fact.start, rows[i].fact.end.min(chars.len()));
                BODY_LEADS.captures(&clause).map(|c| c[1].to_string())
            })
            .collect();
        if bodies.len() == leads.len() && bodies.iter().any(|b| *b != bodies[0]) {
            leads.iter().for_each(|&i| drop[i] = true);
            continue;
        }
        let co: f64 = rows
            .iter()
            .filter(|r| {
                achieved(r)
                    && r.list == list
                    && r.fact.subject == kind
                    && r.fact.measure == Measure::Co
            })
            .map(|r| r.fact.value)
            .sum();
        let totals = total(kind);
        let whole = leads
            .iter()
            .copied()
            .find(|&i| co > 0.0 && totals.contains(&(rows[i].fact.value + co)));
        match whole {
            Some(keep) => leads
                .iter()
                .filter(|&&i| i != keep)
                .for_each(|&i| drop[i] = true),
            None => {
                let sum = leads.iter().map(|&i| rows[i].fact.value).sum();
                // The evidence runs over every count summed.
                let end = leads.iter().map(|&i| rows[i].fact.end).max().unwrap_or(0);
                sums.insert(leads[0], (sum, end));
                leads[1..].iter().for_each(|&i| drop[i] = true);
            }
        }
    }
    rows.into_iter()
        .enumerate()
        .filter(|(i, _)| !drop[*i])
        .map(|(i, mut r)| {
            if let Some(&(v, end)) = sums.get(&i) {
                r.fact.value = v;
                r.fact.end = end;
            }
            r
        })
        .collect()
}

/// A body that handles items, then its verb, then the count: "省政府及有关部门承办431件",
/// "交由市政府系统办理的有217件". The body is named with a word for a body, so "今年承办" is no
/// such clause.
static HANDLED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:交由|由|交)?[^,;:。、]{0,16}(?:政府|部门|局|委|院|办|厅|单位|系统|机构|组织|团体)[^,;:。\d]{0,6}?(?:承办|办理)(?:的有|的为|的共|的)?(?:(?:人大)?代表建议|(?:政协)?(?:委员)?提案|建议|议案)?\s*\d+件",
    )
    .expect("handled-by regex")
});

/// A sentence that splits items among the bodies that handle them ("其中,省政府及有关部门承办
/// 431件,省高级人民法院承办2件,其他机构承办17件"; "交由市政府系统办理的有217件;交由市委有关
/// 部门办理的有7件") counts parts of a total the text gave before: its totals give no fact.
/// Two such clauses in the sentence make the split; one alone may be the whole of a body
/// that reports only what it handled.
pub(super) fn drop_handler_splits(rows: Vec<Row>, chars: &[char]) -> Vec<Row> {
    let sentence_of = |at: usize| {
        let from = start_after(chars, at, ends_sentence);
        let to = (at.min(chars.len())..chars.len())
            .find(|&i| ends_sentence(chars[i]))
            .unwrap_or(chars.len());
        (from, to)
    };
    let split: Vec<bool> = rows
        .iter()
        .map(|r| {
            if r.fact.measure != Measure::Total {
                return false;
            }
            let clause = text_of(chars, r.fact.start, r.fact.end.min(chars.len()));
            if !HANDLED_BY.is_match(&clause)
                || ["共", "合计", "总计"].iter().any(|w| clause.contains(w))
            {
                return false;
            }
            let (from, to) = sentence_of(r.fact.start);
            // The whole may come after, when the split stands in a headline above the report
            // ("省政府承办代表建议562件…;省法院办理代表建议2件" over "共提出590件建议").
            // Or open the sentence, when it is no handler's count itself ("共收到代表建议163件,
            // 交市人民政府办理154件、…转交…办理7件").
            let opens = |w: &Row| {
                w.fact.end <= r.fact.start
                    && !HANDLED_BY.is_match(&text_of(
                        chars,
                        w.fact.start,
                        w.fact.end.min(chars.len()),
                    ))
            };
            let whole = rows.iter().any(|w| {
                w.fact.measure == Measure::Total
                    && (w.fact.end <= from || w.fact.start >= to || opens(w))
                    && w.fact.value > r.fact.value
                    && (w.fact.subject == r.fact.subject
                        || w.fact.subject == Subject::Combined
                        || r.fact.subject == Subject::Combined)
            });
            whole && HANDLED_BY.find_iter(&text_of(chars, from, to)).count() >= 2
        })
        .collect();
    retain_flagged(rows, split.into_iter().map(|s| !s).collect())
}

/// Words of a count by time of receipt, with the reason (SCHEMA: parts by time of receipt).
const RECEIPT_TIMES: &[(&str, &str)] = &[
    ("会议期间", "during the session"),
    ("大会期间", "during the session"),
    ("闭会期间", "between sessions"),
    ("会后", "after the session"),
];

/// A total counted by its time of receipt ("会议期间共收到提案92件和会后提出的1件") is a part of
/// a larger total of the same kind the text gives anywhere else without such a time: no fact.
pub(super) fn drop_time_parts(rows: Vec<Row>, chars: &[char]) -> Vec<Row> {
    let words = |r: &Row| text_of(chars, r.fact.start, r.fact.end.min(chars.len()));
    // "此外,…还办理了…闭会期间提出的建议116件": a batch added to what was counted.
    let added = |r: &Row| {
        let from = start_after(chars, r.fact.start, |c| "\n。".contains(c));
        let sentence = text_of(chars, from, r.fact.end.min(chars.len()));
        ADDITION_CUES.iter().any(|w| sentence.contains(w))
    };
    let timed: Vec<bool> = rows
        .iter()
        .map(|r| {
            r.fact.measure == Measure::Total
                && RECEIPT_TIMES.iter().any(|(w, _)| words(r).contains(w))
                && !added(r)
        })
        .collect();
    let keep: Vec<bool> = rows
        .iter()
        .zip(&timed)
        .map(|(r, &t)| {
            !t || !rows.iter().zip(&timed).any(|(w, &wt)| {
                // Not one listed with it ("会议期间提出的491件议案和8160件建议": two kinds).
                !wt && w.list != r.list
                    && w.fact.measure == Measure::Total
                    && w.fact.subject == r.fact.subject
                    && w.fact.value > r.fact.value
            })
        })
        .collect();
    retain_flagged(rows, keep)
}

/// A count restated later without its kind ("区政协提案6件(其中4个主办件…)。4个主办件主要聚焦…")
/// is the count already read with its kind: the restatement gives no second, combined fact.
pub(super) fn drop_restated(rows: Vec<Row>, chars: &[char]) -> Vec<Row> {
    let mut seen: HashSet<(Measure, u64)> = HashSet::new();
    let keep: Vec<bool> = rows
        .iter()
        .map(|r| {
            let f = &r.fact;
            if f.measure.is_rate() {
                return true;
            }
            let key = (f.measure, f.value.to_bits());
            if f.subject != Subject::Combined {
                seen.insert(key);
                return true;
            }
            let words = text_of(chars, f.start, f.end.min(chars.len()));
            !seen.contains(&key) || ["建议", "提案", "议案"].iter().any(|w| words.contains(w))
        })
        .collect();
    retain_flagged(rows, keep)
}

/// Words that frame a count over a whole term of several sessions, with the reason.
const TERM_WORDS: &[(&str, &str)] = &[
    ("五年", "a five-year term"),
    ("本届", "this term"),
    ("届内", "within the term"),
    ("任期内", "within the term of office"),
];

/// One session of a term: "四届五次会议", "十三届二次会议".
static ONE_SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("[一二三四五六七八九十]+届[一二三四五六七八九十]+次(?:会议|全会)")
        .expect("session regex")
});

/// A total of one session (`四届五次会议提交提案1350件`) after a larger total of the same kind
/// over the whole term (`四届市政协五年提交提案7667件`) is a part of the term's: no fact.
pub(super) fn drop_session_parts(rows: Vec<Row>, chars: &[char]) -> Vec<Row> {
    // The sentence up to the count: "四届五次会议提交提案1350件,立案897件" frames all three.
    let words = |r: &Row| sentence_to(r, chars);
    // The largest term total of each kind.
    let mut term: HashMap<Subject, f64> = HashMap::new();
    for r in rows.iter().filter(|r| r.fact.measure == Measure::Total) {
        if TERM_WORDS.iter().any(|(w, _)| words(r).contains(w)) {
            let most = term.entry(r.fact.subject).or_insert(r.fact.value);
            *most = most.max(r.fact.value);
        }
    }
    if term.is_empty() {
        return rows;
    }
    let keep: Vec<bool> = rows
        .iter()
        .map(|r| {
            let w = words(r);
            !(r.fact.measure == Measure::Total
                && ONE_SESSION.is_match(&w)
                && !TERM_WORDS.iter().any(|(t, _)| w.contains(t))
                && term.get(&r.fact.subject).is_some_and(|&v| v > r.fact.value))
        })
        .collect();
    retain_flagged(rows, keep)
}

/// Where the text before `at` begins after the last character that `stops` (0 when none does).
/// "满意286件,基本满意3件…15件重点建议已办理答复完毕,14件满意,1件基本满意": grades in a
/// sentence about the key items, after larger counts of the same grades for all the items,
/// are the grades of a part and give no fact.
pub(super) fn drop_key_grades(rows: Vec<Row>, chars: &[char]) -> Vec<Row> {
    let grade = |m: Measure| {
        matches!(
            m,
            Measure::Satisfied | Measure::BasicallySatisfied | Measure::Unsatisfied
        )
    };
    let keep: Vec<bool> = rows
        .iter()
        .map(|r| {
            if !grade(r.fact.measure) {
                return true;
            }
            let from = start_after(chars, r.fact.start, ends_sentence);
            let key_first = rows.iter().any(|k| {
                k.fact.measure == Measure::Key
                    && k.fact.start >= from
                    && k.fact.start < r.fact.start
            });
            let whole_grade = rows.iter().any(|h| {
                h.fact.measure == r.fact.measure
                    && (h.fact.subject == r.fact.subject || h.fact.subject == Subject::Combined)
                    && h.fact.value > r.fact.value
                    && h.fact.end <= from
            });
            !(key_first && whole_grade)
        })
        .collect();
    retain_flagged(rows, keep)
}

/// Where the run after the last stop character before `at` starts (0 when there is none).
pub(super) fn start_after(chars: &[char], at: usize, stops: impl Fn(char) -> bool) -> usize {
    (0..at.min(chars.len()))
        .rev()
        .find(|&i| stops(chars[i]))
        .map_or(0, |i| i + 1)
}

/// The rows whose flag is set, in order.
/// The sentence of a fact up to its end (at most 200 characters back, so a text of one
/// endless sentence stays linear).
fn sentence_to(r: &Row, chars: &[char]) -> String {
    let at = r.fact.start.min(chars.len());
    let floor = at.saturating_sub(200);
    let from = (floor..at)
        .rev()
        .find(|&i| "\n。".contains(chars[i]))
        .map_or(floor, |i| i + 1);
    text_of(chars, from, r.fact.end.min(chars.len()))
}

/// A span of years a sentence looks back over: "8年来", "近五年", "多年来", "历年".
static YEARS_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("[0-9一二三四五六七八九十]+年来|近[0-9一二三四五六七八九十]+年|多年来|历年")
        .expect("years-span regex")
});

/// "8年来,…就累计提出建议提案2488件" in a text that also gives the period's own total: a sum
/// over the earlier years it looks back on, no total of the period (SCHEMA: look-backs give no
/// fact). A text whose only totals are such sums reports on the span itself.
pub(super) fn drop_look_backs(rows: Vec<Row>, chars: &[char]) -> Vec<Row> {
    let look_back = |r: &Row| {
        r.fact.measure == Measure::Total && {
            let w = sentence_to(r, chars);
            w.contains("累计") && YEARS_SPAN.is_match(&w)
        }
    };
    let flags: Vec<bool> = rows.iter().map(look_back).collect();
    let own_total = rows
        .iter()
        .zip(&flags)
        .any(|(r, &back)| r.fact.measure == Measure::Total && !back);
    let keep = flags.iter().map(|&back| !(back && own_total)).collect();
    retain_flagged(rows, keep)
}

fn retain_flagged(rows: Vec<Row>, keep: Vec<bool>) -> Vec<Row> {
    rows.into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(r, _)| r)
        .collect()
}
