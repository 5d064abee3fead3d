//! Import (issue 13) against the seed and the sample: kinerja's own exports come back
//! figure for figure; the seed's E-81, laid out as the regional system prints it, is refused
//! where it contradicts the workspace and imports every figure once those contradictions are
//! resolved as docs/data-notes.md resolves them; broken files are refused with the cell named
//! and the workspace untouched.

#[path = "support/aksara.rs"]
mod aksara;
#[path = "support/seed_e81.rs"]
mod seed_e81;

use seed_e81::{SEED_E81, resolved, seed_number, seed_rows};

use kinerja::export::{self, Format, Request};
use kinerja::import::{self, Options, ProblemKind};
use kinerja::locale::Lang;
use kinerja::model::{Field, Quarter, Workspace};
use kinerja::{report, rules, store};
use rust_decimal::Decimal;
use rust_decimal::dec;
use std::path::{Path, PathBuf};

fn sample() -> Workspace {
    store::parse(store::SAMPLE_JSON).unwrap()
}

/// The sample with every quarterly figure (realisation K and Rp) cleared.
fn cleared(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    fn go(nodes: &mut [kinerja::model::Node]) {
        for n in nodes {
            for i in &mut n.indikator {
                i.realisasi = [None; 4];
            }
            if let Some(b) = &mut n.anggaran {
                b.realisasi_rp = [None; 4];
            }
            go(&mut n.anak);
        }
    }
    go(&mut ws.pohon);
    ws
}

