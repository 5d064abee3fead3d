//! The words of the report's tables in the user's language: titles, column headers, sheet names
//! and the cells that are terms (a rating, JUMLAH); and the tables turned into text once, so
//! every format lays out the same words. Names from the workspace pass through
//! [`crate::text::visible`] here: no format ever carries a control character.
//!
//! The header texts are a contract: `import` recognises kinerja's own exports by them.

use crate::locale::{self, Lang};
use crate::model::{NodeKind, PkGroup};
use crate::report::tables::{
    ChangeUnit, Column, E81Pair, PairUnit, RowStyle, Table, Term, Title, Value,
};
use crate::rules::Status;
use crate::text::visible;
use rust_decimal::Decimal;

/// A report table in words of one language, ready to lay out.
#[derive(Clone, Debug, PartialEq)]
pub struct TextTable {
    /// Short stable name: the CSV file name and `--table` value.
    pub key: &'static str,
    /// The sheet name (at most 31 characters).
    pub sheet: String,
    pub title: String,
    /// A line under the title (which quarters are verified), when there is something to say.
    pub note: Option<String>,
    pub columns: Vec<String>,
    /// The header as a form lays it out over several rows (the E-81), for the formats that
    /// can draw it (xlsx, HTML); `columns` is the same header flat, one title per column.
    pub form: Option<FormHeader>,
    pub rows: Vec<TextRow>,
}

/// A header over several rows: per column its group's title (merged over the columns that
/// share it), a title under the group (`TW I`, merged over its pair), the form's column number
/// (merged over a pair) and its unit (`K`, `Rp`); empty where a column has none.
#[derive(Clone, Debug, PartialEq)]
pub struct FormHeader {
    pub groups: Vec<String>,
    pub subs: Vec<String>,
    pub numbers: Vec<u8>,
    pub units: Vec<String>,
}

/// One cell of a [`FormHeader`] as laid out: from `row`, `col` over `rows` × `cols`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderCell {
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
    pub text: String,
}

impl FormHeader {
    /// The rows it takes: the groups, the titles under them, the numbers, the units.
    pub const ROWS: usize = 4;

    /// Its cells, row by row, left to right. A column without a unit is one cell over the
    /// group and title rows and one over the number and unit rows; a pair without a title
    /// under its group has its group over both of those rows.
    pub fn cells(&self) -> Vec<HeaderCell> {
        let n = self.groups.len();
        let run = |c: usize, same: &dyn Fn(usize) -> bool| {
            let mut end = c + 1;
            while end < n && same(end) {
                end += 1;
            }
            end - c
        };
        let mut out = Vec::new();
        // Groups.
        let mut c = 0;
        while c < n {
            let cols = run(c, &|e| self.groups[e] == self.groups[c]);
            let tall = (c..c + cols).all(|i| self.subs[i].is_empty());
            out.push(HeaderCell {
                row: 0,
                col: c,
                rows: if tall { 2 } else { 1 },
                cols,
                text: self.groups[c].clone(),
            });
            c += cols;
        }
        // Titles under a group.
        let mut c = 0;
        while c < n {
            let cols = run(c, &|e| {
                self.numbers[e] == self.numbers[c] && self.subs[e] == self.subs[c]
            });
            if !self.subs[c].is_empty() {
                out.push(HeaderCell {
                    row: 1,
                    col: c,
                    rows: 1,
                    cols,
                    text: self.subs[c].clone(),
                });
            }
            c += cols;
        }
        // Numbers, then units.
        let mut c = 0;
        while c < n {
            let cols = run(c, &|e| self.numbers[e] == self.numbers[c]);
            let single = self.units[c].is_empty();
            out.push(HeaderCell {
                row: 2,
                col: c,
                rows: if single { 2 } else { 1 },
                cols,
                text: self.numbers[c].to_string(),
            });
            c += cols;
        }
        for (c, unit) in self.units.iter().enumerate() {
            if !unit.is_empty() {
                out.push(HeaderCell {
                    row: 3,
                    col: c,
                    rows: 1,
                    cols: 1,
                    text: unit.clone(),
                });
            }
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TextRow {
    pub cells: Vec<Cell>,
    pub style: RowStyle,
}

/// One cell: text, or a figure that each format writes its own way.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// A performance figure (count, index, percentage as typed).
    Figure(Decimal),
    Rupiah(Decimal),
    /// A computed percentage (capaian), e.g. `91.81` for 91,81 %.
    Percent(Decimal),
    /// A change, signed, with the unit it is counted in (`poin`, `pelayanan`).
    Change {
        by: Decimal,
        unit: String,
    },
    Blank,
}

impl Cell {
    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            Cell::Figure(d) | Cell::Rupiah(d) | Cell::Percent(d) => Some(*d),
            Cell::Change { by, .. } => Some(*by),
            _ => None,
        }
    }
}

