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

use super::docstats::DocStats;
use super::mojibake::{
    Fix, Judge, LOST, decode_char_refs, encode_with, gbk_pair_unreadable, redecode,
    repair_latin_line, utf8_with_lost_bytes,
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
/// [`choose_run`]; when it is unsure the character stays lost.
pub(super) fn redecode_lost_leads(
    s: &str,
    from: &'static Encoding,
    to: &'static Encoding,
    judge: Option<&Judge>,
    stats: Option<&DocStats>,
) -> Option<(String, usize, usize)> {
    let (bytes, _) = encode_with(s, from, true)?;
    // Read as `to` pair by pair; a lost byte where a lead belongs is a lost lead (its trail
    // follows), a lost byte after a lead is that lead's lost trail.
    let mut chars: Vec<char> = Vec::with_capacity(s.len());
    // Lost characters: (index in `chars`, candidates when the surviving byte narrows them).
    let mut holes: Vec<(usize, Vec<char>)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            chars.push(b as char);
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied();
        if b == LOST {
            // A second lost byte is the trail that made no pair either.
            let trail = next.filter(|&t| t == LOST || t >= 0x40);
            i += 1 + usize::from(trail.is_some());
            let cands = match trail {
                Some(t) if t != LOST => lead_candidates(from, to, t),
                _ => Vec::new(),
            };
            holes.push((chars.len(), cands));
            chars.push('\u{FFFD}');
            continue;
        }
        match next {
            Some(LOST) => {
                // The trail was lost: the `from` reader could not read it with the byte after.
                let after = bytes.get(i + 2).copied().filter(|&x| x != LOST);
                holes.push((chars.len(), trail_candidates(from, to, b, after)));
                chars.push('\u{FFFD}');
                i += 2;
            }
            Some(t) => {
                let pair = [b, t];
                match to.decode_without_bom_handling_and_without_replacement(&pair) {
                    Some(c) => {
                        chars.extend(c.chars());
                        i += 2;
                    }
                    None => {
                        chars.push('\u{FFFD}');
                        i += if t < 0x80 { 1 } else { 2 };
                    }
                }
            }
            None => {
                chars.push('\u{FFFD}');
                i += 1;
            }
        }
    }
    let mut restored = 0;
    if let Some(judge) = judge
        && !holes.is_empty()
    {
        // Twice: a character restored in the first pass is context for its lost neighbours.
        // At most 40 candidates each, the most frequent in jieba's dictionary (a lost trail
        // leaves up to 94), to keep the beam small.
        let mut open: Vec<(usize, Vec<char>)> =
            holes.into_iter().filter(|(_, c)| !c.is_empty()).collect();
        for (_, c) in open.iter_mut().filter(|(_, c)| c.len() > 40) {
            if judge.budget.exhausted() {
                break;
            }
            judge.budget.charge(c.len());
            let freq = |x: &char| {
                let simp: Vec<char> = judge.simplified(&x.to_string()).chars().collect();
                judge.dict_freq(&simp)
            };
            c.sort_by_key(|x| std::cmp::Reverse(freq(x)));
            c.truncate(40);
        }
        for _ in 0..2 {
            let mut still = Vec::new();
            let mut k = 0;
            while k < open.len() {
                if judge.budget.exhausted() {
                    // Past the budget: the rest stay lost.
                    still.extend(open[k..].iter().cloned());
                    break;
                }
                // A run of neighbouring lost characters, up to six.
                let mut e = k + 1;
                while e < open.len() && e - k < 6 && open[e].0 == open[e - 1].0 + 1 {
                    e += 1;
                }
                let cands: Vec<Vec<char>> = open[k..e].iter().map(|x| x.1.clone()).collect();
                let picks = choose_run(judge, stats, &chars, open[k].0, &cands);
                for (hole, pick) in open[k..e].iter().zip(picks) {
                    match pick {
                        Some(c) => {
                            chars[hole.0] = c;
                            restored += 1;
                        }
                        None => still.push(hole.clone()),
                    }
                }
                k = e;
            }
            open = still;
        }
    }
    let out: String = chars.into_iter().collect();
    let lost = out.chars().filter(|&c| c == '\u{FFFD}').count();
    Some((out, lost, restored))
}

/// The `to` characters (text-like) with lead byte `lead` whose trail byte a `from` reader
/// could not have read as a lead with the byte `after` it: the candidates for a character
/// whose trail byte was lost.
fn trail_candidates(
    from: &'static Encoding,
    to: &'static Encoding,
    lead: u8,
    after: Option<u8>,
) -> Vec<char> {
    // An ASCII trail would have been read as itself, not lost.
    (0x80..=0xFEu8)
        .filter(|&t| after.is_none_or(|a| unreadable(from, t, a)))
        .filter_map(|t| {
            let pair = [lead, t];
            let d = to.decode_without_bom_handling_and_without_replacement(&pair)?;
            let mut cs = d.chars();
            let c = cs.next()?;
            (cs.next().is_none() && (is_cjk(c) || is_punctuation(c))).then_some(c)
        })
        .collect()
}

