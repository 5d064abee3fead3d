//! Why a user's change is not accepted, as plain data: the rules that find these live in
//! `rules` (codes, text, removal, change), the words in `locale`. The types are here, beside
//! [`Refusal`], so that `locale` can word them without standing on `rules` (as
//! [`super::EditRefusal`]); `rules` re-exports each one where it is found.

use super::{NodeKind, Quarter, Refusal};
use rust_decimal::Decimal;

/// Why a user's change is not accepted. Found by `rules::change::check`.
#[derive(Clone, Debug, PartialEq)]
pub enum Objection {
    /// The change cannot apply to the workspace as it is.
    Refused(Refusal),
    /// A code against the code rules (`kode` as given).
    Code { kode: String, why: CodeError },
    /// A node of level `jenis` may not sit under `parent` (`None`: at the root).
    Level {
        kode: String,
        jenis: NodeKind,
        parent: Option<NodeKind>,
    },
    /// A text against the text rules.
    Text { kind: TextKind, why: TextError },
    /// The removal takes this with it and was not forced.
    NeedsForce(Removal),
    /// A Rupiah figure typed on a node whose budget is the sum of its children's: it is typed
    /// on the Sub Kegiatan (or the child) instead.
    BudgetIsSum { kode: String },
    /// A Rupiah figure with more than two decimals.
    RupiahDecimals { value: Decimal },
    /// A quarter verified before it has started (the workspace reports up to `current`).
    QuarterNotStarted { tw: Quarter, current: Quarter },
    /// A quarter opened again without saying why.
    NoReason,
}

impl From<Refusal> for Objection {
    fn from(r: Refusal) -> Self {
        Objection::Refused(r)
    }
}

/// What is wrong with a code (see `rules::codes`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    /// A space, tab, line break, other control character or an invisible one
    /// (`text::is_hidden_control`).
    Blank,
    TooLong {
        max: usize,
    },
    /// Not the Permendagri 90/2019 shape of its level (`pattern` as in `rules::codes::pattern`).
    Shape {
        pattern: &'static str,
    },
    /// Does not extend the parent's code as its level must.
    NotUnder {
        parent: String,
        pattern: &'static str,
    },
    /// Another node has it.
    Taken,
}

/// What is wrong with a text (see `rules::text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextError {
    Empty,
    /// A tab, a control character or an invisible one (`text::is_hidden_control`); a line
    /// break too, except where a text may run over several lines.
    Control,
    /// Spaces before or after the text.
    Spaces,
    TooLong {
        max: usize,
    },
    /// Not the shape the field needs (an officer id, a NIP: see `TextKind::hint`).
    Shape,
}

/// Which text: each has its own length and rules (`rules::text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// The name of a node or an indicator, or of an officer, or a jabatan.
    Nama,
    /// An indicator's unit (satuan).
    Satuan,
    /// A budget's source of funds; may be empty.
    SumberDana,
    /// An officer's short key: lower-case letters, digits, `-` and `_` (`kasi-pelayanan`).
    OfficerId,
    /// An officer's NIP: 18 digits, spaces allowed between groups; may be empty (not every
    /// officer is a civil servant).
    Nip,
    /// A part of a quarter's explanation (faktor pendorong, penghambat, tindak lanjut): may run
    /// over several lines; may be empty (none).
    Catatan,
    /// One reference to evidence (bukti dukung): a path, a URL, a document number; one line.
    Bukti,
    /// Why a verified quarter is opened again; one line.
    Alasan,
}

/// What a removal takes with it (see `rules::removal`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removal {
    /// Nodes below the one removed.
    pub nodes_below: usize,
    /// Indicators removed (of the node and everything below).
    pub indicators: usize,
    /// Figures entered: every target, plan, realisation, Renstra target, history and budget
    /// figure that is not empty.
    pub figures: usize,
    /// Rupiah spent, as the budget shows it for the year (a parent's is its children's sum).
    pub rupiah: Option<Decimal>,
    /// PK lines pointing at what is removed.
    pub pk_lines: usize,
}
