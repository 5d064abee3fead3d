//! Each field checked as it is typed, with the library's rules (the same as the command
//! line's): a code's Permendagri 90/2019 shape and that it is free (`rules::codes`), names,
//! units, sources of funds, officer ids and NIPs (`rules::text`), figures read as `kinerja
//! set` reads them (`locale::read_entry`). The reason goes under the field; what helps (a
//! code's shape, the node a parent's code names) goes there when nothing is wrong. Codes are
//! looked up in the session's index: no key walks the tree (but a search by name).

use super::{Form, Key, Opt, Purpose, Value};
use crate::locale::{self, Lang};
use crate::model::{FigureKind, Node, NodeKind};
use crate::rules::text::{self, TextKind};
use crate::rules::{codes, levels};
use crate::text::visible;
use crate::tui::session::Session;

/// Checks every field of `form` against the workspace on screen.
pub fn check(form: &mut Form, s: &Session, lang: Lang) {
    let results: Vec<(Option<String>, Option<String>)> = (0..form.fields.len())
        .map(|i| field(form, i, s, lang))
        .collect();
    for (f, (error, note)) in form.fields.iter_mut().zip(results) {
        f.error = error;
        f.note = note;
    }
}

/// The level chosen for a new node changed: its proposed code follows, unless the user typed
/// one.
pub fn level_changed(form: &mut Form, s: &Session) {
    let (Purpose::AddNode { parent, .. }, Some(Opt::Level(jenis))) =
        (&form.purpose, form.opt(Key::Level))
    else {
        return;
    };
    if form.field(Key::Kode).is_some_and(|f| f.touched) {
        return;
    }
    let code = super::open::proposed_code(s, parent.as_deref(), *jenis);
    form.propose(Key::Kode, &code);
}

fn raw(form: &Form, i: usize) -> &str {
    match &form.fields[i].value {
        Value::Text(input) | Value::Lines(input) => input.value(),
        Value::Choice { .. } => "",
    }
}

fn text_rule(kind: TextKind, t: &str, lang: Lang) -> Option<String> {
    text::check(kind, text::clean(t))
        .err()
        .map(|why| locale::text_error(kind, why, lang))
}

fn figure(t: &str, kind: FigureKind, unit: Option<&str>, lang: Lang) -> Option<String> {
    if t.trim().is_empty() {
        return None;
    }
    locale::read_entry(t, kind, unit)
        .err()
        .map(|e| e.message(lang))
}

/// A code for a node of `jenis` under `parent`: its shape, and that no other node has it
/// (`own`: the node's code now, which it may keep).
fn kode_rule(
    s: &Session,
    jenis: NodeKind,
    parent: Option<&str>,
    kode: &str,
    own: Option<&str>,
    lang: Lang,
) -> (Option<String>, Option<String>) {
    let shape = codes::pattern(jenis)
        .map(|p| format!("{} {p} (Permendagri 90/2019)", lang.pick("bentuk", "shape")));
    let why = match codes::check(jenis, parent, kode) {
        Err(why) => Some(why),
        Ok(()) if Some(kode) != own && s.has_code(kode) => Some(crate::model::CodeError::Taken),
        Ok(()) => None,
    };
    let error = why.map(|why| visible(&locale::code_error(kode, &why, lang)).into_owned());
    (error, shape)
}

