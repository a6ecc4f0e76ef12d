//! Rules over the counts a sentence has given, applied once they are read: a sentence saying
//! its items were all led by the body (`全部为本局主办`), a sum that closes the totals before it
//! (`…共计19件`), roles in a bracket that split both kinds listed before it, key themes that
//! cover items counted after them, whether a count's words mark it a part, and the joined kinds
//! of a statement's counts.

use super::facts::{Frame, RawFact, Reader, text_of};
use super::lexicon::{PART_CUES, PART_RE, PartBy, kinds_in, lookup};
use super::mentions::Mention;
use super::passes::Row;
use super::slots::{counts_in_statement, kinds_in_turn};
use crate::model::{Measure, Subject};
use crate::segment::ends_phrase;
use regex::Regex;
use std::sync::LazyLock;

impl Reader<'_> {
    /// "共26件,其中建议8件、提案18件,全部为本局主办": a sentence saying its items were all
    /// led by the body, and naming no co-handled ones, gives each total read in it as lead too
    /// (SCHEMA: a body that only leads); "有2件代表建议交由我区办理,均作为会办单位", all
    /// co-handled and no lead named, gives each total as co (one that only co-handles).
    /// `before` is the first fact of the sentence.
    pub(super) fn all_led(&mut self, s: usize, e: usize, before: usize) {
        /// The role all the items had, and the roles a sentence saying so must not name.
        static ALL_OF_ROLE: LazyLock<[(Regex, Measure, &[&str]); 2]> = LazyLock::new(|| {
            [
                (
                    Regex::new("(?:全部|均|都)(?:为|是|由|作为)[^,;。]{0,12}主办")
                        .expect("all-led regex"),
                    Measure::Lead,
                    &["协办", "会办", "参办"],
                ),
                (
                    Regex::new("(?:全部|均|都)(?:为|是|作为)[^,;。]{0,12}(?:会办|协办)")
                        .expect("all-co regex"),
                    Measure::Co,
                    &["主办", "牵头", "独办", "单办"],
                ),
            ]
        });
        let sentence = text_of(self.chars, s, e);
        let Some(role) = ALL_OF_ROLE.iter().find_map(|(re, role, others)| {
            (re.is_match(&sentence) && !others.iter().any(|w| sentence.contains(w)))
                .then_some(*role)
        }) else {
            return;
        };
        let given: Vec<RawFact> = self.facts[before..]
            .iter()
            .filter(|r| r.fact.measure == Measure::Total)
            .filter(|r| {
                !self.facts[before..].iter().any(|o| {
                    o.fact.measure == role
                        && o.fact.subject == r.fact.subject
                        && o.fact.value == r.fact.value
                })
            })
            .map(|r| RawFact {
                measure: role,
                ..r.fact.clone()
            })
            .collect();
        for fact in given {
            self.push(fact);
        }
    }

    /// "省建议9件,省提案8件,全国建议1件,全国提案1件,共计19件": the totals read since `from` that
    /// add up to the sum after them are its parts. They are marked as one split, so that a
    /// split naming a kind twice (by level or proposer, not by kind) gives no fact.
    pub(super) fn sum_closes_parts(&mut self, from: usize, sum: f64) {
        let list = self.list;
        let parts: Vec<usize> = (0..self.facts.len())
            .rev()
            .take_while(|&i| self.facts[i].fact.start >= from)
            .filter(|&i| {
                let r = &self.facts[i];
                r.list == list && r.fact.measure == Measure::Total
            })
            .collect();
        let total: f64 = parts.iter().map(|&i| self.facts[i].fact.value).sum();
        if parts.len() < 2 || (total - sum).abs() > f64::EPSILON {
            return;
        }
        self.breakdowns += 1;
        let id = self.breakdowns;
        for i in parts {
            self.facts[i].split = Some(id);
        }
    }

    /// A sum (`m`, after 共计/合计) over the counts of the sentence's statement before it: those
    /// counts become its parts ("建议12件,提案8件,共计20件", a count of a whole with no measure
    /// of its own) or take its role ("代表建议7件、委员提案6件,共计13件主办件"). Returns the
    /// kinds the statement names (or its list's), which are the sum's.
    pub(super) fn sum(
        &mut self,
        s: usize,
        m: &Mention,
        whole: bool,
        measure: Option<Measure>,
    ) -> Option<Subject> {
        // Since the sentence began or its last statement (";") did.
        let from = (s..m.start)
            .rev()
            .find(|&i| self.chars[i] == ';')
            .map_or(s, |i| i + 1);
        let named = kinds_in(&text_of(self.chars, from, m.start), self.hints.deputies);
        match measure {
            None if whole => {
                let listed = self
                    .frames
                    .last()
                    .and_then(|f| f.group.iter().copied().reduce(Subject::join));
                self.sum_closes_parts(from, m.value);
                named.or(listed)
            }
            Some(role @ (Measure::Lead | Measure::Co)) => {
                self.sum_gives_role(from, m.value, role);
                named
            }
            _ => None,
        }
    }

    /// "完成了代表建议7件、委员提案6件,共计13件主办件": a sum that names a role gives it to the
    /// counts of the list it sums (those read since `from`, adding up to `sum`).
    pub(super) fn sum_gives_role(&mut self, from: usize, sum: f64, role: Measure) {
        let list = self.list;
        let parts: Vec<usize> = (0..self.facts.len())
            .rev()
            .take_while(|&i| self.facts[i].fact.start >= from)
            .filter(|&i| self.facts[i].list == list && self.facts[i].fact.measure == Measure::Total)
            .collect();
        let total: f64 = parts.iter().map(|&i| self.facts[i].fact.value).sum();
        if parts.len() < 2 || (total - sum).abs() > f64::EPSILON {
            return;
        }
        for i in parts {
            self.facts[i].fact.measure = role;
        }
    }

    /// "收到建议17件、提案15件(独办3件、主办4件、分办5件、会办20件)": roles in a bracket after
    /// counts of two kinds, whose counts add up to those counts together and not to the last
    /// one, split both kinds: they are of the combined items. `closed` is the bracket's frame,
    /// `end` where it closed.
    pub(super) fn roles_of_both_kinds(&mut self, closed: &Frame, end: usize) {
        let first = closed.first_fact;
        let roles = &self.facts[first..];
        if roles.is_empty()
            || !roles
                .iter()
                .all(|r| matches!(r.fact.measure, Measure::Lead | Measure::Co))
            || roles
                .iter()
                .any(|r| r.fact.subject != roles[0].fact.subject)
        {
            return;
        }
        // Every count in the bracket, roles that give no fact (分办) included.
        static COUNT: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(\d+)\s*件").expect("count regex"));
        let inside = text_of(self.chars, closed.opened_at, end);
        let sum: f64 = COUNT
            .captures_iter(&inside)
            .filter_map(|c| c[1].parse::<f64>().ok())
            .sum();
        // The totals read right before the bracket, one per kind.
        let listed: Vec<&Row> = self.facts[..first]
            .iter()
            .rev()
            .take_while(|r| r.fact.measure == Measure::Total)
            .take(2)
            .collect();
        let [last, before] = listed[..] else {
            return;
        };
        let kinds = [last.fact.subject, before.fact.subject];
        if kinds[0] == kinds[1]
            || kinds.contains(&Subject::Combined)
            || (last.fact.value - sum).abs() < f64::EPSILON
            || (last.fact.value + before.fact.value - sum).abs() > f64::EPSILON
        {
            return;
        }
        for r in &mut self.facts[first..] {
            r.fact.subject = Subject::Combined;
        }
    }

    /// "15项重点督办建议,涉及130件", "重点督办建议共20项、涉及建议225件": key themes counted in
    /// 项 cover the items counted in the next clause; the key items are those. Returns their count and where the clause ends.
    pub(super) fn key_items_covered(&self, at: usize, e: usize) -> Option<(f64, usize)> {
        static COVERS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:共|共计)?(?:涉及|包括|包含|含)[^,;。\d]{0,8}?(\d+)\s*件")
                .expect("covers regex")
        });
        // The covering clause may also be joined by 、 right after the count ("共20项、涉及代表
        // 建议225件").
        let j = if self.chars.get(at) == Some(&'、') {
            at + 1
        } else {
            (at..e)
                .find(|&j| ends_phrase(self.chars[j]))
                .map_or(e, |j| j + 1)
        };
        let next = text_of(self.chars, j, e);
        let c = COVERS.captures(&next)?;
        let value = c[1].parse::<f64>().ok()?;
        Some((value, j + next[..c.get(0)?.end()].chars().count()))
    }

    /// What `near` (the words before a count ending at `end`) marks the count as a part by
    /// (`PART_CUES`), if it does. "会议期间代表提出的146件建议" is all the session's items unless
    /// the text counts others raised between sessions, or the sentence adds them to others in a
    /// sum ("加上会议期间收到的51件建议,共60件").
    pub(super) fn part_cue_in(&self, near: &str, end: usize, e: usize) -> Option<PartBy> {
        let summed_later = || self.summed_later(end, e);
        // "有关专门委员会交由承办的…624件": a body that passed the items on is no proposer.
        let passed_on = |p: &regex::Match| {
            lookup(PART_CUES, p.as_str()) == Some(PartBy::Proposer)
                && ["交由", "交办", "转交", "转来", "转办"].iter().any(|w| {
                    near[p.end()..]
                        .trim_start_matches(['和', '等'])
                        .starts_with(w)
                })
        };
        // "包含建议614件": 包含 opens a breakdown as 包括 does; its 含 is no included count.
        let opens_breakdown =
            |p: &regex::Match| p.as_str() == "含" && near[..p.start()].ends_with('包');
        // "对各方面工作提出的8314件建议": every area (各方面, 多方面) is no slice of the items.
        let every_area =
            |p: &regex::Match| p.as_str() == "方面" && near[..p.start()].ends_with(['各', '多']);
        PART_RE
            .find_iter(near)
            .filter(|p| !passed_on(p) && !opens_breakdown(p) && !every_area(p))
            .find(|p| {
                self.hints.between_sessions
                    || !["会议期间", "大会期间"].contains(&p.as_str())
                    || summed_later()
            })
            .and_then(|p| lookup(PART_CUES, p.as_str()))
    }

    /// True when a sum is written later in the sentence (`共60件` after the count ending at
    /// `end`, the sentence ending at `e`).
    pub(super) fn summed_later(&self, end: usize, e: usize) -> bool {
        let rest = text_of(self.chars, end, e);
        ["共", "合计", "总计"].iter().any(|w| {
            rest.match_indices(w)
                .any(|(at, _)| rest[at + w.len()..].starts_with(|c: char| c.is_ascii_digit()))
        })
    }

    /// True when `value` is larger than every total read so far: "2018年共承办1801件…2019年
    /// 共提出涉及教育的建议提案1880件" counts a new batch, not a part of an earlier one.
    pub(super) fn exceeds_totals(&self, value: f64) -> bool {
        self.most_total.is_some_and(|most| value > most)
    }

    /// Whether a part-cued count of no named kind slices items already counted: some whole was
    /// read, or a sum comes later in the sentence (`sum_follows`: "加上会议期间收到的51件建议,
    /// 共60件"), or an aside says what the number before it includes ("157(含7月交办5件").
    /// Otherwise the first count of the text is the whole ("大会共收到代表书面意见175件").
    pub(super) fn slices_counted(&self, s: usize, m: &Mention, sum_follows: bool) -> bool {
        !self.wholes.is_empty() || sum_follows || in_inclusion(&text_of(self.chars, s, m.start))
    }

    /// Whether every whole of `kind` read so far (of any kind when it is not named) was itself a
    /// slice by `by`: a part by the same measure is then a batch beside it, not inside it
    /// ("共提交大会提案950件,平时提案24件": no whole of both is written).
    pub(super) fn beside_slices(&self, kind: Option<Subject>, by: PartBy) -> bool {
        let mut of_kind = self
            .wholes
            .iter()
            .zip(&self.wholes_sliced)
            .filter(|(w, _)| kind.is_none_or(|k| **w == k))
            .peekable();
        of_kind.peek().is_some() && of_kind.all(|(_, s)| *s == Some(by))
    }

    /// Notes the kind of a count read in this sentence; the kinds of one statement are joined.
    pub(super) fn note_count_subject(&mut self, subject: Subject) {
        self.last_count_subject = match self.last_count_subject {
            Some(x) if !self.new_statement => Some(x.join(subject)),
            _ => Some(subject),
        };
        self.new_statement = false;
    }

    /// "代表建议、提案分别为592件、759件": the kinds before 分别 go to the counts in turn
    /// ([`Reader::respectively`]). False when the count gives no fact: with more counts after
    /// 分别 than kinds before it ("A部、B部、C署承办的建议提案分别为512件、230件和118件"), 分别
    /// hands them to something else (bodies, years), and they are parts.
    pub(super) fn kinds_in_turn_from(&mut self, near: &str, start: usize, e: usize) -> bool {
        let Some(at) = near.find("分别") else {
            return true;
        };
        let kinds = kinds_in_turn(&near[..at], self.hints.deputies);
        if kinds.len() >= 2 && counts_in_statement(&text_of(self.chars, start, e)) > kinds.len() {
            self.joint_in_turn = true;
            return false;
        }
        self.respectively = kinds;
        true
    }
}

/// True when `left` ends inside a bracket that says what the number before it includes
/// ("(含7月交办", "(包括").
fn in_inclusion(left: &str) -> bool {
    left.rfind('(')
        .filter(|&open| !left[open..].contains(')'))
        .is_some_and(|open| {
            let inner = &left[open + 1..];
            inner.starts_with('含') || inner.starts_with("包括") || inner.starts_with("其中")
        })
}
