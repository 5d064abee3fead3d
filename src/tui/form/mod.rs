//! Small forms: one field per line, each a line of text (tui-input), a text of several lines
//! (see `lines`) or a choice; Tab and Shift-Tab (or ↓ ↑) go from field to field, ←/→ or Space
//! turn a choice, Enter (or Ctrl-s) accepts, Esc cancels; in a text of several lines Enter is
//! a line break, ↑ ↓ move by row, and Ctrl-s accepts. Each field is checked as it is typed, and the reason shown under it (see
//! `check`); Enter makes the changes (see `build`) and hands them to the session, which holds
//! them to the rules once more — a refusal stays in the form with its reason. Owns the form
//! being filled in: what it is for, its fields with their text or choice, which has the keys,
//! and what the last Enter was refused for.
//!
//! The forms themselves (which fields, prefilled how) are in `open`.

pub mod build;
pub mod check;
pub mod lines;
pub mod notes;
pub mod open;

use crate::model::{Aggregation, IndicatorId, NodeKind, Polarity, Quarter};
use crate::tui::action::Action;
use tui_input::{Input, InputRequest};

/// What a form is for, with what it is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    /// A new node under `parent` (`None`: a root) at position `at` (`None`: the last).
    AddNode {
        parent: Option<String>,
        at: Option<usize>,
    },
    Rename {
        kode: String,
    },
    Recode {
        kode: String,
    },
    /// The node under another parent.
    MoveUnder {
        kode: String,
    },
    /// An indicator of node `kode`: a new one (`id` `None`) or the one with this id.
    Indicator {
        kode: String,
        id: Option<IndicatorId>,
    },
    /// The budget of a Program, Kegiatan or Sub Kegiatan.
    Budget {
        kode: String,
    },
    /// The node's penanggung jawab.
    Officer {
        kode: String,
    },
    /// An officer of the list: a new one (`None`) or the one with this id.
    OfficerDetails {
        id: Option<String>,
    },
    /// An officer still named somewhere is removed: who takes over.
    RemoveOfficer {
        id: String,
    },
    /// A spreadsheet to import (`tui::import`): Enter reads it, nothing changes yet.
    Import,
    /// The explanation of quarter `tw` of indicator `id` of node `kode`.
    Note {
        kode: String,
        id: IndicatorId,
        tw: Quarter,
    },
    /// A verified quarter opened again: why.
    Unlock {
        tw: Quarter,
    },
}

/// Which field a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Level,
    Kode,
    Nama,
    /// The new parent of a node moved.
    Parent,
    Satuan,
    Polaritas,
    Agregasi,
    Target,
    PkMurni,
    PkPerubahan,
    Rencana(Quarter),
    Renstra(i32),
    RenstraAkhir,
    Pejabat,
    Pagu,
    PaguMurni,
    SumberDana,
    OfficerId,
    Nip,
    Jabatan,
    /// Who takes over from an officer removed.
    Reassign,
    /// An import's file, its sheet, its quarter, and whether to create what is missing.
    File,
    Sheet,
    Tw,
    Create,
    /// Faktor pendorong of an explanation.
    Pendorong,
    /// Faktor penghambat.
    Penghambat,
    TindakLanjut,
    /// The tindak lanjut's due date.
    Tenggat,
    /// Who carries out the tindak lanjut.
    PelaksanaTindakLanjut,
    /// Bukti dukung, one reference a line.
    Bukti,
    /// Why a verified quarter is opened again.
    Alasan,
}

/// One value a choice can take.
#[derive(Clone, Debug, PartialEq)]
pub enum Opt {
    Level(NodeKind),
    Polarity(Polarity),
    Aggregation(Aggregation),
    /// An officer's id (`None`: none of its own).
    Officer(Option<String>),
    /// A quarter (`None`: as the file says).
    Quarter(Option<Quarter>),
    Yes(bool),
}

#[derive(Clone, Debug)]
pub enum Value {
    Text(Input),
    /// A text of several lines (see `lines`).
    Lines(Input),
    /// The options, each with its label, and the one chosen.
    Choice {
        options: Vec<(Opt, String)>,
        at: usize,
    },
}

/// One line of a form.
#[derive(Clone, Debug)]
pub struct Field {
    pub key: Key,
    pub label: String,
    pub value: Value,
    /// What is wrong with it now (shown under it).
    pub error: Option<String>,
    /// What helps filling it in (the code's shape, the node a code names), shown under it when
    /// nothing is wrong.
    pub note: Option<String>,
    /// Typed into since the form opened (a proposed code follows the level until then).
    pub touched: bool,
}

