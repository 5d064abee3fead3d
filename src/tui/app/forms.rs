//! Forms and questions routed: a key into the form, each field checked again with the
//! session's rules, Enter making the changes as one step of the history (all or none; a
//! refusal stays in the form with its reason), Esc leaving with nothing changed; a removal's
//! question; the officers' list. And what follows another user's save for an open form: one
//! whose node is gone closes, saying so.

use super::{App, Mode};
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::form::{self, Form, FormOutcome, Key, Purpose};
use crate::tui::overlay::{OfficerList, OfficersOutcome, Question};

impl App {
    /// Opens a form (or says why it cannot open).
    pub(super) fn open_form(&mut self, form: Result<Form, String>) {
        match form {
            Ok(mut form) => {
                form.wrap = form::wrap_width(self.size.width);
                form::check::check(&mut form, &self.session, self.lang);
                self.mode = Mode::Form(Box::new(form));
            }
            Err(why) => self.error(why),
        }
    }

    pub(super) fn update_form(&mut self, form: Box<Form>, action: Action) {
        let lang = self.lang;
        let turned = matches!(action, Action::Left | Action::Right | Action::Toggle)
            && form.focused().is_some_and(|f| f.key == Key::Level);
        match form.update(action) {
            FormOutcome::Open(mut form) => {
                if turned {
                    form::check::level_changed(&mut form, &self.session);
                }
                form::check::check(&mut form, &self.session, lang);
                self.mode = Mode::Form(form);
            }
            FormOutcome::Cancelled => {
                self.info(lang.pick(
                    "Batal; tidak ada yang berubah.",
                    "Cancelled; nothing changed.",
                ));
            }
            FormOutcome::Submit(form) => self.submit_form(form),
        }
    }

