//! The keys that start file work on the worker (save, export, the journal, quitting while a
//! save is under way), and what the app does with the worker's reports: each outcome routed to
//! the components it concerns.

use super::{App, Mode, View};
use crate::tui::message::Message;
use crate::tui::overlay::{Conflicts, Journal};
use crate::tui::session::{DiskCheck, Outcome};
use crate::tui::worker::Product;
use std::time::{Duration, Instant};

impl App {
    pub(super) fn save(&mut self) {
        if let Some(message) = self.session.save() {
            if matches!(message, Message::Error(_)) {
                self.quit_after_save = false;
            }
            self.message = Some(message);
        }
    }

    /// `x` (the LKjIP tables) or `X` (the meeting pack): written on the worker into the
    /// export folder.
    pub(super) fn export(&mut self, product: Product, format: crate::export::Format) {
        let dir = self.export_folder();
        if let Some(message) = self.session.export(dir, product, format) {
            self.message = Some(message);
        }
    }

    /// `L`: the journal of the node in view — the tree's selection, or on the dashboard the
    /// node of the red-list row selected.
    pub(super) fn show_journal(&mut self) {
        let kode = match self.view {
            View::Dashboard => self
                .session
                .attention_rows(self.dashboard.selected(), 1)
                .pop()
                .map(|row| row.at.kode),
            View::Tree => self.tree.selected_row().map(|r| r.kode.clone()),
        };
        let Some(kode) = kode else {
            return;
        };
        match self.session.request_journal(&kode) {
            Some(message) => self.message = Some(message),
            None => self.journal_wanted = Some(kode),
        }
    }

    /// `q`: quits, asks first with unsaved changes, or waits for a save under way (a second
    /// `q` stops a save that waits for the lock).
    pub(super) fn quit_asked(&mut self) {
        if self.session.writing() {
            if self.quit_after_save {
                self.session.cancel_save();
                self.info(self.lang.pick(
                    "Berhenti menunggu kunci…",
                    "Stopping the wait for the lock…",
                ));
            } else {
                // The status line says it, with the save's progress.
                self.quit_after_save = true;
            }
        } else if self.session.is_dirty() {
            self.mode = Mode::ConfirmQuit;
        } else {
            self.quit = true;
        }
    }

    /// Whether a job is on the worker (the event loop then looks at its reports often).
    pub fn busy(&self) -> bool {
        self.session.busy() || self.import_job.is_some()
    }

    /// Takes what the worker reported since, without waiting. Returns whether anything
    /// changed on screen.
    pub fn receive(&mut self) -> bool {
        let outcomes = self.session.receive(None, self.may_reload());
        let imported = self.receive_import(None);
        self.follow(outcomes) || imported
    }

