//! Checking and applying a change: first a plan is made from the workspace as it is (every
//! check, nothing changed), then the plan is carried out. `check` is the plan alone.

use super::{
    Applied, Change, Conflict, Edit, IndicatorAttr, Locator, MAX_FIGURE, NodeAttr, NoteAttr, PkAt,
    Place, Refusal, Walk,
};
use crate::model::{
    Aggregation, Budget, Field, Indicator, IndicatorId, Node, Polarity, Quarter, Workspace,
};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Whether `change` can apply to `ws` now, and if not why.
pub fn check(ws: &Workspace, change: &Change) -> Result<(), Refusal> {
    check_with(ws, change, &Walk)
}

/// [`check`] with the caller's index.
pub fn check_with(ws: &Workspace, change: &Change, loc: &dyn Locator) -> Result<(), Refusal> {
    plan(ws, change, loc).map(drop)
}

/// Applies one change. `Ok(None)`: the workspace already is as the change would make it
/// (someone made the same change), nothing to do. On a refusal nothing changed.
pub fn apply(ws: &mut Workspace, change: &Change) -> Result<Option<Applied>, Refusal> {
    apply_with(ws, change, &Walk)
}

/// [`apply`] with the caller's index, so that a change follows the path to its node.
pub fn apply_with(
    ws: &mut Workspace,
    change: &Change,
    loc: &dyn Locator,
) -> Result<Option<Applied>, Refusal> {
    let Some(plan) = plan(ws, change, loc)? else {
        return Ok(None);
    };
    perform(ws, &plan.step, &plan.effective);
    Ok(Some(Applied(plan.effective)))
}

/// Applies a list of changes, all or nothing: on any refusal the workspace is left exactly as
/// it was and every change that could not apply is returned (a change that depends on a
/// refused one is usually refused too). On success, the changes as applied, in order (those
/// that found their work already done are left out).
pub fn apply_all(ws: &mut Workspace, changes: &[Change]) -> Result<Vec<Applied>, Vec<Conflict>> {
    apply_all_with(ws, changes, &Walk)
}

/// [`apply_all`] with the caller's index (positions it gives are checked, so an index made
/// stale by the list's own structure changes costs speed, not correctness).
pub fn apply_all_with(
    ws: &mut Workspace,
    changes: &[Change],
    loc: &dyn Locator,
) -> Result<Vec<Applied>, Vec<Conflict>> {
    let mut applied = Vec::new();
    let mut conflicts = Vec::new();
    for (index, change) in changes.iter().enumerate() {
        match apply_with(ws, change, loc) {
            Ok(Some(a)) => applied.push(a),
            Ok(None) => {}
            Err(why) => conflicts.push(Conflict {
                index,
                change: change.clone(),
                why,
            }),
        }
    }
    if conflicts.is_empty() {
        return Ok(applied);
    }
    // Undo what did apply, newest first: each inverse meets exactly the state its change left.
    for a in applied.iter().rev() {
        if let Err(why) = apply_with(ws, &a.inverse(), loc) {
            unreachable!("the inverse of an applied change applies: {why:?} for {a:?}");
        }
    }
    Err(conflicts)
}

/// What carrying out a change takes, found while checking it.
struct Plan {
    step: Step,
    /// The change as it will have been applied.
    effective: Change,
}

enum Step {
    Figure {
        path: Vec<usize>,
        field: Field,
    },
    NodeAttr {
        path: Vec<usize>,
    },
    IndicatorAttr {
        path: Vec<usize>,
        pos: usize,
    },
    NodeAdd {
        parent: Option<Vec<usize>>,
        at: usize,
    },
    NodeRemove {
        path: Vec<usize>,
        drop_pk: Vec<usize>,
    },
    Recode {
        path: Vec<usize>,
        renames: Vec<(String, String)>,
    },
    Move {
        path: Vec<usize>,
        to_parent: Option<Vec<usize>>,
        to_at: usize,
        renames: Vec<(String, String)>,
    },
    IndicatorAdd {
        path: Vec<usize>,
        at: usize,
    },
    IndicatorRemove {
        path: Vec<usize>,
        at: usize,
        drop_pk: Vec<usize>,
    },
    IndicatorMove {
        path: Vec<usize>,
        from: usize,
        to: usize,
    },
    Budget {
        path: Vec<usize>,
        add: bool,
    },
    OfficerAdd {
        at: usize,
    },
    OfficerEdit {
        at: usize,
    },
    OfficerRemove {
        at: usize,
    },
    Note {
        path: Vec<usize>,
        pos: usize,
    },
    Verify,
}

