//! Every key that changes the tree and every form, on the Sooko sample through the real key
//! tables (issue 12): each accepted (the workspace changed as the command line would change
//! it), refused with the reason shown in the form (nothing changed), cancelled (nothing
//! changed, nothing unsaved); each change undone and redone. And attacks on the forms: a
//! line break or an escape pasted into a field, a 10 000-character name, Tab storms, a resize
//! in the middle, the smallest screen.

#[path = "support/keys.rs"]
mod keys;
#[path = "support/screen.rs"]
mod screen;

use keys::{ctrl, press, shift, type_text};
use kinerja::locale::Lang;
use kinerja::model::{Aggregation, Field, NodeKind, Polarity, Quarter, Workspace};
use kinerja::tui::{App, Mode};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::dec;
use screen::{go_to, message, sample_app, screen};

fn fill(app: &mut App, text: &str) {
    ctrl(app, 'u');
    type_text(app, text);
}

fn tab(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, &[KeyCode::Tab]);
    }
}

fn in_form(app: &App) -> bool {
    matches!(app.mode(), Mode::Form(_))
}

/// Undo, then redo: the workspace goes back to `before` and forward to `after`.
fn undo_redo(app: &mut App, before: &Workspace, after: &Workspace, what: &str) {
    press(app, &[KeyCode::Char('u')]);
    assert!(
        app.ws() == before,
        "{what}: undone, as before ({})",
        message(app)
    );
    if let Some(d) = app.self_check() {
        panic!("{what} undone: {d}");
    }
    ctrl(app, 'r');
    assert!(app.ws() == after, "{what}: redone ({})", message(app));
    if let Some(d) = app.self_check() {
        panic!("{what} redone: {d}");
    }
}

/// Esc leaves a form: nothing changed, nothing unsaved.
fn cancelled(app: &mut App, before: &Workspace) {
    press(app, &[KeyCode::Esc]);
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(app.ws() == before, "cancelled: nothing changed");
    assert!(!app.is_dirty(), "cancelled: nothing unsaved");
    assert!(message(app).contains("Batal"), "{}", message(app));
}

#[test]
fn a_adds_a_child_its_level_following_the_parent_with_the_next_free_kode() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('a')]);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Tambah di bawah 7.01.06.2.01"), "{text}");
    assert!(text.contains("Tingkat  ← Sub Kegiatan →"), "{text}");
    // 7.01.06.2.01 has .02, .09, .11, .12: the next after the highest.
    assert!(text.contains("Kode     7.01.06.2.01.13"), "{text}");
    assert!(text.contains("bentuk <kegiatan>.XX"), "{text}");
    cancelled(&mut app, &before);

    // Refused: a kode that does not extend the parent's, and an empty name, each said under
    // its field; Enter changes nothing.
    press(&mut app, &[KeyCode::Char('a')]);
    tab(&mut app, 1);
    fill(&mut app, "7.01.02.2.04.05");
    press(&mut app, &[KeyCode::Enter]);
    assert!(in_form(&app), "refused: the form stays");
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("✗ kode «7.01.02.2.04.05» harus melanjutkan kode induknya"),
        "{text}"
    );
    assert!(text.contains("✗ nama kosong"), "{text}");
    assert!(app.ws() == &before);
    // Taken.
    fill(&mut app, "7.01.06.2.01.09");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("sudah dipakai node lain"), "{text}");

    // Accepted.
    fill(&mut app, "7.01.06.2.01.13");
    tab(&mut app, 1);
    fill(&mut app, "  Sub kegiatan baru  ");
    press(&mut app, &[KeyCode::Enter]);
    assert!(!in_form(&app), "{}", screen(&mut app, 80, 24));
    let node = app.ws().node("7.01.06.2.01.13").expect("added");
    assert_eq!(node.jenis, NodeKind::SubKegiatan);
    assert_eq!(node.nama, "Sub kegiatan baru", "spaces around trimmed");
    assert_eq!(app.selected_row().unwrap().kode, "7.01.06.2.01.13");
    let parent = app.ws().node("7.01.06.2.01").unwrap();
    assert_eq!(
        parent.anak.last().unwrap().kode,
        "7.01.06.2.01.13",
        "the last child"
    );
    assert!(app.is_dirty());
    let after = app.ws().clone();
    undo_redo(&mut app, &before, &after, "add child");
    press(&mut app, &[KeyCode::Char('u')]);
    assert!(!app.is_dirty(), "undone back to the file: nothing unsaved");
}

