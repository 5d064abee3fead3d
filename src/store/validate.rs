//! Rules a workspace must satisfy to be loaded at all: unique codes, a well-formed tree and
//! references that resolve. Softer inconsistencies (sums that disagree, missing targets) are
//! not load errors; `report::check` lists them.

use super::{Anchor, Problem};
use crate::model::{Node, Workspace};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

fn anchor_str(key: &'static str, value: &str, occurrence: usize) -> Option<Anchor> {
    Some(Anchor {
        key,
        value: Some(serde_json::to_string(value).expect("strings serialise")),
        occurrence,
    })
}

fn anchor_key(key: &'static str) -> Option<Anchor> {
    Some(Anchor {
        key,
        value: None,
        occurrence: 1,
    })
}

/// The largest percentage a threshold or a rating bound may be: capaian above 100 % is
/// common, a bound of more than ten times the target is a typing error.
const MAX_PERCENT: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// Settings that would make every judgement meaningless: a red threshold or rating bound
/// above [`MAX_PERCENT`], rating bounds that do not descend, an IKM outside its scale
/// (0–100; elements 1–4). Negative figures never get this far (see `model::figure`).
fn settings(ws: &Workspace) -> Result<(), (Problem, Option<Anchor>)> {
    let p = &ws.pengaturan;
    let content = |m: String, key| Err((Problem::Content(m), anchor_key(key)));
    if p.ambang_merah > MAX_PERCENT {
        return content(
            format!(
                "ambang_merah {} % tidak masuk akal (paling tinggi {MAX_PERCENT} %)",
                p.ambang_merah
            ),
            "ambang_merah",
        );
    }
    let s = &p.skala;
    let bounds = [
        ("sangat_tinggi", s.sangat_tinggi),
        ("tinggi", s.tinggi),
        ("sedang", s.sedang),
        ("rendah", s.rendah),
    ];
    for (key, v) in bounds {
        if v > MAX_PERCENT {
            return content(
                format!("skala.{key} {v} % tidak masuk akal (paling tinggi {MAX_PERCENT} %)"),
                key,
            );
        }
    }
    for pair in bounds.windows(2) {
        let ((hi_key, hi), (lo_key, lo)) = (pair[0], pair[1]);
        if lo >= hi {
            return content(
                format!("skala harus menurun: {lo_key} ({lo}) harus di bawah {hi_key} ({hi})"),
                lo_key,
            );
        }
    }
    if let Some(ikm) = &ws.ikm {
        if ikm.nilai > Decimal::ONE_HUNDRED {
            return content(
                format!("nilai IKM {} di luar skala 0–100", ikm.nilai),
                "ikm",
            );
        }
        if let Some(u) = ikm
            .unsur
            .iter()
            .find(|u| **u < Decimal::ONE || **u > Decimal::from(4))
        {
            return content(format!("unsur IKM {u} di luar skala 1–4"), "ikm");
        }
    }
    Ok(())
}

