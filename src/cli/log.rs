//! `kinerja log [KODE]`: the journal — every saved change, who, when, from what to what. Reads
//! only the journal beside the workspace, so it works when the workspace itself is broken.

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
    // A node's entries: those about its code, and the recode or move that gave it that code.
    let about = |e: &store::journal::Entry, k: &str| {
        e.kode == k
            || (matches!(e.kolom.as_str(), "kode" | "pindah") && e.baru_teks.as_deref() == Some(k))
    };
    let shown_entries: Vec<_> = entries
        .iter()
        .filter(|e| args.kode.as_deref().is_none_or(|k| about(e, k)))
        .collect();
    if shown_entries.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("Belum ada perubahan tercatat.", "No changes recorded yet.")
        )?;
    }
    for e in shown_entries {
        let what = if e.kolom == "pulih" {
            format!(
                "{} {}",
                lang.pick("dipulihkan dari cadangan", "restored from backup"),
                e.catatan.as_deref().unwrap_or("?")
            )
        } else {
            let what = match e.change() {
                Some(c) => locale::describe_change(&c, e.indikator, lang),
                // A column this build does not know (written by a newer one).
                None => format!("{} {}", e.kode, e.kolom),
            };
            match &e.catatan {
                Some(source) => format!("{what} [{source}]"),
                None => what,
            }
        };
        writeln!(
            out,
            "{}  {:<10} {}",
            shown(&e.waktu),
            shown(&e.pengguna),
            shown(&what)
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