/// The `to` characters (text-like) whose lead byte a `from` reader could not have read with
/// `trail`: the candidates for a character whose lead byte was lost.
fn lead_candidates(from: &'static Encoding, to: &'static Encoding, trail: u8) -> Vec<char> {
    (0x81..=0xFEu8)
        .filter(|&lead| unreadable(from, lead, trail))
        .filter_map(|lead| {
            let pair = [lead, trail];
            let t = to.decode_without_bom_handling_and_without_replacement(&pair)?;
            let mut cs = t.chars();
            let c = cs.next()?;
            (cs.next().is_none() && (is_cjk(c) || is_punctuation(c))).then_some(c)
        })
        .collect()
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

/// Total of jieba's dictionary frequencies (about 60 million), for word probabilities.
const JIEBA_TOTAL: f64 = 60_101_967.0;

/// Log-probability of the best segmentation of `chars` into jieba words (up to four
/// characters), each word by its dictionary frequency: jieba's own unigram word model.
/// Characters that are not CJK cost the same for every candidate.
fn window_logp(judge: &Judge, chars: &[char]) -> f64 {
    let unknown = (0.5 / JIEBA_TOTAL).ln();
    let mut best = vec![f64::NEG_INFINITY; chars.len() + 1];
    best[0] = 0.0;
    for i in 1..=chars.len() {
        for k in 1..=4.min(i) {
            let w = &chars[i - k..i];
            let lp = if k == 1 && is_punctuation(w[0]) {
                punctuation_p(w[0]).ln()
            } else if k == 1 {
                let f = if is_cjk(w[0]) {
                    judge.dict_freq(&w[..1])
                } else {
                    0
                };
                if f > 0 {
                    (f as f64 / JIEBA_TOTAL).ln()
                } else {
                    unknown
                }
            } else if w.iter().all(|&c| is_cjk(c)) {
                let f = judge.dict_freq(w);
                if f == 0 {
                    continue;
                }
                (f as f64 / JIEBA_TOTAL).ln()
            } else {
                continue;
            };
            best[i] = best[i].max(best[i - k] + lp);
        }
        // A number written in digits and the character after it, as one word: the
        // dictionary's words of a Chinese numeral and that character (`2022年` as `一年`,
        // `十年`, `几年`…).
        let digits = chars[..i.saturating_sub(1)]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits > 0 && is_cjk(chars[i - 1]) {
            let f = numeral_word_freq(judge, chars[i - 1]);
            if f > 0 {
                let j = i - 1 - digits;
                best[i] = best[i].max(best[j] + (f as f64 / JIEBA_TOTAL).ln());
            }
        }
    }
    best[chars.len()]
}

/// The Chinese numerals a number written in digits may be read as, for [`numeral_word_freq`]:
/// the digits, the round units (十百千万) and the two numerals of counting (两, and 几
/// for "some").
const NUMERALS: [char; 15] = [
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '两', '几',
];

/// Total dictionary frequency of the words made of a Chinese numeral and `c` (`一年`, `两件`):
/// how likely `c` is to follow a number.
pub(super) fn numeral_word_freq(judge: &Judge, c: char) -> usize {
    NUMERALS.iter().map(|&n| judge.dict_freq(&[n, c])).sum()
}

/// Probability of a punctuation mark (jieba's dictionary has none): rough shares of the marks
/// of Chinese official prose; the others are rare.
fn punctuation_p(c: char) -> f64 {
    match c {
        '，' => 0.05,
        '。' => 0.03,
        '、' => 0.02,
        '“' | '”' | '：' | '；' | '（' | '）' | '《' | '》' => 0.004,
        _ => 1e-6,
    }
}

/// Full-width and general punctuation of Chinese text.
fn is_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2010}'..='\u{2027}')
}

/// Least margin, in natural log, by which the best candidate must beat the best reading
/// without it (twenty times as likely) before it is taken.
const MARGIN: f64 = 3.0;

/// Beam width when neighbouring lost characters are chosen together.
const BEAM: usize = 128;

