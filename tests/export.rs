//! Exports checked against the seed: the LRA (Lampiran IV) row by row in the xlsx, read back
//! with calamine so numbers are numbers; totals in every format; the one-page summary.

use calamine::{Data, Reader, Xlsx};
use kinerja::export::{self, Format, Request};
use kinerja::locale::Lang;
use kinerja::model::{Quarter, Workspace};
use kinerja::store;
use std::io::Cursor;

fn sample() -> Workspace {
    store::parse(store::SAMPLE_JSON).unwrap()
}

fn render(ws: &Workspace, format: Format, table: Option<&str>) -> Vec<u8> {
    export::render(&Request {
        ws,
        quarter: Quarter::IV,
        lang: Lang::Id,
        format,
        table,
    })
    .unwrap()
}

/// Lampiran IV, LRA December 2023: sub kegiatan, anggaran, realisasi, sisa, % (as printed).
const LRA: [(&str, f64, f64, f64, f64); 24] = [
    (
        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
        3_500_000.0,
        3_390_000.0,
        110_000.0,
        96.86,
    ),
    (
        "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
        1_000_000.0,
        920_000.0,
        80_000.0,
        92.00,
    ),
    (
        "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",
        1_000_000.0,
        1_000_000.0,
        0.0,
        100.00,
    ),
    (
        "Koordinasi dan Penyusunan DPA-SKPD",
        1_000_000.0,
        920_000.0,
        80_000.0,
        92.00,
    ),
    (
        "Koordinasi dan Penyusunan Perubahan DPA-SKPD",
        1_000_000.0,
        920_000.0,
        80_000.0,
        92.00,
    ),
    (
        "Evaluasi Kinerja Perangkat Daerah",
        7_500_000.0,
        7_210_300.0,
        289_700.0,
        96.14,
    ),
    (
        "Penyediaan Gaji dan Tunjangan ASN",
        2_432_407_000.0,
        2_211_134_033.0,
        221_272_967.0,
        90.90,
    ),
    (
        "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
        15_000_000.0,
        15_000_000.0,
        0.0,
        100.00,
    ),
    (
        "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
        7_500_000.0,
        7_491_600.0,
        8_400.0,
        99.89,
    ),
    (
        "Penyediaan Peralatan dan Perlengkapan Kantor",
        20_000_000.0,
        19_763_000.0,
        237_000.0,
        98.82,
    ),
    (
        "Penyediaan Bahan Logistik Kantor",
        27_465_000.0,
        26_484_500.0,
        980_500.0,
        96.43,
    ),
    (
        "Penyediaan Barang Cetakan dan Penggandaan",
        5_000_000.0,
        4_503_000.0,
        497_000.0,
        90.06,
    ),
    (
        "Penyediaan Bahan/Material",
        10_000_000.0,
        9_886_750.0,
        113_250.0,
        98.87,
    ),
    (
        "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
        8_000_000.0,
        8_000_000.0,
        0.0,
        100.00,
    ),
    (
        "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
        45_350_000.0,
        41_463_135.0,
        3_886_865.0,
        91.43,
    ),
    (
        "Penyediaan Jasa Pelayanan Umum Kantor",
        27_000_000.0,
        26_808_960.0,
        191_040.0,
        99.29,
    ),
    (
        "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan",
        26_500_000.0,
        25_972_710.0,
        527_290.0,
        98.01,
    ),
    (
        "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
        22_808_000.0,
        22_718_200.0,
        89_800.0,
        99.61,
    ),
    (
        "Pemeliharaan/Rehabilitasi Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya",
        7_500_000.0,
        7_417_500.0,
        82_500.0,
        98.90,
    ),
    (
        "Pelaksanaan Urusan Pemerintahan yang terkait dengan Nonperizinan",
        25_000_000.0,
        24_066_500.0,
        933_500.0,
        96.27,
    ),
    (
        "Fasilitasi Administrasi Tata Pemerintahan Desa",
        15_480_000.0,
        14_737_500.0,
        742_500.0,
        95.20,
    ),
    (
        "Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa",
        17_000_000.0,
        16_415_000.0,
        585_000.0,
        96.56,
    ),
    (
        "Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum",
        52_800_000.0,
        49_980_000.0,
        2_820_000.0,
        94.66,
    ),
    (
        "Fasilitasi Pelaksanaan Tugas, Fungsi, dan Kewajiban Lembaga Kemasyarakatan",
        122_542_710.0,
        118_308_000.0,
        4_234_710.0,
        96.54,
    ),
];
/// LRA JUMLAH.
const TOTAL: (f64, f64, f64, f64) = (2_902_352_710.0, 2_664_510_688.0, 237_842_022.0, 91.81);

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("expected a number, found {other:?}"),
    }
}

