//! Loading post files and replacing them atomically.
//!
//! A post file is only ever replaced by writing a temp file in the same folder, fsyncing
//! it, checking that the file on disk is still the one that was loaded, and renaming the
//! temp file over it (then fsyncing the folder). A failure at any step leaves the original
//! untouched. Temp files start with `.` (Jekyll and daybook ignore them); ones left behind
//! by a killed process are removed by the next save of the same post.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::SiteError;

/// What a post file held when it was loaded or written: its length and a content hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Fingerprint {
    pub len: u64,
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes` (FNV-1a: stable across runs, for recovery files too).
    pub fn of(bytes: &[u8]) -> Fingerprint {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        Fingerprint {
            len: bytes.len() as u64,
            hash,
        }
    }
}

/// A post file read from disk.
#[derive(Debug, Clone)]
pub struct LoadedPost {
    pub path: PathBuf,
    pub text: String,
    pub fingerprint: Fingerprint,
}

/// Read a post as UTF-8 text. Invalid UTF-8 is an error: such a file is never rewritten.
pub fn load_post(path: &Path) -> Result<LoadedPost, SiteError> {
    let bytes = fs::read(path).map_err(|e| SiteError::io(path, e))?;
    let fingerprint = Fingerprint::of(&bytes);
    let text = String::from_utf8(bytes).map_err(|e| SiteError::NotUtf8 {
        path: path.to_owned(),
        valid_up_to: e.utf8_error().valid_up_to(),
    })?;
    Ok(LoadedPost {
        path: path.to_owned(),
        text,
        fingerprint,
    })
}

/// The fingerprint of what is on disk now (`None` when the file is gone).
pub fn disk_fingerprint(path: &Path) -> Result<Option<Fingerprint>, SiteError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(Fingerprint::of(&bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SiteError::io(path, e)),
    }
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);
const TEMP_MARK: &str = ".daybook-";

/// The start of the temp file names for `target`: its name cut to 150 bytes (on a character
/// boundary), so a post whose name is near the 255-byte limit can still be saved.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{}{TEMP_MARK}", &name[..name.floor_char_boundary(150)])
}

fn temp_path_for(target: &Path) -> PathBuf {
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let prefix = temp_prefix(target);
    target.with_file_name(format!("{prefix}{}-{n}.tmp", std::process::id()))
}

/// Whether `name` is a temp file daybook writes (for watchers and indexers to ignore).
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(TEMP_MARK) && name.ends_with(".tmp")
}

/// Remove temp files for `target` left by processes that no longer run.
fn remove_stale_temps(target: &Path) {
    let Some(dir) = target.parent() else {
        return;
    };
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let pid: Option<u32> = rest.split('-').next().and_then(|p| p.parse().ok());
        if pid.is_some_and(|p| p != std::process::id() && !process_alive(p)) {
            // Best effort: a temp file that cannot be removed now is retried next save.
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Without a cheap liveness check, keep the file: it is hidden and harmless.
        true
    }
}

/// Where a write to `path` goes: `None` for `path` itself, the link's target for a link.
/// A post that is a link is saved through it, to its target, the link staying a link —
/// but only to a target inside the same site (else the folder the link is in): nothing is
/// ever written outside the site.
fn write_target(path: &Path) -> Result<Option<PathBuf>, SiteError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            let resolved = fs::canonicalize(path).map_err(|e| SiteError::io(path, e))?;
            let bound = super::Site::find(path).map_or_else(
                |_| path.parent().unwrap_or(path).to_owned(),
                |site| site.root,
            );
            let bound = fs::canonicalize(&bound).unwrap_or(bound);
            if !resolved.starts_with(&bound) {
                return Err(SiteError::LinkOutsideSite {
                    path: path.to_owned(),
                    target: resolved,
                });
            }
            Ok(Some(resolved))
        }
        _ => Ok(None),
    }
}

/// The file outside the site that `path` is a link to, if it is such a link: daybook shows
/// such a post but never writes it.
pub fn link_outside_site(path: &Path) -> Option<PathBuf> {
    match write_target(path) {
        Err(SiteError::LinkOutsideSite { target, .. }) => Some(target),
        _ => None,
    }
}

/// Write `bytes` to `path` atomically. When `expected` is given, the file on disk must still
/// have that fingerprint (or, for `None` inside, must not exist) right before the rename.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    expected: Option<Option<Fingerprint>>,
) -> Result<Fingerprint, SiteError> {
    let resolved = write_target(path)?;
    let path = resolved.as_deref().unwrap_or(path);
    remove_stale_temps(path);
    let temp = temp_path_for(path);
    let result = write_then_rename(path, &temp, bytes, expected);
    if result.is_err() {
        // The original is untouched; the temp file is ours to clean up.
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Replace `path` (a hook, a settings file) with `bytes` atomically, with `mode` (Unix).
pub fn replace_file(path: &Path, bytes: &[u8], mode: u32) -> Result<(), SiteError> {
    write_atomic(path, bytes, None)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
            .map_err(|e| SiteError::io(path, e))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    Ok(())
}

fn write_then_rename(
    path: &Path,
    temp: &Path,
    bytes: &[u8],
    expected: Option<Option<Fingerprint>>,
) -> Result<Fingerprint, SiteError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .map_err(|e| SiteError::io(temp, e))?;
    file.write_all(bytes).map_err(|e| SiteError::io(temp, e))?;
    if let Ok(meta) = fs::metadata(path) {
        file.set_permissions(meta.permissions())
            .map_err(|e| SiteError::io(temp, e))?;
    }
    file.sync_all().map_err(|e| SiteError::io(temp, e))?;
    drop(file);
    match expected {
        Some(Some(loaded)) => {
            if swap_in_checked(path, temp, loaded)? {
                return Ok(Fingerprint::of(bytes));
            }
            if disk_fingerprint(path)? != Some(loaded) {
                return Err(SiteError::ChangedOnDisk {
                    path: path.to_owned(),
                });
            }
        }
        Some(None) => {
            if rename_no_replace(temp, path)? {
                sync_dir(path);
                return Ok(Fingerprint::of(bytes));
            }
            if disk_fingerprint(path)?.is_some() {
                return Err(SiteError::ChangedOnDisk {
                    path: path.to_owned(),
                });
            }
        }
        None => {}
    }
    fs::rename(temp, path).map_err(|e| SiteError::io(path, e))?;
    sync_dir(path);
    Ok(Fingerprint::of(bytes))
}

/// Swap the temp file in with one atomic exchange, then check that what was swapped out is
/// what was loaded; if another program wrote the file meanwhile, swap it back. This leaves
/// no moment where a write by someone else can be replaced unseen. `Ok(false)` when the
/// platform or file system cannot exchange (the caller checks, then renames).
#[cfg(target_os = "linux")]
fn swap_in_checked(path: &Path, temp: &Path, loaded: Fingerprint) -> Result<bool, SiteError> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    if renameat_with(CWD, temp, CWD, path, RenameFlags::EXCHANGE).is_err() {
        return Ok(false);
    }
    // What was swapped out must be what was loaded. Checked twice, a moment apart: a
    // program that opened the file (for an in-place write) just before the exchange may
    // truncate the old file a moment after it; the second look sees that, and the exchange
    // is undone instead of the old file — with the other program's text — being deleted.
    let unchanged = disk_fingerprint(temp)? == Some(loaded) && {
        std::thread::sleep(std::time::Duration::from_millis(3));
        disk_fingerprint(temp)? == Some(loaded)
    };
    if unchanged {
        // The temp path now holds the old text: it is no longer needed.
        let _ = fs::remove_file(temp);
        sync_dir(path);
        return Ok(true);
    }
    renameat_with(CWD, temp, CWD, path, RenameFlags::EXCHANGE)
        .map_err(|e| SiteError::io(path, e.into()))?;
    Err(SiteError::ChangedOnDisk {
        path: path.to_owned(),
    })
}

#[cfg(not(target_os = "linux"))]
fn swap_in_checked(_path: &Path, _temp: &Path, _loaded: Fingerprint) -> Result<bool, SiteError> {
    Ok(false)
}

/// Rename `temp` to `path` only if nothing is at `path`: `Ok(false)` when the platform
/// cannot (the caller checks, then renames); an error when something is there.
#[cfg(target_os = "linux")]
fn rename_no_replace(temp: &Path, path: &Path) -> Result<bool, SiteError> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, temp, CWD, path, RenameFlags::NOREPLACE) {
        Ok(()) => Ok(true),
        Err(rustix::io::Errno::EXIST) => Err(SiteError::ChangedOnDisk {
            path: path.to_owned(),
        }),
        Err(_) => Ok(false),
    }
}

#[cfg(not(target_os = "linux"))]
fn rename_no_replace(_temp: &Path, _path: &Path) -> Result<bool, SiteError> {
    Ok(false)
}

/// Flush the folder entry after a rename, where the platform allows it.
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent() {
        // Folders cannot be opened for fsync on every platform; the rename itself stands.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Create `path` with `bytes` only if nothing exists there, atomically: the file appears
/// whole or not at all. Returns `Ok(false)` when the name is taken.
pub fn create_new_atomic(path: &Path, bytes: &[u8]) -> Result<bool, SiteError> {
    let temp = temp_path_for(path);
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| SiteError::io(&temp, e))?;
        file.write_all(bytes).map_err(|e| SiteError::io(&temp, e))?;
        file.sync_all().map_err(|e| SiteError::io(&temp, e))?;
        drop(file);
        // A hard link fails when the target exists, so no existing file is ever replaced.
        match fs::hard_link(&temp, path) {
            Ok(()) => {
                sync_dir(path);
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(_) => create_new_direct(path, bytes),
        }
    })();
    let _ = fs::remove_file(&temp);
    result
}

/// Fallback for file systems without hard links: `create_new` then write.
fn create_new_direct(path: &Path, bytes: &[u8]) -> Result<bool, SiteError> {
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(SiteError::io(path, e)),
    };
    file.write_all(bytes).map_err(|e| SiteError::io(path, e))?;
    file.sync_all().map_err(|e| SiteError::io(path, e))?;
    Ok(true)
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
