//! The real binary, run as a user would, on copies of the sample workspace.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = include_str!("../data/sooko-2023.json");

struct Workspace {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn workspace() -> Workspace {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    fs::write(&path, SAMPLE).unwrap();
    Workspace { _dir: dir, path }
}

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

#[test]
fn summary_shows_sookos_figures() {
    let ws = workspace();
    let out = kinerja(&ws.path, &["summary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // LRA total, in Indonesian format.
    let total = text
        .split("Jumlah seluruh program dan indikator")
        .nth(1)
        .expect("a total block");
    assert!(total.contains("Capaian anggaran 91,81 %"), "{text}");
    assert!(
        total.contains("Pagu Rp 2.902.352.710 · Realisasi Rp 2.664.510.688 · Sisa Rp 237.842.022"),
        "{text}"
    );
    // 37 of 38 indicators are Sangat Tinggi; Nilai RB is not entered; 2 are below 100 %.
    assert!(
        total.contains("38 indikator: 37 Sangat Tinggi · 1 belum diisi · 2 merah"),
        "{text}"
    );
    // Program 7.01.06: 199.440.500 / 207.822.710 = 95,97 %.
    assert!(text.contains("7.01.06"), "{text}");
    assert!(text.contains("95,97 %"), "{text}");
    assert!(text.contains("Merah (belum tercapai): 2"), "{text}");

    // No subcommand prints the same summary.
    assert_eq!(stdout(&kinerja(&ws.path, &[])), text);
}

#[test]
fn english_on_request() {
    let ws = workspace();
    let text = stdout(&kinerja(&ws.path, &["--lang", "en", "summary"]));
    assert!(text.contains("Performance summary"), "{text}");
    assert!(text.contains("Red (not achieved): 2"), "{text}");
    assert!(
        text.contains("Rp 2.902.352.710"),
        "numbers stay in Indonesian format: {text}"
    );
}

#[test]
fn red_lists_worst_first_and_drives_the_exit_status() {
    let ws = workspace();
    let out = kinerja(&ws.path, &["red"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let ip_asn = text
        .find("Indeks Profesionalitas ASN")
        .expect("IP ASN listed");
    let anggaran = text
        .find("Persentase Realisasi Anggaran")
        .expect("budget absorption listed");
    assert!(ip_asn < anggaran, "94,47 % is worse than 96,64 %: {text}");
    assert!(text.contains("capaian 94,47 %"), "{text}");
    assert!(text.contains("HANIN NOVERARENY P"), "{text}");
    assert!(
        text.contains("Nilai Reformasi Birokrasi"),
        "belum diisi is listed apart: {text}"
    );

    // Bring both up to target: IP ASN 75 of 75, and 13,15 + 36,16 + 20,14 + 26 = 95,45 of 95.
    assert!(
        kinerja(
            &ws.path,
            &["set", "7.01.01.2.05", "--tw", "4", "--realisasi", "75"]
        )
        .status
        .success()
    );
    assert!(
        kinerja(
            &ws.path,
            &["set", "7.01.01.2.02", "--tw", "4", "--realisasi", "26"]
        )
        .status
        .success()
    );
    let out = kinerja(&ws.path, &["red"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("Tidak ada indikator merah"));
}

#[test]
fn set_saves_atomically_and_recomputes() {
    let ws = workspace();
    // TW III non-licensing services 1.235 → 1.300: the year becomes 462 + 428 + 1.300 + 1.037
    // = 3.227 of 500 = 645,40 %; to date TW III: 2.190 of 375 (500 × 3/4) = 584,00 %.
    let out = kinerja(
        &ws.path,
        &[
            "set",
            "7.01.02.2.04.02",
            "--tw",
            "3",
            "--realisasi",
            "1.300",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("1.235 → 1.300"), "{text}");
    assert!(text.contains("584,00 %"), "{text}");
    assert!(text.contains("645,40 %"), "{text}");
    let saved = fs::read_to_string(&ws.path).unwrap();
    assert!(saved.contains("\"1300\""), "stored as a decimal string");
    assert_eq!(
        fs::read_to_string(&kinerja::store::versions::list(&ws.path).unwrap()[0].path).unwrap(),
        SAMPLE
    );

    // Rupiah in Indonesian notation with sen.
    let out = kinerja(
        &ws.path,
        &[
            "set",
            "7.01.02.2.04.02",
            "--tw",
            "4",
            "--rp",
            "10.697.000,50",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::read_to_string(&ws.path)
            .unwrap()
            .contains("\"10697000.50\"")
    );
}

#[test]
fn bad_input_is_refused_and_the_file_untouched() {
    let ws = workspace();
    let cases: &[(&[&str], &str)] = &[
        (
            &["set", "7.01.02.2.04.02", "--tw", "3", "--realisasi", "12a"],
            "bukan angka",
        ),
        (
            &["set", "7.01.02.2.04.02", "--tw", "3", "--realisasi", "-5"],
            "negatif",
        ),
        (
            &["set", "7.01.02.2.04.02", "--tw", "3", "--rp", "1.000,505"],
            "2 angka di belakang koma",
        ),
        (
            &[
                "set",
                "7.01.02.2.04.02",
                "--tw",
                "3",
                "--rp",
                "5000000000000000",
            ],
            "terlalu besar",
        ),
        (
            &["set", "7.01.02.2.04", "--tw", "3", "--rp", "1000"],
            "dijumlah dari node di bawahnya",
        ),
        (&["set", "9.99", "--target", "1"], "tidak ada node"),
        (
            &["set", "7.01.02", "--indikator", "5", "--target", "1"],
            "tidak ada indikator 5",
        ),
        (
            &["set", "SASARAN-1", "--tw", "2", "--rp", "1000"],
            "tidak punya anggaran",
        ),
    ];
    for (args, message) in cases {
        let out = kinerja(&ws.path, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert_eq!(
            fs::read_to_string(&ws.path).unwrap(),
            SAMPLE,
            "{args:?} changed the file"
        );
        assert!(!ws.path.with_file_name("sooko.json.cadangan").exists());
        assert!(!ws.path.with_file_name("sooko.json.jurnal.jsonl").exists());
    }
    // clap refuses a quarter outside 1–4 and a missing --tw before anything is read.
    let out = kinerja(
        &ws.path,
        &["set", "7.01.02", "--tw", "5", "--realisasi", "1"],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = kinerja(&ws.path, &["set", "7.01.02", "--realisasi", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&ws.path).unwrap(), SAMPLE);
}

#[test]
fn broken_workspace_gives_one_line_with_position() {
    let ws = workspace();
    let broken = SAMPLE.replacen("\"tahun\": 2023,", "\"tahun\": 2023", 1);
    fs::write(&ws.path, &broken).unwrap();
    let line = broken[..broken.find("\"pengaturan\"").unwrap()]
        .matches('\n')
        .count()
        + 1;
    for args in [&["summary"][..], &["set", "7.01.02", "--target", "90"]] {
        let out = kinerja(&ws.path, args);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("{}:{line}:3: JSON tidak sah", ws.path.display())),
            "{err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert_eq!(fs::read_to_string(&ws.path).unwrap(), broken);
    }
}

#[test]
fn check_on_the_sample_finds_nothing_and_reports_a_planted_mismatch() {
    let ws = workspace();
    let out = kinerja(&ws.path, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // The seed's own Renja typo: Jasa Komunikasi pagu 4.350.000 instead of 45.350.000.
    let planted = SAMPLE.replacen("\"pagu\": \"45350000\"", "\"pagu\": \"4350000\"", 1);
    assert_ne!(planted, SAMPLE);
    fs::write(&ws.path, planted).unwrap();
    let out = kinerja(&ws.path, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    // Kegiatan 7.01.01.2.08 declares 72.350.000 but its children now sum to 4.350.000 + 27.000.000.
    assert!(
        text.contains("7.01.01.2.08: pagu tercatat Rp 72.350.000 ≠ jumlah pagu anak Rp 31.350.000"),
        "{text}"
    );
    // And the sub kegiatan spent 41.463.135 of a 4.350.000 pagu.
    assert!(
        text.contains("7.01.01.2.08.02: realisasi Rp 41.463.135 melebihi pagu Rp 4.350.000"),
        "{text}"
    );
}

#[test]
fn first_run_without_a_workspace_copies_the_sample() {
    let home = tempfile::tempdir().unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .output()
            .unwrap()
    };
    let out = run();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Rp 2.902.352.710"));
    let copied = home
        .path()
        .join("data")
        .join("kinerja")
        .join("workspace.json");
    assert!(
        stderr(&out).contains(&copied.display().to_string()),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&copied).unwrap(), SAMPLE);

    // The second run opens the same file and says nothing about copying.
    let out = run();
    assert!(out.status.success());
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    use std::process::Stdio;
    let ws = workspace();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(&ws.path)
        .args(["red", "--tw", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the pipe before the report is written, as `kinerja red | head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("panicked"), "{err}");
    // 0 when the closed pipe cut the report short, 1 (red found) if it was all written first.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{:?} {err}",
        out.status
    );
}

#[test]
fn a_symlinked_workspace_is_saved_where_it_really_is() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("bersama");
    let home = dir.path().join("rumah");
    fs::create_dir_all(&shared).unwrap();
    fs::create_dir_all(&home).unwrap();
    let real = shared.join("ws.json");
    fs::write(&real, SAMPLE).unwrap();
    let link = home.join("ws.json");
    std::os::unix::fs::symlink("../bersama/ws.json", &link).unwrap();

    let out = kinerja(&link, &["set", "7.01.02.2.04.02", "--target", "600"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(
        fs::read_to_string(&real).unwrap().contains("\"600\""),
        "the shared file changed"
    );
    // The journal and the kept version sit beside the real file, and the version is readable.
    assert!(shared.join("ws.json.jurnal.jsonl").exists());
    let versions = kinerja::store::versions::list(&real).unwrap();
    assert_eq!(fs::read_to_string(&versions[0].path).unwrap(), SAMPLE);
    assert!(!home.join("ws.json.cadangan").exists());
}

#[test]
fn failures_exit_2_so_scripts_can_tell_them_from_red() {
    // Writing the report fails (a full device): not "red found" (1) but a failure (2).
    let ws = workspace();
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(&ws.path)
        .arg("red")
        .stdout(fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).trim_end().lines().count(),
        1,
        "{}",
        stderr(&out)
    );
}

#[test]
fn negative_figures_in_the_file_are_refused_at_load() {
    let ws = workspace();
    let broken = SAMPLE.replacen("\"4852500\"", "\"-4852500\"", 1);
    fs::write(&ws.path, &broken).unwrap();
    let out = kinerja(&ws.path, &["summary"]);
    assert_eq!(out.status.code(), Some(2));
    // The line the figure sits on, counted in the text written.
    let line = broken[..broken.find("\"-4852500\"").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        // Refused by the figure grammar at the figure's own line (store's issue 11 item 8).
        stderr(&out).contains("«-4852500» negatif") && stderr(&out).contains(&format!(":{line}:")),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&ws.path).unwrap(), broken);
}

#[test]
fn a_figure_can_be_cleared_back_to_not_entered() {
    // IP ASN TW IV 70,85 → "-": not entered again (not zero), so the indicator is "belum diisi".
    let ws = workspace();
    let out = kinerja(
        &ws.path,
        &["set", "7.01.01.2.05", "--tw", "4", "--realisasi", "-"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("70,85 → —"), "{}", stdout(&out));
    let saved = kinerja::store::load(&ws.path).unwrap();
    assert_eq!(
        saved.node("7.01.01.2.05").unwrap().indikator[0].realisasi[3],
        None
    );
    let red = stdout(&kinerja(&ws.path, &["red"]));
    let blank = red.split("Belum diisi").nth(1).unwrap();
    assert!(blank.contains("7.01.01.2.05"), "{red}");
}

#[test]
fn log_names_every_kind_of_figure_in_both_languages() {
    use kinerja::model::{Field, Quarter};
    use rust_decimal::dec;
    let ws = workspace();
    let (base, stamp) = kinerja::store::load_stamped(&ws.path).unwrap();
    let kode = "7.01.02.2.04.02";
    // (field, new value, Indonesian label, English label, the new value as printed)
    let cases = [
        (
            Field::Rencana(0, Quarter::II),
            dec!(120),
            "rencana TW II",
            "plan Q II",
            "120",
        ),
        (
            Field::TargetPkMurni(0),
            dec!(450),
            "target PK murni",
            "original PK target",
            "450",
        ),
        (
            Field::TargetPkPerubahan(0),
            dec!(480),
            "target PK perubahan",
            "revised PK target",
            "480",
        ),
        (
            Field::RenstraTarget(0, 2026),
            dec!(550),
            "target Renstra 2026",
            "Renstra target 2026",
            "550",
        ),
        (
            Field::RenstraAkhir(0),
            dec!(600),
            "target akhir Renstra",
            "Renstra end target",
            "600",
        ),
        (
            Field::Riwayat(0, 2022),
            dec!(2750.5),
            "realisasi 2022",
            "actual 2022",
            "2.750,5",
        ),
        (
            Field::PaguMurni,
            dec!(24000000),
            "pagu murni",
            "original pagu",
            "Rp 24.000.000",
        ),
        (
            Field::RealisasiTahun,
            dec!(24066500.5),
            "realisasi Rp menurut LRA",
            "spent Rp per LRA",
            "Rp 24.066.500,50",
        ),
    ];
    let mut mine = base.clone();
    for (field, value, ..) in &cases {
        assert!(mine.set_figure(kode, *field, Some(*value)), "{field:?}");
    }
    kinerja::store::commit(&ws.path, &base, stamp, &mine, "sari").unwrap();
    for (lang, pick) in [("id", 0), ("en", 1)] {
        let out = kinerja(&ws.path, &["--lang", lang, "log", kode]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert_eq!(text.lines().count(), cases.len(), "{text}");
        for (field, _, id, en, shown) in &cases {
            let label = [id, en][pick];
            assert!(
                text.lines()
                    .any(|l| l.contains(&format!(" {label}: "))
                        && l.ends_with(&format!("→ {shown}"))),
                "{field:?} {lang}: {text}"
            );
        }
    }
}
