//! The LKjIP tables, computed from the workspace in the seed's layouts. Every exporter (xlsx,
//! Markdown, HTML, CSV) only lays these out; the figures come from `rules` like everywhere else.
//!
//! The tables are language-neutral: titles, column headers and the cells that are words of the
//! report (a rating, "JUMLAH") are named by enums, and `export` words them in the user's
//! language. Text from the workspace (names, units, officers) is carried as it is.

use super::{IndicatorRow, red_list};
use crate::model::{Indicator, NodeKind, NodeVisit, PkGroup, Quarter, Workspace};
use crate::rules::{self, Status};
use rust_decimal::Decimal;

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text from the workspace, shown as it is (a name, a code, a unit).
    Text(String),
    /// A word of the report, worded by the export in the user's language.
    Term(Term),
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

/// A cell that is a word of the report rather than text from the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    /// The agreement's group: Sasaran Strategis or Kinerja Lainnya.
    Group(PkGroup),
    /// An indicator's standing: its rating (marked when red), or why it has none.
    Status(Status),
    /// A node's level before its name: "Sub Kegiatan Penyediaan Gaji …".
    Node(NodeKind, String),
    /// The total row's label (JUMLAH).
    Total,
}

/// What a table is, with the facts its title names.
#[derive(Clone, Debug, PartialEq)]
pub enum Title {
    /// Tabel 3.1 Pencapaian Kinerja — s.d. TW `q` `tahun`.
    Tabel31 { q: Quarter, tahun: i32 },
    /// Tabel 3.2 Perbandingan Realisasi Kinerja.
    Tabel32,
    /// Tabel 3.3 Realisasi Kinerja s.d. Akhir Periode Renstra `awal`–`akhir`.
    Tabel33 { awal: i32, akhir: i32 },
    /// Formulir E-81 — `instansi` `tahun`.
    E81 { instansi: String, tahun: i32 },
    /// Tabel 3.6 Cost per Outcome — s.d. TW `q`.
    Tabel36 { q: Quarter },
    /// Laporan Realisasi Anggaran — `instansi` `tahun`, s.d. TW `q`.
    Lra {
        instansi: String,
        tahun: i32,
        q: Quarter,
    },
    /// Indikator merah dan belum diisi — s.d. TW `q` (capaian < `ambang` %).
    Merah { q: Quarter, ambang: Decimal },
}

