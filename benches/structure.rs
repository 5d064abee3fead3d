//! Issue 12: a change of the tree at kabupaten scale, through the interface as a key press makes
//! it — add a node, remove a node, recode a node, add an indicator, remove an indicator — each
//! from the key that makes the change (Enter in its form, or yes at the removal's question)
//! until the tree with its detail *and* the dashboard (shown once before, so it is kept
//! current) are redrawn at 80×24 through the binary's backend. The form is opened and filled,
//! and the change undone afterwards, outside the timing, so every iteration starts from the
//! same workspace.
//!
//! ```sh
//! cargo bench --bench structure -- --warm-up-time 1 --measurement-time 3 --sample-size 20
//! KINERJA_BENCH_INDICATORS=10000 cargo bench --bench structure   # another size
//! ```
//!
//! Criterion keeps each case's median in `target/criterion/structure/<case>/new/estimates.json`.

#[path = "../src/cli/generate.rs"]
mod generate;

use criterion::{Criterion, criterion_group, criterion_main};
use kinerja::locale::Lang;
use kinerja::store;
use kinerja::tui::{self, Action, App, Focus, Mode, Theme};
use ratatui::Terminal;
use std::time::{Duration, Instant};
use tui_input::InputRequest;

/// An 80×24 terminal on the binary's backend, writing nowhere.
type Term = Terminal<tui::LeanBackend<std::io::Sink>>;

fn terminal() -> Term {
    Terminal::with_options(
        tui::LeanBackend::sized(std::io::sink(), ratatui::layout::Size::new(80, 24)),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
        },
    )
    .unwrap()
}

/// One timed key press: its wall time, and this thread's CPU time in the key's handling and in
/// drawing the two frames (CPU time leaves out the time other processes held the cores).
struct Press {
    wall: Duration,
    key: Duration,
    frames: Duration,
}

fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant of the platform.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

struct Bench {
    app: App,
    tree: Term,
    dashboard: Term,
    presses: Vec<Press>,
    _dir: tempfile::TempDir,
}

impl Bench {
    /// A generated workspace written to a file and opened as the binary opens it (so the
    /// recovery file is kept, as in a real session).
    fn open(indicators: usize) -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kabupaten.json");
        let ws = generate::workspace(generate::units_for(indicators), 1);
        std::fs::write(&path, store::to_json(&ws)).unwrap();
        drop(ws);
        let (ws, stamp) = store::load_stamped(&path).unwrap();
        let mut app = App::new(ws, Some((path, stamp)), Lang::Id, Theme::MONO);
        let (mut tree, mut dashboard) = (terminal(), terminal());
        tree.draw(|f| tui::draw(f, &app)).unwrap();
        app.update(Action::Dashboard);
        dashboard.draw(|f| tui::draw(f, &app)).unwrap();
        app.update(Action::Dashboard);
        Bench {
            app,
            tree,
            dashboard,
            presses: Vec::new(),
            _dir: dir,
        }
    }

    fn keys(&mut self, actions: &[Action]) {
        for a in actions {
            self.app.update(*a);
        }
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.app.update(Action::Input(InputRequest::InsertChar(c)));
        }
    }

    /// Selects the node `kode` in the tree (by search, unless it is selected), focus on the tree.
    fn select(&mut self, kode: &str) {
        if self.app.focus() != Focus::Tree {
            self.app.update(Action::Cancel);
        }
        if self.app.selected_row().is_some_and(|r| r.kode == kode) {
            return;
        }
        self.app.update(Action::Search);
        self.type_text(kode);
        self.app.update(Action::Submit);
        // The search finds names and codes holding the text, from the selection on.
        for _ in 0..20 {
            if self.selected() == kode {
                return;
            }
            self.app.update(Action::SearchNext);
        }
        assert_eq!(self.selected(), kode);
    }

    fn selected(&self) -> &str {
        &self.app.selected_row().expect("a row").kode
    }

    /// The timed part: the key, then the tree's frame and the dashboard's. Each press is also
    /// kept (wall and this thread's CPU time, key and frames apart) for the per-press table.
    fn press_and_draw(&mut self, key: Action) -> Duration {
        let t = Instant::now();
        let c0 = thread_cpu();
        self.app.update(key);
        let c1 = thread_cpu();
        self.tree.draw(|f| tui::draw(f, &self.app)).unwrap();
        self.app.update(Action::Dashboard);
        self.dashboard.draw(|f| tui::draw(f, &self.app)).unwrap();
        self.app.update(Action::Dashboard);
        let c2 = thread_cpu();
        let wall = t.elapsed();
        self.presses.push(Press {
            wall,
            key: c1 - c0,
            frames: c2 - c1,
        });
        wall
    }

    /// The row of the per-press table for the case just measured (medians, in ms).
    fn row(&mut self, case: &str) -> String {
        let presses = std::mem::take(&mut self.presses);
        let median = |f: fn(&Press) -> Duration| {
            let mut v: Vec<Duration> = presses.iter().map(f).collect();
            v.sort();
            format!("{:.3}", v[v.len() / 2].as_secs_f64() * 1000.0)
        };
        format!(
            "| {case} | {} | {} | {} | {} | {} |",
            presses.len(),
            median(|p| p.wall),
            median(|p| p.key + p.frames),
            median(|p| p.key),
            median(|p| p.frames),
        )
    }

    fn undo(&mut self) {
        if self.app.focus() != Focus::Tree {
            self.app.update(Action::Cancel);
        }
        self.app.update(Action::Undo);
        assert!(!self.app.is_dirty(), "undone: {:?}", self.app.message());
    }

    fn browsing(&self) {
        assert!(
            matches!(self.app.mode(), Mode::Browse),
            "the change was made: {:?}",
            self.app.message()
        );
    }
}

