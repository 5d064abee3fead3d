//! A terminal backend that sends fewer bytes for the same screen (issue #6: under 1 KiB per
//! navigation key at 80×24, over SSH).
//!
//! ratatui decides which cells changed; this backend decides how to send them. ratatui's
//! `CrosstermBackend` writes an absolute cursor move (`ESC[y;xH`) before every run of changed
//! cells and separate attribute and colour sequences (`ESC[1m ESC[38;5;1;49m`) at every style
//! change. This one keeps a copy of what it has put on the screen and:
//! - moves the cursor the cheapest way: an absolute move, a relative one (`ESC[nC`, `CR LF`) or
//!   re-sending the few unchanged cells in between;
//! - erases the rest of a line that becomes blank (`ESC[K`) instead of writing spaces;
//! - when rows of the screen reappear a few lines higher or lower (the tree scrolling by a
//!   line, the detail pane's budget moving down), scrolls just those rows with a scrolling
//!   region (VT100 `DECSTBM` and line feed or reverse index) and writes only what still
//!   differs, if that is shorter;
//! - writes each style change as one SGR sequence, the shorter of a change from the current
//!   style or a reset followed by the new style, with the 16 ANSI colours as `30–37`/`90–97`
//!   (the theme uses only those);
//! - hides the cursor once rather than on every frame, and writes each frame in one go.
//!
//! What ends up on the screen is the same cell for cell; `tests` below replay the bytes through
//! a small terminal emulator and compare with the frame and with ratatui's own backend.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::crossterm;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// The longest run of unchanged cells worth re-sending instead of moving over it (an absolute
/// move is at most 10 bytes up to 999×999).
const MAX_FILL: u16 = 12;

/// The largest scroll of a region tried, in lines either way.
const MAX_SCROLL: u16 = 6;

/// How many regions are tried per frame (each costs writing the frame once more).
const SCROLLS_TRIED: usize = 3;

/// The backend; `W` is the terminal (stdout) or, in measurements, a byte counter.
pub struct LeanBackend<W: Write> {
    writer: W,
    /// The frame being written, sent on `flush`.
    out: Vec<u8>,
    screen: Screen,
    cursor_visible: Option<bool>,
}

/// What this backend has put on the screen.
#[derive(Clone)]
struct Screen {
    width: u16,
    height: u16,
    /// Row by row; `None` where it is not sure (the second column of a wide character, after a
    /// partial clear).
    cells: Vec<Option<Cell>>,
    /// The size is the terminal's: erasing to the end of a line and scrolling a region stay
    /// within what ratatui draws.
    exact: bool,
}

/// The style the terminal is writing with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// A blank cell in the default style: what erasing leaves.
fn is_blank(cell: &Cell) -> bool {
    cell == &Cell::EMPTY
}

/// A cell that takes one column and can be re-sent as it is.
fn is_narrow(cell: &Cell) -> bool {
    let symbol = cell.symbol();
    let width = match symbol.as_bytes() {
        [b' '..=b'~'] => 1,
        _ => symbol.width(),
    };
    width == 1 && cell.diff_option == CellDiffOption::None
}

impl<W: Write> LeanBackend<W> {
    /// A backend for a blank terminal of exactly this size (ratatui clears, and the backend
    /// asks again, when it changes). Cells drawn outside it make the backend stop relying on
    /// the size: no more erasing to the end of a line or scrolling regions until a full clear.
    pub fn sized(writer: W, size: Size) -> LeanBackend<W> {
        LeanBackend {
            writer,
            out: Vec::with_capacity(8 * 1024),
            screen: Screen::blank(size.width, size.height, true),
            cursor_visible: None,
        }
    }
}

impl Screen {
    fn blank(width: u16, height: u16, exact: bool) -> Screen {
        Screen {
            width,
            height,
            cells: vec![Some(Cell::EMPTY); width as usize * height as usize],
            exact,
        }
    }

    fn index(&self, x: u16, y: u16) -> usize {
        y as usize * self.width as usize + x as usize
    }

    fn get(&self, x: u16, y: u16) -> Option<&Cell> {
        if x < self.width && y < self.height {
            self.cells[self.index(x, y)].as_ref()
        } else {
            None
        }
    }

    fn row(&self, y: u16) -> &[Option<Cell>] {
        let start = self.index(0, y);
        &self.cells[start..start + self.width as usize]
    }

    /// Grows to hold (x, y); new cells are blank, as ratatui assumes. A screen that has to grow
    /// was not the terminal's size.
    fn cover(&mut self, x: u16, y: u16) {
        if x < self.width && y < self.height {
            return;
        }
        let mut grown = Screen::blank(self.width.max(x + 1), self.height.max(y + 1), false);
        for row in 0..self.height {
            let start = grown.index(0, row);
            grown.cells[start..start + self.width as usize].clone_from_slice(self.row(row));
        }
        *self = grown;
    }

    /// Records `cell` at (x, y). A wide character's other columns are up to the terminal.
    fn put(&mut self, x: u16, y: u16, cell: &Cell) {
        let i = self.index(x, y);
        self.cells[i] = Some(cell.clone());
        for extra in 1..cell.symbol().width().max(1) as u16 {
            if x + extra < self.width {
                let j = self.index(x + extra, y);
                self.cells[j] = None;
            }
        }
    }

    /// Row `y` is known cell by cell, every cell one column wide.
    fn plain_row(&self, y: u16) -> bool {
        self.row(y)
            .iter()
            .all(|c| c.as_ref().is_some_and(is_narrow))
    }

