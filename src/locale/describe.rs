//! A change of the workspace in one line, as the journal (`kinerja log`) and a save's
//! conflicts show it: "7.01.01.2.01 indikator 2 satuan: «dokumen» → «laporan»",
//! "7.01.01.2.01.03: Sub Kegiatan «Penyusunan …» ditambah di bawah 7.01.01.2.01".

use super::{Lang, field_label, quarter, value_or_dash, verified_by};
use crate::model::{Change, Field, IndicatorAttr, Node, NodeAttr, NoteAttr, Officer, Place};

fn quoted(s: &str) -> String {
    format!("«{s}»")
}

/// A text of several lines on one line: each line break shown as ` ↵ `.
fn one_line(s: &str) -> String {
    if s.is_empty() {
        "—".into()
    } else {
        quoted(&s.replace('\n', " ↵ "))
    }
}

fn officer_id(id: &Option<String>) -> String {
    id.as_deref().map_or_else(|| "—".into(), quoted)
}

fn officer(o: &Officer) -> String {
    let nip = if o.nip.is_empty() {
        String::new()
    } else {
        format!(", NIP {}", o.nip)
    };
    format!("«{}» ({}{nip})", o.nama, o.jabatan)
}

fn place(p: &Option<String>, lang: Lang) -> String {
    match p {
        Some(parent) => format!("{} {parent}", lang.pick("di bawah", "under")),
        None => lang.pick("di akar pohon", "at the root").into(),
    }
}

fn place_at(p: &Place, lang: Lang) -> String {
    format!(
        "{} ({} {})",
        place(&p.parent, lang),
        lang.pick("urutan", "position"),
        p.at + 1
    )
}

