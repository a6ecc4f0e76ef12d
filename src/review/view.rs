//! The review page's view of one document, built by the worker that processed it: the text
//! after HTML to text and the repair stage, cut into runs that each map back to the decoded
//! original, with the facts whose evidence covers each run, and every fact's evidence as shown.
//!
//! A character is covered by a fact when the original character it came from lies in the
//! fact's `start..end`. Whitespace holding a blank line is folded to one blank line, leading and
//! trailing whitespace is dropped, carriage returns go (a lone one becomes a line break) and
//! other control characters become spaces, all only where no fact's evidence lies; only the
//! first [`MAX_CHARS`] characters are kept as runs, while the evidence of every fact is read
//! from the whole text.

use crate::model::{Fact, ReviewRun, ReviewText};
use crate::text::MappedText;

/// Characters of a document's text embedded in `review.html`; the page says when a text was
/// cut, and facts beyond the cut are still listed with their evidence.
pub const MAX_CHARS: usize = 20_000;

/// The longest original text kept for the tooltip of one repaired run.
const MAX_REPAIRED_FROM: usize = 200;

/// Which facts cover an original offset: the elementary intervals between the facts' bounds.
struct Cover {
    bounds: Vec<usize>,
    sets: Vec<Vec<usize>>,
}

impl Cover {
    fn new(facts: &[Fact]) -> Cover {
        let mut bounds: Vec<usize> = facts.iter().flat_map(|f| [f.start, f.end]).collect();
        bounds.sort_unstable();
        bounds.dedup();
        let sets = bounds
            .windows(2)
            .map(|w| {
                (0..facts.len())
                    .filter(|&i| facts[i].start <= w[0] && w[1] <= facts[i].end)
                    .collect()
            })
            .collect();
        Cover { bounds, sets }
    }

    /// Whether two covering sets hold the same facts.
    fn same(&self, a: Option<usize>, b: Option<usize>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => self.sets[a] == self.sets[b],
            (a, b) => a == b,
        }
    }

    /// The facts covering original offset `o` (an index into `sets`, or `None`).
    fn at(&self, o: usize) -> Option<usize> {
        let k = self.bounds.partition_point(|&b| b <= o);
        (k > 0 && k < self.bounds.len() && !self.sets[k - 1].is_empty()).then(|| k - 1)
    }
}

/// One shown character: the character, its original offset, repaired, covering set.
type Shown = (char, usize, bool, Option<usize>);

/// Runs under construction, with the folding of whitespace.
struct Builder<'a> {
    cover: &'a Cover,
    original: &'a [char],
    runs: Vec<ReviewRun>,
    /// Covering set and repaired flag of the last run.
    last: Option<(Option<usize>, bool)>,
    /// Whitespace not yet emitted (folded when the next visible character comes).
    pending: Vec<Shown>,
    emitted: usize,
    chars: usize,
}

impl Builder<'_> {
    fn push(&mut self, s: Shown) {
        let (c, _, _, set) = s;
        if set.is_none() && c.is_whitespace() && c != '\u{a0}' && c != '\u{3000}' {
            self.pending.push(s);
            return;
        }
        self.flush(false);
        self.emit(s);
    }

    /// Emits the pending whitespace: none at the start or end of the text, one blank line for
    /// any run of whitespace that holds one.
    fn flush(&mut self, at_end: bool) {
        let pending = std::mem::take(&mut self.pending);
        if pending.is_empty() || at_end || self.chars == 0 {
            return;
        }
        let newlines: Vec<Shown> = pending
            .iter()
            .copied()
            .filter(|s| s.0 == '\n' || s.0 == '\r')
            .collect();
        let breaks = pending
            .iter()
            .enumerate()
            .filter(|&(i, s)| {
                s.0 == '\n' || (s.0 == '\r' && pending.get(i + 1).is_none_or(|n| n.0 != '\n'))
            })
            .count();
        if breaks >= 2 {
            for s in newlines.iter().take(2) {
                self.emit(('\n', s.1, s.2, s.3));
            }
            return;
        }
        for (i, s) in pending.iter().enumerate() {
            if s.0 == '\r' && pending.get(i + 1).is_some_and(|n| n.0 == '\n') {
                continue;
            }
            self.emit(*s);
        }
    }

    fn emit(&mut self, (c, o, touched, set): Shown) {
        self.chars += 1;
        if self.emitted >= MAX_CHARS {
            return;
        }
        self.emitted += 1;
        // A character the original holds in other form (an HTML entity, `&nbsp;` for ' ') is a
        // run of its own that spans the whole entity, so that the page's offsets after it and
        // at its end stay those of the original.
        let entity_end = (!touched && self.original.get(o) == Some(&'&') && c != '&')
            .then(|| (o + 1..self.original.len().min(o + 12)).find(|&i| self.original[i] == ';'))
            .flatten();
        if let Some(last) = entity_end {
            self.close_run();
            self.runs.push(ReviewRun {
                text: c.to_string(),
                start: o,
                end: last + 1,
                facts: set.map(|k| self.cover.sets[k].clone()).unwrap_or_default(),
                repaired_from: None,
            });
            // Nothing joins this run.
            self.last = None;
            return;
        }
        let c = match c {
            '\r' => '\n',
            '\n' | '\t' => c,
            c if c.is_control() => ' ',
            c => c,
        };
        let joins = match (self.last, self.runs.last()) {
            (Some((last_set, last_touched)), Some(run)) => {
                self.cover.same(last_set, set)
                    && last_touched == touched
                    && (touched || run.end == o)
            }
            _ => false,
        };
        if joins && let Some(run) = self.runs.last_mut() {
            run.text.push(c);
            run.start = run.start.min(o);
            run.end = run.end.max(o + 1);
            return;
        }
        self.close_run();
        self.runs.push(ReviewRun {
            text: c.to_string(),
            start: o,
            end: o + 1,
            facts: set.map(|k| self.cover.sets[k].clone()).unwrap_or_default(),
            repaired_from: touched.then(String::new),
        });
        self.last = Some((set, touched));
    }

    /// Fills in the original text of the last run when it was repaired.
    fn close_run(&mut self) {
        let Some(run) = self.runs.last_mut() else {
            return;
        };
        if let Some(from) = run.repaired_from.as_mut()
            && from.is_empty()
        {
            let hi = run.end.min(self.original.len());
            let lo = run.start.min(hi);
            let raw: String = self.original[lo..hi]
                .iter()
                .take(MAX_REPAIRED_FROM)
                .collect();
            *from = if raw.contains(['&', '<']) {
                crate::decode::html::to_text(&raw)
                    .as_str()
                    .trim()
                    .to_string()
            } else {
                raw
            };
        }
    }
}

