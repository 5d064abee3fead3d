//! One journal line about one saved change: who, when, what, from what to what. Figures are
//! written as they always were (`kolom`, `indikator`, `tw`, `tahun`, `lama`/`baru` decimals);
//! every other change with its column name (docs/multi-user.md), old and new as text where
//! the value is text (`lama_teks`/`baru_teks`), and the change itself in its written form
//! (`perubahan`), so the line says everything that happened — a removed node with every
//! figure it held — and reads back as the change.

use super::session_names;
use crate::model::{
    Applied, Change, Field, IndicatorAttr, IndicatorId, NodeAttr, NoteAttr, Officer, Op,
    Verification, Workspace,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// RFC 3339 in the server's local time with its offset (`2026-12-01T06:22:24+07:00`);
    /// UTC (`…Z`) in entries written before.
    pub waktu: String,
    /// The OS user who saved: the passwd name of the process's real uid.
    pub pengguna: String,
    pub kode: String,
    /// 1-based indicator number, for indicator figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indikator: Option<usize>,
    /// The figure's column (see [`Entry::field`]), the column of another change (`node_tambah`,
    /// `nama`, … — see [`Entry::from_applied`]), or `pulih` for a restored backup.
    pub kolom: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tw: Option<u8>,
    /// The year, for by-year figures (Renstra target, riwayat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun: Option<i32>,
    pub lama: Option<Decimal>,
    pub baru: Option<Decimal>,
    /// The indicator's stable id, for a change about one indicator (journals written before:
    /// none).
    #[serde(
        rename = "id_indikator",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<IndicatorId>,
    /// The old and new value where it is text (a name, a unit, a kode, an officer id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lama_teks: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baru_teks: Option<String>,
    /// What else there is to say: the backup restored, or where a save's changes came from
    /// (`import laporan.xlsx`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
    /// A change other than a figure, in its written form (`model::Change`), as applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perubahan: Option<Box<Change>>,
    /// Why a verified quarter was opened again (`buka_kunci`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alasan: Option<String>,
    /// `$USER`/`$SUDO_USER` as the session set them, when they name someone else than
    /// `pengguna` (`SUDO_USER=ani`): extra information, never the user recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lingkungan: Option<String>,
    /// The save (transaction) this change belongs to; `None` in journals written before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub txn: Option<String>,
}

impl Entry {
    pub fn from_op(op: &Op, user: &str, waktu: &str) -> Entry {
        let name = op.field.name();
        Entry {
            waktu: waktu.to_string(),
            pengguna: user.to_string(),
            kode: op.kode.clone(),
            indikator: name.indikator,
            kolom: name.kolom.to_string(),
            tw: name.tw,
            tahun: name.tahun,
            lama: op.old,
            baru: op.new,
            id: None,
            lama_teks: None,
            baru_teks: None,
            catatan: None,
            perubahan: None,
            alasan: None,
            lingkungan: session_names(user),
            txn: None,
        }
    }

