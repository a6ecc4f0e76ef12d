//! The `banli` command line: `banli run` (tables, or JSON Lines with `--jsonl`), `banli merge`,
//! `banli text` and `banli eval`.

use banli::filelist::{Shard, Skipped};
use banli::ingest::{self, WalkOptions};
use banli::outdir::OutDir;
use banli::stream::{self, CollectSink, Input, JsonlSink, Outcome};
use banli::tally::Tally;
use banli::{eval, merge, output, pipeline, review};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// A line on stderr; a closed stderr is ignored rather than a panic.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr(), $($arg)*);
    }};
}

/// The exit code when standard output is a closed pipe, as for a program stopped by SIGPIPE.
const BROKEN_PIPE: u8 = 141;

#[derive(Parser)]
#[command(
    name = "banli",
    version,
    about = "Handling reports of deputy suggestions and CPPCC proposals, as tables"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Process every .txt, .html/.htm and extension-less file under CORPUS (recursively), or
    /// the files of a list (--files-from), into tables (-o) or JSON Lines (--jsonl).
    Run(RunArgs),
    /// Make JSON Lines parts (--jsonl) and output folders into the tables of one run.
    Merge {
        /// JSON Lines files written by `banli run --jsonl` (`-` for standard input), or output
        /// folders of earlier runs.
        #[arg(required = true)]
        parts: Vec<PathBuf>,
        /// Folder the CSV tables are written to (created if missing).
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
    },
    /// Print the normalised text banli extracts from (decoded, repaired, simplified).
    Text {
        /// The file to show.
        file: PathBuf,
        /// Stop after the repair stage: no width folding, no script conversion.
        #[arg(long)]
        repaired: bool,
    },
    /// Score OUTPUT against a gold set (gold_docs.csv, gold_facts.csv, gold_topics.csv).
    Eval {
        /// Folder holding the gold CSV files.
        gold: PathBuf,
        /// Folder holding documents.csv, facts.csv and topics.csv.
        #[arg(default_value = "output")]
        output: PathBuf,
    },
}

#[derive(Args)]
struct RunArgs {
    /// Folder of reports (or one file) [default: corpus].
    #[arg(conflicts_with = "files_from")]
    corpus: Option<PathBuf>,
    /// Read the paths to process from FILE (`-`: standard input), one a line; each path as
    /// written is its document key.
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
    /// The list of --files-from is separated by NUL bytes (find -print0), not lines.
    #[arg(short = '0', long, requires = "files_from")]
    null: bool,
    /// Write one JSON record per document to FILE (`-`: standard output), in input order,
    /// instead of the tables.
    #[arg(long, value_name = "FILE", conflicts_with = "output")]
    jsonl: Option<PathBuf>,
    /// Take only the I-th of N stable shares of the input (by a hash of the document key).
    #[arg(long, value_name = "I/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// Folder the CSV tables are written to (created if missing) [default: output].
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Worker threads (default: one per core). Output is identical for every value.
    #[arg(short = 'j', long)]
    jobs: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// Follow symbolic links (each folder is walked once; links leaving CORPUS are
    /// followed and reported). Without it links are skipped and counted.
    #[arg(short = 'L', long, conflicts_with = "files_from")]
    follow: bool,
    /// Larger files get an error row instead of being read (e.g. 1000, 64K, 100M, 2G).
    #[arg(long, default_value = "256M", value_parser = ingest::parse_size)]
    max_file_size: u64,
    /// Write no review.html (for very large corpora: it embeds up to 20,000 characters of
    /// each text, and each text is kept in memory until the end of the run).
    #[arg(long)]
    no_review: bool,
    /// Render review.html with this minijinja template instead of the built-in one
    /// (a copy of templates/review.html.j2, edited).
    #[arg(long, value_name = "FILE", conflicts_with = "no_review")]
    review_template: Option<PathBuf>,
    /// Write review.html even for a corpus of more than 5,000 documents.
    #[arg(long, conflicts_with = "no_review")]
    review: bool,
}

/// Above this many documents a walked corpus gets no review.html unless --review asks: the
/// page embeds each text (and a run keeps each text until the end), which does not scale.
const REVIEW_MAX_DOCS: usize = 5_000;

