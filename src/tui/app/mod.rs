//! The interface's state and its routing. [`App::update`] takes each action to the component
//! that has the keys and follows up what it asks of the others; [`App::receive`] does the same
//! for what the worker reports. Those are the only places the state changes; drawing (see
//! `view`) reads it.
//!
//! Owns the components — the session (workspace, indexes, disk), the tree, the detail's
//! cursor, the search, undo/redo, the dashboard pane — and what routes between them: the mode
//! (who has the keys, with the editor's, the search prompt's or an overlay's state), the view
//! and focus, the message line, the terminal's size, and whether to quit once a save lands.

use crate::locale::Lang;
use crate::model::Workspace;
use crate::tui::action::Action;
use crate::tui::dashboard::DashboardPane;
use crate::tui::detail::{Detail, DetailOutcome, Grid};
use crate::tui::editor::{Editor, EditorOutcome};
use crate::tui::history::History;
use crate::tui::message::Message;
use crate::tui::overlay::{BoxOutcome, Conflicts, ConflictsOutcome, Journal, QuitAnswer, Scroll};
use crate::tui::search::{self, PromptOutcome, Search};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::tree::{Tree, TreeOutcome};
use crate::tui::worker::Product;
use ratatui::layout::Size;
use std::path::PathBuf;
use tui_input::Input;

mod edits;
mod forms;
mod import;
mod jobs;
mod notes;
mod read;
mod recover;
mod structure;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Tree,
    Dashboard,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

/// Who has the keys, with the state of the one that holds any.
#[derive(Clone, Debug)]
pub enum Mode {
    /// The tree, the detail or the dashboard (see `View` and `Focus`).
    Browse,
    Editing(Editor),
    /// The search text being typed.
    Searching(Input),
    /// Every key of the context under it, scrolled to a line.
    Help(Scroll),
    ConfirmQuit,
    /// Saving found figures changed by someone else.
    Conflicts(Conflicts),
    /// The journal's entries for a node.
    History(Journal),
    /// Which format to export to.
    ExportFormat,
    /// Which format to write the meeting pack in.
    PackFormat,
    /// At the start: a session that ended left unsaved changes; re-apply them?
    Recover(Box<crate::store::recovery::Recovery>),
    /// A form being filled in (a node, an indicator, a budget, an officer).
    Form(Box<crate::tui::form::Form>),
    /// Before a removal: what goes with it, yes or no.
    Question(Box<crate::tui::overlay::Question>),
    /// The officers' list.
    Officers(crate::tui::overlay::OfficerList),
    /// An import's preview: apply or not.
    ImportPreview(Box<crate::tui::import::PreviewBox>),
}

pub struct App {
    session: Session,
    tree: Tree,
    detail: Detail,
    search: Search,
    history: History,
    dashboard: DashboardPane,
    mode: Mode,
    view: View,
    focus: Focus,
    message: Option<Message>,
    lang: Lang,
    theme: Theme,
    /// The terminal's size, as last told (see `Action::Resize`).
    size: Size,
    /// Where `x` writes exports (and `X` the meeting pack); the current folder when `None`.
    export_dir: Option<PathBuf>,
    /// The user's home folder (`$HOME`), written `~` in paths on the message line.
    home: Option<String>,
    /// Conflicts a save found while another box had the keys: asked when it closes.
    conflicts_waiting: Option<Conflicts>,
    /// The node whose journal was asked for last (shown when it arrives).
    journal_wanted: Option<String>,
    /// Quit once the save or export under way has landed.
    quit_after_save: bool,
    /// The officers' list to go back to when the form or question opened from it closes.
    officers_return: Option<crate::tui::overlay::OfficerList>,
    /// The import being read and planned, off the key path.
    import_job: Option<crate::tui::import::job::Job>,
    /// The import's form as last filled in.
    import_last: crate::tui::import::Last,
    quit: bool,
}

