//! HTML: one self-contained page (inline CSS, no scripts, no external files), readable on
//! screen and in print — the summary first, each table after it on its own page when printed.
//!
//! Print (checked in headless Chromium, `scripts/render-html.sh`): A4 landscape, 12 mm
//! margins, the page number and the report's title at the foot of every page; each table
//! starts a page, its header repeats on the pages it runs over, no row is split, a title stays
//! with its table and a total with the rows above it; tables of many columns (the E-81) print
//! smaller so they stay within the page's width.

use super::words::FormHeader;
use super::{SummaryPage, TextTable, display};
use crate::report::tables::RowStyle;

/// Columns from which a table prints in the smaller type.
const WIDE: usize = 12;

const STYLE: &str = r#"
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; margin: 1.5em; color: #000; }
h1 { font-size: 15pt; margin: 0 0 .2em 0; }
h2 { font-size: 12pt; margin: 1.2em 0 .4em 0; }
p.sub { margin: 0 0 .8em 0; color: #333; }
p.note { margin: 0 0 .4em 0; font-style: italic; }
th.num { font-weight: normal; font-size: 85%; }
table { border-collapse: collapse; margin-bottom: 1em; }
th, td { border: 1px solid #888; padding: 2px 5px; vertical-align: top; }
th { background: #e8e8e8; }
td.n { text-align: right; white-space: nowrap; }
tr.group td { font-weight: bold; background: #f4f4f4; }
tr.total td { font-weight: bold; border-top: 2px solid #000; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 1em; margin: 0; }
dt { font-weight: bold; }
section.table { break-before: page; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media screen { div.scroll { overflow-x: auto; } }
@media print {
  body { margin: 0; font-size: 8.5pt; }
  h1 { font-size: 13pt; }
  h2 { font-size: 10.5pt; margin: .9em 0 .3em 0; break-after: avoid; }
  section.table > h2 { margin-top: 0; }
  th, td { padding: 1px 3px; }
  table { max-width: 100%; }
  table.wide { font-size: 7pt; }
  /* The E-81's 31 columns: smaller type and tighter cells, and the whole form scaled to the
     page's width (Chromium's zoom), as the xlsx prints it fitted to the width. */
  table.form { font-size: 6pt; zoom: 0.8; }
  table.form th, table.form td { padding: 0 2px; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  tr.total { break-before: avoid; }
  tr.group { break-after: avoid; }
}
"#;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// [`esc`] with the line breaks of an explanation kept as line breaks.
fn esc_lines(s: &str) -> String {
    esc(s).replace('\n', "<br>")
}

/// `s` as a CSS string's contents: quotes and backslashes escaped, and `<` written as its
/// code so nothing in a name can close the `<style>` element.
pub(super) fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '\n' | '\r' => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The page box: A4 landscape; the report's title and the page number in the bottom margin.
fn page_style(title: &str) -> String {
    format!(
        "@page {{ size: A4 landscape; margin: 12mm 12mm 14mm 12mm; \
         @bottom-left {{ content: \"{}\"; font: 7pt \"DejaVu Sans\", Arial, sans-serif; color: #555; }} \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font: 7pt \"DejaVu Sans\", Arial, sans-serif; color: #555; }} }}\n",
        css_string(title)
    )
}

/// A table with its heading: header cells, then the rows (groups and totals marked), figures
/// right-aligned.
fn table(out: &mut String, t: &TextTable) {
    out.push_str(&format!("<h2>{}</h2>\n", esc(&t.title)));
    if let Some(note) = &t.note {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", esc(note)));
    }
    let class = match (&t.form, t.columns.len() >= WIDE) {
        (Some(_), _) => " class=\"wide form\"",
        (None, true) => " class=\"wide\"",
        (None, false) => "",
    };
    out.push_str(&format!("<div class=\"scroll\"><table{class}><thead>"));
    match &t.form {
        Some(form) => form_head(out, form),
        None => {
            out.push_str("<tr>");
            for c in &t.columns {
                out.push_str(&format!("<th>{}</th>", esc(c)));
            }
            out.push_str("</tr>");
        }
    }
    out.push_str("</thead><tbody>\n");
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
            out.push_str(&format!("<td{n}>{}</td>", esc_lines(&display(v))));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

/// A form's header as the form has it: the rows of [`FormHeader::cells`], each cell over the
/// rows and columns it spans.
fn form_head(out: &mut String, form: &FormHeader) {
    let cells = form.cells();
    for row in 0..FormHeader::ROWS {
        out.push_str("<tr>");
        for c in cells.iter().filter(|c| c.row == row) {
            let span = |n: usize, what: &str| {
                if n > 1 {
                    format!(" {what}=\"{n}\"")
                } else {
                    String::new()
                }
            };
            let class = if row >= 2 { " class=\"num\"" } else { "" };
            out.push_str(&format!(
                "<th{class}{}{}>{}</th>",
                span(c.rows, "rowspan"),
                span(c.cols, "colspan"),
                esc(&c.text)
            ));
        }
        out.push_str("</tr>");
    }
}

pub fn document(page: &SummaryPage, tables: &[TextTable]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}{}</style>\n</head>\n<body>\n",
        page.lang.pick("id", "en"),
        esc(&page.title),
        page_style(&page.title),
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
    table(&mut out, &page.programs);
    table(&mut out, &page.red);
    out.push_str("</section>\n");
    for t in tables {
        out.push_str(&format!("<section class=\"table\" id=\"{}\">\n", t.key));
        table(&mut out, t);
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_cannot_close_the_style_element_or_the_css_string() {
        let s = css_string("Kec. \"X\" </style><script>\\");
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
        assert!(s.contains("\\\"X\\\"") && s.ends_with("\\\\"), "{s}");
    }
}
