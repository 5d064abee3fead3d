//! Issue 11, item 3: terminal escapes and bidirectional controls in names never reach the
//! terminal or a file raw. A workspace whose node, indicator, officer and instansi names, units
//! and a code hold every kind of sequence, a journal whose users hold them, a kept version whose
//! file name holds them; every command and every export format is run on it, and its output
//! (standard output and standard error) may hold no control byte but the newline, no DEL, no C1
//! code point and no bidi control — while the names stay there, written as visible escapes.

use calamine::{Data, Reader, Xlsx};
use kinerja::model::Workspace;
use kinerja::store;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Every kind: OSC retitle ending in BEL, cursor up + erase line, CSI and NEL as C1 code
/// points, DEL, the bidi overrides and isolates and marks, CR/LF/TAB, and NUL.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[1A\u{1b}[2K\u{9b}2K\u{85}\u{7f}\u{202e}\u{2066}\u{200f}\u{61c}\r\n\t\u{0}";

/// How `kinerja::text::visible` writes HOSTILE: the text a reader sees instead.
const SHOWN: &str = r"\u{1b}]0;pwned\u{7}\u{1b}[1A\u{1b}[2K\u{9b}2K\u{85}\u{7f}\u{202e}\u{2066}\u{200f}\u{61c}\u{d}\u{a}\u{9}\u{0}";

/// The sub kegiatan given a hostile code (referenced by nothing else).
const KODE: &str = "7.01.01.2.01.01";

fn hostile(s: &str) -> String {
    format!("{s} {HOSTILE} end")
}

/// [`hostile`] as it can be typed as an argument (a command line cannot hold NUL), for codes.
fn hostile_arg(s: &str) -> String {
    hostile(s).replace('\u{0}', "")
}

/// How [`hostile_arg`] is shown.
fn shown_arg(s: &str) -> String {
    format!("{s} {} end", SHOWN.replace(r"\u{0}", ""))
}

/// The sample with hostile text in every kind of name the outputs print.
fn hostile_workspace() -> Workspace {
    let mut ws = store::parse(store::SAMPLE_JSON).unwrap();
    ws.instansi.nama = hostile("Kecamatan");
    ws.instansi.kabupaten = hostile("Kabupaten");
    for o in &mut ws.pejabat {
        o.nama = hostile(&o.nama);
    }
    for line in &mut ws.pk {
        line.pernyataan = hostile(&line.pernyataan);
    }
    let ids: Vec<String> = ws.nodes().map(|n| n.kode.clone()).collect();
    for kode in &ids {
        let node = ws.node_mut(kode).unwrap();
        node.nama = hostile(&node.nama);
        for ind in &mut node.indikator {
            ind.nama = hostile(&ind.nama);
            ind.satuan = hostile(&ind.satuan);
        }
    }
    // An indicator without a target, for `check` (which shows 40 characters of its name: the
    // sequences come first); and a hostile code.
    let ind = &mut ws.node_mut("7.01.02.2.04.02").unwrap().indikator[0];
    ind.target = None;
    ind.nama = format!("{HOSTILE}{}", ind.nama);
    // IP ASN (red) with a short name, so that `set` and `red` show the sequences uncut.
    ws.node_mut("7.01.01.2.05").unwrap().indikator[0].nama = hostile("IP ASN");
    ws.node_mut(KODE).unwrap().kode = hostile_arg(KODE);
    ws
}

struct Fixture {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    path: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.json");
    let ws = hostile_workspace();
    fs::write(&path, store::to_json(&ws)).unwrap();
    assert_eq!(
        store::load(&path).unwrap(),
        ws,
        "the hostile workspace loads"
    );
    // A journal whose time, user, code and note hold the sequences.
    let mut journal = fs::File::create(dir.path().join("ws.json.jurnal.jsonl")).unwrap();
    let entries = [
        serde_json::json!({"waktu": hostile("2026"), "pengguna": hostile("budi"), "kode": hostile_arg("7.01"),
            "indikator": 1, "kolom": "target", "lama": "1", "baru": "2"}),
        serde_json::json!({"waktu": "2026-12-01T10:00:00Z", "pengguna": hostile("camat"), "kode": "",
            "kolom": "pulih", "lama": null, "baru": null, "catatan": hostile("versi")}),
        serde_json::json!({"waktu": "2026-12-01T10:00:00Z", "pengguna": "sari", "kode": hostile_arg(KODE),
            "kolom": "rp", "tw": 2, "lama": null, "baru": "1000"}),
    ];
    for e in entries {
        writeln!(journal, "{e}").unwrap();
    }
    // A file in the versions folder whose name holds the sequences (a file name may hold
    // anything but '/' and NUL): never listed raw.
    let versions = dir.path().join("ws.json.cadangan");
    fs::create_dir(&versions).unwrap();
    let name = format!("20261201T100000Z-{}.json", HOSTILE.replace('\u{0}', ""));
    fs::write(versions.join(name), store::SAMPLE_JSON).unwrap();
    Fixture {
        dir: dir.path().to_path_buf(),
        _dir: dir,
        path,
    }
}

