//! What the meeting asks of each red figure: why (faktor pendorong, faktor penghambat), what
//! will be done (tindak lanjut, with a due date and an officer) and the evidence (bukti
//! dukung) — per indicator per quarter; and the verification of a quarter's figures
//! (verifikasi), after which the quarter is closed to edits.
//!
//! Which slots belong to a quarter (and so are closed by its verification): an indicator's
//! realisation (`realisasi[q]`) and plan (`rencana[q]`), a budget's Rupiah spent
//! (`realisasi_rp[q]`), and the indicator's explanation of that quarter (`penjelasan[q]`). A
//! target, the pagu, the PK and Renstra figures, the history and the LRA's figure for the year
//! belong to the year, not to a quarter.

use super::Quarter;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date, written `YYYY-MM-DD` (the due date of a tindak lanjut).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tanggal(jiff::civil::Date);

impl Tanggal {
    /// `YYYY-MM-DD` exactly, a real date between 1900 and 2200; else why not (in Indonesian,
    /// as load errors are; front-ends word their own).
    pub fn parse(text: &str) -> Option<Tanggal> {
        let b = text.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            return None;
        }
        let (y, m, d) = (
            text[..4].parse::<i16>().ok()?,
            text[5..7].parse::<i8>().ok()?,
            text[8..].parse::<i8>().ok()?,
        );
        if !(1900..=2200).contains(&y) {
            return None;
        }
        jiff::civil::Date::new(y, m, d).ok().map(Tanggal)
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        (
            i32::from(self.0.year()),
            self.0.month() as u32,
            self.0.day() as u32,
        )
    }
}

impl fmt::Display for Tanggal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Tanggal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Tanggal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Tanggal::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "tanggal «{text}» tidak sah: tulis YYYY-MM-DD (mis. \"2024-02-15\")"
            ))
        })
    }
}

/// The explanation of one quarter's figures of an indicator (penjelasan). Every part is
/// optional; an empty text is "none".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// Faktor pendorong: what helped.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pendorong: String,
    /// Faktor penghambat: what held the figure back.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub penghambat: String,
    /// Tindak lanjut: what will be done about it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tindak_lanjut: String,
    /// When the tindak lanjut is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenggat: Option<Tanggal>,
    /// Who carries out the tindak lanjut (an officer id).
    #[serde(
        default,
        rename = "pejabat_tindak_lanjut",
        skip_serializing_if = "Option::is_none"
    )]
    pub pejabat: Option<String>,
    /// Bukti dukung: references to the evidence — a path on the server, a URL, a document
    /// number —, each once, in the order added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bukti: Vec<String>,
}

impl Explanation {
    pub fn is_empty(&self) -> bool {
        *self == Explanation::default()
    }

    /// Whether it says why the figure stands where it does or what will be done: a penghambat
    /// or a tindak lanjut (a pendorong alone explains success, not a shortfall).
    pub fn explains_shortfall(&self) -> bool {
        !self.penghambat.is_empty() || !self.tindak_lanjut.is_empty()
    }
}

static EMPTY: Explanation = Explanation {
    pendorong: String::new(),
    penghambat: String::new(),
    tindak_lanjut: String::new(),
    tenggat: None,
    pejabat: None,
    bukti: Vec::new(),
};

/// An indicator's explanations, one per quarter: written `[{…}, {…}, {…}, {…}]` (TW I–IV) and
/// left out of the file when all four are empty. Held boxed and only where there is one, so a
/// workspace of 200 000 indicators without notes pays a pointer each.
#[derive(Clone, Debug, Default)]
pub struct QuarterNotes(Option<Box<[Explanation; 4]>>);

impl QuarterNotes {
    pub fn get(&self, q: Quarter) -> &Explanation {
        self.0.as_ref().map_or(&EMPTY, |n| &n[q.index()])
    }

