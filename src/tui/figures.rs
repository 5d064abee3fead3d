//! Derived figures the interface shows on every frame, computed once for the whole tree and
//! then kept current along the path of each edit — never recomputed for the whole tree per key
//! or per edit. Owned by the session's index (`session::Index`):
//! - [`Budgets`]: every node's budget at every quarter (`rules::budget_of`), so the detail pane
//!   of a Misi over 200 000 indicators costs the same as a Sub Kegiatan's;
//! - [`Dashboard`]: the dashboard's rating counts, programs, total and red list at one quarter
//!   (`report::summary` and `report::red_list`, which stay the reference: a randomized test
//!   checks these against them after every edit).

use crate::model::{Indicator, Node, NodeKind, Quarter, Settings, Workspace};
use crate::report::{self, RatingCounts};
use crate::rules::{self, BudgetFigures, Status};
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap};

/// A sum of optional figures that can also take one away: the sum of those present and how
/// many were present (none present is "not entered", not zero).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Acc {
    sum: Decimal,
    n: u32,
}

impl Acc {
    fn add(&mut self, v: Option<Decimal>) {
        if let Some(v) = v {
            self.sum += v;
            self.n += 1;
        }
    }

    fn sub(&mut self, v: Option<Decimal>) {
        if let Some(v) = v {
            self.sum -= v;
            self.n = self.n.saturating_sub(1);
        }
    }

    fn get(self) -> Option<Decimal> {
        (self.n > 0).then_some(self.sum)
    }
}

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
        fn go(node: &Node, b: &mut Budgets) -> Option<YearBudget> {
            if node.anak.is_empty() {
                return YearBudget::own(node);
            }
            let mut sum = ChildSum::default();
            for c in &node.anak {
                sum.add(go(c, b));
            }
            b.sums.insert(node.kode.clone(), sum);
            sum.figures().or_else(|| YearBudget::own(node))
        }
        let mut b = Budgets::default();
        let mut roots = ChildSum::default();
        for root in &ws.pohon {
            roots.add(go(root, &mut b));
        }
        b.roots = roots;
        b
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
        let Some(edited) = path.last() else { return };
        let (mut old, mut new) = (before, self.of(edited));
        for parent in path.iter().rev().skip(1) {
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

/// Where an indicator sits: its node's positions from the root (tree order when compared) and
/// its index in the node.
pub type IndicatorAt = (Vec<usize>, usize);

/// One program on the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct DashProgram {
    pub kode: String,
    pub nama: String,
    /// Mean capaian of the program's own indicators that could be judged.
    pub capaian_kinerja: Option<Decimal>,
    /// Ratings of every indicator in the program's subtree.
    pub counts: RatingCounts,
}

/// The dashboard's figures at one quarter.
#[derive(Clone, Debug)]
pub struct Dashboard {
    pub quarter: Quarter,
    /// Every indicator by rating.
    pub counts: RatingCounts,
    /// Every program, in tree order.
    pub programs: Vec<DashProgram>,
    program_at: HashMap<String, usize>,
    /// Programs with a capaian kinerja, lowest first: (capaian, position in `programs`).
    by_kinerja: BTreeSet<(Decimal, usize)>,
    /// Red indicators, worst first (ties in tree order).
    red: BTreeSet<(Decimal, IndicatorAt)>,
    /// Due but not entered, in tree order.
    blank: BTreeSet<IndicatorAt>,
}

