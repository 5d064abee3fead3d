//! The recovery file of unsaved edits (issue 11, item 11) on ratatui's `TestBackend`: written
//! after each edit off the key path, removed on save and on discard, offered at the next start
//! (re-applied through the normal merge, so a figure someone else saved meanwhile is a
//! conflict), set aside when declined; a link or another user's file is refused and never
//! written over. The real terminal (a killed tmux session, SIGTERM) is in tests/tui_e2e.rs.

#[path = "support/keys.rs"]
mod keys;
#[path = "support/screen.rs"]
mod screen;

use keys::{ctrl, press, type_text};
use kinerja::locale::Lang;
use kinerja::store::{self, recovery};
use kinerja::tui::{App, Mode};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::dec;
use screen::{app_at, go_to, message, sample_file, screen, settle};
use std::path::Path;
use std::time::Duration;

/// IP ASN (7.01.01.2.05), TW IV: 70,85 in the seed.
const IP_ASN: &str = "7.01.01.2.05";

fn type_tw4(app: &mut App, kode: &str, text: &str) {
    go_to(app, kode);
    press(app, &[KeyCode::Tab, KeyCode::End, KeyCode::Enter]);
    type_text(app, text);
    press(app, &[KeyCode::Enter, KeyCode::Tab]);
}

fn flushed(app: &App) {
    assert!(
        app.flush_recovery(Duration::from_secs(10)),
        "recovery file written"
    );
}

/// The figures a recovery file keeps (it keeps changes of every kind, issue 12).
fn figure_ops(r: &recovery::Recovery) -> Vec<kinerja::model::Op> {
    r.ops
        .iter()
        .cloned()
        .chain(r.changes.iter().filter_map(|c| match c {
            kinerja::model::Change::Figure { op, .. } => Some(op.clone()),
            _ => None,
        }))
        .collect()
}

fn tw4(path: &Path) -> Option<rust_decimal::Decimal> {
    store::load(path).unwrap().node(IP_ASN).unwrap().indikator[0].realisasi[3]
}

#[test]
fn each_edit_is_kept_and_a_save_or_a_discard_removes_the_file() {
    let (_dir, path) = sample_file();
    let file = recovery::path_for(&path);
    let mut app = app_at(&path, Lang::Id);
    assert!(app.recovery_kept());
    assert!(!file.exists());
    type_tw4(&mut app, IP_ASN, "76");
    flushed(&app);
    let kept = recovery::load(&path)
        .unwrap()
        .expect("written after the edit");
    let kept = figure_ops(&kept);
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].old, kept[0].new),
        (Some(dec!(70.85)), Some(dec!(76)))
    );
    // Owner-only: it holds unsaved figures.
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // Undone: nothing unsaved, no file.
    press(&mut app, &[KeyCode::Char('u')]);
    flushed(&app);
    assert!(!file.exists());
    ctrl(&mut app, 'r');
    flushed(&app);
    assert!(file.exists());
    // Saved: gone.
    ctrl(&mut app, 's');
    settle(&mut app);
    flushed(&app);
    assert!(!file.exists());
    // Quitting without saving: gone too (the user chose to lose the edit).
    type_tw4(&mut app, IP_ASN, "77");
    flushed(&app);
    assert!(file.exists());
    press(&mut app, &[KeyCode::Char('q'), KeyCode::Char('x')]);
    assert!(app.should_quit());
    flushed(&app);
    assert!(!file.exists());
}

