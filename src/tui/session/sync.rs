//! The session's side on disk. Owns the base (the file as last read or saved: the workspace
//! differs from it exactly by the figures touched since), the stamp of its bytes, the figures a
//! reload or a conflict answer says the user started from, and the worker with its jobs.
//!
//! The base goes to the worker with a save or an export and comes back in the report; while it
//! is away a second save (or an export) waits for it, and no reload is started or applied (the
//! save reads the file anyway). A save takes the figures changed so far; figures changed while
//! it is in flight stay touched, so they go into the next save, measured from what the user saw.

use super::{Key, Session};
use crate::model::{Op, Workspace};
use crate::store::{self, Conflict, Stamp};
use crate::tui::message::Message;
use crate::tui::worker::{Job, Worker};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub(super) struct Disk {
    /// Where `s` saves; `None` for a workspace that lives only in memory.
    pub(super) path: Option<PathBuf>,
    /// The file as last read or saved; `None` while a save or an export has it.
    pub(super) base: Option<Workspace>,
    /// The stamp of the bytes `base` came from, to notice another user's save.
    pub(super) stamp: Option<Stamp>,
    /// How the file looked (inode, length, time) when last read or written.
    pub(super) meta: Option<DiskMeta>,
    /// Every figure changed since `base` (edits, undos, answers to conflicts), with its value
    /// in `base` (the file as last read or saved): where the user's unsaved changes can be, so
    /// neither a save nor the unsaved marker compares the whole workspace.
    pub(super) touched: HashMap<Key, Option<Decimal>>,
    /// For figures someone else changed under this user's unsaved change: the value this user
    /// started from (so saving asks instead of overwriting).
    pub(super) started_from: HashMap<Key, Option<Decimal>>,
    pub(super) flight: Option<Flight>,
    /// A save asked for while the base was away: started when it comes back.
    pub(super) save_wanted: bool,
    /// An export asked for while the base was away: its folder and format.
    pub(super) export_wanted: Option<(PathBuf, crate::export::Format)>,
    /// The look of the file when the reload in flight was started.
    pub(super) reload: Option<Option<DiskMeta>>,
    pub(super) progress: Option<Progress>,
    pub(super) worker: Worker,
}

/// A save in flight.
pub(super) struct Flight {
    /// The figures it writes, and their new values.
    pub(super) sent: HashMap<Key, Option<Decimal>>,
    /// The figures touched before it (with their value in the base), given back if it fails.
    pub(super) before: HashMap<Key, Option<Decimal>>,
    /// Figures changed while it is in flight: the value the user saw before the first change.
    pub(super) seen: HashMap<Key, Option<Decimal>>,
}

/// What the worker is doing, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    Saving,
    /// The save waits for the lock: its holder as the lock file names them, and for how long.
    Waiting {
        holder: String,
        waited: Duration,
    },
    Exporting,
}

/// What a look at the file found.
#[derive(Debug, PartialEq, Eq)]
pub enum DiskCheck {
    /// Nothing to do (the file is as last seen, or this is not the moment to reload).
    Same,
    /// The file is gone.
    Gone(Message),
    /// The file changed: it is being read on the worker.
    Reloading,
}

impl Disk {
    pub(super) fn new(file: Option<(PathBuf, Stamp)>, base: Workspace) -> Disk {
        let (path, stamp) = file.map_or((None, None), |(p, s)| (Some(p), Some(s)));
        Disk {
            meta: path.as_deref().and_then(disk_meta),
            path,
            base: Some(base),
            stamp,
            touched: HashMap::new(),
            started_from: HashMap::new(),
            flight: None,
            save_wanted: false,
            export_wanted: None,
            reload: None,
            progress: None,
            worker: Worker::default(),
        }
    }

    /// Records a change of `key` from `old`. The first change of a figure since the base
    /// starts from the base's value (or, with a save in flight, from the value it writes).
    pub(super) fn touch(&mut self, key: Key, old: Option<Decimal>) {
        if let Some(flight) = &mut self.flight {
            flight.seen.entry(key.clone()).or_insert(old);
        }
        self.touched.entry(key).or_insert(old);
    }
}

