//! Figures as the command line reads and prints them: the library's number format and the
//! kind of each slot (`kinerja::locale`, `kinerja::model::Field`), with the CLI's one-line error.

use super::output::{Refused, shown};
use kinerja::locale::{self, FigureKind, Lang};
use rust_decimal::Decimal;

/// A figure typed on the command line for a slot of `kind`; `-` or `kosong` clears it back to
/// "not entered" (which is not zero). A refusal quotes the text as typed.
pub fn read(text: &str, kind: FigureKind, lang: Lang) -> Result<Option<Decimal>, Refused> {
    locale::read_figure(text, kind)
        .map_err(|e| Refused(format!("«{}»: {}", shown(text), e.message(lang))))
}

/// A figure of `kind` as shown: `Rp 10.697.000` or `1.235`, "—" when not entered.
pub fn show(kind: FigureKind, v: Option<Decimal>) -> String {
    locale::value_or_dash(kind, v)
}
