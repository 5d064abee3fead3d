//! The workspace: one body (OPD), its cascading performance tree and the figures typed into it.
//!
//! Plain data with serde, no I/O. Every figure is a [`Decimal`] written in the file as a string,
//! so nothing passes through a float; a figure not yet entered is `None` (`null` in the file),
//! which is not the same as zero.

pub mod change;
mod field;
pub mod figure;
mod id;
mod init;
mod note;
mod objection;
mod quarter;

pub use change::{
    Applied, Change, Conflict, Edit, IndicatorAttr, Locator, NodeAttr, NoteAttr, PkAt, Place,
    Refusal,
};
pub use field::{EditRefusal, Field, FieldName, FigureKind, Op};
pub use id::IndicatorId;
pub use init::{init, init_from};
pub use note::{Explanation, QuarterNotes, Tanggal, Verification, Verifications};
pub use objection::{CodeError, Objection, Removal, TextError, TextKind};
pub use quarter::Quarter;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the file format written by this build (see `docs/workspace-format.md`).
pub const SCHEMA_VERSION: u32 = 2;

/// Four quarterly slots (triwulan I–IV); `None` means "not entered".
pub type PerQuarter = [Option<Decimal>; 4];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub schema_version: u32,
    pub instansi: Instansi,
    pub periode_renstra: Periode,
    /// The reporting year (tahun anggaran).
    pub tahun: i32,
    #[serde(default)]
    pub pengaturan: Settings,
    #[serde(default)]
    pub pejabat: Vec<Officer>,
    /// The cascading tree; normally one Visi at the root.
    pub pohon: Vec<Node>,
    /// The performance agreement (Perjanjian Kinerja): lines that point at indicators in the tree.
    #[serde(default)]
    pub pk: Vec<PkLine>,
    /// The public satisfaction index (IKM) from the survey, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ikm: Option<Ikm>,
    /// Which quarters' figures are verified, by whom and when (see `note`): a verified quarter
    /// is closed to edits until it is opened again.
    #[serde(default, skip_serializing_if = "note::none_verified")]
    pub verifikasi: Verifications,
}

/// The reporting body (OPD, perangkat daerah).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instansi {
    pub nama: String,
    pub kabupaten: String,
    #[serde(default)]
    pub alamat: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Periode {
    pub awal: i32,
    pub akhir: i32,
}

/// Settings that change how figures are judged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The quarter being reported; figures of later quarters are not yet due.
    pub triwulan_berjalan: Quarter,
    /// An indicator is red (not achieved) when its capaian to date is below this percentage.
    #[serde(with = "figure")]
    pub ambang_merah: Decimal,
    /// Lower bounds of the Permendagri 86/2017 rating scale.
    pub skala: RatingScale,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            triwulan_berjalan: Quarter::IV,
            ambang_merah: Decimal::ONE_HUNDRED,
            skala: RatingScale::default(),
        }
    }
}

/// Lower bounds (inclusive, in %) of each rating; below `rendah` is Sangat Rendah.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingScale {
    #[serde(with = "figure")]
    pub sangat_tinggi: Decimal,
    #[serde(with = "figure")]
    pub tinggi: Decimal,
    #[serde(with = "figure")]
    pub sedang: Decimal,
    #[serde(with = "figure")]
    pub rendah: Decimal,
}

impl Default for RatingScale {
    /// Permendagri 86/2017: ≥ 91, 76–90, 66–75, 51–65, ≤ 50.
    fn default() -> Self {
        RatingScale {
            sangat_tinggi: Decimal::from(91),
            tinggi: Decimal::from(76),
            sedang: Decimal::from(66),
            rendah: Decimal::from(51),
        }
    }
}

/// The Permendagri 86/2017 rating of a capaian (E-81 evaluation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    SangatTinggi,
    Tinggi,
    Sedang,
    Rendah,
    SangatRendah,
}

impl Rating {
    /// Best first.
    pub const ALL: [Rating; 5] = [
        Rating::SangatTinggi,
        Rating::Tinggi,
        Rating::Sedang,
        Rating::Rendah,
        Rating::SangatRendah,
    ];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// An officer (pejabat) who can be responsible (penanggung jawab) for nodes and indicators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Officer {
    /// Short stable key used by nodes and indicators, e.g. `kasi-pelayanan`.
    pub id: String,
    pub nama: String,
    #[serde(default)]
    pub nip: String,
    pub jabatan: String,
}

