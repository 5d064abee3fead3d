//! Saving when several people work on one workspace: one writer at a time (an advisory lock
//! around reload–merge–write), and no lost update — each user's changes are applied as small
//! operations onto what is on disk now, and a figure someone else changed meanwhile is a
//! conflict to resolve, never silently overwritten.

use super::journal::{self, Entry};
use super::{StoreError, parse, to_json, versions, write_atomic};
use crate::locale::Lang;
use crate::model::{Op, Workspace};
use rust_decimal::Decimal;
use std::fs::{self, File};
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Identifies the exact bytes of a workspace file as read (length and a hash of the content),
/// to tell whether someone saved since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub hash: u64,
}

impl Stamp {
    pub fn of(bytes: &[u8]) -> Stamp {
        let mut h = DefaultHasher::new();
        h.write(bytes);
        Stamp {
            len: bytes.len() as u64,
            hash: h.finish(),
        }
    }
}

/// Reads and parses a workspace and stamps the bytes it came from.
pub fn load_stamped(path: &Path) -> Result<(Workspace, Stamp), StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Read {
        path: path.to_path_buf(),
        source: io::Error::new(io::ErrorKind::InvalidData, e.utf8_error()),
    })?;
    let ws = parse(&text).map_err(|error| StoreError::Parse {
        path: path.to_path_buf(),
        error,
    })?;
    Ok((ws, Stamp::of(text.as_bytes())))
}

/// The stamp of the file on disk now (`None` when it is gone).
pub fn stamp_on_disk(path: &Path) -> io::Result<Option<Stamp>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(Stamp::of(&bytes))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// How long a save waits for another save to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// An exclusive advisory lock on `<workspace>.lock`, held while reloading, merging and writing.
/// The operating system drops it when the process ends, so a crashed save never blocks others.
pub struct Lock {
    file: File,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

pub fn lock_path(workspace: &Path) -> PathBuf {
    let mut name = workspace
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    workspace.with_file_name(name)
}

/// Takes the lock, waiting up to `wait`; on time-out says who holds it.
pub fn lock(workspace: &Path, wait: Duration) -> Result<Lock, CommitError> {
    let path = lock_path(workspace);
    let err = |source| {
        CommitError::Store(StoreError::Write {
            path: path.clone(),
            source,
        })
    };
    let mut file = super::open_shared(&path, false).map_err(err)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(CommitError::Busy {
                    holder: holder.trim().to_string(),
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(err(e)),
        }
    }
    // Say who holds it, for whoever has to wait.
    let _ = file.set_len(0);
    let _ = write!(
        file,
        "{} (pid {})",
        journal::current_user(),
        std::process::id()
    );
    Ok(Lock { file })
}

/// Someone else changed a figure this user changed too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// This user's change (`old` is what they saw, `new` what they typed).
    pub mine: Op,
    /// What is on disk now.
    pub theirs: Option<Decimal>,
    /// The journal's last word on that figure: who changed it and when.
    pub by: Option<Entry>,
}

#[derive(Debug)]
pub enum CommitError {
    Store(StoreError),
    /// Another save holds the lock.
    Busy {
        holder: String,
    },
    /// The workspace file is gone.
    Vanished(PathBuf),
    /// Figures changed by someone else meanwhile; nothing was written.
    Conflicts(Vec<Conflict>),
}

impl CommitError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CommitError::Store(e) => e.message(lang),
            CommitError::Busy { holder } => format!(
                "{} {}; {}",
                lang.pick("workspace sedang disimpan oleh", "the workspace is being saved by"),
                if holder.is_empty() { "?" } else { holder },
                lang.pick("coba simpan lagi sebentar lagi", "try saving again in a moment")
            ),
            CommitError::Vanished(p) => format!(
                "{}: {}",
                p.display(),
                lang.pick(
                    "berkas hilang dari disk; perubahan Anda masih di memori — pulihkan berkasnya atau simpan ke tempat lain",
                    "the file is gone from disk; your changes are still in memory — restore the file or save elsewhere"
                )
            ),
            CommitError::Conflicts(c) => format!(
                "{} {}",
                c.len(),
                lang.pick(
                    "angka juga diubah orang lain sejak Anda membuka; tidak ada yang ditulis",
                    "figure(s) were also changed by someone else since you opened; nothing was written"
                )
            ),
        }
    }
}

/// The result of a save.
#[derive(Debug)]
pub struct Committed {
    /// What is now on disk (this user's changes on top of everyone else's).
    pub ws: Workspace,
    pub stamp: Stamp,
    /// The changes written and journaled.
    pub applied: Vec<Op>,
    /// Whether someone else had saved meanwhile (their changes are now in `ws`).
    pub merged: bool,
    /// The workspace was saved but the journal could not be appended to.
    pub journal_error: Option<String>,
}

/// Saves the changes that turn `base` (as loaded, with `stamp`) into `mine`, as `user`:
/// under the lock, onto what is on disk now (see [`commit_ops`]). Nothing is written on a conflict.
pub fn commit(
    path: &Path,
    base: &Workspace,
    stamp: Stamp,
    mine: &Workspace,
    user: &str,
) -> Result<Committed, CommitError> {
    commit_with(path, base, stamp, mine, user, LOCK_WAIT)
}

