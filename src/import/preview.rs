//! The preview of a plan, per node in tree order: each figure old → new (new ones marked), the
//! unchanged ones, the parents' figures checked against their children, and every problem.
//! Structured for a front-end; [`Preview::text`] lays it out for the terminal.

use super::plan::Plan;
use super::problem::{label, shown};
use crate::locale::Lang;
use crate::model::Field;
use std::collections::HashMap;

/// How a figure stands in the preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    /// The figure, e.g. `realisasi TW II · Jumlah Laporan …`.
    pub what: String,
    pub old: Option<String>,
    pub new: String,
    /// `sheet!cell`
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodePreview {
    pub kode: String,
    pub nama: String,
    pub lines: Vec<Line>,
    /// Problems of this node, one line each with the cell.
    pub problems: Vec<String>,
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
    pub problems: Vec<String>,
    pub notes: Vec<String>,
    pub counts: Counts,
}

impl Plan {
    /// The preview in `lang`.
    pub fn preview(&self, lang: Lang) -> Preview {
        let mut nodes: Vec<(usize, NodePreview)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut slot = |kode: &str, nodes: &mut Vec<(usize, NodePreview)>| -> usize {
            if let Some(i) = at.get(kode) {
                return *i;
            }
            at.insert(kode.to_string(), nodes.len());
            let l = self.labels.get(kode);
            nodes.push((
                l.map_or(usize::MAX, |l| l.order),
                NodePreview {
                    kode: kode.to_string(),
                    nama: l.map(|l| l.nama.clone()).unwrap_or_default(),
                    lines: Vec::new(),
                    problems: Vec::new(),
                },
            ));
            nodes.len() - 1
        };
        let what = |kode: &str, field: Field| -> String {
            let base = label_short(field, lang);
            match field
                .indicator()
                .and_then(|i| self.labels.get(kode)?.indikator.get(i))
            {
                Some(ind) => format!("{base} · {ind}"),
                None => base,
            }
        };
        let mut counts = Counts::default();
        for c in &self.changes {
            let i = slot(&c.op.kode, &mut nodes);
            let kind = if c.op.old.is_none() {
                counts.new += 1;
                LineKind::New
            } else {
                counts.changed += 1;
                LineKind::Changed
            };
            nodes[i].1.lines.push(Line {
                kind,
                what: what(&c.op.kode, c.op.field),
                old: c.op.old.map(|v| shown(c.op.field, v)),
                new: c.op.new.map_or("—".into(), |v| shown(c.op.field, v)),
                at: c.at.to_string(),
            });
        }
        for u in &self.unchanged {
            counts.unchanged += 1;
            let i = slot(&u.kode, &mut nodes);
            nodes[i].1.lines.push(Line {
                kind: LineKind::Unchanged,
                what: what(&u.kode, u.field),
                old: Some(shown(u.field, u.value)),
                new: shown(u.field, u.value),
                at: u.at.to_string(),
            });
        }
        for v in &self.verified {
            counts.checked += 1;
            let i = slot(&v.kode, &mut nodes);
            let base = match v.to_date {
                Some(q) => format!("{} TW {q}", lang.pick("realisasi s.d.", "spent to")),
                None => label_short(v.field, lang),
            };
            nodes[i].1.lines.push(Line {
                kind: LineKind::Checked,
                what: format!(
                    "{base} ({})",
                    lang.pick("= jumlah anak-anaknya", "= sum of its children")
                ),
                old: None,
                new: shown(v.field, v.value),
                at: v.at.to_string(),
            });
        }
        let mut general = Vec::new();
        for p in &self.problems {
            counts.problems += 1;
            match p.kode.as_deref() {
                Some(k) => {
                    let i = slot(k, &mut nodes);
                    nodes[i].1.problems.push(p.message(lang));
                }
                None => general.push(p.message(lang)),
            }
        }
        nodes.sort_by_key(|(order, _)| *order);
        for (_, n) in &mut nodes {
            n.lines.sort_by_key(|l| l.kind as u8);
        }
        Preview {
            file: self.file.clone(),
            nodes: nodes.into_iter().map(|(_, n)| n).collect(),
            problems: general,
            notes: self.notes.iter().map(|n| n.message(lang)).collect(),
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
    /// The preview as terminal text: per node its figures, then the problems and notes, then
    /// the counts.
    pub fn text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let tag = |k: LineKind| match k {
            LineKind::New => lang.pick("baru ", "new  "),
            LineKind::Changed => lang.pick("ubah ", "chg  "),
            LineKind::Unchanged => lang.pick("sama ", "same "),
            LineKind::Checked => lang.pick("cek  ", "chk  "),
        };
        for n in &self.nodes {
            out.push_str(&format!("{} {}\n", n.kode, n.nama));
            for l in &n.lines {
                let value = match (&l.old, l.kind) {
                    (Some(old), LineKind::Changed) => format!("{old} → {}", l.new),
                    (None, LineKind::New) => format!("— → {}", l.new),
                    _ => l.new.clone(),
                };
                out.push_str(&format!(
                    "  {} {}: {value}  [{}]\n",
                    tag(l.kind),
                    l.what,
                    l.at
                ));
            }
            for p in &n.problems {
                out.push_str(&format!("  {} {p}\n", lang.pick("MASALAH", "PROBLEM")));
            }
        }
        for p in &self.problems {
            out.push_str(&format!("{} {p}\n", lang.pick("MASALAH", "PROBLEM")));
        }
        for note in &self.notes {
            out.push_str(&format!("{} {note}\n", lang.pick("catatan:", "note:")));
        }
        let c = &self.counts;
        out.push_str(&format!(
            "{}: {} {} ({} {}), {} {}, {} {}, {} {}\n",
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
        ));
        out
    }
}
