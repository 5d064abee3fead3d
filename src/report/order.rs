//! The order of the LKjIP's budget tables (Tabel 3.5, 3.6, the E-81): the Renja's, by code —
//! program 7.01.01 before 7.01.02 before 7.01.06, each kegiatan and sub kegiatan by its code —
//! and a sasaran where its first program stands. The tree itself keeps the order of the
//! performance agreement (PK), which puts the sasaran of public service, and with it 7.01.02,
//! first; the PK's own tables (3.1–3.3) keep that order.

use crate::model::{Node, NodeKind, NodeVisit, Workspace};
use std::cmp::Ordering;

/// Orders codes segment by segment, numbers as numbers: `7.01.01.2.09` before `7.01.01.2.10`,
/// `7.01.01` before `7.01.01.2.01`; a segment that is not a number after those that are.
pub fn cmp_codes(a: &str, b: &str) -> Ordering {
    fn key(part: &str) -> (u64, &str) {
        (part.parse().unwrap_or(u64::MAX), part)
    }
    let (mut a, mut b) = (a.split('.'), b.split('.'));
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) => match key(x).cmp(&key(y)) {
                Ordering::Equal => continue,
                other => return other,
            },
            (x, y) => return x.is_some().cmp(&y.is_some()),
        }
    }
}

/// Where a node stands among its siblings: its own code when it is a program, kegiatan or sub
/// kegiatan (the levels with Permendagri codes); above those, the smallest such code below it.
/// `None` (after the others, in tree order) when there is none.
fn sort_key(node: &Node) -> Option<&str> {
    if node.jenis.has_budget() {
        return Some(&node.kode);
    }
    node.iter()
        .filter(|n| n.jenis.has_budget())
        .map(|n| n.kode.as_str())
        .min_by(|a, b| cmp_codes(a, b))
}

/// Every node of the workspace, parents before children, siblings in the Renja's order.
pub fn renja_order(ws: &Workspace) -> Vec<NodeVisit<'_>> {
    ws.walk_by(|siblings| {
        let mut sorted: Vec<(Option<&str>, &Node)> =
            siblings.iter().map(|n| (sort_key(n), n)).collect();
        // Stable: siblings with equal keys (or none, which go last) keep the tree's order.
        sorted.sort_by(|(a, _), (b, _)| match (a, b) {
            (Some(a), Some(b)) => cmp_codes(a, b),
            (a, b) => a.is_none().cmp(&b.is_none()),
        });
        sorted.into_iter().map(|(_, n)| n).collect()
    })
}

/// The code a table shows in its Kode column: the Permendagri code of a program, kegiatan or
/// sub kegiatan; nothing for Visi … Sasaran, whose codes (`SASARAN-1`) are the workspace's
/// own keys, not codes of any document.
pub fn shown_kode(jenis: NodeKind, kode: &str) -> &str {
    if jenis.has_budget() { kode } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_sort_by_their_numbers() {
        let mut codes = vec![
            "7.01.06",
            "7.01.01.2.10",
            "7.01.02",
            "7.01.01.2.09",
            "7.01.01",
            "7.01.01.2.09.01",
            "X.XX.01",
        ];
        codes.sort_by(|a, b| cmp_codes(a, b));
        assert_eq!(
            codes,
            [
                "7.01.01",
                "7.01.01.2.09",
                "7.01.01.2.09.01",
                "7.01.01.2.10",
                "7.01.02",
                "7.01.06",
                "X.XX.01"
            ]
        );
    }
}
