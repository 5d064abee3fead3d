//! The detail pane of the selected node: its indicators with target, TW I–IV, realisation to
//! date, capaian and status; its budget with pagu, TW I–IV Rupiah, realisation, sisa and %,
//! and the year's spending as the LRA reports it where one is kept (with how it differs from
//! the quarters), marked red when spent beyond the pagu; under each indicator its explanation
//! of the quarter, or the mark of one missing (see `explain`); and the officer responsible. The cell under the cursor is the one `Enter`
//! edits.
//!
//! Its lines are built by [`lines`], which the layout also asks how many there are (the tree
//! gets the rows the detail does not use).

use super::{clip, left, right};
use crate::locale::{self, Lang};
use crate::model::{Indicator, Node, Quarter};
use crate::rules::{self, Status};
use crate::tui::app::{App, Focus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

/// Width of the indicator's number ("12.").
const NUM: usize = 3;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    let focused = app.focus() == Focus::Detail;
    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        app.lang().pick(" Rincian ", " Detail "),
        if focused { t.title() } else { t.muted() },
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(node) = app.selected_node() else {
        return;
    };
    let (lines, focus_line) = lines(app, node, inner.width as usize);
    // Keep the selected cell in view when the node has more indicators than fit.
    let height = inner.height as usize;
    let scroll = (focus_line + 1).saturating_sub(height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
}

/// Column widths of the indicator grid, fitted to the node's figures and to the pane: the
/// capaian column always shows (at 60 columns too); quarters after the reporting one give way
/// first when the figures are too wide.
struct Columns {
    cell: usize,
    to_date: usize,
    capaian: usize,
    /// The quarters shown (TW I up to the last that fits, never fewer than up to `q`).
    quarters: Vec<Quarter>,
}

impl Columns {
    fn fit(app: &App, node: &Node, width: usize) -> Columns {
        let lang = app.lang();
        let q = app.quarter();
        let widest =
            |texts: &mut dyn Iterator<Item = String>| texts.map(|s| s.width()).max().unwrap_or(0);
        let figures = widest(&mut node.indikator.iter().flat_map(|ind| {
            std::iter::once(ind.target)
                .chain(ind.realisasi)
                .map(locale::figure_or_dash)
        }));
        let headers = widest(
            &mut std::iter::once("Target".to_string())
                .chain(Quarter::ALL.map(|quarter| locale::quarter(quarter, lang))),
        );
        let cell = figures.max(headers) + 1;
        let to_date_head = to_date_head(q, lang).width();
        let to_dates = widest(&mut node.indikator.iter().map(|ind| {
            locale::figure_or_dash(rules::realisasi_to_date(&ind.realisasi, ind.agregasi, q))
        }));
        let to_date = to_date_head.max(to_dates) + 1;
        let capaian = widest(
            &mut node
                .indikator
                .iter()
                .map(|ind| locale::percent_or_dash(app.session().status(ind).capaian())),
        )
        .max(capaian_head(lang).width())
            + 1;
        // Roomier where the pane allows (the 80-column look: 9, 11 and 10 columns).
        let (mut cell, mut to_date, mut capaian) = (cell, to_date, capaian);
        let total =
            |cell: usize, to_date: usize, capaian: usize| NUM + cell * 5 + to_date + capaian;
        while cell < 9 && total(cell + 1, to_date, capaian) <= width {
            cell += 1;
        }
        while to_date < 11 && total(cell, to_date + 1, capaian) <= width {
            to_date += 1;
        }
        while capaian < 10 && total(cell, to_date, capaian + 1) <= width {
            capaian += 1;
        }
        let mut quarters = Quarter::ALL.to_vec();
        // Quarters after the reporting one go first, from the last, while the row is too wide.
        while NUM + cell * (1 + quarters.len()) + to_date + capaian > width
            && quarters.last().is_some_and(|last| *last > q)
        {
            quarters.pop();
        }
        Columns {
            cell,
            to_date,
            capaian,
            quarters,
        }
    }
}

fn to_date_head(q: Quarter, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("s.d.TW {q}"),
        Lang::En => format!("to Q {q}"),
    }
}

fn capaian_head(lang: Lang) -> &'static str {
    lang.pick("Capaian", "Achieved")
}

