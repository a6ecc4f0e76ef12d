//! Where each character of a re-decoded line came from. A codec mix-up maps bytes to bytes, so
//! the repaired characters are aligned with the damaged ones by byte offset: each damaged
//! character stands for its bytes in the wrong encoding, each repaired one for its bytes in the
//! right one, and a repaired character points at the damaged character its first byte was in.
//! Evidence quoted for a fact then covers exactly the damaged characters that spell it.

use super::mojibake::encode_with;
use encoding_rs::{BIG5, Encoding, GBK, UTF_8, WINDOWS_1252};

/// The encoding a damaged line's characters stand for, and the encoding its repair reads them
/// in, by repair kind.
fn encodings(kind: &str) -> Option<(&'static Encoding, &'static Encoding)> {
    let kind = kind.split(':').next().unwrap_or(kind);
    Some(match kind {
        "gbk_as_latin1" => (WINDOWS_1252, GBK),
        "double_utf8" => (WINDOWS_1252, UTF_8),
        "utf8_as_gbk" => (GBK, UTF_8),
        "big5_as_gbk" => (GBK, BIG5),
        "gbk_as_big5" => (BIG5, GBK),
        _ => return None,
    })
}

/// Bytes `c` takes in `enc`; a lost or unencodable character counts as the width such a
/// character usually has there.
fn width(c: char, enc: &'static Encoding) -> usize {
    if c == '\u{FFFD}' {
        return if enc == UTF_8 { 3 } else { 2 };
    }
    let mut buf = [0; 4];
    encode_with(c.encode_utf8(&mut buf), enc, false).map_or(1, |(b, _)| b.len().max(1))
}

/// For each character of `new` (the repair of `old`), the index into `old` it came from; `None`
/// for a repair kind that is not a byte-for-byte re-reading.
pub fn origins(old: &[char], new: &str, kind: &str) -> Option<Vec<usize>> {
    let (from, to) = encodings(kind)?;
    if old.is_empty() {
        return None;
    }
    let old_starts: Vec<usize> = old
        .iter()
        .scan(0, |at, &c| {
            let start = *at;
            *at += width(c, from);
            Some(start)
        })
        .collect();
    let old_total = old.iter().map(|&c| width(c, from)).sum::<usize>().max(1);
    let new_widths: Vec<usize> = new.chars().map(|c| width(c, to)).collect();
    let new_total = new_widths.iter().sum::<usize>().max(1);
    let mut out = Vec::with_capacity(new_widths.len());
    let (mut at, mut j) = (0usize, 0usize);
    for w in new_widths {
        // Lost bytes make the totals differ: scale so both lines end together.
        let byte = at * old_total / new_total;
        while j + 1 < old.len() && old_starts[j + 1] <= byte {
            j += 1;
        }
        out.push(j);
        at += w;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every repaired character comes from damaged characters whose bytes spell it.
    fn check(original: &str, wrong: &'static Encoding, right: &'static Encoding, kind: &str) {
        let (bytes, _, _) = right.encode(original);
        let (damaged, _) = wrong.decode_without_bom_handling(&bytes);
        let old: Vec<char> = damaged.chars().collect();
        let o = origins(&old, original, kind).expect("aligned");
        let new: Vec<char> = original.chars().collect();
        for k in 0..new.len() {
            let end = o.get(k + 1).copied().unwrap_or(old.len());
            let span: String = old[o[k]..end].iter().collect();
            let (b, _) = encode_with(&span, wrong, false).expect("encodes");
            let (back, _) = right.decode_without_bom_handling(&b);
            assert_eq!(back, new[k].to_string(), "{kind}: char {k} from {span:?}");
        }
    }

    #[test]
    fn lossless_kinds_align_character_by_character() {
        let line = "2023年共承办建议20件,办复率100%";
        check(line, WINDOWS_1252, GBK, "gbk_as_latin1");
        check(line, WINDOWS_1252, UTF_8, "double_utf8");
        check(
            "2023年共承辦建議20件,辦復率100%",
            GBK,
            BIG5,
            "big5_as_gbk:doc",
        );
    }
}
