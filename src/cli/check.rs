//! `kinerja check`: the consistency findings, one a line. Exit status 1 when there are any.

use color_eyre::eyre::Result;
use kinerja::locale::Lang;
use kinerja::model::Workspace;
use kinerja::report;
use std::io::Write;
use std::process::ExitCode;

pub fn run(out: &mut dyn Write, ws: &Workspace, lang: Lang) -> Result<ExitCode> {
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
        writeln!(out, "  - {}", kinerja::export::findings::text(f, lang))?;
    }
    Ok(ExitCode::from(1))
}
