//! `kinerja set`: change one figure or attribute of a node or indicator — a target, a quarter's
//! realisation, plan or Rupiah, a pagu, the PK and Renstra targets, a year's history, the
//! source of funds, the penanggung jawab — and save it. Every `model::Field` can be set here.
//! What may be typed where is the library's rule (`rules::editable`, `rules::change::check`);
//! how the text is read, the slot's kind (`Field::figure_kind`).

use super::figures;
use super::output::{Refused, clip, shown};
use super::save;
use super::workspace::Opened;
use clap::{ArgGroup, Args};
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{
    Budget, Change, Edit, EditRefusal, Field, IndicatorAttr, Node, NodeAttr, Op, Quarter, Workspace,
};
use kinerja::rules;
use std::io::Write;
use std::process::ExitCode;

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("nilai").required(true).args([
    "target", "realisasi", "rp", "rencana", "pagu", "pagu_murni", "sumber_dana", "pejabat",
    "target_pk_murni", "target_pk_perubahan", "renstra", "renstra_akhir", "riwayat",
    "realisasi_tahun",
])))]
pub struct SetArgs {
    /// Kode node, mis. 7.01.02.2.04.02 atau SASARAN-1.
    kode: String,
    /// Nomor indikator pada node itu (mulai 1; bawaan 1). Dengan --pejabat: penanggung jawab
    /// indikator itu, bukan node.
    #[arg(long)]
    indikator: Option<usize>,
    /// Target tahunan indikator.
    #[arg(long, conflicts_with = "tw", allow_hyphen_values = true)]
    target: Option<String>,
    /// Triwulan 1–4 untuk --realisasi, --rencana atau --rp.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: Option<u8>,
    /// Tahun untuk --renstra atau --riwayat.
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2200))]
    tahun: Option<i32>,
    /// Realisasi kinerja indikator pada triwulan --tw.
    #[arg(long, requires = "tw", allow_hyphen_values = true)]
    realisasi: Option<String>,
    /// Rencana aksi (rencana triwulan) indikator pada triwulan --tw.
    #[arg(long, requires = "tw", allow_hyphen_values = true)]
    rencana: Option<String>,
    /// Realisasi anggaran (Rupiah) node pada triwulan --tw.
    #[arg(long, requires = "tw", allow_hyphen_values = true)]
    rp: Option<String>,
    /// Pagu anggaran (Rupiah) Program, Kegiatan atau Sub Kegiatan tanpa anggaran di bawahnya.
    #[arg(long, allow_hyphen_values = true)]
    pagu: Option<String>,
    /// Pagu murni (APBD murni, Rupiah).
    #[arg(long, allow_hyphen_values = true)]
    pagu_murni: Option<String>,
    /// Sumber dana anggaran (teks; "-" mengosongkan).
    #[arg(long, allow_hyphen_values = true)]
    sumber_dana: Option<String>,
    /// Realisasi anggaran setahun menurut LRA (Rupiah).
    #[arg(long, allow_hyphen_values = true)]
    realisasi_tahun: Option<String>,
    /// Penanggung jawab: id pejabat ("-" mengosongkan); dengan --indikator untuk indikator itu.
    #[arg(long, allow_hyphen_values = true)]
    pejabat: Option<String>,
    /// Target PK murni indikator.
    #[arg(long, allow_hyphen_values = true)]
    target_pk_murni: Option<String>,
    /// Target PK perubahan indikator.
    #[arg(long, allow_hyphen_values = true)]
    target_pk_perubahan: Option<String>,
    /// Target Renstra indikator untuk tahun --tahun.
    #[arg(long, requires = "tahun", allow_hyphen_values = true)]
    renstra: Option<String>,
    /// Target akhir periode Renstra (kondisi akhir) indikator.
    #[arg(long, allow_hyphen_values = true)]
    renstra_akhir: Option<String>,
    /// Realisasi indikator pada tahun lalu --tahun (riwayat).
    #[arg(long, requires = "tahun", allow_hyphen_values = true)]
    riwayat: Option<String>,
}

