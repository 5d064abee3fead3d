//! The detail pane of the selected node: its indicators with target, TW I–IV, realisation to
//! date, capaian and status; its budget with pagu, TW I–IV Rupiah, realisation, sisa and %;
//! and the officer responsible. The cell under the cursor is the one `Enter` edits.

use super::{clip, left, right};
use crate::locale;
use crate::model::Quarter;
use crate::rules::{self, Status};
use crate::tui::app::{App, Focus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Column widths of the indicator grid.
const NUM: usize = 3;
const CELL: usize = 9;
const TO_DATE: usize = 11;
const CAPAIAN: usize = 10;

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
    let width = inner.width as usize;
    let q = app.quarter();
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0;

    let officer = node
        .pejabat
        .clone()
        .or_else(|| {
            app.session()
                .ancestors(&node.kode)
                .iter()
                .rev()
                .find_map(|a| a.pejabat.clone())
        })
        .and_then(|id| app.ws().officer(&id).map(|o| o.nama.clone()));
    let kind = kind_label(node.jenis).to_string();
    lines.push(Line::from(vec![
        Span::styled(format!("{kind} {}", node.kode), t.title()),
        Span::styled(
            clip(
                &format!(
                    "  {}: {}",
                    app.lang().pick("penanggung jawab", "responsible"),
                    officer.as_deref().unwrap_or("—")
                ),
                width.saturating_sub(kind.len() + node.kode.len() + 1),
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

    if !node.indikator.is_empty() {
        let mut head = format!("{:NUM$}{}", "", right("Target", CELL));
        for quarter in Quarter::ALL {
            head.push_str(&right(&format!("TW {quarter}"), CELL));
        }
        head.push_str(&right(
            &format!("{}{q}", app.lang().pick("s.d.TW ", "to Q ")),
            TO_DATE,
        ));
        head.push_str(&right("Capaian", CAPAIAN));
        lines.push(Line::styled(clip(&head, width), t.muted()));
    }
    for (i, ind) in node.indikator.iter().enumerate() {
        let status = app.session().status(ind);
        let (mark, mark_style, word) = match status {
            Status::Dinilai { merah: true, .. } => {
                (t.glyphs().red, t.red(), app.lang().pick("merah", "red"))
            }
            Status::Dinilai { rating, .. } => (t.glyphs().ok, t.ok(), app.lang().rating(rating)),
            Status::BelumDiisi => (
                t.glyphs().blank,
                t.blank(),
                app.lang().pick("belum diisi", "not entered"),
            ),
            Status::BelumJatuhTempo => (
                " ",
                Style::new(),
                app.lang().pick("belum jatuh tempo", "not yet due"),
            ),
            Status::TanpaTarget => (
                " ",
                Style::new(),
                app.lang().pick("tanpa target", "no target"),
            ),
        };
        let name = format!(
            "{:<NUM$}{} ({})",
            format!("{}.", i + 1),
            ind.nama,
            ind.satuan
        );
        let word = format!(" {mark} {word}");
        let name_w = width.saturating_sub(word.chars().count());
        lines.push(Line::from(vec![
            Span::raw(left(&clip(&name, name_w), name_w)),
            Span::styled(word, mark_style),
        ]));
        if app.cell().0 == i {
            focus_line = lines.len();
        }
        let mut spans = vec![
            Span::raw(" ".repeat(NUM)),
            Span::styled(
                right(&locale::figure_or_dash(ind.target), CELL),
                cell_style(i, 0),
            ),
        ];
        for quarter in Quarter::ALL {
            let v = ind.realisasi[quarter.index()];
            let text = right(&v.map(locale::figure).unwrap_or_else(|| "·".into()), CELL);
            let style = cell_style(i, quarter.number() as usize);
            let style = if quarter > q {
                style.patch(t.muted())
            } else {
                style
            };
            spans.push(Span::styled(text, style));
        }
        let to_date = rules::realisasi_to_date(&ind.realisasi, ind.agregasi, q);
        spans.push(Span::raw(right(&locale::figure_or_dash(to_date), TO_DATE)));
        spans.push(Span::styled(
            right(&locale::percent_or_dash(status.capaian()), CAPAIAN),
            mark_style,
        ));
        lines.push(Line::from(spans));
    }

    if let Some(year) = app.budget(node) {
        let budget = year.at(q);
        let row = node.indikator.len();
        let derived = app.budget_is_derived(node);
        // One line when it fits, else the remainder on a second: a figure is never cut.
        let spent = format!(
            "{} TW {q}: {} · {}",
            app.lang().pick("Anggaran s.d.", "Budget to Q"),
            locale::rupiah_or_dash(budget.realisasi),
            locale::percent_or_dash(budget.capaian()),
        );
        let left_over = format!(
            "{} {}{}",
            app.lang().pick("sisa", "left"),
            locale::rupiah_or_dash(budget.sisa()),
            if derived {
                app.lang().pick(" (jumlah anak)", " (sum of children)")
            } else {
                ""
            }
        );
        let one_line = format!("{spent} · {left_over}");
        if one_line.chars().count() <= width {
            lines.push(Line::styled(one_line, t.title()));
        } else {
            lines.push(Line::styled(clip(&spent, width), t.title()));
            lines.push(Line::styled(
                clip(&format!("  {left_over}"), width),
                t.title(),
            ));
        }
        if app.cell().0 == row {
            focus_line = lines.len() + 2;
        }
        let own = node.anggaran.clone().unwrap_or_default();
        let quarter_rp = |quarter: Quarter| -> Option<rust_decimal::Decimal> {
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
            .map(|v| locale::rupiah(v).chars().count())
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
                Span::raw(left(&format!("  TW {quarter}"), 9)),
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
                format!("   (murni {})", locale::rupiah(murni)),
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
    }

    // Keep the selected cell in view when the node has more indicators than fit.
    let height = inner.height as usize;
    let scroll = (focus_line + 1).saturating_sub(height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
}

/// The level's name as the reports write it.
pub fn kind_label(kind: crate::model::NodeKind) -> &'static str {
    use crate::model::NodeKind::*;
    match kind {
        Visi => "Visi",
        Misi => "Misi",
        Tujuan => "Tujuan",
        Sasaran => "Sasaran",
        Program => "Program",
        Kegiatan => "Kegiatan",
        SubKegiatan => "Sub Kegiatan",
    }
}