fn structure(c: &mut Criterion) {
    let indicators = std::env::var("KINERJA_BENCH_INDICATORS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let started = Instant::now();
    let mut b = Bench::open(indicators);
    let count: usize = b.app.ws().nodes().map(|n| n.indikator.len()).sum();
    eprintln!(
        "{count} indicators, opened in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // A unit in the middle of the tree (positions after it shift when a node goes).
    let unit = format!("U{:03}", generate::units_for(indicators).div_ceil(2));
    let kegiatan = format!("{unit}.7.01.02.2.03");
    let sub = format!("{kegiatan}.04");
    let mut group = c.benchmark_group(format!("structure-{count}"));

    let mut rows = Vec::new();

    // For reference, the edit every other key is held to: a TW figure of the sub kegiatan
    // typed, then Enter.
    group.bench_function("figure edit (reference)", |bench| {
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for i in 0..iters {
                b.select(&sub);
                b.keys(&[Action::SwitchFocus, Action::Up, Action::Up, Action::Edit]);
                b.type_text(&format!("{}", 10 + i % 7));
                total += b.press_and_draw(Action::Submit);
                b.browsing();
                let cell = b.app.current_field().unwrap();
                assert_eq!(
                    b.app.value(&sub, cell),
                    Some(rust_decimal::Decimal::from(10 + i % 7))
                );
                b.undo();
            }
            total
        })
    });
    rows.push(b.row("figure edit (reference)"));

    // A sub kegiatan under a kegiatan: `a` on the kegiatan, its proposed code, a name typed.
    b.select(&kegiatan);
    group.bench_function("add node", |bench| {
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                b.keys(&[Action::AddChild, Action::NextField, Action::NextField]);
                b.type_text("Sub kegiatan baru");
                total += b.press_and_draw(Action::Submit);
                b.browsing();
                assert_eq!(b.selected(), format!("{kegiatan}.09"));
                b.undo();
                b.select(&kegiatan);
            }
            total
        })
    });
    rows.push(b.row("add node"));

    // A sub kegiatan with its indicator, figures and Rupiah: `x`, then yes.
    group.bench_function("remove node", |bench| {
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                b.select(&sub);
                b.keys(&[Action::Delete]);
                assert!(matches!(b.app.mode(), Mode::Question(_)));
                total += b.press_and_draw(Action::Confirm);
                b.browsing();
                assert_eq!(b.selected(), kegiatan, "the parent selected");
                b.undo();
            }
            total
        })
    });
    rows.push(b.row("remove node"));

    // A kegiatan recoded: it and its 8 sub kegiatan take the new code.
    group.bench_function("recode node", |bench| {
        let recoded = format!("{unit}.7.01.02.2.07");
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                b.select(&kegiatan);
                b.keys(&[
                    Action::Recode,
                    Action::Input(InputRequest::DeletePrevChar),
                    Action::Input(InputRequest::DeletePrevChar),
                ]);
                b.type_text("07");
                total += b.press_and_draw(Action::Submit);
                b.browsing();
                assert_eq!(b.selected(), recoded);
                b.undo();
            }
            total
        })
    });
    rows.push(b.row("recode node"));

    // An indicator on a sub kegiatan: nama, satuan, target.
    group.bench_function("add indicator", |bench| {
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                b.select(&sub);
                b.keys(&[Action::AddIndicator]);
                b.type_text("Jumlah laporan");
                b.keys(&[Action::NextField]);
                b.type_text("laporan");
                b.keys(&[Action::NextField, Action::NextField, Action::NextField]);
                b.type_text("12");
                total += b.press_and_draw(Action::Submit);
                b.browsing();
                assert_eq!(b.app.selected_node().unwrap().indikator.len(), 2);
                b.undo();
            }
            total
        })
    });
    rows.push(b.row("add indicator"));

    // The sub kegiatan's indicator with its four realisations: in the detail, `x`, then yes.
    group.bench_function("remove indicator", |bench| {
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                b.select(&sub);
                b.keys(&[Action::SwitchFocus, Action::Up, Action::Up, Action::Delete]);
                assert!(matches!(b.app.mode(), Mode::Question(_)));
                total += b.press_and_draw(Action::Confirm);
                b.browsing();
                assert!(b.app.selected_node().unwrap().indikator.is_empty());
                b.undo();
            }
            total
        })
    });
    rows.push(b.row("remove indicator"));
    group.finish();
    println!("\nPer key press ({count} indicators), medians in ms:\n");
    println!("| case | presses | key+frames wall | key+frames CPU | key CPU | frames CPU |");
    println!("|---|---:|---:|---:|---:|---:|");
    for r in rows {
        println!("{r}");
    }

    assert_eq!(b.app.self_check(), None, "indexes as a full computation");
}

criterion_group!(benches, structure);
criterion_main!(benches);
