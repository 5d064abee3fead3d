//! Reading and writing the workspace file.
//!
//! Loading never writes, and reads only a regular file (a FIFO, a device or a folder is
//! refused at once). Saving is atomic: the new content goes to a temporary file in the same
//! folder, is flushed to disk, the previous version is kept in `<name>.cadangan/`, and the
//! temporary file is renamed over the workspace; then the folder itself is flushed, so after a
//! crash the file is either the old or the new version, never a mix. With several users,
//! [`commit`] saves under a lock and merges each user's changes onto what is on disk. Every
//! file beside the workspace is reached through the folder without following links (see
//! `folder`).

// The fields of `stat` have different integer types on different targets; the casts say which
// one this code means.
#![allow(clippy::unnecessary_cast)]

#[cfg(not(unix))]
compile_error!("kinerja's store needs a Unix system (openat, O_NOFOLLOW, flock, getpwuid_r)");

mod commit;
mod conflict;
mod folder;
pub mod journal;
pub mod recovery;
mod validate;
pub mod versions;

pub use folder::{Group, Unsafe, UnsafeFile};

pub use commit::{
    CommitError, Committed, LOCK_WAIT, Lock, Stamp, commit, commit_changes, commit_changes_sourced,
    commit_ops, commit_with, load_stamped, lock, lock_path, restore,
};
pub use conflict::{ChangeConflict, Conflict, FigureConflict};

use crate::model::{SCHEMA_VERSION, Workspace};
use folder::{Folder, split};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

pub use validate::validate;

/// The bundled sample: Kecamatan Sooko, 2023 (see `docs/data-notes.md`).
pub const SAMPLE_JSON: &str = include_str!("../../data/sooko-2023.json");

/// What is wrong with a workspace text, and where (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON at all (a missing comma, a stray character, a truncated file).
    Syntax(String),
    /// JSON, but not a workspace: a bad number, an unknown kind, a missing field.
    Content(String),
    /// A node code used twice.
    DuplicateKode(String),
    /// A node placed under a parent of the same or a lower level.
    BadNesting { kode: String, detail: String },
    /// A reference to a node, indicator or officer that does not exist.
    UnknownReference(String),
    /// A budget on a node above Program.
    BudgetNotAllowed(String),
    /// A file written by a newer kinerja.
    SchemaVersion(u32),
    /// Not UTF-8 text, or UTF-8 with a byte order mark.
    Encoding(String),
}

/// Why a workspace could not be read or written; always names the file.
#[derive(Debug)]
pub enum StoreError {
    Read {
        path: PathBuf,
        source: io::Error,
    },
    Parse {
        path: PathBuf,
        error: ParseError,
    },
    Write {
        path: PathBuf,
        source: io::Error,
    },
    /// A file that is not what it must be: a workspace that is not a regular file, a side file
    /// that is a link, of another group… (see [`Unsafe`]).
    Unsafe(UnsafeFile),
}

impl StoreError {
    /// A read error, or the refused file inside it.
    pub(crate) fn read(path: &Path, source: io::Error) -> StoreError {
        match unsafe_file(&source) {
            Some(u) => StoreError::Unsafe(u),
            None => StoreError::Read {
                path: path.to_path_buf(),
                source,
            },
        }
    }

    /// A write error, or the refused file inside it.
    pub(crate) fn write(path: &Path, source: io::Error) -> StoreError {
        match unsafe_file(&source) {
            Some(u) => StoreError::Unsafe(u),
            None => StoreError::Write {
                path: path.to_path_buf(),
                source,
            },
        }
    }
}

fn unsafe_file(e: &io::Error) -> Option<UnsafeFile> {
    e.get_ref()?.downcast_ref::<UnsafeFile>().cloned()
}

impl std::error::Error for StoreError {}

