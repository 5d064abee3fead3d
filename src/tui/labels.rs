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

/// A change of any kind in one line, made safe to show: a figure as [`describe`] reads it
/// (going back from new to old unless `forward`), anything else as the journal words it
/// (`locale::describe_change`).
pub fn describe_change(c: &crate::model::Change, forward: bool, lang: Lang) -> String {
    match c {
        crate::model::Change::Figure { op, .. } => describe(op, forward, lang),
        other => crate::text::visible(&locale::describe_change(other, None, lang)).into_owned(),
    }
}

/// The node a change is about before it applies (an addition: its parent).
pub fn before_at(c: &crate::model::Change) -> Option<String> {
    use crate::model::Change;
    match c {
        Change::NodeAdd { parent, .. } => parent.clone(),
        other => other.kode().map(str::to_string),
    }
}

/// The node a change is about once applied (a removal: the parent it was under; a recode:
/// the new code).
pub fn after_at(c: &crate::model::Change) -> Option<String> {
    use crate::model::Change;
    match c {
        Change::NodeRemove { place, .. } => place.as_ref().and_then(|p| p.parent.clone()),
        Change::NodeRecode { new, .. } => Some(new.clone()),
        Change::NodeMove { kode, new_kode, .. } => Some(new_kode.clone().unwrap_or(kode.clone())),
        other => other.kode().map(str::to_string),
    }
}
