//! Stage 1: find the input files under a corpus folder and read their bytes.

use std::fs;
use std::io;
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

/// A path that could not be listed, with the reason.
pub type Problem = (String, String);

/// Walks `root` recursively and returns the input files sorted by document key.
///
/// Hidden files and folders (leading `.`) are skipped. A folder that cannot be listed is
/// returned as an error row instead of stopping the walk.
pub fn walk(root: &Path) -> io::Result<(Vec<Source>, Vec<Problem>)> {
    let meta = fs::metadata(root)?;
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    if meta.is_file() {
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kind = kind_of(root).unwrap_or(Kind::Text);
        sources.push(Source {
            doc: name,
            path: root.to_path_buf(),
            kind,
        });
        return Ok((sources, problems));
    }
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push((relative(root, &dir), format!("cannot list folder: {e}")));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    problems.push((relative(root, &dir), format!("cannot list folder: {e}")));
                    continue;
                }
            };
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let ft = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    problems.push((relative(root, &path), format!("cannot stat: {e}")));
                    continue;
                }
            };
            if ft.is_dir() {
                stack.push(path);
            } else if let Some(kind) = kind_of(&path) {
                sources.push(Source {
                    doc: relative(root, &path),
                    path,
                    kind,
                });
            }
        }
    }
    sources.sort_by(|a, b| a.doc.cmp(&b.doc));
    problems.sort();
    Ok((sources, problems))
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a file's bytes; an empty file is an error.
pub fn read(source: &Source) -> Result<Vec<u8>, String> {
    let bytes = fs::read(&source.path).map_err(|e| format!("cannot read: {e}"))?;
    if bytes.is_empty() {
        return Err("empty file".to_string());
    }
    Ok(bytes)
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
}
