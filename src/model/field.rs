//! The figures people type, addressed one by one, and a change of one of them (an [`Op`]).
//! Saving merges these small operations, so two people editing different figures of the same
//! workspace never overwrite each other (see `store::commit`).
//!
//! Every decimal slot of the tree is a [`Field`]: what `set`, the interface's editor and an
//! import change, what the journal records and what a merge compares.

use super::{Node, Quarter, Workspace};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One typed figure of a node. Indicators are addressed by their 0-based position in the node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The yearly target of the node's n-th indicator (0-based).
    Target(usize),
    /// A quarter's realisation of the node's n-th indicator.
    Realisasi(usize, Quarter),
    /// A quarter's plan (rencana aksi) of the node's n-th indicator.
    Rencana(usize, Quarter),
    /// The target in the original performance agreement (PK murni).
    TargetPkMurni(usize),
    /// The target in the revised performance agreement (PK perubahan).
    TargetPkPerubahan(usize),
    /// The Renstra target of one year.
    RenstraTarget(usize, i32),
    /// The Renstra target at the end of the period (kondisi akhir).
    RenstraAkhir(usize),
    /// The realisation of an earlier year (riwayat).
    Riwayat(usize, i32),
    /// The pagu of the node's budget.
    Pagu,
    /// The original pagu (APBD murni).
    PaguMurni,
    /// A quarter's spending of the node's budget.
    Rp(Quarter),
    /// The year's spending as the budget report (LRA) declares it.
    RealisasiTahun,
    /// The Renstra's money to the end of the period (E-81 column 5 Rp).
    RenstraAkhirRp,
    /// Money spent under the Renstra in its earlier years (E-81 column 6 Rp).
    RenstraRealisasiRp,
}

/// Which kind of figure a slot holds: it decides how many decimals its text may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureKind {
    /// A performance figure (target, realisation, plan, history): up to 4 decimals.
    Kinerja,
    /// Rupiah: at most two decimals (sen).
    Rupiah,
}

impl FigureKind {
    /// The most decimals a typed figure of this kind may have.
    pub fn max_decimals(self) -> u32 {
        match self {
            FigureKind::Kinerja => 4,
            FigureKind::Rupiah => 2,
        }
    }
}

/// Why a figure slot cannot be typed into (see `rules::editable`). Plain data: the front-end
/// (through `locale`) says it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditRefusal {
    /// No node has this code.
    NoNode { kode: String },
    /// The node has `count` indicators and none numbered `number` (1-based).
    NoIndicator {
        kode: String,
        count: usize,
        number: usize,
    },
    /// A budget figure on a node that carries no budget (above Program, or none recorded).
    NoBudget { kode: String },
    /// A budget figure on a node whose budget is the sum of the nodes below it.
    DerivedBudget { kode: String },
}

impl Field {
    /// Whether the figure is Rupiah (two decimals at most) rather than a performance figure.
    pub fn is_rupiah(self) -> bool {
        self.indicator().is_none()
    }

    /// Whether a parent node's figure of this slot is the sum of its children's (the year's
    /// budget: pagu, money spent), so it is typed on the Sub Kegiatan. The Renstra's money is
    /// a node's own figure at every level.
    pub fn summed_on_parents(self) -> bool {
        matches!(
            self,
            Field::Pagu | Field::PaguMurni | Field::Rp(_) | Field::RealisasiTahun
        )
    }

    /// The kind of figure: how its text is read and shown.
    pub fn figure_kind(self) -> FigureKind {
        if self.is_rupiah() {
            FigureKind::Rupiah
        } else {
            FigureKind::Kinerja
        }
    }

