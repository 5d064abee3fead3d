//! The forms, as they open: which fields, in which order, prefilled from the workspace on
//! screen (a new node's kode proposed as the next free one under its parent; an indicator's
//! figures as they are). Each returns `Err` with what to say when the form cannot open (a
//! node below the lowest level, a budget above Program).

use super::{Field, Form, Key, Opt, Purpose};
use crate::locale::{self, Lang};
use crate::model::{Aggregation, Node, NodeKind, Polarity, Quarter};
use crate::rules::{codes, levels};
use crate::tui::session::Session;
use rust_decimal::Decimal;

fn figure_text(v: Option<Decimal>) -> String {
    v.map(locale::figure).unwrap_or_default()
}

fn rupiah_text(v: Option<Decimal>) -> String {
    v.map(locale::figure).unwrap_or_default()
}

/// "Sub Kegiatan 7.01.01.2.01.03"
pub fn titled(n: &Node, lang: Lang) -> String {
    format!("{} {}", lang.kind(n.jenis), crate::text::visible(&n.kode))
}

/// A proposed code for a new node of `jenis` under `parent` (nothing when none is free or the
/// level has no rule to number it).
pub fn proposed_code(s: &Session, parent: Option<&str>, jenis: NodeKind) -> String {
    let parent_node = parent.and_then(|p| s.node(p));
    codes::next_free_in(s.ws(), parent_node, jenis, &|k| s.has_code(k)).unwrap_or_default()
}

/// A new node under `parent` (`None`: a root), at `at` among its siblings.
pub fn add_node(
    s: &Session,
    parent: Option<&str>,
    at: Option<usize>,
    lang: Lang,
) -> Result<Form, String> {
    let parent_kind = match parent {
        Some(p) => Some(s.node(p).ok_or_else(|| gone(p, lang))?.jenis),
        None => None,
    };
    let allowed = levels::allowed_under(parent_kind);
    let Some(first) = allowed.first().copied() else {
        return Err(lang
            .pick(
                "Sub Kegiatan adalah tingkat terendah; tidak ada node di bawahnya.",
                "Sub Kegiatan is the lowest level; nothing goes below it.",
            )
            .into());
    };
    let options = allowed
        .iter()
        .map(|k| (Opt::Level(*k), lang.kind(*k).to_string()))
        .collect();
    let title = match (parent, at) {
        (Some(p), None) => format!(
            "{} {}",
            lang.pick("Tambah di bawah", "Add under"),
            crate::text::visible(p)
        ),
        (Some(p), Some(_)) => format!(
            "{} {}",
            lang.pick("Tambah saudara di bawah", "Add a sibling under"),
            crate::text::visible(p)
        ),
        (None, _) => lang
            .pick("Tambah di akar pohon", "Add at the root")
            .to_string(),
    };
    Ok(Form::new(
        Purpose::AddNode {
            parent: parent.map(str::to_string),
            at,
        },
        title,
        vec![
            Field::choice(Key::Level, lang.pick("Tingkat", "Level"), options, 0),
            Field::text(Key::Kode, "Kode", &proposed_code(s, parent, first)),
            Field::text(Key::Nama, lang.pick("Nama", "Name"), ""),
        ],
    ))
}

fn gone(kode: &str, lang: Lang) -> String {
    format!(
        "«{}» {}",
        crate::text::visible(kode),
        lang.pick("tidak ada lagi", "is no longer there")
    )
}

pub fn rename(s: &Session, kode: &str, lang: Lang) -> Result<Form, String> {
    let n = s.node(kode).ok_or_else(|| gone(kode, lang))?;
    Ok(Form::new(
        Purpose::Rename {
            kode: kode.to_string(),
        },
        format!("{} {}", lang.pick("Ganti nama", "Rename"), titled(n, lang)),
        vec![Field::text(Key::Nama, lang.pick("Nama", "Name"), &n.nama)],
    ))
}

pub fn recode(s: &Session, kode: &str, lang: Lang) -> Result<Form, String> {
    let n = s.node(kode).ok_or_else(|| gone(kode, lang))?;
    Ok(Form::new(
        Purpose::Recode {
            kode: kode.to_string(),
        },
        format!(
            "{} {}",
            lang.pick("Ganti kode", "Change the kode of"),
            titled(n, lang)
        ),
        vec![Field::text(
            Key::Kode,
            lang.pick("Kode baru", "New kode"),
            kode,
        )],
    ))
}

pub fn move_under(s: &Session, kode: &str, lang: Lang) -> Result<Form, String> {
    let n = s.node(kode).ok_or_else(|| gone(kode, lang))?;
    let mut fields = vec![Field::text(
        Key::Parent,
        lang.pick("Induk baru", "New parent"),
        "",
    )];
    // A kegiatan's or sub kegiatan's code extends its parent's: it needs a new one.
    fields.push(Field::text(
        Key::Kode,
        lang.pick("Kode baru", "New kode"),
        if matches!(n.jenis, NodeKind::Kegiatan | NodeKind::SubKegiatan) {
            ""
        } else {
            kode
        },
    ));
    Ok(Form::new(
        Purpose::MoveUnder {
            kode: kode.to_string(),
        },
        format!("{} {}", lang.pick("Pindahkan", "Move"), titled(n, lang)),
        fields,
    ))
}

