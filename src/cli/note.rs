//! `kinerja note`: the explanation of one quarter of an indicator — faktor pendorong, faktor
//! penghambat, tindak lanjut with its due date and officer, and the evidence (bukti dukung) —
//! written and saved like any change (merged per field, journaled); without a field to set,
//! the quarter's explanation is printed.
//!
//! `-` clears a text, the due date or the officer; `--bukti` adds one piece of evidence and
//! repeats, `--bukti -` removes them all, `--hapus-bukti T` removes one (by its exact text, or
//! by its number as listed).

use super::output::{Refused, clip, shown, shown_lines};
use super::save;
use super::workspace::Opened;
use clap::Args;
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{
    Change, Edit, EditRefusal, Explanation, NoteAttr, Quarter, Tanggal, Workspace,
};
use kinerja::rules::text::clean_lines;
use std::io::Write;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct NoteArgs {
    /// Kode node, mis. 7.01.01.2.05 atau SASARAN-2.
    kode: String,
    /// Nomor indikator pada node itu (mulai 1; bawaan 1).
    #[arg(long)]
    indikator: Option<usize>,
    /// Triwulan 1–4 yang dijelaskan.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    tw: u8,
    /// Faktor pendorong ("-" mengosongkan). Boleh beberapa baris.
    #[arg(long, allow_hyphen_values = true, value_name = "TEKS")]
    pendorong: Option<String>,
    /// Faktor penghambat ("-" mengosongkan). Boleh beberapa baris.
    #[arg(long, allow_hyphen_values = true, value_name = "TEKS")]
    penghambat: Option<String>,
    /// Tindak lanjut ("-" mengosongkan). Boleh beberapa baris.
    #[arg(
        long = "tindak-lanjut",
        allow_hyphen_values = true,
        value_name = "TEKS"
    )]
    tindak_lanjut: Option<String>,
    /// Tenggat tindak lanjut, YYYY-MM-DD ("-" mengosongkan).
    #[arg(long, allow_hyphen_values = true, value_name = "YYYY-MM-DD")]
    tenggat: Option<String>,
    /// Pelaksana tindak lanjut: id pejabat ("-" mengosongkan).
    #[arg(long, allow_hyphen_values = true, value_name = "ID")]
    pejabat: Option<String>,
    /// Tambah satu bukti dukung (path di server, URL, nomor dokumen); boleh berulang. "-"
    /// menghapus semua bukti triwulan itu.
    #[arg(long, allow_hyphen_values = true, value_name = "TEKS")]
    bukti: Vec<String>,
    /// Hapus satu bukti dukung: teksnya persis, atau nomornya seperti ditampilkan; boleh
    /// berulang.
    #[arg(
        long = "hapus-bukti",
        allow_hyphen_values = true,
        value_name = "TEKS|NOMOR"
    )]
    hapus_bukti: Vec<String>,
}

impl NoteArgs {
    fn sets_anything(&self) -> bool {
        self.pendorong.is_some()
            || self.penghambat.is_some()
            || self.tindak_lanjut.is_some()
            || self.tenggat.is_some()
            || self.pejabat.is_some()
            || !self.bukti.is_empty()
            || !self.hapus_bukti.is_empty()
    }
}

/// A text option as stored: `-` is none, else the text with its line breaks made `\n` and
/// without the spaces around it.
fn text_of(t: &str) -> String {
    if t == "-" {
        String::new()
    } else {
        clean_lines(t)
    }
}

/// The changes the options ask for, made against `e` (the quarter's explanation as the file
/// holds it), in the order: texts, due date, officer, removals, additions.
fn changes(
    ws: &Workspace,
    args: &NoteArgs,
    pos: usize,
    q: Quarter,
    e: &Explanation,
    lang: Lang,
) -> Result<Vec<Change>, Refused> {
    let mut attrs: Vec<NoteAttr> = Vec::new();
    let edit = |old: &String, new: &str| Edit {
        old: old.clone(),
        new: text_of(new),
    };
    if let Some(t) = &args.pendorong {
        attrs.push(NoteAttr::Pendorong(edit(&e.pendorong, t)));
    }
    if let Some(t) = &args.penghambat {
        attrs.push(NoteAttr::Penghambat(edit(&e.penghambat, t)));
    }
    if let Some(t) = &args.tindak_lanjut {
        attrs.push(NoteAttr::TindakLanjut(edit(&e.tindak_lanjut, t)));
    }
    if let Some(t) = &args.tenggat {
        let new = match t.trim() {
            "-" => None,
            d => Some(Tanggal::parse(d).ok_or_else(|| {
                Refused(format!(
                    "{} «{}» {}",
                    lang.pick("tenggat", "due date"),
                    shown(d),
                    lang.pick(
                        "bukan tanggal YYYY-MM-DD (mis. 2024-02-15)",
                        "is not a date YYYY-MM-DD (e.g. 2024-02-15)"
                    )
                ))
            })?),
        };
        attrs.push(NoteAttr::Tenggat(Edit {
            old: e.tenggat,
            new,
        }));
    }
    if let Some(t) = &args.pejabat {
        let new = (t.trim() != "-").then(|| t.trim().to_string());
        attrs.push(NoteAttr::PejabatTindakLanjut(Edit {
            old: e.pejabat.clone(),
            new,
        }));
    }
    let clear_all = args.bukti.iter().any(|b| b.trim() == "-");
    let mut removed: Vec<&str> = Vec::new();
    if clear_all {
        removed.extend(e.bukti.iter().map(String::as_str));
    }
    for r in &args.hapus_bukti {
        let r = r.trim();
        // The exact text first; a number only when no piece of evidence reads so.
        let found = e
            .bukti
            .iter()
            .find(|b| b.as_str() == r)
            .or_else(|| {
                r.parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| e.bukti.get(i))
            })
            .ok_or_else(|| {
                Refused(format!(
                    "{} «{}» {} {}",
                    lang.pick("bukti dukung", "evidence"),
                    shown(r),
                    lang.pick("tidak ada pada", "is not in"),
                    locale::quarter(q, lang)
                ))
            })?;
        if !removed.contains(&found.as_str()) {
            removed.push(found);
        }
    }
    for teks in removed {
        attrs.push(NoteAttr::BuktiHapus {
            teks: teks.to_string(),
            urutan: None,
        });
    }
    let mut added: Vec<String> = Vec::new();
    for b in args.bukti.iter().map(|b| b.trim()).filter(|b| *b != "-") {
        if !added.iter().any(|a| a == b) {
            added.push(b.to_string());
        }
    }
    for teks in added {
        attrs.push(NoteAttr::BuktiTambah { teks, urutan: None });
    }
    Ok(attrs
        .into_iter()
        .map(|attr| {
            Change::note(ws, &args.kode, pos, q, |_| attr).expect("the indicator was found")
        })
        .collect())
}

