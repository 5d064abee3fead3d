//! What a name or other text typed into the workspace may be: one line, no control,
//! bidirectional or invisible characters (see [`crate::text::is_hidden_control`]), no spaces around it, not too long; some texts may be empty. Forms check the
//! trimmed input ([`clean`]), so typing a space between two words is never an error.

/// What is wrong with a text, and which text (plain data in `model`; `locale` words them).
pub use crate::model::{TextError, TextKind};

impl TextKind {
    /// The longest text accepted, in characters. Names are generous: Permendagri 90/2019
    /// names of sub kegiatan run past 200 characters.
    pub fn max(self) -> usize {
        match self {
            TextKind::Nama => 500,
            TextKind::Satuan => 40,
            TextKind::SumberDana => 100,
            TextKind::OfficerId => 40,
            TextKind::Nip => 30,
            // A paragraph or three: what a meeting reads under a red figure.
            TextKind::Catatan => 2000,
            // A long URL or a server path.
            TextKind::Bukti => 500,
            TextKind::Alasan => 500,
        }
    }

    /// Whether the text may be empty.
    pub fn optional(self) -> bool {
        matches!(
            self,
            TextKind::SumberDana | TextKind::Nip | TextKind::Catatan
        )
    }

    /// Whether the text may run over several lines (a line break is its only control
    /// character allowed).
    pub fn multiline(self) -> bool {
        self == TextKind::Catatan
    }

    /// The shape, for a field that has one, to show beside it.
    pub fn hint(self) -> Option<&'static str> {
        match self {
            TextKind::OfficerId => Some("a-z 0-9 - _"),
            TextKind::Nip => Some("18 digit"),
            _ => None,
        }
    }
}

/// Input as a form should check and store it: without the spaces around it.
pub fn clean(input: &str) -> &str {
    input.trim()
}

/// A text of several lines as it is stored: line breaks written `\n` (a Windows editor's
/// `\r\n` and an old Mac's `\r` become one), without the spaces and empty lines around it.
pub fn clean_lines(input: &str) -> String {
    input
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

/// Whether `text` may be stored as a `kind`.
pub fn check(kind: TextKind, text: &str) -> Result<(), TextError> {
    if text.is_empty() {
        return if kind.optional() {
            Ok(())
        } else {
            Err(TextError::Empty)
        };
    }
    // Not only the C0/C1 controls: a bidi override or a zero-width character makes a text read
    // differently from what it holds, or two names that look the same differ.
    let allowed = |c: char| kind.multiline() && c == '\n';
    if text
        .chars()
        .any(|c| crate::text::is_hidden_control(c) && !allowed(c))
    {
        return Err(TextError::Control);
    }
    if text.trim() != text {
        return Err(if text.trim().is_empty() {
            TextError::Empty
        } else {
            TextError::Spaces
        });
    }
    if text.chars().count() > kind.max() {
        return Err(TextError::TooLong { max: kind.max() });
    }
    let shaped = match kind {
        TextKind::OfficerId => text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
        TextKind::Nip => {
            text.chars().all(|c| c.is_ascii_digit() || c == ' ')
                && text.chars().filter(char::is_ascii_digit).count() == 18
        }
        _ => true,
    };
    if shaped {
        Ok(())
    } else {
        Err(TextError::Shape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_trimmed_line() {
        assert_eq!(check(TextKind::Nama, "Program Penunjang"), Ok(()));
        assert_eq!(check(TextKind::Nama, ""), Err(TextError::Empty));
        assert_eq!(check(TextKind::Nama, "   "), Err(TextError::Empty));
        assert_eq!(check(TextKind::Nama, " Program"), Err(TextError::Spaces));
        assert_eq!(
            check(TextKind::Nama, "Program\nPenunjang"),
            Err(TextError::Control)
        );
        assert_eq!(check(TextKind::Nama, "Program\tA"), Err(TextError::Control));
        // A right-to-left override, an isolate, a zero width space, a line separator: the
        // name would read otherwise than it is, or look like another.
        for hidden in [
            '\u{202e}', '\u{2067}', '\u{200b}', '\u{2028}', '\u{feff}', '\u{85}',
        ] {
            assert_eq!(
                check(TextKind::Nama, &format!("Program{hidden}A")),
                Err(TextError::Control),
                "{hidden:?}"
            );
        }
        assert_eq!(check(TextKind::Nama, "Pelayanan Adminduk – Capil"), Ok(()));
        assert_eq!(
            check(TextKind::Nama, &"a".repeat(501)),
            Err(TextError::TooLong { max: 500 })
        );
        assert_eq!(
            check(TextKind::Nama, &"é".repeat(500)),
            Ok(()),
            "characters, not bytes"
        );
        assert_eq!(check(TextKind::SumberDana, ""), Ok(()));
        assert_eq!(clean("  Kasi Pelayanan \n"), "Kasi Pelayanan");
    }

    #[test]
    fn officer_ids_and_nip() {
        assert_eq!(check(TextKind::OfficerId, "kasi-pelayanan"), Ok(()));
        assert_eq!(
            check(TextKind::OfficerId, "Kasi Pelayanan"),
            Err(TextError::Shape)
        );
        // The seed's NIP of the Camat (Lampiran V).
        assert_eq!(check(TextKind::Nip, "19691119 198903 1 005"), Ok(()));
        assert_eq!(check(TextKind::Nip, "196911191989031005"), Ok(()));
        assert_eq!(
            check(TextKind::Nip, "19691119 198903 1 00"),
            Err(TextError::Shape)
        );
        assert_eq!(
            check(TextKind::Nip, "19691119-198903-1-005"),
            Err(TextError::Shape)
        );
        assert_eq!(check(TextKind::Nip, ""), Ok(()));
    }

    #[test]
    fn explanations_run_over_lines_and_nothing_else_hides_in_them() {
        let two = "Pegawai mutasi di TW III.\nDiklat tertunda.";
        assert_eq!(check(TextKind::Catatan, two), Ok(()));
        assert_eq!(check(TextKind::Catatan, ""), Ok(()), "none");
        for bad in ["a\tb", "a\rb", "a\u{1b}[2Kb", "a\u{7f}"] {
            assert_eq!(
                check(TextKind::Catatan, bad),
                Err(TextError::Control),
                "{bad:?}"
            );
        }
        assert_eq!(
            check(TextKind::Catatan, "\nawal"),
            Err(TextError::Spaces),
            "a text starts with its words"
        );
        assert_eq!(
            check(TextKind::Catatan, &"x".repeat(2001)),
            Err(TextError::TooLong { max: 2000 })
        );
        // Evidence and reasons are one line, and never empty.
        assert_eq!(
            check(TextKind::Bukti, "/srv/bukti/ip-asn.pdf\nlain"),
            Err(TextError::Control)
        );
        assert_eq!(check(TextKind::Bukti, ""), Err(TextError::Empty));
        assert_eq!(check(TextKind::Alasan, ""), Err(TextError::Empty));
        assert_eq!(
            clean_lines("  Hujan.\r\nJalan rusak.\r\n\r\n"),
            "Hujan.\nJalan rusak."
        );
    }
}
