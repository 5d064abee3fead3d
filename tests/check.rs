//! `report::check` finds each kind of inconsistency it promises, planted one at a time into the
//! clean sample.

use kinerja::export::findings;
use kinerja::locale::Lang;
use kinerja::model::{Field, Quarter, Workspace};
use kinerja::report::{Finding, check};
use kinerja::{report, rules, store};
use rust_decimal::dec;

fn sample() -> Workspace {
    store::parse(store::SAMPLE_JSON).unwrap()
}

#[test]
fn the_sample_is_clean() {
    assert_eq!(check(&sample()), vec![]);
}

#[test]
fn quarterly_rupiah_that_do_not_make_the_annual_figure() {
    let mut ws = sample();
    // The seed's own slip: Tabel 3.5 says 7.210.000 for Evaluasi Kinerja, the E-81 quarters
    // add up to 1.050.000 + 4.522.800 + 200.000 + 1.437.500 = 7.210.300.
    let b = ws
        .node_mut("7.01.01.2.01.07")
        .unwrap()
        .anggaran
        .as_mut()
        .unwrap();
    b.realisasi_tahun = Some(dec!(7210000));
    let findings = check(&ws);
    assert!(findings.contains(&Finding::QuartersVsAnnual {
        kode: "7.01.01.2.01.07".into(),
        quarters: dec!(7210300),
        annual: dec!(7210000),
    }));
}

#[test]
fn a_quarters_rupiah_typed_is_checked_once_against_the_lra_figure() {
    // Nonperizinan's TW IV Rupiah typed again: 10.697.000 → 10.700.000 (E-81, seed line 631).
    // Its quarters now add up to 4.852.500 + 4.977.000 + 3.540.000 + 10.700.000 = 24.069.500;
    // the LRA (Lampiran IV) says 24.066.500. That is the one finding: not its kegiatan's, not
    // its program's, whose declared totals agree with the LRA figures below them.
    let mut ws = sample();
    ws.set_figure(
        "7.01.02.2.04.02",
        Field::Rp(Quarter::IV),
        Some(dec!(10700000)),
    );
    let findings = check(&ws);
    assert_eq!(
        findings,
        vec![Finding::QuartersVsAnnual {
            kode: "7.01.02.2.04.02".into(),
            quarters: dec!(24069500),
            annual: dec!(24066500),
        }]
    );
    // Said as the LRA's figure, with the difference (24.069.500 − 24.066.500 = 3.000).
    assert_eq!(
        findings::text(&findings[0], Lang::Id),
        "7.01.02.2.04.02: realisasi menurut LRA Rp 24.066.500 ≠ jumlah Rp triwulan \
         Rp 24.069.500 (selisih Rp 3.000)"
    );
    assert_eq!(
        findings::text(&findings[0], Lang::En),
        "7.01.02.2.04.02: spent per LRA Rp 24.066.500 ≠ sum of quarterly Rp Rp 24.069.500 \
         (difference Rp 3.000)"
    );
    // The year everywhere is the sum of the quarters.
    let program = rules::budget_of(ws.node("7.01.02").unwrap(), Quarter::IV).unwrap();
    assert_eq!(program.realisasi, Some(dec!(24069500)));
    // Set back, nothing is left to find.
    ws.set_figure(
        "7.01.02.2.04.02",
        Field::Rp(Quarter::IV),
        Some(dec!(10697000)),
    );
    assert_eq!(check(&ws), vec![]);
}

#[test]
fn the_lra_figure_no_longer_stands_in_for_quarters_not_entered() {
    // Every quarter of Evaluasi Kinerja cleared: the year is what was entered (nothing), not
    // the LRA's 7.210.300; the LRA figure is still there, and checked.
    let mut ws = sample();
    for q in Quarter::ALL {
        ws.set_figure("7.01.01.2.01.07", Field::Rp(q), None);
    }
    let node = ws.node("7.01.01.2.01.07").unwrap();
    assert_eq!(rules::budget_of(node, Quarter::IV).unwrap().realisasi, None);
    assert_eq!(
        node.anggaran.as_ref().unwrap().realisasi_tahun,
        Some(dec!(7210300))
    );
    assert_eq!(
        check(&ws),
        vec![Finding::QuartersVsAnnual {
            kode: "7.01.01.2.01.07".into(),
            quarters: dec!(0),
            annual: dec!(7210300),
        }]
    );
    // The body's total drops by it: 2.664.510.688 − 7.210.300 = 2.657.300.388.
    assert_eq!(
        report::summary(&ws, Quarter::IV).anggaran.realisasi,
        Some(dec!(2657300388))
    );
}

#[test]
fn declared_realisation_of_a_parent_that_differs_from_its_children() {
    let mut ws = sample();
    // Tabel 3.5's 14.360.000 for the kegiatan against its children's 14.360.300.
    ws.node_mut("7.01.01.2.01")
        .unwrap()
        .anggaran
        .as_mut()
        .unwrap()
        .realisasi_tahun = Some(dec!(14360000));
    assert_eq!(
        check(&ws),
        vec![Finding::RealisasiMismatch {
            kode: "7.01.01.2.01".into(),
            declared: dec!(14360000),
            children: dec!(14360300),
        }]
    );
}

#[test]
fn program_pagu_of_tabel_3_5() {
    let mut ws = sample();
    // Tabel 3.5: 2.684.530.000; the six kegiatan add up to 2.669.530.000.
    ws.node_mut("7.01.01")
        .unwrap()
        .anggaran
        .as_mut()
        .unwrap()
        .pagu = Some(dec!(2684530000));
    assert_eq!(
        check(&ws),
        vec![Finding::PaguMismatch {
            kode: "7.01.01".into(),
            declared: dec!(2684530000),
            children: dec!(2669530000),
        }]
    );
}

#[test]
fn missing_target_future_quarter_and_duplicate_code() {
    let mut ws = sample();
    ws.pengaturan.triwulan_berjalan = Quarter::III;
    ws.node_mut("SASARAN-2").unwrap().indikator[0].target = None;
    let findings = check(&ws);
    assert!(findings.contains(&Finding::NoTarget {
        kode: "SASARAN-2".into(),
        indikator: 1,
        nama: "Nilai Reformasi Birokrasi (RB) Perangkat Daerah".into(),
    }));
    // With TW III current, every TW IV figure of the sample is "in the future".
    assert!(findings.contains(&Finding::FutureQuarter {
        kode: "7.01.02.2.04.02".into(),
        field: Field::Realisasi(0, Quarter::IV),
    }));
    assert!(findings.contains(&Finding::FutureQuarter {
        kode: "7.01.02.2.04.02".into(),
        field: Field::Rp(Quarter::IV),
    }));

    // The loader refuses duplicate codes; a workspace built in memory can still have them.
    let mut ws = sample();
    let copy = ws.node("7.01.01.2.06.04").unwrap().clone();
    ws.node_mut("7.01.01.2.06").unwrap().anak.push(copy);
    let findings = check(&ws);
    assert!(findings.contains(&Finding::DuplicateKode {
        kode: "7.01.01.2.06.04".into()
    }));
}
