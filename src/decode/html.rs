//! HTML to text: drops tags, comments, scripts and styles, decodes entities, turns block
//! elements into line breaks and table cells into "label: value" pairs. Every output character
//! maps back into the HTML source.

use crate::text::MappedText;

const BLOCK_TAGS: &[&str] = &[
    "p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "ul", "ol", "title", "hr", "dd", "dt",
];

/// Converts HTML source to text with a map back into `src`.
pub fn to_text(src: &str) -> MappedText {
    let chars: Vec<char> = src.chars().collect();
    let mut out = MappedText::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '<' {
            if starts_with(&chars, i, "<!--") {
                i = find_from(&chars, i + 4, "-->").map_or(chars.len(), |j| j + 3);
                continue;
            }
            let end = match chars[i..].iter().position(|&c| c == '>') {
                Some(p) => i + p,
                None => {
                    out.push(c, i, false);
                    i += 1;
                    continue;
                }
            };
            let name = tag_name(&chars[i + 1..end]);
            if name == "script" || name == "style" {
                let close = format!("</{name}");
                i = find_from_ci(&chars, end + 1, &close)
                    .and_then(|j| chars[j..].iter().position(|&c| c == '>').map(|p| j + p + 1))
                    .unwrap_or(chars.len());
                continue;
            }
            if BLOCK_TAGS.contains(&name.as_str()) {
                out.push('\n', i, false);
            } else if (name == "td" || name == "th") && chars.get(i + 1) == Some(&'/') {
                // Cells of a row read as "label: value" ("主办: 106件").
                out.push(':', i, false);
            }
            i = end + 1;
        } else if c == '&' {
            match entity(&chars, i) {
                Some((decoded, len)) => {
                    out.push(decoded, i, false);
                    i += len;
                }
                None => {
                    out.push(c, i, false);
                    i += 1;
                }
            }
        } else {
            out.push(c, i, false);
            i += 1;
        }
    }
    out
}

fn tag_name(inner: &[char]) -> String {
    inner
        .iter()
        .skip_while(|&&c| c == '/')
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn starts_with(chars: &[char], i: usize, pat: &str) -> bool {
    let p: Vec<char> = pat.chars().collect();
    chars.len() >= i + p.len() && chars[i..i + p.len()] == p[..]
}

fn find_from(chars: &[char], from: usize, pat: &str) -> Option<usize> {
    (from..chars.len()).find(|&j| starts_with(chars, j, pat))
}

fn find_from_ci(chars: &[char], from: usize, pat: &str) -> Option<usize> {
    let p: Vec<char> = pat.chars().collect();
    (from..chars.len().saturating_sub(p.len() - 1)).find(|&j| {
        chars[j..j + p.len()]
            .iter()
            .zip(&p)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
    })
}

/// Decodes the entity starting at `chars[i] == '&'`: (character, length in source chars).
fn entity(chars: &[char], i: usize) -> Option<(char, usize)> {
    let semi = chars[i..].iter().take(12).position(|&c| c == ';')?;
    let body: String = chars[i + 1..i + semi].iter().collect();
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        char::from_u32(code)?
    } else {
        match body.as_str() {
            "nbsp" => '\u{a0}',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "middot" => '·',
            "mdash" => '—',
            "hellip" => '…',
            "ensp" | "emsp" | "thinsp" => ' ',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_maps_back() {
        let src = "<p>共承办<b>提案</b>151件&nbsp;</p><script>var x=1;</script>";
        let t = to_text(src);
        assert_eq!(t.as_str(), "\n共承办提案151件\u{a0}\n");
        let i = t.as_str().chars().position(|c| c == '提').unwrap();
        assert_eq!(src.chars().nth(t.origin(i)), Some('提'));
    }

    #[test]
    fn decodes_numeric_entities() {
        assert_eq!(to_text("&#21150;&#x7406;").as_str(), "办理");
    }
}
