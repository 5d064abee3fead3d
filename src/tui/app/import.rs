//! `I` routed (see `tui::import` for the design): the form opened with what was asked last,
//! its Enter looking at the file and starting the reading off the key path, the result
//! opening the preview box (or a read error back in the form, in one line), the box's keys —
//! scroll, Enter to apply after the file is read again, Esc to leave with nothing changed —
//! and the changes made as one step of the history, with the file as their source.

use super::{App, Mode};
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::form::{Form, FormOutcome};
use crate::tui::import::job::{Job, Polled};
use crate::tui::import::{self, Planned, PreviewBox};
use crate::tui::overlay::BoxOutcome;
use std::time::{Duration, Instant};

impl App {
    /// `I`: the import's form.
    pub(super) fn open_import(&mut self) {
        self.import_job = None;
        let mut form = import::form(&self.import_last, self.lang);
        crate::tui::form::check::check(&mut form, &self.session, self.lang);
        self.mode = Mode::Form(Box::new(form));
    }

    /// A key in the import's form.
    pub(super) fn update_import_form(&mut self, form: Box<Form>, action: Action) {
        let lang = self.lang;
        match form.update(action) {
            FormOutcome::Open(form) => {
                let mut form = form;
                crate::tui::form::check::check(&mut form, &self.session, lang);
                self.mode = Mode::Form(form);
            }
            FormOutcome::Cancelled => {
                self.import_job = None;
                self.info(lang.pick(
                    "Impor batal; tidak ada yang berubah.",
                    "Import cancelled; nothing changed.",
                ));
            }
            FormOutcome::Submit(mut form) => {
                if self.import_job.is_some() {
                    // Still reading: the result opens the preview.
                    self.mode = Mode::Form(form);
                    return;
                }
                self.import_last = import::last_of(&form);
                let cwd = std::env::current_dir().unwrap_or_default();
                match import::request(&self.import_last, self.home.as_deref(), &cwd, lang) {
                    Err(why) => form.error = Some(why),
                    Ok(request) => {
                        form.error = None;
                        form.title = import::title(lang, true);
                        self.start_import(request, false);
                    }
                }
                self.mode = Mode::Form(form);
            }
        }
    }

    fn start_import(&mut self, request: import::Request, confirm: bool) {
        let ws = self.session.ws().clone();
        self.import_job = Some(Job::start(confirm, ws, request, self.lang));
    }

    /// Takes the import's result if it is there (waiting up to `wait` when given). Returns
    /// whether anything changed on screen.
    pub(super) fn receive_import(&mut self, wait: Option<Duration>) -> bool {
        let Some(job) = &self.import_job else {
            return false;
        };
        let Polled::Done(result) = job.poll(wait) else {
            return false;
        };
        let confirm = job.confirm;
        self.import_job = None;
        let lang = self.lang;
        match (std::mem::replace(&mut self.mode, Mode::Browse), confirm) {
            (Mode::Form(mut form), false) if form.purpose == crate::tui::form::Purpose::Import => {
                form.title = import::title(lang, false);
                match result {
                    Ok(planned) => {
                        self.mode = Mode::ImportPreview(Box::new(PreviewBox::new(planned)));
                    }
                    Err(why) => {
                        form.error = Some(why);
                        self.mode = Mode::Form(form);
                    }
                }
            }
            (Mode::ImportPreview(mut b), true) => {
                b.confirming = false;
                match result {
                    Err(why) => {
                        self.mode = Mode::ImportPreview(b);
                        self.error(why);
                    }
                    // Compared as the user saw them: every change is a line with its old and
                    // new value (an indicator created gets a new random id each time).
                    Ok(again) if again.lines == b.planned.lines && again.is_clean() => {
                        self.apply_import(again);
                    }
                    Ok(again) => {
                        b.planned = again;
                        b.changed = true;
                        b.scroll = Default::default();
                        self.mode = Mode::ImportPreview(b);
                        self.error(lang.pick(
                            "Berkas atau workspace berubah sejak pratinjau: inilah pratinjau baru; belum ada yang diterapkan.",
                            "The file or the workspace changed since the preview: this is the new one; nothing applied yet.",
                        ));
                    }
                }
            }
            // Closed meanwhile (or another box took the keys): the result is let go.
            (other, _) => self.mode = other,
        }
        self.settle_view();
        true
    }

