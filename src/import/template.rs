//! kinerja's flat template for anything that is neither an E-81 nor an LRA: one figure per row,
//! `kode, indikator, field, tw, tahun, value` (extra columns are ignored). [`write`] makes an
//! empty one for a workspace (`kinerja import --template -o FILE.xlsx`).

use super::layout::{Recognised, Role, quarter_in};
use super::problem::ProblemKind;
use super::read::{Cell, Sheet};
use super::rows::{IndicatorRef, NodeRef, Row, Value, What};
use crate::locale::Lang;
use crate::model::{Field, Quarter, Workspace};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The `field` names, as the journal names the figures.
pub const FIELD_NAMES: [&str; Field::KOLOM.len()] = Field::KOLOM;

/// What a `field` needs besides the value.
enum Needs {
    Nothing,
    Quarter,
    Year,
}

fn needs(name: &str) -> Option<Needs> {
    Some(match name {
        "target"
        | "target_pk_murni"
        | "target_pk_perubahan"
        | "renstra_akhir"
        | "pagu"
        | "pagu_murni"
        | "realisasi_tahun"
        | "renstra_akhir_rp"
        | "renstra_realisasi_rp" => Needs::Nothing,
        "realisasi" | "rencana" | "rp" => Needs::Quarter,
        "renstra_target" | "riwayat" => Needs::Year,
        _ => return None,
    })
}

/// The figure a row names (indicator fields with index 0, placed when matched).
fn field(name: &str, q: Option<Quarter>, year: Option<i32>) -> Option<Field> {
    Some(match name {
        "target" => Field::Target(0),
        "realisasi" => Field::Realisasi(0, q?),
        "rencana" => Field::Rencana(0, q?),
        "target_pk_murni" => Field::TargetPkMurni(0),
        "target_pk_perubahan" => Field::TargetPkPerubahan(0),
        "renstra_target" => Field::RenstraTarget(0, year?),
        "renstra_akhir" => Field::RenstraAkhir(0),
        "riwayat" => Field::Riwayat(0, year?),
        "pagu" => Field::Pagu,
        "pagu_murni" => Field::PaguMurni,
        "rp" => Field::Rp(q?),
        "realisasi_tahun" => Field::RealisasiTahun,
        "renstra_akhir_rp" => Field::RenstraAkhirRp,
        "renstra_realisasi_rp" => Field::RenstraRealisasiRp,
        _ => return None,
    })
}

fn whole(cell: &Cell) -> Option<i64> {
    match cell {
        Cell::Int(i) => Some(*i),
        Cell::Number(f) if f.fract() == 0.0 => Some(*f as i64),
        Cell::Text(t) => t.trim().parse().ok(),
        _ => None,
    }
}

fn quarter_of(cell: &Cell) -> Option<Quarter> {
    if let Some(n) = whole(cell) {
        return u8::try_from(n).ok().and_then(Quarter::new);
    }
    let t = cell.text().to_lowercase();
    quarter_in(&format!("tw {t}")).or_else(|| quarter_in(&t))
}

/// The template's rows. A row without a value changes nothing and is skipped, so an empty
/// template imports as nothing.
pub fn rows<'a>(sheet: &'a Sheet, rec: &Recognised) -> Vec<Row<'a>> {
    let col = |role| rec.column(role);
    let (Some(kode_col), Some(field_col), Some(value_col)) =
        (col(Role::Kode), col(Role::Field), col(Role::Value))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in rec.data_start..sheet.height() {
        let cell = sheet.cell(r, value_col);
        if cell.is_blank() {
            continue;
        }
        let kode = sheet.cell(r, kode_col).text().to_string();
        let mut problems = Vec::new();
        let name = sheet
            .cell(r, field_col)
            .text()
            .to_lowercase()
            .replace([' ', '-'], "_");
        let q_cell = col(Role::Tw).map(|c| (c, sheet.cell(r, c)));
        let y_cell = col(Role::Tahun).map(|c| (c, sheet.cell(r, c)));
        let what = match needs(&name) {
            None => {
                problems.push((
                    field_col,
                    ProblemKind::UnknownField {
                        text: sheet.cell(r, field_col).shown(),
                    },
                ));
                None
            }
            Some(Needs::Nothing) => field(&name, None, None),
            Some(Needs::Quarter) => {
                let q = q_cell.and_then(|(_, c)| quarter_of(c));
                if q.is_none() {
                    problems.push((
                        q_cell.map_or(field_col, |(c, _)| c),
                        ProblemKind::BadQuarter {
                            text: q_cell.map(|(_, c)| c.shown()).unwrap_or_default(),
                        },
                    ));
                }
                field(&name, q, None)
            }
            Some(Needs::Year) => {
                let y = y_cell
                    .and_then(|(_, c)| whole(c))
                    .and_then(|y| i32::try_from(y).ok())
                    .filter(|y| (1900..=2200).contains(y));
                if y.is_none() {
                    problems.push((
                        y_cell.map_or(field_col, |(c, _)| c),
                        ProblemKind::BadYear {
                            text: y_cell.map(|(_, c)| c.shown()).unwrap_or_default(),
                        },
                    ));
                }
                field(&name, None, y)
            }
        };
        let indicator = col(Role::Indikator).and_then(|c| {
            let t = sheet.cell(r, c);
            if t.is_blank() {
                return None;
            }
            let number = whole(t)
                .and_then(|n| usize::try_from(n).ok())
                .filter(|n| *n > 0);
            Some(IndicatorRef {
                nama: t.shown(),
                satuan: String::new(),
                col: c,
                number,
            })
        });
        out.push(Row {
            row: r,
            node: NodeRef::Named {
                kode: (!kode.is_empty()).then_some(kode),
                nama: String::new(),
                level: None,
                col: kode_col,
            },
            sasaran: None,
            indicator,
            values: what
                .map(|f| Value {
                    col: value_col,
                    cell,
                    what: What::Figure(f),
                })
                .into_iter()
                .collect(),
            year_k: None,
            problems,
        });
    }
    out
}

