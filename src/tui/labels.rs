//! How a figure's slot is named and read on screen: "realisasi TW III", "pagu", and whether its
//! text is Rupiah or a performance figure. Kept in one place so that the command line can take
//! them over (they are moving to `crate::locale`).

use crate::locale::{self, FigureKind, Lang};
use crate::model::{Field, Op};
use rust_decimal::Decimal;

/// How a field's text is read: Rupiah allows two decimals, performance figures four.
pub fn field_kind(field: Field) -> FigureKind {
    if field.is_rupiah() {
        FigureKind::Rupiah
    } else {
        FigureKind::Kinerja
    }
}

/// "realisasi TW III", "target tahun", "pagu", "realisasi Rp TW II".
pub fn field_label(field: Field, lang: Lang) -> String {
    match field {
        Field::Target(_) => lang.pick("target tahun", "year target").into(),
        Field::Realisasi(_, q) => format!("{} TW {q}", lang.pick("realisasi", "actual")),
        Field::Rencana(_, q) => format!("{} TW {q}", lang.pick("rencana", "plan")),
        Field::TargetPkMurni(_) => lang.pick("target PK murni", "original PK target").into(),
        Field::TargetPkPerubahan(_) => lang.pick("target PK perubahan", "revised PK target").into(),
        Field::RenstraTarget(_, y) => {
            format!("{} {y}", lang.pick("target Renstra", "Renstra target"))
        }
        Field::RenstraAkhir(_) => lang
            .pick("target akhir Renstra", "Renstra end target")
            .into(),
        Field::Riwayat(_, y) => format!("{} {y}", lang.pick("realisasi", "actual")),
        Field::Pagu => "pagu".into(),
        Field::PaguMurni => lang.pick("pagu murni", "original pagu").into(),
        Field::Rp(q) => format!("{} TW {q}", lang.pick("realisasi Rp", "spent Rp")),
        Field::RealisasiTahun => lang
            .pick("realisasi Rp menurut LRA", "spent Rp per LRA")
            .into(),
    }
}

/// A figure as its field shows it: Rupiah or a performance figure, "—" when not entered.
pub fn figure_text(field: Field, v: Option<Decimal>) -> String {
    match field_kind(field) {
        FigureKind::Rupiah => locale::rupiah_or_dash(v),
        FigureKind::Kinerja => locale::figure_or_dash(v),
    }
}

/// "7.01.02.2.04.02 realisasi TW III: 1.235 → 1.300" (`forward`), or back the other way.
pub fn describe(edit: &Op, forward: bool, lang: Lang) -> String {
    let (from, to) = if forward {
        (edit.old, edit.new)
    } else {
        (edit.new, edit.old)
    };
    format!(
        "{} {}: {} → {}",
        edit.kode,
        field_label(edit.field, lang),
        figure_text(edit.field, from),
        figure_text(edit.field, to)
    )
}
