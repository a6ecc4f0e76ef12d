//! Per-document memo of the two lookups that restoring lost characters repeats most: a word's
//! dictionary frequency and a short window's simplified form.
//!
//! Choosing a lost character scores every candidate in a window of a dozen characters: the
//! window is converted to simplified script and every run of up to four characters in it is
//! looked up in jieba's dictionary. Neighbouring candidates share most of those runs, and the
//! second pass over the holes scores the same windows again, so one document asks the same
//! questions thousands of times. Both answers depend only on their input, so remembering them
//! changes no output. The memo lives as long as one document's [`super::mojibake::Judge`]
//! (one thread), and is emptied when it grows past [`MAX_ENTRIES`], so a hostile document
//! cannot make it hold more than a few megabytes.

use crate::script::Converters;
use crate::segment::Segmenter;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Entries kept per table before it is emptied.
const MAX_ENTRIES: usize = 50_000;

/// Remembered answers for one document. Words are keyed by their characters packed into one
/// number (up to four, the longest run the language model looks up), so a lookup neither
/// allocates nor hashes a string.
#[derive(Debug, Default)]
pub struct Memo {
    freq: RefCell<FxHashMap<u128, usize>>,
    simplified: RefCell<FxHashMap<String, String>>,
}

/// Up to four characters as one key (a character is at most 21 bits, so 32 each cannot
/// collide; the empty slots are 0, which no character of a word is).
fn key(word: &[char]) -> Option<u128> {
    (word.len() <= 4).then(|| {
        word.iter()
            .fold(0u128, |k, &c| (k << 32) | u128::from(u32::from(c)))
    })
}

impl Memo {
    /// [`Segmenter::word_freq`] of the word `word` spells, remembered when it has at most four
    /// characters.
    pub fn word_freq(&self, segmenter: &Segmenter, word: &[char]) -> usize {
        let Some(k) = key(word) else {
            return segmenter.word_freq(&word.iter().collect::<String>());
        };
        if let Some(&f) = self.freq.borrow().get(&k) {
            return f;
        }
        let f = segmenter.word_freq(&word.iter().collect::<String>());
        let mut map = self.freq.borrow_mut();
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        map.insert(k, f);
        f
    }

    /// [`Converters::to_simplified`] of `text`, remembered.
    pub fn to_simplified(&self, converters: &Converters, text: &str) -> String {
        if let Some(s) = self.simplified.borrow().get(text) {
            return s.clone();
        }
        let s = converters.to_simplified(text);
        let mut map = self.simplified.borrow_mut();
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        map.insert(text.to_string(), s.clone());
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_answers_equal_fresh_ones_and_the_tables_stay_bounded() {
        let segmenter = Segmenter::new();
        let converters = Converters::new().expect("converters");
        let memo = Memo::default();
        for w in [
            "提案",
            "办理",
            "提案",
            "不是词语啊",
            "辦理",
            "人大代表",
            "人大代",
            "人大",
        ] {
            let chars: Vec<char> = w.chars().collect();
            assert_eq!(memo.word_freq(&segmenter, &chars), segmenter.word_freq(w));
            assert_eq!(
                memo.to_simplified(&converters, w),
                converters.to_simplified(w)
            );
        }
        for i in 0..MAX_ENTRIES as u32 + 10 {
            memo.word_freq(
                &segmenter,
                &[
                    char::from_u32(0x4e00 + i % 20_000).unwrap(),
                    char::from_u32(0x4e00 + i / 20_000).unwrap(),
                ],
            );
        }
        assert!(memo.freq.borrow().len() <= MAX_ENTRIES);
    }
}
