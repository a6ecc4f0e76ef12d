//! The record tables (documents, facts, topics, errors) as typed Arrow record batches: what
//! `--format parquet` writes ([`crate::parquet`]) and what the Python module hands to pyarrow,
//! polars and pandas. Built only with the `arrow` feature.
//!
//! Rows, order and values are those of the CSV tables, with real types instead of text:
//! `is_report` and `repaired` are booleans, `year` and topic `count` nullable integers, fact
//! `value` a float, offsets 64-bit integers. Text is as extracted, without the CSV's
//! spreadsheet quoting and length cap ([`crate::output::cell`]). The caller puts the records in
//! [`crate::output::order`] first, as the CSV writer does.

use crate::divisions;
use crate::model::{DocError, DocRecord};
use arrow_array::{
    ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray, UInt16Array,
    UInt32Array,
};
use arrow_schema::{ArrowError, Field, Schema};
use std::sync::Arc;

/// The tables, in the order the output folder lists them, with the builder of each.
pub const TABLES: [&str; 4] = ["documents", "facts", "topics", "errors"];

/// Builds one batch from (name, nullable, column) triples.
fn batch(columns: Vec<(&str, bool, ArrayRef)>) -> Result<RecordBatch, ArrowError> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, nullable, a)| Field::new(*name, a.data_type().clone(), *nullable))
        .collect();
    let arrays = columns.into_iter().map(|(_, _, a)| a).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
}

fn strings<'a>(values: impl Iterator<Item = &'a str>) -> ArrayRef {
    Arc::new(StringArray::from_iter_values(values))
}

fn ints(values: impl Iterator<Item = usize>) -> ArrayRef {
    Arc::new(values.map(|v| v as i64).collect::<Int64Array>())
}

fn flags(values: impl Iterator<Item = bool>) -> ArrayRef {
    Arc::new(values.map(Some).collect::<BooleanArray>())
}

/// documents: one row per document read.
pub fn documents(records: &[DocRecord]) -> Result<RecordBatch, ArrowError> {
    let repairs: Vec<String> = records
        .iter()
        .map(|r| {
            let parts: Vec<String> = r.repairs.iter().map(|(k, v)| format!("{k}:{v}")).collect();
            parts.join("; ")
        })
        .collect();
    let warnings: Vec<String> = records.iter().map(|r| r.warnings.join("; ")).collect();
    let rs = || records.iter();
    batch(vec![
        ("doc", false, strings(rs().map(|r| r.doc.as_str()))),
        ("is_report", false, flags(rs().map(|r| r.meta.is_report))),
        (
            "year",
            true,
            Arc::new(rs().map(|r| r.meta.year).collect::<UInt16Array>()),
        ),
        (
            "region",
            false,
            strings(rs().map(|r| r.meta.region.as_str())),
        ),
        (
            "region_code",
            false,
            strings(rs().map(|r| divisions::code(&r.meta.region, &r.meta.level))),
        ),
        ("level", false, strings(rs().map(|r| r.meta.level.as_str()))),
        (
            "sector",
            false,
            strings(rs().map(|r| r.meta.sector.as_str())),
        ),
        (
            "agency",
            false,
            strings(rs().map(|r| r.meta.agency.as_str())),
        ),
        (
            "encoding",
            false,
            strings(rs().map(|r| r.encoding.as_str())),
        ),
        ("script", false, strings(rs().map(|r| r.script.as_str()))),
        (
            "repairs",
            false,
            strings(repairs.iter().map(String::as_str)),
        ),
        ("chars", false, ints(rs().map(|r| r.chars))),
        ("facts", false, ints(rs().map(|r| r.facts.len()))),
        (
            "warnings",
            false,
            strings(warnings.iter().map(String::as_str)),
        ),
    ])
}

/// facts: one row per fact, with its evidence and offsets into the decoded original.
pub fn facts(records: &[DocRecord]) -> Result<RecordBatch, ArrowError> {
    let fs = || {
        records
            .iter()
            .flat_map(|r| r.facts.iter().map(move |f| (r, f)))
    };
    batch(vec![
        ("doc", false, strings(fs().map(|(r, _)| r.doc.as_str()))),
        (
            "subject",
            false,
            strings(fs().map(|(_, f)| f.subject.as_str())),
        ),
        (
            "measure",
            false,
            strings(fs().map(|(_, f)| f.measure.as_str())),
        ),
        (
            "value",
            false,
            Arc::new(fs().map(|(_, f)| f.value).collect::<Float64Array>()),
        ),
        (
            "qualifier",
            false,
            strings(fs().map(|(_, f)| f.qualifier.as_str())),
        ),
        (
            "evidence",
            false,
            strings(fs().map(|(_, f)| f.evidence.as_str())),
        ),
        ("start", false, ints(fs().map(|(_, f)| f.start))),
        ("end", false, ints(fs().map(|(_, f)| f.end))),
        ("repaired", false, flags(fs().map(|(_, f)| f.repaired))),
        // extracted, or corrected by a researcher (`--corrections`).
        (
            "source",
            false,
            strings(fs().map(|(_, f)| f.source.as_str())),
        ),
    ])
}

/// topics: one row per topic, its count when the text gives one.
pub fn topics(records: &[DocRecord]) -> Result<RecordBatch, ArrowError> {
    let ts = || {
        records
            .iter()
            .flat_map(|r| r.topics.iter().map(move |t| (r, t)))
    };
    batch(vec![
        ("doc", false, strings(ts().map(|(r, _)| r.doc.as_str()))),
        ("label", false, strings(ts().map(|(_, t)| t.label.as_str()))),
        (
            "count",
            true,
            Arc::new(ts().map(|(_, t)| t.count).collect::<UInt32Array>()),
        ),
        (
            "evidence",
            false,
            strings(ts().map(|(_, t)| t.evidence.as_str())),
        ),
        ("start", false, ints(ts().map(|(_, t)| t.start))),
        ("end", false, ints(ts().map(|(_, t)| t.end))),
    ])
}

/// errors: one row per input that gave no record, with the stage that stopped it.
pub fn errors(errors: &[DocError]) -> Result<RecordBatch, ArrowError> {
    let stages: Vec<String> = errors.iter().map(|e| e.stage.to_string()).collect();
    batch(vec![
        ("doc", false, strings(errors.iter().map(|e| e.doc.as_str()))),
        ("stage", false, strings(stages.iter().map(String::as_str))),
        (
            "message",
            false,
            strings(errors.iter().map(|e| e.message.as_str())),
        ),
    ])
}

/// The four tables as (name, batch), in [`TABLES`] order.
pub fn all(
    records: &[DocRecord],
    errs: &[DocError],
) -> Result<Vec<(&'static str, RecordBatch)>, ArrowError> {
    Ok(vec![
        (TABLES[0], documents(records)?),
        (TABLES[1], facts(records)?),
        (TABLES[2], topics(records)?),
        (TABLES[3], errors(errs)?),
    ])
}