/// A fraction as the seed prints the percentage: 0.968571 → 96.86.
fn pct(fraction: f64) -> f64 {
    (fraction * 10_000.0).round() / 100.0
}

#[test]
fn xlsx_lra_sheet_matches_lampiran_iv_row_by_row() {
    let bytes = render(&sample(), Format::Xlsx, None);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Ringkasan",
            "Tabel 3.1",
            "Tabel 3.2",
            "Tabel 3.3",
            "Tabel 3.5",
            "Tabel 3.6",
            "E-81",
            "LRA",
            "Merah"
        ]
    );
    let lra = book.worksheet_range("LRA").unwrap();
    // Row 0 is the title, row 1 the header; the 24 sub kegiatan follow, then the total.
    let rows: Vec<_> = lra.rows().skip(2).collect();
    assert_eq!(rows.len(), 25);
    // In the seed's order: row i of the sheet is row i of Lampiran IV, numbered 1–24.
    for (i, (row, (nama, pagu, realisasi, sisa, persen))) in rows.iter().zip(LRA).enumerate() {
        assert_eq!(number(&row[0]), (i + 1) as f64);
        assert_eq!(row[2].to_string(), nama);
        assert_eq!(number(&row[3]), pagu, "{nama}");
        assert_eq!(number(&row[4]), realisasi, "{nama}");
        assert_eq!(number(&row[5]), sisa, "{nama}");
        assert_eq!(pct(number(&row[6])), persen, "{nama}");
    }
    let total = rows[24];
    assert_eq!(total[2].to_string(), "JUMLAH");
    assert_eq!(
        (
            number(&total[3]),
            number(&total[4]),
            number(&total[5]),
            pct(number(&total[6]))
        ),
        TOTAL
    );
}

#[test]
fn xlsx_numbers_are_numbers_in_every_sheet() {
    let bytes = render(&sample(), Format::Xlsx, None);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    // Tabel 3.1, IP ASN: target 75, realisasi 70,85, capaian 94,47 %.
    let t31 = book.worksheet_range("Tabel 3.1").unwrap();
    let ip_asn = t31.rows().find(|r| r[1] == "3.3").unwrap();
    assert_eq!(number(&ip_asn[5]), 75.0);
    assert_eq!(number(&ip_asn[6]), 70.85);
    assert_eq!(pct(number(&ip_asn[7])), 94.47);
    // E-81: no figure is stored as text (the title, the form's four header rows, then the
    // rows; the figures from column 5 to the predikat, the 27th column).
    let e81 = book.worksheet_range("E-81").unwrap();
    for row in e81.rows().skip(5) {
        for cell in row.iter().skip(4).take(22) {
            assert!(
                matches!(cell, Data::Float(_) | Data::Int(_) | Data::Empty),
                "{cell:?} in {row:?}"
            );
        }
    }
    // The E-81 row of kegiatan 7.01.06.2.01: TW II Rp 83.415.400 (the form's column 9 Rp:
    // No, Sasaran, node, indikator, 5–8 K/Rp before it = the 14th column).
    let keg = e81
        .rows()
        .find(|r| r[2].to_string().starts_with("[KEGIATAN] 7.01.06.2.01 "))
        .unwrap();
    assert_eq!(number(&keg[13]), 83_415_400.0);
}

#[test]
fn markdown_summary_fits_one_page_and_carries_the_totals() {
    let md = String::from_utf8(render(&sample(), Format::Md, None)).unwrap();
    let summary = md.split("\n## Tabel 3.1").next().unwrap();
    // One printed page: about 50 lines of 100 characters.
    assert!(
        summary.lines().count() <= 40,
        "{} lines",
        summary.lines().count()
    );
    assert!(summary.lines().all(|l| l.chars().count() <= 160));
    assert!(summary.contains("Rp 2.902.352.710"));
    assert!(summary.contains("Rp 2.664.510.688 (91,81 %)"));
    assert!(summary.contains("Rp 237.842.022"));
    assert!(summary.contains("| 7.01.01.2.05 | Indeks Profesionalitas ASN (IP ASN) Perangkat Daerah | 94,47 % | HANIN NOVERARENY P |"));
    // Then every table, the LRA with its total.
    for title in [
        "Tabel 3.1",
        "Tabel 3.2",
        "Tabel 3.3",
        "Tabel 3.5",
        "Tabel 3.6",
        "Formulir E-81",
        "Laporan Realisasi Anggaran",
        "Indikator merah",
    ] {
        assert!(md.contains(&format!("## {title}")), "{title}");
    }
    assert!(md.contains(
        "| **JUMLAH** | **2.902.352.710** | **2.664.510.688** | **237.842.022** | **91,81 %** |"
    ));
}

