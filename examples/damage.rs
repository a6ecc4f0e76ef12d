//! Writes damaged copies of a folder of reports, one kind of mojibake at a time, the same way
//! the test suite's damage generator does; for looking at repairs by hand and for measuring.
//!
//! `cargo run --release --example damage -- KIND IN_DIR OUT_DIR`
//! (OUT_DIR/clean/ receives the decoded originals.)
//! KIND: gbk_as_latin1, double_utf8, utf8_as_gbk, big5_as_gbk, gbk_as_big5, markup

use encoding_rs::{BIG5, Encoding, GBK, UTF_8, WINDOWS_1252};
use std::path::PathBuf;

fn misread(s: &str, from: &'static Encoding, to: &'static Encoding) -> String {
    let (bytes, _, _) = from.encode(s);
    to.decode_without_bom_handling(&bytes).0.into_owned()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, input, output] = args.as_slice() else {
        eprintln!("usage: damage KIND IN_DIR OUT_DIR");
        std::process::exit(2);
    };
    let f: Box<dyn Fn(&str) -> String> = match kind.as_str() {
        "gbk_as_latin1" => Box::new(|l| misread(l, GBK, WINDOWS_1252)),
        "double_utf8" => Box::new(|l| misread(l, UTF_8, WINDOWS_1252)),
        "utf8_as_gbk" => Box::new(|l| misread(l, UTF_8, GBK)),
        "big5_as_gbk" => Box::new(|l| misread(l, BIG5, GBK)),
        "gbk_as_big5" => Box::new(|l| misread(l, GBK, BIG5)),
        "markup" => Box::new(|l| format!("<p>{l}&nbsp;</p>")),
        _ => {
            eprintln!("unknown kind {kind}");
            std::process::exit(2);
        }
    };
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
        let mut n = 0;
        let damaged: String = d
            .text
            .split_inclusive('\n')
            .map(|line| {
                let body = line.trim_end_matches('\n');
                if body.is_ascii() {
                    return line.to_string();
                }
                n += 1;
                if n % 2 == 0 {
                    return line.to_string();
                }
                format!("{}{}", f(body), &line[body.len()..])
            })
            .collect();
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
