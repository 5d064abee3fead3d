//! The words for the tree's levels and for why a change of the tree is refused: each
//! [`Refusal`] (the change cannot apply to the workspace as it is) and each [`Objection`] (the
//! rules a user's change must follow), one line each, in both languages. Codes and names are
//! quoted as given; front-ends make them safe to show.

use super::{Lang, field_label, figure, quarter, rupiah, value_or_dash, verified_by};
use crate::model::{
    CodeError, Objection, Place, Refusal, Removal, TextError, TextKind, Verification,
};

fn place(p: &Place, lang: Lang) -> String {
    match &p.parent {
        Some(parent) => format!(
            "{} «{parent}» {} {}",
            lang.pick("di bawah", "under"),
            lang.pick("urutan", "position"),
            p.at + 1
        ),
        None => format!(
            "{} {} {}",
            lang.pick("di akar pohon", "at the root"),
            lang.pick("urutan", "position"),
            p.at + 1
        ),
    }
}

/// What a removal takes with it: "3 node di bawahnya, 4 indikator, 12 angka, Rp 1.250.000
/// terealisasi, 1 baris PK" (only the parts that are not nothing; "tidak ada data" when all are).
pub fn removal(r: &Removal, lang: Lang) -> String {
    let mut parts = Vec::new();
    if r.nodes_below > 0 {
        parts.push(format!(
            "{} {}",
            r.nodes_below,
            lang.pick("node di bawahnya", "node(s) below it")
        ));
    }
    if r.indicators > 0 {
        parts.push(format!(
            "{} {}",
            r.indicators,
            lang.pick("indikator", "indicator(s)")
        ));
    }
    if r.figures > 0 {
        parts.push(format!(
            "{} {}",
            r.figures,
            lang.pick("angka terisi", "figure(s) entered")
        ));
    }
    if let Some(rp) = r.rupiah.filter(|v| !v.is_zero()) {
        parts.push(format!(
            "{} {}",
            rupiah(rp),
            lang.pick("terealisasi", "spent")
        ));
    }
    if r.pk_lines > 0 {
        parts.push(format!(
            "{} {}",
            r.pk_lines,
            lang.pick("baris PK", "PK line(s)")
        ));
    }
    if parts.is_empty() {
        lang.pick("tidak ada data lain", "nothing else").into()
    } else {
        parts.join(", ")
    }
}

