//! The forms of issue 14: the explanation of one quarter of an indicator (faktor pendorong,
//! faktor penghambat, tindak lanjut as texts of several lines; the tindak lanjut's due date and
//! officer; bukti dukung as a list, one reference a line), and the reason a verified quarter
//! is opened again. Each opens prefilled from the workspace on screen, its fields are checked
//! with the library's rules (`rules::text`: `Catatan`, `Bukti`, `Alasan`; `Tanggal::parse`),
//! and its Enter makes the changes as `kinerja note` and `kinerja unlock` make them
//! (`Change::note`, `Change::unlock`): one per part changed, the evidence item by item (an
//! added line is a `BuktiTambah`, a line taken out a `BuktiHapus`, so two users adding
//! evidence both land).

use super::open::{officer_at, officer_options};
use super::{Field, Form, Key, Opt, Purpose};
use crate::locale::{self, Lang};
use crate::model::{Change, Edit, Explanation, IndicatorId, NoteAttr, Quarter, Tanggal};
use crate::rules::text::{self, TextKind};
use crate::text::visible;
use crate::tui::session::Session;

fn gone(lang: Lang) -> String {
    lang.pick(
        "indikator ini tidak ada lagi (dihapus pengguna lain?)",
        "this indicator is no longer there (removed by another user?)",
    )
    .into()
}

/// Where the indicator `id` of node `kode` is now, and its explanation of `tw`.
fn found<'a>(
    s: &'a Session,
    kode: &str,
    id: IndicatorId,
    tw: Quarter,
) -> Option<(usize, &'a Explanation)> {
    let n = s.node(kode)?;
    let pos = n.indikator.iter().position(|i| i.id == id)?;
    Some((pos, n.indikator[pos].penjelasan.get(tw)))
}

/// The explanation of quarter `tw` of the indicator at `pos` of node `kode`.
pub fn note(s: &Session, kode: &str, pos: usize, tw: Quarter, lang: Lang) -> Result<Form, String> {
    let n = s.node(kode).ok_or_else(|| gone(lang))?;
    let ind = n.indikator.get(pos).ok_or_else(|| gone(lang))?;
    let e = ind.penjelasan.get(tw);
    let options = officer_options(s, "—");
    let at = officer_at(&options, e.pejabat.as_deref());
    let title = format!(
        "{} {} · {} · {}",
        lang.pick("Penjelasan", "Explanation"),
        locale::quarter(tw, lang),
        visible(kode),
        visible(&ind.nama)
    );
    Ok(Form::new(
        Purpose::Note {
            kode: kode.to_string(),
            id: ind.id,
            tw,
        },
        title,
        vec![
            Field::lines(
                Key::Penghambat,
                lang.pick("Faktor penghambat", "Obstacles"),
                &e.penghambat,
            ),
            Field::lines(
                Key::TindakLanjut,
                lang.pick("Tindak lanjut", "Follow-up"),
                &e.tindak_lanjut,
            ),
            Field::text(
                Key::Tenggat,
                lang.pick("Tenggat", "Due"),
                &e.tenggat.map(|d| d.to_string()).unwrap_or_default(),
            ),
            Field::choice(
                Key::PelaksanaTindakLanjut,
                lang.pick("Pelaksana", "Carried out by"),
                options,
                at,
            ),
            Field::lines(
                Key::Pendorong,
                lang.pick("Faktor pendorong", "Driving factors"),
                &e.pendorong,
            ),
            Field::lines(
                Key::Bukti,
                lang.pick("Bukti dukung", "Evidence"),
                &e.bukti.join("\n"),
            ),
        ],
    ))
}

/// Opening verified quarter `tw` again: asks why (the journal keeps it).
pub fn unlock(s: &Session, tw: Quarter, lang: Lang) -> Result<Form, String> {
    let by = s.ws().verifikasi[tw.index()].as_ref().ok_or_else(|| {
        format!(
            "{} {}",
            locale::quarter(tw, lang),
            lang.pick("tidak terkunci", "is not locked")
        )
    })?;
    let title = format!(
        "{} {} ({}: {})",
        lang.pick("Buka kunci", "Unlock"),
        locale::quarter(tw, lang),
        lang.pick("dikunci", "locked by"),
        visible(&locale::verified_by(by, lang))
    );
    Ok(Form::new(
        Purpose::Unlock { tw },
        title,
        vec![Field::text(Key::Alasan, lang.pick("Alasan", "Reason"), "")],
    ))
}

