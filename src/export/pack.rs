//! The meeting pack ([`report::pack`]) laid out as one HTML page (A4 portrait, printable) or
//! as Markdown. Every text from the workspace goes through [`crate::text`] (controls and
//! bidirectional marks as visible escapes) and is then escaped for the format: nothing typed
//! in a note can become markup, a link or a script.

use super::ExportError;
use super::Format;
use crate::locale::{self, Lang};
use crate::model::{Explanation, Quarter, Rating, Workspace};
use crate::report::pack::{MeetingPack, PackItem, meeting_pack};
use crate::rules::Status;
use crate::text::{visible, visible_lines};

/// The pack's bytes in `format` (HTML or Markdown; any other is refused).
pub fn render(
    ws: &Workspace,
    q: Quarter,
    lang: Lang,
    format: Format,
) -> Result<Vec<u8>, ExportError> {
    let pack = meeting_pack(ws, q);
    let words = Words::new(ws, &pack, lang);
    match format {
        Format::Html => Ok(html(&pack, &words).into_bytes()),
        Format::Md => Ok(markdown(&pack, &words).into_bytes()),
        other => Err(ExportError::PackFormat(other)),
    }
}

/// One item in words: the lines shown under its heading, each a (label, text) pair.
struct ItemWords {
    heading: String,
    status: String,
    unexplained: bool,
    facts: Vec<(String, String)>,
}

/// Everything the page says, worded once and shared by both layouts.
struct Words {
    lang: Lang,
    title: String,
    subtitle: String,
    totals: Vec<(String, String)>,
    items_title: String,
    items: Vec<ItemWords>,
    over_title: String,
    over: Vec<String>,
    none: String,
    /// What stands under the items' heading when there are none.
    no_items: String,
}

fn one_line(s: &str) -> String {
    visible(s).into_owned()
}

fn lines(s: &str) -> String {
    visible_lines(s).into_owned()
}

impl Words {
    fn new(ws: &Workspace, p: &MeetingPack, lang: Lang) -> Words {
        let q = p.quarter;
        let no_budget = p.anggaran.pagu.is_none() && p.anggaran.realisasi.is_none();
        let mut totals = vec![(
            lang.pick("Anggaran", "Budget").to_string(),
            if no_budget {
                lang.pick("belum ada pagu tercatat", "no pagu recorded yet")
                    .to_string()
            } else {
                format!(
                    "{} {} · {} {} ({}) · {} {}",
                    lang.pick("pagu", "pagu"),
                    locale::rupiah_or_dash(p.anggaran.pagu),
                    lang.pick("realisasi", "spent"),
                    locale::rupiah_or_dash(p.anggaran.realisasi),
                    locale::percent_or_dash(p.anggaran.capaian()),
                    lang.pick("sisa", "left"),
                    locale::rupiah_or_dash(p.anggaran.sisa()),
                )
            },
        )];
        let ratings: Vec<String> = Rating::ALL
            .iter()
            .map(|r| format!("{} {}", lang.rating(*r), p.counts.get(*r)))
            .collect();
        totals.push((
            lang.pick("Indikator", "Indicators").to_string(),
            format!(
                "{} · {} · {} {} · {} {}",
                p.counts.total(),
                ratings.join(", "),
                lang.pick("belum diisi", "not entered"),
                p.counts.belum_diisi,
                lang.pick("merah", "red"),
                p.counts.merah,
            ),
        ));
        totals.push((
            lang.pick("Perlu dibahas", "To discuss").to_string(),
            format!(
                "{} · {} {} · {} {}",
                p.items.len(),
                lang.pick("belum ada penjelasan", "no explanation yet"),
                p.unexplained,
                lang.pick("melebihi pagu", "over the pagu"),
                p.melebihi_pagu.len()
            ),
        ));
        if !p.verified.is_empty() {
            let v: Vec<String> = p
                .verified
                .iter()
                .map(|(at, v)| {
                    format!(
                        "{} ({})",
                        locale::quarter(*at, lang),
                        one_line(&locale::verified_by(v, lang))
                    )
                })
                .collect();
            totals.push((
                lang.pick("Terverifikasi", "Verified").to_string(),
                v.join("; "),
            ));
        }
        let over = p
            .melebihi_pagu
            .iter()
            .map(|o| {
                let kode = crate::report::order::shown_kode(o.jenis, &o.kode);
                let name = if kode.is_empty() {
                    one_line(&o.nama)
                } else {
                    format!("{} · {}", one_line(kode), one_line(&o.nama))
                };
                match o.pagu {
                    Some(pagu) => format!(
                        "{name}: {} {} {} ({}), {} {}",
                        locale::rupiah(o.realisasi),
                        lang.pick("dari pagu", "of a pagu of"),
                        locale::rupiah(pagu),
                        locale::percent_or_dash(o.persen()),
                        lang.pick("lebih", "over by"),
                        locale::rupiah(o.lebih())
                    ),
                    None => format!(
                        "{name}: {} {}",
                        locale::rupiah(o.realisasi),
                        lang.pick("tanpa pagu tercatat", "with no pagu recorded")
                    ),
                }
            })
            .collect();
        Words {
            lang,
            title: format!(
                "{} — {} {}",
                lang.pick("Bahan Rapat Kinerja", "Performance Meeting Pack"),
                one_line(&p.instansi),
                p.tahun
            ),
            subtitle: format!(
                "{}, {} {}",
                one_line(&p.kabupaten),
                lang.pick("s.d. triwulan", "up to"),
                lang.pick(&q.to_string(), &locale::quarter(q, lang))
            ),
            totals,
            items_title: lang
                .pick(
                    "Indikator merah atau belum dijelaskan, terburuk dahulu",
                    "Red or unexplained indicators, worst first",
                )
                .to_string(),
            items: p.items.iter().map(|i| item_words(ws, p, i, lang)).collect(),
            over_title: lang
                .pick("Anggaran melebihi pagu", "Spending over the pagu")
                .to_string(),
            over,
            none: lang.pick("tidak ada", "none").to_string(),
            // An empty list means "all well" only where there is something to measure.
            no_items: if ws.nodes().all(|n| n.indikator.is_empty()) {
                lang.pick(
                    "Workspace ini belum punya indikator: belum ada yang dapat dinilai.",
                    "This workspace has no indicators yet: nothing can be rated.",
                )
            } else {
                lang.pick(
                    "Tidak ada: tidak ada indikator yang merah atau jatuh tempo dan belum diisi.",
                    "None: no indicator is red, or due and not entered.",
                )
            }
            .to_string(),
        }
    }
}