    /// The indicator (0-based) the figure belongs to; `None` for a budget figure.
    pub fn indicator(self) -> Option<usize> {
        match self {
            Field::Target(i)
            | Field::Realisasi(i, _)
            | Field::Rencana(i, _)
            | Field::TargetPkMurni(i)
            | Field::TargetPkPerubahan(i)
            | Field::RenstraTarget(i, _)
            | Field::RenstraAkhir(i)
            | Field::Riwayat(i, _) => Some(i),
            Field::Pagu
            | Field::PaguMurni
            | Field::Rp(_)
            | Field::RealisasiTahun
            | Field::RenstraAkhirRp
            | Field::RenstraRealisasiRp => None,
        }
    }

    /// The same figure of the indicator at position `i` (a budget figure as it is).
    pub fn with_indicator(self, i: usize) -> Field {
        match self {
            Field::Target(_) => Field::Target(i),
            Field::Realisasi(_, q) => Field::Realisasi(i, q),
            Field::Rencana(_, q) => Field::Rencana(i, q),
            Field::TargetPkMurni(_) => Field::TargetPkMurni(i),
            Field::TargetPkPerubahan(_) => Field::TargetPkPerubahan(i),
            Field::RenstraTarget(_, y) => Field::RenstraTarget(i, y),
            Field::RenstraAkhir(_) => Field::RenstraAkhir(i),
            Field::Riwayat(_, y) => Field::Riwayat(i, y),
            Field::Pagu
            | Field::PaguMurni
            | Field::Rp(_)
            | Field::RealisasiTahun
            | Field::RenstraAkhirRp
            | Field::RenstraRealisasiRp => self,
        }
    }

    /// The quarter of a quarterly figure (realisation, plan, money spent).
    pub fn quarter(self) -> Option<Quarter> {
        match self {
            Field::Realisasi(_, q) | Field::Rencana(_, q) | Field::Rp(q) => Some(q),
            _ => None,
        }
    }

    /// Whether changing the figure can change the indicator's status (capaian, red, due).
    pub fn affects_status(self) -> bool {
        matches!(
            self,
            Field::Target(_) | Field::Realisasi(..) | Field::Rencana(..)
        )
    }

    /// Whether changing the figure can change the budget figures (pagu, money spent). The
    /// year's figure of the LRA (`RealisasiTahun`) is only checked against the quarters, never
    /// counted (`rules::own_realisasi_rp`).
    pub fn affects_budget(self) -> bool {
        matches!(self, Field::Pagu | Field::Rp(_))
    }

    /// The value of this figure in `node`; `None` when the node has no such slot (no such
    /// indicator, or no budget). A year missing from a by-year map is a slot not entered.
    pub fn get(self, node: &Node) -> Option<Option<Decimal>> {
        let ind = |i: usize| node.indikator.get(i);
        let budget = || node.anggaran.as_ref();
        Some(match self {
            Field::Target(i) => ind(i)?.target,
            Field::Realisasi(i, q) => ind(i)?.realisasi[q.index()],
            Field::Rencana(i, q) => ind(i)?.rencana[q.index()],
            Field::TargetPkMurni(i) => ind(i)?.target_pk_murni,
            Field::TargetPkPerubahan(i) => ind(i)?.target_pk_perubahan,
            Field::RenstraTarget(i, y) => ind(i)?.renstra.target.get(&y).copied(),
            Field::RenstraAkhir(i) => ind(i)?.renstra.akhir,
            Field::Riwayat(i, y) => ind(i)?.riwayat.get(&y).copied(),
            Field::Pagu => budget()?.pagu,
            Field::PaguMurni => budget()?.pagu_murni,
            Field::Rp(q) => budget()?.realisasi_rp[q.index()],
            Field::RealisasiTahun => budget()?.realisasi_tahun,
            Field::RenstraAkhirRp => budget()?.renstra_akhir,
            Field::RenstraRealisasiRp => budget()?.renstra_realisasi,
        })
    }

