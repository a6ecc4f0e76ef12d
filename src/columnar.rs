//! `--format parquet`: the record tables (documents, facts, topics, errors) as Parquet files,
//! zstd-compressed, with the typed columns of [`crate::batches`]. Built only with the `parquet`
//! feature (on by default).
//!
//! Parquet is for corpora whose facts.csv would be large: the same rows take a small fraction
//! of the CSV's bytes, and pandas, polars, pyarrow, DuckDB and Spark read the types as they
//! are. The files are written beside the CSV tables, from the same ordered records, so the two
//! formats hold the same rows in the same order. The writer's settings are fixed (chunks of
//! [`CHUNK`] documents, row groups of at most [`ROW_GROUP`] rows, no statistics that depend
//! on the clock), so equal records give equal bytes, and memory stays small however many
//! records pass.

use crate::batches;
use crate::model::{DocError, DocRecord};
use crate::output::at;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The zstd level: 3 is zstd's own default, a good ratio at little cost.
const ZSTD_LEVEL: i32 = 3;

/// The CSV tables that `--format parquet` replaces. errors.csv is always kept: it is short,
/// read by people, and read back by `banli merge`.
pub const REPLACED_CSV: [&str; 3] = ["documents.csv", "facts.csv", "topics.csv"];

/// Documents (or errors) gathered before their rows go to the writers as one batch: enough
/// for batches of useful size, few enough that the buffer stays small.
pub const CHUNK: usize = 1024;

/// Rows in one row group at most (the writer keeps a row group in memory until it is full).
pub const ROW_GROUP: usize = 65_536;

/// The Parquet record tables of one output folder, written in chunks of [`CHUNK`] documents
/// as records pass in [`crate::output::order`]. The chunking is fixed, so equal records give
/// equal bytes.
pub struct Writer {
    tables: Vec<(PathBuf, ArrowWriter<File>)>,
    records: Vec<DocRecord>,
    errors: Vec<DocError>,
}

fn failed(path: &Path) -> impl Fn(parquet::errors::ParquetError) -> io::Error + '_ {
    move |e| at(path, io::Error::other(e))
}

impl Writer {
    /// Creates `<table>.parquet` for each record table in `dir`.
    pub fn create(dir: &Path) -> io::Result<Writer> {
        let level = ZstdLevel::try_new(ZSTD_LEVEL).map_err(io::Error::other)?;
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(level))
            .set_max_row_group_row_count(Some(ROW_GROUP))
            .build();
        let mut tables = Vec::new();
        for (name, empty) in batches::all(&[], &[]).map_err(io::Error::other)? {
            let path = dir.join(format!("{name}.parquet"));
            let file = File::create(&path).map_err(|e| at(&path, e))?;
            let w = ArrowWriter::try_new(file, empty.schema(), Some(props.clone()))
                .map_err(failed(&path))?;
            tables.push((path, w));
        }
        Ok(Writer {
            tables,
            records: Vec::new(),
            errors: Vec::new(),
        })
    }

    /// Takes one document's rows.
    pub fn record(&mut self, r: DocRecord) -> io::Result<()> {
        self.records.push(r);
        if self.records.len() >= CHUNK {
            self.write_records()?;
        }
        Ok(())
    }

    /// Takes one error row.
    pub fn error(&mut self, e: DocError) -> io::Result<()> {
        self.errors.push(e);
        if self.errors.len() >= CHUNK {
            self.write_errors()?;
        }
        Ok(())
    }

    fn write_records(&mut self) -> io::Result<()> {
        if self.records.is_empty() {
            return Ok(());
        }
        let batches = [
            batches::documents(&self.records),
            batches::facts(&self.records),
            batches::topics(&self.records),
        ];
        for ((path, w), batch) in self.tables.iter_mut().zip(batches) {
            let batch = batch.map_err(|e| at(path, io::Error::other(e)))?;
            w.write(&batch).map_err(failed(path))?;
        }
        self.records.clear();
        Ok(())
    }

    fn write_errors(&mut self) -> io::Result<()> {
        if self.errors.is_empty() {
            return Ok(());
        }
        let (path, w) = &mut self.tables[3];
        let batch = batches::errors(&self.errors).map_err(|e| at(path, io::Error::other(e)))?;
        w.write(&batch).map_err(failed(path))?;
        self.errors.clear();
        Ok(())
    }

    /// Writes what is left and closes the files.
    pub fn finish(mut self) -> io::Result<()> {
        self.write_records()?;
        self.write_errors()?;
        for (path, w) in self.tables {
            w.close().map_err(failed(&path))?;
        }
        Ok(())
    }
}

/// Removes the CSV tables Parquet replaces (when the CSV format was not asked for as well).
pub fn drop_replaced_csv(dir: &Path) -> io::Result<()> {
    for name in REPLACED_CSV {
        let path = dir.join(name);
        fs::remove_file(&path).map_err(|e| at(&path, e))?;
    }
    Ok(())
}
