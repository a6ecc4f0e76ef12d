//! `--format parquet`: the record tables (documents, facts, topics, errors) as Parquet files,
//! zstd-compressed, with the typed columns of [`crate::batches`]. Built only with the `parquet`
//! feature (on by default).
//!
//! Parquet is for corpora whose facts.csv would be large: the same rows take a small fraction
//! of the CSV's bytes, and pandas, polars, pyarrow, DuckDB and Spark read the types as they
//! are. The files are written after the CSV tables, from the same ordered records, so the two
//! formats hold the same rows in the same order. The writer's settings are fixed (one row
//! group per table, no statistics that depend on the clock), so equal records give equal bytes.

use crate::batches;
use crate::model::{DocError, DocRecord};
use crate::output::at;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::fs::{self, File};
use std::io;
use std::path::Path;

/// The zstd level: 3 is zstd's own default, a good ratio at little cost.
const ZSTD_LEVEL: i32 = 3;

/// The CSV tables that `--format parquet` replaces. errors.csv is always kept: it is short,
/// read by people, and read back by `banli merge`.
pub const REPLACED_CSV: [&str; 3] = ["documents.csv", "facts.csv", "topics.csv"];

/// Writes `<table>.parquet` for each record table into `dir`. The records must already be in
/// [`crate::output::order`] (as [`crate::output::write_all`] leaves them).
pub fn write(dir: &Path, records: &[DocRecord], errors: &[DocError]) -> io::Result<()> {
    let level = ZstdLevel::try_new(ZSTD_LEVEL).map_err(io::Error::other)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(level))
        .build();
    let tables = batches::all(records, errors).map_err(io::Error::other)?;
    for (name, batch) in tables {
        let path = dir.join(format!("{name}.parquet"));
        let file = File::create(&path).map_err(|e| at(&path, e))?;
        let fail = |e: parquet::errors::ParquetError| at(&path, io::Error::other(e));
        let mut w =
            ArrowWriter::try_new(file, batch.schema(), Some(props.clone())).map_err(fail)?;
        w.write(&batch).map_err(fail)?;
        w.close().map_err(fail)?;
    }
    Ok(())
}

/// Removes the CSV tables Parquet replaces (when the CSV format was not asked for as well).
pub fn drop_replaced_csv(dir: &Path) -> io::Result<()> {
    for name in REPLACED_CSV {
        let path = dir.join(name);
        fs::remove_file(&path).map_err(|e| at(&path, e))?;
    }
    Ok(())
}
