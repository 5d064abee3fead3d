//! Saving when several people work on one workspace: one writer at a time (an advisory lock
//! around reload–merge–write), and no lost update — each user's changes (`model::Change`: a
//! figure, a name, a node added or removed…) are applied onto what is on disk now, and one
//! that no longer applies (a figure someone else changed meanwhile, a node they removed) is a
//! conflict to resolve, never silently overwritten or dropped.

// The fields of `stat` have different integer types on different targets; the casts say which
// one this code means.
#![allow(clippy::unnecessary_cast)]

use super::conflict::{self, Conflict};
use super::folder::{Folder, Side, split};
use super::journal::{self, Entry, Journal};
use super::{StoreError, parse, read_workspace, versions, workspace_group};
use crate::model::change::{self, Locator, Remembered};
use crate::model::{Applied, Change, Op, Workspace};
use siphasher::sip128::{Hasher128, SipHasher13};
use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::hash::Hasher;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Identifies the exact bytes of a workspace file as read (length and a hash of the content),
/// to tell whether someone saved since; and, where the system tells, the file itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    /// SipHash-1-3, 128 bits, keys 0 and 0 (the `siphasher` crate): the same for the same
    /// bytes on every build, so it can be recorded in the journal and in version names.
    pub hash: u128,
    /// The file those bytes were read from or written to, as it was then (see [`FileId`]).
    pub file: Option<FileId>,
}

fn content_hasher() -> SipHasher13 {
    SipHasher13::new_with_keys(0, 0)
}

impl Stamp {
    pub fn of(bytes: &[u8]) -> Stamp {
        let mut h = content_hasher();
        h.write(bytes);
        Stamp {
            len: bytes.len() as u64,
            hash: h.finish128().into(),
            file: None,
        }
    }

    /// Whether two stamps are of the same bytes (wherever they were read).
    pub fn same_bytes(&self, other: &Stamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }

    /// The hash as 32 hexadecimal digits.
    pub fn hex(&self) -> String {
        format!("{:032x}", self.hash)
    }
}

/// Passes bytes on while stamping them, so a save knows the stamp of what it wrote without
/// holding or reading the text again.
pub(crate) struct StampingWriter<W: Write> {
    inner: W,
    hasher: SipHasher13,
    len: u64,
}

impl<W: Write> StampingWriter<W> {
    pub(crate) fn new(inner: W) -> Self {
        StampingWriter {
            inner,
            hasher: content_hasher(),
            len: 0,
        }
    }

