//! What stops a file from being imported (a [`Problem`], always with its `sheet!cell` where
//! there is one) and what the preview only mentions (a [`Note`]).

use super::number::BadNumber;
use super::read::At;
use crate::locale::{self, Lang};
use crate::model::{Field, Quarter, Verification};
use rust_decimal::Decimal;

/// A reason the plan cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The cell; `None` for a problem of the whole file.
    pub at: Option<At>,
    /// The workspace node the problem concerns, when it is known (for the preview).
    pub kode: Option<String>,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A sheet whose header is no layout kinerja reads (asked for by `--sheet`, or the only one).
    UnknownLayout {
        sheet: String,
    },
    /// No node with this kode (or, without a kode, this name).
    UnknownNode {
        kode: Option<String>,
        nama: String,
    },
    /// A name that several nodes carry and no kode to tell them apart.
    AmbiguousNode {
        nama: String,
        kodes: Vec<String>,
    },
    /// The node has no indicator of this name; `known` lists the ones it has.
    UnknownIndicator {
        kode: String,
        nama: String,
        known: Vec<String>,
    },
    /// A figure on a row that names no indicator.
    NoIndicator {
        kode: String,
    },
    /// A cell that is not a figure kinerja accepts.
    BadNumber(BadNumber),
    /// A budget figure on a node that has no budget.
    NoBudget {
        kode: String,
    },
    /// A budget figure of a node whose budget is the sum of its children, which disagrees
    /// with that sum (after this import). `children` is `None` when they have no such figure.
    ParentBudget {
        kode: String,
        field: Field,
        /// The LRA's realisation to date at this quarter, when that is what was compared.
        to_date: Option<Quarter>,
        file: Decimal,
        children: Option<Decimal>,
    },
    /// The sheet's title names another year than the workspace's.
    WrongYear {
        found: i32,
        expected: i32,
    },
    /// The same figure twice with different values.
    Duplicate {
        kode: String,
        field: Field,
        first: At,
        first_value: Decimal,
        value: Decimal,
    },
    /// Template: a `field` kinerja does not know.
    UnknownField {
        text: String,
    },
    /// Template: a quarter (`tw`) or a year (`tahun`) missing or not one.
    BadQuarter {
        text: String,
    },
    BadYear {
        text: String,
    },
    /// LRA: a realisation to date at a month that ends no quarter, without `--tw`.
    NotQuarterEnd {
        month: String,
    },
    /// LRA to date at TW q: the spending of an earlier quarter is not entered, so TW q's own
    /// spending cannot be told.
    EarlierQuarterMissing {
        kode: String,
        quarter: Quarter,
        missing: Quarter,
    },
    /// LRA to date at TW q is less than what the earlier quarters already spent.
    ToDateBelowEarlier {
        kode: String,
        quarter: Quarter,
        to_date: Decimal,
        earlier: Decimal,
    },
    /// A figure of a quarter that is verified (locked): `set` refuses it, so does the import.
    QuarterLocked {
        kode: String,
        field: Field,
        quarter: Quarter,
        by: Verification,
    },
}

fn field_label(field: Field, lang: Lang) -> String {
    let ind = |i: usize| format!("{} {}", lang.pick("indikator", "indicator"), i + 1);
    match field {
        Field::Target(i) => format!("{} target", ind(i)),
        Field::Realisasi(i, q) => format!("{} {} TW {q}", ind(i), lang.pick("realisasi", "actual")),
        Field::Rencana(i, q) => format!("{} {} TW {q}", ind(i), lang.pick("rencana", "plan")),
        Field::TargetPkMurni(i) => format!("{} target PK murni", ind(i)),
        Field::TargetPkPerubahan(i) => format!("{} target PK perubahan", ind(i)),
        Field::RenstraTarget(i, y) => format!("{} target Renstra {y}", ind(i)),
        Field::RenstraAkhir(i) => format!(
            "{} {}",
            ind(i),
            lang.pick("target akhir Renstra", "Renstra end target")
        ),
        Field::Riwayat(i, y) => format!("{} {} {y}", ind(i), lang.pick("realisasi", "actual")),
        Field::Pagu => "pagu".into(),
        Field::PaguMurni => "pagu murni".into(),
        Field::Rp(q) => format!("Rp TW {q}"),
        Field::RealisasiTahun => lang
            .pick("realisasi anggaran setahun", "year's spending")
            .into(),
        Field::RenstraAkhirRp | Field::RenstraRealisasiRp => {
            crate::locale::field_label(field, lang)
        }
    }
}

/// A figure's name as the preview and messages show it.
pub fn label(field: Field, lang: Lang) -> String {
    field_label(field, lang)
}

/// A value as people read it: Rupiah for budget figures.
pub fn shown(field: Field, v: Decimal) -> String {
    if field.is_rupiah() {
        locale::rupiah(v)
    } else {
        locale::figure(v)
    }
}

