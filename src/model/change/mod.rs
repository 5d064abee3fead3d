//! One vocabulary for every change a user can make to a workspace: a figure, a name or choice,
//! the tree (nodes added, removed, recoded, moved), indicators, budgets and officers.
//!
//! Each [`Change`] carries what it expects to find (its precondition) beside what it sets, so a
//! list of changes made on one copy can be applied onto a workspace someone else changed
//! meanwhile: each change applies exactly, or is reported as a [`Conflict`] with what it
//! expected and what is there now — never a silent overwrite, never a wrong target.
//! Nodes are addressed by code (a recode is a new address: a change made under the old code
//! finds nothing), indicators by their stable [`IndicatorId`].
//!
//! This module checks what a workspace needs to stay valid (unique codes and ids, a child below
//! its parent's level, budgets only where they belong, references that resolve, figures in
//! range) and each change's precondition. The rules a user's new change must also follow (code
//! shapes, which level may sit under which, names, what needs `--force`) are in
//! `rules::change`, which front-ends call before handing a change on; an undo is the inverse
//! of a change that passed them and is applied as it is.
//!
//! [`apply`] returns the change as applied ([`Applied`]: positions filled in, what a removal
//! took with it), whose [`Applied::inverse`] undoes it exactly.

mod apply;
mod build;
mod locate;

pub use apply::{apply, apply_all, apply_all_with, apply_with, check, check_with};
pub use build::place;
pub use locate::{Hint, Index, Locator, Remembered, Walk};

use super::{
    Aggregation, Budget, Field, Indicator, IndicatorId, Node, NodeKind, Officer, Op, PkLine,
    Polarity, Quarter, Tanggal, Verification,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The largest figure a workspace may hold (a thousand trillion Rupiah): anything above is a
/// typing slip. The loader, every change and the figure readers refuse larger ones.
pub const MAX_FIGURE: Decimal = rust_decimal::dec!(1_000_000_000_000_000);

/// Where a node sits: under `parent` (`None`: at the root), at position `at` among its siblings
/// (0-based). Written `{"induk": "7.01.01", "urutan": 2}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    #[serde(rename = "induk")]
    pub parent: Option<String>,
    #[serde(rename = "urutan")]
    pub at: usize,
}

/// A PK line with its position in `Workspace::pk`, as it was before a removal took it away.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkAt {
    #[serde(rename = "urutan")]
    pub index: usize,
    #[serde(rename = "baris")]
    pub line: PkLine,
}

/// The value an attribute had when the change was made, and the one it sets
/// (`{"lama": …, "baru": …}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit<T> {
    #[serde(rename = "lama")]
    pub old: T,
    #[serde(rename = "baru")]
    pub new: T,
}

impl<T: Clone> Edit<T> {
    fn swapped(&self) -> Edit<T> {
        Edit {
            old: self.new.clone(),
            new: self.old.clone(),
        }
    }
}

/// A text or choice attribute of a node (`{"kolom": "nama", "lama": …, "baru": …}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kolom", rename_all = "snake_case")]
pub enum NodeAttr {
    Nama(Edit<String>),
    /// The penanggung jawab (an officer id).
    Pejabat(Edit<Option<String>>),
    /// The budget's source of funds (the node must have a budget).
    SumberDana(Edit<String>),
}

/// A text or choice attribute of an indicator (`{"kolom": "satuan", "lama": …, "baru": …}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kolom", rename_all = "snake_case")]
pub enum IndicatorAttr {
    Nama(Edit<String>),
    Satuan(Edit<String>),
    Polaritas(Edit<Polarity>),
    Agregasi(Edit<Aggregation>),
    /// The penanggung jawab when not the node's (an officer id).
    Pejabat(Edit<Option<String>>),
}

/// A part of an indicator's explanation of one quarter (`{"kolom": "penghambat", "lama": …,
/// "baru": …}`). The texts and choices are edits of one field each, merged like a name: the
/// same field changed by two users is a conflict showing both texts. The evidence (bukti
/// dukung) is merged item by item: two users adding evidence to the same quarter both land,
/// in the order saved, and a removal names the item it removes — a list that mostly grows,
/// from several people, would otherwise conflict at every second save.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kolom", rename_all = "snake_case")]
pub enum NoteAttr {
    /// Faktor pendorong.
    Pendorong(Edit<String>),
    /// Faktor penghambat.
    Penghambat(Edit<String>),
    TindakLanjut(Edit<String>),
    /// The tindak lanjut's due date.
    Tenggat(Edit<Option<Tanggal>>),
    /// The officer who carries out the tindak lanjut (an officer id).
    PejabatTindakLanjut(Edit<Option<String>>),
    /// One piece of evidence added: at the end (`urutan` none), or at `urutan` (the undo of a
    /// removal). Adding one the quarter already has is already done.
    BuktiTambah {
        teks: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        urutan: Option<usize>,
    },
    /// One piece of evidence removed, named by its text; `urutan` is filled in with where it
    /// stood. Removing one that is gone already is already done.
    BuktiHapus {
        teks: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        urutan: Option<usize>,
    },
}