/// The language model for a run of lost characters at `at..at + candidates.len()`: each
/// assignment of candidates is put between its neighbours (four characters each side, in
/// simplified script) and the window scored by [`window_logp`], plus ln(1 + n) for each
/// restored character the document pairs n times with the same neighbours elsewhere
/// ([`DocStats::score`]). Neighbouring lost characters are chosen together (a beam search),
/// so `人大代表` is found even when all four were lost. A character is taken when the best
/// assignment is at least twenty times as likely as the best one that differs there;
/// otherwise it stays lost.
pub(super) fn choose_run(
    judge: &Judge,
    stats: Option<&DocStats>,
    chars: &[char],
    at: usize,
    candidates: &[Vec<char>],
) -> Vec<Option<char>> {
    let n = candidates.len();
    let from = at.saturating_sub(4);
    let to = (at + n + 4).min(chars.len());
    let score = |assigned: &[char]| {
        let mut window: Vec<char> = chars[from..to].to_vec();
        for (k, &c) in assigned.iter().enumerate() {
            window[at - from + k] = c;
        }
        let simp: Vec<char> = judge
            .simplified(&window.iter().collect::<String>())
            .chars()
            .collect();
        let mut lp = window_logp(judge, &simp);
        if let Some(st) = stats {
            for k in 0..assigned.len() {
                let i = at - from + k;
                let prev = window[..i].iter().rev().find(|c| !c.is_whitespace());
                let next = window[i + 1..].iter().find(|c| !c.is_whitespace());
                let own = st.score(*prev.unwrap_or(&' '), window[i], *next.unwrap_or(&' '));
                lp += (1.0 + own as f64).ln();
            }
        }
        lp
    };
    let mut beam: Vec<(f64, Vec<char>)> = vec![(0.0, Vec::new())];
    for cands in candidates {
        let mut next: Vec<(f64, Vec<char>)> = Vec::new();
        for (_, state) in &beam {
            judge.budget.charge(cands.len());
            for &c in cands {
                let mut s2 = state.clone();
                s2.push(c);
                next.push((score(&s2), s2));
            }
        }
        next.sort_by(|a, b| b.0.total_cmp(&a.0));
        next.truncate(BEAM);
        beam = next;
    }
    let Some((best_lp, best)) = beam.first().cloned() else {
        return vec![None; n];
    };
    (0..n)
        .map(|k| {
            let rival = beam
                .iter()
                .filter(|(_, a)| a[k] != best[k])
                .map(|x| x.0)
                .fold(f64::NEG_INFINITY, f64::max);
            (best_lp - rival >= MARGIN).then_some(best[k])
        })
        .collect()
}

/// `s` read the way `r` says, without restoring anything: (text, characters lost).
///
/// Text misread as a whole came out of the wrong decoder character by character: every
/// character of it encodes back (a line that does not was never misread that way).
pub(super) fn reread(r: Reading, s: &str) -> Option<(String, usize)> {
    match r {
        Reading::Utf8AsGbk | Reading::GbkAsBig5Pairs => {
            encode_with(s, if r == Reading::Utf8AsGbk { GBK } else { BIG5 }, true)?;
        }
        _ => {}
    }
    match r {
        Reading::Utf8AsGbk => redecode(s, GBK, UTF_8),
        Reading::Big5AsGbk => redecode_lost_leads(s, GBK, BIG5, None, None).map(|r| (r.0, r.1)),
        Reading::GbkAsBig5Pairs => redecode(s, BIG5, GBK),
        Reading::GbkAsBig5Leads => {
            redecode_lost_leads(s, BIG5, GBK, None, None).map(|r| (r.0, r.1))
        }
        Reading::GbkAsLatin1 => redecode(s, WINDOWS_1252, GBK),
        Reading::DoubleUtf8 => redecode(s, WINDOWS_1252, UTF_8),
    }
}

/// Characters of the sample the diagnosis reads (a large file is judged by its beginning).
const SAMPLE_CHARS: usize = 6000;

/// True when the sample reads as ordinary text that no mix-up made: common characters only,
/// no symbol-row characters, no Latin letters among the hanzi, nothing lost. Typographic
/// punctuation (“”, —, …) is ordinary Chinese punctuation, no sign of Windows-1252: the
/// Latin mix-ups fill a text with accented letters (`ÕþÐ­Ìá°¸`, `æ”¿å`).
fn looks_clean(sample: &str, judge: &Judge) -> bool {
    let cjk = sample.chars().filter(|&c| is_cjk(c)).count();
    let level1 = sample
        .chars()
        .filter(|&c| is_cjk(c) && judge.is_common(c))
        .count();
    let accented = sample
        .chars()
        .filter(|&c| matches!(c, 'À'..='ÿ') && c != '×' && c != '÷')
        .count();
    let odd = accented >= 2
        || sample.chars().any(|c| {
            c == '\u{FFFD}'
                || matches!(c, '\u{80}'..='\u{9F}' | '\u{3040}'..='\u{30FF}' | '\u{0370}'..='\u{04FF}' | '\u{2500}'..='\u{257F}' | '\u{3100}'..='\u{312F}' | '\u{E000}'..='\u{F8FF}')
        });
    cjk > 0 && level1 * 20 >= cjk * 19 && !odd && !sample.contains("锟斤拷")
}

