//! `report::check` finds each kind of inconsistency it promises, planted one at a time into the
//! clean sample.

use kinerja::model::{Field, Quarter, Workspace};
use kinerja::report::{Finding, check};
use kinerja::store;
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