#[test]
fn the_next_start_offers_the_edits_and_re_applies_them() {
    let (_dir, path) = sample_file();
    let mut first = app_at(&path, Lang::Id);
    type_tw4(&mut first, IP_ASN, "76");
    type_tw4(&mut first, "7.01.01.2.02", "90");
    drop(first); // as a killed session: nothing saved, the file stays.
    assert_eq!(tw4(&path), Some(dec!(70.85)));

    let mut app = app_at(&path, Lang::Id);
    assert!(matches!(app.mode(), Mode::Recover(_)));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("berakhir dengan 2 perubahan"), "{text}");
    assert!(
        text.contains("7.01.01.2.05 realisasi TW IV: 70,85 → 76"),
        "{text}"
    );
    assert!(!text.contains("Berkas sudah disimpan orang lain"), "{text}");
    press(&mut app, &[KeyCode::Enter]);
    assert!(
        message(&app).contains("2 perubahan dipulihkan"),
        "{}",
        message(&app)
    );
    assert!(app.is_dirty());
    assert_eq!(
        app.value(
            IP_ASN,
            kinerja::tui::Field::Realisasi(0, kinerja::model::Quarter::IV)
        ),
        Some(dec!(76))
    );
    // Like any edit: undone, and the recovery file follows.
    press(&mut app, &[KeyCode::Char('u')]);
    flushed(&app);
    assert_eq!(
        figure_ops(&recovery::load(&path).unwrap().unwrap()).len(),
        1
    );
    ctrl(&mut app, 'r');
    ctrl(&mut app, 's');
    settle(&mut app);
    assert_eq!(tw4(&path), Some(dec!(76)));
    flushed(&app);
    assert!(!recovery::path_for(&path).exists());
}

#[test]
fn a_figure_someone_else_saved_meanwhile_is_a_conflict_when_saving() {
    let (_dir, path) = sample_file();
    let mut first = app_at(&path, Lang::Id);
    type_tw4(&mut first, IP_ASN, "76");
    drop(first);
    // Budi saves 77 into the same cell.
    let mut budi = app_at(&path, Lang::Id);
    press(&mut budi, &[KeyCode::Char('n')]); // sets this user's file aside: Budi is elsewhere
    let aside: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".pulih-") && n.matches('.').count() > 3)
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    type_tw4(&mut budi, IP_ASN, "77");
    ctrl(&mut budi, 's');
    settle(&mut budi);
    drop(budi);
    // Put the file back as a killed session would have left it.
    std::fs::rename(
        path.parent().unwrap().join(&aside[0]),
        recovery::path_for(&path),
    )
    .unwrap();

    let mut app = app_at(&path, Lang::Id);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Berkas sudah disimpan orang lain"), "{text}");
    press(&mut app, &[KeyCode::Enter]);
    assert!(
        message(&app).contains("1 juga diubah orang lain"),
        "{}",
        message(&app)
    );
    ctrl(&mut app, 's');
    settle(&mut app);
    assert!(
        matches!(app.mode(), Mode::Conflicts(_)),
        "{}",
        message(&app)
    );
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Angka Anda    76"), "{text}");
    assert!(text.contains("Di berkas     77"), "{text}");
    assert_eq!(
        tw4(&path),
        Some(dec!(77)),
        "nothing written before the answer"
    );
    press(&mut app, &[KeyCode::Char('a')]);
    settle(&mut app);
    assert_eq!(tw4(&path), Some(dec!(77)));
    assert!(!app.is_dirty());
}

#[test]
fn a_recovery_file_that_is_a_link_is_refused_and_never_written_through() {
    let (dir, path) = sample_file();
    let target = dir.path().join("milik-orang-lain.txt");
    std::fs::write(&target, "jangan diubah\n").unwrap();
    std::os::unix::fs::symlink(&target, recovery::path_for(&path)).unwrap();
    let mut app = app_at(&path, Lang::Id);
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(!app.recovery_kept());
    assert!(
        message(&app).contains("berkas pemulihan ditolak"),
        "{}",
        message(&app)
    );
    type_tw4(&mut app, IP_ASN, "76");
    flushed(&app);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "jangan diubah\n");
    assert!(
        std::fs::symlink_metadata(recovery::path_for(&path))
            .unwrap()
            .file_type()
            .is_symlink(),
        "left as it is"
    );
}

