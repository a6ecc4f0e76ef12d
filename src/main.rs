//! The `banli` command line: `banli run` (tables, or JSON Lines with `--jsonl`), `banli merge`,
//! `banli text` and `banli eval`.

use banli::corrections::{self, Corrections};
use banli::filelist::{Shard, Skipped};
use banli::ingest::{self, WalkOptions};
use banli::outdir::OutDir;
use banli::stream::{self, CollectSink, Input, JsonlSink, Outcome};
use banli::tally::Tally;
use banli::walker::{WalkCounts, Walker};
use banli::{agree, eval, merge, pipeline};
use std::sync::atomic::Ordering;

mod args;
use args::{Cli, Command, Format, RunArgs};
use clap::Parser;
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

mod folder;
use folder::{Extras, REVIEW_MAX_DOCS, Review};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run(args),
        Command::Merge {
            parts,
            output,
            no_xlsx,
            format,
        } => merge(&parts, &output, !no_xlsx, format),
        Command::Text { file, repaired } => show_text(&file, repaired),
        Command::Eval {
            gold,
            output,
            coders,
        } => {
            let scored = match (coders.as_deref(), gold) {
                (Some([a, b]), _) => agree::score(a, b).map(|s| agree::render(&s)),
                (_, Some(gold)) => eval::score(&gold, &output).map(|s| eval::render(&s)),
                _ => Err("give a gold folder, or --coders A B".into()),
            };
            match scored {
                Ok(text) => print_out(&text).err().unwrap_or(ExitCode::SUCCESS),
                Err(e) => {
                    note!("banli eval: {e}");
                    ExitCode::from(2)
                }
            }
        }
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
    folder::format_available(a.format).map_err(fail)?;
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
    let fixes = match &a.corrections {
        Some(path) => Some(Arc::new(
            Corrections::load(path).map_err(|e| fail(format!("corrections: {e}")))?,
        )),
        None => None,
    };
    let log = fixes.as_deref().map(corrections::Log::new);
    let log = log.as_ref();
    let mut engine = engine(a.system_opencc.as_deref())
        .map_err(|e| fail(format!("cannot build converters: {e}")))?
        .with_review(matches!(review, Review::On(_)))
        .with_corrections(fixes.clone())
        .with_repair_budget(a.repair_budget);
    let bar = progress_bar(a.quiet);
    let opts = WalkOptions {
        follow: a.follow,
        max_file_size: a.max_file_size,
    };
    let skipped = Arc::new(Skipped::default());
    // The input: a list read lazily, a corpus walked lazily, or (with --follow) walked first.
    let mut walked: Option<(Arc<WalkCounts>, PathBuf)> = None;
    // A walk gives its files in key order, so their tables can be written as they pass.
    let mut in_key_order = false;
    let (inputs, extra): (Inputs, String) = if a.files_from.is_some() {
        spinner(&bar, a.quiet);
        (open_list(&a, Arc::clone(&skipped))?, String::new())
    } else if !a.follow {
        let corpus = a.corpus.clone().unwrap_or_else(|| PathBuf::from("corpus"));
        let walker = Walker::new(&corpus, &opts)
            .map_err(|e| fail(format!("{}: ingest: {e}", corpus.display())))?;
        walked = Some((Arc::clone(&walker.counts), corpus));
        in_key_order = true;
        spinner(&bar, a.quiet);
        (
            Box::new(stream::walker_inputs(walker, a.shard)),
            String::new(),
        )
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
        bar.set_length((walk.sources.len() + walk.problems.len()) as u64);
        let extra = walk_skips(
            walk.skipped_extension,
            walk.links_not_followed,
            walk.links_revisited,
        );
        in_key_order = true;
        (Box::new(stream::walk_inputs(walk)), extra)
    };
    let on_each = |r: &Outcome| {
        bar.inc(1);
        if let Err(e) = r {
            bar.suspend(|| note!("banli: {e}"));
        }
        for m in log.map(|l| l.see(r)).unwrap_or_default() {
            bar.suspend(|| note!("banli: {m}"));
        }
    };
    let threads = rayon::current_num_threads();
    let (tally, result) = match (&a.jsonl, outdir) {
        (Some(path), _) => stream_jsonl(path, inputs, &engine, &a, threads, &on_each),
        (None, Some(outdir)) if in_key_order => {
            // The tables of a walked corpus, written as documents pass.
            let extras = Extras {
                review,
                xlsx: !a.no_xlsx,
                format: a.format,
            };
            let keep_at_most = if a.review {
                usize::MAX
            } else {
                REVIEW_MAX_DOCS
            };
            let max = a.max_file_size;
            folder::stream_tables(
                inputs,
                (&engine, max, threads),
                outdir,
                extras,
                keep_at_most,
                &on_each,
            )
        }
        (None, Some(outdir)) => {
            let mut sink = CollectSink::new(&on_each);
            let ran = stream::run(inputs, &engine, a.max_file_size, threads, &mut sink);
            bar.finish_and_clear();
            ran.map_err(|e| fail(format!("{}: {e}", list_name(&a))))?;
            let extras = Extras {
                review,
                xlsx: !a.no_xlsx,
                format: a.format,
            };
            folder::write_tables(sink.records, sink.errors, outdir, extras)
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
    let mut extra = extra;
    if let Some((counts, corpus)) = walked {
        if tally.documents + tally.errors == 0 && a.shard.is_none() {
            note!(
                "banli run: no input files under {} (banli reads .txt, .html, .htm and \
                 extension-less files)",
                corpus.display()
            );
        }
        extra = walk_skips(
            counts.skipped_extension.load(Ordering::Relaxed),
            counts.links_not_followed.load(Ordering::Relaxed),
            0,
        );
    }
    let fixed = log.map(|l| finish_log(l, a.shard)).unwrap_or_default();
    Ok(summary(
        &tally,
        &format!("{extra}{}{fixed}", skipped.describe()),
        started,
    ))
}

/// Reports the documents corrections name that the run did not read (in its shard); the
/// corrections' part of the summary line.
fn finish_log(log: &corrections::Log, shard: Option<Shard>) -> String {
    for m in log.unseen(|doc| shard.is_none_or(|s| s.takes(doc))) {
        note!("banli: {m}");
    }
    log.summary()
}

/// A counter of documents in place of a bar, for inputs whose number is not known in advance.
fn spinner(bar: &ProgressBar, quiet: bool) {
    if !quiet && io::stderr().is_terminal() {
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
    }
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

/// The engine, over the built-in OpenCC or (`--system-opencc CONFIG`) the system's.
fn engine(system_opencc: Option<&str>) -> Result<pipeline::Engine, String> {
    let Some(config) = system_opencc else {
        return pipeline::Engine::new();
    };
    #[cfg(feature = "system-opencc")]
    {
        let cc = banli::script::Converters::system(config)?;
        Ok(pipeline::Engine::with_converters(cc))
    }
    #[cfg(not(feature = "system-opencc"))]
    {
        let _ = config;
        Err(
            "--system-opencc: this banli was built without the `system-opencc` feature \
             (cargo build --release --features system-opencc, with libopencc-dev installed)"
                .into(),
        )
    }
}

fn merge(parts: &[PathBuf], out: &Path, xlsx: bool, format: Format) -> ExitCode {
    let started = Instant::now();
    if let Err(e) = folder::format_available(format) {
        note!("banli merge: {e}");
        return ExitCode::from(2);
    }
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
    let extras = Extras {
        review: Review::Off,
        xlsx,
        format,
    };
    match folder::write_tables(c.records, c.errors, outdir, extras) {
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
                "repairs: {:?}; lost {}; restored {}; work {} units{}",
                report.repairs,
                report.lost,
                report.restored,
                report.work,
                if report.budget_spent {
                    " (budget spent)"
                } else {
                    ""
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            note!("banli text: {}: {e}", file.display());
            ExitCode::from(1)
        }
    }
}
