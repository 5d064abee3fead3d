//! The keys of issue 14: the explanation of the selected quarter opened in a form (from the
//! detail, on the indicator under the cursor, or from the dashboard's red list), and a quarter
//! locked as verified (`V`: at once, undoable with `u` until saved) or opened again (`V` on a
//! locked quarter: a form asks why). A figure of a locked quarter is refused before it is
//! typed, saying who locked it and when; the library refuses it again on the way in (a form's
//! plan, another user's lock meanwhile).

use super::{App, Focus, View};
use crate::locale::{self, Lang};
use crate::model::{Change, Objection, Quarter, Refusal, Verification};
use crate::text::visible;
use crate::tui::form;

/// "TW II dikunci (diverifikasi) oleh ani, 2026-07-10 09:00 +07:00: tidak dapat diubah
/// sebelum dibuka lagi (V, dengan alasan)."
pub fn locked_text(tw: Quarter, by: &Verification, lang: Lang) -> String {
    visible(&format!(
        "{} {} {}: {}",
        locale::quarter(tw, lang),
        lang.pick("dikunci (diverifikasi) oleh", "is locked (verified) by"),
        locale::verified_by(by, lang),
        lang.pick(
            "tidak dapat diubah sebelum dibuka lagi (V, dengan alasan); tidak ada yang berubah.",
            "it cannot change until unlocked (V, with a reason); nothing changed.",
        )
    ))
    .into_owned()
}

/// An objection as the interface says it: a locked quarter with the key that opens it here.
pub fn objection_text(o: &Objection, lang: Lang) -> String {
    match o {
        Objection::Refused(Refusal::QuarterLocked { tw, by }) => locked_text(*tw, by, lang),
        other => visible(&locale::objection(other, lang)).into_owned(),
    }
}

impl App {
    /// Who locked quarter `q`, if it is locked.
    pub(super) fn lock_of(&self, q: Quarter) -> Option<&Verification> {
        self.session.ws().verifikasi[q.index()].as_ref()
    }

    /// `c`: the explanation of the session's quarter of the indicator under the detail's
    /// cursor, or of the dashboard's selected row.
    pub(super) fn note_key(&mut self) {
        let lang = self.lang;
        let q = self.session.quarter();
        let target = match (self.view, self.focus) {
            (View::Dashboard, _) => self
                .session
                .attention_rows(self.dashboard.selected(), 1)
                .pop()
                .map(|row| (row.at.kode, row.at.index)),
            (View::Tree, Focus::Detail) => self.selected_node().and_then(|n| {
                let row = self.detail.cell().0;
                (row < n.indikator.len()).then(|| (n.kode.clone(), row))
            }),
            (View::Tree, Focus::Tree) => None,
        };
        let Some((kode, pos)) = target else {
            self.info(lang.pick(
                "Pilih indikator di rincian (Tab, ↑↓) lalu tekan c untuk penjelasannya.",
                "Pick an indicator in the detail (Tab, ↑↓), then press c for its explanation.",
            ));
            return;
        };
        if let Some(by) = self.lock_of(q) {
            let text = locked_text(q, by, lang);
            self.error(text);
            return;
        }
        let form = form::notes::note(&self.session, &kode, pos, q, lang);
        self.open_form(form);
    }

    /// `V`: locks the session's quarter as verified now, by this user; on a locked quarter,
    /// asks why it is opened again.
    pub(super) fn lock_key(&mut self) {
        let lang = self.lang;
        let q = self.session.quarter();
        if self.lock_of(q).is_some() {
            let form = form::notes::unlock(&self.session, q, lang);
            self.open_form(form);
            return;
        }
        let by = self.session.verification_now();
        let change = Change::lock(self.session.ws(), q, by);
        match self.make(vec![change]) {
            Ok(_) => {
                let by = self.lock_of(q).cloned();
                let text = format!(
                    "{} {} {} · {}",
                    locale::quarter(q, lang),
                    lang.pick("dikunci (diverifikasi) oleh", "locked (verified) by"),
                    by.map(|b| locale::verified_by(&b, lang))
                        .unwrap_or_default(),
                    lang.pick(
                        "u mengurungkan; s menyimpan ke berkas",
                        "u undoes it; s saves it to the file"
                    )
                );
                self.info(visible(&text).into_owned());
            }
            Err(o) => self.error(objection_text(&o, lang)),
        }
    }

    /// Whether a figure of `field` may be typed now as far as the locks go; says why not.
    pub(super) fn refuse_locked(&mut self, field: crate::model::Field) -> bool {
        let Some(q) = field.quarter() else {
            return false;
        };
        let Some(by) = self.lock_of(q) else {
            return false;
        };
        let text = locked_text(q, by, self.lang);
        self.error(text);
        true
    }
}
