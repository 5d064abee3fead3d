//! Recognising a sheet's layout by its header text, not by positions: the header may start
//! below title rows, span several rows with merged cells, carry a row of column numbers
//! (`1 2 3 …` or `5 6 7 …`) and a K/R (kinerja/Rupiah) row, and its columns may come in any
//! order, among columns kinerja does not read.

use super::read::{Cell, Sheet};
use crate::model::Quarter;

/// The layouts kinerja reads (`docs/import.md` draws each header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Formulir E-81 (Permendagri 86/2017): per node and indicator, K and Rp pairs.
    E81,
    /// Laporan Realisasi Anggaran: pagu and realisation per sub kegiatan.
    Lra,
    /// kinerja's flat template: `kode, indikator, field, tw, value`, one figure per row.
    Template,
}

/// A performance (K) or a Rupiah (Rp) column of a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    K,
    Rp,
}

/// What an E-81 column pair measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Column 5: the Renstra target at the end of the period.
    RenstraAkhir,
    /// Column 7: this year's target (K) and pagu (Rp).
    Target,
    /// Columns 8–11: a quarter's realisation; `None` until placed by its position in the group.
    Quarter(Option<Quarter>),
    /// Column 12 (or "s.d. TW"): the realisation of the year or to date, which the form
    /// computes from the quarters. Not imported; read for the zero rule.
    Year,
    /// Computed or unmapped columns (6, 13, 14: Renstra realisation and capaian).
    Computed,
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Ignore,
    No,
    Kode,
    Sasaran,
    /// Program / Kegiatan / Sub Kegiatan (the E-81's `[PROGRAM] 7.01.01 NAMA`), the LRA's uraian.
    Node,
    Indikator,
    Satuan,
    E81(Measure, Option<Unit>),
    /// A realisation column not yet placed (E-81: the year; LRA: to date).
    Realisasi,
    Pagu,
    /// LRA: the realisation to date (cumulative).
    ToDate,
    /// LRA: the realisation of one quarter.
    LraQuarter(Quarter),
    Field,
    Tw,
    Tahun,
    Value,
}

/// A sheet's layout and where its parts are.
#[derive(Clone, Debug, PartialEq)]
pub struct Recognised {
    pub layout: Layout,
    /// Written by `kinerja export` (blank means not entered there, a 0 was typed).
    pub kinerja: bool,
    /// The first header row; rows above it are titles.
    pub header_start: usize,
    pub data_start: usize,
    pub columns: Vec<Role>,
}

impl Recognised {
    pub fn column(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|r| *r == role)
    }
}

/// Lowercase with single spaces.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn tokens(t: &str) -> Vec<&str> {
    t.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '/' | ',' | ':' | '-'))
        .filter(|s| !s.is_empty())
        .collect()
}

/// A K/R marker cell (`K`, `R`, `Rp`, `(Rp.)`).
fn marker(text: &str) -> Option<Unit> {
    match norm(text)
        .trim_matches(|c| c == '(' || c == ')')
        .trim_end_matches('.')
    {
        "k" | "kinerja" => Some(Unit::K),
        "r" | "rp" | "rupiah" => Some(Unit::Rp),
        _ => None,
    }
}

const KEYWORDS: [&[&str]; 9] = [
    &["kode", "code"],
    &["indikator", "indicator"],
    &["program", "kegiatan", "uraian", "activity"],
    &["anggaran", "pagu", "budget", "alokasi"],
    &["realisasi", "actual", "spent"],
    &["target"],
    &["field", "kolom", "value", "nilai"],
    &["satuan", "unit"],
    &["triwulan", "tw "],
];

/// How many distinct header words a row's cells hold, one per cell at most.
fn header_score(row: &[Cell]) -> usize {
    let mut hit = [false; KEYWORDS.len()];
    for cell in row {
        let t = format!("{} ", norm(cell.text()));
        if let Some(k) = KEYWORDS
            .iter()
            .position(|words| words.iter().any(|w| t.contains(w)))
        {
            hit[k] = true;
        }
    }
    hit.iter().filter(|h| **h).count()
}

