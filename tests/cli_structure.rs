//! The structure on the command line (issue 12): `init`, `node`, `indikator`, `pejabat`, the
//! new `set` options, `new-year` and `log`, each run as the real binary; every refusal is one
//! line, exit status 2, and leaves the file (and its journal) exactly as they were. The walk of
//! the "Done when": from nothing to a tree with indicators, plan, pagu and figures, and
//! its capaian and red list, computed by hand.

use kinerja::model::{Field, Quarter, Workspace};
use kinerja::store;
use rust_decimal::dec;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

const SAMPLE: &str = include_str!("../data/sooko-2023.json");

struct Ws {
    dir: tempfile::TempDir,
    path: PathBuf,
}

fn sample_file() -> Ws {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    fs::write(&path, SAMPLE).unwrap();
    Ws { dir, path }
}

/// A command's words: a line written as in a shell (words split at spaces, `'…'` keeps spaces
/// and may be empty), or the words themselves.
trait Cmd {
    fn words(&self) -> Vec<String>;
}

impl Cmd for &str {
    fn words(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut word: Option<String> = None;
        let mut quoted = false;
        for c in self.chars() {
            match c {
                '\'' => {
                    quoted = !quoted;
                    word.get_or_insert_with(String::new);
                }
                ' ' if !quoted => out.extend(word.take()),
                c => word.get_or_insert_with(String::new).push(c),
            }
        }
        assert!(!quoted, "unbalanced quote in {self}");
        out.extend(word);
        out
    }
}

impl Cmd for &[&str] {
    fn words(&self) -> Vec<String> {
        self.iter().map(|s| s.to_string()).collect()
    }
}

impl Cmd for &Vec<&str> {
    fn words(&self) -> Vec<String> {
        self.iter().map(|s| s.to_string()).collect()
    }
}

impl<const N: usize> Cmd for &[&str; N] {
    fn words(&self) -> Vec<String> {
        self.iter().map(|s| s.to_string()).collect()
    }
}

fn kinerja(ws: &Path, args: impl Cmd) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(ws)
        .args(args.words())
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Runs a command that must succeed; its output.
fn ok(ws: &Path, args: impl Cmd) -> String {
    let args = args.words();
    let out = kinerja(ws, &args.iter().map(String::as_str).collect::<Vec<_>>()[..]);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// Every file in the workspace's folder, with its content.
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

/// Runs a command that must be refused: exit 2, one line on standard error holding each of
/// `words` (in Indonesian, and in English with `--lang en` holding `en`), nothing changed.
fn refused(ws: &Path, args: impl Cmd, words: &[&str], en: &str) {
    let before = folder(ws);
    let args = args.words();
    for (lang, words) in [("id", words.to_vec()), ("en", vec![en])] {
        let mut all = vec!["--lang", lang];
        all.extend(args.iter().map(String::as_str));
        let out = kinerja(ws, &all[..]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{all:?}: {}{err}", stdout(&out));
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "{all:?}: one line: {err}"
        );
        for w in words {
            assert!(err.contains(w), "{all:?}: «{w}» not in {err}");
        }
        assert_eq!(folder(ws), before, "{all:?} changed a file");
    }
}

fn load(ws: &Path) -> Workspace {
    store::load(ws).unwrap()
}

// --- init ----------------------------------------------------------------------------------------

#[test]
fn init_makes_an_empty_workspace_and_never_writes_over_anything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dlanggu.json");
    let args = [
        "init",
        "--instansi",
        "Kecamatan Dlanggu",
        "--kabupaten",
        "Kabupaten Mojokerto",
        "--tahun",
        "2024",
        "--renstra",
        "2021-2026",
    ];
    let text = ok(&path, &args);
    assert!(text.contains("Renstra 2021–2026"), "{text}");
    let ws = load(&path);
    assert_eq!(
        (
            ws.instansi.nama.as_str(),
            ws.tahun,
            ws.periode_renstra.awal,
            ws.periode_renstra.akhir
        ),
        ("Kecamatan Dlanggu", 2024, 2021, 2026)
    );
    assert!(ws.pohon.is_empty() && ws.pejabat.is_empty() && ws.pk.is_empty());
    assert_eq!(ws.pengaturan.triwulan_berjalan, Quarter::I);
    // Without --renstra: the national five-year period holding the year (2020–2024).
    let other = dir.path().join("lain.json");
    ok(&other, &args[..7]);
    assert_eq!(load(&other).periode_renstra.awal, 2020);

    // An existing file: refused, untouched.
    refused(
        &path,
        &args,
        &["sudah ada", "tidak ditimpa"],
        "already exists",
    );
    // A link, even one that points nowhere, is not written through.
    let link = dir.path().join("tautan.json");
    std::os::unix::fs::symlink(dir.path().join("tidak-ada.json"), &link).unwrap();
    refused(&link, &args, &["tautan"], "link");
    assert!(!dir.path().join("tidak-ada.json").exists());
    // Bad input.
    let fresh = dir.path().join("baru.json");
    let mut bad = args.to_vec();
    bad[8] = "2026-2021";
    refused(
        &fresh,
        &bad,
        &["--renstra", "2021-2026"],
        "first and last year",
    );
    let mut empty = args.to_vec();
    empty[2] = "  ";
    refused(
        &fresh,
        &empty,
        &["--instansi", "nama kosong"],
        "name is empty",
    );
    assert!(!fresh.exists());
}

