//! Stream mode: documents processed in parallel and handed on one by one, in input order.
//!
//! The input is a list of paths ([`list_inputs`], from `--files-from`) or a walked corpus
//! ([`walk_inputs`]); either may be cut to one `--shard`. [`run`] processes it through the
//! bounded reorder buffer of [`crate::ordered`], so memory stays flat and the order of the
//! output is the order of the input at every thread count. The results go to a [`Sink`]:
//! [`JsonlSink`] writes each as one JSON line (`--jsonl`), [`TableSink`] appends each to the
//! tables of an output folder, [`CollectSink`] keeps them (for a list of paths, whose
//! tables are written in key order at the end).

use crate::filelist::{self, Entries, Shard, Skipped};
use crate::ingest::{Source, Walk};
use crate::jsonl;
use crate::model::{DocError, DocRecord, Stage};
use crate::ordered::{self, Sink};
use crate::pipeline::{self, Engine};
use crate::tables::Tables;
use crate::tally::Tally;
use crate::walker::{Found, Walker};
use std::io::{self, BufRead, Write};
use std::sync::Arc;

/// One input, in the order of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file to read and process.
    Read(Source),
    /// A path already known to fail (found by the walk): passed on as its error.
    Failed(DocError),
}

impl Input {
    fn doc(&self) -> &str {
        match self {
            Input::Read(s) => &s.doc,
            Input::Failed(e) => &e.doc,
        }
    }
}

/// The result of one input file.
pub type Outcome = Result<DocRecord, DocError>;

/// The inputs of a list of paths separated by `sep` (`\n` or NUL), read lazily, in list
/// order; paths not taken are counted in `skipped` (see [`crate::filelist`]).
pub fn list_inputs<R: BufRead + Send + 'static>(
    reader: R,
    sep: u8,
    shard: Option<Shard>,
    skipped: Arc<Skipped>,
) -> impl Iterator<Item = io::Result<Input>> + Send + 'static {
    filelist::sources(Entries::new(reader, sep), shard, skipped).map(|s| s.map(Input::Read))
}

/// Keeps only the files and problems of a walk that belong to `shard`.
pub fn shard_walk(walk: &mut Walk, shard: Shard) {
    walk.sources.retain(|s| shard.takes(&s.doc));
    walk.problems.retain(|(doc, _)| shard.takes(doc));
}

/// The inputs of a walk in document order: its files, and the paths it could not take as
/// errors in their places.
pub fn walk_inputs(walk: Walk) -> impl Iterator<Item = io::Result<Input>> + Send + 'static {
    let mut inputs: Vec<Input> = walk.sources.into_iter().map(Input::Read).collect();
    inputs.extend(walk.problems.into_iter().map(|(doc, message)| {
        Input::Failed(DocError {
            doc,
            stage: Stage::Ingest,
            message,
        })
    }));
    inputs.sort_by(|a, b| a.doc().cmp(b.doc()));
    inputs.into_iter().map(Ok)
}

/// The inputs of a lazy walk ([`crate::walker`]), in document order, cut to `shard`.
pub fn walker_inputs(
    walker: Walker,
    shard: Option<Shard>,
) -> impl Iterator<Item = io::Result<Input>> + Send + 'static {
    walker
        .filter(move |found| {
            let doc = match found {
                Found::File(s) => &s.doc,
                Found::Problem(doc, _) => doc,
            };
            shard.is_none_or(|s| s.takes(doc))
        })
        .map(|found| {
            Ok(match found {
                Found::File(source) => Input::Read(source),
                Found::Problem(doc, message) => Input::Failed(DocError {
                    doc,
                    stage: Stage::Ingest,
                    message,
                }),
            })
        })
}

