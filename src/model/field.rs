//! The figures people type, addressed one by one, and a change of one of them (an [`Op`]).
//! Saving merges these small operations, so two people editing different figures of the same
//! workspace never overwrite each other (see `store::commit`).

use super::{Node, Quarter, Workspace};
use rust_decimal::Decimal;

/// One typed figure of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The yearly target of the node's n-th indicator (0-based).
    Target(usize),
    /// A quarter's realisation of the node's n-th indicator.
    Realisasi(usize, Quarter),
    /// The pagu of the node's budget.
    Pagu,
    /// A quarter's spending of the node's budget.
    Rp(Quarter),
}

impl Field {
    /// Whether the figure is Rupiah (two decimals at most) rather than a performance figure.
    pub fn is_rupiah(self) -> bool {
        matches!(self, Field::Pagu | Field::Rp(_))
    }

    /// The value of this figure in `node`; `None` when the node has no such slot.
    pub fn get(self, node: &Node) -> Option<Option<Decimal>> {
        Some(match self {
            Field::Target(i) => node.indikator.get(i)?.target,
            Field::Realisasi(i, q) => node.indikator.get(i)?.realisasi[q.index()],
            Field::Pagu => node.anggaran.as_ref()?.pagu,
            Field::Rp(q) => node.anggaran.as_ref()?.realisasi_rp[q.index()],
        })
    }

    pub fn slot(self, node: &mut Node) -> Option<&mut Option<Decimal>> {
        Some(match self {
            Field::Target(i) => &mut node.indikator.get_mut(i)?.target,
            Field::Realisasi(i, q) => &mut node.indikator.get_mut(i)?.realisasi[q.index()],
            Field::Pagu => &mut node.anggaran.as_mut()?.pagu,
            Field::Rp(q) => &mut node.anggaran.as_mut()?.realisasi_rp[q.index()],
        })
    }

    /// Every typed figure of a node.
    pub fn all(node: &Node) -> Vec<Field> {
        let mut out = Vec::new();
        for i in 0..node.indikator.len() {
            out.push(Field::Target(i));
            out.extend(Quarter::ALL.map(|q| Field::Realisasi(i, q)));
        }
        if node.anggaran.is_some() {
            out.push(Field::Pagu);
            out.extend(Quarter::ALL.map(Field::Rp));
        }
        out
    }
}

/// A change of one figure from `old` to `new`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Op {
    pub kode: String,
    pub field: Field,
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
}

impl Workspace {
    /// The value of a figure; `None` when there is no such node or slot.
    pub fn figure(&self, kode: &str, field: Field) -> Option<Option<Decimal>> {
        field.get(self.node(kode)?)
    }

    /// Sets a figure; `false` when there is no such node or slot.
    pub fn set_figure(&mut self, kode: &str, field: Field, value: Option<Decimal>) -> bool {
        match self.node_mut(kode).and_then(|n| field.slot(n)) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        }
    }

    /// The operations that turn `self` into `other`, figure by figure, for nodes present in
    /// both (matched by code). Two equal figures written differently (`"1.0"`, `"1"`) are equal.
    pub fn diff(&self, other: &Workspace) -> Vec<Op> {
        let theirs: std::collections::HashMap<&str, &Node> =
            other.nodes().map(|n| (n.kode.as_str(), n)).collect();
        let mut ops = Vec::new();
        for node in self.nodes() {
            let Some(o) = theirs.get(node.kode.as_str()) else {
                continue;
            };
            for field in Field::all(node) {
                let (old, new) = (field.get(node).flatten(), field.get(o).flatten());
                if old != new && field.get(o).is_some() {
                    ops.push(Op {
                        kode: node.kode.clone(),
                        field,
                        old,
                        new,
                    });
                }
            }
        }
        ops
    }
}
