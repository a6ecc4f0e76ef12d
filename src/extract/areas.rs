//! Counted topics: the subject area a count is given for (`经济建设方面提案94件`, `建言改善民生的
//! 提案781件`, `在经济建设上,提出提案64件`, bare items of a `涉及` list), and the test of whether
//! a label can name an area at all.

use super::facts::{Reader, text_of};
use super::lexicon::{COUNT_CUE_RE, KIND_RE, PART_RE};
use super::mentions::Mention;
use super::outcome;
use crate::model::Subject;
use regex::Regex;
use std::sync::LazyLock;

/// The area a part of a breakdown is named by: "X提案" where X is four or more characters
/// of words that are not a proposer, a time, a level or a kind qualifier.
pub(super) fn breakdown_area(near: &str, kind: Option<Subject>) -> Option<String> {
    kind?;
    let km = KIND_RE.find_iter(near).last()?;
    if !near[km.end()..].trim_matches(['共', '有', ' ']).is_empty() {
        return None;
    }
    let label = near[..km.start()]
        .trim_start_matches(['其', '中', ',', ':', '、', ' '])
        .trim_end_matches('的');
    // 共 inside a word (公共服务, 共享) is no count cue.
    let unmasked = GONG_WORDS
        .iter()
        .fold(label.to_string(), |l, (w, _)| l.replace(w, "□"));
    if label.chars().count() < 4
        || ["政协", "人大", "代表", "委员"]
            .iter()
            .any(|w| label.contains(w))
        || COUNT_CUE_RE.is_match(&unmasked)
    {
        return None;
    }
    area(label)
}

