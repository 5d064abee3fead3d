//! `I` in the real binary in a real terminal (tmux at 80×24), with `NO_COLOR` and without: the
//! sample's E-81 exported to xlsx brought back into a workspace whose TW III was cleared,
//! previewed, applied, saved, and every figure found in the file as the sample has it.

use kinerja::export::{self, Format, Request};
use kinerja::locale::Lang;
use kinerja::model::{NodeKind, Quarter, Workspace};
use kinerja::store;
use rust_decimal::Decimal;
use std::process::Command;
use std::time::{Duration, Instant};

static SERVERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A tmux server of its own with one pane of 80×24 running `cmd`.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(cmd: &str) -> Tmux {
        let socket = format!(
            "kinerja-import-{}-{}",
            std::process::id(),
            SERVERS.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let status = Command::new("tmux")
            .args(["-L", &socket, "new-session", "-d", "-x", "80", "-y", "24"])
            .args(["-s", "e2e", cmd])
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

    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for «{text}»; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn ended(&self) -> bool {
        !Command::new("tmux")
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

/// Every indicator's TW III realisation and every sub kegiatan's TW III Rupiah.
fn tw3(ws: &Workspace) -> Vec<Option<Decimal>> {
    let mut out = Vec::new();
    for n in ws.nodes() {
        out.extend(n.indikator.iter().map(|i| i.realisasi[2]));
        if n.jenis == NodeKind::SubKegiatan {
            out.push(n.anggaran.as_ref().and_then(|b| b.realisasi_rp[2]));
        }
    }
    out
}

fn clear_tw3(nodes: &mut [kinerja::model::Node]) {
    for n in nodes {
        for i in &mut n.indikator {
            i.realisasi[2] = None;
        }
        if n.jenis == NodeKind::SubKegiatan
            && let Some(b) = &mut n.anggaran
        {
            b.realisasi_rp[2] = None;
        }
        clear_tw3(&mut n.anak);
    }
}

fn import_once(env: &str) {
    let sample = store::parse(store::SAMPLE_JSON).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    let mut ws = sample.clone();
    clear_tw3(&mut ws.pohon);
    store::write_atomic(&path, store::to_json(&ws).as_bytes()).unwrap();
    let xlsx = dir.path().join("e81.xlsx");
    let bytes = export::render(&Request {
        ws: &sample,
        quarter: Quarter::IV,
        lang: Lang::Id,
        format: Format::Xlsx,
        table: Some("e81"),
    })
    .unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    let figures = tw3(&sample).iter().flatten().count();

    // Started in the folder of the files, as a user would: the path typed is relative.
    let tmux = Tmux::start(&format!(
        "cd {} && {env} LANG=C.UTF-8 {} -w {}",
        dir.path().display(),
        env!("CARGO_BIN_EXE_kinerja"),
        path.display()
    ));
    tmux.wait_for("Pohon kinerja");
    tmux.keys(&["I"]);
    tmux.wait_for("Impor berkas");
    tmux.keys(&["-l", "e81.xlsx"]);
    tmux.keys(&["Enter"]);
    let preview = tmux.wait_for("Pratinjau impor e81.xlsx");
    assert!(
        preview.contains(&format!("{figures} angka berubah")),
        "{preview}"
    );
    assert!(preview.contains("— → "), "{preview}");
    assert!(preview.contains("Enter terapkan"), "{preview}");
    tmux.keys(&["Enter"]);
    let applied = tmux.wait_for("Diimpor dari e81.xlsx");
    assert!(applied.contains("belum disimpan"), "{applied}");
    tmux.keys(&["s"]);
    tmux.wait_for("Tersimpan ke");
    tmux.keys(&["q"]);
    let start = Instant::now();
    while !tmux.ended() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let saved = store::load(&path).unwrap();
    assert_eq!(tw3(&saved), tw3(&sample));
    assert!(tw3(&sample).iter().flatten().count() > 30);
}

#[test]
fn import_in_a_real_terminal_without_colour() {
    import_once("NO_COLOR=1");
}

#[test]
fn import_in_a_real_terminal_in_colour() {
    import_once("env -u NO_COLOR TERM=xterm-256color");
}
