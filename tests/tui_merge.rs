//! Changes of the tree in the interface meeting other users' saves (issue 12, "Safety, as for
//! figures"): two sessions on one file. A figure another user typed into a node this user
//! removed is a conflict shown (never a silent loss), answered by dropping the removal, which
//! comes off the screen; a node another user removed under this user's unsaved figure is a
//! conflict shown when their save is loaded; an indicator added by each lands twice; a save
//! while another process holds the lock returns at once and lands later with what was made
//! meanwhile; a form open on a node another user removes closes, saying so; the recovery file
//! keeps changes of the tree (a session killed, restarted, re-applied).

#[path = "support/keys.rs"]
mod keys;
#[path = "support/screen.rs"]
mod screen;

use keys::{ctrl, press, shift, type_text};
use kinerja::locale::Lang;
use kinerja::model::{Field, Quarter};
use kinerja::store::{self, recovery};
use kinerja::tui::{App, Mode};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::dec;
use screen::{app_at, go_to, message, sample_file, screen, settle};
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const X: &str = "7.01.06.2.01.09";

fn tw1(app: &App, kode: &str) -> Option<rust_decimal::Decimal> {
    app.value(kode, Field::Realisasi(0, Quarter::I))
}

fn type_tw1(app: &mut App, kode: &str, value: &str) {
    go_to(app, kode);
    press(
        app,
        &[KeyCode::Tab, KeyCode::Home, KeyCode::Right, KeyCode::Enter],
    );
    ctrl(app, 'u');
    type_text(app, value);
    press(app, &[KeyCode::Enter, KeyCode::Esc]);
}

fn remove(app: &mut App, kode: &str) {
    go_to(app, kode);
    shift(app, 'D');
    press(app, &[KeyCode::Char('y')]);
    assert!(app.ws().node(kode).is_none());
}

fn save(app: &mut App) {
    ctrl(app, 's');
    settle(app);
}

/// Another user's save looked for and loaded (as the event loop does every two seconds).
fn reload(app: &mut App) {
    assert!(app.check_disk(), "the file changed");
    settle(app);
}

fn on_disk(path: &Path) -> kinerja::model::Workspace {
    store::load(path).unwrap()
}

#[test]
fn a_figure_typed_by_another_user_into_a_node_this_user_removed_is_a_conflict_shown() {
    let (_dir, path) = sample_file();
    let mut ani = app_at(&path, Lang::Id);
    let mut budi = app_at(&path, Lang::Id);
    remove(&mut ani, X);
    type_tw1(&mut budi, X, "7");
    save(&mut budi);
    assert_eq!(
        on_disk(&path).figure(X, Field::Realisasi(0, Quarter::I)),
        Some(Some(dec!(7)))
    );

    save(&mut ani);
    assert!(
        matches!(ani.mode(), Mode::Conflicts(_)),
        "{}",
        message(&ani)
    );
    let text = screen(&mut ani, 80, 24);
    assert!(text.contains("tidak lagi cocok dengan berkas"), "{text}");
    assert!(text.contains("7.01.06.2.01.09: Sub Kegiatan"), "{text}");
    assert!(text.contains("buang perubahan saya"), "{text}");
    assert!(
        on_disk(&path).node(X).is_some(),
        "nothing written: Budi's figure is not lost"
    );
    // Ani drops her removal: the node is back on her screen, and the save is tried again
    // (nothing of hers is left: it brings Budi's figure in).
    press(&mut ani, &[KeyCode::Char('d')]);
    settle(&mut ani);
    assert!(matches!(ani.mode(), Mode::Browse), "{}", message(&ani));
    assert!(ani.ws().node(X).is_some(), "back on screen");
    assert_eq!(tw1(&ani, X), Some(dec!(7)), "with Budi's figure");
    assert!(!ani.is_dirty(), "{}", message(&ani));
    assert!(ani.self_check().is_none());
}

