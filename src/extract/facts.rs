//! Numeric facts: counts of items and rates, each with subject, measure, qualifier and the
//! clause it came from.
//!
//! The text is read sentence by sentence. Each number with a unit (`件`, `%`, `百分之…`) is a
//! mention; the words between it and the previous mention say what it measures, and a small
//! stack of frames carries the subject and measure of a list into its `其中` breakdown and its
//! parentheses.

use super::lexicon::{
    COUNT_CUES, COUNT_SKIP, Cue, OTHER_ITEMS, RATE_SKIP, RATE_WORDS, SUBJECT_WORDS, TARGET_WORDS,
    count_cue, outcome_classes, rate_measure, subject_of,
};
use super::numerals::parse_number;
use crate::model::{Measure, Qualifier, Subject};
use crate::segment::{ends_phrase, ends_sentence, sentences};
use regex::Regex;
use std::sync::LazyLock;

/// A fact before it is tied to the original text: offsets index the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFact {
    /// Whose items.
    pub subject: Subject,
    /// What is measured.
    pub measure: Measure,
    /// The number.
    pub value: f64,
    /// Achieved, floor or target.
    pub qualifier: Qualifier,
    /// Evidence start (normalised text, chars).
    pub start: usize,
    /// Evidence end (normalised text, chars).
    pub end: usize,
}

/// A count topic found while reading counts: `X方面N件`.
#[derive(Debug, Clone, PartialEq)]
pub struct CountedTopic {
    /// The area as written (normalised).
    pub label: String,
    /// Its count.
    pub count: u32,
    /// Evidence start (normalised text, chars).
    pub start: usize,
    /// Evidence end.
    pub end: usize,
}

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"(?P<group>[两二三四五六])个[“"]?(?:百分之百|百分百|100\s*%)"#,
        r"|百分之(?P<pct>[零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)",
        r"|(?P<bai>百分百)",
        r"|(?P<num>\d+(?:\.\d+)?万?|[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二三四五六七八九]+)?)\s*(?P<unit>%|件|个|项)",
    ))
    .expect("mention regex")
});

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Count,
    Rate,
    /// 三个百分之百: one value for every rate named before it.
    Group,
}

#[derive(Debug, Clone, Copy)]
struct Mention {
    start: usize,
    end: usize,
    value: f64,
    kind: Kind,
    chinese: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Prev {
    measure: Measure,
    subject: Subject,
    /// The measure was said (a keyword), not carried over from the list.
    said: bool,
}

#[derive(Debug, Clone, Default)]
struct Frame {
    prev: Option<Prev>,
    parent: Option<Prev>,
    group: Vec<Subject>,
}

/// Document-wide facts the clause rules lean on.
#[derive(Debug, Clone, Copy)]
pub struct DocHints {
    /// The subject to use when nothing nearer says.
    pub default_subject: Subject,
    /// 承办 means lead: the text sets it against 协办 and never says 主办.
    pub chengban_is_lead: bool,
}

/// Reads the document-wide hints from the normalised text.
pub fn hints(text: &str) -> DocHints {
    let mut proposal = 0usize;
    let mut suggestion = 0usize;
    for m in SUBJECT_WORDS.find_iter(text) {
        // Titles of items ("《关于…的建议》") and opinions ("意见建议") name no kind of item.
        if m.as_str() == "建议"
            && (text[..m.start()].ends_with('的')
                || text[..m.start()].ends_with("意见")
                || text[..m.start()].ends_with("意见和")
                || text[m.end()..].starts_with('》'))
        {
            continue;
        }
        match subject_of(m.as_str(), false) {
            Some(Subject::Proposal) => proposal += 1,
            Some(Subject::Suggestion) => suggestion += 1,
            Some(Subject::Combined) => {
                proposal += 1;
                suggestion += 1;
            }
            None => {}
        }
    }
    let default_subject = if proposal > 0 && suggestion * 4 <= proposal {
        Subject::Proposal
    } else if suggestion > 0 && proposal * 4 <= suggestion {
        Subject::Suggestion
    } else {
        Subject::Combined
    };
    static CO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:协办|会办)[^,。;]{0,3}?\d+\s*件").expect("co regex"));
    let chengban_is_lead = CO.is_match(text) && !text.contains("主办");
    DocHints {
        default_subject,
        chengban_is_lead,
    }
}

