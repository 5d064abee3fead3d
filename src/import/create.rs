//! `--create`: the nodes and indicators a file has and the workspace lacks
//! ([`super::Missing`]), as `model::Change`s — parents before children, each with its level,
//! its code and its indicators — so that an office can start from its E-81 in a workspace
//! made with `kinerja init`. Every change is held to the rules a user's change is
//! (`rules::change::check`: Permendagri codes, levels, names); whatever they refuse is a
//! problem at its cell, and then nothing is created.
//!
//! - A node keeps the file's kode, written the Permendagri way (`7 1 1` → `7.01.01`); a node
//!   without one (a sasaran named by its text) gets the next free code (`SASARAN-1`, …).
//! - The level is the file's (`[KEGIATAN]`, the Sasaran column), else the kode's.
//! - The parent is the node above it in the file; without one, a kegiatan's or sub kegiatan's
//!   parent is the node its kode extends; else the node goes to the root.
//! - A Program, Kegiatan or Sub Kegiatan gets an empty budget, so the file's pagu and Rupiah
//!   can go in.
//! - An indicator keeps the file's name and unit; a unit the file leaves empty
//!   (`IP ASN Perangkat Daerah()`) is written `-` and listed to fill in. Polarity and
//!   aggregation are the defaults (positif, jumlah): the file does not tell them, and the rule
//!   belongs to the indicator, not its unit — they are listed to check.

use super::matching::{self, Index};
use super::plan::{Missing, MissingNode, NewIndicator};
use super::read::At;
use crate::locale::{self, Lang};
use crate::model::{
    Budget, Change, Indicator, IndicatorId, Node, NodeKind, Objection, Workspace, change,
};
use crate::rules::{self, codes};
use std::collections::{HashMap, HashSet};

/// What `--create` adds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Creation {
    /// Parents before children, then indicators of existing nodes.
    pub changes: Vec<Change>,
    /// Indicators created whose unit the file left empty (written `-`): `(kode, name, cell)`.
    pub empty_units: Vec<(String, String, At)>,
}

impl Creation {
    /// "buat Sub Kegiatan 7.01.01 «…»" for each node and indicator created, then a note for
    /// each unit the file left empty, saying where to fill it in (`unit_fix`: the command
    /// line's command or the interface's key). Names made safe to show.
    pub fn lines(&self, lang: Lang, unit_fix: (&str, &str)) -> String {
        let mut out = String::new();
        for ch in &self.changes {
            out.push_str(&format!(
                "{} {}\n",
                lang.pick("buat ", "create"),
                crate::text::visible(&locale::describe_change(ch, None, lang))
            ));
        }
        for (kode, nama, at) in &self.empty_units {
            out.push_str(&format!(
                "{} {at}: {} «{}»: {} {}\n",
                lang.pick("catatan:", "note:"),
                crate::text::visible(kode),
                crate::text::visible(nama),
                lang.pick(
                    "satuan kosong di berkas, ditulis «-»; isi",
                    "the file leaves the unit empty, written «-»; fill it in"
                ),
                lang.pick(unit_fix.0, unit_fix.1)
            ));
        }
        out
    }

    pub fn nodes(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| matches!(c, Change::NodeAdd { .. }))
            .count()
    }

    /// Indicators created (on new nodes and on existing ones).
    pub fn indicators(&self) -> usize {
        self.changes
            .iter()
            .map(|c| match c {
                Change::NodeAdd { node, .. } => node.indikator.len(),
                Change::IndicatorAdd { .. } => 1,
                _ => 0,
            })
            .sum()
    }
}

/// Why something the file has cannot be created.
#[derive(Clone, Debug, PartialEq)]
pub enum CreateWhy {
    /// The rules refuse it (a malformed code, a level under the wrong parent, an empty name).
    Refused(Objection),
    /// Neither the file nor the kode tells the node's level.
    UnknownLevel,
    /// The parent the file names is neither in the file nor in the workspace.
    UnknownParent { parent: String },
}

/// Something the file has that cannot be created, at its cell.
#[derive(Clone, Debug, PartialEq)]
pub struct CreateProblem {
    pub at: At,
    /// The node (kode or name) it is about.
    pub node: String,
    pub why: CreateWhy,
}

