//! Boxes drawn over the main view: the help listing every key of the current context, the
//! unsaved-changes question, a save's conflicts, and a node's journal.

use super::{clip, left};
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::labels::{field_label, figure_text};
use crate::tui::overlay::{Conflicts, Journal};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

fn boxed(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    lines: Vec<Line>,
    app: &App,
) {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), app.theme().title()));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn help(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    let g = t.glyphs();
    let entries = keymap::help(app.help_context(), app.lang());
    let width = area.width.min(72);
    let inner_w = width.saturating_sub(2) as usize;
    let key_w = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(4)
        + 2;
    let mut lines: Vec<Line> = entries
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(left(k, key_w), t.key()),
                Span::raw(clip(what, inner_w.saturating_sub(key_w))),
            ])
        })
        .collect();
    let legend = format!(
        "{} {}  {} {}  {} {}",
        g.red,
        app.lang().pick(
            "merah: capaian < 100 % yang jatuh tempo",
            "red: below 100 % of what is due"
        ),
        g.blank,
        app.lang().pick("belum diisi", "not entered"),
        g.ok,
        app.lang().pick("tercapai", "achieved")
    );
    lines.push(Line::styled(clip(&legend, inner_w), t.muted()));
    let scale: Vec<String> = crate::rules::Rating::ALL
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                super::dashboard::short_rating(app.lang(), *r),
                app.lang().rating(*r)
            )
        })
        .collect();
    lines.push(Line::styled(clip(&scale.join(" · "), inner_w), t.muted()));
    let context = match app.help_context() {
        Context::Tree => app.lang().pick("Bantuan — pohon", "Help — tree"),
        Context::Detail => app.lang().pick("Bantuan — rincian", "Help — detail"),
        _ => app.lang().pick("Bantuan — dasbor", "Help — dashboard"),
    };
    let height = lines.len() as u16 + 2;
    boxed(frame, area, width, height, context, lines, app);
}

pub fn confirm_quit(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    let mut lines = vec![
        Line::raw(app.lang().pick(
            "Ada perubahan yang belum disimpan.",
            "There are unsaved changes.",
        )),
        Line::raw(""),
    ];
    for (key, what) in keymap::help(Context::ConfirmQuit, app.lang()) {
        lines.push(Line::from(vec![
            Span::styled(left(key, 7), t.key()),
            Span::raw(what),
        ]));
    }
    let title = app.lang().pick("Keluar?", "Quit?");
    boxed(frame, area, 44, lines.len() as u16 + 2, title, lines, app);
}

/// A figure this user changed was changed by someone else too: show both, ask which stays.
pub fn conflict(frame: &mut Frame, app: &App, area: Rect, conflicts: &Conflicts) {
    let t = &app.theme();
    let Some(current) = conflicts.current() else {
        return;
    };
    let (index, total) = conflicts.position();
    // A change of the tree (not a figure): what it was and why the file refuses it.
    let Some(c) = current.figure() else {
        let mut lines = vec![
            Line::raw(app.lang().pick(
                "Perubahan ini tidak lagi cocok dengan berkas:",
                "This change no longer fits the file:",
            )),
            Line::raw(""),
            Line::raw(current.message(app.lang())),
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

/// The saved changes of the selected node, newest first.
pub fn history(frame: &mut Frame, app: &App, area: Rect, journal: &Journal) {
    let entries = &journal.entries;
    let t = &app.theme();
    let width = area.width.min(76);
    let inner_w = width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    if entries.is_empty() {
        lines.push(Line::raw(app.lang().pick(
            "Belum ada perubahan tersimpan untuk node ini.",
            "No saved changes for this node yet.",
        )));
    }
    let room = area.height.saturating_sub(4) as usize;
    for e in entries.iter().take(room) {
        let what = match e.field() {
            Some(f) => format!(
                "{}: {} → {}",
                field_label(f, app.lang()),
                figure_text(f, e.lama),
                figure_text(f, e.baru)
            ),
            None => e.kolom.clone(),
        };
        let ind = e.indikator.map(|i| format!("#{i} ")).unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} ", e.waktu.replace('T', " ").trim_end_matches('Z')),
                t.muted(),
            ),
            Span::styled(format!("{:<10} ", clip(&e.pengguna, 10)), t.key()),
            Span::raw(clip(&format!("{ind}{what}"), inner_w.saturating_sub(31))),
        ]));
    }
    let kode = &journal.kode;
    let title = format!("{} {kode}", app.lang().pick("Riwayat", "History"));
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
