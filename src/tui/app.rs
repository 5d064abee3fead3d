//! The interface's state and its transitions. `App::update` is the only place the state
//! changes; drawing (see `view`) reads it.

use super::action::Action;
use super::figures::{Budgets, Dashboard, YearBudget};
use super::keymap::Context;
use super::theme::Theme;
use super::tree::{self, TreeRow};
use crate::locale::{self, FigureKind, Lang};
use crate::model::{Node, NodeVisit, Quarter, Workspace};
use crate::report;
use crate::rules::{self, Status};
use crate::store;
use rust_decimal::Decimal;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use tui_input::Input;

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

pub use crate::model::Field;

/// One change of one figure, kept for undo and redo.
pub type Edit = crate::model::Op;

/// How a field's text is read: Rupiah allows two decimals, performance figures four.
pub fn field_kind(field: Field) -> FigureKind {
    if field.is_rupiah() {
        FigureKind::Rupiah
    } else {
        FigureKind::Kinerja
    }
}

/// "realisasi TW III", "target tahun", "pagu", "realisasi Rp TW II".
pub fn field_label(field: Field, lang: Lang) -> String {
    match field {
        Field::Target(_) => lang.pick("target tahun", "year target").into(),
        Field::Realisasi(_, q) => format!("{} TW {q}", lang.pick("realisasi", "actual")),
        Field::Rencana(_, q) => format!("{} TW {q}", lang.pick("rencana", "plan")),
        Field::TargetPkMurni(_) => lang.pick("target PK murni", "original PK target").into(),
        Field::TargetPkPerubahan(_) => lang.pick("target PK perubahan", "revised PK target").into(),
        Field::RenstraTarget(_, y) => {
            format!("{} {y}", lang.pick("target Renstra", "Renstra target"))
        }
        Field::RenstraAkhir(_) => lang
            .pick("target akhir Renstra", "Renstra end target")
            .into(),
        Field::Riwayat(_, y) => format!("{} {y}", lang.pick("realisasi", "actual")),
        Field::Pagu => "pagu".into(),
        Field::PaguMurni => lang.pick("pagu murni", "original pagu").into(),
        Field::Rp(q) => format!("{} TW {q}", lang.pick("realisasi Rp", "spent Rp")),
        Field::RealisasiTahun => lang
            .pick("realisasi Rp menurut LRA", "spent Rp per LRA")
            .into(),
    }
}

