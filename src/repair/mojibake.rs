//! Chinese mojibake: text whose bytes went through the wrong codec once (or twice), judged line
//! by line and repaired only when the re-decoded text reads clearly more like Chinese.
//!
//! | kind | what happened | undone by |
//! |---|---|---|
//! | `gbk_as_latin1` | GBK bytes shown as Windows-1252 and saved (`ÕþÐ­Ìá°¸`) | Windows-1252 → bytes → GBK |
//! | `double_utf8` | UTF-8 bytes shown as Windows-1252 and saved (`æ”¿å`) | Windows-1252 → bytes → UTF-8 |
//! | `utf8_as_gbk` | UTF-8 bytes shown as GBK and saved (`鏀垮崗鎻愭`, `锟斤拷`) | GBK → bytes → UTF-8; bytes a `?` swallowed are lost |
//! | `big5_as_gbk` | Big5 bytes shown as GBK | GBK → bytes → Big5 |
//! | `gbk_as_big5` | GBK bytes shown as Big5 | Big5 → bytes → GBK |
//!
//! The whole document is diagnosed first ([`super::diagnose`]); Latin look-alikes are repaired
//! in `latin.rs`, and the document's character statistics live in `docstats.rs`.

use super::diagnose;
use super::docstats::{DocStats, clear_winner, fill_from_document, numeral_class};
pub(super) use super::latin::repair_latin_line;
use super::memo::Memo;
use super::window::{chars_after, chars_before};
use crate::decode::is_cjk;
use crate::script::Converters;
use crate::segment::Segmenter;
use crate::text::MappedText;
use encoding_rs::{BIG5, Encoding, GBK, WINDOWS_1252};
use std::collections::HashMap;

/// What plausibility scoring needs.
pub struct Judge<'a> {
    /// For scoring traditional candidates in simplified form.
    pub converters: &'a Converters,
    /// jieba's dictionary decides what is a word.
    pub segmenter: &'a Segmenter,
    /// The document's work budget for restoring lost characters.
    pub budget: &'a super::budget::Budget,
    /// Dictionary and conversion answers already given for this document.
    memo: Memo,
}

impl<'a> Judge<'a> {
    /// A judge for one document, with its own budget and an empty memo.
    pub fn new(
        converters: &'a Converters,
        segmenter: &'a Segmenter,
        budget: &'a super::budget::Budget,
    ) -> Judge<'a> {
        Judge {
            converters,
            segmenter,
            budget,
            memo: Memo::default(),
        }
    }

    /// jieba's dictionary frequency of the word `word` spells, as written (no conversion); 0
    /// when it is no dictionary word. Remembered for the document.
    pub fn dict_freq(&self, word: &[char]) -> usize {
        self.memo.word_freq(self.segmenter, word)
    }

    /// `text` in simplified script, remembered for the document (for the short windows that
    /// lost characters are chosen in).
    pub fn simplified(&self, text: &str) -> String {
        self.memo.to_simplified(self.converters, text)
    }

    /// Share of CJK characters that sit in dictionary words of two or more characters.
    pub fn chinese_score(&self, s: &str) -> f64 {
        let simp = self.converters.to_simplified(s);
        let cjk = simp.chars().filter(|&c| is_cjk(c)).count();
        if cjk == 0 {
            return 0.0;
        }
        let in_words: usize = self
            .segmenter
            .words(&simp)
            .iter()
            .filter(|w| w.chars().count() >= 2 && w.chars().all(is_cjk))
            .map(|w| w.chars().count())
            .sum();
        in_words as f64 / cjk as f64
    }

    /// True when `c` completes a dictionary word of up to four characters with the characters
    /// before it (`before`, nearest first) or after it (`after`, nearest first).
    pub fn completes_word(&self, before: &[char], c: char, after: &[char]) -> bool {
        self.completion_freq(before, c, after) > 0
    }

    /// The dictionary frequency of the most frequent word `c` completes with its neighbours
    /// (0 when it completes none).
    pub fn completion_freq(&self, before: &[char], c: char, after: &[char]) -> usize {
        let backward = (1..=before.len()).map(|k| {
            before[..k]
                .iter()
                .rev()
                .chain(std::iter::once(&c))
                .collect::<String>()
        });
        let forward = (1..=after.len()).map(|k| {
            std::iter::once(&c)
                .chain(after[..k].iter())
                .collect::<String>()
        });
        backward
            .chain(forward)
            .filter(|w| w.chars().all(is_cjk))
            .map(|w| self.word_freq(&w))
            .max()
            .unwrap_or(0)
    }

    /// True when `s` (simplified after conversion) is one dictionary word.
    pub fn is_word(&self, s: &str) -> bool {
        self.word_freq(s) > 0
    }

    /// Dictionary frequency of `s` (simplified after conversion) as one word; 0 when it is no
    /// word of two or more characters.
    pub fn word_freq(&self, s: &str) -> usize {
        let simp: Vec<char> = self.converters.to_simplified(s).chars().collect();
        if simp.len() < 2 {
            return 0;
        }
        self.dict_freq(&simp)
    }
}