#[test]
fn init_from_another_workspace_copies_its_tree_without_a_figure() {
    let src = sample_file();
    let path = src.dir.path().join("dlanggu.json");
    let from = src.path.to_str().unwrap();
    let text = ok(
        &path,
        &[
            "init",
            "--instansi",
            "Kecamatan Dlanggu",
            "--kabupaten",
            "Kabupaten Mojokerto",
            "--tahun",
            "2024",
            "--from",
            from,
        ],
    );
    // The sample: 40 nodes (Visi, Misi, Tujuan, 2 Sasaran, 3 programs, 8 kegiatan, 24 sub
    // kegiatan), 38 indicators, 8 officers, 9 PK lines.
    assert!(
        text.contains("40 node, 38 indikator, 8 pejabat, 9 baris PK (tanpa angka)"),
        "{text}"
    );
    let ws = load(&path);
    let sooko = load(&src.path);
    let kodes = |w: &Workspace| w.nodes().map(|n| n.kode.clone()).collect::<Vec<_>>();
    assert_eq!(kodes(&ws), kodes(&sooko));
    assert_eq!(
        ws.periode_renstra, sooko.periode_renstra,
        "the source's period"
    );
    for n in ws.nodes() {
        for f in Field::all(n) {
            let v = f.get(n).flatten();
            let renstra = matches!(f, Field::RenstraTarget(..) | Field::RenstraAkhir(_));
            assert!(v.is_none() || renstra, "{} {f:?} = {v:?}", n.kode);
        }
    }
}

// --- node ---------------------------------------------------------------------------------------

#[test]
fn node_add_rename_recode_move_and_remove() {
    let ws = sample_file();
    let p = &ws.path;
    // A sub kegiatan under 7.01.02.2.04 (which has .02): its level follows the parent.
    let text = ok(
        p,
        "node add --parent 7.01.02.2.04 7.01.02.2.04.03 'Pelayanan PATEN'",
    );
    assert!(
        text.contains("Sub Kegiatan 7.01.02.2.04.03 «Pelayanan PATEN» di bawah 7.01.02.2.04"),
        "{text}"
    );
    let w = load(p);
    let kegiatan = w.node("7.01.02.2.04").unwrap();
    assert_eq!(
        kegiatan
            .anak
            .iter()
            .map(|n| n.kode.as_str())
            .collect::<Vec<_>>(),
        ["7.01.02.2.04.02", "7.01.02.2.04.03"]
    );
    // Upper levels: a sasaran straight under a misi (the tujuan skipped) with --jenis.
    ok(
        p,
        "node add --parent MISI-3 --jenis sasaran SASARAN-3 'Terwujudnya Desa Mandiri'",
    );
    assert_eq!(
        load(p).node("SASARAN-3").unwrap().jenis,
        kinerja::model::NodeKind::Sasaran
    );

    ok(
        p,
        "node rename 7.01.02.2.04.03 'Pelayanan Administrasi Terpadu Kecamatan'",
    );
    assert_eq!(
        load(p).node("7.01.02.2.04.03").unwrap().nama,
        "Pelayanan Administrasi Terpadu Kecamatan"
    );
    // A recode of the kegiatan takes its sub kegiatan along, and its PK line (1.2).
    let text = ok(p, "node recode 7.01.02.2.04 7.01.02.2.05");
    assert!(text.contains("2 node di bawahnya mengikuti"), "{text}");
    let w = load(p);
    assert!(w.node("7.01.02.2.05.02").is_some() && w.node("7.01.02.2.05.03").is_some());
    assert!(w.node("7.01.02.2.04").is_none());
    assert!(
        w.pk.iter()
            .any(|l| l.no == "1.2" && l.kode == "7.01.02.2.05")
    );
    // Up and down among siblings.
    ok(p, "node move 7.01.02.2.05.03 --up");
    let order = |w: &Workspace| {
        w.node("7.01.02.2.05")
            .unwrap()
            .anak
            .iter()
            .map(|n| n.kode.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&load(p)), ["7.01.02.2.05.03", "7.01.02.2.05.02"]);
    ok(p, "node move 7.01.02.2.05.03 --down");
    assert_eq!(order(&load(p)), ["7.01.02.2.05.02", "7.01.02.2.05.03"]);
    // To another kegiatan, with a code that extends it.
    let text = ok(
        p,
        "node move 7.01.02.2.05.03 --parent 7.01.06.2.01 --kode 7.01.06.2.01.13",
    );
    assert!(text.contains("di bawah 7.01.06.2.01, urutan 5"), "{text}");
    assert!(load(p).node("7.01.06.2.01.13").is_some());
    // An empty node goes without --force.
    let text = ok(p, "node remove 7.01.06.2.01.13");
    assert!(
        text.contains("Dihapus: Sub Kegiatan 7.01.06.2.01.13"),
        "{text}"
    );
    assert!(load(p).node("7.01.06.2.01.13").is_none());
}

