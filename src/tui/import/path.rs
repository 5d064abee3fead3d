//! The file an import asks for, as typed: `~` is the home folder, a relative path is taken
//! from the current folder. Before anything opens it, it is looked at (a `stat`, never an
//! `open`): a name that is missing, a folder, a FIFO or a device (opening one can block), a
//! link that loops, a file larger than [`MAX_BYTES`] or without a spreadsheet's extension gets
//! one line saying so. A file that passes and still is no spreadsheet is said by the reader.

use crate::locale::Lang;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The largest file read (the reader refuses larger ones too, on the descriptor it reads).
pub const MAX_BYTES: u64 = crate::import::MAX_BYTES;

/// The extensions the reader knows (`import::read`).
const EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xls", "ods", "csv", "txt"];

/// `typed` as a path: `~` and `~/…` in `home`, a relative path under `cwd`.
pub fn resolve(typed: &str, home: Option<&str>, cwd: &Path) -> PathBuf {
    let typed = typed.trim();
    let expanded = match (typed.strip_prefix('~'), home) {
        (Some(""), Some(h)) => PathBuf::from(h),
        (Some(rest), Some(h)) if rest.starts_with('/') => {
            Path::new(h).join(rest.trim_start_matches('/'))
        }
        _ => PathBuf::from(typed),
    };
    if expanded.is_absolute() {
        expanded
    } else {
        cwd.join(expanded)
    }
}

/// Whether `path` may be read, or the one line that says why not.
pub fn check(path: &Path, lang: Lang) -> Result<(), String> {
    let shown = crate::text::visible(&path.display().to_string()).into_owned();
    let why = |id: &str, en: &str| Err(format!("{shown}: {}", lang.pick(id, en)));
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            // A link whose target is gone is named as such.
            return if std::fs::symlink_metadata(path).is_ok() {
                why(
                    "tautan ke berkas yang tidak ada",
                    "a link to a file that does not exist",
                )
            } else {
                why("berkas tidak ada", "no such file")
            };
        }
        Err(e) if e.raw_os_error() == Some(libc_eloop()) => {
            return why(
                "tautan berputar (symlink menunjuk dirinya sendiri)",
                "a link that loops (a symlink pointing back at itself)",
            );
        }
        Err(e) if e.kind() == ErrorKind::PermissionDenied => {
            return why(
                "tidak boleh dibaca (izin)",
                "not allowed to read it (permission)",
            );
        }
        Err(e) => return Err(format!("{shown}: {e}")),
    };
    if meta.is_dir() {
        return why(
            "ini folder; ketik nama berkasnya",
            "this is a folder; type the file's name",
        );
    }
    if !meta.is_file() {
        return why(
            "bukan berkas biasa (FIFO, perangkat atau soket); tidak dibuka",
            "not a regular file (a FIFO, a device or a socket); not opened",
        );
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "{shown}: {} ({} MB; {} {} MB)",
            lang.pick("terlalu besar untuk diimpor", "too large to import"),
            meta.len() / (1024 * 1024),
            lang.pick("batas", "the limit is"),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !EXTENSIONS.contains(&ext.as_str()) {
        return why(
            "bukan lembar kerja: yang dibaca .xlsx, .xls, .ods atau .csv",
            "not a spreadsheet: .xlsx, .xls, .ods or .csv are read",
        );
    }
    Ok(())
}

/// ELOOP, the error of a link that loops (40 on Linux, 62 on the BSDs and macOS).
fn libc_eloop() -> i32 {
    if cfg!(any(
        target_os = "macos",
        target_os = "freebsd",
        target_os = "openbsd"
    )) {
        62
    } else {
        40
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_and_relative_paths_resolve() {
        let cwd = Path::new("/kerja");
        let home = Some("/home/siti");
        assert_eq!(
            resolve("~/e81.xlsx", home, cwd),
            PathBuf::from("/home/siti/e81.xlsx")
        );
        assert_eq!(resolve("~", home, cwd), PathBuf::from("/home/siti"));
        assert_eq!(
            resolve(" data/e81.csv ", home, cwd),
            PathBuf::from("/kerja/data/e81.csv")
        );
        assert_eq!(
            resolve("/tmp/a.xlsx", home, cwd),
            PathBuf::from("/tmp/a.xlsx")
        );
        // `~user` is not expanded (a name like any other).
        assert_eq!(
            resolve("~budi/a.csv", home, cwd),
            PathBuf::from("/kerja/~budi/a.csv")
        );
    }

    #[test]
    fn what_cannot_be_read_is_said_in_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let said = |p: &Path| check(p, Lang::En).unwrap_err();
        assert!(said(&d.join("none.xlsx")).ends_with("no such file"));
        assert!(said(d).contains("this is a folder"));
        std::fs::write(d.join("notes.docx"), b"x").unwrap();
        assert!(said(&d.join("notes.docx")).contains("not a spreadsheet"));
        std::fs::write(d.join("ok.csv"), b"a,b\n").unwrap();
        assert_eq!(check(&d.join("ok.csv"), Lang::En), Ok(()));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d.join("loop.csv"), d.join("loop.csv")).unwrap();
            assert!(said(&d.join("loop.csv")).contains("loops"));
            std::os::unix::fs::symlink(d.join("gone.csv"), d.join("dangling.csv")).unwrap();
            assert!(said(&d.join("dangling.csv")).contains("a link to a file"));
            let fifo = d.join("pipe.csv");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
            assert!(said(&fifo).contains("not a regular file"));
        }
        let big = std::fs::File::create(d.join("big.csv")).unwrap();
        big.set_len(MAX_BYTES + 1).unwrap();
        assert!(said(&d.join("big.csv")).contains("too large"));
        for m in [said(d), said(&d.join("big.csv"))] {
            assert!(!m.contains('\n'), "one line: {m}");
        }
    }
}
