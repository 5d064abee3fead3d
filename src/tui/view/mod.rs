//! Drawing: a pure function of the state (it only records the tree's scroll position and
//! height for paging). Layout adapts to the terminal: side by side from 110 columns, stacked
//! below that; under 60×16 a "make the window larger" screen instead of a broken one.

mod dashboard;
mod detail;
mod overlay;
mod tree;

use super::app::{App, Message, Mode, View};
use super::keymap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Below this the interface cannot work; it asks for a larger window instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width the tree and the detail sit side by side.
pub const WIDE: u16 = 110;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "{} ({MIN_WIDTH}×{MIN_HEIGHT}; {} {}×{})",
            app.lang
                .pick("Perbesar jendela terminal", "Please enlarge the terminal"),
            app.lang.pick("sekarang", "now"),
            area.width,
            area.height
        );
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let [header, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, app, header);
    match app.view {
        View::Tree => {
            let [left, right] = if body.width >= WIDE {
                Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)])
                    .spacing(1)
                    .areas(body)
            } else {
                let tree_h = (body.height * 2 / 5).max(5);
                Layout::vertical([Constraint::Length(tree_h), Constraint::Min(0)]).areas(body)
            };
            tree::draw(frame, app, left);
            detail::draw(frame, app, right);
        }
        View::Dashboard => dashboard::draw(frame, app, body),
    }
    draw_status(frame, app, status);
    draw_hints(frame, app, hints);
    match app.mode {
        Mode::Help => overlay::help(frame, app, area),
        Mode::ConfirmQuit => overlay::confirm_quit(frame, app, body),
        Mode::Conflicts(ref list, index) => overlay::conflict(frame, app, body, list, index),
        Mode::History(ref entries) => overlay::history(frame, app, body, entries),
        _ => {}
    }
    if app.theme.ascii {
        asciify(frame.buffer_mut());
    }
}

/// For terminals that mangle Unicode: every drawn symbol becomes plain ASCII.
fn asciify(buffer: &mut ratatui::buffer::Buffer) {
    for cell in buffer.content.iter_mut() {
        let symbol = cell.symbol();
        if symbol.is_ascii() {
            continue;
        }
        let plain = match symbol {
            "─" | "━" | "—" | "–" => "-",
            "│" | "┃" => "|",
            "┌" | "┐" | "└" | "┘" | "├" | "┤" | "┬" | "┴" | "┼" => "+",
            "…" => "~",
            "·" => ".",
            "→" | "▶" => ">",
            "←" => "<",
            "↑" => "^",
            "↓" => "v",
            "✗" => "X",
            "✓" => "v",
            "●" => "*",
            "▸" => "+",
            "▾" => "-",
            "█" => "#",
            "░" => ".",
            "«" => "<",
            "»" => ">",
            "×" => "x",
            _ => "?",
        };
        cell.set_symbol(plain);
    }
}

fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let g = t.glyphs();
    let mut parts = vec![
        format!(
            " kinerja {} {} {}",
            g.sep, app.ws.instansi.nama, app.ws.tahun
        ),
        format!("TW {}", app.quarter),
    ];
    if app.attention_only {
        parts.push(app.lang.pick("hanya merah/kosong", "red/blank only").into());
    }
    if app.is_dirty() {
        parts.push(format!(
            "{} {}",
            g.dirty,
            app.lang.pick("belum disimpan", "unsaved")
        ));
    }
    let text = parts.join(&format!(" {} ", g.sep));
    frame.render_widget(
        Paragraph::new(clip(&text, area.width as usize)).style(t.header_bar()),
        area,
    );
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    match &app.mode {
        Mode::Editing(ed) => {
            let prefix = format!("{}: ", crate::tui::app::field_label(ed.field, app.lang));
            let field_w = (ed.input.value().width() + 2).clamp(10, 24);
            let scroll = ed.input.visual_scroll(field_w);
            let shown: String = ed.input.value().chars().skip(scroll).collect();
            let preview = match (
                &ed.error,
                crate::locale::parse_figure(
                    ed.input.value(),
                    crate::tui::app::field_kind(ed.field),
                ),
            ) {
                (None, Ok(v)) => format!(" = {}", crate::locale::figure(v)),
                (None, Err(_)) => format!(
                    " = {}",
                    app.lang.pick("kosong (belum diisi)", "blank (not entered)")
                ),
                (Some(_), _) => String::new(),
            };
            let line = Line::from(vec![
                Span::styled(prefix.clone(), t.title()),
                Span::styled(left(&shown, field_w), t.selected()),
                Span::styled(
                    clip(
                        &preview,
                        (area.width as usize).saturating_sub(prefix.width() + field_w),
                    ),
                    t.muted(),
                ),
            ]);
            frame.render_widget(Paragraph::new(line), area);
            let x = area.x
                + prefix.width() as u16
                + (ed.input.visual_cursor().saturating_sub(scroll)) as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        }
        Mode::Searching(input) => {
            let prefix = app.lang.pick("Cari kode/nama: ", "Search kode/name: ");
            let line = Line::from(vec![
                Span::styled(prefix, t.title()),
                Span::raw(input.value().to_string()),
            ]);
            frame.render_widget(Paragraph::new(line), area);
            let x = area.x + prefix.width() as u16 + input.visual_cursor() as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        }
        _ => {
            let (text, style) = match &app.message {
                Some(Message::Info(m)) => (m.as_str(), t.info()),
                Some(Message::Error(m)) => (m.as_str(), t.error()),
                None => ("", Style::new()),
            };
            frame.render_widget(
                Paragraph::new(clip(text, area.width as usize)).style(style),
                area,
            );
        }
    }
}

/// "key what · key what …", as many as fit; help and quit are always offered, at the end.
/// While a figure is typed, what is wrong with it takes the line instead.
fn draw_hints(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    if let Mode::Editing(ed) = &app.mode
        && let Some(error) = &ed.error
    {
        let text = clip(&format!("{} {error}", t.glyphs().red), area.width as usize);
        frame.render_widget(Paragraph::new(text).style(t.error()), area);
        return;
    }
    let sep = "  ".to_string();
    let (always, rest): (Vec<_>, Vec<_>) = keymap::hints(app.context(), app.lang)
        .into_iter()
        .partition(|(key, _)| matches!(*key, "?" | "q"));
    let cost = |(key, what): &(&str, &str)| key.width() + 1 + what.width() + sep.width();
    let mut budget = (area.width as usize).saturating_sub(always.iter().map(cost).sum::<usize>());
    let mut shown: Vec<(&str, &str)> = Vec::new();
    for hint in rest {
        if cost(&hint) > budget {
            break;
        }
        budget -= cost(&hint);
        shown.push(hint);
    }
    shown.extend(always);
    let mut spans = Vec::new();
    for (i, (key, what)) in shown.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(sep.clone(), t.muted()));
        }
        spans.push(Span::styled(key, t.key()));
        spans.push(Span::raw(format!(" {what}")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Cuts `s` to `width` terminal columns, marking a cut with "…"; wide characters count double.
pub fn clip(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Pads or cuts `s` to exactly `width` columns, right-aligned.
pub fn right(s: &str, width: usize) -> String {
    let s = clip(s, width);
    format!("{}{s}", " ".repeat(width.saturating_sub(s.width())))
}

/// Pads or cuts `s` to exactly `width` columns, left-aligned.
pub fn left(s: &str, width: usize) -> String {
    let s = clip(s, width);
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}