#[test]
fn node_refusals_are_one_line_and_change_nothing() {
    let ws = sample_file();
    let p = &ws.path;
    // A duplicate kode, with the next free one proposed (7.01.06.2.01 has .02 .09 .11 .12).
    refused(
        p,
        "node add --parent 7.01.06.2.01 7.01.06.2.01.09 Lagi",
        &["«7.01.06.2.01.09»", "sudah dipakai", "7.01.06.2.01.13"],
        "already used",
    );
    // Names and codes that read otherwise than they are: a right-to-left override, a zero
    // width space after a free code (it would look like SASARAN-1), a line separator.
    refused(
        p,
        &["node", "rename", "7.01.06", "Program \u{202e}aseD"],
        &["nama berisi baris baru", "tak terlihat"],
        "holds a line break, a tab, a control character or an invisible one",
    );
    refused(
        p,
        &[
            "node",
            "add",
            "--parent",
            "TUJUAN-1",
            "SASARAN-1\u{200b}",
            "Sasaran",
        ],
        &["tak terlihat"],
        "an invisible one",
    );
    refused(
        p,
        &[
            "indikator",
            "add",
            "7.01.06",
            "--nama",
            "Jumlah\u{2028}desa",
            "--satuan",
            "desa",
        ],
        &["tak terlihat"],
        "an invisible one",
    );
    // Malformed codes: a sub kegiatan's number of one digit, a program not X.XX.XX.
    refused(
        p,
        "node add --parent 7.01.06.2.01 7.01.06.2.01.3 Baru",
        &[
            "harus melanjutkan kode induknya «7.01.06.2.01»",
            "<kegiatan>.XX",
        ],
        "must extend its parent's kode",
    );
    refused(
        p,
        "node add --parent SASARAN-1 7.1.3 'Program Baru'",
        &["tidak berbentuk X.XX.XX"],
        "does not have the shape X.XX.XX",
    );
    // A level that cannot sit under that parent: a kegiatan under a sasaran (no program to
    // extend), a program under a kegiatan.
    refused(
        p,
        "node add --parent SASARAN-1 --jenis kegiatan 7.01.02.2.09 Kegiatan",
        &["Kegiatan «7.01.02.2.09» tidak dapat berada di bawah Sasaran"],
        "cannot sit under a Target",
    );
    refused(
        p,
        "node add --parent 7.01.02.2.04 --jenis program 7.01.09 Program",
        &["tidak dapat berada di bawah Kegiatan"],
        "cannot sit under a Activity",
    );
    refused(
        p,
        "node add --parent 7.01.02.2.04.02 X 'Di bawah sub kegiatan'",
        &["tingkat terendah"],
        "lowest level",
    );
    // An empty name, a name with a line break.
    refused(
        p,
        "node add --parent 7.01.06.2.01 7.01.06.2.01.13 ' '",
        &["nama kosong"],
        "name is empty",
    );
    refused(
        p,
        &["node", "rename", "7.01.06", "Baris\nbaru"],
        &["baris baru"],
        "line break",
    );
    refused(
        p,
        "node rename 9.99 'Apa saja'",
        &["tidak ada node berkode «9.99»"],
        "no node",
    );
    // Recodes: malformed, taken.
    refused(
        p,
        "node recode 7.01.06.2.01.09 7.01.06.2.02.09",
        &["harus melanjutkan kode induknya"],
        "must extend",
    );
    refused(
        p,
        "node recode 7.01.06.2.01.09 7.01.06.2.01.11",
        &["«7.01.06.2.01.11» sudah dipakai"],
        "already used",
    );
    // Moves: over the edge, a kegiatan to another program without a code that extends it.
    refused(
        p,
        "node move 7.01.02 --up",
        &["sudah paling atas"],
        "already the first",
    );
    refused(
        p,
        "node move 7.01.06.2.01 --parent 7.01.01",
        &["harus melanjutkan kode induknya «7.01.01»"],
        "must extend",
    );
    refused(
        p,
        "node move 7.01.06 --parent 7.01.06.2.01",
        &["tidak dapat berada di bawah Kegiatan"],
        "cannot sit under",
    );
}