impl Field {
    /// What is wrong with it, once worth saying: typed into, or after an Enter (an empty
    /// name is not an error before the user has reached it).
    pub fn shown_error<'a>(&'a self, form: &Form) -> Option<&'a str> {
        self.error.as_deref().filter(|_| self.touched || form.tried)
    }

    pub fn text(key: Key, label: &str, text: &str) -> Field {
        Field {
            key,
            label: label.to_string(),
            value: Value::Text(Input::new(text.to_string())),
            error: None,
            note: None,
            touched: false,
        }
    }

    /// A field of several lines, the cursor at the end of `text`.
    pub fn lines(key: Key, label: &str, text: &str) -> Field {
        let input = Input::new(text.to_string());
        Field {
            value: Value::Lines(input),
            ..Field::text(key, label, "")
        }
    }

    pub fn is_lines(&self) -> bool {
        matches!(self.value, Value::Lines(_))
    }

    pub fn choice(key: Key, label: &str, options: Vec<(Opt, String)>, at: usize) -> Field {
        let at = at.min(options.len().saturating_sub(1));
        Field {
            key,
            label: label.to_string(),
            value: Value::Choice { options, at },
            error: None,
            note: None,
            touched: false,
        }
    }

    pub fn is_choice(&self) -> bool {
        matches!(self.value, Value::Choice { .. })
    }
}

#[derive(Clone, Debug)]
pub struct Form {
    pub purpose: Purpose,
    pub title: String,
    pub fields: Vec<Field>,
    /// The field that has the keys.
    pub focus: usize,
    /// Why the last Enter was refused, when not about one field.
    pub error: Option<String>,
    /// Enter was pressed: every field's error shows, typed into or not.
    pub tried: bool,
    /// The columns a field of several lines wraps at (set from the terminal's width by the
    /// app, so ↑ ↓ move through the rows the screen shows).
    pub wrap: usize,
}

/// The columns a field of several lines wraps at in a terminal `width` columns wide: the
/// form's inner width (see `view::overlay::form`) less the field's indent.
pub fn wrap_width(width: u16) -> usize {
    (width.min(78) as usize).saturating_sub(4 + 2).max(8)
}

/// What a key did to the form.
pub enum FormOutcome {
    /// Still filling in (the fields are checked again by the caller).
    Open(Box<Form>),
    Cancelled,
    /// Enter: the caller checks every field and makes the changes.
    Submit(Box<Form>),
}

impl Form {
    pub fn new(purpose: Purpose, title: String, fields: Vec<Field>) -> Form {
        Form {
            purpose,
            title,
            fields,
            focus: 0,
            error: None,
            tried: false,
            wrap: wrap_width(80),
        }
    }

    /// The field that has the keys.
    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn field(&self, key: Key) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn field_mut(&mut self, key: Key) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// The text of a field, without the spaces around it ("" for a choice or no such field).
    pub fn text(&self, key: Key) -> &str {
        match self.field(key).map(|f| &f.value) {
            Some(Value::Text(input) | Value::Lines(input)) => input.value().trim(),
            _ => "",
        }
    }

    /// The option chosen in a field.
    pub fn opt(&self, key: Key) -> Option<&Opt> {
        match self.field(key).map(|f| &f.value) {
            Some(Value::Choice { options, at }) => options.get(*at).map(|(o, _)| o),
            _ => None,
        }
    }

    /// Puts `text` into a text field (a proposal: the field stays untouched).
    pub fn propose(&mut self, key: Key, text: &str) {
        if let Some(f) = self.field_mut(key)
            && let Value::Text(input) = &mut f.value
        {
            *input = Input::new(text.to_string());
        }
    }