/// The mix-up the whole document went through, when one clearly did.
///
/// Confident means: the re-read sample scores at least 0.6 and at least 0.3 above the text as
/// it stands and holds at least 20 CJK characters, with no more U+FFFD than CJK characters
/// (Python's decoders lose up to a third of a Big5 text read as GBK).
pub fn diagnose(lines: &[&str], judge: &Judge) -> Option<Reading> {
    let mut sample = String::new();
    for l in lines.iter().filter(|l| !l.is_ascii()) {
        if sample.chars().count() >= SAMPLE_CHARS {
            break;
        }
        sample.push_str(l);
        sample.push('\n');
    }
    if sample.is_empty() || looks_clean(&sample, judge) {
        return None;
    }
    let before = judge.chinese_score(&decode_char_refs(&sample));
    // A score is a share, at most 1: text that already reads this well leaves no reading
    // room to beat it by the margin, so none is tried (most traditional-script reports).
    if before + 0.3 > 1.0 {
        return None;
    }
    let mut best: Option<(Reading, f64)> = None;
    for r in READINGS {
        let Some((mut t, lost)) = reread(r, &sample) else {
            continue;
        };
        // A reading that loses lead bytes (Python's, up to a third of the characters) breaks
        // the words around each loss: it is judged with its lost characters chosen by the
        // language model, as its repair would have them.
        let leads = match r {
            Reading::Big5AsGbk => Some((GBK, BIG5)),
            Reading::GbkAsBig5Leads => Some((BIG5, GBK)),
            _ => None,
        };
        if let Some((from, to)) = leads
            && lost > 0
            && let Some((restored, _, _)) =
                redecode_lost_leads(&sample, from, to, Some(judge), None)
        {
            t = restored;
        }
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
///
/// `stats` are the document's character pairs, for choosing lost characters.
pub(super) fn repair_as(
    r: Reading,
    s: &str,
    judge: &Judge,
    stats: Option<&DocStats>,
) -> Option<(String, Fix)> {
    let (t, lost, restored) = match r {
        Reading::Utf8AsGbk => utf8_with_lost_bytes(s, judge, None)?,
        Reading::GbkAsLatin1 | Reading::DoubleUtf8 => {
            let (t, f) = repair_latin_line(s, judge)?;
            if f.kind != r.line_kind() {
                return None;
            }
            (t, f.lost, f.restored)
        }
        Reading::Big5AsGbk => redecode_lost_leads(s, GBK, BIG5, Some(judge), stats)?,
        Reading::GbkAsBig5Leads => redecode_lost_leads(s, BIG5, GBK, Some(judge), stats)?,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::Converters;
    use crate::segment::Segmenter;

    /// The heavy objects a judge borrows.
    fn parts() -> (Segmenter, Converters, crate::repair::budget::Budget) {
        (
            Segmenter::new(),
            Converters::new().expect("opencc"),
            crate::repair::budget::Budget::unlimited(),
        )
    }

    #[test]
    fn a_number_in_digits_makes_a_unit_after_it_likely() {
        let (segmenter, converters, budget) = parts();
        let judge = Judge::new(&converters, &segmenter, &budget);
        let with = |c: char| window_logp(&judge, &['2', '0', '1', '9', c, '，', '全']);
        // Alone, jieba prefers 才 five times less than 年; after a number, by far more.
        assert!(with('年') - with('才') >= MARGIN);
        assert!(with('件') - with('他') >= MARGIN);
    }

    #[test]
    fn quotes_dashes_and_traditional_script_look_clean_and_latin_mixups_do_not() {
        let (segmenter, converters, budget) = parts();
        let judge = Judge::new(&converters, &segmenter, &budget);
        assert!(looks_clean(
            "今年共办理“两会”建议提案30件——均已按时办结……\n",
            &judge
        ));
        assert!(looks_clean(
            "今年共辦理人大代表建議30件,均已按時辦結。\n",
            &judge
        ));
        // GBK bytes read as Windows-1252, UTF-8 read twice, UTF-8 read as GBK.
        assert!(!looks_clean("½ñÄê¹²°ìÀí½¨Òé30¼þ\n", &judge));
        assert!(!looks_clean("ä»Šå¹´å…±åŠžç\u{90}†å»ºè®®30ä»¶\n", &judge));
        assert!(!looks_clean("浠婂勾鍏卞姙鐞嗗缓璁?0浠?\n", &judge));
    }
}
