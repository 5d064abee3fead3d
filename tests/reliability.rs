//! Several people on one workspace: no lost update, one writer at a time, conflicts reported
//! and never overwritten, crash safety under SIGKILL, and faults (full disk, read-only folder,
//! permission denied, a vanished or replaced file) that leave the disk as it was.
//! The figures these tests print are recorded in docs/reliability.md.

use kinerja::model::{Field, Quarter, Workspace};
use kinerja::store::{self, CommitError};
use rust_decimal::Decimal;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn workspace_file(dir: &Path) -> PathBuf {
    let path = dir.join("sooko.json");
    fs::write(&path, store::SAMPLE_JSON).unwrap();
    path
}

fn kinerja(path: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(path)
        .args(args)
        .output()
        .unwrap()
}

const X: (&str, Field) = ("7.01.06.2.01.09", Field::Realisasi(0, Quarter::I));
const Y: (&str, Field) = ("7.01.06.2.01.11", Field::Realisasi(0, Quarter::II));

fn figure(ws: &Workspace, (kode, field): (&str, Field)) -> Option<Decimal> {
    ws.figure(kode, field).unwrap()
}

#[test]
fn edits_to_different_figures_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (base_a, stamp_a) = store::load_stamped(&path).unwrap();
    let (base_b, stamp_b) = store::load_stamped(&path).unwrap();

    let mut a = base_a.clone();
    a.set_figure(X.0, X.1, Some(Decimal::from(7)));
    let (saved, done) = store::commit(&path, &base_a, stamp_a, &a, "ani").unwrap();
    assert!(!done.merged);
    assert!(saved == a, "nothing to merge: the file holds A's workspace");
    assert!(store::load(&path).unwrap() == saved);

    // B loaded before A saved and changes another figure: both end up on disk.
    let mut b = base_b.clone();
    b.set_figure(Y.0, Y.1, Some(Decimal::from(9)));
    let (saved, done) = store::commit(&path, &base_b, stamp_b, &b, "budi").unwrap();
    assert!(done.merged);
    let on_disk = store::load(&path).unwrap();
    assert!(on_disk == saved, "what a save returns is what is on disk");
    assert_eq!(figure(&on_disk, X), Some(Decimal::from(7)));
    assert_eq!(figure(&on_disk, Y), Some(Decimal::from(9)));

    let (journal, bad) = store::journal::read(&path).unwrap();
    assert_eq!(bad, 0);
    let who: Vec<(&str, &str)> = journal
        .iter()
        .map(|e| (e.pengguna.as_str(), e.kode.as_str()))
        .collect();
    assert_eq!(who, [("ani", X.0), ("budi", Y.0)]);
    // Sinkronisasi TW I was 2 in the E-81; Ketenteraman TW II was 0.
    assert_eq!(
        (journal[0].lama, journal[0].baru),
        (Some(Decimal::from(2)), Some(Decimal::from(7)))
    );
    assert_eq!(
        (journal[1].lama, journal[1].baru),
        (Some(Decimal::from(0)), Some(Decimal::from(9)))
    );
}

#[test]
fn the_same_figure_is_a_conflict_not_an_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (base, stamp) = store::load_stamped(&path).unwrap();

    let mut a = base.clone();
    a.set_figure(X.0, X.1, Some(Decimal::from(7)));
    store::commit(&path, &base, stamp, &a, "ani").unwrap();
    let after_a = fs::read(&path).unwrap();

    let mut b = base.clone();
    b.set_figure(X.0, X.1, Some(Decimal::from(8)));
    b.set_figure(Y.0, Y.1, Some(Decimal::from(1)));
    let Err(CommitError::Conflicts(conflicts)) = store::commit(&path, &base, stamp, &b, "budi")
    else {
        panic!("a conflict expected");
    };
    assert_eq!(conflicts.len(), 1, "only X conflicts; Y would merge");
    let c = conflicts[0].figure().expect("a figure's conflict");
    assert_eq!(
        (c.mine.old, c.mine.new, c.theirs),
        (
            Some(Decimal::from(2)),
            Some(Decimal::from(8)),
            Some(Decimal::from(7))
        )
    );
    assert_eq!(c.by.as_ref().unwrap().pengguna, "ani");
    assert_eq!(
        fs::read(&path).unwrap(),
        after_a,
        "nothing written on conflict"
    );

    // B decides to keep theirs: the base moves to the disk's figure and the save goes through.
    let mut base_b = base.clone();
    base_b.set_figure(X.0, X.1, c.theirs);
    store::commit(&path, &base_b, stamp, &b, "budi").unwrap();
    let on_disk = store::load(&path).unwrap();
    assert_eq!(figure(&on_disk, X), Some(Decimal::from(8)));
    assert_eq!(figure(&on_disk, Y), Some(Decimal::from(1)));
}

#[test]
fn a_held_lock_makes_a_save_wait_then_say_who_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (base, stamp) = store::load_stamped(&path).unwrap();
    let mut mine = base.clone();
    mine.set_figure(X.0, X.1, Some(Decimal::from(5)));

    let held = store::lock(&path, Duration::from_secs(1)).unwrap();
    let err = store::commit_with(
        &path,
        &base,
        stamp,
        &mine,
        "budi",
        Duration::from_millis(200),
    )
    .unwrap_err();
    let CommitError::Busy { holder } = &err else {
        panic!("{err:?}")
    };
    assert!(holder.contains("pid"), "{holder}");
    assert!(
        err.message(kinerja::locale::Lang::Id)
            .contains("sedang disimpan oleh")
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    drop(held);
    store::commit(&path, &base, stamp, &mine, "budi").unwrap();
}

#[test]
fn a_lock_held_by_a_killed_process_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let lock = store::lock_path(&path);
    // util-linux flock(1) takes the same advisory lock (flock(2)) and sleeps holding it.
    // -o: the sleeping child does not inherit the lock; killing flock itself releases it.
    // A test that cannot run its check fails: .ci/run installs util-linux.
    let mut holder = Command::new("flock")
        .arg("-o")
        .arg(&lock)
        .args(["sleep", "5"])
        .spawn()
        .expect("flock(1) from util-linux is needed for this test");
    let (base, stamp) = store::load_stamped(&path).unwrap();
    let mut mine = base.clone();
    mine.set_figure(X.0, X.1, Some(Decimal::from(5)));
    // Wait until it holds the lock.
    let mut tries = 0;
    while store::lock(&path, Duration::ZERO).is_ok() {
        tries += 1;
        assert!(tries < 500, "flock never took the lock");
        std::thread::sleep(Duration::from_millis(10));
    }
    holder.kill().unwrap(); // SIGKILL: no chance to clean up
    holder.wait().unwrap();
    store::commit_with(&path, &base, stamp, &mine, "budi", Duration::from_secs(2)).unwrap();
    assert_eq!(
        figure(&store::load(&path).unwrap(), X),
        Some(Decimal::from(5))
    );
}

#[test]
fn a_vanished_or_replaced_file_is_not_recreated_or_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (base, stamp) = store::load_stamped(&path).unwrap();
    let mut mine = base.clone();
    mine.set_figure(X.0, X.1, Some(Decimal::from(5)));

    fs::remove_file(&path).unwrap();
    let err = store::commit(&path, &base, stamp, &mine, "budi").unwrap_err();
    assert!(matches!(err, CommitError::Vanished(_)), "{err:?}");
    assert!(!path.exists());

    fs::write(&path, "bukan workspace").unwrap();
    let err = store::commit(&path, &base, stamp, &mine, "budi").unwrap_err();
    assert!(
        matches!(err, CommitError::Store(store::StoreError::Parse { .. })),
        "{err:?}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "bukan workspace");
}

