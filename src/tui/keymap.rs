//! Every key binding, per context, in one table. The footer hints and the help overlay are
//! generated from these tables, so they cannot drift from the real keys.

use super::action::Action;
use crate::locale::Lang;
use crate::model::Quarter;
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
    ConfirmQuit,
    Conflict,
}

/// Where a binding is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// In the one-line hint bar and in help.
    Hint,
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

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

macro_rules! bind {
    ($label:expr, [$($key:expr),+], $action:expr, $id:expr, $en:expr, $show:ident) => {
        Binding { keys: &[$($key),+], label: $label, action: $action, id: $id, en: $en, show: Show::$show, short: ($id, $en) }
    };
    ($label:expr, [$($key:expr),+], $action:expr, $id:expr, $en:expr, hint($sid:expr, $sen:expr)) => {
        Binding { keys: &[$($key),+], label: $label, action: $action, id: $id, en: $en, show: Show::Hint, short: ($sid, $sen) }
    };
}

const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

const MOVE: [Binding; 10] = [
    bind!(
        "↑↓ jk",
        [(KeyCode::Up, NONE), ch('k')],
        Action::Up,
        "pindah baris",
        "move",
        Help
    ),
    bind!(
        "↓ j",
        [(KeyCode::Down, NONE), ch('j')],
        Action::Down,
        "turun",
        "down",
        Hidden
    ),
    bind!(
        "PgUp PgDn",
        [(KeyCode::PageUp, NONE)],
        Action::PageUp,
        "satu layar naik / turun",
        "a page up / down",
        Help
    ),
    bind!(
        "PgDn",
        [(KeyCode::PageDown, NONE)],
        Action::PageDown,
        "turun satu layar",
        "page down",
        Hidden
    ),
    bind!(
        "Home End g G",
        [(KeyCode::Home, NONE), ch('g')],
        Action::Home,
        "ke awal / akhir",
        "to the first / last",
        Help
    ),
    bind!(
        "End G",
        [(KeyCode::End, NONE), (KeyCode::Char('G'), SHIFT)],
        Action::End,
        "ke akhir",
        "to the last",
        Hidden
    ),
    bind!(
        "1–4",
        [ch('1')],
        Action::Quarter(Quarter::I),
        "pilih triwulan I–IV",
        "pick quarter I–IV",
        Help
    ),
    bind!(
        "2",
        [ch('2')],
        Action::Quarter(Quarter::II),
        "TW II",
        "Q II",
        Hidden
    ),
    bind!(
        "3",
        [ch('3')],
        Action::Quarter(Quarter::III),
        "TW III",
        "Q III",
        Hidden
    ),
    bind!(
        "4",
        [ch('4')],
        Action::Quarter(Quarter::IV),
        "TW IV",
        "Q IV",
        Hidden
    ),
];

const COMMON: [Binding; 12] = [
    bind!(
        "d",
        [ch('d')],
        Action::Dashboard,
        "dasbor: ringkasan, grafik, daftar merah",
        "dashboard: summary, bars, red list",
        hint("dasbor", "dashboard")
    ),
    bind!(
        "r",
        [ch('r')],
        Action::RedFilter,
        "saring pohon: hanya merah dan belum diisi",
        "filter the tree: red and blank only",
        hint("merah", "red")
    ),
    bind!(
        "/",
        [ch('/')],
        Action::Search,
        "cari kode atau nama",
        "search kode or name",
        Help
    ),
    bind!(
        "n N",
        [ch('n')],
        Action::SearchNext,
        "hasil cari berikut / sebelumnya",
        "next / previous match",
        Help
    ),
    bind!(
        "N",
        [(KeyCode::Char('N'), SHIFT)],
        Action::SearchPrev,
        "hasil cari sebelumnya",
        "previous match",
        Hidden
    ),
    bind!(
        "u Ctrl-r",
        [ch('u')],
        Action::Undo,
        "urungkan / ulangi perubahan",
        "undo / redo",
        Help
    ),
    bind!(
        "Ctrl-r",
        [(KeyCode::Char('r'), CTRL)],
        Action::Redo,
        "ulangi perubahan",
        "redo",
        Hidden
    ),
    bind!(
        "s Ctrl-s",
        [ch('s'), (KeyCode::Char('s'), CTRL)],
        Action::Save,
        "simpan ke berkas",
        "save to the file",
        hint("simpan", "save")
    ),
    bind!(
        "L",
        [(KeyCode::Char('L'), SHIFT)],
        Action::History,
        "riwayat perubahan node terpilih",
        "saved changes of the selected node",
        Help
    ),
    bind!(
        "x",
        [ch('x')],
        Action::Export,
        "ekspor tabel LKjIP ke .xlsx bertanggal",
        "export the LKjIP tables to a dated .xlsx",
        Help
    ),
    bind!(
        "?",
        [ch('?'), (KeyCode::Char('?'), SHIFT)],
        Action::Help,
        "bantuan: semua tombol",
        "help: every key",
        hint("bantuan", "help")
    ),
    bind!(
        "q Esc",
        [ch('q'), (KeyCode::Esc, NONE)],
        Action::Quit,
        "keluar (ditanya bila belum disimpan)",
        "quit (asks if unsaved)",
        hint("keluar", "quit")
    ),
];

