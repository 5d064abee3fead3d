//! How a change of a figure reads on screen. The names of the slots and their kinds are the
//! library's (`locale::field_label`, `Field::figure_kind`), shared with the command line.

pub use crate::locale::field_label;
use crate::locale::{self, Lang};
use crate::model::{Field, Op};
use rust_decimal::Decimal;

/// A figure as its field shows it: Rupiah or a performance figure, "—" when not entered.
pub fn figure_text(field: Field, v: Option<Decimal>) -> String {
    locale::value_or_dash(field.figure_kind(), v)
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
