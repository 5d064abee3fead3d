//! CSV: one table per file, UTF-8, a header row, then the rows. Numbers are written plainly
//! (`2902352710`, `91.81`) so any program reads them; percentages as percentages (`91.81`).
//! A text cell that a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) is written with a leading `'`, so opening the file never runs
//! what a name holds; figures are never changed.

use super::{Cell, TextTable};

pub fn table(t: &TextTable) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(t.columns.iter().map(|c| inert(c)))?;
    for row in &t.rows {
        w.write_record(row.cells.iter().map(|v| match v {
            Cell::Text(s) => inert(s),
            Cell::Figure(d) | Cell::Rupiah(d) | Cell::Change { by: d, .. } => {
                d.normalize().to_string()
            }
            Cell::Percent(d) => crate::locale::round(*d, 2).normalize().to_string(),
            Cell::Blank => String::new(),
        }))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// A text cell as a spreadsheet should show it: with a leading `'` when its first character
/// would start a formula (OWASP's list: `=`, `+`, `-`, `@`, tab, carriage return).
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn a_text_that_would_start_a_formula_gets_a_quote() {
        for (text, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+62 811", "'+62 811"),
            ("-", "'-"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
        ] {
            assert_eq!(inert(text), written);
        }
        for plain in ["Kecamatan Sooko", "7.01.06", "", " =x", "a=b"] {
            assert_eq!(inert(plain), plain);
        }
    }
}
