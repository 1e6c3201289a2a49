//! The bundled sample journal, copied into the user's data folder on first run so a
//! newcomer sees every feature at once: Korean posts, a sideways phone photo with an EXIF
//! orientation tag, file names with spaces, a broken image link and a draft.

use std::path::{Path, PathBuf};

use crate::site::SiteError;

macro_rules! sample_files {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample/", $path)) as &[u8])),*]
    };
}

/// Every file of the sample journal, by path relative to its root.
pub const FILES: &[(&str, &[u8])] = sample_files![
    "_config.yml",
    "_layouts/post.html",
    "_posts/2024-05-03-부산-여행-첫-날.md",
    "_posts/2024-05-04-부산-여행-둘째-날.md",
    "_drafts/제주도-여행-계획.md",
    "images/busan2024/2024-05-03 10.12.40.jpg",
    "images/busan2024/2024-05-03 14.05.11.jpg",
    "images/busan2024/2024-05-03 18.30.02.jpg",
    "images/busan2024/ktx-ticket.png",
];

/// The post a newcomer sees first: photos (one stored sideways), a spaced path, a broken link.
pub const WELCOME_POST: &str = "_posts/2024-05-03-부산-여행-첫-날.md";

/// Where the sample journal lives: `<data dir>/daybook/sample-journal`.
pub fn default_location() -> Option<PathBuf> {
    crate::site::data_dir().map(|d| d.join("sample-journal"))
}

/// Copy the sample journal to `dest` unless it is already there (the user's edits to it
/// are kept). Returns `dest`. `_config.yml`, which marks the journal as installed, is
/// written last and every file appears whole or not at all, so an install cut short is
/// completed on the next run, never taken for done.
pub fn install(dest: &Path) -> Result<PathBuf, SiteError> {
    if dest.join("_config.yml").exists() {
        return Ok(dest.to_owned());
    }
    let (config, rest): (Vec<_>, Vec<_>) = FILES.iter().partition(|(rel, _)| *rel == "_config.yml");
    for (rel, bytes) in rest.into_iter().chain(config) {
        let path = dest.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| SiteError::io(parent, e))?;
        }
        if !crate::site::within(dest, &path) {
            return Err(SiteError::io(
                &path,
                std::io::Error::other(crate::words!("outside-sample")),
            ));
        }
        // A file already there (from an install cut short, or edited) is kept.
        crate::site::store::create_new_atomic(&path, bytes)?;
    }
    Ok(dest.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Site;
    use crate::site::index::index_site;

    #[test]
    fn the_sample_journal_installs_once_and_indexes_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let root = install(&dir.path().join("sample")).unwrap();
        let site = Site::find(&root).unwrap();
        let posts = index_site(&site);
        assert_eq!(posts.len(), 3);
        assert!(posts.iter().all(|p| p.error.is_none()), "{posts:?}");
        // The undated draft sorts by its file time (now), then the posts newest first.
        assert!(posts[0].draft);
        assert_eq!(
            posts[1].title.as_deref(),
            Some("부산 여행 둘째 날: 감천문화마을")
        );
        assert_eq!(
            posts[2].title.as_deref(),
            Some("부산 여행 첫 날: 해운대와 자갈치")
        );
        // A second install keeps what the user changed.
        let post = root.join("_posts/2024-05-03-부산-여행-첫-날.md");
        std::fs::write(&post, "edited").unwrap();
        install(&root).unwrap();
        assert_eq!(std::fs::read_to_string(&post).unwrap(), "edited");
    }

    #[test]
    fn an_install_cut_short_is_completed_not_taken_for_done() {
        // Issue 11: `_config.yml` used to be written first, marking a half copy installed.
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("sample");
        std::fs::create_dir_all(dest.join("_posts")).unwrap();
        std::fs::write(dest.join(WELCOME_POST), "half").unwrap();
        install(&dest).unwrap();
        for (rel, _) in FILES {
            assert!(dest.join(rel).is_file(), "{rel}");
        }
        assert_eq!(
            std::fs::read_to_string(dest.join(WELCOME_POST)).unwrap(),
            "half",
            "kept"
        );
    }
}
