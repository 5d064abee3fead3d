//! `kinerja lock --tw Q` and `kinerja unlock --tw Q --reason TEXT`: a quarter's figures marked
//! as verified — by the OS user the journal records, now — and closed to edits (its
//! realisations, plans, Rupiah and explanations: `model::note`); opened again with a reason,
//! which the journal keeps. Both are changes like any other: merged onto the file as it is
//! (someone else's lock or unlock meanwhile is a conflict), journaled.

use super::output::shown;
use super::save;
use super::workspace::Opened;
use clap::Args;
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{Change, Quarter, Verification};
use kinerja::store;
use std::io::Write;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct LockArgs {
    /// Triwulan 1–4 yang angkanya sudah diverifikasi.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: u8,
}

#[derive(Args, Debug)]
pub struct UnlockArgs {
    /// Triwulan 1–4 yang dibuka kembali.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: u8,
    /// Mengapa dibuka kembali (dicatat di jurnal).
    #[arg(long, value_name = "TEKS")]
    reason: String,
}

pub fn lock(out: &mut dyn Write, opened: &Opened, args: &LockArgs, lang: Lang) -> Result<ExitCode> {
    let q = Quarter::new(args.tw).expect("clap keeps --tw within 1–4");
    if let Some(by) = &opened.ws.verifikasi[q.index()] {
        writeln!(
            out,
            "{} {} {}; {}",
            locale::quarter(q, lang),
            lang.pick("sudah terkunci:", "is already locked:"),
            shown(&locale::verified_by(by, lang)),
            lang.pick("berkas tidak ditulis.", "file not written.")
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let by = Verification {
        oleh: store::journal::current_user(),
        waktu: kinerja::time::rfc3339(kinerja::time::now().0),
    };
    let change = Change::lock(&opened.ws, q, by.clone());
    if let Err(code) = save::check_and_commit(out, opened, vec![change], None, lang)? {
        return Ok(code);
    }
    writeln!(
        out,
        "{} {} {}",
        locale::quarter(q, lang),
        lang.pick("dikunci (diverifikasi) oleh", "locked (verified) by"),
        shown(&locale::verified_by(&by, lang))
    )?;
    writeln!(
        out,
        "{}",
        lang.pick(
            "Realisasi, rencana, Rp dan penjelasan triwulan ini tidak dapat diubah sampai dibuka dengan `kinerja unlock`.",
            "This quarter's realisations, plans, Rupiah and explanations cannot change until opened with `kinerja unlock`."
        )
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn unlock(
    out: &mut dyn Write,
    opened: &Opened,
    args: &UnlockArgs,
    lang: Lang,
) -> Result<ExitCode> {
    let q = Quarter::new(args.tw).expect("clap keeps --tw within 1–4");
    let Some(was) = opened.ws.verifikasi[q.index()].clone() else {
        writeln!(
            out,
            "{} {}; {}",
            locale::quarter(q, lang),
            lang.pick("tidak terkunci", "is not locked"),
            lang.pick("berkas tidak ditulis.", "file not written.")
        )?;
        return Ok(ExitCode::SUCCESS);
    };
    let reason = args.reason.trim();
    let change = Change::unlock(&opened.ws, q, reason);
    if let Err(code) = save::check_and_commit(out, opened, vec![change], None, lang)? {
        return Ok(code);
    }
    writeln!(
        out,
        "{} {} ({} {}); {}: {}",
        locale::quarter(q, lang),
        lang.pick("dibuka kembali", "opened again"),
        lang.pick("kunci", "lock of"),
        shown(&locale::verified_by(&was, lang)),
        lang.pick("alasan", "reason"),
        shown(reason)
    )?;
    Ok(ExitCode::SUCCESS)
}
