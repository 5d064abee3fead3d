//! `I`: a spreadsheet brought in from the interface (issue 13), as `kinerja import` does it.
//! A form asks for the file (with, as the command's options, a sheet, the quarter the file
//! reports up to, and whether to create the nodes and indicators the file has and the
//! workspace lacks); the file is looked at (`path`), then read and planned off the key path
//! (`job`); the preview — the very text the command prints — shows in a box that scrolls;
//! Enter applies it, Esc leaves everything as it was.
//!
//! Applied how: the plan's changes become the session's unsaved changes, as one step of the
//! history — not a save of their own on the worker. So an import is like anything typed: the
//! header says it is unsaved, `u` takes the whole import back and `Ctrl-r` puts it in again,
//! the recovery file keeps it if the terminal dies, and `s` saves it through the same commit
//! path (lock, merge with other users' saves, a figure someone else changed meanwhile asked
//! about, never overwritten). The save writes "import FILE" into the journal for each
//! imported figure (`store::commit_changes_sourced`), and nothing for figures typed in the
//! same save. A direct save would have written the import under the user's unsaved work — a
//! save of only part of it, whose conflicts and merges the session's one save path already
//! answers.
//!
//! A file changed between the preview and Enter: Enter reads and plans the file again (off the
//! key path, against the workspace as it is then). When the preview reads the same (every change
//! is a line with its old and new value) its changes are applied; when it differs (the file was saved again, another user's save came in) the new
//! preview replaces the old one, saying so, and a second Enter applies that. Problems make
//! Enter refuse, saying why; nothing of a file with a problem is applied (no half imports).
//!
//! Owns the request (`Request`), what a plan gives the interface (`Planned`) and the preview
//! box's state (`PreviewBox`); the keys are routed in `app::import`, drawn in
//! `view::overlay::import`.

pub mod job;
pub mod path;

use super::form::{Field, Form, Key, Opt, Purpose};
use super::overlay::Scroll;
use crate::import::Options;
use crate::locale::Lang;
use crate::model::{Change, Quarter};
use std::path::PathBuf;

/// What an import asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The file, resolved (`~` expanded, made absolute).
    pub path: PathBuf,
    pub options: Options,
    /// Create what the file has and the workspace lacks (`--create`).
    pub create: bool,
}

impl Request {
    /// "import /home/siti/e81.xlsx": the journal's source of each figure imported.
    pub fn source(&self) -> String {
        format!("import {}", self.path.display())
    }

    /// The file's name, for titles and messages.
    pub fn file_name(&self) -> String {
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string());
        crate::text::visible(&name).into_owned()
    }
}

/// A file read and planned: the changes to make and the preview's lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    pub request: Request,
    /// Nodes and indicators created first, then the figures; empty when there are problems.
    pub changes: Vec<Change>,
    /// Figures that change.
    pub figures: usize,
    pub created_nodes: usize,
    pub created_indicators: usize,
    /// Problems in the file (then nothing can be applied).
    pub problems: usize,
    /// The preview as `kinerja import` prints it, one line each, made safe to show.
    pub lines: Vec<String>,
    /// The same without the nodes whose figures are all as in the workspace.
    pub short: Vec<String>,
    /// How many nodes the short preview leaves out.
    pub quiet: usize,
}

impl Planned {
    pub fn is_clean(&self) -> bool {
        self.problems == 0
    }
}

/// The preview box: the plan shown, the scroll, and whether Enter's second reading is under
/// way.
#[derive(Clone, Debug)]
pub struct PreviewBox {
    pub planned: Planned,
    pub scroll: Scroll,
    /// Enter was pressed: the file is read again before anything is applied.
    pub confirming: bool,
    /// The preview replaced an earlier one that differed (said at the top).
    pub changed: bool,
    /// Every node shown, also those with nothing changing (`a`).
    pub all: bool,
}

