//! Making changes from what a user sees: each constructor reads the author's copy of the
//! workspace for what the change expects to find there.

use super::{Change, Edit, NodeAttr, NoteAttr, Place};
use crate::model::{
    Aggregation, Budget, Explanation, Field, Indicator, IndicatorId, Node, NodeKind, Op, Polarity,
    Quarter, Verification, Workspace,
};
use rust_decimal::Decimal;

impl Node {
    /// A node with no indicator, budget or child yet.
    pub fn new(jenis: NodeKind, kode: &str, nama: &str) -> Node {
        Node {
            jenis,
            kode: kode.to_string(),
            nama: nama.to_string(),
            pejabat: None,
            indikator: Vec::new(),
            anggaran: None,
            anak: Vec::new(),
        }
    }
}

impl Indicator {
    /// An indicator with no figure yet: positive, quarters summed (the file's defaults).
    pub fn new(id: IndicatorId, nama: &str, satuan: &str) -> Indicator {
        Indicator {
            id,
            nama: nama.to_string(),
            satuan: satuan.to_string(),
            polaritas: Polarity::default(),
            agregasi: Aggregation::default(),
            target: None,
            target_pk_murni: None,
            target_pk_perubahan: None,
            rencana: [None; 4],
            realisasi: [None; 4],
            riwayat: Default::default(),
            renstra: Default::default(),
            pejabat: None,
            penjelasan: Default::default(),
        }
    }
}

impl Change {
    /// The code of the node a change is about (for the journal and for finding it on screen);
    /// `None` for an officer.
    pub fn kode(&self) -> Option<&str> {
        match self {
            Change::Figure { op, .. } => Some(&op.kode),
            Change::NodeAttr { kode, .. }
            | Change::IndicatorAttr { kode, .. }
            | Change::NodeRecode { kode, .. }
            | Change::NodeMove { kode, .. }
            | Change::IndicatorAdd { kode, .. }
            | Change::IndicatorRemove { kode, .. }
            | Change::IndicatorMove { kode, .. }
            | Change::BudgetAdd { kode, .. }
            | Change::BudgetRemove { kode, .. }
            | Change::Note { kode, .. } => Some(kode),
            Change::NodeAdd { node, .. } | Change::NodeRemove { node, .. } => Some(&node.kode),
            Change::OfficerAdd { .. }
            | Change::OfficerEdit { .. }
            | Change::OfficerRemove { .. }
            | Change::Verify { .. } => None,
        }
    }

    /// The quarter a change is about, where it is about one quarter: a quarterly figure, an
    /// explanation, a verification.
    pub fn quarter(&self) -> Option<Quarter> {
        match self {
            Change::Figure { op, .. } => op.field.quarter(),
            Change::Note { tw, .. } | Change::Verify { tw, .. } => Some(*tw),
            _ => None,
        }
    }

    /// A part of the explanation of quarter `q` of the indicator at `pos` (0-based) of node
    /// `kode`, made from that explanation as `ws` (the author's copy) holds it: `attr` gets
    /// what the author sees. `None` when there is no such node or indicator.
    pub fn note(
        ws: &Workspace,
        kode: &str,
        pos: usize,
        q: Quarter,
        attr: impl FnOnce(&Explanation) -> NoteAttr,
    ) -> Option<Change> {
        let ind = ws.node(kode)?.indikator.get(pos)?;
        Some(Change::Note {
            kode: kode.to_string(),
            indikator: ind.id,
            tw: q,
            attr: attr(ind.penjelasan.get(q)),
        })
    }

    /// Locking quarter `q` as verified by `by` (who and when), from `ws` as the author sees it.
    pub fn lock(ws: &Workspace, q: Quarter, by: Verification) -> Change {
        Change::Verify {
            tw: q,
            old: ws.verifikasi[q.index()].clone(),
            new: Some(by),
            reason: None,
        }
    }

    /// Opening quarter `q` again, for `reason`, from `ws` as the author sees it.
    pub fn unlock(ws: &Workspace, q: Quarter, reason: &str) -> Change {
        Change::Verify {
            tw: q,
            old: ws.verifikasi[q.index()].clone(),
            new: None,
            reason: Some(reason.to_string()),
        }
    }

