//! Stage 1: find the input files under a corpus folder and read their bytes.
//!
//! The walk is deterministic (entries sorted by name) and safe on hostile trees:
//! - symbolic links are not followed unless [`WalkOptions::follow`] is set (as in ripgrep);
//!   links left alone are counted. With `follow`, every folder is entered once, judged by its
//!   (device, inode) pair, so link loops end; a linked file whose target was already taken is
//!   skipped; links that lead outside the corpus are followed and reported.
//! - only regular files are read: a FIFO, socket or device gets an error row instead;
//! - files above [`WalkOptions::max_file_size`] get an error row instead of being read;
//! - file names that are not UTF-8 keep their bytes as `\xNN` escapes (and `\` is written `\\`),
//!   so two different names never share a document key.

use std::collections::{HashSet, VecDeque};
use std::ffi::OsStr;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The kind of markup a file holds, judged by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text (`.txt` or no extension).
    Text,
    /// HTML (`.html`, `.htm`).
    Html,
}

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Path relative to the corpus folder, `/`-separated: the document key in every table.
    pub doc: String,
    /// Full path.
    pub path: PathBuf,
    /// Text or HTML.
    pub kind: Kind,
}

/// Judges a file name: `Some(kind)` for the files banli reads, `None` for the rest.
pub fn kind_of(path: &Path) -> Option<Kind> {
    match path.extension().and_then(|e| e.to_str()) {
        None => Some(Kind::Text),
        Some(ext) => match ext.to_ascii_lowercase().as_str() {
            "txt" => Some(Kind::Text),
            "html" | "htm" => Some(Kind::Html),
            _ => None,
        },
    }
}

/// A path that could not be listed or read, with the reason.
pub type Problem = (String, String);

/// Default for [`WalkOptions::max_file_size`]: 256 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 << 20;

/// How to walk a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalkOptions {
    /// Follow symbolic links.
    pub follow: bool,
    /// Files larger than this many bytes are not read (error row).
    pub max_file_size: u64,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            follow: false,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// What a walk found.
#[derive(Debug, Default, Clone)]
pub struct Walk {
    /// Files to process, sorted by document key.
    pub sources: Vec<Source>,
    /// Paths that become error rows (stage ingest), sorted.
    pub problems: Vec<Problem>,
    /// Files skipped because banli does not read their extension.
    pub skipped_extension: usize,
    /// Symbolic links not followed (no `--follow`).
    pub links_not_followed: usize,
    /// With `--follow`: links to a folder or file already walked, skipped.
    pub links_revisited: usize,
    /// With `--follow`: links that lead outside the corpus (followed), as document keys.
    pub links_outside: Vec<String>,
}

/// Walks `root` recursively (see the module documentation for the rules).
///
/// Hidden files and folders (leading `.`) are skipped. A folder that cannot be listed becomes
/// an error row instead of stopping the walk. Only a missing or unreadable `root` is an error.
pub fn walk(root: &Path, opts: &WalkOptions) -> io::Result<Walk> {
    let meta = fs::metadata(root)?;
    let mut w = Walk::default();
    if !meta.is_dir() {
        let doc = root.file_name().map(escape_name).unwrap_or_default();
        let kind = kind_of(root).unwrap_or(Kind::Text);
        w.take_file(doc, root.to_path_buf(), kind, &meta, opts);
        return Ok(w);
    }
    let root_real = fs::canonicalize(root)?;
    let mut visited: HashSet<FileId> = HashSet::new();
    visited.insert(file_id(root, &meta));
    // Real folders first, links after: a file reached both ways keeps its real path as key.
    let mut folders = vec![root.to_path_buf()];
    let mut links: VecDeque<PathBuf> = VecDeque::new();
    loop {
        let dir = if let Some(d) = folders.pop() {
            d
        } else if let Some(link) = links.pop_front() {
            w.follow_link(root, &root_real, link, &mut visited, &mut folders, opts);
            continue;
        } else {
            break;
        };
        let mut entries = Vec::new();
        match fs::read_dir(&dir) {
            Ok(rd) => {
                for entry in rd {
                    match entry {
                        Ok(e) => entries.push(e.path()),
                        Err(e) => w.problem(relative(root, &dir), format!("cannot list: {e}")),
                    }
                }
            }
            Err(e) => {
                w.problem(relative(root, &dir), format!("cannot list folder: {e}"));
                continue;
            }
        }
        entries.sort();
        // Pushed in reverse so that folders are walked in name order.
        for path in entries.into_iter().rev() {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            if hidden {
                continue;
            }
            let lmeta = match fs::symlink_metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    w.problem(relative(root, &path), format!("cannot stat: {e}"));
                    continue;
                }
            };
            if lmeta.file_type().is_symlink() {
                if opts.follow {
                    links.push_back(path);
                } else {
                    w.links_not_followed += 1;
                    // A link named like a document is one the user may have meant: say so
                    // in the errors table rather than only in the summary.
                    if kind_of(&path).is_some() && fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                        w.problem(
                            relative(root, &path),
                            "symbolic link not followed (--follow reads it)".into(),
                        );
                    }
                }
            } else if lmeta.is_dir() {
                if visited.insert(file_id(&path, &lmeta)) {
                    folders.push(path);
                }
            } else if let Some(kind) = kind_of(&path) {
                visited.insert(file_id(&path, &lmeta));
                w.take_file(relative(root, &path), path, kind, &lmeta, opts);
            } else {
                w.skipped_extension += 1;
            }
        }
    }
    w.sources.sort_by(|a, b| a.doc.cmp(&b.doc));
    w.problems.sort();
    w.links_outside.sort();
    Ok(w)
}

