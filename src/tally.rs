//! The one-line summary a run or merge ends with on stderr: documents, facts, consistency
//! warnings and errors, counted as records pass.

use crate::model::{DocError, DocRecord};
use std::fmt;

/// Counts over the records of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Documents processed.
    pub documents: usize,
    /// Facts over all documents.
    pub facts: usize,
    /// Consistency warnings (`check: …`) over all documents.
    pub checks: usize,
    /// Files that could not be processed.
    pub errors: usize,
}

impl Tally {
    /// Counts one document.
    pub fn record(&mut self, r: &DocRecord) {
        self.documents += 1;
        self.facts += r.facts.len();
        self.checks += r
            .warnings
            .iter()
            .filter(|w| w.starts_with("check:"))
            .count();
    }

    /// Counts one document or error.
    pub fn add(&mut self, r: &Result<DocRecord, DocError>) {
        match r {
            Ok(rec) => self.record(rec),
            Err(_) => self.errors += 1,
        }
    }

    /// Counts documents and errors.
    pub fn of(records: &[DocRecord], errors: &[DocError]) -> Tally {
        let mut t = Tally::default();
        records.iter().for_each(|r| t.record(r));
        t.errors = errors.len();
        t
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} documents, {} facts, {} check warnings, {} errors",
            self.documents, self.facts, self.checks, self.errors
        )
    }
}
