//! The meeting pack's page (`export::pack::render`) read as a person reads it: English with no
//! Indonesian words of its own; hostile names (markup, bidirectional marks, control
//! characters) shown inert; a workspace with no indicators saying so; 500 red indicators still
//! one item each, every one kept whole on a printed page.

#[path = "../src/cli/generate.rs"]
mod generate;

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

/// The tags the page is built of: anything else in the HTML came from a name.
const OWN_TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "dl", "dt", "dd",
    "section", "span", "ul", "li",
];

#[test]
fn hostile_names_are_shown_inert_in_html_and_markdown() {
    let mut ws = sample();
    ws.instansi.nama = "<script>alert(1)</script> Kecamatan".into();
    ws.instansi.kabupaten = "Kabupaten \u{202e}gnaruS".into();
    let officer = ws.node("7.01.01.2.05").unwrap().indikator[0]
        .pejabat
        .clone()
        .or_else(|| ws.node("7.01.01.2.05").unwrap().pejabat.clone());
    for o in &mut ws.pejabat {
        if Some(&o.id) == officer.as_ref() || officer.is_none() {
            o.nama = "**Camat** [klik](javascript:alert(1)) \u{1b}[2J".into();
        }
    }
    let ind = &mut ws.node_mut("7.01.01.2.05").unwrap().indikator[0];
    ind.nama = "<img src=x onerror=alert(1)> IP ASN \u{1b}]8;;http://x\u{7} \u{200f}dua".into();
    ind.satuan = "&amp; indeks".into();
    ind.penjelasan.update(Quarter::IV, |e| {
        e.penghambat = "baris satu</dd></dl><script>x()</script>\nbaris \u{2028}dua".into();
        e.tindak_lanjut = "# bukan judul\n- bukan butir | bukan | tabel".into();
        e.bukti = vec![
            "javascript:alert(1)".into(),
            "<a href=\"x\">bukti</a>".into(),
        ];
    });

    let html = render(&ws, Lang::Id, Format::Html);
    // Every tag in the page is one of the page's own.
    for piece in html.split('<').skip(1) {
        let tag: String = piece
            .trim_start_matches(['/', '!'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            tag.eq_ignore_ascii_case("doctype") || OWN_TAGS.contains(&tag.as_str()),
            "<{tag}> in {html}"
        );
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Kecamatan"),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt; IP ASN"),
        "{html}"
    );
    assert!(
        html.contains("**Camat** [klik](javascript:alert(1))"),
        "{html}"
    );
    assert!(
        html.contains("IP ASN \\u{1b}]8;;http://x\\u{7} \\u{200f}dua"),
        "{html}"
    );
    assert!(html.contains("\\u{1b}[2J"), "the officer's name: {html}");
    assert!(html.contains("&amp;amp; indeks"), "{html}");
    assert!(
        html.contains("baris satu&lt;/dd&gt;&lt;/dl&gt;&lt;script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("javascript:alert(1)"),
        "shown, as text: {html}"
    );
    // Controls and bidirectional marks: written as their visible escapes, never raw.
    for page in [&html, &render(&ws, Lang::Id, Format::Md)] {
        for hidden in ['\u{1b}', '\u{7}', '\u{202e}', '\u{200f}', '\u{2028}'] {
            assert!(!page.contains(hidden), "{hidden:?} raw in {page}");
        }
        // (Markdown escapes the backslash and brackets once more: `\\u{1b}\]`.)
        for escape in ["u{202e}gnaruS", "u{200f}dua", "u{1b}", "u{7}", "2J"] {
            assert!(page.contains(escape), "{escape} in {page}");
        }
    }

    let md = render(&ws, Lang::Id, Format::Md);
    // Nothing a Markdown reader turns into a tag, a link, emphasis, a heading or a list.
    assert!(!md.contains('<'), "{md}");
    assert!(md.contains("\\[klik\\](javascript:alert(1))"), "{md}");
    assert!(md.contains("\\*\\*Camat\\*\\*"), "{md}");
    // A typed "# " and "- " stay text: escaped where a line of the value begins with them.
    assert!(
        md.contains("\\# bukan judul  \n    \\- bukan butir \\| bukan"),
        "{md}"
    );
    assert!(
        !md.lines()
            .any(|l| l.starts_with("# bukan") || l.trim_start().starts_with("- bukan")),
        "{md}"
    );
}

#[test]
fn an_empty_workspace_says_it_has_no_indicators_yet() {
    // As `kinerja init` makes it (tests/cli.rs runs the command itself).
    let periode = kinerja::model::Periode {
        awal: 2025,
        akhir: 2029,
    };
    let ws = kinerja::model::init("Kecamatan Baru", "Kabupaten X", 2025, periode);
    let html = render(&ws, Lang::Id, Format::Html);
    assert!(
        html.contains("Workspace ini belum punya indikator: belum ada yang dapat dinilai."),
        "{html}"
    );
    assert!(html.contains("belum ada pagu tercatat"), "{html}");
    let md = render(&ws, Lang::En, Format::Md);
    assert!(
        md.contains("This workspace has no indicators yet: nothing can be rated.\n\n## "),
        "{md}"
    );
    assert!(md.contains("no pagu recorded yet"), "{md}");
    // The sample with every indicator met: nothing to discuss, and said differently.
    let mut ws = sample();
    for node in &mut ws.pohon {
        meet_every_target(node);
    }
    let md = render(&ws, Lang::Id, Format::Md);
    assert!(
        md.contains("Tidak ada: tidak ada indikator yang merah atau jatuh tempo dan belum diisi."),
        "{md}"
    );
}

/// Every indicator's TW IV realisation set so that its year meets its target.
fn meet_every_target(node: &mut kinerja::model::Node) {
    for ind in &mut node.indikator {
        if let Some(t) = ind.target {
            // Quarters summed, the last taken, or averaged: all four at the target meets it
            // in every aggregation but a sum, whose total is then four times the target.
            ind.realisasi = [Some(t); 4];
        }
    }
    for child in &mut node.anak {
        meet_every_target(child);
    }
}

#[test]
fn five_hundred_red_indicators_make_one_whole_item_each_in_order() {
    // `kinerja generate --units 3`: 675 indicators, every quarter filled, 522 of them below
    // their target at TW IV (the red list, which the pack follows).
    let ws = generate::workspace(3, 1);
    let red = kinerja::report::red_list(&ws, Quarter::IV);
    let expected = red.attention().count();
    assert!(expected >= 500, "{expected}: the generator changed");
    let html = render(&ws, Lang::Id, Format::Html);
    // Every item a section the printer keeps on one page, numbered 1…N in turn.
    assert!(html.contains("section.item {") && html.contains("break-inside: avoid"));
    let sections: Vec<&str> = html.split("<section class=\"item").skip(1).collect();
    assert_eq!(sections.len(), expected);
    for (n, s) in sections.iter().enumerate() {
        let h3 = s.split("<h3>").nth(1).unwrap();
        assert!(h3.starts_with(&format!("{}. U00", n + 1)), "{h3}");
        assert!(s.contains("</section>"));
    }
    // Worst first: the capaian in the headings never falls.
    let capaian: Vec<f64> = sections
        .iter()
        .map(|s| {
            let status = s.split("<span class=\"status\">merah ").nth(1).unwrap();
            status
                .split(" %")
                .next()
                .unwrap()
                .replace(',', ".")
                .parse()
                .unwrap()
        })
        .collect();
    assert!(capaian.windows(2).all(|w| w[0] <= w[1]), "{capaian:?}");
    assert!(capaian.iter().all(|c| *c < 100.0));
    let md = render(&ws, Lang::Id, Format::Md);
    assert_eq!(md.matches("\n### ").count(), expected);
}
