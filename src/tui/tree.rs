//! The tree pane's rows: the nodes that are visible (ancestors expanded, or matching the red
//! filter), each with its badge. Rebuilt when the tree, the folding, the filter or the quarter
//! changes — not on every key.

use crate::model::{Node, NodeKind, Quarter, Settings, Workspace};
use crate::rules::{self, Status};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// The worst state among a node's indicators (or, for a node without indicators, among the
/// nodes below it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Badge {
    /// Nothing to judge.
    None,
    /// All judged indicators achieved; the lowest capaian when the node has its own.
    Ok(Option<Decimal>),
    /// Something due has not been entered.
    Blank,
    /// Not achieved; the lowest capaian when the node has its own.
    Red(Option<Decimal>),
}

impl Badge {
    fn rank(self) -> u8 {
        match self {
            Badge::None => 0,
            Badge::Ok(_) => 1,
            Badge::Blank => 2,
            Badge::Red(_) => 3,
        }
    }

    /// The worse of two badges (for red ones, the lower capaian).
    fn worst(self, other: Badge) -> Badge {
        match (self, other) {
            (Badge::Red(Some(a)), Badge::Red(Some(b))) => Badge::Red(Some(a.min(b))),
            (Badge::Ok(Some(a)), Badge::Ok(Some(b))) => Badge::Ok(Some(a.min(b))),
            _ if other.rank() > self.rank() => other,
            _ => self,
        }
    }

    /// Without the figure: how a parent summarises what is below it.
    fn summary(self) -> Badge {
        match self {
            Badge::Red(_) => Badge::Red(None),
            Badge::Ok(_) => Badge::Ok(None),
            b => b,
        }
    }

    pub fn is_attention(self) -> bool {
        matches!(self, Badge::Red(_) | Badge::Blank)
    }
}

/// The badge of a node's own indicators at a quarter.
pub fn own_badge(node: &Node, q: Quarter, settings: &Settings) -> Badge {
    node.indikator.iter().fold(Badge::None, |acc, ind| {
        let b = match rules::status(ind, q, settings) {
            Status::Dinilai {
                capaian,
                merah: true,
                ..
            } => Badge::Red(Some(capaian)),
            Status::Dinilai { capaian, .. } => Badge::Ok(Some(capaian)),
            Status::BelumDiisi => Badge::Blank,
            Status::TanpaTarget | Status::BelumJatuhTempo => Badge::None,
        };
        acc.worst(b)
    })
}

/// One visible row of the tree pane.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeRow {
    pub kode: String,
    pub nama: String,
    pub jenis: NodeKind,
    pub depth: usize,
    pub has_children: bool,
    pub expanded: bool,
    pub badge: Badge,
}

/// The rows to show: children of expanded nodes, or with `attention_only` every node with a red
/// or blank indicator and the nodes above it (all shown open).
pub fn visible_rows(
    ws: &Workspace,
    expanded: &HashSet<String>,
    attention_only: bool,
    q: Quarter,
) -> Vec<TreeRow> {
    let mut out = Vec::new();
    for root in &ws.pohon {
        push(root, 0, ws, expanded, attention_only, q, &mut out);
    }
    out
}

/// Appends `node` and what is visible below it; returns the node's subtree badge.
fn push(
    node: &Node,
    depth: usize,
    ws: &Workspace,
    expanded: &HashSet<String>,
    attention_only: bool,
    q: Quarter,
    out: &mut Vec<TreeRow>,
) -> Badge {
    let own = own_badge(node, q, &ws.pengaturan);
    let at = out.len();
    out.push(TreeRow {
        kode: node.kode.clone(),
        nama: node.nama.clone(),
        jenis: node.jenis,
        depth,
        has_children: !node.anak.is_empty(),
        expanded: attention_only || expanded.contains(&node.kode),
        badge: own,
    });
    let open = out[at].expanded;
    let mut below = Badge::None;
    for child in &node.anak {
        let mark = out.len();
        let b = push(child, depth + 1, ws, expanded, attention_only, q, out);
        below = below.worst(b);
        if !open || (attention_only && !b.is_attention()) {
            out.truncate(mark);
        }
    }
    if attention_only && out.len() == at + 1 {
        // Nothing below is shown: draw it as a leaf rather than an open branch.
        out[at].has_children = false;
    }
    let subtree = own.worst(below.summary());
    if let Some(row) = out.get_mut(at) {
        // A node shows its own figures, unless something below it needs attention and it does not.
        row.badge = if node.indikator.is_empty() || below.summary().rank() > own.rank() {
            subtree.summary()
        } else {
            own
        };
    }
    if attention_only && !subtree.is_attention() {
        out.truncate(at);
    }
    subtree
}