fn integer(cell: &Cell) -> Option<i64> {
    match cell {
        Cell::Int(i) => Some(*i),
        Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e6 => Some(*f as i64),
        Cell::Text(t) => t.trim().parse().ok(),
        _ => None,
    }
}

/// A row of column numbers: at least three, all whole, rising left to right.
fn is_number_row(row: &[Cell]) -> bool {
    let filled: Vec<&Cell> = row.iter().filter(|c| !c.is_blank()).collect();
    if filled.len() < 3 {
        return false;
    }
    let nums: Option<Vec<i64>> = filled.iter().map(|c| integer(c)).collect();
    nums.is_some_and(|n| n.windows(2).all(|w| w[0] < w[1]))
}

fn is_marker_row(row: &[Cell]) -> bool {
    let filled: Vec<&Cell> = row.iter().filter(|c| !c.is_blank()).collect();
    filled.len() >= 2 && filled.iter().all(|c| marker(c.text()).is_some())
}

/// Whether text looks like a node code or an E-81 level tag (data, not header).
fn looks_like_data(cell: &Cell) -> bool {
    match cell {
        Cell::Number(_) | Cell::Int(_) => true,
        Cell::Text(t) => {
            let t = t.trim();
            t.starts_with('[')
                || t.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && t.chars().any(|c| c == '.' || c == ',')
                || t.parse::<f64>().is_ok()
        }
        _ => false,
    }
}

/// Whether a sheet's header could need its merged regions: its header row has an empty cell
/// between titled ones, or more header rows follow. A one-row header with every column titled
/// (kinerja's exports, the template) reads the same without them, so the reader can skip the
/// second pass over the file that finding them costs.
pub fn header_needs_merges(rows: &[Vec<Cell>]) -> bool {
    let Some(start) = (0..rows.len().min(40)).find(|r| header_score(&rows[*r]) >= 2) else {
        return false;
    };
    let row = &rows[start];
    let first = row.iter().position(|c| !c.is_blank());
    let last = row.iter().rposition(|c| !c.is_blank());
    let gapped = match (first, last) {
        (Some(f), Some(l)) => row[f..=l].iter().any(Cell::is_blank),
        _ => false,
    };
    let next_is_data = rows
        .get(start + 1)
        .is_some_and(|r| r.iter().any(looks_like_data) && !is_number_row(r));
    gapped || !next_is_data
}

/// The merged region a cell belongs to, as (first row, first col, last col).
fn merge_at(sheet: &Sheet, row: usize, col: usize) -> Option<(usize, usize, usize)> {
    sheet.merged.as_ref()?.iter().find_map(|m| {
        (m.first_row <= row && row <= m.last_row && m.first_col <= col && col <= m.last_col)
            .then_some((m.first_row, m.first_col, m.last_col))
    })
}

