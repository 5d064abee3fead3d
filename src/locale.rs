//! Language of the interface (Bahasa Indonesia by default, English on request) and the
//! Indonesian number format used in both: `1.234.567,89`, `Rp 2.664.510.688`, `91,81 %`.
//!
//! Used by the front-ends and the exports; stands only on `model` (the words for its terms).
//! The words for the tree's levels and for refused changes are in `change`.

mod change;
mod describe;
mod note;

pub use change::{code_error, objection, refusal, removal, text_error, text_kind};
pub use describe::change as describe_change;
pub use note::{lock_lines, locked_quarters, moment, note_part, verified_by};

use crate::model::{EditRefusal, Field, NodeKind, Quarter, Rating};
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

pub use crate::model::FigureKind;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Bahasa Indonesia
    #[default]
    Id,
    /// English
    En,
}

impl Lang {
    /// Picks the Indonesian or the English text.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The level's name as the reports and the interface write it: "Sub Kegiatan",
    /// "Sub-activity".
    pub fn kind(self, k: NodeKind) -> &'static str {
        match k {
            NodeKind::Visi => self.pick("Visi", "Vision"),
            NodeKind::Misi => self.pick("Misi", "Mission"),
            NodeKind::Tujuan => self.pick("Tujuan", "Goal"),
            NodeKind::Sasaran => self.pick("Sasaran", "Target"),
            NodeKind::Program => "Program",
            NodeKind::Kegiatan => self.pick("Kegiatan", "Activity"),
            NodeKind::SubKegiatan => self.pick("Sub Kegiatan", "Sub-activity"),
        }
    }

    pub fn rating(self, r: Rating) -> &'static str {
        match (self, r) {
            (Lang::Id, Rating::SangatTinggi) => "Sangat Tinggi",
            (Lang::Id, Rating::Tinggi) => "Tinggi",
            (Lang::Id, Rating::Sedang) => "Sedang",
            (Lang::Id, Rating::Rendah) => "Rendah",
            (Lang::Id, Rating::SangatRendah) => "Sangat Rendah",
            (Lang::En, Rating::SangatTinggi) => "Very high",
            (Lang::En, Rating::Tinggi) => "High",
            (Lang::En, Rating::Sedang) => "Medium",
            (Lang::En, Rating::Rendah) => "Low",
            (Lang::En, Rating::SangatRendah) => "Very low",
        }
    }
}

/// A quarter by name: `TW III` (triwulan) in Indonesian, `Q III` in English.
pub fn quarter(q: Quarter, lang: Lang) -> String {
    format!("{} {q}", lang.pick("TW", "Q"))
}

/// "s.d. TW III" / "to Q III": up to and including a quarter.
pub fn to_quarter(q: Quarter, lang: Lang) -> String {
    format!("{} {}", lang.pick("s.d.", "to"), quarter(q, lang))
}

/// Rounds half away from zero to `dp` decimals (display only; computation stays exact).
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Writes `d` with exactly `dp` decimals in Indonesian format.
pub fn fixed(d: Decimal, dp: u32) -> String {
    let mut r = round(d, dp);
    r.rescale(dp);
    group(&r.to_string())
}

/// A figure as typed: no trailing zeros, Indonesian separators (`70,85`, `3.162`, `0,25`).
pub fn figure(d: Decimal) -> String {
    group(&d.normalize().to_string())
}

/// How many decimals a Rupiah amount shows: none for whole Rupiah, two when there are sen
/// (after rounding to the sen). The one rule for every format (text, tables, xlsx).
pub fn rupiah_decimals(d: Decimal) -> u32 {
    if round(d, 2).fract().is_zero() { 0 } else { 2 }
}

/// A Rupiah amount without the currency: `2.664.510.688`, `1.234.567,50`.
pub fn rupiah_amount(d: Decimal) -> String {
    fixed(d, rupiah_decimals(d))
}

/// `Rp 2.664.510.688`, with `,50` only when there are sen.
pub fn rupiah(d: Decimal) -> String {
    format!("Rp {}", rupiah_amount(d))
}