impl TextTable {
    pub fn new(t: Table, lang: Lang) -> TextTable {
        TextTable {
            key: t.key,
            sheet: sheet(t.key, lang).to_string(),
            title: safe(title(&t.title, lang)),
            note: None,
            columns: t.columns.iter().map(|c| column(*c, lang)).collect(),
            form: form_header(&t.columns, lang),
            rows: t
                .rows
                .into_iter()
                .map(|r| TextRow {
                    cells: r.cells.into_iter().map(|v| cell(v, lang)).collect(),
                    style: r.style,
                })
                .collect(),
        }
    }
}

fn cell(v: Value, lang: Lang) -> Cell {
    match v {
        Value::Text(s) => Cell::Text(safe(s)),
        Value::Lines(s) => Cell::Text(safe_lines(s)),
        // A tindak lanjut is an explanation: its lines stay lines.
        Value::Term(t @ Term::TindakLanjut { .. }) => Cell::Text(safe_lines(term(&t, lang))),
        Value::Term(t) => Cell::Text(safe(term(&t, lang))),
        Value::Figure(d) => Cell::Figure(d),
        Value::Rupiah(d) => Cell::Rupiah(d),
        Value::Percent(d) => Cell::Percent(d),
        Value::Change { by, unit } => Cell::Change {
            by,
            unit: match unit {
                ChangeUnit::Points => lang.pick("poin", "points").to_string(),
                ChangeUnit::Satuan(s) => safe(s),
            },
        },
        Value::Blank => Cell::Blank,
    }
}

/// `s` made [`visible`], without a copy when it is already (the usual case).
fn safe(s: String) -> String {
    if s.chars().any(crate::text::is_hidden_control) {
        visible(&s).into_owned()
    } else {
        s
    }
}

/// [`safe`] for a text of several lines: its line breaks stay (`text::visible_lines`).
fn safe_lines(s: String) -> String {
    match crate::text::visible_lines(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(o) => o,
    }
}

/// The sheet of a table in a workbook (at most 31 characters).
pub fn sheet(key: &str, lang: Lang) -> &str {
    match key {
        "tabel-3-1" => "Tabel 3.1",
        "tabel-3-2" => "Tabel 3.2",
        "tabel-3-3" => "Tabel 3.3",
        "tabel-3-5" => "Tabel 3.5",
        "e81" => "E-81",
        "tabel-3-6" => "Tabel 3.6",
        "lra" => "LRA",
        "merah" => lang.pick("Merah", "Red"),
        // A table added to the report without a sheet name here is still its own sheet.
        other => other,
    }
}

