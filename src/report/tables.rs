//! The LKjIP tables, computed from the workspace in the seed's layouts. Every exporter (xlsx,
//! Markdown, HTML, CSV) only lays these out; the figures come from `rules` like everywhere else.

use super::{IndicatorRow, red_list};
use crate::locale::Lang;
use crate::model::{Indicator, NodeKind, NodeVisit, PkGroup, Quarter, Workspace};
use crate::rules::{self, Status};
use rust_decimal::Decimal;

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    /// A performance figure (count, index, percentage as typed).
    Figure(Decimal),
    Rupiah(Decimal),
    /// A computed percentage (capaian), e.g. `91.81` for 91,81 %.
    Percent(Decimal),
    Blank,
}

impl Value {
    fn opt(v: Option<Decimal>, f: fn(Decimal) -> Value) -> Value {
        v.map_or(Value::Blank, f)
    }

    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            Value::Figure(d) | Value::Rupiah(d) | Value::Percent(d) => Some(*d),
            _ => None,
        }
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// How a row stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStyle {
    Normal,
    /// A heading row of a group (a program, a kegiatan).
    Group,
    /// A total (bold).
    Total,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<Value>,
    pub style: RowStyle,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Short stable name: the CSV file name and `--table` value.
    pub key: &'static str,
    /// The sheet name (at most 31 characters).
    pub sheet: &'static str,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    fn new(key: &'static str, sheet: &'static str, title: String, columns: &[&str]) -> Table {
        Table {
            key,
            sheet,
            title,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, style: RowStyle, cells: Vec<Value>) {
        debug_assert_eq!(cells.len(), self.columns.len(), "{}", self.key);
        self.rows.push(Row { cells, style });
    }
}

/// The keys of every table, in export order.
pub const TABLE_KEYS: [&str; 7] = [
    "tabel-3-1",
    "tabel-3-2",
    "tabel-3-3",
    "e81",
    "tabel-3-6",
    "lra",
    "merah",
];

/// Every table at quarter `q`.
pub fn all_tables(ws: &Workspace, q: Quarter, lang: Lang) -> Vec<Table> {
    vec![
        tabel_3_1(ws, q, lang),
        tabel_3_2(ws, lang),
        tabel_3_3(ws, lang),
        e81(ws, q, lang),
        tabel_3_6(ws, q, lang),
        lra(ws, q, lang),
        red(ws, q, lang),
    ]
}

/// The performance agreement's lines with their indicators, in agreement order.
fn pk_lines(ws: &Workspace) -> Vec<(&crate::model::PkLine, &Indicator)> {
    ws.pk
        .iter()
        .filter_map(|l| {
            Some((
                l,
                ws.node(&l.kode)?
                    .indikator
                    .get(l.indikator.checked_sub(1)?)?,
            ))
        })
        .collect()
}

fn group_label(lang: Lang, g: PkGroup) -> &'static str {
    match g {
        PkGroup::Sasaran => lang.pick("Sasaran Strategis", "Strategic target"),
        PkGroup::KinerjaLainnya => lang.pick("Kinerja Lainnya", "Other results"),
    }
}

fn rating_text(lang: Lang, status: Status) -> Value {
    match status {
        Status::Dinilai { rating, merah, .. } => {
            let r = lang.rating(rating);
            text(if merah {
                format!("{r} ({})", lang.pick("merah", "red"))
            } else {
                r.to_string()
            })
        }
        Status::BelumDiisi => text(lang.pick("belum diisi", "not entered")),
        Status::BelumJatuhTempo => text(lang.pick("belum jatuh tempo", "not yet due")),
        Status::TanpaTarget => text(lang.pick("tanpa target", "no target")),
    }
}

/// Tabel 3.1 Pencapaian Kinerja: each PK indicator's target, realisation and capaian.
pub fn tabel_3_1(ws: &Workspace, q: Quarter, lang: Lang) -> Table {
    let mut t = Table::new(
        "tabel-3-1",
        "Tabel 3.1",
        format!(
            "{} — s.d. TW {q} {}",
            lang.pick(
                "Tabel 3.1 Pencapaian Kinerja",
                "Table 3.1 Performance achieved"
            ),
            ws.tahun
        ),
        &[
            lang.pick("Kelompok", "Group"),
            "No",
            lang.pick("Sasaran / Kinerja", "Target / result"),
            lang.pick("Indikator Kinerja", "Indicator"),
            lang.pick("Satuan", "Unit"),
            "Target",
            lang.pick("Realisasi", "Actual"),
            lang.pick("% Capaian", "% Achieved"),
            lang.pick("Predikat", "Rating"),
        ],
    );
    for (line, ind) in pk_lines(ws) {
        let status = rules::status(ind, q, &ws.pengaturan);
        t.push(
            RowStyle::Normal,
            vec![
                text(group_label(lang, line.kelompok)),
                text(&line.no),
                text(&line.pernyataan),
                text(&ind.nama),
                text(&ind.satuan),
                Value::opt(rules::due_target(ind, q), Value::Figure),
                Value::opt(
                    rules::realisasi_to_date(&ind.realisasi, ind.agregasi, q),
                    Value::Figure,
                ),
                Value::opt(status.capaian(), Value::Percent),
                rating_text(lang, status),
            ],
        );
    }
    t
}

