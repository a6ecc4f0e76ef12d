//! Areas announced by their number and a colon: `建议关注度最高的5个方面分别为:A,如…;B;C。`,
//! `反映了3个方面的问题:①关于A问题;②关于B问题`. The sentence says how many areas follow, so
//! each item between semicolons is one area, named by its words up to the first comma (what
//! follows a comma is an example or a comment: "如…", "主要是…").

use super::{RawTopic, clean};
use regex::Regex;
use std::sync::LazyLock;

/// "N个方面(的问题)(分别)为:", "以下几个方面:" — a count of areas, then a colon; or a verb
/// of content with an optional count of classes ("问题主要有:", "主要包括四类:", "主要涉及以下
/// 几类:").
static ANNOUNCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:[0-9]+|[一二两三四五六七八九十几]+)个方面|(?:主要有|主要是|主要包括|主要涉及|集中在|分为)(?:以下)?(?:(?:[0-9]+|[一二两三四五六七八九十几]+)(?:个方面|大类|类|个类别))?)(?:的(?:问题|内容|建议|意见))?(?:分别)?(?:为|是)?\s*[:：]",
    )
    .expect("announce regex")
});

/// Numbering before an item: ①, (1), 1., 一是, 一、.
static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[①-⑳]|[(（]?[0-9一二三四五六七八九十]+[)）.、]|[一二三四五六七八九十]是)\s*",
    )
    .expect("numbering regex")
});

/// Words that name the items, so the sentence is about what they raised.
const ITEM_WORDS: &[&str] = &["建议", "提案", "议案", "代表", "委员"];

/// Words that say the list is of what the items raised or concern, not of the measures a body
/// took ("办理中,我们重点做了以下几个方面:一是加强领导"), with the reason.
const CONTENT_WORDS: &[&str] = &[
    "关注", // what deputies or members cared about
    "涉及", // what the items concern
    "内容", // the items' contents
    "集中", // where they cluster
    "反映", // what they raised
    "聚焦", // their focus
    "涵盖", // their span
];

/// Finds announced lists in `text` (byte offsets, like the other finders).
pub(super) fn extract(text: &str, out: &mut Vec<RawTopic>) {
    // Where the last list taken ended: an announcement in the very next sentence continues it
    // and needs no item word of its own ("代表建议…关注度最高的5个方面分别为:…。对…事项关注度
    // 最高的5个方面为:…").
    let mut last_end: Option<usize> = None;
    for m in ANNOUNCE.find_iter(text) {
        // The announcing sentence must speak of the items.
        let sentence_start = text[..m.start()]
            .rfind(['。', '\n', '!', '?'])
            .map_or(0, |p| {
                p + text[p..].chars().next().map_or(1, char::len_utf8)
            });
        // The announcing words themselves may say what the list is ("主要涉及以下几类:").
        let announcing = &text[sentence_start..m.end()];
        let continues =
            last_end.is_some_and(|e| text[e..sentence_start].trim_matches(['。', ' ']).is_empty());
        if !(continues || ITEM_WORDS.iter().any(|w| announcing.contains(w)))
            || !CONTENT_WORDS.iter().any(|w| announcing.contains(w))
        {
            continue;
        }
        // The list runs to the end of the sentence (a line break or 。).
        let rest = &text[m.end()..];
        let list_len = rest.find(['。', '\n']).unwrap_or(rest.len());
        let list = &rest[..list_len];
        // Items end at semicolons; a list of short names only may use 、 instead.
        let mut items: Vec<&str> = list.split([';', '；']).collect();
        if items.len() < 2 {
            items = list.split('、').collect();
            if items.len() < 3 || items.iter().any(|i| i.chars().count() > 14) {
                continue;
            }
        }
        let labels: Vec<String> = items
            .iter()
            .filter_map(|item| {
                let item = NUMBERING.replace(item, "");
                let head = item.split([',', '，']).next().unwrap_or("");
                let head = head.trim().trim_start_matches("关于");
                let head = head.strip_suffix("问题").unwrap_or(head);
                // An item that is a sentence of its own is no area name.
                (head.chars().count() <= 20).then(|| clean(head)).flatten()
            })
            .collect();
        // Every item must read as an area; otherwise this is a list of something else.
        if labels.len() < 2 || labels.len() < items.len() - 1 {
            continue;
        }
        let (start, end) = (m.start(), m.end() + list_len);
        last_end = Some(end);
        for label in labels {
            out.push(RawTopic {
                label,
                count: None,
                start,
                end,
            });
        }
    }
}
