//! Markdown: the one-page summary first, then every table.

use super::{SummaryPage, TextTable, display};
use crate::report::tables::RowStyle;

/// A cell's text: HTML's characters as entities (a Markdown reader passes raw HTML through,
/// so a `<script>` typed in a note would run), `|` escaped, line breaks as `<br>` (a table row
/// is one line).
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

/// A table with its heading; figures right-aligned, group and total rows bold.
fn grid(out: &mut String, t: &TextTable) {
    out.push_str(&format!("\n## {}\n\n", escape(&t.title)));
    if let Some(note) = &t.note {
        out.push_str(&format!("*{}*\n\n", escape(note)));
    }
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(t.columns.iter().map(|h| escape(h)).collect()));
    out.push_str(&row((0..t.columns.len())
        .map(|i| {
            let numeric = t.rows.iter().any(|r| r.cells[i].as_decimal().is_some());
            if numeric { "---:" } else { "---" }.to_string()
        })
        .collect()));
    for r in &t.rows {
        out.push_str(&row(r
            .cells
            .iter()
            .map(|v| {
                let c = escape(&display(v));
                match r.style {
                    RowStyle::Normal => c,
                    _ if c.is_empty() => c,
                    _ => format!("**{c}**"),
                }
            })
            .collect()));
    }
}

pub fn document(page: &SummaryPage, tables: &[TextTable]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {}\n\n{}\n\n",
        escape(&page.title),
        escape(&page.subtitle)
    ));
    for (k, v) in &page.facts {
        out.push_str(&format!("- **{}**: {}\n", escape(k), escape(v)));
    }
    grid(&mut out, &page.programs);
    grid(&mut out, &page.red);
    for t in tables {
        grid(&mut out, t);
    }
    out
}
