//! Boxes drawn over the main view: the help listing every key of the current context, the
//! unsaved-changes question, a save's conflicts, and a node's journal.

use super::{clip, left};
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::labels::{field_label, figure_text};
use crate::tui::overlay::{Conflicts, Journal, Scroll};
use crate::tui::theme::AsciiReason;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

fn boxed(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    lines: Vec<Line>,
    app: &App,
) {
    boxed_scrolled(frame, area, (width, height), title, lines, None, app);
}

/// A box of `size` centred in `area`; with `scroll` (first line, lines in all) the lines from
/// there, and the bottom border saying where they are and that there is more.
fn boxed_scrolled(
    frame: &mut Frame,
    area: Rect,
    (width, height): (u16, u16),
    title: &str,
    lines: Vec<Line>,
    scroll: Option<(usize, usize)>,
    app: &App,
) {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    let mut block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), app.theme().title()));
    let page = rect.height.saturating_sub(2) as usize;
    let mut lines = lines;
    if let Some((top, len)) = scroll
        && len > page
    {
        let g = app.theme().glyphs();
        let more = match (top > 0, top + page < len) {
            (true, true) => format!("{} {}", g.up, g.down),
            (false, true) => g.down.to_string(),
            (true, false) => g.up.to_string(),
            (false, false) => String::new(),
        };
        let position = format!(" {}–{} / {len} {more} ", top + 1, (top + page).min(len));
        block = block.title_bottom(Line::styled(position, app.theme().muted()).right_aligned());
        lines = lines.into_iter().skip(top).collect();
    }
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Every line of the help: the keys of the context under it, the legend, the rating scale,
/// and when ASCII was chosen without being asked, why.
fn help_lines<'a>(app: &App, inner_w: usize) -> Vec<Line<'a>> {
    let t = &app.theme();
    let g = t.glyphs();
    let lang = app.lang();
    let entries = keymap::help(app.help_context(), lang);
    let key_w = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(4) + 2;
    // A description too long for the box goes on under its key: nothing is cut.
    let mut lines: Vec<Line> = Vec::new();
    for (k, what) in &entries {
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
                super::dashboard::short_rating(lang, *r),
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

/// `text` in lines of at most `width` columns, broken between words (a word wider than the
/// line is cut).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let line = lines.last_mut().expect("a line");
        if line.is_empty() {
            line.push_str(&clip(word, width));
        } else if line.width() + 1 + word.width() <= width {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(clip(word, width));
        }
    }
    lines
}

/// The help box's width at a screen of `area`.
fn help_width(area: Rect) -> u16 {
    area.width.min(76)
}

