//! The records that flow out of the pipeline: one [`DocRecord`] per input file that could be
//! processed, one [`DocError`] per file that could not.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Whose items a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// CPPCC proposals (政协提案).
    Proposal,
    /// People's congress deputy suggestions and motions (人大代表建议, 议案).
    Suggestion,
    /// One figure for both kinds, or items of unspecified kind.
    Combined,
}

impl Subject {
    /// The spelling used in the CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Proposal => "proposal",
            Subject::Suggestion => "suggestion",
            Subject::Combined => "combined",
        }
    }

    /// The subject of a figure that covers both `self` and `other`.
    pub fn join(self, other: Subject) -> Subject {
        if self == other {
            self
        } else {
            Subject::Combined
        }
    }
}

/// What a figure measures (see `../shared/eval/SCHEMA.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Items received, undertaken or handled.
    Total,
    /// Items handled as lead unit.
    Lead,
    /// Items handled as co-handler.
    Co,
    /// Key items.
    Key,
    /// Outcome A: solved, adopted, implemented.
    Solved,
    /// Outcome B: being solved, planned.
    InProgress,
    /// Outcome C: cannot be solved now.
    NotFeasible,
    /// Outcome D: kept for reference.
    Reference,
    /// Items answered satisfied.
    Satisfied,
    /// Items answered basically satisfied.
    BasicallySatisfied,
    /// Items answered not satisfied.
    Unsatisfied,
    /// Reply or completion rate, percent.
    ReplyRate,
    /// Satisfaction rate, percent.
    SatisfactionRate,
    /// Contact (face-to-face) rate, percent.
    ContactRate,
}

impl Measure {
    /// Every measure, in the order of the schema's tables.
    pub const ALL: [Measure; 14] = [
        Measure::Total,
        Measure::Lead,
        Measure::Co,
        Measure::Key,
        Measure::Solved,
        Measure::InProgress,
        Measure::NotFeasible,
        Measure::Reference,
        Measure::Satisfied,
        Measure::BasicallySatisfied,
        Measure::Unsatisfied,
        Measure::ReplyRate,
        Measure::SatisfactionRate,
        Measure::ContactRate,
    ];

    /// The spelling used in the CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Total => "total",
            Measure::Lead => "lead",
            Measure::Co => "co",
            Measure::Key => "key",
            Measure::Solved => "solved",
            Measure::InProgress => "in_progress",
            Measure::NotFeasible => "not_feasible",
            Measure::Reference => "reference",
            Measure::Satisfied => "satisfied",
            Measure::BasicallySatisfied => "basically_satisfied",
            Measure::Unsatisfied => "unsatisfied",
            Measure::ReplyRate => "reply_rate",
            Measure::SatisfactionRate => "satisfaction_rate",
            Measure::ContactRate => "contact_rate",
        }
    }

    /// Parses the CSV spelling.
    pub fn parse(s: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// True for percentages, false for item counts.
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            Measure::ReplyRate | Measure::SatisfactionRate | Measure::ContactRate
        )
    }
}

/// Whether a figure is achieved, a floor or a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as achieved.
    Eq,
    /// Stated as a floor (以上, 超过, 不低于).
    Ge,
    /// A goal or requirement (力争, 确保, 目标, 要求).
    Target,
}

impl Qualifier {
    /// The spelling used in the CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Eq => "eq",
            Qualifier::Ge => "ge",
            Qualifier::Target => "target",
        }
    }
}

/// Where a fact comes from: extraction, or a researcher's correction (`--corrections`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Found by extraction, unchanged.
    #[default]
    Extracted,
    /// Changed (value or measure) or added by a correction.
    Corrected,
}

impl Origin {
    /// The spelling used in the CSV files (`source` column).
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Extracted => "extracted",
            Origin::Corrected => "corrected",
        }
    }
}

/// One numeric fact with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Whose items.
    pub subject: Subject,
    /// What is measured.
    pub measure: Measure,
    /// The number: items for counts, percent for rates.
    pub value: f64,
    /// Achieved, floor or target.
    pub qualifier: Qualifier,
    /// The clause as written in the decoded original.
    pub evidence: String,
    /// Character offset of the evidence in the decoded original.
    pub start: usize,
    /// Character offset one past the end of the evidence.
    pub end: usize,
    /// True when the evidence overlaps a span the repair stage changed.
    pub repaired: bool,
    /// Extracted, or corrected by a researcher (records written before this field read back
    /// as extracted).
    #[serde(default)]
    pub source: Origin,
}

