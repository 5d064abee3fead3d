//! The one-page summary that opens the Markdown and HTML exports: body, year, quarter, counts
//! by rating, budget totals, then two small tables — the programs (in the Renja's order) and
//! the red list with officers. The tables are [`TextTable`]s, laid out like every other.

use super::{Cell, Request, TextRow, TextTable, words};
use crate::locale::{self, Lang};
use crate::model::Rating;
use crate::report::tables::RowStyle;
use crate::report::{self, order};
use crate::text::visible;

pub struct SummaryPage {
    /// The page's language (`<html lang>`).
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub facts: Vec<(String, String)>,
    pub programs: TextTable,
    pub red: TextTable,
}

fn text(s: &str) -> Cell {
    Cell::Text(visible(s).into_owned())
}

fn opt(v: Option<rust_decimal::Decimal>, f: fn(rust_decimal::Decimal) -> Cell) -> Cell {
    v.map_or(Cell::Blank, f)
}

fn small_table(
    key: &'static str,
    title: &str,
    columns: &[&str],
    rows: Vec<Vec<Cell>>,
) -> TextTable {
    TextTable {
        key,
        sheet: key.to_string(),
        title: title.to_string(),
        note: None,
        columns: columns.iter().map(|c| c.to_string()).collect(),
        form: None,
        rows: rows
            .into_iter()
            .map(|cells| TextRow {
                cells,
                style: RowStyle::Normal,
            })
            .collect(),
    }
}

impl SummaryPage {
    pub fn new(req: &Request) -> SummaryPage {
        let (ws, q, lang) = (req.ws, req.quarter, req.lang);
        let s = report::summary(ws, q);
        let c = &s.counts;
        let ratings: Vec<String> = Rating::ALL
            .iter()
            .map(|r| format!("{} {}", lang.rating(*r), c.get(*r)))
            .collect();
        let a = &s.anggaran;
        let fact = |id: &str, en: &str, v: String| (lang.pick(id, en).to_string(), v);
        let facts = vec![
            fact(
                "Indikator",
                "Indicators",
                format!("{} · {}", c.total(), ratings.join(" · ")),
            ),
            fact(
                "Merah / belum diisi",
                "Red / not entered",
                format!("{} / {}", c.merah, c.belum_diisi),
            ),
            fact("Pagu", "Budget", locale::rupiah_or_dash(a.pagu)),
            fact(
                "Realisasi",
                "Spent",
                format!(
                    "{} ({})",
                    locale::rupiah_or_dash(a.realisasi),
                    locale::percent_or_dash(a.capaian())
                ),
            ),
            fact("Sisa", "Left", locale::rupiah_or_dash(a.sisa())),
        ];

        // In the Renja's order (7.01.01 first), as the LKjIP's budget tables.
        let mut programs: Vec<&report::ProgramSummary> = s.programs.iter().collect();
        programs.sort_by(|a, b| order::cmp_codes(&a.kode, &b.kode));
        let programs = small_table(
            "ringkasan-program",
            lang.pick("Capaian per program", "Programs"),
            &[
                lang.pick("Kode", "Code"),
                "Program",
                lang.pick("Kinerja", "Performance"),
                lang.pick("Anggaran", "Budget"),
                lang.pick("Pagu (Rp)", "Budget (Rp)"),
                lang.pick("Realisasi (Rp)", "Spent (Rp)"),
            ],
            programs
                .into_iter()
                .map(|p| {
                    vec![
                        text(&p.kode),
                        text(&p.nama),
                        opt(p.capaian_kinerja, Cell::Percent),
                        opt(p.anggaran.capaian(), Cell::Percent),
                        opt(p.anggaran.pagu, Cell::Rupiah),
                        opt(p.anggaran.realisasi, Cell::Rupiah),
                    ]
                })
                .collect(),
        );

        let list = report::red_list(ws, q);
        let red = small_table(
            "ringkasan-merah",
            lang.pick(
                "Indikator merah, terburuk dahulu, dan belum diisi",
                "Red indicators, worst first, and not entered",
            ),
            &[
                lang.pick("Kode", "Code"),
                lang.pick("Indikator", "Indicator"),
                lang.pick("Capaian", "Achieved"),
                lang.pick("Penanggung jawab", "Responsible"),
            ],
            list.merah
                .iter()
                .chain(&list.belum_diisi)
                .map(|r| {
                    vec![
                        text(order::shown_kode(r.node_jenis, &r.at.kode)),
                        text(&r.indikator),
                        // Not judged: why ("belum diisi") where the capaian would stand.
                        r.status.capaian().map_or_else(
                            || Cell::Text(words::predikat(r.status, lang).to_string()),
                            Cell::Percent,
                        ),
                        text(r.pejabat.as_deref().unwrap_or_default()),
                    ]
                })
                .collect(),
        );

        SummaryPage {
            lang,
            title: format!(
                "{} — {} {}",
                lang.pick("Ringkasan Kinerja", "Performance summary"),
                visible(&ws.instansi.nama),
                ws.tahun
            ),
            subtitle: format!(
                "{}, {} TW {q}",
                visible(&ws.instansi.kabupaten),
                lang.pick("keadaan s.d.", "as of")
            ),
            facts,
            programs,
            red,
        }
    }
}