/// Whether the tables come with review.html, and from which template (`None`: built in).
#[derive(Clone, Copy)]
enum Review<'a> {
    Off,
    On(Option<&'a Path>),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run(args),
        Command::Merge { parts, output } => merge(&parts, &output),
        Command::Text { file, repaired } => show_text(&file, repaired),
        Command::Eval { gold, output } => match eval::score(&gold, &output) {
            Ok(s) => print_out(&eval::render(&s))
                .err()
                .unwrap_or(ExitCode::SUCCESS),
            Err(e) => {
                note!("banli eval: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// Writes `text` to standard output. A closed pipe ends the program quietly
/// ([`BROKEN_PIPE`]); any other failure is reported (exit code 2).
fn print_out(text: &str) -> Result<(), ExitCode> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| output_failed(&e))
}

/// The exit code for a failed write to standard output (reported unless it is a closed pipe).
fn output_failed(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        ExitCode::from(BROKEN_PIPE)
    } else {
        note!("banli: standard output: {e}");
        ExitCode::from(2)
    }
}

/// A progress bar on a terminal's stderr (hidden with `quiet` or when stderr is no terminal).
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    }
    let b = ProgressBar::new(0);
    b.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    b
}

/// What the summary line says about files a walk did not take.
fn walk_skips(extension: usize, not_followed: usize, revisited: usize) -> String {
    let mut out = String::new();
    if extension > 0 {
        out.push_str(&format!(", {extension} files skipped by extension"));
    }
    if not_followed > 0 {
        out.push_str(&format!(
            ", {not_followed} symbolic links not followed (--follow)"
        ));
    }
    if revisited > 0 {
        out.push_str(&format!(", {revisited} links to something already read"));
    }
    out
}

fn summary(tally: &Tally, extra: &str, started: Instant) -> ExitCode {
    note!("{tally}{extra}, {:.2}s", started.elapsed().as_secs_f64());
    if tally.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run(a: RunArgs) -> ExitCode {
    run_inner(a).unwrap_or_else(|code| code)
}

fn run_inner(a: RunArgs) -> Result<ExitCode, ExitCode> {
    let started = Instant::now();
    // Locked and checked before any work, so that a busy or unwritable folder fails at once.
    let outdir = match &a.jsonl {
        Some(_) => None,
        None => {
            let out = a.output.as_deref().unwrap_or(Path::new("output"));
            Some(OutDir::open(out).map_err(|e| fail(format!("output: {e}")))?)
        }
    };
    if let Some(j) = a.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global()
            .map_err(|e| fail(format!("cannot set {j} threads: {e}")))?;
    }
    let mut review = if a.jsonl.is_some() || a.no_review {
        Review::Off
    } else {
        Review::On(a.review_template.as_deref())
    };
    let mut engine = pipeline::Engine::new()
        .map_err(|e| fail(format!("cannot build converters: {e}")))?
        .with_review(matches!(review, Review::On(_)));
    let bar = progress_bar(a.quiet);
    let opts = WalkOptions {
        follow: a.follow,
        max_file_size: a.max_file_size,
    };
    let skipped = Arc::new(Skipped::default());
    // The input: a list read lazily, or a corpus walked first.
    let (inputs, extra): (Inputs, String) = if a.files_from.is_some() {
        if !a.quiet && io::stderr().is_terminal() {
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} documents {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
        }
        (open_list(&a, Arc::clone(&skipped))?, String::new())
    } else {
        let walk = walk_corpus(&a, &opts)?;
        if matches!(review, Review::On(_)) && !a.review && walk.sources.len() > REVIEW_MAX_DOCS {
            note!(
                "banli run: {} documents: no review.html above {REVIEW_MAX_DOCS} (--review writes \
                 it anyway)",
                walk.sources.len()
            );
            review = Review::Off;
            engine = engine.with_review(false);
        }
        if let Some(outdir) = outdir {
            // The tables of a walked corpus: all documents at once.
            return Ok(run_walk_tables(
                walk, &engine, &opts, &bar, outdir, review, started,
            ));
        }
        bar.set_length((walk.sources.len() + walk.problems.len()) as u64);
        let extra = walk_skips(
            walk.skipped_extension,
            walk.links_not_followed,
            walk.links_revisited,
        );
        (Box::new(stream::walk_inputs(walk)), extra)
    };
    let on_each = |r: &Outcome| {
        bar.inc(1);
        if let Err(e) = r {
            bar.suspend(|| note!("banli: {e}"));
        }
    };
    let threads = rayon::current_num_threads();
    let (tally, result) = match (&a.jsonl, outdir) {
        (Some(path), _) => stream_jsonl(path, inputs, &engine, &a, threads, &on_each),
        (None, Some(outdir)) => {
            let mut sink = CollectSink::new(&on_each);
            let ran = stream::run(inputs, &engine, a.max_file_size, threads, &mut sink);
            bar.finish_and_clear();
            ran.map_err(|e| fail(format!("{}: {e}", list_name(&a))))?;
            write_tables(sink.records, sink.errors, outdir, review)
        }
        (None, None) => unreachable!("an output folder is opened whenever --jsonl is not given"),
    };
    bar.finish_and_clear();
    result?;
    if a.files_from.is_some() && tally.documents + tally.errors == 0 {
        note!(
            "banli run: {} named no file banli reads (.txt, .html, .htm and extension-less \
             files)",
            list_name(&a)
        );
    }
    Ok(summary(
        &tally,
        &format!("{extra}{}", skipped.describe()),
        started,
    ))
}

