//! Kabupaten-scale measurements (issue #6): `cargo bench --bench perf [-- SIZES…]`.
//! Generates workspaces of about 10 000, 50 000 and 200 000 indicators and measures, in one
//! process: parse into serde_json::Value, open to first drawn frame, a navigation key to its
//! frame, an edit to its recomputed frame, save against serialise + write + fsync, bytes a
//! navigation key sends to an 80×24 terminal (at the binary's backend and through a real
//! pseudo-terminal with script(1)), and peak resident memory. Prints a Markdown table.

#[path = "../src/cli/generate.rs"]
mod generate;

use kinerja::locale::Lang;
use kinerja::store;
use kinerja::tui::{self, Action, App, Theme};
use ratatui::Terminal;
use std::io::Write;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

/// Counts the bytes a frame sends to the terminal.
struct Counter(std::rc::Rc<std::cell::Cell<usize>>);
impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// An 80×24 terminal on the binary's backend, writing into `out`.
fn terminal<W: Write>(out: W) -> Terminal<tui::LeanBackend<W>> {
    Terminal::with_options(
        tui::LeanBackend::sized(out, ratatui::layout::Size::new(80, 24)),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
        },
    )
    .unwrap()
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0)
}

/// The `i`-th key of a walk of `span` rows down, then back up.
fn step(i: usize, span: usize) -> Action {
    if i % (2 * span) < span {
        Action::Down
    } else {
        Action::Up
    }
}