#[test]
fn removing_a_node_with_figures_needs_force_and_says_what_goes() {
    let ws = sample_file();
    let p = &ws.path;
    // Kegiatan 7.01.06.2.01 (seed: E-81 rows 633–637, LRA): 4 sub kegiatan below it, 5
    // indicators, 1 PK line (2.2). Figures entered, counted by hand from the sample: the
    // kegiatan's target, TW I–IV, riwayat 2022 and Renstra end target (7), its declared pagu,
    // year's realisation and the Renstra's realisation up to 2022 (E-81 column 6 Rp,
    // 467.152.500) (3); each sub kegiatan's target and TW I–IV (5), pagu, Rp TW I–IV and
    // year's realisation (6): 10 + 4 × 11 = 54. Rupiah spent: the LRA's 199.440.500.
    refused(
        p,
        "node remove 7.01.06.2.01",
        &[
            "ikut terhapus: 4 node di bawahnya, 5 indikator, 54 angka terisi, \
             Rp 199.440.500 terealisasi, 1 baris PK",
            "--force",
        ],
        "this also removes: 4 node(s) below it, 5 indicator(s), 54 figure(s) entered",
    );
    let text = ok(p, "node remove 7.01.06.2.01 --force");
    assert!(text.contains("Dihapus: Kegiatan 7.01.06.2.01"), "{text}");
    let w = load(p);
    assert!(w.node("7.01.06.2.01").is_none() && w.node("7.01.06.2.01.09").is_none());
    assert!(
        !w.pk.iter().any(|l| l.no == "2.2"),
        "its PK line went with it"
    );
    // The journal keeps what went, every figure of it.
    let (entries, _) = store::journal::read(p).unwrap();
    let Some(kinerja::model::Change::NodeRemove { node, .. }) = entries[0].change() else {
        panic!("a removal")
    };
    assert_eq!(node.iter().count(), 5);
    assert_eq!(
        node.anak[1].indikator[0].realisasi[0],
        Some(dec!(2)),
        "7.01.06.2.01.09 TW I as the seed gives it"
    );
}

// --- indikator ----------------------------------------------------------------------------------

#[test]
fn indikator_add_edit_remove() {
    let ws = sample_file();
    let p = &ws.path;
    let kode = "7.01.02.2.04.02";
    let text = ok(
        p,
        &[
            "indikator",
            "add",
            kode,
            "--nama",
            "Jumlah Izin Usaha Mikro",
            "--satuan",
            "izin",
            "--target",
            "120",
            "--polaritas",
            "positif",
            "--agregasi",
            "jumlah",
            "--pejabat",
            "kasi-pelayanan",
            "--rencana",
            "1=30",
            "--rencana",
            "2=30",
        ],
    );
    assert!(
        text.contains("7.01.02.2.04.02 indikator 2: «Jumlah Izin Usaha Mikro» (izin)"),
        "{text}"
    );
    let ind = load(p).node(kode).unwrap().indikator[1].clone();
    assert_eq!(ind.target, Some(dec!(120)));
    assert_eq!(ind.rencana, [Some(dec!(30)), Some(dec!(30)), None, None]);
    assert_eq!(ind.pejabat.as_deref(), Some("kasi-pelayanan"));
    assert!(ind.id.0 >= 1_000_000_000, "a fresh id");

    let text = ok(
        p,
        &[
            "indikator",
            "edit",
            kode,
            "--indikator",
            "2",
            "--nama",
            "Jumlah Izin UMK",
            "--satuan",
            "dokumen",
            "--polaritas",
            "negatif",
            "--agregasi",
            "rata_rata",
            "--target",
            "100",
            "--rencana",
            "3=25",
            "--pejabat",
            "-",
        ],
    );
    assert!(text.contains("satuan: «izin» → «dokumen»"), "{text}");
    assert!(text.contains("target tahun: 120 → 100"), "{text}");
    let after = load(p).node(kode).unwrap().indikator[1].clone();
    assert_eq!(
        (after.id, after.nama.as_str(), after.satuan.as_str()),
        (ind.id, "Jumlah Izin UMK", "dokumen")
    );
    assert_eq!(after.polaritas, kinerja::model::Polarity::Negatif);
    assert_eq!(after.agregasi, kinerja::model::Aggregation::RataRata);
    assert_eq!(after.rencana[2], Some(dec!(25)));
    assert_eq!((after.target, after.pejabat), (Some(dec!(100)), None));

    // Figures entered need --force; the new one's plan is figures too.
    refused(
        p,
        &["indikator", "remove", kode, "--indikator", "1"],
        &["ikut terhapus: 1 indikator", "angka terisi", "--force"],
        "--force",
    );
    ok(
        p,
        &["indikator", "remove", kode, "--indikator", "2", "--force"],
    );
    assert_eq!(load(p).node(kode).unwrap().indikator.len(), 1);
}

#[test]
fn indikator_refusals() {
    let ws = sample_file();
    let p = &ws.path;
    let kode = "7.01.02.2.04.02";
    refused(
        p,
        &["indikator", "add", kode, "--nama", "Jumlah", "--satuan", ""],
        &["satuan kosong"],
        "unit is empty",
    );
    refused(
        p,
        &[
            "indikator",
            "add",
            kode,
            "--nama",
            "Jumlah",
            "--satuan",
            "x",
            "--pejabat",
            "lurah",
        ],
        &["pejabat «lurah» tidak ada"],
        "does not exist",
    );
    refused(
        p,
        &[
            "indikator",
            "add",
            kode,
            "--nama",
            "Jumlah",
            "--satuan",
            "x",
            "--rencana",
            "5=1",
        ],
        &["--rencana «5=1»"],
        "QUARTER=VALUE",
    );
    refused(
        p,
        &[
            "indikator",
            "add",
            kode,
            "--nama",
            "Jumlah",
            "--satuan",
            "x",
            "--target",
            "12a",
        ],
        &["«12a»", "bukan angka"],
        "not a number",
    );
    refused(
        p,
        &["indikator", "edit", kode, "--indikator", "3", "--nama", "X"],
        &["punya 1 indikator; tidak ada indikator 3"],
        "there is no indicator 3",
    );
    refused(
        p,
        &["indikator", "edit", kode, "--indikator", "1"],
        &["tidak ada yang diubah"],
        "nothing to change",
    );
}

