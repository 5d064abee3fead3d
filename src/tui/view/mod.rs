//! Drawing: a pure function of `&App` — it reads the state and changes nothing. Layout adapts
//! to the terminal: side by side from 110 columns, stacked below that; under 60×16 a "make the
//! window larger" screen instead of a broken one. The same layout gives the tree's height to
//! the update (see [`tree_height`]), so paging and scrolling are decided there, not here.

mod dashboard;
mod detail;
mod overlay;
mod tree;

use super::app::{App, Mode, View};
use super::keymap;
use super::labels::field_label;
use super::message::Message;
use super::session::Progress;
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
            app.lang()
                .pick("Perbesar jendela terminal", "Please enlarge the terminal"),
            app.lang().pick("sekarang", "now"),
            area.width,
            area.height
        );
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let [header, body, status, hints] = rows(area);
    draw_header(frame, app, header);
    match app.view() {
        View::Tree => {
            let [left, right] = panes(body);
            tree::draw(frame, app, left);
            detail::draw(frame, app, right);
        }
        View::Dashboard => dashboard::draw(frame, app, body),
    }
    draw_status(frame, app, status);
    draw_hints(frame, app, hints);
    match app.mode() {
        Mode::Help => overlay::help(frame, app, area),
        Mode::ConfirmQuit => overlay::confirm_quit(frame, app, body),
        Mode::Conflicts(conflicts) => overlay::conflict(frame, app, body, conflicts),
        Mode::History(journal) => overlay::history(frame, app, body, journal),
        _ => {}
    }
    strip_hidden(frame.buffer_mut());
    if app.theme().ascii {
        asciify(frame.buffer_mut());
    }
}

