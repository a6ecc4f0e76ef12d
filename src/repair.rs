//! Stage 3: undo damage that scraping and converters did to the text.
//!
//! Repairs applied here, each counted by kind in [`Repairs`]:
//! - `pinyin_annotation`: a converter glued the reading after a character, `鄉(xiāng)村`;
//!   the parenthesised pinyin is dropped.
//! - `page_marker`: a page number from a document viewer broke a paragraph (`…其余 2\n3、5 件`).
//!
//! A repair never invents text: it only drops characters, and the characters it keeps point
//! back at the original.

use crate::decode::is_cjk;
use crate::text::MappedText;
use std::collections::BTreeMap;

/// Kinds of repair with how often each was applied.
pub type Repairs = BTreeMap<&'static str, usize>;

const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

/// Applies every repair to `text`.
pub fn repair(text: &MappedText) -> (MappedText, Repairs) {
    let mut repairs = Repairs::new();
    let text = drop_pinyin(text, &mut repairs);
    let text = drop_page_markers(&text, &mut repairs);
    (text, repairs)
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || TONED.contains(c) || c == 'ü' || c == 'ê'
}

/// Length in chars of a pinyin annotation `(xiāng)` starting at `chars[i] == '('`.
fn pinyin_at(chars: &[(char, usize, bool)], i: usize) -> Option<usize> {
    let open = chars.get(i)?.0;
    if open != '(' && open != '\u{FF08}' {
        return None;
    }
    let mut j = i + 1;
    let mut toned = false;
    while j < chars.len() && j - i <= 8 && is_pinyin_letter(chars[j].0) {
        toned |= TONED.contains(chars[j].0);
        j += 1;
    }
    let close = chars.get(j)?.0;
    if (close == ')' || close == '\u{FF09}') && toned && j > i + 1 {
        Some(j + 1 - i)
    } else {
        None
    }
}

fn drop_pinyin(text: &MappedText, repairs: &mut Repairs) -> MappedText {
    let chars: Vec<(char, usize, bool)> = text.iter().collect();
    let mut out = MappedText::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if i > 0
            && is_cjk(chars[i - 1].0)
            && let Some(len) = pinyin_at(&chars, i)
        {
            *repairs.entry("pinyin_annotation").or_default() += 1;
            i += len;
            continue;
        }
        let (c, o, t) = chars[i];
        out.push(c, o, t);
        i += 1;
    }
    out
}

/// Drops `\nN、` page numbers that cut a long line mid-sentence, and `- N -` page footers.
fn drop_page_markers(text: &MappedText, repairs: &mut Repairs) -> MappedText {
    let chars: Vec<(char, usize, bool)> = text.iter().collect();
    let mut out = MappedText::with_capacity(chars.len());
    let mut line_len = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].0;
        // "- 2 -" footer
        if c == '-' {
            let mut j = i + 1;
            while j < chars.len() && chars[j].0 == ' ' {
                j += 1;
            }
            let digits = chars[j..]
                .iter()
                .take_while(|x| x.0.is_ascii_digit())
                .count();
            let mut k = j + digits;
            while k < chars.len() && chars[k].0 == ' ' {
                k += 1;
            }
            if digits > 0 && digits <= 3 && k < chars.len() && chars[k].0 == '-' {
                *repairs.entry("page_marker").or_default() += 1;
                i = k + 1;
                continue;
            }
        }
        if c == '\n' {
            let digits = chars[i + 1..]
                .iter()
                .take_while(|x| x.0.is_ascii_digit())
                .count();
            let after = chars.get(i + 1 + digits).map(|x| x.0);
            let prev = out.as_str().chars().last();
            let mid_sentence = prev.is_some_and(|p| !"。!?!?;;::”\"」)）".contains(p));
            if digits > 0 && digits <= 3 && after == Some('、') && line_len > 40 && mid_sentence {
                *repairs.entry("page_marker").or_default() += 1;
                i += digits + 2;
                continue;
            }
            line_len = 0;
        } else {
            line_len += 1;
        }
        let (c, o, t) = chars[i];
        out.push(c, o, t);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_after_characters_is_dropped() {
        let (t, r) = repair(&MappedText::identity("鄉(xiāng)村振興局(jú)"));
        assert_eq!(t.as_str(), "鄉村振興局");
        assert_eq!(r["pinyin_annotation"], 2);
        assert_eq!(t.origin(1), 8);
    }

    #[test]
    fn plain_parentheses_stay() {
        let s = "主办件9件(包括人大代表建议3件)和(abc)";
        let (t, r) = repair(&MappedText::identity(s));
        assert_eq!(t.as_str(), s);
        assert!(r.is_empty());
    }

    #[test]
    fn page_number_inside_a_paragraph_is_dropped() {
        let long = "这".repeat(45);
        let s = format!("{long}其余 2\n3、5 件主办件");
        let (t, r) = repair(&MappedText::identity(&s));
        assert!(t.as_str().ends_with("其余 25 件主办件"));
        assert_eq!(r["page_marker"], 1);
    }
}