/// `91,81 %`
pub fn percent(d: Decimal) -> String {
    format!("{} %", fixed(d, 2))
}

/// A percentage or "—" when undefined.
pub fn percent_or_dash(d: Option<Decimal>) -> String {
    d.map(percent).unwrap_or_else(|| "—".into())
}

pub fn figure_or_dash(d: Option<Decimal>) -> String {
    d.map(figure).unwrap_or_else(|| "—".into())
}

pub fn rupiah_or_dash(d: Option<Decimal>) -> String {
    d.map(rupiah).unwrap_or_else(|| "—".into())
}

/// Turns `-1234567.89` (Rust's notation) into `-1.234.567,89`.
fn group(plain: &str) -> String {
    let (sign, rest) = plain.strip_prefix('-').map_or(("", plain), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(plain.len() + int.len() / 3 + 1);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
    }
    out
}

/// A figure as its kind is shown: `Rp 10.697.000` or `1.235`; "—" when not entered.
pub fn value_or_dash(kind: FigureKind, d: Option<Decimal>) -> String {
    match kind {
        FigureKind::Rupiah => rupiah_or_dash(d),
        FigureKind::Kinerja => figure_or_dash(d),
    }
}

/// "realisasi TW III", "target tahun", "pagu", "realisasi Rp TW II": a figure slot by name.
pub fn field_label(field: Field, lang: Lang) -> String {
    match field {
        Field::Target(_) => lang.pick("target tahun", "year target").into(),
        Field::Realisasi(_, q) => {
            format!("{} {}", lang.pick("realisasi", "actual"), quarter(q, lang))
        }
        Field::Rencana(_, q) => format!("{} {}", lang.pick("rencana", "plan"), quarter(q, lang)),
        Field::TargetPkMurni(_) => lang.pick("target PK murni", "original PK target").into(),
        Field::TargetPkPerubahan(_) => lang.pick("target PK perubahan", "revised PK target").into(),
        Field::RenstraTarget(_, y) => {
            format!("{} {y}", lang.pick("target Renstra", "Renstra target"))
        }
        Field::RenstraAkhir(_) => lang
            .pick("target akhir Renstra", "Renstra end target")
            .into(),
        Field::Riwayat(_, y) => format!("{} {y}", lang.pick("realisasi", "actual")),
        Field::Pagu => "pagu".into(),
        Field::PaguMurni => lang.pick("pagu murni", "original pagu").into(),
        Field::Rp(q) => format!(
            "{} {}",
            lang.pick("realisasi Rp", "spent Rp"),
            quarter(q, lang)
        ),
        Field::RealisasiTahun => lang
            .pick("realisasi Rp menurut LRA", "spent Rp per LRA")
            .into(),
        Field::RenstraAkhirRp => lang
            .pick("anggaran akhir Renstra", "Renstra end budget")
            .into(),
        Field::RenstraRealisasiRp => lang
            .pick(
                "realisasi Rp Renstra s.d. tahun lalu",
                "Renstra spending to last year",
            )
            .into(),
    }
}

/// Why a figure slot cannot be typed into, in one line.
pub fn edit_refusal(r: &EditRefusal, lang: Lang) -> String {
    match r {
        EditRefusal::NoNode { kode } => format!(
            "{} «{kode}»",
            lang.pick("tidak ada node berkode", "no node with kode")
        ),
        EditRefusal::NoIndicator {
            kode,
            count,
            number,
        } => format!(
            "«{kode}» {} {count} {}; {} {number}",
            lang.pick("punya", "has"),
            lang.pick("indikator", "indicator(s)"),
            lang.pick("tidak ada indikator", "there is no indicator"),
        ),
        EditRefusal::NoBudget { kode } => format!(
            "«{kode}» {}",
            lang.pick("tidak punya anggaran", "has no budget")
        ),
        EditRefusal::DerivedBudget { .. } => lang
            .pick(
                "anggaran node ini dijumlah dari node di bawahnya; ubah Rp pada Sub Kegiatan",
                "this node's budget is the sum of the nodes below it; change Rp on a Sub Kegiatan",
            )
            .into(),
    }
}