/// The pane's lines for `node` at `width` columns, and the line of the selected cell.
pub fn lines<'a>(app: &App, node: &Node, width: usize) -> (Vec<Line<'a>>, usize) {
    let t = &app.theme();
    let lang = app.lang();
    let focused = app.focus() == Focus::Detail;
    let q = app.quarter();
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0;

    // The one rule for who answers for a node (the same as the exports' and `kinerja red`'s).
    let visit = crate::model::NodeVisit {
        node,
        ancestors: app.session().ancestors(&node.kode),
    };
    let officer = app.ws().officer_for(&visit, None).map(|o| o.nama.clone());
    let kind = lang.kind(node.jenis);
    let title = format!("{kind} {}", node.kode);
    lines.push(Line::from(vec![
        Span::styled(title.clone(), t.title()),
        Span::styled(
            clip(
                &format!(
                    "  {}: {}",
                    lang.pick("penanggung jawab", "responsible"),
                    officer.as_deref().unwrap_or("—")
                ),
                width.saturating_sub(title.width()),
            ),
            t.muted(),
        ),
    ]));
    lines.push(Line::raw(clip(&node.nama, width)));

    let cell_style = |row: usize, col: usize| -> Style {
        if focused && app.cell() == (row, col) {
            t.selected()
        } else {
            Style::new()
        }
    };

    if node.indikator.is_empty() && node.anak.is_empty() {
        // A node just added: say how to give it an indicator (the footer has no room for it;
        // a Visi or Misi above others usually has none, and says nothing).
        let hint = if focused {
            lang.pick(
                "Belum ada indikator: a menambah",
                "No indicator yet: a adds one",
            )
        } else {
            lang.pick(
                "Belum ada indikator: Tab lalu a menambah",
                "No indicator yet: Tab, then a adds one",
            )
        };
        lines.push(Line::styled(clip(hint, width), t.muted()));
    }
    if !node.indikator.is_empty() {
        let cols = Columns::fit(app, node, width);
        let mut head = format!("{:NUM$}{}", "", right("Target", cols.cell));
        for quarter in &cols.quarters {
            head.push_str(&right(&locale::quarter(*quarter, lang), cols.cell));
        }
        head.push_str(&right(&to_date_head(q, lang), cols.to_date));
        head.push_str(&right(capaian_head(lang), cols.capaian));
        lines.push(Line::styled(clip(&head, width), t.muted()));
        for (i, ind) in node.indikator.iter().enumerate() {
            lines.push(indicator_name(app, i, ind, width));
            if app.cell().0 == i {
                focus_line = lines.len();
            }
            lines.push(indicator_figures(app, i, ind, &cols, &cell_style));
            if let Some(plan) = plan_line(app, ind, &cols) {
                lines.push(plan);
            }
            let selected = app.cell().0 == i;
            let figures_line = lines.len();
            lines.extend(super::explain::lines_of(app, ind, selected, width));
            if selected {
                // Its explanation in view too, as far as the pane allows the figures to stay.
                focus_line = (lines.len() - 1).min(figures_line + 6).max(focus_line);
            }
        }
    }

    if let Some(year) = app.budget(node) {
        let budget = year.at(q);
        let row = node.indikator.len();
        let derived = app.budget_is_derived(node);
        // One line when it fits, else the remainder on a second: a figure is never cut.
        let spent = format!(
            "{} {}: {} · {}",
            lang.pick("Anggaran", "Budget"),
            locale::to_quarter(q, lang),
            locale::rupiah_or_dash(budget.realisasi),
            locale::percent_or_dash(budget.capaian()),
        );
        let left_over = format!(
            "{} {}{}",
            lang.pick("sisa", "left"),
            locale::rupiah_or_dash(budget.sisa()),
            if derived {
                lang.pick(" (jumlah anak)", " (sum of children)")
            } else {
                ""
            }
        );
        let one_line = format!("{spent} · {left_over}");
        if one_line.width() <= width {
            lines.push(Line::styled(one_line, t.title()));
        } else {
            lines.push(Line::styled(clip(&spent, width), t.title()));
            lines.push(Line::styled(
                clip(&format!("  {left_over}"), width),
                t.title(),
            ));
        }
        if let Some(over) = super::explain::over_pagu_line(app, node, budget, width) {
            lines.push(over);
        }
        if app.cell().0 == row {
            focus_line = lines.len() + 2;
        }
        let own = node.anggaran.clone().unwrap_or_default();
        let quarter_rp = |quarter: Quarter| -> Option<Decimal> {
            if derived {
                year.spent_in(quarter)
            } else {
                own.realisasi_rp[quarter.index()]
            }
        };
        // Wide enough for the longest figure (a kabupaten's total runs to trillions).
        let rp_w = Quarter::ALL
            .iter()
            .filter_map(|quarter| quarter_rp(*quarter))
            .chain(budget.pagu)
            .chain(own.realisasi_tahun)
            .map(|v| locale::rupiah(v).width())
            .max()
            .unwrap_or(0)
            .max(17);
        let rp_cell = |quarter: Quarter| -> Vec<Span> {
            let text = quarter_rp(quarter)
                .map(locale::rupiah)
                .unwrap_or_else(|| "·".into());
            let style = cell_style(row, quarter.number() as usize);
            let style = if quarter > q {
                style.patch(t.muted())
            } else {
                style
            };
            vec![
                Span::raw(left(&format!("  {}", locale::quarter(quarter, lang)), 9)),
                Span::styled(right(&text, rp_w), style),
            ]
        };
        let mut pagu = vec![
            Span::raw(left("  Pagu", 9)),
            Span::styled(
                right(&locale::rupiah_or_dash(budget.pagu), rp_w),
                cell_style(row, 0),
            ),
        ];
        if let Some(murni) = own.pagu_murni {
            pagu.push(Span::styled(
                format!(
                    "   ({} {})",
                    lang.pick("murni", "original"),
                    locale::rupiah(murni)
                ),
                t.muted(),
            ));
        }
        lines.push(Line::from(pagu));
        let mut first = rp_cell(Quarter::I);
        first.push(Span::raw("   "));
        first.extend(rp_cell(Quarter::II));
        lines.push(Line::from(first));
        let mut second = rp_cell(Quarter::III);
        second.push(Span::raw("   "));
        second.extend(rp_cell(Quarter::IV));
        lines.push(Line::from(second));
        if let Some(lra) = own.realisasi_tahun {
            let quarters = if derived {
                year.at(Quarter::IV).realisasi
            } else {
                own.realisasi_rp
                    .iter()
                    .flatten()
                    .copied()
                    .reduce(|a, b| a.saturating_add(b))
            };
            let figure = vec![
                Span::raw(left("  LRA", 9)),
                Span::styled(right(&locale::rupiah(lra), rp_w), cell_style(row, 5)),
            ];
            let note = lra_note(lra, quarters, lang);
            let used = 9 + rp_w;
            if used + 2 + note.width() <= width {
                let mut line = figure;
                line.push(Span::styled(format!("  {note}"), t.muted()));
                lines.push(Line::from(line));
            } else {
                lines.push(Line::from(figure));
                lines.push(Line::styled(clip(&format!("    {note}"), width), t.muted()));
            }
            if app.cell() == (row, 5) {
                focus_line = lines.len();
            }
        }
    }
    (lines, focus_line)
}

