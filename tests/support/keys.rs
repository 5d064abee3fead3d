//! Keys pressed as a user would: each through the key table of the app's current context into
//! `App::update`. A key that resolves to no action in that context fails the test — a test
//! that presses a key bound to nothing tests nothing (issue 15, item 19). Shared by
//! tests/tui.rs and tests/tui_worker.rs.

#![allow(dead_code)]

use kinerja::tui::{self, App};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Presses one key; panics when the key does nothing in the current context.
pub fn key(app: &mut App, event: KeyEvent) {
    let context = app.context();
    match tui::resolve(context, event) {
        Some(action) => app.update(action),
        None => panic!("{event:?} is bound to nothing in {context:?}"),
    }
}

/// Presses keys without modifiers, in turn.
pub fn press(app: &mut App, keys: &[KeyCode]) {
    for code in keys {
        key(app, KeyEvent::new(*code, KeyModifiers::NONE));
    }
}

pub fn ctrl(app: &mut App, c: char) {
    key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn shift(app: &mut App, c: char) {
    key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT));
}

/// Types text, one character key at a time.
pub fn type_text(app: &mut App, text: &str) {
    let keys: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
    press(app, &keys);
}
