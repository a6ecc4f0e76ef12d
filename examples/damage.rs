//! Writes damaged copies of a folder of reports, one kind of mojibake at a time, with the test
//! suite's damage generator (`tests/damage_gen.rs`); for looking at repairs by hand and for
//! measuring.
//!
//! `cargo run --release --example damage -- KIND IN_DIR OUT_DIR [alternate|whole] [encoding_rs|python|iconv]`
//! (OUT_DIR/clean/ receives the decoded originals.)
//! KIND: gbk_as_latin1, double_utf8, utf8_as_gbk, big5_as_gbk, gbk_as_big5, markup

#[path = "../tests/damage_gen.rs"]
mod damage_gen;

use damage_gen::{Mode, Style, damage};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kind, input, output) = match args.as_slice() {
        [k, i, o, ..] => (k, i, o),
        _ => {
            eprintln!(
                "usage: damage KIND IN_DIR OUT_DIR [alternate|whole] [encoding_rs|python|iconv]"
            );
            std::process::exit(2);
        }
    };
    let mode = match args.get(3).map(String::as_str) {
        None | Some("alternate") => Mode::Alternate,
        Some("whole") => Mode::Whole,
        Some(m) => {
            eprintln!("unknown mode {m}");
            std::process::exit(2);
        }
    };
    let style = match args.get(4).map(String::as_str) {
        None | Some("encoding_rs") => Style::EncodingRs,
        Some("python") => Style::Python,
        Some("iconv") => Style::Iconv,
        Some(s) => {
            eprintln!("unknown style {s}");
            std::process::exit(2);
        }
    };
    if !damage_gen::KINDS.contains(&kind.as_str()) {
        eprintln!("unknown kind {kind}");
        std::process::exit(2);
    }
    std::fs::create_dir_all(output).expect("create output");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(input)
        .expect("read input")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for p in paths {
        let bytes = std::fs::read(&p).expect("read");
        let html = p.extension().is_some_and(|e| e == "html" || e == "htm");
        let Ok(d) = banli::decode::decode(&bytes, html) else {
            continue;
        };
        let Some(damaged) = damage(&d.text, kind, mode, style) else {
            continue;
        };
        let name = p
            .file_name()
            .expect("name")
            .to_string_lossy()
            .replace(".html", ".txt");
        std::fs::write(PathBuf::from(output).join(&name), damaged).expect("write");
        // The decoded original beside it, for comparing repairs line by line.
        let clean = PathBuf::from(output).join("clean");
        std::fs::create_dir_all(&clean).expect("create clean");
        std::fs::write(clean.join(&name), &d.text).expect("write clean");
    }
}
