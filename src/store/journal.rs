//! The audit trail: every saved change appended as one JSON line to `<workspace>.jurnal.jsonl`
//! beside the workspace — when, which OS user, which figure, from what to what.
//!
//! A save is a transaction, so the journal never disagrees with the file: before the new file
//! is renamed into place, a `mulai` line with the transaction's id and the new file's length
//! and content hash is appended with the save's entries (each carrying the id) and flushed to
//! disk; after the rename a `selesai` line follows. A save that fails before the rename appends
//! `batal`. After a crash, the next save (under the lock) finds the transaction still open and
//! closes it — `selesai` when the file on disk is the one it recorded, `batal` otherwise — and
//! [`read`] does the same in memory, without writing. Readers show only the entries of
//! finished transactions (and the entries of journals written before transactions). A torn
//! last line (a write cut short) is cut off under the lock before anything is appended.

mod entry;

pub use entry::Entry;

use super::commit::Stamp;
use super::folder::{Folder, Side, split};
use crate::model::{Change, Field, IndicatorId};
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

pub fn path_for(workspace: &Path) -> PathBuf {
    let mut name = workspace
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".jurnal.jsonl");
    workspace.with_file_name(name)
}

fn name_for(workspace_name: &std::ffi::OsStr) -> OsString {
    let mut name = workspace_name.to_os_string();
    name.push(".jurnal.jsonl");
    name
}

/// The OS user running kinerja: the passwd name of the process's real uid (not `$USER`, which
/// anyone can set); `uid N` when the uid has no passwd entry.
pub fn current_user() -> String {
    let uid = rustix::process::getuid().as_raw();
    passwd_name(uid).unwrap_or_else(|| format!("uid {uid}"))
}

fn passwd_name(uid: u32) -> Option<String> {
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: `pwd`, `buf` and `result` outlive the call; getpwuid_r writes the entry's
        // strings into `buf` (of the length given) and points `result` at `pwd` on success.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = unsafe {
            libc::getpwuid_r(
                uid,
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            )
        };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 4, 0);
            continue;
        }
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        // SAFETY: on success pw_name points at a NUL-terminated string inside `buf`.
        let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
        return Some(name.to_string_lossy().into_owned());
    }
}

/// `$SUDO_USER` and `$USER` where they name someone else than `user`. The session's variables
/// are read once per process (a save of 75 000 imported figures writes as many entries).
fn session_names(user: &str) -> Option<String> {
    static SESSION: std::sync::OnceLock<[(&str, Option<String>); 2]> = std::sync::OnceLock::new();
    let session = SESSION.get_or_init(|| {
        ["SUDO_USER", "USER"].map(|v| (v, std::env::var(v).ok().filter(|s| !s.is_empty())))
    });
    let names: Vec<String> = session
        .iter()
        .filter_map(|(v, value)| {
            let value = value.as_deref().filter(|s| *s != user)?;
            Some(format!("{v}={value}"))
        })
        .collect();
    (!names.is_empty()).then(|| names.join(" "))
}

/// A line that opens or closes a transaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Mark {
    txn: String,
    status: Status,
    /// `mulai`: the new file's length and content hash, `<len>:<hash>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    berkas: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Status {
    Mulai,
    Selesai,
    Batal,
}

enum Line {
    Entry(Box<Entry>),
    Mark(Mark),
}

fn parse_line(line: &[u8]) -> Option<Line> {
    if let Ok(e) = serde_json::from_slice::<Entry>(line) {
        return Some(Line::Entry(Box::new(e)));
    }
    serde_json::from_slice::<Mark>(line).ok().map(Line::Mark)
}

fn file_mark(stamp: &Stamp) -> String {
    format!("{}:{}", stamp.len, stamp.hex())
}

/// A new transaction id: unique per process and instant.
pub(crate) fn new_txn() -> String {
    let (secs, nanos) = crate::time::now();
    format!("{secs}.{nanos:09}-{}", std::process::id())
}

