//! Changes of the tree in the interface, kept along their path: after every node added,
//! removed, recoded or moved, every indicator added, removed or moved, every undo and redo, the
//! indexes the interface keeps (positions, ids, badges, budgets, the dashboard) and the tree's
//! rows equal what a computation from scratch gives — on the Sooko sample and on a generated
//! kabupaten, through a deterministic random walk; and undoing everything gives the workspace
//! as opened, with nothing unsaved.

#[path = "../src/cli/generate.rs"]
mod generate;
#[path = "support/keys.rs"]
mod keys;

use keys::{ctrl, press};
use kinerja::locale::Lang;
use kinerja::model::{Change, Indicator, Node, NodeKind, Quarter, Workspace};
use kinerja::rules::{codes, levels};
use kinerja::store;
use kinerja::tui::{self, App, Field, Theme};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::Decimal;

struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.next(items.len() as u64) as usize])
    }
}

fn place(ws: &Workspace, kode: &str) -> Option<kinerja::model::Place> {
    kinerja::model::change::place(ws, kode)
}

/// One change of the tree the rules accept, picked at random (`None` when the pick found
/// nothing to do).
fn random_change(app: &App, rng: &mut Rng) -> Option<Vec<Change>> {
    let ws = app.ws();
    let nodes: Vec<&Node> = ws.nodes().collect();
    let node = *rng.pick(&nodes)?;
    let kode = node.kode.clone();
    Some(match rng.next(9) {
        // A child (with an indicator, sometimes entered and red).
        0 | 1 => {
            let jenis = levels::default_under(Some(node.jenis))?;
            let new = codes::next_free(ws, Some(&kode), jenis)?;
            let mut child = Node::new(jenis, &new, "Baru");
            if rng.next(2) == 0 {
                let mut ind = Indicator::new(app.fresh_indicator_id(), "Jumlah", "dokumen");
                ind.target = Some(Decimal::from(10 + rng.next(50)));
                ind.realisasi[0] = Some(Decimal::from(rng.next(20)));
                child.indikator.push(ind);
            }
            if jenis.has_budget() && rng.next(2) == 0 {
                child.anggaran = Some(kinerja::model::Budget {
                    pagu: Some(Decimal::from(1_000_000)),
                    realisasi_rp: [Some(Decimal::from(250_000)), None, None, None],
                    ..Default::default()
                });
            }
            let len = node.anak.len();
            let at = (rng.next(2) == 0).then(|| rng.next(len as u64 + 1) as usize);
            vec![Change::add_node(Some(&kode), at, child)]
        }
        2 => vec![Change::remove_node(ws, &kode, true)?],
        3 => {
            let p = place(ws, &kode)?;
            let new = codes::next_free(ws, p.parent.as_deref(), node.jenis)?;
            vec![Change::NodeRecode { kode, new }]
        }
        4 => vec![Change::move_among_siblings(ws, &kode, rng.next(2) == 0)?],
        5 => {
            // Under another parent of the same level as its own.
            let p = place(ws, &kode)?;
            let parent = ws.node(p.parent.as_deref()?)?;
            let others: Vec<&Node> = nodes
                .iter()
                .copied()
                .filter(|n| n.jenis == parent.jenis && n.kode != parent.kode)
                .collect();
            let to = *rng.pick(&others)?;
            if to.iter().any(|d| d.kode == kode) {
                return None;
            }
            let new = codes::next_free(ws, Some(&to.kode), node.jenis)?;
            let recode = matches!(node.jenis, NodeKind::Kegiatan | NodeKind::SubKegiatan);
            vec![Change::move_under(
                ws,
                &kode,
                Some(&to.kode),
                recode.then_some(new.as_str()),
            )?]
        }
        6 => {
            let mut ind = Indicator::new(app.fresh_indicator_id(), "Persentase", "%");
            ind.target = Some(Decimal::from(90));
            ind.agregasi = kinerja::model::Aggregation::Terakhir;
            ind.realisasi[1] = Some(Decimal::from(60 + rng.next(60)));
            let at = (rng.next(2) == 0).then(|| rng.next(node.indikator.len() as u64 + 1) as usize);
            vec![Change::IndicatorAdd {
                kode,
                at,
                indicator: ind,
                pk: Vec::new(),
            }]
        }
        7 => {
            let pos = rng.next(node.indikator.len() as u64) as usize;
            vec![Change::remove_indicator(ws, &kode, pos, true)?]
        }
        _ => {
            let pos = rng.next(node.indikator.len() as u64) as usize;
            vec![Change::move_indicator(ws, &kode, pos, rng.next(2) == 0)?]
        }
    })
}

