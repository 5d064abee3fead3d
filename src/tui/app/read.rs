//! What the view, the tests and the benchmarks read of the app: each a look through to the
//! component that owns it.

use super::{App, Focus, Mode, View};
use crate::locale::Lang;
use crate::model::{Field, Node, Workspace};
use crate::tui::badges::Badge;
use crate::tui::dashboard::DashboardPane;
use crate::tui::figures::{Dashboard, YearBudget};
use crate::tui::keymap::Context;
use crate::tui::message::Message;
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::tree::{Tree, TreeRow};
use ratatui::layout::Size;
use rust_decimal::Decimal;
use std::path::PathBuf;

impl App {
    pub(crate) fn session(&self) -> &Session {
        &self.session
    }

    pub(crate) fn tree(&self) -> &Tree {
        &self.tree
    }

    pub(crate) fn dashboard_pane(&self) -> &DashboardPane {
        &self.dashboard
    }

    pub fn ws(&self) -> &Workspace {
        self.session.ws()
    }

    pub fn quarter(&self) -> crate::model::Quarter {
        self.session.quarter()
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// What the worker is doing, as the status line says it.
    pub fn progress(&self) -> Option<&crate::tui::session::Progress> {
        self.session.progress()
    }

    pub fn size(&self) -> Size {
        self.size
    }

    /// The user's home folder, as `~` shortens it on the message line.
    pub fn home(&self) -> Option<&str> {
        self.home.as_deref()
    }

    /// Sets the home folder (`$HOME` by default).
    pub fn set_home(&mut self, home: Option<String>) {
        self.home = home;
    }

    pub fn rows(&self) -> &[TreeRow] {
        self.tree.rows()
    }

    pub fn selected(&self) -> usize {
        self.tree.selected()
    }

    pub fn selected_row(&self) -> Option<&TreeRow> {
        self.tree.selected_row()
    }

    pub fn selected_node(&self) -> Option<&Node> {
        self.session.node(&self.tree.selected_row()?.kode)
    }

    pub fn attention_only(&self) -> bool {
        self.tree.attention_only()
    }

    /// The detail's cursor: row and column.
    pub fn cell(&self) -> (usize, usize) {
        self.detail.cell()
    }

    /// The field under the detail's cursor.
    pub fn current_field(&self) -> Option<Field> {
        self.detail.field(self.selected_node()?)
    }

    /// The current value of a field of a node.
    pub fn value(&self, kode: &str, field: Field) -> Option<Decimal> {
        self.session.value(kode, field)
    }

    /// The badge a row shows, as it is now.
    pub fn badge(&self, row: &TreeRow) -> Badge {
        self.session
            .node(&row.kode)
            .map_or(Badge::None, |n| self.session.badge(n))
    }

    /// The dashboard's figures, kept current once the dashboard has been shown.
    pub fn dashboard(&self) -> Option<&Dashboard> {
        self.session.dashboard()
    }

    pub fn budget(&self, node: &Node) -> Option<YearBudget> {
        self.session.budget(node)
    }

    pub fn budget_is_derived(&self, node: &Node) -> bool {
        self.session.budget_is_derived(node)
    }

    pub fn budget_total(&self) -> Option<YearBudget> {
        self.session.budget_total()
    }

    /// The dashboard's whole list: red indicators worst first, then the ones not entered.
    pub fn attention_list(&self) -> Vec<crate::report::IndicatorRow> {
        self.session.attention_rows(0, usize::MAX)
    }

    /// Codes of every node the last search matched, in tree order.
    pub fn search_matches(&self) -> &[String] {
        self.search.matches()
    }

    pub fn is_dirty(&self) -> bool {
        self.session.is_dirty()
    }

    /// Whether the app quits once the save or export under way has landed.
    pub fn quitting(&self) -> bool {
        self.quit_after_save
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Where what the interface keeps along changes (the session's indexes, the tree's rows)
    /// differs from a computation from scratch; `None` when it does not. For tests.
    #[doc(hidden)]
    /// The nodes spent beyond their pagu as the dashboard lists them, brought up to date
    /// (what moved since the last look judged again).
    pub fn over_pagu(&mut self) -> Vec<crate::rules::OverPagu> {
        self.session.refresh_over_pagu();
        self.session.over_pagu().to_vec()
    }

    pub fn self_check(&self) -> Option<String> {
        self.session
            .index_differs()
            .or_else(|| self.tree.differs_from_rebuild(&self.session))
    }

    /// A new indicator id, not in use in the workspace.
    pub fn fresh_indicator_id(&self) -> crate::model::IndicatorId {
        self.session.fresh_indicator_id()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Where `x` writes exports (the current folder when never set).
    pub fn set_export_dir(&mut self, dir: PathBuf) {
        self.export_dir = Some(dir);
    }

    /// Where `x` writes exports.
    pub fn export_folder(&self) -> PathBuf {
        self.export_dir
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// How many figures differ from the file as last saved.
    pub fn unsaved_count(&self) -> usize {
        self.session.unsaved_count()
    }

    /// Waits up to `timeout` until the recovery file holds the unsaved changes as they are
    /// now; returns whether it does.
    pub fn flush_recovery(&self, timeout: std::time::Duration) -> bool {
        self.session.flush_recovery(timeout)
    }

    /// Whether this session keeps a recovery file of its unsaved changes.
    pub fn recovery_kept(&self) -> bool {
        self.session.recovery_kept()
    }

    /// How many times the recovery file was written or removed.
    pub fn recovery_writes(&self) -> u64 {
        self.session.recovery_writes()
    }

    /// Which key table applies now.
    pub fn context(&self) -> Context {
        match &self.mode {
            Mode::Editing(_) => Context::Editing,
            Mode::Searching(_) => Context::Searching,
            Mode::Help(_) => Context::Help,
            Mode::History(_) => Context::History,
            Mode::ExportFormat => Context::Export,
            Mode::PackFormat => Context::Pack,
            Mode::Recover(_) => Context::Recover,
            Mode::ConfirmQuit => Context::ConfirmQuit,
            Mode::Conflicts(c) => match c.current() {
                Some(c) if !crate::tui::overlay::is_figure_clash(c) => Context::ConflictChange,
                _ => Context::Conflict,
            },
            Mode::Form(f) => match f.focused() {
                Some(field) if field.is_choice() => Context::FormChoice,
                Some(field) if field.is_lines() => Context::FormLines,
                _ => Context::FormText,
            },
            Mode::Question(_) => Context::Question,
            Mode::Officers(_) => Context::Officers,
            Mode::ImportPreview(_) => Context::ImportPreview,
            Mode::Browse => self.help_context(),
        }
    }

    /// The context whose keys the help overlay lists (the one under the overlay).
    pub fn help_context(&self) -> Context {
        match (self.view, self.focus) {
            (View::Dashboard, _) => Context::Dashboard,
            (View::Tree, Focus::Tree) => Context::Tree,
            (View::Tree, Focus::Detail) => Context::Detail,
        }
    }
}