pub fn title(t: &Title, lang: Lang) -> String {
    // The table's name in each language, then what the title says of this table.
    let (id, en, facts) = match t {
        Title::Tabel31 { q, tahun } => (
            "Tabel 3.1 Pencapaian Kinerja",
            "Table 3.1 Performance achieved",
            format!(" — s.d. TW {q} {tahun}"),
        ),
        Title::Tabel32 => (
            "Tabel 3.2 Perbandingan Realisasi Kinerja",
            "Table 3.2 Actuals compared with earlier years",
            String::new(),
        ),
        Title::Tabel33 { awal, akhir } => (
            "Tabel 3.3 Realisasi Kinerja s.d. Akhir Periode Renstra",
            "Table 3.3 Progress to the Renstra end target",
            format!(" {awal}–{akhir}"),
        ),
        Title::Tabel35 { q } => (
            "Tabel 3.5 Perbandingan Anggaran dengan Realisasi Anggaran",
            "Table 3.5 Budget and spending",
            format!(" — s.d. TW {q}"),
        ),
        Title::E81 { instansi, tahun } => (
            "Formulir E-81 Evaluasi terhadap Hasil Renja",
            "Form E-81 Evaluation of the work plan",
            format!(" — {instansi} {tahun}"),
        ),
        Title::Tabel36 { q } => (
            "Tabel 3.6 Cost per Outcome: Pencapaian Kinerja dan Anggaran",
            "Table 3.6 Cost per outcome",
            format!(" — s.d. TW {q}"),
        ),
        Title::Lra { instansi, tahun, q } => (
            "Laporan Realisasi Anggaran",
            "Budget realisation report",
            format!(" — {instansi} {tahun}, s.d. TW {q}"),
        ),
        Title::Merah { q, ambang } => (
            "Indikator merah dan belum diisi",
            "Red and unentered indicators",
            format!(" — s.d. TW {q} (capaian < {} %)", locale::figure(*ambang)),
        ),
    };
    format!("{}{facts}", lang.pick(id, en))
}

pub fn column(c: Column, lang: Lang) -> String {
    let word = |id: &str, en: &str| lang.pick(id, en).to_string();
    match c {
        Column::No => "No".into(),
        Column::Kode => word("Kode", "Code"),
        Column::Kelompok => word("Kelompok", "Group"),
        Column::SasaranKinerja => word("Sasaran / Kinerja", "Target / result"),
        Column::IndikatorKinerja => word("Indikator Kinerja", "Indicator"),
        Column::Indikator => word("Indikator", "Indicator"),
        Column::Satuan => word("Satuan", "Unit"),
        Column::Target => "Target".into(),
        Column::Realisasi => word("Realisasi", "Actual"),
        Column::PersenCapaian => word("% Capaian", "% Achieved"),
        Column::Predikat => word("Predikat", "Rating"),
        Column::Merah { ambang } => format!(
            "{} (capaian < {} %)",
            lang.pick("Merah", "Red"),
            locale::figure(ambang)
        ),
        Column::RealisasiTahun(y) => format!("{} {y}", lang.pick("Realisasi", "Actual")),
        Column::PerubahanTahunLalu => word("Perubahan dari tahun lalu", "Change from last year"),
        Column::TargetAkhirRenstra => word("Target Akhir Renstra", "Renstra end target"),
        Column::TingkatKemajuan => word("Tingkat Kemajuan", "Progress"),
        Column::ProgramKegiatan => word("Program / Kegiatan / Sub Kegiatan", "Program / activity"),
        Column::SasaranProgram => word(
            "Sasaran / Program / Kegiatan / Sub Kegiatan",
            "Target / program / activity",
        ),
        Column::PaguAnggaranRp => word("Pagu Anggaran (Rp)", "Budget (Rp)"),
        Column::TargetK => "Target K".into(),
        Column::TargetRp => "Target Rp".into(),
        Column::TwK(q) => format!("TW {q} K"),
        Column::TwRp(q) => format!("TW {q} Rp"),
        Column::RealisasiKSd(q) => format!("{} K s.d. TW {q}", lang.pick("Realisasi", "Actual")),
        Column::RealisasiRpSd(q) => format!("{} Rp s.d. TW {q}", lang.pick("Realisasi", "Actual")),
        Column::CapaianK => word("Capaian K", "Achieved K"),
        Column::CapaianRp => word("Capaian Rp", "Achieved Rp"),
        Column::CapaianKinerja => word("Capaian Kinerja", "Performance"),
        Column::AlokasiRp => word("Alokasi (Rp)", "Budget (Rp)"),
        Column::RealisasiRp => word("Realisasi (Rp)", "Spent (Rp)"),
        Column::CapaianAnggaran => word("Capaian Anggaran", "Absorption"),
        Column::SubKegiatan => word("Sub Kegiatan", "Sub-activity"),
        Column::AnggaranRp => word("Anggaran (Rp)", "Budget (Rp)"),
        Column::SisaRp => word("Sisa (Rp)", "Left (Rp)"),
        Column::Persentase => word("Persentase", "Share"),
        Column::TargetSdTw => word("Target s.d. TW", "Due by quarter"),
        Column::Capaian => word("Capaian", "Achieved"),
        Column::Status => word("Status", "Status"),
        Column::PenanggungJawab => word("Penanggung Jawab", "Responsible"),
        Column::Sasaran => word("Sasaran", "Strategic goal (sasaran)"),
        Column::FaktorPendorong => word("Faktor Pendorong", "Driving factors"),
        Column::FaktorPenghambat => word("Faktor Penghambat", "Obstacles"),
        Column::TindakLanjut => word("Tindak Lanjut", "Follow-up"),
        Column::E81 { pair, unit } => {
            let u = match unit {
                PairUnit::K => "K",
                PairUnit::Rp => "Rp",
            };
            match pair {
                // The quarter's and the year's keep the titles kinerja always wrote (import
                // reads them).
                E81Pair::Tw(q) => format!("TW {q} {u}"),
                E81Pair::Realisasi { q, .. } => {
                    format!("{} {u} s.d. TW {q}", lang.pick("Realisasi", "Actual"))
                }
                E81Pair::CapaianRenja { .. } => {
                    format!("{} {u}", lang.pick("Capaian", "Achieved"))
                }
                E81Pair::RenstraAkhir { akhir } => {
                    format!(
                        "{} {akhir} {u}",
                        lang.pick("Target Renstra", "Renstra target")
                    )
                }
                E81Pair::RenstraLalu { tahun } => format!(
                    "{} ({tahun}) {u}",
                    lang.pick(
                        "Realisasi Renstra s.d. tahun lalu",
                        "Renstra actual to last year"
                    )
                ),
                E81Pair::Target { tahun } => format!("Target {tahun} {u}"),
                E81Pair::RenstraSd { tahun } => format!(
                    "{} {tahun} {u}",
                    lang.pick("Realisasi Renstra s.d.", "Renstra actual to")
                ),
                E81Pair::CapaianRenstra { tahun } => format!(
                    "{} {tahun} {u} (%)",
                    lang.pick("Capaian Renstra s.d.", "Renstra achieved to")
                ),
            }
        }
    }
}

