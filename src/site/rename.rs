//! Renaming an image file to a URL-safe name, and every link to it in the site with it
//! (the `spaced-image-url` fix that works in every Markdown renderer without `<…>`).

use std::path::{Path, PathBuf};

use super::check::Checker;
use super::index::post_files;
use super::store::Fingerprint;
use super::{SiteError, store};
use crate::journal::check::{PostInput, link_context};
use crate::journal::front_matter::FrontMatter;
use crate::journal::links::retarget;
use crate::journal::photos::photo_name;
use crate::journal::post_name::numbered;

/// What a rename did (enough to undo it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The old and new site-relative paths.
    pub old_rel: String,
    pub new_rel: String,
    /// Posts rewritten on disk.
    pub posts_changed: Vec<PathBuf>,
    /// Each rewritten post's text before, and the fingerprint of what was written.
    pub written: Vec<(PathBuf, String, Fingerprint)>,
    /// The open post's text with its links updated, for its buffer (it is not written).
    pub open_text: Option<String>,
}

/// Why an image could not be renamed (`rel`, its site path).
#[derive(Debug, thiserror::Error)]
#[error("{rel}: {source}")]
pub struct RenameError {
    pub rel: String,
    #[source]
    pub source: SiteError,
}

/// Rename site file `rel` to a URL-safe name and update every post that links to it; the
/// open post (`open`: its path and current text) is updated in memory only.
pub fn rename_image(
    checker: &Checker,
    rel: &str,
    open: Option<(&Path, &str)>,
) -> Result<Renamed, SiteError> {
    rename_image_with(checker, rel, open, &|path, bytes, fp| {
        store::write_atomic(path, bytes, Some(Some(fp)))
    })
}

/// How a post is written (a test puts a failure here).
type WritePost<'a> = dyn Fn(&Path, &[u8], Fingerprint) -> Result<Fingerprint, SiteError> + 'a;

