//! The files kinerja keeps beside a workspace — lock, journal, kept versions, temporary files,
//! recovery files — reached only through a descriptor of the workspace's folder, by name, never
//! following a final symbolic link (`openat` with `O_NOFOLLOW`, `renameat`, `unlinkat`,
//! `linkat`). Another user of a shared folder cannot make kinerja write into, append to or
//! delete a file of theirs choosing: a side file that is a link, not a regular file (a folder
//! for the versions), has several names (a hard link to someone's file), or belongs to
//! another group than the workspace is refused with a one-line message.

// The fields of `stat` have different integer types on different targets; the casts say which
// one this code means.
#![allow(clippy::unnecessary_cast)]

use rustix::fs::{self as rfs, AtFlags, FileType, Mode, OFlags};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Why a side file is not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsafe {
    /// A symbolic link: kinerja never writes through one.
    Symlink,
    /// A folder, a FIFO, a device…: not a regular file.
    NotRegular,
    /// Not a folder (the versions folder).
    NotFolder,
    /// Its group is not the workspace's (`folder`: the group of the folder it is in, which
    /// tells which of the two is the odd one).
    OtherGroup {
        found: Group,
        expected: Group,
        folder: u32,
    },
    /// A workspace name too long for the names of its side files (`<name>.jurnal.jsonl` must
    /// fit in a file name): at most `max` bytes.
    NameTooLong { max: usize },
    /// The workspace's own name is now a symbolic link (another user swapped it): nothing is
    /// read through it or written.
    WorkspaceLink,
    /// A file with more than one name (a hard link to a file elsewhere).
    HardLinked(u64),
    /// A recovery file of another user.
    OtherOwner { found: u32, expected: u32 },
}

/// A side file refused, with its path; carried inside an `io::Error` so every caller reports
/// it like any other failure, and [`super::StoreError::from_io`] can pick it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsafeFile {
    pub path: PathBuf,
    pub why: Unsafe,
}

/// A group, with its name looked up when the refusal was made (so its message needs no
/// system call).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub gid: u32,
    pub name: Option<String>,
}

impl Group {
    pub(crate) fn of(gid: u32) -> Group {
        Group {
            gid,
            name: group_name(gid),
        }
    }
}

/// The name of a group (`getgrgid_r`; the C library's NSS, as `ls -l` shows it).
pub(crate) fn group_name(gid: u32) -> Option<String> {
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: `grp`, `buf` and `result` outlive the call; getgrgid_r writes the entry's
        // strings into `buf` (of the length given) and points `result` at `grp` on success.
        let mut grp: libc::group = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::group = std::ptr::null_mut();
        let rc = unsafe {
            libc::getgrgid_r(
                gid,
                &mut grp,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            )
        };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 4, 0);
            continue;
        }
        if rc != 0 || result.is_null() || grp.gr_name.is_null() {
            return None;
        }
        // SAFETY: on success gr_name points at a NUL-terminated string inside `buf`.
        let name = unsafe { std::ffi::CStr::from_ptr(grp.gr_name) };
        return Some(name.to_string_lossy().into_owned());
    }
}

impl std::error::Error for UnsafeFile {}

/// The folder a workspace lives in, held open: every side file is reached through it.
pub(crate) struct Folder {
    fd: OwnedFd,
    path: PathBuf,
}

/// What a side file is used for: decides how it is opened and what is checked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// The lock: read and written, group-checked.
    Lock,
    /// The journal: appended to (and its torn tail cut) under the lock; group-checked.
    Journal,
    /// A file only read (the journal without the lock, a kept version).
    Read,
}

fn err_path(path: PathBuf, why: Unsafe) -> io::Error {
    io::Error::other(UnsafeFile { path, why })
}

/// The folder of `file` (`.` for a bare name) and the file's name in it.
pub(crate) fn split(file: &Path) -> io::Result<(PathBuf, OsString)> {
    let name = file
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_os_string();
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((dir, name))
}

/// Refuses a workspace whose side files' names would not fit in a file name (the longest is
/// the journal's, `<name>.jurnal.jsonl`), before anything is created.
pub(crate) fn check_name_length(dir: &Path, name: &OsStr) -> io::Result<()> {
    let max = super::NAME_MAX - ".jurnal.jsonl".len();
    if name.len() > max {
        return Err(err_path(dir.join(name), Unsafe::NameTooLong { max }));
    }
    Ok(())
}

