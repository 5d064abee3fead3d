//! Excel: the summary page first (as the Markdown and HTML exports open), then one sheet per table, real numbers with number formats (not text), bold group and
//! total rows, a frozen header, columns as wide as their content. Percentages are stored as
//! fractions with a percent format, so Excel computes with them as percentages.
//!
//! Every sheet prints on A4 landscape, scaled to the page's width, with the title and the
//! header repeated on each page and the sheet's name and page number in the footer. A form
//! (the E-81) has its header over four rows as the form has it: the group titles merged over
//! their columns, the quarters under theirs, the column numbers, K and Rp.

use super::display;
use super::{Cell, SummaryPage, TextTable};
use crate::export::words::FormHeader;
use crate::locale;
use crate::report::tables::RowStyle;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// The title's row; under it the note (which quarters are verified) when there is one, then
/// the header. Printed on every page.
const TITLE_ROW: u32 = 0;
/// Excel's paper size index of A4.
const A4: u8 = 9;

/// A cell format, plain and bold (group and total rows).
type Pair = [Format; 2];

struct Formats {
    title: Format,
    note: Format,
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
            note: Format::new().set_italic(),
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
/// (up to `last_header`) on every page, the sheet and page in the footer.
fn print_setup(sheet: &mut Worksheet, last_header: u32) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(TITLE_ROW, last_header)?;
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_footer("&L&A&R&P / &N");
    Ok(())
}

/// The workbook: the one-page summary first (when given: every table is exported), then one
/// sheet per table.
pub fn workbook(summary: Option<&SummaryPage>, tables: &[TextTable]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut f = Formats::new();
    if let Some(page) = summary {
        summary_sheet(&mut book, &mut f, page)?;
    }
    for t in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&t.sheet)?;
        sheet.write_string_with_format(TITLE_ROW, 0, &t.title, &f.title)?;
        let header_row = match &t.note {
            Some(note) => {
                sheet.write_string_with_format(TITLE_ROW + 1, 0, note, &f.note)?;
                TITLE_ROW + 2
            }
            None => TITLE_ROW + 1,
        };
        let last_header = match &t.form {
            Some(form) => {
                form_header(sheet, form, header_row, &f.header)?;
                header_row + FormHeader::ROWS as u32 - 1
            }
            None => {
                for (c, title) in t.columns.iter().enumerate() {
                    sheet.write_string_with_format(header_row, c as u16, title, &f.header)?;
                }
                header_row
            }
        };
        print_setup(sheet, last_header)?;
        sheet.set_freeze_panes(last_header + 1, 0)?;
        // A form's header words wrap in their merged cells; its text columns wrap too, so the
        // page's width goes to the figures.
        let (mut widths, text_max): (Vec<usize>, usize) = match &t.form {
            Some(_) => (vec![4; t.columns.len()], 30),
            None => (t.columns.iter().map(|c| c.width().min(18)).collect(), 60),
        };
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + last_header + 1;
            let bold = usize::from(row.style != RowStyle::Normal);
            for (c, v) in row.cells.iter().enumerate() {
                let col = c as u16;
                write_cell(sheet, &mut f, r, col, v, bold)?;
                let width = display(v).lines().map(|l| l.width()).max().unwrap_or(0);
                let width = if matches!(v, Cell::Text(_)) {
                    width.min(text_max)
                } else {
                    width
                };
                widths[c] = widths[c].max(width);
            }
        }
        for (c, w) in widths.iter().enumerate() {
            sheet.set_column_width(c as u16, (*w as u16 + 2).clamp(6, 60))?;
        }
    }
    book.save_to_buffer()
}

/// The summary page as the first sheet, as the Markdown and HTML exports open: the title and
/// the state, the facts (label, value), then the programs and the red list, each under its
/// title with its header. Prints on one page width like the tables.
fn summary_sheet(
    book: &mut Workbook,
    f: &mut Formats,
    page: &SummaryPage,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(page.lang.pick("Ringkasan", "Summary"))?;
    print_setup(sheet, TITLE_ROW + 1)?;
    sheet.write_string_with_format(TITLE_ROW, 0, &page.title, &f.title)?;
    sheet.write_string_with_format(TITLE_ROW + 1, 0, &page.subtitle, &f.note)?;
    let mut widths: Vec<usize> = Vec::new();
    let mut widen = |c: usize, w: usize| {
        if widths.len() <= c {
            widths.resize(c + 1, 0);
        }
        widths[c] = widths[c].max(w);
    };
    let mut r = TITLE_ROW + 3;
    for (label, value) in &page.facts {
        sheet.write_string_with_format(r, 0, label, &f.text[1])?;
        sheet.write_string_with_format(r, 1, value, &f.text[0])?;
        widen(0, label.width());
        widen(1, value.width());
        r += 1;
    }
    for t in [&page.programs, &page.red] {
        r += 1;
        sheet.write_string_with_format(
            r,
            0,
            &t.title,
            &f.text[1].clone().set_border(FormatBorder::None),
        )?;
        r += 1;
        for (c, title) in t.columns.iter().enumerate() {
            sheet.write_string_with_format(r, c as u16, title, &f.header)?;
            widen(c, title.width().min(18));
        }
        r += 1;
        for row in &t.rows {
            let bold = usize::from(row.style != RowStyle::Normal);
            for (c, v) in row.cells.iter().enumerate() {
                write_cell(sheet, f, r, c as u16, v, bold)?;
                widen(c, display(v).width().min(60));
            }
            r += 1;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w as u16 + 2).clamp(6, 60))?;
    }
    Ok(())
}

/// One cell: a real number with its number format (a percentage as a fraction), or text;
/// `bold` (0 or 1) for group and total rows.
fn write_cell(
    sheet: &mut Worksheet,
    f: &mut Formats,
    r: u32,
    col: u16,
    v: &Cell,
    bold: usize,
) -> Result<(), XlsxError> {
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
            sheet.write_with_format(r, col, *d / Decimal::ONE_HUNDRED, &f.percent[bold])?;
        }
        Cell::Change { by, unit } => {
            let format = &f.change(unit, by.fract().is_zero())[bold];
            sheet.write_with_format(r, col, *by, format)?;
        }
        Cell::Blank => {
            sheet.write_blank(r, col, &f.text[bold])?;
        }
    }
    Ok(())
}

/// A form's header from row `top`: each cell of [`FormHeader::cells`] written, merged over
/// the rows and columns it spans; the group row tall enough for its wrapped titles.
fn form_header(
    sheet: &mut Worksheet,
    form: &FormHeader,
    top: u32,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.set_row_height(top, 96)?;
    for cell in form.cells() {
        let (r0, c0) = (top + cell.row as u32, cell.col as u16);
        let (r1, c1) = (r0 + cell.rows as u32 - 1, c0 + cell.cols as u16 - 1);
        if (r0, c0) == (r1, c1) {
            // A number stays a number (the row of column numbers reads as one).
            match cell.text.parse::<u32>() {
                Ok(n) if cell.row == 2 => sheet.write_number_with_format(r0, c0, n, format)?,
                _ => sheet.write_string_with_format(r0, c0, &cell.text, format)?,
            };
        } else {
            sheet.merge_range(r0, c0, r1, c1, &cell.text, format)?;
            if cell.row == 2
                && let Ok(n) = cell.text.parse::<u32>()
            {
                sheet.write_number_with_format(r0, c0, n, format)?;
            }
        }
    }
    Ok(())
}
