//! Document fields: whether the text is a handling report, the year, and who reports
//! (region from a compiled-in table of administrative divisions, level, sector, agency).

mod genre;
mod region;
mod reporter;
mod sectors;
mod year;

use crate::model::DocMeta;
use aho_corasick::AhoCorasick;
use regex::Regex;
pub use region::PlaceTest;
use region::{PLACES, region, town_name};
use sectors::SECTORS;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Verbs that hand items over, written right before the office that receives them ("交办X街道
/// 办事处", "批示后交街道办事处"), with the reason. A bare 交 is cut only at the start, since it
/// also begins names (交通).
const HANDED_TO: &[(&str, &str)] = &[
    ("交办", "assigned to"),
    ("交由", "handed to"),
    ("转交", "passed on to"),
    ("转办", "passed on to"),
    ("后交", "then handed to"),
];

/// A street office's name without the handing verb before it.
fn after_handing(name: &str) -> &str {
    HANDED_TO
        .iter()
        .find_map(|(w, _)| name.rfind(w).map(|at| &name[at + w.len()..]))
        .or_else(|| name.strip_prefix('交'))
        .unwrap_or(name)
}

static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    let mut alts: Vec<&str> = SECTORS
        .iter()
        .flat_map(|(_, a)| a.iter().copied())
        .collect();
    alts.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));
    Regex::new(&format!(
        // A name may be extended before its suffix: "城市管理和综合执法局", "城管执法局".
        // A public institution names its line of work before 事业发展中心 or 服务中心
        // ("体育事业发展中心", "林业服务中心").
        "(?P<pre>自治区|[省市州县区旗盟镇乡])?(?P<name>{})(?:和[\\p{{Han}}]{{2,4}}?执法|综合执法|执法)?(?P<suf>分局|总局|局|厅|委员会|委|办公室|部|院|支队|大队|事业发展中心|服务中心)",
        alts.join("|")
    ))
    .expect("agency regex")
});

/// "{alias}工作" for every alias of two characters or more, with its sector.
static WORK_OF: LazyLock<(AhoCorasick, Vec<&'static str>)> = LazyLock::new(|| {
    let (pats, sectors): (Vec<String>, Vec<&str>) = SECTORS
        .iter()
        .flat_map(|(s, a)| a.iter().map(move |a| (a, *s)))
        .filter(|(a, _)| a.chars().count() >= 2)
        .map(|(a, s)| (format!("{a}工作"), s))
        .unzip();
    (
        AhoCorasick::new(pats).expect("sector work patterns"),
        sectors,
    )
});

static GOV: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?P<pre>自治区|[省市州县区旗盟镇乡])?(?:人民政府|政府系统|政府办公室|政府办|政府)|(?P<jd>[\\p{Han}]{2,4}街道)(?:办事处|(?P<jdnpc>人大工委|人大工作委员会))|(?P<pre2>自治区|[省市州县区])政协(?:[^提委十九八七六五四三二一第]|委员会)|(?P<pre3>自治区|[省市州县区])人大常委会|(?P<town>[镇乡])人大(?:主席团)?|(?P<npc_full>(?:全国)?人民代表大会(?:常务委员会|[\\p{Han}]{2,8}?委员会))|(?P<cppcc_full>(?:中国人民)?政治协商会议[\\p{Han}]{0,10}?委员会)")
        .expect("gov regex")
});

static OTHER_WORK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("12345|热线|来信来访|信访件|信访事项|信访案件|好差评|网络问政|市长信箱|局长信箱|市长电话|政务服务评价|工单")
        .expect("other regex")
});

/// Whether the text is a handling report: it speaks of suggestions or proposals being handled,
/// more than of other work (hotlines, petitions) and not only in passing, and states at least
/// one achieved figure.
pub fn is_report(text: &str, handling: usize, achieved_facts: usize) -> bool {
    let other = OTHER_WORK.find_iter(text).count();
    // A long work report that mentions the handling in passing is about something else: at
    // least one handling word per 2,000 characters.
    // Only text counts: a page padded with blanks is no longer for it.
    let needed = (text.chars().filter(|c| !c.is_whitespace()).count() / 2000).max(1);
    handling >= needed
        && other < handling
        && !genre::titled_instrument(text)
        && !genre::proposer_activity(text)
        && (achieved_facts > 0 || genre::handling_without_figures(text))
}

