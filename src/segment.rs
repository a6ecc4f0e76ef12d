//! Stage 5: sentences and clauses with character offsets.
//!
//! Extraction reads one sentence at a time: a sentence ends at `。`, `!`, `?` or a line break; a
//! clause inside it ends at `,`, `;` or `:`. Offsets are character indices into the
//! normalised text.

/// Characters that end a sentence.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '\n' | '\r')
}

/// Characters that end a clause, not counting list commas and brackets.
pub fn ends_phrase(c: char) -> bool {
    ends_sentence(c) || matches!(c, ',' | ';' | ':')
}

/// Splits `chars` into sentences: half-open ranges, each without its terminator.
pub fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if ends_sentence(c) {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if chars.len() > start {
        out.push((start, chars.len()));
    }
    out
}

/// Word segmentation with jieba's dictionary plus the handling vocabulary, built once and
/// shared by every worker.
pub struct Segmenter {
    jieba: jieba_rs::Jieba,
}

/// Words that name handled items; a text that uses none of them is no handling report.
pub const HANDLING_WORDS: &[&str] = &[
    "提案",
    "议案",
    "政协提案",
    "委员提案",
    "人大代表建议",
    "代表建议",
    "人大建议",
    "建议提案",
    "两案",
    "议提案",
    "议案建议",
];

impl Segmenter {
    /// Loads jieba's embedded dictionary (about 140 ms) and adds the domain words.
    pub fn new() -> Segmenter {
        let mut jieba = jieba_rs::Jieba::new();
        for w in [
            "人大代表建议",
            "代表建议",
            "人大建议",
            "议案建议",
            "政协提案",
            "委员提案",
            "建议提案",
            "议提案",
            "办复率",
            "面复率",
            "见面率",
            "面商率",
            "办结率",
            "答复率",
            "满意率",
            "主办件",
            "协办件",
            "会办件",
            "重点提案",
        ] {
            jieba.add_word(w, None, Some("n"));
        }
        Segmenter { jieba }
    }

    /// The words of `text` (no HMM for unknown words: the dictionary decides).
    pub fn words<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba
            .cut(text, false)
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    /// Frequency of `word` in the dictionary; 0 when it is no dictionary word.
    pub fn word_freq(&self, word: &str) -> usize {
        if self.jieba.has_word(word) {
            self.jieba.suggest_freq(word)
        } else {
            0
        }
    }

    /// How many words of `text` name handled items (`争议案件` is no 议案).
    pub fn handling_terms(&self, text: &str) -> usize {
        self.words(text)
            .iter()
            .filter(|w| HANDLING_WORDS.contains(w))
            .count()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_full_stop_and_newline() {
        let chars: Vec<char> = "共22件。其中主办9件\n会办13件".chars().collect();
        assert_eq!(sentences(&chars), vec![(0, 4), (5, 11), (12, 17)]);
    }
}
