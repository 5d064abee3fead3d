//! Which unsaved changes merge: a slot is one figure, or one text or choice, that several
//! changes may set in turn; two changes of a slot are one from the first's old value to the
//! second's new one. A change of the tree that renames, removes or takes away what a slot
//! addresses ends its merging. A part of an explanation (a text, the due date, the officer)
//! is a slot like a name; the evidence is merged item by item by the library and is none.

use crate::model::{
    Change, Edit, Field, IndicatorAttr, IndicatorId, NodeAttr, NoteAttr, Op, Quarter,
};

/// What a slot is: one figure or one text or choice that several changes may set in turn.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Slot {
    /// A figure of node `kode`: of the indicator `id` (its position left out), or a budget's.
    Figure(String, Option<IndicatorId>, Field),
    Node(String, u8),
    Indicator(String, IndicatorId, u8),
    Officer(String),
    /// A part of the explanation of quarter `.2` of an indicator.
    Note(String, IndicatorId, Quarter, u8),
}

/// Which part of an explanation a change sets, for those that merge (not the evidence).
fn note_part(attr: &NoteAttr) -> Option<u8> {
    Some(match attr {
        NoteAttr::Pendorong(_) => 0,
        NoteAttr::Penghambat(_) => 1,
        NoteAttr::TindakLanjut(_) => 2,
        NoteAttr::Tenggat(_) => 3,
        NoteAttr::PejabatTindakLanjut(_) => 4,
        NoteAttr::BuktiTambah { .. } | NoteAttr::BuktiHapus { .. } => return None,
    })
}

pub(super) fn slot(c: &Change) -> Option<Slot> {
    Some(match c {
        Change::Figure { indikator, op } => {
            Slot::Figure(op.kode.clone(), *indikator, op.field.with_indicator(0))
        }
        Change::NodeAttr { kode, attr } => Slot::Node(
            kode.clone(),
            match attr {
                NodeAttr::Nama(_) => 0,
                NodeAttr::Pejabat(_) => 1,
                NodeAttr::SumberDana(_) => 2,
            },
        ),
        Change::IndicatorAttr {
            kode,
            indikator,
            attr,
        } => Slot::Indicator(
            kode.clone(),
            *indikator,
            match attr {
                IndicatorAttr::Nama(_) => 0,
                IndicatorAttr::Satuan(_) => 1,
                IndicatorAttr::Polaritas(_) => 2,
                IndicatorAttr::Agregasi(_) => 3,
                IndicatorAttr::Pejabat(_) => 4,
            },
        ),
        Change::OfficerEdit { new, .. } => Slot::Officer(new.id.clone()),
        Change::Note {
            kode,
            indikator,
            tw,
            attr,
        } => Slot::Note(kode.clone(), *indikator, *tw, note_part(attr)?),
        _ => return None,
    })
}

impl Slot {
    fn kode(&self) -> Option<&str> {
        match self {
            Slot::Figure(k, ..) | Slot::Node(k, _) | Slot::Indicator(k, ..) | Slot::Note(k, ..) => {
                Some(k)
            }
            Slot::Officer(_) => None,
        }
    }
}

/// Whether a change of the tree ends the merging of slot `s`: it renames, removes or takes
/// away what the slot addresses (conservatively: a code or anything whose code extends it).
pub(super) fn ends(c: &Change, s: &Slot) -> bool {
    let under =
        |k: &str, root: &str| k == root || k.strip_prefix(root).is_some_and(|r| r.starts_with('.'));
    match c {
        Change::NodeRecode { kode, .. }
        | Change::NodeMove {
            kode,
            new_kode: Some(_),
            ..
        } => s.kode().is_some_and(|k| under(k, kode)),
        Change::NodeRemove { node, .. } | Change::NodeAdd { node, .. } => s
            .kode()
            .is_some_and(|k| node.iter().any(|n| n.kode == k) || under(k, &node.kode)),
        Change::IndicatorRemove { indicator, .. } | Change::IndicatorAdd { indicator, .. } => {
            matches!(s, Slot::Figure(_, Some(id), _) | Slot::Indicator(_, id, _) | Slot::Note(_, id, ..) if *id == indicator.id)
        }
        Change::BudgetAdd { kode, .. } | Change::BudgetRemove { kode, .. } => {
            matches!(s, Slot::Figure(k, None, _) | Slot::Node(k, 2) if k == kode)
        }
        Change::OfficerAdd { officer, .. } | Change::OfficerRemove { officer, .. } => {
            matches!(s, Slot::Officer(id) if *id == officer.id)
        }
        _ => false,
    }
}

