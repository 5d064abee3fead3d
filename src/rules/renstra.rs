//! The Renstra's figures of the E-81 (Permendagri 86/2017): the realisation of the five-year
//! plan up to last year (column 6), up to this year (column 13 = 6 + 12) and its capaian
//! against the end-of-period target (column 14 = 13 / 5).
//!
//! Performance (K) comes from the indicator's history (`riwayat`, the years of the Renstra
//! period before this one) and this year's realisation to date, combined by the indicator's
//! own aggregation: `jumlah` adds the years up (3.162 layanan this year and 647 in 2022 make
//! 3.809 of the Renstra's 5.350), `terakhir` takes the latest (IKM 91,19 now, 86,19 in 2022:
//! the level reached is 91,19), `rata_rata` the mean of the years. A percentage summed over
//! the quarters (realisasi anggaran 13,15 + 36,16 + 20,14 + 22,36 = 91,81 %) is a share of
//! that year's own base and cannot be added across years: across the Renstra's years an
//! indicator in `%` takes the latest year's level whatever its aggregation within the year
//! (91,81 % in 2023, not 96 + 91,81 = 187,81). Money (Rp) is the node's
//! own Renstra figures (`anggaran.renstra_akhir`, `renstra_realisasi`) — for a node without
//! them, the sum of the nodes below that have them — plus this year's spending to date.

use super::{budget_of, capaian, mean, realisasi_to_date};
use crate::model::{Aggregation, Indicator, Node, Periode, Polarity, Quarter};
use rust_decimal::Decimal;

/// The realisations of the Renstra's years before `tahun` that the history holds.
fn earlier_years(ind: &Indicator, tahun: i32, periode: Periode) -> impl Iterator<Item = Decimal> {
    ind.riwayat
        .range(periode.awal..tahun)
        .map(|(_, v)| *v)
        .collect::<Vec<_>>()
        .into_iter()
}

/// How the Renstra's years combine: the indicator's own aggregation, except that a
/// percentage is never added across years (see the module's note).
fn across_years(ind: &Indicator) -> Aggregation {
    match ind.agregasi {
        Aggregation::Jumlah if ind.satuan.trim() == "%" => Aggregation::Terakhir,
        a => a,
    }
}

/// Column 6 K: the Renstra's realisation up to last year, by the indicator's aggregation.
pub fn renstra_realisasi_lalu(ind: &Indicator, tahun: i32, periode: Periode) -> Option<Decimal> {
    let years = earlier_years(ind, tahun, periode);
    match across_years(ind) {
        Aggregation::Jumlah => years.reduce(Decimal::saturating_add),
        Aggregation::Terakhir => years.last(),
        Aggregation::RataRata => mean(years),
    }
}

/// Column 13 K: the Renstra's realisation up to this year (to quarter `q`): last year's
/// (column 6) and this year's (column 12) by the indicator's aggregation.
pub fn renstra_realisasi_sd(
    ind: &Indicator,
    tahun: i32,
    periode: Periode,
    q: Quarter,
) -> Option<Decimal> {
    let this_year = realisasi_to_date(&ind.realisasi, ind.agregasi, q);
    match across_years(ind) {
        Aggregation::Jumlah => match (renstra_realisasi_lalu(ind, tahun, periode), this_year) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            (a, b) => a.or(b),
        },
        Aggregation::Terakhir => this_year.or_else(|| renstra_realisasi_lalu(ind, tahun, periode)),
        Aggregation::RataRata => mean(earlier_years(ind, tahun, periode).chain(this_year)),
    }
}

/// Column 14 K: the Renstra's realisation up to this year against its end-of-period target.
pub fn capaian_renstra(
    ind: &Indicator,
    tahun: i32,
    periode: Periode,
    q: Quarter,
) -> Option<Decimal> {
    capaian(
        renstra_realisasi_sd(ind, tahun, periode, q),
        ind.renstra.akhir,
        ind.polaritas,
    )
}

/// A node's own Renstra money figure, else the sum of the nodes below it that have one.
fn own_or_below(node: &Node, own: fn(&crate::model::Budget) -> Option<Decimal>) -> Option<Decimal> {
    node.anggaran.as_ref().and_then(own).or_else(|| {
        node.anak
            .iter()
            .filter_map(|c| own_or_below(c, own))
            .reduce(Decimal::saturating_add)
    })
}

