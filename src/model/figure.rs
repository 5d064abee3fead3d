//! The one written form of a figure in a workspace file, enforced at load: a JSON string of
//! digits, optionally a dot and more digits — `"2432407000"`, `"70.85"`, `"0.25"`. No sign, no
//! exponent, no separators or underscores, no leading or trailing dot, and no more digits than
//! a figure keeps (28 significant): such a text is refused, never rounded. Used with
//! `#[serde(with = …)]` for every decimal of the file; writing is unchanged (a figure is
//! written as `rust_decimal` writes it, which this grammar reads back).

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// Reads a figure in the documented form; the error says what is wrong (in Indonesian, as
/// load errors are).
pub fn parse(text: &str) -> Result<Decimal, String> {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(sign) = text.strip_prefix(['-', '+']).map(|_| &text[..1]) {
        let what = if sign == "-" { "negatif" } else { "bertanda +" };
        return Err(format!(
            "angka «{text}» {what} tidak sah: angka ditulis tanpa tanda (mis. \"70.85\")"
        ));
    }
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return Err(format!(
            "angka «{text}» tidak sah: tulis angka 0–9 dengan titik desimal bila perlu \
             (mis. \"70.85\"), tanpa tanda, eksponen atau pemisah ribuan"
        ));
    }
    // Significant digits: from the first non-zero digit to the last digit written.
    let all: String = int.chars().chain(frac.unwrap_or("").chars()).collect();
    let significant = all.trim_start_matches('0').len();
    let decimals = frac.map_or(0, str::len);
    if significant > 28 || decimals > 28 {
        return Err(format!(
            "angka «{text}» melebihi ketelitian yang disimpan (28 angka penting); tidak dibulatkan"
        ));
    }
    Decimal::from_str_exact(text).map_err(|e| format!("angka «{text}» tidak sah: {e}"))
}

struct FigureVisitor;

impl Visitor<'_> for FigureVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a figure as a string of digits with an optional decimal dot, e.g. \"70.85\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse(v).map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        Err(E::invalid_type(Unexpected::Float(v), &self))
    }
}

/// A figure read in the documented form.
struct Figure(Decimal);

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(FigureVisitor).map(Figure)
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    Figure::deserialize(d).map(|f| f.0)
}

pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    Serialize::serialize(v, s)
}

/// A figure or `null` (not entered).
pub mod option {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Ok(Option::<Figure>::deserialize(d)?.map(|f| f.0))
    }

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(v, s)
    }
}

/// Four quarterly slots.
pub mod quarters {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[Option<Decimal>; 4], D::Error> {
        Ok(<[Option<Figure>; 4]>::deserialize(d)?.map(|f| f.map(|f| f.0)))
    }

    pub fn serialize<S: Serializer>(v: &[Option<Decimal>; 4], s: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(v, s)
    }
}

/// A year as a key of a by-year map: JSON writes it as a string (`"2022"`). Read from the text
/// as well as from a buffered value (a workspace's node inside a saved `Change`, whose map keys
/// serde keeps as strings), where `i32`'s own reading would refuse the string.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Year(i32);

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct YearVisitor;
        impl Visitor<'_> for YearVisitor {
            type Value = Year;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a year, e.g. \"2022\"")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Year, E> {
                v.parse()
                    .map(Year)
                    .map_err(|_| E::custom(format!("tahun «{v}» tidak sah")))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Year, E> {
                i32::try_from(v)
                    .map(Year)
                    .map_err(|_| E::custom(format!("tahun {v} tidak sah")))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Year, E> {
                i32::try_from(v)
                    .map(Year)
                    .map_err(|_| E::custom(format!("tahun {v} tidak sah")))
            }
        }
        d.deserialize_any(YearVisitor)
    }
}

/// Figures by year: `{"2022": "86.19"}`.
pub mod by_year {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<i32, Decimal>, D::Error> {
        Ok(BTreeMap::<Year, Figure>::deserialize(d)?
            .into_iter()
            .map(|(y, f)| (y.0, f.0))
            .collect())
    }

    pub fn serialize<S: Serializer>(v: &BTreeMap<i32, Decimal>, s: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(v, s)
    }
}

/// A list of figures.
pub mod list {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Decimal>, D::Error> {
        Ok(Vec::<Figure>::deserialize(d)?
            .into_iter()
            .map(|f| f.0)
            .collect())
    }

    pub fn serialize<S: Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(v, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn the_documented_form_reads_exactly() {
        assert_eq!(parse("2432407000"), Ok(dec!(2432407000)));
        assert_eq!(parse("70.85"), Ok(dec!(70.85)));
        assert_eq!(parse("98.70").map(|d| d.to_string()), Ok("98.70".into()));
        assert_eq!(parse("0"), Ok(dec!(0)));
        assert_eq!(parse("007"), Ok(dec!(7)));
        // 28 significant digits are kept as written.
        let d = parse("1.000000000000000000000000001").unwrap();
        assert_eq!(d.to_string(), "1.000000000000000000000000001");
        assert_eq!(
            parse("0.0000000000000000000000000001"),
            Ok(Decimal::new(1, 28))
        );
    }

    #[test]
    fn anything_else_is_refused_not_rounded() {
        for bad in [
            "5e2",
            "5E2",
            "1e-3",
            "1_000",
            ".5",
            "5.",
            "+5",
            "-0",
            "-5",
            "1,5",
            "1.000.000",
            " 5",
            "5 ",
            "",
            ".",
            "0x10",
            "٥",
            "1.000000000000000000000000000001",
            "12345678901234567890123456789",
            "0.00000000000000000000000000001",
        ] {
            assert!(parse(bad).is_err(), "«{bad}» accepted");
        }
        assert!(
            parse("1.000000000000000000000000000001")
                .unwrap_err()
                .contains("tidak dibulatkan")
        );
    }
}
