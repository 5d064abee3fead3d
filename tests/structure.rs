//! The tree as editable as the figures (issue 12): stable indicator ids, the vocabulary of
//! changes (applied, refused, inverted, merged with another user's), the rules of levels,
//! codes and names, and a new workspace and a new year.
//!
//! Expected figures come from the seed (LKjIP Kecamatan Sooko 2023) through the sample, or
//! from hand counts written beside them.

#[path = "../src/cli/generate.rs"]
mod generate;

use kinerja::export::words::{Cell, TextTable};
use kinerja::model::change::{self, IndicatorAttr, NodeAttr, Place, Refusal};
use kinerja::model::{
    Aggregation, Change, Edit, Field, Indicator, IndicatorId, Node, NodeKind, Officer, Polarity,
    Quarter, Workspace,
};
use kinerja::report::tables;
use kinerja::rules::codes::{self, CodeError};
use kinerja::rules::removal::{self, Removal};
use kinerja::rules::text::{TextError, TextKind};
use kinerja::rules::{self, Objection};
use kinerja::{locale, store};
use rust_decimal::{Decimal, dec};

fn sample() -> Workspace {
    store::parse(store::SAMPLE_JSON).expect("the sample loads")
}

/// Checks a user's change against the rules, applies it, and checks the result is a workspace
/// the loader accepts and that the inverse gives back exactly what was there.
fn apply(ws: &mut Workspace, c: &Change) -> change::Applied {
    rules::change::check(ws, c).unwrap_or_else(|e| panic!("{e:?} for {c:?}"));
    let before = ws.clone();
    let a = change::apply(ws, c)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .expect("a change that does something");
    valid(ws);
    let mut back = ws.clone();
    change::apply(&mut back, &a.inverse()).expect("the inverse applies");
    assert_eq!(back, before, "apply then inverse is the original");
    a
}

fn valid(ws: &Workspace) {
    if let Err((problem, _)) = store::validate(ws) {
        panic!("invalid workspace: {problem:?}");
    }
    // And it survives the file: written and read back, it is the same workspace.
    assert_eq!(&store::parse(&store::to_json(ws)).unwrap(), ws);
}

fn objection(ws: &Workspace, c: &Change) -> Objection {
    let before = ws.clone();
    let e = rules::change::check(ws, c).expect_err("refused");
    assert_eq!(ws, &before);
    e
}

fn id_of(ws: &Workspace, kode: &str, pos: usize) -> IndicatorId {
    ws.node(kode).unwrap().indikator[pos].id
}

fn kodes(ws: &Workspace) -> Vec<String> {
    ws.nodes().map(|n| n.kode.clone()).collect()
}

fn pk(ws: &Workspace) -> Vec<(String, String, usize)> {
    ws.pk
        .iter()
        .map(|l| (l.no.clone(), l.kode.clone(), l.indikator))
        .collect()
}

fn sub_kegiatan(kode: &str, nama: &str) -> Node {
    Node::new(NodeKind::SubKegiatan, kode, nama)
}

// --- ids -----------------------------------------------------------------------------------

/// The sample written as schema version 1 would have been: no ids.
fn sample_v1() -> String {
    let text = store::SAMPLE_JSON.replace("\"schema_version\": 2", "\"schema_version\": 1");
    let is_id = |l: &str| {
        l.trim()
            .strip_prefix("\"id\": ")
            .and_then(|v| v.strip_suffix(','))
            .is_some_and(|v| v.parse::<u64>().is_ok())
    };
    let lines: Vec<&str> = text.lines().filter(|l| !is_id(l)).collect();
    lines.join("\n") + "\n"
}

#[test]
fn a_version_1_file_loads_with_ids_in_tree_order_and_two_users_agree() {
    let text = sample_v1();
    assert!(!text.contains("\"id\": 1,"), "the ids are gone");
    let a = store::parse(&text).expect("a version 1 file loads");
    let b = store::parse(&text).unwrap();
    assert_eq!(a, b, "two users loading the same file get the same ids");
    assert_eq!(a.schema_version, 2, "saved as the current version");
    // Tree order: IKM on SASARAN-1 is the first indicator, the program 7.01.01's two are 12
    // and 13, the last sub kegiatan's is 38 (the sample has 38 indicators).
    assert_eq!(id_of(&a, "SASARAN-1", 0), IndicatorId(1));
    assert_eq!(id_of(&a, "7.01.01", 0), IndicatorId(12));
    assert_eq!(id_of(&a, "7.01.01", 1), IndicatorId(13));
    assert_eq!(id_of(&a, "7.01.01.2.09.10", 0), IndicatorId(38));
    // Ids given at load are counted, so a save can tell a file that had none.
    let mut raw: Workspace = serde_json::from_str(&text).unwrap();
    assert_eq!(raw.upgrade(), 38);
    assert_eq!(raw.upgrade(), 0, "nothing left to give");
    // The shipped sample is that file saved by this version.
    assert_eq!(a, sample());
    assert_eq!(store::to_json(&a), store::SAMPLE_JSON);
}

#[test]
fn an_indicator_without_id_gets_the_next_one_and_a_duplicate_is_refused() {
    // An indicator added by hand without an id, in a version 2 file.
    let text = store::SAMPLE_JSON.replacen("\"id\": 13,\n", "", 1);
    let ws = store::parse(&text).unwrap();
    assert_eq!(
        id_of(&ws, "7.01.01", 1),
        IndicatorId(39),
        "after the largest (38)"
    );
    // Two indicators with one id: the file is refused, naming the id, at its second place.
    let text = store::SAMPLE_JSON.replacen("\"id\": 13,", "\"id\": 12,", 1);
    let err = store::parse(&text).unwrap_err();
    assert!(err.to_string().contains("id indikator 12"), "{err}");
    let second = text.match_indices("\"id\": 12,").nth(1).unwrap().0;
    assert_eq!(err.line, text[..second].matches('\n').count() + 1);
}

#[test]
fn fresh_ids_are_new_to_the_workspace() {
    let ws = sample();
    let used = ws.indicator_ids();
    for _ in 0..100 {
        assert!(!used.contains(&ws.fresh_indicator_id()));
    }
}

#[test]
fn the_model_bound_on_figures_is_the_locale_one() {
    assert_eq!(change::MAX_FIGURE, locale::MAX_FIGURE);
}

// --- figures addressed by id -----------------------------------------------------------------

#[test]
fn a_figure_follows_its_indicator_not_its_position() {
    let base = sample();
    // User B types the 2023 TW IV figure of "Jumlah inovasi", the second indicator of 7.01.01.
    let inovasi = id_of(&base, "7.01.01", 1);
    let theirs = Change::figure(
        &base,
        "7.01.01",
        Field::Realisasi(1, Quarter::IV),
        Some(dec!(3)),
    )
    .unwrap();
    // Meanwhile user A inserts an indicator before it and saves.
    let mut disk = base.clone();
    let new_id = disk.fresh_indicator_id();
    apply(
        &mut disk,
        &Change::IndicatorAdd {
            kode: "7.01.01".into(),
            at: Some(0),
            indicator: Indicator::new(new_id, "Indikator baru", "dokumen"),
            pk: vec![],
        },
    );
    // B's figure lands on Jumlah inovasi, now third; A's new indicator is untouched.
    let applied = change::apply_all(&mut disk, &[theirs]).expect("no conflict");
    let node = disk.node("7.01.01").unwrap();
    assert_eq!(node.indikator[2].id, inovasi);
    assert_eq!(node.indikator[2].realisasi[3], Some(dec!(3)));
    assert_eq!(node.indikator[0].realisasi, [None; 4]);
    // The change as applied names the position it was written at (the journal's "indikator 3").
    match applied[0].change() {
        Change::Figure { op, .. } => assert_eq!(op.field, Field::Realisasi(2, Quarter::IV)),
        c => panic!("{c:?}"),
    }
    // PK line 4 still points at Jumlah inovasi, and 3.1 at Nilai SAKIP.
    assert!(pk(&disk).contains(&("4".into(), "7.01.01".into(), 3)));
    assert!(pk(&disk).contains(&("3.1".into(), "7.01.01".into(), 2)));
    valid(&disk);
}

#[test]
fn a_figure_without_its_indicator_id_is_refused() {
    let mut ws = sample();
    let mut c = Change::figure(&ws, "7.01.01", Field::Target(0), Some(dec!(90))).unwrap();
    if let Change::Figure { indikator, .. } = &mut c {
        *indikator = None;
    }
    assert!(matches!(
        change::apply(&mut ws, &c),
        Err(Refusal::NoIndicatorId { .. })
    ));
}

