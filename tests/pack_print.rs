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
