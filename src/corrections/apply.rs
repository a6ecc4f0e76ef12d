//! Applying the corrections of one document to its extracted facts, each only after checking
//! that its evidence is still where it says.
//!
//! A correction's evidence matches when the characters at its `start..end` in the decoded
//! original read as its `evidence`, whitespace aside: as written, as the review page shows
//! them (after HTML to text and the repair stage), or as written with markup decoded. A
//! `wrong` or `correct` row must also name a fact that is there (same subject, measure, value,
//! qualifier and offsets); an `add` row adds its fact (evidence quoted from the original,
//! `source` = corrected) unless that fact is already there. Rows apply in file order, each to
//! the facts the rows before it left, so rows appended from a later review (of a corrected
//! run) correct the corrected facts. Rows that fail are returned as warnings, never applied.

use super::{Action, Correction};
use crate::model::{Fact, Origin};
use crate::output::fmt_value;
use crate::text::MappedText;

/// The text of a document, as corrections are checked against it.
pub struct DocText<'a> {
    /// The decoded original, as characters.
    pub original: &'a [char],
    /// The text after HTML to text and the repair stage, mapped into `original`.
    pub shown: &'a MappedText,
}

impl DocText<'_> {
    /// The shown characters that come from original offsets `start..end`.
    fn shown_span(&self, start: usize, end: usize) -> String {
        self.shown
            .iter()
            .filter(|&(_, o, _)| start <= o && o < end)
            .map(|(c, _, _)| c)
            .collect()
    }

    /// Whether the repair stage changed any character from `start..end`.
    fn touched(&self, start: usize, end: usize) -> bool {
        self.shown
            .iter()
            .any(|(_, o, t)| t && start <= o && o < end)
    }

    /// Why `c`'s evidence is not at its offsets (`Ok` when it is).
    fn check(&self, c: &Correction) -> Result<(), String> {
        if c.start >= c.end || c.end > self.original.len() {
            return Err(format!(
                "offsets {}–{} lie past the end of the document ({} characters)",
                c.start,
                c.end,
                self.original.len()
            ));
        }
        let want = squash(&c.evidence);
        if want.is_empty() {
            return Err("no evidence to check".into());
        }
        let raw: String = self.original[c.start..c.end].iter().collect();
        let shown = self.shown_span(c.start, c.end);
        if squash(&raw) == want || squash(&shown) == want {
            return Ok(());
        }
        if raw.contains(['&', '<']) && squash(crate::decode::html::to_text(&raw).as_str()) == want {
            return Ok(());
        }
        let there = if shown.trim().is_empty() { raw } else { shown };
        Err(format!(
            "evidence {:?} is not at {}–{}, which reads {:?}",
            shorten(&c.evidence),
            c.start,
            c.end,
            shorten(there.trim())
        ))
    }
}

/// The text without whitespace, for comparing clauses copied from a page.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// At most 40 characters of `s`, for a message.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Whether correction `c` names fact `f`.
fn names(c: &Correction, f: &Fact) -> bool {
    c.subject == f.subject
        && c.measure == f.measure
        && c.qualifier == f.qualifier
        && c.start == f.start
        && c.end == f.end
        && fmt_value(c.value) == fmt_value(f.value)
}

