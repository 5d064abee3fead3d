//! Consistency findings: the contradictions a single source of truth exists to catch.

use crate::model::{Field, Quarter, Workspace};
use crate::rules;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// One inconsistency, naming the node it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// A parent's declared pagu differs from the sum of its children.
    PaguMismatch {
        kode: String,
        declared: Decimal,
        children: Decimal,
    },
    /// A parent's declared year realisation (a report's total: the E-81's, Tabel 3.5's)
    /// differs from what the reports give for the budgets below it
    /// ([`rules::reported_realisasi_tahun`]: the LRA's figure of each, else its quarters).
    RealisasiMismatch {
        kode: String,
        declared: Decimal,
        children: Decimal,
    },
    /// The year's realisation the budget report gives ("menurut LRA", `annual`) differs from
    /// the sum of the quarters' Rupiah entered (`quarters`, 0 when none is), which is the
    /// year's realisation everywhere else. Only on a budget of its own.
    QuartersVsAnnual {
        kode: String,
        quarters: Decimal,
        annual: Decimal,
    },
    /// More money spent than the pagu over the year (`rules::over_pagu`: a parent by the sums
    /// below it); `pagu` none: money spent where no pagu is recorded.
    OverPagu {
        kode: String,
        pagu: Option<Decimal>,
        realisasi: Decimal,
    },
    DuplicateKode {
        kode: String,
    },
    /// An indicator with no (positive) target.
    NoTarget {
        kode: String,
        indikator: usize,
        nama: String,
    },
    /// A figure entered for a quarter after the current one: an indicator's realisation
    /// (`Field::Realisasi`) or the money spent (`Field::Rp`), which names the quarter.
    FutureQuarter {
        kode: String,
        field: Field,
    },
}

/// Every finding in the workspace, in tree order.
pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut kodes = HashSet::new();
    let current = ws.pengaturan.triwulan_berjalan;
    for node in ws.nodes() {
        let kode = || node.kode.clone();
        if !kodes.insert(node.kode.as_str()) {
            out.push(Finding::DuplicateKode { kode: kode() });
        }
        for (i, ind) in node.indikator.iter().enumerate() {
            if !matches!(ind.target, Some(t) if t > Decimal::ZERO) {
                out.push(Finding::NoTarget {
                    kode: kode(),
                    indikator: i + 1,
                    nama: ind.nama.clone(),
                });
            }
            for q in Quarter::ALL.into_iter().filter(|q| *q > current) {
                if ind.realisasi[q.index()].is_some() {
                    out.push(Finding::FutureQuarter {
                        kode: kode(),
                        field: Field::Realisasi(i, q),
                    });
                }
            }
        }
        budget_findings(node, current, &mut out);
        if node.jenis.has_budget()
            && let Some(over) = rules::over_pagu(node, Quarter::IV)
        {
            out.push(Finding::OverPagu {
                kode: over.kode,
                pagu: over.pagu,
                realisasi: over.realisasi,
            });
        }
    }
    out
}

/// The findings about a node's own budget: figures of quarters not started, declared figures
/// against the sums below, the LRA's year against the quarters.
fn budget_findings(node: &crate::model::Node, current: Quarter, out: &mut Vec<Finding>) {
    let kode = || node.kode.clone();
    let Some(budget) = &node.anggaran else {
        return;
    };
    for q in Quarter::ALL.into_iter().filter(|q| *q > current) {
        if budget.realisasi_rp[q.index()].is_some() {
            out.push(Finding::FutureQuarter {
                kode: kode(),
                field: Field::Rp(q),
            });
        }
    }
    let children = rules::budget_total(&node.anak, Quarter::IV);
    if let Some(children) = children {
        if let (Some(declared), Some(sum)) = (budget.pagu, children.pagu)
            && declared != sum
        {
            out.push(Finding::PaguMismatch {
                kode: kode(),
                declared,
                children: sum,
            });
        }
        if let (Some(declared), Some(sum)) = (
            budget.realisasi_tahun,
            rules::reported_realisasi_tahun(node),
        ) && declared != sum
        {
            out.push(Finding::RealisasiMismatch {
                kode: kode(),
                declared,
                children: sum,
            });
        }
    } else if let Some(annual) = budget.realisasi_tahun {
        let quarters = rules::own_realisasi_rp(budget, Quarter::IV).unwrap_or_default();
        if quarters != annual {
            out.push(Finding::QuartersVsAnnual {
                kode: kode(),
                quarters,
                annual,
            });
        }
    }
}
