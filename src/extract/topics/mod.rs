//! Subject areas a report enumerates: `主要涉及A、B和C等方面`, `X和Y各2件`, lists announced by
//! their number (`5个方面分别为:A;B`), and the `X方面N件` items found while reading counts.

mod announced;
mod framed;
mod introducers;
mod label;
mod prose;

pub(super) use label::{clean, split_conjunctions, strip_rank};

use regex::Regex;
use std::sync::LazyLock;

/// An area found in an enumeration (normalised-text offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct RawTopic {
    /// The area.
    pub label: String,
    /// Items, when given.
    pub count: Option<u32>,
    /// Evidence start.
    pub start: usize,
    /// Evidence end.
    pub end: usize,
}

/// "主要涉及A、B和C。": a list closed by the sentence, of short items only. When the items'
/// contents are its subject ("内容涉及A、B、C,做到…"), a comma closes it too.
static OPEN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<intro>主要涉及|内容涉及|涉及|主要集中在|集中在|主要内容为|主要内容是|内容主要为)[:]?(?P<list>[^,。;:!?\n]{4,80}?)(?P<end>。|,|$)",
    )
    .expect("open list regex")
});

/// "涉及清洁能源、对外交流的建议。": the list names the items' concerns, closed by the items
/// and the clause's end (a count after them is read with the counts).
static OF_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"涉及(?P<list>[^,。;:!?\n等的]{5,60}?)的(?:代表建议|委员提案|建议|提案|议案)(?:[,。;]|$)",
    )
    .expect("of-items regex")
});

/// An area with its count in brackets, as one item of a list ("经济建设(32件)").
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[、,:]|以及|和|及|涉及|包括|集中在|分布在)(?P<label>[^,。;:!?\n、()()\d]{2,16}?)[((](?P<n>\d+)件[))]",
    )
    .expect("bracketed regex")
});

static EACH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<labels>[^,。;:!?\n\d]{2,40}?)各(?:有|为|是|计)?(?P<n>\d+)件")
        .expect("each regex")
});

/// An item of a breakdown whose parts are set apart by commas, so that one part may list
/// areas with 、 ("教育、文化和卫生19个").
static COMMA_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[,;:])(?P<label>[^,。;:!?\n\d]{2,16}?)(?P<n>\d+)(?:件|个|项|条)")
        .expect("comma item regex")
});

static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[,、;:])(?P<label>[^,。;:!?\n\d、]{2,16}?)(?P<n>\d+)(?:件|个|项|条)")
        .expect("item regex")
});

/// An item's share after its count, before the next item of a list: ",占比9.6%".
static SHARE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[,，]\s*(?:占|比例为|比重为)[^,;。，；\d]{0,8}\d+(?:\.\d+)?%$")
        .expect("share gap regex")
});

fn split_items(list: &str) -> Vec<String> {
    list.split(['、', ','])
        .flat_map(|part| {
            let parts: Vec<&str> = split_conjunctions(part);
            if parts.iter().all(|p| p.chars().count() >= 2) {
                parts
            } else {
                vec![part]
            }
        })
        .filter_map(clean)
        .collect()
}