/// Finds the header and what each column holds; `None` when the sheet is no known layout.
pub fn recognise(sheet: &Sheet) -> Option<Recognised> {
    if is_kinerja_summary(sheet) {
        return None;
    }
    let start = (0..sheet.height().min(40)).find(|r| header_score(&sheet.rows[*r]) >= 2)?;
    let width = sheet.width();
    // The header rows: the first, then sub-header rows, a column-number row, a K/R row.
    let mut text_rows = vec![start];
    let mut marker_row = None;
    let mut numbers_seen = false;
    let mut r = start + 1;
    while r < sheet.height() && r <= start + 5 {
        let row = &sheet.rows[r];
        if row.iter().all(Cell::is_blank) {
            break;
        }
        if is_marker_row(row) && marker_row.is_none() {
            marker_row = Some(r);
        } else if is_number_row(row) && !numbers_seen {
            numbers_seen = true;
        } else if !numbers_seen && is_sub_header(sheet, r, *text_rows.last().expect("one")) {
            text_rows.push(r);
        } else {
            break;
        }
        r += 1;
    }
    let data_start = r;
    let header_rows: Vec<usize> = text_rows.clone();
    let filled = fill_headers(sheet, &header_rows, marker_row, width);
    let texts: Vec<String> = (0..width)
        .map(|c| {
            let mut parts: Vec<&str> = Vec::new();
            for row in &filled {
                let t = row[c].as_str();
                if !t.is_empty() && parts.last() != Some(&t) {
                    parts.push(t);
                }
            }
            norm(&parts.join(" "))
        })
        .collect();
    let markers: Vec<Option<Unit>> = (0..width)
        .map(|c| {
            marker_row
                .and_then(|m| marker(sheet.cell(m, c).text()))
                .or_else(|| unit_in_text(&texts[c]))
        })
        .collect();
    let mut columns: Vec<Role> = texts.iter().map(|t| classify(t)).collect();
    // Beside indicators, a plain "realisasi" pair is the form's year column (12).
    if columns.contains(&Role::Indikator) {
        for role in &mut columns {
            if *role == Role::Realisasi {
                *role = Role::E81(Measure::Year, None);
            }
        }
    }
    let groups: Vec<String> = (0..width).map(|c| filled[0][c].to_lowercase()).collect();
    place_pairs(&mut columns, &markers, &groups);

    let has = |f: &dyn Fn(&Role) -> bool| columns.iter().any(f);
    let has_node = has(&|r| matches!(r, Role::Kode | Role::Node));
    let has_indikator = has(&|r| *r == Role::Indikator);
    let has_quarter = has(&|r| matches!(r, Role::E81(Measure::Quarter(Some(_)), _)));
    let layout = if has(&|r| *r == Role::Field) && has(&|r| *r == Role::Value) && has_node {
        Layout::Template
    } else if has_node && has_indikator && has_quarter {
        Layout::E81
    } else if has_node
        && !has_indikator
        && has(&|r| {
            matches!(
                r,
                Role::Pagu | Role::Realisasi | Role::E81(Measure::Year | Measure::Quarter(_), _)
            )
        })
    {
        Layout::Lra
    } else {
        return None;
    };
    let kinerja = match layout {
        Layout::E81 => {
            (has(&|r| *r == Role::Kode)
                && has(&|r| *r == Role::Satuan)
                && texts.iter().any(|t| is_kinerja_quarter_title(t)))
                || is_kinerja_form(&texts)
        }
        Layout::Lra => {
            let titles: Vec<&str> = texts.iter().map(String::as_str).collect();
            (titles.contains(&"anggaran (rp)") && titles.contains(&"realisasi (rp)"))
                || (titles.contains(&"budget (rp)") && titles.contains(&"spent (rp)"))
        }
        Layout::Template => false,
    };
    for role in &mut columns {
        *role = match (layout, *role) {
            (Layout::E81, Role::Pagu) => Role::Ignore,
            (Layout::Lra, Role::Realisasi | Role::E81(Measure::Year, _)) => Role::ToDate,
            (Layout::Lra, Role::E81(Measure::Quarter(Some(q)), _)) => Role::LraQuarter(q),
            (Layout::Lra, Role::E81(..)) => Role::Ignore,
            (Layout::Template, Role::Realisasi | Role::Pagu | Role::E81(..)) => Role::Ignore,
            (_, r) => r,
        };
    }
    Some(Recognised {
        layout,
        kinerja,
        header_start: start,
        data_start,
        columns,
    })
}

/// The summary sheet that opens a `kinerja export` workbook ("Ringkasan Kinerja — …"): its
/// programs' budgets are the LRA sheet's again, so reading it would count them twice.
fn is_kinerja_summary(sheet: &Sheet) -> bool {
    let title = sheet
        .rows
        .first()
        .and_then(|r| r.first())
        .map_or("", |c| c.text());
    title.starts_with("Ringkasan Kinerja — ") || title.starts_with("Performance summary — ")
}

/// The full E-81 form as `kinerja export` writes it (since issue 14): its quarters titled
/// `tw i k` (flat, CSV) or `… tw i` under their group (xlsx, the form's header), beside the
/// explanation columns it adds (faktor penghambat, tindak lanjut) in either language.
fn is_kinerja_form(texts: &[String]) -> bool {
    let quarters = texts
        .iter()
        .any(|t| is_kinerja_quarter_title(t) || t.ends_with(" tw i"));
    let said = |id: &str, en: &str| texts.iter().any(|t| t == id || t == en);
    quarters && said("faktor penghambat", "obstacles") && said("tindak lanjut", "follow-up")
}