    /// Text pasted while a field of text has the keys: into it, whole (a form's field, the
    /// figure being typed, the search).
    pub fn paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::Form(form) => {
                form.paste(text);
                form::check::check(form, &self.session, self.lang);
            }
            Mode::Editing(_) | Mode::Searching(_) => {
                for c in text.chars() {
                    self.update(Action::Input(tui_input::InputRequest::InsertChar(c)));
                }
            }
            _ => {}
        }
    }

    fn submit_form(&mut self, mut form: Box<Form>) {
        let lang = self.lang;
        form::check::check(&mut form, &self.session, lang);
        if form.has_errors() {
            form.focus_first_error();
            self.mode = Mode::Form(form);
            return;
        }
        let changes = match form::build::changes(&form, &self.session, lang) {
            Ok(c) => c,
            Err(why) => {
                form.error = Some(why);
                self.mode = Mode::Form(form);
                return;
            }
        };
        if changes.is_empty() {
            self.info(lang.pick("Tidak ada yang berubah.", "Nothing changed."));
            return;
        }
        let first = changes[0].clone();
        let count = changes.len();
        match self.make(changes) {
            Err(o) => {
                form.error = Some(super::notes::objection_text(&o, lang));
                self.mode = Mode::Form(form);
            }
            Ok(_) => self.after_form(&form, &first, count),
        }
    }

    /// What follows a form's changes: the node or indicator shown, and what was done said.
    fn after_form(&mut self, form: &Form, first: &crate::model::Change, count: usize) {
        let lang = self.lang;
        let mut text = crate::tui::labels::describe_change(first, true, lang);
        if count > 1 {
            text.push_str(&format!(
                " (+{} {})",
                count - 1,
                lang.pick("perubahan lagi", "more change(s)")
            ));
        }
        match &form.purpose {
            Purpose::AddNode { .. } => {
                let kode = form.text(Key::Kode).to_string();
                self.focus = crate::tui::app::Focus::Tree;
                self.tree.reveal(&self.session, &kode);
                self.detail.first_row();
            }
            Purpose::Recode { .. } => {
                let kode = form.text(Key::Kode).to_string();
                self.tree.reveal(&self.session, &kode);
            }
            Purpose::MoveUnder { kode } => {
                let now = match form.text(Key::Kode) {
                    "" => kode.clone(),
                    new => new.to_string(),
                };
                self.tree.reveal(&self.session, &now);
            }
            Purpose::Indicator { kode, id: None } => {
                let row = self
                    .session
                    .node(kode)
                    .map_or(0, |n| n.indikator.len().saturating_sub(1));
                let column = self.session.quarter().number() as usize;
                let grid = crate::tui::detail::Grid::of(self.selected_node());
                self.detail.set_cell((row, column), grid);
            }
            // The parts of an explanation changed, in a line: the texts can be long.
            Purpose::Note { kode, tw, .. } => {
                text = format!(
                    "{} {} {}: {count} {} · {}",
                    lang.pick("Penjelasan", "Explanation"),
                    crate::locale::quarter(*tw, lang),
                    visible(kode),
                    lang.pick("bagian diubah", "part(s) changed"),
                    lang.pick(
                        "u mengurungkan; s menyimpan ke berkas",
                        "u undoes it; s saves it to the file"
                    )
                );
            }
            _ => {}
        }
        self.info(text);
    }

    pub(super) fn answer_question(&mut self, q: Question) {
        let lang = self.lang;
        let first = q.changes.first().cloned();
        match self.make(q.changes) {
            Ok(_) => {
                if let Some(kode) = &q.then {
                    self.tree.reveal(&self.session, kode);
                }
                if let Some(c) = first {
                    let text = format!(
                        "{} · {}",
                        crate::tui::labels::describe_change(&c, true, lang),
                        lang.pick("u mengurungkan", "u undoes it")
                    );
                    self.info(text);
                }
            }
            Err(o) => self.error(visible(&crate::locale::objection(&o, lang)).into_owned()),
        }
    }

    pub(super) fn update_officers(&mut self, list: OfficerList, action: Action) {
        let lang = self.lang;
        let len = self.session.ws().pejabat.len();
        match list.update(action, len) {
            OfficersOutcome::Open(list) => self.mode = Mode::Officers(list),
            OfficersOutcome::Close => {}
            OfficersOutcome::Quit => self.quit_asked(),
            OfficersOutcome::Add(list) => {
                self.officers_return = Some(list);
                let form = form::open::officer_details(&self.session, None, lang);
                self.open_form(form);
            }
            OfficersOutcome::Edit(list, i) => {
                self.officers_return = Some(list);
                let id = self.session.ws().pejabat[i].id.clone();
                let form = form::open::officer_details(&self.session, Some(&id), lang);
                self.open_form(form);
            }
            OfficersOutcome::Remove(list, i) => {
                self.officers_return = Some(list);
                let o = self.session.ws().pejabat[i].clone();
                let uses = self.session.officer_uses(&o.id);
                if uses > 0 {
                    let form = form::open::remove_officer(&self.session, &o.id, lang);
                    self.open_form(form);
                    if let Mode::Form(f) = &mut self.mode {
                        f.error = None;
                        if let Some(field) = f.field_mut(Key::Reassign) {
                            field.note = Some(format!(
                                "{uses} {}",
                                lang.pick(
                                    "node/indikator masih menyebutnya penanggung jawab",
                                    "node(s)/indicator(s) still name this officer"
                                )
                            ));
                        }
                    }
                } else {
                    self.mode = Mode::Question(Box::new(Question {
                        title: lang.pick("Hapus pejabat?", "Remove the officer?").into(),
                        lines: vec![format!(
                            "{} ({}{})",
                            visible(&o.nama),
                            visible(&o.jabatan),
                            if o.nip.is_empty() {
                                String::new()
                            } else {
                                format!(", NIP {}", visible(&o.nip))
                            }
                        )],
                        changes: vec![crate::model::Change::OfficerRemove {
                            officer: o,
                            at: None,
                        }],
                        then: None,
                        about: None,
                    }));
                }
            }
        }
    }

    /// The workspace changed under an open form or question (another user's save, a dropped
    /// change): one whose node, indicator or officer is gone closes, saying so, with nothing
    /// changed; one still there is checked again (a code someone took meanwhile).
    pub(super) fn forms_follow(&mut self) {
        let lang = self.lang;
        // A figure being typed into a cell that went: closed at once, the text typed said.
        if let Mode::Editing(e) = &self.mode {
            if !self.cell_still_there(&e.kode, e.field, e.indicator) {
                let (kode, typed) = (e.kode.clone(), e.input.value().to_string());
                self.mode = Mode::Browse;
                self.cell_gone(&kode, &typed);
            }
            return;
        }
        let gone = match &self.mode {
            Mode::Form(f) => match &f.purpose {
                Purpose::AddNode {
                    parent: Some(k), ..
                }
                | Purpose::Rename { kode: k }
                | Purpose::Recode { kode: k }
                | Purpose::MoveUnder { kode: k }
                | Purpose::Budget { kode: k }
                | Purpose::Officer { kode: k }
                | Purpose::Indicator { kode: k, id: None } => {
                    self.session.node(k).is_none().then(|| k.clone())
                }
                Purpose::Indicator { kode, id: Some(id) } | Purpose::Note { kode, id, .. } => self
                    .session
                    .node(kode)
                    .is_none_or(|n| !n.indikator.iter().any(|i| i.id == *id))
                    .then(|| kode.clone()),
                Purpose::OfficerDetails { id: Some(id) } | Purpose::RemoveOfficer { id } => {
                    self.session.ws().officer(id).is_none().then(|| id.clone())
                }
                _ => None,
            },
            Mode::Question(q) => q
                .about
                .as_deref()
                .filter(|k| self.session.node(k).is_none())
                .map(str::to_string),
            _ => return,
        };
        match gone {
            Some(what) => {
                self.mode = Mode::Browse;
                self.error(format!(
                    "«{}» {}",
                    visible(&what),
                    lang.pick(
                        "dihapus atau diganti kodenya oleh simpanan pengguna lain; formulir ditutup, tidak ada yang berubah",
                        "was removed or recoded by another user's save; the form is closed, nothing changed"
                    )
                ));
            }
            None => {
                if let Mode::Form(f) = &mut self.mode {
                    form::check::check(f, &self.session, lang);
                }
            }
        }
    }
}
