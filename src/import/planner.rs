//! From a read file to a [`Plan`]: each sheet's layout recognised, its rows matched to the
//! tree, its numbers read, duplicates and parents' sums checked.

use super::layout::{Layout, Recognised, Role, recognise};
use super::matching::{self, FastMap, Index};
use super::number::{self, Convention, Evidence, Reading};
use super::plan::{
    Change, Missing, MissingIndicator, MissingNode, NewIndicator, NodeLabel, Options, Plan,
    SheetRead, Unchanged, Verified,
};
use super::problem::{Note, NoteKind, Problem, ProblemKind};
use super::read::{At, Sheet, Workbook};
use super::rows::{self, NodeRef, Row, What};
use super::titles;
use crate::locale::FigureKind;
use crate::model::{Aggregation, Field, NodeKind, Op, Quarter, Workspace};
use crate::rules;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A figure the file gives for a node.
struct Pending {
    node: usize,
    field: Field,
    value: Decimal,
    at: At,
}

/// A budget figure given for a node whose budget is its children's sum.
struct ParentCheck {
    node: usize,
    field: Field,
    to_date: Option<Quarter>,
    value: Decimal,
    at: At,
}

/// An LRA's realisation to date, placed once every sheet is read.
struct ToDate {
    node: usize,
    quarter: Quarter,
    value: Decimal,
    at: At,
}

struct Builder<'w> {
    ws: &'w Workspace,
    index: Index<'w>,
    figures: Vec<Pending>,
    by_key: FastMap<(usize, Field), usize>,
    checks: Vec<ParentCheck>,
    to_date: Vec<ToDate>,
    problems: Vec<Problem>,
    notes: Vec<Note>,
    missing: Missing,
    sheets: Vec<SheetRead>,
}

