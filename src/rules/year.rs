//! The year: which Renstra period a new workspace assumes, and what carries into the next year
//! (`kinerja new-year`).

use super::realisasi_tahun;
use crate::model::{IndicatorId, Node, Periode, Quarter, Workspace};
use rust_decimal::Decimal;

/// The Renstra period assumed for `tahun` when the user names none: five years on the national
/// cycle — 2025–2029, 2030–2034, … and, counting back, 2020–2024. Since the simultaneous
/// regional elections of 2024 the regions' RPJMD, and with them every OPD's Renstra, run with
/// the RPJMN 2025–2029 (Perpres 12/2025). Earlier periods differed by region (Sooko's Renstra
/// is 2021–2026, six years): those are given with `--renstra`.
pub fn renstra_period(tahun: i32) -> Periode {
    let awal = 2025 + 5 * (tahun - 2025).div_euclid(5);
    Periode {
        awal,
        akhir: awal + 4,
    }
}

/// An indicator named in a [`Review`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorAt {
    pub kode: String,
    /// 1-based position in its node, as the interface and the journal count.
    pub indikator: usize,
    pub id: IndicatorId,
    pub nama: String,
}

/// Where the new year stands in the Renstra period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenstraYear {
    Within,
    /// The period's last year: a new Renstra is due.
    Last,
    /// Past the period's end: the Renstra targets are of a period that is over.
    After,
    /// Before the period starts.
    Before,
}

/// What [`new_year`] did, and what needs a human.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// The year the new workspace reports.
    pub tahun: i32,
    /// Indicators whose target is now their Renstra target for the new year.
    pub targets_from_renstra: usize,
    /// Indicators with no Renstra target for the new year: their target stayed as it was.
    pub targets_kept: Vec<IndicatorAt>,
    /// Indicators whose result for the year that ended went into their history (riwayat).
    pub riwayat_written: usize,
    /// Indicators with no result for the year that ended: nothing went into their history.
    pub no_result: Vec<IndicatorAt>,
    /// A history figure for the year that ended that was already there and differed from the
    /// year's result, which replaced it: (indicator, what was there, the result).
    pub riwayat_replaced: Vec<(IndicatorAt, Decimal, Decimal)>,
    /// Figures cleared: realisations, plans, PK targets, Rupiah spent, declared realisations.
    pub figures_cleared: usize,
    /// Nodes whose pagu was kept, to check against the new budget (empty with `clear_pagu`).
    pub pagu_kept: Vec<String>,
    /// Pagu cleared (with `clear_pagu`).
    pub pagu_cleared: usize,
    pub renstra: RenstraYear,
    /// PK lines copied.
    pub pk_lines: usize,
}

/// The next year's workspace from this year's: the same tree, indicators, officers, Renstra
/// targets and PK lines (ids too). For each indicator the year's result — its aggregation over
/// the four quarters, [`realisasi_tahun`] — goes into `riwayat[tahun]`, so next year's Tabel
/// 3.2 shows it as the previous year; its target becomes its Renstra target for the new year
/// where there is one (else it stays and is listed for review). Cleared: realisations, plans
/// (the rencana aksi of a new year is made anew), the PK murni/perubahan targets (a new PK is
/// signed), Rupiah spent, declared year realisations, the original pagu (pagu murni), the
/// quarters' explanations and evidence, the quarters' verification and the IKM survey. The
/// year's Rupiah spent are added to the money spent under the Renstra (`renstra_realisasi`,
/// E-81 column 6 Rp: next year's "up to last year" is this year's column 13) where the node
/// keeps one. The pagu stays and is listed for review, or is cleared with `clear_pagu`. The
/// year moves on by one and the reporting quarter goes back to TW I.
pub fn new_year(ws: &Workspace, clear_pagu: bool) -> (Workspace, Review) {
    let next = ws.tahun + 1;
    let mut out = ws.clone();
    out.tahun = next;
    out.pengaturan.triwulan_berjalan = Quarter::I;
    out.ikm = None;
    out.verifikasi = Default::default();
    let p = ws.periode_renstra;
    let mut review = Review {
        tahun: next,
        targets_from_renstra: 0,
        targets_kept: Vec::new(),
        riwayat_written: 0,
        no_result: Vec::new(),
        riwayat_replaced: Vec::new(),
        figures_cleared: 0,
        pagu_kept: Vec::new(),
        pagu_cleared: 0,
        renstra: if next < p.awal {
            RenstraYear::Before
        } else if next > p.akhir {
            RenstraYear::After
        } else if next == p.akhir {
            RenstraYear::Last
        } else {
            RenstraYear::Within
        },
        pk_lines: ws.pk.len(),
    };
    for root in &mut out.pohon {
        roll(root, ws.tahun, clear_pagu, &mut review);
    }
    (out, review)
}

