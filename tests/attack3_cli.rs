//! The third attack (explanations, quarter locks, import) at the command line: each test
//! reproduces one finding of docs/reliability.md's "Third attack" and failed before its fix.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SAMPLE: &str = include_str!("../data/sooko-2023.json");

fn sample_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.json");
    fs::write(&ws, SAMPLE).unwrap();
    (dir, ws)
}

/// `kinerja -w ws ARGS`, killed after `limit`: `None` when it had not ended by then.
fn kinerja_within(ws: &Path, args: &[&str], limit: Duration) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("-w")
        .arg(ws)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    None
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Finding 1: `kinerja import` opened whatever the name led to. A FIFO named `.csv` blocked
/// it forever (no writer ever comes); a link to /dev/zero read until memory ran out. The
/// interface's `I` looked first; the command line did not. Both are refused at once now, in
/// one line, and the workspace is untouched.
#[test]
fn import_of_a_fifo_or_a_device_is_refused_at_once() {
    let (dir, ws) = sample_dir();
    let before = fs::read(&ws).unwrap();
    let fifo = dir.path().join("rapat.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    let zero = dir.path().join("nol.xlsx");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let zero_csv = dir.path().join("nol.csv");
    std::os::unix::fs::symlink("/dev/zero", &zero_csv).unwrap();
    for (file, apply) in [
        (&fifo, false),
        (&fifo, true),
        (&zero, false),
        (&zero_csv, true),
    ] {
        let mut args = vec!["import", file.to_str().unwrap()];
        if apply {
            args.push("--apply");
        }
        let out = kinerja_within(&ws, &args, Duration::from_secs(10))
            .unwrap_or_else(|| panic!("{args:?} still running after 10 s"));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("bukan berkas biasa"), "{args:?}: {err}");
    }
    assert_eq!(fs::read(&ws).unwrap(), before);
}

/// Finding 1, the size: a file over the limit is refused before it is read, by the command
/// line as by the interface (a sparse file: no disk used).
#[test]
fn import_of_a_file_over_the_limit_is_refused_before_reading() {
    let (dir, ws) = sample_dir();
    let big = dir.path().join("besar.csv");
    let f = fs::File::create(&big).unwrap();
    f.set_len(kinerja::import::MAX_BYTES + 1).unwrap();
    let out = kinerja_within(
        &ws,
        &["import", big.to_str().unwrap()],
        Duration::from_secs(10),
    )
    .expect("import of a large file still running after 10 s");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("terlalu besar"), "{}", stderr(&out));
}