/// [`rename_image`] with the way posts are written given.
fn rename_image_with(
    checker: &Checker,
    rel: &str,
    open: Option<(&Path, &str)>,
    write: &WritePost<'_>,
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
    if !super::within(root, &new) {
        return Err(SiteError::io(
            &new,
            std::io::Error::other(crate::words!("outside-site-not-renamed")),
        ));
    }
    let mut renamed = Renamed {
        old_rel: rel.to_owned(),
        written: Vec::new(),
        new_rel: if dir_rel.is_empty() {
            new_name.clone()
        } else {
            format!("{dir_rel}/{new_name}")
        },
        posts_changed: Vec::new(),
        open_text: None,
    };
    // All or nothing: every post's new text is worked out first; the image gets its new
    // name beside the old one; the posts are written; only then does the old name go. A
    // failure midway puts back the posts already written and removes the new name.
    let mut plan: Vec<(PathBuf, String, String, Fingerprint)> = Vec::new();
    for (path, post_rel, _) in post_files(&checker.site) {
        let is_open = open.is_some_and(|(p, _)| p == path);
        let (text, fingerprint) = match open.filter(|_| is_open) {
            Some((_, text)) => (text.to_owned(), None),
            None => match store::load_post(&path) {
                Ok(post) => (post.text, Some(post.fingerprint)),
                // A post daybook cannot read may still link to the image: renaming would
                // break its links, so the rename is refused (one that cannot mention the
                // name is no obstacle).
                Err(e) => {
                    let bytes = std::fs::read(&path).unwrap_or_default();
                    let text = String::from_utf8_lossy(&bytes);
                    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
                    let encoded = stem.replace(' ', "%20");
                    if bytes.is_empty() || text.contains(stem) || text.contains(&encoded) {
                        return Err(SiteError::io(
                            &path,
                            std::io::Error::other(crate::words!(
                                "rename-unreadable-post",
                                error = e.words()
                            )),
                        ));
                    }
                    continue;
                }
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
        match (is_open, fingerprint) {
            (true, _) => renamed.open_text = Some(updated),
            (false, Some(fp)) => plan.push((path, text, updated, fp)),
            (false, None) => {}
        }
    }
    // A hard link never replaces a file (the old name stays until the posts are written);
    // nor does the copy made where links are not possible (created new, never truncating).
    if std::fs::hard_link(&old, &new).is_err() {
        copy_new(&old, &new).map_err(|e| SiteError::io(&new, e))?;
    }
    let mut written: Vec<(PathBuf, String, Fingerprint)> = Vec::new();
    for (path, original, updated, fp) in &plan {
        match write(path, updated.as_bytes(), *fp) {
            Ok(new_fp) => written.push((path.clone(), original.clone(), new_fp)),
            Err(e) => {
                let mut kept = Vec::new();
                for (p, text, fp) in written.iter().rev() {
                    if store::write_atomic(p, text.as_bytes(), Some(Some(*fp))).is_err() {
                        kept.push(p.display().to_string());
                    }
                }
                if kept.is_empty() {
                    let _ = std::fs::remove_file(&new);
                    return Err(e);
                }
                // A post could not be put back: it links to the new name, so both names
                // stay, and the user is told which posts.
                return Err(SiteError::io(
                    &new,
                    std::io::Error::other(crate::words!(
                        "rename-rollback-failed",
                        error = e.words(),
                        posts = kept.join(", ")
                    )),
                ));
            }
        }
    }
    renamed.posts_changed = written.iter().map(|(p, _, _)| p.clone()).collect();
    renamed.written = written;
    std::fs::remove_file(&old).map_err(|e| SiteError::io(&old, e))?;
    Ok(renamed)
}

/// Copy `from` to `to`, which must not exist yet.
fn copy_new(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut src = std::fs::File::open(from)?;
    let mut dst = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)?;
    std::io::copy(&mut src, &mut dst)?;
    dst.sync_all()
}

/// Undo a rename: the image gets its old name back and every post rewritten by it gets its
/// old text back — unless a post changed since, which is then left as it is and named in
/// the error (nothing is overwritten).
pub fn undo_rename(root: &Path, renamed: &Renamed) -> Result<(), SiteError> {
    let (old, new) = (root.join(&renamed.old_rel), root.join(&renamed.new_rel));
    if !super::within(root, &old) {
        return Err(SiteError::io(
            &old,
            std::io::Error::other(crate::words!("outside-the-site")),
        ));
    }
    if !old.exists() {
        std::fs::hard_link(&new, &old)
            .or_else(|_| std::fs::copy(&new, &old).map(|_| ()))
            .map_err(|e| SiteError::io(&old, e))?;
    }
    let mut first_error = None;
    for (path, text, fp) in &renamed.written {
        if let Err(e) = store::write_atomic(path, text.as_bytes(), Some(Some(*fp))) {
            first_error.get_or_insert(e);
        }
    }
    if let Some(e) = first_error {
        // The new name stays too, so the posts not put back still show the image.
        return Err(e);
    }
    std::fs::remove_file(&new).map_err(|e| SiteError::io(&new, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Site;

    /// A site at `root` with `images/t/a b.jpg`; returns the image's path.
    fn spaced_image(root: &Path) -> PathBuf {
        std::fs::create_dir_all(root.join("_posts")).unwrap();
        std::fs::create_dir_all(root.join("images/t")).unwrap();
        let image = root.join("images/t/a b.jpg");
        std::fs::write(&image, "img").unwrap();
        image
    }

    /// `n` posts linking to `images/t/a b.jpg`.
    fn posts_linking(root: &Path, n: usize) -> Vec<PathBuf> {
        (1..=n)
            .map(|i| {
                let p = root.join(format!("_posts/2016-11-0{i}-p.md"));
                std::fs::write(
                    &p,
                    format!("---\ntitle: {i}\n---\n![x](/images/t/a b.jpg)\n"),
                )
                .unwrap();
                p
            })
            .collect()
    }

    fn checker_of(root: &Path) -> Checker {
        let site = Site::find(root).unwrap();
        Checker::new(&site, chrono::Utc::now().fixed_offset())
    }

    #[test]
    fn a_rename_can_be_undone() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        spaced_image(root);
        let p = root.join("_posts/2016-11-01-p.md");
        let text = "---\ntitle: p\n---\n![x](/images/t/a b.jpg)\n";
        std::fs::write(&p, text).unwrap();
        let r = rename_image(&checker_of(root), "images/t/a b.jpg", None).unwrap();
        assert_ne!(std::fs::read_to_string(&p).unwrap(), text);
        undo_rename(root, &r).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
        assert!(root.join("images/t/a b.jpg").is_file());
        assert!(!root.join(&r.new_rel).exists());
    }

    #[test]
    fn a_rename_that_fails_midway_changes_nothing() {
        // Issue 11: a failure used to leave some links updated and the image renamed.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let image = spaced_image(root);
        let posts = posts_linking(root, 3);
        let before: Vec<String> = posts
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let checker = checker_of(root);
        let calls = std::cell::Cell::new(0);
        let failing = |path: &Path, bytes: &[u8], fp: Fingerprint| {
            calls.set(calls.get() + 1);
            if calls.get() == 2 {
                return Err(SiteError::io(path, std::io::Error::other("disk full")));
            }
            store::write_atomic(path, bytes, Some(Some(fp)))
        };
        assert!(rename_image_with(&checker, "images/t/a b.jpg", None, &failing).is_err());
        let after: Vec<String> = posts
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert_eq!(before, after, "every post as it was");
        assert!(image.is_file(), "the image keeps its name");
        assert_eq!(
            std::fs::read_dir(root.join("images/t")).unwrap().count(),
            1,
            "no new name left"
        );
    }

    /// Issue 20: a post daybook cannot read that names the image stops the rename (its link
    /// would break); a rollback that cannot put a post back keeps both names.
    #[test]
    fn a_rename_never_breaks_a_link_it_could_not_update() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let image = spaced_image(root);
        let bad = root.join("_posts/2016-11-01-bad.md");
        std::fs::write(&bad, b"---\ntitle: \xff\n---\n![x](/images/t/a b.jpg)\n").unwrap();
        let checker = checker_of(root);
        assert!(rename_image(&checker, "images/t/a b.jpg", None).is_err());
        assert!(image.is_file(), "the image keeps its name");
        assert_eq!(std::fs::read_dir(root.join("images/t")).unwrap().count(), 1);
        std::fs::remove_file(&bad).unwrap();

        // Post 1 is written, then changed by someone else; post 2 fails: post 1 cannot be
        // put back, so the new name stays beside the old one.
        let posts = posts_linking(root, 2);
        let checker = checker_of(root);
        let calls = std::cell::Cell::new(0);
        let failing = |path: &Path, bytes: &[u8], fp: Fingerprint| {
            calls.set(calls.get() + 1);
            if calls.get() == 2 {
                std::fs::write(&posts[0], "someone else's words").unwrap();
                return Err(SiteError::io(path, std::io::Error::other("disk full")));
            }
            store::write_atomic(path, bytes, Some(Some(fp)))
        };
        let err = rename_image_with(&checker, "images/t/a b.jpg", None, &failing).unwrap_err();
        assert!(err.to_string().contains("both names"), "{err}");
        assert!(image.is_file());
        assert_eq!(std::fs::read_dir(root.join("images/t")).unwrap().count(), 2);
        assert_eq!(
            std::fs::read_to_string(&posts[0]).unwrap(),
            "someone else's words"
        );
    }

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
        let checker = checker_of(root);
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
