//! The computed tables every front-end shows: the summary per program, the red list and the
//! consistency findings. Computed once here from the workspace through `rules`, shared by the
//! CLI, the TUI and the exports.

mod check;
pub mod order;
pub mod snapshot;
pub mod tables;

pub use check::{Finding, check};

use crate::model::{
    Explanation, Indicator, IndicatorId, IndicatorRef, Node, NodeKind, NodeVisit, Quarter,
    Settings, Workspace,
};
use crate::rules::{self, BudgetFigures, OverPagu, Rating, Status};
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
    /// The indicator's stable id (to address a change of it, e.g. its explanation).
    pub id: IndicatorId,
    /// The latest explanation of a shortfall up to the quarter (a faktor penghambat or a
    /// tindak lanjut), with the quarter it was given for (`rules::latest_explanation`).
    pub penjelasan: Option<(Quarter, Explanation)>,
    /// Pieces of evidence given for the quarters up to this one.
    pub bukti: usize,
}

impl IndicatorRow {
    /// Red or due-and-not-entered with nobody's explanation yet: "belum ada penjelasan".
    pub fn unexplained(&self) -> bool {
        (self.status.is_red() || self.status == Status::BelumDiisi) && self.penjelasan.is_none()
    }
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
            id: ind.id,
            penjelasan: rules::latest_explanation(ind, q).map(|(at, e)| (at, e.clone())),
            bukti: rules::evidence_count(ind, q),
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

/// The indicators that need attention at a quarter, and the money spent beyond a pagu.
#[derive(Clone, Debug, PartialEq)]
pub struct RedList {
    pub quarter: Quarter,
    /// Below the threshold, worst first.
    pub merah: Vec<IndicatorRow>,
    /// Due but not entered, in tree order.
    pub belum_diisi: Vec<IndicatorRow>,
    /// Nodes that spent more than their pagu by the quarter, in the Renja's order
    /// (`rules::over_pagu`).
    pub melebihi_pagu: Vec<OverPagu>,
}

impl RedList {
    /// The red ones, then the ones not entered: the meeting's list, worst first.
    pub fn attention(&self) -> impl Iterator<Item = &IndicatorRow> {
        self.merah.iter().chain(&self.belum_diisi)
    }

    /// Those of [`attention`](Self::attention) nobody has explained yet ("belum ada
    /// penjelasan") — the first thing to fix before the meeting.
    pub fn unexplained(&self) -> impl Iterator<Item = &IndicatorRow> {
        self.attention().filter(|r| r.unexplained())
    }
}

pub fn red_list(ws: &Workspace, q: Quarter) -> RedList {
    let rows = indicator_rows(ws, q);
    let mut merah: Vec<IndicatorRow> = rows.iter().filter(|r| r.status.is_red()).cloned().collect();
    merah.sort_by_key(|r| r.status.capaian());
    let belum_diisi = rows
        .into_iter()
        .filter(|r| r.status == Status::BelumDiisi)
        .collect();
    let melebihi_pagu = order::renja_order(ws)
        .into_iter()
        .filter(|v| v.node.jenis.has_budget())
        .filter_map(|v| rules::over_pagu(v.node, q))
        .collect();
    RedList {
        quarter: q,
        merah,
        belum_diisi,
        melebihi_pagu,
    }
}
