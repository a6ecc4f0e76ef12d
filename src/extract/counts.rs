//! Counts of items: the frame of one count mention and the rules that decide its fact.
//!
//! A count's frame has four slots, each filled from the cue tables:
//! - **kind**: the kind of item named next to the number (`6件建议`, `政协提案12件`);
//! - **measure**: the nearest specific cue before it (role, grade, key, an outcome phrase) or
//!   after it (`24件为主办`, `12件已解决`), else a whole cue (`共`, `收到`, `立案`), else the
//!   measure of the list or breakdown it continues;
//! - **scope**: a whole, a part of a whole already counted (by proposer, time, level, subject
//!   area), a topic (`X方面N件`), or nothing handled this period (`已办结`, `公开`, `批示`);
//! - the qualifier, which for counts is always `eq`.
//!
//! The composition rules: inside a breakdown (`其中`, brackets, a `…中,` heading) a count of
//! another kind than the whole splits it by kind and keeps the whole's measure; a count of the
//! same kind with no measure of its own is a part and gives no fact. Outside a breakdown a
//! part-cued count is no fact once its kind's whole is written, unless it is an addition
//! (`此外`).

use super::areas::{breakdown_area, cell_area};
use super::count_parts::{Windows, listed_role};
use super::facts::{CountedTopic, Prev, Reader, is_outcome, text_of};
use super::lexicon::{
    ADDITION_CUES, COUNT_CUE_RE, COUNT_CUES, COUNT_SKIP, Cue, DIFFERENCE, KEY_ITEMS, KIND_RE,
    OTHER_ITEMS, PartBy, REGISTERED_AFTER, REGISTERING, false_context, kinds_in, lookup,
};
use super::mentions::Mention;
use super::outcome::{self, Reading};
use super::slots::{includes_no_role, mask_asides, titled_series, trivial, years};
use super::whose::{KindWords, Whose};
use crate::model::{Measure, Subject};
use regex::Regex;
use std::sync::LazyLock;

/// Items handed on to a government to handle, right before their count: "交由市政府系统办理",
/// "交由州政府系统办理的有", "其中交由政府系统承办", "其中,由政府系统承办的".
static GOV_SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:交由|交给|转交|分交|由)[^,;。]{0,6}?政府[^,;。]{0,12}?(?:办理|承办)(?:的)?(?:有|共|计)?$",
    )
    .expect("government share regex")
});

