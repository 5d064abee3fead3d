//! Every change of the workspace on screen goes through here: a user's change (held to the
//! rules first, as on the command line), an undo or a redo (the inverse of a change as it was
//! applied), a change put back onto another user's save. Each is applied with the session's
//! index as locator (no walk of the tree), the indexes are brought up to date for what it
//! changed (see `structure`), and the unsaved list and the recovery file follow.

use super::Session;
use super::index::nodes_at;
use super::over_pagu;
use super::structure::{Gone, Region, Reshape};
use super::unsaved::Shown;
use crate::model::change::{self, Applied};
use crate::model::{Change, Field, IndicatorAttr, NodeAttr, Objection, Op, Refusal};
use crate::rules;
use rust_decimal::Decimal;
use std::sync::Arc;

/// A change as done on screen, and the unsaved entry that carries it (`None` when it left the
/// list as nothing: a figure typed back, an undo of an unsaved change). The undo history keeps
/// these.
#[derive(Clone, Debug, PartialEq)]
pub struct Done {
    pub applied: Applied,
    pub seq: Option<u64>,
    /// Where the change came from (`import FILE`; `None`: typed), and where its inverse
    /// does: an undo is the user's own, the redo of an import is the import again.
    pub source: Option<Arc<str>>,
    pub reverse_source: Option<Arc<str>>,
}

/// What the indexes need to know before a change, to follow it after.
enum Pre {
    Nothing,
    /// A figure or an indicator's polarity or aggregation of the node at `path`.
    Figure {
        path: Vec<usize>,
        before: Box<super::index::Before>,
    },
    Budget {
        path: Vec<usize>,
        before: Option<crate::tui::figures::YearBudget>,
    },
    Name(String),
    Own(String, Gone),
    Regions {
        regions: Vec<Region>,
        gone: Gone,
        /// The recoded node's subtree codes before, and where to find it after.
        recoded: Option<(Vec<String>, String)>,
    },
}

impl Session {
    /// Where a change's figure is: the node's path and the field at the indicator's position
    /// now (found by its id).
    pub(super) fn figure_at(
        &self,
        kode: &str,
        indikator: Option<crate::model::IndicatorId>,
        field: Field,
    ) -> Option<(Vec<usize>, Field)> {
        let path = self.index.paths.get(kode)?.clone();
        let node = self.ws.node_at(&path)?;
        let field = match (field.indicator(), indikator) {
            (None, _) => field,
            (Some(_), Some(id)) => {
                field.with_indicator(node.indikator.iter().position(|i| i.id == id)?)
            }
            (Some(_), None) => return None,
        };
        Some((path, field))
    }

    fn prepare(&mut self, change: &Change) -> Pre {
        match change {
            Change::Figure { indikator, op } => {
                let Some((path, field)) = self.figure_at(&op.kode, *indikator, op.field) else {
                    return Pre::Nothing;
                };
                let Some(node) = self.ws.node_at(&path) else {
                    return Pre::Nothing;
                };
                let before = self.index.before(node, field);
                Pre::Figure {
                    path,
                    before: Box::new(before),
                }
            }
            Change::IndicatorAttr {
                kode,
                indikator,
                attr: IndicatorAttr::Polaritas(_) | IndicatorAttr::Agregasi(_),
            } => {
                let Some((path, field)) = self.figure_at(kode, Some(*indikator), Field::Target(0))
                else {
                    return Pre::Nothing;
                };
                let Some(node) = self.ws.node_at(&path) else {
                    return Pre::Nothing;
                };
                let before = self.index.before(node, field);
                Pre::Figure {
                    path,
                    before: Box::new(before),
                }
            }
            Change::NodeAttr {
                kode,
                attr: NodeAttr::Nama(_),
            } => Pre::Name(kode.clone()),
            Change::BudgetAdd { kode, .. } | Change::BudgetRemove { kode, .. } => {
                let Some(path) = self.index.paths.get(kode).cloned() else {
                    return Pre::Nothing;
                };
                let before = self
                    .ws
                    .node_at(&path)
                    .and_then(|n| self.index.budgets.of(n));
                Pre::Budget { path, before }
            }
            Change::IndicatorAdd { kode, .. }
            | Change::IndicatorRemove { kode, .. }
            | Change::IndicatorMove { kode, .. } => {
                let gone = self.detach_own(kode);
                Pre::Own(kode.clone(), gone)
            }
            Change::NodeAdd { .. }
            | Change::NodeRemove { .. }
            | Change::NodeRecode { .. }
            | Change::NodeMove { .. } => {
                let recoded = match change {
                    Change::NodeRecode { kode, new } => Some((kode.clone(), new.clone())),
                    Change::NodeMove {
                        kode,
                        new_kode: Some(new),
                        ..
                    } => Some((kode.clone(), new.clone())),
                    _ => None,
                }
                .map(|(old, new)| (self.subtree_codes(&old), new));
                let regions = self.regions(change);
                let gone = self.detach_regions(&regions);
                Pre::Regions {
                    regions,
                    gone,
                    recoded,
                }
            }
            _ => Pre::Nothing,
        }
    }

