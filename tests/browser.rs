//! Issue 10: review.html in a real headless browser (Debian's `chromium`). banli renders the
//! page for corpus/, ../shared/eval/dev and ../shared/eval/seeds and for invented hostile
//! reports; chromium loads each page from its file, runs its script and prints the DOM
//! (`--dump-dom`), and the test checks that the highlighted evidence equals facts.csv row for
//! row and that nothing in a document's text became markup or script. It also takes the
//! screenshot the README shows (docs/review.png).
//!
//! The tests are `#[ignore]`d, so `cargo test --release` neither needs chromium nor waits for it
//! (they live in the one test binary, so they add no build or link step there either).
//! `scripts/ci_browser.sh` installs chromium and fonts-noto-cjk and runs them with
//! `cargo test --release --test tests browser:: -- --ignored`. Without a browser they are
//! skipped with a message, and fail when CI is set. `BANLI_CHROMIUM=PATH` names the browser;
//! `BANLI_SCREENSHOT=PATH` copies the screenshot there (`docs/review.png` updates the README's).

use crate::dom::Dom;
use crate::util::{root, run, shared_set, table};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The document the screenshot shows (`#doc-N` of corpus/'s page): the one with most facts.
const SCREENSHOT_DOC: &str = "doc-0";

/// The longest one browser run may take before it is killed and the test fails.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The browser binary: `BANLI_CHROMIUM`, else the first of chromium, chromium-browser and
/// google-chrome on PATH. `None` (skip) when there is none, a failure when CI is set.
fn chromium() -> Option<PathBuf> {
    let found = match std::env::var_os("BANLI_CHROMIUM") {
        Some(p) => Some(PathBuf::from(p)).filter(|p| p.is_file()),
        None => {
            let path = std::env::var_os("PATH").unwrap_or_default();
            ["chromium", "chromium-browser", "google-chrome"]
                .iter()
                .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
                .find(|p| p.is_file())
        }
    };
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "no chromium found (BANLI_CHROMIUM or PATH), and CI is set: \
             scripts/ci_browser.sh installs it"
        );
        eprintln!(
            "skipping the browser test: no chromium on PATH (apt-get install chromium \
             fonts-noto-cjk, or set BANLI_CHROMIUM)"
        );
    }
    found
}

/// Runs headless chromium on `page` (a file, opened at `#hash`) with `args` and a fresh
/// profile, and returns its standard output. Panics when it fails or takes over [`TIMEOUT`].
fn headless(exe: &Path, page: &Path, hash: &str, args: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}#{hash}", page.display());
    let mut child = Command::new(exe)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--window-size=1400,900",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", exe.display()));
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took over {TIMEOUT:?} on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stderr = err.join().unwrap();
    assert!(status.success(), "chromium failed on {url}: {stderr}");
    out.join().unwrap().expect("chromium's output is UTF-8")
}

/// The DOM of `page` at `#hash` after its script ran.
fn dump(exe: &Path, page: &Path, hash: &str) -> Dom {
    // The virtual time budget lets timers and the error events of failed loads run first.
    let html = headless(
        exe,
        page,
        hash,
        &["--virtual-time-budget=2000", "--dump-dom"],
    );
    assert!(
        html.contains("</html>"),
        "no DOM dumped for {}",
        page.display()
    );
    Dom::parse(&html)
}

/// Runs banli on `corpus` into `out` and checks that it processed every file.
fn banli_run(corpus: &Path, out: &Path, extra: &[&str]) {
    let res = run(corpus, out, extra);
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
}

/// What [`check_page`] compared.
#[derive(Debug, Default)]
struct Seen {
    docs: usize,
    facts: usize,
    marks: usize,
    /// Facts whose highlights, joined, are exactly their facts.csv evidence (the others are
    /// shown decoded or repaired, or their original holds characters the page does not show).
    exact: usize,
}

/// The original offsets a highlight covers as the page encodes them: `data-o` to `data-e`, or
/// to `data-o` plus its length when the page marks the run as linear (no `data-e`), and which.
fn span(dom: &Dom, m: usize) -> (usize, usize, bool) {
    let e = &dom.elems[m];
    let o: usize = e.attr("data-o").expect("data-o").parse().unwrap();
    match e.attr("data-e") {
        Some(end) => (o, end.parse().unwrap(), false),
        None => (o, o + dom.text(m).chars().count(), true),
    }
}

