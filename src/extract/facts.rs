//! Numeric facts: the driver that reads a document sentence by sentence and keeps the frames
//! counts and rates are read in.
//!
//! Each number with a unit is a mention (`mentions.rs`). A count (`counts.rs`) gets a frame:
//! its scope (whole, part, topic), the kind of item, and its role, outcome or grade, each slot
//! filled from the cue tables of `lexicon.rs` and `outcome.rs`. A rate (`rates.rs`) gets its
//! names, kind and qualifier. The composition rules live here: `其中`/`包括` and brackets open a
//! breakdown of the count before them, a clause ending in `中` (`主办件中,`, `8件人大代表建议中,`)
//! sets a heading whose role and kind the counts under it share, and outcome counts of one
//! class in one list are summed.

use super::lexicon::{KIND_RE, PartBy, kind_of, kinds_in};
use super::mentions::{self, Kind, Mention};
use super::passes::{self, Row};
use crate::model::{Measure, Qualifier, Subject};
use crate::segment::{ends_phrase, sentences};

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

/// The measure and kind of a count already read, as later counts see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Prev {
    pub measure: Measure,
    pub subject: Subject,
    /// The measure was said (a keyword), not carried over from the list.
    pub said: bool,
    /// A lead count that is also the whole (`共主办…`): the list after it is too.
    pub whole: bool,
    /// A count restating (or splitting) a kind already totalled: it gave no fact, and the
    /// list it starts gives none either.
    pub restated: bool,
}

impl Prev {
    /// A said total of `subject` that restates items already counted: the list it starts gives
    /// no fact.
    pub(super) fn restated_total(subject: Subject) -> Prev {
        Prev {
            measure: Measure::Total,
            subject,
            said: true,
            whole: false,
            restated: true,
        }
    }
}

/// One level of nesting: the whole being broken down, and the last count of the current list.
#[derive(Debug, Clone, Default)]
pub(super) struct Frame {
    /// The count (or heading) this list breaks down.
    pub parent: Option<Prev>,
    /// The last count read in this list.
    pub prev: Option<Prev>,
    /// Kinds of the counts read in this list.
    pub group: Vec<Subject>,
    /// Identifies the breakdown, for the counts that split it by kind.
    pub id: usize,
    /// The last count read in this frame gave no fact (a share, a completion, other items).
    pub void_last: bool,
    /// This frame breaks down a count that gave no fact: its parts give none either
    /// ("有办理成果转化的36件,其中建议16件,提案20件").
    pub void: bool,
    /// The last count read in this frame was a part of a whole already counted (by area,
    /// proposer, time): a bracket after it splits the part.
    pub part_last: bool,
    /// The last count read in this frame was a part by subject area (recorded as a topic).
    pub area_last: bool,
    /// This frame splits such a part: its counts give no fact, roles included
    /// ("其中消防事项13件(主办6件,会办7件)").
    pub under_part: bool,
    /// Counts in a row in this frame that split its whole by kind.
    pub kind_split_run: usize,
    /// The number of facts read when this frame (a bracket) opened.
    pub first_fact: usize,
    /// Where the bracket opened (chars).
    pub opened_at: usize,
    /// This frame splits the items of one outcome class ("已采纳的12件中,") or, after 其中,
    /// a part ("…281件,其中涉及养老服务的173件;社会组织方面的120件"); it ends with the
    /// statement.
    pub ends_with_statement: bool,
}

/// Document-wide facts the clause rules lean on.
#[derive(Debug, Clone, Copy)]
pub struct DocHints {
    /// The subject to use when nothing nearer says.
    pub default_subject: Subject,
    /// 承办 means lead: the text sets it against 协办 and never says 主办.
    pub chengban_is_lead: bool,
    /// The text names people's congress deputies or the congress, or names no proposals;
    /// otherwise `建议` is what a proposal recommends, not a kind of item.
    pub deputies: bool,
    /// The outcome classes the text's printed letters stand for.
    pub letters: super::outcome::Letters,
    /// The text counts items raised between sessions (闭会期间, 平时, 会后): items raised
    /// during the session (会议期间) are then a part, not all the session's items.
    pub between_sessions: bool,
}