/// Under the realisations, the quarterly plan (rencana aksi) where there is one, and under
/// the capaian what is due by the quarter judged — the figure the realisation to date is
/// measured against (`rules::due_target`, the same as every report's). Left out when it would
/// only repeat the target (a level without a plan is due in full).
fn plan_line<'a>(app: &App, ind: &Indicator, cols: &Columns) -> Option<Line<'a>> {
    let t = app.theme();
    let lang = app.lang();
    let q = app.quarter();
    let has_plan = ind.rencana.iter().any(Option::is_some);
    let due = rules::due_target(ind, q);
    if !has_plan && (due.is_none() || due == ind.target) {
        return None;
    }
    let mut spans = vec![
        Span::raw(" ".repeat(NUM)),
        Span::styled(right(lang.pick("rencana", "plan"), cols.cell), t.muted()),
    ];
    for quarter in &cols.quarters {
        let v = ind.rencana[quarter.index()];
        spans.push(Span::styled(
            right(
                &v.map(locale::figure).unwrap_or_else(|| "·".into()),
                cols.cell,
            ),
            t.muted(),
        ));
    }
    let due_text = format!(
        "{} {}",
        lang.pick("dari", "of"),
        locale::figure_or_dash(due)
    );
    spans.push(Span::styled(
        right(&due_text, cols.to_date + cols.capaian),
        t.muted(),
    ));
    Some(Line::from(spans))
}

