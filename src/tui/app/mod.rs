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
use crate::model::{Field, Workspace};
use crate::tui::action::Action;
use crate::tui::dashboard::DashboardPane;
use crate::tui::detail::{Detail, DetailOutcome, grid_rows};
use crate::tui::editor::{self, Editor, EditorOutcome};
use crate::tui::history::{Edit, History};
use crate::tui::message::Message;
use crate::tui::overlay::{self, Conflicts, ConflictsOutcome, Journal, QuitAnswer};
use crate::tui::search::{self, PromptOutcome, Search};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::tree::{Tree, TreeOutcome};
use ratatui::layout::Size;
use rust_decimal::Decimal;
use std::path::PathBuf;
use tui_input::Input;

mod jobs;
mod read;

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
    Help,
    ConfirmQuit,
    /// Saving found figures changed by someone else.
    Conflicts(Conflicts),
    /// The journal's entries for a node.
    History(Journal),
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
    /// Where `x` writes exports; the current folder when `None`.
    export_dir: Option<PathBuf>,
    /// Conflicts a save found while another box had the keys: asked when it closes.
    conflicts_waiting: Option<Conflicts>,
    /// Quit once the save or export under way has landed.
    quit_after_save: bool,
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
            conflicts_waiting: None,
            quit_after_save: false,
            quit: false,
        };
        app.update(Action::Resize {
            width: 80,
            height: 24,
        });
        app
    }

    /// Changes one figure as a user would: recorded for undo, everything recomputed.
    pub fn set_figure(&mut self, kode: &str, field: Field, new: Option<Decimal>) -> bool {
        let old = self.session.value(kode, field);
        if old == new || !self.session.change(kode, field, new) {
            return false;
        }
        self.history.record(Edit {
            kode: kode.to_string(),
            field,
            old,
            new,
        });
        true
    }

    fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message::info(text));
    }

    fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message::error(text));
    }

    /// The one place keys (and the terminal's size) change the state.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize { width, height } => {
                self.size = Size::new(width, height);
                self.tree
                    .set_height(crate::tui::view::tree_height(self.size));
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
                EditorOutcome::Accepted { kode, field, value } => self.accept(kode, field, value),
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
            Mode::Help if overlay::stays_open(action) => self.mode = Mode::Help,
            Mode::History(journal) if overlay::stays_open(action) => {
                self.mode = Mode::History(journal);
            }
            Mode::Help | Mode::History(_) => {}
            Mode::Conflicts(conflicts) => match conflicts.update(action, lang) {
                ConflictsOutcome::Asking(c) => self.mode = Mode::Conflicts(c),
                ConflictsOutcome::Cancelled(message) => self.message = Some(message),
                ConflictsOutcome::Answered {
                    conflict,
                    keep_mine,
                    next,
                } => {
                    if keep_mine {
                        self.session.keep_mine(&conflict);
                    } else {
                        self.session.take_theirs(&conflict);
                    }
                    match next {
                        Some(next) => self.mode = Mode::Conflicts(next),
                        None => self.save(),
                    }
                }
            },
            Mode::ConfirmQuit => match QuitAnswer::of(action) {
                QuitAnswer::SaveAndQuit => {
                    self.quit_after_save = true;
                    self.save();
                }
                QuitAnswer::Discard => self.quit = true,
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
        self.detail.clamp(grid_rows(self.selected_node()));
        self.tree.scroll();
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
            (_, _, Action::Export) => self.export(),
            (_, _, Action::History) => self.show_journal(),
            (_, _, Action::Help) => self.mode = Mode::Help,
            (_, _, Action::Quit) => self.quit_asked(),
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
                let rows = grid_rows(self.selected_node());
                match self.detail.update(action, rows) {
                    DetailOutcome::Nothing => {}
                    DetailOutcome::FocusTree => self.focus = Focus::Tree,
                    DetailOutcome::Edit => self.start_edit(),
                }
            }
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
        let rows = grid_rows(self.selected_node());
        let column = self.session.quarter().number() as usize;
        self.detail.set_cell((row.at.index, column), rows);
    }

    fn search_step(&mut self, forward: bool) {
        let here = self.tree.selected_row().map(|r| r.kode.as_str());
        let (next, message) = self.search.step(&self.session, here, forward, self.lang);
        if let Some(kode) = next {
            self.tree.reveal(&self.session, &kode);
        }
        self.message = Some(message);
    }

    /// Undo (`forward = false`) or redo the last edit, and show where it happened.
    fn step_history(&mut self, forward: bool) {
        let Some(edit) = self.history.take(forward) else {
            self.info(if forward {
                self.lang
                    .pick("Tidak ada yang bisa diulang.", "Nothing to redo.")
            } else {
                self.lang
                    .pick("Tidak ada yang bisa diurungkan.", "Nothing to undo.")
            });
            return;
        };
        let value = if forward { edit.new } else { edit.old };
        self.session.change(&edit.kode, edit.field, value);
        let label = if forward {
            self.lang.pick("Diulang:", "Redone:")
        } else {
            self.lang.pick("Diurungkan:", "Undone:")
        };
        let text = format!(
            "{label} {}",
            crate::tui::labels::describe(&edit, forward, self.lang)
        );
        self.info(text);
        self.tree.reveal(&self.session, &edit.kode);
        self.history.done(edit, forward);
    }

    fn start_edit(&mut self) {
        let (Some(row), Some(field)) = (self.tree.selected_row(), self.current_field()) else {
            self.info(self.lang.pick(
                "Node ini tidak punya angka untuk diubah.",
                "This node has no figures to edit.",
            ));
            return;
        };
        let kode = row.kode.clone();
        let derived = self
            .session
            .node(&kode)
            .is_some_and(|n| self.session.budget_is_derived(n));
        if let Some(why) = editor::refusal(field, derived, self.lang) {
            self.error(why);
            return;
        }
        let value = self.session.value(&kode, field);
        self.mode = Mode::Editing(Editor::new(kode, field, value));
    }

    /// A figure typed and accepted.
    fn accept(&mut self, kode: String, field: Field, value: Option<Decimal>) {
        let edit = Edit {
            old: self.session.value(&kode, field),
            kode,
            field,
            new: value,
        };
        if self.set_figure(&edit.kode, field, value) {
            let node = self.session.node(&edit.kode);
            let text = editor::accepted(&edit, node, self.session.quarter(), self.lang);
            self.info(text);
        } else {
            self.info(self.lang.pick(
                "Angka sama; tidak ada perubahan.",
                "Same figure; nothing changed.",
            ));
        }
    }
}
