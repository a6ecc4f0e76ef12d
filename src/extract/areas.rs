//! Counted topics: the subject area a count is given for (`经济建设方面提案94件`, `建言改善民生的
//! 提案781件`, `在经济建设上,提出提案64件`, bare items of a `涉及` list), and the test of whether
//! a label can name an area at all.

use super::lexicon::{COUNT_CUE_RE, KIND_RE, PART_RE};
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
    if label.chars().count() < 4
        || ["政协", "人大", "代表", "委员"]
            .iter()
            .any(|w| label.contains(w))
        || COUNT_CUE_RE.is_match(label)
    {
        return None;
    }
    area(label)
}

/// Subject-area counts are topics (SCHEMA). An area is named: before 方面/领域/类
/// ("城乡建设管理方面的", "有关教育方面的", "围绕经济建设方面提出提案": the words that say "about"
/// and the verb of proposing belong to the sentence, not to the area); after 建言/涉及/关于
/// before the kind ("建言改善民生的提案"); or as a
/// bare item of a list the clause opens with 涉及 ("涉及物业行业15件、老旧住宅改造15件").
pub(super) fn topic_label(near: &str, clause: &str, wide: &str) -> Option<String> {
    static AREA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:其中)?[:, 、]*(?:属|涉及|建言|关于|有关|围绕)?(?P<label>[^,;:]{2,24}?)(?:方面|领域|类|事项)(?:的)?(?:(?:提出|提交|撰写)了?)?(?:提案|建议|议案)?(?:共|有)?\s*$")
            .expect("area regex")
    });
    static ABOUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:其中)?[:, 、]*(?:建言|涉及|关于|有关|围绕)(?P<label>[^,;:]{2,24}?)的?(?:提案|建议|议案)(?:共|有)?\s*$")
            .expect("about regex")
    });
    static LISTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[:, 、]*(?:主要)?(?:涉及|集中在|包括)?(?P<label>[^,;:、]{2,16})$")
            .expect("listed regex")
    });
    // "在经济建设上,提出提案64件": the area in the clause before the count's own.
    static SETTING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*在(?P<label>[^,;:在]{2,16}?)(?:上|方面|领域)[,:]\s*(?:共|累计)?(?:提出|提交|撰写)(?:了)?(?:提案|建议|议案)$")
            .expect("setting regex")
    });
    // "城乡建设方面的建议最多,有45件": the area named as the largest, its count after a comma.
    static MOST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[,:;、])\s*(?:其中)?[,:]?\s*(?:涉及|关于|有关)?(?P<label>[^,;:]{2,24}?)(?:方面|领域|类)的?(?:提案|建议|议案)?(?:数量)?最多[,]\s*(?:共|有|达|为)?\s*$")
            .expect("most regex")
    });
    let caps = AREA
        .captures(near)
        .or_else(|| ABOUT.captures(near))
        .or_else(|| SETTING.captures(wide))
        .or_else(|| MOST.captures(wide))
        .or_else(|| {
            (clause.contains("涉及") && !KIND_RE.is_match(near) && !COUNT_CUE_RE.is_match(near))
                .then(|| LISTED.captures(near))
                .flatten()
        })?;
    area(caps.name("label")?.as_str())
}

/// A label that can name a subject area: words only, no 等 (a list of areas), no catch-all, no
/// outcome class, no proposer or time.
pub(super) fn area(label: &str) -> Option<String> {
    // "涉及城市建设管理的36件": the particle before the count belongs to the sentence.
    let label = label
        .trim()
        .trim_start_matches(['、', ' '])
        .trim_end_matches('的');
    let listed = label.contains('等') || label.starts_with("关于");
    let words_only = label.chars().all(|c| crate::decode::is_cjk(c) || c == '、');
    if listed
        || !words_only
        || label.starts_with("其他")
        || label.starts_with("其它")
        || label.chars().count() < 2
        || outcome::names_outcome(label)
        || PART_RE.is_match(label)
        || COUNT_CUE_RE.is_match(label)
        || ["代表", "委员", "政协", "人大"]
            .iter()
            .any(|w| label.ends_with(w))
        || ["我局", "我委", "我办"].iter().any(|w| label.contains(w))
    {
        return None;
    }
    Some(label.to_string())
}
