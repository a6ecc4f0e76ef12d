//! The JSON Lines records of stream mode (`banli run --jsonl`), written and read back.
//!
//! One line per input file. A processed document is its [`DocRecord`] (the fields of
//! `records.jsonl`: `doc`, `meta`, `encoding`, `script`, `repairs`, `chars`, `warnings`,
//! `facts`, `topics`) with `"kind":"doc"` in front; a file that could not be processed is
//! `{"kind":"error","doc":…,"stage":…,"message":…}`. Every value is whole (no spreadsheet
//! quoting, no truncation), so `banli merge` rebuilds the tables exactly. A line without
//! `kind` is read as a document, so the `records.jsonl` of an output folder reads back too.

use crate::model::{DocError, DocRecord};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// One line, as written.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum LineRef<'a> {
    Doc(&'a DocRecord),
    Error(&'a DocError),
}

/// Writes the record of one input file as one line.
pub fn write(w: &mut dyn Write, result: &Result<DocRecord, DocError>) -> io::Result<()> {
    let line = match result {
        Ok(r) => LineRef::Doc(r),
        Err(e) => LineRef::Error(e),
    };
    // (From, not other: a closed pipe met inside a record stays a closed pipe.)
    serde_json::to_writer(&mut *w, &line).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// Reads one line (without its line end): a document, or the error record of a file.
pub fn parse(line: &str) -> Result<Result<DocRecord, DocError>, String> {
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let kind = match value.get("kind") {
        None => "doc",
        Some(k) => k.as_str().ok_or("\"kind\" is not a string")?,
    };
    match kind {
        "doc" => DocRecord::deserialize(value)
            .map(Ok)
            .map_err(|e| format!("document record: {e}")),
        "error" => DocError::deserialize(value)
            .map(Err)
            .map_err(|e| format!("error record: {e}")),
        other => Err(format!("unknown record kind {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocMeta, Fact, Measure, Qualifier, Script, Stage, Subject};

    /// A writer whose pipe closes after `room` bytes.
    struct ClosesAfter {
        room: usize,
    }

    impl Write for ClosesAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_pipe_closed_inside_a_record_is_a_closed_pipe() {
        let mut w = ClosesAfter { room: 10 };
        let err = write(&mut w, &Ok(record())).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }

    fn record() -> DocRecord {
        DocRecord {
            doc: "docs/a b.txt".into(),
            meta: DocMeta {
                is_report: true,
                year: Some(2023),
                region: "绵阳市".into(),
                ..DocMeta::default()
            },
            encoding: "UTF-8".into(),
            script: Script::Simplified,
            repairs: vec![("pinyin_annotation".into(), 2)],
            chars: 120,
            warnings: vec!["check: x".into()],
            facts: vec![Fact {
                subject: Subject::Proposal,
                measure: Measure::SatisfactionRate,
                value: 98.76543210987654,
                qualifier: Qualifier::Eq,
                evidence: "满意率98.76543210987654%".into(),
                start: 3,
                end: 9,
                repaired: false,
                source: crate::model::Origin::Extracted,
            }],
            topics: vec![],
            review: None,
        }
    }

    #[test]
    fn records_read_back_exactly() {
        let mut buf = Vec::new();
        write(&mut buf, &Ok(record())).unwrap();
        let err = DocError {
            doc: "missing.txt".into(),
            stage: Stage::Ingest,
            message: "cannot read".into(),
        };
        write(&mut buf, &Err(err.clone())).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with(r#"{"kind":"doc","doc":"docs/a b.txt""#));
        assert_eq!(
            lines[1],
            r#"{"kind":"error","doc":"missing.txt","stage":"ingest","message":"cannot read"}"#
        );
        assert_eq!(parse(lines[0]), Ok(Ok(record())));
        assert_eq!(parse(lines[1]), Ok(Err(err)));
        // records.jsonl lines have no kind.
        let plain = serde_json::to_string(&record()).unwrap();
        assert_eq!(parse(&plain), Ok(Ok(record())));
        assert!(parse(r#"{"kind":"summary"}"#).is_err());
        assert!(parse("{").is_err());
    }
}
