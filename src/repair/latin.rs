//! Latin look-alikes of Chinese text: GBK or UTF-8 bytes shown as Windows-1252 and saved
//! (`gbk_as_latin1`, `double_utf8`), repaired line by line or run by run.

use super::mojibake::{Fix, GB2312, Judge, is_latin_mojibake_char, is_latin_signal, redecode};
use crate::decode::is_cjk;
use encoding_rs::{GBK, WINDOWS_1252};

pub(super) fn cjk_share(s: &str) -> f64 {
    let n = s.chars().filter(|c| !c.is_ascii()).count();
    if n == 0 {
        return 0.0;
    }
    s.chars()
        .filter(|&c| is_cjk(c) || "，。、；：（）“”！？".contains(c))
        .count() as f64
        / n as f64
}

/// True for characters of GB2312: the common characters and punctuation that official texts
/// are written in.
fn is_gb2312(c: char) -> bool {
    GB2312.contains_key(&c)
}

/// A line whose non-ASCII runs are Latin look-alikes of multi-byte text: each run re-decoded
/// (their ASCII neighbours were ASCII before), the line judged as a whole.
pub(super) fn repair_latin_line(line: &str, judge: &Judge) -> Option<(String, Fix)> {
    // A no-break space beside ASCII was a space (or &nbsp;), not a byte of the damage.
    let raw: Vec<char> = line.chars().collect();
    let chars: Vec<char> = raw
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            // After a look-alike it is a byte of a UTF-8 sequence (0xA0), not a space.
            let in_sequence = i > 0 && is_latin_signal(raw[i - 1]);
            let ascii_near =
                (i > 0 && raw[i - 1].is_ascii()) || raw.get(i + 1).is_some_and(|x| x.is_ascii());
            if c == '\u{A0}' && ascii_near && !in_sequence {
                ' '
            } else {
                c
            }
        })
        .collect();
    let line: &str = &chars.iter().collect::<String>();
    let mut best: Option<(String, Fix, f64)> = None;
    // A wholly damaged line decodes in one piece (GBK trail bytes may be ASCII letters).
    if chars
        .iter()
        .all(|&c| c.is_ascii() || is_latin_mojibake_char(c))
    {
        for (to, kind) in [(GBK, "gbk_as_latin1"), (encoding_rs::UTF_8, "double_utf8")] {
            let Some((t, lost)) = redecode(line, WINDOWS_1252, to) else {
                continue;
            };
            if lost * 10 > t.chars().count() || cjk_share(&t) <= 0.6 {
                continue;
            }
            let score = judge.chinese_score(&t);
            let common =
                to != GBK || t.chars().all(|c| c.is_ascii() || is_gb2312(c)) || score >= 0.4;
            if common && best.as_ref().is_none_or(|b| score > b.2) {
                best = Some((
                    t,
                    Fix {
                        kind,
                        lost,
                        restored: 0,
                    },
                    score,
                ));
            }
        }
        if best.is_some() {
            return best.map(|(t, f, _)| (t, f));
        }
    }
    for (to, kind) in [(GBK, "gbk_as_latin1"), (encoding_rs::UTF_8, "double_utf8")] {
        let mut out = String::with_capacity(line.len());
        let (mut lost, mut runs, mut ok) = (0, 0, true);
        let mut i = 0;
        while i < chars.len() {
            if is_latin_mojibake_char(chars[i]) {
                let j = (i..chars.len())
                    .find(|&k| !is_latin_mojibake_char(chars[k]))
                    .unwrap_or(chars.len());
                let run: String = chars[i..j].iter().collect();
                if !run.chars().any(is_latin_signal) {
                    out.push_str(&run);
                    i = j;
                    continue;
                }
                match redecode(&run, WINDOWS_1252, to) {
                    Some((t, l)) if cjk_share(&t) > 0.6 => {
                        out.push_str(&t);
                        lost += l;
                        runs += 1;
                    }
                    _ if j - i == 1 => out.push(chars[i]),
                    _ => {
                        ok = false;
                        break;
                    }
                }
                i = j;
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        if !ok || runs == 0 || lost * 10 > out.chars().count() {
            continue;
        }
        // GBK read as Latin-1 must give common characters or read as Chinese; UTF-8
        // validity is already a strong filter for the double-encoded kind.
        let score = judge.chinese_score(&out);
        let common = to != GBK || out.chars().all(|c| c.is_ascii() || is_gb2312(c)) || score >= 0.4;
        if common && best.as_ref().is_none_or(|b| score > b.2) {
            best = Some((
                out,
                Fix {
                    kind,
                    lost,
                    restored: 0,
                },
                score,
            ));
        }
    }
    best.map(|(t, f, _)| (t, f))
}
