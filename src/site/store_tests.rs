//! Saving and loading posts: atomic replacement keeping permissions, links written through only inside the site, long names, files changed on disk never overwritten, stale temp files, invalid UTF-8.
use super::*;

#[test]
fn atomic_write_replaces_content_and_keeps_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2016-11-03-a.md");
    fs::write(&p, "old").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
    }
    let fp = Fingerprint::of(b"old");
    write_atomic(&p, "새 내용".as_bytes(), Some(Some(fp))).unwrap();
    assert_eq!(fs::read_to_string(&p).unwrap(), "새 내용");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left"
    );
}

#[cfg(unix)]
#[test]
fn saving_a_linked_post_writes_its_target_and_keeps_the_link() {
    // Issue 11: the link used to be replaced by a plain file.
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("drafts/real.md");
    fs::create_dir_all(real.parent().unwrap()).unwrap();
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("2016-11-03-a.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    write_atomic(&link, b"new", Some(Some(Fingerprint::of(b"old")))).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), "new");
}

#[test]
fn a_post_whose_name_is_near_the_limit_can_be_saved() {
    // Issue 20: the temp file's name added ~20 bytes to a 248-byte name.
    let dir = tempfile::tempdir().unwrap();
    let p = dir
        .path()
        .join(format!("2024-01-01-{}.md", "가".repeat(78)));
    assert!(p.file_name().unwrap().len() >= 245);
    fs::write(&p, "old").unwrap();
    write_atomic(&p, b"new", Some(Some(Fingerprint::of(b"old")))).unwrap();
    assert_eq!(fs::read_to_string(&p).unwrap(), "new");
}

#[test]
fn a_link_to_a_file_outside_the_site_is_never_written_through() {
    // Issue 20: `set` on such a post changed the file outside the site.
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    fs::create_dir_all(site.join("_posts")).unwrap();
    fs::write(site.join("_config.yml"), "title: t\n").unwrap();
    let outside = dir.path().join("outside.md");
    fs::write(&outside, "old").unwrap();
    let link = site.join("_posts/2024-01-01-x.md");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    let err = write_atomic(&link, b"new", Some(Some(Fingerprint::of(b"old")))).unwrap_err();
    assert!(matches!(err, SiteError::LinkOutsideSite { .. }), "{err}");
    assert_eq!(fs::read_to_string(&outside).unwrap(), "old");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temp file left outside"
    );
    // A link to another file of the same site is still followed.
    let inside = site.join("drafts.md");
    fs::write(&inside, "old").unwrap();
    let link2 = site.join("_posts/2024-01-02-y.md");
    std::os::unix::fs::symlink(&inside, &link2).unwrap();
    write_atomic(&link2, b"new", Some(Some(Fingerprint::of(b"old")))).unwrap();
    assert_eq!(fs::read_to_string(&inside).unwrap(), "new");
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.md");
    fs::write(&p, "theirs").unwrap();
    let err = write_atomic(&p, b"mine", Some(Some(Fingerprint::of(b"loaded")))).unwrap_err();
    assert!(matches!(err, SiteError::ChangedOnDisk { .. }), "{err}");
    assert_eq!(fs::read_to_string(&p).unwrap(), "theirs");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_failed_write_leaves_the_original_and_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("missing-folder").join("a.md");
    let err = write_atomic(&p, b"x", None).unwrap_err();
    assert!(err.to_string().contains("missing-folder"), "{err}");
}

#[test]
fn stale_temp_files_of_dead_processes_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.md");
    fs::write(&p, "x").unwrap();
    let stale = dir.path().join(format!(".a.md{TEMP_MARK}999999999-0.tmp"));
    fs::write(&stale, "half").unwrap();
    assert!(is_temp_name(".a.md.daybook-1-0.tmp"));
    write_atomic(&p, b"y", None).unwrap();
    assert!(!stale.exists());
}

#[test]
fn a_save_expecting_no_file_refuses_when_one_appeared() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.md");
    fs::write(&p, "someone else's").unwrap();
    let err = write_atomic(&p, b"mine", Some(None)).unwrap_err();
    assert!(matches!(err, SiteError::ChangedOnDisk { .. }));
    assert_eq!(fs::read_to_string(&p).unwrap(), "someone else's");
    fs::remove_file(&p).unwrap();
    write_atomic(&p, b"mine", Some(None)).unwrap();
    assert_eq!(fs::read_to_string(&p).unwrap(), "mine");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn create_new_never_replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.md");
    assert!(create_new_atomic(&p, b"first").unwrap());
    assert!(!create_new_atomic(&p, b"second").unwrap());
    assert_eq!(fs::read_to_string(&p).unwrap(), "first");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn invalid_utf8_is_refused_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.md");
    fs::write(&p, b"---\ntitle: \xff\n---\n").unwrap();
    let err = load_post(&p).unwrap_err();
    assert!(
        err.to_string().contains("bad.md") && err.to_string().contains("UTF-8"),
        "{err}"
    );
}
