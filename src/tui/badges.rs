//! Every node's badge at one quarter — the worst state of its own indicators and of the nodes
//! below it — computed once for the whole tree and kept current along the path of each edit.
//! Owned by the session (see `session::Index`); the tree pane reads it to draw and filter rows.

use crate::model::{Node, Quarter, Settings, Workspace};
use crate::rules::{self, Status};
use rust_decimal::Decimal;
use std::collections::HashMap;

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

/// Every node's own badge and the worst badge below it, at one quarter: computed once for the
/// whole tree, then kept current along the path of each edit. Each node also counts its
/// children by the rank of their subtree, so an edit updates a parent in constant time however
/// many children it has.
#[derive(Clone, Debug, Default)]
pub struct Badges {
    nodes: HashMap<String, NodeBadges>,
}

/// One node's part of [`Badges`].
#[derive(Clone, Copy, Debug, PartialEq)]
struct NodeBadges {
    own: Badge,
    /// The worst below the node, without figures (only its rank is ever shown).
    below: Badge,
    /// How many children have a subtree of each rank (None, Ok, Blank, Red).
    counts: [u32; 4],
}

fn of_rank(rank: u8) -> Badge {
    match rank {
        3 => Badge::Red(None),
        2 => Badge::Blank,
        1 => Badge::Ok(None),
        _ => Badge::None,
    }
}

fn from_counts(counts: &[u32; 4]) -> Badge {
    (0..4u8)
        .rev()
        .find(|r| counts[*r as usize] > 0)
        .map_or(Badge::None, of_rank)
}

impl Badges {
    pub fn compute(ws: &Workspace, q: Quarter) -> Badges {
        let mut b = Badges::default();
        for root in &ws.pohon {
            b.attach(root, &ws.pengaturan, q);
        }
        b
    }

    /// Computes the badges of `node` and everything below it (a subtree put into the tree);
    /// returns the rank of its subtree for its parent's count (see [`child_changed`]).
    ///
    /// [`child_changed`]: Self::child_changed
    pub fn attach(&mut self, node: &Node, settings: &Settings, q: Quarter) -> u8 {
        fn go(node: &Node, settings: &Settings, q: Quarter, b: &mut Badges) -> Badge {
            let own = own_badge(node, q, settings);
            let mut counts = [0u32; 4];
            for c in &node.anak {
                counts[go(c, settings, q, b).rank() as usize] += 1;
            }
            let below = from_counts(&counts);
            b.nodes
                .insert(node.kode.clone(), NodeBadges { own, below, counts });
            own.worst(below)
        }
        go(node, settings, q, self).rank()
    }

    /// Forgets the badges of `node` and everything below it (a subtree taken out of the
    /// tree); returns the rank its subtree had.
    pub fn detach(&mut self, node: &Node) -> u8 {
        let rank = self.subtree(&node.kode).rank();
        for n in node.iter() {
            self.nodes.remove(&n.kode);
        }
        rank
    }

    /// A child of the last node of `path` (root first; empty: a root) went (`gone`, the rank
    /// its subtree had) or came (`came`): the parent's count of children by rank, then each
    /// ancestor's, stopping where nothing changes any more.
    pub fn child_changed(&mut self, path: &[&Node], gone: Option<u8>, came: Option<u8>) {
        let Some((parent, above)) = path.split_last() else {
            return;
        };
        let old_rank = self.subtree(&parent.kode).rank();
        let entry = self.entry(&parent.kode);
        if let Some(r) = gone {
            entry.counts[r as usize] = entry.counts[r as usize].saturating_sub(1);
        }
        if let Some(r) = came {
            entry.counts[r as usize] += 1;
        }
        entry.below = from_counts(&entry.counts);
        let new_rank = self.subtree(&parent.kode).rank();
        self.propagate(above, old_rank, new_rank);
    }

    /// Recomputes the badges after a figure of the last node of `path` (root first) changed:
    /// its own badge, then each ancestor's count of children by rank, stopping where nothing
    /// changes any more.
    pub fn update_path(&mut self, path: &[&Node], settings: &Settings, q: Quarter) {
        let Some((edited, above)) = path.split_last() else {
            return;
        };
        let old_rank = self.subtree(&edited.kode).rank();
        self.entry(&edited.kode).own = own_badge(edited, q, settings);
        let new_rank = self.subtree(&edited.kode).rank();
        self.propagate(above, old_rank, new_rank);
    }

    /// The subtree of a child of the last node of `above` went from rank `old_rank` to
    /// `new_rank`: each ancestor's count, from the parent up.
    fn propagate(&mut self, above: &[&Node], mut old_rank: u8, mut new_rank: u8) {
        for parent in above.iter().rev() {
            if old_rank == new_rank {
                break;
            }
            let before = self.subtree(&parent.kode).rank();
            let entry = self.entry(&parent.kode);
            let counts = &mut entry.counts;
            counts[old_rank as usize] = counts[old_rank as usize].saturating_sub(1);
            counts[new_rank as usize] += 1;
            entry.below = from_counts(counts);
            old_rank = before;
            new_rank = self.subtree(&parent.kode).rank();
        }
    }

    /// Where these badges differ from `other`'s for the nodes of `ws` (a test of the
    /// badges kept along changes against a full computation).
    pub fn differs(&self, other: &Badges, ws: &Workspace) -> Option<String> {
        ws.nodes()
            .find(|n| self.nodes.get(&n.kode) != other.nodes.get(&n.kode))
            .map(|n| {
                format!(
                    "badges of {}: kept {:?}, computed {:?}",
                    n.kode,
                    self.nodes.get(&n.kode),
                    other.nodes.get(&n.kode)
                )
            })
    }

    fn entry(&mut self, kode: &str) -> &mut NodeBadges {
        self.nodes.entry(kode.to_string()).or_insert(NodeBadges {
            own: Badge::None,
            below: Badge::None,
            counts: [0; 4],
        })
    }

    fn own(&self, kode: &str) -> Badge {
        self.nodes.get(kode).map_or(Badge::None, |n| n.own)
    }

    fn below(&self, kode: &str) -> Badge {
        self.nodes.get(kode).map_or(Badge::None, |n| n.below)
    }

    /// The worst of a node and everything below it.
    pub fn subtree(&self, kode: &str) -> Badge {
        self.own(kode).worst(self.below(kode))
    }

    /// What a node's row shows: its own figures, unless something below it needs more
    /// attention (or it has no indicators of its own).
    pub fn row(&self, node: &Node) -> Badge {
        let (own, below) = (self.own(&node.kode), self.below(&node.kode));
        if node.indikator.is_empty() || below.rank() > own.rank() {
            self.subtree(&node.kode).summary()
        } else {
            own
        }
    }
}
