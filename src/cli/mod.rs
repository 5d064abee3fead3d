//! The command line: the clap definitions of the global options and of the command list, and
//! the dispatch. Each command lives in its own module with its own arguments; they share the
//! reading of typed figures (`figures`), the output helpers and the one-line error
//! (`output`), finding and opening the workspace (`workspace`) and saving a change (`save`).
//!
//! Every command that reads figures opens the workspace first; `log` and `restore` do not, so
//! they work when the file is broken or gone — exactly when they are needed.
//!
//! Adding a command: a module here with its `Args` and `run`, a variant of [`Command`], one
//! line in [`execute`]. `init` writes a new file and reads none. Editing rules belong in the library (`kinerja::rules`), words in
//! `kinerja::locale`.

mod check;
mod export;
mod figures;
mod generate;
mod import;
mod indikator;
mod init;
mod lock;
mod log;
mod new_year;
mod node;
mod note;
mod output;
mod pejabat;
mod red;
mod restore;
mod save;
mod set;
mod summary;
mod tui;
mod workspace;

use clap::{Args, Parser, Subcommand, ValueEnum};
use color_eyre::eyre::Result;
use kinerja::locale::Lang;
use kinerja::model::{Quarter, Workspace};
use output::Refused;
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::PathBuf;
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
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Id)]
    lang: LangArg,

    /// Tampilan teks ASCII saja, untuk terminal yang merusak garis dan simbol Unicode.
    #[arg(long, global = true)]
    ascii: bool,

    /// Cara menggambar layar: `lean` (bawaan; paling sedikit byte lewat SSH) atau `crossterm`
    /// (backend ratatui sendiri, jalan keluar bila terminal bermasalah). Juga lewat
    /// KINERJA_BACKEND.
    #[arg(long, global = true, value_enum, value_name = "NAMA")]
    backend: Option<BackendArg>,

    #[command(subcommand)]
    command: Option<Command>,
}

/// `--lang`: the library's [`Lang`] as the command line spells it (clap stays in the CLI).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum LangArg {
    /// Bahasa Indonesia
    Id,
    /// English
    En,
}

/// `--backend`: how the interface draws (see `kinerja::tui::BackendChoice`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum BackendArg {
    /// The lean backend: fewest bytes per key over SSH
    Lean,
    /// ratatui's own crossterm backend
    Crossterm,
}

impl From<BackendArg> for kinerja::tui::BackendChoice {
    fn from(b: BackendArg) -> Self {
        match b {
            BackendArg::Lean => kinerja::tui::BackendChoice::Lean,
            BackendArg::Crossterm => kinerja::tui::BackendChoice::Crossterm,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

// Parsed once per run: the size of the largest command's options does not matter.
#[allow(clippy::large_enum_variant)]
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
    /// Ubah satu angka atau atribut (target, realisasi, rencana, Rp, pagu, Renstra, pejabat…)
    /// dan simpan.
    Set(set::SetArgs),
    /// Penjelasan satu triwulan sebuah indikator: faktor pendorong, penghambat, tindak lanjut,
    /// bukti dukung; tanpa isian, tampilkan penjelasannya.
    Note(note::NoteArgs),
    /// Kunci triwulan: angkanya sudah diverifikasi (siapa, kapan); tidak dapat diubah lagi.
    Lock(lock::LockArgs),
    /// Buka kembali triwulan yang terkunci, dengan alasan (dicatat di jurnal).
    Unlock(lock::UnlockArgs),
    /// Buat workspace baru yang kosong (atau dengan pohon workspace lain, tanpa angkanya).
    Init(init::InitArgs),
    /// Ubah pohon: tambah, ganti nama, ganti kode, pindah, hapus node.
    Node(node::NodeArgs),
    /// Tambah, ubah, hapus indikator sebuah node.
    Indikator(indikator::IndikatorArgs),
    /// Daftar pejabat; tambah, ubah, hapus pejabat.
    Pejabat(pejabat::PejabatArgs),
    /// Buat workspace tahun berikutnya dari workspace ini.
    #[command(name = "new-year")]
    NewYear(new_year::NewYearArgs),
    /// Impor angka dari E-81, LRA, ekspor kinerja atau templat (xlsx/csv); tanpa --apply hanya
    /// pratinjau.
    Import(import::ImportArgs),
    /// Ekspor ringkasan dan tabel LKjIP (xlsx, md, csv, html, json).
    Export(export::ExportArgs),
    /// Jejak perubahan yang tersimpan (jurnal), seluruhnya atau satu kode.
    Log(log::LogArgs),
    /// Daftar versi cadangan; dengan NOMOR, pulihkan versi itu.
    Restore(restore::RestoreArgs),
    /// Buat workspace contoh berskala kabupaten untuk uji kecepatan (tidak memakai -w).
    Generate(generate::GenerateArgs),
}

/// `--tw` of the reading commands.
#[derive(Args, Debug)]
struct QuarterArg {
    /// Triwulan pelaporan 1–4 (bawaan: triwulan berjalan di pengaturan workspace).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: Option<u8>,
}

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
            let line = match e.downcast_ref::<Refused>() {
                Some(refused) => refused.to_string(),
                None => format!("{e:#}"),
            };
            // A name or a path in the message may hold control characters: one visible line.
            eprintln!("kinerja: {}", kinerja::text::visible(&line));
            Ok(ExitCode::from(2))
        }
    }
}