/// The level of a node in the cascading tree, from the root down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Visi,
    Misi,
    Tujuan,
    Sasaran,
    Program,
    Kegiatan,
    SubKegiatan,
}

impl Node {
    /// This node and every node below it, depth-first (parents before children).
    pub fn iter(&self) -> impl Iterator<Item = &Node> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let node = stack.pop()?;
            stack.extend(node.anak.iter().rev());
            Some(node)
        })
    }
}

impl NodeKind {
    /// Program, Kegiatan and Sub Kegiatan carry a budget; the levels above do not.
    pub fn has_budget(self) -> bool {
        matches!(
            self,
            NodeKind::Program | NodeKind::Kegiatan | NodeKind::SubKegiatan
        )
    }
}

/// One node of the cascading tree (pohon kinerja).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub jenis: NodeKind,
    /// Unique code, e.g. `7.01.01.2.06.04`; Visi…Sasaran get short codes of the workspace's choosing.
    pub kode: String,
    pub nama: String,
    /// Officer id of the penanggung jawab.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pejabat: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indikator: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anggaran: Option<Budget>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anak: Vec<Node>,
}

/// Whether more is better (positif) or less is better (negatif, e.g. complaints, days to serve).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    #[default]
    Positif,
    Negatif,
}

/// How quarterly realisations make up the figure to date; the rule belongs to the indicator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Counts: the quarters add up (462 + 428 + 1.235 + 1.037 = 3.162 layanan).
    #[default]
    Jumlah,
    /// Levels, indices, stock-like percentages: the latest quarter entered is the figure.
    Terakhir,
    /// Rates: the mean of the quarters entered.
    RataRata,
}

impl Polarity {
    /// As the file writes it: `positif`, `negatif`.
    pub fn name(self) -> &'static str {
        match self {
            Polarity::Positif => "positif",
            Polarity::Negatif => "negatif",
        }
    }
}

impl Aggregation {
    /// As the file writes it: `jumlah`, `terakhir`, `rata_rata`.
    pub fn name(self) -> &'static str {
        match self {
            Aggregation::Jumlah => "jumlah",
            Aggregation::Terakhir => "terakhir",
            Aggregation::RataRata => "rata_rata",
        }
    }
}

/// A performance indicator with its target and quarterly realisations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable identity, unique in the workspace (see [`IndicatorId`]); 0 until assigned.
    #[serde(default, skip_serializing_if = "IndicatorId::is_unset")]
    pub id: IndicatorId,
    pub nama: String,
    pub satuan: String,
    #[serde(default)]
    pub polaritas: Polarity,
    #[serde(default)]
    pub agregasi: Aggregation,
    /// The year's target that capaian is measured against.
    #[serde(default, with = "figure::option")]
    pub target: Option<Decimal>,
    /// Target in the original performance agreement (PK murni), where it differs.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "figure::option"
    )]
    pub target_pk_murni: Option<Decimal>,
    /// Target in the revised performance agreement (PK perubahan), where it differs.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "figure::option"
    )]
    pub target_pk_perubahan: Option<Decimal>,
    /// Optional quarterly plan (rencana triwulan). For `jumlah` the amount planned in each
    /// quarter; for `terakhir`/`rata_rata` the level planned by that quarter.
    #[serde(
        default,
        skip_serializing_if = "is_empty_quarters",
        with = "figure::quarters"
    )]
    pub rencana: PerQuarter,
    /// Realisation entered per quarter for the reporting year.
    #[serde(default, with = "figure::quarters")]
    pub realisasi: PerQuarter,
    /// Realisations of earlier years, by year.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        with = "figure::by_year"
    )]
    pub riwayat: BTreeMap<i32, Decimal>,
    #[serde(default, skip_serializing_if = "Renstra::is_empty")]
    pub renstra: Renstra,
    /// Officer id of the penanggung jawab, when not the node's own officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pejabat: Option<String>,
    /// The explanation of each quarter's figures: faktor pendorong and penghambat, tindak
    /// lanjut, bukti dukung.
    #[serde(default, skip_serializing_if = "QuarterNotes::is_empty")]
    pub penjelasan: QuarterNotes,
}