fn clear<const N: usize>(slots: &mut [Option<Decimal>; N]) -> usize {
    let n = slots.iter().flatten().count();
    *slots = [None; N];
    n
}

fn take(slot: &mut Option<Decimal>) -> usize {
    usize::from(slot.take().is_some())
}

fn roll(node: &mut Node, tahun: i32, clear_pagu: bool, review: &mut Review) {
    let next = tahun + 1;
    for (i, ind) in node.indikator.iter_mut().enumerate() {
        let at = IndicatorAt {
            kode: node.kode.clone(),
            indikator: i + 1,
            id: ind.id,
            nama: ind.nama.clone(),
        };
        match realisasi_tahun(ind) {
            Some(result) => {
                if let Some(was) = ind.riwayat.insert(tahun, result)
                    && was != result
                {
                    review.riwayat_replaced.push((at.clone(), was, result));
                }
                review.riwayat_written += 1;
            }
            None => review.no_result.push(at.clone()),
        }
        match ind.renstra.target.get(&next) {
            Some(t) => {
                ind.target = Some(*t);
                review.targets_from_renstra += 1;
            }
            None => review.targets_kept.push(at),
        }
        review.figures_cleared += clear(&mut ind.realisasi)
            + clear(&mut ind.rencana)
            + take(&mut ind.target_pk_murni)
            + take(&mut ind.target_pk_perubahan);
        ind.penjelasan = Default::default();
    }
    // The Renstra's money spent so far takes in this year's (the node's own figure, the year
    // as every report sums it), before the quarters are cleared.
    let spent = crate::rules::budget_of(node, Quarter::IV).and_then(|b| b.realisasi);
    if let Some(b) = &mut node.anggaran
        && let (Some(before), Some(year)) = (b.renstra_realisasi, spent)
    {
        b.renstra_realisasi = Some(before.saturating_add(year));
    }
    if let Some(b) = &mut node.anggaran {
        review.figures_cleared +=
            clear(&mut b.realisasi_rp) + take(&mut b.realisasi_tahun) + take(&mut b.pagu_murni);
        if clear_pagu {
            review.pagu_cleared += take(&mut b.pagu);
        } else if b.pagu.is_some() {
            review.pagu_kept.push(node.kode.clone());
        }
    }
    for c in &mut node.anak {
        roll(c, tahun, clear_pagu, review);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_periods_follow_the_national_cycle() {
        assert_eq!(
            renstra_period(2025),
            Periode {
                awal: 2025,
                akhir: 2029
            }
        );
        assert_eq!(
            renstra_period(2029),
            Periode {
                awal: 2025,
                akhir: 2029
            }
        );
        assert_eq!(
            renstra_period(2030),
            Periode {
                awal: 2030,
                akhir: 2034
            }
        );
        assert_eq!(
            renstra_period(2024),
            Periode {
                awal: 2020,
                akhir: 2024
            }
        );
        assert_eq!(
            renstra_period(2020),
            Periode {
                awal: 2020,
                akhir: 2024
            }
        );
    }
}