/// "menurut LRA = jumlah TW I–IV", or how the two differ: the year's spending as the budget
/// report (LRA) declares it beside the sum of the quarters typed here.
fn lra_note(lra: Decimal, quarters: Option<Decimal>, lang: Lang) -> String {
    let per = lang.pick("menurut LRA", "per LRA");
    let sum = lang.pick("jumlah TW I–IV", "sum of Q I–IV");
    match quarters {
        Some(s) if s == lra => format!("{per} = {sum}"),
        Some(s) => {
            let (more, by) = if s > lra {
                (lang.pick("lebih", "more"), s - lra)
            } else {
                (lang.pick("kurang", "less"), lra - s)
            };
            format!(
                "{per}; {sum} {} ({more} {})",
                locale::rupiah(s),
                locale::rupiah(by)
            )
        }
        None => format!("{per}; {sum} {}", lang.pick("belum diisi", "not entered")),
    }
}

/// "1. Jumlah Laporan … (laporan)   ✓ Sangat Tinggi": the name is cut, never the status.
fn indicator_name<'a>(app: &App, i: usize, ind: &Indicator, width: usize) -> Line<'a> {
    let (mark, mark_style, word) = status_mark(app, app.session().status(ind));
    let name = format!(
        "{:<NUM$}{} ({})",
        format!("{}.", i + 1),
        ind.nama,
        ind.satuan
    );
    let word = format!(" {mark} {word}");
    let name_w = width.saturating_sub(word.width());
    Line::from(vec![
        Span::raw(left(&clip(&name, name_w), name_w)),
        Span::styled(word, mark_style),
    ])
}

fn status_mark(app: &App, status: Status) -> (&'static str, Style, &'static str) {
    let t = &app.theme();
    let lang = app.lang();
    match status {
        Status::Dinilai { merah: true, .. } => (t.glyphs().red, t.red(), lang.pick("merah", "red")),
        Status::Dinilai { rating, .. } => (t.glyphs().ok, t.ok(), lang.rating(rating)),
        Status::BelumDiisi => (
            t.glyphs().blank,
            t.blank(),
            lang.pick("belum diisi", "not entered"),
        ),
        Status::BelumJatuhTempo => (
            " ",
            Style::new(),
            lang.pick("belum jatuh tempo", "not yet due"),
        ),
        Status::TanpaTarget => (" ", Style::new(), lang.pick("tanpa target", "no target")),
    }
}

/// The figures row of indicator `i`: target, the quarters shown, to date, capaian.
fn indicator_figures<'a>(
    app: &App,
    i: usize,
    ind: &Indicator,
    cols: &Columns,
    cell_style: &dyn Fn(usize, usize) -> Style,
) -> Line<'a> {
    let t = &app.theme();
    let q = app.quarter();
    let status = app.session().status(ind);
    let (_, mark_style, _) = status_mark(app, status);
    let mut spans = vec![
        Span::raw(" ".repeat(NUM)),
        Span::styled(
            right(&locale::figure_or_dash(ind.target), cols.cell),
            cell_style(i, 0),
        ),
    ];
    for quarter in &cols.quarters {
        let v = ind.realisasi[quarter.index()];
        let text = right(
            &v.map(locale::figure).unwrap_or_else(|| "·".into()),
            cols.cell,
        );
        let style = cell_style(i, quarter.number() as usize);
        let style = if *quarter > q {
            style.patch(t.muted())
        } else {
            style
        };
        spans.push(Span::styled(text, style));
    }
    let to_date = rules::realisasi_to_date(&ind.realisasi, ind.agregasi, q);
    spans.push(Span::raw(right(
        &locale::figure_or_dash(to_date),
        cols.to_date,
    )));
    spans.push(Span::styled(
        right(&locale::percent_or_dash(status.capaian()), cols.capaian),
        mark_style,
    ));
    Line::from(spans)
}
