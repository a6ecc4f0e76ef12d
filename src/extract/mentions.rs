//! Number mentions: every number with a unit (`件`, `个`, `项`, `%`, `百分之…`, `两个百分之百`),
//! with its value and character offsets in the normalised text. A count of items written with
//! 余 or 多 ("100余件") is marked as a floor.

use super::numerals::parse_number;
use regex::Regex;
use std::sync::LazyLock;

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"(?P<group>[两二三四五六2-6])个[“"]?(?:百分之百|百分百|100\s*%)"#,
        r"|百分之(?P<pct>[零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)",
        r"|(?P<bai>百分百)",
        r"|(?P<num>\d+(?:\.\d+)?万?|[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二三四五六七八九]+)?)\s*(?P<over>余|多)?\s*(?P<unit>%|件|个|项|条)",
    ))
    .expect("mention regex")
});

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A count of items.
    Count,
    /// A percent.
    Rate,
    /// 三个百分之百: one value for every rate named before it.
    Group,
}

/// One number with its unit.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    /// First character (normalised text).
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The value.
    pub value: f64,
    /// Count, rate or group.
    pub kind: Kind,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// "100余件", "80多件": more than the number, so the number is a floor.
    pub floor: bool,
}

/// Finds the mentions in `text` (whose characters are `chars`), with char offsets.
pub fn find(chars: &[char], text: &str) -> Vec<Mention> {
    let mut byte_to_char = vec![0usize; text.len() + 1];
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        for k in 0..c.len_utf8() {
            byte_to_char[bi + k] = ci;
        }
    }
    byte_to_char[text.len()] = chars.len();
    let mut out = Vec::new();
    for caps in MENTION.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let start = byte_to_char[whole.start()];
        let end = byte_to_char[whole.end()];
        let (value, kind, chinese) = if caps.name("group").is_some() {
            (100.0, Kind::Group, true)
        } else if let Some(p) = caps.name("pct") {
            match parse_number(p.as_str()) {
                Some(v) => (v, Kind::Rate, true),
                None => continue,
            }
        } else if caps.name("bai").is_some() {
            (100.0, Kind::Rate, true)
        } else {
            let num = caps.name("num").expect("num").as_str();
            // A floor is read only for items (件); "2000余项", "90多%" stay unread as before.
            if caps.name("over").is_some() && caps.name("unit").map(|u| u.as_str()) != Some("件") {
                continue;
            }
            let chinese = !num.starts_with(|c: char| c.is_ascii_digit());
            let Some(v) = parse_number(num) else { continue };
            let kind = if caps.name("unit").map(|u| u.as_str()) == Some("%") {
                Kind::Rate
            } else {
                Kind::Count
            };
            (v, kind, chinese)
        };
        out.push(Mention {
            start,
            end,
            value,
            kind,
            chinese,
            floor: caps.name("over").is_some(),
        });
    }
    out
}
