//! A new workspace: empty, or with another body's tree (`kinerja init [--from OTHER]`).
//!
//! The Renstra period to pass when the user gives none is a rule of its own:
//! `rules::year::renstra_period`.

use super::{
    Budget, Indicator, Instansi, Node, Periode, Quarter, SCHEMA_VERSION, Settings, Workspace,
};

/// An empty workspace of one body for one year: no tree, no officers, no PK; the settings'
/// defaults (threshold 100 %, the Permendagri 86/2017 scale) with the reporting quarter at
/// TW I, as in a year just begun (at TW IV every indicator would already be due in full).
pub fn init(instansi: &str, kabupaten: &str, tahun: i32, periode: Periode) -> Workspace {
    Workspace {
        schema_version: SCHEMA_VERSION,
        instansi: Instansi {
            nama: instansi.to_string(),
            kabupaten: kabupaten.to_string(),
            alamat: String::new(),
        },
        periode_renstra: periode,
        tahun,
        pengaturan: Settings {
            triwulan_berjalan: Quarter::I,
            ..Settings::default()
        },
        pejabat: Vec::new(),
        pohon: Vec::new(),
        pk: Vec::new(),
        ikm: None,
        verifikasi: Default::default(),
    }
}

/// A workspace for another body that starts from `other`'s structure (one kecamatan starting
/// from a neighbour's tree), without a single figure of `other`'s:
///
/// - copied: the tree (levels, codes, names, officers named on nodes), each indicator's id,
///   name, unit, polarity, aggregation, penanggung jawab and Renstra targets (per year and end
///   of period — the issue asks for them: kecamatan of one kabupaten share the Renstra's
///   indicators), the sumber dana of each budget, the officers, the PK lines (a line holds only
///   its statement and the indicator it points at; kecamatan of one kabupaten sign the same
///   sasaran), the rating threshold and scale;
/// - cleared: targets (also PK murni/perubahan), plans, realisations, history (riwayat),
///   pagu, pagu murni, Rupiah spent and declared, the Renstra's money, the explanations and
///   evidence, the verified quarters, the IKM survey — all `other`'s own results;
/// - the period: `periode` when given, else `other`'s (its Renstra targets are by year of it);
/// - the reporting quarter: TW I.
pub fn init_from(
    other: &Workspace,
    instansi: &str,
    kabupaten: &str,
    tahun: i32,
    periode: Option<Periode>,
) -> Workspace {
    let mut ws = init(
        instansi,
        kabupaten,
        tahun,
        periode.unwrap_or(other.periode_renstra),
    );
    ws.pengaturan.ambang_merah = other.pengaturan.ambang_merah;
    ws.pengaturan.skala = other.pengaturan.skala.clone();
    ws.pejabat = other.pejabat.clone();
    ws.pohon = other.pohon.iter().map(without_figures).collect();
    ws.pk = other.pk.clone();
    ws
}

fn without_figures(node: &Node) -> Node {
    Node {
        jenis: node.jenis,
        kode: node.kode.clone(),
        nama: node.nama.clone(),
        pejabat: node.pejabat.clone(),
        indikator: node
            .indikator
            .iter()
            .map(|i| Indicator {
                id: i.id,
                nama: i.nama.clone(),
                satuan: i.satuan.clone(),
                polaritas: i.polaritas,
                agregasi: i.agregasi,
                target: None,
                target_pk_murni: None,
                target_pk_perubahan: None,
                rencana: [None; 4],
                realisasi: [None; 4],
                riwayat: Default::default(),
                renstra: i.renstra.clone(),
                pejabat: i.pejabat.clone(),
                penjelasan: Default::default(),
            })
            .collect(),
        anggaran: node.anggaran.as_ref().map(|b| Budget {
            sumber_dana: b.sumber_dana.clone(),
            ..Budget::default()
        }),
        anak: node.anak.iter().map(without_figures).collect(),
    }
}