/// Reads the document-wide hints from the normalised text.
pub fn hints(text: &str) -> DocHints {
    let kinds: Vec<regex::Match> = KIND_RE.find_iter(text).collect();
    // 代表 alone also names whoever a proposal came from ("代表对办理工作满意率达100%" in a
    // report on proposals only); deputies show by what they raise or are.
    static DEPUTIES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"代表(?:们|团|的|所提|提出|建议|意见|议案|联络|小组|之家|工作|履职)|各位代表|(?:县|市|区|省|州|镇|乡|全国)代表")
            .expect("deputies regex")
    });
    let deputies = text.contains("人大")
        || DEPUTIES.is_match(text)
        // (议案 inside 建议案, a CPPCC's recommendation, names no congress.)
        || text.match_indices("议案").any(|(at, _)| !text[..at].ends_with('建'))
        || !text.contains("提案")
        || kinds
            .iter()
            .any(|m| kind_of(m.as_str()) == Some(Subject::Combined));
    let mut proposal = 0usize;
    let mut suggestion = 0usize;
    for m in &kinds {
        if m.as_str() == "建议"
            && (!deputies || super::lexicon::is_content_use(text, m.start(), m.end()))
        {
            continue;
        }
        match kind_of(m.as_str()) {
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
    static CO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:协办|会办)[^,。;]{0,3}?\d+\s*件").expect("co regex")
    });
    // 承办 leads only where the text names no lead role of its own: 主办, 主合办 (lead and
    // joint handling together), 独办 or 单办 (sole handling); beside them 承办 is the whole.
    let chengban_is_lead = CO.is_match(text)
        && !["主办", "主合办", "独办", "单办"]
            .iter()
            .any(|w| text.contains(w));
    DocHints {
        default_subject,
        chengban_is_lead,
        deputies,
        letters: super::outcome::Letters::defined_in(text),
        between_sessions: ["闭会", "平时", "会后"].iter().any(|w| text.contains(w)),
    }
}

/// The reading state of one document.
pub(super) struct Reader<'a> {
    pub chars: &'a [char],
    pub hints: DocHints,
    pub facts: Vec<Row>,
    /// Breakdowns opened so far (frame ids).
    pub breakdowns: usize,
    pub topics: Vec<CountedTopic>,
    pub frames: Vec<Frame>,
    /// Kinds whose whole has been read so far: a later part of them is no total.
    pub wholes: Vec<Subject>,
    /// For each of `wholes`, what it was a slice by when it carried a part cue of its own.
    pub wholes_sliced: Vec<Option<PartBy>>,
    /// For each of `wholes`, the nouns it counted: motions (议案) and suggestions share a
    /// subject but are two kinds of item.
    pub wholes_motions: Vec<super::whose::Nouns>,
    /// Current list: outcome counts of one class and kind in one list are summed.
    pub list: usize,
    /// Kinds of the counts emitted in the current sentence, joined.
    pub last_count_subject: Option<Subject>,
    /// The kinds of the counts of the sentence before this one.
    pub prev_sentence_subject: Option<Subject>,
    /// A semicolon came since the last count.
    pub new_statement: bool,
    /// End of the last rate in the current sentence, and whether it was a goal.
    pub last_rate: Option<(usize, bool)>,
    /// Rate names of a value given as last year's ("由95%"), for the value it rose to.
    pub rising: Option<Vec<(Measure, usize)>>,
    /// Measure and kind of the last fact read.
    pub last_fact: Option<(Measure, Subject)>,
    /// Kinds still to be handed out to the counts after 分别 ("建议、提案分别为592件、759件").
    pub respectively: Vec<Subject>,
    /// Outcome classes still to be handed out after 分别 ("已解决或列入计划解决的分别有40件、
    /// 200件").
    pub classes_in_turn: Vec<Measure>,
    /// A joint class was shared among kinds by 分别: the counts after it in the sentence are
    /// its, and give no fact.
    pub joint_in_turn: bool,
    /// Units other than 件 the text counts items in (个, 项, 条).
    pub item_units: Vec<char>,
    /// The largest value of a total pushed so far (kept as facts are pushed, so that asking
    /// for it does not go over every fact: linear in a large document).
    pub most_total: Option<f64>,
    /// Shares of a whole set aside as parts, which may yet be the base of the outcome classes.
    pub bases: Vec<super::bases::Base>,
    /// Counts of a kind already totalled, read as restatements, which may yet be the sum of
    /// the totals before them.
    pub sums: Vec<super::bases::Base>,
}