/// The Renstra's money of a node, columns 5, 6, 13 and 14 Rp.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenstraMoney {
    /// Column 5 Rp: to the end of the period.
    pub akhir: Option<Decimal>,
    /// Column 6 Rp: spent in the Renstra's years before this one.
    pub lalu: Option<Decimal>,
    /// Column 13 Rp: column 6 and this year's spending to date.
    pub sd: Option<Decimal>,
}

impl RenstraMoney {
    /// Column 14 Rp: column 13 against column 5.
    pub fn capaian(&self) -> Option<Decimal> {
        capaian(self.sd, self.akhir, Polarity::Positif)
    }
}

/// The Renstra's money of `node` with this year's spending to quarter `q`.
pub fn renstra_money(node: &Node, q: Quarter) -> RenstraMoney {
    let akhir = own_or_below(node, |b| b.renstra_akhir);
    let lalu = own_or_below(node, |b| b.renstra_realisasi);
    let year = budget_of(node, q).and_then(|b| b.realisasi);
    let sd = match (lalu, year) {
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
        // Without last year's figure the Renstra's total is not known.
        (None, _) => None,
        (a, None) => a,
    };
    RenstraMoney { akhir, lalu, sd }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn sample() -> crate::model::Workspace {
        crate::store::parse(crate::store::SAMPLE_JSON).expect("the sample loads")
    }

    #[test]
    fn the_renstra_so_far_by_each_aggregation() {
        let ws = sample();
        let p = ws.periode_renstra;
        // Nonperizinan (jumlah): 2022 647 layanan (Tabel 3.2) + 3.162 this year = 3.809 of the
        // Renstra's 5.350 (Tabel 3.3) = 71,20 %.
        let ind = &ws.node("7.01.02.2.04").unwrap().indikator[0];
        assert_eq!(renstra_realisasi_lalu(ind, ws.tahun, p), Some(dec!(647)));
        assert_eq!(
            renstra_realisasi_sd(ind, ws.tahun, p, Quarter::IV),
            Some(dec!(3809))
        );
        let c = capaian_renstra(ind, ws.tahun, p, Quarter::IV).unwrap();
        assert_eq!(crate::locale::round(c, 2), dec!(71.20));
        // IKM (terakhir): 2021 82,75 and 2022 86,19; this year 91,19 is the level reached.
        let ikm = &ws.node("SASARAN-1").unwrap().indikator[0];
        assert_eq!(renstra_realisasi_lalu(ikm, ws.tahun, p), Some(dec!(86.19)));
        assert_eq!(
            renstra_realisasi_sd(ikm, ws.tahun, p, Quarter::IV),
            Some(dec!(91.19))
        );
        // Before the year's figure is in (TW III), the level of last year stands.
        assert_eq!(
            renstra_realisasi_sd(ikm, ws.tahun, p, Quarter::III),
            Some(dec!(86.19))
        );
        let mut avg = ikm.clone();
        avg.agregasi = Aggregation::RataRata;
        // (82,75 + 86,19 + 91,19) / 3 = 86,71.
        assert_eq!(
            renstra_realisasi_sd(&avg, ws.tahun, p, Quarter::IV)
                .map(|d| crate::locale::round(d, 2)),
            Some(dec!(86.71))
        );
        // A year before the Renstra's first is not the Renstra's.
        let mut early = ind.clone();
        early.riwayat.insert(2019, dec!(100));
        assert_eq!(renstra_realisasi_lalu(&early, ws.tahun, p), Some(dec!(647)));
    }

    #[test]
    fn the_renstra_money_of_a_program_and_of_a_node_without_its_own() {
        let ws = sample();
        // Program 7.01.02 (seed line 629): 60.000.000 to the end, 58.921.300 spent before;
        // this year 24.066.500: 82.987.800 = 138,31 % of the period's money.
        let m = renstra_money(ws.node("7.01.02").unwrap(), Quarter::IV);
        assert_eq!(m.akhir, Some(dec!(60000000)));
        assert_eq!(m.lalu, Some(dec!(58921300)));
        assert_eq!(m.sd, Some(dec!(82987800)));
        assert_eq!(crate::locale::round(m.capaian().unwrap(), 2), dec!(138.31));
        // Its sub kegiatan has none of its own and none below: nothing.
        let sub = renstra_money(ws.node("7.01.02.2.04.02").unwrap(), Quarter::IV);
        assert_eq!(sub, RenstraMoney::default());
    }
}
