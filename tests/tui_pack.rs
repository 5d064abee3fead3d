//! Issue 14's meeting pack from the interface (`X`), driven through the real key tables on the
//! Sooko sample: the format asked (html by default), the pack written on the worker into the
//! export folder as `x` writes, never over an earlier file, unsaved changes in it and said so,
//! where it went on the message line; the explanation of IP ASN typed in the form is in the
//! page and Nilai RB is marked unexplained. Both languages; the key in help and the footer.
//!
//! The sample at TW IV: IP ASN (7.01.01.2.05, 94,47 %) and realisasi anggaran (7.01.01.2.02,
//! 96,64 %) red; Nilai Reformasi Birokrasi (SASARAN-2, target 85) due and not entered.

#[path = "support/keys.rs"]
mod keys;
#[path = "support/screen.rs"]
mod screen;

use keys::{ctrl, press, shift, type_text};
use kinerja::locale::Lang;
use kinerja::tui::{App, Mode};
use ratatui::crossterm::event::KeyCode;
use screen::{app_at, go_to, message, sample_app, sample_file, screen, settle};
use std::path::{Path, PathBuf};

const IP_ASN: &str = "7.01.01.2.05";

/// Types a penghambat and a tindak lanjut for IP ASN's TW IV in the explanation form.
fn explain_ip_asn(app: &mut App) {
    go_to(app, IP_ASN);
    press(app, &[KeyCode::Tab, KeyCode::Char('c')]);
    assert!(matches!(app.mode(), Mode::Form(_)), "{}", message(app));
    type_text(app, "Mutasi <pegawai> & diklat");
    press(app, &[KeyCode::Tab]);
    type_text(app, "Diklat daring");
    ctrl(app, 's');
    assert!(matches!(app.mode(), Mode::Browse), "{}", message(app));
}

/// The files in `dir`, sorted by name.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// The `<section>` of the page whose heading holds `needle`.
fn section<'a>(html: &'a str, needle: &str) -> &'a str {
    html.split("<section")
        .skip(1)
        .find(|s| s.split("</h3>").next().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no section for {needle} in {html}"))
        .split("</section>")
        .next()
        .unwrap()
}

#[test]
fn x_writes_the_pack_as_html_with_the_typed_explanation_and_nilai_rb_unexplained() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(Lang::Id);
    app.set_export_dir(dir.path().to_path_buf());
    explain_ip_asn(&mut app);
    // Two texts typed (penghambat, tindak lanjut): two unsaved changes.
    assert_eq!(app.unsaved_count(), 2);
    shift(&mut app, 'X');
    assert!(matches!(app.mode(), Mode::PackFormat), "{}", message(&app));
    let asked = screen(&mut app, 80, 24);
    assert!(asked.contains("Bahan rapat s.d. TW IV"), "{asked}");
    assert!(
        asked.contains("Termasuk 2 perubahan yang belum disimpan"),
        "{asked}"
    );
    assert!(asked.contains("h Enter"), "html is the default: {asked}");
    for line in asked.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    // Enter: html.
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    let written = files(dir.path());
    assert_eq!(written.len(), 1, "{}", message(&app));
    let file = &written[0];
    assert!(
        name(file).starts_with("rapat-kecamatan-sooko-2023-tw4-") && name(file).ends_with(".html"),
        "{}",
        name(file)
    );
    let said = message(&app);
    assert!(
        said.contains("Bahan rapat ditulis ke") && said.contains(&file.display().to_string()),
        "{said}"
    );
    assert!(
        said.contains("termasuk 2 perubahan yang belum disimpan"),
        "{said}"
    );

    let html = std::fs::read_to_string(file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    let ip_asn = section(&html, "Indeks Profesionalitas ASN");
    // Typed with markup characters: escaped, never markup.
    assert!(
        ip_asn.contains("Mutasi &lt;pegawai&gt; &amp; diklat"),
        "{ip_asn}"
    );
    assert!(ip_asn.contains("Diklat daring"), "{ip_asn}");
    assert!(!ip_asn.contains("belum ada penjelasan"), "{ip_asn}");
    let rb = section(&html, "Nilai Reformasi Birokrasi");
    assert!(rb.starts_with(" class=\"item unexplained\""), "{rb}");
    assert!(rb.contains("belum ada penjelasan"), "{rb}");
    // Worst first: IP ASN (94,47 %) before realisasi anggaran (96,64 %) before Nilai RB.
    let at = |s: &str| html.find(s).unwrap();
    assert!(at("Indeks Profesionalitas ASN") < at("Persentase Realisasi Anggaran"));
    assert!(at("Persentase Realisasi Anggaran") < at("Nilai Reformasi Birokrasi"));
    // Written, not saved: the change is still unsaved and the workspace as it was.
    assert!(app.is_dirty());
    assert!(app.self_check().is_none());
}