/// The parent a moved node goes under: a code, or a name found by search.
pub fn resolve_parent<'a>(form: &Form, s: &'a Session, lang: Lang) -> Result<&'a Node, String> {
    let t = form.text(Key::Parent);
    if t.is_empty() {
        return Err(lang
            .pick(
                "ketik kode induk, atau sebagian namanya untuk mencari",
                "type the parent's kode, or part of its name to search",
            )
            .into());
    }
    if let Some(n) = s.node(t) {
        return Ok(n);
    }
    let needle = t.to_lowercase();
    let found: Vec<&Node> = s
        .ws()
        .nodes()
        .filter(|n| {
            n.nama.to_lowercase().contains(&needle) || n.kode.to_lowercase().contains(&needle)
        })
        .take(4)
        .collect();
    match found.as_slice() {
        [] => Err(format!(
            "«{}» {}",
            visible(t),
            lang.pick("tidak ditemukan", "not found")
        )),
        [one] => Ok(s.node(&one.kode).expect("found in the workspace")),
        many => Err(format!(
            "{}{} {}: {}",
            many.len().min(3),
            if many.len() > 3 { "+" } else { "" },
            lang.pick("cocok; ketik kodenya", "match; type its kode"),
            many.iter()
                .take(3)
                .map(|n| visible(&n.kode).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn field(form: &Form, i: usize, s: &Session, lang: Lang) -> (Option<String>, Option<String>) {
    let key = form.fields[i].key;
    let t = raw(form, i);
    if let Some(checked) = super::notes::check(form, key, t, lang) {
        return checked;
    }
    let err = |e: Option<String>| (e, None);
    match (key, &form.purpose) {
        (Key::Kode, Purpose::AddNode { parent, .. }) => {
            let Some(Opt::Level(jenis)) = form.opt(Key::Level) else {
                return (None, None);
            };
            kode_rule(s, *jenis, parent.as_deref(), t.trim(), None, lang)
        }
        (Key::Kode, Purpose::Recode { kode }) => {
            let Some(n) = s.node(kode) else {
                return (None, None);
            };
            let parent = s.parent_of(kode);
            if t.trim() == kode {
                return (
                    None,
                    Some(lang.pick("kode sekarang", "the kode it has").to_string()),
                );
            }
            let (e, note) = kode_rule(s, n.jenis, parent.as_deref(), t.trim(), Some(kode), lang);
            let below = n.iter().count() - 1;
            let note = note.map(|n| {
                if below > 0 {
                    format!(
                        "{n}; {below} {}",
                        lang.pick("node di bawahnya mengikuti", "node(s) below follow")
                    )
                } else {
                    n
                }
            });
            (e, note)
        }
        (Key::Kode, Purpose::MoveUnder { kode }) => {
            let Some(n) = s.node(kode) else {
                return (None, None);
            };
            let parent = resolve_parent(form, s, lang).ok().map(|p| p.kode.clone());
            let depends = matches!(n.jenis, NodeKind::Kegiatan | NodeKind::SubKegiatan);
            if t.trim().is_empty() {
                return if depends {
                    err(Some(
                        lang.pick(
                            "kode baru wajib: kodenya melanjutkan kode induk barunya",
                            "a new kode is needed: it extends its new parent's kode",
                        )
                        .into(),
                    ))
                } else {
                    (
                        None,
                        Some(
                            lang.pick("kosong: kode tetap", "empty: the kode stays")
                                .into(),
                        ),
                    )
                };
            }
            kode_rule(s, n.jenis, parent.as_deref(), t.trim(), Some(kode), lang)
        }
        (Key::Parent, Purpose::MoveUnder { kode }) => {
            let Some(n) = s.node(kode) else {
                return (None, None);
            };
            match resolve_parent(form, s, lang) {
                Err(e) => err(Some(e)),
                Ok(p) if s.is_within(&p.kode, kode) => err(Some(
                    lang.pick(
                        "tidak dapat dipindah ke bawah dirinya sendiri",
                        "cannot move under itself",
                    )
                    .into(),
                )),
                Ok(p) if !levels::may_sit_under(n.jenis, Some(p.jenis)) => err(Some(
                    visible(&locale::objection(
                        &crate::model::Objection::Level {
                            kode: kode.clone(),
                            jenis: n.jenis,
                            parent: Some(p.jenis),
                        },
                        lang,
                    ))
                    .into_owned(),
                )),
                Ok(p) => (
                    None,
                    Some(format!(
                        "→ {} {} {}",
                        lang.kind(p.jenis),
                        visible(&p.kode),
                        visible(&p.nama)
                    )),
                ),
            }
        }
        (Key::File, _) => (
            None,
            Some(
                lang.pick(
                    "xlsx, xls, ods atau csv; ~ = folder rumah, jalur relatif dari folder kerja",
                    "xlsx, xls, ods or csv; ~ = home folder, relative to the working folder",
                )
                .into(),
            ),
        ),
        (Key::Sheet, _) => (
            None,
            Some(
                lang.pick(
                    "kosong: setiap lembar yang dikenali",
                    "empty: every sheet recognised",
                )
                .into(),
            ),
        ),
        (Key::Nama | Key::Jabatan, _) => err(text_rule(TextKind::Nama, t, lang)),
        (Key::Satuan, _) => err(text_rule(TextKind::Satuan, t, lang)),
        (Key::SumberDana, _) => err(text_rule(TextKind::SumberDana, t, lang)),
        (Key::Nip, _) => err(text_rule(TextKind::Nip, t, lang)),
        (Key::OfficerId, _) => {
            let e = text_rule(TextKind::OfficerId, t, lang).or_else(|| {
                s.ws().officer(t.trim()).map(|_| {
                    lang.pick(
                        "id sudah dipakai pejabat lain",
                        "id already used by another officer",
                    )
                    .to_string()
                })
            });
            (e, TextKind::OfficerId.hint().map(str::to_string))
        }
        (
            Key::Target
            | Key::PkMurni
            | Key::PkPerubahan
            | Key::Rencana(_)
            | Key::Renstra(_)
            | Key::RenstraAkhir,
            _,
        ) => {
            let unit = form.text(Key::Satuan);
            err(figure(t, FigureKind::Kinerja, Some(unit), lang))
        }
        (Key::Pagu | Key::PaguMurni, Purpose::Budget { kode }) => {
            if let Some(e) = figure(t, FigureKind::Rupiah, None, lang) {
                return err(Some(e));
            }
            // A parent's budget is its children's sum: typed there.
            let derived = key == Key::Pagu && s.node(kode).is_some_and(crate::rules::budget_is_sum);
            if derived {
                let now = s
                    .node(kode)
                    .and_then(|n| n.anggaran.as_ref())
                    .and_then(|b| b.pagu);
                let typed = locale::read_entry(t, FigureKind::Rupiah, None)
                    .ok()
                    .flatten();
                let note = lang
                    .pick(
                        "jumlah pagu anak-anaknya; diketik pada anak",
                        "the sum of its children's; typed on them",
                    )
                    .to_string();
                return if typed != now {
                    (Some(note), None)
                } else {
                    (None, Some(note))
                };
            }
            (None, None)
        }
        _ => (None, None),
    }
}
