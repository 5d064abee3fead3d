//! Loading broken workspace files and saving atomically.

use kinerja::locale::Lang;
use kinerja::store::{self, Problem, StoreError};
use std::fs;
use std::path::Path;

/// 1-based line of the `nth` (1-based) occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    let (pos, _) = text
        .match_indices(needle)
        .nth(nth - 1)
        .expect("needle present");
    text[..pos].matches('\n').count() + 1
}

/// The sample with the `nth` occurrence of `from` replaced by `to`.
fn mutate(from: &str, to: &str, nth: usize) -> String {
    let text = store::SAMPLE_JSON;
    let (pos, _) = text
        .match_indices(from)
        .nth(nth - 1)
        .expect("pattern present");
    format!("{}{}{}", &text[..pos], to, &text[pos + from.len()..])
}

#[test]
fn missing_comma_is_a_syntax_error_at_the_next_token() {
    let text = mutate("\"tahun\": 2023,", "\"tahun\": 2023", 1);
    let err = store::parse(&text).unwrap_err();
    assert!(matches!(err.problem, Problem::Syntax(_)), "{err:?}");
    assert_eq!(err.line, line_of(&text, "\"pengaturan\"", 1));
    assert_eq!(err.column, 3, "the quote that should have followed a comma");
}

#[test]
fn truncated_file_is_a_syntax_error() {
    let text = &store::SAMPLE_JSON[..store::SAMPLE_JSON.len() / 2];
    let err = store::parse(text).unwrap_err();
    assert!(matches!(err.problem, Problem::Syntax(_)), "{err:?}");
    assert_eq!(err.line, text.lines().count());
}

#[test]
fn bad_number_names_its_line() {
    let text = mutate("\"target\": \"500\"", "\"target\": \"5OO\"", 1);
    let err = store::parse(&text).unwrap_err();
    assert!(matches!(err.problem, Problem::Content(_)), "{err:?}");
    assert_eq!(err.line, line_of(&text, "\"5OO\"", 1));
}

#[test]
fn a_json_number_is_refused_so_no_figure_passes_through_a_float() {
    let text = mutate("\"target\": \"500\"", "\"target\": 500.5", 1);
    let err = store::parse(&text).unwrap_err();
    assert!(matches!(err.problem, Problem::Content(_)), "{err:?}");
    assert!(err.to_string().contains("floating point"), "{err}");
}

#[test]
fn unknown_kind_is_refused() {
    let text = mutate(
        "\"jenis\": \"sub_kegiatan\"",
        "\"jenis\": \"subkegiatan\"",
        3,
    );
    let err = store::parse(&text).unwrap_err();
    assert!(
        err.to_string().contains("unknown variant `subkegiatan`"),
        "{err}"
    );
    assert_eq!(err.line, line_of(&text, "\"subkegiatan\"", 1));
}

#[test]
fn missing_field_is_refused_near_its_object() {
    let text = mutate("\"satuan\": \"dokumen\",", "", 1);
    let removed_at = line_of(store::SAMPLE_JSON, "\"satuan\": \"dokumen\"", 1);
    let err = store::parse(&text).unwrap_err();
    assert!(err.to_string().contains("missing field `satuan`"), "{err}");
    // serde reports the end of the indicator object: a few lines below the removed field.
    assert!(
        (removed_at..removed_at + 20).contains(&err.line),
        "{err:?} vs {removed_at}"
    );
}

#[test]
fn duplicate_kode_points_at_the_second_one() {
    let text = mutate(
        "\"kode\": \"7.01.01.2.01.02\"",
        "\"kode\": \"7.01.01.2.01.01\"",
        1,
    );
    let err = store::parse(&text).unwrap_err();
    assert_eq!(
        err.problem,
        Problem::DuplicateKode("7.01.01.2.01.01".into())
    );
    let needle = "\"kode\": \"7.01.01.2.01.02\"";
    assert_eq!(err.line, line_of(store::SAMPLE_JSON, needle, 1));
    let line_text = store::SAMPLE_JSON.lines().nth(err.line - 1).unwrap();
    assert_eq!(err.column, line_text.find(needle).unwrap() + 1);
}

#[test]
fn wrong_nesting_is_refused() {
    // A program placed under a kegiatan.
    let sample = store::SAMPLE_JSON;
    let kode_at = sample.find("\"kode\": \"7.01.01.2.01.01\"").unwrap();
    let jenis_at = sample[..kode_at].rfind("\"sub_kegiatan\"").unwrap();
    let text = format!(
        "{}\"program\"{}",
        &sample[..jenis_at],
        &sample[jenis_at + "\"sub_kegiatan\"".len()..]
    );
    let err = store::parse(&text).unwrap_err();
    assert!(
        matches!(err.problem, Problem::BadNesting { ref kode, .. } if kode == "7.01.01.2.01.01"),
        "{err:?}"
    );
    assert_eq!(err.line, line_of(&text, "\"kode\": \"7.01.01.2.01.01\"", 1));
}

