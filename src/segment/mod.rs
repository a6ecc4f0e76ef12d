//! Stage 5: sentences and clauses with character offsets.
//!
//! Extraction reads one sentence at a time: a sentence ends at `。`, `!`, `?` or a line break; a
//! clause inside it ends at `,`, `;` or `:`. Offsets are character indices into the
//! normalised text.

use crate::text::MappedText;

mod cell_lines;
pub use cell_lines::join_cell_lines;

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

/// Undoes hard wrapping: a page saved with its lines cut at a fixed width ("…共\n计19件",
/// "协办件为1\n7件") reads as one line per paragraph again. Widths are display columns (a
/// Chinese character takes two). A text is hard-wrapped when at least four of its long lines,
/// and three in ten, end within three characters of one width; a line break is dropped where
/// the line reaches that band, does not end a sentence or clause, and the next line goes
/// straight on. Other texts come back unchanged.
pub fn unwrap_lines(text: MappedText) -> MappedText {
    const BAND: usize = 5;
    let chars: Vec<char> = text.as_str().chars().collect();
    // Line spans, without the break and trailing blanks.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, chars.len()));
    let trimmed = |&(a, b): &(usize, usize)| {
        let n = chars[a..b]
            .iter()
            .rev()
            .skip_while(|c| c.is_whitespace())
            .count();
        (a, a + n)
    };
    let width = |(a, b): (usize, usize)| -> usize { chars[a..b].iter().map(|&c| columns(c)).sum() };
    let long: Vec<usize> = lines
        .iter()
        .map(|l| width(trimmed(l)))
        .filter(|&w| w >= 30)
        .collect();
    let in_band = |w: usize, top: usize| w <= top && w + BAND >= top;
    // The band holding most line ends: a window over the sorted widths.
    let mut sorted = long.clone();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    let mut low = 0;
    for (high, &top) in sorted.iter().enumerate() {
        while sorted[low] + BAND < top {
            low += 1;
        }
        let n = high + 1 - low;
        if best.is_none_or(|(_, b)| n >= b) {
            best = Some((top, n));
        }
    }
    let band = best
        .filter(|&(_, shared)| shared >= 4 && shared * 10 >= long.len() * 3)
        .map(|(top, _)| top);
    let mut drop = vec![false; chars.len()];
    for pair in lines.windows(2) {
        let (a, end) = trimmed(&pair[0]);
        let last = if end > a { chars[end - 1] } else { ' ' };
        let next = chars.get(pair[1].0).copied().unwrap_or(' ');
        // A line that opens with a count ("766件", "98.5%") after a line of prose cut short
        // (it holds a clause mark but does not end on one) goes on from it: a break there is
        // page noise ("共收到委员提案\n766件"), in any text. A headline may open with a count
        // ("524件提案全部办复"), but the line before a headline is blank or a title, which
        // holds no clause mark.
        let goes_on = end > a
            && !ends_phrase(last)
            && chars[a..end].iter().any(|&c| ends_phrase(c))
            && opens_with_count(&chars[pair[1].0..pair[1].1]);
        if goes_on {
            drop[end..=pair[0].1.min(chars.len() - 1)].fill(true);
            continue;
        }
        let Some(top) = band else {
            continue;
        };
        if in_band(width((a, end)), top)
            && !ends_phrase(last)
            && !"”\"'》)".contains(last)
            && !next.is_whitespace()
        {
            drop[end..=pair[0].1.min(chars.len() - 1)].fill(true);
        }
    }
    if !drop.contains(&true) {
        return text;
    }
    let mut out = MappedText::with_capacity(text.len());
    for (i, (c, o, t)) in text.iter().enumerate() {
        if !drop[i] {
            out.push(c, o, t);
        }
    }
    out
}

/// True when `line` opens with a number in digits and its unit of items or percent.
fn opens_with_count(line: &[char]) -> bool {
    let digits = line
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == '.')
        .count();
    digits > 0
        && line[..digits].iter().any(char::is_ascii_digit)
        && matches!(line[digits..].iter().find(|c| **c != ' '), Some('件' | '%'))
}

