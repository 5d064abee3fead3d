//! CSV: one table per file, UTF-8, a header row, then the rows. Numbers are written plainly
//! (`2902352710`, `91.81`) so any program reads them; percentages as percentages (`91.81`).

use super::{Cell, TextTable};

pub fn table(t: &TextTable) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&t.columns)?;
    for row in &t.rows {
        w.write_record(row.cells.iter().map(|v| match v {
            Cell::Text(s) => s.clone(),
            Cell::Figure(d) | Cell::Rupiah(d) | Cell::Change { by: d, .. } => {
                d.normalize().to_string()
            }
            Cell::Percent(d) => crate::locale::round(*d, 2).normalize().to_string(),
            Cell::Blank => String::new(),
        }))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
