//! Stream mode's input: a list of paths (`banli run --files-from FILE|-`), and `--shard I/N`.
//!
//! The list holds one path a line. A missing final newline, CRLF line ends and blank (or
//! whitespace-only) lines are tolerated; spaces inside a path are kept. With `--null` the
//! paths are separated by NUL bytes instead (as `find -print0` writes them), and nothing but
//! empty entries is dropped.
//!
//! A path keeps its spelling as its document key ([`doc_key`]): only a leading `./` is dropped
//! (so `cd CORPUS && find . -type f` gives the keys `banli run CORPUS` gives), and a name that is
//! not UTF-8 or holds `\` is escaped as the walk escapes it. The files taken are those the walk
//! would take by name ([`judge`]): `.txt`, `.html`/`.htm` and extension-less files whose name
//! does not start with `.`; the rest are skipped and counted.
//!
//! A shard is chosen by a stable hash of the document key ([`Shard::takes`]: FNV-1a, 64 bits,
//! over the key's UTF-8 bytes, modulo N), so it does not depend on the order of the list or on
//! which machine reads it.

use crate::ingest::{self, Source};
use std::io::{self, BufRead};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A stable share of the input: the `index`-th of `count` (1-based), as in `--shard 2/4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which share, from 1 to `count`.
    pub index: u64,
    /// How many shares.
    pub count: u64,
}

impl Shard {
    /// Parses `I/N` with 1 ≤ I ≤ N.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let bad = || format!("not a shard: {s:?} (use I/N with 1 <= I <= N, e.g. 2/4)");
        let (i, n) = s.trim().split_once('/').ok_or_else(bad)?;
        let index: u64 = i.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether the document `doc` belongs to this shard.
    pub fn takes(&self, doc: &str) -> bool {
        fnv1a64(doc.as_bytes()) % self.count == self.index - 1
    }
}

/// FNV-1a, 64 bits: a hash that is the same on every machine and in every version.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The entries of a list: separated by `sep` (`\n` or NUL); with `\n`, a `\r` before it is
/// dropped and whitespace-only lines are skipped. Empty entries are always skipped.
pub struct Entries<R> {
    reader: R,
    sep: u8,
}

impl<R: BufRead> Entries<R> {
    /// Reads `reader` as a list separated by `sep`.
    pub fn new(reader: R, sep: u8) -> Entries<R> {
        Entries { reader, sep }
    }
}

impl<R: BufRead> Iterator for Entries<R> {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<io::Result<Vec<u8>>> {
        loop {
            let mut buf = Vec::new();
            match self.reader.read_until(self.sep, &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(e)),
            }
            if buf.last() == Some(&self.sep) {
                buf.pop();
            }
            if self.sep == b'\n' {
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
            }
            if !buf.is_empty() {
                return Some(Ok(buf));
            }
        }
    }
}

/// The document key of a listed path: as written, less a leading `./`, with `\` written `\\`
/// and bytes that are not UTF-8 as `\xNN` (the walk's escapes).
pub fn doc_key(entry: &[u8]) -> String {
    let mut rest = entry;
    while let Some(r) = rest.strip_prefix(b"./") {
        // `.//a` is `a` too.
        rest = &r[r.iter().take_while(|&&b| b == b'/').count()..];
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        ingest::escape_name(std::ffi::OsStr::from_bytes(rest))
    }
    #[cfg(not(unix))]
    {
        String::from_utf8_lossy(rest).into_owned()
    }
}

/// The path a list entry names.
pub fn path_of(entry: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(entry))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(entry).into_owned())
    }
}

/// What becomes of one listed path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judged {
    /// A file to read.
    Take(Source),
    /// An extension banli does not read (`.csv`, `.shtml` …).
    OtherExtension,
    /// A name that starts with `.`.
    Hidden,
}

/// Judges a list entry by name, as the walk judges the files it finds.
pub fn judge(entry: &[u8]) -> Judged {
    let path = path_of(entry);
    let hidden = path
        .file_name()
        .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
    if hidden {
        return Judged::Hidden;
    }
    match ingest::kind_of(&path) {
        Some(kind) => Judged::Take(Source {
            doc: doc_key(entry),
            path,
            kind,
        }),
        None => Judged::OtherExtension,
    }
}

