//! Text from a workspace or a journal, made safe to show: a name may hold terminal escapes
//! (`ESC]0;…BEL` retitles a terminal, `ESC[1A ESC[2K` erases the line above — hiding a red
//! indicator) or bidirectional overrides that make a line read differently from what it holds.
//! Every text output of the command line and every export passes names through [`visible`].
//!
//! The one form: each such character is written as Rust writes a Unicode escape, `\u{1b}`
//! (ESC), `\u{7}` (BEL), `\u{a}` (a newline inside a name), `\u{202e}` (RIGHT-TO-LEFT
//! OVERRIDE) — visible, unambiguous, and never a control byte.

use std::borrow::Cow;

/// Whether a character must not reach a terminal or a file raw: the C0 controls (tab and
/// newline included — a name never needs them, and a raw newline could forge a report line),
/// DEL, the C1 controls, the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E,
/// U+200F, U+061C), the line and paragraph separators (U+2028, U+2029: a line break to many
/// viewers), and the invisible ones (U+200B–U+200D zero width space, non-joiner, joiner;
/// U+2060 word joiner; U+FEFF zero width no-break space) that make two names that look the
/// same differ.
pub fn is_hidden_control(c: char) -> bool {
    // `is_control` is the Unicode category Cc: U+0000–U+001F, U+007F–U+009F.
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

/// `s` without the characters of [`is_hidden_control`], for a screen cell (the interface
/// shows names as text, never their escapes); borrowed when there is none.
pub fn without_hidden(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|c| !is_hidden_control(*c)).collect())
}

/// `s` with every character of [`is_hidden_control`] written as its visible escape
/// (`\u{1b}`); borrowed when there is none (the usual case).
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden_control(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`visible`] for a text of several lines (an explanation): its line breaks stay line breaks,
/// every other hidden character is escaped as [`visible`] does.
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_hidden_control(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.split('\n')
            .map(|line| visible(line).into_owned())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_control_becomes_a_visible_escape() {
        assert_eq!(
            visible("a\u{1b}]0;x\u{7}b"),
            "a\\u{1b}]0;x\\u{7}b",
            "the retitle sequence"
        );
        assert_eq!(visible("\u{1b}[1A\u{1b}[2K"), "\\u{1b}[1A\\u{1b}[2K");
        assert_eq!(visible("a\nb\tc\rd"), "a\\u{a}b\\u{9}c\\u{d}d");
        assert_eq!(
            visible("\u{7f}\u{80}\u{9b}\u{9f}"),
            "\\u{7f}\\u{80}\\u{9b}\\u{9f}"
        );
        assert_eq!(
            visible("\u{202a}\u{202e}\u{2066}\u{2069}\u{200e}\u{200f}\u{61c}"),
            "\\u{202a}\\u{202e}\\u{2066}\\u{2069}\\u{200e}\\u{200f}\\u{61c}"
        );
        // Separators that break a line in many viewers, and the invisible ones.
        assert_eq!(
            visible("a\u{2028}b\u{2029}c\u{200b}d\u{200c}e\u{200d}f\u{2060}g\u{feff}h"),
            "a\\u{2028}b\\u{2029}c\\u{200b}d\\u{200c}e\\u{200d}f\\u{2060}g\\u{feff}h"
        );
        assert_eq!(without_hidden("Ke\u{200b}ca\u{2028}mat"), "Kecamat");
        assert!(matches!(without_hidden("Sooko"), Cow::Borrowed(_)));
    }

    #[test]
    fn an_explanation_keeps_its_lines_and_nothing_else() {
        assert!(matches!(visible_lines("a\nb"), Cow::Borrowed(_)));
        assert_eq!(
            visible_lines("Hujan.\n\u{1b}[1AJalan\u{202e}"),
            "Hujan.\n\\u{1b}[1AJalan\\u{202e}"
        );
        assert_eq!(visible_lines("a\r\nb"), "a\\u{d}\nb");
    }

    #[test]
    fn ordinary_text_is_left_alone_and_borrowed() {
        for s in [
            "Kecamatan Sooko",
            "AINUL FADILAH, S.KM",
            "Rp 2.664.510.688 · 91,81 %",
            "✓ ✗ — … «» ≠ →",
            "العربية", // right-to-left letters are text, not controls
            "\u{a0}",  // no-break space
        ] {
            assert!(matches!(visible(s), Cow::Borrowed(_)), "{s}");
        }
        // Just outside the ranges.
        assert!(!is_hidden_control('\u{202f}'));
        assert!(!is_hidden_control('\u{2065}'));
        assert!(!is_hidden_control('\u{a0}'));
        assert!(
            !is_hidden_control('\u{200a}'),
            "hair space: a visible space"
        );
        assert!(!is_hidden_control('\u{2061}'));
        assert!(!is_hidden_control('\u{fefe}'));
    }
}
