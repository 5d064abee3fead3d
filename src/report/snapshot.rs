//! The JSON snapshot: every node with its computed figures at a quarter, for other programs to
//! read. Field names are stable (see `docs/export.md`); figures are decimal strings, as in
//! the workspace file, and `null` where a figure is not entered or not defined.

use super::summary;
use crate::model::{NodeKind, Quarter, Workspace};
use crate::rules::{self, Status};
use rust_decimal::Decimal;
use serde::Serialize;

/// Version of the snapshot format.
///
/// `/2`: a node's `pejabat` is the officer answerable for it, inherited from the nearest
/// ancestor as for an indicator (in `/1` only the node's own, `null` where the interface
/// showed an inherited name); the whole body's `realisasi_triwulan` is filled.
pub const SNAPSHOT_FORMAT: &str = "kinerja-snapshot/2";

#[derive(Serialize)]
pub struct Snapshot {
    pub format: &'static str,
    pub instansi: String,
    pub kabupaten: String,
    pub tahun: i32,
    pub triwulan: u8,
    pub ringkasan: Ringkasan,
    pub nodes: Vec<NodeFigures>,
}

#[derive(Serialize)]
pub struct Ringkasan {
    pub jumlah_indikator: usize,
    /// Count per rating: `sangat_tinggi`, `tinggi`, `sedang`, `rendah`, `sangat_rendah`.
    pub predikat: std::collections::BTreeMap<&'static str, usize>,
    pub merah: usize,
    pub belum_diisi: usize,
    pub tidak_dinilai: usize,
    pub anggaran: BudgetFigures,
}

#[derive(Serialize)]
pub struct NodeFigures {
    pub kode: String,
    pub nama: String,
    pub jenis: NodeKind,
    /// The parent's kode (`null` at the root).
    pub induk: Option<String>,
    pub kedalaman: usize,
    pub pejabat: Option<String>,
    pub indikator: Vec<IndicatorFigures>,
    pub anggaran: Option<BudgetFigures>,
}

#[derive(Serialize)]
pub struct IndicatorFigures {
    pub nama: String,
    pub satuan: String,
    pub target: Option<Decimal>,
    /// What is due by the quarter.
    pub target_sd_triwulan: Option<Decimal>,
    pub realisasi_triwulan: [Option<Decimal>; 4],
    pub realisasi_sd_triwulan: Option<Decimal>,
    pub capaian: Option<Decimal>,
    /// `dinilai`, `belum_diisi`, `belum_jatuh_tempo` or `tanpa_target`.
    pub status: &'static str,
    pub predikat: Option<&'static str>,
    pub merah: bool,
    pub pejabat: Option<String>,
}

#[derive(Serialize, Default)]
pub struct BudgetFigures {
    pub pagu: Option<Decimal>,
    pub realisasi_triwulan: [Option<Decimal>; 4],
    pub realisasi: Option<Decimal>,
    pub sisa: Option<Decimal>,
    pub persen: Option<Decimal>,
}

fn rating_key(r: rules::Rating) -> &'static str {
    match r {
        rules::Rating::SangatTinggi => "sangat_tinggi",
        rules::Rating::Tinggi => "tinggi",
        rules::Rating::Sedang => "sedang",
        rules::Rating::Rendah => "rendah",
        rules::Rating::SangatRendah => "sangat_rendah",
    }
}

/// The snapshot's figures of a budget at quarter `q`, from its figures at each quarter
/// (`at`): what was spent within each quarter up to `q` (later ones `null`), the pagu, the
/// realisation to `q`, the remainder and the percentage.
fn budget_figures(
    q: Quarter,
    at: impl Fn(Quarter) -> Option<rules::BudgetFigures>,
) -> Option<BudgetFigures> {
    let b = at(q)?;
    let mut quarters = [None; 4];
    for quarter in Quarter::ALL.into_iter().filter(|x| *x <= q) {
        quarters[quarter.index()] = rules::spent_within(quarter, |p| at(p)?.realisasi);
    }
    Some(BudgetFigures {
        pagu: b.pagu,
        realisasi_triwulan: quarters,
        realisasi: b.realisasi,
        sisa: b.sisa(),
        persen: b.capaian(),
    })
}

/// Every node with its figures at quarter `q`, rounded to two decimals for capaian.
pub fn snapshot(ws: &Workspace, q: Quarter) -> Snapshot {
    let s = summary(ws, q);
    // Half away from zero, as every displayed percentage (`locale::round`, which report does not
    // stand on: the snapshot is data, not words).
    let round = |d: Decimal| {
        d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    };
    let nodes = ws
        .walk()
        .iter()
        .map(|v| {
            let node = v.node;
            let indikator = node
                .indikator
                .iter()
                .map(|ind| {
                    let status = rules::status(ind, q, &ws.pengaturan);
                    let (key, predikat) = match status {
                        Status::Dinilai { rating, .. } => ("dinilai", Some(rating_key(rating))),
                        Status::BelumDiisi => ("belum_diisi", None),
                        Status::BelumJatuhTempo => ("belum_jatuh_tempo", None),
                        Status::TanpaTarget => ("tanpa_target", None),
                    };
                    let mut realisasi_triwulan = ind.realisasi;
                    for quarter in Quarter::ALL.into_iter().filter(|x| *x > q) {
                        realisasi_triwulan[quarter.index()] = None;
                    }
                    IndicatorFigures {
                        nama: ind.nama.clone(),
                        satuan: ind.satuan.clone(),
                        target: ind.target,
                        target_sd_triwulan: rules::due_target(ind, q),
                        realisasi_triwulan,
                        realisasi_sd_triwulan: rules::realisasi_to_date(
                            &ind.realisasi,
                            ind.agregasi,
                            q,
                        ),
                        capaian: status.capaian().map(round),
                        status: key,
                        predikat,
                        merah: status.is_red(),
                        pejabat: ws.officer_for(v, Some(ind)).map(|o| o.nama.clone()),
                    }
                })
                .collect();
            NodeFigures {
                kode: node.kode.clone(),
                nama: node.nama.clone(),
                jenis: node.jenis,
                induk: v.ancestors.last().map(|a| a.kode.clone()),
                kedalaman: v.depth(),
                pejabat: ws.officer_for(v, None).map(|o| o.nama.clone()),
                indikator,
                anggaran: budget_figures(q, |at| rules::budget_of(node, at)).map(|mut b| {
                    b.persen = b.persen.map(round);
                    b
                }),
            }
        })
        .collect();
    let predikat = rules::Rating::ALL
        .iter()
        .map(|r| (rating_key(*r), s.counts.get(*r)))
        .collect();
    Snapshot {
        format: SNAPSHOT_FORMAT,
        instansi: ws.instansi.nama.clone(),
        kabupaten: ws.instansi.kabupaten.clone(),
        tahun: ws.tahun,
        triwulan: q.number(),
        ringkasan: Ringkasan {
            jumlah_indikator: s.counts.total(),
            predikat,
            merah: s.counts.merah,
            belum_diisi: s.counts.belum_diisi,
            tidak_dinilai: s.counts.tidak_dinilai,
            // Every budget in the tree once, as the summary (and the LRA) totals it.
            anggaran: budget_figures(q, |at| rules::budget_total(&ws.pohon, at))
                .map(|mut b| {
                    b.persen = b.persen.map(round);
                    b
                })
                .unwrap_or_default(),
        },
        nodes,
    }
}