/// Checks the DOM of the page in `out` (its script run, opened at `#doc-{shown}`) against
/// `out`'s documents.csv and facts.csv: per document the fact rows equal facts.csv's rows, in
/// order, and each fact's highlights lie in its evidence, spell it, carry its measure's colour.
fn check_page(dom: &Dom, out: &Path, shown: usize) -> Seen {
    let documents = table(&out.join("documents.csv"));
    let facts = table(&out.join("facts.csv"));
    let mut by_doc: HashMap<&str, Vec<&HashMap<String, String>>> = HashMap::new();
    for f in &facts {
        by_doc.entry(f["doc"].as_str()).or_default().push(f);
    }
    // The page's script ran: it counted the list, and showed the document the hash names.
    let n = documents.len();
    let count = dom.by_id("shown-count").expect("#shown-count");
    assert_eq!(dom.text(count), format!("{n} of {n} documents"));
    let articles = dom.all("article");
    assert_eq!(articles.len(), n, "one article per row of documents.csv");
    let visible: Vec<usize> = articles
        .iter()
        .copied()
        .filter(|&a| dom.elems[a].attr("hidden").is_none())
        .collect();
    assert_eq!(visible.len(), 1, "the script shows one document");
    assert_eq!(
        dom.elems[visible[0]].attr("data-i"),
        Some(shown.to_string().as_str())
    );
    let current: Vec<usize> = dom
        .all("tr")
        .into_iter()
        .filter(|&t| dom.elems[t].has_class("current"))
        .collect();
    assert_eq!(current.len(), 1);
    assert_eq!(
        dom.elems[current[0]].attr("data-i"),
        Some(shown.to_string().as_str())
    );

    let mut seen = Seen::default();
    for (i, &a) in articles.iter().enumerate() {
        let doc = dom.elems[a].attr("data-doc").expect("data-doc");
        assert_eq!(doc, documents[i]["doc"], "articles in documents.csv order");
        let want = by_doc.remove(doc).unwrap_or_default();
        let rows: Vec<usize> = dom
            .within(a, "tr")
            .into_iter()
            .filter(|&t| dom.elems[t].has_class("fact"))
            .collect();
        assert_eq!(rows.len(), want.len(), "{doc}: fact rows");
        assert_eq!(want.len().to_string(), documents[i]["facts"], "{doc}");
        let text = dom
            .within(a, "div")
            .into_iter()
            .find(|&d| dom.elems[d].has_class("text"));
        let cut = dom
            .within(a, "p")
            .iter()
            .any(|&p| dom.elems[p].has_class("cut"));
        let marks = text.map(|t| dom.within(t, "mark")).unwrap_or_default();
        for &m in &marks {
            assert!(
                dom.elems[m]
                    .children
                    .iter()
                    .all(|c| matches!(c, crate::dom::Node::Text(_)))
            );
        }
        // The narrowest fact a highlight names gives its colour.
        for &m in &marks {
            let ids = dom.elems[m].attr("data-f").expect("data-f");
            let narrowest = ids
                .split(' ')
                .map(|id| {
                    let j: usize = id
                        .strip_prefix(&format!("f{i}-"))
                        .unwrap_or_else(|| panic!("{doc}: mark names {id}, not a fact of doc {i}"))
                        .parse()
                        .unwrap();
                    let f = want[j];
                    let (s, e): (usize, usize) =
                        (f["start"].parse().unwrap(), f["end"].parse().unwrap());
                    ((e - s, s), f["measure"].as_str())
                })
                .min_by_key(|(width, _)| *width)
                .expect("a highlight names a fact");
            assert!(
                dom.elems[m].has_class(&format!("m-{}", narrowest.1)),
                "{doc}: highlight {ids} is not coloured as {}",
                narrowest.1
            );
        }
        for (j, (&tr, f)) in rows.iter().zip(&want).enumerate() {
            let id = format!("f{i}-{j}");
            let row = &dom.elems[tr];
            assert_eq!(row.attr("id"), Some(id.as_str()));
            for (attr, col) in [
                ("data-subject", "subject"),
                ("data-measure", "measure"),
                ("data-value", "value"),
                ("data-qualifier", "qualifier"),
                ("data-start", "start"),
                ("data-end", "end"),
            ] {
                assert_eq!(
                    row.attr(attr),
                    Some(f[col].as_str()),
                    "{doc} row {j}: {col}"
                );
            }
            let (start, end): (usize, usize) =
                (f["start"].parse().unwrap(), f["end"].parse().unwrap());
            let evidence: Vec<char> = banli::output::uncell(&f["evidence"]).chars().collect();
            assert_eq!(
                evidence.len(),
                end - start,
                "{doc} row {j}: evidence length"
            );
            let shown_ev = dom
                .within(tr, "td")
                .into_iter()
                .find(|&td| dom.elems[td].has_class("ev"))
                .map(|td| dom.text(td))
                .expect("evidence cell");
            let mine: Vec<usize> = marks
                .iter()
                .copied()
                .filter(|&m| {
                    dom.elems[m]
                        .attr("data-f")
                        .unwrap()
                        .split(' ')
                        .any(|x| x == id)
                })
                .collect();
            if mine.is_empty() {
                assert!(cut, "{doc} row {j} ({}) has no highlight", f["evidence"]);
                continue;
            }
            // Evidence quoted from markup (`&nbsp;`, tags) is shown decoded, so a run's text
            // is compared with the original only where the evidence holds none.
            let markup = evidence.iter().any(|&c| c == '&' || c == '<');
            let mut joined = String::new();
            let mut verbatim = true;
            let mut next = start;
            for &m in &mine {
                let (o, e, plain) = span(dom, m);
                assert!(
                    start <= o && o < e && e <= end,
                    "{doc} row {j}: highlight {o}..{e} outside {start}..{end}"
                );
                let t = dom.text(m);
                if plain && !markup {
                    let orig: String = evidence[o - start..e - start].iter().collect();
                    assert_eq!(
                        t, orig,
                        "{doc} row {j}: highlight at {o} is not the evidence there"
                    );
                }
                verbatim &= plain && o == next;
                next = e;
                joined.push_str(&t);
            }
            assert_eq!(
                joined.trim(),
                shown_ev.trim(),
                "{doc} row {j}: highlights vs the evidence shown"
            );
            if markup {
                let decoded = banli::decode::html::to_text(&f["evidence"]);
                assert_eq!(
                    joined.trim(),
                    decoded.as_str().trim(),
                    "{doc} row {j}: decoded evidence"
                );
            }
            if verbatim && next == end {
                assert_eq!(joined.chars().collect::<Vec<_>>(), evidence);
                seen.exact += 1;
            }
            seen.facts += 1;
        }
        seen.marks += marks.len();
        seen.docs += 1;
    }
    assert!(
        by_doc.is_empty(),
        "facts of documents not on the page: {:?}",
        by_doc.keys()
    );
    seen
}

