//! File work off the key path: with the workspace's lock held by another process, `s` returns
//! at once, keys keep working, the screen says who holds the lock, edits made meanwhile are
//! kept, and everything lands on disk in order, journaled once each, when the lock is
//! released. Also: a second save while one is in flight, quitting while one is in flight,
//! another user's save arriving meanwhile, and a conflict answered while the file changes.
//!
//! The other process is `flock(1)` from util-linux (an essential package on Debian and
//! Ubuntu), which takes the same `flock(2)` lock as kinerja and writes its holder's name into
//! the lock file as kinerja does.

#[path = "support/keys.rs"]
mod keys;

use keys::{ctrl, press, type_text};
use kinerja::locale::Lang;
use kinerja::model::{Field, Quarter};
use kinerja::store;
use kinerja::tui::{self, App, Mode, Progress, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use rust_decimal::Decimal;
use rust_decimal::dec;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Three sub kegiatan of the sample (see `data/sooko-2023.json`); their TW I realisation is
/// what the tests type into.
const A: &str = "7.01.06.2.01.09";
const B: &str = "7.01.06.2.01.11";
const C: &str = "7.01.06.2.01.12";

fn shared_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bersama.json");
    std::fs::write(&path, store::SAMPLE_JSON).unwrap();
    (dir, path)
}

fn app_at(path: &Path) -> App {
    let (ws, stamp) = store::load_stamped(path).unwrap();
    App::new(ws, Some((path.to_path_buf(), stamp)), Lang::Id, Theme::MONO)
}

/// Types `value` into the TW I realisation of `kode`, as a user would, and goes back to the
/// tree.
fn type_tw1(app: &mut App, kode: &str, value: &str) {
    press(app, &[KeyCode::Char('/')]);
    type_text(app, kode);
    press(app, &[KeyCode::Enter]);
    assert_eq!(app.selected_row().unwrap().kode, kode);
    press(
        app,
        &[KeyCode::Tab, KeyCode::Home, KeyCode::Right, KeyCode::Enter],
    );
    ctrl(app, 'u');
    type_text(app, value);
    press(app, &[KeyCode::Enter, KeyCode::Tab]);
    assert_eq!(app.focus(), tui::Focus::Tree);
}

fn tw1(app: &App, kode: &str) -> Option<Decimal> {
    app.value(kode, Field::Realisasi(0, Quarter::I))
}

fn on_disk(path: &Path, kode: &str) -> Option<Decimal> {
    store::load(path).unwrap().node(kode).unwrap().indikator[0].realisasi[0]
}

/// The TW I figure of `kode` in the bundled sample.
fn sample(kode: &str) -> Option<Decimal> {
    store::parse(store::SAMPLE_JSON)
        .unwrap()
        .node(kode)
        .unwrap()
        .indikator[0]
        .realisasi[0]
}

/// The journal's TW I entries for `kode`: (user, from, to), oldest first.
fn journaled(path: &Path, kode: &str) -> Vec<(String, Option<Decimal>, Option<Decimal>)> {
    let (entries, _) = store::journal::read(path).unwrap();
    entries
        .into_iter()
        .filter(|e| e.kode == kode && e.field() == Some(Field::Realisasi(0, Quarter::I)))
        .map(|e| (e.pengguna, e.lama, e.baru))
        .collect()
}

fn screen(app: &mut App) -> String {
    app.update(tui::Action::Resize {
        width: 80,
        height: 24,
    });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| tui::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn message(app: &App) -> String {
    app.message()
        .map(|m| m.text().to_string())
        .unwrap_or_default()
}

fn settle(app: &mut App) {
    assert!(
        app.settle(Duration::from_secs(30)),
        "the worker did not finish: {:?}",
        app.message()
    );
}

/// Takes the worker's reports until `done` holds (at most 10 s).
fn wait_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "waited for {what}: {:?} / {:?}",
            app.progress(),
            app.message()
        );
        app.receive();
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn waiting_for(app: &App, name: &str) -> bool {
    matches!(app.progress(), Some(Progress::Waiting { holder, .. }) if holder.starts_with(name))
}

