//! The unsaved list put back on screen: after another user's save was put in (each entry
//! shown again on the new workspace), at the start (a recovery file's changes made again as
//! the user's), and when the user drops a change that no longer fits the file (taken off the
//! screen with what was made after it, which is put back where it still applies).

use super::Session;
use super::apply::Done;
use super::unsaved::{Entry, Shown};
use crate::model::change::Applied;
use crate::model::{Change, Refusal};

impl Session {
    /// Every unsaved entry shown again on the workspace now on screen (another user's save
    /// was put in): a figure is set to the user's value whatever the file holds (saving asks
    /// when they differ: `clashing`); a change the file already holds leaves the list; one
    /// that no longer applies stays in it, not on screen, and is returned as a conflict.
    pub(super) fn replay(&mut self, entries: Vec<(u64, Entry)>) -> Replayed {
        let mut out = Replayed::default();
        let mut kept = Vec::with_capacity(entries.len());
        for (seq, e) in entries {
            if let Change::Figure { indikator, op } = &e.change
                && let Some((path, field)) = self.figure_at(&op.kode, *indikator, op.field)
            {
                let now = self.ws.node_at(&path).and_then(|n| field.get(n)).flatten();
                if now != op.old && now != op.new {
                    out.clashing += 1;
                }
            }
            match self.show_forced(&e.change) {
                Ok(Some(a)) => kept.push((
                    seq,
                    Entry {
                        change: e.change,
                        shown: Shown::Exact(a),
                    },
                )),
                Ok(None) => out.already += 1,
                Err(why) => {
                    out.refused.push((seq, e.change.clone(), why));
                    kept.push((
                        seq,
                        Entry {
                            change: e.change,
                            shown: Shown::Refused,
                        },
                    ));
                }
            }
        }
        self.unsaved.replace_all(kept);
        out
    }

    /// The user drops unsaved entry `seq` (its change no longer fits the file): it leaves the
    /// list and, when on screen, is taken off it — the entries made after it are taken off
    /// first and put back after, and those that no longer apply without it go too. Returns
    /// the changes dropped, `seq`'s first; `None` when there is no such entry or it cannot
    /// be taken off (nothing changed then).
    pub fn drop_change(&mut self, seq: u64) -> Option<Vec<Change>> {
        let entry = self.unsaved.get(seq)?.clone();
        let Some(undo) = entry.shown.undo() else {
            self.unsaved.remove(seq);
            self.unsaved_changed();
            return Some(vec![entry.change]);
        };
        let later: Vec<(u64, Entry)> = self
            .unsaved
            .iter()
            .filter(|(s, _)| *s > seq)
            .map(|(s, e)| (s, e.clone()))
            .collect();
        // Off the screen, newest first; should one not come off, what came off goes back.
        let mut off: Vec<Applied> = Vec::new();
        let undos = later
            .iter()
            .rev()
            .filter_map(|(_, e)| e.shown.undo())
            .chain(std::iter::once(undo));
        for u in undos {
            match self.show(&u) {
                Ok(Some(a)) => off.push(a),
                Ok(None) => {}
                Err(_) => {
                    for a in off.iter().rev() {
                        let _ = self.show(&a.inverse());
                    }
                    return None;
                }
            }
        }
        let mut dropped = vec![entry.change];
        let mut kept: Vec<(u64, Entry)> = self
            .unsaved
            .iter()
            .filter(|(s, _)| *s < seq)
            .map(|(s, e)| (s, e.clone()))
            .collect();
        for (s, e) in later {
            if matches!(e.shown, Shown::Refused) {
                kept.push((s, e));
                continue;
            }
            match self.show_forced(&e.change) {
                Ok(Some(a)) => kept.push((
                    s,
                    Entry {
                        change: e.change,
                        shown: Shown::Exact(a),
                    },
                )),
                Ok(None) => {}
                Err(_) => dropped.push(e.change),
            }
        }
        self.unsaved.replace_all(kept);
        self.unsaved_changed();
        Some(dropped)
    }

    /// Changes a session that ended left unsaved (the recovery file), made again as the
    /// user's: each kept as it was written (a figure measured from the value the user saw
    /// then, so a figure someone saved since is asked about when saving), shown as on screen;
    /// one already in the file leaves nothing; one that no longer applies is kept in the list,
    /// not on screen, and returned as a conflict. Each done one is a step of its own.
    pub fn restore(&mut self, changes: Vec<Change>) -> (Vec<Done>, Replayed) {
        let mut out = Replayed::default();
        let mut done = Vec::new();
        for c in changes {
            if let Change::Figure { indikator, op } = &c
                && let Some((path, field)) = self.figure_at(&op.kode, *indikator, op.field)
            {
                let now = self.ws.node_at(&path).and_then(|n| field.get(n)).flatten();
                if now != op.old && now != op.new {
                    out.clashing += 1;
                }
            }
            match self.show_forced(&c) {
                Ok(Some(applied)) => {
                    let seq = self.record(c, applied.clone());
                    done.push(Done {
                        applied,
                        seq,
                        source: None,
                        reverse_source: None,
                    });
                }
                Ok(None) => out.already += 1,
                Err(why) => {
                    let seq = self.unsaved.push_refused(c.clone());
                    self.unsaved_one(seq);
                    out.refused.push((seq, c, why));
                }
            }
        }
        (done, out)
    }
}

/// What putting the unsaved entries back on screen found.
#[derive(Default)]
pub struct Replayed {
    /// Figures someone else changed too (saving will ask).
    pub clashing: usize,
    /// Changes the file already holds (left the list).
    pub already: usize,
    /// Changes that no longer apply: the entry, the change, why.
    pub refused: Vec<(u64, Change, Refusal)>,
}