fn level_of_prefix(c: &str) -> &'static str {
    match c {
        "省" | "自治区" => "province",
        "市" | "州" | "盟" => "city",
        "县" | "区" | "旗" => "county",
        _ => "",
    }
}

/// The agency as written, with the place name in front of it when there is one
/// ("市民政局" preceded by "绵阳" → "绵阳市民政局").
fn with_place(text: &str, start: usize, agency: &str) -> String {
    let before: Vec<char> = text[..start].chars().rev().take(8).collect();
    let first = agency.chars().next().unwrap_or(' ');
    let places = &*PLACES;
    for k in (1..=before.len()).rev() {
        let prefix: String = before[..k].iter().rev().collect();
        let candidate = format!("{prefix}{first}");
        if places
            .names
            .get(&candidate)
            .is_some_and(|&(_, short)| !short)
        {
            return format!("{prefix}{agency}");
        }
        if places.names.get(&prefix).is_some_and(|&(_, short)| !short) {
            return format!("{prefix}{agency}");
        }
    }
    agency.to_string()
}

/// Byte range of the document's title: the first of its first five lines that speaks of
/// handling (建议, 提案, 议案, 办理) in at most 80 characters; else the first 80 characters.
fn head(text: &str) -> (usize, usize) {
    let mut offset = 0;
    for line in text.split_inclusive('\n').take(8) {
        let t = line.trim();
        if !t.is_empty()
            && t.chars().count() <= 80
            && ["建议", "提案", "议案", "办理"]
                .iter()
                .any(|w| t.contains(w))
        {
            return (offset, offset + line.len());
        }
        offset += line.len();
    }
    (
        0,
        text.char_indices().nth(80).map_or(text.len(), |(b, _)| b),
    )
}

/// The text speaks as a department ("我局").
fn self_reference(text: &str) -> bool {
    SELF_NAMES.iter().any(|(w, _)| text.contains(w))
}

/// How a department names itself, with the reason.
const SELF_NAMES: &[(&str, &str)] = &[
    ("我局", "a bureau"),
    ("本局", "a bureau"),
    ("局机关", "a bureau's own offices"),
    ("我厅", "a provincial department"),
    ("我部", "a ministry (我部共收到…建议提案)"),
    ("我中心", "a public institution (体育事业发展中心)"),
];

/// True when `at` lies inside a title in 《》 that opened at most 60 characters before.
fn inside_title(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev().take(60) {
        match c {
            '《' => return true,
            '》' | '\n' => return false,
            _ => {}
        }
    }
    false
}

/// The three kinds of body that are no department, in the order of [`Who::bodies`].
const BODY_KINDS: [&str; 3] = ["政府", "政协", "人大"];

/// Who reports, as read from the names in the text.
#[derive(Debug, Default)]
pub struct Who {
    /// The reporting body's jurisdiction (a division, a street or a town).
    pub region: String,
    /// province, city, county or blank.
    pub level: String,
    /// The line of work (SCHEMA's short form), or 政府, 政协, 人大.
    pub sector: String,
    /// The reporting body as written.
    pub agency: String,
    /// The agency written for each of [`BODY_KINDS`], when the text writes one.
    pub bodies: [Option<String>; 3],
    /// The title names a government, CPPCC or congress (page furniture aside).
    pub titled: bool,
}