/// The figure being typed.
#[derive(Clone, Debug)]
pub struct Editor {
    pub kode: String,
    pub field: Field,
    pub input: Input,
    /// What is wrong with the text so far, if anything.
    pub error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Mode {
    Browse,
    Editing(Editor),
    Searching(Input),
    Help,
    ConfirmQuit,
    /// Saving found figures changed by someone else: the list and the one being asked about.
    Conflicts(Vec<store::Conflict>, usize),
    /// The journal's entries for the selected node, newest first.
    History(Vec<store::journal::Entry>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Error(String),
}

/// The whole state of the interface.
pub struct App {
    /// What the user sees and edits: the file as last read, plus their unsaved changes.
    pub ws: Workspace,
    /// The file as last read or written; `ws` differs from it by the unsaved changes.
    base: Workspace,
    /// The stamp of the bytes `base` came from, to notice another user's save.
    stamp: Option<store::Stamp>,
    /// For figures this user changed before another user's save of the same figure was
    /// reloaded: the value this user started from (so saving asks instead of overwriting).
    started_from: HashMap<(String, Field), Option<Decimal>>,
    /// Every figure changed since `base` (edits, undos, answers to conflicts): where this
    /// user's unsaved changes can be, so a save never compares the whole workspace.
    touched: HashSet<(String, Field)>,
    /// Length and modification time last seen, to look at the file only when they change.
    disk_meta: Option<DiskMeta>,
    /// Where `s` saves; `None` for a workspace that lives only in memory.
    pub path: Option<PathBuf>,
    /// Where `x` writes exports; the current folder when `None`.
    pub export_dir: Option<PathBuf>,
    pub lang: Lang,
    pub theme: Theme,
    pub quarter: Quarter,
    pub view: View,
    pub focus: Focus,
    pub mode: Mode,
    pub message: Option<Message>,
    expanded: HashSet<String>,
    pub attention_only: bool,
    rows: Vec<TreeRow>,
    /// Every node's badge at `quarter`, kept current along each edit's path.
    badges: tree::Badges,
    /// Every node's budget at every quarter, kept current along each edit's path.
    budgets: Budgets,
    /// The dashboard's figures at `quarter`: computed the first time they are shown, then kept
    /// current along each edit's path.
    dashboard: std::cell::RefCell<Option<Dashboard>>,
    /// Where each node sits (child positions from the root), so a key never searches the tree.
    paths: HashMap<String, Vec<usize>>,
    pub selected: usize,
    /// Selected cell of the detail pane: row (indicators, then the budget) and column
    /// (0 = target or pagu, 1–4 = TW I–IV).
    pub cell: (usize, usize),
    pub dashboard_selected: usize,
    /// The last search and the codes it matched, in tree order.
    search: Option<(String, Vec<String>)>,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    generation: u64,
    saved_generation: u64,
    quit: bool,
    /// First visible tree row and the tree's height, as last drawn (for scrolling and paging).
    pub tree_offset: Cell<usize>,
    pub tree_height: Cell<usize>,
}

impl App {
    /// A new interface on `ws`; `file` is where it was read from and the stamp of those bytes
    /// (see `store::load_stamped`), or `None` for a workspace that lives only in memory.
    pub fn new(
        ws: Workspace,
        file: Option<(PathBuf, store::Stamp)>,
        lang: Lang,
        theme: Theme,
    ) -> App {
        let (path, stamp) = match file {
            Some((p, s)) => (Some(p), Some(s)),
            None => (None, None),
        };
        let disk_meta = path.as_deref().and_then(disk_meta);
        let quarter = ws.pengaturan.triwulan_berjalan;
        // Open the levels above Program, so the programs show at once.
        let expanded = ws
            .nodes()
            .filter(|n| n.jenis < crate::model::NodeKind::Program)
            .map(|n| n.kode.clone())
            .collect();
        let mut app = App {
            base: ws.clone(),
            stamp,
            started_from: HashMap::new(),
            touched: HashSet::new(),
            disk_meta,
            ws,
            path,
            export_dir: None,
            lang,
            theme,
            quarter,
            view: View::Tree,
            focus: Focus::Tree,
            mode: Mode::Browse,
            message: None,
            expanded,
            attention_only: false,
            rows: Vec::new(),
            badges: tree::Badges::default(),
            budgets: Budgets::default(),
            dashboard: std::cell::RefCell::new(None),
            paths: HashMap::new(),
            selected: 0,
            cell: (0, quarter.number() as usize),
            dashboard_selected: 0,
            search: None,
            undo: Vec::new(),
            redo: Vec::new(),
            generation: 0,
            saved_generation: 0,
            quit: false,
            tree_offset: Cell::new(0),
            tree_height: Cell::new(10),
        };
        app.reindex();
        app
    }

    /// After the whole workspace was replaced: positions, badges, budgets, dashboard, search
    /// matches, rows.
    fn reindex(&mut self) {
        self.paths = node_paths(&self.ws);
        self.badges = tree::Badges::compute(&self.ws, self.quarter);
        self.budgets = Budgets::compute(&self.ws);
        *self.dashboard.get_mut() = None;
        if let Some((query, _)) = self.search.take() {
            let matches = self.find(&query);
            self.search = Some((query, matches));
        }
        self.rebuild();
    }

    /// A node by code, in O(depth).
    pub fn node(&self, kode: &str) -> Option<&crate::model::Node> {
        let node = self.ws.node_at(self.paths.get(kode)?)?;
        (node.kode == kode).then_some(node)
    }

    /// The nodes above `kode`, root first, in O(depth).
    pub fn ancestors(&self, kode: &str) -> Vec<&crate::model::Node> {
        let Some(path) = self.paths.get(kode) else {
            return Vec::new();
        };
        nodes_at(&self.ws.pohon, &path[..path.len().saturating_sub(1)])
    }

    /// Changes one figure and brings what is derived from it up to date along its path: the
    /// badges, the budgets and (once shown) the dashboard. Rows stay as they are: their badges
    /// are read when drawn, and a row just edited stays in the red filter until it is redone.
    fn change(&mut self, kode: &str, field: Field, value: Option<Decimal>) {
        let Some(positions) = self.paths.get(kode).cloned() else {
            return;
        };
        let Some(node) = self.node(kode) else { return };
        let indicator = field
            .indicator()
            .filter(|_| field.affects_status())
            .and_then(|i| node.indikator.get(i).cloned().map(|d| (i, d)));
        let budget = field.affects_budget().then(|| self.budgets.of(node));
        self.set_value(kode, field, value);
        self.touched.insert((kode.to_string(), field));
        self.generation += 1;
        let nodes = nodes_at(&self.ws.pohon, &positions);
        self.badges
            .update_path(&nodes, &self.ws.pengaturan, self.quarter);
        if let Some(before) = budget {
            self.budgets.update_path(&nodes, before);
        }
        if let (Some((i, before)), Some(dashboard)) = (indicator, self.dashboard.get_mut()) {
            dashboard.update_indicator(&nodes, &positions, i, &before, &self.ws.pengaturan);
        }
    }

    fn set_value(&mut self, kode: &str, field: Field, value: Option<Decimal>) {
        let Some(path) = self.paths.get(kode) else {
            return;
        };
        if let Some(node) = self.ws.node_at_mut(path)
            && node.kode == kode
        {
            field.set(node, value);
        }
    }

    pub fn rows(&self) -> &[TreeRow] {
        &self.rows
    }

    pub fn selected_row(&self) -> Option<&TreeRow> {
        self.rows.get(self.selected)
    }

    /// The badge a row shows, as it is now.
    pub fn badge(&self, row: &TreeRow) -> tree::Badge {
        self.node(&row.kode)
            .map_or(tree::Badge::None, |n| self.badges.row(n))
    }

    pub fn selected_node(&self) -> Option<&crate::model::Node> {
        self.node(&self.selected_row()?.kode)
    }

    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Which key table applies now.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Editing(_) => Context::Editing,
            Mode::Searching(_) => Context::Searching,
            Mode::Help => Context::Help,
            Mode::ConfirmQuit => Context::ConfirmQuit,
            Mode::Conflicts(..) => Context::Conflict,
            Mode::History(_) => Context::Help,
            Mode::Browse => match (self.view, self.focus) {
                (View::Dashboard, _) => Context::Dashboard,
                (View::Tree, Focus::Tree) => Context::Tree,
                (View::Tree, Focus::Detail) => Context::Detail,
            },
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

    /// Rebuilds the visible rows, keeping the selection on the same node where it is still shown.
    fn rebuild(&mut self) {
        let keep = self.selected_row().map(|r| r.kode.clone());
        self.rows = tree::visible_rows(&self.ws, self.shown());
        self.selected = keep
            .and_then(|k| self.row_index(&k))
            .unwrap_or(self.selected.min(self.rows.len().saturating_sub(1)));
        self.clamp_cell();
    }

    fn shown(&self) -> tree::Shown<'_> {
        tree::Shown {
            expanded: &self.expanded,
            attention_only: self.attention_only,
            badges: &self.badges,
        }
    }

    /// The row showing `kode`, if shown: a binary search, as rows are in tree order.
    fn row_index(&self, kode: &str) -> Option<usize> {
        let target = self.paths.get(kode)?;
        self.rows
            .binary_search_by(|r| {
                self.paths
                    .get(&r.kode)
                    .map_or(std::cmp::Ordering::Less, |p| p.cmp(target))
            })
            .ok()
    }

    /// Opens row `i`: its children's rows (and theirs, where open) go in below it.
    fn expand_row(&mut self, i: usize) {
        let Some(row) = self.rows.get(i) else { return };
        if row.expanded || !row.has_children {
            return;
        }
        let (kode, depth) = (row.kode.clone(), row.depth);
        self.expanded.insert(kode.clone());
        let Some(node) = self.node(&kode) else { return };
        let mut below = Vec::new();
        tree::push_children(node, depth, self.shown(), &mut below);
        self.rows[i].expanded = true;
        if self.selected > i {
            self.selected += below.len();
        }
        self.rows.splice(i + 1..i + 1, below);
    }

    /// Closes row `i`: the rows below it go.
    fn collapse_row(&mut self, i: usize) {
        let Some(row) = self.rows.get_mut(i) else {
            return;
        };
        if !row.expanded {
            return;
        }
        row.expanded = false;
        let (kode, depth) = (row.kode.clone(), row.depth);
        self.expanded.remove(&kode);
        let end = self.rows[i + 1..]
            .iter()
            .position(|r| r.depth <= depth)
            .map_or(self.rows.len(), |p| i + 1 + p);
        self.rows.drain(i + 1..end);
        if self.selected >= end {
            self.selected -= end - (i + 1);
        } else if self.selected > i {
            self.select(i);
        }
    }

    fn select(&mut self, index: usize) {
        let last = self.rows.len().saturating_sub(1);
        let index = index.min(last);
        if index != self.selected {
            self.selected = index;
            self.cell.0 = 0;
            self.clamp_cell();
        }
    }

    /// Opens every ancestor of `kode` and selects it (leaving the red filter when it is not
    /// shown there). Opens only what was closed on the way.
    fn reveal(&mut self, kode: &str) {
        let ancestors: Vec<String> = self
            .ancestors(kode)
            .iter()
            .map(|a| a.kode.clone())
            .collect();
        if self.attention_only && self.row_index(kode).is_none() {
            self.attention_only = false;
            self.expanded.extend(ancestors);
            self.rebuild();
        } else {
            for a in &ancestors {
                if let Some(i) = self.row_index(a) {
                    self.expand_row(i);
                }
            }
        }
        if let Some(i) = self.row_index(kode) {
            self.selected = i;
        }
        self.clamp_cell();
    }

    /// Rows of the detail grid: the node's indicators, then its budget if it has one.
    pub fn cell_rows(&self) -> usize {
        self.selected_node()
            .map_or(0, |n| n.indikator.len() + usize::from(n.anggaran.is_some()))
    }

    fn clamp_cell(&mut self) {
        let rows = self.cell_rows();
        self.cell.0 = self.cell.0.min(rows.saturating_sub(1));
        self.cell.1 = self.cell.1.min(4);
    }

    /// The field under the detail cursor.
    pub fn current_field(&self) -> Option<Field> {
        let node = self.selected_node()?;
        let (row, col) = self.cell;
        let q = Quarter::new(col as u8);
        if row < node.indikator.len() {
            Some(match q {
                None => Field::Target(row),
                Some(q) => Field::Realisasi(row, q),
            })
        } else if node.anggaran.is_some() && row == node.indikator.len() {
            Some(match q {
                None => Field::Pagu,
                Some(q) => Field::Rp(q),
            })
        } else {
            None
        }
    }

    /// The current value of a field of a node.
    pub fn value(&self, kode: &str, field: Field) -> Option<Decimal> {
        self.node(kode).and_then(|n| field.get(n)).flatten()
    }

    /// Why a field cannot be typed into, if it cannot.
    fn refuse_edit(&self, kode: &str, field: Field) -> Option<String> {
        let node = self.node(kode)?;
        let derived = field.is_rupiah() && self.budgets.is_derived(node);
        derived.then(|| {
            self.lang
                .pick(
                    "anggaran ini dijumlah dari node di bawahnya; ubah pada Sub Kegiatan",
                    "this budget is the sum of the nodes below; edit a Sub Kegiatan",
                )
                .to_string()
        })
    }

    fn apply(&mut self, edit: &Edit, forward: bool) {
        let value = if forward { edit.new } else { edit.old };
        self.change(&edit.kode, edit.field, value);
    }

    /// Changes one figure as a user would: recorded for undo, everything recomputed.
    pub fn set_figure(&mut self, kode: &str, field: Field, new: Option<Decimal>) -> bool {
        let old = self.value(kode, field);
        if old == new || self.node(kode).is_none() {
            return false;
        }
        let edit = Edit {
            kode: kode.to_string(),
            field,
            old,
            new,
        };
        self.apply(&edit, true);
        self.undo.push(edit);
        self.redo.clear();
        true
    }

    fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message::Info(text.into()));
    }

    fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message::Error(text.into()));
    }

    /// The one place the state changes.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Input(_)) {
            self.message = None;
        }
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Editing(editor) => self.update_editing(editor, action),
            Mode::Searching(input) => self.update_searching(input, action),
            Mode::Help => {
                if action != Action::Cancel {
                    self.mode = Mode::Help;
                }
            }
            Mode::History(entries) => {
                if action != Action::Cancel {
                    self.mode = Mode::History(entries);
                }
            }
            Mode::Conflicts(list, index) => match action {
                Action::KeepMine => self.resolve(list, index, true),
                Action::TakeTheirs => self.resolve(list, index, false),
                Action::Cancel => self.info(self.lang.pick(
                    "Belum disimpan; perubahan Anda tetap di memori.",
                    "Not saved; your changes stay in memory.",
                )),
                _ => self.mode = Mode::Conflicts(list, index),
            },
            Mode::ConfirmQuit => match action {
                Action::SaveAndQuit => {
                    if self.save() {
                        self.quit = true;
                    }
                }
                Action::Discard => self.quit = true,
                Action::Cancel => {}
                _ => self.mode = Mode::ConfirmQuit,
            },
            Mode::Browse => self.update_browse(action),
        }
    }

    fn update_browse(&mut self, action: Action) {
        let page = self.tree_height.get().max(1);
        match (self.view, self.focus, action) {
            (_, _, Action::Quarter(q)) => {
                self.quarter = q;
                self.badges = tree::Badges::compute(&self.ws, q);
                *self.dashboard.get_mut() = None;
                self.rebuild();
                if self.focus == Focus::Detail && self.cell.1 > 0 {
                    self.cell.1 = q.number() as usize;
                }
            }
            (_, _, Action::Dashboard) => {
                self.view = match self.view {
                    View::Tree => View::Dashboard,
                    View::Dashboard => View::Tree,
                };
            }
            (_, _, Action::RedFilter) => {
                self.attention_only = !self.attention_only;
                self.view = View::Tree;
                self.rebuild();
                if self.attention_only && self.rows.is_empty() {
                    self.attention_only = false;
                    self.rebuild();
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
            (_, _, Action::Save) => {
                self.save();
            }
            (_, _, Action::Export) => self.export(),
            (_, _, Action::History) => self.show_history(),
            (_, _, Action::Help) => self.mode = Mode::Help,
            (_, _, Action::Quit) => {
                if self.is_dirty() {
                    self.mode = Mode::ConfirmQuit;
                } else {
                    self.quit = true;
                }
            }
            (View::Dashboard, _, action) => self.update_dashboard(action),
            (View::Tree, Focus::Tree, action) => self.update_tree(action, page),
            (View::Tree, Focus::Detail, action) => self.update_detail(action),
        }
    }

    /// Undo (`forward = false`) or redo the last edit, and show where it happened.
    fn step_history(&mut self, forward: bool) {
        let (from, label, nothing) = if forward {
            (
                &mut self.redo,
                self.lang.pick("Diulang:", "Redone:"),
                self.lang
                    .pick("Tidak ada yang bisa diulang.", "Nothing to redo."),
            )
        } else {
            (
                &mut self.undo,
                self.lang.pick("Diurungkan:", "Undone:"),
                self.lang
                    .pick("Tidak ada yang bisa diurungkan.", "Nothing to undo."),
            )
        };
        let Some(edit) = from.pop() else {
            self.info(nothing);
            return;
        };
        self.apply(&edit, forward);
        self.info(format!("{label} {}", self.describe(&edit, forward)));
        self.reveal(&edit.kode);
        if forward {
            &mut self.undo
        } else {
            &mut self.redo
        }
        .push(edit);
    }

    fn update_tree(&mut self, action: Action, page: usize) {
        let sel = self.selected;
        match action {
            Action::Up => self.select(sel.saturating_sub(1)),
            Action::Down => self.select(sel + 1),
            Action::PageUp => self.select(sel.saturating_sub(page)),
            Action::PageDown => self.select(sel + page),
            Action::Home => self.select(0),
            Action::End => self.select(usize::MAX),
            Action::Toggle => {
                if let Some(row) = self.selected_row() {
                    if !row.has_children {
                        self.focus = Focus::Detail;
                    } else if !self.attention_only {
                        if row.expanded {
                            self.collapse_row(sel);
                        } else {
                            self.expand_row(sel);
                        }
                    }
                }
            }
            Action::Left => {
                if let Some(row) = self.selected_row() {
                    if row.has_children && row.expanded && !self.attention_only {
                        self.collapse_row(sel);
                    } else if let Some(parent) = self
                        .ancestors(&row.kode)
                        .last()
                        .and_then(|p| self.row_index(&p.kode))
                    {
                        self.select(parent);
                    }
                }
            }
            Action::Right => {
                if let Some(row) = self.selected_row() {
                    if row.has_children && !row.expanded {
                        self.expand_row(sel);
                    } else if row.has_children {
                        self.select(sel + 1);
                    }
                }
            }
            Action::SwitchFocus => self.focus = Focus::Detail,
            Action::Edit => {
                self.focus = Focus::Detail;
                self.start_edit();
            }
            _ => {}
        }
    }

    fn update_detail(&mut self, action: Action) {
        let rows = self.cell_rows();
        match action {
            Action::Up => self.cell.0 = self.cell.0.saturating_sub(1),
            Action::Down => self.cell.0 = (self.cell.0 + 1).min(rows.saturating_sub(1)),
            Action::Left => self.cell.1 = self.cell.1.saturating_sub(1),
            Action::Right => self.cell.1 = (self.cell.1 + 1).min(4),
            Action::Home => self.cell.1 = 0,
            Action::End => self.cell.1 = 4,
            Action::PageUp => self.cell.0 = 0,
            Action::PageDown => self.cell.0 = rows.saturating_sub(1),
            Action::SwitchFocus => self.focus = Focus::Tree,
            Action::Edit | Action::Toggle => self.start_edit(),
            _ => {}
        }
    }

    /// The dashboard's figures at the app's quarter: computed the first time they are asked
    /// for after opening, a reload or a change of quarter; kept current by each edit.
    pub fn dashboard(&self) -> std::cell::Ref<'_, Dashboard> {
        if self.dashboard.borrow().is_none() {
            *self.dashboard.borrow_mut() =
                Some(Dashboard::compute(&self.ws, self.quarter, &self.paths));
        }
        std::cell::Ref::map(self.dashboard.borrow(), |d| {
            d.as_ref().expect("computed just above")
        })
    }

    /// `count` rows of the dashboard's list from `offset` on: red indicators worst first, then
    /// the ones due but not entered.
    pub fn attention_rows(&self, offset: usize, count: usize) -> Vec<report::IndicatorRow> {
        let dashboard = self.dashboard();
        dashboard
            .attention(offset)
            .take(count)
            .filter_map(|(positions, i)| {
                let nodes = nodes_at(&self.ws.pohon, positions);
                let (node, ancestors) = nodes.split_last()?;
                let visit = NodeVisit {
                    node,
                    ancestors: ancestors.to_vec(),
                };
                let ind = node.indikator.get(*i)?;
                Some(report::IndicatorRow::new(
                    &self.ws,
                    &visit,
                    *i,
                    ind,
                    self.quarter,
                ))
            })
            .collect()
    }

    /// The whole list of the dashboard (see [`attention_rows`](Self::attention_rows)).
    pub fn attention_list(&self) -> Vec<report::IndicatorRow> {
        self.attention_rows(0, usize::MAX)
    }

    /// A node's budget at every quarter (the sum of its children's where they have one).
    pub fn budget(&self, node: &Node) -> Option<YearBudget> {
        self.budgets.of(node)
    }

    /// Whether a node's budget is the sum of its children's (and so not typed into).
    pub fn budget_is_derived(&self, node: &Node) -> bool {
        self.budgets.is_derived(node)
    }

    /// The whole body's budget at every quarter.
    pub fn budget_total(&self) -> Option<YearBudget> {
        self.budgets.total()
    }

    fn update_dashboard(&mut self, action: Action) {
        let n = self.dashboard().attention_len();
        let sel = self.dashboard_selected;
        match action {
            Action::Up => self.dashboard_selected = sel.saturating_sub(1),
            Action::Down => self.dashboard_selected = (sel + 1).min(n.saturating_sub(1)),
            Action::Home => self.dashboard_selected = 0,
            Action::End => self.dashboard_selected = n.saturating_sub(1),
            Action::Jump | Action::Toggle => {
                if let Some(row) = self.attention_rows(sel, 1).pop() {
                    self.view = View::Tree;
                    self.reveal(&row.at.kode);
                    self.focus = Focus::Detail;
                    self.cell = (row.at.index, self.quarter.number() as usize);
                }
            }
            _ => {}
        }
    }

    fn start_edit(&mut self) {
        let (Some(row), Some(field)) = (self.selected_row().cloned(), self.current_field()) else {
            self.info(self.lang.pick(
                "Node ini tidak punya angka untuk diubah.",
                "This node has no figures to edit.",
            ));
            return;
        };
        if let Some(why) = self.refuse_edit(&row.kode, field) {
            self.error(why);
            return;
        }
        let text = self
            .value(&row.kode, field)
            .map(locale::figure)
            .unwrap_or_default();
        self.mode = Mode::Editing(Editor {
            kode: row.kode,
            field,
            input: Input::new(text),
            error: None,
        });
    }

    fn update_editing(&mut self, mut editor: Editor, action: Action) {
        match action {
            Action::Input(req) => {
                editor.input.handle(req);
                editor.error = parse_input(editor.input.value(), editor.field, self.lang).err();
                self.mode = Mode::Editing(editor);
            }
            Action::Cancel => self.info(self.lang.pick(
                "Batal; tidak ada yang berubah.",
                "Cancelled; nothing changed.",
            )),
            Action::Submit => match parse_input(editor.input.value(), editor.field, self.lang) {
                Err(e) => {
                    editor.error = Some(e);
                    self.mode = Mode::Editing(editor);
                }
                Ok(value) => {
                    let edit = Edit {
                        kode: editor.kode.clone(),
                        field: editor.field,
                        old: self.value(&editor.kode, editor.field),
                        new: value,
                    };
                    if self.set_figure(&editor.kode, editor.field, value) {
                        let mut text = self.describe(&edit, true);
                        if let Field::Target(i) | Field::Realisasi(i, _) = edit.field
                            && let Some(ind) =
                                self.node(&edit.kode).and_then(|n| n.indikator.get(i))
                        {
                            text.push_str(&format!(
                                " · capaian s.d. TW {}: {}",
                                self.quarter,
                                locale::percent_or_dash(rules::capaian_to_date(ind, self.quarter))
                            ));
                        }
                        self.info(text);
                    } else {
                        self.info(self.lang.pick(
                            "Angka sama; tidak ada perubahan.",
                            "Same figure; nothing changed.",
                        ));
                    }
                }
            },
            _ => self.mode = Mode::Editing(editor),
        }
    }

    /// "7.01.02.2.04.02 realisasi TW III: 1.235 → 1.300"
    fn describe(&self, edit: &Edit, forward: bool) -> String {
        let fmt = |v: Option<Decimal>| match field_kind(edit.field) {
            FigureKind::Rupiah => locale::rupiah_or_dash(v),
            FigureKind::Kinerja => locale::figure_or_dash(v),
        };
        let (from, to) = if forward {
            (edit.old, edit.new)
        } else {
            (edit.new, edit.old)
        };
        format!(
            "{} {}: {} → {}",
            edit.kode,
            field_label(edit.field, self.lang),
            fmt(from),
            fmt(to)
        )
    }

    fn update_searching(&mut self, mut input: Input, action: Action) {
        match action {
            Action::Input(req) => {
                input.handle(req);
                self.mode = Mode::Searching(input);
            }
            Action::Submit => {
                let query = input.value().trim().to_string();
                if !query.is_empty() {
                    let matches = self.find(&query);
                    self.search = Some((query, matches));
                    self.view = View::Tree;
                    self.focus = Focus::Tree;
                    self.search_step(true);
                }
            }
            Action::Cancel => {}
            _ => self.mode = Mode::Searching(input),
        }
    }

    /// Codes of every node whose code or name contains the last search's text, in tree order.
    pub fn search_matches(&self) -> &[String] {
        self.search.as_ref().map_or(&[], |(_, m)| m.as_slice())
    }

    /// Codes of every node whose code or name contains `query` (any case), in tree order: one
    /// pass when a search is made; `n` and `N` then step through the result.
    fn find(&self, query: &str) -> Vec<String> {
        let query = query.to_lowercase();
        self.ws
            .nodes()
            .filter(|n| {
                n.kode.to_lowercase().contains(&query) || n.nama.to_lowercase().contains(&query)
            })
            .map(|n| n.kode.clone())
            .collect()
    }

    fn search_step(&mut self, forward: bool) {
        let Some((query, matches)) = &self.search else {
            self.info(self.lang.pick(
                "Belum ada pencarian; tekan / dulu.",
                "No search yet; press / first.",
            ));
            return;
        };
        if matches.is_empty() {
            let text = format!(
                "{} «{query}»",
                self.lang.pick("Tidak ditemukan:", "Not found:")
            );
            self.error(text);
            return;
        }
        // Matches are in tree order, as positions compare: the first one past the selection
        // (or the last one before it) is found by bisection.
        let position = |k: &String| self.paths.get(k);
        let here = self.selected_row().and_then(|r| position(&r.kode));
        let index = if forward {
            let after = matches.partition_point(|k| here.is_some_and(|h| position(k) <= Some(h)));
            if after < matches.len() { after } else { 0 }
        } else {
            let before = matches.partition_point(|k| here.is_some_and(|h| position(k) < Some(h)));
            before.checked_sub(1).unwrap_or(matches.len() - 1)
        };
        let (next, total, query) = (matches[index].clone(), matches.len(), query.clone());
        self.reveal(&next);
        self.info(format!("«{query}» {}/{total}", index + 1));
    }

    /// Writes the LKjIP tables to a dated `.xlsx` in the current folder and says where.
    fn export(&mut self) {
        use crate::export;
        let format = export::Format::Xlsx;
        let name = export::default_file_name(&self.ws, self.quarter, format, export::today());
        let dir = self
            .export_dir
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let path = dir.join(&name);
        let req = export::Request {
            ws: &self.ws,
            quarter: self.quarter,
            lang: self.lang,
            format,
            table: None,
        };
        match export::write(&req, &path) {
            Ok(_) => self.info(format!(
                "{} {}",
                self.lang.pick("Ekspor ditulis ke", "Exported to"),
                path.display()
            )),
            Err(e) => self.error(e.message(self.lang)),
        }
    }

    /// Saves this user's changes onto what is on disk now (merging other users' saves), under
    /// the store's lock. A figure someone else changed meanwhile is asked about, one by one;
    /// on any failure the edits stay in memory and the message says why.
    pub fn save(&mut self) -> bool {
        let (Some(path), Some(stamp)) = (self.path.clone(), self.stamp) else {
            self.error(self.lang.pick(
                "Workspace ini tidak punya berkas.",
                "This workspace has no file.",
            ));
            return false;
        };
        let ops = self.pending();
        let user = store::journal::current_user();
        match store::commit_ops(&path, &mut self.base, stamp, ops, &user, store::LOCK_WAIT) {
            Ok(done) => {
                self.started_from.clear();
                self.touched.clear();
                self.stamp = Some(done.stamp);
                self.disk_meta = disk_meta(&path);
                self.saved_generation = self.generation;
                if done.merged {
                    // Someone else's figures came in: show them.
                    self.ws = self.base.clone();
                    self.reindex();
                }
                // Otherwise the file (and `base`) now holds exactly what is on screen.
                let mut text = format!(
                    "{} {}",
                    self.lang.pick("Tersimpan ke", "Saved to"),
                    path.display()
                );
                if done.merged {
                    text.push_str(self.lang.pick(
                        " (digabung dengan simpanan pengguna lain)",
                        " (merged with another user's save)",
                    ));
                }
                match done.journal_error {
                    Some(e) => self.error(format!(
                        "{text}; {}: {e}",
                        self.lang
                            .pick("jurnal gagal ditulis", "journal not written")
                    )),
                    None => self.info(text),
                }
                true
            }
            Err(store::CommitError::Conflicts(list)) => {
                self.error(store::CommitError::Conflicts(list.clone()).message(self.lang));
                self.mode = Mode::Conflicts(list, 0);
                false
            }
            Err(e) => {
                self.error(e.message(self.lang));
                false
            }
        }
    }

    /// This user's unsaved changes: each figure changed since the file was last read that
    /// differs from it, measured from the figure the user started from. Looks only at the
    /// figures touched (`base` and `ws` have the same tree, so one position serves both).
    fn pending(&self) -> Vec<Edit> {
        let mut ops: Vec<Edit> = self
            .touched
            .iter()
            .filter_map(|(kode, field)| {
                let at = self.paths.get(kode)?;
                let old = field.get(self.base.node_at(at)?)?;
                let new = field.get(self.ws.node_at(at)?)?;
                (old != new).then(|| Edit {
                    kode: kode.clone(),
                    field: *field,
                    old: self
                        .started_from
                        .get(&(kode.clone(), *field))
                        .copied()
                        .unwrap_or(old),
                    new,
                })
            })
            .collect();
        // In tree order, as the journal and the conflict questions show them.
        ops.sort_by(|a, b| {
            (self.paths.get(&a.kode), a.field).cmp(&(self.paths.get(&b.kode), b.field))
        });
        ops
    }

    /// Resolves the conflict on screen: keep this user's figure or take the one on disk. After
    /// the last one, saves again.
    fn resolve(&mut self, list: Vec<store::Conflict>, index: usize, keep_mine: bool) {
        let Some(c) = list.get(index) else { return };
        let key = (c.mine.kode.clone(), c.mine.field);
        if keep_mine {
            // The user now knowingly replaces the figure on disk.
            self.started_from.insert(key, c.theirs);
        } else {
            self.started_from.remove(&key);
            self.change(&c.mine.kode, c.mine.field, c.theirs);
        }
        if index + 1 < list.len() {
            self.mode = Mode::Conflicts(list, index + 1);
        } else {
            self.save();
        }
    }

    /// Opens the journal's entries for the selected node.
    fn show_history(&mut self) {
        let (Some(path), Some(row)) = (self.path.clone(), self.selected_row().cloned()) else {
            self.info(self.lang.pick(
                "Tidak ada jurnal untuk workspace ini.",
                "No journal for this workspace.",
            ));
            return;
        };
        match store::journal::read(&path) {
            Ok((entries, _)) => {
                let mut mine: Vec<_> = entries.into_iter().filter(|e| e.kode == row.kode).collect();
                mine.reverse();
                self.mode = Mode::History(mine);
            }
            Err(e) => self.error(format!(
                "{}: {e}",
                store::journal::path_for(&path).display()
            )),
        }
    }

    /// Looks at the file: when another user saved, reloads it and puts this user's unsaved
    /// changes back on top. Returns whether anything changed on screen.
    pub fn check_disk(&mut self) -> bool {
        let Some(path) = self.path.clone() else {
            return false;
        };
        let meta = disk_meta(&path);
        if meta == self.disk_meta {
            return false;
        }
        self.disk_meta = meta;
        if meta.is_none() {
            self.error(format!(
                "{}: {}",
                path.display(),
                self.lang.pick(
                    "berkas hilang dari disk; perubahan Anda masih di memori",
                    "the file is gone; your changes are still in memory"
                )
            ));
            return true;
        }
        let Ok((theirs, stamp)) = store::load_stamped(&path) else {
            self.error(self.lang.pick(
                "berkas di disk berubah tetapi tidak terbaca; tidak dimuat ulang",
                "the file changed on disk but cannot be read; not reloaded",
            ));
            return true;
        };
        if self.stamp.is_some_and(|s| s.same_bytes(&stamp)) {
            return false;
        }
        let mine = self.pending();
        let mut ws = theirs.clone();
        let mut clashing = 0;
        for op in &mine {
            ws.set_figure(&op.kode, op.field, op.new);
            // Keep measuring this user's change from the figure they saw: if the other user
            // changed the same figure, saving will ask instead of overwriting it.
            if theirs.figure(&op.kode, op.field) != Some(op.old) {
                clashing += 1;
                self.started_from
                    .insert((op.kode.clone(), op.field), op.old);
            }
        }
        self.ws = ws;
        self.base = theirs;
        self.stamp = Some(stamp);
        self.reindex();
        let text = if mine.is_empty() {
            self.lang
                .pick(
                    "Berkas diperbarui oleh pengguna lain; angka dimuat ulang.",
                    "Another user saved; figures reloaded.",
                )
                .to_string()
        } else if clashing == 0 {
            self.lang
                .pick(
                    "Berkas diperbarui oleh pengguna lain; perubahan Anda yang belum disimpan tetap di atasnya.",
                    "Another user saved; your unsaved changes stay on top.",
                )
                .to_string()
        } else {
            format!(
                "{clashing} {}",
                self.lang.pick(
                    "angka yang Anda ubah juga diubah pengguna lain; saat menyimpan Anda akan ditanya.",
                    "figure(s) you changed were also changed by another user; saving will ask.",
                )
            )
        };
        self.info(text);
        true
    }

    /// The status of an indicator at the app's quarter.
    pub fn status(&self, ind: &crate::model::Indicator) -> Status {
        rules::status(ind, self.quarter, &self.ws.pengaturan)
    }
}

