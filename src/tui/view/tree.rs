//! The tree pane: one line per visible node, indented by level, with a badge that reads
//! without colour (✗ / ? / ✓ and the lowest capaian). Under the red filter a node with a red
//! or unentered indicator nobody has explained yet says so before its name.

use super::{clip, left, right};
use crate::locale;
use crate::tui::app::{App, Focus, View};
use crate::tui::badges::Badge;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

const BADGE_WIDTH: usize = 10;

/// Where the rows go in the pane's area (below its title line).
pub fn inner(area: Rect) -> Rect {
    Block::new().borders(Borders::TOP).inner(area)
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    let g = t.glyphs();
    let title = if app.attention_only() {
        app.lang().pick(
            " Pohon kinerja · hanya merah/kosong ",
            " Cascading tree · red/blank only ",
        )
    } else {
        app.lang().pick(" Pohon kinerja ", " Cascading tree ")
    };
    let focused = app.view() == View::Tree && app.focus() == Focus::Tree;
    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        title,
        if focused { t.title() } else { t.muted() },
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let height = inner.height as usize;
    let rows = app.rows();
    if rows.is_empty() && !app.attention_only() {
        // A new workspace (`kinerja init`): say what to press.
        let text = app.lang().pick(
            "Pohon kinerja masih kosong. Tekan a untuk menambah Visi (atau tingkat lain di akar pohon); lalu a pada node menambah anaknya. P: daftar pejabat. ?: semua tombol.",
            "The tree is empty. Press a to add a Visi (or another level at the root); then a on a node adds its child. P: the officers. ?: every key.",
        );
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    // The first row is the update's (laid out for the size it was told); only if this frame
    // is of another size is the selection brought into view here, for this frame alone.
    let selected = app.selected();
    let mut offset = app.tree().offset();
    if selected < offset {
        offset = selected;
    } else if height > 0 && selected >= offset + height {
        offset = selected + 1 - height;
    }
    let offset = offset.min(rows.len().saturating_sub(height));

    let width = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let glyph = match (row.has_children, row.expanded) {
                (true, true) => g.open,
                (true, false) => g.closed,
                (false, _) => g.leaf,
            };
            let indent = "  ".repeat(row.depth.min(6));
            let (badge, badge_style) = match app.badge(row) {
                Badge::None => (String::new(), Style::new()),
                Badge::Ok(c) => (with_figure(g.ok, c, false), t.ok()),
                Badge::Blank => (
                    format!("{} {}", g.blank, app.lang().pick("kosong", "blank")),
                    t.blank(),
                ),
                Badge::Red(c) => match c {
                    Some(_) => (with_figure(g.red, c, true), t.red()),
                    None => (
                        format!("{} {}", g.red, app.lang().pick("merah", "red")),
                        t.red(),
                    ),
                },
            };
            let label_w = width.saturating_sub(BADGE_WIDTH + 1);
            let unexplained = app.attention_only() && unexplained(app, &row.kode);
            let mark = if unexplained {
                app.lang().pick("[belum dijelaskan] ", "[unexplained] ")
            } else {
                ""
            };
            let label = format!("{indent}{glyph} {} {mark}{}", row.kode, row.nama);
            let selected = i == app.selected();
            let style = match (selected, focused) {
                (true, true) => t.selected(),
                (true, false) => t.selected_unfocused(),
                _ => Style::new(),
            };
            let style = if unexplained && !selected {
                style.patch(t.red())
            } else {
                style
            };
            Line::from(vec![
                Span::styled(left(&clip(&label, label_w), label_w), style),
                Span::raw(" "),
                Span::styled(right(&badge, BADGE_WIDTH), badge_style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Whether node `kode` has an indicator of its own that is red or due and not entered at the
/// quarter and that nobody has explained (`rules::needs_explanation`).
fn unexplained(app: &App, kode: &str) -> bool {
    let q = app.quarter();
    app.session().node(kode).is_some_and(|n| {
        n.indikator
            .iter()
            .any(|ind| crate::rules::needs_explanation(ind, app.session().status(ind), q))
    })
}

/// "✓ 123,5%" — the symbol and, when known, the capaian (no space before % to save a column).
/// A red figure is cut rather than rounded ("✗ 94,4%"), so 99,99 % never shows as 100,0 %.
fn with_figure(symbol: &str, capaian: Option<rust_decimal::Decimal>, red: bool) -> String {
    let capaian = capaian.map(|c| {
        if red {
            c.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::ToZero)
        } else {
            c
        }
    });
    match capaian {
        Some(c) if c >= rust_decimal::Decimal::from(1000) => {
            format!("{symbol} {}%", locale::fixed(c, 0))
        }
        Some(c) => format!("{symbol} {}%", locale::fixed(c, 1)),
        None => symbol.to_string(),
    }
}
