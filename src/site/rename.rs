//! Renaming an image file to a URL-safe name, and every link to it in the site with it
//! (the `spaced-image-url` fix that works in every Markdown renderer without `<…>`).

use std::path::{Path, PathBuf};

use super::check::Checker;
use super::index::post_files;
use super::{SiteError, store};
use crate::journal::check::{PostInput, link_context};
use crate::journal::front_matter::FrontMatter;
use crate::journal::links::retarget;
use crate::journal::photos::photo_name;
use crate::journal::post_name::numbered;

/// What a rename did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The new site-relative path.
    pub new_rel: String,
    /// Posts rewritten on disk.
    pub posts_changed: Vec<PathBuf>,
    /// The open post's text with its links updated, for its buffer (it is not written).
    pub open_text: Option<String>,
}

/// Rename site file `rel` to a URL-safe name and update every post that links to it; the
/// open post (`open`: its path and current text) is updated in memory only.
pub fn rename_image(
    checker: &Checker,
    rel: &str,
    open: Option<(&Path, &str)>,
) -> Result<Renamed, SiteError> {
    let root = &checker.site.root;
    let old = root.join(rel);
    let (dir_rel, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let safe = photo_name(name, None, ext);
    let dir = old.parent().unwrap_or(root).to_owned();
    let mut new_name = safe.clone();
    let mut n = 1;
    while dir.join(&new_name).exists() {
        n += 1;
        new_name = numbered(&safe, n);
    }
    let new = dir.join(&new_name);
    // A hard link never replaces a file; then the old name goes.
    std::fs::hard_link(&old, &new)
        .or_else(|_| std::fs::rename(&old, &new))
        .map_err(|e| SiteError::io(&old, e))?;
    if old.exists() {
        std::fs::remove_file(&old).map_err(|e| SiteError::io(&old, e))?;
    }
    let mut renamed = Renamed {
        new_rel: if dir_rel.is_empty() {
            new_name.clone()
        } else {
            format!("{dir_rel}/{new_name}")
        },
        posts_changed: Vec::new(),
        open_text: None,
    };
    for (path, post_rel, _) in post_files(&checker.site) {
        let is_open = open.is_some_and(|(p, _)| p == path);
        let (text, fingerprint) = match open.filter(|_| is_open) {
            Some((_, text)) => (text.to_owned(), None),
            None => match store::load_post(&path) {
                Ok(post) => (post.text, Some(post.fingerprint)),
                Err(_) => continue,
            },
        };
        let fm = FrontMatter::parse(&text).unwrap_or_else(|_| FrontMatter::empty());
        let links = link_context(
            PostInput {
                path: &post_rel,
                text: &text,
            },
            &fm,
            &checker.ctx,
        );
        let Some(updated) = retarget(&text, &links, rel, &new_name) else {
            continue;
        };
        if is_open {
            renamed.open_text = Some(updated);
        } else {
            store::write_atomic(&path, updated.as_bytes(), Some(fingerprint))?;
            renamed.posts_changed.push(path);
        }
    }
    Ok(renamed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Site;

    #[test]
    fn a_spaced_image_is_renamed_and_every_link_follows() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("_posts")).unwrap();
        std::fs::create_dir_all(root.join("images/t")).unwrap();
        std::fs::write(root.join("images/t/2016-11-07 10.29.43.JPG"), "img").unwrap();
        let a = root.join("_posts/2016-11-03-a.md");
        let b = root.join("_posts/2016-11-04-b.md");
        std::fs::write(
            &a,
            "---\ntitle: a\n---\n![x](/images/t/2016-11-07 10.29.43.JPG)\n",
        )
        .unwrap();
        std::fs::write(&b, "---\ntitle: b\n---\n[y](/images/t/2016-11-07%2010.29.43.JPG) ![z](/images/t/other.jpg)\n").unwrap();
        let site = Site::find(root).unwrap();
        let checker = Checker::new(&site, chrono::Utc::now().fixed_offset());
        let open_text = std::fs::read_to_string(&a).unwrap() + "unsaved words\n";
        let r = rename_image(
            &checker,
            "images/t/2016-11-07 10.29.43.JPG",
            Some((&a, &open_text)),
        )
        .unwrap();
        assert_eq!(r.new_rel, "images/t/2016-11-07-10.29.43.jpg");
        assert!(
            root.join(&r.new_rel).is_file()
                && !root.join("images/t/2016-11-07 10.29.43.JPG").exists()
        );
        assert_eq!(r.posts_changed, vec![b.clone()]);
        assert_eq!(
            std::fs::read_to_string(&b).unwrap(),
            "---\ntitle: b\n---\n[y](/images/t/2016-11-07-10.29.43.jpg) ![z](/images/t/other.jpg)\n"
        );
        assert_eq!(
            r.open_text.unwrap(),
            "---\ntitle: a\n---\n![x](/images/t/2016-11-07-10.29.43.jpg)\nunsaved words\n"
        );
        assert!(
            std::fs::read_to_string(&a)
                .unwrap()
                .contains("10.29.43.JPG"),
            "the open post's file waits for its save"
        );
    }
}
