//! A realistic, deterministic workspace at kabupaten scale, for benchmarks: `units` bodies
//! (as Tujuan under one Misi), each with programs, kegiatan and sub kegiatan, every quarter
//! filled. The same `units` and `seed` always give the same file.
//!
//! Part of the binary (`kinerja generate`), not of the library. The benchmark and the tests
//! include this file with `#[path = "../src/cli/generate.rs"] mod generate;`, so it stands
//! only on `kinerja::…` public paths; each includer uses a part of it.
#![allow(dead_code)]

use kinerja::model::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The shape: per unit, `PROGRAMS` programs × `KEGIATAN` kegiatan × `SUB` sub kegiatan, one
/// indicator per node and one more per program.
pub const PROGRAMS: usize = 4;
pub const KEGIATAN: usize = 6;
pub const SUB: usize = 8;

/// Indicators per unit: a sasaran, then 2 per program, 1 per kegiatan, 1 per sub kegiatan.
pub const INDICATORS_PER_UNIT: usize = 1 + PROGRAMS * (2 + KEGIATAN * (1 + SUB));

/// A small linear congruential generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

fn indicator(rng: &mut Rng, nama: String, satuan: &str, agregasi: Aggregation) -> Indicator {
    let target = Decimal::from(4 + rng.next(200));
    let realisasi = match agregasi {
        Aggregation::Jumlah => std::array::from_fn(|_| {
            Some(target * Decimal::from(70 + rng.next(50)) / Decimal::from(400))
        }),
        _ => std::array::from_fn(|_| {
            Some(target * Decimal::from(80 + rng.next(30)) / Decimal::ONE_HUNDRED)
        }),
    };
    Indicator {
        id: IndicatorId::UNSET,
        nama,
        satuan: satuan.into(),
        polaritas: Polarity::Positif,
        agregasi,
        target: Some(target),
        target_pk_murni: None,
        target_pk_perubahan: None,
        rencana: [None; 4],
        realisasi: realisasi.map(|v: Option<Decimal>| v.map(|d| d.round_dp(2))),
        riwayat: BTreeMap::new(),
        renstra: Renstra::default(),
        pejabat: None,
        penjelasan: Default::default(),
    }
}

