//! Every computation of the domain: capaian, aggregation of quarters, what is due, ratings,
//! the red status and budget sums; and what may be typed where ([`edit`]). Pure functions over
//! the model; the CLI, the TUI and every export get their figures from here, so one figure has
//! one computation.
//!
//! Figures are exact [`Decimal`]s; nothing is rounded here (rounding is for display, see
//! `locale`). Every function returns `None` instead of failing when a figure is missing, a
//! target is zero, or an intermediate result would overflow.
//!
//! What a node, a code, a name or a change may be lives here too: [`levels`], [`codes`],
//! [`text`], [`removal`] (what goes with a delete) and [`change`] (the rules a user's change
//! must follow); [`year`] says what carries into a new year.

pub mod attention;
pub mod change;
pub mod codes;
pub mod levels;
pub mod removal;
pub mod renstra;
pub mod text;
pub mod year;

pub use attention::{
    OverPagu, evidence_count, latest_explanation, needs_explanation, over_pagu, over_pagu_all,
    over_pagu_of,
};
pub use change::Objection;
pub use renstra::{
    RenstraMoney, capaian_renstra, renstra_money, renstra_realisasi_lalu, renstra_realisasi_sd,
};
pub use year::{Review, new_year, renstra_period};

pub mod edit;

use crate::model::{
    Aggregation, Budget, Indicator, Node, PerQuarter, Polarity, Quarter, RatingScale, Settings,
};
use rust_decimal::Decimal;

/// The rating scale is a domain term and lives in the model; re-exported for the computations.
pub use crate::model::Rating;
pub use edit::{EditRefusal, FigureKind, editable, editable_in};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Capaian (achievement, in %) of a realisation against a target.
///
/// Positive polarity: `realisasi / target × 100`. Negative polarity (less is better):
/// `(2 × target − realisasi) / target × 100`, floored at 0. Undefined (`None`) when either
/// figure is missing, the target is zero or negative, or the result does not fit a `Decimal`.
pub fn capaian(
    realisasi: Option<Decimal>,
    target: Option<Decimal>,
    polarity: Polarity,
) -> Option<Decimal> {
    let (r, t) = (realisasi?, target?);
    if t <= Decimal::ZERO {
        return None;
    }
    let numerator = match polarity {
        Polarity::Positif => r,
        Polarity::Negatif => t.checked_mul(Decimal::TWO)?.checked_sub(r)?,
    };
    let pct = numerator.checked_div(t)?.checked_mul(HUNDRED)?;
    Some(match polarity {
        Polarity::Negatif => pct.max(Decimal::ZERO),
        Polarity::Positif => pct,
    })
}

/// The realisation from TW I up to and including `q`, by the indicator's aggregation rule.
/// `None` when nothing has been entered in those quarters.
pub fn realisasi_to_date(
    values: &PerQuarter,
    aggregation: Aggregation,
    q: Quarter,
) -> Option<Decimal> {
    let entered = values[..=q.index()].iter().flatten();
    match aggregation {
        Aggregation::Jumlah => entered.copied().reduce(|a, b| a.saturating_add(b)),
        Aggregation::Terakhir => entered.last().copied(),
        Aggregation::RataRata => {
            let (sum, n) = entered.fold((Decimal::ZERO, 0u32), |(s, n), v| {
                (s.saturating_add(*v), n + 1)
            });
            (n > 0).then(|| sum / Decimal::from(n))
        }
    }
}

/// What is due by the end of quarter `q`: the target to judge the realisation to date against.
///
/// With a quarterly plan (rencana): for `jumlah` the plan's quarters up to `q` add up; for
/// `terakhir` the latest planned level up to `q` holds; for `rata_rata` the mean of the planned
/// levels up to `q` (no plan yet → nothing due).
/// Without a plan: `jumlah` is pro rata (`target × q / 4`), the others are due in full.
pub fn due_target(ind: &Indicator, q: Quarter) -> Option<Decimal> {
    let has_plan = ind.rencana.iter().any(Option::is_some);
    if has_plan {
        let planned = ind.rencana[..=q.index()].iter().flatten();
        return match ind.agregasi {
            Aggregation::Jumlah => Some(
                planned
                    .copied()
                    .fold(Decimal::ZERO, Decimal::saturating_add),
            ),
            Aggregation::Terakhir => planned.last().copied(),
            // A mean is judged against the mean of what was planned for the same quarters.
            Aggregation::RataRata => mean(planned.copied()),
        };
    }
    let target = ind.target?;
    match ind.agregasi {
        Aggregation::Jumlah => target
            .checked_mul(Decimal::from(q.number()))?
            .checked_div(Decimal::from(4)),
        Aggregation::Terakhir | Aggregation::RataRata => Some(target),
    }
}

