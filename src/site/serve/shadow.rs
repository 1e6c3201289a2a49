//! The shadow of a site that the theme preview's Jekyll builds, in daybook's cache folder:
//! every file of the site hard-linked (copied where links cannot be made), kept in step
//! path by path as the site changes, with the open post's text as it is on screen in place
//! of its file. Jekyll writes its cache and metadata here, never in the user's site.
//!
//! A file of the shadow is only ever replaced (a new link or file renamed over it), never
//! written in place: it may be the user's own file under another name. Small files (posts,
//! `_config.yml`, `Gemfile.lock`, which bundler rewrites in place) are copied; only larger
//! ones (photos) are linked.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

/// Names at the site's top that are not mirrored: git, and what Jekyll writes.
const NOT_MIRRORED: [&str; 5] = [
    ".git",
    "_site",
    ".jekyll-cache",
    ".jekyll-metadata",
    ".sass-cache",
];

/// Files from this size on are hard-linked, smaller ones copied.
const LINK_FROM: u64 = 64 * 1024;

/// What only the shadow has, and a full sync keeps: Jekyll's and bundler's own files.
const SHADOW_OWN: [&str; 3] = [".jekyll-cache", ".jekyll-metadata", "Gemfile.lock"];

pub struct Shadow {
    site: PathBuf,
    root: PathBuf,
    /// The site-relative folder the shadow lives in, when daybook's cache folder is inside
    /// the site: never mirrored (it would mirror itself).
    own: Option<PathBuf>,
    /// Site-relative paths (with `/`) whose text is the window's, not the file's.
    overlay: HashMap<String, String>,
    /// Names of temporary files, counted.
    temp: std::cell::Cell<u64>,
    /// Site-relative paths brought in step since they were last taken (a Jekyll that was
    /// not watching yet missed them).
    written: std::collections::BTreeSet<PathBuf>,
}

impl Shadow {
    /// The shadow of `site` at `root`, made or brought in step.
    pub fn create(site: &Path, root: &Path) -> io::Result<Shadow> {
        std::fs::create_dir_all(root)?;
        let own = root
            .parent()
            .and_then(|p| p.strip_prefix(site).ok())
            .map(Path::to_path_buf);
        let mut shadow = Shadow {
            site: site.to_path_buf(),
            root: root.to_path_buf(),
            own,
            overlay: HashMap::new(),
            temp: std::cell::Cell::new(0),
            written: std::collections::BTreeSet::new(),
        };
        shadow.sync_all()?;
        Ok(shadow)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether a site-relative path is mirrored.
    pub fn mirrors(&self, rel: &Path) -> bool {
        Shadow::mirrored(rel) && !self.own.as_ref().is_some_and(|own| rel.starts_with(own))
    }

    /// Whether a site-relative path is mirrored in any shadow.
    fn mirrored(rel: &Path) -> bool {
        let mut parts = rel.components();
        let top = parts
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        !top.is_some_and(|t| NOT_MIRRORED.contains(&t.as_str()))
            && !rel.components().any(|c| c.as_os_str() == ".git")
    }

    /// Bring the whole shadow in step with the site (at start, and when the watcher lost
    /// track): files linked again only where they differ, files the site no longer has
    /// removed.
    pub fn sync_all(&mut self) -> io::Result<()> {
        let site = self.site.clone();
        let walk = walkdir::WalkDir::new(&site)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| {
                e.path()
                    .strip_prefix(&site)
                    .is_ok_and(|rel| rel.as_os_str().is_empty() || self.mirrors(rel))
            });
        for entry in walk {
            let entry = entry.map_err(io::Error::other)?;
            let Ok(rel) = entry.path().strip_prefix(&site) else {
                continue;
            };
            if rel.as_os_str().is_empty() {
                continue;
            }
            let target = self.root.join(rel);
            let kind = entry.file_type();
            if kind.is_dir() {
                if !target.is_dir() {
                    remove_any(&target)?;
                    std::fs::create_dir_all(&target)?;
                }
            } else if !self.overlay.contains_key(&slash(rel)) && !same_file(entry.path(), &target) {
                self.mirror_file(entry.path(), &target)?;
            }
        }
        self.remove_extra()?;
        let overlay: Vec<(String, String)> = self.overlay.drain().collect();
        for (rel, text) in overlay {
            self.set_text(&rel, Some(text))?;
        }
        Ok(())
    }

    /// Files and folders of the shadow the site does not have.
    fn remove_extra(&self) -> io::Result<()> {
        let root = self.root.clone();
        let mut gone = Vec::new();
        let walk = walkdir::WalkDir::new(&root)
            .min_depth(1)
            .into_iter()
            .filter_entry(|e| {
                let top = e.depth() == 1
                    && SHADOW_OWN.contains(&e.file_name().to_string_lossy().as_ref());
                !top
            });
        for entry in walk {
            let entry = entry.map_err(io::Error::other)?;
            let Ok(rel) = entry.path().strip_prefix(&root) else {
                continue;
            };
            if std::fs::symlink_metadata(self.site.join(rel)).is_err() {
                gone.push(entry.path().to_path_buf());
            }
        }
        // Deepest first is not needed: a removed folder takes its files with it.
        for path in gone {
            remove_any(&path)?;
        }
        Ok(())
    }