// --- set --------------------------------------------------------------------------------------

#[test]
fn set_reaches_every_figure_and_attribute() {
    let ws = sample_file();
    let p = &ws.path;
    let kode = "7.01.02.2.04.02";
    let cases: &[(&[&str], Field, rust_decimal::Decimal)] = &[
        (
            &["--tw", "2", "--rencana", "200"],
            Field::Rencana(0, Quarter::II),
            dec!(200),
        ),
        (&["--pagu", "Rp 26.000.000"], Field::Pagu, dec!(26000000)),
        (
            &["--pagu-murni", "25.000.000"],
            Field::PaguMurni,
            dec!(25000000),
        ),
        (
            &["--realisasi-tahun", "24.066.500"],
            Field::RealisasiTahun,
            dec!(24066500),
        ),
        (
            &["--target-pk-murni", "450"],
            Field::TargetPkMurni(0),
            dec!(450),
        ),
        (
            &["--target-pk-perubahan", "500"],
            Field::TargetPkPerubahan(0),
            dec!(500),
        ),
        (
            &["--renstra", "550", "--tahun", "2025"],
            Field::RenstraTarget(0, 2025),
            dec!(550),
        ),
        (
            &["--renstra-akhir", "600"],
            Field::RenstraAkhir(0),
            dec!(600),
        ),
        (
            &["--riwayat", "647", "--tahun", "2022"],
            Field::Riwayat(0, 2022),
            dec!(647),
        ),
    ];
    for (args, field, want) in cases {
        let mut all = vec!["set", kode];
        all.extend_from_slice(args);
        ok(p, &all);
        assert_eq!(load(p).figure(kode, *field), Some(Some(*want)), "{args:?}");
    }
    ok(p, &["set", kode, "--sumber-dana", "DAU"]);
    assert_eq!(
        load(p)
            .node(kode)
            .unwrap()
            .anggaran
            .as_ref()
            .unwrap()
            .sumber_dana,
        "DAU"
    );
    ok(p, &["set", kode, "--pejabat", "kasi-pelayanan"]);
    assert_eq!(
        load(p).node(kode).unwrap().pejabat.as_deref(),
        Some("kasi-pelayanan")
    );
    ok(p, "set 7.01.01 --indikator 2 --pejabat kasubag-program");
    assert_eq!(
        load(p).node("7.01.01").unwrap().indikator[1]
            .pejabat
            .as_deref(),
        Some("kasubag-program")
    );
    // A pagu on a sub kegiatan that has no budget yet creates it.
    ok(p, "node add --parent 7.01.02.2.04 7.01.02.2.04.03 PATEN");
    ok(p, "set 7.01.02.2.04.03 --pagu 10.000.000");
    let b = load(p)
        .node("7.01.02.2.04.03")
        .unwrap()
        .anggaran
        .clone()
        .unwrap();
    assert_eq!(b.pagu, Some(dec!(10000000)));
    // Refused: options that do not go together, a pagu where the budget is a sum, an officer
    // that does not exist.
    refused(
        p,
        &["set", kode, "--pagu", "1", "--tw", "2"],
        &["--tw hanya untuk"],
        "--tw goes only with",
    );
    refused(
        p,
        "set 7.01.02.2.04 --pagu 1",
        &["dijumlah dari node di bawahnya"],
        "sum of the nodes below",
    );
    refused(
        p,
        &["set", kode, "--pejabat", "lurah"],
        &["pejabat «lurah» tidak ada"],
        "does not exist",
    );
}

#[test]
fn set_shows_capaian_as_every_other_place_computes_it() {
    // TW II of Jumlah Laporan Nonperizinan 428 → 500. To date TW II: 462 + 500 = 962 of 250
    // (500 × 2/4) = 384,80 %; at the workspace's quarter (TW IV): 462 + 500 + 1.235 + 1.037 =
    // 3.234 of 500 = 646,80 %.
    let ws = sample_file();
    let text = ok(&ws.path, "set 7.01.02.2.04.02 --tw 2 --realisasi 500");
    assert!(
        text.contains("Capaian s.d. TW II: 384,80 % · TW IV (triwulan berjalan): 646,80 %"),
        "{text}"
    );
}

// --- pejabat -----------------------------------------------------------------------------------

