//! Node codes (kode).
//!
//! Program, Kegiatan and Sub Kegiatan follow the Permendagri 90/2019 nomenclature, each
//! extending its parent's code:
//! - program `X.XX.XX` — urusan, bidang urusan, program (`7.01.01`);
//! - kegiatan `<program>.X.XX` (`7.01.01.2.01`);
//! - sub kegiatan `<kegiatan>.XX` (`7.01.01.2.01.03`); the four-digit form of Kepmendagri
//!   050-5889/2021 (`7.01.01.2.01.0003`) is accepted too.
//!
//! The levels above keep codes of the workspace's choosing (`VISI`, `MISI-3`, `SASARAN-1`):
//! never empty, no spaces, control, bidirectional or invisible characters, at most [`MAX_LEN`] characters. Every code is
//! unique in the workspace.

use crate::model::{Node, NodeKind, Workspace};
use std::collections::HashSet;

/// The longest code accepted (a sub kegiatan's `7.01.01.2.01.0003` has 17 characters).
pub const MAX_LEN: usize = 40;

/// What is wrong with a code (plain data in `model`; `locale` words it).
pub use crate::model::CodeError;

/// The shape a level's code must have, to show beside the field; `None` for the free levels.
pub fn pattern(jenis: NodeKind) -> Option<&'static str> {
    match jenis {
        NodeKind::Program => Some("X.XX.XX"),
        NodeKind::Kegiatan => Some("<program>.X.XX"),
        NodeKind::SubKegiatan => Some("<kegiatan>.XX"),
        _ => None,
    }
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn program_shape(kode: &str) -> bool {
    let parts: Vec<&str> = kode.split('.').collect();
    matches!(parts.as_slice(), [a, b, c] if digits(a, 1) && digits(b, 2) && digits(c, 2))
}

/// `(digit, number)` of a kegiatan code `<parent>.X.XX`.
fn kegiatan_suffix<'a>(kode: &'a str, parent: &str) -> Option<(&'a str, &'a str)> {
    let rest = kode.strip_prefix(parent)?.strip_prefix('.')?;
    let (d, n) = rest.split_once('.')?;
    (digits(d, 1) && digits(n, 2)).then_some((d, n))
}

/// The number of a sub kegiatan code `<parent>.XX` or `<parent>.XXXX`.
fn sub_suffix<'a>(kode: &'a str, parent: &str) -> Option<&'a str> {
    let rest = kode.strip_prefix(parent)?.strip_prefix('.')?;
    (digits(rest, 2) || digits(rest, 4)).then_some(rest)
}

/// Whether `kode` is a well-formed code for a node of level `jenis` whose parent has code
/// `parent` (`None`: a root). Uniqueness is [`check_in`]'s.
pub fn check(jenis: NodeKind, parent: Option<&str>, kode: &str) -> Result<(), CodeError> {
    if kode.is_empty() {
        return Err(CodeError::Empty);
    }
    if kode
        .chars()
        .any(|c| c.is_whitespace() || crate::text::is_hidden_control(c))
    {
        return Err(CodeError::Blank);
    }
    if kode.chars().count() > MAX_LEN {
        return Err(CodeError::TooLong { max: MAX_LEN });
    }
    let Some(pattern) = pattern(jenis) else {
        return Ok(());
    };
    let fits = match jenis {
        NodeKind::Program => {
            return program_shape(kode)
                .then_some(())
                .ok_or(CodeError::Shape { pattern });
        }
        NodeKind::Kegiatan => parent.is_some_and(|p| kegiatan_suffix(kode, p).is_some()),
        _ => parent.is_some_and(|p| sub_suffix(kode, p).is_some()),
    };
    match (fits, parent) {
        (true, _) => Ok(()),
        (false, Some(p)) => Err(CodeError::NotUnder {
            parent: p.to_string(),
            pattern,
        }),
        (false, None) => Err(CodeError::Shape { pattern }),
    }
}

