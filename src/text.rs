//! Text that remembers where each character came from.
//!
//! Every normalisation step (HTML stripping, repair, width folding, script conversion) builds a
//! new [`MappedText`] whose characters each point back at a character of the decoded original,
//! so that a fact found in the normalised text can quote the original verbatim.

use std::sync::Arc;

/// A string plus, for each of its characters, the index of the original character it came from.
///
/// Indexes are kept as `u32` (4 bytes a character instead of 8: a large file is held in several
/// steps at once). A text past 4,294,967,295 characters, 12 GB of Chinese, is far over any
/// `--max-file-size`; its later indexes would saturate rather than wrap.
///
/// The per-character maps are shared (`Arc`) between a text and its clones and between the
/// steps that keep every character in place ([`MappedText::map_chars`],
/// [`MappedText::with_text`]): a copy kept for the review page costs only its string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    origin: Arc<Vec<u32>>,
    /// Per character: true when a repair produced or changed it.
    touched: Arc<Vec<bool>>,
}

impl MappedText {
    /// Wraps an original text: character `i` maps to `i`.
    pub fn identity(text: &str) -> MappedText {
        let n = text.chars().count();
        MappedText {
            text: text.to_string(),
            origin: Arc::new((0..n).map(index).collect()),
            touched: Arc::new(vec![false; n]),
        }
    }

    /// Wraps an original text without copying it: character `i` maps to `i`.
    pub fn from_string(text: String) -> MappedText {
        let n = text.chars().count();
        MappedText {
            text,
            origin: Arc::new((0..n).map(index).collect()),
            touched: Arc::new(vec![false; n]),
        }
    }

    /// The same text with each character replaced by `f(c)`, origins and repair marks kept
    /// (one new string; the per-character maps are reused, not copied).
    pub fn map_chars(mut self, f: impl Fn(char) -> char) -> MappedText {
        if self.text.chars().any(|c| f(c) != c) {
            self.text = self.text.chars().map(f).collect();
        }
        self
    }

    /// The same origins and repair marks under `text`, which must have as many characters;
    /// when it does not, the text comes back unchanged as the error.
    pub fn with_text(mut self, text: String) -> Result<MappedText, MappedText> {
        if text.chars().count() != self.len() {
            return Err(self);
        }
        self.text = text;
        Ok(self)
    }

    /// An empty text with room for `chars` characters.
    pub fn with_capacity(chars: usize) -> MappedText {
        MappedText {
            text: String::with_capacity(chars * 3),
            origin: Arc::new(Vec::with_capacity(chars)),
            touched: Arc::new(Vec::with_capacity(chars)),
        }
    }

    /// Appends `c`, which came from original character `origin`.
    pub fn push(&mut self, c: char, origin: usize, touched: bool) {
        self.text.push(c);
        // A text being built owns its maps (a clone is only ever read), so no copy is made.
        Arc::make_mut(&mut self.origin).push(index(origin));
        Arc::make_mut(&mut self.touched).push(touched);
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.origin.len()
    }

    /// True when there are no characters.
    pub fn is_empty(&self) -> bool {
        self.origin.is_empty()
    }

    /// Original index of character `i`.
    pub fn origin(&self, i: usize) -> usize {
        self.origin[i] as usize
    }

    /// Whether character `i` was produced or changed by a repair.
    pub fn touched(&self, i: usize) -> bool {
        self.touched[i]
    }

    /// Iterates `(char, origin, touched)`.
    pub fn iter(&self) -> impl Iterator<Item = (char, usize, bool)> + '_ {
        self.text
            .chars()
            .zip(self.origin.iter().map(|&o| o as usize))
            .zip(self.touched.iter().copied())
            .map(|((c, o), t)| (c, o, t))
    }

    /// Maps the half-open character range `start..end` of this text to a range of the original.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || end > self.len() {
            return (0, 0);
        }
        let lo = self.origin[start..end].iter().min().copied().unwrap_or(0);
        let hi = self.origin[start..end].iter().max().copied().unwrap_or(0);
        (lo as usize, hi as usize + 1)
    }

    /// Applies a further step: `next` was computed from `self.as_str()`, its origins index
    /// `self`'s characters; the result maps straight back to the original.
    pub fn then(&self, next: &MappedText, touched: bool) -> MappedText {
        let mut out = MappedText::with_capacity(next.len());
        for (c, o, t) in next.iter() {
            let i = o.min(self.len().saturating_sub(1));
            out.push(c, self.origin(i), self.touched[i] || t || touched);
        }
        out
    }

    /// True when any character in `start..end` was touched by a repair.
    pub fn any_touched(&self, start: usize, end: usize) -> bool {
        self.touched[start.min(self.len())..end.min(self.len())]
            .iter()
            .any(|&t| t)
    }
}

/// A character index as stored, saturating past `u32::MAX`.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_each_char_to_itself() {
        let t = MappedText::identity("办复率100%");
        assert_eq!(t.len(), 7);
        assert_eq!(t.origin(3), 3);
        assert_eq!(t.original_range(0, 3), (0, 3));
    }

    #[test]
    fn steps_that_keep_every_place_reuse_the_maps() {
        let t = MappedText::from_string("辦復率１００％".to_string());
        let folded = t.map_chars(|c| if c == '１' { '1' } else { c });
        assert_eq!(folded.as_str(), "辦復率1００％");
        assert_eq!(folded.origin(3), 3);
        let simplified = folded.with_text("办复率1００％".to_string()).unwrap();
        assert_eq!(simplified.original_range(0, 2), (0, 2));
        // A text of another length is refused, and the text comes back unchanged.
        let back = simplified.with_text("办复".to_string()).unwrap_err();
        assert_eq!(back.as_str(), "办复率1００％");
    }

    #[test]
    fn original_range_spans_dropped_characters() {
        let mut t = MappedText::with_capacity(4);
        t.push('乡', 0, false);
        t.push('村', 7, true);
        assert_eq!(t.original_range(0, 2), (0, 8));
        assert!(t.any_touched(0, 2));
        assert!(!t.any_touched(0, 1));
    }
}
