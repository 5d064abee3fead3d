//! Excel: one sheet per table, real numbers with number formats (not text), bold group and
//! total rows, a frozen header, columns as wide as their content. Percentages are stored as
//! fractions with a percent format, so Excel computes with them as percentages.

use super::display;
use super::{Cell, TextTable};
use crate::report::tables::RowStyle;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

struct Formats {
    title: Format,
    header: Format,
    text: [Format; 2],
    integer: [Format; 2],
    decimal: [Format; 2],
    percent: [Format; 2],
}

impl Formats {
    fn new() -> Formats {
        let both = |f: Format| [f.clone(), f.set_bold()];
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color("#E8E8E8"),
            text: both(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
            integer: both(
                Format::new()
                    .set_num_format("#,##0")
                    .set_align(FormatAlign::Top),
            ),
            decimal: both(
                Format::new()
                    .set_num_format("#,##0.00##")
                    .set_align(FormatAlign::Top),
            ),
            percent: both(
                Format::new()
                    .set_num_format("0.00%")
                    .set_align(FormatAlign::Top),
            ),
        }
    }
}

pub fn workbook(tables: &[TextTable]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let f = Formats::new();
    for t in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&t.sheet)?;
        sheet.write_string_with_format(0, 0, &t.title, &f.title)?;
        for (c, title) in t.columns.iter().enumerate() {
            sheet.write_string_with_format(1, c as u16, title, &f.header)?;
        }
        sheet.set_freeze_panes(2, 0)?;
        let mut widths: Vec<usize> = t.columns.iter().map(|c| c.width().min(18)).collect();
        for (r, row) in t.rows.iter().enumerate() {
            let r = (r + 2) as u32;
            let bold = usize::from(row.style != RowStyle::Normal);
            for (c, v) in row.cells.iter().enumerate() {
                let col = c as u16;
                match v {
                    Cell::Text(s) => {
                        sheet.write_string_with_format(r, col, s, &f.text[bold])?;
                    }
                    Cell::Figure(d) | Cell::Rupiah(d) => {
                        let format = if d.fract().is_zero() {
                            &f.integer[bold]
                        } else {
                            &f.decimal[bold]
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
                    Cell::Blank => {}
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
