//! Exports of a summary snapshot: the LKjIP tables as `.xlsx`, Markdown, HTML and CSV, and
//! every node's figures as JSON. Each format only lays out what `report` computed, in the
//! words of [`words`]. No format carries a control character from a name (see
//! [`crate::text`]): the text formats write its visible escape, JSON its `\u` escape.

mod csv;
pub mod findings;
mod html;
mod markdown;
pub mod pack;
mod summary;
pub mod words;
mod xlsx;

use crate::locale::{self, Lang};
use crate::model::{Quarter, Workspace};
use crate::report;
use std::path::{Path, PathBuf};

pub use summary::SummaryPage;
pub use words::{Cell, TextRow, TextTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Md,
    Csv,
    Html,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// What to export.
pub struct Request<'a> {
    pub ws: &'a Workspace,
    pub quarter: Quarter,
    pub lang: Lang,
    pub format: Format,
    /// Only this table (`--table`), for CSV and the table formats.
    pub table: Option<&'a str>,
}

/// Why an export failed.
#[derive(Debug)]
pub enum ExportError {
    UnknownTable(String),
    Xlsx(String),
    Csv(String),
    Write(crate::store::StoreError),
    /// The meeting pack is a page to read: HTML or Markdown only.
    PackFormat(Format),
}

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::UnknownTable(t) => format!(
                "{} «{t}»; {}: {}",
                lang.pick("tabel tidak dikenal", "unknown table"),
                lang.pick("pilihan", "choose from"),
                report::tables::TABLE_KEYS.join(", ")
            ),
            ExportError::Xlsx(e) => format!("xlsx: {e}"),
            ExportError::Csv(e) => format!("csv: {e}"),
            ExportError::Write(e) => e.message(lang),
            ExportError::PackFormat(f) => format!(
                "{} {}; {}",
                lang.pick(
                    "bahan rapat tidak dibuat sebagai",
                    "the meeting pack is not made as"
                ),
                f.extension(),
                lang.pick("pilih --format html atau md", "choose --format html or md")
            ),
        }
    }
}

/// The tables of a request (all, or the one asked for), in the request's language. Each is
/// computed and worded in turn, so only one table of figures is held at a time.
pub fn tables(req: &Request) -> Result<Vec<TextTable>, ExportError> {
    let keys: Vec<&str> = match req.table {
        None => report::tables::TABLE_KEYS.to_vec(),
        Some(key) => vec![key],
    };
    // Which quarters' figures are verified, under every table's title.
    let locked = locale::lock_lines(&req.ws.verifikasi, req.lang);
    let note = (!locked.is_empty()).then(|| crate::text::visible(&locked.join("; ")).into_owned());
    keys.into_iter()
        .map(|key| {
            report::tables::table(req.ws, req.quarter, key)
                .map(|t| TextTable {
                    note: note.clone(),
                    ..TextTable::new(t, req.lang)
                })
                .ok_or_else(|| ExportError::UnknownTable(key.to_string()))
        })
        .collect()
}

/// The bytes of one export file. CSV of several tables has one file per table: see [`write()`].
pub fn render(req: &Request) -> Result<Vec<u8>, ExportError> {
    Ok(match req.format {
        Format::Xlsx => {
            // The summary opens a workbook of every table (not one asked for with --table).
            let summary = req.table.is_none().then(|| SummaryPage::new(req));
            xlsx::workbook(summary.as_ref(), &tables(req)?)
                .map_err(|e| ExportError::Xlsx(e.to_string()))?
        }
        Format::Md => markdown::document(&SummaryPage::new(req), &tables(req)?).into_bytes(),
        Format::Html => html::document(&SummaryPage::new(req), &tables(req)?).into_bytes(),
        Format::Json => {
            let s = serde_json::to_string_pretty(&report::snapshot::snapshot(req.ws, req.quarter))
                .expect("the snapshot serialises");
            let mut s = json_escape_hidden(s);
            s.push('\n');
            s.into_bytes()
        }
        Format::Csv => {
            let tables = tables(req)?;
            csv::table(&tables[0]).map_err(|e| ExportError::Csv(e.to_string()))?
        }
    })
}