/// The plan of importing `book` into `ws`.
pub fn plan(ws: &Workspace, book: &Workbook, opts: &Options) -> Plan {
    let mut b = Builder {
        ws,
        index: Index::new(ws),
        figures: Vec::new(),
        by_key: FastMap::default(),
        checks: Vec::new(),
        to_date: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
        missing: Missing::default(),
        sheets: Vec::new(),
    };
    let only = opts.sheet.is_some() || book.sheets.len() == 1;
    for sheet in &book.sheets {
        match recognise(sheet) {
            Some(rec) => b.sheet(sheet, &rec, opts),
            None => {
                b.sheets.push(SheetRead {
                    name: sheet.name.to_string(),
                    layout: None,
                    kinerja: false,
                    rows: 0,
                });
                let kind = ProblemKind::UnknownLayout {
                    sheet: sheet.name.to_string(),
                };
                if only {
                    b.problem(Some(sheet.at(0, 0)), None, kind);
                } else {
                    b.notes.push(Note {
                        at: None,
                        kind: NoteKind::SkippedSheet {
                            sheet: sheet.name.to_string(),
                        },
                    });
                }
            }
        }
    }
    if b.sheets.iter().all(|s| s.layout.is_none()) && !only {
        b.problem(
            None,
            None,
            ProblemKind::UnknownLayout {
                sheet: book
                    .sheets
                    .iter()
                    .map(|s| &*s.name)
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        );
    }
    b.place_to_date();
    b.finish(book)
}

impl<'w> Builder<'w> {
    fn problem(&mut self, at: Option<At>, node: Option<usize>, kind: ProblemKind) {
        let kode = node.map(|n| self.kode(n).to_string());
        self.problems.push(Problem { at, kode, kind });
    }

    fn kode(&self, node: usize) -> &'w str {
        &self.index.nodes[node].node.kode
    }

    /// Records a figure; the same figure twice with another value is a problem.
    fn figure(&mut self, node: usize, field: Field, value: Decimal, at: At) {
        let next = self.figures.len();
        match self.by_key.entry((node, field)) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let f = &self.figures[*first.get()];
                if f.value != value {
                    let kind = ProblemKind::Duplicate {
                        kode: self.kode(node).to_string(),
                        field,
                        first: f.at.clone(),
                        first_value: f.value,
                        value,
                    };
                    self.problem(Some(at), Some(node), kind);
                }
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(next);
                self.figures.push(Pending {
                    node,
                    field,
                    value,
                    at,
                });
            }
        }
    }

    /// A budget figure for `node`: stored on a node with its own budget, checked on a node
    /// whose budget is its children's sum.
    fn budget(&mut self, node: usize, field: Field, value: Decimal, at: At) {
        let e = &self.index.nodes[node];
        let summed = matches!(field, Field::Pagu | Field::Rp(_) | Field::RealisasiTahun);
        if e.sums_children && summed {
            self.checks.push(ParentCheck {
                node,
                field,
                to_date: None,
                value,
                at,
            });
        } else if e.node.anggaran.is_none() {
            let kind = ProblemKind::NoBudget {
                kode: e.node.kode.clone(),
            };
            self.problem(Some(at), Some(node), kind);
        } else {
            self.figure(node, field, value, at);
        }
    }

    fn sheet(&mut self, sheet: &Sheet, rec: &Recognised, opts: &Options) {
        if let Some((found, at)) = titles::wrong_year(sheet, rec, self.ws.tahun) {
            let kind = ProblemKind::WrongYear {
                found,
                expected: self.ws.tahun,
            };
            self.problem(Some(at), None, kind);
        }
        let rows = rows::rows(sheet, rec);
        let values: usize = rows.iter().map(|r| r.values.len()).sum();
        self.figures.reserve(values);
        self.by_key.reserve(values);
        self.sheets.push(SheetRead {
            name: sheet.name.to_string(),
            layout: Some(rec.layout),
            kinerja: rec.kinerja,
            rows: rows.len(),
        });
        let convention = if rec.kinerja {
            // kinerja's export writes plain numbers with a decimal dot.
            Convention::English
        } else {
            let mut e = Evidence::default();
            for row in &rows {
                for v in &row.values {
                    e.add(v.cell);
                }
            }
            e.convention()
        };
        let to_date_quarter = if rec.column(Role::ToDate).is_some() {
            let quarter = match opts.tw {
                Some(q) => Ok(q),
                None => titles::to_date(sheet, rec),
            };
            match quarter {
                Ok(q) => {
                    self.notes.push(Note {
                        at: None,
                        kind: NoteKind::LraRealisation { to_date: q },
                    });
                    Some(q)
                }
                Err((at, month)) => {
                    self.problem(Some(at), None, ProblemKind::NotQuarterEnd { month });
                    None
                }
            }
        } else {
            None
        };
        let mut current: Option<Result<usize, usize>> = None;
        let mut occurrences: HashMap<(usize, String, String), usize> = HashMap::new();
        let mut above: Vec<(NodeKind, String)> = Vec::new();
        let mut after_tw_noted = false;
        for row in &rows {
            for (col, kind) in &row.problems {
                self.problem(Some(sheet.at(row.row, *col)), None, kind.clone());
            }
            // The node: Ok(index) when found, Err(missing node) when not.
            let mut new_sasaran = None;
            let node = match &row.node {
                NodeRef::SameAsAbove => current,
                NodeRef::Named {
                    kode,
                    nama,
                    level,
                    col,
                } => {
                    let at = sheet.at(row.row, *col);
                    let found = self.find_node(kode.as_deref(), nama, *level, rec.layout);
                    let level = level.or_else(|| kode.as_deref().and_then(level_of_kode));
                    // A row that opens a sasaran block names the sasaran beside its first
                    // node. When the node is new, so may the sasaran be (an office building its
                    // tree from the file): it is the node's parent, and the row's indicator is
                    // the sasaran's (seed line 599: Nilai RB is Sasaran 2's).
                    if matches!(found, Some(Err(_)))
                        && let Some(s) = &row.sasaran
                        && level.is_some_and(|l| l > NodeKind::Sasaran)
                    {
                        let s_at = rec
                            .column(Role::Sasaran)
                            .map_or_else(|| at.clone(), |c| sheet.at(row.row, c));
                        let label =
                            match self.find_node(None, s, Some(NodeKind::Sasaran), rec.layout) {
                                Some(Ok(i)) => Some(self.index.nodes[i].node.kode.clone()),
                                Some(Err(_)) => {
                                    let parent = above
                                        .iter()
                                        .rev()
                                        .find(|(k, _)| *k < NodeKind::Sasaran)
                                        .map(|(_, n)| n.clone());
                                    self.missing.nodes.push(MissingNode {
                                        kode: None,
                                        nama: s.clone(),
                                        jenis: Some(NodeKind::Sasaran),
                                        parent,
                                        indikator: Vec::new(),
                                        at: s_at,
                                    });
                                    new_sasaran = Some(self.missing.nodes.len() - 1);
                                    Some(s.clone())
                                }
                                None => None,
                            };
                        if let Some(label) = label {
                            above.retain(|(k, _)| *k < NodeKind::Sasaran);
                            above.push((NodeKind::Sasaran, label));
                        }
                    }
                    let label = kode.clone().unwrap_or_else(|| nama.clone());
                    let parent = level.and_then(|l| {
                        above
                            .iter()
                            .rev()
                            .find(|(k, _)| *k < l)
                            .map(|(_, n)| n.clone())
                    });
                    if let Some(l) = level {
                        above.retain(|(k, _)| *k < l);
                        above.push((l, label));
                    }
                    match found {
                        Some(Ok(i)) => Some(Ok(i)),
                        Some(Err(kind)) => {
                            self.problem(Some(at.clone()), None, kind);
                            self.missing.nodes.push(MissingNode {
                                kode: kode.clone(),
                                nama: nama.clone(),
                                jenis: level,
                                parent,
                                indikator: Vec::new(),
                                at,
                            });
                            Some(Err(self.missing.nodes.len() - 1))
                        }
                        None => None,
                    }
                }
            };
            current = node;
            let node = match node {
                Some(Ok(i)) => i,
                Some(Err(m)) => {
                    if let Some(ind) = &row.indicator {
                        self.missing.nodes[new_sasaran.unwrap_or(m)].indikator.push(
                            super::plan::NewIndicator {
                                nama: ind.nama.clone(),
                                satuan: ind.satuan.clone(),
                                at: sheet.at(row.row, ind.col),
                            },
                        );
                    }
                    continue;
                }
                None => continue,
            };
            self.row(
                sheet,
                rec,
                row,
                node,
                convention,
                to_date_quarter,
                opts.tw,
                &mut occurrences,
                &mut after_tw_noted,
            );
        }
    }

    /// Finds a row's node: by kode; without one, by name (a level the row states narrows the
    /// candidates; an LRA prefers nodes with their own budget).
    fn find_node(
        &self,
        kode: Option<&str>,
        nama: &str,
        level: Option<NodeKind>,
        layout: Layout,
    ) -> Option<Result<usize, ProblemKind>> {
        if let Some(k) = kode {
            return Some(self.index.by_kode(k).ok_or(ProblemKind::UnknownNode {
                kode: Some(k.to_string()),
                nama: nama.to_string(),
            }));
        }
        if nama.is_empty() {
            return None;
        }
        let mut found: Vec<usize> = self.index.by_name(nama).to_vec();
        if let Some(l) = level {
            found.retain(|i| self.index.nodes[*i].node.jenis == l);
            // kinerja's export writes a name that already begins with its level's word once
            // ("Sasaran Pelayanan …", `export::words::labelled`), and the word was read as the
            // label: the name is the whole text.
            if found.is_empty() {
                for lang in [crate::locale::Lang::Id, crate::locale::Lang::En] {
                    let whole = format!("{} {nama}", lang.kind(l));
                    found.extend(
                        self.index
                            .by_name(&whole)
                            .iter()
                            .filter(|i| self.index.nodes[**i].node.jenis == l),
                    );
                }
                found.sort_unstable();
                found.dedup();
            }
        }
        if found.len() > 1 && layout == Layout::Lra {
            let own: Vec<usize> = found
                .iter()
                .copied()
                .filter(|i| {
                    let e = &self.index.nodes[*i];
                    e.node.anggaran.is_some() && !e.sums_children
                })
                .collect();
            if !own.is_empty() {
                found = own;
            }
        }
        Some(match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(ProblemKind::UnknownNode {
                kode: None,
                nama: nama.to_string(),
            }),
            many => Err(ProblemKind::AmbiguousNode {
                nama: nama.to_string(),
                kodes: many
                    .iter()
                    .map(|i| self.index.nodes[*i].node.kode.clone())
                    .collect(),
            }),
        })
    }

    /// The indicator a row names: on its node, else (a row that also names its Sasaran, as
    /// the E-81's first row of a sasaran does) on that Sasaran.
    fn find_indicator(
        &mut self,
        sheet: &Sheet,
        row: &Row,
        node: usize,
        scope: &str,
        occurrences: &mut HashMap<(usize, String, String), usize>,
    ) -> Option<(usize, usize)> {
        let ind = row.indicator.as_ref()?;
        let at = sheet.at(row.row, ind.col);
        let e = &self.index.nodes[node];
        if let Some(n) = ind.number
            && let Some(i) = n.checked_sub(1).filter(|i| *i < e.node.indikator.len())
        {
            return Some((node, i));
        }
        let key = (node, matching::name_key(&ind.nama), scope.to_string());
        let occurrence = *occurrences.get(&key).unwrap_or(&0);
        occurrences.insert(key, occurrence + 1);
        if let Some(i) = matching::indicator(e.node, &ind.nama, occurrence) {
            return Some((node, i));
        }
        if row.sasaran.is_some()
            && let Some(s) = e.sasaran.filter(|s| *s != node)
            && let Some(i) = matching::indicator(self.index.nodes[s].node, &ind.nama, 0)
        {
            return Some((s, i));
        }
        let kind = ProblemKind::UnknownIndicator {
            kode: e.node.kode.clone(),
            nama: ind.nama.clone(),
            known: e.node.indikator.iter().map(|i| i.nama.clone()).collect(),
        };
        self.missing.indicators.push(MissingIndicator {
            kode: e.node.kode.clone(),
            indicator: NewIndicator {
                nama: ind.nama.clone(),
                satuan: ind.satuan.clone(),
                at: at.clone(),
            },
        });
        self.problem(Some(at), Some(node), kind);
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        sheet: &Sheet,
        rec: &Recognised,
        row: &Row,
        node: usize,
        convention: Convention,
        to_date_quarter: Option<Quarter>,
        tw: Option<Quarter>,
        occurrences: &mut HashMap<(usize, String, String), usize>,
        after_tw_noted: &mut bool,
    ) {
        let needs_indicator = row
            .values
            .iter()
            .any(|v| matches!(v.what, What::Figure(f) if f.indicator().is_some()));
        // The template names a figure per row: its indicator is counted per field.
        let scope = match (rec.layout, row.values.first()) {
            (Layout::Template, Some(v)) => format!("{:?}", strip_indicator(v.what)),
            _ => String::new(),
        };
        let indicator = if row.indicator.is_some() {
            self.find_indicator(sheet, row, node, &scope, occurrences)
        } else {
            None
        };
        if needs_indicator && row.indicator.is_none() {
            let col = row
                .values
                .iter()
                .find(|v| matches!(v.what, What::Figure(f) if f.indicator().is_some()))
                .map_or(0, |v| v.col);
            let kind = ProblemKind::NoIndicator {
                kode: self.kode(node).to_string(),
            };
            self.problem(Some(sheet.at(row.row, col)), Some(node), kind);
        }
        // Read every cell; a bad one is a problem wherever it is.
        let mut read: Vec<(Field, Option<Quarter>, Decimal, At)> = Vec::new();
        for v in &row.values {
            let at = sheet.at(row.row, v.col);
            let kind = match v.what {
                What::Figure(f) if f.is_rupiah() => FigureKind::Rupiah,
                What::ToDate => FigureKind::Rupiah,
                What::Figure(_) => FigureKind::Kinerja,
            };
            let value = match number::read(v.cell, kind, convention) {
                Reading::Nothing => continue,
                Reading::Bad(bad) => {
                    self.problem(Some(at), Some(node), ProblemKind::BadNumber(bad));
                    continue;
                }
                Reading::Value(x) => x,
            };
            let quarter = match v.what {
                What::Figure(Field::Realisasi(_, q) | Field::Rp(q)) => Some(q),
                _ => None,
            };
            if let (Some(q), Some(limit)) = (quarter, tw)
                && q > limit
            {
                if !*after_tw_noted {
                    *after_tw_noted = true;
                    self.notes.push(Note {
                        at: Some(at),
                        kind: NoteKind::AfterQuarter { quarter: limit },
                    });
                }
                continue;
            }
            match v.what {
                What::ToDate => {
                    // kinerja's own LRA writes 0 for "nothing spent or nothing entered".
                    if rec.kinerja && value.is_zero() {
                        continue;
                    }
                    match to_date_quarter {
                        Some(q) => {
                            let e = &self.index.nodes[node];
                            if e.sums_children {
                                self.checks.push(ParentCheck {
                                    node,
                                    field: if q == Quarter::IV {
                                        Field::RealisasiTahun
                                    } else {
                                        Field::Rp(q)
                                    },
                                    to_date: Some(q),
                                    value,
                                    at,
                                });
                            } else if e.node.anggaran.is_none() {
                                let kind = ProblemKind::NoBudget {
                                    kode: e.node.kode.clone(),
                                };
                                self.problem(Some(at), Some(node), kind);
                            } else {
                                self.to_date.push(ToDate {
                                    node,
                                    quarter: q,
                                    value,
                                    at,
                                });
                            }
                        }
                        None => {
                            // The quarter could not be told: reported once per sheet.
                        }
                    }
                }
                What::Figure(f) => read.push((f, quarter, value, at)),
            }
        }
        // The E-81 form writes 0 in quarters a level was not measured (docs/import.md).
        if rec.layout == Layout::E81
            && !rec.kinerja
            && let Some((n, i)) = indicator
            && self.index.nodes[n].node.indikator[i].agregasi == Aggregation::Terakhir
        {
            let year =
                row.year_k
                    .and_then(|c| match number::read(c, FigureKind::Kinerja, convention) {
                        Reading::Value(v) => Some(v),
                        _ => None,
                    });
            let quarters: Vec<(Quarter, Decimal)> = read
                .iter()
                .filter_map(|(f, _, v, _)| match f {
                    Field::Realisasi(_, q) => Some((*q, *v)),
                    _ => None,
                })
                .collect();
            let dropped = zeros_not_measured(&quarters, year);
            if !dropped.is_empty() {
                read.retain(
                    |(f, _, _, _)| !matches!(f, Field::Realisasi(_, q) if dropped.contains(q)),
                );
                self.notes.push(Note {
                    at: Some(sheet.at(row.row, row.indicator.as_ref().map_or(0, |i| i.col))),
                    kind: NoteKind::ZerosNotEntered {
                        kode: self.kode(n).to_string(),
                        indikator: i,
                        quarters: dropped,
                    },
                });
            }
        }
        for (f, _, value, at) in read {
            match f.indicator() {
                Some(_) => {
                    if let Some((n, i)) = indicator {
                        self.figure(n, f.with_indicator(i), value, at);
                    }
                }
                None => self.budget(node, f, value, at),
            }
        }
    }

    /// The LRA's realisations to date, once every sheet's quarterly figures are known: the
    /// year's (TW IV) is the declared year figure; an earlier quarter's is that quarter's Rp
    /// (to date less the quarters before it).
    fn place_to_date(&mut self) {
        let pending = std::mem::take(&mut self.to_date);
        for t in pending {
            if t.quarter == Quarter::IV {
                self.figure(t.node, Field::RealisasiTahun, t.value, t.at);
                continue;
            }
            let node = self.index.nodes[t.node].node;
            let mut earlier = Decimal::ZERO;
            let mut missing = None;
            for p in Quarter::ALL.into_iter().filter(|p| *p < t.quarter) {
                let f = Field::Rp(p);
                let v = match self.by_key.get(&(t.node, f)) {
                    Some(i) => Some(self.figures[*i].value),
                    None => f.get(node).flatten(),
                };
                match v {
                    Some(v) => earlier += v,
                    None => {
                        missing = Some(p);
                        break;
                    }
                }
            }
            let kode = node.kode.clone();
            if let Some(m) = missing {
                let kind = ProblemKind::EarlierQuarterMissing {
                    kode,
                    quarter: t.quarter,
                    missing: m,
                };
                self.problem(Some(t.at), Some(t.node), kind);
            } else if t.value < earlier {
                let kind = ProblemKind::ToDateBelowEarlier {
                    kode,
                    quarter: t.quarter,
                    to_date: t.value,
                    earlier,
                };
                self.problem(Some(t.at), Some(t.node), kind);
            } else {
                self.figure(t.node, Field::Rp(t.quarter), t.value - earlier, t.at);
            }
        }
    }

    fn finish(mut self, book: &Workbook) -> Plan {
        let mut changes = Vec::new();
        let mut changed_nodes = Vec::new();
        let mut unchanged = Vec::new();
        let mut locked = Vec::new();
        for p in &self.figures {
            let node = self.index.nodes[p.node].node;
            let old = p.field.get(node).flatten();
            if old == Some(p.value) {
                unchanged.push(Unchanged {
                    kode: node.kode.clone(),
                    field: p.field,
                    value: p.value,
                    at: p.at.clone(),
                });
            } else {
                // `set` refuses a figure of a verified quarter; the preview says so here
                // rather than the save refusing it after a preview of no problems.
                if let Some(q) = p.field.quarter()
                    && let Some(by) = &self.ws.verifikasi[q.index()]
                {
                    locked.push((
                        p.at.clone(),
                        p.node,
                        ProblemKind::QuarterLocked {
                            kode: node.kode.clone(),
                            field: p.field,
                            quarter: q,
                            by: by.clone(),
                        },
                    ));
                }
                changed_nodes.push(p.node);
                changes.push(Change {
                    op: Op {
                        kode: node.kode.clone(),
                        field: p.field,
                        old,
                        new: Some(p.value),
                    },
                    at: p.at.clone(),
                });
            }
        }
        for (at, node, kind) in locked {
            self.problem(Some(at), Some(node), kind);
        }
        let verified = self.check_parents(&changes, &changed_nodes);
        // Names of every node the preview mentions, in tree order.
        let mut labels = HashMap::new();
        let kodes = changes
            .iter()
            .map(|c| c.op.kode.as_str())
            .chain(unchanged.iter().map(|u| u.kode.as_str()))
            .chain(verified.iter().map(|v| v.kode.as_str()))
            .chain(self.problems.iter().filter_map(|p| p.kode.as_deref()));
        for kode in kodes {
            if labels.contains_key(kode) {
                continue;
            }
            if let Some(n) = self.index.by_kode(kode) {
                let e = &self.index.nodes[n];
                labels.insert(
                    kode.to_string(),
                    NodeLabel {
                        order: n,
                        nama: e.node.nama.clone(),
                        indikator: e
                            .node
                            .indikator
                            .iter()
                            .map(|i| i.nama.as_str().into())
                            .collect(),
                    },
                );
            }
        }
        Plan {
            file: book.file.clone(),
            sheets: self.sheets,
            changes,
            unchanged,
            verified,
            problems: self.problems,
            notes: self.notes,
            missing: self.missing,
            labels,
        }
    }

    /// Checks each parent's budget figure against its children's sum as they will be after
    /// the import: equal ones are returned, others become problems.
    fn check_parents(&mut self, changes: &[Change], nodes: &[usize]) -> Vec<Verified> {
        if self.checks.is_empty() {
            return Vec::new();
        }
        let mut after = self.ws.clone();
        for (c, n) in changes.iter().zip(nodes) {
            if let Some(node) = after.node_at_mut(&self.index.nodes[*n].path) {
                c.op.field.set(node, c.op.new);
            }
        }
        let mut verified = Vec::new();
        // A node's budget to each quarter's end, computed once for all of its checks.
        let mut sums: FastMap<usize, [Option<rules::BudgetFigures>; 4]> = FastMap::default();
        for c in std::mem::take(&mut self.checks) {
            let Some(node) = after.node_at(&self.index.nodes[c.node].path) else {
                continue;
            };
            let to = sums
                .entry(c.node)
                .or_insert_with(|| Quarter::ALL.map(|q| rules::budget_of(node, q)));
            let spent_to = |q: Quarter| to[q.index()].and_then(|b| b.realisasi);
            let children = match (c.to_date, c.field) {
                (Some(q), _) => spent_to(q),
                (None, Field::Pagu) => to[Quarter::IV.index()].and_then(|b| b.pagu),
                (None, Field::Rp(q)) => rules::spent_within(q, spent_to),
                (None, _) => spent_to(Quarter::IV),
            };
            // Spending not entered below is nothing spent: a 0 in the file agrees with it.
            let agrees = match children {
                Some(v) => v == c.value,
                None => c.value.is_zero() && c.field != Field::Pagu,
            };
            let kode = node.kode.clone();
            if agrees {
                verified.push(Verified {
                    kode,
                    field: c.field,
                    to_date: c.to_date,
                    value: c.value,
                    at: c.at,
                });
            } else {
                self.problems.push(Problem {
                    at: Some(c.at),
                    kode: Some(kode.clone()),
                    kind: ProblemKind::ParentBudget {
                        kode,
                        field: c.field,
                        to_date: c.to_date,
                        file: c.value,
                        children,
                    },
                });
            }
        }
        verified
    }
}

