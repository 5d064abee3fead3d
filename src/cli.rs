//! The command line: clap definitions and the non-interactive commands. Each command loads the
//! workspace, asks `report` for its table and prints it; only `set` writes, through `store`.

use clap::{ArgGroup, Args, Parser, Subcommand};
use color_eyre::eyre::{Result, WrapErr};
use kinerja::export;
use kinerja::locale::{self, FigureKind, Lang};
use kinerja::model::{Quarter, Workspace};
use kinerja::report::{self, Finding, IndicatorRow, RatingCounts};
use kinerja::rules::{self, Rating, Status};
use kinerja::store;
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "kinerja",
    version,
    about = "Akuntabilitas kinerja (SAKIP) kecamatan: pohon kinerja, realisasi triwulan, capaian.",
    long_about = None
)]
struct Cli {
    /// Berkas workspace (JSON); bawaan: workspace di folder data pengguna, diisi contoh Sooko 2023
    /// pada pemakaian pertama.
    #[arg(short, long, global = true, value_name = "FILE")]
    workspace: Option<PathBuf>,

    /// Bahasa keluaran.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Id)]
    lang: Lang,

    /// Tampilan teks ASCII saja, untuk terminal yang merusak garis dan simbol Unicode.
    #[arg(long, global = true)]
    ascii: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Buka antarmuka terminal (bawaan bila tanpa perintah di terminal interaktif).
    Tui,
    /// Ringkasan per program: capaian kinerja, capaian anggaran, jumlah indikator per predikat.
    Summary(QuarterArg),
    /// Indikator merah (belum tercapai), terburuk dahulu; keluar 1 bila ada, 0 bila tidak ada.
    Red(QuarterArg),
    /// Temuan ketidakkonsistenan data; keluar 1 bila ada temuan.
    Check,
    /// Ubah satu angka dan simpan secara atomik.
    Set(SetArgs),
    /// Ekspor ringkasan dan tabel LKjIP (xlsx, md, csv, html, json).
    Export(ExportArgs),
    /// Jejak perubahan yang tersimpan (jurnal), seluruhnya atau satu kode.
    Log(LogArgs),
    /// Daftar versi cadangan; dengan NOMOR, pulihkan versi itu.
    Restore(RestoreArgs),
    /// Buat workspace contoh berskala kabupaten untuk uji kecepatan (tidak memakai -w).
    Generate(GenerateArgs),
}

#[derive(Args, Debug)]
struct GenerateArgs {
    /// Jumlah unit (OPD); tiap unit punya 225 indikator.
    #[arg(long, default_value_t = 223)]
    units: usize,
    /// Benih acak: sama benih, sama berkas.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Berkas tujuan.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Args, Debug)]
struct LogArgs {
    /// Hanya perubahan node ini.
    kode: Option<String>,
}

#[derive(Args, Debug)]
struct RestoreArgs {
    /// Nomor versi dari daftar (1 = terbaru).
    nomor: Option<usize>,
}

#[derive(Args, Debug)]
struct ExportArgs {
    /// Bentuk berkas.
    #[arg(long, value_enum, default_value_t = export::Format::Xlsx)]
    format: export::Format,
    /// Berkas tujuan (folder untuk CSV semua tabel); `-` untuk keluaran standar. Bawaan: nama
    /// bertanggal di folder ini.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Triwulan 1–4 (bawaan: triwulan berjalan).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: Option<u8>,
    /// Hanya satu tabel: tabel-3-1, tabel-3-2, tabel-3-3, e81, tabel-3-6, lra, merah.
    #[arg(long, value_name = "NAME")]
    table: Option<String>,
}

#[derive(Args, Debug)]
struct QuarterArg {
    /// Triwulan pelaporan 1–4 (bawaan: triwulan berjalan di pengaturan workspace).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: Option<u8>,
}

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("nilai").required(true).args(["target", "realisasi", "rp"])))]
struct SetArgs {
    /// Kode node, mis. 7.01.02.2.04.02 atau SASARAN-1.
    kode: String,
    /// Nomor indikator pada node itu (mulai 1).
    #[arg(long, default_value_t = 1)]
    indikator: usize,
    /// Target tahunan indikator.
    #[arg(long, conflicts_with = "tw", allow_hyphen_values = true)]
    target: Option<String>,
    /// Triwulan 1–4 untuk --realisasi atau --rp.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: Option<u8>,
    /// Realisasi kinerja indikator pada triwulan --tw.
    #[arg(long, requires = "tw", allow_hyphen_values = true)]
    realisasi: Option<String>,
    /// Realisasi anggaran (Rupiah) node pada triwulan --tw.
    #[arg(long, requires = "tw", allow_hyphen_values = true)]
    rp: Option<String>,
}