fn is_loop(e: &io::Error) -> bool {
    e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
}

/// A random-enough suffix for temporary names (the process's hasher keys are random).
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.finish()
}

impl Folder {
    /// Opens the folder at `path` (a link in the folder's own path is followed: that is where
    /// the user put the workspace).
    pub(crate) fn open(path: &Path) -> io::Result<Folder> {
        let fd = rfs::openat(
            rfs::CWD,
            path,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
        Ok(Folder {
            fd,
            path: path.to_path_buf(),
        })
    }

    pub(crate) fn join(&self, name: &OsStr) -> PathBuf {
        self.path.join(name)
    }

    fn unsafe_err(&self, name: &OsStr, why: Unsafe) -> io::Error {
        err_path(self.join(name), why)
    }

    /// The folder's permission bits (setgid included).
    pub(crate) fn mode(&self) -> io::Result<u32> {
        Ok(File::from(self.fd.try_clone()?).metadata()?.mode() & 0o7777)
    }

    /// What `name` is, without following a link; `None` when there is nothing by that name.
    pub(crate) fn stat(&self, name: &OsStr) -> io::Result<Option<rfs::Stat>> {
        match rfs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(st) => Ok(Some(st)),
            Err(rustix::io::Errno::NOENT) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Opens a side file for its use, creating the lock or the journal when missing (with the
    /// folder's read/write bits, never world-writable, in the workspace's group). Refuses a
    /// link, anything but a regular file, a file with several names, or (with `group`) a file
    /// of another group; a file this call created and then refused is removed again, so a
    /// refused save leaves nothing behind. A lock this user may only read (created by another
    /// tool with a narrower umask) is opened read-only: `flock` works on it all the same.
    /// `Ok(None)`: a file only read does not exist.
    pub(crate) fn side_file(
        &self,
        name: &OsStr,
        side: Side,
        group: Option<u32>,
    ) -> io::Result<Option<File>> {
        // Refuse a FIFO or a device before opening it (opening one can block or act).
        if let Some(st) = self.stat(name)? {
            match FileType::from_raw_mode(st.st_mode as _) {
                FileType::RegularFile => {}
                FileType::Symlink => return Err(self.unsafe_err(name, Unsafe::Symlink)),
                _ => return Err(self.unsafe_err(name, Unsafe::NotRegular)),
            }
        }
        let base = OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK;
        let access = match side {
            Side::Lock => OFlags::RDWR,
            Side::Journal => OFlags::RDWR | OFlags::APPEND,
            Side::Read => OFlags::RDONLY,
        };
        let mut created = false;
        let fd = if side == Side::Read {
            match rfs::openat(&self.fd, name, base | access, Mode::empty()) {
                Ok(fd) => fd,
                Err(rustix::io::Errno::NOENT) => return Ok(None),
                Err(e) => return Err(self.map_open_err(name, e.into())),
            }
        } else {
            match rfs::openat(
                &self.fd,
                name,
                base | access | OFlags::CREATE | OFlags::EXCL,
                Mode::from_raw_mode(0o600),
            ) {
                Ok(fd) => {
                    created = true;
                    fd
                }
                Err(rustix::io::Errno::EXIST) => {
                    match rfs::openat(&self.fd, name, base | access, Mode::empty()) {
                        Err(rustix::io::Errno::ACCESS) if side == Side::Lock => {
                            rfs::openat(&self.fd, name, base | OFlags::RDONLY, Mode::empty())
                                .map_err(|e| self.map_open_err(name, e.into()))?
                        }
                        other => other.map_err(|e| self.map_open_err(name, e.into()))?,
                    }
                }
                Err(e) => return Err(self.map_open_err(name, e.into())),
            }
        };
        let file = File::from(fd);
        let checked = if created {
            self.share(&file, group, 0o666)
        } else {
            Ok(())
        }
        .and_then(|()| self.check(name, &file, group, true, side != Side::Read));
        if let Err(e) = checked {
            if created {
                self.unlink_if_same(name, &file);
            }
            return Err(e);
        }
        Ok(Some(file))
    }

    /// Removes `name` if it is still the file `file` (which this code created): never a
    /// file someone put there since.
    pub(crate) fn unlink_if_same(&self, name: &OsStr, file: &File) {
        let (Ok(Some(st)), Ok(m)) = (self.stat(name), file.metadata()) else {
            return;
        };
        if st.st_dev as u64 == m.dev() && st.st_ino as u64 == m.ino() {
            let _ = self.unlink(name);
        }
    }

    /// Opens the workspace `name` for reading, never through a link: the workspace's name in
    /// its folder must be a regular file (a link there was put by someone else since the
    /// workspace was opened; a FIFO or a device is never opened for long: `O_NONBLOCK`).
    pub(crate) fn open_workspace(&self, name: &OsStr) -> io::Result<File> {
        match self.stat(name)? {
            None => return Err(io::ErrorKind::NotFound.into()),
            Some(st) => match FileType::from_raw_mode(st.st_mode as _) {
                FileType::RegularFile => {}
                FileType::Symlink => return Err(self.unsafe_err(name, Unsafe::WorkspaceLink)),
                _ => return Err(self.unsafe_err(name, Unsafe::NotRegular)),
            },
        }
        let fd = rfs::openat(
            &self.fd,
            name,
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| {
            if e == rustix::io::Errno::LOOP {
                self.unsafe_err(name, Unsafe::WorkspaceLink)
            } else {
                self.map_open_err(name, e.into())
            }
        })?;
        let file = File::from(fd);
        if !file.metadata()?.is_file() {
            return Err(self.unsafe_err(name, Unsafe::NotRegular));
        }
        Ok(file)
    }

    fn map_open_err(&self, name: &OsStr, e: io::Error) -> io::Error {
        if is_loop(&e) {
            self.unsafe_err(name, Unsafe::Symlink)
        } else if e.raw_os_error() == Some(rustix::io::Errno::ISDIR.raw_os_error()) {
            self.unsafe_err(name, Unsafe::NotRegular)
        } else {
            e
        }
    }

    /// Gives a file this code created the folder's permission bits (within `mask`, never
    /// world-writable) and the workspace's group (where the user may give it; the check that
    /// follows says so otherwise).
    fn share(&self, file: &File, group: Option<u32>, mask: u32) -> io::Result<()> {
        let mode = self.mode()? & mask & !0o002;
        rfs::fchmod(file, Mode::from_raw_mode(mode as _))?;
        if let Some(g) = group
            && file.metadata()?.gid() != g
        {
            let _ = rfs::fchown(file, None, Some(rfs::Gid::from_raw(g)));
        }
        Ok(())
    }

    /// The folder's group.
    fn gid(&self) -> io::Result<u32> {
        Ok(File::from(self.fd.try_clone()?).metadata()?.gid())
    }

    fn check(
        &self,
        name: &OsStr,
        file: &File,
        group: Option<u32>,
        regular: bool,
        one_name: bool,
    ) -> io::Result<()> {
        let m = file.metadata()?;
        if regular && !m.is_file() {
            return Err(self.unsafe_err(name, Unsafe::NotRegular));
        }
        if !regular && !m.is_dir() {
            return Err(self.unsafe_err(name, Unsafe::NotFolder));
        }
        if one_name && m.nlink() > 1 {
            return Err(self.unsafe_err(name, Unsafe::HardLinked(m.nlink())));
        }
        if let Some(expected) = group
            && m.gid() != expected
        {
            return Err(self.unsafe_err(
                name,
                Unsafe::OtherGroup {
                    found: Group::of(m.gid()),
                    expected: Group::of(expected),
                    folder: self.gid()?,
                },
            ));
        }
        Ok(())
    }

    /// Opens the folder `name` inside this one, never through a link, creating it (with this
    /// folder's permissions, setgid included, never setuid, sticky or world-writable) when
    /// `create`; a folder it created and then refused is removed again.
    /// `Ok(None)`: it does not exist and was not to be created.
    pub(crate) fn subfolder(
        &self,
        name: &OsStr,
        group: Option<u32>,
        create: bool,
    ) -> io::Result<Option<Folder>> {
        let mut created = false;
        if create {
            match rfs::mkdirat(&self.fd, name, Mode::from_raw_mode(0o700)) {
                Ok(()) => created = true,
                Err(rustix::io::Errno::EXIST) => {}
                Err(e) => return Err(e.into()),
            }
        }
        let fd = match rfs::openat(
            &self.fd,
            name,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        ) {
            Ok(fd) => fd,
            Err(rustix::io::Errno::NOENT) if !create => return Ok(None),
            Err(rustix::io::Errno::NOTDIR) => {
                // A link to a folder reports a loop; a link to a file or a file: not a folder.
                let why = match self.stat(name)? {
                    Some(st) if FileType::from_raw_mode(st.st_mode as _) == FileType::Symlink => {
                        Unsafe::Symlink
                    }
                    _ => Unsafe::NotFolder,
                };
                return Err(self.unsafe_err(name, why));
            }
            Err(e) => return Err(self.map_open_err(name, e.into())),
        };
        let file = File::from(fd);
        // A folder keeps the setgid bit (its files inherit the group), never setuid or sticky.
        let checked = if created {
            self.share(&file, group, 0o2777)
        } else {
            Ok(())
        }
        .and_then(|()| self.check(name, &file, group, false, false));
        if let Err(e) = checked {
            if created {
                let _ = rfs::unlinkat(&self.fd, name, AtFlags::REMOVEDIR);
            }
            return Err(e);
        }
        Ok(Some(Folder {
            fd: file.into(),
            path: self.join(name),
        }))
    }

    /// Creates a new temporary file `<prefix><random>.tmp`, owner-only, with `O_EXCL` (never
    /// an existing file, never through a link).
    pub(crate) fn create_temp(&self, prefix: &OsStr) -> io::Result<(File, OsString)> {
        let mut tries = 0;
        loop {
            let mut name = prefix.to_os_string();
            name.push(format!("{:016x}.tmp", random()));
            match rfs::openat(
                &self.fd,
                name.as_os_str(),
                OFlags::RDWR | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o600),
            ) {
                Ok(fd) => return Ok((File::from(fd), name)),
                Err(rustix::io::Errno::EXIST) if tries < 16 => tries += 1,
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Renames `from` to `to` in this folder (a link named `to` is replaced, not followed).
    pub(crate) fn rename(&self, from: &OsStr, to: &OsStr) -> io::Result<()> {
        Ok(rfs::renameat(&self.fd, from, &self.fd, to)?)
    }

    /// Removes the name `name` from this folder (a link is removed, never its target).
    pub(crate) fn unlink(&self, name: &OsStr) -> io::Result<()> {
        Ok(rfs::unlinkat(&self.fd, name, AtFlags::empty())?)
    }

    /// Gives the file `name` of this folder a second name `to` in `dest` (a link is linked
    /// itself, never its target).
    pub(crate) fn link_into(&self, name: &OsStr, dest: &Folder, to: &OsStr) -> io::Result<()> {
        Ok(rfs::linkat(&self.fd, name, &dest.fd, to, AtFlags::empty())?)
    }

    /// Every name in the folder except `.` and `..`.
    pub(crate) fn names(&self) -> io::Result<Vec<OsString>> {
        let mut dir = rfs::Dir::read_from(&self.fd)?;
        let mut out = Vec::new();
        while let Some(entry) = dir.read() {
            let entry = entry?;
            let name = entry.file_name().to_bytes();
            if name != b"." && name != b".." {
                out.push(OsStr::from_bytes(name).to_os_string());
            }
        }
        Ok(out)
    }

    /// Flushes the folder (its names) to disk.
    pub(crate) fn sync(&self) -> io::Result<()> {
        Ok(rfs::fsync(&self.fd)?)
    }
}

/// Whether the process `pid` is known to have ended (on this machine, in this pid namespace).
/// A process of another user still counts as running.
pub(crate) fn process_gone(pid: u32) -> bool {
    let Ok(pid) = i32::try_from(pid) else {
        return false;
    };
    let Some(pid) = rustix::process::Pid::from_raw(pid) else {
        return false;
    };
    matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_named_as_ls_names_it() {
        // Group 0 is `root` on every Linux system.
        assert_eq!(Group::of(0).name.as_deref(), Some("root"));
        // A group without an entry.
        assert_eq!(Group::of(4_000_000_000).name, None);
    }
}