/// Why a change cannot apply to the workspace as it is now, in one line.
pub fn refusal(r: &Refusal, lang: Lang) -> String {
    let p = |id, en| lang.pick(id, en);
    match r {
        Refusal::NodeGone { kode } => format!(
            "«{kode}» {}",
            p(
                "tidak ada lagi (dihapus atau diganti kodenya)",
                "no longer exists (removed or recoded)"
            )
        ),
        Refusal::IndicatorGone { kode, indikator } => format!(
            "«{kode}»: {} (id {indikator}) {}",
            p("indikator", "the indicator"),
            p("tidak ada lagi", "no longer exists")
        ),
        Refusal::NoIndicatorId { kode, field } => format!(
            "«{kode}» {}: {}",
            field_label(*field, lang),
            p(
                "perubahan tanpa id indikator tidak dapat diterapkan",
                "a change without the indicator's id cannot apply"
            )
        ),
        Refusal::NoSlot { kode, field } => format!(
            "«{kode}» {} {}",
            p("tidak punya angka", "has no figure"),
            field_label(*field, lang)
        ),
        Refusal::NoBudget { kode } => {
            format!("«{kode}» {}", p("tidak punya anggaran", "has no budget"))
        }
        Refusal::OfficerGone { id } => format!(
            "{} «{id}» {}",
            p("pejabat", "officer"),
            p("tidak ada", "does not exist")
        ),
        Refusal::FigureChanged {
            kode,
            field,
            expected,
            found,
        } => {
            let kind = field.figure_kind();
            format!(
                "«{kode}» {}: {} {}, {} {} ({})",
                field_label(*field, lang),
                p("semula", "was"),
                value_or_dash(kind, *expected),
                p("di berkas kini", "on file now"),
                value_or_dash(kind, *found),
                p("diubah orang lain", "changed by someone else")
            )
        }
        Refusal::AttrChanged {
            kode,
            expected,
            found,
        } => format!(
            "«{kode}»: {} «{expected}», {} «{found}» ({})",
            p("semula", "was"),
            p("di berkas kini", "on file now"),
            p("diubah orang lain", "changed by someone else")
        ),
        Refusal::NodeChanged { kode } => format!(
            "«{kode}» {}",
            p(
                "atau isinya sudah diubah orang lain sejak Anda membukanya",
                "or what is below it was changed by someone else since you opened it"
            )
        ),
        Refusal::IndicatorChanged { kode, indikator } => format!(
            "«{kode}»: {} (id {indikator}) {}",
            p("indikator", "the indicator"),
            p(
                "sudah diubah orang lain sejak Anda membukanya",
                "was changed by someone else since you opened it"
            )
        ),
        Refusal::BudgetChanged { kode } => format!(
            "«{kode}»: {}",
            p(
                "anggarannya sudah diubah orang lain sejak Anda membukanya",
                "its budget was changed by someone else since you opened it"
            )
        ),
        Refusal::OfficerChanged { id } => format!(
            "{} «{id}» {}",
            p("pejabat", "officer"),
            p(
                "sudah diubah orang lain sejak Anda membukanya",
                "was changed by someone else since you opened it"
            )
        ),
        Refusal::NodeMoved {
            kode,
            expected,
            found,
        } => format!(
            "«{kode}» {} ({} {}, {} {})",
            p("sudah dipindah orang lain", "was moved by someone else"),
            p("semula", "was"),
            place(expected, lang),
            p("kini", "now"),
            place(found, lang)
        ),
        Refusal::IndicatorMoved {
            kode,
            indikator,
            expected,
            found,
        } => format!(
            "«{kode}»: {} (id {indikator}) {} ({} {}, {} {})",
            p("indikator", "the indicator"),
            p("sudah dipindah orang lain", "was moved by someone else"),
            p("semula urutan", "was at"),
            expected + 1,
            p("kini", "now"),
            found + 1
        ),
        Refusal::Position { at, len } => format!(
            "{} {} {} ({} {len})",
            p("urutan", "position"),
            at + 1,
            p("tidak ada", "does not exist"),
            p("yang ada", "there are"),
        ),
        Refusal::KodeTaken { kode } => format!(
            "{} «{kode}» {}",
            p("kode", "kode"),
            p("sudah dipakai node lain", "is already used by another node")
        ),
        Refusal::KodeEmpty => p("kode kosong", "empty kode").into(),
        Refusal::IdTaken { indikator } => format!(
            "{} {indikator} {}",
            p("id indikator", "indicator id"),
            p("sudah dipakai", "is already used")
        ),
        Refusal::IdUnset => p("indikator tanpa id", "an indicator without id").into(),
        Refusal::LevelNotBelow {
            kode,
            jenis,
            parent,
        } => format!(
            "{} «{kode}» {} {}",
            lang.kind(*jenis),
            p("tidak dapat berada di bawah", "cannot sit under a"),
            lang.kind(*parent)
        ),
        Refusal::IntoItself { kode } => format!(
            "«{kode}» {}",
            p(
                "tidak dapat dipindah ke bawah dirinya sendiri",
                "cannot move under itself"
            )
        ),
        Refusal::RecodeClash { kode } => format!(
            "«{kode}» {}",
            p(
                "di bawahnya sudah memakai kode baru itu sebagai awalan; pilih kode lain",
                "below it already starts with the new kode; choose another"
            )
        ),
        Refusal::PkLines { no } => format!(
            "{} {} {}",
            p("baris PK", "PK line(s)"),
            no.join(", "),
            p(
                "menunjuk ke sana; penghapusan harus dipaksa (--force)",
                "point at it; the removal must be forced (--force)"
            )
        ),
        Refusal::PkDangling { no } => format!(
            "{} {no} {}",
            p("baris PK", "PK line"),
            p("akan menunjuk ke yang tidak ada", "would point at nothing")
        ),
        Refusal::BudgetNotAllowed { kode, jenis } => format!(
            "{} «{kode}» {}",
            lang.kind(*jenis),
            p(
                "tidak punya anggaran (hanya Program, Kegiatan, Sub Kegiatan)",
                "carries no budget (only Program, Kegiatan, Sub Kegiatan do)"
            )
        ),
        Refusal::BudgetExists { kode } => format!(
            "«{kode}» {}",
            p("sudah punya anggaran", "already has a budget")
        ),
        Refusal::OfficerIdTaken { id } => format!(
            "{} «{id}» {}",
            p("id pejabat", "officer id"),
            p("sudah dipakai", "is already used")
        ),
        Refusal::OfficerIdFixed { id } => format!(
            "{} «{id}» {}",
            p("id pejabat", "officer id"),
            p("tidak dapat diubah", "cannot change")
        ),
        Refusal::OfficerInUse { id, kode } => format!(
            "{} «{id}» {} «{kode}»; {}",
            p("pejabat", "officer"),
            p("masih penanggung jawab di", "is still responsible at"),
            p(
                "tunjuk penggantinya (--ganti ID)",
                "name a replacement (--ganti ID)"
            )
        ),
        Refusal::BadFigure { kode, value } => format!(
            "«{kode}»: {} {}",
            figure(*value),
            p(
                "di luar batas (tidak negatif, paling besar 10^15)",
                "is out of range (not negative, at most 10^15)"
            )
        ),
        Refusal::QuarterLocked { tw, by } => format!(
            "{} {} {} ({}); {} `kinerja unlock --tw {} --reason …` {}",
            quarter(*tw, lang),
            p(
                "sudah diverifikasi dan dikunci oleh",
                "was verified and locked by"
            ),
            by.oleh,
            super::moment(&by.waktu),
            p(
                "tidak dapat diubah sebelum dibuka dengan",
                "it cannot change until opened with"
            ),
            tw.number(),
            p("(V di antarmuka)", "(V in the interface)"),
        ),
        Refusal::VerificationChanged {
            tw,
            expected,
            found,
        } => {
            let state = |v: &Option<Verification>| match v {
                Some(v) => format!(
                    "{} {}",
                    p("terkunci oleh", "locked by"),
                    verified_by(v, lang)
                ),
                None => p("terbuka", "open").to_string(),
            };
            format!(
                "{}: {} {}, {} {} ({})",
                quarter(*tw, lang),
                p("semula", "was"),
                state(expected),
                p("kini", "now"),
                state(found),
                p("diubah orang lain", "changed by someone else")
            )
        }
    }
}