/// Parses and validates a workspace text.
pub fn parse(text: &str) -> Result<Workspace, ParseError> {
    let ws: Workspace = serde_json::from_str(text).map_err(|e| {
        let msg = e.to_string();
        // serde_json appends " at line L column C"; the position is reported separately.
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        // serde_json counts the column of an error at a line end as 0; editors start at 1.
        ParseError {
            line: e.line().max(1),
            column: char_column(text, e.line(), e.column()).max(1),
            problem: if e.is_syntax() || e.is_eof() {
                Problem::Syntax(msg)
            } else {
                Problem::Content(msg)
            },
        }
    })?;
    // Older files load (`Workspace::upgrade` gives indicators their ids); newer ones are refused.
    let mut ws = ws;
    if !(1..=SCHEMA_VERSION).contains(&ws.schema_version) {
        let anchor = Anchor {
            key: "schema_version",
            value: None,
            occurrence: 1,
        };
        let (line, column) = locate(text, &anchor).unwrap_or((1, 1));
        return Err(ParseError {
            line,
            column,
            problem: Problem::SchemaVersion(ws.schema_version),
        });
    }
    if let Err(largest) = ws.ids_fit() {
        let anchor = Anchor {
            key: "id",
            value: Some(largest.to_string()),
            occurrence: 1,
        };
        let (line, column) = locate(text, &anchor).unwrap_or((1, 1));
        return Err(ParseError {
            line,
            column,
            problem: Problem::Content(format!(
                "id indikator {largest} terlalu besar: indikator tanpa id tidak dapat diberi id \
                 sesudahnya (batas {}); beri id yang lebih kecil",
                u64::MAX
            )),
        });
    }
    ws.upgrade();
    validate(&ws).map_err(|(problem, anchor)| {
        let (line, column) = anchor.and_then(|a| locate(text, &a)).unwrap_or((1, 1));
        ParseError {
            line,
            column,
            problem,
        }
    })?;
    Ok(ws)
}

/// serde_json counts columns in bytes; people and editors count characters. A byte column
/// inside a character counts that character.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(l.len());
    let mut partial = 0;
    while !l.is_char_boundary(end) {
        end -= 1;
        partial = 1;
    }
    l[..end].chars().count() + partial
}

/// The text of a workspace file: UTF-8 without a byte order mark; otherwise the position
/// (line, column in characters) of the first offending byte.
pub fn decode(bytes: &[u8]) -> Result<&str, ParseError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err(ParseError {
            line: 1,
            column: 1,
            problem: Problem::Encoding(
                "berkas diawali BOM (tanda urutan byte); simpan sebagai UTF-8 tanpa BOM".into(),
            ),
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid up to here");
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ParseError {
            line,
            column,
            problem: Problem::Encoding(format!(
                "byte 0x{:02X} {}",
                bytes[e.valid_up_to()],
                "tidak sah dalam UTF-8"
            )),
        }
    })
}

/// Where in the text a validation problem sits: the `occurrence`-th (1-based) `"key": value`
/// pair, where `value` is written as JSON (e.g. `"\"7.01.01\""`), or any value when `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub key: &'static str,
    pub value: Option<String>,
    pub occurrence: usize,
}

/// The 1-based line and column of an anchor, whatever the file's indentation.
fn locate(text: &str, anchor: &Anchor) -> Option<(usize, usize)> {
    let quoted_key = format!("\"{}\"", anchor.key);
    let mut seen = 0;
    for (start, _) in text.match_indices(&quoted_key) {
        let rest = text[start + quoted_key.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        if anchor.value.as_deref().is_none_or(|v| rest.starts_with(v)) {
            seen += 1;
            if seen == anchor.occurrence {
                let before = &text[..start];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return Some((line, column));
            }
        }
    }
    None
}

/// The real file behind a workspace path whose last component is a symbolic link (the user's
/// own link, followed once when the workspace is opened: the lock, the journal and the kept
/// versions sit beside the real file); any other path as it is. Every later step — reload,
/// save, restore — takes the path this gives and refuses a link at the workspace's name.
pub fn real_path(path: &Path) -> PathBuf {
    resolve(path)
}

pub(crate) fn resolve(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).unwrap_or(path.into()),
        _ => path.to_path_buf(),
    }
}

