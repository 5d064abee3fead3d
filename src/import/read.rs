//! Reading a spreadsheet into a grid of cells, as the file holds them: `.xlsx` (also `.xlsm`,
//! `.xls`, `.ods`) through calamine with the merged regions where the format has them, `.csv`
//! with its separator (`,`, `;` as Indonesian Excel writes, or tab) found from the text.

use crate::locale::Lang;
use calamine::{Data, Reader};
use std::fmt;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One cell as the file holds it. Numbers stay the file's binary numbers here; `number`
/// decides what decimal they are.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A numeric cell (Excel keeps every number as a binary double).
    Number(f64),
    /// A whole number stored as such (some writers do).
    Int(i64),
    Bool(bool),
    /// A date or time cell, as the file shows it (Excel turns `1.12` typed into a date).
    Date(String),
    /// An error value: `#REF!`, `#DIV/0!`, `#N/A`, `#VALUE!` …
    Error(String),
}

impl Cell {
    pub const EMPTY: Cell = Cell::Empty;

    /// The cell's text, trimmed; empty for anything but text.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(s) => s.trim(),
            _ => "",
        }
    }

    /// Whether the cell holds nothing (or only spaces).
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// What the cell shows, for messages.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(f) => format!("{f}"),
            Cell::Int(i) => i.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(s) | Cell::Error(s) => s.clone(),
        }
    }
}

/// A merged region, 0-based and inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub first_row: usize,
    pub first_col: usize,
    pub last_row: usize,
    pub last_col: usize,
}

/// One sheet (a CSV file is one sheet named after the file).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Shared with every [`At`] of the sheet.
    pub name: Arc<str>,
    /// Rows from the sheet's first row (A1) on; rows may be shorter than others.
    pub rows: Vec<Vec<Cell>>,
    /// Merged regions; `None` where the format has none (CSV), so headers are spread by rule.
    pub merged: Option<Vec<Merge>>,
}

impl Sheet {
    /// The cell at a 0-based row and column (empty beyond the data).
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::EMPTY)
    }

    pub fn height(&self) -> usize {
        self.rows.len()
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The address of a cell of this sheet.
    pub fn at(&self, row: usize, col: usize) -> At {
        At {
            sheet: self.name.clone(),
            row,
            col,
        }
    }
}

/// A file read into sheets.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    /// The file's name, for the journal and messages.
    pub file: String,
    pub sheets: Vec<Sheet>,
}

/// Where a figure came from: `sheet!cell`, as Excel writes a reference (`'E-81'!K12`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct At {
    pub sheet: Arc<str>,
    /// 0-based row (row 1 in Excel is 0).
    pub row: usize,
    /// 0-based column (A is 0).
    pub col: usize,
}

impl At {
    /// `K12`
    pub fn cell(&self) -> String {
        format!("{}{}", column_name(self.col), self.row + 1)
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Excel quotes a sheet name unless it is a plain word.
        let plain = !self.sheet.is_empty()
            && self
                .sheet
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
            && !self.sheet.starts_with(|c: char| c.is_ascii_digit());
        if plain {
            write!(f, "{}!{}", self.sheet, self.cell())
        } else {
            write!(f, "'{}'!{}", self.sheet.replace('\'', "''"), self.cell())
        }
    }
}

/// `0 → A`, `25 → Z`, `26 → AA`.
pub fn column_name(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// Why a file could not be read at all (a file that reads but holds no known layout is a
/// problem of the plan instead, with its cell).
#[derive(Debug)]
pub enum ReadError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Not a spreadsheet calamine or the CSV reader understands.
    Format { path: PathBuf, detail: String },
    /// `--sheet NAME` names no sheet of the file.
    NoSuchSheet {
        name: String,
        available: Vec<String>,
    },
    /// A FIFO, a device or a socket: opening one can block, reading one may never end.
    NotRegular { path: PathBuf },
    /// Larger than [`MAX_BYTES`].
    TooLarge { path: PathBuf, bytes: u64 },
    /// A sheet whose grid would hold more than [`MAX_CELLS`] cells.
    TooManyCells { path: PathBuf, sheet: String },
}