pub(super) fn officer_options(s: &Session, none: &str) -> Vec<(Opt, String)> {
    std::iter::once((Opt::Officer(None), none.to_string()))
        .chain(s.ws().pejabat.iter().map(|o| {
            (
                Opt::Officer(Some(o.id.clone())),
                format!("{} ({})", o.nama, o.jabatan),
            )
        }))
        .collect()
}

pub(super) fn officer_at(options: &[(Opt, String)], id: Option<&str>) -> usize {
    options
        .iter()
        .position(|(o, _)| *o == Opt::Officer(id.map(str::to_string)))
        .unwrap_or(0)
}

/// A node's penanggung jawab.
pub fn officer(s: &Session, kode: &str, lang: Lang) -> Result<Form, String> {
    let n = s.node(kode).ok_or_else(|| gone(kode, lang))?;
    let options = officer_options(
        s,
        lang.pick("— (ikut node di atasnya)", "— (as the node above)"),
    );
    let at = officer_at(&options, n.pejabat.as_deref());
    Ok(Form::new(
        Purpose::Officer {
            kode: kode.to_string(),
        },
        format!(
            "{} {}",
            lang.pick("Penanggung jawab", "Responsible for"),
            titled(n, lang)
        ),
        vec![Field::choice(
            Key::Pejabat,
            lang.pick("Pejabat", "Officer"),
            options,
            at,
        )],
    ))
}

/// An indicator of node `kode`: the one at `pos`, or a new one (`None`).
pub fn indicator(s: &Session, kode: &str, pos: Option<usize>, lang: Lang) -> Result<Form, String> {
    let n = s.node(kode).ok_or_else(|| gone(kode, lang))?;
    let ind = pos.and_then(|p| n.indikator.get(p));
    if pos.is_some() && ind.is_none() {
        return Err(lang
            .pick(
                "Node ini belum punya indikator; tambah dengan a.",
                "This node has no indicator yet; add one with a.",
            )
            .into());
    }
    let pol = [
        (
            Opt::Polarity(Polarity::Positif),
            lang.pick(
                "positif (makin tinggi makin baik)",
                "positive (more is better)",
            ),
        ),
        (
            Opt::Polarity(Polarity::Negatif),
            lang.pick(
                "negatif (makin rendah makin baik)",
                "negative (less is better)",
            ),
        ),
    ]
    .map(|(o, l)| (o, l.to_string()))
    .to_vec();
    let agg = [
        (
            Opt::Aggregation(Aggregation::Jumlah),
            lang.pick("jumlah (triwulan dijumlah)", "jumlah (quarters add up)"),
        ),
        (
            Opt::Aggregation(Aggregation::Terakhir),
            lang.pick("terakhir (triwulan terakhir)", "terakhir (latest quarter)"),
        ),
        (
            Opt::Aggregation(Aggregation::RataRata),
            lang.pick(
                "rata_rata (rata-rata triwulan)",
                "rata_rata (mean of quarters)",
            ),
        ),
    ]
    .map(|(o, l)| (o, l.to_string()))
    .to_vec();
    let pol_at = ind.map_or(0, |i| usize::from(i.polaritas == Polarity::Negatif));
    let agg_at = ind.map_or(0, |i| match i.agregasi {
        Aggregation::Jumlah => 0,
        Aggregation::Terakhir => 1,
        Aggregation::RataRata => 2,
    });
    let officers = officer_options(s, lang.pick("— (ikut node)", "— (as the node)"));
    let officer = officer_at(&officers, ind.and_then(|i| i.pejabat.as_deref()));
    let mut fields = vec![
        Field::text(
            Key::Nama,
            lang.pick("Nama", "Name"),
            ind.map_or("", |i| &i.nama),
        ),
        Field::text(
            Key::Satuan,
            lang.pick("Satuan", "Unit"),
            ind.map_or("", |i| &i.satuan),
        ),
        Field::choice(
            Key::Polaritas,
            lang.pick("Polaritas", "Polarity"),
            pol,
            pol_at,
        ),
        Field::choice(
            Key::Agregasi,
            lang.pick("Agregasi", "Aggregation"),
            agg,
            agg_at,
        ),
        Field::text(
            Key::Target,
            "Target",
            &figure_text(ind.and_then(|i| i.target)),
        ),
        Field::text(
            Key::PkMurni,
            lang.pick("Target PK murni", "PK target (original)"),
            &figure_text(ind.and_then(|i| i.target_pk_murni)),
        ),
        Field::text(
            Key::PkPerubahan,
            lang.pick("Target PK perubahan", "PK target (revised)"),
            &figure_text(ind.and_then(|i| i.target_pk_perubahan)),
        ),
    ];
    for q in Quarter::ALL {
        fields.push(Field::text(
            Key::Rencana(q),
            &format!(
                "{} {}",
                lang.pick("Rencana", "Plan"),
                locale::quarter(q, lang)
            ),
            &figure_text(ind.and_then(|i| i.rencana[q.index()])),
        ));
    }
    let periode = &s.ws().periode_renstra;
    for year in periode.awal..=periode.akhir {
        fields.push(Field::text(
            Key::Renstra(year),
            &format!("Renstra {year}"),
            &figure_text(ind.and_then(|i| i.renstra.target.get(&year).copied())),
        ));
    }
    fields.push(Field::text(
        Key::RenstraAkhir,
        lang.pick("Renstra akhir", "Renstra end"),
        &figure_text(ind.and_then(|i| i.renstra.akhir)),
    ));
    fields.push(Field::choice(
        Key::Pejabat,
        lang.pick("Penanggung jawab", "Responsible"),
        officers,
        officer,
    ));
    let title = match (pos, ind) {
        (Some(p), Some(_)) => format!(
            "{} {} {} {}",
            lang.pick("Indikator", "Indicator"),
            p + 1,
            lang.pick("pada", "of"),
            titled(n, lang)
        ),
        _ => format!(
            "{} {}",
            lang.pick("Indikator baru pada", "New indicator of"),
            titled(n, lang)
        ),
    };
    Ok(Form::new(
        Purpose::Indicator {
            kode: kode.to_string(),
            id: ind.map(|i| i.id),
        },
        title,
        fields,
    ))
}