/// A failure the user can act on: printed as one line, exit status 2.
#[derive(Debug)]
struct Refused(String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match execute(&mut out, &cli).and_then(|code| Ok(out.flush().map(|_| code)?)) {
        Ok(code) => Ok(code),
        // A reader that stops early (`kinerja red | head`) is not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>().map(|io| io.kind())
                == Some(ErrorKind::BrokenPipe) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        // Exit 1 means "red found" or "findings"; every failure is 2, on one line.
        Err(e) => {
            match e.downcast_ref::<Refused>() {
                Some(refused) => eprintln!("kinerja: {refused}"),
                None => eprintln!("kinerja: {e:#}"),
            }
            Ok(ExitCode::from(2))
        }
    }
}

fn execute(out: &mut dyn Write, cli: &Cli) -> Result<ExitCode> {
    let lang = cli.lang;
    if let Some(Command::Generate(args)) = &cli.command {
        let ws = kinerja::generate::workspace(args.units, args.seed);
        store::write_atomic(&args.output, store::to_json(&ws).as_bytes())
            .map_err(|e| Refused(e.message(lang)))?;
        let indicators: usize = ws.nodes().map(|n| n.indikator.len()).sum();
        writeln!(
            out,
            "{} {} ({} node, {indicators} indikator)",
            lang.pick("Ditulis:", "Written:"),
            args.output.display(),
            ws.nodes().count()
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = match &cli.workspace {
        Some(p) => p.clone(),
        None => default_workspace(lang)?,
    };
    // Work on the real file behind a symlink: the atomic rename, the lock, the journal and the
    // kept versions must all be beside it, not beside the link.
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    let (ws, stamp) = store::load_stamped(&path).map_err(|e| Refused(e.message(lang)))?;
    match &cli.command {
        // Without a command: the interface on a terminal, the summary in a pipe or a script.
        None if !std::io::stdout().is_terminal() => {
            print_summary(out, &ws, quarter(&ws, None), lang)
        }
        None | Some(Command::Tui) => {
            let theme = kinerja::tui::Theme::from_env(cli.ascii);
            let app = kinerja::tui::App::new(ws, Some((path.clone(), stamp)), lang, theme);
            let app = kinerja::tui::run(app, kinerja::tui::BackendChoice::from_env())
                .wrap_err("antarmuka terminal")?;
            if app.is_dirty() {
                writeln!(
                    out,
                    "{}",
                    lang.pick("Perubahan tidak disimpan.", "Changes were not saved.")
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Summary(a)) => print_summary(out, &ws, quarter(&ws, a.tw), lang),
        Some(Command::Red(a)) => print_red(out, &ws, quarter(&ws, a.tw), lang),
        Some(Command::Check) => print_check(out, &ws, lang),
        Some(Command::Set(args)) => set(out, ws, stamp, &path, args, lang),
        Some(Command::Log(args)) => print_log(out, &path, args.kode.as_deref(), lang),
        Some(Command::Restore(args)) => run_restore(out, &path, args.nomor, lang),
        Some(Command::Generate(_)) => unreachable!("handled before loading"),
        Some(Command::Export(args)) => run_export(out, &ws, args, lang),
    }
}

fn quarter(ws: &Workspace, tw: Option<u8>) -> Quarter {
    tw.and_then(Quarter::new)
        .unwrap_or(ws.pengaturan.triwulan_berjalan)
}

/// The user's own workspace; on first use it is created from the bundled sample.
fn default_workspace(lang: Lang) -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("id", "kinerja", "kinerja").ok_or_else(|| {
        Refused(
            lang.pick(
                "folder data pengguna tidak ditemukan; pakai -w FILE",
                "no user data folder found; use -w FILE",
            )
            .into(),
        )
    })?;
    let path = dirs.data_dir().join("workspace.json");
    if !path.exists() {
        std::fs::create_dir_all(dirs.data_dir())
            .wrap_err_with(|| format!("membuat folder {}", dirs.data_dir().display()))?;
        store::write_atomic(&path, store::SAMPLE_JSON.as_bytes())
            .map_err(|e| Refused(e.message(lang)))?;
        eprintln!(
            "{} {}",
            lang.pick(
                "Workspace contoh (Kecamatan Sooko 2023) disalin ke",
                "Sample workspace (Kecamatan Sooko 2023) copied to"
            ),
            path.display()
        );
    }
    Ok(path)
}

/// Cuts `s` to `max` characters, marking the cut with "…".
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// "30 indikator: 27 Sangat Tinggi · 1 belum diisi · 2 merah" — only the counts that are not zero.
fn counts_line(c: &RatingCounts, lang: Lang) -> String {
    let mut parts: Vec<String> = Rating::ALL
        .iter()
        .filter(|r| c.get(**r) > 0)
        .map(|r| format!("{} {}", c.get(*r), lang.rating(*r)))
        .collect();
    let extra = [
        (c.belum_diisi, lang.pick("belum diisi", "not entered")),
        (c.tidak_dinilai, lang.pick("tidak dinilai", "not rated")),
        (c.merah, lang.pick("merah", "red")),
    ];
    parts.extend(
        extra
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, l)| format!("{n} {l}")),
    );
    format!(
        "{} {}: {}",
        c.total(),
        lang.pick("indikator", "indicators"),
        parts.join(" · ")
    )
}

fn print_summary(out: &mut dyn Write, ws: &Workspace, q: Quarter, lang: Lang) -> Result<ExitCode> {
    let s = report::summary(ws, q);
    writeln!(
        out,
        "{} — {}, {}",
        lang.pick("Ringkasan kinerja", "Performance summary"),
        ws.instansi.nama,
        ws.instansi.kabupaten
    )?;
    writeln!(
        out,
        "{} {}, {} {}\n",
        lang.pick("Tahun", "Year"),
        ws.tahun,
        lang.pick("s.d. triwulan", "up to quarter"),
        q
    )?;
    let block = |out: &mut dyn Write,
                 head: String,
                 kinerja: Option<String>,
                 anggaran: &rules::BudgetFigures,
                 counts: &RatingCounts|
     -> std::io::Result<()> {
        writeln!(out, "{head}")?;
        let mut capaian = String::new();
        if let Some(k) = kinerja {
            capaian = format!("{} {k:<10}  ", lang.pick("Capaian kinerja", "Performance"));
        }
        writeln!(
            out,
            "{:8}{capaian}{} {}",
            "",
            lang.pick("Capaian anggaran", "Budget absorption"),
            locale::percent_or_dash(anggaran.capaian()),
        )?;
        // Kept within 80 columns for Rupiah up to the trillions.
        writeln!(
            out,
            "{:8}{} {} · {} {} · {} {}",
            "",
            lang.pick("Pagu", "Budget"),
            locale::rupiah_or_dash(anggaran.pagu),
            lang.pick("Realisasi", "Spent"),
            locale::rupiah_or_dash(anggaran.realisasi),
            lang.pick("Sisa", "Left"),
            locale::rupiah_or_dash(anggaran.sisa()),
        )?;
        writeln!(out, "{:8}{}", "", counts_line(counts, lang))?;
        writeln!(out)
    };
    for p in &s.programs {
        let head = format!("{:<7} {}", p.kode, clip(&p.nama, 72));
        let kinerja = Some(locale::percent_or_dash(p.capaian_kinerja));
        block(out, head, kinerja, &p.anggaran, &p.counts)?;
    }
    let head = lang.pick(
        "Jumlah seluruh program dan indikator",
        "All programs and indicators",
    );
    block(out, head.into(), None, &s.anggaran, &s.counts)?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("Merah (belum tercapai)", "Red (not achieved)"),
        s.counts.merah
    )?;
    Ok(ExitCode::SUCCESS)
}

