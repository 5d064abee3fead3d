//! Finding what a change addresses. A caller that keeps an index (the interface keeps code →
//! position) passes it as a [`Locator`] so applying a change follows the path to its node
//! instead of walking the tree; [`Walk`] walks.

use crate::model::{IndicatorId, Workspace};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Answers where things are in a workspace. Positions it gives are checked against the tree
/// (a stale one costs a walk, never a wrong node); what it says is *absent* is trusted, so an
/// index must know every code and id of the workspace it is used with.
pub trait Locator {
    /// Child positions from the root of the node coded `kode`.
    fn node(&self, ws: &Workspace, kode: &str) -> Option<Vec<usize>>;

    /// The first of `codes` that a node of `ws` already has.
    fn taken_code(&self, ws: &Workspace, codes: &[&str]) -> Option<String> {
        if codes.len() <= 2 {
            return codes
                .iter()
                .find(|k| self.node(ws, k).is_some())
                .map(|k| k.to_string());
        }
        let wanted: HashSet<&str> = codes.iter().copied().collect();
        ws.nodes()
            .find(|n| wanted.contains(n.kode.as_str()))
            .map(|n| n.kode.clone())
    }

    /// The first of `ids` that an indicator of `ws` already has.
    fn taken_id(&self, ws: &Workspace, ids: &[IndicatorId]) -> Option<IndicatorId> {
        if ids.is_empty() {
            return None;
        }
        let wanted: HashSet<IndicatorId> = ids.iter().copied().collect();
        ws.nodes()
            .flat_map(|n| &n.indikator)
            .find(|i| wanted.contains(&i.id))
            .map(|i| i.id)
    }

    /// A node that names officer `id` as penanggung jawab, on itself or an indicator, or as the
    /// officer of a tindak lanjut.
    fn officer_user(&self, ws: &Workspace, id: &str) -> Option<String> {
        ws.nodes()
            .find(|n| {
                n.pejabat.as_deref() == Some(id)
                    || n.indikator.iter().any(|i| {
                        i.pejabat.as_deref() == Some(id) || i.penjelasan.officers().any(|o| o == id)
                    })
            })
            .map(|n| n.kode.clone())
    }
}

/// No index: every question walks the tree (at most once per question).
#[derive(Clone, Copy, Debug, Default)]
pub struct Walk;

impl Locator for Walk {
    fn node(&self, ws: &Workspace, kode: &str) -> Option<Vec<usize>> {
        ws.locate([kode]).remove(kode)
    }
}

/// Positions found once and remembered: seeded with what one walk found (`Workspace::locate`
/// of the codes a list of changes addresses), any other code walked to once. Positions are
/// checked on use, so a change of the tree since costs a walk, never a wrong node. For a
/// caller without an index of every code (a save, putting unsaved changes on a copy), whose
/// "absent" must come from the tree itself.
pub struct Remembered(RefCell<HashMap<String, Vec<usize>>>);

impl Remembered {
    pub fn new(known: HashMap<String, Vec<usize>>) -> Remembered {
        Remembered(RefCell::new(known))
    }
}

impl Locator for Remembered {
    fn node(&self, ws: &Workspace, kode: &str) -> Option<Vec<usize>> {
        if let Some(at) = self.0.borrow().get(kode)
            && ws.node_at(at).is_some_and(|n| n.kode == kode)
        {
            return Some(at.clone());
        }
        let at = Walk.node(ws, kode)?;
        self.0.borrow_mut().insert(kode.to_string(), at.clone());
        Some(at)
    }
}

/// An index of every node's position by code.
impl Locator for HashMap<String, Vec<usize>> {
    fn node(&self, ws: &Workspace, kode: &str) -> Option<Vec<usize>> {
        let at = self.get(kode)?;
        if ws.node_at(at).is_some_and(|n| n.kode == kode) {
            Some(at.clone())
        } else {
            Walk.node(ws, kode)
        }
    }

    fn taken_code(&self, ws: &Workspace, codes: &[&str]) -> Option<String> {
        codes
            .iter()
            .find(|k| self.node(ws, k).is_some())
            .map(|k| k.to_string())
    }
}

/// One node whose position the caller knows (the node on screen); anything else walks.
#[derive(Clone, Copy, Debug)]
pub struct Hint<'a> {
    pub kode: &'a str,
    pub at: &'a [usize],
}

impl Locator for Hint<'_> {
    fn node(&self, ws: &Workspace, kode: &str) -> Option<Vec<usize>> {
        if kode == self.kode && ws.node_at(self.at).is_some_and(|n| n.kode == kode) {
            return Some(self.at.to_vec());
        }
        Walk.node(ws, kode)
    }
}

/// The indexes an interface keeps: every node's position by code, and every indicator id (so
/// an added indicator's id is checked without a walk). Both must be complete; positions may be
/// stale.
#[derive(Clone, Copy, Debug)]
pub struct Index<'a> {
    pub paths: &'a HashMap<String, Vec<usize>>,
    pub ids: &'a HashSet<IndicatorId>,
}

impl Locator for Index<'_> {
    fn node(&self, ws: &Workspace, kode: &str) -> Option<Vec<usize>> {
        self.paths.node(ws, kode)
    }

    fn taken_code(&self, ws: &Workspace, codes: &[&str]) -> Option<String> {
        self.paths.taken_code(ws, codes)
    }

    fn taken_id(&self, _: &Workspace, ids: &[IndicatorId]) -> Option<IndicatorId> {
        ids.iter().find(|id| self.ids.contains(id)).copied()
    }
}
