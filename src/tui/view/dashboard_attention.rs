//! The dashboard's parts of issue 14: under each row of the red list, its latest faktor
//! penghambat and tindak lanjut (`report::IndicatorRow::penjelasan`, the same as `kinerja
//! red`'s), or a red "belum ada penjelasan" — the first thing to fix before the meeting; and
//! the nodes that spent beyond their pagu, in red (`Session::over_pagu`).

use super::clip;
use crate::locale;
use crate::report::IndicatorRow;
use crate::tui::app::App;
use crate::tui::form::lines;
use ratatui::text::{Line, Span};

/// The first row of a text as shown (safe), for one line of the list.
fn first_row(text: &str) -> String {
    let rows = lines::rows(text, usize::MAX / 4);
    let more = rows.len() > 1;
    let first = rows.into_iter().next().map(|r| r.shown).unwrap_or_default();
    if more { format!("{first} …") } else { first }
}

/// The line under a row of the red list: its explanation, or the mark of none.
pub fn explanation<'a>(app: &App, row: &IndicatorRow, width: usize) -> Line<'a> {
    let t = app.theme();
    let lang = app.lang();
    let Some((at, e)) = &row.penjelasan else {
        let text = format!(
            "    {} {} — c: {}",
            t.glyphs().red,
            lang.pick("belum ada penjelasan", "no explanation yet"),
            lang.pick("tulis", "write one")
        );
        return Line::styled(clip(&text, width), t.red());
    };
    let when = if *at == app.quarter() {
        String::new()
    } else {
        format!("({}) ", locale::quarter(*at, lang))
    };
    let mut parts = Vec::new();
    if !e.penghambat.is_empty() {
        parts.push(format!(
            "{}: {}",
            lang.pick("penghambat", "obstacle"),
            first_row(&e.penghambat)
        ));
    }
    if !e.tindak_lanjut.is_empty() {
        parts.push(format!(
            "{}: {}",
            lang.pick("tindak lanjut", "follow-up"),
            first_row(&e.tindak_lanjut)
        ));
    }
    // Both in view: each gets its share of the line.
    let room = width.saturating_sub(4 + when.len());
    let share = if parts.len() > 1 {
        room.saturating_sub(3) / 2
    } else {
        room
    };
    let parts: Vec<String> = parts.iter().map(|p| clip(p, share)).collect();
    Line::from(vec![
        Span::raw("    "),
        Span::styled(
            clip(
                &format!("{when}{}", parts.join(" · ")),
                width.saturating_sub(4),
            ),
            t.muted(),
        ),
    ])
}

/// The nodes spent beyond their pagu to the quarter: a heading and a line each, at most
/// `max` lines in all (the rest counted); nothing when none is.
pub fn over_pagu<'a>(app: &App, width: usize, max: usize) -> Vec<Line<'a>> {
    let t = app.theme();
    let lang = app.lang();
    let list = app.session().over_pagu();
    if list.is_empty() || max == 0 {
        return Vec::new();
    }
    let mut out = vec![Line::styled(
        clip(
            &format!(
                "{} {} ({})",
                t.glyphs().red,
                lang.pick("Melebihi pagu", "Spent beyond the pagu"),
                list.len()
            ),
            width,
        ),
        t.red(),
    )];
    let shown = list.len().min(max.saturating_sub(1).max(1));
    for o in &list[..shown] {
        let share = o
            .persen()
            .map(locale::percent)
            .unwrap_or_else(|| lang.pick("tanpa pagu", "no pagu").into());
        let text = format!(
            "  {share:>10} {} {} {} {}",
            o.kode,
            o.nama,
            lang.pick("lebih", "over by"),
            locale::rupiah(o.lebih())
        );
        out.push(Line::styled(clip(&text, width), t.red()));
    }
    if shown < list.len() {
        out.push(Line::styled(
            format!(
                "  … +{} ({})",
                list.len() - shown,
                lang.pick(
                    "kinerja red mencantumkan semua",
                    "kinerja red lists them all"
                )
            ),
            t.muted(),
        ));
    }
    out
}
