//! The dashboard: the reporting quarter, indicators by rating, capaian kinerja beside capaian
//! anggaran per program as bars, the budget totals, and the red list worst first (with the ones
//! not entered after it). `Enter` on the list opens the indicator in the tree.
//!
//! Its figures are kept current by each edit (see `figures`); drawing reads only what fits on
//! the screen. When the programs do not fit in half the pane (a kabupaten has thousands), the
//! ones with the lowest capaian kinerja are shown.

use super::{clip, fit, left, right};
use crate::locale;
use crate::rules::{Rating, Status};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    let g = t.glyphs();
    let q = app.quarter();
    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} · {} ",
            app.lang().pick("Dasbor", "Dashboard"),
            locale::to_quarter(q, app.lang())
        ),
        t.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let height = inner.height as usize;
    let Some(dashboard) = app.dashboard() else {
        // Computed by the update that shows the dashboard; nothing to draw before that.
        return;
    };
    let mut lines: Vec<Line> = Vec::new();

    // Indicators by rating (abbreviated; the help explains the letters).
    let c = &dashboard.counts;
    let mut spans = vec![Span::raw(format!(
        "{} {}: ",
        c.total(),
        app.lang().pick(
            "indikator",
            if c.total() == 1 {
                "indicator"
            } else {
                "indicators"
            }
        )
    ))];
    let ratings: Vec<String> = Rating::ALL
        .iter()
        .map(|r| format!("{} {}", short_rating(app.lang(), *r), c.get(*r)))
        .collect();
    spans.push(Span::raw(ratings.join(" · ")));
    spans.push(Span::styled(
        format!(
            "   {} {} {}",
            g.red,
            app.lang().pick("merah", "red"),
            c.merah
        ),
        t.red(),
    ));
    spans.push(Span::styled(
        format!(
            "   {} {} {}",
            g.blank,
            app.lang().pick("kosong", "blank"),
            c.belum_diisi
        ),
        t.blank(),
    ));
    lines.push(fit(spans, width));

    // Budget totals, on two lines when narrow.
    let a = app.budget_total().map(|b| b.at(q)).unwrap_or_default();
    let share = format!(
        "{} {}",
        app.lang().pick("Anggaran seluruhnya", "Whole budget"),
        locale::percent_or_dash(a.capaian())
    );
    let figures = format!(
        "{} {} · {} {} · {} {}",
        app.lang().pick("pagu", "budget"),
        locale::rupiah_or_dash(a.pagu),
        app.lang().pick("realisasi", "spent"),
        locale::rupiah_or_dash(a.realisasi),
        app.lang().pick("sisa", "left"),
        locale::rupiah_or_dash(a.sisa()),
    );
    let one_line = format!("{share}: {figures}");
    let totals = if one_line.chars().count() <= width {
        vec![Line::styled(one_line, t.title())]
    } else {
        vec![
            Line::styled(clip(&share, width), t.title()),
            Line::styled(clip(&format!("  {figures}"), width), t.title()),
        ]
    };

    // Programs: capaian kinerja and capaian anggaran as bars, two lines each, in half of what
    // is left after the counts, the totals and the list's heading.
    let room = height.saturating_sub(lines.len() + totals.len() + 1) / 2;
    let all = dashboard.programs.len();
    let shown: Vec<usize> = if 2 * all <= room {
        (0..all).collect()
    } else {
        let take = room.saturating_sub(1) / 2;
        let lowest: Vec<usize> = dashboard.lowest_kinerja().take(take).collect();
        lines.push(Line::styled(
            clip(
                &format!(
                    "{} ({} {} {all})",
                    app.lang().pick(
                        "Program dengan capaian kinerja terendah",
                        "Programs with the lowest performance"
                    ),
                    lowest.len(),
                    app.lang().pick("dari", "of"),
                ),
                width,
            ),
            t.muted(),
        ));
        lowest
    };
    // Two labels (11 and 12 columns), two figures (10 each), two end markers: the rest is bars.
    let bar_w = (width.saturating_sub(45) / 2).clamp(4, 40);
    for p in shown.iter().filter_map(|i| dashboard.programs.get(*i)) {
        let anggaran = app
            .session()
            .node(&p.kode)
            .and_then(|n| app.budget(n))
            .map(|b| b.at(q))
            .unwrap_or_default();
        lines.push(Line::styled(
            clip(&format!("{} {}", p.kode, p.nama), width),
            Style::new(),
        ));
        let mut spans = vec![Span::raw(left(
            &format!("  {}", app.lang().pick("Kinerja", "Perf.")),
            11,
        ))];
        spans.extend(bar(t, p.capaian_kinerja, bar_w, t.bar_kinerja()));
        spans.push(Span::raw(right(
            &locale::percent_or_dash(p.capaian_kinerja),
            10,
        )));
        spans.push(Span::raw(left(
            &format!("   {}", app.lang().pick("Anggaran", "Budget")),
            12,
        )));
        spans.extend(bar(t, anggaran.capaian(), bar_w, t.bar_anggaran()));
        spans.push(Span::raw(right(
            &locale::percent_or_dash(anggaran.capaian()),
            10,
        )));
        lines.push(fit(spans, width));
    }
    lines.extend(totals);
    lines.extend(super::dashboard_attention::over_pagu(
        app,
        width,
        height / 4,
    ));

    // The red list, worst first, then the ones not entered: only the rows that fit are built,
    // two lines each (the indicator, then its explanation or the mark of none).
    let total = dashboard.attention_len();
    lines.push(Line::styled(
        clip(
            &format!(
                "{} ({}) — Enter {} · c {}",
                app.lang().pick(
                    "Merah, terburuk dahulu, lalu belum diisi",
                    "Red, worst first, then not entered"
                ),
                total,
                app.lang().pick("buka", "open"),
                app.lang().pick("penjelasan", "explain")
            ),
            width,
        ),
        t.muted(),
    ));
    let room = height.saturating_sub(lines.len()) / 2;
    if total == 0 {
        lines.push(Line::styled(
            app.lang().pick(
                "  Tidak ada. Semua indikator yang jatuh tempo tercapai.",
                "  None. Every indicator due is achieved.",
            ),
            t.ok(),
        ));
    }
    let offset = (app.dashboard_pane().selected() + 1).saturating_sub(room);
    for (i, row) in app
        .session()
        .attention_rows(offset, room)
        .iter()
        .enumerate()
    {
        let i = offset + i;
        let (mark, style) = match row.status {
            Status::Dinilai { .. } => (g.red, t.red()),
            _ => (g.blank, t.blank()),
        };
        let officer = row.pejabat.as_deref().unwrap_or("—");
        let officer_w = (width / 5).clamp(8, 24);
        let name_w = width.saturating_sub(2 + 10 + 1 + 16 + 1 + officer_w + 1);
        let text = format!(
            "{}{} {} {}",
            right(&locale::percent_or_dash(row.status.capaian()), 10),
            "",
            left(&row.at.kode, 16),
            left(&row.indikator, name_w),
        );
        let selected = i == app.dashboard_pane().selected();
        let line_style = if selected { t.selected() } else { Style::new() };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} "), style),
            Span::styled(text, line_style),
            Span::styled(
                format!(" {}", left(officer, officer_w)),
                if selected { t.selected() } else { t.muted() },
            ),
        ]));
        lines.push(super::dashboard_attention::explanation(app, row, width));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A horizontal bar for a percentage: full at 100 %, marked when beyond.
