//! Matching a file's rows to the tree: by kode first (with or without the E-81's `[PROGRAM]`
//! tag, dots or spaces), else by name; an indicator by its name within the node (case,
//! spacing and punctuation ignored, the unit in brackets optional), and by position when a
//! node has several indicators of the same name.

use crate::model::{Node, NodeKind, Workspace};
use std::collections::HashMap;

/// A node of the workspace as the import sees it.
pub struct Entry<'w> {
    pub node: &'w Node,
    /// Child positions from the root (for `Workspace::node_at`).
    pub path: Vec<usize>,
    /// The nearest Sasaran above (or the node itself).
    pub sasaran: Option<usize>,
    /// Whether the node's budget is the sum of its children's (some node below has one).
    pub sums_children: bool,
}

/// Every node, by kode and by name.
pub struct Index<'w> {
    pub nodes: Vec<Entry<'w>>,
    exact: HashMap<&'w str, usize>,
    /// By [`kode_key`]; `None` when two codes of the workspace read alike (`7.1.1`, `7.01.01`),
    /// so only the exact code finds either.
    by_kode: HashMap<String, Option<usize>>,
    by_name: HashMap<String, Vec<usize>>,
}

impl<'w> Index<'w> {
    pub fn new(ws: &'w Workspace) -> Index<'w> {
        fn go<'w>(
            nodes: &'w [Node],
            path: &mut Vec<usize>,
            sasaran: Option<usize>,
            out: &mut Vec<Entry<'w>>,
        ) -> bool {
            let mut any_budget = false;
            for (i, n) in nodes.iter().enumerate() {
                path.push(i);
                let me = out.len();
                out.push(Entry {
                    node: n,
                    path: path.clone(),
                    sasaran: if n.jenis == NodeKind::Sasaran {
                        Some(me)
                    } else {
                        sasaran
                    },
                    sums_children: false,
                });
                let below = go(&n.anak, path, out[me].sasaran, out);
                out[me].sums_children = below;
                any_budget |= below || n.anggaran.is_some();
                path.pop();
            }
            any_budget
        }
        let mut nodes = Vec::new();
        go(&ws.pohon, &mut Vec::new(), None, &mut nodes);
        let mut exact = HashMap::with_capacity(nodes.len());
        let mut by_kode: HashMap<String, Option<usize>> = HashMap::with_capacity(nodes.len());
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::with_capacity(nodes.len());
        for (i, e) in nodes.iter().enumerate() {
            exact.insert(e.node.kode.as_str(), i);
            by_kode
                .entry(kode_key(&e.node.kode))
                .and_modify(|found| *found = None)
                .or_insert(Some(i));
            by_name.entry(name_key(&e.node.nama)).or_default().push(i);
        }
        Index {
            nodes,
            exact,
            by_kode,
            by_name,
        }
    }

    /// The node of a kode as the file writes it: the exact code, else the one code that reads
    /// alike.
    pub fn by_kode(&self, kode: &str) -> Option<usize> {
        if let Some(i) = self.exact.get(kode.trim()) {
            return Some(*i);
        }
        self.by_kode.get(&kode_key(kode)).copied().flatten()
    }

    /// Nodes of this name (case, spacing and punctuation ignored).
    pub fn by_name(&self, nama: &str) -> &[usize] {
        self.by_name.get(&name_key(nama)).map_or(&[], Vec::as_slice)
    }
}

/// A kode compared the way people write it: without an `[E-81 TAG]`, upper case, segments
/// split by dots or spaces, numbers without leading zeros (`7.1.1` is `7.01.01`).
pub fn kode_key(kode: &str) -> String {
    let (_, rest) = strip_tag(kode.trim());
    let mut out = String::with_capacity(rest.len());
    for s in rest
        .split(|c: char| c == '.' || c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        if !out.is_empty() {
            out.push('.');
        }
        if s.bytes().all(|b| b.is_ascii_digit()) {
            let t = s.trim_start_matches('0');
            out.push_str(if t.is_empty() { "0" } else { t });
        } else {
            out.extend(s.chars().flat_map(char::to_uppercase));
        }
    }
    out
}

