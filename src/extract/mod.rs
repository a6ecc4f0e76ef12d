//! Stage 6: facts, topics and document fields from normalised text.

pub mod facts;
pub mod lexicon;
pub mod meta;
pub mod numerals;
pub mod topics;
