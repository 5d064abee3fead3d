//! Formulir E-81 (Permendagri 86/2017, "Evaluasi terhadap Hasil Renja"), every column as the
//! form lays it out and the seed's "Laporan E-81 Aksara" prints it, in the Renja's order (the
//! sasaran of program 7.01.01 first, each program, kegiatan and sub kegiatan by its code):
//!
//! 1 No (the level: 1 sasaran, 2 program, 3 kegiatan, 4 sub kegiatan, as the seed numbers
//! them), 2 Sasaran, 3 Program / Kegiatan / Sub Kegiatan (`[PROGRAM] 7.01.01 Nama`),
//! 4 Indikator (its unit in brackets), then K and Rp of 5 the Renstra's end target, 6 the
//! Renstra's realisation up to last year, 7 this year's target and pagu, 8–11 TW I–IV, 12 this
//! year's realisation to the quarter, 13 the Renstra's up to this year (6 + 12), 14 its capaian
//! (13 / 5), 15 this year's capaian (12 / 7); 16 the predikat, 17–19 the latest faktor
//! pendorong, faktor penghambat and tindak lanjut up to the quarter, 20 the penanggung jawab.
//! A node's Rupiah stand on its first row.

use super::{
    Column, E81Pair, PairUnit, Table, Term, Title, Value, indicator_slots, only_if, style_of, text,
};
use crate::model::{Explanation, Indicator, NodeKind, NodeVisit, Quarter, Workspace};
use crate::report::order::renja_order;
use crate::rules;
use rust_decimal::Decimal;

/// The nodes the E-81 lists: sasaran and everything with a budget, in the Renja's order.
fn reported_nodes(ws: &Workspace) -> Vec<NodeVisit<'_>> {
    renja_order(ws)
        .into_iter()
        .filter(|v| v.node.jenis == NodeKind::Sasaran || v.node.jenis.has_budget())
        .collect()
}

/// The form's columns at quarter `q` of year `tahun`, the Renstra ending in `akhir`.
pub fn e81_columns(q: Quarter, tahun: i32, akhir: i32) -> Vec<Column> {
    use Column::*;
    let mut columns = vec![No, Sasaran, ProgramKegiatan, IndikatorKinerja];
    let pairs = [
        E81Pair::RenstraAkhir { akhir },
        E81Pair::RenstraLalu { tahun: tahun - 1 },
        E81Pair::Target { tahun },
    ]
    .into_iter()
    .chain(Quarter::ALL.map(E81Pair::Tw))
    .chain([
        E81Pair::Realisasi { q, tahun },
        E81Pair::RenstraSd { tahun },
        E81Pair::CapaianRenstra { tahun },
        E81Pair::CapaianRenja { q },
    ]);
    for pair in pairs {
        columns.extend([PairUnit::K, PairUnit::Rp].map(|unit| E81 { pair, unit }));
    }
    columns.extend([
        Predikat,
        FaktorPendorong,
        FaktorPenghambat,
        TindakLanjut,
        PenanggungJawab,
    ]);
    columns
}

/// The level's number in the No column, as the seed's E-81 numbers its rows.
fn level_number(kind: NodeKind) -> Option<Decimal> {
    match kind {
        NodeKind::Sasaran => Some(Decimal::ONE),
        NodeKind::Program => Some(Decimal::TWO),
        NodeKind::Kegiatan => Some(Decimal::from(3)),
        NodeKind::SubKegiatan => Some(Decimal::from(4)),
        _ => None,
    }
}

/// The latest non-empty text of one part of the explanations up to quarter `q`.
fn latest_part(ind: &Indicator, q: Quarter, part: fn(&Explanation) -> &str) -> String {
    Quarter::ALL[..=q.index()]
        .iter()
        .rev()
        .map(|at| part(ind.penjelasan.get(*at)))
        .find(|t| !t.is_empty())
        .unwrap_or_default()
        .to_string()
}

