//! The words of the store's errors: a workspace that cannot be read (with the line and column),
//! a side file refused in a shared folder (and how to fix a group mismatch), a save that could
//! not complete, a change that no longer fits the file. The store names what went wrong as
//! data (`store::StoreError`, `Unsafe`, `CommitError`, `Conflict`); the words live here, with
//! the rest of the interface's language, so that `store` stands on `model` alone.

use super::Lang;
use crate::model::{Refusal, SCHEMA_VERSION};
use crate::store::{
    CommitError, Conflict, Group, ParseError, Problem, StoreError, Unsafe, UnsafeFile,
};
use std::ffi::OsStr;
use std::fmt;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

impl Problem {
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Syntax(m), Lang::Id) => format!("JSON tidak sah: {m}"),
            (Problem::Syntax(m), Lang::En) => format!("invalid JSON: {m}"),
            (Problem::Content(m), Lang::Id) => format!("isi tidak sah: {m}"),
            (Problem::Content(m), Lang::En) => format!("invalid content: {m}"),
            (Problem::DuplicateKode(k), Lang::Id) => {
                format!("kode ganda «{k}»: setiap node harus berkode unik")
            }
            (Problem::DuplicateKode(k), Lang::En) => {
                format!("duplicate kode «{k}»: every node needs its own code")
            }
            (Problem::BadNesting { kode, detail }, Lang::Id) => {
                format!("susunan pohon salah pada «{kode}»: {detail}")
            }
            (Problem::BadNesting { kode, detail }, Lang::En) => {
                format!("wrong tree nesting at «{kode}»: {detail}")
            }
            (Problem::UnknownReference(m), Lang::Id) => format!("rujukan tidak dikenal: {m}"),
            (Problem::UnknownReference(m), Lang::En) => format!("unknown reference: {m}"),
            (Problem::BudgetNotAllowed(k), Lang::Id) => {
                format!("«{k}» bukan Program/Kegiatan/Sub Kegiatan, tidak boleh punya anggaran")
            }
            (Problem::BudgetNotAllowed(k), Lang::En) => {
                format!("«{k}» is not a Program/Kegiatan/Sub Kegiatan and cannot have a budget")
            }
            (Problem::SchemaVersion(v), Lang::Id) => format!(
                "schema_version {v} tidak dikenal (versi ini membaca {SCHEMA_VERSION}); perbarui kinerja"
            ),
            (Problem::SchemaVersion(v), Lang::En) => format!(
                "unknown schema_version {v} (this build reads {SCHEMA_VERSION}); update kinerja"
            ),
            (Problem::Encoding(m), Lang::Id) => format!("bukan teks UTF-8 yang sah: {m}"),
            (Problem::Encoding(m), Lang::En) => format!("not valid UTF-8 text: {m}"),
        }
    }
}

impl ParseError {
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "{}:{}: {}",
            self.line,
            self.column,
            self.problem.describe(lang)
        )
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Id))
    }
}

impl StoreError {
    /// One line: the file, the position where there is one, and what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Read { path, source } => format!(
                "{}: {} ({source})",
                path.display(),
                lang.pick("tidak dapat dibaca", "cannot be read")
            ),
            StoreError::Parse { path, error } => {
                format!("{}:{}", path.display(), error.message(lang))
            }
            StoreError::Unsafe(u) => u.message(lang),
            StoreError::Write { path, source } => format!(
                "{}: {} ({source}); {}",
                path.display(),
                lang.pick("gagal menyimpan", "could not save"),
                lang.pick(
                    "berkas di disk tidak berubah",
                    "the file on disk is unchanged"
                )
            ),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Id))
    }
}

