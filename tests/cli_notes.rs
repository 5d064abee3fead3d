//! Issue 14's "done when", library and command line side, on copies of the Sooko sample: the
//! explanations in `kinerja red` and the meeting pack, Nilai RB red-without-explanation until
//! one is given, an over-pagu figure in `red`, `check` and the pack, a locked quarter refusing
//! `set` with who locked it; and the attacks on them (hostile text, two locks at once, unlock
//! without a reason, a note on a removed indicator).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = include_str!("../data/sooko-2023.json");

fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    fs::write(&path, SAMPLE).unwrap();
    (dir, path)
}

fn kinerja(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(ws)
        .args(args)
        .env_remove("RUST_BACKTRACE")
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
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Refused: exit status 2, one line on standard error, the workspace file unchanged.
fn refused(ws: &Path, args: &[&str]) -> String {
    let before = fs::read(ws).unwrap();
    let out = kinerja(ws, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert_eq!(fs::read(ws).unwrap(), before, "{args:?} changed the file");
    err
}

fn pack(ws: &Path, format: &str) -> String {
    ok(
        ws,
        &["export", "--pack", "rapat", "--format", format, "-o", "-"],
    )
}

/// The part of `text` from `from` to the next `to` (or the end).
fn between<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("«{from}» not in {text}"));
    let rest = &text[start..];
    let end = rest[from.len()..]
        .find(to)
        .map_or(rest.len(), |e| e + from.len());
    &rest[..end]
}

const IP_ASN: &str = "7.01.01.2.05";
const ANGGARAN: &str = "7.01.01.2.02";

#[test]
fn explanations_show_in_red_and_the_pack_and_nilai_rb_waits_for_one() {
    let (_dir, ws) = workspace();
    ok(
        &ws,
        &[
            "note",
            IP_ASN,
            "--tw",
            "4",
            "--penghambat",
            "Tiga pegawai bersertifikat dimutasi",
            "--tindak-lanjut",
            "Usulkan diklat teknis ke BKPSDM",
            "--bukti",
            "/srv/bukti/ipasn-tw4.pdf",
        ],
    );
    ok(
        &ws,
        &[
            "note",
            ANGGARAN,
            "--tw",
            "4",
            "--penghambat",
            "Sisa belanja pegawai",
            "--tindak-lanjut",
            "Rencana kas disesuaikan",
        ],
    );
    // `red`: each explanation under its indicator; Nilai RB (SASARAN-2, due in TW IV, not
    // entered) the only one without.
    let out = kinerja(&ws, &["red"]);
    assert_eq!(out.status.code(), Some(1), "two are red");
    let red = stdout(&out);
    let ip = between(&red, &format!("1. {IP_ASN}"), " 2. ");
    assert!(
        ip.contains("penghambat (TW IV): Tiga pegawai bersertifikat dimutasi"),
        "{red}"
    );
    assert!(
        ip.contains("tindak lanjut (TW IV): Usulkan diklat teknis ke BKPSDM"),
        "{red}"
    );
    assert!(ip.contains("bukti dukung: 1"), "{red}");
    let keu = between(&red, &format!("2. {ANGGARAN}"), "\n\n");
    assert!(
        keu.contains("penghambat (TW IV): Sisa belanja pegawai"),
        "{red}"
    );
    let missing = between(&red, "Belum ada penjelasan", "\n\n");
    assert!(
        missing.contains("SASARAN-2 · Nilai Reformasi Birokrasi"),
        "{red}"
    );
    assert!(
        !missing.contains(IP_ASN) && !missing.contains(ANGGARAN),
        "{red}"
    );

    // The pack, both formats: the same, Nilai RB flagged, the two explained ones not.
    let md = pack(&ws, "md");
    assert!(md.contains("belum ada penjelasan 1"), "{md}");
    let ip = between(&md, &format!("### 1. {IP_ASN}"), "###");
    assert!(!ip.contains("BELUM ADA PENJELASAN"), "{md}");
    assert!(ip.contains("Tiga pegawai bersertifikat dimutasi"), "{md}");
    assert!(ip.contains("/srv/bukti/ipasn-tw4.pdf"), "{md}");
    // The trend: TW IV 70,85 and 2022's 46,63 (Tabel 3.2); the target 75.
    assert!(
        ip.contains("TW IV 70,85") && ip.contains("2022: 46,63"),
        "{md}"
    );
    assert!(ip.contains("75 indeks"), "{md}");
    let keu = between(&md, &format!("### 2. {ANGGARAN}"), "###");
    assert!(keu.contains("Rencana kas disesuaikan"), "{md}");
    let rb = between(&md, "### 3. Nilai Reformasi Birokrasi", "## ");
    assert!(rb.contains("BELUM ADA PENJELASAN"), "{md}");
    let html = pack(&ws, "html");
    assert!(
        html.contains("Tiga pegawai bersertifikat dimutasi"),
        "{html}"
    );
    assert_eq!(html.matches("class=\"item unexplained\"").count(), 1);

    // Once Nilai RB is explained, nobody is left without.
    ok(
        &ws,
        &[
            "note",
            "SASARAN-2",
            "--tw",
            "4",
            "--penghambat",
            "Hasil evaluasi RB belum terbit",
        ],
    );
    let red = stdout(&kinerja(&ws, &["red"]));
    assert!(!red.contains("Belum ada penjelasan"), "{red}");
    let md = pack(&ws, "md");
    assert!(md.contains("belum ada penjelasan 0"), "{md}");
    assert!(!md.contains("BELUM ADA PENJELASAN"), "{md}");
}