fn bar(t: &Theme, pct: Option<Decimal>, width: usize, style: Style) -> Vec<Span<'static>> {
    let g = t.glyphs();
    let Some(pct) = pct else {
        return vec![Span::raw(" ".repeat(width + 1))];
    };
    let filled = (pct.min(Decimal::ONE_HUNDRED) * Decimal::from(width) / Decimal::ONE_HUNDRED)
        .round()
        .to_usize()
        .unwrap_or(0)
        .min(width);
    let over = if pct > Decimal::ONE_HUNDRED {
        g.bar_over
    } else {
        " "
    };
    vec![
        Span::styled(g.bar_full.repeat(filled), style),
        Span::styled(g.bar_empty.repeat(width - filled), t.muted()),
        Span::styled(over.to_string(), style),
    ]
}

/// ST, T, S, R, SR (VH, H, M, L, VL).
pub fn short_rating(lang: crate::locale::Lang, r: Rating) -> &'static str {
    match r {
        Rating::SangatTinggi => lang.pick("ST", "VH"),
        Rating::Tinggi => lang.pick("T", "H"),
        Rating::Sedang => lang.pick("S", "M"),
        Rating::Rendah => lang.pick("R", "L"),
        Rating::SangatRendah => lang.pick("SR", "VL"),
    }
}
