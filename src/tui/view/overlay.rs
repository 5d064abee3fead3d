//! Boxes drawn over the main view: the help listing every key of the current context, and the
//! unsaved-changes question.

use super::{clip, left};
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
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
        .title(Span::styled(format!(" {title} "), app.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn help(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let g = t.glyphs();
    let entries = keymap::help(app.help_context(), app.lang);
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
    lines.push(Line::raw(""));
    let legend = format!(
        "{} {}  {} {}  {} {}",
        g.red,
        app.lang.pick(
            "merah: capaian < 100 % yang jatuh tempo",
            "red: below 100 % of what is due"
        ),
        g.blank,
        app.lang.pick("belum diisi", "not entered"),
        g.ok,
        app.lang.pick("tercapai", "achieved")
    );
    lines.push(Line::styled(clip(&legend, inner_w), t.muted()));
    let scale: Vec<String> = crate::rules::Rating::ALL
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                super::dashboard::short_rating(app.lang, *r),
                app.lang.rating(*r)
            )
        })
        .collect();
    lines.push(Line::styled(clip(&scale.join(" · "), inner_w), t.muted()));
    let context = match app.help_context() {
        Context::Tree => app.lang.pick("Bantuan — pohon", "Help — tree"),
        Context::Detail => app.lang.pick("Bantuan — rincian", "Help — detail"),
        _ => app.lang.pick("Bantuan — dasbor", "Help — dashboard"),
    };
    let height = lines.len() as u16 + 2;
    boxed(frame, area, width, height, context, lines, app);
}

pub fn confirm_quit(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let mut lines = vec![
        Line::raw(app.lang.pick(
            "Ada perubahan yang belum disimpan.",
            "There are unsaved changes.",
        )),
        Line::raw(""),
    ];
    for (key, what) in keymap::help(Context::ConfirmQuit, app.lang) {
        lines.push(Line::from(vec![
            Span::styled(left(key, 7), t.key()),
            Span::raw(what),
        ]));
    }
    let title = app.lang.pick("Keluar?", "Quit?");
    boxed(frame, area, 44, lines.len() as u16 + 2, title, lines, app);
}