/// The group of the workspace `name` in `folder` — what its side files must belong to;
/// `None` when there is no regular file by that name.
pub(crate) fn workspace_group(folder: &Folder, name: &OsStr) -> io::Result<Option<u32>> {
    Ok(folder.stat(name)?.and_then(|st| {
        let ft = rustix::fs::FileType::from_raw_mode(st.st_mode as _);
        (ft == rustix::fs::FileType::RegularFile).then_some(st.st_gid as u32)
    }))
}

/// Reads a workspace file's bytes through its folder, never through a link at its name, and
/// refusing at once anything but a regular file (a FIFO or a device is never opened for
/// long), with the file's identity when nobody wrote into it while it was read.
pub(crate) fn read_workspace(path: &Path) -> io::Result<(Vec<u8>, Option<commit::FileId>)> {
    let (dir, name) = split(path)?;
    let folder = Folder::open(&dir)?;
    let mut file = folder.open_workspace(&name)?;
    read_open(&mut file)
}

/// Reads the whole of an opened workspace file (from its start), with its identity when
/// nobody wrote into it meanwhile. A file too large to load is refused, never an abort.
pub(crate) fn read_open(file: &mut File) -> io::Result<(Vec<u8>, Option<commit::FileId>)> {
    let before = file.metadata()?;
    let mut bytes = Vec::new();
    fits_in_memory(before.len())?;
    bytes
        .try_reserve_exact(before.len() as usize)
        .map_err(|_| too_large(before.len()))?;
    io::Seek::rewind(file)?;
    file.read_to_end(&mut bytes)?;
    // Identify the file only if nobody wrote into it while it was being read.
    let after = file.metadata()?;
    let id = commit::FileId::of(&before)
        .filter(|id| commit::FileId::of(&after) == Some(*id) && id.len() == bytes.len() as u64);
    Ok((bytes, id))
}

/// The stamp of an opened file's bytes, read in blocks (a file of any size, never held in
/// memory), with its identity when nobody wrote into it meanwhile.
pub(crate) fn stamp_open(file: &File) -> io::Result<Stamp> {
    let before = file.metadata()?;
    let mut out = commit::StampingWriter::new(io::sink());
    let mut reader = file;
    io::Seek::rewind(&mut reader)?;
    io::copy(&mut reader, &mut out)?;
    let stamp = out.finish()?;
    let after = file.metadata()?;
    let id = commit::FileId::of(&before)
        .filter(|id| commit::FileId::of(&after) == Some(*id) && id.len() == stamp.len);
    Ok(Stamp { file: id, ..stamp })
}

/// The workspace `name` of `folder` as it is now, never through a link: its stamp and
/// whether it loads; `None` when there is no file by that name. A file too large to load is
/// hashed in blocks, not read whole.
pub(crate) fn look_at(
    folder: &Folder,
    name: &OsStr,
) -> io::Result<Option<(Stamp, Option<Workspace>)>> {
    let mut file = match folder.open_workspace(name) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    match read_open(&mut file) {
        Ok((bytes, id)) => {
            let ws = decode(&bytes).ok().and_then(|text| parse(text).ok());
            Ok(Some((
                Stamp {
                    file: id,
                    ..Stamp::of(&bytes)
                },
                ws,
            )))
        }
        Err(e) if e.kind() == io::ErrorKind::OutOfMemory => Ok(Some((stamp_open(&file)?, None))),
        Err(e) => Err(e),
    }
}

/// Loading a workspace takes about seven times its size in memory (docs/performance.md); a
/// file larger than a quarter of the machine's memory cannot be loaded and is refused in one
/// line rather than ending in an allocation failure.
fn fits_in_memory(len: u64) -> io::Result<()> {
    // SAFETY: sysconf only reads a system value.
    let (pages, page) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    let memory = match (u64::try_from(pages), u64::try_from(page)) {
        (Ok(n), Ok(size)) if n > 0 && size > 0 => n.saturating_mul(size),
        _ => u64::MAX,
    };
    if len > memory / 4 {
        return Err(too_large(len));
    }
    Ok(())
}

