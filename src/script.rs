//! Stage 4: one script and one width.
//!
//! Folds full-width digits, letters and punctuation to ASCII, then converts traditional
//! characters to simplified with OpenCC's `t2s` tables: by default ferrous-opencc (pure Rust,
//! OpenCC's own dictionaries built in), or, with the `system-opencc` feature, the system's
//! libopencc through opencc-rust, with OpenCC's configuration or the user's own. Both steps
//! keep the character-to-original map.

use crate::model::Script;
use crate::text::MappedText;
use ferrous_opencc::config::BuiltinConfig;

/// One OpenCC converter, from either implementation.
enum Opencc {
    Builtin(ferrous_opencc::OpenCC),
    #[cfg(feature = "system-opencc")]
    System(opencc_rust::OpenCC),
}

impl Opencc {
    fn convert(&self, s: &str) -> String {
        match self {
            Opencc::Builtin(cc) => cc.convert(s),
            // opencc-rust hands the text to C as a NUL-terminated string (and panics on a NUL
            // inside it): the parts between NULs are converted one by one.
            #[cfg(feature = "system-opencc")]
            Opencc::System(cc) if s.contains('\0') => {
                let parts: Vec<String> = s.split('\0').map(|p| cc.convert(p)).collect();
                parts.join("\0")
            }
            #[cfg(feature = "system-opencc")]
            Opencc::System(cc) => cc.convert(s),
        }
    }
}

/// The converters, built once and shared read-only by every worker.
pub struct Converters {
    t2s: Opencc,
    s2t: Opencc,
    /// Characters that t2s changes when converted alone, as a bitmap over the code points
    /// scanned in [`Converters::new`]: text with none of them is left as it is, so simplified
    /// text costs one pass of lookups instead of a conversion.
    traditional: Vec<u64>,
    /// The one character t2s makes of a character it changes alone, where it makes one.
    simplified: std::collections::HashMap<char, char>,
}

/// Code points whose t2s conversion is tabulated: CJK ideographs (extension A, the unified
/// block, compatibility ideographs, extensions B–F and their supplement) and the punctuation
/// blocks. Characters outside them are never changed by t2s.
const SCANNED: &[(u32, u32)] = &[
    (0x2000, 0x206F),
    (0x3000, 0x303F),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x2FA1F),
];

impl Converters {
    /// Builds the traditional→simplified and simplified→traditional converters (the built-in
    /// ferrous-opencc), and the table of characters t2s changes.
    pub fn new() -> Result<Converters, String> {
        let open = |config| {
            ferrous_opencc::OpenCC::from_config(config)
                .map(Opencc::Builtin)
                .map_err(|e| e.to_string())
        };
        let t2s = open(BuiltinConfig::T2s).map_err(|e| format!("t2s: {e}"))?;
        let s2t = open(BuiltinConfig::S2t).map_err(|e| format!("s2t: {e}"))?;
        Ok(Converters::tabulate(t2s, s2t))
    }

    /// The converters of the system's libopencc (the `system-opencc` feature): `t2s` is the
    /// configuration traditional → simplified runs with, OpenCC's own `t2s.json` (found in
    /// libopencc's data folder) or the path of the user's own configuration file; s2t is
    /// always OpenCC's `s2t.json` (it only tells traditional from mixed text, and makes the
    /// damage generator's Big5 copies).
    #[cfg(feature = "system-opencc")]
    pub fn system(t2s: &str) -> Result<Converters, String> {
        let open = |config: &str| {
            opencc_rust::OpenCC::new(config)
                .map(Opencc::System)
                .map_err(|e| format!("system OpenCC, {config}: {e}"))
        };
        Ok(Converters::tabulate(open(t2s)?, open("s2t.json")?))
    }

    /// Tabulates which characters `t2s` changes when converted alone.
    fn tabulate(t2s: Opencc, s2t: Opencc) -> Converters {
        let mut traditional = vec![0u64; (0x2FA20 / 64) + 1];
        let mut simplified = std::collections::HashMap::new();
        let mut buf = String::new();
        for &(from, to) in SCANNED {
            // One conversion per block: characters joined by newlines convert one by one.
            buf.clear();
            let chars: Vec<char> = (from..=to).filter_map(char::from_u32).collect();
            for c in &chars {
                buf.push(*c);
                buf.push('\n');
            }
            let converted = t2s.convert(&buf);
            let lines: Vec<&str> = converted.split('\n').collect();
            for (i, c) in chars.iter().enumerate() {
                let same = lines.get(i).is_some_and(|l| l.chars().eq([*c]));
                if !same {
                    let n = *c as usize;
                    traditional[n / 64] |= 1 << (n % 64);
                    let mut one = lines.get(i).map(|l| l.chars()).into_iter().flatten();
                    if let (Some(d), None) = (one.next(), one.next()) {
                        simplified.insert(*c, d);
                    }
                }
            }
        }
        Converters {
            t2s,
            s2t,
            traditional,
            simplified,
        }
    }

    /// The simplified form of a character t2s changes alone into one character.
    pub fn simplified_char(&self, c: char) -> Option<char> {
        self.simplified.get(&c).copied()
    }