/// The years of Tabel 3.2: every earlier year recorded for a PK indicator, then this year.
fn comparison_years(ws: &Workspace) -> Vec<i32> {
    let mut years: Vec<i32> = pk_lines(ws)
        .iter()
        .flat_map(|(_, i)| i.riwayat.keys().copied())
        .collect();
    years.push(ws.tahun);
    years.sort_unstable();
    years.dedup();
    years.retain(|y| *y <= ws.tahun);
    years
}

/// Tabel 3.2 Perbandingan Realisasi Kinerja: this year's realisation beside earlier years'.
pub fn tabel_3_2(ws: &Workspace, lang: Lang) -> Table {
    let years = comparison_years(ws);
    let year_titles: Vec<String> = years
        .iter()
        .map(|y| format!("{} {y}", lang.pick("Realisasi", "Actual")))
        .collect();
    let mut columns: Vec<&str> = vec![
        "No",
        lang.pick("Indikator Kinerja", "Indicator"),
        lang.pick("Satuan", "Unit"),
    ];
    columns.extend(year_titles.iter().map(String::as_str));
    columns.push(lang.pick("Perubahan dari tahun lalu", "Change from last year"));
    let mut t = Table::new(
        "tabel-3-2",
        "Tabel 3.2",
        lang.pick(
            "Tabel 3.2 Perbandingan Realisasi Kinerja",
            "Table 3.2 Actuals compared with earlier years",
        )
        .into(),
        &columns,
    );
    for (line, ind) in pk_lines(ws) {
        let mut cells = vec![text(&line.no), text(&ind.nama), text(&ind.satuan)];
        for y in &years {
            let v = if *y == ws.tahun {
                rules::realisasi_tahun(ind)
            } else {
                ind.riwayat.get(y).copied()
            };
            cells.push(Value::opt(v, Value::Figure));
        }
        cells.push(Value::opt(
            rules::change_from_previous_year(ind, ws.tahun),
            Value::Figure,
        ));
        t.push(RowStyle::Normal, cells);
    }
    t
}

/// Tabel 3.3: the year's realisation against the Renstra end-of-period target.
pub fn tabel_3_3(ws: &Workspace, lang: Lang) -> Table {
    let year = format!("{} {}", lang.pick("Realisasi", "Actual"), ws.tahun);
    let mut t = Table::new(
        "tabel-3-3",
        "Tabel 3.3",
        format!(
            "{} {}–{}",
            lang.pick(
                "Tabel 3.3 Realisasi Kinerja s.d. Akhir Periode Renstra",
                "Table 3.3 Progress to the Renstra end target"
            ),
            ws.periode_renstra.awal,
            ws.periode_renstra.akhir
        ),
        &[
            "No",
            lang.pick("Indikator Kinerja", "Indicator"),
            lang.pick("Satuan", "Unit"),
            lang.pick("Target Akhir Renstra", "Renstra end target"),
            year.as_str(),
            lang.pick("Tingkat Kemajuan", "Progress"),
        ],
    );
    for (line, ind) in pk_lines(ws) {
        t.push(
            RowStyle::Normal,
            vec![
                text(&line.no),
                text(&ind.nama),
                text(&ind.satuan),
                Value::opt(ind.renstra.akhir, Value::Figure),
                Value::opt(rules::realisasi_tahun(ind), Value::Figure),
                Value::opt(rules::tingkat_kemajuan(ind), Value::Percent),
            ],
        );
    }
    t
}

fn kind_label(lang: Lang, k: NodeKind) -> &'static str {
    match k {
        NodeKind::Visi => "Visi",
        NodeKind::Misi => "Misi",
        NodeKind::Tujuan => lang.pick("Tujuan", "Goal"),
        NodeKind::Sasaran => lang.pick("Sasaran", "Target"),
        NodeKind::Program => "Program",
        NodeKind::Kegiatan => lang.pick("Kegiatan", "Activity"),
        NodeKind::SubKegiatan => lang.pick("Sub Kegiatan", "Sub-activity"),
    }
}

