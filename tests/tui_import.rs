//! `I` in the interface (issue 13), through the real key tables at 80×24: the sample's E-81
//! exported to xlsx comes back into a workspace whose TW III was cleared — the preview read
//! on screen, Enter, every figure back as the sample has it, `u` taking the whole import back,
//! `s` saving it with "import FILE" in the journal; a broken file shows its problem at its
//! cell and Enter is refused; Esc changes nothing; a file changed between the preview and
//! Enter is planned again and shown, not applied; files that cannot be read are said in the
//! form in one line.

#[path = "support/keys.rs"]
mod keys;
#[path = "support/screen.rs"]
mod screen;

use keys::{ctrl, press, shift, type_text};
use kinerja::export::{self, Format, Request};
use kinerja::locale::Lang;
use kinerja::model::{Field, NodeKind, Quarter, Workspace};
use kinerja::store;
use kinerja::tui::{App, Mode};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::{Decimal, dec};
use screen::{app_at, message, screen, settle};
use std::path::{Path, PathBuf};

const NONPERIZINAN: &str = "7.01.02.2.04.02";

fn sample() -> Workspace {
    store::parse(store::SAMPLE_JSON).unwrap()
}

/// The sample's TW III figures as the sample file holds them: every indicator's realisation
/// and every sub kegiatan's Rupiah.
fn tw3(ws: &Workspace) -> Vec<(String, Field, Decimal)> {
    let mut out = Vec::new();
    for n in ws.nodes() {
        for (i, ind) in n.indikator.iter().enumerate() {
            if let Some(v) = ind.realisasi[2] {
                out.push((n.kode.clone(), Field::Realisasi(i, Quarter::III), v));
            }
        }
        if n.jenis == NodeKind::SubKegiatan
            && let Some(v) = n.anggaran.as_ref().and_then(|b| b.realisasi_rp[2])
        {
            out.push((n.kode.clone(), Field::Rp(Quarter::III), v));
        }
    }
    out
}

/// The sample with those TW III figures cleared, in a file of its own.
fn cleared_file() -> (tempfile::TempDir, PathBuf) {
    let mut ws = sample();
    fn go(nodes: &mut [kinerja::model::Node]) {
        for n in nodes {
            for i in &mut n.indikator {
                i.realisasi[2] = None;
            }
            if n.jenis == NodeKind::SubKegiatan
                && let Some(b) = &mut n.anggaran
            {
                b.realisasi_rp[2] = None;
            }
            go(&mut n.anak);
        }
    }
    go(&mut ws.pohon);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    store::write_atomic(&path, store::to_json(&ws).as_bytes()).unwrap();
    (dir, path)
}

/// The sample's E-81 table as `x`/`kinerja export` writes it.
fn e81(ws: &Workspace, format: Format) -> Vec<u8> {
    export::render(&Request {
        ws,
        quarter: Quarter::IV,
        lang: Lang::Id,
        format,
        table: Some("e81"),
    })
    .unwrap()
}

/// `I`, the path typed, Enter, and the file read.
fn import(app: &mut App, path: &str) {
    shift(app, 'I');
    assert!(matches!(app.mode(), Mode::Form(_)), "I opens the form");
    ctrl(app, 'u');
    type_text(app, path);
    press(app, &[KeyCode::Enter]);
    settle(app);
}

fn previewing(app: &App) -> bool {
    matches!(app.mode(), Mode::ImportPreview(_))
}

/// Every screen of the preview, scrolled through with PgDn to its end.
fn whole_preview(app: &mut App) -> String {
    let mut last = screen(app, 80, 24);
    let mut seen = last.clone();
    for _ in 0..100 {
        press(app, &[KeyCode::PageDown]);
        let now = screen(app, 80, 24);
        if now == last {
            return seen;
        }
        seen.push('\n');
        seen.push_str(&now);
        last = now;
    }
    panic!("the preview does not end");
}