/// Finds enumerated areas in normalised text.
pub fn extract(text: &str) -> Vec<RawTopic> {
    let mut out = prose::extract(text);
    for caps in OPEN_LIST.captures_iter(text) {
        let list = caps.name("list").expect("list").as_str();
        if &caps["end"] == "," && !["内容涉及", "主要涉及"].contains(&&caps["intro"]) {
            continue;
        }
        // A list closed by its head noun ("…三个方面") is read by the prose finder.
        if list.contains('等')
            || !list.contains('、')
            || list.chars().any(|c| c.is_ascii_digit())
            || list.contains("方面")
            || list.contains("领域")
        {
            continue;
        }
        let parts: Vec<&str> = list.split(['、', '和', '及']).collect();
        if parts.len() < 3 || parts.iter().any(|p| p.chars().count() > 10) {
            continue;
        }
        let whole = caps.get(0).expect("match");
        let (start, end) = (whole.start(), whole.end());
        for label in split_items(list) {
            out.push(RawTopic {
                label,
                count: None,
                start,
                end,
            });
        }
    }
    // "涉及A、B的建议": a list of what the items concern, named with the items themselves.
    for caps in OF_ITEMS.captures_iter(text) {
        let list = caps.name("list").expect("list").as_str();
        let parts: Vec<&str> = list.split('、').collect();
        if parts.len() < 2 || parts.iter().any(|p| !(2..=16).contains(&p.chars().count())) {
            continue;
        }
        let whole = caps.get(0).expect("match");
        for label in split_items(list) {
            out.push(RawTopic {
                label,
                count: None,
                start: whole.start(),
                end: whole.end(),
            });
        }
    }
    // Counted enumerations: only in sentences that announce areas, or in a breakdown of
    // items just counted that names three or more areas (below).
    let mut counted_before = false;
    for sentence in text.split_inclusive(['。', '\n']) {
        let base = sentence.as_ptr() as usize - text.as_ptr() as usize;
        let counts_items = names_items(sentence);
        if !(sentence.contains("涉及") || sentence.contains("方面") || sentence.contains("领域"))
        {
            if (counted_before || counts_items) && sentence.contains("其中") {
                area_breakdown(base, sentence, &mut out);
            }
            if !sentence.trim().is_empty() {
                counted_before = counts_items;
            }
            continue;
        }
        counted_before = counts_items;
        for caps in EACH.captures_iter(sentence) {
            let labels = caps.name("labels").expect("labels").as_str();
            let labels = labels.rsplit([',', ';', ':']).next().unwrap_or(labels);
            let n: u32 = caps["n"].parse().unwrap_or(0);
            let whole = caps.get(0).expect("match");
            for part in labels.split(['和', '、', '及']) {
                if let Some(label) = clean(part) {
                    out.push(RawTopic {
                        label,
                        count: Some(n),
                        start: base + whole.start(),
                        end: base + whole.end(),
                    });
                }
            }
        }
        // "主要涉及经济建设(32件)、社会事业(45件)": each area with its count in brackets.
        let bracketed: Vec<_> = BRACKETED.captures_iter(sentence).collect();
        if bracketed.len() >= 2 {
            for caps in bracketed {
                let whole = caps.get(0).expect("match");
                let n: u32 = caps["n"].parse().unwrap_or(0);
                // The words that open the list are no part of its first area.
                let label = ["涉及", "包括", "集中在", "分布在"]
                    .iter()
                    .filter_map(|w| caps["label"].rfind(w).map(|p| p + w.len()))
                    .max()
                    .map_or(&caps["label"], |p| &caps["label"][p..]);
                if let Some(label) = clean(label).and_then(|l| super::areas::area(&l)) {
                    out.push(RawTopic {
                        label,
                        count: Some(n),
                        start: base + whole.start(),
                        end: base + whole.end(),
                    });
                }
            }
        }
        // A breakdown (其中) opens a counted list anywhere in its sentence; a statement of
        // areas (涉及) only when the counted items follow it directly ("涉及A15件、B6件").
        for (opener, direct) in [("其中", false), ("涉及", true)] {
            let Some(after) = sentence.find(opener).map(|b| b + opener.len()) else {
                continue;
            };
            counted_items(base, sentence, after, direct, &mut out);
        }
    }
    framed::extract(text, &mut out);
    numbered_about(text, &mut out);
    masked_counts(text, &mut out);
    announced::extract(text, &mut out);
    bytes_to_chars(text, &mut out);
    out
}

/// Words that name the items a breakdown splits.
fn names_items(sentence: &str) -> bool {
    ["建议", "提案", "议案"]
        .iter()
        .any(|w| sentence.contains(w))
}

/// Words that end the name of a body or a place: a breakdown by handler or by district
/// ("区政府88件,法院3件", "各镇街12件") is no breakdown by area.
const BODY_ENDS: &[(&str, &str)] = &[
    ("局", "bureau"),
    ("委", "commission"),
    ("办", "office"),
    ("厅", "department"),
    ("院", "court, procuratorate, academy"),
    ("部门", "departments"),
    ("政府", "government"),
    ("单位", "units"),
    ("镇", "town"),
    ("街道", "street office"),
    ("乡", "township"),
    ("县", "county"),
    ("区", "district"),
    ("市", "city"),
    ("公司", "company"),
    ("团", "delegation"),
];

