//! `kinerja log [KODE]`: the journal — every saved change, who, when, from what to what. Reads
//! only the journal beside the workspace, so it works when the workspace itself is broken.

use super::figures;
use super::output::{Refused, shown};
use clap::Args;
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct LogArgs {
    /// Hanya perubahan node ini.
    kode: Option<String>,
}

pub fn run(out: &mut dyn Write, path: &Path, args: &LogArgs, lang: Lang) -> Result<ExitCode> {
    let (entries, bad) = store::journal::read(path)
        .map_err(|e| Refused(format!("{}: {e}", store::journal::path_for(path).display())))?;
    let shown_entries: Vec<_> = entries
        .iter()
        .filter(|e| args.kode.as_deref().is_none_or(|k| e.kode == k))
        .collect();
    if shown_entries.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("Belum ada perubahan tercatat.", "No changes recorded yet.")
        )?;
    }
    for e in shown_entries {
        let what = match e.field() {
            Some(f) => {
                let kind = f.figure_kind();
                let ind = e
                    .indikator
                    .map(|i| format!(" {} {i}", lang.pick("indikator", "indicator")))
                    .unwrap_or_default();
                format!(
                    "{}{ind} {}: {} → {}",
                    shown(&e.kode),
                    locale::field_label(f, lang),
                    figures::show(kind, e.lama),
                    figures::show(kind, e.baru)
                )
            }
            None => format!(
                "{} {}",
                lang.pick("dipulihkan dari cadangan", "restored from backup"),
                shown(e.catatan.as_deref().unwrap_or("?"))
            ),
        };
        writeln!(
            out,
            "{}  {:<10} {what}",
            shown(&e.waktu),
            shown(&e.pengguna)
        )?;
    }
    if bad > 0 {
        writeln!(
            out,
            "({bad} {})",
            lang.pick("baris jurnal tidak terbaca", "unreadable journal lines")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
