//! Typing a figure into a cell of the detail pane. Owns the figure being typed: the node and
//! field it goes to, the unit it is in, the text so far, whether that text is still the
//! figure as it was (the first character typed then replaces it, as in a spreadsheet cell),
//! and what is wrong with the text, if anything (checked on every key, so bad input is
//! refused on the spot with the reason).
//!
//! What the text may be is the library's rule (`locale::read_entry`, shared with `kinerja
//! set`); whether the cell may be typed into at all is `rules::editable`.

use super::action::Action;
use super::labels::describe;
use super::message::Message;
use crate::locale::{self, Lang};
use crate::model::{Field, Node, Op, Quarter, Settings};
use crate::rules;
use rust_decimal::Decimal;
use tui_input::{Input, InputRequest};

/// The figure being typed.
#[derive(Clone, Debug)]
pub struct Editor {
    pub kode: String,
    pub field: Field,
    /// The id of the indicator the figure belongs to, as it was when typing started (`None`
    /// for a budget figure): should another user's save remove or move that indicator
    /// meanwhile, the figure is not put into whichever indicator now sits at its position.
    pub indicator: Option<crate::model::IndicatorId>,
    /// The indicator's unit (its satuan); `None` for Rupiah.
    pub unit: Option<String>,
    pub input: Input,
    /// The text is still the figure as it was: a character typed replaces it whole; an arrow
    /// key, Home, End, Backspace or `e` edit it instead.
    pub fresh: bool,
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
        indicator: Option<crate::model::IndicatorId>,
        value: Option<Decimal>,
    },
}

impl Editor {
    /// Starts typing into `field` of `kode`, whose figure is now `value`, in `unit`.
    pub fn new(kode: String, field: Field, value: Option<Decimal>, unit: Option<String>) -> Editor {
        Editor {
            kode,
            field,
            indicator: None,
            unit,
            input: Input::new(value.map(locale::figure).unwrap_or_default()),
            fresh: true,
            error: None,
        }
    }

    pub fn update(mut self, action: Action, lang: Lang) -> EditorOutcome {
        match action {
            Action::Input(req) => {
                if self.fresh && matches!(req, InputRequest::InsertChar(_)) {
                    self.input.reset();
                }
                self.fresh = false;
                self.input.handle(req);
                self.error = self.read(lang).err();
                EditorOutcome::Typing(self)
            }
            Action::EditText => {
                self.fresh = false;
                EditorOutcome::Typing(self)
            }
            Action::Cancel => EditorOutcome::Cancelled(Message::info(lang.pick(
                "Batal; tidak ada yang berubah.",
                "Cancelled; nothing changed.",
            ))),
            Action::Submit => match self.read(lang) {
                Err(e) => {
                    self.error = Some(e);
                    EditorOutcome::Typing(self)
                }
                Ok(value) => EditorOutcome::Accepted {
                    kode: self.kode,
                    field: self.field,
                    indicator: self.indicator,
                    value,
                },
            },
            _ => EditorOutcome::Typing(self),
        }
    }

    /// The text read as a figure: an emptied field is "not entered"; anything else as `kinerja
    /// set` reads it.
    pub fn read(&self, lang: Lang) -> Result<Option<Decimal>, String> {
        let text = self.input.value();
        if text.trim().is_empty() {
            return Ok(None);
        }
        locale::read_entry(text, self.field.figure_kind(), self.unit.as_deref())
            .map_err(|e| e.message(lang))
    }

    /// What the text would be stored as, with its unit (`= 70,85 indeks`), or what is wrong.
    pub fn preview(&self, lang: Lang) -> Result<String, String> {
        self.read(lang).map(|v| match v {
            None => lang
                .pick("kosong (belum diisi)", "blank (not entered)")
                .to_string(),
            v => locale::entry_echo(self.field.figure_kind(), v, self.unit.as_deref()),
        })
    }
}

/// "7.01.02.2.04.02 realisasi TW III: 1.235 → 1.300 laporan · capaian s.d. TW IV: 645,40 %":
/// what an accepted figure changed, with the indicator's capaian where it judges one — the
/// same computation as everywhere else (`rules::status`).
pub fn accepted(
    edit: &Op,
    node: Option<&Node>,
    q: Quarter,
    settings: &Settings,
    lang: Lang,
) -> String {
    let ind = edit
        .field
        .indicator()
        .and_then(|i| node.and_then(|n| n.indikator.get(i)));
    let mut text = describe(edit, true, lang);
    if let Some(ind) = ind
        && !ind.satuan.trim().is_empty()
    {
        text.push(' ');
        text.push_str(&crate::text::visible(ind.satuan.trim()));
    }
    if let (Field::Target(_) | Field::Realisasi(..), Some(ind)) = (edit.field, ind) {
        text.push_str(&format!(
            " · {} {}: {}",
            lang.pick("capaian", "achievement"),
            locale::to_quarter(q, lang),
            locale::percent_or_dash(rules::status(ind, q, settings).capaian())
        ));
    }
    text
}