fn is_empty_quarters(q: &PerQuarter) -> bool {
    q.iter().all(Option::is_none)
}

/// Targets from the five-year strategic plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renstra {
    /// Target per year of the Renstra period.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        with = "figure::by_year"
    )]
    pub target: BTreeMap<i32, Decimal>,
    /// Target at the end of the period (kondisi akhir), for "tingkat kemajuan".
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "figure::option"
    )]
    pub akhir: Option<Decimal>,
}

impl Renstra {
    pub fn is_empty(&self) -> bool {
        self.target.is_empty() && self.akhir.is_none()
    }
}

/// The budget of a Program, Kegiatan or Sub Kegiatan, in Rupiah.
///
/// On a parent the figures are declared copies from a report (Renja, PK, E-81); the figures
/// that count are the sums of its children, and `kinerja check` reports any difference.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Pagu in force (after P-APBD where revised).
    #[serde(default, with = "figure::option")]
    pub pagu: Option<Decimal>,
    /// Original pagu (APBD murni), where it differs.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "figure::option"
    )]
    pub pagu_murni: Option<Decimal>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sumber_dana: String,
    /// Money spent in each quarter.
    #[serde(default, with = "figure::quarters")]
    pub realisasi_rp: PerQuarter,
    /// Realisation for the year as declared by the budget report (LRA), to reconcile with the
    /// quarters.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "figure::option"
    )]
    pub realisasi_tahun: Option<Decimal>,
    /// The Renstra's money for the node to the end of the period (E-81 column 5 Rp). The
    /// node's own figure, never a sum: the Renstra funds programs and kegiatan.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "figure::option"
    )]
    pub renstra_akhir: Option<Decimal>,
    /// Money spent under the Renstra in its years before this one (E-81 column 6 Rp).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "figure::option"
    )]
    pub renstra_realisasi: Option<Decimal>,
}

/// Which part of the performance agreement a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PkGroup {
    /// A strategic target (sasaran strategis) of the body.
    Sasaran,
    /// "Kinerja lainnya": agreed results that are not a sasaran.
    KinerjaLainnya,
}

/// One line of the performance agreement (PK); it points at an indicator in the tree so the
/// figures live in one place only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkLine {
    pub kelompok: PkGroup,
    /// Numbering as printed in the agreement, e.g. `1.2`.
    pub no: String,
    /// The statement of the agreed result (sasaran or kinerja).
    pub pernyataan: String,
    /// Node that holds the indicator.
    pub kode: String,
    /// 1-based position of the indicator within that node.
    pub indikator: usize,
}

/// The public satisfaction index (Indeks Kepuasan Masyarakat) from the survey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ikm {
    #[serde(with = "figure")]
    pub nilai: Decimal,
    /// Mean score of the nine survey elements U1–U9 (1–4).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "figure::list")]
    pub unsur: Vec<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responden: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mutu: String,
}

/// Where an indicator lives: the node's code and the indicator's 0-based index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IndicatorRef {
    pub kode: String,
    pub index: usize,
}

