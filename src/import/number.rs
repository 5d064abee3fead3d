//! Figures as files hold them: numeric cells (binary doubles), text with Indonesian
//! (`1.234.567,89`) or English (`1,234,567.89`) separators, `Rp` prefixes, `-` or empty for
//! nothing entered. Every rule is in `docs/import.md`; the checks a figure must pass are the
//! ones `kinerja set` applies (`locale::parse_figure`).

use super::read::Cell;
use crate::locale::{self, FigureKind, MAX_FIGURE, ParseFigureError};
use rust_decimal::{Decimal, RoundingStrategy};

/// The decimal mark a file writes, decided from its unambiguous numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Convention {
    /// `1.234.567,89`
    Indonesian,
    /// `1,234,567.89`
    English,
    /// Nothing in the file tells.
    Unknown,
}

/// What a cell says as a figure.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// Empty, `-`, `–`, `—` or `N/A`: the file gives no figure (the workspace's is kept).
    Nothing,
    Value(Decimal),
    Bad(BadNumber),
}

/// Why a cell is not a figure kinerja accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadNumber {
    /// Text that is not a number (`79,56 (BB)`, `dua`).
    NotANumber(String),
    /// An Excel error value (`#REF!`, `#DIV/0!`).
    ErrorValue(String),
    /// A date or time cell where a figure belongs (Excel turns `1.12` into 1 December).
    Date(String),
    /// `TRUE`/`FALSE`.
    Bool(String),
    /// `1.234` or `1,234` in a performance column of a file that does not say which mark it uses.
    Ambiguous(String),
    /// What `set` refuses: negative, too large, too many decimals.
    Refused(String, ParseFigureError),
}

impl BadNumber {
    pub fn text(&self) -> &str {
        match self {
            BadNumber::NotANumber(t)
            | BadNumber::ErrorValue(t)
            | BadNumber::Date(t)
            | BadNumber::Bool(t)
            | BadNumber::Ambiguous(t)
            | BadNumber::Refused(t, _) => t,
        }
    }
}

/// Reads a cell as a figure of `kind`, under the file's `convention`.
pub fn read(cell: &Cell, kind: FigureKind, convention: Convention) -> Reading {
    match cell {
        Cell::Empty => Reading::Nothing,
        Cell::Int(i) => checked(Decimal::from(*i), &i.to_string(), kind),
        Cell::Number(f) => from_double(*f, kind),
        Cell::Text(t) => from_text(t, kind, convention),
        Cell::Error(e) => Reading::Bad(BadNumber::ErrorValue(e.clone())),
        Cell::Date(d) => Reading::Bad(BadNumber::Date(d.clone())),
        Cell::Bool(b) => Reading::Bad(BadNumber::Bool(cell_text_bool(*b))),
    }
}

fn cell_text_bool(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.into()
}

/// Excel keeps 15 significant digits; what it shows is the double rounded to them.
const EXCEL_DIGITS: u32 = 15;

/// A numeric cell: the shortest decimal that reads back as the same double (what Rust's
/// formatting gives), rounded to Excel's 15 significant digits, so `0.1 + 0.2` computed in
/// Excel is 0,3 as Excel shows it. What still has more decimals than the figure allows is
/// refused, never rounded.
fn from_double(f: f64, kind: FigureKind) -> Reading {
    // Whole numbers below 2^53 are exact as they are (most figures: Rupiah, counts).
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        return checked(Decimal::from(f as i64), "", kind).or_shown(f);
    }
    let shown = format!("{f}");
    if !f.is_finite() {
        return Reading::Bad(BadNumber::NotANumber(shown));
    }
    let Ok(exact) = Decimal::from_str_exact(&shown) else {
        // Beyond Decimal's 28 digits either way: far too large, or too small to be a figure.
        let reason = if f.abs() >= 1.0 {
            ParseFigureError::TooLarge
        } else {
            ParseFigureError::TooManyDecimals {
                max: max_decimals(kind),
            }
        };
        return Reading::Bad(BadNumber::Refused(shown, reason));
    };
    let value = exact
        .round_sf_with_strategy(EXCEL_DIGITS, RoundingStrategy::MidpointAwayFromZero)
        .unwrap_or(exact)
        .normalize();
    checked(value, &shown, kind)
}

fn max_decimals(kind: FigureKind) -> u32 {
    match kind {
        FigureKind::Kinerja => 4,
        FigureKind::Rupiah => 2,
    }
}

