//! `kinerja export`: the LKjIP tables and the one-page summary as xlsx, Markdown, CSV, HTML or
//! JSON, to a dated file, a chosen path, or standard output (`-o -`).

use super::output::{Refused, shown};
use clap::{Args, ValueEnum};
use color_eyre::eyre::Result;
use kinerja::export::{self, Format};
use kinerja::locale::Lang;
use kinerja::model::Workspace;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Bentuk berkas (bawaan: xlsx; untuk --pack rapat: html).
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
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
    /// Bahan rapat (`rapat`): satu halaman — jumlah dan predikat, lalu setiap indikator merah
    /// atau belum dijelaskan, terburuk dahulu, lalu anggaran melebihi pagu. Sebagai html (bawaan)
    /// atau md.
    #[arg(long, value_enum, value_name = "PACK", conflicts_with = "table")]
    pack: Option<PackArg>,
}

/// `--pack`: which pack (today only the meeting's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum PackArg {
    Rapat,
}

/// `--format`: the library's [`Format`] as the command line spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Xlsx,
    Md,
    Csv,
    Html,
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Md => Format::Md,
            FormatArg::Csv => Format::Csv,
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
        }
    }
}

pub fn run(out: &mut dyn Write, ws: &Workspace, args: &ExportArgs, lang: Lang) -> Result<ExitCode> {
    let q = super::quarter(ws, args.tw);
    // The meeting pack is a page to read and print: HTML unless asked otherwise.
    let default = match args.pack {
        Some(PackArg::Rapat) => Format::Html,
        None => Format::Xlsx,
    };
    let format = args.format.map_or(default, Format::from);
    let req = export::Request {
        ws,
        quarter: q,
        lang,
        format,
        table: args.table.as_deref(),
    };
    let refuse = |e: export::ExportError| Refused(e.message(lang));
    if args.pack == Some(PackArg::Rapat) {
        return pack(out, ws, args, q, format, lang);
    }
    if args.output.as_deref() == Some(Path::new("-")) {
        if format == Format::Csv && args.table.is_none() {
            return Err(Refused(
                lang.pick(
                    "CSV semua tabel ditulis ke sebuah folder; pakai --table NAMA untuk keluaran standar",
                    "CSV of every table goes to a folder; use --table NAME for standard output",
                )
                .into(),
            )
            .into());
        }
        if format == Format::Xlsx && std::io::stdout().is_terminal() {
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
        PathBuf::from(export::default_file_name(ws, q, format, export::today()))
    });
    for file in export::write(&req, &path).map_err(refuse)? {
        writeln!(
            out,
            "{} {}",
            lang.pick("Ditulis:", "Written:"),
            shown(&file.display().to_string())
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `--pack rapat`: the meeting pack to standard output, a chosen path or a dated file.
fn pack(
    out: &mut dyn Write,
    ws: &Workspace,
    args: &ExportArgs,
    q: kinerja::model::Quarter,
    format: Format,
    lang: Lang,
) -> Result<ExitCode> {
    let refuse = |e: export::ExportError| Refused(e.message(lang));
    if args.output.as_deref() == Some(Path::new("-")) {
        out.write_all(&export::pack::render(ws, q, lang, format).map_err(refuse)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = args.output.clone().unwrap_or_else(|| {
        PathBuf::from(export::default_pack_file_name(
            ws,
            q,
            format,
            export::today(),
        ))
    });
    let file = export::write_pack(ws, q, lang, format, &path).map_err(refuse)?;
    writeln!(
        out,
        "{} {}",
        lang.pick("Ditulis:", "Written:"),
        shown(&file.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}
