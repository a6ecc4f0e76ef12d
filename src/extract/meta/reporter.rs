//! Who reports, read from the sentence that counts the items: the body named before the
//! receiving or handling verb is the one whose handling the text reports ("市政府系统共办理提案
//! 572件" is a government report even when the CPPCC session is named first; "省政协…共收到提案
//! 729件" is the CPPCC's own). Used when the reporting body is a government, a CPPCC or a
//! people's congress, where departments named in the body mislead a count of names.

use regex::Regex;
use std::sync::LazyLock;

/// Bodies as they stand before a counting verb, and the sector each means.
const BODIES: &[(&str, &str, &str)] = &[
    ("政府系统", "政府", "the government's departments as one"),
    ("人民政府", "政府", "a government"),
    ("政府办公厅", "政府", "a government's general office"),
    ("政府办公室", "政府", "a government's general office"),
    ("政府", "政府", "a government"),
    ("国务院", "政府", "the central government"),
    ("提案委", "政协", "the CPPCC's proposal committee"),
    ("政协", "政协", "a CPPCC committee"),
    ("人大常委会", "人大", "a congress's standing committee"),
    (
        "人民代表大会",
        "人大",
        "a congress by its full name (a session number after it names a session)",
    ),
    (
        "政治协商会议",
        "政协",
        "a CPPCC by its full name (中国人民政治协商会议X市委员会)",
    ),
    (
        "人大代表",
        "人大",
        "deputies raising suggestions: the congress reports them",
    ),
    ("人大", "人大", "a people's congress"),
];

/// Receiving and handling verbs that count items.
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("共承办|共办理|共收到|共受理|共接收|共接到|承办|办理|主办|收到|受理|接收|接到|立案|提交|提出")
        .expect("verb regex")
});

/// What follows a counting verb: a count within the sentence.
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^了?[^。!?\n:;]{0,40}?[0-9零〇一二两三四五六七八九十百千]+\s*件")
        .expect("tail regex")
});

/// The first counting sentence: the words before the verb (its clause and the one before),
/// the verb, and the text from the verb to the count and a few characters after.
struct Counting<'a> {
    subject: &'a str,
    /// The sentence before the verb, for a session named further back.
    sentence: &'a str,
    verb: &'a str,
    items: &'a str,
}

fn counting(text: &str) -> Option<Counting<'_>> {
    for v in VERB.find_iter(text) {
        let window = prefix_chars(&text[v.end()..], 48);
        let Some(tail) = TAIL.find(window) else {
            continue;
        };
        // Back over the verb's clause, and one comma into the clause before it.
        let mut start = v.start();
        let mut commas = 0;
        for (n, (i, c)) in text[..v.start()].char_indices().rev().enumerate() {
            if "。!?\n:;".contains(c) || n >= 80 {
                break;
            }
            if c == ',' {
                commas += 1;
                if commas > 1 {
                    break;
                }
            }
            start = i;
        }
        let sentence_start = text[..v.start()]
            .rfind(['。', '!', '?', '\n'])
            .map_or(0, |p| {
                p + text[p..].chars().next().map_or(1, char::len_utf8)
            });
        let items_end = v.end() + tail.end();
        let items = prefix_chars(
            &text[v.start()..],
            text[v.start()..items_end].chars().count() + 4,
        );
        return Some(Counting {
            subject: &text[start..v.start()],
            sentence: &text[sentence_start.min(start)..v.start()],
            verb: v.as_str(),
            items,
        });
    }
    None
}

/// The first `n` characters of `s`.
fn prefix_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// A session's name after a body ("十一届二次会议", "第五次会议").
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:第|[一二三四五六七八九十〇0-9]+届|[一二三四五六七八九十]+次)")
        .expect("session regex")
});

/// True when the first counting sentence speaks for a national body (全国人大, 全国政协, 国务院):
/// such a body has no region or level.
fn national(c: &Counting) -> bool {
    // A ministry is named bare ("生态环境部", "我部"); a local 部 carries its party or place
    // committee ("市委宣传部"), and a state bureau or commission says 国家 ("国家林业和草原局",
    // "国家卫生健康委").
    static MINISTRY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:(?:^|[^\p{Han}])(?:我部|[\p{Han}]{2,10}部)|国家[\p{Han}]{2,10}(?:局|委))(?:门)?\s*(?:[0-9]{4}年|去年|今年|全年|上年|[,\s])*(?:共|$)",
        )
        .expect("ministry regex")
    });
    // 部 also ends words that name no body: 全部, 内部, 局部, 大部.
    // (A state commission, 国家…委, is no party committee.)
    let local = |m: &str| {
        let m = m.trim_start_matches(|c: char| !crate::decode::is_cjk(c));
        (!m.starts_with("国家") && m.contains(['省', '市', '县', '区', '州', '委', '乡', '镇']))
            || ["全部", "内部", "局部", "大部"]
                .iter()
                .any(|w| m.trim_end().trim_end_matches('共').ends_with(w))
    };
    ["全国人大", "全国政协", "国务院", "中央和国家机关"]
        .iter()
        .any(|w| c.subject.contains(w))
        || MINISTRY
            .find_iter(c.subject)
            .any(|m| !local(m.as_str()) && !m.as_str().ends_with("部门"))
}

