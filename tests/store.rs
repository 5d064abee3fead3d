//! Loading broken workspace files and saving atomically.

use kinerja::locale::Lang;
use kinerja::store::{self, Problem, StoreError};
use rust_decimal::Decimal;
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

/// Saves `ws` over the file at `path` through the store's only save, [`store::commit`]: the
/// figure changes from what is on disk now, merged under the lock.
fn save(path: &Path, ws: &kinerja::model::Workspace) -> Result<(), store::CommitError> {
    let (base, stamp) = store::load_stamped(path).map_err(store::CommitError::Store)?;
    store::commit(path, &base, stamp, ws, "uji").map(drop)
}

const KODE: &str = "7.01.02.2.04.02";

fn set_tw3(ws: &mut kinerja::model::Workspace, value: i64) {
    ws.node_mut(KODE).unwrap().indikator[0].realisasi[2] = Some(Decimal::from(value));
}

#[test]
fn save_is_atomic_and_keeps_earlier_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.json");
    fs::write(&path, store::SAMPLE_JSON).unwrap();

    let mut ws = store::load(&path).unwrap();
    set_tw3(&mut ws, 1300);
    save(&path, &ws).unwrap();

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
        [
            "ws.json",
            "ws.json.cadangan",
            "ws.json.jurnal.jsonl",
            "ws.json.lock"
        ],
        "no temporary file is left behind"
    );

    // The newest version is listed first; only the last KEEP are kept.
    let first = fs::read_to_string(&path).unwrap();
    set_tw3(&mut ws, 1301);
    save(&path, &ws).unwrap();
    let versions = store::versions::list(&path).unwrap();
    assert_eq!(fs::read_to_string(&versions[0].path).unwrap(), first);
    for value in 1302..1340 {
        set_tw3(&mut ws, value);
        save(&path, &ws).unwrap();
    }
    let versions = store::versions::list(&path).unwrap();
    assert_eq!(versions.len(), store::versions::KEEP);
    // The newest kept is the state before the last save: TW III = 1338.
    let newest = store::parse(&fs::read_to_string(&versions[0].path).unwrap()).unwrap();
    assert_eq!(
        newest.node(KODE).unwrap().indikator[0].realisasi[2],
        Some(Decimal::from(1338))
    );
}

#[test]
fn failed_save_leaves_the_disk_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let ws = store::parse(store::SAMPLE_JSON).unwrap();

    // The folder does not exist.
    let missing = dir.path().join("tidak-ada").join("ws.json");
    let err = store::write_atomic(&missing, store::to_json(&ws).as_bytes()).unwrap_err();
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
    assert!(store::write_atomic(&folder, store::to_json(&ws).as_bytes()).is_err());
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
    let mut ws = store::parse(store::SAMPLE_JSON).unwrap();

    // A shared group folder (rwxrwxr-x): a new workspace is group-writable, not world-writable.
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o775)).unwrap();
    let path = dir.path().join("baru.json");
    store::write_atomic(&path, store::to_json(&ws).as_bytes()).unwrap();
    assert_eq!(mode(&path), 0o664);

    // An existing file keeps its own permissions across a save.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    set_tw3(&mut ws, 7);
    save(&path, &ws).unwrap();
    assert_eq!(mode(&path), 0o640);

    // A world-writable folder still gives no world-writable file.
    let open = dir.path().join("terbuka");
    fs::create_dir(&open).unwrap();
    fs::set_permissions(&open, fs::Permissions::from_mode(0o777)).unwrap();
    store::write_atomic(&open.join("ws.json"), store::to_json(&ws).as_bytes()).unwrap();
    assert_eq!(mode(&open.join("ws.json")), 0o664);
}

/// The 1-based character column of the first character after `needle` in its line: where
/// serde stops reading a string value (just past its closing quote).
fn column_after(text: &str, needle: &str) -> (usize, usize) {
    let pos = text.find(needle).expect("needle present") + needle.len();
    let line_start = text[..pos].rfind('\n').map_or(0, |p| p + 1);
    (
        text[..pos].matches('\n').count() + 1,
        text[line_start..pos].chars().count(),
    )
}

#[test]
fn figures_outside_the_documented_form_are_refused_with_their_position() {
    // Every one of these was read as a figure before (5e2 as 500, .5 as 0.5, -0 as 0, …).
    for bad in [
        "5e2", "5E2", "1e-3", "1_000", ".5", "5.", "+5", "-0", "1,5", "1.000,5", " 5",
    ] {
        let text = mutate("\"target\": \"500\"", &format!("\"target\": \"{bad}\""), 1);
        let err = store::parse(&text).unwrap_err();
        let needle = format!("\"target\": \"{bad}\"");
        // The value's line in the text; the column is the value's closing quote.
        assert_eq!(
            (err.line, err.column),
            column_after(&text, &needle),
            "{bad}: {err}"
        );
        assert!(matches!(err.problem, Problem::Content(_)), "{bad}: {err:?}");
        assert!(err.to_string().contains(&format!("«{bad}»")), "{err}");
    }
    // More digits than a figure keeps is refused, not rounded to 1.
    let long = "1.000000000000000000000000000001";
    let text = mutate("\"target\": \"500\"", &format!("\"target\": \"{long}\""), 1);
    let err = store::parse(&text).unwrap_err();
    assert!(err.to_string().contains("tidak dibulatkan"), "{err}");
    let needle = format!("\"target\": \"{long}\"");
    assert_eq!(err.line, column_after(&text, &needle).0);
    // The documented form still reads, decimals kept as written.
    let text = mutate("\"target\": \"500\"", "\"target\": \"0500.250\"", 1);
    let ws = store::parse(&text).unwrap();
    let targets: Vec<String> = ws
        .nodes()
        .flat_map(|n| n.indikator.iter().filter_map(|i| i.target))
        .map(|d| d.to_string())
        .collect();
    assert!(targets.contains(&"500.250".to_string()), "{targets:?}");
}