#[test]
fn pejabat_list_add_edit_remove() {
    let ws = sample_file();
    let p = &ws.path;
    let list = ok(p, "pejabat");
    // Kasi Pelayanan answers for 7.01.02 and 7.01.02.2.04 (the sample).
    assert!(list.contains("kasi-pelayanan"), "{list}");
    assert!(
        list.contains("penanggung jawab: 2 node, 0 indikator"),
        "{list}"
    );
    ok(
        p,
        "pejabat add kasi-paten --nama 'SITI AMINAH' --nip '19900101 201501 2 001' --jabatan 'Kasi PATEN'",
    );
    ok(
        p,
        "pejabat edit kasi-paten --jabatan 'Kasi Pelayanan PATEN'",
    );
    let o = load(p).officer("kasi-paten").unwrap().clone();
    assert_eq!(
        (o.nama.as_str(), o.jabatan.as_str()),
        ("SITI AMINAH", "Kasi Pelayanan PATEN")
    );
    // Still named: refused until someone takes over.
    refused(
        p,
        "pejabat remove kasi-pelayanan",
        &[
            "«kasi-pelayanan» masih penanggung jawab di «7.01.02»",
            "--ganti",
        ],
        "still responsible",
    );
    let text = ok(p, "pejabat remove kasi-pelayanan --ganti kasi-paten");
    assert!(text.contains("Dihapus:"), "{text}");
    let w = load(p);
    assert!(w.officer("kasi-pelayanan").is_none());
    assert_eq!(
        w.node("7.01.02").unwrap().pejabat.as_deref(),
        Some("kasi-paten")
    );
    assert_eq!(
        w.node("7.01.02.2.04").unwrap().pejabat.as_deref(),
        Some("kasi-paten")
    );
    // Refused: a bad id, a bad NIP, an id taken, no such officer.
    refused(
        p,
        "pejabat add 'Kasi Baru' --nama A --jabatan B",
        &["id pejabat", "huruf kecil"],
        "lower-case",
    );
    refused(
        p,
        "pejabat add kasi-baru --nama A --nip 123 --jabatan B",
        &["NIP", "18 angka"],
        "18 digits",
    );
    refused(
        p,
        "pejabat add camat --nama A --jabatan B",
        &["«camat» sudah dipakai"],
        "already used",
    );
    refused(
        p,
        "pejabat edit lurah --nama A",
        &["«lurah» tidak ada"],
        "does not exist",
    );
}

// --- conflicts --------------------------------------------------------------------------------

#[test]
fn a_structure_change_someone_else_made_meanwhile_exits_3_and_writes_nothing() {
    let ws = sample_file();
    let p = ws.path.clone();
    // Hold the lock, so the command loads the file and then waits to save.
    let lock = store::lock(&p, Duration::ZERO).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(&p)
        .args([
            "node",
            "rename",
            "7.01.06.2.01.09",
            "Sinkronisasi Perencanaan",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(600));
    // Meanwhile another program saves another name (a new file renamed into place).
    let mut other = load(&p);
    other.node_mut("7.01.06.2.01.09").unwrap().nama = "Sinkronisasi Pembangunan Desa".into();
    let tmp = p.with_file_name("lain.tmp");
    fs::write(&tmp, store::to_json(&other)).unwrap();
    fs::rename(&tmp, &p).unwrap();
    let theirs = fs::read(&p).unwrap();
    drop(lock);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains("«Sinkronisasi Pembangunan Desa»") && err.contains("tidak ditimpa"),
        "{err}"
    );
    assert_eq!(fs::read(&p).unwrap(), theirs, "nothing written");
}

// --- log --------------------------------------------------------------------------------------

#[test]
fn log_prints_every_kind_of_change_in_both_languages() {
    let ws = sample_file();
    let p = &ws.path;
    ok(p, "node add --parent 7.01.02.2.04 7.01.02.2.04.03 PATEN");
    ok(p, "node rename 7.01.02.2.04.03 'Pelayanan PATEN'");
    ok(
        p,
        "indikator add 7.01.02.2.04.03 --nama 'Jumlah Layanan' --satuan layanan",
    );
    ok(
        p,
        "indikator edit 7.01.02.2.04.03 --indikator 1 --agregasi terakhir",
    );
    ok(p, "set 7.01.02.2.04.03 --pagu 1.000.000");
    ok(p, "node recode 7.01.02.2.04.03 7.01.02.2.04.04");
    ok(
        p,
        "pejabat add kasi-paten --nama SITI --jabatan 'Kasi PATEN'",
    );
    ok(p, "node remove 7.01.02.2.04.04 --force");
    let id = ok(p, "log");
    let en = ok(p, "--lang en log");
    for (text, words) in [
        (
            &id,
            [
                "7.01.02.2.04.03: Sub Kegiatan «PATEN» ditambah di bawah 7.01.02.2.04",
                "7.01.02.2.04.03 nama: «PATEN» → «Pelayanan PATEN»",
                "7.01.02.2.04.03 indikator 1: «Jumlah Layanan» (layanan) ditambah",
                "7.01.02.2.04.03 indikator 1 agregasi: jumlah → terakhir",
                "7.01.02.2.04.03: anggaran dibuat",
                "7.01.02.2.04.03 pagu: — → Rp 1.000.000",
                "7.01.02.2.04.03: kode: 7.01.02.2.04.03 → 7.01.02.2.04.04",
                "pejabat «kasi-paten» ditambah: «SITI» (Kasi PATEN)",
                "7.01.02.2.04.04: Sub Kegiatan «Pelayanan PATEN» dihapus (1 indikator, 1 angka terisi)",
            ],
        ),
        (
            &en,
            [
                "7.01.02.2.04.03: Sub-activity «PATEN» added under 7.01.02.2.04",
                "7.01.02.2.04.03 name: «PATEN» → «Pelayanan PATEN»",
                "7.01.02.2.04.03 indicator 1: «Jumlah Layanan» (layanan) added",
                "7.01.02.2.04.03 indicator 1 aggregation: jumlah → terakhir",
                "7.01.02.2.04.03: budget created",
                "7.01.02.2.04.03 pagu: — → Rp 1.000.000",
                "7.01.02.2.04.03: kode: 7.01.02.2.04.03 → 7.01.02.2.04.04",
                "officer «kasi-paten» added: «SITI» (Kasi PATEN)",
                "7.01.02.2.04.04: Sub-activity «Pelayanan PATEN» removed (1 indicator(s), 1 figure(s) entered)",
            ],
        ),
    ] {
        assert_eq!(text.lines().count(), 9, "{text}");
        for w in words {
            assert!(text.contains(w), "«{w}» not in\n{text}");
        }
    }
    // One node's history follows it through its recode.
    let node = ok(p, "log 7.01.02.2.04.04");
    assert_eq!(node.lines().count(), 2, "{node}");
}

