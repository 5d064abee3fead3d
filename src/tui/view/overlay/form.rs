//! A form: one field per line (its label, then its text or its choice), what is wrong with
//! it or what helps under it, the reason the last Enter was refused at the end. Scrolls to
//! keep the field with the keys in view when the form is taller than the screen; the cursor
//! sits in the text being typed. Text is shown safe (a control character or an escape typed
//! or pasted into a field shows as `\u{1b}`, never reaching the terminal).

use super::super::clip;
use super::{box_rect, boxed_scrolled, wrap_words};
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::form::{Form, Value};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The widest a form gets.
const WIDTH: u16 = 78;

/// A form's lines, the line range of each field, and the cursor (line, column).
type FormLines<'a> = (
    Vec<Line<'a>>,
    Vec<std::ops::Range<usize>>,
    Option<(usize, usize)>,
);

/// The form's lines at `inner_w` columns, with the line range of each field, and where the
/// cursor goes (line, column) in the field with the keys.
fn lines<'a>(app: &App, form: &Form, inner_w: usize) -> FormLines<'a> {
    let t = app.theme();
    let g = t.glyphs();
    let label_w = form
        .fields
        .iter()
        .map(|f| f.label.width())
        .max()
        .unwrap_or(0)
        .min(inner_w / 3)
        + 1;
    let value_w = inner_w.saturating_sub(label_w + 1).max(1);
    let mut out = Vec::new();
    let mut spans = Vec::new();
    let mut cursor = None;
    for (i, f) in form.fields.iter().enumerate() {
        let start = out.len();
        let focused = i == form.focus;
        let label = format!("{:<label_w$} ", clip(&f.label, label_w));
        let label_style = if focused { t.title() } else { t.muted() };
        if let Value::Lines(input) = &f.value {
            let (rows, at) = text_rows(input, focused, form.wrap.min(inner_w.saturating_sub(2)));
            let style = if focused { t.editing() } else { t.base() };
            out.push(Line::styled(label.trim_end().to_string(), label_style));
            if let Some((r, col)) = at {
                cursor = Some((out.len() + r, 2 + col));
            }
            for row in rows {
                out.push(Line::from(vec![Span::raw("  "), Span::styled(row, style)]));
            }
            push_under(&mut out, f, form, inner_w, label_w, app);
            spans.push(start..out.len());
            continue;
        }
        let value = match &f.value {
            Value::Text(input) => {
                // Shown safe, scrolled so the cursor stays in the field.
                let before: String = input.value().chars().take(input.cursor()).collect();
                let shown_before = visible(&before).width();
                let whole = visible(input.value()).into_owned();
                let skip = (shown_before + 1).saturating_sub(value_w);
                let text = skip_columns(&whole, skip);
                if focused {
                    cursor = Some((out.len(), label_w + 1 + shown_before - skip));
                }
                let style = if focused { t.editing() } else { t.base() };
                Span::styled(clip(&text, value_w), style)
            }
            Value::Lines(_) => unreachable!("drawn above"),
            Value::Choice { options, at } => {
                let chosen = options.get(*at).map_or("", |(_, l)| l.as_str());
                let text = if focused {
                    format!("← {} →", visible(chosen))
                } else {
                    visible(chosen).into_owned()
                };
                let style = if focused { t.selected() } else { t.base() };
                Span::styled(clip(&text, value_w), style)
            }
        };
        out.push(Line::from(vec![Span::styled(label, label_style), value]));
        push_under(&mut out, f, form, inner_w, label_w, app);
        spans.push(start..out.len());
    }
    if let Some(e) = &form.error {
        out.push(Line::raw(""));
        for part in wrap_words(&format!("{} {e}", g.red), inner_w) {
            out.push(Line::styled(part, t.error()));
        }
    }
    (out, spans, cursor)
}

/// What is wrong with a field, or what helps, under it.
fn push_under(
    out: &mut Vec<Line<'_>>,
    f: &crate::tui::form::Field,
    form: &Form,
    inner_w: usize,
    label_w: usize,
    app: &App,
) {
    let t = app.theme();
    let indent = " ".repeat(label_w + 1);
    let under_w = inner_w.saturating_sub(label_w + 3).max(8);
    if let Some(e) = f.shown_error(form) {
        for part in wrap_words(&format!("{} {e}", t.glyphs().red), under_w) {
            out.push(Line::styled(format!("{indent}{part}"), t.error()));
        }
    } else if let Some(n) = f
        .note
        .as_deref()
        .filter(|_| f.error.is_none() || !f.touched)
    {
        for part in wrap_words(n, under_w) {
            out.push(Line::styled(format!("{indent}{part}"), t.muted()));
        }
    }
}

/// Rows of a field of several lines shown at once: all of a short text; of a longer one, the
/// rows around the cursor while it has the keys, else the first ones with how many more.
const SHOWN_ROWS: usize = 6;

/// The rows of a field of several lines to draw at `width`, and the cursor (row among them,
/// column) when it has the keys.
fn text_rows(
    input: &tui_input::Input,
    focused: bool,
    width: usize,
) -> (Vec<String>, Option<(usize, usize)>) {
    use crate::tui::form::lines;
    let text = input.value();
    let rows = lines::rows(text, width);
    if !focused {
        let mut shown: Vec<String> = rows.iter().take(2).map(|r| r.shown.clone()).collect();
        if rows.len() > 2 {
            shown.push(format!("… (+{})", rows.len() - 2));
        }
        return (shown, None);
    }
    let (r, col) = lines::cursor_at(text, &rows, input.cursor());
    let top = (r + 1).saturating_sub(SHOWN_ROWS);
    let shown = rows
        .iter()
        .skip(top)
        .take(SHOWN_ROWS)
        .map(|row| row.shown.clone())
        .collect();
    (shown, Some((r - top, col)))
}

/// `s` without its first `n` columns.
fn skip_columns(s: &str, n: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        if used >= n {
            out.push(c);
        } else {
            used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
    }
    out
}

pub fn form(frame: &mut Frame, app: &App, area: Rect, form: &Form) {
    let width = area.width.min(WIDTH);
    // A column of room inside the border on each side.
    let inner_w = width.saturating_sub(4) as usize;
    let (lines, spans, cursor) = lines(app, form, inner_w);
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let mut spans = vec![Span::raw(" ")];
            spans.extend(l.spans);
            Line::from(spans).style(l.style)
        })
        .collect();
    let len = lines.len();
    let page = (area.height.saturating_sub(2) as usize).max(1);
    // The field with the keys in view, with what is under it where it fits; the form's own
    // error at the end in view after a refused Enter.
    let focus = spans.get(form.focus).cloned().unwrap_or(0..0);
    let mut top = 0;
    if focus.end > page {
        top = focus.end - page;
    }
    if form.error.is_some() && len > page && top + page < len && focus.start >= len - page {
        top = len - page;
    }
    let top = top.min(focus.start).min(len.saturating_sub(page));
    let height = (len as u16 + 2).min(area.height);
    boxed_scrolled(
        frame,
        area,
        (width, height),
        &visible(&form.title),
        lines,
        Some((top, len)),
        app,
    );
    if let Some((line, col)) = cursor
        && line >= top
        && line < top + page
    {
        let rect = box_rect(area, width, height);
        let x = (rect.x + 2 + col as u16).min(rect.right().saturating_sub(2));
        frame.set_cursor_position((x, rect.y + 1 + (line - top) as u16));
    }
}