/// The characters `a..b` as a string.
pub(super) fn text_of(chars: &[char], a: usize, b: usize) -> String {
    chars[a.min(b)..b].iter().collect()
}

/// Extracts facts and counted topics from normalised text.
pub fn extract(text: &str) -> (Vec<RawFact>, Vec<CountedTopic>) {
    let mut chars: Vec<char> = Vec::with_capacity(text.chars().count());
    chars.extend(text.chars());
    let all = mentions::find(&chars, text);
    let mut reader = Reader {
        chars: &chars,
        hints: hints(text),
        facts: Vec::new(),
        topics: Vec::new(),
        frames: vec![Frame::default()],
        wholes: Vec::new(),
        wholes_sliced: Vec::new(),
        wholes_motions: Vec::new(),
        breakdowns: 0,
        list: 0,
        last_count_subject: None,
        prev_sentence_subject: None,
        new_statement: false,
        last_rate: None,
        rising: None,
        last_fact: None,
        respectively: Vec::new(),
        classes_in_turn: Vec::new(),
        joint_in_turn: false,
        bases: Vec::new(),
        sums: Vec::new(),
        item_units: Vec::new(),
        most_total: None,
    };
    let mut next = 0;
    for (s, e) in sentences(&chars) {
        while next < all.len() && all[next].start < s {
            next += 1;
        }
        let from = next;
        while next < all.len() && all[next].end <= e {
            next += 1;
        }
        let lead: String = text_of(&chars, s, (s + 4).min(e));
        if !lead.trim_start().starts_with("其中") {
            reader.frames = vec![Frame::default()];
            reader.prev_sentence_subject = reader.last_count_subject.take();
            // An outcome list may run over several sentences (one class per line).
            if !reader.last_fact.is_some_and(|(m, _)| is_outcome(m)) {
                reader.list += 1;
            }
        }
        reader.last_rate = None;
        reader.rising = None;
        reader.respectively.clear();
        reader.classes_in_turn.clear();
        reader.joint_in_turn = false;
        let before = reader.facts.len();
        reader.sentence(s, e, &all[from..next]);
        reader.all_led(s, e, before);
    }
    // Passes over the whole document, in order: splits that are parts go first, then roles
    // and outcomes are reconciled, then lead-only bodies get their totals.
    let rows = super::bases::sums(reader.facts, &reader.sums, &chars);
    let rows = passes::drop_level_parts(rows, &chars);
    let rows = passes::drop_level_splits(rows, &chars);
    let rows = passes::drop_handler_splits(rows, &chars);
    let rows = passes::drop_time_parts(rows, &chars);
    let rows = passes::drop_restated(rows, &chars);
    let rows = passes::drop_session_parts(rows, &chars);
    let rows = passes::drop_look_backs(rows, &chars);
    let rows = passes::drop_key_grades(rows, &chars);
    let rows = passes::merge_leads(rows, &chars);
    let facts = passes::lead_only_totals(passes::merge_outcomes(rows));
    let facts = super::bases::restore(facts, &reader.bases);
    (facts, reader.topics)
}

