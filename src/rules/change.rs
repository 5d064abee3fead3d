//! The rules a change made by a user must follow, on top of what the workspace needs to stay
//! valid (`model::change`): code shapes, which level may sit under which, names and units,
//! officer ids and NIPs, what a removal needs `--force` for, which budget figures are typed.
//!
//! Front-ends call [`check`] before handing a user's change on (to apply it, or to the store to
//! commit); the commit and undo apply changes with `model::apply` alone: a change that passed
//! here still does when its precondition holds, and an undo restores what was there.

use super::codes;
use super::levels;
use super::removal::{self, Removal};
use super::text::{self, TextKind};
use crate::model::change::{self, IndicatorAttr, Locator, NodeAttr, NoteAttr, Walk};
use crate::model::{Change, Node, NodeKind, Officer, Workspace};

/// Why a user's change is not accepted (plain data in `model`; `locale` words it).
pub use crate::model::Objection;

/// Whether a user may make `change` to `ws`: the rules here, then whether it applies.
pub fn check(ws: &Workspace, change: &Change) -> Result<(), Objection> {
    check_with(ws, change, &Walk)
}

/// [`check`] with the caller's index.
pub fn check_with(ws: &Workspace, change: &Change, loc: &dyn Locator) -> Result<(), Objection> {
    rules(ws, change, loc)?;
    change::check_with(ws, change, loc)?;
    Ok(())
}

fn txt(kind: TextKind, s: &str) -> Result<(), Objection> {
    text::check(kind, s).map_err(|why| Objection::Text { kind, why })
}

fn node<'a>(ws: &'a Workspace, loc: &dyn Locator, kode: &str) -> Option<&'a Node> {
    ws.node_at(&loc.node(ws, kode)?).filter(|n| n.kode == kode)
}

/// Where node `kode` sits, found through the caller's index (no walk of the tree).
fn place(ws: &Workspace, loc: &dyn Locator, kode: &str) -> Option<change::Place> {
    let path = loc.node(ws, kode)?;
    let (at, parent) = path.split_last()?;
    Some(change::Place {
        parent: (!parent.is_empty())
            .then(|| ws.node_at(parent).map(|p| p.kode.clone()))
            .flatten(),
        at: *at,
    })
}

