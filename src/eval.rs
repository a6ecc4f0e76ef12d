//! `banli eval`: scores an output folder against a gold set laid out as `../shared/eval/*`
//! (gold_docs.csv, gold_facts.csv, gold_topics.csv), with the matching rules of SCHEMA.md.

use crate::model::Measure;
use crate::output::fmt_value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// A fact key: (doc, subject, measure, value, qualifier).
pub type FactKey = (String, String, String, String, String);

/// Precision, recall and F1 of one slice.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Matched facts.
    pub matched: usize,
    /// Predicted facts.
    pub predicted: usize,
    /// Gold facts.
    pub gold: usize,
}

impl Prf {
    /// matched / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.matched as f64 / self.predicted as f64
        }
    }
    /// matched / gold (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Everything `banli eval` measures.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// All facts.
    pub overall: Prf,
    /// Per measure.
    pub per_measure: BTreeMap<String, Prf>,
    /// Field → (right, documents).
    pub fields: BTreeMap<String, (usize, usize)>,
    /// Gold topics matched, gold topics.
    pub topics: (usize, usize),
    /// Gold facts not predicted.
    pub missed: Vec<FactKey>,
    /// Predicted facts not in gold.
    pub extra: Vec<FactKey>,
    /// Consistency-check warnings in documents.csv: (doc, warning).
    pub warnings: Vec<(String, String)>,
    /// Documents whose doc fields differ: (doc, field, gold, predicted).
    pub field_errors: Vec<(String, String, String, String)>,
}

impl Score {
    /// Share of documents with `field` right.
    pub fn accuracy(&self, field: &str) -> f64 {
        match self.fields.get(field) {
            Some(&(ok, n)) if n > 0 => ok as f64 / n as f64,
            _ => 0.0,
        }
    }
}

fn read_rows(path: &Path) -> Result<Vec<HashMap<String, String>>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{}: {e}", path.display()))?;
        out.push(
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), crate::output::uncell(v).to_string()))
                .collect(),
        );
    }
    Ok(out)
}

fn norm_value(v: &str) -> String {
    v.trim()
        .parse::<f64>()
        .map(fmt_value)
        .unwrap_or_else(|_| v.trim().to_string())
}

/// Maps a predicted document key (path relative to the corpus) to the gold key (file name).
fn doc_key(pred: &str, gold: &BTreeSet<String>) -> String {
    if gold.contains(pred) {
        return pred.to_string();
    }
    let base = pred.rsplit('/').next().unwrap_or(pred);
    base.to_string()
}

fn col<'a>(row: &'a HashMap<String, String>, name: &str) -> &'a str {
    row.get(name).map(|s| s.as_str()).unwrap_or("")
}