/// The E-81's header as the form lays it out (Permendagri 86/2017, the seed's "Laporan E-81
/// Aksara"): each column's group title, the quarter under "Realisasi … pada Triwulan", the
/// form's column number, K or Rp. `None` for a table that is not a form.
fn form_header(columns: &[Column], lang: Lang) -> Option<FormHeader> {
    if !columns.iter().any(|c| matches!(c, Column::E81 { .. })) {
        return None;
    }
    let mut h = FormHeader {
        groups: Vec::new(),
        subs: Vec::new(),
        numbers: Vec::new(),
        units: Vec::new(),
    };
    let mut single = 0u8;
    for c in columns {
        let (group, sub, number, unit) = match c {
            Column::E81 { pair, unit } => {
                let u = match unit {
                    PairUnit::K => "K",
                    PairUnit::Rp => "Rp",
                };
                let (group, sub) = pair_group(*pair, lang);
                (group, sub, pair.number(), u.to_string())
            }
            other => {
                // 1–4 before the pairs, 16–20 after them.
                single = if single == 4 { 16 } else { single + 1 };
                (column(*other, lang), String::new(), single, String::new())
            }
        };
        h.groups.push(group);
        h.subs.push(sub);
        h.numbers.push(number);
        h.units.push(unit);
    }
    Some(h)
}