/// The budget of a Program, Kegiatan or Sub Kegiatan.
pub fn budget(s: &Session, kode: &str, lang: Lang) -> Result<Form, String> {
    let n = s.node(kode).ok_or_else(|| gone(kode, lang))?;
    if !n.jenis.has_budget() {
        return Err(format!(
            "{} {}",
            lang.kind(n.jenis),
            lang.pick(
                "tidak punya anggaran; anggaran ada pada Program, Kegiatan dan Sub Kegiatan.",
                "has no budget; budgets belong to Programs, Activities and Sub-activities."
            )
        ));
    }
    let b = n.anggaran.clone().unwrap_or_default();
    Ok(Form::new(
        Purpose::Budget {
            kode: kode.to_string(),
        },
        format!("{} {}", lang.pick("Anggaran", "Budget of"), titled(n, lang)),
        vec![
            Field::text(Key::Pagu, "Pagu (Rp)", &rupiah_text(b.pagu)),
            Field::text(
                Key::PaguMurni,
                lang.pick("Pagu murni (Rp)", "Original pagu (Rp)"),
                &rupiah_text(b.pagu_murni),
            ),
            Field::text(
                Key::SumberDana,
                lang.pick("Sumber dana", "Source of funds"),
                &b.sumber_dana,
            ),
        ],
    ))
}

/// An officer of the list: a new one, or officer `id`'s details.
pub fn officer_details(s: &Session, id: Option<&str>, lang: Lang) -> Result<Form, String> {
    let o = match id {
        Some(id) => Some(s.ws().officer(id).ok_or_else(|| gone(id, lang))?),
        None => None,
    };
    let mut fields = Vec::new();
    if o.is_none() {
        fields.push(Field::text(
            Key::OfficerId,
            lang.pick("ID singkat", "Short ID"),
            "",
        ));
    }
    fields.extend([
        Field::text(
            Key::Nama,
            lang.pick("Nama", "Name"),
            o.map_or("", |o| &o.nama),
        ),
        Field::text(Key::Nip, "NIP", o.map_or("", |o| &o.nip)),
        Field::text(
            Key::Jabatan,
            lang.pick("Jabatan", "Position"),
            o.map_or("", |o| &o.jabatan),
        ),
    ]);
    let title = match o {
        Some(o) => format!(
            "{} «{}»",
            lang.pick("Pejabat", "Officer"),
            crate::text::visible(&o.id)
        ),
        None => lang.pick("Pejabat baru", "New officer").to_string(),
    };
    Ok(Form::new(
        Purpose::OfficerDetails {
            id: id.map(str::to_string),
        },
        title,
        fields,
    ))
}

/// Officer `id` is still named: who takes over before it goes.
pub fn remove_officer(s: &Session, id: &str, lang: Lang) -> Result<Form, String> {
    let o = s.ws().officer(id).ok_or_else(|| gone(id, lang))?;
    let options: Vec<(Opt, String)> = officer_options(s, lang.pick("— (tidak ada)", "— (nobody)"))
        .into_iter()
        .filter(|(opt, _)| *opt != Opt::Officer(Some(id.to_string())))
        .collect();
    Ok(Form::new(
        Purpose::RemoveOfficer { id: id.to_string() },
        format!(
            "{} «{}»",
            lang.pick("Hapus pejabat", "Remove officer"),
            crate::text::visible(&o.nama)
        ),
        vec![Field::choice(
            Key::Reassign,
            lang.pick("Diganti oleh", "Taken over by"),
            options,
            0,
        )],
    ))
}
