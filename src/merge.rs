//! `banli merge PART... -o OUT`: the records of several runs made into the tables one run over
//! all their files would have written.
//!
//! A PART is a JSON Lines file written by `banli run --jsonl` (or `-` for standard input), or
//! an output folder of an earlier `banli run` (its `records.jsonl` and `errors.csv`). The
//! records are [`collate`]d (sorted by document key, duplicates dropped) and written by the
//! same [`crate::output::write_all`] as a run, so `comparison.csv` and `panel.csv`, aggregates
//! over every document, are computed afresh from the merged records, never concatenated.

use crate::jsonl;
use crate::model::{DocError, DocRecord, Stage};
use crate::output;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Records ready for the tables.
#[derive(Debug, Default)]
pub struct Collated {
    /// Documents, sorted by key, one per key.
    pub records: Vec<DocRecord>,
    /// Errors, sorted by key, one per key.
    pub errors: Vec<DocError>,
    /// Records dropped because an identical one was already there (the same file listed
    /// twice, or parts that overlap).
    pub duplicates: usize,
}

/// Sorts records and errors as the tables order them and drops exact duplicates. Two
/// different records for one document key (or a record and an error) are refused: they come
/// from different files, runs or versions, and the tables could hold only one of them.
pub fn collate(mut records: Vec<DocRecord>, mut errors: Vec<DocError>) -> Result<Collated, String> {
    output::order(&mut records, &mut errors);
    let before = records.len() + errors.len();
    let mut conflict = None;
    records.dedup_by(|b, a| {
        if a.doc == b.doc && a != b {
            conflict.get_or_insert_with(|| a.doc.clone());
        }
        a == b
    });
    errors.dedup_by(|b, a| {
        if a.doc == b.doc && a != b {
            conflict.get_or_insert_with(|| a.doc.clone());
        }
        a == b
    });
    if let Some(doc) = conflict {
        return Err(format!(
            "{doc}: two different records for one document (from different files, runs or \
             versions of banli); merge parts of one run"
        ));
    }
    for e in &errors {
        if records
            .binary_search_by(|r| r.doc.as_str().cmp(&e.doc))
            .is_ok()
        {
            return Err(format!(
                "{}: both a document and an error record (from different runs?)",
                e.doc
            ));
        }
    }
    let duplicates = before - records.len() - errors.len();
    Ok(Collated {
        records,
        errors,
        duplicates,
    })
}

/// Reads every part (see the module documentation) and collates the records.
pub fn read_parts<P: AsRef<Path>>(parts: &[P]) -> Result<Collated, String> {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for part in parts {
        let part = part.as_ref();
        if part == Path::new("-") {
            let stdin = io::stdin().lock();
            read_jsonl(stdin, "standard input", &mut records, &mut errors)?;
        } else if part.is_dir() {
            read_folder(part, &mut records, &mut errors)?;
        } else {
            let name = part.display().to_string();
            let f = std::fs::File::open(part).map_err(|e| format!("{name}: {e}"))?;
            read_jsonl(BufReader::new(f), &name, &mut records, &mut errors)?;
        }
    }
    collate(records, errors)
}

/// Reads a JSON Lines part; `name` is used in messages.
pub fn read_jsonl<R: BufRead>(
    mut reader: R,
    name: &str,
    records: &mut Vec<DocRecord>,
    errors: &mut Vec<DocError>,
) -> Result<(), String> {
    let mut line = String::new();
    let mut number = 0;
    loop {
        line.clear();
        number += 1;
        let n = reader
            .read_line(&mut line)
            .map_err(|e| format!("{name}:{number}: {e}"))?;
        if n == 0 {
            return Ok(());
        }
        let text = line.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() {
            continue;
        }
        match jsonl::parse(text).map_err(|e| format!("{name}:{number}: {e}"))? {
            Ok(r) => records.push(r),
            Err(e) => errors.push(e),
        }
    }
}

/// Reads an earlier output folder: `records.jsonl` and `errors.csv`.
pub fn read_folder(
    dir: &Path,
    records: &mut Vec<DocRecord>,
    errors: &mut Vec<DocError>,
) -> Result<(), String> {
    let jsonl_path = dir.join("records.jsonl");
    let errors_path = dir.join("errors.csv");
    let f = std::fs::File::open(&jsonl_path).map_err(|e| {
        format!(
            "{}: {e} (a folder to merge must be the output of banli run)",
            jsonl_path.display()
        )
    })?;
    let name = jsonl_path.display().to_string();
    read_jsonl(BufReader::new(f), &name, records, errors)?;
    let mut bytes = Vec::new();
    std::fs::File::open(&errors_path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| format!("{}: {e}", errors_path.display()))?;
    read_errors_csv(&bytes, &errors_path.display().to_string(), errors)
}

/// Reads the rows of an `errors.csv` (the spreadsheet quoting of its cells undone).
fn read_errors_csv(bytes: &[u8], name: &str, errors: &mut Vec<DocError>) -> Result<(), String> {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut rdr = csv::Reader::from_reader(body);
    let headers = rdr.headers().map_err(|e| format!("{name}: {e}"))?;
    if headers.iter().collect::<Vec<_>>() != ["doc", "stage", "message"] {
        return Err(format!("{name}: not an errors.csv written by banli"));
    }
    for (i, row) in rdr.records().enumerate() {
        let row = row.map_err(|e| format!("{name}: {e}"))?;
        let stage = Stage::parse(&row[1])
            .ok_or_else(|| format!("{name}:{}: unknown stage {:?}", i + 2, &row[1]))?;
        errors.push(DocError {
            doc: output::uncell(&row[0]).to_string(),
            stage,
            message: output::uncell(&row[2]).to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocMeta, Script};

    fn rec(doc: &str, chars: usize) -> DocRecord {
        DocRecord {
            doc: doc.into(),
            meta: DocMeta::default(),
            encoding: "UTF-8".into(),
            script: Script::Simplified,
            repairs: vec![],
            chars,
            warnings: vec![],
            facts: vec![],
            topics: vec![],
            review: None,
        }
    }

    fn err(doc: &str) -> DocError {
        DocError {
            doc: doc.into(),
            stage: Stage::Ingest,
            message: "cannot read".into(),
        }
    }

    #[test]
    fn collation_sorts_and_drops_exact_duplicates() {
        let c = collate(
            vec![rec("b", 1), rec("a", 1), rec("b", 1)],
            vec![err("z"), err("c"), err("z")],
        )
        .unwrap();
        let docs: Vec<&str> = c.records.iter().map(|r| r.doc.as_str()).collect();
        assert_eq!(docs, ["a", "b"]);
        assert_eq!(c.errors.len(), 2);
        assert_eq!(c.duplicates, 2);
    }

    #[test]
    fn conflicting_records_are_refused() {
        assert!(collate(vec![rec("a", 1), rec("a", 2)], vec![]).is_err());
        assert!(collate(vec![rec("a", 1)], vec![err("a")]).is_err());
    }

    #[test]
    fn errors_csv_reads_back_without_its_quoting() {
        let csv = "\u{feff}doc,stage,message\r\n'-x.txt,ingest,cannot read\r\n";
        let mut errors = Vec::new();
        read_errors_csv(csv.as_bytes(), "errors.csv", &mut errors).unwrap();
        assert_eq!(errors[0].doc, "-x.txt");
        assert_eq!(errors[0].stage, Stage::Ingest);
    }
}