/// Inputs for stream mode.
type Inputs = Box<dyn Iterator<Item = io::Result<Input>> + Send>;

/// Says what went wrong on stderr; the exit code for a run that could not start or write.
fn fail(message: String) -> ExitCode {
    note!("banli run: {message}");
    ExitCode::from(2)
}

/// The list of `--files-from`, to be read lazily.
fn open_list(a: &RunArgs, skipped: Arc<Skipped>) -> Result<Inputs, ExitCode> {
    let sep = if a.null { 0 } else { b'\n' };
    let list = a.files_from.as_deref().unwrap_or(Path::new("-"));
    let reader: Box<dyn io::BufRead + Send> = if list == Path::new("-") {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let f = std::fs::File::open(list).map_err(|e| fail(format!("{}: {e}", list.display())))?;
        Box::new(BufReader::new(f))
    };
    Ok(Box::new(stream::list_inputs(reader, sep, a.shard, skipped)))
}

/// Walks CORPUS (and cuts the walk to the shard).
fn walk_corpus(a: &RunArgs, opts: &WalkOptions) -> Result<ingest::Walk, ExitCode> {
    let corpus = a.corpus.clone().unwrap_or_else(|| PathBuf::from("corpus"));
    let mut walk = ingest::walk(&corpus, opts)
        .map_err(|e| fail(format!("{}: ingest: {e}", corpus.display())))?;
    if walk.sources.is_empty() && walk.problems.is_empty() {
        note!(
            "banli run: no input files under {} (banli reads .txt, .html, .htm and \
             extension-less files)",
            corpus.display()
        );
    }
    for doc in &walk.links_outside {
        note!("banli: {doc}: symbolic link leads outside the corpus; followed (--follow)");
    }
    if let Some(shard) = a.shard {
        stream::shard_walk(&mut walk, shard);
    }
    Ok(walk)
}

fn list_name(a: &RunArgs) -> String {
    match &a.files_from {
        Some(p) if p == Path::new("-") => "standard input".into(),
        Some(p) => p.display().to_string(),
        None => "input".into(),
    }
}

