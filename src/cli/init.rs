//! `kinerja init`: a new, empty workspace for one body and year — or, with `--from`, with
//! another workspace's tree, indicators, officers and Renstra targets but none of its figures
//! (`model::init`, `model::init_from`). It never writes over anything: an existing file or a
//! link at the path is refused, and the new file is given its name only if the name is free
//! (`store::create_new`).

use super::output::{Refused, shown};
use clap::Args;
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{self, Periode, Workspace};
use kinerja::rules::text::{self, TextKind};
use kinerja::rules::year;
use kinerja::store::{self, StoreError};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Nama instansi (OPD), mis. "Kecamatan Sooko".
    #[arg(long, value_name = "NAMA")]
    instansi: String,
    /// Nama kabupaten/kota, mis. "Kabupaten Mojokerto".
    #[arg(long, value_name = "NAMA")]
    kabupaten: String,
    /// Tahun pelaporan (tahun anggaran).
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(2000..=2100))]
    tahun: i32,
    /// Periode Renstra, mis. 2021-2026 (bawaan: periode lima tahun nasional yang memuat
    /// --tahun; dengan --from: periode workspace itu).
    #[arg(long, value_name = "AWAL-AKHIR")]
    renstra: Option<String>,
    /// Salin pohon, indikator, pejabat, baris PK dan target Renstra workspace lain, tanpa
    /// satu pun angkanya.
    #[arg(long, value_name = "OTHER.json")]
    from: Option<PathBuf>,
}

/// `2021-2026` (or with an en dash) as a period; the first year not after the last.
fn period(text: &str, lang: Lang) -> Result<Periode, Refused> {
    let bad = || {
        Refused(format!(
            "--renstra «{}»: {}",
            shown(text),
            lang.pick(
                "tulis tahun awal dan akhir, mis. 2021-2026",
                "write the first and last year, e.g. 2021-2026"
            )
        ))
    };
    let (a, b) = text.trim().split_once(['-', '–']).ok_or_else(bad)?;
    let year = |s: &str| {
        s.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
    };
    let (awal, akhir) = (year(a).ok_or_else(bad)?, year(b).ok_or_else(bad)?);
    if awal > akhir || akhir - awal > 10 {
        return Err(bad());
    }
    Ok(Periode { awal, akhir })
}

/// A name typed on the command line: trimmed, then held to the name rules.
pub fn name(text: &str, what: &str, lang: Lang) -> Result<String, Refused> {
    let t = text::clean(text);
    text::check(TextKind::Nama, t).map_err(|why| {
        Refused(format!(
            "{what}: {}",
            locale::text_error(TextKind::Nama, why, lang)
        ))
    })?;
    Ok(t.to_string())
}

/// Refuses a path where something already is (a file, a folder, a link even to nothing).
pub fn refuse_existing(path: &Path, lang: Lang) -> Result<(), Refused> {
    match std::fs::symlink_metadata(path) {
        Ok(m) => Err(Refused(format!(
            "{}: {}",
            shown(&path.display().to_string()),
            if m.file_type().is_symlink() {
                lang.pick(
                    "sudah ada sebagai tautan; tidak ditimpa — pilih nama lain",
                    "already exists as a link; not overwritten — choose another name",
                )
            } else {
                lang.pick(
                    "sudah ada; tidak ditimpa — pilih nama lain",
                    "already exists; not overwritten — choose another name",
                )
            }
        ))),
        Err(_) => Ok(()),
    }
}

/// Writes a new workspace where nothing is, saying so in one line when something is.
pub fn create(path: &Path, ws: &Workspace, lang: Lang) -> Result<(), Refused> {
    refuse_existing(path, lang)?;
    store::create_new(path, ws).map_err(|e| match &e {
        // Taken between the look and the write.
        StoreError::Write { source, .. } if source.kind() == ErrorKind::AlreadyExists => {
            refuse_existing(path, lang)
                .err()
                .unwrap_or_else(|| Refused(e.message(lang)))
        }
        _ => Refused(e.message(lang)),
    })
}

pub fn run(
    out: &mut dyn Write,
    given: Option<&Path>,
    args: &InitArgs,
    lang: Lang,
) -> Result<ExitCode> {
    let path = match given {
        Some(p) => p.to_path_buf(),
        None => {
            let p = super::workspace::default_path(lang)?;
            if let Some(dir) = p.parent() {
                std::fs::create_dir_all(dir)?;
            }
            p
        }
    };
    refuse_existing(&path, lang)?;
    let instansi = name(&args.instansi, "--instansi", lang)?;
    let kabupaten = name(&args.kabupaten, "--kabupaten", lang)?;
    let periode = args
        .renstra
        .as_deref()
        .map(|r| period(r, lang))
        .transpose()?;
    let ws = match &args.from {
        Some(from) => {
            let other = store::load(from).map_err(|e| Refused(e.message(lang)))?;
            model::init_from(&other, &instansi, &kabupaten, args.tahun, periode)
        }
        None => model::init(
            &instansi,
            &kabupaten,
            args.tahun,
            periode.unwrap_or_else(|| year::renstra_period(args.tahun)),
        ),
    };
    create(&path, &ws, lang)?;
    let p = ws.periode_renstra;
    writeln!(
        out,
        "{} {}\n{}, {} · {} {} · Renstra {}–{}",
        lang.pick("Workspace baru:", "New workspace:"),
        shown(&path.display().to_string()),
        shown(&ws.instansi.nama),
        shown(&ws.instansi.kabupaten),
        lang.pick("tahun", "year"),
        ws.tahun,
        p.awal,
        p.akhir
    )?;
    if let Some(from) = &args.from {
        let nodes = ws.nodes().count();
        let indicators: usize = ws.nodes().map(|n| n.indikator.len()).sum();
        writeln!(
            out,
            "{} {}: {nodes} node, {indicators} {}, {} {}, {} {} ({})",
            lang.pick("Disalin dari", "Copied from"),
            shown(&from.display().to_string()),
            lang.pick("indikator", "indicators"),
            ws.pejabat.len(),
            lang.pick("pejabat", "officers"),
            ws.pk.len(),
            lang.pick("baris PK", "PK lines"),
            lang.pick("tanpa angka", "without figures")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
