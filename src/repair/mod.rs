//! Stage 3: undo damage that scraping and converters did to the text.
//!
//! Repairs applied here, each counted by kind in [`Repairs`]:
//! - `pinyin_annotation`: a converter glued the reading after a character, `鄉(xiāng)村`;
//!   the parenthesised pinyin is dropped ([`pinyin`], which also restores damaged ones).
//! - `page_marker`: a page number from a document viewer broke a paragraph (`…其余 2\n3、5 件`).
//! - the mojibake kinds of [`mojibake`]: text that went through the wrong codec, diagnosed once
//!   for the whole document ([`diagnose`], reported as `KIND:doc`) and otherwise line by line.
//!
//! A repair never guesses silently: characters it cannot recover are counted as lost (and shown
//! as U+FFFD), and every character it keeps or restores points back at the original. The work
//! of restoring lost characters is capped per document ([`budget`]): past the cap they stay
//! lost and the document is warned.

mod align;
pub mod budget;
pub mod diagnose;
mod docstats;
mod latin;
mod memo;
pub mod mojibake;
pub mod pinyin;
mod window;

use crate::text::MappedText;
use mojibake::Judge;
use std::collections::BTreeMap;

/// Kinds of repair with how often each was applied.
pub type Repairs = BTreeMap<&'static str, usize>;

/// What the repair stage did to one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Kinds and counts.
    pub repairs: Repairs,
    /// Characters known lost.
    pub lost: usize,
    /// Characters whose lost bytes were restored from context.
    pub restored: usize,
    /// Units of work spent restoring lost characters ([`budget`]).
    pub work: u64,
    /// The work budget was spent: characters lost after that were not tried.
    pub budget_spent: bool,
}

/// Applies every repair to `text`: pinyin annotations, mojibake, markup, annotations again,
/// page markers.
pub fn repair(text: MappedText, judge: &Judge) -> (MappedText, Report) {
    let mut report = Report::default();
    // Annotations first: their toned vowels (à, é, ü) are Latin-1 letters too. Again after
    // the codec repairs and the markup, which may have hidden some.
    // Each step's input is dropped as soon as the next text exists: on a large file these
    // copies (12 bytes and more per character) are most of the memory.
    let text = pinyin::repair(text, judge, &mut report);
    let (text, fixes) = mojibake::repair(text, judge);
    for f in fixes {
        *report.repairs.entry(f.kind).or_default() += 1;
        report.lost += f.lost;
        report.restored += f.restored;
    }
    let text = strip_markup(text, &mut report.repairs);
    let text = {
        let input = text;
        pinyin::repair(input, judge, &mut report)
    };
    let text = drop_page_markers(text, &mut report.repairs);
    report.work = judge.budget.spent();
    report.budget_spent = judge.budget.exhausted();
    (text, report)
}

/// HTML left in a text file (`&nbsp;`, `&#21150;`, `<p>`): decoded and dropped as for HTML.
fn strip_markup(text: MappedText, repairs: &mut Repairs) -> MappedText {
    static MARKUP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|nbsp|amp|lt|gt|quot|ldquo|rdquo|mdash|hellip);|</?(?:p|br|div|span|b|strong|font|td|tr|table|li)\b[^>]{0,200}>")
            .expect("markup regex")
    });
    let n = MARKUP.find_iter(text.as_str()).count();
    if n == 0 {
        return text;
    }
    *repairs.entry("markup").or_default() += n;
    text.then(&crate::decode::html::to_text(text.as_str()), false)
}

/// Drops `\nN、` page numbers that cut a long line mid-sentence, and `- N -` page footers.
///
/// Linear in the text: each run of whitespace is measured once, and the last non-blank
/// character kept is remembered rather than searched for.
fn drop_page_markers(text: MappedText, repairs: &mut Repairs) -> MappedText {
    let chars: Vec<char> = text.as_str().chars().collect();
    // Spans of characters dropped, in order; the text is rebuilt only when there are any.
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut line_len = 0usize;
    // End of the whitespace run measured last (exclusive), to measure each run once.
    let mut blank_end = 0usize;
    // The last non-whitespace character written to `out`.
    let mut last_kept: Option<char> = None;
    let digits_at = |from: usize| {
        chars
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take(4)
            .take_while(|x| x.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // "- 2 -" footer (not a date: "2018- 01- 11")
        let after_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if c == '-' && !after_digit && chars.get(i + 1) == Some(&' ') {
            let mut j = i + 1;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let digits = digits_at(j);
            let mut k = j + digits;
            while digits > 0 && k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            let spaced = k > j + digits && chars[k - 1] == ' ';
            if digits > 0 && digits <= 3 && spaced && k < chars.len() && chars[k] == '-' {
                *repairs.entry("page_marker").or_default() += 1;
                dropped.push((i, k + 1));
                i = k + 1;
                continue;
            }
        }
        if c == '\n' {
            // Blank lines and spaces between the page break and the number count as one break.
            if blank_end <= i {
                blank_end = i;
                while blank_end < chars.len() && chars[blank_end].is_whitespace() {
                    blank_end += 1;
                }
            }
            let gap = blank_end - i;
            let digits = digits_at(i + gap);
            let after = chars.get(i + gap + digits).copied();
            let mid_sentence = last_kept.is_some_and(|p| !"。!?!?;;::”\"」)）".contains(p));
            if digits > 0 && digits <= 3 && after == Some('、') && line_len > 40 && mid_sentence {
                *repairs.entry("page_marker").or_default() += 1;
                dropped.push((i, i + gap + digits + 1));
                i += gap + digits + 1;
                continue;
            }
            line_len = 0;
        } else {
            line_len += 1;
        }
        if !c.is_whitespace() {
            last_kept = Some(c);
        }
        i += 1;
    }
    if dropped.is_empty() {
        return text;
    }
    let mut out = MappedText::with_capacity(chars.len());
    let mut spans = dropped.iter().peekable();
    for (i, (c, o, t)) in text.iter().enumerate() {
        while spans.next_if(|&&(_, end)| end <= i).is_some() {}
        if spans.peek().is_some_and(|&&(start, _)| start <= i) {
            continue;
        }
        out.push(c, o, t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_number_inside_a_paragraph_is_dropped() {
        let long = "这".repeat(45);
        let s = format!("{long}其余 2\n3、5 件主办件");
        let mut r = Repairs::new();
        let t = drop_page_markers(MappedText::identity(&s), &mut r);
        assert!(t.as_str().ends_with("其余 25 件主办件"));
        assert_eq!(r["page_marker"], 1);
    }

    #[test]
    fn dates_are_no_page_footers() {
        let mut r = Repairs::new();
        let s = "发布日期: 2018- 01- 11 文号 - 3 -";
        let t = drop_page_markers(MappedText::identity(s), &mut r);
        assert_eq!(t.as_str(), "发布日期: 2018- 01- 11 文号 ");
        assert_eq!(r["page_marker"], 1);
    }
}