/// One accepted repair.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// Kind, as listed in the module docs.
    pub kind: &'static str,
    /// Characters known lost (replaced by U+FFFD in the repaired text).
    pub lost: usize,
    /// Characters whose lost byte was restored from the words around them.
    pub restored: usize,
}

pub(super) fn is_latin_mojibake_char(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{FF}') || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

/// A Latin look-alike other than the no-break space, which web pages use by itself.
pub(super) fn is_latin_signal(c: char) -> bool {
    c != '\u{A0}' && is_latin_mojibake_char(c)
}

/// Stands for a byte already lost: invalid in UTF-8, GBK and Big5 alike.
pub(super) const LOST: u8 = 0xFF;

/// Encodes `s` in `enc`: the bytes, and the byte positions that stand for a character already
/// lost (U+FFFD, written as `?`). `None` when a character has no encoding there.
fn encode(s: &str, enc: &'static Encoding) -> Option<(Vec<u8>, Vec<usize>)> {
    encode_with(s, enc, true)
}

/// As [`encode`]; with `strict` false a character with no encoding is written as a lost `?`.
pub(super) fn encode_with(
    s: &str,
    enc: &'static Encoding,
    strict: bool,
) -> Option<(Vec<u8>, Vec<usize>)> {
    let mut out = Vec::with_capacity(s.len() * 2);
    let mut lost = Vec::new();
    let mut buf = [0; 4];
    for c in s.chars() {
        if c == '\u{FFFD}' {
            lost.push(out.len());
            out.push(LOST);
            continue;
        }
        if (c as u32) < 0x80 {
            out.push(c as u8);
            continue;
        }
        if enc == WINDOWS_1252 && (0x80..=0xFF).contains(&(c as u32)) {
            // encoding_rs maps the 0x80-0x9F holes to U+0080-U+009F; mirror that.
            let (b, _, err) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
            out.push(if err || b.len() != 1 {
                c as u32 as u8
            } else {
                b[0]
            });
            continue;
        }
        let (b, _, err) = enc.encode(c.encode_utf8(&mut buf));
        if err {
            if strict {
                return None;
            }
            lost.push(out.len());
            out.push(LOST);
            continue;
        }
        out.extend_from_slice(&b);
    }
    Some((out, lost))
}

/// Re-decodes `s` as if its `from` bytes were really `to`: (text, characters lost).
pub(super) fn redecode(
    s: &str,
    from: &'static Encoding,
    to: &'static Encoding,
) -> Option<(String, usize)> {
    let (bytes, _) = encode_with(s, from, from == WINDOWS_1252)?;
    let (text, _) = to.decode_without_bom_handling(&bytes);
    let lost = text.chars().filter(|&c| c == '\u{FFFD}').count();
    Some((text.into_owned(), lost))
}

/// The UTF-8 sequence around lost byte `m`: (start, length, whether `m` is the lead).
fn sequence_around(bytes: &[u8], m: usize) -> Option<(usize, usize, bool)> {
    for back in 1..=3 {
        let Some(l) = m.checked_sub(back) else { break };
        let b = bytes[l];
        if b >= 0xC0 {
            let n = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            return (l + n > m).then_some((l, n, false));
        }
        if !(0x80..=0xBF).contains(&b) {
            break;
        }
    }
    let follows = bytes.get(m + 1..m + 3)?;
    follows
        .iter()
        .all(|b| (0x80..=0xBF).contains(b))
        .then_some((m, 3, true))
}

/// UTF-8 bytes read as GBK lose one byte wherever the GBK reader met a bad pair. Each lost byte
/// is tried with every value; a character is restored when exactly one choice makes a
/// dictionary word with its neighbour.
///
/// Failing a word, `freq` (character counts of the whole repaired document) decides when one
/// candidate is much more frequent than the others: a unit like 件 recurs through a report.
pub(super) fn utf8_with_lost_bytes(
    s: &str,
    judge: &Judge,
    stats: Option<&DocStats>,
) -> Option<(String, usize, usize)> {
    let (mut bytes, lost_at) = encode(s, GBK)?;
    let mut restored = 0;
    for &m in &lost_at {
        if judge.budget.exhausted() {
            break; // past the budget: the rest stay lost
        }
        let Some((start, len, lead)) = sequence_around(&bytes, m) else {
            continue;
        };
        if start + len > bytes.len() {
            continue;
        }
        let (before, prev) = chars_before(&bytes, start);
        let (after, next) = chars_after(&bytes, start + len);
        // After a number in digits, the words of a Chinese numeral and the candidate count
        // too (`12件` as `两件`, `几件`).
        let after_number = before.first().is_some_and(|c| c.is_ascii_digit());
        let word_freq = |c: char| {
            let own = judge.completion_freq(&before, c, &after);
            if after_number {
                own.max(diagnose::numeral_word_freq(judge, c))
            } else {
                own
            }
        };
        let fills: Vec<u8> = if lead {
            (0xE4..=0xE9).collect()
        } else {
            (0x80..=0xBF).collect()
        };
        let mut fits = Vec::new();
        let mut all = Vec::new();
        for f in fills {
            // The GBK reader gave up at this byte: with the byte after it, it made no pair.
            if let Some(&next) = bytes.get(m + 1)
                && next != LOST
                && !gbk_pair_unreadable(f, next)
            {
                continue;
            }
            let mut seq = bytes[start..start + len].to_vec();
            seq[m - start] = f;
            let Ok(ch) = std::str::from_utf8(&seq) else {
                continue;
            };
            let Some(c) = ch.chars().next() else { continue };
            if !is_cjk(c) && !matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}') {
                continue;
            }
            all.push((f, c));
            judge.budget.charge(1);
            let freq = word_freq(c);
            if freq > 0 {
                fits.push((f, c, freq));
            }
        }
        // One candidate completes a word, or one completes a far more common word
        // ("达到" over "达利").
        fits.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        let dominant = match fits.as_slice() {
            [one] => Some(one.0),
            [top, second, ..] if top.2 >= 20 * second.2 => Some(top.0),
            _ => None,
        };
        let fits: Vec<(u8, char)> = fits.into_iter().map(|(f, c, _)| (f, c)).collect();
        let choice = if dominant.is_some() {
            dominant
        } else if let Some(stats) = stats {
            let pool = if fits.is_empty() { &all } else { &fits };
            let mut ranked: Vec<((usize, usize), u8)> = pool
                .iter()
                .map(|&(f, c)| ((stats.score(prev, c, next), stats.count(c)), f))
                .collect();
            ranked.sort_by(|a, b| b.cmp(a));
            // Character counts break ties only for a unit after a number ("20件"), where the
            // same few characters recur.
            clear_winner(&ranked, numeral_class(prev) == '0')
        } else {
            None
        };
        if let Some(f) = choice {
            bytes[m] = f;
            restored += 1;
        }
    }
    // An unfilled lost byte goes: the broken sequence shows as one U+FFFD.
    bytes.retain(|&b| b != LOST);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let lost = text.chars().filter(|&c| c == '\u{FFFD}').count();
    Some((text, lost, restored))
}