    /// Row `y` from its column `x` on is blank.
    fn blank_from(&self, x: u16, y: u16) -> bool {
        self.row(y)[x as usize..]
            .iter()
            .all(|c| c.as_ref().is_some_and(is_blank))
    }

    /// Writes `updates` (in screen order), which turn what the terminal shows into this
    /// screen, from the default style with the cursor anywhere; leaves the default style.
    /// Only cells of this screen are re-sent: what the terminal shows is this screen wherever
    /// the cursor has been on the way and wherever there is no update.
    ///
    /// The cursor's column is trusted for relative moves only while what was written since the
    /// last absolute move or carriage return is ASCII: a terminal may draw another character
    /// wider than its Unicode width says (ambiguous widths, a non-UTF-8 client), and a relative
    /// move from there would carry the shift along the row.
    fn emit(&self, updates: &[(u16, u16, &Cell)], out: &mut Vec<u8>) {
        let mut pen = Pen::RESET;
        let mut at: Option<(u16, u16)> = None;
        let mut trusted = true;
        let mut i = 0;
        while i < updates.len() {
            let (x, y, cell) = updates[i];
            // The rest of the row blank: erase to its end, if there are at least two cells
            // to blank.
            if self.exact && updates.get(i + 1).is_some_and(|u| u.1 == y) && self.blank_from(x, y) {
                out.extend_from_slice(&self.go(at, trusted, pen, x, y, Pen::RESET));
                trusted = true;
                out.extend_from_slice(b"\x1b[K");
                pen = Pen::RESET;
                at = Some((x, y));
                while updates.get(i).is_some_and(|u| u.1 == y) {
                    i += 1;
                }
                continue;
            }
            let want = Pen::of(cell);
            if at == Some((x, y)) {
                sgr(pen, want, out);
            } else {
                out.extend_from_slice(&self.go(at, trusted, pen, x, y, want));
                trusted = true;
            }
            pen = want;
            out.extend_from_slice(cell.symbol().as_bytes());
            trusted &= cell.symbol().is_ascii();
            // After a wide character, and after the last column (pending wrap), where the
            // cursor is is up to the terminal.
            at = (is_narrow(cell) && x + 1 < self.width).then_some((x + 1, y));
            i += 1;
        }
        // Leave the terminal in its default style, as ratatui's backends do.
        sgr(pen, Pen::RESET, out);
    }

    /// The cells from `from` to `to` on row `y`, written with their styles, if they are all
    /// known single-width cells: the pen after them, or `None`.
    fn fill(&self, y: u16, from: u16, to: u16, mut pen: Pen, buf: &mut Vec<u8>) -> Option<Pen> {
        if to - from > MAX_FILL {
            return None;
        }
        for x in from..to {
            // ASCII only: see `emit` on trusting the cursor's column.
            let cell = self
                .get(x, y)
                .filter(|c| is_narrow(c) && c.symbol().is_ascii())?;
            let next = Pen::of(cell);
            sgr(pen, next, buf);
            pen = next;
            buf.extend_from_slice(cell.symbol().as_bytes());
        }
        Some(pen)
    }

    /// The cheapest way from the cursor (`at`, with the pen `pen`) to (x, y) ready to write
    /// with `want`; from the cursor's column only when it is `trusted`, else from an absolute
    /// move or a carriage return. The column after it is always exact.
    fn go(
        &self,
        at: Option<(u16, u16)>,
        trusted: bool,
        pen: Pen,
        x: u16,
        y: u16,
        want: Pen,
    ) -> Vec<u8> {
        let mut best = Vec::new();
        cup(x, y, &mut best);
        sgr(pen, want, &mut best);
        let mut consider = |candidate: Vec<u8>| {
            if candidate.len() < best.len() {
                best = candidate;
            }
        };
        let Some((cx, cy)) = at else {
            return best;
        };
        // Along the row from column `from`, after `prefix`.
        let along = |prefix: &[u8], from: u16| -> Vec<Vec<u8>> {
            let mut out = Vec::new();
            let mut relative = prefix.to_vec();
            match x.cmp(&from) {
                std::cmp::Ordering::Greater => csi(x - from, b'C', &mut relative),
                std::cmp::Ordering::Less => csi(from - x, b'D', &mut relative),
                std::cmp::Ordering::Equal => {}
            }
            sgr(pen, want, &mut relative);
            out.push(relative);
            if x > from {
                let mut filled = prefix.to_vec();
                if let Some(after) = self.fill(y, from, x, pen, &mut filled) {
                    sgr(after, want, &mut filled);
                    out.push(filled);
                }
            }
            out
        };
        if cy == y {
            if trusted {
                along(b"", cx).into_iter().for_each(&mut consider);
            }
            along(b"\r", 0).into_iter().for_each(&mut consider);
        } else if y > cy {
            let down = y - cy;
            let mut lines = b"\r".to_vec();
            if down <= 3 {
                lines.extend(std::iter::repeat_n(b'\n', down as usize));
            } else {
                csi(down, b'B', &mut lines);
            }
            along(&lines, 0).into_iter().for_each(&mut consider);
            if trusted {
                let mut straight = Vec::new();
                csi(down, b'B', &mut straight);
                along(&straight, cx).into_iter().for_each(&mut consider);
            }
        }
        best
    }