fn plan(ws: &Workspace, change: &Change, loc: &dyn Locator) -> Result<Option<Plan>, Refusal> {
    let done = |step, effective| Ok(Some(Plan { step, effective }));
    match change {
        Change::Figure { indikator, op } => {
            let path = find(ws, loc, &op.kode)?;
            let node = node_at(ws, &path);
            let field = match (op.field.indicator(), indikator) {
                (None, _) => op.field,
                (Some(_), None) => {
                    return Err(Refusal::NoIndicatorId {
                        kode: op.kode.clone(),
                        field: op.field,
                    });
                }
                (Some(_), Some(id)) => op.field.with_indicator(indicator_pos(node, *id, &op.kode)?),
            };
            let current = field.get(node).ok_or_else(|| Refusal::NoSlot {
                kode: op.kode.clone(),
                field,
            })?;
            if current == op.new {
                return Ok(None);
            }
            if let Some(q) = field.quarter() {
                quarter_open(ws, q)?;
            }
            if current != op.old {
                return Err(Refusal::FigureChanged {
                    kode: op.kode.clone(),
                    field,
                    expected: op.old,
                    found: current,
                });
            }
            figure_in_range(&op.kode, op.new)?;
            let mut op = op.clone();
            op.field = field;
            done(
                Step::Figure { path, field },
                Change::Figure {
                    indikator: *indikator,
                    op,
                },
            )
        }

        Change::NodeAttr { kode, attr } => {
            let path = find(ws, loc, kode)?;
            let node = node_at(ws, &path);
            let go = match attr {
                NodeAttr::Nama(e) => compare(kode, &node.nama, e, |s| s.clone())?,
                NodeAttr::Pejabat(e) => {
                    officer_exists(ws, e.new.as_deref())?;
                    compare(kode, &node.pejabat, e, show_officer)?
                }
                NodeAttr::SumberDana(e) => {
                    let budget = node
                        .anggaran
                        .as_ref()
                        .ok_or_else(|| Refusal::NoBudget { kode: kode.clone() })?;
                    compare(kode, &budget.sumber_dana, e, |s| s.clone())?
                }
            };
            if !go {
                return Ok(None);
            }
            done(Step::NodeAttr { path }, change.clone())
        }

        Change::IndicatorAttr {
            kode,
            indikator,
            attr,
        } => {
            let path = find(ws, loc, kode)?;
            let node = node_at(ws, &path);
            let pos = indicator_pos(node, *indikator, kode)?;
            let ind = &node.indikator[pos];
            let go = match attr {
                IndicatorAttr::Nama(e) => compare(kode, &ind.nama, e, |s| s.clone())?,
                IndicatorAttr::Satuan(e) => compare(kode, &ind.satuan, e, |s| s.clone())?,
                IndicatorAttr::Polaritas(e) => compare(kode, &ind.polaritas, e, show_polarity)?,
                IndicatorAttr::Agregasi(e) => compare(kode, &ind.agregasi, e, show_aggregation)?,
                IndicatorAttr::Pejabat(e) => {
                    officer_exists(ws, e.new.as_deref())?;
                    compare(kode, &ind.pejabat, e, show_officer)?
                }
            };
            if !go {
                return Ok(None);
            }
            done(Step::IndicatorAttr { path, pos }, change.clone())
        }

        Change::NodeAdd {
            parent,
            at,
            node,
            pk,
        } => {
            let parent_path = parent.as_deref().map(|p| find(ws, loc, p)).transpose()?;
            let siblings = children(ws, parent_path.as_deref());
            let at = at.unwrap_or(siblings.len());
            if at > siblings.len() {
                return Err(Refusal::Position {
                    at,
                    len: siblings.len(),
                });
            }
            let parent_node = parent_path.as_deref().map(|p| node_at(ws, p));
            subtree_fits(ws, loc, node, parent_node)?;
            subtree_open(ws, node)?;
            // PK lines coming back must point into the node coming back.
            let inside: HashMap<&str, usize> = node
                .iter()
                .map(|n| (n.kode.as_str(), n.indikator.len()))
                .collect();
            for (k, p) in pk.iter().enumerate() {
                let points = inside
                    .get(p.line.kode.as_str())
                    .is_some_and(|len| (1..=*len).contains(&p.line.indikator));
                if !points {
                    return Err(Refusal::PkDangling {
                        no: p.line.no.clone(),
                    });
                }
                pk_position(ws, p.index, k)?;
            }
            done(
                Step::NodeAdd {
                    parent: parent_path,
                    at,
                },
                Change::NodeAdd {
                    parent: parent.clone(),
                    at: Some(at),
                    node: node.clone(),
                    pk: pk.clone(),
                },
            )
        }

        Change::NodeRemove { node, force, .. } => {
            let path = find(ws, loc, &node.kode)?;
            if node_at(ws, &path) != node {
                return Err(Refusal::NodeChanged {
                    kode: node.kode.clone(),
                });
            }
            subtree_open(ws, node)?;
            let codes: HashSet<&str> = node.iter().map(|n| n.kode.as_str()).collect();
            let drop_pk: Vec<usize> = (0..ws.pk.len())
                .filter(|i| codes.contains(ws.pk[*i].kode.as_str()))
                .collect();
            let pk = pk_lines(ws, &drop_pk, *force)?;
            let place = place_of(ws, &path);
            done(
                Step::NodeRemove { path, drop_pk },
                Change::NodeRemove {
                    node: node.clone(),
                    force: *force,
                    place: Some(place),
                    pk,
                },
            )
        }

        Change::NodeRecode { kode, new } => {
            let path = find(ws, loc, kode)?;
            if new == kode {
                return Ok(None);
            }
            let renames = recode_plan(ws, loc, node_at(ws, &path), new)?;
            done(Step::Recode { path, renames }, change.clone())
        }

        Change::NodeMove {
            kode,
            from,
            to,
            new_kode,
        } => {
            let path = find(ws, loc, kode)?;
            let found = place_of(ws, &path);
            if found != *from {
                return Err(Refusal::NodeMoved {
                    kode: kode.clone(),
                    expected: from.clone(),
                    found,
                });
            }
            let new_kode = new_kode.clone().filter(|n| n != kode);
            if to == from && new_kode.is_none() {
                return Ok(None);
            }
            let to_parent = to.parent.as_deref().map(|p| find(ws, loc, p)).transpose()?;
            let node = node_at(ws, &path);
            if let Some(tp) = &to_parent {
                if tp.starts_with(&path) {
                    return Err(Refusal::IntoItself { kode: kode.clone() });
                }
                below_parent(node, node_at(ws, tp))?;
            }
            let len =
                children(ws, to_parent.as_deref()).len() - usize::from(to.parent == from.parent);
            if to.at > len {
                return Err(Refusal::Position { at: to.at, len });
            }
            let renames = match &new_kode {
                Some(n) => recode_plan(ws, loc, node, n)?,
                None => Vec::new(),
            };
            done(
                Step::Move {
                    path,
                    to_parent,
                    to_at: to.at,
                    renames,
                },
                Change::NodeMove {
                    kode: kode.clone(),
                    from: from.clone(),
                    to: to.clone(),
                    new_kode,
                },
            )
        }

        Change::IndicatorAdd {
            kode,
            at,
            indicator,
            pk,
        } => {
            let path = find(ws, loc, kode)?;
            let node = node_at(ws, &path);
            let len = node.indikator.len();
            let at = at.unwrap_or(len);
            if at > len {
                return Err(Refusal::Position { at, len });
            }
            indicator_fits(ws, kode, indicator)?;
            indicator_open(ws, indicator)?;
            if let Some(id) = loc.taken_id(ws, &[indicator.id]) {
                return Err(Refusal::IdTaken { indikator: id });
            }
            for (k, p) in pk.iter().enumerate() {
                if p.line.kode != *kode || !(1..=len + 1).contains(&p.line.indikator) {
                    return Err(Refusal::PkDangling {
                        no: p.line.no.clone(),
                    });
                }
                pk_position(ws, p.index, k)?;
            }
            done(
                Step::IndicatorAdd { path, at },
                Change::IndicatorAdd {
                    kode: kode.clone(),
                    at: Some(at),
                    indicator: indicator.clone(),
                    pk: pk.clone(),
                },
            )
        }

        Change::IndicatorRemove {
            kode,
            indicator,
            force,
            ..
        } => {
            let path = find(ws, loc, kode)?;
            let node = node_at(ws, &path);
            let at = indicator_pos(node, indicator.id, kode)?;
            if node.indikator[at] != *indicator {
                return Err(Refusal::IndicatorChanged {
                    kode: kode.clone(),
                    indikator: indicator.id,
                });
            }
            indicator_open(ws, indicator)?;
            let drop_pk: Vec<usize> = (0..ws.pk.len())
                .filter(|i| ws.pk[*i].kode == *kode && ws.pk[*i].indikator == at + 1)
                .collect();
            let pk = pk_lines(ws, &drop_pk, *force)?;
            done(
                Step::IndicatorRemove { path, at, drop_pk },
                Change::IndicatorRemove {
                    kode: kode.clone(),
                    indicator: indicator.clone(),
                    force: *force,
                    at: Some(at),
                    pk,
                },
            )
        }

        Change::IndicatorMove {
            kode,
            indikator,
            from,
            to,
        } => {
            let path = find(ws, loc, kode)?;
            let node = node_at(ws, &path);
            let found = indicator_pos(node, *indikator, kode)?;
            if found != *from {
                return Err(Refusal::IndicatorMoved {
                    kode: kode.clone(),
                    indikator: *indikator,
                    expected: *from,
                    found,
                });
            }
            let len = node.indikator.len();
            if *to >= len {
                return Err(Refusal::Position { at: *to, len });
            }
            if from == to {
                return Ok(None);
            }
            done(
                Step::IndicatorMove {
                    path,
                    from: *from,
                    to: *to,
                },
                change.clone(),
            )
        }

        Change::BudgetAdd { kode, budget } => {
            let path = find(ws, loc, kode)?;
            let node = node_at(ws, &path);
            if !node.jenis.has_budget() {
                return Err(Refusal::BudgetNotAllowed {
                    kode: kode.clone(),
                    jenis: node.jenis,
                });
            }
            if node.anggaran.is_some() {
                return Err(Refusal::BudgetExists { kode: kode.clone() });
            }
            for v in budget_figures(budget) {
                figure_in_range(kode, Some(v))?;
            }
            budget_open(ws, budget)?;
            done(Step::Budget { path, add: true }, change.clone())
        }

        Change::BudgetRemove { kode, budget } => {
            let path = find(ws, loc, kode)?;
            if node_at(ws, &path).anggaran.as_ref() != Some(budget) {
                return Err(Refusal::BudgetChanged { kode: kode.clone() });
            }
            budget_open(ws, budget)?;
            done(Step::Budget { path, add: false }, change.clone())
        }

        Change::OfficerAdd { at, officer } => {
            if ws.officer(&officer.id).is_some() {
                return Err(Refusal::OfficerIdTaken {
                    id: officer.id.clone(),
                });
            }
            let len = ws.pejabat.len();
            let at = at.unwrap_or(len);
            if at > len {
                return Err(Refusal::Position { at, len });
            }
            done(
                Step::OfficerAdd { at },
                Change::OfficerAdd {
                    at: Some(at),
                    officer: officer.clone(),
                },
            )
        }

        Change::OfficerEdit { old, new } => {
            if old.id != new.id {
                return Err(Refusal::OfficerIdFixed { id: old.id.clone() });
            }
            let at = officer_pos(ws, &old.id)?;
            let current = &ws.pejabat[at];
            if current == new {
                return Ok(None);
            }
            if current != old {
                return Err(Refusal::OfficerChanged { id: old.id.clone() });
            }
            done(Step::OfficerEdit { at }, change.clone())
        }

        Change::OfficerRemove { officer, .. } => {
            let at = officer_pos(ws, &officer.id)?;
            if ws.pejabat[at] != *officer {
                return Err(Refusal::OfficerChanged {
                    id: officer.id.clone(),
                });
            }
            if let Some(kode) = loc.officer_user(ws, &officer.id) {
                return Err(Refusal::OfficerInUse {
                    id: officer.id.clone(),
                    kode,
                });
            }
            done(
                Step::OfficerRemove { at },
                Change::OfficerRemove {
                    officer: officer.clone(),
                    at: Some(at),
                },
            )
        }

        Change::Note {
            kode,
            indikator,
            tw,
            attr,
        } => {
            let path = find(ws, loc, kode)?;
            let node = node_at(ws, &path);
            let pos = indicator_pos(node, *indikator, kode)?;
            let note = node.indikator[pos].penjelasan.get(*tw);
            // `Ok(None)`: already as the change would make it.
            let planned: Result<Option<NoteAttr>, Refusal> = (|| {
                let text = |s: &String| s.clone();
                let go = match attr {
                    NoteAttr::Pendorong(e) => compare(kode, &note.pendorong, e, text)?,
                    NoteAttr::Penghambat(e) => compare(kode, &note.penghambat, e, text)?,
                    NoteAttr::TindakLanjut(e) => compare(kode, &note.tindak_lanjut, e, text)?,
                    NoteAttr::Tenggat(e) => compare(kode, &note.tenggat, e, |d| {
                        d.map(|d| d.to_string()).unwrap_or_default()
                    })?,
                    NoteAttr::PejabatTindakLanjut(e) => {
                        officer_exists(ws, e.new.as_deref())?;
                        compare(kode, &note.pejabat, e, show_officer)?
                    }
                    NoteAttr::BuktiTambah { teks, urutan } => {
                        if note.bukti.contains(teks) {
                            return Ok(None);
                        }
                        let len = note.bukti.len();
                        let at = urutan.unwrap_or(len);
                        if at > len {
                            return Err(Refusal::Position { at, len });
                        }
                        return Ok(Some(NoteAttr::BuktiTambah {
                            teks: teks.clone(),
                            urutan: Some(at),
                        }));
                    }
                    NoteAttr::BuktiHapus { teks, .. } => {
                        return Ok(note.bukti.iter().position(|b| b == teks).map(|at| {
                            NoteAttr::BuktiHapus {
                                teks: teks.clone(),
                                urutan: Some(at),
                            }
                        }));
                    }
                };
                Ok(go.then(|| attr.clone()))
            })();
            if let Ok(None) = planned {
                return Ok(None);
            }
            // A closed quarter says so first: it is why nothing of it may change.
            quarter_open(ws, *tw)?;
            let attr = planned?.expect("handled above");
            done(
                Step::Note { path, pos },
                Change::Note {
                    kode: kode.clone(),
                    indikator: *indikator,
                    tw: *tw,
                    attr,
                },
            )
        }

        Change::Verify { tw, old, new, .. } => {
            let current = &ws.verifikasi[tw.index()];
            if current == new {
                return Ok(None);
            }
            if current != old {
                return Err(Refusal::VerificationChanged {
                    tw: *tw,
                    expected: old.clone(),
                    found: current.clone(),
                });
            }
            done(Step::Verify, change.clone())
        }
    }
}

