//! The workspace being worked on. Owns the workspace as the user sees it (the file plus their
//! unsaved changes), the quarter it is judged at, its indexes (positions, badges, budgets, the
//! dashboard's figures: see [`Index`]) and the count of changes made; and, in `sync`, its side
//! on disk: the base as last read or saved, the stamp of those bytes, the figures touched
//! since, the figures a reload found changed under the user, and the jobs on the worker.
//!
//! Every change of the workspace — a figure, a name, a node added or removed — goes through
//! [`Session::make`] (a user's, held to the rules) or [`Session::reverse`] (undo, redo), which
//! keep the indexes current for what changed (`apply`, `structure`) and record it in the
//! unsaved list (`unsaved`). Every call into `crate::store` is in this module or the worker.

mod apply;
mod index;
mod over_pagu;
mod rebase;
mod receive;
pub mod recovery;
pub mod replay;
mod structure;
mod sync;
mod texts;
mod unsaved;

pub use apply::Done;
pub use index::Index;
pub use receive::{Conflicted, Outcome};
pub use structure::{Region, Reshape};
pub use sync::{DiskCheck, Progress};
pub use unsaved::Shown;

use crate::locale::Lang;
use crate::model::{Field, Indicator, Node, Quarter, Workspace};
use crate::report;
use crate::rules::{self, Status};
use crate::store::Stamp;
use crate::tui::badges::{Badge, Badges};
use crate::tui::figures::{Dashboard, YearBudget};
use rust_decimal::Decimal;
use std::path::PathBuf;

pub struct Session {
    ws: Workspace,
    index: Index,
    lang: Lang,
    /// The user's changes not saved yet (a save in flight holds its own; see `sync`).
    unsaved: unsaved::Unsaved,
    /// What the tree pane is to follow (see [`Session::take_reshaped`]).
    reshaped: Vec<Reshape>,
    disk: sync::Disk,
    /// The recovery file of the unsaved changes, for a workspace with a file (off until the
    /// app knows no other session of this user keeps it; see `app::recover`).
    recovery: Option<recovery::Recovery>,
    /// The recovery file's problem last told to the user.
    recovery_told: Option<String>,
    /// Where unsaved entries came from when not typed (`import FILE`), by sequence number:
    /// the save writes it into the journal. Not in the recovery file (a re-applied change
    /// says nothing).
    sources: std::collections::HashMap<u64, std::sync::Arc<str>>,
    /// The nodes spent beyond their pagu (see `over_pagu`), and what moved since it was
    /// computed.
    over_pagu: Option<over_pagu::OverPaguList>,
    over_pagu_stale: over_pagu::Stale,
}

impl Session {
    /// `file`: where `ws` was read from and the stamp of those bytes; `None` for a workspace
    /// that lives only in memory.
    pub fn new(ws: Workspace, file: Option<(PathBuf, Stamp)>, lang: Lang) -> Session {
        let index = Index::build(&ws, ws.pengaturan.triwulan_berjalan, false);
        let recovery = file
            .as_ref()
            .map(|(path, _)| recovery::Recovery::start(path.clone()));
        let disk = sync::Disk::new(file, ws.clone());
        Session {
            ws,
            index,
            lang,
            unsaved: unsaved::Unsaved::default(),
            reshaped: Vec::new(),
            disk,
            recovery,
            recovery_told: None,
            sources: Default::default(),
            over_pagu: None,
            over_pagu_stale: over_pagu::Stale::Whole,
        }
    }

    pub fn ws(&self) -> &Workspace {
        &self.ws
    }

    pub fn quarter(&self) -> Quarter {
        self.index.quarter
    }

    /// Judges everything as of `q` (badges, and the dashboard when kept).
    pub fn set_quarter(&mut self, q: Quarter) {
        self.index.set_quarter(&self.ws, q);
    }

    /// A node's position (child indices from the root); positions compare in tree order.
    pub fn position(&self, kode: &str) -> Option<&Vec<usize>> {
        self.index.paths.get(kode)
    }

    /// A node by code, in O(depth).
    pub fn node(&self, kode: &str) -> Option<&Node> {
        let node = self.ws.node_at(self.index.paths.get(kode)?)?;
        (node.kode == kode).then_some(node)
    }

    /// The nodes above `kode`, root first, in O(depth).
    pub fn ancestors(&self, kode: &str) -> Vec<&Node> {
        let Some(path) = self.index.paths.get(kode) else {
            return Vec::new();
        };
        index::nodes_at(&self.ws.pohon, &path[..path.len().saturating_sub(1)])
    }

