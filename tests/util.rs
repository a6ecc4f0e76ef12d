use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/eval/NAME`, or `None` when shared/ is absent outside CI (a failure under CI).
pub fn shared_set(name: &str) -> Option<PathBuf> {
    let dir = root().join("../shared/eval").join(name);
    if dir.join("gold_docs.csv").exists() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing, and CI is set: the gold sets are required",
            dir.display()
        );
    }
    eprintln!("skipping: {} not found", dir.display());
    None
}

/// Runs the banli binary.
pub fn banli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banli"))
        .args(args)
        .output()
        .expect("run banli")
}

/// Runs `banli run CORPUS -o OUT -q` plus `extra` arguments.
pub fn run(corpus: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "run",
        corpus.to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 path"),
        "-q",
    ];
    args.extend_from_slice(extra);
    banli(&args)
}

/// Reads a CSV table written by banli (BOM allowed) as maps from column to value.
pub fn table(path: &Path) -> Vec<HashMap<String, String>> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "{} has no BOM",
        path.display()
    );
    let mut rdr = csv::Reader::from_reader(&bytes[3..]);
    let headers = rdr.headers().expect("headers").clone();
    rdr.records()
        .map(|r| {
            let r = r.expect("record");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The documents of the sample corpus and of the named shared sets, sorted within each folder.
pub fn doc_paths(sets: &[&str]) -> Vec<PathBuf> {
    let mut dirs = vec![root().join("corpus/docs")];
    for set in sets {
        if let Some(d) = shared_set(set) {
            dirs.push(d.join("docs"));
        }
    }
    let mut out = Vec::new();
    for dir in dirs {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        out.extend(paths);
    }
    out
}

/// Runs the banli binary in folder `dir`, with `stdin` as its standard input.
pub fn banli_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_banli"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run banli");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    // Written beside the reading of the output, so that neither pipe fills up and blocks.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("wait for banli");
    writer.join().expect("stdin writer");
    out
}

/// Undoes the HTML escaping of an attribute value or text (the entities minijinja writes).
pub fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

/// The opening tags `<NAME ...>` of an HTML page, each as a map from attribute to its
/// (unescaped) value. Good enough for banli's own page: values are double-quoted and hold no
/// `>` (it is escaped).
pub fn tags(html: &str, name: &str) -> Vec<HashMap<String, String>> {
    let open = format!("<{name} ");
    html.match_indices(&open)
        .map(|(i, _)| {
            let rest = &html[i + open.len()..];
            let tag = &rest[..rest.find('>').expect("tag end")];
            let mut attrs = HashMap::new();
            for part in tag.split('"').collect::<Vec<_>>().chunks(2) {
                if let [key, value] = part {
                    let key = key.trim().trim_end_matches('=');
                    attrs.insert(key.to_string(), html_unescape(value));
                }
            }
            attrs
        })
        .collect()
}