#[test]
fn html_is_self_contained_and_printable() {
    let html = String::from_utf8(render(&sample(), Format::Html, None)).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>") && html.contains("@page"));
    for outside in ["http://", "https://", "<script", "<link", "src="] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("<td class=\"n\">2.902.352.710</td><td class=\"n\">2.664.510.688</td>"));
    assert!(html.contains("91,81 %"));
}

#[test]
fn csv_tables_parse_with_plain_numbers() {
    let ws = sample();
    for key in kinerja::report::tables::TABLE_KEYS {
        let bytes = render(&ws, Format::Csv, Some(key));
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let width = reader.headers().unwrap().len();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert!(!rows.is_empty(), "{key}");
        assert!(rows.iter().all(|r| r.len() == width), "{key}");
    }
    let bytes = render(&ws, Format::Csv, Some("lra"));
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let total = reader.records().map(|r| r.unwrap()).last().unwrap();
    assert_eq!(&total[2], "JUMLAH");
    assert_eq!(
        (&total[3], &total[4], &total[5], &total[6]),
        ("2902352710", "2664510688", "237842022", "91.81")
    );
}

#[test]
fn json_snapshot_has_every_node_and_its_figures() {
    let ws = sample();
    let v: serde_json::Value = serde_json::from_slice(&render(&ws, Format::Json, None)).unwrap();
    assert_eq!(v["format"], "kinerja-snapshot/2");
    assert_eq!(v["triwulan"], 4);
    assert_eq!(v["nodes"].as_array().unwrap().len(), ws.nodes().count());
    assert_eq!(v["ringkasan"]["anggaran"]["pagu"], "2902352710");
    assert_eq!(v["ringkasan"]["anggaran"]["realisasi"], "2664510688");
    assert_eq!(v["ringkasan"]["anggaran"]["persen"], "91.81");
    assert_eq!(v["ringkasan"]["merah"], 2);
    let node = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kode"] == "7.01.02.2.04.02")
        .unwrap();
    assert_eq!(node["induk"], "7.01.02.2.04");
    let ind = &node["indikator"][0];
    assert_eq!(ind["realisasi_sd_triwulan"], "3162");
    assert_eq!(ind["capaian"], "632.40");
    assert_eq!(ind["predikat"], "sangat_tinggi");
    assert_eq!(node["anggaran"]["realisasi_triwulan"][3], "10697000");
    assert_eq!(node["anggaran"]["sisa"], "933500");
}

#[test]
fn a_quarter_other_than_the_current_one() {
    // At TW II the LRA total is what was spent in TW I and II: the E-81 program rows give
    // 332.490.816 + 934.878.434 + 4.852.500 + 4.977.000 + 34.686.100 + 83.415.400 = 1.395.300.250.
    let ws = sample();
    let bytes = export::render(&Request {
        ws: &ws,
        quarter: Quarter::II,
        lang: Lang::Id,
        format: Format::Csv,
        table: Some("lra"),
    })
    .unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let total = reader.records().map(|r| r.unwrap()).last().unwrap();
    assert_eq!(&total[4], "1395300250");
}

#[test]
fn unknown_table_is_refused_with_the_choices() {
    let ws = sample();
    let err = export::render(&Request {
        ws: &ws,
        quarter: Quarter::IV,
        lang: Lang::Id,
        format: Format::Csv,
        table: Some("lrb"),
    })
    .err()
    .unwrap();
    let msg = err.message(Lang::Id);
    assert!(
        msg.contains("«lrb»") && msg.contains("lra") && msg.contains("tabel-3-1"),
        "{msg}"
    );
}