/// What `set` is asked to change.
enum Slot<'a> {
    Figure(Field, &'a str),
    SumberDana(&'a str),
    Pejabat(&'a str),
}

impl SetArgs {
    /// The slot asked for and the text typed for it (`--indikator 0` is taken as 1 here and
    /// refused by the caller).
    fn slot(&self) -> Slot<'_> {
        let i = self.indikator.unwrap_or(1).saturating_sub(1);
        let q = self.tw.and_then(Quarter::new).unwrap_or(Quarter::I);
        let y = self.tahun.unwrap_or_default();
        fn figure(f: Field, t: &str) -> Slot<'_> {
            Slot::Figure(f, t)
        }
        // Exactly one is given (clap's group "nilai").
        if let Some(t) = &self.target {
            figure(Field::Target(i), t)
        } else if let Some(t) = &self.realisasi {
            figure(Field::Realisasi(i, q), t)
        } else if let Some(t) = &self.rencana {
            figure(Field::Rencana(i, q), t)
        } else if let Some(t) = &self.rp {
            figure(Field::Rp(q), t)
        } else if let Some(t) = &self.pagu {
            figure(Field::Pagu, t)
        } else if let Some(t) = &self.pagu_murni {
            figure(Field::PaguMurni, t)
        } else if let Some(t) = &self.realisasi_tahun {
            figure(Field::RealisasiTahun, t)
        } else if let Some(t) = &self.target_pk_murni {
            figure(Field::TargetPkMurni(i), t)
        } else if let Some(t) = &self.target_pk_perubahan {
            figure(Field::TargetPkPerubahan(i), t)
        } else if let Some(t) = &self.renstra {
            figure(Field::RenstraTarget(i, y), t)
        } else if let Some(t) = &self.renstra_akhir {
            figure(Field::RenstraAkhir(i), t)
        } else if let Some(t) = &self.riwayat {
            figure(Field::Riwayat(i, y), t)
        } else if let Some(t) = &self.sumber_dana {
            Slot::SumberDana(t)
        } else if let Some(t) = &self.pejabat {
            Slot::Pejabat(t)
        } else {
            unreachable!("clap requires one value to set")
        }
    }
}

/// `--tw` and `--tahun` belong to some values only: given with another, they are refused
/// rather than ignored.
fn stray_options(args: &SetArgs, slot: &Slot, lang: Lang) -> Result<(), Refused> {
    let field = match slot {
        Slot::Figure(f, _) => Some(*f),
        _ => None,
    };
    if args.tw.is_some() && field.and_then(Field::quarter).is_none() {
        return Err(Refused(
            lang.pick(
                "--tw hanya untuk --realisasi, --rencana atau --rp",
                "--tw goes only with --realisasi, --rencana or --rp",
            )
            .into(),
        ));
    }
    let by_year = matches!(field, Some(Field::RenstraTarget(..) | Field::Riwayat(..)));
    if args.tahun.is_some() && !by_year {
        return Err(Refused(
            lang.pick(
                "--tahun hanya untuk --renstra atau --riwayat",
                "--tahun goes only with --renstra or --riwayat",
            )
            .into(),
        ));
    }
    Ok(())
}

/// A budget for `node` when a budget figure is set on a Program, Kegiatan or Sub Kegiatan that
/// has none yet (and none below it).
fn budget_first(node: &Node) -> Option<Change> {
    (node.anggaran.is_none() && node.jenis.has_budget() && !rules::budget_is_sum(node)).then(|| {
        Change::BudgetAdd {
            kode: node.kode.clone(),
            budget: Budget::default(),
        }
    })
}

