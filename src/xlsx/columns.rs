//! What each column of each table holds, and how banli.xlsx stores it: the text of the
//! workbook's first sheet, and the cell type of every column.

/// How a column's cells are stored in the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text, as written in the CSV table.
    Text,
    /// A number (counts, years, offsets, 0/1 flags).
    Number,
    /// A percentage: the CSV's 98.5 is stored as 0.985 shown as 98.5%.
    Rate,
    /// `facts.csv` `value`: a percentage for rate measures, a number for counts.
    Value,
}

impl Kind {
    /// The type as the first sheet names it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Number => "number",
            Kind::Rate => "percent",
            Kind::Value => "number (percent for rates)",
        }
    }
}

/// (table, column, kind, meaning) for every column banli writes.
pub const COLUMNS: &[(&str, &str, Kind, &str)] = &[
    (
        "documents",
        "doc",
        Kind::Text,
        "Path of the file relative to the corpus folder (the document key).",
    ),
    (
        "documents",
        "is_report",
        Kind::Number,
        "1 when the text reports on handling suggestions or proposals, else 0.",
    ),
    (
        "documents",
        "year",
        Kind::Number,
        "The year whose handling is reported.",
    ),
    (
        "documents",
        "region",
        Kind::Text,
        "Jurisdiction of the reporting body, with its suffix (省, 市, 县 …).",
    ),
    (
        "documents",
        "region_code",
        Kind::Text,
        "Six-digit GB/T 2260 code of the region (110000 for 北京市); empty without a region.",
    ),
    (
        "documents",
        "level",
        Kind::Text,
        "province, city, county, or empty.",
    ),
    (
        "documents",
        "sector",
        Kind::Text,
        "Line of work of the reporting body (人社, 民政, 政府 …).",
    ),
    (
        "documents",
        "agency",
        Kind::Text,
        "The reporting body as written (simplified script).",
    ),
    (
        "documents",
        "encoding",
        Kind::Text,
        "Encoding the file's bytes were decoded from.",
    ),
    (
        "documents",
        "script",
        Kind::Text,
        "simplified, traditional or mixed.",
    ),
    (
        "documents",
        "repairs",
        Kind::Text,
        "What normalisation changed: kind:count, separated by ;.",
    ),
    (
        "documents",
        "chars",
        Kind::Number,
        "Characters in the decoded original.",
    ),
    (
        "documents",
        "facts",
        Kind::Number,
        "Rows of this document in facts.",
    ),
    (
        "documents",
        "warnings",
        Kind::Text,
        "Quality problems, consistency checks (check:) and corrections not applied (correction:), separated by ;.",
    ),
    ("facts", "doc", Kind::Text, "The document key."),
    (
        "facts",
        "subject",
        Kind::Text,
        "proposal (CPPCC), suggestion (people's congress), or combined.",
    ),
    (
        "facts",
        "measure",
        Kind::Text,
        "What the figure measures: total, lead, co, key, solved, in_progress, not_feasible, reference, satisfied, basically_satisfied, unsatisfied, reply_rate, satisfaction_rate, contact_rate.",
    ),
    (
        "facts",
        "value",
        Kind::Value,
        "The figure: items for counts; for the *_rate measures a percentage (the CSV's 98.5 is 98.5% here).",
    ),
    (
        "facts",
        "qualifier",
        Kind::Text,
        "eq (achieved), ge (a floor: 以上, 超过) or target (a goal: 力争, 确保).",
    ),
    (
        "facts",
        "evidence",
        Kind::Text,
        "The clause the figure was read from, as written in the decoded original.",
    ),
    (
        "facts",
        "start",
        Kind::Number,
        "Character offset of the evidence in the decoded original.",
    ),
    (
        "facts",
        "end",
        Kind::Number,
        "Character offset one past the end of the evidence.",
    ),
    (
        "facts",
        "repaired",
        Kind::Number,
        "1 when the evidence overlaps text the repair stage changed.",
    ),
    (
        "facts",
        "source",
        Kind::Text,
        "extracted (found by banli) or corrected (changed or added by a researcher's corrections file).",
    ),
    ("topics", "doc", Kind::Text, "The document key."),
    (
        "topics",
        "label",
        Kind::Text,
        "A subject area the document enumerates (simplified script).",
    ),
    (
        "topics",
        "count",
        Kind::Number,
        "Items given for the area, when the text gives a number.",
    ),
    (
        "topics",
        "evidence",
        Kind::Text,
        "The enumeration as written in the decoded original.",
    ),
    (
        "topics",
        "start",
        Kind::Number,
        "Character offset of the evidence in the decoded original.",
    ),
    (
        "topics",
        "end",
        Kind::Number,
        "Character offset one past the end of the evidence.",
    ),
    (
        "errors",
        "doc",
        Kind::Text,
        "The file that could not be processed.",
    ),
    (
        "errors",
        "stage",
        Kind::Text,
        "The stage that failed: ingest, decode, repair, script or extract.",
    ),
    ("errors", "message", Kind::Text, "What went wrong."),
    (
        "comparison",
        "body",
        Kind::Text,
        "The reporting body: region/sector, or doc:KEY for a document without a region \
         (never pooled with others).",
    ),
    (
        "comparison",
        "region",
        Kind::Text,
        "Jurisdiction of the group's documents.",
    ),
    (
        "comparison",
        "region_code",
        Kind::Text,
        "Six-digit GB/T 2260 code of the region (110000 for 北京市); empty without a region.",
    ),
    (
        "comparison",
        "sector",
        Kind::Text,
        "Line of work of the group's documents.",
    ),
    ("comparison", "year", Kind::Number, "The year reported."),
    (
        "comparison",
        "level",
        Kind::Text,
        "province, city, county, or empty.",
    ),
    (
        "comparison",
        "documents",
        Kind::Number,
        "Report documents in the group.",
    ),
    (
        "comparison",
        "total_proposals",
        Kind::Number,
        "Proposals handled, summed over the group's documents.",
    ),
    (
        "comparison",
        "total_suggestions",
        Kind::Number,
        "Suggestions handled, summed over the group's documents.",
    ),
    (
        "comparison",
        "total_combined",
        Kind::Number,
        "Items handled of both kinds, summed over the group's documents: a document's combined \
         count where it gives one, else its proposals plus its suggestions.",
    ),
    (
        "comparison",
        "reply_rate",
        Kind::Rate,
        "Reply rate, averaged over the documents that give one.",
    ),
    (
        "comparison",
        "satisfaction_rate",
        Kind::Rate,
        "Satisfaction rate, averaged over the documents that give one.",
    ),
    (
        "comparison",
        "solved_share",
        Kind::Rate,
        "Share of items solved (outcome A), averaged over the documents that give it.",
    ),
    (
        "comparison",
        "docs",
        Kind::Text,
        "The group's documents, separated by ;.",
    ),
    (
        "panel",
        "body",
        Kind::Text,
        "The reporting body, as in comparison.csv.",
    ),
    (
        "panel",
        "region_code",
        Kind::Text,
        "Six-digit GB/T 2260 code of the body's region; empty without a region.",
    ),
    ("panel", "year", Kind::Number, "The year reported."),
    (
        "panel",
        "measure",
        Kind::Text,
        "What the figure measures, as in facts.csv.",
    ),
    (
        "panel",
        "subject",
        Kind::Text,
        "proposal, suggestion or combined, as in facts.csv.",
    ),
    (
        "panel",
        "value",
        Kind::Value,
        "The body's figure for the year: counts summed, rates averaged over its documents; a \
         document's figure is its largest non-target fact for the measure and subject.",
    ),
];

/// The kind and meaning of `column` of `table` (a column banli does not describe: text).
pub fn describe(table: &str, column: &str) -> (Kind, &'static str) {
    COLUMNS
        .iter()
        .find(|(t, c, _, _)| *t == table && *c == column)
        .map_or((Kind::Text, "(not described)"), |&(_, _, k, m)| (k, m))
}
