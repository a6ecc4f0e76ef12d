//! Stage 2: bytes to text.
//!
//! Order: byte-order mark, then (HTML only) the declared `<meta charset>`, then UTF-16 shown by
//! NUL bytes in every other position, then UTF-8 (strict, or with a few bad bytes or a cut-off
//! last character, which is a lossy UTF-8 reading with a warning), then BOM-less UTF-16 without
//! NULs only on positive evidence (nearly every code unit a CJK ideograph, CJK punctuation or a
//! full-width form), then chardetng over the first kilobyte. A lossy decode is a value with a
//! quality signal ([`Decoded::replaced`]), not an error; only input that is no text at all
//! (binary data, or mostly replacement characters) is refused.

pub mod html;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// Decoded text and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// Name of the encoding used (`UTF-8`, `GBK`, `Big5`, `UTF-16LE` …).
    pub encoding: &'static str,
    /// How the encoding was chosen: `bom`, `meta`, `utf8`, `utf8-lossy`, `utf16-heuristic` or
    /// `detected`.
    pub method: &'static str,
    /// Number of U+FFFD replacement characters the decoder had to insert.
    pub replaced: usize,
}

/// How many bytes chardetng looks at.
const SNIFF_BYTES: usize = 1024;

/// [`decode`] of bytes the caller gives up: valid UTF-8 without a byte-order mark becomes the
/// text without a copy (a large file is not held twice).
pub fn decode_owned(bytes: Vec<u8>, html: bool) -> Result<Decoded, String> {
    decode_cow(Cow::Owned(bytes), html)
}

/// Decodes `bytes`; `html` enables the `<meta charset>` step.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded, String> {
    decode_cow(Cow::Borrowed(bytes), html)
}

/// The steps of [`decode`], over bytes borrowed or given up.
fn decode_cow(bytes: Cow<[u8]>, html: bool) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        return finish(enc, &bytes[bom_len..], "bom");
    }
    if html && let Some(enc) = meta_charset(&bytes) {
        return finish(enc, &bytes, "meta");
    }
    if let Some(enc) = utf16_by_nuls(&bytes) {
        return finish(enc, &bytes, "utf16-heuristic");
    }
    let bytes = match utf8_text(bytes) {
        Ok(text) if looks_binary(text.as_bytes()) => return Err(binary_message(text.as_bytes())),
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: UTF_8.name(),
                method: "utf8",
                replaced: 0,
            });
        }
        Err(bytes) => bytes,
    };
    let bytes: &[u8] = &bytes;
    if mostly_utf8(bytes) && !looks_binary(bytes) {
        return finish(UTF_8, bytes, "utf8-lossy");
    }
    if utf16le_by_units(bytes) {
        return finish(UTF_16LE, bytes, "utf16-heuristic");
    }
    if looks_binary(bytes) {
        return Err(binary_message(bytes));
    }
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(SNIFF_BYTES)];
    det.feed(prefix, prefix.len() == bytes.len());
    let enc = det.guess(None, Utf8Detection::Allow);
    finish(enc, bytes, "detected")
}

fn finish(enc: &'static Encoding, bytes: &[u8], method: &'static str) -> Result<Decoded, String> {
    let (text, _had_errors) = enc.decode_without_bom_handling(bytes);
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let chars = text.chars().count().max(1);
    if replaced * 4 > chars {
        return Err(format!(
            "not text in any known encoding: best guess {} replaced {replaced} of {chars} characters",
            enc.name()
        ));
    }
    let control = text
        .chars()
        // C0 controls only: C1 (U+0080-U+009F) shows up in mojibake the repair stage mends.
        .filter(|&c| (c < ' ' || c == '\u{7f}') && !c.is_whitespace())
        .count();
    // C1 controls appear in mojibake, but text made mostly of them is no text.
    let c1 = text
        .chars()
        .filter(|&c| ('\u{80}'..='\u{9f}').contains(&c))
        .count();
    if control * 10 > chars || (control + c1) * 10 > chars * 3 {
        return Err(format!(
            "not text in any known encoding: as {} it is {control} control characters of {chars}",
            enc.name()
        ));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        method,
        replaced,
    })
}

fn binary_message(bytes: &[u8]) -> String {
    format!(
        "binary data, not text ({} of the first {} bytes are control bytes)",
        bytes
            .iter()
            .take(4096)
            .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
            .count(),
        bytes.len().min(4096)
    )
}

/// More than 10 % control bytes (other than whitespace) in the first 4 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if head.is_empty() {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 10 > head.len()
}

/// UTF-16 without a BOM whose text has ASCII in it (digits, Latin letters, line breaks) shows as
/// NUL bytes in every other position, and on one side only.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 5 > pairs && even_nul * 20 < pairs {
        return Some(UTF_16LE);
    }
    if even_nul * 5 > pairs && odd_nul * 20 < pairs {
        return Some(UTF_16BE);
    }
    None
}