/// Subject-area counts are topics (SCHEMA). An area is named: before 方面/领域/类 (with the
/// verb of raising or registering after it: "经济建设方面立案158件")
/// ("城乡建设管理方面的", "有关教育方面的", "围绕经济建设方面提出提案": the words that say "about"
/// and the verb of proposing belong to the sentence, not to the area); after 建言/涉及/关于
/// before the kind ("建言改善民生的提案"); or as a
/// bare item of a list the clause opens with 涉及 ("涉及物业行业15件、老旧住宅改造15件").
fn area_of(near: &str, clause: &str, wide: &str, counted: bool) -> Option<String> {
    static AREA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:其中)?[:, 、]*(?:属于|属|涉及|建言|关于|有关|围绕)?(?P<label>[^,;:]{2,48}?)(?:方面|领域|类|事项)(?:的)?(?:(?:提出|提交|撰写|立案)了?)?(?:建议提案|提案建议|议案建议|提案|建议|议案)?(?:共|有)?\s*$")
            .expect("area regex")
    });
    // "关于农村公路的建议12件", "涉及水环境的建议提案达9件", "关于停车难的有4件": the verb
    // that says what the items are about, the area, and the items (or only 的 before the count);
    // in a numbered list, after its number ("五是关于X的建议3件").
    static ABOUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:其中)?[:, 、]*(?:[一二三四五六七八九十]+是)?(?P<verb>建言|涉及|关于|有关|围绕|反映)(?P<label>[^,;:]{2,24}?)(?:的?(?:建议提案|提案|建议|议案)|的)(?:共|有|达|为)?\s*$")
            .expect("about regex")
    });
    static LISTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[:, 、]*(?:主要)?(?:涉及|集中在|包括)?(?P<label>[^,;:、]{2,16})$")
            .expect("listed regex")
    });
    // "在经济建设上,提出提案64件": the area in the clause before the count's own.
    static SETTING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*在(?P<label>[^,;:在]{2,16}?)(?:上|方面|领域)[,:]\s*(?:(?:全国|省|市|县|区)?(?:人大|政协)?(?:代表|委员)们?)?(?:共|累计)?(?:提出|提交|撰写)(?:了)?(?:提案|建议|议案)$")
            .expect("setting regex")
    });
    // "经济建设方面,提出提案161件": an area fronted as the topic of the count's clause, named
    // as one by 方面/领域 (a bare "X上" without 在 names no area). One area: a list of aims
    // after 就 or 针对 ("就A、B等方面,提交提案500件") is read by AROUND below.
    static FRONTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?P<label>(?:[^,;:在、等就针围聚][^,;:在、等]{1,15}?))(?:方面|领域)[,:]\s*(?:(?:全国|省|市|县|区)?(?:人大|政协)?(?:代表|委员)们?)?(?:提出|提交|撰写)(?:了)?(?:提案|建议|议案)$")
            .expect("fronted regex")
    });
    // "围绕服务国家战略全局,提出提案95件": the aim the items were raised around, in the
    // clause before a count that says only that they were raised, or in its own clause with
    // the raisers before it ("委员们围绕社会保障和改善民生提出提案170件"). Examples closed by 等
    // ("围绕产业转型、乡村振兴等中心工作提交提案120件") say what all the items covered. A
    // longer aim is a list closed by 等 ("围绕A、B、C…等,提出提案1262件"), and so is one after 就
    // or 针对 ("就A、B等方面,提交提案89件"). A count said to be of all the items (共提出, 累计
    // 提交) is the whole, whatever it was raised around. The aim may be held close (紧扣, 紧贴)
    // or stood on (立足), and what the raisers did about it may close its clause ("紧扣“…”积极
    // 献策,提出提案584件"). What the items were raised for may stand before the verb
    // ("围绕经济方面,为推进实体经济发展出谋划策提出提案92件"). After 就 or 针对 the aim may
    // stand in the count's own clause ("代表们就扩大内需提出建议97件").
    static AROUND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[,;。:])[^,;。:]{0,8}?(?:(?:围绕|聚焦|着眼|紧扣|紧贴|立足)(?:(?P<label>[^,;:。]{2,30}?|[^,;:。]{2,90}?等[^,;:。等]{0,6}?)(?:积极|主动|认真)?(?:建言献策|献计献策|建言资政|献策|建言)?[,:]|(?P<own>[^,;:。等]{2,45}?))|(?:就|针对)(?:(?P<listed>[^,;:。]{2,90}?等[^,;:。等]{0,6}?)[,:]|(?P<own2>[^,;:。等]{2,45}?)))\s*(?:(?:全国|省|市|县|区)?(?:人大|政协)?(?:代表|委员)们?)?(?:为[^,;:。]{2,30}?)?(?:提出|提交|撰写)(?:了)?(?:提案|建议|议案)$")
            .expect("around regex")
    });
    // "城乡建设方面的建议最多,有45件": the area named as the largest, its count after a comma.
    // "以医疗卫生方面居多,共11件", "住房保障类工作占比最高,共28件", and the next in rank:
    // "其次是养老服务方面,共9件". Its share or rank may stand in place of "the most":
    // "经济建设方面的提案占近一半,达520件", "社会保障等方面提案的数量占第三位,有280件".
    static MOST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[,:;、])\s*(?:其中)?[,:]?\s*(?:以|其次是|其次为)?(?:涉及|关于|有关)?(?P<label>[^,;:]{2,24}?)(?:方面|领域|类)(?:工作|问题)?的?(?:提案|建议|议案)?(?:的?数量)?(?:最多|居多|占比最高|占比最大|比重最大|最为集中|占(?:近|约|超过|逾)?(?:一半|半数|[一二三四五六七八九十]+分之[一二三四五六七八九十]+|[0-9.]+%)(?:以上|左右)?|(?:占|居|列|排在?)第[一二三四五六七八九十]+位)?[,]\s*(?:共|有|达|为)?\s*$")
            .expect("most regex")
    });
    // "有关部门会办的12件": 有关 before a body is "the bodies concerned", not "about".
    // "围绕民主政治建设提出提案35件": a label that ends in the raising verb is the aim the items
    // were raised around (AROUND below), not an area ending in 提出.
    let about = ABOUT.captures(near).filter(|c| {
        let concerned = &c["verb"] == "有关"
            && NOT_AREAS_AFTER_YOUGUAN
                .iter()
                .any(|(w, _)| c["label"].starts_with(w));
        let raised = ["提出", "提交", "撰写"]
            .iter()
            .any(|w| c["label"].trim_end_matches('了').ends_with(w));
        !concerned && !raised
    });
    // "一是关于城区停车难问题,共5件": a numbered area with its count in the next clause.
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[,:;。])\s*[一二三四五六七八九十]+是(?:关于|涉及|有关)(?P<label>[^,;:]{2,24}?)(?:的)?(?:问题|方面|类)?(?:的(?:提案|建议|议案))?[,]\s*(?:共|有|计)?\s*$")
            .expect("numbered regex")
    });
    // "涉及城建交通的最多,有14件;其次是教育卫生,有9件": a ranking of areas by count.
    static RANKED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[,:;、])\s*(?:(?:涉及|关于)(?P<top>[^,;:]{2,24}?)(?:方面|领域|类)?的(?:提案|建议|议案)?(?:数量)?最多|(?:其次|再次)(?:是|为)(?P<next>[^,;:]{2,24}?)(?:方面|领域|类)?(?:的?(?:提案|建议|议案))?)[,]\s*(?:共|有|达|为)?\s*$")
            .expect("ranked regex")
    });
    if let Some(c) = NUMBERED.captures(wide) {
        return area(&c["label"]);
    }
    if let Some(c) = RANKED.captures(wide) {
        return area(c.name("top").or(c.name("next"))?.as_str());
    }
    // "今年建议内容涉及乡村道路方面18件": what precedes the verb is the sentence's, not the area's.
    if let Some(p) = near.rfind("涉及")
        && p > 0
        && let Some(c) = AREA.captures(&near[p..])
        && let Some(label) = area(&c["label"])
    {
        return Some(label);
    }
    let caps = AREA
        .captures(near)
        .or(about)
        // "在省十一届人大二次会议上,代表共提出建议816件": a session is when, not what about.
        .or_else(|| {
            SETTING
                .captures(wide)
                .or_else(|| FRONTED.captures(wide))
                .filter(|c| {
                    !["会议", "会上", "全会", "大会", "届"]
                        .iter()
                        .any(|w| c["label"].contains(w))
                })
        })
        .or_else(|| MOST.captures(wide));
    // (Only after a whole was counted: the first count of a text raised around an aim, "县政协委
    // 员围绕…热点、难点问题,提出提案1386件", is all the items, what they were raised around
    // their common aim.)
    if caps.is_none()
        && counted
        && let Some(c) = AROUND.captures(wide)
    {
        let label = c
            .name("label")
            .or(c.name("own"))
            .or(c.name("listed"))
            .or(c.name("own2"))?;
        // "围绕经济方面,…": the aspect word closes the aim's name.
        let label = ["方面", "领域"]
            .iter()
            .find_map(|w| label.as_str().strip_suffix(w))
            .unwrap_or(label.as_str());
        // "就落实黄河重大国家战略提出建议80件": a head opening the aim, with its object after
        // it, is what the items propose (no outcome); the object names the area.
        let label = problem_to_solve(label);
        return aim(label).or_else(|| {
            outcome::HEADS
                .iter()
                .find_map(|h| label.strip_prefix(h))
                .filter(|rest| rest.chars().count() >= 2)
                .and_then(aim)
        });
    }
    let caps = caps.or_else(|| {
        (clause.contains("涉及") && !KIND_RE.is_match(near) && !COUNT_CUE_RE.is_match(near))
            .then(|| LISTED.captures(near))
            .flatten()
    })?;
    area(problem_to_solve(caps.name("label")?.as_str()))
}

