//! A change of this user's that no longer fits the file: a figure with both values (keep
//! mine or take theirs), or any other change with why the file refuses it (drop mine).

use super::super::left;
use super::{boxed, wrap_words};
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::labels::{field_label, figure_text};
use crate::tui::overlay::Conflicts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// A figure this user changed was changed by someone else too: show both, ask which stays.
pub fn conflict(frame: &mut Frame, app: &App, area: Rect, conflicts: &Conflicts) {
    let t = &app.theme();
    let Some(current) = conflicts.current() else {
        return;
    };
    let (index, total) = conflicts.position();
    if let Some(clash) = crate::tui::overlay::text_clash(current) {
        text_clash(frame, app, area, &clash, current, (index, total));
        return;
    }
    // Not a figure both changed (a change of the tree, a figure whose node is gone): what it
    // was and why the file refuses it; it can be dropped.
    let Some(c) = current
        .figure()
        .filter(|_| crate::tui::overlay::is_figure_clash(current))
    else {
        let width = area.width.min(76);
        let inner_w = width.saturating_sub(2) as usize;
        let mut lines = vec![
            Line::raw(app.lang().pick(
                "Perubahan ini tidak lagi cocok dengan berkas:",
                "This change no longer fits the file:",
            )),
            Line::raw(""),
        ];
        let text = crate::text::visible(&current.message(app.lang())).into_owned();
        for part in wrap_words(&text, inner_w) {
            lines.push(Line::styled(part, t.title()));
        }
        lines.push(Line::raw(""));
        for (key, what) in keymap::help(Context::ConflictChange, app.lang()) {
            for (i, part) in wrap_words(what, inner_w.saturating_sub(5))
                .into_iter()
                .enumerate()
            {
                let key = if i == 0 { left(key, 5) } else { " ".repeat(5) };
                lines.push(Line::from(vec![
                    Span::styled(key, t.key()),
                    Span::raw(part),
                ]));
            }
        }
        let title = format!(
            "{} {}/{}",
            app.lang().pick("Bentrok", "Conflict"),
            index + 1,
            total
        );
        boxed(
            frame,
            area,
            width,
            lines.len() as u16 + 2,
            &title,
            lines,
            app,
        );
        return;
    };
    let label = field_label(c.mine.field, app.lang());
    let by =
        c.by.as_ref()
            .map(|e| {
                format!(
                    "{} {} ({})",
                    app.lang().pick("diubah oleh", "changed by"),
                    e.pengguna,
                    e.waktu
                )
            })
            .unwrap_or_else(|| {
                app.lang()
                    .pick("diubah di berkas", "changed on file")
                    .into()
            });
    let mut lines = vec![
        Line::raw(app.lang().pick(
            "Angka ini juga diubah orang lain sejak Anda membuka berkas:",
            "Someone else also changed this figure since you opened the file:",
        )),
        Line::raw(""),
        Line::styled(format!("{} · {label}", c.mine.kode), t.title()),
        Line::raw(format!(
            "  {:<14}{}   ({} {})",
            app.lang().pick("Angka Anda", "Yours"),
            figure_text(c.mine.field, c.mine.new),
            app.lang().pick("semula", "was"),
            figure_text(c.mine.field, c.mine.old)
        )),
        Line::raw(format!(
            "  {:<14}{}",
            app.lang().pick("Di berkas", "On file"),
            figure_text(c.mine.field, c.theirs)
        )),
        Line::styled(format!("  {by}"), t.muted()),
        Line::raw(""),
    ];
    for (key, what) in keymap::help(Context::Conflict, app.lang()) {
        lines.push(Line::from(vec![
            Span::styled(left(key, 5), t.key()),
            Span::raw(what),
        ]));
    }
    let title = format!(
        "{} {}/{}",
        app.lang().pick("Bentrok", "Conflict"),
        index + 1,
        total
    );
    boxed(frame, area, 70, lines.len() as u16 + 2, &title, lines, app);
}

/// A text of an explanation both changed: where it is, this user's text and the file's, each
/// over a few wrapped rows (shown safe), who changed it, and keep mine / take theirs.
fn text_clash(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    clash: &crate::tui::overlay::TextClash,
    current: &crate::store::Conflict,
    (index, total): (usize, usize),
) {
    let t = &app.theme();
    let lang = app.lang();
    let width = area.width.min(76);
    let inner_w = width.saturating_sub(2) as usize;
    // Each text gets the rows the box has to spare, at most 6.
    let rows = (area.height.saturating_sub(14) as usize / 2).clamp(1, 6);
    let indicator = app
        .session()
        .node(&clash.kode)
        .and_then(|n| n.indikator.iter().find(|i| i.id == clash.indikator))
        .map(|i| i.nama.clone())
        .unwrap_or_default();
    let mut lines = vec![
        Line::raw(lang.pick(
            "Penjelasan ini juga diubah orang lain sejak Anda membuka berkas:",
            "Someone else also changed this explanation since you opened the file:",
        )),
        Line::styled(
            super::super::clip(
                &format!(
                    "{} · {} · {}",
                    clash.kode,
                    crate::locale::quarter(clash.tw, lang),
                    crate::locale::note_part(&clash.attr, lang)
                ),
                inner_w,
            ),
            t.title(),
        ),
        Line::raw(super::super::clip(&indicator, inner_w)),
    ];
    let text = |label: &str, text: &str, lines: &mut Vec<Line>| {
        lines.push(Line::styled(label.to_string(), t.muted()));
        let all = crate::tui::form::lines::rows(text, inner_w.saturating_sub(2));
        let cut = all.len() > rows;
        for row in all.iter().take(rows) {
            lines.push(Line::raw(format!("  {}", row.shown)));
        }
        if cut {
            lines.push(Line::styled(
                format!("  … (+{} {})", all.len() - rows, lang.pick("baris", "rows")),
                t.muted(),
            ));
        }
    };
    let empty = |s: &str| {
        if s.is_empty() {
            lang.pick("(kosong)", "(empty)").to_string()
        } else {
            s.to_string()
        }
    };
    text(
        lang.pick("Teks Anda:", "Yours:"),
        &empty(&clash.mine),
        &mut lines,
    );
    text(
        lang.pick("Di berkas:", "On file:"),
        &empty(&clash.theirs),
        &mut lines,
    );
    let by = match current {
        crate::store::Conflict::Change(c) => c.by.as_ref(),
        _ => None,
    };
    let by = by
        .map(|e| {
            format!(
                "{} {} ({})",
                lang.pick("diubah oleh", "changed by"),
                e.pengguna,
                crate::locale::moment(&e.waktu)
            )
        })
        .unwrap_or_else(|| lang.pick("diubah di berkas", "changed on file").into());
    lines.push(Line::styled(format!("  {by}"), t.muted()));
    for (key, what) in keymap::help(Context::Conflict, lang) {
        lines.push(Line::from(vec![
            Span::styled(left(key, 5), t.key()),
            Span::raw(what),
        ]));
    }
    let title = format!(
        "{} {}/{}",
        lang.pick("Bentrok", "Conflict"),
        index + 1,
        total
    );
    boxed(
        frame,
        area,
        width,
        lines.len() as u16 + 2,
        &title,
        lines,
        app,
    );
}