impl Reading {
    /// A refusal names the cell's number as Excel would show it.
    fn or_shown(self, f: f64) -> Reading {
        match self {
            Reading::Bad(BadNumber::Refused(_, e)) => {
                Reading::Bad(BadNumber::Refused(format!("{f}"), e))
            }
            other => other,
        }
    }
}

/// The checks of `locale::parse_figure` on a value already read.
fn checked(value: Decimal, shown: &str, kind: FigureKind) -> Reading {
    let refuse = |e| Reading::Bad(BadNumber::Refused(shown.to_string(), e));
    if value.is_sign_negative() && !value.is_zero() {
        return refuse(ParseFigureError::Negative);
    }
    if value.abs() > MAX_FIGURE {
        return refuse(ParseFigureError::TooLarge);
    }
    let max = max_decimals(kind);
    if value.normalize().scale() > max {
        return refuse(ParseFigureError::TooManyDecimals { max });
    }
    // `-0` is zero.
    Reading::Value(if value.is_zero() {
        Decimal::ZERO
    } else {
        value.normalize()
    })
}

/// Text that means "no figure".
fn is_nothing(t: &str) -> bool {
    matches!(t, "" | "-" | "–" | "—" | "--") || t.eq_ignore_ascii_case("n/a")
}

/// How a text number separates its digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Digits only.
    Plain,
    /// Written the Indonesian way beyond doubt (`1.234,5`, `1.234.567`, `81,00`).
    Indonesian,
    /// Written the English way beyond doubt (`1,234.5`, `1,234,567`).
    English,
    /// One dot with other than three digits after it (`70.85`): a decimal dot, which
    /// Indonesian typists write too (and `parse_figure` accepts).
    DecimalDot,
    /// `1.234` or `1,234`: a thousands group or three decimals.
    Ambiguous,
    /// Not a number at all.
    NotNumeric,
}

/// The digits and separators of a text figure, without `Rp`, `%`, `,-`, spaces and sign.
fn body(text: &str) -> (bool, String) {
    let mut s = text.trim().to_string();
    if s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp")) {
        s = s[2..].trim_start_matches('.').trim().to_string();
    }
    if let Some(rest) = s.strip_suffix(",-") {
        s = rest.trim_end().to_string();
    }
    if let Some(rest) = s.strip_suffix('%') {
        s = rest.trim().to_string();
    }
    s.retain(|c| c != ' ' && c != '\u{a0}');
    match s.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, s.strip_prefix('+').unwrap_or(&s).to_string()),
    }
}

fn groups_of_three(parts: &[&str]) -> bool {
    (1..=3).contains(&parts[0].len())
        && !parts[0].starts_with('0')
        && parts[1..].iter().all(|g| g.len() == 3)
}