impl Unsafe {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Unsafe::Symlink => lang
                .pick(
                    "adalah tautan simbolik; kinerja tidak menulis melalui tautan — hapus tautannya",
                    "is a symbolic link; kinerja does not write through links — remove the link",
                )
                .into(),
            Unsafe::NotRegular => lang
                .pick("bukan berkas biasa", "is not a regular file")
                .into(),
            Unsafe::NotFolder => lang.pick("bukan folder", "is not a folder").into(),
            Unsafe::OtherGroup {
                found, expected, ..
            } => format!(
                "{} {}, {} {}; {}",
                lang.pick("milik grup", "belongs to group"),
                group_label(found),
                lang.pick("bukan grup workspace", "not the workspace's group"),
                group_label(expected),
                lang.pick("tidak dipakai", "not used")
            ),
            Unsafe::NameTooLong { max } => format!(
                "{} {max} {}",
                lang.pick(
                    "nama terlalu panjang untuk berkas pendampingnya (kunci, jurnal, cadangan); paling panjang",
                    "name too long for its side files (lock, journal, versions); at most"
                ),
                lang.pick("byte — beri nama yang lebih pendek", "bytes — give it a shorter name")
            ),
            Unsafe::WorkspaceLink => lang
                .pick(
                    "kini tautan simbolik, bukan berkas workspace (diganti orang lain sejak dibuka?); tidak ada yang dibaca atau ditulis — periksa berkasnya, pulihkan dengan `kinerja restore`",
                    "is now a symbolic link, not the workspace file (replaced by someone since it was opened?); nothing was read or written — check the file, restore it with `kinerja restore`",
                )
                .into(),
            Unsafe::HardLinked(n) => format!(
                "{} {n} {}; {}",
                lang.pick("punya", "has"),
                lang.pick("nama (tautan keras)", "names (hard links)"),
                lang.pick("tidak dipakai", "not used")
            ),
            Unsafe::OtherOwner { found, expected } => format!(
                "{} uid {found}, {} uid {expected}; {}",
                lang.pick("milik", "belongs to"),
                lang.pick("bukan", "not"),
                lang.pick("tidak dipakai", "not used")
            ),
        }
    }
}

impl UnsafeFile {
    /// One line: the file, what is wrong, and for a file of another group how to fix it.
    pub fn message(&self, lang: Lang) -> String {
        let mut line = format!("{}: {}", self.path.display(), self.why.describe(lang));
        if let Unsafe::OtherGroup {
            found,
            expected,
            folder,
        } = &self.why
        {
            line.push_str(" — ");
            line.push_str(&group_fix(&self.path, found, expected, *folder, lang));
        }
        line
    }
}

/// How to end a group mismatch: when the side file has the folder's group and the workspace
/// does not (a workspace moved in with `mv` keeps its owner's group), the workspace is the odd
/// one; otherwise the side file is (left by another tool, or stray). Only the lock may simply
/// be removed: the journal and the versions are history.
fn group_fix(side: &Path, found: &Group, expected: &Group, folder: u32, lang: Lang) -> String {
    let quoted = |p: &Path| shell_quote(&p.to_string_lossy());
    let name = |g: &Group| {
        g.name
            .as_deref()
            .map(|n| crate::text::visible(n).into_owned())
            .unwrap_or_else(|| g.gid.to_string())
    };
    let side_name = side.file_name().unwrap_or_default();
    let is_lock = side_name.as_bytes().ends_with(b".lock");
    let or_remove = |what: &str| {
        if is_lock {
            format!(
                ", {} {what} {}",
                lang.pick("atau hapus", "or remove"),
                lang.pick("bila tersesat", "if it is stray")
            )
        } else {
            String::new()
        }
    };
    match workspace_of(side) {
        Some(ws) if found.gid == folder && expected.gid != folder => format!(
            "{} `chgrp {} {}` {}{}",
            lang.pick("jalankan", "run"),
            name(found),
            quoted(&ws),
            lang.pick("(grup folder)", "(the folder's group)"),
            or_remove(&quoted(Path::new(side_name)))
        ),
        _ => format!(
            "{} `chgrp{} {} {}`{}",
            lang.pick("jalankan", "run"),
            if side_name.as_bytes().ends_with(b".cadangan") {
                " -R"
            } else {
                ""
            },
            name(expected),
            quoted(side),
            or_remove(lang.pick("berkas kunci itu", "that lock file"))
        ),
    }
}

/// The workspace a side file (`<ws>.lock`, `<ws>.jurnal.jsonl`, `<ws>.cadangan`) belongs to.
fn workspace_of(side: &Path) -> Option<PathBuf> {
    let name = side.file_name()?.as_bytes();
    [b".lock".as_slice(), b".jurnal.jsonl", b".cadangan"]
        .iter()
        .find_map(|suffix| name.strip_suffix(*suffix))
        .filter(|ws| !ws.is_empty())
        .map(|ws| side.with_file_name(OsStr::from_bytes(ws)))
}

/// `s` as one shell word.
fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "/._-+,:@%=".contains(c))
    {
        crate::text::visible(s).into_owned()
    } else {
        format!("'{}'", crate::text::visible(&s.replace('\'', r"'\''")))
    }
}

/// `sakip (1001)`, or the number alone when the group has no name.
fn group_label(g: &Group) -> String {
    match &g.name {
        Some(name) => format!("{} ({})", crate::text::visible(name), g.gid),
        None => g.gid.to_string(),
    }
}