// --- the walk of "Done when" -------------------------------------------------------------------

#[test]
fn from_nothing_to_capaian_and_the_red_list_without_an_editor() {
    let dir = tempfile::tempdir().unwrap();
    let p = &dir.path().join("trowulan.json");
    ok(
        p,
        "init --instansi 'Kecamatan Trowulan' --kabupaten 'Kabupaten Mojokerto' --tahun 2024 --renstra 2021-2026",
    );
    // The tree, Visi down to two sub kegiatan.
    ok(
        p,
        "node add VISI 'Terwujudnya Kabupaten Mojokerto yang Maju, Adil dan Makmur'",
    );
    ok(
        p,
        "node add --parent VISI MISI-3 'Mewujudkan Tata Kelola Pemerintahan yang Berintegritas'",
    );
    ok(
        p,
        "node add --parent MISI-3 TUJUAN-1 'Meningkatkan Kualitas Pelayanan Publik'",
    );
    ok(
        p,
        "node add --parent TUJUAN-1 SASARAN-1 'Terwujudnya Pelayanan Publik yang Optimal'",
    );
    ok(
        p,
        "node add --parent SASARAN-1 7.01.02 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik'",
    );
    ok(
        p,
        "node add --parent 7.01.02 7.01.02.2.04 'Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat'",
    );
    ok(
        p,
        "node add --parent 7.01.02.2.04 7.01.02.2.04.02 'Pelaksanaan Urusan Pemerintahan yang terkait dengan Nonperizinan'",
    );
    ok(
        p,
        "node add --parent 7.01.02.2.04 7.01.02.2.04.01 'Pelaksanaan Urusan Pemerintahan yang terkait dengan Perizinan'",
    );
    ok(
        p,
        "pejabat add kasi-pelayanan --nama 'AINUL FADILAH, S.KM' --nip '19860309 200901 2 002' --jabatan 'Kasi Pelayanan'",
    );
    ok(p, "set 7.01.02 --pejabat kasi-pelayanan");
    // Indicators with targets, one with a quarterly plan.
    ok(
        p,
        "indikator add SASARAN-1 --nama 'IKM Kecamatan' --satuan indeks --target 86 --agregasi terakhir",
    );
    ok(
        p,
        "indikator add 7.01.02 --nama 'Persentase pelayanan sesuai standar' --satuan % --target 81 --agregasi terakhir",
    );
    ok(
        p,
        "indikator add 7.01.02.2.04.02 --nama 'Jumlah Laporan Nonperizinan' --satuan pelayanan --target 500 --rencana 1=100 --rencana 2=150 --rencana 3=125 --rencana 4=125",
    );
    ok(
        p,
        "indikator add 7.01.02.2.04.01 --nama 'Jumlah Izin Terbit' --satuan izin --target 40",
    );
    // Budgets.
    ok(p, "set 7.01.02.2.04.02 --pagu 25.000.000");
    ok(p, "set 7.01.02.2.04.01 --pagu 10.000.000");
    // Figures of TW I and II.
    for (kode, tw, v) in [
        ("SASARAN-1", "2", "84"),
        ("7.01.02", "2", "85"),
        ("7.01.02.2.04.02", "1", "90"),
        ("7.01.02.2.04.02", "2", "160"),
        ("7.01.02.2.04.01", "1", "8"),
        ("7.01.02.2.04.01", "2", "10"),
    ] {
        ok(p, &["set", kode, "--tw", tw, "--realisasi", v]);
    }
    for (kode, tw, v) in [
        ("7.01.02.2.04.02", "1", "4.000.000"),
        ("7.01.02.2.04.02", "2", "6.000.000"),
        ("7.01.02.2.04.01", "1", "1.000.000"),
        ("7.01.02.2.04.01", "2", "1.500.000"),
    ] {
        ok(p, &["set", kode, "--tw", tw, "--rp", v]);
    }
    // By hand, as of TW II:
    // - IKM (terakhir): 84 of the full 86 = 97,67 % — red.
    // - Persentase pelayanan (terakhir): 85 of 81 = 104,94 % — the program's capaian kinerja.
    // - Nonperizinan (jumlah, planned): 90 + 160 = 250 of the plan 100 + 150 = 250 = 100,00 %.
    // - Izin (jumlah, no plan: pro rata): 8 + 10 = 18 of 40 × 2/4 = 20 = 90,00 % — red, worst.
    // - Budget: Rp 4.000.000 + 6.000.000 + 1.000.000 + 1.500.000 = 12.500.000 of 35.000.000
    //   = 35,71 %, sisa 22.500.000.
    let summary = ok(p, "summary --tw 2");
    for w in [
        "7.01.02 Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        "Capaian kinerja 104,94 %",
        "Capaian anggaran 35,71 %",
        "Pagu Rp 35.000.000 · Realisasi Rp 12.500.000 · Sisa Rp 22.500.000",
        "3 indikator: 2 Sangat Tinggi · 1 Tinggi · 1 merah",
        "Merah (belum tercapai): 2",
    ] {
        assert!(summary.contains(w), "«{w}» not in\n{summary}");
    }
    let out = kinerja(p, "red --tw 2");
    assert_eq!(out.status.code(), Some(1), "red found");
    let red = stdout(&out);
    let izin = red.find("Jumlah Izin Terbit").expect(&red);
    let ikm = red.find("IKM Kecamatan").expect(&red);
    assert!(izin < ikm, "worst first:\n{red}");
    assert!(
        red.contains("capaian 90,00 % (Tinggi) · penanggung jawab: AINUL FADILAH, S.KM"),
        "{red}"
    );
    assert!(red.contains("capaian 97,67 % (Sangat Tinggi)"), "{red}");
    assert!(!red.contains("Nonperizinan"), "{red}");
}