/// Stream mode: one JSON line per input to `path` (`-`: standard output). A new or regular
/// file is written beside its name and renamed into place once complete; anything else (a
/// device such as `/dev/null`, a FIFO, a symbolic link) is written through as it is.
fn stream_jsonl(
    path: &Path,
    inputs: Inputs,
    engine: &pipeline::Engine,
    a: &RunArgs,
    threads: usize,
    on_each: &dyn Fn(&Outcome),
) -> (Tally, Result<(), ExitCode>) {
    let to_stdout = path == Path::new("-");
    let staged = !to_stdout
        && match std::fs::symlink_metadata(path) {
            Ok(m) => m.is_file(),
            Err(e) => e.kind() == io::ErrorKind::NotFound,
        };
    let tmp = path.with_file_name(format!(
        ".{}.banli-tmp",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    let target = if staged { &tmp } else { path };
    let stdout = io::stdout();
    let mut out: Box<dyn Write> = if to_stdout {
        Box::new(io::BufWriter::with_capacity(1 << 16, stdout.lock()))
    } else {
        match std::fs::File::create(target) {
            Ok(f) => Box::new(io::BufWriter::with_capacity(1 << 16, f)),
            Err(e) => {
                note!("banli run: {}: {e}", target.display());
                return (Tally::default(), Err(ExitCode::from(2)));
            }
        }
    };
    let mut sink = JsonlSink::new(&mut *out, on_each);
    let ran = stream::run(inputs, engine, a.max_file_size, threads, &mut sink);
    let tally = sink.tally;
    let ran = ran.and_then(|_| out.flush());
    drop(out);
    let failed = |code: ExitCode| {
        if staged {
            let _ = std::fs::remove_file(&tmp);
        }
        (tally, Err(code))
    };
    match ran {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            return failed(ExitCode::from(BROKEN_PIPE));
        }
        Err(e) => {
            note!("banli run: {e}");
            return failed(ExitCode::from(2));
        }
    }
    if staged && let Err(e) = std::fs::rename(&tmp, path) {
        note!("banli run: {}: {e}", path.display());
        return failed(ExitCode::from(2));
    }
    (tally, Ok(()))
}

/// Writes the tables of collected records (and review.html) into the output folder.
fn write_tables(
    records: Vec<banli::model::DocRecord>,
    errors: Vec<banli::model::DocError>,
    outdir: OutDir,
    review: Review,
) -> (Tally, Result<(), ExitCode>) {
    let mut c = match merge::collate(records, errors) {
        Ok(c) => c,
        Err(e) => {
            note!("banli: {e}");
            return (Tally::default(), Err(ExitCode::from(2)));
        }
    };
    if c.duplicates > 0 {
        note!("banli: {} duplicate records dropped", c.duplicates);
    }
    let tally = Tally::of(&c.records, &c.errors);
    let written = output::write_all(outdir.staging(), &mut c.records, &mut c.errors)
        .and_then(|()| match review {
            Review::Off => Ok(()),
            Review::On(template) => {
                review::write(outdir.staging(), &c.records, &c.errors, template)
            }
        })
        .map_err(|e| e.to_string())
        .and_then(|()| outdir.commit());
    if let Err(e) = written {
        note!("banli: output: {e}");
        return (tally, Err(ExitCode::from(2)));
    }
    (tally, Ok(()))
}

/// `banli run CORPUS -o OUT`: every document of the walk processed, then the tables.
fn run_walk_tables(
    walk: ingest::Walk,
    engine: &pipeline::Engine,
    opts: &WalkOptions,
    bar: &ProgressBar,
    outdir: OutDir,
    review: Review,
    started: Instant,
) -> ExitCode {
    let start = |n: usize| bar.set_length(n as u64);
    let tick = || bar.inc(1);
    let result = pipeline::run_walk(walk, engine, opts.max_file_size, &start, &tick);
    bar.finish_and_clear();
    for e in &result.errors {
        note!("banli: {e}");
    }
    let extra = walk_skips(
        result.skipped_extension,
        result.links_not_followed,
        result.links_revisited,
    );
    match write_tables(result.records, result.errors, outdir, review) {
        (tally, Ok(())) => summary(&tally, &extra, started),
        (_, Err(code)) => code,
    }
}

fn merge(parts: &[PathBuf], out: &Path) -> ExitCode {
    let started = Instant::now();
    let outdir = match OutDir::open(out) {
        Ok(o) => o,
        Err(e) => {
            note!("banli merge: output: {e}");
            return ExitCode::from(2);
        }
    };
    let c = match merge::read_parts(parts) {
        Ok(c) => c,
        Err(e) => {
            note!("banli merge: {e}");
            return ExitCode::from(2);
        }
    };
    let extra = if c.duplicates > 0 {
        format!(", {} duplicate records dropped", c.duplicates)
    } else {
        String::new()
    };
    // Records read back carry no text, so a merge writes no review.html.
    match write_tables(c.records, c.errors, outdir, Review::Off) {
        (tally, Ok(())) => summary(&tally, &format!("{extra}, {} parts", parts.len()), started),
        (_, Err(code)) => code,
    }
}

fn show_text(file: &Path, repaired: bool) -> ExitCode {
    let kind = ingest::kind_of(file).unwrap_or(ingest::Kind::Text);
    let source = ingest::Source {
        doc: String::new(),
        path: file.to_path_buf(),
        kind,
    };
    // Through ingest::read: a FIFO or device is refused rather than read forever.
    let result = ingest::read(&source, u64::MAX)
        .map_err(|e| format!("ingest: {e}"))
        .and_then(|bytes| {
            let engine = pipeline::Engine::new()?;
            if repaired {
                engine.repaired(&bytes, kind)
            } else {
                engine.normalised(&bytes, kind)
            }
        });
    match result {
        Ok((text, report)) => {
            if let Err(code) = print_out(&text) {
                return code;
            }
            note!(
                "repairs: {:?}; lost {}; restored {}",
                report.repairs,
                report.lost,
                report.restored
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            note!("banli text: {}: {e}", file.display());
            ExitCode::from(1)
        }
    }
}