    /// Sets this figure in `node`; `false` when the node has no such slot.
    pub fn set(self, node: &mut Node, value: Option<Decimal>) -> bool {
        fn in_map(map: &mut BTreeMap<i32, Decimal>, year: i32, value: Option<Decimal>) {
            match value {
                Some(v) => map.insert(year, v),
                None => map.remove(&year),
            };
        }
        if let Some(i) = self.indicator() {
            let Some(ind) = node.indikator.get_mut(i) else {
                return false;
            };
            match self {
                Field::Target(_) => ind.target = value,
                Field::Realisasi(_, q) => ind.realisasi[q.index()] = value,
                Field::Rencana(_, q) => ind.rencana[q.index()] = value,
                Field::TargetPkMurni(_) => ind.target_pk_murni = value,
                Field::TargetPkPerubahan(_) => ind.target_pk_perubahan = value,
                Field::RenstraTarget(_, y) => in_map(&mut ind.renstra.target, y, value),
                Field::RenstraAkhir(_) => ind.renstra.akhir = value,
                Field::Riwayat(_, y) => in_map(&mut ind.riwayat, y, value),
                _ => unreachable!("indicator fields only"),
            }
            return true;
        }
        let Some(b) = node.anggaran.as_mut() else {
            return false;
        };
        match self {
            Field::Pagu => b.pagu = value,
            Field::PaguMurni => b.pagu_murni = value,
            Field::Rp(q) => b.realisasi_rp[q.index()] = value,
            Field::RealisasiTahun => b.realisasi_tahun = value,
            Field::RenstraAkhirRp => b.renstra_akhir = value,
            Field::RenstraRealisasiRp => b.renstra_realisasi = value,
            _ => unreachable!("budget fields only"),
        }
        true
    }

    /// Every figure slot of a node, the by-year ones for the years it holds.
    pub fn all(node: &Node) -> Vec<Field> {
        let mut out = Vec::new();
        for (i, ind) in node.indikator.iter().enumerate() {
            out.push(Field::Target(i));
            out.extend(Quarter::ALL.map(|q| Field::Realisasi(i, q)));
            out.extend(Quarter::ALL.map(|q| Field::Rencana(i, q)));
            out.push(Field::TargetPkMurni(i));
            out.push(Field::TargetPkPerubahan(i));
            out.extend(
                ind.renstra
                    .target
                    .keys()
                    .map(|y| Field::RenstraTarget(i, *y)),
            );
            out.push(Field::RenstraAkhir(i));
            out.extend(ind.riwayat.keys().map(|y| Field::Riwayat(i, *y)));
        }
        if node.anggaran.is_some() {
            out.push(Field::Pagu);
            out.push(Field::PaguMurni);
            out.extend(Quarter::ALL.map(Field::Rp));
            out.push(Field::RealisasiTahun);
            out.push(Field::RenstraAkhirRp);
            out.push(Field::RenstraRealisasiRp);
        }
        out
    }
}

/// A figure slot as the journal, the recovery file and a saved change name it: the column
/// (`kolom`), the 1-based indicator number, the quarter (`tw`, 1–4) and the year (`tahun`)
/// where the column has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldName {
    pub kolom: &'static str,
    /// 1-based, for an indicator's figure.
    pub indikator: Option<usize>,
    pub tw: Option<u8>,
    pub tahun: Option<i32>,
}

impl Field {
    /// Every column name, in the order of [`Field`]'s variants.
    pub const KOLOM: [&'static str; 14] = [
        "target",
        "realisasi",
        "rencana",
        "target_pk_murni",
        "target_pk_perubahan",
        "renstra_target",
        "renstra_akhir",
        "riwayat",
        "pagu",
        "pagu_murni",
        "rp",
        "realisasi_tahun",
        "renstra_akhir_rp",
        "renstra_realisasi_rp",
    ];

