//! Earlier versions of a workspace, kept in `<workspace>.cadangan/` beside it: just before a
//! save replaces the file, the file is kept there (a hard link where possible) unless the same
//! content is already kept; if the save then fails, the link is taken back — a version never
//! shares its inode with the workspace once a save attempt has ended, so writing into the
//! file in place cannot destroy a version too. After the save completed, the newest [`KEEP`]
//! are kept (never the one just kept). A failed or killed save never pushes real history out.
//! `kinerja restore` lists and restores them.
//!
//! A version is named `<local time with offset>-<hash>.json`,
//! `20261201T062224.123456789+0700-0f3a9c2b7d41e8a5.json`: when it was kept, and the first 16
//! hexadecimal digits of its content hash (see `Stamp`), which is how a state already kept is
//! recognised without reading it; `-rusak` follows the hash when the file did not load (kept
//! by a restore over a broken file). Versions from before (`20261128T234332Z-000123456.json`,
//! UTC) are listed and pruned with the others.

// The fields of `stat` have different integer types on different targets; the casts say which
// one this code means.
#![allow(clippy::unnecessary_cast)]

use super::commit::{FileId, Place, Stamp};
use super::folder::{Folder, Side, split};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// How many earlier versions are kept.
pub const KEEP: usize = 20;

/// The prefix of a copy being written into the versions folder (under the workspace's lock).
pub(crate) const TEMP_PREFIX: &str = ".simpan-";

/// How far ahead of the clock a version's time may be before the name is not believed: a
/// version named in the future (a clock that was set ahead, or a name planted) sorts as the
/// oldest, so it is pruned first and never makes every new version look older than it.
const FUTURE_SLACK_SECS: i64 = 3600;

/// What ends the name of a version kept from a file that did not load.
const BROKEN_MARK: &str = "-rusak";

pub fn dir_for(workspace: &Path) -> PathBuf {
    let mut name = workspace
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".cadangan");
    workspace.with_file_name(name)
}

fn dir_name(workspace_name: &OsStr) -> OsString {
    let mut n = workspace_name.to_os_string();
    n.push(".cadangan");
    n
}

/// One kept version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub path: PathBuf,
    /// File name without extension: when it was kept (local time with offset) and a content
    /// hash, `20261201T062224.123456789+0700-0f3a9c2b7d41e8a5`; `-rusak` after it when the
    /// file it was kept from did not load.
    pub name: String,
    pub len: u64,
    /// The first 16 hexadecimal digits of the content hash, from the name (none in names of
    /// versions kept before hashes were recorded).
    pub tag: Option<String>,
    /// Kept from a file that did not load (a restore over a broken file): it will not load
    /// either, so it cannot be restored.
    pub rusak: bool,
    /// Named more than an hour ahead of the clock: listed and pruned as the oldest.
    pub future: bool,
}

/// A name in the versions folder read as a version: its instant and its content tag.
struct Named {
    file: OsString,
    instant: (i64, u32),
    tag: Option<String>,
    rusak: bool,
}

fn parse_name(file: &OsStr) -> Option<Named> {
    let text = file.to_str()?;
    let stem = text.strip_suffix(".json")?;
    let instant = crate::time::instant_of_compact(stem)?;
    let (stem, rusak) = match stem.strip_suffix(BROKEN_MARK) {
        Some(s) => (s, true),
        None => (stem, false),
    };
    let tag = stem
        .rsplit_once('-')
        .map(|(_, t)| t)
        .filter(|t| t.len() == 16 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_string);
    Some(Named {
        file: file.to_os_string(),
        instant,
        tag,
        rusak,
    })
}

impl Named {
    /// Named further ahead of `now` than a clock can plausibly be off.
    fn future(&self, now: i64) -> bool {
        self.instant.0 > now.saturating_add(FUTURE_SLACK_SECS)
    }
}

/// The versions in a folder, newest first; those named in the future last (as the oldest).
fn named(dir: &Folder) -> io::Result<Vec<Named>> {
    let now = crate::time::now().0;
    let mut out: Vec<Named> = dir.names()?.iter().filter_map(|n| parse_name(n)).collect();
    out.sort_by(|a, b| {
        (!b.future(now), b.instant, &b.file).cmp(&(!a.future(now), a.instant, &a.file))
    });
    Ok(out)
}

/// A version about to be kept: the versions folder checked (created when missing) and the
/// workspace file opened — never through a link — and found to be exactly the file the save
/// looked at under the lock. Made before the new file is written; [`Pending::keep`] keeps it
/// just before the rename.
pub(crate) struct Pending<'a> {
    place: &'a Place,
    dir: Folder,
    current: File,
    id: FileId,
    name: OsString,
    existing: Option<OsString>,
}

