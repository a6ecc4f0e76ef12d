//! A diagnosis per document before any repair per line: which single codec mix-up the whole
//! text went through, if any.
//!
//! Scraped reports are usually damaged as a whole (a page decoded once with the wrong codec and
//! saved that way). Each line by itself may be too short to judge, but the whole text is not:
//! a sample of the document's non-ASCII lines is re-decoded as each mix-up would have it and
//! scored by how Chinese it reads ([`Judge::chinese_score`]). When one reading is clearly
//! Chinese and the text as it stands is not, every line is repaired that way, short lines
//! included, and the repair is reported as `KIND:doc`. Otherwise the line judge of
//! [`super::mojibake`] decides line by line (documents damaged in part).
//!
//! A U+FFFD in damaged text stands for bytes the wrong decoder could not read. Python's codecs
//! (`errors="replace"`) replace one byte and read the next again; encoding_rs replaces a pair
//! whose second byte is not ASCII. For Big5 read as GBK only the first happens (GBK accepts
//! every Big5 pair but its user-defined areas, which encoding_rs maps to private use); for GBK
//! read as Big5 both readings are tried and the diagnosis keeps the one that reads better.

use super::mojibake::{
    Fix, Judge, LOST, decode_char_refs, encode_with, gbk_pair_unreadable, is_gb2312_level1,
    is_latin_signal, redecode, repair_latin_line, utf8_with_lost_bytes,
};
use crate::decode::is_cjk;
use encoding_rs::{BIG5, Encoding, GBK, UTF_8, WINDOWS_1252};

/// One way the whole text may have been misread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// UTF-8 bytes shown as GBK; a U+FFFD is one lost byte.
    Utf8AsGbk,
    /// Big5 bytes shown as GBK; a U+FFFD is a lost lead byte, its trail read again.
    Big5AsGbk,
    /// GBK bytes shown as Big5 by encoding_rs; a U+FFFD is a lost pair.
    GbkAsBig5Pairs,
    /// GBK bytes shown as Big5 by Python; a U+FFFD is a lost lead byte.
    GbkAsBig5Leads,
    /// GBK bytes shown as Windows-1252.
    GbkAsLatin1,
    /// UTF-8 bytes shown as Windows-1252.
    DoubleUtf8,
}

const READINGS: [Reading; 6] = [
    Reading::Utf8AsGbk,
    Reading::Big5AsGbk,
    Reading::GbkAsBig5Pairs,
    Reading::GbkAsBig5Leads,
    Reading::GbkAsLatin1,
    Reading::DoubleUtf8,
];

impl Reading {
    /// The line kind this reading repairs.
    fn line_kind(self) -> &'static str {
        match self {
            Reading::Utf8AsGbk => "utf8_as_gbk",
            Reading::Big5AsGbk => "big5_as_gbk",
            Reading::GbkAsBig5Pairs | Reading::GbkAsBig5Leads => "gbk_as_big5",
            Reading::GbkAsLatin1 => "gbk_as_latin1",
            Reading::DoubleUtf8 => "double_utf8",
        }
    }

    /// The kind reported for lines repaired under the document's diagnosis.
    pub fn doc_kind(self) -> &'static str {
        match self {
            Reading::Utf8AsGbk => "utf8_as_gbk:doc",
            Reading::Big5AsGbk => "big5_as_gbk:doc",
            Reading::GbkAsBig5Pairs | Reading::GbkAsBig5Leads => "gbk_as_big5:doc",
            Reading::GbkAsLatin1 => "gbk_as_latin1:doc",
            Reading::DoubleUtf8 => "double_utf8:doc",
        }
    }
}