#[test]
fn cli_writes_files_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let ws_path = dir.path().join("ws.json");
    std::fs::write(&ws_path, store::SAMPLE_JSON).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .current_dir(dir.path())
            .arg("-w")
            .arg(&ws_path)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["export"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    let name = said.trim().strip_prefix("Ditulis: ").unwrap();
    assert!(
        name.starts_with("kinerja-kecamatan-sooko-2023-tw4-") && name.ends_with(".xlsx"),
        "{name}"
    );
    assert!(dir.path().join(name).exists());

    let out = run(&["export", "--format", "csv", "-o", "tabel"]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_dir(dir.path().join("tabel")).unwrap().count(),
        kinerja::report::tables::TABLE_KEYS.len()
    );

    let out = run(&["export", "--format", "csv", "-o", "-"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["export", "--format", "md", "-o", "-", "--tw", "2"]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("keadaan s.d. TW II")
    );
}

/// The xlsx's own XML part `name` (calamine does not read page setup).
fn xlsx_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut part = zip.by_name(name).unwrap();
    let mut s = String::new();
    part.read_to_string(&mut s).unwrap();
    s
}

#[test]
fn xlsx_sheets_print_landscape_one_page_wide_with_title_rows_repeated() {
    let bytes = render(&sample(), Format::Xlsx, None);
    let workbook = xlsx_part(&bytes, "xl/workbook.xml");
    let keys = kinerja::report::tables::TABLE_KEYS;
    // Sheet 1 is the summary; the tables follow.
    for (i, key) in keys.iter().enumerate() {
        let i = i + 1;
        let sheet = xlsx_part(&bytes, &format!("xl/worksheets/sheet{}.xml", i + 1));
        // A4 (Excel's paper 9), landscape, scaled to one page wide and as long as it takes.
        for setting in [
            "paperSize=\"9\"",
            "orientation=\"landscape\"",
            "fitToHeight=\"0\"",
            "<pageSetUpPr fitToPage=\"1\"/>",
        ] {
            assert!(sheet.contains(setting), "{key}: {setting}");
        }
        // The title and the header (rows 1–2; the E-81's form header rows 2–5) repeat on
        // every printed page.
        let last = if *key == "e81" { 5 } else { 2 };
        let name = kinerja::export::words::sheet(key, Lang::Id);
        let titles = format!("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">");
        let at = workbook
            .find(&titles)
            .unwrap_or_else(|| panic!("{key}: no print titles"));
        // Excel quotes a sheet name with a space or a hyphen.
        let rest = &workbook[at + titles.len()..];
        assert!(
            rest.starts_with(&format!("'{name}'!$1:${last}<"))
                || rest.starts_with(&format!("{name}!$1:${last}<")),
            "{key}: {}",
            &rest[..40]
        );
    }
}

#[test]
fn json_whole_body_spends_by_quarter() {
    // The E-81's program rows, summed by hand (seed lines 600, 629, 632; line 600 carries
    // program 7.01.01's Rupiah, data-notes):
    // TW I   332.490.816 + 4.852.500 + 34.686.100 = 372.029.416
    // TW II  934.878.434 + 4.977.000 + 83.415.400 = 1.023.270.834
    // TW III 535.001.167 + 3.540.000 + 31.378.000 = 569.919.167
    // TW IV  638.633.271 + 10.697.000 + 49.961.000 = 699.291.271
    // (together 2.664.510.688, the LRA's total).
    let ws = sample();
    let v: serde_json::Value = serde_json::from_slice(&render(&ws, Format::Json, None)).unwrap();
    assert_eq!(
        v["ringkasan"]["anggaran"]["realisasi_triwulan"],
        serde_json::json!(["372029416", "1023270834", "569919167", "699291271"])
    );
    // As of TW II, the quarters after it are not yet spent.
    let bytes = export::render(&Request {
        ws: &ws,
        quarter: Quarter::II,
        lang: Lang::Id,
        format: Format::Json,
        table: None,
    })
    .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(
        v["ringkasan"]["anggaran"]["realisasi_triwulan"],
        serde_json::json!(["372029416", "1023270834", null, null])
    );
    assert_eq!(v["ringkasan"]["anggaran"]["realisasi"], "1395300250");
}

#[test]
fn json_names_the_officer_the_interface_shows() {
    // Lampiran V: Penyediaan Bahan Logistik Kantor is the Kasubag Umum's, through its kegiatan
    // 7.01.01.2.06; the sasaran fall to the Camat, who signs the PK (data-notes, "Officers").
    let ws = sample();
    let v: serde_json::Value = serde_json::from_slice(&render(&ws, Format::Json, None)).unwrap();
    let node = |kode: &str| {
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["kode"] == kode)
            .unwrap()
            .clone()
    };
    assert_eq!(node("7.01.01.2.06.04")["pejabat"], "HANIN NOVERARENY P");
    assert_eq!(node("SASARAN-1")["pejabat"], "MASLUCHMAN, S.H., M.Si");
    assert_eq!(node("7.01.06.2.01.11")["pejabat"], "WINARTO");
    // A node's officer is its indicators' wherever the indicator has none of its own: one
    // rule for both.
    for n in v["nodes"].as_array().unwrap() {
        let kode = n["kode"].as_str().unwrap();
        let model = ws.node(kode).unwrap();
        for (ind, json) in model
            .indikator
            .iter()
            .zip(n["indikator"].as_array().unwrap())
        {
            if ind.pejabat.is_none() {
                assert_eq!(json["pejabat"], n["pejabat"], "{kode}");
            }
        }
        assert!(
            !n["pejabat"].is_null(),
            "{kode}: every node has an officer above it"
        );
    }
}