    /// The entry of a change just applied to `ws` (as it is right after it), saved by `user`
    /// at `waktu`, with the save's `source` (`import laporan.xlsx`) in `catatan`.
    ///
    /// Columns: a figure's own (`target`, `realisasi`, …, with `id_indikator`); `nama`,
    /// `pejabat`, `sumber_dana` of a node, and `nama`, `satuan`, `polaritas`, `agregasi`,
    /// `pejabat` of an indicator (with `indikator`); `node_tambah`, `node_hapus`, `kode` (a
    /// recode: `kode` is the old code), `pindah`; `indikator_tambah`, `indikator_hapus`,
    /// `indikator_pindah`; `anggaran_tambah`, `anggaran_hapus`; `pejabat_tambah`,
    /// `pejabat_ubah`, `pejabat_hapus` (with an empty `kode`); a quarter's explanation
    /// (`pendorong`, `penghambat`, `tindak_lanjut`, `tenggat`, `pejabat_tindak_lanjut`,
    /// `bukti_tambah`, `bukti_hapus`, with `indikator` and `tw`); a quarter locked or opened
    /// (`kunci`, `buka_kunci`, with `tw`, an empty `kode`, and the reason in `alasan`).
    pub fn from_applied(
        applied: &Applied,
        ws: &Workspace,
        user: &str,
        waktu: &str,
        source: Option<&str>,
    ) -> Entry {
        let change = applied.change();
        if let Change::Figure { indikator, op } = change {
            return Entry {
                id: *indikator,
                catatan: source.map(str::to_string),
                ..Entry::from_op(op, user, waktu)
            };
        }
        let position = |kode: &str, id: IndicatorId| {
            ws.node(kode)
                .and_then(|n| n.indikator.iter().position(|i| i.id == id))
                .map(|p| p + 1)
        };
        let text = |s: &str| Some(s.to_string());
        let officer_id = |o: &Option<String>| Some(o.clone().unwrap_or_default());
        let (kolom, indikator, id, lama, baru): (&str, _, _, _, _) = match change {
            Change::Figure { .. } => unreachable!("a figure is written above"),
            Change::NodeAttr { attr, .. } => match attr {
                NodeAttr::Nama(e) => ("nama", None, None, text(&e.old), text(&e.new)),
                NodeAttr::Pejabat(e) => (
                    "pejabat",
                    None,
                    None,
                    officer_id(&e.old),
                    officer_id(&e.new),
                ),
                NodeAttr::SumberDana(e) => ("sumber_dana", None, None, text(&e.old), text(&e.new)),
            },
            Change::IndicatorAttr {
                kode,
                indikator,
                attr,
            } => {
                let (kolom, lama, baru) = match attr {
                    IndicatorAttr::Nama(e) => ("nama", text(&e.old), text(&e.new)),
                    IndicatorAttr::Satuan(e) => ("satuan", text(&e.old), text(&e.new)),
                    IndicatorAttr::Polaritas(e) => {
                        ("polaritas", text(e.old.name()), text(e.new.name()))
                    }
                    IndicatorAttr::Agregasi(e) => {
                        ("agregasi", text(e.old.name()), text(e.new.name()))
                    }
                    IndicatorAttr::Pejabat(e) => {
                        ("pejabat", officer_id(&e.old), officer_id(&e.new))
                    }
                };
                (
                    kolom,
                    position(kode, *indikator),
                    Some(*indikator),
                    lama,
                    baru,
                )
            }
            Change::NodeAdd { node, .. } => ("node_tambah", None, None, None, text(&node.nama)),
            Change::NodeRemove { node, .. } => ("node_hapus", None, None, text(&node.nama), None),
            Change::NodeRecode { kode, new } => ("kode", None, None, text(kode), text(new)),
            Change::NodeMove { kode, new_kode, .. } => (
                "pindah",
                None,
                None,
                new_kode.as_ref().map(|_| kode.clone()),
                new_kode.clone(),
            ),
            Change::IndicatorAdd { at, indicator, .. } => (
                "indikator_tambah",
                at.map(|a| a + 1),
                Some(indicator.id),
                None,
                text(&indicator.nama),
            ),
            Change::IndicatorRemove { at, indicator, .. } => (
                "indikator_hapus",
                at.map(|a| a + 1),
                Some(indicator.id),
                text(&indicator.nama),
                None,
            ),
            Change::IndicatorMove {
                indikator,
                from,
                to,
                ..
            } => (
                "indikator_pindah",
                Some(to + 1),
                Some(*indikator),
                Some((from + 1).to_string()),
                Some((to + 1).to_string()),
            ),
            Change::BudgetAdd { .. } => ("anggaran_tambah", None, None, None, None),
            Change::BudgetRemove { .. } => ("anggaran_hapus", None, None, None, None),
            Change::OfficerAdd { officer, .. } => (
                "pejabat_tambah",
                None,
                None,
                None,
                Some(officer_text(officer)),
            ),
            Change::OfficerEdit { old, new } => (
                "pejabat_ubah",
                None,
                None,
                Some(officer_text(old)),
                Some(officer_text(new)),
            ),
            Change::OfficerRemove { officer, .. } => (
                "pejabat_hapus",
                None,
                None,
                Some(officer_text(officer)),
                None,
            ),
            Change::Note {
                kode,
                indikator,
                attr,
                ..
            } => {
                let date = |d: &Option<crate::model::Tanggal>| {
                    Some(d.map(|d| d.to_string()).unwrap_or_default())
                };
                let (kolom, lama, baru) = match attr {
                    NoteAttr::Pendorong(e) => ("pendorong", text(&e.old), text(&e.new)),
                    NoteAttr::Penghambat(e) => ("penghambat", text(&e.old), text(&e.new)),
                    NoteAttr::TindakLanjut(e) => ("tindak_lanjut", text(&e.old), text(&e.new)),
                    NoteAttr::Tenggat(e) => ("tenggat", date(&e.old), date(&e.new)),
                    NoteAttr::PejabatTindakLanjut(e) => (
                        "pejabat_tindak_lanjut",
                        officer_id(&e.old),
                        officer_id(&e.new),
                    ),
                    NoteAttr::BuktiTambah { teks, .. } => ("bukti_tambah", None, text(teks)),
                    NoteAttr::BuktiHapus { teks, .. } => ("bukti_hapus", text(teks), None),
                };
                (
                    kolom,
                    position(kode, *indikator),
                    Some(*indikator),
                    lama,
                    baru,
                )
            }
            Change::Verify { old, new, .. } => {
                let who = |v: &Option<Verification>| {
                    v.as_ref().map(|v| format!("{} {}", v.oleh, v.waktu))
                };
                let kolom = if new.is_some() { "kunci" } else { "buka_kunci" };
                (kolom, None, None, who(old), who(new))
            }
        };
        let alasan = match change {
            Change::Verify { reason, .. } => reason.clone(),
            _ => None,
        };
        Entry {
            waktu: waktu.to_string(),
            pengguna: user.to_string(),
            kode: change.kode().unwrap_or_default().to_string(),
            indikator,
            kolom: kolom.to_string(),
            tw: change.quarter().map(|q| q.number()),
            tahun: None,
            lama: None,
            baru: None,
            id,
            lama_teks: lama,
            baru_teks: baru,
            catatan: source.map(str::to_string),
            perubahan: Some(Box::new(change.clone())),
            alasan,
            lingkungan: session_names(user),
            txn: None,
        }
    }

