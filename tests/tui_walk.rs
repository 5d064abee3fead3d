//! The walk of issue 12's "Done when", in the interface on ratatui's `TestBackend`, with keys
//! pressed through the real key tables: from a `kinerja init` workspace (an empty tree that
//! says what to press), a Visi down to two sub kegiatan with indicators, a plan, pagu and an
//! officer, figures of TW I and II; capaian and the red list on screen; saved — and the file
//! equals the one the same steps give on the command line (tests/cli_structure.rs walks them
//! there; ids aside, which each new indicator draws at random).

#[path = "support/keys.rs"]
mod keys;
#[path = "support/screen.rs"]
mod screen;

use keys::{ctrl, press, shift, type_text};
use kinerja::locale::Lang;
use kinerja::model::{IndicatorId, Node, Workspace};
use kinerja::store;
use kinerja::tui::{App, Mode};
use ratatui::crossterm::event::KeyCode;
use screen::{app_at, go_to, message, screen, settle};
use std::path::Path;
use std::process::Command;

fn kinerja(ws: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(ws)
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "kinerja {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn init(ws: &Path) {
    kinerja(
        ws,
        &[
            "init",
            "--instansi",
            "Kecamatan Trowulan",
            "--kabupaten",
            "Kabupaten Mojokerto",
            "--tahun",
            "2024",
            "--renstra",
            "2021-2026",
        ],
    );
}

/// Clears the field that has the keys and types `text` into it.
fn fill(app: &mut App, text: &str) {
    ctrl(app, 'u');
    type_text(app, text);
}

fn tab(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, &[KeyCode::Tab]);
    }
}

/// `a` on the selected node (or an empty tree): the default level, `kode`, `nama`.
fn add_child(app: &mut App, kode: &str, nama: &str) {
    press(app, &[KeyCode::Char('a')]);
    assert!(matches!(app.mode(), Mode::Form(_)), "{}", message(app));
    tab(app, 1);
    fill(app, kode);
    tab(app, 1);
    fill(app, nama);
    press(app, &[KeyCode::Enter]);
    assert!(
        matches!(app.mode(), Mode::Browse),
        "{}",
        screen(app, 80, 24)
    );
    assert_eq!(
        app.selected_row().unwrap().kode,
        kode,
        "the new node selected"
    );
}

/// `a` in the detail: an indicator with name, unit, aggregation (`terakhir` when `level`),
/// target and plan.
fn add_indicator(
    app: &mut App,
    kode: &str,
    nama: &str,
    satuan: &str,
    level: bool,
    target: &str,
    plan: &[&str],
) {
    go_to(app, kode);
    press(app, &[KeyCode::Tab, KeyCode::Char('a')]);
    fill(app, nama);
    tab(app, 1);
    fill(app, satuan);
    tab(app, 2);
    if level {
        press(app, &[KeyCode::Right]);
    }
    tab(app, 1);
    fill(app, target);
    // Past PK murni and perubahan to the plan of TW I–IV.
    tab(app, 3);
    for p in plan {
        fill(app, p);
        tab(app, 1);
    }
    press(app, &[KeyCode::Enter]);
    assert!(
        matches!(app.mode(), Mode::Browse),
        "{}",
        screen(app, 80, 24)
    );
    press(app, &[KeyCode::Esc]);
}

/// Types `value` into the detail's cell at `row`, column `col` (0 target or pagu, 1–4 TW).
fn cell(app: &mut App, kode: &str, row: usize, col: usize, value: &str) {
    go_to(app, kode);
    press(app, &[KeyCode::Tab, KeyCode::PageUp, KeyCode::Home]);
    for _ in 0..row {
        press(app, &[KeyCode::Down]);
    }
    for _ in 0..col {
        press(app, &[KeyCode::Right]);
    }
    press(app, &[KeyCode::Enter]);
    type_text(app, value);
    press(app, &[KeyCode::Enter]);
    assert!(
        !matches!(app.message(), Some(kinerja::tui::Message::Error(_))),
        "{kode} {row} {col}: {}",
        message(app)
    );
    press(app, &[KeyCode::Esc]);
}

/// The workspace with every indicator id cleared (ids are drawn at random).
fn without_ids(mut ws: Workspace) -> Workspace {
    fn go(nodes: &mut [Node]) {
        for n in nodes {
            for i in &mut n.indikator {
                i.id = IndicatorId::UNSET;
            }
            go(&mut n.anak);
        }
    }
    go(&mut ws.pohon);
    ws
}

