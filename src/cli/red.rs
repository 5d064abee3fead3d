//! `kinerja red`: the red indicators (below the threshold of what is due), worst first, with
//! the officer responsible and, under each, its latest explanation (faktor penghambat, tindak
//! lanjut, the quarter it was given for) and how much evidence there is; then the ones due but
//! not entered; then, apart, every one of them nobody has explained yet ("belum ada
//! penjelasan"), the first thing to fix before the meeting; then the money spent beyond a
//! pagu. Exit status 1 when any indicator is red or any pagu is overspent.

use super::note::follow_up;
use super::output::{clip, shown, shown_lines};
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{Quarter, Workspace};
use kinerja::report::{self, IndicatorRow};
use kinerja::rules::{OverPagu, Status};
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
            explanation(out, ws, row, lang)?;
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
            explanation(out, ws, row, lang)?;
        }
    }
    let unexplained: Vec<&IndicatorRow> = list.unexplained().collect();
    if !unexplained.is_empty() {
        writeln!(
            out,
            "\n{} ({}: `kinerja note KODE --tw {} --penghambat … --tindak-lanjut …`):",
            lang.pick(
                "Belum ada penjelasan — isi sebelum rapat",
                "No explanation yet — fill in before the meeting"
            ),
            lang.pick("isi dengan", "fill in with"),
            q.number()
        )?;
        for row in unexplained {
            let why = match row.status {
                Status::BelumDiisi => lang.pick("belum diisi", "not entered").to_string(),
                s => format!(
                    "{} {}",
                    lang.pick("merah", "red"),
                    locale::percent_or_dash(s.capaian())
                ),
            };
            writeln!(
                out,
                "  - {} · {} ({why})",
                shown(&row.at.kode),
                clip(&row.indikator, 56)
            )?;
        }
    }
    if !list.melebihi_pagu.is_empty() {
        writeln!(
            out,
            "\n{} {}:",
            lang.pick("Anggaran melebihi pagu", "Spending over the pagu"),
            locale::to_quarter(q, lang)
        )?;
        for o in &list.melebihi_pagu {
            over_pagu(out, o, lang)?;
        }
    }
    Ok(if list.merah.is_empty() && list.melebihi_pagu.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Under an indicator: its latest penghambat and tindak lanjut with the quarter they were
/// given for, what is due of the tindak lanjut, and the evidence count — or "belum ada
/// penjelasan".
fn explanation(
    out: &mut dyn Write,
    ws: &Workspace,
    row: &IndicatorRow,
    lang: Lang,
) -> std::io::Result<()> {
    let Some((at, e)) = &row.penjelasan else {
        return writeln!(
            out,
            "    ! {}",
            lang.pick("belum ada penjelasan", "no explanation yet")
        );
    };
    let at = locale::quarter(*at, lang);
    for (label, text) in [
        (lang.pick("penghambat", "obstacles"), &e.penghambat),
        (lang.pick("tindak lanjut", "follow-up"), &e.tindak_lanjut),
    ] {
        if text.is_empty() {
            continue;
        }
        let lead = format!("    {label} ({at}): ");
        let width = lead.chars().count();
        writeln!(out, "{lead}{}", shown_lines(text, width))?;
    }
    if let Some(follow) = follow_up(ws, e, lang) {
        writeln!(out, "    {follow}")?;
    }
    writeln!(
        out,
        "    {}: {}",
        lang.pick("bukti dukung", "evidence"),
        if row.bukti == 0 {
            lang.pick("belum ada", "none yet").to_string()
        } else {
            row.bukti.to_string()
        }
    )
}

/// "7.01.02.2.04.02 · Pelaksanaan …: Rp 50.527.500 dari pagu Rp 25.000.000 (202,11 %), lebih
/// Rp 25.527.500".
fn over_pagu(out: &mut dyn Write, o: &OverPagu, lang: Lang) -> std::io::Result<()> {
    let kode = report::order::shown_kode(o.jenis, &o.kode);
    let name = if kode.is_empty() {
        clip(&o.nama, 60)
    } else {
        format!("{} · {}", shown(kode), clip(&o.nama, 48))
    };
    let of = match o.pagu {
        Some(p) => format!(
            "{} {} ({})",
            lang.pick("dari pagu", "of a pagu of"),
            locale::rupiah(p),
            locale::percent_or_dash(o.persen())
        ),
        None => lang
            .pick("tanpa pagu tercatat", "with no pagu recorded")
            .to_string(),
    };
    writeln!(out, "  - {name}")?;
    writeln!(
        out,
        "    {} {} {of} · {} {}",
        lang.pick("realisasi", "spent"),
        locale::rupiah(o.realisasi),
        lang.pick("lebih", "over by"),
        locale::rupiah(o.lebih())
    )
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
