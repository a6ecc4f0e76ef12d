//! The script stage skips t2s on text with no character that t2s changes alone. Checked here on
//! every line of every text this project can read: for such lines the full conversion changes
//! nothing, so the shortcut never loses a conversion (a phrase of characters that are each
//! simplified would be the only way, and none occurs).

use banli::script::Converters;
use std::path::Path;

#[test]
fn lines_without_traditional_characters_are_unchanged_by_t2s() {
    let cc = Converters::new().expect("converters");
    let mut dirs = vec!["corpus/docs".to_string()];
    for set in ["seeds", "dev", "dev2", "wild"] {
        dirs.push(format!("../shared/eval/{set}/docs"));
    }
    let (mut lines, mut skipped) = (0, 0);
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(Path::new(&dir)) else {
            assert!(
                std::env::var_os("CI").is_none() || dir.starts_with("corpus"),
                "{dir} missing under CI"
            );
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("read");
            let text = banli::decode::decode(&bytes, false)
                .map(|d| d.text)
                .unwrap_or_default();
            for line in text.lines() {
                lines += 1;
                if !cc.has_traditional(line) {
                    skipped += 1;
                    assert_eq!(
                        cc.to_simplified_always(line),
                        line,
                        "{}: t2s changes a line the table calls simplified",
                        entry.path().display()
                    );
                }
            }
        }
    }
    assert!(lines > 0 && skipped > 0, "{lines} lines, {skipped} skipped");
    // Traditional text is still converted.
    assert_eq!(cc.to_simplified("辦復率"), "办复率");
    assert!(cc.is_traditional('辦') && !cc.is_traditional('办'));
}
