//! The kabupaten-scale generator used by the benchmarks (`benches/perf.rs`).

#[path = "../src/cli/generate.rs"]
mod generate;

use generate::{INDICATORS_PER_UNIT, units_for, workspace};
use kinerja::model::Quarter;
use kinerja::{report, store};

#[test]
fn deterministic_sized_and_consistent() {
    let a = store::to_json(&workspace(3, 7));
    assert_eq!(
        a,
        store::to_json(&workspace(3, 7)),
        "same units and seed, same file"
    );
    assert_ne!(
        a,
        store::to_json(&workspace(3, 8)),
        "another seed, other figures"
    );

    let ws = store::parse(&a).expect("a valid workspace");
    // 1 sasaran + 4 programs × (2 + 6 kegiatan × (1 + 8 sub kegiatan)) = 225 per unit.
    assert_eq!(INDICATORS_PER_UNIT, 225);
    assert_eq!(
        ws.nodes().map(|n| n.indikator.len()).sum::<usize>(),
        3 * 225
    );
    assert_eq!(
        report::check(&ws),
        vec![],
        "sums agree, every indicator has a target"
    );
    // Every quarter is filled.
    let rows = report::indicator_rows(&ws, Quarter::IV);
    assert!(rows.iter().all(|r| r.realisasi.is_some()));
    assert_eq!(units_for(50_000), 223);
}
