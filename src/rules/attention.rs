//! What needs attention before the meeting besides a red capaian: whether a shortfall is
//! explained (and where the explanation stands), and money spent beyond the pagu.

use super::{Status, budget_of};
use crate::model::{Explanation, Indicator, Node, NodeKind, Quarter, Workspace};
use rust_decimal::Decimal;

/// The explanation of `ind`'s shortfall as of quarter `q`: the latest quarter up to `q` whose
/// explanation has a faktor penghambat or a tindak lanjut, with that quarter (an explanation
/// given in TW III still stands at TW IV until a newer one replaces it).
pub fn latest_explanation(ind: &Indicator, q: Quarter) -> Option<(Quarter, &Explanation)> {
    Quarter::ALL[..=q.index()]
        .iter()
        .rev()
        .map(|at| (*at, ind.penjelasan.get(*at)))
        .find(|(_, e)| e.explains_shortfall())
}

/// The pieces of evidence (bukti dukung) given for `ind` in the quarters up to `q`.
pub fn evidence_count(ind: &Indicator, q: Quarter) -> usize {
    Quarter::ALL[..=q.index()]
        .iter()
        .map(|at| ind.penjelasan.get(*at).bukti.len())
        .sum()
}

/// Whether an indicator in `status` at `q` is one the meeting will ask about — red, or due
/// and not entered — and nobody has explained yet ("belum ada penjelasan").
pub fn needs_explanation(ind: &Indicator, status: Status, q: Quarter) -> bool {
    (status.is_red() || status == Status::BelumDiisi) && latest_explanation(ind, q).is_none()
}

/// A node that spent more than its pagu by a quarter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverPagu {
    pub kode: String,
    pub jenis: NodeKind,
    pub nama: String,
    /// The pagu (`None`: money spent where no pagu is recorded).
    pub pagu: Option<Decimal>,
    pub realisasi: Decimal,
}

impl OverPagu {
    /// Realisation in % of the pagu (`None` without a pagu).
    pub fn persen(&self) -> Option<Decimal> {
        super::capaian(
            Some(self.realisasi),
            self.pagu,
            crate::model::Polarity::Positif,
        )
    }

    /// How much more than the pagu was spent.
    pub fn lebih(&self) -> Decimal {
        self.realisasi - self.pagu.unwrap_or_default()
    }
}

/// Whether `node` spent more than its pagu up to quarter `q`: a Sub Kegiatan by its own
/// figures, a parent by the sums of the budgets below it ([`budget_of`]), so a kegiatan whose
/// sub kegiatan together overspend is flagged as well as each sub kegiatan that does. Money
/// spent where no pagu is recorded counts as over it.
pub fn over_pagu(node: &Node, q: Quarter) -> Option<OverPagu> {
    over_pagu_of(node, budget_of(node, q)?)
}

/// [`over_pagu`] from `node`'s budget figures already at hand (the interface keeps every
/// node's sums: it judges without walking the subtree again).
pub fn over_pagu_of(node: &Node, b: super::BudgetFigures) -> Option<OverPagu> {
    let realisasi = b.realisasi.filter(|r| *r > Decimal::ZERO)?;
    if b.pagu.is_some_and(|p| realisasi <= p) {
        return None;
    }
    Some(OverPagu {
        kode: node.kode.clone(),
        jenis: node.jenis,
        nama: node.nama.clone(),
        pagu: b.pagu,
        realisasi,
    })
}

