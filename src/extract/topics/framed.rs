//! Topic lists held in a frame rather than closed by `等…方面`: `建议主要聚焦在A、B和C上` (a
//! focus ends with 上) and `建议以A、B、C为主` (the bulk of the items named with 以…为主/居多).
//! Both frames are everyday grammar, so a list is taken only when it has two or more items and
//! the sentence names the items themselves.

use super::RawTopic;
use regex::Regex;
use std::sync::LazyLock;

/// "集中在A、B上", "聚焦于A和B上": the focus, closed by 上 at a clause end.
static FOCUS_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:集中|聚焦)(?:在|于)(?P<list>[^,。;:!?\n]{4,80}?)(?:等)?(?:方面|领域)?上(?:[,。;]|$)",
    )
    .expect("focus-on regex")
});

/// "以A、B、C为主", "以A和B等方面居多": the bulk of the items.
static MAINLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"以(?P<list>[^,。;:!?\n以]{4,80}?)(?:等)?(?:方面|领域|问题|内容)?(?:的(?:建议|提案))?(?:为主|居多)",
    )
    .expect("mainly regex")
});

/// Words that name the items, so the frame describes them.
const ITEM_WORDS: &[&str] = &["建议", "提案", "议案"];

/// Adds the areas of framed lists in `text` (byte offsets, as the caller expects).
pub(super) fn extract(text: &str, out: &mut Vec<RawTopic>) {
    let mut base = 0;
    for sentence in text.split_inclusive(['。', '\n', ';']) {
        if ITEM_WORDS.iter().any(|w| sentence.contains(w)) {
            for re in [&*FOCUS_ON, &*MAINLY] {
                for caps in re.captures_iter(sentence) {
                    let list = &caps["list"];
                    if !(list.contains('、') || list.contains('和') || list.contains('及')) {
                        continue;
                    }
                    let items = super::prose::split_items(list);
                    if items.len() < 2 {
                        continue;
                    }
                    let whole = caps.get(0).expect("match");
                    for label in items {
                        out.push(RawTopic {
                            label,
                            count: None,
                            start: base + whole.start(),
                            end: base + whole.end(),
                        });
                    }
                }
            }
        }
        base += sentence.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        extract(text, &mut out);
        out.into_iter().map(|t| t.label).collect()
    }

    #[test]
    fn focus_closed_by_shang() {
        assert_eq!(
            labels("今年的建议主要聚焦在景区提升、夜间经济和非遗传承上。"),
            vec!["景区提升", "夜间经济", "非遗传承"]
        );
    }

    #[test]
    fn bulk_of_the_items() {
        assert_eq!(
            labels("委员提案以社区养老、托幼服务、助残设施为主。"),
            vec!["社区养老", "托幼服务", "助残设施"]
        );
    }

    #[test]
    fn frames_without_items_or_with_one_area_are_left() {
        // No items named: a work plan, not what the items concerned.
        assert!(labels("我们把力量集中在项目建设、招商引资上。").is_empty());
        // One area is no list.
        assert!(labels("建议以道路养护为主。").is_empty());
    }
}
