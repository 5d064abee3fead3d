//! The keys shared by the panes: movement, and the commands that work in every pane.

use super::{Binding, Show};
use crate::model::Quarter;
use crate::tui::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

pub(super) const NONE: KeyModifiers = KeyModifiers::NONE;
pub(super) const CTRL: KeyModifiers = KeyModifiers::CONTROL;
pub(super) const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

pub(super) const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

pub(super) const MOVE: &[Binding] = &[
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

pub(super) const COMMON: &[Binding] = &[
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
        "X",
        [(KeyCode::Char('X'), SHIFT)],
        Action::Pack,
        "bahan rapat: merah dan belum dijelaskan, html atau md",
        "meeting pack: red and unexplained, html or md",
        extra("rapat", "meeting")
    ),
    bind!(
        "V",
        [(KeyCode::Char('V'), SHIFT)],
        Action::Lock,
        "kunci triwulan terpilih (verifikasi) / buka kuncinya dengan alasan",
        "lock the selected quarter (verified) / unlock it with a reason",
        Help
    ),
    bind!(
        "P",
        [(KeyCode::Char('P'), SHIFT)],
        Action::Officers,
        "daftar pejabat: tambah, ubah, hapus",
        "the officers: add, edit, remove",
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
