//! Every key binding, per context (the tables are in `tables`), and how a key press resolves
//! to an `Action` in the current context. The footer hints and the help overlay are generated
//! from these tables, so they cannot drift from the real keys.

/// A binding: keys, action, help text in both languages, and where it shows (with the hint
/// bar's short text when it differs from the help's).
macro_rules! bind {
    ($label:expr, [$($key:expr),+], $action:expr, $id:expr, $en:expr, $show:ident) => {
        Binding { keys: &[$($key),+], label: $label, action: $action, id: $id, en: $en, show: Show::$show, short: ($id, $en) }
    };
    ($label:expr, [$($key:expr),+], $action:expr, $id:expr, $en:expr, hint($sid:expr, $sen:expr)) => {
        Binding { keys: &[$($key),+], label: $label, action: $action, id: $id, en: $en, show: Show::Hint, short: ($sid, $sen) }
    };
    ($label:expr, [$($key:expr),+], $action:expr, $id:expr, $en:expr, extra($sid:expr, $sen:expr)) => {
        Binding { keys: &[$($key),+], label: $label, action: $action, id: $id, en: $en, show: Show::Extra, short: ($sid, $sen) }
    };
}

mod boxes;
mod common;
mod fields;
mod panes;

use super::action::Action;
use crate::locale::Lang;
use boxes::*;
use common::*;
use fields::*;
use panes::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Which key table applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Tree,
    Detail,
    Dashboard,
    Editing,
    Searching,
    Help,
    /// The journal of a node.
    History,
    /// The export's question: which format.
    Export,
    /// The meeting pack's question: which format.
    Pack,
    /// At the start: re-apply the unsaved changes of a session that ended?
    Recover,
    ConfirmQuit,
    /// A figure both this user and another changed: keep mine or take theirs.
    Conflict,
    /// A change the file now refuses: drop it or leave it.
    ConflictChange,
    /// A form, its field of text having the keys.
    FormText,
    /// A form, its choice having the keys.
    FormChoice,
    /// A form, its text of several lines having the keys.
    FormLines,
    /// Before a removal: yes or no.
    Question,
    /// The officers' list.
    Officers,
    /// An import's preview: apply or cancel.
    ImportPreview,
}

/// Where a binding is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// In the one-line hint bar and in help.
    Hint,
    /// In the hint bar after every `Hint` of the context, where there is room, and in help.
    Extra,
    /// In help only.
    Help,
    /// Nowhere (a variant of a key shown on another line, e.g. `2` under "1–4").
    Hidden,
}

/// Keys, the action they trigger and what the help says about it.
#[derive(Clone, Copy)]
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in help and hints.
    pub label: &'static str,
    pub action: Action,
    pub id: &'static str,
    pub en: &'static str,
    pub show: Show,
    /// The short text of the hint bar, where shown there.
    pub short: (&'static str, &'static str),
}

/// The bindings of a context, most specific first.
pub fn bindings(ctx: Context) -> Vec<&'static Binding> {
    let specific: &[Binding] = match ctx {
        Context::Tree => TREE,
        Context::Detail => DETAIL,
        Context::Dashboard => DASHBOARD,
        Context::Editing => &EDITING,
        Context::Searching => &SEARCHING,
        Context::Help => &HELP,
        Context::History => &HISTORY,
        Context::Export => &EXPORT,
        Context::Pack => &PACK,
        Context::Recover => &RECOVER,
        Context::ConfirmQuit => &CONFIRM,
        Context::Conflict => &CONFLICT,
        Context::ConflictChange => &CONFLICT_CHANGE,
        Context::FormText => &FORM_TEXT,
        Context::FormChoice => &FORM_CHOICE,
        Context::FormLines => &FORM_LINES,
        Context::Question => &QUESTION,
        Context::Officers => &OFFICERS,
        Context::ImportPreview => &IMPORT_PREVIEW,
    };
    let shared: &[&[Binding]] = match ctx {
        Context::Tree | Context::Detail | Context::Dashboard => &[MOVE, COMMON],
        _ => &[],
    };
    specific
        .iter()
        .chain(shared.iter().flat_map(|b| b.iter()))
        .collect()
}

/// The action of a key press in a context; `None` for keys that do nothing there.
pub fn resolve(ctx: Context, key: KeyEvent) -> Option<Action> {
    // Terminals differ in whether they report Shift with upper-case letters and symbols.
    let mods = key.modifiers - KeyModifiers::SHIFT;
    let bound = bindings(ctx)
        .into_iter()
        .find(|b| matches(b, key.code, mods))
        .map(|b| b.action);
    match ctx {
        Context::Editing | Context::Searching | Context::FormText | Context::FormLines => bound
            .or_else(|| {
                let event = ratatui::crossterm::event::Event::Key(key);
                tui_input::backend::crossterm::to_input_request(&event).map(Action::Input)
            }),
        _ => bound,
    }
}