/// The nodes the E-81 and cost-per-outcome tables list: sasaran and everything with a budget.
fn reported_nodes(ws: &Workspace) -> Vec<NodeVisit<'_>> {
    ws.walk()
        .into_iter()
        .filter(|v| v.node.jenis == NodeKind::Sasaran || v.node.jenis.has_budget())
        .collect()
}

fn style_of(kind: NodeKind) -> RowStyle {
    match kind {
        NodeKind::SubKegiatan => RowStyle::Normal,
        _ => RowStyle::Group,
    }
}

/// Formulir E-81 (Permendagri 86/2017): per node and indicator, target K and Rp, the four
/// quarters' K and Rp, the realisation and capaian of both.
pub fn e81(ws: &Workspace, q: Quarter, lang: Lang) -> Table {
    let mut columns = vec![
        lang.pick("Kode", "Code").to_string(),
        lang.pick("Program / Kegiatan / Sub Kegiatan", "Program / activity")
            .to_string(),
        lang.pick("Indikator Kinerja", "Indicator").to_string(),
        lang.pick("Satuan", "Unit").to_string(),
        "Target K".to_string(),
        "Target Rp".to_string(),
    ];
    for quarter in Quarter::ALL {
        columns.push(format!("TW {quarter} K"));
        columns.push(format!("TW {quarter} Rp"));
    }
    columns.extend([
        format!("{} K s.d. TW {q}", lang.pick("Realisasi", "Actual")),
        format!("{} Rp s.d. TW {q}", lang.pick("Realisasi", "Actual")),
        lang.pick("Capaian K", "Achieved K").to_string(),
        lang.pick("Capaian Rp", "Achieved Rp").to_string(),
    ]);
    let column_refs: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut t = Table::new(
        "e81",
        "E-81",
        format!(
            "{} — {} {}",
            lang.pick(
                "Formulir E-81 Evaluasi terhadap Hasil Renja",
                "Form E-81 Evaluation of the work plan"
            ),
            ws.instansi.nama,
            ws.tahun
        ),
        &column_refs,
    );
    for v in reported_nodes(ws) {
        let node = v.node;
        let budget = rules::budget_of(node, q);
        let indicators: Vec<Option<&Indicator>> = if node.indikator.is_empty() {
            vec![None]
        } else {
            node.indikator.iter().map(Some).collect()
        };
        for (i, ind) in indicators.into_iter().enumerate() {
            let first = i == 0;
            let rp = |v: Option<Decimal>| {
                if first {
                    Value::opt(v, Value::Rupiah)
                } else {
                    Value::Blank
                }
            };
            let mut cells = vec![
                text(if first { node.kode.as_str() } else { "" }),
                text(if first {
                    format!("{} {}", kind_label(lang, node.jenis), node.nama)
                } else {
                    String::new()
                }),
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
                if first {
                    Value::opt(budget.and_then(|b| b.capaian()), Value::Percent)
                } else {
                    Value::Blank
                },
            ]);
            t.push(
                if first {
                    style_of(node.jenis)
                } else {
                    RowStyle::Normal
                },
                cells,
            );
        }
    }
    t
}

/// Tabel 3.6 Cost per outcome: capaian kinerja beside capaian anggaran for every node.
pub fn tabel_3_6(ws: &Workspace, q: Quarter, lang: Lang) -> Table {
    let mut t = Table::new(
        "tabel-3-6",
        "Tabel 3.6",
        format!(
            "{} — s.d. TW {q}",
            lang.pick(
                "Tabel 3.6 Cost per Outcome: Pencapaian Kinerja dan Anggaran",
                "Table 3.6 Cost per outcome"
            )
        ),
        &[
            lang.pick("Kode", "Code"),
            lang.pick("Program / Kegiatan / Sub Kegiatan", "Program / activity"),
            lang.pick("Indikator", "Indicator"),
            "Target",
            lang.pick("Realisasi", "Actual"),
            lang.pick("Capaian Kinerja", "Performance"),
            lang.pick("Alokasi (Rp)", "Budget (Rp)"),
            lang.pick("Realisasi (Rp)", "Spent (Rp)"),
            lang.pick("Capaian Anggaran", "Absorption"),
        ],
    );
    for v in reported_nodes(ws)
        .into_iter()
        .filter(|v| v.node.jenis.has_budget())
    {
        let node = v.node;
        let budget = rules::budget_of(node, q).unwrap_or_default();
        for (i, ind) in node.indikator.iter().enumerate() {
            let first = i == 0;
            t.push(
                if first {
                    style_of(node.jenis)
                } else {
                    RowStyle::Normal
                },
                vec![
                    text(if first { node.kode.as_str() } else { "" }),
                    text(if first { node.nama.as_str() } else { "" }),
                    text(format!("{} ({})", ind.nama, ind.satuan)),
                    Value::opt(rules::due_target(ind, q), Value::Figure),
                    Value::opt(
                        rules::realisasi_to_date(&ind.realisasi, ind.agregasi, q),
                        Value::Figure,
                    ),
                    Value::opt(
                        rules::status(ind, q, &ws.pengaturan).capaian(),
                        Value::Percent,
                    ),
                    if first {
                        Value::opt(budget.pagu, Value::Rupiah)
                    } else {
                        Value::Blank
                    },
                    if first {
                        Value::opt(budget.realisasi, Value::Rupiah)
                    } else {
                        Value::Blank
                    },
                    if first {
                        Value::opt(budget.capaian(), Value::Percent)
                    } else {
                        Value::Blank
                    },
                ],
            );
        }
    }
    t
}