/// "target 75 indeks" or, when less is due by the quarter,
/// "target s.d. TW II 2,5 dokumen (setahun 5)".
fn target_text(row: &IndicatorRow, q: Quarter, lang: Lang) -> String {
    match (row.due, row.target) {
        (Some(due), Some(t)) if due != t => format!(
            "{} {q} {} {} ({} {})",
            lang.pick("target s.d. TW", "target to Q"),
            locale::figure(due),
            row.satuan,
            lang.pick("setahun", "year"),
            locale::figure(t)
        ),
        _ => format!(
            "target {} {}",
            locale::figure_or_dash(row.target),
            row.satuan
        ),
    }
}

fn print_red(out: &mut dyn Write, ws: &Workspace, q: Quarter, lang: Lang) -> Result<ExitCode> {
    let list = report::red_list(ws, q);
    let threshold = format!("{} %", locale::figure(ws.pengaturan.ambang_merah));
    if list.merah.is_empty() {
        writeln!(
            out,
            "{} {q} (capaian < {threshold}).",
            lang.pick(
                "Tidak ada indikator merah s.d. TW",
                "No red indicators up to Q"
            )
        )?;
    } else {
        writeln!(
            out,
            "{} {q} (capaian < {threshold}), {}:",
            lang.pick("Indikator merah s.d. TW", "Red indicators up to Q"),
            lang.pick("terburuk dahulu", "worst first")
        )?;
        for (i, row) in list.merah.iter().enumerate() {
            writeln!(
                out,
                "{:>2}. {} · {}",
                i + 1,
                row.at.kode,
                clip(&row.indikator, 64)
            )?;
            let rating = match row.status {
                Status::Dinilai { rating, .. } => lang.rating(rating),
                _ => "",
            };
            writeln!(
                out,
                "    capaian {} ({rating}) · {}: {}",
                locale::percent_or_dash(row.status.capaian()),
                lang.pick("penanggung jawab", "responsible"),
                row.pejabat.as_deref().unwrap_or("—")
            )?;
            writeln!(
                out,
                "    {} {} {} · {}",
                lang.pick("realisasi", "actual"),
                locale::figure_or_dash(row.realisasi),
                row.satuan,
                target_text(row, q, lang),
            )?;
        }
    }
    if !list.belum_diisi.is_empty() {
        writeln!(
            out,
            "\n{}:",
            lang.pick(
                "Belum diisi (sudah jatuh tempo, realisasi belum dimasukkan)",
                "Not entered (due, no realisation yet)"
            )
        )?;
        for row in &list.belum_diisi {
            writeln!(out, "  - {} · {}", row.at.kode, clip(&row.indikator, 64))?;
            writeln!(
                out,
                "    {} · {}: {}",
                target_text(row, q, lang),
                lang.pick("penanggung jawab", "responsible"),
                row.pejabat.as_deref().unwrap_or("—")
            )?;
        }
    }
    Ok(if list.merah.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn finding_text(f: &Finding, lang: Lang) -> String {
    use locale::rupiah as rp;
    match f {
        Finding::PaguMismatch {
            kode,
            declared,
            children,
        } => format!(
            "{kode}: {} {} ≠ {} {}",
            lang.pick("pagu tercatat", "declared pagu"),
            rp(*declared),
            lang.pick("jumlah pagu anak", "sum of children"),
            rp(*children)
        ),
        Finding::RealisasiMismatch {
            kode,
            declared,
            children,
        } => format!(
            "{kode}: {} {} ≠ {} {}",
            lang.pick("realisasi tercatat", "declared realisation"),
            rp(*declared),
            lang.pick("jumlah realisasi anak", "sum of children"),
            rp(*children)
        ),
        Finding::QuartersVsAnnual {
            kode,
            quarters,
            annual,
        } => format!(
            "{kode}: {} {} ≠ {} {}",
            lang.pick("jumlah Rp triwulan", "sum of quarterly Rp"),
            rp(*quarters),
            lang.pick("realisasi tahunan", "annual realisation"),
            rp(*annual)
        ),
        Finding::OverPagu {
            kode,
            pagu,
            realisasi,
        } => format!(
            "{kode}: {} {} {} {}",
            lang.pick("realisasi", "spent"),
            rp(*realisasi),
            lang.pick("melebihi pagu", "exceeds pagu"),
            rp(*pagu)
        ),
        Finding::DuplicateKode { kode } => {
            format!("{kode}: {}", lang.pick("kode ganda", "duplicate kode"))
        }
        Finding::NoTarget {
            kode,
            indikator,
            nama,
        } => format!(
            "{kode} {} {indikator} «{}»: {}",
            lang.pick("indikator", "indicator"),
            clip(nama, 40),
            lang.pick("tanpa target", "no target")
        ),
        Finding::FutureQuarter {
            kode,
            what,
            quarter,
        } => format!(
            "{kode} {what}: {} TW {quarter} {}",
            lang.pick("angka diisi untuk", "figure entered for"),
            lang.pick("yang belum berjalan", "which has not started")
        ),
    }
}

fn print_check(out: &mut dyn Write, ws: &Workspace, lang: Lang) -> Result<ExitCode> {
    let findings = report::check(ws);
    if findings.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Tidak ada temuan: data konsisten.",
                "No findings: the data is consistent."
            )
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{} {}:",
        findings.len(),
        lang.pick("temuan", "findings")
    )?;
    for f in &findings {
        writeln!(out, "  - {}", finding_text(f, lang))?;
    }
    Ok(ExitCode::from(1))
}