impl ProblemKind {
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match self {
            UnknownLayout { sheet } => format!(
                "{} «{sheet}» {}",
                lang.pick("lembar", "sheet"),
                lang.pick(
                    "bukan tata letak yang dikenal (E-81, LRA, ekspor kinerja, templat); lihat docs/import.md",
                    "is no known layout (E-81, LRA, kinerja export, template); see docs/import.md"
                )
            ),
            UnknownNode { kode: Some(k), nama } => format!(
                "{} «{k}» {} ({nama})",
                lang.pick("kode", "code"),
                lang.pick("tidak ada di workspace", "is not in the workspace")
            ),
            UnknownNode { kode: None, nama } => format!(
                "«{nama}» {}",
                lang.pick(
                    "tidak cocok dengan node mana pun (tanpa kode)",
                    "matches no node (no code given)"
                )
            ),
            AmbiguousNode { nama, kodes } => format!(
                "«{nama}» {}: {}",
                lang.pick(
                    "cocok dengan beberapa node; tulis kodenya",
                    "matches several nodes; give its code"
                ),
                kodes.join(", ")
            ),
            UnknownIndicator { kode, nama, known } => {
                let list = if known.is_empty() {
                    lang.pick("tidak ada", "none").to_string()
                } else {
                    known
                        .iter()
                        .enumerate()
                        .map(|(i, n)| format!("{}. {n}", i + 1))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                format!(
                    "{} «{nama}» {} {kode} ({}: {list})",
                    lang.pick("indikator", "indicator"),
                    lang.pick("tidak ada pada", "is not on"),
                    lang.pick("yang ada", "it has")
                )
            }
            NoIndicator { kode } => format!(
                "{kode}: {}",
                lang.pick(
                    "angka kinerja tanpa nama indikator",
                    "a performance figure with no indicator name"
                )
            ),
            BadNumber(b) => bad_number(b, lang),
            NoBudget { kode } => format!(
                "{kode} {}",
                lang.pick(
                    "tidak punya anggaran; angka Rupiah tidak dapat dimasukkan",
                    "has no budget; a Rupiah figure cannot go in"
                )
            ),
            ParentBudget {
                kode,
                field,
                to_date,
                file,
                children,
            } => format!(
                "{kode} {}: {} {}, {} {} ({})",
                match to_date {
                    Some(q) => format!("{} TW {q}", lang.pick("realisasi s.d.", "spending to")),
                    None => label(*field, lang),
                },
                lang.pick("berkas menulis", "the file says"),
                shown(*field, *file),
                lang.pick("tetapi jumlah anak-anaknya", "but its children add up to"),
                children.map_or("—".to_string(), |c| shown(*field, c)),
                lang.pick(
                    "anggaran node ini adalah jumlah anak-anaknya",
                    "this node's budget is the sum of its children"
                )
            ),
            WrongYear { found, expected } => format!(
                "{} {found}, {} {expected}",
                lang.pick("lembar ini untuk tahun", "this sheet is for"),
                lang.pick("workspace untuk tahun", "the workspace is for")
            ),
            Duplicate {
                kode,
                field,
                first,
                first_value,
                value,
            } => format!(
                "{kode} {}: {} {}, {} {first} {} {}",
                label(*field, lang),
                shown(*field, *value),
                lang.pick("di sini", "here"),
                lang.pick("tetapi", "but"),
                lang.pick("menulis", "says"),
                shown(*field, *first_value)
            ),
            UnknownField { text } => format!(
                "{} «{text}»; {}: {}",
                lang.pick("field tidak dikenal", "unknown field"),
                lang.pick("pilihan", "choose from"),
                super::template::FIELD_NAMES.join(", ")
            ),
            BadQuarter { text } => format!(
                "{} «{text}» ({})",
                lang.pick("triwulan tidak sah", "not a quarter"),
                lang.pick("tulis 1–4 atau I–IV", "write 1–4 or I–IV")
            ),
            BadYear { text } => format!(
                "{} «{text}»",
                lang.pick("tahun tidak sah", "not a year")
            ),
            NotQuarterEnd { month } => format!(
                "{} {month} {}",
                lang.pick("realisasi s.d. bulan", "spending to"),
                lang.pick(
                    "bukan akhir triwulan; sebutkan triwulannya dengan --tw",
                    "ends no quarter; name the quarter with --tw"
                )
            ),
            EarlierQuarterMissing {
                kode,
                quarter,
                missing,
            } => format!(
                "{kode}: {} TW {quarter} {} TW {missing} {}",
                lang.pick("realisasi s.d.", "spending to"),
                lang.pick("tidak dapat dibagi karena Rp", "cannot be split because Rp"),
                lang.pick("belum diisi", "is not entered")
            ),
            ToDateBelowEarlier {
                kode,
                quarter,
                to_date,
                earlier,
            } => format!(
                "{kode}: {} TW {quarter} {} {} {}",
                lang.pick("realisasi s.d.", "spending to"),
                locale::rupiah(*to_date),
                lang.pick(
                    "lebih kecil daripada triwulan sebelumnya",
                    "is less than the quarters before"
                ),
                locale::rupiah(*earlier)
            ),
            QuarterLocked {
                kode,
                field,
                quarter,
                by,
            } => format!(
                "{kode} {}: {} {} {}; {}",
                field_label(*field, lang),
                locale::quarter(*quarter, lang),
                lang.pick("dikunci (diverifikasi) oleh", "is locked (verified) by"),
                locale::verified_by(by, lang),
                lang.pick(
                    "buka dulu dengan `kinerja unlock` (V di antarmuka)",
                    "open it first with `kinerja unlock` (V in the interface)"
                )
            ),
        }
    }
}