/// Every node that spent more than its pagu up to quarter `q`, in tree order (a parent before
/// the nodes below it).
pub fn over_pagu_all(ws: &Workspace, q: Quarter) -> Vec<OverPagu> {
    ws.nodes()
        .filter(|n| n.jenis.has_budget())
        .filter_map(|n| over_pagu(n, q))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn sample() -> Workspace {
        crate::store::parse(crate::store::SAMPLE_JSON).expect("the sample loads")
    }

    #[test]
    fn the_trials_202_percent_is_flagged_on_the_sub_kegiatan_and_its_sums() {
        let mut ws = sample();
        assert_eq!(
            over_pagu_all(&ws, Quarter::IV),
            [],
            "the sample spends within its pagu"
        );
        // Nonperizinan (pagu Rp 25.000.000; TW I–III 4.852.500 + 4.977.000 + 3.540.000 =
        // 13.369.500): TW IV typed as 37.158.000 makes 50.527.500 = 202,11 % of the pagu.
        let kode = "7.01.02.2.04.02";
        let rp4 = crate::model::Field::Rp(Quarter::IV);
        assert!(ws.set_figure(kode, rp4, Some(dec!(37158000))));
        let over = over_pagu_all(&ws, Quarter::IV);
        // The kegiatan and the program have this one sub kegiatan: their sums overspend too.
        let kodes: Vec<&str> = over.iter().map(|o| o.kode.as_str()).collect();
        assert_eq!(kodes, ["7.01.02", "7.01.02.2.04", kode]);
        let sub = &over[2];
        assert_eq!(sub.pagu, Some(dec!(25000000)));
        assert_eq!(sub.realisasi, dec!(50527500));
        assert_eq!(crate::locale::round(sub.persen().unwrap(), 2), dec!(202.11));
        assert_eq!(sub.lebih(), dec!(25527500));
        // To TW III it was within the pagu.
        assert_eq!(over_pagu_all(&ws, Quarter::III), []);
    }

    #[test]
    fn a_parent_is_judged_by_its_sums() {
        let mut ws = sample();
        // Administrasi Tata Pemerintahan Desa (pagu 15.480.000) overspends by 1.000.000, its
        // kegiatan (pagu 207.822.710, spent 199.440.500 + 1.000.000 + 5.938.500 …) does not.
        let kode = "7.01.06.2.01.02";
        let rp4 = crate::model::Field::Rp(Quarter::IV);
        // 2.652.600 + 4.501.400 + 1.645.000 = 8.799.000 before TW IV; 7.681.000 makes 16.480.000.
        assert!(ws.set_figure(kode, rp4, Some(dec!(7681000))));
        let kodes: Vec<String> = over_pagu_all(&ws, Quarter::IV)
            .into_iter()
            .map(|o| o.kode)
            .collect();
        assert_eq!(kodes, [kode]);
    }

    #[test]
    fn the_latest_explanation_up_to_the_quarter_and_the_evidence() {
        let mut ind = sample().node("7.01.01.2.05").unwrap().indikator[0].clone();
        assert_eq!(latest_explanation(&ind, Quarter::IV), None);
        ind.penjelasan
            .update(Quarter::II, |e| e.penghambat = "mutasi pegawai".into());
        ind.penjelasan
            .update(Quarter::III, |e| e.pendorong = "diklat daring".into());
        ind.penjelasan.update(Quarter::III, |e| {
            e.bukti = vec!["/srv/bukti/a.pdf".into(), "https://x/b".into()]
        });
        ind.penjelasan
            .update(Quarter::I, |e| e.bukti = vec!["ND 800/12".into()]);
        // TW III explains nothing of a shortfall (a pendorong only): TW II's stands.
        let (at, e) = latest_explanation(&ind, Quarter::IV).unwrap();
        assert_eq!((at, e.penghambat.as_str()), (Quarter::II, "mutasi pegawai"));
        assert_eq!(
            latest_explanation(&ind, Quarter::I),
            None,
            "not before it was given"
        );
        assert_eq!(evidence_count(&ind, Quarter::IV), 3);
        assert_eq!(evidence_count(&ind, Quarter::II), 1);
        let red = Status::Dinilai {
            capaian: dec!(94.47),
            rating: crate::model::Rating::SangatTinggi,
            merah: true,
        };
        assert!(!needs_explanation(&ind, red, Quarter::IV));
        assert!(needs_explanation(&ind, red, Quarter::I));
        assert!(needs_explanation(&ind, Status::BelumDiisi, Quarter::I));
        assert!(!needs_explanation(
            &ind,
            Status::BelumJatuhTempo,
            Quarter::I
        ));
    }
}
