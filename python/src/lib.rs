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
use arrow_array::{RecordBatch, RecordBatchIterator};
use banli::batches;
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

/// One of banli's typed record batches ([`banli::batches`]) as a Python Table.
fn table(batch: Result<RecordBatch, arrow_schema::ArrowError>) -> PyResult<Table> {
    let batch = batch.map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    Ok(Table { batch })
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
    out.set_item("documents", table(batches::documents(&records))?)?;
    out.set_item("facts", table(batches::facts(&records))?)?;
    out.set_item("topics", table(batches::topics(&records))?)?;
    out.set_item("errors", table(batches::errors(&errs))?)?;
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
