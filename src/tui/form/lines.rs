//! A field of several lines (an explanation, the list of evidence): the text is kept in a
//! tui-input buffer, so typing, deleting and the word moves are the one-line field's; it is
//! laid out in rows wrapped at the field's width (a word carried to the next row whole when it
//! fits there), and the cursor moves by row: ↑/↓ keep the column (and leave the field at its
//! first or last row), Home/End go to the row's ends. Enter is a line break in it.
//!
//! What is shown is safe: a control character, an escape or a bidirectional mark typed or
//! pasted shows as its escape (`\u{1b}`), never reaching the terminal; the rules say what is
//! wrong with it (`rules::text`).

use tui_input::{Input, InputRequest};
use unicode_width::UnicodeWidthStr;

/// One row of the laid-out text: the characters `start..end` of the text (a line break ending
/// it is not in it), and what they show as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    pub shown: String,
}

/// What one character shows as: itself, or its escape when it is hidden or a control.
fn shown(c: char) -> String {
    let s = c.to_string();
    if c.is_control() || crate::text::is_hidden_control(c) {
        crate::text::visible(&s).into_owned()
    } else {
        s
    }
}

/// `text` in rows of at most `width` columns (at least one row, even for an empty text).
pub fn rows(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(2);
    let mut out = Vec::new();
    let mut row = Row {
        start: 0,
        end: 0,
        shown: String::new(),
    };
    // Within the current row: where the last space ended (a break there carries the word).
    let mut after_space: Option<(usize, usize)> = None;
    for (i, c) in text.chars().enumerate() {
        if c == '\n' {
            row.end = i;
            out.push(std::mem::replace(
                &mut row,
                Row {
                    start: i + 1,
                    end: i + 1,
                    shown: String::new(),
                },
            ));
            after_space = None;
            continue;
        }
        let s = shown(c);
        if row.shown.width() + s.width() > width {
            match after_space.filter(|(at, _)| *at > row.start) {
                // The word so far goes to the next row whole.
                Some((at, bytes)) => {
                    let carried = row.shown.split_off(bytes);
                    row.end = at;
                    out.push(std::mem::replace(
                        &mut row,
                        Row {
                            start: at,
                            end: at,
                            shown: carried,
                        },
                    ));
                }
                None => {
                    row.end = i;
                    out.push(std::mem::replace(
                        &mut row,
                        Row {
                            start: i,
                            end: i,
                            shown: String::new(),
                        },
                    ));
                }
            }
            after_space = None;
        }
        row.shown.push_str(&s);
        if c == ' ' {
            after_space = Some((i + 1, row.shown.len()));
        }
    }
    row.end = text.chars().count();
    out.push(row);
    out
}

/// The cursor's row and column (in screen columns) among `rows`.
pub fn cursor_at(text: &str, rows: &[Row], cursor: usize) -> (usize, usize) {
    // The last row that starts at or before the cursor (a cursor at a wrap point is at the
    // start of the next row).
    let r = rows
        .iter()
        .rposition(|row| row.start <= cursor)
        .unwrap_or(0);
    let row = &rows[r];
    let col: usize = text
        .chars()
        .skip(row.start)
        .take(cursor.saturating_sub(row.start))
        .map(|c| shown(c).width())
        .sum();
    (r, col)
}

/// The character at screen column `col` of `row` (or its end).
fn index_at(text: &str, row: &Row, col: usize) -> usize {
    let mut used = 0;
    for (i, c) in text
        .chars()
        .enumerate()
        .skip(row.start)
        .take(row.end - row.start)
    {
        let w = shown(c).width();
        if used + w > col {
            return i;
        }
        used += w;
    }
    row.end
}

/// A move within the field's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    RowStart,
    RowEnd,
}

/// Moves the cursor of `input` laid out at `width`; `false` when there is no row to go to (the
/// form then moves to the field before or after).
pub fn step(input: &mut Input, width: usize, m: Move) -> bool {
    let text = input.value().to_string();
    let rows = rows(&text, width);
    let (r, col) = cursor_at(&text, &rows, input.cursor());
    let to = match m {
        Move::Up if r == 0 => return false,
        Move::Down if r + 1 >= rows.len() => return false,
        Move::Up => index_at(&text, &rows[r - 1], col),
        Move::Down => index_at(&text, &rows[r + 1], col),
        Move::RowStart => rows[r].start,
        Move::RowEnd => rows[r].end,
    };
    input.handle(InputRequest::SetCursor(to));
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown_rows(text: &str, width: usize) -> Vec<String> {
        rows(text, width).into_iter().map(|r| r.shown).collect()
    }

    #[test]
    fn words_wrap_whole_and_line_breaks_stay() {
        assert_eq!(
            shown_rows("Pegawai mutasi di TW III", 12),
            ["Pegawai ", "mutasi di ", "TW III"]
        );
        assert_eq!(shown_rows("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(shown_rows("", 10), [""]);
        // A word longer than the row is cut where the row ends.
        assert_eq!(shown_rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // An escape shows as its escape, and counts its columns.
        let r = shown_rows("a\u{1b}[31mb", 40);
        assert_eq!(r.len(), 1);
        assert!(r[0].contains("\\u{1b}"), "{r:?}");
        // A wide character counts two columns.
        assert_eq!(shown_rows("漢字漢字", 5), ["漢字", "漢字"]);
    }

    #[test]
    fn the_cursor_moves_by_row_keeping_its_column() {
        let text = "satu dua\ntiga empat";
        let mut input = Input::new(text.to_string()).with_cursor(2);
        assert!(step(&mut input, 20, Move::Down));
        assert_eq!(input.cursor(), 11, "column 2 of the second line");
        assert!(!step(&mut input, 20, Move::Down), "no row below");
        assert!(step(&mut input, 20, Move::RowEnd));
        assert_eq!(input.cursor(), text.chars().count());
        assert!(step(&mut input, 20, Move::Up));
        assert_eq!(input.cursor(), 8, "the first line is shorter: its end");
        assert!(step(&mut input, 20, Move::RowStart));
        assert_eq!(input.cursor(), 0);
        assert!(!step(&mut input, 20, Move::Up));
        let rows = rows(text, 20);
        assert_eq!(cursor_at(text, &rows, 9), (1, 0));
    }
}
