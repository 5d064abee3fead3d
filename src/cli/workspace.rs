//! Which workspace file a command works on, and opening it. A file that cannot be read or
//! parsed is refused in one line that says how to get a kept version back (`kinerja restore`).

use super::output::{Refused, shown};
use color_eyre::eyre::{Result, WrapErr};
use kinerja::locale::Lang;
use kinerja::model::Workspace;
use kinerja::store::{self, StoreError};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// A workspace read from its file, with what a save needs to merge onto the file later.
pub struct Opened {
    /// The real file (behind any symlink).
    pub path: PathBuf,
    pub ws: Workspace,
    pub stamp: store::Stamp,
}

/// The workspace file of a command that does not read it (`log`, `restore`): `-w FILE`, else
/// the user's own; it may be broken or missing, and nothing is created.
pub fn locate(given: Option<&Path>, lang: Lang) -> Result<PathBuf> {
    let path = match given {
        Some(p) => p.to_path_buf(),
        None => default_path(lang)?,
    };
    Ok(real_path(path))
}

/// Reads the workspace: `-w FILE`, else the user's own (on first use a copy of the sample).
pub fn open(given: Option<&Path>, lang: Lang) -> Result<Opened> {
    let path = match given {
        Some(p) => p.to_path_buf(),
        None => first_use(lang)?,
    };
    let path = real_path(path);
    let (ws, stamp) = store::load_stamped(&path).map_err(|e| {
        let mut line = e.message(lang);
        if restore_may_help(&e) {
            line = format!("{line}; {}", restore_hint(&path, given, lang));
        }
        Refused(line)
    })?;
    Ok(Opened { path, ws, stamp })
}

/// The real file behind `path`, so that the atomic rename, the lock, the journal and the kept
/// versions are all beside it, not beside a link. A link whose file is gone (deleted, about to
/// be restored) is followed too: `restore` writes where the file was, not over the link.
fn real_path(mut path: PathBuf) -> PathBuf {
    // As many links as the system itself follows before giving up on a loop.
    for _ in 0..40 {
        if let Ok(real) = std::fs::canonicalize(&path) {
            return real;
        }
        match std::fs::read_link(&path) {
            Ok(target) => path = path.parent().unwrap_or(Path::new("")).join(target),
            Err(_) => break,
        }
    }
    path
}

/// A broken, emptied or deleted file: a kept version may bring it back. (Not for a file that
/// cannot be read for lack of permission: the versions would not help.)
fn restore_may_help(e: &StoreError) -> bool {
    match e {
        StoreError::Parse { .. } => true,
        StoreError::Read { source, .. } => {
            matches!(source.kind(), ErrorKind::NotFound | ErrorKind::InvalidData)
        }
        StoreError::Write { .. } | StoreError::Unsafe(_) => false,
    }
}

/// "3 versi cadangan tersimpan; lihat dengan: kinerja -w ws.json restore".
fn restore_hint(path: &Path, given: Option<&Path>, lang: Lang) -> String {
    let kept = store::versions::list(path).map_or(0, |v| v.len());
    if kept == 0 {
        return lang
            .pick("belum ada versi cadangan", "no backup versions kept")
            .into();
    }
    let command = match given {
        Some(p) => format!("kinerja -w {} restore", shell_word(&p.to_string_lossy())),
        None => "kinerja restore".into(),
    };
    format!(
        "{kept} {}: {command}",
        lang.pick(
            "versi cadangan tersimpan; lihat dengan",
            "backup version(s) kept; list them with"
        )
    )
}

/// `s` as one word a shell reads back as `s`: quoted when it holds anything but plain
/// path characters.
fn shell_word(s: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "/._-+,:@%=".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        shown(s)
    } else {
        format!("'{}'", shown(&s.replace('\'', r"'\''")))
    }
}

/// The user's own workspace file, whether or not it exists.
pub fn default_path(lang: Lang) -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("id", "kinerja", "kinerja").ok_or_else(|| {
        Refused(
            lang.pick(
                "folder data pengguna tidak ditemukan; pakai -w FILE",
                "no user data folder found; use -w FILE",
            )
            .into(),
        )
    })?;
    Ok(dirs.data_dir().join("workspace.json"))
}

/// The user's own workspace; on first use it is created from the bundled sample. A file that
/// is gone while versions of it are kept was deleted, not never used: it is not replaced by
/// the sample (the load then says how to restore it).
fn first_use(lang: Lang) -> Result<PathBuf> {
    let path = default_path(lang)?;
    let kept = store::versions::list(&path).map_or(0, |v| v.len());
    if !path.exists() && kept == 0 {
        let dir = path.parent().expect("the data folder");
        std::fs::create_dir_all(dir)
            .wrap_err_with(|| format!("membuat folder {}", dir.display()))?;
        store::write_atomic(&path, store::SAMPLE_JSON.as_bytes())
            .map_err(|e| Refused(e.message(lang)))?;
        eprintln!(
            "{} {}",
            lang.pick(
                "Workspace contoh (Kecamatan Sooko 2023) disalin ke",
                "Sample workspace (Kecamatan Sooko 2023) copied to"
            ),
            shown(&path.display().to_string())
        );
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_quoted_for_the_shell_only_when_it_must_be() {
        assert_eq!(shell_word("/srv/kinerja/ws.json"), "/srv/kinerja/ws.json");
        assert_eq!(shell_word("data kantor/ws.json"), "'data kantor/ws.json'");
        assert_eq!(shell_word("it's.json"), r"'it'\''s.json'");
        assert_eq!(shell_word("a\u{1b}b.json"), "'a\\u{1b}b.json'");
    }

    #[test]
    fn a_link_to_a_deleted_file_leads_to_where_the_file_was() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("bersama");
        std::fs::create_dir(&real).unwrap();
        let link = dir.path().join("ws.json");
        std::os::unix::fs::symlink("bersama/ws.json", &link).unwrap();
        let found = real_path(link.clone());
        assert_eq!(found, dir.path().join("bersama/ws.json"));
        // A loop of links ends (and is left as it is).
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let _ = real_path(a);
    }
}
