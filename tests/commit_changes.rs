//! Every kind of change through the real commit path (`store::commit_changes`, and
//! `commit_ops` as the interface calls it): two users' copies saved one after the other, a
//! structure change against a figure edit, a failed write undone, the journal as the exact
//! record of the saves (it replays to the file), its written form, the recovery file, and
//! SIGKILLs during structure saves.

use kinerja::model::change::{self, IndicatorAttr, NodeAttr};
use kinerja::model::{
    Aggregation, Budget, Change, Edit, Field, Indicator, Node, NodeKind, Officer, Op, Polarity,
    Quarter, Refusal, Workspace,
};
use kinerja::store::{self, CommitError, Committed, Stamp, journal};
use rust_decimal::dec;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn workspace_file(dir: &Path) -> PathBuf {
    let path = dir.join("sooko.json");
    fs::write(&path, store::SAMPLE_JSON).unwrap();
    path
}

fn sample() -> Workspace {
    store::parse(store::SAMPLE_JSON).unwrap()
}

fn save(
    path: &Path,
    base: &mut Workspace,
    stamp: Stamp,
    changes: Vec<Change>,
    user: &str,
) -> Result<Committed, CommitError> {
    store::commit_changes(path, base, stamp, changes, user, Duration::ZERO, None)
}

/// Loads, makes the changes `make` builds from what was loaded, saves them as `user`.
fn saved(
    path: &Path,
    user: &str,
    source: Option<&str>,
    make: impl FnOnce(&Workspace) -> Vec<Change>,
) -> Committed {
    let (mut base, stamp) = store::load_stamped(path).unwrap();
    let changes = make(&base);
    for c in &changes {
        // Every change here is one a user may make.
        let mut check = base.clone();
        for earlier in changes.iter().take_while(|e| *e != c) {
            change::apply(&mut check, earlier).unwrap();
        }
        kinerja::rules::change::check(&check, c).unwrap_or_else(|o| panic!("{o:?}: {c:?}"));
    }
    store::commit_changes(
        path,
        &mut base,
        stamp,
        changes,
        user,
        Duration::ZERO,
        source,
    )
    .unwrap_or_else(|e| panic!("{}", e.message(kinerja::locale::Lang::En)))
}

fn entries(path: &Path) -> Vec<journal::Entry> {
    let (e, bad) = journal::read(path).unwrap();
    assert_eq!(bad, 0, "every journal line reads");
    e
}

const SINKRON: &str = "7.01.06.2.01.09";

// --- two users ---------------------------------------------------------------------------------

#[test]
fn a_figure_typed_in_a_node_another_user_removed_is_a_conflict_shown_never_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (mut budi, budi_stamp) = store::load_stamped(&path).unwrap();
    let budi_loaded = budi.clone();
    // Budi types TW I of the Sinkronisasi sub kegiatan (2 in the seed) as 3 …
    let mine = Change::figure(
        &budi,
        SINKRON,
        Field::Realisasi(0, Quarter::I),
        Some(dec!(3)),
    )
    .unwrap();
    // … while Ani removes that sub kegiatan with everything in it.
    saved(&path, "ani", None, |ws| {
        vec![Change::remove_node(ws, SINKRON, true).unwrap()]
    });
    let after_ani = fs::read(&path).unwrap();
    let journal_before = entries(&path).len();

    let err = save(&path, &mut budi, budi_stamp, vec![mine.clone()], "budi").unwrap_err();
    let CommitError::Conflicts(conflicts) = err else {
        panic!("a conflict expected: {err:?}")
    };
    assert_eq!(conflicts.len(), 1);
    let c = conflicts[0]
        .figure()
        .expect("shown as a figure: his value beside none");
    let Change::Figure { op, .. } = &mine else {
        unreachable!()
    };
    assert_eq!(&c.mine, op, "his figure is given back, not dropped");
    assert_eq!(c.theirs, None);
    assert_eq!(
        c.why,
        Refusal::NodeGone {
            kode: SINKRON.into()
        }
    );
    let by = c.by.as_ref().expect("who removed it");
    assert_eq!(
        (by.pengguna.as_str(), by.kolom.as_str()),
        ("ani", "node_hapus")
    );
    let line = conflicts[0].message(kinerja::locale::Lang::Id);
    assert!(
        line.contains("tidak ada lagi") && line.contains("ani"),
        "{line}"
    );
    // Nothing written, nothing journaled, his copy as he loaded it.
    assert_eq!(fs::read(&path).unwrap(), after_ani);
    assert_eq!(entries(&path).len(), journal_before);
    assert_eq!(budi, budi_loaded);
}

