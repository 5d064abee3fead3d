//! The meeting pack in a real browser: `scripts/render-pack.sh` exports the sample's pack (with
//! IP ASN and realisasi anggaran explained and Nonperizinan's TW IV over its pagu) and renders
//! it in headless Chromium to PNG and PDF; poppler reads the PDF back.
//!
//! Ignored by a plain `cargo test`: it needs Debian's `chromium` and `poppler-utils`. `.ci/run`
//! installs them and runs it with `--ignored`; where they are missing the test fails.

use std::process::Command;

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e} (apt-get install chromium poppler-utils)"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
#[ignore = "needs chromium and poppler-utils; .ci/run installs them and runs it"]
fn the_meeting_pack_prints_on_one_a4_page_with_every_part() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("render");
    let said = run(Command::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/render-pack.sh"
    ))
    .arg("")
    .arg(&out));
    // A4 portrait: 210 × 297 mm = 595,3 × 841,9 pt; one page (three items and three
    // overspent nodes).
    assert!(
        said.contains("page size: 594.96 x 841.92 pts (A4)"),
        "{said}"
    );
    assert!(said.contains("pages: 1"), "{said}");
    let pdf = out.join("print.pdf");
    let text = run(Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Bahan Rapat Kinerja — Kecamatan Sooko 2023",
        // The totals: LRA total pagu, 2.664.510.688 + 37.158.000 − 10.697.000 spent.
        "pagu Rp 2.902.352.710",
        "realisasi Rp 2.690.971.688",
        "Sangat Tinggi 37",
        // Worst first: IP ASN 94,47 %, realisasi anggaran 96,64 %, Nilai RB not entered.
        "1. 7.01.01.2.05",
        "2. 7.01.01.2.02",
        "3. Nilai Reformasi Birokrasi",
        "Tiga pegawai bersertifikat dimutasi",
        "Usulkan diklat teknis ke BKPSDM",
        "/srv/bukti/2023/ipasn-tw4.pdf",
        "Rencana kas disesuaikan pada P-APBD",
        "belum ada penjelasan",
        // Over the pagu: 50.527.500 of 25.000.000 = 202,11 %.
        "Rp 50.527.500 dari pagu Rp 25.000.000 (202,11 %)",
    ] {
        assert!(flat.contains(expected), "«{expected}» not in {flat}");
    }
    let ip = flat.find("1. 7.01.01.2.05").unwrap();
    let keu = flat.find("2. 7.01.01.2.02").unwrap();
    let over = flat.find("Anggaran melebihi pagu").unwrap();
    assert!(ip < keu && keu < over);
    // Every word within the page's 14 mm (39,7 pt) side margins.
    let boxes = run(Command::new("pdftotext").arg("-bbox").arg(&pdf).arg("-"));
    let attr = |word: &str, name: &str| -> f64 {
        let at = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        word[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut words = 0;
    for word in boxes
        .lines()
        .filter(|l| l.trim_start().starts_with("<word "))
    {
        words += 1;
        let (x0, x1) = (attr(word, "xMin"), attr(word, "xMax"));
        assert!(x0 >= 39.0 && x1 <= 594.96 - 39.0, "off the page: {word}");
    }
    assert!(words > 200, "{words} words");
    for png in ["screen.png", "page-1.png"] {
        let meta = std::fs::metadata(out.join(png)).unwrap();
        assert!(meta.len() > 10_000, "{png}: {} bytes", meta.len());
    }
}

/// 500 and more red indicators (`kinerja generate --units 3`: 675 indicators, every quarter
/// filled, a share of them below target): the pack still prints on A4, every item whole on
/// one page (CSS `break-inside: avoid`), each page numbered "n / pages" with the title.
#[test]
#[ignore = "needs chromium and poppler-utils; .ci/run installs them and runs it"]
fn a_pack_of_500_red_indicators_prints_every_item_whole_and_numbers_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("kabupaten.json");
    run(Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["generate", "--units", "3", "-o"])
        .arg(&ws));
    let workspace = kinerja::store::load(&ws).unwrap();
    let items = kinerja::report::pack::meeting_pack(&workspace, kinerja::model::Quarter::IV)
        .items
        .len();
    assert!(items >= 500, "{items} items: the generator changed");
    let out = dir.path().join("render");
    let said = run(Command::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/render-pack.sh"
    ))
    .arg(&ws)
    .arg(&out));
    assert!(
        said.contains("page size: 594.96 x 841.92 pts (A4)"),
        "{said}"
    );
    let pages: usize = said
        .lines()
        .find_map(|l| l.strip_prefix("pages: "))
        .unwrap()
        .parse()
        .unwrap();
    // An item is 8 lines of 9 pt and its border: more than one on a page, fewer than 20.
    assert!(
        pages > items / 20 && pages < items,
        "{pages} pages for {items}"
    );
    let text = run(Command::new("pdftotext")
        .arg("-layout")
        .arg(out.join("print.pdf"))
        .arg("-"));
    let printed: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(printed.len(), pages);
    let heading = |l: &&str| {
        let l = l.trim_start();
        let digits = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0 && l[digits..].starts_with(". U00")
    };
    let mut seen = 0;
    for (n, page) in printed.iter().enumerate() {
        // Each item begins with its numbered heading and ends with its evidence line: as many
        // of one as of the other on every page, or an item was cut in two.
        let starts = page.lines().filter(heading).count();
        let ends = page
            .lines()
            .filter(|l| l.trim_start().starts_with("Bukti dukung"))
            .count();
        assert_eq!(starts, ends, "page {}: an item cut\n{page}", n + 1);
        seen += starts;
        let footer = format!("{} / {pages}", n + 1);
        assert!(
            page.contains("Bahan Rapat Kinerja — Kabupaten Contoh 2023") && page.contains(&footer),
            "page {}: no «{footer}»\n{page}",
            n + 1
        );
    }
    assert_eq!(seen, items, "every item printed once");
    assert!(printed[pages - 1].contains("Anggaran melebihi pagu"));
}
