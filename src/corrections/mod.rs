//! A researcher's corrections (`banli run --corrections FILE`): the `corrections.csv` that
//! `review.html` downloads, read back and applied on top of what extraction finds.
//!
//! The file is UTF-8 CSV (a byte-order mark is allowed) with a header naming at least the
//! columns of [`COLUMNS`] in any order (other columns, such as a coder's note, are ignored):
//! `doc, subject, measure, value, qualifier` name a fact as `facts.csv` writes it; `action`
//! is `wrong` (drop the fact), `correct` (give it `new_value` and/or `new_measure`) or `add`
//! (a fact extraction missed: `subject, measure, value, qualifier` are the new fact's);
//! `evidence, start, end` are the clause and its character offsets in the decoded original.
//! Cells keep the spreadsheet quoting of banli's tables (a leading `'` before a formula
//! character is undone). A correction is applied only when its evidence is still at its
//! offsets in the document ([`apply`]); otherwise the document gets a warning naming the
//! file, the line and the correction.

mod apply;
mod log;

pub use apply::{DocText, apply};
pub use log::{Log, PREFIX};

use crate::model::{Measure, Qualifier, Subject};
use crate::output::{fmt_value, uncell};
use std::collections::BTreeMap;
use std::path::Path;

/// The columns of `corrections.csv`, in the order `review.html` writes them.
pub const COLUMNS: [&str; 11] = [
    "doc",
    "subject",
    "measure",
    "value",
    "qualifier",
    "action",
    "new_value",
    "new_measure",
    "evidence",
    "start",
    "end",
];

/// What a correction does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    /// The fact is wrong: drop it.
    Wrong,
    /// The fact's value and/or measure is wrong: change them.
    Correct,
    /// A fact extraction missed: add it.
    Add,
}

impl Action {
    /// The spelling in `corrections.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Wrong => "wrong",
            Action::Correct => "correct",
            Action::Add => "add",
        }
    }

    fn parse(s: &str) -> Option<Action> {
        [Action::Wrong, Action::Correct, Action::Add]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

/// One row of `corrections.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// The line of the file the row starts on (the header is line 1).
    pub line: u64,
    /// Document key, as in `facts.csv`.
    pub doc: String,
    /// Subject of the fact named (or added).
    pub subject: Subject,
    /// Measure of the fact named (or added).
    pub measure: Measure,
    /// Value of the fact named (or added).
    pub value: f64,
    /// Qualifier of the fact named (or added).
    pub qualifier: Qualifier,
    /// What to do.
    pub action: Action,
    /// For `correct`: the new value, if it changes.
    pub new_value: Option<f64>,
    /// For `correct`: the new measure, if it changes.
    pub new_measure: Option<Measure>,
    /// The clause, as written or as the review page shows it.
    pub evidence: String,
    /// Character offset of the clause in the decoded original.
    pub start: usize,
    /// Character offset one past its end.
    pub end: usize,
}

impl Correction {
    /// The correction in words, for messages: `wrong proposal total 19 eq at 4–18`.
    pub fn describe(&self) -> String {
        let mut s = format!(
            "{} {} {} {} {} at {}–{}",
            self.action.as_str(),
            self.subject.as_str(),
            self.measure.as_str(),
            fmt_value(self.value),
            self.qualifier.as_str(),
            self.start,
            self.end
        );
        if let Some(v) = self.new_value {
            s.push_str(&format!(", new value {}", fmt_value(v)));
        }
        if let Some(m) = self.new_measure {
            s.push_str(&format!(", new measure {}", m.as_str()));
        }
        s
    }

    /// The value, subject, measure and qualifier of the fact this correction leaves (for
    /// `wrong`: the fact it drops).
    pub fn result(&self) -> (Subject, Measure, f64, Qualifier) {
        (
            self.subject,
            self.new_measure.unwrap_or(self.measure),
            self.new_value.unwrap_or(self.value),
            self.qualifier,
        )
    }
}