fn walk(name: &str, ws: Workspace, steps: usize, seed: u64) {
    let opened = ws.clone();
    let mut app = App::new(ws, None, Lang::Id, Theme::MONO);
    // Shown once: from then on the dashboard's figures are kept along each change.
    press(&mut app, &[KeyCode::Char('d'), KeyCode::Char('d')]);
    let mut rng = Rng(seed);
    let mut made = 0;
    let mut undone = 0;
    let mut redone = 0;
    let mut over_seen = 0;
    for step in 0..steps {
        let what = match rng.next(12) {
            0 | 1 if app.can_undo() => {
                press(&mut app, &[KeyCode::Char('u')]);
                undone += 1;
                "undo".to_string()
            }
            2 => {
                ctrl(&mut app, 'r');
                redone += 1;
                "redo".to_string()
            }
            3 => {
                let q = Quarter::new(1 + rng.next(4) as u8).unwrap();
                app.update(tui::Action::Quarter(q));
                format!("quarter {q:?}")
            }
            4 => {
                // Open or close a row, so that rows below changes are shown or not.
                let parents: Vec<usize> = (0..app.rows().len())
                    .filter(|i| app.rows()[*i].has_children)
                    .collect();
                let Some(&row) = rng.pick(&parents) else {
                    continue;
                };
                app.update(tui::Action::Home);
                for _ in 0..row {
                    app.update(tui::Action::Down);
                }
                app.update(tui::Action::Toggle);
                "fold".to_string()
            }
            5 => {
                let kodes: Vec<(String, usize)> = app
                    .ws()
                    .nodes()
                    .filter(|n| !n.indikator.is_empty())
                    .map(|n| (n.kode.clone(), n.indikator.len()))
                    .collect();
                let Some((kode, len)) = rng.pick(&kodes).cloned() else {
                    continue;
                };
                let i = rng.next(len as u64) as usize;
                let q = Quarter::new(1 + rng.next(4) as u8).unwrap();
                let v = (rng.next(4) > 0).then(|| Decimal::from(rng.next(120)));
                app.set_figure(&kode, Field::Realisasi(i, q), v);
                format!("figure {kode} {i} {q:?} {v:?}")
            }
            6 => {
                // Spending typed into a budget, at times beyond its pagu.
                let budgets: Vec<String> = app
                    .ws()
                    .nodes()
                    .filter(|n| n.anggaran.is_some())
                    .map(|n| n.kode.clone())
                    .collect();
                let Some(kode) = rng.pick(&budgets).cloned() else {
                    continue;
                };
                let q = Quarter::new(1 + rng.next(4) as u8).unwrap();
                let v = (rng.next(4) > 0).then(|| Decimal::from(rng.next(40) * 1_000_000));
                app.set_figure(&kode, Field::Rp(q), v);
                format!("Rp {kode} {q:?} {v:?}")
            }
            _ => {
                let Some(changes) = random_change(&app, &mut rng) else {
                    continue;
                };
                let text = format!("{changes:?}");
                match app.make(changes) {
                    Ok(_) => made += 1,
                    Err(o) => panic!("{name} step {step}: refused {o:?} for {text}"),
                }
                text
            }
        };
        if let Some(d) = app.self_check() {
            panic!("{name} step {step} after {what}: {d}");
        }
        // The over-pagu list, kept along each change (the tree's shape too), equals the rule
        // computed from the whole tree (`kinerja red`'s).
        let over = app.over_pagu();
        assert_eq!(
            over,
            kinerja::rules::over_pagu_all(app.ws(), app.quarter()),
            "{name} step {step} after {what}: over pagu"
        );
        over_seen += usize::from(!over.is_empty());
    }
    assert!(
        over_seen > steps / 10,
        "{name}: {over_seen} steps over a pagu"
    );
    assert!(
        made > steps / 4 && undone > steps / 20 && redone > steps / 40,
        "{name}: {made} made, {undone} undone, {redone} redone"
    );
    while app.can_undo() {
        press(&mut app, &[KeyCode::Char('u')]);
        if let Some(d) = app.self_check() {
            panic!("{name} undoing all: {d}");
        }
    }
    assert!(app.ws() == &opened, "{name}: all undone, as opened");
    assert!(!app.is_dirty(), "{name}: all undone, nothing unsaved");
}

#[test]
fn indexes_and_rows_kept_along_changes_of_the_tree_equal_a_full_computation() {
    walk("sample", store::parse(store::SAMPLE_JSON).unwrap(), 400, 11);
    walk("generated", generate::workspace(3, 5), 300, 29);
}
