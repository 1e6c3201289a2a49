//! The file-system edge: finding a Jekyll site, reading its `_config.yml`, indexing its
//! posts, loading and saving post files (atomically), photos in and out, recovery files,
//! renames, the sample journal, and the user's git.
//!
//! What touches the disk lives here (the session asks only whether a path is a file);
//! the rules themselves come from `crate::journal`. Errors carry the path they concern.

pub mod bundled;
pub mod check;
pub mod codec_error;
pub mod config;
pub mod create;
pub mod data;
pub mod dylib;
#[cfg(test)]
#[path = "../../tests/support/exif.rs"]
pub(crate) mod exif_fixture;
pub mod git;
pub mod git_cancel;
mod git_state;
pub mod heif;
mod heif_ffi;
pub mod hunspell;
pub mod index;
pub mod photo_codec;
pub mod photo_format;
mod photo_kind;
pub mod photo_meta;
pub mod photos;
pub mod picture;
pub mod publish;
pub mod recovery;
pub mod rename;
pub mod render;
pub mod sample;
pub mod serve;
pub mod site_posts;
pub mod spelling;
pub mod store;
pub mod strip;
pub mod trip;
pub mod yuv;

use std::path::{Path, PathBuf};

pub use config::SiteConfig;

use crate::i18n::Words;
use crate::words;

/// An error at the file-system edge, with the path it concerns; worded where it is shown.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.words())]
pub enum SiteError {
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    NotUtf8 {
        path: PathBuf,
        valid_up_to: usize,
    },
    NotASite {
        path: PathBuf,
    },
    FrontMatter {
        path: PathBuf,
        #[source]
        source: crate::journal::front_matter::FrontMatterError,
    },
    ChangedOnDisk {
        path: PathBuf,
    },
    LinkOutsideSite {
        path: PathBuf,
        target: PathBuf,
    },
}

impl SiteError {
    /// What went wrong, as words for the window or the command line.
    pub fn words(&self) -> Words {
        let shown = |p: &Path| p.display().to_string();
        match self {
            SiteError::Io { path, source } => {
                words!(
                    "path-error",
                    file = shown(path),
                    error = Words::of_error(source)
                )
            }
            SiteError::NotUtf8 { path, valid_up_to } => {
                words!("site-not-utf8", file = shown(path), at = *valid_up_to)
            }
            SiteError::NotASite { path } => words!("site-not-a-site", file = shown(path)),
            SiteError::FrontMatter { path, source } => {
                words!("path-error", file = shown(path), error = source.words())
            }
            SiteError::ChangedOnDisk { path } => words!("site-changed-on-disk", file = shown(path)),
            SiteError::LinkOutsideSite { path, target } => words!(
                "site-link-outside",
                file = shown(path),
                target = shown(target)
            ),
        }
    }

    pub fn io(path: &Path, source: std::io::Error) -> SiteError {
        SiteError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// `path` relative to `root`, with `/` separators.
pub fn relative_slash(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// What a panicking thread said, for the message.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".to_owned())
}

/// Whether `path` lies inside `root`: no `..` above it, and the nearest existing folder on
/// the way, links followed, still inside the (link-resolved) root. Every path daybook writes
/// is checked with this first.
pub fn within(root: &Path, path: &Path) -> bool {
    use std::path::Component;
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    if rel
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return false;
    }
    let Ok(real_root) = std::fs::canonicalize(root) else {
        return false;
    };
    let existing = path.ancestors().find(|a| a.exists()).unwrap_or(root);
    std::fs::canonicalize(existing).is_ok_and(|real| real.starts_with(&real_root))
}

/// daybook's own data folder (recovery files, the user's word list, the sample journal):
/// `<data dir>/daybook`, e.g. `~/.local/share/daybook`.
pub fn data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("daybook"))
}

/// A Jekyll site on disk: its root folder and its settings.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
}

fn is_site_root(dir: &Path) -> bool {
    dir.join("_posts").is_dir() || dir.join("_config.yml").is_file()
}

impl Site {
    /// Open the site at `path`: a site folder, or any file or folder inside one (the
    /// nearest folder above with `_posts/` or `_config.yml` is the root).
    pub fn find(path: &Path) -> Result<Site, SiteError> {
        let abs = std::path::absolute(path).map_err(|e| SiteError::io(path, e))?;
        if !abs.exists() {
            return Err(SiteError::io(
                path,
                std::io::Error::new(std::io::ErrorKind::NotFound, crate::words!("no-such-path")),
            ));
        }
        let start = if abs.is_dir() {
            abs.as_path()
        } else {
            abs.parent().unwrap_or(&abs)
        };
        let root =
            start
                .ancestors()
                .find(|d| is_site_root(d))
                .ok_or_else(|| SiteError::NotASite {
                    path: path.to_owned(),
                })?;
        Ok(Site::open_root(root))
    }

    /// Open `root` as a site without searching upwards.
    pub fn open_root(root: &Path) -> Site {
        Site {
            root: root.to_owned(),
            config: Site::load_config(root),
        }
    }

    /// `_config.yml`'s settings, with a warning for each `_data/` file that cannot be read
    /// (said where the config's own warnings are: toolbar, `check`, `render`; the renderer
    /// reads the data itself when it is built). Read again when either changes.
    pub fn load_config(root: &Path) -> SiteConfig {
        let mut config = SiteConfig::load(root);
        config.warnings.extend(data::read_with_warnings(root).1);
        config
    }

    pub fn posts_dir(&self) -> PathBuf {
        self.root.join("_posts")
    }

    pub fn drafts_dir(&self) -> PathBuf {
        self.root.join("_drafts")
    }

    /// The path relative to the site root, for messages and the sidebar.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn errors_are_worded_where_shown_in_either_language() {
        let e = SiteError::NotASite {
            path: "/tmp/블로그".into(),
        };
        let (en, ko) = (
            e.words().say(Language::English),
            e.words().say(Language::Korean),
        );
        assert!(
            en.contains("not a Jekyll site") && en.contains("/tmp/블로그"),
            "{en}"
        );
        assert!(ko.contains("Jekyll 사이트가 아닙니다"), "{ko}");
        // Our words inside the `io::Error` it carries, worded with it.
        let io = std::io::Error::other(words!("outside-the-site"));
        let wrapped = SiteError::io(Path::new("a.md"), io);
        assert_eq!(wrapped.words().say(Language::Korean), "a.md: 사이트 밖");
        let en = wrapped.words().say(Language::English);
        assert_eq!(en, "a.md: outside the site");
    }

    #[test]
    fn paths_outside_the_site_are_refused_links_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("images")).unwrap();
        std::fs::create_dir_all(dir.path().join("elsewhere")).unwrap();
        assert!(within(&root, &root.join("images/trip/a.jpg")));
        assert!(!within(&root, &root.join("images/../../elsewhere/a.jpg")));
        assert!(!within(&root, &dir.path().join("elsewhere/a.jpg")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("images/out"))
                .unwrap();
            assert!(
                !within(&root, &root.join("images/out/a.jpg")),
                "a link out of the site"
            );
        }
    }
}
