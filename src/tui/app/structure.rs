//! The keys that change the tree and what hangs on it: on a node, add a child or a sibling,
//! rename, change its kode, move it up, down or under another parent, remove it (asking
//! first), its budget, its penanggung jawab; in the detail, add, edit or remove an
//! indicator. Each opens a form or a question, or (moving up and down) makes its change at
//! once; every change is one step of the undo history.

use super::{App, Focus, Mode};
use crate::locale;
use crate::model::{Change, Place};
use crate::rules::removal;
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::form::open;
use crate::tui::overlay::Question;

impl App {
    pub(super) fn structure_key(&mut self, action: Action) {
        let lang = self.lang;
        let selected = self.tree.selected_row().map(|r| r.kode.clone());
        let Some(kode) = selected else {
            // An empty tree: only a root can be added.
            match action {
                Action::AddChild | Action::AddSibling => {
                    let form = open::add_node(&self.session, None, None, lang);
                    self.open_form(form);
                }
                _ => self.info(lang.pick(
                    "Pohon masih kosong: tekan a untuk menambah Visi (atau tingkat lain di akar).",
                    "The tree is empty: press a to add a Visi (or another level at the root).",
                )),
            }
            return;
        };
        match action {
            Action::AddChild => {
                let form = open::add_node(&self.session, Some(&kode), None, lang);
                self.open_form(form);
            }
            Action::AddSibling => {
                let Some((parent, at)) = self.session.place_of(&kode) else {
                    return;
                };
                let form = open::add_node(&self.session, parent.as_deref(), Some(at + 1), lang);
                self.open_form(form);
            }
            Action::Rename => {
                let form = open::rename(&self.session, &kode, lang);
                self.open_form(form);
            }
            Action::Recode => {
                let form = open::recode(&self.session, &kode, lang);
                self.open_form(form);
            }
            Action::MoveUnder => {
                let form = open::move_under(&self.session, &kode, lang);
                self.open_form(form);
            }
            Action::MoveUp | Action::MoveDown => self.move_among_siblings(&kode, action),
            Action::Budget => {
                let form = open::budget(&self.session, &kode, lang);
                self.open_form(form);
            }
            Action::AssignOfficer => {
                let form = open::officer(&self.session, &kode, lang);
                self.open_form(form);
            }
            Action::AddIndicator => {
                let form = open::indicator(&self.session, &kode, None, lang);
                self.open_form(form);
            }
            Action::EditIndicator => {
                let row = self.detail.cell().0;
                let form = open::indicator(&self.session, &kode, Some(row), lang);
                self.open_form(form);
            }
            Action::Delete if self.focus == Focus::Detail => self.ask_remove_indicator(&kode),
            Action::Delete => self.ask_remove_node(&kode),
            _ => {}
        }
    }

    fn move_among_siblings(&mut self, kode: &str, action: Action) {
        let lang = self.lang;
        let Some((parent, at)) = self.session.place_of(kode) else {
            return;
        };
        let len = self.session.children_count(parent.as_deref());
        let to = match action {
            Action::MoveUp => at.checked_sub(1),
            _ => Some(at + 1).filter(|t| *t < len),
        };
        let Some(to) = to else {
            self.info(format!(
                "«{}» {}",
                visible(kode),
                if action == Action::MoveUp {
                    lang.pick("sudah paling atas", "is already the first")
                } else {
                    lang.pick("sudah paling bawah", "is already the last")
                }
            ));
            return;
        };
        let change = Change::NodeMove {
            kode: kode.to_string(),
            from: Place {
                parent: parent.clone(),
                at,
            },
            to: Place { parent, at: to },
            new_kode: None,
        };
        match self.make(vec![change]) {
            Ok(_) => {
                self.tree.reveal(&self.session, kode);
                self.info(format!(
                    "{} {} {}",
                    lang.pick("Dipindah ke urutan", "Moved to position"),
                    to + 1,
                    lang.pick("· u mengurungkan", "· u undoes it")
                ));
            }
            Err(o) => self.error(visible(&locale::objection(&o, lang)).into_owned()),
        }
    }

    fn ask_remove_node(&mut self, kode: &str) {
        let lang = self.lang;
        let Some(node) = self.session.node(kode) else {
            return;
        };
        let r = removal::of_node(self.session.ws(), node);
        let title = format!(
            "{} {}?",
            lang.pick("Hapus", "Remove"),
            open::titled(node, lang)
        );
        let lines = vec![
            format!("«{}»", visible(&node.nama)),
            format!(
                "{} {}",
                lang.pick("Ikut terhapus:", "Goes with it:"),
                locale::removal(&r, lang)
            ),
        ];
        let change = Change::NodeRemove {
            node: node.clone(),
            force: true,
            place: None,
            pk: Vec::new(),
        };
        self.mode = Mode::Question(Box::new(Question {
            title,
            lines,
            changes: vec![change],
            then: self.session.parent_of(kode),
            about: Some(kode.to_string()),
        }));
    }

    fn ask_remove_indicator(&mut self, kode: &str) {
        let lang = self.lang;
        let row = self.detail.cell().0;
        let Some(node) = self.session.node(kode) else {
            return;
        };
        let Some(ind) = node.indikator.get(row) else {
            self.info(lang.pick(
                "Pilih indikator di rincian dulu (baris anggaran bukan indikator).",
                "Pick an indicator in the detail first (the budget row is not one).",
            ));
            return;
        };
        let Some(r) = removal::of_indicator_in(self.session.ws(), node, row) else {
            return;
        };
        let title = format!(
            "{} {} {} {}?",
            lang.pick("Hapus indikator", "Remove indicator"),
            row + 1,
            lang.pick("pada", "of"),
            open::titled(node, lang)
        );
        let lines = vec![
            format!("«{}» ({})", visible(&ind.nama), visible(&ind.satuan)),
            format!(
                "{} {}",
                lang.pick("Ikut terhapus:", "Goes with it:"),
                locale::removal(&r, lang)
            ),
        ];
        let change = Change::IndicatorRemove {
            kode: kode.to_string(),
            indicator: ind.clone(),
            force: true,
            at: None,
            pk: Vec::new(),
        };
        self.mode = Mode::Question(Box::new(Question {
            title,
            lines,
            changes: vec![change],
            then: Some(kode.to_string()),
            about: Some(kode.to_string()),
        }));
    }
}