    /// Bring one site-relative path in step: a changed file is linked again (so the
    /// shadow's watcher sees it even when it was written in place), a removed one removed, a
    /// folder that appeared mirrored whole.
    pub fn sync_path(&mut self, rel: &Path) -> io::Result<()> {
        if rel.as_os_str().is_empty() || !self.mirrors(rel) {
            return Ok(());
        }
        self.written.insert(rel.to_path_buf());
        let key = slash(rel);
        if let Some(text) = self.overlay.get(&key).cloned() {
            return self.write_text(rel, &text);
        }
        let source = self.site.join(rel);
        let target = self.root.join(rel);
        match std::fs::symlink_metadata(&source) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => remove_any(&target),
            Err(e) => Err(e),
            Ok(meta) if meta.is_dir() => {
                std::fs::create_dir_all(&target)?;
                for entry in std::fs::read_dir(&source)? {
                    let entry = entry?;
                    self.sync_path(&rel.join(entry.file_name()))?;
                }
                Ok(())
            }
            Ok(_) => self.mirror_file(&source, &target),
        }
    }

    /// Put the window's text in place of a post's file (`None`: the file's own text again).
    /// The text the file already holds is not written again: Jekyll would rebuild the post
    /// for nothing, and the pages listing it would be called stale.
    pub fn set_text(&mut self, rel: &str, text: Option<String>) -> io::Result<()> {
        match text {
            Some(text) => {
                let unchanged = match self.overlay.get(rel) {
                    Some(shown) => *shown == text,
                    None => std::fs::read(self.root.join(rel)).is_ok_and(|b| b == text.as_bytes()),
                };
                if !unchanged {
                    self.written.insert(PathBuf::from(rel));
                    self.write_text(Path::new(rel), &text)?;
                }
                self.overlay.insert(rel.to_owned(), text);
                Ok(())
            }
            None => {
                self.written.insert(PathBuf::from(rel));
                if self.overlay.remove(rel).is_some() {
                    self.sync_path(Path::new(rel))?;
                }
                Ok(())
            }
        }
    }

    /// The paths brought in step since the last call.
    pub fn take_written(&mut self) -> Vec<PathBuf> {
        std::mem::take(&mut self.written).into_iter().collect()
    }

    /// A temporary name beside `target`, for a file to rename over it.
    fn temp_beside(&self, target: &Path) -> PathBuf {
        self.temp.set(self.temp.get() + 1);
        let name = format!(".daybook-{}-{}", std::process::id(), self.temp.get());
        target.with_file_name(name)
    }

    fn write_text(&self, rel: &Path, text: &str) -> io::Result<()> {
        let target = self.root.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let temp = self.temp_beside(&target);
        std::fs::write(&temp, text)?;
        replace(&temp, &target)
    }

    /// Link (else copy) `source` to `target`, replacing what is there.
    fn mirror_file(&self, source: &Path, target: &Path) -> io::Result<()> {
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let temp = self.temp_beside(target);
        let meta = std::fs::symlink_metadata(source)?;
        if meta.file_type().is_symlink() {
            let to = std::fs::read_link(source)?;
            make_symlink(&to, &temp)?;
        } else if meta.len() < LINK_FROM || std::fs::hard_link(source, &temp).is_err() {
            std::fs::copy(source, &temp)?;
            if let Ok(modified) = meta.modified() {
                std::fs::File::options()
                    .write(true)
                    .open(&temp)?
                    .set_modified(modified)?;
            }
        }
        replace(&temp, target)
    }
}

/// Rename `temp` over `target` (a folder in the way is removed first).
fn replace(temp: &Path, target: &Path) -> io::Result<()> {
    if target.is_dir() && !target.is_symlink() {
        std::fs::remove_dir_all(target)?;
    }
    let renamed = std::fs::rename(temp, target);
    if renamed.is_err() {
        let _ = std::fs::remove_file(temp);
    }
    renamed
}

fn remove_any(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
    }
}

/// Whether `target` already mirrors `source`: the same file (a link), or a copy of the
/// same length and time.
fn same_file(source: &Path, target: &Path) -> bool {
    let (Ok(a), Ok(b)) = (
        std::fs::symlink_metadata(source),
        std::fs::symlink_metadata(target),
    ) else {
        return false;
    };
    if a.file_type().is_symlink() || b.file_type().is_symlink() {
        return a.file_type().is_symlink()
            && b.file_type().is_symlink()
            && std::fs::read_link(source).ok() == std::fs::read_link(target).ok();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if a.dev() == b.dev() && a.ino() == b.ino() {
            return true;
        }
    }
    a.len() == b.len() && a.modified().ok().is_some() && a.modified().ok() == b.modified().ok()
}

#[cfg(unix)]
fn make_symlink(to: &Path, at: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(to, at)
}

#[cfg(not(unix))]
fn make_symlink(_to: &Path, _at: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

fn slash(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
#[path = "shadow_tests.rs"]
mod tests;
