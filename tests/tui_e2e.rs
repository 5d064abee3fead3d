//! The real binary in a real terminal (tmux at 80×24), driven key by key as a user would:
//! open the sample, find a red indicator from the dashboard, change a TW III figure and a TW IV
//! figure, see capaian and the dashboard move, save, quit, and find the figures in the file.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

static SERVERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl Tmux {
    fn start(binary: &str, workspace: &Path) -> Tmux {
        Tmux::start_with(binary, workspace, "")
    }

    /// `env`: settings put before the command (`NAME=value …`).
    fn start_with(binary: &str, workspace: &Path, env: &str) -> Tmux {
        // One server per test, as tests run at the same time.
        let socket = format!(
            "kinerja-e2e-{}-{}",
            std::process::id(),
            SERVERS.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let cmd = format!("{env} {binary} -w {}", workspace.display());
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "new-session",
                "-d",
                "-x",
                "80",
                "-y",
                "24",
                "-s",
                "e2e",
            ])
            .arg(cmd)
            .env("NO_COLOR", "1")
            .status()
            .expect("tmux is needed for this test (.ci/run installs it)");
        assert!(status.success());
        Tmux { socket }
    }

    fn keys(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "e2e"])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "e2e"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text` (the app draws after each key).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for «{text}»; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the program has ended (at most 10 s).
    fn wait_until_ended(&self) {
        let start = Instant::now();
        while self.running() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "still running:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn running(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", "e2e"])
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

#[test]
fn edit_save_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    std::fs::write(&path, include_str!("../data/sooko-2023.json")).unwrap();
    let tmux = Tmux::start(env!("CARGO_BIN_EXE_kinerja"), &path);
    tmux.wait_for("Pohon kinerja");

    // The red indicators in seconds: the dashboard lists them, worst first.
    tmux.keys(&["d"]);
    let screen = tmux.wait_for("Dasbor");
    assert!(screen.contains("✗ merah 2"), "{screen}");
    // Enter opens IP ASN in the tree on its TW IV cell; type 76 (101,33 % of 75).
    tmux.keys(&["Enter"]);
    tmux.wait_for("Indeks Profesionalitas ASN");
    tmux.keys(&["Enter", "C-u", "7", "6", "Enter"]);
    tmux.wait_for("101,33 %");
    tmux.keys(&["d"]);
    tmux.wait_for("✗ merah 1");

    // A TW III figure: the non-licensing services, 1.235 → 1.300 (3.227 of 500 = 645,40 %).
    tmux.keys(&["/"]);
    tmux.keys(&["-l", "7.01.02.2.04.02"]);
    tmux.keys(&["Enter", "Tab", "Left", "Enter", "C-u"]);
    tmux.keys(&["-l", "1.300"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("645,40 %");
    assert!(screen.contains("belum disimpan"), "{screen}");

    // Save, then quit without being asked.
    tmux.keys(&["s"]);
    tmux.wait_for("Tersimpan ke");
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.running() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "still running:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let saved = kinerja::store::load(&path).unwrap();
    let ip_asn = &saved.node("7.01.01.2.05").unwrap().indikator[0];
    assert_eq!(ip_asn.realisasi[3], Some(rust_decimal::dec!(76)));
    let layanan = &saved.node("7.01.02.2.04.02").unwrap().indikator[0];
    assert_eq!(layanan.realisasi[2], Some(rust_decimal::dec!(1300)));
    assert_eq!(
        kinerja::locale::percent_or_dash(kinerja::rules::capaian_tahun(layanan)),
        "645,40 %"
    );
    assert_eq!(
        kinerja::report::red_list(&saved, kinerja::model::Quarter::IV)
            .merah
            .len(),
        1
    );
}

#[test]
fn ratatuis_own_backend_on_request() {
    // KINERJA_BACKEND=crossterm: the way out when a terminal does not get along with the lean
    // backend. The same screen, an edit and a save.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    std::fs::write(&path, include_str!("../data/sooko-2023.json")).unwrap();
    let tmux = Tmux::start_with(
        env!("CARGO_BIN_EXE_kinerja"),
        &path,
        "KINERJA_BACKEND=crossterm",
    );
    let screen = tmux.wait_for("Pohon kinerja");
    assert!(
        screen.contains("kinerja · Kecamatan Sooko 2023 · TW IV"),
        "{screen}"
    );
    tmux.keys(&["d"]);
    tmux.wait_for("✗ merah 2");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Indeks Profesionalitas ASN");
    tmux.keys(&["Enter", "C-u", "7", "6", "Enter"]);
    tmux.wait_for("101,33 %");
    tmux.keys(&["s"]);
    tmux.wait_for("Tersimpan ke");
    tmux.keys(&["q"]);
    tmux.wait_until_ended();
    let saved = kinerja::store::load(&path).unwrap();
    let ip_asn = &saved.node("7.01.01.2.05").unwrap().indikator[0];
    assert_eq!(ip_asn.realisasi[3], Some(rust_decimal::dec!(76)));
}

#[test]
fn a_save_waiting_for_another_users_lock_leaves_the_keys_free() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    std::fs::write(&path, include_str!("../data/sooko-2023.json")).unwrap();
    let tmux = Tmux::start(env!("CARGO_BIN_EXE_kinerja"), &path);
    tmux.wait_for("Pohon kinerja");
    tmux.keys(&["d", "Enter"]);
    tmux.wait_for("Indeks Profesionalitas ASN");
    tmux.keys(&["Enter", "C-u", "7", "6", "Enter"]);
    tmux.wait_for("101,33 %");

    // Budi's kinerja holds the lock (flock(1), writing his name as kinerja does).
    let lock = kinerja::store::lock_path(&path);
    let mut budi = std::process::Command::new("flock")
        .arg(&lock)
        .args([
            "sh",
            "-c",
            "printf 'budi (pid %s)' $$ > \"$1\"; read line",
            "sh",
        ])
        .arg(&lock)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("flock(1) from util-linux is needed for this test");
    let start = Instant::now();
    while !std::fs::read_to_string(&lock).is_ok_and(|t| t.starts_with("budi")) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "flock did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    tmux.keys(&["s"]);
    let screen = tmux.wait_for("menyimpan… (menunggu kunci: budi, ");
    assert!(screen.contains("Kegiatan 7.01.01.2.05"), "{screen}");
    // The keys still work: back to the tree and up a row, to the kegiatan above IP ASN's.
    tmux.keys(&["Tab", "k"]);
    let screen = tmux.wait_for("Kegiatan 7.01.01.2.02");
    assert!(screen.contains("menunggu kunci: budi"), "{screen}");
    assert_eq!(
        kinerja::store::load(&path)
            .unwrap()
            .node("7.01.01.2.05")
            .unwrap()
            .indikator[0]
            .realisasi[3],
        Some(rust_decimal::dec!(70.85)),
        "nothing written while Budi holds the lock"
    );
    drop(budi.stdin.take());
    budi.wait().unwrap();
    tmux.wait_for("Tersimpan ke");
    tmux.keys(&["q"]);
    tmux.wait_until_ended();
    let saved = kinerja::store::load(&path).unwrap();
    assert_eq!(
        saved.node("7.01.01.2.05").unwrap().indikator[0].realisasi[3],
        Some(rust_decimal::dec!(76))
    );
}