fn perform(ws: &mut Workspace, step: &Step, effective: &Change) {
    match (step, effective) {
        (Step::Figure { path, field }, Change::Figure { op, .. }) => {
            field.set(node_at_mut(ws, path), op.new);
        }
        (Step::NodeAttr { path }, Change::NodeAttr { attr, .. }) => {
            let node = node_at_mut(ws, path);
            match attr {
                NodeAttr::Nama(e) => node.nama = e.new.clone(),
                NodeAttr::Pejabat(e) => node.pejabat = e.new.clone(),
                NodeAttr::SumberDana(e) => {
                    if let Some(b) = node.anggaran.as_mut() {
                        b.sumber_dana = e.new.clone();
                    }
                }
            }
        }
        (Step::IndicatorAttr { path, pos }, Change::IndicatorAttr { attr, .. }) => {
            let ind = &mut node_at_mut(ws, path).indikator[*pos];
            match attr {
                IndicatorAttr::Nama(e) => ind.nama = e.new.clone(),
                IndicatorAttr::Satuan(e) => ind.satuan = e.new.clone(),
                IndicatorAttr::Polaritas(e) => ind.polaritas = e.new,
                IndicatorAttr::Agregasi(e) => ind.agregasi = e.new,
                IndicatorAttr::Pejabat(e) => ind.pejabat = e.new.clone(),
            }
        }
        (Step::NodeAdd { parent, at }, Change::NodeAdd { node, pk, .. }) => {
            children_mut(ws, parent.as_deref()).insert(*at, node.clone());
            insert_pk(ws, pk);
        }
        (Step::NodeRemove { path, drop_pk }, _) => {
            remove_pk(ws, drop_pk);
            take_node(ws, path);
        }
        (Step::Recode { path, renames }, _) => {
            let map: HashMap<&str, &str> = renames
                .iter()
                .map(|(o, n)| (o.as_str(), n.as_str()))
                .collect();
            rename(node_at_mut(ws, path), &map);
            rename_pk(ws, &map);
        }
        (
            Step::Move {
                path,
                to_parent,
                to_at,
                renames,
            },
            _,
        ) => {
            let mut node = take_node(ws, path);
            let map: HashMap<&str, &str> = renames
                .iter()
                .map(|(o, n)| (o.as_str(), n.as_str()))
                .collect();
            rename(&mut node, &map);
            rename_pk(ws, &map);
            // The node has left: a target parent after it among the same siblings moved up one.
            let to_parent = to_parent.as_ref().map(|tp| {
                let mut tp = tp.clone();
                let d = path.len() - 1;
                if tp.len() > d && tp[..d] == path[..d] && tp[d] > path[d] {
                    tp[d] -= 1;
                }
                tp
            });
            children_mut(ws, to_parent.as_deref()).insert(*to_at, node);
        }
        (Step::IndicatorAdd { path, at }, Change::IndicatorAdd { indicator, pk, .. }) => {
            let node = node_at_mut(ws, path);
            let before = ids(node);
            node.indikator.insert(*at, indicator.clone());
            let (kode, after) = (node.kode.clone(), ids(node));
            follow_pk(ws, &kode, &before, &after);
            insert_pk(ws, pk);
        }
        (Step::IndicatorRemove { path, at, drop_pk }, _) => {
            remove_pk(ws, drop_pk);
            let node = node_at_mut(ws, path);
            let before = ids(node);
            node.indikator.remove(*at);
            let (kode, after) = (node.kode.clone(), ids(node));
            follow_pk(ws, &kode, &before, &after);
        }
        (Step::IndicatorMove { path, from, to }, _) => {
            let node = node_at_mut(ws, path);
            let before = ids(node);
            let ind = node.indikator.remove(*from);
            node.indikator.insert(*to, ind);
            let (kode, after) = (node.kode.clone(), ids(node));
            follow_pk(ws, &kode, &before, &after);
        }
        (Step::Budget { path, add }, Change::BudgetAdd { budget, .. })
        | (Step::Budget { path, add }, Change::BudgetRemove { budget, .. }) => {
            node_at_mut(ws, path).anggaran = add.then(|| budget.clone());
        }
        (Step::OfficerAdd { at }, Change::OfficerAdd { officer, .. }) => {
            ws.pejabat.insert(*at, officer.clone());
        }
        (Step::OfficerEdit { at }, Change::OfficerEdit { new, .. }) => {
            ws.pejabat[*at] = new.clone();
        }
        (Step::OfficerRemove { at }, _) => {
            ws.pejabat.remove(*at);
        }
        (Step::Note { path, pos }, Change::Note { tw, attr, .. }) => {
            let ind = &mut node_at_mut(ws, path).indikator[*pos];
            ind.penjelasan.update(*tw, |e| match attr {
                NoteAttr::Pendorong(x) => e.pendorong = x.new.clone(),
                NoteAttr::Penghambat(x) => e.penghambat = x.new.clone(),
                NoteAttr::TindakLanjut(x) => e.tindak_lanjut = x.new.clone(),
                NoteAttr::Tenggat(x) => e.tenggat = x.new,
                NoteAttr::PejabatTindakLanjut(x) => e.pejabat = x.new.clone(),
                NoteAttr::BuktiTambah { teks, urutan } => {
                    e.bukti.insert(urutan.expect("filled in"), teks.clone());
                }
                NoteAttr::BuktiHapus { urutan, .. } => {
                    e.bukti.remove(urutan.expect("filled in"));
                }
            });
        }
        (Step::Verify, Change::Verify { tw, new, .. }) => {
            ws.verifikasi[tw.index()] = new.clone();
        }
        _ => unreachable!("a plan's step matches its change"),
    }
}