// --- new year ------------------------------------------------------------------------------------

#[test]
fn new_year_on_sooko_gives_2024_with_2023_as_the_previous_year() {
    let ws = sample_file();
    let next = ws.dir.path().join("sooko-2024.json");
    let text = ok(&ws.path, &["new-year", "-o", next.to_str().unwrap()]);
    assert!(text.contains("Workspace tahun 2024"), "{text}");
    assert!(text.contains("Perlu ditinjau"), "{text}");
    assert!(text.contains("pagu dipertahankan"), "{text}");
    // Tabel 3.2 of 2024: 2023's realisations as the previous year (seed Tabel 3.2: IKM 91,19,
    // IP ASN 70,85), 2024 empty.
    let out = kinerja(&next, "export --table tabel-3-2 --format csv -o -");
    assert!(out.status.success(), "{}", stderr(&out));
    let mut rows = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_string).collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {header:?}"))
    };
    let (y2023, y2024, nama) = (
        col("Realisasi 2023"),
        col("Realisasi 2024"),
        col("Indikator Kinerja"),
    );
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let row = |prefix: &str| {
        rows.iter()
            .find(|r| r[nama].starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix}"))
    };
    assert_eq!(&row("IKM Kecamatan")[y2023], "91.19");
    assert_eq!(&row("Indeks Profesionalitas ASN")[y2023], "70.85");
    assert!(
        rows.iter().all(|r| r[y2024].is_empty()),
        "2024 not yet realised"
    );
    // Its quarters are empty, its year is 2024, at TW I.
    let w = load(&next);
    assert_eq!(
        (w.tahun, w.pengaturan.triwulan_berjalan),
        (2024, Quarter::I)
    );
    for n in w.nodes() {
        for ind in &n.indikator {
            assert_eq!(ind.realisasi, [None; 4], "{}", n.kode);
            assert_eq!(ind.rencana, [None; 4], "{}", n.kode);
        }
        if let Some(b) = &n.anggaran {
            assert_eq!(b.realisasi_rp, [None; 4], "{}", n.kode);
        }
    }
    // The 2023 file is as it was; a second run refuses to write over the new one.
    assert_eq!(fs::read_to_string(&ws.path).unwrap(), SAMPLE);
    refused(
        &ws.path,
        &["new-year", "-o", next.to_str().unwrap()],
        &["sudah ada"],
        "already exists",
    );
    // --clear-pagu clears them.
    let cleared = ws.dir.path().join("sooko-2024b.json");
    ok(
        &ws.path,
        &["new-year", "-o", cleared.to_str().unwrap(), "--clear-pagu"],
    );
    assert!(
        load(&cleared)
            .nodes()
            .all(|n| n.anggaran.as_ref().is_none_or(|b| b.pagu.is_none()))
    );
}