#[test]
fn settings_that_make_judgement_meaningless_are_refused_with_their_position() {
    let cases: [(&str, &str, &str); 6] = [
        // A negative threshold made `red` exit 0 with everything red.
        (
            "\"ambang_merah\": \"100\"",
            "\"ambang_merah\": \"-5\"",
            "negatif",
        ),
        (
            "\"ambang_merah\": \"100\"",
            "\"ambang_merah\": \"5000\"",
            "ambang_merah",
        ),
        (
            "\"sangat_tinggi\": \"91\"",
            "\"sangat_tinggi\": \"-91\"",
            "negatif",
        ),
        (
            "\"sangat_tinggi\": \"91\"",
            "\"sangat_tinggi\": \"91000\"",
            "sangat_tinggi",
        ),
        // Not descending: tinggi above sangat_tinggi.
        ("\"tinggi\": \"76\"", "\"tinggi\": \"95\"", "menurun"),
        ("\"nilai\": \"91.19\"", "\"nilai\": \"-91.19\"", "negatif"),
    ];
    for (from, to, says) in cases {
        let text = mutate(from, to, 1);
        let err = store::parse(&text).unwrap_err();
        assert!(err.to_string().contains(says), "{to}: {err}");
        assert_eq!(err.line, line_of(&text, to, 1), "{to}: {err}");
    }
}

#[test]
fn error_columns_count_characters_not_bytes() {
    // "Sooko ©é" has 8 characters in 10 bytes: a syntax error after it on the same line.
    let text = mutate(
        "\"nama\": \"Kecamatan Sooko\",",
        "\"nama\": \"Kecamatan Sooko ©é\" x,",
        1,
    );
    let err = store::parse(&text).unwrap_err();
    let (line, column) = column_after(&text, "\"Kecamatan Sooko ©é\" x");
    assert_eq!((err.line, err.column), (line, column), "{err}");
    assert_eq!(line, 4);
    // `    "nama": "Kecamatan Sooko ©é" x`: 4 spaces, 8 + 20 characters, a space and x = 34.
    assert_eq!(column, 34);
}

#[test]
fn a_bom_or_bytes_that_are_not_utf8_get_a_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.json");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(store::SAMPLE_JSON.as_bytes());
    fs::write(&path, &bom).unwrap();
    let msg = store::load(&path).unwrap_err().message(Lang::Id);
    assert!(
        msg.starts_with(&format!("{}:1:1: ", path.display())) && msg.contains("BOM"),
        "{msg}"
    );

    // Line 4: `    "nama": "Kecamatan Sooko é` then a lone 0xFF byte: 4 spaces, `"nama": ` (8) and
    // `"Kecamatan Sooko é` (18) = 30 characters before it (32 bytes).
    let text = store::SAMPLE_JSON.replacen("Kecamatan Sooko", "Kecamatan Sooko é\u{0}", 1);
    let mut bytes = text.into_bytes();
    let at = bytes.iter().position(|b| *b == 0).unwrap();
    bytes[at] = 0xFF;
    fs::write(&path, &bytes).unwrap();
    let msg = store::load(&path).unwrap_err().message(Lang::Id);
    assert!(
        msg.starts_with(&format!("{}:4:31: ", path.display())) && msg.contains("0xFF"),
        "{msg}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes, "the loader never writes");
}

mod recovery {
    use super::*;
    use kinerja::model::{Field, Op, Quarter};
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::time::Duration;

    const X: (&str, Field) = ("7.01.06.2.01.09", Field::Realisasi(0, Quarter::I));
    const Y: (&str, Field) = ("7.01.06.2.01.11", Field::Realisasi(0, Quarter::II));

    fn op((kode, field): (&str, Field), old: i64, new: i64) -> Op {
        Op {
            kode: kode.into(),
            field,
            old: Some(Decimal::from(old)),
            new: Some(Decimal::from(new)),
        }
    }

    #[test]
    fn unsaved_edits_round_trip_and_reapply_through_the_merge() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sooko.json");
        fs::write(&path, store::SAMPLE_JSON).unwrap();
        let (_, stamp) = store::load_stamped(&path).unwrap();
        // Sinkronisasi TW I is 2 and Ketenteraman TW II is 0 in the E-81.
        let ops = vec![op(X, 2, 7), op(Y, 0, 9)];
        store::recovery::save(&path, &ops, &stamp).unwrap();