impl ReadError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReadError::Io { path, source } => format!(
                "{}: {} ({source})",
                path.display(),
                lang.pick("tidak dapat dibaca", "cannot be read")
            ),
            ReadError::Format { path, detail } => format!(
                "{}: {} ({detail})",
                path.display(),
                lang.pick(
                    "bukan lembar kerja yang dikenal (.xlsx, .xls, .ods atau .csv)",
                    "not a known spreadsheet (.xlsx, .xls, .ods or .csv)"
                )
            ),
            ReadError::NoSuchSheet { name, available } => format!(
                "{} «{name}»; {}: {}",
                lang.pick("tidak ada lembar", "no sheet"),
                lang.pick("yang ada", "the file has"),
                available.join(", ")
            ),
            ReadError::NotRegular { path } => format!(
                "{}: {}",
                path.display(),
                lang.pick(
                    "bukan berkas biasa (FIFO, perangkat atau soket); tidak dibaca",
                    "not a regular file (a FIFO, a device or a socket); not read"
                )
            ),
            ReadError::TooLarge { path, bytes } => format!(
                "{}: {} ({} MB; {} {} MB)",
                path.display(),
                lang.pick("terlalu besar untuk diimpor", "too large to import"),
                bytes / (1024 * 1024),
                lang.pick("batas", "the limit is"),
                MAX_BYTES / (1024 * 1024)
            ),
            ReadError::TooManyCells { path, sheet } => format!(
                "{}: {} «{sheet}» {} {} {}",
                path.display(),
                lang.pick("lembar", "sheet"),
                lang.pick("terlalu luas: lebih dari", "too wide: more than"),
                crate::locale::figure(rust_decimal::Decimal::from(MAX_CELLS)),
                lang.pick(
                    "sel dari A1 sampai sel terisi terakhir tiap baris",
                    "cells from A1 to the last filled cell of each row"
                )
            ),
        }
    }
}

/// The largest file read: an E-81 of 10 000 rows is about 1 MB as xlsx and 3 MB as csv;
/// anything this large is not one of the layouts an office has, and reading it would hold
/// the memory of the machine the others work on too.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The file's bytes, read through one descriptor that is checked before anything is read:
/// opened without blocking (a FIFO with no writer would block the open), then a regular file
/// of at most [`MAX_BYTES`] (a link to /dev/zero never ends), then read no further than that
/// (a file growing meanwhile).
fn bytes_of(path: &Path) -> Result<Vec<u8>, ReadError> {
    let io = |source: std::io::Error| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            path: path.to_path_buf(),
        });
    }
    let too_large = |bytes| ReadError::TooLarge {
        path: path.to_path_buf(),
        bytes,
    };
    if meta.len() > MAX_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Id))
    }
}

impl std::error::Error for ReadError {}

/// Reads a spreadsheet; with `sheet`, only that sheet (case-insensitive name).
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Workbook, ReadError> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = bytes_of(path)?;
    let sheets = if ext == "csv" || ext == "txt" {
        let name = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "csv".into());
        let one = csv_sheet(&name, &bytes).map_err(|detail| ReadError::Format {
            path: path.to_path_buf(),
            detail,
        })?;
        if let Some(wanted) = sheet
            && !wanted.eq_ignore_ascii_case(&one.name)
        {
            return Err(ReadError::NoSuchSheet {
                name: wanted.to_string(),
                available: vec![one.name.to_string()],
            });
        }
        vec![one]
    } else {
        workbook_sheets(path, &ext, &bytes, sheet)?
    };
    Ok(Workbook { file, sheets })
}

