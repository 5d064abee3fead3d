//! `kinerja node add|rename|recode|move|remove`: the tree itself. Each builds a `model::Change`
//! from the workspace as read, held to the rules (`rules::change::check`: Permendagri codes,
//! which level may sit under which, names, what a removal takes with it) and saved through the
//! commit path like a figure.

use super::init::name;
use super::output::{Refused, shown};
use super::save;
use super::workspace::Opened;
use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use color_eyre::eyre::Result;
use kinerja::locale::{self, Lang};
use kinerja::model::{Change, Node, NodeKind, Objection, Workspace};
use kinerja::rules::{codes, levels, removal};
use std::io::Write;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct NodeArgs {
    #[command(subcommand)]
    action: NodeAction,
}

/// A level of the tree as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    Visi,
    Misi,
    Tujuan,
    Sasaran,
    Program,
    Kegiatan,
    #[value(name = "sub-kegiatan", alias = "sub_kegiatan", alias = "subkegiatan")]
    SubKegiatan,
}

impl From<LevelArg> for NodeKind {
    fn from(l: LevelArg) -> NodeKind {
        match l {
            LevelArg::Visi => NodeKind::Visi,
            LevelArg::Misi => NodeKind::Misi,
            LevelArg::Tujuan => NodeKind::Tujuan,
            LevelArg::Sasaran => NodeKind::Sasaran,
            LevelArg::Program => NodeKind::Program,
            LevelArg::Kegiatan => NodeKind::Kegiatan,
            LevelArg::SubKegiatan => NodeKind::SubKegiatan,
        }
    }
}

#[derive(Subcommand, Debug)]
enum NodeAction {
    /// Tambah node di bawah --parent (tanpa --parent: di akar pohon). Tingkatnya mengikuti
    /// induknya (visi → misi → tujuan → sasaran → program → kegiatan → sub kegiatan) kecuali
    /// dipilih dengan --jenis.
    Add {
        /// Kode induk.
        #[arg(long, value_name = "KODE")]
        parent: Option<String>,
        /// Kode node baru: program X.XX.XX, kegiatan <program>.X.XX, sub kegiatan
        /// <kegiatan>.XX (Permendagri 90/2019); tingkat di atasnya bebas (SASARAN-3).
        kode: String,
        /// Nama node.
        nama: String,
        /// Tingkat node bila bukan tingkat berikut dari induknya.
        #[arg(long, value_enum, value_name = "LEVEL")]
        jenis: Option<LevelArg>,
    },
    /// Ganti nama node.
    Rename { kode: String, nama: String },
    /// Ganti kode node; kode node di bawahnya yang melanjutkan kodenya ikut berganti.
    Recode {
        kode: String,
        #[arg(value_name = "NEW")]
        new: String,
    },
    /// Pindahkan node satu tempat ke atas atau ke bawah di antara saudaranya, atau ke bawah
    /// induk lain (dengan --kode bila kodenya harus mengikuti induk barunya).
    #[command(group(ArgGroup::new("ke").required(true).args(["up", "down", "parent"])))]
    Move {
        kode: String,
        #[arg(long)]
        up: bool,
        #[arg(long)]
        down: bool,
        /// Induk baru (node dipindah ke urutan terakhir di bawahnya).
        #[arg(long, value_name = "P")]
        parent: Option<String>,
        /// Kode baru di bawah induk baru (kegiatan dan sub kegiatan melanjutkan kode induknya).
        #[arg(long = "kode", value_name = "NEW", requires = "parent")]
        new_kode: Option<String>,
    },
    /// Hapus node beserta isinya. Node dengan anak, angka terisi atau baris PK perlu --force.
    Remove {
        kode: String,
        #[arg(long)]
        force: bool,
    },
}

fn no_node(kode: &str, lang: Lang) -> Refused {
    Refused(locale::edit_refusal(
        &kinerja::model::EditRefusal::NoNode {
            kode: kode.to_string(),
        },
        lang,
    ))
}

/// A code typed on the command line: trimmed (the rules refuse spaces inside it).
fn code(text: &str) -> String {
    text.trim().to_string()
}

/// "Sub Kegiatan 7.01.01.2.01.03 «nama»"
fn titled(n: &Node, lang: Lang) -> String {
    format!(
        "{} {} «{}»",
        lang.kind(n.jenis),
        shown(&n.kode),
        shown(&n.nama)
    )
}

/// What a command says once saved, from the workspace as the change left it.
type Said = Box<dyn Fn(&Workspace) -> String>;