impl PreviewBox {
    pub fn new(planned: Planned) -> PreviewBox {
        PreviewBox {
            planned,
            scroll: Scroll::default(),
            confirming: false,
            changed: false,
            all: false,
        }
    }

    /// The preview's lines as shown now, with a last line saying what the short one leaves
    /// out.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        if self.all || self.planned.quiet == 0 {
            return self.planned.lines.clone();
        }
        let mut out = self.planned.short.clone();
        out.push(format!(
            "({} {})",
            self.planned.quiet,
            lang.pick(
                "node lain: semua angkanya sama; a menampilkannya",
                "more node(s) with every figure unchanged; a shows them"
            )
        ));
        out
    }
}

/// The form's values kept for the next `I` (an office imports the same file again after
/// fixing it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Last {
    pub file: String,
    pub sheet: String,
    pub tw: Option<Quarter>,
    pub create: bool,
}

/// The import's form, filled in with what was asked last.
pub fn form(last: &Last, lang: Lang) -> Form {
    let tw_options: Vec<(Opt, String)> = std::iter::once((
        Opt::Quarter(None),
        lang.pick(
            "otomatis (judul berkas, lalu TW IV)",
            "automatic (the file's title, else TW IV)",
        )
        .to_string(),
    ))
    .chain(
        Quarter::ALL
            .iter()
            .map(|q| (Opt::Quarter(Some(*q)), format!("TW {}", q.roman()))),
    )
    .collect();
    let tw_at = last.tw.map_or(0, |q| q.number() as usize);
    let yes_no = vec![
        (Opt::Yes(false), lang.pick("tidak", "no").to_string()),
        (
            Opt::Yes(true),
            lang.pick(
                "ya: tambahkan node dan indikator dari berkas",
                "yes: add the file's nodes and indicators",
            )
            .to_string(),
        ),
    ];
    Form::new(
        Purpose::Import,
        title(lang, false),
        vec![
            Field::text(Key::File, lang.pick("Berkas", "File"), &last.file),
            Field::text(Key::Sheet, lang.pick("Lembar", "Sheet"), &last.sheet),
            Field::choice(Key::Tw, lang.pick("Triwulan", "Quarter"), tw_options, tw_at),
            Field::choice(
                Key::Create,
                lang.pick("Buat yang belum ada", "Create missing"),
                yes_no,
                usize::from(last.create),
            ),
        ],
    )
}

/// The form's title; `reading`: while the file is read.
pub fn title(lang: Lang, reading: bool) -> String {
    if reading {
        lang.pick("Impor berkas — membaca…", "Import a file — reading…")
            .into()
    } else {
        lang.pick(
            "Impor berkas (E-81, LRA, ekspor kinerja, templat)",
            "Import a file (E-81, LRA, kinerja export, template)",
        )
        .into()
    }
}

/// What the form holds, as typed.
pub fn last_of(form: &Form) -> Last {
    Last {
        file: form.text(Key::File).to_string(),
        sheet: form.text(Key::Sheet).to_string(),
        tw: match form.opt(Key::Tw) {
            Some(Opt::Quarter(q)) => *q,
            _ => None,
        },
        create: matches!(form.opt(Key::Create), Some(Opt::Yes(true))),
    }
}

/// The request a filled-in form makes, or the one line that says why the file cannot be read.
pub fn request(
    last: &Last,
    home: Option<&str>,
    cwd: &std::path::Path,
    lang: Lang,
) -> Result<Request, String> {
    if last.file.is_empty() {
        return Err(lang
            .pick(
                "ketik nama berkas (.xlsx, .xls, .ods atau .csv)",
                "type the file's name (.xlsx, .xls, .ods or .csv)",
            )
            .into());
    }
    let path = path::resolve(&last.file, home, cwd);
    path::check(&path, lang)?;
    Ok(Request {
        path,
        options: Options {
            sheet: (!last.sheet.is_empty()).then(|| last.sheet.clone()),
            tw: last.tw,
        },
        create: last.create,
    })
}