impl App {
    /// A new interface on `ws`; `file` is where it was read from and the stamp of those bytes
    /// (see `store::load_stamped`), or `None` for a workspace that lives only in memory.
    pub fn new(
        ws: Workspace,
        file: Option<(PathBuf, crate::store::Stamp)>,
        lang: Lang,
        theme: Theme,
    ) -> App {
        let session = Session::new(ws, file, lang);
        let tree = Tree::new(&session);
        let mut app = App {
            detail: Detail::new(session.quarter()),
            tree,
            session,
            search: Search::default(),
            history: History::default(),
            dashboard: DashboardPane::default(),
            mode: Mode::Browse,
            view: View::Tree,
            focus: Focus::Tree,
            message: None,
            lang,
            theme,
            size: Size::new(80, 24),
            export_dir: None,
            home: std::env::var("HOME").ok(),
            conflicts_waiting: None,
            journal_wanted: None,
            quit_after_save: false,
            officers_return: None,
            import_job: None,
            import_last: Default::default(),
            quit: false,
        };
        app.update(Action::Resize {
            width: 80,
            height: 24,
        });
        app.check_recovery();
        app
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message::info(text));
    }

    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message::error(text));
    }

    /// The one place keys (and the terminal's size) change the state.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize { width, height } => {
                self.size = Size::new(width, height);
                if let Mode::Form(f) = &mut self.mode {
                    f.wrap = crate::tui::form::wrap_width(width);
                }
                self.settle_view();
                return;
            }
            Action::Input(_) => {}
            _ => self.message = None,
        }
        let lang = self.lang;
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Editing(editor) => match editor.update(action, lang) {
                EditorOutcome::Typing(editor) => self.mode = Mode::Editing(editor),
                EditorOutcome::Cancelled(message) => self.message = Some(message),
                EditorOutcome::Accepted {
                    kode,
                    field,
                    indicator,
                    value,
                } => self.accept(kode, field, indicator, value),
            },
            Mode::Searching(input) => match search::update_prompt(input, action) {
                PromptOutcome::Typing(input) => self.mode = Mode::Searching(input),
                PromptOutcome::Cancelled => {}
                PromptOutcome::Search(query) => {
                    self.search.run(self.session.ws(), query);
                    self.view = View::Tree;
                    self.focus = Focus::Tree;
                    self.search_step(true);
                }
            },
            Mode::Help(mut scroll) => {
                let (len, page) = crate::tui::view::help_extent(self);
                match scroll.update(action, len, page) {
                    BoxOutcome::Open => self.mode = Mode::Help(scroll),
                    BoxOutcome::Close => {}
                    BoxOutcome::Quit => self.quit_asked(),
                }
            }
            Mode::History(mut journal) => {
                let (len, page) = crate::tui::view::history_extent(self, &journal);
                match journal.scroll.update(action, len, page) {
                    BoxOutcome::Open => self.mode = Mode::History(journal),
                    BoxOutcome::Close => {}
                    BoxOutcome::Quit => self.quit_asked(),
                }
            }
            Mode::Conflicts(conflicts) => {
                let from_save = conflicts.from_save;
                match conflicts.update(action, lang) {
                    ConflictsOutcome::Asking(c) => self.mode = Mode::Conflicts(c),
                    ConflictsOutcome::Cancelled(message) => self.message = Some(message),
                    ConflictsOutcome::Answered { answer, next } => {
                        self.answer_conflict(answer);
                        match next {
                            Some(next) => self.mode = Mode::Conflicts(next),
                            // Every conflict of a save answered: it is tried again.
                            None if from_save => self.save(),
                            None => {}
                        }
                    }
                }
            }
            Mode::Form(form) if form.purpose == crate::tui::form::Purpose::Import => {
                self.update_import_form(form, action)
            }
            Mode::Form(form) => self.update_form(form, action),
            Mode::ImportPreview(b) => self.update_import_preview(b, action),
            Mode::Question(q) => match action {
                Action::Confirm => self.answer_question(*q),
                Action::Cancel => self.info(lang.pick(
                    "Batal; tidak ada yang berubah.",
                    "Cancelled; nothing changed.",
                )),
                _ => self.mode = Mode::Question(q),
            },
            Mode::Officers(list) => self.update_officers(list, action),
            Mode::Recover(found) => match action {
                Action::Reapply => self.reapply(*found),
                Action::SetAside => self.set_aside(),
                _ => self.mode = Mode::Recover(found),
            },
            Mode::ExportFormat => match action {
                Action::ExportAs(format) => self.export(Product::Tables, format),
                Action::Cancel => self.info(self.lang.pick("Ekspor batal.", "Export cancelled.")),
                _ => self.mode = Mode::ExportFormat,
            },
            Mode::PackFormat => match action {
                Action::PackAs(format) => self.export(Product::MeetingPack, format),
                Action::Cancel => self.info(
                    self.lang
                        .pick("Bahan rapat batal.", "Meeting pack cancelled."),
                ),
                _ => self.mode = Mode::PackFormat,
            },
            Mode::ConfirmQuit => match QuitAnswer::of(action) {
                QuitAnswer::SaveAndQuit => {
                    self.quit_after_save = true;
                    self.save();
                }
                QuitAnswer::Discard => {
                    self.session.discard_recovery();
                    self.quit = true;
                }
                QuitAnswer::Cancel => {}
                QuitAnswer::Ask => self.mode = Mode::ConfirmQuit,
            },
            Mode::Browse => self.update_browse(action),
        }
        self.settle_view();
    }

    /// What follows any change: the detail's cursor inside the selected node's grid, the
    /// selection in view, and conflicts that waited for a box to close.
    fn settle_view(&mut self) {
        if let Some(problem) = self.session.recovery_news() {
            self.error(format!(
                "{}: {problem}",
                self.lang.pick(
                    "berkas pemulihan tidak dapat ditulis; simpan dengan s",
                    "the recovery file cannot be written; save with s"
                )
            ));
        }
        self.detail.clamp(Grid::of(self.selected_node()));
        if self.view == View::Dashboard {
            self.session.refresh_over_pagu();
        }
        // The tree's height follows the selected node's detail (see `view::tree_height`).
        self.tree.set_height(crate::tui::view::tree_height(self));
        if matches!(self.mode, Mode::Browse)
            && let Some(list) = self.officers_return.take()
        {
            self.mode = Mode::Officers(list);
        }
        if matches!(self.mode, Mode::Browse)
            && let Some(c) = self.conflicts_waiting.take()
        {
            self.mode = Mode::Conflicts(c);
        }
    }

    fn update_browse(&mut self, action: Action) {
        match (self.view, self.focus, action) {
            (_, _, Action::Quarter(q)) => {
                self.session.set_quarter(q);
                self.tree.rebuild(&self.session);
                if self.focus == Focus::Detail {
                    self.detail.follow_quarter(q);
                }
            }
            (_, _, Action::Dashboard) => {
                self.view = match self.view {
                    View::Tree => {
                        self.session.show_dashboard();
                        View::Dashboard
                    }
                    View::Dashboard => View::Tree,
                };
            }
            (_, _, Action::RedFilter) => {
                self.view = View::Tree;
                if !self.tree.toggle_filter(&self.session) {
                    self.info(self.lang.pick(
                        "Tidak ada indikator merah atau belum diisi pada triwulan ini.",
                        "No red or unentered indicators this quarter.",
                    ));
                }
            }
            (_, _, Action::Search) => self.mode = Mode::Searching(Input::default()),
            (_, _, Action::SearchNext) => self.search_step(true),
            (_, _, Action::SearchPrev) => self.search_step(false),
            (_, _, Action::Undo) => self.step_history(false),
            (_, _, Action::Redo) => self.step_history(true),
            (_, _, Action::Save) => self.save(),
            (_, _, Action::Export) => self.mode = Mode::ExportFormat,
            (_, _, Action::Pack) => self.mode = Mode::PackFormat,
            (_, _, Action::History) => self.show_journal(),
            (_, _, Action::Help) => self.mode = Mode::Help(Scroll::default()),
            (_, _, Action::Quit) => self.quit_asked(),
            (_, _, Action::Cancel) => self.back(),
            (View::Tree, _, Action::Import) => self.open_import(),
            (_, _, Action::Lock) => self.lock_key(),
            (_, _, Action::Note) => self.note_key(),
            (_, _, Action::Officers) => {
                self.mode = Mode::Officers(crate::tui::overlay::OfficerList::default());
            }
            (
                View::Tree,
                _,
                Action::AddChild
                | Action::AddSibling
                | Action::Rename
                | Action::Recode
                | Action::MoveUp
                | Action::MoveDown
                | Action::MoveUnder
                | Action::Delete
                | Action::AddIndicator
                | Action::EditIndicator
                | Action::Budget
                | Action::AssignOfficer,
            ) => self.structure_key(action),
            (View::Dashboard, _, action) => {
                let len = self.session.dashboard().map_or(0, |d| d.attention_len());
                if let Some(i) = self.dashboard.update(action, len) {
                    self.open_attention(i);
                }
            }
            (View::Tree, Focus::Tree, action) => match self.tree.update(&self.session, action) {
                TreeOutcome::Nothing => {}
                TreeOutcome::Selected => self.detail.first_row(),
                TreeOutcome::FocusDetail => self.focus = Focus::Detail,
                TreeOutcome::Edit => {
                    self.focus = Focus::Detail;
                    self.start_edit();
                }
            },
            (View::Tree, Focus::Detail, action) => {
                let grid = Grid::of(self.selected_node());
                match self.detail.update(action, grid) {
                    DetailOutcome::Nothing => {}
                    DetailOutcome::FocusTree => self.focus = Focus::Tree,
                    DetailOutcome::Edit => self.start_edit(),
                }
            }
        }
    }

    /// Esc in the panes: one level back, never out of the app.
    fn back(&mut self) {
        match (self.view, self.focus) {
            (View::Dashboard, _) => self.view = View::Tree,
            (View::Tree, Focus::Detail) => self.focus = Focus::Tree,
            (View::Tree, Focus::Tree) if self.tree.attention_only() => {
                self.tree.toggle_filter(&self.session);
            }
            (View::Tree, Focus::Tree) => self.info(self.lang.pick(
                "Sudah di pohon. Keluar: q atau Ctrl-c.",
                "Already at the tree. To quit: q or Ctrl-c.",
            )),
        }
    }

    /// From the dashboard's list: the indicator in the tree, its cell of the quarter selected.
    fn open_attention(&mut self, index: usize) {
        let Some(row) = self.session.attention_rows(index, 1).pop() else {
            return;
        };
        self.view = View::Tree;
        self.tree.reveal(&self.session, &row.at.kode);
        self.focus = Focus::Detail;
        let grid = Grid::of(self.selected_node());
        let column = self.session.quarter().number() as usize;
        self.detail.set_cell((row.at.index, column), grid);
    }

    fn search_step(&mut self, forward: bool) {
        let here = self.tree.selected_row().map(|r| r.kode.as_str());
        let (next, message) = self.search.step(&self.session, here, forward, self.lang);
        if let Some(kode) = next {
            self.tree.reveal(&self.session, &kode);
        }
        self.message = Some(message);
    }
}