/// Capaian of the realisation to date against what is due by quarter `q`.
pub fn capaian_to_date(ind: &Indicator, q: Quarter) -> Option<Decimal> {
    capaian(
        realisasi_to_date(&ind.realisasi, ind.agregasi, q),
        due_target(ind, q),
        ind.polaritas,
    )
}

/// The year's realisation (all four quarters by the aggregation rule).
pub fn realisasi_tahun(ind: &Indicator) -> Option<Decimal> {
    realisasi_to_date(&ind.realisasi, ind.agregasi, Quarter::IV)
}

/// Capaian of the year's realisation against the year's target.
pub fn capaian_tahun(ind: &Indicator) -> Option<Decimal> {
    capaian(realisasi_tahun(ind), ind.target, ind.polaritas)
}

/// Tingkat kemajuan: the year's realisation against the Renstra end-of-period target.
pub fn tingkat_kemajuan(ind: &Indicator) -> Option<Decimal> {
    capaian(realisasi_tahun(ind), ind.renstra.akhir, ind.polaritas)
}

/// Change from the previous year's realisation (`realisasi − riwayat[tahun−1]`), if both exist.
pub fn change_from_previous_year(ind: &Indicator, tahun: i32) -> Option<Decimal> {
    let previous = ind.riwayat.get(&(tahun - 1))?;
    realisasi_tahun(ind)?.checked_sub(*previous)
}

/// Rates a capaian against the scale's lower bounds (inclusive).
pub fn rating(capaian: Decimal, scale: &RatingScale) -> Rating {
    if capaian >= scale.sangat_tinggi {
        Rating::SangatTinggi
    } else if capaian >= scale.tinggi {
        Rating::Tinggi
    } else if capaian >= scale.sedang {
        Rating::Sedang
    } else if capaian >= scale.rendah {
        Rating::Rendah
    } else {
        Rating::SangatRendah
    }
}

/// Where an indicator stands at a reporting quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// No usable target (missing or zero): capaian is undefined ("—").
    TanpaTarget,
    /// Nothing is due yet by this quarter (its plan starts later).
    BelumJatuhTempo,
    /// Something is due but no realisation has been entered: listed apart, never hidden.
    BelumDiisi,
    /// Judged: capaian to date, its rating, and whether it is red (below the threshold).
    Dinilai {
        capaian: Decimal,
        rating: Rating,
        merah: bool,
    },
}

impl Status {
    pub fn is_red(self) -> bool {
        matches!(self, Status::Dinilai { merah: true, .. })
    }

    pub fn capaian(self) -> Option<Decimal> {
        match self {
            Status::Dinilai { capaian, .. } => Some(capaian),
            _ => None,
        }
    }
}

/// The status of an indicator at quarter `q` under the workspace settings.
pub fn status(ind: &Indicator, q: Quarter, settings: &Settings) -> Status {
    if !matches!(ind.target, Some(t) if t > Decimal::ZERO) {
        return Status::TanpaTarget;
    }
    let planned_so_far = ind.rencana[..=q.index()].iter().any(Option::is_some);
    let due = match due_target(ind, q) {
        Some(d) if d > Decimal::ZERO => d,
        // For "less is better" a planned ceiling of 0 is a real limit, not "nothing due yet".
        Some(d) if d.is_zero() && ind.polaritas == Polarity::Negatif && planned_so_far => {
            let Some(real) = realisasi_to_date(&ind.realisasi, ind.agregasi, q) else {
                return Status::BelumDiisi;
            };
            let c = if real > Decimal::ZERO {
                Decimal::ZERO
            } else {
                HUNDRED
            };
            return Status::Dinilai {
                capaian: c,
                rating: rating(c, &settings.skala),
                merah: c < settings.ambang_merah,
            };
        }
        _ => return Status::BelumJatuhTempo,
    };
    let Some(real) = realisasi_to_date(&ind.realisasi, ind.agregasi, q) else {
        return Status::BelumDiisi;
    };
    match capaian(Some(real), Some(due), ind.polaritas) {
        Some(c) => Status::Dinilai {
            capaian: c,
            rating: rating(c, &settings.skala),
            merah: c < settings.ambang_merah,
        },
        None => Status::TanpaTarget,
    }
}