const TREE: [Binding; 5] = [
    bind!(
        "Enter Spasi",
        [(KeyCode::Enter, NONE), ch(' ')],
        Action::Toggle,
        "buka / tutup cabang",
        "unfold / fold",
        hint("buka", "fold")
    ),
    bind!(
        "Tab",
        [(KeyCode::Tab, NONE), (KeyCode::BackTab, SHIFT)],
        Action::SwitchFocus,
        "pindah ke panel rincian",
        "go to the detail pane",
        hint("rincian", "detail")
    ),
    bind!(
        "←→ hl",
        [(KeyCode::Left, NONE), ch('h')],
        Action::Left,
        "tutup cabang, ke induk / buka, ke anak",
        "fold, to parent / unfold, to child",
        Help
    ),
    bind!(
        "→ l",
        [(KeyCode::Right, NONE), ch('l')],
        Action::Right,
        "buka cabang / ke anak",
        "unfold / to child",
        Hidden
    ),
    bind!(
        "e",
        [ch('e')],
        Action::Edit,
        "ubah angka di rincian",
        "edit a figure",
        Help
    ),
];

const DETAIL: [Binding; 4] = [
    bind!(
        "Enter e",
        [(KeyCode::Enter, NONE), ch('e')],
        Action::Edit,
        "ubah angka di sel terpilih",
        "edit the selected cell",
        hint("ubah", "edit")
    ),
    bind!(
        "Tab",
        [(KeyCode::Tab, NONE), (KeyCode::BackTab, SHIFT)],
        Action::SwitchFocus,
        "pindah ke pohon",
        "go to the tree",
        hint("pohon", "tree")
    ),
    bind!(
        "←→ hl",
        [(KeyCode::Left, NONE), ch('h')],
        Action::Left,
        "sel kiri / kanan (target, TW I–IV)",
        "cell left / right (target, Q I–IV)",
        Help
    ),
    bind!(
        "→ l",
        [(KeyCode::Right, NONE), ch('l')],
        Action::Right,
        "sel sebelah kanan",
        "cell to the right",
        Hidden
    ),
];

const DASHBOARD: [Binding; 1] = [bind!(
    "Enter",
    [(KeyCode::Enter, NONE)],
    Action::Jump,
    "buka di pohon",
    "open in tree",
    Hint
)];

/// Leaves a text field; the same in every field.
const CANCEL: Binding = bind!(
    "Esc Ctrl-c",
    [(KeyCode::Esc, NONE), (KeyCode::Char('c'), CTRL)],
    Action::Cancel,
    "batal",
    "cancel",
    Hint
);

const EDITING: [Binding; 2] = [
    bind!(
        "Enter",
        [(KeyCode::Enter, NONE)],
        Action::Submit,
        "pakai angka",
        "accept",
        Hint
    ),
    CANCEL,
];

const SEARCHING: [Binding; 2] = [
    bind!(
        "Enter",
        [(KeyCode::Enter, NONE)],
        Action::Submit,
        "cari",
        "search",
        Hint
    ),
    CANCEL,
];

const HELP: [Binding; 1] = [bind!(
    "Esc q ?",
    [
        (KeyCode::Esc, NONE),
        ch('q'),
        ch('?'),
        (KeyCode::Char('?'), SHIFT),
        (KeyCode::Enter, NONE)
    ],
    Action::Cancel,
    "tutup bantuan",
    "close help",
    Hint
)];

const CONFIRM: [Binding; 3] = [
    bind!(
        "s",
        [ch('s'), (KeyCode::Char('S'), SHIFT)],
        Action::SaveAndQuit,
        "simpan lalu keluar",
        "save and quit",
        Hint
    ),
    bind!(
        "x",
        [ch('x'), (KeyCode::Char('X'), SHIFT)],
        Action::Discard,
        "keluar tanpa simpan",
        "quit, discard",
        Hint
    ),
    bind!(
        "Esc n",
        [(KeyCode::Esc, NONE), ch('n')],
        Action::Cancel,
        "batal",
        "cancel",
        Hint
    ),
];

const CONFLICT: [Binding; 3] = [
    bind!(
        "k",
        [ch('k')],
        Action::KeepMine,
        "pakai angka saya",
        "keep my figure",
        hint("punya saya", "mine")
    ),
    bind!(
        "a",
        [ch('a')],
        Action::TakeTheirs,
        "ambil angka di berkas",
        "take the figure on file",
        hint("ambil yang di berkas", "take theirs")
    ),
    bind!(
        "Esc",
        [(KeyCode::Esc, NONE)],
        Action::Cancel,
        "batal (belum disimpan)",
        "cancel (not saved)",
        hint("batal", "cancel")
    ),
];

/// The bindings of a context, most specific first.
pub fn bindings(ctx: Context) -> Vec<&'static Binding> {
    let specific: &[Binding] = match ctx {
        Context::Tree => &TREE,
        Context::Detail => &DETAIL,
        Context::Dashboard => &DASHBOARD,
        Context::Editing => &EDITING,
        Context::Searching => &SEARCHING,
        Context::Help => &HELP,
        Context::ConfirmQuit => &CONFIRM,
        Context::Conflict => &CONFLICT,
    };
    let shared: &[&[Binding]] = match ctx {
        Context::Tree | Context::Detail | Context::Dashboard => &[&MOVE, &COMMON],
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
        Context::Editing | Context::Searching => bound.or_else(|| {
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
        .map(|b| {
            (
                b.label.split_whitespace().next().unwrap_or(b.label),
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
        .map(|b| (b.label, lang.pick(b.id, b.en)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
            Context::ConfirmQuit,
            Context::Conflict,
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
