//! Formulir E-81 (Permendagri 86/2017), in the Renja's order as the seed's E-81 lists it:
//! the sasaran of program 7.01.01 first, each program, kegiatan and sub kegiatan by its code.

use super::{Column, Table, Title, Value, indicator_slots, node_name, only_if, style_of, text};
use crate::model::{NodeKind, NodeVisit, Quarter, Workspace};
use crate::report::order::{renja_order, shown_kode};
use crate::rules;

/// The nodes the E-81 lists: sasaran and everything with a budget, in the Renja's order.
fn reported_nodes(ws: &Workspace) -> Vec<NodeVisit<'_>> {
    renja_order(ws)
        .into_iter()
        .filter(|v| v.node.jenis == NodeKind::Sasaran || v.node.jenis.has_budget())
        .collect()
}

/// Per node and indicator: target K and Rp, the four quarters' K and Rp, the realisation and
/// capaian of both. A node's Rupiah stand on its first row.
pub fn e81(ws: &Workspace, q: Quarter) -> Table {
    use Column::*;
    let mut columns = vec![
        Kode,
        ProgramKegiatan,
        IndikatorKinerja,
        Satuan,
        TargetK,
        TargetRp,
    ];
    for quarter in Quarter::ALL {
        columns.extend([TwK(quarter), TwRp(quarter)]);
    }
    columns.extend([RealisasiKSd(q), RealisasiRpSd(q), CapaianK, CapaianRp]);
    let mut t = Table::new(
        "e81",
        Title::E81 {
            instansi: ws.instansi.nama.clone(),
            tahun: ws.tahun,
        },
        columns,
    );
    for v in reported_nodes(ws) {
        let node = v.node;
        let budget = rules::budget_of(node, q);
        for (i, ind) in indicator_slots(node).into_iter().enumerate() {
            let first = i == 0;
            let rp =
                |v: Option<rust_decimal::Decimal>| only_if(first, Value::opt(v, Value::Rupiah));
            let mut cells = vec![
                text(if first {
                    shown_kode(node.jenis, &node.kode)
                } else {
                    ""
                }),
                if first { node_name(node) } else { text("") },
                text(ind.map_or("", |i| i.nama.as_str())),
                text(ind.map_or("", |i| i.satuan.as_str())),
                Value::opt(ind.and_then(|i| i.target), Value::Figure),
                rp(budget.and_then(|b| b.pagu)),
            ];
            for quarter in Quarter::ALL {
                cells.push(Value::opt(
                    ind.and_then(|i| i.realisasi[quarter.index()]),
                    Value::Figure,
                ));
                cells.push(rp(
                    rules::spent_in_quarter(node, quarter).filter(|_| budget.is_some())
                ));
            }
            cells.extend([
                Value::opt(
                    ind.and_then(|i| rules::realisasi_to_date(&i.realisasi, i.agregasi, q)),
                    Value::Figure,
                ),
                rp(budget.and_then(|b| b.realisasi)),
                Value::opt(
                    ind.and_then(|i| rules::status(i, q, &ws.pengaturan).capaian()),
                    Value::Percent,
                ),
                only_if(
                    first,
                    Value::opt(budget.and_then(|b| b.capaian()), Value::Percent),
                ),
            ]);
            t.push(style_of(node.jenis, first), cells);
        }
    }
    t
}