impl CreateProblem {
    /// One line, the cell first.
    pub fn message(&self, lang: Lang) -> String {
        let why = match &self.why {
            CreateWhy::Refused(o) => locale::objection(o, lang),
            CreateWhy::UnknownLevel => lang
                .pick(
                    "tingkatnya tidak diketahui (tulis [PROGRAM]/[KEGIATAN]/[SUB KEGIATAN] atau kodenya)",
                    "its level is unknown (write [PROGRAM]/[KEGIATAN]/[SUB KEGIATAN] or its kode)",
                )
                .into(),
            CreateWhy::UnknownParent { parent } => format!(
                "{} «{parent}» {}",
                lang.pick("induknya", "its parent"),
                lang.pick(
                    "tidak ada di berkas maupun di workspace",
                    "is neither in the file nor in the workspace"
                )
            ),
        };
        format!(
            "{}: {} «{}»: {why}",
            self.at,
            lang.pick("tidak dapat dibuat", "cannot be created"),
            self.node
        )
    }
}

/// The widths of a Permendagri 90/2019 code's segments at each level.
fn widths(jenis: NodeKind) -> &'static [usize] {
    match jenis {
        NodeKind::Program => &[1, 2, 2],
        NodeKind::Kegiatan => &[1, 2, 2, 1, 2],
        NodeKind::SubKegiatan => &[1, 2, 2, 1, 2, 2],
        _ => &[],
    }
}

