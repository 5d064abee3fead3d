//! The budget tables in the Renja's order: Tabel 3.5 (pagu and realisation per sasaran,
//! program, kegiatan and sub kegiatan), Tabel 3.6 (cost per outcome: capaian kinerja beside
//! capaian anggaran) and the LRA (per sub kegiatan, by code), each with its total.

use super::{
    Column, RowStyle, Table, Term, Title, Value, indicator_slots, node_name, only_if, style_of,
    text,
};
use crate::model::{Indicator, NodeKind, Quarter, Workspace};
use crate::report::order::{cmp_codes, renja_order, shown_kode};
use crate::rules::{self, BudgetFigures};
use rust_decimal::Decimal;

/// "Nama indikator (satuan)", or nothing for a node without an indicator.
fn indicator_cell(ind: Option<&Indicator>) -> Value {
    text(ind.map_or_else(String::new, |i| format!("{} ({})", i.nama, i.satuan)))
}

/// The budget cells of a row: pagu, realisation and capaian anggaran.
fn budget_cells(b: BudgetFigures) -> [Value; 3] {
    [
        Value::opt(b.pagu, Value::Rupiah),
        Value::opt(b.realisasi, Value::Rupiah),
        Value::opt(b.capaian(), Value::Percent),
    ]
}

/// Fills a budget table: every node of the `listed` levels in the Renja's order, a row per
/// indicator (one when it has none) — its code and name, the indicator, the indicator's
/// `figures`, then on the node's first row its pagu, realisation and capaian anggaran — and
/// the whole body's total (JUMLAH) last: every budget in the tree once, as the LRA totals it.
fn budget_table(
    mut t: Table,
    ws: &Workspace,
    q: Quarter,
    listed: impl Fn(NodeKind) -> bool,
    figures: impl Fn(Option<&Indicator>) -> Vec<Value>,
) -> Table {
    for v in renja_order(ws).into_iter().filter(|v| listed(v.node.jenis)) {
        let node = v.node;
        let budget = rules::budget_of(node, q).unwrap_or_default();
        for (i, ind) in indicator_slots(node).into_iter().enumerate() {
            let first = i == 0;
            let mut cells = vec![
                text(if first {
                    shown_kode(node.jenis, &node.kode)
                } else {
                    ""
                }),
                if first { node_name(node) } else { text("") },
                indicator_cell(ind),
            ];
            cells.extend(figures(ind));
            cells.extend(budget_cells(budget).map(|v| only_if(first, v)));
            t.push(style_of(node.jenis, first), cells);
        }
    }
    let mut total = vec![Value::Blank; t.columns.len() - 3];
    total[1] = Value::Term(Term::Total);
    total.extend(budget_cells(
        rules::budget_total(&ws.pohon, q).unwrap_or_default(),
    ));
    t.push(RowStyle::Total, total);
    t
}

/// Tabel 3.5 Perbandingan Anggaran dengan Realisasi Anggaran: every sasaran with the budget of
/// its programs, then each program, kegiatan and sub kegiatan, each with its indicators; pagu,
/// realisation and capaian anggaran to quarter `q`; the body's total last.
pub fn tabel_3_5(ws: &Workspace, q: Quarter) -> Table {
    use Column::*;
    let t = Table::new(
        "tabel-3-5",
        Title::Tabel35 { q },
        vec![
            Kode,
            SasaranProgram,
            Indikator,
            PaguAnggaranRp,
            RealisasiRp,
            CapaianAnggaran,
        ],
    );
    budget_table(
        t,
        ws,
        q,
        |k| k == NodeKind::Sasaran || k.has_budget(),
        |_| Vec::new(),
    )
}

/// Tabel 3.6 Cost per outcome: capaian kinerja beside capaian anggaran for every program,
/// kegiatan and sub kegiatan; the body's budget in total last.
pub fn tabel_3_6(ws: &Workspace, q: Quarter) -> Table {
    use Column::*;
    let t = Table::new(
        "tabel-3-6",
        Title::Tabel36 { q },
        vec![
            Kode,
            ProgramKegiatan,
            Indikator,
            Target,
            Realisasi,
            CapaianKinerja,
            AlokasiRp,
            RealisasiRp,
            CapaianAnggaran,
        ],
    );
    budget_table(t, ws, q, NodeKind::has_budget, |ind| {
        vec![
            Value::opt(ind.and_then(|i| rules::due_target(i, q)), Value::Figure),
            Value::opt(
                ind.and_then(|i| rules::realisasi_to_date(&i.realisasi, i.agregasi, q)),
                Value::Figure,
            ),
            Value::opt(
                ind.and_then(|i| rules::status(i, q, &ws.pengaturan).capaian()),
                Value::Percent,
            ),
        ]
    })
}

/// The LRA summary: pagu, realisation, remainder and % per sub kegiatan, and in total.
pub fn lra(ws: &Workspace, q: Quarter) -> Table {
    use Column::*;
    let mut t = Table::new(
        "lra",
        Title::Lra {
            instansi: ws.instansi.nama.clone(),
            tahun: ws.tahun,
            q,
        },
        vec![
            No,
            Kode,
            SubKegiatan,
            AnggaranRp,
            RealisasiRp,
            SisaRp,
            Persentase,
        ],
    );
    // In code order, as the LRA lists them (7.01.01.2.01.01 … 7.01.06.2.01.12).
    let mut leaves: Vec<_> = ws
        .nodes()
        .filter(|n| n.anggaran.is_some() && !rules::budget_is_sum(n))
        .collect();
    leaves.sort_by(|a, b| cmp_codes(&a.kode, &b.kode));
    for (i, node) in leaves.iter().enumerate() {
        let b = rules::budget_of(node, q).unwrap_or_default();
        t.push(
            RowStyle::Normal,
            vec![
                Value::Figure(Decimal::from(i + 1)),
                text(&node.kode),
                text(&node.nama),
                Value::opt(b.pagu, Value::Rupiah),
                Value::Rupiah(b.realisasi.unwrap_or_default()),
                Value::opt(b.sisa(), Value::Rupiah),
                Value::opt(b.capaian(), Value::Percent),
            ],
        );
    }
    let total = rules::budget_total(leaves.iter().copied(), q).unwrap_or_default();
    t.push(
        RowStyle::Total,
        vec![
            Value::Blank,
            Value::Blank,
            Value::Term(Term::Total),
            Value::opt(total.pagu, Value::Rupiah),
            Value::Rupiah(total.realisasi.unwrap_or_default()),
            Value::opt(total.sisa(), Value::Rupiah),
            Value::opt(total.capaian(), Value::Percent),
        ],
    );
    t
}