// --- finding things --------------------------------------------------------------------------

/// Where the node coded `kode` is. A locator's position is checked (a stale one costs a
/// walk); its "not there" is trusted (see [`Locator`]).
fn find(ws: &Workspace, loc: &dyn Locator, kode: &str) -> Result<Vec<usize>, Refusal> {
    let at = match loc.node(ws, kode) {
        Some(p) if ws.node_at(&p).is_some_and(|n| n.kode == kode) => Some(p),
        Some(_) => Walk.node(ws, kode),
        None => None,
    };
    at.ok_or_else(|| Refusal::NodeGone {
        kode: kode.to_string(),
    })
}

fn node_at<'a>(ws: &'a Workspace, path: &[usize]) -> &'a Node {
    ws.node_at(path).expect("a path found in this workspace")
}

fn node_at_mut<'a>(ws: &'a mut Workspace, path: &[usize]) -> &'a mut Node {
    ws.node_at_mut(path)
        .expect("a path found in this workspace")
}

fn children<'a>(ws: &'a Workspace, parent: Option<&[usize]>) -> &'a Vec<Node> {
    match parent {
        None => &ws.pohon,
        Some(p) => &node_at(ws, p).anak,
    }
}

fn children_mut<'a>(ws: &'a mut Workspace, parent: Option<&[usize]>) -> &'a mut Vec<Node> {
    match parent {
        None => &mut ws.pohon,
        Some(p) => &mut node_at_mut(ws, p).anak,
    }
}

