//! Issue 10, item 1: review.html, the self-contained page for checking every fact by eye.

use crate::util::{html_unescape, root, run, table, tags};
use std::collections::BTreeSet;
use std::path::Path;

/// The elements the page's template and charts write (anything else came from a document).
const PAGE_TAGS: [&str; 41] = [
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav",
    "button", "span", "main", "section", "div", "form", "label", "select", "option", "input",
    "table", "thead", "tbody", "tr", "th", "td", "small", "ul", "li", "article", "dl", "dt", "dd",
    "mark", "script", "svg", "rect", "text", "line",
];

fn page(out: &Path) -> String {
    std::fs::read_to_string(out.join("review.html")).expect("review.html")
}

/// The JSON the page's script reads.
fn data_blob(html: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"banli-data\">";
    let start = html.find(open).expect("data blob") + open.len();
    let len = html[start..].find("</script>").expect("blob end");
    &html[start..start + len]
}

#[test]
fn review_page_is_offline_and_shows_every_fact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let res = run(&root().join("corpus"), &out, &[]);
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let html = page(&out);
    // Self-contained: nothing to fetch, no script or style from elsewhere.
    for bad in ["http://", "https://", "<link", "src=\"", "@import", "url("] {
        assert!(!html.contains(bad), "review.html holds {bad}");
    }
    assert_eq!(
        html.matches("<script").count(),
        2,
        "the data and the page's own script"
    );
    // Every row of facts.csv has its row on the page, with its offsets, and its highlight.
    let key = |doc: &str, s: &str, m: &str, v: &str, q: &str, a: &str, b: &str| {
        [doc, s, m, v, q, a, b].map(str::to_string)
    };
    let mut want: Vec<[String; 7]> = table(&out.join("facts.csv"))
        .iter()
        .map(|r| {
            key(
                &r["doc"],
                &r["subject"],
                &r["measure"],
                &r["value"],
                &r["qualifier"],
                &r["start"],
                &r["end"],
            )
        })
        .collect();
    let rows: Vec<_> = tags(&html, "tr")
        .into_iter()
        .filter(|t| t.get("class").is_some_and(|c| c.starts_with("fact")))
        .collect();
    let mut got: Vec<[String; 7]> = rows
        .iter()
        .map(|t| {
            key(
                &t["data-doc"],
                &t["data-subject"],
                &t["data-measure"],
                &t["data-value"],
                &t["data-qualifier"],
                &t["data-start"],
                &t["data-end"],
            )
        })
        .collect();
    want.sort();
    got.sort();
    assert!(want.len() > 50);
    assert_eq!(got, want);
    let marked: BTreeSet<String> = tags(&html, "mark")
        .iter()
        .flat_map(|t| {
            t["data-f"]
                .split(' ')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    for t in &rows {
        assert!(
            marked.contains(&t["id"]),
            "fact {} is not highlighted",
            t["id"]
        );
    }
    // Each highlight's original offsets lie inside the evidence of the facts it names.
    for m in tags(&html, "mark") {
        let o: usize = m["data-o"].parse().unwrap();
        for id in m["data-f"].split(' ') {
            let row = rows.iter().find(|t| t["id"] == id).unwrap();
            let (a, b): (usize, usize) = (
                row["data-start"].parse().unwrap(),
                row["data-end"].parse().unwrap(),
            );
            assert!(a <= o && o < b, "mark at {o} outside fact {id} {a}..{b}");
        }
    }
    let data: serde_json::Value = serde_json::from_str(data_blob(&html)).unwrap();
    assert_eq!(data["docs"].as_array().map(Vec::len), Some(10));
}

#[test]
fn review_page_is_identical_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(
        run(&root().join("corpus"), &a, &["-j", "1"])
            .status
            .success()
    );
    assert!(
        run(&root().join("corpus"), &b, &["-j", "2"])
            .status
            .success()
    );
    assert_eq!(page(&a), page(&b));
}

/// The page's text as a reader sees it: elements dropped, entities decoded.
fn shown_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    html_unescape(&out)
}

/// Reports of our own with script in their text, entities, a damaged line, a failed check and
/// a hostile file name.
fn hostile_corpus(dir: &Path) {
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write(
        "hostile.txt",
        "某市卫健委2021年建议办理情况\n<script>alert(1)</script></script><img src=x onerror=alert(2)>\n\
         2021年,市卫健委共承办人大代表建议20件,办复率100%。\n",
    );
    write(
        "page.html",
        "<html><head><title>某区政府2021年人大代表建议办理情况</title></head><body>\
         <p>&lt;script&gt;alert(3)&lt;/script&gt;</p><p>代表共提出建议&nbsp;212&nbsp;件,\
         交由区政府系统办理的207件,满意率100%。</p></body></html>",
    );
    write(
        "check.txt",
        "某市民政局2023年政协提案办理情况\n2023年,某市民政局共承办市政协提案12件,其中主办8件,协办5件,办复率100%。\n",
    );
    // GBK bytes shown as Windows-1252 on the second line.
    let line = "2022年,县教育局共承办人大代表建议15件,已全部办结,满意率100%。";
    let (gbk, _, _) = encoding_rs::GBK.encode(line);
    let (damaged, _, _) = encoding_rs::WINDOWS_1252.decode(&gbk);
    write(
        "mojibake.txt",
        &format!("某县教育局2022年建议提案办理工作总结\n{damaged}\n"),
    );
    write(
        "<img src=x onerror=alert(4)>.txt",
        "2020年,某市财政局共承办政协提案9件,办复率100%。\n",
    );
}