#[test]
fn a_figure_typed_under_a_code_another_user_changed_is_a_conflict_naming_the_recode() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (mut budi, budi_stamp) = store::load_stamped(&path).unwrap();
    let mine = Change::figure(&budi, SINKRON, Field::Rp(Quarter::II), Some(dec!(2900000))).unwrap();
    // Ani recodes the program: its kegiatan and sub kegiatan follow (7.01.06.… → 7.01.07.…).
    saved(&path, "ani", None, |_| {
        vec![Change::NodeRecode {
            kode: "7.01.06".into(),
            new: "7.01.07".into(),
        }]
    });
    let disk = store::load(&path).unwrap();
    assert!(disk.node("7.01.07.2.01.09").is_some() && disk.node(SINKRON).is_none());

    let CommitError::Conflicts(conflicts) =
        save(&path, &mut budi, budi_stamp, vec![mine], "budi").unwrap_err()
    else {
        panic!("a conflict expected")
    };
    let c = conflicts[0].figure().unwrap();
    assert_eq!(c.mine.new, Some(dec!(2900000)));
    let by = c.by.as_ref().expect("the recode above it");
    assert_eq!(
        (by.pengguna.as_str(), by.kolom.as_str(), by.kode.as_str()),
        ("ani", "kode", "7.01.06")
    );
    assert_eq!(by.baru_teks.as_deref(), Some("7.01.07"));
    assert_eq!(store::load(&path).unwrap(), disk, "nothing written");
}

#[test]
fn a_change_someone_else_already_made_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (mut budi, stamp) = store::load_stamped(&path).unwrap();
    let rename = Change::rename(&budi, SINKRON, "Sinkronisasi Perencanaan Desa").unwrap();
    saved(&path, "ani", None, |_| vec![rename.clone()]);
    let after_ani = fs::read(&path).unwrap();
    let versions = store::versions::list(&path).unwrap().len();
    let done = save(&path, &mut budi, stamp, vec![rename], "budi").unwrap();
    assert!(done.applied.is_empty() && done.merged);
    assert_eq!(fs::read(&path).unwrap(), after_ani, "not written again");
    assert_eq!(store::versions::list(&path).unwrap().len(), versions);
    assert_eq!(entries(&path).len(), 1, "Ani's entry only");
    assert_eq!(
        budi,
        store::load(&path).unwrap(),
        "his copy is the file now"
    );
}

#[test]
fn both_users_add_an_indicator_to_the_same_node_and_both_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let kode = "7.01.02.2.04.02";
    let (mut ani, ani_stamp) = store::load_stamped(&path).unwrap();
    let (mut budi, budi_stamp) = store::load_stamped(&path).unwrap();
    let add = |ws: &Workspace, nama: &str, satuan: &str| Change::IndicatorAdd {
        kode: kode.into(),
        at: None,
        indicator: Indicator::new(ws.fresh_indicator_id(), nama, satuan),
        pk: Vec::new(),
    };
    let a = add(&ani, "Jumlah Izin Usaha Mikro", "izin");
    let b = add(&budi, "Jumlah Legalisasi Dokumen", "dokumen");
    save(&path, &mut ani, ani_stamp, vec![a], "ani").unwrap();
    let done = save(&path, &mut budi, budi_stamp, vec![b], "budi").unwrap();
    assert!(done.merged, "Ani's save came in");
    let disk = store::load(&path).unwrap();
    assert_eq!(disk, budi, "his copy is what is on disk now");
    let names: Vec<&str> = disk
        .node(kode)
        .unwrap()
        .indikator
        .iter()
        .map(|i| i.nama.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Jumlah Laporan Pelaksanaan Nonperizinan pada Urusan Pemerintahan",
            "Jumlah Izin Usaha Mikro",
            "Jumlah Legalisasi Dokumen"
        ]
    );
    // The journal numbers each where it landed.
    let e = entries(&path);
    let added: Vec<(&str, Option<usize>)> = e
        .iter()
        .map(|e| (e.pengguna.as_str(), e.indikator))
        .collect();
    assert_eq!(added, [("ani", Some(2)), ("budi", Some(3))]);
    assert!(e.iter().all(|e| e.kolom == "indikator_tambah"));
}

