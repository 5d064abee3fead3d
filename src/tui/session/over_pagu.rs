//! The nodes that spent beyond their pagu, as the dashboard lists them, kept current along
//! each change: a change of a figure, a budget or a name touches the nodes on its path only,
//! and only those are judged again (`rules::over_pagu_of` on the kept budget sums); a change
//! of the tree's shape, another user's save put in or another quarter computes the list again
//! from every node. (Computed from every node on each edit, it cost 1,6 ms an edit at 10 000
//! indicators and grew with the workspace.)

use super::index::Index;
use crate::model::{Quarter, Workspace};
use crate::rules::{self, OverPagu};
use std::collections::BTreeMap;

/// More touched paths than this between two looks: computed again from every node.
const MOST_PATHS: usize = 256;

/// What moved since the list was computed.
#[derive(Debug, Default)]
pub(super) enum Stale {
    #[default]
    Nothing,
    /// The nodes at these positions (and their ancestors) may have moved.
    Paths(Vec<Vec<usize>>),
    /// Anything may have moved.
    Whole,
}

impl Stale {
    pub(super) fn touch(&mut self, path: &[usize]) {
        match self {
            Stale::Whole => {}
            Stale::Paths(paths) if paths.len() >= MOST_PATHS => *self = Stale::Whole,
            Stale::Paths(paths) => paths.push(path.to_vec()),
            Stale::Nothing => *self = Stale::Paths(vec![path.to_vec()]),
        }
    }
}

/// The list as of quarter `q`, by tree position (a parent before the nodes below it).
#[derive(Debug)]
pub(super) struct OverPaguList {
    q: Quarter,
    by_path: BTreeMap<Vec<usize>, OverPagu>,
    list: Vec<OverPagu>,
}

impl OverPaguList {
    pub(super) fn list(&self) -> &[OverPagu] {
        &self.list
    }

    fn whole(ws: &Workspace, index: &Index, q: Quarter) -> OverPaguList {
        let mut by_path = BTreeMap::new();
        for (kode, path) in &index.paths {
            if let Some(o) = judge(ws, index, path, q) {
                debug_assert_eq!(&o.kode, kode);
                by_path.insert(path.clone(), o);
            }
        }
        let list = by_path.values().cloned().collect();
        OverPaguList { q, by_path, list }
    }

    /// Brought up to date with what moved (`stale`, then nothing).
    pub(super) fn refresh(
        this: &mut Option<OverPaguList>,
        stale: &mut Stale,
        ws: &Workspace,
        index: &Index,
    ) {
        let q = index.quarter;
        let moved = std::mem::take(stale);
        match (this.as_mut(), moved) {
            (Some(l), Stale::Nothing) if l.q == q => {}
            (Some(l), Stale::Paths(paths)) if l.q == q => {
                let mut changed = false;
                for path in paths {
                    for depth in 1..=path.len() {
                        let at = &path[..depth];
                        let now = judge(ws, index, at, q);
                        let before = l.by_path.get(at);
                        if before == now.as_ref() {
                            continue;
                        }
                        changed = true;
                        match now {
                            Some(o) => l.by_path.insert(at.to_vec(), o),
                            None => l.by_path.remove(at),
                        };
                    }
                }
                if changed {
                    l.list = l.by_path.values().cloned().collect();
                }
            }
            _ => *this = Some(OverPaguList::whole(ws, index, q)),
        }
    }
}

/// The node at `path`, when it has a budget and spent beyond it by `q`.
fn judge(ws: &Workspace, index: &Index, path: &[usize], q: Quarter) -> Option<OverPagu> {
    let node = ws.node_at(path)?;
    if !node.jenis.has_budget() {
        return None;
    }
    rules::over_pagu_of(node, index.budgets.of(node)?.at(q))
}

/// Where the kept list (when current: nothing moved since it was brought up to date) differs
/// from the rule computed from the tree itself (`rules::over_pagu_all`, as `kinerja red`).
pub(super) fn differs(
    kept: Option<&OverPaguList>,
    stale: &Stale,
    ws: &Workspace,
    q: Quarter,
) -> Option<String> {
    let kept = kept.filter(|l| l.q == q && matches!(stale, Stale::Nothing))?;
    let full = rules::over_pagu_all(ws, q);
    (full.as_slice() != kept.list()).then(|| {
        let kodes = |l: &[OverPagu]| l.iter().map(|o| o.kode.clone()).collect::<Vec<_>>();
        format!(
            "over pagu: kept {:?}, computed {:?}",
            kodes(kept.list()),
            kodes(&full)
        )
    })
}