    /// The current value of a field of a node.
    pub fn value(&self, kode: &str, field: Field) -> Option<Decimal> {
        self.node(kode).and_then(|n| field.get(n)).flatten()
    }

    pub fn badges(&self) -> &Badges {
        &self.index.badges
    }

    /// What a node's row shows.
    pub fn badge(&self, node: &Node) -> Badge {
        self.index.badges.row(node)
    }

    /// A node's budget at every quarter (the sum of its children's where they have one).
    pub fn budget(&self, node: &Node) -> Option<YearBudget> {
        self.index.budgets.of(node)
    }

    /// Whether a node's budget is the sum of its children's (and so not typed into).
    pub fn budget_is_derived(&self, node: &Node) -> bool {
        self.index.budgets.is_derived(node)
    }

    /// The whole body's budget at every quarter.
    pub fn budget_total(&self) -> Option<YearBudget> {
        self.index.budgets.total()
    }

    /// The status of an indicator at the session's quarter.
    pub fn status(&self, ind: &Indicator) -> Status {
        rules::status(ind, self.index.quarter, &self.ws.pengaturan)
    }

    /// The dashboard's figures, once they have been asked for (see [`show_dashboard`]).
    ///
    /// [`show_dashboard`]: Self::show_dashboard
    pub fn dashboard(&self) -> Option<&Dashboard> {
        self.index.dashboard.as_ref()
    }

    /// Computes the dashboard's figures if they are not kept yet; from then on each edit, each
    /// change of quarter and each reload keeps them current.
    pub fn show_dashboard(&mut self) {
        self.index.ensure_dashboard(&self.ws);
    }

    /// `count` rows of the dashboard's list from `offset` on: red indicators worst first, then
    /// the ones due but not entered. From the kept figures; before they are kept, from a
    /// computation of the whole tree (which changes nothing).
    pub fn attention_rows(&self, offset: usize, count: usize) -> Vec<report::IndicatorRow> {
        let computed;
        let dashboard = match &self.index.dashboard {
            Some(d) => d,
            None => {
                computed = Dashboard::compute(&self.ws, self.index.quarter, &self.index.paths);
                &computed
            }
        };
        dashboard
            .attention(offset)
            .take(count)
            .filter_map(|(positions, i)| {
                let nodes = index::nodes_at(&self.ws.pohon, positions);
                let (node, ancestors) = nodes.split_last()?;
                let visit = crate::model::NodeVisit {
                    node,
                    ancestors: ancestors.to_vec(),
                };
                let ind = node.indikator.get(*i)?;
                Some(report::IndicatorRow::new(
                    &self.ws,
                    &visit,
                    *i,
                    ind,
                    self.index.quarter,
                ))
            })
            .collect()
    }

    /// The nodes that spent beyond their pagu by the session's quarter, in tree order (a parent
    /// before the nodes below it), as last computed by [`refresh_over_pagu`]; empty before.
    ///
    /// [`refresh_over_pagu`]: Self::refresh_over_pagu
    pub fn over_pagu(&self) -> &[rules::OverPagu] {
        self.over_pagu.as_ref().map_or(&[], |l| l.list())
    }

    /// Brings [`over_pagu`](Self::over_pagu) up to date: the nodes on the paths changed
    /// since judged again from the kept sums (`rules::over_pagu_of`, the rule of `kinerja
    /// red`); every node after a change of the tree's shape, another user's save or another
    /// quarter. Called while the dashboard shows.
    pub fn refresh_over_pagu(&mut self) {
        over_pagu::OverPaguList::refresh(
            &mut self.over_pagu,
            &mut self.over_pagu_stale,
            &self.ws,
            &self.index,
        );
    }

    /// Whether anything differs from the file as last read or saved: an unsaved change, or a
    /// save in flight that has not landed yet. Undoing back to the saved state, or typing a
    /// figure's own value again, leaves nothing unsaved (the list is kept compact).
    pub fn is_dirty(&self) -> bool {
        !self.unsaved.is_empty()
            || self
                .disk
                .flight
                .as_ref()
                .is_some_and(|f| !f.sent.is_empty())
    }

    /// How many changes differ from the file as last read or saved (those of a save in flight
    /// included).
    pub fn unsaved_count(&self) -> usize {
        self.unsaved.len() + self.disk.flight.as_ref().map_or(0, |f| f.sent.len())
    }