impl Reader<'_> {
    pub(super) fn top(&mut self) -> &mut Frame {
        if self.frames.is_empty() {
            self.frames.push(Frame::default());
        }
        let n = self.frames.len();
        &mut self.frames[n - 1]
    }

    /// Records a fact in the current list.
    pub(super) fn push(&mut self, fact: RawFact) {
        self.last_fact = Some((fact.measure, fact.subject));
        if fact.measure == Measure::Total {
            self.most_total = Some(self.most_total.map_or(fact.value, |m| m.max(fact.value)));
        }
        self.facts.push(Row {
            fact,
            list: self.list,
            split: None,
        });
    }

    /// Makes `heading` the whole the following counts break down, in a list of their own.
    pub(super) fn open_heading(&mut self, heading: Prev) {
        self.breakdowns += 1;
        let id = self.breakdowns;
        let top = self.top();
        top.id = id;
        top.parent = Some(heading);
        top.prev = None;
        top.group.clear();
        self.list += 1;
    }

    /// The clause after the one that holds `at`.
    pub(super) fn next_clause(&self, at: usize, e: usize) -> String {
        let mut j = at;
        while j < e && !ends_phrase(self.chars[j]) {
            j += 1;
        }
        self.right_clause((j + 1).min(e), e)
    }

    /// Opens a breakdown of the last count (or of `heading`) in the current frame.
    fn open_breakdown(&mut self, heading: Option<Prev>) {
        // "交市政府办理369件,占95.1%,其中,已解决的234件": 其中 after a part of a whole
        // already counted splits the part; to the end of the sentence its counts, outcome
        // classes included, give no fact.
        if heading.is_none() && self.top().part_last {
            self.breakdowns += 1;
            let id = self.breakdowns;
            // A part by area splits into sub-areas, and the statement after it names the
            // next area; other parts (by handler) split into classes that run on past ';'.
            let ends_with_statement = self.top().area_last;
            self.frames.push(Frame {
                under_part: true,
                ends_with_statement,
                id,
                ..Frame::default()
            });
            return;
        }
        let top = self.top();
        let parent = heading.or_else(|| {
            top.prev.map(|prev| Prev {
                subject: top
                    .group
                    .iter()
                    .copied()
                    .reduce(Subject::join)
                    .unwrap_or(prev.subject),
                said: true,
                ..prev
            })
        });
        // Each breakdown is void or not by the count it splits: "非常满意25件,其中…;满意10件,
        // 其中建议8件" splits a count that gave a fact after one that gave none.
        if top.void_last {
            top.void = true;
        } else if heading.is_none() && top.prev.is_some() {
            top.void = false;
        }
        if parent.is_some() {
            top.parent = parent;
            top.prev = None;
            top.group.clear();
            self.breakdowns += 1;
            let id = self.breakdowns;
            self.top().id = id;
        }
    }

    /// Updates the frames for the text between two mentions: brackets, 其中/包括, headings.
    fn walk(&mut self, from: usize, to: usize) {
        let mut i = from;
        let mut clause = from;
        while i < to {
            let c = self.chars[i];
            if c == '(' {
                let top = self.top();
                let parent = top.prev.or(top.parent);
                let void = top.void_last;
                let under_part = top.part_last || top.under_part;
                self.breakdowns += 1;
                let first_fact = self.facts.len();
                self.frames.push(Frame {
                    parent,
                    void,
                    under_part,
                    id: self.breakdowns,
                    first_fact,
                    opened_at: i,
                    ..Frame::default()
                });
            } else if c == ';' {
                self.new_statement = true;
                while self.frames.len() > 1
                    && self.frames.last().is_some_and(|f| f.ends_with_statement)
                {
                    self.frames.pop();
                }
            } else if c == ')' {
                if self.frames.len() > 1
                    && let Some(closed) = self.frames.pop()
                {
                    self.roles_of_both_kinds(&closed, i);
                }
            } else if (c == '其' && self.chars.get(i + 1) == Some(&'中'))
                || (c == '包' && matches!(self.chars.get(i + 1), Some(&'括') | Some(&'含')))
            {
                // Only within the part's own sentence: a sentence that opens with 其中 may
                // break down the whole again ("…领衔督办19件。其中,已经解决的有10件").
                let opens_sentence = (0..i)
                    .rev()
                    .map(|j| self.chars[j])
                    .find(|c| !c.is_whitespace())
                    .is_none_or(crate::segment::ends_sentence);
                if opens_sentence {
                    self.top().part_last = false;
                }
                self.open_breakdown(None);
                i += 1;
            } else if (c == ',' || c == ':')
                && i > clause
                && (self.chars[i - 1] == '中' || text_of(self.chars, clause, i).ends_with("方面"))
            {
                // "主办件中," / "人大代表建议中," / "政协提案方面,": a heading for the counts
                // that follow.
                let head = text_of(self.chars, clause, i)
                    .trim_end_matches(['中', '面', '方'])
                    .to_string();
                if let Some(h) = self.heading(&head) {
                    self.open_breakdown(Some(h));
                    self.list += 1;
                } else if i >= 2
                    && self.chars[i - 2] == '件'
                    && self.last_fact.is_some_and(|(m, _)| is_outcome(m))
                    && self.facts.last().is_some_and(|r| r.fact.end + 1 == i)
                {
                    // "已采纳的12件中,主办件9件、会办件3件": the items of an outcome class split
                    // by role or otherwise are parts of it, and give no fact.
                    self.breakdowns += 1;
                    let id = self.breakdowns;
                    self.frames.push(Frame {
                        under_part: true,
                        ends_with_statement: true,
                        id,
                        ..Frame::default()
                    });
                }
            }
            if ends_phrase(c) {
                clause = i + 1;
            }
            i += 1;
        }
    }

    /// The role and kind a heading clause (`主办件中`, `人大代表建议中`) sets, if any.
    fn heading(&self, head: &str) -> Option<Prev> {
        if head.ends_with("其") || head.is_empty() {
            return None;
        }
        let kind = kinds_in(head, self.hints.deputies);
        let role = if head.contains("主办") || head.contains("主合办") {
            Some(Measure::Lead)
        } else if head.contains("协办") || head.contains("会办") {
            Some(Measure::Co)
        } else {
            None
        };
        if kind.is_none() && role.is_none() {
            return None;
        }
        let parent = self.frames.last().and_then(|f| f.parent.or(f.prev));
        Some(Prev {
            measure: role.unwrap_or(Measure::Total),
            subject: kind
                .or(parent.map(|p| p.subject))
                .unwrap_or(self.hints.default_subject),
            said: true,
            whole: false,
            restated: false,
        })
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
        // A bracket that closes after the sentence's last count.
        for i in cursor..e {
            if self.chars[i] == ')'
                && self.frames.len() > 1
                && let Some(closed) = self.frames.pop()
            {
                self.roles_of_both_kinds(&closed, i);
            }
        }
    }

    /// Start of the clause that ends at `at`, not before `floor`.
    /// True when a semicolon stands between the last fact read and `at`.
    pub(super) fn past_semicolon(&self, at: usize) -> bool {
        self.facts
            .last()
            .is_some_and(|r| text_of(self.chars, r.fact.end.min(at), at).contains(';'))
    }

    pub(super) fn clause_start(&self, floor: usize, at: usize) -> usize {
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

    /// The clause that starts at `from`, up to a clause end or an opening bracket.
    pub(super) fn right_clause(&self, from: usize, e: usize) -> String {
        let mut j = from;
        while j < e && !ends_phrase(self.chars[j]) && self.chars[j] != '(' {
            j += 1;
        }
        text_of(self.chars, from, j)
    }
}

/// Outcome classes A-D.
pub(super) fn is_outcome(m: Measure) -> bool {
    matches!(
        m,
        Measure::Solved | Measure::InProgress | Measure::NotFeasible | Measure::Reference
    )
}