/// True when a GBK reader starting at `lead` could not read `lead, trail` as one character:
/// no such pair, or one of the user-defined areas (private use, unknown to Python's `gbk`).
pub(super) fn gbk_pair_unreadable(lead: u8, trail: u8) -> bool {
    if lead < 0x81 || lead == 0xFF {
        return lead == 0x80 || lead == 0xFF;
    }
    match GBK.decode_without_bom_handling_and_without_replacement(&[lead, trail]) {
        Some(t) => {
            let mut cs = t.chars();
            !(cs.next()
                .is_some_and(|c| !('\u{E000}'..='\u{F8FF}').contains(&c))
                && cs.next().is_none())
        }
        None => true,
    }
}

/// GB2312 level 1: the 3,755 most common characters (GBK lead byte 0xB0-0xD7).
pub(super) fn is_gb2312_level1(c: char) -> bool {
    GB2312.get(&c).is_some_and(|&lead| lead <= 0xD7)
}

impl Judge<'_> {
    /// A common character: GB2312 level 1, or the traditional form of one ("會", "議"). Clean
    /// text in either script is almost all common; a codec mix-up yields rare characters.
    pub(super) fn is_common(&self, c: char) -> bool {
        is_gb2312_level1(c)
            || self
                .converters
                .simplified_char(c)
                .is_some_and(is_gb2312_level1)
    }
}

