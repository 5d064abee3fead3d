//! What may be typed where: which kind of figure a slot holds and whether a node's slot can be
//! typed into at all. One rule for every front-end (the command line's `set`, the interface's
//! editor, an import), so they cannot disagree. How a figure's text is read is the number
//! format's business (`locale::read_figure`, by the slot's [`FigureKind`]).

use crate::model::{Field, Node, Workspace};

pub use crate::model::{EditRefusal, FigureKind};

/// Whether `field` of `node` may be typed into: the indicator must exist; a budget figure
/// needs a node that carries a budget of its own (Program, Kegiatan or Sub Kegiatan, with a
/// budget recorded, and — for the year's pagu and Rupiah — no budget below it: the Renstra's
/// money is a node's own at every level).
pub fn editable(node: &Node, field: Field) -> Result<(), EditRefusal> {
    let kode = || node.kode.clone();
    if let Some(i) = field.indicator() {
        return match node.indikator.get(i) {
            Some(_) => Ok(()),
            None => Err(EditRefusal::NoIndicator {
                kode: kode(),
                count: node.indikator.len(),
                number: i.saturating_add(1),
            }),
        };
    }
    if !node.jenis.has_budget() {
        return Err(EditRefusal::NoBudget { kode: kode() });
    }
    if field.summed_on_parents() && super::budget_is_sum(node) {
        return Err(EditRefusal::DerivedBudget { kode: kode() });
    }
    if node.anggaran.is_none() {
        return Err(EditRefusal::NoBudget { kode: kode() });
    }
    Ok(())
}

/// [`editable`] for the node with code `kode`, which must exist; returns the node.
pub fn editable_in<'a>(
    ws: &'a Workspace,
    kode: &str,
    field: Field,
) -> Result<&'a Node, EditRefusal> {
    let node = ws.node(kode).ok_or_else(|| EditRefusal::NoNode {
        kode: kode.to_string(),
    })?;
    editable(node, field).map(|()| node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quarter;

    fn sample() -> Workspace {
        crate::store::parse(crate::store::SAMPLE_JSON).expect("the sample loads")
    }

    #[test]
    fn budget_figures_only_on_a_node_that_carries_its_own_budget() {
        let ws = sample();
        let rp = Field::Rp(Quarter::III);
        // A sub kegiatan: its own budget (pagu Rp 25.000.000 in the seed's LRA).
        assert!(editable_in(&ws, "7.01.02.2.04.02", rp).is_ok());
        // Its kegiatan and program are the sums of what is below them.
        for kode in ["7.01.02.2.04", "7.01.02"] {
            for field in [rp, Field::Pagu, Field::PaguMurni, Field::RealisasiTahun] {
                assert_eq!(
                    editable_in(&ws, kode, field).err(),
                    Some(EditRefusal::DerivedBudget { kode: kode.into() }),
                    "{kode} {field:?}"
                );
            }
        }
        // Above Program there is no budget at all.
        assert_eq!(
            editable_in(&ws, "SASARAN-1", rp).err(),
            Some(EditRefusal::NoBudget {
                kode: "SASARAN-1".into()
            })
        );
    }

    #[test]
    fn a_sub_kegiatan_without_a_recorded_budget_has_none_to_edit() {
        let mut ws = sample();
        ws.node_mut("7.01.02.2.04.02").unwrap().anggaran = None;
        let err = editable_in(&ws, "7.01.02.2.04.02", Field::Pagu).err();
        assert_eq!(
            err,
            Some(EditRefusal::NoBudget {
                kode: "7.01.02.2.04.02".into()
            })
        );
        // And with no budget left below it, its kegiatan is no longer a sum but has none either.
        assert!(!super::super::budget_is_sum(
            ws.node("7.01.02.2.04").unwrap()
        ));
    }

    #[test]
    fn indicators_must_exist_and_nodes_too() {
        let ws = sample();
        // Program 7.01.02 has one indicator: number 1 exists, number 5 does not.
        assert!(editable_in(&ws, "7.01.02", Field::Target(0)).is_ok());
        assert_eq!(
            editable_in(&ws, "7.01.02", Field::Realisasi(4, Quarter::I)).err(),
            Some(EditRefusal::NoIndicator {
                kode: "7.01.02".into(),
                count: 1,
                number: 5
            })
        );
        assert_eq!(
            editable_in(&ws, "9.99", Field::Target(0)).err(),
            Some(EditRefusal::NoNode {
                kode: "9.99".into()
            })
        );
    }

    #[test]
    fn the_kind_of_a_figure_follows_its_slot() {
        assert_eq!(Field::Rp(Quarter::I).figure_kind(), FigureKind::Rupiah);
        assert_eq!(Field::PaguMurni.figure_kind(), FigureKind::Rupiah);
        assert_eq!(Field::RealisasiTahun.figure_kind(), FigureKind::Rupiah);
        assert_eq!(Field::Riwayat(0, 2022).figure_kind(), FigureKind::Kinerja);
        assert_eq!(FigureKind::Rupiah.max_decimals(), 2);
        assert_eq!(FigureKind::Kinerja.max_decimals(), 4);
    }
}