#[test]
fn a_level_other_than_the_next_can_be_picked_and_the_kode_follows_it() {
    let mut app = sample_app(Lang::Id);
    go_to(&mut app, "TUJUAN-1");
    press(&mut app, &[KeyCode::Char('a')]);
    assert!(screen(&mut app, 80, 24).contains("Kode     SASARAN-3"));
    // A tujuan may hold a program directly (a sasaran skipped).
    press(&mut app, &[KeyCode::Right]);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("← Program →"), "{text}");
    // The next program of the urusan and bidang of the nearest program.
    assert!(text.contains("Kode     7.01.07"), "{text}");
    tab(&mut app, 2);
    type_text(&mut app, "Program baru");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.ws().node("7.01.07").unwrap().jenis, NodeKind::Program);
    // Below a sub kegiatan nothing can go.
    go_to(&mut app, "7.01.06.2.01.09");
    press(&mut app, &[KeyCode::Char('a')]);
    assert!(matches!(app.mode(), Mode::Browse));
    assert!(
        message(&app).contains("tingkat terendah"),
        "{}",
        message(&app)
    );
}

#[test]
fn shift_a_adds_a_sibling_right_after_the_node() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06.2.01.09");
    shift(&mut app, 'A');
    tab(&mut app, 1);
    fill(&mut app, "7.01.06.2.01.10");
    tab(&mut app, 1);
    type_text(&mut app, "Saudara");
    press(&mut app, &[KeyCode::Enter]);
    let kids: Vec<&str> = app
        .ws()
        .node("7.01.06.2.01")
        .unwrap()
        .anak
        .iter()
        .map(|n| n.kode.as_str())
        .collect();
    assert_eq!(
        kids,
        [
            "7.01.06.2.01.02",
            "7.01.06.2.01.09",
            "7.01.06.2.01.10",
            "7.01.06.2.01.11",
            "7.01.06.2.01.12"
        ]
    );
    let after = app.ws().clone();
    undo_redo(&mut app, &before, &after, "add sibling");
}

#[test]
fn shift_r_renames_and_refuses_an_empty_name() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06");
    shift(&mut app, 'R');
    assert!(screen(&mut app, 80, 24).contains("Ganti nama Program 7.01.06"));
    cancelled(&mut app, &before);
    shift(&mut app, 'R');
    ctrl(&mut app, 'u');
    press(&mut app, &[KeyCode::Enter]);
    assert!(in_form(&app));
    assert!(screen(&mut app, 80, 24).contains("✗ nama kosong"));
    type_text(&mut app, "Program Desa");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.ws().node("7.01.06").unwrap().nama, "Program Desa");
    // The row and the dashboard's program follow.
    assert!(screen(&mut app, 80, 24).contains("7.01.06 Program Desa"));
    let after = app.ws().clone();
    undo_redo(&mut app, &before, &after, "rename");
}

#[test]
fn c_changes_the_kode_and_the_nodes_below_follow() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('c')]);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("kode sekarang"), "{text}");
    fill(&mut app, "7.01.06.2.03");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("4 node di"), "{text}");
    // Not the shape of a kegiatan under 7.01.06.
    fill(&mut app, "7.01.06.3");
    press(&mut app, &[KeyCode::Enter]);
    assert!(in_form(&app));
    assert!(screen(&mut app, 80, 24).contains("harus melanjutkan kode induknya"));
    fill(&mut app, "7.01.06.2.03");
    press(&mut app, &[KeyCode::Enter]);
    assert!(!in_form(&app), "{}", screen(&mut app, 80, 24));
    assert!(app.ws().node("7.01.06.2.01").is_none());
    assert!(
        app.ws().node("7.01.06.2.03.09").is_some(),
        "the children follow"
    );
    assert_eq!(app.selected_row().unwrap().kode, "7.01.06.2.03");
    let after = app.ws().clone();
    undo_redo(&mut app, &before, &after, "recode");
}

