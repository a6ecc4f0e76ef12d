//! The per-document work budget of the repair stage.
//!
//! Restoring a lost character means scoring candidates against the dictionary and the
//! document's own statistics, and on hostile input (a long text whose bytes were lost
//! everywhere, with a large vocabulary) that work can grow far beyond the text's size. The
//! budget caps it per document. It counts units of work, not seconds, so that the output stays
//! byte-identical on every machine and at every thread count: one unit is one candidate scored
//! (a byte value tried for a lost UTF-8 byte, a character of the document's vocabulary tried in
//! a hole, an assignment of the beam search scored, a candidate ranked by frequency).
//!
//! A hole that was begun is finished; once the budget is spent, no further hole is tried, so
//! the characters still lost stay U+FFFD, are counted lost, and the document gets a warning.

use std::cell::Cell;

/// Default units of work per document: about four times the most that any report of the
/// labelled sets (dev, dev2, seeds), or any damaged copy of them the test generator makes,
/// needs (1.2 million, for a 24 KB seed read as Big5 whole); on this project's machines a unit
/// takes 5–12 µs, so a hostile document costs at most about a minute of repair.
pub const DEFAULT_REPAIR_BUDGET: u64 = 5_000_000;

/// Units of work left for one document's repair.
#[derive(Debug)]
pub struct Budget {
    limit: u64,
    spent: Cell<u64>,
}

impl Budget {
    /// A budget of `limit` units.
    pub fn new(limit: u64) -> Budget {
        Budget {
            limit,
            spent: Cell::new(0),
        }
    }

    /// No limit at all (for inspecting single lines in tests and tools).
    pub fn unlimited() -> Budget {
        Budget::new(u64::MAX)
    }

    /// The limit this budget started with.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Units spent so far (may pass the limit by the work of the last hole begun).
    pub fn spent(&self) -> u64 {
        self.spent.get()
    }

    /// True when no further hole may be begun.
    pub fn exhausted(&self) -> bool {
        self.spent.get() >= self.limit
    }

    /// Records `units` of work.
    pub fn charge(&self, units: usize) {
        self.spent
            .set(self.spent.get().saturating_add(units as u64));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_is_spent_when_its_units_are_used() {
        let b = Budget::new(10);
        b.charge(9);
        assert!(!b.exhausted());
        b.charge(3);
        assert!(b.exhausted());
        assert_eq!(b.spent(), 12);
        assert!(!Budget::unlimited().exhausted());
    }
}
