//! What the session derives from its workspace so that no key walks the tree: each node's
//! position, the badges at the session's quarter, every node's budget, and the dashboard's
//! figures once the dashboard has been shown. Built in one pass each (on the worker's thread
//! after a reload), then kept current along the path of each edit.

use crate::model::{Field, Indicator, IndicatorId, Node, Quarter, Workspace};
use crate::tui::badges::Badges;
use crate::tui::figures::{Budgets, Dashboard};
use std::collections::{HashMap, HashSet};

pub struct Index {
    /// Where each node sits (child positions from the root), so a key never searches the tree.
    pub(super) paths: HashMap<String, Vec<usize>>,
    /// Every indicator id in use, so a new indicator's id is checked without a walk.
    pub(super) ids: HashSet<IndicatorId>,
    /// The quarter the badges and the dashboard are at.
    pub(super) quarter: Quarter,
    pub(super) badges: Badges,
    pub(super) budgets: Budgets,
    /// Computed the first time the dashboard is shown, then kept current.
    pub(super) dashboard: Option<Dashboard>,
}

/// What a figure was before it changed, for the indexes that follow it.
pub(super) struct Before {
    /// The indicator as it was, when the figure judges one.
    pub indicator: Option<(usize, Indicator)>,
    /// The node's budget as it was, when the figure is a budget's.
    pub budget: Option<Option<crate::tui::figures::YearBudget>>,
}

impl Index {
    /// Every index of `ws` at quarter `q`; the dashboard's too when `dashboard`.
    pub fn build(ws: &Workspace, q: Quarter, dashboard: bool) -> Index {
        let paths = node_paths(ws);
        let dashboard = dashboard.then(|| Dashboard::compute(ws, q, &paths));
        Index {
            badges: Badges::compute(ws, q),
            budgets: Budgets::compute(ws),
            ids: ws.indicator_ids(),
            paths,
            quarter: q,
            dashboard,
        }
    }

    /// At another quarter: the badges again, and the dashboard if it is kept.
    pub(super) fn set_quarter(&mut self, ws: &Workspace, q: Quarter) {
        if q == self.quarter {
            return;
        }
        self.quarter = q;
        self.badges = Badges::compute(ws, q);
        if self.dashboard.is_some() {
            self.dashboard = Some(Dashboard::compute(ws, q, &self.paths));
        }
    }

    pub(super) fn ensure_dashboard(&mut self, ws: &Workspace) {
        if self.dashboard.is_none() {
            self.dashboard = Some(Dashboard::compute(ws, self.quarter, &self.paths));
        }
    }

    /// What the indexes need to know of `node` before `field` of it changes.
    pub(super) fn before(&self, node: &Node, field: Field) -> Before {
        Before {
            indicator: field
                .indicator()
                .filter(|_| field.affects_status())
                .and_then(|i| node.indikator.get(i).cloned().map(|d| (i, d))),
            budget: field.affects_budget().then(|| self.budgets.of(node)),
        }
    }

    /// After a figure of the node at `positions` changed: badges, budgets and dashboard along
    /// its path.
    pub(super) fn after(&mut self, ws: &Workspace, positions: &[usize], before: Before) {
        let nodes = nodes_at(&ws.pohon, positions);
        self.badges
            .update_path(&nodes, &ws.pengaturan, self.quarter);
        if let Some(budget) = before.budget {
            self.budgets.update_path(&nodes, budget);
        }
        if let (Some((i, ind)), Some(dashboard)) = (before.indicator, self.dashboard.as_mut()) {
            dashboard.update_indicator(&nodes, positions, i, &ind, &ws.pengaturan);
        }
    }
}

impl Index {
    /// Where this index differs from one computed from scratch for `ws` (for the tests of
    /// changes of the tree: what is kept along them must equal a full computation).
    pub fn differs_from_rebuild(&self, ws: &Workspace) -> Option<String> {
        let fresh = Index::build(ws, self.quarter, self.dashboard.is_some());
        if self.paths != fresh.paths {
            let wrong = fresh
                .paths
                .iter()
                .find(|(k, p)| self.paths.get(*k) != Some(p))
                .map(|(k, p)| format!("{k}: kept {:?}, computed {p:?}", self.paths.get(k)));
            return Some(format!(
                "positions ({} kept, {} computed): {}",
                self.paths.len(),
                fresh.paths.len(),
                wrong.unwrap_or_else(|| "an extra code kept".into())
            ));
        }
        if self.ids != fresh.ids {
            return Some("indicator ids".into());
        }
        if let Some(d) = self.badges.differs(&fresh.badges, ws) {
            return Some(d);
        }
        for n in ws.nodes() {
            if self.budgets.of(n) != fresh.budgets.of(n)
                || self.budgets.is_derived(n) != fresh.budgets.is_derived(n)
            {
                return Some(format!(
                    "budget of {}: kept {:?}, computed {:?}",
                    n.kode,
                    self.budgets.of(n),
                    fresh.budgets.of(n)
                ));
            }
        }
        if self.budgets.total() != fresh.budgets.total() {
            return Some("the whole budget".into());
        }
        if self.dashboard != fresh.dashboard {
            return Some(format!(
                "dashboard: kept {:?}\ncomputed {:?}",
                self.dashboard, fresh.dashboard
            ));
        }
        None
    }

    /// The index as a locator for `model::change` (positions and ids).
    pub(super) fn locator(&self) -> crate::model::change::Index<'_> {
        crate::model::change::Index {
            paths: &self.paths,
            ids: &self.ids,
        }
    }
}

/// The nodes at `positions` from the root down (the last is the node itself).
pub(super) fn nodes_at<'a>(pohon: &'a [Node], positions: &[usize]) -> Vec<&'a Node> {
    let mut out = Vec::with_capacity(positions.len());
    let mut level = pohon;
    for i in positions {
        let Some(n) = level.get(*i) else { break };
        out.push(n);
        level = &n.anak;
    }
    out
}

/// Each node's position: the child indices from the root down.
fn node_paths(ws: &Workspace) -> HashMap<String, Vec<usize>> {
    fn go(nodes: &[Node], prefix: &mut Vec<usize>, out: &mut HashMap<String, Vec<usize>>) {
        for (i, n) in nodes.iter().enumerate() {
            prefix.push(i);
            out.insert(n.kode.clone(), prefix.clone());
            go(&n.anak, prefix, out);
            prefix.pop();
        }
    }
    let mut out = HashMap::new();
    go(&ws.pohon, &mut Vec::new(), &mut out);
    out
}
