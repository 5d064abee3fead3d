//! The key tables themselves: shared movement and commands, then one table per context.

use super::{Binding, Show};
use crate::model::Quarter;
use crate::tui::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

pub(super) const NONE: KeyModifiers = KeyModifiers::NONE;
pub(super) const CTRL: KeyModifiers = KeyModifiers::CONTROL;
pub(super) const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

macro_rules! bind {
    ($label:expr, [$($key:expr),+], $action:expr, $id:expr, $en:expr, $show:ident) => {
        Binding { keys: &[$($key),+], label: $label, action: $action, id: $id, en: $en, show: Show::$show, short: ($id, $en) }
    };
    ($label:expr, [$($key:expr),+], $action:expr, $id:expr, $en:expr, hint($sid:expr, $sen:expr)) => {
        Binding { keys: &[$($key),+], label: $label, action: $action, id: $id, en: $en, show: Show::Hint, short: ($sid, $sen) }
    };
}

pub(super) const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

pub(super) const MOVE: [Binding; 10] = [
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

pub(super) const COMMON: [Binding; 12] = [
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

pub(super) const TREE: [Binding; 5] = [
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

pub(super) const DETAIL: [Binding; 4] = [
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

pub(super) const DASHBOARD: [Binding; 1] = [bind!(
    "Enter",
    [(KeyCode::Enter, NONE)],
    Action::Jump,
    "buka di pohon",
    "open in tree",
    Hint
)];

/// Leaves a text field; the same in every field.
pub(super) const CANCEL: Binding = bind!(
    "Esc Ctrl-c",
    [(KeyCode::Esc, NONE), (KeyCode::Char('c'), CTRL)],
    Action::Cancel,
    "batal",
    "cancel",
    Hint
);

pub(super) const EDITING: [Binding; 2] = [
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

pub(super) const SEARCHING: [Binding; 2] = [
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

pub(super) const HELP: [Binding; 1] = [bind!(
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

pub(super) const CONFIRM: [Binding; 3] = [
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

pub(super) const CONFLICT: [Binding; 3] = [
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
