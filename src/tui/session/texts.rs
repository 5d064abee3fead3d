//! The answers to a clash of an explanation's text (faktor pendorong, penghambat, tindak
//! lanjut) that this user and someone else both changed — as a figure's are answered: keep
//! mine (the entry now expects the file's text, so the save writes mine over it knowingly)
//! or take theirs (the file's text on screen too; the entry then sets what the file holds and
//! the save lets it go).

use super::Session;
use super::unsaved::Shown;
use crate::model::{Change, Edit, NoteAttr};

/// The text edit a change of an explanation holds, to read or change.
fn text_edit(c: &mut Change) -> Option<&mut Edit<String>> {
    match c {
        Change::Note {
            attr: NoteAttr::Pendorong(e) | NoteAttr::Penghambat(e) | NoteAttr::TindakLanjut(e),
            ..
        } => Some(e),
        _ => None,
    }
}

impl Session {
    /// Keep this user's text of unsaved entry `seq` over `theirs`, the file's.
    pub fn keep_mine_text(&mut self, seq: u64, theirs: &str) {
        let Some(entry) = self.unsaved.get_mut(seq) else {
            return;
        };
        let Some(e) = text_edit(&mut entry.change) else {
            return;
        };
        e.old = theirs.to_string();
        // Refused when another user's save came in: on screen again, now that it fits.
        if matches!(entry.shown, Shown::Refused) {
            let change = entry.change.clone();
            if let Ok(Some(applied)) = self.show(&change)
                && let Some(entry) = self.unsaved.get_mut(seq)
            {
                entry.shown = Shown::Exact(applied);
            }
        }
        self.unsaved_one(seq);
    }

    /// Take the file's text `theirs` for unsaved entry `seq`.
    pub fn take_theirs_text(&mut self, seq: u64, theirs: &str) {
        let Some(entry) = self.unsaved.get(seq) else {
            return;
        };
        let mut change = entry.change.clone();
        if matches!(entry.shown, Shown::Refused) {
            // Not on screen: the screen shows theirs already; the entry goes.
            self.drop_change(seq);
            return;
        }
        let Some(e) = text_edit(&mut change) else {
            return;
        };
        // From what the screen shows (this user's text) to theirs; merged into the entry.
        e.old = std::mem::take(&mut e.new);
        e.new = theirs.to_string();
        if let Ok(Some(applied)) = self.show(&change) {
            self.record(change, applied);
        }
    }
}