/// Reads the text typed into a field: empty means "not entered".
fn parse_input(text: &str, field: Field, lang: Lang) -> Result<Option<Decimal>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    locale::parse_figure(text, field_kind(field))
        .map(Some)
        .map_err(|e| e.message(lang))
}

/// What tells cheaply that a file was replaced: its inode (every atomic save is a new file),
/// length and modification time.
type DiskMeta = (u64, u64, Option<std::time::SystemTime>);

fn disk_meta(path: &std::path::Path) -> Option<DiskMeta> {
    let m = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Some((inode, m.len(), m.modified().ok()))
}

/// The nodes at `positions` from the root down (the last is the node itself).
fn nodes_at<'a>(pohon: &'a [Node], positions: &[usize]) -> Vec<&'a Node> {
    let mut out = Vec::with_capacity(positions.len());
    let mut level = pohon;
    for i in positions {
        let Some(n) = level.get(*i) else { break };
        out.push(n);
        level = &n.anak;
    }
    out
}

/// Each node's position: the child indices from the root down.
fn node_paths(ws: &Workspace) -> HashMap<String, Vec<usize>> {
    fn go(
        nodes: &[crate::model::Node],
        prefix: &mut Vec<usize>,
        out: &mut HashMap<String, Vec<usize>>,
    ) {
        for (i, n) in nodes.iter().enumerate() {
            prefix.push(i);
            out.insert(n.kode.clone(), prefix.clone());
            go(&n.anak, prefix, out);
            prefix.pop();
        }
    }
    let mut out = HashMap::new();
    go(&ws.pohon, &mut Vec::new(), &mut out);
    out
}
