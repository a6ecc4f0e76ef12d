//! banli turns a folder of Chinese handling-summary reports (how government bodies handled
//! people's congress deputy suggestions and CPPCC proposals) into comparable tables.
//!
//! Data flows through stages, one module each:
//! [`ingest`] → [`decode`] → [`repair`] → [`script`] → [`segment`] → [`extract`] → [`output`]
//! (and [`review`], the page for checking the facts by eye).
//! Every extracted fact keeps the clause it came from and its character offsets in the decoded
//! original. [`stream`] runs the same pipeline over a list of paths and writes one JSON line
//! per document ([`jsonl`]); [`merge`] makes such parts into the tables of one run.
//! [`corrections`] applies a researcher's corrections to the facts of each document,
//! [`xlsx`] writes the tables as one workbook, and [`agree`] scores two coders' agreement.
//!
//! ```
//! let engine = banli::pipeline::Engine::new().unwrap();
//! let text = "2019年,市人社局共承辦政協提案19件,辦復率100%。";
//! let rec = engine
//!     .process_bytes("a.txt", text.as_bytes(), banli::ingest::Kind::Text)
//!     .unwrap();
//! let total = rec.facts.iter().find(|f| f.measure == banli::model::Measure::Total).unwrap();
//! assert_eq!(total.value, 19.0);
//! assert_eq!(total.evidence, "市人社局共承辦政協提案19件");
//! ```
#![deny(missing_docs)]

pub mod agree;
#[cfg(feature = "arrow")]
pub mod batches;
#[cfg(feature = "parquet")]
pub mod columnar;
pub mod comparison;
pub mod corrections;
pub mod decode;
pub mod divisions;
pub mod eval;
pub mod extract;
pub mod filelist;
pub mod ingest;
pub mod jsonl;
pub mod merge;
pub mod model;
pub mod ordered;
pub mod outdir;
pub mod output;
pub mod pipeline;
pub mod repair;
pub mod review;
pub mod script;
pub mod segment;
pub mod stream;
pub mod tables;
pub mod tally;
pub mod text;
pub mod walker;
pub mod xlsx;