#[test]
fn a_figure_typed_against_an_indicator_someone_inserted_before_lands_on_its_own_indicator() {
    // Program 7.01.01 has Nilai SAKIP (1) and Jumlah Inovasi (2, 2 in TW IV per Tabel 3.1).
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (mut budi, budi_stamp) = store::load_stamped(&path).unwrap();
    let inovasi = budi.node("7.01.01").unwrap().indikator[1].clone();
    assert!(inovasi.nama.starts_with("Jumlah Inovasi"));
    assert_eq!(inovasi.realisasi[3], Some(dec!(2)));
    // Budi types Jumlah Inovasi TW IV = 3, as the interface does: an Op at position 2.
    let op = Op {
        kode: "7.01.01".into(),
        field: Field::Realisasi(1, Quarter::IV),
        old: Some(dec!(2)),
        new: Some(dec!(3)),
    };
    // Ani inserts a new indicator before the two.
    saved(&path, "ani", None, |ws| {
        vec![Change::IndicatorAdd {
            kode: "7.01.01".into(),
            at: Some(0),
            indicator: Indicator::new(ws.fresh_indicator_id(), "Nilai Maturitas SPIP", "level"),
            pk: Vec::new(),
        }]
    });
    store::commit_ops(
        &path,
        &mut budi,
        budi_stamp,
        vec![op],
        "budi",
        Duration::ZERO,
    )
    .unwrap();
    let disk = store::load(&path).unwrap();
    let inds = &disk.node("7.01.01").unwrap().indikator;
    assert_eq!(inds[0].nama, "Nilai Maturitas SPIP");
    assert_eq!(inds[0].realisasi, [None; 4], "not on the newcomer");
    assert_eq!(
        inds[1].realisasi[3], None,
        "Nilai SAKIP has no TW IV (seed: 82,19 in TW III)"
    );
    assert_eq!(inds[2].id, inovasi.id);
    assert_eq!(
        inds[2].realisasi[3],
        Some(dec!(3)),
        "on Jumlah Inovasi, now third"
    );
    // The PK line of Jumlah Inovasi (no. 4) follows it too.
    let pk4 = disk.pk.iter().find(|l| l.no == "4").unwrap();
    assert_eq!((pk4.kode.as_str(), pk4.indikator), ("7.01.01", 3));
    // The journal numbers it where it is, with its id.
    let last = entries(&path).pop().unwrap();
    assert_eq!(
        (last.kolom.as_str(), last.indikator, last.id),
        ("realisasi", Some(3), Some(inovasi.id))
    );
}

// --- a failed write --------------------------------------------------------------------------

/// A list of every sort: a node added with an indicator and a budget, its figures, a rename,
/// a removal, an officer.
fn mixed(ws: &Workspace) -> Vec<Change> {
    let mut node = Node::new(
        NodeKind::SubKegiatan,
        "7.01.02.2.04.03",
        "Pelayanan Administrasi Terpadu Kecamatan",
    );
    node.anggaran = Some(Budget::default());
    let id = ws.fresh_indicator_id();
    node.indikator
        .push(Indicator::new(id, "Jumlah Layanan PATEN", "layanan"));
    let figure = |field, v| Change::Figure {
        indikator: field_id(field, id),
        op: Op {
            kode: "7.01.02.2.04.03".into(),
            field,
            old: None,
            new: Some(v),
        },
    };
    vec![
        Change::add_node(Some("7.01.02.2.04"), None, node),
        figure(Field::Target(0), dec!(1200)),
        figure(Field::Pagu, dec!(15000000)),
        figure(Field::Rp(Quarter::I), dec!(2500000)),
        Change::rename(ws, "7.01.06.2.01.11", "Fasilitasi Trantibum").unwrap(),
        Change::remove_node(ws, "7.01.06.2.01.12", true).unwrap(),
        Change::OfficerAdd {
            at: None,
            officer: Officer {
                id: "kasi-paten".into(),
                nama: "SITI AMINAH".into(),
                nip: String::new(),
                jabatan: "Kasi Pelayanan PATEN".into(),
            },
        },
    ]
}

