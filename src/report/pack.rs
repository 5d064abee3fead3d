//! The meeting pack (bahan rapat): what the meeting before the quarter's report asks, on one
//! page — the totals and the counts by rating, then each indicator that is red or has no
//! explanation yet, worst first, with its trend, target, what is due, capaian, officer,
//! penghambat, tindak lanjut and evidence; then the money spent beyond a pagu. Computed here
//! once; `export::pack` lays it out as HTML or Markdown, and the interface can call
//! [`meeting_pack`] for the same figures.

use super::{IndicatorRow, RatingCounts, red_list, summary};
use crate::model::{Explanation, PerQuarter, Quarter, Verification, Workspace};
use crate::rules::{BudgetFigures, OverPagu};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One indicator the meeting will ask about.
#[derive(Clone, Debug, PartialEq)]
pub struct PackItem {
    /// Its figures at the quarter, officer and latest explanation of a shortfall.
    pub row: IndicatorRow,
    /// TW I–IV as entered (a quarter after the pack's is left out: not due yet).
    pub trend: PerQuarter,
    /// Last year's realisation (the history's `tahun − 1`).
    pub tahun_lalu: Option<Decimal>,
    /// The latest faktor pendorong up to the quarter, where one is given.
    pub pendorong: String,
    /// Every piece of evidence (bukti dukung) given for the quarters up to the pack's, in
    /// quarter order, each once.
    pub bukti: Vec<String>,
}

impl PackItem {
    /// The explanation the pack shows (penghambat, tindak lanjut, its due date and officer).
    pub fn explanation(&self) -> Option<&Explanation> {
        self.row.penjelasan.as_ref().map(|(_, e)| e)
    }
}

/// The meeting pack of a workspace at a quarter.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingPack {
    pub instansi: String,
    pub kabupaten: String,
    pub tahun: i32,
    pub quarter: Quarter,
    /// The whole body's pagu and realisation to the quarter.
    pub anggaran: BudgetFigures,
    pub counts: RatingCounts,
    /// Red ones worst first, then the ones due and not entered (`RedList::attention`).
    pub items: Vec<PackItem>,
    /// How many of `items` nobody has explained yet.
    pub unexplained: usize,
    pub melebihi_pagu: Vec<OverPagu>,
    /// The quarters verified (locked), with who and when.
    pub verified: Vec<(Quarter, Verification)>,
}

/// The meeting pack at quarter `q`: the one function a front-end calls.
pub fn meeting_pack(ws: &Workspace, q: Quarter) -> MeetingPack {
    let s = summary(ws, q);
    let list = red_list(ws, q);
    // One walk of the tree: `Workspace::node` walks it for each kode, and a kabupaten's pack
    // holds tens of thousands of items (37 916 for `kinerja generate`'s 223 units).
    // The first node of a kode, as `Workspace::node` finds it.
    let mut by_kode: HashMap<&str, &crate::model::Node> = HashMap::new();
    for n in ws.nodes() {
        by_kode.entry(n.kode.as_str()).or_insert(n);
    }
    let items: Vec<PackItem> = list
        .attention()
        .map(|row| {
            let ind = by_kode
                .get(row.at.kode.as_str())
                .and_then(|n| n.indikator.get(row.at.index));
            let mut trend = ind.map(|i| i.realisasi).unwrap_or_default();
            for later in &mut trend[q.index() + 1..] {
                *later = None;
            }
            let mut bukti: Vec<String> = Vec::new();
            let mut pendorong = String::new();
            if let Some(i) = ind {
                for at in &Quarter::ALL[..=q.index()] {
                    let e = i.penjelasan.get(*at);
                    for b in &e.bukti {
                        if !bukti.contains(b) {
                            bukti.push(b.clone());
                        }
                    }
                    if !e.pendorong.is_empty() {
                        pendorong = e.pendorong.clone();
                    }
                }
            }
            PackItem {
                row: row.clone(),
                trend,
                tahun_lalu: ind.and_then(|i| i.riwayat.get(&(ws.tahun - 1)).copied()),
                pendorong,
                bukti,
            }
        })
        .collect();
    MeetingPack {
        instansi: ws.instansi.nama.clone(),
        kabupaten: ws.instansi.kabupaten.clone(),
        tahun: ws.tahun,
        quarter: q,
        anggaran: s.anggaran,
        counts: s.counts,
        unexplained: items.iter().filter(|i| i.row.unexplained()).count(),
        items,
        melebihi_pagu: list.melebihi_pagu,
        verified: Quarter::ALL
            .into_iter()
            .filter_map(|at| ws.verifikasi[at.index()].clone().map(|v| (at, v)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn the_samples_pack_at_tw_iv() {
        let ws = crate::store::parse(crate::store::SAMPLE_JSON).unwrap();
        let p = meeting_pack(&ws, Quarter::IV);
        // Red worst first (IP ASN 94,47 %, realisasi anggaran 96,64 %), then Nilai RB, due
        // and not entered; none explained in the sample.
        let kodes: Vec<&str> = p.items.iter().map(|i| i.row.at.kode.as_str()).collect();
        assert_eq!(kodes, ["7.01.01.2.05", "7.01.01.2.02", "SASARAN-2"]);
        assert_eq!(p.unexplained, 3);
        // IP ASN: measured once, in TW IV (70,85; seed line 612).
        assert_eq!(p.items[0].trend, [None, None, None, Some(dec!(70.85))]);
        // Realisasi anggaran: 13,15 / 36,16 / 20,14 / 22,36 (seed line 609).
        assert_eq!(
            p.items[1].trend,
            [dec!(13.15), dec!(36.16), dec!(20.14), dec!(22.36)].map(Some)
        );
        assert!(p.melebihi_pagu.is_empty());
        // At TW II the later quarters are not shown.
        let p2 = meeting_pack(&ws, Quarter::II);
        for item in &p2.items {
            assert_eq!(item.trend[2..], [None, None]);
        }
    }
}