/// Re-decodes `s` as if its `from` bytes were `to`, where each U+FFFD stands for a lost lead
/// byte whose trail byte follows: the pair is one lost character. (text, characters lost,
/// characters restored).
///
/// With a `judge`, each lost character is chosen among the few `to` characters whose lead byte
/// the `from` reader could not have read with that trail byte, by the language model of
/// [`choose`]; when it is unsure the character stays lost.
pub(super) fn redecode_lost_leads(
    s: &str,
    from: &'static Encoding,
    to: &'static Encoding,
    judge: Option<&Judge>,
) -> Option<(String, usize, usize)> {
    let (bytes, _) = encode_with(s, from, true)?;
    let mut out = String::with_capacity(s.len());
    // Lost characters: (index in `out` in characters, trail byte when known).
    let mut holes: Vec<(usize, Option<u8>)> = Vec::new();
    let mut n_out = 0;
    let decode_part = |part: &[u8], out: &mut String, n_out: &mut usize| {
        let (t, _) = to.decode_without_bom_handling(part);
        out.push_str(&t);
        *n_out += t.chars().count();
    };
    let (mut i, mut start) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != LOST {
            i += 1;
            continue;
        }
        decode_part(&bytes[start..i], &mut out, &mut n_out);
        i += 1;
        // The trail byte of the lost pair (a second lost byte when it made no pair either).
        let trail = bytes.get(i).copied().filter(|&b| b == LOST || b >= 0x40);
        if trail.is_some() {
            i += 1;
        }
        holes.push((n_out, trail.filter(|&b| b != LOST)));
        out.push('\u{FFFD}');
        n_out += 1;
        start = i;
    }
    decode_part(&bytes[start..], &mut out, &mut n_out);
    let mut restored = 0;
    if let Some(judge) = judge
        && !holes.is_empty()
    {
        let mut chars: Vec<char> = out.chars().collect();
        for &(at, trail) in &holes {
            let Some(trail) = trail else { continue };
            let candidates: Vec<char> = (0x81..=0xFEu8)
                .filter(|&lead| unreadable(from, lead, trail))
                .filter_map(|lead| {
                    let pair = [lead, trail];
                    let t = to.decode_without_bom_handling_and_without_replacement(&pair)?;
                    let mut cs = t.chars();
                    let c = cs.next()?;
                    (cs.next().is_none() && is_cjk(c)).then_some(c)
                })
                .collect();
            if let Some(c) = choose(judge, &chars, at, &candidates) {
                chars[at] = c;
                restored += 1;
            }
        }
        out = chars.into_iter().collect();
    }
    let lost = out.chars().filter(|&c| c == '\u{FFFD}').count();
    Some((out, lost, restored))
}

/// True when a `enc` reader (Python's, with its tables) could not read `lead, trail`.
fn unreadable(enc: &'static Encoding, lead: u8, trail: u8) -> bool {
    if enc == GBK {
        return gbk_pair_unreadable(lead, trail);
    }
    // Python's big5 is Big5 proper: leads 0xA1-0xF9.
    !(0xA1..=0xF9).contains(&lead)
        || enc
            .decode_without_bom_handling_and_without_replacement(&[lead, trail])
            .is_none()
}

/// The language model for a lost character: each candidate is scored by the dictionary
/// frequency of the most frequent jieba word it completes with its neighbours (up to three
/// characters each side). A candidate is taken when it is the only one that completes a word,
/// or its word is at least twenty times as frequent as any other candidate's; otherwise the
/// character stays lost.
pub(super) fn choose(
    judge: &Judge,
    chars: &[char],
    at: usize,
    candidates: &[char],
) -> Option<char> {
    let before: Vec<char> = chars[..at].iter().rev().take(3).copied().collect();
    let after: Vec<char> = chars[at + 1..].iter().take(3).copied().collect();
    let mut scored: Vec<(usize, char)> = candidates
        .iter()
        .map(|&c| (judge.completion_freq(&before, c, &after), c))
        .filter(|x| x.0 > 0)
        .collect();
    scored.sort_by(|a, b| b.cmp(a));
    match scored.as_slice() {
        [one] => Some(one.1),
        [top, second, ..] if top.0 >= 20 * second.0 => Some(top.1),
        _ => None,
    }
}

