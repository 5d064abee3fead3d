//! The real terminal: raw mode and the alternate screen, the backend that draws, and the event
//! loop that feeds keys, resizes and the worker's reports to the app and redraws only after a
//! change.

use super::Action;
use super::app::App;
use super::backend::LeanBackend;
use super::keymap::resolve;
use super::view::draw;
use super::worker;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::layout::Size;
use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

/// Which backend draws the frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackendChoice {
    /// `LeanBackend` (`tui/backend.rs`): about half the bytes per key over SSH.
    Lean,
    /// ratatui's own `CrosstermBackend`: the way out when a terminal does not get along with
    /// the lean one; the default on Windows, whose consoles the lean one was not made for.
    Crossterm,
}

impl BackendChoice {
    /// From `KINERJA_BACKEND` (`crossterm` or `lean`, any case); else the platform's default.
    pub fn from_env() -> BackendChoice {
        Self::from_value(std::env::var("KINERJA_BACKEND").ok().as_deref())
    }

    /// From a setting's value (`None`, empty or unknown: the platform's default).
    pub fn from_value(value: Option<&str>) -> BackendChoice {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("crossterm") => BackendChoice::Crossterm,
            Some("lean") => BackendChoice::Lean,
            _ if cfg!(windows) => BackendChoice::Crossterm,
            _ => BackendChoice::Lean,
        }
    }
}

/// Runs the interface until the user quits; the terminal is restored on return and on panic.
///
/// SIGHUP (the SSH connection or the terminal gone), SIGTERM and SIGINT end it too, from a
/// thread of their own (after a hang-up the main thread can be stuck reading a terminal that
/// is gone): the recovery file is brought up to date with the unsaved edits (see
/// `session::recovery`), the terminal restored as far as it still exists, and the process
/// exits with 128 + the signal's number, as a shell reports a process ended by it.
pub fn run(mut app: App, backend: BackendChoice) -> io::Result<App> {
    let signals = on_signals();
    let result = match backend {
        BackendChoice::Lean => init(LeanBackend::sized).and_then(|mut terminal| {
            let done = event_loop(&mut terminal, &mut app);
            // Shows the cursor again (the backend writes what it holds when dropped).
            drop(terminal);
            done
        }),
        BackendChoice::Crossterm => {
            init(|out, _| CrosstermBackend::new(out)).and_then(|mut terminal| {
                let done = event_loop(&mut terminal, &mut app);
                drop(terminal);
                done
            })
        }
    };
    if let Some(handle) = signals {
        handle.close();
    }
    restore()?;
    result.map(|()| app)
}

/// Starts the thread that ends the interface on SIGHUP, SIGTERM or SIGINT; its handle stops
/// it. `None` when the signals cannot be caught (they then end the process as usual).
#[cfg(unix)]
fn on_signals() -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT]).ok()?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("kinerja-sinyal".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                end_from_outside(signal);
            }
        })
        .ok()?;
    watch_terminal();
    Some(handle)
}

/// Ends the process from another thread than the interface's: the recovery file brought up to
/// date with the unsaved edits, the terminal restored as far as it still exists, exit with
/// 128 + `signal` (as a shell reports a process ended by it).
#[cfg(unix)]
fn end_from_outside(signal: i32) -> ! {
    super::session::recovery::flush_all(Duration::from_secs(10));
    restore_from_signal();
    std::process::exit(128 + signal);
}

/// How often the terminal is looked at for a hang-up that came without SIGHUP.
#[cfg(unix)]
const TERMINAL_WATCH: Duration = Duration::from_secs(1);