fn item_words(ws: &Workspace, p: &MeetingPack, i: &PackItem, lang: Lang) -> ItemWords {
    let r = &i.row;
    let kode = crate::report::order::shown_kode(r.node_jenis, &r.at.kode);
    let heading = if kode.is_empty() {
        one_line(&r.indikator)
    } else {
        format!("{} · {}", one_line(kode), one_line(&r.indikator))
    };
    let status = match r.status {
        Status::BelumDiisi => lang.pick("belum diisi", "not entered").to_string(),
        // Red below 100 % while still rated (94,47 % is Sangat Tinggi): both said.
        Status::Dinilai { rating, .. } => format!(
            "{} {}{} ({}{})",
            lang.pick("merah", "red:"),
            lang.pick("", "achieved "),
            locale::percent_or_dash(r.status.capaian()),
            lang.pick("", "rated "),
            lang.rating(rating)
        ),
        s => locale::percent_or_dash(s.capaian()),
    };
    let unit = one_line(&r.satuan);
    let with_unit = |d: Option<rust_decimal::Decimal>| match d {
        Some(d) if !unit.is_empty() => format!("{} {unit}", locale::figure(d)),
        d => locale::figure_or_dash(d),
    };
    let mut trend: Vec<String> = Quarter::ALL[..=p.quarter.index()]
        .iter()
        .map(|q| {
            format!(
                "{} {}",
                locale::quarter(*q, lang),
                locale::figure_or_dash(i.trend[q.index()])
            )
        })
        .collect();
    let last_year = p.tahun - 1;
    trend.push(format!(
        "{}: {}",
        lang.pick(
            &format!("tahun {last_year}"),
            &format!("last year ({last_year})")
        ),
        locale::figure_or_dash(i.tahun_lalu)
    ));
    let mut facts = vec![
        (lang.pick("Tren", "Trend").to_string(), trend.join(" · ")),
        (
            lang.pick("Target", "Target").to_string(),
            format!(
                "{} · {} {}: {}",
                with_unit(r.target),
                lang.pick("jatuh tempo s.d.", "due by"),
                locale::quarter(p.quarter, lang),
                with_unit(r.due)
            ),
        ),
        (
            lang.pick("Realisasi", "Actual").to_string(),
            format!(
                "{} · {} {}",
                with_unit(r.realisasi),
                lang.pick("capaian", "achieved"),
                locale::percent_or_dash(r.status.capaian())
            ),
        ),
        (
            lang.pick("Penanggung jawab", "Responsible").to_string(),
            r.pejabat.as_deref().map_or("—".to_string(), one_line),
        ),
    ];
    let none = || lang.pick("belum ada", "none yet").to_string();
    match i.explanation() {
        Some(e) => {
            let at = r
                .penjelasan
                .as_ref()
                .map(|(at, _)| locale::quarter(*at, lang))
                .unwrap_or_default();
            facts.push((
                format!("{} ({at})", lang.pick("Penghambat", "Obstacles")),
                if e.penghambat.is_empty() {
                    none()
                } else {
                    lines(&e.penghambat)
                },
            ));
            facts.push((
                format!("{} ({at})", lang.pick("Tindak lanjut", "Follow-up")),
                follow_up(ws, e, lang).unwrap_or_else(none),
            ));
        }
        None => facts.push((
            lang.pick("Penjelasan", "Explanation").to_string(),
            lang.pick(
                "BELUM ADA PENJELASAN — isi sebelum rapat",
                "NO EXPLANATION YET — fill in before the meeting",
            )
            .to_string(),
        )),
    }
    if !i.pendorong.is_empty() {
        facts.push((
            lang.pick("Pendorong", "Driving factors").to_string(),
            lines(&i.pendorong),
        ));
    }
    facts.push((
        lang.pick("Bukti dukung", "Evidence").to_string(),
        if i.bukti.is_empty() {
            none()
        } else {
            i.bukti
                .iter()
                .map(|b| one_line(b))
                .collect::<Vec<_>>()
                .join("\n")
        },
    ));
    ItemWords {
        heading,
        status,
        unexplained: r.unexplained(),
        facts,
    }
}

