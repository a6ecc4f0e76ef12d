//! Prose topic lists: `建议主要涉及A、B、C等方面`, `集中在A、B等领域`, `围绕A、B等方面建言`.
//!
//! A report says what its items concerned with an introducing verb, a list of areas and a
//! closing `等` plus a head noun (方面, 领域, 问题 …). The list is read between the nearest
//! introducer and the closing word within one sentence, and kept only when the sentence (or
//! the one before it) speaks of the items themselves.

use super::RawTopic;
use regex::Regex;
use std::sync::LazyLock;

use super::introducers::{INTRODUCERS, Introducer};

/// Verbs of talking matters over with the items' authors ("就…等问题进行沟通", "…等内容,
/// 面对面交流"): after a list opened by 就, they say the list is what the items raised.
const DISCUSSING: &[&str] = &[
    "进行", "交流", "沟通", "协商", "座谈", "面商", "探讨", "商讨",
];

/// The closing of a list: `等` with an optional size (`等5个`, `等各个`, `等几大类`, `等4类`), weight (`等重要`), note that
/// the public cares about them (`等群众关注的`, `等社会关注的`) and a head noun naming the kind
/// of area. Heads: 方面/领域 (areas, also 方方面面: every side), 问题/议题/事项/情况 (matters raised), 类别/类
/// (categories), 工作/内容 (lines of work, contents), 热点/难点/焦点 (issues of public concern);
/// or `等` with the body whose central work the areas are (`等市委、市政府重点工作`);
/// or `等` with what the listed items are about and the items (`等事关全县发展的提案`);
/// or `等` with a description of the areas and a head of public concern (`等知识产权事业正在
/// 改革攻坚的重点`);
/// or a bare `等` that ends the clause ("包括A、B等。"), or the number of areas without 等
/// ("围绕A、B、C三大主题"), or an ellipsis, which says "and so on" as 等 does ("反映在:A、B……").
static CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"等(?:多个|诸多|几个|几大|各个|[0-9]+个|[一二两三四五六七八九十]+个|[0-9]+大?|[一二两三四五六七八九十]+大)?(?:多)?(?:重要|重点|重大|主要)?(?:(?:群众|社会|百姓|人民群众)?(?:普遍)?(?:关注|关心)的)?(?:方方面面|方面(?:工作)?|领域(?:工作)?|问题|议题|事项|情况|类别|类|工作|内容|热点|难点|焦点|民生)|等(?:(?:[省市县区]委、?[省市县区](?:人民)?政府|党委、?政府)的?(?:重点|中心|重要)工作)|等(?:事关|有关|关于|涉及)[^,;。、]{0,16}?的(?:建议提案|提案|建议|议案)|等[^,;。、等]{2,16}?的(?:重点|热点|难点|焦点)|等(?:[。;,]|$)|(?:[两三四五六七八九十]|[0-9]+)(?:大|个)(?:方面|领域|主题)|…+",
    )
    .expect("close regex")
});

/// A list closed by `等` and the verb of raising them ("围绕A、B等积极建言献策", "对A、B等给予
/// 较多关注"): the areas the items raised. Advice is offered in set phrases built on 献/建/谋/
/// 出 with a noun of counsel ("献务实之策", "谋良策", "出实招", "建真言").
static CLOSE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"等(?:积极|广泛|踊跃|纷纷|深入)?(?:建言献策|建言|献策|献计|(?:献|谋|出|建)[^,;。、等]{0,3}?(?:之策|良策|实策|实招|真言|良言)|提出|给予|表达)")
        .expect("verb close regex")
});

/// A list closed by a head noun without `等` ("涉及教育、医疗方面", "涉及A、B的各个方面"),
/// taken only with two or more items and when the head ends the phrase.
static CLOSE_BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:的各个|的各|各个)?(?:方面|领域)").expect("bare close regex"));

/// Verbs after a list that say the items raised these areas ("…等方面提出/建言").
const PROPOSING: &[&str] = &["提出", "建言", "提交", "撰写", "反映", "进行了", "开展"];