/// Fills region, level, sector and agency, with the names of the three kinds of body; `head`
/// is the title's byte range (see [`head`]).
pub fn who(
    text: &str,
    report: bool,
    (head_start, head_end): (usize, usize),
    is_place: region::PlaceTest,
) -> Who {
    // Departments.
    let mut score: HashMap<&'static str, (usize, usize)> = HashMap::new();
    let mut prefixes: Vec<&str> = Vec::new();
    let mut agency_by_sector: HashMap<&'static str, String> = HashMap::new();
    for caps in AGENCY.captures_iter(text) {
        let name = &caps["name"];
        let Some((sector, _)) = SECTORS.iter().find(|(_, a)| a.contains(&name)) else {
            continue;
        };
        let w = if caps
            .get(0)
            .is_some_and(|m| (head_start..head_end).contains(&m.start()))
        {
            3
        } else {
            2
        };
        let e = score
            .entry(sector)
            .or_insert((0, caps.get(0).map_or(0, |m| m.start())));
        e.0 += w;
        let whole = caps.get(0).expect("match");
        agency_by_sector
            .entry(sector)
            .or_insert_with(|| with_place(text, whole.start(), whole.as_str()));
        if let Some(p) = caps.name("pre") {
            prefixes.push(p.as_str());
        }
    }
    // "民政工作" counts for its sector: every occurrence of every alias in one pass (no
    // pattern can overlap itself, so this counts what `str::matches` would, alias by alias).
    for m in WORK_OF.0.find_overlapping_iter(text) {
        let e = score
            .entry(WORK_OF.1[m.pattern().as_usize()])
            .or_insert((0, usize::MAX));
        e.0 += 1;
    }
    let mut ranked: Vec<(&str, (usize, usize))> = score.into_iter().collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)).then(a.0.cmp(b.0)));
    let mut sector = String::new();
    let mut agency = String::new();
    let mut dept_first = usize::MAX;
    if let Some((s, (points, first))) = ranked.first()
        && (*points >= 3 || (*points >= 1 && self_reference(text)))
    {
        sector = s.to_string();
        agency = agency_by_sector.get(s).cloned().unwrap_or_default();
        dept_first = *first;
    }
    let mut gov_agency: [Option<String>; 3] = [None, None, None];
    let mut street = String::new();
    let mut gov_prefixes = Vec::new();
    let (mut gov, mut cppcc, mut npc) = (0, 0, 0);
    for caps in GOV.captures_iter(text) {
        let w = if caps
            .get(0)
            .is_some_and(|m| (head_start..head_end).contains(&m.start()))
        {
            3
        } else {
            1
        };
        let whole = caps.get(0).expect("match");
        // "12345政府服务热线", "政府信息公开": a service or a page, not a body.
        // A body inside a title (《中国人民政治协商会议X省委员会章程》) names the document,
        // not one that acts.
        if ["服务热线", "服务便民热线", "信息公开"]
            .iter()
            .any(|w| text[whole.end()..].starts_with(w))
            || inside_title(text, whole.start())
        {
            continue;
        }
        let slot = if caps.name("pre2").is_some() || caps.name("cppcc_full").is_some() {
            1
        } else if caps.name("pre3").is_some()
            || caps.name("jdnpc").is_some()
            || caps.name("town").is_some()
            || caps.name("npc_full").is_some()
        {
            2
        } else {
            0
        };
        if gov_agency[slot].is_none() {
            let written = whole
                .as_str()
                .trim_end_matches(|c: char| !"府室办会系统政协委".contains(c));
            let written = if caps.name("jd").is_some() {
                after_handing(written)
            } else {
                written
            };
            gov_agency[slot] = Some(with_place(text, whole.start(), written));
        }
        if let Some(j) = caps.name("jd") {
            let name = j.as_str();
            let name = name
                .rfind(['区', '县', '市', '镇'])
                .map_or(name, |b| &name[b + '区'.len_utf8()..]);
            // "交办浣东街道办事处": the verb that hands items to the office is no part of its name.
            let name = after_handing(name);
            // "接待工作由街道人大工作委员会组织": words of the sentence, not a street's name.
            let sentence_words = name
                .chars()
                .any(|c| "由在和向对的与及将从为是被把".contains(c));
            if street.is_empty()
                && !name.starts_with("xx")
                && name.chars().count() >= 4
                && !sentence_words
            {
                street = name.to_string();
            }
            // A street's congress working committee (街道人大工委) stands for its congress.
            if caps.name("jdnpc").is_some() {
                npc += w;
            } else {
                gov += w;
            }
        } else if let Some(p) = caps.name("pre2") {
            cppcc += w;
            gov_prefixes.push(p.as_str());
        } else if let Some(p) = caps.name("pre3") {
            npc += w;
            gov_prefixes.push(p.as_str());
        } else if caps.name("cppcc_full").is_some() {
            // The full names ("中国人民政治协商会议X市委员会", "X市人民代表大会常务委员会",
            // "全国人民代表大会社会建设委员会") are the bodies themselves; their place stands
            // before a session number or inside the name, so no prefix is read.
            cppcc += w;
        } else if caps.name("npc_full").is_some() {
            npc += w;
        } else if caps.name("town").is_some() {
            // A town's congress (镇人大, 乡人大主席团): a town has no level of its own.
            npc += w;
        } else {
            gov += w;
            if let Some(p) = caps.name("pre") {
                gov_prefixes.push(p.as_str());
            }
        }
    }
    let department = self_reference(text);
    // A government or CPPCC report names departments in its body; the body named in the title
    // is the one reporting.
    // Page furniture ("政府信息公开", "…人民政府网") names no reporting body.
    let head_text = text[head_start..head_end]
        .replace("政府信息公开", "")
        .replace("政府网", "");
    let gov_in_head = GOV.is_match(&head_text);
    if !sector.is_empty()
        && report
        && !department
        && !(head_start..head_end).contains(&dept_first)
        && gov_in_head
    {
        sector.clear();
        agency.clear();
    }
    if sector.is_empty() && !department {
        let head = &text[head_start..head_end];
        // A title about the CPPCC's own proposal work; one naming deputies' suggestions too
        // ("人大代表建议和政协委员提案办理工作") is about both kinds, not the CPPCC's.
        if head.contains("政协")
            && (head.contains("提案工作") || head.contains("提案办理"))
            && !head.contains("政府")
            && !head.contains("人大")
        {
            cppcc += 5;
        }
        let mut best: Option<(usize, &str)> = None;
        for cand in [(gov, "政府"), (cppcc, "政协"), (npc, "人大")] {
            if cand.0 > 0 && best.is_none_or(|b| cand.0 > b.0) {
                best = Some(cand);
            }
        }
        if let Some((_, s)) = best {
            sector = s.to_string();
            let slot = BODY_KINDS.iter().position(|k| *k == s).unwrap_or(2);
            agency = gov_agency[slot].clone().unwrap_or_default();
        }
    }
    if sector == "政府" || sector == "政协" || sector == "人大" || prefixes.is_empty() {
        prefixes = gov_prefixes;
    }
    // Level of the reporting body, by majority of the prefixes written before its name.
    let mut votes: HashMap<&str, usize> = HashMap::new();
    for p in &prefixes {
        let l = level_of_prefix(p);
        if !l.is_empty() {
            *votes.entry(l).or_default() += 1;
        }
    }
    for (word, l) in [
        ("全市", "city"),
        ("我市", "city"),
        ("全县", "county"),
        ("我县", "county"),
        ("全区", "county"),
        ("我区", "county"),
        ("全省", "province"),
        ("我省", "province"),
        // An anonymised body still says its level ("某区12345热线").
        ("某市", "city"),
        ("某县", "county"),
        ("某区", "county"),
        ("某省", "province"),
    ] {
        if text.contains(word) {
            *votes.entry(l).or_default() += 1;
        }
    }
    let mut body_level = votes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|x| x.0.to_string())
        .unwrap_or_default();
    let town = text.contains("镇政府")
        || text.contains("乡政府")
        || text.contains("乡人民政府")
        || text.contains("镇人民政府")
        || text.contains("全乡")
        || text.contains("全镇");
    let who = |region: String, level: String| Who {
        region,
        level,
        sector: sector.clone(),
        agency: agency.clone(),
        bodies: gov_agency.clone(),
        titled: gov_in_head,
    };
    if !street.is_empty() {
        return who(street, String::new());
    }
    if town && !text.contains("县政府") {
        body_level.clear();
        return who(town_name(text).unwrap_or_default(), body_level);
    }
    // A template's placeholder for the body ("XX市人社局") names no place.
    let head: String = text.chars().take(120).collect();
    let placeholder = [
        "XX市", "XX县", "XX区", "xx市", "xx县", "xx区", "XXX市", "xxx市",
    ]
    .iter()
    .any(|p| head.contains(p));
    let (region, level) = if placeholder {
        (String::new(), String::new())
    } else {
        region(text, &body_level, is_place)
    };
    let level = if region.is_empty() { body_level } else { level };
    who(region, level)
}