fn field_id(field: Field, id: kinerja::model::IndicatorId) -> Option<kinerja::model::IndicatorId> {
    field.indicator().map(|_| id)
}

#[test]
fn a_save_that_fails_to_write_undoes_every_change_it_applied() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (mut base, stamp) = store::load_stamped(&path).unwrap();
    let before = base.clone();
    let changes = mixed(&base);
    // The versions folder cannot be made (a file has its name): the save fails after every
    // change was applied to `base` (the file had not changed, so they went onto it).
    let blocker = store::versions::dir_for(&path);
    fs::write(&blocker, "bukan folder").unwrap();
    let err = save(&path, &mut base, stamp, changes.clone(), "budi").unwrap_err();
    assert!(matches!(err, CommitError::Store(_)), "{err:?}");
    assert!(base == before, "every change undone, newest first");
    assert_eq!(fs::read_to_string(&path).unwrap(), store::SAMPLE_JSON);
    assert!(entries(&path).is_empty(), "no finished journal entry");

    // The cause removed, the same list saves.
    fs::remove_file(&blocker).unwrap();
    let done = save(&path, &mut base, stamp, changes.clone(), "budi").unwrap();
    assert_eq!(done.applied.len(), changes.len());
    let mut want = before.clone();
    change::apply_all(&mut want, &changes).unwrap();
    assert_eq!(store::load(&path).unwrap(), want);
    assert_eq!(base, want);
}

#[test]
fn a_list_with_one_refused_change_writes_nothing_and_names_each_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (mut budi, stamp) = store::load_stamped(&path).unwrap();
    let mut changes = mixed(&budi);
    // Meanwhile Ani renames 7.01.06.2.01.11 and removes the officer … no: adds the same code.
    saved(&path, "ani", None, |ws| {
        vec![Change::rename(ws, "7.01.06.2.01.11", "Ketenteraman dan Ketertiban").unwrap()]
    });
    let after_ani = fs::read(&path).unwrap();
    changes.push(Change::rename(&budi, SINKRON, "Sinkronisasi Perencanaan").unwrap());
    let CommitError::Conflicts(conflicts) =
        save(&path, &mut budi, stamp, changes, "budi").unwrap_err()
    else {
        panic!("a conflict expected")
    };
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].index(), 4, "the rename of 7.01.06.2.01.11");
    assert!(conflicts[0].figure().is_none());
    assert!(
        matches!(conflicts[0].why(), Refusal::AttrChanged { found, .. } if found == "Ketenteraman dan Ketertiban")
    );
    assert_eq!(conflicts[0].by().unwrap().pengguna, "ani");
    let line = conflicts[0].message(kinerja::locale::Lang::En);
    assert!(
        line.contains("changed by someone else") && line.contains("ani"),
        "{line}"
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        after_ani,
        "nothing of the list written"
    );
}

// --- the journal -------------------------------------------------------------------------------

/// Replays the journal onto the sample: the changes as they were applied, in order.
fn replay(path: &Path) -> Workspace {
    let mut ws = sample();
    for e in entries(path) {
        let c = e.change().unwrap_or_else(|| panic!("reads back: {e:?}"));
        change::apply(&mut ws, &c)
            .unwrap_or_else(|r| panic!("{r:?}: {c:?}"))
            .unwrap_or_else(|| panic!("does something: {c:?}"));
    }
    ws
}

