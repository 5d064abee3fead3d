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
        // Which version holds what the file holds now (restoring it changes nothing), and
        // which were kept from a file that did not load (they cannot be restored).
        let current = store::versions::current_tag(path);
        for (i, v) in list.iter().enumerate() {
            writeln!(
                out,
                "{:>3}. {}  {} byte{}",
                i + 1,
                shown(&v.name),
                locale::fixed(rust_decimal::Decimal::from(v.len), 0),
                version_notes(v, current.as_deref(), lang)
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
    if version.rusak {
        return Err(Refused(format!(
            "{} {n} {}",
            lang.pick("versi", "version"),
            lang.pick(
                "rusak: disimpan dari berkas yang tidak dapat dimuat; pilih versi lain (kinerja restore)",
                "is broken: kept from a file that did not load; choose another (kinerja restore)"
            )
        ))
        .into());
    }
    let undone = store::restore(path, version, &store::journal::current_user())
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
    // A quarter opened again (or locked) by going back: said, as the journal says it.
    for c in &undone {
        writeln!(out, "  {}", shown(&locale::describe_change(c, None, lang)))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What the listing says beside a version: `  = berkas sekarang`, `  rusak (…)`, `  waktu di
/// masa depan`.
fn version_notes(v: &store::versions::Version, current: Option<&str>, lang: Lang) -> String {
    let mut notes = String::new();
    if current.is_some() && v.tag.as_deref() == current {
        notes.push_str(lang.pick("  = berkas sekarang", "  = the current file"));
    }
    if v.rusak {
        notes.push_str(lang.pick(
            "  rusak (dari berkas yang tidak dapat dimuat; tidak dapat dipulihkan)",
            "  broken (from a file that did not load; cannot be restored)",
        ));
    }
    if v.future {
        notes.push_str(lang.pick(
            "  waktu di masa depan (jam salah?)",
            "  dated in the future (wrong clock?)",
        ));
    }
    notes
}