/// GB2312 characters (and punctuation) with their GBK lead byte, decoded once.
pub(super) static GB2312: std::sync::LazyLock<HashMap<char, u8>> = std::sync::LazyLock::new(|| {
    let mut map = HashMap::new();
    for lead in 0xA1..=0xF7u8 {
        for trail in 0xA1..=0xFEu8 {
            let bytes = [lead, trail];
            if let Some(t) = GBK.decode_without_bom_handling_and_without_replacement(&bytes)
                && let Some(c) = t.chars().next()
            {
                map.insert(c, lead);
            }
        }
    }
    map
});

/// `&#21150;` → `办`, for judging a line whose encoder wrote references for what it lacked.
pub(super) fn decode_char_refs(s: &str) -> String {
    static REF: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"&#(\d{2,7});").expect("ref regex"));
    REF.replace_all(s, |c: &regex::Captures| {
        c[1].parse::<u32>()
            .ok()
            .and_then(char::from_u32)
            .map_or_else(|| c[0].to_string(), String::from)
    })
    .into_owned()
}

/// Repairs one line, or says it needs none.
fn repair_line(s: &str, judge: &Judge) -> Option<(String, Fix)> {
    let latin = s.chars().filter(|&c| is_latin_signal(c)).count();
    let cjk = s.chars().filter(|&c| is_cjk(c)).count();
    if latin >= 2 && latin >= cjk {
        return repair_latin_line(s, judge);
    }
    if cjk < 4 {
        return None;
    }
    // Cheap gate: ordinary text is almost all common characters (GB2312 level 1, or their
    // traditional forms); only other lines are worth scoring.
    let level1 = s
        .chars()
        .filter(|&c| is_cjk(c) && judge.is_common(c))
        .count();
    // Kana, Greek, Cyrillic, bopomofo or box drawing beside hanzi come from GBK's symbol rows:
    // a sign of a wrong codec.
    let symbols = s.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30FF}' | '\u{0370}'..='\u{04FF}' | '\u{2500}'..='\u{257F}' | '\u{3100}'..='\u{312F}')
    });
    if level1 * 10 >= cjk * 9 && !symbols && !s.contains("锟斤拷") {
        return None;
    }
    let before = judge.chinese_score(&decode_char_refs(s));
    if before >= 0.45 && !s.contains("锟斤拷") {
        return None;
    }
    let mut best: Option<(String, Fix, f64)> = None;
    let mut consider = |t: String, fix: Fix| {
        let n = t.chars().count().max(1);
        if fix.lost * 4 > n {
            return;
        }
        let after = judge.chinese_score(&decode_char_refs(&t));
        if after >= 0.5 && after >= before + 0.25 && best.as_ref().is_none_or(|b| after > b.2) {
            best = Some((t, fix, after));
        }
    };
    if let Some((t, lost, restored)) = utf8_with_lost_bytes(s, judge, None) {
        consider(
            t,
            Fix {
                kind: "utf8_as_gbk",
                lost,
                restored,
            },
        );
    }
    // Reading a U+FFFD as a lost lead byte (Python) here made more wrong repairs than right
    // on single lines: only the document's diagnosis ([`diagnose`]) reads it so.
    for (from, to, kind) in [(GBK, BIG5, "big5_as_gbk"), (BIG5, GBK, "gbk_as_big5")] {
        if let Some((t, lost)) = redecode(s, from, to) {
            consider(
                t,
                Fix {
                    kind,
                    lost,
                    restored: 0,
                },
            );
        }
    }
    best.map(|(t, f, _)| (t, f))
}