    /// Waits until the worker has nothing left to do (taking each report as it comes), or
    /// `timeout` has passed; returns whether it is idle.
    pub fn settle(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        if !self.settle_import(timeout) {
            return false;
        }
        while self.session.busy() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            let outcomes = self.session.receive(Some(left), self.may_reload());
            self.follow(outcomes);
        }
        true
    }

    /// Looks at the file for another user's save (read on the worker). Returns whether
    /// anything changed on screen or a reload started.
    pub fn check_disk(&mut self) -> bool {
        match self.session.check_disk(self.may_reload()) {
            DiskCheck::Same => false,
            DiskCheck::Gone(message) => {
                self.message = Some(message);
                true
            }
            DiskCheck::Reloading => true,
        }
    }

    /// Another user's save may be loaded unless a conflict is being (or about to be) answered:
    /// the answers refer to the file as the save found it.
    fn may_reload(&self) -> bool {
        !matches!(self.mode, Mode::Conflicts(_)) && self.conflicts_waiting.is_none()
    }

    fn follow(&mut self, outcomes: Vec<Outcome>) -> bool {
        if outcomes.is_empty() {
            return false;
        }
        for outcome in outcomes {
            match outcome {
                Outcome::Progress => {}
                Outcome::Saved {
                    merged,
                    message,
                    conflicts,
                } => {
                    self.message = Some(message);
                    if merged {
                        self.workspace_replaced();
                    }
                    if let Some(c) = Conflicts::new(conflicts, false) {
                        self.quit_after_save = false;
                        self.conflicts_waiting = Some(c);
                    }
                    self.landed();
                }
                Outcome::Exported(message) => {
                    self.message = Some(message);
                    self.landed();
                }
                Outcome::Conflicts { list, message } => {
                    self.message = Some(message);
                    self.quit_after_save = false;
                    if let Some(c) = Conflicts::new(list, true) {
                        self.conflicts_waiting = Some(c);
                    }
                }
                Outcome::Failed(message) => {
                    self.message = Some(message);
                    self.quit_after_save = false;
                }
                Outcome::Notice(message) => self.message = Some(message),
                Outcome::Reloaded { message, conflicts } => {
                    self.message = Some(message);
                    self.workspace_replaced();
                    if let Some(c) = Conflicts::new(conflicts, false) {
                        self.conflicts_waiting = Some(c);
                    }
                }
                Outcome::Journal { kode, entries } => {
                    // Shown only if it is still the one asked for last and nothing else
                    // took the keys meanwhile.
                    let wanted = self.journal_wanted.take_if(|k| *k == kode).is_some();
                    if matches!(self.mode, Mode::Browse) && wanted {
                        self.mode = Mode::History(Journal {
                            kode,
                            entries,
                            scroll: Default::default(),
                        });
                    }
                }
            }
        }
        self.settle_view();
        true
    }

    /// Another user's save is now on screen: the rows and the search again (what the
    /// changes put back reshaped is in the rows already).
    fn workspace_replaced(&mut self) {
        self.session.take_reshaped();
        self.search.refresh(self.session.ws());
        self.tree.rebuild(&self.session);
        self.forms_follow();
    }

    /// A save or an export landed: quit if that was waited for.
    fn landed(&mut self) {
        if !self.quit_after_save || self.session.writing() {
            return;
        }
        self.quit_after_save = false;
        if !self.session.is_dirty() {
            self.quit = true;
        } else if matches!(self.mode, Mode::Browse) {
            self.mode = Mode::ConfirmQuit;
        }
    }
}

impl App {
    /// The tree pane follows what the last changes reshaped.
    pub(super) fn follow_reshape(&mut self) {
        let work = self.session.take_reshaped();
        for w in &work {
            if let crate::tui::session::Reshape::Recoded(pairs) = w {
                self.search.recoded(pairs);
            }
        }
        self.tree.follow(&self.session, work);
    }

    /// One conflict answered: the user's figure kept over the file's, the file's taken, or
    /// the change dropped (said, with what went with it).
    pub(super) fn answer_conflict(&mut self, answer: crate::tui::overlay::Answer) {
        use crate::tui::overlay::Choice;
        let lang = self.lang;
        let Some(seq) = answer.seq else { return };
        match answer.choice {
            Choice::KeepMine => {
                let theirs = answer.conflict.figure().map(|f| f.theirs);
                if let Some(theirs) = theirs {
                    self.session.keep_mine_at(seq, theirs);
                }
                if let Some(clash) = crate::tui::overlay::text_clash(&answer.conflict) {
                    self.session.keep_mine_text(seq, &clash.theirs);
                }
            }
            Choice::TakeTheirs => {
                if let Some(f) = answer.conflict.figure() {
                    self.session.take_theirs_at(seq, f.theirs);
                    self.follow_reshape();
                }
                if let Some(clash) = crate::tui::overlay::text_clash(&answer.conflict) {
                    self.session.take_theirs_text(seq, &clash.theirs);
                }
            }
            Choice::DropMine => {
                let dropped = self.session.drop_change(seq);
                self.follow_reshape();
                match dropped {
                    Some(list) => {
                        let first = list
                            .first()
                            .map(|c| crate::tui::labels::describe_change(c, true, lang))
                            .unwrap_or_default();
                        let mut text = format!("{} {first}", lang.pick("Dibuang:", "Dropped:"));
                        if list.len() > 1 {
                            text.push_str(&format!(
                                " ({} {} {})",
                                lang.pick("juga", "and"),
                                list.len() - 1,
                                lang.pick(
                                    "perubahan yang bergantung padanya",
                                    "change(s) that depended on it"
                                )
                            ));
                        }
                        self.info(text);
                    }
                    None => self.error(lang.pick(
                        "Perubahan ini tidak dapat dilepas dari layar; tidak ada yang dibuang.",
                        "This change cannot be taken off the screen; nothing dropped.",
                    )),
                }
                self.forms_follow();
            }
        }
    }
}