    /// Setting `field` of node `kode` to `new`, as `ws` (the author's copy) holds it now.
    /// `None` when there is no such node or figure.
    pub fn figure(
        ws: &Workspace,
        kode: &str,
        field: Field,
        new: Option<Decimal>,
    ) -> Option<Change> {
        Change::figure_of(ws.node(kode)?, field, new)
    }

    /// [`figure`](Self::figure) of a node already found (a caller with an index of the tree
    /// does not walk it).
    pub fn figure_of(node: &Node, field: Field, new: Option<Decimal>) -> Option<Change> {
        let old = field.get(node)?;
        let indikator = match field.indicator() {
            Some(i) => Some(node.indikator.get(i)?.id),
            None => None,
        };
        Some(Change::Figure {
            indikator,
            op: Op {
                kode: node.kode.clone(),
                field,
                old,
                new,
            },
        })
    }

    /// `op`, made against `ws`, addressed by the id of the indicator at its position there.
    pub fn from_op(ws: &Workspace, op: &Op) -> Option<Change> {
        let mut c = Change::figure(ws, &op.kode, op.field, op.new)?;
        if let Change::Figure { op: mine, .. } = &mut c {
            mine.old = op.old;
        }
        Some(c)
    }

    /// Each of `ops`, made against `ws`, addressed by the id of the indicator at its position
    /// there ([`Change::from_op`] for many at once: one walk of the tree, no copy). An op whose
    /// indicator `ws` does not have gets no id, and is refused when applied.
    pub fn from_ops(ws: &Workspace, ops: Vec<Op>) -> Vec<Change> {
        let at = ws.locate(ops.iter().map(|op| op.kode.as_str()));
        let ids: Vec<Option<IndicatorId>> = ops
            .iter()
            .map(|op| {
                let i = op.field.indicator()?;
                let node = ws.node_at(at.get(op.kode.as_str())?)?;
                Some(node.indikator.get(i)?.id)
            })
            .collect();
        ops.into_iter()
            .zip(ids)
            .map(|(op, indikator)| Change::Figure { indikator, op })
            .collect()
    }

    /// A new name for node `kode`.
    pub fn rename(ws: &Workspace, kode: &str, nama: &str) -> Option<Change> {
        let node = ws.node(kode)?;
        Some(Change::NodeAttr {
            kode: kode.to_string(),
            attr: NodeAttr::Nama(Edit {
                old: node.nama.clone(),
                new: nama.to_string(),
            }),
        })
    }

    /// A new node (with whatever it carries below) under `parent`, at `at` among its
    /// siblings (`None`: last).
    pub fn add_node(parent: Option<&str>, at: Option<usize>, node: Node) -> Change {
        Change::NodeAdd {
            parent: parent.map(str::to_string),
            at,
            node,
            pk: Vec::new(),
        }
    }

    /// Removing node `kode` as `ws` holds it.
    pub fn remove_node(ws: &Workspace, kode: &str, force: bool) -> Option<Change> {
        Some(Change::NodeRemove {
            node: ws.node(kode)?.clone(),
            force,
            place: None,
            pk: Vec::new(),
        })
    }

    /// Moving node `kode` one place up (`up`) or down among its siblings; `None` at the edge.
    pub fn move_among_siblings(ws: &Workspace, kode: &str, up: bool) -> Option<Change> {
        let from = place(ws, kode)?;
        let siblings = match &from.parent {
            None => ws.pohon.len(),
            Some(p) => ws.node(p)?.anak.len(),
        };
        let at = if up {
            from.at.checked_sub(1)?
        } else {
            Some(from.at + 1).filter(|a| *a < siblings)?
        };
        Some(Change::NodeMove {
            kode: kode.to_string(),
            to: Place {
                parent: from.parent.clone(),
                at,
            },
            from,
            new_kode: None,
        })
    }

    /// Moving node `kode` under `parent` (`None`: the root), after its last child, recoded to
    /// `new_kode` when given.
    pub fn move_under(
        ws: &Workspace,
        kode: &str,
        parent: Option<&str>,
        new_kode: Option<&str>,
    ) -> Option<Change> {
        let from = place(ws, kode)?;
        let mut at = match parent {
            None => ws.pohon.len(),
            Some(p) => ws.node(p)?.anak.len(),
        };
        if from.parent.as_deref() == parent {
            at -= 1;
        }
        Some(Change::NodeMove {
            kode: kode.to_string(),
            from,
            to: Place {
                parent: parent.map(str::to_string),
                at,
            },
            new_kode: new_kode.map(str::to_string),
        })
    }

