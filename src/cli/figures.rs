//! Figures as the command line reads and prints them: the library's number format and the
//! kind of each slot (`kinerja::locale`, `kinerja::model::Field`), with the CLI's one-line error.

use super::output::{Refused, shown};
use kinerja::locale::{self, FigureKind, Lang};
use rust_decimal::Decimal;

/// A figure typed on the command line for a slot of `kind` in `unit` (an indicator's satuan);
/// `-` or `kosong` clears it back to "not entered" (which is not zero). Read as the interface's
/// editor reads it (`locale::read_entry`: no sign, no lone separator, `70.850` refused as
/// ambiguous for an index). A refusal quotes the text as typed.
pub fn read(
    text: &str,
    kind: FigureKind,
    unit: Option<&str>,
    lang: Lang,
) -> Result<Option<Decimal>, Refused> {
    locale::read_entry(text, kind, unit)
        .map_err(|e| Refused(format!("«{}»: {}", shown(text), e.message(lang))))
}

/// A figure of `kind` as shown: `Rp 10.697.000` or `1.235`, "—" when not entered.
pub fn show(kind: FigureKind, v: Option<Decimal>) -> String {
    locale::value_or_dash(kind, v)
}