fn take_node(ws: &mut Workspace, path: &[usize]) -> Node {
    let (last, parent) = path.split_last().expect("a node's path is not empty");
    let parent = (!parent.is_empty()).then_some(parent);
    children_mut(ws, parent).remove(*last)
}

fn place_of(ws: &Workspace, path: &[usize]) -> Place {
    let (at, parent) = path.split_last().expect("a node's path is not empty");
    Place {
        parent: (!parent.is_empty()).then(|| node_at(ws, parent).kode.clone()),
        at: *at,
    }
}

fn indicator_pos(node: &Node, id: IndicatorId, kode: &str) -> Result<usize, Refusal> {
    node.indikator
        .iter()
        .position(|i| i.id == id)
        .ok_or_else(|| Refusal::IndicatorGone {
            kode: kode.to_string(),
            indikator: id,
        })
}

fn officer_pos(ws: &Workspace, id: &str) -> Result<usize, Refusal> {
    ws.pejabat
        .iter()
        .position(|o| o.id == id)
        .ok_or_else(|| Refusal::OfficerGone { id: id.to_string() })
}

fn officer_exists(ws: &Workspace, id: Option<&str>) -> Result<(), Refusal> {
    match id {
        Some(id) if ws.officer(id).is_none() => Err(Refusal::OfficerGone { id: id.to_string() }),
        _ => Ok(()),
    }
}

