//! `kinerja new-year -o NEW [--clear-pagu]`: the next year's workspace from this one
//! (`rules::new_year`): the same tree, indicators, officers, Renstra and PK; this year's results
//! into the history, targets from the Renstra, quarters cleared. Written to NEW, never over
//! anything; the workspace itself is only read. Prints what it did and what needs a human.

use super::init::create;
use super::output::{clip, shown};
use super::workspace::Opened;
use clap::Args;
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::rules::year::{IndicatorAt, RenstraYear};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct NewYearArgs {
    /// Berkas workspace tahun berikutnya (tidak boleh sudah ada).
    #[arg(short, long, value_name = "NEW")]
    output: PathBuf,
    /// Kosongkan pagu (bawaan: pagu dipertahankan dan ditandai untuk ditinjau).
    #[arg(long)]
    clear_pagu: bool,
}

fn indicator(i: &IndicatorAt, lang: Lang) -> String {
    format!(
        "{} {} {}: {}",
        shown(&i.kode),
        lang.pick("indikator", "indicator"),
        i.indikator,
        clip(&i.nama, 70)
    )
}

pub fn run(
    out: &mut dyn Write,
    opened: &Opened,
    args: &NewYearArgs,
    lang: Lang,
) -> Result<ExitCode> {
    let (next, review) = kinerja::rules::new_year(&opened.ws, args.clear_pagu);
    create(&args.output, &next, lang)?;
    let was = opened.ws.tahun;
    let p = |id, en| lang.pick(id, en);
    writeln!(
        out,
        "{} {}: {}",
        p("Workspace tahun", "Workspace for"),
        review.tahun,
        shown(&args.output.display().to_string())
    )?;
    writeln!(
        out,
        "- {} {} {was} {}",
        review.riwayat_written,
        p("indikator: hasil", "indicator(s): the result of"),
        p(
            "masuk riwayat (Tabel 3.2 menampilkannya sebagai tahun lalu)",
            "went into the history (Tabel 3.2 shows it as the previous year)"
        )
    )?;
    writeln!(
        out,
        "- {} {} {}",
        review.targets_from_renstra,
        p(
            "target diambil dari target Renstra",
            "target(s) taken from the Renstra target for"
        ),
        review.tahun
    )?;
    writeln!(
        out,
        "- {} {}",
        review.figures_cleared,
        p(
            "angka dikosongkan (realisasi, rencana, target PK, realisasi Rp, pagu murni)",
            "figure(s) cleared (realisations, plans, PK targets, Rupiah spent, original pagu)"
        )
    )?;
    if args.clear_pagu {
        writeln!(
            out,
            "- {} {}",
            review.pagu_cleared,
            p("pagu dikosongkan", "pagu cleared")
        )?;
    }
    writeln!(
        out,
        "- {} {}",
        review.pk_lines,
        p("baris PK disalin", "PK line(s) copied")
    )?;
    let mut todo: Vec<String> = Vec::new();
    for i in &review.targets_kept {
        todo.push(format!(
            "{} — {} {}",
            indicator(i, lang),
            p(
                "target tetap seperti tahun lalu (tidak ada target Renstra",
                "target kept as last year (no Renstra target for"
            ),
            format_args!("{})", review.tahun)
        ));
    }
    for i in &review.no_result {
        todo.push(format!(
            "{} — {} {was}",
            indicator(i, lang),
            p(
                "tidak ada hasil yang masuk riwayat untuk",
                "no result went into the history for"
            )
        ));
    }
    for (i, before, result) in &review.riwayat_replaced {
        todo.push(format!(
            "{} — {} {was} {} {} → {}",
            indicator(i, lang),
            p("riwayat", "history"),
            p("diganti", "replaced"),
            locale::figure(*before),
            locale::figure(*result)
        ));
    }
    for kode in &review.pagu_kept {
        todo.push(format!(
            "{} — {} {}",
            shown(kode),
            p(
                "pagu dipertahankan; periksa terhadap anggaran",
                "pagu kept; check it against the budget of"
            ),
            review.tahun
        ));
    }
    let period = opened.ws.periode_renstra;
    match review.renstra {
        RenstraYear::Within => {}
        RenstraYear::Last => todo.push(format!(
            "Renstra {}–{}: {} {}",
            period.awal,
            period.akhir,
            review.tahun,
            p(
                "adalah tahun terakhir periode; Renstra baru perlu disiapkan",
                "is the period's last year; a new Renstra is due"
            )
        )),
        RenstraYear::After => todo.push(format!(
            "Renstra {}–{}: {} {}",
            period.awal,
            period.akhir,
            review.tahun,
            p(
                "sudah lewat periodenya; target Renstra adalah periode yang selesai",
                "is past its period; the Renstra targets are of a period that is over"
            )
        )),
        RenstraYear::Before => todo.push(format!(
            "Renstra {}–{}: {} {}",
            period.awal,
            period.akhir,
            review.tahun,
            p("sebelum periodenya", "is before its period")
        )),
    }
    if todo.is_empty() {
        writeln!(
            out,
            "{}",
            p("Tidak ada yang perlu ditinjau.", "Nothing to review.")
        )?;
    } else {
        writeln!(
            out,
            "{} ({}):",
            p("Perlu ditinjau", "To review"),
            todo.len()
        )?;
        for t in todo {
            writeln!(out, "  - {t}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
