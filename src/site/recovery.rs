//! Recovery files: unsaved text kept outside the site, so a crash or a kill loses nothing.
//!
//! One JSON file per post in `<data dir>/daybook/recovery/`, named by a hash of the post's
//! path and replaced atomically. Never written over a post itself.

use std::path::{Path, PathBuf};

use super::SiteError;
use super::store::{Fingerprint, write_atomic};

/// Unsaved text of one post.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecoveryEntry {
    pub post: PathBuf,
    pub text: String,
    /// What the post held on disk when the text was loaded.
    pub base: Option<Fingerprint>,
    /// Seconds since the Unix epoch when it was written.
    pub written_at: i64,
}

/// The recovery folder under a data folder.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

fn file_for(dir: &Path, post: &Path) -> PathBuf {
    let key = Fingerprint::of(post.to_string_lossy().as_bytes());
    dir.join(format!("{:016x}.json", key.hash))
}

/// Write (or replace) the recovery file of `entry.post`.
pub fn write(dir: &Path, entry: &RecoveryEntry) -> Result<(), SiteError> {
    std::fs::create_dir_all(dir).map_err(|e| SiteError::io(dir, e))?;
    // Unsaved text is the user's alone: the folder 0700, each file 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| SiteError::io(dir, e))?;
    }
    let path = file_for(dir, &entry.post);
    if !super::within(dir, &path) {
        return Err(SiteError::io(
            &path,
            std::io::Error::other(crate::words!("outside-recovery-folder")),
        ));
    }
    let json =
        serde_json::to_vec(entry).map_err(|e| SiteError::io(&path, std::io::Error::other(e)))?;
    write_atomic(&path, &json, None)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| SiteError::io(&path, e))?;
    }
    Ok(())
}

/// Remove the recovery file of `post`, if any.
pub fn remove(dir: &Path, post: &Path) -> Result<(), SiteError> {
    let path = file_for(dir, post);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(SiteError::io(&path, e)),
        _ => Ok(()),
    }
}

/// Every readable recovery entry whose text differs from what the post holds now (or whose
/// post is gone), newest first.
pub fn pending(dir: &Path) -> Vec<RecoveryEntry> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<RecoveryEntry> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| std::fs::read(e.path()).ok())
        .filter_map(|bytes| serde_json::from_slice::<RecoveryEntry>(&bytes).ok())
        .filter(|entry| {
            std::fs::read_to_string(&entry.post).map_or(true, |disk| disk != entry.text)
        })
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse(e.written_at));
    out
}

/// What the post at `path` holds on disk now, to compare recovered text with; empty when
/// it is gone or unreadable.
pub fn text_on_disk(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_entries_round_trip_and_only_differences_are_pending() {
        let dir = tempfile::tempdir().unwrap();
        let post = dir.path().join("a.md");
        std::fs::write(&post, "on disk").unwrap();
        let rec = folder(dir.path());
        let entry = RecoveryEntry {
            post: post.clone(),
            text: "unsaved 한글".into(),
            base: None,
            written_at: 1,
        };
        write(&rec, &entry).unwrap();
        assert_eq!(pending(&rec), vec![entry.clone()]);
        std::fs::write(&post, "unsaved 한글").unwrap();
        assert!(pending(&rec).is_empty(), "already on disk");
        remove(&rec, &post).unwrap();
        remove(&rec, &post).unwrap();
        assert_eq!(std::fs::read_dir(&rec).unwrap().count(), 0);
    }

    #[test]
    fn recovery_files_are_the_users_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let rec = folder(dir.path());
        let entry = RecoveryEntry {
            post: dir.path().join("a.md"),
            text: "비밀".into(),
            base: None,
            written_at: 1,
        };
        write(&rec, &entry).unwrap();
        write(&rec, &entry).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&rec), 0o700);
        assert_eq!(mode(&file_for(&rec, &entry.post)), 0o600);
    }
}
