#![allow(clippy::unwrap_used)]

use super::*;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn read(root: &Path, rel: &str) -> Option<String> {
    std::fs::read_to_string(root.join(rel)).ok()
}

#[test]
fn the_shadow_mirrors_the_site_but_git_and_what_jekyll_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (site, root) = (dir.path().join("site"), dir.path().join("shadow"));
    write(&site, "_config.yml", "title: t\n");
    write(&site, "_posts/2024-01-01-a.md", "---\n---\nA\n");
    write(&site, "images/a b.jpg", "jpeg");
    write(&site, "images/big.jpg", &"x".repeat(100_000));
    write(&site, ".git/HEAD", "ref");
    write(&site, "_site/index.html", "old");
    write(&site, ".jekyll-metadata", "meta");
    let mut shadow = Shadow::create(&site, &root).unwrap();
    assert_eq!(
        read(&root, "_posts/2024-01-01-a.md").as_deref(),
        Some("---\n---\nA\n")
    );
    assert_eq!(read(&root, "images/a b.jpg").as_deref(), Some("jpeg"));
    // A photo is linked; a small file is copied (a tool writing it in place — bundler its
    // `Gemfile.lock` — never writes into the site).
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ino = |p: std::path::PathBuf| std::fs::metadata(p).unwrap().ino();
        assert_eq!(
            ino(site.join("images/big.jpg")),
            ino(root.join("images/big.jpg"))
        );
        assert_ne!(ino(site.join("_config.yml")), ino(root.join("_config.yml")));
    }
    for skipped in [".git/HEAD", "_site/index.html", ".jekyll-metadata"] {
        assert_eq!(read(&root, skipped), None, "{skipped}");
    }
    // A file written in place, one removed, a folder that appeared.
    std::fs::write(site.join("_config.yml"), "title: u\n").unwrap();
    std::fs::remove_file(site.join("images/a b.jpg")).unwrap();
    write(&site, "trips/kr/x.md", "x");
    for rel in ["_config.yml", "images/a b.jpg", "trips"] {
        shadow.sync_path(Path::new(rel)).unwrap();
    }
    assert_eq!(read(&root, "_config.yml").as_deref(), Some("title: u\n"));
    assert_eq!(read(&root, "images/a b.jpg"), None);
    assert_eq!(read(&root, "trips/kr/x.md").as_deref(), Some("x"));
    // What only the shadow has goes at the next full sync; Jekyll's own files stay.
    write(&root, "stray.md", "s");
    write(&root, ".jekyll-metadata", "m");
    shadow.sync_all().unwrap();
    assert_eq!(read(&root, "stray.md"), None);
    assert_eq!(read(&root, ".jekyll-metadata").as_deref(), Some("m"));
}

const POST: &str = "_posts/2024-01-01-a.md";

/// A site whose one post reads "saved\n", and its shadow: (temp folder, site, shadow root,
/// shadow).
fn post_saved_in_shadow() -> (tempfile::TempDir, PathBuf, PathBuf, Shadow) {
    let dir = tempfile::tempdir().unwrap();
    let (site, root) = (dir.path().join("site"), dir.path().join("shadow"));
    write(&site, POST, "saved\n");
    let shadow = Shadow::create(&site, &root).unwrap();
    (dir, site, root, shadow)
}

#[test]
fn the_windows_text_replaces_the_post_in_the_shadow_only() {
    let (_dir, site, root, mut shadow) = post_saved_in_shadow();
    let post = POST;
    shadow.set_text(post, Some("typed\n".into())).unwrap();
    assert_eq!(read(&root, post).as_deref(), Some("typed\n"));
    // The shadow's file may be a link to the user's: it is replaced, never written into.
    assert_eq!(read(&site, post).as_deref(), Some("saved\n"));
    // A change on disk does not take the place of what the window shows...
    std::fs::write(site.join(post), "from git\n").unwrap();
    shadow.sync_path(Path::new(post)).unwrap();
    assert_eq!(read(&root, post).as_deref(), Some("typed\n"));
    shadow.sync_all().unwrap();
    assert_eq!(read(&root, post).as_deref(), Some("typed\n"));
    // What changed is kept for a Jekyll that was not watching yet, once.
    assert_eq!(shadow.take_written(), [Path::new(post)]);
    assert!(shadow.take_written().is_empty());
    // ...until the window lets go of the post.
    shadow.set_text(post, None).unwrap();
    assert_eq!(read(&root, post).as_deref(), Some("from git\n"));
    assert_eq!(read(&site, post).as_deref(), Some("from git\n"));
}

#[test]
fn the_text_the_shadow_already_holds_is_not_written_again() {
    let (_dir, _site, root, mut shadow) = post_saved_in_shadow();
    let post = POST;
    let meta = |root: &Path| std::fs::symlink_metadata(root.join(post)).unwrap();
    let before = meta(&root);
    // The window sends the open post's text as soon as the server runs: unchanged, Jekyll
    // must not see a change (it rebuilt the post and the lists were called stale).
    shadow.set_text(post, Some("saved\n".into())).unwrap();
    let after = meta(&root);
    assert_eq!(before.file_type(), after.file_type());
    assert_eq!(before.modified().unwrap(), after.modified().unwrap());
    assert!(shadow.take_written().is_empty());
    // Typed, then typed back: both are changes to what Jekyll last read.
    shadow.set_text(post, Some("typed\n".into())).unwrap();
    shadow.set_text(post, Some("saved\n".into())).unwrap();
    assert_eq!(read(&root, post).as_deref(), Some("saved\n"));
    assert_eq!(shadow.take_written(), [Path::new(post)]);
    let back = meta(&root).modified().unwrap();
    assert!(back >= after.modified().unwrap());
    shadow.set_text(post, Some("saved\n".into())).unwrap();
    assert!(shadow.take_written().is_empty());
    assert_eq!(meta(&root).modified().unwrap(), back);
}

#[test]
fn a_shadow_inside_its_site_does_not_mirror_itself() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    write(site, "_posts/2024-01-01-a.md", "A\n");
    let root = site.join("cache/daybook/serve/site-1/src");
    let mut shadow = Shadow::create(site, &root).unwrap();
    assert_eq!(
        read(&root, "_posts/2024-01-01-a.md").as_deref(),
        Some("A\n")
    );
    assert!(!root.join("cache/daybook/serve/site-1").exists());
    assert!(!shadow.mirrors(Path::new("cache/daybook/serve/site-1/site/index.html")));
    shadow.sync_path(Path::new("cache")).unwrap();
    assert!(!root.join("cache/daybook/serve/site-1").exists());
}
