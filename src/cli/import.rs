//! `kinerja import FILE [--sheet NAME] [--tw Q] [--create] [--apply]` and
//! `kinerja import --template -o FILE.xlsx`: the library is `kinerja::import` (docs/import.md).
//! Without `--apply` the preview is printed and the exit status says whether the file is clean
//! (0) or has problems (1). With `--apply` all of it is saved through the commit path as one
//! save (lock, merge, one journal entry per figure with "import FILE" as its source, a kept
//! version) — or nothing at all when any row has a problem. `--create` first adds the nodes
//! and indicators the file has and the workspace lacks, in the same save.

use super::output::{Refused, shown};
use super::save;
use super::workspace::Opened;
use clap::Args;
use color_eyre::eyre::Result;
use kinerja::import::{self, Creation, Detail, Options};
use kinerja::locale::Lang;
use kinerja::model::{Change, Quarter, change};
use kinerja::store;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Berkas .xlsx atau .csv (E-81, LRA, ekspor kinerja, atau templat).
    #[arg(required_unless_present = "template")]
    file: Option<PathBuf>,
    /// Hanya lembar ini.
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// Triwulan yang dilaporkan berkas (bawaan: judul berkas, lalu TW IV).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: Option<u8>,
    /// Tambahkan dahulu node dan indikator yang ada di berkas tetapi belum di workspace.
    #[arg(long)]
    create: bool,
    /// Simpan semuanya (tanpa ini: hanya pratinjau).
    #[arg(long)]
    apply: bool,
    /// Pratinjau setiap angka, juga yang sama.
    #[arg(long)]
    semua: bool,
    /// Tulis templat impor kosong untuk workspace ini ke -o FILE.xlsx.
    #[arg(long, requires = "output", conflicts_with_all = ["file", "apply", "create"])]
    template: bool,
    /// Berkas templat yang ditulis.
    #[arg(short, long, value_name = "FILE.xlsx")]
    output: Option<PathBuf>,
}

/// "SASARAN-1 «…» dibuat (Sasaran, 1 indikator)" for each node and indicator created.
fn creation_text(c: &Creation, lang: Lang) -> String {
    let mut out = c.lines(
        lang,
        (
            "dengan kinerja indikator edit --satuan",
            "with kinerja indikator edit --satuan",
        ),
    );
    if !c.changes.is_empty() {
        out.push_str(&format!(
            "{}: {} node, {} {} {}\n",
            lang.pick("dibuat", "created"),
            c.nodes(),
            c.indicators(),
            lang.pick("indikator", "indicator(s)"),
            lang.pick(
                "(polaritas positif dan agregasi jumlah: periksa dengan kinerja indikator edit)",
                "(polarity positif and aggregation jumlah: check them with kinerja indikator edit)"
            )
        ));
    }
    out
}

pub fn run(
    out: &mut dyn Write,
    opened: &Opened,
    args: &ImportArgs,
    lang: Lang,
) -> Result<ExitCode> {
    let ws = &opened.ws;
    if args.template {
        let path = args.output.as_ref().expect("clap requires -o");
        let bytes = import::template(ws, lang).map_err(|e| Refused(e.to_string()))?;
        store::write_atomic(path, &bytes).map_err(|e| Refused(e.message(lang)))?;
        writeln!(
            out,
            "{} {}",
            lang.pick("Templat impor ditulis ke", "Import template written to"),
            shown(&path.display().to_string())
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let file = args.file.as_ref().expect("clap requires FILE");
    let opts = Options {
        sheet: args.sheet.clone(),
        tw: args.tw.and_then(Quarter::new),
    };
    let book = import::read(file, &opts).map_err(|e| Refused(e.message(lang)))?;
    let detail = if args.semua {
        Detail::All
    } else {
        Detail::Changes
    };
    // With --create: what the file adds to the tree first, then the figures planned against
    // the workspace as it will be.
    let mut planned_on = ws.clone();
    let mut creation = Creation::default();
    let mut create_problems = Vec::new();
    if args.create {
        let first = import::plan(ws, &book, &opts);
        match import::create(ws, &first.missing) {
            Ok(c) => {
                for ch in &c.changes {
                    change::apply(&mut planned_on, ch).expect("checked by create");
                }
                creation = c;
            }
            Err(problems) => create_problems = problems,
        }
    }
    let plan = import::plan(&planned_on, &book, &opts);
    write!(out, "{}", creation_text(&creation, lang))?;
    write!(out, "{}", plan.preview().text(lang, detail))?;
    for p in &create_problems {
        writeln!(
            out,
            "{} {}",
            lang.pick("MASALAH", "PROBLEM"),
            shown(&p.message(lang))
        )?;
    }
    let problems = plan.problems.len() + create_problems.len();
    if !args.apply {
        return Ok(ExitCode::from(u8::from(problems > 0)));
    }
    if problems > 0 {
        return Err(Refused(import::Refused { problems }.message(lang)).into());
    }
    let ops = plan.ops().map_err(|e| Refused(e.message(lang)))?;
    let figures = ops.len();
    let mut changes: Vec<Change> = creation.changes.clone();
    changes.extend(Change::from_ops(&planned_on, ops));
    if changes.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Tidak ada yang berubah; berkas tidak ditulis.",
                "Nothing changes; file not written."
            )
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let source = format!("import {}", file.display());
    if let Some(code) = save::commit(out, opened, changes, Some(&source), lang)? {
        return Ok(code);
    }
    writeln!(
        out,
        "{} {figures} {}{}",
        lang.pick("Diimpor:", "Imported:"),
        lang.pick("angka", "figure(s)"),
        if creation.changes.is_empty() {
            String::new()
        } else {
            format!(
                ", {} node {} {} {}",
                creation.nodes(),
                lang.pick("dan", "and"),
                creation.indicators(),
                lang.pick("indikator dibuat", "indicator(s) created")
            )
        }
    )?;
    Ok(ExitCode::SUCCESS)
}