/// Appends entries as one finished transaction (for changes that are not a save of the file;
/// a save journals through [`super::commit_ops`]). The caller holds the workspace's lock.
pub fn append(workspace: &Path, entries: &[Entry]) -> io::Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let (dir, ws) = split(workspace)?;
    let folder = Folder::open(&dir)?;
    let group = super::workspace_group(&folder, &ws)?;
    let mut journal = Journal::open(&folder, &ws, group)?;
    journal.repair_tail()?;
    let txn = new_txn();
    let mut text = Vec::new();
    for e in entries {
        let e = Entry {
            txn: Some(txn.clone()),
            ..e.clone()
        };
        push_json(&mut text, &e);
    }
    push_json(
        &mut text,
        &Mark {
            txn,
            status: Status::Selesai,
            berkas: None,
        },
    );
    journal.file.write_all(&text)?;
    journal.file.sync_data()
}

fn push_json<T: Serialize>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(&mut *out, value).expect("journal lines serialise");
    out.push(b'\n');
}

/// The journal opened for appending, under the workspace's lock.
pub(crate) struct Journal {
    file: File,
}

impl Journal {
    /// Opens (creating) the journal beside the workspace `ws` of `folder`: never through a
    /// link, only a regular file of the workspace's group with one name.
    pub(crate) fn open(
        folder: &Folder,
        ws: &std::ffi::OsStr,
        group: Option<u32>,
    ) -> io::Result<Journal> {
        let file = folder
            .side_file(&name_for(ws), Side::Journal, group)?
            .expect("created when missing");
        Ok(Journal { file })
    }

    /// Cuts a torn last line (a write cut short by a crash or a full disk): it belongs to a
    /// transaction that did not finish, or is a `selesai` line the file itself can replace.
    pub(crate) fn repair_tail(&mut self) -> io::Result<()> {
        let len = self.file.metadata()?.len();
        if len == 0 {
            return Ok(());
        }
        let mut last = [0u8; 1];
        self.file.read_exact_at(&mut last, len - 1)?;
        if last[0] == b'\n' {
            return Ok(());
        }
        let keep = last_newline(&self.file, len)?.map_or(0, |p| p + 1);
        match self.file.set_len(keep) {
            Ok(()) => {}
            // An append-only journal (`chattr +a`) cannot be cut: the torn line is ended
            // instead, and is then one unreadable line like any other.
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => self.file.write_all(b"\n")?,
            Err(e) => return Err(e),
        }
        self.file.sync_data()
    }

    /// The transaction left open at the end of the journal, if any: its id and the
    /// `<len>:<hash>` of the file it was writing.
    pub(crate) fn open_transaction(&self) -> io::Result<Option<(String, Option<String>)>> {
        let len = self.file.metadata()?.len();
        open_transaction(&self.file, len)
    }

    /// Closes an open transaction: `selesai` when the file on disk is the one it wrote.
    pub(crate) fn settle(&mut self, on_disk: &Stamp) -> io::Result<()> {
        if let Some((txn, berkas)) = self.open_transaction()? {
            let done = berkas.as_deref() == Some(file_mark(on_disk).as_str());
            self.finish(&txn, done)?;
        }
        Ok(())
    }

    /// Appends the `mulai` line of a transaction writing the file `stamp`, with its entries,
    /// in one write, and flushes it to disk: after this the save may replace the file.
    pub(crate) fn begin(&mut self, txn: &str, stamp: &Stamp, entries: &[Entry]) -> io::Result<()> {
        let mut text = Vec::new();
        push_json(
            &mut text,
            &Mark {
                txn: txn.to_string(),
                status: Status::Mulai,
                berkas: Some(file_mark(stamp)),
            },
        );
        for e in entries {
            let e = Entry {
                txn: Some(txn.to_string()),
                ..e.clone()
            };
            push_json(&mut text, &e);
        }
        let start = self.file.metadata()?.len();
        let written = self
            .file
            .write_all(&text)
            .and_then(|()| self.file.sync_data());
        if written.is_err() {
            // Leave no partial transaction behind (a full disk can cut the write short).
            let _ = self.file.set_len(start);
        }
        written
    }

    /// Appends `selesai` (or `batal`). Not flushed: if it is lost, the next save finds the
    /// transaction open and decides from the file.
    pub(crate) fn finish(&mut self, txn: &str, done: bool) -> io::Result<()> {
        let mut text = Vec::new();
        push_json(
            &mut text,
            &Mark {
                txn: txn.to_string(),
                status: if done { Status::Selesai } else { Status::Batal },
                berkas: None,
            },
        );
        self.file.write_all(&text)
    }
}

