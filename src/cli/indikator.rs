//! `kinerja indikator add|edit|remove`: a node's indicators — name, unit, polarity,
//! aggregation, target, quarterly plan (rencana aksi), penanggung jawab. A new indicator gets
//! a fresh stable id; an edit is one change per attribute and figure, saved together.

use super::figures;
use super::output::{Refused, shown};
use super::save;
use super::workspace::Opened;
use clap::{Args, Subcommand, ValueEnum};
use color_eyre::eyre::Result;
use kinerja::locale::{self, FigureKind, Lang};
use kinerja::model::{
    Aggregation, Change, Edit, EditRefusal, Field, Indicator, IndicatorAttr, Node, Polarity,
    Quarter,
};
use kinerja::rules::removal;
use kinerja::rules::text::{self, TextKind};
use rust_decimal::Decimal;
use std::io::Write;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct IndikatorArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum PolarityArg {
    /// Makin tinggi makin baik.
    Positif,
    /// Makin rendah makin baik (keluhan, hari layanan).
    Negatif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum AggregationArg {
    /// Triwulan dijumlah (hitungan).
    Jumlah,
    /// Triwulan terakhir yang terisi (indeks, nilai, persentase stok).
    Terakhir,
    /// Rata-rata triwulan yang terisi (laju).
    #[value(name = "rata_rata", alias = "rata-rata")]
    RataRata,
}

/// What `add` and `edit` share.
#[derive(Args, Debug)]
struct Options {
    /// Target tahunan.
    #[arg(long, allow_hyphen_values = true)]
    target: Option<String>,
    #[arg(long, value_enum)]
    polaritas: Option<PolarityArg>,
    #[arg(long, value_enum)]
    agregasi: Option<AggregationArg>,
    /// Penanggung jawab indikator (id pejabat; "-" mengosongkan).
    #[arg(long, value_name = "ID", allow_hyphen_values = true)]
    pejabat: Option<String>,
    /// Rencana aksi satu triwulan, TW=NILAI (mis. --rencana 1=125 --rencana 2=250); boleh
    /// diulang.
    #[arg(long, value_name = "TW=NILAI", allow_hyphen_values = true)]
    rencana: Vec<String>,
}

#[derive(Subcommand, Debug)]
enum Action {
    /// Tambah indikator pada node KODE (di urutan terakhir).
    Add {
        kode: String,
        #[arg(long)]
        nama: String,
        #[arg(long)]
        satuan: String,
        #[command(flatten)]
        options: Options,
    },
    /// Ubah indikator nomor --indikator pada node KODE.
    Edit {
        kode: String,
        /// Nomor indikator (mulai 1).
        #[arg(long)]
        indikator: usize,
        /// Nama baru.
        #[arg(long)]
        nama: Option<String>,
        /// Satuan baru.
        #[arg(long)]
        satuan: Option<String>,
        #[command(flatten)]
        options: Options,
    },
    /// Hapus indikator; yang punya angka terisi atau baris PK perlu --force.
    Remove {
        kode: String,
        #[arg(long)]
        indikator: usize,
        #[arg(long)]
        force: bool,
    },
}

impl From<PolarityArg> for Polarity {
    fn from(p: PolarityArg) -> Polarity {
        match p {
            PolarityArg::Positif => Polarity::Positif,
            PolarityArg::Negatif => Polarity::Negatif,
        }
    }
}

impl From<AggregationArg> for Aggregation {
    fn from(a: AggregationArg) -> Aggregation {
        match a {
            AggregationArg::Jumlah => Aggregation::Jumlah,
            AggregationArg::Terakhir => Aggregation::Terakhir,
            AggregationArg::RataRata => Aggregation::RataRata,
        }
    }
}

fn text_of(kind: TextKind, input: &str, lang: Lang) -> Result<String, Refused> {
    let t = text::clean(input);
    text::check(kind, t).map_err(|why| Refused(locale::text_error(kind, why, lang)))?;
    Ok(t.to_string())
}

/// `--rencana 2=250` as (TW II, 250).
fn plan(text: &str, unit: &str, lang: Lang) -> Result<(Quarter, Option<Decimal>), Refused> {
    let bad = || {
        Refused(format!(
            "--rencana «{}»: {}",
            shown(text),
            lang.pick(
                "tulis TW=NILAI, mis. 2=250",
                "write QUARTER=VALUE, e.g. 2=250"
            )
        ))
    };
    let (q, v) = text.split_once('=').ok_or_else(bad)?;
    let q = q
        .trim()
        .parse::<u8>()
        .ok()
        .and_then(Quarter::new)
        .ok_or_else(bad)?;
    Ok((
        q,
        figures::read(v.trim(), FigureKind::Kinerja, Some(unit), lang)?,
    ))
}

fn officer(text: &str) -> Option<String> {
    (text.trim() != "-").then(|| text.trim().to_string())
}

fn indicator_of(node: &Node, number: usize, lang: Lang) -> Result<&Indicator, Refused> {
    number
        .checked_sub(1)
        .and_then(|i| node.indikator.get(i))
        .ok_or_else(|| {
            Refused(locale::edit_refusal(
                &EditRefusal::NoIndicator {
                    kode: node.kode.clone(),
                    count: node.indikator.len(),
                    number,
                },
                lang,
            ))
        })
}

pub fn run(
    out: &mut dyn Write,
    opened: &Opened,
    args: &IndikatorArgs,
    lang: Lang,
) -> Result<ExitCode> {
    let ws = &opened.ws;
    let node_of = |kode: &str| {
        ws.node(kode.trim()).ok_or_else(|| {
            Refused(locale::edit_refusal(
                &EditRefusal::NoNode {
                    kode: kode.trim().to_string(),
                },
                lang,
            ))
        })
    };
    let (changes, said) = match &args.action {
        Action::Add {
            kode,
            nama,
            satuan,
            options,
        } => {
            let node = node_of(kode)?;
            let mut ind = Indicator::new(
                ws.fresh_indicator_id(),
                &text_of(TextKind::Nama, nama, lang)?,
                &text_of(TextKind::Satuan, satuan, lang)?,
            );
            if let Some(t) = &options.target {
                ind.target = figures::read(t, FigureKind::Kinerja, Some(&ind.satuan), lang)?;
            }
            if let Some(p) = options.polaritas {
                ind.polaritas = p.into();
            }
            if let Some(a) = options.agregasi {
                ind.agregasi = a.into();
            }
            ind.pejabat = options.pejabat.as_deref().and_then(officer);
            for r in &options.rencana {
                let (q, v) = plan(r, &ind.satuan, lang)?;
                ind.rencana[q.index()] = v;
            }
            let said = format!(
                "{} {} {} {}: «{}» ({})",
                lang.pick("Ditambahkan:", "Added:"),
                shown(&node.kode),
                lang.pick("indikator", "indicator"),
                node.indikator.len() + 1,
                shown(&ind.nama),
                shown(&ind.satuan)
            );
            let change = Change::IndicatorAdd {
                kode: node.kode.clone(),
                at: None,
                indicator: ind,
                pk: Vec::new(),
            };
            (vec![change], said)
        }
        Action::Edit {
            kode,
            indikator,
            nama,
            satuan,
            options,
        } => {
            let node = node_of(kode)?;
            let ind = indicator_of(node, *indikator, lang)?;
            let kode = node.kode.clone();
            let attr = |attr| Change::IndicatorAttr {
                kode: kode.clone(),
                indikator: ind.id,
                attr,
            };
            let mut changes = Vec::new();
            if let Some(n) = nama {
                changes.push(attr(IndicatorAttr::Nama(Edit {
                    old: ind.nama.clone(),
                    new: text_of(TextKind::Nama, n, lang)?,
                })));
            }
            if let Some(s) = satuan {
                changes.push(attr(IndicatorAttr::Satuan(Edit {
                    old: ind.satuan.clone(),
                    new: text_of(TextKind::Satuan, s, lang)?,
                })));
            }
            if let Some(p) = options.polaritas {
                changes.push(attr(IndicatorAttr::Polaritas(Edit {
                    old: ind.polaritas,
                    new: p.into(),
                })));
            }
            if let Some(a) = options.agregasi {
                changes.push(attr(IndicatorAttr::Agregasi(Edit {
                    old: ind.agregasi,
                    new: a.into(),
                })));
            }
            if let Some(p) = &options.pejabat {
                changes.push(attr(IndicatorAttr::Pejabat(Edit {
                    old: ind.pejabat.clone(),
                    new: officer(p),
                })));
            }
            let i = indikator - 1;
            let figure = |field: Field, v| Change::figure(ws, &kode, field, v).expect("a slot");
            // Figures are read in the unit they will have after this edit.
            let unit = match satuan {
                Some(s) => text_of(TextKind::Satuan, s, lang)?,
                None => ind.satuan.clone(),
            };
            if let Some(t) = &options.target {
                let v = figures::read(t, FigureKind::Kinerja, Some(&unit), lang)?;
                changes.push(figure(Field::Target(i), v));
            }
            for r in &options.rencana {
                let (q, v) = plan(r, &unit, lang)?;
                changes.push(figure(Field::Rencana(i, q), v));
            }
            if changes.is_empty() {
                return Err(Refused(
                    lang.pick(
                        "tidak ada yang diubah: beri --nama, --satuan, --target, --polaritas, --agregasi, --pejabat atau --rencana",
                        "nothing to change: give --nama, --satuan, --target, --polaritas, --agregasi, --pejabat or --rencana",
                    )
                    .into(),
                )
                .into());
            }
            let said = changes
                .iter()
                .map(|c| locale::describe_change(c, Some(*indikator), lang))
                .map(|l| shown(&l))
                .collect::<Vec<_>>()
                .join("\n");
            (changes, said)
        }
        Action::Remove {
            kode,
            indikator,
            force,
        } => {
            let node = node_of(kode)?;
            let ind = indicator_of(node, *indikator, lang)?;
            let r = removal::of_indicator(ws, &node.kode, indikator - 1).expect("it exists");
            let said = format!(
                "{} {} {} {}: «{}» ({})",
                lang.pick("Dihapus:", "Removed:"),
                shown(&node.kode),
                lang.pick("indikator", "indicator"),
                indikator,
                shown(&ind.nama),
                locale::removal(&r, lang)
            );
            let change =
                Change::remove_indicator(ws, &node.kode, indikator - 1, *force).expect("it exists");
            (vec![change], said)
        }
    };
    match save::check_and_commit(out, opened, changes, None, lang)? {
        Ok(_) => {
            writeln!(out, "{said}")?;
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}
