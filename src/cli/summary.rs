//! `kinerja summary`: per program, capaian kinerja and capaian anggaran, pagu / realisasi /
//! sisa, and the indicators by rating; then the totals.

use super::output::{clip, shown};
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{Quarter, Rating, Workspace};
use kinerja::report::{self, RatingCounts};
use kinerja::rules::BudgetFigures;
use std::io::Write;
use std::process::ExitCode;

pub fn run(out: &mut dyn Write, ws: &Workspace, q: Quarter, lang: Lang) -> Result<ExitCode> {
    let s = report::summary(ws, q);
    writeln!(
        out,
        "{} — {}, {}",
        lang.pick("Ringkasan kinerja", "Performance summary"),
        shown(&ws.instansi.nama),
        shown(&ws.instansi.kabupaten)
    )?;
    writeln!(
        out,
        "{} {}, {} {}",
        lang.pick("Tahun", "Year"),
        ws.tahun,
        lang.pick("s.d. triwulan", "up to quarter"),
        q
    )?;
    // Which quarters are verified: their figures no longer change.
    for line in locale::lock_lines(&ws.verifikasi, lang) {
        writeln!(out, "{}", shown(&line))?;
    }
    writeln!(out)?;
    for p in &s.programs {
        let head = format!("{:<7} {}", shown(&p.kode), clip(&p.nama, 72));
        let kinerja = Some(locale::percent_or_dash(p.capaian_kinerja));
        block(out, head, kinerja, &p.anggaran, &p.counts, lang)?;
    }
    let head = lang.pick(
        "Jumlah seluruh program dan indikator",
        "All programs and indicators",
    );
    block(out, head.into(), None, &s.anggaran, &s.counts, lang)?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("Merah (belum tercapai)", "Red (not achieved)"),
        s.counts.merah
    )?;
    Ok(ExitCode::SUCCESS)
}

/// One program (or the total): its head line, capaian, budget and counts.
fn block(
    out: &mut dyn Write,
    head: String,
    kinerja: Option<String>,
    anggaran: &BudgetFigures,
    counts: &RatingCounts,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(out, "{head}")?;
    let mut capaian = String::new();
    if let Some(k) = kinerja {
        capaian = format!("{} {k:<10}  ", lang.pick("Capaian kinerja", "Performance"));
    }
    writeln!(
        out,
        "{:8}{capaian}{} {}",
        "",
        lang.pick("Capaian anggaran", "Budget absorption"),
        locale::percent_or_dash(anggaran.capaian()),
    )?;
    // Kept within 80 columns for Rupiah up to the trillions.
    writeln!(
        out,
        "{:8}{} {} · {} {} · {} {}",
        "",
        lang.pick("Pagu", "Budget"),
        locale::rupiah_or_dash(anggaran.pagu),
        lang.pick("Realisasi", "Spent"),
        locale::rupiah_or_dash(anggaran.realisasi),
        lang.pick("Sisa", "Left"),
        locale::rupiah_or_dash(anggaran.sisa()),
    )?;
    writeln!(out, "{:8}{}", "", counts_line(counts, lang))?;
    writeln!(out)
}

/// "30 indikator: 27 Sangat Tinggi · 1 belum diisi · 2 merah" — only the counts that are not zero.
fn counts_line(c: &RatingCounts, lang: Lang) -> String {
    let mut parts: Vec<String> = Rating::ALL
        .iter()
        .filter(|r| c.get(**r) > 0)
        .map(|r| format!("{} {}", c.get(*r), lang.rating(*r)))
        .collect();
    let extra = [
        (c.belum_diisi, lang.pick("belum diisi", "not entered")),
        (c.tidak_dinilai, lang.pick("tidak dinilai", "not rated")),
        (c.merah, lang.pick("merah", "red")),
    ];
    parts.extend(
        extra
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, l)| format!("{n} {l}")),
    );
    format!(
        "{} {}: {}",
        c.total(),
        lang.pick("indikator", "indicators"),
        parts.join(" · ")
    )
}