        let file = store::recovery::path_for(&path);
        let meta = fs::symlink_metadata(&file).unwrap();
        assert!(meta.is_file());
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "owner-only");
        assert_eq!(meta.uid(), rustix::process::getuid().as_raw());
        let loaded = store::recovery::load(&path)
            .unwrap()
            .expect("a recovery file");
        assert_eq!(loaded.ops, ops);
        assert!(loaded.made_against(&stamp));
        assert_eq!(loaded.pid, std::process::id());
        let real = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        assert_eq!(loaded.user, String::from_utf8(real.stdout).unwrap().trim());

        // Meanwhile another user saved X = 8.
        let (base, s) = store::load_stamped(&path).unwrap();
        let mut theirs = base.clone();
        theirs.set_figure(X.0, X.1, Some(Decimal::from(8)));
        store::commit(&path, &base, s, &theirs, "budi").unwrap();

        // Re-applied onto the file as it is now: X is a conflict, nothing written.
        let (mut now, now_stamp) = store::load_stamped(&path).unwrap();
        assert!(!loaded.made_against(&now_stamp), "the file changed since");
        let before = fs::read(&path).unwrap();
        let err = store::commit_ops(
            &path,
            &mut now,
            now_stamp,
            loaded.ops.clone(),
            "ani",
            Duration::ZERO,
        )
        .unwrap_err();
        let store::CommitError::Conflicts(conflicts) = err else {
            panic!("{err:?}")
        };
        assert_eq!(conflicts.len(), 1);
        let c = conflicts[0].figure().expect("a figure's conflict");
        assert_eq!(c.mine, op(X, 2, 7));
        assert_eq!(c.theirs, Some(Decimal::from(8)));
        assert_eq!(c.by.as_ref().unwrap().pengguna, "budi");
        assert_eq!(fs::read(&path).unwrap(), before);
        // Taking theirs for X: Y merges.
        let rest: Vec<Op> = loaded
            .ops
            .iter()
            .filter(|o| o.kode == Y.0)
            .cloned()
            .collect();
        store::commit_ops(&path, &mut now, now_stamp, rest, "ani", Duration::ZERO).unwrap();
        let saved = store::load(&path).unwrap();
        assert_eq!(saved.figure(X.0, X.1), Some(Some(Decimal::from(8))));
        assert_eq!(saved.figure(Y.0, Y.1), Some(Some(Decimal::from(9))));

        store::recovery::remove(&path).unwrap();
        assert!(!file.exists());
        assert_eq!(store::recovery::load(&path).unwrap(), None);
        store::recovery::remove(&path).unwrap();
    }

    #[test]
    fn a_recovery_file_is_never_written_or_read_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sooko.json");
        fs::write(&path, store::SAMPLE_JSON).unwrap();
        let (_, stamp) = store::load_stamped(&path).unwrap();
        let victim = dir.path().join("rahasia.txt");
        fs::write(&victim, "milik orang lain\n").unwrap();
        let file = store::recovery::path_for(&path);
        std::os::unix::fs::symlink(&victim, &file).unwrap();
        let err = store::recovery::load(&path).unwrap_err();
        assert!(err.to_string().contains("tautan simbolik"), "{err}");
        // Saving replaces the link with the user's own file; the target is untouched.
        store::recovery::save(&path, &[op(X, 2, 7)], &stamp).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "milik orang lain\n");
        assert!(fs::symlink_metadata(&file).unwrap().is_file());
        assert_eq!(store::recovery::load(&path).unwrap().unwrap().ops.len(), 1);
        // No operations left: no file.
        store::recovery::save(&path, &[], &stamp).unwrap();
        assert!(!file.exists());
    }

    #[test]
    fn writing_1000_pending_edits_is_cheap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sooko.json");
        fs::write(&path, store::SAMPLE_JSON).unwrap();
        let (_, stamp) = store::load_stamped(&path).unwrap();
        let ops: Vec<Op> = (0..1000)
            .map(|i| Op {
                kode: format!("7.01.{i:04}"),
                field: Field::Realisasi(0, Quarter::ALL[i % 4]),
                old: None,
                new: Some(Decimal::new(i as i64 * 7, 2)),
            })
            .collect();
        let runs = 20;
        let start = std::time::Instant::now();
        for _ in 0..runs {
            store::recovery::save(&path, &ops, &stamp).unwrap();
        }
        let each = start.elapsed() / runs;
        let size = fs::metadata(store::recovery::path_for(&path))
            .unwrap()
            .len();
        assert_eq!(store::recovery::load(&path).unwrap().unwrap().ops, ops);
        eprintln!(
            "recovery: 1 000 pending edits, {size} bytes, {each:?} per write (fsync included)"
        );
        assert!(each < Duration::from_millis(500), "{each:?}");
    }
}

/// What an independent attack on the shared-folder store found (issue 11, second round), each
/// reproduction turned into a test. The ones that need root (other users, tmpfs, `chattr`) are
/// `as_root_*` in tests/reliability.rs.
pub(crate) mod hostile_folder {
    use super::*;
    use kinerja::model::{Field, Quarter};
    use std::os::unix::fs::symlink;
    use std::path::PathBuf;
    use std::process::{Command, Output};
    use std::time::Duration;

