//! The unsaved changes a session left when it ended without saving (a dropped SSH
//! connection, a killed terminal; issue 11): at the start the app looks for this user's
//! recovery file of the workspace and asks whether to re-apply them. Re-applied, they are
//! unsaved edits like any other (undoable), each measured from the figure the user saw then,
//! so a figure someone else has saved since is a conflict when saving — the normal merge asks.
//! Declined, the file is moved aside under a dated name, never deleted. A file kept by another
//! live session of the same user is left to it, and this session keeps none.

use super::{App, Mode};
use crate::store::recovery::{self, Recovery};
use std::path::Path;

/// Whether the process `pid` is known to run (another session of this user).
fn runs(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    ) && !zombie(pid.as_raw_nonzero().get())
}

/// Whether `pid` has ended but not been reaped yet (a session killed under a parent that has
/// not waited for it, as a terminal multiplexer keeping a dead pane): it answers signals, yet
/// keeps no recovery file any more. Linux's `/proc/PID/stat` state `Z`; elsewhere, never.
fn zombie(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        // The state follows the command's name in parentheses, which may hold anything.
        .and_then(|s| {
            s.rsplit_once(')')
                .map(|(_, rest)| rest.trim_start().starts_with('Z'))
        })
        .unwrap_or(false)
}

impl App {
    /// At the start: offers the recovery file's changes, or starts keeping one.
    pub(super) fn check_recovery(&mut self) {
        let Some(path) = self.session.path().map(Path::to_path_buf) else {
            return;
        };
        let lang = self.lang;
        match recovery::load(&path) {
            Ok(None) => self.session.recovery_on(),
            Ok(Some(found)) => {
                let own = found.pid == std::process::id();
                let elsewhere = if own {
                    crate::tui::session::recovery::live_here(&path)
                } else {
                    runs(found.pid)
                };
                if elsewhere {
                    self.session.recovery_off();
                    self.info(format!(
                        "{} (pid {}) {}",
                        lang.pick("Sesi kinerja Anda yang lain", "Another kinerja session of yours"),
                        found.pid,
                        lang.pick(
                            "membuka berkas ini dan menyimpan pemulihannya; sesi ini tidak menyimpan pemulihan.",
                            "has this file open and keeps its recovery file; this session keeps none."
                        )
                    ));
                } else if found.ops.is_empty() && found.changes.is_empty() {
                    self.session.recovery_on();
                } else {
                    self.mode = Mode::Recover(Box::new(found));
                }
            }
            // A link, someone else's file, a broken one: said, left as it is, and this
            // session keeps no recovery file over it.
            Err(e) => {
                self.session.recovery_off();
                self.error(format!(
                    "{}: {e}; {}",
                    recovery::path_for(&path).display(),
                    lang.pick(
                        "berkas pemulihan ditolak dan dibiarkan; sesi ini tidak menyimpan pemulihan",
                        "recovery file refused and left alone; this session keeps none"
                    )
                ));
            }
        }
    }

    /// Re-applies a recovery file's changes as unsaved edits, each undoable on its own; one
    /// that no longer applies stays unsaved (not on screen) and is asked about.
    pub(super) fn reapply(&mut self, found: Recovery) {
        let lang = self.lang;
        // A file written before changes of every kind were kept holds figure operations.
        let mut changes = crate::model::Change::from_ops(self.session.ws(), found.ops);
        changes.extend(found.changes);
        self.session.recovery_on();
        let (done, r) = self.session.restore(changes);
        let applied = done.len();
        for d in done {
            self.history.record(vec![d]);
        }
        self.session.take_reshaped();
        self.tree.open_upper_levels(&self.session);
        let mut text = format!(
            "{applied} {}",
            lang.pick(
                "perubahan dipulihkan (belum disimpan; s menyimpan)",
                "change(s) re-applied (unsaved; s saves)"
            )
        );
        if r.clashing > 0 {
            text.push_str(&format!(
                "; {} {}",
                r.clashing,
                lang.pick(
                    "juga diubah orang lain sejak itu: saat menyimpan Anda akan ditanya",
                    "also changed by someone else since: saving will ask"
                )
            ));
        }
        if r.already > 0 {
            text.push_str(&format!(
                "; {} {}",
                r.already,
                lang.pick("sudah ada di berkas", "already in the file")
            ));
        }
        if !r.refused.is_empty() {
            text.push_str(&format!(
                "; {} {}",
                r.refused.len(),
                lang.pick(
                    "tidak lagi cocok dengan berkas: pilih untuk tiap perubahan",
                    "no longer fit the file: choose for each"
                )
            ));
            let list = r
                .refused
                .into_iter()
                .enumerate()
                .map(|(index, (seq, change, why))| {
                    (
                        crate::store::Conflict::Change(Box::new(crate::store::ChangeConflict {
                            index,
                            change,
                            why,
                            by: None,
                        })),
                        Some(seq),
                    )
                })
                .collect();
            self.conflicts_waiting = crate::tui::overlay::Conflicts::new(list, false);
        }
        self.info(text);
    }

    /// Declined: the recovery file is moved aside, kept.
    pub(super) fn set_aside(&mut self) {
        let lang = self.lang;
        match self.session.path().map(recovery::set_aside) {
            Some(Ok(Some(path))) => {
                self.session.recovery_on();
                self.info(format!(
                    "{} {}",
                    lang.pick(
                        "Tidak diterapkan; berkasnya disimpan di",
                        "Not applied; the file is kept in"
                    ),
                    path.display()
                ));
            }
            Some(Ok(None)) | None => self.session.recovery_on(),
            Some(Err(e)) => {
                self.session.recovery_off();
                self.error(format!(
                    "{}: {e}; {}",
                    lang.pick(
                        "berkas pemulihan tidak dapat dipindah",
                        "the recovery file cannot be moved"
                    ),
                    lang.pick(
                        "dibiarkan, dan sesi ini tidak menyimpan pemulihan",
                        "left alone, and this session keeps none"
                    )
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{runs, zombie};

    #[test]
    fn an_ended_process_not_yet_reaped_keeps_no_recovery_file() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        // Not waited for: once it has ended it stays a zombie until `wait`.
        let start = std::time::Instant::now();
        while !zombie(pid as i32) {
            assert!(start.elapsed().as_secs() < 10, "never a zombie");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(!runs(pid), "a zombie is not a live session");
        child.wait().unwrap();
        assert!(!runs(pid));
        assert!(runs(std::process::id()), "this process runs");
    }
}
