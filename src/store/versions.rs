//! Earlier versions of a workspace, kept in `<workspace>.cadangan/` beside it: before a save
//! replaces the file, the file is kept there (a hard link where possible) unless the same
//! content is already kept; after the save completed, the newest [`KEEP`] are kept. A failed
//! or killed save never pushes real history out. `kinerja restore` lists and restores them.
//!
//! A version is named `<local time with offset>-<hash>.json`,
//! `20261201T062224.123456789+0700-0f3a9c2b7d41e8a5.json`: when it was kept, and the first 16
//! hexadecimal digits of its content hash (see `Stamp`), which is how a state already kept is
//! recognised without reading it. Versions from before (`20261128T234332Z-000123456.json`,
//! UTC) are listed and pruned with the others.

// The fields of `stat` have different integer types on different targets; the casts say which
// one this code means.
#![allow(clippy::unnecessary_cast)]

use super::commit::{Place, Stamp};
use super::folder::{Folder, Side, split};
use std::ffi::{OsStr, OsString};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// How many earlier versions are kept.
pub const KEEP: usize = 20;

/// The prefix of a copy being written into the versions folder (under the workspace's lock).
pub(crate) const TEMP_PREFIX: &str = ".simpan-";

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
    /// hash, `20261201T062224.123456789+0700-0f3a9c2b7d41e8a5`.
    pub name: String,
    pub len: u64,
}

/// A name in the versions folder read as a version: its instant and its content tag.
struct Named {
    file: OsString,
    instant: (i64, u32),
    tag: Option<String>,
}

fn parse_name(file: &OsStr) -> Option<Named> {
    let text = file.to_str()?;
    let stem = text.strip_suffix(".json")?;
    let instant = crate::time::instant_of_compact(stem)?;
    let tag = stem
        .rsplit_once('-')
        .map(|(_, t)| t)
        .filter(|t| t.len() == 16 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_string);
    Some(Named {
        file: file.to_os_string(),
        instant,
        tag,
    })
}

/// The versions in a folder, newest first.
fn named(dir: &Folder) -> io::Result<Vec<Named>> {
    let mut out: Vec<Named> = dir.names()?.iter().filter_map(|n| parse_name(n)).collect();
    out.sort_by(|a, b| (b.instant, &b.file).cmp(&(a.instant, &a.file)));
    Ok(out)
}

/// Keeps the workspace file as it is on disk (`on_disk`) as a version, unless that content is
/// already kept — then that version is only renamed to now, so it counts as the newest. Never
/// removes a version (see [`prune`]). The caller holds the lock.
pub(crate) fn keep(place: &Place, on_disk: &Stamp) -> io::Result<()> {
    let dir = place
        .folder
        .subfolder(&dir_name(&place.name), place.group, true)?
        .expect("created");
    let (secs, nanos) = crate::time::now();
    let tag = &on_disk.hex()[..16];
    let name = OsString::from(format!("{}-{tag}.json", crate::time::compact(secs, nanos)));
    if let Some(kept) = named(&dir)?
        .into_iter()
        .find(|v| v.tag.as_deref() == Some(tag))
    {
        return dir.rename(&kept.file, &name);
    }
    if place.folder.link_into(&place.name, &dir, &name).is_err() {
        // No hard links here (another file system, a protected link): a copy.
        let bytes = super::read_workspace(&place.path)?.0;
        let (file, tmp) = super::write_temp(&dir, &name, TEMP_PREFIX, |f| {
            io::Write::write_all(f, &bytes)
        })?;
        drop(file);
        super::finish_atomic(&dir, &tmp, &name)?;
    }
    uncache(&dir, &name);
    Ok(())
}

/// Removes the oldest versions beyond [`KEEP`]; only after a save completed. Only names that
/// read as versions are touched, through the folder (never a link's target).
pub(crate) fn prune(place: &Place) -> io::Result<()> {
    let Some(dir) = place
        .folder
        .subfolder(&dir_name(&place.name), place.group, false)?
    else {
        return Ok(());
    };
    for old in named(&dir)?.iter().skip(KEEP) {
        dir.unlink(&old.file)?;
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

/// The versions folder of a workspace, when there is one; refused when it is a link, not a
/// folder, or of another group than the workspace.
fn open_dir(workspace: &Path) -> io::Result<Option<Folder>> {
    let workspace = super::resolve(workspace);
    let (dir, name) = split(&workspace)?;
    let folder = match Folder::open(&dir) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let group = super::workspace_group(&folder, &name)?;
    folder.subfolder(&dir_name(&name), group, false)
}

/// The kept versions, newest first.
pub fn list(workspace: &Path) -> io::Result<Vec<Version>> {
    let Some(dir) = open_dir(workspace)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for v in named(&dir)? {
        let Some(st) = dir.stat(&v.file)? else {
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
        });
    }
    Ok(out)
}

/// The bytes of a kept version, read through the versions folder (never through a link).
pub fn read(workspace: &Path, version: &Version) -> io::Result<Vec<u8>> {
    let missing = || io::Error::new(io::ErrorKind::NotFound, version.path.display().to_string());
    let dir = open_dir(workspace)?.ok_or_else(missing)?;
    let name = version.path.file_name().ok_or_else(missing)?;
    let mut file = dir.side_file(name, Side::Read, None)?.ok_or_else(missing)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}