/// `tw i k`, `tw iv rp`: the quarter titles of `kinerja export`.
fn is_kinerja_quarter_title(t: &str) -> bool {
    let parts: Vec<&str> = t.split(' ').collect();
    parts.len() == 3
        && parts[0] == "tw"
        && matches!(parts[1], "i" | "ii" | "iii" | "iv")
        && matches!(parts[2], "k" | "rp")
}

/// Whether row `r` continues the header below row `above`: unit markers anywhere; other text
/// only under a header cell that spans several columns or under an empty one (a data row
/// fills the columns the header names).
fn is_sub_header(sheet: &Sheet, r: usize, above: usize) -> bool {
    let row = &sheet.rows[r];
    if row.iter().any(looks_like_data) {
        return false;
    }
    row.iter().enumerate().all(|(c, cell)| {
        if cell.is_blank() || marker(cell.text()).is_some() {
            return true;
        }
        let up = sheet.cell(above, c);
        let spans = match &sheet.merged {
            Some(_) => merge_at(sheet, above, c).is_some_and(|(_, first, last)| last > first),
            // Without merges: a header followed by an empty cell, over sub-headers.
            None => sheet.cell(above, c + 1).is_blank() && !sheet.cell(r, c + 1).is_blank(),
        };
        up.is_blank() || spans
    })
}

/// Header texts per row and column, merged cells spread over their region. Without merge
/// information (CSV) an empty header cell takes the text on its left when a lower header row
/// has something under it (a group header over its sub-columns).
fn fill_headers(
    sheet: &Sheet,
    rows: &[usize],
    marker_row: Option<usize>,
    width: usize,
) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            (0..width)
                .map(|c| sheet.cell(*r, c).text().to_string())
                .collect()
        })
        .collect();
    if sheet.merged.is_some() {
        for (i, r) in rows.iter().enumerate() {
            for (c, slot) in out[i].iter_mut().enumerate() {
                if slot.is_empty()
                    && let Some((fr, fc, _)) = merge_at(sheet, *r, c)
                {
                    *slot = sheet.cell(fr, fc).text().to_string();
                }
            }
        }
    } else {
        let lower: Vec<usize> = rows.iter().copied().chain(marker_row).collect();
        for i in 0..out.len() {
            for c in 1..width {
                let below = lower
                    .iter()
                    .filter(|r| **r > rows[i])
                    .any(|r| !sheet.cell(*r, c).is_blank());
                if out[i][c].is_empty() && below && !out[i][c - 1].is_empty() {
                    out[i][c] = out[i][c - 1].clone();
                }
            }
        }
    }
    out
}

/// A unit written in a column's own title (`Target K`, `TW I Rp`, `Anggaran (Rp)`).
fn unit_in_text(t: &str) -> Option<Unit> {
    tokens(t).into_iter().rev().find_map(|w| match w {
        "k" => Some(Unit::K),
        "rp" | "rp." => Some(Unit::Rp),
        _ => None,
    })
}

/// The quarter a title names: `TW II`, `Triwulan 3`, `tw4`.
pub fn quarter_in(t: &str) -> Option<Quarter> {
    let toks = tokens(t);
    let roman = |w: &str| match w.trim_end_matches('.') {
        "i" | "1" => Quarter::new(1),
        "ii" | "2" => Quarter::new(2),
        "iii" | "3" => Quarter::new(3),
        "iv" | "4" => Quarter::new(4),
        _ => None,
    };
    for (i, w) in toks.iter().enumerate() {
        if let Some(n) = w.strip_prefix("tw").filter(|n| !n.is_empty())
            && let Some(q) = roman(n)
        {
            return Some(q);
        }
        if matches!(*w, "tw" | "triwulan" | "tri" | "quarter")
            && let Some(q) = toks.get(i + 1).and_then(|n| roman(n))
        {
            return Some(q);
        }
    }
    None
}