    /// The figure's name in the journal's terms.
    pub fn name(self) -> FieldName {
        let (kolom, tw, tahun) = match self {
            Field::Target(_) => ("target", None, None),
            Field::Realisasi(_, q) => ("realisasi", Some(q.number()), None),
            Field::Rencana(_, q) => ("rencana", Some(q.number()), None),
            Field::TargetPkMurni(_) => ("target_pk_murni", None, None),
            Field::TargetPkPerubahan(_) => ("target_pk_perubahan", None, None),
            Field::RenstraTarget(_, y) => ("renstra_target", None, Some(y)),
            Field::RenstraAkhir(_) => ("renstra_akhir", None, None),
            Field::Riwayat(_, y) => ("riwayat", None, Some(y)),
            Field::Pagu => ("pagu", None, None),
            Field::PaguMurni => ("pagu_murni", None, None),
            Field::Rp(q) => ("rp", Some(q.number()), None),
            Field::RealisasiTahun => ("realisasi_tahun", None, None),
            Field::RenstraAkhirRp => ("renstra_akhir_rp", None, None),
            Field::RenstraRealisasiRp => ("renstra_realisasi_rp", None, None),
        };
        FieldName {
            kolom,
            indikator: self.indicator().map(|i| i + 1),
            tw,
            tahun,
        }
    }

    /// The figure a column name, indicator number (1-based), quarter and year name; `None`
    /// when the column is unknown or a part it needs is missing or out of range.
    pub fn from_name(
        kolom: &str,
        indikator: Option<usize>,
        tw: Option<u8>,
        tahun: Option<i32>,
    ) -> Option<Field> {
        let q = || tw.and_then(Quarter::new);
        let i = || indikator?.checked_sub(1);
        let y = || tahun;
        match kolom {
            "target" => Some(Field::Target(i()?)),
            "realisasi" => Some(Field::Realisasi(i()?, q()?)),
            "rencana" => Some(Field::Rencana(i()?, q()?)),
            "target_pk_murni" => Some(Field::TargetPkMurni(i()?)),
            "target_pk_perubahan" => Some(Field::TargetPkPerubahan(i()?)),
            "renstra_target" => Some(Field::RenstraTarget(i()?, y()?)),
            "renstra_akhir" => Some(Field::RenstraAkhir(i()?)),
            "riwayat" => Some(Field::Riwayat(i()?, y()?)),
            "pagu" => Some(Field::Pagu),
            "pagu_murni" => Some(Field::PaguMurni),
            "rp" => Some(Field::Rp(q()?)),
            "realisasi_tahun" => Some(Field::RealisasiTahun),
            "renstra_akhir_rp" => Some(Field::RenstraAkhirRp),
            "renstra_realisasi_rp" => Some(Field::RenstraRealisasiRp),
            _ => None,
        }
    }
}

/// A change of one figure from `old` to `new`. Its written form (in a saved [`super::Change`]
/// and the recovery file) is the journal's: `{"kode": …, "kolom": "realisasi", "indikator": 1,
/// "tw": 3, "lama": "462", "baru": "470"}` (see docs/multi-user.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "OpForm", try_from = "OpForm")]
pub struct Op {
    pub kode: String,
    pub field: Field,
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
}

/// The written form of an [`Op`].
#[derive(Clone, Serialize, Deserialize)]
struct OpForm {
    kode: String,
    kolom: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    indikator: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tw: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tahun: Option<i32>,
    #[serde(with = "super::figure::option")]
    lama: Option<Decimal>,
    #[serde(with = "super::figure::option")]
    baru: Option<Decimal>,
}

impl From<Op> for OpForm {
    fn from(op: Op) -> OpForm {
        let name = op.field.name();
        OpForm {
            kode: op.kode,
            kolom: name.kolom.to_string(),
            indikator: name.indikator,
            tw: name.tw,
            tahun: name.tahun,
            lama: op.old,
            baru: op.new,
        }
    }
}

impl TryFrom<OpForm> for Op {
    type Error = String;

    fn try_from(f: OpForm) -> Result<Op, String> {
        let field = Field::from_name(&f.kolom, f.indikator, f.tw, f.tahun).ok_or_else(|| {
            format!(
                "kolom «{}» tidak dikenal atau tanpa indikator/tw/tahun yang diperlukan",
                f.kolom
            )
        })?;
        Ok(Op {
            kode: f.kode,
            field,
            old: f.lama,
            new: f.baru,
        })
    }
}