pub fn e81(ws: &Workspace, q: Quarter) -> Table {
    let tahun = ws.tahun;
    let periode = ws.periode_renstra;
    let mut t = Table::new(
        "e81",
        Title::E81 {
            instansi: ws.instansi.nama.clone(),
            tahun,
        },
        e81_columns(q, tahun, periode.akhir),
    );
    for v in reported_nodes(ws) {
        let node = v.node;
        let budget = rules::budget_of(node, q);
        let renstra = rules::renstra_money(node, q);
        for (i, ind) in indicator_slots(node).into_iter().enumerate() {
            let first = i == 0;
            let rp = |v: Option<Decimal>| only_if(first, Value::opt(v, Value::Rupiah));
            let pct = |v: Option<Decimal>| only_if(first, Value::opt(v, Value::Percent));
            let k = |f: &dyn Fn(&Indicator) -> Option<Decimal>| {
                Value::opt(ind.and_then(f), Value::Figure)
            };
            let status = ind.map(|i| rules::status(i, q, &ws.pengaturan));
            let sasaran = node.jenis == NodeKind::Sasaran;
            let mut cells = vec![
                only_if(first, Value::opt(level_number(node.jenis), Value::Figure)),
                if first && sasaran {
                    text(&node.nama)
                } else {
                    Value::Blank
                },
                if first && !sasaran {
                    Value::Term(Term::Tagged(
                        node.jenis,
                        node.kode.clone(),
                        node.nama.clone(),
                    ))
                } else {
                    Value::Blank
                },
                ind.map_or(Value::Blank, |i| {
                    if i.satuan.is_empty() {
                        text(&i.nama)
                    } else {
                        text(format!("{} ({})", i.nama, i.satuan))
                    }
                }),
                // 5
                k(&|i| i.renstra.akhir),
                rp(renstra.akhir),
                // 6
                k(&|i| rules::renstra_realisasi_lalu(i, tahun, periode)),
                rp(renstra.lalu),
                // 7
                k(&|i| i.target),
                rp(budget.and_then(|b| b.pagu)),
            ];
            // 8–11
            for quarter in Quarter::ALL {
                cells.push(k(&|i| i.realisasi[quarter.index()]));
                cells.push(rp(
                    rules::spent_in_quarter(node, quarter).filter(|_| budget.is_some())
                ));
            }
            cells.extend([
                // 12
                k(&|i| rules::realisasi_to_date(&i.realisasi, i.agregasi, q)),
                rp(budget.and_then(|b| b.realisasi)),
                // 13
                k(&|i| rules::renstra_realisasi_sd(i, tahun, periode, q)),
                rp(renstra.sd),
                // 14
                Value::opt(
                    ind.and_then(|i| rules::capaian_renstra(i, tahun, periode, q)),
                    Value::Percent,
                ),
                pct(renstra.capaian()),
                // 15
                Value::opt(status.and_then(|s| s.capaian()), Value::Percent),
                pct(budget.and_then(|b| b.capaian())),
                // 16
                status.map_or(Value::Blank, |s| Value::Term(Term::Predikat(s))),
            ]);
            // 17–19: the latest pendorong; the penghambat and tindak lanjut given together
            // (`rules::latest_explanation`), the tindak lanjut with what is due of it.
            let explained = ind.and_then(|i| rules::latest_explanation(i, q));
            cells.push(ind.map_or(Value::Blank, |i| {
                Value::Lines(latest_part(i, q, |e| &e.pendorong))
            }));
            cells.push(explained.map_or(Value::Blank, |(_, e)| Value::Lines(e.penghambat.clone())));
            cells.push(explained.map_or(Value::Blank, |(_, e)| {
                Value::Term(Term::TindakLanjut {
                    text: e.tindak_lanjut.clone(),
                    tenggat: e.tenggat,
                    pejabat: e
                        .pejabat
                        .as_deref()
                        .map(|id| ws.officer(id).map_or(id, |o| o.nama.as_str()).to_string()),
                })
            }));
            // 20
            cells.push(text(
                ws.officer_for(&v, ind).map_or("", |o| o.nama.as_str()),
            ));
            t.push(style_of(node.jenis, first), cells);
        }
    }
    t
}
