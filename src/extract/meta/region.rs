//! The reporting body's region: the most frequent place written in the text whose level fits
//! the body, from a compiled-in table of China's administrative divisions (GB/T 2260), with
//! short names, datelines and listed places handled; and the town a town's text speaks for.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;
/// One administrative division.
#[derive(Debug, Clone)]
pub(super) struct Division {
    /// GB/T 2260 code: 2 digits for a province, 4 for a prefecture, 6 for a county; a
    /// division's code starts with its parent's.
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) level: &'static str,
}

static DIVISIONS_TSV: &str = include_str!("../../../data/divisions.tsv");

/// Suffixes a division name may carry, longest first.
const SUFFIXES: &[&str] = &[
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "省",
    "市",
    "州",
    "县",
    "区",
    "盟",
    "旗",
];

/// Names as characters with their division index and short-form flag, by their first two
/// characters.
type ByFirstTwo = HashMap<(char, char), Vec<(Vec<char>, usize, bool)>>;

pub(super) struct Places {
    /// Name as it may be written → division index, and whether it is a short form.
    pub(super) names: HashMap<String, (usize, bool)>,
    /// The same names by their first two characters, for scanning text without allocating.
    pub(super) by_first: ByFirstTwo,
    pub(super) all: Vec<Division>,
}

pub(super) static PLACES: LazyLock<Places> = LazyLock::new(|| {
    let mut all = Vec::new();
    for line in DIVISIONS_TSV.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(code), Some(name), Some(level)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        all.push(Division { code, name, level });
    }
    let mut names: HashMap<String, (usize, bool)> = HashMap::new();
    for (i, d) in all.iter().enumerate() {
        names.entry(d.name.to_string()).or_insert((i, false));
        if let Some(short) = short_name(d.name)
            && short.chars().count() >= 2
        {
            names.entry(short.clone()).or_insert((i, true));
            // 楚雄彝族自治州 is written 楚雄州; 峨边彝族自治县, 峨边县.
            for (long, s) in [("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")] {
                if d.name.ends_with(long) {
                    names.entry(format!("{short}{s}")).or_insert((i, false));
                }
            }
        }
    }
    // Keyed by the first two characters (every name has at least two), so a common first
    // character (长, 新, 东) does not bring hundreds of names to compare.
    let mut by_first: ByFirstTwo = HashMap::new();
    for (name, &(idx, short)) in &names {
        let chars: Vec<char> = name.chars().collect();
        let [first, second, ..] = chars[..] else {
            continue;
        };
        by_first
            .entry((first, second))
            .or_default()
            .push((chars, idx, short));
    }
    for list in by_first.values_mut() {
        // Longest first, then by name, so that scanning is deterministic.
        list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    }
    Places {
        names,
        by_first,
        all,
    }
});

/// The name without its suffix and ethnic designation: 楚雄彝族自治州 → 楚雄.
fn short_name(name: &str) -> Option<String> {
    let mut base = None;
    for s in SUFFIXES {
        if let Some(b) = name.strip_suffix(s) {
            base = Some(b);
            break;
        }
    }
    let base = base?;
    // Strip ethnic designations (…族, …族…族).
    let chars: Vec<char> = base.chars().collect();
    let cut = chars
        .iter()
        .position(|&c| c == '族')
        .map(|p| p.saturating_sub(1));
    let short: String = match cut {
        Some(p) if p >= 2 => chars[..p].iter().collect(),
        _ => base.to_string(),
    };
    Some(short)
}

/// Tells whether a word is a place name (jieba's `ns` tag), for bare county names.
pub type PlaceTest<'a> = &'a dyn Fn(&str) -> bool;

