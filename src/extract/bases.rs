//! The base of the outcome classes: a share of the whole that the report goes on to divide.
//!
//! A report often counts the items raised and then the share passed to the body that reports
//! ("共提出建议150件,交市政府系统办理140件,占93.3%"). Such a share is a part of the whole and
//! gives no fact, unless the report then classifies exactly those items: when its outcome
//! classes add up to the share (A类100件、B类30件、C类10件 = 140), the share is the set of
//! items whose handling the report describes, a total of its own (SCHEMA: parts are counts
//! "of items already counted"; the base of the classes is counted nowhere else). The reader
//! sets shares aside ([`Base`]) instead of forgetting them, and [`restore`] keeps those the
//! classes add up to.

use super::facts::{RawFact, Reader};
use super::lexicon::kinds_in;
use super::passes::{Row, start_after};
use crate::model::{Measure, Qualifier, Subject};
use regex::Regex;
use std::sync::LazyLock;

/// A share of a whole, set aside while reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    /// Whose items.
    pub subject: Subject,
    /// How many.
    pub value: f64,
    /// Its clause (normalised text, chars).
    pub span: (usize, usize),
}

impl Base {
    /// The total this base is, once kept.
    fn total(&self) -> RawFact {
        RawFact {
            subject: self.subject,
            measure: Measure::Total,
            value: self.value,
            qualifier: Qualifier::Eq,
            start: self.span.0,
            end: self.span.1,
        }
    }
}

/// The rest of a share's clause after the whole it is taken of: "(件)(建议)的95.24%".
static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^,;。%0-9]{0,8}?的\s*[0-9]+(?:\.[0-9]+)?%").expect("share regex")
});

impl Reader<'_> {
    /// "交市政府办理的建议100件,占代表建议总数105件的95.24%": a share that writes the whole
    /// it is taken of gives that whole as a total of its kind (SCHEMA: the items a report
    /// counts; the share before it is a part of it). The count must open its clause with 占,
    /// be followed by the share's percentage, and exceed the count just read, of the same
    /// kind. Returns the whole's kind.
    pub(super) fn share_whole(&self, near: &str, right_text: &str, value: f64) -> Option<Subject> {
        let words = near.trim_start_matches([' ', ',']);
        let inside = words.strip_prefix('占')?;
        if inside.chars().count() > 12 || inside.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let after = SHARE_OF.find(right_text)?;
        let part = &self.facts.last()?.fact;
        let kind = kinds_in(inside, self.hints.deputies)
            .or_else(|| kinds_in(&right_text[..after.end()], self.hints.deputies))
            .unwrap_or(part.subject);
        let part_is_a_share = matches!(part.measure, Measure::Total | Measure::Lead)
            && part.qualifier == Qualifier::Eq
            && part.subject == kind;
        (part_is_a_share && value > part.value).then_some(kind)
    }

    /// A count of `subject` whose clause runs from the clause start before `near` (not before
    /// `from`) to `end`.
    pub(super) fn base(
        &self,
        subject: Subject,
        value: f64,
        (from, near): (usize, usize),
        end: usize,
    ) -> Base {
        Base {
            subject,
            value,
            span: (self.clause_start(from, near).max(from), end),
        }
    }

    /// Keeps a count read as a share of the last whole (of kind `kind`, else the
    /// whole's): its clause runs from the clause start before `near` (not before `from`) to
    /// `end`.
    pub(super) fn keep_as_base(
        &mut self,
        kind: Option<Subject>,
        value: f64,
        (from, near): (usize, usize),
        end: usize,
    ) {
        if let Some(subject) = kind.or(self.wholes.last().copied()) {
            let base = self.base(subject, value, (from, near), end);
            self.bases.push(base);
        }
    }
}

/// The classes a report divides handled items into.
const CLASSES: [Measure; 4] = [
    Measure::Solved,
    Measure::InProgress,
    Measure::NotFeasible,
    Measure::Reference,
];

/// `facts` with a total for each base that the outcome classes of its kind add up to exactly,
/// when they are at least two classes, each given once, and no total of that kind already has
/// the value.
pub(super) fn restore(mut facts: Vec<RawFact>, bases: &[Base]) -> Vec<RawFact> {
    for b in bases {
        let classes: Vec<&RawFact> = facts
            .iter()
            .filter(|f| {
                f.subject == b.subject
                    && f.qualifier == Qualifier::Eq
                    && CLASSES.contains(&f.measure)
            })
            .collect();
        let once = CLASSES
            .iter()
            .all(|m| classes.iter().filter(|f| f.measure == *m).count() <= 1);
        let sum: f64 = classes.iter().map(|f| f.value).sum();
        let counted = facts
            .iter()
            .any(|f| f.subject == b.subject && f.measure == Measure::Total && f.value == b.value);
        if classes.len() >= 2 && once && sum == b.value && !counted {
            let at = facts.partition_point(|f| f.start <= b.span.0);
            facts.insert(at, b.total());
        }
    }
    facts
}

/// A count of a kind already totalled that adds up the totals read just before it in its
/// sentence ("收到议案61件,收到建议72件,…133件均作为建议处理") is their whole: the totals
/// are its parts and give no fact, and it is the total.
pub(super) fn sums(mut rows: Vec<Row>, sums: &[Base], chars: &[char]) -> Vec<Row> {
    for c in sums {
        let from = start_after(chars, c.span.0, |ch| "。\n;".contains(ch));
        // The totals of its kind in its sentence before it, nearest first.
        let before: Vec<usize> = (0..rows.len())
            .rev()
            .filter(|&i| {
                let f = &rows[i].fact;
                f.measure == Measure::Total
                    && f.subject == c.subject
                    && f.start >= from
                    && f.end <= c.span.0
            })
            .collect();
        let mut sum = 0.0;
        let mut parts = 0;
        for &i in &before {
            sum += rows[i].fact.value;
            parts += 1;
            if sum >= c.value {
                break;
            }
        }
        if parts < 2 || sum != c.value {
            continue;
        }
        let first = before[parts - 1];
        let list = rows[first].list;
        let drop: Vec<usize> = before[..parts].to_vec();
        rows = rows
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !drop.contains(i))
            .map(|(_, r)| r)
            .collect();
        let at = rows.partition_point(|r| r.fact.start <= c.span.0);
        rows.insert(
            at,
            Row {
                fact: c.total(),
                list,
                split: None,
            },
        );
    }
    rows
}
