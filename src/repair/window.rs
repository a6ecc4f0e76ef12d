//! The characters around a byte of lossily decoded UTF-8, read from a small window instead of
//! by decoding everything before or after it: what restoring a lost byte needs of its
//! neighbours, in time that does not grow with the length of the line.

/// The three characters before byte `end` of lossily decoded UTF-8 `bytes` (nearest first),
/// and the nearest one that is not whitespace (`' '` when none): as decoding all of
/// `bytes[..end]` would give them, from a window that ends there.
pub(super) fn chars_before(bytes: &[u8], end: usize) -> (Vec<char>, char) {
    let mut width = 32;
    loop {
        // Lossy decoding starts a character at every byte that is no continuation byte, and
        // no lead reaches past three continuation bytes: so the window's decoding agrees with
        // that of the whole prefix from `sync` on.
        let mut from = end.saturating_sub(width);
        let mut back = 0;
        while from > 0 && back < 4 && (0x80..=0xBF).contains(&bytes[from]) {
            from -= 1;
            back += 1;
        }
        let sync = if from == 0 || !(0x80..=0xBF).contains(&bytes[from]) {
            0
        } else {
            3
        };
        let text = String::from_utf8_lossy(&bytes[from..end]);
        let before: Vec<char> = text.chars().rev().take(3).collect();
        // (Before `sync` the window's characters are single continuation bytes, one each.)
        let prev = text
            .chars()
            .skip(sync)
            .filter(|c| !c.is_whitespace())
            .last();
        if prev.is_some() || from == 0 {
            return (before, prev.unwrap_or(' '));
        }
        width *= 4;
    }
}

/// The three characters from byte `start` of lossily decoded UTF-8 `bytes`, and the nearest
/// one that is not whitespace (`' '` when none), from a window that starts there.
pub(super) fn chars_after(bytes: &[u8], start: usize) -> (Vec<char>, char) {
    let mut width = 32;
    loop {
        let to = (start + width).min(bytes.len());
        // A sequence cut by the window's end shows as U+FFFD only after the first
        // characters: each takes at most four bytes.
        let text = String::from_utf8_lossy(&bytes[start..to]);
        let after: Vec<char> = text.chars().take(3).collect();
        let next = text
            .char_indices()
            // (Offsets in the decoded text are never less than those in the bytes.)
            .find(|&(i, c)| !c.is_whitespace() && (to == bytes.len() || i + 4 <= to - start))
            .map(|(_, c)| c);
        if next.is_some() || to == bytes.len() {
            return (after, next.unwrap_or(' '));
        }
        width *= 4;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What decoding the whole prefix and suffix gives.
    fn naive(bytes: &[u8], at: usize) -> ((Vec<char>, char), (Vec<char>, char)) {
        let head = String::from_utf8_lossy(&bytes[..at]);
        let tail = String::from_utf8_lossy(&bytes[at..]);
        let before = head.chars().rev().take(3).collect();
        let prev = head.chars().rev().find(|c| !c.is_whitespace());
        let after = tail.chars().take(3).collect();
        let next = tail.chars().find(|c| !c.is_whitespace());
        ((before, prev.unwrap_or(' ')), (after, next.unwrap_or(' ')))
    }

    /// Bytes rich in what makes windows hard: continuation bytes, leads, blanks.
    fn hard_bytes() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop_oneof![
            Just(b' '),
            Just(b'\n'),
            Just(0x80u8),
            Just(0xBFu8),
            Just(0xE4u8),
            Just(0xFFu8),
            Just(0xE3u8),
            any::<u8>(),
        ];
        let piece = prop_oneof![
            proptest::collection::vec(byte, 1..4),
            Just("办理".as_bytes().to_vec()),
            Just("\u{3000}\u{3000}".as_bytes().to_vec()),
            Just(vec![b' '; 40]),
            Just(vec![0x80; 9]),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn windows_read_as_the_whole_text(bytes in hard_bytes(), at in any::<prop::sample::Index>()) {
            let at = at.index(bytes.len() + 1);
            let (b, a) = naive(&bytes, at);
            prop_assert_eq!(chars_before(&bytes, at), b);
            prop_assert_eq!(chars_after(&bytes, at), a);
        }
    }
}