#[test]
fn a_node_another_user_removed_under_an_unsaved_figure_is_a_conflict_when_loaded() {
    let (_dir, path) = sample_file();
    let mut ani = app_at(&path, Lang::Id);
    let mut budi = app_at(&path, Lang::Id);
    type_tw1(&mut ani, X, "9");
    remove(&mut budi, X);
    save(&mut budi);

    reload(&mut ani);
    assert!(
        matches!(ani.mode(), Mode::Conflicts(_)),
        "{}",
        message(&ani)
    );
    let text = screen(&mut ani, 80, 24);
    assert!(text.contains("realisasi TW I: 2 → 9"), "{text}");
    assert!(
        text.contains("tidak ada lagi") || text.contains("tidak ada"),
        "{text}"
    );
    // Later: kept (not shown), still unsaved.
    press(&mut ani, &[KeyCode::Esc]);
    assert!(ani.ws().node(X).is_none(), "Budi's removal shown");
    assert!(ani.is_dirty(), "the figure is kept");
    // Saving asks again; dropped, nothing is left unsaved.
    save(&mut ani);
    assert!(
        matches!(ani.mode(), Mode::Conflicts(_)),
        "{}",
        message(&ani)
    );
    press(&mut ani, &[KeyCode::Char('d')]);
    settle(&mut ani);
    assert!(
        message(&ani).contains("Dibuang") || !ani.is_dirty(),
        "{}",
        message(&ani)
    );
    assert!(!ani.is_dirty(), "{}", message(&ani));
}

#[test]
fn an_indicator_added_by_each_user_lands_twice() {
    let (_dir, path) = sample_file();
    let mut ani = app_at(&path, Lang::Id);
    let mut budi = app_at(&path, Lang::Id);
    for (app, name) in [(&mut ani, "Indikator Ani"), (&mut budi, "Indikator Budi")] {
        go_to(app, X);
        press(app, &[KeyCode::Tab, KeyCode::Char('a')]);
        type_text(app, name);
        press(app, &[KeyCode::Tab]);
        type_text(app, "dokumen");
        press(app, &[KeyCode::Enter, KeyCode::Esc]);
    }
    save(&mut budi);
    save(&mut ani);
    assert!(message(&ani).contains("digabung"), "{}", message(&ani));
    let names: Vec<String> = on_disk(&path)
        .node(X)
        .unwrap()
        .indikator
        .iter()
        .map(|i| i.nama.clone())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"Indikator Ani".to_string()));
    assert!(names.contains(&"Indikator Budi".to_string()));
    assert_eq!(
        ani.ws().node(X).unwrap().indikator.len(),
        3,
        "on Ani's screen too"
    );
    assert!(ani.self_check().is_none());
}

/// Another process holding the workspace's lock until released: `flock(1)` (util-linux),
/// which takes the same `flock(2)` lock as kinerja and writes its holder's name into it.
struct LockHolder {
    child: Child,
}

