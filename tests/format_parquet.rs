//! Issue 12: `--format parquet` writes the record tables as Parquet with typed columns, holding
//! the same rows in the same order as the CSV tables, and the same bytes at every thread count
//! and through `banli merge`.

use crate::util::{banli, root, run, table};
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type, UInt16Type};
use arrow_array::{Array, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::path::Path;

/// Reads one Parquet table.
fn read(path: &Path) -> RecordBatch {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("parquet footer");
    let empty = RecordBatch::new_empty(builder.schema().clone());
    let reader = builder.with_batch_size(1 << 20).build().expect("reader");
    let mut batches: Vec<RecordBatch> = reader.map(|b| b.expect("batch")).collect();
    // Batches larger than the corpus's tables: one, or none for an empty table.
    assert!(batches.len() <= 1, "{}: one batch", path.display());
    batches.pop().unwrap_or(empty)
}

fn strings(b: &RecordBatch, col: &str) -> Vec<String> {
    let a = b
        .column_by_name(col)
        .unwrap_or_else(|| panic!("column {col}"));
    let a = a.as_string::<i32>();
    (0..a.len()).map(|i| a.value(i).to_string()).collect()
}

#[test]
fn parquet_tables_hold_the_csv_rows_with_types() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let res = run(
        &root().join("corpus"),
        &out,
        &["--format", "both", "-j", "2"],
    );
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );

    let csv = table(&out.join("facts.csv"));
    let facts = read(&out.join("facts.parquet"));
    assert!(!csv.is_empty());
    assert_eq!(facts.num_rows(), csv.len());
    let docs = strings(&facts, "doc");
    let evidence = strings(&facts, "evidence");
    let values = facts
        .column_by_name("value")
        .unwrap()
        .as_primitive::<Float64Type>();
    let starts = facts
        .column_by_name("start")
        .unwrap()
        .as_primitive::<Int64Type>();
    for (i, row) in csv.iter().enumerate() {
        assert_eq!(docs[i], row["doc"]);
        assert_eq!(evidence[i], banli::output::uncell(&row["evidence"]));
        assert_eq!(banli::output::fmt_value(values.value(i)), row["value"]);
        assert_eq!(starts.value(i).to_string(), row["start"]);
    }

    let csv = table(&out.join("documents.csv"));
    let documents = read(&out.join("documents.parquet"));
    assert_eq!(documents.num_rows(), csv.len());
    let years = documents
        .column_by_name("year")
        .unwrap()
        .as_primitive::<UInt16Type>();
    let reports = documents.column_by_name("is_report").unwrap().as_boolean();
    for (i, row) in csv.iter().enumerate() {
        let year = if years.is_null(i) {
            String::new()
        } else {
            years.value(i).to_string()
        };
        assert_eq!(year, row["year"], "{}", row["doc"]);
        assert_eq!(reports.value(i), row["is_report"] == "1");
    }
    assert_eq!(
        read(&out.join("topics.parquet")).num_rows(),
        table(&out.join("topics.csv")).len()
    );
    assert_eq!(
        read(&out.join("errors.parquet")).num_rows(),
        table(&out.join("errors.csv")).len()
    );
}

#[test]
fn parquet_alone_replaces_three_csv_tables_and_is_the_same_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    for (out, j) in [(&one, "1"), (&two, "2")] {
        let res = run(
            &root().join("corpus"),
            out,
            &["--format", "parquet", "-j", j],
        );
        assert!(
            res.status.success(),
            "{}",
            String::from_utf8_lossy(&res.stderr)
        );
    }
    for name in ["documents.csv", "facts.csv", "topics.csv"] {
        assert!(
            !one.join(name).exists(),
            "{name} written with --format parquet"
        );
    }
    for name in ["errors.csv", "comparison.csv", "records.jsonl"] {
        assert!(
            one.join(name).exists(),
            "{name} missing with --format parquet"
        );
    }
    for name in banli::batches::TABLES {
        let file = format!("{name}.parquet");
        let (a, b) = (
            std::fs::read(one.join(&file)),
            std::fs::read(two.join(&file)),
        );
        assert!(
            a.expect("-j1 table") == b.expect("-j2 table"),
            "{file} differs by -j"
        );
    }

    // A merge of the run's folder writes the same Parquet bytes.
    let merged = dir.path().join("merged");
    let res = banli(&[
        "merge",
        one.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
        "--format",
        "parquet",
    ]);
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    for name in banli::batches::TABLES {
        let file = format!("{name}.parquet");
        assert!(
            std::fs::read(one.join(&file)).unwrap() == std::fs::read(merged.join(&file)).unwrap(),
            "{file}: merge differs from the run"
        );
    }
}