    /// Waits up to `timeout` for the import being read; whether none is.
    pub(super) fn settle_import(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while self.import_job.is_some() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            self.receive_import(Some(left));
        }
        true
    }

    /// A key in the preview box.
    pub(super) fn update_import_preview(&mut self, mut b: Box<PreviewBox>, action: Action) {
        let lang = self.lang;
        match action {
            Action::Confirm if b.confirming => {
                self.mode = Mode::ImportPreview(b);
            }
            Action::Confirm if !b.planned.is_clean() => {
                let n = b.planned.problems;
                self.mode = Mode::ImportPreview(b);
                self.error(format!(
                    "{n} {}",
                    lang.pick(
                        "masalah dalam berkas: tidak dapat diterapkan; perbaiki berkasnya lalu impor lagi (Esc)",
                        "problem(s) in the file: cannot be applied; fix the file and import again (Esc)"
                    )
                ));
            }
            Action::Confirm if b.planned.changes.is_empty() => {
                self.info(lang.pick(
                    "Tidak ada yang berubah: setiap angka di berkas sudah sama.",
                    "Nothing changes: every figure in the file is already so.",
                ));
            }
            Action::Confirm => {
                b.confirming = true;
                let request = b.planned.request.clone();
                self.mode = Mode::ImportPreview(b);
                self.start_import(request, true);
            }
            Action::ShowAll => {
                b.all = !b.all;
                b.scroll = Default::default();
                self.mode = Mode::ImportPreview(b);
            }
            Action::Cancel => {
                self.import_job = None;
                self.info(lang.pick(
                    "Impor batal; tidak ada yang berubah.",
                    "Import cancelled; nothing changed.",
                ));
            }
            other => {
                let (len, page) = crate::tui::view::import_extent(self, &b);
                match b.scroll.update(other, len, page) {
                    BoxOutcome::Quit => self.quit_asked(),
                    _ => self.mode = Mode::ImportPreview(b),
                }
            }
        }
    }

    /// The plan's changes made, as one step of the history, with the file as their source.
    fn apply_import(&mut self, planned: Planned) {
        let lang = self.lang;
        let source: std::sync::Arc<str> = planned.request.source().into();
        let first = planned
            .changes
            .iter()
            .find_map(|c| c.kode().map(str::to_string));
        let done = self.session.make_from(planned.changes, Some(source));
        self.follow_reshape();
        match done {
            Err(o) => {
                self.error(format!(
                    "{} {}",
                    lang.pick(
                        "Impor tidak diterapkan, tidak ada yang berubah:",
                        "Import not applied, nothing changed:"
                    ),
                    visible(&crate::locale::objection(&o, lang))
                ));
            }
            Ok(done) => {
                self.history.record(done);
                self.search.refresh(self.session.ws());
                if let Some(kode) = first {
                    self.tree.reveal(&self.session, &kode);
                }
                let created = if planned.created_nodes + planned.created_indicators > 0 {
                    format!(
                        ", {} node {} {} {}",
                        planned.created_nodes,
                        lang.pick("dan", "and"),
                        planned.created_indicators,
                        lang.pick("indikator dibuat", "indicator(s) created")
                    )
                } else {
                    String::new()
                };
                self.info(format!(
                    "{} {} {} {}{created} · {}",
                    lang.pick("Diimpor dari", "Imported from"),
                    planned.request.file_name(),
                    planned.figures,
                    lang.pick("angka", "figure(s)"),
                    lang.pick(
                        "belum disimpan: s menyimpan, u mengurungkan",
                        "unsaved: s saves, u undoes"
                    )
                ));
            }
        }
    }
}