// --- preconditions and what a valid workspace needs --------------------------------------------

/// `Ok(true)`: the attribute is as the change expected; `Ok(false)`: it already has the new
/// value; otherwise someone changed it.
fn compare<T: PartialEq>(
    kode: &str,
    current: &T,
    edit: &Edit<T>,
    show: impl Fn(&T) -> String,
) -> Result<bool, Refusal> {
    if *current == edit.new {
        Ok(false)
    } else if *current == edit.old {
        Ok(true)
    } else {
        Err(Refusal::AttrChanged {
            kode: kode.to_string(),
            expected: show(&edit.old),
            found: show(current),
        })
    }
}

fn show_officer(id: &Option<String>) -> String {
    id.clone().unwrap_or_default()
}

fn show_polarity(p: &Polarity) -> String {
    p.name().into()
}

fn show_aggregation(a: &Aggregation) -> String {
    a.name().into()
}

fn figure_in_range(kode: &str, value: Option<Decimal>) -> Result<(), Refusal> {
    match value {
        Some(v) if (v.is_sign_negative() && !v.is_zero()) || v > MAX_FIGURE => {
            Err(Refusal::BadFigure {
                kode: kode.to_string(),
                value: v,
            })
        }
        _ => Ok(()),
    }
}

fn budget_figures(b: &Budget) -> impl Iterator<Item = Decimal> + '_ {
    [
        b.pagu,
        b.pagu_murni,
        b.realisasi_tahun,
        b.renstra_akhir,
        b.renstra_realisasi,
    ]
    .into_iter()
    .chain(b.realisasi_rp)
    .flatten()
}