/// A typed figure; `-` or `kosong` clears it back to "not entered" (which is not zero).
fn parse(
    text: &str,
    kind: FigureKind,
    lang: Lang,
) -> Result<Option<rust_decimal::Decimal>, Refused> {
    if matches!(
        text.trim().to_lowercase().as_str(),
        "-" | "kosong" | "blank"
    ) {
        return Ok(None);
    }
    locale::parse_figure(text, kind)
        .map(Some)
        .map_err(|e| Refused(format!("«{text}»: {}", e.message(lang))))
}

fn set(
    out: &mut dyn Write,
    base: Workspace,
    stamp: store::Stamp,
    path: &Path,
    args: &SetArgs,
    lang: Lang,
) -> Result<ExitCode> {
    let mut ws = base.clone();
    let q = args.tw.and_then(Quarter::new);
    let current = ws.pengaturan.triwulan_berjalan;
    let node = ws.node_mut(&args.kode).ok_or_else(|| {
        Refused(format!(
            "{} «{}»",
            lang.pick("tidak ada node berkode", "no node with kode"),
            args.kode
        ))
    })?;
    let (label, old, new);
    if let Some(text) = &args.rp {
        let q = q.expect("clap requires --tw");
        let no_budget = || {
            Refused(format!(
                "«{}» {}",
                args.kode,
                lang.pick("tidak punya anggaran", "has no budget")
            ))
        };
        if !node.jenis.has_budget() {
            return Err(no_budget().into());
        }
        let has_budget_children = node.anak.iter().any(|c| rules::budget_of(c, q).is_some());
        if has_budget_children {
            return Err(Refused(lang
                .pick(
                    "anggaran node ini dijumlah dari node di bawahnya; ubah Rp pada Sub Kegiatan",
                    "this node's budget is the sum of the nodes below it; change Rp on a Sub Kegiatan",
                )
                .into())
            .into());
        }
        let value = parse(text, FigureKind::Rupiah, lang)?;
        let budget = node.anggaran.as_mut().ok_or_else(no_budget)?;
        label = format!(
            "{}\n{} TW {q}",
            clip(&node.nama, 60),
            lang.pick("realisasi Rp", "spent Rp")
        );
        old = budget.realisasi_rp[q.index()].map(locale::rupiah);
        budget.realisasi_rp[q.index()] = value;
        new = locale::rupiah_or_dash(value);
    } else {
        let count = node.indikator.len();
        let ind = args
            .indikator
            .checked_sub(1)
            .and_then(|i| node.indikator.get_mut(i))
            .ok_or_else(|| {
                Refused(format!(
                    "«{}» {} {count} {}; {} {}",
                    args.kode,
                    lang.pick("punya", "has"),
                    lang.pick("indikator", "indicator(s)"),
                    lang.pick("tidak ada indikator", "there is no indicator"),
                    args.indikator
                ))
            })?;
        let (slot, text, what) = match (&args.target, &args.realisasi, q) {
            (Some(t), _, _) => (&mut ind.target, t, "target".to_string()),
            (None, Some(r), Some(q)) => (
                &mut ind.realisasi[q.index()],
                r,
                format!("{} TW {q}", lang.pick("realisasi", "actual")),
            ),
            _ => unreachable!("clap enforces one of --target / --tw with --realisasi"),
        };
        let value = parse(text, FigureKind::Kinerja, lang)?;
        old = slot.map(locale::figure);
        *slot = value;
        new = locale::figure_or_dash(value);
        label = format!(
            "{} {}: {}\n{what}",
            lang.pick("indikator", "indicator"),
            args.indikator,
            clip(&ind.nama, 50)
        );
    }
    if ws.diff(&base).is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Tidak ada perubahan; berkas tidak ditulis.",
                "Nothing changed; file not written."
            )
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    match store::commit(path, &base, stamp, &ws, &store::journal::current_user()) {
        Ok((_, done)) => {
            if let Some(e) = done.journal_error {
                eprintln!(
                    "kinerja: {}: {e}",
                    lang.pick(
                        "jurnal tidak dapat ditulis",
                        "the journal could not be written"
                    )
                );
            }
        }
        Err(store::CommitError::Conflicts(conflicts)) => {
            for c in &conflicts {
                eprintln!("kinerja: {}", conflict_text(c, lang));
            }
            return Ok(ExitCode::from(3));
        }
        Err(e) => return Err(Refused(e.message(lang)).into()),
    }
    writeln!(
        out,
        "{} {}",
        lang.pick("Tersimpan ke", "Saved to"),
        path.display()
    )?;
    writeln!(
        out,
        "{} · {label}: {} → {new}",
        args.kode,
        old.as_deref().unwrap_or("—"),
    )?;
    if let Some(q) = q
        && q > current
    {
        writeln!(
            out,
            "{} TW {q} {} (TW {current}).",
            lang.pick("Catatan:", "Note:"),
            lang.pick(
                "belum berjalan menurut pengaturan workspace",
                "has not started per the workspace settings"
            )
        )?;
    }
    if args.rp.is_none() {
        let node = ws.node(&args.kode).expect("just edited");
        let ind = &node.indikator[args.indikator - 1];
        let at = q.unwrap_or(current);
        writeln!(
            out,
            "{} TW {at}: {} · {}: {}",
            lang.pick("Capaian s.d.", "Achievement up to Q"),
            locale::percent_or_dash(rules::status(ind, at, &ws.pengaturan).capaian()),
            lang.pick("capaian tahun", "year"),
            locale::percent_or_dash(rules::capaian_tahun(ind)),
        )?;
    } else {
        let node = ws.node(&args.kode).expect("just edited");
        if let Some(b) = rules::budget_of(node, Quarter::IV) {
            writeln!(
                out,
                "{}: {} {} {} ({})",
                lang.pick("Anggaran", "Budget"),
                locale::rupiah_or_dash(b.realisasi),
                lang.pick("dari", "of"),
                locale::rupiah_or_dash(b.pagu),
                locale::percent_or_dash(b.capaian())
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_export(
    out: &mut dyn Write,
    ws: &Workspace,
    args: &ExportArgs,
    lang: Lang,
) -> Result<ExitCode> {
    let q = quarter(ws, args.tw);
    let req = export::Request {
        ws,
        quarter: q,
        lang,
        format: args.format,
        table: args.table.as_deref(),
    };
    let refuse = |e: export::ExportError| Refused(e.message(lang));
    if args.output.as_deref() == Some(Path::new("-")) {
        if args.format == export::Format::Csv && args.table.is_none() {
            return Err(Refused(
                lang.pick(
                    "CSV semua tabel ditulis ke sebuah folder; pakai --table NAMA untuk keluaran standar",
                    "CSV of every table goes to a folder; use --table NAME for standard output",
                )
                .into(),
            )
            .into());
        }
        if args.format == export::Format::Xlsx && std::io::stdout().is_terminal() {
            return Err(Refused(
                lang.pick(
                    "xlsx tidak dicetak ke terminal; pakai -o FILE",
                    "xlsx is not printed to a terminal; use -o FILE",
                )
                .into(),
            )
            .into());
        }
        out.write_all(&export::render(&req).map_err(refuse)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = args.output.clone().unwrap_or_else(|| {
        PathBuf::from(export::default_file_name(
            ws,
            q,
            args.format,
            export::today(),
        ))
    });
    for file in export::write(&req, &path).map_err(refuse)? {
        writeln!(
            out,
            "{} {}",
            lang.pick("Ditulis:", "Written:"),
            file.display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// "7.01.02.2.04.02 realisasi TW III: Anda 1.300, di berkas 1.250 (budi, 2026-11-28T10:03:00Z)"
fn conflict_text(c: &store::Conflict, lang: Lang) -> String {
    let fmt = |v: Option<rust_decimal::Decimal>| {
        if c.mine.field.is_rupiah() {
            locale::rupiah_or_dash(v)
        } else {
            locale::figure_or_dash(v)
        }
    };
    let who =
        c.by.as_ref()
            .map(|e| {
                format!(
                    " ({} {}, {})",
                    lang.pick("diubah oleh", "changed by"),
                    e.pengguna,
                    e.waktu
                )
            })
            .unwrap_or_default();
    format!(
        "{} {}: {} {}, {} {}{who} — {}",
        c.mine.kode,
        kinerja::tui::field_label(c.mine.field, lang),
        lang.pick("Anda", "yours"),
        fmt(c.mine.new),
        lang.pick("di berkas", "on file"),
        fmt(c.theirs),
        lang.pick(
            "tidak ditimpa; muat ulang dan putuskan",
            "not overwritten; reload and decide"
        ),
    )
}

fn print_log(out: &mut dyn Write, path: &Path, kode: Option<&str>, lang: Lang) -> Result<ExitCode> {
    let (entries, bad) = store::journal::read(path)
        .map_err(|e| Refused(format!("{}: {e}", store::journal::path_for(path).display())))?;
    let shown: Vec<_> = entries
        .iter()
        .filter(|e| kode.is_none_or(|k| e.kode == k))
        .collect();
    if shown.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("Belum ada perubahan tercatat.", "No changes recorded yet.")
        )?;
    }
    for e in shown {
        let what = match e.field() {
            Some(f) => {
                let fmt = |v| {
                    if f.is_rupiah() {
                        locale::rupiah_or_dash(v)
                    } else {
                        locale::figure_or_dash(v)
                    }
                };
                let ind = e
                    .indikator
                    .map(|i| format!(" {} {i}", lang.pick("indikator", "indicator")))
                    .unwrap_or_default();
                format!(
                    "{}{ind} {}: {} → {}",
                    e.kode,
                    kinerja::tui::field_label(f, lang),
                    fmt(e.lama),
                    fmt(e.baru)
                )
            }
            None => format!(
                "{} {}",
                lang.pick("dipulihkan dari cadangan", "restored from backup"),
                e.catatan.as_deref().unwrap_or("?")
            ),
        };
        writeln!(out, "{}  {:<10} {what}", e.waktu, e.pengguna)?;
    }
    if bad > 0 {
        writeln!(
            out,
            "({bad} {})",
            lang.pick("baris jurnal tidak terbaca", "unreadable journal lines")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn run_restore(
    out: &mut dyn Write,
    path: &Path,
    nomor: Option<usize>,
    lang: Lang,
) -> Result<ExitCode> {
    let list = store::versions::list(path).map_err(|e| Refused(e.to_string()))?;
    let Some(n) = nomor else {
        if list.is_empty() {
            writeln!(
                out,
                "{}",
                lang.pick("Belum ada versi cadangan.", "No backup versions yet.")
            )?;
        }
        for (i, v) in list.iter().enumerate() {
            writeln!(
                out,
                "{:>3}. {}  {} byte",
                i + 1,
                v.name,
                locale::fixed(rust_decimal::Decimal::from(v.len), 0)
            )?;
        }
        if !list.is_empty() {
            writeln!(
                out,
                "{}",
                lang.pick(
                    "Pulihkan dengan: kinerja restore NOMOR",
                    "Restore with: kinerja restore NUMBER"
                )
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let version = n.checked_sub(1).and_then(|i| list.get(i)).ok_or_else(|| {
        Refused(format!(
            "{} {n}; {} {}",
            lang.pick("tidak ada versi", "no version"),
            lang.pick("jumlah versi:", "versions:"),
            list.len()
        ))
    })?;
    store::restore(path, version, &store::journal::current_user())
        .map_err(|e| Refused(e.message(lang)))?;
    writeln!(
        out,
        "{} {} ({})",
        lang.pick("Dipulihkan dari", "Restored from"),
        version.name,
        lang.pick(
            "versi sebelumnya disimpan sebagai cadangan",
            "the previous version was kept as a backup"
        )
    )?;
    Ok(ExitCode::SUCCESS)
}
