//! What a form's Enter makes: the changes (`model::Change`) its fields ask for, built as the
//! command line builds them (a budget created when its pagu is first given; an indicator's
//! edit one change per attribute and figure, in the same order as `kinerja indikator edit`),
//! measured from the workspace on screen. An empty list: nothing to change.

use super::{Form, Key, Opt, Purpose};
use crate::locale::{self, Lang};
use crate::model::{
    Budget, Change, Edit, Field, FigureKind, Indicator, IndicatorAttr, Node, NodeAttr, Officer, Op,
    Place,
};
use crate::rules::text;
use crate::tui::session::Session;
use rust_decimal::Decimal;

fn gone(lang: Lang) -> String {
    lang.pick(
        "yang diubah formulir ini tidak ada lagi (disimpan pengguna lain?)",
        "what this form changes is no longer there (another user's save?)",
    )
    .into()
}

/// A figure field's value (checked already: an error reads as empty).
fn figure(form: &Form, key: Key, kind: FigureKind, unit: Option<&str>) -> Option<Decimal> {
    locale::read_entry(form.text(key), kind, unit)
        .ok()
        .flatten()
}

fn clean(form: &Form, key: Key) -> String {
    text::clean(form.text(key)).to_string()
}

/// The indicator figures a form holds, with the field each sets at position `pos`.
fn indicator_figures(form: &Form, s: &Session, pos: usize) -> Vec<(Field, Option<Decimal>)> {
    let unit = form.text(Key::Satuan);
    let mut out = Vec::new();
    for f in &form.fields {
        let field = match f.key {
            Key::Target => Field::Target(pos),
            Key::PkMurni => Field::TargetPkMurni(pos),
            Key::PkPerubahan => Field::TargetPkPerubahan(pos),
            Key::Rencana(q) => Field::Rencana(pos, q),
            Key::Renstra(y) => Field::RenstraTarget(pos, y),
            Key::RenstraAkhir => Field::RenstraAkhir(pos),
            _ => continue,
        };
        out.push((field, figure(form, f.key, FigureKind::Kinerja, Some(unit))));
    }
    let _ = s;
    out
}

