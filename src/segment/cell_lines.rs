//! Tables saved one cell per line: an HTML table turned into text often puts each cell on its
//! own line, with blank lines between ("性质类别\n\n件数\n\n百分比(%)\n\n城建环保\n\n69\n\n41.57").
//! Each row is joined back onto one line, its line breaks turned into spaces, so that the
//! table reader of the extract stage sees "城建环保  69  41.57" under "性质类别  件数  百分比(%)".
//! Only line breaks change (into spaces, one for one), so every character keeps its origin.

use crate::text::MappedText;

/// Header words of a column that counts items (the same words the table reader looks for).
const COUNT_COLUMNS: &[&str] = &["件数", "数量", "建议数", "提案数", "议案数"];

/// The most header cells before the count column, and after it.
const MAX_BEFORE: usize = 2;
const MAX_AFTER: usize = 3;

/// A line of the text: its character span (without the break) and its text, trimmed.
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Joins the rows of tables laid out one cell per line; other text comes back unchanged.
pub fn join_cell_lines(text: MappedText) -> MappedText {
    if !COUNT_COLUMNS.iter().any(|w| text.as_str().contains(w)) {
        return text;
    }
    let mut lines = Vec::new();
    let mut at = 0;
    for raw in text.as_str().split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let n = body.chars().count();
        if !body.trim().is_empty() {
            lines.push(Line {
                start: at,
                end: at + n,
                text: body.trim(),
            });
        }
        at += raw.chars().count();
    }
    // Character spans whose line breaks become spaces: one per row, header included.
    let mut joins: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match table_at(&lines, i) {
            Some((first, width, rows)) => {
                for r in 0..=rows {
                    let a = first + r * width;
                    joins.push((lines[a].start, lines[a + width - 1].end));
                }
                i = first + (rows + 1) * width;
            }
            None => i += 1,
        }
    }
    if joins.is_empty() {
        return text;
    }
    let mut spans = joins.iter().peekable();
    let mut out = String::with_capacity(text.as_str().len());
    for (k, c) in text.as_str().chars().enumerate() {
        while spans.next_if(|&&(_, end)| end <= k).is_some() {}
        let inside = spans.peek().is_some_and(|&&(start, _)| start <= k);
        out.push(if inside && (c == '\n' || c == '\r') {
            ' '
        } else {
            c
        });
    }
    text.with_text(out).unwrap_or_else(|t| t)
}

/// A single cell: short, no spaces or sentence punctuation inside.
fn is_cell(s: &str) -> bool {
    s.chars().count() <= 16 && !s.contains([' ', '\t', '。', ',', ';', ':', '|'])
}

fn is_number(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '%')
}

fn is_whole_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A table whose count-column header is line `i`: the first header line, the row width and
/// the number of data rows (at least two).
fn table_at(lines: &[Line], i: usize) -> Option<(usize, usize, usize)> {
    let head = lines[i].text;
    let bare = head.trim_end_matches(['(', ')', '件', '（', '）']);
    if !is_cell(head) || !COUNT_COLUMNS.iter().any(|w| bare.ends_with(w)) {
        return None;
    }
    // Header cells before it (labels, no numbers) and after it: the narrowest header whose
    // rows read as label, count, then numbers (a caption line before is no header cell).
    (1..=MAX_BEFORE.min(i))
        .take_while(|&b| is_cell(lines[i - b].text) && !is_number(lines[i - b].text))
        .flat_map(|before| (0..=MAX_AFTER).map(move |after| (before, after)))
        .find_map(|(before, after)| {
            let first = i - before;
            let width = before + 1 + after;
            let header_ok = (1..=after).all(|a| {
                lines
                    .get(i + a)
                    .is_some_and(|l| is_cell(l.text) && !is_number(l.text))
            });
            if !header_ok {
                return None;
            }
            let rows = (0..)
                .take_while(|&r| {
                    let a = first + (r + 1) * width;
                    a + width <= lines.len() && row_ok(&lines[a..a + width], before)
                })
                .count();
            (rows >= 2).then_some((first, width, rows))
        })
}

/// A data row: a label (words or a class letter) first, a whole number in the count column,
/// numbers in the columns after it.
fn row_ok(row: &[Line], column: usize) -> bool {
    let label = row[0].text;
    is_cell(label)
        && !is_number(label)
        && is_whole_number(row[column].text)
        && row[column + 1..].iter().all(|l| is_number(l.text))
        && row[1..column].iter().all(|l| is_cell(l.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_a_table_saved_cell_per_line_are_joined() {
        let text = "分类见表1。\n\n类别\n\n件数\n\n百分比(%)\n\n城建\n\n9\n\n45\n\n教育\n\n11\n\n55\n\n以上是分类。\n";
        let out = join_cell_lines(MappedText::identity(text));
        assert!(
            out.as_str().contains("类别  件数  百分比(%)"),
            "{}",
            out.as_str()
        );
        assert!(out.as_str().contains("城建  9  45"), "{}", out.as_str());
        assert!(out.as_str().contains("教育  11  55\n"), "{}", out.as_str());
        assert!(out.as_str().contains("\n\n以上是分类"), "{}", out.as_str());
        assert_eq!(out.len(), MappedText::identity(text).len());
        assert_eq!(out.origin(7), 7);
    }

    #[test]
    fn prose_and_single_rows_are_left_alone() {
        for text in [
            "共收到建议件数30件。\n其中主办10件。\n",
            "类别\n\n件数\n\n城建\n\n9\n\n其他文字在这里。\n",
        ] {
            assert_eq!(join_cell_lines(MappedText::identity(text)).as_str(), text);
        }
    }
}
