//! The recovery file kept current off the key path (issue 11): after each change of the
//! unsaved changes the session hands their latest state here, and a thread of its own writes
//! it (`store::recovery::save_changes`: every kind of change — figures, names, nodes added or
//! removed — in a temporary file, fsync, rename) — or removes the file when
//! nothing is unsaved. States handed over while a write is under way replace each other: only
//! the newest is written next. Not the worker's thread: a save waiting minutes for another
//! user's lock must not hold up the recovery file.
//!
//! Owns the thread and what it shares with it. [`Recovery::flush`] waits until the newest
//! state is on disk (before quitting, on SIGTERM); dropping it flushes too.

use crate::model::Change;
use crate::store::{self, Stamp};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The thread's name (the panic hook leaves the terminal alone for a panic there).
pub const THREAD_NAME: &str = "kinerja-pulih";

/// What the thread is to do and has done.
#[derive(Default)]
struct State {
    /// The unsaved changes as they are now, by their number in the unsaved list (the order
    /// made), and the stamp of the file they were made against. Kept up to date one change at
    /// a time on the key path (see [`Recovery::put_one`]); the thread copies them out for each
    /// write.
    changes: BTreeMap<u64, Change>,
    stamp: Option<Stamp>,
    /// The state changed since the last write began: a write is due.
    due: bool,
    /// A write is under way.
    writing: bool,
    stop: bool,
    /// The last write's failure (`None` when it went well).
    problem: Option<String>,
    /// Writes done, for tests and measurements.
    written: u64,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

/// The recovery files kept by sessions of this process, with their writers' state: a file
/// written by this process's pid is another live session's only if it is here, and a signal
/// that ends the process waits for each of them (see [`flush_all`]).
static LIVE: Mutex<Vec<(PathBuf, Shared)>> = Mutex::new(Vec::new());

/// Whether a session of this process keeps the recovery file of `workspace` now.
pub fn live_here(workspace: &std::path::Path) -> bool {
    let key = store::recovery::path_for(workspace);
    LIVE.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .any(|(file, _)| *file == key)
}

/// Waits up to `timeout` until every recovery file of this process holds its newest state
/// (from any thread: the signal handler's, while the main thread may be stuck on a terminal
/// that is gone).
pub fn flush_all(timeout: Duration) {
    let live: Vec<Shared> = LIVE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .map(|(_, shared)| shared.clone())
        .collect();
    let deadline = Instant::now() + timeout;
    for shared in live {
        wait_idle(&shared, deadline);
    }
}

/// Waits until the writer of `shared` has nothing left to write, or `deadline`; returns
/// whether it has not.
fn wait_idle(shared: &Shared, deadline: Instant) -> bool {
    let (lock, wake) = &**shared;
    let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
    while state.due || state.writing {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || state.stop {
            return false;
        }
        state = wake
            .wait_timeout(state, left)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
    }
    true
}

pub struct Recovery {
    /// The recovery file's path (the key in [`LIVE`]).
    file: PathBuf,
    shared: Shared,
    thread: Option<std::thread::JoinHandle<()>>,
    /// Set when another session of this user keeps the file: this one leaves it alone.
    off: bool,
}

impl Recovery {
    /// The recovery file of `workspace`, written by a thread started now.
    pub fn start(workspace: PathBuf) -> Recovery {
        let file = store::recovery::path_for(&workspace);
        let shared: Shared = Arc::default();
        let theirs = shared.clone();
        let thread = std::thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || run(&workspace, &theirs))
            .ok();
        Recovery {
            file,
            shared,
            thread,
            off: true,
        }
    }

    /// From now on this session keeps the recovery file (once it is known that no other
    /// session of this user keeps it).
    pub fn turn_on(&mut self) {
        if self.off {
            self.off = false;
            LIVE.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((self.file.clone(), self.shared.clone()));
        }
    }

    /// From now on this session writes no recovery file (another session of the same user
    /// keeps one for the same workspace, or the one there could not be moved aside).
    pub fn turn_off(&mut self) {
        if !self.off {
            self.off = true;
            let mut live = LIVE.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(i) = live
                .iter()
                .position(|(_, shared)| Arc::ptr_eq(shared, &self.shared))
            {
                live.remove(i);
            }
        }
    }

    pub fn is_off(&self) -> bool {
        self.off
    }

    /// The unsaved changes are now `changes` (each with its number), made against the file
    /// `stamp`.
    pub fn put_all(&self, changes: Vec<(u64, Change)>, stamp: Stamp) {
        self.change(|state| {
            state.changes = changes.into_iter().collect();
            state.stamp = Some(stamp);
        });
    }

    /// One unsaved entry changed: it is now `change` (`None`: gone). O(log n) on the key path;
    /// the write is the thread's.
    pub fn put_one(&self, seq: u64, change: Option<Change>, stamp: Stamp) {
        self.change(|state| {
            match change {
                Some(c) => state.changes.insert(seq, c),
                None => state.changes.remove(&seq),
            };
            state.stamp = Some(stamp);
        });
    }

    fn change(&self, f: impl FnOnce(&mut State)) {
        if self.off {
            return;
        }
        let (lock, wake) = &*self.shared;
        let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut state);
        state.due = true;
        wake.notify_all();
    }

    /// Waits up to `timeout` until the newest state is on disk; returns whether it is.
    pub fn flush(&self, timeout: Duration) -> bool {
        self.thread.is_none() || wait_idle(&self.shared, Instant::now() + timeout)
    }

    /// What went wrong with the last write (`None` when it went well).
    pub fn problem(&self) -> Option<String> {
        let (lock, _) = &*self.shared;
        lock.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .problem
            .clone()
    }

    /// How many writes (or removals) have been done.
    pub fn written(&self) -> u64 {
        let (lock, _) = &*self.shared;
        lock.lock().unwrap_or_else(PoisonError::into_inner).written
    }
}

impl Drop for Recovery {
    fn drop(&mut self) {
        self.flush(Duration::from_secs(10));
        self.turn_off();
        let (lock, wake) = &*self.shared;
        lock.lock().unwrap_or_else(PoisonError::into_inner).stop = true;
        wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(workspace: &std::path::Path, shared: &Shared) {
    let (lock, wake) = &**shared;
    loop {
        let (changes, stamp) = {
            let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if state.due
                    && let Some(stamp) = state.stamp
                {
                    state.due = false;
                    state.writing = true;
                    let changes: Vec<Change> = state.changes.values().cloned().collect();
                    break (changes, stamp);
                }
                if state.stop {
                    return;
                }
                state = wake.wait(state).unwrap_or_else(PoisonError::into_inner);
            }
        };
        let result =
            std::panic::catch_unwind(|| store::recovery::save_changes(workspace, &changes, &stamp));
        let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
        state.writing = false;
        state.written += 1;
        state.problem = match result {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(format!(
                "{}: {e}",
                store::recovery::path_for(workspace).display()
            )),
            Err(_) => Some("internal error".into()),
        };
        wake.notify_all();
    }
}
