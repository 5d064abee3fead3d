//! Keeping the indexes current through a change of the tree, for what changed only. A change
//! that adds, removes, recodes or moves a node replaces the children of one parent from one
//! position on (a *region*: the node and the siblings after it, whose positions shift): their
//! subtrees are taken out of every index before the change (positions, ids, badges, budgets,
//! the dashboard) and put back after it, and each parent above has its sums and counts
//! adjusted on the way — never a pass over the whole tree. A change of a node's indicators
//! takes out and puts back that node's own indicators.
//!
//! What this costs is what the region holds: a sub kegiatan added at the end of its kegiatan,
//! or removed from it, touches itself and its few siblings; a Misi inserted before every other
//! one shifts the positions of all the rows after it (measured in docs/performance.md).

use super::Session;
use super::index::{Index, nodes_at};
use crate::model::{Change, Node, Workspace};

/// The children of `parent` (`None`: the roots) from position `from` on (`count`: only that
/// many), which a change of the tree replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub parent: Option<String>,
    pub from: usize,
    pub count: Option<usize>,
}

/// What a change did to the shape of the tree, for the tree pane to follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reshape {
    /// A node's name changed (its row).
    Renamed(String),
    /// The rows of these regions are to be made again.
    Regions(Vec<Region>),
    /// Codes that changed, old to new (rows opened, the last search).
    Recoded(Vec<(String, String)>),
}

/// What a region's subtrees held in the positions and ids: taken out of them only once the
/// change is applied (the change finds its nodes, and checks new codes and ids, through them).
#[derive(Default)]
pub(super) struct Gone {
    codes: Vec<String>,
    ids: Vec<crate::model::IndicatorId>,
}

impl Index {
    /// Takes the subtree at `path` out of the badges, budgets and dashboard (and notes what it
    /// holds in positions and ids, in `gone`).
    fn detach_subtree(&mut self, ws: &Workspace, path: &[usize], gone: &mut Gone) {
        let nodes = nodes_at(&ws.pohon, path);
        let Some((node, above)) = nodes.split_last() else {
            return;
        };
        let rank = self.badges.detach(node);
        self.badges.child_changed(above, Some(rank), None);
        let budget = self.budgets.detach(node);
        self.budgets.child_changed(above, budget, None);
        if let Some(d) = self.dashboard.as_mut() {
            d.detach(node, path, above, &ws.pengaturan, false);
        }
        for n in node.iter() {
            gone.codes.push(n.kode.clone());
            gone.ids.extend(n.indikator.iter().map(|i| i.id));
        }
    }

    /// What a change's regions held leaves the positions and ids (once it is applied).
    fn forget(&mut self, gone: Gone) {
        for k in &gone.codes {
            self.paths.remove(k);
        }
        for id in &gone.ids {
            self.ids.remove(id);
        }
    }

    fn attach_subtree(&mut self, ws: &Workspace, path: &[usize]) {
        let nodes = nodes_at(&ws.pohon, path);
        let Some((node, above)) = nodes.split_last() else {
            return;
        };
        let mut stack = vec![(*node, path.to_vec())];
        while let Some((n, at)) = stack.pop() {
            for i in &n.indikator {
                self.ids.insert(i.id);
            }
            for (k, c) in n.anak.iter().enumerate() {
                let mut p = at.clone();
                p.push(k);
                stack.push((c, p));
            }
            self.paths.insert(n.kode.clone(), at);
        }
        let rank = self.badges.attach(node, &ws.pengaturan, self.quarter);
        self.badges.child_changed(above, None, Some(rank));
        let budget = self.budgets.attach(node);
        self.budgets.child_changed(above, None, budget);
        let paths = &self.paths;
        if let Some(d) = self.dashboard.as_mut() {
            d.attach(node, path, above, &ws.pengaturan, false, &|k| {
                paths.get(k).cloned()
            });
        }
    }

