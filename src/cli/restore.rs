//! `kinerja restore [N]`: the kept versions, newest first; with `N`, that version back in
//! place (the current file, broken or not, is kept as a version first). Never reads the
//! current workspace, so it works when the file is broken, empty or gone.

use super::output::{Refused, shown};
use clap::Args;
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// Nomor versi dari daftar (1 = terbaru).
    nomor: Option<usize>,
}

pub fn run(out: &mut dyn Write, path: &Path, args: &RestoreArgs, lang: Lang) -> Result<ExitCode> {
    let list = store::versions::list(path).map_err(|e| Refused(e.to_string()))?;
    let Some(n) = args.nomor else {
        if list.is_empty() {
            writeln!(
                out,
                "{}",
                lang.pick("Belum ada versi cadangan.", "No backup versions yet.")
            )?;
        }
        for (i, v) in list.iter().enumerate() {
            writeln!(
                out,
                "{:>3}. {}  {} byte",
                i + 1,
                shown(&v.name),
                locale::fixed(rust_decimal::Decimal::from(v.len), 0)
            )?;
        }
        if !list.is_empty() {
            writeln!(
                out,
                "{}",
                lang.pick(
                    "Pulihkan dengan: kinerja restore NOMOR",
                    "Restore with: kinerja restore NUMBER"
                )
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let version = n.checked_sub(1).and_then(|i| list.get(i)).ok_or_else(|| {
        Refused(format!(
            "{} {n}; {} {}",
            lang.pick("tidak ada versi", "no version"),
            lang.pick("jumlah versi:", "versions:"),
            list.len()
        ))
    })?;
    store::restore(path, version, &store::journal::current_user())
        .map_err(|e| Refused(e.message(lang)))?;
    writeln!(
        out,
        "{} {} ({})",
        lang.pick("Dipulihkan dari", "Restored from"),
        shown(&version.name),
        lang.pick(
            "versi sebelumnya disimpan sebagai cadangan",
            "the previous version was kept as a backup"
        )
    )?;
    Ok(ExitCode::SUCCESS)
}