#[test]
fn the_journal_is_every_save_of_every_kind_and_replays_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let mut applied = Vec::new();
    let mut sources = Vec::new();
    let mut save_as =
        |user: &str, source: Option<&str>, make: &dyn Fn(&Workspace) -> Vec<Change>| {
            let done = saved(&path, user, source, make);
            sources.extend(done.applied.iter().map(|_| source.map(str::to_string)));
            applied.extend(done.applied);
        };
    let ind = |ws: &Workspace| ws.node(SINKRON).unwrap().indikator[0].clone();
    let attr = |ws: &Workspace, a| Change::IndicatorAttr {
        kode: SINKRON.into(),
        indikator: ind(ws).id,
        attr: a,
    };
    // Figures, names and choices of a node and of an indicator.
    save_as("ani", Some("import e81.xlsx"), &|ws| {
        vec![
            Change::figure(ws, SINKRON, Field::Realisasi(0, Quarter::I), Some(dec!(3))).unwrap(),
            Change::figure(ws, SINKRON, Field::Rencana(0, Quarter::II), Some(dec!(2))).unwrap(),
            Change::figure(ws, SINKRON, Field::RenstraTarget(0, 2025), Some(dec!(6))).unwrap(),
            Change::figure(ws, SINKRON, Field::PaguMurni, Some(dec!(17000000))).unwrap(),
        ]
    });
    save_as("ani", None, &|ws| {
        vec![
            Change::rename(ws, SINKRON, "Sinkronisasi Perencanaan Pembangunan Desa").unwrap(),
            Change::NodeAttr {
                kode: SINKRON.into(),
                attr: NodeAttr::Pejabat(Edit {
                    old: Some("kasi-pembangunan".into()),
                    new: Some("kasi-pemerintahan".into()),
                }),
            },
            Change::NodeAttr {
                kode: SINKRON.into(),
                attr: NodeAttr::SumberDana(Edit {
                    old: ws
                        .node(SINKRON)
                        .unwrap()
                        .anggaran
                        .as_ref()
                        .unwrap()
                        .sumber_dana
                        .clone(),
                    new: "DAU".into(),
                }),
            },
        ]
    });
    save_as("budi", None, &|ws| {
        let i = ind(ws);
        vec![
            attr(
                ws,
                IndicatorAttr::Nama(Edit {
                    old: i.nama.clone(),
                    new: "Jumlah Dokumen Sinkronisasi".into(),
                }),
            ),
            attr(
                ws,
                IndicatorAttr::Satuan(Edit {
                    old: i.satuan.clone(),
                    new: "laporan".into(),
                }),
            ),
            attr(
                ws,
                IndicatorAttr::Polaritas(Edit {
                    old: Polarity::Positif,
                    new: Polarity::Negatif,
                }),
            ),
            attr(
                ws,
                IndicatorAttr::Agregasi(Edit {
                    old: Aggregation::Jumlah,
                    new: Aggregation::Terakhir,
                }),
            ),
            attr(
                ws,
                IndicatorAttr::Pejabat(Edit {
                    old: None,
                    new: Some("camat".into()),
                }),
            ),
        ]
    });
    // Officers.
    let officer = Officer {
        id: "kasi-paten".into(),
        nama: "SITI AMINAH".into(),
        nip: String::new(),
        jabatan: "Kasi Pelayanan PATEN".into(),
    };
    save_as("budi", None, &|_| {
        vec![
            Change::OfficerAdd {
                at: None,
                officer: officer.clone(),
            },
            Change::OfficerEdit {
                old: officer.clone(),
                new: Officer {
                    nip: "19900101 201501 2 001".into(),
                    ..officer.clone()
                },
            },
        ]
    });
    // The tree: a node, its budget, indicators added, moved, removed; recoded, moved, removed.
    let new = "7.01.06.2.01.13";
    save_as("ani", None, &|ws| {
        let a = ws.fresh_indicator_id();
        let b = kinerja::model::IndicatorId(a.0 + 1);
        vec![
            Change::add_node(
                Some("7.01.06.2.01"),
                None,
                Node::new(
                    NodeKind::SubKegiatan,
                    new,
                    "Fasilitasi Kerja Sama Antar Desa",
                ),
            ),
            Change::BudgetAdd {
                kode: new.into(),
                budget: Budget::default(),
            },
            Change::IndicatorAdd {
                kode: new.into(),
                at: None,
                indicator: Indicator::new(a, "Jumlah Kerja Sama", "dokumen"),
                pk: Vec::new(),
            },
            Change::IndicatorAdd {
                kode: new.into(),
                at: None,
                indicator: Indicator::new(b, "Jumlah Desa Terfasilitasi", "desa"),
                pk: Vec::new(),
            },
            Change::IndicatorMove {
                kode: new.into(),
                indikator: b,
                from: 1,
                to: 0,
            },
        ]
    });
    save_as("budi", None, &|ws| {
        vec![
            Change::remove_indicator(ws, new, 1, false).unwrap(),
            Change::BudgetRemove {
                kode: new.into(),
                budget: Budget::default(),
            },
            Change::NodeRecode {
                kode: new.into(),
                new: "7.01.06.2.01.14".into(),
            },
        ]
    });
    save_as("ani", None, &|ws| {
        vec![Change::move_among_siblings(ws, "7.01.06.2.01.14", true).unwrap()]
    });
    save_as("ani", None, &|ws| {
        vec![
            Change::remove_node(ws, "7.01.06.2.01.14", true).unwrap(),
            Change::OfficerRemove {
                officer: ws.officer("kasi-paten").unwrap().clone(),
                at: None,
            },
        ]
    });

    let journal = entries(&path);
    let kolom: Vec<&str> = journal.iter().map(|e| e.kolom.as_str()).collect();
    assert_eq!(
        kolom,
        [
            "realisasi",
            "rencana",
            "renstra_target",
            "pagu_murni",
            "nama",
            "pejabat",
            "sumber_dana",
            "nama",
            "satuan",
            "polaritas",
            "agregasi",
            "pejabat",
            "pejabat_tambah",
            "pejabat_ubah",
            "node_tambah",
            "anggaran_tambah",
            "indikator_tambah",
            "indikator_tambah",
            "indikator_pindah",
            "indikator_hapus",
            "anggaran_hapus",
            "kode",
            "pindah",
            "node_hapus",
            "pejabat_hapus",
        ]
    );
    // One entry per change saved, in order, each reading back as the change as applied, with
    // its save's source.
    assert_eq!(journal.len(), applied.len());
    for ((e, a), source) in journal.iter().zip(&applied).zip(&sources) {
        assert_eq!(e.change().as_ref(), Some(a.change()), "{}", e.kolom);
        assert_eq!(&e.catatan, source);
    }
    // Figures are still figures to the readers that know only figures.
    assert_eq!(journal[0].field(), Some(Field::Realisasi(0, Quarter::I)));
    assert_eq!(
        (journal[0].lama, journal[0].baru),
        (Some(dec!(2)), Some(dec!(3)))
    );
    // Text values as text; an indicator's attribute names the indicator.
    assert_eq!(
        (journal[4].lama_teks.as_deref(), journal[4].indikator),
        (
            Some("Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa"),
            None
        )
    );
    assert_eq!(
        (
            journal[8].lama_teks.as_deref(),
            journal[8].baru_teks.as_deref(),
            journal[8].indikator
        ),
        (Some("dokumen"), Some("laporan"), Some(1))
    );
    assert_eq!(journal[21].baru_teks.as_deref(), Some("7.01.06.2.01.14"));
    // The journal alone rebuilds the file.
    assert_eq!(replay(&path), store::load(&path).unwrap());
}

