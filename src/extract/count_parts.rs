//! Slots of a count's frame read apart from the rules that join them: the windows of text a
//! count is read in (its own words back to the last mention, its clause, the clause before),
//! the outcome class its phrase names (classes shared out by 分别 included), the role a count
//! of a kind list takes from the kind before it, and the span cited as its evidence.

use super::facts::{Prev, Reader, text_of};
use super::lexicon::REGISTERED_AFTER;
use super::mentions::Mention;
use super::outcome::{self, Reading};
use super::slots::{Right, outcome_phrase};
use crate::model::{Measure, Subject};

/// The windows before a count, as start offsets and texts.
pub(super) struct Windows {
    /// From the start of the count's clause (reaching back over a bracket or a colon that
    /// introduces it), not before the previous mention.
    pub left_from: usize,
    pub left: String,
    /// From the start of the count's own clause, not before the previous mention.
    pub near_from: usize,
    pub near: String,
    /// From the start of the count's clause within its sentence.
    pub clause_from: usize,
    pub clause: String,
    /// The clause before the count's clause and the count's clause.
    pub wide: String,
}

impl Reader<'_> {
    /// The windows of the count `m` in the sentence starting at `s`, the previous mention
    /// ending at `cursor`.
    pub(super) fn windows(&self, s: usize, cursor: usize, m: &Mention) -> Windows {
        let mut left_from = self.clause_start(cursor, m.start);
        if left_from > cursor
            && self.chars[left_from - 1] == ')'
            && let Some(open) = (cursor..left_from - 1)
                .rev()
                .find(|&i| self.chars[i] == '(')
            && left_from - open <= 40
        {
            left_from = self.clause_start(cursor, open);
        }
        // "提案(共13件)": a bracket that opens with the count counts the items named before it.
        if left_from > cursor
            && self.chars[left_from - 1] == '('
            && text_of(self.chars, left_from, m.start)
                .chars()
                .all(|c| "共有为计 ".contains(c))
        {
            left_from = self.clause_start(cursor, left_from - 1);
        }
        if left_from > s && left_from > cursor && self.chars[left_from - 1] == ':' {
            left_from = self.clause_start(cursor, left_from - 1);
        }
        let near_from = self.clause_start(cursor, m.start);
        let clause_from = self.clause_start(s, m.start);
        let wide_from = if clause_from > s {
            self.clause_start(s, clause_from - 1)
        } else {
            s
        };
        Windows {
            left_from,
            left: text_of(self.chars, left_from, m.start),
            near_from,
            near: text_of(self.chars, near_from, m.start),
            clause_from,
            clause: text_of(self.chars, clause_from, m.start),
            wide: text_of(self.chars, wide_from, m.start),
        }
    }

    /// The outcome phrase before the count `m` (the previous mention ends at `cursor`, its
    /// sentence starts at `s`) and the class it names, or None when the count gives no fact.
    pub(super) fn count_outcome(
        &mut self,
        (s, cursor): (usize, usize),
        m: &Mention,
        near: &str,
        right: &Right,
    ) -> Option<(String, Reading)> {
        let phrase = outcome_phrase(&text_of(self.chars, cursor, m.start), cursor == s);
        let mut reading = outcome::read_in(&phrase, &self.hints.letters, true);
        // "围绕“十四五”规划实施等,提出提案6173件": items raised in the count's own clause are
        // not yet dealt with; an outcome word before is what they were about. (Not when the
        // outcome comes after the raising, of the items raised: "代表提出的建议已经解决落实的
        // A类件为281件".)
        let raised_at = ["提出", "提交", "撰写"]
            .iter()
            .filter_map(|w| near.rfind(w))
            .max();
        // The outcome of the items is said of them ("…已经解决落实的A类件"); a head with an object
        // after it is what an item proposes ("提出的逐步解决交通拥堵问题等18件建议").
        let outcome_at = outcome::HEADS
            .iter()
            .filter(|h| **h != "办理")
            .filter_map(|w| near.rfind(w).map(|at| (at, w.len())))
            .max()
            .filter(|&(at, len)| near[at + len..].starts_with('的'))
            .map(|(at, _)| at);
        if raised_at.is_some_and(|r| outcome_at.is_none_or(|o| r > o)) {
            reading = Reading::None;
        }
        // "其中,人大代表建议A类件111件" with no letter defined: a class the text leaves
        // unexplained, not a count of all the items of a kind.
        if reading == Reading::None && right.measure.is_none() && outcome::ends_with_letter(near) {
            return None;
        }
        if reading == Reading::Unclear && near.contains("分别") {
            // "建议30件、提案40件,已解决或列入计划解决的分别有22件、31件": after counts of two
            // kinds, 分别 shares a joint class among the kinds, which gives no fact (SCHEMA).
            let kinds: Vec<Subject> = self
                .facts
                .iter()
                .rev()
                .take_while(|r| r.fact.start >= s)
                .map(|r| r.fact.subject)
                .collect();
            if kinds.iter().any(|&k| k != kinds[0]) {
                self.joint_in_turn = true;
                return None;
            }
            let classes = outcome::classes_in_turn(&phrase);
            if classes.len() > 1 {
                self.classes_in_turn = classes;
            }
        }
        if self.joint_in_turn && reading == Reading::None && right.measure.is_none() {
            return None;
        }
        if !self.classes_in_turn.is_empty() {
            if let Reading::Class(_) = reading {
                self.classes_in_turn.clear(); // a class of its own ends the turns
            } else {
                reading = Reading::Class(self.classes_in_turn.remove(0));
            }
        }
        Some((phrase, reading))
    }

    /// The span cited for a count: from its cue (an offset into the left window), else its own
    /// clause, to the words read after it, registering said after the count included.
    pub(super) fn count_evidence(
        &self,
        (s, cursor, left_from, near_from): (usize, usize, usize, usize),
        m: &Mention,
        cue_at: Option<usize>,
        right_len: usize,
        (right_text, registers_after): (&str, bool),
    ) -> (usize, usize) {
        let ev_from = cue_at.map_or(near_from, |p| left_from + p);
        let mut ev_start = self
            .clause_start(s, ev_from.min(near_from))
            .max(s)
            .max(cursor);
        while ev_start < m.start && "、,;: ".contains(self.chars[ev_start]) {
            ev_start += 1;
        }
        let mut ev_end = m.end + right_len;
        if let Some(r) = REGISTERED_AFTER
            .find(right_text)
            .filter(|_| registers_after)
        {
            ev_end = ev_end.max(m.end + right_text[..r.end()].chars().count());
        }
        (ev_start, ev_end)
    }
}

/// "其中主办建议5件、提案5件;会办建议5件、提案6件": a role said before the first kind of a
/// list joined by 、 is the role of the kinds after it too. `left` is the text since the
/// previous count.
pub(super) fn listed_role(
    prev: Option<Prev>,
    kind: Option<Subject>,
    left: &str,
) -> Option<Measure> {
    let p = prev?;
    (p.said
        && matches!(p.measure, Measure::Lead | Measure::Co)
        && kind.is_some_and(|k| k != p.subject && p.subject != Subject::Combined)
        && left.trim_start().starts_with('、')
        && left.chars().count() <= 6)
        .then_some(p.measure)
}
