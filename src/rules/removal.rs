//! What goes with a removal, for the question a delete asks first ("3 node di bawahnya,
//! 4 indikator, 12 angka, Rp 1.250.000 terealisasi") and for whether it needs `--force`.

use super::budget_of;
use crate::model::{Budget, Field, Node, Quarter, Workspace};

/// What a removal takes with it (plain data in `model`; `locale` words it).
pub use crate::model::Removal;

impl Removal {
    /// A removal that takes children, figures or PK lines is only done when forced (the
    /// interface asks; `node remove` and `indikator remove` need `--force`).
    pub fn needs_force(&self) -> bool {
        self.nodes_below > 0 || self.figures > 0 || self.pk_lines > 0
    }
}

fn entered(node: &Node, fields: impl IntoIterator<Item = Field>) -> usize {
    fields
        .into_iter()
        .filter(|f| matches!(f.get(node), Some(Some(_))))
        .count()
}

/// What removing `node` (a node of `ws`) takes with it.
pub fn of_node(ws: &Workspace, node: &Node) -> Removal {
    let mut r = Removal {
        nodes_below: node.iter().count() - 1,
        rupiah: budget_of(node, Quarter::IV).and_then(|b| b.realisasi),
        ..Removal::default()
    };
    let mut codes = std::collections::HashSet::new();
    for n in node.iter() {
        codes.insert(n.kode.as_str());
        r.indicators += n.indikator.len();
        r.figures += entered(n, Field::all(n));
    }
    r.pk_lines = ws
        .pk
        .iter()
        .filter(|l| codes.contains(l.kode.as_str()))
        .count();
    r
}

/// What removing the indicator at `pos` (0-based) of node `kode` takes with it; `None` when
/// there is no such indicator.
pub fn of_indicator(ws: &Workspace, kode: &str, pos: usize) -> Option<Removal> {
    of_indicator_in(ws, ws.node(kode)?, pos)
}

/// [`of_indicator`] of a node the caller has found (no walk of the tree).
pub fn of_indicator_in(ws: &Workspace, node: &Node, pos: usize) -> Option<Removal> {
    let kode = node.kode.as_str();
    node.indikator.get(pos)?;
    let own = Field::all(node)
        .into_iter()
        .filter(|f| f.indicator() == Some(pos));
    Some(Removal {
        indicators: 1,
        figures: entered(node, own),
        pk_lines: ws
            .pk
            .iter()
            .filter(|l| l.kode == kode && l.indikator == pos + 1)
            .count(),
        ..Removal::default()
    })
}

/// What removing a budget takes with it.
pub fn of_budget(budget: &Budget) -> Removal {
    let figures = [budget.pagu, budget.pagu_murni, budget.realisasi_tahun]
        .iter()
        .chain(&budget.realisasi_rp)
        .flatten()
        .count();
    Removal {
        figures,
        rupiah: super::own_realisasi_rp(budget, Quarter::IV),
        ..Removal::default()
    }
}
