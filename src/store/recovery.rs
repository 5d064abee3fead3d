//! Unsaved edits kept beside the workspace, so that a dropped SSH connection or a killed
//! terminal loses nothing: the interface writes its pending operations here after each edit
//! ([`save`] for figure operations, [`save_changes`] for any `model::Change` — a node added,
//! an indicator renamed — as well), removes the file on save or discard ([`remove`]) and, at
//! the next start, offers to re-apply what [`load`] returns through the normal merge
//! ([`super::commit_ops`] or [`super::commit_changes`] with the workspace as it is then: a
//! change someone else's save refuses meanwhile is a conflict).
//!
//! One file per OS user (several people share the folder): `.<workspace>.pulih-<uid>.json`,
//! written to a temporary `.kinerja-<pid>-<hex>.tmp` created owner-only (0600) with `O_EXCL`
//! and renamed into place (atomic), never through a link; a file that is a link, not a
//! regular file, or not this user's is refused. A temporary file whose writer has ended is
//! removed by the next save.

use super::commit::Stamp;
use super::folder::{Folder, Side, Unsafe, UnsafeFile, split};
use super::journal::{self, Entry};
use crate::model::{Change, Op};
use serde::{Deserialize, Serialize};
use std::ffi::{OsStr, OsString};
use std::io::{self, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// What the interface had not saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    /// The unsaved figure operations written by [`save`], each from the figure the user saw to
    /// the one they typed.
    pub ops: Vec<Op>,
    /// The unsaved changes written by [`save_changes`], in the order they were made.
    pub changes: Vec<Change>,
    /// The length and content hash of the file the changes were made against (`file` is
    /// `None`): whether the file changed since, before re-applying.
    pub stamp: Stamp,
    /// The OS user who made them (the passwd name of the real uid).
    pub user: String,
    /// When the file was last written (local time with offset).
    pub waktu: String,
    /// The process that wrote it: whether that session may still be running.
    pub pid: u32,
}