/// A name compared without case, spaces or punctuation.
pub fn name_key(nama: &str) -> String {
    let mut out = String::with_capacity(nama.len());
    if nama.is_ascii() {
        out.extend(
            nama.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        out.extend(
            nama.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
    }
    out
}

/// A cheap hash for the plan's maps of small keys (positions and figures), where SipHash's
/// protection against chosen keys buys nothing: the keys come from the workspace.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        // FxHash's step: rotate, mix in, multiply by a large odd constant.
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_i32(&mut self, n: i32) {
        self.write_u64(n as u32 as u64);
    }
}

/// A map with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// `[SUB KEGIATAN] 7.01.01.2.01.01 Nama` → (the level, the rest).
pub fn strip_tag(text: &str) -> (Option<NodeKind>, &str) {
    let t = text.trim_start();
    let Some(rest) = t.strip_prefix('[') else {
        return (None, t);
    };
    let Some((tag, after)) = rest.split_once(']') else {
        return (None, t);
    };
    (level_word(tag), after.trim_start())
}

fn level_word(word: &str) -> Option<NodeKind> {
    match name_key(word).as_str() {
        "program" => Some(NodeKind::Program),
        "kegiatan" | "activity" => Some(NodeKind::Kegiatan),
        "subkegiatan" | "subactivity" => Some(NodeKind::SubKegiatan),
        "sasaran" => Some(NodeKind::Sasaran),
        "tujuan" | "goal" => Some(NodeKind::Tujuan),
        "misi" | "mission" => Some(NodeKind::Misi),
        "visi" | "vision" => Some(NodeKind::Visi),
        _ => None,
    }
}

/// A node cell split into level, kode and name: `[PROGRAM] 7.01.01 PROGRAM PENUNJANG …`,
/// `7 01 01 Program …`, or a name only. With `labelled` (kinerja's export writes
/// `Sub Kegiatan Nama`), the level word in front is taken off.
pub fn node_cell(text: &str, labelled: bool) -> (Option<NodeKind>, Option<String>, String) {
    let (mut level, rest) = strip_tag(text);
    let mut rest = rest.trim();
    if labelled && level.is_none() {
        for (word, kind) in [
            ("Sub Kegiatan ", NodeKind::SubKegiatan),
            ("Sub-activity ", NodeKind::SubKegiatan),
            ("Kegiatan ", NodeKind::Kegiatan),
            ("Activity ", NodeKind::Kegiatan),
            ("Program ", NodeKind::Program),
            ("Sasaran ", NodeKind::Sasaran),
            ("Target ", NodeKind::Sasaran),
            ("Tujuan ", NodeKind::Tujuan),
            ("Goal ", NodeKind::Tujuan),
        ] {
            if let Some(r) = rest.strip_prefix(word) {
                level = Some(kind);
                rest = r.trim_start();
                break;
            }
        }
    }
    // A code: a first word of dotted segments with a digit (`7.01.01`, `X.XX.01.2.01`,
    // `U001.7.01.01`), or digit groups joined by single spaces (`7 01 01`).
    let first = rest.split_whitespace().next().unwrap_or("");
    let segments: Vec<&str> = first.split('.').collect();
    if segments.len() >= 2
        && segments.iter().all(|g| {
            g.chars().all(|c| c.is_ascii_alphanumeric())
                && (g.chars().any(|c| c.is_ascii_digit())
                    || !g.is_empty() && g.chars().all(|c| c == 'X' || c == 'x'))
        })
    {
        let name = rest[first.len()..].trim().to_string();
        return (level, Some(first.to_string()), name);
    }
    let bytes = rest.as_bytes();
    let mut end = 0;
    let mut i = 0;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        end = i;
        if i + 1 < bytes.len() && matches!(bytes[i], b'.' | b' ') && bytes[i + 1].is_ascii_digit() {
            i += 1;
        } else {
            break;
        }
    }
    let has_separator = rest[..end].contains(['.', ' ']);
    if end > 0 && has_separator && (end == rest.len() || bytes[end] == b' ') {
        let kode = rest[..end].replace(' ', ".");
        (level, Some(kode), rest[end..].trim().to_string())
    } else {
        (level, None, rest.to_string())
    }
}

