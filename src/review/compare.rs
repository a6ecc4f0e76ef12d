//! The comparison view's charts: rates by region and year, and outcome-class shares by
//! agency, over report documents, read from the facts as `comparison.csv` reads them.

use super::chart::{self, Row, Series};
use crate::model::{DocRecord, Measure, Qualifier, Subject};
use std::collections::BTreeMap;

/// A document's rate (reply, satisfaction, contact), as comparison.csv reads it: the
/// combined figure, else the proposals', else the suggestions'; targets left out.
fn rate(r: &DocRecord, m: Measure) -> Option<f64> {
    [Subject::Combined, Subject::Proposal, Subject::Suggestion]
        .into_iter()
        .find_map(|s| {
            r.facts
                .iter()
                .filter(|f| f.subject == s && f.measure == m && f.qualifier != Qualifier::Target)
                .map(|f| f.value)
                .reduce(f64::max)
        })
}

const OUTCOMES: [Measure; 4] = [
    Measure::Solved,
    Measure::InProgress,
    Measure::NotFeasible,
    Measure::Reference,
];

/// A document's achieved outcome classes: the combined figures, else proposals plus
/// suggestions (two kinds of item, never the same ones).
fn outcomes(r: &DocRecord) -> Option<[f64; 4]> {
    let sum = |subjects: &[Subject]| {
        let mut v = [0.0; 4];
        for f in &r.facts {
            if let Some(k) = OUTCOMES.iter().position(|&m| m == f.measure)
                && subjects.contains(&f.subject)
                && f.qualifier == Qualifier::Eq
            {
                v[k] += f.value;
            }
        }
        (v.iter().sum::<f64>() > 0.0).then_some(v)
    };
    sum(&[Subject::Combined]).or_else(|| sum(&[Subject::Proposal, Subject::Suggestion]))
}

/// Who a document reports for, in a chart label: agency, else region, else the document. An
/// undated document stands for itself: its body's other reports may be of other years.
fn body(r: &DocRecord) -> &str {
    if r.meta.year.is_none() {
        return r.doc.as_str();
    }
    [&r.meta.agency, &r.meta.region]
        .into_iter()
        .find(|s| !s.is_empty())
        .map_or(r.doc.as_str(), |s| s.as_str())
}

fn with_year(label: &str, year: Option<u16>) -> String {
    match year {
        Some(y) => format!("{label} {y}"),
        None => label.to_string(),
    }
}

fn plural(n: usize) -> String {
    format!("{n} document{}", if n == 1 { "" } else { "s" })
}

/// A chart row's place or body, and year.
type Group = (String, Option<u16>);

/// The comparison charts: rates by region and year, outcome-class shares by agency.
pub fn charts(records: &[&DocRecord]) -> (String, String) {
    let rates = [
        Measure::ReplyRate,
        Measure::SatisfactionRate,
        Measure::ContactRate,
    ];
    let mut groups: BTreeMap<Group, Vec<[Option<f64>; 3]>> = BTreeMap::new();
    for r in records.iter().filter(|r| r.meta.is_report) {
        let v = rates.map(|m| rate(r, m));
        if v.iter().any(|x| x.is_some()) {
            // No region: the body itself, so unrelated bodies are never averaged together.
            let place = if r.meta.region.is_empty() {
                format!("({})", body(r))
            } else {
                r.meta.region.clone()
            };
            groups.entry((place, r.meta.year)).or_default().push(v);
        }
    }
    let rows: Vec<Row> = groups
        .into_iter()
        .map(|((place, year), docs)| Row {
            label: with_year(&place, year),
            note: plural(docs.len()),
            values: (0..3)
                .map(|k| {
                    let v: Vec<f64> = docs.iter().filter_map(|d| d[k]).collect();
                    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
                })
                .collect(),
        })
        .collect();
    let series = [
        Series {
            name: "reply_rate",
            colour: "#2a6f97",
        },
        Series {
            name: "satisfaction_rate",
            colour: "#52b788",
        },
        Series {
            name: "contact_rate",
            colour: "#e09f3e",
        },
    ];
    let rates_svg = chart::grouped("Rates by region and year (percent)", &series, &rows);
    let mut groups: BTreeMap<Group, ([f64; 4], usize)> = BTreeMap::new();
    for r in records.iter().filter(|r| r.meta.is_report) {
        if let Some(v) = outcomes(r) {
            let g = groups
                .entry((body(r).to_string(), r.meta.year))
                .or_default();
            for (sum, x) in g.0.iter_mut().zip(v) {
                *sum += x;
            }
            g.1 += 1;
        }
    }
    let rows: Vec<Row> = groups
        .into_iter()
        .map(|((agency, year), (v, n))| Row {
            label: with_year(&agency, year),
            note: plural(n),
            values: v.iter().map(|&x| Some(x)).collect(),
        })
        .collect();
    let series = [
        Series {
            name: "solved",
            colour: "#2d6a4f",
        },
        Series {
            name: "in_progress",
            colour: "#74c69d",
        },
        Series {
            name: "not_feasible",
            colour: "#e76f51",
        },
        Series {
            name: "reference",
            colour: "#8d99ae",
        },
    ];
    let outcomes_svg = chart::stacked("Outcome classes by agency (share of items)", &series, &rows);
    (rates_svg, outcomes_svg)
}
