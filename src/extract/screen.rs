//! Whether a number mention counts items at all, before its frame is read: the unit (件, or
//! 个/项/条 where the item noun stands next to the number or the text counts items in it),
//! forms sent back, the idiom 一件, demonstratives, and thresholds or approximations; and
//! counts that are no items handled (letters, 件次, merged or set-aside items).

use super::facts::{Reader, text_of};
use super::lexicon::{FEEDBACK_BEFORE, FORMS, HANDLING_RE, KIND_RE, OTHER_ITEMS};
use super::mentions::Mention;
use super::slots::Right;

impl Reader<'_> {
    /// Whether the count `m` (in the sentence `s..e`, its right slots read) counts items; it
    /// notes the unit of item counts it accepts.
    pub(super) fn counts_items(&mut self, s: usize, e: usize, m: &Mention, right: &Right) -> bool {
        // A table's count column counts items, as 件 does.
        let unit = if m.cell { '件' } else { self.chars[m.end - 1] };
        let right_text = self.right_clause(m.end, e);
        // "41个议题": a noun of other things right after the number says what it counts.
        if OTHER_ITEMS
            .find(&right_text)
            .is_some_and(|o| o.start() == 0)
        {
            return false;
        }
        // "提交调研报告25件", "受理信访案件12件": the same nouns named right before the number,
        // with nothing between, say what it counts.
        let opening = self.clause_start(s, m.start);
        let left_text = text_of(self.chars, opening, m.start);
        let left_noun = left_text.trim_end_matches(['共', '有', '为', '计', '了', ' ']);
        // (建议提案件, 议案件: the kinds' own items in 件, not 案件. "消防事项13件", "民生项目
        // 9件": matters or projects named before the number are the items' subject area.)
        if right.kind.is_none()
            && !["提案件", "议案件", "两案件"]
                .iter()
                .any(|w| left_noun.ends_with(w))
            && OTHER_ITEMS
                .find_iter(left_noun)
                .any(|o| o.end() == left_noun.len() && !["事项", "项目"].contains(&o.as_str()))
        {
            return false;
        }
        // 个/项/条 count items where the item noun stands next to the number, or where the text
        // has counted items in that unit before ("代表建议11条,已解决的5个").
        if unit != '件' && right.kind.is_none() {
            let ends_in_kind = |from: usize, to: usize| {
                let before = text_of(self.chars, from, to);
                let trimmed = before.trim_end_matches(['共', '有', '为', ' ']);
                KIND_RE.find_iter(trimmed).any(|k| k.end() == trimmed.len())
            };
            // "全会提案(共13项)": the noun before a bracket that opens with the count.
            let near_kind = ends_in_kind(opening, m.start)
                || (opening > s
                    && self.chars[opening - 1] == '('
                    && text_of(self.chars, opening, m.start)
                        .chars()
                        .all(|c| "共有为计 ".contains(c))
                    && ends_in_kind(self.clause_start(s, opening - 1), opening - 1));
            // With the noun left out ("已解决的5个,"), the count is of the items being counted.
            let elided = !self.item_units.is_empty() && right_text.is_empty();
            // "4个主办件": the items named by their role, 件 as their noun.
            let role_items = ["主办件", "协办件", "会办件", "分办件", "单办件", "主合办件"]
                .iter()
                .any(|w| right_text.starts_with(w));
            if !near_kind && !self.item_units.contains(&unit) && !elided && !role_items {
                return false;
            }
        }
        // "承办人大建议、政协提案16份": copies count items a body deals with, not those a
        // member wrote ("提交了五份提案").
        if unit == '份' && !HANDLING_RE.is_match(&text_of(self.chars, s, m.start)) {
            return false;
        }
        if unit != '件' && !self.item_units.contains(&unit) {
            self.item_units.push(unit);
        }
        // "260件“代表建议办理反馈表”": forms sent back, not items (SCHEMA: forms received give
        // no fact), however the items are named inside the form's name.
        if FORMS.is_match(&right_text) {
            return false;
        }
        // "共收到代表反馈征询意见56件": opinions sent back, named before the number.
        if FEEDBACK_BEFORE.is_match(&left_text) {
            return false;
        }
        // "办理一件、受益一片": 一件 without the item noun is an idiom, not a count.
        if m.chinese && m.value == 1.0 && right.kind.is_none() {
            return false;
        }
        let before = if m.start > s {
            self.chars[m.start - 1]
        } else {
            ' '
        };
        if (m.chinese && "每逐哪任第".contains(before)) || "这那该近约".contains(before) {
            return false;
        }
        // Thresholds and approximations: "超过40件", "不少于10件", "首次突破了200件".
        let lead_in = text_of(self.chars, m.start.saturating_sub(3).max(s), m.start);
        if ["超过", "不少于", "多于", "突破", "突破了"]
            .iter()
            .any(|w| lead_in.ends_with(w))
        {
            return false;
        }
        true
    }

    /// Counts that are no items handled, read from the words right after the number and the
    /// count's clause: letters and calls, instructions (件次), approximate counts, items merged
    /// into one, approximate counts of items raised, items set aside (除…外).
    pub(super) fn set_aside(&self, m: &Mention, right_text: &str, clause: &str) -> bool {
        let after: String = right_text.chars().take(12).collect();
        // The count's own words: up to the next item of a list ("提案17件、来信1件").
        let own: &str = after.split(['、', ',']).next().unwrap_or("");
        // Letters, instructions (件次), and approximate counts (50件以上, 60件左右).
        if own.contains("来信")
            || own.contains("来电")
            || after.starts_with('次')
            || ["以上", "左右", "余", "多"]
                .iter()
                .any(|w| after.starts_with(w))
        {
            return true;
        }
        // "2件为重点办理建议,33件为普通办件": the ordinary items are the rest beside the key
        // ones, a part of the whole with no measure of its own.
        if own.contains("普通") {
            return true;
        }
        // "由10件代表建议合并而成的《…》": items merged into one, no count of items handled.
        if after.find("合并").is_some_and(|p| {
            let between = &after[..p];
            between.chars().count() <= 6 && KIND_RE.is_match(between) && !between.contains(',')
        }) {
            return true;
        }
        // "委员围绕…等方面提出提案60余件": an approximate count of items raised says how active
        // the members were; only a body's approximate count of items it handled is a floor
        // ("共办理建议100余件").
        if m.floor
            && ["提出", "提交"].iter().any(|w| clause.contains(w))
            && !["办理", "承办", "收到", "受理", "立案", "主办"]
                .iter()
                .any(|w| clause.contains(w))
        {
            return true;
        }
        // "除…1件主办件、1件合办件外": items set aside.
        if clause.contains('除') && right_text.contains('外') {
            return true;
        }
        // "通报表扬了…承办的32件…优秀承办件", "2件代表建议被评为优秀建议": items counted for
        // a commendation are a selection for praise, not the items handled.
        let praised = |t: &str| COMMENDED.iter().any(|w| t.contains(w));
        if praised(clause) || praised(&right_text.chars().take(20).collect::<String>()) {
            return true;
        }
        // "代表拟提出议案建议63件", "准备提交提案5件": items still to be raised are none yet.
        if [
            "拟提出",
            "拟提交",
            "将提出",
            "将提交",
            "准备提出",
            "准备提交",
        ]
        .iter()
        .any(|w| clause.contains(w))
        {
            return true;
        }
        false
    }
}

/// Words that select items for praise (a count said with them is no count of items handled).
const COMMENDED: [&str; 7] = ["表扬", "表彰", "评为", "评选", "获评", "优秀", "好提案"];
