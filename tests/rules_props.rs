//! Invariants of the rules, the number format and the loader, over generated inputs.

use kinerja::locale::{self, FigureKind};
use kinerja::model::{Aggregation, Budget, Indicator, Node, NodeKind, Polarity, Quarter, Settings};
use kinerja::rules::{self, Status};
use kinerja::store;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Any decimal at all, extremes included.
fn any_decimal() -> impl Strategy<Value = Decimal> + Clone {
    prop_oneof![
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        (any::<i128>(), 0u32..=28).prop_map(|(m, s)| {
            Decimal::try_from_i128_with_scale(m >> 32, s).unwrap_or(Decimal::MAX)
        }),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(Decimal::new(1, 28)),
    ]
}

/// A figure a person could type: non-negative, up to `dp` decimals, at most 10^12.
fn figure(dp: u32) -> impl Strategy<Value = Decimal> + Clone {
    (0i64..1_000_000_000_000, 0..=dp).prop_map(|(m, s)| Decimal::new(m, s))
}

fn quarter() -> impl Strategy<Value = Quarter> {
    (1u8..=4).prop_map(|n| Quarter::new(n).unwrap())
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    prop_oneof![
        Just(Aggregation::Jumlah),
        Just(Aggregation::Terakhir),
        Just(Aggregation::RataRata)
    ]
}

fn polarity() -> impl Strategy<Value = Polarity> {
    prop_oneof![Just(Polarity::Positif), Just(Polarity::Negatif)]
}

fn quarters<S: Strategy<Value = Decimal>>(s: S) -> impl Strategy<Value = [Option<Decimal>; 4]> {
    proptest::array::uniform4(proptest::option::of(s))
}

fn indicator<S: Strategy<Value = Decimal> + Clone>(s: S) -> impl Strategy<Value = Indicator> {
    (
        proptest::option::of(s.clone()),
        quarters(s.clone()),
        quarters(s),
        aggregation(),
        polarity(),
    )
        .prop_map(
            |(target, rencana, realisasi, agregasi, polaritas)| Indicator {
                id: Default::default(),
                nama: "x".into(),
                satuan: "unit".into(),
                polaritas,
                agregasi,
                target,
                target_pk_murni: None,
                target_pk_perubahan: None,
                rencana,
                realisasi,
                riwayat: Default::default(),
                renstra: Default::default(),
                pejabat: None,
                penjelasan: Default::default(),
            },
        )
}

