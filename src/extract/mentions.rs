//! Number mentions: every number with a unit (`件`, `个`, `项`, `条`, `份`, `%`, `百分之…`,
//! `两个百分之百`),
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
        // "人大代表建议168(含闭会期间1件)": a number whose unit its aside gives.
        r"|(?P<aside>\d+)\s*\((?:含|其中|包括)[^()]{0,20}?\d+\s*件\)",
        r"|(?P<num>\d+(?:\.\d+)?万?|[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二三四五六七八九]+)?)\s*(?P<over>余|多)?\s*(?P<unit>%|件|个|项|条|份)",
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
    /// A number in a table's count column: a count of items written without 件.
    pub cell: bool,
}

/// Finds the mentions in `text` (whose characters are `chars`), with char offsets.
pub fn find(chars: &[char], text: &str) -> Vec<Mention> {
    debug_assert_eq!(chars.len(), text.chars().count());
    let mut cursor = CharCursor::new(text);
    let mut out = Vec::new();
    for caps in MENTION.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let start = cursor.char_at(whole.start());
        let end = cursor.char_at(whole.end());
        let (value, kind, chinese) = if caps.name("group").is_some() {
            (100.0, Kind::Group, true)
        } else if let Some(p) = caps.name("pct") {
            match parse_number(p.as_str()) {
                Some(v) => (v, Kind::Rate, true),
                None => continue,
            }
        } else if caps.name("bai").is_some() {
            (100.0, Kind::Rate, true)
        } else if let Some(a) = caps.name("aside") {
            let Some(v) = parse_number(a.as_str()) else {
                continue;
            };
            out.push(Mention {
                start,
                end: cursor.char_at(a.end()),
                value: v,
                kind: Kind::Count,
                chinese: false,
                floor: false,
                cell: false,
            });
            continue;
        } else {
            let num = caps.name("num").expect("num").as_str();
            // A floor is read only for items (件); "2000余项", "90多%" stay unread as before.
            if caps.name("over").is_some() && caps.name("unit").map(|u| u.as_str()) != Some("件") {
                continue;
            }
            let chinese = !num.starts_with(|c: char| c.is_ascii_digit());
            let Some(v) = parse_number(num) else { continue };
            // "提交1-2件", "办理3至5件": the upper end of a range of items is no count.
            if caps.name("unit").map(|u| u.as_str()) == Some("件")
                && closes_range(&text[..caps.name("num").expect("num").start()])
            {
                continue;
            }
            // "为民办十件实事", "十件民生实事": matters a government takes on, named by their
            // number, are no items.
            if caps.name("unit").map(|u| u.as_str()) == Some("件")
                && MATTERS.iter().any(|w| text[whole.end()..].starts_with(w))
            {
                continue;
            }
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
            cell: false,
        });
    }
    table_cells(text, &mut CharCursor::new(text), &mut out);
    out.sort_by_key(|m| m.start);
    out
}

/// Nouns after 件 that count matters, not items ("十件实事"), with the reason.
const MATTERS: &[&str] = &["实事", "民生实事", "大事", "好事"];

/// Whether the text before a number ends with the lower end of a range and its joiner
/// ("1-", "3至", "两到").
fn closes_range(before: &str) -> bool {
    let mut rev = before.chars().rev().skip_while(|c| *c == ' ');
    let joiner = rev.next();
    if !matches!(joiner, Some('-' | '－' | '—' | '~' | '～' | '至' | '到')) {
        return false;
    }
    let mut rev = rev.skip_while(|c| *c == ' ');
    rev.next()
        .is_some_and(|c| c.is_ascii_digit() || "一二两三四五六七八九十".contains(c))
}

/// Converts byte offsets of a text to character offsets by counting from the offset asked
/// before: linear over offsets asked in order (matches, table cells), with no table of 8
/// bytes per byte of text.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    char: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> CharCursor<'a> {
        CharCursor {
            text,
            byte: 0,
            char: 0,
        }
    }

    /// The character offset of byte offset `byte` (a character boundary).
    fn char_at(&mut self, byte: usize) -> usize {
        if byte >= self.byte {
            self.char += self.text[self.byte..byte].chars().count();
        } else {
            self.char -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.char
    }
}

/// Header words of a column that counts items ("类别 件数 百分比", "| 办理结果 | 数量 |").
const COUNT_COLUMNS: &[&str] = &["件数", "数量", "建议数", "提案数", "议案数"];

/// The cells of a line laid out as a table row: split at `|` when the line has bars, else at
/// runs of spaces or tabs, with byte offsets.
fn cells(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let bars = line.contains('|');
    let mut start = 0;
    let mut i = 0;
    let bytes = line.as_bytes();
    while i <= line.len() {
        let at_end = i == line.len();
        let sep_len = if at_end {
            0
        } else if bars {
            usize::from(bytes[i] == b'|')
        } else if bytes[i] == b'\t' {
            1
        } else if bytes[i] == b' ' {
            bytes[i..].iter().take_while(|&&b| b == b' ').count()
        } else {
            0
        };
        if at_end || sep_len > 0 {
            let cell = &line[start..i];
            if !cell.trim().is_empty() {
                let lead = cell.len() - cell.trim_start().len();
                out.push((start + lead, cell.trim()));
            }
            if at_end {
                break;
            }
            i += sep_len;
            start = i;
        } else {
            i += 1;
        }
    }
    out
}

/// Numbers in a table's count column are counts of items, though written without 件 (SCHEMA:
/// "numbers in tables count like numbers in sentences"): a header line names the column
/// (`件数`, `数量`), and each following row gives its label in the first cell and a whole number
/// in that column. The table ends at the first line that is no such row.
fn table_cells(text: &str, cursor: &mut CharCursor, out: &mut Vec<Mention>) {
    let mut column: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        // Blank lines between rows (a table saved from a page) keep the table open.
        if body.trim().is_empty() {
            offset += line.len();
            continue;
        }
        let row = cells(body);
        let header = row
            .iter()
            .position(|(_, c)| {
                // "件数", "办理件数", "数量(件)"
                let c = c.trim_end_matches(['(', ')', '件', '（', '）']);
                COUNT_COLUMNS.iter().any(|w| c.ends_with(w))
            })
            .filter(|&p| p > 0 && row.len() >= 2);
        if let Some(p) = header {
            column = Some(p);
        } else if let Some(p) = column {
            let cell = row.get(p).filter(|_| row.len() >= 2);
            // A row is labelled in words, or by a class letter ("A  114  68.68"). A sum row
            // (合计, 总计) restates what the text counts in its prose and is not read.
            let label_ok = row.first().is_some_and(|(_, c)| {
                (c.chars().any(crate::decode::is_cjk) || ["A", "B", "C", "D"].contains(c))
                    && !["合计", "总计", "小计", "合 计", "总 计"].contains(c)
            });
            match cell {
                Some(&(at, c))
                    if label_ok && !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    let (a, b) = (offset + at, offset + at + c.len());
                    if let Ok(v) = c.parse::<f64>() {
                        out.push(Mention {
                            start: cursor.char_at(a),
                            end: cursor.char_at(b),
                            value: v,
                            kind: Kind::Count,
                            chinese: false,
                            floor: false,
                            cell: true,
                        });
                    }
                }
                // A sum row, or the separator row of a drawn table ("|---|---|"), keeps the
                // table open.
                _ if row
                    .first()
                    .is_some_and(|(_, c)| ["合计", "总计", "小计"].contains(c)) => {}
                _ if body.trim().chars().all(|c| "|-: ".contains(c)) && !body.trim().is_empty() => {
                }
                _ => column = None,
            }
        }
        offset += line.len();
    }
}