/// Words that name the items, so a list near them describes the items.
const ITEM_WORDS: &[&str] = &["建议", "提案", "议案", "代表", "委员", "意见", "办件"];

/// Ends of a sentence for this purpose.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | '!' | '！' | '?' | '？' | '\n')
}

/// Finds prose topic lists in normalised text.
pub fn extract(text: &str) -> Vec<RawTopic> {
    let mut out = Vec::new();
    // The two sentences before: a list often follows the sentence that counts the items
    // ("共承办建议37件。其中单办14件。主要涉及…等方面。").
    // Blank lines between paragraphs do not count as sentences here.
    let mut before: [usize; 2] = [0, 0];
    let mut base = 0;
    for sentence in text.split_inclusive(ends_sentence) {
        let prev = &text[before[0]..base];
        scan_sentence(base, sentence, prev, &mut out);
        if !sentence.trim().is_empty() {
            before = [before[1], base];
        }
        base += sentence.len();
    }
    out
}

fn scan_sentence(base: usize, s: &str, prev: &str, out: &mut Vec<RawTopic>) {
    let names_items = |t: &str| ITEM_WORDS.iter().any(|w| t.contains(w));
    let mut floor = 0; // a list starts after the previous one's close
    let mut closes: Vec<(usize, usize, bool)> = CLOSE
        .find_iter(s)
        .map(|m| (m.start(), m.end(), true))
        .collect();
    let mut verb_closes = Vec::new();
    for m in CLOSE_VERB.find_iter(s) {
        if !closes.iter().any(|&(a, _, _)| a == m.start()) {
            // The close is the 等; the verb after it is read as a proposing verb.
            closes.push((m.start(), m.start() + '等'.len_utf8(), true));
            verb_closes.push(m.start());
        }
    }
    // "A、B等成为建议提案的重要内容": a bare 等 before the focus it is said to be.
    for m in s.match_indices("等成为").chain(s.match_indices("等是")) {
        let at = m.0;
        if !closes.iter().any(|&(a, _, _)| a == at) {
            closes.push((at, at + '等'.len_utf8(), true));
        }
    }
    for m in CLOSE_BARE.find_iter(s) {
        if !closes
            .iter()
            .any(|&(a, b, _)| a <= m.start() && m.start() < b)
        {
            closes.push((m.start(), m.end(), false));
        }
    }
    closes.sort();
    for (cs, ce, with_deng) in closes {
        if cs < floor {
            continue;
        }
        let Some((intro, list_start)) =
            nearest_introducer(s, floor, cs).or_else(|| focus_of_attention(s, floor, cs, ce))
        else {
            continue;
        };
        // "关注点反映在不同维度上:A、B……": a colon before the first item opens the list.
        let opened_at = list_start;
        let list_start = match s[list_start..cs].find([':', '：']) {
            Some(p) if !s[list_start..list_start + p].contains('、') => {
                list_start + p + s[list_start + p..].chars().next().map_or(1, char::len_utf8)
            }
            _ => list_start,
        };
        let list = &s[list_start..cs];
        let after = &s[ce..];
        // A list followed by a count is one counted area ("涉及A、B方面的提案17件"), read with
        // the counts; with 等 the count is the total of all listed ("涉及A、B等方面的建议34件")
        // and the areas are listed without counts.
        if counted_after(after) && !with_deng {
            continue;
        }
        // (The verb may follow a comma: "对A、B等方面工作,提出了435件意见和建议".)
        let verb_after = after.trim_start_matches([',', ' ']);
        let proposing =
            verb_closes.contains(&cs) || PROPOSING.iter().any(|w| verb_after.starts_with(w));
        // 包括 is enough when the list closes on areas (等…领域/方面) right after the sentences
        // that count the items ("共收到建议30件。…包括A、B、C等多个领域。"); not 聚焦 or 围绕,
        // which also open the aims of a work plan.
        let areas_after_items = ["包括", "包含"].contains(&intro.word)
            && with_deng
            && names_items(prev)
            && ["领域", "方面"].iter().any(|w| s[cs..ce].contains(w));
        if !(intro.strong || proposing || names_items(s) || areas_after_items) {
            continue;
        }
        if (intro.word == "在" || intro.word == "对") && !proposing {
            continue;
        }
        let talked_over = {
            let a = after.trim_start_matches([',', '，']);
            let a = a.strip_prefix("面对面").unwrap_or(a);
            DISCUSSING.iter().any(|w| a.starts_with(w))
        };
        if intro.word == "就" && !(proposing || talked_over) {
            continue;
        }
        if !(names_items(s) || names_items(prev)) {
            continue;
        }
        if !with_deng && !bare_close_ends_phrase(after) {
            continue;
        }
        let items = split_items(list);
        // "涉及碳达峰碳中和领域建议提案最多": one area, named as what the items concern.
        let of_items = ["建议", "提案", "议案", "的建议", "的提案"]
            .iter()
            .any(|w| after.starts_with(w));
        if items.is_empty() || (!with_deng && items.len() < 2 && !(intro.strong && of_items)) {
            continue;
        }
        floor = ce;
        let start = base + opened_at - intro.word.len();
        let end = base + ce;
        for label in items {
            out.push(RawTopic {
                label,
                count: None,
                start,
                end,
            });
        }
    }
}

