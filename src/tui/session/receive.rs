//! What comes back from the worker, taken into the session: a save that landed (the base
//! back, the stamp, and when another user's save was merged in, the merged file with the
//! changes made meanwhile put back on top), a save that found conflicts or failed (every change
//! stays unsaved), an export, another user's save read (the unsaved changes put on top: one
//! that no longer applies is a conflict, kept until the user drops it), the journal of a node.
//! Queued work (a second save, an export) starts when the base is back.

use super::Session;
use super::rebase::Replayed;
use super::sync::{DiskMeta, Progress, disk_meta};
use crate::store::{ChangeConflict, CommitError, Conflict, journal::Entry};
use crate::tui::message::Message;
use crate::tui::worker::{Fresh, Product, Reload, Report, SaveResult};
use std::time::Duration;

/// A conflict with the unsaved entry it is about (`None` when the entry is gone).
pub type Conflicted = (Conflict, Option<u64>);

/// What came back from the worker, for the interface to follow up.
pub enum Outcome {
    /// The save's wait for the lock goes on (the status line changed).
    Progress,
    /// Saved; when `merged`, another user's save came in and the workspace was replaced (and
    /// `conflicts` holds the changes made meanwhile that no longer apply to it).
    Saved {
        merged: bool,
        message: Message,
        conflicts: Vec<Conflicted>,
    },
    /// Nothing written: these changes no longer fit the file (a figure someone else changed
    /// too, a node they removed).
    Conflicts {
        list: Vec<Conflicted>,
        message: Message,
    },
    /// A save or an export failed or was cancelled; the changes are still in memory.
    Failed(Message),
    Exported(Message),
    /// Another user's save was loaded; the user's unsaved changes are on top of it, but for
    /// `conflicts`, which no longer apply to it.
    Reloaded {
        message: Message,
        conflicts: Vec<Conflicted>,
    },
    Journal {
        kode: String,
        entries: Vec<Entry>,
    },
    /// Something to say that changes nothing (a file that cannot be read now, a journal that
    /// cannot be read).
    Notice(Message),
}

impl Session {
    /// Takes what the worker reported: waits up to `wait` for a first report when given. A
    /// reload is put in only when `may_reload` (else it is dropped and the file looked at
    /// again later).
    pub fn receive(&mut self, wait: Option<Duration>, may_reload: bool) -> Vec<Outcome> {
        let mut out = Vec::new();
        let mut wait = wait;
        while let Some(report) = self.disk.worker.next(wait.take()) {
            out.extend(self.on_report(report, may_reload));
        }
        if self.disk.base.is_some() {
            if self.disk.save_wanted {
                self.start_save();
            } else if let Some((dir, product, format)) = self.disk.export_wanted.take() {
                self.start_export(dir, product, format);
            }
        }
        out
    }

    fn on_report(&mut self, report: Report, may_reload: bool) -> Option<Outcome> {
        let lang = self.lang;
        match report {
            Report::Waiting { holder, waited } => {
                self.disk.progress = Some(Progress::Waiting { holder, waited });
                Some(Outcome::Progress)
            }
            Report::Saved {
                base,
                result,
                fresh,
            } => {
                self.disk.progress = None;
                self.disk.base = Some(base);
                Some(self.saved(result, fresh))
            }
            Report::Exported {
                base,
                product,
                result,
                unsaved,
            } => {
                self.disk.progress = None;
                self.disk.base = Some(base);
                Some(match result {
                    Ok(path) => {
                        let (written, included) = match product {
                            Product::Tables => (
                                lang.pick("Ekspor ditulis ke", "Exported to"),
                                lang.pick("angka yang belum disimpan", "figure(s) not saved yet"),
                            ),
                            // A pack is mostly about explanations: "changes", not "figures".
                            Product::MeetingPack => (
                                lang.pick("Bahan rapat ditulis ke", "Meeting pack written to"),
                                lang.pick(
                                    "perubahan yang belum disimpan",
                                    "change(s) not saved yet",
                                ),
                            ),
                        };
                        let mut text = format!("{written} {}", path.display());
                        if unsaved > 0 {
                            text.push_str(&format!(
                                " {} {unsaved} {included}",
                                lang.pick("— termasuk", "— includes"),
                            ));
                        }
                        Outcome::Exported(Message::info(text))
                    }
                    Err(e) => Outcome::Failed(Message::error(e)),
                })
            }
            Report::Reloaded(reload) => {
                let meta = self.disk.reload.take().flatten();
                if !may_reload || self.disk.base.is_none() {
                    // Stale or not now: the file is looked at again later.
                    return None;
                }
                self.reloaded(reload, meta)
            }
            Report::Journal { kode, result } => Some(match result {
                Ok(entries) => Outcome::Journal { kode, entries },
                Err(e) => Outcome::Notice(Message::error(e)),
            }),
            Report::Died => {
                self.disk.progress = None;
                self.disk.flight = None;
                Some(Outcome::Failed(Message::error(lang.pick(
                    "Kesalahan internal: penyimpanan berhenti; perubahan Anda masih di memori.",
                    "Internal error: saving stopped; your changes are still in memory.",
                ))))
            }
        }
    }

