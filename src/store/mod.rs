//! Reading and writing the workspace file.
//!
//! Loading never writes. Saving is atomic: the new content goes to a temporary file in the
//! same folder, is flushed to disk, the previous version is kept in `<name>.cadangan/`, and the
//! temporary file is renamed over the workspace; then the folder itself is flushed, so after a
//! crash the file is either the old or the new version, never a mix. With several users,
//! [`commit`] saves under a lock and merges each user's changes onto what is on disk.

mod commit;
pub mod journal;
mod validate;
pub mod versions;

pub use commit::{
    CommitError, Committed, Conflict, LOCK_WAIT, Lock, Stamp, commit, commit_ops, commit_with,
    load_stamped, lock, lock_path, restore,
};

use crate::locale::Lang;
use crate::model::{SCHEMA_VERSION, Workspace};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
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
}

impl Problem {
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Syntax(m), Lang::Id) => format!("JSON tidak sah: {m}"),
            (Problem::Syntax(m), Lang::En) => format!("invalid JSON: {m}"),
            (Problem::Content(m), Lang::Id) => format!("isi tidak sah: {m}"),
            (Problem::Content(m), Lang::En) => format!("invalid content: {m}"),
            (Problem::DuplicateKode(k), Lang::Id) => {
                format!("kode ganda «{k}»: setiap node harus berkode unik")
            }
            (Problem::DuplicateKode(k), Lang::En) => {
                format!("duplicate kode «{k}»: every node needs its own code")
            }
            (Problem::BadNesting { kode, detail }, Lang::Id) => {
                format!("susunan pohon salah pada «{kode}»: {detail}")
            }
            (Problem::BadNesting { kode, detail }, Lang::En) => {
                format!("wrong tree nesting at «{kode}»: {detail}")
            }
            (Problem::UnknownReference(m), Lang::Id) => format!("rujukan tidak dikenal: {m}"),
            (Problem::UnknownReference(m), Lang::En) => format!("unknown reference: {m}"),
            (Problem::BudgetNotAllowed(k), Lang::Id) => {
                format!("«{k}» bukan Program/Kegiatan/Sub Kegiatan, tidak boleh punya anggaran")
            }
            (Problem::BudgetNotAllowed(k), Lang::En) => {
                format!("«{k}» is not a Program/Kegiatan/Sub Kegiatan and cannot have a budget")
            }
            (Problem::SchemaVersion(v), Lang::Id) => format!(
                "schema_version {v} tidak dikenal (versi ini membaca {SCHEMA_VERSION}); perbarui kinerja"
            ),
            (Problem::SchemaVersion(v), Lang::En) => format!(
                "unknown schema_version {v} (this build reads {SCHEMA_VERSION}); update kinerja"
            ),
        }
    }
}

impl ParseError {
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "{}:{}: {}",
            self.line,
            self.column,
            self.problem.describe(lang)
        )
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Id))
    }
}

/// Why a workspace could not be read or written; always names the file.
#[derive(Debug)]
pub enum StoreError {
    Read { path: PathBuf, source: io::Error },
    Parse { path: PathBuf, error: ParseError },
    Write { path: PathBuf, source: io::Error },
}

impl StoreError {
    /// One line: the file, the position where there is one, and what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Read { path, source } => format!(
                "{}: {} ({source})",
                path.display(),
                lang.pick("tidak dapat dibaca", "cannot be read")
            ),
            StoreError::Parse { path, error } => {
                format!("{}:{}", path.display(), error.message(lang))
            }
            StoreError::Write { path, source } => format!(
                "{}: {} ({source}); {}",
                path.display(),
                lang.pick("gagal menyimpan", "could not save"),
                lang.pick(
                    "berkas di disk tidak berubah",
                    "the file on disk is unchanged"
                )
            ),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Id))
    }
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
            column: e.column().max(1),
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

