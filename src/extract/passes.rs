//! Passes over all the facts read in one document, after the sentence-by-sentence reading of
//! `facts.rs`: counts that split by level rather than by kind dropped, lead counts of one list
//! reconciled, outcome counts of one class summed, and the total of a body that only leads.

use super::facts::{RawFact, is_outcome, text_of};
use crate::model::{Measure, Qualifier, Subject};
use std::collections::HashMap;

/// A body that only leads (SCHEMA): lead counts and no co-handling or total anywhere in the
/// text ("牵头办理全国人大代表建议6319件") give the total too, one kind at a time.
pub(super) fn lead_only_totals(mut facts: Vec<RawFact>) -> Vec<RawFact> {
    let has = |m: Measure| facts.iter().any(|f| f.measure == m);
    if has(Measure::Co) || has(Measure::Total) {
        return facts;
    }
    let leads: Vec<RawFact> = facts
        .iter()
        .filter(|f| f.measure == Measure::Lead)
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