    /// Where the indexes kept along the changes differ from a full computation (tests).
    pub fn index_differs(&self) -> Option<String> {
        self.index.differs_from_rebuild(&self.ws).or_else(|| {
            over_pagu::differs(
                self.over_pagu.as_ref(),
                &self.over_pagu_stale,
                &self.ws,
                self.index.quarter,
            )
        })
    }

    /// This user's verification of a quarter, now: the OS user as the journal records it and
    /// the local time (what `kinerja lock` records).
    pub fn verification_now(&self) -> crate::model::Verification {
        crate::model::Verification {
            oleh: crate::store::journal::current_user(),
            waktu: crate::time::rfc3339(crate::time::now().0),
        }
    }

    /// A new indicator id, not in use (no walk of the tree).
    pub fn fresh_indicator_id(&self) -> crate::model::IndicatorId {
        crate::model::IndicatorId::fresh(|id| self.index.ids.contains(&id))
    }

    /// Whether a node has this code (no walk of the tree).
    pub fn has_code(&self, kode: &str) -> bool {
        self.index.paths.contains_key(kode)
    }

    /// Called whenever the unsaved changes may have changed wholesale: a save that landed or
    /// failed, a reload, a conflict's answer. Hands every one of them to the recovery file's
    /// thread (nothing is written on the key path); a save in flight counts as unsaved until
    /// it lands.
    pub(super) fn unsaved_changed(&mut self) {
        let Some(rec) = self.recovery.as_ref().filter(|r| !r.is_off()) else {
            return;
        };
        let Some(stamp) = self.disk.stamp else {
            return;
        };
        rec.put_all(self.recovery_changes(), stamp);
    }

    /// After one unsaved entry changed (made, merged, gone): only it goes to the recovery
    /// file's thread (O(log n), whatever the number of unsaved changes).
    pub(super) fn unsaved_one(&mut self, seq: u64) {
        let Some(rec) = self.recovery.as_ref().filter(|r| !r.is_off()) else {
            return;
        };
        let Some(stamp) = self.disk.stamp else {
            return;
        };
        rec.put_one(seq, self.unsaved.get(seq).map(|e| e.change.clone()), stamp);
    }

    /// The unsaved changes for the recovery file, in the order made: those of a save in
    /// flight (it may not land), then the list.
    fn recovery_changes(&self) -> Vec<(u64, crate::model::Change)> {
        let flight = self.disk.flight.iter().flat_map(|f| f.sent.iter());
        flight
            .map(|(s, e)| (*s, e.change.clone()))
            .chain(self.unsaved.iter().map(|(s, e)| (s, e.change.clone())))
            .collect()
    }

    /// From now on the recovery file is kept (and written now, in case there is something
    /// unsaved already).
    pub fn recovery_on(&mut self) {
        if let Some(rec) = self.recovery.as_mut() {
            rec.turn_on();
        }
        self.unsaved_changed();
    }

    /// This session keeps no recovery file.
    pub fn recovery_off(&mut self) {
        if let Some(rec) = self.recovery.as_mut() {
            rec.turn_off();
        }
    }

    /// Whether the recovery file is kept by this session.
    pub fn recovery_kept(&self) -> bool {
        self.recovery.as_ref().is_some_and(|r| !r.is_off())
    }

    /// The unsaved changes are given up (quitting without saving): the recovery file goes.
    pub fn discard_recovery(&mut self) {
        if let (Some(rec), Some(stamp)) = (self.recovery.as_ref(), self.disk.stamp)
            && !rec.is_off()
        {
            rec.put_all(Vec::new(), stamp);
        }
    }

    /// Waits up to `timeout` until the recovery file holds the newest state.
    pub fn flush_recovery(&self, timeout: std::time::Duration) -> bool {
        self.recovery.as_ref().is_none_or(|r| r.flush(timeout))
    }

    /// A problem with the recovery file not yet told (told once until it changes).
    pub fn recovery_news(&mut self) -> Option<String> {
        let now = self.recovery.as_ref().and_then(|r| r.problem());
        if now == self.recovery_told {
            return None;
        }
        self.recovery_told = now.clone();
        now
    }

    /// How many times the recovery file has been written or removed (for tests and the
    /// benchmark).
    pub fn recovery_writes(&self) -> u64 {
        self.recovery.as_ref().map_or(0, |r| r.written())
    }
}