impl Reader<'_> {
    pub(super) fn count(&mut self, s: usize, e: usize, cursor: usize, m: Mention) {
        let before = (
            self.top().void_last,
            self.top().part_last,
            self.top().area_last,
        );
        // Until a fact is read, this count gives none (see `Frame::void`).
        self.top().void_last = true;
        self.top().part_last = false;
        self.top().area_last = false;
        if self.top().under_part {
            return;
        }
        // A table's count column counts items, as 件 does.
        let unit = if m.cell { '件' } else { self.chars[m.end - 1] };
        let right = self.read_right(&m, e);
        if !self.counts_items(s, e, &m, &right) {
            return;
        }
        let Windows {
            left_from,
            left,
            near_from,
            near,
            clause_from,
            clause,
            wide,
        } = self.windows(s, cursor, &m);
        let topic = |label| CountedTopic {
            label,
            count: m.value as u32,
            start: near_from,
            end: m.end,
        };
        if let Some(label) = self.count_area((cursor, e), &m, near_from, &clause, &wide) {
            self.topics.push(topic(label));
            self.top().part_last = true;
            self.top().area_last = true;
            return;
        }
        // "城建环保  69  41.57": a table row labelled by an area counts the items in it.
        if m.cell
            && let Some(label) = cell_area(&near)
        {
            self.topics.push(topic(label));
            self.top().part_last = true;
            return;
        }
        if let Some(kind) = self.share_whole(&near, &self.right_clause(m.end, e), m.value) {
            self.wholes.push(kind);
            self.wholes_sliced.push(None);
            self.wholes_motions.push(super::whose::Nouns::of(&near));
            let facts = (kind, Measure::Total, false);
            self.emit_count(&left, facts, m.value, m.floor, (near_from, m.end), None);
            self.top().void_last = false;
            return;
        }
        if COUNT_SKIP.is_match(&near) || right.unclear {
            // "共计517件,比上一届增加228件。其中建议289件": a difference counts no items, so
            // what follows splits the count before it, as if the difference were not there.
            if DIFFERENCE.is_match(&near) {
                let top = self.top();
                (top.void_last, top.part_last, top.area_last) = before;
            }
            return;
        }
        // "2022年…与2021年相比均进一步增长(2021年共147件": a clause led by a year earlier
        // than one the sentence has named counts another period.
        if let Some(y) = years(&clause).last()
            && years(&text_of(
                self.chars,
                s.max(clause_from.saturating_sub(200)),
                clause_from,
            ))
            .any(|before| before > y)
        {
            return;
        }
        let right_text = self.right_clause(m.end, e);
        if self.set_aside(&m, &right_text, &clause) {
            return;
        }

        // The measure: after the number, else the nearest specific cue, else an outcome phrase.
        let (specific, whole) = self.left_cues(&mask_asides(&left));
        // "确定128件为立案提案", "128件予以立案": registering said after the count is a stage
        // of its own, a whole, as 立案128件 is.
        let registers_after = REGISTERED_AFTER.is_match(&right_text);
        let whole = whole.or(registers_after.then_some((left.chars().count(), Cue::Whole)));
        // "主办(含承办、分办)75件": a lead count that says it takes in split or collected
        // handling (neither lead nor co, SCHEMA) counts no role; its parts give none either.
        if let Some((p, Cue::Measure(Measure::Lead))) = specific
            && includes_no_role(&left.chars().skip(p).collect::<String>())
        {
            return;
        }
        // Items published, reviewed or instructed: the verb governs every count of its clause
        // ("梳理人大代表建议主合办466件、政协提案主合办254件").
        let not_handled = |words: &str| {
            COUNT_CUE_RE.find_iter(words).any(|c| {
                lookup(COUNT_CUES, c.as_str()) == Some(Cue::NotHandled)
                    && !false_context(words, c.start(), c.end())
            })
        };
        // "2件“回头看”不满意件": the word right after the count says whose items they are.
        let own_words = right_text.trim_start_matches(['件', '“', '"', '‘']);
        let marks_own = COUNT_CUE_RE.find(own_words).is_some_and(|c| {
            c.start() == 0 && lookup(COUNT_CUES, c.as_str()) == Some(Cue::NotHandled)
        });
        // …and after 对, the verb follows what it is done to ("对72件重点提案…作出批示").
        if not_handled(&clause)
            || marks_own
            || (near.contains('对') && not_handled(&self.right_clause(m.end, e)))
        {
            return;
        }
        // Not replies named by their class ("正在解决或列入规划逐步解决的答复(B类)23件"): one
        // reply per item, so they count the items of that class.
        let specific = specific.filter(|&(p, c)| c != Cue::Done || !outcome::class_ends(&left, p));
        // "已办结58件…": items completed so far, whatever follows; a heading still opens.
        // (The cue within five characters of the number: "已办结58件", "已办理完成的42件".)
        if let Some((p, Cue::Done)) = specific
            && left.chars().count() - p <= 5
            && !matches!(right.measure, Some(x) if is_outcome(x))
        {
            if right.heading {
                let subject = right.kind.unwrap_or(self.hints.default_subject);
                self.open_heading(Prev {
                    measure: Measure::Total,
                    subject,
                    said: true,
                    whole: false,
                    restated: false,
                });
            }
            return;
        }
        let Some((phrase, reading)) = self.count_outcome((s, cursor), &m, &near, &right) else {
            return;
        };
        let outcome_at = left.chars().count().saturating_sub(phrase.chars().count());
        // "其中办理答复代表已经解决50件": a reply named inside an outcome phrase of a class is
        // what the class is taken from, not a count of replies.
        let specific = specific.filter(|&(p, c)| {
            !(c == Cue::Done && matches!(reading, Reading::Class(_)) && p >= outcome_at)
        });
        // "包括5件重点提案、315件建议意见": the key phrase that names the count before (right
        // after its number, then a list word) is that count's, not this one's.
        let key = KEY_ITEMS.find_iter(&near).last().filter(|k| {
            !(near[..k.start()].trim_start_matches(['件', ' ']).is_empty()
                && !near[k.end()..].is_empty()
                && near[k.end()..].chars().all(|c| "、和及与, ".contains(c)))
        });
        // An outcome phrase of the count's own before it wins over one after it.
        // A phrase ending in a list word is the item before's ("173件被采纳、44件被部分采纳").
        let own_before = !phrase.trim_end().ends_with('、');
        let mut measure = right
            .measure
            .filter(|&x| !(is_outcome(x) && matches!(reading, Reading::Class(_)) && own_before));
        let mut cue_at = None;
        if measure.is_none() {
            let spec_pos = specific.map(|(p, _)| p);
            let outcome_pos = match reading {
                Reading::None => None,
                _ => Some(outcome_at),
            };
            let key_pos = key.map(|k| left.chars().count() - near[k.start()..].chars().count());
            let best = [
                spec_pos.map(|p| (p, 0)),
                outcome_pos.map(|p| (p, 1)),
                key_pos.map(|p| (p, 2)),
            ]
            .into_iter()
            .flatten()
            .max_by_key(|&(p, rank)| (p, rank));
            match best {
                Some((p, 0)) => {
                    cue_at = Some(p);
                    match specific.map(|x| x.1) {
                        Some(Cue::Measure(x)) => measure = Some(x),
                        // "办结的政协委员提案66件;已列入推进计划拟解决的30件": completed items give
                        // no fact, but the kind they name is the outcome list's that follows.
                        Some(Cue::Done) => {
                            let kind = right.kind.or_else(|| kinds_in(&near, self.hints.deputies));
                            return self.done_names_kind(kind);
                        }
                        _ => return, // a joined grade, a role that is no measure
                    }
                }
                Some((p, 1)) => {
                    cue_at = Some(p);
                    match reading {
                        Reading::Class(c) => measure = Some(c),
                        _ => return,
                    }
                }
                Some((p, _)) => {
                    cue_at = Some(p);
                    measure = Some(Measure::Key);
                }
                None => {}
            }
        }

        // The kind: after the number, else named between the cue and the number, else in the
        // clause.
        let span_from = cue_at.or(whole.map(|w| w.0)).unwrap_or(0);
        let span: String = left.chars().skip(span_from).collect();
        if right.kind.is_none() && titled_series(&span) {
            return;
        }
        // The own clause reaches back over a bracket ("人大代表建议(议案)共26件").
        let after_count = near_from == cursor && cursor > s && self.chars[cursor - 1] == '件';
        let left_kind = self.kind_in_words(KindWords {
            after_count,
            outcome: measure.is_some_and(is_outcome),
            clause: &clause,
            span: &span,
            near: &near,
            left: &left,
        });
        let mut kind = right.kind.or(left_kind);
        // Whether the count names motions (议案), suggestions proper, or both.
        let motions = self.nouns_of(&m, e, right.kind.is_some(), &near);
        // "代表建议、提案分别为592件、759件": the kinds before 分别 go to the counts in turn.
        if !self.kinds_in_turn_from(&near, m.start, e) {
            return;
        }
        if right.kind.is_none() && !self.respectively.is_empty() {
            kind = Some(self.respectively.remove(0));
        }
        // "建议12件,提案8件,共计20件": a sum over the kinds listed before it; with a role
        // ("…共计13件主办件") the role of the counts it sums too.
        if ["共计", "总共", "合计", "合共"]
            .iter()
            .any(|w| near.contains(w))
            && let Some(k) = self.sum(s, &m, whole.is_some(), measure)
        {
            kind = Some(kind.map_or(k, |x| x.join(k)));
        }
        // Chinese numerals are common words too ("一件大事"): take them only where the item
        // noun follows or a cue comes right before.
        if m.chinese && right.kind.is_none() {
            // (A floor word before the number is no cue either: "提案超过了五千件".)
            let trimmed = left
                .trim_end_matches(['的', '有', '共', '了', ' '])
                .trim_end_matches("超过")
                .trim_end_matches(['的', '有', '共', '了', ' ']);
            let ends_in_cue = COUNT_CUE_RE
                .find_iter(trimmed)
                .chain(KIND_RE.find_iter(trimmed))
                .any(|x| x.end() == trimmed.len())
                || (measure.is_some() && outcome::names_outcome(trimmed));
            if !ends_in_cue {
                return;
            }
        }
        // "办好一件建议": 一件 is a way of speaking unless counted (共一件, 仅有一件).
        if m.chinese && m.value == 1.0 && !left.trim_end().ends_with(['共', '有', '计', '仅', '只'])
        {
            return;
        }
        let top = self.top().clone();
        let addition = ADDITION_CUES.iter().any(|w| left.contains(w));
        // "并案处理8件" are merged items, a part; "并案(处理)后为123件" is what the registered
        // items came to after merging, a stage of its own.
        let merged_stage = near.contains("并案后") || near.contains("并案处理后");
        let part_by = self
            .part_cue_in(&near, m.end, e)
            .filter(|_| !addition && !merged_stage);
        let part_cue = part_by.is_some();
        // A batch by time of receipt or by form beside batches sliced the same way, no whole
        // of them written: its own total. (Such batches do not overlap; areas and proposers
        // are named of items counted anyway, "对各方面工作提出建议9235件".)
        // A sum written later in the sentence is their whole ("…,共59件").
        let sum_follows = self.summed_later(m.end, e);
        let beside = part_by
            .filter(|b| matches!(b, PartBy::Time | PartBy::Form))
            .is_some_and(|b| self.beside_slices(kind, b))
            && !sum_follows;
        // "…其中会后17件,经审查立案175件": registering is a new stage, not a part; so is merging
        // the registered items ("并案处理后为123件").
        let registers = REGISTERING.iter().any(|w| near.contains(w)) || registers_after;
        // "共提出建议209件,其中,交由市政府系统办理197件,占总数的94.26%": the items handed on
        // to a government to handle are the set a government's report goes on to describe, a
        // total of their own beside the whole they came from (so labelled in 6 of the 8 such
        // shares of the training sets), as registering is a stage of its own.
        let handed_on = GOV_SHARE.is_match(&near) && !self.wholes.is_empty();
        let registered = (whole.is_some() && (registers || merged_stage) && !part_cue) || handed_on;
        // "…会办件31件,此外还承担2件跨年度提案": an addition to the whole is no part of it.
        let in_breakdown = top.parent.is_some() && !registered && !addition;
        let mut inherited = false;
        // The breakdown this count splits by kind, if it does.
        let mut split = None;
        // "共主办…13件": a body that only leads gives the total too (SCHEMA).
        let mut also_total = false;
        // "主办30件(其中独办12件)", "主办件中,独办12件": a role inside a breakdown of a count with
        // that same role counts a part of it.
        if let (Some(ms @ (Measure::Lead | Measure::Co)), Some(parent)) =
            (measure, top.parent.filter(|_| in_breakdown))
            // "已解决12件,其中主办9件": the items of an outcome class split by role are parts
            // of it too.
            && (ms == parent.measure || is_outcome(parent.measure))
            // "共承办140件,其中主合办59件": a count that is the whole as well is broken down
            // by role, not narrowed.
            && !parent.whole
            && kind.is_none_or(|k| k == parent.subject)
        {
            self.top().part_last = true;
            return;
        }
        // "主办29件,协办41件,主办组织提案7件": a role's items named by who raised them are a
        // slice of that role's count, no second count of it.
        if matches!(measure, Some(Measure::Lead | Measure::Co)) && part_by == Some(PartBy::Proposer)
        {
            self.top().part_last = true;
            return;
        }
        let measure = measure.or_else(|| {
            let role = listed_role(top.prev, kind, &left).filter(|_| in_breakdown);
            inherited |= role.is_some();
            role
        });
        let measure = match measure {
            Some(x) => x,
            // The parts of a count that gave no fact give none, unless they say their own
            // measure (the classes of "已解决和正在解决的3096件,其中已解决…536件").
            None if top.void => return,
            None => {
                if let Some(parent) = top.parent.filter(|_| in_breakdown) {
                    // A breakdown: a split by kind keeps the whole's measure; anything else of
                    // the same kind is a part.
                    match kind {
                        Some(k) if k != parent.subject && parent.subject == Subject::Combined => {
                            inherited = true;
                            split = Some(top.id);
                            if part_cue { return } else { parent.measure }
                        }
                        Some(k) if k != parent.subject && !part_cue => {
                            // Another kind beside the whole's: a new statement of its own.
                            self.frames = vec![super::facts::Frame::default()];
                            match whole {
                                Some(_) => Measure::Total,
                                None => parent.measure,
                            }
                        }
                        _ => {
                            // "其中,经济建设和环境保护提案55件": a part of the same kind named by
                            // its area, not its proposer, is a topic.
                            if let Some(label) = breakdown_area(&near, kind) {
                                self.topics.push(topic(label));
                            }
                            self.keep_as_base(
                                kind,
                                m.value,
                                (s.max(cursor), near_from),
                                m.end + right.len,
                            );
                            self.top().part_last = true;
                            return;
                        }
                    }
                } else if let Some((_, w)) = whole {
                    if part_cue
                        && !handed_on
                        && !beside
                        && (!self.exceeds_totals(m.value) || sum_follows)
                        && kind.map_or(self.slices_counted(s, &m, sum_follows), |k| {
                            self.wholes.contains(&k)
                        })
                    {
                        self.keep_as_base(
                            kind,
                            m.value,
                            (s.max(cursor), near_from),
                            m.end + right.len,
                        );
                        self.top().part_last = true;
                        return;
                    }
                    // "共有30件,占了总办理数的59%": a share of what was counted is a part.
                    let share = right_text.starts_with('占')
                        || self.next_clause(m.end, e).starts_with('占');
                    // "经审查立案468件,占收到总数的90%": registering is a stage of its own.
                    if share && !self.wholes.is_empty() && !registered {
                        self.keep_as_base(
                            kind,
                            m.value,
                            (s.max(cursor), near_from),
                            m.end + right.len,
                        );
                        self.top().part_last = true;
                        return;
                    }
                    match w {
                        Cue::Chengban if self.hints.chengban_is_lead => Measure::Lead,
                        _ => Measure::Total,
                    }
                } else if part_cue {
                    // "四个党派的5件提案" with no whole written anywhere before: a batch by who
                    // raised the items or when is a total of its own (SCHEMA), as with a whole
                    // cue. (Not the rest, 其余的166件, nor items led by leaders: slices of a
                    // whole the text has yet to write.)
                    let no_whole = self.wholes.is_empty()
                        && kind.is_some()
                        && matches!(part_by, Some(PartBy::Proposer | PartBy::Time));
                    if !beside && !no_whole {
                        self.top().part_last = true;
                        return;
                    }
                    Measure::Total
                } else if let Some(p) = top.prev
                    // "…的45件议案和620件建议均已办理完毕": a count joined to the one before by
                    // a conjunction, its kind after it, continues the list whatever follows.
                    && ((!right.verb && right_text.chars().count() <= 6)
                        || right.kind.is_some()
                            && left.chars().count() <= 4
                            && left.ends_with(['和', '、', '及', '与']))
                    && (kind.is_some() || trivial(&left))
                    // "…,2件暂无法办理;区政协一届二次会议委员提案30件,23件已办结": after
                    // outcomes, a count of a named kind from a named session or year, past a
                    // semicolon, opens the next batch (a bare kind, "…;政协提案19件", goes on
                    // with the outcome).
                    && !(is_outcome(p.measure)
                        && kind.is_some()
                        && ["会议", "届", "年"].iter().any(|w| left.contains(w))
                        && self.past_semicolon(m.start))
                {
                    // "共接到人大建议33件,政协提案22件": a list continues its measure; a list of
                    // items already counted ("包括A提案6件;B提案21件") restates them too.
                    if p.restated && kind.is_none_or(|k| self.wholes.contains(&k)) {
                        if let Some(label) = breakdown_area(&near, kind) {
                            self.topics.push(topic(label));
                        }
                        return;
                    }
                    inherited = true;
                    also_total = p.whole;
                    p.measure
                } else if let Some(k) = kind {
                    // (A count larger than every total is neither restated nor a part:
                    // "今年收到548件…2006年,581件代表建议的办理工作满意率达到了100%".)
                    // (Suggestions after a total of motions, "271件议案…8314件建议、批评和
                    // 意见", are another kind of item.)
                    if self.whole_of(k, motions)
                        && !addition
                        && !(self.exceeds_totals(m.value)
                            && years(&text_of(self.chars, s, m.start)).next().is_some())
                    {
                        // A restated or partial count of a kind already totalled: no fact,
                        // but the rates after it are about that kind.
                        // Its breakdown ("(主办9件、会办30件)") is still of its kind.
                        self.note_count_subject(k);
                        if let Some(label) = breakdown_area(&near, kind) {
                            self.topics.push(topic(label));
                        }
                        // It may yet sum the totals before it ([`super::bases::sums`]).
                        let sum =
                            self.base(k, m.value, (s.max(cursor), near_from), m.end + right.len);
                        self.sums.push(sum);
                        self.top().prev = Some(Prev::restated_total(k));
                        self.top().void_last = false;
                        return;
                    }
                    Measure::Total
                } else {
                    return;
                }
            }
        };
        if kind.is_none() && OTHER_ITEMS.is_match(&near) {
            return;
        }
        // (Not when co-handled items are counted after it: "共有22件主办件、10件协办件".)
        if measure == Measure::Lead
            && !in_breakdown
            && whole.is_some_and(|(p, _)| left.chars().skip(p).take(1).eq(['共']))
            && !["协办", "会办"]
                .iter()
                .any(|w| text_of(self.chars, m.end, e).contains(w))
        {
            also_total = true;
        }

        // Whose items: own kind, the heading's or list's, the whole's, the document's.
        let subject = self.count_subject(&Whose {
            s,
            at: m.start,
            cursor,
            // Items handed on are of the whole they came from.
            kind: kind.or(self.wholes.last().copied().filter(|_| handed_on)),
            measure,
            top: &top,
            in_breakdown,
            split,
            left: &left,
            near: &near,
            registered,
            registers,
        });

        {
            let top = self.top();
            top.prev = Some(Prev {
                measure,
                subject,
                said: !inherited,
                whole: also_total,
                restated: false,
            });
            top.void_last = false;
            top.group.push(subject);
            top.kind_split_run = if split.is_some() {
                top.kind_split_run + 1
            } else {
                0
            };
        }
        self.note_count_subject(subject);
        if right.heading {
            self.open_heading(Prev {
                measure,
                subject,
                said: true,
                whole: false,
                restated: false,
            });
        }
        if measure == Measure::Total || also_total {
            self.wholes.push(subject);
            self.wholes_sliced.push(part_by);
            self.wholes_motions.push(motions);
        }
        let (ev_start, mut ev_end) = self.count_evidence(
            (s, cursor, left_from, near_from),
            &m,
            cue_at.or(whole.map(|w| w.0)),
            right.len,
            (&right_text, registers_after),
        );
        let mut value = m.value;
        if measure == Measure::Key
            && unit != '件'
            && let Some((v, end)) = self.key_items_covered(m.end, e)
        {
            value = v;
            ev_end = end;
        }
        self.emit_count(
            &left,
            (subject, measure, also_total),
            value,
            m.floor,
            (ev_start, ev_end),
            split,
        );
    }
}
