//! The third attack (explanations, quarter locks, import) at the command line: each test
//! reproduces one finding of docs/reliability.md's "Third attack" and failed before its fix.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SAMPLE: &str = include_str!("../data/sooko-2023.json");

fn sample_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.json");
    fs::write(&ws, SAMPLE).unwrap();
    (dir, ws)
}

/// `kinerja -w ws ARGS`, killed after `limit`: `None` when it had not ended by then.
fn kinerja_within(ws: &Path, args: &[&str], limit: Duration) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(ws)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    None
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Finding 1: `kinerja import` opened whatever the name led to. A FIFO named `.csv` blocked
/// it forever (no writer ever comes); a link to /dev/zero read until memory ran out. The
/// interface's `I` looked first; the command line did not. Both are refused at once now, in
/// one line, and the workspace is untouched.
#[test]
fn import_of_a_fifo_or_a_device_is_refused_at_once() {
    let (dir, ws) = sample_dir();
    let before = fs::read(&ws).unwrap();
    let fifo = dir.path().join("rapat.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    let zero = dir.path().join("nol.xlsx");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let zero_csv = dir.path().join("nol.csv");
    std::os::unix::fs::symlink("/dev/zero", &zero_csv).unwrap();
    for (file, apply) in [
        (&fifo, false),
        (&fifo, true),
        (&zero, false),
        (&zero_csv, true),
    ] {
        let mut args = vec!["import", file.to_str().unwrap()];
        if apply {
            args.push("--apply");
        }
        let out = kinerja_within(&ws, &args, Duration::from_secs(10))
            .unwrap_or_else(|| panic!("{args:?} still running after 10 s"));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("bukan berkas biasa"), "{args:?}: {err}");
    }
    assert_eq!(fs::read(&ws).unwrap(), before);
}

/// Finding 1, the size: a file over the limit is refused before it is read, by the command
/// line as by the interface (a sparse file: no disk used).
#[test]
fn import_of_a_file_over_the_limit_is_refused_before_reading() {
    let (dir, ws) = sample_dir();
    let big = dir.path().join("besar.csv");
    let f = fs::File::create(&big).unwrap();
    f.set_len(kinerja::import::MAX_BYTES + 1).unwrap();
    let out = kinerja_within(
        &ws,
        &["import", big.to_str().unwrap()],
        Duration::from_secs(10),
    )
    .expect("import of a large file still running after 10 s");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("terlalu besar"), "{}", stderr(&out));
}