#[test]
fn figures_out_of_range_and_rupiah_rules() {
    let mut ws = sample();
    let negative = Change::figure(&ws, "7.01.01", Field::Target(0), Some(dec!(-1))).unwrap();
    assert!(matches!(
        change::apply(&mut ws, &negative),
        Err(Refusal::BadFigure { .. })
    ));
    let huge = Change::figure(
        &ws,
        "7.01.01",
        Field::Target(0),
        Some(locale::MAX_FIGURE + Decimal::ONE),
    )
    .unwrap();
    assert!(matches!(
        change::apply(&mut ws, &huge),
        Err(Refusal::BadFigure { .. })
    ));
    // Rupiah has two decimals at most.
    let cents = Change::figure(
        &ws,
        "7.01.02.2.04.02",
        Field::Rp(Quarter::I),
        Some(dec!(1.005)),
    )
    .unwrap();
    assert_eq!(
        objection(&ws, &cents),
        Objection::RupiahDecimals { value: dec!(1.005) }
    );
    // A program's budget is the sum of its kegiatan: its pagu is not typed.
    let pagu = Change::figure(&ws, "7.01.01", Field::Pagu, Some(dec!(1))).unwrap();
    assert_eq!(
        objection(&ws, &pagu),
        Objection::BudgetIsSum {
            kode: "7.01.01".into()
        }
    );
    // A sub kegiatan's is.
    let pagu = Change::figure(&ws, "7.01.02.2.04.02", Field::Pagu, Some(dec!(26000000))).unwrap();
    apply(&mut ws, &pagu);
    assert_eq!(
        ws.figure("7.01.02.2.04.02", Field::Pagu),
        Some(Some(dec!(26000000)))
    );
}

#[test]
fn one_rule_says_whose_budget_is_a_sum() {
    let ws = sample();
    // A program and a kegiatan over budgeted sub kegiatan: sums. A sub kegiatan: its own.
    assert!(rules::budget_is_sum(ws.node("7.01.01").unwrap()));
    assert!(rules::budget_is_sum(ws.node("7.01.01.2.06").unwrap()));
    assert!(!rules::budget_is_sum(ws.node("7.01.01.2.06.04").unwrap()));
    // A Sasaran above programs with budgets is a sum too (it has no budget of its own).
    assert!(rules::budget_is_sum(ws.node("SASARAN-2").unwrap()));
    // It agrees with budget_of: a sum exactly where some child has a budget.
    for n in ws.nodes() {
        let from_children = n
            .anak
            .iter()
            .any(|c| rules::budget_of(c, Quarter::IV).is_some());
        assert_eq!(rules::budget_is_sum(n), from_children, "{}", n.kode);
    }
}

// --- nodes -------------------------------------------------------------------------------------

#[test]
fn add_a_sub_kegiatan_with_the_proposed_code() {
    let mut ws = sample();
    // 7.01.01.2.01 has .01–.05 and .07: the next after the highest is .08.
    let kode = codes::next_free(&ws, Some("7.01.01.2.01"), NodeKind::SubKegiatan).unwrap();
    assert_eq!(kode, "7.01.01.2.01.08");
    let c = Change::add_node(
        Some("7.01.01.2.01"),
        None,
        sub_kegiatan(&kode, "Penyusunan Laporan Capaian Kinerja"),
    );
    let a = apply(&mut ws, &c);
    assert_eq!(
        ws.node("7.01.01.2.01").unwrap().anak.last().unwrap().kode,
        kode
    );
    // As applied, the position is filled in: after the six there were.
    match a.change() {
        Change::NodeAdd { at, .. } => assert_eq!(*at, Some(6)),
        c => panic!("{c:?}"),
    }
}

#[test]
fn refused_node_additions() {
    let ws = sample();
    let add = |parent: &str, node: Node| Change::add_node(Some(parent), None, node);
    // A code that is taken.
    assert_eq!(
        objection(
            &ws,
            &add("7.01.01.2.01", sub_kegiatan("7.01.01.2.01.03", "X"))
        ),
        Objection::Refused(Refusal::KodeTaken {
            kode: "7.01.01.2.01.03".into()
        })
    );
    // A code not under its parent's, or not of the shape.
    assert_eq!(
        objection(
            &ws,
            &add("7.01.01.2.01", sub_kegiatan("7.01.01.2.02.09", "X"))
        ),
        Objection::Code {
            kode: "7.01.01.2.02.09".into(),
            why: CodeError::NotUnder {
                parent: "7.01.01.2.01".into(),
                pattern: "<kegiatan>.XX"
            }
        }
    );
    assert!(matches!(
        objection(
            &ws,
            &add(
                "SASARAN-1",
                Node::new(NodeKind::Program, "7.1.9", "Program")
            )
        ),
        Objection::Code {
            why: CodeError::Shape { .. },
            ..
        }
    ));
    assert!(matches!(
        objection(
            &ws,
            &add("SASARAN-1", Node::new(NodeKind::Sasaran, "SASARAN 9", "X"))
        ),
        Objection::Level { .. }
    ));
    // A level that cannot sit under that parent: a kegiatan directly under a sasaran.
    assert_eq!(
        objection(
            &ws,
            &add(
                "SASARAN-1",
                Node::new(NodeKind::Kegiatan, "7.01.02.2.09", "Kegiatan")
            )
        ),
        Objection::Level {
            kode: "7.01.02.2.09".into(),
            jenis: NodeKind::Kegiatan,
            parent: Some(NodeKind::Sasaran)
        }
    );
    // Nothing below a sub kegiatan.
    assert!(matches!(
        objection(
            &ws,
            &add("7.01.01.2.01.01", sub_kegiatan("7.01.01.2.01.01.01", "X"))
        ),
        Objection::Level { .. }
    ));
    // An empty name, a name on two lines.
    assert_eq!(
        objection(
            &ws,
            &add("7.01.01.2.01", sub_kegiatan("7.01.01.2.01.08", ""))
        ),
        Objection::Text {
            kind: TextKind::Nama,
            why: TextError::Empty
        }
    );
    assert_eq!(
        objection(
            &ws,
            &add("7.01.01.2.01", sub_kegiatan("7.01.01.2.01.08", "Satu\nDua"))
        ),
        Objection::Text {
            kind: TextKind::Nama,
            why: TextError::Control
        }
    );
    // A parent that does not exist.
    assert_eq!(
        objection(&ws, &add("7.09.09", sub_kegiatan("7.09.09.2.01.01", "X"))),
        Objection::Refused(Refusal::NodeGone {
            kode: "7.09.09".into()
        })
    );
    // A position past the end.
    let c = Change::add_node(
        Some("7.01.01.2.01"),
        Some(7),
        sub_kegiatan("7.01.01.2.01.08", "X"),
    );
    assert_eq!(
        objection(&ws, &c),
        Objection::Refused(Refusal::Position { at: 7, len: 6 })
    );
}

#[test]
fn build_a_tree_from_nothing_with_a_skipped_level() {
    let mut ws = kinerja::model::init(
        "Kecamatan Trawas",
        "Kabupaten Mojokerto",
        2025,
        rules::renstra_period(2025),
    );
    let steps = [
        (None, NodeKind::Visi, "Mojokerto maju"),
        (Some("VISI-1"), NodeKind::Misi, "Tata kelola"),
        // A sasaran directly under the misi: the tujuan level is skipped.
        (
            Some("MISI-1"),
            NodeKind::Sasaran,
            "Pelayanan publik optimal",
        ),
    ];
    for (parent, jenis, nama) in steps {
        let parent_kind = parent.map(|p| ws.node(p).unwrap().jenis);
        assert!(rules::levels::may_sit_under(jenis, parent_kind));
        let kode = codes::next_free(&ws, parent, jenis).unwrap();
        apply(
            &mut ws,
            &Change::add_node(parent, None, Node::new(jenis, &kode, nama)),
        );
    }
    assert_eq!(kodes(&ws), ["VISI-1", "MISI-1", "SASARAN-1"]);
    // No program yet: the urusan of a new body is not guessed; the user types it.
    assert_eq!(
        codes::next_free(&ws, Some("SASARAN-1"), NodeKind::Program),
        None
    );
    let mut program = Node::new(NodeKind::Program, "7.01.02", "Program Penyelenggaraan");
    program.indikator.push(Indicator::new(
        ws.fresh_indicator_id(),
        "Persentase pelayanan sesuai standar",
        "%",
    ));
    apply(&mut ws, &Change::add_node(Some("SASARAN-1"), None, program));
    // A program's first kegiatan: <program>.2.01; the next: .2.02; the first sub kegiatan .01.
    let k1 = codes::next_free(&ws, Some("7.01.02"), NodeKind::Kegiatan).unwrap();
    assert_eq!(k1, "7.01.02.2.01");
    apply(
        &mut ws,
        &Change::add_node(
            Some("7.01.02"),
            None,
            Node::new(NodeKind::Kegiatan, &k1, "Kegiatan A"),
        ),
    );
    assert_eq!(
        codes::next_free(&ws, Some("7.01.02"), NodeKind::Kegiatan).unwrap(),
        "7.01.02.2.02"
    );
    let s1 = codes::next_free(&ws, Some(&k1), NodeKind::SubKegiatan).unwrap();
    assert_eq!(s1, "7.01.02.2.01.01");
    apply(
        &mut ws,
        &Change::add_node(Some(&k1), None, sub_kegiatan(&s1, "Sub A")),
    );
    // The next program after 7.01.02 in that urusan and bidang.
    assert_eq!(
        codes::next_free(&ws, Some("SASARAN-1"), NodeKind::Program).unwrap(),
        "7.01.03"
    );
    // Budget: created when a pagu is first set, then its figures are typed.
    for c in Change::set_pagu(&ws, &s1, Some(dec!(25000000))).unwrap() {
        apply(&mut ws, &c);
    }
    let budget = ws.node(&s1).unwrap().anggaran.clone().unwrap();
    assert_eq!(budget.pagu, Some(dec!(25000000)));
    // A budget is refused above Program.
    assert_eq!(
        change::check(
            &ws,
            &Change::BudgetAdd {
                kode: "SASARAN-1".into(),
                budget: Default::default()
            }
        ),
        Err(Refusal::BudgetNotAllowed {
            kode: "SASARAN-1".into(),
            jenis: NodeKind::Sasaran
        })
    );
    // Figures into the program's indicator, then capaian: 85 of 81 → 104,94 %.
    for (field, v) in [
        (Field::Target(0), dec!(81)),
        (Field::Realisasi(0, Quarter::I), dec!(85)),
    ] {
        let c = Change::figure(&ws, "7.01.02", field, Some(v)).unwrap();
        apply(&mut ws, &c);
    }
    let ind = &ws.node("7.01.02").unwrap().indikator[0];
    assert_eq!(
        locale::percent_or_dash(rules::capaian_tahun(ind)),
        locale::percent_or_dash(Some(dec!(104.94)))
    );
}

