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
