//! banli's Python module (`banli._banli`, re-exported by `banli/__init__.py`).
//!
//! `run(paths_or_folder, threads=None)` runs banli's pipeline and returns its tables
//! (documents, facts, topics, errors) as Arrow record batches. Each is a [`Table`] that offers
//! the Arrow PyCapsule interface (`__arrow_c_stream__`, `__arrow_c_schema__`), so
//! `pyarrow.table(t)`, `polars.DataFrame(t)` and `pandas.DataFrame.from_arrow(t)` take the
//! Arrow buffers as they are, with no Python object per value. A folder is walked as
//! `banli run FOLDER` walks it (document keys relative to it); a file or a list of files is
//! read as `banli run --files-from` reads a list (keys as given). Rows, order and values are
//! those of the CSV tables, without the CSV's spreadsheet quoting (see `output.rs`).
//! `text(path)` is `banli text PATH`.

use arrow_array::ffi::FFI_ArrowSchema;
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{
    ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, RecordBatchIterator,
    StringArray, UInt16Array, UInt32Array,
};
use arrow_schema::{Field, Schema};
use banli::ingest::{self, DEFAULT_MAX_FILE_SIZE, WalkOptions};
use banli::model::{DocError, DocRecord};
use banli::pipeline::{self, Engine};
use banli::stream::{self, CollectSink};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// The converters and segmenter, built once per process (they take most of banli's start-up).
fn engine() -> PyResult<&'static Engine> {
    static ENGINE: OnceLock<Result<Engine, String>> = OnceLock::new();
    ENGINE
        .get_or_init(Engine::new)
        .as_ref()
        .map_err(|e| PyRuntimeError::new_err(e.clone()))
}

/// One of banli's tables: a single Arrow record batch.
#[pyclass(frozen, module = "banli")]
struct Table {
    batch: RecordBatch,
}

#[pymethods]
impl Table {
    /// The Arrow C stream of this table (the Arrow PyCapsule interface). `requested_schema`
    /// is ignored: the columns have one type each, as the interface allows.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = RecordBatchIterator::new([Ok(self.batch.clone())], self.batch.schema());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// The schema alone, as an Arrow C schema capsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.batch.schema().as_ref())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        let schema = self.batch.schema();
        schema.fields().iter().map(|f| f.name().clone()).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "banli.Table({} rows: {})",
            self.batch.num_rows(),
            self.column_names().join(", ")
        )
    }
}

/// Builds a batch from (name, nullable, column) triples.
fn batch(columns: Vec<(&str, bool, ArrayRef)>) -> PyResult<Table> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, nullable, a)| Field::new(*name, a.data_type().clone(), *nullable))
        .collect();
    let arrays = columns.into_iter().map(|(_, _, a)| a).collect();
    let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    Ok(Table { batch })
}

fn strings<'a>(values: impl Iterator<Item = &'a str>) -> ArrayRef {
    Arc::new(StringArray::from_iter_values(values))
}

fn ints(values: impl Iterator<Item = usize>) -> ArrayRef {
    Arc::new(values.map(|v| v as i64).collect::<Int64Array>())
}

fn documents(records: &[DocRecord]) -> PyResult<Table> {
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
        (
            "is_report",
            false,
            Arc::new(
                rs().map(|r| Some(r.meta.is_report))
                    .collect::<BooleanArray>(),
            ),
        ),
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
            strings(rs().map(|r| banli::divisions::code(&r.meta.region, &r.meta.level))),
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

fn facts(records: &[DocRecord]) -> PyResult<Table> {
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
        (
            "repaired",
            false,
            Arc::new(
                fs().map(|(_, f)| Some(f.repaired))
                    .collect::<BooleanArray>(),
            ),
        ),
        // extracted, or corrected by a researcher (`--corrections` on the CLI).
        (
            "source",
            false,
            strings(fs().map(|(_, f)| f.source.as_str())),
        ),
    ])
}

fn topics(records: &[DocRecord]) -> PyResult<Table> {
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

fn errors(errors: &[DocError]) -> PyResult<Table> {
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

/// What to read: one folder to walk, or a list of files.
enum Input {
    Folder(PathBuf),
    Files(Vec<PathBuf>),
}

fn input(arg: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(path) = arg.extract::<PathBuf>() {
        return Ok(if path.is_dir() {
            Input::Folder(path)
        } else {
            Input::Files(vec![path])
        });
    }
    let paths: Vec<PathBuf> = arg.extract().map_err(|_| {
        PyValueError::new_err("paths_or_folder: a folder, a file or a list of files")
    })?;
    Ok(Input::Files(paths))
}

/// Runs the pipeline on `threads` workers; the results sorted as the tables sort them.
fn process(input: Input, threads: usize) -> PyResult<(Vec<DocRecord>, Vec<DocError>)> {
    let engine = engine()?;
    let (mut records, mut errors) = match input {
        Input::Folder(folder) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
            let opts = WalkOptions::default();
            let run = pool.install(|| pipeline::run(&folder, engine, &opts, &|_| {}, &|| {}));
            let run = run.map_err(PyOSError::new_err)?;
            (run.records, run.errors)
        }
        Input::Files(paths) => {
            // The paths as a NUL-separated list, read as `--files-from LIST -0` reads one.
            let mut list = Vec::new();
            for p in paths {
                list.extend_from_slice(p.as_os_str().as_encoded_bytes());
                list.push(0);
            }
            let skipped = Arc::new(Default::default());
            let inputs = stream::list_inputs(std::io::Cursor::new(list), 0, None, skipped);
            let no_log = |_: &stream::Outcome| {};
            let mut sink = CollectSink::new(&no_log);
            stream::run(inputs, engine, DEFAULT_MAX_FILE_SIZE, threads, &mut sink)?;
            (sink.records, sink.errors)
        }
    };
    banli::output::order(&mut records, &mut errors);
    Ok((records, errors))
}

/// Runs banli over a folder (walked as `banli run FOLDER`), a file or a list of files (read as
/// `banli run --files-from`), on `threads` threads (default: one per core). Returns a dict of
/// Tables: documents, facts, topics, errors. The GIL is released while it runs.
#[pyfunction]
#[pyo3(signature = (paths_or_folder, threads=None))]
fn run<'py>(
    py: Python<'py>,
    paths_or_folder: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let input = input(paths_or_folder)?;
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let (records, errs) = py.detach(|| process(input, threads))?;
    let out = PyDict::new(py);
    out.set_item("documents", documents(&records)?)?;
    out.set_item("facts", facts(&records)?)?;
    out.set_item("topics", topics(&records)?)?;
    out.set_item("errors", errors(&errs)?)?;
    Ok(out)
}

/// The normalised text banli extracts from (decoded, repaired, simplified), as `banli text`.
/// Fact offsets count characters of the decoded original, not of this text.
#[pyfunction]
fn text(py: Python<'_>, path: PathBuf) -> PyResult<String> {
    py.detach(|| {
        let bytes = std::fs::read(&path)
            .map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))?;
        let kind = ingest::kind_of(&path).unwrap_or(ingest::Kind::Text);
        let (text, _) = engine()?
            .normalised(&bytes, kind)
            .map_err(|e| PyValueError::new_err(format!("{}: {e}", path.display())))?;
        Ok(text)
    })
}

#[pymodule]
fn _banli(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Table>()?;
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(text, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
