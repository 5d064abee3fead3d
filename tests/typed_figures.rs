//! Figures typed by a person, in both front-ends (issue 11, item 9): `kinerja set` and the
//! interface's editor read them with the same library rule (`locale::read_entry`), so
//! `70.850` for an index is refused as ambiguous in both, with both readings, and an accepted
//! figure is echoed with its unit. The file is never touched by a refused figure.

#[path = "support/keys.rs"]
mod keys;

use keys::{ctrl, press, type_text};
use kinerja::locale::Lang;
use kinerja::model::Quarter;
use kinerja::store;
use kinerja::tui::{App, Mode, Theme};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::dec;
use std::path::Path;
use std::process::{Command, Output};

fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    std::fs::write(&path, store::SAMPLE_JSON).unwrap();
    (dir, path)
}

fn kinerja(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(ws)
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// IP ASN (7.01.01.2.05) is 70,85 indeks in TW IV (seed, Tabel 3.1); Persentase Realisasi
/// Anggaran (7.01.01.2.02) is a percentage; the non-licensing services (7.01.02.2.04.02) a
/// count.
const IP_ASN: &str = "7.01.01.2.05";
const ANGGARAN: &str = "7.01.01.2.02";
const LAYANAN: &str = "7.01.02.2.04.02";

#[test]
fn set_refuses_what_reads_two_ways_and_changes_nothing() {
    let (_dir, path) = workspace();
    let before = std::fs::read(&path).unwrap();
    for (kode, value, why) in [
        (
            IP_ASN,
            "70.850",
            "ambigu: 70.850 (ribuan) atau 70,85 (desimal)",
        ),
        (IP_ASN, "+5", "tanpa tanda"),
        (IP_ASN, "-0", "tanpa tanda"),
        (IP_ASN, ",5", "koma atau titik perlu angka di kedua sisinya"),
        (IP_ASN, "1,", "koma atau titik perlu angka di kedua sisinya"),
        (ANGGARAN, "1200", "persentase di atas 1.000 %"),
    ] {
        let out = kinerja(&path, &["set", kode, "--tw", "4", "--realisasi", value]);
        assert_eq!(out.status.code(), Some(2), "{value}: {}", text(&out.stdout));
        let err = text(&out.stderr);
        assert!(err.contains(why), "{value}: {err}");
        assert_eq!(err.lines().count(), 1, "{value}: one line: {err}");
    }
    let out = kinerja(
        &path,
        &["set", LAYANAN, "--tw", "3", "--rp", "Rp 1.000,505"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("paling banyak 2 angka di belakang koma"));
    // A kode holding a newline: one line, the newline shown as an escape.
    let out = kinerja(&path, &["set", "7.01.01.2.05\n7.01.02", "--target", "80"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
}

#[test]
fn set_echoes_the_figure_with_its_unit() {
    let (_dir, path) = workspace();
    let out = kinerja(&path, &["set", IP_ASN, "--tw", "4", "--realisasi", "70,9"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("70,85 → 70,9 indeks"),
        "{}",
        text(&out.stdout)
    );
    // A count keeps its thousands: 1.300 is one thousand three hundred.
    let out = kinerja(
        &path,
        &["set", LAYANAN, "--tw", "3", "--realisasi", "1.300"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("1.235 → 1.300 pelayanan"));
    let saved = store::load(&path).unwrap();
    assert_eq!(
        saved.node(IP_ASN).unwrap().indikator[0].realisasi[3],
        Some(dec!(70.9))
    );
    assert_eq!(
        saved.node(LAYANAN).unwrap().indikator[0].realisasi[2],
        Some(dec!(1300))
    );
}

fn app() -> App {
    App::new(
        store::parse(store::SAMPLE_JSON).unwrap(),
        None,
        Lang::Id,
        Theme::MONO,
    )
}

/// Opens the editor on the TW `q` realisation of `kode`'s first indicator.
fn edit(app: &mut App, kode: &str, q: Quarter) {
    press(app, &[KeyCode::Char('/')]);
    type_text(app, kode);
    press(app, &[KeyCode::Enter, KeyCode::Tab, KeyCode::Home]);
    for _ in 0..q.number() {
        press(app, &[KeyCode::Right]);
    }
    press(app, &[KeyCode::Enter]);
    assert!(matches!(app.mode(), Mode::Editing(_)));
}

fn editor_error(app: &App) -> Option<String> {
    match app.mode() {
        Mode::Editing(e) => e.error.clone(),
        _ => None,
    }
}

#[test]
fn the_editor_refuses_what_reads_two_ways() {
    let mut app = app();
    let before = app.ws().clone();
    edit(&mut app, IP_ASN, Quarter::IV);
    for (value, why) in [
        ("70.850", "ambigu: 70.850 (ribuan) atau 70,85 (desimal)"),
        ("+5", "tanpa tanda"),
        ("-0", "tanpa tanda"),
        (",5", "koma atau titik"),
        ("1,", "koma atau titik"),
    ] {
        ctrl(&mut app, 'u');
        type_text(&mut app, value);
        press(&mut app, &[KeyCode::Enter]);
        let error = editor_error(&app).unwrap_or_else(|| panic!("{value} accepted"));
        assert!(error.contains(why), "{value}: {error}");
    }
    press(&mut app, &[KeyCode::Esc]);
    edit(&mut app, ANGGARAN, Quarter::IV);
    type_text(&mut app, "1200");
    press(&mut app, &[KeyCode::Enter]);
    assert!(
        editor_error(&app)
            .unwrap()
            .contains("persentase di atas 1.000 %")
    );
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.ws() == &before, "nothing changed");
}

#[test]
fn the_editor_shows_what_it_read_with_the_unit() {
    let mut app = app();
    edit(&mut app, IP_ASN, Quarter::IV);
    type_text(&mut app, "70.9");
    let Mode::Editing(editor) = app.mode() else {
        unreachable!()
    };
    assert_eq!(editor.preview(Lang::Id), Ok("70,9 indeks".to_string()));
    press(&mut app, &[KeyCode::Enter]);
    let message = app.message().unwrap().text().to_string();
    assert!(message.contains("70,85 → 70,9 indeks"), "{message}");
}
