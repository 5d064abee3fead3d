//! The dashboard's figures at one quarter, kept current along each edit (see the module
//! above).

use crate::model::{Indicator, Node, NodeKind, Quarter, Settings, Workspace};
use crate::report::{self, RatingCounts};
use crate::rules::{self, Status};
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap};

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
#[derive(Clone, Debug, PartialEq)]
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

    /// Takes the indicators of `node` (at `positions`) out of the counts and lists: only its
    /// own when `own_only`, else those of its whole subtree, whose programs leave the list of
    /// programs. `above`: the nodes above it, root first (their programs' counts follow).
    pub fn detach(
        &mut self,
        node: &Node,
        positions: &[usize],
        above: &[&Node],
        settings: &Settings,
        own_only: bool,
    ) {
        self.walk(node, positions, above, settings, own_only, false);
        if own_only {
            self.program_changed(node, settings);
        } else if self.remove_programs(node) {
            self.reindex_programs();
        }
    }

    /// Puts the indicators of `node` (at `positions`) into the counts and lists, as
    /// [`detach`](Self::detach) took them; the programs of its subtree go into the list of
    /// programs in tree order (`path_of` gives the position of a program already listed).
    #[allow(clippy::too_many_arguments)]
    pub fn attach(
        &mut self,
        node: &Node,
        positions: &[usize],
        above: &[&Node],
        settings: &Settings,
        own_only: bool,
        path_of: &dyn Fn(&str) -> Option<Vec<usize>>,
    ) {
        self.walk(node, positions, above, settings, own_only, true);
        if own_only {
            self.program_changed(node, settings);
            return;
        }
        let mut added = false;
        let mut stack = vec![(node, positions.to_vec())];
        while let Some((n, at)) = stack.pop() {
            if n.jenis == NodeKind::Program {
                let program = DashProgram {
                    kode: n.kode.clone(),
                    nama: n.nama.clone(),
                    capaian_kinerja: report::capaian_kinerja(n, self.quarter, settings),
                    counts: RatingCounts::of_subtree(n, self.quarter, settings),
                };
                let index = self
                    .programs
                    .partition_point(|p| path_of(&p.kode).is_some_and(|p| p < at));
                self.programs.insert(index, program);
                added = true;
            }
            for (i, c) in n.anak.iter().enumerate().rev() {
                let mut p = at.clone();
                p.push(i);
                stack.push((c, p));
            }
        }
        if added {
            self.reindex_programs();
        }
    }

    /// Each indicator of `node` (or of its subtree) out of (`add` false) or into the counts,
    /// the lists and the counts of the programs above it.
    fn walk(
        &mut self,
        node: &Node,
        positions: &[usize],
        above: &[&Node],
        settings: &Settings,
        own_only: bool,
        add: bool,
    ) {
        // The programs whose counts hold these indicators and stay listed: those above, and
        // the node itself when only its own indicators move.
        let mut programs: Vec<usize> = above
            .iter()
            .chain(own_only.then_some(&node))
            .filter(|n| n.jenis == NodeKind::Program)
            .filter_map(|n| self.program_at.get(&n.kode).copied())
            .collect();
        programs.dedup();
        let mut stack = vec![(node, positions.to_vec())];
        while let Some((n, at)) = stack.pop() {
            for (i, ind) in n.indikator.iter().enumerate() {
                let status = rules::status(ind, self.quarter, settings);
                let key = (at.clone(), i);
                if add {
                    self.counts.add(status);
                    self.list_insert(status, key);
                } else {
                    self.counts.remove(status);
                    self.list_remove(status, &key);
                }
                for p in &programs {
                    if add {
                        self.programs[*p].counts.add(status);
                    } else {
                        self.programs[*p].counts.remove(status);
                    }
                }
            }
            if own_only {
                break;
            }
            for (i, c) in n.anak.iter().enumerate() {
                let mut p = at.clone();
                p.push(i);
                stack.push((c, p));
            }
        }
    }

    /// A program's own indicators changed: its capaian kinerja again.
    fn program_changed(&mut self, node: &Node, settings: &Settings) {
        if node.jenis != NodeKind::Program {
            return;
        }
        let Some(&p) = self.program_at.get(&node.kode) else {
            return;
        };
        let now = report::capaian_kinerja(node, self.quarter, settings);
        if let Some(c) = self.programs[p].capaian_kinerja {
            self.by_kinerja.remove(&(c, p));
        }
        if let Some(c) = now {
            self.by_kinerja.insert((c, p));
        }
        self.programs[p].capaian_kinerja = now;
    }

    /// Takes the programs of `node`'s subtree out of the list; whether there were any.
    fn remove_programs(&mut self, node: &Node) -> bool {
        let gone: std::collections::HashSet<&str> = node
            .iter()
            .filter(|n| n.jenis == NodeKind::Program)
            .map(|n| n.kode.as_str())
            .collect();
        if gone.is_empty() {
            return false;
        }
        self.programs.retain(|p| !gone.contains(p.kode.as_str()));
        true
    }

    /// After programs came or went: where each sits in the list, and the order by capaian.
    fn reindex_programs(&mut self) {
        self.program_at = self
            .programs
            .iter()
            .enumerate()
            .map(|(i, p)| (p.kode.clone(), i))
            .collect();
        self.by_kinerja = self
            .programs
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.capaian_kinerja.map(|c| (c, i)))
            .collect();
    }

    /// A program's new name.
    pub fn rename_program(&mut self, kode: &str, nama: &str) {
        if let Some(&p) = self.program_at.get(kode) {
            self.programs[p].nama = nama.to_string();
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
