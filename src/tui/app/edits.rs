//! Changes made from the keys: a figure typed into a cell (started, accepted), any list of
//! changes as one step of the history ([`App::make`]), and undo and redo of a step.

use super::{App, Mode};
use crate::model::Field;
use crate::tui::editor::{self, Editor};
use rust_decimal::Decimal;

impl App {
    /// Changes one figure as a user would: held to the rules, recorded for undo, everything
    /// recomputed. Whether it changed.
    pub fn set_figure(&mut self, kode: &str, field: Field, new: Option<Decimal>) -> bool {
        let old = self.session.value(kode, field);
        if old == new {
            return false;
        }
        let Some(change) = self.session.figure_change(kode, field, new) else {
            return false;
        };
        self.make(vec![change]).is_ok()
    }

    /// The user's changes, held to the rules and applied as one step of the history (all or
    /// none); the tree follows what they reshaped.
    pub fn make(
        &mut self,
        changes: Vec<crate::model::Change>,
    ) -> Result<usize, crate::model::Objection> {
        let done = self.session.make(changes);
        self.follow_reshape();
        let done = done?;
        let n = done.len();
        self.history.record(done);
        Ok(n)
    }

    /// Undo (`forward = false`) or redo the last step, and show where it happened.
    pub(super) fn step_history(&mut self, forward: bool) {
        let lang = self.lang;
        let Some(step) = self.history.take(forward) else {
            self.info(if forward {
                lang.pick("Tidak ada yang bisa diulang.", "Nothing to redo.")
            } else {
                lang.pick("Tidak ada yang bisa diurungkan.", "Nothing to undo.")
            });
            return;
        };
        let last = step.last().map(|d| d.applied.clone());
        let more = step.len().saturating_sub(1);
        let result = self.session.reverse(step);
        self.follow_reshape();
        let back = match result {
            Ok(back) => back,
            Err(why) => {
                // Another user's save changed what it was about: it cannot be taken back as it
                // was, and leaves the history.
                self.error(format!(
                    "{} {}",
                    if forward {
                        lang.pick("Tidak dapat diulang:", "Cannot redo:")
                    } else {
                        lang.pick("Tidak dapat diurungkan:", "Cannot undo:")
                    },
                    crate::text::visible(&crate::locale::refusal(&why, lang)).into_owned()
                ));
                return;
            }
        };
        let label = if forward {
            lang.pick("Diulang:", "Redone:")
        } else {
            lang.pick("Diurungkan:", "Undone:")
        };
        // The change the user made (a redo's step holds what undid it).
        let made = last.map(|a| {
            if forward {
                a.inverse()
            } else {
                a.into_change()
            }
        });
        if let Some(made) = made {
            let mut text = format!(
                "{label} {}",
                crate::tui::labels::describe_change(&made, forward, lang)
            );
            if more > 0 {
                text.push_str(&format!(
                    " (+{more} {})",
                    lang.pick("perubahan lagi", "more change(s)")
                ));
            }
            self.info(text);
            let at = if forward {
                crate::tui::labels::after_at(&made)
            } else {
                crate::tui::labels::before_at(&made)
            };
            if let Some(kode) = at {
                self.tree.reveal(&self.session, &kode);
            }
        }
        self.history.done(back, forward);
    }

    pub(super) fn start_edit(&mut self) {
        let (Some(node), Some(field)) = (self.selected_node(), self.current_field()) else {
            self.info(self.lang.pick(
                "Node ini tidak punya angka untuk diubah.",
                "This node has no figures to edit.",
            ));
            return;
        };
        // One rule for every front-end: what may be typed where.
        if let Err(why) = crate::rules::editable(node, field) {
            let text = crate::locale::edit_refusal(&why, self.lang);
            self.error(text);
            return;
        }
        let unit = field
            .indicator()
            .and_then(|i| node.indikator.get(i))
            .map(|ind| ind.satuan.clone());
        let indicator = field
            .indicator()
            .and_then(|i| node.indikator.get(i))
            .map(|ind| ind.id);
        let kode = node.kode.clone();
        if self.refuse_locked(field) {
            return;
        }
        let value = self.session.value(&kode, field);
        let mut editor = Editor::new(kode, field, value, unit);
        editor.indicator = indicator;
        self.mode = Mode::Editing(editor);
    }

    /// Whether the cell a figure is being typed into is still there: its node under that
    /// kode, and (for an indicator's figure) the same indicator at that position.
    pub(super) fn cell_still_there(
        &self,
        kode: &str,
        field: Field,
        indicator: Option<crate::model::IndicatorId>,
    ) -> bool {
        let Some(node) = self.session.node(kode) else {
            return false;
        };
        match field.indicator() {
            Some(i) => node.indikator.get(i).map(|ind| ind.id) == indicator,
            None => true,
        }
    }

    /// Said when the cell a figure was typed into went with another user's save: the figure
    /// typed, so it can be typed again where it belongs; nothing changed.
    pub(super) fn cell_gone(&mut self, kode: &str, typed: &str) {
        let lang = self.lang;
        self.error(format!(
            "«{}» {} «{}» {}",
            crate::text::visible(kode),
            lang.pick(
                "atau indikatornya dihapus, dipindah atau diganti kodenya oleh simpanan pengguna lain; angka",
                "or its indicator was removed, moved or recoded by another user's save; the figure"
            ),
            crate::text::visible(typed),
            lang.pick("tidak dicatat", "was not recorded"),
        ));
    }

    /// A figure typed and accepted.
    pub(super) fn accept(
        &mut self,
        kode: String,
        field: Field,
        indicator: Option<crate::model::IndicatorId>,
        value: Option<Decimal>,
    ) {
        if !self.cell_still_there(&kode, field, indicator) {
            let typed = value
                .map(crate::locale::figure)
                .unwrap_or_else(|| "—".into());
            self.cell_gone(&kode, &typed);
            return;
        }
        let edit = crate::model::Op {
            old: self.session.value(&kode, field),
            kode,
            field,
            new: value,
        };
        let Some(change) = self.session.figure_change(&edit.kode, field, value) else {
            return;
        };
        if edit.old == edit.new {
            self.info(self.lang.pick(
                "Angka sama; tidak ada perubahan.",
                "Same figure; nothing changed.",
            ));
            return;
        }
        if let Err(o) = self.make(vec![change]) {
            let text = super::notes::objection_text(&o, self.lang);
            self.error(text);
            return;
        }
        let node = self.session.node(&edit.kode);
        let text = editor::accepted(
            &edit,
            node,
            self.session.quarter(),
            &self.session.ws().pengaturan,
            self.lang,
        );
        self.info(text);
    }
}