/// `c` with its old and new values swapped (for the changes that merge).
pub(super) fn swapped(c: &Change) -> Change {
    fn sw<T: Clone>(e: &Edit<T>) -> Edit<T> {
        Edit {
            old: e.new.clone(),
            new: e.old.clone(),
        }
    }
    match c {
        Change::Figure { indikator, op } => Change::Figure {
            indikator: *indikator,
            op: Op {
                old: op.new,
                new: op.old,
                ..op.clone()
            },
        },
        Change::NodeAttr { kode, attr } => Change::NodeAttr {
            kode: kode.clone(),
            attr: match attr {
                NodeAttr::Nama(e) => NodeAttr::Nama(sw(e)),
                NodeAttr::Pejabat(e) => NodeAttr::Pejabat(sw(e)),
                NodeAttr::SumberDana(e) => NodeAttr::SumberDana(sw(e)),
            },
        },
        Change::IndicatorAttr {
            kode,
            indikator,
            attr,
        } => Change::IndicatorAttr {
            kode: kode.clone(),
            indikator: *indikator,
            attr: match attr {
                IndicatorAttr::Nama(e) => IndicatorAttr::Nama(sw(e)),
                IndicatorAttr::Satuan(e) => IndicatorAttr::Satuan(sw(e)),
                IndicatorAttr::Polaritas(e) => IndicatorAttr::Polaritas(sw(e)),
                IndicatorAttr::Agregasi(e) => IndicatorAttr::Agregasi(sw(e)),
                IndicatorAttr::Pejabat(e) => IndicatorAttr::Pejabat(sw(e)),
            },
        },
        Change::OfficerEdit { old, new } => Change::OfficerEdit {
            old: new.clone(),
            new: old.clone(),
        },
        Change::Note {
            kode,
            indikator,
            tw,
            attr,
        } => Change::Note {
            kode: kode.clone(),
            indikator: *indikator,
            tw: *tw,
            attr: match attr {
                NoteAttr::Pendorong(e) => NoteAttr::Pendorong(sw(e)),
                NoteAttr::Penghambat(e) => NoteAttr::Penghambat(sw(e)),
                NoteAttr::TindakLanjut(e) => NoteAttr::TindakLanjut(sw(e)),
                NoteAttr::Tenggat(e) => NoteAttr::Tenggat(sw(e)),
                NoteAttr::PejabatTindakLanjut(e) => NoteAttr::PejabatTindakLanjut(sw(e)),
                other => other.clone(),
            },
        },
        other => other.clone(),
    }
}