impl LockHolder {
    fn take(workspace: &Path, user: &str) -> LockHolder {
        let lock = store::lock_path(workspace);
        let script = "printf '%s (pid %s)' \"$1\" $$ > \"$2\"; read line; true";
        let child = Command::new("flock")
            .arg(&lock)
            .args(["sh", "-c", script, "sh", user])
            .arg(&lock)
            .stdin(Stdio::piped())
            .spawn()
            .expect("flock(1) from util-linux is needed for this test");
        // Held from here, so a failed wait below still ends the child (Drop).
        let holder = LockHolder { child };
        let start = Instant::now();
        loop {
            let file = std::fs::File::open(&lock);
            let held = file
                .as_ref()
                .is_ok_and(|f| matches!(f.try_lock(), Err(std::fs::TryLockError::WouldBlock)));
            let mut text = String::new();
            if let Ok(mut f) = file {
                let _ = f.read_to_string(&mut text);
            }
            if held && text.starts_with(user) {
                return holder;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "flock took no lock"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn release(mut self) {
        drop(self.child.stdin.take());
        assert!(self.child.wait().unwrap().success());
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        if self.child.stdin.is_some() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn a_save_of_the_tree_while_another_process_holds_the_lock_returns_at_once() {
    let (_dir, path) = sample_file();
    let mut app = app_at(&path, Lang::Id);
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('a'), KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut app, "Pertama");
    press(&mut app, &[KeyCode::Enter]);
    let budi = LockHolder::take(&path, "budi");
    let start = Instant::now();
    ctrl(&mut app, 's');
    assert!(
        start.elapsed() < Duration::from_millis(500),
        "{:?}",
        start.elapsed()
    );
    // Keys keep working: another node, under the first, while the save waits.
    press(&mut app, &[KeyCode::Char('a')]);
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("Tingkat  ← Sub Kegiatan →") || text.contains("terendah"),
        "{text}"
    );
    press(&mut app, &[KeyCode::Esc]);
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('a'), KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut app, "Kedua");
    press(&mut app, &[KeyCode::Enter]);
    assert!(
        on_disk(&path).node("7.01.06.2.01.13").is_none(),
        "not written yet"
    );
    budi.release();
    settle(&mut app);
    assert!(
        on_disk(&path).node("7.01.06.2.01.13").is_some(),
        "{}",
        message(&app)
    );
    assert!(app.is_dirty(), "the second one waits for the next save");
    save(&mut app);
    assert!(!app.is_dirty());
    let kids: Vec<String> = on_disk(&path)
        .node("7.01.06.2.01")
        .unwrap()
        .anak
        .iter()
        .map(|n| n.nama.clone())
        .collect();
    assert_eq!(kids.len(), 6, "{kids:?}");
    assert_eq!(kids[4..], ["Pertama", "Kedua"]);
}

#[test]
fn a_form_open_on_a_node_another_user_removes_closes_saying_so() {
    let (_dir, path) = sample_file();
    let mut ani = app_at(&path, Lang::Id);
    let mut budi = app_at(&path, Lang::Id);
    go_to(&mut ani, X);
    shift(&mut ani, 'R');
    type_text(&mut ani, " (baru)");
    remove(&mut budi, X);
    save(&mut budi);
    reload(&mut ani);
    assert!(matches!(ani.mode(), Mode::Browse));
    assert!(
        message(&ani).contains("dihapus atau diganti kodenya oleh simpanan pengguna lain"),
        "{}",
        message(&ani)
    );
    assert!(!ani.is_dirty(), "nothing changed");
}

#[test]
fn changes_of_the_tree_are_kept_in_the_recovery_file_and_re_applied_after_a_kill() {
    let (_dir, path) = sample_file();
    let mut first = app_at(&path, Lang::Id);
    go_to(&mut first, "7.01.06.2.01");
    press(
        &mut first,
        &[KeyCode::Char('a'), KeyCode::Tab, KeyCode::Tab],
    );
    type_text(&mut first, "Dipulihkan");
    press(&mut first, &[KeyCode::Enter]);
    press(&mut first, &[KeyCode::Tab, KeyCode::Char('a')]);
    type_text(&mut first, "Jumlah");
    press(&mut first, &[KeyCode::Tab]);
    type_text(&mut first, "dokumen");
    press(&mut first, &[KeyCode::Enter, KeyCode::Esc]);
    first.set_figure(
        "7.01.06.2.01.13",
        Field::Realisasi(0, Quarter::I),
        Some(dec!(5)),
    );
    go_to(&mut first, "7.01.01.2.09.10");
    shift(&mut first, 'D');
    press(&mut first, &[KeyCode::Char('y')]);
    assert!(first.flush_recovery(Duration::from_secs(10)));
    let kept = recovery::load(&path).unwrap().unwrap();
    assert_eq!(kept.changes.len(), 4, "{:?}", kept.changes);
    drop(first); // as a killed session: nothing saved

    let mut app = app_at(&path, Lang::Id);
    assert!(matches!(app.mode(), Mode::Recover(_)));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("berakhir dengan 4 perubahan"), "{text}");
    assert!(
        text.contains("7.01.06.2.01.13: Sub Kegiatan «Dipulihkan» ditambah"),
        "{text}"
    );
    assert!(text.contains("7.01.01.2.09.10: Sub Kegiatan"), "{text}");
    press(&mut app, &[KeyCode::Enter]);
    assert!(
        message(&app).contains("4 perubahan dipulihkan"),
        "{}",
        message(&app)
    );
    assert_eq!(tw1(&app, "7.01.06.2.01.13"), Some(dec!(5)));
    assert!(app.ws().node("7.01.01.2.09.10").is_none());
    assert!(app.self_check().is_none());
    // Each re-applied change is undoable on its own.
    press(&mut app, &[KeyCode::Char('u')]);
    assert!(app.ws().node("7.01.01.2.09.10").is_some());
    ctrl(&mut app, 'r');
    save(&mut app);
    let saved = on_disk(&path);
    assert_eq!(
        saved.figure("7.01.06.2.01.13", Field::Realisasi(0, Quarter::I)),
        Some(Some(dec!(5)))
    );
    assert!(saved.node("7.01.01.2.09.10").is_none());
    assert!(app.flush_recovery(Duration::from_secs(10)));
    assert!(!recovery::path_for(&path).exists());
}

#[test]
fn a_recovered_change_that_no_longer_fits_is_asked_about_not_lost() {
    let (_dir, path) = sample_file();
    let mut first = app_at(&path, Lang::Id);
    go_to(&mut first, X);
    press(&mut first, &[KeyCode::Char('c')]);
    ctrl(&mut first, 'u');
    type_text(&mut first, "7.01.06.2.01.19");
    press(&mut first, &[KeyCode::Enter]);
    assert!(first.flush_recovery(Duration::from_secs(10)));
    drop(first);
    // Meanwhile Budi removes the node (his session set the recovery file aside and put it
    // back as a killed session would have left it).
    let aside = recovery::path_for(&path).with_extension("kept");
    std::fs::rename(recovery::path_for(&path), &aside).unwrap();
    let mut budi = app_at(&path, Lang::Id);
    remove(&mut budi, X);
    save(&mut budi);
    drop(budi);
    std::fs::rename(&aside, recovery::path_for(&path)).unwrap();

    let mut app = app_at(&path, Lang::Id);
    press(&mut app, &[KeyCode::Enter]);
    assert!(
        matches!(app.mode(), Mode::Conflicts(_)),
        "{}",
        message(&app)
    );
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("7.01.06.2.01.09: kode: 7.01.06.2.01.09 → 7.01.06.2.01.19"),
        "{text}"
    );
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.is_dirty(), "kept, not lost");
    assert!(app.flush_recovery(Duration::from_secs(10)));
    assert_eq!(recovery::load(&path).unwrap().unwrap().changes.len(), 1);
}

