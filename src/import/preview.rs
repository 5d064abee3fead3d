//! The preview of a plan, per node in tree order: each figure old → new (new ones marked), the
//! unchanged ones, the parents' figures checked against their children, and every problem.
//! Structured for a front-end (values stay decimals, labels are made when shown);
//! [`Preview::text`] lays it out for the terminal.

use super::plan::Plan;
use super::problem::{Problem, label, shown};
use super::read::At;
use crate::locale::Lang;
use crate::model::{Field, Quarter};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

/// How a figure stands in the preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LineKind {
    /// The workspace has no figure yet.
    New,
    /// The workspace has another figure.
    Changed,
    /// The file gives the figure the workspace has.
    Unchanged,
    /// A parent's budget figure, equal to its children's sum (not stored).
    Checked,
}

/// One figure of a node in the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    pub field: Field,
    /// The indicator's name, for an indicator's figure.
    pub indikator: Option<Arc<str>>,
    /// For a checked LRA realisation to date: the quarter it runs to.
    pub to_date: Option<Quarter>,
    /// The workspace's figure (`None`: not entered).
    pub old: Option<Decimal>,
    pub new: Decimal,
    /// The cell it came from.
    pub at: At,
}

impl Line {
    /// `realisasi TW II · Jumlah Laporan …`
    pub fn what(&self, lang: Lang) -> String {
        let base = match self.to_date {
            Some(q) => format!("{} TW {q}", lang.pick("realisasi s.d.", "spent to")),
            None => label_short(self.field, lang),
        };
        let base = match self.kind {
            LineKind::Checked => format!(
                "{base} ({})",
                lang.pick("= jumlah anak-anaknya", "= sum of its children")
            ),
            _ => base,
        };
        match &self.indikator {
            Some(ind) => format!("{base} · {ind}"),
            None => base,
        }
    }

