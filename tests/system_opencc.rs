//! Issue 12: the system's libopencc (feature `system-opencc`, `--system-opencc t2s.json`)
//! converts as the built-in ferrous-opencc does: every line of every text this project can
//! read gives the same simplified text, and the whole pipeline gives the same records on the
//! labelled sets. Built only with the feature; `scripts/ci_opencc.sh` installs libopencc-dev
//! and runs it.

use crate::util::{banli, root, shared_set};
use banli::script::Converters;

#[test]
fn system_and_builtin_opencc_convert_every_line_alike() {
    let builtin = Converters::new().expect("built-in converters");
    let system = Converters::system("t2s.json").expect("system OpenCC (libopencc-dev)");
    let mut dirs = vec![root().join("corpus/docs")];
    for set in ["seeds", "dev", "dev2", "wild"] {
        // wild has texts and no labels, so it is found by its docs folder.
        let docs = root().join("../shared/eval").join(set).join("docs");
        if docs.is_dir() {
            dirs.push(docs);
        } else {
            assert!(
                std::env::var_os("CI").is_none(),
                "{} missing under CI",
                docs.display()
            );
            eprintln!("skipping: {} not found", docs.display());
        }
    }
    let (mut lines, mut traditional) = (0, 0);
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).expect("docs folder").flatten() {
            let bytes = std::fs::read(entry.path()).expect("read");
            let Ok(decoded) = banli::decode::decode(&bytes, false) else {
                continue;
            };
            for line in decoded.text.lines() {
                lines += 1;
                let want = builtin.to_simplified_always(line);
                traditional += usize::from(want != line);
                assert_eq!(
                    system.to_simplified_always(line),
                    want,
                    "{}: the two OpenCC back ends differ",
                    entry.path().display()
                );
                // Each back end's table of changed characters is its own; they agree too.
                assert_eq!(system.has_traditional(line), builtin.has_traditional(line));
            }
        }
    }
    assert!(
        lines > 0 && traditional > 0,
        "{lines} lines, {traditional} converted"
    );
}

#[test]
fn runs_with_either_opencc_write_the_same_tables() {
    let Some(dev) = shared_set("dev") else { return };
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    let mut sources = vec![
        ("corpus", root().join("corpus/docs")),
        ("dev", dev.join("docs")),
    ];
    sources.extend(shared_set("dev2").map(|d| ("dev2", d.join("docs"))));
    for (name, src) in sources {
        let into = corpus.join(name);
        std::fs::create_dir_all(&into).unwrap();
        for entry in std::fs::read_dir(src).unwrap().flatten() {
            std::fs::copy(entry.path(), into.join(entry.file_name())).unwrap();
        }
    }
    let c = corpus.to_str().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for args in [
        vec!["run", c, "-o", a, "-q", "--no-xlsx"],
        vec![
            "run",
            c,
            "-o",
            b,
            "-q",
            "--no-xlsx",
            "--system-opencc",
            "t2s.json",
        ],
    ] {
        let res = banli(&args);
        assert!(
            res.status.success(),
            "{}",
            String::from_utf8_lossy(&res.stderr)
        );
    }
    for table in [
        "documents.csv",
        "facts.csv",
        "topics.csv",
        "errors.csv",
        "records.jsonl",
    ] {
        let x = std::fs::read(dir.path().join("a").join(table)).unwrap();
        let y = std::fs::read(dir.path().join("b").join(table)).unwrap();
        assert!(x == y, "{table} differs between the OpenCC back ends");
    }
}