impl Dashboard {
    /// The figures of the whole tree; `paths` gives each node's positions from the root.
    pub fn compute(ws: &Workspace, q: Quarter, paths: &HashMap<String, Vec<usize>>) -> Dashboard {
        let mut d = Dashboard {
            quarter: q,
            counts: RatingCounts::default(),
            programs: Vec::new(),
            program_at: HashMap::new(),
            by_kinerja: BTreeSet::new(),
            red: BTreeSet::new(),
            blank: BTreeSet::new(),
        };
        let settings = &ws.pengaturan;
        for node in ws.nodes() {
            let path = paths.get(&node.kode).cloned().unwrap_or_default();
            for (i, ind) in node.indikator.iter().enumerate() {
                let status = rules::status(ind, q, settings);
                d.counts.add(status);
                d.list_insert(status, (path.clone(), i));
            }
            if node.jenis == NodeKind::Program {
                let counts = RatingCounts::of_subtree(node, q, settings);
                let at = d.programs.len();
                let capaian_kinerja = report::capaian_kinerja(node, q, settings);
                if let Some(c) = capaian_kinerja {
                    d.by_kinerja.insert((c, at));
                }
                d.program_at.insert(node.kode.clone(), at);
                d.programs.push(DashProgram {
                    kode: node.kode.clone(),
                    nama: node.nama.clone(),
                    capaian_kinerja,
                    counts,
                });
            }
        }
        d
    }

    fn list_insert(&mut self, status: Status, at: IndicatorAt) {
        match status {
            Status::Dinilai {
                capaian,
                merah: true,
                ..
            } => {
                self.red.insert((capaian, at));
            }
            Status::BelumDiisi => {
                self.blank.insert(at);
            }
            _ => {}
        }
    }

    fn list_remove(&mut self, status: Status, at: &IndicatorAt) {
        match status {
            Status::Dinilai {
                capaian,
                merah: true,
                ..
            } => {
                self.red.remove(&(capaian, at.clone()));
            }
            Status::BelumDiisi => {
                self.blank.remove(at);
            }
            _ => {}
        }
    }

    /// After indicator `index` of the last node of `nodes` (root first; `positions` its place
    /// in the tree) changed from `before`: moves it between ratings and lists, in the whole
    /// body's counts and in the programs above it.
    pub fn update_indicator(
        &mut self,
        nodes: &[&Node],
        positions: &[usize],
        index: usize,
        before: &Indicator,
        settings: &Settings,
    ) {
        let Some(node) = nodes.last() else { return };
        let Some(ind) = node.indikator.get(index) else {
            return;
        };
        let (old, new) = (
            rules::status(before, self.quarter, settings),
            rules::status(ind, self.quarter, settings),
        );
        if old == new {
            return;
        }
        self.counts.remove(old);
        self.counts.add(new);
        let at = (positions.to_vec(), index);
        self.list_remove(old, &at);
        self.list_insert(new, at);
        for n in nodes.iter().filter(|n| n.jenis == NodeKind::Program) {
            let Some(&p) = self.program_at.get(&n.kode) else {
                continue;
            };
            self.programs[p].counts.remove(old);
            self.programs[p].counts.add(new);
        }
        if node.jenis == NodeKind::Program
            && let Some(&p) = self.program_at.get(&node.kode)
        {
            let was = self.programs[p].capaian_kinerja;
            let now = report::capaian_kinerja(node, self.quarter, settings);
            if let Some(c) = was {
                self.by_kinerja.remove(&(c, p));
            }
            if let Some(c) = now {
                self.by_kinerja.insert((c, p));
            }
            self.programs[p].capaian_kinerja = now;
        }
    }

    /// How many indicators need attention: red, then due but not entered.
    pub fn attention_len(&self) -> usize {
        self.red.len() + self.blank.len()
    }

    /// The indicators needing attention from `offset` on, red worst first then the blank ones
    /// in tree order. Costs the offset plus what is taken, never the whole list.
    pub fn attention(&self, offset: usize) -> impl Iterator<Item = &IndicatorAt> {
        self.red
            .iter()
            .map(|(_, at)| at)
            .chain(self.blank.iter())
            .skip(offset)
    }

    /// Program positions (in `programs`) by capaian kinerja, lowest first; those without one
    /// are left out.
    pub fn lowest_kinerja(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_kinerja.iter().map(|(_, p)| *p)
    }
}