pub fn run(out: &mut dyn Write, opened: &Opened, args: &SetArgs, lang: Lang) -> Result<ExitCode> {
    let base = &opened.ws;
    let refuse = |r: EditRefusal| Refused(locale::edit_refusal(&r, lang));
    let node = base.node(&args.kode).ok_or_else(|| {
        refuse(EditRefusal::NoNode {
            kode: args.kode.clone(),
        })
    })?;
    let slot = args.slot();
    stray_options(args, &slot, lang)?;
    // `--indikator` counts from 1: there is no indicator 0.
    let about_indicator = match &slot {
        Slot::Figure(f, _) => f.indicator().is_some(),
        Slot::Pejabat(_) => args.indikator.is_some(),
        Slot::SumberDana(_) => false,
    };
    if about_indicator {
        let number = args.indikator.unwrap_or(1);
        if number == 0 || number > node.indikator.len() {
            return Err(refuse(EditRefusal::NoIndicator {
                kode: args.kode.clone(),
                count: node.indikator.len(),
                number,
            })
            .into());
        }
    }
    let budget = match &slot {
        Slot::Figure(f, _) if f.indicator().is_none() => budget_first(node),
        Slot::SumberDana(_) => budget_first(node),
        _ => None,
    };
    let mut changes: Vec<Change> = budget.into_iter().collect();
    // What the edit is shown as: the slot's label, the old and the new value.
    let (label, old, new) = match &slot {
        Slot::Figure(field, text) => {
            if changes.is_empty() {
                rules::editable(node, *field).map_err(refuse)?;
            }
            let kind = field.figure_kind();
            let unit = field
                .indicator()
                .and_then(|i| node.indikator.get(i))
                .map(|d| d.satuan.as_str());
            let value = figures::read(text, kind, unit, lang)?;
            let old = field.get(node).flatten();
            let c = match Change::figure(base, &args.kode, *field, value) {
                Some(c) => c,
                // Onto the budget the list creates first.
                None if !changes.is_empty() => Change::Figure {
                    indikator: None,
                    op: Op {
                        kode: args.kode.clone(),
                        field: *field,
                        old: None,
                        new: value,
                    },
                },
                None => {
                    return Err(refuse(EditRefusal::NoBudget {
                        kode: args.kode.clone(),
                    })
                    .into());
                }
            };
            changes.push(c);
            (
                locale::field_label(*field, lang),
                figures::show(kind, old),
                locale::entry_echo(kind, value, unit),
            )
        }
        Slot::SumberDana(text) => {
            let new = if *text == "-" { "" } else { text.trim() };
            let old = node
                .anggaran
                .as_ref()
                .map(|b| b.sumber_dana.clone())
                .unwrap_or_default();
            changes.push(Change::NodeAttr {
                kode: args.kode.clone(),
                attr: NodeAttr::SumberDana(Edit {
                    old: old.clone(),
                    new: new.to_string(),
                }),
            });
            (
                lang.pick("sumber dana", "source of funds").to_string(),
                dash(&old),
                dash(new),
            )
        }
        Slot::Pejabat(text) => {
            let new = (*text != "-").then(|| text.trim().to_string());
            let (old, change) = match args.indikator {
                Some(n) => {
                    let ind = &node.indikator[n - 1];
                    (
                        ind.pejabat.clone(),
                        Change::IndicatorAttr {
                            kode: args.kode.clone(),
                            indikator: ind.id,
                            attr: IndicatorAttr::Pejabat(Edit {
                                old: ind.pejabat.clone(),
                                new: new.clone(),
                            }),
                        },
                    )
                }
                None => (
                    node.pejabat.clone(),
                    Change::NodeAttr {
                        kode: args.kode.clone(),
                        attr: NodeAttr::Pejabat(Edit {
                            old: node.pejabat.clone(),
                            new: new.clone(),
                        }),
                    },
                ),
            };
            changes.push(change);
            (
                lang.pick("penanggung jawab", "responsible officer")
                    .to_string(),
                dash(old.as_deref().unwrap_or("")),
                dash(new.as_deref().unwrap_or("")),
            )
        }
    };
    let after = save::check(base, &changes, lang)?;
    if after == *base {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Tidak ada perubahan; berkas tidak ditulis.",
                "Nothing changed; file not written."
            )
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(code) = save::commit(out, opened, changes, None, lang)? {
        return Ok(code);
    }
    let what = match (&slot, about_indicator) {
        (_, true) => {
            let n = args.indikator.unwrap_or(1);
            format!(
                "{} {n}: {}",
                lang.pick("indikator", "indicator"),
                clip(&node.indikator[n - 1].nama, 50)
            )
        }
        _ => clip(&node.nama, 60),
    };
    writeln!(
        out,
        "{} · {what}\n{label}: {old} → {new}",
        shown(&args.kode),
    )?;
    echo(out, &after, args, &slot, lang)?;
    Ok(ExitCode::SUCCESS)
}

fn dash(s: &str) -> String {
    if s.is_empty() {
        "—".into()
    } else {
        format!("«{}»", shown(s))
    }
}

/// What the change did to capaian or the budget, as every other place computes it.
fn echo(
    out: &mut dyn Write,
    ws: &Workspace,
    args: &SetArgs,
    slot: &Slot,
    lang: Lang,
) -> Result<()> {
    let Slot::Figure(field, _) = slot else {
        return Ok(());
    };
    let current = ws.pengaturan.triwulan_berjalan;
    if let Some(q) = field.quarter()
        && q > current
    {
        writeln!(
            out,
            "{} TW {q} {} (TW {current}).",
            lang.pick("Catatan:", "Note:"),
            lang.pick(
                "belum berjalan menurut pengaturan workspace",
                "has not started per the workspace settings"
            )
        )?;
    }
    let node = ws.node(&args.kode).expect("just edited");
    if let Some(i) = field.indicator() {
        let ind = &node.indikator[i];
        let at = field.quarter().unwrap_or(current);
        let capaian = |q| locale::percent_or_dash(rules::status(ind, q, &ws.pengaturan).capaian());
        write!(
            out,
            "{} TW {at}: {}",
            lang.pick("Capaian s.d.", "Achievement up to Q"),
            capaian(at)
        )?;
        if at != current {
            write!(
                out,
                " · TW {current} ({}): {}",
                lang.pick("triwulan berjalan", "current quarter"),
                capaian(current)
            )?;
        }
        writeln!(out)?;
    } else if let Some(b) = rules::budget_of(node, Quarter::IV) {
        writeln!(
            out,
            "{}: {} {} {} ({})",
            lang.pick("Anggaran", "Budget"),
            locale::rupiah_or_dash(b.realisasi),
            lang.pick("dari", "of"),
            locale::rupiah_or_dash(b.pagu),
            locale::percent_or_dash(b.capaian())
        )?;
    }
    Ok(())
}
