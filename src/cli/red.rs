//! `kinerja red`: the red indicators (below the threshold of what is due), worst first, with
//! the officer responsible; then the ones due but not entered. Exit status 1 when any is red.

use super::output::{clip, shown};
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{Quarter, Workspace};
use kinerja::report::{self, IndicatorRow};
use kinerja::rules::Status;
use std::io::Write;
use std::process::ExitCode;

pub fn run(out: &mut dyn Write, ws: &Workspace, q: Quarter, lang: Lang) -> Result<ExitCode> {
    let list = report::red_list(ws, q);
    let threshold = format!("{} %", locale::figure(ws.pengaturan.ambang_merah));
    if list.merah.is_empty() {
        writeln!(
            out,
            "{} {q} (capaian < {threshold}).",
            lang.pick(
                "Tidak ada indikator merah s.d. TW",
                "No red indicators up to Q"
            )
        )?;
    } else {
        writeln!(
            out,
            "{} {q} (capaian < {threshold}), {}:",
            lang.pick("Indikator merah s.d. TW", "Red indicators up to Q"),
            lang.pick("terburuk dahulu", "worst first")
        )?;
        for (i, row) in list.merah.iter().enumerate() {
            writeln!(
                out,
                "{:>2}. {} · {}",
                i + 1,
                shown(&row.at.kode),
                clip(&row.indikator, 64)
            )?;
            let rating = match row.status {
                Status::Dinilai { rating, .. } => lang.rating(rating),
                _ => "",
            };
            writeln!(
                out,
                "    capaian {} ({rating}) · {}: {}",
                locale::percent_or_dash(row.status.capaian()),
                lang.pick("penanggung jawab", "responsible"),
                officer(row)
            )?;
            writeln!(
                out,
                "    {} {} {} · {}",
                lang.pick("realisasi", "actual"),
                locale::figure_or_dash(row.realisasi),
                shown(&row.satuan),
                target_text(row, q, lang),
            )?;
        }
    }
    if !list.belum_diisi.is_empty() {
        writeln!(
            out,
            "\n{}:",
            lang.pick(
                "Belum diisi (sudah jatuh tempo, realisasi belum dimasukkan)",
                "Not entered (due, no realisation yet)"
            )
        )?;
        for row in &list.belum_diisi {
            writeln!(
                out,
                "  - {} · {}",
                shown(&row.at.kode),
                clip(&row.indikator, 64)
            )?;
            writeln!(
                out,
                "    {} · {}: {}",
                target_text(row, q, lang),
                lang.pick("penanggung jawab", "responsible"),
                officer(row)
            )?;
        }
    }
    Ok(if list.merah.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn officer(row: &IndicatorRow) -> String {
    row.pejabat.as_deref().map_or_else(|| "—".into(), shown)
}

/// "target 75 indeks" or, when less is due by the quarter,
/// "target s.d. TW II 2,5 dokumen (setahun 5)".
fn target_text(row: &IndicatorRow, q: Quarter, lang: Lang) -> String {
    let satuan = shown(&row.satuan);
    match (row.due, row.target) {
        (Some(due), Some(t)) if due != t => format!(
            "{} {q} {} {satuan} ({} {})",
            lang.pick("target s.d. TW", "target to Q"),
            locale::figure(due),
            lang.pick("setahun", "year"),
            locale::figure(t)
        ),
        _ => format!("target {} {satuan}", locale::figure_or_dash(row.target)),
    }
}