/// "2 node di bawahnya, 5 indikator, 12 angka terisi" for a node added or removed with what
/// is below it (nothing when it is a single empty node).
fn contents(node: &Node, lang: Lang) -> String {
    let below = node.iter().count() - 1;
    let indicators: usize = node.iter().map(|n| n.indikator.len()).sum();
    let figures: usize = node
        .iter()
        .map(|n| {
            Field::all(n)
                .into_iter()
                .filter(|f| matches!(f.get(n), Some(Some(_))))
                .count()
        })
        .sum();
    let mut parts = Vec::new();
    if below > 0 {
        parts.push(format!(
            "{below} {}",
            lang.pick("node di bawahnya", "node(s) below it")
        ));
    }
    if indicators > 0 {
        parts.push(format!(
            "{indicators} {}",
            lang.pick("indikator", "indicator(s)")
        ));
    }
    if figures > 0 {
        parts.push(format!(
            "{figures} {}",
            lang.pick("angka terisi", "figure(s) entered")
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// `c` in one line. `indikator`: the 1-based number of the indicator it is about, where the
/// caller knows it (the journal records it); else the indicator is named by its id.
pub fn change(c: &Change, indikator: Option<usize>, lang: Lang) -> String {
    let p = |id, en| lang.pick(id, en);
    let ind = |id: crate::model::IndicatorId| match indikator {
        Some(n) => format!("{} {n}", p("indikator", "indicator")),
        None => format!("{} (id {id})", p("indikator", "indicator")),
    };
    let edit = |what: &str, old: String, new: String| format!("{what}: {old} → {new}");
    match c {
        Change::Figure { op, .. } => {
            let kind = op.field.figure_kind();
            let n = indikator.or(op.field.indicator().map(|i| i + 1));
            let ind = n
                .map(|n| format!(" {} {n}", p("indikator", "indicator")))
                .unwrap_or_default();
            format!(
                "{}{ind} {}: {} → {}",
                op.kode,
                field_label(op.field, lang),
                value_or_dash(kind, op.old),
                value_or_dash(kind, op.new)
            )
        }
        Change::NodeAttr { kode, attr } => {
            let text = match attr {
                NodeAttr::Nama(e) => edit(p("nama", "name"), quoted(&e.old), quoted(&e.new)),
                NodeAttr::Pejabat(e) => edit(
                    p("penanggung jawab", "responsible officer"),
                    officer_id(&e.old),
                    officer_id(&e.new),
                ),
                NodeAttr::SumberDana(e) => edit(
                    p("sumber dana", "source of funds"),
                    quoted(&e.old),
                    quoted(&e.new),
                ),
            };
            format!("{kode} {text}")
        }
        Change::IndicatorAttr {
            kode,
            indikator: id,
            attr,
        } => {
            let text = match attr {
                IndicatorAttr::Nama(e) => edit(p("nama", "name"), quoted(&e.old), quoted(&e.new)),
                IndicatorAttr::Satuan(e) => {
                    edit(p("satuan", "unit"), quoted(&e.old), quoted(&e.new))
                }
                IndicatorAttr::Polaritas(e) => edit(
                    p("polaritas", "polarity"),
                    e.old.name().into(),
                    e.new.name().into(),
                ),
                IndicatorAttr::Agregasi(e) => edit(
                    p("agregasi", "aggregation"),
                    e.old.name().into(),
                    e.new.name().into(),
                ),
                IndicatorAttr::Pejabat(e) => edit(
                    p("penanggung jawab", "responsible officer"),
                    officer_id(&e.old),
                    officer_id(&e.new),
                ),
            };
            format!("{kode} {} {text}", ind(*id))
        }
        Change::NodeAdd { parent, node, .. } => format!(
            "{}: {} «{}» {} {}{}",
            node.kode,
            lang.kind(node.jenis),
            node.nama,
            p("ditambah", "added"),
            place(parent, lang),
            contents(node, lang)
        ),
        Change::NodeRemove { node, .. } => format!(
            "{}: {} «{}» {}{}",
            node.kode,
            lang.kind(node.jenis),
            node.nama,
            p("dihapus", "removed"),
            contents(node, lang)
        ),
        Change::NodeRecode { kode, new } => {
            format!(
                "{kode}: {}",
                edit(p("kode", "kode"), kode.clone(), new.clone())
            )
        }
        Change::NodeMove {
            kode,
            from,
            to,
            new_kode,
        } => {
            let recoded = new_kode
                .as_ref()
                .map(|n| format!(", {} {n}", p("kode baru", "new kode")))
                .unwrap_or_default();
            format!(
                "{kode}: {} {} {} {}{recoded}",
                p("dipindah dari", "moved from"),
                place_at(from, lang),
                p("ke", "to"),
                place_at(to, lang)
            )
        }
        Change::IndicatorAdd {
            kode,
            indicator,
            at,
            ..
        } => format!(
            "{kode} {}: «{}» ({}) {}",
            // Its place when known; a new indicator's id means nothing to its user.
            match (indikator, at) {
                (Some(n), _) => format!("{} {n}", p("indikator", "indicator")),
                (None, Some(a)) => format!("{} {}", p("indikator", "indicator"), a + 1),
                (None, None) => p("indikator", "indicator").to_string(),
            },
            indicator.nama,
            indicator.satuan,
            p("ditambah", "added")
        ),
        Change::IndicatorRemove {
            kode, indicator, ..
        } => format!(
            "{kode} {}: «{}» {}",
            ind(indicator.id),
            indicator.nama,
            p("dihapus", "removed")
        ),
        Change::IndicatorMove {
            kode,
            indikator: id,
            from,
            to,
        } => format!(
            "{kode} {}: {} {} → {}",
            ind(*id),
            p("urutan", "position"),
            from + 1,
            to + 1
        ),
        Change::BudgetAdd { kode, .. } => {
            format!("{kode}: {}", p("anggaran dibuat", "budget created"))
        }
        Change::BudgetRemove { kode, .. } => {
            format!("{kode}: {}", p("anggaran dihapus", "budget removed"))
        }
        Change::OfficerAdd { officer: o, .. } => format!(
            "{} «{}» {}: {}",
            p("pejabat", "officer"),
            o.id,
            p("ditambah", "added"),
            officer(o)
        ),
        Change::OfficerEdit { old, new } => format!(
            "{} «{}»: {} → {}",
            p("pejabat", "officer"),
            new.id,
            officer(old),
            officer(new)
        ),
        Change::OfficerRemove { officer: o, .. } => format!(
            "{} «{}» {}: {}",
            p("pejabat", "officer"),
            o.id,
            p("dihapus", "removed"),
            officer(o)
        ),
        Change::Note {
            kode,
            indikator: id,
            tw,
            attr,
        } => {
            let what = super::note_part(attr, lang);
            let text = match attr {
                NoteAttr::Pendorong(e) | NoteAttr::Penghambat(e) | NoteAttr::TindakLanjut(e) => {
                    edit(what, one_line(&e.old), one_line(&e.new))
                }
                NoteAttr::Tenggat(e) => {
                    let date = |d: &Option<crate::model::Tanggal>| {
                        d.map_or_else(|| "—".into(), |d| d.to_string())
                    };
                    edit(what, date(&e.old), date(&e.new))
                }
                NoteAttr::PejabatTindakLanjut(e) => {
                    edit(what, officer_id(&e.old), officer_id(&e.new))
                }
                NoteAttr::BuktiTambah { teks, .. } => {
                    format!("{what} {}: {}", p("ditambah", "added"), quoted(teks))
                }
                NoteAttr::BuktiHapus { teks, .. } => {
                    format!("{what} {}: {}", p("dihapus", "removed"), quoted(teks))
                }
            };
            format!("{kode} {} {} {text}", ind(*id), quarter(*tw, lang))
        }
        Change::Verify {
            tw,
            old,
            new,
            reason,
        } => match (new, old) {
            (Some(by), _) => format!(
                "{} {} {}",
                quarter(*tw, lang),
                p("dikunci (diverifikasi) oleh", "locked (verified) by"),
                verified_by(by, lang)
            ),
            (None, was) => {
                let was = was
                    .as_ref()
                    .map(|v| format!(" ({} {})", p("kunci", "lock of"), verified_by(v, lang)))
                    .unwrap_or_default();
                let why = reason
                    .as_deref()
                    .map(|r| format!(": {} {}", p("alasan", "reason"), quoted(r)))
                    .unwrap_or_default();
                format!(
                    "{} {}{was}{why}",
                    quarter(*tw, lang),
                    p("dibuka kembali", "opened again")
                )
            }
        },
    }
}
