//! Issue 11, item 4: when the workspace file is truncated, emptied or deleted, `restore` and
//! `log` still work (they never read it), and every command that does read it says in its
//! one-line error how to get a kept version back.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = include_str!("../data/sooko-2023.json");

fn kinerja(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(ws)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The ways a workspace file gets broken.
#[derive(Clone, Copy, Debug)]
enum Breakage {
    /// `head -c 30000 ws.json > t; cat t > ws.json`
    Truncated,
    /// `: > ws.json`
    Emptied,
    /// `rm ws.json`
    Deleted,
}

impl Breakage {
    const ALL: [Breakage; 3] = [Breakage::Truncated, Breakage::Emptied, Breakage::Deleted];

    /// Breaks the file; returns the bytes left in it (`None` when it is gone).
    fn apply(self, path: &Path) -> Option<Vec<u8>> {
        let bytes = fs::read(path).unwrap();
        match self {
            Breakage::Truncated => {
                // Written in place, as `cat t > ws.json` does (same inode, no rename).
                fs::write(path, &bytes[..30_000]).unwrap();
                Some(bytes[..30_000].to_vec())
            }
            Breakage::Emptied => {
                fs::write(path, b"").unwrap();
                Some(Vec::new())
            }
            Breakage::Deleted => {
                fs::remove_file(path).unwrap();
                None
            }
        }
    }
}

/// A workspace saved twice through `set`: Nonperizinan's target 500 → 600, then 600 → 700.
/// Each save keeps the file as it was before it: version 2 is the sample (target 500),
/// version 1 (the newest) the file after the first save (target 600).
fn saved_twice() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.json");
    fs::write(&path, SAMPLE).unwrap();
    for target in ["600", "700"] {
        let out = kinerja(&path, &["set", "7.01.02.2.04.02", "--target", target]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    (dir, path)
}

fn versions(path: &Path) -> Vec<kinerja::store::versions::Version> {
    kinerja::store::versions::list(path).unwrap()
}

fn target_of(path: &Path) -> String {
    let ws = kinerja::store::load(path).unwrap();
    let ind = &ws.node("7.01.02.2.04.02").unwrap().indikator[0];
    ind.target.unwrap().normalize().to_string()
}

#[test]
fn log_and_restore_work_on_a_broken_or_missing_file() {
    for breakage in Breakage::ALL {
        let (_dir, path) = saved_twice();
        let kept = versions(&path);
        assert_eq!(kept.len(), 2, "{breakage:?}");
        let left = breakage.apply(&path);

        // The journal, whole and for one node.
        for args in [&["log"][..], &["log", "7.01.02.2.04.02"]] {
            let out = kinerja(&path, args);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{breakage:?} {args:?}: {}",
                stderr(&out)
            );
            let text = stdout(&out);
            assert!(
                text.contains("target tahun: 500 → 600"),
                "{breakage:?}: {text}"
            );
            assert!(
                text.contains("target tahun: 600 → 700"),
                "{breakage:?}: {text}"
            );
        }

        // The list of kept versions, newest first.
        let out = kinerja(&path, &["restore"]);
        assert_eq!(out.status.code(), Some(0), "{breakage:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains(&format!("  1. {}", kept[0].name)), "{text}");
        assert!(text.contains(&format!("  2. {}", kept[1].name)), "{text}");

        // Version 1 back in place: the file after the first save.
        let out = kinerja(&path, &["restore", "1"]);
        assert_eq!(out.status.code(), Some(0), "{breakage:?}: {}", stderr(&out));
        assert!(stdout(&out).contains(&kept[0].name), "{}", stdout(&out));
        assert_eq!(target_of(&path), "600", "{breakage:?}");
        assert_eq!(
            fs::read(&path).unwrap(),
            fs::read(&kept[0].path).unwrap(),
            "{breakage:?}: restored byte for byte"
        );

        // The broken file itself was kept first (never lost); a deleted one had nothing to keep.
        let now = versions(&path);
        match &left {
            Some(bytes) => {
                assert_eq!(now.len(), 3, "{breakage:?}");
                assert_eq!(&fs::read(&now[0].path).unwrap(), bytes, "{breakage:?}");
            }
            None => assert_eq!(now.len(), 2, "{breakage:?}"),
        }

        // Everything works again, and the journal says what happened.
        let out = kinerja(&path, &["summary"]);
        assert!(out.status.success(), "{breakage:?}: {}", stderr(&out));
        let log = stdout(&kinerja(&path, &["log"]));
        assert!(
            log.contains(&format!("dipulihkan dari cadangan {}", kept[0].name)),
            "{log}"
        );
    }
}

#[test]
fn restore_of_a_version_goes_through_a_link_whose_file_is_gone() {
    // ws.json in a home folder is a link to the shared file; the shared file was deleted.
    let (dir, real) = saved_twice();
    let home = dir.path().join("rumah");
    fs::create_dir(&home).unwrap();
    let link = home.join("ws.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    fs::remove_file(&real).unwrap();

    let out = kinerja(&link, &["restore", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(target_of(&real), "600", "the shared file is back");
    assert!(!home.join("ws.json.cadangan").exists());
}

#[test]
fn every_command_that_reads_the_file_says_how_to_restore_it() {
    for breakage in Breakage::ALL {
        let (_dir, path) = saved_twice();
        breakage.apply(&path);
        let hint = format!(
            "2 versi cadangan tersimpan; lihat dengan: kinerja -w {} restore",
            path.display()
        );
        let commands: [&[&str]; 7] = [
            &[],
            &["summary"],
            &["red"],
            &["check"],
            &["tui"],
            &["export", "--format", "md", "-o", "-"],
            &["set", "7.01.02.2.04.02", "--target", "800"],
        ];
        for args in commands {
            let out = kinerja(&path, args);
            assert_eq!(out.status.code(), Some(2), "{breakage:?} {args:?}");
            let err = stderr(&out);
            assert_eq!(err.lines().count(), 1, "{breakage:?} {args:?}: {err}");
            assert!(err.contains(&hint), "{breakage:?} {args:?}: {err}");
            assert!(stdout(&out).is_empty(), "{breakage:?} {args:?}");
        }
        // In English too.
        let out = kinerja(&path, &["--lang", "en", "summary"]);
        assert!(
            stderr(&out).contains("2 backup version(s) kept; list them with: kinerja -w"),
            "{}",
            stderr(&out)
        );
        // Nothing was written while refusing.
        assert_eq!(versions(&path).len(), 2, "{breakage:?}");
    }

    // Without any kept version there is nothing to restore, and the error says so.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.json");
    fs::write(&path, &SAMPLE[..30_000]).unwrap();
    let err = stderr(&kinerja(&path, &["summary"]));
    assert!(err.contains("belum ada versi cadangan"), "{err}");
}

#[test]
fn a_deleted_default_workspace_is_not_replaced_by_the_sample() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .args(args)
            .output()
            .unwrap()
    };
    // First use copies the sample; a save keeps a version of it.
    assert!(run(&["summary"]).status.success());
    let out = run(&["set", "7.01.02.2.04.02", "--target", "600"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = home.path().join("data/kinerja/workspace.json");
    fs::remove_file(&path).unwrap();

    let out = run(&["summary"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("1 versi cadangan tersimpan; lihat dengan: kinerja restore"),
        "{err}"
    );
    assert!(
        !path.exists(),
        "the sample was not copied over the lost work"
    );

    // `restore 1` brings back the file as it was before the save: the sample.
    let out = run(&["restore", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), SAMPLE);
}