/// Display columns of a character: two for Chinese, full-width forms and the punctuation that
/// width folding made half-width, one otherwise.
fn columns(c: char) -> usize {
    if crate::decode::is_cjk(c)
        || ",;:!?()".contains(c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
    {
        2
    } else {
        1
    }
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

/// Two characters every word of [`HANDLING_WORDS`] contains one of.
const HANDLING_CORES: &[&str] = &["提案", "议案", "建议", "两案"];

/// "代表建议、批评和意见": the full name the law on deputies gives their suggestions (also
/// written with 批评 first, as many townships do).
const SUGGESTIONS_FULL_NAME: &[&str] = &[
    "建议、批评和意见",
    "建议、批评、意见",
    "建议批评和意见",
    "批评、建议和意见",
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

    /// Whether the dictionary knows `word` as one word that names a place (tag `ns`): "苍南",
    /// "松江" are; "振兴", "开发" are not.
    pub fn is_place_name(&self, word: &str) -> bool {
        let tags = self.jieba.tag(word, false);
        tags.len() == 1 && tags[0].tag == "ns"
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
        // Cut piece by piece (a full stop, comma, semicolon or line end never falls inside a run of Chinese
        // characters, so the words are the same), so that a large text never holds all its
        // words at once.
        // A piece that holds none of the words' cores (提案, 议案, 建议, 两案) can hold none of
        // the words: it is not cut at all.
        let words: usize = text
            .split_inclusive(['\n', '。', '，', '；'])
            .filter(|piece| HANDLING_CORES.iter().any(|c| piece.contains(c)))
            .map(|piece| {
                self.words(piece)
                    .iter()
                    .filter(|w| HANDLING_WORDS.contains(w))
                    .count()
            })
            .sum();
        // The law's full name for deputies' suggestions spans punctuation the segmenter
        // splits at.
        let full_names: usize = SUGGESTIONS_FULL_NAME
            .iter()
            .map(|n| text.matches(n).count())
            .sum();
        // "共承办建议50件", "承办了12条人大代表的意见和建议": 建议 counted after a verb of
        // handling, its count before or after it, is an item, not the verb "suggest".
        static COUNTED_SUGGESTIONS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(
            || {
                regex::Regex::new(r"(?:承办|办理|收到|交办|主办|协办|会办)了?(?:建议\s*[0-9零一二两三四五六七八九十百千]+\s*[件条]|\s*[0-9零一二两三四五六七八九十百千]+\s*[件条][^,。;\d]{0,12}?建议)")
                    .expect("counted suggestions regex")
            },
        );
        words + full_names + COUNTED_SUGGESTIONS.find_iter(text).count()
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
    fn every_handling_word_holds_a_core() {
        for w in HANDLING_WORDS {
            assert!(HANDLING_CORES.iter().any(|c| w.contains(c)), "{w}");
        }
    }

    #[test]
    fn hard_wrapped_lines_are_joined_and_others_kept() {
        let wrapped = "今年我局共办理人大代表建议和政协提案共\n计19件,其中主办件为2件,协办件为1\n7件,已按要求全部办理完毕,并逐件答复代\n表委员,办理工作取得了较好的成效。我们\n将继续做好建议提案办理的各项相关工作。\n";
        let out = unwrap_lines(MappedText::identity(wrapped));
        assert!(out.as_str().contains("共计19件"), "{}", out.as_str());
        assert!(out.as_str().contains("协办件为17件"), "{}", out.as_str());
        // The original offsets stay: "7" still points at its own character.
        let seven = out.as_str().chars().position(|c| c == '7').unwrap();
        assert_eq!(wrapped.chars().nth(out.origin(seven)), Some('7'));
        let prose = "共办理建议19件。\n其中主办2件。\n办复率100%。\n";
        assert_eq!(unwrap_lines(MappedText::identity(prose)).as_str(), prose);
    }

    #[test]
    fn a_line_opening_with_a_count_goes_on_from_prose_cut_short() {
        let text =
            "标题\n据了解,会议期间共收到委员提案\n766件,立案690件。\n通报\n524件提案全部办复\n";
        let out = unwrap_lines(MappedText::identity(text));
        assert!(out.as_str().contains("共收到委员提案766件"));
        // A headline that opens with a count stays on its own line after a title.
        assert!(out.as_str().contains("通报\n524件"));
    }

    #[test]
    fn splits_on_full_stop_and_newline() {
        let chars: Vec<char> = "共22件。其中主办9件\n会办13件".chars().collect();
        assert_eq!(sentences(&chars), vec![(0, 4), (5, 11), (12, 17)]);
    }
}
