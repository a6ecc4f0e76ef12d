//! The tables of an output folder written as records pass, one document at a time, so that
//! writing them takes memory that does not grow with the corpus.
//!
//! [`Tables`] takes records and errors in document-key order (the order a walk yields and
//! [`crate::output::order`] leaves) and appends each one's rows to documents.csv, facts.csv,
//! topics.csv, errors.csv and records.jsonl at once. comparison.csv and panel.csv are summed
//! as records pass ([`crate::comparison::Comparison`]) and written by [`Tables::finish`]. With
//! Parquet, the record tables also go to a [`crate::columnar::Writer`] in fixed chunks.
//!
//! `banli run` on a walked corpus feeds it straight from the reorder buffer, and every other
//! writer of tables (`banli merge`, `--files-from` runs, the library's
//! [`crate::output::write_all`]) orders its records first and feeds them through the same
//! code, so equal records give equal bytes whichever way they came.

use crate::comparison::Comparison;
use crate::divisions;
use crate::model::{DocError, DocRecord};
use crate::output::{Table, at, fmt_value};
use crate::tally::Tally;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The record tables of one output folder, open for appending.
pub struct Tables {
    documents: Table,
    facts: Table,
    topics: Table,
    errors: Table,
    jsonl: BufWriter<File>,
    jsonl_path: PathBuf,
    comparison: Comparison,
    #[cfg(feature = "parquet")]
    parquet: Option<crate::columnar::Writer>,
    /// The key of the last record and of the last error, to hold the order promise.
    last_record: Option<String>,
    last_error: Option<String>,
    /// What was written so far.
    pub tally: Tally,
}

const DOCUMENTS: [&str; 14] = [
    "doc",
    "is_report",
    "year",
    "region",
    "region_code",
    "level",
    "sector",
    "agency",
    "encoding",
    "script",
    "repairs",
    "chars",
    "facts",
    "warnings",
];

const FACTS: [&str; 10] = [
    "doc",
    "subject",
    "measure",
    "value",
    "qualifier",
    "evidence",
    "start",
    "end",
    "repaired",
    "source",
];

const TOPICS: [&str; 6] = ["doc", "label", "count", "evidence", "start", "end"];

/// A key that does not come after the one before it: the caller broke the order promise.
fn out_of_order(what: &str, key: &str, last: &str) -> io::Error {
    io::Error::other(format!(
        "{what} {key:?} came after {last:?}: tables take documents in key order"
    ))
}

fn repairs_cell(r: &DocRecord) -> String {
    r.repairs
        .iter()
        .map(|(k, v)| format!("{k}:{v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Tables {
    /// Creates the tables in `dir` (which must exist), with Parquet files as well when
    /// `parquet` is set (ignored without the `parquet` feature).
    pub fn create(dir: &Path, parquet: bool) -> io::Result<Tables> {
        let jsonl_path = dir.join("records.jsonl");
        let jsonl = BufWriter::new(File::create(&jsonl_path).map_err(|e| at(&jsonl_path, e))?);
        #[cfg(not(feature = "parquet"))]
        let _ = parquet;
        Ok(Tables {
            documents: Table::create(dir, "documents.csv", &DOCUMENTS)?,
            facts: Table::create(dir, "facts.csv", &FACTS)?,
            topics: Table::create(dir, "topics.csv", &TOPICS)?,
            errors: Table::create(dir, "errors.csv", &["doc", "stage", "message"])?,
            jsonl,
            jsonl_path,
            comparison: Comparison::new(dir)?,
            #[cfg(feature = "parquet")]
            parquet: match parquet {
                true => Some(crate::columnar::Writer::create(dir)?),
                false => None,
            },
            last_record: None,
            last_error: None,
            tally: Tally::default(),
        })
    }

    /// Appends one document's rows. Its key must come after the last record's.
    pub fn record(&mut self, r: &DocRecord) -> io::Result<()> {
        if let Some(last) = &self.last_record
            && r.doc.as_str() <= last.as_str()
        {
            return Err(out_of_order("document", &r.doc, last));
        }
        self.documents.row(&[
            r.doc.as_str(),
            if r.meta.is_report { "1" } else { "0" },
            &r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
            &r.meta.region,
            divisions::code(&r.meta.region, &r.meta.level),
            &r.meta.level,
            &r.meta.sector,
            &r.meta.agency,
            &r.encoding,
            r.script.as_str(),
            &repairs_cell(r),
            &r.chars.to_string(),
            &r.facts.len().to_string(),
            &r.warnings.join("; "),
        ])?;
        for f in &r.facts {
            self.facts.row(&[
                r.doc.as_str(),
                f.subject.as_str(),
                f.measure.as_str(),
                &fmt_value(f.value),
                f.qualifier.as_str(),
                &f.evidence,
                &f.start.to_string(),
                &f.end.to_string(),
                if f.repaired { "1" } else { "0" },
                f.source.as_str(),
            ])?;
        }
        for t in &r.topics {
            self.topics.row(&[
                r.doc.as_str(),
                &t.label,
                &t.count.map(|c| c.to_string()).unwrap_or_default(),
                &t.evidence,
                &t.start.to_string(),
                &t.end.to_string(),
            ])?;
        }
        let path = &self.jsonl_path;
        serde_json::to_writer(&mut self.jsonl, r).map_err(|e| at(path, io::Error::other(e)))?;
        self.jsonl.write_all(b"\n").map_err(|e| at(path, e))?;
        self.comparison.add(r)?;
        self.tally.record(r);
        self.last_record = Some(r.doc.clone());
        #[cfg(feature = "parquet")]
        if let Some(p) = &mut self.parquet {
            p.record(r.clone())?;
        }
        Ok(())
    }

    /// Appends one error row. Its key must not come before the last error's.
    pub fn error(&mut self, e: &DocError) -> io::Result<()> {
        // (One path may give more than one error row.)
        if let Some(last) = &self.last_error
            && e.doc.as_str() < last.as_str()
        {
            return Err(out_of_order("error of", &e.doc, last));
        }
        self.errors
            .row(&[e.doc.as_str(), &e.stage.to_string(), &e.message])?;
        self.tally.errors += 1;
        self.last_error = Some(e.doc.clone());
        #[cfg(feature = "parquet")]
        if let Some(p) = &mut self.parquet {
            p.error(e.clone())?;
        }
        Ok(())
    }

    /// Flushes what is buffered (a moment when no record is ready).
    pub fn flush(&mut self) -> io::Result<()> {
        let path = &self.jsonl_path;
        self.jsonl.flush().map_err(|e| at(path, e))
    }

    /// Writes comparison.csv and panel.csv, closes every table and returns the tally.
    pub fn finish(mut self) -> io::Result<Tally> {
        self.documents.finish()?;
        self.facts.finish()?;
        self.topics.finish()?;
        self.errors.finish()?;
        let path = &self.jsonl_path;
        self.jsonl.flush().map_err(|e| at(path, e))?;
        self.comparison.finish()?;
        #[cfg(feature = "parquet")]
        if let Some(p) = self.parquet {
            p.finish()?;
        }
        Ok(self.tally)
    }
}