#[test]
fn an_exported_e81_brings_a_cleared_quarter_back_undo_takes_it_back_and_s_saves_it() {
    let (dir, path) = cleared_file();
    let xlsx = dir.path().join("e81.xlsx");
    std::fs::write(&xlsx, e81(&sample(), Format::Xlsx)).unwrap();
    let expected = tw3(&sample());
    // The seed's figures (README, docs/data-notes.md): non-licensing reports 1.235 in TW III,
    // Rp 3.540.000 spent.
    assert!(expected.contains(&(
        NONPERIZINAN.into(),
        Field::Realisasi(0, Quarter::III),
        dec!(1235)
    )));
    assert!(expected.contains(&(NONPERIZINAN.into(), Field::Rp(Quarter::III), dec!(3540000))));
    let mut app = app_at(&path, Lang::Id);
    for (kode, field, _) in &expected {
        assert_eq!(app.value(kode, *field), None, "cleared: {kode} {field:?}");
    }

    import(&mut app, xlsx.to_str().unwrap());
    assert!(previewing(&app), "{}", message(&app));
    let top = screen(&mut app, 80, 24);
    assert!(top.contains("Pratinjau impor e81.xlsx"), "{top}");
    // What Enter would do, said first: every cleared figure comes back.
    assert!(
        top.contains(&format!("{} angka berubah", expected.len())),
        "{} figures: {top}",
        expected.len()
    );
    assert!(top.contains("Enter: terapkan"), "{top}");
    assert!(
        top.contains("Enter terapkan") && top.contains("Esc batal"),
        "{top}"
    );
    let all = whole_preview(&mut app);
    // Per node, each figure from nothing to the file's value, with its cell.
    assert!(all.contains(NONPERIZINAN), "{all}");
    assert!(all.contains("— → 1.235"), "{all}");
    assert!(all.contains("— → Rp 3.540.000"), "{all}");
    assert!(all.contains("'E-81'!"), "{all}");
    assert!(all.contains("0 masalah"), "{all}");
    assert_eq!(app.unsaved_count(), 0, "a preview changes nothing");

    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert!(!previewing(&app));
    let said = message(&app);
    assert!(
        said.contains(&format!("Diimpor dari e81.xlsx {} angka", expected.len())),
        "{said}"
    );
    for (kode, field, v) in &expected {
        assert_eq!(app.value(kode, *field), Some(*v), "{kode} {field:?}");
    }
    assert!(screen(&mut app, 80, 24).contains("belum disimpan"));
    assert_eq!(app.self_check(), None);

    // The whole import is one step: u takes every figure back, Ctrl-r puts them in again.
    press(&mut app, &[KeyCode::Char('u')]);
    for (kode, field, _) in &expected {
        assert_eq!(app.value(kode, *field), None, "undone: {kode} {field:?}");
    }
    assert!(!app.is_dirty());
    ctrl(&mut app, 'r');
    for (kode, field, v) in &expected {
        assert_eq!(
            app.value(kode, *field),
            Some(*v),
            "redone: {kode} {field:?}"
        );
    }

    // s saves through the commit path; each figure's journal entry names the file.
    press(&mut app, &[KeyCode::Char('s')]);
    settle(&mut app);
    assert!(!app.is_dirty(), "{}", message(&app));
    let saved = store::load(&path).unwrap();
    assert_eq!(tw3(&saved), expected);
    let (entries, _) = store::journal::read(&path).unwrap();
    assert_eq!(entries.len(), expected.len());
    let source = format!("import {}", xlsx.display());
    assert!(
        entries
            .iter()
            .all(|e| e.catatan.as_deref() == Some(source.as_str())),
        "{:?}",
        entries.first()
    );
}

#[test]
fn a_figure_typed_in_the_same_save_says_nothing_of_the_import() {
    let (dir, path) = cleared_file();
    let xlsx = dir.path().join("e81.xlsx");
    std::fs::write(&xlsx, e81(&sample(), Format::Xlsx)).unwrap();
    let mut app = app_at(&path, Lang::Id);
    import(&mut app, xlsx.to_str().unwrap());
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    // One imported figure typed over (1.235 → 1.300), then saved with the rest.
    assert!(app.set_figure(
        NONPERIZINAN,
        Field::Realisasi(0, Quarter::III),
        Some(dec!(1300))
    ));
    press(&mut app, &[KeyCode::Char('s')]);
    settle(&mut app);
    let (entries, _) = store::journal::read(&path).unwrap();
    let typed: Vec<_> = entries.iter().filter(|e| e.catatan.is_none()).collect();
    assert_eq!(typed.len(), 1, "{entries:?}");
    assert_eq!(typed[0].kode, NONPERIZINAN);
    assert_eq!(entries.len(), tw3(&sample()).len());
}