/// A figure half typed into an indicator another user removes meanwhile: the indicator after
/// it takes its position, and the figure must not land there. 7.01.01 holds two indicators
/// (Nilai SAKIP, then Jumlah Inovasi); Ani types into the first's TW IV, Budi removes it.
#[test]
fn a_figure_typed_into_an_indicator_another_user_removes_never_lands_in_the_next_one() {
    let (_dir, path) = sample_file();
    let mut ani = app_at(&path, Lang::Id);
    let mut budi = app_at(&path, Lang::Id);
    let inovasi = |app: &App| app.value("7.01.01", Field::Realisasi(1, Quarter::IV));
    let before = inovasi(&ani);

    go_to(&mut ani, "7.01.01");
    press(&mut ani, &[KeyCode::Tab, KeyCode::Home, KeyCode::Enter]);
    ctrl(&mut ani, 'u');
    type_text(&mut ani, "55");
    assert!(matches!(ani.mode(), Mode::Editing(_)), "{}", message(&ani));

    go_to(&mut budi, "7.01.01");
    press(&mut budi, &[KeyCode::Tab, KeyCode::Home]);
    shift(&mut budi, 'D');
    press(&mut budi, &[KeyCode::Char('y')]);
    assert_eq!(budi.ws().node("7.01.01").unwrap().indikator.len(), 1);
    save(&mut budi);

    reload(&mut ani);
    assert!(
        !matches!(ani.mode(), Mode::Editing(_)),
        "the editor closes: {}",
        screen(&mut ani, 80, 24)
    );
    let text = message(&ani);
    assert!(text.contains("angka «55» tidak dicatat"), "{text}");
    // Enter is now a key of the detail again: at most it opens an editor, with nothing typed.
    press(&mut ani, &[KeyCode::Esc]);
    assert_eq!(
        ani.value("7.01.01", Field::Realisasi(0, Quarter::IV)),
        before,
        "Jumlah Inovasi, now first, is as it was"
    );
    assert!(!ani.is_dirty(), "{}", message(&ani));
    assert!(ani.self_check().is_none());
}