fn run(path: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kinerja"));
    c.arg("-w").arg(path).args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// The offending characters of `bytes`, if any: a C0 byte but the newline, DEL, a C1 code point,
/// a bidi control (or bytes that are not UTF-8 at all).
fn hidden(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, b) in bytes.iter().enumerate() {
        if (*b < 0x20 && *b != b'\n') || *b == 0x7f {
            found.push(format!("byte {b:#04x} at {i}"));
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => found.extend(
            text.chars()
                .filter(|c| {
                    ('\u{80}'..='\u{9f}').contains(c)
                        || ('\u{202a}'..='\u{202e}').contains(c)
                        || ('\u{2066}'..='\u{2069}').contains(c)
                        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}')
                })
                .map(|c| format!("U+{:04X}", c as u32)),
        ),
        Err(e) => found.push(format!("not UTF-8: {e}")),
    }
    found
}

/// Runs a command and checks both of its outputs; returns them as text.
fn clean(path: &Path, args: &[&str], env: &[(&str, &str)]) -> (Output, String) {
    let out = run(path, args, env);
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let bad = hidden(bytes);
        assert!(
            bad.is_empty(),
            "{args:?} {name}: {bad:?}\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out, text)
}

#[test]
fn every_command_prints_names_with_visible_escapes() {
    let f = fixture();
    let p = &f.path;
    let shown = |s: &str| format!("{s} {SHOWN} end");
    let hostile_kode = hostile_arg("7.01");
    // (command, a name it must show, the exit status it gives when known)
    let cases: Vec<(Vec<&str>, String, Option<i32>)> = vec![
        (vec![], shown("Kecamatan"), Some(0)),
        (vec!["summary"], shown("Kabupaten"), Some(0)),
        (vec!["summary", "--tw", "2"], shown("Kecamatan"), Some(0)),
        (vec!["red"], shown("HANIN NOVERARENY P"), Some(1)),
        (
            vec!["red", "--tw", "2"],
            shown("Kecamatan").replace("Kecamatan ", ""),
            None,
        ),
        (
            vec!["check"],
            r"«\u{1b}]0;pwned\u{7}\u{1b}[1A".into(),
            Some(1),
        ),
        (vec!["log"], shown("budi"), Some(0)),
        (vec!["log", &hostile_kode], shown_arg("7.01"), Some(0)),
        // The store lists only the names it writes (time and content tag), so a file named
        // with the sequences is not offered at all; the listing itself stays clean.
        (vec!["restore"], "Belum ada versi cadangan.".into(), Some(0)),
    ];
    for (args, expected, code) in &cases {
        let (out, text) = clean(p, args, &[]);
        if let Some(code) = code {
            assert_eq!(out.status.code(), Some(*code), "{args:?}: {text}");
        }
        assert!(
            text.contains(expected.as_str()),
            "{args:?} lacks {expected}: {text}"
        );
    }
    // The log shows a restore note and a code the same way.
    let (_, text) = clean(p, &["log"], &[]);
    assert!(
        text.contains(&shown("versi")) && text.contains(&shown_arg(KODE)),
        "{text}"
    );
    assert!(text.contains(&shown("camat")), "{text}");

    // The exports to standard output, every format and table, in both languages.
    let mut formats: Vec<Vec<&str>> = ["md", "html", "json"]
        .iter()
        .map(|f| vec!["export", "--format", f, "-o", "-"])
        .collect();
    for t in kinerja::report::tables::TABLE_KEYS {
        formats.push(vec!["export", "--format", "csv", "--table", t, "-o", "-"]);
    }
    for lang in ["id", "en"] {
        for args in &formats {
            let mut args = args.clone();
            args.extend(["--lang", lang]);
            let (out, text) = clean(p, &args, &[]);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {text}");
            if args[2] != "json" {
                assert!(text.contains(SHOWN), "{args:?} keeps the names: {text}");
            }
        }
    }
}

#[test]
fn set_and_its_errors_print_names_with_visible_escapes() {
    let f = fixture();
    let p = &f.path;
    // The node's and the indicator's names, on a change; the journal user from $USER.
    let (out, text) = clean(
        p,
        &["set", "7.01.01.2.05", "--tw", "4", "--realisasi", "71"],
        &[("USER", &hostile_arg("usr"))],
    );
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(r"IP ASN \u{1b}]0;pwned\u{7}\u{1b}[1A"),
        "{text}"
    );
    // The hostile code, echoed.
    let kode = hostile_arg(KODE);
    let (out, text) = clean(p, &["set", &kode, "--tw", "1", "--rp", "1000"], &[]);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains(&shown_arg(KODE)), "{text}");
    // Whatever the journal records of the user (today $USER), `log` shows it safely.
    let (out, _) = clean(p, &["log"], &[]);
    assert!(out.status.success());
    // Refusals quote what was typed: a code that does not exist, text that is not a figure.
    let typed = hostile_arg("x");
    for args in [
        vec!["set", &typed, "--target", "1"],
        vec!["set", "7.01.01.2.05", "--target", &typed],
        vec!["set", "7.01.01.2.05", "--indikator", "9", "--target", "1"],
    ] {
        let (out, text) = clean(p, &args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
        assert_eq!(text.lines().count(), 1, "{args:?}: {text}");
    }
    // A file that does not load because of a name: its one-line error too.
    let broken = f.dir.join("dup.json");
    let dup = store::to_json(&hostile_workspace()).replace(
        "\"kode\": \"7.01.01.2.01.02\"",
        &format!(
            "\"kode\": {}",
            serde_json::to_string(&hostile_arg(KODE)).unwrap()
        ),
    );
    fs::write(&broken, dup).unwrap();
    let (out, text) = clean(&broken, &["summary"], &[]);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("kode ganda") && text.contains(&shown_arg(KODE)),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn exported_files_never_carry_a_control_character() {
    let f = fixture();
    let p = &f.path;
    // A file name holding an escape is said with the escape visible.
    let md = f.dir.join("laporan\u{1b}[2K.md");
    let (out, text) = clean(
        p,
        &["export", "--format", "md", "-o", md.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains(r"laporan\u{1b}[2K.md"), "{text}");
    assert!(hidden(&fs::read(&md).unwrap()).is_empty());

    let csv_dir = f.dir.join("tabel");
    let (out, _) = clean(
        p,
        &["export", "--format", "csv", "-o", csv_dir.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    for entry in fs::read_dir(&csv_dir).unwrap() {
        let path = entry.unwrap().path();
        let bad = hidden(&fs::read(&path).unwrap());
        assert!(bad.is_empty(), "{}: {bad:?}", path.display());
    }

    // xlsx: every cell of every sheet, read back; the names are there, escaped.
    let xlsx = f.dir.join("t.xlsx");
    let (out, _) = clean(p, &["export", "-o", xlsx.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(0));
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let mut escapes = 0;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2 {
                let bad = hidden(s.as_bytes());
                assert!(bad.is_empty(), "{name} {:?}: {bad:?}", (cell.0, cell.1));
                escapes += usize::from(s.contains(SHOWN));
            }
        }
    }
    assert!(escapes > 50, "names kept with visible escapes: {escapes}");

    // JSON escapes them the JSON way: the data is the same for any reader.
    let json = f.dir.join("t.json");
    let (out, _) = clean(
        p,
        &["export", "--format", "json", "-o", json.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    let bytes = fs::read(&json).unwrap();
    assert!(hidden(&bytes).is_empty());
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let names: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["nama"].as_str())
        .collect();
    assert!(
        names.iter().all(|n| n.contains(HOSTILE)),
        "lossless: {names:?}"
    );

    // HTML: escaped text, never a control byte, nothing that could become markup.
    let html = f.dir.join("t.html");
    let (out, _) = clean(
        p,
        &["export", "--format", "html", "-o", html.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    let page = fs::read_to_string(&html).unwrap();
    assert!(hidden(page.as_bytes()).is_empty());
    assert!(page.contains(SHOWN));
}