/// The sample's E-81 as csv with the Nonperizinan row's TW III figure `1235` written `12x5`,
/// and the cell it is in (found from the file: its row and column), `rusak!Q33`-like.
fn broken_csv(dir: &Path) -> (PathBuf, String) {
    let text = String::from_utf8(e81(&sample(), Format::Csv)).unwrap();
    let mut cell = None;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for (row, record) in reader.records().enumerate() {
        let record = record.unwrap();
        // The form writes the level and kode before the name: "[SUB KEGIATAN] 7.01.02.2.04.02 …".
        if record
            .iter()
            .any(|f| f.contains(&format!("] {NONPERIZINAN} ")))
        {
            let col = record.iter().position(|f| f == "1235").expect("TW III");
            let letter = (b'A' + col as u8) as char;
            cell = Some(format!("rusak!{letter}{}", row + 1));
        }
    }
    let broken: String = text
        .lines()
        .map(|l| {
            if l.contains(&format!("] {NONPERIZINAN} ")) {
                l.replacen(",1235,", ",12x5,", 1)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let path = dir.join("rusak.csv");
    std::fs::write(&path, broken).unwrap();
    (path, cell.expect("the Nonperizinan row"))
}

#[test]
fn a_broken_file_shows_its_problem_at_its_cell_and_enter_is_refused() {
    let (dir, path) = cleared_file();
    let (csv, cell) = broken_csv(dir.path());
    let before = std::fs::read(&path).unwrap();
    let mut app = app_at(&path, Lang::Id);
    let ws = app.ws().clone();
    import(&mut app, csv.to_str().unwrap());
    assert!(previewing(&app), "{}", message(&app));
    let top = screen(&mut app, 80, 24);
    assert!(top.contains("1 masalah"), "{top}");
    assert!(top.contains("tidak dapat diterapkan"), "{top}");
    let all = whole_preview(&mut app);
    assert!(
        all.contains(&format!("MASALAH {cell}: «12x5» bukan angka")),
        "{cell}: {all}"
    );
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert!(previewing(&app), "Enter keeps the preview open");
    assert!(
        message(&app).contains("tidak dapat diterapkan"),
        "{}",
        message(&app)
    );
    assert!(app.ws() == &ws, "nothing applied");
    assert_eq!(app.unsaved_count(), 0);
    press(&mut app, &[KeyCode::Esc]);
    assert!(matches!(app.mode(), Mode::Browse));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn esc_in_the_preview_or_the_form_changes_nothing() {
    let (dir, path) = cleared_file();
    let xlsx = dir.path().join("e81.xlsx");
    std::fs::write(&xlsx, e81(&sample(), Format::Xlsx)).unwrap();
    let mut app = app_at(&path, Lang::Id);
    let ws = app.ws().clone();
    import(&mut app, xlsx.to_str().unwrap());
    assert!(previewing(&app));
    press(&mut app, &[KeyCode::Esc]);
    assert!(matches!(app.mode(), Mode::Browse));
    assert_eq!(message(&app), "Impor batal; tidak ada yang berubah.");
    assert!(app.ws() == &ws && !app.is_dirty() && !app.can_undo());
    // Esc while the file is still being read: its result is let go.
    shift(&mut app, 'I');
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &[KeyCode::Esc]);
    settle(&mut app);
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(app.ws() == &ws && !app.is_dirty());
}

#[test]
fn a_file_changed_between_the_preview_and_enter_is_shown_again_not_applied() {
    let (dir, path) = cleared_file();
    let xlsx = dir.path().join("e81.xlsx");
    std::fs::write(&xlsx, e81(&sample(), Format::Xlsx)).unwrap();
    let mut app = app_at(&path, Lang::Id);
    import(&mut app, xlsx.to_str().unwrap());
    assert!(whole_preview(&mut app).contains("— → 1.235"));
    // Someone saves the workbook again meanwhile, with 1.300 for Nonperizinan's TW III.
    let mut edited = sample();
    edited.node_mut(NONPERIZINAN).unwrap().indikator[0].realisasi[2] = Some(dec!(1300));
    std::fs::write(&xlsx, e81(&edited, Format::Xlsx)).unwrap();
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert!(previewing(&app), "the new preview, not applied");
    assert!(
        message(&app).contains("berubah sejak pratinjau"),
        "{}",
        message(&app)
    );
    assert!(!app.is_dirty());
    assert!(whole_preview(&mut app).contains("— → 1.300"));
    press(&mut app, &[KeyCode::Home, KeyCode::Enter]);
    settle(&mut app);
    assert!(!previewing(&app));
    assert_eq!(
        app.value(NONPERIZINAN, Field::Realisasi(0, Quarter::III)),
        Some(dec!(1300))
    );
}

#[test]
fn files_that_cannot_be_read_are_said_in_the_form_in_one_line() {
    let (dir, path) = cleared_file();
    let d = dir.path();
    std::fs::write(d.join("catatan.xlsx"), "bukan zip").unwrap();
    std::fs::create_dir(d.join("folder.xlsx")).unwrap();
    std::os::unix::fs::symlink(d.join("putar.csv"), d.join("putar.csv")).unwrap();
    let fifo = d.join("pipa.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
    let mut app = app_at(&path, Lang::Id);
    let ws = app.ws().clone();
    let cases = [
        ("tidak-ada.xlsx", "berkas tidak ada"),
        ("folder.xlsx", "ini folder"),
        ("putar.csv", "tautan berputar"),
        ("pipa.csv", "bukan berkas biasa"),
        ("catatan.xlsx", "bukan lembar kerja"),
        ("sooko.json", "bukan lembar kerja"),
        ("", "ketik nama berkas"),
    ];
    // Relative to the current folder, as typed at a shell.
    std::env::set_current_dir(d).unwrap();
    for (file, why) in cases {
        import(&mut app, file);
        let Mode::Form(form) = app.mode() else {
            panic!("{file}: the form stays open, {:?}", message(&app));
        };
        let said = form.error.clone().unwrap_or_default();
        assert!(said.contains(why), "{file}: {said}");
        assert!(!said.contains('\n'), "{said}");
        assert!(screen(&mut app, 80, 24).contains(why.split(' ').next().unwrap()));
        press(&mut app, &[KeyCode::Esc]);
    }
    // `~` is the home folder.
    app.set_home(Some(d.to_string_lossy().into_owned()));
    import(&mut app, "~/tidak-ada.xlsx");
    let Mode::Form(form) = app.mode() else {
        panic!()
    };
    let said = form.error.clone().unwrap_or_default();
    assert!(
        said.contains(&format!(
            "{}: berkas tidak ada",
            d.join("tidak-ada.xlsx").display()
        )),
        "{said}"
    );
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.ws() == &ws && !app.is_dirty());
}

#[test]
fn in_english_and_listed_in_help() {
    let (dir, path) = cleared_file();
    let xlsx = dir.path().join("e81.xlsx");
    std::fs::write(&xlsx, e81(&sample(), Format::Xlsx)).unwrap();
    let mut app = app_at(&path, Lang::En);
    press(&mut app, &[KeyCode::Char('?')]);
    let help = screen(&mut app, 80, 24);
    assert!(help.contains("import an xlsx/csv file"), "{help}");
    press(&mut app, &[KeyCode::Esc]);
    import(&mut app, xlsx.to_str().unwrap());
    let top = screen(&mut app, 80, 24);
    assert!(top.contains("Import preview e81.xlsx"), "{top}");
    assert!(top.contains("figure(s) change"), "{top}");
    assert!(top.contains("Enter apply"), "{top}");
}

#[test]
fn create_missing_brings_a_removed_sub_kegiatan_back_with_its_figures_and_undo_removes_it() {
    // The sample without Nonperizinan (the seed's 7.01.02.2.04.02).
    let mut ws = sample();
    let parent = ws.node_mut("7.01.02.2.04").unwrap();
    parent.anak.retain(|n| n.kode != NONPERIZINAN);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    store::write_atomic(&path, store::to_json(&ws).as_bytes()).unwrap();
    let xlsx = dir.path().join("e81.xlsx");
    std::fs::write(&xlsx, e81(&sample(), Format::Xlsx)).unwrap();
    let mut app = app_at(&path, Lang::Id);

    // Without "create missing" the row has no node to go to: a problem, nothing applied.
    import(&mut app, xlsx.to_str().unwrap());
    assert!(screen(&mut app, 80, 24).contains("tidak dapat diterapkan"));
    press(&mut app, &[KeyCode::Esc]);

    // With it: the form keeps the file; Tab to "Buat yang belum ada", → ya.
    shift(&mut app, 'I');
    press(
        &mut app,
        &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab, KeyCode::Right],
    );
    assert!(screen(&mut app, 80, 24).contains("ya: tambahkan node"));
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert!(previewing(&app), "{}", message(&app));
    let all = whole_preview(&mut app);
    assert!(all.contains("1 node dan 1 indikator dibuat"), "{all}");
    press(&mut app, &[KeyCode::Home, KeyCode::Enter]);
    settle(&mut app);
    assert!(!previewing(&app), "{}", message(&app));
    // The seed's figures for it: target 500, TW I–IV 462, 428, 1.235, 1.037; pagu Rp 25.000.000.
    let r = |q| app.value(NONPERIZINAN, Field::Realisasi(0, q));
    assert_eq!(app.value(NONPERIZINAN, Field::Target(0)), Some(dec!(500)));
    assert_eq!(
        [
            r(Quarter::I),
            r(Quarter::II),
            r(Quarter::III),
            r(Quarter::IV)
        ],
        [
            Some(dec!(462)),
            Some(dec!(428)),
            Some(dec!(1235)),
            Some(dec!(1037))
        ]
    );
    assert_eq!(app.value(NONPERIZINAN, Field::Pagu), Some(dec!(25000000)));
    assert_eq!(app.self_check(), None);
    press(&mut app, &[KeyCode::Char('u')]);
    assert!(
        app.ws().node(NONPERIZINAN).is_none(),
        "undo takes the node back out"
    );
    assert!(app.ws() == &ws);
}