/// Who reports, read once from the first counting sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reporter {
    /// 政府, 政协 or 人大 when the counting body is no department.
    pub sector: Option<&'static str>,
    /// The government as a whole reports (国务院各部门, 市政府系统): it outranks any
    /// department the text names.
    pub whole_government: bool,
    /// A national body (全国人大, 全国政协, 国务院): no region or level.
    pub national: bool,
    /// The sector is read from the session the items came to, not from a body named as their
    /// receiver: a body named in the title outranks it.
    pub by_session: bool,
    /// The place written right before the counting body's name ("甘谷县政府共承办…" →
    /// 甘谷县): where the body that counts the items is.
    pub place: Option<(&'static str, &'static str)>,
}

/// Reads who reports from `text`.
pub fn read(text: &str) -> Reporter {
    let Some(c) = counting(text) else {
        return Reporter::default();
    };
    let body = reporting_body(&c);
    Reporter {
        sector: body.map(|(sector, _, _, _)| sector),
        whole_government: body.is_some_and(|(_, whole, _, _)| whole),
        by_session: body.is_some_and(|(_, _, session, _)| session),
        national: national(&c),
        place: body.and_then(|(_, _, _, place)| place),
    }
}

/// A title that opens with its author ("某县人民政府关于…代表建议办理情况的报告", "某区人民政府
/// 2018年人大代表建议办理总体情况"): the body named first, before 关于 or the year, wrote it,
/// whatever session the items came from. Only short lines with no comma or full stop are
/// titles.
pub fn titled_author(text: &str) -> Option<&'static str> {
    static AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[^,。,;关]{0,24}?(?P<body>人民政府|政府|人大常委会|人民代表大会常务委员会|政协|政治协商会议[^,。,;关]{0,12}?委员会)[^,。,;关]{0,12}?(?:关于|(?:19|20)\d{2}年)")
            .expect("author regex")
    });
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .filter(|l| l.chars().count() <= 80 && !l.contains([',', ',', '。', ';']))
        .find_map(|l| sector_of_body(AUTHOR.captures(l)?.name("body")?.as_str()))
}

/// A report delivered on a body's behalf names that body outright ("受市人民政府委托", "我受
/// 政协…常务委员会的委托,向大会报告…提案工作情况"): the body it speaks for reports, whatever
/// other bodies its counting sentences name. Read near the start, where a speech says it.
pub fn delegated_by(text: &str) -> Option<&'static str> {
    static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"受(?P<body>[^。,,;;:\n]{2,40}?)的?委托").expect("on-behalf regex")
    });
    // The head of a government speaks for it ("受市长委托").
    const GOVERNMENT_HEADS: &[&str] = &["省长", "市长", "州长", "县长", "区长", "旗长"];
    let opening = prefix_chars(text, 600);
    let body = ON_BEHALF.captures(opening)?.name("body")?.as_str();
    if GOVERNMENT_HEADS.iter().any(|h| body.ends_with(h)) {
        return Some("政府");
    }
    sector_of_body(body)
}

/// The sector of a body named in full or in short ([`BODIES`]; deputies are no body).
fn sector_of_body(body: &str) -> Option<&'static str> {
    BODIES
        .iter()
        .find(|(w, _, _)| body.contains(w) && *w != "人大代表")
        .map(|(_, sector, _)| *sector)
}

