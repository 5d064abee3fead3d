//! Semantic styles. Colours come only from the 16 ANSI names (PuTTY, old terminals over SSH);
//! every status also carries a glyph or word and a modifier, so it reads without colour
//! (`NO_COLOR`, monochrome theme) and on light backgrounds.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// Plain ASCII glyphs for terminals that mangle box drawing and Unicode symbols.
    pub ascii: bool,
    /// Why ASCII was chosen without being asked for (help says so).
    pub ascii_auto: Option<AsciiReason>,
}

/// Why the interface draws in ASCII though `--ascii` was not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsciiReason {
    /// A terminal without Unicode line drawing (`TERM=linux`, the text console; vt100, …).
    Terminal,
    /// A locale that cannot show UTF-8 (`LANG`/`LC_ALL`/`LC_CTYPE` without UTF-8, or unset:
    /// tmux and screen then replace every non-ASCII character).
    Locale,
    /// `KINERJA_ASCII=1`.
    Setting,
}

/// The settings that decide whether the terminal can show Unicode, as the environment has
/// them (`None`: unset).
#[derive(Clone, Copy, Debug, Default)]
pub struct TerminalEnv<'a> {
    pub term: Option<&'a str>,
    pub lc_all: Option<&'a str>,
    pub lc_ctype: Option<&'a str>,
    pub lang: Option<&'a str>,
    /// `KINERJA_ASCII`: `0` draws Unicode whatever the rest says, `1` ASCII.
    pub kinerja_ascii: Option<&'a str>,
}