/// Scores `output` against `gold_dir`.
pub fn score(gold_dir: &Path, output: &Path) -> Result<Score, String> {
    let gold_docs = read_rows(&gold_dir.join("gold_docs.csv"))?;
    let gold_facts = read_rows(&gold_dir.join("gold_facts.csv"))?;
    let gold_topics = read_rows(&gold_dir.join("gold_topics.csv")).unwrap_or_default();
    let pred_docs = read_rows(&output.join("documents.csv"))?;
    let pred_facts = read_rows(&output.join("facts.csv"))?;
    let pred_topics = read_rows(&output.join("topics.csv")).unwrap_or_default();

    let names: BTreeSet<String> = gold_docs
        .iter()
        .map(|r| col(r, "doc").to_string())
        .collect();
    let key = |r: &HashMap<String, String>, doc: String| -> FactKey {
        (
            doc,
            col(r, "subject").to_string(),
            col(r, "measure").to_string(),
            norm_value(col(r, "value")),
            col(r, "qualifier").to_string(),
        )
    };
    let gold: BTreeSet<FactKey> = gold_facts
        .iter()
        .map(|r| key(r, col(r, "doc").to_string()))
        .collect();
    let pred: BTreeSet<FactKey> = pred_facts
        .iter()
        .map(|r| key(r, doc_key(col(r, "doc"), &names)))
        .filter(|k| names.contains(&k.0) && Measure::parse(&k.2).is_some())
        .collect();
    let mut s = Score::default();
    for m in Measure::ALL {
        let name = m.as_str().to_string();
        let g = gold.iter().filter(|k| k.2 == name).count();
        let p = pred.iter().filter(|k| k.2 == name).count();
        let hit = pred
            .iter()
            .filter(|k| k.2 == name && gold.contains(*k))
            .count();
        if g + p > 0 {
            s.per_measure.insert(
                name,
                Prf {
                    matched: hit,
                    predicted: p,
                    gold: g,
                },
            );
        }
    }
    s.overall = Prf {
        matched: pred.intersection(&gold).count(),
        predicted: pred.len(),
        gold: gold.len(),
    };
    s.missed = gold.difference(&pred).cloned().collect();
    s.extra = pred.difference(&gold).cloned().collect();

    let by_doc: HashMap<String, &HashMap<String, String>> = pred_docs
        .iter()
        .map(|r| (doc_key(col(r, "doc"), &names), r))
        .collect();
    for g in &gold_docs {
        let doc = col(g, "doc");
        for field in ["is_report", "year", "region", "level", "sector"] {
            let want = col(g, field);
            let got = by_doc.get(doc).map_or("", |r| col(r, field));
            let e = s.fields.entry(field.to_string()).or_insert((0, 0));
            e.1 += 1;
            if want == got {
                e.0 += 1;
            } else {
                s.field_errors.push((
                    doc.to_string(),
                    field.to_string(),
                    want.to_string(),
                    got.to_string(),
                ));
            }
        }
        if let Some(r) = by_doc.get(doc) {
            for w in col(r, "warnings")
                .split("; ")
                .filter(|w| w.starts_with("check:"))
            {
                s.warnings.push((doc.to_string(), w.to_string()));
            }
        }
    }
    let mut hit = 0;
    for g in &gold_topics {
        let doc = col(g, "doc");
        let label = col(g, "label");
        let count = col(g, "count").trim();
        let found = pred_topics.iter().any(|p| {
            doc_key(col(p, "doc"), &names) == doc && col(p, "count").trim() == count && {
                let pl = col(p, "label");
                !pl.is_empty() && (pl.contains(label) || label.contains(pl))
            }
        });
        if found {
            hit += 1;
        }
    }
    s.topics = (hit, gold_topics.len());
    Ok(s)
}

/// Renders a score the way `banli eval` prints it.
pub fn render(s: &Score) -> String {
    let mut out = String::new();
    let o = &s.overall;
    let _ = writeln!(
        out,
        "facts: precision {:.3}  recall {:.3}  F1 {:.3}  ({} matched, {} predicted, {} gold)",
        o.precision(),
        o.recall(),
        o.f1(),
        o.matched,
        o.predicted,
        o.gold
    );
    let fields: Vec<String> = ["is_report", "year", "region", "level", "sector"]
        .iter()
        .map(|f| format!("{f} {:.3}", s.accuracy(f)))
        .collect();
    let _ = writeln!(out, "documents: {}", fields.join("  "));
    let _ = writeln!(
        out,
        "topics: recall {:.3} ({} of {})",
        if s.topics.1 == 0 {
            1.0
        } else {
            s.topics.0 as f64 / s.topics.1 as f64
        },
        s.topics.0,
        s.topics.1
    );
    let _ = writeln!(
        out,
        "\n{:<22}{:>6}{:>6}{:>6}{:>9}{:>8}{:>7}",
        "measure", "gold", "pred", "hit", "precision", "recall", "F1"
    );
    for (m, p) in &s.per_measure {
        let _ = writeln!(
            out,
            "{:<22}{:>6}{:>6}{:>6}{:>9.3}{:>8.3}{:>7.3}",
            m,
            p.gold,
            p.predicted,
            p.matched,
            p.precision(),
            p.recall(),
            p.f1()
        );
    }
    let show = |out: &mut String, title: &str, v: &[FactKey]| {
        let _ = writeln!(out, "\n{title} ({}):", v.len());
        for k in v {
            let _ = writeln!(out, "  {} {} {} {} {}", k.0, k.1, k.2, k.3, k.4);
        }
    };
    show(&mut out, "missed facts", &s.missed);
    show(&mut out, "extra facts", &s.extra);
    let _ = writeln!(
        out,
        "\ndocument fields that differ ({}):",
        s.field_errors.len()
    );
    for (d, f, g, p) in &s.field_errors {
        let _ = writeln!(out, "  {d} {f}: gold '{g}' predicted '{p}'");
    }
    let _ = writeln!(out, "\nconsistency warnings ({}):", s.warnings.len());
    for (d, w) in &s.warnings {
        let _ = writeln!(out, "  {d} {w}");
    }
    out
}