/// A workbook of one sheet "E81" holding `cells` (a reference like `XFD1048576` and a
/// number), written part by part as Excel lays an xlsx out.
fn xlsx_with(cells: &[(String, u32)]) -> Vec<u8> {
    use std::io::Write;
    let mut rows: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    for (at, v) in cells {
        let row: u32 = at
            .trim_start_matches(|c: char| c.is_ascii_uppercase())
            .parse()
            .unwrap();
        rows.entry(row)
            .or_default()
            .push(format!(r#"<c r="{at}"><v>{v}</v></c>"#));
    }
    let sheet_data: String = rows
        .iter()
        .map(|(r, cs)| format!(r#"<row r="{r}">{}</row>"#, cs.concat()))
        .collect();
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="E81" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
            ),
        ),
    ];
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// Finding 2: calamine reads an xlsx sheet into one dense rectangle from its first used cell
/// to its last. A 2 KB workbook with a number in A1 and one in XFD1048576 asked for 549 GB:
/// "memory allocation … failed", an abort (in the interface, the whole session with its
/// unsaved work). Now such a sheet reads cell by cell (the far cell is just a problem of the
/// plan), and one whose rows really reach that far is refused in one line.
#[test]
fn an_xlsx_with_cells_far_apart_is_read_or_refused_never_an_abort() {
    let (dir, ws) = sample_dir();
    let before = fs::read(&ws).unwrap();
    let far = dir.path().join("jauh.xlsx");
    fs::write(
        &far,
        xlsx_with(&[("A1".into(), 1), ("XFD1048576".into(), 2)]),
    )
    .unwrap();
    let out = kinerja_within(
        &ws,
        &["import", far.to_str().unwrap()],
        Duration::from_secs(30),
    )
    .expect("import still running after 30 s");
    // No known layout: a problem at its cell (exit 1), not an abort.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("E81!A1"), "{text}");
    // 400 rows that each reach column XFD: 400 × 16 384 cells > 5 000 000.
    let cells: Vec<(String, u32)> = (1..=400).map(|r| (format!("XFD{r}"), r)).collect();
    let wide = dir.path().join("lebar.xlsx");
    fs::write(&wide, xlsx_with(&cells)).unwrap();
    let out = kinerja_within(
        &ws,
        &["import", wide.to_str().unwrap()],
        Duration::from_secs(30),
    )
    .expect("import still running after 30 s");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("terlalu luas"), "{err}");
    assert_eq!(fs::read(&ws).unwrap(), before);
}

fn kinerja(ws: &Path, args: &[&str]) -> Output {
    kinerja_within(ws, args, Duration::from_secs(60)).expect("kinerja still running after 60 s")
}

/// Finding 3: the import's preview said "0 masalah" (exit 0) and "ubah … 1 → 1.235" for a
/// figure of a verified quarter, which `set` refuses; only `--apply` then failed, as a
/// conflict (exit 3). The preview now names the cell, the quarter and who locked it, exits 1,
/// and `--apply` writes nothing.
#[test]
fn an_import_into_a_locked_quarter_is_a_problem_in_the_preview() {
    let (dir, ws) = sample_dir();
    let xlsx = dir.path().join("e81.xlsx");
    let x = xlsx.to_str().unwrap();
    for args in [
        &["export", "--format", "xlsx", "--table", "e81", "-o", x][..],
        &["set", "7.01.02.2.04.02", "--tw", "3", "--realisasi", "1"],
        &["set", "7.01.02.2.04.02", "--tw", "2", "--realisasi", "2"],
        &["lock", "--tw", "3"],
    ] {
        let out = kinerja(&ws, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let before = fs::read(&ws).unwrap();
    let out = kinerja(&ws, &["import", x]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(1), "{text}");
    let problem = text
        .lines()
        .find(|l| l.contains("MASALAH"))
        .unwrap_or_else(|| panic!("no problem listed: {text}"));
    // The sample's TW III realisation of non-licensing services (1.235) sits in the E-81's
    // TW III K column; the cell is named, and who locked the quarter.
    assert!(problem.contains("realisasi TW III"), "{problem}");
    assert!(
        problem.contains("TW III dikunci (diverifikasi) oleh"),
        "{problem}"
    );
    assert!(problem.contains("'E-81'!"), "{problem}");
    assert!(text.contains("1 masalah"), "{text}");
    let out = kinerja(&ws, &["import", x, "--apply"]);
    assert_ne!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read(&ws).unwrap(),
        before,
        "nothing written, TW II neither"
    );
}

/// Finding 4 (open): `kinerja restore N` of a version kept before `lock --tw 4` opens TW IV
/// again with no reason asked and nothing in the journal but "dipulihkan dari cadangan …":
/// the one way round `unlock --reason`. Restoring is the way back from a broken file and must
/// stay possible; what is missing is the restore saying, on screen and in the journal, which
/// quarters it opens (or closes) and by whose lock.
#[test]
fn a_restore_that_opens_a_locked_quarter_says_so_in_the_journal() {
    let (_dir, ws) = sample_dir();
    for args in [
        &[
            "note",
            "7.01.01.2.05",
            "--tw",
            "4",
            "--penghambat",
            "Mutasi pegawai",
        ][..],
        &["lock", "--tw", "4"],
    ] {
        let out = kinerja(&ws, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    // Version 2 is the sample as it was before the first save: no lock.
    let out = kinerja(&ws, &["restore", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        said.contains("TW IV dibuka kembali") && said.contains("pulih"),
        "the restore says which quarter it opened: {said}"
    );
    let log = kinerja(&ws, &["log"]);
    let log = String::from_utf8_lossy(&log.stdout).into_owned();
    let last = log.lines().last().unwrap_or_default();
    assert!(
        last.contains("TW IV") && last.contains("dibuka"),
        "the restore names the quarter it opened: {log}"
    );
}
