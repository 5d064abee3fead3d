//! The nodes that spent beyond their pagu, as the dashboard lists them, kept current along
//! each change: a figure, a budget or a name touches the nodes on its path only; a change of
//! the tree's shape touches the nodes it moved, added or removed and their ancestors, old and
//! new. Only those are judged again (`rules::over_pagu_of` on the kept budget sums); another
//! user's save put in or another quarter computes the list from every node. (Computed from
//! every node on each edit, it cost 1,6 ms an edit at 10 000 indicators, 57 ms at 200 000.)

use super::index::{Index, nodes_at};
use crate::model::{Node, Quarter, Workspace};
use crate::rules::{self, OverPagu};
use std::collections::HashMap;

/// More touched nodes than this between two looks: computed again from every node.
const MOST_TOUCHED: usize = 4096;

/// What moved since the list was computed.
#[derive(Debug, Default)]
pub(super) enum Stale {
    #[default]
    Nothing,
    /// The nodes of these codes may have moved; `prune`: some codes may be gone.
    Kodes { kodes: Vec<String>, prune: bool },
    /// Anything may have moved.
    Whole,
}

impl Stale {
    pub(super) fn touch(&mut self, kodes: impl IntoIterator<Item = String>, prune: bool) {
        match self {
            Stale::Whole => {}
            Stale::Nothing => {
                *self = Stale::Kodes {
                    kodes: kodes.into_iter().collect(),
                    prune,
                };
            }
            Stale::Kodes {
                kodes: mine,
                prune: p,
            } => {
                mine.extend(kodes);
                *p |= prune;
            }
        }
        if matches!(self, Stale::Kodes { kodes, .. } if kodes.len() > MOST_TOUCHED) {
            *self = Stale::Whole;
        }
    }
}

/// The codes of the nodes at `path` and above it.
pub(super) fn along(ws: &Workspace, path: &[usize]) -> Vec<String> {
    nodes_at(&ws.pohon, path)
        .into_iter()
        .map(|n| n.kode.clone())
        .collect()
}

/// The codes of the node at `path`, the nodes above it and every node below it.
pub(super) fn around(ws: &Workspace, path: &[usize]) -> Vec<String> {
    fn below(n: &Node, out: &mut Vec<String>) {
        for c in &n.anak {
            out.push(c.kode.clone());
            below(c, out);
        }
    }
    let mut out = along(ws, path);
    if let Some(n) = ws.node_at(path) {
        below(n, &mut out);
    }
    out
}

/// The list as of quarter `q`, in tree order (a parent before the nodes below it).
#[derive(Debug)]
pub(super) struct OverPaguList {
    q: Quarter,
    by_kode: HashMap<String, OverPagu>,
    list: Vec<OverPagu>,
}

impl OverPaguList {
    pub(super) fn list(&self) -> &[OverPagu] {
        &self.list
    }

    fn whole(ws: &Workspace, index: &Index, q: Quarter) -> OverPaguList {
        let list: Vec<OverPagu> = ws
            .nodes()
            .filter(|n| n.jenis.has_budget())
            .filter_map(|n| rules::over_pagu_of(n, index.budgets.of(n)?.at(q)))
            .collect();
        let by_kode = list.iter().map(|o| (o.kode.clone(), o.clone())).collect();
        OverPaguList { q, by_kode, list }
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
            (Some(l), Stale::Kodes { kodes, prune }) if l.q == q => {
                let mut changed = false;
                if prune {
                    let before = l.by_kode.len();
                    l.by_kode.retain(|k, _| index.paths.contains_key(k));
                    changed |= l.by_kode.len() != before;
                }
                for kode in kodes {
                    let now = index
                        .paths
                        .get(&kode)
                        .and_then(|path| judge(ws, index, path, q));
                    if l.by_kode.get(&kode) == now.as_ref() {
                        continue;
                    }
                    changed = true;
                    match now {
                        Some(o) => l.by_kode.insert(kode, o),
                        None => l.by_kode.remove(&kode),
                    };
                }
                if changed || prune {
                    // Tree order by position (a few entries; positions move with the tree).
                    let mut list: Vec<(&Vec<usize>, &OverPagu)> = l
                        .by_kode
                        .iter()
                        .filter_map(|(k, o)| Some((index.paths.get(k)?, o)))
                        .collect();
                    list.sort_by(|a, b| a.0.cmp(b.0));
                    l.list = list.into_iter().map(|(_, o)| o.clone()).collect();
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