/// Parses a number as the review page or a person writes it (`98.5`, `98.5%`, `19件`).
fn number(s: &str) -> Option<f64> {
    let t = s.trim().trim_end_matches(['%', '％', '件']).trim();
    t.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// Reads the rows of a corrections file; `name` is used in messages.
pub fn parse(bytes: &[u8], name: &str) -> Result<Vec<Correction>, String> {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(body);
    let mut headers = csv::StringRecord::new();
    rdr.read_record(&mut headers)
        .map_err(|e| format!("{name}: {e}"))?;
    let mut index = [0usize; COLUMNS.len()];
    for (k, col) in COLUMNS.iter().enumerate() {
        index[k] = headers
            .iter()
            .position(|h| h.trim() == *col)
            .ok_or_else(|| {
                format!(
                    "{name}: not a corrections file: no column {col:?} (it needs {})",
                    COLUMNS.join(", ")
                )
            })?;
    }
    let mut out: Vec<Correction> = Vec::new();
    let mut row = csv::StringRecord::new();
    loop {
        // The line the row starts on, counted from its byte offset (quoted cells may hold
        // line breaks).
        let byte = rdr.position().byte() as usize;
        if !rdr
            .read_record(&mut row)
            .map_err(|e| format!("{name}: {e}"))?
        {
            break;
        }
        // (The reader stops before the `\n` of a CRLF: it counts with the row after.)
        let line = 1 + body[..(byte + 1).min(body.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        let at = |msg: String| format!("{name}:{line}: {msg}");
        let get = |k: usize| uncell(row.get(index[k]).unwrap_or("")).trim().to_string();
        if (0..COLUMNS.len()).all(|k| get(k).is_empty()) {
            continue;
        }
        let subject = [Subject::Proposal, Subject::Suggestion, Subject::Combined]
            .into_iter()
            .find(|s| s.as_str() == get(1))
            .ok_or_else(|| at(format!("unknown subject {:?}", get(1))))?;
        let measure =
            Measure::parse(&get(2)).ok_or_else(|| at(format!("unknown measure {:?}", get(2))))?;
        let value =
            number(&get(3)).ok_or_else(|| at(format!("value {:?} is no number", get(3))))?;
        let qualifier = [Qualifier::Eq, Qualifier::Ge, Qualifier::Target]
            .into_iter()
            .find(|q| q.as_str() == get(4))
            .ok_or_else(|| at(format!("unknown qualifier {:?}", get(4))))?;
        let action = Action::parse(&get(5)).ok_or_else(|| {
            at(format!(
                "unknown action {:?} (wrong, correct or add)",
                get(5)
            ))
        })?;
        let new_value = match get(6).as_str() {
            "" => None,
            v => Some(number(v).ok_or_else(|| at(format!("new_value {v:?} is no number")))?),
        };
        let new_measure = match get(7).as_str() {
            "" => None,
            m => Some(Measure::parse(m).ok_or_else(|| at(format!("unknown new_measure {m:?}")))?),
        };
        if action == Action::Correct && new_value.is_none() && new_measure.is_none() {
            return Err(at("a correct row needs new_value or new_measure".into()));
        }
        let offset = |k: usize| {
            get(k)
                .parse::<usize>()
                .map_err(|_| at(format!("{} {:?} is no offset", COLUMNS[k], get(k))))
        };
        let (start, end) = (offset(9)?, offset(10)?);
        if end <= start {
            return Err(at(format!("end {end} is not after start {start}")));
        }
        let c = Correction {
            line,
            doc: get(0),
            subject,
            measure,
            value,
            qualifier,
            action,
            new_value,
            new_measure,
            evidence: uncell(row.get(index[8]).unwrap_or("")).to_string(),
            start,
            end,
        };
        if c.doc.is_empty() {
            return Err(at("no doc".into()));
        }
        out.push(c);
    }
    Ok(out)
}

/// The corrections of one file, by document.
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    name: String,
    by_doc: BTreeMap<String, Vec<Correction>>,
}

impl Corrections {
    /// Reads `path` (errors name it).
    pub fn load(path: &Path) -> Result<Corrections, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.display().to_string();
        Ok(Corrections::new(&name, parse(&bytes, &name)?))
    }

    /// The corrections `list`, from a file called `name` in messages.
    pub fn new(name: &str, list: Vec<Correction>) -> Corrections {
        let mut by_doc: BTreeMap<String, Vec<Correction>> = BTreeMap::new();
        for c in list {
            by_doc.entry(c.doc.clone()).or_default().push(c);
        }
        // Messages name the file by its name alone, so that runs from other folders (or
        // shards merged later) write the same warnings.
        let name = Path::new(name)
            .file_name()
            .map_or_else(|| name.to_string(), |n| n.to_string_lossy().into_owned());
        Corrections { name, by_doc }
    }

    /// The file's name, as messages give it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The corrections of document `doc` (none: empty).
    pub fn for_doc(&self, doc: &str) -> &[Correction] {
        self.by_doc.get(doc).map_or(&[], |v| v.as_slice())
    }

    /// Every document a correction names, sorted.
    pub fn docs(&self) -> impl Iterator<Item = &str> {
        self.by_doc.keys().map(|k| k.as_str())
    }

    /// How many corrections the file holds.
    pub fn len(&self) -> usize {
        self.by_doc.values().map(Vec::len).sum()
    }

    /// True when the file holds none.
    pub fn is_empty(&self) -> bool {
        self.by_doc.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "\u{feff}doc,subject,measure,value,qualifier,action,new_value,new_measure,evidence,start,end\r\n";

    #[test]
    fn rows_read_back_with_their_lines() {
        let text = format!(
            "{HEAD}a.txt,proposal,total,19,eq,correct,21,,\"共承办提案19件\",3,10\r\n\
             a.txt,combined,reply_rate,98.5%,eq,add,,,'=办复率98.5%,12,20\r\n"
        );
        let rows = parse(text.as_bytes(), "c.csv").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].new_value, Some(21.0));
        assert_eq!(rows[0].result().2, 21.0);
        assert_eq!(rows[1].value, 98.5);
        assert_eq!(rows[1].evidence, "=办复率98.5%");
        assert_eq!(rows[1].action, Action::Add);
    }

    #[test]
    fn bad_rows_name_the_file_and_line() {
        let text = format!("{HEAD}a.txt,proposal,totl,19,eq,wrong,,,x,3,10\r\n");
        let e = parse(text.as_bytes(), "c.csv").unwrap_err();
        assert!(e.starts_with("c.csv:2: unknown measure"), "{e}");
        let text = format!("{HEAD}a.txt,proposal,total,19,eq,correct,,,x,3,10\r\n");
        assert!(
            parse(text.as_bytes(), "c.csv")
                .unwrap_err()
                .contains("new_value")
        );
        let text = format!("{HEAD}a.txt,proposal,total,19,eq,wrong,,,x,10,3\r\n");
        assert!(
            parse(text.as_bytes(), "c.csv")
                .unwrap_err()
                .contains("end 3")
        );
        let e = parse(b"doc,value\r\n", "c.csv").unwrap_err();
        assert!(e.contains("not a corrections file"), "{e}");
    }

    #[test]
    fn the_review_page_downloads_these_columns() {
        let quoted: Vec<String> = COLUMNS.iter().map(|c| format!("\"{c}\"")).collect();
        let cols = format!("var COLS = [{}];", quoted.join(", "));
        assert!(crate::review::TEMPLATE.contains(&cols), "{cols}");
    }

    #[test]
    fn rows_are_kept_by_document_in_file_order() {
        let row = "a.txt,proposal,total,19,eq,wrong,,,x,3,10\r\n";
        let text = format!("{HEAD}{row}{row}");
        let c = Corrections::new("dir/c.csv", parse(text.as_bytes(), "c.csv").unwrap());
        assert_eq!(c.len(), 2);
        assert_eq!(c.for_doc("a.txt")[1].line, 3);
        assert_eq!(c.name(), "c.csv");
        assert_eq!(c.for_doc("a.txt").len(), 2);
        assert!(c.for_doc("b.txt").is_empty());
    }
}