    /// `462`, `— → 462`, `400 → 500`, `Rp 25.000.000`.
    pub fn value(&self) -> String {
        let new = shown(self.field, self.new);
        match (self.kind, self.old) {
            (LineKind::New, _) => format!("— → {new}"),
            (LineKind::Changed, Some(old)) => format!("{} → {new}", shown(self.field, old)),
            _ => new,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodePreview {
    pub kode: String,
    pub nama: String,
    /// New and changed first, then unchanged, then checked; each in file order.
    pub lines: Vec<Line>,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub checked: usize,
    pub problems: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub file: String,
    pub nodes: Vec<NodePreview>,
    /// Problems that belong to no node of the workspace (unknown kode, bad layout, year).
    pub problems: Vec<Problem>,
    pub notes: Vec<super::problem::Note>,
    pub counts: Counts,
}

/// How much [`Preview::text`] shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Changes and problems; unchanged and checked figures counted per node.
    Changes,
    /// Every figure.
    All,
}

impl Plan {
    /// The preview, per node in tree order.
    pub fn preview(&self) -> Preview {
        let mut nodes: Vec<(usize, NodePreview)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut slot = |kode: &str, nodes: &mut Vec<(usize, NodePreview)>| -> usize {
            if let Some(i) = at.get(kode) {
                return *i;
            }
            let l = self.labels.get(kode);
            let i = nodes.len();
            at.insert(kode.to_string(), i);
            nodes.push((
                l.map_or(usize::MAX, |l| l.order),
                NodePreview {
                    kode: kode.to_string(),
                    nama: l.map(|l| l.nama.clone()).unwrap_or_default(),
                    lines: Vec::new(),
                    problems: Vec::new(),
                },
            ));
            i
        };
        let indikator = |kode: &str, field: Field| -> Option<Arc<str>> {
            let i = field.indicator()?;
            self.labels.get(kode)?.indikator.get(i).cloned()
        };
        let mut counts = Counts::default();
        let mut push = |kode: &str, line: Line, nodes: &mut Vec<(usize, NodePreview)>| {
            let i = slot(kode, nodes);
            nodes[i].1.lines.push(line);
        };
        for c in &self.changes {
            let kind = if c.op.old.is_none() {
                counts.new += 1;
                LineKind::New
            } else {
                counts.changed += 1;
                LineKind::Changed
            };
            let line = Line {
                kind,
                field: c.op.field,
                indikator: indikator(&c.op.kode, c.op.field),
                to_date: None,
                old: c.op.old,
                new: c.op.new.unwrap_or_default(),
                at: c.at.clone(),
            };
            push(&c.op.kode, line, &mut nodes);
        }
        for u in &self.unchanged {
            counts.unchanged += 1;
            let line = Line {
                kind: LineKind::Unchanged,
                field: u.field,
                indikator: indikator(&u.kode, u.field),
                to_date: None,
                old: Some(u.value),
                new: u.value,
                at: u.at.clone(),
            };
            push(&u.kode, line, &mut nodes);
        }
        for v in &self.verified {
            counts.checked += 1;
            let line = Line {
                kind: LineKind::Checked,
                field: v.field,
                indikator: None,
                to_date: v.to_date,
                old: None,
                new: v.value,
                at: v.at.clone(),
            };
            push(&v.kode, line, &mut nodes);
        }
        let mut general = Vec::new();
        for p in &self.problems {
            counts.problems += 1;
            match p.kode.as_deref() {
                Some(k) => {
                    let i = slot(k, &mut nodes);
                    nodes[i].1.problems.push(p.clone());
                }
                None => general.push(p.clone()),
            }
        }
        nodes.sort_by_key(|(order, _)| *order);
        for (_, n) in &mut nodes {
            // New and changed together (in file order), then unchanged, then checked.
            n.lines.sort_by_key(|l| match l.kind {
                LineKind::New | LineKind::Changed => 0,
                LineKind::Unchanged => 1,
                LineKind::Checked => 2,
            });
        }
        Preview {
            file: self.file.clone(),
            nodes: nodes.into_iter().map(|(_, n)| n).collect(),
            problems: general,
            notes: self.notes.clone(),
            counts,
        }
    }
}

/// A figure's name without its indicator's number (the preview names the indicator).
fn label_short(field: Field, lang: Lang) -> String {
    match field {
        Field::Target(_) => "target".into(),
        Field::Realisasi(_, q) => format!("{} TW {q}", lang.pick("realisasi", "actual")),
        Field::Rencana(_, q) => format!("{} TW {q}", lang.pick("rencana", "plan")),
        Field::TargetPkMurni(_) => "target PK murni".into(),
        Field::TargetPkPerubahan(_) => "target PK perubahan".into(),
        Field::RenstraTarget(_, y) => format!("target Renstra {y}"),
        Field::RenstraAkhir(_) => lang
            .pick("target akhir Renstra", "Renstra end target")
            .into(),
        Field::Riwayat(_, y) => format!("{} {y}", lang.pick("realisasi", "actual")),
        other => label(other, lang),
    }
}

impl Preview {
    /// The preview as terminal text: per node its figures and problems, then the file's
    /// problems and the notes, then the counts.
    pub fn text(&self, lang: Lang, detail: Detail) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let tag = |k: LineKind| match k {
            LineKind::New => lang.pick("baru ", "new  "),
            LineKind::Changed => lang.pick("ubah ", "chg  "),
            LineKind::Unchanged => lang.pick("sama ", "same "),
            LineKind::Checked => lang.pick("cek  ", "chk  "),
        };
        let problem = lang.pick("MASALAH", "PROBLEM");
        for n in &self.nodes {
            let _ = writeln!(out, "{} {}", n.kode, n.nama);
            let (mut same, mut checked) = (0, 0);
            for l in &n.lines {
                let quiet = matches!(l.kind, LineKind::Unchanged | LineKind::Checked);
                if quiet && detail == Detail::Changes {
                    match l.kind {
                        LineKind::Unchanged => same += 1,
                        _ => checked += 1,
                    }
                    continue;
                }
                let _ = writeln!(
                    out,
                    "  {} {}: {}  [{}]",
                    tag(l.kind),
                    l.what(lang),
                    l.value(),
                    l.at
                );
            }
            if same + checked > 0 {
                let _ = writeln!(
                    out,
                    "  {same} {}, {checked} {}",
                    lang.pick("angka sama", "figures unchanged"),
                    lang.pick(
                        "dicek terhadap anak-anaknya",
                        "checked against its children"
                    )
                );
            }
            for p in &n.problems {
                let _ = writeln!(out, "  {problem} {}", p.message(lang));
            }
        }
        for p in &self.problems {
            let _ = writeln!(out, "{problem} {}", p.message(lang));
        }
        for note in &self.notes {
            let _ = writeln!(
                out,
                "{} {}",
                lang.pick("catatan:", "note:"),
                note.message(lang)
            );
        }
        let c = &self.counts;
        let _ = writeln!(
            out,
            "{}: {} {} ({} {}), {} {}, {} {}, {} {}",
            self.file,
            c.new + c.changed,
            lang.pick("angka berubah", "figures change"),
            c.new,
            lang.pick("baru", "new"),
            c.unchanged,
            lang.pick("sama", "unchanged"),
            c.checked,
            lang.pick("dicek", "checked"),
            c.problems,
            lang.pick("masalah", "problems"),
        );
        out
    }
}