/// [`check`], and that no node of `ws` has the code yet.
pub fn check_in(
    ws: &Workspace,
    jenis: NodeKind,
    parent: Option<&str>,
    kode: &str,
) -> Result<(), CodeError> {
    check(jenis, parent, kode)?;
    match ws.node(kode) {
        Some(_) => Err(CodeError::Taken),
        None => Ok(()),
    }
}

/// A free code to propose for a new node of level `jenis` under `parent` (`None`: a root):
/// - sub kegiatan: the next number after the parent's highest (`7.01.01.2.01` with `.01` and
///   `.02` → `7.01.01.2.01.03`), in the width its siblings use;
/// - kegiatan: the next after the highest sibling of the same kind of kegiatan, the first
///   one `<program>.2.01`;
/// - program: the next program number of the urusan and bidang of the nearest program (a
///   sibling, else the last in the tree: `7.01.06` → `7.01.07`); `None` when the workspace has
///   no program yet (the urusan of a new body is not guessed);
/// - the levels above: `SASARAN-3` after `SASARAN-1` and `SASARAN-2` (`MISI-1`, `VISI-1`, …).
///
/// `None` too when the parent does not exist or no number is left.
pub fn next_free(ws: &Workspace, parent: Option<&str>, jenis: NodeKind) -> Option<String> {
    let parent_node = match parent {
        Some(p) => Some(ws.node(p)?),
        None => None,
    };
    let taken: HashSet<&str> = ws.nodes().map(|n| n.kode.as_str()).collect();
    next_free_in(ws, parent_node, jenis, &|k| taken.contains(k))
}

/// [`next_free`] under a parent the caller has found (`None`: a root), with the caller's
/// index of codes in use (`taken`): a sub kegiatan's or a kegiatan's code is found without a
/// walk of the tree; a program's and the upper levels' look at every code.
pub fn next_free_in(
    ws: &Workspace,
    parent_node: Option<&Node>,
    jenis: NodeKind,
    taken: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let parent = parent_node.map(|p| p.kode.as_str());
    let siblings: &[Node] = parent_node.map_or(&ws.pohon, |p| &p.anak);
    let free = |k: &String| !taken(k);
    match jenis {
        NodeKind::SubKegiatan => {
            let p = parent?;
            let numbers: Vec<&str> = siblings
                .iter()
                .filter_map(|c| sub_suffix(&c.kode, p))
                .collect();
            let width = numbers.last().map_or(2, |n| n.len());
            next_number(&numbers, width, |n| format!("{p}.{n:0width$}"), free)
        }
        NodeKind::Kegiatan => {
            let p = parent?;
            let suffixes: Vec<(&str, &str)> = siblings
                .iter()
                .filter_map(|c| kegiatan_suffix(&c.kode, p))
                .collect();
            let digit = suffixes.last().map_or("2", |(d, _)| d);
            let numbers: Vec<&str> = suffixes
                .iter()
                .filter(|(d, _)| *d == digit)
                .map(|(_, n)| *n)
                .collect();
            next_number(&numbers, 2, |n| format!("{p}.{digit}.{n:02}"), free)
        }
        NodeKind::Program => {
            let nearest = siblings
                .iter()
                .rev()
                .chain(ws.nodes().collect::<Vec<_>>().into_iter().rev())
                .find(|n| n.jenis == NodeKind::Program && program_shape(&n.kode))?;
            let prefix = &nearest.kode[..4];
            let numbers: Vec<&str> = ws
                .nodes()
                .filter(|n| program_shape(&n.kode) && n.kode.starts_with(prefix))
                .map(|n| &n.kode[5..])
                .collect();
            next_number(&numbers, 2, |n| format!("{prefix}.{n:02}"), free)
        }
        _ => {
            let word = match jenis {
                NodeKind::Visi => "VISI",
                NodeKind::Misi => "MISI",
                NodeKind::Tujuan => "TUJUAN",
                _ => "SASARAN",
            };
            let dash = format!("{word}-");
            let highest = ws
                .nodes()
                .filter_map(|n| n.kode.strip_prefix(&dash)?.parse::<u32>().ok())
                .max()
                .unwrap_or(0);
            (highest + 1..)
                .map(|n| format!("{dash}{n}"))
                .find(|k| free(k))
        }
    }
}

