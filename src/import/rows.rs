//! A recognised sheet's data rows as records: which node and indicator a row names, and which
//! figure each of its cells holds. Nothing is matched or parsed here (see `plan`).

use super::layout::{Layout, Measure, Recognised, Role, Unit};
use super::matching::{self, node_cell, split_unit};
use super::problem::ProblemKind;
use super::read::{Cell, Sheet};
use crate::model::{Field, NodeKind};

/// How a row names its node.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeRef {
    Named {
        kode: Option<String>,
        nama: String,
        level: Option<NodeKind>,
        /// The cell that names it.
        col: usize,
    },
    /// A further indicator of the node of the row above (kinerja's export writes the node once).
    SameAsAbove,
}

/// The indicator a row names.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRef {
    pub nama: String,
    pub satuan: String,
    pub col: usize,
    /// The template's `indikator` as a 1-based number rather than a name.
    pub number: Option<usize>,
}

/// Which figure a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// A figure of the tree; an indicator's field carries index 0 until the indicator is found.
    Figure(Field),
    /// LRA: the realisation to date, placed by the quarter it runs to.
    ToDate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Value<'a> {
    pub col: usize,
    pub cell: &'a Cell,
    pub what: What,
}

/// One data row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub row: usize,
    pub node: NodeRef,
    /// The E-81's Sasaran cell, when the row carries one (its indicator may be the sasaran's).
    pub sasaran: Option<String>,
    pub indicator: Option<IndicatorRef>,
    pub values: Vec<Value<'a>>,
    /// The E-81's column 12 K (the year's realisation the form computes), for the zero rule.
    pub year_k: Option<&'a Cell>,
    /// What is wrong with the row before matching (template: an unknown field), by column.
    pub problems: Vec<(usize, ProblemKind)>,
}

/// The rows of a recognised sheet.
pub fn rows<'a>(sheet: &'a Sheet, rec: &Recognised) -> Vec<Row<'a>> {
    match rec.layout {
        Layout::E81 => e81(sheet, rec),
        Layout::Lra => lra(sheet, rec),
        Layout::Template => super::template::rows(sheet, rec),
    }
}

fn text_at<'a>(
    sheet: &'a Sheet,
    rec: &Recognised,
    r: usize,
    role: Role,
) -> Option<(usize, &'a str)> {
    let c = rec.column(role)?;
    let t = sheet.cell(r, c).text();
    (!t.is_empty()).then_some((c, t))
}

/// Rows that only total the others.
fn is_total(nama: &str) -> bool {
    matches!(
        matching::name_key(nama).as_str(),
        "jumlah" | "total" | "jumlahtotal" | "grandtotal" | "jumlahseluruhnya"
    )
}

/// How a row names its node: a kode column, else the node cell's `[TAG] kode nama`, else the
/// Sasaran cell.
fn node_of(sheet: &Sheet, rec: &Recognised, r: usize) -> Option<NodeRef> {
    // A kode Excel took for a number (`7.01`) is read as it shows.
    let kode_cell = rec.column(Role::Kode).and_then(|c| {
        let k = sheet.cell(r, c).shown();
        (!k.is_empty()).then_some((c, k))
    });
    let node = text_at(sheet, rec, r, Role::Node);
    let (level, kode_in_text, nama) =
        node.map(|(_, t)| node_cell(t, rec.kinerja))
            .unwrap_or((None, None, String::new()));
    let col = kode_cell.as_ref().map(|(c, _)| *c).or(node.map(|(c, _)| c));
    let kode = kode_cell.map(|(_, k)| k).or(kode_in_text);
    if let Some(col) = col {
        if kode.is_none() && is_total(&nama) {
            return None;
        }
        return Some(NodeRef::Named {
            kode,
            nama,
            level,
            col,
        });
    }
    None
}

