//! The terminal interface: the cascading tree, the detail of a node with its figure editor,
//! and the capaian dashboard. Built for SSH at 80×24: no mouse, no true colour, redraws only
//! after a key or a resize.
//!
//! Keys become [`Action`]s through the tables in `keymap`; [`App::update`] applies them;
//! `view::draw` draws the state.

mod action;
mod app;
mod backend;
mod figures;
mod keymap;
mod theme;
mod tree;
mod view;

pub use action::Action;
pub use app::{App, Edit, Field, Focus, Message, Mode, View, field_kind, field_label};
pub use backend::LeanBackend;
pub use figures::{DashProgram, Dashboard, YearBudget};
pub use keymap::{Context, resolve};
pub use theme::Theme;
pub use tree::{Badge, TreeRow};
pub use view::draw;

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::io;

/// Runs the interface until the user quits; the terminal is restored on return and on panic.
pub fn run(mut app: App) -> io::Result<App> {
    let mut terminal = init()?;
    let result = event_loop(&mut terminal, &mut app);
    // Shows the cursor again (the backend writes what it holds when dropped).
    drop(terminal);
    restore()?;
    result.map(|()| app)
}

type Term = ratatui::Terminal<LeanBackend<Out>>;

/// Where frames go: standard output without its line buffer, so a frame (which holds line
/// feeds) leaves in one write — one packet over SSH, and never half a frame on the line.
#[cfg(unix)]
type Out = std::fs::File;
#[cfg(not(unix))]
type Out = io::Stdout;

#[cfg(unix)]
fn out() -> io::Result<Out> {
    use std::os::fd::AsFd;
    Ok(std::fs::File::from(
        io::stdout().as_fd().try_clone_to_owned()?,
    ))
}

#[cfg(not(unix))]
fn out() -> io::Result<Out> {
    Ok(io::stdout())
}

/// Modes a program before this one may have left set, which the backend's moves and scrolling
/// rely on being off: the scrolling region back to the whole screen, origin mode off, the
/// default style, and a clear screen (a terminal that has no alternate screen shows the shell
/// otherwise).
const RESET_MODES: &[u8] = b"\x1b[r\x1b[?6l\x1b[m\x1b[2J";

/// `ratatui::try_init` with [`LeanBackend`]: raw mode, the alternate screen with its modes
/// reset, and a panic hook that restores the terminal before the message is printed. Raw mode
/// is undone when any of it fails.
fn init() -> io::Result<Term> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        hook(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    let terminal = (|| {
        use std::io::Write;
        let mut out = out()?;
        ratatui::crossterm::execute!(out, ratatui::crossterm::terminal::EnterAlternateScreen)?;
        out.write_all(RESET_MODES)?;
        let (width, height) = ratatui::crossterm::terminal::size()?;
        ratatui::Terminal::new(LeanBackend::sized(
            out,
            ratatui::layout::Size::new(width, height),
        ))
    })();
    if terminal.is_err() {
        let _ = restore();
    }
    terminal
}

/// Leaves the terminal as it was found: the scrolling region whole, the default style, the
/// cursor shown, the main screen, raw mode off.
fn restore() -> io::Result<()> {
    use std::io::Write;
    let mut stdout = io::stdout();
    let _ = stdout.write_all(b"\x1b[r\x1b[m\x1b[?25h");
    let _ = stdout.flush();
    ratatui::try_restore()
}

/// How often the workspace file is looked at for another user's save (a `stat`; the file is
/// read only when its size or time changed).
const DISK_CHECK: std::time::Duration = std::time::Duration::from_secs(2);

fn event_loop(terminal: &mut Term, app: &mut App) -> io::Result<()> {
    let mut redraw = true;
    while !app.should_quit() {
        if redraw {
            terminal.draw(|frame| draw(frame, app))?;
        }
        if !event::poll(DISK_CHECK)? {
            redraw = app.check_disk();
            continue;
        }
        redraw = match event::read()? {
            // Windows terminals also send releases; only presses act.
            Event::Key(key) if key.kind == KeyEventKind::Press => match resolve(app.context(), key)
            {
                Some(action) => {
                    app.update(action);
                    true
                }
                None => false,
            },
            Event::Resize(..) => true,
            _ => false,
        };
    }
    Ok(())
}
