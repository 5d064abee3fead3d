//! The computed tables every front-end shows: the summary per program, the red list and the
//! consistency findings. Computed once here from the workspace through `rules`, shared by the
//! CLI, the TUI and the exports.

mod check;
pub mod order;
pub mod snapshot;
pub mod tables;

pub use check::{Finding, check};

use crate::model::{
    Indicator, IndicatorRef, Node, NodeKind, NodeVisit, Quarter, Settings, Workspace,
};
use crate::rules::{self, BudgetFigures, Rating, Status};
use rust_decimal::Decimal;

/// One indicator with its figures at a quarter.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub at: IndicatorRef,
    pub node_jenis: NodeKind,
    pub node_nama: String,
    pub indikator: String,
    pub satuan: String,
    pub target: Option<Decimal>,
    /// What is due by the quarter (the part of the target planned by then).
    pub due: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub status: Status,
    pub pejabat: Option<String>,
}

impl IndicatorRow {
    pub fn new(
        ws: &Workspace,
        visit: &NodeVisit<'_>,
        index: usize,
        ind: &Indicator,
        q: Quarter,
    ) -> Self {
        IndicatorRow {
            at: IndicatorRef {
                kode: visit.node.kode.clone(),
                index,
            },
            node_jenis: visit.node.jenis,
            node_nama: visit.node.nama.clone(),
            indikator: ind.nama.clone(),
            satuan: ind.satuan.clone(),
            target: ind.target,
            due: rules::due_target(ind, q),
            realisasi: rules::realisasi_to_date(&ind.realisasi, ind.agregasi, q),
            status: rules::status(ind, q, &ws.pengaturan),
            pejabat: ws.officer_for(visit, Some(ind)).map(|o| o.nama.clone()),
        }
    }
}

/// Every indicator of the workspace at quarter `q`, in tree order.
pub fn indicator_rows(ws: &Workspace, q: Quarter) -> Vec<IndicatorRow> {
    ws.walk()
        .iter()
        .flat_map(|v| {
            v.node
                .indikator
                .iter()
                .enumerate()
                .map(move |(i, ind)| IndicatorRow::new(ws, v, i, ind, q))
        })
        .collect()
}

/// How many indicators have each rating, and how many could not be rated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RatingCounts {
    /// Indexed by [`Rating::index`], best first.
    pub by_rating: [usize; 5],
    pub belum_diisi: usize,
    /// No target, or nothing due yet.
    pub tidak_dinilai: usize,
    pub merah: usize,
}

impl RatingCounts {
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Dinilai { rating, merah, .. } => {
                self.by_rating[rating.index()] += 1;
                self.merah += usize::from(merah);
            }
            Status::BelumDiisi => self.belum_diisi += 1,
            Status::TanpaTarget | Status::BelumJatuhTempo => self.tidak_dinilai += 1,
        }
    }

    /// The ratings of every indicator of `node` and the nodes below it.
    pub fn of_subtree(node: &Node, q: Quarter, settings: &Settings) -> RatingCounts {
        let mut counts = RatingCounts::default();
        for n in node.iter() {
            for ind in &n.indikator {
                counts.add(rules::status(ind, q, settings));
            }
        }
        counts
    }

    /// Takes back one [`add`](Self::add) of `status`.
    pub fn remove(&mut self, status: Status) {
        let sub = |n: &mut usize| *n = n.saturating_sub(1);
        match status {
            Status::Dinilai { rating, merah, .. } => {
                sub(&mut self.by_rating[rating.index()]);
                if merah {
                    sub(&mut self.merah);
                }
            }
            Status::BelumDiisi => sub(&mut self.belum_diisi),
            Status::TanpaTarget | Status::BelumJatuhTempo => sub(&mut self.tidak_dinilai),
        }
    }

    pub fn get(&self, r: Rating) -> usize {
        self.by_rating[r.index()]
    }

    pub fn total(&self) -> usize {
        self.by_rating.iter().sum::<usize>() + self.belum_diisi + self.tidak_dinilai
    }
}

/// One program in the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramSummary {
    pub kode: String,
    pub nama: String,
    /// Mean capaian to date of the program's own (outcome) indicators that could be judged.
    pub capaian_kinerja: Option<Decimal>,
    pub anggaran: BudgetFigures,
    /// Ratings of every indicator in the program's subtree.
    pub counts: RatingCounts,
}

/// The summary at a quarter: every program, the whole body's totals and rating counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub quarter: Quarter,
    pub programs: Vec<ProgramSummary>,
    pub anggaran: BudgetFigures,
    pub counts: RatingCounts,
}

/// A program's capaian kinerja: the mean capaian of its own (outcome) indicators that could
/// be judged.
pub fn capaian_kinerja(node: &Node, q: Quarter, settings: &Settings) -> Option<Decimal> {
    rules::mean(
        node.indikator
            .iter()
            .filter_map(|i| rules::status(i, q, settings).capaian()),
    )
}

pub fn summary(ws: &Workspace, q: Quarter) -> Summary {
    let visits = ws.walk();
    let mut programs = Vec::new();
    let mut counts = RatingCounts::default();
    for v in &visits {
        for ind in &v.node.indikator {
            counts.add(rules::status(ind, q, &ws.pengaturan));
        }
        if v.node.jenis != NodeKind::Program {
            continue;
        }
        let sub = RatingCounts::of_subtree(v.node, q, &ws.pengaturan);
        programs.push(ProgramSummary {
            kode: v.node.kode.clone(),
            nama: v.node.nama.clone(),
            capaian_kinerja: capaian_kinerja(v.node, q, &ws.pengaturan),
            anggaran: rules::budget_of(v.node, q).unwrap_or_default(),
            counts: sub,
        });
    }
    Summary {
        quarter: q,
        programs,
        // Every budget in the tree, once: the same total as the LRA's sum of its leaves.
        anggaran: rules::budget_total(&ws.pohon, q).unwrap_or_default(),
        counts,
    }
}

/// The indicators that need attention at a quarter.
#[derive(Clone, Debug, PartialEq)]
pub struct RedList {
    pub quarter: Quarter,
    /// Below the threshold, worst first.
    pub merah: Vec<IndicatorRow>,
    /// Due but not entered, in tree order.
    pub belum_diisi: Vec<IndicatorRow>,
}

pub fn red_list(ws: &Workspace, q: Quarter) -> RedList {
    let rows = indicator_rows(ws, q);
    let mut merah: Vec<IndicatorRow> = rows.iter().filter(|r| r.status.is_red()).cloned().collect();
    merah.sort_by_key(|r| r.status.capaian());
    let belum_diisi = rows
        .into_iter()
        .filter(|r| r.status == Status::BelumDiisi)
        .collect();
    RedList {
        quarter: q,
        merah,
        belum_diisi,
    }
}