/// The sheets of a workbook read into `bytes`, its format told by the extension as calamine's
/// `open_workbook_auto` does (a name without a known one: each format tried).
fn workbook_sheets(
    path: &Path,
    ext: &str,
    bytes: &[u8],
    wanted: Option<&str>,
) -> Result<Vec<Sheet>, ReadError> {
    use calamine::{Sheets, open_workbook_from_rs};
    let format_err = |detail: String| ReadError::Format {
        path: path.to_path_buf(),
        detail,
    };
    let data = Cursor::new(bytes);
    let opened = match ext {
        "xls" | "xla" => open_workbook_from_rs(data)
            .map(Sheets::Xls)
            .map_err(calamine::Error::Xls),
        "xlsx" | "xlsm" | "xlam" => open_workbook_from_rs(data)
            .map(Sheets::Xlsx)
            .map_err(calamine::Error::Xlsx),
        "xlsb" => open_workbook_from_rs(data)
            .map(Sheets::Xlsb)
            .map_err(calamine::Error::Xlsb),
        "ods" => open_workbook_from_rs(data)
            .map(Sheets::Ods)
            .map_err(calamine::Error::Ods),
        _ => calamine::open_workbook_auto_from_rs(data),
    };
    let mut book = opened.map_err(|e| format_err(e.to_string()))?;
    let names = book.sheet_names();
    let chosen: Vec<String> = match wanted {
        None => names.clone(),
        Some(w) => {
            let found = names
                .iter()
                .find(|n| n.eq_ignore_ascii_case(w.trim()))
                .cloned();
            match found {
                Some(n) => vec![n],
                None => {
                    return Err(ReadError::NoSuchSheet {
                        name: w.to_string(),
                        available: names,
                    });
                }
            }
        }
    };
    let mut sheets = Vec::with_capacity(chosen.len());
    for name in chosen {
        let rows = match &mut book {
            // Cell by cell: calamine's range of an xlsx is a dense rectangle from the first
            // used cell to the last, and a 2 KB file with cells at A1 and XFD1048576 asks it
            // for 549 GB (an abort, the interface's unsaved work with it).
            calamine::Sheets::Xlsx(x) => xlsx_grid(x, &name, path)?,
            other => grid(
                &other
                    .worksheet_range(&name)
                    .map_err(|e| format_err(format!("{name}: {e}")))?,
            ),
        };
        // Finding merged regions reads the sheet a second time: only for headers that need it.
        let wanted = super::layout::header_needs_merges(&rows);
        let merged = match &mut book {
            calamine::Sheets::Xlsx(x) if wanted => x.merge_cells_by_sheet_name(&name).ok(),
            calamine::Sheets::Xls(x) if wanted => x.merge_cells_by_sheet_name(&name).ok(),
            calamine::Sheets::Xlsx(_) | calamine::Sheets::Xls(_) => Some(Vec::new()),
            _ => None,
        }
        .map(|dims| {
            dims.iter()
                .map(|d| Merge {
                    first_row: d.start.0 as usize,
                    first_col: d.start.1 as usize,
                    last_row: d.end.0 as usize,
                    last_col: d.end.1 as usize,
                })
                .collect()
        });
        sheets.push(Sheet {
            rows,
            merged,
            name: name.into(),
        });
    }
    Ok(sheets)
}

/// The most cells a sheet's grid holds (rows from A1, each as long as its last cell): an
/// E-81 of 50 000 rows is about 1,5 million; this is some 160 MB.
pub const MAX_CELLS: usize = 5_000_000;

/// An xlsx sheet as rows from A1, read cell by cell; refused once its grid would hold more
/// than [`MAX_CELLS`].
fn xlsx_grid<RS: Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    name: &str,
    path: &Path,
) -> Result<Vec<Vec<Cell>>, ReadError> {
    let format_err = |e: calamine::XlsxError| ReadError::Format {
        path: path.to_path_buf(),
        detail: format!("{name}: {e}"),
    };
    let too_many = || ReadError::TooManyCells {
        path: path.to_path_buf(),
        sheet: name.to_string(),
    };
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(r) => r,
        // A chart sheet or a macro sheet: no cells, as calamine's range gives it.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(format_err(e)),
    };
    let mut cells: Vec<(usize, usize, Cell)> = Vec::new();
    // Per row, the length it will have (its last cell's column + 1).
    let mut widths: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut size = 0usize;
    let mut height = 0usize;
    while let Some(c) = reader.next_cell().map_err(format_err)? {
        let value = cell_of(&Data::from(c.get_value().clone()));
        if value == Cell::Empty {
            continue;
        }
        let (row, col) = c.get_position();
        let (row, col) = (row as usize, col as usize);
        let width = widths.entry(row).or_insert(0);
        if col + 1 > *width {
            size = size - *width + col + 1;
            *width = col + 1;
        }
        height = height.max(row + 1);
        // Every row up to the last one is a vector of its own, empty or not.
        if size.saturating_add(height) > MAX_CELLS || cells.len() >= MAX_CELLS {
            return Err(too_many());
        }
        cells.push((row, col, value));
    }
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); height];
    for (r, w) in &widths {
        rows[*r] = vec![Cell::Empty; *w];
    }
    for (r, c, value) in cells {
        rows[r][c] = value;
    }
    for row in &mut rows {
        while row.last().is_some_and(Cell::is_blank) {
            row.pop();
        }
    }
    Ok(rows)
}