/// `earlier` followed by `later` (of the same slot) as one change: from the first's old value
/// to the second's new one. `None` when they are not of one slot.
pub(super) fn merged(earlier: &Change, later: &Change) -> Option<Change> {
    fn then<T: Clone>(a: &Edit<T>, b: &Edit<T>) -> Edit<T> {
        Edit {
            old: a.old.clone(),
            new: b.new.clone(),
        }
    }
    Some(match (earlier, later) {
        (Change::Figure { indikator, op: a }, Change::Figure { op: b, .. }) => Change::Figure {
            indikator: *indikator,
            op: Op {
                new: b.new,
                ..a.clone()
            },
        },
        (Change::NodeAttr { kode, attr: a }, Change::NodeAttr { attr: b, .. }) => {
            Change::NodeAttr {
                kode: kode.clone(),
                attr: match (a, b) {
                    (NodeAttr::Nama(a), NodeAttr::Nama(b)) => NodeAttr::Nama(then(a, b)),
                    (NodeAttr::Pejabat(a), NodeAttr::Pejabat(b)) => NodeAttr::Pejabat(then(a, b)),
                    (NodeAttr::SumberDana(a), NodeAttr::SumberDana(b)) => {
                        NodeAttr::SumberDana(then(a, b))
                    }
                    _ => return None,
                },
            }
        }
        (
            Change::IndicatorAttr {
                kode,
                indikator,
                attr: a,
            },
            Change::IndicatorAttr { attr: b, .. },
        ) => Change::IndicatorAttr {
            kode: kode.clone(),
            indikator: *indikator,
            attr: match (a, b) {
                (IndicatorAttr::Nama(a), IndicatorAttr::Nama(b)) => IndicatorAttr::Nama(then(a, b)),
                (IndicatorAttr::Satuan(a), IndicatorAttr::Satuan(b)) => {
                    IndicatorAttr::Satuan(then(a, b))
                }
                (IndicatorAttr::Polaritas(a), IndicatorAttr::Polaritas(b)) => {
                    IndicatorAttr::Polaritas(then(a, b))
                }
                (IndicatorAttr::Agregasi(a), IndicatorAttr::Agregasi(b)) => {
                    IndicatorAttr::Agregasi(then(a, b))
                }
                (IndicatorAttr::Pejabat(a), IndicatorAttr::Pejabat(b)) => {
                    IndicatorAttr::Pejabat(then(a, b))
                }
                _ => return None,
            },
        },
        (Change::OfficerEdit { old, .. }, Change::OfficerEdit { new, .. }) => Change::OfficerEdit {
            old: old.clone(),
            new: new.clone(),
        },
        (
            Change::Note {
                kode,
                indikator,
                tw,
                attr: a,
            },
            Change::Note { attr: b, .. },
        ) => Change::Note {
            kode: kode.clone(),
            indikator: *indikator,
            tw: *tw,
            attr: match (a, b) {
                (NoteAttr::Pendorong(a), NoteAttr::Pendorong(b)) => NoteAttr::Pendorong(then(a, b)),
                (NoteAttr::Penghambat(a), NoteAttr::Penghambat(b)) => {
                    NoteAttr::Penghambat(then(a, b))
                }
                (NoteAttr::TindakLanjut(a), NoteAttr::TindakLanjut(b)) => {
                    NoteAttr::TindakLanjut(then(a, b))
                }
                (NoteAttr::Tenggat(a), NoteAttr::Tenggat(b)) => NoteAttr::Tenggat(then(a, b)),
                (NoteAttr::PejabatTindakLanjut(a), NoteAttr::PejabatTindakLanjut(b)) => {
                    NoteAttr::PejabatTindakLanjut(then(a, b))
                }
                _ => return None,
            },
        },
        _ => return None,
    })
}

/// Whether a change of a slot changes nothing (its old value is its new one).
pub(super) fn is_noop(c: &Change) -> bool {
    match c {
        Change::Figure { op, .. } => op.old == op.new,
        Change::NodeAttr { attr, .. } => match attr {
            NodeAttr::Nama(e) | NodeAttr::SumberDana(e) => e.old == e.new,
            NodeAttr::Pejabat(e) => e.old == e.new,
        },
        Change::IndicatorAttr { attr, .. } => match attr {
            IndicatorAttr::Nama(e) | IndicatorAttr::Satuan(e) => e.old == e.new,
            IndicatorAttr::Polaritas(e) => e.old == e.new,
            IndicatorAttr::Agregasi(e) => e.old == e.new,
            IndicatorAttr::Pejabat(e) => e.old == e.new,
        },
        Change::OfficerEdit { old, new } => old == new,
        Change::Note { attr, .. } => match attr {
            NoteAttr::Pendorong(e) | NoteAttr::Penghambat(e) | NoteAttr::TindakLanjut(e) => {
                e.old == e.new
            }
            NoteAttr::Tenggat(e) => e.old == e.new,
            NoteAttr::PejabatTindakLanjut(e) => e.old == e.new,
            NoteAttr::BuktiTambah { .. } | NoteAttr::BuktiHapus { .. } => false,
        },
        _ => false,
    }
}