    /// Takes the own indicators of the node at `path` out of the dashboard (their ids leave
    /// once the change is applied: see `gone`).
    fn detach_own(&mut self, ws: &Workspace, path: &[usize], gone: &mut Gone) {
        let nodes = nodes_at(&ws.pohon, path);
        let Some((node, above)) = nodes.split_last() else {
            return;
        };
        if let Some(d) = self.dashboard.as_mut() {
            d.detach(node, path, above, &ws.pengaturan, true);
        }
        gone.ids.extend(node.indikator.iter().map(|i| i.id));
    }

    /// Puts them back as they are now, and the node's badge up the path.
    fn attach_own(&mut self, ws: &Workspace, path: &[usize]) {
        let nodes = nodes_at(&ws.pohon, path);
        let Some((node, above)) = nodes.split_last() else {
            return;
        };
        for i in &node.indikator {
            self.ids.insert(i.id);
        }
        let paths = &self.paths;
        if let Some(d) = self.dashboard.as_mut() {
            d.attach(node, path, above, &ws.pengaturan, true, &|k| {
                paths.get(k).cloned()
            });
        }
        self.badges
            .update_path(&nodes, &ws.pengaturan, self.quarter);
    }
}

/// Whether the subtree at `inner` lies in the region of children of `outer` from `from` on.
fn inside(inner: &[usize], outer: &[usize], from: usize) -> bool {
    inner.len() > outer.len() && inner.starts_with(outer) && inner[outer.len()] >= from
}

impl Session {
    /// The path of a region's parent (`Some(vec![])` for the roots).
    fn parent_path(&self, parent: Option<&str>) -> Option<Vec<usize>> {
        match parent {
            None => Some(Vec::new()),
            Some(p) => self.index.paths.get(p).cloned(),
        }
    }

    fn children_at(&self, parent: &[usize]) -> &[Node] {
        if parent.is_empty() {
            &self.ws.pohon
        } else {
            self.ws.node_at(parent).map_or(&[], |n| &n.anak)
        }
    }

    /// How many nodes and indicators name officer `id` as penanggung jawab (a walk of the
    /// tree: asked only when an officer is removed).
    pub fn officer_uses(&self, id: &str) -> usize {
        self.ws
            .nodes()
            .map(|n| {
                usize::from(n.pejabat.as_deref() == Some(id))
                    + n.indikator
                        .iter()
                        .filter(|i| i.pejabat.as_deref() == Some(id))
                        .count()
            })
            .sum()
    }

    /// The code of node `kode`'s parent (`None`: a root, or no such node).
    pub fn parent_of(&self, kode: &str) -> Option<String> {
        self.place_of(kode).and_then(|(p, _)| p)
    }

    /// Whether node `inner` is node `outer` or lies below it.
    pub fn is_within(&self, inner: &str, outer: &str) -> bool {
        match (self.index.paths.get(inner), self.index.paths.get(outer)) {
            (Some(i), Some(o)) => i.starts_with(o),
            _ => false,
        }
    }

    /// How many children node `kode` has (`None`: the roots).
    pub fn children_count(&self, parent: Option<&str>) -> usize {
        self.parent_path(parent)
            .map_or(0, |pp| self.children_at(&pp).len())
    }

    /// Where node `kode` sits: its parent's code and its position.
    pub fn place_of(&self, kode: &str) -> Option<(Option<String>, usize)> {
        let path = self.index.paths.get(kode)?;
        let (at, parent) = path.split_last()?;
        let parent = (!parent.is_empty())
            .then(|| self.ws.node_at(parent).map(|p| p.kode.clone()))
            .flatten();
        Some((parent, *at))
    }