    /// The regions of this screen most worth scrolling to reach `next`: (top, bottom, lines;
    /// up when positive). Runs of at least two changed rows that `next` shows where this
    /// screen has them `lines` further down (or up), the whole region known and narrow; the
    /// longest runs, at most [`SCROLLS_TRIED`].
    fn scrolls(&self, next: &Screen, changed: &[bool]) -> Vec<(u16, u16, i32)> {
        let h = self.height;
        let mut found: Vec<(u16, (u16, u16, i32))> = Vec::new();
        if !self.exact || h < 3 {
            return Vec::new();
        }
        let plain: Vec<bool> = (0..h).map(|y| self.plain_row(y)).collect();
        let plain_next: Vec<bool> = (0..h)
            .map(|y| !changed[y as usize] && plain[y as usize] || next.plain_row(y))
            .collect();
        for k in 1..=MAX_SCROLL.min(h - 1) {
            for up in [true, false] {
                // Row r of `next` is row `from(r)` of this screen.
                let from = |r: u16| if up { r + k } else { r.wrapping_sub(k) };
                let moved = |r: u16| {
                    changed[r as usize]
                        && from(r) < h
                        && plain[from(r) as usize]
                        && next.row(r) == self.row(from(r))
                };
                let mut r = 0;
                while r < h {
                    if !moved(r) {
                        r += 1;
                        continue;
                    }
                    let start = r;
                    while r < h && moved(r) {
                        r += 1;
                    }
                    let run = r - start;
                    let (top, bottom) = if up {
                        (start, r - 1 + k)
                    } else {
                        (start - k, r - 1)
                    };
                    if run >= 2
                        && (top..=bottom).all(|y| plain[y as usize] && plain_next[y as usize])
                    {
                        let lines = if up { k as i32 } else { -(k as i32) };
                        found.push((run, (top, bottom, lines)));
                    }
                }
            }
        }
        found.sort_by_key(|&(run, _)| std::cmp::Reverse(run));
        found
            .into_iter()
            .take(SCROLLS_TRIED)
            .map(|(_, region)| region)
            .collect()
    }

    /// What row `y` of this screen shows after rows `top..=bottom` scroll by `lines` (up when
    /// positive); `None` for a blank row come in.
    fn scrolled_row(&self, y: u16, (top, bottom, lines): (u16, u16, i32)) -> Option<u16> {
        if !(top..=bottom).contains(&y) {
            return Some(y);
        }
        let from = y as i32 + lines;
        (top as i32..=bottom as i32)
            .contains(&from)
            .then_some(from as u16)
    }
}

/// Scrolls rows `top..=bottom` by `lines` (up when positive) with a scrolling region (VT100:
/// line feeds at its bottom, reverse index at its top), then resets the region to the whole
/// screen, which puts the cursor home.
fn scroll(top: u16, bottom: u16, lines: i32, out: &mut Vec<u8>) {
    let _ = write!(out, "\x1b[{};{}r", top + 1, bottom + 1);
    let k = lines.unsigned_abs() as usize;
    if lines > 0 {
        cup(0, bottom, out);
        out.extend(std::iter::repeat_n(b'\n', k));
    } else {
        cup(0, top, out);
        for _ in 0..k {
            out.extend_from_slice(b"\x1bM");
        }
    }
    out.extend_from_slice(b"\x1b[r");
}

/// `ESC[n` + `op`, with n left out when it is 1.
fn csi(n: u16, op: u8, buf: &mut Vec<u8>) {
    let _ = match n {
        1 => write!(buf, "\x1b[{}", op as char),
        n => write!(buf, "\x1b[{n}{}", op as char),
    };
}

/// The absolute move to (x, y), counted from 0.
fn cup(x: u16, y: u16, buf: &mut Vec<u8>) {
    // Writing to a Vec cannot fail.
    let _ = match (x, y) {
        (0, 0) => write!(buf, "\x1b[H"),
        (0, y) => write!(buf, "\x1b[{}H", y + 1),
        (x, y) => write!(buf, "\x1b[{};{}H", y + 1, x + 1),
    };
}

/// Appends one SGR parameter (`;`-separated).
fn param(params: &mut Vec<u8>, args: std::fmt::Arguments) {
    if !params.is_empty() {
        params.push(b';');
    }
    // Writing to a Vec cannot fail.
    let _ = params.write_fmt(args);
}

