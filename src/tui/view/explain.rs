//! What the detail pane shows under an indicator's figures for the quarter selected (issue
//! 14): its explanation — faktor penghambat, tindak lanjut with its due date and officer,
//! faktor pendorong, bukti dukung —, a red mark on a red or unentered indicator nobody has
//! explained yet ("belum ada penjelasan"), and under the budget a red mark on money spent
//! beyond the pagu. The indicator under the cursor shows each text over a few wrapped rows;
//! the others one row each. Texts are shown safe (`form::lines` escapes what must not reach
//! the terminal).

use super::clip;
use crate::locale::{self, Lang};
use crate::model::{Explanation, Indicator, Node};
use crate::rules::{self, BudgetFigures};
use crate::tui::app::App;
use crate::tui::form::lines;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Rows of one text of the indicator under the cursor (the form shows it whole).
const ROWS: usize = 3;
/// Columns of the labels ("Penghambat").
const LABEL: usize = 17;

fn label(text: &str) -> String {
    format!("   {:<w$}", text, w = LABEL - 3)
}

/// `text` after a label, over at most `rows` rows of `width` columns (a cut marked "…").
fn part<'a>(app: &App, name: &str, text: &str, rows: usize, width: usize, out: &mut Vec<Line<'a>>) {
    let t = app.theme();
    let room = width.saturating_sub(LABEL).max(8);
    let all = lines::rows(text, room);
    let cut = all.len() > rows;
    for (i, row) in all.iter().take(rows).enumerate() {
        let head = if i == 0 {
            label(name)
        } else {
            " ".repeat(LABEL)
        };
        let mut shown = row.shown.clone();
        if cut && i + 1 == rows {
            shown = format!("{}…", clip(&shown, room.saturating_sub(1)));
            shown = shown.replace("……", "…");
        }
        out.push(Line::from(vec![
            Span::styled(clip(&head, LABEL), t.muted()),
            Span::raw(clip(&shown, room)),
        ]));
    }
}

/// "s.d. 2026-03-31 · Budi Santoso": when and by whom the tindak lanjut is to be done.
fn follow_up_of(app: &App, e: &Explanation, lang: Lang) -> Option<String> {
    let mut bits = Vec::new();
    if let Some(d) = e.tenggat {
        bits.push(format!("{} {d}", lang.pick("tenggat", "due")));
    }
    if let Some(id) = &e.pejabat {
        let name = app
            .ws()
            .officer(id)
            .map_or(id.as_str(), |o| o.nama.as_str());
        bits.push(name.to_string());
    }
    (!bits.is_empty()).then(|| bits.join(" · "))
}

/// The lines under indicator `ind`'s figures: its explanation of the quarter, or the mark of
/// one missing; `selected`: the indicator under the cursor (its texts over a few rows).
pub fn lines_of<'a>(app: &App, ind: &Indicator, selected: bool, width: usize) -> Vec<Line<'a>> {
    let t = app.theme();
    let lang = app.lang();
    let q = app.quarter();
    let rows = if selected { ROWS } else { 1 };
    let mut out = Vec::new();
    let e = ind.penjelasan.get(q);
    let status = app.session().status(ind);
    if e.is_empty() {
        if rules::needs_explanation(ind, status, q) {
            let text = format!(
                "   {} {} {}",
                t.glyphs().red,
                lang.pick("belum ada penjelasan", "no explanation yet"),
                lang.pick("— c: tulis", "— c: write one")
            );
            out.push(Line::styled(clip(&text, width), t.red()));
        } else if let Some((at, earlier)) = rules::latest_explanation(ind, q) {
            // An earlier quarter's explanation still stands for this one.
            let what = if earlier.penghambat.is_empty() {
                &earlier.tindak_lanjut
            } else {
                &earlier.penghambat
            };
            let first = lines::rows(what, usize::MAX / 2)
                .first()
                .map(|r| r.shown.clone())
                .unwrap_or_default();
            let text = format!(
                "   {} {}: {first}",
                lang.pick("penjelasan", "explanation"),
                locale::quarter(at, lang)
            );
            out.push(Line::styled(clip(&text, width), t.muted()));
        }
        return out;
    }
    if !e.penghambat.is_empty() {
        part(
            app,
            lang.pick("Penghambat", "Obstacles"),
            &e.penghambat,
            rows,
            width,
            &mut out,
        );
    }
    if !e.tindak_lanjut.is_empty() || e.tenggat.is_some() || e.pejabat.is_some() {
        let text = match follow_up_of(app, e, lang) {
            Some(when) if e.tindak_lanjut.is_empty() => format!("({when})"),
            Some(when) => format!("{} ({when})", e.tindak_lanjut),
            None => e.tindak_lanjut.clone(),
        };
        part(
            app,
            lang.pick("Tindak lanjut", "Follow-up"),
            &text,
            rows,
            width,
            &mut out,
        );
    }
    if !e.pendorong.is_empty() {
        part(
            app,
            lang.pick("Pendorong", "Drivers"),
            &e.pendorong,
            rows,
            width,
            &mut out,
        );
    }
    if !e.bukti.is_empty() {
        let text = format!("{}: {}", e.bukti.len(), e.bukti.join(" · "));
        part(
            app,
            lang.pick("Bukti dukung", "Evidence"),
            &text,
            1,
            width,
            &mut out,
        );
    }
    if rules::needs_explanation(ind, status, q) {
        // Written, but nothing of why it falls short or what will be done.
        let text = format!(
            "   {} {}",
            t.glyphs().red,
            lang.pick(
                "belum ada penghambat atau tindak lanjut",
                "no obstacle or follow-up yet"
            )
        );
        out.push(Line::styled(clip(&text, width), t.red()));
    }
    out
}

/// The red line under a budget spent beyond its pagu to the quarter: how much beyond, and the
/// share of the pagu (`rules::over_pagu_of`, the rule `kinerja red` and `check` use).
pub fn over_pagu_line<'a>(
    app: &App,
    node: &Node,
    b: BudgetFigures,
    width: usize,
) -> Option<Line<'a>> {
    let over = rules::over_pagu_of(node, b)?;
    let t = app.theme();
    let lang = app.lang();
    let text = match over.persen() {
        Some(p) => format!(
            "  {} {} {} ({} {})",
            t.glyphs().red,
            lang.pick("MELEBIHI PAGU:", "OVER PAGU:"),
            locale::percent(p),
            lang.pick("lebih", "over by"),
            locale::rupiah(over.lebih())
        ),
        None => format!(
            "  {} {} {}",
            t.glyphs().red,
            lang.pick("REALISASI TANPA PAGU:", "SPENT WITHOUT A PAGU:"),
            locale::rupiah(over.realisasi)
        ),
    };
    let text = if text.width() > width {
        clip(&text, width)
    } else {
        text
    };
    Some(Line::styled(text, t.red()))
}
