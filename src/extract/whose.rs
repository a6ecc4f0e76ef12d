//! Whose items a count counts: the subject (suggestions, proposals or both) of a count that
//! names no kind of its own, from the frame it stands in, the counts before it, the sentence,
//! and the document; and which nouns of the suggestion subject (motions, suggestions proper) a
//! count names, so that one is not taken for a restatement of the other.

use super::facts::{Frame, Prev, Reader, is_outcome, text_of};
use super::lexicon::{KIND_RE, kinds_in};
use super::mentions::Mention;
use crate::model::{Measure, Subject};
use crate::segment::ends_phrase;

/// What the subject of a count is chosen from.
#[derive(Clone, Copy)]
pub(super) struct Whose<'a> {
    /// The sentence's start, the count's start and the end of the count before.
    pub s: usize,
    pub at: usize,
    pub cursor: usize,
    /// The kind the count names, if any.
    pub kind: Option<Subject>,
    pub measure: Measure,
    /// The frame the count stands in, as it was before the count.
    pub top: &'a Frame,
    pub in_breakdown: bool,
    /// The breakdown the count splits by kind, if it does.
    pub split: Option<usize>,
    /// The words before the count (its clause and the clause before), and its own clause.
    pub left: &'a str,
    pub near: &'a str,
    /// The count is a stage of registering or merging, and says 立案.
    pub registered: bool,
    pub registers: bool,
}

impl Reader<'_> {
    /// The subject of the count `w` describes.
    pub(super) fn count_subject(&self, w: &Whose) -> Subject {
        let Whose {
            s,
            at,
            cursor,
            kind,
            measure,
            top,
            in_breakdown,
            split,
            left,
            near,
            registered,
            registers,
        } = *w;
        let outcome = is_outcome(measure);
        let set_apart = text_of(self.chars, cursor, at)
            .chars()
            .filter(|&c| ends_phrase(c))
            .count()
            > 1;
        let group_subject = top.group.iter().copied().reduce(Subject::join);
        // "承办人大建议538件、政协提案314件,共852件": a whole naming no kind after totals of
        // different kinds sums them.
        let sums_kinds = kind.is_none()
            && measure == Measure::Total
            && ["共", "共计", "合计", "总计", "共有"]
                .contains(&left.trim_start_matches([',', '、', ' ']))
            && top.prev.is_some_and(|p| p.measure == Measure::Total)
            && top
                .group
                .iter()
                .any(|&g| Some(g) != top.group.first().copied());
        let subject = kind
            .or(group_subject.filter(|_| sums_kinds))
            .or(
                if outcome && set_apart && top.prev.is_some_and(|p| !is_outcome(p.measure)) {
                    group_subject
                } else {
                    None
                },
            )
            // After the whole has been split by kind in full ("其中建议10件,提案18件,主办10件,
            // 会办18件"), a count naming no kind is the whole's again.
            .or(top
                .parent
                .filter(|p| {
                    in_breakdown && top.kind_split_run >= 2 && p.subject == Subject::Combined
                })
                .filter(|_| split.is_none())
                .map(|p| p.subject))
            // An outcome, grade or role right after a count of one kind, in the same statement,
            // is about that kind ("人大代表建议15件,主办12件,协办3件").
            .or(top
                .prev
                .filter(|p| p.said || !in_breakdown || outcome || !self.new_statement)
                .map(|p| p.subject))
            .or(top.parent.map(|p| p.subject))
            .or(top.prev.map(|p| p.subject))
            // An outcome list running on from the sentence before keeps its kind; outcomes
            // with no kind near break down the last whole read.
            .or(self
                .last_fact
                .filter(|&(m, _)| outcome && is_outcome(m))
                .map(|(_, s)| s))
            // "主办的建议提案…,所提问题已经解决182件": the kinds the sentence named before;
            // so too for roles ("全国人大交办的代表建议,省政府主办1件、协办1件").
            .or_else(|| {
                (outcome || matches!(measure, Measure::Lead | Measure::Co))
                    .then(|| kinds_in(&text_of(self.chars, s, at), self.hints.deputies))
                    .flatten()
            })
            .or(self.wholes.last().copied().filter(|_| outcome))
            // Registering (立案) is what a CPPCC does to proposals; a congress registers only
            // 议案, which are named as such.
            .or((registered && registers).then_some(Subject::Proposal))
            // "立案114件。…并案后交办100件": a later stage of items counted before keeps
            // their kind.
            .or(self.wholes.last().copied().filter(|_| registered))
            .unwrap_or(self.hints.default_subject);
        // "A类的建议提案有2件,…C类的建议5件": an outcome list of both kinds keeps its subject
        // when a later item shortens 建议提案 to 建议; a deputy's suggestion is named as such.
        if outcome
            && subject == Subject::Suggestion
            && self
                .last_fact
                .is_some_and(|(m, s)| is_outcome(m) && s == Subject::Combined)
            && !["代表", "人大", "议案"].iter().any(|w| near.contains(w))
        {
            Subject::Combined
        } else {
            subject
        }
    }
}