/// Checks a parsed workspace; on failure says what is wrong and where to look in the text.
pub fn validate(ws: &Workspace) -> Result<(), (Problem, Option<Anchor>)> {
    settings(ws)?;
    let mut officer_ids = HashSet::new();
    for o in &ws.pejabat {
        if !officer_ids.insert(o.id.as_str()) {
            return Err((
                Problem::Content(format!("id pejabat ganda «{}»", o.id)),
                anchor_str("id", &o.id, 2),
            ));
        }
    }

    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut stack: Vec<(&Node, Option<&Node>)> = ws.pohon.iter().rev().map(|n| (n, None)).collect();
    while let Some((node, parent)) = stack.pop() {
        if node.kode.trim().is_empty() {
            return Err((
                Problem::Content(format!("node «{}» tidak berkode", node.nama)),
                anchor_str("nama", &node.nama, 1),
            ));
        }
        let count = seen.entry(node.kode.as_str()).or_insert(0);
        *count += 1;
        if *count > 1 {
            return Err((
                Problem::DuplicateKode(node.kode.clone()),
                anchor_str("kode", &node.kode, *count),
            ));
        }
        if let Some(p) = parent
            && node.jenis <= p.jenis
        {
            return Err((
                Problem::BadNesting {
                    kode: node.kode.clone(),
                    detail: format!(
                        "{:?} tidak boleh berada di bawah {:?} «{}»",
                        node.jenis, p.jenis, p.kode
                    ),
                },
                anchor_str("kode", &node.kode, 1),
            ));
        }
        if node.anggaran.is_some() && !node.jenis.has_budget() {
            return Err((
                Problem::BudgetNotAllowed(node.kode.clone()),
                anchor_str("kode", &node.kode, 1),
            ));
        }
        if let Some(bad) = negative_or_huge(node) {
            return Err((
                Problem::Content(format!("«{}»: {bad}", node.kode)),
                anchor_str("kode", &node.kode, 1),
            ));
        }
        let officers = node
            .pejabat
            .iter()
            .map(|id| ("pejabat", id.as_str()))
            .chain(
                node.indikator
                    .iter()
                    .filter_map(|i| i.pejabat.as_deref().map(|id| ("pejabat", id))),
            )
            .chain(node.indikator.iter().flat_map(|i| {
                i.penjelasan
                    .officers()
                    .map(|id| ("pejabat_tindak_lanjut", id))
            }));
        for (key, id) in officers {
            if !officer_ids.contains(id) {
                return Err((
                    Problem::UnknownReference(format!(
                        "pejabat «{id}» (pada «{}») tidak ada di daftar pejabat",
                        node.kode
                    )),
                    anchor_str(key, id, 1),
                ));
            }
        }
        stack.extend(node.anak.iter().rev().map(|c| (c, Some(node))));
    }

    if let Some((id, kode)) = ws.bad_indicator_id() {
        return Err((
            Problem::Content(format!(
                "id indikator {id} (pada «{kode}») kosong atau ganda"
            )),
            Some(Anchor {
                key: "id",
                value: Some(id.to_string()),
                occurrence: 2,
            }),
        ));
    }

    for line in &ws.pk {
        let target = ws.node(&line.kode);
        let ok = target.is_some_and(|n| (1..=n.indikator.len()).contains(&line.indikator));
        if !ok {
            let what = match target {
                None => format!(
                    "PK no. {} menunjuk kode «{}» yang tidak ada",
                    line.no, line.kode
                ),
                Some(n) => format!(
                    "PK no. {} menunjuk indikator {} dari «{}», yang hanya punya {}",
                    line.no,
                    line.indikator,
                    line.kode,
                    n.indikator.len()
                ),
            };
            return Err((
                Problem::UnknownReference(what),
                anchor_str("no", &line.no, 1),
            ));
        }
    }
    Ok(())
}

/// A figure no one can have typed: negative, or beyond `locale::MAX_FIGURE`.
fn negative_or_huge(node: &Node) -> Option<String> {
    let max = crate::locale::MAX_FIGURE;
    let mut figures: Vec<(String, rust_decimal::Decimal)> = Vec::new();
    for (i, ind) in node.indikator.iter().enumerate() {
        let n = i + 1;
        let mut push = |what: &str, v: Option<rust_decimal::Decimal>| {
            if let Some(v) = v {
                figures.push((format!("indikator {n} {what}"), v));
            }
        };
        push("target", ind.target);
        push("target_pk_murni", ind.target_pk_murni);
        push("target_pk_perubahan", ind.target_pk_perubahan);
        push("renstra akhir", ind.renstra.akhir);
        for q in 0..4 {
            push("realisasi", ind.realisasi[q]);
            push("rencana", ind.rencana[q]);
        }
        for v in ind.riwayat.values().chain(ind.renstra.target.values()) {
            push("riwayat/renstra", Some(*v));
        }
    }
    if let Some(b) = &node.anggaran {
        for (what, v) in [
            ("pagu", b.pagu),
            ("pagu_murni", b.pagu_murni),
            ("realisasi_tahun", b.realisasi_tahun),
            ("renstra_akhir", b.renstra_akhir),
            ("renstra_realisasi", b.renstra_realisasi),
        ] {
            if let Some(v) = v {
                figures.push((what.into(), v));
            }
        }
        for v in b.realisasi_rp.iter().flatten() {
            figures.push(("realisasi_rp".into(), *v));
        }
    }
    figures.into_iter().find_map(|(what, v)| {
        if v.is_sign_negative() && !v.is_zero() {
            Some(format!("{what} negatif ({v})"))
        } else if v > max {
            Some(format!("{what} terlalu besar ({v})"))
        } else {
            None
        }
    })
}
