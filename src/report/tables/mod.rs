//! The LKjIP tables, computed from the workspace in the seed's layouts. Every exporter (xlsx,
//! Markdown, HTML, CSV) only lays these out; the figures come from `rules` like everywhere else.
//!
//! The tables are language-neutral: titles, column headers and the cells that are words of the
//! report (a rating, "JUMLAH") are named by enums, and `export` words them in the user's
//! language. Text from the workspace (names, units, officers) is carried as it is.
//!
//! The PK's tables (3.1–3.3, [`pk`]) follow the performance agreement's order; the budget
//! tables (3.5, 3.6, [`budget`]; the E-81, [`e81`]) the Renja's ([`super::order`]).

mod budget;
mod e81;
mod pk;
mod red;

pub use budget::{lra, tabel_3_5, tabel_3_6};
pub use e81::{e81, e81_columns};
pub use pk::{tabel_3_1, tabel_3_2, tabel_3_3};
pub use red::red;

use crate::model::{Indicator, Node, NodeKind, PkGroup, Quarter, Tanggal, Workspace};
use crate::rules::Status;
use rust_decimal::Decimal;

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text from the workspace, shown as it is (a name, a code, a unit).
    Text(String),
    /// Text from the workspace that may run over several lines (an explanation).
    Lines(String),
    /// A word of the report, worded by the export in the user's language.
    Term(Term),
    /// A performance figure (count, index, percentage as typed).
    Figure(Decimal),
    Rupiah(Decimal),
    /// A computed percentage (capaian), e.g. `91.81` for 91,81 %.
    Percent(Decimal),
    /// A change from one figure to another, with the unit it is counted in (Tabel 3.2).
    Change {
        by: Decimal,
        unit: ChangeUnit,
    },
    Blank,
}

/// What a change is counted in.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeUnit {
    /// Points: the change of a percentage, an index or a score (91,81 % − 96 % is −4,19
    /// points, not −4,19 %).
    Points,
    /// The indicator's own unit (`pelayanan`, `dokumen`), for counts.
    Satuan(String),
}

impl Value {
    fn opt(v: Option<Decimal>, f: fn(Decimal) -> Value) -> Value {
        v.map_or(Value::Blank, f)
    }

    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            Value::Figure(d) | Value::Rupiah(d) | Value::Percent(d) => Some(*d),
            Value::Change { by, .. } => Some(*by),
            _ => None,
        }
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// `v`, or a blank cell where `shown` is false (a node's figures stand on its first row only).
fn only_if(shown: bool, v: Value) -> Value {
    if shown { v } else { Value::Blank }
}

/// The rows a node takes in the tables that list nodes with their indicators: one per
/// indicator, or one with none when it has no indicator (its budget still needs a row).
fn indicator_slots(node: &Node) -> Vec<Option<&Indicator>> {
    if node.indikator.is_empty() {
        vec![None]
    } else {
        node.indikator.iter().map(Some).collect()
    }
}

/// A node's name with its level ("Kegiatan Perencanaan, …"), as the node's first row shows it.
fn node_name(node: &Node) -> Value {
    Value::Term(Term::Node(node.jenis, node.nama.clone()))
}

/// A group row for a node above sub kegiatan (bold), a plain row for a sub kegiatan and for
/// an indicator row after the node's first.
fn style_of(kind: NodeKind, first: bool) -> RowStyle {
    match kind {
        NodeKind::SubKegiatan => RowStyle::Normal,
        _ if !first => RowStyle::Normal,
        _ => RowStyle::Group,
    }
}

/// A cell that is a word of the report rather than text from the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    /// The agreement's group: Sasaran Strategis or Kinerja Lainnya.
    Group(PkGroup),
    /// An indicator's rating, or why it has none (belum diisi, belum jatuh tempo, tanpa
    /// target). Whether it is red is a column of its own ([`Term::Merah`]): a capaian of
    /// 94,47 % is rated Sangat Tinggi and is red all the same.
    Predikat(Status),
    /// The mark of a red indicator (below the red threshold).
    Merah,
    /// A node's level before its name: "Sub Kegiatan Penyediaan Gaji …".
    Node(NodeKind, String),
    /// The total row's label (JUMLAH).
    Total,
    /// A node as the E-81 form names it: `[PROGRAM] 7.01.01 Nama` (level, kode, name).
    Tagged(NodeKind, String, String),
    /// A tindak lanjut with what is due of it: the text, the due date, who carries it out.
    TindakLanjut {
        text: String,
        tenggat: Option<Tanggal>,
        pejabat: Option<String>,
    },
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
    /// Tabel 3.5 Perbandingan Anggaran dengan Realisasi Anggaran — s.d. TW `q`.
    Tabel35 { q: Quarter },
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
    /// Merah (capaian < `ambang` %): the red mark, apart from the rating.
    Merah {
        ambang: Decimal,
    },
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
    /// Sasaran / Program / Kegiatan / Sub Kegiatan (Tabel 3.5).
    SasaranProgram,
    /// Pagu Anggaran (Rp).
    PaguAnggaranRp,
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
    /// Sasaran (the E-81's column 2).
    Sasaran,
    /// One column of a K/Rp pair of the E-81 form (columns 5–15).
    E81 {
        pair: E81Pair,
        unit: PairUnit,
    },
    /// Faktor Pendorong.
    FaktorPendorong,
    /// Faktor Penghambat.
    FaktorPenghambat,
    /// Tindak Lanjut.
    TindakLanjut,
}

/// A K/Rp pair of the E-81 form, with what its header names (years, the quarter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum E81Pair {
    /// 5: the Renstra's target at the end of its period, `akhir`.
    RenstraAkhir { akhir: i32 },
    /// 6: the Renstra's realisation up to last year (`tahun`).
    RenstraLalu { tahun: i32 },
    /// 7: this year's target and pagu.
    Target { tahun: i32 },
    /// 8–11: a quarter's realisation.
    Tw(Quarter),
    /// 12: this year's realisation up to quarter `q`.
    Realisasi { q: Quarter, tahun: i32 },
    /// 13: the Renstra's realisation up to this year (6 + 12).
    RenstraSd { tahun: i32 },
    /// 14: the Renstra's capaian up to this year (13 / 5).
    CapaianRenstra { tahun: i32 },
    /// 15: this year's capaian to quarter `q` (12 / 7).
    CapaianRenja { q: Quarter },
}

impl E81Pair {
    /// The form's column number.
    pub fn number(self) -> u8 {
        match self {
            E81Pair::RenstraAkhir { .. } => 5,
            E81Pair::RenstraLalu { .. } => 6,
            E81Pair::Target { .. } => 7,
            E81Pair::Tw(q) => 7 + q.number(),
            E81Pair::Realisasi { .. } => 12,
            E81Pair::RenstraSd { .. } => 13,
            E81Pair::CapaianRenstra { .. } => 14,
            E81Pair::CapaianRenja { .. } => 15,
        }
    }
}

/// Which half of a pair: performance (K, kinerja) or money (Rp).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairUnit {
    K,
    Rp,
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
pub const TABLE_KEYS: [&str; 8] = [
    "tabel-3-1",
    "tabel-3-2",
    "tabel-3-3",
    "tabel-3-5",
    "tabel-3-6",
    "e81",
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
        "tabel-3-5" => tabel_3_5(ws, q),
        "tabel-3-6" => tabel_3_6(ws, q),
        "e81" => e81(ws, q),
        "lra" => lra(ws, q),
        "merah" => red(ws, q),
        _ => return None,
    })
}