/// A prefecture's congress or CPPCC session ("州十五届人大三次会议", "州政协十二届").
static PREFECTURE_SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"州(?:[一二三四五六七八九十]+届)?(?:人大|政协)").expect("prefecture session regex")
});

/// True unless `sector` is a government, a CPPCC or a congress and `agency` names another of
/// the three.
fn body_agrees(sector: &str, agency: &str) -> bool {
    let names: &[&str] = match sector {
        "政府" => &["政府", "街道办事处"],
        "政协" => &["政协", "政治协商会议"],
        "人大" => &["人大", "人民代表大会"],
        _ => return true,
    };
    agency.is_empty() || names.iter().any(|n| agency.contains(n))
}

/// Every document field; `handling` is the number of words naming handled items.
pub fn meta(
    text: &str,
    handling: usize,
    achieved_facts: usize,
    is_place: region::PlaceTest,
) -> DocMeta {
    let report = is_report(text, handling, achieved_facts);
    let title = head(text);
    let Who {
        mut region,
        mut level,
        mut sector,
        agency,
        bodies,
        titled,
    } = who(text, report, title, is_place);
    let reporting = reporter::read(text);
    if reporting.national {
        region.clear();
        level.clear();
    } else if let Some((place, place_level)) = reporting.place {
        // The body that counts the items, written with its place ("甘谷县政府共承办…"), is
        // where the report comes from, whatever higher bodies the text names.
        region = place.to_string();
        level = place_level.to_string();
    }
    // A 市 that handles the suggestions of a 州's (prefecture's) congress is a county-level
    // city under that prefecture.
    if level == "city"
        && !region.ends_with('州')
        && PREFECTURE_SESSION.is_match(text)
        && (text.contains("市政府") || text.contains("市人民政府"))
    {
        level = "county".to_string();
    }
    // The body that counts the items decides between government, CPPCC and congress.
    // A session's body gives way to a body the title names ("X市人民政府…建议办理情况").
    if let Some(r) = reporting.sector
        && !(reporting.by_session && titled)
        && (sector.is_empty()
            || ["政府", "政协", "人大"].contains(&sector.as_str())
            || reporting.whole_government)
    {
        sector = r.to_string();
    }
    // A news item speaks for the body that held its event, when no counting sentence names one
    // and the text does not speak as a department.
    if reporting.sector.is_none()
        && !self_reference(text)
        && let Some(s) = reporter::event_sector(text)
    {
        sector = s.to_string();
    }
    // A title that opens with its author names who reports.
    if let Some(s) = reporter::titled_author(text)
        && (sector.is_empty() || ["政府", "政协", "人大"].contains(&sector.as_str()))
    {
        sector = s.to_string();
    }
    // A report given on a body's behalf is that body's.
    if let Some(s) = reporter::delegated_by(text)
        && (sector.is_empty() || ["政府", "政协", "人大"].contains(&sector.as_str()))
    {
        sector = s.to_string();
    }
    // An agency named for another kind of body than the one that reports is no agency of it:
    // the reporting kind's own name is, when the text writes one.
    let agency = if body_agrees(&sector, &agency) {
        agency
    } else {
        let slot = BODY_KINDS.iter().position(|s| *s == sector);
        slot.and_then(|i| bodies[i].clone()).unwrap_or_default()
    };
    DocMeta {
        is_report: report,
        year: year::year(text, title),
        region,
        level,
        sector,
        agency,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_with_suffix_and_level() {
        let text = "攀枝花市民政局关于建议提案办理工作的总结。市民政局高度重视。";
        let Who {
            region: r,
            level: l,
            sector: s,
            ..
        } = who(text, true, head(text), &|_| false);
        assert_eq!(
            (r.as_str(), l.as_str(), s.as_str()),
            ("攀枝花市", "city", "民政")
        );
    }

    #[test]
    fn municipalities_are_province_level() {
        let m = meta(
            "上海市交通委2023年建议提案办理工作总结\n2023年,市交通委共承办市人大代表建议、市政协提案223件。",
            3,
            1,
            &|_| false,
        );
        assert_eq!(
            (m.region.as_str(), m.level.as_str()),
            ("上海市", "province")
        );
    }

    #[test]
    fn autonomous_prefecture_short_form() {
        let text = "政协楚雄州十届一次会议,楚雄州人社局承办提案。州人社局";
        let w = who(text, true, head(text), &|_| false);
        assert_eq!((w.region.as_str(), w.level.as_str()), ("楚雄州", "city"));
    }
}