/// The template's header titles (the same in both languages: they are the contract).
pub const COLUMNS: [&str; 8] = [
    "kode",
    "nama",
    "indikator",
    "satuan",
    "field",
    "tw",
    "tahun",
    "value",
];

/// An empty template for `ws` as `.xlsx`: a row for each indicator's target and quarterly
/// realisation and each budget's pagu and quarterly Rupiah (nodes whose budget is the sum of
/// their children have none), the value left empty; a second sheet explains the fields.
pub fn write(ws: &Workspace, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(13);
    let sheet = book.add_worksheet();
    sheet.set_name("Template")?;
    sheet.write_string_with_format(
        0,
        0,
        format!(
            "{} — {} {}",
            lang.pick("Templat impor kinerja", "kinerja import template"),
            ws.instansi.nama,
            ws.tahun
        ),
        &title,
    )?;
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(1, c as u16, *h, &bold)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    let mut r = 2u32;
    let index = super::matching::Index::new(ws);
    for e in &index.nodes {
        let n = e.node;
        let mut line = |ind: Option<(usize, &str, &str)>, field: &str, tw: Option<u8>| {
            let row = r;
            r += 1;
            sheet.write_string(row, 0, &n.kode)?;
            sheet.write_string(row, 1, &n.nama)?;
            if let Some((_, nama, satuan)) = ind {
                sheet.write_string(row, 2, nama)?;
                sheet.write_string(row, 3, satuan)?;
            }
            sheet.write_string(row, 4, field)?;
            if let Some(q) = tw {
                sheet.write_number(row, 5, f64::from(q))?;
            }
            Ok::<(), XlsxError>(())
        };
        for (i, ind) in n.indikator.iter().enumerate() {
            let at = Some((i, ind.nama.as_str(), ind.satuan.as_str()));
            line(at, "target", None)?;
            for q in 1..=4 {
                line(at, "realisasi", Some(q))?;
            }
        }
        if n.anggaran.is_some() && !e.sums_children {
            line(None, "pagu", None)?;
            for q in 1..=4 {
                line(None, "rp", Some(q))?;
            }
        }
    }
    for (c, w) in [18, 40, 50, 12, 16, 5, 7, 16].iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    let help = book.add_worksheet();
    help.set_name(lang.pick("Petunjuk", "Help"))?;
    let lines: Vec<String> = vec![
        lang.pick(
            "Satu angka per baris. Isi kolom value; baris dengan value kosong tidak mengubah apa pun.",
            "One figure per row. Fill in the value column; a row with an empty value changes nothing.",
        )
        .into(),
        lang.pick(
            "kode: kode node; indikator: nama indikator (atau nomornya, 1, 2, …); tw: 1–4; tahun: untuk renstra_target dan riwayat.",
            "kode: the node's code; indikator: the indicator's name (or its number, 1, 2, …); tw: 1–4; tahun: for renstra_target and riwayat.",
        )
        .into(),
        format!(
            "field: {}",
            FIELD_NAMES.join(", ")
        ),
        lang.pick(
            "Angka: 1.234.567,89 atau 1,234,567.89 atau sel angka; '-' berarti tidak ada angka. Lihat docs/import.md.",
            "Figures: 1.234.567,89 or 1,234,567.89 or a number cell; '-' means no figure. See docs/import.md.",
        )
        .into(),
    ];
    for (i, l) in lines.iter().enumerate() {
        help.write_string(i as u32, 0, l)?;
    }
    help.set_column_width(0, 110)?;
    book.save_to_buffer()
}