    const X: (&str, Field) = ("7.01.06.2.01.09", Field::Realisasi(0, Quarter::I));
    const Y: (&str, Field) = ("7.01.06.2.01.11", Field::Realisasi(0, Quarter::II));

    pub(crate) fn kinerja(path: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .arg("-w")
            .arg(path)
            .args(args)
            .output()
            .unwrap()
    }

    pub(crate) fn set_x(path: &Path, value: &str) -> Output {
        kinerja(path, &["set", X.0, "--tw", "1", "--realisasi", value])
    }

    pub(crate) fn ok(out: &Output) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub(crate) fn stderr(out: &Output) -> String {
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    pub(crate) fn stdout(out: &Output) -> String {
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A shared folder with the sample as `ws.json`, and a private folder of the same user
    /// holding their own other workspace (another year, another instansi name).
    fn shared_and_private() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("bersama");
        let private = dir.path().join("pribadi");
        fs::create_dir(&shared).unwrap();
        fs::create_dir(&private).unwrap();
        let path = shared.join("ws.json");
        fs::write(&path, store::SAMPLE_JSON).unwrap();
        let own = private.join("sooko-2022.json");
        fs::write(
            &own,
            store::SAMPLE_JSON.replacen("Kecamatan Sooko", "PRIBADI ANI rahasia", 1),
        )
        .unwrap();
        (dir, path, own)
    }

    /// Every file under `dir` whose bytes contain `needle`.
    fn holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
        let mut found = Vec::new();
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let m = fs::symlink_metadata(&p).unwrap();
            if m.is_dir() {
                found.extend(holding(&p, needle));
            } else if m.is_file()
                && String::from_utf8_lossy(&fs::read(&p).unwrap()).contains(needle)
            {
                found.push(p);
            }
        }
        found
    }

    /// Another member holds the lock, swaps a link to the user's own private workspace in at
    /// `ws.json`, and lets go. Before: the waiting `set` read the linked file and wrote it,
    /// merged with the change, as the new shared ws.json (finding 2); `restore` the same.
    #[test]
    fn a_link_swapped_in_while_the_lock_is_held_is_refused_and_nothing_written() {
        for args in [
            &["set", X.0, "--tw", "1", "--realisasi", "9"][..],
            &["restore", "1"][..],
        ] {
            let (_dir, path, own) = shared_and_private();
            // A version to restore and a lock file; the figure the attack's `set` changes is
            // the same in both files, so before, the merge went through.
            ok(&kinerja(
                &path,
                &["set", Y.0, "--tw", "2", "--realisasi", "4"],
            ));
            let own_before = fs::read(&own).unwrap();
            let held = store::lock(&path, Duration::ZERO).unwrap();
            let child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
                .arg("-w")
                .arg(&path)
                .args(args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_millis(400));
            let spare = path.with_file_name(".tautan");
            symlink(&own, &spare).unwrap();
            fs::rename(&spare, &path).unwrap();
            drop(held);
            let out = child.wait_with_output().unwrap();
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains("tautan simbolik"), "{args:?}: {err}");
            assert_eq!(err.trim_end().lines().count(), 1, "{err}");
            assert!(
                fs::symlink_metadata(&path).unwrap().is_symlink(),
                "{args:?}: nothing was written over the link"
            );
            assert_eq!(fs::read(&own).unwrap(), own_before, "{args:?}");
            let leaked = holding(path.parent().unwrap(), "PRIBADI");
            assert!(leaked.is_empty(), "{args:?}: {leaked:?}");
            // Nothing was created beside the private file either.
            assert_eq!(fs::read_dir(own.parent().unwrap()).unwrap().count(), 1);
        }
    }

    /// Presses keys through the interface's key tables, as a user would.
    fn keys(app: &mut kinerja::tui::App, keys: &[(ratatui::crossterm::event::KeyCode, bool)]) {
        use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
        for (code, ctrl) in keys {
            let mods = if *ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            if let Some(action) = kinerja::tui::resolve(app.context(), KeyEvent::new(*code, mods)) {
                app.update(action);
            }
        }
    }

    /// Types `value` into the TW I realisation of `kode` and saves (Ctrl-S).
    fn type_and_save(app: &mut kinerja::tui::App, kode: &str, value: &str) {
        use ratatui::crossterm::event::KeyCode::*;
        let text = |s: &str| s.chars().map(|c| (Char(c), false)).collect::<Vec<_>>();
        keys(app, &[(Char('/'), false)]);
        keys(app, &text(kode));
        keys(
            app,
            &[(Enter, false), (Tab, false), (Home, false), (Right, false)],
        );
        keys(app, &[(Enter, false), (Char('u'), true)]);
        keys(app, &text(value));
        keys(app, &[(Enter, false), (Char('s'), true)]);
    }

    /// A running interface whose file another member swapped for a link to another file:
    /// before, it reloaded the linked file (the header showed the other file's instansi) and
    /// then saved into it, creating side files beside it (finding 3).
    #[test]
    fn a_running_interface_never_reloads_or_saves_through_a_swapped_in_link() {
        use kinerja::tui::{App, Theme};
        let (_dir, path, own) = shared_and_private();
        let own_before = fs::read(&own).unwrap();
        let (ws, stamp) = store::load_stamped(&path).unwrap();
        let mut app = App::new(ws, Some((path.clone(), stamp)), Lang::Id, Theme::MONO);
        let spare = path.with_file_name(".tautan");
        symlink(&own, &spare).unwrap();
        fs::rename(&spare, &path).unwrap();
        app.check_disk();
        assert!(app.settle(Duration::from_secs(30)));
        assert_eq!(app.ws().instansi.nama, "Kecamatan Sooko", "not reloaded");
        // An edit and a save: refused, nothing written anywhere.
        type_and_save(&mut app, X.0, "7");
        assert!(app.settle(Duration::from_secs(30)));
        assert_eq!(
            app.ws().figure(X.0, X.1).unwrap(),
            Some(Decimal::from(7)),
            "the edit was typed"
        );
        assert!(app.is_dirty(), "the edit is kept, unsaved");
        let said = app
            .message()
            .map(|m| m.text().to_string())
            .unwrap_or_default();
        assert!(said.contains("tautan simbolik"), "{said}");
        assert_eq!(fs::read(&own).unwrap(), own_before);
        assert_eq!(fs::read_dir(own.parent().unwrap()).unwrap().count(), 1);
        assert!(fs::symlink_metadata(&path).unwrap().is_symlink());
    }
}