/// How many lines the help has, and how many show at a time at the app's size.
pub fn help_extent(app: &App) -> (usize, usize) {
    let area = super::help_area(Rect::new(0, 0, app.size().width, app.size().height));
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

/// At the start: a session that ended left unsaved changes. How many, when, by whom, the
/// first of them, whether the file changed since, and the answers.
pub fn recover(frame: &mut Frame, app: &App, area: Rect, found: &crate::store::recovery::Recovery) {
    let t = &app.theme();
    let lang = app.lang();
    let width = area.width.min(76);
    let inner_w = width.saturating_sub(2) as usize;
    let mut lines = vec![
        Line::raw(clip(
            &format!(
                "{} {} {}",
                lang.pick(
                    "Sesi sebelumnya berakhir dengan",
                    "A session that ended left"
                ),
                found.ops.len() + found.changes.len(),
                lang.pick(
                    "perubahan yang belum disimpan:",
                    "change(s) that were not saved:"
                )
            ),
            inner_w,
        )),
        Line::styled(
            clip(
                &format!(
                    "{} {}, {} {}",
                    lang.pick("oleh", "by"),
                    found.user,
                    lang.pick("terakhir", "last at"),
                    history_time(&found.waktu)
                ),
                inner_w,
            ),
            t.muted(),
        ),
    ];
    // As many of them as leave room for the rest of the box.
    let room = (area.height as usize)
        .saturating_sub(lines.len() + 8)
        .max(1);
    let described: Vec<String> = found
        .ops
        .iter()
        .map(|op| crate::tui::labels::describe(op, true, lang))
        .chain(
            found
                .changes
                .iter()
                .map(|c| crate::tui::labels::describe_change(c, true, lang)),
        )
        .collect();
    for line in described.iter().take(room) {
        lines.push(Line::raw(clip(&format!("  {line}"), inner_w)));
    }
    if described.len() > room {
        lines.push(Line::styled(
            format!(
                "  … {} {}",
                described.len() - room,
                lang.pick("lagi", "more")
            ),
            t.muted(),
        ));
    }
    if !app
        .session()
        .stamp()
        .is_some_and(|s| found.made_against(&s))
    {
        for part in wrap_words(
            lang.pick(
                "Berkas sudah disimpan orang lain sejak itu; angka yang juga mereka ubah ditanyakan saat menyimpan.",
                "The file was saved by someone else since; figures they changed too are asked about when saving.",
            ),
            inner_w,
        ) {
            lines.push(Line::styled(part, t.blank()));
        }
    }
    lines.push(Line::raw(""));
    for (key, what) in keymap::help(Context::Recover, lang) {
        for (i, part) in wrap_words(what, inner_w.saturating_sub(9))
            .into_iter()
            .enumerate()
        {
            let key = if i == 0 { left(key, 9) } else { " ".repeat(9) };
            lines.push(Line::from(vec![
                Span::styled(key, t.key()),
                Span::raw(part),
            ]));
        }
    }
    let title = lang.pick("Perubahan belum disimpan", "Unsaved changes");
    boxed(
        frame,
        area,
        width,
        lines.len() as u16 + 2,
        title,
        lines,
        app,
    );
}

/// `x`: which format, where it goes, and whether unsaved figures are in it.
pub fn export_format(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    let lang = app.lang();
    let width = area.width.min(72);
    let inner_w = width.saturating_sub(2) as usize;
    let folder = app.export_folder();
    let folder = super::status::fit_message(
        &folder.display().to_string(),
        inner_w.saturating_sub(2),
        app.home(),
    )
    .join(" ");
    let mut lines = vec![
        Line::raw(clip(
            &format!(
                "{} {}",
                lang.pick("Tabel LKjIP", "The LKjIP tables"),
                crate::locale::to_quarter(app.quarter(), lang)
            ),
            inner_w,
        )),
        Line::styled(
            clip(
                &format!("{}: {folder}", lang.pick("ke folder", "into")),
                inner_w,
            ),
            t.muted(),
        ),
    ];
    let unsaved = app.unsaved_count();
    if unsaved > 0 {
        lines.push(Line::styled(
            clip(
                &format!(
                    "{} {unsaved} {}",
                    lang.pick("Termasuk", "Includes"),
                    lang.pick(
                        "angka yang belum disimpan (s menyimpannya).",
                        "figure(s) not saved yet (s saves them)."
                    )
                ),
                inner_w,
            ),
            t.blank(),
        ));
    }
    lines.push(Line::raw(""));
    for (key, what) in keymap::help(Context::Export, lang) {
        lines.push(Line::from(vec![
            Span::styled(left(key, 9), t.key()),
            Span::raw(clip(what, inner_w.saturating_sub(9))),
        ]));
    }
    let title = lang.pick("Ekspor", "Export");
    boxed(
        frame,
        area,
        width,
        lines.len() as u16 + 2,
        title,
        lines,
        app,
    );
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

/// The lines of a node's journal, newest first, each fitted to `inner_w` columns.
fn history_lines<'a>(app: &App, journal: &Journal, inner_w: usize) -> Vec<Line<'a>> {
    let t = &app.theme();
    let lang = app.lang();
    if journal.entries.is_empty() {
        return vec![Line::raw(lang.pick(
            "Belum ada perubahan tersimpan untuk node ini.",
            "No saved changes for this node yet.",
        ))];
    }
    journal
        .entries
        .iter()
        .map(|e| {
            let what = match e.field() {
                Some(f) => format!(
                    "{}: {} → {}",
                    field_label(f, lang),
                    figure_text(f, e.lama),
                    figure_text(f, e.baru)
                ),
                None => e.kolom.clone(),
            };
            let ind = e.indikator.map(|i| format!("#{i} ")).unwrap_or_default();
            let when = history_time(&e.waktu);
            let used = when.width() + 1 + 11;
            Line::from(vec![
                Span::styled(format!("{when} "), t.muted()),
                Span::styled(format!("{:<10} ", clip(&e.pengguna, 10)), t.key()),
                Span::raw(clip(&format!("{ind}{what}"), inner_w.saturating_sub(used))),
            ])
        })
        .collect()
}

/// "2026-12-01 21:22:24": the journal's time without its `T` and offset (the offset is the
/// machine's, as every other time on this screen).
fn history_time(waktu: &str) -> String {
    let t = waktu.replace('T', " ");
    let cut = t
        .char_indices()
        .skip(10)
        .find(|(_, c)| matches!(c, 'Z' | '+' | '-'))
        .map_or(t.len(), |(i, _)| i);
    t[..cut].to_string()
}

fn history_width(body: Rect) -> u16 {
    body.width.min(80)
}

/// The body's area at the app's size (where the journal's box is drawn).
fn body_area(app: &App) -> Rect {
    let [_, body, _, _] = super::rows(Rect::new(0, 0, app.size().width, app.size().height));
    body
}

/// How many lines the journal has, and how many show at a time at the app's size.
pub fn history_extent(app: &App, journal: &Journal) -> (usize, usize) {
    let body = body_area(app);
    let len = history_lines(app, journal, history_width(body) as usize).len();
    (len, len.min(body.height.saturating_sub(2) as usize))
}

/// The saved changes of a node, newest first.
pub fn history(frame: &mut Frame, app: &App, area: Rect, journal: &Journal) {
    let width = history_width(area);
    let lines = history_lines(app, journal, width.saturating_sub(2) as usize);
    let len = lines.len();
    let page = len.min(area.height.saturating_sub(2) as usize);
    let top = journal.scroll.top.min(len.saturating_sub(page));
    let title = format!("{} {}", app.lang().pick("Riwayat", "History"), journal.kode);
    boxed_scrolled(
        frame,
        area,
        (width, len as u16 + 2),
        &title,
        lines,
        Some((top, len)),
        app,
    );
}