struct Reader<'a> {
    chars: &'a [char],
    hints: DocHints,
    facts: Vec<RawFact>,
    topics: Vec<CountedTopic>,
    frames: Vec<Frame>,
    /// Kinds of the counts emitted in the current sentence, joined.
    last_count_subject: Option<Subject>,
    /// A semicolon came since the last count.
    new_statement: bool,
    /// End of the last rate in the current sentence, and whether it was a goal.
    last_rate: Option<(usize, bool)>,
    /// Rate words of a value given as last year's ("由95%"), for the value it rose to.
    rising: Option<Vec<(Measure, usize)>>,
}

fn text_of(chars: &[char], a: usize, b: usize) -> String {
    chars[a.min(b)..b].iter().collect()
}

/// Finds the mentions in the text, with char offsets.
fn mentions(chars: &[char], text: &str) -> Vec<Mention> {
    let mut byte_to_char = vec![0usize; text.len() + 1];
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        for k in 0..c.len_utf8() {
            byte_to_char[bi + k] = ci;
        }
    }
    byte_to_char[text.len()] = chars.len();
    let mut out = Vec::new();
    for caps in MENTION.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let start = byte_to_char[whole.start()];
        let end = byte_to_char[whole.end()];
        let (value, kind, chinese) = if caps.name("group").is_some() {
            (100.0, Kind::Group, true)
        } else if let Some(p) = caps.name("pct") {
            match parse_number(p.as_str()) {
                Some(v) => (v, Kind::Rate, true),
                None => continue,
            }
        } else if caps.name("bai").is_some() {
            (100.0, Kind::Rate, true)
        } else {
            let num = caps.name("num").expect("num").as_str();
            let chinese = !num.starts_with(|c: char| c.is_ascii_digit());
            let Some(v) = parse_number(num) else { continue };
            let kind = if caps.name("unit").map(|u| u.as_str()) == Some("%") {
                Kind::Rate
            } else {
                Kind::Count
            };
            (v, kind, chinese)
        };
        out.push(Mention {
            start,
            end,
            value,
            kind,
            chinese,
        });
    }
    out
}

/// Extracts facts and counted topics from normalised text.
pub fn extract(text: &str) -> (Vec<RawFact>, Vec<CountedTopic>) {
    let chars: Vec<char> = text.chars().collect();
    let all = mentions(&chars, text);
    let mut reader = Reader {
        chars: &chars,
        hints: hints(text),
        facts: Vec::new(),
        topics: Vec::new(),
        frames: vec![Frame::default()],
        last_count_subject: None,
        new_statement: false,
        last_rate: None,
        rising: None,
    };
    for (s, e) in sentences(&chars) {
        let sentence: Vec<Mention> = all
            .iter()
            .copied()
            .filter(|m| m.start >= s && m.end <= e)
            .collect();
        let lead: String = text_of(&chars, s, (s + 4).min(e));
        if !lead.trim_start().starts_with("其中") {
            reader.frames = vec![Frame::default()];
            reader.last_count_subject = None;
        }
        reader.last_rate = None;
        reader.rising = None;
        reader.sentence(s, e, &sentence);
    }
    let facts = merge_outcomes(reader.facts, &chars);
    (facts, reader.topics)
}

