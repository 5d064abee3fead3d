//! An import read and planned off the key path, on a thread of its own: the file looked at
//! again (it may have changed since the form's Enter), read (`import::read`), with "create
//! missing" the nodes and indicators it adds made first (`import::create`), planned against
//! a copy of the workspace on screen (`import::plan`), and the changes to make built — as
//! `kinerja import` does. One result comes back through the job's channel.
//!
//! Its own thread rather than the worker's: the worker runs its jobs one after another, and a
//! save there may wait minutes for another user's lock; an import's preview must not queue
//! behind it. Its own channel, looked at where the worker's is (`App::receive`, `App::settle`),
//! so that the worker's channel still tells when the worker's thread is gone.

use super::{Planned, Request};
use crate::import::{self, Creation, Detail, LineKind};
use crate::locale::Lang;
use crate::model::{Change, Workspace, change};
use crate::text::visible;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

/// An import being read and planned. Dropping it lets its result go (a form closed, a new
/// request started).
pub struct Job {
    /// Planned again on confirmation (see `app::import`): applied when nothing differs.
    pub confirm: bool,
    rx: Receiver<Result<Planned, String>>,
}

/// What looking at a job found.
pub enum Polled {
    Running,
    Done(Result<Planned, String>),
}

impl Job {
    /// Starts reading and planning `request` against `ws` (a copy of the workspace on screen).
    pub fn start(confirm: bool, ws: Workspace, request: Request, lang: Lang) -> Job {
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("kinerja-import".into())
            .spawn(move || {
                let result = catch_unwind(AssertUnwindSafe(|| plan(&ws, request, lang)))
                    .unwrap_or_else(|_| {
                        Err(lang.pick("kesalahan internal", "internal error").into())
                    });
                // The user may have closed the form meanwhile: nobody listens then.
                let _ = tx.send(result);
            });
        if let Err(e) = spawned {
            let (tx, rx2) = mpsc::channel();
            let _ = tx.send(Err(e.to_string()));
            return Job { confirm, rx: rx2 };
        }
        Job { confirm, rx }
    }

    /// The result if it is there, waiting up to `wait` when given.
    pub fn poll(&self, wait: Option<Duration>) -> Polled {
        let got = match wait {
            Some(d) => self
                .rx
                .recv_timeout(d)
                .map_err(|e| e == RecvTimeoutError::Disconnected),
            None => self
                .rx
                .try_recv()
                .map_err(|e| e == TryRecvError::Disconnected),
        };
        match got {
            Ok(result) => Polled::Done(result),
            Err(true) => Polled::Done(Err("internal error: the import's thread is gone".into())),
            Err(false) => Polled::Running,
        }
    }
}

/// Reads and plans as `kinerja import` does.
fn plan(ws: &Workspace, request: Request, lang: Lang) -> Result<Planned, String> {
    super::path::check(&request.path, lang)?;
    let book = import::read(&request.path, &request.options).map_err(|e| e.message(lang))?;
    let mut planned_on = ws.clone();
    let mut creation = Creation::default();
    let mut create_problems = Vec::new();
    if request.create {
        let first = import::plan(ws, &book, &request.options);
        match import::create(ws, &first.missing) {
            Ok(c) => {
                for ch in &c.changes {
                    change::apply(&mut planned_on, ch).map_err(|e| format!("{e:?}"))?;
                }
                creation = c;
            }
            Err(problems) => create_problems = problems,
        }
    }
    let plan = import::plan(&planned_on, &book, &request.options);
    let mut preview = plan.preview();
    let mut text = creation.lines(
        lang,
        ("di formulir indikator (i)", "in the indicator's form (i)"),
    );
    let mut short = text.clone();
    text.push_str(&preview.text(lang, Detail::Changes));
    // The short preview leaves out the nodes whose figures are all as in the workspace.
    let before = preview.nodes.len();
    preview.nodes.retain(|n| {
        !n.problems.is_empty()
            || n.lines
                .iter()
                .any(|l| matches!(l.kind, LineKind::New | LineKind::Changed))
    });
    let quiet = before - preview.nodes.len();
    short.push_str(&preview.text(lang, Detail::Changes));
    for p in &create_problems {
        let line = format!(
            "{} {}\n",
            lang.pick("MASALAH", "PROBLEM"),
            visible(&p.message(lang))
        );
        text.push_str(&line);
        short.push_str(&line);
    }
    let problems = plan.problems.len() + create_problems.len();
    let figures = plan.changes.len();
    let mut changes: Vec<Change> = creation.changes.clone();
    if problems == 0 {
        let ops = plan.ops().map_err(|e| e.message(lang))?;
        changes.extend(Change::from_ops(&planned_on, ops));
    }
    // A node the file names and the workspace lacks, without "create missing": say the way.
    let missing = plan.missing.nodes.len() + plan.missing.indicators.len();
    if missing > 0 && !request.create {
        let note = format!(
            "{} {missing} {}\n",
            lang.pick("catatan:", "note:"),
            lang.pick(
                "node/indikator di berkas belum ada di workspace: impor lagi dengan «buat yang belum ada: ya»",
                "node(s)/indicator(s) in the file are not in the workspace: import again with «create missing: yes»"
            )
        );
        text.push_str(&note);
        short.push_str(&note);
    }
    let lines_of = |t: &str| t.lines().map(|l| visible(l).into_owned()).collect();
    Ok(Planned {
        request,
        changes,
        figures,
        created_nodes: creation.nodes(),
        created_indicators: creation.indicators(),
        problems,
        lines: lines_of(&text),
        short: lines_of(&short),
        quiet,
    })
}