/// The evidence typed: one reference a line, without the spaces around it, each once.
fn evidence(form: &Form) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in form.text(Key::Bukti).lines() {
        let line = text::clean(line).to_string();
        if !line.is_empty() && !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// What is wrong with a field of these forms, and what helps (`None`: not one of theirs).
pub fn check(
    form: &Form,
    key: Key,
    raw: &str,
    lang: Lang,
) -> Option<(Option<String>, Option<String>)> {
    let rule = |kind: TextKind, t: &str| {
        text::check(kind, t)
            .err()
            .map(|why| locale::text_error(kind, why, lang))
    };
    Some(match key {
        Key::Pendorong | Key::Penghambat | Key::TindakLanjut => {
            let t = text::clean_lines(raw);
            let max = TextKind::Catatan.max();
            let count = format!("{}/{max}", t.chars().count());
            (rule(TextKind::Catatan, &t), Some(count))
        }
        Key::Tenggat => {
            let t = raw.trim();
            let e = (!t.is_empty() && Tanggal::parse(t).is_none()).then(|| {
                lang.pick(
                    "tanggal tidak sah: tulis YYYY-MM-DD (mis. 2026-03-31)",
                    "not a date: write YYYY-MM-DD (e.g. 2026-03-31)",
                )
                .to_string()
            });
            (
                e,
                Some(
                    lang.pick(
                        "YYYY-MM-DD; kosong: tanpa tenggat",
                        "YYYY-MM-DD; empty: none",
                    )
                    .into(),
                ),
            )
        }
        Key::Bukti => {
            let wrong = raw.lines().enumerate().find_map(|(i, line)| {
                let t = text::clean(line);
                (!t.is_empty())
                    .then(|| rule(TextKind::Bukti, t))
                    .flatten()
                    .map(|e| format!("{} {}: {e}", lang.pick("baris", "line"), i + 1))
            });
            let help = lang.pick(
                "satu rujukan per baris: berkas di server, URL, nomor dokumen",
                "one reference a line: a file on the server, a URL, a document number",
            );
            (wrong, Some(format!("{help} ({})", evidence(form).len())))
        }
        Key::Alasan => (rule(TextKind::Alasan, text::clean(raw)), None),
        _ => return None,
    })
}

/// The changes a note or unlock form asks for (`None`: not one of these forms).
pub fn changes(form: &Form, s: &Session, lang: Lang) -> Option<Result<Vec<Change>, String>> {
    Some(match &form.purpose {
        Purpose::Note { kode, id, tw } => note_changes(form, s, kode, *id, *tw, lang),
        Purpose::Unlock { tw } => Ok(vec![Change::unlock(
            s.ws(),
            *tw,
            text::clean(form.text(Key::Alasan)),
        )]),
        _ => return None,
    })
}

/// A text of an explanation: its field, where the explanation holds it, and its change.
type TextPart = (
    Key,
    fn(&Explanation) -> &String,
    fn(Edit<String>) -> NoteAttr,
);

fn note_changes(
    form: &Form,
    s: &Session,
    kode: &str,
    id: IndicatorId,
    tw: Quarter,
    lang: Lang,
) -> Result<Vec<Change>, String> {
    let (pos, now) = found(s, kode, id, tw).ok_or_else(|| gone(lang))?;
    let ws = s.ws();
    let mut out = Vec::new();
    let mut push = |attr: &dyn Fn(&Explanation) -> Option<NoteAttr>| {
        if let Some(a) = attr(now)
            && let Some(c) = Change::note(ws, kode, pos, tw, |_| a)
        {
            out.push(c);
        }
    };
    let texts: [TextPart; 3] = [
        (Key::Penghambat, |e| &e.penghambat, NoteAttr::Penghambat),
        (
            Key::TindakLanjut,
            |e| &e.tindak_lanjut,
            NoteAttr::TindakLanjut,
        ),
        (Key::Pendorong, |e| &e.pendorong, NoteAttr::Pendorong),
    ];
    for (key, get, make) in texts {
        let new = text::clean_lines(form.text(key));
        push(&|e| {
            (*get(e) != new).then(|| {
                make(Edit {
                    old: get(e).clone(),
                    new: new.clone(),
                })
            })
        });
    }
    let tenggat = Tanggal::parse(form.text(Key::Tenggat));
    push(&|e| {
        (e.tenggat != tenggat).then_some(NoteAttr::Tenggat(Edit {
            old: e.tenggat,
            new: tenggat,
        }))
    });
    let pejabat = match form.opt(Key::PelaksanaTindakLanjut) {
        Some(Opt::Officer(id)) => id.clone(),
        _ => None,
    };
    push(&|e| {
        (e.pejabat != pejabat).then(|| {
            NoteAttr::PejabatTindakLanjut(Edit {
                old: e.pejabat.clone(),
                new: pejabat.clone(),
            })
        })
    });
    let typed = evidence(form);
    for gone in now.bukti.iter().filter(|b| !typed.contains(b)) {
        let teks = gone.clone();
        push(&|_| {
            Some(NoteAttr::BuktiHapus {
                teks: teks.clone(),
                urutan: None,
            })
        });
    }
    for added in typed.iter().filter(|b| !now.bukti.contains(b)) {
        let teks = added.clone();
        push(&|_| {
            Some(NoteAttr::BuktiTambah {
                teks: teks.clone(),
                urutan: None,
            })
        });
    }
    Ok(out)
}