/// The changes `form` asks for, or why it cannot make them.
pub fn changes(form: &Form, s: &Session, lang: Lang) -> Result<Vec<Change>, String> {
    if let Some(notes) = super::notes::changes(form, s, lang) {
        return notes;
    }
    let officer = |key| match form.opt(key) {
        Some(Opt::Officer(id)) => id.clone(),
        _ => None,
    };
    Ok(match &form.purpose {
        Purpose::AddNode { parent, at } => {
            let Some(Opt::Level(jenis)) = form.opt(Key::Level) else {
                return Err(gone(lang));
            };
            let node = Node::new(*jenis, form.text(Key::Kode), &clean(form, Key::Nama));
            vec![Change::add_node(parent.as_deref(), *at, node)]
        }
        Purpose::Rename { kode } => {
            let n = s.node(kode).ok_or_else(|| gone(lang))?;
            let nama = clean(form, Key::Nama);
            if nama == n.nama {
                return Ok(Vec::new());
            }
            vec![Change::NodeAttr {
                kode: kode.clone(),
                attr: NodeAttr::Nama(Edit {
                    old: n.nama.clone(),
                    new: nama,
                }),
            }]
        }
        Purpose::Recode { kode } => {
            let new = form.text(Key::Kode).to_string();
            if new == *kode {
                return Ok(Vec::new());
            }
            vec![Change::NodeRecode {
                kode: kode.clone(),
                new,
            }]
        }
        Purpose::MoveUnder { kode } => {
            let parent = super::check::resolve_parent(form, s, lang)?.kode.clone();
            let (from_parent, from_at) = s.place_of(kode).ok_or_else(|| gone(lang))?;
            let new = form.text(Key::Kode);
            let new_kode = (!new.is_empty() && new != kode).then(|| new.to_string());
            let same = from_parent.as_deref() == Some(parent.as_str());
            let len = s.children_count(Some(&parent));
            if same && new_kode.is_none() {
                return Ok(Vec::new());
            }
            vec![Change::NodeMove {
                kode: kode.clone(),
                from: Place {
                    parent: from_parent,
                    at: from_at,
                },
                to: Place {
                    parent: Some(parent),
                    at: if same { len - 1 } else { len },
                },
                new_kode,
            }]
        }
        Purpose::Indicator { kode, id: None } => {
            let mut ind = Indicator::new(
                s.fresh_indicator_id(),
                &clean(form, Key::Nama),
                &clean(form, Key::Satuan),
            );
            if let Some(Opt::Polarity(p)) = form.opt(Key::Polaritas) {
                ind.polaritas = *p;
            }
            if let Some(Opt::Aggregation(a)) = form.opt(Key::Agregasi) {
                ind.agregasi = *a;
            }
            ind.pejabat = officer(Key::Pejabat);
            let mut node = Node::new(crate::model::NodeKind::SubKegiatan, kode, "");
            node.indikator.push(ind);
            for (field, v) in indicator_figures(form, s, 0) {
                field.set(&mut node, v);
            }
            vec![Change::IndicatorAdd {
                kode: kode.clone(),
                at: None,
                indicator: node.indikator.remove(0),
                pk: Vec::new(),
            }]
        }
        Purpose::Indicator { kode, id: Some(id) } => {
            let n = s.node(kode).ok_or_else(|| gone(lang))?;
            let pos = n
                .indikator
                .iter()
                .position(|i| i.id == *id)
                .ok_or_else(|| gone(lang))?;
            let ind = &n.indikator[pos];
            let attr = |attr| Change::IndicatorAttr {
                kode: kode.clone(),
                indikator: *id,
                attr,
            };
            let mut out = Vec::new();
            let nama = clean(form, Key::Nama);
            if nama != ind.nama {
                out.push(attr(IndicatorAttr::Nama(Edit {
                    old: ind.nama.clone(),
                    new: nama,
                })));
            }
            let satuan = clean(form, Key::Satuan);
            if satuan != ind.satuan {
                out.push(attr(IndicatorAttr::Satuan(Edit {
                    old: ind.satuan.clone(),
                    new: satuan,
                })));
            }
            if let Some(Opt::Polarity(p)) = form.opt(Key::Polaritas)
                && *p != ind.polaritas
            {
                out.push(attr(IndicatorAttr::Polaritas(Edit {
                    old: ind.polaritas,
                    new: *p,
                })));
            }
            if let Some(Opt::Aggregation(a)) = form.opt(Key::Agregasi)
                && *a != ind.agregasi
            {
                out.push(attr(IndicatorAttr::Agregasi(Edit {
                    old: ind.agregasi,
                    new: *a,
                })));
            }
            let pejabat = officer(Key::Pejabat);
            if pejabat != ind.pejabat {
                out.push(attr(IndicatorAttr::Pejabat(Edit {
                    old: ind.pejabat.clone(),
                    new: pejabat,
                })));
            }
            for (field, v) in indicator_figures(form, s, pos) {
                if field.get(n) != Some(v)
                    && let Some(c) = s.figure_change(kode, field, v)
                {
                    out.push(c);
                }
            }
            out
        }
        Purpose::Budget { kode } => {
            let n = s.node(kode).ok_or_else(|| gone(lang))?;
            let pagu = figure(form, Key::Pagu, FigureKind::Rupiah, None);
            let murni = figure(form, Key::PaguMurni, FigureKind::Rupiah, None);
            let sumber = clean(form, Key::SumberDana);
            let mut out = Vec::new();
            let now = match &n.anggaran {
                Some(b) => b.clone(),
                None if pagu.is_none() && murni.is_none() && sumber.is_empty() => {
                    return Ok(Vec::new());
                }
                None => {
                    // The budget is created when first given (as `kinerja set --pagu` does).
                    out.push(Change::BudgetAdd {
                        kode: kode.clone(),
                        budget: Budget::default(),
                    });
                    Budget::default()
                }
            };
            let figure = |field, old, new| Change::Figure {
                indikator: None,
                op: Op {
                    kode: kode.clone(),
                    field,
                    old,
                    new,
                },
            };
            if pagu != now.pagu {
                out.push(figure(Field::Pagu, now.pagu, pagu));
            }
            if murni != now.pagu_murni {
                out.push(figure(Field::PaguMurni, now.pagu_murni, murni));
            }
            if sumber != now.sumber_dana {
                out.push(Change::NodeAttr {
                    kode: kode.clone(),
                    attr: NodeAttr::SumberDana(Edit {
                        old: now.sumber_dana.clone(),
                        new: sumber,
                    }),
                });
            }
            out
        }
        Purpose::Officer { kode } => {
            let n = s.node(kode).ok_or_else(|| gone(lang))?;
            let new = officer(Key::Pejabat);
            if new == n.pejabat {
                return Ok(Vec::new());
            }
            vec![Change::NodeAttr {
                kode: kode.clone(),
                attr: NodeAttr::Pejabat(Edit {
                    old: n.pejabat.clone(),
                    new,
                }),
            }]
        }
        Purpose::OfficerDetails { id } => {
            let details = |id: String| Officer {
                id,
                nama: clean(form, Key::Nama),
                nip: clean(form, Key::Nip),
                jabatan: clean(form, Key::Jabatan),
            };
            match id {
                None => vec![Change::OfficerAdd {
                    at: None,
                    officer: details(clean(form, Key::OfficerId)),
                }],
                Some(id) => {
                    let old = s.ws().officer(id).ok_or_else(|| gone(lang))?.clone();
                    let new = details(id.clone());
                    if new == old {
                        return Ok(Vec::new());
                    }
                    vec![Change::OfficerEdit { old, new }]
                }
            }
        }
        // An import's form changes nothing itself (see `tui::import`).
        Purpose::Import => Vec::new(),
        Purpose::RemoveOfficer { id } => {
            let reassign = officer(Key::Reassign);
            Change::remove_officer(s.ws(), id, reassign.as_deref()).ok_or_else(|| gone(lang))?
        }
        // Built in `notes` (above).
        Purpose::Note { .. } | Purpose::Unlock { .. } => Vec::new(),
    })
}
