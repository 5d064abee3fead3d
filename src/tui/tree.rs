//! The tree pane. Owns the visible rows (nodes whose ancestors are open, or with the red
//! filter every node with a red or blank indicator and the nodes above it), the selection, which
//! nodes are open, the filter, and the scroll position for the pane's height as last laid out.
//! Rows are built when the filter or the quarter changes or another user's save is loaded;
//! opening or closing a node adds or removes only the rows below it, and a change of the tree
//! makes again only the rows of the children it replaced (see [`Tree::follow`]). Badges are
//! the session's (see `badges`), read when a row is drawn, so an edit changes no row.

use super::action::Action;
use super::badges::Badges;
use super::session::{Region, Reshape, Session};
use crate::model::{Node, NodeKind, Workspace};
use std::collections::HashSet;

/// One visible row of the tree pane.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeRow {
    pub kode: String,
    pub nama: String,
    pub jenis: NodeKind,
    pub depth: usize,
    pub has_children: bool,
    pub expanded: bool,
}

/// What decides which rows show: the nodes opened, or with `attention_only` every node with a
/// red or blank indicator and the nodes above it (all shown open).
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub expanded: &'a HashSet<String>,
    pub attention_only: bool,
    pub badges: &'a Badges,
}

/// The rows to show. Visits only what is shown.
pub fn visible_rows(ws: &Workspace, shown: Shown) -> Vec<TreeRow> {
    let mut out = Vec::new();
    for root in &ws.pohon {
        push_rows(root, 0, shown, &mut out);
    }
    out
}

/// The rows below `node` (shown at `depth`) when it is open: its children's, and theirs where
/// open.
pub fn push_children(node: &Node, depth: usize, shown: Shown, out: &mut Vec<TreeRow>) {
    for child in &node.anak {
        push_rows(child, depth + 1, shown, out);
    }
}

/// The row of `node` and, when open, the rows below it.
fn push_rows(node: &Node, depth: usize, shown: Shown, out: &mut Vec<TreeRow>) {
    let Shown {
        expanded,
        attention_only,
        badges,
    } = shown;
    if attention_only && !badges.subtree(&node.kode).is_attention() {
        return;
    }
    let has_children = if attention_only {
        node.anak
            .iter()
            .any(|c| badges.subtree(&c.kode).is_attention())
    } else {
        !node.anak.is_empty()
    };
    let open = attention_only || expanded.contains(&node.kode);
    out.push(TreeRow {
        kode: node.kode.clone(),
        nama: node.nama.clone(),
        jenis: node.jenis,
        depth,
        has_children,
        expanded: open,
    });
    if open {
        push_children(node, depth, shown, out);
    }
}

/// What a key in the tree asks of the rest of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeOutcome {
    Nothing,
    /// Another row was selected (the detail's cursor goes back to the first row).
    Selected,
    /// The detail pane takes the keys.
    FocusDetail,
    /// The detail pane takes the keys and its cell is to be edited.
    Edit,
}

pub struct Tree {
    rows: Vec<TreeRow>,
    selected: usize,
    expanded: HashSet<String>,
    attention_only: bool,
    /// First visible row, kept so the selection stays in view in a pane of `height` rows.
    offset: usize,
    height: usize,
}

impl Tree {
    /// The levels above Program open, so the programs show at once.
    pub fn new(s: &Session) -> Tree {
        let mut tree = Tree {
            rows: Vec::new(),
            selected: 0,
            expanded: HashSet::new(),
            attention_only: false,
            offset: 0,
            height: 10,
        };
        tree.open_upper_levels(s);
        tree
    }

    /// Opens every node above Program (as at the start), so the programs show.
    pub fn open_upper_levels(&mut self, s: &Session) {
        self.expanded.extend(
            s.ws()
                .nodes()
                .filter(|n| n.jenis < NodeKind::Program)
                .map(|n| n.kode.clone()),
        );
        self.rebuild(s);
    }