    /// Flushes what is left and gives the stamp of everything written.
    pub(crate) fn finish(mut self) -> io::Result<Stamp> {
        self.inner.flush()?;
        Ok(Stamp {
            len: self.len,
            hash: self.hasher.finish128().into(),
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
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    #[cfg(unix)]
    pub(crate) fn of(m: &fs::Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        Some(FileId {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        })
    }

    /// The identity of the workspace file at `path` now (`Ok(None)` when the system gives
    /// none), never through a link at its name: a link or anything but a regular file there
    /// is refused.
    fn at(path: &Path) -> io::Result<Option<FileId>> {
        let m = fs::symlink_metadata(path)?;
        let why = if m.file_type().is_symlink() {
            super::Unsafe::WorkspaceLink
        } else if !m.is_file() {
            super::Unsafe::NotRegular
        } else {
            return Ok(FileId::of(&m));
        };
        Err(io::Error::other(super::UnsafeFile {
            path: path.to_path_buf(),
            why,
        }))
    }
}

/// Opens a workspace: reads and parses it and stamps the bytes it came from. A path whose
/// last component is the user's own link is followed here, once (see [`super::real_path`]);
/// save, reload and restore then take the real path. Only a regular file is read (a FIFO, a
/// device or a folder is refused at once); text that is not UTF-8 or starts with a byte order
/// mark is refused with its position.
pub fn load_stamped(path: &Path) -> Result<(Workspace, Stamp), StoreError> {
    super::reload_stamped(&super::resolve(path))
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
        // The holder's name goes before the lock does: whoever waits next never reads a name
        // that no longer holds it.
        let _ = self.file.set_len(0);
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

/// A workspace file and its folder, held open: the side files are reached through it.
pub(crate) struct Place {
    pub(crate) path: PathBuf,
    pub(crate) folder: Folder,
    pub(crate) name: OsString,
    /// The workspace's group, which its side files must have; `None` when there is no file.
    pub(crate) group: Option<u32>,
    /// The file on disk does not load (a restore over a broken file): its kept version is
    /// marked so (`-rusak`).
    pub(crate) broken: bool,
}

impl Place {
    /// The workspace at `path`, the real path it was opened at: a link at its name now is
    /// not followed (it is refused when the file is read or replaced).
    pub(crate) fn of(path: &Path) -> io::Result<Place> {
        let path = path.to_path_buf();
        let (dir, name) = split(&path)?;
        super::folder::check_name_length(&dir, &name)?;
        let folder = Folder::open(&dir)?;
        let group = workspace_group(&folder, &name)?;
        Ok(Place {
            path,
            folder,
            name,
            group,
            broken: false,
        })
    }

    fn side_name(&self, suffix: &str) -> OsString {
        let mut n = self.name.clone();
        n.push(suffix);
        n
    }
}

/// Takes the lock, waiting up to `wait`; on time-out says who holds it. The lock file is
/// never followed through a link and must be a regular file of the workspace's group.
pub fn lock(workspace: &Path, wait: Duration) -> Result<Lock, CommitError> {
    let place = Place::of(workspace)
        .map_err(|e| CommitError::Store(StoreError::write(&lock_path(workspace), e)))?;
    lock_at(&place, wait)
}

fn lock_at(place: &Place, wait: Duration) -> Result<Lock, CommitError> {
    let name = place.side_name(".lock");
    let path = place.folder.join(&name);
    let err = |source| CommitError::Store(StoreError::write(&path, source));
    let mut file = place
        .folder
        .side_file(&name, Side::Lock, place.group)
        .map_err(err)?
        .expect("created when missing");
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(CommitError::Busy {
                    holder: holder_of(&file),
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(err(e)),
        }
    }
    // Say who holds it, for whoever has to wait.
    let _ = file.set_len(0);
    let _ = std::io::Seek::rewind(&mut file);
    let _ = write!(
        file,
        "{} (pid {})",
        journal::current_user(),
        std::process::id()
    );
    Ok(Lock { file })
}

/// Who holds the lock, as the holder wrote it (`ani (pid 812)`); empty when it could not say
/// (a holder with a read-only lock, another tool) or the process named has ended.
fn holder_of(file: &File) -> String {
    let mut text = String::new();
    let _ = file.take(200).read_to_string(&mut text);
    let text = text.trim();
    let pid = text
        .rsplit_once("(pid ")
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .and_then(|pid| pid.parse::<u32>().ok());
    match pid {
        Some(pid) if !super::folder::process_gone(pid) => text.to_string(),
        _ => String::new(),
    }
}

/// Removes what earlier saves left behind when they were killed: the workspace's own
/// temporary files (written only under this lock, which the caller now holds, so their writer
/// is gone) and kinerja's general temporary files in the folder whose writer's process has
/// ended and that were last written over an hour ago. A failure is no reason to stop a save.
fn remove_stale_temps(place: &Place) {
    let Ok(names) = place.folder.names() else {
        return;
    };
    let own = super::temp_prefix(&place.name);
    for name in names {
        let stale = if super::is_temp_of(&name, &own) {
            true
        } else if let Some(pid) = super::general_temp_pid(&name) {
            super::folder::process_gone(pid) && older_than_an_hour(&place.folder, &name)
        } else {
            super::recovery::is_old_temp(&place.name, &name)
                && older_than_an_hour(&place.folder, &name)
        };
        if stale {
            let _ = place.folder.unlink(&name);
        }
    }
    // The versions folder's copies, written under this lock too.
    if let Ok(Some(dir)) = place
        .folder
        .subfolder(&place.side_name(".cadangan"), place.group, false)
        && let Ok(names) = dir.names()
    {
        for name in names {
            if super::is_temp_of(&name, OsStr::new(versions::TEMP_PREFIX)) {
                let _ = dir.unlink(&name);
            }
        }
    }
}

fn older_than_an_hour(folder: &Folder, name: &OsStr) -> bool {
    let Ok(Some(st)) = folder.stat(name) else {
        return false;
    };
    let now = crate::time::now().0;
    (st.st_mtime as i64) < now - 3600
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
    /// Changes that no longer apply because someone else saved meanwhile (a figure they
    /// changed too, a node they removed or recoded…); nothing was written.
    Conflicts(Vec<Conflict>),
}

/// The result of a save (what is now on disk is in the workspace given to [`commit_changes`]).
#[derive(Debug)]
pub struct Committed {
    /// The stamp of what is now on disk.
    pub stamp: Stamp,
    /// The changes written and journaled, as applied (changes that found their work already
    /// done are left out).
    pub applied: Vec<Applied>,
    /// Whether someone else had saved meanwhile (their changes are now in `ws`).
    pub merged: bool,
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

/// Saves figure operations made against `base` (as loaded or last written, with `stamp`):
/// each is addressed by the id of the indicator at its position in `base` and saved through
/// [`commit_changes`]. A conflict gives back the operation as given (`FigureConflict::mine`).
pub fn commit_ops(
    path: &Path,
    base: &mut Workspace,
    stamp: Stamp,
    ops: Vec<Op>,
    user: &str,
    wait: Duration,
) -> Result<Committed, CommitError> {
    // An op `base` has no slot for is given as it is: the file refuses it as a conflict.
    let changes = Change::from_ops(base, ops);
    commit_changes(path, base, stamp, changes, user, wait, None)
}

/// Saves `changes` as `user`, under the lock, onto what is on disk now. `base` must be exactly
/// the workspace read (or last written) with `stamp`. When the file is still that file, the
/// changes are applied to `base` itself (the file is neither read nor parsed again);
/// otherwise the file is read, and unless its bytes are the same, parsed and the changes
/// applied onto it (`model::change::apply_all`'s rules: all or nothing). A change that no
/// longer applies — a figure on disk that is neither its `old` nor its `new`, a node someone
/// removed or recoded, a name someone else changed — is a [`Conflict`], and then nothing is
/// written.
///
/// The save is a transaction in the journal (see [`journal`]): one entry per change applied,
/// each with `source` in `catatan` (`import laporan.xlsx`), on disk before the file is
/// replaced; a save whose journal cannot be written does not happen, and its changes are
/// undone (inverses, newest first).
///
/// On success `base` holds what is now on disk; on any error it is as it was.
pub fn commit_changes(
    path: &Path,
    base: &mut Workspace,
    stamp: Stamp,
    changes: Vec<Change>,
    user: &str,
    wait: Duration,
    source: Option<&str>,
) -> Result<Committed, CommitError> {
    let sources = vec![source; changes.len()];
    commit_changes_sourced(path, base, stamp, changes, user, wait, &sources)
}

/// [`commit_changes`] with a source for each change (`sources[i]` for `changes[i]`; none
/// beyond the list): one save of changes from different places — the interface's unsaved
/// list, where an import's figures say "import FILE" and the figures typed say nothing.
pub fn commit_changes_sourced(
    path: &Path,
    base: &mut Workspace,
    stamp: Stamp,
    changes: Vec<Change>,
    user: &str,
    wait: Duration,
    sources: &[Option<&str>],
) -> Result<Committed, CommitError> {
    let place = Place::of(path).map_err(|e| CommitError::Store(StoreError::write(path, e)))?;
    let path = place.path.as_path();
    let _lock = lock_at(&place, wait)?;
    let read_err = |source: io::Error| {
        if source.kind() == io::ErrorKind::NotFound {
            CommitError::Vanished(path.to_path_buf())
        } else {
            CommitError::Store(StoreError::read(path, source))
        }
    };
    let now = FileId::at(path).map_err(read_err)?;
    // The workspace the changes go onto: `base` when the file is as it was, else the file.
    let (mut theirs, on_disk) = if stamp.file.is_some() && stamp.file == now {
        (None, stamp)
    } else {
        // The file actually read (not looked up again by name): what a kept version must be.
        let (bytes, read) = read_workspace(path).map_err(read_err)?;
        let on_disk = Stamp {
            file: read,
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
    if changes.is_empty() {
        if let Some(ws) = theirs {
            *base = ws;
        }
        return Ok(Committed {
            stamp: on_disk,
            applied: Vec::new(),
            merged,
        });
    }
    // Each change onto what is on disk, in order, journaled as it lands (an indicator's
    // position is the one it has right after); all or nothing.
    let paths = Remembered::new(target.locate(changes.iter().filter_map(Change::kode)));
    let waktu = crate::time::rfc3339(crate::time::now().0);
    let mut applied: Vec<Applied> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut refused = Vec::new();
    for (index, change) in changes.iter().enumerate() {
        match change::apply_with(target, change, &paths) {
            Ok(Some(a)) => {
                let source = sources.get(index).copied().flatten();
                entries.push(Entry::from_applied(&a, target, user, &waktu, source));
                applied.push(a);
            }
            Ok(None) => {}
            Err(why) => refused.push((index, why)),
        }
    }
    if !refused.is_empty() {
        undo(target, &applied, &paths);
        let journal = journal::read(path).map(|(e, _)| e).unwrap_or_default();
        let conflicts = refused
            .into_iter()
            .map(|(index, why)| conflict::of(index, &changes[index], why, target, &journal))
            .collect();
        return Err(CommitError::Conflicts(conflicts));
    }
    if applied.is_empty() {
        // Every change found its work done (someone made the same): nothing to write.
        if let Some(ws) = theirs {
            *base = ws;
        }
        return Ok(Committed {
            stamp: on_disk,
            applied,
            merged,
        });
    }
    let written = replace(&place, on_disk, &entries, |folder, name| {
        super::write_workspace_temp(folder, name, target)
    });
    let (file, written) = match written {
        Ok(done) => done,
        Err(e) => {
            // Nothing was written: what the changes went onto goes back to what is on disk.
            undo(target, &applied, &paths);
            return Err(e);
        }
    };
    if let Some(ws) = theirs {
        *base = ws;
    }
    Ok(Committed {
        stamp: Stamp {
            file: file.metadata().ok().as_ref().and_then(FileId::of),
            ..written
        },
        applied,
        merged,
    })
}

/// Undoes changes just applied to `ws`, newest first: each inverse meets exactly the state its
/// change left.
fn undo(ws: &mut Workspace, applied: &[Applied], loc: &dyn Locator) {
    for a in applied.iter().rev() {
        if let Err(why) = change::apply_with(ws, &a.inverse(), loc) {
            unreachable!("the inverse of an applied change applies: {why:?} for {a:?}");
        }
    }
}

/// Replaces the workspace under the lock, as one journal transaction: settles a transaction a
/// crash left open, removes stale temporary files, keeps the file on disk (`on_disk`) as a
/// version unless that state is already kept, writes the new file beside it (`write`),
/// journals `entries` and flushes them, renames the new file into place, flushes the folder,
/// prunes the versions and closes the transaction. Anything failing before the rename leaves
/// the file, the journal's finished entries and the versions kept as they were.
fn replace(
    place: &Place,
    on_disk: Stamp,
    entries: &[Entry],
    write: impl FnOnce(&Folder, &OsStr) -> io::Result<(File, OsString, Stamp)>,
) -> Result<(File, Stamp), CommitError> {
    let path = place.path.as_path();
    let journal_err = |e| CommitError::Store(StoreError::write(&journal::path_for(path), e));
    let write_err = |e| CommitError::Store(StoreError::write(path, e));
    let mut journal =
        Journal::open(&place.folder, &place.name, place.group).map_err(journal_err)?;
    journal.repair_tail().map_err(journal_err)?;
    journal.settle(&on_disk).map_err(journal_err)?;
    remove_stale_temps(place);
    // The versions folder is checked before anything is written; the version itself is kept
    // just before the rename and taken back if the rename fails (see `versions::Pending`).
    let pending = match place.group {
        Some(_) => Some(versions::prepare(place, &on_disk).map_err(write_err)?),
        None => None,
    };
    let (file, tmp, written) = write(&place.folder, &place.name).map_err(write_err)?;
    let txn = journal::new_txn();
    if let Err(e) = journal.begin(&txn, &written, entries) {
        drop(file);
        let _ = place.folder.unlink(&tmp);
        return Err(journal_err(e));
    }
    let kept = match pending.map(versions::Pending::keep).transpose() {
        Ok(kept) => kept,
        Err(e) => {
            drop(file);
            let _ = place.folder.unlink(&tmp);
            let _ = journal.finish(&txn, false);
            return Err(write_err(e));
        }
    };
    if let Err(e) = place.folder.rename(&tmp, &place.name) {
        let _ = place.folder.unlink(&tmp);
        if let Some(kept) = &kept {
            kept.undo();
        }
        let _ = journal.finish(&txn, false);
        return Err(write_err(e));
    }
    // Renamed: the save happened. What follows cannot undo it; a failure to flush the folder
    // or to write `selesai` is settled by the next save from the file itself.
    let _ = place.folder.sync();
    let _ = versions::prune(place, kept.as_ref());
    let _ = journal.finish(&txn, true);
    Ok((file, written))
}

fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Workspace, CommitError> {
    let text = super::decode(bytes).map_err(|error| {
        CommitError::Store(StoreError::Parse {
            path: path.to_path_buf(),
            error,
        })
    })?;
    parse(text).map_err(|error| {
        CommitError::Store(StoreError::Parse {
            path: path.to_path_buf(),
            error,
        })
    })
}

/// Restores a kept version over the workspace, under the lock, as a journal transaction like
/// any save; the current file is kept as a version first (even one that no longer loads), so
/// a restore can itself be undone. Works when the workspace is broken or missing.
pub fn restore(
    path: &Path,
    version: &versions::Version,
    user: &str,
) -> Result<Vec<Change>, CommitError> {
    let bytes = versions::read(path, version)
        .map_err(|source| CommitError::Store(StoreError::read(&version.path, source)))?;
    let restored = parse_bytes(&version.path, &bytes)?;
    let mut place = Place::of(path).map_err(|e| CommitError::Store(StoreError::write(path, e)))?;
    let _lock = lock_at(&place, LOCK_WAIT)?;
    let path = place.path.as_path();
    // The file as it is now (if it is a file at all, never through a link): kept, marked when
    // it does not load, and what an open transaction is judged against.
    let (on_disk, current) = match super::look_at(&place.folder, &place.name) {
        Ok(Some((stamp, ws))) => {
            place.broken = ws.is_none();
            (stamp, ws)
        }
        Ok(None) => (Stamp::of(b"\0missing"), None),
        Err(e) => return Err(CommitError::Store(StoreError::read(path, e))),
    };
    let waktu = crate::time::rfc3339(crate::time::now().0);
    let mut entries = vec![Entry::restored(&version.name, user, &waktu)];
    let undone = match current {
        Some(mut current) => {
            verification_undone(&mut current, &restored, &version.name, user, &waktu)
        }
        None => Vec::new(),
    };
    entries.extend(undone.iter().map(|(_, e)| e.clone()));
    replace(&place, on_disk, &entries, |folder, name| {
        let mut stamp = None;
        let (file, tmp) = super::write_temp(folder, name, &super::temp_prefix(name), |f| {
            f.write_all(&bytes)?;
            stamp = Some(Stamp::of(&bytes));
            Ok(())
        })?;
        Ok((file, tmp, stamp.expect("set by the writer")))
    })
    .map(|_| undone.into_iter().map(|(c, _)| c).collect())
}

/// The quarters a restore locks or opens again (with their entries) (the version's verification differs from the
/// file's), as journal entries after the restore's own: a restore is the one way around
/// `unlock --reason`, so the journal says which quarter it opened, whose lock it was, and why
/// (the version restored).
fn verification_undone(
    current: &mut Workspace,
    restored: &Workspace,
    version: &str,
    user: &str,
    waktu: &str,
) -> Vec<(Change, Entry)> {
    let mut entries = Vec::new();
    for q in crate::model::Quarter::ALL {
        let (now, then) = (
            &current.verifikasi[q.index()],
            &restored.verifikasi[q.index()],
        );
        if now == then {
            continue;
        }
        let change = Change::Verify {
            tw: q,
            old: now.clone(),
            new: then.clone(),
            reason: then.is_none().then(|| format!("pulih {version}")),
        };
        if let Ok(Some(applied)) = crate::model::change::apply(current, &change) {
            let entry = Entry::from_applied(&applied, current, user, waktu, None);
            entries.push((change, entry));
        }
    }
    entries
}