/// The most frequent place written in the text whose level fits the reporting body. A county
/// body whose text writes no place in full may be named by its county's bare name ("苍南",
/// "松江"), when the dictionary knows that name as a place (`is_place`).
pub(super) fn region(text: &str, body_level: &str, is_place: PlaceTest) -> (String, String) {
    let places = &*PLACES;
    let chars: Vec<char> = text.chars().collect();
    let mut found: HashMap<usize, (usize, usize, String)> = HashMap::new(); // idx → (count, first, as written)
    // Bare county names, kept aside: idx → (count, first, the name as written).
    let mut bare_counties: HashMap<usize, (usize, usize, String)> = HashMap::new();
    let mut i = 0;
    // The place matched last, where it ended, and whether it was counted.
    let mut last: Option<(usize, usize, bool)> = None;
    while i < chars.len() {
        let mut matched = 0;
        let candidates = chars
            .get(i + 1)
            .and_then(|&next| places.by_first.get(&(chars[i], next)))
            .map_or(&[][..], |v| v.as_slice());
        for (name, idx, short) in candidates {
            let (idx, short, len) = (*idx, *short, name.len());
            if chars.len() < i + len || chars[i..i + len] != name[..] {
                continue;
            }
            let s: String = name.iter().collect();
            {
                let d = &places.all[idx];
                let next = chars.get(i + len).copied().unwrap_or(' ');
                if short {
                    // A bare name counts for provinces and prefectures, and for a county only
                    // when the reporting body is a county.
                    // A bare county name is too often an ordinary word (和政, 振兴).
                    let ok = d.level != "county";
                    if "省市县区州".contains(next)
                        && !places.names.contains_key(&format!("{s}{next}"))
                    {
                        continue;
                    }
                    if !ok {
                        // "城关镇", "新华街道", "长安路": a bare name before a town, street or road
                        // names that, not the county.
                        if !"镇乡街村路道".contains(next) {
                            let e = bare_counties.entry(idx).or_insert((0, i, s.clone()));
                            e.0 += 1;
                        }
                        continue;
                    }
                }
                if !short && len == 2 {
                    // 和县, 绛县: a one-character name stands only after punctuation or a
                    // higher division, not inside a phrase (人大建议和县政协).
                    let prev = if i > 0 { chars[i - 1] } else { ' ' };
                    if crate::decode::is_cjk(prev) && !"省市州届".contains(prev) {
                        continue;
                    }
                }
                // A dateline ("新华社北京3月18日电") names where a story was filed.
                let after: String = chars[(i + len).min(chars.len())..].iter().take(3).collect();
                if DATELINE.is_match(&after) {
                    matched = len;
                    break;
                }
                // Places in a list ("到上海、武汉、厦门等地考察") are visited, not reporting;
                // a venue ("在北京举行的新闻发布会", "大会在北京开幕") is where a meeting was held.
                let prev = if i > 0 { chars[i - 1] } else { ' ' };
                if prev == '在'
                    && ["举行", "召开", "举办", "开幕", "闭幕"]
                        .iter()
                        .any(|w| after.starts_with(w))
                {
                    matched = len;
                    break;
                }
                let listed = prev == '、' || next == '、' || next == '等';
                // "成都市龙泉驿区": a division written right before one of its own qualifies
                // it; the mention is the inner one's.
                if let Some((outer, end, true)) = last
                    && end == i
                    && d.code.len() > places.all[outer].code.len()
                    && d.code.starts_with(places.all[outer].code)
                    && let Some(e) = found.get_mut(&outer)
                {
                    e.0 = e.0.saturating_sub(1);
                }
                last = Some((idx, i + len, !listed));
                let e = found.entry(idx).or_insert((0, i, String::new()));
                if !listed {
                    e.0 += 1;
                }
                if !short && e.2.is_empty() {
                    e.2 = s.clone();
                }
                matched = len;
                break;
            }
        }
        i += matched.max(1);
    }
    let fits = |d: &Division| {
        body_level.is_empty()
            || d.level == body_level
            || (body_level == "city" && d.level == "county" && d.name.ends_with('市'))
            // 北京市, 上海市, 天津市, 重庆市: a 市 body that is province-level.
            || (body_level == "city" && d.level == "province" && d.name.ends_with('市'))
    };
    let mut best: Option<(usize, usize, usize)> = None; // (count, first, idx)
    for (&idx, &(count, first, _)) in &found {
        if count == 0 || !fits(&places.all[idx]) {
            continue;
        }
        // Of two places named as often, one inside the other, the inner one is where the
        // body is ("成都" twice, "成都市龙泉驿区" twice: 龙泉驿区).
        let inside = |a: usize, b: usize| {
            let (a, b) = (places.all[a].code, places.all[b].code);
            a.len() > b.len() && a.starts_with(b)
        };
        let better = match best {
            None => true,
            Some((c, f, b)) => {
                count > c || (count == c && (inside(idx, b) || (!inside(b, idx) && first < f)))
            }
        };
        if better {
            best = Some((count, first, idx));
        }
    }
    let Some((_, _, idx)) = best else {
        if body_level != "county" {
            return (String::new(), String::new());
        }
        // The most often written bare county name the dictionary knows as a place, written
        // at least twice (once, it is as often a word: 新建房屋, 长寿城).
        let bare = bare_counties
            .iter()
            .filter(|(_, (count, _, name))| *count >= 2 && is_place(name))
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)));
        return bare.map_or((String::new(), String::new()), |(&idx, _)| {
            let d = &places.all[idx];
            (d.name.to_string(), d.level.to_string())
        });
    };
    let d = &places.all[idx];
    let written = &found[&idx].2;
    let name = if written.is_empty() {
        d.name.to_string()
    } else {
        written.clone()
    };
    (name, d.level.to_string())
}

