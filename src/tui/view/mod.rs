//! Drawing: a pure function of `&App` — it reads the state and changes nothing. Layout adapts
//! to the terminal: side by side from 110 columns, stacked below that; under 60×16 a "make the
//! window larger" screen instead of a broken one. The same layout gives the tree's height to
//! the update (see [`tree_height`]), so paging and scrolling are decided there, not here.

mod dashboard;
mod dashboard_attention;
mod detail;
mod explain;
mod overlay;
mod status;
mod tree;

pub use overlay::{help_extent, history_extent, import_extent};

use super::app::{App, Mode, View};
use super::keymap;
use super::labels::field_label;
use super::message::Message;
use super::session::Progress;
use super::worker::Product;
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
            let [left, right] = panes(app, body);
            tree::draw(frame, app, left);
            detail::draw(frame, app, right);
        }
        View::Dashboard => dashboard::draw(frame, app, body),
    }
    // A message too long for its line takes the hint line too.
    let message = message_lines(app, status.width);
    draw_status(frame, app, status, message.first());
    match message.get(1) {
        Some(second) => {
            let style = match app.message() {
                Some(Message::Error(_)) => app.theme().error(),
                _ => app.theme().info(),
            };
            frame.render_widget(Paragraph::new(second.as_str()).style(style), hints);
        }
        None => draw_hints(frame, app, hints),
    }
    match app.mode() {
        Mode::Help(scroll) => overlay::help(frame, app, help_area(area), *scroll),
        Mode::ConfirmQuit => overlay::confirm_quit(frame, app, body),
        Mode::ExportFormat => overlay::export_format(frame, app, body, Product::Tables),
        Mode::PackFormat => overlay::export_format(frame, app, body, Product::MeetingPack),
        Mode::Recover(found) => overlay::recover(frame, app, body, found),
        Mode::Conflicts(conflicts) => overlay::conflict(frame, app, body, conflicts),
        Mode::History(journal) => overlay::history(frame, app, body, journal),
        Mode::Form(form) => overlay::form(frame, app, body, form),
        Mode::Question(q) => overlay::question(frame, app, body, q),
        Mode::Officers(list) => overlay::officers(frame, app, body, list),
        Mode::ImportPreview(b) => overlay::import_preview(frame, app, body, b),
        _ => {}
    }
    strip_hidden(frame.buffer_mut());
    if app.theme().ascii {
        asciify(frame.buffer_mut());
    }
}

/// Where help is drawn: everything but the hint line, which says how to scroll and close it.
fn help_area(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(1),
        ..area
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

/// The tree's and the detail's parts of the body: side by side when wide, else stacked, the
/// detail taking the rows its node needs (at most three fifths of the body) and the tree the
/// rest.
fn panes(app: &App, body: Rect) -> [Rect; 2] {
    if body.width >= WIDE {
        return Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)])
            .spacing(1)
            .areas(body);
    }
    let tree_min = (body.height * 2 / 5).max(5);
    let needed = app
        .selected_node()
        .map_or(0, |n| detail::lines(app, n, body.width as usize).0.len())
        // Its title line.
        + 1;
    let detail_h = (needed as u16).min(body.height.saturating_sub(tree_min));
    Layout::vertical([Constraint::Min(0), Constraint::Length(detail_h)]).areas(body)
}

