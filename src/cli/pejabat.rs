//! `kinerja pejabat [add|edit|remove]`: the officers (pejabat) who can be penanggung jawab of a
//! node or an indicator. Alone it lists them with what each answers for. An officer still
//! named somewhere is removed only with `--ganti ID` (or `--ganti -`: nobody), which first
//! hands what they answered for to the other, in the same save.

use super::output::{Refused, shown};
use super::save;
use super::workspace::Opened;
use clap::{Args, Subcommand};
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{Change, Officer, Refusal, Workspace};
use kinerja::rules::text::{self, TextKind};
use std::io::Write;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct PejabatArgs {
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(Subcommand, Debug)]
enum Action {
    /// Tambah pejabat: ID singkat (huruf kecil, angka, - dan _), nama, NIP, jabatan.
    Add {
        id: String,
        #[arg(long)]
        nama: String,
        /// NIP (18 angka; boleh dikosongkan bila bukan ASN).
        #[arg(long, default_value = "")]
        nip: String,
        #[arg(long)]
        jabatan: String,
    },
    /// Ubah nama, NIP atau jabatan pejabat (ID tetap).
    Edit {
        id: String,
        #[arg(long)]
        nama: Option<String>,
        #[arg(long)]
        nip: Option<String>,
        #[arg(long)]
        jabatan: Option<String>,
    },
    /// Hapus pejabat; yang masih menjadi penanggung jawab perlu --ganti ID (atau --ganti -).
    Remove {
        id: String,
        /// Pejabat pengganti untuk setiap node dan indikator yang ditanggungnya ("-": tidak
        /// ada; tanggung jawab jatuh ke node di atasnya).
        #[arg(long, value_name = "ID", allow_hyphen_values = true)]
        ganti: Option<String>,
    },
}

fn text_of(kind: TextKind, input: &str, what: &str, lang: Lang) -> Result<String, Refused> {
    let t = text::clean(input);
    text::check(kind, t)
        .map_err(|why| Refused(format!("{what}: {}", locale::text_error(kind, why, lang))))?;
    Ok(t.to_string())
}

/// How many nodes and indicators name officer `id`.
fn answers_for(ws: &Workspace, id: &str) -> (usize, usize) {
    let mine = |p: &Option<String>| p.as_deref() == Some(id);
    let nodes = ws.nodes().filter(|n| mine(&n.pejabat)).count();
    let indicators = ws
        .nodes()
        .flat_map(|n| &n.indikator)
        .filter(|i| mine(&i.pejabat))
        .count();
    (nodes, indicators)
}

fn list(out: &mut dyn Write, ws: &Workspace, lang: Lang) -> Result<ExitCode> {
    if ws.pejabat.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Belum ada pejabat. Tambah dengan: kinerja pejabat add ID --nama … --jabatan …",
                "No officers yet. Add one with: kinerja pejabat add ID --nama … --jabatan …"
            )
        )?;
    }
    for o in &ws.pejabat {
        let (nodes, indicators) = answers_for(ws, &o.id);
        writeln!(
            out,
            "{:<20} {} · {}{}",
            shown(&o.id),
            shown(&o.nama),
            shown(&o.jabatan),
            if o.nip.is_empty() {
                String::new()
            } else {
                format!(" · NIP {}", shown(&o.nip))
            }
        )?;
        writeln!(
            out,
            "{:<20} {} {nodes} node, {indicators} {}",
            "",
            lang.pick("penanggung jawab:", "responsible for:"),
            lang.pick("indikator", "indicator(s)")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(
    out: &mut dyn Write,
    opened: &Opened,
    args: &PejabatArgs,
    lang: Lang,
) -> Result<ExitCode> {
    let ws = &opened.ws;
    let Some(action) = &args.action else {
        return list(out, ws, lang);
    };
    let gone = |id: &str| {
        Refused(locale::refusal(
            &Refusal::OfficerGone { id: id.into() },
            lang,
        ))
    };
    let (changes, said) = match action {
        Action::Add {
            id,
            nama,
            nip,
            jabatan,
        } => {
            let o = Officer {
                id: text_of(TextKind::OfficerId, id, "id", lang)?,
                nama: text_of(TextKind::Nama, nama, "--nama", lang)?,
                nip: text_of(TextKind::Nip, nip, "--nip", lang)?,
                jabatan: text_of(TextKind::Nama, jabatan, "--jabatan", lang)?,
            };
            let c = Change::OfficerAdd {
                at: None,
                officer: o,
            };
            (vec![c], lang.pick("Ditambahkan:", "Added:"))
        }
        Action::Edit {
            id,
            nama,
            nip,
            jabatan,
        } => {
            let old = ws.officer(id.trim()).ok_or_else(|| gone(id))?.clone();
            let mut new = old.clone();
            if let Some(n) = nama {
                new.nama = text_of(TextKind::Nama, n, "--nama", lang)?;
            }
            if let Some(n) = nip {
                new.nip = text_of(TextKind::Nip, n, "--nip", lang)?;
            }
            if let Some(j) = jabatan {
                new.jabatan = text_of(TextKind::Nama, j, "--jabatan", lang)?;
            }
            if new == old {
                return Err(Refused(
                    lang.pick(
                        "tidak ada yang diubah: beri --nama, --nip atau --jabatan",
                        "nothing to change: give --nama, --nip or --jabatan",
                    )
                    .into(),
                )
                .into());
            }
            (
                vec![Change::OfficerEdit { old, new }],
                lang.pick("Diubah:", "Changed:"),
            )
        }
        Action::Remove { id, ganti } => {
            let id = id.trim();
            ws.officer(id).ok_or_else(|| gone(id))?;
            let changes = match ganti.as_deref().map(str::trim) {
                None => vec![Change::OfficerRemove {
                    officer: ws.officer(id).expect("it exists").clone(),
                    at: None,
                }],
                Some(g) => {
                    let reassign = (g != "-").then_some(g);
                    if let Some(g) = reassign {
                        ws.officer(g).ok_or_else(|| gone(g))?;
                        if g == id {
                            return Err(Refused(
                                lang.pick(
                                    "--ganti harus pejabat lain",
                                    "--ganti must name another officer",
                                )
                                .into(),
                            )
                            .into());
                        }
                    }
                    Change::remove_officer(ws, id, reassign).expect("it exists")
                }
            };
            (changes, lang.pick("Dihapus:", "Removed:"))
        }
    };
    match save::check_and_commit(out, opened, changes.clone(), None, lang)? {
        Ok(_) => {
            writeln!(out, "{said}")?;
            for c in &changes {
                writeln!(out, "  {}", shown(&locale::describe_change(c, None, lang)))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}