/// A workspace of `units` bodies with about `units × INDICATORS_PER_UNIT` indicators.
pub fn workspace(units: usize, seed: u64) -> Workspace {
    let mut rng = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
    let mut tujuan = Vec::with_capacity(units);
    for u in 0..units {
        let unit = format!("U{:03}", u + 1);
        let mut programs = Vec::new();
        for p in 0..PROGRAMS {
            let pk = format!("{unit}.7.01.{:02}", p + 1);
            let mut kegiatan = Vec::new();
            for k in 0..KEGIATAN {
                let kk = format!("{pk}.2.{:02}", k + 1);
                let subs = (0..SUB)
                    .map(|s| {
                        let kode = format!("{kk}.{:02}", s + 1);
                        let pagu = Decimal::from(5_000_000 + rng.next(95_000_000));
                        let spent: [Option<Decimal>; 4] = std::array::from_fn(|_| {
                            Some(pagu * Decimal::from(15 + rng.next(10)) / Decimal::ONE_HUNDRED)
                                .map(|d| d.round())
                        });
                        Node {
                            jenis: NodeKind::SubKegiatan,
                            nama: format!("Sub kegiatan {} unit {}", s + 1, u + 1),
                            pejabat: None,
                            indikator: vec![indicator(
                                &mut rng,
                                format!("Jumlah dokumen {kode}"),
                                "dokumen",
                                Aggregation::Jumlah,
                            )],
                            anggaran: Some(Budget {
                                pagu: Some(pagu),
                                pagu_murni: None,
                                sumber_dana: "APBD".into(),
                                realisasi_rp: spent,
                                realisasi_tahun: None,
                                renstra_akhir: None,
                                renstra_realisasi: None,
                            }),
                            anak: vec![],
                            kode,
                        }
                    })
                    .collect();
                kegiatan.push(Node {
                    jenis: NodeKind::Kegiatan,
                    nama: format!("Kegiatan {} program {} unit {}", k + 1, p + 1, u + 1),
                    pejabat: None,
                    indikator: vec![indicator(
                        &mut rng,
                        format!("Persentase layanan {kk}"),
                        "%",
                        Aggregation::Terakhir,
                    )],
                    anggaran: None,
                    anak: subs,
                    kode: kk,
                });
            }
            programs.push(Node {
                jenis: NodeKind::Program,
                nama: format!("Program {} unit {}", p + 1, u + 1),
                pejabat: None,
                indikator: vec![
                    indicator(
                        &mut rng,
                        format!("Persentase capaian program {pk}"),
                        "%",
                        Aggregation::Terakhir,
                    ),
                    indicator(
                        &mut rng,
                        format!("Indeks kepuasan {pk}"),
                        "indeks",
                        Aggregation::RataRata,
                    ),
                ],
                anggaran: None,
                anak: kegiatan,
                kode: pk,
            });
        }
        let sasaran = Node {
            jenis: NodeKind::Sasaran,
            kode: format!("{unit}.S"),
            nama: format!("Sasaran unit {}", u + 1),
            pejabat: None,
            indikator: vec![indicator(
                &mut rng,
                format!("IKM unit {}", u + 1),
                "indeks",
                Aggregation::Terakhir,
            )],
            anggaran: None,
            anak: programs,
        };
        tujuan.push(Node {
            jenis: NodeKind::Tujuan,
            kode: format!("{unit}.T"),
            nama: format!("Tujuan unit {}", u + 1),
            pejabat: None,
            indikator: vec![],
            anggaran: None,
            anak: vec![sasaran],
        });
    }
    let mut ws = Workspace {
        schema_version: SCHEMA_VERSION,
        instansi: Instansi {
            nama: "Kabupaten Contoh".into(),
            kabupaten: "Kabupaten Contoh".into(),
            alamat: String::new(),
        },
        periode_renstra: Periode {
            awal: 2021,
            akhir: 2026,
        },
        tahun: 2023,
        pengaturan: Settings::default(),
        pejabat: vec![],
        pohon: vec![Node {
            jenis: NodeKind::Visi,
            kode: "VISI".into(),
            nama: "Visi kabupaten".into(),
            pejabat: None,
            indikator: vec![],
            anggaran: None,
            anak: vec![Node {
                jenis: NodeKind::Misi,
                kode: "MISI".into(),
                nama: "Misi".into(),
                pejabat: None,
                indikator: vec![],
                anggaran: None,
                anak: tujuan,
            }],
        }],
        pk: vec![],
        ikm: None,
        verifikasi: Default::default(),
    };
    // Ids 1, 2, 3 … in tree order, as a file without ids gets them.
    ws.upgrade();
    ws
}

/// The number of units that gives about `indicators` indicators.
pub fn units_for(indicators: usize) -> usize {
    indicators.div_ceil(INDICATORS_PER_UNIT).max(1)
}

/// `kinerja generate`: a generated workspace written to a file, for speed tests.
#[derive(clap::Args, Debug)]
pub struct GenerateArgs {
    /// Jumlah unit (OPD); tiap unit punya 225 indikator.
    #[arg(long, default_value_t = 223)]
    units: usize,
    /// Benih acak: sama benih, sama berkas.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Berkas tujuan.
    #[arg(short, long, value_name = "FILE")]
    output: std::path::PathBuf,
}

/// Writes the workspace `args` ask for (atomically); the line to print, or the one-line error.
pub fn write(args: &GenerateArgs, lang: kinerja::locale::Lang) -> Result<String, String> {
    let ws = workspace(args.units, args.seed);
    kinerja::store::write_atomic(&args.output, kinerja::store::to_json(&ws).as_bytes())
        .map_err(|e| e.message(lang))?;
    let indicators: usize = ws.nodes().map(|n| n.indikator.len()).sum();
    Ok(format!(
        "{} {} ({} node, {indicators} indikator)",
        lang.pick("Ditulis:", "Written:"),
        kinerja::text::visible(&args.output.display().to_string()),
        ws.nodes().count()
    ))
}
