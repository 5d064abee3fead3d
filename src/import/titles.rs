//! What the title rows above a sheet's header say: the year the sheet is for, and the quarter
//! an LRA's realisation runs to (`s.d. TW II`, `BULAN : DESEMBER 2023`).

use super::layout::{Recognised, quarter_in};
use super::number::{self, Convention, Reading};
use super::read::{At, Cell, Sheet};
use crate::locale::FigureKind;
use crate::model::Quarter;

/// The first year a title names when none of the years it names is `tahun`, with its cell.
pub fn wrong_year(sheet: &Sheet, rec: &Recognised, tahun: i32) -> Option<(i32, At)> {
    let mut first = None;
    for r in 0..rec.header_start {
        for (c, cell) in sheet.rows[r].iter().enumerate() {
            let years = match cell {
                Cell::Text(t) => years_in(t),
                Cell::Int(_) | Cell::Number(_) => {
                    match number::read(cell, FigureKind::Kinerja, Convention::Unknown) {
                        Reading::Value(v) if v.fract().is_zero() => i32::try_from(v.mantissa())
                            .ok()
                            .filter(|y| (1990..=2100).contains(y))
                            .into_iter()
                            .collect(),
                        _ => Vec::new(),
                    }
                }
                _ => Vec::new(),
            };
            if years.contains(&tahun) {
                return None;
            }
            if first.is_none()
                && let Some(y) = years.first()
            {
                first = Some((*y, sheet.at(r, c)));
            }
        }
    }
    first
}

/// The quarter the title says a realisation to date runs to (`s.d. TW II`, `Triwulan III`,
/// `Bulan: Juni 2023`), TW IV when it says none; `Err` with the cell and its text when it
/// names a month that ends no quarter.
pub fn to_date(sheet: &Sheet, rec: &Recognised) -> Result<Quarter, (At, String)> {
    for r in 0..rec.header_start {
        for (c, cell) in sheet.rows[r].iter().enumerate() {
            let t = cell.text().to_lowercase();
            if t.is_empty() {
                continue;
            }
            if let Some(q) = quarter_in(&t) {
                return Ok(q);
            }
            if let Some(m) = month_in(&t) {
                return match m {
                    3 | 6 | 9 | 12 => Ok(Quarter::new((m / 3) as u8).expect("1–4")),
                    _ => Err((sheet.at(r, c), cell.text().to_string())),
                };
            }
        }
    }
    Ok(Quarter::IV)
}

/// Four-digit years (1990–2100) a title names as its own: not those of a period written as a
/// range (`Renstra 2021–2026`, `2021 s.d. 2026`).
fn years_in(t: &str) -> Vec<i32> {
    let mut found: Vec<(i32, usize, usize)> = Vec::new();
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4
                && let Ok(y) = t[start..i].parse::<i32>()
                && (1990..=2100).contains(&y)
            {
                found.push((y, start, i));
            }
        } else {
            i += 1;
        }
    }
    let joined = |between: &str| {
        let w = between.trim().to_lowercase();
        matches!(
            w.as_str(),
            "-" | "–" | "—" | "s.d." | "s.d" | "s/d" | "sd" | "sampai" | "to"
        )
    };
    let mut in_range = vec![false; found.len()];
    for k in 1..found.len() {
        if joined(&t[found[k - 1].2..found[k].1]) {
            in_range[k - 1] = true;
            in_range[k] = true;
        }
    }
    found
        .iter()
        .zip(in_range)
        .filter(|(_, r)| !r)
        .map(|((y, _, _), _)| *y)
        .collect()
}

/// A month named in a title (Indonesian or English), 1–12.
fn month_in(t: &str) -> Option<u32> {
    const MONTHS: [(&[&str], u32); 12] = [
        (&["januari", "january"], 1),
        (&["februari", "february", "pebruari"], 2),
        (&["maret", "march"], 3),
        (&["april"], 4),
        (&["mei", "may"], 5),
        (&["juni", "june"], 6),
        (&["juli", "july"], 7),
        (&["agustus", "august"], 8),
        (&["september"], 9),
        (&["oktober", "october"], 10),
        (&["november", "nopember"], 11),
        (&["desember", "december"], 12),
    ];
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    MONTHS
        .iter()
        .find(|(names, _)| words.iter().any(|w| names.contains(w)))
        .map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_months_in_titles() {
        assert_eq!(
            years_in("Laporan E-81 Aksara Periode Tahun Anggaran 2023"),
            vec![2023]
        );
        assert_eq!(years_in("Renstra 2021–2026, TA 2023"), vec![2023]);
        assert_eq!(years_in("Periode 2021 s.d. 2026"), Vec::<i32>::new());
        assert_eq!(years_in("Tahun 2022 dan 2023"), vec![2022, 2023]);
        assert_eq!(years_in("Rp 20230 dan 123"), Vec::<i32>::new());
        assert_eq!(month_in("bulan : desember 2023"), Some(12));
        assert_eq!(month_in("s/d juni"), Some(6));
        assert_eq!(month_in("laporan realisasi"), None);
    }
}
