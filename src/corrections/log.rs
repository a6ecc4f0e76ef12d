//! What a run tells about its corrections: each one not applied (on stderr, beside the
//! document's warning row), the documents a correction names that the run did not read, and
//! the count applied for the summary line.

use super::Corrections;
use crate::model::{DocError, DocRecord};
use std::collections::BTreeSet;
use std::sync::Mutex;

/// The prefix of the warnings [`super::apply`] writes.
pub const PREFIX: &str = "correction:";

/// Counts of one run's corrections, gathered as documents come.
#[derive(Debug)]
pub struct Log<'a> {
    corrections: &'a Corrections,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    seen: BTreeSet<String>,
    applied: usize,
    not_applied: usize,
}

impl<'a> Log<'a> {
    /// An empty log for `corrections`.
    pub fn new(corrections: &'a Corrections) -> Log<'a> {
        Log {
            corrections,
            state: Mutex::new(State::default()),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut state)
    }

    /// Notes one outcome; returns the messages to show for it.
    pub fn see(&self, outcome: &Result<DocRecord, DocError>) -> Vec<String> {
        match outcome {
            Ok(r) => self.see_record(r),
            Err(e) => self.see_error(e),
        }
    }

    /// Notes a processed document: its corrections not applied, as messages.
    pub fn see_record(&self, r: &DocRecord) -> Vec<String> {
        let list = self.corrections.for_doc(&r.doc);
        let stale: Vec<String> = r
            .warnings
            .iter()
            .filter(|w| !list.is_empty() && w.starts_with(PREFIX))
            .map(|w| format!("{}: {w}", r.doc))
            .collect();
        self.with(|s| {
            s.seen.insert(r.doc.clone());
            s.not_applied += stale.len();
            s.applied += list.len().saturating_sub(stale.len());
        });
        stale
    }

    /// Notes a file that could not be processed: its corrections are not applied.
    pub fn see_error(&self, e: &DocError) -> Vec<String> {
        let n = self.corrections.for_doc(&e.doc).len();
        self.with(|s| {
            s.seen.insert(e.doc.clone());
            s.not_applied += n;
        });
        if n == 0 {
            return Vec::new();
        }
        vec![format!(
            "{}: {n} corrections of {} not applied: the document could not be processed ({})",
            e.doc,
            self.corrections.name(),
            e.stage
        )]
    }

    /// After the run: one message per document a correction names that the run did not read
    /// (among those `takes` accepts, e.g. the run's shard).
    pub fn unseen(&self, takes: impl Fn(&str) -> bool) -> Vec<String> {
        let missing: Vec<(String, usize)> = self.with(|s| {
            self.corrections
                .docs()
                .filter(|d| !s.seen.contains(*d) && takes(d))
                .map(|d| (d.to_string(), self.corrections.for_doc(d).len()))
                .collect()
        });
        self.with(|s| s.not_applied += missing.iter().map(|m| m.1).sum::<usize>());
        missing
            .into_iter()
            .map(|(doc, n)| {
                format!(
                    "{}: {n} corrections name {doc}, which this run did not read; not applied",
                    self.corrections.name()
                )
            })
            .collect()
    }

    /// For the summary line: `, corrections: 3 applied, 1 not applied`.
    pub fn summary(&self) -> String {
        self.with(|s| {
            format!(
                ", corrections: {} applied, {} not applied",
                s.applied, s.not_applied
            )
        })
    }
}