impl Recovery {
    /// Whether the workspace file is still the one the changes were made against.
    pub fn made_against(&self, stamp: &Stamp) -> bool {
        self.stamp.same_bytes(stamp)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileForm {
    pengguna: String,
    uid: u32,
    pid: u32,
    waktu: String,
    /// `<len>:<hash>` of the workspace file the changes were made against.
    berkas: String,
    /// Figure operations ([`save`]), as journal entries.
    #[serde(default)]
    perubahan: Vec<Entry>,
    /// Changes of any kind ([`save_changes`]), in their written form (`model::Change`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ubahan: Vec<Change>,
}

fn uid() -> u32 {
    rustix::process::getuid().as_raw()
}

/// `.<workspace>.pulih-<uid>.json`, made of the workspace name's bytes (two names that are
/// not UTF-8 never share a file); for a name too long for that, its hash stands in:
/// `.~<16 hex>.pulih-<uid>.json`.
fn file_name(workspace_name: &OsStr) -> OsString {
    let tail = format!(".pulih-{}.json", uid());
    let mut name = OsString::from(".");
    if 1 + workspace_name.len() + tail.len() > super::NAME_MAX {
        name.push(format!(
            "~{:016x}",
            Stamp::of(workspace_name.as_bytes()).hash as u64
        ));
    } else {
        name.push(workspace_name);
    }
    name.push(tail);
    name
}

/// Whether `name` is a temporary file of a recovery file of the workspace `workspace_name` as
/// kinerja wrote them before they had the general form (`.<workspace>.pulih-<uid>.json.<16
/// hex>.tmp`, without the writer's process): stale once it is an hour old (a recovery file is
/// written in milliseconds).
pub(crate) fn is_old_temp(workspace_name: &OsStr, name: &OsStr) -> bool {
    let Some(rest) = name
        .as_bytes()
        .strip_prefix(b".")
        .and_then(|r| r.strip_prefix(workspace_name.as_bytes()))
        .and_then(|r| r.strip_prefix(b".pulih-"))
    else {
        return false;
    };
    let Some(dot) = rest.iter().position(|b| *b == b'.') else {
        return false;
    };
    let (uid, rest) = rest.split_at(dot);
    !uid.is_empty()
        && uid.iter().all(u8::is_ascii_digit)
        && rest
            .strip_prefix(b".json.")
            .and_then(|r| r.strip_suffix(b".tmp"))
            .is_some_and(|hex| hex.len() == 16 && hex.iter().all(u8::is_ascii_hexdigit))
}

/// This user's recovery file for `workspace` (the real path it was opened at).
pub fn path_for(workspace: &Path) -> PathBuf {
    let name = workspace.file_name().map(file_name).unwrap_or_default();
    workspace.with_file_name(name)
}

/// The folder and the recovery file's name; the workspace is at the real path it was opened
/// at (a link at its name now is not followed).
fn place(workspace: &Path) -> io::Result<(Folder, OsString)> {
    let (dir, name) = split(workspace)?;
    Ok((Folder::open(&dir)?, file_name(&name)))
}

/// Writes this user's unsaved operations for `workspace` (made against the file `stamp`),
/// replacing the previous recovery file atomically. With no operations the file is removed.
pub fn save(workspace: &Path, ops: &[Op], stamp: &Stamp) -> io::Result<()> {
    if ops.is_empty() {
        return remove(workspace);
    }
    let user = journal::current_user();
    let waktu = crate::time::rfc3339(crate::time::now().0);
    let perubahan = ops
        .iter()
        .map(|op| Entry {
            lingkungan: None,
            ..Entry::from_op(op, &user, &waktu)
        })
        .collect();
    write(workspace, stamp, user, waktu, perubahan, Vec::new())
}

/// Writes this user's unsaved changes of any kind for `workspace` (made against the file
/// `stamp`, in the order made), replacing the previous recovery file atomically. With no
/// changes the file is removed.
pub fn save_changes(workspace: &Path, changes: &[Change], stamp: &Stamp) -> io::Result<()> {
    if changes.is_empty() {
        return remove(workspace);
    }
    let user = journal::current_user();
    let waktu = crate::time::rfc3339(crate::time::now().0);
    write(workspace, stamp, user, waktu, Vec::new(), changes.to_vec())
}

fn write(
    workspace: &Path,
    stamp: &Stamp,
    user: String,
    waktu: String,
    perubahan: Vec<Entry>,
    ubahan: Vec<Change>,
) -> io::Result<()> {
    let (folder, name) = place(workspace)?;
    let form = FileForm {
        pengguna: user,
        uid: uid(),
        pid: std::process::id(),
        waktu,
        berkas: format!("{}:{}", stamp.len, stamp.hex()),
        perubahan,
        ubahan,
    };
    // The general temporary form (`.kinerja-<pid>-….tmp`): a save removes one its writer left
    // when that process has ended.
    let (mut file, tmp) = folder.create_temp(&super::general_temp_prefix())?;
    let written = serde_json::to_writer(io::BufWriter::new(&mut file), &form)
        .map_err(io::Error::from)
        .and_then(|()| file.write_all(b"\n"))
        .and_then(|()| file.sync_data())
        .and_then(|()| folder.rename(&tmp, &name));
    if written.is_err() {
        let _ = folder.unlink(&tmp);
    }
    written
}

/// This user's unsaved operations for `workspace`, if a recovery file is there. Refuses a
/// file that is a link, not a regular file, or owned by someone else.
pub fn load(workspace: &Path) -> io::Result<Option<Recovery>> {
    let (folder, name) = place(workspace)?;
    let Some(mut file) = folder.side_file(&name, Side::Read, None)? else {
        return Ok(None);
    };
    let owner = file.metadata()?.uid();
    if owner != uid() {
        return Err(io::Error::other(UnsafeFile {
            path: folder.join(&name),
            why: Unsafe::OtherOwner {
                found: owner,
                expected: uid(),
            },
        }));
    }
    let mut text = Vec::new();
    file.read_to_end(&mut text)?;
    let form: FileForm =
        serde_json::from_slice(&text).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let bad = || io::Error::new(io::ErrorKind::InvalidData, "berkas pemulihan rusak");
    let (len, hash) = form.berkas.split_once(':').ok_or_else(bad)?;
    let stamp = Stamp {
        len: len.parse().map_err(|_| bad())?,
        hash: u128::from_str_radix(hash, 16).map_err(|_| bad())?,
        file: None,
    };
    let ops = form
        .perubahan
        .iter()
        .map(|e| e.op().ok_or_else(bad))
        .collect::<io::Result<Vec<Op>>>()?;
    Ok(Some(Recovery {
        ops,
        changes: form.ubahan,
        stamp,
        user: form.pengguna,
        waktu: form.waktu,
        pid: form.pid,
    }))
}

/// Removes this user's recovery file for `workspace` (nothing to do when there is none).
pub fn remove(workspace: &Path) -> io::Result<()> {
    let (folder, name) = place(workspace)?;
    match folder.unlink(&name) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Moves this user's recovery file for `workspace` aside, under a name of its own with the
/// time (`.<workspace>.pulih-<uid>.<time>.json`, beside it), when the user declines to re-apply
/// it: it is kept, never deleted silently, and no longer offered. Returns the new path; `None`
/// when there was none. A link or someone else's file is moved aside as it is (by name; its
/// target is never touched).
pub fn set_aside(workspace: &Path) -> io::Result<Option<PathBuf>> {
    let (folder, name) = place(workspace)?;
    if folder.stat(&name)?.is_none() {
        return Ok(None);
    }
    let (secs, nanos) = crate::time::now();
    let stem = name.to_string_lossy();
    let stem = stem.strip_suffix(".json").unwrap_or(&stem);
    let aside = OsString::from(format!("{stem}.{}.json", crate::time::compact(secs, nanos)));
    if folder.stat(&aside)?.is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            folder.join(&aside).display().to_string(),
        ));
    }
    folder.rename(&name, &aside)?;
    folder.sync()?;
    Ok(Some(folder.join(&aside)))
}