#[test]
fn an_over_pagu_figure_is_flagged_in_red_check_and_the_pack() {
    let (_dir, ws) = workspace();
    assert!(
        !pack(&ws, "md").contains("dari pagu"),
        "within the pagu at first"
    );
    // The trial's figure: Nonperizinan's TW IV typed as 37.158.000; with TW I–III
    // (4.852.500 + 4.977.000 + 3.540.000 = 13.369.500) that is 50.527.500 of a pagu of
    // 25.000.000 = 202,11 %, 25.527.500 over.
    ok(
        &ws,
        &["set", "7.01.02.2.04.02", "--tw", "4", "--rp", "37158000"],
    );
    let line = "7.01.02.2.04.02";
    let out = kinerja(&ws, &["red"]);
    assert_eq!(out.status.code(), Some(1));
    let red = stdout(&out);
    let over = between(&red, "Anggaran melebihi pagu", "\n\n");
    assert!(over.contains(line), "{red}");
    assert!(
        over.contains("Rp 50.527.500 dari pagu Rp 25.000.000 (202,11 %)"),
        "{red}"
    );
    assert!(over.contains("Rp 25.527.500"), "{red}");
    let out = kinerja(&ws, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let check = stdout(&out);
    assert!(
        check.contains(&format!(
            "{line}: realisasi Rp 50.527.500 melebihi pagu Rp 25.000.000"
        )),
        "{check}"
    );
    for format in ["md", "html"] {
        let p = pack(&ws, format);
        assert!(
            p.contains("Rp 50.527.500 dari pagu Rp 25.000.000 (202,11 %), lebih Rp 25.527.500"),
            "{p}"
        );
        assert!(
            p.contains("melebihi pagu 3"),
            "{format}: sub kegiatan, kegiatan, program"
        );
    }
}

/// Who the workspace file says verified quarter `tw` (1–4).
fn locked_by(ws: &Path, tw: usize) -> Option<String> {
    let json: serde_json::Value = serde_json::from_slice(&fs::read(ws).unwrap()).unwrap();
    json["verifikasi"][tw - 1]["oleh"]
        .as_str()
        .map(String::from)
}

#[test]
fn a_locked_quarter_refuses_set_and_note_with_who_locked_it_until_unlocked_with_a_reason() {
    let (_dir, ws) = workspace();
    ok(&ws, &["lock", "--tw", "2"]);
    let who = locked_by(&ws, 2).expect("TW II verified");
    assert!(!who.is_empty());
    for args in [
        &["set", "7.01.02.2.04.02", "--tw", "2", "--realisasi", "500"][..],
        &["set", "7.01.02.2.04.02", "--tw", "2", "--rp", "1000"],
        &["note", IP_ASN, "--tw", "2", "--penghambat", "x"],
    ] {
        let err = refused(&ws, args);
        assert!(err.contains("TW II") && err.contains(&who), "{err}");
        assert!(err.contains("kinerja unlock --tw 2"), "{err}");
    }
    // Another quarter and a figure of the year stay open.
    ok(
        &ws,
        &["set", "7.01.02.2.04.02", "--tw", "3", "--realisasi", "1300"],
    );
    ok(&ws, &["set", "7.01.02.2.04.02", "--target", "510"]);
    // Unlock needs a reason: none, or only spaces, is refused.
    let out = kinerja(&ws, &["unlock", "--tw", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(locked_by(&ws, 2).is_some());
    let err = refused(&ws, &["unlock", "--tw", "2", "--reason", "   "]);
    assert!(err.contains("alasan"), "{err}");
    ok(
        &ws,
        &["unlock", "--tw", "2", "--reason", "salah ketik TW II"],
    );
    assert_eq!(locked_by(&ws, 2), None);
    ok(
        &ws,
        &["set", "7.01.02.2.04.02", "--tw", "2", "--realisasi", "500"],
    );
    // The journal keeps the lock and the reason of the unlock.
    let log = ok(&ws, &["log"]);
    assert!(log.contains("salah ketik TW II"), "{log}");
}

#[test]
fn two_locks_at_once_lock_once() {
    for _ in 0..3 {
        let (_dir, ws) = workspace();
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_kinerja"))
                .arg("-w")
                .arg(&ws)
                .args(["lock", "--tw", "1"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        // One locks; the other finds it locked (exit 0, nothing written) or meets the first's
        // save as a conflict (exit 3, nothing written). Never two verifications, never a
        // failure.
        let codes: Vec<Option<i32>> = outs.iter().map(|o| o.status.code()).collect();
        assert!(
            codes.iter().all(|c| matches!(c, Some(0) | Some(3))),
            "{codes:?} {}",
            outs.iter().map(stderr).collect::<String>()
        );
        assert!(locked_by(&ws, 1).is_some());
        let log = ok(&ws, &["log"]);
        let locks = log
            .lines()
            .filter(|l| l.contains("TW I ") && l.contains("kunci"))
            .count();
        assert_eq!(locks, 1, "{log}");
    }
}

#[test]
fn hostile_text_in_a_note_is_refused_or_shown_inert() {
    let (_dir, ws) = workspace();
    // Control characters (an escape sequence) and a tab: refused, nothing written.
    let err = refused(
        &ws,
        &[
            "note",
            IP_ASN,
            "--tw",
            "4",
            "--penghambat",
            "a\u{1b}[31mmerah",
        ],
    );
    assert!(err.contains("karakter kendali"), "{err}");
    refused(
        &ws,
        &["note", IP_ASN, "--tw", "4", "--tindak-lanjut", "a\tb"],
    );
    // 10 000 characters: refused with the limit.
    let long = "x".repeat(10_000);
    let err = refused(&ws, &["note", IP_ASN, "--tw", "4", "--penghambat", &long]);
    assert!(err.contains("2000"), "{err}");
    // A bidi override: refused like any hidden character (it makes a text read otherwise
    // than it holds), nothing written.
    let err = refused(
        &ws,
        &[
            "note",
            IP_ASN,
            "--tw",
            "4",
            "--penghambat",
            "abc\u{202e}lihat",
        ],
    );
    assert!(err.contains("karakter"), "{err}");
    // HTML, a CSV formula, lines: kept as typed, shown inert everywhere.
    ok(
        &ws,
        &[
            "note",
            IP_ASN,
            "--tw",
            "4",
            "--penghambat",
            "abc·lihat\nbaris dua <script>alert(1)</script>",
            "--tindak-lanjut",
            "=HYPERLINK(\"http://x\",\"klik\")",
            "--bukti",
            "<img src=x onerror=alert(1)>",
        ],
    );
    // A file that holds one anyway (written by another tool): shown as its escape.
    let json = std::fs::read_to_string(&ws).unwrap();
    assert!(json.contains("abc·lihat"));
    std::fs::write(&ws, json.replace("abc·lihat", "abc\\u202elihat")).unwrap();
    let red = ok_or_one(&ws, &["red"]);
    assert!(!red.contains('\u{202e}'), "{red}");
    assert!(red.contains("abc\\u{202e}lihat"), "{red}");
    // The second line stays under the first, indented.
    assert!(
        red.contains("\n                        baris dua <script>"),
        "{red}"
    );
    let html = pack(&ws, "html");
    assert!(!html.contains('\u{202e}') && !html.contains("<script>") && !html.contains("<img"));
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    let md = pack(&ws, "md");
    assert!(!md.contains("<script>") && !md.contains("<img"), "{md}");
    for format in ["html", "md"] {
        let e81 = ok(
            &ws,
            &["export", "--table", "e81", "--format", format, "-o", "-"],
        );
        assert!(
            !e81.contains("<script>") && !e81.contains('\u{202e}'),
            "{format}"
        );
    }
    // The E-81 as CSV: the formula is text, not a formula a spreadsheet runs.
    let csv = ok(
        &ws,
        &["export", "--table", "e81", "--format", "csv", "-o", "-"],
    );
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"));
}

/// `red` exits 1 when something is red: its text either way.
fn ok_or_one(ws: &Path, args: &[&str]) -> String {
    let out = kinerja(ws, args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn a_note_on_a_removed_indicator_or_node_is_refused() {
    let (_dir, ws) = workspace();
    ok(
        &ws,
        &["indikator", "remove", IP_ASN, "--indikator", "1", "--force"],
    );
    let err = refused(&ws, &["note", IP_ASN, "--tw", "4", "--penghambat", "x"]);
    assert!(err.contains(IP_ASN) || err.contains("indikator"), "{err}");
    ok(&ws, &["node", "remove", ANGGARAN, "--force"]);
    let err = refused(&ws, &["note", ANGGARAN, "--tw", "4", "--penghambat", "x"]);
    assert!(err.contains(ANGGARAN), "{err}");
}

#[test]
fn the_pack_is_html_without_format_and_refuses_xlsx_csv_json_in_one_line() {
    let (dir, ws) = workspace();
    // No --format: HTML, to standard output and to a dated file in the current folder.
    let html = ok(&ws, &["export", "--pack", "rapat", "-o", "-"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("Bahan Rapat Kinerja"), "{html}");
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .current_dir(dir.path())
        .arg("-w")
        .arg(&ws)
        .args(["export", "--pack", "rapat", "--tw", "2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let written: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("rapat-"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(
        written[0].starts_with("rapat-kecamatan-sooko-2023-tw2-") && written[0].ends_with(".html"),
        "{written:?}"
    );
    assert!(stdout(&out).contains(&written[0]), "{}", stdout(&out));
    // The tables' default stays xlsx.
    let tables = kinerja(
        &ws,
        &["export", "-o", &dir.path().join("t").display().to_string()],
    );
    assert!(tables.status.success(), "{}", stderr(&tables));
    assert!(fs::read(dir.path().join("t")).unwrap().starts_with(b"PK"));
    // A format that is not a page: refused in one line, nothing written.
    for format in ["xlsx", "csv", "json"] {
        let target = dir.path().join(format!("pack.{format}"));
        let err = refused(
            &ws,
            &[
                "export",
                "--pack",
                "rapat",
                "--format",
                format,
                "-o",
                &target.display().to_string(),
            ],
        );
        assert!(
            err.contains(&format!("bahan rapat tidak dibuat sebagai {format}"))
                && err.contains("--format html atau md"),
            "{err}"
        );
        assert!(!target.exists(), "{format}");
    }
    let err = stderr(&kinerja(
        &ws,
        &[
            "--lang", "en", "export", "--pack", "rapat", "--format", "xlsx", "-o", "-",
        ],
    ));
    assert!(
        err.contains("the meeting pack is not made as xlsx; choose --format html or md"),
        "{err}"
    );
}