    /// The journal column of an explanation's change (`penghambat`, `bukti_tambah`, …).
    pub(crate) fn from_applied_kolom(change: &Change) -> Option<&'static str> {
        let Change::Note { attr, .. } = change else {
            return None;
        };
        Some(match attr {
            NoteAttr::Pendorong(_) => "pendorong",
            NoteAttr::Penghambat(_) => "penghambat",
            NoteAttr::TindakLanjut(_) => "tindak_lanjut",
            NoteAttr::Tenggat(_) => "tenggat",
            NoteAttr::PejabatTindakLanjut(_) => "pejabat_tindak_lanjut",
            NoteAttr::BuktiTambah { .. } => "bukti_tambah",
            NoteAttr::BuktiHapus { .. } => "bukti_hapus",
        })
    }

    /// The change this entry records, where it can be read back: a change other than a
    /// figure as written; a figure as a [`Change::Figure`] (by the indicator's id where the
    /// entry has it).
    pub fn change(&self) -> Option<Change> {
        if let Some(c) = &self.perubahan {
            return Some(c.as_ref().clone());
        }
        Some(Change::Figure {
            indikator: self.id,
            op: self.op()?,
        })
    }

    /// A restore of the kept version `version`.
    pub fn restored(version: &str, user: &str, waktu: &str) -> Entry {
        Entry {
            waktu: waktu.to_string(),
            pengguna: user.to_string(),
            kode: String::new(),
            indikator: None,
            kolom: "pulih".into(),
            tw: None,
            tahun: None,
            lama: None,
            baru: None,
            id: None,
            lama_teks: None,
            baru_teks: None,
            catatan: Some(version.to_string()),
            perubahan: None,
            alasan: None,
            lingkungan: session_names(user),
            txn: None,
        }
    }

    /// The change as an operation, when it is about a figure.
    pub fn op(&self) -> Option<Op> {
        Some(Op {
            kode: self.kode.clone(),
            field: self.field()?,
            old: self.lama,
            new: self.baru,
        })
    }

    /// The figure this entry is about, if it is about one.
    pub fn field(&self) -> Option<Field> {
        Field::from_name(&self.kolom, self.indikator, self.tw, self.tahun)
    }
}

/// An officer as text: `id: nama, jabatan, NIP …`.
fn officer_text(o: &Officer) -> String {
    let nip = if o.nip.is_empty() {
        String::new()
    } else {
        format!(", NIP {}", o.nip)
    };
    format!("{}: {}, {}{nip}", o.id, o.nama, o.jabatan)
}