/// A terminal can go away without a SIGHUP reaching kinerja (started under `nohup`, or by a
/// shell that ignores it): reads then return nothing at once, and crossterm's loop spins at
/// full speed holding the unsaved edits. A thread looks at the terminal once a second; when it
/// answers only with an I/O error (what a hung-up terminal gives), it ends the interface as
/// SIGHUP would.
#[cfg(unix)]
fn watch_terminal() {
    use std::os::fd::AsFd;
    let hung_up = || {
        matches!(
            rustix::termios::tcgetattr(io::stdin().as_fd()),
            Err(rustix::io::Errno::IO)
        )
    };
    if !io::stdin().is_terminal() || hung_up() {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("kinerja-terminal".into())
        .spawn(move || {
            loop {
                std::thread::sleep(TERMINAL_WATCH);
                if hung_up() {
                    end_from_outside(signal_hook::consts::SIGHUP);
                }
            }
        });
}

#[cfg(not(unix))]
fn on_signals() -> Option<()> {
    None
}

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

/// `ratatui::try_init` with the chosen backend: raw mode, the alternate screen with its modes
/// reset, and a panic hook that restores the terminal before the message is printed (a panic
/// on the worker is caught and reported there; the screen stays as it is). Raw mode is undone
/// when any of it fails.
fn init<B: Backend<Error = io::Error>>(
    backend: impl FnOnce(Out, Size) -> B,
) -> io::Result<ratatui::Terminal<B>> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let name = std::thread::current().name().map(str::to_string);
        if name.as_deref() == Some(worker::THREAD_NAME)
            || name.as_deref() == Some(super::session::recovery::THREAD_NAME)
        {
            return;
        }
        let _ = restore();
        hook(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    let terminal = (|| {
        use std::io::Write;
        let mut out = out()?;
        ratatui::crossterm::execute!(out, ratatui::crossterm::terminal::EnterAlternateScreen)?;
        // A paste arrives whole (a name with a line break goes into the field and is refused
        // there, instead of its line break pressing Enter). Where a console cannot, pastes
        // stay keys.
        let _ = ratatui::crossterm::execute!(out, ratatui::crossterm::event::EnableBracketedPaste);
        out.write_all(RESET_MODES)?;
        let (width, height) = ratatui::crossterm::terminal::size()?;
        ratatui::Terminal::new(backend(out, Size::new(width, height)))
    })();
    if terminal.is_err() {
        let _ = restore();
    }
    terminal
}

/// [`restore`] from the signals' thread: without `io::stdout()`, whose lock the main thread
/// may hold (the command line keeps it for the whole run), writing straight to the standard
/// output's descriptor; a terminal that is gone only makes the writes fail.
#[cfg(unix)]
fn restore_from_signal() {
    use std::io::Write;
    let _ = ratatui::crossterm::terminal::disable_raw_mode();
    if let Ok(mut out) = out() {
        // Scrolling region, style, cursor shown, pastes as keys again, the main screen.
        let _ = out.write_all(b"\x1b[r\x1b[m\x1b[?25h\x1b[?2004l\x1b[?1049l");
    }
}

/// Leaves the terminal as it was found: the scrolling region whole, the default style, the
/// cursor shown, pastes as keys, the main screen, raw mode off.
fn restore() -> io::Result<()> {
    use std::io::Write;
    let mut stdout = io::stdout();
    let _ = stdout.write_all(b"\x1b[r\x1b[m\x1b[?25h\x1b[?2004l");
    let _ = stdout.flush();
    ratatui::try_restore()
}

/// How long the keys must rest before the workspace file is looked at for another user's save
/// (a `stat`; the file is read, on the worker, only when it changed).
const DISK_CHECK: Duration = Duration::from_secs(2);

/// How often the worker's reports are looked at while it has a job. With no job, the loop
/// sleeps until a key or the next look at the disk.
const WORKER_POLL: Duration = Duration::from_millis(50);

fn event_loop<B: Backend<Error = io::Error>>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
) -> io::Result<()> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    app.update(Action::Resize { width, height });
    let mut redraw = true;
    let mut next_check = Instant::now() + DISK_CHECK;
    while !app.should_quit() {
        if redraw {
            terminal.draw(|frame| draw(frame, app))?;
            redraw = false;
        }
        let until_check = next_check.saturating_duration_since(Instant::now());
        let timeout = if app.busy() {
            until_check.min(WORKER_POLL)
        } else {
            until_check
        };
        // Every event already waiting is taken before the next frame (a burst of keys, a
        // paste sent as keys by a terminal without bracketed paste, costs one frame).
        let mut wait = timeout;
        while event::poll(wait)? {
            wait = Duration::ZERO;
            match event::read()? {
                // Windows terminals also send releases; only presses act.
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    next_check = Instant::now() + DISK_CHECK;
                    if let Some(action) = resolve(app.context(), key) {
                        app.update(action);
                        redraw = true;
                    }
                }
                Event::Paste(text) => {
                    next_check = Instant::now() + DISK_CHECK;
                    app.paste(&text);
                    redraw = true;
                }
                Event::Resize(width, height) => {
                    app.update(Action::Resize { width, height });
                    redraw = true;
                }
                _ => {}
            }
            if app.should_quit() {
                break;
            }
        }
        if app.busy() {
            redraw |= app.receive();
        }
        if Instant::now() >= next_check {
            next_check = Instant::now() + DISK_CHECK;
            redraw |= app.check_disk();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::BackendChoice;

    #[test]
    fn the_backend_is_chosen_by_its_name() {
        assert_eq!(
            BackendChoice::from_value(Some("crossterm")),
            BackendChoice::Crossterm
        );
        assert_eq!(
            BackendChoice::from_value(Some(" CrossTerm ")),
            BackendChoice::Crossterm
        );
        assert_eq!(BackendChoice::from_value(Some("lean")), BackendChoice::Lean);
        let default = if cfg!(windows) {
            BackendChoice::Crossterm
        } else {
            BackendChoice::Lean
        };
        assert_eq!(BackendChoice::from_value(None), default);
        assert_eq!(BackendChoice::from_value(Some("")), default);
        assert_eq!(BackendChoice::from_value(Some("vt100")), default);
    }
}