#[test]
fn removing_a_node_with_figures_needs_force_and_says_what_goes() {
    let mut ws = sample();
    let kode = "7.01.02.2.04.02";
    // By hand from the sample: target 500, four realisations, pagu, four quarters of Rupiah
    // and the declared year: 11 figures; Rp 4.852.500 + 4.977.000 + 3.540.000 + 10.697.000 =
    // 24.066.500 realised (the LRA's figure).
    let r = removal::of_node(&ws, ws.node(kode).unwrap());
    assert_eq!(
        r,
        Removal {
            nodes_below: 0,
            indicators: 1,
            figures: 11,
            rupiah: Some(dec!(24066500)),
            pk_lines: 0
        }
    );
    let c = Change::remove_node(&ws, kode, false).unwrap();
    assert_eq!(objection(&ws, &c), Objection::NeedsForce(r));
    let c = Change::remove_node(&ws, kode, true).unwrap();
    apply(&mut ws, &c);
    assert!(ws.node(kode).is_none());
    // A node just added, with nothing in it, goes without force.
    let mut ws = sample();
    let c = Change::add_node(
        Some("7.01.01.2.01"),
        None,
        sub_kegiatan("7.01.01.2.01.08", "X"),
    );
    apply(&mut ws, &c);
    let c = Change::remove_node(&ws, "7.01.01.2.01.08", false).unwrap();
    apply(&mut ws, &c);
}

#[test]
fn removing_a_program_takes_its_pk_lines_and_the_inverse_brings_them_back() {
    let mut ws = sample();
    let r = removal::of_node(&ws, ws.node("7.01.02").unwrap());
    // Kegiatan 7.01.02.2.04 and its sub kegiatan; three indicators; PK 1.1 and 1.2.
    assert_eq!((r.nodes_below, r.indicators, r.pk_lines), (2, 3, 2));
    assert_eq!(r.rupiah, Some(dec!(24066500)));
    // The model alone (an undo, a merge) refuses to drop PK lines without force too.
    let c = Change::remove_node(&ws, "7.01.02", false).unwrap();
    assert_eq!(
        change::check(&ws, &c),
        Err(Refusal::PkLines {
            no: vec!["1.1".into(), "1.2".into()]
        })
    );
    let before = pk(&ws);
    let c = Change::remove_node(&ws, "7.01.02", true).unwrap();
    let a = apply(&mut ws, &c);
    assert_eq!(pk(&ws).len(), before.len() - 2);
    match a.change() {
        Change::NodeRemove { place, pk, .. } => {
            assert_eq!(
                place,
                &Some(Place {
                    parent: Some("SASARAN-1".into()),
                    at: 0
                })
            );
            assert_eq!(pk.iter().map(|p| p.index).collect::<Vec<_>>(), [1, 2]);
        }
        c => panic!("{c:?}"),
    }
}

#[test]
fn recode_a_program_and_its_descendants_and_pk_lines_follow() {
    let mut ws = sample();
    let c = Change::NodeRecode {
        kode: "7.01.01".into(),
        new: "7.01.05".into(),
    };
    apply(&mut ws, &c);
    assert!(ws.node("7.01.01").is_none());
    assert_eq!(
        ws.node("7.01.05.2.01").unwrap().nama,
        sample().node("7.01.01.2.01").unwrap().nama
    );
    assert!(ws.node("7.01.05.2.01.03").is_some());
    assert!(ws.node("7.01.05.2.09.10").is_some());
    assert!(!kodes(&ws).iter().any(|k| k.starts_with("7.01.01")));
    // PK 3.1 and 4 pointed at 7.01.01, 3.2 at 7.01.01.2.02, 3.3 at 7.01.01.2.05.
    let lines = pk(&ws);
    for (no, kode, i) in [
        ("3.1", "7.01.05", 1),
        ("3.2", "7.01.05.2.02", 1),
        ("3.3", "7.01.05.2.05", 1),
        ("4", "7.01.05", 2),
    ] {
        assert!(
            lines.contains(&(no.into(), kode.into(), i)),
            "{no}: {lines:?}"
        );
    }
}

#[test]
fn refused_recodes() {
    let ws = sample();
    let recode = |kode: &str, new: &str| Change::NodeRecode {
        kode: kode.into(),
        new: new.into(),
    };
    // Taken: the node itself, or one of its descendants' new codes.
    assert_eq!(
        objection(&ws, &recode("7.01.01", "7.01.02")),
        Objection::Refused(Refusal::KodeTaken {
            kode: "7.01.02".into()
        })
    );
    assert!(matches!(
        objection(&ws, &recode("7.01.01", "7.1.5")),
        Objection::Code {
            why: CodeError::Shape { .. },
            ..
        }
    ));
    // A kegiatan's code stays under its program's.
    assert!(matches!(
        objection(&ws, &recode("7.01.01.2.06", "7.01.02.2.06")),
        Objection::Code {
            why: CodeError::NotUnder { .. },
            ..
        }
    ));
    assert_eq!(
        objection(&ws, &recode("MISI-3", "")),
        Objection::Code {
            kode: "".into(),
            why: CodeError::Empty
        }
    );
    // A node that is not there.
    assert_eq!(
        objection(&ws, &recode("7.09.09", "7.09.08")),
        Objection::Refused(Refusal::NodeGone {
            kode: "7.09.09".into()
        })
    );
}

#[test]
fn an_upper_level_recode_whose_undo_would_take_others_along_is_refused() {
    let ws = sample();
    // SASARAN-2's program 7.01.01 already extends "7.01": recoding the sasaran to "7.01" and
    // back would take the program along to "SASARAN-2.01".
    let c = Change::NodeRecode {
        kode: "SASARAN-2".into(),
        new: "7.01".into(),
    };
    assert_eq!(
        change::check(&ws, &c),
        Err(Refusal::RecodeClash {
            kode: "7.01.01".into()
        })
    );
    // A free code with nothing in the way is fine.
    let mut ws = ws;
    apply(
        &mut ws,
        &Change::NodeRecode {
            kode: "SASARAN-2".into(),
            new: "SASARAN-B".into(),
        },
    );
}

#[test]
fn move_up_down_and_to_another_parent() {
    let mut ws = sample();
    // SASARAN-1 holds 7.01.02 then 7.01.06.
    assert!(
        Change::move_among_siblings(&ws, "7.01.02", true).is_none(),
        "already first"
    );
    let up = Change::move_among_siblings(&ws, "7.01.06", true).unwrap();
    apply(&mut ws, &up);
    let order: Vec<_> = ws
        .node("SASARAN-1")
        .unwrap()
        .anak
        .iter()
        .map(|n| n.kode.as_str())
        .collect();
    assert_eq!(order, ["7.01.06", "7.01.02"]);
    let down = Change::move_among_siblings(&ws, "7.01.06", false).unwrap();
    apply(&mut ws, &down);
    assert_eq!(ws, sample());

    // A program to another sasaran keeps its code.
    let c = Change::move_under(&ws, "7.01.06", Some("SASARAN-2"), None).unwrap();
    apply(&mut ws, &c);
    assert_eq!(ws.node("SASARAN-2").unwrap().anak[1].kode, "7.01.06");

    // A kegiatan to another program needs a code under it; its sub kegiatan follow.
    let mut ws = sample();
    let c = Change::move_under(&ws, "7.01.06.2.01", Some("7.01.02"), None).unwrap();
    assert!(matches!(
        objection(&ws, &c),
        Objection::Code {
            why: CodeError::NotUnder { .. },
            ..
        }
    ));
    let c = Change::move_under(&ws, "7.01.06.2.01", Some("7.01.02"), Some("7.01.02.2.05")).unwrap();
    apply(&mut ws, &c);
    let k = ws
        .node("7.01.02")
        .unwrap()
        .anak
        .iter()
        .map(|n| n.kode.clone())
        .collect::<Vec<_>>();
    assert_eq!(k, ["7.01.02.2.04", "7.01.02.2.05"]);
    assert!(ws.node("7.01.02.2.05.12").is_some());
    // PK 2.2 pointed at the kegiatan.
    assert!(pk(&ws).contains(&("2.2".into(), "7.01.02.2.05".into(), 1)));

    // Refused: into itself, a level that cannot sit there.
    let ws = sample();
    let c = Change::move_under(&ws, "SASARAN-1", Some("7.01.02"), None).unwrap();
    assert_eq!(
        change::check(&ws, &c),
        Err(Refusal::IntoItself {
            kode: "SASARAN-1".into()
        })
    );
    let c = Change::move_under(&ws, "7.01.06", Some("7.01.02"), None).unwrap();
    assert!(matches!(objection(&ws, &c), Objection::Level { .. }));
    let c = Change::move_under(&ws, "7.01.01.2.06", Some("SASARAN-1"), None).unwrap();
    assert_eq!(
        objection(&ws, &c),
        Objection::Level {
            kode: "7.01.01.2.06".into(),
            jenis: NodeKind::Kegiatan,
            parent: Some(NodeKind::Sasaran)
        }
    );
}