#[test]
#[ignore = "needs chromium: scripts/ci_browser.sh"]
fn highlights_in_the_browser_equal_facts_csv() {
    let Some(exe) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut sets = vec![("corpus".to_string(), root().join("corpus"))];
    for name in ["dev", "seeds"] {
        if let Some(d) = shared_set(name) {
            sets.push((name.to_string(), d));
        }
    }
    for (name, corpus) in sets {
        let out = dir.path().join(&name);
        banli_run(&corpus, &out, &[]);
        let n = table(&out.join("documents.csv")).len();
        let dom = dump(&exe, &out.join("review.html"), &format!("doc-{}", n - 1));
        let seen = check_page(&dom, &out, n - 1);
        eprintln!("browser: {name}: {seen:?}");
        assert_eq!(seen.docs, n);
        assert!(
            seen.facts >= 20 && seen.exact * 3 >= seen.facts * 2,
            "{name}: {seen:?}"
        );
    }
}

/// What the injected code would do: set a global flag and mark the root element.
fn payload(tag: &str) -> String {
    format!("window.banliInjected=1;document.documentElement.setAttribute('data-injected','{tag}')")
}

/// Invented handling reports whose text holds script and event handlers, one as a .txt file,
/// one as an HTML page whose entities decode to markup, and a file named like an element.
fn hostile_corpus(dir: &Path) {
    let write = |name: &str, text: String| std::fs::write(dir.join(name), text).unwrap();
    write(
        "hostile.txt",
        format!(
            "某县农业农村局2024年政协提案办理工作情况\n<script>{}</script>\n\
             2024年,县农业农村局共承办县政协提案18件,其中主办12件,协办6件,办复率100%。\n\
             <img src=x onerror=\"{}\">委员对办理结果满意率为94.4%。\n",
            payload("txt-script"),
            payload("txt-onerror"),
        ),
    );
    write(
        "page.html",
        format!(
            "<html><head><title>某区水务局2023年人大代表建议办理情况</title></head><body>\
             <p>&lt;script&gt;{}&lt;/script&gt;</p><p>2023年,区水务局共承办人大代表建议\
             &nbsp;25&nbsp;件,已全部办结,&lt;img src=x onerror=&quot;{}&quot;&gt;办复率100%。</p>\
             </body></html>",
            payload("html-script"),
            payload("html-onerror"),
        ),
    );
    write(
        &format!(
            "<img src=x onerror={}>.txt",
            payload("name").replace('/', "")
        ),
        "2022年,某市司法局共承办政协提案7件,办复率100%。\n".to_string(),
    );
}