fn too_large(len: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::OutOfMemory,
        format!(
            "terlalu besar untuk dimuat: {} MB, lebih dari seperempat memori mesin",
            len.div_ceil(1_000_000)
        ),
    )
}

/// Reads a workspace the interface already has open, at the path it was opened with (see
/// [`real_path`]): never through a link at its name — a link another user swapped in is
/// refused, not followed.
pub fn reload_stamped(path: &Path) -> Result<(Workspace, Stamp), StoreError> {
    let (bytes, id) = read_workspace(path).map_err(|e| StoreError::read(path, e))?;
    let text = decode(&bytes).map_err(|error| StoreError::Parse {
        path: path.to_path_buf(),
        error,
    })?;
    let ws = parse(text).map_err(|error| StoreError::Parse {
        path: path.to_path_buf(),
        error,
    })?;
    let stamp = Stamp {
        file: id,
        ..Stamp::of(&bytes)
    };
    Ok((ws, stamp))
}

/// Reads and validates the workspace at `path`. Never modifies the file.
pub fn load(path: &Path) -> Result<Workspace, StoreError> {
    load_stamped(path).map(|(ws, _)| ws)
}

/// The text a workspace is saved as: pretty JSON with a final newline.
pub fn to_json(ws: &Workspace) -> String {
    let mut s = serde_json::to_string_pretty(ws).expect("a workspace always serialises");
    s.push('\n');
    s
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder (created with
/// `O_EXCL`, never through a link), flushed to disk, renamed over `path`, then the folder
/// flushed. Readers see the old or the new file, never a mix. Used for exports and new files;
/// a workspace is saved with [`commit_ops`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let err = |e| StoreError::write(path, e);
    let (dir, name) = split(path).map_err(err)?;
    let folder = Folder::open(&dir).map_err(err)?;
    let (file, tmp) = write_temp(&folder, &name, &general_temp_prefix(), |f| {
        f.write_all(bytes)
    })
    .map_err(err)?;
    drop(file);
    finish_atomic(&folder, &tmp, &name).map_err(err)
}

/// Writes `ws` as a new workspace file at `path`, never over anything already there — a file,
/// a folder, a link (even one that points nowhere): the text goes to a temporary file beside
/// it, flushed to disk, which then gets the name only if the name is free (`linkat`, which
/// never replaces), and the folder is flushed. A taken name is an error of kind
/// `AlreadyExists`, and nothing is left behind.
pub fn create_new(path: &Path, ws: &Workspace) -> Result<(), StoreError> {
    let err = |e| StoreError::write(path, e);
    let (dir, name) = split(path).map_err(err)?;
    let folder = Folder::open(&dir).map_err(err)?;
    let text = to_json(ws);
    let (file, tmp) = write_temp(&folder, &name, &general_temp_prefix(), |f| {
        f.write_all(text.as_bytes())
    })
    .map_err(err)?;
    drop(file);
    let linked = folder.link_into(&tmp, &folder, &name);
    let _ = folder.unlink(&tmp);
    linked.and_then(|()| folder.sync()).map_err(err)
}

/// A folder an export writes several files into (CSV: one per table), created — or reused —
/// without following a link at its name: a link planted there (to someone's private folder)
/// is refused, never written through. A link in the folders above it is followed: that is
/// where the user asked for the export.
pub struct OutputFolder {
    folder: Folder,
}

impl OutputFolder {
    /// Opens the folder at `path`, creating it (and the folders above it) when missing, with
    /// the permissions of the folder it is in (setgid kept; never world-writable).
    pub fn create(path: &Path) -> Result<OutputFolder, StoreError> {
        let err = |e| StoreError::write(path, e);
        let (parent, name) = split(path).map_err(err)?;
        std::fs::create_dir_all(&parent).map_err(|e| StoreError::write(&parent, e))?;
        let folder = Folder::open(&parent)
            .and_then(|f| f.subfolder(&name, None, true))
            .map_err(err)?
            .expect("created");
        Ok(OutputFolder { folder })
    }

    /// Writes the file `name` into the folder atomically (a new temporary file renamed over
    /// it: a link by that name is replaced, never followed); returns its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let path = self.folder.join(OsStr::new(name));
        let err = |e| StoreError::write(&path, e);
        let (file, tmp) = write_temp(
            &self.folder,
            OsStr::new(name),
            &general_temp_prefix(),
            |f| f.write_all(bytes),
        )
        .map_err(err)?;
        drop(file);
        finish_atomic(&self.folder, &tmp, OsStr::new(name)).map_err(err)?;
        Ok(path)
    }
}