#[test]
fn node_attributes() {
    let mut ws = sample();
    let c = Change::rename(&ws, "7.01.06", "Program Pembinaan Desa").unwrap();
    apply(&mut ws, &c);
    assert_eq!(ws.node("7.01.06").unwrap().nama, "Program Pembinaan Desa");
    let officer = Change::NodeAttr {
        kode: "7.01.06".into(),
        attr: NodeAttr::Pejabat(Edit {
            old: None,
            new: Some("kasi-pemerintahan".into()),
        }),
    };
    apply(&mut ws, &officer);
    let nobody = Change::NodeAttr {
        kode: "7.01.06".into(),
        attr: NodeAttr::Pejabat(Edit {
            old: Some("kasi-pemerintahan".into()),
            new: Some("lurah".into()),
        }),
    };
    assert_eq!(
        objection(&ws, &nobody),
        Objection::Refused(Refusal::OfficerGone { id: "lurah".into() })
    );
    let dana = Change::NodeAttr {
        kode: "7.01.06.2.01.02".into(),
        attr: NodeAttr::SumberDana(Edit {
            old: "P-APBD".into(),
            new: "APBD".into(),
        }),
    };
    apply(&mut ws, &dana);
    let dana = Change::NodeAttr {
        kode: "SASARAN-1".into(),
        attr: NodeAttr::SumberDana(Edit {
            old: "".into(),
            new: "APBD".into(),
        }),
    };
    assert_eq!(
        objection(&ws, &dana),
        Objection::Refused(Refusal::NoBudget {
            kode: "SASARAN-1".into()
        })
    );
    assert_eq!(
        objection(&ws, &Change::rename(&ws, "7.01.06", "  ").unwrap()),
        Objection::Text {
            kind: TextKind::Nama,
            why: TextError::Empty
        }
    );
}

// --- indicators --------------------------------------------------------------------------------

#[test]
fn add_move_and_remove_indicators_keep_pk_lines_on_their_indicators() {
    let mut ws = sample();
    let sakip = id_of(&ws, "7.01.01", 0);
    let inovasi = id_of(&ws, "7.01.01", 1);
    let mut ind = Indicator::new(ws.fresh_indicator_id(), "Nilai IKM internal", "indeks");
    ind.polaritas = Polarity::Positif;
    ind.agregasi = Aggregation::Terakhir;
    ind.target = Some(dec!(80));
    apply(
        &mut ws,
        &Change::IndicatorAdd {
            kode: "7.01.01".into(),
            at: Some(0),
            indicator: ind,
            pk: vec![],
        },
    );
    // PK 3.1 (Nilai SAKIP) and 4 (Jumlah inovasi) move down one.
    assert!(pk(&ws).contains(&("3.1".into(), "7.01.01".into(), 2)));
    assert!(pk(&ws).contains(&("4".into(), "7.01.01".into(), 3)));
    // Jumlah inovasi up one: now second, Nilai SAKIP third.
    let up = Change::move_indicator(&ws, "7.01.01", 2, true).unwrap();
    apply(&mut ws, &up);
    let order: Vec<_> = ws
        .node("7.01.01")
        .unwrap()
        .indikator
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(&order[1..], [inovasi, sakip]);
    assert!(pk(&ws).contains(&("3.1".into(), "7.01.01".into(), 3)));
    assert!(pk(&ws).contains(&("4".into(), "7.01.01".into(), 2)));
    // The new one has a target: removing it needs force (1 figure), then goes.
    let c = Change::remove_indicator(&ws, "7.01.01", 0, false).unwrap();
    assert_eq!(
        objection(&ws, &c),
        Objection::NeedsForce(Removal {
            indicators: 1,
            figures: 1,
            ..Removal::default()
        })
    );
    let c = Change::remove_indicator(&ws, "7.01.01", 0, true).unwrap();
    apply(&mut ws, &c);
    assert!(pk(&ws).contains(&("3.1".into(), "7.01.01".into(), 2)));
    assert!(pk(&ws).contains(&("4".into(), "7.01.01".into(), 1)));
    valid(&ws);
}

#[test]
fn removing_a_pk_indicator_needs_force_and_its_pk_line_comes_back_with_the_inverse() {
    let mut ws = sample();
    let c = Change::remove_indicator(&ws, "7.01.01", 0, false).unwrap();
    match objection(&ws, &c) {
        Objection::NeedsForce(r) => assert_eq!(r.pk_lines, 1),
        e => panic!("{e:?}"),
    }
    let before = pk(&ws);
    let c = Change::remove_indicator(&ws, "7.01.01", 0, true).unwrap();
    let a = apply(&mut ws, &c);
    // 3.1 went; 4 now points at the first (and only) indicator, still Jumlah inovasi.
    assert!(!pk(&ws).iter().any(|(no, ..)| no == "3.1"));
    assert!(pk(&ws).contains(&("4".into(), "7.01.01".into(), 1)));
    let mut back = ws.clone();
    change::apply(&mut back, &a.inverse()).unwrap();
    assert_eq!(pk(&back), before);
}

#[test]
fn indicator_attributes() {
    let mut ws = sample();
    let id = id_of(&ws, "7.01.01.2.05", 0);
    let attr = |attr| Change::IndicatorAttr {
        kode: "7.01.01.2.05".into(),
        indikator: id,
        attr,
    };
    apply(
        &mut ws,
        &attr(IndicatorAttr::Satuan(Edit {
            old: "indeks".into(),
            new: "nilai".into(),
        })),
    );
    apply(
        &mut ws,
        &attr(IndicatorAttr::Polaritas(Edit {
            old: Polarity::Positif,
            new: Polarity::Negatif,
        })),
    );
    apply(
        &mut ws,
        &attr(IndicatorAttr::Agregasi(Edit {
            old: Aggregation::Terakhir,
            new: Aggregation::RataRata,
        })),
    );
    apply(
        &mut ws,
        &attr(IndicatorAttr::Pejabat(Edit {
            old: None,
            new: Some("kasubag-umum".into()),
        })),
    );
    let ind = &ws.node("7.01.01.2.05").unwrap().indikator[0];
    assert_eq!(
        (ind.satuan.as_str(), ind.polaritas, ind.agregasi),
        ("nilai", Polarity::Negatif, Aggregation::RataRata)
    );
    // Someone else's value is found where the change expected another: a conflict.
    let stale = attr(IndicatorAttr::Satuan(Edit {
        old: "indeks".into(),
        new: "skor".into(),
    }));
    assert_eq!(
        change::check(&ws, &stale),
        Err(Refusal::AttrChanged {
            kode: "7.01.01.2.05".into(),
            expected: "indeks".into(),
            found: "nilai".into()
        })
    );
    assert!(matches!(
        objection(
            &ws,
            &attr(IndicatorAttr::Nama(Edit {
                old: ind.nama.clone(),
                new: "".into()
            }))
        ),
        Objection::Text {
            kind: TextKind::Nama,
            why: TextError::Empty
        }
    ));
}

// --- officers ----------------------------------------------------------------------------------

#[test]
fn officers_added_edited_and_removed_only_when_no_longer_named() {
    let mut ws = sample();
    let sekcam = Officer {
        id: "sekcam".into(),
        nama: "BUDI SANTOSO".into(),
        nip: "19700101 199003 1 001".into(),
        jabatan: "Sekretaris Kecamatan".into(),
    };
    apply(
        &mut ws,
        &Change::OfficerAdd {
            at: None,
            officer: sekcam.clone(),
        },
    );
    let mut edited = sekcam.clone();
    edited.jabatan = "Sekretaris Camat".into();
    apply(
        &mut ws,
        &Change::OfficerEdit {
            old: sekcam.clone(),
            new: edited.clone(),
        },
    );
    // Refused: a taken id, a NIP that is not 18 digits, an id changed by an edit.
    let mut dup = sekcam.clone();
    dup.nama = "LAIN".into();
    assert_eq!(
        objection(
            &ws,
            &Change::OfficerAdd {
                at: None,
                officer: dup
            }
        ),
        Objection::Refused(Refusal::OfficerIdTaken {
            id: "sekcam".into()
        })
    );
    let mut bad = sekcam.clone();
    bad.id = "lurah".into();
    bad.nip = "1970".into();
    assert_eq!(
        objection(
            &ws,
            &Change::OfficerAdd {
                at: None,
                officer: bad.clone()
            }
        ),
        Objection::Text {
            kind: TextKind::Nip,
            why: TextError::Shape
        }
    );
    let mut renamed = edited.clone();
    renamed.id = "sekretaris".into();
    assert_eq!(
        change::check(
            &ws,
            &Change::OfficerEdit {
                old: edited.clone(),
                new: renamed
            }
        ),
        Err(Refusal::OfficerIdFixed {
            id: "sekcam".into()
        })
    );
    // kasi-pelayanan is named by program 7.01.02 and its kegiatan: still in use.
    let kasi = ws.officer("kasi-pelayanan").unwrap().clone();
    let c = Change::OfficerRemove {
        officer: kasi,
        at: None,
    };
    assert_eq!(
        objection(&ws, &c),
        Objection::Refused(Refusal::OfficerInUse {
            id: "kasi-pelayanan".into(),
            kode: "7.01.02".into()
        })
    );
    // Reassigned to the sekcam in the same list, it goes.
    let list = Change::remove_officer(&ws, "kasi-pelayanan", Some("sekcam")).unwrap();
    assert_eq!(list.len(), 3, "two nodes reassigned, then the removal");
    let before = ws.clone();
    let applied = change::apply_all(&mut ws, &list).expect("applies");
    valid(&ws);
    assert!(ws.officer("kasi-pelayanan").is_none());
    assert_eq!(
        ws.node("7.01.02.2.04").unwrap().pejabat.as_deref(),
        Some("sekcam")
    );
    for a in applied.iter().rev() {
        change::apply(&mut ws, &a.inverse()).unwrap();
    }
    assert_eq!(ws, before);
}

