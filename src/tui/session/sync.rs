//! The session's side on disk. Owns the base (the file as last read or saved: the workspace
//! on screen is the base with the unsaved changes applied, those of a save in flight first),
//! the stamp of its bytes, the save in flight, and the worker with its jobs.
//!
//! The base goes to the worker with a save or an export and comes back in the report; while it
//! is away a second save (or an export) waits for it, and no reload is started or applied (the
//! save reads the file anyway). A save takes the unsaved list as it is; changes made while it
//! is in flight go into a new list, so they go into the next save, each measured from what
//! the user saw.

use super::Session;
use super::unsaved::Entry;
use crate::model::Workspace;
use crate::store::{self, Stamp};
use crate::tui::message::Message;
use crate::tui::worker::{Job, Product, Worker};
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
    pub(super) flight: Option<Flight>,
    /// A save asked for while the base was away: started when it comes back.
    pub(super) save_wanted: bool,
    /// An export asked for while the base was away: its folder and format.
    pub(super) export_wanted: Option<(PathBuf, Product, crate::export::Format)>,
    /// The look of the file when the reload in flight was started.
    pub(super) reload: Option<Option<DiskMeta>>,
    pub(super) progress: Option<Progress>,
    pub(super) worker: Worker,
}

/// A save in flight: the unsaved entries it writes, in order (given back to the list, in
/// front of what was made since, if it does not land).
pub(super) struct Flight {
    pub(super) sent: Vec<(u64, Entry)>,
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
            flight: None,
            save_wanted: false,
            export_wanted: None,
            reload: None,
            progress: None,
            worker: Worker::default(),
        }
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
        let Some(base) = self.disk.base.take() else {
            return;
        };
        let sent = self.unsaved.take_all();
        let changes = sent.iter().map(|(_, e)| e.change.clone()).collect();
        // Sources of entries no longer unsaved are let go (a save that does not land gives
        // its entries back under the same numbers).
        let keep: std::collections::HashSet<u64> = sent.iter().map(|(s, _)| *s).collect();
        self.sources.retain(|s, _| keep.contains(s));
        let sources = sent
            .iter()
            .map(|(s, _)| self.sources.get(s).cloned())
            .collect();
        self.disk.save_wanted = false;
        self.disk.flight = Some(Flight { sent });
        self.disk.progress = Some(Progress::Saving);
        self.disk.worker.send(Job::Save {
            path,
            base,
            stamp,
            changes,
            sources,
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

    /// Writes the LKjIP tables or the meeting pack, with the unsaved changes, to a dated file
    /// of `format` in `dir` (never over an existing one).
    pub fn export(
        &mut self,
        dir: PathBuf,
        product: Product,
        format: crate::export::Format,
    ) -> Option<Message> {
        if self.disk.base.is_none() {
            self.disk.export_wanted = Some((dir, product, format));
            return Some(Message::info(self.lang.pick(
                "Ekspor dimulai setelah simpanan selesai.",
                "The export starts when the save is done.",
            )));
        }
        self.start_export(dir, product, format);
        None
    }

    pub(super) fn start_export(
        &mut self,
        dir: PathBuf,
        product: Product,
        format: crate::export::Format,
    ) {
        let Some(base) = self.disk.base.take() else {
            return;
        };
        let changes: Vec<_> = self
            .unsaved
            .iter()
            .filter(|(_, e)| !matches!(e.shown, super::Shown::Refused))
            .map(|(_, e)| e.change.clone())
            .collect();
        self.disk.export_wanted = None;
        self.disk.progress = Some(Progress::Exporting);
        self.disk.worker.send(Job::Export {
            base,
            changes,
            dir,
            product,
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
