//! The officers' list: id, name, position and NIP of each, the selected one marked; scrolls
//! to keep the selection in view.

use super::super::{clip, left};
use super::boxed_scrolled;
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::overlay::OfficerList;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn officers(frame: &mut Frame, app: &App, area: Rect, list: &OfficerList) {
    let t = app.theme();
    let lang = app.lang();
    let width = area.width.min(90);
    let inner_w = width.saturating_sub(2) as usize;
    let officers = &app.ws().pejabat;
    let mut lines = Vec::new();
    if officers.is_empty() {
        lines.push(Line::raw(lang.pick(
            "Belum ada pejabat. Tekan a untuk menambah.",
            "No officers yet. Press a to add one.",
        )));
    }
    let id_w = officers
        .iter()
        .map(|o| visible(&o.id).chars().count())
        .max()
        .unwrap_or(0)
        .clamp(4, 18);
    for (i, o) in officers.iter().enumerate() {
        let selected = i == list.selected.min(officers.len().saturating_sub(1));
        let nip = if o.nip.is_empty() {
            String::new()
        } else {
            format!(" · NIP {}", visible(&o.nip))
        };
        let text = format!(
            "{} {} · {}{nip}",
            left(&visible(&o.id), id_w),
            visible(&o.nama),
            visible(&o.jabatan)
        );
        let style = if selected { t.selected() } else { t.base() };
        lines.push(Line::from(Span::styled(
            left(&clip(&text, inner_w), inner_w),
            style,
        )));
    }
    let len = lines.len();
    let page = (area.height.saturating_sub(2) as usize).max(1);
    let top = (list.selected + 1)
        .saturating_sub(page)
        .min(len.saturating_sub(page));
    let title = format!("{} ({})", lang.pick("Pejabat", "Officers"), officers.len());
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
