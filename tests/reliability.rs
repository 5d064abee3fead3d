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
    let c = &conflicts[0];
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
    let Ok(mut holder) = Command::new("flock")
        .arg("-o")
        .arg(&lock)
        .args(["sleep", "5"])
        .spawn()
    else {
        eprintln!("skipped: flock(1) not available");
        return;
    };
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

/// Mounts a tmpfs (root only); `None` where mounting is not allowed.
struct Tmpfs(PathBuf);
impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status();
        ok.is_ok_and(|s| s.success())
            .then(|| Tmpfs(dir.to_path_buf()))
    }
    fn remount_read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success())
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

#[test]
fn a_full_disk_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    // Room for the workspace but not for a second copy of it.
    let Some(_fs) = Tmpfs::mount(dir.path(), "90k") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let path = workspace_file(dir.path());
    let err = attempt_save(&path);
    let msg = err.message(kinerja::locale::Lang::Id);
    assert!(
        msg.contains("gagal menyimpan") && msg.contains("tidak berubah"),
        "{msg}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    let stray: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
    eprintln!("full disk: {msg}");
}

#[test]
fn a_read_only_folder_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let Some(fs_) = Tmpfs::mount(dir.path(), "1m") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let path = workspace_file(dir.path());
    assert!(fs_.remount_read_only());
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
fn permission_denied_leaves_the_file_as_it_was() {
    // As an unprivileged user (nobody) on a root-owned folder: readable, not writable.
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(&path)
        .args(["set", X.0, "--tw", "1", "--realisasi", "5"])
        .output();
    let Some(out) = out
        .ok()
        .filter(|o| !String::from_utf8_lossy(&o.stderr).contains("setpriv:"))
    else {
        eprintln!("skipped: cannot switch to an unprivileged user here");
        return;
    };
    if String::from_utf8_lossy(&out.stderr).contains("Permission denied") && !out.status.success() {
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
        eprintln!(
            "permission denied: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    } else {
        // The binary itself may not be reachable for nobody (a private target folder).
        eprintln!("skipped: {}", String::from_utf8_lossy(&out.stderr).trim());
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