#[test]
fn document_text_is_escaped_and_entities_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    hostile_corpus(&corpus);
    let out = dir.path().join("out");
    let res = run(&corpus, &out, &[]);
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let html = page(&out);
    // No markup from a document reaches the page as markup.
    assert_eq!(html.matches("<script").count(), 2);
    for bad in ["<img", "alert(1)</", "<script>alert"] {
        assert!(!html.contains(bad), "review.html holds {bad}");
    }
    // Every element before the page's data and script is one the page writes.
    let body = &html[..html.find("<script").unwrap()];
    for (i, _) in body.match_indices('<') {
        let tag = &body[i + 1..i + 1 + body[i + 1..].find('>').unwrap()];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            PAGE_TAGS.contains(&name.as_str()) || tag == "!DOCTYPE html",
            "<{tag}>"
        );
        let names: String = tag.split('"').step_by(2).collect();
        assert!(!names.contains(" on"), "an event handler in <{tag}>");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(4)&gt;.txt"));
    // An entity of an HTML source is shown decoded, even inside an escaped `<script>`.
    assert!(shown_text(&html).contains("<script>alert(3)</script>"));
    assert!(!html.contains("nbsp"), "an entity is shown as written");
    // The data blob cannot close its script element.
    let blob = data_blob(&html);
    assert!(!blob.contains(['<', '>', '&']));
    let data: serde_json::Value = serde_json::from_str(blob).unwrap();
    let docs = data["docs"].as_array().unwrap();
    let doc = |name: &str| docs.iter().find(|d| d["doc"] == name).unwrap();
    assert!(
        doc("<img src=x onerror=alert(4)>.txt")["facts"]
            .as_array()
            .is_some_and(|f| !f.is_empty())
    );
    let evidence: Vec<&str> = doc("page.html")["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["evidence"].as_str())
        .collect();
    assert!(
        evidence.contains(&"代表共提出建议\u{a0}212\u{a0}件"),
        "{evidence:?}"
    );
    // The failed check names its facts; the repaired line is marked with what it was.
    let flagged: Vec<String> = tags(&html, "tr")
        .iter()
        .filter(|t| t.get("class").is_some_and(|c| c.contains("flagged")))
        .map(|t| format!("{} {}", t["data-doc"], t["data-measure"]))
        .collect();
    assert_eq!(
        flagged,
        ["check.txt total", "check.txt lead", "check.txt co"]
    );
    assert!(html.contains("check: proposal lead 8 + co 5 != total 12"));
    assert_eq!(doc("mojibake.txt")["repaired"], true);
    let repaired = tags(&html, "mark")
        .into_iter()
        .find(|t| t["class"].contains("rep") && t["title"].contains("repaired from: "))
        .expect("a repaired highlight");
    assert!(repaired.contains_key("data-e"));
    assert!(shown_text(&html).contains("县教育局共承办人大代表建议15件"));
}

#[test]
fn review_flags_and_reruns() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "2020年,某市财政局共承办政协提案9件,办复率100%。\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    assert!(run(&corpus, &out, &[]).status.success());
    // The page is banli's own: a second run replaces the folder.
    assert!(run(&corpus, &out, &[]).status.success());
    let template = dir.path().join("mine.html.j2");
    std::fs::write(
        &template,
        "{{ docs|length }} {{ docs[0].doc }} {{ n_facts }}\n",
    )
    .unwrap();
    assert!(
        run(
            &corpus,
            &out,
            &["--review-template", template.to_str().unwrap()]
        )
        .status
        .success()
    );
    assert_eq!(page(&out), "1 a.txt 2\n");
    std::fs::write(&template, "{{ nothing.here }}").unwrap();
    let res = run(
        &corpus,
        &out,
        &["--review-template", template.to_str().unwrap()],
    );
    assert_eq!(res.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&res.stderr).contains("review template"));
    assert!(run(&corpus, &out, &["--no-review"]).status.success());
    assert!(!out.join("review.html").exists());
    assert!(out.join("facts.csv").exists());
}

#[test]
fn a_large_corpus_gets_no_page_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..5_001 {
        std::fs::write(
            corpus.join(format!("f{i}.txt")),
            format!("共收到建议{i}件\n"),
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    let res = run(&corpus, &out, &[]);
    assert!(res.status.success());
    assert!(!out.join("review.html").exists());
    assert!(out.join("facts.csv").exists());
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(stderr.contains("no review.html above 5000"), "{stderr}");
    let res = run(&corpus, &out, &["--review"]);
    assert!(res.status.success());
    assert!(out.join("review.html").exists());
}