#[test]
fn from_an_empty_tree_to_capaian_and_the_red_list_the_file_equals_the_command_lines() {
    let dir = tempfile::tempdir().unwrap();
    let tui_file = dir.path().join("trowulan.json");
    init(&tui_file);
    let mut app = app_at(&tui_file, Lang::Id);
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("Pohon kinerja masih kosong. Tekan a untuk menambah Visi"),
        "{text}"
    );

    // The tree, Visi down to two sub kegiatan (each level the default under its parent).
    add_child(
        &mut app,
        "VISI",
        "Terwujudnya Kabupaten Mojokerto yang Maju, Adil dan Makmur",
    );
    add_child(
        &mut app,
        "MISI-3",
        "Mewujudkan Tata Kelola Pemerintahan yang Berintegritas",
    );
    add_child(
        &mut app,
        "TUJUAN-1",
        "Meningkatkan Kualitas Pelayanan Publik",
    );
    add_child(
        &mut app,
        "SASARAN-1",
        "Terwujudnya Pelayanan Publik yang Optimal",
    );
    add_child(
        &mut app,
        "7.01.02",
        "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    );
    // The kode field proposes the next free code under the parent.
    press(&mut app, &[KeyCode::Char('a')]);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Kode     7.01.02.2.01"), "{text}");
    press(&mut app, &[KeyCode::Esc]);
    add_child(
        &mut app,
        "7.01.02.2.04",
        "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
    );
    add_child(
        &mut app,
        "7.01.02.2.04.02",
        "Pelaksanaan Urusan Pemerintahan yang terkait dengan Nonperizinan",
    );
    go_to(&mut app, "7.01.02.2.04");
    add_child(
        &mut app,
        "7.01.02.2.04.01",
        "Pelaksanaan Urusan Pemerintahan yang terkait dengan Perizinan",
    );

    // An officer, responsible for the program.
    shift(&mut app, 'P');
    press(&mut app, &[KeyCode::Char('a')]);
    fill(&mut app, "kasi-pelayanan");
    tab(&mut app, 1);
    fill(&mut app, "AINUL FADILAH, S.KM");
    tab(&mut app, 1);
    fill(&mut app, "19860309 200901 2 002");
    tab(&mut app, 1);
    fill(&mut app, "Kasi Pelayanan");
    press(&mut app, &[KeyCode::Enter]);
    assert!(matches!(app.mode(), Mode::Officers(_)), "back to the list");
    assert!(screen(&mut app, 80, 24).contains("kasi-pelayanan AINUL FADILAH, S.KM"));
    press(&mut app, &[KeyCode::Esc]);
    go_to(&mut app, "7.01.02");
    press(
        &mut app,
        &[KeyCode::Char('p'), KeyCode::Right, KeyCode::Enter],
    );
    assert!(
        screen(&mut app, 80, 24).contains("penanggung jawab: AINUL FADILAH, S.KM"),
        "{}",
        screen(&mut app, 80, 24)
    );

    // Indicators with targets, one with a quarterly plan.
    add_indicator(
        &mut app,
        "SASARAN-1",
        "IKM Kecamatan",
        "indeks",
        true,
        "86",
        &[],
    );
    add_indicator(
        &mut app,
        "7.01.02",
        "Persentase pelayanan sesuai standar",
        "%",
        true,
        "81",
        &[],
    );
    add_indicator(
        &mut app,
        "7.01.02.2.04.02",
        "Jumlah Laporan Nonperizinan",
        "pelayanan",
        false,
        "500",
        &["100", "150", "125", "125"],
    );
    add_indicator(
        &mut app,
        "7.01.02.2.04.01",
        "Jumlah Izin Terbit",
        "izin",
        false,
        "40",
        &[],
    );
    // Budgets: a pagu creates the budget.
    for (kode, pagu) in [
        ("7.01.02.2.04.02", "25.000.000"),
        ("7.01.02.2.04.01", "10.000.000"),
    ] {
        go_to(&mut app, kode);
        press(&mut app, &[KeyCode::Char('b')]);
        fill(&mut app, pagu);
        press(&mut app, &[KeyCode::Enter]);
        assert!(matches!(app.mode(), Mode::Browse), "{}", message(&app));
    }
    // Figures of TW I and II: realisations (indicator rows), Rupiah (the budget row).
    for (kode, tw, v) in [
        ("SASARAN-1", 2, "84"),
        ("7.01.02", 2, "85"),
        ("7.01.02.2.04.02", 1, "90"),
        ("7.01.02.2.04.02", 2, "160"),
        ("7.01.02.2.04.01", 1, "8"),
        ("7.01.02.2.04.01", 2, "10"),
    ] {
        cell(&mut app, kode, 0, tw, v);
    }
    for (kode, tw, v) in [
        ("7.01.02.2.04.02", 1, "4.000.000"),
        ("7.01.02.2.04.02", 2, "6.000.000"),
        ("7.01.02.2.04.01", 1, "1.000.000"),
        ("7.01.02.2.04.01", 2, "1.500.000"),
    ] {
        cell(&mut app, kode, 1, tw, v);
    }

    // As of TW II, by hand (as in tests/cli_structure.rs):
    // - IKM (terakhir): 84 of the full 86 = 97,67 % — red.
    // - Nonperizinan (jumlah, planned): 90 + 160 = 250 of 100 + 150 = 250 = 100,00 %.
    // - Izin (jumlah, no plan: pro rata): 8 + 10 = 18 of 40 × 2/4 = 20 = 90,00 % — red, worst.
    press(&mut app, &[KeyCode::Char('2')]);
    go_to(&mut app, "7.01.02.2.04.02");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("100,00 %"), "{text}");
    // The plan beside the realisation, and what is due by TW II where capaian is.
    assert!(
        text.contains("rencana      100      150      125      125"),
        "{text}"
    );
    assert!(text.contains("dari 250"), "{text}");
    go_to(&mut app, "7.01.02.2.04.01");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("90,00 %"), "{text}");
    assert!(text.contains("dari 20"), "{text}");
    press(&mut app, &[KeyCode::Char('d')]);
    let text = screen(&mut app, 120, 40);
    let izin = text.find("Jumlah Izin Terbit").expect(&text);
    let ikm = text.find("IKM Kecamatan").expect(&text);
    assert!(izin < ikm, "worst first:\n{text}");
    assert!(text.contains("90,00"), "{text}");
    assert!(text.contains("97,67"), "{text}");
    press(&mut app, &[KeyCode::Char('d')]);

    // Saved.
    ctrl(&mut app, 's');
    settle(&mut app);
    assert!(!app.is_dirty(), "{}", message(&app));
    let saved = store::load(&tui_file).unwrap();

    // The same steps on the command line.
    let cli_file = dir.path().join("cli.json");
    init(&cli_file);
    let k = |args: &str| {
        let words: Vec<String> = shell_words(args);
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        kinerja(&cli_file, &refs);
    };
    k("node add VISI 'Terwujudnya Kabupaten Mojokerto yang Maju, Adil dan Makmur'");
    k("node add --parent VISI MISI-3 'Mewujudkan Tata Kelola Pemerintahan yang Berintegritas'");
    k("node add --parent MISI-3 TUJUAN-1 'Meningkatkan Kualitas Pelayanan Publik'");
    k("node add --parent TUJUAN-1 SASARAN-1 'Terwujudnya Pelayanan Publik yang Optimal'");
    k(
        "node add --parent SASARAN-1 7.01.02 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik'",
    );
    k(
        "node add --parent 7.01.02 7.01.02.2.04 'Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat'",
    );
    k(
        "node add --parent 7.01.02.2.04 7.01.02.2.04.02 'Pelaksanaan Urusan Pemerintahan yang terkait dengan Nonperizinan'",
    );
    k(
        "node add --parent 7.01.02.2.04 7.01.02.2.04.01 'Pelaksanaan Urusan Pemerintahan yang terkait dengan Perizinan'",
    );
    k(
        "pejabat add kasi-pelayanan --nama 'AINUL FADILAH, S.KM' --nip '19860309 200901 2 002' --jabatan 'Kasi Pelayanan'",
    );
    k("set 7.01.02 --pejabat kasi-pelayanan");
    k(
        "indikator add SASARAN-1 --nama 'IKM Kecamatan' --satuan indeks --target 86 --agregasi terakhir",
    );
    k(
        "indikator add 7.01.02 --nama 'Persentase pelayanan sesuai standar' --satuan % --target 81 --agregasi terakhir",
    );
    k(
        "indikator add 7.01.02.2.04.02 --nama 'Jumlah Laporan Nonperizinan' --satuan pelayanan --target 500 --rencana 1=100 --rencana 2=150 --rencana 3=125 --rencana 4=125",
    );
    k("indikator add 7.01.02.2.04.01 --nama 'Jumlah Izin Terbit' --satuan izin --target 40");
    k("set 7.01.02.2.04.02 --pagu 25.000.000");
    k("set 7.01.02.2.04.01 --pagu 10.000.000");
    for (kode, tw, v) in [
        ("SASARAN-1", "2", "84"),
        ("7.01.02", "2", "85"),
        ("7.01.02.2.04.02", "1", "90"),
        ("7.01.02.2.04.02", "2", "160"),
        ("7.01.02.2.04.01", "1", "8"),
        ("7.01.02.2.04.01", "2", "10"),
    ] {
        kinerja(&cli_file, &["set", kode, "--tw", tw, "--realisasi", v]);
    }
    for (kode, tw, v) in [
        ("7.01.02.2.04.02", "1", "4.000.000"),
        ("7.01.02.2.04.02", "2", "6.000.000"),
        ("7.01.02.2.04.01", "1", "1.000.000"),
        ("7.01.02.2.04.01", "2", "1.500.000"),
    ] {
        kinerja(&cli_file, &["set", kode, "--tw", tw, "--rp", v]);
    }
    let cli = store::load(&cli_file).unwrap();
    let saved = without_ids(saved);
    let cli = without_ids(cli);
    assert_eq!(
        store::to_json(&saved),
        store::to_json(&cli),
        "the interface's file and the command line's"
    );
}

/// Words of a command line: split at spaces, `'…'` keeps spaces.
fn shell_words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}
