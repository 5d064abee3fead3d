//! The third attack in the interface (explanations, quarter locks, import): each test
//! reproduces one finding of docs/reliability.md's "Third attack", driven through the real key
//! tables on the Sooko sample.

#[path = "support/keys.rs"]
mod keys;
#[path = "support/screen.rs"]
mod screen;

use keys::{ctrl, press};
use kinerja::locale::Lang;
use kinerja::model::{Change, Field, Quarter, Verification};
use kinerja::store;
use kinerja::tui::{App, Mode};
use ratatui::crossterm::event::KeyCode;
use rust_decimal::Decimal;
use screen::{app_at, message, sample_file, screen, settle};
use std::path::Path;

/// Non-licensing services, 1.235 in TW III in the sample.
const NONPERIZINAN: &str = "7.01.02.2.04.02";

/// Another user's save looked for and loaded (as the event loop does every two seconds).
fn reload(app: &mut App) {
    app.check_disk();
    settle(app);
}

fn save(app: &mut App) {
    ctrl(app, 's');
    settle(app);
}

/// Another user (Budi) locks `q` through the store, as `kinerja lock` does.
fn budi_locks(path: &Path, q: Quarter) {
    let (mut ws, stamp) = store::load_stamped(path).unwrap();
    let by = Verification {
        oleh: "budi".into(),
        waktu: "2026-12-01T10:03:00+07:00".into(),
    };
    let change = Change::lock(&ws, q, by);
    store::commit_changes(
        path,
        &mut ws,
        stamp,
        vec![change],
        "budi",
        store::LOCK_WAIT,
        None,
    )
    .unwrap();
}

fn tw3_on_disk(path: &Path) -> Option<Decimal> {
    store::load(path)
        .unwrap()
        .node(NONPERIZINAN)
        .unwrap()
        .indikator[0]
        .realisasi[Quarter::III.index()]
}

/// Ani types TW III; Budi locks TW III and saves; Ani saves (before her screen has looked at
/// the file, and after). Her figure must not land in the locked quarter, must not vanish
/// either, and the screen must say who locked it.
#[test]
fn a_lock_saved_while_the_quarter_has_unsaved_edits_refuses_them_and_keeps_them() {
    for look_first in [false, true] {
        let (_dir, path) = sample_file();
        let mut ani = app_at(&path, Lang::Id);
        assert!(ani.set_figure(
            NONPERIZINAN,
            Field::Realisasi(0, Quarter::III),
            Some(Decimal::from(1300))
        ));
        budi_locks(&path, Quarter::III);
        if look_first {
            reload(&mut ani);
            let text = screen(&mut ani, 80, 24);
            assert!(
                text.lines().next().unwrap().contains("terkunci: TW III"),
                "{text}"
            );
            // The figure no longer fits: asked about at once, with who locked it.
            assert!(matches!(ani.mode(), Mode::Conflicts(_)), "{text}");
            assert!(text.contains("dikunci oleh budi"), "{text}");
            assert!(ani.is_dirty());
            // Later: kept in memory, asked again on saving.
            press(&mut ani, &[KeyCode::Esc]);
        }
        save(&mut ani);
        assert_eq!(
            tw3_on_disk(&path),
            Some(Decimal::from(1235)),
            "look_first={look_first}: nothing written into the locked quarter"
        );
        let text = screen(&mut ani, 80, 24);
        assert!(
            text.contains("budi") || message(&ani).contains("budi"),
            "look_first={look_first}: who locked it is said: {text}\n{}",
            message(&ani)
        );
        assert!(
            ani.is_dirty() || matches!(ani.mode(), Mode::Conflicts(_)),
            "look_first={look_first}: the figure is not dropped silently"
        );
    }
}
