//! The site's files as the checks see them: every file under the root but Jekyll's own
//! folders, what `exclude:` and `_`-folders keep from publishing, and the images posts and
//! pages mention.

use super::*;
use crate::journal::image_kind::{ImageKind, SNIFF_BYTES, sniff};

/// Every published file of the site, by site-relative path, and the files Jekyll leaves
/// out (`exclude:`, `_`/`.` names not in `include:`), with the reason.
#[derive(Debug, Default, Clone)]
pub struct SiteFileSet {
    root: PathBuf,
    files: HashMap<String, u64>,
    dirs: HashMap<String, Vec<String>>,
    exclude: Vec<String>,
    include: Vec<String>,
}

impl SiteFiles for SiteFileSet {
    fn exists(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
    }

    fn names_in(&self, dir: &str) -> Vec<String> {
        self.dirs.get(dir).cloned().unwrap_or_default()
    }

    fn unpublished_reason(&self, rel: &str) -> Option<crate::i18n::Words> {
        let reason = self.exclusion(rel)?;
        // Only a file that is really there is "in the site folder but not published".
        self.root.join(rel).is_file().then_some(reason)
    }

    fn size(&self, rel: &str) -> Option<u64> {
        self.files.get(rel).copied()
    }

    fn dimensions(&self, rel: &str) -> Option<(u32, u32)> {
        image::ImageReader::open(self.root.join(rel))
            .ok()?
            .with_guessed_format()
            .ok()?
            .into_dimensions()
            .ok()
    }

    fn image_kind(&self, rel: &str) -> Option<ImageKind> {
        use std::io::Read;
        let path = self.root.join(rel);
        let file = std::fs::File::open(&path).ok()?;
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        file.take(SNIFF_BYTES as u64).read_to_end(&mut head).ok()?;
        let svg_name = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("svg") || e.eq_ignore_ascii_case("svgz"));
        Some(sniff(&head, svg_name))
    }
}

/// The sizes of a site's files, read from the disk as asked (the open post's pictures).
pub struct FileSizes<'a>(pub &'a Path);

impl SiteFiles for FileSizes<'_> {
    fn exists(&self, rel: &str) -> bool {
        self.0.join(rel).is_file()
    }

    fn names_in(&self, _dir: &str) -> Vec<String> {
        Vec::new()
    }

    fn size(&self, rel: &str) -> Option<u64> {
        std::fs::metadata(self.0.join(rel)).ok().map(|m| m.len())
    }
}

/// Whether Jekyll's `exclude:`/`include:` entry `pattern` matches site path `rel` (the
/// path itself, a folder above it, or a glob with `*`).
pub(super) fn matches_entry(pattern: &str, rel: &str) -> bool {
    let p = pattern.trim().trim_start_matches("./").trim_matches('/');
    if p.is_empty() {
        return false;
    }
    if rel == p || rel.starts_with(&format!("{p}/")) {
        return true;
    }
    if p.contains('*') {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        return glob(p, rel) || glob(p, name);
    }
    false
}

pub(super) fn glob(p: &str, s: &str) -> bool {
    match p.split_once('*') {
        None => p == s,
        Some((head, tail)) => {
            s.starts_with(head)
                && (0..=s.len() - head.len())
                    .filter(|i| s.is_char_boundary(head.len() + i))
                    .any(|i| glob(tail, &s[head.len() + i..]))
        }
    }
}

impl SiteFileSet {
    /// Walk the site (build output and tool folders skipped).
    pub fn scan(root: &Path) -> SiteFileSet {
        SiteFileSet::scan_with(root, &[], &[])
    }

    /// Walk the published part of the site: folders Jekyll does not publish (`exclude:`,
    /// `_`/`.` names not in `include:`) are not walked; [`SiteFiles::unpublished_reason`]
    /// looks at such a file only when an image asks for it. Symlinked folders are followed
    /// once (a link loop is walked no further).
    pub fn scan_with(root: &Path, exclude: &[String], include: &[String]) -> SiteFileSet {
        let mut set = SiteFileSet {
            root: root.to_owned(),
            exclude: exclude.to_vec(),
            include: include.to_vec(),
            ..SiteFileSet::default()
        };
        let mut seen = HashSet::new();
        set.walk(root, "", &mut seen, 0);
        set
    }