#[test]
fn shift_k_and_shift_j_move_among_siblings() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06.2.01.02");
    shift(&mut app, 'K');
    assert!(
        message(&app).contains("sudah paling atas"),
        "{}",
        message(&app)
    );
    assert!(app.ws() == &before);
    shift(&mut app, 'J');
    let kids: Vec<&str> = app.ws().node("7.01.06.2.01").unwrap().anak[..2]
        .iter()
        .map(|n| n.kode.as_str())
        .collect();
    assert_eq!(kids, ["7.01.06.2.01.09", "7.01.06.2.01.02"]);
    assert_eq!(
        app.selected_row().unwrap().kode,
        "7.01.06.2.01.02",
        "stays on it"
    );
    let after = app.ws().clone();
    undo_redo(&mut app, &before, &after, "move down");
}

#[test]
fn m_moves_under_another_parent_by_kode_or_by_name() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06.2.01.09");
    press(&mut app, &[KeyCode::Char('m')]);
    // By name: part of it, one match.
    type_text(&mut app, "dilimpahkan");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("→ Kegiatan 7.01.02.2.04"), "{text}");
    tab(&mut app, 1);
    // A sub kegiatan's code must extend its new parent's.
    press(&mut app, &[KeyCode::Enter]);
    assert!(in_form(&app));
    assert!(screen(&mut app, 80, 24).contains("kode baru wajib"));
    fill(&mut app, "7.01.02.2.04.09");
    press(&mut app, &[KeyCode::Enter]);
    assert!(!in_form(&app), "{}", screen(&mut app, 80, 24));
    let parent = app.ws().node("7.01.02.2.04").unwrap();
    assert_eq!(parent.anak.last().unwrap().kode, "7.01.02.2.04.09");
    assert!(app.ws().node("7.01.06.2.01.09").is_none());
    let after = app.ws().clone();
    undo_redo(&mut app, &before, &after, "move under");

    // Refused: under a level it cannot sit under, and under itself.
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('m')]);
    type_text(&mut app, "SASARAN-1");
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("Kegiatan «7.01.06.2.01» tidak dapat berada di"),
        "{text}"
    );
    fill(&mut app, "7.01.06.2.01.02");
    assert!(screen(&mut app, 80, 24).contains("tidak dapat dipindah ke bawah dirinya sendiri"));
    // Several names match: the codes are listed.
    fill(&mut app, "pelaksanaan");
    assert!(screen(&mut app, 80, 24).contains("cocok; ketik kodenya"));
    press(&mut app, &[KeyCode::Esc]);
}

#[test]
fn shift_d_asks_what_goes_with_a_node_and_removes_it_undoably() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06.2.01");
    shift(&mut app, 'D');
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Hapus Kegiatan 7.01.06.2.01?"), "{text}");
    // 4 sub kegiatan, 5 indicators; the figures and Rupiah as the sample holds them.
    assert!(
        text.contains("Ikut terhapus: 4 node di bawahnya, 5 indikator"),
        "{text}"
    );
    assert!(text.contains("terealisasi"), "{text}");
    press(&mut app, &[KeyCode::Char('n')]);
    assert!(app.ws() == &before, "no: nothing removed");
    press(&mut app, &[KeyCode::Delete]);
    press(&mut app, &[KeyCode::Char('y')]);
    assert!(app.ws().node("7.01.06.2.01").is_none());
    assert!(app.ws().node("7.01.06.2.01.09").is_none());
    assert_eq!(
        app.selected_row().unwrap().kode,
        "7.01.06",
        "the parent selected"
    );
    assert!(
        message(&app).contains("u mengurungkan"),
        "{}",
        message(&app)
    );
    let after = app.ws().clone();
    undo_redo(&mut app, &before, &after, "remove node");
}

