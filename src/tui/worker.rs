//! The file work the keys must not wait for, on a thread of its own: saving (with its wait for
//! another user's lock), exporting, reading another user's save, reading the journal. Jobs run
//! one at a time in the order given; each ends with one report back through a channel (a save
//! also reports while it waits for the lock). The event loop looks at the channel between keys.
//!
//! Owns the thread and its two channels. The base workspace (the file as last saved) travels
//! with a save or an export and always comes back in its report; nothing is cloned to send it.

use super::session::Index;
use crate::export;
use crate::locale::Lang;
use crate::model::{Change, Quarter, Workspace};
use crate::store::{self, CommitError, Committed, Stamp, journal::Entry};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant};

/// How long one attempt at the lock lasts before the save reports that it is still waiting.
const LOCK_POLL: Duration = Duration::from_secs(1);

/// The thread's name: the panic hook leaves the terminal alone for a panic there (the job
/// reports it instead).
pub const THREAD_NAME: &str = "kinerja-worker";

/// What the indexes of a workspace built off the key path are to hold: the quarter, and
/// whether the dashboard's figures are kept.
pub type IndexFor = (Quarter, bool);

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Product {
    /// The LKjIP tables (`x`; `kinerja export`).
    Tables,
    /// The meeting pack, bahan rapat (`X`; `kinerja export --pack rapat`).
    MeetingPack,
}

pub enum Job {
    /// Saves `changes` onto the file (see `store::commit_changes`), waiting as long as it
    /// takes for the lock unless cancelled.
    Save {
        path: PathBuf,
        base: Workspace,
        stamp: Stamp,
        changes: Vec<Change>,
        /// Where each change came from, for the journal (`import FILE`; `None`: typed).
        sources: Vec<Option<Arc<str>>>,
        user: String,
        index_for: IndexFor,
    },
    /// Writes the LKjIP tables or the meeting pack of `base` with `changes` (the unsaved
    /// ones, as on screen) put in for the time of the export, into a new dated file of
    /// `format` in `dir`.
    Export {
        base: Workspace,
        changes: Vec<Change>,
        dir: PathBuf,
        product: Product,
        format: export::Format,
        quarter: Quarter,
        lang: Lang,
    },
    /// Reads the file again (another user saved); `known` is the stamp of the bytes held now.
    Reload {
        path: PathBuf,
        known: Option<Stamp>,
        index_for: IndexFor,
    },
    /// The journal's entries for one node, newest first.
    Journal { path: PathBuf, kode: String },
}

/// A file read or merged off the key path, ready to be shown: a copy of it to put the user's
/// unsaved changes on, and the copy's indexes.
pub struct Fresh {
    pub ws: Workspace,
    pub index: Index,
}

impl Fresh {
    fn of(base: &Workspace, (quarter, dashboard): IndexFor) -> Box<Fresh> {
        let ws = base.clone();
        let index = Index::build(&ws, quarter, dashboard);
        Box::new(Fresh { ws, index })
    }
}

pub enum SaveResult {
    Done(Result<Committed, CommitError>),
    /// The user stopped waiting for the lock; nothing was written.
    Cancelled,
    /// The save failed inside (a bug); nothing is known to be written.
    Panicked,
}

pub enum Reload {
    /// Same bytes as held (only the file's identity changed).
    Unchanged(Stamp),
    Changed {
        base: Box<Workspace>,
        fresh: Box<Fresh>,
        stamp: Stamp,
    },
    /// The file changed but cannot be read or is not a valid workspace now.
    Unreadable,
}

pub enum Report {
    /// A save is waiting for the lock: who holds it (as the lock file says) and since when.
    Waiting {
        holder: String,
        waited: Duration,
    },
    Saved {
        base: Workspace,
        result: SaveResult,
        /// When another user's save was merged in: the merged file to show.
        fresh: Option<Box<Fresh>>,
    },
    Exported {
        base: Workspace,
        product: Product,
        result: Result<PathBuf, String>,
        /// How many unsaved changes the export holds.
        unsaved: usize,
    },
    Reloaded(Reload),
    Journal {
        kode: String,
        result: Result<Vec<Entry>, String>,
    },
    /// The thread is gone with jobs unfinished (a bug).
    Died,
}