// --- two users ---------------------------------------------------------------------------------

/// Both users start from the same file; A's changes are on disk first; B's are then merged.
fn merge(
    a: &[Change],
    b: impl FnOnce(&Workspace) -> Vec<Change>,
) -> (
    Workspace,
    Result<Vec<change::Applied>, Vec<change::Conflict>>,
) {
    let base = sample();
    let theirs = b(&base);
    let mut disk = base.clone();
    change::apply_all(&mut disk, a).expect("A's changes apply to the file they were made on");
    let before = disk.clone();
    let result = change::apply_all(&mut disk, &theirs);
    if result.is_err() {
        assert_eq!(disk, before, "a refused merge changes nothing");
    }
    valid(&disk);
    (disk, result)
}

#[test]
fn merge_figure_edit_vs_removal_of_its_node() {
    let base = sample();
    let remove = Change::remove_node(&base, "7.01.01.2.06.04", true).unwrap();
    // B typed a figure in it, and another elsewhere: neither is written (all or nothing).
    let (disk, r) = merge(std::slice::from_ref(&remove), |ws| {
        vec![
            Change::figure(ws, "7.01.01.2.09.01", Field::Target(0), Some(dec!(3))).unwrap(),
            Change::figure(
                ws,
                "7.01.01.2.06.04",
                Field::Realisasi(0, Quarter::I),
                Some(dec!(1)),
            )
            .unwrap(),
        ]
    });
    let conflicts = r.unwrap_err();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].index, 1);
    assert_eq!(
        conflicts[0].why,
        Refusal::NodeGone {
            kode: "7.01.01.2.06.04".into()
        }
    );
    assert_eq!(
        disk.figure("7.01.01.2.09.01", Field::Target(0)),
        base.figure("7.01.01.2.09.01", Field::Target(0))
    );

    // The other way round: B's figure is on disk first; A's removal, made without seeing it,
    // would lose it — a conflict too.
    let figure = Change::figure(
        &base,
        "7.01.01.2.06.04",
        Field::Realisasi(0, Quarter::I),
        Some(dec!(1)),
    )
    .unwrap();
    let (_, r) = merge(&[figure], |_| vec![remove]);
    assert_eq!(
        r.unwrap_err()[0].why,
        Refusal::NodeChanged {
            kode: "7.01.01.2.06.04".into()
        }
    );
}

#[test]
fn merge_recode_vs_figure_edit_under_the_old_code() {
    let recode = Change::NodeRecode {
        kode: "7.01.01.2.06".into(),
        new: "7.01.01.2.07".into(),
    };
    let (disk, r) = merge(&[recode], |ws| {
        vec![Change::figure(ws, "7.01.01.2.06.04", Field::Target(0), Some(dec!(13))).unwrap()]
    });
    assert_eq!(
        r.unwrap_err()[0].why,
        Refusal::NodeGone {
            kode: "7.01.01.2.06.04".into()
        }
    );
    assert!(disk.node("7.01.01.2.07.04").is_some());
}

#[test]
fn merge_both_adding_an_indicator_to_the_same_node() {
    let base = sample();
    let add = |ws: &Workspace, nama: &str| Change::IndicatorAdd {
        kode: "7.01.06".into(),
        at: Some(0),
        indicator: Indicator::new(ws.fresh_indicator_id(), nama, "%"),
        pk: vec![],
    };
    let a = add(&base, "Dari A");
    let (disk, r) = merge(&[a], |ws| {
        let b = add(ws, "Dari B");
        // B also types a target into B's own new indicator.
        let Change::IndicatorAdd { indicator, .. } = &b else {
            unreachable!()
        };
        let target = Change::Figure {
            indikator: Some(indicator.id),
            op: kinerja::model::Op {
                kode: "7.01.06".into(),
                field: Field::Target(0),
                old: None,
                new: Some(dec!(50)),
            },
        };
        vec![b, target]
    });
    r.expect("both indicators are kept");
    let names: Vec<_> = disk
        .node("7.01.06")
        .unwrap()
        .indikator
        .iter()
        .map(|i| i.nama.as_str())
        .collect();
    assert_eq!(names[..2], ["Dari B", "Dari A"]);
    let b = &disk.node("7.01.06").unwrap().indikator[0];
    assert_eq!(b.target, Some(dec!(50)), "B's target on B's indicator");
    // PK 2.1 still points at the program's first indicator of the seed, now third.
    assert!(pk(&disk).contains(&("2.1".into(), "7.01.06".into(), 3)));

    // Had both drawn the same id, the second add is refused, never merged into the first.
    let a = add(&base, "Dari A");
    let Change::IndicatorAdd { indicator, .. } = &a else {
        unreachable!()
    };
    let same = indicator.id;
    let (_, r) = merge(&[a], |_| {
        vec![Change::IndicatorAdd {
            kode: "7.01.06.2.01".into(),
            at: None,
            indicator: Indicator::new(same, "Dari B", "%"),
            pk: vec![],
        }]
    });
    assert_eq!(r.unwrap_err()[0].why, Refusal::IdTaken { indikator: same });
}

#[test]
fn merge_moves_and_renames_by_both_users() {
    let base = sample();
    // Both move 7.01.06 up: the second finds it moved.
    let up = Change::move_among_siblings(&base, "7.01.06", true).unwrap();
    let (_, r) = merge(std::slice::from_ref(&up), |_| vec![up.clone()]);
    assert_eq!(
        r.unwrap_err()[0].why,
        Refusal::NodeMoved {
            kode: "7.01.06".into(),
            expected: Place {
                parent: Some("SASARAN-1".into()),
                at: 1
            },
            found: Place {
                parent: Some("SASARAN-1".into()),
                at: 0
            }
        }
    );
    // A moves one kegiatan, B another of the same program: both apply.
    let a = Change::move_among_siblings(&base, "7.01.01.2.02", false).unwrap();
    let (disk, r) = merge(&[a], |ws| {
        vec![Change::move_among_siblings(ws, "7.01.01.2.09", true).unwrap()]
    });
    r.expect("moves of different nodes");
    let order: Vec<_> = disk
        .node("7.01.01")
        .unwrap()
        .anak
        .iter()
        .map(|n| &n.kode[8..])
        .collect();
    assert_eq!(order, ["2.01", "2.05", "2.02", "2.06", "2.09", "2.08"]);
    // The same new name twice is no conflict; different names are.
    let rename = |n: &str| Change::rename(&base, "7.01.06", n).unwrap();
    let (_, r) = merge(&[rename("Sama")], |_| vec![rename("Sama")]);
    assert!(r.unwrap().is_empty(), "nothing left to do");
    let (_, r) = merge(&[rename("Dari A")], |_| vec![rename("Dari B")]);
    assert!(matches!(r.unwrap_err()[0].why, Refusal::AttrChanged { .. }));
}

#[test]
fn merge_figure_edit_vs_indicator_removed_by_the_other() {
    let base = sample();
    // A removes the program's first indicator (PK 3.1 with it), B types its target.
    let remove = Change::remove_indicator(&base, "7.01.01", 0, true).unwrap();
    let (_, r) = merge(&[remove], |ws| {
        vec![Change::figure(ws, "7.01.01", Field::Target(0), Some(dec!(90))).unwrap()]
    });
    assert!(matches!(
        r.unwrap_err()[0].why,
        Refusal::IndicatorGone { .. }
    ));
}

// --- a locator -------------------------------------------------------------------------------

#[test]
fn a_stale_index_costs_a_walk_never_a_wrong_node() {
    let mut ws = sample();
    let index: std::collections::HashMap<String, Vec<usize>> = ws
        .locate(kodes(&ws).iter().map(String::as_str))
        .into_iter()
        .collect();
    // Positions shift: a node inserted before 7.01.01.2.06 among its siblings.
    let c = Change::add_node(
        Some("7.01.01"),
        Some(0),
        Node::new(NodeKind::Kegiatan, "7.01.01.2.03", "Baru"),
    );
    change::apply_with(&mut ws, &c, &index).unwrap();
    let c = Change::figure(&ws, "7.01.01.2.06.04", Field::Target(0), Some(dec!(11))).unwrap();
    change::apply_with(&mut ws, &c, &index).unwrap();
    assert_eq!(
        ws.figure("7.01.01.2.06.04", Field::Target(0)),
        Some(Some(dec!(11)))
    );
    // The stale position now holds nothing (kegiatan 7.01.01.2.05 moved there has one sub
    // kegiatan, not three); every other target is as it was.
    assert!(ws.node_at(&index["7.01.01.2.06.04"]).is_none());
    let changed: Vec<_> = ws
        .nodes()
        .filter(|n| {
            sample().node(&n.kode).is_some_and(|o| {
                o.indikator.first().map(|i| i.target) != n.indikator.first().map(|i| i.target)
            })
        })
        .map(|n| n.kode.clone())
        .collect();
    assert_eq!(changed, ["7.01.01.2.06.04"]);
}