fn execute(out: &mut dyn Write, cli: &Cli) -> Result<ExitCode> {
    let lang = Lang::from(cli.lang);
    let given = cli.workspace.as_deref();
    match &cli.command {
        Some(Command::Generate(args)) => {
            let line = generate::write(args, lang).map_err(Refused)?;
            writeln!(out, "{line}")?;
            Ok(ExitCode::SUCCESS)
        }
        // A new file: nothing to read, and nothing may be there.
        Some(Command::Init(args)) => init::run(out, given, args, lang),
        // The journal and the kept versions, without reading the workspace itself.
        Some(Command::Log(args)) => log::run(out, &workspace::locate(given, lang)?, args, lang),
        Some(Command::Restore(args)) => {
            restore::run(out, &workspace::locate(given, lang)?, args, lang)
        }
        command => {
            let opened = workspace::open(given, lang)?;
            let ws = &opened.ws;
            match command {
                // Without a command: the interface on a terminal, the summary in a pipe.
                None if !std::io::stdout().is_terminal() => {
                    summary::run(out, ws, quarter(ws, None), lang)
                }
                None | Some(Command::Tui) => {
                    let backend = cli.backend.map_or_else(
                        kinerja::tui::BackendChoice::from_env,
                        kinerja::tui::BackendChoice::from,
                    );
                    tui::run(out, opened, cli.ascii, backend, lang)
                }
                Some(Command::Summary(a)) => summary::run(out, ws, quarter(ws, a.tw), lang),
                Some(Command::Red(a)) => red::run(out, ws, quarter(ws, a.tw), lang),
                Some(Command::Check) => check::run(out, ws, lang),
                Some(Command::Set(args)) => set::run(out, &opened, args, lang),
                Some(Command::Note(args)) => note::run(out, &opened, args, lang),
                Some(Command::Lock(args)) => lock::lock(out, &opened, args, lang),
                Some(Command::Unlock(args)) => lock::unlock(out, &opened, args, lang),
                Some(Command::Node(args)) => node::run(out, &opened, args, lang),
                Some(Command::Indikator(args)) => indikator::run(out, &opened, args, lang),
                Some(Command::Pejabat(args)) => pejabat::run(out, &opened, args, lang),
                Some(Command::NewYear(args)) => new_year::run(out, &opened, args, lang),
                Some(Command::Import(args)) => import::run(out, &opened, args, lang),
                Some(Command::Export(args)) => export::run(out, ws, args, lang),
                Some(
                    Command::Generate(_) | Command::Init(_) | Command::Log(_) | Command::Restore(_),
                ) => {
                    unreachable!("handled without opening the workspace")
                }
            }
        }
    }
}

/// The quarter asked for with `--tw`, else the workspace's current one.
fn quarter(ws: &Workspace, tw: Option<u8>) -> Quarter {
    tw.and_then(Quarter::new)
        .unwrap_or(ws.pengaturan.triwulan_berjalan)
}