#[test]
fn a_changes_written_form_is_stable() {
    // The documented form (docs/multi-user.md): read back exactly, written exactly so.
    let cases = [
        (
            r#"{"jenis":"angka","id":8,"kode":"7.01.06.2.01.09","kolom":"realisasi","indikator":1,"tw":1,"lama":"2","baru":"3"}"#,
            Change::Figure {
                indikator: Some(kinerja::model::IndicatorId(8)),
                op: Op {
                    kode: SINKRON.into(),
                    field: Field::Realisasi(0, Quarter::I),
                    old: Some(dec!(2)),
                    new: Some(dec!(3)),
                },
            },
        ),
        (
            r#"{"jenis":"angka","kode":"7.01.06.2.01.09","kolom":"pagu","lama":null,"baru":"17000000"}"#,
            Change::Figure {
                indikator: None,
                op: Op {
                    kode: SINKRON.into(),
                    field: Field::Pagu,
                    old: None,
                    new: Some(dec!(17000000)),
                },
            },
        ),
        (
            r#"{"jenis":"node_ubah","kode":"7.01.06.2.01.09","ubah":{"kolom":"pejabat","lama":"kasi-pembangunan","baru":null}}"#,
            Change::NodeAttr {
                kode: SINKRON.into(),
                attr: NodeAttr::Pejabat(Edit {
                    old: Some("kasi-pembangunan".into()),
                    new: None,
                }),
            },
        ),
        (
            r#"{"jenis":"indikator_ubah","kode":"7.01.06.2.01.09","id":8,"ubah":{"kolom":"agregasi","lama":"jumlah","baru":"rata_rata"}}"#,
            Change::IndicatorAttr {
                kode: SINKRON.into(),
                indikator: kinerja::model::IndicatorId(8),
                attr: IndicatorAttr::Agregasi(Edit {
                    old: Aggregation::Jumlah,
                    new: Aggregation::RataRata,
                }),
            },
        ),
        (
            r#"{"jenis":"kode","kode":"7.01.06","baru":"7.01.07"}"#,
            Change::NodeRecode {
                kode: "7.01.06".into(),
                new: "7.01.07".into(),
            },
        ),
        (
            r#"{"jenis":"pindah","kode":"7.01.06","dari":{"induk":"SASARAN-1","urutan":1},"ke":{"induk":"SASARAN-2","urutan":0}}"#,
            Change::NodeMove {
                kode: "7.01.06".into(),
                from: change::Place {
                    parent: Some("SASARAN-1".into()),
                    at: 1,
                },
                to: change::Place {
                    parent: Some("SASARAN-2".into()),
                    at: 0,
                },
                new_kode: None,
            },
        ),
        (
            r#"{"jenis":"node_tambah","induk":"7.01.06.2.01","urutan":null,"node":{"jenis":"sub_kegiatan","kode":"7.01.06.2.01.13","nama":"Fasilitasi Kerja Sama"}}"#,
            Change::add_node(
                Some("7.01.06.2.01"),
                None,
                Node::new(
                    NodeKind::SubKegiatan,
                    "7.01.06.2.01.13",
                    "Fasilitasi Kerja Sama",
                ),
            ),
        ),
        (
            r#"{"jenis":"pejabat_hapus","pejabat":{"id":"kasi-paten","nama":"SITI","nip":"","jabatan":"Kasi"},"urutan":8}"#,
            Change::OfficerRemove {
                officer: Officer {
                    id: "kasi-paten".into(),
                    nama: "SITI".into(),
                    nip: String::new(),
                    jabatan: "Kasi".into(),
                },
                at: Some(8),
            },
        ),
    ];
    for (text, change) in cases {
        assert_eq!(
            serde_json::from_str::<Change>(text).unwrap(),
            change,
            "{text}"
        );
        assert_eq!(serde_json::to_string(&change).unwrap(), text);
    }
    // A figure's column must be known and complete; its figures are held to the file's grammar.
    for bad in [
        r#"{"jenis":"angka","kode":"A","kolom":"realisasi","indikator":1,"lama":null,"baru":"1"}"#,
        r#"{"jenis":"angka","kode":"A","kolom":"nilai","lama":null,"baru":"1"}"#,
        r#"{"jenis":"angka","kode":"A","kolom":"pagu","lama":null,"baru":"-1"}"#,
        r#"{"jenis":"angka","kode":"A","kolom":"pagu","lama":null,"baru":"1e3"}"#,
        r#"{"jenis":"rahasia","kode":"A"}"#,
    ] {
        assert!(serde_json::from_str::<Change>(bad).is_err(), "{bad}");
    }
}

