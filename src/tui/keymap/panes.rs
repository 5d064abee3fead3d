//! The keys of the panes: the tree (with the changes of the tree itself), the detail (with
//! the node's indicators and budget) and the dashboard.

use super::common::{NONE, SHIFT, ch};
use super::{Binding, Show};
use crate::tui::action::Action;
use ratatui::crossterm::event::KeyCode;

pub(super) const TREE: &[Binding] = &[
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
    bind!(
        "a",
        [ch('a')],
        Action::AddChild,
        "tambah anak (tingkat berikutnya; di pohon kosong: akar)",
        "add a child (the next level; on an empty tree: a root)",
        extra("tambah", "add")
    ),
    bind!(
        "A",
        [(KeyCode::Char('A'), SHIFT)],
        Action::AddSibling,
        "tambah saudara sesudahnya",
        "add a sibling after it",
        Help
    ),
    bind!(
        "R",
        [(KeyCode::Char('R'), SHIFT)],
        Action::Rename,
        "ganti nama",
        "rename",
        Help
    ),
    bind!(
        "c",
        [ch('c')],
        Action::Recode,
        "ganti kode (node di bawahnya mengikuti)",
        "change the code (the nodes below follow)",
        Help
    ),
    bind!(
        "K J",
        [(KeyCode::Char('K'), SHIFT)],
        Action::MoveUp,
        "pindah satu tempat naik / turun di antara saudaranya",
        "move one place up / down among its siblings",
        Help
    ),
    bind!(
        "J",
        [(KeyCode::Char('J'), SHIFT)],
        Action::MoveDown,
        "pindah satu tempat turun",
        "move one place down",
        Hidden
    ),
    bind!(
        "m",
        [ch('m')],
        Action::MoveUnder,
        "pindah ke bawah induk lain (cari kode atau nama)",
        "move under another parent (by code or name)",
        Help
    ),
    bind!(
        "D Del",
        [(KeyCode::Char('D'), SHIFT), (KeyCode::Delete, NONE)],
        Action::Delete,
        "hapus node (ditanya dulu; bisa diurungkan)",
        "remove the node (asks first; undoable)",
        Help
    ),
    bind!(
        "b",
        [ch('b')],
        Action::Budget,
        "anggaran: pagu, pagu murni, sumber dana",
        "budget: pagu, original pagu, source of funds",
        Help
    ),
    bind!(
        "p",
        [ch('p')],
        Action::AssignOfficer,
        "penanggung jawab node",
        "the node's responsible officer",
        Help
    ),
    bind!(
        "I",
        [(KeyCode::Char('I'), SHIFT)],
        Action::Import,
        "impor berkas xlsx/csv (E-81, LRA, templat), pratinjau dulu",
        "import an xlsx/csv file (E-81, LRA, template), previewed first",
        Help
    ),
];

pub(super) const DETAIL: &[Binding] = &[
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
    bind!(
        "a",
        [ch('a')],
        Action::AddIndicator,
        "tambah indikator",
        "add an indicator",
        extra("indikator", "indicator")
    ),
    bind!(
        "c",
        [ch('c')],
        Action::Note,
        "catatan: penjelasan triwulan terpilih (penghambat, tindak lanjut, pendorong, bukti dukung)",
        "note: the selected quarter's explanation (obstacles, follow-up, drivers, evidence)",
        extra("penjelasan", "explain")
    ),
    bind!(
        "i",
        [ch('i')],
        Action::EditIndicator,
        "ubah indikator: nama, satuan, polaritas, agregasi, target, PK, rencana, Renstra, penanggung jawab",
        "edit the indicator: name, unit, polarity, aggregation, target, PK, plan, Renstra, responsible",
        Help
    ),
    bind!(
        "D Del",
        [(KeyCode::Char('D'), SHIFT), (KeyCode::Delete, NONE)],
        Action::Delete,
        "hapus indikator (ditanya dulu; bisa diurungkan)",
        "remove the indicator (asks first; undoable)",
        Help
    ),
    bind!(
        "b",
        [ch('b')],
        Action::Budget,
        "anggaran: pagu, pagu murni, sumber dana",
        "budget: pagu, original pagu, source of funds",
        Help
    ),
    bind!(
        "p",
        [ch('p')],
        Action::AssignOfficer,
        "penanggung jawab node",
        "the node's responsible officer",
        Help
    ),
    bind!(
        "I",
        [(KeyCode::Char('I'), SHIFT)],
        Action::Import,
        "impor berkas xlsx/csv (E-81, LRA, templat), pratinjau dulu",
        "import an xlsx/csv file (E-81, LRA, template), previewed first",
        Help
    ),
];

pub(super) const DASHBOARD: &[Binding] = &[
    bind!(
        "Enter",
        [(KeyCode::Enter, NONE)],
        Action::Jump,
        "buka di pohon",
        "open in tree",
        hint("buka", "open")
    ),
    bind!(
        "c",
        [ch('c')],
        Action::Note,
        "catatan: penjelasan indikator terpilih untuk triwulan ini",
        "note: the selected indicator's explanation for this quarter",
        extra("penjelasan", "explain")
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