fn e81<'a>(sheet: &'a Sheet, rec: &Recognised) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    for r in rec.data_start..sheet.height() {
        let row_cells = &sheet.rows[r];
        if row_cells.iter().all(Cell::is_blank) {
            continue;
        }
        let sasaran = text_at(sheet, rec, r, Role::Sasaran);
        let indicator = text_at(sheet, rec, r, Role::Indikator).map(|(col, t)| {
            let own_unit = text_at(sheet, rec, r, Role::Satuan).map(|(_, u)| u.to_string());
            match own_unit {
                // A unit column: the name is the whole cell.
                Some(u) => IndicatorRef {
                    nama: t.to_string(),
                    satuan: u,
                    col,
                    number: None,
                },
                None => {
                    let (nama, unit) = split_unit(t);
                    IndicatorRef {
                        nama,
                        satuan: unit.unwrap_or_default(),
                        col,
                        number: None,
                    }
                }
            }
        });
        let mut values = Vec::new();
        let mut year_k = None;
        for (c, role) in rec.columns.iter().enumerate() {
            let Role::E81(measure, Some(unit)) = *role else {
                continue;
            };
            let cell = sheet.cell(r, c);
            let field = match (measure, unit) {
                (Measure::RenstraAkhir, Unit::K) => Field::RenstraAkhir(0),
                (Measure::Target, Unit::K) => Field::Target(0),
                (Measure::Target, Unit::Rp) => Field::Pagu,
                (Measure::Quarter(Some(q)), Unit::K) => Field::Realisasi(0, q),
                (Measure::Quarter(Some(q)), Unit::Rp) => Field::Rp(q),
                (Measure::Year, Unit::K) => {
                    year_k = Some(cell);
                    continue;
                }
                _ => continue,
            };
            if !cell.is_blank() {
                values.push(Value {
                    col: c,
                    cell,
                    what: What::Figure(field),
                });
            }
        }
        let node = match node_of(sheet, rec, r) {
            Some(n) => n,
            None => match sasaran {
                Some((col, nama)) => NodeRef::Named {
                    kode: None,
                    nama: nama.to_string(),
                    level: Some(NodeKind::Sasaran),
                    col,
                },
                None if indicator.is_some() || !values.is_empty() => NodeRef::SameAsAbove,
                None => continue,
            },
        };
        if let NodeRef::Named {
            kode: None, nama, ..
        } = &node
            && is_total(nama)
        {
            continue;
        }
        out.push(Row {
            row: r,
            node,
            sasaran: sasaran.map(|(_, s)| s.to_string()),
            indicator,
            values,
            year_k,
            problems: Vec::new(),
        });
    }
    out
}

/// A roman numeral or letter in the No column marks a group row (`I KECAMATAN SOOKO`).
fn is_group_number(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c.to_ascii_uppercase(), 'I' | 'V' | 'X' | 'L' | '.'))
}

fn lra<'a>(sheet: &'a Sheet, rec: &Recognised) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    for r in rec.data_start..sheet.height() {
        if text_at(sheet, rec, r, Role::No).is_some_and(|(_, t)| is_group_number(t)) {
            continue;
        }
        let Some(node) = node_of(sheet, rec, r) else {
            continue;
        };
        let mut values = Vec::new();
        for (c, role) in rec.columns.iter().enumerate() {
            let what = match role {
                Role::Pagu => What::Figure(Field::Pagu),
                Role::ToDate => What::ToDate,
                Role::LraQuarter(q) => What::Figure(Field::Rp(*q)),
                _ => continue,
            };
            let cell = sheet.cell(r, c);
            if !cell.is_blank() {
                values.push(Value { col: c, cell, what });
            }
        }
        // A heading (the body's name, a program) with no figure.
        if values.is_empty() {
            continue;
        }
        out.push(Row {
            row: r,
            node,
            sasaran: None,
            indicator: None,
            values,
            year_k: None,
            problems: Vec::new(),
        });
    }
    out
}