/// A news item's lead says who held the event it reports ("8月11日,县人大常委会组织开展了代表
/// 建议现场督办活动", "市政协经济委召开重点提案督办协商座谈会"): that body speaks, whatever
/// departments answer at the event. Read from the first sentence with a verb of holding within
/// the opening characters; only bodies of `BODIES` (a government, a CPPCC, a congress) count,
/// with their own organs (政协经济委, 人大常委会办公室) but not a department named after them.
/// Not for a text whose counting sentence names who counts.
pub fn event_sector(text: &str) -> Option<&'static str> {
    // A text whose counting sentence names a body or department ("今年,市司法局共办理政协提案
    // 15件") says whose items they are; the event is only its setting.
    // A body's name that only names a session ("市十五届人大三次会议期间代表提出的建议") is
    // not one that counts.
    if counting(text).is_some_and(|c| {
        c.subject.contains(['局', '厅', '部', '委', '院'])
            || BODIES.iter().any(|(w, _, _)| {
                c.subject
                    .match_indices(w)
                    .any(|(at, _)| !SESSION.is_match(&c.subject[at + w.len()..]))
            })
    }) {
        return None;
    }
    static HELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("召开|组织开展|组织|举行|举办|开展|带领|率领|率队|带队|督办")
            .expect("event verb regex")
    });
    let lead = prefix_chars(text, 240);
    let verb = HELD.find(lead)?;
    let before = &lead[..verb.start()];
    let subject = before
        .rfind(['。', ',', '\n', ':', ')', '!', '?'])
        .map_or(before, |p| {
            &before[p + before[p..].chars().next().map_or(1, char::len_utf8)..]
        });
    let mut best: Option<(usize, &'static str)> = None;
    for &(word, sector, _) in BODIES {
        for (at, _) in subject.match_indices(word) {
            let end = at + word.len();
            if SESSION.is_match(&subject[end..]) || best.is_some_and(|(b, _)| b >= end) {
                continue;
            }
            best = Some((end, sector));
        }
    }
    let (end, sector) = best?;
    // "交办会在市人大常委会召开": a body after 在 is where the event took place.
    if subject[..end].contains('在') {
        return None;
    }
    let after = subject[end..].trim();
    // "市政府办公室", "县人大常委会" end the name; "市政协经济委" is the CPPCC's own committee;
    // "市政府教育局" is a department.
    // "县人大常委会副主任王宏忠带领检查组": the body's leader, by title and name, acts for it.
    static LEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:党组)?(?:常务)?副?(?:主任|主席|秘书长|委员长|省长|市长|县长|区长)\p{Han}{0,4}(?:、\p{Han}{2,4})*(?:分别|一行|等)?$",
        )
        .expect("leader regex")
    });
    let own_organ = after.is_empty()
        || ["办", "办公室", "办公厅", "常委会"].contains(&after)
        || LEADER.is_match(after)
        || (sector != "政府" && after.chars().count() <= 6 && after.ends_with(['委', '会']));
    own_organ.then_some(sector)
}

/// Words that make a body a department (its own sector is read elsewhere).
const DEPARTMENT_ENDS: &[char] = &['局', '厅', '委', '办', '院', '室', '所', '部', '心'];

/// The sector (政府, 政协 or 人大) of the body that counts the items in the first counting
/// sentence (later ones count parts, outcomes or other batches), when that body is no
/// department, and whether it is a government as a whole.
/// "积极向省委、省政府建言,提出提案708件": a body after 向 (to) within its phrase is one that
/// advice went to in a clause of its own, not the one that counts the items. (Addressed by the
/// counting verb itself, "向县政府提出建议77件", it is the handler, and counts.) `before` is the
/// text before the body's name; the phrase may hold other bodies ("向省委、省政府").
fn addressee(before: &str) -> bool {
    let phrase: String = before
        .chars()
        .rev()
        .take_while(|c| !"。,;:!?\n".contains(*c))
        .take(10)
        .collect();
    phrase.contains('向')
}

/// The sector of the body whose session `subject` names, when it names one kind of body only
/// ("第十届区人大五次会议", "市政协十一届二次会议").
fn session_body(subject: &str) -> Option<&'static str> {
    let mut found: Option<&'static str> = None;
    for &(word, sector, _) in BODIES {
        for (at, _) in subject.match_indices(word) {
            if !SESSION.is_match(&subject[at + word.len()..]) {
                continue;
            }
            if found.is_some_and(|f| f != sector) {
                return None;
            }
            found = Some(sector);
        }
    }
    found
}

/// The reporting body's sector, whether it is a government as a whole, whether it was read
/// from a session's name only, and the place written before the body's name.
type Body = (
    &'static str,
    bool,
    bool,
    Option<(&'static str, &'static str)>,
);