/// How many rows of the tree the app's terminal shows (at least 1).
pub fn tree_height(app: &App) -> usize {
    let size = app.size();
    let [_, body, _, _] = rows(Rect::new(0, 0, size.width, size.height));
    let [tree, _] = panes(app, body);
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
        crate::locale::quarter(app.quarter(), app.lang()),
    ];
    // The verified quarters, closed to edits (issue 14).
    let locked: Vec<String> = crate::model::Quarter::ALL
        .into_iter()
        .filter(|q| app.ws().verifikasi[q.index()].is_some())
        .map(|q| crate::locale::quarter(q, app.lang()))
        .collect();
    if !locked.is_empty() {
        parts.push(format!(
            "{} {}",
            app.lang().pick("terkunci:", "locked:"),
            locked.join(", ")
        ));
    }
    let sep = format!(" {} ", g.sep);
    let width = area.width as usize;
    let dirty = app.is_dirty().then(|| {
        format!(
            "{} {}",
            g.dirty,
            app.lang().pick("belum disimpan", "unsaved")
        )
    });
    // The red filter is said by the tree pane's title too: the first to go when the header
    // does not fit, so the unsaved mark is never the part cut.
    if app.attention_only() {
        let filter = app.lang().pick("hanya merah/kosong", "red/blank only");
        let with = parts.join(&sep).width()
            + sep.width()
            + filter.width()
            + dirty.as_ref().map_or(0, |d| sep.width() + d.width());
        if with <= width {
            parts.push(filter.into());
        }
    }
    parts.extend(dirty);
    // Still too wide: the body's name is shortened, never what follows it.
    let rest = parts[1..].join(&sep);
    let room = width.saturating_sub(rest.width() + sep.width());
    if parts[0].width() > room && room > 12 {
        parts[0] = clip(&parts[0], room);
    }
    let text = parts.join(&sep);
    frame.render_widget(
        Paragraph::new(clip(&text, area.width as usize)).style(t.header_bar()),
        area,
    );
}

/// The message as shown at `width` columns: one line, or two when it does not fit in one
/// (see `status::fit_message`). None while a field is typed into or the worker's progress
/// shares the line.
fn message_lines(app: &App, width: u16) -> Vec<String> {
    if matches!(app.mode(), Mode::Editing(_) | Mode::Searching(_))
        || app.session().progress().is_some()
    {
        return Vec::new();
    }
    match app.message() {
        Some(m) => status::fit_message(m.text(), width as usize, app.home()),
        None => Vec::new(),
    }
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect, message: Option<&String>) {
    let t = &app.theme();
    match app.mode() {
        Mode::Editing(ed) => {
            let prefix = format!("{}: ", field_label(ed.field, app.lang()));
            let field_w = (ed.input.value().width() + 2).clamp(10, 24);
            let scroll = ed.input.visual_scroll(field_w);
            let shown: String = ed.input.value().chars().skip(scroll).collect();
            let room = (area.width as usize).saturating_sub(prefix.width() + field_w);
            let (preview, style) = match (&ed.error, ed.preview(app.lang())) {
                (None, Ok(p)) => (format!(" = {p}"), t.muted()),
                // Said here when it fits, else on the hint line (see `editing_error`).
                (Some(e), _) if e.width() + 3 <= room => {
                    (format!(" {} {e}", t.glyphs().red), t.error())
                }
                _ => (String::new(), t.muted()),
            };
            // The figure as it was is marked whole (typing replaces it); once edited, the
            // text stands plain with the cursor in it.
            let text_style = if ed.fresh { t.selected() } else { t.editing() };
            let line = Line::from(vec![
                Span::styled(prefix.clone(), t.title()),
                Span::styled(left(&shown, field_w), text_style),
                Span::styled(clip(&preview, room), style),
            ]);
            frame.render_widget(Paragraph::new(line), area);
            let x = area.x
                + prefix.width() as u16
                + (ed.input.visual_cursor().saturating_sub(scroll)) as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        }
        Mode::Searching(input) => {
            let prefix = app.lang().pick("Cari kode/nama: ", "Search code/name: ");
            let line = Line::from(vec![
                Span::styled(prefix, t.title()),
                Span::raw(input.value().to_string()),
            ]);
            frame.render_widget(Paragraph::new(line), area);
            let x = area.x + prefix.width() as u16 + input.visual_cursor() as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        }
        _ if app.session().progress().is_none() => {
            let style = match app.message() {
                Some(Message::Error(_)) => t.error(),
                _ => t.info(),
            };
            let text = message.map_or("", String::as_str);
            frame.render_widget(Paragraph::new(text).style(style), area);
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
    if let Some(error) = editing_error(app, area.width) {
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

/// What is wrong with the figure being typed when it does not fit on the status line beside
/// the field: it then takes the hint line.
fn editing_error(app: &App, width: u16) -> Option<&str> {
    let Mode::Editing(ed) = app.mode() else {
        return None;
    };
    let error = ed.error.as_deref()?;
    let prefix = field_label(ed.field, app.lang()).width() + 2;
    let field_w = (ed.input.value().width() + 2).clamp(10, 24);
    let room = (width as usize).saturating_sub(prefix + field_w);
    (error.width() + 3 > room).then_some(error)
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