/// The number after the highest of `numbers` (decimal strings), else the lowest unused one,
/// that fits `width` digits and gives a free code.
fn next_number(
    numbers: &[&str],
    width: usize,
    code: impl Fn(u32) -> String,
    free: impl Fn(&String) -> bool,
) -> Option<String> {
    let max = 10u32.pow(width as u32) - 1;
    let used: HashSet<u32> = numbers.iter().filter_map(|n| n.parse().ok()).collect();
    let highest = used.iter().copied().max().unwrap_or(0);
    (highest + 1..=max)
        .chain(1..=highest)
        .filter(|n| !used.contains(n))
        .map(code)
        .find(|k| free(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use NodeKind::*;

    #[test]
    fn permendagri_shapes_extend_the_parent() {
        assert_eq!(check(Program, Some("SASARAN-1"), "7.01.01"), Ok(()));
        assert_eq!(check(Program, None, "7.01.01"), Ok(()));
        for bad in ["7.1.01", "7.01", "7.01.01.2", "A.01.01", "7.01.001"] {
            assert_eq!(
                check(Program, None, bad),
                Err(CodeError::Shape { pattern: "X.XX.XX" }),
                "{bad}"
            );
        }
        assert_eq!(check(Kegiatan, Some("7.01.01"), "7.01.01.2.01"), Ok(()));
        assert_eq!(
            check(Kegiatan, Some("7.01.01"), "7.01.02.2.01"),
            Err(CodeError::NotUnder {
                parent: "7.01.01".into(),
                pattern: "<program>.X.XX"
            })
        );
        assert!(check(Kegiatan, Some("7.01.01"), "7.01.01.2.1").is_err());
        assert!(
            check(Kegiatan, Some("7.01.01"), "7.01.012.01").is_err(),
            "no dot"
        );
        assert_eq!(
            check(SubKegiatan, Some("7.01.01.2.01"), "7.01.01.2.01.03"),
            Ok(())
        );
        assert_eq!(
            check(SubKegiatan, Some("7.01.01.2.01"), "7.01.01.2.01.0003"),
            Ok(())
        );
        assert!(check(SubKegiatan, Some("7.01.01.2.01"), "7.01.01.2.01.003").is_err());
        assert!(check(SubKegiatan, Some("7.01.01.2.01"), "7.01.01.2.02.03").is_err());
    }

    #[test]
    fn free_codes_of_the_upper_levels() {
        assert_eq!(check(Sasaran, Some("TUJUAN-1"), "SASARAN-3"), Ok(()));
        assert_eq!(check(Visi, None, ""), Err(CodeError::Empty));
        assert_eq!(check(Misi, None, "MISI 3"), Err(CodeError::Blank));
        assert_eq!(check(Misi, None, "MISI-3\n"), Err(CodeError::Blank));
        assert_eq!(check(Misi, None, "M\u{7}"), Err(CodeError::Blank));
        // Codes that look like `MISI-3` but are another: a zero width space, a right-to-left
        // override, a word joiner.
        for hidden in ["MISI-3\u{200b}", "MISI-\u{202e}3", "MISI\u{2060}-3"] {
            assert_eq!(
                check(Misi, None, hidden),
                Err(CodeError::Blank),
                "{hidden:?}"
            );
        }
        assert_eq!(
            check(Tujuan, None, &"T".repeat(41)),
            Err(CodeError::TooLong { max: 40 })
        );
    }
}
