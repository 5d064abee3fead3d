//! The help: every key of the context under it (generated from the key tables), the
//! legend, the rating scale, and why ASCII was chosen when it was not asked for.

use super::super::left;
use super::{boxed_scrolled, wrap_words};
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::overlay::Scroll;
use crate::tui::theme::AsciiReason;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Every line of the help: the keys of the context under it, the legend, the rating scale,
/// and when ASCII was chosen without being asked, why.
pub(super) fn help_lines<'a>(app: &App, inner_w: usize) -> Vec<Line<'a>> {
    let t = &app.theme();
    let g = t.glyphs();
    let lang = app.lang();
    let entries = keymap::help(app.help_context(), lang);
    // The forms the panes open have keys of their own: listed after the pane's.
    let mut form_keys: Vec<(&str, &str)> = Vec::new();
    // An explanation's texts of several lines take Enter as a line break: their own list.
    let mut lines_keys: Vec<(&str, &str)> = Vec::new();
    if matches!(
        app.help_context(),
        Context::Tree | Context::Detail | Context::Dashboard
    ) {
        for e in keymap::help(Context::FormChoice, lang)
            .into_iter()
            .chain(keymap::help(Context::FormText, lang))
        {
            if !form_keys.iter().any(|(k, _)| *k == e.0) {
                form_keys.push(e);
            }
        }
        lines_keys = keymap::help(Context::FormLines, lang);
    }
    let key_w = entries
        .iter()
        .chain(&form_keys)
        .chain(&lines_keys)
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(4)
        + 2;
    // A description too long for the box goes on under its key: nothing is cut.
    let mut lines: Vec<Line> = Vec::new();
    let form_heading = lang.pick("Dalam formulir:", "In a form:");
    let lines_heading = lang.pick(
        "Dalam teks beberapa baris (penjelasan, bukti dukung):",
        "In a text of several lines (explanations, evidence):",
    );
    let headed = |list: &Vec<(&'static str, &'static str)>, heading: &'static str| {
        list.iter()
            .enumerate()
            .map(move |(i, e)| ((i == 0).then_some(heading), *e))
            .collect::<Vec<_>>()
    };
    let all = entries
        .iter()
        .map(|e| (None, *e))
        .chain(headed(&form_keys, form_heading))
        .chain(headed(&lines_keys, lines_heading))
        .collect::<Vec<_>>();
    for (heading, (k, what)) in all {
        if let Some(heading) = heading {
            lines.push(Line::styled(heading, t.title()));
        }
        for (i, part) in wrap_words(what, inner_w.saturating_sub(key_w))
            .into_iter()
            .enumerate()
        {
            let key = if i == 0 {
                left(k, key_w)
            } else {
                " ".repeat(key_w)
            };
            lines.push(Line::from(vec![
                Span::styled(key, t.key()),
                Span::raw(part),
            ]));
        }
    }
    let legend = format!(
        "{} {}  {} {}  {} {}",
        g.red,
        lang.pick(
            "merah: capaian < 100 % yang jatuh tempo",
            "red: below 100 % of what is due"
        ),
        g.blank,
        lang.pick("belum diisi", "not entered"),
        g.ok,
        lang.pick("tercapai", "achieved")
    );
    for part in wrap_words(&legend, inner_w) {
        lines.push(Line::styled(part, t.muted()));
    }
    let scale: Vec<String> = crate::rules::Rating::ALL
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                super::super::dashboard::short_rating(lang, *r),
                lang.rating(*r)
            )
        })
        .collect();
    for part in wrap_words(&scale.join(" · "), inner_w) {
        lines.push(Line::styled(part, t.muted()));
    }
    if let Some(why) = t.ascii_auto {
        let why = match why {
            AsciiReason::Terminal => lang.pick(
                "terminal tanpa garis Unicode (TERM=linux dsb.)",
                "a terminal without Unicode lines (TERM=linux etc.)",
            ),
            AsciiReason::Locale => lang.pick(
                "locale tanpa UTF-8 (LANG/LC_ALL/LC_CTYPE)",
                "a locale without UTF-8 (LANG/LC_ALL/LC_CTYPE)",
            ),
            AsciiReason::Setting => "KINERJA_ASCII=1",
        };
        let text = format!(
            "{}: {why}; {}",
            lang.pick(
                "Tampilan ASCII dipilih otomatis",
                "ASCII chosen automatically"
            ),
            lang.pick(
                "KINERJA_ASCII=0 memaksa Unicode",
                "KINERJA_ASCII=0 forces Unicode"
            ),
        );
        for part in wrap_words(&text, inner_w) {
            lines.push(Line::styled(part, t.muted()));
        }
    }
    lines
}

/// The help box's width at a screen of `area`.
pub(super) fn help_width(area: Rect) -> u16 {
    area.width.min(76)
}

/// How many lines the help has, and how many show at a time at the app's size.
pub fn help_extent(app: &App) -> (usize, usize) {
    let area = super::super::help_area(Rect::new(0, 0, app.size().width, app.size().height));
    let len = help_lines(app, help_width(area) as usize).len();
    (len, len.min(area.height.saturating_sub(2) as usize))
}

pub fn help(frame: &mut Frame, app: &App, area: Rect, scroll: Scroll) {
    let width = help_width(area);
    let lines = help_lines(app, width.saturating_sub(2) as usize);
    let len = lines.len();
    let page = len.min(area.height.saturating_sub(2) as usize);
    let top = scroll.top.min(len.saturating_sub(page));
    let context = match app.help_context() {
        Context::Tree => app.lang().pick("Bantuan — pohon", "Help — tree"),
        Context::Detail => app.lang().pick("Bantuan — rincian", "Help — detail"),
        _ => app.lang().pick("Bantuan — dasbor", "Help — dashboard"),
    };
    boxed_scrolled(
        frame,
        area,
        (width, len as u16 + 2),
        context,
        lines,
        Some((top, len)),
        app,
    );
}