pub fn run(out: &mut dyn Write, opened: &Opened, args: &NodeArgs, lang: Lang) -> Result<ExitCode> {
    let ws = &opened.ws;
    let node = |kode: &str| ws.node(kode).ok_or_else(|| no_node(kode, lang));
    let (changes, done): (Vec<Change>, Said) = match &args.action {
        NodeAction::Add {
            parent,
            kode,
            nama,
            jenis,
        } => {
            let parent = parent.as_deref().map(code);
            let parent_kind = match &parent {
                Some(p) => Some(node(p)?.jenis),
                None => None,
            };
            let jenis = match jenis {
                Some(j) => NodeKind::from(*j),
                None => levels::default_under(parent_kind).ok_or_else(|| {
                    Refused(
                        lang.pick(
                            "Sub Kegiatan adalah tingkat terendah; tidak ada node di bawahnya",
                            "Sub Kegiatan is the lowest level; nothing goes below it",
                        )
                        .into(),
                    )
                })?,
            };
            let kode = code(kode);
            let nama = name(nama, lang.pick("nama", "name"), lang)?;
            // The level first: a code is only judged at the level it is for.
            if !levels::may_sit_under(jenis, parent_kind) {
                let o = Objection::Level {
                    kode: kode.clone(),
                    jenis,
                    parent: parent_kind,
                };
                return Err(Refused(locale::objection(&o, lang)).into());
            }
            // A malformed or taken code: say which one is free.
            if let Err(why) = codes::check_in(ws, jenis, parent.as_deref(), &kode) {
                let mut line = locale::code_error(&kode, &why, lang);
                if let Some(free) = codes::next_free(ws, parent.as_deref(), jenis) {
                    line = format!(
                        "{line} ({} {})",
                        lang.pick("kode bebas berikutnya:", "next free kode:"),
                        shown(&free)
                    );
                }
                return Err(Refused(line).into());
            }
            let new = Node::new(jenis, &kode, &nama);
            let change = Change::add_node(parent.as_deref(), None, new.clone());
            let place = match parent {
                Some(p) => format!("{} {}", lang.pick("di bawah", "under"), shown(&p)),
                None => lang.pick("di akar pohon", "at the root").into(),
            };
            (
                vec![change],
                Box::new(move |_| {
                    format!(
                        "{} {} {place}",
                        lang.pick("Ditambahkan:", "Added:"),
                        titled(&new, lang)
                    )
                }),
            )
        }
        NodeAction::Rename { kode, nama } => {
            let kode = code(kode);
            node(&kode)?;
            let nama = name(nama, lang.pick("nama", "name"), lang)?;
            let change = Change::rename(ws, &kode, &nama).expect("the node exists");
            (
                vec![change],
                Box::new(move |after| {
                    format!(
                        "{} {}",
                        lang.pick("Nama diganti:", "Renamed:"),
                        titled(after.node(&kode).expect("renamed"), lang)
                    )
                }),
            )
        }
        NodeAction::Recode { kode, new } => {
            let (kode, new) = (code(kode), code(new));
            node(&kode)?;
            let change = Change::NodeRecode {
                kode: kode.clone(),
                new: new.clone(),
            };
            (
                vec![change],
                Box::new(move |after| {
                    let n = after.node(&new).expect("recoded");
                    let below = n.iter().count() - 1;
                    format!(
                        "{} {} → {}{}",
                        lang.pick("Kode diganti:", "Recoded:"),
                        shown(&kode),
                        titled(n, lang),
                        if below > 0 {
                            format!(
                                " ({below} {})",
                                lang.pick("node di bawahnya mengikuti", "node(s) below it follow")
                            )
                        } else {
                            String::new()
                        }
                    )
                }),
            )
        }
        NodeAction::Move {
            kode,
            up,
            down,
            parent,
            new_kode,
        } => {
            let kode = code(kode);
            node(&kode)?;
            let change = if *up || *down {
                Change::move_among_siblings(ws, &kode, *up).ok_or_else(|| {
                    Refused(format!(
                        "«{}» {}",
                        shown(&kode),
                        if *up {
                            lang.pick("sudah paling atas", "is already the first")
                        } else {
                            lang.pick("sudah paling bawah", "is already the last")
                        }
                    ))
                })?
            } else {
                let p = code(parent.as_deref().expect("clap requires one"));
                node(&p)?;
                let new_kode = new_kode.as_deref().map(code);
                Change::move_under(ws, &kode, Some(&p), new_kode.as_deref())
                    .expect("both nodes exist")
            };
            let now = match &change {
                Change::NodeMove { new_kode, .. } => new_kode.clone().unwrap_or(kode.clone()),
                _ => kode.clone(),
            };
            (
                vec![change],
                Box::new(move |after| {
                    let place = kinerja::model::change::place(after, &now).expect("moved");
                    let under = match &place.parent {
                        Some(p) => format!("{} {}", lang.pick("di bawah", "under"), shown(p)),
                        None => lang.pick("di akar pohon", "at the root").into(),
                    };
                    format!(
                        "{} {} {under}, {} {}",
                        lang.pick("Dipindah:", "Moved:"),
                        titled(after.node(&now).expect("moved"), lang),
                        lang.pick("urutan", "position"),
                        place.at + 1
                    )
                }),
            )
        }
        NodeAction::Remove { kode, force } => {
            let kode = code(kode);
            let n = node(&kode)?;
            let what = format!(
                "{} ({})",
                titled(n, lang),
                locale::removal(&removal::of_node(ws, n), lang)
            );
            let change = Change::remove_node(ws, &kode, *force).expect("the node exists");
            (
                vec![change],
                Box::new(move |_| format!("{} {what}", lang.pick("Dihapus:", "Removed:"))),
            )
        }
    };
    match save::check_and_commit(out, opened, changes, None, lang)? {
        Ok(after) => {
            writeln!(out, "{}", done(&after))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}
