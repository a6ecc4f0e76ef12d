//! The part-cue table: words that mark a count as a slice of items counted elsewhere, each with
//! what it slices by and why it is there (SCHEMA "Parts are not totals").

use super::lexicon::Entry;

/// What a part cue slices the items by: two counts sliced the same way with no whole written
/// ("大会提案950件,平时提案24件") are batches side by side, each its own total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartBy {
    /// Who raised them (collective, individual, parties, sectors).
    Proposer,
    /// When they were received (during or between sessions).
    Time,
    /// In what form (written, oral).
    Form,
    /// Their subject area.
    Area,
    /// A relation to items counted elsewhere (included, merged, the rest, converted).
    Other,
}

/// Part cues: words that mark a count as a slice of items already counted (SCHEMA "Parts are
/// not totals"). A part is no fact where the whole is written. Each says what it slices by.
pub const PART_CUES: &[Entry<PartBy>] = &[
    (
        "集体",
        PartBy::Proposer,
        "by proposer: collective proposals",
    ),
    ("个人", PartBy::Proposer, "by proposer: individual members"),
    ("联名", PartBy::Proposer, "by proposer: joint proposals"),
    ("界别", PartBy::Proposer, "by proposer: CPPCC sectors"),
    (
        "代表团",
        PartBy::Proposer,
        "by proposer: items raised in a delegation's name (以代表团名义提出建议126件)",
    ),
    ("党派", PartBy::Proposer, "by proposer: parties"),
    (
        "组织提案",
        PartBy::Proposer,
        "by proposer: proposals in an organisation's name (主办组织提案7件)",
    ),
    ("团体", PartBy::Proposer, "by proposer: organisations"),
    (
        "专门委员会",
        PartBy::Proposer,
        "by proposer: special committees",
    ),
    (
        "专委会",
        PartBy::Proposer,
        "by proposer: special committees",
    ),
    ("会议期间", PartBy::Time, "by time: during the session"),
    ("大会期间", PartBy::Time, "by time: during the session"),
    ("闭会期间", PartBy::Time, "by time: between sessions"),
    ("大会提案", PartBy::Time, "by time: session proposals"),
    (
        "平时提案",
        PartBy::Time,
        "by time: proposals between sessions",
    ),
    ("会后", PartBy::Time, "by time: after the session"),
    ("书面", PartBy::Form, "by form: written suggestions"),
    ("口头", PartBy::Form, "by form: suggestions made orally"),
    ("方面", PartBy::Area, "by subject area"),
    ("领域", PartBy::Area, "by subject area"),
    ("涉及", PartBy::Area, "by subject area"),
    ("建言", PartBy::Area, "by subject area (建言X的提案)"),
    ("关于", PartBy::Area, "by subject area"),
    (
        "作为建议处理",
        PartBy::Other,
        "motions handled as suggestions, counted within them",
    ),
    (
        "并案",
        PartBy::Other,
        "merged items, counted within the whole",
    ),
    (
        "领衔督办",
        PartBy::Other,
        "by selection: items leaders took up to supervise, chosen from those counted",
    ),
    (
        "含",
        PartBy::Other,
        "a count the whole includes (含7月交办5件)",
    ),
    ("其余", PartBy::Other, "the rest of items already counted"),
    (
        "普通",
        PartBy::Other,
        "by selection: the ordinary items beside the key ones (33件为普通办件)",
    ),
    ("剩余", PartBy::Other, "the rest of items already counted"),
    ("转为", PartBy::Other, "items converted to another kind"),
    ("转建议", PartBy::Other, "items converted to suggestions"),
];