/// The name of a text field, as an error names it.
pub fn text_kind(kind: TextKind, lang: Lang) -> &'static str {
    match kind {
        TextKind::Nama => lang.pick("nama", "name"),
        TextKind::Satuan => lang.pick("satuan", "unit"),
        TextKind::SumberDana => lang.pick("sumber dana", "source of funds"),
        TextKind::OfficerId => lang.pick("id pejabat", "officer id"),
        TextKind::Nip => "NIP",
        TextKind::Catatan => lang.pick("penjelasan", "explanation"),
        TextKind::Bukti => lang.pick("bukti dukung", "evidence"),
        TextKind::Alasan => lang.pick("alasan", "reason"),
    }
}

/// What is wrong with a code, in one line (`kode` as given).
pub fn code_error(kode: &str, why: &CodeError, lang: Lang) -> String {
    let p = |id, en| lang.pick(id, en);
    match why {
        CodeError::Empty => p("kode kosong", "empty kode").into(),
        CodeError::Blank => format!(
            "{} «{kode}» {}",
            p("kode", "kode"),
            p(
                "berisi spasi, karakter kendali atau karakter tak terlihat",
                "holds a space, a control character or an invisible one"
            )
        ),
        CodeError::TooLong { max } => format!(
            "{} «{kode}» {} {max} {}",
            p("kode", "kode"),
            p("lebih dari", "is longer than"),
            p("karakter", "characters")
        ),
        CodeError::Shape { pattern } => format!(
            "{} «{kode}» {} {pattern} (Permendagri 90/2019)",
            p("kode", "kode"),
            p("tidak berbentuk", "does not have the shape")
        ),
        CodeError::NotUnder { parent, pattern } => format!(
            "{} «{kode}» {} «{parent}» ({pattern})",
            p("kode", "kode"),
            p(
                "harus melanjutkan kode induknya",
                "must extend its parent's kode"
            )
        ),
        CodeError::Taken => format!(
            "{} «{kode}» {}",
            p("kode", "kode"),
            p("sudah dipakai node lain", "is already used by another node")
        ),
    }
}

/// What is wrong with a text of kind `kind`, in one line.
pub fn text_error(kind: TextKind, why: TextError, lang: Lang) -> String {
    let what = text_kind(kind, lang);
    let p = |id, en| lang.pick(id, en);
    match why {
        TextError::Empty => format!("{what} {}", p("kosong", "is empty")),
        TextError::Control if kind.multiline() => format!(
            "{what} {}",
            p(
                "berisi tab atau karakter kendali (baris baru boleh)",
                "holds a tab or a control character (line breaks are fine)"
            )
        ),
        TextError::Control => format!(
            "{what} {}",
            p(
                "berisi baris baru, tab, karakter kendali atau karakter tak terlihat (arah teks, lebar nol)",
                "holds a line break, a tab, a control character or an invisible one (text direction, zero width)"
            )
        ),
        TextError::Spaces => format!(
            "{what} {}",
            p("diawali atau diakhiri spasi", "starts or ends with a space")
        ),
        TextError::TooLong { max } => format!(
            "{what} {} {max} {}",
            p("lebih dari", "is longer than"),
            p("karakter", "characters")
        ),
        TextError::Shape => match kind {
            TextKind::OfficerId => format!(
                "{what} {}",
                p(
                    "hanya huruf kecil a-z, angka 0-9, - dan _",
                    "takes only lower-case a-z, digits 0-9, - and _"
                )
            ),
            TextKind::Nip => format!(
                "{what} {}",
                p(
                    "harus 18 angka (spasi boleh di antaranya)",
                    "must be 18 digits (spaces allowed between them)"
                )
            ),
            _ => format!("{what} {}", p("tidak sah", "is not valid")),
        },
    }
}