/// UTF-8 with a few damaged bytes: the valid multi-byte sequences outnumber the invalid ones at
/// least 20 to 1, or the only flaw is a last character cut short (a truncated download).
/// Legacy double-byte text (GBK, Big5) forms valid two-byte UTF-8 sequences by chance, but
/// almost never three-byte ones, and fails on most of its characters.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let mut invalid = 0usize;
    let mut long_seqs = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                long_seqs += s.chars().filter(|c| c.len_utf8() >= 3).count();
                break;
            }
            Err(e) => {
                let good = &rest[..e.valid_up_to()];
                // Safe: `valid_up_to` bytes are valid UTF-8.
                let good = std::str::from_utf8(good).unwrap_or_default();
                long_seqs += good.chars().filter(|c| c.len_utf8() >= 3).count();
                match e.error_len() {
                    // Cut short at the end: truncation, not another encoding.
                    None => return invalid == 0 || long_seqs >= 20 * (invalid + 1),
                    Some(n) => {
                        invalid += 1;
                        rest = &rest[e.valid_up_to() + n..];
                    }
                }
            }
        }
    }
    long_seqs > 0 && long_seqs >= 20 * invalid
}

/// BOM-less UTF-16LE with no ASCII at all: accepted only when it decodes without error and
/// at least 90 % of its code units are CJK ideographs, CJK punctuation, full-width forms or
/// whitespace. UTF-8 or GBK Chinese read as UTF-16LE gives Hangul, private-use and surrogate
/// units instead, far below that share.
fn utf16le_by_units(bytes: &[u8]) -> bool {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return false;
    }
    let (text, errors) = UTF_16LE.decode_without_bom_handling(bytes);
    if errors {
        return false;
    }
    let total = text.chars().count().max(1);
    let plausible = text
        .chars()
        .filter(|&c| {
            is_cjk(c)
                || c.is_whitespace()
                || ('\u{3000}'..='\u{303F}').contains(&c)
                || ('\u{FF00}'..='\u{FFEF}').contains(&c)
        })
        .count();
    plausible * 10 >= total * 9
}

/// True for CJK unified ideographs (basic block and extension A).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Finds `<meta charset=…>` or `<meta http-equiv … content="…charset=…">` in the first 4 KiB.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_'))
        {
            i += 1;
        }
        if i > start
            && let Some(enc) = Encoding::for_label(&lower[start..i])
        {
            // A page that says UTF-16 in ASCII is not UTF-16.
            if enc == UTF_16LE || enc == UTF_16BE {
                return Some(UTF_8);
            }
            return Some(enc);
        }
        from = i.max(from + pos + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The bytes as a UTF-8 string (moved when they were given up, copied when borrowed), or the
/// bytes back when they are not UTF-8.
fn utf8_text(bytes: Cow<[u8]>) -> Result<String, Cow<[u8]>> {
    match bytes {
        Cow::Owned(v) => String::from_utf8(v).map_err(|e| Cow::Owned(e.into_bytes())),
        Cow::Borrowed(b) => std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|_| Cow::Borrowed(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GB18030};

    const HAY: &str = "市人社局共受理人大代表建议8件、政协提案16件,办复率100%。";

    #[test]
    fn owned_bytes_decode_as_borrowed_ones_do() {
        let (gbk, _, _) = GB18030.encode(HAY);
        let (big5, _, _) = BIG5.encode(HAY);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(HAY.as_bytes());
        let mut cut = HAY.as_bytes().to_vec();
        cut.pop();
        let html = format!("<meta charset=\"gbk\"><p>{HAY}</p>");
        for (bytes, is_html) in [
            (HAY.as_bytes().to_vec(), false),
            (gbk.to_vec(), false),
            (big5.to_vec(), false),
            (bom, false),
            (cut, false),
            (html.into_bytes(), true),
            (vec![0u8, 1, 2, 3, 4, 5, 6, 7], false),
        ] {
            let borrowed = decode(&bytes, is_html);
            let owned = decode_owned(bytes, is_html);
            match (borrowed, owned) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.text, b.text);
                    assert_eq!((a.encoding, a.method), (b.encoding, b.method));
                }
                (Err(a), Err(b)) => assert_eq!(a, b),
                (a, b) => panic!("{:?} / {:?}", a.is_ok(), b.is_ok()),
            }
        }
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode(HAY);
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.text, HAY);
        assert_eq!(d.method, "detected");
    }

    #[test]
    fn big5_is_detected() {
        let trad = "市人社局共受理人大代表建議8件、政協提案16件,辦復率100%。";
        let (bytes, _, _) = BIG5.encode(trad);
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.text, trad);
        assert_eq!(d.encoding, "Big5");
    }

    #[test]
    fn utf16le_with_and_without_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in HAY.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, false).unwrap();
        assert_eq!((d.text.as_str(), d.method), (HAY, "bom"));
        let d = decode(&bytes[2..], false).unwrap();
        assert_eq!(d.text, HAY);
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn html_meta_charset_wins_over_detection() {
        let html = format!("<html><head><meta charset=\"gbk\"></head><body>{HAY}</body></html>");
        let (bytes, _, _) = GB18030.encode(&html);
        let d = decode(&bytes, true).unwrap();
        assert_eq!(d.method, "meta");
        assert!(d.text.contains(HAY));
    }

    #[test]
    fn binary_is_refused() {
        let bytes: Vec<u8> = (0..2000u32).map(|i| (i % 7) as u8).collect();
        assert!(decode(&bytes, false).unwrap_err().contains("binary"));
    }
}
