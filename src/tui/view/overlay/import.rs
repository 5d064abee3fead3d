//! An import's preview: at the top, fixed, what Enter would do (or why it cannot: the
//! problems); under it the preview `kinerja import` prints, its long lines broken between
//! words (a figure's cell stays on screen at 80 columns), scrolling. Problems stand out.

use super::{body_area, box_rect, wrap_words};
use crate::tui::app::App;
use crate::tui::import::PreviewBox;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The widest the box gets.
const WIDTH: u16 = 100;

/// What Enter would do, in lines of `width` columns, with their style.
fn verdict(app: &App, b: &PreviewBox, width: usize) -> (Vec<String>, Style) {
    let lang = app.lang();
    let t = app.theme();
    let p = &b.planned;
    let (text, style) = if b.confirming {
        (
            lang.pick(
                "Membaca berkas lagi sebelum menerapkan…",
                "Reading the file again before applying…",
            )
            .to_string(),
            t.info(),
        )
    } else if !p.is_clean() {
        (
            format!(
                "{} {} {}",
                t.glyphs().red,
                p.problems,
                lang.pick(
                    "masalah (MASALAH di bawah): tidak dapat diterapkan, tidak ada yang berubah. Perbaiki berkasnya lalu impor lagi.",
                    "problem(s) (PROBLEM below): cannot be applied, nothing changes. Fix the file and import again."
                )
            ),
            t.error(),
        )
    } else if p.changes.is_empty() {
        (
            lang.pick(
                "Tidak ada yang berubah: setiap angka di berkas sudah sama di workspace.",
                "Nothing changes: every figure in the file is already in the workspace.",
            )
            .to_string(),
            t.info(),
        )
    } else {
        let created = if p.created_nodes + p.created_indicators > 0 {
            format!(
                ", {} node {} {} {}",
                p.created_nodes,
                lang.pick("dan", "and"),
                p.created_indicators,
                lang.pick("indikator dibuat", "indicator(s) created")
            )
        } else {
            String::new()
        };
        (
            format!(
                "{} {}{created}. {}",
                p.figures,
                lang.pick("angka berubah", "figure(s) change"),
                lang.pick(
                    "Enter: terapkan (belum disimpan; s menyimpan, u mengurungkan) · Esc: batal",
                    "Enter: apply (unsaved; s saves, u undoes) · Esc: cancel"
                )
            ),
            t.info(),
        )
    };
    let text = if b.changed {
        format!(
            "{} {text}",
            lang.pick(
                "Berkas atau workspace berubah sejak pratinjau sebelumnya.",
                "The file or the workspace changed since the last preview."
            )
        )
    } else {
        text
    };
    (wrap_words(&text, width), style)
}

/// How a line of the preview is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A node's kode and name.
    Node,
    Figure,
    Problem,
}

/// The preview's lines broken to `width` columns (a line's continuation indented under it),
/// each with how it is shown.
fn body_lines(app: &App, b: &PreviewBox, width: usize) -> Vec<(String, Kind)> {
    let problem = app.lang().pick("MASALAH", "PROBLEM");
    let mut out = Vec::new();
    for line in &b.lines(app.lang()) {
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        let kind = if trimmed.starts_with(problem) {
            Kind::Problem
        } else if lead == 0 && !trimmed.contains(": ") {
            Kind::Node
        } else {
            Kind::Figure
        };
        let mut parts = wrap_words(trimmed, width.saturating_sub(lead).max(8)).into_iter();
        out.push((
            format!("{}{}", " ".repeat(lead), parts.next().unwrap_or_default()),
            kind,
        ));
        // The rest, under the first, 4 columns further in.
        let rest: Vec<String> = parts.collect();
        if !rest.is_empty() {
            let joined = rest.join(" ");
            for part in wrap_words(&joined, width.saturating_sub(lead + 4).max(8)) {
                out.push((format!("{}{part}", " ".repeat(lead + 4)), kind));
            }
        }
    }
    out
}

fn width_in(area: Rect) -> u16 {
    area.width.min(WIDTH)
}

/// The inner width of the box in `area` (a column of room inside the border on each side).
fn inner_w(area: Rect) -> usize {
    width_in(area).saturating_sub(4) as usize
}

/// How many preview lines there are, and how many show at a time, at the app's size.
pub fn import_extent(app: &App, b: &PreviewBox) -> (usize, usize) {
    let body = body_area(app);
    let w = inner_w(body);
    let head = verdict(app, b, w).0.len() + 1;
    let len = body_lines(app, b, w).len();
    let page = (body.height.saturating_sub(2) as usize).saturating_sub(head);
    (len, len.min(page.max(1)))
}

pub fn import_preview(frame: &mut Frame, app: &App, area: Rect, b: &PreviewBox) {
    let t = app.theme();
    let lang = app.lang();
    let w = inner_w(area);
    let (head, head_style) = verdict(app, b, w);
    let body = body_lines(app, b, w);
    let height = (head.len() + 1 + body.len() + 2) as u16;
    let rect = box_rect(area, width_in(area), height);
    let title = format!(
        " {} {} ",
        lang.pick("Pratinjau impor", "Import preview"),
        b.planned.request.file_name()
    );
    let page = (rect.height.saturating_sub(2) as usize).saturating_sub(head.len() + 1);
    let len = body.len();
    let top = b.scroll.top.min(len.saturating_sub(page));
    let mut block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(title, t.title()));
    if len > page {
        let g = t.glyphs();
        let more = match (top > 0, top + page < len) {
            (true, true) => format!("{} {}", g.up, g.down),
            (false, true) => g.down.to_string(),
            (true, false) => g.up.to_string(),
            (false, false) => String::new(),
        };
        let position = format!(" {}–{} / {len} {more} ", top + 1, (top + page).min(len));
        block = block.title_bottom(Line::styled(position, t.muted()).right_aligned());
    }
    let inner = block.inner(rect);
    let mut lines: Vec<Line> = head
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), head_style))
        .collect();
    lines.push(Line::raw(""));
    for (l, kind) in body.into_iter().skip(top).take(page) {
        let style = match kind {
            Kind::Problem => t.error(),
            Kind::Node => t.title(),
            Kind::Figure => t.base(),
        };
        lines.push(Line::styled(format!(" {l}"), style));
    }
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}