/// Renames a written temporary file over `name` and flushes the folder; on failure the
/// temporary file is removed.
pub(crate) fn finish_atomic(folder: &Folder, tmp: &OsStr, name: &OsStr) -> io::Result<()> {
    if let Err(e) = folder.rename(tmp, name) {
        let _ = folder.unlink(tmp);
        return Err(e);
    }
    folder.sync()
}

/// Writes a new temporary file in `folder` destined to replace `name`: filled by `fill`, given
/// the permissions and group of the file it replaces (a new file: the folder's read/write
/// bits; never world-writable), flushed to disk. Not yet renamed; on failure removed.
pub(crate) fn write_temp(
    folder: &Folder,
    name: &OsStr,
    prefix: &OsStr,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<(File, OsString)> {
    let (mut file, tmp) = folder.create_temp(prefix)?;
    let filled = fill(&mut file)
        .and_then(|()| set_permissions(&file, folder, name))
        .and_then(|()| file.sync_all());
    match filled {
        Ok(()) => Ok((file, tmp)),
        Err(e) => {
            drop(file);
            let _ = folder.unlink(&tmp);
            Err(e)
        }
    }
}

/// Writes a workspace into a temporary file beside `name` as it is serialised (the text is
/// never held whole in memory), as [`to_json`] would write it; returns the file, its name and
/// the stamp of its bytes. The temporary file is named for the workspace (`.<name>.simpan-…`),
/// so a later save under the lock knows one left behind is stale.
pub(crate) fn write_workspace_temp(
    folder: &Folder,
    name: &OsStr,
    ws: &Workspace,
) -> io::Result<(File, OsString, Stamp)> {
    let mut stamp = None;
    let (file, tmp) = write_temp(folder, name, &temp_prefix(name), |f| {
        // Stamped below the buffer, so the hash sees large blocks, not every token.
        let mut out = io::BufWriter::with_capacity(1 << 20, commit::StampingWriter::new(f));
        serde_json::to_writer_pretty(&mut out, ws).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        let inner = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        stamp = Some(inner.finish()?);
        Ok(())
    })?;
    Ok((file, tmp, stamp.expect("set by the writer")))
}

/// The prefix of kinerja's general temporary files (exports, new files, recovery files):
/// `.kinerja-<pid>-`, so a later save can tell when their writer has ended.
pub(crate) fn general_temp_prefix() -> OsString {
    OsString::from(format!(".kinerja-{}-", std::process::id()))
}

/// The writer's process of one of kinerja's general temporary files, when `name` is exactly
/// `.kinerja-<pid>-<16 hexadecimal digits>.tmp`.
pub(crate) fn general_temp_pid(name: &OsStr) -> Option<u32> {
    let rest = name.as_bytes().strip_prefix(b".kinerja-")?;
    let dash = rest.iter().position(|b| *b == b'-')?;
    let pid = std::str::from_utf8(&rest[..dash]).ok()?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let prefix = OsString::from(format!(".kinerja-{pid}-"));
    is_temp_of(name, &prefix).then(|| pid.parse().ok())?
}

/// The longest file name the system takes (`NAME_MAX` of Linux file systems).
pub(crate) const NAME_MAX: usize = 255;

/// The prefix of a workspace's own temporary files, written only under its lock:
/// `.<workspace>.simpan-`, followed by 16 hexadecimal digits and `.tmp`. When that would not
/// fit in a file name (a workspace name longer than 226 bytes), the workspace's name is
/// replaced by a hash of it: `.~<16 hex>.simpan-`.
pub(crate) fn temp_prefix(workspace_name: &OsStr) -> OsString {
    let bytes = workspace_name.as_bytes();
    let mut prefix = OsString::from(".");
    if 1 + bytes.len() + TEMP_TAIL_LEN > NAME_MAX {
        prefix.push(format!("~{:016x}", Stamp::of(bytes).hash as u64));
    } else {
        prefix.push(workspace_name);
    }
    prefix.push(".simpan-");
    prefix
}

/// `.simpan-` + 16 hexadecimal digits + `.tmp`: what follows the workspace's name.
const TEMP_TAIL_LEN: usize = ".simpan-".len() + 16 + ".tmp".len();

/// Whether `name` is exactly a temporary file name made from `prefix` by
/// [`Folder::create_temp`]: the prefix, 16 lowercase hexadecimal digits, `.tmp` — so the
/// temporary files of `a.json` never match those of `a.json.simpan-x.json`.
pub(crate) fn is_temp_of(name: &OsStr, prefix: &OsStr) -> bool {
    name.as_bytes()
        .strip_prefix(prefix.as_bytes())
        .and_then(|rest| rest.strip_suffix(b".tmp"))
        .is_some_and(|hex| {
            hex.len() == 16 && hex.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        })
}

/// Gives the new file the permissions a user expects: those of the file it replaces (and its
/// group, where the user may), or for a new file the read/write bits of its folder (a group
/// folder gives group-writable files), but never writable by everyone.
fn set_permissions(file: &File, folder: &Folder, replaces: &OsStr) -> io::Result<()> {
    let old = folder.stat(replaces)?.filter(|st| {
        rustix::fs::FileType::from_raw_mode(st.st_mode as _) == rustix::fs::FileType::RegularFile
    });
    // Read and write bits only: a file kinerja writes never becomes setuid, setgid, sticky
    // or executable, whatever the file it replaces was given.
    let mode = match &old {
        Some(st) => st.st_mode as u32 & 0o666,
        None => folder.mode()? & 0o666,
    };
    rustix::fs::fchmod(file, rustix::fs::Mode::from_raw_mode((mode & !0o002) as _))?;
    if let Some(st) = old
        && file.metadata()?.gid() != st.st_gid as u32
    {
        // A member of the file's group keeps it in that group; anyone else cannot, and the
        // file takes their group as before.
        let _ = rustix::fs::fchown(file, None, Some(rustix::fs::Gid::from_raw(st.st_gid as _)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_matched_exactly() {
        let own = temp_prefix(OsStr::new("a.json"));
        assert_eq!(own, ".a.json.simpan-");
        assert!(is_temp_of(
            OsStr::new(".a.json.simpan-0123456789abcdef.tmp"),
            &own
        ));
        for other in [
            ".a.json.simpan-x.json.simpan-0123456789abcdef.tmp",
            ".a.json.simpan-0123456789abcde.tmp",
            ".a.json.simpan-0123456789ABCDEF.tmp",
            ".a.json.simpan-0123456789abcdef.tmp~",
        ] {
            assert!(!is_temp_of(OsStr::new(other), &own), "{other}");
        }
        assert_eq!(
            general_temp_pid(OsStr::new(".kinerja-812-0123456789abcdef.tmp")),
            Some(812)
        );
        for other in [
            ".kinerja--0123456789abcdef.tmp",
            ".kinerja-812-x.tmp",
            ".kinerja-8a2-0123456789abcdef.tmp",
        ] {
            assert_eq!(general_temp_pid(OsStr::new(other)), None, "{other}");
        }
    }

    #[test]
    fn a_temporary_name_always_fits_in_a_file_name() {
        for len in [1, 200, 226, 227, 242, 255] {
            let name = OsString::from("a".repeat(len));
            let prefix = temp_prefix(&name);
            assert!(prefix.len() + 16 + ".tmp".len() <= NAME_MAX, "{len}");
            // Two long names never share a prefix.
            let other = OsString::from("b".repeat(len));
            assert_ne!(prefix, temp_prefix(&other));
        }
    }
}