/// How many quarterly figures the sample holds (what `cleared` takes away).
fn quarterly_figures(ws: &Workspace) -> usize {
    ws.nodes()
        .map(|n| {
            n.indikator
                .iter()
                .map(|i| i.realisasi.iter().flatten().count())
                .sum::<usize>()
                + n.anggaran
                    .as_ref()
                    .map_or(0, |b| b.realisasi_rp.iter().flatten().count())
        })
        .sum()
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

/// A workspace file in a fresh folder.
fn workspace_file(ws: &Workspace) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kinerja.json");
    store::write_atomic(&path, store::to_json(ws).as_bytes()).unwrap();
    (dir, path)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Plans `file` against the workspace at `path` and commits it, as `kinerja import --apply`
/// will; returns the workspace now on disk.
fn import_into(path: &Path, file: &Path, opts: &Options) -> Workspace {
    let (mut base, stamp) = store::load_stamped(path).unwrap();
    let book = import::read(file, opts).unwrap();
    let plan = import::plan(&base, &book, opts);
    let problems: Vec<String> = plan.problems.iter().map(|p| p.message(Lang::En)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let ops = plan.ops().unwrap();
    store::commit_ops(path, &mut base, stamp, ops, "uji", store::LOCK_WAIT).unwrap();
    let on_disk = store::load(path).unwrap();
    assert_eq!(on_disk, base);
    on_disk
}

/// Every computed view of two workspaces is the same: summary, red list, every table, at
/// every quarter and in both languages.
fn assert_same_reports(a: &Workspace, b: &Workspace) {
    for q in Quarter::ALL {
        assert_eq!(
            report::summary(a, q),
            report::summary(b, q),
            "summary TW {q}"
        );
        assert_eq!(report::red_list(a, q), report::red_list(b, q), "red TW {q}");
        assert_eq!(
            report::tables::all_tables(a, q),
            report::tables::all_tables(b, q),
            "tables TW {q}"
        );
        for lang in [Lang::Id, Lang::En] {
            let words = |ws| {
                report::tables::all_tables(ws, q)
                    .into_iter()
                    .map(|t| kinerja::export::words::TextTable::new(t, lang))
                    .collect::<Vec<_>>()
            };
            assert_eq!(words(a), words(b), "tables TW {q} {lang:?}");
        }
    }
}

#[test]
fn the_exported_e81_and_lra_bring_every_cleared_figure_back() {
    let original = sample();
    let copy = cleared(&original);
    assert_ne!(
        report::summary(&copy, Quarter::IV),
        report::summary(&original, Quarter::IV)
    );
    let (dir, path) = workspace_file(&copy);
    let xlsx = write(
        dir.path(),
        "sooko.xlsx",
        &render(&original, Format::Xlsx, None),
    );

    let (base, _) = store::load_stamped(&path).unwrap();
    let book = import::read(&xlsx, &Options::default()).unwrap();
    let plan = import::plan(&base, &book, &Options::default());
    // The E-81 and LRA sheets are read; the other tables carry no typed figure.
    let read: Vec<(&str, Option<import::Layout>, bool)> = plan
        .sheets
        .iter()
        .map(|s| (s.name.as_str(), s.layout, s.kinerja))
        .collect();
    assert_eq!(
        read,
        vec![
            // The summary repeats the LRA's budgets: not read (they would count twice).
            ("Ringkasan", None, false),
            ("Tabel 3.1", None, false),
            ("Tabel 3.2", None, false),
            ("Tabel 3.3", None, false),
            ("Tabel 3.5", None, false),
            ("Tabel 3.6", None, false),
            ("E-81", Some(import::Layout::E81), true),
            ("LRA", Some(import::Layout::Lra), true),
            ("Merah", None, false),
        ]
    );
    // One change per figure cleared, each new.
    assert_eq!(plan.changes.len(), quarterly_figures(&original));
    assert!(plan.changes.iter().all(|c| c.op.old.is_none()));
    // The LRA's pagu and year figures and the E-81's targets are as the copy has them.
    assert!(!plan.unchanged.is_empty());
    // Parents' Rupiah were checked against their children, not stored.
    assert!(
        plan.verified
            .iter()
            .any(|v| v.kode == "7.01.01" && v.field == Field::Rp(Quarter::I))
    );

    let back = import_into(&path, &xlsx, &Options::default());
    assert_eq!(back, original, "the whole workspace, figure for figure");
    assert_same_reports(&back, &original);
    // The journal has one entry per figure.
    let (entries, _) = store::journal::read(&path).unwrap();
    assert_eq!(entries.len(), quarterly_figures(&original));
}

#[test]
fn the_exported_csv_files_bring_every_cleared_figure_back_in_either_language() {
    let original = sample();
    for lang in [Lang::Id, Lang::En] {
        let (dir, path) = workspace_file(&cleared(&original));
        let csv = |table| {
            export::render(&Request {
                ws: &original,
                quarter: Quarter::IV,
                lang,
                format: Format::Csv,
                table: Some(table),
            })
            .unwrap()
        };
        let e81 = write(dir.path(), "e81.csv", &csv("e81"));
        let lra = write(dir.path(), "lra.csv", &csv("lra"));
        import_into(&path, &lra, &Options::default());
        let back = import_into(&path, &e81, &Options::default());
        assert_eq!(back, original, "{lang:?}");
        assert_same_reports(&back, &original);
    }
}

#[test]
fn an_export_edited_in_excel_comes_back_as_those_edits_only() {
    let original = sample();
    let (dir, path) = workspace_file(&original);
    let csv = String::from_utf8(render(&original, Format::Csv, Some("e81"))).unwrap();
    let line = csv
        .lines()
        .find(|l| l.contains("] 7.01.02.2.04.02 "))
        .unwrap()
        .to_string();
    // Someone types TW III of Nonperizinan again: 1.235 → 1.300 layanan.
    let edited = csv.replace(&line, &line.replace(",1235,3540000,", ",1300,3540000,"));
    assert_ne!(edited, csv);
    let file = write(dir.path(), "e81.csv", edited.as_bytes());
    let back = import_into(&path, &file, &Options::default());
    let k = "7.01.02.2.04.02".to_string();
    assert_eq!(
        original.diff(&back),
        vec![kinerja::model::Op {
            kode: k.clone(),
            field: Field::Realisasi(0, Quarter::III),
            old: Some(dec!(1235)),
            new: Some(dec!(1300)),
        }]
    );

    // And its Rupiah, 3.540.000 → 3.600.000: the rows above (sasaran 1, program 7.01.02,
    // kegiatan 7.01.02.2.04) still give the old sums, which no longer add up.
    let (base, _) = store::load_stamped(&path).unwrap();
    let line = line.replace(",1235,", ",1300,");
    let edited = edited.replace(&line, &line.replace(",3540000,", ",3600000,"));
    let file = write(dir.path(), "e81.csv", edited.as_bytes());
    let plan = import::plan(
        &base,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    let cells: Vec<String> = plan
        .problems
        .iter()
        .map(|p| p.at.as_ref().unwrap().to_string())
        .collect();
    // Sasaran 1, program 7.01.02 and kegiatan 7.01.02.2.04: the three rows above.
    let row = e81_row(NONPERIZINAN);
    assert_eq!(
        cells,
        [3, 2, 1].map(|above| format!("e81!P{}", row - above))
    );
    assert!(matches!(
        &plan.problems[1].kind,
        ProblemKind::ParentBudget { kode, file, children: Some(c), .. }
            if kode == "7.01.02" && *file == dec!(3540000) && *c == dec!(3600000)
    ));
    assert!(plan.ops().is_err(), "no half import");
    // With the parents' TW III Rupiah left empty, it is one change.
    let emptied = edited
        .replace(",3540000,", ",,")
        .replace(",34918000,", ",,");
    let file = write(dir.path(), "e81.csv", emptied.as_bytes());
    let again = import_into(&path, &file, &Options::default());
    assert_eq!(
        back.diff(&again),
        vec![kinerja::model::Op {
            kode: k,
            field: Field::Rp(Quarter::III),
            old: Some(dec!(3540000)),
            new: Some(dec!(3600000)),
        }]
    );
}

/// The spreadsheet row (1-based) of a seed line in the workbook.
fn row_of(line: u32) -> usize {
    let i = SEED_E81.iter().position(|(l, _)| *l == line).unwrap();
    aksara::FIRST_DATA_ROW as usize + i + 1
}

fn seed_e81(rows: &[(u32, Vec<String>)], year: &str) -> Vec<u8> {
    let rows: Vec<Vec<String>> = rows.iter().map(|(_, r)| r.clone()).collect();
    aksara::workbook(year, &rows)
}

/// Where each resolved row goes in the sample: node, indicator, whether the node keeps its own
/// budget (a sub kegiatan) or its budget is its children's sum, and, for the `terakhir`
/// indicators whose zeros mean "not measured" (docs/import.md), the quarters as read.
struct Target {
    line: u32,
    kode: &'static str,
    indikator: usize,
    own_budget: bool,
    quarters: Option<[Option<Decimal>; 4]>,
}

fn targets() -> Vec<Target> {
    let t = |line, kode, indikator, own_budget| Target {
        line,
        kode,
        indikator,
        own_budget,
        quarters: None,
    };
    let at_iv = |v: Decimal| Some([None, None, None, Some(v)]);
    vec![
        t(599, "SASARAN-2", 0, false),
        // Nilai SAKIP: 0 / 0.00 / 82.19 / 0, year 82.19.
        Target {
            quarters: Some([None, None, Some(dec!(82.19)), None]),
            ..t(600, "7.01.01", 0, false)
        },
        Target {
            quarters: at_iv(dec!(100)),
            ..t(601, "7.01.01.2.01", 0, false)
        },
        t(602, "7.01.01.2.01.01", 0, true),
        t(603, "7.01.01.2.01.02", 0, true),
        t(604, "7.01.01.2.01.03", 0, true),
        t(605, "7.01.01.2.01.04", 0, true),
        t(606, "7.01.01.2.01.05", 0, true),
        t(607, "7.01.01.2.01.07", 0, true),
        t(609, "7.01.01.2.02", 0, false),
        Target {
            quarters: at_iv(dec!(21)),
            ..t(610, "7.01.01.2.02.01", 0, true)
        },
        Target {
            quarters: at_iv(dec!(70.85)),
            ..t(611, "7.01.01.2.05", 0, false)
        },
        t(612, "7.01.01.2.05.09", 0, true),
        Target {
            quarters: at_iv(dec!(98)),
            ..t(613, "7.01.01.2.06", 0, false)
        },
        t(614, "7.01.01.2.06.01", 0, true),
        t(615, "7.01.01.2.06.02", 0, true),
        t(616, "7.01.01.2.06.04", 0, true),
        t(617, "7.01.01.2.06.05", 0, true),
        t(618, "7.01.01.2.06.07", 0, true),
        t(619, "7.01.01.2.06.09", 0, true),
        t(620, "7.01.01.2.08", 0, false),
        t(621, "7.01.01.2.08.02", 0, true),
        t(622, "7.01.01.2.08.04", 0, true),
        Target {
            quarters: at_iv(dec!(98.70)),
            ..t(623, "7.01.01.2.09", 0, false)
        },
        t(624, "7.01.01.2.09.01", 0, true),
        t(625, "7.01.01.2.09.09", 0, true),
        t(626, "7.01.01.2.09.10", 0, true),
        t(628, "SASARAN-1", 0, false),
        // 93 / 85 / 247 / 0 with a year of 425: the zero follows no year's value; kept.
        t(629, "7.01.02", 0, false),
        t(630, "7.01.02.2.04", 0, false),
        t(631, "7.01.02.2.04.02", 0, true),
        t(632, "7.01.06", 0, false),
        t(633, "7.01.06.2.01", 0, false),
        t(634, "7.01.06.2.01.02", 0, true),
        t(635, "7.01.06.2.01.09", 0, true),
        t(636, "7.01.06.2.01.11", 0, true),
        t(637, "7.01.06.2.01.12", 0, true),
    ]
}

#[test]
fn the_seeds_e81_resolved_imports_every_figure_into_a_cleared_workspace() {
    let copy = cleared(&sample());
    let (dir, path) = workspace_file(&copy);
    let rows = resolved();
    let file = write(dir.path(), "e81-aksara.xlsx", &seed_e81(&rows, "2023"));
    let got = import_into(&path, &file, &Options::default());

    // What the seed says, figure by figure, written into the cleared copy by hand.
    let mut want = copy.clone();
    let targets = targets();
    assert_eq!(targets.len(), rows.len());
    for (t, (line, cells)) in targets.iter().zip(&rows) {
        assert_eq!(t.line, *line);
        let cell = |c: usize| seed_number(cells.get(c).map_or("", String::as_str));
        let i = t.indikator;
        if let Some(v) = cell(8) {
            assert!(want.set_figure(t.kode, Field::Target(i), Some(v)));
        }
        for q in Quarter::ALL {
            let k = match t.quarters {
                Some(qs) => qs[q.index()],
                None => cell(10 + 2 * q.index()),
            };
            if k.is_some() {
                assert!(want.set_figure(t.kode, Field::Realisasi(i, q), k), "{line}");
            }
            let rp = cell(11 + 2 * q.index());
            if t.own_budget {
                assert!(want.set_figure(t.kode, Field::Rp(q), rp), "{line}");
            } else if let Some(rp) = rp {
                // A parent's Rupiah: what its children now add up to.
                let node = got.node(t.kode).unwrap();
                assert_eq!(rules::spent_in_quarter(node, q), Some(rp), "{line} TW {q}");
            }
        }
        if t.own_budget {
            assert!(want.set_figure(t.kode, Field::Pagu, cell(9)));
        }
    }
    assert_eq!(
        got, want,
        "every figure as the seed's E-81 gives it, nothing else"
    );
    // Figures the E-81 changes from the sample: the targets of Nilai SAKIP (81 → 79,56) and
    // IKM (81 → 82), and the E-81's own TW III and IV for program 7.01.02.
    let sample = sample();
    assert_eq!(
        want.figure("7.01.01", Field::Target(0)),
        Some(Some(dec!(79.56)))
    );
    assert_eq!(
        sample.figure("SASARAN-1", Field::Target(0)),
        Some(Some(dec!(81)))
    );
    assert_eq!(
        want.figure("SASARAN-1", Field::Target(0)),
        Some(Some(dec!(82)))
    );
    assert_eq!(
        want.figure("7.01.02", Field::Realisasi(0, Quarter::III)),
        Some(Some(dec!(247)))
    );
    assert_eq!(
        want.figure("7.01.02", Field::Realisasi(0, Quarter::IV)),
        Some(Some(dec!(0)))
    );
    // Every other quarterly figure is the sample's, but for the two the E-81 has no row of
    // (IKM's 91,19 from the survey and Jumlah inovasi's 2, both from Tabel 3.1), which stay
    // cleared.
    assert_eq!(
        got.node("SASARAN-1").unwrap().indikator[0].realisasi,
        [None; 4]
    );
    assert_eq!(
        got.node("7.01.01").unwrap().indikator[1].realisasi,
        [None; 4]
    );
    let elsewhere = [("SASARAN-1", 0), ("7.01.01", 1), ("7.01.02", 0)];
    for n in sample.nodes() {
        let g = got.node(&n.kode).unwrap();
        for (i, ind) in n.indikator.iter().enumerate() {
            if !elsewhere.contains(&(n.kode.as_str(), i))
                && ind.realisasi.iter().any(Option::is_some)
            {
                assert_eq!(g.indikator[i].realisasi, ind.realisasi, "{} {i}", n.kode);
            }
        }
        if let (Some(a), Some(b)) = (&n.anggaran, &g.anggaran) {
            assert_eq!(a.realisasi_rp, b.realisasi_rp, "{}", n.kode);
            assert_eq!(a.pagu, b.pagu, "{}", n.kode);
        }
    }
}

#[test]
fn the_seeds_e81_as_printed_is_refused_where_it_contradicts_the_workspace() {
    let copy = cleared(&sample());
    let (dir, path) = workspace_file(&copy);
    let before = std::fs::read(&path).unwrap();
    let file = write(
        dir.path(),
        "e81-aksara.xlsx",
        &seed_e81(&seed_rows(), "2023"),
    );
    let (base, _) = store::load_stamped(&path).unwrap();
    let plan = import::plan(
        &base,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    let at = |col: &str, line: u32| format!("'E-81'!{col}{}", row_of(line));
    let mut want = vec![
        // 600: the program's indicator under a kegiatan's code; its target is text; its
        // Rupiah, one column to the right, disagree with the kegiatan's sub kegiatan.
        at("D", 600),
        at("I", 600),
        at("L", 600),
        at("N", 600),
        at("P", 600),
        at("R", 600),
        // 601: the kegiatan's indicator under a sub kegiatan's code.
        at("D", 601),
        // 602: Penyusunan Dokumen Perencanaan under the code of RKA-SKPD, whose own row
        // (603) then gives that node's pagu and Rupiah again, differently.
        at("D", 602),
        at("J", 603),
        at("L", 603),
        at("N", 603),
        at("P", 603),
        at("R", 603),
        // Names the sample words differently (data-notes).
        at("D", 611),
        at("D", 628),
        at("D", 629),
        at("D", 632),
        at("D", 637),
    ];
    let mut got: Vec<String> = plan
        .problems
        .iter()
        .map(|p| p.at.as_ref().map(|a| a.to_string()).unwrap_or_default())
        .collect();
    let messages: Vec<String> = plan.problems.iter().map(|p| p.message(Lang::En)).collect();
    want.sort();
    got.sort();
    assert_eq!(got, want, "{}", messages.join("\n"));
    assert!(plan.ops().is_err());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the workspace is untouched"
    );
}

/// Seed lines 1057–1092 (Lampiran IV, the LRA of December 2023) as Excel on an Indonesian
/// Windows saves it: `;` between fields. The report's bold marks (`**`, `<b>`) are left out.
const SEED_LRA: &str = "\
LAPORAN REALISASI ANGGARAN (LRA)\n\
Tahun 2023\n\
LAPORAN PELAKSANAAN SUB KEGIATAN TAHUN ANGGARAN 2023\n\
BULAN : DESEMBER 2023\n\
NO;OPD/KEGIATAN;ANGGARAN;KONTRAK;REALISASI (Rp.);;;SISA;PELAKSANA;PRESENTASE (%);KET.;\n\
;;(Rp);(Rp.);S/D BLN LALU;BLN INI;S/D BLN INI;(Rp.);;;;\n\
1;2;3;4;5;6;7;8;9;10;11;12\n\
I;KECAMATAN SOOKO;;;;;;;;;;\n\
1;Penyusunan Dokumen Perencanaan Perangkat Daerah;3.500.000,00;0,00;2.552.000,00;838.000,00;3.390.000,00;110.000,00;;96,86%;100,00%;\n\
2;Koordinasi dan Penyusunan Dokumen RKA-SKPD;1.000.000,00;0,00;0,00;920.000,00;920.000,00;80.000,00;;92,00%;100,00%;\n\
3;Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD;1.000.000,00;0,00;1.000.000,00;0,00;1.000.000,00;0,00;;100,00%;100,00%;\n\
4;Koordinasi dan Penyusunan DPA-SKPD;1.000.000,00;0,00;0,00;920.000,00;920.000,00;80.000,00;;92,00%;100,00%;\n\
5;Koordinasi dan Penyusunan Perubahan DPA- SKPD;1.000.000,00;0,00;0,00;920.000,00;920.000,00;80.000,00;;92,00%;100,00%;\n\
6;Evaluasi Kinerja Perangkat Daerah;7.500.000,00;0,00;7.110.300,00;100.000,00;7.210.300,00;289.700,00;;96,14%;100,00%;\n\
7;Penyediaan Gaji dan Tunjangan ASN;2.432.407.000,00;0,00;1.984.990.892,00;226.143.141,00;2.211.134.033,00;221.272.967,00;;90,90%;100,00%;\n\
8;Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi;15.000.000,00;0,00;15.000.000,00;0,00;15.000.000,00;0,00;;100,00%;100,00%;\n\
9;Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor;7.500.000,00;0,00;5.404.100,00;2.087.500,00;7.491.600,00;8.400,00;;99,89%;100,00%;\n\
10;Penyediaan Peralatan dan Perlengkapan Kantor;20.000.000,00;0,00;19.763.000,00;0,00;19.763.000,00;237.000,00;;98,82%;100,00%;\n\
11;Penyediaan Bahan Logistik Kantor;27.465.000,00;0,00;22.330.500,00;4.154.000,00;26.484.500,00;980.500,00;;96,43%;100,00%;\n\
12;Penyediaan Barang Cetakan dan Penggandaan;5.000.000,00;0,00;3.897.000,00;606.000,00;4.503.000,00;497.000,00;;90,06%;100,00%;\n\
13;Penyediaan Bahan/Material;10.000.000,00;0,00;8.126.750,00;1.760.000,00;9.886.750,00;113.250,00;;98,87%;100,00%;\n\
14;Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD;8.000.000,00;0,00;7.300.000,00;700.000,00;8.000.000,00;0,00;;100,00%;100,00%;\n\
15;Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik;45.350.000,00;0,00;33.971.623,00;7.491.512,00;41.463.135,00;3.886.865,00;;91,43%;100,00%;\n\
16;Penyediaan Jasa Pelayanan Umum Kantor;27.000.000,00;0,00;22.340.800,00;4.468.160,00;26.808.960,00;191.040,00;;99,29%;100,00%;\n\
17;Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan;26.500.000,00;0,00;21.470.410,00;4.502.300,00;25.972.710,00;527.290,00;;98,01%;100,00%;\n\
18;Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya;22.808.000,00;0,00;6.180.700,00;16.537.500,00;22.718.200,00;89.800,00;;99,61%;100,00%;\n\
19;Pemeliharaan/Rehabilitasi Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya;7.500.000,00;0,00;5.967.500,00;1.450.000,00;7.417.500,00;82.500,00;;98,90%;100,00%;\n\
20;Pelaksanaan Urusan Pemerintahan yang terkait dengan Nonperizinan;25.000.000,00;0,00;20.706.500,00;3.360.000,00;24.066.500,00;933.500,00;;96,27%;100,00%;\n\
21;Fasilitasi Administrasi Tata Pemerintahan Desa;15.480.000,00;0,00;13.341.000,00;1.396.500,00;14.737.500,00;742.500,00;;95,20%;100,00%;\n\
22;Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa;17.000.000,00;0,00;15.537.500,00;877.500,00;16.415.000,00;585.000,00;;96,56%;100,00%;\n\
23;Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum;52.800.000,00;0,00;39.920.000,00;10.060.000,00;49.980.000,00;2.820.000,00;;94,66%;100,00%;\n\
24;Fasilitasi Pelaksanaan Tugas, Fungsi, dan Kewajiban Lembaga Kemasyarakatan;122.542.710,00;0,00;100.968.000,00;17.340.000,00;118.308.000,00;4.234.710,00;;96,54%;100,00%;\n\
JUMLAH;;2.902.352.710,00;0,00;2.357.878.575,00;306.632.113,00;2.664.510.688,00;237.842.022,00;;91,81%;;\n\
";

#[test]
fn the_seeds_lra_with_semicolons_and_indonesian_numbers_brings_pagu_and_spending_back() {
    // The sample's sub kegiatan with their pagu and the year's spending taken away.
    let original = sample();
    let mut copy = original.clone();
    let leaves: Vec<String> = original
        .nodes()
        .filter(|n| n.anggaran.is_some() && n.anak.is_empty())
        .map(|n| n.kode.clone())
        .collect();
    assert_eq!(leaves.len(), 24, "the LRA's 24 sub kegiatan");
    for k in &leaves {
        copy.set_figure(k, Field::Pagu, None);
        copy.set_figure(k, Field::RealisasiTahun, None);
    }
    let (dir, path) = workspace_file(&copy);
    let file = write(dir.path(), "lra-desember.csv", SEED_LRA.as_bytes());
    let (base, _) = store::load_stamped(&path).unwrap();
    let plan = import::plan(
        &base,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    assert_eq!(plan.sheets[0].layout, Some(import::Layout::Lra));
    // Matched by uraian (the LRA has no codes): 24 pagu and 24 year figures.
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert_eq!(plan.changes.len(), 48);
    // "BULAN : DESEMBER" is the year's end: the realisation is the year's figure.
    assert!(plan.notes.iter().any(|n| matches!(
        n.kind,
        import::NoteKind::LraRealisation { to_date } if to_date == Quarter::IV
    )));
    let back = import_into(&path, &file, &Options::default());
    assert_eq!(back, original);
    // Row 5 of the LRA writes "DPA- SKPD": the name still matches.
    assert_eq!(
        back.figure("7.01.01.2.01.05", Field::RealisasiTahun),
        Some(Some(dec!(920000)))
    );
}

#[test]
fn an_lra_to_the_end_of_june_gives_the_second_quarters_spending() {
    // Nonperizinan spent 4.852.500 in TW I and 4.977.000 in TW II (seed line 631): to the
    // end of June, 9.829.500.
    let mut ws = sample();
    let k = "7.01.02.2.04.02";
    ws.set_figure(k, Field::Rp(Quarter::II), None);
    let (dir, path) = workspace_file(&ws);
    let lra = |month: &str, to_date: &str| {
        format!(
            "Laporan Realisasi Anggaran Tahun 2023\nBulan: {month} 2023\nKode;Uraian;Pagu;Realisasi s.d. bulan ini\n{k};Nonperizinan;25.000.000;{to_date}\n"
        )
    };
    let file = write(dir.path(), "lra.csv", lra("Juni", "9.829.500").as_bytes());
    let back = import_into(&path, &file, &Options::default());
    assert_eq!(
        back.figure(k, Field::Rp(Quarter::II)),
        Some(Some(dec!(4977000)))
    );
    assert_eq!(back, sample());

    // May ends no quarter: say which with --tw.
    let file = write(dir.path(), "lra.csv", lra("Mei", "9.000.000").as_bytes());
    let (base, _) = store::load_stamped(&path).unwrap();
    let book = import::read(&file, &Options::default()).unwrap();
    let plan = import::plan(&base, &book, &Options::default());
    assert_eq!(plan.problems.len(), 1);
    assert_eq!(plan.problems[0].at.as_ref().unwrap().to_string(), "lra!A2");
    assert!(matches!(
        plan.problems[0].kind,
        ProblemKind::NotQuarterEnd { .. }
    ));

    // To the end of September with TW III's figure missing below: TW IV... asked with --tw 4
    // is the year; with TW II cleared, TW III cannot be told.
    let mut gap = sample();
    gap.set_figure(k, Field::Rp(Quarter::II), None);
    gap.set_figure(k, Field::Rp(Quarter::III), None);
    let (dir2, path2) = workspace_file(&gap);
    let file = write(
        dir2.path(),
        "lra.csv",
        lra("September", "13.369.500").as_bytes(),
    );
    let (base, _) = store::load_stamped(&path2).unwrap();
    let plan = import::plan(
        &base,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    assert!(matches!(
        plan.problems[0].kind,
        ProblemKind::EarlierQuarterMissing { missing, .. } if missing == Quarter::II
    ));
    // Less than already spent before: refused.
    let file = write(
        dir.path(),
        "lra.csv",
        lra("September", "1.000.000").as_bytes(),
    );
    let (base, _) = store::load_stamped(&path).unwrap();
    let plan = import::plan(
        &base,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    assert!(matches!(
        plan.problems[0].kind,
        ProblemKind::ToDateBelowEarlier { .. }
    ));
}

/// Plans `bytes` (written as `name`) against the sample on disk; asserts the plan is refused
/// with problems at exactly `cells`, and that the workspace's folder is as it was.
fn refused(name: &str, bytes: &[u8], cells: &[&str]) -> import::Plan {
    let (dir, path) = workspace_file(&sample());
    let snapshot = |d: &Path| {
        let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
            .collect();
        files.sort();
        files
    };
    let file = write(dir.path(), name, bytes);
    let before = snapshot(dir.path());
    let (base, _) = store::load_stamped(&path).unwrap();
    let plan = import::plan(
        &base,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    let got: Vec<String> = plan
        .problems
        .iter()
        .map(|p| p.at.as_ref().map(|a| a.to_string()).unwrap_or_default())
        .collect();
    let messages: Vec<String> = plan.problems.iter().map(|p| p.message(Lang::Id)).collect();
    assert_eq!(got, cells, "{}", messages.join("\n"));
    // Each message names its cell first.
    for (m, c) in messages.iter().zip(cells) {
        assert!(m.starts_with(c), "{m}");
    }
    let err = plan.ops().unwrap_err();
    assert_eq!(err.problems, cells.len());
    assert_eq!(snapshot(dir.path()), before, "nothing written");
    plan
}

/// The sample's E-81 as `kinerja export --format csv` writes it, with `edit` applied to the
/// row of `kode`.
fn exported_e81(edit: impl Fn(&str) -> String, kode: &str) -> String {
    let csv = String::from_utf8(render(&sample(), Format::Csv, Some("e81"))).unwrap();
    csv.lines()
        .map(|l| {
            if l.contains(&format!("] {kode} ")) {
                edit(l)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const NONPERIZINAN: &str = "7.01.02.2.04.02";

/// The cell in `column` of Nonperizinan's row in the exported E-81 (`e81!K33`): the row is
/// found in the export's text, so the tests follow the table's order (the Renja's).
fn nonperizinan(column: &str) -> String {
    format!("e81!{column}{}", e81_row(NONPERIZINAN))
}

/// The 1-based row of `kode` in the sample's E-81 as exported to CSV (the header is row 1).
fn e81_row(kode: &str) -> usize {
    let csv = String::from_utf8(render(&sample(), Format::Csv, Some("e81"))).unwrap();
    1 + csv
        .lines()
        .position(|l| l.contains(&format!("] {kode} ")))
        .unwrap()
}

#[test]
fn text_in_a_number_cell_is_refused_at_its_cell() {
    // Column K of Nonperizinan's row: its TW I K (the full form: No, Sasaran, node, indikator,
    // then the K/Rp pairs of columns 5, 6 and 7 before TW I).
    let csv = exported_e81(|l| l.replace(",462,", ",empat ratus,"), NONPERIZINAN);
    let plan = refused("e81.csv", csv.as_bytes(), &[&nonperizinan("K")]);
    assert!(matches!(
        &plan.problems[0].kind,
        ProblemKind::BadNumber(import::BadNumber::NotANumber(t)) if t == "empat ratus"
    ));
}

#[test]
fn an_unknown_kode_is_refused_and_kept_for_create() {
    let csv = exported_e81(
        |l| l.replacen(NONPERIZINAN, "7.01.02.2.04.99", 1),
        NONPERIZINAN,
    );
    let plan = refused("e81.csv", csv.as_bytes(), &[&nonperizinan("C")]);
    assert!(matches!(
        &plan.problems[0].kind,
        ProblemKind::UnknownNode { kode: Some(k), .. } if k == "7.01.02.2.04.99"
    ));
    // What --create will need: the node, its level, its parent, its indicator and unit.
    let m = &plan.missing.nodes[0];
    assert_eq!(m.kode.as_deref(), Some("7.01.02.2.04.99"));
    assert_eq!(m.jenis, Some(kinerja::model::NodeKind::SubKegiatan));
    assert_eq!(
        m.nama,
        "Pelaksanaan Urusan Pemerintahan yang terkait dengan Nonperizinan"
    );
    assert_eq!(m.parent.as_deref(), Some("7.01.02.2.04"));
    assert_eq!(m.indikator.len(), 1);
    assert_eq!(
        m.indikator[0].nama,
        "Jumlah Laporan Pelaksanaan Nonperizinan pada Urusan Pemerintahan"
    );
    assert_eq!(m.indikator[0].satuan, "pelayanan");
}

#[test]
fn a_duplicate_row_with_another_value_is_refused() {
    let csv = exported_e81(|l| l.to_string(), NONPERIZINAN);
    let row = csv
        .lines()
        .nth(e81_row(NONPERIZINAN) - 1)
        .unwrap()
        .to_string();
    assert!(row.contains(&format!("] {NONPERIZINAN} ")));
    // The same row again at the end, with TW I typed as 500 instead of 462.
    let again = row.replace(",462,", ",500,");
    let csv = format!("{csv}\n{again}\n");
    let last = csv.lines().count();
    let plan = refused("e81.csv", csv.as_bytes(), &[&format!("e81!K{last}")]);
    assert!(matches!(
        &plan.problems[0].kind,
        ProblemKind::Duplicate { first, first_value, value, .. }
            if first.to_string() == nonperizinan("K") && *first_value == dec!(462) && *value == dec!(500)
    ));
    // The same row twice with the same figures is no problem.
    let (dir, path) = workspace_file(&sample());
    let file = write(
        dir.path(),
        "e81.csv",
        format!("{}\n{row}\n", exported_e81(|l| l.to_string(), NONPERIZINAN)).as_bytes(),
    );
    let (base, _) = store::load_stamped(&path).unwrap();
    let plan = import::plan(
        &base,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    assert!(plan.problems.is_empty());
    assert!(plan.changes.is_empty());
}

/// The exported E-81 CSV as an .xlsx sheet "E-81" (numbers as number cells), with `cell`
/// (0-based row, column) written as a formula whose cached result is `#REF!`.
fn e81_xlsx_with_ref_error(cell: (u32, u16)) -> Vec<u8> {
    let csv = exported_e81(|l| l.to_string(), NONPERIZINAN);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("E-81").unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    for (r, rec) in reader.records().enumerate() {
        for (c, field) in rec.unwrap().iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if (r, c) == cell {
                sheet
                    .write_formula(
                        r,
                        c,
                        rust_xlsxwriter::Formula::new("=#REF!*2").set_result("#REF!"),
                    )
                    .unwrap();
            } else if let Ok(n) = field.parse::<f64>() {
                sheet.write_number(r, c, n).unwrap();
            } else if !field.is_empty() {
                sheet.write_string(r, c, field).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_ref_error_is_refused_at_its_cell() {
    // Nonperizinan's TW II Rupiah (row 5, column J).
    let bytes = e81_xlsx_with_ref_error((4, 9));
    let plan = refused("e81.xlsx", &bytes, &["'E-81'!J5"]);
    assert!(matches!(
        &plan.problems[0].kind,
        ProblemKind::BadNumber(import::BadNumber::ErrorValue(t)) if t == "#REF!"
    ));
}

#[test]
fn a_sheet_in_no_known_layout_is_refused() {
    let csv = "Nama;Alamat;Telepon\nBudi;Jl. Raya Sooko 1;0321-123\n";
    let plan = refused("tamu.csv", csv.as_bytes(), &["tamu!A1"]);
    assert!(matches!(
        &plan.problems[0].kind,
        ProblemKind::UnknownLayout { sheet } if sheet == "tamu"
    ));
}

#[test]
fn a_sheet_for_another_year_is_refused() {
    let bytes = seed_e81(&resolved(), "2022");
    let plan = refused("e81.xlsx", &bytes, &["'E-81'!A4"]);
    assert_eq!(
        plan.problems[0].kind,
        ProblemKind::WrongYear {
            found: 2022,
            expected: 2023
        }
    );
}

#[test]
fn the_template_is_written_for_the_workspace_and_reads_back_as_nothing_to_do() {
    let ws = sample();
    let bytes = import::template(&ws, Lang::Id).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "templat.xlsx", &bytes);
    let book = import::read(&file, &Options::default()).unwrap();
    // One row per indicator target and quarter (38 × 5), per sub kegiatan pagu and quarter
    // (24 × 5), under a title and the header.
    let sheet = &book.sheets[0];
    assert_eq!(sheet.height(), 2 + 38 * 5 + 24 * 5);
    let header: Vec<String> = (0..8).map(|c| sheet.cell(1, c).shown()).collect();
    assert_eq!(header, import::TEMPLATE_COLUMNS);
    let plan = import::plan(&ws, &book, &Options::default());
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert!(plan.changes.is_empty() && plan.unchanged.is_empty());
    assert_eq!(plan.sheets[0].layout, Some(import::Layout::Template));
    assert!(plan.notes.iter().any(|n| matches!(
        &n.kind,
        import::NoteKind::SkippedSheet { sheet } if sheet == "Petunjuk"
    )));
}

#[test]
fn a_filled_template_sets_any_figure() {
    let ws = sample();
    let (dir, path) = workspace_file(&ws);
    // `1.300` alone could be 1,3 or 1 300; the file's `Rp 3.600.000` and `79,5` say it writes
    // the Indonesian way. The indicator is named, or numbered.
    let csv = "\
kode;indikator;field;tw;tahun;value;catatan
7.01.02.2.04.02;Jumlah Laporan Pelaksanaan Nonperizinan pada Urusan Pemerintahan;realisasi;3;;1.300;diketik ulang
7.01.02.2.04.02;;rp;III;;Rp 3.600.000;
SASARAN-1;1;renstra_target;;2027;86;
7.01.01;Nilai SAKIP Perangkat Daerah;riwayat;;2021;79,5;
7.01.01.2.05;1;target_pk_perubahan;;;73;
7.01.01.2.05;1;target;;;;kosong: tidak berubah
";
    let file = write(dir.path(), "isian.csv", csv.as_bytes());
    let back = import_into(&path, &file, &Options::default());
    let k = NONPERIZINAN;
    assert_eq!(
        back.figure(k, Field::Realisasi(0, Quarter::III)),
        Some(Some(dec!(1300)))
    );
    assert_eq!(
        back.figure(k, Field::Rp(Quarter::III)),
        Some(Some(dec!(3600000)))
    );
    assert_eq!(
        back.figure("SASARAN-1", Field::RenstraTarget(0, 2027)),
        Some(Some(dec!(86)))
    );
    assert_eq!(
        back.figure("7.01.01", Field::Riwayat(0, 2021)),
        Some(Some(dec!(79.5)))
    );
    // Four figures changed; PK perubahan 73 was already there; the empty value changed nothing.
    assert_eq!(ws.diff(&back).len(), 4);

    // A file that does not say which mark it uses: `1.300` is refused as ambiguous.
    let csv = "kode;indikator;field;tw;value\n7.01.02.2.04.02;1;realisasi;3;1.300\n";
    let plan = refused("isian.csv", csv.as_bytes(), &["isian!E2"]);
    assert!(matches!(
        plan.problems[0].kind,
        ProblemKind::BadNumber(import::BadNumber::Ambiguous(_))
    ));
    // An unknown field and a quarter 5.
    let csv = "kode;indikator;field;tw;value\n7.01.02;1;realisai;1;5\n7.01.02;1;realisasi;5;5\n";
    refused("isian.csv", csv.as_bytes(), &["isian!C2", "isian!D3"]);
}

#[test]
fn tw_leaves_later_quarters_out() {
    let original = sample();
    let (dir, path) = workspace_file(&cleared(&original));
    let e81 = write(
        dir.path(),
        "e81.csv",
        &render(&original, Format::Csv, Some("e81")),
    );
    let opts = Options {
        tw: Some(Quarter::II),
        ..Options::default()
    };
    // Parents' TW III and IV Rupiah are checked against children that stay empty there.
    let (base, _) = store::load_stamped(&path).unwrap();
    let plan = import::plan(&base, &import::read(&e81, &opts).unwrap(), &opts);
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert!(plan.changes.iter().all(|c| match c.op.field {
        Field::Realisasi(_, q) | Field::Rp(q) => q <= Quarter::II,
        _ => false,
    }));
    let back = import_into(&path, &e81, &opts);
    for n in back.nodes() {
        for i in &n.indikator {
            assert_eq!(i.realisasi[2..], [None, None]);
        }
    }
    assert_eq!(
        back.figure(NONPERIZINAN, Field::Rp(Quarter::II)),
        Some(Some(dec!(4977000)))
    );
}

#[test]
fn columns_in_another_order_among_extra_columns_read_the_same() {
    // The exported E-81 with its columns reversed, a "Keterangan" and a "Penanggung Jawab"
    // column put in, and two title rows above: the same figures come back.
    let original = sample();
    let csv = String::from_utf8(render(&original, Format::Csv, Some("e81"))).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    out.write_record(["Formulir E-81 Kecamatan Sooko"]).unwrap();
    out.write_record(["Tahun 2023"]).unwrap();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.unwrap();
        let mut fields: Vec<String> = rec.iter().rev().map(String::from).collect();
        fields.insert(
            3,
            if i == 0 {
                "Keterangan".into()
            } else {
                "catatan".into()
            },
        );
        fields.push(if i == 0 {
            "Penanggung Jawab".into()
        } else {
            "AINUL".into()
        });
        out.write_record(&fields).unwrap();
    }
    let bytes = out.into_inner().unwrap();
    let (dir, path) = workspace_file(&cleared(&original));
    let file = write(dir.path(), "e81-terbalik.csv", &bytes);
    let back = import_into(&path, &file, &Options::default());
    assert_eq!(back, original);
}

#[test]
fn figures_set_would_refuse_are_refused_at_their_cells() {
    // Nonperizinan's row: a negative TW I (K), an absurd pagu (J), three decimals of
    // Rupiah in TW II (N).
    let csv = exported_e81(
        |l| {
            l.replace(",462,", ",-462,")
                .replace(",25000000,", ",2000000000000000000,")
                .replace(",4977000,", ",4977000.125,")
        },
        NONPERIZINAN,
    );
    let plan = refused(
        "e81.csv",
        csv.as_bytes(),
        &[&nonperizinan("J"), &nonperizinan("K"), &nonperizinan("N")],
    );
    let reasons: Vec<String> = plan
        .problems
        .iter()
        .map(|p| p.kind.message(Lang::Id))
        .collect();
    assert!(reasons[0].contains("terlalu besar"), "{}", reasons[0]);
    assert!(reasons[1].contains("negatif"), "{}", reasons[1]);
    assert!(
        reasons[2].contains("2 angka di belakang koma"),
        "{}",
        reasons[2]
    );
}

#[test]
fn a_file_that_is_no_spreadsheet_or_a_sheet_that_is_not_there_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write(dir.path(), "bukan.xlsx", b"PK\x03\x04 not really a zip");
    let err = import::read(&fake, &Options::default()).unwrap_err();
    assert!(matches!(err, import::ReadError::Format { .. }), "{err:?}");
    assert!(
        err.message(Lang::Id)
            .starts_with(&fake.display().to_string())
    );
    let gone = import::read(&dir.path().join("tidak-ada.xlsx"), &Options::default()).unwrap_err();
    assert!(matches!(gone, import::ReadError::Io { .. }));

    let xlsx = write(dir.path(), "s.xlsx", &render(&sample(), Format::Xlsx, None));
    let opts = |s: &str| Options {
        sheet: Some(s.into()),
        ..Options::default()
    };
    match import::read(&xlsx, &opts("E81")).unwrap_err() {
        import::ReadError::NoSuchSheet { available, .. } => {
            assert!(available.contains(&"E-81".to_string()));
        }
        other => panic!("{other:?}"),
    }
    // --sheet picks one sheet, case-insensitively; a sheet of no layout asked for by name is a
    // problem, not a note.
    let book = import::read(&xlsx, &opts("lra")).unwrap();
    assert_eq!(book.sheets.len(), 1);
    let plan = import::plan(&sample(), &book, &opts("lra"));
    assert!(plan.is_clean() && plan.changes.is_empty());
    let book = import::read(&xlsx, &opts("Tabel 3.1")).unwrap();
    let plan = import::plan(&sample(), &book, &opts("Tabel 3.1"));
    assert_eq!(plan.problems.len(), 1);
    assert_eq!(
        plan.problems[0].at.as_ref().unwrap().to_string(),
        "'Tabel 3.1'!A1"
    );
    // An empty CSV is no layout either.
    let empty = write(dir.path(), "kosong.csv", b"");
    let plan = import::plan(
        &sample(),
        &import::read(&empty, &Options::default()).unwrap(),
        &Options::default(),
    );
    assert!(matches!(
        plan.problems[0].kind,
        ProblemKind::UnknownLayout { .. }
    ));
}

#[test]
fn the_preview_shows_per_node_old_and_new_and_the_problems() {
    let original = sample();
    let csv = exported_e81(|l| l.replace(",1235,", ",1300,"), NONPERIZINAN);
    let mut ws = original.clone();
    // A figure the workspace lacks, so the preview has a new one too.
    ws.set_figure(NONPERIZINAN, Field::Realisasi(0, Quarter::I), None);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "e81.csv", csv.as_bytes());
    let plan = import::plan(
        &ws,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    let preview = plan.preview();
    assert_eq!(preview.counts.new, 1);
    assert_eq!(preview.counts.changed, 1);
    assert_eq!(preview.counts.problems, 0);
    // Nodes in tree order: the sasaran first, Nonperizinan after its kegiatan.
    let kodes: Vec<&str> = preview.nodes.iter().map(|n| n.kode.as_str()).collect();
    assert_eq!(kodes[0], "SASARAN-1");
    let at = kodes.iter().position(|k| *k == NONPERIZINAN).unwrap();
    assert_eq!(kodes[at - 1], "7.01.02.2.04");
    let node = &preview.nodes[at];
    let changes: Vec<(String, String, String)> = node
        .lines
        .iter()
        .filter(|l| matches!(l.kind, import::LineKind::New | import::LineKind::Changed))
        .map(|l| (l.what(Lang::Id), l.value(), l.at.to_string()))
        .collect();
    let ind = "Jumlah Laporan Pelaksanaan Nonperizinan pada Urusan Pemerintahan";
    assert_eq!(
        changes,
        vec![
            (
                format!("realisasi TW I · {ind}"),
                "— → 462".into(),
                nonperizinan("K")
            ),
            (
                format!("realisasi TW III · {ind}"),
                "1.235 → 1.300".into(),
                nonperizinan("O")
            ),
        ]
    );
    let text = preview.text(Lang::Id, import::Detail::Changes);
    assert!(
        text.contains(&format!(
            "  ubah  realisasi TW III · {ind}: 1.235 → 1.300  [{}]",
            nonperizinan("O")
        )),
        "{text}"
    );
    assert!(text.contains("e81.csv: 2 angka berubah (1 baru)"), "{text}");
    // With every figure listed, the unchanged pagu shows with its Rupiah.
    let all = preview.text(Lang::En, import::Detail::All);
    assert!(
        all.contains(&format!(
            "  same  pagu: Rp 25.000.000  [{}]",
            nonperizinan("J")
        )),
        "{all}"
    );

    // A broken file: the problem is under its node.
    let csv = exported_e81(|l| l.replace(",462,", ",#REF!,"), NONPERIZINAN);
    let file = write(dir.path(), "e81.csv", csv.as_bytes());
    let plan = import::plan(
        &original,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    let preview = plan.preview();
    let node = preview
        .nodes
        .iter()
        .find(|n| n.kode == NONPERIZINAN)
        .unwrap();
    assert_eq!(node.problems.len(), 1);
    assert!(
        preview
            .text(Lang::Id, import::Detail::Changes)
            .contains(&format!(
                "  MASALAH {}: #REF!: sel berisi galat Excel, bukan angka",
                nonperizinan("K")
            ))
    );
}

#[test]
fn the_e81s_renstra_end_target_goes_to_the_indicator() {
    // Column 5 K (Renstra end target): the kegiatan's 5.350 pelayanan as Tabel 3.3 gives it
    // (unchanged), and an end target for the sub kegiatan, which has none yet. Column 5 R has
    // no slot in the workspace and is left alone.
    let row = |cells: &[(usize, &str)]| {
        let mut r = vec![String::new(); 20];
        for (c, t) in cells {
            r[*c] = t.to_string();
        }
        r
    };
    let rows = vec![
        row(&[
            (0, "1"),
            (2, "[KEGIATAN] 7.01.02.2.04 Pelaksanaan Urusan Pemerintahan"),
            (
                3,
                "Jumlah Perijinan dan Non Perijinan yang terlayani sesuai Standar Pelayanan(Pelayanan)",
            ),
            (4, "5,350.00"),
            (5, "125,000,000.00"),
        ]),
        row(&[
            (0, "2"),
            (2, "[SUB KEGIATAN] 7.01.02.2.04.02 Nonperizinan"),
            (
                3,
                "Jumlah Laporan Pelaksanaan Nonperizinan pada Urusan Pemerintahan(Pelayanan)",
            ),
            (4, "5,350.00"),
        ]),
    ];
    let (dir, path) = workspace_file(&sample());
    let file = write(dir.path(), "renstra.xlsx", &aksara::workbook("2023", &rows));
    let (base, _) = store::load_stamped(&path).unwrap();
    let plan = import::plan(
        &base,
        &import::read(&file, &Options::default()).unwrap(),
        &Options::default(),
    );
    assert!(plan.is_clean(), "{:?}", plan.problems);
    assert_eq!(plan.unchanged.len(), 1);
    assert_eq!(plan.unchanged[0].field, Field::RenstraAkhir(0));
    assert_eq!(
        plan.changes
            .iter()
            .map(|c| (&c.op, c.at.to_string()))
            .collect::<Vec<_>>(),
        vec![(
            &kinerja::model::Op {
                kode: NONPERIZINAN.into(),
                field: Field::RenstraAkhir(0),
                old: None,
                new: Some(dec!(5350)),
            },
            format!("'E-81'!E{}", aksara::FIRST_DATA_ROW + 2)
        )]
    );
}