/// Bytes the real binary writes to a pseudo-terminal (80×24, via script(1)) per key of `keys`
/// (each key a byte), median; `None` where script(1) is missing.
fn pty_bytes_per_key(path: &std::path::Path, keys: &[u8]) -> Option<usize> {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().ok()?;
    let log = dir.path().join("typescript");
    let cmd = format!(
        "stty cols 80 rows 24; exec {} -w {}",
        env!("CARGO_BIN_EXE_kinerja"),
        path.display()
    );
    let mut child = Command::new("script")
        .args(["-q", "-f", "-c", &cmd])
        .arg(&log)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let size = || {
        std::fs::metadata(&log)
            .map(|m| m.len() as usize)
            .unwrap_or(0)
    };
    // Waits until the output has been still for `quiet`.
    let settle = |quiet: Duration| {
        let mut last = size();
        let mut still = Instant::now();
        let start = Instant::now();
        while still.elapsed() < quiet && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(10));
            let now = size();
            if now != last {
                last = now;
                still = Instant::now();
            }
        }
        last
    };
    settle(Duration::from_millis(1500));
    let stdin = child.stdin.as_mut()?;
    let mut deltas = Vec::new();
    for key in keys {
        let before = size();
        stdin.write_all(&[*key]).ok()?;
        stdin.flush().ok()?;
        let after = settle(Duration::from_millis(80));
        deltas.push(after - before);
    }
    let _ = stdin.write_all(b"q");
    let _ = child.stdin.take();
    let _ = child.wait();
    deltas.sort_unstable();
    Some(deltas[deltas.len() / 2])
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect::<Vec<_>>();
    let sizes = if sizes.is_empty() {
        vec![10_000, 50_000, 200_000]
    } else {
        sizes
    };
    // The Sooko sample first (the edit on a sub kegiatan of the seed), then generated sizes.
    let workspaces = std::iter::once(0).chain(sizes).map(|target| {
        if target == 0 {
            let ws = store::parse(store::SAMPLE_JSON).unwrap();
            ("sample".to_string(), ws, "7.01.06.2.01.09")
        } else {
            let units = generate::units_for(target);
            let ws = generate::workspace(units, 1);
            (format!("ws-{target}"), ws, "U001.7.01.01.2.01.01")
        }
    });
    let dir = tempfile::tempdir().unwrap();
    println!(
        "| indicators | file MB | parse Value ms | open→frame ms | ratio | nav key ms (median) | fold key ms (median) | edit→frames ms (median) | save ms | write+fsync ms | ratio | bytes/nav key (median) | bytes/key via PTY | peak RSS MB | RSS/file |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, ws, edited) in workspaces {
        let count: usize = ws.nodes().map(|n| n.indikator.len()).sum();
        let indicators = if name == "sample" {
            format!("{count} (Sooko)")
        } else {
            count.to_string()
        };
        let path = dir.path().join(format!("{name}.json"));
        let text = store::to_json(&ws);
        std::fs::write(&path, &text).unwrap();
        drop(ws);

        // Parse into a serde_json::Value: the floor for reading the file.
        let parse = median(
            (0..3)
                .map(|_| {
                    let t = Instant::now();
                    let bytes = std::fs::read(&path).unwrap();
                    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                    std::hint::black_box(v);
                    t.elapsed()
                })
                .collect(),
        );

        // Open to the first drawn frame.
        let mut app = None;
        let open = median(
            (0..3)
                .map(|_| {
                    let t = Instant::now();
                    let (ws, stamp) = store::load_stamped(&path).unwrap();
                    let a = App::new(ws, Some((path.clone(), stamp)), Lang::Id, Theme::MONO);
                    let mut term = terminal(std::io::sink());
                    term.draw(|f| tui::draw(f, &a)).unwrap();
                    let d = t.elapsed();
                    app = Some(a);
                    d
                })
                .collect(),
        );
        let mut app = app.unwrap();
        let rss = peak_rss_kib();

        // A navigation key to its frame, written by the binary's backend (into a sink) so its
        // work is counted (open a unit first so there is somewhere to go).
        let mut term = terminal(std::io::sink());
        term.draw(|f| tui::draw(f, &app)).unwrap();
        for a in [
            Action::Down,
            Action::Down,
            Action::Toggle,
            Action::Down,
            Action::Toggle,
            Action::Down,
            Action::Toggle,
        ] {
            app.update(a);
        }
        // Down then Up in runs of `span` keys, so every key moves (the sample has few rows).
        let span = (app.rows().len() - 1 - app.selected()).clamp(1, 20);
        let nav = median(
            (0..200)
                .map(|i| {
                    let t = Instant::now();
                    app.update(step(i, span));
                    term.draw(|f| tui::draw(f, &app)).unwrap();
                    t.elapsed()
                })
                .collect(),
        );

        // Bytes per navigation key at 80×24 through the binary's backend (ratatui diffs the
        // cells, `LeanBackend` writes them).
        let count = std::rc::Rc::new(std::cell::Cell::new(0));
        let mut real = terminal(Counter(count.clone()));
        real.draw(|f| tui::draw(f, &app)).unwrap();
        let mut bytes: Vec<usize> = (0..200)
            .map(|i| {
                count.set(0);
                app.update(step(i, span));
                real.draw(|f| tui::draw(f, &app)).unwrap();
                count.get()
            })
            .collect();
        bytes.sort_unstable();
        let bytes_median = bytes[bytes.len() / 2];

        // Opening and closing a node (Enter on the first row below the top with children).
        app.update(Action::Home);
        app.update(Action::Down);
        while !app.selected_row().unwrap().has_children {
            app.update(Action::Down);
        }
        let fold = median(
            (0..40)
                .map(|_| {
                    let open = app.selected_row().unwrap().expanded;
                    let t = Instant::now();
                    app.update(Action::Toggle);
                    term.draw(|f| tui::draw(f, &app)).unwrap();
                    let d = t.elapsed();
                    assert_ne!(app.selected_row().unwrap().expanded, open, "Enter folds");
                    d
                })
                .collect(),
        );

        // An edit to its recomputed frame: a sub kegiatan's TW IV realisation, typed and
        // accepted; the tree, the detail and the dashboard (shown once before, so it is kept
        // current) are all drawn after each edit.
        let mut dash_term = terminal(std::io::sink());
        app.update(Action::Dashboard);
        dash_term.draw(|f| tui::draw(f, &app)).unwrap();
        app.update(Action::Dashboard);
        app.update(Action::Search);
        for c in edited.chars() {
            app.update(Action::Input(tui_input::InputRequest::InsertChar(c)));
        }
        app.update(Action::Submit);
        assert_eq!(app.selected_row().unwrap().kode, edited);
        app.update(Action::SwitchFocus);
        let edit = median(
            (0..30)
                .map(|i| {
                    app.update(Action::Edit);
                    app.update(Action::Input(tui_input::InputRequest::DeleteLine));
                    for c in format!("{}", 10 + i % 7).chars() {
                        app.update(Action::Input(tui_input::InputRequest::InsertChar(c)));
                    }
                    let t = Instant::now();
                    app.update(Action::Submit);
                    term.draw(|f| tui::draw(f, &app)).unwrap();
                    app.update(Action::Dashboard);
                    dash_term.draw(|f| tui::draw(f, &app)).unwrap();
                    app.update(Action::Dashboard);
                    let d = t.elapsed();
                    let typed = rust_decimal::Decimal::from(10 + i % 7);
                    let cell = app.current_field().unwrap();
                    assert_eq!(app.value(edited, cell), Some(typed), "the edit happened");
                    d
                })
                .collect(),
        );

        // Save (merge under the lock, keep a version, write, journal; on the worker) vs
        // serialise + write + fsync.
        let save = median(
            (0..3)
                .map(|i| {
                    app.update(Action::Edit);
                    app.update(Action::Input(tui_input::InputRequest::InsertChar(
                        char::from(b'1' + i as u8),
                    )));
                    app.update(Action::Submit);
                    // From `s` until the worker's report is taken in (the key itself returns
                    // at once).
                    let t = Instant::now();
                    app.update(Action::Save);
                    assert!(app.settle(Duration::from_secs(600)), "{:?}", app.message());
                    let d = t.elapsed();
                    assert!(!app.is_dirty(), "{:?}", app.message());
                    d
                })
                .collect(),
        );
        let raw = median(
            (0..3)
                .map(|_| {
                    let t = Instant::now();
                    let s = store::to_json(app.ws());
                    let mut f = std::fs::File::create(dir.path().join("raw.json")).unwrap();
                    f.write_all(s.as_bytes()).unwrap();
                    f.sync_all().unwrap();
                    t.elapsed()
                })
                .collect(),
        );

        let file_mb = text.len() as f64 / 1e6;
        // `j` through the first screen and beyond (the tree scrolls); the sample's eight
        // first rows down and up again, so every key moves.
        let keys = if name == "sample" {
            b"jjjjjjjkkkkkkk".repeat(4)
        } else {
            vec![b'j'; 60]
        };
        let pty = pty_bytes_per_key(&path, &keys).map_or("—".to_string(), |b| b.to_string());
        println!(
            "| {indicators} | {file_mb:.1} | {} | {} | {:.2} | {} | {} | {} | {} | {} | {:.2} | {bytes_median} | {pty} | {:.0} | {:.1} |",
            ms(parse),
            ms(open),
            open.as_secs_f64() / parse.as_secs_f64(),
            ms(nav),
            ms(fold),
            ms(edit),
            ms(save),
            ms(raw),
            save.as_secs_f64() / raw.as_secs_f64(),
            rss as f64 / 1024.0,
            rss as f64 * 1024.0 / text.len() as f64,
        );
        std::fs::remove_dir_all(store::versions::dir_for(&path)).ok();
    }
}