    /// Whether t2s changes `c` when converting it alone.
    pub fn is_traditional(&self, c: char) -> bool {
        let n = c as usize;
        self.traditional
            .get(n / 64)
            .is_some_and(|w| w & (1 << (n % 64)) != 0)
    }

    /// Whether `s` holds a character t2s changes.
    pub fn has_traditional(&self, s: &str) -> bool {
        s.chars().any(|c| c >= '\u{2000}' && self.is_traditional(c))
    }

    /// Traditional → simplified on a plain string.
    pub fn to_simplified(&self, s: &str) -> String {
        if !self.has_traditional(s) {
            return s.to_string();
        }
        self.t2s.convert(s)
    }

    /// Traditional → simplified without the table's shortcut: the reference the shortcut is
    /// checked against.
    pub fn to_simplified_always(&self, s: &str) -> String {
        self.t2s.convert(s)
    }

    /// Simplified → traditional on a plain string (the damage generator writes Big5 copies).
    pub fn to_traditional(&self, s: &str) -> String {
        self.s2t.convert(s)
    }
}

/// Folds one full-width or look-alike character to its ASCII form.
pub fn fold_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        // The small form variant (U+FE6A) is a percent sign too.
        '％' | '﹪' => '%',
        // Full-width forms, and the small form variants (U+FE50–FE5A) some Big5 pages use
        // for the same marks ("佔34%﹔").
        '．' | '﹒' => '.',
        '，' | '﹐' => ',',
        '﹑' => '、',
        '：' | '﹕' => ':',
        '；' | '﹔' => ';',
        // Lenticular and tortoise-shell brackets enclose asides as round ones do
        // ("提案319件【含重点提案11件】").
        '（' | '﹙' | '【' | '〔' => '(',
        '）' | '﹚' | '】' | '〕' => ')',
        '！' | '﹗' => '!',
        '？' | '﹖' => '?',
        '\u{a0}' | '\u{3000}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => ' ',
        _ => c,
    }
}

/// Folds widths, converts to simplified and reports which script the text was in.
///
/// Takes the text by value: where the conversion keeps every character's place (nearly
/// always), the per-character maps are reused and only the string is replaced, so a large
/// file is not held twice.
pub fn normalise(text: MappedText, cc: &Converters) -> (MappedText, Script) {
    let folded = text.map_chars(fold_width);
    if !cc.has_traditional(folded.as_str()) {
        return (folded, Script::Simplified);
    }
    let whole = cc.t2s.convert(folded.as_str());
    let same_length = whole.chars().count() == folded.len();
    let converted = if same_length {
        None
    } else {
        Some(convert_by_line(&folded, cc))
    };
    let simplified = converted.as_ref().map_or(whole.as_str(), |t| t.as_str());
    let trad = count_changed(folded.as_str(), simplified);
    // The second conversion is only needed to tell traditional from mixed text.
    let simp = if trad == 0 {
        0
    } else {
        count_changed(folded.as_str(), &cc.s2t.convert(folded.as_str()))
    };
    let script = if trad == 0 {
        Script::Simplified
    } else if simp == 0 || trad >= 10 * simp {
        Script::Traditional
    } else if simp >= 10 * trad {
        Script::Simplified
    } else {
        Script::Mixed
    };
    let out = match converted {
        Some(t) => t,
        // Same length: checked above, so `with_text` keeps the maps.
        None => folded.with_text(whole).unwrap_or_else(|t| t),
    };
    (out, script)
}

fn count_changed(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).filter(|(x, y)| x != y).count()
}

/// Converts with the map kept when a phrase conversion changed the text's length: line by
/// line, and character by character on the rare line whose length changed.
fn convert_by_line(text: &MappedText, cc: &Converters) -> MappedText {
    let mut out = MappedText::with_capacity(text.len());
    let mut k = 0;
    for line in text.as_str().split_inclusive('\n') {
        let conv = cc.t2s.convert(line);
        let n = line.chars().count();
        if conv.chars().count() == n {
            for (j, c) in conv.chars().enumerate() {
                out.push(c, text.origin(k + j), text.touched(k + j));
            }
        } else {
            for (j, c) in line.chars().enumerate() {
                let one = cc.t2s.convert(c.encode_utf8(&mut [0; 4]));
                let c = if one.chars().count() == 1 {
                    one.chars().next().unwrap_or(c)
                } else {
                    c
                };
                out.push(c, text.origin(k + j), text.touched(k + j));
            }
        }
        k += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_becomes_simplified_with_map() {
        let cc = Converters::new().unwrap();
        let (t, s) = normalise(
            MappedText::identity("共承辦提案１５１件，辦復率１００％"),
            &cc,
        );
        assert_eq!(t.as_str(), "共承办提案151件,办复率100%");
        assert_eq!(s, Script::Traditional);
        assert_eq!(t.origin(5), 5);
    }

    #[test]
    fn simplified_stays() {
        let cc = Converters::new().unwrap();
        let (t, s) = normalise(MappedText::identity("共承办提案151件"), &cc);
        assert_eq!(t.as_str(), "共承办提案151件");
        assert_eq!(s, Script::Simplified);
    }
}
