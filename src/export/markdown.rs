//! Markdown: the one-page summary first, then every table.

use super::TextTable;
use super::{SummaryPage, display};
use crate::report::tables::RowStyle;

fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn grid(out: &mut String, head: &[String], rows: &[Vec<String>], numeric: &[bool]) {
    out.push_str(&format!(
        "| {} |\n",
        head.iter()
            .map(|h| escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    let align: Vec<&str> = (0..head.len())
        .map(|i| {
            if numeric.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", align.join(" | ")));
    for r in rows {
        out.push_str(&format!(
            "| {} |\n",
            r.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
}

pub fn document(page: &SummaryPage, tables: &[TextTable]) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n{}\n\n", page.title, page.subtitle));
    for (k, v) in &page.facts {
        out.push_str(&format!("- **{k}**: {v}\n"));
    }
    out.push_str(&format!("\n## {}\n\n", page.programs_title));
    grid(
        &mut out,
        &page.programs_head,
        &page.programs,
        &[false, false, true, true, true, true],
    );
    out.push_str(&format!("\n## {}\n\n", page.red_title));
    grid(
        &mut out,
        &page.red_head,
        &page.red,
        &[false, false, true, false],
    );
    for t in tables {
        out.push_str(&format!("\n## {}\n\n", t.title));
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| {
                let cells: Vec<String> = r.cells.iter().map(display).collect();
                match r.style {
                    RowStyle::Normal => cells,
                    _ => cells
                        .into_iter()
                        .map(|c| if c.is_empty() { c } else { format!("**{c}**") })
                        .collect(),
                }
            })
            .collect();
        let numeric: Vec<bool> = (0..t.columns.len())
            .map(|i| t.rows.iter().any(|r| r.cells[i].as_decimal().is_some()))
            .collect();
        grid(&mut out, &t.columns, &rows, &numeric);
    }
    out
}