/// A column header. One variant per header as the seed writes it; the same words in
/// Indonesian may differ in English (and the other way round).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    No,
    Kode,
    /// Kelompok (of the performance agreement).
    Kelompok,
    /// Sasaran / Kinerja (the agreement line's statement).
    SasaranKinerja,
    /// Indikator Kinerja.
    IndikatorKinerja,
    /// Indikator (shorter, in Tabel 3.6 and the red list).
    Indikator,
    Satuan,
    Target,
    Realisasi,
    /// % Capaian.
    PersenCapaian,
    Predikat,
    /// Realisasi of one year (Tabel 3.2, 3.3).
    RealisasiTahun(i32),
    /// Perubahan dari tahun lalu.
    PerubahanTahunLalu,
    /// Target Akhir Renstra.
    TargetAkhirRenstra,
    /// Tingkat Kemajuan.
    TingkatKemajuan,
    /// Program / Kegiatan / Sub Kegiatan.
    ProgramKegiatan,
    /// Target K (kinerja).
    TargetK,
    /// Target Rp.
    TargetRp,
    /// TW `q` K.
    TwK(Quarter),
    /// TW `q` Rp.
    TwRp(Quarter),
    /// Realisasi K s.d. TW `q`.
    RealisasiKSd(Quarter),
    /// Realisasi Rp s.d. TW `q`.
    RealisasiRpSd(Quarter),
    /// Capaian K.
    CapaianK,
    /// Capaian Rp.
    CapaianRp,
    /// Capaian Kinerja.
    CapaianKinerja,
    /// Alokasi (Rp).
    AlokasiRp,
    /// Realisasi (Rp).
    RealisasiRp,
    /// Capaian Anggaran.
    CapaianAnggaran,
    /// Sub Kegiatan.
    SubKegiatan,
    /// Anggaran (Rp).
    AnggaranRp,
    /// Sisa (Rp).
    SisaRp,
    /// Persentase.
    Persentase,
    /// Target s.d. TW (what is due by the quarter).
    TargetSdTw,
    Capaian,
    Status,
    /// Penanggung Jawab.
    PenanggungJawab,
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
    pub title: Title,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    fn new(key: &'static str, title: Title, columns: Vec<Column>) -> Table {
        Table {
            key,
            title,
            columns,
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

/// Every table at quarter `q`, in export order.
pub fn all_tables(ws: &Workspace, q: Quarter) -> Vec<Table> {
    TABLE_KEYS
        .iter()
        .filter_map(|key| table(ws, q, key))
        .collect()
}

/// The table named `key` (one of [`TABLE_KEYS`]) at quarter `q`.
pub fn table(ws: &Workspace, q: Quarter, key: &str) -> Option<Table> {
    Some(match key {
        "tabel-3-1" => tabel_3_1(ws, q),
        "tabel-3-2" => tabel_3_2(ws),
        "tabel-3-3" => tabel_3_3(ws),
        "e81" => e81(ws, q),
        "tabel-3-6" => tabel_3_6(ws, q),
        "lra" => lra(ws, q),
        "merah" => red(ws, q),
        _ => return None,
    })
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

/// Tabel 3.1 Pencapaian Kinerja: each PK indicator's target, realisation and capaian.
pub fn tabel_3_1(ws: &Workspace, q: Quarter) -> Table {
    use Column::*;
    let mut t = Table::new(
        "tabel-3-1",
        Title::Tabel31 { q, tahun: ws.tahun },
        vec![
            Kelompok,
            No,
            SasaranKinerja,
            IndikatorKinerja,
            Satuan,
            Target,
            Realisasi,
            PersenCapaian,
            Predikat,
        ],
    );
    for (line, ind) in pk_lines(ws) {
        let status = rules::status(ind, q, &ws.pengaturan);
        t.push(
            RowStyle::Normal,
            vec![
                Value::Term(Term::Group(line.kelompok)),
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
                Value::Term(Term::Status(status)),
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
pub fn tabel_3_2(ws: &Workspace) -> Table {
    let years = comparison_years(ws);
    let mut columns = vec![Column::No, Column::IndikatorKinerja, Column::Satuan];
    columns.extend(years.iter().map(|y| Column::RealisasiTahun(*y)));
    columns.push(Column::PerubahanTahunLalu);
    let mut t = Table::new("tabel-3-2", Title::Tabel32, columns);
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
pub fn tabel_3_3(ws: &Workspace) -> Table {
    use Column::*;
    let mut t = Table::new(
        "tabel-3-3",
        Title::Tabel33 {
            awal: ws.periode_renstra.awal,
            akhir: ws.periode_renstra.akhir,
        },
        vec![
            No,
            IndikatorKinerja,
            Satuan,
            TargetAkhirRenstra,
            RealisasiTahun(ws.tahun),
            TingkatKemajuan,
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
                if first {
                    Value::Term(Term::Node(node.jenis, node.nama.clone()))
                } else {
                    text("")
                },
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
pub fn tabel_3_6(ws: &Workspace, q: Quarter) -> Table {
    use Column::*;
    let mut t = Table::new(
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
            Value::Term(Term::Total),
            Value::opt(total.pagu, Value::Rupiah),
            Value::Rupiah(total.realisasi.unwrap_or_default()),
            Value::opt(total.sisa(), Value::Rupiah),
            Value::opt(total.capaian(), Value::Percent),
        ],
    );
    t
}

/// The red list with officers, worst first, then the indicators due but not entered.
pub fn red(ws: &Workspace, q: Quarter) -> Table {
    use Column::*;
    let mut t = Table::new(
        "merah",
        Title::Merah {
            q,
            ambang: ws.pengaturan.ambang_merah,
        },
        vec![
            No,
            Kode,
            Indikator,
            Satuan,
            TargetSdTw,
            Realisasi,
            Capaian,
            Status,
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
                text(&r.at.kode),
                text(&r.indikator),
                text(&r.satuan),
                Value::opt(r.due, Value::Figure),
                Value::opt(r.realisasi, Value::Figure),
                Value::opt(r.status.capaian(), Value::Percent),
                Value::Term(Term::Status(r.status)),
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