    /// The files git would commit: those in the index (staged or committed), under `root`,
    /// as `git ls-files` lists them. `check --staged` looks for images here, so a photo that
    /// was never `git add`ed counts as missing.
    pub fn from_index(
        root: &Path,
        exclude: &[String],
        include: &[String],
    ) -> Result<SiteFileSet, CheckError> {
        let listed = git_output(
            root,
            &["ls-files", "-z", "--cached", "--full-name", "--", "."],
        )?;
        let prefix = git_output(root, &["rev-parse", "--show-prefix"])?;
        let prefix = String::from_utf8_lossy(&prefix).trim().to_owned();
        let mut set = SiteFileSet {
            root: root.to_owned(),
            exclude: exclude.to_vec(),
            include: include.to_vec(),
            ..SiteFileSet::default()
        };
        for name in listed.split(|b| *b == 0).filter(|n| !n.is_empty()) {
            let full = String::from_utf8_lossy(name);
            let Some(rel) = full.strip_prefix(prefix.as_str()) else {
                continue;
            };
            if set.exclusion(rel).is_some() {
                continue;
            }
            let (dir, file) = rel.rsplit_once('/').unwrap_or(("", rel));
            set.files.insert(rel.to_owned(), 0);
            set.dirs
                .entry(dir.to_owned())
                .or_default()
                .push(file.to_owned());
        }
        Ok(set)
    }

    /// Why Jekyll leaves `rel` out, if it does.
    pub(super) fn exclusion(&self, rel: &str) -> Option<crate::i18n::Words> {
        if self.include.iter().any(|p| matches_entry(p, rel)) {
            return None;
        }
        if self.exclude.iter().any(|p| matches_entry(p, rel)) {
            return Some(crate::words!("excluded-by-config"));
        }
        let mut path = String::new();
        for part in rel.split('/') {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(part);
            if (part.starts_with('_') || part.starts_with('.'))
                && !self.include.iter().any(|p| matches_entry(p, &path))
            {
                return Some(crate::words!(
                    "not-published-prefix",
                    part = part,
                    prefix = &part[..1]
                ));
            }
        }
        None
    }

    pub(super) fn walk(
        &mut self,
        dir: &Path,
        rel: &str,
        seen: &mut HashSet<(u64, u64)>,
        depth: usize,
    ) {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = std::fs::metadata(dir) else {
            return;
        };
        if depth > 64 || !seen.insert((meta.dev(), meta.ino())) {
            return;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == ".git" || SKIPPED_DIRS.contains(&name.as_str()) {
                continue;
            }
            let child = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            if self.exclusion(&child).is_some() {
                continue;
            }
            let metadata = match entry.file_type() {
                Ok(t) if t.is_symlink() => std::fs::metadata(entry.path()),
                _ => entry.metadata(),
            };
            match metadata {
                Ok(m) if m.is_dir() => self.walk(&entry.path(), &child, seen, depth + 1),
                Ok(m) => {
                    self.files.insert(child, m.len());
                    self.dirs.entry(rel.to_owned()).or_default().push(name);
                }
                Err(_) => {}
            }
        }
    }

    /// The image files under the images folders, with sizes.
    pub fn images(&self) -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = self
            .files
            .iter()
            .filter(|(p, _)| {
                IMAGE_DIRS.iter().any(|d| p.starts_with(&format!("{d}/"))) && is_image(p)
            })
            .map(|(p, s)| (p.clone(), *s))
            .collect();
        out.sort();
        out
    }

    /// Paths of the text files outside posts (layouts and includes are read from disk too).
    pub(super) fn text_files(&self) -> impl Iterator<Item = &String> {
        self.files
            .keys()
            .filter(|p| has_extension(p, &TEXT_EXTENSIONS))
    }
}

pub(super) fn has_extension(path: &str, list: &[&str]) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, e)| list.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

pub(super) fn is_image(path: &str) -> bool {
    has_extension(
        path,
        &[
            "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "avif", "heic", "tif", "tiff",
        ],
    )
}

/// File names of images mentioned in `text` (anything ending in an image extension, back
/// to the nearest quote, bracket, `/` or line start).
pub(super) fn mentioned_image_names(text: &str, out: &mut HashSet<String>) {
    for (i, _) in text.match_indices('.') {
        let after = &text[i + 1..];
        let ext_len = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
        if ext_len == 0 || !is_image(&text[i..i + 1 + ext_len]) {
            continue;
        }
        let start = text[..i]
            .rfind(['/', '"', '\'', '(', '<', '>', '\n', '='])
            .map_or(0, |s| s + 1);
        out.insert(text[start..i + 1 + ext_len].trim().to_owned());
    }
}