/// Budget figures of a node at a quarter: pagu, realisation to date, remainder and absorption.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BudgetFigures {
    pub pagu: Option<Decimal>,
    pub realisasi: Option<Decimal>,
}

impl BudgetFigures {
    /// Sisa anggaran: `pagu − realisasi` (the whole pagu while nothing is spent).
    pub fn sisa(&self) -> Option<Decimal> {
        self.pagu?.checked_sub(self.realisasi.unwrap_or_default())
    }

    /// Capaian anggaran: `realisasi / pagu × 100`.
    pub fn capaian(&self) -> Option<Decimal> {
        capaian(self.realisasi, self.pagu, Polarity::Positif)
    }

    fn add(self, other: BudgetFigures) -> BudgetFigures {
        BudgetFigures {
            pagu: add_opt(self.pagu, other.pagu),
            realisasi: add_opt(self.realisasi, other.realisasi),
        }
    }
}

fn add_opt(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Money spent from TW I to `q` by a budget's own quarterly figures: their sum, `None` while
/// none is entered. The year is the sum of its quarters: the year's figure a budget report
/// gives (`realisasi_tahun`, "menurut LRA") never stands in for them; it is shown and checked
/// beside them ([`reported_realisasi_tahun`], `report::check`).
pub fn own_realisasi_rp(budget: &Budget, q: Quarter) -> Option<Decimal> {
    realisasi_to_date(&budget.realisasi_rp, Aggregation::Jumlah, q)
}

/// The year's realisation of a node as the budget reports give it: for a budget of its own,
/// the LRA's figure where one is kept (`realisasi_tahun`), else the sum of its quarters; for a
/// budget that is the sum of the nodes below, the sum of theirs. What a parent's declared total
/// (the E-81's, Tabel 3.5's) is checked against: a quarter's Rupiah typed on a sub kegiatan is
/// checked once, against that sub kegiatan's own LRA figure, not again on every node above it.
pub fn reported_realisasi_tahun(node: &Node) -> Option<Decimal> {
    if budget_is_sum(node) {
        return node
            .anak
            .iter()
            .filter_map(reported_realisasi_tahun)
            .reduce(Decimal::saturating_add);
    }
    let b = node.anggaran.as_ref()?;
    b.realisasi_tahun
        .or_else(|| own_realisasi_rp(b, Quarter::IV))
}

/// The budget of a node at quarter `q`. A node whose children carry budgets is the sum of
/// them (its own declared figures are only checked against the sum); a leaf uses its own.
pub fn budget_of(node: &Node, q: Quarter) -> Option<BudgetFigures> {
    let from_children = node
        .anak
        .iter()
        .filter_map(|c| budget_of(c, q))
        .reduce(BudgetFigures::add);
    from_children.or_else(|| {
        node.anggaran.as_ref().map(|b| BudgetFigures {
            pagu: b.pagu,
            realisasi: own_realisasi_rp(b, q),
        })
    })
}

/// Whether a node's budget is the sum of its children's: some node below it has a budget.
/// Its Rupiah figures are then not typed on it — [`budget_of`] sums its children, and its own
/// figures are declared copies from a report, only checked against the sum (`report::check`).
pub fn budget_is_sum(node: &Node) -> bool {
    node.anak
        .iter()
        .any(|c| c.iter().any(|n| n.anggaran.is_some()))
}

/// Money a node spent within quarter `q` alone (for a parent, its children's together): the
/// realisation to `q` less the realisation to the quarter before.
pub fn spent_in_quarter(node: &Node, q: Quarter) -> Option<Decimal> {
    spent_within(q, |at| budget_of(node, at).and_then(|b| b.realisasi))
}

/// Money spent within quarter `q` alone, from the money spent to each quarter (`to_date`):
/// to `q` less to the quarter before (nothing before TW I).
pub fn spent_within(q: Quarter, to_date: impl Fn(Quarter) -> Option<Decimal>) -> Option<Decimal> {
    let before = Quarter::new(q.number() - 1)
        .and_then(&to_date)
        .unwrap_or_default();
    to_date(q)?.checked_sub(before)
}

/// The total budget of several nodes (e.g. the whole tree).
pub fn budget_total<'a>(
    nodes: impl IntoIterator<Item = &'a Node>,
    q: Quarter,
) -> Option<BudgetFigures> {
    nodes
        .into_iter()
        .filter_map(|n| budget_of(n, q))
        .reduce(BudgetFigures::add)
}

