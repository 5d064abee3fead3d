//! Excel: one sheet per table, real numbers with number formats (not text), bold group and
//! total rows, a frozen header, columns as wide as their content. Percentages are stored as
//! fractions with a percent format, so Excel computes with them as percentages.
//!
//! Every sheet prints on A4 landscape, scaled to the page's width, with the title and the
//! header repeated on each page and the sheet's name and page number in the footer.

use super::display;
use super::{Cell, TextTable};
use crate::locale;
use crate::report::tables::RowStyle;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// The rows above a table's first data row: the title, then the header. Printed on every page.
const TITLE_ROW: u32 = 0;
const HEADER_ROW: u32 = 1;
/// Excel's paper size index of A4.
const A4: u8 = 9;

/// A cell format, plain and bold (group and total rows).
type Pair = [Format; 2];

struct Formats {
    title: Format,
    header: Format,
    text: Pair,
    integer: Pair,
    decimal: Pair,
    rupiah_sen: Pair,
    percent: Pair,
    /// Changes by unit, made the first time a unit is met.
    change: HashMap<(String, bool), Pair>,
}

/// A data cell's format: thin borders (the printed table keeps its grid), top-aligned.
fn cell() -> Format {
    Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
}

fn pair(f: Format) -> Pair {
    [f.clone(), f.set_bold()]
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color("#E8E8E8"),
            text: pair(cell().set_text_wrap()),
            integer: pair(cell().set_num_format("#,##0")),
            decimal: pair(cell().set_num_format("#,##0.00##")),
            rupiah_sen: pair(cell().set_num_format("#,##0.00")),
            percent: pair(cell().set_num_format("0.00%")),
            change: HashMap::new(),
        }
    }

    /// `+58 poin`, `-4,19 poin`, `+2.515 pelayanan`: a signed number with its unit.
    fn change(&mut self, unit: &str, whole: bool) -> &Pair {
        self.change
            .entry((unit.to_string(), whole))
            .or_insert_with(|| {
                // Inside a quoted literal only a quote would end it.
                let unit = unit.replace('"', "");
                let n = if whole { "#,##0" } else { "#,##0.00##" };
                pair(cell().set_num_format(format!("+{n}\" {unit}\";-{n}\" {unit}\";0\" {unit}\"")))
            })
    }
}

/// A4 landscape, one page wide (as many pages long as it takes), the title and header rows
/// on every page, the sheet and page in the footer.
fn print_setup(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(TITLE_ROW, HEADER_ROW)?;
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_footer("&L&A&R&P / &N");
    Ok(())
}

pub fn workbook(tables: &[TextTable]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut f = Formats::new();
    for t in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&t.sheet)?;
        print_setup(sheet)?;
        sheet.write_string_with_format(TITLE_ROW, 0, &t.title, &f.title)?;
        for (c, title) in t.columns.iter().enumerate() {
            sheet.write_string_with_format(HEADER_ROW, c as u16, title, &f.header)?;
        }
        sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
        let mut widths: Vec<usize> = t.columns.iter().map(|c| c.width().min(18)).collect();
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + HEADER_ROW + 1;
            let bold = usize::from(row.style != RowStyle::Normal);
            for (c, v) in row.cells.iter().enumerate() {
                let col = c as u16;
                match v {
                    Cell::Text(s) => {
                        sheet.write_string_with_format(r, col, s, &f.text[bold])?;
                    }
                    Cell::Figure(d) => {
                        let format = if d.fract().is_zero() {
                            &f.integer[bold]
                        } else {
                            &f.decimal[bold]
                        };
                        sheet.write_with_format(r, col, *d, format)?;
                    }
                    Cell::Rupiah(d) => {
                        let format = if locale::rupiah_decimals(*d) == 0 {
                            &f.integer[bold]
                        } else {
                            &f.rupiah_sen[bold]
                        };
                        sheet.write_with_format(r, col, *d, format)?;
                    }
                    Cell::Percent(d) => {
                        sheet.write_with_format(
                            r,
                            col,
                            *d / Decimal::ONE_HUNDRED,
                            &f.percent[bold],
                        )?;
                    }
                    Cell::Change { by, unit } => {
                        let format = &f.change(unit, by.fract().is_zero())[bold];
                        sheet.write_with_format(r, col, *by, format)?;
                    }
                    Cell::Blank => {
                        sheet.write_blank(r, col, &f.text[bold])?;
                    }
                }
                widths[c] = widths[c].max(display(v).width());
            }
        }
        for (c, w) in widths.iter().enumerate() {
            sheet.set_column_width(c as u16, (*w as u16 + 2).clamp(6, 60))?;
        }
    }
    book.save_to_buffer()
}