/// A pair's group title in the form's words, and the title under it (a quarter's).
fn pair_group(pair: E81Pair, lang: Lang) -> (String, String) {
    let p = |id: &str, en: &str| lang.pick(id, en).to_string();
    match pair {
        E81Pair::RenstraAkhir { akhir } => (
            format!(
                "{} {akhir} {}",
                lang.pick(
                    "Target Renstra Perangkat Daerah pada Tahun",
                    "Renstra target for"
                ),
                lang.pick("(Akhir Periode Renstra)", "(end of period)")
            ),
            String::new(),
        ),
        E81Pair::RenstraLalu { tahun } => (
            format!(
                "{} ({tahun})",
                lang.pick(
                    "Realisasi Capaian Kinerja Renstra Perangkat Daerah s.d. Renja Tahun Lalu",
                    "Renstra actual to last year's work plan"
                )
            ),
            String::new(),
        ),
        E81Pair::Target { tahun } => (
            format!(
                "{} ({tahun})",
                lang.pick(
                    "Target Kinerja dan Anggaran Renja Tahun Berjalan",
                    "Target and budget of this year's work plan"
                )
            ),
            String::new(),
        ),
        E81Pair::Tw(q) => (
            p(
                "Realisasi Kinerja dan Anggaran pada Triwulan",
                "Actual per quarter (triwulan)",
            ),
            format!("TW {q}"),
        ),
        E81Pair::Realisasi { q, tahun } => (
            format!(
                "{} s.d. TW {q} {tahun}",
                lang.pick(
                    "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi",
                    "Work plan actual"
                )
            ),
            String::new(),
        ),
        E81Pair::RenstraSd { tahun } => (
            format!(
                "{} {tahun} (6 + 12)",
                lang.pick(
                    "Realisasi Kinerja dan Anggaran Renstra s.d. Tahun",
                    "Renstra actual to"
                )
            ),
            String::new(),
        ),
        E81Pair::CapaianRenstra { tahun } => (
            format!(
                "{} {tahun} (13 : 5, %)",
                lang.pick(
                    "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s.d. Tahun",
                    "Renstra achieved to"
                )
            ),
            String::new(),
        ),
        E81Pair::CapaianRenja { q } => (
            format!(
                "{} s.d. TW {q} (12 : 7, %)",
                lang.pick("Tingkat Capaian Renja", "Work plan achieved")
            ),
            String::new(),
        ),
    }
}

pub fn term(t: &Term, lang: Lang) -> String {
    match t {
        Term::Group(g) => group(*g, lang).into(),
        Term::Predikat(s) => predikat(*s, lang).into(),
        Term::Merah => lang.pick("merah", "red").into(),
        Term::Node(kind, nama) => labelled(*kind, nama, lang),
        Term::Total => lang.pick("JUMLAH", "TOTAL").into(),
        Term::Tagged(kind, kode, nama) => {
            format!("[{}] {kode} {nama}", lang.kind(*kind).to_uppercase())
        }
        Term::TindakLanjut {
            text,
            tenggat,
            pejabat,
        } => {
            let mut due = Vec::new();
            if let Some(d) = tenggat {
                due.push(format!("{} {d}", lang.pick("tenggat", "due")));
            }
            if let Some(p) = pejabat {
                due.push(format!("{}: {p}", lang.pick("pelaksana", "by")));
            }
            match (text.is_empty(), due.is_empty()) {
                (_, true) => text.clone(),
                (true, false) => format!("({})", due.join("; ")),
                (false, false) => format!("{text} ({})", due.join("; ")),
            }
        }
    }
}

fn group(g: PkGroup, lang: Lang) -> &'static str {
    match g {
        PkGroup::Sasaran => lang.pick("Sasaran Strategis", "Strategic target"),
        PkGroup::KinerjaLainnya => lang.pick("Kinerja Lainnya", "Other results"),
    }
}

/// "Sangat Tinggi", "belum diisi", …: the rating, or why there is none. Red is a column of
/// its own ([`Term::Merah`]).
pub fn predikat(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Dinilai { rating, .. } => lang.rating(rating),
        Status::BelumDiisi => lang.pick("belum diisi", "not entered"),
        Status::BelumJatuhTempo => lang.pick("belum jatuh tempo", "not yet due"),
        Status::TanpaTarget => lang.pick("tanpa target", "no target"),
    }
}

/// A node's name after its level: "Kegiatan Perencanaan, …", "Sasaran Terwujudnya …"; a name
/// that already begins with its level's word in either language is left as it is ("Program
/// Penunjang …", never "Program Program Penunjang …").
pub fn labelled(kind: NodeKind, nama: &str, lang: Lang) -> String {
    let word = lang.kind(kind);
    let begins_with = |w: &str| {
        nama.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
            && nama[w.len()..].starts_with(' ')
    };
    if begins_with(word) || begins_with(Lang::Id.kind(kind)) {
        nama.to_string()
    } else {
        format!("{word} {nama}")
    }
}