/// What the page's own template writes (anything else came from a document).
const PAGE_TAGS: [&str; 41] = [
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav",
    "button", "span", "main", "section", "div", "form", "label", "select", "option", "input",
    "table", "thead", "tbody", "tr", "th", "td", "small", "ul", "li", "article", "dl", "dt", "dd",
    "mark", "script", "svg", "rect", "text", "line",
];

/// Whether the page's DOM shows that some injected code ran or became markup.
fn injected(dom: &Dom) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(v) = dom.elems[0].attr("data-injected") {
        found.push(format!("the injected code ran ({v})"));
    }
    for (name, at) in dom.attribute_names() {
        if name.starts_with("on") {
            found.push(format!("{name}= on <{}>", dom.elems[at[0]].name));
        }
    }
    let scripts = dom.all("script").len();
    if scripts != 2 {
        found.push(format!("{scripts} script elements"));
    }
    for e in &dom.elems {
        if !PAGE_TAGS.contains(&e.name.as_str()) {
            found.push(format!("a <{}> element", e.name));
        }
    }
    found
}

#[test]
#[ignore = "needs chromium: scripts/ci_browser.sh"]
fn no_script_runs_from_document_text() {
    let Some(exe) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    hostile_corpus(&corpus);
    let out = dir.path().join("out");
    banli_run(&corpus, &out, &[]);
    let page = out.join("review.html");
    let dom = dump(&exe, &page, "doc-2");
    let found = injected(&dom);
    assert!(found.is_empty(), "{found:?}");
    // The hostile text is on the page, as text, and its facts are highlighted as in facts.csv.
    let texts: String = dom
        .all("div")
        .into_iter()
        .filter(|&d| dom.elems[d].has_class("text"))
        .map(|d| dom.text(d))
        .collect();
    for shown in [
        format!("<script>{}</script>", payload("txt-script")),
        format!("<img src=x onerror=\"{}\">", payload("txt-onerror")),
        format!("<script>{}</script>", payload("html-script")),
        format!("<img src=x onerror=\"{}\">", payload("html-onerror")),
    ] {
        assert!(
            texts.contains(&shown),
            "not shown as text: {shown} in {texts}"
        );
    }
    let title = dom.all("title")[0];
    assert_eq!(dom.text(title), "banli review · 3 documents");
    let seen = check_page(&dom, &out, 2);
    assert!(seen.facts >= 6, "{seen:?}");

    // The same page from a template that writes the text unescaped: the browser runs the
    // injected code and builds its elements, so the checks above can see an injection.
    let unsafe_template = dir.path().join("unsafe.html.j2");
    let template = banli::review::TEMPLATE.replace("{{ r.text }}", "{{ r.text|safe }}");
    assert_ne!(template, banli::review::TEMPLATE);
    std::fs::write(&unsafe_template, template).unwrap();
    let bad = dir.path().join("bad");
    banli_run(
        &corpus,
        &bad,
        &["--review-template", unsafe_template.to_str().unwrap()],
    );
    let found = injected(&dump(&exe, &bad.join("review.html"), "doc-2"));
    for what in ["the injected code ran", "onerror=", "a <img> element"] {
        assert!(found.iter().any(|f| f.contains(what)), "{what}: {found:?}");
    }
}

/// The width and height of a PNG file, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && &bytes[12..16] == b"IHDR");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
#[ignore = "needs chromium: scripts/ci_browser.sh"]
fn screenshot_of_the_review_page() {
    let Some(exe) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    banli_run(&root().join("corpus"), &out, &[]);
    let png = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("review.png");
    let _ = std::fs::remove_file(&png);
    let arg = format!("--screenshot={}", png.display());
    headless(&exe, &out.join("review.html"), SCREENSHOT_DOC, &[&arg]);
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert_eq!(png_size(&bytes), (1400, 900));
    // A blank or unstyled page compresses to a few kilobytes; text and highlights do not.
    assert!(bytes.len() > 40_000, "{} bytes", bytes.len());
    eprintln!(
        "browser: screenshot {} ({} bytes)",
        png.display(),
        bytes.len()
    );
    if let Some(to) = std::env::var_os("BANLI_SCREENSHOT") {
        std::fs::copy(&png, &to).unwrap();
    }
}