/// Takes out of every cell what ratatui lets through and a terminal must not get raw: line
/// and paragraph separators, zero-width and joining characters (see
/// `kinerja::text::is_hidden_control`; ratatui itself drops the C0/C1 controls).
fn strip_hidden(buffer: &mut ratatui::buffer::Buffer) {
    for cell in buffer.content.iter_mut() {
        if let std::borrow::Cow::Owned(kept) = crate::text::without_hidden(cell.symbol()) {
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

/// The screen's rows: header, body, status line, hints.
fn rows(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The tree's and the detail's parts of the body: side by side when wide, else stacked.
fn panes(body: Rect) -> [Rect; 2] {
    if body.width >= WIDE {
        Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)])
            .spacing(1)
            .areas(body)
    } else {
        let tree_h = (body.height * 2 / 5).max(5);
        Layout::vertical([Constraint::Length(tree_h), Constraint::Min(0)]).areas(body)
    }
}

/// How many rows of the tree a terminal of `size` shows (at least 1).
pub fn tree_height(size: ratatui::layout::Size) -> usize {
    let [_, body, _, _] = rows(Rect::new(0, 0, size.width, size.height));
    let [tree, _] = panes(body);
    (tree::inner(tree).height as usize).max(1)
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
    let t = &app.theme();
    let g = t.glyphs();
    let mut parts = vec![
        format!(
            " kinerja {} {} {}",
            g.sep,
            app.ws().instansi.nama,
            app.ws().tahun
        ),
        format!("TW {}", app.quarter()),
    ];
    if app.attention_only() {
        parts.push(
            app.lang()
                .pick("hanya merah/kosong", "red/blank only")
                .into(),
        );
    }
    if app.is_dirty() {
        parts.push(format!(
            "{} {}",
            g.dirty,
            app.lang().pick("belum disimpan", "unsaved")
        ));
    }
    let text = parts.join(&format!(" {} ", g.sep));
    frame.render_widget(
        Paragraph::new(clip(&text, area.width as usize)).style(t.header_bar()),
        area,
    );
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    match app.mode() {
        Mode::Editing(ed) => {
            let prefix = format!("{}: ", field_label(ed.field, app.lang()));
            let field_w = (ed.input.value().width() + 2).clamp(10, 24);
            let scroll = ed.input.visual_scroll(field_w);
            let shown: String = ed.input.value().chars().skip(scroll).collect();
            let preview = match (
                &ed.error,
                crate::locale::parse_figure(ed.input.value(), ed.field.figure_kind()),
            ) {
                (None, Ok(v)) => format!(" = {}", crate::locale::figure(v)),
                (None, Err(_)) => format!(
                    " = {}",
                    app.lang()
                        .pick("kosong (belum diisi)", "blank (not entered)")
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
            let prefix = app.lang().pick("Cari kode/nama: ", "Search kode/name: ");
            let line = Line::from(vec![
                Span::styled(prefix, t.title()),
                Span::raw(input.value().to_string()),
            ]);
            frame.render_widget(Paragraph::new(line), area);
            let x = area.x + prefix.width() as u16 + input.visual_cursor() as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        }
        _ => {
            let (text, style) = match app.message() {
                Some(Message::Info(m)) => (m.as_str(), t.info()),
                Some(Message::Error(m)) => (m.as_str(), t.error()),
                None => ("", Style::new()),
            };
            let mut spans = Vec::new();
            if let Some(progress) = app.session().progress() {
                spans.push(Span::styled(
                    progress_text(progress, app.quitting(), app.lang()),
                    t.info(),
                ));
                if !text.is_empty() {
                    spans.push(Span::styled(format!(" {} ", t.glyphs().sep), t.muted()));
                }
            }
            spans.push(Span::styled(text, style));
            frame.render_widget(Paragraph::new(fit(spans, area.width as usize)), area);
        }
    }
}

/// "menyimpan… (menunggu kunci: budi, 12 detik)"; when quitting once saved, "keluar setelah
/// tersimpan… (…; q: jangan tunggu)".
fn progress_text(progress: &Progress, quitting: bool, lang: crate::locale::Lang) -> String {
    let doing = match (progress, quitting) {
        (Progress::Exporting, false) => lang.pick("mengekspor…", "exporting…"),
        (_, false) => lang.pick("menyimpan…", "saving…"),
        (_, true) => lang.pick("keluar setelah tersimpan…", "quitting once saved…"),
    };
    let Progress::Waiting { holder, waited } = progress else {
        return doing.into();
    };
    // The lock file says "budi (pid 4242)"; the name is what a colleague needs.
    let name = holder.split(" (pid ").next().unwrap_or(holder).trim();
    // A lock taken by another program says nothing.
    let name = if name.is_empty() {
        lang.pick("pengguna lain", "another user")
    } else {
        name
    };
    format!(
        "{doing} ({}: {name}, {} {}{})",
        lang.pick("menunggu kunci", "waiting for the lock"),
        waited.as_secs(),
        lang.pick("detik", "s"),
        if quitting {
            lang.pick("; q: jangan tunggu", "; q: don't wait")
        } else {
            ""
        }
    )
}

/// Cuts a line of spans to `width` columns.
pub fn fit(spans: Vec<Span<'_>>, width: usize) -> Line<'_> {
    let mut out = Vec::new();
    let mut used = 0;
    for s in spans {
        let w = s.content.width();
        if used + w <= width {
            used += w;
            out.push(s);
        } else {
            let rest = width.saturating_sub(used);
            if rest > 0 {
                out.push(Span::styled(clip(&s.content, rest), s.style));
            }
            break;
        }
    }
    Line::from(out)
}

/// "key what · key what …", as many as fit; help and quit are always offered, at the end.
/// While a figure is typed, what is wrong with it takes the line instead.
fn draw_hints(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    if let Mode::Editing(ed) = app.mode()
        && let Some(error) = &ed.error
    {
        let text = clip(&format!("{} {error}", t.glyphs().red), area.width as usize);
        frame.render_widget(Paragraph::new(text).style(t.error()), area);
        return;
    }
    let sep = "  ".to_string();
    let (always, rest): (Vec<_>, Vec<_>) = keymap::hints(app.context(), app.lang())
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
