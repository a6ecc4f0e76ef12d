//! GB/T 2260 codes of the regions banli names, for joining its tables with statistical
//! yearbooks. Read from the same compiled-in table of administrative divisions
//! (`data/divisions.tsv`) that the extract stage finds regions in.
//!
//! A region is looked up by its full name (北京市, 楚雄彝族自治州) or by the shortened form
//! the extract stage also writes (楚雄州 for 楚雄彝族自治州). Where several divisions share a
//! name (朝阳区 in Beijing and in Changchun), the one at the document's level is taken, and
//! among those the first in the table, as the extract stage does.

use std::collections::HashMap;
use std::sync::LazyLock;

static DIVISIONS_TSV: &str = include_str!("../data/divisions.tsv");

/// A code padded to GB/T 2260's six digits, and the division's level.
type Entry = (String, &'static str);

/// Every division, by full name and by short form, in table order.
struct Codes {
    full: HashMap<&'static str, Vec<Entry>>,
    short: HashMap<String, Vec<Entry>>,
}

static CODES: LazyLock<Codes> = LazyLock::new(|| {
    let mut full: HashMap<&str, Vec<Entry>> = HashMap::new();
    let mut short: HashMap<String, Vec<Entry>> = HashMap::new();
    for line in DIVISIONS_TSV.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(code), Some(name), Some(level)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let code = format!("{code:0<6}");
        full.entry(name).or_default().push((code.clone(), level));
        for (long, s) in [("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")] {
            if let Some(base) = name.strip_suffix(long) {
                short
                    .entry(format!("{}{s}", strip_ethnic(base)))
                    .or_default()
                    .push((code.clone(), level));
            }
        }
    }
    Codes { full, short }
});

/// The name without its ethnic designation: 楚雄彝族 → 楚雄 (as the extract stage shortens).
fn strip_ethnic(base: &str) -> String {
    let chars: Vec<char> = base.chars().collect();
    match chars.iter().position(|&c| c == '族') {
        Some(p) if p >= 3 => chars[..p - 1].iter().collect(),
        _ => base.to_string(),
    }
}

/// The six-digit GB/T 2260 code of `region` (as documents.csv writes it) at `level`: 110000
/// for 北京市, 330100 for 杭州市. Empty when the region is empty or not in the table.
pub fn code(region: &str, level: &str) -> &'static str {
    if region.is_empty() {
        return "";
    }
    let codes = &*CODES;
    let found = codes.full.get(region).or_else(|| codes.short.get(region));
    let Some(list) = found else {
        return "";
    };
    list.iter()
        .find(|(_, l)| *l == level)
        .or(list.first())
        .map_or("", |(c, _)| c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_known_regions() {
        assert_eq!(code("北京市", "province"), "110000");
        assert_eq!(code("杭州市", "city"), "330100");
        assert_eq!(code("朝阳区", "county"), "110105");
        assert_eq!(code("", ""), "");
        assert_eq!(code("不存在市", "city"), "");
        let chuxiong = code("楚雄彝族自治州", "city");
        assert_eq!(chuxiong, "532300");
        assert_eq!(code("楚雄州", "city"), chuxiong);
    }
}