fn strip_indicator(w: What) -> What {
    match w {
        What::Figure(f) => What::Figure(f.with_indicator(0)),
        other => other,
    }
}

/// The level a kode's shape tells: `7.01.01` a program, `7.01.01.2.01` a kegiatan,
/// `7.01.01.2.01.01` a sub kegiatan (Permendagri 90/2019 numbering).
pub(super) fn level_of_kode(kode: &str) -> Option<NodeKind> {
    let n = matching::kode_key(kode).split('.').count();
    match n {
        3 => Some(NodeKind::Program),
        5 => Some(NodeKind::Kegiatan),
        6 => Some(NodeKind::SubKegiatan),
        _ => None,
    }
}

/// The quarters whose 0 on a `terakhir` indicator means "not measured": the zeros before the
/// first non-zero quarter (a run of zeros followed by the year's value), and the zeros after
/// the last non-zero quarter when the row's year figure is that quarter's value (a measured
/// 0 there would have made the year 0). Zeros between two measured quarters, and a row of
/// zeros only, are kept.
pub fn zeros_not_measured(quarters: &[(Quarter, Decimal)], year: Option<Decimal>) -> Vec<Quarter> {
    let Some(first) = quarters.iter().position(|(_, v)| !v.is_zero()) else {
        return Vec::new();
    };
    let last = quarters
        .iter()
        .rposition(|(_, v)| !v.is_zero())
        .expect("one non-zero");
    let mut out: Vec<Quarter> = quarters[..first].iter().map(|(q, _)| *q).collect();
    if year.is_some_and(|y| !y.is_zero() && y == quarters[last].1) {
        out.extend(quarters[last + 1..].iter().map(|(q, _)| *q));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn q(n: u8) -> Quarter {
        Quarter::new(n).unwrap()
    }

    #[test]
    fn zeros_of_a_level_measured_once() {
        let z = Decimal::ZERO;
        // IP ASN: 0 / 0 / 0 / 70,85, year 70,85 (seed line 611).
        let ip = [(q(1), z), (q(2), z), (q(3), z), (q(4), dec!(70.85))];
        assert_eq!(
            zeros_not_measured(&ip, Some(dec!(70.85))),
            vec![q(1), q(2), q(3)]
        );
        assert_eq!(zeros_not_measured(&ip, None), vec![q(1), q(2), q(3)]);
        // Nilai SAKIP: 0 / 0 / 82,19 / 0, year 82,19 (seed line 600).
        let sakip = [(q(1), z), (q(2), z), (q(3), dec!(82.19)), (q(4), z)];
        assert_eq!(
            zeros_not_measured(&sakip, Some(dec!(82.19))),
            vec![q(1), q(2), q(4)]
        );
        // Without the year figure the trailing 0 may have been measured: kept.
        assert_eq!(zeros_not_measured(&sakip, None), vec![q(1), q(2)]);
        // 93 / 85 / 247 / 0 with a year of 425 (seed line 629): nothing to drop.
        let p = [
            (q(1), dec!(93)),
            (q(2), dec!(85)),
            (q(3), dec!(247)),
            (q(4), z),
        ];
        assert_eq!(zeros_not_measured(&p, Some(dec!(425))), vec![]);
        // A zero between measurements and a row of zeros stay.
        let mid = [(q(1), dec!(5)), (q(2), z), (q(3), dec!(6))];
        assert_eq!(zeros_not_measured(&mid, Some(dec!(6))), vec![]);
        assert_eq!(zeros_not_measured(&[(q(1), z), (q(2), z)], Some(z)), vec![]);
    }

    #[test]
    fn kode_shapes() {
        assert_eq!(level_of_kode("7.01.01"), Some(NodeKind::Program));
        assert_eq!(level_of_kode("7.01.01.2.01"), Some(NodeKind::Kegiatan));
        assert_eq!(
            level_of_kode("7.01.01.2.01.01"),
            Some(NodeKind::SubKegiatan)
        );
        assert_eq!(level_of_kode("SASARAN-1"), None);
    }
}
