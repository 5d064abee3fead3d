//! `kinerja check`: the consistency findings, one a line. Exit status 1 when there are any.

use super::output::{clip, shown};
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{Field, Workspace};
use kinerja::report::{self, Finding};
use std::io::Write;
use std::process::ExitCode;

pub fn run(out: &mut dyn Write, ws: &Workspace, lang: Lang) -> Result<ExitCode> {
    let findings = report::check(ws);
    if findings.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Tidak ada temuan: data konsisten.",
                "No findings: the data is consistent."
            )
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{} {}:",
        findings.len(),
        lang.pick("temuan", "findings")
    )?;
    for f in &findings {
        writeln!(out, "  - {}", finding_text(f, lang))?;
    }
    Ok(ExitCode::from(1))
}

/// "7.01.01.2.08: pagu tercatat Rp 72.350.000 ≠ jumlah pagu anak Rp 31.350.000"
fn finding_text(f: &Finding, lang: Lang) -> String {
    use locale::rupiah as rp;
    match f {
        Finding::PaguMismatch {
            kode,
            declared,
            children,
        } => format!(
            "{}: {} {} ≠ {} {}",
            shown(kode),
            lang.pick("pagu tercatat", "declared pagu"),
            rp(*declared),
            lang.pick("jumlah pagu anak", "sum of children"),
            rp(*children)
        ),
        Finding::RealisasiMismatch {
            kode,
            declared,
            children,
        } => format!(
            "{}: {} {} ≠ {} {}",
            shown(kode),
            lang.pick("realisasi tercatat", "declared realisation"),
            rp(*declared),
            lang.pick("jumlah realisasi anak", "sum of children"),
            rp(*children)
        ),
        Finding::QuartersVsAnnual {
            kode,
            quarters,
            annual,
        } => format!(
            "{}: {} {} ≠ {} {}",
            shown(kode),
            lang.pick("jumlah Rp triwulan", "sum of quarterly Rp"),
            rp(*quarters),
            lang.pick("realisasi tahunan", "annual realisation"),
            rp(*annual)
        ),
        Finding::OverPagu {
            kode,
            pagu,
            realisasi,
        } => format!(
            "{}: {} {} {} {}",
            shown(kode),
            lang.pick("realisasi", "spent"),
            rp(*realisasi),
            lang.pick("melebihi pagu", "exceeds pagu"),
            rp(*pagu)
        ),
        Finding::DuplicateKode { kode } => {
            format!(
                "{}: {}",
                shown(kode),
                lang.pick("kode ganda", "duplicate kode")
            )
        }
        Finding::NoTarget {
            kode,
            indikator,
            nama,
        } => format!(
            "{} {} {indikator} «{}»: {}",
            shown(kode),
            lang.pick("indikator", "indicator"),
            clip(nama, 40),
            lang.pick("tanpa target", "no target")
        ),
        Finding::FutureQuarter { kode, field } => {
            let what = match field {
                Field::Rp(_) => lang.pick("anggaran", "budget").to_string(),
                Field::Realisasi(i, _) => {
                    format!("{} {}", lang.pick("indikator", "indicator"), i + 1)
                }
                other => locale::field_label(*other, lang),
            };
            let quarter = field
                .quarter()
                .map_or_else(|| "—".into(), |q| q.to_string());
            format!(
                "{} {what}: {} TW {quarter} {}",
                shown(kode),
                lang.pick("angka diisi untuk", "figure entered for"),
                lang.pick("yang belum berjalan", "which has not started")
            )
        }
    }
}