/// Words that may follow the 等 of a list of aims without naming an area of their own
/// ("就A、B等方面"), with the reason.
const AIM_TAILS: &[(&str, &str)] = &[
    ("", "the list ends at 等"),
    ("方面", "aspects: the listed ones"),
    ("问题", "issues: the listed ones"),
    ("工作", "work: the listed work"),
    ("领域", "fields: the listed ones"),
];

/// The area of an aim the items were raised around: a list closed by 等 and a word of
/// [`AIM_TAILS`] is the area as listed, its items verbs and all ("实施创新驱动战略" and
/// "落实节能减排" say what was proposed, no outcome); otherwise as [`area`] reads it.
fn aim(label: &str) -> Option<String> {
    if let Some(at) = list_deng(label)
        && AIM_TAILS
            .iter()
            .any(|(t, _)| label[at + '等'.len_utf8()..] == **t)
    {
        let list = &label[..at];
        if list.contains('、')
            && list
                .chars()
                .all(|c| crate::decode::is_cjk(c) || "、“”".contains(c))
        {
            return Some(list.to_string());
        }
    }
    area(label)
}

/// Words of a count of all the items (received, handled, raised): examples before 等 in its
/// clause say what the items covered ("共收到涉及A、B等方面的建议34件", "在A、B等方面提出了
/// 8件"), they are not the area of a part, with the reason.
const ALL_ITEMS: &[(&str, &str)] = &[
    ("共", "in all"),
    ("收到", "received"),
    ("受理", "accepted"),
    ("承办", "handled"),
    ("交由", "passed on for handling"),
    ("交办", "assigned"),
    ("提出", "raised"),
    ("提交", "submitted"),
    ("撰写", "written"),
];

/// The area of a count: [`area_of`], except examples joined by 、 before 等 in the clause of a
/// count of all the items; only a count of the items concerning them ("涉及A、B等方面的提案
/// 68件") makes the examples an area.
pub(super) fn topic_label(near: &str, clause: &str, wide: &str, counted: bool) -> Option<String> {
    let label = area_of(near, clause, wide, counted)?;
    if label.contains('、')
        && near.contains('等')
        && ALL_ITEMS.iter().any(|(w, _)| near.contains(w))
    {
        return None;
    }
    Some(label)
}

