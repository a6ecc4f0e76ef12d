//! The corpus walk as a lazy iterator, in document-key order, for corpora of any size.
//!
//! [`crate::ingest::walk`] lists the whole tree and sorts it before the first file is read,
//! which holds every path in memory. [`Walker`] yields the same files and error rows in the
//! same order (the byte order of the document keys) while holding only the entries of the
//! folders on its current path: each folder is listed and sorted when it is entered, a
//! subfolder sorting as its name followed by `/`, which is where its files' keys fall among
//! its siblings' (`a.txt` < `a/b.txt` < `a0.txt`).
//!
//! It walks without following symbolic links (the default, as in ripgrep); with `--follow`,
//! whose rule that a file reached both ways keeps its real path needs the whole tree first,
//! the eager walk is used. Its rules are otherwise those of [`crate::ingest`]: hidden entries
//! skipped, links counted and, where named like a document, given an error row; special
//! files and files above the size limit given error rows; a folder that cannot be listed
//! given an error row; each folder entered once.

use crate::ingest::Source;
use crate::ingest::{FileId, Kind, WalkOptions, escape_name, file_id, judge_file, kind_of};
use std::collections::HashSet;
use std::fs::{self, Metadata};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What the walk finds, in document-key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A file to read.
    File(Source),
    /// A path that becomes an error row (stage ingest): its key and the message.
    Problem(String, String),
}

/// Counts of what the walk passed over, complete once the walker is exhausted.
#[derive(Debug, Default)]
pub struct WalkCounts {
    /// Files skipped for their extension.
    pub skipped_extension: AtomicUsize,
    /// Symbolic links not followed.
    pub links_not_followed: AtomicUsize,
}

impl WalkCounts {
    fn bump(counter: &AtomicUsize) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// One entry of a listed folder.
enum Entry {
    Dir { path: PathBuf, id: FileId },
    Found(Found),
}

/// A folder being walked: its key and its entries still to visit, in reverse order.
struct Frame {
    key: String,
    rest: Vec<Entry>,
}

/// The lazy walk (see the module documentation).
pub struct Walker {
    opts: WalkOptions,
    stack: Vec<Frame>,
    visited: HashSet<FileId>,
    /// What was passed over, shared with whoever reports it.
    pub counts: Arc<WalkCounts>,
}

/// The key of an error row about a folder found while walking inside it: the folder's key
/// and `/`, which sorts before everything in it and after everything before it.
fn folder_key(key: &str) -> String {
    if key.is_empty() {
        String::new()
    } else {
        format!("{key}/")
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

impl Walker {
    /// Starts a walk of `root` (a folder, or a single file). Only a missing or unreadable
    /// `root` is an error.
    pub fn new(root: &Path, opts: &WalkOptions) -> std::io::Result<Walker> {
        let meta = fs::metadata(root)?;
        let mut w = Walker {
            opts: *opts,
            stack: Vec::new(),
            visited: HashSet::new(),
            counts: Arc::new(WalkCounts::default()),
        };
        if !meta.is_dir() {
            let key = root.file_name().map(escape_name).unwrap_or_default();
            let kind = kind_of(root).unwrap_or(Kind::Text);
            let found = w.take_file(key, root.to_path_buf(), kind, &meta);
            w.stack.push(Frame {
                key: String::new(),
                rest: vec![Entry::Found(found)],
            });
            return Ok(w);
        }
        fs::read_dir(root)?;
        w.visited.insert(file_id(root, &meta));
        let frame = w.list(String::new(), root);
        w.stack.push(frame);
        Ok(w)
    }

    /// A file (or what stands where a file was expected): a source, or an error row.
    fn take_file(&self, key: String, path: PathBuf, kind: Kind, meta: &Metadata) -> Found {
        match judge_file(key, path, kind, meta, self.opts.max_file_size) {
            Ok(source) => Found::File(source),
            Err((key, message)) => Found::Problem(key, message),
        }
    }

    /// Lists the folder `dir` (key `key`) into a frame, its entries sorted by key.
    fn list(&mut self, key: String, dir: &Path) -> Frame {
        let mut sorted: Vec<(String, Entry)> = Vec::new();
        let rd = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                // Listed a moment ago by its parent: the folder changed since. Its row sorts
                // after what its parent placed before it.
                let problem = Found::Problem(folder_key(&key), format!("cannot list folder: {e}"));
                return Frame {
                    key,
                    rest: vec![Entry::Found(problem)],
                };
            }
        };
        for entry in rd {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let problem = Found::Problem(folder_key(&key), format!("cannot list: {e}"));
                    sorted.push((String::new(), Entry::Found(problem)));
                    continue;
                }
            };
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let child = join(&key, &escape_name(&name));
            let path = entry.path();
            let lmeta = match fs::symlink_metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    let problem = Found::Problem(child.clone(), format!("cannot stat: {e}"));
                    sorted.push((child, Entry::Found(problem)));
                    continue;
                }
            };
            if lmeta.file_type().is_symlink() {
                WalkCounts::bump(&self.counts.links_not_followed);
                // A link named like a document is one the user may have meant: say so in the
                // errors table rather than only in the summary.
                if kind_of(&path).is_some() && fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                    let message = "symbolic link not followed (--follow reads it)".to_string();
                    sorted.push((child.clone(), Entry::Found(Found::Problem(child, message))));
                }
            } else if lmeta.is_dir() {
                let id = file_id(&path, &lmeta);
                if self.visited.contains(&id) {
                    continue;
                }
                // A folder that cannot be listed is an error row at its own key.
                match fs::read_dir(&path) {
                    Ok(_) => sorted.push((format!("{child}/"), Entry::Dir { path, id })),
                    Err(e) => {
                        let message = format!("cannot list folder: {e}");
                        sorted.push((child.clone(), Entry::Found(Found::Problem(child, message))));
                    }
                }
            } else if let Some(kind) = kind_of(&path) {
                let found = self.take_file(child.clone(), path, kind, &lmeta);
                sorted.push((child, Entry::Found(found)));
            } else {
                WalkCounts::bump(&self.counts.skipped_extension);
            }
        }
        // Listing errors (no key of their own) first, then by key; reversed for popping.
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        Frame {
            key,
            rest: sorted.into_iter().rev().map(|(_, e)| e).collect(),
        }
    }
}

impl Iterator for Walker {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let frame = self.stack.last_mut()?;
            let Some(entry) = frame.rest.pop() else {
                self.stack.pop();
                continue;
            };
            match entry {
                Entry::Found(found) => return Some(found),
                Entry::Dir { path, id } => {
                    if !self.visited.insert(id) {
                        continue;
                    }
                    let name = path.file_name().map(escape_name).unwrap_or_default();
                    let key = join(&frame.key, &name);
                    let frame = self.list(key, &path);
                    self.stack.push(frame);
                }
            }
        }
    }
}
