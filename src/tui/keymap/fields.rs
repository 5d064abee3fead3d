//! The keys of the text being typed: a figure in a cell, the search, a form's fields.

use super::common::{CTRL, NONE, SHIFT, ch};
use super::{Binding, Show};
use crate::tui::action::Action;
use ratatui::crossterm::event::KeyCode;
use tui_input::InputRequest;

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

/// The keys every field of a form shares.
macro_rules! form_keys {
    () => {
        [
            bind!(
                "Tab ↓",
                [(KeyCode::Tab, NONE), (KeyCode::Down, NONE)],
                Action::NextField,
                "isian berikutnya",
                "next field",
                hint("berikut", "next")
            ),
            bind!(
                "Shift-Tab ↑",
                [(KeyCode::BackTab, SHIFT), (KeyCode::Up, NONE)],
                Action::PrevField,
                "isian sebelumnya",
                "previous field",
                Help
            ),
            bind!(
                "Enter Ctrl-s",
                [(KeyCode::Enter, NONE), (KeyCode::Char('s'), CTRL)],
                Action::Submit,
                "pakai isian formulir (belum ke berkas: s menyimpan)",
                "accept the form (not yet to the file: s saves)",
                hint("pakai", "ok")
            ),
            CANCEL,
        ]
    };
}

/// A form's line of text: what is typed goes into it (←→ Home End move in the text).
pub(super) const FORM_TEXT: [Binding; 5] = {
    let [a, b, c, d] = form_keys!();
    [
        a,
        b,
        c,
        d,
        bind!(
            "Ctrl-u",
            [(KeyCode::Char('u'), CTRL)],
            Action::Input(InputRequest::DeleteLine),
            "kosongkan isian",
            "clear the field",
            Help
        ),
    ]
};

/// A form's choice: ←/→ or Space turn it.
pub(super) const FORM_CHOICE: [Binding; 6] = {
    let [a, b, c, d] = form_keys!();
    [
        bind!(
            "←→ Spasi",
            [(KeyCode::Left, NONE), ch('h')],
            Action::Left,
            "pilihan sebelumnya / berikutnya",
            "previous / next choice",
            hint("pilih", "choose")
        ),
        bind!(
            "→ Spasi",
            [(KeyCode::Right, NONE), ch('l'), ch(' ')],
            Action::Right,
            "pilihan berikutnya",
            "next choice",
            Hidden
        ),
        a,
        b,
        c,
        d,
    ]
};

/// A form's text of several lines (an explanation, the evidence): Enter is a line break, as in
/// any text box; Ctrl-s accepts the form; ↑ ↓ move by row and leave the field at its ends.
pub(super) const FORM_LINES: [Binding; 10] = [
    bind!(
        "Ctrl-s",
        [(KeyCode::Char('s'), CTRL)],
        Action::Submit,
        "pakai isian formulir (belum ke berkas: s menyimpan)",
        "accept the form (not yet to the file: s saves)",
        hint("pakai", "ok")
    ),
    bind!(
        "Enter",
        [(KeyCode::Enter, NONE)],
        Action::Input(InputRequest::InsertChar('\n')),
        "baris baru",
        "new line",
        hint("baris baru", "new line")
    ),
    bind!(
        "Tab",
        [(KeyCode::Tab, NONE)],
        Action::NextField,
        "isian berikutnya (Shift-Tab: sebelumnya)",
        "next field (Shift-Tab: previous)",
        hint("berikut", "next")
    ),
    bind!(
        "Shift-Tab",
        [(KeyCode::BackTab, SHIFT)],
        Action::PrevField,
        "isian sebelumnya",
        "previous field",
        Hidden
    ),
    CANCEL,
    bind!(
        "↑↓",
        [(KeyCode::Up, NONE)],
        Action::Up,
        "baris naik / turun (di ujung: isian sebelum / sesudahnya)",
        "row up / down (at the ends: the field before / after)",
        Help
    ),
    bind!(
        "↓",
        [(KeyCode::Down, NONE)],
        Action::Down,
        "baris turun",
        "row down",
        Hidden
    ),
    bind!(
        "Home End",
        [(KeyCode::Home, NONE)],
        Action::Home,
        "awal / akhir baris",
        "start / end of the row",
        Help
    ),
    bind!(
        "End",
        [(KeyCode::End, NONE)],
        Action::End,
        "akhir baris",
        "end of the row",
        Hidden
    ),
    bind!(
        "Ctrl-u",
        [(KeyCode::Char('u'), CTRL)],
        Action::Input(InputRequest::DeleteLine),
        "kosongkan isian",
        "clear the field",
        Help
    ),
];
