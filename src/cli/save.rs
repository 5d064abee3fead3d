//! Saving changes from the command line: each change checked against the rules
//! (`rules::change::check`, one after the other), then merged onto the file as it is now,
//! under its lock (`store::commit_changes`); a change someone else's save meanwhile refuses —
//! a figure they also changed, a node they removed — is never overwritten or dropped: it is
//! reported and the command exits 3. Shared by every command that writes.

use super::output::{Refused, shown};
use super::workspace::Opened;
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{Change, Workspace, change};
use kinerja::rules;
use kinerja::store;
use std::io::Write;
use std::process::ExitCode;

/// `changes` applied one after the other to a copy of `ws`, each first checked against the
/// rules: the workspace they give, or the first refusal as one line (nothing is written).
pub fn check(ws: &Workspace, changes: &[Change], lang: Lang) -> Result<Workspace, Refused> {
    let mut after = ws.clone();
    for c in changes {
        rules::change::check(&after, c).map_err(|o| Refused(locale::objection(&o, lang)))?;
        change::apply(&mut after, c).map_err(|r| Refused(locale::refusal(&r, lang)))?;
    }
    Ok(after)
}

/// Saves `changes` (already checked) made on `opened`, with `source` in the journal. `Ok(None)`
/// when saved (and said so), `Ok(Some(3))` when someone else's save meanwhile refuses some of
/// them (nothing written; each said on standard error).
pub fn commit(
    out: &mut dyn Write,
    opened: &Opened,
    changes: Vec<Change>,
    source: Option<&str>,
    lang: Lang,
) -> Result<Option<ExitCode>> {
    let user = store::journal::current_user();
    let mut base = opened.ws.clone();
    match store::commit_changes(
        &opened.path,
        &mut base,
        opened.stamp,
        changes,
        &user,
        store::LOCK_WAIT,
        source,
    ) {
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

/// "7.01.02.2.04.02 realisasi TW III: Anda 1.300, di berkas 1.250 (diubah oleh budi, …) —
/// tidak ditimpa; muat ulang dan putuskan"
fn conflict_text(c: &store::Conflict, lang: Lang) -> String {
    format!(
        "{} — {}",
        shown(&c.message(lang)),
        lang.pick(
            "tidak ditimpa; muat ulang dan putuskan",
            "not overwritten; reload and decide"
        ),
    )
}

/// Checks `changes` against the rules and saves them: the workspace as the changes leave the
/// user's copy (to print from), or the exit status to end with — 3 for a conflict (said on
/// standard error), 0 when the changes change nothing (said, and nothing written).
pub fn check_and_commit(
    out: &mut dyn Write,
    opened: &Opened,
    changes: Vec<Change>,
    source: Option<&str>,
    lang: Lang,
) -> Result<Result<Workspace, ExitCode>> {
    let after = check(&opened.ws, &changes, lang)?;
    if after == opened.ws {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Tidak ada perubahan; berkas tidak ditulis.",
                "Nothing changed; file not written."
            )
        )?;
        return Ok(Err(ExitCode::SUCCESS));
    }
    Ok(match commit(out, opened, changes, source, lang)? {
        Some(code) => Err(code),
        None => Ok(after),
    })
}
