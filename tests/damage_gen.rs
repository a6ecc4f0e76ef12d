//! The damage generator shared by the damage tests and `examples/damage.rs`: a wrong codec
//! applied to a text, alternate lines or the whole document, with either replacement behaviour.
//!
//! - [`Style::EncodingRs`]: encoding_rs (the WHATWG decoders): an invalid pair is one U+FFFD,
//!   and the second byte is read again only when it is ASCII; GBK's user-defined areas decode
//!   to private-use characters.
//! - [`Style::Python`]: Python's codecs with `errors="replace"`: one U+FFFD for each byte that
//!   starts no valid character, and the bytes after it read again. Python's `gbk` and `big5`
//!   tables are approximated by encoding_rs's without the private-use and HKSCS parts.
//! - [`Style::Iconv`]: `iconv -c` (glibc), which drops each byte that starts no valid
//!   character and reads the next again: the Python reading with nothing left in its place.
//!   For Windows-1252 targets it reads as encoding_rs does.

#![allow(dead_code)]

use encoding_rs::{BIG5, Encoding, GBK, UTF_8, WINDOWS_1252};

/// How the wrong decoder replaces what it cannot read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// encoding_rs / WHATWG.
    EncodingRs,
    /// Python `errors="replace"`.
    Python,
    /// `iconv -c`: bad bytes dropped.
    Iconv,
}

/// Which lines are damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every other non-ASCII line (a document damaged in part).
    Alternate,
    /// The whole text through the wrong codec at once, line breaks included.
    Whole,
}

/// Kinds of damage the generator makes.
pub const KINDS: [&str; 6] = [
    "gbk_as_latin1",
    "double_utf8",
    "utf8_as_gbk",
    "big5_as_gbk",
    "gbk_as_big5",
    "markup",
];

/// One character of a two-byte table, as Python's codec would read `pair`.
fn python_pair(pair: [u8; 2], enc: &'static Encoding) -> Option<char> {
    let t = enc.decode_without_bom_handling_and_without_replacement(&pair)?;
    let mut chars = t.chars();
    let c = chars.next()?;
    if chars.next().is_some() || c.is_ascii() || ('\u{E000}'..='\u{F8FF}').contains(&c) {
        return None;
    }
    // Python's big5 is Big5 proper: no HKSCS leads.
    if enc == BIG5 && !(0xA1..=0xF9).contains(&pair[0]) {
        return None;
    }
    Some(c)
}

/// Decodes `bytes` of a two-byte codec as Python does with `errors="replace"` (`lost` is
/// U+FFFD), or as `iconv -c` does (`lost` is `None`: the byte is dropped).
fn python_decode(bytes: &[u8], enc: &'static Encoding, lost: Option<char>) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            out.push(b as char);
            i += 1;
            continue;
        }
        match bytes.get(i + 1).and_then(|&t| python_pair([b, t], enc)) {
            Some(c) => {
                out.push(c);
                i += 2;
            }
            None => {
                out.extend(lost);
                i += 1;
            }
        }
    }
    out
}

/// Bytes of `s` in `from`, read back as `to` (what a wrong codec does).
pub fn misread(s: &str, from: &'static Encoding, to: &'static Encoding, style: Style) -> String {
    let (bytes, _, _) = from.encode(s);
    if style != Style::EncodingRs && (to == GBK || to == BIG5) {
        let lost = (style == Style::Python).then_some('\u{FFFD}');
        return python_decode(&bytes, to, lost);
    }
    to.decode_without_bom_handling(&bytes).0.into_owned()
}

/// HTML left in text: paragraphs in <p>, every tenth CJK character as a numeric entity.
pub fn markup(line: &str) -> String {
    let body: String = line
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 10 == 3 && banli::decode::is_cjk(c) {
                format!("&#{};", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    format!("<p>{body}&nbsp;</p>")
}

/// Applies `f` to every other line that has non-ASCII text.
fn alternate(text: &str, f: &dyn Fn(&str) -> String) -> String {
    let mut n = 0;
    let several = text.lines().count() > 1;
    text.split_inclusive('\n')
        .map(|line| {
            let body = line.trim_end_matches('\n');
            if body.is_ascii() {
                return line.to_string();
            }
            n += 1;
            if n % 2 == 0 && several {
                return line.to_string();
            }
            format!("{}{}", f(body), &line[body.len()..])
        })
        .collect()
}

/// The text a kind of damage starts from: traditional script for Big5 (a Big5 page is written
/// in it), `text` itself otherwise.
pub fn source(text: &str, kind: &str) -> String {
    static CC: std::sync::LazyLock<Option<banli::script::Converters>> =
        std::sync::LazyLock::new(|| banli::script::Converters::new().ok());
    match (kind, CC.as_ref()) {
        ("big5_as_gbk", Some(cc)) => cc.to_traditional(text),
        _ => text.to_string(),
    }
}

/// Damages [`source`]`(text, kind)` with `kind` (one of [`KINDS`]); `None` for an unknown kind.
pub fn damage(text: &str, kind: &str, mode: Mode, style: Style) -> Option<String> {
    let f: Box<dyn Fn(&str) -> String> = match kind {
        "gbk_as_latin1" => Box::new(move |l| misread(l, GBK, WINDOWS_1252, style)),
        "double_utf8" => Box::new(move |l| misread(l, UTF_8, WINDOWS_1252, style)),
        "utf8_as_gbk" => Box::new(move |l| misread(l, UTF_8, GBK, style)),
        "big5_as_gbk" => Box::new(move |l| misread(l, BIG5, GBK, style)),
        "gbk_as_big5" => Box::new(move |l| misread(l, GBK, BIG5, style)),
        "markup" => Box::new(markup),
        _ => return None,
    };
    let text = &source(text, kind);
    Some(match mode {
        Mode::Alternate => alternate(text, &f),
        Mode::Whole if kind == "markup" => text
            .split_inclusive('\n')
            .map(|l| {
                let body = l.trim_end_matches('\n');
                format!("{}{}", f(body), &l[body.len()..])
            })
            .collect(),
        Mode::Whole => f(text),
    })
}