/// A version a save kept; [`Kept::undo`] takes it back when the save then fails.
pub(crate) struct Kept {
    dir: Folder,
    name: OsString,
    /// The inode this save linked or copied in, when it made a new name (not when it only
    /// renamed a version of the same content to now).
    created: Option<(u64, u64)>,
}

/// Prepares keeping the workspace file as it is on disk (`on_disk`, looked at under the
/// lock) as a version. The caller holds the lock.
pub(crate) fn prepare<'a>(place: &'a Place, on_disk: &Stamp) -> io::Result<Pending<'a>> {
    let current = place.folder.open_workspace(&place.name)?;
    let dir = place
        .folder
        .subfolder(&dir_name(&place.name), place.group, true)?
        .expect("created");
    let id = FileId::of(&current.metadata()?);
    let Some(id) = id.filter(|id| Some(*id) == on_disk.file) else {
        return Err(io::Error::other(
            "berkas diubah program lain selama disimpan; tidak ada yang ditulis — coba lagi",
        ));
    };
    let (secs, nanos) = crate::time::now();
    let tag = &on_disk.hex()[..16];
    let mark = if place.broken { BROKEN_MARK } else { "" };
    let name = OsString::from(format!(
        "{}-{tag}{mark}.json",
        crate::time::compact(secs, nanos)
    ));
    let existing = named(&dir)?
        .into_iter()
        .find(|v| v.tag.as_deref() == Some(tag) && v.rusak == place.broken)
        .map(|v| v.file);
    Ok(Pending {
        place,
        dir,
        current,
        id,
        name,
        existing,
    })
}

impl Pending<'_> {
    /// Keeps the file, unless that content is already kept — then that version is only
    /// renamed to now, so it counts as the newest. A hard link where the file may be linked
    /// (the same inode: no copy), else a copy of exactly the file opened. Never removes a
    /// version (see [`prune`]).
    pub(crate) fn keep(self) -> io::Result<Kept> {
        let Pending {
            place,
            dir,
            current,
            id,
            name,
            existing,
        } = self;
        if let Some(kept) = existing {
            dir.rename(&kept, &name)?;
            return Ok(Kept {
                dir,
                name,
                created: None,
            });
        }
        let m = current.metadata()?;
        let inode = (m.dev(), m.ino());
        // A file with setuid, setgid or sticky bits is copied: a version never has them.
        if m.mode() & 0o7000 == 0 && place.folder.link_into(&place.name, &dir, &name).is_ok() {
            if dir
                .stat(&name)?
                .is_some_and(|st| (st.st_dev as u64, st.st_ino as u64) == inode)
            {
                uncache(&dir, &name);
                return Ok(Kept {
                    dir,
                    name,
                    created: Some(inode),
                });
            }
            // The name was swapped between the look and the link: not the file looked at.
            let _ = dir.unlink(&name);
        }
        // No hard link here (another file system, a file of another user under
        // `protected_hardlinks`): a copy of the file opened and checked, block by block.
        let (file, tmp) = super::write_temp(&dir, &name, OsStr::new(TEMP_PREFIX), |f| {
            let mut from = &current;
            io::Seek::rewind(&mut from)?;
            let copied = io::copy(&mut from, f)?;
            let after = FileId::of(&current.metadata()?);
            if after != Some(id) || copied != id.len() {
                return Err(io::Error::other(
                    "berkas diubah program lain selama disimpan; tidak ada yang ditulis — coba lagi",
                ));
            }
            Ok(())
        })?;
        let m = file.metadata()?;
        drop(file);
        super::finish_atomic(&dir, &tmp, &name)?;
        uncache(&dir, &name);
        Ok(Kept {
            dir,
            name,
            created: Some((m.dev(), m.ino())),
        })
    }
}

impl Kept {
    /// Takes back the version this save made, when the save did not happen: the file stays
    /// the workspace, and a version must never share its inode with the workspace (an
    /// in-place overwrite of the file would destroy both). Only a name this save created, and
    /// only while it is still that file.
    pub(crate) fn undo(&self) {
        if let (Some(inode), Ok(Some(st))) = (self.created, self.dir.stat(&self.name))
            && (st.st_dev as u64, st.st_ino as u64) == inode
        {
            let _ = self.dir.unlink(&self.name);
        }
    }
}

