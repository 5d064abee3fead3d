//! The HTML export in a real browser: headless Chromium shows the sample's export on screen and
//! prints it to PDF through `scripts/render-html.sh`; poppler reads the PDF back.
//!
//! Ignored by a plain `cargo test`: it needs Debian's `chromium` and `poppler-utils` (about
//! 100 MB). `.ci/run` installs them and runs it with `--ignored`; where they are missing the
//! test fails, it does not pass without looking.

use kinerja::export::{self, Format, Request};
use kinerja::locale::Lang;
use kinerja::model::Quarter;
use kinerja::store;
use std::path::Path;
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

/// The share of pixels of a PNG that are not (near) white.
fn ink(png_file: &Path) -> (u32, u32, f64) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_file).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..frame.buffer_size()];
    let channels = frame.color_type.samples();
    assert_eq!(frame.bit_depth, png::BitDepth::Eight, "{png_file:?}");
    let colour = channels.min(3);
    let pixels = bytes.chunks(channels);
    let total = pixels.len();
    let inked = pixels
        .filter(|p| p[..colour].iter().any(|v| *v < 200))
        .count();
    (frame.width, frame.height, inked as f64 / total as f64)
}

/// The first line with text on each page of `pdf`.
fn first_lines(pdf: &Path) -> Vec<String> {
    let text = run(Command::new("pdftotext").arg("-layout").arg(pdf).arg("-"));
    text.split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .map(|page| {
            page.lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
#[ignore = "needs chromium and poppler-utils; .ci/run installs them and runs it"]
fn the_html_export_prints_on_a4_each_table_from_a_new_page_and_within_it() {
    let ws = store::parse(store::SAMPLE_JSON).unwrap();
    let req = Request {
        ws: &ws,
        quarter: Quarter::IV,
        lang: Lang::Id,
        format: Format::Html,
        table: None,
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("sooko.html");
    std::fs::write(&html, export::render(&req).unwrap()).unwrap();
    let out = dir.path().join("render");
    let said = run(Command::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/render-html.sh"
    ))
    .arg(&html)
    .arg(&out));
    let pdf = out.join("print.pdf");

    // A4 landscape: 297 × 210 mm = 841,9 × 595,3 pt.
    let info = run(Command::new("pdfinfo").arg(&pdf));
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .map(str::trim);
    assert_eq!(size, Some("841.92 x 594.96 pts (A4)"), "{info}");

    // The summary first, then each table from a page of its own; a page that does not start
    // a table starts with the repeated header of the one it continues.
    let tables = export::tables(&req).unwrap();
    let mut starts = vec![format!(
        "Ringkasan Kinerja — {} {}",
        ws.instansi.nama, ws.tahun
    )];
    starts.extend(tables.iter().map(|t| t.title.clone()));
    let pages = first_lines(&pdf);
    let mut section = 0;
    let mut pages_of = vec![0; starts.len()];
    for (n, line) in pages.iter().enumerate() {
        if section + 1 < starts.len() && *line == starts[section + 1] {
            section += 1;
        } else if n == 0 {
            assert_eq!(*line, starts[0], "page 1");
        } else {
            // The summary is one page; after it, a page continues the table before it.
            let header = section
                .checked_sub(1)
                .map(|t| tables[t].columns[0].as_str());
            assert!(
                header.is_some_and(|h| line.starts_with(h)),
                "page {}: starts with {line:?}, neither a table's title nor its header",
                n + 1
            );
        }
        pages_of[section] += 1;
    }
    assert_eq!(
        section,
        starts.len() - 1,
        "every table starts a page: {pages:?}"
    );
    // How many pages, worked out from the sizes: a landscape A4 page has 210 − 26 mm of
    // margins = 184 mm ≈ 520 pt for rows; a one-line row at 8,5 pt is about 13 pt, so about
    // 38 rows fit. The summary (3 + 3 rows), 3.1–3.3 (9 rows each), the LRA (25) and the red
    // list (3) take a page each; Tabel 3.5 (39 rows) and 3.6 (38 rows), many of two lines,
    // two each; the E-81 (the full form, 31 columns at 6 pt scaled by 0,8 to fit the width),
    // 44 rows of three or four lines on average (its names wrap in narrow columns): three.
    // 1 + 1 + 1 + 1 + 2 + 2 + 3 + 1 + 1 = 13.
    assert_eq!(pages_of, [1, 1, 1, 1, 2, 2, 3, 1, 1], "{said}");
    assert!(said.contains("pages: 13"), "{said}");

    // No table runs off the page: every word stands within the 12 mm (34 pt) margins.
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
        assert!(x0 >= 33.0 && x1 <= 841.92 - 33.0, "off the page: {word}");
    }
    assert!(words > 2_000, "{words} words: the tables are there");

    // On screen the page has text, and every printed page too.
    let (w, h, screen) = ink(&out.join("screen.png"));
    assert_eq!((w, h), (1280, 2000));
    assert!(screen > 0.02, "the screenshot is blank: {screen}");
    for n in 1..=pages.len() {
        let page = out.join(format!("page-{n:02}.png"));
        let (_, _, share) = ink(&page);
        assert!(share > 0.002, "page {n} is blank: {share}");
    }
}