/// `Nama Indikator(Satuan)` → (name, unit) when the text ends in a bracket group.
pub fn split_unit(text: &str) -> (String, Option<String>) {
    let t = text.trim();
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
    {
        let unit = t[open + 1..t.len() - 1].trim().to_string();
        let name = t[..open].trim().to_string();
        if !name.is_empty() {
            return (name, Some(unit));
        }
    }
    (t.to_string(), None)
}

/// The indicator of `node` a row names: its name equal (case, spacing and punctuation
/// ignored) with or without a trailing `(unit)`; the `occurrence`-th row (0-based) of this
/// name in the sheet takes the `occurrence`-th such indicator, the last one when the file has
/// more rows than the node has indicators of that name (a duplicate row).
pub fn indicator(node: &Node, nama: &str, occurrence: usize) -> Option<usize> {
    let full = name_key(nama);
    let (short, _) = split_unit(nama);
    let short = name_key(&short);
    let of = |key: &str| -> Vec<usize> {
        node.indikator
            .iter()
            .enumerate()
            .filter(|(_, i)| name_key(&i.nama) == key)
            .map(|(n, _)| n)
            .collect()
    };
    let mut found = of(&full);
    if found.is_empty() && short != full {
        found = of(&short);
    }
    found
        .get(occurrence.min(found.len().saturating_sub(1)))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kodes_compare_as_people_write_them() {
        assert_eq!(kode_key("7.01.01"), "7.1.1");
        assert_eq!(kode_key("[PROGRAM] 7.01.01"), "7.1.1");
        assert_eq!(kode_key(" 7 01 01 2 01 "), "7.1.1.2.1");
        assert_eq!(kode_key("7.1.1.2.01"), kode_key("7.01.01.2.01"));
        assert_eq!(kode_key("sasaran-1"), "SASARAN-1");
        assert_ne!(kode_key("7.01.10"), kode_key("7.01.01"));
    }

    #[test]
    fn codes_that_read_alike_need_the_exact_code() {
        let mut ws = crate::store::parse(crate::store::SAMPLE_JSON).unwrap();
        let index = Index::new(&ws);
        let at = |i: &Index, k: &str| i.by_kode(k).map(|n| i.nodes[n].node.kode.clone());
        assert_eq!(at(&index, "7.1.2"), Some("7.01.02".into()));
        assert_eq!(at(&index, "[PROGRAM] 7 01 02"), Some("7.01.02".into()));
        // A second program coded 7.1.2: neither is found by the looser reading.
        let mut twin = ws.pohon[0].anak[0].anak[0].anak[0].anak[0].clone();
        assert_eq!(twin.kode, "7.01.02");
        twin.kode = "7.1.2".into();
        twin.anak.clear();
        ws.pohon[0].anak[0].anak[0].anak[0].anak.push(twin);
        let index = Index::new(&ws);
        assert_eq!(at(&index, "7.01.02"), Some("7.01.02".into()));
        assert_eq!(at(&index, "7.1.2"), Some("7.1.2".into()));
        assert_eq!(at(&index, "7 01 02"), None);
    }

    #[test]
    fn node_cells_of_the_e81_and_of_the_export() {
        assert_eq!(
            node_cell(
                "[PROGRAM] 7.01.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                false
            ),
            (
                Some(NodeKind::Program),
                Some("7.01.01".into()),
                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA".into()
            )
        );
        assert_eq!(
            node_cell(
                "[SUB KEGIATAN] 7.01.01.2.06.09 Penyelenggaraan Rapat(Laporan)",
                false
            ),
            (
                Some(NodeKind::SubKegiatan),
                Some("7.01.01.2.06.09".into()),
                "Penyelenggaraan Rapat(Laporan)".into()
            )
        );
        assert_eq!(
            node_cell("7 01 06 Program Desa", false),
            (None, Some("7.01.06".into()), "Program Desa".into())
        );
        assert_eq!(
            node_cell("Sub Kegiatan Penyediaan Gaji", true),
            (Some(NodeKind::SubKegiatan), None, "Penyediaan Gaji".into())
        );
        assert_eq!(
            node_cell("2023 Tahun Baik", false),
            (None, None, "2023 Tahun Baik".into()),
            "a lone number is no code"
        );
        assert_eq!(node_cell("Penyediaan Gaji", false).1, None);
        assert_eq!(
            node_cell("[SUB KEGIATAN] X.XX.01.2.01.01 Lintas urusan", false).1,
            Some("X.XX.01.2.01.01".into())
        );
        assert_eq!(
            node_cell("U001.7.01.01 Program", false).1,
            Some("U001.7.01.01".into())
        );
        assert_eq!(
            node_cell("Bab 3.2", false).1,
            None,
            "a dotted word later is a name"
        );
        assert_eq!(
            node_cell("1.Penyusunan Dokumen", false).1,
            None,
            "a numbered name"
        );
    }

    #[test]
    fn names_compare_without_case_spaces_or_punctuation() {
        assert_eq!(
            name_key("Koordinasi dan Penyusunan Perubahan DPA- SKPD"),
            "koordinasidanpenyusunanperubahandpaskpd"
        );
        assert_eq!(
            name_key("Pemeliharaan/Rehabilitasi"),
            name_key("pemeliharaan rehabilitasi")
        );
        assert_eq!(name_key("Ketenteraman – Ü"), "ketenteramanü");
    }

    #[test]
    fn units_in_brackets() {
        assert_eq!(
            split_unit("Nilai Reformasi Birokrasi (RB) Perangkat Daerah(%)"),
            (
                "Nilai Reformasi Birokrasi (RB) Perangkat Daerah".into(),
                Some("%".into())
            )
        );
        assert_eq!(
            split_unit("IP ASN Perangkat Daerah()"),
            ("IP ASN Perangkat Daerah".into(), Some(String::new()))
        );
        assert_eq!(
            split_unit("Jumlah dokumen"),
            ("Jumlah dokumen".into(), None)
        );
    }

    #[test]
    fn indicators_by_name_then_position() {
        let ws = crate::store::parse(crate::store::SAMPLE_JSON).unwrap();
        let program = ws.node("7.01.01").unwrap();
        assert_eq!(
            indicator(program, "nilai  SAKIP perangkat daerah", 0),
            Some(0)
        );
        assert_eq!(
            indicator(program, "Nilai SAKIP Perangkat Daerah(nilai)", 0),
            Some(0)
        );
        assert_eq!(indicator(program, "Nilai SKAIP Kecamatan Sooko", 0), None);
        let sasaran = ws.node("SASARAN-2").unwrap();
        assert_eq!(
            indicator(
                sasaran,
                "Nilai Reformasi Birokrasi (RB) Perangkat Daerah(%)",
                0
            ),
            Some(0),
            "(RB) stays, the unit goes"
        );
        // Two indicators of one name: by position; a third row is the second again.
        let mut twins = program.clone();
        twins.indikator[1].nama = twins.indikator[0].nama.clone();
        let n = &twins.indikator[0].nama;
        assert_eq!(indicator(&twins, n, 0), Some(0));
        assert_eq!(indicator(&twins, n, 1), Some(1));
        assert_eq!(indicator(&twins, n, 2), Some(1));
    }
}