impl Workspace {
    /// Every node in depth-first order (parents before children).
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.pohon.iter().flat_map(Node::iter)
    }

    /// Every node with its depth (root = 0) and the codes of its ancestors, depth-first.
    pub fn walk(&self) -> Vec<NodeVisit<'_>> {
        self.walk_by(|nodes| nodes.iter().collect())
    }

    /// [`walk`](Self::walk) with each node's children (and the roots) in the order `order`
    /// gives them (a report's order, e.g. by code), the tree left as it is.
    pub fn walk_by<'a>(
        &'a self,
        order: impl Fn(&'a [Node]) -> Vec<&'a Node>,
    ) -> Vec<NodeVisit<'a>> {
        fn go<'a>(
            nodes: &'a [Node],
            order: &dyn Fn(&'a [Node]) -> Vec<&'a Node>,
            ancestors: &mut Vec<&'a Node>,
            out: &mut Vec<NodeVisit<'a>>,
        ) {
            for n in order(nodes) {
                out.push(NodeVisit {
                    node: n,
                    ancestors: ancestors.clone(),
                });
                ancestors.push(n);
                go(&n.anak, order, ancestors, out);
                ancestors.pop();
            }
        }
        let mut out = Vec::new();
        go(&self.pohon, &order, &mut Vec::new(), &mut out);
        out
    }

    pub fn node(&self, kode: &str) -> Option<&Node> {
        self.nodes().find(|n| n.kode == kode)
    }

    /// Where each of `kodes` sits (child positions from the root), in one walk of the tree.
    pub fn locate<'k>(
        &self,
        kodes: impl IntoIterator<Item = &'k str>,
    ) -> std::collections::HashMap<String, Vec<usize>> {
        fn go(
            nodes: &[Node],
            wanted: &std::collections::HashSet<&str>,
            prefix: &mut Vec<usize>,
            out: &mut std::collections::HashMap<String, Vec<usize>>,
        ) {
            for (i, n) in nodes.iter().enumerate() {
                if out.len() == wanted.len() {
                    return;
                }
                prefix.push(i);
                if wanted.contains(n.kode.as_str()) {
                    out.entry(n.kode.clone()).or_insert_with(|| prefix.clone());
                }
                go(&n.anak, wanted, prefix, out);
                prefix.pop();
            }
        }
        let wanted: std::collections::HashSet<&str> = kodes.into_iter().collect();
        let mut out = std::collections::HashMap::new();
        go(&self.pohon, &wanted, &mut Vec::new(), &mut out);
        out
    }

    /// The node at `positions` (child indices from the root down).
    pub fn node_at(&self, positions: &[usize]) -> Option<&Node> {
        let (first, rest) = positions.split_first()?;
        let mut node = self.pohon.get(*first)?;
        for i in rest {
            node = node.anak.get(*i)?;
        }
        Some(node)
    }

    /// The node at `positions`, to change it.
    pub fn node_at_mut(&mut self, positions: &[usize]) -> Option<&mut Node> {
        let (first, rest) = positions.split_first()?;
        let mut node = self.pohon.get_mut(*first)?;
        for i in rest {
            node = node.anak.get_mut(*i)?;
        }
        Some(node)
    }

    pub fn node_mut(&mut self, kode: &str) -> Option<&mut Node> {
        fn find<'a>(nodes: &'a mut [Node], kode: &str) -> Option<&'a mut Node> {
            for n in nodes {
                if n.kode == kode {
                    return Some(n);
                }
                if let Some(found) = find(&mut n.anak, kode) {
                    return Some(found);
                }
            }
            None
        }
        find(&mut self.pohon, kode)
    }

    pub fn indicator(&self, r: &IndicatorRef) -> Option<&Indicator> {
        self.node(&r.kode)?.indikator.get(r.index)
    }

    pub fn officer(&self, id: &str) -> Option<&Officer> {
        self.pejabat.iter().find(|o| o.id == id)
    }

    /// The officer answerable (penanggung jawab) for a node, or for one of its indicators
    /// (`ind`): the indicator's own, else the node's, else the nearest ancestor's. The one rule
    /// for it: every report, export and front-end asks here (the interface builds the
    /// [`NodeVisit`] from its own index of ancestors).
    pub fn officer_for<'a>(
        &'a self,
        visit: &NodeVisit<'a>,
        ind: Option<&'a Indicator>,
    ) -> Option<&'a Officer> {
        let id = ind
            .and_then(|i| i.pejabat.as_deref())
            .or(visit.node.pejabat.as_deref())
            .or_else(|| {
                visit
                    .ancestors
                    .iter()
                    .rev()
                    .find_map(|a| a.pejabat.as_deref())
            })?;
        self.officer(id)
    }
}

/// A node reached by [`Workspace::walk`], with the path above it.
#[derive(Clone, Debug)]
pub struct NodeVisit<'a> {
    pub node: &'a Node,
    /// From the root down to the parent.
    pub ancestors: Vec<&'a Node>,
}

impl NodeVisit<'_> {
    pub fn depth(&self) -> usize {
        self.ancestors.len()
    }
}