fn indicator_figures(i: &Indicator) -> impl Iterator<Item = Decimal> + '_ {
    [
        i.target,
        i.target_pk_murni,
        i.target_pk_perubahan,
        i.renstra.akhir,
    ]
    .into_iter()
    .chain(i.rencana)
    .chain(i.realisasi)
    .flatten()
    .chain(i.riwayat.values().copied())
    .chain(i.renstra.target.values().copied())
}

/// An indicator a workspace can hold: an id, figures in range, officers that exist.
fn indicator_fits(ws: &Workspace, kode: &str, ind: &Indicator) -> Result<(), Refusal> {
    if ind.id.is_unset() {
        return Err(Refusal::IdUnset);
    }
    for v in indicator_figures(ind) {
        figure_in_range(kode, Some(v))?;
    }
    for id in ind.penjelasan.officers() {
        officer_exists(ws, Some(id))?;
    }
    officer_exists(ws, ind.pejabat.as_deref())
}

/// Quarter `q` open to changes: not verified.
fn quarter_open(ws: &Workspace, q: Quarter) -> Result<(), Refusal> {
    match &ws.verifikasi[q.index()] {
        Some(by) => Err(Refusal::QuarterLocked {
            tw: q,
            by: by.clone(),
        }),
        None => Ok(()),
    }
}

/// An indicator added or removed whole holds nothing in a verified quarter: a realisation, a
/// plan or an explanation of it would come or go with it.
fn indicator_open(ws: &Workspace, ind: &Indicator) -> Result<(), Refusal> {
    for q in Quarter::ALL {
        let i = q.index();
        let holds = ind.realisasi[i].is_some()
            || ind.rencana[i].is_some()
            || !ind.penjelasan.get(q).is_empty();
        if holds {
            quarter_open(ws, q)?;
        }
    }
    Ok(())
}

/// A budget added or removed whole holds no Rupiah spent in a verified quarter.
fn budget_open(ws: &Workspace, b: &Budget) -> Result<(), Refusal> {
    for q in Quarter::ALL {
        if b.realisasi_rp[q.index()].is_some() {
            quarter_open(ws, q)?;
        }
    }
    Ok(())
}

/// A node added or removed with everything below it holds nothing in a verified quarter.
fn subtree_open(ws: &Workspace, node: &Node) -> Result<(), Refusal> {
    if ws.verifikasi.iter().all(Option::is_none) {
        return Ok(());
    }
    for n in node.iter() {
        for ind in &n.indikator {
            indicator_open(ws, ind)?;
        }
        if let Some(b) = &n.anggaran {
            budget_open(ws, b)?;
        }
    }
    Ok(())
}

fn below_parent(node: &Node, parent: &Node) -> Result<(), Refusal> {
    if node.jenis > parent.jenis {
        Ok(())
    } else {
        Err(Refusal::LevelNotBelow {
            kode: node.kode.clone(),
            jenis: node.jenis,
            parent: parent.jenis,
        })
    }
}