/// The LRA summary: pagu, realisation, remainder and % per sub kegiatan, and in total.
pub fn lra(ws: &Workspace, q: Quarter, lang: Lang) -> Table {
    let mut t = Table::new(
        "lra",
        "LRA",
        format!(
            "{} — {} {}, s.d. TW {q}",
            lang.pick("Laporan Realisasi Anggaran", "Budget realisation report"),
            ws.instansi.nama,
            ws.tahun
        ),
        &[
            "No",
            lang.pick("Kode", "Code"),
            lang.pick("Sub Kegiatan", "Sub-activity"),
            lang.pick("Anggaran (Rp)", "Budget (Rp)"),
            lang.pick("Realisasi (Rp)", "Spent (Rp)"),
            lang.pick("Sisa (Rp)", "Left (Rp)"),
            lang.pick("Persentase", "Share"),
        ],
    );
    // In code order, as the LRA lists them (7.01.01.2.01.01 … 7.01.06.2.01.12).
    let mut leaves: Vec<_> = ws
        .nodes()
        .filter(|n| {
            n.anggaran.is_some() && !n.anak.iter().any(|c| rules::budget_of(c, q).is_some())
        })
        .collect();
    leaves.sort_by_key(|n| code_key(&n.kode));
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
            text(lang.pick("JUMLAH", "TOTAL")),
            Value::opt(total.pagu, Value::Rupiah),
            Value::Rupiah(total.realisasi.unwrap_or_default()),
            Value::opt(total.sisa(), Value::Rupiah),
            Value::opt(total.capaian(), Value::Percent),
        ],
    );
    t
}

/// The red list with officers, worst first, then the indicators due but not entered.
pub fn red(ws: &Workspace, q: Quarter, lang: Lang) -> Table {
    let mut t = Table::new(
        "merah",
        lang.pick("Merah", "Red"),
        format!(
            "{} — s.d. TW {q} (capaian < {} %)",
            lang.pick(
                "Indikator merah dan belum diisi",
                "Red and unentered indicators"
            ),
            crate::locale::figure(ws.pengaturan.ambang_merah)
        ),
        &[
            "No",
            lang.pick("Kode", "Code"),
            lang.pick("Indikator", "Indicator"),
            lang.pick("Satuan", "Unit"),
            lang.pick("Target s.d. TW", "Due by quarter"),
            lang.pick("Realisasi", "Actual"),
            lang.pick("Capaian", "Achieved"),
            lang.pick("Status", "Status"),
            lang.pick("Penanggung Jawab", "Responsible"),
        ],
    );
    let list = red_list(ws, q);
    let rows: Vec<&IndicatorRow> = list.merah.iter().chain(&list.belum_diisi).collect();
    for (i, r) in rows.into_iter().enumerate() {
        t.push(
            RowStyle::Normal,
            vec![
                Value::Figure(Decimal::from(i + 1)),
                text(&r.at.kode),
                text(&r.indikator),
                text(&r.satuan),
                Value::opt(r.due, Value::Figure),
                Value::opt(r.realisasi, Value::Figure),
                Value::opt(r.status.capaian(), Value::Percent),
                rating_text(lang, r.status),
                text(r.pejabat.as_deref().unwrap_or("")),
            ],
        );
    }
    t
}

/// Orders codes segment by segment, numbers as numbers: `7.01.01.2.09` before `7.01.01.2.10`.
fn code_key(kode: &str) -> Vec<(u64, String)> {
    kode.split('.')
        .map(|part| (part.parse().unwrap_or(u64::MAX), part.to_string()))
        .collect()
}