#[test]
fn indicators_are_added_edited_and_removed_in_the_detail() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06.2.01.09");
    press(&mut app, &[KeyCode::Tab, KeyCode::Char('a')]);
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("Indikator baru pada Sub Kegiatan 7.01.06.2.01.09"),
        "{text}"
    );
    cancelled(&mut app, &before);
    // Esc left the form; the detail still has the keys.
    press(&mut app, &[KeyCode::Char('a')]);
    type_text(&mut app, "Persentase desa tertib");
    tab(&mut app, 1);
    type_text(&mut app, "%");
    tab(&mut app, 1);
    press(&mut app, &[KeyCode::Right]); // negatif
    tab(&mut app, 1);
    press(&mut app, &[KeyCode::Left]); // rata_rata
    tab(&mut app, 1);
    // A percentage typed the English way is ambiguous here too.
    type_text(&mut app, "70.850");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("ambigu"), "{text}");
    press(&mut app, &[KeyCode::Enter]);
    assert!(in_form(&app), "refused");
    fill(&mut app, "80");
    press(&mut app, &[KeyCode::Enter]);
    assert!(!in_form(&app), "{}", screen(&mut app, 80, 24));
    let node = app.ws().node("7.01.06.2.01.09").unwrap();
    let ind = &node.indikator[1];
    assert_eq!(ind.nama, "Persentase desa tertib");
    assert_eq!(ind.polaritas, Polarity::Negatif);
    assert_eq!(ind.agregasi, Aggregation::RataRata);
    assert_eq!(ind.target, Some(dec!(80)));
    assert_eq!(app.cell().0, 1, "the cursor on the new indicator");
    // Said by its place, never by its internal id.
    let said = message(&app);
    assert!(
        !said.contains("(id ") && said.contains("«Persentase desa tertib» (%) ditambah"),
        "{said}"
    );
    let added = app.ws().clone();
    undo_redo(&mut app, &before, &added, "add indicator");

    // Edit it: its unit, its plan for TW II.
    press(&mut app, &[KeyCode::Char('i')]);
    tab(&mut app, 1);
    fill(&mut app, "persen");
    tab(&mut app, 7); // past polaritas, agregasi, target, PK ×2, TW I to TW II
    type_text(&mut app, "40");
    press(&mut app, &[KeyCode::Enter]);
    let node = app.ws().node("7.01.06.2.01.09").unwrap();
    assert_eq!(node.indikator[1].satuan, "persen");
    assert_eq!(node.indikator[1].rencana[1], Some(dec!(40)));
    let edited = app.ws().clone();
    // One step: both undone together.
    undo_redo(&mut app, &added, &edited, "edit indicator");

    // Remove it: asked first, with what goes.
    shift(&mut app, 'D');
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("Hapus indikator 2 pada Sub Kegiatan 7.01.06.2.01.09?"),
        "{text}"
    );
    assert!(
        text.contains("Ikut terhapus: 1 indikator, 2 angka terisi"),
        "{text}"
    );
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.ws().node("7.01.06.2.01.09").unwrap().indikator.len(), 1);
    let removed = app.ws().clone();
    undo_redo(&mut app, &edited, &removed, "remove indicator");
}

#[test]
fn b_gives_a_budget_created_when_first_given_and_refuses_what_the_rules_refuse() {
    let mut app = sample_app(Lang::Id);
    // A new sub kegiatan has no budget yet.
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('a')]);
    tab(&mut app, 2);
    type_text(&mut app, "Tanpa anggaran");
    press(&mut app, &[KeyCode::Enter]);
    let kode = app.selected_row().unwrap().kode.clone();
    assert!(app.ws().node(&kode).unwrap().anggaran.is_none());
    let before = app.ws().clone();
    press(&mut app, &[KeyCode::Char('b')]);
    type_text(&mut app, "Rp 12.500.000,50");
    tab(&mut app, 2);
    type_text(&mut app, "APBD");
    press(&mut app, &[KeyCode::Enter]);
    assert!(!in_form(&app), "{}", screen(&mut app, 80, 24));
    let b = app
        .ws()
        .node(&kode)
        .unwrap()
        .anggaran
        .clone()
        .expect("created");
    assert_eq!(b.pagu, Some(dec!(12500000.50)));
    assert_eq!(b.sumber_dana, "APBD");
    let after = app.ws().clone();
    undo_redo(&mut app, &before, &after, "budget");
    // Three decimals of Rupiah: refused under the field.
    press(&mut app, &[KeyCode::Char('b')]);
    fill(&mut app, "1,505");
    press(&mut app, &[KeyCode::Enter]);
    assert!(in_form(&app));
    press(&mut app, &[KeyCode::Esc]);
    // A kegiatan's pagu is its children's sum: typed on them.
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('b')]);
    fill(&mut app, "1");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("jumlah pagu anak-anaknya"), "{text}");
    press(&mut app, &[KeyCode::Enter]);
    assert!(in_form(&app));
    press(&mut app, &[KeyCode::Esc]);
    // Above Program there is no budget.
    go_to(&mut app, "SASARAN-1");
    press(&mut app, &[KeyCode::Char('b')]);
    assert!(
        message(&app).contains("tidak punya anggaran"),
        "{}",
        message(&app)
    );
}