/// The review view of a document whose shown text is `shown` (the repair stage's output, which
/// maps into `original`), with its `facts` in output order.
pub fn view(shown: &MappedText, original: &[char], facts: &[Fact]) -> ReviewText {
    let cover = Cover::new(facts);
    let mut evidence = vec![String::new(); facts.len()];
    let mut b = Builder {
        cover: &cover,
        original,
        runs: Vec::new(),
        last: None,
        pending: Vec::new(),
        emitted: 0,
        chars: 0,
    };
    for (c, o, touched) in shown.iter() {
        let set = cover.at(o);
        if let Some(k) = set {
            for &f in &cover.sets[k] {
                evidence[f].push(c);
            }
        }
        b.push((c, o, touched, set));
    }
    b.flush(true);
    b.close_run();
    for (e, f) in evidence.iter_mut().zip(facts) {
        if e.is_empty() {
            // Evidence the shown text does not hold (dropped markup): as written, decoded.
            *e = crate::decode::html::to_text(&f.evidence)
                .as_str()
                .to_string();
        }
        *e = e.trim().to_string();
    }
    ReviewText {
        runs: b.runs,
        chars: b.chars,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, Qualifier, Subject};

    fn fact(start: usize, end: usize, evidence: &str) -> Fact {
        Fact {
            subject: Subject::Proposal,
            measure: Measure::Total,
            value: 5.0,
            qualifier: Qualifier::Eq,
            evidence: evidence.to_string(),
            start,
            end,
            repaired: false,
            source: crate::model::Origin::Extracted,
        }
    }

    #[test]
    fn an_entity_is_a_run_spanning_its_original_characters() {
        // Original "共&nbsp;5件": the page shows "共 5件", with ' ' standing for six characters.
        let original: Vec<char> = "共&nbsp;5件".chars().collect();
        let mut shown = MappedText::with_capacity(4);
        for (c, o) in [('共', 0), (' ', 1), ('5', 7), ('件', 8)] {
            shown.push(c, o, false);
        }
        let v = view(&shown, &original, &[]);
        let spans: Vec<(&str, usize, usize)> = v
            .runs
            .iter()
            .map(|r| (r.text.as_str(), r.start, r.end))
            .collect();
        assert_eq!(spans, vec![("共", 0, 1), (" ", 1, 7), ("5件", 7, 9)]);
    }

    #[test]
    fn runs_split_at_evidence_and_map_back() {
        let text = "\n\n 共办理提案5件。\r\n\r\n\r\n满意率100%。\n";
        let chars: Vec<char> = text.chars().collect();
        let f = fact(3, 10, "共办理提案5件");
        let v = view(&MappedText::identity(text), &chars, &[f]);
        let shown: String = v.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(shown, "共办理提案5件。\n\n满意率100%。");
        assert_eq!(v.runs[0].text, "共办理提案5件");
        assert_eq!((v.runs[0].start, v.runs[0].end), (3, 10));
        assert_eq!(v.runs[0].facts, vec![0]);
        assert!(v.runs[1].facts.is_empty());
        assert_eq!(v.evidence, vec!["共办理提案5件".to_string()]);
        for r in &v.runs {
            let orig: String = chars[r.start..r.end].iter().collect();
            if !r.text.contains('\n') {
                assert_eq!(orig, r.text);
            }
        }
    }

    #[test]
    fn html_text_is_decoded_and_long_texts_are_cut() {
        let src = "<p>代表共提出建议&nbsp;212&nbsp;件</p>";
        let chars: Vec<char> = src.chars().collect();
        let f = fact(3, 26, "代表共提出建议&nbsp;212&nbsp;件");
        let v = view(&crate::decode::html::to_text(src), &chars, &[f]);
        assert_eq!(v.evidence[0], "代表共提出建议\u{a0}212\u{a0}件");
        let long = "字".repeat(MAX_CHARS + 10);
        let chars: Vec<char> = long.chars().collect();
        let v = view(&MappedText::identity(&long), &chars, &[]);
        assert_eq!(v.chars, MAX_CHARS + 10);
        assert_eq!(
            v.runs.iter().map(|r| r.text.chars().count()).sum::<usize>(),
            MAX_CHARS
        );
    }
}