/// Writes the export to `path` (atomically) and returns the files written. CSV of every table
/// writes one file per table into the folder `path`.
pub fn write(req: &Request, path: &Path) -> Result<Vec<PathBuf>, ExportError> {
    if req.format == Format::Csv && req.table.is_none() {
        // The folder is created (or reused) without following a link at its name: a link
        // planted at the dated name is refused, never written through.
        let folder = crate::store::OutputFolder::create(path).map_err(ExportError::Write)?;
        let mut written = Vec::new();
        for t in tables(req)? {
            let bytes = csv::table(&t).map_err(|e| ExportError::Csv(e.to_string()))?;
            let file = folder
                .write(&format!("{}.csv", t.key), &bytes)
                .map_err(ExportError::Write)?;
            written.push(file);
        }
        return Ok(written);
    }
    let bytes = render(req)?;
    crate::store::write_atomic(path, &bytes).map_err(ExportError::Write)?;
    Ok(vec![path.to_path_buf()])
}

/// JSON with the characters serde_json leaves raw (DEL, the C1 controls, the bidirectional
/// controls; it escapes the C0 ones itself) written as `\u` escapes: the same data for any
/// reader, nothing hidden for a person reading it in a terminal. They can only occur inside
/// strings, where the escape means the same character.
fn json_escape_hidden(json: String) -> String {
    let hidden = |c: char| crate::text::is_hidden_control(c) && c >= '\u{7f}';
    // The usual case, without a second copy of a large snapshot.
    if !json.chars().any(hidden) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if hidden(c) {
            // All of them are in the Basic Multilingual Plane: one \uXXXX each.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `kinerja-kecamatan-sooko-2023-tw4-2026-11-28.xlsx`: body, year, quarter and today's date.
pub fn default_file_name(
    ws: &Workspace,
    q: Quarter,
    format: Format,
    today: (i32, u32, u32),
) -> String {
    let slug: String = ws
        .instansi
        .nama
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let (y, m, d) = today;
    let stem = format!(
        "kinerja-{slug}-{}-tw{}-{y:04}-{m:02}-{d:02}",
        ws.tahun,
        q.number()
    );
    match format {
        Format::Csv => stem,
        f => format!("{stem}.{}", f.extension()),
    }
}

/// `rapat-kecamatan-sooko-2023-tw4-2026-11-28.html`: the meeting pack's file, named as the
/// export's with "rapat" (meeting) in front of it instead of "kinerja".
pub fn default_pack_file_name(
    ws: &Workspace,
    q: Quarter,
    format: Format,
    today: (i32, u32, u32),
) -> String {
    let name = default_file_name(ws, q, format, today);
    format!("rapat{}", name.strip_prefix("kinerja").unwrap_or(&name))
}

/// Writes the meeting pack ([`pack::render`]) to `path` atomically.
pub fn write_pack(
    ws: &Workspace,
    q: Quarter,
    lang: Lang,
    format: Format,
    path: &Path,
) -> Result<PathBuf, ExportError> {
    let bytes = pack::render(ws, q, lang, format)?;
    crate::store::write_atomic(path, &bytes).map_err(ExportError::Write)?;
    Ok(path.to_path_buf())
}

/// Today's date (UTC) from the system clock, as (year, month, day).
pub fn today() -> (i32, u32, u32) {
    crate::time::today()
}

/// A table cell as people read it: Indonesian number format.
pub fn display(v: &Cell) -> String {
    match v {
        Cell::Text(s) => s.clone(),
        Cell::Figure(d) => locale::figure(*d),
        Cell::Rupiah(d) => locale::rupiah_amount(*d),
        Cell::Percent(d) => locale::percent(*d),
        Cell::Change { by, unit } => format!(
            "{}{} {unit}",
            if by.is_sign_positive() && !by.is_zero() {
                "+"
            } else {
                ""
            },
            locale::figure(*by)
        ),
        Cell::Blank => String::new(),
    }
}