/// "共收到建议105件。其中,农业和农村3个,城市建设和管理46个,教育、文化和卫生19个":
/// a breakdown (其中) of items counted in the sentence or the one before, into three or more
/// parts that each can name an area and none of which names a body, is a list of counted
/// areas even without 涉及 or 方面. Fewer parts are more often roles, proposers or handlers.
fn area_breakdown(base: usize, sentence: &str, out: &mut Vec<RawTopic>) {
    let Some(after) = sentence.find("其中").map(|b| b + "其中".len()) else {
        return;
    };
    let body = |l: &str| BODY_ENDS.iter().any(|(w, _)| l.ends_with(w));
    // Parts set apart by commas first, then by 、.
    for item in [&*COMMA_ITEM, &*ITEM] {
        let mut found = Vec::new();
        items_by(item, base, sentence, after, false, &mut found);
        if found.len() >= 3 && !found.iter().any(|t| body(&t.label)) {
            out.extend(found);
            return;
        }
    }
}

/// "有关教育方面的提案**件": a page that masks its figures still names the area; the count is
/// not given, so the topic has none. A mask is a run of asterisks or of the letter x where a
/// number belongs, before the unit 件.
fn masked_counts(text: &str, out: &mut Vec<RawTopic>) {
    static MASKED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:[*＊]{1,4}|[xX×]{1,3})\s*件").expect("masked regex"));
    let clause_start = |end: usize| {
        text[..end]
            .rfind([',', ';', ':', '。', '\n', '，', '；', '：'])
            .map_or(0, |p| {
                p + text[p..].chars().next().map_or(1, char::len_utf8)
            })
    };
    for m in MASKED.find_iter(text) {
        // "**.*%": a masked share is no count; "2XX件" a partly masked number.
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
            continue;
        }
        let from = clause_start(m.start());
        let near = &text[from..m.start()];
        // The clause before: from the start of the one that ends at this clause's opening mark.
        let mark = text[..from]
            .char_indices()
            .next_back()
            .map_or(0, |(p, _)| p);
        let wide_from = clause_start(mark);
        let wide = &text[wide_from..m.start()];
        if let Some(label) = crate::extract::areas::topic_label(near, near, wide, true) {
            out.push(RawTopic {
                label,
                count: None,
                start: from,
                end: m.end(),
            });
        }
    }
}

/// "一是关于城市交通拥堵问题;二是关于老旧小区改造问题": a numbered list of what the items are
/// about. 关于 is required: a numbered list without it is usually of measures taken.
fn numbered_about(text: &str, out: &mut Vec<RawTopic>) {
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[一二三四五六七八九十]是关于(?P<label>[^,;:。!?\n]{2,20}?)(?:的)?(?:问题|方面)?(?:[;,。]|$)")
            .expect("numbered regex")
    });
    for caps in NUMBERED.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let label = super::areas::problem_to_solve(&caps["label"]);
        if let Some(label) = clean(label).and_then(|l| super::areas::area(&l)) {
            out.push(RawTopic {
                label,
                count: None,
                start: whole.start(),
                end: whole.end(),
            });
        }
    }
}

