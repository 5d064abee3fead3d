//! `kinerja import` at the command line (issue 13's "Done when", and issue 12's start from an
//! E-81): the preview and its exit status, `--apply` through the commit path with "import
//! FILE" in the journal, `--create` of a whole tree from the seed's E-81 into a workspace made
//! with `kinerja init`, `--template`, and broken files refused at their cell with the
//! workspace untouched.

#[path = "support/aksara.rs"]
mod aksara;
#[path = "support/seed_e81.rs"]
mod seed_e81;

use kinerja::model::{Field, NodeKind, Quarter};
use kinerja::store;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = include_str!("../data/sooko-2023.json");

fn kinerja(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(ws)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn ok(ws: &Path, args: &[&str]) -> String {
    let out = kinerja(ws, args);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// Every file beside the workspace, with its content (the lock aside).
fn folder(ws: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = fs::read_dir(ws.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".lock"))
        .map(|p| (p.clone(), fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn sample_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    fs::write(&path, SAMPLE).unwrap();
    (dir, path)
}

/// The sample's E-81 as `kinerja export --format csv` writes it, with `edit` applied to the
/// row of node `kode`.
fn exported_e81(ws: &Path, edit: impl Fn(&str) -> String, kode: &str) -> String {
    let out = kinerja(
        ws,
        &["export", "--table", "e81", "--format", "csv", "-o", "-"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
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

#[test]
fn preview_then_apply_with_the_file_named_in_the_journal() {
    let (dir, path) = sample_dir();
    // TW III of Nonperizinan 1.235 → 1.300 in an exported E-81 edited in Excel.
    let csv = exported_e81(&path, |l| l.replace(",1235,", ",1300,"), NONPERIZINAN);
    let file = dir.path().join("e81.csv");
    fs::write(&file, csv).unwrap();
    let before = folder(&path);
    let f = file.to_str().unwrap();
    let preview = ok(&path, &["import", f]);
    assert!(preview.contains("ubah"), "{preview}");
    assert!(preview.contains("1.235 → 1.300"), "{preview}");
    assert!(preview.contains("1 angka berubah"), "{preview}");
    assert_eq!(folder(&path), before, "a preview writes nothing");

    let text = ok(&path, &["import", f, "--apply"]);
    assert!(text.contains("Diimpor: 1 angka"), "{text}");
    let ws = store::load(&path).unwrap();
    assert_eq!(
        ws.figure(NONPERIZINAN, Field::Realisasi(0, Quarter::III)),
        Some(Some(rust_decimal::dec!(1300)))
    );
    // One journal entry per figure, with where it came from; `log` shows it.
    let (entries, _) = store::journal::read(&path).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0].catatan.as_deref(),
        Some(format!("import {f}").as_str())
    );
    let log = ok(&path, &["log"]);
    assert!(log.contains(&format!("[import {f}]")), "{log}");
    // The same file again: nothing changes, nothing written.
    let again = ok(&path, &["import", f, "--apply"]);
    assert!(again.contains("Tidak ada yang berubah"), "{again}");
}

#[test]
fn broken_files_are_refused_at_their_cell_and_change_nothing() {
    let (dir, path) = sample_dir();
    let row = |csv: &str| {
        csv.lines()
            .find(|l| l.contains(&format!("] {NONPERIZINAN} ")))
            .unwrap()
            .to_string()
    };
    let plain = exported_e81(&path, |l| l.to_string(), NONPERIZINAN);
    let last = plain.lines().count() + 1;
    // Nonperizinan's row in the export as it is (the E-81 runs in the Renja's order).
    let at = plain
        .lines()
        .position(|l| l.contains(&format!("] {NONPERIZINAN} ")))
        .unwrap()
        + 1;
    let cases: Vec<(&str, String, String)> = vec![
        // Text in a number cell (K is Nonperizinan's TW I K).
        (
            "text/e81.csv",
            exported_e81(&path, |l| l.replace(",462,", ",empat ratus,"), NONPERIZINAN),
            format!("e81!K{at}: «empat ratus» bukan angka"),
        ),
        // A kode the workspace lacks.
        (
            "kode/e81.csv",
            exported_e81(
                &path,
                |l| l.replacen(NONPERIZINAN, "7.01.02.2.04.99", 1),
                NONPERIZINAN,
            ),
            format!("e81!C{at}"),
        ),
        // The same row twice with another value.
        (
            "dup/e81.csv",
            format!("{plain}\n{}\n", row(&plain).replace(",462,", ",500,")),
            format!("e81!K{last}"),
        ),
        // A sheet that is no known layout.
        (
            "tamu.csv",
            "Nama,Alamat,Keperluan\nBudi,Sooko,Legalisir\n".into(),
            "tamu!A1".into(),
        ),
    ];
    for (name, text, cell) in cases {
        let file = dir.path().join(name);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, text).unwrap();
        let before = folder(&path);
        let f = file.to_str().unwrap();
        let out = kinerja(&path, &["import", f]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stdout(&out));
        assert!(
            stdout(&out).contains(&cell),
            "{name}: «{cell}» not in {}",
            stdout(&out)
        );
        let out = kinerja(&path, &["import", f, "--apply"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("tidak ada yang diimpor"), "{err}");
        assert!(
            stdout(&out).contains(&cell),
            "the preview says where: {}",
            stdout(&out)
        );
        assert_eq!(folder(&path), before, "{name}: nothing written");
    }
}

#[test]
fn an_empty_template_for_the_workspace_imports_as_nothing() {
    let (dir, path) = sample_dir();
    let t = dir.path().join("templat.xlsx");
    let text = ok(&path, &["import", "--template", "-o", t.to_str().unwrap()]);
    assert!(text.contains("Templat impor ditulis"), "{text}");
    let before = folder(&path);
    let preview = ok(&path, &["import", t.to_str().unwrap()]);
    assert!(preview.contains("0 angka berubah"), "{preview}");
    assert_eq!(folder(&path), before);
}

/// The seed's E-81 laid out as the regional system exports it (resolved as data-notes does).
fn seed_workbook(dir: &Path) -> PathBuf {
    let rows: Vec<Vec<String>> = seed_e81::resolved().into_iter().map(|(_, r)| r).collect();
    let file = dir.join("e81-aksara.xlsx");
    fs::write(&file, aksara::workbook("2023", &rows)).unwrap();
    file
}

fn init(path: &Path) {
    ok(
        path,
        &[
            "init",
            "--instansi",
            "Kecamatan Sooko",
            "--kabupaten",
            "Kabupaten Mojokerto",
            "--tahun",
            "2023",
            "--renstra",
            "2021-2026",
        ],
    );
}

#[test]
fn an_office_starts_from_its_e81_into_a_new_workspace_with_create() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko-baru.json");
    init(&path);
    let file = seed_workbook(dir.path());
    let f = file.to_str().unwrap();

    // Without --create the file names what the workspace lacks: refused.
    let out = kinerja(&path, &["import", f]);
    assert_eq!(out.status.code(), Some(1));
    let before = folder(&path);
    // The preview with --create lists what it would create, writes nothing.
    let preview = ok(&path, &["import", f, "--create"]);
    assert!(
        preview.contains("dibuat: 37 node, 37 indikator"),
        "{preview}"
    );
    assert_eq!(folder(&path), before);

    let text = ok(&path, &["import", f, "--create", "--apply"]);
    assert!(text.contains("37 node dan 37 indikator dibuat"), "{text}");
    let ws = store::load(&path).unwrap();
    // The whole tree of the E-81: two sasaran (named by their text, coded in order), three
    // programs, eight kegiatan, twenty-four sub kegiatan (seed lines 599–637).
    let count = |k: NodeKind| ws.nodes().filter(|n| n.jenis == k).count();
    assert_eq!(
        [
            NodeKind::Sasaran,
            NodeKind::Program,
            NodeKind::Kegiatan,
            NodeKind::SubKegiatan
        ]
        .map(count),
        [2, 3, 8, 24]
    );
    let sasaran = |k: &str| ws.node(k).unwrap();
    assert_eq!(
        sasaran("SASARAN-1").nama,
        "Terwujudnya Tata Kelola Birokrasi Perangkat Daerah"
    );
    assert_eq!(
        sasaran("SASARAN-2").nama,
        "Terwujudnya Pelayanan Publik Yang Optimal"
    );
    let children = |k: &str| {
        ws.node(k)
            .unwrap()
            .anak
            .iter()
            .map(|n| n.kode.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(children("SASARAN-1"), ["7.01.01"]);
    assert_eq!(children("SASARAN-2"), ["7.01.02", "7.01.06"]);
    assert_eq!(
        children("7.01.01"),
        [
            "7.01.01.2.01",
            "7.01.01.2.02",
            "7.01.01.2.05",
            "7.01.01.2.06",
            "7.01.01.2.08",
            "7.01.01.2.09"
        ]
    );
    assert_eq!(
        children("7.01.06.2.01"),
        [
            "7.01.06.2.01.02",
            "7.01.06.2.01.09",
            "7.01.06.2.01.11",
            "7.01.06.2.01.12"
        ]
    );
    // The first row of a sasaran block carries the sasaran's indicator (seed line 599: Nilai
    // RB); the program's comes on its own row (line 600: Nilai SAKIP).
    let names = |k: &str| {
        ws.node(k)
            .unwrap()
            .indikator
            .iter()
            .map(|i| (i.nama.clone(), i.satuan.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names("SASARAN-1"),
        [(
            "Nilai Reformasi Birokrasi (RB) Perangkat Daerah".into(),
            "%".into()
        )]
    );
    assert_eq!(
        names("7.01.01"),
        [("Nilai SAKIP Perangkat Daerah".into(), "nilai".into())]
    );
    // An empty unit in the file is written "-" and said.
    assert_eq!(names("SASARAN-2"), [("IKM Kecamatan".into(), "-".into())]);
    assert!(text.contains("satuan kosong di berkas"), "{text}");

    // Every figure as the seed's E-81 gives it: target, TW I–IV (zeros kept: the new indicators
    // sum their quarters, the file does not say otherwise), a sub kegiatan's pagu and Rupiah.
    let rows = seed_e81::resolved();
    let n = |s: &str| seed_e81::seed_number(s);
    for (line, cells) in &rows {
        let cell = |c: usize| n(cells.get(c).map_or("", String::as_str));
        let node_cell = &cells[2];
        let kode = match node_cell
            .split_whitespace()
            .nth(if node_cell.starts_with("[SUB") { 2 } else { 1 })
        {
            Some(k) if !node_cell.is_empty() => k.to_string(),
            _ => "SASARAN-2".into(),
        };
        let node = ws.node(&kode).unwrap_or_else(|| panic!("{line}: {kode}"));
        let nama = cells[3]
            .rsplit_once('(')
            .map_or(cells[3].as_str(), |(n, _)| n);
        let (owner, i) = match node.indikator.iter().position(|i| i.nama == nama) {
            Some(i) => (node, i),
            None => (sasaran("SASARAN-1"), 0), // line 599: the sasaran's
        };
        let ind = &owner.indikator[i];
        assert_eq!(ind.target, cell(8), "{line} target");
        for q in Quarter::ALL {
            assert_eq!(
                ind.realisasi[q.index()],
                cell(10 + 2 * q.index()),
                "{line} TW {q}"
            );
        }
        if node.jenis == NodeKind::SubKegiatan {
            let b = node.anggaran.as_ref().unwrap();
            assert_eq!(b.pagu, cell(9), "{line} pagu");
            for q in Quarter::ALL {
                assert_eq!(
                    b.realisasi_rp[q.index()],
                    cell(11 + 2 * q.index()),
                    "{line} Rp {q}"
                );
            }
        }
    }
    // The LRA total of the seed: the sub kegiatan's pagu add up to Rp 2.902.352.710.
    let summary = ok(&path, &["summary", "--tw", "4"]);
    assert!(
        summary.contains("Pagu Rp 2.902.352.710 · Realisasi Rp 2.664.510.688"),
        "{summary}"
    );
    // One save: the journal has every node, indicator and figure, each from the file.
    let (entries, _) = store::journal::read(&path).unwrap();
    assert!(
        entries
            .iter()
            .all(|e| e.catatan.as_deref() == Some(format!("import {f}").as_str()))
    );
    assert_eq!(
        entries.iter().filter(|e| e.kolom == "node_tambah").count(),
        37
    );
}

#[test]
fn create_refuses_what_the_rules_refuse_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("baru.json");
    init(&path);
    // A kegiatan whose code does not extend its program's.
    let mut rows = seed_e81::resolved();
    rows[2].1[2] =
        "[KEGIATAN] 7.01.05.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
            .into();
    let rows: Vec<Vec<String>> = rows.into_iter().map(|(_, r)| r).collect();
    let file = dir.path().join("e81.xlsx");
    fs::write(&file, aksara::workbook("2023", &rows)).unwrap();
    let before = folder(&path);
    let out = kinerja(
        &path,
        &["import", file.to_str().unwrap(), "--create", "--apply"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let text = stdout(&out);
    let cell = format!("'E-81'!C{}", aksara::FIRST_DATA_ROW + 3);
    assert!(
        text.contains(&format!("{cell}: tidak dapat dibuat «7.01.05.2.01»")),
        "{text}"
    );
    assert_eq!(folder(&path), before);
}