/// "关于解决山区学生住宿问题": the problem to be solved is the area; 解决 here is what the items
/// ask for, no outcome.
pub(super) fn problem_to_solve(label: &str) -> &str {
    label
        .strip_prefix("解决")
        .map_or(label, |l| l.strip_suffix("问题").unwrap_or(l))
}

/// Words after 有关 that make it "the … concerned" rather than "about", with the reason.
const NOT_AREAS_AFTER_YOUGUAN: &[(&str, &str)] = &[
    ("部门", "有关部门: the departments concerned"),
    ("单位", "有关单位: the units concerned"),
    ("方面", "有关方面: the parties concerned"),
    ("领导", "有关领导: the leaders concerned"),
    ("人员", "有关人员: the staff concerned"),
    ("规定", "有关规定: the rules that apply"),
    ("要求", "有关要求: the requirements that apply"),
];

/// Words that hold 共 without meaning "in all", masked before a label is tested for count cues
/// ("公共交通方面9件" is an area), with the reason.
const GONG_WORDS: &[(&str, &str)] = &[
    ("公共", "public"),
    ("共享", "shared"),
    ("共建", "built together"),
    ("共同", "common"),
    ("共治", "governed together"),
    ("共青团", "the Youth League"),
    ("共富", "common prosperity"),
];

/// Words saying how items relate to each other or how they were handled, not what they are
/// about, with the reason:
/// "内容重复的建议和提案共有6件" counts duplicates.
const ITEM_RELATIONS: &[(&str, &str)] = &[
    ("内容重复", "items that repeat one another"),
    ("内容相同", "items that say the same"),
    ("内容相近", "items close in content"),
    ("内容类似", "items alike in content"),
    ("重复提出", "raised more than once"),
    ("并案", "merged for handling"),
    ("参阅", "sent for reference: a way of handling, not an area"),
    ("来信", "letters passed on, not an area"),
];

/// The area a table row names: the label of a row under a count column ("城建环保  69
/// 41.57"), when it names no kind, role, grade, outcome or class letter.
pub(super) fn cell_area(label: &str) -> Option<String> {
    static GRADES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("满意|^[ABCDabcd甲乙丙丁]类?$").expect("grade regex"));
    let label = label.trim();
    if label.is_empty()
        || label.chars().any(|c| c.is_ascii_digit())
        || KIND_RE.is_match(label)
        || COUNT_CUE_RE.is_match(label)
        || GRADES.is_match(label)
        || outcome::names_outcome(label)
    {
        return None;
    }
    area(label)
}

/// A label that can name a subject area: words only, no 等 (a list of areas), no catch-all, no
/// outcome class, no proposer or time.
pub(super) fn area(label: &str) -> Option<String> {
    // "涉及城市建设管理的36件": the particle before the count belongs to the sentence.
    let label = super::topics::strip_rank(label.trim().trim_start_matches(['、', ' ']))
        .trim_end_matches('的');
    // "教育、医疗、养老等民生类提案102件", "光伏治沙、草原保护等围绕生态屏障建设提案162件":
    // examples, 等, then the area they belong to, which the count is for.
    if let Some(at) = list_deng(label) {
        let after = label[at + '等'.len_utf8()..].trim_start_matches(['、', ' ']);
        let after = ["围绕", "涉及", "关于", "有关", "建言"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after);
        return if after.chars().count() >= 2 {
            area(after)
        } else if after.is_empty() && label[..at].contains('、') {
            // "涉及科技、教体、文化、卫生等方面的提案68件": the examples are the area.
            area(&label[..at])
        } else {
            None
        };
    }
    let listed = label.starts_with("关于");
    // Quoted words are part of a name ("“三农”问题"); so is a code of letters and digits
    // ("G60科创走廊", "5G基站", "PM2.5治理"), though a bare number is not.
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[A-Za-z]+[0-9]+(?:\.[0-9]+)?|[0-9]+[A-Za-z]+").expect("code regex")
    });
    let words_only = CODE
        .replace_all(label, "码")
        .chars()
        .all(|c| crate::decode::is_cjk(c) || "、“”".contains(c));
    let unmasked = GONG_WORDS
        .iter()
        .fold(label.to_string(), |l, (w, _)| l.replace(w, "□"));
    // "涉及建议提案77件": the kind of the items, not what they are about.
    let kinds_only = KIND_RE.replace_all(label, "").trim().is_empty();
    if listed
        || kinds_only
        || !words_only
        || label.starts_with("其他")
        || label.starts_with("其它")
        // "综合": the catch-all row of a table of areas.
        || label == "综合"
        || label.chars().count() < 2
        || outcome::names_outcome(label)
        || PART_RE.is_match(label)
        || COUNT_CUE_RE.is_match(&unmasked)
        || ["代表", "委员", "政协", "人大"]
            .iter()
            .any(|w| label.ends_with(w))
        || ["我局", "我委", "我办"].iter().any(|w| label.contains(w))
        || ITEM_RELATIONS.iter().any(|(w, _)| label.contains(w))
        // "围绕全镇经济社会发展的各个方面": every area, no area.
        || ["各个", "各项", "各"].iter().any(|w| label.ends_with(w))
    {
        return None;
    }
    Some(label.to_string())
}

