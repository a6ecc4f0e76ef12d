//! A reader for the DOM that `chromium --dump-dom` prints (used by tests/browser.rs).
//!
//! The dump is the browser's own HTML serialisation of the document after its scripts ran,
//! which is regular: attribute values are double-quoted with `&`, `"`, `<`, `>` and U+00A0
//! written as entities, text has `&`, `<`, `>` and U+00A0 written as entities, `script` and
//! `style` hold raw text up to their end tag, void elements have no end tag, and every other
//! element (SVG's included) has one. So every `<` outside `script`, `style` and comments
//! starts a tag the browser built: a `<script>` that a document's text smuggled into the page
//! would show here as an element, not as `&lt;script&gt;`.

use std::collections::HashMap;

/// Elements that have no end tag in HTML.
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// A child of an element: another element (an index into [`Dom::elems`]) or text.
#[derive(Debug)]
pub enum Node {
    Elem(usize),
    Text(String),
}

/// One element: its name (lower case), attributes in order, parent and children.
#[derive(Debug)]
pub struct Elem {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub parent: Option<usize>,
    pub children: Vec<Node>,
}

impl Elem {
    /// The value of attribute `name`, entities decoded.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the `class` attribute holds `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|x| x == class))
    }
}

/// A parsed dump: elements in document order (index 0 is the first element, `html`).
#[derive(Debug)]
pub struct Dom {
    pub elems: Vec<Elem>,
}

/// Decodes the entities the browser's serialiser writes.
fn unescape(s: &str) -> String {
    s.replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Parses a start tag at the beginning of `s` (which starts with `<`): its name, its
/// attributes (values entity-decoded) and the length of the tag. Quoted values are scanned to
/// their closing quote, so a `>` inside one does not end the tag.
fn start_tag(s: &str) -> (String, Vec<(String, String)>, usize) {
    let body = &s[1..];
    let name_end = body
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .expect("tag name end");
    let name = body[..name_end].to_ascii_lowercase();
    let mut rest = &body[name_end..];
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if let Some(r) = rest.strip_prefix('>') {
            return (name, out, s.len() - r.len());
        }
        let key_end = rest
            .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
            .expect("attribute name end");
        let key = rest[..key_end].to_ascii_lowercase();
        rest = &rest[key_end..];
        if let Some(r) = rest.strip_prefix("=\"") {
            let close = r.find('"').expect("a closing quote");
            out.push((key, unescape(&r[..close])));
            rest = &r[close + 1..];
        } else {
            out.push((key, String::new()));
        }
    }
}

impl Dom {
    /// Parses `html`, a `--dump-dom` serialisation. Panics on anything it does not expect,
    /// an end tag that closes no open element included.
    pub fn parse(html: &str) -> Dom {
        let mut elems: Vec<Elem> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut rest = html;
        let push_text = |elems: &mut Vec<Elem>, open: &[usize], text: &str| {
            if let (Some(&top), false) = (open.last(), text.is_empty()) {
                elems[top].children.push(Node::Text(unescape(text)));
            }
        };
        while !rest.is_empty() {
            let lt = rest.find('<').unwrap_or(rest.len());
            push_text(&mut elems, &open, &rest[..lt]);
            rest = &rest[lt..];
            if rest.is_empty() {
                break;
            }
            if let Some(r) = rest.strip_prefix("<!--") {
                rest = &r[r.find("-->").expect("comment end") + 3..];
            } else if rest.starts_with("<!") {
                rest = &rest[rest.find('>').expect("doctype end") + 1..];
            } else if let Some(r) = rest.strip_prefix("</") {
                let gt = r.find('>').expect("end tag end");
                let name = r[..gt].trim().to_ascii_lowercase();
                let at = open
                    .iter()
                    .rposition(|&i| elems[i].name == name)
                    .unwrap_or_else(|| panic!("</{name}> closes no open element"));
                open.truncate(at);
                rest = &r[gt + 1..];
            } else {
                let (name, tag_attrs, len) = start_tag(rest);
                rest = &rest[len..];
                let i = elems.len();
                let parent = open.last().copied();
                elems.push(Elem {
                    name: name.clone(),
                    attrs: tag_attrs,
                    parent,
                    children: Vec::new(),
                });
                if let Some(p) = parent {
                    elems[p].children.push(Node::Elem(i));
                }
                if name == "script" || name == "style" {
                    let end = format!("</{name}>");
                    let close = rest.find(&end).expect("raw text end");
                    elems[i]
                        .children
                        .push(Node::Text(rest[..close].to_string()));
                    rest = &rest[close + end.len()..];
                } else if !VOID.contains(&name.as_str()) {
                    open.push(i);
                }
            }
        }
        Dom { elems }
    }

    /// Indices of the elements named `name`, in document order.
    pub fn all(&self, name: &str) -> Vec<usize> {
        (0..self.elems.len())
            .filter(|&i| self.elems[i].name == name)
            .collect()
    }

    /// Indices of the elements named `name` inside element `root`, in document order.
    pub fn within(&self, root: usize, name: &str) -> Vec<usize> {
        self.all(name)
            .into_iter()
            .filter(|&i| self.is_inside(i, root))
            .collect()
    }

    /// Whether element `i` lies inside element `root` (not `root` itself).
    pub fn is_inside(&self, i: usize, root: usize) -> bool {
        let mut at = self.elems[i].parent;
        while let Some(p) = at {
            if p == root {
                return true;
            }
            at = self.elems[p].parent;
        }
        false
    }

    /// The element whose `id` is `id`.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        (0..self.elems.len()).find(|&i| self.elems[i].attr("id") == Some(id))
    }

    /// The text of element `i` and its descendants, as `textContent`.
    pub fn text(&self, i: usize) -> String {
        let mut out = String::new();
        for c in &self.elems[i].children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::Elem(j) => out.push_str(&self.text(*j)),
            }
        }
        out
    }

    /// Every attribute name in the document, with the element that carries it.
    pub fn attribute_names(&self) -> HashMap<String, Vec<usize>> {
        let mut out: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in self.elems.iter().enumerate() {
            for (k, _) in &e.attrs {
                out.entry(k.clone()).or_default().push(i);
            }
        }
        out
    }
}

#[test]
fn dump_reader_keeps_text_and_elements_apart() {
    let dom = Dom::parse(
        "<!DOCTYPE html><html data-x=\"&quot;a&amp;b>\"><head><script>if (a < b) {}</script>\
         </head><body><div class=\"text t\">&lt;script&gt;x&nbsp;<mark data-o=\"3\">5件</mark>\
         <img src=\"x\"><svg><rect width=\"1\"></rect></svg></div><!-- <p> --></body></html>",
    );
    let names: Vec<&str> = dom.elems.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "html", "head", "script", "body", "div", "mark", "img", "svg", "rect"
        ]
    );
    assert_eq!(dom.elems[0].attr("data-x"), Some("\"a&b>"));
    assert_eq!(dom.text(2), "if (a < b) {}");
    let div = dom.all("div")[0];
    assert!(dom.elems[div].has_class("t") && !dom.elems[div].has_class("tex"));
    assert_eq!(dom.text(div), "<script>x\u{a0}5件");
    assert_eq!(dom.within(div, "mark").len(), 1);
    assert!(dom.is_inside(8, div) && !dom.is_inside(div, 8));
    assert_eq!(dom.attribute_names()["src"], [6]);
}
