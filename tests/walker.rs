//! Issue 9: the lazy walk of `banli run CORPUS` yields what the eager walk finds, in the same
//! order (document keys in byte order), holding only the folders on its path.

use banli::ingest::{self, WalkOptions};
use banli::walker::{Found, Walker};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::sync::atomic::Ordering;

/// A tree whose keys interleave files and folders in byte order (`a.txt` < `a/…` < `a0.txt`,
/// `-` and `.` before `/`), with the kinds of entry that become error rows or are skipped.
fn tree(root: &Path) {
    let write = |rel: &str, body: &[u8]| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, body).unwrap();
    };
    for rel in [
        "a.txt",
        "a/b.txt",
        "a/c/d.html",
        "a0.txt",
        "a-b/x.txt",
        "a.b/y.txt",
        "b.txt",
        "z/deep/er/most.htm",
        "noext",
    ] {
        write(rel, "今年共承办代表建议12件。".as_bytes());
    }
    write("skip.pdf", b"%PDF");
    write(".hidden.txt", b"hidden");
    write("big.txt", &vec![b'x'; 4096]);
    let odd = root.join(OsStr::from_bytes(b"odd\xff.txt"));
    std::fs::write(odd, "今年共承办代表建议3件。".as_bytes()).unwrap();
    symlink(root.join("a.txt"), root.join("link.txt")).unwrap();
    symlink(root.join("a"), root.join("linkdir")).unwrap();
    let fifo = root.join("pipe.txt");
    let _ = std::process::Command::new("mkfifo").arg(&fifo).status();
}

fn key(f: &Found) -> &str {
    match f {
        Found::File(s) => &s.doc,
        Found::Problem(doc, _) => doc,
    }
}

#[test]
fn the_lazy_walk_yields_the_eager_walks_files_and_rows_in_key_order() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path());
    let opts = WalkOptions {
        follow: false,
        max_file_size: 1000,
    };
    let walker = Walker::new(dir.path(), &opts).unwrap();
    let counts = std::sync::Arc::clone(&walker.counts);
    let lazy: Vec<Found> = walker.collect();
    let eager = ingest::walk(dir.path(), &opts).unwrap();
    let mut want: Vec<Found> = eager.sources.into_iter().map(Found::File).collect();
    want.extend(
        eager
            .problems
            .into_iter()
            .map(|(d, m)| Found::Problem(d, m)),
    );
    want.sort_by(|a, b| key(a).cmp(key(b)));
    assert_eq!(lazy, want);
    let keys: Vec<&str> = lazy.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "keys out of byte order");
    for k in [
        "a.txt",
        "a/b.txt",
        "a/c/d.html",
        "a0.txt",
        "a-b/x.txt",
        "noext",
    ] {
        assert!(keys.contains(&k), "{k} missing from {keys:?}");
    }
    assert!(keys.contains(&"odd\\xff.txt"), "{keys:?}");
    assert!(!keys.iter().any(|k| k.contains("hidden")), "{keys:?}");
    // big.txt (above the limit), link.txt (a link named like a document) and the FIFO are
    // error rows; the PDF and both links are counted.
    for k in ["big.txt", "link.txt"] {
        assert!(
            lazy.iter()
                .any(|f| matches!(f, Found::Problem(d, _) if d == k)),
            "{k} is no error row"
        );
    }
    assert_eq!(counts.skipped_extension.load(Ordering::Relaxed), 1);
    assert_eq!(eager.skipped_extension, 1);
    assert_eq!(counts.links_not_followed.load(Ordering::Relaxed), 2);
}

#[test]
fn a_single_file_is_a_walk_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("one.txt");
    std::fs::write(&f, "今年共承办代表建议12件。").unwrap();
    let found: Vec<Found> = Walker::new(&f, &WalkOptions::default()).unwrap().collect();
    assert_eq!(found.len(), 1);
    assert_eq!(key(&found[0]), "one.txt");
    assert!(Walker::new(&dir.path().join("missing"), &WalkOptions::default()).is_err());
}
