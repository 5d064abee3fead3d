//! The consistency findings (`report::check`) in words, one line each, for `kinerja check`
//! and any other front-end: the words of the report live in `export`, as the tables' do.
//! Codes and names are made [`visible`]; no line carries a control character.

use crate::locale::{self, Lang};
use crate::model::Field;
use crate::report::Finding;
use crate::text::visible;
use rust_decimal::Decimal;

/// "KODE: what Rp a ≠ other Rp b", or with `relation` between the two.
fn compared(kode: &str, what: &str, a: Decimal, relation: &str, other: &str, b: Decimal) -> String {
    format!(
        "{}: {what} {} {relation} {other} {}",
        visible(kode),
        locale::rupiah(a),
        locale::rupiah(b)
    )
}

/// "7.01.01.2.08: pagu tercatat Rp 72.350.000 ≠ jumlah pagu anak Rp 31.350.000"
pub fn text(f: &Finding, lang: Lang) -> String {
    let kode = |k: &str| visible(k).into_owned();
    let w = |id, en| lang.pick(id, en);
    match f {
        Finding::PaguMismatch {
            kode: k,
            declared,
            children,
        } => compared(
            k,
            w("pagu tercatat", "declared pagu"),
            *declared,
            "≠",
            w("jumlah pagu anak", "sum of children"),
            *children,
        ),
        Finding::RealisasiMismatch {
            kode: k,
            declared,
            children,
        } => compared(
            k,
            w("realisasi tercatat", "declared realisation"),
            *declared,
            "≠",
            w(
                "jumlah realisasi di bawahnya menurut LRA",
                "sum below it per LRA",
            ),
            *children,
        ),
        Finding::QuartersVsAnnual {
            kode: k,
            quarters,
            annual,
        } => format!(
            "{} ({} {})",
            compared(
                k,
                w("realisasi menurut LRA", "spent per LRA"),
                *annual,
                "≠",
                w("jumlah Rp triwulan", "sum of quarterly Rp"),
                *quarters,
            ),
            w("selisih", "difference"),
            quarters
                .checked_sub(*annual)
                .map_or_else(|| "—".into(), |d| locale::rupiah(d.abs()))
        ),
        Finding::OverPagu {
            kode: k,
            pagu: Some(pagu),
            realisasi,
        } => compared(
            k,
            w("realisasi", "spent"),
            *realisasi,
            w("melebihi", "exceeds"),
            "pagu",
            *pagu,
        ),
        Finding::OverPagu {
            kode: k,
            pagu: None,
            realisasi,
        } => format!(
            "{}: {} {} {}",
            kode(k),
            w("realisasi", "spent"),
            locale::rupiah(*realisasi),
            w("tanpa pagu tercatat", "with no pagu recorded")
        ),
        Finding::DuplicateKode { kode: k } => {
            format!("{}: {}", kode(k), lang.pick("kode ganda", "duplicate kode"))
        }
        Finding::NoTarget {
            kode: k,
            indikator,
            nama,
        } => format!(
            "{} {} {indikator} «{}»: {}",
            kode(k),
            lang.pick("indikator", "indicator"),
            visible(nama),
            lang.pick("tanpa target", "no target")
        ),
        Finding::FutureQuarter { kode: k, field } => {
            let what = match field {
                Field::Rp(_) => lang.pick("anggaran", "budget").to_string(),
                Field::Realisasi(i, _) => {
                    format!("{} {}", lang.pick("indikator", "indicator"), i + 1)
                }
                other => locale::field_label(*other, lang),
            };
            let quarter = field
                .quarter()
                .map_or_else(|| "—".into(), |q| q.to_string());
            format!(
                "{} {what}: {} TW {quarter} {}",
                kode(k),
                lang.pick("angka diisi untuk", "figure entered for"),
                lang.pick("yang belum berjalan", "which has not started")
            )
        }
    }
}
