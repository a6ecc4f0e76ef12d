//! The `banli` command line: `banli run` and `banli eval`.

use banli::ingest::{self, WalkOptions};
use banli::outdir::OutDir;
use banli::{eval, output, pipeline, review};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

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
    /// Process every .txt, .html/.htm and extension-less file under CORPUS (recursively).
    Run {
        /// Folder of reports (or one file).
        #[arg(default_value = "corpus")]
        corpus: PathBuf,
        /// Folder the CSV tables are written to (created if missing).
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
        /// Worker threads (default: one per core). Output is identical for every value.
        #[arg(short = 'j', long)]
        jobs: Option<usize>,
        /// No progress bar.
        #[arg(short, long)]
        quiet: bool,
        /// Follow symbolic links (each folder is walked once; links leaving CORPUS are
        /// followed and reported). Without it links are skipped and counted.
        #[arg(short = 'L', long)]
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run {
            corpus,
            output,
            jobs,
            quiet,
            follow,
            max_file_size,
            no_review,
            review_template,
        } => {
            let opts = WalkOptions {
                follow,
                max_file_size,
            };
            let review = Review {
                on: !no_review,
                template: review_template,
            };
            run(corpus, output, jobs, quiet, opts, review)
        }
        Command::Text { file, repaired } => show_text(&file, repaired),
        Command::Eval { gold, output } => match eval::score(&gold, &output) {
            Ok(s) => {
                print!("{}", eval::render(&s));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("banli eval: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// Whether `banli run` writes review.html, and from which template (`None`: the built-in one).
struct Review {
    on: bool,
    template: Option<PathBuf>,
}

fn run(
    corpus: PathBuf,
    out: PathBuf,
    jobs: Option<usize>,
    quiet: bool,
    opts: WalkOptions,
    review: Review,
) -> ExitCode {
    let started = Instant::now();
    // Locked and checked before any work, so that a busy or unwritable folder fails at once.
    let outdir = match OutDir::open(&out) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("banli run: output: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(j) = jobs
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global()
    {
        eprintln!("banli run: cannot set {j} threads: {e}");
        return ExitCode::from(2);
    }
    let engine = match pipeline::Engine::new() {
        Ok(e) => e.with_review(review.on),
        Err(e) => {
            eprintln!("banli run: cannot build converters: {e}");
            return ExitCode::from(2);
        }
    };
    let bar = if quiet || !std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
    } else {
        let b = ProgressBar::new(0);
        b.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    };
    let start = |n: usize| bar.set_length(n as u64);
    let tick = || bar.inc(1);
    let result = match pipeline::run(&corpus, &engine, &opts, &start, &tick) {
        Ok(r) => r,
        Err(e) => {
            bar.finish_and_clear();
            eprintln!("banli run: {e}");
            return ExitCode::from(2);
        }
    };
    bar.finish_and_clear();
    for e in &result.errors {
        eprintln!("banli: {e}");
    }
    for doc in &result.links_outside {
        eprintln!("banli: {doc}: symbolic link leads outside the corpus; followed (--follow)");
    }
    let written = output::write_all(outdir.staging(), &result.records, &result.errors)
        .and_then(|()| {
            if !review.on {
                return Ok(());
            }
            let template = review.template.as_deref();
            review::write(outdir.staging(), &result.records, &result.errors, template)
        })
        .map_err(|e| e.to_string())
        .and_then(|()| outdir.commit());
    if let Err(e) = written {
        eprintln!("banli run: output: {e}");
        return ExitCode::from(2);
    }
    let facts: usize = result.records.iter().map(|r| r.facts.len()).sum();
    let checks: usize = result
        .records
        .iter()
        .map(|r| {
            r.warnings
                .iter()
                .filter(|w| w.starts_with("check:"))
                .count()
        })
        .sum();
    if result.records.is_empty() && result.errors.is_empty() {
        eprintln!(
            "banli run: no input files under {} (banli reads .txt, .html, .htm and \
             extension-less files)",
            corpus.display()
        );
    }
    let mut skipped = Vec::new();
    if result.skipped_extension > 0 {
        skipped.push(format!(
            "{} files skipped by extension",
            result.skipped_extension
        ));
    }
    if result.links_not_followed > 0 {
        skipped.push(format!(
            "{} symbolic links not followed (--follow)",
            result.links_not_followed
        ));
    }
    if result.links_revisited > 0 {
        skipped.push(format!(
            "{} links to something already read",
            result.links_revisited
        ));
    }
    let skipped: String = skipped.iter().map(|s| format!(", {s}")).collect();
    eprintln!(
        "{} documents, {} facts, {} check warnings, {} errors{skipped}, {:.2}s",
        result.records.len(),
        facts,
        checks,
        result.errors.len(),
        started.elapsed().as_secs_f64()
    );
    if result.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn show_text(file: &std::path::Path, repaired: bool) -> ExitCode {
    let kind = banli::ingest::kind_of(file).unwrap_or(banli::ingest::Kind::Text);
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
            print!("{text}");
            eprintln!(
                "repairs: {:?}; lost {}; restored {}",
                report.repairs, report.lost, report.restored
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("banli text: {}: {e}", file.display());
            ExitCode::from(1)
        }
    }
}