pub fn run(out: &mut dyn Write, opened: &Opened, args: &NoteArgs, lang: Lang) -> Result<ExitCode> {
    let ws = &opened.ws;
    let refuse = |r: EditRefusal| Refused(locale::edit_refusal(&r, lang));
    let node = ws.node(&args.kode).ok_or_else(|| {
        refuse(EditRefusal::NoNode {
            kode: args.kode.clone(),
        })
    })?;
    let number = args.indikator.unwrap_or(1);
    if number == 0 || number > node.indikator.len() {
        return Err(refuse(EditRefusal::NoIndicator {
            kode: args.kode.clone(),
            count: node.indikator.len(),
            number,
        })
        .into());
    }
    let pos = number - 1;
    let q = Quarter::new(args.tw).expect("clap keeps --tw within 1–4");
    let head = format!(
        "{} · {} {number}: {}",
        shown(&args.kode),
        lang.pick("indikator", "indicator"),
        clip(&node.indikator[pos].nama, 60)
    );
    if !args.sets_anything() {
        writeln!(out, "{head}")?;
        print_quarter(
            out,
            ws,
            &node.indikator[pos].penjelasan.get(q).clone(),
            q,
            lang,
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let current = node.indikator[pos].penjelasan.get(q).clone();
    let changes = changes(ws, args, pos, q, &current, lang)?;
    let after = match save::check_and_commit(out, opened, changes, None, lang)? {
        Ok(after) => after,
        Err(code) => return Ok(code),
    };
    let now = after
        .node(&args.kode)
        .and_then(|n| n.indikator.get(pos))
        .map(|i| i.penjelasan.get(q).clone())
        .unwrap_or_default();
    writeln!(out, "{head}")?;
    print_quarter(out, &after, &now, q, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// A quarter's explanation, every part on its own line (nothing written: says so).
fn print_quarter(
    out: &mut dyn Write,
    ws: &Workspace,
    e: &Explanation,
    q: Quarter,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} {}:",
        lang.pick("Penjelasan", "Explanation"),
        locale::quarter(q, lang)
    )?;
    if e.is_empty() {
        writeln!(
            out,
            "  {}",
            lang.pick("belum ada penjelasan", "no explanation yet")
        )?;
        return Ok(());
    }
    let indent = 4;
    let part = |out: &mut dyn Write, label: &str, text: &str| -> std::io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        writeln!(
            out,
            "  {label}:\n{:indent$}{}",
            "",
            shown_lines(text, indent)
        )
    };
    part(
        out,
        lang.pick("faktor pendorong", "driving factors"),
        &e.pendorong,
    )?;
    part(
        out,
        lang.pick("faktor penghambat", "obstacles"),
        &e.penghambat,
    )?;
    part(
        out,
        lang.pick("tindak lanjut", "follow-up"),
        &e.tindak_lanjut,
    )?;
    if let Some(follow) = follow_up(ws, e, lang) {
        writeln!(out, "  {follow}")?;
    }
    if !e.bukti.is_empty() {
        writeln!(out, "  {}:", lang.pick("bukti dukung", "evidence"))?;
        for (i, b) in e.bukti.iter().enumerate() {
            writeln!(out, "    {}. {}", i + 1, shown(b))?;
        }
    }
    Ok(())
}

/// "tenggat 2024-02-15 · pelaksana: HANIN NOVERARENY P" — what is due of a tindak lanjut and
/// who carries it out; `None` when neither is given.
pub fn follow_up(ws: &Workspace, e: &Explanation, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(d) = e.tenggat {
        parts.push(format!("{} {d}", lang.pick("tenggat", "due")));
    }
    if let Some(id) = &e.pejabat {
        let name = ws.officer(id).map_or(id.as_str(), |o| o.nama.as_str());
        parts.push(format!("{}: {}", lang.pick("pelaksana", "by"), shown(name)));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