/// Which nouns of the suggestion subject a count names: motions (议案) and suggestions proper
/// share the subject but are two kinds of item; a whole of both covers either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Nouns {
    Suggestions,
    Motions,
    Both,
}

impl Nouns {
    pub(super) fn of(words: &str) -> Nouns {
        match (words.contains("议案"), words.contains("建议")) {
            (true, true) => Nouns::Both,
            (true, false) => Nouns::Motions,
            _ => Nouns::Suggestions,
        }
    }
}

impl Reader<'_> {
    /// A whole of kind `k` was read before: for suggestions, one of the same noun or of both.
    pub(super) fn whole_of(&self, k: Subject, nouns: Nouns) -> bool {
        self.wholes
            .iter()
            .zip(&self.wholes_motions)
            .any(|(&w, &n)| {
                w == k
                    && (k != Subject::Suggestion
                        || n == nouns
                        || n == Nouns::Both
                        || nouns == Nouns::Both)
            })
    }
}

impl Reader<'_> {
    /// Whether the count at `m` (its sentence ending at `e`) names motions (议案), suggestions
    /// proper, or both: the nouns after the number when it names its kind there (a comma may
    /// list them: "24件议案,建议、批评和意见"), else its own clause `near`.
    pub(super) fn nouns_of(&self, m: &Mention, e: usize, kind_after: bool, near: &str) -> Nouns {
        let after = text_of(self.chars, m.end, (m.end + 16).min(e));
        match KIND_RE.find(&after).filter(|_| kind_after) {
            Some(noun) => Nouns::of(&after[noun.start()..]),
            None => Nouns::of(near),
        }
    }

    /// "办结的政协委员提案66件;已列入推进计划拟解决的30件": completed items give no fact, but
    /// the kind they name is the outcome list's that follows.
    pub(super) fn done_names_kind(&mut self, kind: Option<Subject>) {
        if let Some(k) = kind {
            self.top().prev = Some(Prev::restated_total(k));
        }
    }
}

/// The words before a count that may name its kind, nearest last.
pub(super) struct KindWords<'a> {
    /// The count follows the count before it straight after its 件.
    pub after_count: bool,
    /// The count is of an outcome class.
    pub outcome: bool,
    pub clause: &'a str,
    /// From the count's cue (or its whole's) to the count.
    pub span: &'a str,
    pub near: &'a str,
    pub left: &'a str,
}

impl Reader<'_> {
    /// The kind the words before a count name, if any.
    pub(super) fn kind_in_words(&self, w: KindWords) -> Option<Subject> {
        let deputies = self.hints.deputies;
        // "19件意见建议和27件提案已经解决…的有29件": a kind word right after the count before
        // is that count's noun; the class is taken from every count of the clause.
        let nouns_before = w.after_count && KIND_RE.find(w.near).is_some_and(|k| k.start() == 0);
        if nouns_before
            && w.outcome
            && let Some(k) = kinds_in(w.clause, deputies)
        {
            return Some(k);
        }
        // "承办的建议、议案、提案中包括人大代表建议446件": the kinds after the word that opens
        // a breakdown are this count's; those before it name the whole.
        ["包括", "其中"]
            .iter()
            .filter_map(|o| w.span.rfind(o).map(|p| p + o.len()))
            .max()
            .and_then(|p| kinds_in(&w.span[p..], deputies))
            .or_else(|| kinds_in(w.span, deputies))
            .or_else(|| kinds_in(w.near, deputies))
            .or_else(|| kinds_in(w.left, deputies))
    }
}