    pub fn rows(&self) -> &[TreeRow] {
        &self.rows
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_row(&self) -> Option<&TreeRow> {
        self.rows.get(self.selected)
    }

    pub fn attention_only(&self) -> bool {
        self.attention_only
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The pane's height in rows, as laid out for the terminal's size.
    pub fn set_height(&mut self, height: usize) {
        self.height = height;
        self.scroll();
    }

    /// Moves the first visible row just enough to show the selection.
    pub fn scroll(&mut self) {
        let height = self.height;
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if height > 0 && self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }

    fn shown<'a>(&'a self, badges: &'a Badges) -> Shown<'a> {
        Shown {
            expanded: &self.expanded,
            attention_only: self.attention_only,
            badges,
        }
    }

    /// Builds the visible rows again, keeping the selection on the same node where it is still
    /// shown.
    pub fn rebuild(&mut self, s: &Session) {
        let keep = self.selected_row().map(|r| r.kode.clone());
        self.rows = visible_rows(s.ws(), self.shown(s.badges()));
        self.selected = keep
            .and_then(|k| self.row_index(s, &k))
            .unwrap_or(self.selected.min(self.rows.len().saturating_sub(1)));
    }

    /// After changes of the tree: the rows they replaced made again (all rows, with the red
    /// filter on or when several changes reshaped the tree at once), renamed rows, opened
    /// nodes that were recoded; the selection stays on its node where it is still shown.
    pub fn follow(&mut self, s: &Session, work: Vec<Reshape>) {
        if work.is_empty() {
            return;
        }
        let keep = self.selected_row().map(|r| r.kode.clone());
        let reshapes = work
            .iter()
            .filter(|w| matches!(w, Reshape::Regions(_)))
            .count();
        let rebuild = self.attention_only || reshapes > 1;
        for w in work {
            match w {
                Reshape::Renamed(kode) => {
                    if let (Some(i), Some(node)) = (self.row_index(s, &kode), s.node(&kode)) {
                        self.rows[i].nama = node.nama.clone();
                    }
                }
                Reshape::Recoded(pairs) => {
                    for (old, new) in pairs {
                        if self.expanded.remove(&old) {
                            self.expanded.insert(new);
                        }
                    }
                }
                Reshape::Regions(regions) if !rebuild => {
                    for r in &regions {
                        self.splice(s, r);
                    }
                }
                Reshape::Regions(_) => {}
            }
        }
        if rebuild {
            self.rows = visible_rows(s.ws(), self.shown(s.badges()));
        }
        self.selected = keep
            .and_then(|k| self.row_index(s, &k))
            .unwrap_or(self.selected.min(self.rows.len().saturating_sub(1)));
    }

    /// Makes the rows of a region again: the children of its parent from its start, as the
    /// tree holds them now, in place of the rows they had (found by their depth below the
    /// parent's row: the rows of the changed part hold codes the index no longer knows).
    fn splice(&mut self, s: &Session, r: &Region) {
        let (start, depth) = match &r.parent {
            None => (0, 0),
            Some(p) => {
                let Some(i) = self.rows.iter().position(|row| row.kode == *p) else {
                    return;
                };
                let has = s.node(p).is_some_and(|n| !n.anak.is_empty());
                self.rows[i].has_children = has;
                if !self.rows[i].expanded {
                    return;
                }
                (i + 1, self.rows[i].depth + 1)
            }
        };
        let end = self.rows[start..]
            .iter()
            .position(|row| row.depth < depth)
            .map_or(self.rows.len(), |k| start + k);
        // The row of the `n`-th child shown (or the end of the parent's rows).
        let child_row = |rows: &[TreeRow], n: usize| {
            rows[start..end]
                .iter()
                .enumerate()
                .filter(|(_, row)| row.depth == depth)
                .nth(n)
                .map_or(end, |(k, _)| start + k)
        };
        let from_row = child_row(&self.rows, r.from);
        let to_row = match r.count {
            Some(c) => child_row(&self.rows, r.from + c),
            None => end,
        };
        let children: &[Node] = match &r.parent {
            None => &s.ws().pohon,
            Some(p) => s.node(p).map_or(&[], |n| &n.anak),
        };
        let from = r.from.min(children.len());
        let to = r
            .count
            .map_or(children.len(), |c| (from + c).min(children.len()));
        let mut rows = Vec::new();
        for c in &children[from..to] {
            push_rows(c, depth, self.shown(s.badges()), &mut rows);
        }
        self.rows.splice(from_row..to_row, rows);
    }

    /// Where the rows differ from those built from scratch with the same nodes open (tests).
    pub fn differs_from_rebuild(&self, s: &Session) -> Option<String> {
        // The red filter keeps a row just fixed until it is switched again (by design).
        if self.attention_only {
            return None;
        }
        let fresh = visible_rows(s.ws(), self.shown(s.badges()));
        (fresh != self.rows).then(|| {
            let at = fresh
                .iter()
                .zip(&self.rows)
                .position(|(a, b)| a != b)
                .unwrap_or(fresh.len().min(self.rows.len()));
            format!(
                "rows ({} kept, {} built) differ at {at}: kept {:?}, built {:?}",
                self.rows.len(),
                fresh.len(),
                self.rows.get(at),
                fresh.get(at)
            )
        })
    }

    /// Switches the red filter; `false` when there is nothing red or blank to show (the filter
    /// stays off).
    pub fn toggle_filter(&mut self, s: &Session) -> bool {
        self.attention_only = !self.attention_only;
        self.rebuild(s);
        if self.attention_only && self.rows.is_empty() {
            self.attention_only = false;
            self.rebuild(s);
            return false;
        }
        true
    }

    /// The row showing `kode`, if shown: a binary search, as rows are in tree order.
    pub fn row_index(&self, s: &Session, kode: &str) -> Option<usize> {
        let target = s.position(kode)?;
        self.rows
            .binary_search_by(|r| {
                s.position(&r.kode)
                    .map_or(std::cmp::Ordering::Less, |p| p.cmp(target))
            })
            .ok()
    }

    /// Opens row `i`: its children's rows (and theirs, where open) go in below it.
    fn expand_row(&mut self, s: &Session, i: usize) {
        let Some(row) = self.rows.get(i) else { return };
        if row.expanded || !row.has_children {
            return;
        }
        let (kode, depth) = (row.kode.clone(), row.depth);
        self.expanded.insert(kode.clone());
        let Some(node) = s.node(&kode) else { return };
        let mut below = Vec::new();
        push_children(node, depth, self.shown(s.badges()), &mut below);
        self.rows[i].expanded = true;
        if self.selected > i {
            self.selected += below.len();
        }
        self.rows.splice(i + 1..i + 1, below);
    }

    /// Closes row `i`: the rows below it go. Returns whether the selection moved up to it.
    fn collapse_row(&mut self, i: usize) -> bool {
        let Some(row) = self.rows.get_mut(i) else {
            return false;
        };
        if !row.expanded {
            return false;
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
            false
        } else if self.selected > i {
            self.select(i)
        } else {
            false
        }
    }

    /// Selects row `index` (the last row when past it); returns whether the selection moved.
    fn select(&mut self, index: usize) -> bool {
        let index = index.min(self.rows.len().saturating_sub(1));
        let moved = index != self.selected;
        self.selected = index;
        moved
    }

    /// Opens every ancestor of `kode` and selects it (leaving the red filter when it is not
    /// shown there). Opens only what was closed on the way.
    pub fn reveal(&mut self, s: &Session, kode: &str) {
        let ancestors: Vec<String> = s.ancestors(kode).iter().map(|a| a.kode.clone()).collect();
        if self.attention_only && self.row_index(s, kode).is_none() {
            self.attention_only = false;
            self.expanded.extend(ancestors);
            self.rebuild(s);
        } else {
            for a in &ancestors {
                if let Some(i) = self.row_index(s, a) {
                    self.expand_row(s, i);
                }
            }
        }
        if let Some(i) = self.row_index(s, kode) {
            self.selected = i;
        }
    }

    pub fn update(&mut self, s: &Session, action: Action) -> TreeOutcome {
        let sel = self.selected;
        let page = self.height.max(1);
        let moved = |m: bool| {
            if m {
                TreeOutcome::Selected
            } else {
                TreeOutcome::Nothing
            }
        };
        let Some(row) = self.selected_row() else {
            return match action {
                Action::SwitchFocus => TreeOutcome::FocusDetail,
                Action::Edit => TreeOutcome::Edit,
                _ => TreeOutcome::Nothing,
            };
        };
        let (has_children, expanded) = (row.has_children, row.expanded);
        match action {
            Action::Up => moved(self.select(sel.saturating_sub(1))),
            Action::Down => moved(self.select(sel + 1)),
            Action::PageUp => moved(self.select(sel.saturating_sub(page))),
            Action::PageDown => moved(self.select(sel + page)),
            Action::Home => moved(self.select(0)),
            Action::End => moved(self.select(usize::MAX)),
            Action::Toggle if !has_children => TreeOutcome::FocusDetail,
            Action::Toggle if self.attention_only => TreeOutcome::Nothing,
            Action::Toggle if expanded => moved(self.collapse_row(sel)),
            Action::Toggle => {
                self.expand_row(s, sel);
                TreeOutcome::Nothing
            }
            Action::Left if has_children && expanded && !self.attention_only => {
                moved(self.collapse_row(sel))
            }
            Action::Left => {
                let kode = row.kode.clone();
                match s
                    .ancestors(&kode)
                    .last()
                    .and_then(|p| self.row_index(s, &p.kode))
                {
                    Some(parent) => moved(self.select(parent)),
                    None => TreeOutcome::Nothing,
                }
            }
            Action::Right if has_children && !expanded => {
                self.expand_row(s, sel);
                TreeOutcome::Nothing
            }
            Action::Right if has_children => moved(self.select(sel + 1)),
            Action::SwitchFocus => TreeOutcome::FocusDetail,
            Action::Edit => TreeOutcome::Edit,
            _ => TreeOutcome::Nothing,
        }
    }
}