impl Reader<'_> {
    fn top(&mut self) -> &mut Frame {
        if self.frames.is_empty() {
            self.frames.push(Frame::default());
        }
        let n = self.frames.len();
        &mut self.frames[n - 1]
    }

    /// Updates the frames for the text between two mentions: brackets and 其中.
    fn walk(&mut self, from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let c = self.chars[i];
            if c == '(' {
                let top = self.top();
                let parent = top.prev.or(top.parent);
                self.frames.push(Frame {
                    prev: None,
                    parent,
                    group: Vec::new(),
                });
            } else if c == ';' {
                self.new_statement = true;
            } else if c == ')' {
                if self.frames.len() > 1 {
                    self.frames.pop();
                }
            } else if c == '其' && self.chars.get(i + 1) == Some(&'中') {
                let top = self.top();
                if let Some(prev) = top.prev {
                    let subject = top
                        .group
                        .iter()
                        .copied()
                        .reduce(Subject::join)
                        .unwrap_or(prev.subject);
                    top.parent = Some(Prev {
                        measure: prev.measure,
                        subject,
                        said: true,
                    });
                    top.prev = None;
                    top.group.clear();
                }
                i += 1;
            }
            i += 1;
        }
    }

    fn sentence(&mut self, s: usize, e: usize, ms: &[Mention]) {
        let mut cursor = s;
        let mut k = 0;
        while k < ms.len() {
            let m = ms[k];
            self.walk(cursor, m.start);
            let consumed = match m.kind {
                Kind::Count => {
                    self.count(s, e, cursor, m);
                    1
                }
                Kind::Rate | Kind::Group => self.rate(s, e, cursor, ms, k),
            };
            cursor = ms[k + consumed - 1].end;
            k += consumed;
        }
    }

    /// Start of the clause that ends at `at`, not before `floor`.
    fn clause_start(&self, floor: usize, at: usize) -> usize {
        let mut i = at;
        while i > floor {
            let c = self.chars[i - 1];
            if ends_phrase(c) || c == '(' || c == ')' {
                break;
            }
            i -= 1;
        }
        i
    }

    fn right_clause(&self, from: usize, e: usize) -> String {
        let mut j = from;
        while j < e && !ends_phrase(self.chars[j]) && self.chars[j] != '(' {
            j += 1;
        }
        text_of(self.chars, from, j)
    }

    fn count(&mut self, s: usize, e: usize, cursor: usize, m: Mention) {
        let unit = self.chars[m.end - 1];
        let right = self.right_clause(m.end, e);
        if unit != '件' {
            // 个/项 count items only when the item noun follows.
            let head: String = right.chars().take(6).collect();
            if !(head.contains("议案") || head.contains("建议") || head.contains("提案")) {
                return;
            }
        }
        let before = if m.start > s {
            self.chars[m.start - 1]
        } else {
            ' '
        };
        if (m.chinese && "每逐哪任第".contains(before)) || "这那该".contains(before) {
            return;
        }
        let mut left_from = self.clause_start(cursor, m.start);
        if left_from > cursor
            && self.chars[left_from - 1] == ')'
            && let Some(open) = (cursor..left_from - 1)
                .rev()
                .find(|&i| self.chars[i] == '(')
            && left_from - open <= 40
        {
            left_from = self.clause_start(cursor, open);
        }
        if left_from > s && left_from > cursor && self.chars[left_from - 1] == ':' {
            left_from = self.clause_start(cursor, left_from - 1);
        }
        let left = text_of(self.chars, left_from, m.start);
        let near_from = self.clause_start(cursor, m.start);
        let near = text_of(self.chars, near_from, m.start);

        // Topic list items: "X方面(的)N件".
        if let Some(label) = topic_label(&near) {
            self.topics.push(CountedTopic {
                label,
                count: m.value as u32,
                start: near_from,
                end: m.end,
            });
            return;
        }
        if COUNT_SKIP.is_match(&near) {
            return;
        }
        let right_after: String = right.chars().take(12).collect();
        if right_after.contains("来信") || right_after.contains("来电") {
            return;
        }

        // Subject and measure said right after the number: "6件建议", "1件重要建议", "5件主办件".
        let mut right_subject = None;
        let mut right_measure = None;
        let mut is_scope = false;
        {
            let r: String = right.chars().take(14).collect();
            let r = r.trim_start_matches(['的', ' ']);
            if r.starts_with("主办") {
                right_measure = Some(Measure::Lead);
            } else if r.starts_with("协办") || r.starts_with("会办") {
                right_measure = Some(Measure::Co);
            } else if r.starts_with("重点") || r.starts_with("重要") {
                right_measure = Some(Measure::Key);
            }
            if let Some(sm) = SUBJECT_WORDS.find(r) {
                let gap = &r[..sm.start()];
                // "44件政协委员提案", "1件重要建议", "352件立案提案": a few qualifying
                // characters may stand between; "6件政协委员来信" names other items.
                let qualifier_only = gap
                    .chars()
                    .all(|c| "政协人大代表委员县市省区的重点重要".contains(c))
                    || (gap.chars().count() <= 4
                        && gap.chars().all(crate::decode::is_cjk)
                        && !["来信", "意见", "批评", "来电"]
                            .iter()
                            .any(|w| gap.contains(w)));
                if qualifier_only {
                    right_subject = subject_of(sm.as_str(), false);
                }
            }
            if r.ends_with('中') || r.contains("中,") {
                is_scope = true;
            }
            let (classes, _) = outcome_classes(&r.chars().take(8).collect::<String>());
            if right_measure.is_none() && !classes.is_empty() {
                let set: Vec<Measure> = classes.iter().map(|x| x.1).collect();
                if set.iter().all(|&x| x == set[0]) {
                    right_measure = Some(set[0]);
                }
            }
        }

        // Keywords before the number, in its clause.
        let mut best: Option<(usize, Cue, usize)> = None; // (pos, cue, len)
        let mut best_total: Option<(usize, Cue, usize)> = None;
        for cm in COUNT_CUES.find_iter(&left) {
            let w = cm.as_str();
            let cue = count_cue(w);
            if w == "共" {
                let next = left[cm.end()..].chars().next();
                if !next
                    .is_some_and(|c| c.is_ascii_digit() || c == ' ' || "有计承收受办接".contains(c))
                {
                    continue;
                }
            }
            if w == "满意" && left[cm.end()..].starts_with(['率', '度']) {
                continue;
            }
            let pos = left[..cm.start()].chars().count();
            let len = w.chars().count();
            match cue {
                Cue::Total | Cue::Chengban => best_total = Some((pos, cue, len)),
                _ => best = Some((pos, cue, len)),
            }
        }
        let chosen = best.or(best_total);

        // Subject words between the keyword and the number.
        let span_from = chosen.map_or(0, |(p, _, l)| p + l);
        let span: String = left.chars().skip(span_from).collect();
        let mut left_subject = None;
        for sm in SUBJECT_WORDS.find_iter(&span) {
            if sm.as_str() == "提案" && span[sm.end()..].starts_with('委') {
                continue;
            }
            if sm.as_str() == "建议" && span[..sm.start()].ends_with("意见") {
                continue;
            }
            if let Some(sub) = subject_of(sm.as_str(), false) {
                left_subject = Some(left_subject.map_or(sub, |x: Subject| x.join(sub)));
            }
        }
        // "共承办县人大建议,县政协提案共计15件": a sum over the kinds listed since the verb;
        // "建议12件,提案8件,共计20件": a sum over the counts before it.
        let sums = ["共计", "总共", "合计", "合共"];
        if matches!(chosen, Some((_, Cue::Total, _))) && sums.iter().any(|w| near.contains(w)) {
            let since = text_of(self.chars, cursor.max(s), m.start);
            let mut kinds = None;
            for sm in SUBJECT_WORDS.find_iter(&since) {
                if let Some(sub) = subject_of(sm.as_str(), false) {
                    kinds = Some(kinds.map_or(sub, |x: Subject| x.join(sub)));
                }
            }
            let listed = self
                .frames
                .last()
                .and_then(|f| f.group.iter().copied().reduce(Subject::join));
            if let Some(k) = kinds.or(listed) {
                left_subject = Some(k);
            }
        }
        if left_subject.is_none() && chosen.is_some() {
            // "人大建议主办5件": the kind named before the keyword, in the same clause.
            for sm in SUBJECT_WORDS.find_iter(&near) {
                if let Some(sub) = subject_of(sm.as_str(), false) {
                    left_subject = Some(left_subject.map_or(sub, |x: Subject| x.join(sub)));
                }
            }
        }
        let explicit_subject = right_subject.or(left_subject);
        // Chinese numerals are common words too ("一件大事"): take them only where the item
        // noun follows or a keyword comes right before.
        if m.chinese {
            // Next to the keyword, or with a short verb between ("已采纳落实九件").
            let keyword_adjacent = chosen.is_some_and(|(p, _, l)| {
                let gap = m.start.saturating_sub(left_from + p + l);
                gap <= 2 && !(left_from + p + l..m.start).any(|i| ends_phrase(self.chars[i]))
            });
            let subject_adjacent = SUBJECT_WORDS
                .find_iter(&left)
                .last()
                .is_some_and(|sm| sm.end() == left.len());
            if right_subject.is_none() && !keyword_adjacent && !subject_adjacent {
                return;
            }
        }

        // Decide the measure.
        let top = self.top().clone();
        let mut inherited = false;
        let measure = if let Some(rm) = right_measure {
            Some(rm)
        } else {
            match chosen {
                Some((pos, Cue::Outcome, _)) => {
                    let phrase_start = left[..]
                        .chars()
                        .take(pos)
                        .collect::<Vec<_>>()
                        .iter()
                        .rposition(|&c| ends_phrase(c))
                        .map_or(0, |p| p + 1);
                    let phrase: String = left.chars().skip(phrase_start).collect();
                    classify_outcome(&phrase)
                }
                Some((_, Cue::Measure(x), _)) => Some(x),
                Some((_, Cue::MixedSatisfaction, _)) => None,
                Some((_, Cue::Chengban, _)) => Some(if self.hints.chengban_is_lead {
                    Measure::Lead
                } else {
                    Measure::Total
                }),
                Some((_, Cue::Total, _)) => Some(Measure::Total),
                Some((_, Cue::Reply, _)) => explicit_subject.map(|_| Measure::Total),
                None => {
                    let (_, letter) = outcome_classes(&left);
                    // A bare "N件" continues the list before it, unless a verb after it says
                    // what it counts ("有10件已答复给代表").
                    let right_head: String = right.chars().take(8).collect();
                    let trivial = left
                        .chars()
                        .filter(|c| !"、,;和及与 的有共为".contains(*c))
                        .count()
                        <= 1
                        && !COUNT_CUES.is_match(&right_head);
                    if letter.is_some() {
                        letter
                    } else if let (Some(p), Some(par), Some(sub)) =
                        (top.prev, top.parent, explicit_subject)
                        && p.subject != sub
                        && par.subject != Subject::Combined
                    {
                        // "…协办件1件;政协提案13件": a new kind ends the breakdown of the
                        // previous one and stands beside it.
                        inherited = true;
                        let top = self.top();
                        top.parent = None;
                        top.group.clear();
                        Some(par.measure)
                    } else if let Some(p) =
                        top.prev.filter(|_| trivial || explicit_subject.is_some())
                    {
                        inherited = true;
                        Some(p.measure)
                    } else if let Some(p) =
                        top.parent.filter(|_| trivial || explicit_subject.is_some())
                    {
                        inherited = true;
                        Some(p.measure)
                    } else if explicit_subject.is_some() {
                        Some(Measure::Total)
                    } else {
                        None
                    }
                }
            }
        };
        let Some(measure) = measure else { return };
        if explicit_subject.is_none() && OTHER_ITEMS.is_match(&near) {
            return;
        }

        // An outcome list set apart from the counts of several kinds before it covers them all
        // ("建议23件、提案31件,按照办理结果分类,A类42件"); one right after a count of one kind
        // is about that kind ("提案16件,已经解决14件").
        let outcome = is_outcome(measure);
        let set_apart = text_of(self.chars, cursor, m.start)
            .chars()
            .filter(|&c| ends_phrase(c))
            .count()
            > 1;
        let group_subject = top.group.iter().copied().reduce(Subject::join);
        let subject = explicit_subject
            .or(
                if outcome && set_apart && top.prev.is_some_and(|p| !is_outcome(p.measure)) {
                    group_subject
                } else {
                    None
                },
            )
            // "主办人大建议1件,协办6件": the kind of the previous pair carries over; after a
            // list of kinds ("建议23件,提案24件;主办件31件") the list's own kind does.
            .or(top
                .prev
                .filter(|p| p.said || top.parent.is_none())
                .map(|p| p.subject))
            .or(top.parent.map(|p| p.subject))
            .or(top.prev.map(|p| p.subject))
            .unwrap_or(self.hints.default_subject);

        // Parts of a same-kind total listed after 其中 ("20件,其中议案1件,建议19件").
        let sub_part = inherited
            && top.prev.is_none()
            && top.parent.is_some_and(|p| {
                p.subject == subject && p.subject != Subject::Combined && p.measure == measure
            });

        {
            let top = self.top();
            top.prev = Some(Prev {
                measure,
                subject,
                said: !inherited,
            });
            top.group.push(subject);
        }
        // Rates after counts of several kinds in one sentence cover them all; a semicolon
        // starts a new statement ("…;9件提案已全部办结,办结率100%").
        self.last_count_subject = match self.last_count_subject {
            Some(x) if !self.new_statement => Some(x.join(subject)),
            _ => Some(subject),
        };
        self.new_statement = false;
        if is_scope {
            let top = self.top();
            top.parent = Some(Prev {
                measure,
                subject,
                said: true,
            });
            top.prev = None;
            top.group.clear();
        }
        if sub_part {
            return;
        }
        let ev_start = (left_from + chosen.map_or(0, |c| c.0)).min(near_from);
        let mut ev_start = self.clause_start(s, ev_start).max(s).max(cursor);
        while ev_start < m.start && "、,;: ".contains(self.chars[ev_start]) {
            ev_start += 1;
        }
        // A measure said after the number belongs in the evidence too.
        let ev_end = if right_measure.is_some() || right_subject.is_some() {
            m.end + right.chars().count()
        } else {
            m.end
        };
        // "建议、提案各15件": the number counts each kind, not both together.
        let each = left.trim_end().ends_with('各') && subject == Subject::Combined;
        let subjects: &[Subject] = if each {
            &[Subject::Suggestion, Subject::Proposal]
        } else {
            &[subject]
        };
        for &subject in subjects {
            self.facts.push(RawFact {
                subject,
                measure,
                value: m.value,
                qualifier: Qualifier::Eq,
                start: ev_start,
                end: ev_end,
            });
        }
    }

    /// Handles a rate (or a 三个百分之百 group) and any rates paired with it by 分别; returns how
    /// many mentions it consumed.
    fn rate(&mut self, s: usize, e: usize, cursor: usize, ms: &[Mention], k: usize) -> usize {
        let m = ms[k];
        let near_from = self.clause_start(cursor, m.start);
        let near = text_of(self.chars, near_from, m.start);
        if RATE_SKIP.is_match(&near) {
            return 1;
        }
        let left = text_of(self.chars, cursor, m.start);
        let right: String = text_of(self.chars, m.end, (m.end + 12).min(e));

        // Rate words with positions (chars, relative to cursor).
        let mut words: Vec<(usize, usize, Option<Measure>)> = Vec::new();
        for rm in RATE_WORDS.find_iter(&left) {
            let pos = left[..rm.start()].chars().count();
            words.push((pos, rm.as_str().chars().count(), rate_measure(rm.as_str())));
        }
        let mut measures: Vec<(Measure, usize)> = Vec::new();
        let mut consumed = 1;
        let rt = right.trim_start_matches(['的', ' ']);
        if let Some(rm) = RATE_WORDS.find(rt).filter(|x| x.start() == 0) {
            // "100%办结率"
            if let Some(x) = rate_measure(rm.as_str()) {
                measures.push((x, m.start));
            }
        } else if m.kind != Kind::Group && rt.starts_with("满意") {
            measures.push((Measure::SatisfactionRate, m.start));
        } else if left.contains("分别") && !words.is_empty() {
            // "X率和Y率分别达到A%和B%"
            let mut values = vec![m];
            let mut j = k + 1;
            while j < ms.len() && ms[j].kind == Kind::Rate {
                let gap = text_of(self.chars, values[values.len() - 1].end, ms[j].start);
                if gap.chars().all(|c| "和、,及与 ".contains(c)) && !gap.is_empty() {
                    values.push(ms[j]);
                    j += 1;
                } else {
                    break;
                }
            }
            let named: Vec<_> = chain(&left, &words, true);
            if named.len() == values.len() && values.len() > 1 {
                let subject = self.rate_subject(s, &left, near_from);
                for (w, v) in named.iter().zip(&values) {
                    if let Some(measure) = w.2 {
                        self.push_rate(s, cursor + w.0, *v, measure, subject, e);
                    }
                }
                return values.len();
            }
            for w in named.iter().rev().take(1) {
                if let Some(x) = w.2 {
                    measures.push((x, cursor + w.0));
                }
            }
            consumed = 1;
        } else {
            let all = m.kind == Kind::Group || left.contains('均') || left.contains('都');
            for w in chain(&left, &words, all) {
                if let Some(x) = w.2 {
                    measures.push((x, cursor + w.0));
                }
            }
        }
        // "满意率由去年的95%提高到98%": the first value is last year's, the second this year's.
        let from_before = ["由", "从"].iter().any(|w| {
            near.ends_with(w)
                || near.contains(&format!("{w}去年"))
                || near.contains(&format!("{w}上年"))
        });
        if from_before && !measures.is_empty() {
            self.rising = Some(measures);
            return consumed;
        }
        if measures.is_empty()
            && let Some(earlier) = self.rising.take()
            && [
                "提高到",
                "提高至",
                "提升到",
                "提升至",
                "上升到",
                "上升至",
                "增至",
                "增长到",
            ]
            .iter()
            .any(|w| left.contains(w))
        {
            measures = earlier;
        }
        if measures.is_empty() {
            return consumed;
        }
        let subject = self.rate_subject(s, &left, near_from);
        for (measure, at) in measures {
            self.push_rate(s, at, m, measure, subject, e);
        }
        consumed
    }

    fn rate_subject(&self, s: usize, left: &str, near_from: usize) -> Subject {
        // The clause that holds the rate words.
        let clause_from = self.clause_start(s, near_from.max(s));
        let own = text_of(self.chars, clause_from, near_from.max(clause_from)) + left;
        let own_clause: String = {
            let chars: Vec<char> = own.chars().collect();
            let from = chars
                .iter()
                .rposition(|&c| ends_phrase(c))
                .map_or(0, |p| p + 1);
            chars[from..].iter().collect()
        };
        let mut found = None;
        for sm in SUBJECT_WORDS.find_iter(&own_clause) {
            if let Some(sub) = subject_of(sm.as_str(), true) {
                found = Some(found.map_or(sub, |x: Subject| x.join(sub)));
            }
        }
        if let Some(f) = found {
            return f;
        }
        if let Some(c) = self.last_count_subject {
            return c;
        }
        self.hints.default_subject
    }

    fn push_rate(
        &mut self,
        s: usize,
        at: usize,
        m: Mention,
        measure: Measure,
        subject: Subject,
        e: usize,
    ) {
        let mut from = m.start;
        let mut delimiters = 0;
        while from > s {
            if ends_phrase(self.chars[from - 1]) {
                delimiters += 1;
                if delimiters == 2 {
                    break;
                }
            }
            from -= 1;
        }
        let sentence_left = text_of(self.chars, from, m.start);
        let right: String = text_of(self.chars, m.end, (m.end + 8).min(e));
        let rt = right.trim_start_matches(['”', '"', ' ']);
        let right_clause = self.right_clause(m.end, e);
        // A goal stated before a list of rates covers the whole list ("力争实现办复率达到100%,
        // 见面率达到100%,满意率达到100%的目标").
        let continues_goal = self.last_rate.is_some_and(|(end, goal)| {
            goal && !text_of(self.chars, end, m.start).contains("实现了")
        });
        let target = TARGET_WORDS.is_match(&sentence_left)
            || continues_goal
            || right_clause.contains("目标")
            || right_clause.contains("要求");
        let before: String = text_of(self.chars, m.start.saturating_sub(4).max(s), m.start);
        let floor = rt.starts_with("以上")
            || rt.starts_with("及以上")
            || before.ends_with("超过")
            || before.ends_with("不低于")
            || before.ends_with("高于");
        let qualifier = if target {
            Qualifier::Target
        } else if floor {
            Qualifier::Ge
        } else {
            Qualifier::Eq
        };
        self.last_rate = Some((m.end, target));
        let start = self.clause_start(s, at.max(s));
        let mut end = m.end;
        if rt.starts_with("以上") {
            end = (m.end + right.find("以上").map_or(0, |b| right[..b].chars().count()) + 2).min(e);
        }
        self.facts.push(RawFact {
            subject,
            measure,
            value: m.value,
            qualifier,
            start,
            end,
        });
    }
}