/// Processes `inputs` on `threads` workers and passes each outcome to `sink` in input order.
/// Fails with the first error of reading the input (after passing on everything read before
/// it) or of the sink (at once; a closed pipe is [`io::ErrorKind::BrokenPipe`]).
pub fn run<I, S>(
    inputs: I,
    engine: &Engine,
    max_file_size: u64,
    threads: usize,
    sink: &mut S,
) -> io::Result<ordered::Report>
where
    I: Iterator<Item = io::Result<Input>> + Send + 'static,
    S: Sink<Outcome> + ?Sized,
{
    let threads = threads.max(1);
    // Enough to keep every worker busy behind one slow document, few enough to stay small.
    let window = (threads * 16).max(64);
    let work = |input: Input| match input {
        Input::Read(source) => pipeline::process_caught(engine, &source, max_file_size),
        Input::Failed(e) => Err(e),
    };
    ordered::map(inputs, threads, window, &work, sink)
}

/// Writes each outcome as one JSON line, flushing whenever the next is not ready yet.
pub struct JsonlSink<'a> {
    out: &'a mut dyn Write,
    /// What was written so far.
    pub tally: Tally,
    on_each: &'a dyn Fn(&Outcome),
}

impl<'a> JsonlSink<'a> {
    /// Writes to `out`; `on_each` sees every outcome once it is written (progress, logs).
    pub fn new(out: &'a mut dyn Write, on_each: &'a dyn Fn(&Outcome)) -> JsonlSink<'a> {
        JsonlSink {
            out,
            tally: Tally::default(),
            on_each,
        }
    }
}

impl Sink<Outcome> for JsonlSink<'_> {
    fn put(&mut self, r: Outcome) -> io::Result<()> {
        jsonl::write(self.out, &r)?;
        self.tally.add(&r);
        (self.on_each)(&r);
        Ok(())
    }

    fn idle(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Keeps every outcome, for the tables.
pub struct CollectSink<'a> {
    /// Documents, in input order.
    pub records: Vec<DocRecord>,
    /// Errors, in input order.
    pub errors: Vec<DocError>,
    on_each: &'a dyn Fn(&Outcome),
}

impl<'a> CollectSink<'a> {
    /// An empty collection; `on_each` sees every outcome as it comes.
    pub fn new(on_each: &'a dyn Fn(&Outcome)) -> CollectSink<'a> {
        CollectSink {
            records: Vec::new(),
            errors: Vec::new(),
            on_each,
        }
    }
}

impl Sink<Outcome> for CollectSink<'_> {
    fn put(&mut self, r: Outcome) -> io::Result<()> {
        (self.on_each)(&r);
        match r {
            Ok(rec) => self.records.push(rec),
            Err(e) => self.errors.push(e),
        }
        Ok(())
    }
}

/// Writes each outcome's rows into the tables as it comes ([`Tables`]), and keeps the
/// outcomes as well when asked (review.html needs every text at the end).
pub struct TableSink<'a> {
    /// The tables being written.
    pub tables: Tables,
    /// Every record and error so far, when kept.
    pub kept: Option<(Vec<DocRecord>, Vec<DocError>)>,
    /// The most records kept: beyond it the kept ones are let go (and `kept` is `None`).
    pub keep_at_most: usize,
    /// Called once when the kept records are let go.
    pub let_go: Option<&'a dyn Fn()>,
    on_each: &'a dyn Fn(&Outcome),
}

impl<'a> TableSink<'a> {
    /// Writes into `tables`, keeping the outcomes when `keep` is set; `on_each` sees every
    /// outcome once its rows are written.
    pub fn new(tables: Tables, keep: bool, on_each: &'a dyn Fn(&Outcome)) -> TableSink<'a> {
        TableSink {
            tables,
            kept: keep.then(|| (Vec::new(), Vec::new())),
            keep_at_most: usize::MAX,
            let_go: None,
            on_each,
        }
    }
}

impl Sink<Outcome> for TableSink<'_> {
    fn put(&mut self, r: Outcome) -> io::Result<()> {
        match &r {
            Ok(rec) => self.tables.record(rec)?,
            Err(e) => self.tables.error(e)?,
        }
        (self.on_each)(&r);
        if let Some((records, errors)) = &mut self.kept {
            match r {
                Ok(rec) => records.push(rec),
                Err(e) => errors.push(e),
            }
            if records.len() > self.keep_at_most {
                self.kept = None;
                if let Some(f) = self.let_go {
                    f();
                }
            }
        }
        Ok(())
    }

    fn idle(&mut self) -> io::Result<()> {
        self.tables.flush()
    }
}