/// The introducer nearest before `close` (and after `floor`), with the byte where the list
/// starts. The list must not cross a sentence-internal clause that speaks of something else:
/// it may contain commas only between short items.
fn nearest_introducer(s: &str, floor: usize, close: usize) -> Option<(&'static Introducer, usize)> {
    let region = &s[floor..close];
    let mut best: Option<(&'static Introducer, usize)> = None;
    for intro in INTRODUCERS {
        // A one-character introducer counts only at the start of a clause.
        let single = intro.word.chars().count() == 1;
        let found = region
            .rmatch_indices(intro.word)
            .map(|(p, _)| p)
            .find(|&p| {
                !single
                    || (clause_initial(s, floor + p)
                        && !(intro.word == "就" && not_preposition_jiu(s, floor + p)))
            });
        if let Some(p) = found {
            let start = floor + p + intro.word.len();
            // Nearest wins; of two ending at the same place the longer word ("主要包括").
            if best.is_none_or(|(b, bs)| {
                start > bs || (start == bs && intro.word.len() > b.word.len())
            }) {
                best = Some((intro, start));
            }
        }
    }
    let (intro, start) = best?;
    let list = &s[start..close];
    let n = list.chars().count();
    if !(2..=160).contains(&n) {
        return None;
    }
    Some((intro, start))
}

/// The list said afterwards to be what the members or deputies cared about most ("A、B、C等
/// 内容,是委员们关注的重点", "A、B等问题成为代表关注的焦点") or what the items were mainly about
/// ("A、B等成为建议提案的重要内容"): the clause that holds the list opens it. Read as a strong
/// introducer.
fn focus_of_attention(
    s: &str,
    floor: usize,
    close: usize,
    close_end: usize,
) -> Option<(&'static Introducer, usize)> {
    static FOCUS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[,,]?(?:是|成为|为)(?:[^。;,,]{0,12}?(?:关注|关心)的(?:重点|焦点|热点)|[^。;,,]{0,8}?(?:建议|提案|议案)的?(?:重要|主要)?(?:内容|主题))")
            .expect("focus regex")
    });
    static AS_FOCUS: Introducer = Introducer {
        word: "",
        strong: true,
    };
    if !FOCUS.is_match(&s[close_end..]) || !s[..close].is_char_boundary(floor) {
        return None;
    }
    let start = s[floor..close]
        .rfind([',', ',', ':', ':'])
        .map_or(floor, |p| {
            floor + p + s[floor + p..].chars().next().map_or(1, char::len_utf8)
        });
    let n = s[start..close].chars().count();
    (s[start..close].contains('、') && (4..=120).contains(&n)).then_some((&AS_FOCUS, start))
}