/// Words holding 等 that is no "and so on" (高等教育, 平等), with the reason.
const DENG_WORDS: &[(&str, &str)] = &[
    ("高等", "higher (education)"),
    ("中等", "secondary (vocational schools)"),
    ("初等", "primary"),
    ("平等", "equal"),
    ("对等", "reciprocal"),
    ("同等", "equal treatment"),
    ("均等", "equalised (public services)"),
    ("相等", "equal"),
    ("等级", "grade"),
];

/// Where a list's 等 ("and so on") stands in a label, if it has one.
fn list_deng(label: &str) -> Option<usize> {
    label.match_indices('等').map(|(at, _)| at).find(|&at| {
        !DENG_WORDS.iter().any(|(w, _)| {
            let (first, second) = (&w[..3], &w[3..]);
            (second == "等" && label[..at].ends_with(first))
                || (first == "等" && label[at + 3..].starts_with(second))
        })
    })
}

impl Reader<'_> {
    /// The subject area the count `m` is given for, from the clause before it (from
    /// `near_from`), its sentence's clause and the one before (`wide`), if any.
    pub(super) fn count_area(
        &self,
        (cursor, e): (usize, usize),
        m: &Mention,
        near_from: usize,
        clause: &str,
        wide: &str,
    ) -> Option<String> {
        let near = text_of(self.chars, near_from, m.start);
        // "涉及城镇建设(含市容、市政)方面的建议10件": what an area includes, in brackets, is no
        // part of its name.
        let near_area = match near_from.checked_sub(1) {
            Some(close) if close >= cursor && self.chars[close] == ')' => (cursor..close)
                .rev()
                .find(|&i| self.chars[i] == '(')
                .filter(|&open| {
                    close - open <= 40
                        && ["含", "包括"]
                            .iter()
                            .any(|w| text_of(self.chars, open + 1, close).starts_with(w))
                })
                .map_or(near.clone(), |open| {
                    text_of(self.chars, self.clause_start(cursor, open), open) + &near
                }),
            _ => near.clone(),
        };
        // "委员就城市管理领域提出提案45件,其中由市城管局主办的26件、协办19件": a count that
        // the next clause splits by role is the whole a body handles, its area the body's field.
        let split_by_role = {
            let next = self.next_clause(m.end, e);
            next.starts_with("其中") && ["主办", "协办", "会办"].iter().any(|w| next.contains(w))
        };
        if split_by_role {
            return None;
        }
        topic_label(&near_area, clause, wide, !self.wholes.is_empty())
            .or_else(|| self.enumerated_heading(near_from, &near))
            .or_else(|| self.area_after(m, e))
    }

    /// "其中,73件涉及办好人民满意的教育,57件涉及推进健康北京建设": the count first, then what its
    /// items concern, to the end of its clause.
    fn area_after(&self, m: &Mention, e: usize) -> Option<String> {
        static AFTER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:建议|提案|议案)?(?:涉及|是关于|关于)(?P<label>[^,;:。、]{2,20}?)(?:方面|领域|问题)?(?:的(?:建议|提案|议案|问题))?$")
                .expect("area-after regex")
        });
        let right = self.right_clause(m.end, e);
        let caps = AFTER.captures(right.trim_end())?;
        area(&caps["label"])
    }

    /// "一是产业转型。涉及建议提案77件": a count of the items concerning something, with no area
    /// of its own, right after a numbered heading that names one: the heading's area.
    fn enumerated_heading(&self, near_from: usize, near: &str) -> Option<String> {
        static HEADING: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?:^|[。;:\n])\s*[一二三四五六七八九十]+是(?P<label>[^,;:。\n]{2,12})[。;:,]\s*$",
            )
            .expect("heading regex")
        });
        if !near.trim_start().starts_with("涉及") {
            return None;
        }
        let before = text_of(self.chars, near_from.saturating_sub(16), near_from);
        let caps = HEADING.captures(&before)?;
        area(&caps["label"])
    }
}