/// A subtree the workspace can take under `parent`: codes and ids new and unique, each node
/// below its parent's level, budgets only where they belong, figures in range, officers known.
fn subtree_fits(
    ws: &Workspace,
    loc: &dyn Locator,
    node: &Node,
    parent: Option<&Node>,
) -> Result<(), Refusal> {
    if let Some(p) = parent {
        below_parent(node, p)?;
    }
    let mut codes = HashSet::new();
    let mut ids = HashSet::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if n.kode.trim().is_empty() {
            return Err(Refusal::KodeEmpty);
        }
        if !codes.insert(n.kode.as_str()) {
            return Err(Refusal::KodeTaken {
                kode: n.kode.clone(),
            });
        }
        if n.anggaran.is_some() && !n.jenis.has_budget() {
            return Err(Refusal::BudgetNotAllowed {
                kode: n.kode.clone(),
                jenis: n.jenis,
            });
        }
        if let Some(b) = &n.anggaran {
            for v in budget_figures(b) {
                figure_in_range(&n.kode, Some(v))?;
            }
        }
        officer_exists(ws, n.pejabat.as_deref())?;
        for ind in &n.indikator {
            indicator_fits(ws, &n.kode, ind)?;
            if !ids.insert(ind.id) {
                return Err(Refusal::IdTaken { indikator: ind.id });
            }
        }
        for c in &n.anak {
            below_parent(c, n)?;
            stack.push(c);
        }
    }
    let codes: Vec<&str> = codes.into_iter().collect();
    if let Some(kode) = loc.taken_code(ws, &codes) {
        return Err(Refusal::KodeTaken { kode });
    }
    let ids: Vec<IndicatorId> = ids.into_iter().collect();
    if let Some(id) = loc.taken_id(ws, &ids) {
        return Err(Refusal::IdTaken { indikator: id });
    }
    Ok(())
}

/// The codes a node and its descendants take when the node is recoded to `new`: descendants
/// whose code extends the node's follow. Refused when a new code is taken, or when a
/// descendant that does not follow already extends `new` (undoing the recode would then take
/// it along too).
fn recode_plan(
    ws: &Workspace,
    loc: &dyn Locator,
    node: &Node,
    new: &str,
) -> Result<Vec<(String, String)>, Refusal> {
    if new.trim().is_empty() {
        return Err(Refusal::KodeEmpty);
    }
    let (old_prefix, new_prefix) = (format!("{}.", node.kode), format!("{new}."));
    let mut renames = vec![(node.kode.clone(), new.to_string())];
    for d in node.iter().skip(1) {
        if let Some(rest) = d.kode.strip_prefix(&old_prefix) {
            renames.push((d.kode.clone(), format!("{new_prefix}{rest}")));
        } else if d.kode.starts_with(&new_prefix) {
            return Err(Refusal::RecodeClash {
                kode: d.kode.clone(),
            });
        }
    }
    let olds: HashSet<&str> = renames.iter().map(|(o, _)| o.as_str()).collect();
    let news: Vec<&str> = renames
        .iter()
        .map(|(_, n)| n.as_str())
        .filter(|n| !olds.contains(n))
        .collect();
    if let Some(kode) = loc.taken_code(ws, &news) {
        return Err(Refusal::KodeTaken { kode });
    }
    Ok(renames)
}

/// The PK lines at `indices` as a removal takes them (refused without `force`).
fn pk_lines(ws: &Workspace, indices: &[usize], force: bool) -> Result<Vec<PkAt>, Refusal> {
    if !indices.is_empty() && !force {
        return Err(Refusal::PkLines {
            no: indices.iter().map(|i| ws.pk[*i].no.clone()).collect(),
        });
    }
    Ok(indices
        .iter()
        .map(|i| PkAt {
            index: *i,
            line: ws.pk[*i].clone(),
        })
        .collect())
}

/// The `k`-th PK line coming back (in order) goes to `index`: it must exist by then.
fn pk_position(ws: &Workspace, index: usize, k: usize) -> Result<(), Refusal> {
    let len = ws.pk.len() + k;
    if index > len {
        return Err(Refusal::Position { at: index, len });
    }
    Ok(())
}

// --- carrying out ------------------------------------------------------------------------------

fn ids(node: &Node) -> Vec<IndicatorId> {
    node.indikator.iter().map(|i| i.id).collect()
}

/// PK lines of node `kode` keep pointing at the same indicators after their positions changed
/// from `before` to `after`.
fn follow_pk(ws: &mut Workspace, kode: &str, before: &[IndicatorId], after: &[IndicatorId]) {
    for line in ws.pk.iter_mut().filter(|l| l.kode == kode) {
        let id = line.indikator.checked_sub(1).and_then(|i| before.get(i));
        if let Some(p) = id.and_then(|id| after.iter().position(|a| a == id)) {
            line.indikator = p + 1;
        }
    }
}

fn insert_pk(ws: &mut Workspace, pk: &[PkAt]) {
    for p in pk {
        ws.pk.insert(p.index, p.line.clone());
    }
}

fn remove_pk(ws: &mut Workspace, indices: &[usize]) {
    for i in indices.iter().rev() {
        ws.pk.remove(*i);
    }
}

fn rename(node: &mut Node, map: &HashMap<&str, &str>) {
    if map.is_empty() {
        return;
    }
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if let Some(new) = map.get(n.kode.as_str()) {
            n.kode = new.to_string();
        }
        stack.extend(n.anak.iter_mut());
    }
}

fn rename_pk(ws: &mut Workspace, map: &HashMap<&str, &str>) {
    for line in &mut ws.pk {
        if let Some(new) = map.get(line.kode.as_str()) {
            line.kode = new.to_string();
        }
    }
}
