//! Filling an output folder: the tables, written as documents pass ([`stream_tables`], a walked
//! corpus) or from collected records ([`write_tables`], a list of paths and `banli merge`);
//! then review.html, the workbook and the Parquet choice; then the swap into place.
//!
//! Everything is written into the folder's staging copy ([`OutDir`]), which replaces the
//! folder only once complete, so a run that is stopped leaves the previous tables whole.

use crate::args::Format;
use banli::model::{DocError, DocRecord};
use banli::outdir::OutDir;
use banli::pipeline::Engine;
use banli::stream::{self, Input, Outcome, TableSink};
use banli::tables::Tables;
use banli::tally::Tally;
use banli::{merge, output, review, xlsx};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

/// Above this many documents a walked corpus gets no review.html unless --review asks: the
/// page embeds each text (and a run keeps each text until the end), which does not scale.
pub const REVIEW_MAX_DOCS: usize = 5_000;

/// Whether the tables come with review.html, and from which template (`None`: built in).
#[derive(Clone, Copy)]
pub enum Review<'a> {
    Off,
    On(Option<&'a Path>),
}

/// What besides the CSV tables goes into the output folder.
#[derive(Clone, Copy)]
pub struct Extras<'a> {
    pub review: Review<'a>,
    pub xlsx: bool,
    pub format: Format,
}

/// Fails at once (before any document is read) when the format needs a feature this binary
/// was built without.
pub fn format_available(format: Format) -> Result<(), String> {
    if format != Format::Csv && !cfg!(feature = "parquet") {
        return Err("--format parquet: this banli was built without the `parquet` feature".into());
    }
    Ok(())
}

/// Says what went wrong with the output; the exit code of a run that could not write.
fn output_failed(e: &str) -> ExitCode {
    let _ = writeln!(io::stderr(), "banli: output: {e}");
    ExitCode::from(2)
}

/// Processes `inputs` (in document-key order, as a walk gives them) on `threads` workers and
/// writes each document's rows as soon as every earlier document's are written; then the
/// rest of the folder. Memory stays flat in the number of documents: review.html, which
/// needs every record at the end, is written only up to `keep_at_most` documents.
pub fn stream_tables<I>(
    inputs: I,
    (engine, max_file_size, threads): (&Engine, u64, usize),
    outdir: OutDir,
    extras: Extras,
    keep_at_most: usize,
    on_each: &dyn Fn(&Outcome),
) -> (Tally, Result<(), ExitCode>)
where
    I: Iterator<Item = io::Result<Input>> + Send + 'static,
{
    let parquet = extras.format != Format::Csv;
    let tables = match Tables::create(outdir.staging(), parquet) {
        Ok(t) => t,
        Err(e) => return (Tally::default(), Err(output_failed(&e.to_string()))),
    };
    let keep = matches!(extras.review, Review::On(_));
    let stop_review = || engine.stop_review();
    let mut sink = TableSink::new(tables, keep, on_each);
    sink.keep_at_most = keep_at_most;
    sink.let_go = Some(&stop_review);
    let ran = stream::run(inputs, engine, max_file_size, threads, &mut sink);
    let tally = sink.tables.tally;
    if let Err(e) = ran {
        return (tally, Err(output_failed(&e.to_string())));
    }
    let kept = sink.kept;
    if let Err(e) = sink.tables.finish() {
        return (tally, Err(output_failed(&e.to_string())));
    }
    if keep && kept.is_none() {
        let _ = writeln!(
            io::stderr(),
            "banli run: {} documents: no review.html above {keep_at_most} (--review writes it \
             anyway)",
            tally.documents
        );
    }
    let kept = kept.as_ref().map(|(r, e)| (r.as_slice(), e.as_slice()));
    match complete(outdir, extras, kept) {
        Ok(()) => (tally, Ok(())),
        Err(e) => (tally, Err(output_failed(&e))),
    }
}

/// Writes the tables of collected records (in any order; duplicates dropped) and the rest of
/// the folder.
pub fn write_tables(
    records: Vec<DocRecord>,
    errors: Vec<DocError>,
    outdir: OutDir,
    extras: Extras,
) -> (Tally, Result<(), ExitCode>) {
    let mut c = match merge::collate(records, errors) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(io::stderr(), "banli: {e}");
            return (Tally::default(), Err(ExitCode::from(2)));
        }
    };
    if c.duplicates > 0 {
        let _ = writeln!(
            io::stderr(),
            "banli: {} duplicate records dropped",
            c.duplicates
        );
    }
    let tally = Tally::of(&c.records, &c.errors);
    let parquet = extras.format != Format::Csv;
    let written = output::write_all(outdir.staging(), &mut c.records, &mut c.errors, parquet)
        .map_err(|e| e.to_string())
        .and_then(|()| complete(outdir, extras, Some((&c.records, &c.errors))));
    match written {
        Ok(()) => (tally, Ok(())),
        Err(e) => (tally, Err(output_failed(&e))),
    }
}

/// After the tables: review.html (from `kept`, the records in table order), banli.xlsx (from
/// the CSVs), the CSVs that Parquet replaces removed; then the staging folder swapped into
/// place.
fn complete(
    outdir: OutDir,
    extras: Extras,
    kept: Option<(&[DocRecord], &[DocError])>,
) -> Result<(), String> {
    if let (Review::On(template), Some((records, errors))) = (extras.review, kept) {
        review::write(outdir.staging(), records, errors, template).map_err(|e| e.to_string())?;
    }
    if extras.xlsx {
        xlsx::write(outdir.staging())?;
    }
    drop_replaced(outdir.staging(), extras.format)?;
    outdir.commit()
}

/// With `--format parquet` alone, the CSVs that the Parquet files replace are removed (after
/// the workbook, which is built from them).
fn drop_replaced(dir: &Path, format: Format) -> Result<(), String> {
    if format != Format::Parquet {
        return Ok(());
    }
    #[cfg(feature = "parquet")]
    {
        banli::columnar::drop_replaced_csv(dir).map_err(|e| e.to_string())
    }
    #[cfg(not(feature = "parquet"))]
    {
        let _ = dir;
        format_available(format)
    }
}