/// Anything above this is a typing slip, not a figure (a thousand trillion Rupiah).
pub const MAX_FIGURE: Decimal = rust_decimal::dec!(1_000_000_000_000_000);

/// Why typed text is not a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseFigureError {
    Empty,
    NotANumber(String),
    Negative,
    TooManyDecimals {
        max: u32,
    },
    TooLarge,
    /// A `+` sign (figures have no sign; see [`read_entry`]).
    Sign,
    /// A comma or dot with no digit before it (`,5`) or after it (`1,`) (see [`read_entry`]).
    LoneSeparator,
    /// `70.850` for a percentage, an index or a score: thousands or decimals? Both readings.
    Ambiguous {
        thousands: Decimal,
        decimal: Decimal,
    },
    /// A percentage over [`MAX_PERCENT`].
    PercentTooLarge,
}

/// Above this a percentage is a typing slip (capaian over 100 % is kept as computed, but no
/// typed share runs past a thousand percent).
pub const MAX_PERCENT: Decimal = rust_decimal::dec!(1000);

/// How an indicator's unit (its `satuan`) is read: a share, a level on a scale (an index, a
/// score), or anything else (counts: dokumen, laporan, orang…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Percent,
    Scale,
    Other,
}

/// The one list of units that are percentages, indices or scores. A unit is matched by its
/// words, any case: `%`, `persen`, `persentase`, `percent` are shares; `indeks`, `index`,
/// `nilai`, `skor`, `score`, `poin`, `point`, `skala` are levels.
pub fn unit_kind(satuan: &str) -> UnitKind {
    let lower = satuan.to_lowercase();
    if lower.contains('%') {
        return UnitKind::Percent;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if has(&[
        "persen",
        "persentase",
        "prosentase",
        "percent",
        "percentage",
    ]) {
        UnitKind::Percent
    } else if has(&[
        "indeks", "index", "nilai", "skor", "score", "poin", "point", "skala",
    ]) {
        UnitKind::Scale
    } else {
        UnitKind::Other
    }
}

/// Reads a figure a person typed for a slot of `kind` whose unit is `satuan` (an indicator's;
/// `None` for Rupiah): the notation of [`read_figure`] (so `-`, `kosong` and `blank` clear
/// it), with what could be misread refused in one line:
/// - a sign (`+5`, `-0`: figures have none) and a lone separator (`,5`, `1,`, `.5`, `5.`);
/// - for a percentage, an index or a score ([`unit_kind`]), a single dot followed by exactly
///   three digits (`70.850`: 70850 by the Indonesian reading, 70,85 by the English one), with
///   both readings given;
/// - a percentage over [`MAX_PERCENT`];
/// - Rupiah with more than two decimals (as [`parse_figure`]).
///
/// The command line's `set` and the interface's editor both read typed figures here.
pub fn read_entry(
    text: &str,
    kind: FigureKind,
    satuan: Option<&str>,
) -> Result<Option<Decimal>, ParseFigureError> {
    let body = entry_body(text);
    if matches!(
        text.trim().to_lowercase().as_str(),
        "-" | "kosong" | "blank"
    ) {
        return Ok(None);
    }
    if body.starts_with('+') {
        return Err(ParseFigureError::Sign);
    }
    if let Some(rest) = body.strip_prefix('-')
        && !rest.is_empty()
    {
        // "-0" is no negative figure, only a sign that says nothing.
        return Err(if rest.chars().all(|c| matches!(c, '0' | ',' | '.')) {
            ParseFigureError::Sign
        } else {
            ParseFigureError::Negative
        });
    }
    let lone = |c: Option<char>| matches!(c, Some(',' | '.'));
    if !body.is_empty() && (lone(body.chars().next()) || lone(body.chars().last())) {
        return Err(ParseFigureError::LoneSeparator);
    }
    let unit = satuan.map_or(UnitKind::Other, unit_kind);
    if kind == FigureKind::Kinerja
        && unit != UnitKind::Other
        && let Some((int, frac)) = body.split_once('.')
        && !body.contains(',')
        && !frac.contains('.')
        && frac.len() == 3
        && (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
    {
        let digits = |s: &str| s.parse::<Decimal>().ok();
        if let (Some(thousands), Some(decimal)) = (
            digits(&format!("{int}{frac}")),
            digits(&format!("{int}.{frac}")),
        ) {
            return Err(ParseFigureError::Ambiguous {
                thousands,
                decimal: decimal.normalize(),
            });
        }
    }
    let value = parse_figure(text, kind)?;
    if unit == UnitKind::Percent && kind == FigureKind::Kinerja && value > MAX_PERCENT {
        return Err(ParseFigureError::PercentTooLarge);
    }
    Ok(Some(value))
}

/// The figure of typed text without what [`parse_figure`] strips around it (`Rp`, `,-`, `%`,
/// spaces).
fn entry_body(text: &str) -> String {
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
    s
}

/// A figure as it was read, with its unit, so that no one can read it two ways:
/// `70,85 indeks`, `1.300 laporan`, `91,81 %`, `Rp 3.540.000`; "—" when cleared.
pub fn entry_echo(kind: FigureKind, value: Option<Decimal>, satuan: Option<&str>) -> String {
    match (kind, value, satuan.map(str::trim).filter(|s| !s.is_empty())) {
        // The unit is a name from the file: shown with its control characters as escapes.
        (FigureKind::Kinerja, Some(v), Some(unit)) => {
            format!("{} {}", figure(v), crate::text::visible(unit))
        }
        _ => value_or_dash(kind, value),
    }
}

impl ParseFigureError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Empty, Lang::Id) => "angka kosong".into(),
            (Self::Empty, Lang::En) => "the figure is empty".into(),
            (Self::NotANumber(_), Lang::Id) => {
                "bukan angka; tulis misalnya 1.234.567,89 atau 1234567.89".into()
            }
            (Self::NotANumber(_), Lang::En) => {
                "not a number; write e.g. 1.234.567,89 or 1234567.89".into()
            }
            (Self::Negative, Lang::Id) => "angka tidak boleh negatif".into(),
            (Self::Negative, Lang::En) => "the figure cannot be negative".into(),
            (Self::TooManyDecimals { max }, Lang::Id) => {
                format!("paling banyak {max} angka di belakang koma")
            }
            (Self::TooManyDecimals { max }, Lang::En) => {
                format!("at most {max} decimals")
            }
            (Self::TooLarge, Lang::Id) => "angka terlalu besar (di atas 1.000 triliun)".into(),
            (Self::TooLarge, Lang::En) => "the figure is too large (over 10^15)".into(),
            (Self::Sign, Lang::Id) => "tanpa tanda + atau −; tulis angkanya saja".into(),
            (Self::Sign, Lang::En) => "no + or − sign; type the figure alone".into(),
            (Self::LoneSeparator, Lang::Id) => {
                "koma atau titik perlu angka di kedua sisinya (0,5 bukan ,5; 1 bukan 1,)".into()
            }
            (Self::LoneSeparator, Lang::En) => {
                "a comma or dot needs digits on both sides (0,5 not ,5; 1 not 1,)".into()
            }
            (Self::Ambiguous { thousands, decimal }, Lang::Id) => format!(
                "ambigu: {} (ribuan) atau {} (desimal)? Tulis {} atau {}",
                figure(*thousands),
                figure(*decimal),
                thousands.normalize(),
                figure(*decimal)
            ),
            (Self::Ambiguous { thousands, decimal }, Lang::En) => format!(
                "ambiguous: {} (thousands) or {} (decimals)? Type {} or {}",
                figure(*thousands),
                figure(*decimal),
                thousands.normalize(),
                figure(*decimal)
            ),
            (Self::PercentTooLarge, Lang::Id) => "persentase di atas 1.000 %".into(),
            (Self::PercentTooLarge, Lang::En) => "a percentage over 1.000 %".into(),
        }
    }
}