/// Reads and validates the workspace at `path`. Never modifies the file.
pub fn load(path: &Path) -> Result<Workspace, StoreError> {
    let text = fs::read_to_string(path).map_err(|source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|error| StoreError::Parse {
        path: path.to_path_buf(),
        error,
    })
}

/// The text a workspace is saved as: pretty JSON with a final newline.
pub fn to_json(ws: &Workspace) -> String {
    let mut s = serde_json::to_string_pretty(ws).expect("a workspace always serialises");
    s.push('\n');
    s
}

/// Saves atomically, keeping the previous version in `<name>.cadangan/` (see [`versions`]).
/// On any error the file on disk is left as it was. For several users at once use [`commit`],
/// which merges instead of overwriting.
pub fn save(path: &Path, ws: &Workspace) -> Result<(), StoreError> {
    versions::keep(path).map_err(|source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomic(path, to_json(ws).as_bytes())
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// renamed over `path`, then the folder flushed. Readers see the old or the new file, never a mix.
/// Used for workspaces, exports and kept versions alike.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_with(path, |f| f.write_all(bytes)).map(drop)
}

/// Writes a workspace atomically as it is serialised (the text is never held whole in
/// memory), as [`to_json`] would write it; returns the file written and the stamp of its bytes.
pub(crate) fn write_workspace(path: &Path, ws: &Workspace) -> Result<(File, Stamp), StoreError> {
    let mut stamp = None;
    let file = write_atomic_with(path, |f| {
        // Stamped below the buffer, so the hash sees large blocks, not every token.
        let mut out = io::BufWriter::with_capacity(1 << 20, commit::StampingWriter::new(f));
        serde_json::to_writer_pretty(&mut out, ws).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        let inner = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        stamp = Some(inner.finish()?);
        Ok(())
    })?;
    let stamp = stamp.expect("set by the writer");
    Ok((file, stamp))
}

/// [`write_atomic`] with the content written by `fill`; returns the file written (to stamp it
/// without reading it back).
fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<File, StoreError> {
    let err = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".kinerja-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(err)?;
    fill(tmp.as_file_mut()).map_err(err)?;
    set_permissions(tmp.as_file(), Some(path), &dir).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    let file = tmp.persist(path).map_err(|e| err(e.error))?;
    sync_dir(&dir).map_err(err)?;
    Ok(file)
}

/// Opens `path` for appending or locking, creating it if needed; a file it creates gets the
/// read/write bits of its folder (see [`set_permissions`]), so a group folder stays shared.
pub(crate) fn open_shared(path: &Path, append: bool) -> io::Result<File> {
    let existed = path.exists();
    let file = fs::OpenOptions::new()
        .read(!append)
        .write(!append)
        .append(append)
        .create(true)
        .truncate(false)
        .open(path)?;
    if !existed {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        set_permissions(&file, None, &dir)?;
    }
    Ok(file)
}

/// Creates a folder beside a workspace with the permissions of the workspace's folder
/// (including a setgid bit), never world-writable.
pub(crate) fn create_shared_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            let mode = fs::metadata(parent)?.permissions().mode() & 0o7777 & !0o002;
            fs::set_permissions(dir, fs::Permissions::from_mode(mode))?;
        }
    }
    Ok(())
}

/// Gives the new file the permissions a user expects: those of the file it replaces, or for a
/// new file the read/write bits of its folder (a group folder gives group-writable files), but
/// never writable by everyone. (The temporary file starts as owner-only.)
/// `replaces`: the file this one takes the place of, if any.
fn set_permissions(file: &File, replaces: Option<&Path>, dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match replaces.map(fs::metadata) {
            Some(Ok(m)) => m.permissions().mode() & 0o7777,
            _ => fs::metadata(dir)?.permissions().mode() & 0o666,
        };
        file.set_permissions(fs::Permissions::from_mode(mode & !0o002))
    }
    #[cfg(not(unix))]
    {
        let _ = (file, replaces, dir);
        Ok(())
    }
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}