/// Turns the byte offsets topics were found at into character offsets, in one pass over the
/// text (a count from the start per topic would be quadratic in a long text).
fn bytes_to_chars(text: &str, topics: &mut [RawTopic]) {
    let mut wanted: Vec<usize> = topics.iter().flat_map(|t| [t.start, t.end]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut map = std::collections::HashMap::with_capacity(wanted.len());
    let mut next = wanted.iter().peekable();
    for (chars, (byte, _)) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .enumerate()
    {
        while next.peek().is_some_and(|&&b| b <= byte) {
            map.insert(*next.next().expect("peeked"), chars);
        }
        if next.peek().is_none() {
            break;
        }
    }
    for t in topics {
        t.start = map.get(&t.start).copied().unwrap_or(0);
        t.end = map.get(&t.end).copied().unwrap_or(t.start);
    }
}

/// The `X N件` items of a counted list starting at byte `after` of the sentence; with `direct`
/// only the run of items that starts there.
fn counted_items(base: usize, sentence: &str, after: usize, direct: bool, out: &mut Vec<RawTopic>) {
    items_by(&ITEM, base, sentence, after, direct, out);
}

fn items_by(
    item: &Regex,
    base: usize,
    sentence: &str,
    after: usize,
    direct: bool,
    out: &mut Vec<RawTopic>,
) {
    let mut next = after;
    for caps in item.captures_iter(&sentence[after..]) {
        let whole = caps.get(0).expect("match");
        // "涉及经济建设28件,占比9.6%;城建交通85件": each item's share may stand between them.
        if direct
            && after + whole.start() != next
            && !SHARE_GAP.is_match(sentence.get(next..after + whole.start()).unwrap_or(""))
        {
            break;
        }
        next = after + whole.end();
        let label = caps.name("label").expect("label").as_str();
        if label.contains('各')
            || label.contains("方面")
            || label.contains("主办")
            || label.contains("协办")
        {
            continue;
        }
        let n: u32 = caps["n"].parse().unwrap_or(0);
        // "教育部的23个司局": a count in 个, 项 or 条 with a noun of other things after it
        // counts those things, not items.
        let rest = &sentence[after + whole.end()..];
        let other_things = !whole.as_str().ends_with('件')
            && rest.chars().next().is_some_and(crate::decode::is_cjk)
            && !["建议", "提案", "议案", "件"]
                .iter()
                .any(|w| rest.starts_with(w));
        if other_things {
            continue;
        }
        // An outcome class, a role or a completion counted in the list is no area.
        if let Some(label) = clean(label).and_then(|l| super::areas::area(&l)) {
            out.push(RawTopic {
                label,
                count: Some(n),
                start: base + after + whole.start(),
                end: base + after + whole.end(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerated_areas() {
        let t = extract("今年共办理建议9件,内容涉及殡葬服务、社会救助、养老服务等多个领域。");
        let labels: Vec<_> = t.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, vec!["殡葬服务", "社会救助", "养老服务"]);
    }

    #[test]
    fn each_gives_two_areas() {
        let t = extract("共涉及7个方面的工作,其中,医疗救助和养老服务体系建设各2件,地名管理1件。");
        assert!(
            t.iter()
                .any(|x| x.label == "医疗救助" && x.count == Some(2))
        );
        assert!(
            t.iter()
                .any(|x| x.label == "养老服务体系建设" && x.count == Some(2))
        );
        assert!(
            t.iter()
                .any(|x| x.label == "地名管理" && x.count == Some(1))
        );
    }

    fn pairs(text: &str) -> Vec<(String, Option<u32>)> {
        extract(text)
            .into_iter()
            .map(|t| (t.label, t.count))
            .collect()
    }

    #[test]
    fn breakdown_into_areas_without_an_area_word() {
        let t = pairs(
            "会议收到议案建议88件。其中,水利建设5个,教育、卫生和体育20个,道路交通30个,其他2个。",
        );
        assert_eq!(
            t,
            vec![
                ("水利建设".to_string(), Some(5)),
                ("教育、卫生和体育".to_string(), Some(20)),
                ("道路交通".to_string(), Some(30)),
            ]
        );
    }

    #[test]
    fn breakdowns_by_handler_proposer_or_role_are_no_areas() {
        assert!(
            pairs("共交办建议60件。其中县政府40件,县法院8件,县检察院7件,各乡镇5件。").is_empty()
        );
        assert!(pairs("共收到提案90件。其中集体提案20件、委员个人提案70件。").is_empty());
        assert!(pairs("共办理建议50件,其中主办30件,协办15件,分办5件。").is_empty());
        // Two parts are too few to tell areas from other kinds of split.
        assert!(pairs("共收到建议30件。其中城市管理10件,农业20件。").is_empty());
    }

    #[test]
    fn quotes_for_emphasis_leave_the_label_and_stray_ones_too() {
        let t =
            pairs("委员们围绕推进“数字政府”建设、“一网通办”、深化“放管服”改革等方面积极建言献策。");
        let labels: Vec<_> = t.into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            labels,
            vec!["推进数字政府建设", "一网通办", "深化放管服改革"]
        );
        assert_eq!(clean("打造“两个中心"), Some("打造两个中心".to_string()));
    }
}
