//! Earlier versions of a workspace, kept in `<workspace>.cadangan/` beside it: before every
//! save the current file is copied there (a hard link where possible), and the newest
//! [`KEEP`] are kept. `kinerja restore` lists and restores them.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How many earlier versions are kept.
pub const KEEP: usize = 20;

pub fn dir_for(workspace: &Path) -> PathBuf {
    let mut name = workspace
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".cadangan");
    workspace.with_file_name(name)
}

/// One kept version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub path: PathBuf,
    /// File name without extension: `20261128T234332Z-000123456`, sortable by time.
    pub name: String,
    pub len: u64,
}

/// Keeps the current file as a version, then drops the oldest beyond [`KEEP`].
pub fn keep(workspace: &Path) -> io::Result<()> {
    if !workspace.is_file() {
        return Ok(());
    }
    let dir = dir_for(workspace);
    super::create_shared_dir(&dir)?;
    let (secs, nanos) = crate::time::now();
    let target = dir.join(format!("{}-{nanos:09}.json", crate::time::compact(secs)));
    if fs::hard_link(workspace, &target).is_err() {
        let bytes = fs::read(workspace)?;
        super::write_atomic(&target, &bytes).map_err(|e| io::Error::other(e.to_string()))?;
    }
    uncache(&target);
    let versions = list(workspace)?;
    for old in versions.iter().skip(KEEP) {
        fs::remove_file(&old.path)?;
    }
    Ok(())
}

/// Lets a kept version's pages leave the page cache. A version is cold (read only to restore
/// it), and the file it was is about to be replaced: a server keeping 20 versions of a large
/// workspace should not hold them in memory, and the new file's pages can reuse that memory
/// (measured on a 264 MB workspace: writing the new file 600 ms → 80 ms; docs/performance.md).
/// Only advice: nothing is lost if the system ignores it.
fn uncache(path: &Path) {
    #[cfg(unix)]
    if let Ok(file) = fs::File::open(path) {
        let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::DontNeed);
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// The kept versions, newest first.
pub fn list(workspace: &Path) -> io::Result<Vec<Version>> {
    let dir = dir_for(workspace);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for e in entries {
        let e = e?;
        let path = e.path();
        if path.extension().is_some_and(|x| x == "json") {
            out.push(Version {
                name: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                len: e.metadata()?.len(),
                path,
            });
        }
    }
    out.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(out)
}