/// Applies `list` (the corrections of one document, from the file `file`) to `facts`.
/// Returns one warning per correction not applied, naming the file, the line and the
/// correction, and the number applied.
pub fn apply(
    facts: &mut Vec<Fact>,
    list: &[Correction],
    text: &DocText,
    file: &str,
) -> (Vec<String>, usize) {
    let mut warnings = Vec::new();
    let mut applied = 0;
    let mut fail = |c: &Correction, why: String| {
        warnings.push(format!(
            "correction: {file}:{}: {} not applied: {why}",
            c.line,
            c.describe()
        ));
    };
    // In file order, each row on the facts as the rows before it left them: a fact added or
    // corrected by one row can be corrected by a later one.
    for c in list {
        if let Err(why) = text.check(c) {
            fail(c, why);
            continue;
        }
        if c.action == Action::Add {
            let (subject, measure, value, qualifier) = c.result();
            let there = facts.iter().any(|f| {
                (f.subject, f.measure, f.qualifier) == (subject, measure, qualifier)
                    && fmt_value(f.value) == fmt_value(value)
                    && (f.start, f.end) == (c.start, c.end)
            });
            if !there {
                facts.push(Fact {
                    subject,
                    measure,
                    value,
                    qualifier,
                    evidence: text.original[c.start..c.end].iter().collect(),
                    start: c.start,
                    end: c.end,
                    repaired: text.touched(c.start, c.end),
                    source: Origin::Corrected,
                });
            }
            applied += 1;
            continue;
        }
        let Some(i) = facts.iter().position(|f| names(c, f)) else {
            fail(c, "no fact matches it (any more)".into());
            continue;
        };
        if c.action == Action::Wrong {
            facts.remove(i);
        } else {
            let f = &mut facts[i];
            f.value = c.new_value.unwrap_or(f.value);
            f.measure = c.new_measure.unwrap_or(f.measure);
            f.source = Origin::Corrected;
        }
        applied += 1;
    }
    (warnings, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, Qualifier, Subject};

    const TEXT: &str = "前言。共承办提案19件,办复率100%。";

    fn fact() -> Fact {
        Fact {
            subject: Subject::Proposal,
            measure: Measure::Total,
            value: 19.0,
            qualifier: Qualifier::Eq,
            evidence: "共承办提案19件".into(),
            start: 3,
            end: 11,
            repaired: false,
            source: Origin::Extracted,
        }
    }

    fn correction(action: Action, evidence: &str, start: usize, end: usize) -> Correction {
        Correction {
            line: 2,
            doc: "a.txt".into(),
            subject: Subject::Proposal,
            measure: Measure::Total,
            value: 19.0,
            qualifier: Qualifier::Eq,
            action,
            new_value: None,
            new_measure: None,
            evidence: evidence.into(),
            start,
            end,
        }
    }

    fn run(list: &[Correction]) -> (Vec<Fact>, Vec<String>, usize) {
        let original: Vec<char> = TEXT.chars().collect();
        let shown = MappedText::identity(TEXT);
        let text = DocText {
            original: &original,
            shown: &shown,
        };
        let mut facts = vec![fact()];
        let (w, n) = apply(&mut facts, list, &text, "c.csv");
        (facts, w, n)
    }

    #[test]
    fn wrong_drops_and_correct_changes() {
        let (facts, w, n) = run(&[correction(Action::Wrong, "共承办提案19件", 3, 11)]);
        assert!(facts.is_empty() && w.is_empty() && n == 1);
        let mut c = correction(Action::Correct, "共承办 提案19件", 3, 11);
        c.new_value = Some(21.0);
        let (facts, w, _) = run(&[c]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(facts[0].value, 21.0);
        assert_eq!(facts[0].source, Origin::Corrected);
    }

    #[test]
    fn added_facts_quote_the_original() {
        let mut c = correction(Action::Add, "办复率100%", 12, 19);
        c.measure = Measure::ReplyRate;
        c.value = 100.0;
        let (facts, w, n) = run(&[c]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!((facts.len(), n), (2, 1));
        assert_eq!(facts[1].evidence, "办复率100%");
        assert_eq!(facts[1].source, Origin::Corrected);
    }

    #[test]
    fn stale_corrections_are_reported_not_applied() {
        let (facts, w, n) = run(&[correction(Action::Wrong, "共承办提案18件", 3, 11)]);
        assert_eq!((facts.len(), n), (1, 0));
        assert!(w[0].starts_with("correction: c.csv:2: wrong proposal total 19 eq at 3–11"));
        assert!(w[0].contains("not at 3–11"), "{}", w[0]);
        let (_, w, _) = run(&[correction(Action::Add, "x", 30, 40)]);
        assert!(w[0].contains("past the end"), "{}", w[0]);
        let mut c = correction(Action::Wrong, "共承办提案19件", 3, 11);
        c.value = 20.0;
        let (_, w, _) = run(&[c]);
        assert!(w[0].contains("no fact matches"), "{}", w[0]);
        let twice = [
            correction(Action::Wrong, "共承办提案19件", 3, 11),
            Correction {
                line: 3,
                ..correction(Action::Wrong, "共承办提案19件", 3, 11)
            },
        ];
        let (_, w, n) = run(&twice);
        assert_eq!(n, 1);
        assert!(w[0].starts_with("correction: c.csv:3:"), "{}", w[0]);
        // A later row corrects what an earlier one left.
        let mut first = correction(Action::Correct, "共承办提案19件", 3, 11);
        first.new_value = Some(21.0);
        let mut second = correction(Action::Correct, "共承办提案19件", 3, 11);
        second.value = 21.0;
        second.new_measure = Some(Measure::Lead);
        let (facts, w, _) = run(&[first, second]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!((facts[0].value, facts[0].measure), (21.0, Measure::Lead));
    }
}
