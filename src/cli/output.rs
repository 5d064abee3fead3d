//! What every command's output shares: the one-line error and names made safe and short.

use kinerja::text::visible;

/// A failure the user can act on: printed as one line, exit status 2.
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

/// A name, code or path from the workspace, its journal or the disk as it may be printed:
/// control characters written as visible escapes (see [`kinerja::text`]).
pub fn shown(s: &str) -> String {
    visible(s).into_owned()
}

/// A text of several lines (an explanation) as it may be printed: each line [`shown`], the
/// lines after the first indented by `indent` spaces so they stand under the first.
pub fn shown_lines(s: &str, indent: usize) -> String {
    kinerja::text::visible_lines(s)
        .split('\n')
        .collect::<Vec<_>>()
        .join(&format!("\n{:indent$}", ""))
}

/// [`shown`], cut to `max` characters, marking the cut with "…".
pub fn clip(s: &str, max: usize) -> String {
    let s = visible(s);
    if s.chars().count() <= max {
        s.into_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_by_characters_after_making_controls_visible() {
        assert_eq!(clip("Sooko", 5), "Sooko");
        assert_eq!(clip("Kecamatan Sooko", 6), "Kecam…");
        // A cut through an escape leaves part of the escape, never the control byte.
        assert_eq!(clip("a\u{1b}[2K", 4), "a\\u…");
        assert_eq!(clip("ééééé", 3), "éé…");
    }
}
