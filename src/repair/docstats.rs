//! The document's own character statistics, for choosing characters whose bytes were lost:
//! pairs and counts of the repaired text, and the filling of lost characters from the
//! document's vocabulary that the line judge uses.

use super::mojibake::Judge;
use crate::decode::is_cjk;
use std::collections::HashMap;

/// Replaces U+FFFD in `line` with the character of the document's vocabulary that completes a
/// dictionary word with its neighbours and is best supported by the document's character
/// pairs; leaves it when nothing clearly fits. Returns the line and how many were restored.
pub(super) fn fill_from_document(line: &str, judge: &Judge, stats: &DocStats) -> (String, usize) {
    let mut chars: Vec<char> = line.chars().collect();
    let mut restored = 0;
    for i in 0..chars.len() {
        if chars[i] != '\u{FFFD}' {
            continue;
        }
        if judge.budget.exhausted() {
            break; // past the budget: the rest stay lost
        }
        judge.budget.charge(stats.vocabulary.len());
        let before: Vec<char> = chars[..i].iter().rev().take(3).copied().collect();
        let after: Vec<char> = chars[i + 1..].iter().take(3).copied().collect();
        let prev = before.first().copied().unwrap_or(' ');
        let next = after.first().copied().unwrap_or(' ');
        let mut ranked: Vec<((usize, usize), char)> = stats
            .vocabulary
            .iter()
            .filter(|&&c| judge.completes_word(&before, c, &after))
            .map(|&c| ((stats.score(prev, c, next), stats.count(c)), c))
            .collect();
        ranked.sort_by(|a, b| b.cmp(a));
        if let Some(c) = clear_winner(&ranked, false) {
            chars[i] = c;
            restored += 1;
        }
    }
    (chars.into_iter().collect(), restored)
}

/// Digits and Chinese numerals count as one class: "12件" supports "46件" and "九件".
pub(super) fn numeral_class(c: char) -> char {
    if c.is_ascii_digit() || "〇一二两三四五六七八九十百千万".contains(c) {
        '0'
    } else {
        c
    }
}

/// Character statistics of one document, for choosing a character whose byte was lost.
#[derive(Default)]
pub(super) struct DocStats {
    pairs: HashMap<(char, char), usize>,
    unigrams: HashMap<char, usize>,
    vocabulary: std::collections::BTreeSet<char>,
}

/// The candidate the document clearly favours: by pair support, or (with `by_count`) on equal
/// support by how often it occurs; `ranked` is sorted best first as ((pair support, count), candidate).
pub(super) fn clear_winner<T: Copy>(ranked: &[((usize, usize), T)], by_count: bool) -> Option<T> {
    match ranked {
        [((pairs, count), x), rest @ ..] if *pairs >= 1 => match rest.first() {
            None => Some(*x),
            Some(((p2, _), _)) if *pairs > 2 * p2 => Some(*x),
            Some(((p2, c2), _)) if by_count && pairs == p2 && *count > 2 * c2 => Some(*x),
            _ => None,
        },
        _ => None,
    }
}

impl DocStats {
    /// How often `c` occurs in the document.
    pub(super) fn count(&self, c: char) -> usize {
        self.unigrams.get(&c).copied().unwrap_or(0)
    }

    pub(super) fn add(&mut self, text: &str) {
        // Spaces between a number and its unit ("31 件") do not break a pair.
        let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        self.vocabulary
            .extend(chars.iter().copied().filter(|&c| is_cjk(c)));
        for &c in chars.iter().filter(|&&c| is_cjk(c)) {
            *self.unigrams.entry(c).or_default() += 1;
        }
        for w in chars.windows(2) {
            let (a, b) = (numeral_class(w[0]), numeral_class(w[1]));
            *self.pairs.entry((a, b)).or_default() += 1;
        }
    }

    /// How often `c` stands between these neighbours elsewhere in the document (digits count
    /// as one class: "12件" supports "46件").
    pub(super) fn score(&self, prev: char, c: char, next: char) -> usize {
        let class = numeral_class;
        self.pairs.get(&(class(prev), c)).copied().unwrap_or(0)
            + self.pairs.get(&(c, class(next))).copied().unwrap_or(0)
    }
}
