//! The command line's arguments (of the `banli` binary; not part of the library).

use banli::filelist::Shard;
use banli::ingest;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "banli",
    version,
    about = "Handling reports of deputy suggestions and CPPCC proposals, as tables"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// Write no banli.xlsx.
        #[arg(long)]
        no_xlsx: bool,
        /// The format of the record tables (documents, facts, topics, errors).
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
    },
    /// Print the normalised text banli extracts from (decoded, repaired, simplified).
    Text {
        /// The file to show.
        file: PathBuf,
        /// Stop after the repair stage: no width folding, no script conversion.
        #[arg(long)]
        repaired: bool,
    },
    /// Score OUTPUT against a gold set (gold_docs.csv, gold_facts.csv, gold_topics.csv), or
    /// one coder's facts against another's (--coders A B): agreement F1 per measure.
    Eval {
        /// Folder holding the gold CSV files.
        #[arg(required_unless_present = "coders")]
        gold: Option<PathBuf>,
        /// Folder holding documents.csv, facts.csv and topics.csv.
        #[arg(default_value = "output")]
        output: PathBuf,
        /// Inter-coder agreement of two coders, A and B: each an output folder or facts.csv
        /// of a run with that coder's --corrections (agreement on every fact), or each a
        /// corrections.csv (agreement on the corrections alone).
        #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "gold")]
        coders: Option<Vec<PathBuf>>,
    },
}

#[derive(Args)]
pub struct RunArgs {
    /// Folder of reports (or one file) [default: corpus].
    #[arg(conflicts_with = "files_from")]
    pub corpus: Option<PathBuf>,
    /// Read the paths to process from FILE (`-`: standard input), one a line; each path as
    /// written is its document key.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// The list of --files-from is separated by NUL bytes (find -print0), not lines.
    #[arg(short = '0', long, requires = "files_from")]
    pub null: bool,
    /// Write one JSON record per document to FILE (`-`: standard output), in input order,
    /// instead of the tables.
    #[arg(long, value_name = "FILE", conflicts_with = "output")]
    pub jsonl: Option<PathBuf>,
    /// Take only the I-th of N stable shares of the input (by a hash of the document key).
    #[arg(long, value_name = "I/N", value_parser = Shard::parse)]
    pub shard: Option<Shard>,
    /// Folder the CSV tables are written to (created if missing) [default: output].
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Worker threads (default: one per core). Output is identical for every value.
    #[arg(short = 'j', long)]
    pub jobs: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Follow symbolic links (each folder is walked once; links leaving CORPUS are
    /// followed and reported). Without it links are skipped and counted.
    #[arg(short = 'L', long, conflicts_with = "files_from")]
    pub follow: bool,
    /// Larger files get an error row instead of being read (e.g. 1000, 64K, 100M, 2G).
    #[arg(long, default_value = "256M", value_parser = ingest::parse_size)]
    pub max_file_size: u64,
    /// Write no review.html (for very large corpora: it embeds up to 20,000 characters of
    /// each text, and each text is kept in memory until the end of the run).
    #[arg(long)]
    pub no_review: bool,
    /// Render review.html with this minijinja template instead of the built-in one
    /// (a copy of templates/review.html.j2, edited).
    #[arg(long, value_name = "FILE", conflicts_with = "no_review")]
    pub review_template: Option<PathBuf>,
    /// Write review.html even for a corpus of more than 5,000 documents.
    #[arg(long, conflicts_with = "no_review")]
    pub review: bool,
    /// Apply a researcher's corrections (the corrections.csv review.html downloads) on top
    /// of extraction; facts.csv says `source` = corrected for the facts they change or add.
    #[arg(long, value_name = "FILE")]
    pub corrections: Option<PathBuf>,
    /// Write no banli.xlsx (the workbook of the tables).
    #[arg(long)]
    pub no_xlsx: bool,
    /// Convert traditional → simplified with the system's libopencc and CONFIG (`t2s.json`,
    /// OpenCC's own, or the path of your own OpenCC configuration) instead of the built-in
    /// OpenCC. Needs a banli built with the `system-opencc` feature.
    #[arg(long, value_name = "CONFIG")]
    pub system_opencc: Option<String>,
    /// The format of the record tables (documents, facts, topics, errors): CSV, Parquet
    /// (zstd, typed columns; documents.csv, facts.csv and topics.csv are then not written), or
    /// both.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Units of work the repair stage may spend restoring one document's lost characters
    /// (candidates scored); past it they stay lost and the document is warned. Counted in
    /// work, not time, so output is the same on every machine.
    #[arg(long, value_name = "UNITS", default_value_t = banli::repair::budget::DEFAULT_REPAIR_BUDGET)]
    pub repair_budget: u64,
}

/// The format of the record tables.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// CSV (UTF-8 with BOM), as spreadsheets read it.
    Csv,
    /// Parquet, zstd-compressed, typed columns; errors.csv is kept as well.
    Parquet,
    /// Both.
    Both,
}
