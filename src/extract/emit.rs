//! Writing a read count out as facts: a number said of each role or each kind
//! (`主办件和会办件各8件`, `建议、提案各15件`) gives one fact per role or kind, a body that only
//! leads gives its total too, and more than the number (`100余件`, `超过了五千件`) is a floor.

use super::facts::{RawFact, Reader};
use crate::model::{Measure, Qualifier, Subject};

impl Reader<'_> {
    /// Pushes the facts of a count of `value` whose left words are `left`: its kind and
    /// measure, and whether it is the total too; `floor` when the number is approximate from
    /// below; the evidence span; the breakdown it splits by kind, if any.
    pub(super) fn emit_count(
        &mut self,
        left: &str,
        (subject, measure, also_total): (Subject, Measure, bool),
        value: f64,
        floor: bool,
        (ev_start, ev_end): (usize, usize),
        split: Option<usize>,
    ) {
        // "主办件和会办件各8件": the number counts each role; "建议、提案各15件": each kind.
        let ends_each = left.trim_end().ends_with('各');
        let each_role = ends_each
            && ["主办", "单办", "牵头"].iter().any(|w| left.contains(w))
            && ["协办", "会办"].iter().any(|w| left.contains(w));
        let each = ends_each && !each_role && subject == Subject::Combined;
        let subjects: &[Subject] = if each {
            &[Subject::Suggestion, Subject::Proposal]
        } else {
            &[subject]
        };
        let measures: &[Measure] = if each_role {
            &[Measure::Lead, Measure::Co]
        } else if also_total {
            &[Measure::Total, measure]
        } else {
            &[measure]
        };
        let over_before = ["超过", "超过了", "逾"]
            .iter()
            .any(|w| left.trim_end().ends_with(w));
        let before = self.facts.len();
        for &subject in subjects {
            for &measure in measures {
                self.push(RawFact {
                    subject,
                    measure,
                    value,
                    // "共办理建议100余件", "提案超过了五千件": more than the number, a floor
                    // (SCHEMA: ge).
                    qualifier: if floor || over_before {
                        Qualifier::Ge
                    } else {
                        Qualifier::Eq
                    },
                    start: ev_start,
                    end: ev_end,
                });
            }
        }
        for row in &mut self.facts[before..] {
            row.split = split;
        }
    }
}