/// Repairs every damaged line of `text`; returns the text and the fixes applied.
pub fn repair(text: MappedText, judge: &Judge) -> (MappedText, Vec<Fix>) {
    // Each line's text without its line end; the characters with their origins are read
    // again line by line when the output is built (never all at once: a large file).
    let bodies: Vec<&str> = text
        .as_str()
        .split_inclusive('\n')
        .map(|l| l.strip_suffix('\n').unwrap_or(l))
        .collect();
    // One diagnosis for the whole text first; lines it does not fit are judged by themselves.
    let reading = diagnose::diagnose(&bodies, judge);
    // The document's character pairs as the diagnosis reads it, for its lost characters.
    let doc_stats = reading.map(|r| {
        let mut stats = DocStats::default();
        for s in &bodies {
            match diagnose::reread(r, s) {
                Some((t, _)) => stats.add(&t),
                None => stats.add(s),
            }
        }
        stats
    });
    let mut decided: Vec<Option<(String, Fix)>> = bodies
        .iter()
        .map(|s| {
            if s.is_ascii() {
                None
            } else if let Some(r) = reading {
                diagnose::repair_as(r, s, judge, doc_stats.as_ref())
                    .or_else(|| repair_line(s, judge))
            } else {
                repair_line(s, judge)
            }
        })
        .collect();
    // Second pass for lines that lost bytes: the document's own character counts.
    if decided
        .iter()
        .flatten()
        .any(|(_, f)| f.kind.starts_with("utf8_as_gbk") && f.lost > 0)
    {
        let mut stats = DocStats::default();
        for (s, d) in bodies.iter().zip(&decided) {
            stats.add(d.as_ref().map_or(*s, |x| x.0.as_str()));
        }
        for (s, d) in bodies.iter().zip(decided.iter_mut()) {
            if let Some((t, f)) = d
                && f.kind.starts_with("utf8_as_gbk")
                && f.lost > 0
                && let Some((t2, lost, restored)) = utf8_with_lost_bytes(s, judge, Some(&stats))
            {
                *t = t2;
                f.lost = lost;
                f.restored = restored;
            }
        }
    }
    // Characters still lost: the document's own vocabulary, words and neighbours decide.
    if decided.iter().flatten().any(|(_, f)| f.lost > 0) {
        let mut stats = DocStats::default();
        for (s, d) in bodies.iter().zip(&decided) {
            stats.add(d.as_ref().map_or(*s, |x| x.0.as_str()));
        }
        for (t, f) in decided.iter_mut().flatten() {
            // Big5/GBK lines repaired under the document's diagnosis had their lost
            // characters chosen among their own candidates by the language model of
            // `diagnose::choose_run`; no other filling for them.
            if f.lost > 0 && !(f.kind.ends_with(":doc") && f.kind.contains("big5")) {
                let (filled, n) = fill_from_document(t, judge, &stats);
                *t = filled;
                f.lost -= n.min(f.lost);
                f.restored += n;
            }
        }
    }
    if decided.iter().all(Option::is_none) {
        return (text, Vec::new());
    }
    let mut out = MappedText::with_capacity(text.len());
    let mut fixes = Vec::new();
    let mut chars = text.iter();
    let mut part: Vec<(char, usize, bool)> = Vec::new();
    for (body, fixed) in bodies.iter().zip(decided) {
        part.clear();
        part.extend(chars.by_ref().take(body.chars().count()));
        match fixed {
            Some((t, fix)) if !part.is_empty() => {
                // Aligned by byte offset where the repair re-reads bytes; otherwise the new
                // characters are spread over the old ones in order.
                let old: Vec<char> = part.iter().map(|x| x.0).collect();
                let n_new = t.chars().count().max(1);
                let aligned = super::align::origins(&old, &t, fix.kind);
                for (k, c) in t.chars().enumerate() {
                    let j = aligned
                        .as_ref()
                        .and_then(|a| a.get(k).copied())
                        .unwrap_or(k * part.len() / n_new);
                    out.push(c, part[j.min(part.len() - 1)].1, true);
                }
                fixes.push(fix);
            }
            _ => {
                for &(c, o, t) in &part {
                    out.push(c, o, t);
                }
            }
        }
        // The line end, unless the text ended without one.
        if let Some((c, o, t)) = chars.next() {
            out.push(c, o, t);
        }
    }
    (out, fixes)
}
