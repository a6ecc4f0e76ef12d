//! `banli eval --coders A B`: how far two coders agree, as F1 per measure.
//!
//! Each of A and B is either the facts of a run with that coder's corrections (an output
//! folder, or its `facts.csv`) or that coder's `corrections.csv`; both must be of one kind.
//! Facts are compared as `banli eval` compares them with gold: by document, subject, measure,
//! value and qualifier (evidence and offsets aside), so agreement covers every fact, the ones
//! both coders left alone included. Corrections files are compared decision by decision: by
//! document, action, subject, measure, value, qualifier, new value and new measure (offsets
//! aside, as two coders rarely select the same characters), so the figure says how far the
//! coders agree on what to change, not on the whole table. F1 = 2·both / (A + B); it does not
//! depend on which coder is A.

use crate::eval::Prf;
use crate::output::{fmt_value, uncell};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// One coder's item: the measure it is counted under, and the rest of its key.
type Item = (String, Vec<String>);

/// What one coder's file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Facts (`facts.csv` of a corrected run).
    Facts,
    /// Decisions (`corrections.csv`).
    Corrections,
}

/// The agreement of two coders.
#[derive(Debug, Clone)]
pub struct Agreement {
    /// What was compared.
    pub kind: Kind,
    /// All items: `matched` both, `gold` A's, `predicted` B's.
    pub overall: Prf,
    /// The same per measure.
    pub per_measure: BTreeMap<String, Prf>,
    /// Items only A has.
    pub only_a: Vec<Vec<String>>,
    /// Items only B has.
    pub only_b: Vec<Vec<String>>,
}

fn read(path: &Path) -> Result<(Kind, BTreeSet<Item>), String> {
    let file = if path.is_dir() {
        path.join("facts.csv")
    } else {
        path.to_path_buf()
    };
    let name = file.display().to_string();
    let bytes = std::fs::read(&file).map_err(|e| format!("{name}: {e}"))?;
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    if body.starts_with(b"doc,")
        && body.split(|&b| b == b'\n').next().is_some_and(|h| {
            String::from_utf8_lossy(h)
                .split(',')
                .any(|c| c.trim() == "action")
        })
    {
        let list = crate::corrections::parse(&bytes, &name)?;
        let items = list
            .iter()
            .map(|c| {
                let key = vec![
                    c.doc.clone(),
                    c.action.as_str().to_string(),
                    c.subject.as_str().to_string(),
                    fmt_value(c.value),
                    c.qualifier.as_str().to_string(),
                    c.new_value.map(fmt_value).unwrap_or_default(),
                    c.new_measure
                        .map(|m| m.as_str().to_string())
                        .unwrap_or_default(),
                ];
                (c.measure.as_str().to_string(), key)
            })
            .collect();
        return Ok((Kind::Corrections, items));
    }
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let headers = rdr.headers().map_err(|e| format!("{name}: {e}"))?.clone();
    let cols = ["doc", "subject", "measure", "value", "qualifier"];
    let mut index = Vec::new();
    for col in cols {
        index.push(headers.iter().position(|h| h == col).ok_or_else(|| {
            format!("{name}: neither facts.csv nor corrections.csv (no column {col:?})")
        })?);
    }
    let mut items = BTreeSet::new();
    for row in rdr.records() {
        let row = row.map_err(|e| format!("{name}: {e}"))?;
        let get = |k: usize| uncell(row.get(index[k]).unwrap_or("")).trim().to_string();
        let value = get(3)
            .parse::<f64>()
            .map(fmt_value)
            .unwrap_or_else(|_| get(3));
        items.insert((get(2), vec![get(0), get(1), value, get(4)]));
    }
    Ok((Kind::Facts, items))
}

/// Scores coder `b` against coder `a`.
pub fn score(a: &Path, b: &Path) -> Result<Agreement, String> {
    let (kind_a, items_a) = read(a)?;
    let (kind_b, items_b) = read(b)?;
    if kind_a != kind_b {
        return Err(format!(
            "{} and {} are of different kinds (facts and corrections); compare two corrected \
             facts tables or two corrections files",
            a.display(),
            b.display()
        ));
    }
    let mut per_measure: BTreeMap<String, Prf> = BTreeMap::new();
    for (m, _) in &items_a {
        per_measure.entry(m.clone()).or_default().gold += 1;
    }
    for item in &items_b {
        let p = per_measure.entry(item.0.clone()).or_default();
        p.predicted += 1;
        if items_a.contains(item) {
            p.matched += 1;
        }
    }
    let with_measure = |(m, k): &Item| {
        let mut k = k.clone();
        k.insert(if kind_a == Kind::Facts { 2 } else { 3 }, m.clone());
        k
    };
    Ok(Agreement {
        kind: kind_a,
        overall: Prf {
            matched: items_a.intersection(&items_b).count(),
            predicted: items_b.len(),
            gold: items_a.len(),
        },
        per_measure,
        only_a: items_a.difference(&items_b).map(with_measure).collect(),
        only_b: items_b.difference(&items_a).map(with_measure).collect(),
    })
}

/// The agreement as `banli eval --coders` prints it.
pub fn render(s: &Agreement) -> String {
    let what = match s.kind {
        Kind::Facts => "facts",
        Kind::Corrections => "corrections",
    };
    let mut out = String::new();
    let o = &s.overall;
    let _ = writeln!(
        out,
        "agreement on {what}: F1 {:.3}  ({} both, {} A only, {} B only)",
        o.f1(),
        o.matched,
        o.gold - o.matched,
        o.predicted - o.matched
    );
    let _ = writeln!(
        out,
        "\n{:<22}{:>6}{:>6}{:>6}{:>8}",
        "measure", "A", "B", "both", "F1"
    );
    for (m, p) in &s.per_measure {
        let _ = writeln!(
            out,
            "{:<22}{:>6}{:>6}{:>6}{:>8.3}",
            m,
            p.gold,
            p.predicted,
            p.matched,
            p.f1()
        );
    }
    for (title, v) in [("A only", &s.only_a), ("B only", &s.only_b)] {
        let _ = writeln!(out, "\n{title} ({}):", v.len());
        for k in v {
            let _ = writeln!(out, "  {}", k.join(" "));
        }
    }
    out
}