/// Removes the oldest versions beyond [`KEEP`]; only after a save completed, and never the
/// version that save kept (`kept`). Only names that read as versions are touched, through
/// the folder (never a link's target); a version named in the future counts as the oldest.
pub(crate) fn prune(place: &Place, kept: Option<&Kept>) -> io::Result<()> {
    let Some(dir) = place
        .folder
        .subfolder(&dir_name(&place.name), place.group, false)?
    else {
        return Ok(());
    };
    let all = named(&dir)?;
    let mut excess = all.len().saturating_sub(KEEP);
    for old in all.iter().rev() {
        if excess == 0 {
            break;
        }
        if kept.is_some_and(|k| k.name == old.file) {
            continue;
        }
        dir.unlink(&old.file)?;
        excess -= 1;
    }
    Ok(())
}

/// Lets a kept version's pages leave the page cache. A version is cold (read only to restore
/// it), and the file it was is about to be replaced: a server keeping 20 versions of a large
/// workspace should not hold them in memory, and the new file's pages can reuse that memory
/// (measured on a 264 MB workspace: writing the new file 600 ms → 80 ms; docs/performance.md).
/// Only advice: nothing is lost if the system ignores it.
fn uncache(dir: &Folder, name: &OsStr) {
    if let Ok(Some(file)) = dir.side_file(name, Side::Read, None) {
        let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::DontNeed);
    }
}

/// An error about `path`, naming it (unless it already names its file).
fn naming(path: &Path, e: io::Error) -> io::Error {
    if e.get_ref()
        .is_some_and(|inner| inner.is::<super::UnsafeFile>())
    {
        return e;
    }
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// The versions folder of a workspace (at the real path it was opened at), when there is
/// one; refused when it is a link, not a folder, or of another group than the workspace.
fn open_dir(workspace: &Path) -> io::Result<Option<Folder>> {
    let (dir, name) = split(workspace)?;
    let folder = match Folder::open(&dir) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(naming(&dir, e)),
    };
    // A workspace name too long for a versions folder beside it has none.
    if name.len() + ".cadangan".len() > super::NAME_MAX {
        return Ok(None);
    }
    let group = super::workspace_group(&folder, &name).map_err(|e| naming(workspace, e))?;
    folder
        .subfolder(&dir_name(&name), group, false)
        .map_err(|e| naming(&dir_for(workspace), e))
}

/// The kept versions, newest first (a version named in the future last).
pub fn list(workspace: &Path) -> io::Result<Vec<Version>> {
    let Some(dir) = open_dir(workspace)? else {
        return Ok(Vec::new());
    };
    let now = crate::time::now().0;
    let mut out = Vec::new();
    for v in named(&dir).map_err(|e| naming(&dir_for(workspace), e))? {
        let Some(st) = dir
            .stat(&v.file)
            .map_err(|e| naming(&dir.join(&v.file), e))?
        else {
            continue;
        };
        if rustix::fs::FileType::from_raw_mode(st.st_mode as _) != rustix::fs::FileType::RegularFile
        {
            continue;
        }
        let stem = v.file.to_string_lossy();
        out.push(Version {
            path: dir.join(&v.file),
            name: stem.strip_suffix(".json").unwrap_or(&stem).to_string(),
            len: st.st_size as u64,
            future: v.future(now),
            tag: v.tag,
            rusak: v.rusak,
        });
    }
    Ok(out)
}

/// The first 16 hexadecimal digits of the content hash of the workspace file as it is now
/// (read in blocks, never through a link), as kept versions are tagged: which version, if
/// any, holds the same content. `None` when there is no readable file.
pub fn current_tag(workspace: &Path) -> Option<String> {
    let (dir, name) = split(workspace).ok()?;
    let file = Folder::open(&dir).ok()?.open_workspace(&name).ok()?;
    let stamp = super::stamp_open(&file).ok()?;
    Some(stamp.hex()[..16].to_string())
}

/// The bytes of a kept version, read through the versions folder (never through a link).
/// A version too large to load is refused in one line. (Errors do not name the version: the
/// caller does.)
pub fn read(workspace: &Path, version: &Version) -> io::Result<Vec<u8>> {
    let missing = || io::Error::new(io::ErrorKind::NotFound, version.path.display().to_string());
    let dir = open_dir(workspace)?.ok_or_else(missing)?;
    let name = version.path.file_name().ok_or_else(missing)?;
    let mut file = dir.side_file(name, Side::Read, None)?.ok_or_else(missing)?;
    super::read_open(&mut file).map(|(bytes, _)| bytes)
}