impl fmt::Display for UnsafeFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Id))
    }
}

impl CommitError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CommitError::Store(e) => e.message(lang),
            CommitError::Busy { holder } => format!(
                "{} {}; {}",
                lang.pick("workspace sedang disimpan oleh", "the workspace is being saved by"),
                if holder.is_empty() {
                    lang.pick("pengguna lain", "another user")
                } else {
                    holder
                },
                lang.pick("coba simpan lagi sebentar lagi", "try saving again in a moment")
            ),
            CommitError::Vanished(p) => format!(
                "{}: {}",
                p.display(),
                lang.pick(
                    "berkas hilang dari disk; perubahan Anda masih di memori — pulihkan berkasnya atau simpan ke tempat lain",
                    "the file is gone from disk; your changes are still in memory — restore the file or save elsewhere"
                )
            ),
            CommitError::Conflicts(c) if c.iter().all(|c| c.figure().is_some()) => format!(
                "{} {}",
                c.len(),
                lang.pick(
                    "angka juga diubah orang lain sejak Anda membuka; tidak ada yang ditulis",
                    "figure(s) were also changed by someone else since you opened; nothing was written"
                )
            ),
            CommitError::Conflicts(c) => format!(
                "{} {}",
                c.len(),
                lang.pick(
                    "perubahan tidak lagi cocok dengan berkas (orang lain menyimpan sejak Anda membuka); tidak ada yang ditulis",
                    "change(s) no longer fit the file (someone else saved since you opened); nothing was written"
                )
            ),
        }
    }
}

impl Conflict {
    /// One line: "7.01.02.2.04.02 realisasi TW III: Anda 1.300, di berkas 1.250 (diubah oleh
    /// budi, …)", or the change and why it no longer applies. Names as written (a front-end
    /// makes them safe to show).
    pub fn message(&self, lang: Lang) -> String {
        // A lock names who locked it and when itself.
        let locked = matches!(self.why(), Refusal::QuarterLocked { .. });
        let who = self
            .by()
            .filter(|_| !locked)
            .map(|e| {
                format!(
                    " ({} {}, {})",
                    lang.pick("diubah oleh", "changed by"),
                    e.pengguna,
                    e.waktu
                )
            })
            .unwrap_or_default();
        match self {
            Conflict::Figure(f) => {
                let kind = f.mine.field.figure_kind();
                let on_file = match &f.why {
                    Refusal::FigureChanged { .. } => super::value_or_dash(kind, f.theirs),
                    other => super::refusal(other, lang),
                };
                format!(
                    "{} {}: {} {}, {} {}{who}",
                    f.mine.kode,
                    super::field_label(f.mine.field, lang),
                    lang.pick("Anda", "yours"),
                    super::value_or_dash(kind, f.mine.new),
                    lang.pick("di berkas", "on file"),
                    on_file,
                )
            }
            Conflict::Change(c) => format!(
                "{} — {}{who}",
                super::describe_change(&c.change, None, lang),
                super::refusal(&c.why, lang)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(gid: u32, name: Option<&str>) -> Group {
        Group {
            gid,
            name: name.map(String::from),
        }
    }

    #[test]
    fn a_group_is_named_as_ls_names_it() {
        assert_eq!(group_label(&group(0, Some("root"))), "root (0)");
        // A group without an entry: its number alone.
        assert_eq!(group_label(&group(4_000_000_000, None)), "4000000000");
    }

    #[test]
    fn the_fix_for_a_group_mismatch_names_the_odd_file() {
        let side = Path::new("/srv/kinerja/ws.json.lock");
        let root = group(0, Some("root"));
        let none = group(4_000_000_000, None);
        // The lock has the folder's group, the workspace does not: change the workspace.
        let fix = group_fix(side, &root, &none, 0, Lang::Id);
        assert!(
            fix.contains("chgrp root /srv/kinerja/ws.json` (grup folder), atau hapus ws.json.lock"),
            "{fix}"
        );
        // The workspace has the folder's group: the lock is the odd one.
        let fix = group_fix(side, &none, &root, 0, Lang::Id);
        assert!(
            fix.contains("chgrp root /srv/kinerja/ws.json.lock"),
            "{fix}"
        );
        assert_eq!(
            workspace_of(Path::new("/a/b c.json.jurnal.jsonl")),
            Some(PathBuf::from("/a/b c.json"))
        );
        assert_eq!(shell_quote("/a/b c.json"), "'/a/b c.json'");
    }
}
