//! Writes a workbook laid out like the seed's "Laporan E-81 Aksara" (seed lines 591–598):
//! four title rows, a header over three rows with merged cells — the titles, the column
//! numbers 5–11 over their K/R pairs, the K/R row — then the rows as text, as the regional
//! system exports them. Shared by tests/import.rs and benches/import.rs.

use rust_xlsxwriter::{Format, Workbook};

/// The sheet's name.
pub const SHEET: &str = "E-81";
/// Rows above the data: four title rows (seed lines 591–594), an empty one, three header rows.
pub const FIRST_DATA_ROW: u32 = 8;

/// The workbook, `rows` written from row 9 (0-based 8) on, each cell as text (empty cells
/// left empty), under the title `year`.
pub fn workbook(year: &str, rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).unwrap();
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_text_wrap();
    // Seed lines 591–594.
    for (r, t) in [
        "Formulir E.81",
        "Evaluasi Terhadap Hasil Renja Perangkat Daerah Lingkungan Kabupaten",
        "Kecamatan Sooko",
        year,
    ]
    .iter()
    .enumerate()
    {
        sheet
            .write_string_with_format(r as u32, 0, *t, &bold)
            .unwrap();
    }
    // Seed line 596: the titles, merged over the three header rows or over their pairs.
    let (h1, h2, h3) = (5u32, 6u32, 7u32);
    for (c, t) in [
        "No",
        "Sasaran",
        "Program / Kegiatan / Sub Kegiatan",
        "Indikator Kinerja",
    ]
    .iter()
    .enumerate()
    {
        sheet
            .merge_range(h1, c as u16, h3, c as u16, t, &head)
            .unwrap();
    }
    for (first, last, t) in [
        (
            4u16,
            5u16,
            "Target Renstra Perangkat daerah pada tahun 2026 (akhir periode)",
        ),
        (
            6,
            7,
            "Realisasi capaian kinerja renstra perangkat daerah sampai dengan",
        ),
        (
            8,
            9,
            "Target Kinerja dan anggaran renja pada tahun berjalan (2022) yang di",
        ),
        (10, 17, "Realisasi Kinerja Pada triwulan"),
        (
            18,
            19,
            "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah",
        ),
    ] {
        sheet.merge_range(h1, first, h1, last, t, &head).unwrap();
    }
    // Seed line 597: the column numbers 5–11, each over its pair.
    for (i, n) in (5..=11).enumerate() {
        let c = 4 + 2 * i as u16;
        sheet
            .merge_range(h2, c, h2, c + 1, &n.to_string(), &bold)
            .unwrap();
    }
    // Seed line 598: K and R under columns 5–11.
    for c in 4u16..18 {
        let t = if c % 2 == 0 { "K" } else { "R" };
        sheet.write_string_with_format(h3, c, t, &bold).unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        let r = FIRST_DATA_ROW + i as u32;
        for (c, t) in row.iter().enumerate() {
            if !t.is_empty() {
                sheet.write_string(r, c as u16, t).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}