fn bad_number(b: &BadNumber, lang: Lang) -> String {
    match b {
        BadNumber::NotANumber(t) => format!(
            "«{t}» {}",
            lang.pick("bukan angka", "is not a number")
        ),
        BadNumber::ErrorValue(t) => format!(
            "{t}: {}",
            lang.pick(
                "sel berisi galat Excel, bukan angka",
                "the cell holds an Excel error, not a figure"
            )
        ),
        BadNumber::Date(t) => format!(
            "{t}: {}",
            lang.pick(
                "sel berisi tanggal, bukan angka (Excel mungkin mengubah angka yang diketik)",
                "the cell holds a date, not a figure (Excel may have converted what was typed)"
            )
        ),
        BadNumber::Bool(t) => format!("«{t}» {}", lang.pick("bukan angka", "is not a number")),
        BadNumber::Ambiguous(t) => format!(
            "«{t}» {}",
            lang.pick(
                "bisa ribuan atau desimal, dan berkas ini tidak menunjukkan yang mana; tulis 1234 atau 1,234",
                "may be thousands or decimals and this file does not tell which; write 1234 or 1.234 unambiguously"
            )
        ),
        BadNumber::Refused(t, e) => format!("«{t}»: {}", e.message(lang)),
    }
}

impl Problem {
    /// One line: the cell, then what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        match &self.at {
            Some(at) => format!("{at}: {}", self.kind.message(lang)),
            None => self.kind.message(lang),
        }
    }
}

/// Something the preview says without stopping the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub at: Option<At>,
    pub kind: NoteKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// A sheet of the workbook that is no layout kinerja reads (e.g. the export's Tabel 3.1).
    SkippedSheet { sheet: String },
    /// Zeros of a `terakhir` indicator read as "not measured" (see docs/import.md).
    ZerosNotEntered {
        kode: String,
        indikator: usize,
        quarters: Vec<Quarter>,
    },
    /// Figures of quarters after `--tw`, not imported.
    AfterQuarter { quarter: Quarter },
    /// Where the LRA's realisation goes: the year's figure or a quarter's.
    LraRealisation { to_date: Quarter },
}

impl Note {
    pub fn message(&self, lang: Lang) -> String {
        let body = match &self.kind {
            NoteKind::SkippedSheet { sheet } => format!(
                "{} «{sheet}» {}",
                lang.pick("lembar", "sheet"),
                lang.pick(
                    "dilewati (bukan tata letak impor)",
                    "skipped (no import layout)"
                )
            ),
            NoteKind::ZerosNotEntered {
                kode,
                indikator,
                quarters,
            } => format!(
                "{kode} {} {}: {} TW {} {}",
                lang.pick("indikator", "indicator"),
                indikator + 1,
                lang.pick("angka 0 di", "the 0 in"),
                quarters
                    .iter()
                    .map(|q| q.roman())
                    .collect::<Vec<_>>()
                    .join(", "),
                lang.pick(
                    "dibaca 'belum diukur' (indikator terakhir; lihat docs/import.md)",
                    "read as 'not measured' (a 'terakhir' indicator; see docs/import.md)"
                )
            ),
            NoteKind::AfterQuarter { quarter } => format!(
                "{} TW {quarter} {}",
                lang.pick("angka setelah", "figures after"),
                lang.pick("tidak diimpor (--tw)", "are not imported (--tw)")
            ),
            NoteKind::LraRealisation { to_date } => {
                if *to_date == Quarter::IV {
                    lang.pick(
                        "realisasi LRA s.d. akhir tahun dimasukkan sebagai realisasi anggaran setahun",
                        "the LRA's spending to the year's end goes in as the year's spending",
                    )
                    .to_string()
                } else {
                    format!(
                        "{} TW {to_date} {} TW {to_date}",
                        lang.pick("realisasi LRA s.d.", "the LRA's spending to"),
                        lang.pick(
                            "dikurangi triwulan sebelumnya menjadi Rp",
                            "less the quarters before goes in as Rp"
                        )
                    )
                }
            }
        };
        match &self.at {
            Some(at) => format!("{at}: {body}"),
            None => body,
        }
    }
}
