//! The tables of the performance agreement (PK), in its order: Tabel 3.1 (target, realisation,
//! capaian), 3.2 (earlier years) and 3.3 (the Renstra's end target).

use super::{ChangeUnit, Column, RowStyle, Table, Term, Title, Value, text};
use crate::model::{Indicator, PkLine, Quarter, Workspace};
use crate::rules;

/// The performance agreement's lines with their indicators, in agreement order.
fn pk_lines(ws: &Workspace) -> Vec<(&PkLine, &Indicator)> {
    ws.pk
        .iter()
        .filter_map(|l| {
            Some((
                l,
                ws.node(&l.kode)?
                    .indikator
                    .get(l.indikator.checked_sub(1)?)?,
            ))
        })
        .collect()
}

/// Tabel 3.1 Pencapaian Kinerja: each PK indicator's target, realisation, capaian, rating and
/// whether it is red.
pub fn tabel_3_1(ws: &Workspace, q: Quarter) -> Table {
    use Column::*;
    let mut t = Table::new(
        "tabel-3-1",
        Title::Tabel31 { q, tahun: ws.tahun },
        vec![
            Kelompok,
            No,
            SasaranKinerja,
            IndikatorKinerja,
            Satuan,
            Target,
            Realisasi,
            PersenCapaian,
            Predikat,
            Merah {
                ambang: ws.pengaturan.ambang_merah,
            },
        ],
    );
    for (line, ind) in pk_lines(ws) {
        let status = rules::status(ind, q, &ws.pengaturan);
        t.push(
            RowStyle::Normal,
            vec![
                Value::Term(Term::Group(line.kelompok)),
                text(&line.no),
                text(&line.pernyataan),
                text(&ind.nama),
                text(&ind.satuan),
                Value::opt(rules::due_target(ind, q), Value::Figure),
                Value::opt(
                    rules::realisasi_to_date(&ind.realisasi, ind.agregasi, q),
                    Value::Figure,
                ),
                Value::opt(status.capaian(), Value::Percent),
                Value::Term(Term::Predikat(status)),
                super::only_if(status.is_red(), Value::Term(Term::Merah)),
            ],
        );
    }
    t
}

/// The years of Tabel 3.2: every earlier year recorded for a PK indicator, then this year.
fn comparison_years(ws: &Workspace) -> Vec<i32> {
    let mut years: Vec<i32> = pk_lines(ws)
        .iter()
        .flat_map(|(_, i)| i.riwayat.keys().copied())
        .collect();
    years.push(ws.tahun);
    years.sort_unstable();
    years.dedup();
    years.retain(|y| *y <= ws.tahun);
    years
}

/// What a change of the indicator's figure is counted in: points for a percentage, an index
/// or a score (their difference is not a percentage of anything), else its own unit.
fn change_unit(satuan: &str) -> ChangeUnit {
    let s = satuan.trim().to_lowercase();
    if s == "%" || s == "persen" || s == "indeks" || s == "nilai" || s == "poin" {
        ChangeUnit::Points
    } else {
        ChangeUnit::Satuan(satuan.trim().to_string())
    }
}

/// Tabel 3.2 Perbandingan Realisasi Kinerja: this year's realisation beside earlier years',
/// and the change from last year in its unit.
pub fn tabel_3_2(ws: &Workspace) -> Table {
    let years = comparison_years(ws);
    let mut columns = vec![Column::No, Column::IndikatorKinerja, Column::Satuan];
    columns.extend(years.iter().map(|y| Column::RealisasiTahun(*y)));
    columns.push(Column::PerubahanTahunLalu);
    let mut t = Table::new("tabel-3-2", Title::Tabel32, columns);
    for (line, ind) in pk_lines(ws) {
        let mut cells = vec![text(&line.no), text(&ind.nama), text(&ind.satuan)];
        for y in &years {
            let v = if *y == ws.tahun {
                rules::realisasi_tahun(ind)
            } else {
                ind.riwayat.get(y).copied()
            };
            cells.push(Value::opt(v, Value::Figure));
        }
        cells.push(match rules::change_from_previous_year(ind, ws.tahun) {
            Some(by) => Value::Change {
                by,
                unit: change_unit(&ind.satuan),
            },
            None => Value::Blank,
        });
        t.push(RowStyle::Normal, cells);
    }
    t
}

/// Tabel 3.3: the year's realisation against the Renstra end-of-period target.
pub fn tabel_3_3(ws: &Workspace) -> Table {
    use Column::*;
    let mut t = Table::new(
        "tabel-3-3",
        Title::Tabel33 {
            awal: ws.periode_renstra.awal,
            akhir: ws.periode_renstra.akhir,
        },
        vec![
            No,
            IndikatorKinerja,
            Satuan,
            TargetAkhirRenstra,
            RealisasiTahun(ws.tahun),
            TingkatKemajuan,
        ],
    );
    for (line, ind) in pk_lines(ws) {
        t.push(
            RowStyle::Normal,
            vec![
                text(&line.no),
                text(&ind.nama),
                text(&ind.satuan),
                Value::opt(ind.renstra.akhir, Value::Figure),
                Value::opt(rules::realisasi_tahun(ind), Value::Figure),
                Value::opt(rules::tingkat_kemajuan(ind), Value::Percent),
            ],
        );
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_a_percentage_or_a_score_is_in_points() {
        for s in ["%", " % ", "indeks", "Nilai", "persen"] {
            assert_eq!(change_unit(s), ChangeUnit::Points, "{s}");
        }
        assert_eq!(
            change_unit("pelayanan"),
            ChangeUnit::Satuan("pelayanan".into())
        );
    }
}