/// Why a user's change is not accepted, in one line.
pub fn objection(o: &Objection, lang: Lang) -> String {
    let p = |id, en| lang.pick(id, en);
    match o {
        Objection::Refused(r) => refusal(r, lang),
        Objection::Code { kode, why } => code_error(kode, why, lang),
        Objection::Level {
            kode,
            jenis,
            parent,
        } => match parent {
            Some(parent) => format!(
                "{} «{kode}» {} {}",
                lang.kind(*jenis),
                p("tidak dapat berada di bawah", "cannot sit under a"),
                lang.kind(*parent)
            ),
            None => format!(
                "{} «{kode}» {}",
                lang.kind(*jenis),
                p(
                    "tidak dapat berada di akar pohon; sebutkan induknya (--parent)",
                    "cannot sit at the root; name its parent (--parent)"
                )
            ),
        },
        Objection::Text { kind, why } => text_error(*kind, *why, lang),
        Objection::NeedsForce(r) => format!(
            "{}: {}; {}",
            p("ikut terhapus", "this also removes"),
            removal(r, lang),
            p(
                "ulangi dengan --force bila memang dimaksud",
                "repeat with --force if that is what you mean"
            )
        ),
        Objection::BudgetIsSum { kode } => format!(
            "«{kode}»: {}",
            p(
                "anggaran node ini dijumlah dari node di bawahnya; isi Rp pada Sub Kegiatan",
                "this node's budget is the sum of the nodes below it; enter Rp on a Sub Kegiatan"
            )
        ),
        Objection::RupiahDecimals { value } => format!(
            "{}: {}",
            figure(*value),
            p(
                "Rupiah paling banyak 2 angka di belakang koma",
                "Rupiah take at most 2 decimals"
            )
        ),
        Objection::QuarterNotStarted { tw, current } => format!(
            "{} {} ({} {}); {}",
            quarter(*tw, lang),
            p("belum berjalan", "has not started"),
            p("triwulan berjalan", "current quarter"),
            quarter(*current, lang),
            p(
                "yang diverifikasi hanya triwulan yang sudah berjalan",
                "only a quarter that has started can be verified"
            )
        ),
        Objection::NoReason => p(
            "membuka triwulan yang terkunci perlu alasan (--reason TEKS)",
            "opening a locked quarter needs a reason (--reason TEXT)",
        )
        .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, IndicatorId, NodeKind, Quarter};
    use rust_decimal::dec;

    #[test]
    fn every_refusal_and_objection_is_one_line_in_both_languages() {
        let place = Place {
            parent: Some("7.01.01".into()),
            at: 1,
        };
        let refusals = vec![
            Refusal::NodeGone { kode: "A".into() },
            Refusal::IndicatorGone {
                kode: "A".into(),
                indikator: IndicatorId(7),
            },
            Refusal::NoIndicatorId {
                kode: "A".into(),
                field: Field::Target(0),
            },
            Refusal::NoSlot {
                kode: "A".into(),
                field: Field::Pagu,
            },
            Refusal::NoBudget { kode: "A".into() },
            Refusal::OfficerGone { id: "x".into() },
            Refusal::FigureChanged {
                kode: "A".into(),
                field: Field::Rp(Quarter::II),
                expected: Some(dec!(1000)),
                found: None,
            },
            Refusal::AttrChanged {
                kode: "A".into(),
                expected: "a".into(),
                found: "b".into(),
            },
            Refusal::NodeChanged { kode: "A".into() },
            Refusal::IndicatorChanged {
                kode: "A".into(),
                indikator: IndicatorId(7),
            },
            Refusal::BudgetChanged { kode: "A".into() },
            Refusal::OfficerChanged { id: "x".into() },
            Refusal::NodeMoved {
                kode: "A".into(),
                expected: place.clone(),
                found: Place {
                    parent: None,
                    at: 0,
                },
            },
            Refusal::IndicatorMoved {
                kode: "A".into(),
                indikator: IndicatorId(7),
                expected: 0,
                found: 2,
            },
            Refusal::Position { at: 5, len: 2 },
            Refusal::KodeTaken { kode: "A".into() },
            Refusal::KodeEmpty,
            Refusal::IdTaken {
                indikator: IndicatorId(7),
            },
            Refusal::IdUnset,
            Refusal::LevelNotBelow {
                kode: "A".into(),
                jenis: NodeKind::Program,
                parent: NodeKind::Kegiatan,
            },
            Refusal::IntoItself { kode: "A".into() },
            Refusal::RecodeClash { kode: "A".into() },
            Refusal::PkLines {
                no: vec!["1.1".into(), "1.2".into()],
            },
            Refusal::PkDangling { no: "1.1".into() },
            Refusal::BudgetNotAllowed {
                kode: "A".into(),
                jenis: NodeKind::Visi,
            },
            Refusal::BudgetExists { kode: "A".into() },
            Refusal::OfficerIdTaken { id: "x".into() },
            Refusal::OfficerIdFixed { id: "x".into() },
            Refusal::OfficerInUse {
                id: "x".into(),
                kode: "A".into(),
            },
            Refusal::BadFigure {
                kode: "A".into(),
                value: dec!(-1),
            },
            Refusal::QuarterLocked {
                tw: Quarter::II,
                by: Verification {
                    oleh: "ani".into(),
                    waktu: "2026-07-10T09:00:00+07:00".into(),
                },
            },
            Refusal::VerificationChanged {
                tw: Quarter::II,
                expected: None,
                found: Some(Verification {
                    oleh: "ani".into(),
                    waktu: "2026-07-10T09:00:00+07:00".into(),
                }),
            },
        ];
        let mut objections: Vec<Objection> = refusals.into_iter().map(Objection::Refused).collect();
        for why in [
            CodeError::Empty,
            CodeError::Blank,
            CodeError::TooLong { max: 40 },
            CodeError::Shape { pattern: "X.XX.XX" },
            CodeError::NotUnder {
                parent: "7.01.01".into(),
                pattern: "<program>.X.XX",
            },
            CodeError::Taken,
        ] {
            objections.push(Objection::Code {
                kode: "7.1".into(),
                why,
            });
        }
        for kind in [
            TextKind::Nama,
            TextKind::Satuan,
            TextKind::SumberDana,
            TextKind::OfficerId,
            TextKind::Nip,
            TextKind::Catatan,
            TextKind::Bukti,
            TextKind::Alasan,
        ] {
            for why in [
                TextError::Empty,
                TextError::Control,
                TextError::Spaces,
                TextError::TooLong { max: 40 },
                TextError::Shape,
            ] {
                objections.push(Objection::Text { kind, why });
            }
        }
        objections.extend([
            Objection::Level {
                kode: "A".into(),
                jenis: NodeKind::Kegiatan,
                parent: None,
            },
            Objection::Level {
                kode: "A".into(),
                jenis: NodeKind::SubKegiatan,
                parent: Some(NodeKind::Program),
            },
            Objection::NeedsForce(Removal {
                nodes_below: 2,
                indicators: 3,
                figures: 12,
                rupiah: Some(dec!(1250000)),
                pk_lines: 1,
            }),
            Objection::BudgetIsSum { kode: "A".into() },
            Objection::RupiahDecimals { value: dec!(1.234) },
            Objection::QuarterNotStarted {
                tw: Quarter::III,
                current: Quarter::II,
            },
            Objection::NoReason,
        ]);
        for lang in [Lang::Id, Lang::En] {
            let mut seen = std::collections::HashSet::new();
            for o in &objections {
                let m = objection(o, lang);
                assert!(!m.is_empty() && !m.contains('\n'), "{o:?}: {m}");
                // An empty kode reads the same whichever rule finds it.
                let same_thing = m == refusal(&Refusal::KodeEmpty, lang);
                assert!(
                    seen.insert(m.clone()) || same_thing,
                    "two objections read alike: {m}"
                );
            }
        }
        let force = objection(&objections[objections.len() - 5], Lang::Id);
        assert_eq!(
            force,
            "ikut terhapus: 2 node di bawahnya, 3 indikator, 12 angka terisi, \
             Rp 1.250.000 terealisasi, 1 baris PK; ulangi dengan --force bila memang dimaksud"
        );
        assert_eq!(
            objection(
                &Objection::Level {
                    kode: "7.01.01.2.01".into(),
                    jenis: NodeKind::Kegiatan,
                    parent: Some(NodeKind::Sasaran)
                },
                Lang::En
            ),
            "Activity «7.01.01.2.01» cannot sit under a Target"
        );
    }
}