/// Words that open with 就 and are no preposition "about", with the reason: a list item
/// ("教育、就业、养老") is no list opened by 就.
const JIU_WORDS: &[(&str, &str)] = &[
    ("就业", "employment"),
    ("就医", "seeing a doctor"),
    ("就学", "schooling"),
    ("就读", "attending school"),
    ("就餐", "dining"),
    ("就近", "nearby"),
    ("就地", "on the spot"),
    ("就是", "is precisely"),
    ("就要", "is about to"),
];

/// 就 at byte `at` of `s` is no "about" opening a list: inside a list (after 、) or the first
/// character of another word.
fn not_preposition_jiu(s: &str, at: usize) -> bool {
    s[..at].ends_with('、') || JIU_WORDS.iter().any(|(w, _)| s[at..].starts_with(w))
}

/// The byte starts a clause: the start of the sentence or after punctuation (not after the
/// list mark 、: "…、对外开放、…" is an item, not 对 opening a list).
/// Also right after the items' authors as subject ("代表对A、B等方面工作,提出了…").
fn clause_initial(s: &str, at: usize) -> bool {
    let before = &s[..at];
    before
        .chars()
        .next_back()
        .is_none_or(|c| !crate::decode::is_cjk(c) && c != '、')
        || ["代表", "委员", "代表们", "委员们"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// `方面`/`领域` without `等` closes a list only when the phrase ends there.
fn bare_close_ends_phrase(after: &str) -> bool {
    match after.chars().next() {
        None => true,
        Some(c) => !crate::decode::is_cjk(c) || "的内工提建等".contains(c),
    }
}

/// The list is followed by a count of items ("…方面的提案17件", "…方面12件").
fn counted_after(after: &str) -> bool {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:的)?(?:提案|建议|议案|代表建议|委员提案)?(?:共|有)?\s*[0-9]+\s*件")
            .expect("count regex")
    });
    COUNT.is_match(after)
}