impl NoteAttr {
    /// The change that undoes this one (positions as applied).
    fn inverse(&self) -> NoteAttr {
        match self {
            NoteAttr::Pendorong(e) => NoteAttr::Pendorong(e.swapped()),
            NoteAttr::Penghambat(e) => NoteAttr::Penghambat(e.swapped()),
            NoteAttr::TindakLanjut(e) => NoteAttr::TindakLanjut(e.swapped()),
            NoteAttr::Tenggat(e) => NoteAttr::Tenggat(e.swapped()),
            NoteAttr::PejabatTindakLanjut(e) => NoteAttr::PejabatTindakLanjut(e.swapped()),
            NoteAttr::BuktiTambah { teks, urutan } => NoteAttr::BuktiHapus {
                teks: teks.clone(),
                urutan: *urutan,
            },
            NoteAttr::BuktiHapus { teks, urutan } => NoteAttr::BuktiTambah {
                teks: teks.clone(),
                urutan: *urutan,
            },
        }
    }
}

/// Every change a user can make. Fields named `at`, `place` and `pk` on additions and
/// removals are filled in by [`apply`] (leave them `None` / empty when making a change).
///
/// Written (journal, recovery file) as one JSON object tagged by `jenis`, with Indonesian
/// field names; nodes, indicators, budgets, officers and PK lines as in the workspace file.
/// Positions (`urutan`, `dari`, `ke`) count from 0; the figure's `indikator` counts from 1, as
/// the journal's does. The form is documented in docs/multi-user.md; a new field gets a
/// default, so what was written stays readable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum Change {
    /// A figure: `op.old` is what the author saw, `op.new` what they typed. For an indicator's
    /// figure `indikator` names the indicator, and the position in `op.field` is resolved from
    /// it when applied; for a budget figure it is `None`.
    /// Written `{"jenis": "angka", "id": 17, "kode": …, "kolom": …, "indikator": 1, …}`.
    #[serde(rename = "angka")]
    Figure {
        #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
        indikator: Option<IndicatorId>,
        #[serde(flatten)]
        op: Op,
    },
    #[serde(rename = "node_ubah")]
    NodeAttr {
        kode: String,
        #[serde(rename = "ubah")]
        attr: NodeAttr,
    },
    #[serde(rename = "indikator_ubah")]
    IndicatorAttr {
        kode: String,
        #[serde(rename = "id")]
        indikator: IndicatorId,
        #[serde(rename = "ubah")]
        attr: IndicatorAttr,
    },
    /// A node, with everything below it, under `parent` (`None`: a root) at position `at`
    /// among its siblings (`None`: after the last). `pk`: PK lines that come back with it (the
    /// undo of a removal).
    #[serde(rename = "node_tambah")]
    NodeAdd {
        #[serde(rename = "induk")]
        parent: Option<String>,
        #[serde(rename = "urutan", default)]
        at: Option<usize>,
        node: Node,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pk: Vec<PkAt>,
    },
    /// Removes `node` (its code addresses it), which must still be exactly as given — a figure
    /// typed into it meanwhile by someone else is a conflict, not a loss. `force` also removes
    /// the PK lines pointing into it (listed in `pk` once applied; without `force` they refuse
    /// the removal). `place`: where it was.
    #[serde(rename = "node_hapus")]
    NodeRemove {
        node: Node,
        #[serde(rename = "paksa", default)]
        force: bool,
        #[serde(rename = "tempat", default)]
        place: Option<Place>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pk: Vec<PkAt>,
    },
    /// A new code for a node. Its descendants whose codes extend its code follow (recoding
    /// program 7.01.01 to 7.01.05 recodes 7.01.01.2.01 to 7.01.05.2.01), and so do the PK lines
    /// pointing at any of them.
    #[serde(rename = "kode")]
    NodeRecode {
        kode: String,
        #[serde(rename = "baru")]
        new: String,
    },
    /// Moves a node from `from` (where the author saw it) to `to` (its position counted among
    /// the siblings there once it has left `from`); with `new_kode`, recoded on the way (a
    /// kegiatan moving to another program needs a code under it).
    #[serde(rename = "pindah")]
    NodeMove {
        kode: String,
        #[serde(rename = "dari")]
        from: Place,
        #[serde(rename = "ke")]
        to: Place,
        #[serde(rename = "kode_baru", default, skip_serializing_if = "Option::is_none")]
        new_kode: Option<String>,
    },
    /// An indicator into node `kode` at position `at` (`None`: after the last). Its `id` must
    /// be new to the workspace (see [`IndicatorId::fresh`]). `pk`: PK lines that come back with
    /// it (the undo of a removal).
    #[serde(rename = "indikator_tambah")]
    IndicatorAdd {
        kode: String,
        #[serde(rename = "urutan", default)]
        at: Option<usize>,
        #[serde(rename = "indikator")]
        indicator: Indicator,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pk: Vec<PkAt>,
    },
    /// Removes `indicator` (its id addresses it), which must still be exactly as given.
    /// `force` also removes the PK lines pointing at it (else they refuse the removal).
    #[serde(rename = "indikator_hapus")]
    IndicatorRemove {
        kode: String,
        #[serde(rename = "indikator")]
        indicator: Indicator,
        #[serde(rename = "paksa", default)]
        force: bool,
        #[serde(rename = "urutan", default)]
        at: Option<usize>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pk: Vec<PkAt>,
    },
    /// Moves an indicator within its node, from position `from` (where the author saw it) to
    /// `to`. PK lines keep pointing at the same indicators.
    #[serde(rename = "indikator_pindah")]
    IndicatorMove {
        kode: String,
        #[serde(rename = "id")]
        indikator: IndicatorId,
        #[serde(rename = "dari")]
        from: usize,
        #[serde(rename = "ke")]
        to: usize,
    },
    /// A budget on a Program, Kegiatan or Sub Kegiatan that has none (when a pagu is first
    /// set; normally `Budget::default()`).
    #[serde(rename = "anggaran_tambah")]
    BudgetAdd {
        kode: String,
        #[serde(rename = "anggaran")]
        budget: Budget,
    },
    /// Removes a budget that must still be exactly `budget` (the undo of [`Change::BudgetAdd`]).
    #[serde(rename = "anggaran_hapus")]
    BudgetRemove {
        kode: String,
        #[serde(rename = "anggaran")]
        budget: Budget,
    },
    /// An officer at position `at` of the list (`None`: at the end).
    #[serde(rename = "pejabat_tambah")]
    OfficerAdd {
        #[serde(rename = "urutan", default)]
        at: Option<usize>,
        #[serde(rename = "pejabat")]
        officer: Officer,
    },
    /// An officer's name, NIP or jabatan; the id stays (nodes and indicators name it).
    #[serde(rename = "pejabat_ubah")]
    OfficerEdit {
        #[serde(rename = "lama")]
        old: Officer,
        #[serde(rename = "baru")]
        new: Officer,
    },
    /// Removes an officer that no node or indicator names (reassign them first, in the same
    /// list of changes: see [`Change::remove_officer`]).
    #[serde(rename = "pejabat_hapus")]
    OfficerRemove {
        #[serde(rename = "pejabat")]
        officer: Officer,
        #[serde(rename = "urutan", default)]
        at: Option<usize>,
    },
    /// A part of the explanation of quarter `tw` of indicator `indikator` of node `kode`.
    #[serde(rename = "penjelasan")]
    Note {
        kode: String,
        #[serde(rename = "id")]
        indikator: IndicatorId,
        tw: Quarter,
        #[serde(rename = "ubah")]
        attr: NoteAttr,
    },
    /// The verification of quarter `tw`, from what the author saw (`old`) to `new`: a lock
    /// (`None` → who and when) or an unlock (→ `None`, with its `reason`). While a quarter is
    /// verified every change of its slots is refused (see `model::note`).
    #[serde(rename = "verifikasi")]
    Verify {
        tw: Quarter,
        #[serde(rename = "lama")]
        old: Option<Verification>,
        #[serde(rename = "baru")]
        new: Option<Verification>,
        #[serde(rename = "alasan", default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

/// A change as it was applied: positions filled in, and whatever a removal took with it, so
/// that [`Applied::inverse`] undoes it exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied(Change);

impl Applied {
    pub fn change(&self) -> &Change {
        &self.0
    }

    pub fn into_change(self) -> Change {
        self.0
    }

    /// The change that undoes this one: applied right after it, the workspace is exactly as it
    /// was before (applied later, onto other changes, it is checked like any other change).
    pub fn inverse(&self) -> Change {
        use Change::*;
        match &self.0 {
            Figure { indikator, op } => Figure {
                indikator: *indikator,
                op: Op {
                    kode: op.kode.clone(),
                    field: op.field,
                    old: op.new,
                    new: op.old,
                },
            },
            NodeAttr { kode, attr } => NodeAttr {
                kode: kode.clone(),
                attr: match attr {
                    self::NodeAttr::Nama(e) => self::NodeAttr::Nama(e.swapped()),
                    self::NodeAttr::Pejabat(e) => self::NodeAttr::Pejabat(e.swapped()),
                    self::NodeAttr::SumberDana(e) => self::NodeAttr::SumberDana(e.swapped()),
                },
            },
            IndicatorAttr {
                kode,
                indikator,
                attr,
            } => IndicatorAttr {
                kode: kode.clone(),
                indikator: *indikator,
                attr: match attr {
                    self::IndicatorAttr::Nama(e) => self::IndicatorAttr::Nama(e.swapped()),
                    self::IndicatorAttr::Satuan(e) => self::IndicatorAttr::Satuan(e.swapped()),
                    self::IndicatorAttr::Polaritas(e) => {
                        self::IndicatorAttr::Polaritas(e.swapped())
                    }
                    self::IndicatorAttr::Agregasi(e) => self::IndicatorAttr::Agregasi(e.swapped()),
                    self::IndicatorAttr::Pejabat(e) => self::IndicatorAttr::Pejabat(e.swapped()),
                },
            },
            NodeAdd {
                parent,
                at,
                node,
                pk,
            } => NodeRemove {
                node: node.clone(),
                force: true,
                place: at.map(|at| Place {
                    parent: parent.clone(),
                    at,
                }),
                pk: pk.clone(),
            },
            NodeRemove {
                node, place, pk, ..
            } => NodeAdd {
                parent: place.as_ref().and_then(|p| p.parent.clone()),
                at: place.as_ref().map(|p| p.at),
                node: node.clone(),
                pk: pk.clone(),
            },
            NodeRecode { kode, new } => NodeRecode {
                kode: new.clone(),
                new: kode.clone(),
            },
            NodeMove {
                kode,
                from,
                to,
                new_kode,
            } => NodeMove {
                kode: new_kode.clone().unwrap_or_else(|| kode.clone()),
                from: to.clone(),
                to: from.clone(),
                new_kode: new_kode.as_ref().map(|_| kode.clone()),
            },
            IndicatorAdd {
                kode,
                at,
                indicator,
                pk,
            } => IndicatorRemove {
                kode: kode.clone(),
                indicator: indicator.clone(),
                force: true,
                at: *at,
                pk: pk.clone(),
            },
            IndicatorRemove {
                kode,
                indicator,
                at,
                pk,
                ..
            } => IndicatorAdd {
                kode: kode.clone(),
                at: *at,
                indicator: indicator.clone(),
                pk: pk.clone(),
            },
            IndicatorMove {
                kode,
                indikator,
                from,
                to,
            } => IndicatorMove {
                kode: kode.clone(),
                indikator: *indikator,
                from: *to,
                to: *from,
            },
            BudgetAdd { kode, budget } => BudgetRemove {
                kode: kode.clone(),
                budget: budget.clone(),
            },
            BudgetRemove { kode, budget } => BudgetAdd {
                kode: kode.clone(),
                budget: budget.clone(),
            },
            OfficerAdd { at, officer } => OfficerRemove {
                officer: officer.clone(),
                at: *at,
            },
            OfficerEdit { old, new } => OfficerEdit {
                old: new.clone(),
                new: old.clone(),
            },
            OfficerRemove { officer, at } => OfficerAdd {
                at: *at,
                officer: officer.clone(),
            },
            Note {
                kode,
                indikator,
                tw,
                attr,
            } => Note {
                kode: kode.clone(),
                indikator: *indikator,
                tw: *tw,
                attr: attr.inverse(),
            },
            Verify {
                tw,
                old,
                new,
                reason,
            } => Verify {
                tw: *tw,
                old: new.clone(),
                new: old.clone(),
                reason: reason.clone(),
            },
        }
    }
}

impl Applied {
    /// The indicator ids this change brought into the workspace (for an index of ids).
    pub fn ids_added(&self) -> Vec<IndicatorId> {
        match &self.0 {
            Change::IndicatorAdd { indicator, .. } => vec![indicator.id],
            Change::NodeAdd { node, .. } => node_ids(node),
            _ => Vec::new(),
        }
    }

    /// The indicator ids this change took out of the workspace.
    pub fn ids_removed(&self) -> Vec<IndicatorId> {
        match &self.0 {
            Change::IndicatorRemove { indicator, .. } => vec![indicator.id],
            Change::NodeRemove { node, .. } => node_ids(node),
            _ => Vec::new(),
        }
    }
}

fn node_ids(node: &Node) -> Vec<IndicatorId> {
    node.iter()
        .flat_map(|n| n.indikator.iter().map(|i| i.id))
        .collect()
}

impl std::ops::Deref for Applied {
    type Target = Change;
    fn deref(&self) -> &Change {
        &self.0
    }
}

/// Why a change cannot apply to a workspace: what it expected and what is there now, or what
/// the workspace would break. Front-ends translate it.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// No node has this code (removed or recoded meanwhile).
    NodeGone { kode: String },
    /// The node has no indicator with this id (removed meanwhile).
    IndicatorGone {
        kode: String,
        indikator: IndicatorId,
    },
    /// An indicator's figure without the indicator's id: its position alone could name
    /// another indicator by now.
    NoIndicatorId { kode: String, field: Field },
    /// The node has no such figure (no budget to hold a Rupiah figure).
    NoSlot { kode: String, field: Field },
    /// The node has no budget (for a sumber dana).
    NoBudget { kode: String },
    /// No officer has this id.
    OfficerGone { id: String },
    /// Someone else changed the figure meanwhile.
    FigureChanged {
        kode: String,
        field: Field,
        expected: Option<Decimal>,
        found: Option<Decimal>,
    },
    /// Someone else changed the attribute meanwhile (values as written in the file).
    AttrChanged {
        kode: String,
        expected: String,
        found: String,
    },
    /// The node or something below it is no longer what the change was made against.
    NodeChanged { kode: String },
    /// The indicator is no longer what the change was made against.
    IndicatorChanged {
        kode: String,
        indikator: IndicatorId,
    },
    /// The budget is no longer what the change was made against (or there is none).
    BudgetChanged { kode: String },
    /// The officer is no longer what the change was made against.
    OfficerChanged { id: String },
    /// The node is no longer where the change was made (moved meanwhile).
    NodeMoved {
        kode: String,
        expected: Place,
        found: Place,
    },
    /// The indicator is no longer where the change was made (moved meanwhile).
    IndicatorMoved {
        kode: String,
        indikator: IndicatorId,
        expected: usize,
        found: usize,
    },
    /// No such position: `at` among `len`.
    Position { at: usize, len: usize },
    /// Another node already has this code.
    KodeTaken { kode: String },
    /// An empty code (or only spaces).
    KodeEmpty,
    /// Another indicator already has this id.
    IdTaken { indikator: IndicatorId },
    /// An indicator without an id.
    IdUnset,
    /// A node not below its parent's level.
    LevelNotBelow {
        kode: String,
        jenis: NodeKind,
        parent: NodeKind,
    },
    /// A node moved under itself or one of its descendants.
    IntoItself { kode: String },
    /// A recode whose undo would be ambiguous: this descendant's code already extends the new
    /// code without extending the old one.
    RecodeClash { kode: String },
    /// PK lines point at what would be removed (`no` as printed); remove with force.
    PkLines { no: Vec<String> },
    /// A PK line that would point at nothing.
    PkDangling { no: String },
    /// A budget above Program.
    BudgetNotAllowed { kode: String, jenis: NodeKind },
    /// The node already has a budget.
    BudgetExists { kode: String },
    /// Another officer has this id.
    OfficerIdTaken { id: String },
    /// An officer edit that changes the id (nodes and indicators name officers by it).
    OfficerIdFixed { id: String },
    /// An officer that a node or indicator still names (`kode`: the first such node).
    OfficerInUse { id: String, kode: String },
    /// A negative figure or one above [`MAX_FIGURE`].
    BadFigure { kode: String, value: Decimal },
    /// The quarter's figures are verified (locked) by `by`: its slots take no change until it
    /// is opened again (`kinerja unlock`).
    QuarterLocked { tw: Quarter, by: Verification },
    /// Someone else locked or opened the quarter meanwhile.
    VerificationChanged {
        tw: Quarter,
        expected: Option<Verification>,
        found: Option<Verification>,
    },
}

/// A change of a list that could not apply (the list was not applied at all).
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Its position in the list.
    pub index: usize,
    pub change: Change,
    pub why: Refusal,
}
