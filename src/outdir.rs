//! The output folder, written all at once and by one run at a time.
//!
//! [`OutDir::open`] takes an exclusive lock on `.NAME.banli-lock` beside the output folder
//! NAME (a second run on the same folder fails at once), and creates the staging folder
//! `.NAME.banli-tmp` beside it, so that a folder that cannot be written is known before any
//! document is processed. The tables are written into the staging folder, flushed to disk, and
//! [`OutDir::commit`] swaps it into place: on Linux with one atomic `renameat2(RENAME_EXCHANGE)`,
//! elsewhere (or where the file system refuses the exchange) with two renames through
//! `.NAME.banli-old`, which the next run puts back if a crash fell between them. So after a
//! crash or `kill -9` the folder holds the previous complete tables or the new complete ones,
//! never a mix.
//!
//! A folder that holds files banli did not write is refused rather than replaced, except
//! dot-files (such as `.gitkeep`), which are copied into the new folder.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// The files banli writes into an output folder.
pub const TABLES: [&str; 13] = [
    "documents.csv",
    "facts.csv",
    "topics.csv",
    "errors.csv",
    "comparison.csv",
    "panel.csv",
    "records.jsonl",
    "review.html",
    "banli.xlsx",
    // --format parquet
    "documents.parquet",
    "facts.parquet",
    "topics.parquet",
    "errors.parquet",
];

/// A locked output folder with its staging folder.
#[derive(Debug)]
pub struct OutDir {
    target: PathBuf,
    staging: PathBuf,
    old: PathBuf,
    /// Held (locked) until the value is dropped.
    _lock: File,
}

/// The lock file, staging folder and set-aside folder for output folder `target`.
pub fn side_paths(target: &Path) -> io::Result<(PathBuf, PathBuf, PathBuf, PathBuf)> {
    let target = if target.file_name().is_some() {
        target.to_path_buf()
    } else {
        // `.`, `..` or `/`: name the folder itself.
        fs::canonicalize(target)?
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::other("the output folder has no name"))?
        .to_string_lossy()
        .into_owned();
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let side = |suffix: &str| parent.join(format!(".{name}.{suffix}"));
    Ok((
        target.clone(),
        side("banli-lock"),
        side("banli-tmp"),
        side("banli-old"),
    ))
}

impl OutDir {
    /// Locks the output folder `target` and prepares its staging folder. Errors name the path.
    pub fn open(target: &Path) -> Result<OutDir, String> {
        let at = |p: &Path, e: io::Error| format!("{}: {e}", p.display());
        let (target, lock_path, staging, old) = side_paths(target).map_err(|e| at(target, e))?;
        if let Some(parent) = lock_path.parent() {
            fs::create_dir_all(parent).map_err(|e| at(parent, e))?;
        }
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| at(&lock_path, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(format!(
                    "{}: in use by another banli run (it holds {}); wait for it to finish",
                    target.display(),
                    lock_path.display()
                ));
            }
            Err(TryLockError::Error(e)) => return Err(at(&lock_path, e)),
        }
        // A crash between the two renames of a fallback commit: put the old tables back.
        if !target.exists() && old.is_dir() {
            fs::rename(&old, &target).map_err(|e| at(&old, e))?;
        }
        for leftover in [&staging, &old] {
            if leftover.exists() {
                fs::remove_dir_all(leftover).map_err(|e| at(leftover, e))?;
            }
        }
        let keep = if target.exists() {
            check_ours(&target)?
        } else {
            Vec::new()
        };
        fs::create_dir(&staging).map_err(|e| at(&staging, e))?;
        for name in keep {
            let from = target.join(&name);
            fs::copy(&from, staging.join(&name)).map_err(|e| at(&from, e))?;
        }
        Ok(OutDir {
            target,
            staging,
            old,
            _lock: lock,
        })
    }

    /// The folder to write the tables into.
    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// Flushes the staging folder to disk and swaps it into place.
    pub fn commit(self) -> Result<(), String> {
        let at = |p: &Path, e: io::Error| format!("{}: {e}", p.display());
        for entry in fs::read_dir(&self.staging).map_err(|e| at(&self.staging, e))? {
            let path = entry.map_err(|e| at(&self.staging, e))?.path();
            File::open(&path)
                .and_then(|f| f.sync_all())
                .map_err(|e| at(&path, e))?;
        }
        sync_dir(&self.staging);
        if self.target.exists() {
            if !exchange(&self.staging, &self.target) {
                fs::rename(&self.target, &self.old).map_err(|e| at(&self.target, e))?;
                fs::rename(&self.staging, &self.target).map_err(|e| at(&self.staging, e))?;
                fs::rename(&self.old, &self.staging).map_err(|e| at(&self.old, e))?;
            }
            // The staging name now holds the previous tables.
            fs::remove_dir_all(&self.staging).map_err(|e| at(&self.staging, e))?;
        } else {
            fs::rename(&self.staging, &self.target).map_err(|e| at(&self.staging, e))?;
        }
        if let Some(parent) = self.target.parent() {
            sync_dir(parent);
        }
        Ok(())
    }
}

impl Drop for OutDir {
    fn drop(&mut self) {
        // A run that stops before commit leaves no staging folder behind.
        let _ = fs::remove_dir_all(&self.staging);
    }
}

/// Refuses to replace a folder holding anything but banli's tables and dot-files (or a
/// non-folder); returns the dot-files, to be carried over.
fn check_ours(target: &Path) -> Result<Vec<std::ffi::OsString>, String> {
    if !target.is_dir() {
        return Err(format!("{}: exists and is not a folder", target.display()));
    }
    let entries = fs::read_dir(target).map_err(|e| format!("{}: {e}", target.display()))?;
    let mut keep = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", target.display()))?;
        let name = entry.file_name();
        let dot_file = name.as_encoded_bytes().starts_with(b".")
            && entry.file_type().is_ok_and(|t| t.is_file());
        if dot_file {
            keep.push(name);
        } else if !TABLES.iter().any(|t| name == *t) {
            return Err(format!(
                "{}: holds {}, which banli did not write; the whole folder is replaced on \
                 output, so choose a new or empty folder",
                target.display(),
                name.to_string_lossy()
            ));
        }
    }
    keep.sort();
    Ok(keep)
}

fn sync_dir(dir: &Path) {
    // Not every platform can open or sync a folder; the renames are what matter.
    if let Ok(f) = File::open(dir) {
        let _ = f.sync_all();
    }
}

/// Swaps two folders atomically; false where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both arguments are valid NUL-terminated paths that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    rc == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}