/// The file's kode as the workspace writes it: without its `[TAG]`, segments joined by dots,
/// numbers padded to the Permendagri widths of its level (a four-digit sub kegiatan number
/// stays as it is); anything else as written.
fn code_of(raw: &str, jenis: NodeKind) -> String {
    let (_, rest) = matching::strip_tag(raw.trim());
    let parts: Vec<&str> = rest
        .split(|c: char| c == '.' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    let w = widths(jenis);
    let numeric = parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if numeric && parts.len() == w.len() {
        let last = parts.len() - 1;
        parts
            .iter()
            .zip(w)
            .enumerate()
            .map(|(i, (p, w))| {
                // A sub kegiatan's four-digit number (Kepmendagri 050-5889/2021) stays four.
                let w = if jenis == NodeKind::SubKegiatan && i == last && p.len() == 4 {
                    4
                } else {
                    *w
                };
                let n = p.trim_start_matches('0');
                let n = if n.is_empty() { "0" } else { n };
                if n.len() >= w {
                    n.to_string()
                } else {
                    format!("{n:0>w$}")
                }
            })
            .collect::<Vec<_>>()
            .join(".")
    } else {
        parts.join(".")
    }
}

/// The code a kegiatan's or sub kegiatan's code extends: its program's or kegiatan's.
fn extends(kode: &str, jenis: NodeKind) -> Option<String> {
    let parts: Vec<&str> = kode.split('.').collect();
    let keep = match jenis {
        NodeKind::Kegiatan => parts.len().checked_sub(2)?,
        NodeKind::SubKegiatan => parts.len().checked_sub(1)?,
        _ => return None,
    };
    (keep > 0).then(|| parts[..keep].join("."))
}

fn new_indicator(
    ind: &NewIndicator,
    kode: &str,
    taken: &mut HashSet<IndicatorId>,
    empty_units: &mut Vec<(String, String, At)>,
) -> Indicator {
    let id = IndicatorId::fresh(|id| taken.contains(&id));
    taken.insert(id);
    let satuan = ind.satuan.trim();
    if satuan.is_empty() {
        empty_units.push((kode.to_string(), ind.nama.clone(), ind.at.clone()));
    }
    Indicator::new(
        id,
        ind.nama.trim(),
        if satuan.is_empty() { "-" } else { satuan },
    )
}

/// The changes that add what `missing` lists to `ws`, in the file's order; or every problem.
pub fn create(ws: &Workspace, missing: &Missing) -> Result<Creation, Vec<CreateProblem>> {
    let index = Index::new(ws);
    let mut work = ws.clone();
    let mut taken = ws.indicator_ids();
    let mut out = Creation::default();
    let mut problems = Vec::new();
    // A file's label (kode key or name key) → the code created for it.
    let mut created: HashMap<String, String> = HashMap::new();
    let label_key = |label: &str| {
        let k = matching::kode_key(label);
        if k.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            format!("k:{k}")
        } else {
            format!("n:{}", matching::name_key(label))
        }
    };
    // A node named on several rows (the E-81 repeats a node for each indicator row it starts):
    // one node, every indicator once.
    let mut order: Vec<(String, MissingNode)> = Vec::new();
    for m in &missing.nodes {
        let key = match &m.kode {
            Some(k) => format!("k:{}", matching::kode_key(k)),
            None => format!("n:{:?}:{}", m.jenis, matching::name_key(&m.nama)),
        };
        match order.iter_mut().find(|(k, _)| *k == key) {
            Some((_, first)) => {
                for ind in &m.indikator {
                    let key = matching::name_key(&ind.nama);
                    if !first
                        .indikator
                        .iter()
                        .any(|i| matching::name_key(&i.nama) == key)
                    {
                        first.indikator.push(ind.clone());
                    }
                }
            }
            None => order.push((key, m.clone())),
        }
    }
    for (_, m) in &order {
        let label = m.kode.clone().unwrap_or_else(|| m.nama.clone());
        let problem = |why| CreateProblem {
            at: m.at.clone(),
            node: label.clone(),
            why,
        };
        let jenis = match m
            .jenis
            .or_else(|| m.kode.as_deref().and_then(super::planner::level_of_kode))
        {
            Some(j) => j,
            None => {
                problems.push(problem(CreateWhy::UnknownLevel));
                continue;
            }
        };
        // The parent: the node above it in the file (created here or in the workspace), else
        // the node its code extends.
        let parent = match &m.parent {
            Some(p) => {
                let found = created.get(&label_key(p)).cloned().or_else(|| {
                    let i = index.by_kode(p).or_else(|| match index.by_name(p) {
                        [one] => Some(*one),
                        _ => None,
                    })?;
                    Some(index.nodes[i].node.kode.clone())
                });
                match found {
                    Some(k) => Some(k),
                    None => {
                        problems.push(problem(CreateWhy::UnknownParent { parent: p.clone() }));
                        continue;
                    }
                }
            }
            None => m
                .kode
                .as_deref()
                .and_then(|k| extends(&code_of(k, jenis), jenis))
                .filter(|k| work.node(k).is_some()),
        };
        let kode = match &m.kode {
            Some(k) => code_of(k, jenis),
            None => codes::next_free(&work, parent.as_deref(), jenis).unwrap_or_default(),
        };
        let mut node = Node::new(jenis, &kode, m.nama.trim());
        if jenis.has_budget() {
            node.anggaran = Some(Budget::default());
        }
        node.indikator = m
            .indikator
            .iter()
            .map(|i| new_indicator(i, &kode, &mut taken, &mut out.empty_units))
            .collect();
        let c = Change::add_node(parent.as_deref(), None, node);
        // Checked and applied one by one: later nodes see the earlier ones.
        let checked = rules::change::check(&work, &c)
            .and_then(|()| change::apply(&mut work, &c).map_err(Objection::from));
        match checked {
            Ok(_) => {
                created.insert(label_key(&label), kode.clone());
                if let Some(k) = &m.kode {
                    created.insert(format!("k:{}", matching::kode_key(k)), kode.clone());
                }
                out.changes.push(c);
            }
            Err(o) => problems.push(problem(CreateWhy::Refused(o))),
        }
    }
    // Indicators the file has on nodes the workspace has.
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for mi in &missing.indicators {
        if !seen.insert((mi.kode.clone(), matching::name_key(&mi.indicator.nama))) {
            continue;
        }
        let ind = new_indicator(&mi.indicator, &mi.kode, &mut taken, &mut out.empty_units);
        let c = Change::IndicatorAdd {
            kode: mi.kode.clone(),
            at: None,
            indicator: ind,
            pk: Vec::new(),
        };
        let checked = rules::change::check(&work, &c)
            .and_then(|()| change::apply(&mut work, &c).map_err(Objection::from));
        match checked {
            Ok(_) => out.changes.push(c),
            Err(o) => problems.push(CreateProblem {
                at: mi.indicator.at.clone(),
                node: mi.kode.clone(),
                why: CreateWhy::Refused(o),
            }),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_codes_are_written_the_permendagri_way() {
        assert_eq!(code_of("7 1 1", NodeKind::Program), "7.01.01");
        assert_eq!(code_of("[PROGRAM] 7.01.02", NodeKind::Program), "7.01.02");
        assert_eq!(
            code_of("7.01.01.2.1.3", NodeKind::SubKegiatan),
            "7.01.01.2.01.03"
        );
        assert_eq!(
            code_of("7.01.01.2.01.0003", NodeKind::SubKegiatan),
            "7.01.01.2.01.0003"
        );
        assert_eq!(code_of("SASARAN-1", NodeKind::Sasaran), "SASARAN-1");
        assert_eq!(
            extends("7.01.01.2.01", NodeKind::Kegiatan).as_deref(),
            Some("7.01.01")
        );
        assert_eq!(
            extends("7.01.01.2.01.03", NodeKind::SubKegiatan).as_deref(),
            Some("7.01.01.2.01")
        );
        assert_eq!(extends("7.01.01", NodeKind::Program), None);
    }
}
