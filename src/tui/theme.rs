//! Semantic styles. Colours come only from the 16 ANSI names (PuTTY, old terminals over SSH);
//! every status also carries a glyph or word and a modifier, so it reads without colour
//! (`NO_COLOR`, monochrome theme) and on light backgrounds.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// Plain ASCII glyphs for terminals that mangle box drawing and Unicode symbols.
    pub ascii: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (https://no-color.org).
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            ascii,
        }
    }

    pub const MONO: Theme = Theme {
        color: false,
        ascii: false,
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
    };
}