impl fmt::Display for ParseFigureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Id))
    }
}

impl std::error::Error for ParseFigureError {}

/// Reads a figure typed by a person, in Indonesian or plain notation.
///
/// Accepted: `1.234.567,89`, `1234567,89`, `1234567.89`, `0,25`, `Rp 15.000.000`, `91,81 %`.
/// A comma is always the decimal mark; dots are then thousands separators. Without a comma,
/// a dot followed by exactly three digits in groups (`1.234`, `2.664.510.688`) is read as
/// thousands, as an Indonesian reader would; any other single dot is the decimal mark
/// (`70.85`, `0.25`).
pub fn parse_figure(text: &str, kind: FigureKind) -> Result<Decimal, ParseFigureError> {
    let mut s: String = text.trim().to_string();
    if s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp")) {
        s = s[2..].trim_start_matches('.').trim().to_string();
    }
    // "Rp 15.000.000,-": the dash says "no sen".
    if let Some(rest) = s.strip_suffix(",-") {
        s = rest.trim_end().to_string();
    }
    if let Some(rest) = s.strip_suffix('%') {
        s = rest.trim().to_string();
    }
    s.retain(|c| c != ' ' && c != '\u{a0}');
    if s.is_empty() {
        return Err(ParseFigureError::Empty);
    }
    let not_a_number = || ParseFigureError::NotANumber(text.trim().to_string());
    let (negative, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_a_number());
    }
    let (int_part, frac_part) = match body.matches(',').count() {
        0 => {
            let groups: Vec<&str> = body.split('.').collect();
            // No one writes a thousands group after a leading zero: "0.250" is a quarter.
            let thousands = groups.len() > 1
                && (1..=3).contains(&groups[0].len())
                && !groups[0].starts_with('0')
                && groups[1..].iter().all(|g| g.len() == 3);
            if thousands {
                (groups.concat(), String::new())
            } else if groups.len() == 2 {
                (groups[0].to_string(), groups[1].to_string())
            } else if groups.len() == 1 {
                (body.to_string(), String::new())
            } else {
                return Err(not_a_number());
            }
        }
        1 => {
            let (int, frac) = body.split_once(',').expect("one comma");
            let groups: Vec<&str> = int.split('.').collect();
            let grouped_ok = groups.len() == 1
                || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
            if !grouped_ok || frac.contains('.') {
                return Err(not_a_number());
            }
            (groups.concat(), frac.to_string())
        }
        _ => return Err(not_a_number()),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(not_a_number());
    }
    let max_dp = kind.max_decimals();
    if frac_part.len() > max_dp as usize {
        return Err(ParseFigureError::TooManyDecimals { max: max_dp });
    }
    let int_part = if int_part.is_empty() { "0" } else { &int_part };
    // Keep a value short enough for Decimal before parsing (28 digits).
    if int_part.trim_start_matches('0').len() > 16 {
        return Err(ParseFigureError::TooLarge);
    }
    let plain = if frac_part.is_empty() {
        int_part.to_string()
    } else {
        format!("{int_part}.{frac_part}")
    };
    let value: Decimal = plain.parse().map_err(|_| not_a_number())?;
    if negative && !value.is_zero() {
        return Err(ParseFigureError::Negative);
    }
    if value > MAX_FIGURE {
        return Err(ParseFigureError::TooLarge);
    }
    Ok(value)
}

