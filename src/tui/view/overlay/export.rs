//! `x` (the LKjIP tables) and `X` (the meeting pack): which format, where it goes, and
//! whether unsaved changes are in it.

use super::super::{clip, left};
use super::boxed;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::worker::Product;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// `x` or `X`: which format, where it goes, and whether unsaved figures are in it.
pub fn export_format(frame: &mut Frame, app: &App, area: Rect, product: Product) {
    let t = &app.theme();
    let lang = app.lang();
    let width = area.width.min(72);
    let inner_w = width.saturating_sub(2) as usize;
    let folder = app.export_folder();
    let folder = super::super::status::fit_message(
        &folder.display().to_string(),
        inner_w.saturating_sub(2),
        app.home(),
    )
    .join(" ");
    let (what, holds, context, title) = match product {
        Product::Tables => (
            lang.pick("Tabel LKjIP", "The LKjIP tables"),
            "",
            Context::Export,
            lang.pick("Ekspor", "Export"),
        ),
        Product::MeetingPack => (
            lang.pick("Bahan rapat", "Meeting pack"),
            lang.pick(
                ": merah, belum dijelaskan, melebihi pagu",
                ": red, unexplained, over pagu",
            ),
            Context::Pack,
            lang.pick("Bahan rapat", "Meeting pack"),
        ),
    };
    let mut lines = vec![
        Line::raw(clip(
            &format!(
                "{what} {}{holds}",
                crate::locale::to_quarter(app.quarter(), lang)
            ),
            inner_w,
        )),
        Line::styled(
            clip(
                &format!("{}: {folder}", lang.pick("ke folder", "into")),
                inner_w,
            ),
            t.muted(),
        ),
    ];
    let unsaved = app.unsaved_count();
    if unsaved > 0 {
        lines.push(Line::styled(
            clip(
                &format!(
                    "{} {unsaved} {}",
                    lang.pick("Termasuk", "Includes"),
                    match product {
                        Product::Tables => lang.pick(
                            "angka yang belum disimpan (s menyimpannya).",
                            "figure(s) not saved yet (s saves them).",
                        ),
                        Product::MeetingPack => lang.pick(
                            "perubahan yang belum disimpan (s menyimpannya).",
                            "change(s) not saved yet (s saves them).",
                        ),
                    }
                ),
                inner_w,
            ),
            t.blank(),
        ));
    }
    lines.push(Line::raw(""));
    for (key, what) in keymap::help(context, lang) {
        lines.push(Line::from(vec![
            Span::styled(left(key, 9), t.key()),
            Span::raw(clip(what, inner_w.saturating_sub(9))),
        ]));
    }
    boxed(
        frame,
        area,
        width,
        lines.len() as u16 + 2,
        title,
        lines,
        app,
    );
}