#[test]
fn every_node_of_the_sample_reads_back_from_a_saved_change() {
    // A removal carries the node with everything it held: Renstra targets and history by year
    // (map keys written as strings), quarters, budgets.
    let ws = sample();
    for n in ws.nodes() {
        let c = Change::NodeRemove {
            node: n.clone(),
            force: true,
            place: change::place(&ws, &n.kode),
            pk: Vec::new(),
        };
        let text = serde_json::to_string(&c).unwrap();
        assert_eq!(
            serde_json::from_str::<Change>(&text).unwrap(),
            c,
            "{}",
            n.kode
        );
    }
}

#[test]
fn journal_lines_written_before_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    // A line of a journal written before transactions, ids and changes of the tree.
    let old = r#"{"waktu":"2026-11-28T10:03:00Z","pengguna":"ani","kode":"7.01.06.2.01.09","indikator":1,"kolom":"realisasi","tw":1,"lama":"2","baru":"7"}"#;
    fs::write(journal::path_for(&path), format!("{old}\n")).unwrap();
    let e = entries(&path);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].field(), Some(Field::Realisasi(0, Quarter::I)));
    assert_eq!((e[0].id, &e[0].perubahan), (None, &None));
    let Some(Change::Figure { indikator, op }) = e[0].change() else {
        panic!("a figure")
    };
    assert_eq!((indikator, op.new), (None, Some(dec!(7))));
}