/// What a column's header text says it holds.
pub fn classify(t: &str) -> Role {
    let toks = tokens(t);
    let has = |w: &str| t.contains(w);
    let tok = |w: &str| toks.contains(&w);
    match t {
        "" => return Role::Ignore,
        "field" | "kolom" | "jenis angka" => return Role::Field,
        "value" | "nilai" | "angka" => return Role::Value,
        "tw" | "triwulan" | "quarter" => return Role::Tw,
        "tahun" | "year" => return Role::Tahun,
        "no" | "no." | "nomor" | "no urut" => return Role::No,
        "satuan" | "unit" => return Role::Satuan,
        _ => {}
    }
    if has("kode") || tok("code") {
        return Role::Kode;
    }
    if has("indikator") || has("indicator") {
        return Role::Indikator;
    }
    if has("%") {
        return Role::Ignore;
    }
    let cumulative = has("s.d") || has("s/d") || has("sampai") || tok("sd");
    if has("renstra") {
        return if has("realisasi") || has("capaian") {
            Role::E81(Measure::Computed, None)
        } else if has("target") || has("akhir") {
            Role::E81(Measure::RenstraAkhir, None)
        } else {
            Role::E81(Measure::Computed, None)
        };
    }
    if has("triwulan") || tok("tw") || toks.iter().any(|w| quarter_in(w).is_some()) {
        return if cumulative {
            Role::E81(Measure::Year, None)
        } else {
            Role::E81(Measure::Quarter(quarter_in(t)), None)
        };
    }
    let realisasi = has("realisasi") || tok("actual") || tok("spent");
    if realisasi {
        if has("bln lalu") || has("bulan lalu") {
            return Role::Ignore;
        }
        if (has("bln ini") || has("bulan ini")) && !cumulative {
            return Role::Ignore;
        }
        return Role::Realisasi;
    }
    let computed = [
        "capaian",
        "achieved",
        "predikat",
        "faktor",
        "tindak lanjut",
        "penanggung",
        "persentase",
        "presentase",
        "sisa",
        "kontrak",
        "rencana",
        "keterangan",
        "pelaksana",
        "rating",
        "status",
    ];
    if computed.iter().any(|w| has(w)) || tok("left") || tok("share") || tok("ket") {
        return Role::Ignore;
    }
    if has("sasaran") {
        return Role::Sasaran;
    }
    if has("target") {
        return Role::E81(Measure::Target, None);
    }
    if has("anggaran") || has("pagu") || has("alokasi") || tok("budget") {
        return Role::Pagu;
    }
    if has("program") || has("kegiatan") || has("uraian") || has("activity") || tok("opd") {
        return Role::Node;
    }
    Role::Ignore
}