    /// The regions a change of the tree replaces, found before it is applied (the change has
    /// been checked: what it names exists). Empty for any other change.
    pub(super) fn regions(&self, change: &Change) -> Vec<Region> {
        let region = |parent: Option<String>, from, count| Region {
            parent,
            from,
            count,
        };
        match change {
            Change::NodeAdd { parent, at, .. } => {
                let Some(pp) = self.parent_path(parent.as_deref()) else {
                    return Vec::new();
                };
                let len = self.children_at(&pp).len();
                vec![region(parent.clone(), at.unwrap_or(len).min(len), None)]
            }
            Change::NodeRemove { node, .. } => self
                .place_of(&node.kode)
                .map(|(p, i)| vec![region(p, i, None)])
                .unwrap_or_default(),
            Change::NodeRecode { kode, .. } => self
                .place_of(kode)
                .map(|(p, i)| vec![region(p, i, Some(1))])
                .unwrap_or_default(),
            Change::NodeMove { kode, to, .. } => {
                let Some((p1, i)) = self.place_of(kode) else {
                    return Vec::new();
                };
                if p1 == to.parent {
                    return vec![region(p1, i.min(to.at), None)];
                }
                let (Some(path1), Some(path2)) = (
                    self.parent_path(p1.as_deref()),
                    self.parent_path(to.parent.as_deref()),
                ) else {
                    return Vec::new();
                };
                if inside(&path2, &path1, i) {
                    vec![region(p1, i, None)]
                } else if inside(&path1, &path2, to.at) {
                    vec![region(to.parent.clone(), to.at, None)]
                } else {
                    vec![region(p1, i, None), region(to.parent.clone(), to.at, None)]
                }
            }
            _ => Vec::new(),
        }
    }

    /// The children's positions a region covers now.
    fn region_span(&self, r: &Region) -> Option<(Vec<usize>, std::ops::Range<usize>)> {
        let pp = self.parent_path(r.parent.as_deref())?;
        let len = self.children_at(&pp).len();
        let from = r.from.min(len);
        let to = r.count.map_or(len, |c| (from + c).min(len));
        Some((pp, from..to))
    }

    /// Takes each region's subtrees out of the indexes (before the change); what they held
    /// in positions and ids goes when they are put back ([`attach_regions`]).
    ///
    /// [`attach_regions`]: Self::attach_regions
    pub(super) fn detach_regions(&mut self, regions: &[Region]) -> Gone {
        let mut gone = Gone::default();
        for r in regions {
            let Some((pp, span)) = self.region_span(r) else {
                continue;
            };
            for k in span.rev() {
                let mut path = pp.clone();
                path.push(k);
                self.index.detach_subtree(&self.ws, &path, &mut gone);
            }
        }
        gone
    }

    /// Puts each region's subtrees, as they are now, into the indexes (after the change).
    pub(super) fn attach_regions(&mut self, regions: &[Region], gone: Gone) {
        self.index.forget(gone);
        for r in regions {
            // A region of one child (a recode) is that child again; else every child from
            // the region's start, however many there are now.
            let r = match r.count {
                Some(_) => r.clone(),
                None => Region {
                    count: None,
                    ..r.clone()
                },
            };
            let Some((pp, span)) = self.region_span(&r) else {
                continue;
            };
            for k in span {
                let mut path = pp.clone();
                path.push(k);
                self.index.attach_subtree(&self.ws, &path);
            }
        }
    }

    /// The own indicators of node `kode` out of the indexes (before a change of them).
    pub(super) fn detach_own(&mut self, kode: &str) -> Gone {
        let mut gone = Gone::default();
        if let Some(path) = self.index.paths.get(kode).cloned() {
            self.index.detach_own(&self.ws, &path, &mut gone);
        }
        gone
    }

    pub(super) fn attach_own(&mut self, kode: &str, gone: Gone) {
        self.index.forget(gone);
        if let Some(path) = self.index.paths.get(kode).cloned() {
            self.index.attach_own(&self.ws, &path);
        }
    }

    /// The codes of node `kode`'s subtree, depth-first (to pair with the same subtree after a
    /// recode).
    pub(super) fn subtree_codes(&self, kode: &str) -> Vec<String> {
        self.node(kode)
            .map(|n| n.iter().map(|d| d.kode.clone()).collect())
            .unwrap_or_default()
    }
}
