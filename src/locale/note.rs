//! The words for explanations and verified quarters: when and by whom a quarter was verified,
//! which quarters are closed, the parts of an explanation by name.

use super::{Lang, quarter};
use crate::model::{NoteAttr, Quarter, Verification, Verifications};

/// An RFC 3339 time as people read it: `2026-12-01 10:03 +07:00` (`Z` for UTC); any other
/// text as it is.
pub fn moment(rfc3339: &str) -> String {
    let b = rfc3339.as_bytes();
    let shaped = b.len() >= 20
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && rfc3339.is_char_boundary(16);
    if !shaped {
        return rfc3339.to_string();
    }
    // The offset: after the seconds and any fraction of them.
    let offset = rfc3339[19..].trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    format!("{} {} {offset}", &rfc3339[..10], &rfc3339[11..16])
        .trim_end()
        .to_string()
}

/// "ani, 2026-12-01 10:03 +07:00".
pub fn verified_by(v: &Verification, lang: Lang) -> String {
    let _ = lang;
    format!("{}, {}", v.oleh, moment(&v.waktu))
}

/// "TW I, TW II dikunci (terverifikasi)" — the verified quarters; `None` when none is.
pub fn locked_quarters(v: &Verifications, lang: Lang) -> Option<String> {
    let locked: Vec<String> = Quarter::ALL
        .into_iter()
        .filter(|q| v[q.index()].is_some())
        .map(|q| quarter(q, lang))
        .collect();
    (!locked.is_empty()).then(|| {
        format!(
            "{} {}",
            locked.join(", "),
            lang.pick("terkunci (terverifikasi)", "locked (verified)")
        )
    })
}

/// Every verified quarter with who and when: "TW I terkunci: ani, 2026-04-10 09:00 +07:00".
pub fn lock_lines(v: &Verifications, lang: Lang) -> Vec<String> {
    Quarter::ALL
        .into_iter()
        .filter_map(|q| {
            let by = v[q.index()].as_ref()?;
            Some(format!(
                "{} {}: {}",
                quarter(q, lang),
                lang.pick("terkunci", "locked"),
                verified_by(by, lang)
            ))
        })
        .collect()
}

/// The part of an explanation a change is about: "faktor penghambat", "bukti dukung".
pub fn note_part(attr: &NoteAttr, lang: Lang) -> &'static str {
    match attr {
        NoteAttr::Pendorong(_) => lang.pick("faktor pendorong", "driving factors"),
        NoteAttr::Penghambat(_) => lang.pick("faktor penghambat", "obstacles"),
        NoteAttr::TindakLanjut(_) => lang.pick("tindak lanjut", "follow-up"),
        NoteAttr::Tenggat(_) => lang.pick("tenggat tindak lanjut", "follow-up due"),
        NoteAttr::PejabatTindakLanjut(_) => {
            lang.pick("pelaksana tindak lanjut", "follow-up officer")
        }
        NoteAttr::BuktiTambah { .. } | NoteAttr::BuktiHapus { .. } => {
            lang.pick("bukti dukung", "evidence")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_people_write_them() {
        assert_eq!(
            moment("2026-12-01T10:03:00+07:00"),
            "2026-12-01 10:03 +07:00"
        );
        assert_eq!(moment("2026-12-01T03:03:00.123Z"), "2026-12-01 03:03 Z");
        assert_eq!(moment("kemarin"), "kemarin");
        let mut v: Verifications = Default::default();
        assert_eq!(locked_quarters(&v, Lang::Id), None);
        v[1] = Some(Verification {
            oleh: "ani".into(),
            waktu: "2026-07-10T09:00:00+07:00".into(),
        });
        assert_eq!(
            locked_quarters(&v, Lang::Id).as_deref(),
            Some("TW II terkunci (terverifikasi)")
        );
        assert_eq!(
            lock_lines(&v, Lang::En),
            ["Q II locked: ani, 2026-07-10 09:00 +07:00"]
        );
    }
}