/// The rules alone; what they cannot look up (a node gone) is left to `model::change`.
fn rules(ws: &Workspace, change: &Change, loc: &dyn Locator) -> Result<(), Objection> {
    match change {
        Change::Figure { op, .. } => {
            if !op.field.is_rupiah() {
                return Ok(());
            }
            if let Some(n) = node(ws, loc, &op.kode)
                && op.field.summed_on_parents()
                && super::budget_is_sum(n)
            {
                return Err(Objection::BudgetIsSum {
                    kode: op.kode.clone(),
                });
            }
            match op.new {
                Some(v) if v.normalize().scale() > 2 => Err(Objection::RupiahDecimals { value: v }),
                _ => Ok(()),
            }
        }
        Change::NodeAttr { attr, .. } => match attr {
            NodeAttr::Nama(e) => txt(TextKind::Nama, &e.new),
            NodeAttr::SumberDana(e) => txt(TextKind::SumberDana, &e.new),
            NodeAttr::Pejabat(_) => Ok(()),
        },
        Change::IndicatorAttr { attr, .. } => match attr {
            IndicatorAttr::Nama(e) => txt(TextKind::Nama, &e.new),
            IndicatorAttr::Satuan(e) => txt(TextKind::Satuan, &e.new),
            _ => Ok(()),
        },
        Change::NodeAdd {
            parent, node: new, ..
        } => {
            let parent = match parent {
                Some(p) => match node(ws, loc, p) {
                    Some(p) => Some(p),
                    None => return Ok(()),
                },
                None => None,
            };
            new_subtree(new, parent.map(|p| (p.jenis, p.kode.as_str())))
        }
        Change::NodeRemove {
            node: gone, force, ..
        } => {
            let current = node(ws, loc, &gone.kode).unwrap_or(gone);
            forced(removal::of_node(ws, current), *force)
        }
        Change::NodeRecode { kode, new } => {
            let Some(n) = node(ws, loc, kode) else {
                return Ok(());
            };
            let parent = place(ws, loc, kode).and_then(|p| p.parent);
            code(n.jenis, parent.as_deref(), new)
        }
        Change::NodeMove {
            kode, to, new_kode, ..
        } => {
            let Some(n) = node(ws, loc, kode) else {
                return Ok(());
            };
            let parent = match &to.parent {
                Some(p) => match node(ws, loc, p) {
                    Some(p) => Some(p),
                    None => return Ok(()),
                },
                None => None,
            };
            let parent_kind = parent.map(|p| p.jenis);
            // Reordering among the same siblings is never refused for a level or code the
            // file already had (a hand-written tree may have a kegiatan under a sasaran).
            let same_parent = place(ws, loc, kode).is_some_and(|p| p.parent == to.parent);
            if same_parent && new_kode.is_none() {
                return Ok(());
            }
            if !same_parent && !levels::may_sit_under(n.jenis, parent_kind) {
                return Err(Objection::Level {
                    kode: kode.clone(),
                    jenis: n.jenis,
                    parent: parent_kind,
                });
            }
            // A program's code does not depend on its parent; a kegiatan's and a sub
            // kegiatan's extend it, so they need a code that fits their new parent.
            let depends = matches!(n.jenis, NodeKind::Kegiatan | NodeKind::SubKegiatan);
            match new_kode {
                Some(new) => code(n.jenis, to.parent.as_deref(), new),
                None if depends => code(n.jenis, to.parent.as_deref(), kode),
                None => Ok(()),
            }
        }
        Change::IndicatorAdd { indicator, .. } => {
            txt(TextKind::Nama, &indicator.nama)?;
            txt(TextKind::Satuan, &indicator.satuan)
        }
        Change::IndicatorRemove {
            kode,
            indicator,
            force,
            ..
        } => {
            let found = node(ws, loc, kode).and_then(|n| {
                let pos = n.indikator.iter().position(|i| i.id == indicator.id)?;
                removal::of_indicator_in(ws, n, pos)
            });
            match found {
                Some(r) => forced(r, *force),
                None => Ok(()),
            }
        }
        Change::IndicatorMove { .. } | Change::OfficerRemove { .. } => Ok(()),
        Change::BudgetAdd { budget, .. } => txt(TextKind::SumberDana, &budget.sumber_dana),
        Change::Note { attr, .. } => match attr {
            NoteAttr::Pendorong(e) | NoteAttr::Penghambat(e) | NoteAttr::TindakLanjut(e) => {
                txt(TextKind::Catatan, &e.new)
            }
            NoteAttr::BuktiTambah { teks, .. } => txt(TextKind::Bukti, teks),
            NoteAttr::Tenggat(_)
            | NoteAttr::PejabatTindakLanjut(_)
            | NoteAttr::BuktiHapus { .. } => Ok(()),
        },
        Change::Verify {
            tw, new, reason, ..
        } => match new {
            // Verifying a quarter that has not started verifies nothing (a typo of TW).
            Some(_) if *tw > ws.pengaturan.triwulan_berjalan => Err(Objection::QuarterNotStarted {
                tw: *tw,
                current: ws.pengaturan.triwulan_berjalan,
            }),
            Some(_) => Ok(()),
            None => match reason.as_deref() {
                None | Some("") => Err(Objection::NoReason),
                Some(r) => txt(TextKind::Alasan, r),
            },
        },
        Change::BudgetRemove { budget, .. } => forced(removal::of_budget(budget), false),
        Change::OfficerAdd { officer, .. } => officer_rules(officer),
        Change::OfficerEdit { new, .. } => officer_rules(new),
    }
}

fn forced(r: Removal, force: bool) -> Result<(), Objection> {
    if r.needs_force() && !force {
        Err(Objection::NeedsForce(r))
    } else {
        Ok(())
    }
}

fn code(jenis: NodeKind, parent: Option<&str>, kode: &str) -> Result<(), Objection> {
    codes::check(jenis, parent, kode).map_err(|why| Objection::Code {
        kode: kode.to_string(),
        why,
    })
}

/// A new node and everything below it: levels, codes, names, units, sources of funds.
fn new_subtree(node: &Node, parent: Option<(NodeKind, &str)>) -> Result<(), Objection> {
    let parent_kind = parent.map(|p| p.0);
    if !levels::may_sit_under(node.jenis, parent_kind) {
        return Err(Objection::Level {
            kode: node.kode.clone(),
            jenis: node.jenis,
            parent: parent_kind,
        });
    }
    code(node.jenis, parent.map(|p| p.1), &node.kode)?;
    txt(TextKind::Nama, &node.nama)?;
    for ind in &node.indikator {
        txt(TextKind::Nama, &ind.nama)?;
        txt(TextKind::Satuan, &ind.satuan)?;
    }
    if let Some(b) = &node.anggaran {
        txt(TextKind::SumberDana, &b.sumber_dana)?;
    }
    for c in &node.anak {
        new_subtree(c, Some((node.jenis, &node.kode)))?;
    }
    Ok(())
}

fn officer_rules(o: &Officer) -> Result<(), Objection> {
    txt(TextKind::OfficerId, &o.id)?;
    txt(TextKind::Nama, &o.nama)?;
    txt(TextKind::Nip, &o.nip)?;
    txt(TextKind::Nama, &o.jabatan)
}