/// The rate words that bind to a value: the last one, and those joined to it by list words
/// (or every one since the previous value when `all`).
fn chain(
    left: &str,
    words: &[(usize, usize, Option<Measure>)],
    all: bool,
) -> Vec<(usize, usize, Option<Measure>)> {
    let Some(&last) = words.last() else {
        return Vec::new();
    };
    let chars: Vec<char> = left.chars().collect();
    // The last word must sit in the value's own clause (or the value follows 均/都).
    let tail: String = chars[last.0 + last.1..].iter().collect();
    // ("办复率:100%" — a label and its value — counts as one clause.)
    let label_only = tail.chars().all(|c| c == ':' || c.is_whitespace());
    if !all && !label_only && tail.chars().any(ends_phrase) {
        return Vec::new();
    }
    if all {
        return words.to_vec();
    }
    let mut out = vec![last];
    for w in words.iter().rev().skip(1) {
        let next = out[out.len() - 1];
        let gap: String = chars[w.0 + w.1..next.0].iter().collect();
        let gap_ok = gap.chars().count() <= 6
            && !gap.chars().any(|c| ends_phrase(c) || ends_sentence(c))
            && (gap.contains('、')
                || gap.contains('和')
                || gap.contains('及')
                || gap.contains('与'));
        if gap_ok {
            out.push(*w);
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// Classifies an outcome phrase: one class, or `None` when it mixes classes with 或.
fn classify_outcome(phrase: &str) -> Option<Measure> {
    let (classes, letter) = outcome_classes(phrase);
    if classes.is_empty() {
        return letter;
    }
    let first = classes[0].1;
    if classes.iter().all(|c| c.1 == first) {
        return Some(first);
    }
    let has_ref = classes.iter().any(|c| c.1 == Measure::Reference);
    let only_ref_nf = classes
        .iter()
        .all(|c| c.1 == Measure::Reference || c.1 == Measure::NotFeasible);
    if has_ref && only_ref_nf && !phrase.contains('或') {
        return Some(Measure::Reference);
    }
    // "已经解决或采纳" style repeats aside, a phrase that names two classes is not forced.
    None
}

/// "城乡建设管理与环境保护方面的" → the label, when the clause names a subject area.
fn topic_label(near: &str) -> Option<String> {
    static AREA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:其中)?[:, ]*(?:属)?(?P<label>[^,;:]{2,24}?)(?:方面|领域|类)(?:的)?(?:提案|建议|议案)?(?:共|有)?\s*$")
            .expect("area regex")
    });
    let caps = AREA.captures(near)?;
    let label = caps
        .name("label")?
        .as_str()
        .trim()
        .trim_start_matches(['、', ' ']);
    // "涉及教育、卫生等方面的建议34件" counts items, not one area; "A类" is an outcome class.
    let listed = label.contains('等') || label.starts_with("涉及") || label.starts_with("关于");
    let words_only = label.chars().all(|c| crate::decode::is_cjk(c) || c == '、');
    if listed
        || !words_only
        || label.starts_with("其他")
        || label.starts_with("其它")
        || label.chars().count() < 2
    {
        return None;
    }
    Some(label.to_string())
}

/// Sums outcome facts of one class and subject listed in the same sentence under different
/// phrases ("正在解决3件,计划解决21件" → 24), and drops repeated facts.
fn merge_outcomes(facts: Vec<RawFact>, chars: &[char]) -> Vec<RawFact> {
    let sentence_of = |i: usize| {
        chars[..i.min(chars.len())]
            .iter()
            .rposition(|&c| ends_sentence(c))
            .map_or(0, |p| p + 1)
    };
    let mut out: Vec<RawFact> = Vec::new();
    for f in facts {
        let outcome = is_outcome(f.measure);
        if outcome
            && let Some(prev) = out.iter_mut().rev().find(|p| {
                p.measure == f.measure
                    && p.subject == f.subject
                    && sentence_of(p.start) == sentence_of(f.start)
            })
            && (prev.value != f.value || prev.start != f.start)
        {
            prev.value += f.value;
            prev.end = f.end;
            continue;
        }
        out.push(f);
    }
    out
}

/// Outcome classes A-D.
fn is_outcome(m: Measure) -> bool {
    matches!(
        m,
        Measure::Solved | Measure::InProgress | Measure::NotFeasible | Measure::Reference
    )
}