/// Counts of listed paths that were not taken.
#[derive(Debug, Default)]
pub struct Skipped {
    /// Paths with an extension banli does not read.
    pub extension: AtomicUsize,
    /// Paths whose name starts with `.`.
    pub hidden: AtomicUsize,
}

impl Skipped {
    /// A summary such as `, 3 listed paths skipped by extension`, or nothing.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let ext = self.extension.load(Ordering::Relaxed);
        let hidden = self.hidden.load(Ordering::Relaxed);
        if ext > 0 {
            out.push_str(&format!(", {ext} listed paths skipped by extension"));
        }
        if hidden > 0 {
            out.push_str(&format!(", {hidden} hidden listed paths skipped"));
        }
        out
    }
}

/// The sources of a list, in list order: this shard's entries, judged, the skipped ones
/// counted in `skipped`. Read lazily, so a long list is never held whole.
pub fn sources<R: BufRead>(
    entries: Entries<R>,
    shard: Option<Shard>,
    skipped: Arc<Skipped>,
) -> impl Iterator<Item = io::Result<Source>> {
    entries.filter_map(move |entry| {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => return Some(Err(e)),
        };
        if let Some(s) = shard
            && !s.takes(&doc_key(&entry))
        {
            return None;
        }
        match judge(&entry) {
            Judged::Take(source) => Some(Ok(source)),
            Judged::OtherExtension => {
                skipped.extension.fetch_add(1, Ordering::Relaxed);
                None
            }
            Judged::Hidden => {
                skipped.hidden.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(bytes: &[u8], sep: u8) -> Vec<String> {
        Entries::new(bytes, sep)
            .map(|e| String::from_utf8(e.unwrap()).unwrap())
            .collect()
    }

    #[test]
    fn lines_tolerate_crlf_blanks_and_no_final_newline() {
        assert_eq!(
            list(b"a.txt\r\n\r\n  \nb c.txt\nd.html", b'\n'),
            ["a.txt", "b c.txt", "d.html"]
        );
        assert_eq!(list(b"a\nb.txt\0\0c.txt", 0), ["a\nb.txt", "c.txt"]);
    }

    #[test]
    fn keys_keep_the_path_less_a_leading_dot_slash() {
        assert_eq!(doc_key(b"./docs/a b.txt"), "docs/a b.txt");
        assert_eq!(doc_key(b".//docs/a.txt"), "docs/a.txt");
        assert_eq!(doc_key(b"/data/x/a.txt"), "/data/x/a.txt");
        assert_eq!(doc_key(b"../a.txt"), "../a.txt");
        assert_eq!(doc_key(b"a\\b.txt"), "a\\\\b.txt");
        assert_eq!(doc_key(b"\xffa.txt"), "\\xffa.txt");
    }

    #[test]
    fn names_are_judged_as_the_walk_judges_them() {
        assert!(matches!(judge(b"docs/a.txt"), Judged::Take(_)));
        assert!(matches!(judge(b"docs/README"), Judged::Take(_)));
        assert_eq!(judge(b"gold_docs.csv"), Judged::OtherExtension);
        assert_eq!(judge(b"docs/.gitkeep"), Judged::Hidden);
        assert!(matches!(judge(b"/home/u/.cache/a.txt"), Judged::Take(_)));
    }

    #[test]
    fn shards_split_every_key_exactly_once() {
        assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 2, count: 4 }));
        assert!(Shard::parse("0/4").is_err());
        assert!(Shard::parse("5/4").is_err());
        assert!(Shard::parse("1").is_err());
        let shards: Vec<Shard> = (1..=3).map(|i| Shard { index: i, count: 3 }).collect();
        for k in 0..200 {
            let key = format!("docs/{k}.txt");
            assert_eq!(shards.iter().filter(|s| s.takes(&key)).count(), 1);
        }
        // The hash is fixed: these values must never change.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