    fn follow(&mut self, pre: Pre) {
        match pre {
            Pre::Nothing => {}
            Pre::Figure { path, before } => self.index.after(&self.ws, &path, *before),
            Pre::Budget { path, before } => {
                let nodes = nodes_at(&self.ws.pohon, &path);
                self.index.budgets.update_path(&nodes, before);
            }
            Pre::Name(kode) => {
                if let Some(n) = self.node(&kode) {
                    let nama = n.nama.clone();
                    if let Some(d) = self.index.dashboard.as_mut() {
                        d.rename_program(&kode, &nama);
                    }
                }
                self.reshaped.push(Reshape::Renamed(kode));
            }
            Pre::Own(kode, gone) => self.attach_own(&kode, gone),
            Pre::Regions {
                regions,
                gone,
                recoded,
            } => {
                self.attach_regions(&regions, gone);
                if let Some((old, new)) = recoded {
                    let pairs: Vec<(String, String)> = old
                        .into_iter()
                        .zip(self.subtree_codes(&new))
                        .filter(|(a, b)| a != b)
                        .collect();
                    if !pairs.is_empty() {
                        self.reshaped.push(Reshape::Recoded(pairs));
                    }
                }
                self.reshaped.push(Reshape::Regions(regions));
            }
        }
    }

    /// Applies `change` to the workspace on screen with every index kept current; nothing
    /// else (no rule, no unsaved entry). `Ok(None)`: it was already so.
    pub(super) fn show(&mut self, change: &Change) -> Result<Option<Applied>, Refusal> {
        change::check_with(&self.ws, change, &self.index.locator())?;
        // What the over-pagu list (when kept) must judge again: the path of a figure, a
        // budget or a name; the nodes a change of the tree's shape moved, added or removed,
        // with their ancestors before and after.
        let keep = self.over_pagu.is_some();
        let shape_before = if keep {
            self.shape_kodes(change, true)
        } else {
            None
        };
        let pre = self.prepare(change);
        if keep {
            match &pre {
                Pre::Figure { path, .. } | Pre::Budget { path, .. } => {
                    let kodes = over_pagu::along(&self.ws, path);
                    self.over_pagu_stale.touch(kodes, false);
                }
                Pre::Name(kode) => self.over_pagu_stale.touch([kode.clone()], false),
                _ => {}
            }
        }
        let result = change::apply_with(&mut self.ws, change, &self.index.locator());
        // Also after a refusal (which the check makes unexpected): what was taken out of the
        // indexes goes back as the tree is.
        self.follow(pre);
        if let Some(mut kodes) = shape_before {
            kodes.extend(self.shape_kodes(change, false).unwrap_or_default());
            self.over_pagu_stale.touch(kodes, true);
        }
        result
    }

    /// For a change of the tree's shape, the codes of the nodes it touches at its old place
    /// (`before`) or its new one: the node, its ancestors and everything below it. `None` for
    /// any other change.
    fn shape_kodes(&self, change: &Change, before: bool) -> Option<Vec<String>> {
        let around = |kode: &str| {
            self.index
                .paths
                .get(kode)
                .map(|p| over_pagu::around(&self.ws, p))
                .unwrap_or_default()
        };
        Some(match (change, before) {
            (Change::NodeAdd { parent, .. }, true) => parent
                .as_deref()
                .and_then(|k| self.index.paths.get(k))
                .map(|p| over_pagu::along(&self.ws, p))
                .unwrap_or_default(),
            (Change::NodeAdd { node, .. }, false) => around(&node.kode),
            (Change::NodeRemove { node, .. }, true) => around(&node.kode),
            (Change::NodeRemove { .. }, false) => Vec::new(),
            (Change::NodeRecode { kode, .. }, true) | (Change::NodeMove { kode, .. }, true) => {
                around(kode)
            }
            (Change::NodeRecode { new, .. }, false) => around(new),
            (Change::NodeMove { kode, new_kode, .. }, false) => {
                around(new_kode.as_deref().unwrap_or(kode))
            }
            _ => return None,
        })
    }

    /// [`show`](Self::show), a figure set whatever it is now (a change put back onto another
    /// user's save shows the user's figure; saving then asks if they differ).
    pub(super) fn show_forced(&mut self, change: &Change) -> Result<Option<Applied>, Refusal> {
        let Change::Figure { indikator, op } = change else {
            return self.show(change);
        };
        let Some((path, field)) = self.figure_at(&op.kode, *indikator, op.field) else {
            // Refused as the change itself would be.
            return self.show(change);
        };
        let current = self.ws.node_at(&path).and_then(|n| field.get(n)).flatten();
        self.show(&Change::Figure {
            indikator: *indikator,
            op: Op {
                kode: op.kode.clone(),
                field,
                old: current,
                new: op.new,
            },
        })
    }

    /// The user's changes, each held to the rules and applied in turn; all or none (on an
    /// objection those already applied are taken back and the objection returned).
    pub fn make(&mut self, changes: Vec<Change>) -> Result<Vec<Done>, Objection> {
        self.make_from(changes, None)
    }

