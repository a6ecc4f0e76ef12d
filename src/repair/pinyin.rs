//! Pinyin glued after characters by a converter: `鄉(xiāng)村` → `鄉村`.
//!
//! Damaged forms, where the character and the `(` became `?` (`辦理?xiàng)l條`), are restored
//! from the reading when the document itself annotates some character with that reading and
//! exactly one such character forms a dictionary word with a neighbour; otherwise the character
//! is counted as lost and shown as U+FFFD.

use super::Report;
use super::mojibake::Judge;
use crate::decode::is_cjk;
use crate::text::MappedText;
use std::collections::{BTreeMap, BTreeSet};

const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || TONED.contains(c) || c == 'ü' || c == 'ê'
}

fn is_open(c: char) -> bool {
    c == '(' || c == '\u{FF08}'
}

fn is_close(c: char) -> bool {
    c == ')' || c == '\u{FF09}'
}

/// A syllable of pinyin written without tone marks (`jian`, `ban`, `zhuang`): an optional
/// initial, vowels, an optional nasal or 儿 ending.
fn is_plain_syllable(s: &str) -> bool {
    static SYLLABLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new("^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv]{1,3}(?:ng|n|r)?$")
            .expect("syllable regex")
    });
    SYLLABLE.is_match(s)
}

/// A reading starting at `i` and closed by `)`: its letters and the index of `)`. It carries
/// a tone mark, or (`plain`: the document glosses without tones throughout) is a syllable.
fn reading_in(chars: &[char], i: usize, plain: bool) -> Option<(String, usize)> {
    let mut j = i;
    let mut toned = false;
    while j < chars.len() && j - i <= 7 && is_pinyin_letter(chars[j]) {
        toned |= TONED.contains(chars[j]);
        j += 1;
    }
    if j == i || !chars.get(j).is_some_and(|&x| is_close(x)) {
        return None;
    }
    let letters: String = chars[i..j].iter().collect();
    (toned || (plain && is_plain_syllable(&letters))).then_some((letters, j))
}

/// [`reading_in`] of a toned reading.
fn reading_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    reading_in(chars, i, false)
}

/// Glosses without tone marks after this many characters make a document glossed that way
/// (a converter's output: `建(jian)议(yi)`); fewer may be abbreviations in brackets.
const PLAIN_GLOSSES: usize = 5;

fn is_toned(c: char) -> bool {
    TONED.contains(c)
}

fn is_lost_mark(c: char) -> bool {
    c == '?' || c == '\u{FFFD}'
}

/// Removes annotations and restores or counts the characters damaged ones lost.
pub fn repair(text: MappedText, judge: &Judge, report: &mut Report) -> MappedText {
    // The characters alone (4 bytes each): origins are read from `text` where needed.
    let chars: Vec<char> = text.as_str().chars().collect();
    // The document's own dictionary of readings.
    let glossed_plain = (1..chars.len())
        .filter(|&i| {
            is_cjk(chars[i - 1])
                && is_open(chars[i])
                && reading_in(&chars, i + 1, true).is_some_and(|(r, _)| !r.contains(is_toned))
        })
        .take(PLAIN_GLOSSES)
        .count();
    let plain = glossed_plain >= PLAIN_GLOSSES;
    let mut readings: BTreeMap<String, BTreeSet<char>> = BTreeMap::new();
    for i in 1..chars.len() {
        if is_cjk(chars[i - 1])
            && is_open(chars[i])
            && let Some((r, _)) = reading_in(&chars, i + 1, plain)
        {
            readings.entry(r).or_default().insert(chars[i - 1]);
        }
    }
    if readings.is_empty() && !chars.iter().any(|&x| is_lost_mark(x)) {
        return text;
    }
    let mut out = MappedText::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Intact: 字(zì), or glossed more than once: 件(jian)(jian).
        if i > 0
            && is_cjk(chars[i - 1])
            && is_open(c)
            && let Some((_, close)) = reading_in(&chars, i + 1, plain)
        {
            *report.repairs.entry("pinyin_annotation").or_default() += 1;
            i = close + 1;
            while chars.get(i).is_some_and(|&x| is_open(x))
                && let Some((_, close)) = reading_in(&chars, i + 1, plain)
            {
                i = close + 1;
            }
            continue;
        }
        // Damaged: ?xiàng) — the character and "(" are gone.
        if is_lost_mark(c) && !readings.is_empty() {
            let marks = chars[i..].iter().take_while(|&&x| is_lost_mark(x)).count();
            if let Some((reading, close)) = reading_at(&chars, i + marks) {
                let prev: String = out
                    .as_str()
                    .chars()
                    .last()
                    .map(String::from)
                    .unwrap_or_default();
                let mut next_at = close + 1;
                // A stray letter left from the next annotation ("l條").
                if chars.get(next_at).is_some_and(|x| x.is_ascii_lowercase())
                    && chars.get(next_at + 1).is_some_and(|&x| is_cjk(x))
                {
                    next_at += 1;
                }
                let next: String = chars
                    .get(next_at)
                    .map(|x| x.to_string())
                    .unwrap_or_default();
                let fits: Vec<char> = readings
                    .get(&reading)
                    .map(|set| {
                        set.iter()
                            .copied()
                            .filter(|&cand| {
                                judge.is_word(&format!("{prev}{cand}"))
                                    || judge.is_word(&format!("{cand}{next}"))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                // Marks before the one that stood for this character stand for lost ones.
                for k in 0..marks - 1 {
                    out.push('\u{FFFD}', text.origin(i + k), true);
                    report.lost += 1;
                }
                if fits.len() == 1 {
                    out.push(fits[0], text.origin(i + marks - 1), true);
                    *report.repairs.entry("pinyin_restored").or_default() += 1;
                } else {
                    out.push('\u{FFFD}', text.origin(i + marks - 1), true);
                    report.lost += 1;
                    *report.repairs.entry("pinyin_damaged").or_default() += 1;
                }
                i = next_at;
                continue;
            }
            // "??h和": marks and a stray fragment of a reading between characters.
            let letters = chars[i + marks..]
                .iter()
                .take_while(|x| x.is_ascii_lowercase())
                .count();
            let after = chars.get(i + marks + letters).copied();
            if marks >= 1
                && letters <= 3
                && after.is_some_and(is_cjk)
                && (letters > 0 || marks >= 2)
            {
                for k in 0..marks {
                    out.push('\u{FFFD}', text.origin(i + k), true);
                }
                report.lost += marks;
                *report.repairs.entry("pinyin_damaged").or_default() += 1;
                i += marks + letters;
                continue;
            }
            // Neither reading fits: nor would it at any later mark of this run (both look at
            // what follows the whole run), so the run is copied at once; one mark at a time
            // would recount the run from each mark, quadratic in its length.
            for (k, &c) in chars.iter().enumerate().skip(i).take(marks) {
                out.push(c, text.origin(k), text.touched(k));
            }
            i += marks;
            continue;
        }
        out.push(chars[i], text.origin(i), text.touched(i));
        i += 1;
    }
    out
}