/// Another process holding the workspace's lock until released.
struct LockHolder {
    child: Child,
}

impl LockHolder {
    /// `flock(1)` takes the lock of `workspace`, writes `user` into the lock file, and holds it
    /// until [`release`](Self::release); then runs `then` (a shell command) before letting go.
    fn take(workspace: &Path, user: &str, then: &str) -> LockHolder {
        let lock = store::lock_path(workspace);
        let script = format!("printf '%s (pid %s)' \"$1\" $$ > \"$2\"; read line; {then}");
        let child = Command::new("flock")
            .arg(&lock)
            .args(["sh", "-c", &script, "sh", user])
            .arg(&lock)
            .stdin(Stdio::piped())
            .spawn()
            .expect("flock(1) from util-linux is needed for this test");
        let holder = LockHolder { child };
        // Until it holds the lock and has said so.
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
                "flock did not take the lock"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Lets go of the lock (after running its `then`) and waits for the process to end.
    fn release(mut self) {
        drop(self.child.stdin.take());
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        // Only when a test failed before releasing: end the process this test started.
        if self.child.stdin.is_some() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn a_save_waits_for_a_lock_held_by_another_process_while_keys_keep_working() {
    let (_dir, path) = shared_file();
    let (a_was, b_was) = (sample(A), sample(B));
    assert_eq!(a_was, Some(dec!(2)));
    assert_ne!(b_was, Some(dec!(4)));
    let mut app = app_at(&path);
    type_tw1(&mut app, A, "7");
    let budi = LockHolder::take(&path, "budi", "true");

    // `s` returns at once (before, it waited up to 5 s for the lock, every key frozen).
    let start = Instant::now();
    ctrl(&mut app, 's');
    assert!(
        start.elapsed() < Duration::from_millis(500),
        "{:?}",
        start.elapsed()
    );
    wait_until(&mut app, "the save to wait for budi", |app| {
        waiting_for(app, "budi")
    });

    // Keys keep working while the save waits: the selection moves, the screen says why the
    // save has not landed and who holds the lock.
    let row = app.selected();
    press(&mut app, &[KeyCode::Down]);
    assert_eq!(app.selected(), row + 1);
    let text = screen(&mut app);
    assert!(
        text.contains("menyimpan… (menunggu kunci: budi, "),
        "{text}"
    );
    assert!(text.contains("belum disimpan"), "{text}");

    // An edit made meanwhile is kept, for the next save.
    type_tw1(&mut app, B, "4");
    assert_eq!(tw1(&app, B), Some(dec!(4)));
    app.receive();
    assert!(waiting_for(&app, "budi"), "{:?}", app.progress());
    assert_eq!(
        on_disk(&path, A),
        a_was,
        "nothing written while the lock is held"
    );

    // The lock is released: the first save lands, with its figure only.
    budi.release();
    settle(&mut app);
    assert!(message(&app).contains("Tersimpan ke"), "{}", message(&app));
    assert_eq!(app.progress(), None);
    assert_eq!(on_disk(&path, A), Some(dec!(7)));
    assert_eq!(on_disk(&path, B), b_was);
    assert!(app.is_dirty(), "the edit made meanwhile is not saved yet");
    assert_eq!(tw1(&app, B), Some(dec!(4)));

    // The next `s` saves it.
    ctrl(&mut app, 's');
    settle(&mut app);
    assert!(!app.is_dirty(), "{}", message(&app));
    assert_eq!(on_disk(&path, A), Some(dec!(7)));
    assert_eq!(on_disk(&path, B), Some(dec!(4)));
    let user = store::journal::current_user();
    assert_eq!(
        journaled(&path, A),
        [(user.clone(), a_was, Some(dec!(7)))],
        "journaled once"
    );
    assert_eq!(journaled(&path, B), [(user, b_was, Some(dec!(4)))]);
}

#[test]
fn a_figure_in_the_save_in_flight_changed_again_lands_after_it() {
    let (_dir, path) = shared_file();
    let mut app = app_at(&path);
    type_tw1(&mut app, A, "7");
    let budi = LockHolder::take(&path, "budi", "true");
    ctrl(&mut app, 's');
    wait_until(&mut app, "the wait", |app| waiting_for(app, "budi"));
    // The same figure again, while its first value waits to be written.
    type_tw1(&mut app, A, "9");
    budi.release();
    settle(&mut app);
    assert_eq!(on_disk(&path, A), Some(dec!(7)), "the save in flight: 7");
    assert_eq!(tw1(&app, A), Some(dec!(9)), "the screen keeps 9");
    assert!(app.is_dirty());
    ctrl(&mut app, 's');
    settle(&mut app);
    assert!(!app.is_dirty(), "{}", message(&app));
    assert_eq!(on_disk(&path, A), Some(dec!(9)));
    // In order: 2 → 7, then 7 → 9 (measured from what the first save wrote: no conflict).
    let user = store::journal::current_user();
    assert_eq!(
        journaled(&path, A),
        [
            (user.clone(), Some(dec!(2)), Some(dec!(7))),
            (user, Some(dec!(7)), Some(dec!(9)))
        ]
    );
}

#[test]
fn a_second_save_while_one_is_in_flight_follows_it() {
    let (_dir, path) = shared_file();
    let b_was = sample(B);
    let mut app = app_at(&path);
    type_tw1(&mut app, A, "7");
    let budi = LockHolder::take(&path, "budi", "true");
    ctrl(&mut app, 's');
    wait_until(&mut app, "the wait", |app| waiting_for(app, "budi"));
    type_tw1(&mut app, B, "4");
    ctrl(&mut app, 's');
    assert!(
        message(&app).contains("setelah simpanan yang sedang berjalan"),
        "{}",
        message(&app)
    );
    budi.release();
    // Both land without another key, the first before the second.
    settle(&mut app);
    assert!(!app.is_dirty(), "{}", message(&app));
    assert_eq!(on_disk(&path, A), Some(dec!(7)));
    assert_eq!(on_disk(&path, B), Some(dec!(4)));
    let user = store::journal::current_user();
    assert_eq!(
        journaled(&path, A),
        [(user.clone(), Some(dec!(2)), Some(dec!(7)))]
    );
    assert_eq!(journaled(&path, B), [(user, b_was, Some(dec!(4)))]);
    let (entries, _) = store::journal::read(&path).unwrap();
    let order: Vec<&str> = entries.iter().map(|e| e.kode.as_str()).collect();
    assert_eq!(order, [A, B]);
}

#[test]
fn quitting_while_a_save_waits_quits_when_it_lands_or_stops_waiting() {
    let (_dir, path) = shared_file();
    let mut app = app_at(&path);
    type_tw1(&mut app, A, "7");
    let budi = LockHolder::take(&path, "budi", "true");
    ctrl(&mut app, 's');
    press(&mut app, &[KeyCode::Char('q')]);
    assert!(!app.should_quit(), "not while the save waits");
    wait_until(&mut app, "the wait", |app| waiting_for(app, "budi"));
    let text = screen(&mut app);
    assert!(
        text.contains("keluar setelah tersimpan… (menunggu kunci: budi, ")
            && text.contains("; q: jangan tunggu)"),
        "{text}"
    );
    budi.release();
    settle(&mut app);
    assert!(app.should_quit(), "{}", message(&app));
    assert_eq!(on_disk(&path, A), Some(dec!(7)));

    // A second `q` stops waiting: nothing written, the changes still there, and quitting asks.
    let mut app = app_at(&path);
    type_tw1(&mut app, A, "8");
    let budi = LockHolder::take(&path, "budi", "true");
    ctrl(&mut app, 's');
    wait_until(&mut app, "the wait", |app| waiting_for(app, "budi"));
    press(&mut app, &[KeyCode::Char('q'), KeyCode::Char('q')]);
    settle(&mut app);
    assert!(!app.should_quit());
    assert!(app.is_dirty());
    assert!(
        message(&app).contains("Berhenti menunggu"),
        "{}",
        message(&app)
    );
    assert_eq!(tw1(&app, A), Some(dec!(8)));
    assert_eq!(on_disk(&path, A), Some(dec!(7)));
    press(&mut app, &[KeyCode::Char('q')]);
    assert!(matches!(app.mode(), Mode::ConfirmQuit));
    budi.release();
}

#[test]
fn a_reload_arriving_while_a_save_is_in_flight_loses_nothing() {
    let (_dir, path) = shared_file();
    let c_was = sample(C);
    let mut ani = app_at(&path);
    let mut budi = app_at(&path);
    type_tw1(&mut budi, A, "8");
    type_tw1(&mut ani, C, "5");
    ctrl(&mut ani, 's');
    settle(&mut ani);
    // Budi's screen starts reading Ani's save, and Budi saves before it is taken in: the read
    // comes back while the save is in flight.
    assert!(budi.check_disk());
    ctrl(&mut budi, 's');
    // And types another figure before either has come back.
    type_tw1(&mut budi, B, "4");
    settle(&mut budi);
    assert!(message(&budi).contains("digabung"), "{}", message(&budi));
    assert_eq!(tw1(&budi, A), Some(dec!(8)));
    assert_eq!(
        tw1(&budi, B),
        Some(dec!(4)),
        "the figure typed meanwhile stays"
    );
    assert!(budi.is_dirty());
    ctrl(&mut budi, 's');
    settle(&mut budi);
    assert!(!budi.is_dirty());
    assert_eq!(on_disk(&path, B), Some(dec!(4)));
    assert_eq!(tw1(&budi, C), Some(dec!(5)), "Ani's figure shows");
    assert_eq!(on_disk(&path, A), Some(dec!(8)));
    assert_eq!(on_disk(&path, C), Some(dec!(5)));
    assert_eq!(journaled(&path, C).len(), 1);
    assert_eq!(journaled(&path, C)[0].1, c_was);
    assert_eq!(journaled(&path, A).len(), 1);
}

#[test]
fn another_users_save_landing_while_a_save_waits_is_merged_and_edits_meanwhile_stay() {
    let (dir, path) = shared_file();
    let (b_was, c_was) = (sample(B), sample(C));
    // What Ani's kinerja writes while it holds the lock: C = 5, and B = 6.
    let mut theirs = store::parse(store::SAMPLE_JSON).unwrap();
    theirs.set_figure(C, Field::Realisasi(0, Quarter::I), Some(dec!(5)));
    theirs.set_figure(B, Field::Realisasi(0, Quarter::I), Some(dec!(6)));
    let staged = dir.path().join("ani.json");
    std::fs::write(&staged, store::to_json(&theirs)).unwrap();

    let mut budi = app_at(&path);
    type_tw1(&mut budi, A, "8");
    let ani = LockHolder::take(
        &path,
        "ani",
        &format!("mv '{}' '{}'", staged.display(), path.display()),
    );
    ctrl(&mut budi, 's');
    wait_until(&mut budi, "the wait", |app| waiting_for(app, "ani"));
    // Meanwhile Budi also changes B, which Ani is changing too.
    type_tw1(&mut budi, B, "3");
    ani.release();
    // The disk check while the save is in flight does not read (the save merges anyway).
    assert!(!budi.check_disk());
    settle(&mut budi);
    assert!(message(&budi).contains("digabung"), "{}", message(&budi));
    assert_eq!(on_disk(&path, A), Some(dec!(8)));
    assert_eq!(on_disk(&path, C), Some(dec!(5)));
    assert_eq!(on_disk(&path, B), Some(dec!(6)), "Ani's B, not overwritten");
    assert_eq!(tw1(&budi, C), Some(dec!(5)), "Ani's figure shows");
    assert_eq!(
        tw1(&budi, B),
        Some(dec!(3)),
        "Budi's edit made meanwhile stays"
    );
    assert!(budi.is_dirty());
    // Saving it asks, as Ani changed B after Budi last saw it (at the sample's figure).
    ctrl(&mut budi, 's');
    settle(&mut budi);
    let Mode::Conflicts(conflicts) = budi.mode() else {
        panic!("a conflict: {}", message(&budi))
    };
    let c = conflicts.current().unwrap().figure().unwrap();
    assert_eq!(
        (c.mine.old, c.mine.new, c.theirs),
        (b_was, Some(dec!(3)), Some(dec!(6)))
    );
    assert_eq!(on_disk(&path, B), Some(dec!(6)));
    assert_eq!(on_disk(&path, C), Some(dec!(5)));
    // Budi's save journaled its own figure once (Ani's stand-in writes no journal).
    assert_eq!(journaled(&path, A).len(), 1);
    assert!(journaled(&path, B).is_empty() && journaled(&path, C).is_empty());
    assert_ne!(c_was, Some(dec!(5)));
}

#[test]
fn a_conflict_answered_after_the_file_changed_again_is_asked_again() {
    let (_dir, path) = shared_file();
    let c_was = sample(C);
    let mut ani = app_at(&path);
    let mut budi = app_at(&path);
    type_tw1(&mut budi, A, "8");
    type_tw1(&mut ani, A, "7");
    ctrl(&mut ani, 's');
    settle(&mut ani);
    ctrl(&mut budi, 's');
    settle(&mut budi);
    assert!(matches!(budi.mode(), Mode::Conflicts(..)));

    // While Budi is asked, Ani saves again: A = 9 and C = 5. Budi's screen does not load it
    // under the question (the answers refer to the file as the save found it).
    type_tw1(&mut ani, A, "9");
    type_tw1(&mut ani, C, "5");
    ctrl(&mut ani, 's');
    settle(&mut ani);
    assert!(!budi.check_disk());
    assert!(matches!(budi.mode(), Mode::Conflicts(..)));

    // Budi takes "theirs" as he was shown it (7): that is not what is on disk now, so the
    // save asks again instead of writing 7 over Ani's 9.
    press(&mut budi, &[KeyCode::Char('a')]);
    settle(&mut budi);
    let Mode::Conflicts(conflicts) = budi.mode() else {
        panic!("asked again: {}", message(&budi))
    };
    assert_eq!(
        conflicts.current().unwrap().figure().unwrap().theirs,
        Some(dec!(9))
    );
    assert_eq!(on_disk(&path, A), Some(dec!(9)));
    // Taking 9: nothing of Ani's is lost, and Budi's screen shows her C too.
    press(&mut budi, &[KeyCode::Char('a')]);
    settle(&mut budi);
    assert!(matches!(budi.mode(), Mode::Browse), "{}", message(&budi));
    assert!(!budi.is_dirty());
    assert_eq!(tw1(&budi, A), Some(dec!(9)));
    assert_eq!(tw1(&budi, C), Some(dec!(5)));
    assert_eq!(on_disk(&path, A), Some(dec!(9)));
    assert_eq!(on_disk(&path, C), Some(dec!(5)));
    assert_eq!(journaled(&path, C)[0].1, c_was);
}

#[test]
fn an_export_while_a_save_waits_follows_it_with_every_figure() {
    let (dir, path) = shared_file();
    let out = tempfile::tempdir().unwrap();
    let mut app = app_at(&path);
    app.set_export_dir(out.path().to_path_buf());
    type_tw1(&mut app, A, "7");
    let budi = LockHolder::take(&path, "budi", "true");
    ctrl(&mut app, 's');
    wait_until(&mut app, "the wait", |app| waiting_for(app, "budi"));
    type_tw1(&mut app, B, "4");
    // x asks for the format; x again is xlsx.
    press(&mut app, &[KeyCode::Char('x'), KeyCode::Char('x')]);
    assert!(
        message(&app).contains("setelah simpanan selesai"),
        "{}",
        message(&app)
    );
    budi.release();
    settle(&mut app);
    let files: Vec<PathBuf> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{}", message(&app));
    assert!(
        message(&app).contains("Ekspor ditulis ke"),
        "{}",
        message(&app)
    );
    // The export has both figures: A as saved, B as typed and not saved yet (E-81, column
    // "TW I K").
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook(&files[0]).unwrap();
    let e81 = book.worksheet_range("E-81").unwrap();
    // The node cell is `[SUB KEGIATAN] kode nama`; TW I K the form's 11th column.
    let tw1_k = |kode: &str| match e81
        .rows()
        .find(|r| r[2].to_string().contains(&format!("] {kode} ")))
        .map(|r| r[10].clone())
    {
        Some(Data::Float(v)) => Some(v),
        Some(Data::Int(v)) => Some(v as f64),
        other => panic!("{kode}: {other:?}"),
    };
    assert_eq!(tw1_k(A), Some(7.0));
    assert_eq!(tw1_k(B), Some(4.0));
    // The unsaved figure was only lent to the export: it is still unsaved, still not on disk,
    // and the next save writes it (it would find nothing to write had the export left it in
    // the base).
    assert_eq!(on_disk(&path, A), Some(dec!(7)));
    assert_eq!(on_disk(&path, B), sample(B));
    assert!(app.is_dirty());
    ctrl(&mut app, 's');
    settle(&mut app);
    assert!(!app.is_dirty(), "{}", message(&app));
    assert_eq!(on_disk(&path, B), Some(dec!(4)));
    drop(dir);
}

#[test]
fn edits_made_while_a_save_waits_are_in_the_recovery_file_until_it_lands() {
    // A killed terminal while a save waits for Budi's lock: the save never lands, so the
    // recovery file must hold what it was to write and what was typed meanwhile.
    let (_dir, path) = shared_file();
    let mut app = app_at(&path);
    type_tw1(&mut app, A, "7");
    let budi = LockHolder::take(&path, "budi", "true");
    ctrl(&mut app, 's');
    wait_until(&mut app, "the wait", |app| waiting_for(app, "budi"));
    type_tw1(&mut app, B, "4");
    assert!(app.flush_recovery(Duration::from_secs(10)));
    let kept = store::recovery::load(&path).unwrap().expect("kept");
    // Every kind of change is kept (issue 12): these are figures.
    let kept: Vec<(String, Option<Decimal>)> = figure_ops(&kept)
        .into_iter()
        .map(|op| (op.kode, op.new))
        .collect();
    let kept: Vec<(&str, Option<Decimal>)> = kept.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(kept, [(A, Some(dec!(7))), (B, Some(dec!(4)))]);
    budi.release();
    settle(&mut app);
    // A is saved; B is still unsaved, and only B is kept.
    assert!(app.flush_recovery(Duration::from_secs(10)));
    let kept = store::recovery::load(&path).unwrap().expect("kept");
    let kept = figure_ops(&kept);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].kode, B);
    ctrl(&mut app, 's');
    settle(&mut app);
    assert!(app.flush_recovery(Duration::from_secs(10)));
    assert!(!store::recovery::path_for(&path).exists());
}

/// The figures a recovery file keeps (it keeps changes of every kind).
fn figure_ops(r: &store::recovery::Recovery) -> Vec<kinerja::model::Op> {
    r.ops
        .iter()
        .cloned()
        .chain(r.changes.iter().filter_map(|c| match c {
            kinerja::model::Change::Figure { op, .. } => Some(op.clone()),
            _ => None,
        }))
        .collect()
}