/// The division whose full name (with its suffix) ends `before`, the longest one: the place
/// written right before a body's name ("甘谷县" in "今年甘谷县政府"). A short form (甘谷政府)
/// is not read: bare names are too often ordinary words.
pub(super) fn place_before(before: &str) -> Option<(&'static str, &'static str)> {
    let places = &*PLACES;
    let chars: Vec<char> = before.chars().collect();
    (2..=chars.len().min(12)).rev().find_map(|len| {
        let start = chars.len() - len;
        let name: String = chars[start..].iter().collect();
        // 和县, 洋县: a one-character name stands only after punctuation or a higher
        // division, not inside a phrase (代表建议和县人大常委会), as in `region`.
        if len == 2
            && start > 0
            && crate::decode::is_cjk(chars[start - 1])
            && !"省市州".contains(chars[start - 1])
        {
            return None;
        }
        match places.names.get(&name) {
            Some(&(idx, false)) => Some((places.all[idx].name, places.all[idx].level)),
            _ => None,
        }
    })
}

/// A date right after a place: the place is a dateline.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,2})月").expect("dateline regex")
});
/// The town a town's text speaks for: the name (two or three characters and 镇 or 乡) written
/// right after its county's ("杜集区石台镇人大", "当阳市半月镇"), the one written most often.
pub(super) fn town_name(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '镇' && c != '乡' {
            continue;
        }
        // 乡镇 and 乡村 (townships, villages), 城乡 (town and country) name no town.
        if (c == '乡' && chars.get(i + 1).is_some_and(|n| "镇村".contains(*n)))
            || (i > 0 && "城乡".contains(chars[i - 1]))
        {
            continue;
        }
        for len in 2..=3 {
            let Some(start) = i.checked_sub(len) else {
                break;
            };
            let name = &chars[start..i];
            if name
                .iter()
                .any(|&n| "省市县区州旗".contains(n) || !crate::decode::is_cjk(n))
            {
                break;
            }
            if start > 0 && "区县市".contains(chars[start - 1]) {
                let mut town: String = name.iter().collect();
                town.push(c);
                *seen.entry(town).or_default() += 1;
                break;
            }
        }
    }
    seen.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::place_before;

    #[test]
    fn a_place_written_right_before_a_body() {
        assert_eq!(place_before("今年甘谷县"), Some(("甘谷县", "county")));
        assert_eq!(
            place_before("据了解,湖北省宜昌市"),
            Some(("宜昌市", "city"))
        );
        // A one-character name inside a phrase is a word, not a county (建议和县…).
        assert_eq!(place_before("代表建议和县"), None);
        assert_eq!(place_before("安徽省和县"), Some(("和县", "county")));
        assert_eq!(place_before("今年市"), None);
    }
}
