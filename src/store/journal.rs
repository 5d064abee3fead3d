//! The audit trail: every saved change appended as one JSON line to `<workspace>.jurnal.jsonl`
//! beside the workspace — when, which OS user, which figure, from what to what. kinerja only
//! ever appends to it.

use crate::model::{Field, Op, Quarter};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// RFC 3339, UTC.
    pub waktu: String,
    /// The OS user who saved.
    pub pengguna: String,
    pub kode: String,
    /// 1-based indicator number, for indicator figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indikator: Option<usize>,
    /// The figure's column (see [`Entry::field`]) — or `pulih` for a restored backup.
    pub kolom: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tw: Option<u8>,
    /// The year, for by-year figures (Renstra target, riwayat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun: Option<i32>,
    pub lama: Option<Decimal>,
    pub baru: Option<Decimal>,
    /// What else there is to say (the backup restored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

impl Entry {
    pub fn from_op(op: &Op, user: &str, waktu: &str) -> Entry {
        let (kolom, tw, tahun) = match op.field {
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
        };
        Entry {
            waktu: waktu.to_string(),
            pengguna: user.to_string(),
            kode: op.kode.clone(),
            indikator: op.field.indicator().map(|i| i + 1),
            kolom: kolom.to_string(),
            tw,
            tahun,
            lama: op.old,
            baru: op.new,
            catatan: None,
        }
    }

    /// The figure this entry is about, if it is about one.
    pub fn field(&self) -> Option<Field> {
        let q = || self.tw.and_then(Quarter::new);
        let i = || self.indikator?.checked_sub(1);
        let y = || self.tahun;
        match self.kolom.as_str() {
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
            _ => None,
        }
    }
}

pub fn path_for(workspace: &Path) -> PathBuf {
    let mut name = workspace
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".jurnal.jsonl");
    workspace.with_file_name(name)
}

/// The OS user running kinerja.
pub fn current_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "?".into())
}

/// Appends entries in one write, then flushes them to disk.
pub fn append(workspace: &Path, entries: &[Entry]) -> io::Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut text = String::new();
    for e in entries {
        text.push_str(&serde_json::to_string(e).expect("entries serialise"));
        text.push('\n');
    }
    let path = path_for(workspace);
    let mut file = super::open_shared(&path, true)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// Every readable entry, oldest first, and how many lines could not be read.
pub fn read(workspace: &Path) -> io::Result<(Vec<Entry>, usize)> {
    let text = match std::fs::read_to_string(path_for(workspace)) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(e) => return Err(e),
    };
    let mut bad = 0;
    let entries = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str(l).map_err(|_| bad += 1).ok())
        .collect();
    Ok((entries, bad))
}

/// The latest entry about one figure.
pub fn last_change<'a>(entries: &'a [Entry], kode: &str, field: Field) -> Option<&'a Entry> {
    entries
        .iter()
        .rev()
        .find(|e| e.kode == kode && e.field() == Some(field))
}