fn reporting_body(c: &Counting) -> Option<Body> {
    // "县人大常委会交由县人民政府办理的81件建议": the body that hands the items over to the
    // handler reports them; with nobody before 交由, the handler does (交由市政府办理的提案).
    let subject = match c.subject.rfind("交由") {
        Some(at) if BODIES.iter().any(|(w, _, _)| c.subject[..at].contains(w)) => &c.subject[..at],
        _ => c.subject,
    };
    // "…要求办理的议案": a body asking others to handle the items is not the handler.
    if subject.ends_with("要求") || subject.ends_with('交') {
        return None;
    }
    // The body nearest the verb is its subject.
    let mut best: Option<(usize, usize, &'static str)> = None;
    for &(word, sector, _) in BODIES {
        for (at, _) in subject.match_indices(word) {
            let end = at + word.len();
            // "市政协十一届二次会议", "全国人大五次会议": a session's name, not a body acting.
            if SESSION.is_match(&subject[end..]) {
                continue;
            }
            // "政协委员提案": members, not the committee.
            let rest = &subject[end..];
            if word == "政协" && rest.starts_with("委员") && !rest.starts_with("委员会") {
                continue;
            }
            if addressee(&subject[..at]) && rest.contains([',', '，']) {
                continue;
            }
            if best.is_none_or(|(b, _, _)| end > b) {
                best = Some((end, at, sector));
            }
        }
    }
    let (verb, items) = (c.verb, c.items);
    let Some((end, at, sector)) = best else {
        // Only the CPPCC receives and registers proposals: with no body named, the text
        // speaks for it.
        // (Items named as the CPPCC's, 政协提案 or 政协委员提案, came to someone else: the
        // CPPCC calls them 提案 or 委员提案.)
        let registers = verb.ends_with("立案")
            || (verb.ends_with("收到") || verb == "提交")
                && items.contains("提案")
                && !items.contains("政协");
        let by_department = subject
            .trim_end_matches(['共', ' '])
            .ends_with(DEPARTMENT_ENDS);
        if by_department || subject.contains("政府") {
            return None;
        }
        // "记者从第十届区人大五次会议了解到,…共收到建议105件": items received at a session,
        // with no body named to receive them, were received by the body holding it.
        if registers {
            return Some(("政协", false, false, None));
        }
        let receives = ["收到", "受理", "接收", "接到", "提出", "提交", "立案"]
            .iter()
            .any(|w| verb.ends_with(w));
        return receives
            .then(|| session_body(c.sentence))
            .flatten()
            .map(|sector| (sector, false, true, None));
    };
    // "县人大常委会办公室", "市政府办公厅" are fine; "市政协提案委员会" too; but a
    // department named after the body ("市政府…局") is the subject instead.
    let after = &subject[end..];
    let department = after
        .chars()
        .take(12)
        .collect::<String>()
        .trim_end_matches(['共', '累', '计', ' '])
        .ends_with(DEPARTMENT_ENDS);
    if department && !after.contains("政府") {
        return None;
    }
    let whole = ["政府系统", "国务院"]
        .iter()
        .any(|w| subject[..end].ends_with(w) || subject[..end].ends_with(&format!("{w}各部门")));
    Some((
        sector,
        whole,
        false,
        super::region::place_before(&subject[..at]),
    ))
}

#[cfg(test)]
mod tests {
    use super::read;

    fn reporter(text: &str) -> Option<&'static str> {
        read(text).sector
    }

    fn national_of(text: &str) -> bool {
        read(text).national
    }

    #[test]
    fn the_body_before_the_counting_verb_reports() {
        assert_eq!(
            reporter("市政协六届二次会议期间\n市政府系统共办理提案572件"),
            Some("政府")
        );
        assert_eq!(
            reporter("省政协十一届二次会议以来,共收到提案材料729件"),
            Some("政协")
        );
        assert_eq!(
            reporter("会议期间,全国人大代表提出建议、批评和意见共四千二百八十七件"),
            Some("人大")
        );
        assert_eq!(reporter("县卫健局共办理人大建议18件"), None);
        assert_eq!(
            reporter("县人大常委会交由县人民政府办理的81件建议均已办复"),
            Some("人大")
        );
        assert_eq!(reporter("交由市政府办理的提案共92件"), Some("政府"));
        // Items received at a session, no body named to receive them: the session's body.
        assert_eq!(
            reporter("记者从区人大五次会议了解到,大会共收到建议105件"),
            Some("人大")
        );
        assert_eq!(
            reporter("市政协十一届二次会议期间,共收到提案480件"),
            Some("政协")
        );
        assert_eq!(reporter("县人大三次会议期间,我局共收到建议12件"), None);
        assert_eq!(
            reporter("记者从第十届区人大五次会议了解到,截至闭幕时,共收到建议105件。"),
            Some("人大")
        );
        assert!(national_of(
            "2018年,国务院各部门牵头办理全国人大代表建议6319件"
        ));
        assert!(!national_of("2019年,县政府系统共承办人大代表建议49件"));
        assert!(national_of("2022年,生态环境部共办理全国两会建议提案1294件"));
        // A time word may stand between the ministry and its verb.
        assert!(national_of("农业农村部去年办理建议提案1545件"));
        assert!(!national_of("市委宣传部去年办理建议提案12件"));
        assert!(!national_of("2022年,市委宣传部共办理建议提案12件"));
        assert!(!national_of("2022年,各部门共办理建议提案12件"));
        assert!(!national_of("截至6月底,书面建议已全部办理完毕,满意33件"));
    }
}
