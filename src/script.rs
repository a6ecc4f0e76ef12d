//! Stage 4: one script and one width.
//!
//! Folds full-width digits, letters and punctuation to ASCII, then converts traditional
//! characters to simplified with OpenCC's `t2s` tables (ferrous-opencc, pure Rust). Both steps
//! keep the character-to-original map.

use crate::model::Script;
use crate::text::MappedText;
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// The converters, built once and shared read-only by every worker.
pub struct Converters {
    t2s: OpenCC,
    s2t: OpenCC,
}

impl Converters {
    /// Builds the traditional→simplified and simplified→traditional converters.
    pub fn new() -> Result<Converters, String> {
        let t2s = OpenCC::from_config(BuiltinConfig::T2s).map_err(|e| format!("t2s: {e}"))?;
        let s2t = OpenCC::from_config(BuiltinConfig::S2t).map_err(|e| format!("s2t: {e}"))?;
        Ok(Converters { t2s, s2t })
    }

    /// Traditional → simplified on a plain string.
    pub fn to_simplified(&self, s: &str) -> String {
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
        '．' => '.',
        '，' => ',',
        '：' => ':',
        '；' => ';',
        '（' => '(',
        '）' => ')',
        '！' => '!',
        '？' => '?',
        '\u{a0}' | '\u{3000}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => ' ',
        _ => c,
    }
}

/// Folds widths, converts to simplified and reports which script the text was in.
pub fn normalise(text: &MappedText, cc: &Converters) -> (MappedText, Script) {
    let mut folded = MappedText::with_capacity(text.len());
    for (c, o, t) in text.iter() {
        folded.push(fold_width(c), o, t);
    }
    let simplified = convert_mapped(&folded, cc);
    let trad = count_changed(folded.as_str(), simplified.as_str());
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
    (simplified, script)
}

fn count_changed(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).filter(|(x, y)| x != y).count()
}

/// Converts with the map kept: line by line, and character by character on the rare line where
/// a phrase conversion changed the length.
fn convert_mapped(text: &MappedText, cc: &Converters) -> MappedText {
    let whole = cc.t2s.convert(text.as_str());
    let mut out = MappedText::with_capacity(text.len());
    if whole.chars().count() == text.len() {
        for ((_, o, t), n) in text.iter().zip(whole.chars()) {
            out.push(n, o, t);
        }
        return out;
    }
    let items: Vec<(char, usize, bool)> = text.iter().collect();
    for line in items.split_inclusive(|x| x.0 == '\n') {
        let s: String = line.iter().map(|x| x.0).collect();
        let conv = cc.t2s.convert(&s);
        if conv.chars().count() == line.len() {
            for (&(_, o, t), n) in line.iter().zip(conv.chars()) {
                out.push(n, o, t);
            }
        } else {
            for &(c, o, t) in line {
                let one = cc.t2s.convert(c.encode_utf8(&mut [0; 4]));
                let n = if one.chars().count() == 1 {
                    one.chars().next().unwrap_or(c)
                } else {
                    c
                };
                out.push(n, o, t);
            }
        }
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
            &MappedText::identity("共承辦提案１５１件，辦復率１００％"),
            &cc,
        );
        assert_eq!(t.as_str(), "共承办提案151件,办复率100%");
        assert_eq!(s, Script::Traditional);
        assert_eq!(t.origin(5), 5);
    }

    #[test]
    fn simplified_stays() {
        let cc = Converters::new().unwrap();
        let (t, s) = normalise(&MappedText::identity("共承办提案151件"), &cc);
        assert_eq!(t.as_str(), "共承办提案151件");
        assert_eq!(s, Script::Simplified);
    }
}