#[test]
fn an_index_of_ids_and_a_hint() {
    let mut ws = sample();
    let paths: std::collections::HashMap<String, Vec<usize>> = ws
        .locate(kodes(&ws).iter().map(String::as_str))
        .into_iter()
        .collect();
    // The index's id set is what says an id is taken (the interface keeps it; no walk).
    let mut ids = ws.indicator_ids();
    let claimed = IndicatorId(1_234_567_890);
    ids.insert(claimed);
    let add = Change::IndicatorAdd {
        kode: "7.01.06".into(),
        at: None,
        indicator: Indicator::new(claimed, "Baru", "%"),
        pk: vec![],
    };
    let index = change::Index {
        paths: &paths,
        ids: &ids,
    };
    assert_eq!(
        change::check_with(&ws, &add, &index),
        Err(Refusal::IdTaken { indikator: claimed })
    );
    // What a change adds and removes, to keep that set.
    let a = change::apply(
        &mut ws,
        &Change::remove_node(&sample(), "7.01.06.2.01.02", true).unwrap(),
    )
    .unwrap()
    .unwrap();
    assert_eq!(a.ids_removed(), [IndicatorId(7)]);
    let back = change::apply(&mut ws, &a.inverse()).unwrap().unwrap();
    assert_eq!(back.ids_added(), [IndicatorId(7)]);
    // A hint: the node on screen, found without a walk (a wrong hint walks).
    let path = paths["7.01.01.2.09.10"].clone();
    let c = Change::figure(&ws, "7.01.01.2.09.10", Field::Target(0), Some(dec!(2))).unwrap();
    let hint = change::Hint {
        kode: "7.01.01.2.09.10",
        at: &path,
    };
    change::apply_with(&mut ws, &c, &hint).unwrap().unwrap();
    let wrong = change::Hint {
        kode: "7.01.01.2.09.10",
        at: &[0],
    };
    let c = Change::figure(&ws, "7.01.01.2.09.10", Field::Target(0), Some(dec!(3))).unwrap();
    change::apply_with(&mut ws, &c, &wrong).unwrap().unwrap();
    assert_eq!(
        ws.figure("7.01.01.2.09.10", Field::Target(0)),
        Some(Some(dec!(3)))
    );
}

#[test]
fn a_hand_written_tree_that_breaks_the_level_rules_can_still_be_reordered() {
    // A file may hold a kegiatan directly under a sasaran (the loader only asks for a lower
    // level); moving it among its siblings is not refused for that.
    let mut ws = sample();
    let mut k1 = Node::new(NodeKind::Kegiatan, "K-1", "Kegiatan satu");
    k1.indikator
        .push(Indicator::new(IndicatorId(100), "A", "dokumen"));
    let k2 = Node::new(NodeKind::Kegiatan, "K-2", "Kegiatan dua");
    ws.node_mut("SASARAN-2").unwrap().anak.extend([k1, k2]);
    valid(&ws);
    let up = Change::move_among_siblings(&ws, "K-2", true).unwrap();
    apply(&mut ws, &up);
    let order: Vec<_> = ws
        .node("SASARAN-2")
        .unwrap()
        .anak
        .iter()
        .map(|n| n.kode.as_str())
        .collect();
    assert_eq!(order, ["7.01.01", "K-2", "K-1"]);
    // But it is not moved under another sasaran.
    let c = Change::move_under(&ws, "K-2", Some("SASARAN-1"), None).unwrap();
    assert!(matches!(objection(&ws, &c), Objection::Level { .. }));
}

// --- a new workspace, a new year ---------------------------------------------------------------

#[test]
fn init_from_another_copies_the_structure_without_a_figure() {
    let other = sample();
    let ws = kinerja::model::init_from(
        &other,
        "Kecamatan Trawas",
        "Kabupaten Mojokerto",
        2024,
        None,
    );
    valid(&ws);
    assert_eq!(ws.tahun, 2024);
    assert_eq!(
        ws.periode_renstra, other.periode_renstra,
        "its Renstra targets are by year of it"
    );
    assert_eq!(ws.pengaturan.triwulan_berjalan, Quarter::I);
    assert_eq!(kodes(&ws), kodes(&other));
    assert_eq!(ws.pejabat, other.pejabat);
    assert_eq!(ws.pk, other.pk);
    assert_eq!(ws.ikm, None);
    for (mine, theirs) in ws.nodes().zip(other.nodes()) {
        assert_eq!(mine.nama, theirs.nama);
        for field in Field::all(mine) {
            let kept = matches!(field, Field::RenstraTarget(..) | Field::RenstraAkhir(_));
            if !kept {
                assert_eq!(field.get(mine), Some(None), "{} {field:?}", mine.kode);
            }
        }
        for (i, j) in mine.indikator.iter().zip(&theirs.indikator) {
            assert_eq!(
                (i.id, &i.satuan, i.polaritas, i.agregasi),
                (j.id, &j.satuan, j.polaritas, j.agregasi)
            );
            assert_eq!(i.renstra, j.renstra);
        }
        assert_eq!(mine.anggaran.is_some(), theirs.anggaran.is_some());
    }
    // IKM's Renstra target for 2024 came along (Lampiran I: 83).
    assert_eq!(
        ws.node("SASARAN-1").unwrap().indikator[0]
            .renstra
            .target
            .get(&2024),
        Some(&dec!(83))
    );
}

#[test]
fn an_empty_workspace() {
    let ws = kinerja::model::init(
        "Kecamatan Trawas",
        "Kabupaten Mojokerto",
        2026,
        rules::renstra_period(2026),
    );
    valid(&ws);
    assert!(ws.pohon.is_empty() && ws.pejabat.is_empty() && ws.pk.is_empty());
    assert_eq!(
        (ws.periode_renstra.awal, ws.periode_renstra.akhir),
        (2025, 2029)
    );
}

#[test]
fn new_year_on_the_sooko_sample() {
    let ws = sample();
    let (next, review) = rules::new_year(&ws, false);
    valid(&next);
    assert_eq!(next.tahun, 2024);
    assert_eq!(next.pengaturan.triwulan_berjalan, Quarter::I);
    // Tabel 3.2 of 2024: 2023's realisations as the previous year — IKM 91,19, IP ASN 70,85
    // (seed Tabel 3.2 and the E-81) — and nothing yet for 2024.
    let t = TextTable::new(tables::tabel_3_2(&next), locale::Lang::Id);
    let col = |title: &str| t.columns.iter().position(|c| c == title).unwrap();
    let (y2023, y2024) = (col("Realisasi 2023"), col("Realisasi 2024"));
    let row = |nama: &str| {
        t.rows
            .iter()
            .find(|r| matches!(&r.cells[1], Cell::Text(n) if n.starts_with(nama)))
            .unwrap()
    };
    for (nama, before) in [
        ("IKM Kecamatan", dec!(91.19)),
        ("Indeks Profesionalitas ASN", dec!(70.85)),
    ] {
        let r = row(nama);
        assert_eq!(r.cells[y2023], Cell::Figure(before), "{nama}");
        assert_eq!(r.cells[y2024], Cell::Blank, "{nama}");
    }
    // 2021 and 2022 are still there: IKM 82,75 and 86,19 (Tabel 3.2).
    let ikm = row("IKM Kecamatan");
    assert_eq!(ikm.cells[col("Realisasi 2021")], Cell::Figure(dec!(82.75)));
    assert_eq!(ikm.cells[col("Realisasi 2022")], Cell::Figure(dec!(86.19)));
    // Every quarter is empty: no realisation, plan or Rupiah.
    for n in next.nodes() {
        for i in &n.indikator {
            assert_eq!(i.realisasi, [None; 4], "{}", n.kode);
            assert_eq!(i.rencana, [None; 4], "{}", n.kode);
        }
        if let Some(b) = &n.anggaran {
            assert_eq!(b.realisasi_rp, [None; 4]);
            assert_eq!(b.realisasi_tahun, None);
        }
    }
    // Targets from the Renstra's 2024 column where the sample holds one (Lampiran I: IKM 83,
    // the program's 81 %, the kegiatan's 1.070 pelayanan); IP ASN has only an end target, so
    // its 75 stays and is listed.
    assert_eq!(
        next.node("SASARAN-1").unwrap().indikator[0].target,
        Some(dec!(83))
    );
    assert_eq!(
        next.node("7.01.02").unwrap().indikator[0].target,
        Some(dec!(81))
    );
    assert_eq!(
        next.node("7.01.02.2.04").unwrap().indikator[0].target,
        Some(dec!(1070))
    );
    assert_eq!(
        next.node("7.01.01.2.05").unwrap().indikator[0].target,
        Some(dec!(75))
    );
    assert_eq!(review.targets_from_renstra, 3);
    assert_eq!(review.targets_kept.len(), 38 - 3);
    assert!(
        review
            .targets_kept
            .iter()
            .any(|i| i.kode == "7.01.01.2.05" && i.indikator == 1)
    );
    // Every pagu kept and listed: the sample has one on each of its 3 programs, 8 kegiatan and
    // 24 sub kegiatan.
    assert_eq!(review.pagu_kept.len(), 3 + 8 + 24);
    assert_eq!(
        next.node("7.01.02.2.04.02")
            .unwrap()
            .anggaran
            .as_ref()
            .unwrap()
            .pagu,
        Some(dec!(25000000))
    );
    assert_eq!(review.renstra, rules::year::RenstraYear::Within);
    assert_eq!(review.pk_lines, 9);
    assert_eq!(next.pk, ws.pk);
    assert_eq!(next.ikm, None);
    // With clear_pagu, none is left.
    let (cleared, review) = rules::new_year(&ws, true);
    assert!(
        cleared
            .nodes()
            .all(|n| n.anggaran.as_ref().is_none_or(|b| b.pagu.is_none()))
    );
    assert_eq!((review.pagu_cleared, review.pagu_kept.len()), (35, 0));
    // And once more: 2025's previous year is 2024, which has no result yet.
    let (after, review) = rules::new_year(&next, false);
    assert_eq!(after.tahun, 2025);
    assert_eq!(review.no_result.len(), 38);
    assert_eq!(
        after.node("SASARAN-1").unwrap().indikator[0]
            .riwayat
            .get(&2024),
        None
    );
}