/// The tindak lanjut with its due date and officer, or `None` when there is none of these.
fn follow_up(ws: &Workspace, e: &Explanation, lang: Lang) -> Option<String> {
    let mut due = Vec::new();
    if let Some(d) = e.tenggat {
        due.push(format!("{} {d}", lang.pick("tenggat", "due")));
    }
    if let Some(id) = &e.pejabat {
        let name = ws.officer(id).map_or(id.as_str(), |o| o.nama.as_str());
        due.push(format!(
            "{}: {}",
            lang.pick("pelaksana", "by"),
            one_line(name)
        ));
    }
    let text = lines(&e.tindak_lanjut);
    match (text.is_empty(), due.is_empty()) {
        (true, true) => None,
        (false, true) => Some(text),
        (true, false) => Some(format!("({})", due.join(" · "))),
        (false, false) => Some(format!("{text} ({})", due.join(" · "))),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A4 portrait, the pack's title and "page / pages" in the bottom margin (a pack of 500 red
/// indicators runs to 75 pages).
fn page_style(title: &str) -> String {
    format!(
        "@page {{ size: A4 portrait; margin: 14mm 14mm 16mm 14mm; \
         @bottom-left {{ content: \"{}\"; font: 7pt \"DejaVu Sans\", Arial, sans-serif; color: #555; }} \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font: 7pt \"DejaVu Sans\", Arial, sans-serif; color: #555; }} }}",
        super::html::css_string(title)
    )
}

/// Each item kept on one page where it fits; long words (a path, a URL, 10 000 characters
/// without a space) break instead of running off the page.
const STYLE: &str = r#"
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; margin: 1.5em; color: #000; overflow-wrap: anywhere; }
h1 { font-size: 15pt; margin: 0 0 .2em 0; }
h2 { font-size: 12pt; margin: 1em 0 .4em 0; border-bottom: 1px solid #888; }
h3 { font-size: 10.5pt; margin: 0 0 .2em 0; }
p.sub { margin: 0 0 .6em 0; color: #333; }
dl { display: grid; grid-template-columns: 13.5em auto; gap: 1px .8em; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; white-space: pre-line; }
section.item { border: 1px solid #888; padding: .4em .6em; margin: 0 0 .6em 0; break-inside: avoid; }
section.item.unexplained { border: 2px solid #000; }
span.status { font-weight: bold; white-space: nowrap; }
span.flag { font-weight: bold; background: #000; color: #fff; padding: 0 .3em; white-space: nowrap; }
ul.over li { margin-bottom: .2em; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { margin: 0; font-size: 9pt; } h2 { break-after: avoid; } }
"#;

fn html(p: &MeetingPack, w: &Words) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}{STYLE}</style>\n</head>\n<body>\n",
        w.lang.pick("id", "en"),
        esc(&w.title),
        page_style(&w.title)
    );
    out.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"sub\">{}</p>\n<dl class=\"totals\">\n",
        esc(&w.title),
        esc(&w.subtitle)
    ));
    for (k, v) in &w.totals {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(k), esc(v)));
    }
    out.push_str(&format!("</dl>\n<h2>{}</h2>\n", esc(&w.items_title)));
    if w.items.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", esc(&w.no_items)));
    }
    for (n, item) in w.items.iter().enumerate() {
        let class = if item.unexplained {
            "item unexplained"
        } else {
            "item"
        };
        let flag = if item.unexplained {
            format!(
                " <span class=\"flag\">{}</span>",
                w.lang.pick("belum ada penjelasan", "no explanation yet")
            )
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<section class=\"{class}\">\n<h3>{}. {} — <span class=\"status\">{}</span>{flag}</h3>\n<dl>\n",
            n + 1,
            esc(&item.heading),
            esc(&item.status)
        ));
        for (k, v) in &item.facts {
            out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(k), esc(v)));
        }
        out.push_str("</dl>\n</section>\n");
    }
    out.push_str(&format!("<h2>{}</h2>\n", esc(&w.over_title)));
    if p.melebihi_pagu.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", esc(&w.none)));
    } else {
        out.push_str("<ul class=\"over\">\n");
        for o in &w.over {
            out.push_str(&format!("<li>{}</li>\n", esc(o)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Markdown that shows as typed: HTML's characters as entities (a Markdown reader passes raw
/// HTML through), Markdown's own marks escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A value of several lines under a list item: each line after the first indented to stay in
/// the item, with a hard break before it. Such a line starts a block of its own where it
/// begins with a list's mark (`-`, `+`, `1.`, `1)`) or a heading's underline (`=`, `---`):
/// that mark is escaped, so a typed "- langkah" reads as typed, not as a nested list.
fn md_lines(s: &str) -> String {
    s.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let line = md(line);
            if i == 0 {
                return line;
            }
            let text = line.trim_start_matches(' ');
            let indent = &line[..line.len() - text.len()];
            let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if text.starts_with(['-', '+', '=']) {
                format!("{indent}\\{text}")
            } else if digits > 0 && text[digits..].starts_with(['.', ')']) {
                format!("{indent}{}\\{}", &text[..digits], &text[digits..])
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("  \n    ")
}

fn markdown(p: &MeetingPack, w: &Words) -> String {
    let mut out = format!("# {}\n\n{}\n\n", md(&w.title), md(&w.subtitle));
    for (k, v) in &w.totals {
        out.push_str(&format!("- **{}:** {}\n", md(k), md(v)));
    }
    out.push_str(&format!("\n## {}\n\n", md(&w.items_title)));
    if w.items.is_empty() {
        out.push_str(&format!("{}\n\n", md(&w.no_items)));
    }
    for (n, item) in w.items.iter().enumerate() {
        let flag = if item.unexplained {
            format!(
                " **{}**",
                w.lang.pick("BELUM ADA PENJELASAN", "NO EXPLANATION YET")
            )
        } else {
            String::new()
        };
        out.push_str(&format!(
            "### {}. {} — {}{flag}\n\n",
            n + 1,
            md(&item.heading),
            md(&item.status)
        ));
        for (k, v) in &item.facts {
            out.push_str(&format!("- **{}:** {}\n", md(k), md_lines(v)));
        }
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", md(&w.over_title)));
    if p.melebihi_pagu.is_empty() {
        out.push_str(&format!("{}\n", md(&w.none)));
    }
    for o in &w.over {
        out.push_str(&format!("- {}\n", md(o)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_escape_what_was_typed() {
        assert_eq!(
            md("<b>*x*</b> | [a](b)"),
            "&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\[a\\](b)"
        );
        assert_eq!(esc("<script>'\"&"), "&lt;script&gt;&#39;&quot;&amp;");
        assert_eq!(md_lines("a\nb"), "a  \n    b");
        // Typed list marks and underlines stay text, at the start of a line only ("1\\.5" shows
        // as 1.5).
        assert_eq!(
            md_lines("- a\n- b\n  + c\n12. d\n3) e\n===\n1.5 f\na - b"),
            "- a  \n    \\- b  \n      \\+ c  \n    12\\. d  \n    3\\) e  \n    \\===  \n    1\\.5 f  \n    a - b"
        );
    }
}
