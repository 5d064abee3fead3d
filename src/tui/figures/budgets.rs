//! Every node's budget at every quarter, kept current along each edit (see the module above).

use super::Acc;
use crate::model::{Node, Quarter, Workspace};
use crate::rules::{self, BudgetFigures};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A node's budget at each quarter: pagu, and money spent from TW I to each quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearBudget {
    pub pagu: Option<Decimal>,
    pub realisasi: [Option<Decimal>; 4],
}

impl YearBudget {
    fn own(node: &Node) -> Option<YearBudget> {
        node.anggaran.as_ref().map(|b| YearBudget {
            pagu: b.pagu,
            realisasi: Quarter::ALL.map(|q| rules::own_realisasi_rp(b, q)),
        })
    }

    /// The figures to quarter `q`, as `rules::budget_of` gives them.
    pub fn at(&self, q: Quarter) -> BudgetFigures {
        BudgetFigures {
            pagu: self.pagu,
            realisasi: self.realisasi[q.index()],
        }
    }

    /// Money spent within quarter `q` alone, as `rules::spent_in_quarter` gives it.
    pub fn spent_in(&self, q: Quarter) -> Option<Decimal> {
        rules::spent_within(q, |at| self.realisasi[at.index()])
    }
}

/// What a node's children with a budget add up to.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct ChildSum {
    children: u32,
    pagu: Acc,
    realisasi: [Acc; 4],
}

impl ChildSum {
    fn add(&mut self, b: Option<YearBudget>) {
        if let Some(b) = b {
            self.children += 1;
            self.pagu.add(b.pagu);
            for (acc, v) in self.realisasi.iter_mut().zip(b.realisasi) {
                acc.add(v);
            }
        }
    }

    fn sub(&mut self, b: Option<YearBudget>) {
        if let Some(b) = b {
            self.children = self.children.saturating_sub(1);
            self.pagu.sub(b.pagu);
            for (acc, v) in self.realisasi.iter_mut().zip(b.realisasi) {
                acc.sub(v);
            }
        }
    }

    fn figures(&self) -> Option<YearBudget> {
        (self.children > 0).then(|| YearBudget {
            pagu: self.pagu.get(),
            realisasi: self.realisasi.map(Acc::get),
        })
    }
}

/// Every node's budget at every quarter. A node whose children carry budgets is their sum; a
/// leaf uses its own (as `rules::budget_of`). Sums are exact (figures are at most 10^15 each).
#[derive(Clone, Debug, Default)]
pub struct Budgets {
    /// For each node with children: what the children with a budget add up to.
    sums: HashMap<String, ChildSum>,
    /// What the roots add up to: the whole budget.
    roots: ChildSum,
}

impl Budgets {
    pub fn compute(ws: &Workspace) -> Budgets {
        let mut b = Budgets::default();
        for root in &ws.pohon {
            let budget = b.attach(root);
            b.roots.add(budget);
        }
        b
    }

    /// Computes the sums of `node` and everything below it (a subtree put into the tree);
    /// returns its budget for its parent's sum (see [`child_changed`]).
    ///
    /// [`child_changed`]: Self::child_changed
    pub fn attach(&mut self, node: &Node) -> Option<YearBudget> {
        if node.anak.is_empty() {
            self.sums.remove(&node.kode);
            return YearBudget::own(node);
        }
        let mut sum = ChildSum::default();
        for c in &node.anak {
            sum.add(self.attach(c));
        }
        self.sums.insert(node.kode.clone(), sum);
        sum.figures().or_else(|| YearBudget::own(node))
    }

    /// Forgets the sums of `node` and everything below it (a subtree taken out of the tree);
    /// returns the budget it had.
    pub fn detach(&mut self, node: &Node) -> Option<YearBudget> {
        let budget = self.of(node);
        for n in node.iter() {
            self.sums.remove(&n.kode);
        }
        budget
    }

    /// A node's budget at every quarter, in constant time.
    pub fn of(&self, node: &Node) -> Option<YearBudget> {
        self.sums
            .get(&node.kode)
            .and_then(ChildSum::figures)
            .or_else(|| YearBudget::own(node))
    }

    /// Whether a node's budget is the sum of its children's.
    pub fn is_derived(&self, node: &Node) -> bool {
        self.sums.get(&node.kode).is_some_and(|s| s.children > 0)
    }

    /// The whole budget (every budget in the tree once), as `rules::budget_total` of the roots.
    pub fn total(&self) -> Option<YearBudget> {
        self.roots.figures()
    }

    /// After a budget figure of the last node of `path` (root first) changed from `before`:
    /// takes the old budget out of each ancestor's sum and puts the new one in, stopping where
    /// nothing changes any more.
    pub fn update_path(&mut self, path: &[&Node], before: Option<YearBudget>) {
        let Some((edited, above)) = path.split_last() else {
            return;
        };
        let now = self.of(edited);
        self.propagate(above, before, now);
    }

    /// A child of the last node of `path` (root first; empty: a root) went, with the budget
    /// `gone`, or came with `came`: its parent's sum, then each ancestor's.
    pub fn child_changed(
        &mut self,
        path: &[&Node],
        gone: Option<YearBudget>,
        came: Option<YearBudget>,
    ) {
        let Some((parent, above)) = path.split_last() else {
            self.roots.sub(gone);
            self.roots.add(came);
            return;
        };
        let was = self.of(parent);
        let sum = self.sums.entry(parent.kode.clone()).or_default();
        sum.sub(gone);
        sum.add(came);
        let now = self.of(parent);
        self.propagate(above, was, now);
    }

    /// The budget of a child of the last node of `above` went from `old` to `new`: each
    /// ancestor's sum from the parent up, and the total.
    fn propagate(
        &mut self,
        above: &[&Node],
        mut old: Option<YearBudget>,
        mut new: Option<YearBudget>,
    ) {
        for parent in above.iter().rev() {
            if old == new {
                return;
            }
            let was = self.of(parent);
            let sum = self.sums.entry(parent.kode.clone()).or_default();
            sum.sub(old);
            sum.add(new);
            (old, new) = (was, self.of(parent));
        }
        if old != new {
            self.roots.sub(old);
            self.roots.add(new);
        }
    }
}