#[test]
fn another_users_recovery_file_is_refused_and_left_alone() {
    // A file under this user's name owned by someone else (root can make one: CI runs as
    // root, as here).
    assert!(
        rustix::process::geteuid().is_root(),
        "needs root to give a file to another user"
    );
    let (_dir, path) = sample_file();
    let mut first = app_at(&path, Lang::Id);
    type_tw4(&mut first, IP_ASN, "76");
    drop(first);
    let file = recovery::path_for(&path);
    let before = std::fs::read(&file).unwrap();
    std::os::unix::fs::chown(&file, Some(65534), Some(65534)).unwrap();
    let mut app = app_at(&path, Lang::Id);
    assert!(matches!(app.mode(), Mode::Browse), "not offered");
    assert!(message(&app).contains("ditolak"), "{}", message(&app));
    type_tw4(&mut app, IP_ASN, "78");
    flushed(&app);
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn a_session_still_running_keeps_its_file() {
    // Two sessions of the same user on one workspace: the second leaves the first one's
    // recovery file alone and says so.
    let (_dir, path) = sample_file();
    let mut first = app_at(&path, Lang::Id);
    type_tw4(&mut first, IP_ASN, "76");
    flushed(&first);
    let second = app_at(&path, Lang::Id);
    assert!(matches!(second.mode(), Mode::Browse));
    assert!(!second.recovery_kept());
    assert!(
        message(&second).contains("Sesi kinerja Anda yang lain"),
        "{}",
        message(&second)
    );
    drop(second);
    assert_eq!(
        figure_ops(&recovery::load(&path).unwrap().unwrap()).len(),
        1
    );
}

#[test]
fn an_edit_costs_the_key_path_little_at_50000_indicators_with_1000_pending() {
    // Issue 11: the recovery file after each edit, cheaply. A kabupaten of 223 units × 225
    // indicators (50 175), 1 000 figures already unsaved; then 200 more edits, timed on the key
    // path (the write itself is on the recovery thread), and the writes counted.
    #[path = "../src/cli/generate.rs"]
    mod generate;
    let ws = generate::workspace(223, 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kabupaten.json");
    std::fs::write(&path, store::to_json(&ws)).unwrap();
    let mut app = app_at(&path, Lang::Id);
    let slots: Vec<(String, kinerja::tui::Field)> = app
        .ws()
        .nodes()
        .filter(|n| !n.indikator.is_empty())
        .flat_map(|n| {
            (0..n.indikator.len()).map(move |i| (n.kode.clone(), kinerja::tui::Field::Target(i)))
        })
        .collect();
    assert!(slots.len() >= 50_000, "{}", slots.len());
    for (i, (kode, field)) in slots.iter().take(1000).enumerate() {
        app.set_figure(kode, *field, Some(rust_decimal::Decimal::from(1000 + i)));
    }
    flushed(&app);
    let start = std::time::Instant::now();
    for (i, (kode, field)) in slots.iter().skip(1000).take(200).enumerate() {
        app.set_figure(kode, *field, Some(rust_decimal::Decimal::from(5000 + i)));
    }
    let per_edit = start.elapsed() / 200;
    let written = std::time::Instant::now();
    flushed(&app);
    let settle_time = written.elapsed();
    // The same edits on the workspace without a file (no recovery file): the edit's own cost.
    let mut plain = App::new(app.ws().clone(), None, Lang::Id, kinerja::tui::Theme::MONO);
    for (i, (kode, field)) in slots.iter().take(1000).enumerate() {
        plain.set_figure(kode, *field, Some(rust_decimal::Decimal::from(9000 + i)));
    }
    let start = std::time::Instant::now();
    for (i, (kode, field)) in slots.iter().skip(1000).take(200).enumerate() {
        plain.set_figure(kode, *field, Some(rust_decimal::Decimal::from(7000 + i)));
    }
    let without = start.elapsed() / 200;
    eprintln!(
        "recovery: {per_edit:?} per edit on the key path with the recovery file, {without:?} \
         without (1 000–1 200 pending, {} indicators); {} writes for 1 200 edits; the last \
         write settled {settle_time:?} after the last edit",
        slots.len(),
        app.recovery_writes()
    );
    assert_eq!(
        figure_ops(&recovery::load(&path).unwrap().unwrap()).len(),
        1200
    );
    // Debug build on a shared 2-core machine: generous, still far below a key's budget.
    assert!(per_edit < Duration::from_millis(2), "{per_edit:?}");
}