// --- speed ---------------------------------------------------------------------------------------

/// Applying one change at 200 000 indicators, along the path: the median of 101 runs of each,
/// each run followed by its inverse, with the indexes an interface keeps (code → position, the
/// set of ids) and, for comparison, without (`Walk`). Run with
/// `cargo test --release --test structure measure -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check: run it in release (see the doc comment)"]
fn measure_apply_at_200_000_indicators() {
    use std::collections::{HashMap, HashSet};
    use std::time::{Duration, Instant};

    /// What an interface keeps beside the workspace.
    struct Kept {
        paths: HashMap<String, Vec<usize>>,
        ids: HashSet<IndicatorId>,
    }

    impl Kept {
        /// Brings the indexes up to date after `a` (not timed: the interface's own work).
        fn follow(&mut self, a: &change::Applied) {
            for id in a.ids_removed() {
                self.ids.remove(&id);
            }
            self.ids.extend(a.ids_added());
            match a.change() {
                Change::NodeAdd {
                    parent,
                    at: Some(at),
                    node,
                    ..
                } => {
                    let mut p = self.paths[parent.as_ref().unwrap()].clone();
                    p.push(*at);
                    self.paths.insert(node.kode.clone(), p);
                }
                Change::NodeRemove { node, .. } => {
                    for n in node.iter() {
                        self.paths.remove(&n.kode);
                    }
                }
                Change::NodeRecode { kode, new } => {
                    let prefix = format!("{kode}.");
                    let moved: Vec<String> = self
                        .paths
                        .keys()
                        .filter(|k| *k == kode || k.starts_with(&prefix))
                        .cloned()
                        .collect();
                    for k in moved {
                        let p = self.paths.remove(&k).unwrap();
                        self.paths.insert(format!("{new}{}", &k[kode.len()..]), p);
                    }
                }
                _ => {}
            }
        }
    }

    let units = generate::units_for(200_000);
    let mut ws = generate::workspace(units, 1);
    let all = kodes(&ws);
    let mut kept = Kept {
        paths: ws
            .locate(all.iter().map(String::as_str))
            .into_iter()
            .collect(),
        ids: ws.indicator_ids(),
    };
    println!("{} indicators, {} nodes", kept.ids.len(), all.len());
    // The last unit's last program, kegiatan and sub kegiatan: the longest walk for a walker.
    let program = format!("U{units:03}.7.01.04");
    let kegiatan = format!("{program}.2.06");
    let sub = format!("{kegiatan}.08");
    let sub_id = ws.node(&sub).unwrap().indikator[0].id;
    let sub_path = kept.paths[&sub].clone();
    let mut run = |name: &str, walk: bool, make: &dyn Fn(&Workspace) -> Change| {
        let mut times = Vec::new();
        for _ in 0..101 {
            let c = make(&ws);
            let start = Instant::now();
            let a = if walk {
                change::apply(&mut ws, &c)
            } else {
                let index = change::Index {
                    paths: &kept.paths,
                    ids: &kept.ids,
                };
                change::apply_with(&mut ws, &c, &index)
            };
            times.push(start.elapsed());
            let a = a.unwrap().unwrap();
            kept.follow(&a);
            let index = change::Index {
                paths: &kept.paths,
                ids: &kept.ids,
            };
            let back = change::apply_with(&mut ws, &a.inverse(), &index);
            kept.follow(&back.unwrap().unwrap());
        }
        times.sort();
        let median: Duration = times[times.len() / 2];
        println!("{name:50} {median:>10.1?}");
    };
    let figure = |ws: &Workspace| {
        let at = &ws.node_at(&sub_path).unwrap().indikator[0];
        assert_eq!(at.id, sub_id);
        Change::Figure {
            indikator: Some(sub_id),
            op: kinerja::model::Op {
                kode: sub.clone(),
                field: Field::Realisasi(0, Quarter::II),
                old: at.realisasi[1],
                new: Some(at.realisasi[1].unwrap() + Decimal::ONE),
            },
        }
    };
    run("a figure", false, &figure);
    run("a figure, walking (no index)", true, &figure);
    let add_sub = |_: &Workspace| {
        let mut node = sub_kegiatan(&format!("{kegiatan}.09"), "Baru");
        node.indikator.push(Indicator::new(
            IndicatorId(9_999_999_999),
            "Baru",
            "dokumen",
        ));
        Change::add_node(Some(&kegiatan), None, node)
    };
    run("add a sub kegiatan with an indicator", false, &add_sub);
    run(
        "add a sub kegiatan with an indicator, walking",
        true,
        &add_sub,
    );
    let add_ind = |_: &Workspace| Change::IndicatorAdd {
        kode: sub.clone(),
        at: Some(0),
        indicator: Indicator::new(IndicatorId(9_999_999_998), "Baru", "dokumen"),
        pk: vec![],
    };
    run("add an indicator", false, &add_ind);
    let remove = |ws: &Workspace| Change::remove_node(ws, &sub, true).unwrap();
    run("remove a sub kegiatan", false, &remove);
    let recode = |_: &Workspace| Change::NodeRecode {
        kode: kegiatan.clone(),
        new: format!("{program}.2.07"),
    };
    run("recode a kegiatan and its 8 sub kegiatan", false, &recode);
    let up = |_: &Workspace| Change::NodeMove {
        kode: kegiatan.clone(),
        from: Place {
            parent: Some(program.clone()),
            at: 5,
        },
        to: Place {
            parent: Some(program.clone()),
            at: 4,
        },
        new_kode: None,
    };
    run("move a kegiatan up", false, &up);
    let rename = |ws: &Workspace| Change::rename(ws, &kegiatan, "Nama baru").unwrap();
    run("rename a kegiatan", false, &rename);
}

// --- random sequences ------------------------------------------------------------------------

mod random {
    use super::*;
    use kinerja::model::Budget;
    use kinerja::rules::levels;
    use proptest::prelude::*;

    /// An id from the test's own numbers (reproducible), new to the workspace.
    fn id_from(ws: &Workspace, c: u64) -> IndicatorId {
        let used = ws.indicator_ids();
        (0..)
            .map(|k| IndicatorId(2_000_000_000 + (c + k) % 1_000_000_000))
            .find(|id| !used.contains(id))
            .unwrap()
    }