fn shape(body: &str) -> Shape {
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !body.chars().any(|c| c.is_ascii_digit())
    {
        return Shape::NotNumeric;
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    match (dots, commas) {
        (0, 0) => Shape::Plain,
        (1.., 1..) => {
            let last_dot = body.rfind('.').expect("a dot");
            let last_comma = body.rfind(',').expect("a comma");
            let (int, mark, group) = if last_comma > last_dot {
                (&body[..last_comma], Shape::Indonesian, '.')
            } else {
                (&body[..last_dot], Shape::English, ',')
            };
            let parts: Vec<&str> = int.split(group).collect();
            let frac_ok = match mark {
                Shape::Indonesian => !body[last_comma + 1..].contains(['.', ',']),
                _ => !body[last_dot + 1..].contains(['.', ',']),
            };
            if frac_ok && parts.len() > 1 && groups_of_three(&parts) {
                mark
            } else {
                Shape::NotNumeric
            }
        }
        (d, 0) | (0, d) => {
            let sep = if commas > 0 { ',' } else { '.' };
            let parts: Vec<&str> = body.split(sep).collect();
            if d > 1 {
                // Several of one mark can only be thousands groups.
                return match (groups_of_three(&parts), sep) {
                    (true, '.') => Shape::Indonesian,
                    (true, _) => Shape::English,
                    (false, _) => Shape::NotNumeric,
                };
            }
            let after = parts[1].len();
            if after == 3 && groups_of_three(&parts) {
                Shape::Ambiguous
            } else if sep == ',' {
                Shape::Indonesian
            } else {
                Shape::DecimalDot
            }
        }
    }
}

/// What a file's text numbers say about its decimal mark: unambiguous numbers of either
/// kind are counted, and the one with at least nine in ten of them wins. Decimal dots alone
/// (`70.85`) say English only when nothing says otherwise.
#[derive(Clone, Copy, Debug, Default)]
pub struct Evidence {
    indonesian: usize,
    english: usize,
    decimal_dot: usize,
}

impl Evidence {
    pub fn add(&mut self, cell: &Cell) {
        let Cell::Text(t) = cell else { return };
        if t.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        let (_, b) = body(t);
        match shape(&b) {
            Shape::Indonesian => self.indonesian += 1,
            Shape::English => self.english += 1,
            Shape::DecimalDot => self.decimal_dot += 1,
            _ => {}
        }
    }

    pub fn convention(&self) -> Convention {
        let (id, en) = (self.indonesian, self.english);
        if id + en == 0 {
            return if self.decimal_dot > 0 {
                Convention::English
            } else {
                Convention::Unknown
            };
        }
        if en * 10 >= (id + en) * 9 {
            Convention::English
        } else if id * 10 >= (id + en) * 9 {
            Convention::Indonesian
        } else {
            Convention::Unknown
        }
    }
}

fn from_text(text: &str, kind: FigureKind, convention: Convention) -> Reading {
    let t = text.trim();
    // Digits only (`1835000`): no separator to decide.
    if !t.is_empty() && t.len() <= 16 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = t.parse().expect("digits");
        return checked(Decimal::from(n), t, kind);
    }
    if is_nothing(t) {
        return Reading::Nothing;
    }
    if t.starts_with('#') && (t.ends_with('!') || t.ends_with('?') || t == "#N/A") {
        return Reading::Bad(BadNumber::ErrorValue(t.to_string()));
    }
    let (negative, b) = body(t);
    // Each notation is rewritten into the one `locale::parse_figure` reads without doubt
    // (comma decimal, no thousands marks), so the file's figures pass `set`'s own checks.
    let sign = if negative { "-" } else { "" };
    let as_typed = |normal: String| -> Reading {
        match locale::parse_figure(&format!("{sign}{normal}"), kind) {
            Ok(v) => Reading::Value(v),
            Err(ParseFigureError::NotANumber(_) | ParseFigureError::Empty) => {
                Reading::Bad(BadNumber::NotANumber(t.to_string()))
            }
            Err(e) => Reading::Bad(BadNumber::Refused(t.to_string(), e)),
        }
    };
    // `1,234,567.89` → `1234567,89`
    let english = |b: &str| {
        let (int, frac) = b.split_once('.').unwrap_or((b, ""));
        let int = int.replace(',', "");
        as_typed(if frac.is_empty() {
            int
        } else {
            format!("{int},{frac}")
        })
    };
    // `1.234.567,89` → `1234567,89`
    let indonesian = |b: &str| as_typed(b.replace('.', ""));
    match shape(&b) {
        Shape::NotNumeric => match locale::parse_figure(t, kind) {
            // What `set` would say of it (a lone "-5" is negative, not a word).
            Err(e @ (ParseFigureError::Negative | ParseFigureError::TooLarge)) => {
                Reading::Bad(BadNumber::Refused(t.to_string(), e))
            }
            _ => Reading::Bad(BadNumber::NotANumber(t.to_string())),
        },
        Shape::Plain | Shape::Indonesian => indonesian(&b),
        Shape::English | Shape::DecimalDot => english(&b),
        Shape::Ambiguous => {
            // Rupiah never has three decimals: a group of three is thousands either way.
            let thousands = kind == FigureKind::Rupiah;
            match (thousands, convention) {
                (true, _) => as_typed(b.replace(['.', ','], "")),
                (false, Convention::English) => english(&b),
                (false, Convention::Indonesian) => indonesian(&b),
                (false, Convention::Unknown) => Reading::Bad(BadNumber::Ambiguous(t.to_string())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    const K: FigureKind = FigureKind::Kinerja;
    const RP: FigureKind = FigureKind::Rupiah;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn val(r: Reading) -> Decimal {
        match r {
            Reading::Value(v) => v,
            other => panic!("not a value: {other:?}"),
        }
    }

    #[test]
    fn text_in_either_notation() {
        let u = Convention::Unknown;
        assert_eq!(val(read(&text("1,234,567.89"), RP, u)), dec!(1234567.89));
        assert_eq!(val(read(&text("1.234.567,89"), RP, u)), dec!(1234567.89));
        assert_eq!(val(read(&text("15,000,000.00"), RP, u)), dec!(15000000));
        assert_eq!(val(read(&text("3.500.000,00"), RP, u)), dec!(3500000));
        assert_eq!(val(read(&text("1835000"), RP, u)), dec!(1835000));
        assert_eq!(val(read(&text("Rp 15.000.000,-"), RP, u)), dec!(15000000));
        assert_eq!(val(read(&text("Rp. 920.000"), RP, u)), dec!(920000));
        assert_eq!(val(read(&text("81,00"), K, u)), dec!(81));
        assert_eq!(val(read(&text("70.85"), K, u)), dec!(70.85));
        assert_eq!(val(read(&text("0.25"), K, u)), dec!(0.25));
        assert_eq!(val(read(&text("1,235.00"), K, u)), dec!(1235));
        assert_eq!(val(read(&text("91,81 %"), K, u)), dec!(91.81));
        assert_eq!(val(read(&text(" 2.664.510.688 "), RP, u)), dec!(2664510688));
        assert_eq!(val(read(&text("-0"), K, u)), dec!(0));
    }

    #[test]
    fn nothing_entered() {
        for t in ["", "  ", "-", "–", "—", "N/A", "n/a"] {
            assert_eq!(
                read(&text(t), K, Convention::Unknown),
                Reading::Nothing,
                "{t:?}"
            );
        }
        assert_eq!(
            read(&Cell::Empty, RP, Convention::Unknown),
            Reading::Nothing
        );
    }

    #[test]
    fn three_digits_after_one_mark_follow_the_column_and_the_file() {
        // Rupiah: always thousands.
        for c in [
            Convention::English,
            Convention::Indonesian,
            Convention::Unknown,
        ] {
            assert_eq!(val(read(&text("1.234"), RP, c)), dec!(1234));
            assert_eq!(val(read(&text("1,234"), RP, c)), dec!(1234));
        }
        // Performance figures: the file's mark decides, or it is refused.
        assert_eq!(
            val(read(&text("1.234"), K, Convention::English)),
            dec!(1.234)
        );
        assert_eq!(
            val(read(&text("1,234"), K, Convention::English)),
            dec!(1234)
        );
        assert_eq!(
            val(read(&text("1.234"), K, Convention::Indonesian)),
            dec!(1234)
        );
        assert_eq!(
            val(read(&text("1,234"), K, Convention::Indonesian)),
            dec!(1.234)
        );
        assert_eq!(
            read(&text("1.234"), K, Convention::Unknown),
            Reading::Bad(BadNumber::Ambiguous("1.234".into()))
        );
        // A leading zero is never a thousands group.
        assert_eq!(
            val(read(&text("0.250"), K, Convention::Unknown)),
            dec!(0.25)
        );
    }

    #[test]
    fn the_file_decides_by_its_unambiguous_numbers() {
        let mut e = Evidence::default();
        assert_eq!(e.convention(), Convention::Unknown);
        e.add(&text("70.85"));
        assert_eq!(e.convention(), Convention::English, "a decimal dot alone");
        for _ in 0..9 {
            e.add(&text("15,000,000.00"));
        }
        e.add(&text("81,00"));
        assert_eq!(e.convention(), Convention::English, "nine in ten");
        e.add(&text("1.234.567"));
        assert_eq!(e.convention(), Convention::Unknown, "mixed");
        let mut id = Evidence::default();
        id.add(&text("3.500.000,00"));
        id.add(&text("70.85"));
        assert_eq!(id.convention(), Convention::Indonesian);
    }

    #[test]
    fn refused_like_set_refuses() {
        let u = Convention::Unknown;
        let refused = |r: Reading| match r {
            Reading::Bad(BadNumber::Refused(_, e)) => e,
            other => panic!("{other:?}"),
        };
        assert_eq!(refused(read(&text("-5"), K, u)), ParseFigureError::Negative);
        assert_eq!(
            refused(read(&text("-1.500,00"), RP, u)),
            ParseFigureError::Negative
        );
        assert_eq!(
            refused(read(&text("12345.678"), RP, Convention::English)),
            ParseFigureError::TooManyDecimals { max: 2 },
            "five digits before the mark: not a thousands group"
        );
        assert_eq!(
            refused(read(&text("1.5001"), RP, u)),
            ParseFigureError::TooManyDecimals { max: 2 }
        );
        assert_eq!(
            refused(read(&text("2000000000000000"), RP, u)),
            ParseFigureError::TooLarge
        );
        assert_eq!(
            refused(read(&Cell::Number(-3.0), K, u)),
            ParseFigureError::Negative
        );
        assert!(matches!(
            read(&text("79,56 (BB)"), K, u),
            Reading::Bad(BadNumber::NotANumber(_))
        ));
        assert!(matches!(
            read(&text("1,2,3.4.5"), K, u),
            Reading::Bad(BadNumber::NotANumber(_))
        ));
        assert!(matches!(
            read(&text("#REF!"), K, u),
            Reading::Bad(BadNumber::ErrorValue(_))
        ));
        assert!(matches!(
            read(&Cell::Error("#DIV/0!".into()), K, u),
            Reading::Bad(BadNumber::ErrorValue(_))
        ));
        assert!(matches!(
            read(&Cell::Date("2023-12-01".into()), K, u),
            Reading::Bad(BadNumber::Date(_))
        ));
    }

    #[test]
    fn numeric_cells_read_as_excel_shows_them() {
        let u = Convention::Unknown;
        assert_eq!(val(read(&Cell::Number(0.1 + 0.2), K, u)), dec!(0.3));
        assert_eq!(val(read(&Cell::Number(70.85), K, u)), dec!(70.85));
        assert_eq!(
            val(read(&Cell::Number(2664510688.0), RP, u)),
            dec!(2664510688)
        );
        assert_eq!(
            val(read(&Cell::Number(1234567.89), RP, u)),
            dec!(1234567.89)
        );
        // 14 360 300,10 + 0,2 in binary: 14360300.299999999 → 14360300,3.
        assert_eq!(
            val(read(&Cell::Number(14360300.1 + 0.2), RP, u)),
            dec!(14360300.3)
        );
        assert_eq!(val(read(&Cell::Int(21), K, u)), dec!(21));
        // A third of something is not a figure anyone typed.
        assert!(matches!(
            read(&Cell::Number(1.0 / 3.0), RP, u),
            Reading::Bad(BadNumber::Refused(
                _,
                ParseFigureError::TooManyDecimals { max: 2 }
            ))
        ));
        assert!(matches!(
            read(&Cell::Number(1e-30), K, u),
            Reading::Bad(BadNumber::Refused(
                _,
                ParseFigureError::TooManyDecimals { .. }
            ))
        ));
        assert!(matches!(
            read(&Cell::Number(1e300), K, u),
            Reading::Bad(BadNumber::Refused(_, ParseFigureError::TooLarge))
        ));
        assert!(matches!(
            read(&Cell::Number(f64::NAN), K, u),
            Reading::Bad(BadNumber::NotANumber(_))
        ));
    }

    /// `1,234,567.89` and `1.234.567,89` of a value with `dp` decimals.
    fn both_ways(v: Decimal, dp: u32) -> (String, String) {
        let mut r = v;
        r.rescale(dp);
        let plain = r.to_string();
        let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
        let group = |sep: char| {
            let mut out = String::new();
            for (i, ch) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push(sep);
                }
                out.push(ch);
            }
            out
        };
        let (en, id) = (group(','), group('.'));
        if frac.is_empty() {
            (en, id)
        } else {
            (format!("{en}.{frac}"), format!("{id},{frac}"))
        }
    }

    proptest::proptest! {
        /// Any Rupiah figure written either way, or as the double Excel keeps, reads back as
        /// itself.
        #[test]
        fn rupiah_reads_back_in_every_notation(cents in 0i64..100_000_000_000_000, dp in 0u32..=2) {
            let v = Decimal::new(cents, 2).round_dp(dp);
            let (en, id) = both_ways(v, dp);
            proptest::prop_assert_eq!(val(read(&text(&en), RP, Convention::English)), v.normalize());
            proptest::prop_assert_eq!(val(read(&text(&id), RP, Convention::Indonesian)), v.normalize());
            let f: f64 = v.to_string().parse().unwrap();
            proptest::prop_assert_eq!(val(read(&Cell::Number(f), RP, Convention::Unknown)), v.normalize());
        }

        /// Performance figures with up to four decimals, likewise, in a file whose other numbers
        /// tell its convention.
        #[test]
        fn performance_figures_read_back_in_every_notation(units in 0i64..10_000_000_000, dp in 0u32..=4) {
            let v = Decimal::new(units, 4).round_dp(dp);
            let (en, id) = both_ways(v, dp);
            proptest::prop_assert_eq!(val(read(&text(&en), K, Convention::English)), v.normalize());
            proptest::prop_assert_eq!(val(read(&text(&id), K, Convention::Indonesian)), v.normalize());
            let f: f64 = v.to_string().parse().unwrap();
            proptest::prop_assert_eq!(val(read(&Cell::Number(f), K, Convention::Unknown)), v.normalize());
        }
    }
}