#[test]
fn unknown_officer_and_dangling_pk_line_are_refused() {
    let text = mutate(
        "\"pejabat\": \"kasi-trantib\"",
        "\"pejabat\": \"kasi-trantip\"",
        1,
    );
    let err = store::parse(&text).unwrap_err();
    assert!(
        matches!(err.problem, Problem::UnknownReference(_)),
        "{err:?}"
    );
    assert_eq!(err.line, line_of(&text, "\"kasi-trantip\"", 1));

    let text = mutate("\"no\": \"4\",", "\"no\": \"4\",", 1).replace(
        "\"kode\": \"7.01.01\",\n      \"indikator\": 2",
        "\"kode\": \"7.01.01\",\n      \"indikator\": 3",
    );
    let err = store::parse(&text).unwrap_err();
    assert!(err.to_string().contains("PK no. 4"), "{err}");
    assert_eq!(err.line, line_of(&text, "\"no\": \"4\"", 1));
}

#[test]
fn newer_schema_is_refused() {
    let text = mutate("\"schema_version\": 2", "\"schema_version\": 3", 1);
    let err = store::parse(&text).unwrap_err();
    assert_eq!(err.problem, Problem::SchemaVersion(3));
    assert_eq!((err.line, err.column), (2, 3));
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn failed_load_names_the_file_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rusak.json");
    let text = mutate("\"target\": \"500\"", "\"target\": \"lima ratus\"", 1);
    fs::write(&path, &text).unwrap();
    let before = snapshot(dir.path());
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();

    let err = store::load(&path).unwrap_err();
    let msg = err.message(Lang::Id);
    let line = line_of(&text, "lima ratus", 1);
    assert!(
        msg.starts_with(&format!("{}:{line}:", path.display())),
        "{msg}"
    );
    assert!(!msg.contains('\n'), "one line: {msg}");
    assert!(matches!(err, StoreError::Parse { .. }));

    assert_eq!(snapshot(dir.path()), before);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), mtime);
}

#[test]
fn save_is_atomic_and_keeps_earlier_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.json");
    fs::write(&path, store::SAMPLE_JSON).unwrap();

    let mut ws = store::load(&path).unwrap();
    ws.node_mut("7.01.02.2.04.02").unwrap().indikator[0].realisasi[2] =
        Some(rust_decimal::dec!(1300));
    store::save(&path, &ws).unwrap();

    assert_eq!(store::load(&path).unwrap(), ws);
    let versions = store::versions::list(&path).unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(
        fs::read_to_string(&versions[0].path).unwrap(),
        store::SAMPLE_JSON
    );
    let names: Vec<_> = snapshot(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["ws.json", "ws.json.cadangan"],
        "no temporary file is left behind"
    );

    // The newest version is listed first; only the last KEEP are kept.
    let first = fs::read_to_string(&path).unwrap();
    ws.tahun = 2024;
    store::save(&path, &ws).unwrap();
    let versions = store::versions::list(&path).unwrap();
    assert_eq!(fs::read_to_string(&versions[0].path).unwrap(), first);
    for year in 2025..2060 {
        ws.tahun = year;
        store::save(&path, &ws).unwrap();
    }
    assert_eq!(
        store::versions::list(&path).unwrap().len(),
        store::versions::KEEP
    );
}

#[test]
fn failed_save_leaves_the_disk_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let ws = store::parse(store::SAMPLE_JSON).unwrap();

    // The folder does not exist.
    let missing = dir.path().join("tidak-ada").join("ws.json");
    let err = store::save(&missing, &ws).unwrap_err();
    assert!(matches!(err, StoreError::Write { .. }));
    assert!(
        err.message(Lang::Id)
            .contains("berkas di disk tidak berubah")
    );
    assert!(!dir.path().join("tidak-ada").exists());

    // The workspace path is a folder: the rename fails, nothing is replaced or left over.
    let folder = dir.path().join("ws.json");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("isi.txt"), "tetap").unwrap();
    let before = snapshot(dir.path());
    assert!(store::save(&folder, &ws).is_err());
    assert_eq!(fs::read_to_string(folder.join("isi.txt")).unwrap(), "tetap");
    let after: Vec<_> = snapshot(dir.path()).into_iter().map(|(n, _)| n).collect();
    let before: Vec<_> = before.into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        after.iter().filter(|n| n.ends_with(".tmp")).count(),
        0,
        "{after:?}"
    );
    assert_eq!(after, before, "nothing added, nothing removed");
}

#[cfg(unix)]
#[test]
fn saved_files_keep_sensible_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let ws = store::parse(store::SAMPLE_JSON).unwrap();

    // A shared group folder (rwxrwxr-x): a new workspace is group-writable, not world-writable.
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o775)).unwrap();
    let path = dir.path().join("baru.json");
    store::save(&path, &ws).unwrap();
    assert_eq!(mode(&path), 0o664);

    // An existing file keeps its own permissions across a save.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    store::save(&path, &ws).unwrap();
    assert_eq!(mode(&path), 0o640);

    // A world-writable folder still gives no world-writable file.
    let open = dir.path().join("terbuka");
    fs::create_dir(&open).unwrap();
    fs::set_permissions(&open, fs::Permissions::from_mode(0o777)).unwrap();
    store::save(&open.join("ws.json"), &ws).unwrap();
    assert_eq!(mode(&open.join("ws.json")), 0o664);
}
