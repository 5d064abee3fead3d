//! Fitting the message line: a message that does not fit is never cut where the user needs
//! it. Paths in it are shortened first (`~/` for the home folder, then the middle of the
//! folder part elided — never the file name); what still does not fit wraps onto a second
//! line (the hint line gives way for it); only a message longer than two lines is cut at its
//! end.

use unicode_width::UnicodeWidthStr;

/// The lines (one or two) to show `text` in at `width` columns; `home` is the user's home
/// folder, written `~`.
pub fn fit_message(text: &str, width: usize, home: Option<&str>) -> Vec<String> {
    if width == 0 {
        return vec![String::new()];
    }
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    if let Some(home) = home.filter(|h| h.len() > 1) {
        let home = home.trim_end_matches('/');
        for w in &mut words {
            if let Some(rest) = w.strip_prefix(home)
                && (rest.is_empty() || rest.starts_with('/'))
            {
                *w = format!("~{rest}");
            }
        }
    }
    // Elide path folders, the longest path first, one folder at a time, until it fits.
    loop {
        if let Some(lines) = wrap(&words, width) {
            return lines;
        }
        let longest = words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| elided(w).map(|e| (w.width(), i, e)))
            .max_by_key(|(w, ..)| *w);
        match longest {
            Some((_, i, shorter)) => words[i] = shorter,
            None => break,
        }
    }
    // Still too long: two lines, broken at a space where the rest then fits, else inside a
    // word; only the second is cut, at its end.
    let joined = words.join(" ");
    let hard = take_width(&joined, width, false);
    let soft = take_width(&joined, width, true);
    let first = if joined[soft.len()..].trim_start().width() <= width {
        soft
    } else {
        hard
    };
    let rest = joined[first.len()..].trim_start();
    vec![first, super::clip(rest, width)]
}

/// Words in at most two lines of `width` columns (a word is never broken); `None` when they
/// do not fit.
fn wrap(words: &[String], width: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = vec![String::new()];
    for w in words {
        if w.width() > width {
            return None;
        }
        let line = lines.last_mut().expect("one line at least");
        if line.is_empty() {
            line.push_str(w);
        } else if line.width() + 1 + w.width() <= width {
            line.push(' ');
            line.push_str(w);
        } else {
            if lines.len() == 2 {
                return None;
            }
            lines.push(w.clone());
        }
    }
    Some(lines)
}

/// A path-like word with one more folder of its middle elided (`/a/b/c/d/f.xlsx` →
/// `/a/…/c/d/f.xlsx` → `/a/…/d/f.xlsx` → `/a/…/f.xlsx`); `None` when nothing is left to elide.
/// A trailing `:` or `,` stays.
fn elided(word: &str) -> Option<String> {
    let (path, tail) = match word.strip_suffix([':', ',', ';']) {
        Some(p) => (p, &word[p.len()..]),
        None => (word, ""),
    };
    if !(path.starts_with('/') || path.starts_with("~/") || path.starts_with("…/")) {
        return None;
    }
    let parts: Vec<&str> = path.split('/').collect();
    // [first, (…), middle…, file]: the first part ("" for "/", "~"), and the file stay.
    let first = parts.first()?;
    let file = parts.last()?;
    let middle: Vec<&str> = parts[1..parts.len() - 1]
        .iter()
        .copied()
        .filter(|p| *p != "…")
        .collect();
    if middle.is_empty() {
        return None;
    }
    let mut out = vec![*first, "…"];
    out.extend(&middle[1..]);
    out.push(file);
    Some(format!("{}{tail}", out.join("/")))
}

/// The longest prefix of `s` of at most `width` columns; with `at_space`, up to its last space
/// when it has one.
fn take_width(s: &str, width: usize, at_space: bool) -> String {
    let mut used = 0;
    let mut end = 0;
    let mut last_space = None;
    for (i, ch) in s.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w > width {
            break;
        }
        if ch == ' ' {
            last_space = Some(i);
        }
        used += w;
        end = i + ch.len_utf8();
    }
    if at_space
        && end < s.len()
        && let Some(space) = last_space
    {
        end = space;
    }
    s[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORTED: &str = "Ekspor ditulis ke /home/budi/laporan/kecamatan/2023/kinerja-kecamatan-sooko-2023-tw4-2026-12-01.xlsx";

    #[test]
    fn a_short_message_stays_as_it_is() {
        assert_eq!(
            fit_message("Tersimpan ke /tmp/ws.json", 80, None),
            ["Tersimpan ke /tmp/ws.json"]
        );
    }

    #[test]
    fn the_file_name_is_never_cut_at_80_columns() {
        let lines = fit_message(EXPORTED, 80, Some("/home/budi"));
        assert!(lines.len() <= 2, "{lines:?}");
        assert!(lines.iter().all(|l| l.width() <= 80), "{lines:?}");
        let shown = lines.join(" ");
        assert!(
            shown.contains("kinerja-kecamatan-sooko-2023-tw4-2026-12-01.xlsx"),
            "{lines:?}"
        );
        // The home folder reads as ~.
        assert!(shown.contains("~/"), "{lines:?}");
    }

    #[test]
    fn at_60_columns_the_middle_of_the_path_goes_first() {
        let lines = fit_message(EXPORTED, 60, Some("/home/budi"));
        let shown = lines.join(" ");
        assert!(lines.iter().all(|l| l.width() <= 60), "{lines:?}");
        assert!(
            shown.contains("kinerja-kecamatan-sooko-2023-tw4-2026-12-01.xlsx"),
            "{lines:?}"
        );
        assert!(shown.contains("~/…/"), "{lines:?}");
    }

    #[test]
    fn folders_are_elided_one_at_a_time() {
        assert_eq!(elided("/a/b/c/f.xlsx").as_deref(), Some("/…/b/c/f.xlsx"));
        assert_eq!(elided("/…/b/c/f.xlsx").as_deref(), Some("/…/c/f.xlsx"));
        assert_eq!(elided("/…/f.xlsx"), None);
        assert_eq!(elided("~/x/ws.json:").as_deref(), Some("~/…/ws.json:"));
        assert_eq!(elided("bukan/jalur"), None);
    }

    #[test]
    fn narrower_than_the_file_name_the_name_is_broken_and_its_end_cut() {
        let lines = fit_message(EXPORTED, 30, Some("/home/budi"));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| l.width() <= 30), "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
    }

    #[test]
    fn a_message_too_long_for_two_lines_is_cut_at_its_end() {
        let long = "kata ".repeat(60);
        let lines = fit_message(&long, 40, None);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| l.width() <= 40));
    }
}