proptest! {
    #[test]
    fn capaian_never_panics(r in proptest::option::of(any_decimal()), t in proptest::option::of(any_decimal()), p in polarity()) {
        let c = rules::capaian(r, t, p);
        if matches!(t, Some(t) if t <= Decimal::ZERO) || t.is_none() || r.is_none() {
            prop_assert!(c.is_none());
        }
        if p == Polarity::Negatif && let Some(c) = c {
            prop_assert!(c >= Decimal::ZERO);
        }
    }

    #[test]
    fn status_never_panics_and_red_means_below_threshold(ind in indicator(any_decimal()), q in quarter()) {
        let settings = Settings::default();
        match rules::status(&ind, q, &settings) {
            Status::Dinilai { capaian, merah, .. } => prop_assert_eq!(merah, capaian < settings.ambang_merah),
            Status::BelumDiisi => prop_assert!(rules::realisasi_to_date(&ind.realisasi, ind.agregasi, q).is_none()),
            Status::TanpaTarget | Status::BelumJatuhTempo => {}
        }
        let _ = rules::capaian_tahun(&ind);
        let _ = rules::tingkat_kemajuan(&ind);
    }

    #[test]
    fn sum_of_quarters_is_the_year(values in quarters(figure(4))) {
        let year = rules::realisasi_to_date(&values, Aggregation::Jumlah, Quarter::IV);
        let entered: Vec<Decimal> = values.iter().flatten().copied().collect();
        if entered.is_empty() {
            prop_assert_eq!(year, None);
        } else {
            prop_assert_eq!(year, Some(entered.iter().sum::<Decimal>()));
        }
        // Counts never go down as the year goes on.
        let mut previous = Decimal::ZERO;
        for q in Quarter::ALL {
            let to_date = rules::realisasi_to_date(&values, Aggregation::Jumlah, q).unwrap_or_default();
            prop_assert!(to_date >= previous);
            previous = to_date;
        }
    }

    #[test]
    fn last_is_the_latest_entered(values in quarters(figure(4)), q in quarter()) {
        let expected = values[..=q.index()].iter().rev().flatten().next().copied();
        prop_assert_eq!(rules::realisasi_to_date(&values, Aggregation::Terakhir, q), expected);
    }

    #[test]
    fn parent_budget_is_the_sum_of_its_children(
        leaves in proptest::collection::vec((figure(2), quarters(figure(2))), 1..12),
        split in 1usize..4,
        q in quarter(),
    ) {
        let sub = |i: usize, (pagu, rp): &(Decimal, [Option<Decimal>; 4])| Node {
            jenis: NodeKind::SubKegiatan,
            kode: format!("s{i}"),
            nama: String::new(),
            pejabat: None,
            indikator: vec![],
            anggaran: Some(Budget { pagu: Some(*pagu), realisasi_rp: *rp, ..Budget::default() }),
            anak: vec![],
        };
        let kegiatan: Vec<Node> = leaves
            .chunks(split)
            .enumerate()
            .map(|(k, chunk)| Node {
                jenis: NodeKind::Kegiatan,
                kode: format!("k{k}"),
                nama: String::new(),
                pejabat: None,
                indikator: vec![],
                // A declared figure on a parent never replaces the sum of its children.
                anggaran: Some(Budget { pagu: Some(Decimal::ONE), ..Budget::default() }),
                anak: chunk.iter().enumerate().map(|(i, l)| sub(k * 10 + i, l)).collect(),
            })
            .collect();
        let program = Node {
            jenis: NodeKind::Program,
            kode: "p".into(),
            nama: String::new(),
            pejabat: None,
            indikator: vec![],
            anggaran: None,
            anak: kegiatan,
        };
        let b = rules::budget_of(&program, q).unwrap();
        let pagu: Decimal = leaves.iter().map(|(p, _)| *p).sum();
        prop_assert_eq!(b.pagu, Some(pagu));
        let spent: Vec<Decimal> = leaves.iter().flat_map(|(_, rp)| rp[..=q.index()].iter().flatten().copied()).collect();
        let expected = if spent.is_empty() { None } else { Some(spent.iter().sum::<Decimal>()) };
        prop_assert_eq!(b.realisasi, expected);
    }

    #[test]
    fn typed_figures_read_back_exactly(rp in figure(2), k in figure(4)) {
        prop_assert_eq!(locale::parse_figure(&locale::fixed(rp, 2), FigureKind::Rupiah), Ok(rp));
        prop_assert_eq!(locale::parse_figure(&locale::rupiah(rp), FigureKind::Rupiah), Ok(rp));
        prop_assert_eq!(locale::parse_figure(&locale::figure(k), FigureKind::Kinerja), Ok(k));
    }

    #[test]
    fn parse_figure_never_panics(s in "\\PC{0,24}") {
        let _ = locale::parse_figure(&s, FigureKind::Rupiah);
        let _ = locale::parse_figure(&s, FigureKind::Kinerja);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Damaged workspace files: never a panic, always a position inside the text.
    #[test]
    fn damaged_files_give_positioned_errors(
        start in 0usize..store::SAMPLE_JSON.len(),
        len in 0usize..40,
        insert in "[\\PC\\n]{0,6}",
    ) {
        let text = store::SAMPLE_JSON;
        let start = (0..=start).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        let end = (start + len).min(text.len());
        let end = (end..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap();
        let damaged = format!("{}{}{}", &text[..start], insert, &text[end..]);
        if let Err(e) = store::parse(&damaged) {
            prop_assert!(e.line >= 1 && e.column >= 1);
            prop_assert!(e.line <= damaged.lines().count() + 1, "{e:?}");
        }
    }
}