    /// Whether any field is wrong now.
    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// Gives the keys to the first field that is wrong.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
    }

    /// Text pasted into the field that has the keys (line breaks and all: the check says what
    /// is wrong with them).
    pub fn paste(&mut self, text: &str) {
        self.error = None;
        let Some(f) = self.fields.get_mut(self.focus) else {
            return;
        };
        match &mut f.value {
            Value::Text(input) => {
                for c in text.chars() {
                    input.handle(InputRequest::InsertChar(c));
                }
            }
            // A Windows editor's line breaks are one break each.
            Value::Lines(input) => {
                for c in text.replace("\r\n", "\n").replace('\r', "\n").chars() {
                    input.handle(InputRequest::InsertChar(c));
                }
            }
            Value::Choice { .. } => return,
        }
        f.touched = true;
    }

    /// A move within the field of several lines that has the keys; `false` when there is
    /// none (not such a field, or no row that way).
    fn step_lines(&mut self, m: lines::Move) -> bool {
        let wrap = self.wrap;
        match self.fields.get_mut(self.focus).map(|f| &mut f.value) {
            Some(Value::Lines(input)) => lines::step(input, wrap, m),
            _ => false,
        }
    }

    pub fn update(mut self: Box<Self>, action: Action) -> FormOutcome {
        let last = self.fields.len().saturating_sub(1);
        let moved = match action {
            Action::Up => self.step_lines(lines::Move::Up),
            Action::Down => self.step_lines(lines::Move::Down),
            Action::Home => self.step_lines(lines::Move::RowStart),
            Action::End => self.step_lines(lines::Move::RowEnd),
            _ => false,
        };
        if moved {
            return FormOutcome::Open(self);
        }
        match action {
            Action::NextField | Action::Down => {
                self.focus = if self.focus >= last {
                    0
                } else {
                    self.focus + 1
                };
            }
            Action::PrevField | Action::Up => {
                self.focus = if self.focus == 0 {
                    last
                } else {
                    self.focus - 1
                };
            }
            Action::Submit => {
                self.tried = true;
                return FormOutcome::Submit(self);
            }
            Action::Cancel => return FormOutcome::Cancelled,
            Action::Left | Action::Right | Action::Toggle => {
                if let Some(f) = self.fields.get_mut(self.focus)
                    && let Value::Choice { options, at } = &mut f.value
                    && !options.is_empty()
                {
                    let n = options.len();
                    *at = if action == Action::Left {
                        (*at + n - 1) % n
                    } else {
                        (*at + 1) % n
                    };
                    f.touched = true;
                    self.error = None;
                }
            }
            Action::Input(req) => {
                if let Some(f) = self.fields.get_mut(self.focus)
                    && let Value::Text(input) | Value::Lines(input) = &mut f.value
                {
                    input.handle(req);
                    f.touched = true;
                    self.error = None;
                }
            }
            _ => {}
        }
        FormOutcome::Open(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Box<Form> {
        Box::new(Form::new(
            Purpose::Rename { kode: "X".into() },
            "t".into(),
            vec![
                Field::text(Key::Nama, "Nama", "lama"),
                Field::choice(
                    Key::Polaritas,
                    "Polaritas",
                    vec![
                        (Opt::Polarity(Polarity::Positif), "positif".into()),
                        (Opt::Polarity(Polarity::Negatif), "negatif".into()),
                    ],
                    0,
                ),
            ],
        ))
    }

    fn open(o: FormOutcome) -> Box<Form> {
        match o {
            FormOutcome::Open(f) => f,
            _ => panic!("closed"),
        }
    }

    #[test]
    fn tab_goes_round_and_a_choice_turns_both_ways() {
        let f = open(form().update(Action::NextField));
        assert_eq!(f.focus, 1);
        let f = open(f.update(Action::NextField));
        assert_eq!(f.focus, 0, "from the last back to the first");
        let f = open(f.update(Action::PrevField));
        assert_eq!(f.focus, 1);
        let f = open(f.update(Action::Left));
        assert_eq!(
            f.opt(Key::Polaritas),
            Some(&Opt::Polarity(Polarity::Negatif))
        );
        let f = open(f.update(Action::Toggle));
        assert_eq!(
            f.opt(Key::Polaritas),
            Some(&Opt::Polarity(Polarity::Positif))
        );
        // Typing into a choice does nothing.
        let f = open(f.update(Action::Input(InputRequest::InsertChar('x'))));
        assert_eq!(f.text(Key::Nama), "lama");
    }

    #[test]
    fn a_paste_goes_into_the_text_field_whole() {
        let mut f = form();
        f.paste("\nbaru\u{1b}[31m");
        assert!(f.fields[0].touched);
        assert_eq!(
            match &f.fields[0].value {
                Value::Text(i) => i.value().to_string(),
                _ => String::new(),
            },
            "lama\nbaru\u{1b}[31m"
        );
    }
}
