//! Saving a changed workspace from the command line: merged onto the file as it is now, under
//! its lock (`store::commit`); a figure someone else changed meanwhile is never overwritten —
//! it is reported and the command exits 3. Shared by every command that writes.

use super::figures;
use super::output::{Refused, shown};
use super::workspace::Opened;
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::Workspace;
use kinerja::store;
use std::io::Write;
use std::process::ExitCode;

/// Saves `ws`, the user's edit of `opened`. `Ok(None)` when saved (and said so), `Ok(Some(3))`
/// when someone else changed the same figures meanwhile (nothing written).
pub fn commit(
    out: &mut dyn Write,
    opened: &Opened,
    ws: &Workspace,
    lang: Lang,
) -> Result<Option<ExitCode>> {
    let user = store::journal::current_user();
    match store::commit(&opened.path, &opened.ws, opened.stamp, ws, &user) {
        Ok(_) => {}
        Err(store::CommitError::Conflicts(conflicts)) => {
            for c in &conflicts {
                eprintln!("kinerja: {}", conflict_text(c, lang));
            }
            return Ok(Some(ExitCode::from(3)));
        }
        Err(e) => return Err(Refused(e.message(lang)).into()),
    }
    writeln!(
        out,
        "{} {}",
        lang.pick("Tersimpan ke", "Saved to"),
        shown(&opened.path.display().to_string())
    )?;
    Ok(None)
}

/// "7.01.02.2.04.02 realisasi TW III: Anda 1.300, di berkas 1.250 (diubah oleh budi, …)"
fn conflict_text(c: &store::Conflict, lang: Lang) -> String {
    let kind = c.mine.field.figure_kind();
    let who =
        c.by.as_ref()
            .map(|e| {
                format!(
                    " ({} {}, {})",
                    lang.pick("diubah oleh", "changed by"),
                    shown(&e.pengguna),
                    shown(&e.waktu)
                )
            })
            .unwrap_or_default();
    format!(
        "{} {}: {} {}, {} {}{who} — {}",
        shown(&c.mine.kode),
        locale::field_label(c.mine.field, lang),
        lang.pick("Anda", "yours"),
        figures::show(kind, c.mine.new),
        lang.pick("di berkas", "on file"),
        figures::show(kind, c.theirs),
        lang.pick(
            "tidak ditimpa; muat ulang dan putuskan",
            "not overwritten; reload and decide"
        ),
    )
}
