//! Import at kabupaten scale (issue 13): `cargo bench --bench import [-- ROWS…]`.
//! Generates a workspace (`kinerja generate`'s logic) with about ROWS E-81 rows (10 000 by
//! default), writes its E-81 twice — as `kinerja export --format xlsx` does, and laid out like
//! the seed's Aksara E-81 (three header rows, merged cells, numbers as text with English
//! separators) — and times, into a copy with every quarterly figure cleared: reading the
//! file, planning, the preview (structure and text), and applying the plan through
//! `store::commit_ops` (lock, write, fsync, kept version, journal). Prints a Markdown table.

#[path = "../tests/support/aksara.rs"]
mod aksara;
#[path = "../src/cli/generate.rs"]
mod generate;

use kinerja::export::{self, Format, Request};
use kinerja::import::{self, Options};
use kinerja::locale::Lang;
use kinerja::model::{NodeKind, Quarter, Workspace};
use kinerja::{rules, store};
use rust_decimal::Decimal;
use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn cleared(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    fn go(nodes: &mut [kinerja::model::Node]) {
        for n in nodes {
            for i in &mut n.indikator {
                i.realisasi = [None; 4];
            }
            if let Some(b) = &mut n.anggaran {
                b.realisasi_rp = [None; 4];
            }
            go(&mut n.anak);
        }
    }
    go(&mut ws.pohon);
    ws
}

/// `1,234,567.89`, as the regional system exports figures.
fn english(d: Decimal) -> String {
    let mut r = d.round_dp(2);
    r.rescale(2);
    let s = r.to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{out}.{frac}")
}

/// The E-81 rows of `ws` in the Aksara layout: one per indicator, the node on every row, its
/// Rupiah on the first.
fn aksara_rows(ws: &Workspace) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let opt = |d: Option<Decimal>| d.map(english).unwrap_or_default();
    for v in ws.walk() {
        let n = v.node;
        let tag = match n.jenis {
            NodeKind::Program => "[PROGRAM]",
            NodeKind::Kegiatan => "[KEGIATAN]",
            NodeKind::SubKegiatan => "[SUB KEGIATAN]",
            NodeKind::Sasaran => "",
            _ => continue,
        };
        let budget = rules::budget_of(n, Quarter::IV);
        for (i, ind) in n.indikator.iter().enumerate() {
            let first = i == 0 && n.jenis != NodeKind::Sasaran;
            let mut r = vec![String::new(); 20];
            r[0] = (rows.len() + 1).to_string();
            if n.jenis == NodeKind::Sasaran {
                r[1] = n.nama.clone();
            } else {
                r[2] = format!("{tag} {} {}", n.kode, n.nama);
            }
            r[3] = format!("{}({})", ind.nama, ind.satuan);
            r[8] = opt(ind.target);
            if first {
                r[9] = opt(budget.and_then(|b| b.pagu));
            }
            for q in Quarter::ALL {
                r[10 + 2 * q.index()] = opt(ind.realisasi[q.index()]);
                if first {
                    r[11 + 2 * q.index()] = opt(rules::spent_in_quarter(n, q));
                }
            }
            r[18] = opt(rules::realisasi_tahun(ind));
            if first {
                r[19] = opt(budget.and_then(|b| b.realisasi));
            }
            rows.push(r);
        }
    }
    rows
}

struct Measured {
    rows: usize,
    file_kb: usize,
    read: Duration,
    plan: Duration,
    preview: Duration,
    apply: Duration,
    changes: usize,
}

/// Times reading and planning `file` against `copy` (median of `runs`), the preview, and
/// applying the plan to `copy` on disk (median of `runs` fresh files).
fn measure(dir: &Path, file: &Path, copy: &Workspace, rows: usize, runs: usize) -> Measured {
    let opts = Options::default();
    let mut reads = Vec::new();
    let mut plans = Vec::new();
    let mut previews = Vec::new();
    let mut applies = Vec::new();
    let mut changes = 0;
    for run in 0..runs {
        let path = dir.join(format!("ws-{run}.json"));
        store::write_atomic(&path, store::to_json(copy).as_bytes()).unwrap();
        let (mut base, stamp) = store::load_stamped(&path).unwrap();
        let t = Instant::now();
        let book = import::read(file, &opts).unwrap();
        reads.push(t.elapsed());
        let t = Instant::now();
        let plan = import::plan(&base, &book, &opts);
        plans.push(t.elapsed());
        let t = Instant::now();
        let text = plan.preview().text(Lang::Id, import::Detail::Changes);
        previews.push(t.elapsed());
        assert!(
            plan.is_clean(),
            "{:?}",
            &plan.problems[..plan.problems.len().min(5)]
        );
        assert!(!text.is_empty());
        let ops = plan.ops().unwrap();
        changes = ops.len();
        let t = Instant::now();
        store::commit_ops(&path, &mut base, stamp, ops, "bench", store::LOCK_WAIT).unwrap();
        applies.push(t.elapsed());
    }
    Measured {
        rows,
        file_kb: std::fs::metadata(file).unwrap().len() as usize / 1024,
        read: median(reads),
        plan: median(plans),
        preview: median(previews),
        apply: median(applies),
        changes,
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    };
    println!(
        "| layout | E-81 rows | file KB | figures changed | read ms | plan ms | preview ms | read+plan+preview ms | apply ms |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for target in sizes {
        // 225 E-81 rows per generated unit (a sasaran, 4 programs of 2 indicators, 24
        // kegiatan, 192 sub kegiatan).
        let units = target.div_ceil(225).max(1);
        let ws = generate::workspace(units, 7);
        let copy = cleared(&ws);
        let dir = tempfile::tempdir().unwrap();

        let own = export::render(&Request {
            ws: &ws,
            quarter: Quarter::IV,
            lang: Lang::Id,
            format: Format::Xlsx,
            table: Some("e81"),
        })
        .unwrap();
        let own_path = dir.path().join("e81-kinerja.xlsx");
        std::fs::write(&own_path, own).unwrap();
        let rows = aksara_rows(&ws);
        let aksara_path = dir.path().join("e81-aksara.xlsx");
        std::fs::write(&aksara_path, aksara::workbook("2023", &rows)).unwrap();

        for (name, file) in [("kinerja export", &own_path), ("Aksara E-81", &aksara_path)] {
            let m = measure(dir.path(), file, &copy, rows.len(), 5);
            println!(
                "| {name} | {} | {} | {} | {} | {} | {} | {} | {} |",
                m.rows,
                m.file_kb,
                m.changes,
                ms(m.read),
                ms(m.plan),
                ms(m.preview),
                ms(m.read + m.plan + m.preview),
                ms(m.apply)
            );
        }
    }
}