mod hostile_folder_more {
    use super::hostile_folder::*;
    use super::*;
    use kinerja::model::{Field, Quarter};
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
    use std::path::PathBuf;
    use std::process::Command;
    use std::time::{Duration, SystemTime};

    const X: (&str, Field) = ("7.01.06.2.01.09", Field::Realisasi(0, Quarter::I));

    fn workspace(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, store::SAMPLE_JSON).unwrap();
        path
    }

    /// After someone breaks the file in place, the listing says which version is the current
    /// file and which was kept from a file that did not load; `restore 1` of such a version is
    /// refused in one line, not tried blindly (finding 6).
    #[test]
    fn the_restore_listing_marks_the_current_file_and_versions_that_do_not_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = workspace(dir.path(), "ws.json");
        ok(&set_x(&path, "3"));
        ok(&set_x(&path, "4"));
        // Two versions: the sample (2) and 3. The file (4) is none of them.
        let list = stdout(&kinerja(&path, &["restore"]));
        assert!(!list.contains("= berkas sekarang"), "{list}");
        // Broken in place (`head -c 30000 ws.json > t; cat t > ws.json`); restore 1 (the 3).
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..30_000]).unwrap();
        ok(&kinerja(&path, &["restore", "1"]));
        let list = stdout(&kinerja(&path, &["restore"]));
        let lines: Vec<&str> = list.lines().collect();
        // Newest first: the broken file kept by the restore, then the 3 (now the file).
        assert!(
            lines[0].contains("-rusak") && lines[0].contains("rusak ("),
            "{list}"
        );
        assert!(lines[1].contains("= berkas sekarang"), "{list}");
        assert!(!lines[0].contains("= berkas sekarang"), "{list}");
        let before = fs::read(&path).unwrap();
        let out = kinerja(&path, &["restore", "1"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("rusak"), "{}", stderr(&out));
        assert_eq!(stderr(&out).trim_end().lines().count(), 1);
        assert_eq!(fs::read(&path).unwrap(), before);
        // The figure the restore brought back: 3.
        let ws = store::load(&path).unwrap();
        assert_eq!(ws.figure(X.0, X.1).unwrap(), Some(Decimal::from(3)));
    }

    /// 25 versions named a year ahead (a clock that was ahead, or planted names): before,
    /// every new version sorted older than them and was pruned right after its save, so no
    /// save was kept any more (finding 8).
    #[test]
    fn versions_named_in_the_future_never_push_new_ones_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = workspace(dir.path(), "ws.json");
        let versions = store::versions::dir_for(&path);
        fs::create_dir(&versions).unwrap();
        let year_ahead = chrono_like_compact(SystemTime::now() + Duration::from_secs(366 * 86400));
        for i in 0..25 {
            fs::write(
                versions.join(format!("{year_ahead}{i:02}.000000000+0000-{i:016x}.json")),
                store::SAMPLE_JSON,
            )
            .unwrap();
        }
        for v in ["11", "12", "13"] {
            ok(&set_x(&path, v));
        }
        let kept: Vec<Vec<u8>> = store::versions::list(&path)
            .unwrap()
            .iter()
            .filter(|v| !v.name.starts_with(&year_ahead[..8]))
            .map(|v| fs::read(&v.path).unwrap())
            .collect();
        assert_eq!(kept.len(), 3, "the three states before the saves are kept");
        let figure = |bytes: &[u8]| {
            store::parse(std::str::from_utf8(bytes).unwrap())
                .unwrap()
                .figure(X.0, X.1)
                .unwrap()
        };
        // Newest first: before the save of 13 it was 12, then 11, then the sample's 2.
        let values: Vec<_> = kept.iter().map(|b| figure(b)).collect();
        assert_eq!(
            values,
            [12, 11, 2].map(|v| Some(Decimal::from(v))),
            "newest first"
        );
        assert_eq!(
            fs::read_dir(&versions).unwrap().count(),
            store::versions::KEEP,
            "pruned down to KEEP, the future-dated first"
        );
        // The listing says why they are last.
        let list = stdout(&kinerja(&path, &["restore"]));
        assert!(list.contains("masa depan"), "{list}");
    }

    /// `YYYYmmddTHHMM` of an instant in UTC (the test's own arithmetic: civil-from-days).
    fn chrono_like_compact(t: SystemTime) -> String {
        let secs = t.duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs() as i64;
        let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
        // Howard Hinnant's days-to-civil.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!("{y:04}{m:02}{d:02}T{:02}{:02}", rem / 3600, rem % 3600 / 60)
    }

    /// `kinerja export --format csv` into a folder name someone made a link to a private
    /// folder: before, 7 CSVs were written into it, replacing the owner's file (finding 9).
    #[test]
    fn a_csv_export_never_writes_through_a_link_at_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = workspace(dir.path(), "ws.json");
        let private = dir.path().join("pribadi");
        fs::create_dir(&private).unwrap();
        fs::write(private.join("tabel-3-1.csv"), "milik ani\n").unwrap();
        let link = dir.path().join("laporan");
        symlink(&private, &link).unwrap();
        let out = kinerja(
            &path,
            &["export", "--format", "csv", "-o", link.to_str().unwrap()],
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("tautan simbolik"), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        let names: Vec<_> = fs::read_dir(&private).unwrap().collect();
        assert_eq!(names.len(), 1);
        assert_eq!(
            fs::read_to_string(private.join("tabel-3-1.csv")).unwrap(),
            "milik ani\n"
        );
        // A real folder by that name is written as before.
        let real = dir.path().join("laporan-2");
        ok(&kinerja(
            &path,
            &["export", "--format", "csv", "-o", real.to_str().unwrap()],
        ));
        assert!(fs::read_dir(&real).unwrap().count() >= 7);
    }

    /// `a.json` and `a.json.simpan-x.json` in one folder: the second's temporary files start
    /// with the first's stale-temp prefix `.a.json.simpan-`, and a save of `a.json` deleted
    /// them (finding 11).
    #[test]
    fn one_workspace_never_removes_another_workspaces_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = workspace(dir.path(), "a.json");
        let _b = workspace(dir.path(), "a.json.simpan-x.json");
        let others = [
            ".a.json.simpan-x.json.simpan-0123456789abcdef.tmp",
            ".a.json.simpan-0123456789abcdef0.tmp",
            ".a.json.simpan-0123456789ABCDEF.tmp",
        ];
        let own = ".a.json.simpan-0123456789abcdef.tmp";
        for name in others.iter().chain([&own]) {
            fs::write(dir.path().join(name), "sisa").unwrap();
        }
        ok(&set_x(&a, "5"));
        for name in others {
            assert!(dir.path().join(name).exists(), "{name} was removed");
        }
        assert!(
            !dir.path().join(own).exists(),
            "a.json's own stale temp stays"
        );
    }

    /// The final `selesai` line removed (killed after the rename), a line that is not JSON
    /// appended, `set` again: `log` showed only the second change (finding 12).
    #[test]
    fn an_unreadable_journal_line_never_hides_a_saved_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = workspace(dir.path(), "ws.json");
        ok(&set_x(&path, "3"));
        let journal = store::journal::path_for(&path);
        let text = fs::read_to_string(&journal).unwrap();
        let last = text.trim_end().rfind('\n').unwrap();
        assert!(text[last..].contains("selesai"), "{text}");
        fs::write(&journal, format!("{}\nbukan json\n", &text[..last])).unwrap();
        ok(&kinerja(
            &path,
            &["set", "7.01.06.2.01.11", "--tw", "2", "--realisasi", "4"],
        ));
        let log = stdout(&kinerja(&path, &["log"]));
        assert_eq!(log.matches(" → ").count(), 2, "{log}");
        assert!(log.contains("2 → 3") && log.contains("0 → 4"), "{log}");
        let (entries, bad) = store::journal::read(&path).unwrap();
        assert_eq!((entries.len(), bad), (2, 1));
    }

    /// Mallory saves her file mode 6775; before, Ani's next save gave `-rwsrwsr-x` (finding
    /// 14). A workspace, its versions, the versions folder and an export get read/write bits
    /// only; a folder keeps setgid, never setuid or sticky.
    #[test]
    fn a_save_never_copies_setuid_setgid_or_sticky_bits() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("bersama");
        fs::create_dir(&shared).unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o3775)).unwrap();
        let path = workspace(&shared, "ws.json");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o6775)).unwrap();
        ok(&set_x(&path, "3"));
        let mode = |p: &Path| fs::symlink_metadata(p).unwrap().mode() & 0o7777;
        // 6775 without the special, execute and world-write bits: 664.
        assert_eq!(mode(&path), 0o664);
        for v in store::versions::list(&path).unwrap() {
            assert_eq!(mode(&v.path) & 0o7111, 0, "{}: {:o}", v.name, mode(&v.path));
        }
        assert_eq!(mode(&store::versions::dir_for(&path)), 0o2775);
        let csv = shared.join("tabel-3-1.csv");
        fs::write(&csv, "lama\n").unwrap();
        fs::set_permissions(&csv, fs::Permissions::from_mode(0o4775)).unwrap();
        ok(&kinerja(
            &path,
            &[
                "export",
                "--format",
                "csv",
                "--table",
                "tabel-3-1",
                "-o",
                csv.to_str().unwrap(),
            ],
        ));
        assert_eq!(mode(&csv), 0o664);
    }

    fn with_memory_limit(cmd: &mut Command, bytes: u64) {
        use std::os::unix::process::CommandExt;
        // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                let limit = rustix::process::Rlimit {
                    current: Some(bytes),
                    maximum: Some(bytes),
                };
                rustix::process::setrlimit(rustix::process::Resource::As, limit)?;
                Ok(())
            });
        }
    }

    /// A workspace file larger than the memory a process may have: before, `restore` read it
    /// whole only to hash it and aborted with a backtrace (exit 134), and `summary` too. Now
    /// `restore` hashes it in blocks and keeps it (marked as not loading), and a command that
    /// must load it says so in one line (finding 15).
    #[test]
    fn a_file_too_large_to_load_is_refused_in_one_line_never_an_abort() {
        let dir = tempfile::tempdir().unwrap();
        let path = workspace(dir.path(), "ws.json");
        ok(&set_x(&path, "3"));
        // 640 MB of zeros (a sparse file: no disk used), under a 512 MB address-space limit.
        let big = 640 << 20;
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(big)
            .unwrap();
        let run = |args: &[&str]| {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_kinerja"));
            cmd.arg("-w").arg(&path).args(args);
            with_memory_limit(&mut cmd, 512 << 20);
            cmd.output().unwrap()
        };
        let out = run(&["summary"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("terlalu besar"), "{}", stderr(&out));
        assert_eq!(stderr(&out).trim_end().lines().count(), 1);
        let out = run(&["restore", "1"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let ws = store::load(&path).unwrap();
        assert_eq!(ws.figure(X.0, X.1).unwrap(), Some(Decimal::from(2)));
        let newest = &store::versions::list(&path).unwrap()[0];
        assert!(
            newest.name.ends_with("-rusak") && newest.len == big,
            "{newest:?}"
        );
    }

    /// An indicator id at u64::MAX with another indicator left without an id: before, the
    /// next id wrapped to 0 (release) or the loader panicked (debug) (finding 17).
    #[test]
    fn an_indicator_id_at_the_largest_number_is_refused_with_its_position() {
        let text = store::SAMPLE_JSON
            .replacen("\"id\": 1,", &format!("\"id\": {},", u64::MAX), 1)
            .replacen("\"id\": 2,", "", 1);
        let err = store::parse(&text).unwrap_err();
        let line = text[..text.find(&u64::MAX.to_string()).unwrap()]
            .matches('\n')
            .count()
            + 1;
        assert_eq!(err.line, line, "{err}");
        assert!(err.to_string().contains("terlalu besar"), "{err}");
    }

    /// A 230-character workspace name: every save failed ("File name too long": the temporary
    /// name adds 29 characters), yet a version was kept each time. A 250-character one:
    /// `restore` printed "File name too long (os error 36)" without naming the file (finding
    /// 18).
    #[test]
    fn long_workspace_names_save_or_are_refused_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = workspace(dir.path(), &format!("{}.json", "a".repeat(225)));
        assert_eq!(path.file_name().unwrap().len(), 230);
        ok(&set_x(&path, "3"));
        ok(&set_x(&path, "4"));
        assert_eq!(store::versions::list(&path).unwrap().len(), 2);
        assert_eq!(
            store::load(&path).unwrap().figure(X.0, X.1).unwrap(),
            Some(Decimal::from(4))
        );
        let longest = workspace(dir.path(), &format!("{}.json", "b".repeat(245)));
        let out = set_x(&longest, "3");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains(longest.file_name().unwrap().to_str().unwrap()),
            "{err}"
        );
        assert!(err.contains("terlalu panjang"), "{err}");
        assert_eq!(fs::read_to_string(&longest).unwrap(), store::SAMPLE_JSON);
        let out = kinerja(&longest, &["restore"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains("Belum ada versi"), "{}", stdout(&out));
    }

    /// The wait message named whoever kinerja last wrote into the lock even when someone else
    /// held it now (another tool, `flock`): the holder's name is cleared when released
    /// (finding 22).
    #[test]
    fn the_wait_message_never_names_a_user_who_no_longer_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = workspace(dir.path(), "ws.json");
        ok(&set_x(&path, "3"));
        let lock = store::lock_path(&path);
        assert_eq!(fs::read(&lock).unwrap(), b"", "cleared on release");
        // Another tool holds it.
        let mut holder = Command::new("flock")
            .arg(&lock)
            .args(["sleep", "8"])
            .spawn()
            .expect("flock (util-linux)");
        std::thread::sleep(Duration::from_millis(300));
        let out = set_x(&path, "4");
        let _ = holder.kill();
        let _ = holder.wait();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("sedang disimpan oleh pengguna lain"), "{err}");
    }

    /// Two workspace names that are not UTF-8 shared one recovery file (the name went through
    /// `to_string_lossy`), and a recovery file's temporary files were never removed
    /// (finding 23).
    #[test]
    fn recovery_files_are_named_by_bytes_and_their_old_temporaries_removed() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join(std::ffi::OsStr::from_bytes(b"a\xff.json"));
        let b = dir.path().join(std::ffi::OsStr::from_bytes(b"a\xfe.json"));
        assert_ne!(store::recovery::path_for(&a), store::recovery::path_for(&b));
        let path = workspace(dir.path(), "ws.json");
        let uid = rustix::process::getuid().as_raw();
        let old = format!(".ws.json.pulih-{uid}.json.0123456789abcdef.tmp");
        let fresh = format!(".ws.json.pulih-{uid}.json.fedcba9876543210.tmp");
        for name in [&old, &fresh] {
            fs::write(dir.path().join(name), "{}").unwrap();
        }
        fs::File::options()
            .write(true)
            .open(dir.path().join(&old))
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(2 * 3600))
            .unwrap();
        ok(&set_x(&path, "3"));
        assert!(!dir.path().join(&old).exists(), "an hour-old one is stale");
        assert!(
            dir.path().join(&fresh).exists(),
            "a fresh one may be in use"
        );
    }
}

