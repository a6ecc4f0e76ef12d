//! Stage 5: sentences and clauses with character offsets.
//!
//! Extraction reads one sentence at a time: a sentence ends at `。`, `!`, `?` or a line break; a
//! clause inside it ends at `,`, `;` or `:`. Offsets are character indices into the
//! normalised text.

/// Characters that end a sentence.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '\n' | '\r')
}

/// Characters that end a clause.
pub fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, ',' | ';' | ':' | '、' | '(' | ')')
}

/// Characters that end a clause, not counting list commas and brackets.
pub fn ends_phrase(c: char) -> bool {
    ends_sentence(c) || matches!(c, ',' | ';' | ':')
}

/// Splits `chars` into sentences: half-open ranges, each without its terminator.
pub fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if ends_sentence(c) {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if chars.len() > start {
        out.push((start, chars.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_full_stop_and_newline() {
        let chars: Vec<char> = "共22件。其中主办9件\n会办13件".chars().collect();
        assert_eq!(sentences(&chars), vec![(0, 5), (6, 12), (13, 18)]);
    }
}