/// [`commit`] with a chosen lock wait.
pub fn commit_with(
    path: &Path,
    base: &Workspace,
    stamp: Stamp,
    mine: &Workspace,
    user: &str,
    wait: Duration,
) -> Result<Committed, CommitError> {
    commit_ops(path, base, stamp, base.diff(mine), user, wait)
}

/// Saves `ops` as `user`, under the lock, onto what is on disk now. `base` must be exactly the
/// workspace read with `stamp`: when the file still has that stamp it is used as is (no second
/// parse); otherwise the file is read again and the operations merged onto it. An operation
/// whose figure on disk is neither its `old` nor its `new` is a conflict, and then nothing is
/// written.
pub fn commit_ops(
    path: &Path,
    base: &Workspace,
    stamp: Stamp,
    ops: Vec<Op>,
    user: &str,
    wait: Duration,
) -> Result<Committed, CommitError> {
    let _lock = lock(path, wait)?;
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(CommitError::Vanished(path.to_path_buf()));
        }
        Err(source) => {
            return Err(CommitError::Store(StoreError::Read {
                path: path.to_path_buf(),
                source,
            }));
        }
    };
    let on_disk = Stamp::of(&bytes);
    if ops.is_empty() {
        let ws = if on_disk == stamp {
            base.clone()
        } else {
            parse_bytes(path, &bytes)?
        };
        return Ok(Committed {
            ws,
            stamp: on_disk,
            applied: ops,
            merged: on_disk != stamp,
            journal_error: None,
        });
    }
    // Apply the changes onto what is on disk now, figure by figure.
    let merged = on_disk != stamp;
    let mut target = if merged {
        parse_bytes(path, &bytes)?
    } else {
        base.clone()
    };
    let mut conflicts = Vec::new();
    let mut applied = Vec::new();
    for op in ops {
        match target.figure(&op.kode, op.field) {
            // The node or slot is gone from the file: nothing to write it into.
            None => conflicts.push(Conflict {
                mine: op,
                theirs: None,
                by: None,
            }),
            Some(current) if current == op.new => {}
            Some(current) if current == op.old => {
                target.set_figure(&op.kode, op.field, op.new);
                applied.push(op);
            }
            Some(current) => conflicts.push(Conflict {
                mine: op,
                theirs: current,
                by: None,
            }),
        }
    }
    if !conflicts.is_empty() {
        let entries = journal::read(path).map(|(e, _)| e).unwrap_or_default();
        for c in &mut conflicts {
            c.by = journal::last_change(&entries, &c.mine.kode, c.mine.field).cloned();
        }
        return Err(CommitError::Conflicts(conflicts));
    }
    let text = to_json(&target);
    versions::keep(path).map_err(|source| {
        CommitError::Store(StoreError::Write {
            path: path.to_path_buf(),
            source,
        })
    })?;
    write_atomic(path, text.as_bytes()).map_err(CommitError::Store)?;
    let waktu = crate::time::rfc3339(crate::time::now().0);
    let entries: Vec<Entry> = applied
        .iter()
        .map(|op| Entry::from_op(op, user, &waktu))
        .collect();
    let journal_error = journal::append(path, &entries).err().map(|e| e.to_string());
    Ok(Committed {
        ws: target,
        stamp: Stamp::of(text.as_bytes()),
        applied,
        merged,
        journal_error,
    })
}

fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Workspace, CommitError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        CommitError::Store(StoreError::Read {
            path: path.to_path_buf(),
            source: io::Error::new(io::ErrorKind::InvalidData, e),
        })
    })?;
    parse(text).map_err(|error| {
        CommitError::Store(StoreError::Parse {
            path: path.to_path_buf(),
            error,
        })
    })
}

/// Restores a kept version over the workspace, under the lock; the current file is kept as a
/// version first, so a restore can itself be undone. The journal records it.
pub fn restore(path: &Path, version: &versions::Version, user: &str) -> Result<(), CommitError> {
    let text = fs::read_to_string(&version.path).map_err(|source| {
        CommitError::Store(StoreError::Read {
            path: version.path.clone(),
            source,
        })
    })?;
    parse(&text).map_err(|error| {
        CommitError::Store(StoreError::Parse {
            path: version.path.clone(),
            error,
        })
    })?;
    let _lock = lock(path, LOCK_WAIT)?;
    versions::keep(path).map_err(|source| {
        CommitError::Store(StoreError::Write {
            path: path.to_path_buf(),
            source,
        })
    })?;
    write_atomic(path, text.as_bytes()).map_err(CommitError::Store)?;
    let entry = Entry {
        waktu: crate::time::rfc3339(crate::time::now().0),
        pengguna: user.to_string(),
        kode: String::new(),
        indikator: None,
        kolom: "pulih".into(),
        tw: None,
        lama: None,
        baru: None,
        catatan: Some(version.name.clone()),
    };
    journal::append(path, &[entry]).map_err(|source| {
        CommitError::Store(StoreError::Write {
            path: journal::path_for(path),
            source,
        })
    })
}
