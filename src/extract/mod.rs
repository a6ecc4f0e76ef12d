//! Stage 6: facts, topics and document fields from normalised text.

mod areas;
mod bases;
mod count_parts;
mod counts;
mod emit;
pub mod facts;
pub mod lexicon;
pub mod mentions;
pub mod meta;
pub mod numerals;
pub mod outcome;
mod part_cues;
mod passes;
mod rate_cues;
mod rates;
mod screen;
mod slots;
pub mod topics;
mod totals;
mod whose;
