//! Bar charts as inline SVG, drawn when the page is written (no chart library, no script):
//! grouped horizontal bars for rates (0–100) and stacked bars of shares. Every label is
//! escaped; coordinates are printed with one decimal, so the same data give the same bytes.

use std::fmt::Write;

/// One series of bars: its name in the legend and its colour.
#[derive(Debug, Clone, Copy)]
pub struct Series {
    /// Name shown in the legend.
    pub name: &'static str,
    /// CSS colour.
    pub colour: &'static str,
}

/// One row of a chart: its label, a note after the label, one value per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Label on the left (cut to [`LABEL_CHARS`] characters; the whole label is its tooltip).
    pub label: String,
    /// Shown in the tooltip, e.g. how many documents the row averages.
    pub note: String,
    /// One value per series; `None` draws no bar.
    pub values: Vec<Option<f64>>,
}

/// Label characters shown before `…`.
const LABEL_CHARS: usize = 16;
const LABEL_W: f64 = 230.0;
const PLOT_W: f64 = 420.0;
const TOP: f64 = 34.0;

/// Escapes text for SVG (XML) content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let mut s: String = label.chars().take(LABEL_CHARS - 1).collect();
    s.push('…');
    s
}

fn num(v: f64) -> String {
    crate::output::fmt_value((v * 10.0).round() / 10.0)
}

fn head(out: &mut String, title: &str, height: f64, series: &[Series]) {
    let width = LABEL_W + PLOT_W + 60.0;
    let _ = write!(
        out,
        "<svg class=\"chart\" width=\"{width}\" \
         height=\"{height:.0}\" viewBox=\"0 0 {width} {height:.0}\" role=\"img\" \
         aria-label=\"{t}\" font-family=\"sans-serif\" font-size=\"12\"><title>{t}</title>",
        t = esc(title)
    );
    let mut x = LABEL_W;
    for s in series {
        let _ = write!(
            out,
            "<rect x=\"{x:.1}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"16\">{}</text>",
            s.colour,
            x + 16.0,
            esc(s.name)
        );
        x += 24.0 + 7.5 * s.name.len() as f64;
    }
}

fn label(out: &mut String, row: &Row, y: f64) {
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"end\"><title>{}{}</title>{}</text>",
        LABEL_W - 8.0,
        esc(&row.label),
        if row.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", esc(&row.note))
        },
        esc(&short(&row.label))
    );
}

/// Grouped horizontal bars on a 0–100 scale, one group per row.
pub fn grouped(title: &str, series: &[Series], rows: &[Row]) -> String {
    let bar = 9.0;
    let group = bar * series.len() as f64 + 10.0;
    let height = TOP + group * rows.len() as f64 + 24.0;
    let mut out = String::new();
    head(&mut out, title, height, series);
    let bottom = TOP + group * rows.len() as f64;
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = LABEL_W + PLOT_W * tick / 100.0;
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{TOP:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" \
             stroke=\"#ccc\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" \
             fill=\"#666\">{}</text>",
            bottom + 14.0,
            num(tick)
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let y0 = TOP + group * i as f64 + 5.0;
        label(&mut out, row, y0 + group / 2.0);
        for (k, (s, v)) in series.iter().zip(&row.values).enumerate() {
            let Some(v) = *v else { continue };
            let y = y0 + bar * k as f64;
            let w = PLOT_W * v.clamp(0.0, 100.0) / 100.0;
            let _ = write!(
                out,
                "<rect x=\"{LABEL_W:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" \
                 fill=\"{}\"><title>{}: {} {}%</title></rect><text x=\"{:.1}\" y=\"{:.1}\" \
                 font-size=\"9\">{}</text>",
                bar - 1.0,
                s.colour,
                esc(&row.label),
                esc(s.name),
                num(v),
                LABEL_W + w + 3.0,
                y + bar - 1.5,
                num(v)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// One bar per row, split into the shares of each series in the row's sum.
pub fn stacked(title: &str, series: &[Series], rows: &[Row]) -> String {
    let bar = 18.0;
    let step = bar + 8.0;
    let height = TOP + step * rows.len() as f64 + 10.0;
    let mut out = String::new();
    head(&mut out, title, height, series);
    for (i, row) in rows.iter().enumerate() {
        let y = TOP + step * i as f64;
        label(&mut out, row, y + bar / 2.0 + 4.0);
        let sum: f64 = row.values.iter().flatten().sum();
        if sum <= 0.0 {
            continue;
        }
        let mut x = LABEL_W;
        for (s, v) in series.iter().zip(&row.values) {
            let Some(v) = *v else { continue };
            let share = 100.0 * v / sum;
            let w = PLOT_W * v / sum;
            let _ = write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{bar:.1}\" \
                 fill=\"{}\"><title>{}: {} {} ({}%)</title></rect>",
                s.colour,
                esc(&row.label),
                esc(s.name),
                num(v),
                num(share)
            );
            if w >= 30.0 {
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#fff\" \
                     font-size=\"10\">{}%</text>",
                    x + w / 2.0,
                    y + bar / 2.0 + 4.0,
                    num(share)
                );
            }
            x += w;
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#666\">{}</text>",
            x + 4.0,
            y + bar / 2.0 + 4.0,
            num(sum)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: [Series; 2] = [
        Series {
            name: "a",
            colour: "#123456",
        },
        Series {
            name: "b",
            colour: "#654321",
        },
    ];

    #[test]
    fn labels_are_escaped_and_bars_scaled() {
        let rows = vec![Row {
            label: "<script>x</script>".into(),
            note: "1 document".into(),
            values: vec![Some(50.0), None],
        }];
        let svg = grouped("t", &S, &rows);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("width=\"210.0\""));
        let svg = stacked(
            "t",
            &S,
            &[Row {
                values: vec![Some(3.0), Some(1.0)],
                ..rows[0].clone()
            }],
        );
        assert!(svg.contains("(75%)") && svg.contains("(25%)"));
    }
}