impl Session {
    /// The workspace's file, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.disk.path.as_deref()
    }

    /// The stamp of the bytes the base came from.
    pub fn stamp(&self) -> Option<Stamp> {
        self.disk.stamp
    }

    /// What the worker is doing, if anything the status line shows.
    pub fn progress(&self) -> Option<&Progress> {
        self.disk.progress.as_ref()
    }

    /// Whether a job is on the worker.
    pub fn busy(&self) -> bool {
        self.disk.worker.busy()
    }

    /// Whether a save or an export is under way or asked for: work to let finish before
    /// quitting.
    pub fn writing(&self) -> bool {
        self.disk.base.is_none() || self.disk.save_wanted || self.disk.export_wanted.is_some()
    }

    /// Saves this user's changes onto what is on disk now (merging other users' saves), on the
    /// worker. A second save asked for while one is in flight starts when that one is done.
    pub fn save(&mut self) -> Option<Message> {
        let lang = self.lang;
        if self.disk.path.is_none() || self.disk.stamp.is_none() {
            return Some(Message::error(lang.pick(
                "Workspace ini tidak punya berkas.",
                "This workspace has no file.",
            )));
        }
        if self.disk.base.is_none() {
            self.disk.save_wanted = true;
            return Some(Message::info(lang.pick(
                "Simpan lagi setelah simpanan yang sedang berjalan selesai.",
                "Will save again when the save under way is done.",
            )));
        }
        self.start_save();
        None
    }

    pub(super) fn start_save(&mut self) {
        let (Some(path), Some(stamp), Some(_)) = (
            self.disk.path.clone(),
            self.disk.stamp,
            self.disk.base.as_ref(),
        ) else {
            return;
        };
        let ops = self.pending();
        let Some(base) = self.disk.base.take() else {
            return;
        };
        self.disk.save_wanted = false;
        self.disk.flight = Some(Flight {
            sent: ops
                .iter()
                .map(|op| ((op.kode.clone(), op.field), op.new))
                .collect(),
            before: std::mem::take(&mut self.disk.touched),
            seen: HashMap::new(),
        });
        self.disk.progress = Some(Progress::Saving);
        self.disk.worker.send(Job::Save {
            path,
            base,
            stamp,
            ops,
            user: store::journal::current_user(),
            index_for: self.index_for(),
        });
    }

    /// Stops a save that waits for the lock.
    pub fn cancel_save(&mut self) {
        if self.disk.flight.is_some() {
            self.disk.worker.cancel_save();
        }
    }

    /// Writes the LKjIP tables, with the unsaved changes, to a dated file of `format` in
    /// `dir` (never over an existing one).
    pub fn export(&mut self, dir: PathBuf, format: crate::export::Format) -> Option<Message> {
        if self.disk.base.is_none() {
            self.disk.export_wanted = Some((dir, format));
            return Some(Message::info(self.lang.pick(
                "Ekspor dimulai setelah simpanan selesai.",
                "The export starts when the save is done.",
            )));
        }
        self.start_export(dir, format);
        None
    }

    pub(super) fn start_export(&mut self, dir: PathBuf, format: crate::export::Format) {
        let Some(base) = self.disk.base.take() else {
            return;
        };
        let changes: Vec<_> = self
            .disk
            .touched
            .keys()
            .filter_map(|(kode, field)| {
                let at = self.index.paths.get(kode)?;
                let new = field.get(self.ws.node_at(at)?)?;
                (field.get(base.node_at(at)?)? != new).then(|| (at.clone(), *field, new))
            })
            .collect();
        self.disk.export_wanted = None;
        self.disk.progress = Some(Progress::Exporting);
        self.disk.worker.send(Job::Export {
            base,
            changes,
            dir,
            format,
            quarter: self.index.quarter,
            lang: self.lang,
        });
    }

    /// Asks for the journal's entries of one node (they come back as [`Outcome::Journal`]).
    pub fn request_journal(&mut self, kode: &str) -> Option<Message> {
        let Some(path) = self.disk.path.clone() else {
            return Some(Message::info(self.lang.pick(
                "Tidak ada jurnal untuk workspace ini.",
                "No journal for this workspace.",
            )));
        };
        self.disk.worker.send(Job::Journal {
            path,
            kode: kode.to_string(),
        });
        None
    }

    /// Looks at the file (a `stat`): when another user saved, reads it on the worker. Not while
    /// a save or an export has the base, a reload is in flight, or `may_reload` is false (a
    /// conflict is being answered).
    pub fn check_disk(&mut self, may_reload: bool) -> DiskCheck {
        let Some(path) = self.disk.path.clone() else {
            return DiskCheck::Same;
        };
        if !may_reload || self.disk.base.is_none() || self.disk.reload.is_some() {
            return DiskCheck::Same;
        }
        let meta = disk_meta(&path);
        if meta == self.disk.meta {
            return DiskCheck::Same;
        }
        if meta.is_none() {
            self.disk.meta = None;
            return DiskCheck::Gone(Message::error(format!(
                "{}: {}",
                path.display(),
                self.lang.pick(
                    "berkas hilang dari disk; perubahan Anda masih di memori",
                    "the file is gone; your changes are still in memory"
                )
            )));
        }
        self.disk.reload = Some(meta);
        self.disk.worker.send(Job::Reload {
            path,
            known: self.disk.stamp,
            index_for: self.index_for(),
        });
        DiskCheck::Reloading
    }

    pub(super) fn index_for(&self) -> (crate::model::Quarter, bool) {
        (self.index.quarter, self.index.dashboard.is_some())
    }

    /// A figure of the base (`None` when the base is away or has no such figure).
    pub(super) fn base_value(
        &self,
        kode: &str,
        field: crate::model::Field,
    ) -> Option<Option<Decimal>> {
        let at = self.index.paths.get(kode)?;
        field.get(self.disk.base.as_ref()?.node_at(at)?)
    }

    /// At a save conflict: keep this user's figure (they now knowingly replace `theirs`).
    pub fn keep_mine(&mut self, c: &Conflict) {
        let Some(c) = c.figure() else { return };
        self.disk
            .started_from
            .insert((c.mine.kode.clone(), c.mine.field), c.theirs);
        self.unsaved_changed();
    }

    /// A figure changed from `old` (what the user saw), re-applied from the recovery file:
    /// when the file now holds something else, saving asks instead of overwriting it. Returns
    /// whether it does (someone else changed it since).
    pub fn reapplied_from(
        &mut self,
        kode: &str,
        field: crate::model::Field,
        old: Option<Decimal>,
    ) -> bool {
        let clash = self.base_value(kode, field) != Some(old);
        if clash {
            self.disk
                .started_from
                .insert((kode.to_string(), field), old);
            if let Some(at) = self.index.paths.get(kode).cloned() {
                self.unsaved_one(kode, field, at);
            }
        }
        clash
    }

    /// At a save conflict: take the figure on disk.
    pub fn take_theirs(&mut self, c: &Conflict) {
        let Some(c) = c.figure() else { return };
        self.disk
            .started_from
            .remove(&(c.mine.kode.clone(), c.mine.field));
        self.change(&c.mine.kode, c.mine.field, c.theirs);
    }

    /// This user's unsaved changes: each figure touched since the base that differs from it,
    /// measured from the figure the user started from, in tree order. Looks only at the
    /// figures touched (the base and the workspace have the same tree, so one position serves
    /// both). Empty while the base is away.
    pub(super) fn pending(&self) -> Vec<Op> {
        let Some(base) = self.disk.base.as_ref() else {
            return Vec::new();
        };
        // Each with its position, looked up once, for the tree order.
        let mut ops: Vec<(&Vec<usize>, Op)> = self
            .disk
            .touched
            .keys()
            .filter_map(|(kode, field)| {
                let at = self.index.paths.get(kode)?;
                let old = field.get(base.node_at(at)?)?;
                let new = field.get(self.ws.node_at(at)?)?;
                (old != new).then(|| {
                    let started = self.disk.started_from.get(&(kode.clone(), *field));
                    let op = Op {
                        kode: kode.clone(),
                        field: *field,
                        old: started.copied().unwrap_or(old),
                        new,
                    };
                    (at, op)
                })
            })
            .collect();
        ops.sort_by(|(a, x), (b, y)| (a, x.field).cmp(&(b, y.field)));
        ops.into_iter().map(|(_, op)| op).collect()
    }

    /// The unsaved operations for the recovery file, each with its place in the tree, in
    /// tree order: every figure touched since the file was last read or saved (a save in
    /// flight included, as it may not land) that differs from the file's value.
    pub(super) fn recovery_ops(&self) -> Vec<(super::recovery::Place, Op)> {
        let mut keys: std::collections::HashSet<&Key> = self.disk.touched.keys().collect();
        if let Some(f) = &self.disk.flight {
            keys.extend(f.before.keys());
        }
        let mut ops: Vec<_> = keys
            .into_iter()
            .filter_map(|(kode, field)| self.recovery_op(kode, *field))
            .collect();
        ops.sort_by(|(a, _), (b, _)| a.cmp(b));
        ops
    }

    /// The unsaved operation of one figure for the recovery file, with its place: from the
    /// file's value (as last read or saved, before a save in flight) to the figure now;
    /// `None` when they are equal or it was not touched. Needs no base, so it holds while a
    /// save has it.
    pub(super) fn recovery_op(
        &self,
        kode: &str,
        field: crate::model::Field,
    ) -> Option<(super::recovery::Place, Op)> {
        let key = (kode.to_string(), field);
        let saved = self
            .disk
            .flight
            .as_ref()
            .and_then(|f| f.before.get(&key))
            .or_else(|| self.disk.touched.get(&key))?;
        let at = self.index.paths.get(kode)?;
        let new = field.get(self.ws.node_at(at)?)?;
        if *saved == new {
            return None;
        }
        let old = self.disk.started_from.get(&key).copied().unwrap_or(*saved);
        Some((
            (at.clone(), field),
            Op {
                kode: key.0,
                field,
                old,
                new,
            },
        ))
    }
}

/// What tells cheaply that a file was replaced: its inode (every atomic save is a new file),
/// length and modification time.
pub(super) type DiskMeta = (u64, u64, Option<std::time::SystemTime>);

pub(super) fn disk_meta(path: &Path) -> Option<DiskMeta> {
    let m = std::fs::symlink_metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Some((inode, m.len(), m.modified().ok()))
}