    fn saved(&mut self, result: SaveResult, fresh: Option<Box<Fresh>>) -> Outcome {
        let lang = self.lang;
        let Some(flight) = self.disk.flight.take() else {
            return Outcome::Progress;
        };
        let done = match result {
            SaveResult::Done(Ok(done)) => done,
            failed => {
                // Nothing written: every change stays unsaved, in front of those made since.
                let seqs: Vec<u64> = flight.sent.iter().map(|(s, _)| *s).collect();
                self.unsaved.put_back(flight.sent);
                self.disk.save_wanted = false;
                // Edits made while it was in flight go into the recovery file now.
                self.unsaved_changed();
                return match failed {
                    SaveResult::Done(Err(CommitError::Conflicts(list))) => Outcome::Conflicts {
                        message: Message::error(
                            CommitError::Conflicts(list.clone()).message(lang),
                        ),
                        list: list
                            .into_iter()
                            .map(|c| {
                                let seq = seqs.get(c.index()).copied();
                                (c, seq)
                            })
                            .collect(),
                    },
                    SaveResult::Done(Err(e)) => Outcome::Failed(Message::error(e.message(lang))),
                    SaveResult::Cancelled => Outcome::Failed(Message::info(lang.pick(
                        "Berhenti menunggu; tidak ada yang disimpan, perubahan Anda tetap di memori.",
                        "Stopped waiting; nothing saved, your changes stay in memory.",
                    ))),
                    _ => Outcome::Failed(Message::error(lang.pick(
                        "Kesalahan internal saat menyimpan; perubahan Anda tetap di memori.",
                        "Internal error while saving; your changes stay in memory.",
                    ))),
                };
            }
        };
        let path = self.disk.path.clone().unwrap_or_default();
        self.disk.stamp = Some(done.stamp);
        self.disk.meta = disk_meta(&path);
        if done.merged && fresh.is_none() {
            // Merged, but the merged file could not be copied for the screen: read it again.
            self.disk.meta = None;
        }
        let merged = fresh.is_some();
        let mut conflicts = Vec::new();
        if let Some(fresh) = fresh {
            // The changes made while the save was in flight go on top of the merged file, each
            // measured from what the user saw: when someone else changed it meanwhile, saving
            // will ask.
            let mine = self.unsaved.take_all();
            self.put_in(*fresh);
            conflicts = conflicts_of(self.replay(mine).refused);
        }
        self.unsaved_changed();
        let mut text = format!(
            "{} {}",
            lang.pick("Tersimpan ke", "Saved to"),
            path.display()
        );
        if merged {
            text.push_str(lang.pick(
                " (digabung dengan simpanan pengguna lain)",
                " (merged with another user's save)",
            ));
        }
        Outcome::Saved {
            merged,
            message: Message::info(text),
            conflicts,
        }
    }

    fn reloaded(&mut self, reload: Reload, meta: Option<DiskMeta>) -> Option<Outcome> {
        let lang = self.lang;
        let (base, fresh, stamp) = match reload {
            Reload::Unchanged(stamp) => {
                self.disk.stamp = Some(stamp);
                self.disk.meta = meta;
                return None;
            }
            Reload::Unreadable => {
                self.disk.meta = meta;
                return Some(Outcome::Notice(Message::error(lang.pick(
                    "berkas di disk berubah tetapi tidak terbaca; tidak dimuat ulang",
                    "the file changed on disk but cannot be read; not reloaded",
                ))));
            }
            Reload::Changed { base, fresh, stamp } => (base, fresh, stamp),
        };
        let mine = self.unsaved.take_all();
        let had = mine.len();
        self.disk.base = Some(*base);
        self.disk.stamp = Some(stamp);
        self.disk.meta = meta;
        self.put_in(*fresh);
        let Replayed {
            clashing, refused, ..
        } = self.replay(mine);
        self.unsaved_changed();
        let text = if had == 0 {
            lang.pick(
                "Berkas diperbarui oleh pengguna lain; angka dimuat ulang.",
                "Another user saved; figures reloaded.",
            )
            .to_string()
        } else if !refused.is_empty() {
            format!(
                "{} {}",
                refused.len(),
                lang.pick(
                    "perubahan Anda tidak lagi cocok dengan simpanan pengguna lain; pilih untuk tiap perubahan.",
                    "change(s) of yours no longer fit another user's save; choose for each.",
                )
            )
        } else if clashing == 0 {
            lang.pick(
                "Berkas diperbarui oleh pengguna lain; perubahan Anda yang belum disimpan tetap di atasnya.",
                "Another user saved; your unsaved changes stay on top.",
            )
            .to_string()
        } else {
            format!(
                "{clashing} {}",
                lang.pick(
                    "angka yang Anda ubah juga diubah pengguna lain; saat menyimpan Anda akan ditanya.",
                    "figure(s) you changed were also changed by another user; saving will ask.",
                )
            )
        };
        Some(Outcome::Reloaded {
            message: Message::info(text),
            conflicts: conflicts_of(refused),
        })
    }

    /// Shows a workspace read or merged on the worker, at the session's quarter and with the
    /// dashboard kept if it was.
    fn put_in(&mut self, fresh: Fresh) {
        let quarter = self.index.quarter;
        let dashboard = self.index.dashboard.is_some();
        self.over_pagu_stale = super::over_pagu::Stale::Whole;
        self.ws = fresh.ws;
        self.index = fresh.index;
        self.index.set_quarter(&self.ws, quarter);
        if dashboard {
            self.index.ensure_dashboard(&self.ws);
        }
    }
}

/// Changes a reload (or a merged save) found no longer applying, as conflicts to answer.
fn conflicts_of(
    refused: Vec<(u64, crate::model::Change, crate::model::Refusal)>,
) -> Vec<Conflicted> {
    refused
        .into_iter()
        .enumerate()
        .map(|(index, (seq, change, why))| {
            (
                Conflict::Change(Box::new(ChangeConflict {
                    index,
                    change,
                    why,
                    by: None,
                })),
                Some(seq),
            )
        })
        .collect()
}
