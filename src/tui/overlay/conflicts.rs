//! The question asked when changes of this user's no longer fit the file: a figure someone
//! else changed too (keep mine, or take the figure on disk), or any other change the file now
//! refuses — a node they removed, a code they took (drop mine: it leaves the unsaved list and
//! the screen). Owns the conflicts found, with the unsaved entry each is about, which one is
//! being asked about, and whether they came from a save (which is tried again after the last
//! answer) or from another user's save put in under the user's changes.

use crate::locale::Lang;
use crate::model::{Change, IndicatorId, NoteAttr, Quarter, Refusal};
use crate::store::Conflict;
use crate::tui::action::Action;
use crate::tui::message::Message;
use crate::tui::session::Conflicted;

#[derive(Clone, Debug)]
pub struct Conflicts {
    list: Vec<Conflicted>,
    index: usize,
    /// They came from a save, which is tried again once all are answered.
    pub from_save: bool,
}

/// What the user chose for one conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    KeepMine,
    TakeTheirs,
    DropMine,
}

#[derive(Clone, Debug)]
pub struct Answer {
    pub conflict: Box<Conflict>,
    /// The unsaved entry it is about.
    pub seq: Option<u64>,
    pub choice: Choice,
}

pub enum ConflictsOutcome {
    Asking(Conflicts),
    /// One conflict answered; `next` holds the rest, if any.
    Answered {
        answer: Answer,
        next: Option<Conflicts>,
    },
    /// Left without answering: nothing saved, nothing dropped.
    Cancelled(Message),
}

/// Whether a conflict is a figure or a text of an explanation both users changed (answered
/// keep mine / take theirs); anything else is answered by dropping the change or leaving it
/// for later.
pub fn is_figure_clash(c: &Conflict) -> bool {
    c.figure()
        .is_some_and(|f| matches!(f.why, Refusal::FigureChanged { .. }))
        || text_clash(c).is_some()
}

/// A text of an explanation (faktor pendorong, penghambat, tindak lanjut) both this user and
/// someone else changed: both texts, and what this user's was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextClash {
    pub kode: String,
    pub indikator: IndicatorId,
    pub tw: Quarter,
    pub attr: NoteAttr,
    /// This user's text.
    pub mine: String,
    /// The text this user saw before changing it.
    pub was: String,
    /// The text in the file now.
    pub theirs: String,
}

/// The conflict as a [`TextClash`], when it is one.
pub fn text_clash(c: &Conflict) -> Option<TextClash> {
    let Conflict::Change(cc) = c else {
        return None;
    };
    let (
        Change::Note {
            kode,
            indikator,
            tw,
            attr,
        },
        Refusal::AttrChanged { found, .. },
    ) = (&cc.change, &cc.why)
    else {
        return None;
    };
    let (NoteAttr::Pendorong(e) | NoteAttr::Penghambat(e) | NoteAttr::TindakLanjut(e)) = attr
    else {
        return None;
    };
    Some(TextClash {
        kode: kode.clone(),
        indikator: *indikator,
        tw: *tw,
        attr: attr.clone(),
        mine: e.new.clone(),
        was: e.old.clone(),
        theirs: found.clone(),
    })
}

impl Conflicts {
    pub fn new(list: Vec<Conflicted>, from_save: bool) -> Option<Conflicts> {
        (!list.is_empty()).then_some(Conflicts {
            list,
            index: 0,
            from_save,
        })
    }

    /// The conflict being asked about.
    pub fn current(&self) -> Option<&Conflict> {
        self.list.get(self.index).map(|(c, _)| c)
    }

    /// Which one is asked about (from 0), and how many there are.
    pub fn position(&self) -> (usize, usize) {
        (self.index, self.list.len())
    }

    pub fn update(self, action: Action, lang: Lang) -> ConflictsOutcome {
        let figure = self.current().is_some_and(is_figure_clash);
        let choice = match action {
            Action::KeepMine if figure => Choice::KeepMine,
            Action::TakeTheirs if figure => Choice::TakeTheirs,
            Action::DropMine if !figure => Choice::DropMine,
            Action::Cancel => {
                return ConflictsOutcome::Cancelled(Message::info(if self.from_save {
                    lang.pick(
                        "Belum disimpan; perubahan Anda tetap di memori.",
                        "Not saved; your changes stay in memory.",
                    )
                } else {
                    lang.pick(
                        "Perubahan yang tidak cocok tetap disimpan di memori (tidak tampil); saat menyimpan Anda akan ditanya lagi.",
                        "The changes that do not fit stay in memory (not shown); saving will ask again.",
                    )
                }));
            }
            _ => return ConflictsOutcome::Asking(self),
        };
        let Some((conflict, seq)) = self.list.get(self.index).cloned() else {
            return ConflictsOutcome::Cancelled(Message::info(""));
        };
        let Conflicts {
            list,
            index,
            from_save,
        } = self;
        let next = (index + 1 < list.len()).then_some(Conflicts {
            list,
            index: index + 1,
            from_save,
        });
        ConflictsOutcome::Answered {
            answer: Answer {
                conflict: Box::new(conflict),
                seq,
                choice,
            },
            next,
        }
    }
}