fn matches(b: &Binding, code: KeyCode, mods: KeyModifiers) -> bool {
    b.keys
        .iter()
        .any(|(c, m)| *c == code && (*m - KeyModifiers::SHIFT) == mods)
}

/// The hint bar's entries: the first key of each hinted binding and what it does.
pub fn hints(ctx: Context, lang: Lang) -> Vec<(&'static str, &'static str)> {
    bindings(ctx)
        .into_iter()
        .filter(|b| b.show == Show::Hint)
        .chain(bindings(ctx).into_iter().filter(|b| b.show == Show::Extra))
        .map(|b| {
            let label = key_label(b.label, lang);
            (
                label.split_whitespace().next().unwrap_or(label),
                lang.pick(b.short.0, b.short.1),
            )
        })
        .collect()
}

/// Every binding of a context worth a line in the help overlay.
pub fn help(ctx: Context, lang: Lang) -> Vec<(&'static str, &'static str)> {
    bindings(ctx)
        .into_iter()
        .filter(|b| b.show != Show::Hidden)
        .map(|b| (key_label(b.label, lang), lang.pick(b.id, b.en)))
        .collect()
}

/// How keys are written: the space bar has a name in each language.
fn key_label(label: &'static str, lang: Lang) -> &'static str {
    match (label, lang) {
        ("Enter Spasi", Lang::En) => "Enter Space",
        ("←→ Spasi", Lang::En) => "←→ Space",
        ("→ Spasi", Lang::En) => "→ Space",
        _ => label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quarter;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, NONE)
    }

    #[test]
    fn browse_keys() {
        assert_eq!(
            resolve(Context::Tree, key(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(resolve(Context::Tree, key(KeyCode::Up)), Some(Action::Up));
        assert_eq!(
            resolve(Context::Tree, key(KeyCode::Enter)),
            Some(Action::Toggle)
        );
        assert_eq!(
            resolve(Context::Detail, key(KeyCode::Enter)),
            Some(Action::Edit)
        );
        assert_eq!(
            resolve(Context::Tree, key(KeyCode::Char('3'))),
            Some(Action::Quarter(Quarter::III))
        );
        assert_eq!(
            resolve(Context::Tree, key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(
            resolve(Context::Tree, KeyEvent::new(KeyCode::Char('s'), CTRL)),
            Some(Action::Save)
        );
        assert_eq!(
            resolve(Context::Tree, KeyEvent::new(KeyCode::Char('N'), SHIFT)),
            Some(Action::SearchPrev)
        );
        assert_eq!(resolve(Context::Tree, key(KeyCode::Char('z'))), None);
    }

    #[test]
    fn typing_goes_to_the_field() {
        use tui_input::InputRequest;
        assert_eq!(
            resolve(Context::Editing, key(KeyCode::Char('7'))),
            Some(Action::Input(InputRequest::InsertChar('7')))
        );
        // q is text while editing, not quit.
        assert_eq!(
            resolve(Context::Editing, key(KeyCode::Char('q'))),
            Some(Action::Input(InputRequest::InsertChar('q')))
        );
        assert_eq!(
            resolve(Context::Editing, key(KeyCode::Enter)),
            Some(Action::Submit)
        );
        assert_eq!(
            resolve(Context::Editing, key(KeyCode::Esc)),
            Some(Action::Cancel)
        );
        assert_eq!(
            resolve(Context::Editing, KeyEvent::new(KeyCode::Char('c'), CTRL)),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn every_binding_has_one_meaning_per_context() {
        for ctx in [
            Context::Tree,
            Context::Detail,
            Context::Dashboard,
            Context::Editing,
            Context::Searching,
            Context::Help,
            Context::History,
            Context::Export,
            Context::Pack,
            Context::Recover,
            Context::ConfirmQuit,
            Context::Conflict,
            Context::ConflictChange,
            Context::FormText,
            Context::FormChoice,
            Context::FormLines,
            Context::Question,
            Context::Officers,
            Context::ImportPreview,
        ] {
            let mut seen = std::collections::HashMap::new();
            for b in bindings(ctx) {
                for (code, mods) in b.keys {
                    let key = (*code, *mods - KeyModifiers::SHIFT);
                    if let Some(previous) = seen.insert(key, b.action)
                        && previous != b.action
                    {
                        panic!("{ctx:?}: {key:?} bound to {previous:?} and {:?}", b.action);
                    }
                }
            }
        }
    }
}
