//! The question a save asks when figures this user changed were changed by someone else too.
//! Owns the conflicts found and which one is being asked about; each answer goes back to the
//! session (keep mine, or take the figure on disk), and after the last one the app saves again.

use crate::locale::Lang;
use crate::store::Conflict;
use crate::tui::action::Action;
use crate::tui::message::Message;

#[derive(Clone, Debug)]
pub struct Conflicts {
    list: Vec<Conflict>,
    index: usize,
}

pub enum ConflictsOutcome {
    Asking(Conflicts),
    /// One conflict answered; `next` holds the rest, if any.
    Answered {
        conflict: Box<Conflict>,
        keep_mine: bool,
        next: Option<Conflicts>,
    },
    /// Left without answering: nothing saved.
    Cancelled(Message),
}

impl Conflicts {
    pub fn new(list: Vec<Conflict>) -> Option<Conflicts> {
        (!list.is_empty()).then_some(Conflicts { list, index: 0 })
    }

    /// The conflict being asked about.
    pub fn current(&self) -> Option<&Conflict> {
        self.list.get(self.index)
    }

    /// Which one is asked about (from 0), and how many there are.
    pub fn position(&self) -> (usize, usize) {
        (self.index, self.list.len())
    }

    pub fn update(self, action: Action, lang: Lang) -> ConflictsOutcome {
        let keep_mine = match action {
            Action::KeepMine => true,
            Action::TakeTheirs => false,
            Action::Cancel => {
                return ConflictsOutcome::Cancelled(Message::info(lang.pick(
                    "Belum disimpan; perubahan Anda tetap di memori.",
                    "Not saved; your changes stay in memory.",
                )));
            }
            _ => return ConflictsOutcome::Asking(self),
        };
        let Some(conflict) = self.current().cloned().map(Box::new) else {
            return ConflictsOutcome::Cancelled(Message::info(""));
        };
        let Conflicts { list, index } = self;
        let next = (index + 1 < list.len()).then_some(Conflicts {
            list,
            index: index + 1,
        });
        ConflictsOutcome::Answered {
            conflict,
            keep_mine,
            next,
        }
    }
}