/// Whether to draw in ASCII without being asked, and why: a terminal without Unicode line
/// drawing, or a locale that is not UTF-8 (the first set of `LC_ALL`, `LC_CTYPE`, `LANG`, as
/// the C library picks it; none set is the C locale).
pub fn ascii_needed(env: TerminalEnv) -> Option<AsciiReason> {
    fn set(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    match set(env.kinerja_ascii) {
        Some("0") => return None,
        Some(_) => return Some(AsciiReason::Setting),
        None => {}
    }
    let term = set(env.term).unwrap_or("").to_ascii_lowercase();
    let plain = [
        "linux", "vt52", "vt100", "vt102", "vt220", "dumb", "cons25", "ansi",
    ];
    if plain
        .iter()
        .any(|t| term == *t || term.starts_with(&format!("{t}-")))
    {
        return Some(AsciiReason::Terminal);
    }
    let ctype = set(env.lc_all)
        .or(set(env.lc_ctype))
        .or(set(env.lang))
        .unwrap_or("C")
        .to_ascii_lowercase();
    if ctype.contains("utf-8") || ctype.contains("utf8") {
        None
    } else {
        Some(AsciiReason::Locale)
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (https://no-color.org); ASCII
    /// when asked (`ascii`) or when the terminal or the locale cannot show Unicode.
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let var = |name: &str| std::env::var(name).ok();
        let (term, lc_all, lc_ctype, lang, kinerja_ascii) = (
            var("TERM"),
            var("LC_ALL"),
            var("LC_CTYPE"),
            var("LANG"),
            var("KINERJA_ASCII"),
        );
        let auto = ascii_needed(TerminalEnv {
            term: term.as_deref(),
            lc_all: lc_all.as_deref(),
            lc_ctype: lc_ctype.as_deref(),
            lang: lang.as_deref(),
            kinerja_ascii: kinerja_ascii.as_deref(),
        });
        Theme {
            color: !no_color,
            ascii: ascii || auto.is_some(),
            ascii_auto: if ascii { None } else { auto },
        }
    }

    pub const MONO: Theme = Theme {
        color: false,
        ascii: false,
        ascii_auto: None,
    };

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn base(&self) -> Style {
        Style::new()
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn header_bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn muted(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Not achieved: red and bold (and always with a ✗ or "merah").
    pub fn red(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Due but not entered.
    pub fn blank(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Text being edited in a field (underlined, so the field shows without colour).
    pub fn editing(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// The selected row of a pane that does not have the focus.
    pub fn selected_unfocused(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn info(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn bar_kinerja(&self) -> Style {
        self.fg(Color::Blue)
    }

    pub fn bar_anggaran(&self) -> Style {
        self.fg(Color::Magenta)
    }

    pub fn glyphs(&self) -> Glyphs {
        if self.ascii {
            Glyphs::ASCII
        } else {
            Glyphs::UNICODE
        }
    }
}

/// The symbols the interface draws with.
#[derive(Clone, Copy, Debug)]
pub struct Glyphs {
    pub open: &'static str,
    pub closed: &'static str,
    pub leaf: &'static str,
    pub red: &'static str,
    pub blank: &'static str,
    pub ok: &'static str,
    pub bar_full: &'static str,
    pub bar_empty: &'static str,
    pub bar_over: &'static str,
    pub sep: &'static str,
    pub dirty: &'static str,
    pub up: &'static str,
    pub down: &'static str,
}

impl Glyphs {
    pub const UNICODE: Glyphs = Glyphs {
        open: "▾",
        closed: "▸",
        leaf: "·",
        red: "✗",
        blank: "?",
        ok: "✓",
        bar_full: "█",
        bar_empty: "░",
        bar_over: "▶",
        sep: "·",
        dirty: "●",
        up: "↑",
        down: "↓",
    };
    pub const ASCII: Glyphs = Glyphs {
        open: "-",
        closed: "+",
        leaf: " ",
        red: "X",
        blank: "?",
        ok: "v",
        bar_full: "#",
        bar_empty: ".",
        bar_over: ">",
        sep: "|",
        dirty: "*",
        up: "^",
        down: "v",
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(term: &'a str, lang: Option<&'a str>) -> TerminalEnv<'a> {
        TerminalEnv {
            term: Some(term),
            lang,
            ..TerminalEnv::default()
        }
    }

    #[test]
    fn ascii_on_a_text_console_or_a_locale_without_utf8() {
        let utf8 = Some("id_ID.UTF-8");
        for term in [
            "xterm-256color",
            "screen",
            "screen-256color",
            "tmux-256color",
            "xterm",
        ] {
            assert_eq!(ascii_needed(env(term, utf8)), None, "{term}");
        }
        for term in ["linux", "vt100", "vt220", "dumb", "LINUX", "linux-16color"] {
            assert_eq!(
                ascii_needed(env(term, utf8)),
                Some(AsciiReason::Terminal),
                "{term}"
            );
        }
        for lang in [
            None,
            Some("C"),
            Some("POSIX"),
            Some("id_ID.ISO-8859-1"),
            Some(""),
        ] {
            assert_eq!(
                ascii_needed(env("xterm-256color", lang)),
                Some(AsciiReason::Locale),
                "{lang:?}"
            );
        }
        assert_eq!(ascii_needed(env("xterm", Some("C.utf8"))), None);
        assert_eq!(ascii_needed(env("xterm", Some("en_US.UTF-8"))), None);
    }

    #[test]
    fn the_locale_is_read_as_the_c_library_reads_it() {
        // LC_ALL wins over LC_CTYPE, which wins over LANG.
        let with = |lc_all, lc_ctype, lang| TerminalEnv {
            term: Some("xterm"),
            lc_all,
            lc_ctype,
            lang,
            kinerja_ascii: None,
        };
        assert_eq!(
            ascii_needed(with(Some("C"), Some("C.UTF-8"), Some("C.UTF-8"))),
            Some(AsciiReason::Locale)
        );
        assert_eq!(ascii_needed(with(None, Some("C.UTF-8"), Some("C"))), None);
        assert_eq!(
            ascii_needed(with(None, Some("C"), Some("C.UTF-8"))),
            Some(AsciiReason::Locale)
        );
        assert_eq!(ascii_needed(with(Some(""), None, Some("C.UTF-8"))), None);
    }

    #[test]
    fn kinerja_ascii_overrides_the_guess() {
        let forced = |v| TerminalEnv {
            term: Some("linux"),
            kinerja_ascii: Some(v),
            ..TerminalEnv::default()
        };
        assert_eq!(ascii_needed(forced("0")), None);
        assert_eq!(ascii_needed(forced("1")), Some(AsciiReason::Setting));
    }
}
