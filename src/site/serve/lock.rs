//! One theme preview per site: a lock file in the site's cache folder, held (an advisory
//! lock the system lets go of when the process ends, even by a crash) by the daybook that
//! serves it, with its process id and URL for the next one to name.

use std::io::{Read, Seek, Write};
use std::path::Path;

/// The lock of a site's theme preview, held while it lives.
pub struct SiteLock {
    file: std::fs::File,
}

/// Who holds the lock.
#[derive(Debug)]
pub struct Held {
    pub pid: u32,
    pub url: String,
}

impl SiteLock {
    /// Take the lock, or say who holds it.
    pub fn take(path: &Path) -> Result<SiteLock, Held> {
        let unknown = |url: String| Held { pid: 0, url };
        let mut file = std::fs::File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| unknown(e.to_string()))?;
        if file.try_lock().is_ok() {
            return Ok(SiteLock { file });
        }
        let mut text = String::new();
        let _ = file.read_to_string(&mut text);
        let mut lines = text.lines();
        let pid = lines
            .next()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(0);
        let url = lines.next().unwrap_or_default().trim().to_owned();
        Err(Held { pid, url })
    }

    /// Write this process's id and the URL served, for a second daybook to name.
    pub fn record(&self, url: &str) -> std::io::Result<()> {
        let mut file = &self.file;
        file.set_len(0)?;
        file.rewind()?;
        writeln!(file, "{}\n{url}", std::process::id())?;
        file.flush()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_second_lock_names_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lock");
        let first = SiteLock::take(&path).unwrap();
        first.record("http://127.0.0.1:4000/").unwrap();
        let held = SiteLock::take(&path).err().unwrap();
        assert_eq!(held.pid, std::process::id());
        assert_eq!(held.url, "http://127.0.0.1:4000/");
        drop(first);
        assert!(SiteLock::take(&path).is_ok());
    }
}