impl Report {
    /// Whether this report ends a job.
    fn ends_job(&self) -> bool {
        !matches!(self, Report::Waiting { .. })
    }
}

/// The handle the session holds. The thread starts with the first job and ends when the
/// handle is dropped.
#[derive(Default)]
pub struct Worker {
    channel: Option<(Sender<Job>, Receiver<Report>)>,
    cancel: Arc<AtomicBool>,
    in_flight: usize,
}

impl Worker {
    pub fn send(&mut self, job: Job) {
        let (jobs, _) = self.channel.get_or_insert_with(|| {
            let (jobs, job_rx) = mpsc::channel();
            let (report_tx, reports) = mpsc::channel();
            let cancel = self.cancel.clone();
            std::thread::Builder::new()
                .name(THREAD_NAME.into())
                .spawn(move || run(job_rx, report_tx, cancel))
                .expect("a thread for the worker");
            (jobs, reports)
        });
        if jobs.send(job).is_ok() {
            self.in_flight += 1;
        }
    }

    /// Whether a job has not reported its end yet.
    pub fn busy(&self) -> bool {
        self.in_flight > 0
    }

    /// Stops a save that waits for the lock (at its next attempt); a save that holds the lock
    /// goes on to the end.
    pub fn cancel_save(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// The next report: waiting up to `wait` for one when given, else only if one is there.
    pub fn next(&mut self, wait: Option<Duration>) -> Option<Report> {
        let (_, reports) = self.channel.as_ref()?;
        if self.in_flight == 0 {
            return None;
        }
        let got = match wait {
            Some(d) => reports
                .recv_timeout(d)
                .map_err(|e| e == RecvTimeoutError::Disconnected),
            None => reports
                .try_recv()
                .map_err(|e| e == TryRecvError::Disconnected),
        };
        match got {
            Ok(report) => {
                if report.ends_job() {
                    self.in_flight -= 1;
                }
                Some(report)
            }
            Err(true) => {
                self.in_flight = 0;
                self.channel = None;
                Some(Report::Died)
            }
            Err(false) => None,
        }
    }
}

fn run(jobs: Receiver<Job>, reports: Sender<Report>, cancel: Arc<AtomicBool>) {
    for job in jobs {
        let report = match job {
            Job::Save {
                path,
                base,
                stamp,
                changes,
                sources,
                user,
                index_for,
            } => {
                cancel.store(false, Ordering::SeqCst);
                let sources: Vec<Option<&str>> = sources.iter().map(|s| s.as_deref()).collect();
                save(
                    &path, base, stamp, &changes, &sources, &user, index_for, &reports, &cancel,
                )
            }
            Job::Export {
                base,
                changes,
                dir,
                product,
                format,
                quarter,
                lang,
            } => export(base, &changes, &dir, product, format, quarter, lang),
            Job::Reload {
                path,
                known,
                index_for,
            } => Report::Reloaded(
                catch_unwind(|| reload(&path, known, index_for)).unwrap_or(Reload::Unreadable),
            ),
            Job::Journal { path, kode } => {
                let result = catch_unwind(|| journal(&path, &kode))
                    .unwrap_or_else(|_| Err("internal error".into()));
                Report::Journal { kode, result }
            }
        };
        if reports.send(report).is_err() {
            return;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn save(
    path: &std::path::Path,
    mut base: Workspace,
    stamp: Stamp,
    changes: &[Change],
    sources: &[Option<&str>],
    user: &str,
    index_for: IndexFor,
    reports: &Sender<Report>,
    cancel: &AtomicBool,
) -> Report {
    let start = Instant::now();
    // The first attempt does not wait, so that a held lock is on screen at once.
    let mut wait = Duration::ZERO;
    let result = loop {
        let attempt = catch_unwind(AssertUnwindSafe(|| {
            store::commit_changes_sourced(
                path,
                &mut base,
                stamp,
                changes.to_vec(),
                user,
                wait,
                sources,
            )
        }));
        match attempt {
            Ok(Err(CommitError::Busy { holder })) => {
                if cancel.swap(false, Ordering::SeqCst) {
                    break SaveResult::Cancelled;
                }
                let waited = start.elapsed();
                if reports.send(Report::Waiting { holder, waited }).is_err() {
                    break SaveResult::Cancelled;
                }
                wait = LOCK_POLL;
            }
            Ok(done) => break SaveResult::Done(done),
            Err(_) => break SaveResult::Panicked,
        }
    };
    // Another user's save came in: what the user is to see now is the merged file, copied
    // and indexed here rather than on the key path.
    let merged = matches!(&result, SaveResult::Done(Ok(done)) if done.merged);
    // (Should copying panic, the session reads the file again instead.)
    let fresh = merged
        .then(|| catch_unwind(AssertUnwindSafe(|| Fresh::of(&base, index_for))).ok())
        .flatten();
    Report::Saved {
        base,
        result,
        fresh,
    }
}

/// Puts the unsaved changes onto `base`, writes the export, and takes them off again (newest
/// first, so `base` ends exactly as it was).
fn export(
    mut base: Workspace,
    changes: &[Change],
    dir: &std::path::Path,
    product: Product,
    format: export::Format,
    quarter: Quarter,
    lang: Lang,
) -> Report {
    let applied = super::session::replay::put_on(&mut base, changes);
    let result = catch_unwind(AssertUnwindSafe(|| {
        let today = export::today();
        let name = match product {
            Product::Tables => export::default_file_name(&base, quarter, format, today),
            Product::MeetingPack => export::default_pack_file_name(&base, quarter, format, today),
        };
        let path = unused_path(dir, &name).ok_or_else(|| {
            format!(
                "{}: {}",
                dir.join(&name).display(),
                lang.pick(
                    "sudah ada 99 ekspor bernama sama hari ini",
                    "99 exports of that name exist today"
                )
            )
        })?;
        let written = match product {
            Product::Tables => {
                let req = export::Request {
                    ws: &base,
                    quarter,
                    lang,
                    format,
                    table: None,
                };
                export::write(&req, &path).map(|_| path)
            }
            Product::MeetingPack => export::write_pack(&base, quarter, lang, format, &path),
        };
        written.map_err(|e| e.message(lang))
    }))
    .unwrap_or_else(|_| Err(lang.pick("kesalahan internal", "internal error").into()));
    super::session::replay::take_off(&mut base, applied);
    Report::Exported {
        base,
        product,
        result,
        unsaved: changes.len(),
    }
}

/// `name` in `dir`, or when that is taken (a file, a folder or a link) `name-2`, `name-3`, …
/// before its extension: an export never replaces an earlier one.
pub fn unused_path(dir: &std::path::Path, name: &str) -> Option<PathBuf> {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    (1..=99).find_map(|n| {
        let candidate = if n == 1 {
            dir.join(name)
        } else {
            dir.join(format!("{stem}-{n}{ext}"))
        };
        // A dangling link is taken too: symlink_metadata looks at the name, not its target.
        std::fs::symlink_metadata(&candidate)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
            .then_some(candidate)
    })
}

fn reload(path: &std::path::Path, known: Option<Stamp>, index_for: IndexFor) -> Reload {
    let Ok((base, stamp)) = store::reload_stamped(path) else {
        return Reload::Unreadable;
    };
    if known.is_some_and(|k| k.same_bytes(&stamp)) {
        return Reload::Unchanged(stamp);
    }
    let fresh = Fresh::of(&base, index_for);
    Reload::Changed {
        base: Box::new(base),
        fresh,
        stamp,
    }
}

fn journal(path: &std::path::Path, kode: &str) -> Result<Vec<Entry>, String> {
    match store::journal::read(path) {
        Ok((entries, _)) => {
            let mut mine: Vec<Entry> = entries.into_iter().filter(|e| e.kode == kode).collect();
            mine.reverse();
            Ok(mine)
        }
        Err(e) => Err(format!("{}: {e}", store::journal::path_for(path).display())),
    }
}