/// One subject area a document enumerates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// The area in simplified script.
    pub label: String,
    /// Items given for it, when the text gives a number.
    pub count: Option<u32>,
    /// The enumeration as written in the decoded original.
    pub evidence: String,
    /// Character offset of the evidence in the decoded original.
    pub start: usize,
    /// Character offset one past the end of the evidence.
    pub end: usize,
}

/// Script of the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Simplified characters only (or no characters that differ).
    Simplified,
    /// Traditional characters throughout.
    Traditional,
    /// Both.
    Mixed,
}

impl Script {
    /// The spelling used in the CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
        }
    }
}

/// Document-level fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Whether the text reports on the handling of suggestions or proposals.
    pub is_report: bool,
    /// The year whose handling is reported.
    pub year: Option<u16>,
    /// Jurisdiction of the reporting body, with its suffix.
    pub region: String,
    /// province, city, county or empty.
    pub level: String,
    /// Line of work of the reporting body (人社, 民政, 政府 …).
    pub sector: String,
    /// The reporting body as written (simplified).
    pub agency: String,
}

/// Everything banli learned about one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    /// Path relative to the corpus folder, with `/` separators.
    pub doc: String,
    /// Document-level fields.
    pub meta: DocMeta,
    /// Encoding the bytes were decoded from.
    pub encoding: String,
    /// Script of the decoded text.
    pub script: Script,
    /// What normalisation changed: kind and count.
    pub repairs: Vec<(String, usize)>,
    /// Characters in the decoded original.
    pub chars: usize,
    /// Quality problems and consistency-check findings.
    pub warnings: Vec<String>,
    /// Numeric facts, sorted by offset.
    pub facts: Vec<Fact>,
    /// Subject areas, in text order.
    pub topics: Vec<Topic>,
    /// What `review.html` shows of the text; kept only when the engine is asked for a review
    /// ([`crate::pipeline::Engine::with_review`]), and never written to `records.jsonl`.
    #[serde(skip)]
    pub review: Option<Box<ReviewText>>,
}

/// A document's text as the review page shows it: the decoded original after HTML to text and
/// the repair stage (entities decoded, mojibake mended, pinyin dropped), blank lines folded,
/// cut after [`crate::review::MAX_CHARS`] characters, in runs that each map back to the
/// original.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewText {
    /// The runs, in text order.
    pub runs: Vec<ReviewRun>,
    /// Characters of the whole text as shown (more than the runs hold when it was cut).
    pub chars: usize,
    /// Per fact, in the order of [`DocRecord::facts`]: the evidence as shown (decoded).
    pub evidence: Vec<String>,
}

/// A stretch of shown text covered by the same facts, repaired or not as a whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewRun {
    /// The characters shown.
    pub text: String,
    /// Original character offset of the first character.
    pub start: usize,
    /// Original offset one past the last character. For a run that was not repaired the
    /// characters are consecutive in the original (`end - start` characters).
    pub end: usize,
    /// Indices into [`DocRecord::facts`] of the facts whose evidence covers the run.
    pub facts: Vec<usize>,
    /// For a repaired run: the original characters it was read from (markup decoded).
    pub repaired_from: Option<String>,
}

/// A pipeline stage, named in error rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading the file.
    Ingest,
    /// Bytes to text.
    Decode,
    /// Mojibake and annotation repair.
    Repair,
    /// Script conversion.
    Script,
    /// Fact extraction.
    Extract,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 5] = [
        Stage::Ingest,
        Stage::Decode,
        Stage::Repair,
        Stage::Script,
        Stage::Extract,
    ];

    /// Parses the spelling used in `errors.csv`.
    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|st| st.to_string() == s)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Stage::Ingest => "ingest",
            Stage::Decode => "decode",
            Stage::Repair => "repair",
            Stage::Script => "script",
            Stage::Extract => "extract",
        };
        f.write_str(s)
    }
}

/// A file that could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocError {
    /// Path relative to the corpus folder.
    pub doc: String,
    /// The stage that failed.
    pub stage: Stage,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.doc, self.stage, self.message)
    }
}

impl std::error::Error for DocError {}