/// Text a name may hold that must not reach a terminal or a spreadsheet raw (findings 19, 20).
mod hostile_text {
    use super::hostile_folder::{kinerja, ok, stdout};
    use super::*;

    const HIDDEN: [char; 8] = [
        '\u{2028}', '\u{2029}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        '\u{202E}',
    ];

    fn named(dir: &Path, nama: &str) -> std::path::PathBuf {
        let path = dir.join("ws.json");
        let escaped = serde_json::to_string(nama).unwrap();
        let text = store::SAMPLE_JSON.replacen("\"Kecamatan Sooko\"", &escaped, 1);
        assert_ne!(text, store::SAMPLE_JSON);
        fs::write(&path, text).unwrap();
        path
    }

    /// U+2028, U+2029, U+200B–U+200D, U+2060 and U+FEFF passed raw through the md, csv, html
    /// and json exports and the interface.
    #[test]
    fn separators_and_invisible_characters_never_reach_an_export_or_the_screen_raw() {
        let dir = tempfile::tempdir().unwrap();
        let nama: String = format!("Kec{}Sooko", HIDDEN.iter().collect::<String>());
        let path = named(dir.path(), &nama);
        for format in ["md", "html", "json"] {
            let out = kinerja(&path, &["export", "--format", format, "-o", "-"]);
            ok(&out);
            let text = stdout(&out);
            for c in HIDDEN {
                assert!(!text.contains(c), "{format}: raw U+{:04X}", c as u32);
            }
            let shown = if format == "json" {
                "\\u2028"
            } else {
                "\\u{2028}"
            };
            assert!(text.contains(shown), "{format}: no visible escape");
        }
        let out = kinerja(
            &path,
            &[
                "export",
                "--format",
                "csv",
                "--table",
                "tabel-3-1",
                "-o",
                "-",
            ],
        );
        ok(&out);
        assert!(!stdout(&out).contains(HIDDEN), "csv");
        // The interface: nothing of them in any cell of the screen.
        let ws = store::load(&path).unwrap();
        let mut app = kinerja::tui::App::new(ws, None, Lang::Id, kinerja::tui::Theme::MONO);
        app.update(kinerja::tui::Action::Resize {
            width: 120,
            height: 30,
        });
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
        terminal.draw(|f| kinerja::tui::draw(f, &app)).unwrap();
        let screen: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        // The separators took a cell each (ratatui gives them a width): now a blank.
        assert!(screen.contains("Kec  Sooko 2023"), "{screen}");
        assert!(!screen.contains(HIDDEN), "{screen}");
    }

