//! The saved changes of a node, newest first (scrolling).

use super::super::clip;
use super::body_area;
use super::boxed_scrolled;
use crate::tui::app::App;
use crate::tui::labels::{field_label, figure_text};
use crate::tui::overlay::Journal;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The lines of a node's journal, newest first, each fitted to `inner_w` columns.
pub(super) fn history_lines<'a>(app: &App, journal: &Journal, inner_w: usize) -> Vec<Line<'a>> {
    let t = &app.theme();
    let lang = app.lang();
    if journal.entries.is_empty() {
        return vec![Line::raw(lang.pick(
            "Belum ada perubahan tersimpan untuk node ini.",
            "No saved changes for this node yet.",
        ))];
    }
    journal
        .entries
        .iter()
        .map(|e| {
            let what = match e.field() {
                Some(f) => format!(
                    "{}: {} → {}",
                    field_label(f, lang),
                    figure_text(f, e.lama),
                    figure_text(f, e.baru)
                ),
                None => e.kolom.clone(),
            };
            let ind = e.indikator.map(|i| format!("#{i} ")).unwrap_or_default();
            let when = history_time(&e.waktu);
            let used = when.width() + 1 + 11;
            Line::from(vec![
                Span::styled(format!("{when} "), t.muted()),
                Span::styled(format!("{:<10} ", clip(&e.pengguna, 10)), t.key()),
                Span::raw(clip(&format!("{ind}{what}"), inner_w.saturating_sub(used))),
            ])
        })
        .collect()
}

/// "2026-12-01 21:22:24": the journal's time without its `T` and offset (the offset is the
/// machine's, as every other time on this screen).
pub(super) fn history_time(waktu: &str) -> String {
    let t = waktu.replace('T', " ");
    let cut = t
        .char_indices()
        .skip(10)
        .find(|(_, c)| matches!(c, 'Z' | '+' | '-'))
        .map_or(t.len(), |(i, _)| i);
    t[..cut].to_string()
}

pub(super) fn history_width(body: Rect) -> u16 {
    body.width.min(80)
}

/// How many lines the journal has, and how many show at a time at the app's size.
pub fn history_extent(app: &App, journal: &Journal) -> (usize, usize) {
    let body = body_area(app);
    let len = history_lines(app, journal, history_width(body) as usize).len();
    (len, len.min(body.height.saturating_sub(2) as usize))
}

/// The saved changes of a node, newest first.
pub fn history(frame: &mut Frame, app: &App, area: Rect, journal: &Journal) {
    let width = history_width(area);
    let lines = history_lines(app, journal, width.saturating_sub(2) as usize);
    let len = lines.len();
    let page = len.min(area.height.saturating_sub(2) as usize);
    let top = journal.scroll.top.min(len.saturating_sub(page));
    let title = format!("{} {}", app.lang().pick("Riwayat", "History"), journal.kode);
    boxed_scrolled(
        frame,
        area,
        (width, len as u16 + 2),
        &title,
        lines,
        Some((top, len)),
        app,
    );
}