/// Gives each E-81 column its unit and each quarter column its quarter. A group (columns under
/// one top header) of two without K/R markers is K then Rp; a quarter group of 4 or 8 columns
/// without quarter titles is TW I–IV in order (one or two columns each).
fn place_pairs(columns: &mut [Role], markers: &[Option<Unit>], groups: &[String]) {
    let width = columns.len();
    let mut c = 0;
    while c < width {
        let Role::E81(measure, _) = columns[c] else {
            c += 1;
            continue;
        };
        // The run of columns of this group with the same measure kind.
        let same_kind = |r: &Role| match (r, measure) {
            (Role::E81(Measure::Quarter(_), _), Measure::Quarter(_)) => true,
            (Role::E81(m, _), _) => *m == measure,
            _ => false,
        };
        let mut end = c + 1;
        while end < width && groups[end] == groups[c] && same_kind(&columns[end]) {
            end += 1;
        }
        let n = end - c;
        for (k, col) in (c..end).enumerate() {
            let quarters = matches!(measure, Measure::Quarter(_));
            let unit = markers[col].or(match n {
                1 => Some(Unit::K),
                // Four quarters of one kind: performance figures.
                4 if quarters => Some(Unit::K),
                _ if n % 2 == 0 => Some(if k % 2 == 0 { Unit::K } else { Unit::Rp }),
                _ => None,
            });
            let measure = match columns[col] {
                Role::E81(Measure::Quarter(None), _) => {
                    let per = if n == 8 || n == 4 { n / 4 } else { 0 };
                    let q = (per > 0)
                        .then(|| Quarter::new((k / per + 1) as u8))
                        .flatten();
                    Measure::Quarter(q)
                }
                Role::E81(m, _) => m,
                _ => unreachable!("E-81 columns only"),
            };
            columns[col] = Role::E81(measure, unit);
        }
        c = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn sheet(rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            name: "x".into(),
            rows,
            merged: None,
        }
    }

    #[test]
    fn the_seeds_e81_header_titles() {
        use Measure::*;
        assert_eq!(classify("no"), Role::No);
        assert_eq!(classify("sasaran"), Role::Sasaran);
        assert_eq!(classify("program / kegiatan / sub kegiatan"), Role::Node);
        assert_eq!(classify("indikator kinerja"), Role::Indikator);
        assert_eq!(
            classify("target renstra perangkat daerah pada tahun 2026 (akhir periode) k"),
            Role::E81(RenstraAkhir, None)
        );
        assert_eq!(
            classify("realisasi capaian kinerja renstra perangkat daerah sampai dengan"),
            Role::E81(Computed, None)
        );
        assert_eq!(
            classify("target kinerja dan anggaran renja pada tahun berjalan (2022) yang di"),
            Role::E81(Target, None)
        );
        assert_eq!(
            classify("realisasi kinerja pada triwulan"),
            Role::E81(Quarter(None), None)
        );
        assert_eq!(
            classify("realisasi capaian kinerja dan anggaran renja perangkat daerah"),
            Role::Realisasi,
            "placed as the year beside indicators"
        );
    }

    #[test]
    fn kinerjas_own_titles() {
        use Measure::*;
        assert_eq!(classify("kode"), Role::Kode);
        assert_eq!(classify("target rp"), Role::E81(Target, None));
        assert_eq!(
            classify("tw iii k"),
            Role::E81(Quarter(crate::model::Quarter::new(3)), None)
        );
        assert_eq!(classify("realisasi k s.d. tw iv"), Role::E81(Year, None));
        assert_eq!(classify("capaian k"), Role::Ignore);
        assert_eq!(classify("anggaran (rp)"), Role::Pagu);
        assert_eq!(classify("realisasi (rp)"), Role::Realisasi);
        assert_eq!(classify("sisa (rp)"), Role::Ignore);
        assert_eq!(classify("spent (rp)"), Role::Realisasi);
        assert_eq!(classify("sub-activity"), Role::Node);
    }

    #[test]
    fn lra_titles() {
        assert_eq!(classify("opd/kegiatan"), Role::Node);
        assert_eq!(classify("anggaran (rp)"), Role::Pagu);
        assert_eq!(classify("realisasi (rp.) s/d bln lalu"), Role::Ignore);
        assert_eq!(classify("realisasi (rp.) bln ini"), Role::Ignore);
        assert_eq!(classify("realisasi (rp.) s/d bln ini"), Role::Realisasi);
        assert_eq!(classify("presentase (%)"), Role::Ignore);
        assert_eq!(classify("rencana s/d desember (rp)"), Role::Ignore);
        assert_eq!(classify("% kinerja realisasi s/d desember"), Role::Ignore);
    }

    #[test]
    fn quarter_titles() {
        let q = |n| crate::model::Quarter::new(n);
        assert_eq!(quarter_in("tw ii"), q(2));
        assert_eq!(quarter_in("triwulan iv"), q(4));
        assert_eq!(quarter_in("realisasi tw3"), q(3));
        assert_eq!(quarter_in("s.d. triwulan i"), q(1));
        assert_eq!(quarter_in("tahun"), None);
    }

    #[test]
    fn header_over_three_rows_without_merges_with_numbers_and_markers() {
        let e = || Cell::Empty;
        let s = sheet(vec![
            vec![t("Formulir E-81 2023")],
            vec![
                t("No"),
                t("Program / Kegiatan"),
                t("Indikator"),
                t("Target"),
                e(),
                t("Realisasi Kinerja Pada Triwulan"),
                e(),
                e(),
                e(),
                e(),
                e(),
                e(),
                e(),
                t("Keterangan"),
            ],
            vec![
                e(),
                e(),
                e(),
                t("7"),
                e(),
                t("8"),
                e(),
                t("9"),
                e(),
                t("10"),
                e(),
                t("11"),
            ],
            vec![
                e(),
                e(),
                e(),
                t("K"),
                t("Rp"),
                t("K"),
                t("Rp"),
                t("K"),
                t("Rp"),
                t("K"),
                t("Rp"),
                t("K"),
                t("Rp"),
            ],
            vec![t("1"), t("[PROGRAM] 7.01.01 X"), t("Y(%)"), t("5")],
        ]);
        let r = recognise(&s).expect("an E-81");
        assert_eq!(r.layout, Layout::E81);
        assert_eq!((r.header_start, r.data_start), (1, 4));
        let q = |n| Some(crate::model::Quarter::new(n).unwrap());
        use Measure::*;
        assert_eq!(r.columns[3], Role::E81(Target, Some(Unit::K)));
        assert_eq!(r.columns[4], Role::E81(Target, Some(Unit::Rp)));
        assert_eq!(r.columns[5], Role::E81(Quarter(q(1)), Some(Unit::K)));
        assert_eq!(r.columns[6], Role::E81(Quarter(q(1)), Some(Unit::Rp)));
        assert_eq!(r.columns[11], Role::E81(Quarter(q(4)), Some(Unit::K)));
        assert_eq!(r.columns[12], Role::E81(Quarter(q(4)), Some(Unit::Rp)));
        assert_eq!(r.columns[13], Role::Ignore);
        assert!(!r.kinerja);
    }

    #[test]
    fn four_quarter_columns_without_markers_are_performance_figures() {
        let e = || Cell::Empty;
        let s = sheet(vec![
            vec![
                t("Kode"),
                t("Indikator"),
                t("Realisasi Triwulan"),
                e(),
                e(),
                e(),
            ],
            vec![e(), e(), t("I"), t("II"), t("III"), t("IV")],
            vec![t("7.01.01"), t("X"), t("1")],
        ]);
        let r = recognise(&s).expect("an E-81");
        let q = |n| Some(crate::model::Quarter::new(n).unwrap());
        for (c, n) in (2..6).zip(1..) {
            assert_eq!(
                r.columns[c],
                Role::E81(Measure::Quarter(q(n)), Some(Unit::K))
            );
        }
    }

    #[test]
    fn only_gapped_or_multi_row_headers_need_merged_regions() {
        let e = || Cell::Empty;
        // kinerja's export: one row, every column titled, data below.
        let own = vec![
            vec![t("Formulir E-81 2023")],
            vec![t("Kode"), t("Program"), t("Indikator"), t("Target K")],
            vec![t("7.01.01"), t("P"), t("I"), Cell::Number(5.0)],
        ];
        assert!(!header_needs_merges(&own));
        // A group title over an empty cell.
        let gapped = vec![
            vec![t("Kode"), t("Indikator"), t("Target"), e(), t("Keterangan")],
            vec![t("7.01.01"), t("I"), Cell::Number(5.0)],
        ];
        assert!(header_needs_merges(&gapped));
        // A second header row (here K/R) below.
        let numbered = vec![
            vec![t("Kode"), t("Indikator"), t("Target"), t("Realisasi TW I")],
            vec![e(), e(), t("K"), t("K")],
            vec![t("7.01.01"), t("I"), Cell::Number(5.0)],
        ];
        assert!(header_needs_merges(&numbered));
        assert!(!header_needs_merges(&[vec![t("catatan")]]));
    }

    #[test]
    fn a_title_with_every_word_in_one_cell_is_not_a_header() {
        let s = sheet(vec![
            vec![t(
                "Laporan Realisasi Anggaran — Kecamatan Sooko 2023, s.d. TW IV",
            )],
            vec![t("Catatan")],
        ]);
        assert_eq!(recognise(&s), None);
    }
}