#[test]
fn a_file_changed_in_place_by_another_program_is_merged_not_overwritten() {
    // A save that finds the file as it left it does not read it again; one written in place by
    // another program (same inode, same length here) must still be read and merged.
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (mut base, stamp) = store::load_stamped(&path).unwrap();
    let x_before = figure(&base, X).unwrap();
    let (kode, field) = Y;
    let theirs = {
        let mut ws = base.clone();
        // A one-digit figure replaced by another one-digit figure: the length stays the same.
        let y = figure(&ws, Y).unwrap();
        assert!(
            y < Decimal::from(9),
            "Y is a one-digit figure in the sample: {y}"
        );
        ws.set_figure(kode, field, Some(y + Decimal::ONE));
        ws
    };
    let text = store::to_json(&theirs);
    assert_eq!(text.len(), fs::metadata(&path).unwrap().len() as usize);
    let mut file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut file, text.as_bytes()).unwrap();
    drop(file);

    let ops = vec![kinerja::model::Op {
        kode: X.0.into(),
        field: X.1,
        old: Some(x_before),
        new: Some(Decimal::from(5)),
    }];
    let done =
        store::commit_ops(&path, &mut base, stamp, ops, "budi", Duration::from_secs(2)).unwrap();
    assert!(done.merged);
    let on_disk = store::load(&path).unwrap();
    assert_eq!(figure(&on_disk, X), Some(Decimal::from(5)));
    assert_eq!(
        figure(&on_disk, Y),
        figure(&theirs, Y),
        "the other program's figure kept"
    );
    assert!(on_disk == base, "base is what is on disk after the save");

    // Touched without a change: the bytes are compared, nothing to merge.
    let stamp = done.stamp;
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes).unwrap();
    let done =
        store::commit_ops(&path, &mut base, stamp, Vec::new(), "budi", Duration::ZERO).unwrap();
    assert!(!done.merged);
}

#[test]
fn a_save_stamps_what_it_wrote_so_the_next_save_need_not_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (mut base, stamp) = store::load_stamped(&path).unwrap();
    let op = kinerja::model::Op {
        kode: X.0.into(),
        field: X.1,
        old: figure(&base, X),
        new: Some(Decimal::from(5)),
    };
    let done =
        store::commit_ops(&path, &mut base, stamp, vec![op], "budi", Duration::ZERO).unwrap();
    // The text written as it was serialised is exactly the workspace's JSON, and the stamp
    // taken while writing is the one a fresh read gives, file identity included.
    assert_eq!(fs::read_to_string(&path).unwrap(), store::to_json(&base));
    let (_, fresh) = store::load_stamped(&path).unwrap();
    assert_eq!(fresh, done.stamp);
    assert!(done.stamp.file.is_some() || cfg!(not(unix)));
}

#[test]
fn a_save_that_fails_after_the_merge_leaves_nothing_half_done() {
    // The versions folder cannot be made (a file has its name): the save fails after the
    // changes were checked; the workspace given to it must be as it was, so that the next save
    // still writes the change.
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (mut base, stamp) = store::load_stamped(&path).unwrap();
    let blocker = store::versions::dir_for(&path);
    fs::write(&blocker, "bukan folder").unwrap();
    let x_before = figure(&base, X);
    let op = kinerja::model::Op {
        kode: X.0.into(),
        field: X.1,
        old: x_before,
        new: Some(Decimal::from(5)),
    };
    let before = base.clone();
    let err = store::commit_ops(
        &path,
        &mut base,
        stamp,
        vec![op.clone()],
        "budi",
        Duration::ZERO,
    )
    .unwrap_err();
    assert!(matches!(err, CommitError::Store(_)), "{err:?}");
    assert!(
        base == before,
        "nothing applied to the workspace on a failed save"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);

    fs::remove_file(&blocker).unwrap();
    store::commit_ops(&path, &mut base, stamp, vec![op], "budi", Duration::ZERO).unwrap();
    assert_eq!(
        figure(&store::load(&path).unwrap(), X),
        Some(Decimal::from(5))
    );
}

/// A tiny deterministic generator for the kill delays.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// The journal's finished entries about figure X, as values typed.
fn journaled_x(path: &Path) -> Vec<Option<Decimal>> {
    let (journal, bad) = store::journal::read(path).unwrap();
    assert_eq!(bad, 0, "no unreadable journal line");
    journal
        .iter()
        .filter(|e| e.kode == X.0)
        .map(|e| e.baru)
        .collect()
}