#[test]
fn xlsx_e81_has_the_forms_header_over_its_rows() {
    let bytes = render(&sample(), Format::Xlsx, Some("e81"));
    let sheet = xlsx_part(&bytes, "xl/worksheets/sheet1.xml");
    // As the form lays it out (seed line 596–598): row 2 the titles, "Realisasi Kinerja …
    // pada Triwulan" over the eight columns of TW I–IV (K2:R2) with the quarters under it
    // (K3:L3 …); a pair's title over its two columns and both title rows (column 5: E2:F3);
    // No over two rows (A2:A3); row 4 the column numbers, 5 over its pair (E4:F4); row 5 K/Rp.
    for merge in [
        "A2:A3", "E2:F3", "G2:H3", "I2:J3", "K2:R2", "K3:L3", "Q3:R3", "E4:F4", "A4:A5",
    ] {
        assert!(
            sheet.contains(&format!("<mergeCell ref=\"{merge}\"/>")),
            "{merge}"
        );
    }
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let e81 = book.worksheet_range("E-81").unwrap();
    let rows: Vec<_> = e81.rows().collect();
    assert!(rows[1][4].to_string().starts_with("Target Renstra"));
    assert_eq!(rows[2][10].to_string(), "TW I");
    assert_eq!(number(&rows[3][4]), 5.0);
    assert_eq!(number(&rows[3][24]), 15.0);
    assert_eq!(
        (rows[4][4].to_string(), rows[4][5].to_string()),
        ("K".to_string(), "Rp".to_string())
    );
    // Frozen under the header: the first data row is the sixth.
    assert_eq!(rows[5][0].to_string(), "1");
}

#[test]
fn xlsx_opens_with_the_summary_sheet() {
    // Issue 15 item 12: the workbook opens with the one-page summary, as the Markdown and
    // HTML exports do; a single table asked for is alone.
    let bytes = render(&sample(), Format::Xlsx, None);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names()[0], "Ringkasan");
    let sheet = book.worksheet_range("Ringkasan").unwrap();
    let text = |r: usize, c: usize| match sheet.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    assert_eq!(text(0, 0), "Ringkasan Kinerja — Kecamatan Sooko 2023");
    let rows: Vec<(String, String)> = (0..sheet.height())
        .map(|r| (text(r, 0), text(r, 1)))
        .collect();
    let fact = |label: &str| {
        rows.iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("no {label}: {rows:?}"))
    };
    // Seed line 523: pagu Rp 2.902.352.710, realised Rp 2.664.510.688 (91,81 %), left
    // Rp 237.842.022.
    assert_eq!(fact("Pagu"), "Rp 2.902.352.710");
    assert!(fact("Realisasi").starts_with("Rp 2.664.510.688"));
    assert_eq!(fact("Sisa"), "Rp 237.842.022");
    // The programs in the Renja's order (7.01.01 first, as Tabel 3.5/3.6 and the E-81), with
    // the budget as real numbers: program 7.01.01's pagu is Rp 2.669.530.000 (seed lines 324
    // and 337, the PK and the Renja).
    let header = rows
        .iter()
        .position(|(l, v)| l == "Kode" && v == "Program")
        .expect("the programs' header");
    assert_eq!(text(header + 1, 0), "7.01.01");
    let pagu_col = (0..sheet.width())
        .find(|c| text(header, *c) == "Pagu (Rp)")
        .unwrap();
    assert_eq!(
        sheet.get((header + 1, pagu_col)),
        Some(&Data::Float(2_669_530_000.0))
    );
    // The red list: IP ASN is on it.
    assert!(
        rows.iter().any(|(_, v)| v.contains("Profesionalitas ASN")),
        "{rows:?}"
    );

    let one = render(&sample(), Format::Xlsx, Some("lra"));
    let book: Xlsx<_> = Xlsx::new(Cursor::new(one)).unwrap();
    assert_eq!(book.sheet_names(), ["LRA"]);
}
