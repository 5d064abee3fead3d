//! Which level of the cascading tree may sit under which.
//!
//! The levels run visi → misi → tujuan → sasaran → program → kegiatan → sub kegiatan, and a
//! tree may skip levels above Program (a sasaran directly under a misi, a program directly
//! under a sasaran or a tujuan). Below Program nothing is skipped: a kegiatan's code extends
//! its program's and a sub kegiatan's its kegiatan's (Permendagri 90/2019), so a kegiatan sits
//! only under a program and a sub kegiatan only under a kegiatan. A root may be any level down
//! to Program (normally one Visi).
//!
//! (The loader is looser: it only asks a child to be below its parent's level, so a file
//! written by hand with a kegiatan under a sasaran still loads; a change may not build one.)

use crate::model::NodeKind::{self, *};

/// The levels a new node may have under `parent` (`None`: at the root), the usual one first.
pub fn allowed_under(parent: Option<NodeKind>) -> &'static [NodeKind] {
    match parent {
        None => &[Visi, Misi, Tujuan, Sasaran, Program],
        Some(Visi) => &[Misi, Tujuan, Sasaran, Program],
        Some(Misi) => &[Tujuan, Sasaran, Program],
        Some(Tujuan) => &[Sasaran, Program],
        Some(Sasaran) => &[Program],
        Some(Program) => &[Kegiatan],
        Some(Kegiatan) => &[SubKegiatan],
        Some(SubKegiatan) => &[],
    }
}

/// Whether a node of level `child` may sit under `parent` (`None`: at the root).
pub fn may_sit_under(child: NodeKind, parent: Option<NodeKind>) -> bool {
    allowed_under(parent).contains(&child)
}

/// The level a new child of `parent` gets unless the user picks another; `None` under a Sub
/// Kegiatan, the lowest level.
pub fn default_under(parent: Option<NodeKind>) -> Option<NodeKind> {
    allowed_under(parent).first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_level_defaults_to_the_next_and_may_skip_only_above_program() {
        assert_eq!(default_under(None), Some(Visi));
        assert_eq!(default_under(Some(Visi)), Some(Misi));
        assert_eq!(default_under(Some(Misi)), Some(Tujuan));
        assert_eq!(default_under(Some(Tujuan)), Some(Sasaran));
        assert_eq!(default_under(Some(Sasaran)), Some(Program));
        assert_eq!(default_under(Some(Program)), Some(Kegiatan));
        assert_eq!(default_under(Some(Kegiatan)), Some(SubKegiatan));
        assert_eq!(default_under(Some(SubKegiatan)), None);
        assert!(may_sit_under(Sasaran, Some(Misi)), "a tujuan skipped");
        assert!(may_sit_under(Program, Some(Sasaran)));
        assert!(may_sit_under(Program, Some(Tujuan)), "a sasaran skipped");
        assert!(
            !may_sit_under(Kegiatan, Some(Sasaran)),
            "no program to extend"
        );
        assert!(
            !may_sit_under(SubKegiatan, Some(Program)),
            "no kegiatan to extend"
        );
        assert!(!may_sit_under(Misi, Some(Misi)), "not the same level");
        assert!(!may_sit_under(Visi, Some(Sasaran)), "not above its parent");
        assert!(
            !may_sit_under(Kegiatan, None),
            "a kegiatan needs its program"
        );
    }
}