/// The position of the last `\n` before `end`.
fn last_newline(file: &File, end: u64) -> io::Result<Option<u64>> {
    let mut pos = end;
    let mut buf = vec![0u8; 64 * 1024];
    while pos > 0 {
        let n = buf.len().min(pos as usize);
        pos -= n as u64;
        file.read_exact_at(&mut buf[..n], pos)?;
        if let Some(i) = buf[..n].iter().rposition(|b| *b == b'\n') {
            return Ok(Some(pos + i as u64));
        }
    }
    Ok(None)
}

/// The complete lines before `end`, last first.
struct LinesBackwards<'a> {
    file: &'a File,
    pos: u64,
    carry: Vec<u8>,
    ready: Vec<Vec<u8>>,
}

impl Iterator for LinesBackwards<'_> {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(line) = self.ready.pop() {
                return Some(Ok(line));
            }
            if self.pos == 0 {
                return (!self.carry.is_empty()).then(|| Ok(std::mem::take(&mut self.carry)));
            }
            let n = (64 * 1024).min(self.pos as usize);
            self.pos -= n as u64;
            let mut chunk = vec![0u8; n];
            if let Err(e) = self.file.read_exact_at(&mut chunk, self.pos) {
                self.pos = 0;
                return Some(Err(e));
            }
            chunk.append(&mut self.carry);
            let mut parts = chunk.split(|b| *b == b'\n');
            let first = parts.next().unwrap_or_default().to_vec();
            self.ready = parts
                .filter(|p| !p.is_empty())
                .map(<[u8]>::to_vec)
                .collect();
            self.carry = first;
        }
    }
}

/// The transaction open at the end of the first `len` bytes (complete lines only).
fn open_transaction(file: &File, len: u64) -> io::Result<Option<(String, Option<String>)>> {
    let end = last_newline(file, len)?.map_or(0, |p| p + 1);
    let mut lines = LinesBackwards {
        file,
        pos: end,
        carry: Vec::new(),
        ready: Vec::new(),
    };
    let mut open: Option<String> = None;
    for line in &mut lines {
        let line = line?;
        match (parse_line(&line), &open) {
            // The last complete line closes a transaction, or predates transactions.
            (Some(Line::Mark(m)), None) if m.status != Status::Mulai => return Ok(None),
            (Some(Line::Entry(e)), None) if e.txn.is_none() => return Ok(None),
            (Some(Line::Entry(e)), None) => open = e.txn,
            (Some(Line::Entry(e)), Some(t)) if e.txn.as_ref() == Some(t) => {}
            (Some(Line::Mark(m)), _) if m.status == Status::Mulai => {
                if open.as_ref().is_some_and(|t| *t != m.txn) {
                    // Entries without their opening line: nothing to decide with.
                    return Ok(open.map(|t| (t, None)));
                }
                return Ok(Some((m.txn, m.berkas)));
            }
            // An unreadable line (a hand edit, another tool) says nothing about transactions:
            // the one open before it is still to be settled.
            (None, _) => {}
            // A line of another transaction before its opening line.
            _ => return Ok(open.map(|t| (t, None))),
        }
    }
    Ok(open.map(|t| (t, None)))
}

/// Every entry of a finished save, oldest first, and how many lines could not be read. A
/// transaction left open counts as finished only when the workspace file is the one it wrote
/// (read-only: nothing is written; the next save records the decision). A last line without
/// its newline (a write in progress or cut short) is not counted.
pub fn read(workspace: &Path) -> io::Result<(Vec<Entry>, usize)> {
    let (dir, ws) = split(workspace)?;
    let folder = match Folder::open(&dir) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(e) => return Err(e),
    };
    let Some(mut file) = folder.side_file(&name_for(&ws), Side::Read, None)? else {
        return Ok((Vec::new(), 0));
    };
    let mut text = Vec::new();
    file.read_to_end(&mut text)?;
    let complete = text.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
    let mut out = Vec::new();
    let mut bad = 0;
    // The transaction being read: its id, recorded file, and entries so far.
    let mut open: Option<(String, Option<String>, Vec<Entry>)> = None;
    for line in text[..complete].split(|b| *b == b'\n') {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(line) {
            Some(Line::Entry(e)) => match (&e.txn, &mut open) {
                (None, _) => out.push(*e),
                (Some(t), Some((id, _, entries))) if t == id => entries.push(*e),
                // An entry of a transaction whose opening line is missing: shown as before.
                (Some(_), _) => out.push(*e),
            },
            Some(Line::Mark(m)) => match m.status {
                Status::Mulai => open = Some((m.txn, m.berkas, Vec::new())),
                Status::Selesai | Status::Batal => {
                    if let Some((id, _, entries)) = open.take_if(|(id, ..)| *id == m.txn) {
                        let _ = id;
                        if m.status == Status::Selesai {
                            out.extend(entries);
                        }
                    }
                }
            },
            None => bad += 1,
        }
    }
    if let Some((_, berkas, entries)) = open
        && berkas.is_some()
    {
        // The workspace's name, never through a link, hashed in blocks.
        let on_disk = folder
            .open_workspace(&ws)
            .and_then(|file| super::stamp_open(&file))
            .ok();
        if on_disk.is_some_and(|s| Some(file_mark(&s)) == berkas) {
            out.extend(entries);
        }
    }
    Ok((out, bad))
}

