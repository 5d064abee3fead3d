//! The meeting pack's page (`export::pack::render`) read as a person reads it: English with no
//! Indonesian words of its own; hostile names (markup, bidirectional marks, control
//! characters) shown inert; a workspace with no indicators saying so; 500 red indicators still
//! one item each, every one kept whole on a printed page.

use kinerja::export::{Format, pack};
use kinerja::locale::Lang;
use kinerja::model::{Quarter, Workspace};
use kinerja::store;

fn sample() -> Workspace {
    store::parse(store::SAMPLE_JSON).unwrap()
}

fn render(ws: &Workspace, lang: Lang, format: Format) -> String {
    String::from_utf8(pack::render(ws, Quarter::IV, lang, format).unwrap()).unwrap()
}

#[test]
fn the_english_pack_says_nothing_in_indonesian_of_its_own() {
    let ws = sample();
    for format in [Format::Html, Format::Md] {
        let page = render(&ws, Lang::En, format);
        // The sample's own names are Indonesian (its indicators, units "indeks", "nilai");
        // the pack's words are not.
        for word in [
            "TW ",
            "capaian",
            "jatuh tempo",
            "s.d.",
            "belum",
            "merah",
            "tahun ",
            "triwulan",
            "Penghambat",
            "Tindak lanjut",
            "Bukti",
            "Penjelasan",
            "dari pagu",
        ] {
            assert!(!page.contains(word), "{format:?}: «{word}» in {page}");
        }
        // IP ASN (seed line 612): 70,85 in TW IV of a target of 75 = 94,47 %, rated Sangat
        // Tinggi (≥ 91 %) and red (< 100 %); 46,63 in 2022 (Tabel 3.2).
        for said in [
            "Performance Meeting Pack — Kecamatan Sooko 2023",
            "up to Q IV",
            "Q I — · Q II — · Q III — · Q IV 70,85 · last year (2022): 46,63",
            "75 indeks · due by Q IV: 75 indeks",
            "70,85 indeks · achieved 94,47 %",
            "red: achieved 94,47 % (rated Very high)",
            "no explanation yet",
        ] {
            assert!(
                page.contains(said),
                "{format:?}: «{said}» missing in {page}"
            );
        }
    }
}

#[test]
fn the_indonesian_pack_keeps_its_words() {
    let page = render(&sample(), Lang::Id, Format::Md);
    for said in [
        "Bahan Rapat Kinerja — Kecamatan Sooko 2023",
        "s.d. triwulan IV",
        "TW I — · TW II — · TW III — · TW IV 70,85 · tahun 2022: 46,63",
        "75 indeks · jatuh tempo s.d. TW IV: 75 indeks",
        "70,85 indeks · capaian 94,47 %",
        "merah 94,47 % (Sangat Tinggi)",
    ] {
        assert!(page.contains(said), "«{said}» missing in {page}");
    }
}
