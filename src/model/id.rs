//! The stable identity of an indicator.
//!
//! A figure is shown and journaled by position ("indikator 2"), but a change carries the id of
//! the indicator it addresses: once indicators can be added, removed and moved, a position seen
//! by one user may hold another indicator by the time the change is saved.
//!
//! Ids are never reused, so a change addressing a removed indicator can only find nothing (a
//! conflict), never a newcomer. New ids are drawn at random from a ten-digit range instead of
//! counting up: two users adding an indicator at the same time would otherwise both take
//! "the next" id, and one of them would have to be renamed on merge — along with every figure,
//! undo step and journal line that already uses it. A clash of random ids (about one in 10^10
//! per pair) is refused like any other taken id, never merged.

use super::{SCHEMA_VERSION, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// The stable id of an indicator, unique in its workspace (`"id": 17` in the file).
/// `0` means "not yet assigned" (a file of schema version 1, or an indicator added by hand).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct IndicatorId(pub u64);

/// Fresh ids are drawn from `[FRESH_LOW, FRESH_HIGH)`: ten digits, as readable as a phone
/// number, and far above the 1, 2, 3 … given to the indicators of an upgraded file.
const FRESH_LOW: u64 = 1_000_000_000;
const FRESH_HIGH: u64 = 10_000_000_000;

impl IndicatorId {
    pub const UNSET: IndicatorId = IndicatorId(0);

    pub fn is_unset(&self) -> bool {
        self.0 == 0
    }

    /// A new id for which `taken` is false (the caller's set of ids in use).
    pub fn fresh(taken: impl Fn(IndicatorId) -> bool) -> IndicatorId {
        loop {
            let id = IndicatorId(FRESH_LOW + random_u64() % (FRESH_HIGH - FRESH_LOW));
            if !taken(id) {
                return id;
            }
        }
    }
}

impl fmt::Display for IndicatorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// 64 random bits without a dependency: std's per-process random hash keys, stirred with the
/// time and a counter so two calls never repeat.
fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    h.write_u128(nanos);
    h.finish()
}

impl Workspace {
    /// Every indicator id in the workspace (for a caller that adds many at once).
    pub fn indicator_ids(&self) -> HashSet<IndicatorId> {
        self.nodes()
            .flat_map(|n| n.indikator.iter().map(|i| i.id))
            .collect()
    }

    /// A new indicator id not used in this workspace (one pass over the tree).
    pub fn fresh_indicator_id(&self) -> IndicatorId {
        let used = self.indicator_ids();
        IndicatorId::fresh(|id| used.contains(&id))
    }

    /// Brings a workspace just read to the current schema: every indicator without an id gets
    /// one, in tree order (depth-first, parents before children, indicators in node order),
    /// counting up from the largest id present — so a file of version 1 gets 1, 2, 3 …, and two
    /// users who load the same file get the same ids. Returns how many ids it gave: ids given
    /// at load are only as stable as the file (a hand edit that inserts an indicator without
    /// an id before others renumbers those after it), so a save onto such a file should not
    /// trust ids from an earlier load of it.
    pub fn upgrade(&mut self) -> usize {
        self.schema_version = SCHEMA_VERSION;
        let mut next = self
            .nodes()
            .flat_map(|n| n.indikator.iter().map(|i| i.id.0))
            .max()
            .unwrap_or(0);
        // Past `u64::MAX` an indicator keeps no id (never a wrapped one); the loader refuses
        // such a file first (see [`Workspace::ids_fit`]).
        fn go(nodes: &mut [super::Node], next: &mut u64) {
            for n in nodes {
                for ind in &mut n.indikator {
                    if ind.id.is_unset()
                        && let Some(id) = next.checked_add(1)
                    {
                        *next = id;
                        ind.id = IndicatorId(id);
                    }
                }
                go(&mut n.anak, next);
            }
        }
        let first = next;
        go(&mut self.pohon, &mut next);
        (next - first) as usize
    }

    /// Whether [`Workspace::upgrade`] can give every indicator without an id a new one:
    /// `Err` with the largest id present when counting up from it would pass `u64::MAX`.
    pub fn ids_fit(&self) -> Result<(), IndicatorId> {
        let (mut largest, mut unset) = (0u64, 0u64);
        for ind in self.nodes().flat_map(|n| n.indikator.iter()) {
            largest = largest.max(ind.id.0);
            unset += u64::from(ind.id.is_unset());
        }
        match largest.checked_add(unset) {
            Some(_) => Ok(()),
            None => Err(IndicatorId(largest)),
        }
    }

    /// The first indicator id (in tree order) that is unset or used twice, with the code of
    /// the node holding it — what makes a workspace unloadable.
    pub fn bad_indicator_id(&self) -> Option<(IndicatorId, &str)> {
        let mut seen = HashSet::new();
        self.nodes().find_map(|n| {
            n.indikator
                .iter()
                .find(|i| i.id.is_unset() || !seen.insert(i.id))
                .map(|i| (i.id, n.kode.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_are_ten_digits_and_avoid_taken_ones() {
        let a = IndicatorId::fresh(|_| false);
        assert!((FRESH_LOW..FRESH_HIGH).contains(&a.0), "{a}");
        let b = IndicatorId::fresh(|id| id == a);
        assert_ne!(a, b);
        // A thousand draws never repeat (a repeat would be a broken source, not bad luck).
        let mut seen = HashSet::new();
        assert!((0..1000).all(|_| seen.insert(IndicatorId::fresh(|_| false))));
    }
}
