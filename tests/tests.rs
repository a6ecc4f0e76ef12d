//! Integration tests: one binary, one module per concern.

// Helpers: temporary folders, running the binary, reading the CSV tables.
mod util;

// Every input form the decode stage must read, and the files it must refuse without panicking.
mod inputs;
// The command line: byte-identical output at any thread count, the error table, the summary.
mod cli;
// Scores on the gold sets (../shared/eval seeds and dev, and corpus/) and grounded evidence.
mod gold;
// Extraction of the language phenomena, one short text each.
mod phenomena;
// The frame rules of issue 7 (scope, roles, outcomes, grades, rates), one sentence each.
mod frames;
// The frame rules of the second round (remainders, bands, defined letters, earlier years).
mod frames_round2;
// The third round: how areas are named (about-words, masked counts, what members cared about).
mod frames_round3;
// Issue 7, round 5: areas before counts, frames, outcomes of what the items asked for.
mod frames_round4;
// Issue 7, round 6: joined grades' shares, who speaks in a news item.
mod frames_round5;
// Issue 7, round 7: registering, titled series, addressees, areas of a breakdown.
mod frames_round6;
// Issue 7, round 8: directives, grades above the three, split handling, undefined letters, who reports.
mod frames_round7;
// Issue 7, round 9: reached goals, kinds of party proposals, time and level parts.
mod frames_round9;
// Issue 7, round 10: outcome phrases before a later count, batches by time with no whole.
mod frames_round10;
// Issue 7, round 11: new batches larger than the totals, joined roles, sums of kinds.
mod frames_round11;
// Issue 7, round 12: shares and ranks of areas, lists closed by central work, numeral years.
mod frames_round12;
// Issue 7, round 13: the counting body's place, and the rules of sets p21–p25.
mod frames_round13;
// Round 15 of issue 7: rules from fresh sets p31–p35 and from the earlier sets' misses.
mod frames_round15;
mod frames_round16;
mod frames_round17;
// Round 19 of issue 7: wholes of shares, feedback opinions, key items, aspects with a purpose.
mod frames_round19;
// Round 20 of issue 7: fronted areas, adopted items still to be done, ranges, delegated reports.
mod frames_round20;
// Round 21 of issue 7: reached rates, floors, adopted items, content and legislative plans,
// commended items.
mod frames_round21;
// The script stage's shortcut: lines without a character t2s changes are left as they are.
mod script_table;
// The damage generator itself: codecs misread, alternate lines or whole documents.
mod damage_gen;
// The damage generator: every kind of mojibake on every document, facts compared.
mod damage;
// Issue 9: damaged UTF-8 stays UTF-8; BOM-less UTF-16 only on evidence.
mod decode_damage;
// Issue 9: the walk on hostile trees (links, FIFOs, devices, sizes, names).
mod walk;
// Issue 9: the lazy walk, the same files and rows as the eager one, in key order.
mod walker;
// Issue 9: atomic, locked output; spreadsheet-safe cells; the summary's counts.
mod output_safety;
// Issue 9: tables written as documents pass, in key order.
mod streamed_tables;
// Issue 9: no quadratic rescans in the stages outside extraction.
mod linear;
// Evidence on documents repaired as a whole quotes the damaged characters of its clause.
mod grounding;
// Issue 9: property tests over damaged and arbitrary inputs (no panic, every file accounted
// for, grounded evidence, linear work).
mod robust;
// Issues 9 and 11: the repair stage's per-document work budget.
mod budget;
// Issue 12: stream mode (lists, JSON Lines, shards, closed pipes) and merge.
mod stream;
// Issue 12: --format parquet (typed tables equal to the CSVs, deterministic, merged alike).
#[cfg(feature = "parquet")]
mod format_parquet;
// Issue 12: the system's libopencc converts as the built-in OpenCC (scripts/ci_opencc.sh).
#[cfg(feature = "system-opencc")]
mod system_opencc;
// Issue 10: review.html, offline, escaped, every fact highlighted, deterministic.
mod review;
// Issue 10: corrections applied on the next run, reported when stale; coders' agreement.
mod corrections;
// Issue 10: banli.xlsx, read back with another reader.
mod xlsx;
// Issue 10: region codes, comparison by body and year, the long panel.
mod panel;
// Issue 10: review.html in headless chromium: highlights equal facts.csv, no script injected,
// the README's screenshot. Ignored by default; scripts/ci_browser.sh runs them.
mod browser;
// A reader for the DOM chromium dumps (used by browser).
mod dom;