#[test]
fn officers_are_added_edited_assigned_and_removed_with_who_takes_over() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    shift(&mut app, 'P');
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Pejabat (8)"), "{text}");
    // A new one: the id's shape checked, a taken id refused.
    press(&mut app, &[KeyCode::Char('a')]);
    type_text(&mut app, "Sekcam");
    assert!(screen(&mut app, 80, 24).contains("hanya huruf kecil"));
    fill(&mut app, "camat");
    assert!(screen(&mut app, 80, 24).contains("id sudah dipakai"));
    fill(&mut app, "sekcam");
    tab(&mut app, 1);
    type_text(&mut app, "BUDI SANTOSO");
    tab(&mut app, 1);
    type_text(&mut app, "1234");
    assert!(screen(&mut app, 80, 24).contains("NIP harus 18 angka"));
    fill(&mut app, "");
    tab(&mut app, 1);
    type_text(&mut app, "Sekretaris Kecamatan");
    press(&mut app, &[KeyCode::Enter]);
    assert!(matches!(app.mode(), Mode::Officers(_)), "back to the list");
    assert_eq!(app.ws().pejabat.last().unwrap().id, "sekcam");
    press(&mut app, &[KeyCode::Esc]);
    let added = app.ws().clone();
    undo_redo(&mut app, &before, &added, "add officer");

    // Assigned to a node with p.
    go_to(&mut app, "7.01.06");
    press(&mut app, &[KeyCode::Char('p')]);
    // The last officer: one step to the left of "—" wraps round to it.
    press(&mut app, &[KeyCode::Left, KeyCode::Enter]);
    assert_eq!(
        app.ws().node("7.01.06").unwrap().pejabat.as_deref(),
        Some("sekcam")
    );

    // Removing one still responsible asks who takes over.
    shift(&mut app, 'P');
    for _ in 0..8 {
        press(&mut app, &[KeyCode::Down]);
    }
    shift(&mut app, 'D');
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Hapus pejabat «BUDI SANTOSO»"), "{text}");
    assert!(
        text.contains("1 node/indikator masih menyebutnya"),
        "{text}"
    );
    press(&mut app, &[KeyCode::Right, KeyCode::Enter]);
    assert!(app.ws().officer("sekcam").is_none());
    assert_eq!(
        app.ws().node("7.01.06").unwrap().pejabat.as_deref(),
        Some("camat")
    );
    assert!(matches!(app.mode(), Mode::Officers(_)));
    press(&mut app, &[KeyCode::Esc]);
    // Undone: the officer and the assignment back (one step).
    press(&mut app, &[KeyCode::Char('u')]);
    assert_eq!(
        app.ws().node("7.01.06").unwrap().pejabat.as_deref(),
        Some("sekcam")
    );
    assert!(app.ws().officer("sekcam").is_some());
}

#[test]
fn pasted_line_breaks_escapes_and_huge_names_are_refused_in_the_field_and_shown_safe() {
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('a')]);
    tab(&mut app, 1);
    app.paste("\n7.01.06.2.01.20\n");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("berisi spasi,"), "{text}");
    fill(&mut app, "7.01.06.2.01.20");
    tab(&mut app, 1);
    app.paste("Nama \u{1b}[31mmerah\u{1b}[0m");
    let text = screen(&mut app, 80, 24);
    assert!(!text.contains('\u{1b}'), "no escape reaches the screen");
    assert!(text.contains("\\u{1b}[31m"), "{text}");
    assert!(
        text.contains("berisi baris baru, tab, karakter kendali"),
        "{text}"
    );
    press(&mut app, &[KeyCode::Enter]);
    assert!(in_form(&app), "refused");
    // A right-to-left override (the name would read «Nama lapor» backwards from there on) and
    // a zero width space (a name looking like another): refused as the escapes are.
    for hidden in ["Nama \u{202e}rodal", "Nama\u{200b} lapor"] {
        ctrl(&mut app, 'u');
        app.paste(hidden);
        let text = screen(&mut app, 80, 24);
        assert!(
            text.contains("tak terlihat (arah teks, lebar nol)"),
            "{hidden:?}: {text}"
        );
        press(&mut app, &[KeyCode::Enter]);
        assert!(in_form(&app), "{hidden:?} refused");
    }
    ctrl(&mut app, 'u');
    app.paste(&"x".repeat(10_000));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("nama lebih dari 500 karakter"), "{text}");
    let text = screen(&mut app, 60, 16);
    assert!(text.contains("lebih dari 500"), "{text}");
    press(&mut app, &[KeyCode::Enter]);
    assert!(in_form(&app));
    // A storm of Tabs goes round and round.
    for _ in 0..1001 {
        press(&mut app, &[KeyCode::Tab]);
    }
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.ws() == &before, "nothing changed");
}