/// Reads a figure typed for a slot of `kind`: `-`, `kosong` or `blank` clears it back to "not
/// entered" (which is not zero); anything else must be a figure ([`parse_figure`]). Empty text
/// is refused here (on a command line it is more likely an empty variable than a wish); the
/// interface's editor treats an emptied field as "clear" before calling this.
pub fn read_figure(text: &str, kind: FigureKind) -> Result<Option<Decimal>, ParseFigureError> {
    if matches!(
        text.trim().to_lowercase().as_str(),
        "-" | "kosong" | "blank"
    ) {
        return Ok(None);
    }
    parse_figure(text, kind).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn formats_like_the_report() {
        assert_eq!(rupiah(dec!(2664510688)), "Rp 2.664.510.688");
        assert_eq!(rupiah(dec!(1234567.5)), "Rp 1.234.567,50");
        assert_eq!(percent(dec!(91.805)), "91,81 %");
        assert_eq!(percent(dec!(632.4)), "632,40 %");
        assert_eq!(figure(dec!(70.850)), "70,85");
        assert_eq!(figure(dec!(3162)), "3.162");
        assert_eq!(figure(dec!(0.25)), "0,25");
        assert_eq!(fixed(dec!(-1234.5), 2), "-1.234,50");
        assert_eq!(fixed(dec!(999), 0), "999");
        assert_eq!(fixed(dec!(100000), 0), "100.000");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(percent(dec!(94.465)), "94,47 %");
        assert_eq!(percent(dec!(94.4649)), "94,46 %");
        assert_eq!(fixed(dec!(-0.005), 2), "-0,01");
    }

    #[test]
    fn parses_both_notations() {
        let k = FigureKind::Kinerja;
        let rp = FigureKind::Rupiah;
        assert_eq!(parse_figure("1.234.567,89", rp), Ok(dec!(1234567.89)));
        assert_eq!(parse_figure("1234567.89", rp), Ok(dec!(1234567.89)));
        assert_eq!(parse_figure("1234567,89", rp), Ok(dec!(1234567.89)));
        assert_eq!(parse_figure("Rp 15.000.000", rp), Ok(dec!(15000000)));
        assert_eq!(parse_figure("Rp. 920.000", rp), Ok(dec!(920000)));
        assert_eq!(parse_figure("Rp 15.000.000,-", rp), Ok(dec!(15000000)));
        assert_eq!(parse_figure("RP 15.000", rp), Ok(dec!(15000)));
        assert_eq!(parse_figure("70,85", k), Ok(dec!(70.85)));
        assert_eq!(parse_figure("70.85", k), Ok(dec!(70.85)));
        assert_eq!(parse_figure("0,25", k), Ok(dec!(0.25)));
        assert_eq!(parse_figure(",5", k), Ok(dec!(0.5)));
        assert_eq!(parse_figure("3.162", k), Ok(dec!(3162)));
        assert_eq!(parse_figure("0.250", k), Ok(dec!(0.25)));
        assert_eq!(parse_figure("0.125", k), Ok(dec!(0.125)));
        assert_eq!(
            parse_figure("0.250", rp),
            Err(ParseFigureError::TooManyDecimals { max: 2 })
        );
        assert_eq!(parse_figure("91,81 %", k), Ok(dec!(91.81)));
        assert_eq!(parse_figure(" 12 ", k), Ok(dec!(12)));
    }

    #[test]
    fn refuses_what_is_not_a_figure() {
        let k = FigureKind::Kinerja;
        let rp = FigureKind::Rupiah;
        assert_eq!(parse_figure("", k), Err(ParseFigureError::Empty));
        assert!(matches!(
            parse_figure("12a", k),
            Err(ParseFigureError::NotANumber(_))
        ));
        assert!(matches!(
            parse_figure("1,2,3", k),
            Err(ParseFigureError::NotANumber(_))
        ));
        assert!(matches!(
            parse_figure("1.23.4", k),
            Err(ParseFigureError::NotANumber(_))
        ));
        assert!(matches!(
            parse_figure("12.34,5.6", k),
            Err(ParseFigureError::NotANumber(_))
        ));
        assert!(matches!(
            parse_figure("1e5", k),
            Err(ParseFigureError::NotANumber(_))
        ));
        assert!(matches!(
            parse_figure("-", k),
            Err(ParseFigureError::NotANumber(_))
        ));
        assert_eq!(parse_figure("-5", k), Err(ParseFigureError::Negative));
        assert_eq!(
            parse_figure("1,234", rp),
            Err(ParseFigureError::TooManyDecimals { max: 2 })
        );
        assert_eq!(
            parse_figure("1000000000000001", rp),
            Err(ParseFigureError::TooLarge)
        );
        assert_eq!(
            parse_figure("99999999999999999999999999999", rp),
            Err(ParseFigureError::TooLarge)
        );
    }

    #[test]
    fn clearing_words_clear_and_empty_text_is_refused() {
        let k = FigureKind::Kinerja;
        for clear in ["-", "kosong", " Blank ", "KOSONG"] {
            assert_eq!(read_figure(clear, k), Ok(None), "{clear}");
        }
        assert_eq!(read_figure("", k), Err(ParseFigureError::Empty));
        assert_eq!(read_figure("1.300", k), Ok(Some(dec!(1300))));
        assert_eq!(
            read_figure("10.697.000,505", FigureKind::Rupiah),
            Err(ParseFigureError::TooManyDecimals { max: 2 })
        );
    }

    #[test]
    fn units_that_are_shares_or_levels() {
        for unit in ["%", "persen", "Persentase (%)", "percent"] {
            assert_eq!(unit_kind(unit), UnitKind::Percent, "{unit}");
        }
        for unit in [
            "indeks",
            "Indeks",
            "nilai",
            "skor",
            "poin",
            "index",
            "nilai SAKIP",
        ] {
            assert_eq!(unit_kind(unit), UnitKind::Scale, "{unit}");
        }
        for unit in [
            "dokumen",
            "laporan",
            "orang/bulan",
            "pelayanan",
            "paket",
            "unit",
            "",
        ] {
            assert_eq!(unit_kind(unit), UnitKind::Other, "{unit}");
        }
    }

    #[test]
    fn a_typed_figure_that_reads_two_ways_is_refused_with_both_readings() {
        let k = FigureKind::Kinerja;
        // IP ASN 70,85 indeks (seed, TW IV) typed the English way: 70850 or 70,85?
        for unit in ["indeks", "%", "nilai", "skor"] {
            assert_eq!(
                read_entry("70.850", k, Some(unit)),
                Err(ParseFigureError::Ambiguous {
                    thousands: dec!(70850),
                    decimal: dec!(70.85),
                }),
                "{unit}"
            );
        }
        let message = ParseFigureError::Ambiguous {
            thousands: dec!(70850),
            decimal: dec!(70.85),
        }
        .message(Lang::Id);
        assert!(
            message.contains("70.850") && message.contains("70,85"),
            "{message}"
        );
        // Written without doubt, it is read.
        assert_eq!(
            read_entry("70,85", k, Some("indeks")),
            Ok(Some(dec!(70.85)))
        );
        assert_eq!(
            read_entry("70.85", k, Some("indeks")),
            Ok(Some(dec!(70.85)))
        );
        assert_eq!(read_entry("0.250", k, Some("%")), Ok(Some(dec!(0.25))));
        assert_eq!(
            read_entry("70850", k, Some("indeks")),
            Ok(Some(dec!(70850)))
        );
        // A count: 1.300 laporan is thousands (seed E-81: 1.235 layanan in TW III).
        assert_eq!(
            read_entry("1.300", k, Some("laporan")),
            Ok(Some(dec!(1300)))
        );
        // Two groups can only be thousands: refused for a share by its size, not its form.
        assert_eq!(
            read_entry("1.234.567", k, Some("%")),
            Err(ParseFigureError::PercentTooLarge)
        );
    }

    #[test]
    fn signs_lone_separators_and_absurd_shares_are_refused() {
        let k = FigureKind::Kinerja;
        let rp = FigureKind::Rupiah;
        assert_eq!(read_entry("+5", k, None), Err(ParseFigureError::Sign));
        assert_eq!(read_entry("-0", k, None), Err(ParseFigureError::Sign));
        assert_eq!(read_entry("-5", k, None), Err(ParseFigureError::Negative));
        for text in [",5", "1,", ".5", "5.", "Rp ,50"] {
            assert_eq!(
                read_entry(text, rp, None),
                Err(ParseFigureError::LoneSeparator),
                "{text}"
            );
        }
        assert_eq!(
            read_entry("1000,01", k, Some("%")),
            Err(ParseFigureError::PercentTooLarge)
        );
        assert_eq!(read_entry("1000", k, Some("%")), Ok(Some(dec!(1000))));
        // A count has no such ceiling (the seed's 1.235 layanan).
        assert_eq!(read_entry("1200", k, Some("laporan")), Ok(Some(dec!(1200))));
        assert_eq!(
            read_entry("Rp 1.000,505", rp, None),
            Err(ParseFigureError::TooManyDecimals { max: 2 })
        );
        assert_eq!(
            read_entry("Rp 3.540.000", rp, None),
            Ok(Some(dec!(3540000)))
        );
        for clear in ["-", "kosong", "blank"] {
            assert_eq!(read_entry(clear, k, Some("%")), Ok(None));
        }
        for e in [
            ParseFigureError::Sign,
            ParseFigureError::LoneSeparator,
            ParseFigureError::PercentTooLarge,
        ] {
            for lang in [Lang::Id, Lang::En] {
                assert!(!e.message(lang).contains('\n'));
            }
        }
    }

    #[test]
    fn an_accepted_figure_is_echoed_with_its_unit() {
        let k = FigureKind::Kinerja;
        assert_eq!(
            entry_echo(k, Some(dec!(70.85)), Some("indeks")),
            "70,85 indeks"
        );
        assert_eq!(
            entry_echo(k, Some(dec!(1300)), Some("laporan")),
            "1.300 laporan"
        );
        assert_eq!(entry_echo(k, Some(dec!(91.81)), Some("%")), "91,81 %");
        assert_eq!(entry_echo(k, None, Some("%")), "—");
        assert_eq!(
            entry_echo(FigureKind::Rupiah, Some(dec!(3540000)), None),
            "Rp 3.540.000"
        );
    }

    #[test]
    fn every_figure_slot_has_a_name_of_its_own_in_both_languages() {
        use crate::model::Quarter;
        let fields = [
            Field::Target(0),
            Field::Realisasi(0, Quarter::III),
            Field::Rencana(0, Quarter::III),
            Field::TargetPkMurni(0),
            Field::TargetPkPerubahan(0),
            Field::RenstraTarget(0, 2024),
            Field::RenstraAkhir(0),
            Field::Riwayat(0, 2024),
            Field::Pagu,
            Field::PaguMurni,
            Field::Rp(Quarter::III),
            Field::RealisasiTahun,
        ];
        for lang in [Lang::Id, Lang::En] {
            let labels: Vec<String> = fields.iter().map(|f| field_label(*f, lang)).collect();
            let mut distinct = labels.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), fields.len(), "{lang:?}: {labels:?}");
        }
        assert_eq!(
            field_label(Field::Realisasi(0, Quarter::III), Lang::Id),
            "realisasi TW III"
        );
        assert_eq!(
            field_label(Field::Rp(Quarter::II), Lang::En),
            "spent Rp Q II"
        );
        assert_eq!(
            field_label(Field::Riwayat(0, 2022), Lang::Id),
            "realisasi 2022"
        );
        assert_eq!(
            field_label(Field::RenstraTarget(0, 2026), Lang::En),
            "Renstra target 2026"
        );
        assert_eq!(
            value_or_dash(FigureKind::Rupiah, Some(dec!(933500))),
            "Rp 933.500"
        );
        assert_eq!(
            value_or_dash(FigureKind::Kinerja, Some(dec!(70.85))),
            "70,85"
        );
        assert_eq!(value_or_dash(FigureKind::Kinerja, None), "—");
    }

    #[test]
    fn refusals_are_one_line_and_name_the_node() {
        let refusals = [
            EditRefusal::NoNode {
                kode: "9.99".into(),
            },
            EditRefusal::NoIndicator {
                kode: "7.01.02".into(),
                count: 1,
                number: 5,
            },
            EditRefusal::NoBudget {
                kode: "SASARAN-1".into(),
            },
            EditRefusal::DerivedBudget {
                kode: "7.01.02".into(),
            },
        ];
        for lang in [Lang::Id, Lang::En] {
            for r in &refusals {
                let m = edit_refusal(r, lang);
                assert!(!m.contains('\n') && !m.is_empty(), "{m}");
            }
        }
        assert_eq!(
            edit_refusal(&refusals[1], Lang::Id),
            "«7.01.02» punya 1 indikator; tidak ada indikator 5"
        );
        assert_eq!(
            edit_refusal(&refusals[2], Lang::En),
            "«SASARAN-1» has no budget"
        );
    }
}