#[test]
fn a_second_pack_never_replaces_the_first_and_md_is_m() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(Lang::Id);
    app.set_export_dir(dir.path().to_path_buf());
    shift(&mut app, 'X');
    press(&mut app, &[KeyCode::Char('h')]);
    settle(&mut app);
    let first = files(dir.path());
    assert_eq!(first.len(), 1);
    let before = std::fs::read(&first[0]).unwrap();
    // Another user's file already at the next name is left alone too.
    let stem = name(&first[0]).trim_end_matches(".html").to_string();
    let squatter = dir.path().join(format!("{stem}-2.html"));
    std::fs::write(&squatter, "bukan milik kinerja").unwrap();

    explain_ip_asn(&mut app);
    shift(&mut app, 'X');
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    let third = dir.path().join(format!("{stem}-3.html"));
    assert!(third.exists(), "{}", message(&app));
    assert!(message(&app).contains(&third.display().to_string()));
    assert_eq!(std::fs::read(&first[0]).unwrap(), before);
    assert_eq!(
        std::fs::read_to_string(&squatter).unwrap(),
        "bukan milik kinerja"
    );
    assert!(std::fs::read_to_string(&third).unwrap().contains("Mutasi"));

    shift(&mut app, 'X');
    press(&mut app, &[KeyCode::Char('m')]);
    settle(&mut app);
    let md = dir.path().join(format!("{stem}.md"));
    let text = std::fs::read_to_string(&md).unwrap_or_else(|e| panic!("{e}: {}", message(&app)));
    assert!(text.starts_with("# Bahan Rapat Kinerja"), "{text}");
    assert!(text.contains("Diklat daring"), "{text}");
    assert_eq!(files(dir.path()).len(), 4);
}

#[test]
fn esc_and_q_at_the_question_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(Lang::Id);
    app.set_export_dir(dir.path().to_path_buf());
    for cancel in [KeyCode::Esc, KeyCode::Char('q')] {
        shift(&mut app, 'X');
        press(&mut app, &[cancel]);
        assert!(matches!(app.mode(), Mode::Browse));
        assert_eq!(message(&app), "Bahan rapat batal.");
        assert!(!app.should_quit(), "q cancels the box, it does not quit");
    }
    settle(&mut app);
    assert!(files(dir.path()).is_empty());
}

#[test]
fn a_pack_beside_a_workspace_file_in_english_with_a_typed_figure_unsaved() {
    let (dir, path) = sample_file();
    let mut app = app_at(&path, Lang::En);
    app.set_export_dir(dir.path().to_path_buf());
    // Nilai RB's TW IV (SASARAN-2's first indicator): 80 of 85.
    go_to(&mut app, "SASARAN-2");
    press(&mut app, &[KeyCode::Tab, KeyCode::End]);
    press(&mut app, &[KeyCode::Enter]);
    ctrl(&mut app, 'u');
    type_text(&mut app, "80");
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.is_dirty(), "{}", message(&app));
    shift(&mut app, 'X');
    let asked = screen(&mut app, 80, 24);
    assert!(asked.contains("Meeting pack to Q IV"), "{asked}");
    assert!(
        asked.contains("Includes 1 change(s) not saved yet"),
        "{asked}"
    );
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    let said = message(&app);
    assert!(
        said.starts_with("Meeting pack written to ") && said.contains("includes 1 change(s)"),
        "{said}"
    );
    let pack: Vec<PathBuf> = files(dir.path())
        .into_iter()
        .filter(|p| name(p).starts_with("rapat-"))
        .collect();
    assert_eq!(pack.len(), 1, "{:?}", files(dir.path()));
    let html = std::fs::read_to_string(&pack[0]).unwrap();
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    // 80 / 85 = 94,12 %: red now, and still without an explanation.
    let rb = section(&html, "Nilai Reformasi Birokrasi");
    assert!(rb.contains("94,12 %"), "{rb}");
    assert!(rb.contains("no explanation yet"), "{rb}");
    // The file on disk was not saved by the pack.
    let on_disk = kinerja::store::load(&path).unwrap();
    assert_eq!(
        on_disk.node("SASARAN-2").unwrap().indikator[0].realisasi[3],
        None
    );
}

#[test]
fn a_folder_that_cannot_take_the_pack_says_why_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the folder should be.
    let not_a_folder = dir.path().join("berkas");
    std::fs::write(&not_a_folder, "x").unwrap();
    let mut app = sample_app(Lang::Id);
    app.set_export_dir(not_a_folder.clone());
    shift(&mut app, 'X');
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    let said = message(&app);
    assert!(
        matches!(app.message(), Some(kinerja::tui::Message::Error(_))),
        "{said}"
    );
    assert!(!said.contains('\n'), "{said}");
    assert_eq!(std::fs::read_to_string(&not_a_folder).unwrap(), "x");
    assert_eq!(files(dir.path()).len(), 1);
}

#[test]
fn the_pack_key_is_in_help_and_the_footer_in_both_languages() {
    for (lang, help_words, footer_words) in [
        (
            Lang::Id,
            "bahan rapat: merah dan belum dijelaskan",
            "X rapat",
        ),
        (Lang::En, "meeting pack: red and unexplained", "X meeting"),
    ] {
        let mut app = sample_app(lang);
        for view in ["tree", "dashboard"] {
            if view == "dashboard" {
                press(&mut app, &[KeyCode::Char('d')]);
            }
            // Where the footer has room for it, it offers the key; at 80 columns it never
            // runs over the edge.
            let wide = screen(&mut app, 120, 40);
            let footer = wide.lines().last().unwrap();
            assert!(footer.contains(footer_words), "{view}: {footer}");
            let narrow = screen(&mut app, 80, 24);
            for line in narrow.lines() {
                assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
            }
            press(&mut app, &[KeyCode::Char('?')]);
            let help = screen(&mut app, 120, 60);
            assert!(help.contains(help_words), "{view}: {help}");
            press(&mut app, &[KeyCode::Esc]);
        }
    }
}
