//! At the start: the unsaved changes a session that ended left, and what to do with them.

use super::super::{clip, left};
use super::journal::history_time;
use super::{boxed, wrap_words};
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// At the start: a session that ended left unsaved changes. How many, when, by whom, the
/// first of them, whether the file changed since, and the answers.
pub fn recover(frame: &mut Frame, app: &App, area: Rect, found: &crate::store::recovery::Recovery) {
    let t = &app.theme();
    let lang = app.lang();
    let width = area.width.min(76);
    let inner_w = width.saturating_sub(2) as usize;
    let mut lines = vec![
        Line::raw(clip(
            &format!(
                "{} {} {}",
                lang.pick(
                    "Sesi sebelumnya berakhir dengan",
                    "A session that ended left"
                ),
                found.ops.len() + found.changes.len(),
                lang.pick(
                    "perubahan yang belum disimpan:",
                    "change(s) that were not saved:"
                )
            ),
            inner_w,
        )),
        Line::styled(
            clip(
                &format!(
                    "{} {}, {} {}",
                    lang.pick("oleh", "by"),
                    found.user,
                    lang.pick("terakhir", "last at"),
                    history_time(&found.waktu)
                ),
                inner_w,
            ),
            t.muted(),
        ),
    ];
    // As many of them as leave room for the rest of the box.
    let room = (area.height as usize)
        .saturating_sub(lines.len() + 8)
        .max(1);
    let described: Vec<String> = found
        .ops
        .iter()
        .map(|op| crate::tui::labels::describe(op, true, lang))
        .chain(
            found
                .changes
                .iter()
                .map(|c| crate::tui::labels::describe_change(c, true, lang)),
        )
        .collect();
    for line in described.iter().take(room) {
        lines.push(Line::raw(clip(&format!("  {line}"), inner_w)));
    }
    if described.len() > room {
        lines.push(Line::styled(
            format!(
                "  … {} {}",
                described.len() - room,
                lang.pick("lagi", "more")
            ),
            t.muted(),
        ));
    }
    if !app
        .session()
        .stamp()
        .is_some_and(|s| found.made_against(&s))
    {
        for part in wrap_words(
            lang.pick(
                "Berkas sudah disimpan orang lain sejak itu; angka yang juga mereka ubah ditanyakan saat menyimpan.",
                "The file was saved by someone else since; figures they changed too are asked about when saving.",
            ),
            inner_w,
        ) {
            lines.push(Line::styled(part, t.blank()));
        }
    }
    lines.push(Line::raw(""));
    for (key, what) in keymap::help(Context::Recover, lang) {
        for (i, part) in wrap_words(what, inner_w.saturating_sub(9))
            .into_iter()
            .enumerate()
        {
            let key = if i == 0 { left(key, 9) } else { " ".repeat(9) };
            lines.push(Line::from(vec![
                Span::styled(key, t.key()),
                Span::raw(part),
            ]));
        }
    }
    let title = lang.pick("Perubahan belum disimpan", "Unsaved changes");
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