fn crash_loop(iterations: u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let baseline = store::load(&path).unwrap();
    let mut committed = figure(&baseline, X);
    let mut journal: Vec<Option<Decimal>> = Vec::new();
    let mut rng = Lcg(0x5EED);
    let (mut killed_mid_way, mut completed, mut stray_max) = (0, 0, 0);
    for i in 0..iterations {
        let value = Decimal::from(1000 + i);
        let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .arg("-w")
            .arg(&path)
            .args(["set", X.0, "--tw", "1", "--realisasi", &value.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Up to the length of a whole `set` in a debug build, so kills land in every phase.
        std::thread::sleep(Duration::from_micros(rng.next(25_000)));
        let _ = child.kill(); // SIGKILL at a random moment of load, merge or write
        let status = child.wait().unwrap();
        if status.success() {
            completed += 1
        } else {
            killed_mid_way += 1
        }

        // The file parses and is exactly the old or the new state: nothing else changed.
        let now = store::load(&path).unwrap_or_else(|e| panic!("iteration {i}: corrupt file: {e}"));
        let got = figure(&now, X);
        assert!(
            got == committed || got == Some(value),
            "iteration {i}: {got:?}"
        );
        let mut expected = baseline.clone();
        expected.set_figure(X.0, X.1, got);
        assert_eq!(now, expected, "iteration {i}: other figures changed");
        // The journal says exactly what happened to the file: one entry for a change that
        // reached it, none for one that did not.
        if got != committed {
            journal.push(got);
        }
        assert_eq!(
            journaled_x(&path),
            journal,
            "iteration {i}: journal ≠ saves"
        );
        committed = got;
        // Temporary files left by kills are the workspace's own, and only those.
        let stray = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| {
                assert!(
                    name.starts_with("sooko.json")
                        || (name.starts_with(".sooko.json.simpan-") && name.ends_with(".tmp")),
                    "{name}"
                );
                name.ends_with(".tmp")
            })
            .count();
        stray_max = stray_max.max(stray);
    }
    // One save that is not killed: every temporary file a kill left is removed.
    let last = Decimal::from(1000 + iterations);
    let out = kinerja(
        &path,
        &["set", X.0, "--tw", "1", "--realisasi", &last.to_string()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "stale temporary files left: {left:?}");
    journal.push(Some(last));
    assert_eq!(journaled_x(&path), journal);
    // Killed saves never push history out: every kept version is a different state.
    let versions = store::versions::list(&path).unwrap();
    let mut contents: Vec<Vec<u8>> = versions
        .iter()
        .map(|v| fs::read(&v.path).unwrap())
        .collect();
    let kept = contents.len();
    contents.sort();
    contents.dedup();
    assert_eq!(contents.len(), kept, "only distinct versions are kept");
    assert!(kept <= store::versions::KEEP);
    eprintln!(
        "crash: {iterations} SIGKILLs, {completed} saves completed before the kill, {killed_mid_way} killed mid-way, \
         {} journal entries = {} changes of the file, at most {stray_max} temporary files between saves (0 after \
         the next save), {kept} versions kept, all distinct; 0 corrupt files",
        journal.len(),
        journal.len()
    );
}

#[test]
fn sigkill_at_random_moments_never_corrupts_the_file() {
    crash_loop(200);
}

#[test]
#[ignore = "long variant: cargo test --test reliability -- --ignored"]
fn sigkill_at_random_moments_long() {
    crash_loop(2_000);
}

#[test]
fn two_processes_editing_different_figures_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let rounds = 40;
    let run = |target: (&'static str, Field), tw: &'static str| {
        let path = path.clone();
        std::thread::spawn(move || {
            for i in 1..=rounds {
                let out = kinerja(
                    &path,
                    &["set", target.0, "--tw", tw, "--realisasi", &i.to_string()],
                );
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        })
    };
    let (a, b) = (run(X, "1"), run(Y, "2"));
    a.join().unwrap();
    b.join().unwrap();
    let ws = store::load(&path).unwrap();
    assert_eq!(figure(&ws, X), Some(Decimal::from(rounds)));
    assert_eq!(figure(&ws, Y), Some(Decimal::from(rounds)));
    let (journal, _) = store::journal::read(&path).unwrap();
    assert_eq!(
        journal.len(),
        2 * rounds as usize,
        "every edit journaled once"
    );
    for target in [X, Y] {
        let values: Vec<Decimal> = journal
            .iter()
            .filter(|e| e.kode == target.0)
            .filter_map(|e| e.baru)
            .collect();
        assert_eq!(
            values,
            (1..=rounds).map(Decimal::from).collect::<Vec<_>>(),
            "{}",
            target.0
        );
    }
    eprintln!(
        "concurrency: 2 processes × {rounds} edits of different figures, {} journaled, 0 lost",
        journal.len()
    );
}

#[test]
fn two_processes_editing_the_same_figure_report_every_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let rounds = 30;
    let run = |offset: i64| {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut outcomes = Vec::new();
            for i in 1..=rounds {
                let value = offset + i;
                let out = kinerja(
                    &path,
                    &["set", X.0, "--tw", "1", "--realisasi", &value.to_string()],
                );
                let code = out.status.code();
                assert!(
                    matches!(code, Some(0) | Some(3)),
                    "{code:?} {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                if code == Some(3) {
                    assert!(String::from_utf8_lossy(&out.stderr).contains("di berkas"));
                }
                outcomes.push((value, code == Some(0)));
            }
            outcomes
        })
    };
    let (a, b) = (run(1000), run(2000));
    let outcomes: Vec<(i64, bool)> = a
        .join()
        .unwrap()
        .into_iter()
        .chain(b.join().unwrap())
        .collect();
    let saved: Vec<i64> = outcomes
        .iter()
        .filter(|(_, ok)| *ok)
        .map(|(v, _)| *v)
        .collect();
    let conflicts = outcomes.len() - saved.len();

    let (journal, _) = store::journal::read(&path).unwrap();
    let mut journaled: Vec<i64> = journal
        .iter()
        .map(|e| e.baru.unwrap().try_into().unwrap())
        .collect();
    // Every save that said it succeeded is in the journal exactly once, and nothing else is.
    let last = *journaled.last().unwrap();
    journaled.sort_unstable();
    let mut expected = saved.clone();
    expected.sort_unstable();
    assert_eq!(journaled, expected);
    // The file holds the last journaled value.
    assert_eq!(
        figure(&store::load(&path).unwrap(), X),
        Some(Decimal::from(last))
    );
    eprintln!(
        "conflicts: 2 processes × {rounds} edits of one figure: {} saved, {conflicts} reported as conflicts, 0 silently dropped",
        saved.len()
    );
}

// Tests that need root — mounting a tmpfs, switching to another user, giving a file another
// group — are ignored by a plain `cargo test` and run by CI, which runs as root:
// `cargo test --test reliability -- --ignored as_root_`. Run that way they fail, never skip,
// when they cannot do what they test.