    /// The changes one random intent makes on the workspace as it is: `kind` says what, `a`,
    /// `b` and `c` pick the node, the indicator or field, and the value.
    pub fn make(ws: &Workspace, kind: u8, a: usize, b: usize, c: u64) -> Vec<Change> {
        let nodes: Vec<&Node> = ws.nodes().collect();
        if nodes.is_empty() {
            return vec![];
        }
        let n = nodes[a % nodes.len()];
        let kode = n.kode.as_str();
        let parent = change::place(ws, kode).and_then(|p| p.parent);
        let officers: Vec<Option<String>> = std::iter::once(None)
            .chain(ws.pejabat.iter().map(|o| Some(o.id.clone())))
            .collect();
        let one = |c: Option<Change>| c.into_iter().collect::<Vec<_>>();
        match kind % 14 {
            0 => {
                let fields = Field::all(n);
                if fields.is_empty() {
                    return vec![];
                }
                let field = fields[b % fields.len()];
                let value = (!c.is_multiple_of(5)).then(|| {
                    if field.is_rupiah() {
                        Decimal::from(c % 100_000)
                    } else {
                        Decimal::from(c % 1000) / Decimal::from(4)
                    }
                });
                one(Change::figure(ws, kode, field, value))
            }
            1 => one(Change::rename(ws, kode, &format!("Nama {c}"))),
            2 => vec![Change::NodeAttr {
                kode: kode.into(),
                attr: NodeAttr::Pejabat(Edit {
                    old: n.pejabat.clone(),
                    new: officers[b % officers.len()].clone(),
                }),
            }],
            3 => {
                let Some(ind) = n.indikator.get(b % n.indikator.len().max(1)) else {
                    return vec![];
                };
                let attr = match c % 5 {
                    0 => IndicatorAttr::Nama(Edit {
                        old: ind.nama.clone(),
                        new: format!("Indikator {c}"),
                    }),
                    1 => IndicatorAttr::Satuan(Edit {
                        old: ind.satuan.clone(),
                        new: ["dokumen", "%", "indeks", "orang/bulan"][(c / 5 % 4) as usize].into(),
                    }),
                    2 => IndicatorAttr::Polaritas(Edit {
                        old: ind.polaritas,
                        new: if ind.polaritas == Polarity::Positif {
                            Polarity::Negatif
                        } else {
                            Polarity::Positif
                        },
                    }),
                    3 => IndicatorAttr::Agregasi(Edit {
                        old: ind.agregasi,
                        new: [
                            Aggregation::Jumlah,
                            Aggregation::Terakhir,
                            Aggregation::RataRata,
                        ][(c / 5 % 3) as usize],
                    }),
                    _ => IndicatorAttr::Pejabat(Edit {
                        old: ind.pejabat.clone(),
                        new: officers[(c / 5) as usize % officers.len()].clone(),
                    }),
                };
                vec![Change::IndicatorAttr {
                    kode: kode.into(),
                    indikator: ind.id,
                    attr,
                }]
            }
            4 => {
                let parent = (!c.is_multiple_of(7)).then_some(n);
                let allowed = levels::allowed_under(parent.map(|p| p.jenis));
                if allowed.is_empty() {
                    return vec![];
                }
                let jenis = allowed[b % allowed.len()];
                let Some(new) = codes::next_free(ws, parent.map(|p| p.kode.as_str()), jenis) else {
                    return vec![];
                };
                let mut node = Node::new(jenis, &new, &format!("Baru {c}"));
                if c.is_multiple_of(2) {
                    node.indikator
                        .push(Indicator::new(id_from(ws, c), "Indikator baru", "unit"));
                }
                if jenis.has_budget() && c.is_multiple_of(3) {
                    node.anggaran = Some(Budget {
                        pagu: Some(Decimal::from(c % 1_000_000)),
                        ..Budget::default()
                    });
                }
                let at = (c.is_multiple_of(4))
                    .then(|| b % (parent.map_or(ws.pohon.len(), |p| p.anak.len()) + 1));
                vec![Change::add_node(parent.map(|p| p.kode.as_str()), at, node)]
            }
            5 => one(Change::remove_node(ws, kode, !c.is_multiple_of(3))),
            6 => codes::next_free(ws, parent.as_deref(), n.jenis)
                .map(|new| Change::NodeRecode {
                    kode: kode.into(),
                    new,
                })
                .into_iter()
                .collect(),
            7 => one(Change::move_among_siblings(ws, kode, c.is_multiple_of(2))),
            8 => {
                let fits: Vec<&Node> = nodes
                    .iter()
                    .copied()
                    .filter(|t| levels::may_sit_under(n.jenis, Some(t.jenis)))
                    .collect();
                if fits.is_empty() {
                    return vec![];
                }
                let target = fits[b % fits.len()];
                let new_kode = match n.jenis {
                    NodeKind::Kegiatan | NodeKind::SubKegiatan
                        if parent.as_deref() != Some(target.kode.as_str()) =>
                    {
                        match codes::next_free(ws, Some(&target.kode), n.jenis) {
                            Some(k) => Some(k),
                            None => return vec![],
                        }
                    }
                    _ => None,
                };
                let under = (!c.is_multiple_of(5)).then_some(target.kode.as_str());
                one(Change::move_under(ws, kode, under, new_kode.as_deref()))
            }
            9 => {
                let mut ind = Indicator::new(id_from(ws, c), "Indikator tambahan", "dokumen");
                if c.is_multiple_of(2) {
                    ind.target = Some(Decimal::from(c % 100));
                }
                vec![Change::IndicatorAdd {
                    kode: kode.into(),
                    at: Some(b % (n.indikator.len() + 1)),
                    indicator: ind,
                    pk: vec![],
                }]
            }
            10 if !n.indikator.is_empty() => one(Change::remove_indicator(
                ws,
                kode,
                b % n.indikator.len(),
                !c.is_multiple_of(3),
            )),
            11 => {
                // A node with two indicators or more, from `a` on.
                let Some(n) = (0..nodes.len())
                    .map(|k| nodes[(a + k) % nodes.len()])
                    .find(|n| n.indikator.len() > 1)
                else {
                    return vec![];
                };
                one(Change::move_indicator(
                    ws,
                    &n.kode,
                    b % n.indikator.len(),
                    c.is_multiple_of(2),
                ))
            }
            12 => match &n.anggaran {
                None => vec![Change::BudgetAdd {
                    kode: kode.into(),
                    budget: Budget::default(),
                }],
                Some(_) => {
                    Change::set_pagu(ws, kode, Some(Decimal::from(c % 10_000))).unwrap_or_default()
                }
            },
            13 => match c % 3 {
                0 => vec![Change::OfficerAdd {
                    at: Some(b % (ws.pejabat.len() + 1)),
                    officer: Officer {
                        id: format!("petugas-{c}"),
                        nama: format!("PETUGAS {c}"),
                        nip: String::new(),
                        jabatan: "Staf".into(),
                    },
                }],
                1 if !ws.pejabat.is_empty() => {
                    let old = ws.pejabat[b % ws.pejabat.len()].clone();
                    let mut new = old.clone();
                    new.jabatan = format!("Jabatan {c}");
                    vec![Change::OfficerEdit { old, new }]
                }
                _ if !ws.pejabat.is_empty() => {
                    let id = ws.pejabat[b % ws.pejabat.len()].id.clone();
                    let to = officers[(c / 3) as usize % officers.len()]
                        .clone()
                        .filter(|o| *o != id);
                    Change::remove_officer(ws, &id, to.as_deref()).unwrap_or_default()
                }
                _ => vec![],
            },
            _ => vec![],
        }
    }

    fn intents() -> impl Strategy<Value = Vec<(u8, usize, usize, u64)>> {
        prop::collection::vec(
            (0u8..14, 0usize..1000, 0usize..1000, 0u64..1_000_000),
            1..40,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Random changes on the sample: each one the rules accept applies, leaves a workspace
        /// the loader accepts, and its inverse gives back exactly what was there; undoing all
        /// of them, newest first, gives back the sample.
        #[test]
        fn random_changes_apply_stay_valid_and_invert(steps in intents()) {
            let original = sample();
            let mut ws = original.clone();
            let mut done = Vec::new();
            for (kind, a, b, c) in steps {
                let list = make(&ws, kind, a, b, c);
                if list.is_empty() {
                    continue;
                }
                let before = ws.clone();
                let result = if let [one] = list.as_slice() {
                    match rules::change::check(&ws, one) {
                        // The rules said no: nothing was changed.
                        Err(_) => {
                            prop_assert_eq!(&ws, &before);
                            continue;
                        }
                        Ok(()) => change::apply_all(&mut ws, &list),
                    }
                } else {
                    change::apply_all(&mut ws, &list)
                };
                match result {
                    Ok(applied) => {
                        valid(&ws);
                        let mut back = ws.clone();
                        for a in applied.iter().rev() {
                            change::apply(&mut back, &a.inverse()).expect("the inverse applies");
                        }
                        prop_assert_eq!(&back, &before);
                        done.extend(applied);
                    }
                    Err(_) => prop_assert_eq!(&ws, &before),
                }
            }
            for a in done.iter().rev() {
                change::apply(&mut ws, &a.inverse()).expect("undo in reverse order");
            }
            prop_assert_eq!(ws, original);
        }

        /// A list made against the sample, with one change that no longer fits the file
        /// someone else saved: nothing of the list is applied, and the stale one is reported.
        #[test]
        fn a_list_with_a_stale_change_applies_nothing(steps in intents(), value in 72u64..1000) {
            let base = sample();
            // Someone else changed IP ASN's TW IV meanwhile.
            let mut disk = base.clone();
            let theirs = Change::figure(&base, "7.01.01.2.05", Field::Realisasi(0, Quarter::IV), Some(dec!(71))).unwrap();
            change::apply(&mut disk, &theirs).unwrap();
            // The stale change first (made on the file as it was), then whatever else.
            let stale = Change::figure(&base, "7.01.01.2.05", Field::Realisasi(0, Quarter::IV), Some(Decimal::from(value))).unwrap();
            let mut local = base.clone();
            change::apply(&mut local, &stale).unwrap();
            let mut mine: Vec<Change> = vec![stale];
            for (kind, a, b, c) in steps {
                for ch in make(&local, kind, a, b, c) {
                    if rules::change::check(&local, &ch).is_ok() {
                        change::apply(&mut local, &ch).unwrap();
                        mine.push(ch);
                    }
                }
            }
            let before = disk.clone();
            let conflicts = change::apply_all(&mut disk, &mine).expect_err("a stale change");
            prop_assert_eq!(&disk, &before);
            let first = &conflicts[0];
            prop_assert_eq!(first.index, 0);
            prop_assert_eq!(
                &first.why,
                &Refusal::FigureChanged {
                    kode: "7.01.01.2.05".into(),
                    field: Field::Realisasi(0, Quarter::IV),
                    expected: Some(dec!(70.85)),
                    found: Some(dec!(71)),
                }
            );
        }
    }
}