// --- the recovery file -------------------------------------------------------------------------

#[test]
fn unsaved_structure_edits_survive_in_the_recovery_file_and_merge_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let (base, stamp) = store::load_stamped(&path).unwrap();
    let changes = mixed(&base);
    store::recovery::save_changes(&path, &changes, &stamp).unwrap();
    // The session is gone; someone else saves meanwhile.
    saved(&path, "ani", None, |ws| {
        vec![Change::figure(ws, "7.01.02.2.04.02", Field::Target(0), Some(dec!(550))).unwrap()]
    });
    let got = store::recovery::load(&path).unwrap().expect("kept");
    assert_eq!(got.changes, changes);
    assert!(got.ops.is_empty());
    let (mut now, now_stamp) = store::load_stamped(&path).unwrap();
    assert!(!got.made_against(&now_stamp));
    let done = save(&path, &mut now, now_stamp, got.changes, "budi").unwrap();
    assert_eq!(done.applied.len(), changes.len());
    let disk = store::load(&path).unwrap();
    assert!(disk.node("7.01.02.2.04.03").is_some());
    assert_eq!(
        disk.figure("7.01.02.2.04.02", Field::Target(0)),
        Some(Some(dec!(550)))
    );
    store::recovery::save_changes(&path, &[], &now_stamp).unwrap();
    assert_eq!(
        store::recovery::load(&path).unwrap(),
        None,
        "no changes: no file"
    );
}

// --- kills ---------------------------------------------------------------------------------------

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn structure_crash_loop(iterations: u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let mut rng = Lcg(0x57A7);
    let mut journaled = 0;
    let (mut completed, mut killed) = (0, 0);
    for i in 0..iterations {
        let p = path.to_str().unwrap();
        let args: Vec<String> = match i % 3 {
            0 => vec![
                "node".into(),
                "rename".into(),
                SINKRON.into(),
                format!("Sinkronisasi {i}"),
            ],
            1 => vec![
                "indikator".into(),
                "add".into(),
                SINKRON.into(),
                "--nama".into(),
                format!("Indikator {i}"),
                "--satuan".into(),
                "dokumen".into(),
            ],
            _ => vec![
                "node".into(),
                "add".into(),
                "--parent".into(),
                "7.01.06.2.01".into(),
                format!("7.01.06.2.01.{:04}", 100 + i),
                format!("Sub kegiatan {i}"),
            ],
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["-w", p])
            .args(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Up to about twice a whole save in a debug build, so kills land in every phase.
        std::thread::sleep(Duration::from_micros(rng.next(50_000)));
        let _ = child.kill();
        if child.wait().unwrap().success() {
            completed += 1;
        } else {
            killed += 1;
        }
        // The file loads, and the journal's finished entries replay to exactly it: no change
        // without its entry, no entry without its change.
        let now = store::load(&path).unwrap_or_else(|e| panic!("iteration {i}: {e}"));
        let n = entries(&path).len();
        assert!(
            n == journaled || n == journaled + 1,
            "iteration {i}: {journaled} → {n}"
        );
        journaled = n;
        assert_eq!(
            replay(&path),
            now,
            "iteration {i}: file and journal disagree"
        );
    }
    eprintln!(
        "structure crash: {iterations} SIGKILLs, {completed} saves completed, {killed} killed \
         mid-way, {journaled} journal entries replay to the file"
    );
}

#[test]
fn sigkill_during_structure_saves_leaves_file_and_journal_agreeing() {
    structure_crash_loop(120);
}

#[test]
#[ignore = "long variant: cargo test --test commit_changes -- --ignored"]
fn sigkill_during_structure_saves_long() {
    structure_crash_loop(900);
}