/// The SGR parameter for a colour: `base` is 30 (foreground), 40 (background) or 50
/// (underline, which has only the indexed and RGB forms). The 16 named colours are the ANSI
/// palette's: `30–37` and `90–97` (`40–47`, `100–107`).
fn colour(c: Color, base: u8, params: &mut Vec<u8>) {
    let named = match c {
        Color::Reset => return param(params, format_args!("{}", base + 9)),
        Color::Indexed(n) => return param(params, format_args!("{};5;{n}", base + 8)),
        Color::Rgb(r, g, b) => return param(params, format_args!("{};2;{r};{g};{b}", base + 8)),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    match (base, named) {
        (50, n) => param(params, format_args!("58;5;{n}")),
        (_, n @ 0..8) => param(params, format_args!("{}", base + n)),
        (_, n) => param(params, format_args!("{}", base + 60 + n - 8)),
    }
}

/// SGR parameters that turn on `m`'s attributes.
fn modifiers_on(m: Modifier, params: &mut Vec<u8>) {
    for (flag, code) in [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ] {
        if m.contains(flag) {
            param(params, format_args!("{code}"));
        }
    }
}

/// Writes the change of style from `from` to `to` as one SGR sequence: the shorter of the
/// differences and a reset followed by the whole new style; nothing when they are equal.
fn sgr(from: Pen, to: Pen, buf: &mut Vec<u8>) {
    if from == to {
        return;
    }
    let mut delta = Vec::with_capacity(32);
    let removed = from.modifier - to.modifier;
    let mut again = Modifier::empty();
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        // 22 turns off both bold and dim; whichever stays comes back on.
        param(&mut delta, format_args!("22"));
        again |= to.modifier & (Modifier::BOLD | Modifier::DIM);
    }
    for (flag, code) in [
        (Modifier::ITALIC, 23),
        (Modifier::UNDERLINED, 24),
        (Modifier::REVERSED, 27),
        (Modifier::HIDDEN, 28),
        (Modifier::CROSSED_OUT, 29),
    ] {
        if removed.contains(flag) {
            param(&mut delta, format_args!("{code}"));
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        // So does 25 for both blinks.
        param(&mut delta, format_args!("25"));
        again |= to.modifier & (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
    }
    modifiers_on((to.modifier - from.modifier) | again, &mut delta);
    if from.fg != to.fg {
        colour(to.fg, 30, &mut delta);
    }
    if from.bg != to.bg {
        colour(to.bg, 40, &mut delta);
    }
    if from.underline != to.underline {
        colour(to.underline, 50, &mut delta);
    }

    // A reset is `ESC[m`; `ESC[0;…m` then sets what the new style has.
    let mut reset = Vec::with_capacity(32);
    if to != Pen::RESET {
        param(&mut reset, format_args!("0"));
        modifiers_on(to.modifier, &mut reset);
        for (c, base) in [(to.fg, 30), (to.bg, 40), (to.underline, 50)] {
            if c != Color::Reset {
                colour(c, base, &mut reset);
            }
        }
    }
    buf.extend_from_slice(b"\x1b[");
    buf.extend_from_slice(if reset.len() < delta.len() {
        &reset
    } else {
        &delta
    });
    buf.push(b'm');
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut updates: Vec<(u16, u16, &Cell)> = content.collect();
        if updates.is_empty() {
            return Ok(());
        }
        updates.sort_by_key(|&(x, y, _)| (y, x));
        for &(x, y, _) in &updates {
            self.screen.cover(x, y);
        }
        let mut next = self.screen.clone();
        let mut changed = vec![false; next.height as usize];
        for &(x, y, cell) in &updates {
            next.put(x, y, cell);
            changed[y as usize] = true;
        }
        // The changed cells as they are, or, when it is shorter, a region scrolled first and
        // then what still differs in it.
        let mut bytes = Vec::new();
        next.emit(&updates, &mut bytes);
        let regions = if changed.iter().filter(|&&c| c).count() >= 2 {
            self.screen.scrolls(&next, &changed)
        } else {
            Vec::new()
        };
        for region in regions {
            let (top, bottom, lines) = region;
            let mut scrolled = Vec::new();
            scroll(top, bottom, lines, &mut scrolled);
            let mut changes: Vec<(u16, u16, &Cell)> = Vec::new();
            let mut rest = updates.iter().peekable();
            for y in 0..next.height {
                if (top..=bottom).contains(&y) {
                    for x in 0..next.width {
                        let was = match self.screen.scrolled_row(y, region) {
                            Some(from) => self.screen.get(x, from),
                            None => Some(&Cell::EMPTY),
                        };
                        if let Some(cell) = next.get(x, y)
                            && was != Some(cell)
                        {
                            changes.push((x, y, cell));
                        }
                    }
                }
                while let Some(&&(x, row, cell)) = rest.peek()
                    && row == y
                {
                    if !(top..=bottom).contains(&y) {
                        changes.push((x, y, cell));
                    }
                    rest.next();
                }
            }
            next.emit(&changes, &mut scrolled);
            if scrolled.len() < bytes.len() {
                bytes = scrolled;
            }
        }
        self.screen = next;
        self.out.extend_from_slice(&bytes);
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.out.extend(std::iter::repeat_n(b'\n', n as usize));
        self.screen.cells.fill(None);
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(false) {
            self.out.extend_from_slice(b"\x1b[?25l");
            self.cursor_visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(true) {
            self.out.extend_from_slice(b"\x1b[?25h");
            self.cursor_visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.flush()?;
        crossterm::cursor::position()
            .map(|(x, y)| Position { x, y })
            .map_err(io::Error::other)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        cup(x, y, &mut self.out);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // After a clear (a reset terminal, a redraw) nothing the terminal had is assumed.
        self.cursor_visible = None;
        self.out.extend_from_slice(match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        });
        match (clear_type, self.size()) {
            (ClearType::All, Ok(size)) => {
                self.screen = Screen::blank(size.width, size.height, true);
            }
            _ => self.screen.cells.fill(None),
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = crossterm::terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let crossterm::terminal::WindowSize {
            columns,
            rows,
            width,
            height,
        } = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: columns,
                height: rows,
            },
            pixels: Size { width, height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.out.is_empty() {
            self.writer.write_all(&self.out)?;
            self.out.clear();
        }
        self.writer.flush()
    }
}

impl<W: Write> Drop for LeanBackend<W> {
    fn drop(&mut self) {
        // ratatui shows the cursor again when the terminal is dropped.
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use ratatui::{TerminalOptions, Viewport};
    use unicode_width::UnicodeWidthChar;

    /// Just enough of a VT terminal to replay what the backend writes: printing with pending
    /// wrap, CUP/CUU/CUD/CUF/CUB, CR, LF, SGR and erase. It refuses what the backend must
    /// never rely on: printing in the pending-wrap state and scrolling.
    struct Vt {
        w: u16,
        h: u16,
        cells: Vec<(String, Pen)>,
        x: u16,
        y: u16,
        wrap: bool,
        pen: Pen,
        /// The scrolling region, first and last row.
        margins: (u16, u16),
        /// A region scrolled in the last bytes fed.
        scrolled: bool,
    }

    impl Vt {
        fn new(w: u16, h: u16) -> Vt {
            Vt {
                w,
                h,
                cells: vec![(" ".into(), Pen::RESET); w as usize * h as usize],
                x: 0,
                y: 0,
                wrap: false,
                pen: Pen::RESET,
                margins: (0, h - 1),
                scrolled: false,
            }
        }

        /// Moves rows `top..=bottom` up by one (down when `up` is false), a blank row coming in.
        fn scroll(&mut self, up: bool) {
            self.scrolled = true;
            let (top, bottom) = self.margins;
            let w = self.w as usize;
            let blank = (
                " ".to_string(),
                Pen {
                    bg: self.pen.bg,
                    ..Pen::RESET
                },
            );
            let region = &mut self.cells[top as usize * w..(bottom as usize + 1) * w];
            if up {
                region.rotate_left(w);
                let last = region.len() - w;
                region[last..].fill(blank);
            } else {
                region.rotate_right(w);
                region[..w].fill(blank);
            }
        }

        fn cell(&mut self, x: u16, y: u16) -> &mut (String, Pen) {
            &mut self.cells[y as usize * self.w as usize + x as usize]
        }

        fn feed(&mut self, bytes: &[u8]) {
            self.scrolled = false;
            let text = std::str::from_utf8(bytes).expect("UTF-8");
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\x1b' if chars.peek() == Some(&'M') => {
                        chars.next();
                        // Reverse index: up a row, scrolling the region at its top.
                        if self.y == self.margins.0 {
                            self.scroll(false);
                        } else {
                            assert!(self.y > 0);
                            self.y -= 1;
                        }
                        self.wrap = false;
                    }
                    '\x1b' => {
                        assert_eq!(chars.next(), Some('['), "only CSI sequences and RI");
                        let mut params = String::new();
                        let op = loop {
                            let c = chars.next().expect("a whole sequence");
                            if c.is_ascii_digit() || c == ';' || c == '?' {
                                params.push(c);
                            } else {
                                break c;
                            }
                        };
                        self.csi(&params, op);
                    }
                    '\r' => {
                        self.x = 0;
                        self.wrap = false;
                    }
                    '\n' => {
                        if self.y == self.margins.1 {
                            assert!(
                                self.margins != (0, self.h - 1),
                                "a line feed on the last row scrolls the whole screen"
                            );
                            self.scroll(true);
                        } else {
                            assert!(self.y + 1 < self.h);
                            self.y += 1;
                        }
                        self.wrap = false;
                    }
                    c => {
                        assert!(!c.is_control(), "control character {c:?}");
                        let width = c.width().unwrap_or(0) as u16;
                        if width == 0 {
                            let (x, y) = (self.x.saturating_sub(1), self.y);
                            self.cell(x, y).0.push(c);
                            continue;
                        }
                        assert!(
                            !self.wrap,
                            "printed at a pending wrap (x {}, y {})",
                            self.x, self.y
                        );
                        let (x, y, pen) = (self.x, self.y, self.pen);
                        // Writing over half of a wide character erases the other half.
                        if self.cell(x, y).0.is_empty() && x > 0 {
                            *self.cell(x - 1, y) = (" ".into(), Pen::RESET);
                        }
                        let last = x + width - 1;
                        if last + 1 < self.w && self.cell(last, y).0.width() == 2 {
                            *self.cell(last + 1, y) = (" ".into(), Pen::RESET);
                        }
                        *self.cell(x, y) = (c.to_string(), pen);
                        if width == 2 && x + 1 < self.w {
                            *self.cell(x + 1, y) = (String::new(), pen);
                        }
                        if x + width >= self.w {
                            self.x = self.w - 1;
                            self.wrap = true;
                        } else {
                            self.x = x + width;
                        }
                    }
                }
            }
        }

        fn csi(&mut self, params: &str, op: char) {
            let nums: Vec<u16> = params
                .trim_start_matches('?')
                .split(';')
                .map(|p| p.parse().unwrap_or(0))
                .collect();
            let n = nums[0].max(1);
            self.wrap = matches!(op, 'm' | 'l' | 'h') && self.wrap;
            match op {
                'H' => {
                    self.y = nums[0].max(1) - 1;
                    self.x = nums.get(1).copied().unwrap_or(1).max(1) - 1;
                }
                'A' => self.y = self.y.saturating_sub(n),
                'B' => self.y = (self.y + n).min(self.h - 1),
                'C' => self.x = (self.x + n).min(self.w - 1),
                'D' => self.x = self.x.saturating_sub(n),
                'J' | 'K' => {
                    let blank = (
                        " ".to_string(),
                        Pen {
                            bg: self.pen.bg,
                            ..Pen::RESET
                        },
                    );
                    let w = self.w as usize;
                    let here = self.y as usize * w + self.x as usize;
                    match (op, nums[0]) {
                        ('J', 2) => self.cells.fill(blank),
                        ('K', 0) => self.cells[here..(self.y as usize + 1) * w].fill(blank),
                        _ => panic!("unexpected erase {params}{op}"),
                    }
                }
                'm' => self.sgr(&nums),
                'r' => {
                    self.margins = if params.is_empty() {
                        (0, self.h - 1)
                    } else {
                        (nums[0] - 1, nums[1] - 1)
                    };
                    assert!(self.margins.0 < self.margins.1 && self.margins.1 < self.h);
                    (self.x, self.y) = (0, 0);
                }
                'l' | 'h' => assert!(params.starts_with('?')),
                _ => panic!("unexpected CSI {params}{op}"),
            }
        }

        fn sgr(&mut self, p: &[u16]) {
            let named = |n: u16| match n {
                0 => Color::Black,
                1 => Color::Red,
                2 => Color::Green,
                3 => Color::Yellow,
                4 => Color::Blue,
                5 => Color::Magenta,
                6 => Color::Cyan,
                7 => Color::Gray,
                8 => Color::DarkGray,
                9 => Color::LightRed,
                10 => Color::LightGreen,
                11 => Color::LightYellow,
                12 => Color::LightBlue,
                13 => Color::LightMagenta,
                14 => Color::LightCyan,
                _ => Color::White,
            };
            let extended = |rest: &[u16]| -> (Color, usize) {
                match rest[0] {
                    5 if rest[1] < 16 => (named(rest[1]), 2),
                    5 => (Color::Indexed(rest[1] as u8), 2),
                    2 => (Color::Rgb(rest[1] as u8, rest[2] as u8, rest[3] as u8), 4),
                    _ => panic!("bad extended colour"),
                }
            };
            let mut i = 0;
            while i < p.len() {
                let m = &mut self.pen.modifier;
                match p[i] {
                    0 => self.pen = Pen::RESET,
                    1 => *m |= Modifier::BOLD,
                    2 => *m |= Modifier::DIM,
                    3 => *m |= Modifier::ITALIC,
                    4 => *m |= Modifier::UNDERLINED,
                    5 => *m |= Modifier::SLOW_BLINK,
                    6 => *m |= Modifier::RAPID_BLINK,
                    7 => *m |= Modifier::REVERSED,
                    8 => *m |= Modifier::HIDDEN,
                    9 => *m |= Modifier::CROSSED_OUT,
                    22 => *m -= Modifier::BOLD | Modifier::DIM,
                    23 => *m -= Modifier::ITALIC,
                    24 => *m -= Modifier::UNDERLINED,
                    25 => *m -= Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
                    27 => *m -= Modifier::REVERSED,
                    28 => *m -= Modifier::HIDDEN,
                    29 => *m -= Modifier::CROSSED_OUT,
                    n @ 30..=37 => self.pen.fg = named(n - 30),
                    n @ 90..=97 => self.pen.fg = named(n - 90 + 8),
                    n @ 40..=47 => self.pen.bg = named(n - 40),
                    n @ 100..=107 => self.pen.bg = named(n - 100 + 8),
                    39 => self.pen.fg = Color::Reset,
                    49 => self.pen.bg = Color::Reset,
                    59 => self.pen.underline = Color::Reset,
                    38 | 48 | 58 => {
                        let (c, used) = extended(&p[i + 1..]);
                        match p[i] {
                            38 => self.pen.fg = c,
                            48 => self.pen.bg = c,
                            _ => self.pen.underline = c,
                        }
                        i += used;
                    }
                    n => panic!("unexpected SGR {n}"),
                }
                i += 1;
            }
        }

        /// The first cell that differs from `other`'s.
        fn first_difference(&self, other: &Vt) -> Option<String> {
            let i = (0..self.cells.len()).find(|&i| self.cells[i] != other.cells[i])?;
            Some(format!(
                "({}, {}): {:?} against {:?}\n{}",
                i % self.w as usize,
                i / self.w as usize,
                self.cells[i],
                other.cells[i],
                self.text()
            ))
        }

        fn text(&self) -> String {
            self.cells
                .chunks(self.w as usize)
                .map(|row| row.iter().map(|c| c.0.as_str()).collect::<String>() + "|\n")
                .collect()
        }

        /// The screen must show `buffer`: every cell's symbol and style (a wide character's
        /// second column is not compared).
        fn assert_shows(&self, buffer: &Buffer, context: &str) {
            for y in 0..self.h {
                let mut skip = 0;
                for x in 0..self.w {
                    let cell = &buffer[(x, y)];
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    skip = cell.symbol().width().saturating_sub(1);
                    let (symbol, pen) = &self.cells[y as usize * self.w as usize + x as usize];
                    assert_eq!(
                        (symbol.as_str(), *pen),
                        (cell.symbol(), Pen::of(cell)),
                        "cell ({x}, {y}) {context}"
                    );
                }
            }
        }
    }

    /// A small deterministic random source.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// A writer whose bytes the test can read while the backend holds it.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A terminal on `backend` with a replaying emulator behind it.
    struct Rig<B: Backend> {
        term: Terminal<B>,
        out: Shared,
        vt: Vt,
    }

    impl<B: Backend> Rig<B> {
        /// Draws `paint` and replays the bytes: the frame, and how many bytes it took.
        fn step(&mut self, paint: impl FnOnce(&mut ratatui::Frame)) -> (Buffer, usize) {
            let frame = self.term.draw(paint).unwrap().buffer.clone();
            let bytes = std::mem::take(&mut *self.out.0.borrow_mut());
            self.vt.feed(&bytes);
            (frame, bytes.len())
        }
    }

    fn rig<B: Backend>(w: u16, h: u16, backend: impl FnOnce(Shared) -> B) -> Rig<B> {
        let out = Shared::default();
        let term = Terminal::with_options(
            backend(out.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
            },
        )
        .unwrap();
        Rig {
            term,
            out,
            vt: Vt::new(w, h),
        }
    }

    fn lean(w: u16, h: u16) -> Rig<LeanBackend<Shared>> {
        rig(w, h, |out| LeanBackend::sized(out, Size::new(w, h)))
    }

    fn plain(w: u16, h: u16) -> Rig<ratatui::backend::CrosstermBackend<Shared>> {
        rig(w, h, ratatui::backend::CrosstermBackend::new)
    }

    #[test]
    fn random_frames_replay_to_the_same_screen() {
        const SYMBOLS: [&str; 12] = ["a", "b", "7", " ", ",", "✓", "✗", "▾", "─", "漢", "é", "·"];
        let colours = [
            Color::Reset,
            Color::Red,
            Color::Green,
            Color::Cyan,
            Color::DarkGray,
            Color::White,
            Color::Indexed(123),
            Color::Rgb(1, 2, 3),
        ];
        let modifiers = [
            Modifier::empty(),
            Modifier::BOLD,
            Modifier::DIM,
            Modifier::BOLD | Modifier::DIM,
            Modifier::REVERSED,
            Modifier::UNDERLINED | Modifier::BOLD,
            Modifier::ITALIC | Modifier::SLOW_BLINK,
            // Not RAPID_BLINK: ratatui's backend turns off both blinks to turn off one.
            Modifier::CROSSED_OUT | Modifier::HIDDEN,
        ];
        for seed in 1..=40u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let (w, h) = (10 + rng.next(60) as u16, 2 + rng.next(20) as u16);
            let mut ours = lean(w, h);
            let mut reference = plain(w, h);
            // Spans that persist from frame to frame, a few changing each time.
            let mut spans: Vec<(u16, u16, String, Style)> = Vec::new();
            for frame in 0..30 {
                let changes = if frame == 0 { 40 } else { 1 + rng.next(6) };
                for _ in 0..changes {
                    let text: String = (0..1 + rng.next(12))
                        .map(|_| SYMBOLS[rng.next(SYMBOLS.len())])
                        .collect();
                    let style = Style::new()
                        .fg(colours[rng.next(colours.len())])
                        .bg(colours[rng.next(4)])
                        .underline_color(colours[rng.next(2)])
                        .add_modifier(modifiers[rng.next(modifiers.len())]);
                    let span = (
                        rng.next(w as usize) as u16,
                        rng.next(h as usize) as u16,
                        text,
                        style,
                    );
                    if spans.is_empty() || rng.next(3) == 0 {
                        spans.push(span);
                    } else {
                        let i = rng.next(spans.len());
                        spans[i] = span;
                    }
                }
                let paint = |f: &mut ratatui::Frame| {
                    for (x, y, text, style) in &spans {
                        f.buffer_mut()
                            .set_stringn(*x, *y, text, (w - x) as usize, *style);
                    }
                };
                ours.step(paint);
                reference.step(paint);
                // Overlapping wide characters leave ratatui's buffer unlike any screen, so
                // the screen to match is the one ratatui's own backend leaves.
                if let Some(difference) = ours.vt.first_difference(&reference.vt) {
                    panic!("seed {seed} frame {frame}: {difference}");
                }
            }
        }
    }

    /// A list scrolling a line at a time inside a pane, the selected line highlighted, as the
    /// tree does: the terminal scrolls the region and only what is new is written.
    #[test]
    fn a_scrolling_list_scrolls_the_region() {
        let (w, h) = (40, 14);
        let mut ours = lean(w, h);
        let mut reference = plain(w, h);
        let items: Vec<String> = (0..40)
            .map(|i| format!("▸ item {i:02} {}", "long name ".repeat(i % 3)))
            .collect();
        let paint = |selected: usize| {
            let items = &items;
            move |f: &mut ratatui::Frame| {
                let buf = f.buffer_mut();
                buf.set_string(
                    0,
                    0,
                    "header",
                    Style::new().add_modifier(Modifier::REVERSED),
                );
                let offset = selected.saturating_sub(7);
                for row in 0..8 {
                    let i = offset + row;
                    let style = if i == selected {
                        Style::new().add_modifier(Modifier::REVERSED)
                    } else {
                        Style::new()
                    };
                    buf.set_stringn(0, 2 + row as u16, format!("{:<32}", items[i]), 32, style);
                    buf.set_string(33, 2 + row as u16, "✗ 9", Style::new().fg(Color::Red));
                }
                buf.set_string(0, 12, format!("detail of {selected}"), Style::new());
            }
        };
        let mut scrolled = 0;
        let mut path: Vec<usize> = (0..30).collect();
        path.extend((5..29).rev());
        for (step, &selected) in path.iter().enumerate() {
            let (frame, _) = ours.step(paint(selected));
            reference.step(paint(selected));
            ours.vt.assert_shows(&frame, &format!("step {step}"));
            if let Some(difference) = ours.vt.first_difference(&reference.vt) {
                panic!("step {step}: {difference}");
            }
            scrolled += usize::from(ours.vt.scrolled);
        }
        // Down from the eighth line, and up again from the top of the pane.
        assert!(scrolled >= 40, "scrolled {scrolled} times");
    }

    #[test]
    fn a_line_cut_short_is_erased_to_its_end() {
        let mut ours = lean(30, 3);
        ours.step(|f| {
            f.buffer_mut()
                .set_string(0, 1, "a long line of text here", Style::new());
        });
        let (frame, bytes) = ours.step(|f| {
            f.buffer_mut().set_string(0, 1, "a long", Style::new());
        });
        ours.vt.assert_shows(&frame, "shorter line");
        // ESC[2;7H ESC[K, not 18 spaces.
        assert_eq!(bytes, 9);
    }

    #[test]
    fn sgr_is_one_short_sequence() {
        let red_bold = Pen {
            fg: Color::Red,
            modifier: Modifier::BOLD,
            ..Pen::RESET
        };
        let mut buf = Vec::new();
        sgr(Pen::RESET, red_bold, &mut buf);
        assert_eq!(buf, b"\x1b[1;31m");
        buf.clear();
        sgr(red_bold, Pen::RESET, &mut buf);
        assert_eq!(buf, b"\x1b[m");
        buf.clear();
        let reversed = Pen {
            modifier: Modifier::REVERSED,
            ..Pen::RESET
        };
        sgr(red_bold, reversed, &mut buf);
        assert_eq!(buf, b"\x1b[0;7m");
        // 22 and 25 turn off two attributes each; the one that stays comes back.
        let both = |m| Pen {
            modifier: m,
            ..Pen::RESET
        };
        buf.clear();
        sgr(
            both(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK | Modifier::UNDERLINED),
            both(Modifier::SLOW_BLINK | Modifier::UNDERLINED),
            &mut buf,
        );
        assert_eq!(buf, b"\x1b[25;5m");
        buf.clear();
        sgr(
            both(Modifier::BOLD | Modifier::DIM | Modifier::REVERSED),
            both(Modifier::DIM | Modifier::REVERSED),
            &mut buf,
        );
        assert_eq!(buf, b"\x1b[22;2m");
    }

    /// After a character other than ASCII the cursor's column is not trusted (a terminal may
    /// draw `✓` two columns wide): the next change on the row is reached by an absolute move or
    /// a carriage return, never relatively, so a shift cannot carry along the row.
    #[test]
    fn no_relative_move_after_a_character_other_than_ascii() {
        let row = |text: &'static str| {
            move |f: &mut ratatui::Frame| {
                f.render_widget(ratatui::widgets::Paragraph::new(text), f.area())
            }
        };
        let mut rig = lean(20, 1);
        rig.step(row("✓ a b c d e f"));
        rig.out.0.borrow_mut().clear();
        let frame = rig.term.draw(row("✗ x b c d e g")).unwrap().buffer.clone();
        let bytes = std::mem::take(&mut *rig.out.0.borrow_mut());
        rig.vt.feed(&bytes);
        rig.vt.assert_shows(&frame, "after ✓ → ✗");
        let text = String::from_utf8(bytes).unwrap();
        // Between the check mark and the next figure: an absolute move or a carriage return.
        let after = &text[text.find('✗').unwrap() + '✗'.len_utf8()..text.find('x').unwrap()];
        assert!(
            after.contains('\r') || after.contains('H'),
            "moved relatively after ✗: {after:?} in {text:?}"
        );
        // And after ASCII only, relative moves are still used (a short gap re-sent or skipped).
        let tail = &text[text.find('x').unwrap()..];
        assert!(!tail.contains('H') && !tail.contains('\r'), "{tail:?}");
    }

    /// The interface itself, key by key at 80×24 and 120×40, in colour: the same screens, and
    /// fewer bytes than ratatui's crossterm backend.
    #[test]
    fn the_interface_replays_to_the_same_screens_in_fewer_bytes() {
        use crate::tui::{Action, App, Theme};
        let ws = crate::generate::workspace(2, 1);
        let mut app = App::new(
            ws,
            None,
            crate::locale::Lang::Id,
            Theme {
                color: true,
                ascii: false,
                ascii_auto: None,
            },
        );
        for (w, h) in [(80, 24), (120, 40), (60, 16)] {
            let mut ours = lean(w, h);
            let mut reference = plain(w, h);
            let (mut lean_total, mut plain_total) = (0, 0);
            let keys = [Action::Down; 30]
                .into_iter()
                .chain([
                    Action::Toggle,
                    Action::Down,
                    Action::Toggle,
                    Action::SwitchFocus,
                ])
                .chain([
                    Action::Down,
                    Action::Right,
                    Action::Right,
                    Action::Up,
                    Action::SwitchFocus,
                ])
                .chain([Action::Up; 12])
                .chain([Action::SwitchFocus, Action::Edit])
                .chain(
                    "12x"
                        .chars()
                        .map(|c| Action::Input(tui_input::InputRequest::InsertChar(c))),
                )
                .chain([Action::Submit, Action::Cancel, Action::SwitchFocus])
                .chain([
                    Action::Quarter(crate::model::Quarter::II),
                    Action::PageDown,
                    Action::End,
                ])
                .chain([
                    Action::Dashboard,
                    Action::Down,
                    Action::Dashboard,
                    Action::Help,
                ]);
            for (i, action) in keys.enumerate() {
                app.update(action);
                let (frame, lean) = ours.step(|f| crate::tui::draw(f, &app));
                let (_, plain) = reference.step(|f| crate::tui::draw(f, &app));
                ours.vt.assert_shows(&frame, &format!("{w}×{h} key {i}"));
                if let Some(difference) = ours.vt.first_difference(&reference.vt) {
                    panic!("{w}×{h} key {i}: {difference}");
                }
                lean_total += lean;
                plain_total += plain;
            }
            assert!(
                lean_total * 10 < plain_total * 7,
                "{w}×{h}: {lean_total} bytes against {plain_total}"
            );
        }
    }
}
