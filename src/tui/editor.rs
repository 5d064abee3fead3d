//! Typing a figure into a cell of the detail pane. Owns the figure being typed: the node and
//! field it goes to, the text so far, and what is wrong with the text, if anything (checked on
//! every key, so bad input is refused on the spot with the reason).

use super::action::Action;
use super::labels::describe;
use super::message::Message;
use crate::locale::{self, Lang};
use crate::model::{Field, Node, Op, Quarter};
use crate::rules;
use rust_decimal::Decimal;
use tui_input::Input;

/// The figure being typed.
#[derive(Clone, Debug)]
pub struct Editor {
    pub kode: String,
    pub field: Field,
    pub input: Input,
    /// What is wrong with the text so far, if anything.
    pub error: Option<String>,
}

pub enum EditorOutcome {
    /// Still typing.
    Typing(Editor),
    Cancelled(Message),
    /// A valid figure was accepted (`None`: cleared back to "not entered").
    Accepted {
        kode: String,
        field: Field,
        value: Option<Decimal>,
    },
}

impl Editor {
    /// Starts typing into `field` of `kode`, whose figure is now `value`.
    pub fn new(kode: String, field: Field, value: Option<Decimal>) -> Editor {
        Editor {
            kode,
            field,
            input: Input::new(value.map(locale::figure).unwrap_or_default()),
            error: None,
        }
    }

    pub fn update(mut self, action: Action, lang: Lang) -> EditorOutcome {
        match action {
            Action::Input(req) => {
                self.input.handle(req);
                self.error = parse_input(self.input.value(), self.field, lang).err();
                EditorOutcome::Typing(self)
            }
            Action::Cancel => EditorOutcome::Cancelled(Message::info(lang.pick(
                "Batal; tidak ada yang berubah.",
                "Cancelled; nothing changed.",
            ))),
            Action::Submit => match parse_input(self.input.value(), self.field, lang) {
                Err(e) => {
                    self.error = Some(e);
                    EditorOutcome::Typing(self)
                }
                Ok(value) => EditorOutcome::Accepted {
                    kode: self.kode,
                    field: self.field,
                    value,
                },
            },
            _ => EditorOutcome::Typing(self),
        }
    }
}

/// Why a field cannot be typed into, if it cannot: a budget summed from the nodes below.
pub fn refusal(field: Field, budget_is_derived: bool, lang: Lang) -> Option<String> {
    (field.is_rupiah() && budget_is_derived).then(|| {
        lang.pick(
            "anggaran ini dijumlah dari node di bawahnya; ubah pada Sub Kegiatan",
            "this budget is the sum of the nodes below; edit a Sub Kegiatan",
        )
        .to_string()
    })
}

/// "7.01.02.2.04.02 realisasi TW III: 1.235 → 1.300 · capaian s.d. TW IV: 645,40 %": what an
/// accepted figure changed, with the indicator's capaian to date where it judges one.
pub fn accepted(edit: &Op, node: Option<&Node>, q: Quarter, lang: Lang) -> String {
    let mut text = describe(edit, true, lang);
    if let Field::Target(i) | Field::Realisasi(i, _) = edit.field
        && let Some(ind) = node.and_then(|n| n.indikator.get(i))
    {
        text.push_str(&format!(
            " · capaian s.d. TW {q}: {}",
            locale::percent_or_dash(rules::capaian_to_date(ind, q))
        ));
    }
    text
}

/// Reads the text typed into a field: empty means "not entered".
fn parse_input(text: &str, field: Field, lang: Lang) -> Result<Option<Decimal>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    locale::parse_figure(text, field.figure_kind())
        .map(Some)
        .map_err(|e| e.message(lang))
}