/// The range as rows from A1 (calamine's range starts at the first used cell).
fn grid(range: &calamine::Range<Data>) -> Vec<Vec<Cell>> {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    let (top, left) = (top as usize, left as usize);
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top];
    for row in range.rows() {
        let mut cells = Vec::with_capacity(left + row.len());
        cells.resize(left, Cell::Empty);
        cells.extend(row.iter().map(cell_of));
        while cells.last().is_some_and(Cell::is_blank) {
            cells.pop();
        }
        rows.push(cells);
    }
    rows
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Int(*i),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::Date(dt.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Date(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// A CSV file as one sheet. The separator is the one of `,` `;` tab that splits the first
/// lines most evenly into the most columns; text that is not UTF-8 is read as Windows-1252
/// (what Excel on an Indonesian Windows saves).
pub fn csv_sheet(name: &str, bytes: &[u8]) -> Result<Sheet, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => windows_1252(bytes),
    };
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let mut cells: Vec<Cell> = record
            .iter()
            .map(|f| {
                if f.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(f.to_string())
                }
            })
            .collect();
        while cells.last().is_some_and(Cell::is_blank) {
            cells.pop();
        }
        rows.push(cells);
    }
    Ok(Sheet {
        name: name.into(),
        rows,
        merged: None,
    })
}

/// The separator of `,` `;` tab that splits the most of the first lines into the same number
/// of fields (counted outside double quotes; title lines above the header have none).
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(40)
        .collect();
    let count = |line: &str, d: u8| {
        let mut quoted = false;
        line.bytes()
            .filter(|b| {
                if *b == b'"' {
                    quoted = !quoted;
                }
                !quoted && *b == d
            })
            .count()
    };
    let mut best = (b',', (0usize, 0usize));
    for d in [b',', b';', b'\t'] {
        let mut tally: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for l in &lines {
            let n = count(l, d);
            if n > 0 {
                *tally.entry(n).or_default() += 1;
            }
        }
        // The most common count, and on how many lines.
        if let Some((n, lines_with)) = tally.into_iter().max_by_key(|(n, k)| (*k, *n))
            && (lines_with, n) > best.1
        {
            best = (d, (lines_with, n));
        }
    }
    best.0
}

/// Windows-1252 to text: Latin-1 with the printable characters of 0x80–0x9F.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_read_like_excel() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        let at = |s: &str| At {
            sheet: s.into(),
            row: 11,
            col: 10,
        };
        assert_eq!(at("E81").to_string(), "E81!K12");
        assert_eq!(at("E-81").to_string(), "'E-81'!K12");
        assert_eq!(at("Tabel 3.1").to_string(), "'Tabel 3.1'!K12");
        assert_eq!(at("it's").to_string(), "'it''s'!K12");
    }

    #[test]
    fn csv_separator_is_found_and_quotes_respected() {
        let semi = "Kode;Nilai\n7.01.01;1.234,50\n7.01.02;\"2,5\"\n";
        let s = csv_sheet("x", semi.as_bytes()).unwrap();
        assert_eq!(
            s.rows[1],
            vec![Cell::Text("7.01.01".into()), Cell::Text("1.234,50".into())]
        );
        assert_eq!(s.cell(2, 1), &Cell::Text("2,5".into()));
        let comma = "Kode,Nilai,Uraian\n7.01.01,\"1,234.50\",\"a; b\"\n";
        let s = csv_sheet("x", comma.as_bytes()).unwrap();
        assert_eq!(s.cell(1, 1), &Cell::Text("1,234.50".into()));
        assert_eq!(s.cell(1, 2), &Cell::Text("a; b".into()));
        let tab = "a\tb\tc\n1\t2\t3\n";
        assert_eq!(
            csv_sheet("x", tab.as_bytes()).unwrap().cell(1, 2),
            &Cell::Text("3".into())
        );
    }

    #[test]
    fn csv_in_windows_1252_and_with_a_bom_reads() {
        let mut bytes = b"Uraian;Nilai\nKantor \x93baru\x94 \x96 caf\xe9;5\n".to_vec();
        let s = csv_sheet("x", &bytes).unwrap();
        assert_eq!(s.cell(1, 0).text(), "Kantor “baru” – café");
        bytes = b"\xEF\xBB\xBFKode,Nilai\n".to_vec();
        assert_eq!(csv_sheet("x", &bytes).unwrap().cell(0, 0).text(), "Kode");
    }
}