    /// Removing the indicator at `pos` (0-based) of node `kode` as `ws` holds it.
    pub fn remove_indicator(ws: &Workspace, kode: &str, pos: usize, force: bool) -> Option<Change> {
        Some(Change::IndicatorRemove {
            kode: kode.to_string(),
            indicator: ws.node(kode)?.indikator.get(pos)?.clone(),
            force,
            at: None,
            pk: Vec::new(),
        })
    }

    /// Moving the indicator at `pos` of node `kode` one place up or down; `None` at the edge.
    pub fn move_indicator(ws: &Workspace, kode: &str, pos: usize, up: bool) -> Option<Change> {
        let node = ws.node(kode)?;
        let id = node.indikator.get(pos)?.id;
        let to = if up {
            pos.checked_sub(1)?
        } else {
            Some(pos + 1).filter(|p| *p < node.indikator.len())?
        };
        Some(Change::IndicatorMove {
            kode: kode.to_string(),
            indikator: id,
            from: pos,
            to,
        })
    }

    /// Setting the pagu of node `kode`: a budget is created first when it has none.
    pub fn set_pagu(ws: &Workspace, kode: &str, pagu: Option<Decimal>) -> Option<Vec<Change>> {
        let node = ws.node(kode)?;
        let mut out = Vec::new();
        let old = match &node.anggaran {
            Some(b) => b.pagu,
            None => {
                out.push(Change::BudgetAdd {
                    kode: kode.to_string(),
                    budget: Budget::default(),
                });
                None
            }
        };
        out.push(Change::Figure {
            indikator: None,
            op: Op {
                kode: kode.to_string(),
                field: Field::Pagu,
                old,
                new: pagu,
            },
        });
        Some(out)
    }

    /// Removing officer `id`; every node and indicator naming it is first given `reassign`
    /// (`None`: no officer of its own, so it falls to its node's or an ancestor's). Apply the
    /// list with `apply_all`, so the officer never goes while still named.
    pub fn remove_officer(ws: &Workspace, id: &str, reassign: Option<&str>) -> Option<Vec<Change>> {
        let officer = ws.officer(id)?.clone();
        let new = reassign.map(str::to_string);
        let mut out = Vec::new();
        for n in ws.nodes() {
            if n.pejabat.as_deref() == Some(id) {
                out.push(Change::NodeAttr {
                    kode: n.kode.clone(),
                    attr: NodeAttr::Pejabat(Edit {
                        old: n.pejabat.clone(),
                        new: new.clone(),
                    }),
                });
            }
            for ind in n
                .indikator
                .iter()
                .filter(|i| i.pejabat.as_deref() == Some(id))
            {
                out.push(Change::IndicatorAttr {
                    kode: n.kode.clone(),
                    indikator: ind.id,
                    attr: super::IndicatorAttr::Pejabat(Edit {
                        old: ind.pejabat.clone(),
                        new: new.clone(),
                    }),
                });
            }
            // The officer of a tindak lanjut goes to the same replacement.
            for ind in &n.indikator {
                for (q, e) in ind.penjelasan.iter() {
                    if e.pejabat.as_deref() == Some(id) {
                        out.push(Change::Note {
                            kode: n.kode.clone(),
                            indikator: ind.id,
                            tw: q,
                            attr: NoteAttr::PejabatTindakLanjut(Edit {
                                old: e.pejabat.clone(),
                                new: new.clone(),
                            }),
                        });
                    }
                }
            }
        }
        out.push(Change::OfficerRemove { officer, at: None });
        Some(out)
    }
}

/// Where node `kode` sits in `ws`.
pub fn place(ws: &Workspace, kode: &str) -> Option<Place> {
    let path = ws.locate([kode]).remove(kode)?;
    let (at, parent) = path.split_last()?;
    Some(Place {
        parent: (!parent.is_empty())
            .then(|| ws.node_at(parent).map(|p| p.kode.clone()))
            .flatten(),
        at: *at,
    })
}
