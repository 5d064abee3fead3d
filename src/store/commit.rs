//! Saving when several people work on one workspace: one writer at a time (an advisory lock
//! around reload–merge–write), and no lost update — each user's changes are applied as small
//! operations onto what is on disk now, and a figure someone else changed meanwhile is a
//! conflict to resolve, never silently overwritten.

use super::journal::{self, Entry};
use super::{StoreError, parse, versions, write_atomic, write_workspace};
use crate::locale::Lang;
use crate::model::{Op, Workspace};
use rust_decimal::Decimal;
use std::fs::{self, File};
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Identifies the exact bytes of a workspace file as read (length and a hash of the content),
/// to tell whether someone saved since; and, where the system tells, the file itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub hash: u64,
    /// The file those bytes were read from or written to, as it was then (see [`FileId`]).
    pub file: Option<FileId>,
}

impl Stamp {
    pub fn of(bytes: &[u8]) -> Stamp {
        let mut h = DefaultHasher::new();
        h.write(bytes);
        Stamp {
            len: bytes.len() as u64,
            hash: h.finish(),
            file: None,
        }
    }

    /// Whether two stamps are of the same bytes (wherever they were read).
    pub fn same_bytes(&self, other: &Stamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// Passes bytes on while stamping them, so a save knows the stamp of what it wrote without
/// holding or reading the text again.
pub(crate) struct StampingWriter<W: Write> {
    inner: W,
    hasher: DefaultHasher,
    len: u64,
}

impl<W: Write> StampingWriter<W> {
    pub(crate) fn new(inner: W) -> Self {
        StampingWriter {
            inner,
            hasher: DefaultHasher::new(),
            len: 0,
        }
    }

    /// Flushes what is left and gives the stamp of everything written.
    pub(crate) fn finish(mut self) -> io::Result<Stamp> {
        self.inner.flush()?;
        Ok(Stamp {
            len: self.len,
            hash: self.hasher.finish(),
            file: None,
        })
    }
}

impl<W: Write> Write for StampingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.write(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A file as the system describes it: device, inode, length, and the times of the last change
/// of its content (`mtime`) and of the inode (`ctime`, which no program can set back). Every
/// save through kinerja is a new file (written beside, then renamed over), so another user's
/// save always changes the inode; another program writing in place changes the times. When a
/// file still has the identity it had when read or written, its bytes are taken as unchanged
/// and a save does not read them again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl FileId {
    #[cfg(unix)]
    fn of(m: &fs::Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        Some(FileId {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        })
    }

    #[cfg(not(unix))]
    fn of(_: &fs::Metadata) -> Option<FileId> {
        None
    }

    /// The identity of the file at `path` now (`Ok(None)` when the system gives none).
    fn at(path: &Path) -> io::Result<Option<FileId>> {
        fs::metadata(path).map(|m| FileId::of(&m))
    }
}

/// Reads and parses a workspace and stamps the bytes it came from.
pub fn load_stamped(path: &Path) -> Result<(Workspace, Stamp), StoreError> {
    let err = |source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(err)?;
    let before = file.metadata().map_err(err)?;
    let mut bytes = Vec::with_capacity(before.len() as usize);
    file.read_to_end(&mut bytes).map_err(err)?;
    // Identify the file only if nobody wrote into it while it was being read.
    let after = file.metadata().map_err(err)?;
    let id = FileId::of(&before).filter(|id| FileId::of(&after) == Some(*id));
    let text = String::from_utf8(bytes)
        .map_err(|e| err(io::Error::new(io::ErrorKind::InvalidData, e.utf8_error())))?;
    let ws = parse(&text).map_err(|error| StoreError::Parse {
        path: path.to_path_buf(),
        error,
    })?;
    let stamp = Stamp {
        file: id.filter(|id| id.len == text.len() as u64),
        ..Stamp::of(text.as_bytes())
    };
    Ok((ws, stamp))
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

/// The result of a save (what is now on disk is in the workspace given to [`commit_ops`]).
#[derive(Debug)]
pub struct Committed {
    /// The stamp of what is now on disk.
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
/// Returns what is now on disk with the result.
pub fn commit(
    path: &Path,
    base: &Workspace,
    stamp: Stamp,
    mine: &Workspace,
    user: &str,
) -> Result<(Workspace, Committed), CommitError> {
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
) -> Result<(Workspace, Committed), CommitError> {
    let mut ws = base.clone();
    let done = commit_ops(path, &mut ws, stamp, base.diff(mine), user, wait)?;
    Ok((ws, done))
}

/// Saves `ops` as `user`, under the lock, onto what is on disk now. `base` must be exactly the
/// workspace read (or last written) with `stamp`. When the file is still that file, the
/// operations are applied to `base` itself (the file is neither read nor parsed again);
/// otherwise the file is read, and unless its bytes are the same, parsed and the operations
/// merged onto it. An operation whose figure on disk is neither its `old` nor its `new` is a
/// conflict, and then nothing is written.
///
/// On success `base` holds what is now on disk; on any error it is as it was.
pub fn commit_ops(
    path: &Path,
    base: &mut Workspace,
    stamp: Stamp,
    ops: Vec<Op>,
    user: &str,
    wait: Duration,
) -> Result<Committed, CommitError> {
    let _lock = lock(path, wait)?;
    let read_err = |source: io::Error| {
        if source.kind() == io::ErrorKind::NotFound {
            CommitError::Vanished(path.to_path_buf())
        } else {
            CommitError::Store(StoreError::Read {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let now = FileId::at(path).map_err(read_err)?;
    // The workspace the operations go onto: `base` when the file is as it was, else the file.
    let (mut theirs, on_disk) = if stamp.file.is_some() && stamp.file == now {
        (None, stamp)
    } else {
        let bytes = fs::read(path).map_err(read_err)?;
        let on_disk = Stamp {
            file: now,
            ..Stamp::of(&bytes)
        };
        if on_disk.same_bytes(&stamp) {
            (None, on_disk)
        } else {
            (Some(parse_bytes(path, &bytes)?), on_disk)
        }
    };
    let merged = theirs.is_some();
    let target = theirs.as_mut().unwrap_or(base);
    if ops.is_empty() {
        if let Some(ws) = theirs {
            *base = ws;
        }
        return Ok(Committed {
            stamp: on_disk,
            applied: ops,
            merged,
            journal_error: None,
        });
    }
    // Check every change against what is on disk before touching anything.
    let at = target.locate(ops.iter().map(|op| op.kode.as_str()));
    let mut conflicts = Vec::new();
    let mut applied = Vec::new();
    for op in ops {
        let current = at
            .get(op.kode.as_str())
            .and_then(|p| target.node_at(p))
            .and_then(|n| op.field.get(n));
        match current {
            // The node or slot is gone from the file: nothing to write it into.
            None => conflicts.push(Conflict {
                mine: op,
                theirs: None,
                by: None,
            }),
            Some(current) if current == op.new => {}
            Some(current) if current == op.old => applied.push(op),
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
    let set = |target: &mut Workspace, op: &Op, value: Option<Decimal>| {
        if let Some(node) = at.get(op.kode.as_str()).and_then(|p| target.node_at_mut(p)) {
            op.field.set(node, value);
        }
    };
    for op in &applied {
        set(target, op, op.new);
    }
    let written = versions::keep(path)
        .map_err(|source| {
            CommitError::Store(StoreError::Write {
                path: path.to_path_buf(),
                source,
            })
        })
        .and_then(|()| write_workspace(path, target).map_err(CommitError::Store));
    let (file, written) = match written {
        Ok(done) => done,
        Err(e) => {
            // Nothing was written: `base` goes back to what is on disk.
            for op in &applied {
                set(target, op, op.old);
            }
            return Err(e);
        }
    };
    if let Some(ws) = theirs {
        *base = ws;
    }
    let waktu = crate::time::rfc3339(crate::time::now().0);
    let entries: Vec<Entry> = applied
        .iter()
        .map(|op| Entry::from_op(op, user, &waktu))
        .collect();
    let journal_error = journal::append(path, &entries).err().map(|e| e.to_string());
    Ok(Committed {
        stamp: Stamp {
            file: file.metadata().ok().as_ref().and_then(FileId::of),
            ..written
        },
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
        tahun: None,
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