/// A tmpfs mounted on `dir` for the test's length.
struct Tmpfs(PathBuf);
impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Tmpfs {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "cannot mount a tmpfs: run this test as root");
        Tmpfs(dir.to_path_buf())
    }
    fn remount_read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "cannot remount read-only");
    }
}
impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn attempt_save(path: &Path) -> CommitError {
    let (base, stamp) = store::load_stamped(path).unwrap();
    let mut mine = base.clone();
    mine.set_figure(X.0, X.1, Some(Decimal::from(5)));
    store::commit(path, &base, stamp, &mine, "budi").unwrap_err()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
#[ignore = "needs root (mounts a tmpfs): cargo test --test reliability -- --ignored as_root_"]
fn as_root_a_full_disk_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    // Room for the workspace but not for a second copy of it.
    let _fs = Tmpfs::mount(dir.path(), "90k");
    let path = workspace_file(dir.path());
    let err = attempt_save(&path);
    let msg = err.message(kinerja::locale::Lang::Id);
    assert!(
        msg.contains("gagal menyimpan") && msg.contains("tidak berubah"),
        "{msg}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    let stray: Vec<_> = names_in(dir.path())
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
    assert_eq!(store::journal::read(&path).unwrap(), (Vec::new(), 0));
    eprintln!("full disk: {msg}");
}

#[test]
#[ignore = "needs root (mounts a tmpfs): cargo test --test reliability -- --ignored as_root_"]
fn as_root_a_read_only_folder_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let fs_ = Tmpfs::mount(dir.path(), "1m");
    let path = workspace_file(dir.path());
    fs_.remount_read_only();
    let err = attempt_save(&path);
    let msg = err.message(kinerja::locale::Lang::Id);
    assert!(
        msg.contains("Read-only") || msg.contains("read-only"),
        "{msg}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    eprintln!("read-only: {msg}");
}

#[test]
#[ignore = "needs root (mounts a tmpfs): cargo test --test reliability -- --ignored as_root_"]
fn as_root_failed_saves_never_push_history_out() {
    // Three real saves make three kept states; then the disk is full and 22 saves fail. Before,
    // each failed save kept the current file again and pruned: the history was gone.
    let dir = tempfile::tempdir().unwrap();
    let _fs = Tmpfs::mount(dir.path(), "2m");
    let path = workspace_file(dir.path());
    // 11, 12, 13: none of them the sample's 2, so four different states.
    for v in 11..=13 {
        let out = kinerja(
            &path,
            &["set", X.0, "--tw", "1", "--realisasi", &v.to_string()],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let history: Vec<Vec<u8>> = store::versions::list(&path)
        .unwrap()
        .iter()
        .map(|v| fs::read(&v.path).unwrap())
        .collect();
    assert_eq!(history.len(), 3);
    // Fill the disk: a file as large as the free space (the write stops at ENOSPC).
    let mut filler = fs::File::create(dir.path().join("penuh")).unwrap();
    let block = vec![b'x'; 4096];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    drop(filler);
    let before = fs::read(&path).unwrap();
    for i in 0..22 {
        let out = kinerja(
            &path,
            &[
                "set",
                X.0,
                "--tw",
                "1",
                "--realisasi",
                &(100 + i).to_string(),
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(fs::read(&path).unwrap(), before, "the file is as it was");
    let kept: Vec<Vec<u8>> = store::versions::list(&path)
        .unwrap()
        .iter()
        .map(|v| fs::read(&v.path).unwrap())
        .collect();
    for (i, v) in history.iter().enumerate() {
        assert!(kept.contains(v), "kept version {} was pushed out", i + 1);
    }
    // At most one more: the state before the failed saves, kept once.
    assert!(kept.len() <= history.len() + 1, "{} versions", kept.len());
    let (journal, _) = store::journal::read(&path).unwrap();
    assert_eq!(journal.len(), 3, "only the three saves are journaled");
}

#[test]
#[ignore = "needs root (mounts a tmpfs): cargo test --test reliability -- --ignored as_root_"]
fn as_root_a_full_disk_under_the_journal_means_no_save() {
    // The new file fits; the journal's next block does not: the save must not happen.
    let dir = tempfile::tempdir().unwrap();
    let _fs = Tmpfs::mount(dir.path(), "1m");
    let path = workspace_file(dir.path());
    // The lock exists with its content, the journal exists empty, the versions folder exists:
    // what the save needs besides the new file and the journal's first block.
    fs::write(store::lock_path(&path), "x (pid 1)").unwrap();
    fs::write(store::journal::path_for(&path), "").unwrap();
    fs::create_dir(store::versions::dir_for(&path)).unwrap();
    let mut ws = store::load(&path).unwrap();
    ws.set_figure(X.0, X.1, Some(Decimal::from(5)));
    let new_len = store::to_json(&ws).len() as u64;
    // Leave exactly the pages the new file needs.
    let stat = rustix::fs::statvfs(dir.path()).unwrap();
    let free = stat.f_bavail * stat.f_frsize;
    let needed = new_len.div_ceil(4096) * 4096;
    assert!(free > needed, "{free} free");
    let filler = fs::File::create(dir.path().join("penuh")).unwrap();
    std::io::Write::write_all(&mut &filler, &vec![b'x'; (free - needed) as usize]).unwrap();
    drop(filler);
    let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "5"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("jurnal"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    assert_eq!(fs::read(store::journal::path_for(&path)).unwrap(), b"");
    assert!(!names_in(dir.path()).iter().any(|n| n.ends_with(".tmp")));
    eprintln!("full disk under the journal: {}", err.trim());
}

/// The kinerja binary copied where the unprivileged user `nobody` can run it.
fn binary_for_nobody(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("kinerja");
    fs::copy(env!("CARGO_BIN_EXE_kinerja"), &bin).unwrap();
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

/// Runs kinerja as `nobody` (uid and gid 65534); fails the test if that cannot be done.
fn as_nobody(bin: &Path, path: &Path, args: &[&str]) -> Output {
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(bin)
        .arg("-w")
        .arg(path)
        .args(args)
        .output()
        .expect("setpriv (util-linux) runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("setpriv:") && !err.contains("exec"),
        "cannot run as nobody: {err}"
    );
    out
}

#[test]
#[ignore = "needs root (runs as nobody): cargo test --test reliability -- --ignored as_root_"]
fn as_root_permission_denied_leaves_the_file_as_it_was() {
    // As an unprivileged user (nobody) on a root-owned folder: readable, not writable.
    use std::os::unix::fs::PermissionsExt;
    let bins = tempfile::tempdir().unwrap();
    let bin = binary_for_nobody(bins.path());
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let out = as_nobody(&bin, &path, &["set", X.0, "--tw", "1", "--realisasi", "5"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("Permission denied"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    eprintln!("permission denied: {}", err.trim());
}

#[test]
#[ignore = "needs root (runs as nobody): cargo test --test reliability -- --ignored as_root_"]
fn as_root_an_unwritable_journal_means_no_save() {
    // nobody may write the workspace and its folder, not the journal (root's, same group).
    // Before, `set` saved, printed "jurnal tidak dapat ditulis" and exited 0.
    use std::os::unix::fs::{PermissionsExt, chown};
    let bins = tempfile::tempdir().unwrap();
    let bin = binary_for_nobody(bins.path());
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let journal = store::journal::path_for(&path);
    fs::write(&journal, "").unwrap();
    chown(dir.path(), Some(65534), Some(65534)).unwrap();
    chown(&path, Some(65534), Some(65534)).unwrap();
    chown(&journal, Some(0), Some(65534)).unwrap();
    fs::set_permissions(&journal, fs::Permissions::from_mode(0o644)).unwrap();
    let out = as_nobody(&bin, &path, &["set", X.0, "--tw", "1", "--realisasi", "5"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("jurnal") && err.contains("Permission denied"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    assert_eq!(fs::read(&journal).unwrap(), b"");
    eprintln!("unwritable journal: {}", err.trim());
}

#[test]
#[ignore = "needs root (gives a file another group): cargo test --test reliability -- --ignored as_root_"]
fn as_root_side_files_of_another_group_are_refused() {
    // A lock or journal another user planted with their own group (or a hard link to one of
    // their files) is not the workspace's: refused, the file unchanged.
    use std::os::unix::fs::chown;
    for side in ["lock", "jurnal", "cadangan"] {
        let dir = tempfile::tempdir().unwrap();
        let path = workspace_file(dir.path());
        let planted = match side {
            "lock" => store::lock_path(&path),
            "jurnal" => store::journal::path_for(&path),
            _ => store::versions::dir_for(&path),
        };
        if side == "cadangan" {
            fs::create_dir(&planted).unwrap();
        } else {
            fs::write(&planted, "").unwrap();
        }
        chown(&planted, None, Some(12345)).unwrap();
        let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "5"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{side}: {err}");
        assert!(err.contains("milik grup 12345"), "{side}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    }
}

#[test]
fn log_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    assert!(
        kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "3"])
            .status
            .success()
    );
    assert!(
        kinerja(&path, &["set", Y.0, "--tw", "2", "--realisasi", "4"])
            .status
            .success()
    );

    let log = String::from_utf8(kinerja(&path, &["log", X.0]).stdout).unwrap();
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(log.contains("realisasi TW I: 2 → 3"), "{log}");

    // Two saves, two kept versions; the older one is the untouched sample.
    let list = String::from_utf8(kinerja(&path, &["restore"]).stdout).unwrap();
    assert!(list.contains("  1. ") && list.contains("  2. "), "{list}");
    let out = kinerja(&path, &["restore", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    let log = String::from_utf8(kinerja(&path, &["log"]).stdout).unwrap();
    assert!(
        log.lines()
            .last()
            .unwrap()
            .contains("dipulihkan dari cadangan"),
        "{log}"
    );
    // The restore kept what it replaced, so it can be undone.
    assert_eq!(store::versions::list(&path).unwrap().len(), 3);
    assert_eq!(kinerja(&path, &["restore", "9"]).status.code(), Some(2));
}

#[test]
fn a_shared_group_folder_stays_shared() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // rwxrwsr-x: the recommended set-up (docs/multi-user.md).
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2775)).unwrap();
    let path = workspace_file(dir.path());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
    assert!(
        kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "3"])
            .status
            .success()
    );
    let mode = |p: PathBuf| fs::metadata(&p).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode(path.clone()), 0o664, "the workspace keeps its mode");
    assert_eq!(mode(store::journal::path_for(&path)), 0o664, "journal");
    assert_eq!(mode(store::lock_path(&path)), 0o664, "lock");
    assert_eq!(
        mode(store::versions::dir_for(&path)),
        0o2775,
        "versions folder"
    );
}

/// Every file under `dir` with its bytes (a folder's files listed by name), to show a victim
/// is byte-identical afterwards.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(tree(&p));
        } else {
            out.push((p.clone(), fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

/// Someone else's files: a file and a folder of `.json` files named like kept versions.
fn victim() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rahasia.txt");
    fs::write(&file, "milik orang lain\n").unwrap();
    let folder = dir.path().join("arsip");
    fs::create_dir(&folder).unwrap();
    for i in 0..25 {
        fs::write(
            folder.join(format!("20200101T0000{i:02}Z-000000000.json")),
            format!("arsip {i}\n"),
        )
        .unwrap();
    }
    (dir, file, folder)
}

#[test]
fn side_files_that_are_links_are_never_followed() {
    // Another user of the folder makes the lock, the journal or the versions folder a link to
    // a file or folder of yours. Before: your save wrote "you (pid N)" into the file, appended
    // the journal line to it, or pruned the folder's *.json files.
    use std::os::unix::fs::symlink;
    for (side, to_folder) in [("lock", false), ("jurnal", false), ("cadangan", true)] {
        let (victim_dir, file, folder) = victim();
        let before = tree(victim_dir.path());
        let dir = tempfile::tempdir().unwrap();
        let path = workspace_file(dir.path());
        let link = match side {
            "lock" => store::lock_path(&path),
            "jurnal" => store::journal::path_for(&path),
            _ => store::versions::dir_for(&path),
        };
        symlink(if to_folder { &folder } else { &file }, &link).unwrap();
        for args in [
            &["set", X.0, "--tw", "1", "--realisasi", "5"][..],
            &["restore"][..],
            &["log"][..],
        ] {
            let out = kinerja(&path, args);
            let err = String::from_utf8_lossy(&out.stderr);
            if args[0] == "set" || (side == "cadangan" && args[0] == "restore") {
                assert_eq!(out.status.code(), Some(2), "{side} {args:?}: {err}");
                assert!(err.contains("tautan simbolik"), "{side}: {err}");
                assert_eq!(err.trim_end().lines().count(), 1, "{err}");
            }
            assert_eq!(
                tree(victim_dir.path()),
                before,
                "{side} {args:?}: victim changed"
            );
        }
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            store::SAMPLE_JSON,
            "{side}"
        );
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}

#[test]
fn a_lock_or_journal_with_a_second_name_or_not_a_file_is_refused() {
    // A hard link to a file of yours in the same file system has no link to see: it has two
    // names. A folder, or a FIFO (opening which would block), is not a regular file.
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("rahasia.txt");
    fs::write(&victim, "milik orang lain\n").unwrap();
    let folder = dir.path().join("bersama");
    fs::create_dir(&folder).unwrap();
    let path = workspace_file(&folder);
    for (planted, how) in [
        (store::lock_path(&path), "hard link"),
        (store::journal::path_for(&path), "hard link"),
        (store::lock_path(&path), "folder"),
        (store::journal::path_for(&path), "folder"),
        (store::lock_path(&path), "fifo"),
    ] {
        // The lock a previous round's save created is not the one planted.
        let _ = fs::remove_file(store::lock_path(&path));
        match how {
            "hard link" => fs::hard_link(&victim, &planted).unwrap(),
            "folder" => fs::create_dir(&planted).unwrap(),
            _ => assert!(
                Command::new("mkfifo")
                    .arg(&planted)
                    .status()
                    .unwrap()
                    .success()
            ),
        }
        let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "5"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{how}: {err}");
        let says = if how == "hard link" {
            "tautan keras"
        } else {
            "bukan berkas biasa"
        };
        assert!(err.contains(says), "{how}: {err}");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "milik orang lain\n");
        assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
        if how == "folder" {
            fs::remove_dir(&planted).unwrap();
        } else {
            fs::remove_file(&planted).unwrap();
        }
    }
}

/// Runs kinerja, killing it if it has not finished after `limit`; `None` when it was killed.
fn kinerja_within(path: &Path, args: &[&str], limit: Duration) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        // With RUST_BACKTRACE set, every error of a debug build captures and symbolises a
        // backtrace (4–6 s here), which would read as blocking.
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .arg("-w")
        .arg(path)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn a_save_killed_after_the_rename_leaves_no_change_without_its_entry() {
    // A journal that is a FIFO made the save block after the rename, before the journal was
    // written: killed there, the change was in the file and in no journal. Now the journal is
    // checked (and its entries written) before the file is replaced.
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let journal = store::journal::path_for(&path);
    assert!(
        Command::new("mkfifo")
            .arg(&journal)
            .status()
            .unwrap()
            .success()
    );
    let out = kinerja_within(
        &path,
        &["set", X.0, "--tw", "1", "--realisasi", "5"],
        Duration::from_secs(5),
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        store::SAMPLE_JSON,
        "a change reached the file without a journal entry"
    );
    let out = out.expect("refused at once, not blocked");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bukan berkas biasa"));
}

#[test]
fn a_workspace_that_is_not_a_regular_file_is_refused_at_once() {
    // `mkfifo f.json; kinerja summary -w f.json` blocked forever.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("f.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for (path, what) in [
        (fifo.as_path(), "FIFO"),
        (dir.path(), "folder"),
        (Path::new("/dev/null"), "device"),
    ] {
        let out = kinerja_within(path, &["summary"], Duration::from_secs(5))
            .unwrap_or_else(|| panic!("{what}: blocked"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{what}: {err}");
        assert!(err.contains("bukan berkas biasa"), "{what}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
}

#[test]
fn the_journal_names_the_real_user_not_the_user_variable() {
    // `USER=camat kinerja set …` was journaled as camat; with USER unset as `?`.
    let real = Command::new("id").arg("-un").output().unwrap();
    let real = String::from_utf8(real.stdout).unwrap().trim().to_string();
    assert!(!real.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    for (i, user) in [Some("camat"), None].into_iter().enumerate() {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kinerja"));
        cmd.arg("-w").arg(&path);
        cmd.args([
            "set",
            X.0,
            "--tw",
            "1",
            "--realisasi",
            &(10 + i).to_string(),
        ]);
        cmd.env_remove("SUDO_USER")
            .env_remove("LOGNAME")
            .env_remove("USERNAME");
        match user {
            Some(u) => cmd.env("USER", u),
            None => cmd.env_remove("USER"),
        };
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (journal, _) = store::journal::read(&path).unwrap();
    let users: Vec<&str> = journal.iter().map(|e| e.pengguna.as_str()).collect();
    assert_eq!(users, [real.as_str(), real.as_str()]);
    // What the session claimed is kept beside it, only where it differs.
    assert_eq!(journal[0].lingkungan.as_deref(), Some("USER=camat"));
    assert_eq!(journal[1].lingkungan, None);
    let log = String::from_utf8(kinerja(&path, &["log"]).stdout).unwrap();
    assert!(!log.contains("camat") || log.contains(&real), "{log}");
}

#[test]
fn a_torn_journal_line_is_cut_before_the_next_entry() {
    // A journal ending in `{"waktu"` (a write cut short): the next entry was glued onto it and
    // `log` lost two changes.
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    fs::write(store::journal::path_for(&path), "{\"waktu\"").unwrap();
    for (target, tw, v) in [(X, "1", "3"), (Y, "2", "4")] {
        let out = kinerja(&path, &["set", target.0, "--tw", tw, "--realisasi", v]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (journal, bad) = store::journal::read(&path).unwrap();
    assert_eq!(bad, 0);
    let got: Vec<(&str, Option<Decimal>)> =
        journal.iter().map(|e| (e.kode.as_str(), e.baru)).collect();
    assert_eq!(
        got,
        [(X.0, Some(Decimal::from(3))), (Y.0, Some(Decimal::from(4)))]
    );
    let log = String::from_utf8(kinerja(&path, &["log"]).stdout).unwrap();
    assert_eq!(log.lines().count(), 2, "{log}");
}

#[test]
fn a_save_whose_journal_cannot_be_written_does_not_happen() {
    // The journal's name is taken by a folder: before, `set` saved, printed "jurnal tidak dapat
    // ditulis" and exited 0 — a change in the file and not in the journal.
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    fs::create_dir(store::journal::path_for(&path)).unwrap();
    let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "5"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("jurnal.jsonl"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    assert!(store::versions::list(&path).unwrap().len() <= 1);
}

#[test]
fn an_open_transaction_is_settled_by_the_file_it_recorded() {
    // A crash leaves a transaction open: after the rename (the file is the one it recorded) it
    // counts and the next save marks it finished; before the rename it never counts.
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let journal = store::journal::path_for(&path);
    let entry = |txn: &str, value: i64| {
        let (base, _) = store::load_stamped(&path).unwrap();
        let mut e = store::journal::Entry::from_op(
            &kinerja::model::Op {
                kode: X.0.into(),
                field: X.1,
                old: figure(&base, X),
                new: Some(Decimal::from(value)),
            },
            "ani",
            "2026-12-01T06:22:24+07:00",
        );
        e.txn = Some(txn.into());
        e.lingkungan = None;
        serde_json::to_string(&e).unwrap()
    };
    let open = |txn: &str, value: i64| {
        let mut ws = store::load(&path).unwrap();
        let line = entry(txn, value);
        ws.set_figure(X.0, X.1, Some(Decimal::from(value)));
        let text = store::to_json(&ws);
        let stamp = store::Stamp::of(text.as_bytes());
        let mut j = fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&journal)
            .unwrap();
        let mulai = format!(
            "{{\"txn\":\"{txn}\",\"status\":\"mulai\",\"berkas\":\"{}:{}\"}}\n{line}\n",
            stamp.len,
            stamp.hex()
        );
        std::io::Write::write_all(&mut j, mulai.as_bytes()).unwrap();
        text
    };
    // Killed after the rename: the file is the new one.
    let text = open("T1", 7);
    fs::write(&path, &text).unwrap();
    assert_eq!(journaled_x(&path), [Some(Decimal::from(7))]);
    // The next save settles it (selesai) before its own transaction.
    let settle = |value: &str| {
        let raw = fs::read_to_string(&journal).unwrap();
        let out = kinerja(&path, &["set", Y.0, "--tw", "2", "--realisasi", value]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let after = fs::read_to_string(&journal).unwrap();
        assert!(after.starts_with(&raw));
        after[raw.len()..].lines().next().unwrap().to_string()
    };
    assert_eq!(settle("4"), "{\"txn\":\"T1\",\"status\":\"selesai\"}");
    // Killed before the rename: the file is not the one recorded.
    let _ = open("T2", 8);
    assert_eq!(
        journaled_x(&path),
        [Some(Decimal::from(7))],
        "T2 never happened"
    );
    assert_eq!(settle("5"), "{\"txn\":\"T2\",\"status\":\"batal\"}");
    assert_eq!(journaled_x(&path), [Some(Decimal::from(7))]);
    let (all, bad) = store::journal::read(&path).unwrap();
    assert_eq!((all.len(), bad), (3, 0), "T1 and the two saves of Y");
}

#[test]
fn stale_temporary_files_are_removed_and_live_ones_kept() {
    // 43 temporary files of up to 66 MB were left after 320 kills. The workspace's own are
    // written only under its lock, so the next save removes them; kinerja's general ones
    // (exports, possibly another user's now) only when their process has ended and they are
    // an hour old.
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let dead = {
        let mut child = Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    };
    let live = std::process::id();
    let old = std::time::SystemTime::now() - Duration::from_secs(2 * 3600);
    let plant = |name: &str, mtime: Option<std::time::SystemTime>| {
        let p = dir.path().join(name);
        fs::write(&p, "sisa").unwrap();
        if let Some(t) = mtime {
            fs::File::options()
                .write(true)
                .open(&p)
                .unwrap()
                .set_modified(t)
                .unwrap();
        }
        name.to_string()
    };
    let own = plant(".sooko.json.simpan-00000000deadbeef.tmp", None);
    let dead_old = plant(&format!(".kinerja-{dead}-0000000000000001.tmp"), Some(old));
    let dead_new = plant(&format!(".kinerja-{dead}-0000000000000002.tmp"), None);
    let live_old = plant(&format!(".kinerja-{live}-0000000000000003.tmp"), Some(old));
    let other = plant(".lain.json.simpan-0000000000000004.tmp", None);
    let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "5"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names = names_in(dir.path());
    assert!(!names.contains(&own), "{names:?}");
    assert!(!names.contains(&dead_old), "{names:?}");
    for kept in [&dead_new, &live_old, &other] {
        assert!(names.contains(kept), "{kept} removed: {names:?}");
    }
}

#[test]
#[ignore = "needs root (gives a file another owner): cargo test --test reliability -- --ignored as_root_"]
fn as_root_another_users_recovery_file_is_refused() {
    use std::os::unix::fs::chown;
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (_, stamp) = store::load_stamped(&path).unwrap();
    let op = kinerja::model::Op {
        kode: X.0.into(),
        field: X.1,
        old: Some(Decimal::from(2)),
        new: Some(Decimal::from(7)),
    };
    store::recovery::save(&path, &[op], &stamp).unwrap();
    chown(store::recovery::path_for(&path), Some(65534), None).unwrap();
    let err = store::recovery::load(&path).unwrap_err();
    assert!(err.to_string().contains("uid 65534"), "{err}");
}

#[test]
fn journal_and_version_times_are_the_servers_local_time() {
    // They were UTC (`…Z`): an office in WIB read times seven hours off.
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    for (tz, v) in [("Asia/Jakarta", "5"), ("UTC", "6")] {
        let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .env("TZ", tz)
            .arg("-w")
            .arg(&path)
            .args(["set", X.0, "--tw", "1", "--realisasi", v])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (journal, _) = store::journal::read(&path).unwrap();
    assert!(journal[0].waktu.ends_with("+07:00"), "{}", journal[0].waktu);
    assert!(journal[1].waktu.ends_with("+00:00"), "{}", journal[1].waktu);
    let names: Vec<String> = store::versions::list(&path)
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    // Newest first: kept at the UTC save, then at the WIB one.
    assert!(
        names[0].contains("+0000-") && names[1].contains("+0700-"),
        "{names:?}"
    );
}

#[test]
fn a_link_swapped_in_between_check_and_open_is_not_followed() {
    // Another user flips the lock and the journal between a plain file and a link to a file
    // of yours as fast as they can while you save: the check and the open are one step
    // (O_NOFOLLOW), so the victim never changes; each save either happens or is refused.
    use std::sync::atomic::{AtomicBool, Ordering};
    let (victim_dir, file, _) = victim();
    let before = tree(victim_dir.path());
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let flipper = {
        let (stop, file) = (stop.clone(), file.clone());
        let sides = [store::lock_path(&path), store::journal::path_for(&path)];
        let spare = dir.path().join("cadangan-link");
        std::thread::spawn(move || {
            let mut flips = 0u64;
            while !stop.load(Ordering::Relaxed) {
                for side in &sides {
                    let _ = std::os::unix::fs::symlink(&file, &spare);
                    let _ = fs::rename(&spare, side); // now a link
                    let _ = fs::remove_file(side); // gone: the next save creates a file
                    flips += 1;
                }
            }
            flips
        })
    };
    let (mut saved, mut refused) = (0, 0);
    for i in 0..30 {
        let out = kinerja(
            &path,
            &[
                "set",
                X.0,
                "--tw",
                "1",
                "--realisasi",
                &(100 + i).to_string(),
            ],
        );
        match out.status.code() {
            Some(0) => saved += 1,
            Some(2) => refused += 1,
            other => panic!("{other:?}: {}", String::from_utf8_lossy(&out.stderr)),
        }
    }
    stop.store(true, Ordering::Relaxed);
    let flips = flipper.join().unwrap();
    assert_eq!(tree(victim_dir.path()), before, "the victim changed");
    store::load(&path).unwrap();
    eprintln!("link race: {flips} flips, {saved} saves done, {refused} refused, victim unchanged");
}

#[test]
#[ignore = "long variant (writes a 100 MB journal): cargo test --test reliability -- --ignored"]
fn long_a_crowded_versions_folder_and_a_large_journal_do_not_slow_a_save_down() {
    // 10 000 foreign files in the versions folder are listed, never deleted; a 100 MB journal
    // is not read by a save (only its tail).
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let versions = store::versions::dir_for(&path);
    fs::create_dir(&versions).unwrap();
    for i in 0..10_000 {
        fs::write(versions.join(format!("lain-{i}.txt")), "").unwrap();
    }
    let line = format!(
        "{{\"waktu\":\"2026-11-28T10:03:00Z\",\"pengguna\":\"ani\",\"kode\":\"{}\",\"indikator\":1,\"kolom\":\"realisasi\",\"tw\":1,\"lama\":\"1\",\"baru\":\"2\"}}\n",
        Y.0
    );
    let journal = store::journal::path_for(&path);
    {
        let mut w = std::io::BufWriter::new(fs::File::create(&journal).unwrap());
        let mut written = 0;
        while written < 100 << 20 {
            std::io::Write::write_all(&mut w, line.as_bytes()).unwrap();
            written += line.len();
        }
    }
    let start = std::time::Instant::now();
    let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "5"]);
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(fs::read_dir(&versions).unwrap().count(), 10_001);
    let start = std::time::Instant::now();
    let log = kinerja(&path, &["log", X.0]);
    let log_took = start.elapsed();
    assert_eq!(String::from_utf8(log.stdout).unwrap().lines().count(), 1);
    eprintln!(
        "crowded: save {took:?} with 10 000 foreign files and a 100 MB journal; log {log_took:?}"
    );
    assert!(took < Duration::from_secs(3), "{took:?}");
}

// The second attack on shared folders (issue 11): other users of a setgid group folder.
// Users are plain uids without passwd entries (`setpriv`), so CI needs no user accounts:
// ANI and MALLORY in the folder's group SAKIP, each with a group of their own.

const SAKIP: u32 = 61000;
const ANI: u32 = 61001;
const MALLORY: u32 = 61002;
const ANI_OWN_GROUP: u32 = 61003;

/// A root-owned temporary folder others may enter (tempdir makes it 0700).
fn open_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

/// The shared folder of the recommended set-up: group SAKIP, `2775`, with the sample as
/// `ws.json` (`664`, owned by `owner`, group `group`).
fn shared_folder(dir: &Path, owner: u32, group: u32) -> PathBuf {
    use std::os::unix::fs::{PermissionsExt, chown};
    let shared = dir.join("bersama");
    fs::create_dir(&shared).unwrap();
    chown(&shared, Some(0), Some(SAKIP)).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o2775)).unwrap();
    let path = shared.join("ws.json");
    fs::write(&path, store::SAMPLE_JSON).unwrap();
    chown(&path, Some(owner), Some(group)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
    path
}

/// Runs kinerja as `uid` with primary group `gid` and the supplementary `groups`; fails the
/// test if that cannot be done.
fn as_user(
    bin: &Path,
    (uid, gid, groups): (u32, u32, &[u32]),
    path: &Path,
    args: &[&str],
) -> Output {
    let groups: Vec<String> = groups.iter().map(u32::to_string).collect();
    let out = Command::new("setpriv")
        .arg(format!("--reuid={uid}"))
        .arg(format!("--regid={gid}"))
        .arg(format!("--groups={}", groups.join(",")))
        .arg(bin)
        .arg("-w")
        .arg(path)
        .args(args)
        .output()
        .expect("setpriv (util-linux) runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("setpriv:") && !err.contains("exec"),
        "cannot run as uid {uid}: {err}"
    );
    out
}

fn ani() -> (u32, u32, &'static [u32]) {
    (ANI, ANI_OWN_GROUP, &[ANI_OWN_GROUP, SAKIP])
}

/// Every file under `dir` whose bytes contain `needle` (links not followed).
fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let m = fs::symlink_metadata(&p).unwrap();
        if m.is_dir() {
            found.extend(files_holding(&p, needle));
        } else if m.is_file() && String::from_utf8_lossy(&fs::read(&p).unwrap()).contains(needle) {
            found.push(p);
        }
    }
    found
}

#[test]
#[ignore = "needs root (other users, a tmpfs): cargo test --test reliability -- --ignored as_root_"]
fn as_root_a_link_swapped_in_during_a_save_never_copies_a_private_file_into_the_folder() {
    // Mallory makes ws.json her own 644 file (Ani cannot hard-link it) and, when Ani's save
    // opens the journal — after it read the workspace, before it keeps the version —, renames
    // a link to Ani's private secret over ws.json. Before: the version copy read the name
    // again, followed the link, and the secret landed in ws.json.cadangan/ as ani:sakip 664.
    // Here the versions folder is another file system, so the copy is taken whatever
    // fs.protected_hardlinks says.
    use std::os::unix::fs::{PermissionsExt, chown, symlink};
    let bins = open_tempdir();
    let bin = binary_for_nobody(bins.path());
    let dir = open_tempdir();
    let path = shared_folder(dir.path(), MALLORY, SAKIP);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let shared = path.parent().unwrap().to_path_buf();
    let private = dir.path().join("ani");
    fs::create_dir(&private).unwrap();
    let secret = private.join("secret.txt");
    fs::write(&secret, "TOP SECRET of ani: password=hunter2\n").unwrap();
    chown(&secret, Some(ANI), Some(ANI_OWN_GROUP)).unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o600)).unwrap();
    chown(&private, Some(ANI), Some(ANI_OWN_GROUP)).unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o700)).unwrap();
    let versions = store::versions::dir_for(&path);
    fs::create_dir(&versions).unwrap();
    let _fs = Tmpfs::mount(&versions, "4m");
    chown(&versions, Some(0), Some(SAKIP)).unwrap();
    fs::set_permissions(&versions, fs::Permissions::from_mode(0o2775)).unwrap();
    // Names in the folder make the save's look for stale temporary files take a while: the
    // attacker's window between the journal's opening and the version (the reproduction used
    // the same).
    for i in 0..30_000 {
        fs::File::create(shared.join(format!("j{i}"))).unwrap();
    }
    // The journal exists (a save before), so its opening is what the attacker waits for.
    let journal = store::journal::path_for(&path);
    fs::write(&journal, "").unwrap();
    chown(&journal, Some(MALLORY), Some(SAKIP)).unwrap();
    fs::set_permissions(&journal, fs::Permissions::from_mode(0o664)).unwrap();

    let swapper = {
        let (shared, secret) = (shared.clone(), secret.clone());
        std::thread::spawn(move || {
            use rustix::fs::inotify;
            let fd = inotify::init(inotify::CreateFlags::CLOEXEC | inotify::CreateFlags::NONBLOCK)
                .unwrap();
            inotify::add_watch(&fd, &shared, inotify::WatchFlags::OPEN).unwrap();
            let mut buf = [std::mem::MaybeUninit::<u8>::uninit(); 4096];
            let deadline = std::time::Instant::now() + Duration::from_secs(20);
            while std::time::Instant::now() < deadline {
                let mut reader = inotify::Reader::new(&fd, &mut buf);
                match reader.next() {
                    Ok(event) => {
                        if event
                            .file_name()
                            .is_some_and(|n| n.to_bytes() == b"ws.json.jurnal.jsonl")
                        {
                            let spare = shared.join(".sw");
                            symlink(&secret, &spare).unwrap();
                            fs::rename(&spare, shared.join("ws.json")).unwrap();
                            return true;
                        }
                    }
                    Err(_) => std::thread::sleep(Duration::from_micros(200)),
                }
            }
            false
        })
    };
    let out = as_user(
        &bin,
        ani(),
        &path,
        &["set", X.0, "--tw", "1", "--realisasi", "3"],
    );
    assert!(swapper.join().unwrap(), "the journal was never opened");
    let leaked = files_holding(&shared, "TOP SECRET");
    assert!(
        leaked.is_empty(),
        "the secret was copied into the shared folder: {leaked:?} ({})",
        String::from_utf8_lossy(&out.stderr)
    );
    // Refused (the link was seen), or saved from the file opened before the swap (the link
    // then replaced by the new file): never the secret.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() || err.contains("tautan simbolik"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&secret).unwrap(),
        "TOP SECRET of ani: password=hunter2\n"
    );
    eprintln!(
        "link swapped in during a save: exit {:?} {}",
        out.status.code(),
        err.trim()
    );
}

#[test]
#[ignore = "needs root (mounts a tmpfs): cargo test --test reliability -- --ignored as_root_"]
fn as_root_a_failed_save_leaves_no_version_sharing_the_files_inode() {
    // A save that fails after its version was kept as a hard link (the new file does not fit;
    // the journal's block does not fit) left the workspace and its newest version one inode:
    // `cat t > ws.json` then destroyed the version too, and the last saved state was gone from
    // the file and from every version.
    use std::os::unix::fs::MetadataExt;
    for fault in ["new file", "journal"] {
        let dir = tempfile::tempdir().unwrap();
        let _fs = Tmpfs::mount(dir.path(), "1m");
        let path = workspace_file(dir.path());
        let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "3"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let saved = fs::read(&path).unwrap();
        let journal = store::journal::path_for(&path);
        // Leave room for the journal's next block but not the new file, or room for the new
        // file but not the journal's next block.
        let stat = rustix::fs::statvfs(dir.path()).unwrap();
        let free = stat.f_bavail * stat.f_frsize;
        let page = 4096;
        let new_len = (saved.len() as u64).div_ceil(page) * page;
        let journal_len = fs::metadata(&journal).unwrap().len();
        // The journal's last block has room for a few lines; fill it so the next needs a block.
        let pad = page - journal_len % page;
        let mut j = fs::OpenOptions::new().append(true).open(&journal).unwrap();
        std::io::Write::write_all(&mut j, &vec![b' '; pad as usize - 1]).unwrap();
        std::io::Write::write_all(&mut j, b"\n").unwrap();
        drop(j);
        let leave = match fault {
            "new file" => page,
            _ => new_len,
        };
        let stat = rustix::fs::statvfs(dir.path()).unwrap();
        let free_now = stat.f_bavail * stat.f_frsize;
        assert!(free_now > leave, "{free} free");
        let filler = fs::File::create(dir.path().join("penuh")).unwrap();
        std::io::Write::write_all(&mut &filler, &vec![b'x'; (free_now - leave) as usize]).unwrap();
        drop(filler);
        let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "4"]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{fault}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(fs::read(&path).unwrap(), saved, "{fault}");
        let ino = fs::metadata(&path).unwrap().ino();
        for v in store::versions::list(&path).unwrap() {
            assert_ne!(
                fs::metadata(&v.path).unwrap().ino(),
                ino,
                "{fault}: version {} is the workspace's inode",
                v.name
            );
        }
        // Broken in place: every version is still what it was.
        let before: Vec<Vec<u8>> = store::versions::list(&path)
            .unwrap()
            .iter()
            .map(|v| fs::read(&v.path).unwrap())
            .collect();
        fs::write(&path, &saved[..1000]).unwrap();
        let after: Vec<Vec<u8>> = store::versions::list(&path)
            .unwrap()
            .iter()
            .map(|v| fs::read(&v.path).unwrap())
            .collect();
        assert_eq!(before, after, "{fault}");
        assert!(
            after.iter().all(|v| v.len() > 1000),
            "{fault}: a version was cut with the file"
        );
    }
}

#[test]
#[ignore = "needs root (other users and groups): cargo test --test reliability -- --ignored as_root_"]
fn as_root_a_workspace_moved_in_with_its_owners_group_is_refused_with_the_fix_and_no_stray_lock() {
    // ws.json moved in with `mv` keeps group ani; Budi's refused save left an empty
    // ws.json.lock of group sakip, and then Ani's own save was refused too: "ws.json.lock:
    // milik grup 1001, bukan grup workspace 1003; tidak dipakai".
    let bins = open_tempdir();
    let bin = binary_for_nobody(bins.path());
    let dir = open_tempdir();
    let path = shared_folder(dir.path(), ANI, ANI_OWN_GROUP);
    let budi = (MALLORY, MALLORY, &[MALLORY, SAKIP][..]);
    let out = as_user(
        &bin,
        budi,
        &path,
        &["set", X.0, "--tw", "1", "--realisasi", "3"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("chgrp {SAKIP} ")) && err.contains("ws.json"),
        "says how to fix it: {err}"
    );
    assert!(
        !store::lock_path(&path).exists(),
        "the refused save left its lock behind"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    // Ani (a member of both groups) saves.
    let out = as_user(
        &bin,
        ani(),
        &path,
        &["set", X.0, "--tw", "1", "--realisasi", "4"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("another group: {}", err.trim());
}

#[test]
#[ignore = "needs root (chattr +a): cargo test --test reliability -- --ignored as_root_"]
fn as_root_an_append_only_journal_with_a_torn_tail_does_not_block_saves() {
    // `chattr +a` on the journal and a torn last line: the torn line could not be cut, and
    // every save failed with "Operation not permitted".
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let journal = store::journal::path_for(&path);
    fs::write(&journal, "{\"waktu\"").unwrap();
    let chattr = |flag: &str| {
        let ok = Command::new("chattr")
            .arg(flag)
            .arg(&journal)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "chattr {flag} (e2fsprogs, on a file system with attributes)"
        );
    };
    chattr("+a");
    let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "3"]);
    let journaled = store::journal::read(&path);
    chattr("-a");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (entries, bad) = journaled.unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(bad, 1, "the torn line, ended, is one unreadable line");
    assert!(
        fs::read_to_string(&journal)
            .unwrap()
            .starts_with("{\"waktu\"\n")
    );
}

#[test]
#[ignore = "needs root (other users): cargo test --test reliability -- --ignored as_root_"]
fn as_root_a_lock_file_the_user_may_only_read_still_locks() {
    // A lock file created by another tool with umask 022 (644, another member's): every other
    // member's save failed with "Permission denied". flock works on a read-only descriptor.
    use std::os::unix::fs::{PermissionsExt, chown};
    let bins = open_tempdir();
    let bin = binary_for_nobody(bins.path());
    let dir = open_tempdir();
    let path = shared_folder(dir.path(), ANI, SAKIP);
    let lock = store::lock_path(&path);
    fs::write(&lock, "").unwrap();
    chown(&lock, Some(MALLORY), Some(SAKIP)).unwrap();
    fs::set_permissions(&lock, fs::Permissions::from_mode(0o644)).unwrap();
    let out = as_user(
        &bin,
        ani(),
        &path,
        &["set", X.0, "--tw", "1", "--realisasi", "3"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        store::load(&path).unwrap().figure(X.0, X.1).unwrap(),
        Some(Decimal::from(3))
    );
    // A holder with a read-only lock cannot write its name: whoever waits reads "pengguna
    // lain", never a name left from before.
    let held = fs::File::open(&lock).unwrap();
    held.lock().unwrap();
    let out = kinerja(&path, &["set", X.0, "--tw", "1", "--realisasi", "4"]);
    drop(held);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("sedang disimpan oleh pengguna lain"), "{err}");
}
