//! HTML: one self-contained page (inline CSS, no scripts, no external files), readable on
//! screen and in print — the summary first, each table after it on its own page when printed.

use super::TextTable;
use super::{SummaryPage, display};
use crate::report::tables::RowStyle;

const STYLE: &str = r#"
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; margin: 1.5em; color: #000; }
h1 { font-size: 15pt; margin: 0 0 .2em 0; }
h2 { font-size: 12pt; margin: 1.2em 0 .4em 0; }
p.sub { margin: 0 0 .8em 0; color: #333; }
table { border-collapse: collapse; margin-bottom: 1em; }
th, td { border: 1px solid #888; padding: 2px 5px; vertical-align: top; }
th { background: #e8e8e8; }
td.n { text-align: right; white-space: nowrap; }
tr.group td { font-weight: bold; background: #f4f4f4; }
tr.total td { font-weight: bold; border-top: 2px solid #000; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 1em; margin: 0; }
dt { font-weight: bold; }
section.table { break-before: page; }
@media print { body { margin: 0; font-size: 8.5pt; } @page { size: A4 landscape; margin: 12mm; } thead { display: table-header-group; } tr { break-inside: avoid; } }
"#;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn simple(out: &mut String, head: &[String], rows: &[Vec<String>], numeric: &[bool]) {
    out.push_str("<table><thead><tr>");
    for h in head {
        out.push_str(&format!("<th>{}</th>", esc(h)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            let class = if numeric.get(i).copied().unwrap_or(false) {
                " class=\"n\""
            } else {
                ""
            };
            out.push_str(&format!("<td{class}>{}</td>", esc(c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

pub fn document(page: &SummaryPage, tables: &[TextTable]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&page.title)
    ));
    out.push_str(&format!(
        "<section class=\"summary\">\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n<dl>\n",
        esc(&page.title),
        esc(&page.subtitle)
    ));
    for (k, v) in &page.facts {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(k), esc(v)));
    }
    out.push_str("</dl>\n");
    out.push_str(&format!("<h2>{}</h2>\n", esc(&page.programs_title)));
    simple(
        &mut out,
        &page.programs_head,
        &page.programs,
        &[false, false, true, true, true, true],
    );
    out.push_str(&format!("<h2>{}</h2>\n", esc(&page.red_title)));
    simple(
        &mut out,
        &page.red_head,
        &page.red,
        &[false, false, true, false],
    );
    out.push_str("</section>\n");
    for t in tables {
        out.push_str(&format!(
            "<section class=\"table\" id=\"{}\">\n<h2>{}</h2>\n<table><thead><tr>",
            t.key,
            esc(&t.title)
        ));
        for c in &t.columns {
            out.push_str(&format!("<th>{}</th>", esc(c)));
        }
        out.push_str("</tr></thead><tbody>\n");
        for r in &t.rows {
            let class = match r.style {
                RowStyle::Normal => "",
                RowStyle::Group => " class=\"group\"",
                RowStyle::Total => " class=\"total\"",
            };
            out.push_str(&format!("<tr{class}>"));
            for v in &r.cells {
                let n = if v.as_decimal().is_some() {
                    " class=\"n\""
                } else {
                    ""
                };
                out.push_str(&format!("<td{n}>{}</td>", esc(&display(v))));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