    /// [`make`](Self::make), the changes coming from `source` (`import FILE`), which the save
    /// writes into the journal for each. An unsaved entry says where its last change came
    /// from: a figure imported and then typed over is typed.
    pub fn make_from(
        &mut self,
        changes: Vec<Change>,
        source: Option<Arc<str>>,
    ) -> Result<Vec<Done>, Objection> {
        let mut done: Vec<Done> = Vec::new();
        for c in changes {
            let result = rules::change::check_with(&self.ws, &c, &self.index.locator())
                .and_then(|()| self.show(&c).map_err(Objection::from));
            match result {
                Ok(Some(applied)) => {
                    let seq = self.record(c, applied.clone());
                    self.set_source(seq, source.clone());
                    done.push(Done {
                        applied,
                        seq,
                        source: source.clone(),
                        reverse_source: None,
                    });
                }
                Ok(None) => {}
                Err(o) => {
                    for d in done.into_iter().rev() {
                        let _ = self.reverse_one(d);
                    }
                    return Err(o);
                }
            }
        }
        Ok(done)
    }

    /// A figure typed by the user: `kode`'s `field` to `value`, from what it is now.
    pub fn figure_change(
        &self,
        kode: &str,
        field: Field,
        value: Option<Decimal>,
    ) -> Option<Change> {
        Change::figure_of(self.node(kode)?, field, value)
    }

    /// Into the unsaved list (and the recovery file); the entry that carries it.
    pub(super) fn record(&mut self, change: Change, applied: Applied) -> Option<u64> {
        let r = self.unsaved.record(change, applied);
        self.unsaved_one(r.seq());
        r.carrier()
    }

    /// Takes one done change back: its inverse applied. When the change is the last unsaved
    /// entry, exactly as made, that entry goes (so undoing unsaved work leaves nothing
    /// unsaved); else the inverse is a change of its own.
    fn reverse_one(&mut self, d: Done) -> Result<Option<Done>, Refusal> {
        let inverse = d.applied.inverse();
        let pop = d.seq.filter(|s| {
            self.unsaved.last_seq() == Some(*s)
                && matches!(
                    self.unsaved.get(*s).map(|e| &e.shown),
                    Some(Shown::Exact(a)) if *a == d.applied
                )
        });
        let Some(applied) = self.show(&inverse)? else {
            return Ok(None);
        };
        let seq = match pop {
            Some(s) => {
                self.unsaved.remove(s);
                self.unsaved_one(s);
                None
            }
            None => {
                let seq = self.record(inverse, applied.clone());
                self.set_source(seq, d.reverse_source.clone());
                seq
            }
        };
        Ok(Some(Done {
            applied,
            seq,
            source: d.reverse_source,
            reverse_source: d.source,
        }))
    }

    /// The entry `seq` now says where its last change came from.
    fn set_source(&mut self, seq: Option<u64>, source: Option<Arc<str>>) {
        if let Some(s) = seq {
            match source {
                Some(src) => self.sources.insert(s, src),
                None => self.sources.remove(&s),
            };
        }
    }

    /// Undo (or redo) one step of the history: each change of it taken back, the last first;
    /// all or none. Returns the step that takes it back again.
    pub fn reverse(&mut self, step: Vec<Done>) -> Result<Vec<Done>, Refusal> {
        let mut back: Vec<Done> = Vec::new();
        for d in step.into_iter().rev() {
            match self.reverse_one(d) {
                Ok(Some(b)) => back.push(b),
                Ok(None) => {}
                Err(why) => {
                    for b in back.into_iter().rev() {
                        let _ = self.reverse_one(b);
                    }
                    return Err(why);
                }
            }
        }
        Ok(back)
    }

    /// What the tree pane is to follow since last asked.
    pub fn take_reshaped(&mut self) -> Vec<Reshape> {
        std::mem::take(&mut self.reshaped)
    }

    /// At a save's conflict about a figure: keep the user's value over `theirs` (the entry
    /// now expects the file's value).
    pub fn keep_mine_at(&mut self, seq: u64, theirs: Option<Decimal>) {
        if let Some(e) = self.unsaved.get_mut(seq)
            && let Change::Figure { op, .. } = &mut e.change
        {
            op.old = theirs;
        }
        self.unsaved_one(seq);
    }

    /// At a save's conflict about a figure: the file's value `theirs` on screen too (the entry
    /// then sets what the file already holds, and the save lets it go).
    pub fn take_theirs_at(&mut self, seq: u64, theirs: Option<Decimal>) {
        let Some(Change::Figure { indikator, op }) =
            self.unsaved.get(seq).map(|e| e.change.clone())
        else {
            return;
        };
        let Some((path, field)) = self.figure_at(&op.kode, indikator, op.field) else {
            return;
        };
        let now = self.ws.node_at(&path).and_then(|n| field.get(n)).flatten();
        let change = Change::Figure {
            indikator,
            op: Op {
                kode: op.kode.clone(),
                field,
                old: now,
                new: theirs,
            },
        };
        if let Ok(Some(a)) = self.show(&change) {
            self.record(change, a);
        }
    }
}
