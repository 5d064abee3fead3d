//! What a save found it could not do: a change of this user's that no longer applies to the
//! file as it is now, because someone else saved meanwhile. Nothing was written; the user is
//! shown each one — both values of a figure, or what a change of the tree expected and found
//! — with the journal's last word on it (who, when).

use super::journal::{self, Entry};
use crate::locale::{self, Lang};
use crate::model::{Change, Op, Refusal, Workspace};
use rust_decimal::Decimal;

/// A change of one figure that no longer applies.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureConflict {
    /// Its position in the list of changes given to the save.
    pub index: usize,
    /// This user's change (`old` is what they saw, `new` what they typed), addressed as in
    /// their copy (a `commit_ops` caller gets its own `Op` back).
    pub mine: Op,
    /// The figure on disk now; `None` also when its node, indicator or budget is gone (`why`
    /// says which).
    pub theirs: Option<Decimal>,
    /// The journal's last word on that figure (or on its node, when the node is gone).
    pub by: Option<Entry>,
    pub why: Refusal,
}

/// Any other change that no longer applies (a name, a node added, removed, recoded or
/// moved, an indicator, a budget, an officer).
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeConflict {
    /// Its position in the list of changes given to the save.
    pub index: usize,
    /// This user's change as given.
    pub change: Change,
    /// What it expected and what is there now.
    pub why: Refusal,
    /// The journal's last word on what it addresses (its node, indicator or officer).
    pub by: Option<Entry>,
}

/// A change of this user's that the file as it is now refuses. (Boxed: a change can hold a
/// whole subtree.)
#[derive(Clone, Debug, PartialEq)]
pub enum Conflict {
    Figure(Box<FigureConflict>),
    Change(Box<ChangeConflict>),
}

impl Conflict {
    /// The figure's side by side, when the conflict is about a figure.
    pub fn figure(&self) -> Option<&FigureConflict> {
        match self {
            Conflict::Figure(f) => Some(f),
            Conflict::Change(_) => None,
        }
    }

    pub fn index(&self) -> usize {
        match self {
            Conflict::Figure(f) => f.index,
            Conflict::Change(c) => c.index,
        }
    }

    pub fn why(&self) -> &Refusal {
        match self {
            Conflict::Figure(f) => &f.why,
            Conflict::Change(c) => &c.why,
        }
    }

    pub fn by(&self) -> Option<&Entry> {
        match self {
            Conflict::Figure(f) => f.by.as_ref(),
            Conflict::Change(c) => c.by.as_ref(),
        }
    }

    /// One line: "7.01.02.2.04.02 realisasi TW III: Anda 1.300, di berkas 1.250 (diubah oleh
    /// budi, …)", or the change and why it no longer applies. Names as written (a front-end
    /// makes them safe to show).
    pub fn message(&self, lang: Lang) -> String {
        // A lock names who locked it and when itself.
        let locked = matches!(self.why(), Refusal::QuarterLocked { .. });
        let who = self
            .by()
            .filter(|_| !locked)
            .map(|e| {
                format!(
                    " ({} {}, {})",
                    lang.pick("diubah oleh", "changed by"),
                    e.pengguna,
                    e.waktu
                )
            })
            .unwrap_or_default();
        match self {
            Conflict::Figure(f) => {
                let kind = f.mine.field.figure_kind();
                let on_file = match &f.why {
                    Refusal::FigureChanged { .. } => locale::value_or_dash(kind, f.theirs),
                    other => locale::refusal(other, lang),
                };
                format!(
                    "{} {}: {} {}, {} {}{who}",
                    f.mine.kode,
                    locale::field_label(f.mine.field, lang),
                    lang.pick("Anda", "yours"),
                    locale::value_or_dash(kind, f.mine.new),
                    lang.pick("di berkas", "on file"),
                    on_file,
                )
            }
            Conflict::Change(c) => format!(
                "{} — {}{who}",
                locale::describe_change(&c.change, None, lang),
                locale::refusal(&c.why, lang)
            ),
        }
    }
}

/// The conflict of `change` (the `index`-th given to the save) refused by `ws` (the file as it
/// is now) for `why`.
pub(super) fn of(
    index: usize,
    change: &Change,
    why: Refusal,
    ws: &Workspace,
    entries: &[Entry],
) -> Conflict {
    let Change::Figure { indikator, op } = change else {
        let by = match &why {
            Refusal::QuarterLocked { tw, .. } => journal::last_lock(entries, *tw),
            _ => journal::last_about(entries, change),
        };
        return Conflict::Change(Box::new(ChangeConflict {
            index,
            change: change.clone(),
            why,
            by: by.cloned(),
        }));
    };
    // The figure on disk: the indicator by its id, wherever it is now.
    let node = ws.node(&op.kode);
    let field = match (op.field.indicator(), indikator) {
        (Some(_), Some(id)) => node
            .and_then(|n| n.indikator.iter().position(|i| i.id == *id))
            .map(|pos| op.field.with_indicator(pos)),
        (Some(_), None) => None,
        (None, _) => Some(op.field),
    };
    let theirs = match (node, field) {
        (Some(n), Some(f)) => f.get(n).flatten(),
        _ => None,
    };
    let by = match (&why, field) {
        // Refused by a lock: who locked it is who stands in the way.
        (Refusal::QuarterLocked { tw, .. }, _) => journal::last_lock(entries, *tw),
        (_, Some(f)) if node.is_some() => journal::last_figure(entries, &op.kode, f, *indikator),
        _ => journal::last_about(entries, change),
    };
    Conflict::Figure(Box::new(FigureConflict {
        index,
        mine: op.clone(),
        theirs,
        by: by.cloned(),
        why,
    }))
}