impl Workspace {
    /// The value of a figure; `None` when there is no such node or slot.
    pub fn figure(&self, kode: &str, field: Field) -> Option<Option<Decimal>> {
        field.get(self.node(kode)?)
    }

    /// Sets a figure; `false` when there is no such node or slot.
    pub fn set_figure(&mut self, kode: &str, field: Field, value: Option<Decimal>) -> bool {
        self.node_mut(kode).is_some_and(|n| field.set(n, value))
    }

    /// The operations that turn `self` into `other`, figure by figure, for nodes present in
    /// both (matched by code). Two equal figures written differently (`"1.0"`, `"1"`) are equal.
    pub fn diff(&self, other: &Workspace) -> Vec<Op> {
        let theirs: std::collections::HashMap<&str, &Node> =
            other.nodes().map(|n| (n.kode.as_str(), n)).collect();
        let mut ops = Vec::new();
        for node in self.nodes() {
            let Some(o) = theirs.get(node.kode.as_str()) else {
                continue;
            };
            // The by-year slots of either side.
            let mut fields = Field::all(node);
            fields.extend(Field::all(o));
            fields.sort();
            fields.dedup();
            for field in fields {
                let (Some(old), Some(new)) = (field.get(node), field.get(o)) else {
                    continue;
                };
                if old != new {
                    ops.push(Op {
                        kode: node.kode.clone(),
                        field,
                        old,
                        new,
                    });
                }
            }
        }
        ops
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn sample() -> Workspace {
        crate::store::parse(crate::store::SAMPLE_JSON).expect("the sample loads")
    }

    #[test]
    fn every_slot_reads_back_what_was_set_and_diffs_as_one_op() {
        let base = sample();
        // IP ASN sits on 7.01.01.2.05 with a Renstra target for 2024 and a history for 2022.
        let kode = "7.01.01.2.05";
        let node = base.node(kode).expect("IP ASN node");
        assert!(node.anggaran.is_some(), "a kegiatan with a budget");
        let fields = [
            Field::Target(0),
            Field::Realisasi(0, Quarter::II),
            Field::Rencana(0, Quarter::III),
            Field::TargetPkMurni(0),
            Field::TargetPkPerubahan(0),
            Field::RenstraTarget(0, 2031),
            Field::RenstraAkhir(0),
            Field::Riwayat(0, 2019),
            Field::Pagu,
            Field::PaguMurni,
            Field::Rp(Quarter::I),
            Field::RealisasiTahun,
            Field::RenstraAkhirRp,
            Field::RenstraRealisasiRp,
        ];
        for field in fields {
            let mut ws = base.clone();
            let value = Some(dec!(12.5));
            assert_ne!(
                ws.figure(kode, field),
                Some(value),
                "{field:?} starts elsewhere"
            );
            assert!(ws.set_figure(kode, field, value), "{field:?} has a slot");
            assert_eq!(ws.figure(kode, field), Some(value), "{field:?}");
            let ops = base.diff(&ws);
            assert_eq!(ops.len(), 1, "{field:?}: {ops:?}");
            assert_eq!(ops[0].field, field);
            assert_eq!(ops[0].new, value);
            // Clearing a by-year figure removes the year; the diff back is one op too.
            assert!(ws.set_figure(kode, field, None));
            assert_eq!(ws.figure(kode, field), Some(None));
        }
    }

    #[test]
    fn a_missing_indicator_or_budget_is_no_slot() {
        let mut ws = sample();
        let visi = ws.pohon[0].kode.clone();
        assert_eq!(ws.figure(&visi, Field::Pagu), None, "a Visi has no budget");
        assert!(!ws.set_figure(&visi, Field::Rp(Quarter::I), Some(dec!(1))));
        assert!(!ws.set_figure(&visi, Field::Rencana(99, Quarter::I), Some(dec!(1))));
    }
}
