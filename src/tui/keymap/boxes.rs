//! The keys of the boxes over the panes: help and the journal (scrolling), the questions
//! (quit, export, recovery, a delete), the conflicts, the officers' list and an import's
//! preview.

use super::common::{CTRL, NONE, SHIFT, ch};
use super::{Binding, Show};
use crate::export::Format;
use crate::tui::action::Action;
use ratatui::crossterm::event::KeyCode;

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

/// An import's preview: apply it (read again first), or leave it.
pub(super) const IMPORT_PREVIEW: [Binding; 9] = {
    let [a, b, c, d, e, f] = scroll_keys!();
    [
        bind!(
            "Enter y",
            [(KeyCode::Enter, NONE), ch('y')],
            Action::Confirm,
            "terapkan: berkas dibaca lagi, perubahannya menjadi perubahan belum disimpan (s menyimpan, u mengurungkan); ditolak bila ada masalah",
            "apply: the file is read again, its changes become unsaved changes (s saves, u undoes); refused when there are problems",
            hint("terapkan", "apply")
        ),
        bind!(
            "Esc n",
            [(KeyCode::Esc, NONE), ch('n'), (KeyCode::Char('c'), CTRL)],
            Action::Cancel,
            "batal: tidak ada yang berubah",
            "cancel: nothing changes",
            hint("batal", "cancel")
        ),
        bind!(
            "a",
            [ch('a')],
            Action::ShowAll,
            "semua node / hanya yang berubah",
            "every node / only those that change",
            hint("semua", "all")
        ),
        a,
        b,
        c,
        d,
        e,
        f,
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
        "xlsx (Excel): ringkasan, lalu satu lembar per tabel",
        "xlsx (Excel): the summary, then one sheet per table",
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

/// `X`: the meeting pack is a page to read and print, so HTML first.
pub(super) const PACK: [Binding; 3] = [
    bind!(
        "h Enter",
        [ch('h'), (KeyCode::Enter, NONE)],
        Action::PackAs(Format::Html),
        "html: satu halaman A4 untuk dibuka di peramban dan dicetak",
        "html: one A4 page to open in a browser and print",
        hint("html", "html")
    ),
    bind!(
        "m",
        [ch('m')],
        Action::PackAs(Format::Md),
        "md: Markdown, teks biasa",
        "md: Markdown, plain text",
        hint("md", "md")
    ),
    bind!(
        "Esc q",
        [(KeyCode::Esc, NONE), ch('q'), (KeyCode::Char('c'), CTRL)],
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
        "pakai milik saya (angka atau teks penjelasan)",
        "keep mine (the figure or the explanation's text)",
        hint("punya saya", "mine")
    ),
    bind!(
        "a",
        [ch('a')],
        Action::TakeTheirs,
        "ambil yang di berkas",
        "take the one on file",
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

/// A change of the tree that no longer fits the file: drop it, or leave it for later.
pub(super) const CONFLICT_CHANGE: [Binding; 2] = [
    bind!(
        "d",
        [ch('d'), (KeyCode::Char('D'), SHIFT)],
        Action::DropMine,
        "buang perubahan saya (dilepas dari layar)",
        "drop my change (taken off the screen)",
        hint("buang milik saya", "drop mine")
    ),
    bind!(
        "Esc",
        [(KeyCode::Esc, NONE)],
        Action::Cancel,
        "nanti (tetap di memori, tidak tampil; ditanya lagi saat menyimpan)",
        "later (kept in memory, not shown; asked again when saving)",
        hint("nanti", "later")
    ),
];

/// Before a removal: yes or no.
pub(super) const QUESTION: [Binding; 2] = [
    bind!(
        "y Enter",
        [ch('y'), (KeyCode::Enter, NONE)],
        Action::Confirm,
        "ya, hapus (bisa diurungkan dengan u)",
        "yes, remove (undo with u)",
        hint("hapus", "remove")
    ),
    bind!(
        "n Esc",
        [ch('n'), (KeyCode::Esc, NONE), (KeyCode::Char('c'), CTRL)],
        Action::Cancel,
        "jangan",
        "no",
        hint("batal", "cancel")
    ),
];

/// The officers' list.
pub(super) const OFFICERS: [Binding; 7] = [
    bind!(
        "↑↓ jk",
        [(KeyCode::Up, NONE), ch('k')],
        Action::Up,
        "pilih pejabat",
        "pick an officer",
        Help
    ),
    bind!(
        "↓ j",
        [(KeyCode::Down, NONE), ch('j')],
        Action::Down,
        "pejabat berikutnya",
        "next officer",
        Hidden
    ),
    bind!(
        "a",
        [ch('a')],
        Action::AddOfficer,
        "tambah pejabat",
        "add an officer",
        hint("tambah", "add")
    ),
    bind!(
        "e Enter",
        [ch('e'), (KeyCode::Enter, NONE)],
        Action::Edit,
        "ubah nama, NIP, jabatan",
        "edit name, NIP, position",
        hint("ubah", "edit")
    ),
    bind!(
        "D Del",
        [(KeyCode::Char('D'), SHIFT), (KeyCode::Delete, NONE)],
        Action::Delete,
        "hapus (yang masih bertanggung jawab: pilih penggantinya)",
        "remove (one still responsible: pick who takes over)",
        hint("hapus", "remove")
    ),
    bind!(
        "Esc q",
        [(KeyCode::Esc, NONE), ch('q'), (KeyCode::Char('P'), SHIFT)],
        Action::Cancel,
        "tutup",
        "close",
        hint("tutup", "close")
    ),
    bind!(
        "Ctrl-c",
        [(KeyCode::Char('c'), CTRL)],
        Action::Quit,
        "keluar (ditanya bila belum disimpan)",
        "quit (asks if unsaved)",
        Hidden
    ),
];