impl Walk {
    fn problem(&mut self, doc: String, message: String) {
        self.problems.push((doc, message));
    }

    /// A file (or what stands where a file was expected): a source, or an error row.
    fn take_file(
        &mut self,
        doc: String,
        path: PathBuf,
        kind: Kind,
        meta: &Metadata,
        opts: &WalkOptions,
    ) {
        match judge_file(doc, path, kind, meta, opts.max_file_size) {
            Ok(source) => self.sources.push(source),
            Err((doc, message)) => self.problem(doc, message),
        }
    }

    /// Follows one symbolic link (only with `--follow`).
    fn follow_link(
        &mut self,
        root: &Path,
        root_real: &Path,
        link: PathBuf,
        visited: &mut HashSet<FileId>,
        folders: &mut Vec<PathBuf>,
        opts: &WalkOptions,
    ) {
        let doc = relative(root, &link);
        let meta = match fs::metadata(&link) {
            Ok(m) => m,
            Err(e) => {
                self.problem(doc, format!("broken symbolic link: {e}"));
                return;
            }
        };
        let is_dir = meta.is_dir();
        let kind = kind_of(&link);
        if !is_dir && kind.is_none() {
            self.skipped_extension += 1;
            return;
        }
        if !visited.insert(file_id(&link, &meta)) {
            self.links_revisited += 1;
            return;
        }
        let inside = fs::canonicalize(&link).is_ok_and(|p| p.starts_with(root_real));
        if !inside {
            self.links_outside.push(doc.clone());
        }
        if is_dir {
            folders.push(link);
        } else if let Some(kind) = kind {
            self.take_file(doc, link, kind, &meta, opts);
        }
    }
}

/// What stands where a file was expected: a source to read, or (not a regular file, larger
/// than `max`) its key and the message of its error row.
pub(crate) fn judge_file(
    doc: String,
    path: PathBuf,
    kind: Kind,
    meta: &Metadata,
    max: u64,
) -> Result<Source, Problem> {
    if !meta.is_file() {
        let what = type_name(meta);
        Err((doc, format!("not a regular file ({what}): not read")))
    } else if meta.len() > max {
        Err((doc, too_big(meta.len(), max)))
    } else {
        Ok(Source { doc, path, kind })
    }
}

fn too_big(len: u64, max: u64) -> String {
    format!("{len} bytes, above the --max-file-size of {max}: not read")
}

#[cfg(unix)]
fn type_name(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "folder"
    } else if t.is_fifo() {
        "FIFO"
    } else if t.is_socket() {
        "socket"
    } else if t.is_char_device() {
        "character device"
    } else if t.is_block_device() {
        "block device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn type_name(meta: &Metadata) -> &'static str {
    if meta.is_dir() {
        "folder"
    } else {
        "special file"
    }
}

/// Identity of a file or folder: (device, inode) on Unix.
pub(crate) type FileId = (u64, u64);

#[cfg(unix)]
pub(crate) fn file_id(_path: &Path, meta: &Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
pub(crate) fn file_id(path: &Path, _meta: &Metadata) -> FileId {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .hash(&mut h);
    (0, h.finish())
}

/// A file name as a document key component: UTF-8 as is except `\` → `\\`, and each byte that
/// is not UTF-8 as `\xNN`, so that distinct names stay distinct.
pub fn escape_name(name: &OsStr) -> String {
    #[cfg(unix)]
    {
        use std::fmt::Write;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            for c in chunk.valid().chars() {
                if c == '\\' {
                    out.push_str("\\\\");
                } else {
                    out.push(c);
                }
            }
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| escape_name(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a file's bytes, at most `max` of them; an empty file, a file that is not a regular
/// file, or one larger than `max` is an error.
pub fn read(source: &Source, max: u64) -> Result<Vec<u8>, String> {
    // Checked again before opening: opening a FIFO would block.
    let meta = fs::metadata(&source.path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "not a regular file ({}): not read",
            type_name(&meta)
        ));
    }
    if meta.len() > max {
        return Err(too_big(meta.len(), max));
    }
    let file = File::open(&source.path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "grew above the --max-file-size of {max} while read: not read"
        ));
    }
    if bytes.is_empty() {
        return Err("empty file".to_string());
    }
    Ok(bytes)
}

/// Parses a size such as `1000`, `64K`, `100M`, `2G` (powers of 1024; a trailing `B` or `iB` is
/// allowed).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let t = t
        .strip_suffix("iB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(t);
    let (num, shift) = match t.chars().last() {
        Some('k' | 'K') => (&t[..t.len() - 1], 10),
        Some('m' | 'M') => (&t[..t.len() - 1], 20),
        Some('g' | 'G') => (&t[..t.len() - 1], 30),
        Some('t' | 'T') => (&t[..t.len() - 1], 40),
        _ => (t, 0),
    };
    let n: u64 = num
        .trim()
        .parse()
        .map_err(|_| format!("not a size: {s:?} (use e.g. 1000, 64K, 100M, 2G)"))?;
    n.checked_mul(1u64 << shift)
        .ok_or_else(|| format!("size too large: {s}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(kind_of(Path::new("a.TXT")), Some(Kind::Text));
        assert_eq!(kind_of(Path::new("a.htm")), Some(Kind::Html));
        assert_eq!(kind_of(Path::new("README")), Some(Kind::Text));
        assert_eq!(kind_of(Path::new("gold.csv")), None);
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("100MB"), Ok(100 << 20));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert!(parse_size("lots").is_err());
    }
}
