//! The red list as a table: the red indicators worst first, then the ones due but not
//! entered, each with its officer.

use super::{Column, RowStyle, Table, Term, Title, Value, only_if, text};
use crate::model::{Quarter, Workspace};
use crate::report::order::shown_kode;
use crate::report::{IndicatorRow, red_list};
use rust_decimal::Decimal;

pub fn red(ws: &Workspace, q: Quarter) -> Table {
    use Column::*;
    let ambang = ws.pengaturan.ambang_merah;
    let mut t = Table::new(
        "merah",
        Title::Merah { q, ambang },
        vec![
            No,
            Kode,
            Indikator,
            Satuan,
            TargetSdTw,
            Realisasi,
            Capaian,
            Predikat,
            Merah { ambang },
            PenanggungJawab,
        ],
    );
    let list = red_list(ws, q);
    let rows: Vec<&IndicatorRow> = list.merah.iter().chain(&list.belum_diisi).collect();
    for (i, r) in rows.into_iter().enumerate() {
        t.push(
            RowStyle::Normal,
            vec![
                Value::Figure(Decimal::from(i + 1)),
                text(shown_kode(r.node_jenis, &r.at.kode)),
                text(&r.indikator),
                text(&r.satuan),
                Value::opt(r.due, Value::Figure),
                Value::opt(r.realisasi, Value::Figure),
                Value::opt(r.status.capaian(), Value::Percent),
                Value::Term(Term::Predikat(r.status)),
                only_if(r.status.is_red(), Value::Term(Term::Merah)),
                text(r.pejabat.as_deref().unwrap_or("")),
            ],
        );
    }
    t
}