    /// Changes quarter `q`'s explanation; the notes stay in their one form (nothing held when
    /// all four are empty), so two equal workspaces compare equal however they got there.
    pub fn update<R>(&mut self, q: Quarter, f: impl FnOnce(&mut Explanation) -> R) -> R {
        let notes = self.0.get_or_insert_with(Default::default);
        let r = f(&mut notes[q.index()]);
        if notes.iter().all(Explanation::is_empty) {
            self.0 = None;
        }
        r
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The quarters with something written, with their explanation.
    pub fn iter(&self) -> impl Iterator<Item = (Quarter, &Explanation)> {
        Quarter::ALL
            .into_iter()
            .map(|q| (q, self.get(q)))
            .filter(|(_, e)| !e.is_empty())
    }

    /// Every officer id the explanations name.
    pub fn officers(&self) -> impl Iterator<Item = &str> {
        self.iter().filter_map(|(_, e)| e.pejabat.as_deref())
    }
}

impl PartialEq for QuarterNotes {
    fn eq(&self, other: &Self) -> bool {
        Quarter::ALL
            .into_iter()
            .all(|q| self.get(q) == other.get(q))
    }
}

impl Serialize for QuarterNotes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let four: [&Explanation; 4] = Quarter::ALL.map(|q| self.get(q));
        four.serialize(s)
    }
}

impl<'de> Deserialize<'de> for QuarterNotes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let four = <[Explanation; 4]>::deserialize(d)?;
        Ok(if four.iter().all(Explanation::is_empty) {
            QuarterNotes(None)
        } else {
            QuarterNotes(Some(Box::new(four)))
        })
    }
}

/// Who verified a quarter's figures and when (verifikasi): the OS user as the journal records
/// it, and the local time with its offset (RFC 3339).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub oleh: String,
    pub waktu: String,
}

/// The verification of each quarter (`None`: open to edits). Written `[null, {…}, null, null]`
/// and left out of the file while no quarter is verified.
pub type Verifications = [Option<Verification>; 4];

pub(super) fn none_verified(v: &Verifications) -> bool {
    v.iter().all(Option::is_none)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_and_real() {
        let d = Tanggal::parse("2024-02-29").expect("a leap day");
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(d.ymd(), (2024, 2, 29));
        for bad in [
            "2023-02-29",
            "2024-2-15",
            "15-02-2024",
            "2024/02/15",
            "20240215",
            "2024-13-01",
            "2024-00-10",
            "+2024-02-1",
            "1899-12-31",
            " 2024-02-15",
            "",
        ] {
            assert_eq!(Tanggal::parse(bad), None, "{bad}");
        }
        let json: Result<Tanggal, _> = serde_json::from_str("\"2024-02-30\"");
        assert!(json.unwrap_err().to_string().contains("YYYY-MM-DD"));
    }

    #[test]
    fn notes_have_one_form_however_they_were_made() {
        let mut n = QuarterNotes::default();
        n.update(Quarter::II, |e| e.penghambat = "hujan".into());
        assert!(!n.is_empty());
        assert_eq!(n.get(Quarter::II).penghambat, "hujan");
        assert_eq!(n.get(Quarter::I), &Explanation::default());
        n.update(Quarter::II, |e| e.penghambat.clear());
        assert!(n.is_empty(), "all empty again: nothing held");
        assert_eq!(n, QuarterNotes::default());
        assert_eq!(
            serde_json::to_string(&QuarterNotes::default()).unwrap(),
            "[{},{},{},{}]"
        );
        let read: QuarterNotes = serde_json::from_str("[{},{},{},{}]").unwrap();
        assert!(read.is_empty());
        let read: Result<QuarterNotes, _> = serde_json::from_str("[{},{},{}]");
        assert!(read.is_err(), "four quarters exactly");
        let read: Result<QuarterNotes, _> =
            serde_json::from_str("[{\"penghambat \":\"x\"},{},{},{}]");
        assert!(read.is_err(), "unknown fields refused");
    }
}