    /// A name starting with `=` opened a formula in a spreadsheet reading the CSV export.
    #[test]
    fn a_csv_text_cell_that_would_start_a_formula_is_quoted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ws.json");
        for (nama, written) in [
            (
                "=HYPERLINK(\"http://x/\";\"klik\")",
                "'=HYPERLINK(\"\"http://x/\"\";\"\"klik\"\")",
            ),
            ("+62 811", "'+62 811"),
            ("-Penyusunan", "'-Penyusunan"),
            ("@SUM(A1)", "'@SUM(A1)"),
        ] {
            let text = store::SAMPLE_JSON.replacen(
                "\"Penyusunan Dokumen Perencanaan Perangkat Daerah\"",
                &serde_json::to_string(nama).unwrap(),
                1,
            );
            assert_ne!(text, store::SAMPLE_JSON);
            fs::write(&path, text).unwrap();
            let out = kinerja(
                &path,
                &["export", "--format", "csv", "--table", "lra", "-o", "-"],
            );
            ok(&out);
            let row = stdout(&out).lines().nth(1).unwrap().to_string();
            // The figures stay plain numbers (Rp 3 500 000 budgeted, 3 390 000 spent).
            assert!(row.starts_with("1,7.01.01.2.01.01,"), "{row}");
            assert!(row.contains(written), "{nama}: {row}");
            assert!(row.ends_with(",3500000,3390000,110000,96.86"), "{row}");
        }
    }
}