/// `s` read the way `r` says, without restoring anything: (text, characters lost).
///
/// Text misread as a whole came out of the wrong decoder character by character: every
/// character of it encodes back (a line that does not was never misread that way).
fn reread(r: Reading, s: &str) -> Option<(String, usize)> {
    match r {
        Reading::Utf8AsGbk | Reading::GbkAsBig5Pairs => {
            encode_with(s, if r == Reading::Utf8AsGbk { GBK } else { BIG5 }, true)?;
        }
        _ => {}
    }
    match r {
        Reading::Utf8AsGbk => redecode(s, GBK, UTF_8),
        Reading::Big5AsGbk => redecode_lost_leads(s, GBK, BIG5, None).map(|r| (r.0, r.1)),
        Reading::GbkAsBig5Pairs => redecode(s, BIG5, GBK),
        Reading::GbkAsBig5Leads => redecode_lost_leads(s, BIG5, GBK, None).map(|r| (r.0, r.1)),
        Reading::GbkAsLatin1 => redecode(s, WINDOWS_1252, GBK),
        Reading::DoubleUtf8 => redecode(s, WINDOWS_1252, UTF_8),
    }
}

/// Characters of the sample the diagnosis reads (a large file is judged by its beginning).
const SAMPLE_CHARS: usize = 6000;

/// True when the sample reads as ordinary text that no mix-up made: common characters only,
/// no symbol-row characters, no Latin look-alikes, nothing lost.
fn looks_clean(sample: &str) -> bool {
    let cjk = sample.chars().filter(|&c| is_cjk(c)).count();
    let level1 = sample
        .chars()
        .filter(|&c| is_cjk(c) && is_gb2312_level1(c))
        .count();
    let odd = sample.chars().any(|c| {
        c == '\u{FFFD}'
            || is_latin_signal(c)
            || matches!(c, '\u{3040}'..='\u{30FF}' | '\u{0370}'..='\u{04FF}' | '\u{2500}'..='\u{257F}' | '\u{3100}'..='\u{312F}' | '\u{E000}'..='\u{F8FF}')
    });
    cjk > 0 && level1 * 20 >= cjk * 19 && !odd && !sample.contains("锟斤拷")
}

/// The mix-up the whole document went through, when one clearly did.
///
/// Confident means: the re-read sample scores at least 0.6 and at least 0.3 above the text as
/// it stands and holds at least 20 CJK characters, with no more U+FFFD than CJK characters
/// (Python's decoders lose up to a third of a Big5 text read as GBK).
pub fn diagnose(lines: &[String], judge: &Judge) -> Option<Reading> {
    let mut sample = String::new();
    for l in lines.iter().filter(|l| !l.is_ascii()) {
        if sample.chars().count() >= SAMPLE_CHARS {
            break;
        }
        sample.push_str(l);
        sample.push('\n');
    }
    if sample.is_empty() || looks_clean(&sample) {
        return None;
    }
    let before = judge.chinese_score(&decode_char_refs(&sample));
    let mut best: Option<(Reading, f64)> = None;
    for r in READINGS {
        let Some((t, lost)) = reread(r, &sample) else {
            continue;
        };
        let cjk = t.chars().filter(|&c| is_cjk(c)).count();
        if cjk < 20 || lost > cjk {
            continue;
        }
        let score = judge.chinese_score(&decode_char_refs(&t));
        if score >= 0.6 && score >= before + 0.3 && best.is_none_or(|b| score > b.1) {
            best = Some((r, score));
        }
    }
    best.map(|b| b.0)
}

/// Repairs one line of a document diagnosed as `r`; `None` when the line is not text of that
/// mix-up (it cannot be encoded back, or comes out mostly lost) or nothing changes.
pub fn repair_as(r: Reading, s: &str, judge: &Judge) -> Option<(String, Fix)> {
    let (t, lost, restored) = match r {
        Reading::Utf8AsGbk => utf8_with_lost_bytes(s, judge, None)?,
        Reading::GbkAsLatin1 | Reading::DoubleUtf8 => {
            let (t, f) = repair_latin_line(s, judge)?;
            if f.kind != r.line_kind() {
                return None;
            }
            (t, f.lost, f.restored)
        }
        Reading::Big5AsGbk => redecode_lost_leads(s, GBK, BIG5, Some(judge))?,
        Reading::GbkAsBig5Leads => redecode_lost_leads(s, BIG5, GBK, Some(judge))?,
        Reading::GbkAsBig5Pairs => {
            let (t, lost) = reread(r, s)?;
            (t, lost, 0)
        }
    };
    if t == s || lost * 2 > t.chars().count() {
        return None;
    }
    Some((
        t,
        Fix {
            kind: r.doc_kind(),
            lost,
            restored,
        },
    ))
}