/// Mean of several capaian figures (e.g. a program's capaian kinerja over its indicators).
pub fn mean(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    let (sum, n) = values.into_iter().fold((Decimal::ZERO, 0u32), |(s, n), v| {
        (s.saturating_add(v), n + 1)
    });
    (n > 0).then(|| sum / Decimal::from(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn indicator(target: Decimal, agregasi: Aggregation, realisasi: PerQuarter) -> Indicator {
        Indicator {
            id: Default::default(),
            nama: "uji".into(),
            satuan: "unit".into(),
            polaritas: Polarity::Positif,
            agregasi,
            target: Some(target),
            target_pk_murni: None,
            target_pk_perubahan: None,
            rencana: [None; 4],
            realisasi,
            riwayat: Default::default(),
            renstra: Default::default(),
            pejabat: None,
            penjelasan: Default::default(),
        }
    }

    fn r2(d: Decimal) -> Decimal {
        d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    }

    #[test]
    fn seed_layanan_sum_of_quarters() {
        // E-81: 462 + 428 + 1.235 + 1.037 = 3.162 layanan against a target of 500 → 632,40 %.
        let ind = indicator(
            dec!(500),
            Aggregation::Jumlah,
            [
                Some(dec!(462)),
                Some(dec!(428)),
                Some(dec!(1235)),
                Some(dec!(1037)),
            ],
        );
        assert_eq!(realisasi_tahun(&ind), Some(dec!(3162)));
        assert_eq!(capaian_tahun(&ind), Some(dec!(632.4)));
    }

    #[test]
    fn seed_paket_quarter_shares_add_to_one() {
        // 0,25 paket each quarter = 1 paket = 100 %.
        let q = Some(dec!(0.25));
        let ind = indicator(dec!(1), Aggregation::Jumlah, [q, q, q, q]);
        assert_eq!(realisasi_tahun(&ind), Some(dec!(1)));
        assert_eq!(capaian_tahun(&ind), Some(dec!(100)));
        // By TW II half a paket is due (pro rata) and half was delivered.
        assert_eq!(due_target(&ind, Quarter::II), Some(dec!(0.5)));
        assert_eq!(capaian_to_date(&ind, Quarter::II), Some(dec!(100)));
    }

    #[test]
    fn seed_ip_asn_last_quarter() {
        // IP ASN 70,85 reported in TW IV against 75 → 94,47 %.
        let ind = indicator(
            dec!(75),
            Aggregation::Terakhir,
            [None, None, None, Some(dec!(70.85))],
        );
        assert_eq!(realisasi_tahun(&ind), Some(dec!(70.85)));
        assert_eq!(r2(capaian_tahun(&ind).unwrap()), dec!(94.47));
    }

    #[test]
    fn seed_realisasi_anggaran_sums_percentages() {
        // 13,15 + 36,16 + 20,14 + 22,36 = 91,81 of 95 → 96,64 % (the seed prints 97 %).
        let ind = indicator(
            dec!(95),
            Aggregation::Jumlah,
            [
                Some(dec!(13.15)),
                Some(dec!(36.16)),
                Some(dec!(20.14)),
                Some(dec!(22.36)),
            ],
        );
        assert_eq!(realisasi_tahun(&ind), Some(dec!(91.81)));
        assert_eq!(r2(capaian_tahun(&ind).unwrap()), dec!(96.64));
    }

    #[test]
    fn average_of_entered_quarters() {
        let ind = indicator(
            dec!(80),
            Aggregation::RataRata,
            [Some(dec!(70)), Some(dec!(90)), None, None],
        );
        assert_eq!(
            realisasi_to_date(&ind.realisasi, ind.agregasi, Quarter::II),
            Some(dec!(80))
        );
        // An empty TW III does not count as zero.
        assert_eq!(
            realisasi_to_date(&ind.realisasi, ind.agregasi, Quarter::III),
            Some(dec!(80))
        );
        assert_eq!(capaian_to_date(&ind, Quarter::III), Some(dec!(100)));
    }

    #[test]
    fn negative_polarity_and_floor() {
        // 8 complaints against a ceiling of 10: (20 − 8) / 10 = 120 %.
        assert_eq!(
            capaian(Some(dec!(8)), Some(dec!(10)), Polarity::Negatif),
            Some(dec!(120))
        );
        // 25 against 10 would be −50 %: floored at 0.
        assert_eq!(
            capaian(Some(dec!(25)), Some(dec!(10)), Polarity::Negatif),
            Some(dec!(0))
        );
    }

    #[test]
    fn undefined_capaian() {
        assert_eq!(
            capaian(Some(dec!(5)), Some(dec!(0)), Polarity::Positif),
            None
        );
        assert_eq!(capaian(Some(dec!(5)), None, Polarity::Positif), None);
        assert_eq!(capaian(None, Some(dec!(5)), Polarity::Positif), None);
        assert_eq!(
            capaian(Some(Decimal::MAX), Some(dec!(0.0000001)), Polarity::Positif),
            None
        );
    }

    #[test]
    fn rating_scale_bounds() {
        let s = RatingScale::default();
        assert_eq!(rating(dec!(91), &s), Rating::SangatTinggi);
        assert_eq!(rating(dec!(90.99), &s), Rating::Tinggi);
        assert_eq!(rating(dec!(76), &s), Rating::Tinggi);
        assert_eq!(rating(dec!(75.5), &s), Rating::Sedang);
        assert_eq!(rating(dec!(66), &s), Rating::Sedang);
        assert_eq!(rating(dec!(51), &s), Rating::Rendah);
        assert_eq!(rating(dec!(50), &s), Rating::SangatRendah);
    }

    #[test]
    fn status_red_blank_and_not_due() {
        let settings = Settings::default();
        let mut ip_asn = indicator(
            dec!(75),
            Aggregation::Terakhir,
            [None, None, None, Some(dec!(70.85))],
        );
        ip_asn.rencana = [None, None, None, Some(dec!(75))];
        assert_eq!(
            status(&ip_asn, Quarter::II, &settings),
            Status::BelumJatuhTempo
        );
        assert!(status(&ip_asn, Quarter::IV, &settings).is_red());

        // Nilai RB: target 85, due in TW IV, nothing entered → belum diisi.
        let mut rb = indicator(dec!(85), Aggregation::Terakhir, [None; 4]);
        rb.rencana = [None, None, None, Some(dec!(85))];
        assert_eq!(status(&rb, Quarter::IV, &settings), Status::BelumDiisi);

        let no_target = Indicator {
            target: None,
            ..rb.clone()
        };
        assert_eq!(
            status(&no_target, Quarter::IV, &settings),
            Status::TanpaTarget
        );

        // Exactly 100 % is achieved, not red.
        let met = indicator(
            dec!(2),
            Aggregation::Jumlah,
            [Some(dec!(1)), Some(dec!(1)), None, None],
        );
        assert!(!status(&met, Quarter::IV, &settings).is_red());
        assert_eq!(
            status(&met, Quarter::IV, &settings).capaian(),
            Some(dec!(100))
        );
    }

    #[test]
    fn average_on_plan_is_not_red() {
        // Planned 60, 70, 80, 90 and achieved exactly that: 100 % every quarter.
        let mut ind = indicator(
            dec!(90),
            Aggregation::RataRata,
            [
                Some(dec!(60)),
                Some(dec!(70)),
                Some(dec!(80)),
                Some(dec!(90)),
            ],
        );
        ind.rencana = [
            Some(dec!(60)),
            Some(dec!(70)),
            Some(dec!(80)),
            Some(dec!(90)),
        ];
        for q in Quarter::ALL {
            assert_eq!(capaian_to_date(&ind, q), Some(dec!(100)), "TW {q}");
        }
    }

    #[test]
    fn negative_indicator_with_a_planned_ceiling_of_zero() {
        // 7 complaints in TW I against a planned ceiling of 0: red, not "not yet due".
        let mut ind = indicator(
            dec!(10),
            Aggregation::Jumlah,
            [Some(dec!(7)), None, None, None],
        );
        ind.polaritas = Polarity::Negatif;
        ind.rencana = [Some(dec!(0)), Some(dec!(0)), Some(dec!(5)), Some(dec!(5))];
        let settings = Settings::default();
        assert!(status(&ind, Quarter::I, &settings).is_red());
        ind.realisasi[0] = Some(dec!(0));
        assert_eq!(
            status(&ind, Quarter::I, &settings).capaian(),
            Some(dec!(100))
        );
    }

    #[test]
    fn seed_budget_total() {
        // LRA total: pagu 2.902.352.710, realisasi 2.664.510.688 → 91,81 %, sisa 237.842.022.
        let b = BudgetFigures {
            pagu: Some(dec!(2902352710)),
            realisasi: Some(dec!(2664510688)),
        };
        assert_eq!(r2(b.capaian().unwrap()), dec!(91.81));
        assert_eq!(b.sisa(), Some(dec!(237842022)));
    }

    #[test]
    fn tingkat_kemajuan_against_renstra_end() {
        // Tabel 3.3: 3.162 layanan of a Renstra end target of 5.350 → 59,10 %.
        let mut ind = indicator(
            dec!(500),
            Aggregation::Jumlah,
            [Some(dec!(3162)), None, None, None],
        );
        ind.renstra.akhir = Some(dec!(5350));
        assert_eq!(r2(tingkat_kemajuan(&ind).unwrap()), dec!(59.10));
        ind.riwayat.insert(2022, dec!(647));
        assert_eq!(change_from_previous_year(&ind, 2023), Some(dec!(2515)));
    }

    fn budget(pagu: Decimal, rp: PerQuarter, lra: Option<Decimal>) -> Budget {
        Budget {
            pagu: Some(pagu),
            realisasi_rp: rp,
            realisasi_tahun: lra,
            ..Budget::default()
        }
    }

    fn node(
        kode: &str,
        jenis: crate::model::NodeKind,
        anggaran: Option<Budget>,
        anak: Vec<Node>,
    ) -> Node {
        Node {
            jenis,
            kode: kode.into(),
            nama: kode.into(),
            pejabat: None,
            indikator: vec![],
            anggaran,
            anak,
        }
    }

    #[test]
    fn the_year_is_the_sum_of_its_quarters_never_the_lra_figure() {
        // Evaluasi Kinerja (LRA 7.210.300) with no quarter entered: nothing spent yet, at TW IV
        // as at TW I; with TW I–II entered (1.050.000 + 4.522.800), those.
        let lra = Some(dec!(7210300));
        let none = budget(dec!(7500000), [None; 4], lra);
        assert_eq!(own_realisasi_rp(&none, Quarter::IV), None);
        let two = budget(
            dec!(7500000),
            [Some(dec!(1050000)), Some(dec!(4522800)), None, None],
            lra,
        );
        assert_eq!(own_realisasi_rp(&two, Quarter::IV), Some(dec!(5572800)));
    }

    #[test]
    fn reported_year_of_a_parent_is_the_lra_figures_below_it() {
        use crate::model::NodeKind::{Kegiatan, SubKegiatan};
        // Two sub kegiatan: one with its LRA figure (920.000) and quarters that differ
        // (900.000), one without an LRA figure (quarters 1.000.000). The kegiatan's reported
        // year: 920.000 + 1.000.000 = 1.920.000; its declared figure is not part of it.
        let a = node(
            "1.01.01.2.01.01",
            SubKegiatan,
            Some(budget(
                dec!(1000000),
                [None, None, None, Some(dec!(900000))],
                Some(dec!(920000)),
            )),
            vec![],
        );
        let b = node(
            "1.01.01.2.01.02",
            SubKegiatan,
            Some(budget(
                dec!(1000000),
                [Some(dec!(1000000)), None, None, None],
                None,
            )),
            vec![],
        );
        let k = node(
            "1.01.01.2.01",
            Kegiatan,
            Some(budget(dec!(2000000), [None; 4], Some(dec!(5)))),
            vec![a, b],
        );
        assert_eq!(reported_realisasi_tahun(&k), Some(dec!(1920000)));
        // What it spent is the quarters: 900.000 + 1.000.000.
        assert_eq!(
            budget_of(&k, Quarter::IV).unwrap().realisasi,
            Some(dec!(1900000))
        );
    }
}