/// The latest entry about one figure.
pub fn last_change<'a>(entries: &'a [Entry], kode: &str, field: Field) -> Option<&'a Entry> {
    entries
        .iter()
        .rev()
        .find(|e| e.kode == kode && e.field() == Some(field))
}

/// The latest entry about one figure of the indicator `id` (at position `field` when the
/// entry has no id): an entry written with the indicator's id matches by it, so a figure of an
/// indicator that has moved since is still found, and another indicator's is not.
pub fn last_figure<'a>(
    entries: &'a [Entry],
    kode: &str,
    field: Field,
    id: Option<IndicatorId>,
) -> Option<&'a Entry> {
    let name = field.name();
    entries.iter().rev().find(|e| {
        e.kode == kode
            && e.kolom == name.kolom
            && e.tw == name.tw
            && e.tahun == name.tahun
            && match (e.id, id) {
                (Some(a), Some(b)) => a == b,
                _ => e.field() == Some(field),
            }
    })
}

/// The latest lock or unlock of quarter `tw`.
pub fn last_lock(entries: &[Entry], tw: crate::model::Quarter) -> Option<&Entry> {
    entries
        .iter()
        .rev()
        .find(|e| matches!(e.kolom.as_str(), "kunci" | "buka_kunci") && e.tw == Some(tw.number()))
}

/// The latest entry about what `change` addresses: its node — by its code, or by a change
/// that removed, recoded or moved the node or one above it —, its indicator, or its officer.
/// What a save's conflict shows as "changed by … at …".
pub fn last_about<'a>(entries: &'a [Entry], change: &Change) -> Option<&'a Entry> {
    let officer = match change {
        Change::OfficerAdd { officer, .. } | Change::OfficerRemove { officer, .. } => {
            Some(officer.id.as_str())
        }
        Change::OfficerEdit { old, .. } => Some(old.id.as_str()),
        _ => None,
    };
    match change {
        Change::Verify { tw, .. } => return last_lock(entries, *tw),
        Change::Note {
            kode,
            indikator,
            tw,
            ..
        } => {
            // The same part of the same quarter's explanation, else anything about the node.
            let kolom = Entry::from_applied_kolom(change);
            let same = entries.iter().rev().find(|e| {
                e.kode == *kode
                    && e.id == Some(*indikator)
                    && e.tw == Some(tw.number())
                    && Some(e.kolom.as_str()) == kolom
            });
            if same.is_some() {
                return same;
            }
        }
        _ => {}
    }
    if let Some(id) = officer {
        return entries.iter().rev().find(|e| match e.perubahan.as_deref() {
            Some(Change::OfficerAdd { officer, .. } | Change::OfficerRemove { officer, .. }) => {
                officer.id == id
            }
            Some(Change::OfficerEdit { old, .. }) => old.id == id,
            _ => false,
        });
    }
    let kode = change.kode()?;
    entries.iter().rev().find(|e| {
        if e.kode == kode {
            return true;
        }
        // A change of a node above takes this one along.
        let above = kode
            .strip_prefix(e.kode.as_str())
            .is_some_and(|rest| rest.starts_with('.'));
        match e.perubahan.as_deref() {
            Some(Change::NodeRemove { node, .. }) => node.iter().any(|n| n.kode == kode),
            Some(Change::NodeRecode { .. } | Change::NodeMove { .. }) => above,
            _ => false,
        }
    })
}
