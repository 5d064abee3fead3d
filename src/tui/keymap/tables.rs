//! The key tables themselves: shared movement and commands, then one table per context.

use super::{Binding, Show};
use crate::export::Format;
use crate::model::Quarter;
use crate::tui::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_input::InputRequest;

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
        "search code or name",
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
        "ekspor tabel LKjIP: xlsx, html, md, csv",
        "export the LKjIP tables: xlsx, html, md, csv",
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
        "q Ctrl-c",
        [ch('q'), (KeyCode::Char('c'), CTRL)],
        Action::Quit,
        "keluar (ditanya bila belum disimpan)",
        "quit (asks if unsaved)",
        hint("keluar", "quit")
    ),
];

pub(super) const TREE: [Binding; 6] = [
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
    bind!(
        "Esc",
        [(KeyCode::Esc, NONE)],
        Action::Cancel,
        "kembali: matikan saringan merah (tidak pernah keluar)",
        "back: leave the red filter (never quits)",
        Help
    ),
];

pub(super) const DETAIL: [Binding; 5] = [
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
        "Esc",
        [(KeyCode::Esc, NONE)],
        Action::Cancel,
        "kembali ke pohon",
        "back to the tree",
        Help
    ),
    bind!(
        "←→ hl",
        [(KeyCode::Left, NONE), ch('h')],
        Action::Left,
        "sel kiri / kanan (target, TW I–IV, LRA)",
        "cell left / right (target, Q I–IV, LRA)",
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

pub(super) const DASHBOARD: [Binding; 2] = [
    bind!(
        "Enter",
        [(KeyCode::Enter, NONE)],
        Action::Jump,
        "buka di pohon",
        "open in tree",
        hint("buka", "open")
    ),
    bind!(
        "Esc",
        [(KeyCode::Esc, NONE)],
        Action::Cancel,
        "kembali ke pohon",
        "back to the tree",
        hint("kembali", "back")
    ),
];

/// Leaves a text field; the same in every field.
pub(super) const CANCEL: Binding = bind!(
    "Esc Ctrl-c",
    [(KeyCode::Esc, NONE), (KeyCode::Char('c'), CTRL)],
    Action::Cancel,
    "batal",
    "cancel",
    Hint
);

pub(super) const EDITING: [Binding; 5] = [
    bind!(
        "Enter",
        [(KeyCode::Enter, NONE)],
        Action::Submit,
        "pakai angka",
        "accept",
        hint("pakai", "ok")
    ),
    CANCEL,
    // Typing is text, not a key of the table: this line only says what it does.
    Binding {
        keys: &[],
        label: "0–9",
        action: Action::Submit,
        id: "ketik angka baru: mengganti seluruh isi",
        en: "type a new figure: replaces the whole value",
        show: Show::Hint,
        short: ("ganti", "replace"),
    },
    bind!(
        "e/←→",
        [ch('e')],
        Action::EditText,
        "ubah isi yang ada (kursor dengan ←→ Home End)",
        "edit the value there (move with ←→ Home End)",
        hint("ubah", "edit")
    ),
    bind!(
        "Ctrl-u",
        [(KeyCode::Char('u'), CTRL)],
        Action::Input(InputRequest::DeleteLine),
        "kosongkan (Enter pada isian kosong: belum diisi)",
        "clear (Enter on an empty field: not entered)",
        hint("hapus", "clear")
    ),
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

/// Scrolling a box that may be taller than the screen (help, the journal).
macro_rules! scroll_keys {
    () => {
        [
            bind!(
                "↑↓ jk PgUp PgDn",
                [(KeyCode::Up, NONE), ch('k')],
                Action::Up,
                "gulir",
                "scroll",
                hint("gulir", "scroll")
            ),
            bind!(
                "↓ j",
                [(KeyCode::Down, NONE), ch('j')],
                Action::Down,
                "gulir turun",
                "scroll down",
                Hidden
            ),
            bind!(
                "PgUp",
                [(KeyCode::PageUp, NONE)],
                Action::PageUp,
                "satu layar naik",
                "a page up",
                Hidden
            ),
            bind!(
                "PgDn",
                [(KeyCode::PageDown, NONE), ch(' ')],
                Action::PageDown,
                "satu layar turun",
                "a page down",
                Hidden
            ),
            bind!(
                "Home g",
                [(KeyCode::Home, NONE), ch('g')],
                Action::Home,
                "ke awal",
                "to the top",
                Hidden
            ),
            bind!(
                "End G",
                [(KeyCode::End, NONE), (KeyCode::Char('G'), SHIFT)],
                Action::End,
                "ke akhir",
                "to the end",
                Hidden
            ),
        ]
    };
}

pub(super) const HELP: [Binding; 8] = {
    let [a, b, c, d, e, f] = scroll_keys!();
    [
        bind!(
            "Esc ?",
            [
                (KeyCode::Esc, NONE),
                ch('?'),
                (KeyCode::Char('?'), SHIFT),
                (KeyCode::Enter, NONE)
            ],
            Action::Cancel,
            "tutup bantuan",
            "close help",
            hint("tutup bantuan", "close help")
        ),
        a,
        b,
        c,
        d,
        e,
        f,
        QUIT_FROM_BOX,
    ]
};

pub(super) const HISTORY: [Binding; 8] = {
    let [a, b, c, d, e, f] = scroll_keys!();
    [
        bind!(
            "Esc",
            [
                (KeyCode::Esc, NONE),
                (KeyCode::Enter, NONE),
                (KeyCode::Char('L'), SHIFT)
            ],
            Action::Cancel,
            "tutup",
            "close",
            hint("tutup", "close")
        ),
        a,
        b,
        c,
        d,
        e,
        f,
        QUIT_FROM_BOX,
    ]
};

/// `q` and Ctrl-c quit from a box that only shows something, as they do from the panes.
const QUIT_FROM_BOX: Binding = bind!(
    "q Ctrl-c",
    [ch('q'), (KeyCode::Char('c'), CTRL)],
    Action::Quit,
    "keluar (ditanya bila belum disimpan)",
    "quit (asks if unsaved)",
    hint("keluar", "quit")
);

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

pub(super) const EXPORT: [Binding; 5] = [
    bind!(
        "x Enter",
        [ch('x'), (KeyCode::Enter, NONE)],
        Action::ExportAs(Format::Xlsx),
        "xlsx (Excel): satu lembar per tabel",
        "xlsx (Excel): one sheet per table",
        hint("xlsx", "xlsx")
    ),
    bind!(
        "h",
        [ch('h')],
        Action::ExportAs(Format::Html),
        "html: satu halaman untuk dibuka di peramban dan dicetak",
        "html: one page to open in a browser and print",
        hint("html", "html")
    ),
    bind!(
        "m",
        [ch('m')],
        Action::ExportAs(Format::Md),
        "md: Markdown, teks biasa",
        "md: Markdown, plain text",
        hint("md", "md")
    ),
    bind!(
        "c",
        [ch('c')],
        Action::ExportAs(Format::Csv),
        "csv: satu berkas per tabel, dalam satu folder",
        "csv: one file per table, in one folder",
        hint("csv", "csv")
    ),
    bind!(
        "Esc",
        [(KeyCode::Esc, NONE), (KeyCode::Char('c'), CTRL)],
        Action::Cancel,
        "batal",
        "cancel",
        hint("batal", "cancel")
    ),
];

pub(super) const RECOVER: [Binding; 2] = [
    bind!(
        "Enter y",
        [(KeyCode::Enter, NONE), ch('y')],
        Action::Reapply,
        "terapkan lagi (belum disimpan; s menyimpan, dan bertanya bila bentrok)",
        "re-apply them (unsaved; s saves, and asks on a conflict)",
        hint("terapkan", "re-apply")
    ),
    bind!(
        "n Esc",
        [ch('n'), (KeyCode::Esc, NONE)],
        Action::SetAside,
        "jangan: simpan berkasnya ke samping (tidak dihapus)",
        "don't: move the file aside (not deleted)",
        hint("ke samping", "aside")
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