/// Depth-aware split of a list on `、` and `,`: separators inside brackets or quotes belong to
/// the item ("城市更新(老旧小区改造)").
fn split_top(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quoted = false;
    let mut last = 0;
    for (i, c) in list.char_indices() {
        match c {
            '(' | '（' | '[' | '【' | '《' => depth += 1,
            ')' | '）' | ']' | '】' | '》' => depth -= 1,
            '“' => quoted = true,
            '”' => quoted = false,
            '、' | ',' | '，' if depth <= 0 && !quoted => {
                parts.push(&list[last..i]);
                last = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&list[last..]);
    parts
}

/// Items of a list. The last item's `和`/`及`/`以及` is the list's own conjunction
/// ("A、B和C") and is split when both sides are words; inside other items it joins one area
/// ("高标准农田及水利设施建设").
pub(super) fn split_items(list: &str) -> Vec<String> {
    let parts = split_top(list);
    let mut items: Vec<&str> = Vec::new();
    let n = parts.len();
    for (k, part) in parts.into_iter().enumerate() {
        if k + 1 == n && n >= 2 {
            let pieces: Vec<&str> = super::split_conjunctions(part);
            if pieces.len() == 2 && pieces.iter().all(|p| p.chars().count() >= 2) {
                items.extend(pieces);
                continue;
            }
        }
        items.push(part);
    }
    // An item that is a clause (a count, a long phrase) means the list was misread; a number
    // that is part of a name ("120急救") is not a count.
    static COUNT_IN_ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[0-9]+\s*(?:件|个|项|条|人|名|家|次|%)").expect("count in item regex")
    });
    if items
        .iter()
        .any(|p| COUNT_IN_ITEM.is_match(p) || p.chars().count() > 30)
    {
        return Vec::new();
    }
    items.into_iter().filter_map(super::clean).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        extract(text).into_iter().map(|t| t.label).collect()
    }

    #[test]
    fn list_closed_by_deng_fangmian() {
        assert_eq!(
            labels("今年收到的代表建议主要涉及城乡供水、垃圾分类、停车管理等方面。"),
            vec!["城乡供水", "垃圾分类", "停车管理"]
        );
    }

    #[test]
    fn list_with_size_and_comma() {
        assert_eq!(
            labels("所办提案主要集中在学前教育、职业培训,校园安全、课后服务等4个领域。"),
            vec!["学前教育", "职业培训", "校园安全", "课后服务"]
        );
    }

    #[test]
    fn head_noun_inside_an_item_does_not_close() {
        assert_eq!(
            labels("承办建议15件,内容涉及教育领域数字化、体育场馆开放等方面工作。"),
            vec!["教育领域数字化", "体育场馆开放"]
        );
    }

    #[test]
    fn weak_introducer_needs_items_or_proposing_verb() {
        assert!(labels("我们紧紧围绕全县中心工作、重点项目等方面抓落实。").is_empty());
        assert_eq!(
            labels("委员们围绕河道治理、农村电商等方面建言献策。"),
            vec!["河道治理", "农村电商"]
        );
    }

    #[test]
    fn every_aspect_of_listed_areas() {
        assert_eq!(
            labels("本届提案涉及产业升级、城乡融合的各个方面。"),
            vec!["产业升级", "城乡融合"]
        );
        assert_eq!(
            labels("代表建议涉及托育服务、社区食堂等各个方面。"),
            vec!["托育服务", "社区食堂"]
        );
    }

    #[test]
    fn bare_deng_ends_a_list() {
        assert_eq!(
            labels("今年的建议主要涉及三个方面,包括渡口改造、客运班线、公交站亭等。"),
            vec!["渡口改造", "客运班线", "公交站亭"]
        );
    }

    #[test]
    fn counted_list_is_left_to_counts() {
        assert!(labels("建议中涉及文化、体育方面的建议12件。").is_empty());
        assert_eq!(
            labels("全年收到涉及助残、托育等方面的提案21件。"),
            vec!["助残", "托育"]
        );
    }

    #[test]
    fn brackets_keep_their_separators() {
        assert_eq!(
            labels("建议集中在管网改造(雨水、污水)、道路照明等领域。"),
            vec!["管网改造(雨水、污水)", "道路照明"]
        );
    }

    #[test]
    fn a_raising_verb_closes_a_list() {
        assert_eq!(
            labels("代表们围绕城乡融合、数字经济、托育服务等积极建言献策。"),
            vec!["城乡融合", "数字经济", "托育服务"]
        );
        assert_eq!(
            labels("共承办建议30件。此外,对河湖治理、湿地保护等给予较多关注。"),
            vec!["河湖治理", "湿地保护"]
        );
        // 对 inside a clause, or without a raising verb, opens no list.
        assert!(labels("代表建议中,我们对河湖治理、湿地保护等方面进行部署。").is_empty());
    }

    #[test]
    fn one_area_named_as_what_the_items_concern() {
        assert_eq!(
            labels("从内容看,涉及乡村振兴领域建议提案最多。"),
            vec!["乡村振兴"]
        );
    }

    #[test]
    fn words_holding_he_or_ji_are_not_split() {
        assert_eq!(
            labels("建议主要涉及社区治理、维护社会和谐稳定等方面。"),
            vec!["社区治理", "维护社会和谐稳定"]
        );
        assert_eq!(
            labels("建议主要涉及社区治理、普及急救知识等方面。"),
            vec!["社区治理", "普及急救知识"]
        );
    }

    #[test]
    fn what_there_is_after_a_remark_on_the_range() {
        assert_eq!(
            labels("今年办理的建议涉及的内容多,范围广,主要有城乡规划、交通等两个方面的问题。"),
            vec!["城乡规划", "交通"]
        );
        assert_eq!(
            labels("我局办件总量80件,主要围绕政府采购、税费改革等方面工作。"),
            vec!["政府采购", "税费改革"]
        );
    }

    #[test]
    fn last_item_conjunction_splits() {
        assert_eq!(
            labels("提案主要涉及科普场馆、人才引进和成果转化等问题。"),
            vec!["科普场馆", "人才引进", "成果转化"]
        );
    }
}