#[test]
fn the_indicator_form_fits_60x16_and_80x24_scrolling_to_the_field_typed_in() {
    let mut app = sample_app(Lang::En);
    go_to(&mut app, "7.01.06.2.01.09");
    press(&mut app, &[KeyCode::Tab, KeyCode::Char('i')]);
    let text = screen(&mut app, 60, 16);
    assert!(
        text.contains("Indicator 1 of Sub-activity 7.01.06.2.01.09"),
        "{text}"
    );
    assert!(text.contains("Name"), "{text}");
    // Down to the officer, the last field: in view, and the box says where it is.
    press(&mut app, &[KeyCode::BackTab]);
    let text = screen(&mut app, 60, 16);
    assert!(text.contains("Responsible"), "{text}");
    assert!(text.contains("/ 19"), "{text}");
    // Resized in the middle: still there.
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Responsible"), "{text}");
    for line in screen(&mut app, 60, 16).lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 60, "{line}");
    }
    press(&mut app, &[KeyCode::Esc]);
}

#[test]
fn a_figure_typed_into_a_new_node_is_kept_along_its_recode_and_removal_undone() {
    // The unsaved list: a node added, a figure into it, recoded, removed, all undone — back to
    // the file, nothing unsaved; and each redo brings its figure back.
    let mut app = sample_app(Lang::Id);
    let before = app.ws().clone();
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('a')]);
    tab(&mut app, 2);
    type_text(&mut app, "Baru");
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &[KeyCode::Tab, KeyCode::Char('a')]);
    type_text(&mut app, "Jumlah");
    tab(&mut app, 1);
    type_text(&mut app, "dokumen");
    tab(&mut app, 3);
    type_text(&mut app, "10");
    press(&mut app, &[KeyCode::Enter]);
    app.set_figure(
        "7.01.06.2.01.13",
        Field::Realisasi(0, Quarter::I),
        Some(dec!(3)),
    );
    press(&mut app, &[KeyCode::Esc, KeyCode::Char('c')]);
    fill(&mut app, "7.01.06.2.01.14");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(
        app.value("7.01.06.2.01.14", Field::Realisasi(0, Quarter::I)),
        Some(dec!(3))
    );
    shift(&mut app, 'D');
    press(&mut app, &[KeyCode::Char('y')]);
    while app.can_undo() {
        press(&mut app, &[KeyCode::Char('u')]);
    }
    assert!(app.ws() == &before);
    assert!(!app.is_dirty());
    for _ in 0..4 {
        ctrl(&mut app, 'r');
    }
    assert_eq!(
        app.value("7.01.06.2.01.14", Field::Realisasi(0, Quarter::I)),
        Some(dec!(3))
    );
    assert!(app.self_check().is_none());
}

#[test]
fn a_form_box_has_a_blank_column_on_each_side_at_80_columns() {
    // Found in the walk: a pane's last letter or border glued to the box's edge (`┐g`) read
    // as part of the form. The box is 78 wide at 80 columns: columns 0 and 79 stay blank on
    // its rows.
    let mut app = sample_app(Lang::Id);
    go_to(&mut app, "7.01.06.2.01");
    press(&mut app, &[KeyCode::Char('a')]);
    let text = screen(&mut app, 80, 24);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains('│') || l.contains('┌') || l.contains('└'))
        .filter(|l| {
            l.contains("Tambah di bawah")
                || l.chars().nth(1) == Some('│')
                || l.chars().nth(1) == Some('└')
        })
        .collect();
    assert!(rows.len() >= 4, "{text}");
    for row in rows {
        let chars: Vec<char> = row.chars().collect();
        assert_eq!(chars[0], ' ', "left of the box: {row:?}\n{text}");
        assert!(
            chars.len() <= 79 || chars[79] == ' ',
            "right of the box: {row:?}\n{text}"
        );
    }
}
