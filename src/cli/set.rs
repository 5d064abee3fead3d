//! `kinerja set`: change one figure — an indicator's target, a quarter's realisation, or a
//! quarter's Rupiah — and save it. What may be typed where is the library's rule
//! (`kinerja::rules::editable`); how the text is read, the slot's kind (`Field::figure_kind`).

use super::figures;
use super::output::{Refused, clip, shown};
use super::save;
use super::workspace::Opened;
use clap::{ArgGroup, Args};
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{EditRefusal, Field, Quarter};
use kinerja::rules;
use std::io::Write;
use std::process::ExitCode;

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("nilai").required(true).args(["target", "realisasi", "rp"])))]
pub struct SetArgs {
    /// Kode node, mis. 7.01.02.2.04.02 atau SASARAN-1.
    kode: String,
    /// Nomor indikator pada node itu (mulai 1).
    #[arg(long, default_value_t = 1)]
    indikator: usize,
    /// Target tahunan indikator.
    #[arg(long, conflicts_with = "tw", allow_hyphen_values = true)]
    target: Option<String>,
    /// Triwulan 1–4 untuk --realisasi atau --rp.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: Option<u8>,
    /// Realisasi kinerja indikator pada triwulan --tw.
    #[arg(long, requires = "tw", allow_hyphen_values = true)]
    realisasi: Option<String>,
    /// Realisasi anggaran (Rupiah) node pada triwulan --tw.
    #[arg(long, requires = "tw", allow_hyphen_values = true)]
    rp: Option<String>,
}

impl SetArgs {
    /// The slot asked for and the text typed for it (`--indikator 0` is taken as 1 here and
    /// refused by the caller).
    fn slot(&self) -> (Field, &str) {
        let index = self.indikator.saturating_sub(1);
        let q = self.tw.and_then(Quarter::new);
        match (&self.target, &self.realisasi, &self.rp, q) {
            (Some(t), _, _, _) => (Field::Target(index), t),
            (None, Some(r), _, Some(q)) => (Field::Realisasi(index, q), r),
            (None, None, Some(rp), Some(q)) => (Field::Rp(q), rp),
            _ => unreachable!("clap requires one of --target, --realisasi, --rp, and --tw"),
        }
    }
}

pub fn run(out: &mut dyn Write, opened: &Opened, args: &SetArgs, lang: Lang) -> Result<ExitCode> {
    let base = &opened.ws;
    let refuse = |r: EditRefusal| Refused(locale::edit_refusal(&r, lang));
    let node = base.node(&args.kode).ok_or_else(|| {
        refuse(EditRefusal::NoNode {
            kode: args.kode.clone(),
        })
    })?;
    let (field, text) = args.slot();
    // `--indikator` counts from 1: there is no indicator 0.
    if field.indicator().is_some() && args.indikator == 0 {
        return Err(refuse(EditRefusal::NoIndicator {
            kode: args.kode.clone(),
            count: node.indikator.len(),
            number: 0,
        })
        .into());
    }
    rules::editable(node, field).map_err(refuse)?;
    let kind = field.figure_kind();
    let unit = field
        .indicator()
        .and_then(|i| node.indikator.get(i))
        .map(|d| d.satuan.as_str());
    let value = figures::read(text, kind, unit, lang)?;
    let old = field.get(node).flatten();
    let label = match field {
        Field::Rp(q) => format!(
            "{}\n{} TW {q}",
            clip(&node.nama, 60),
            lang.pick("realisasi Rp", "spent Rp")
        ),
        _ => {
            let what = match field {
                Field::Realisasi(_, q) => format!("{} TW {q}", lang.pick("realisasi", "actual")),
                _ => "target".into(),
            };
            format!(
                "{} {}: {}\n{what}",
                lang.pick("indikator", "indicator"),
                args.indikator,
                clip(&node.indikator[args.indikator - 1].nama, 50)
            )
        }
    };
    let mut ws = base.clone();
    ws.set_figure(&args.kode, field, value);
    if ws.diff(base).is_empty() {
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
    if let Some(code) = save::commit(out, opened, &ws, lang)? {
        return Ok(code);
    }
    writeln!(
        out,
        "{} · {label}: {} → {}",
        shown(&args.kode),
        figures::show(kind, old),
        locale::entry_echo(kind, value, unit),
    )?;
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
        writeln!(
            out,
            "{} TW {at}: {} · {}: {}",
            lang.pick("Capaian s.d.", "Achievement up to Q"),
            locale::percent_or_dash(rules::status(ind, at, &ws.pengaturan).capaian()),
            lang.pick("capaian tahun", "year"),
            locale::percent_or_dash(rules::capaian_tahun(ind)),
        )?;
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
    Ok(ExitCode::SUCCESS)
}
