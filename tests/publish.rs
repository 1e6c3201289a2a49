//! `daybook publish` on real repositories in temp folders, with a local bare repository as
//! the remote (issue 12): the exact path set, other work kept, hooks, pushes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use common::{daybook, git, write};

const POST: &str = "_posts/여행/2016-11-07-qcon day2.md";

/// A blog in git with a bare remote; the post (in a subfolder of `_posts/`, spaces and
/// Korean in its name) uses two new photos (one under `assets/images/`), and the folder
/// holds a third photo it does not use.
fn blog() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let remote = dir.path().join("remote.git");
    let r = dir.path().join("blog");
    fs::create_dir_all(&r).unwrap();
    git(
        dir.path(),
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    );
    git(&r, &["init", "-q"]);
    git(&r, &["config", "user.email", "t@t"]);
    git(&r, &["config", "user.name", "t"]);
    write(&r, "_config.yml", b"title: t\ntimezone: Asia/Seoul\n");
    write(&r, "notes.txt", b"v1\n");
    write(&r, "README.md", b"one\ntwo\n");
    git(&r, &["add", "."]);
    git(&r, &["commit", "-qm", "start"]);
    git(&r, &["remote", "add", "origin", remote.to_str().unwrap()]);
    git(&r, &["push", "-q", "-u", "origin", "main"]);
    write(&r, "images/qcon2016/2016-11-07 10.29.43.jpg", b"photo one");
    write(&r, "assets/images/맵.png", b"map");
    write(&r, "images/qcon2016/stray.jpg", b"not used");
    write(
        &r,
        POST,
        "---\nlayout: post\ntitle: QCon 둘째 날\ndate: 2016-11-07 10:00:00 +0900\n---\n![a](</images/qcon2016/2016-11-07 10.29.43.jpg>)\n\n![b](/assets/images/맵.png)\n"
            .as_bytes(),
    );
    (dir, r)
}

fn committed_files(r: &Path) -> Vec<String> {
    let mut files: Vec<String> = git(
        r,
        &[
            "-c",
            "core.quotepath=off",
            "show",
            "--name-only",
            "--format=",
            "HEAD",
        ],
    )
    .lines()
    .map(str::to_owned)
    .collect();
    files.sort();
    files
}

#[test]
fn publish_commits_exactly_the_post_and_its_files_and_keeps_other_work() {
    let (_d, r) = blog();
    // Other work: a staged change, and a partly staged file.
    write(&r, "notes.txt", b"v2 staged\n");
    git(&r, &["add", "notes.txt"]);
    write(&r, "README.md", b"one staged\ntwo\n");
    git(&r, &["add", "README.md"]);
    write(&r, "README.md", b"one staged\ntwo unstaged\n");
    let out = daybook(&r, &["publish", POST]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        committed_files(&r),
        [
            "_posts/여행/2016-11-07-qcon day2.md",
            "assets/images/맵.png",
            "images/qcon2016/2016-11-07 10.29.43.jpg"
        ]
    );
    assert_eq!(
        git(&r, &["log", "-1", "--format=%s"]).trim(),
        "Add post: QCon 둘째 날"
    );
    let status = git(&r, &["status", "--porcelain"]);
    assert!(status.contains("M  notes.txt"), "still staged: {status}");
    assert!(
        status.contains("MM README.md"),
        "still partly staged: {status}"
    );
    assert!(
        status.contains("?? images/qcon2016/stray.jpg"),
        "still untracked: {status}"
    );
    // The second time there is nothing to commit; an edit makes it an update.
    let again = daybook(&r, &["publish", POST]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing to commit"));
    let text = fs::read_to_string(r.join(POST)).unwrap() + "\n한 줄 더.\n";
    fs::write(r.join(POST), text).unwrap();
    assert_eq!(
        daybook(&r, &["publish", POST, "--push"]).status.code(),
        Some(0)
    );
    assert_eq!(
        git(&r, &["log", "-1", "--format=%s"]).trim(),
        "Update post: QCon 둘째 날"
    );
    let remote_head = git(&r, &["rev-parse", "origin/main"]);
    assert_eq!(remote_head, git(&r, &["rev-parse", "HEAD"]), "pushed");
}

#[test]
fn check_errors_block_unless_allowed_and_hooks_can_block() {
    let (_d, r) = blog();
    let broken =
        fs::read_to_string(r.join(POST)).unwrap() + "\n![gone](/images/qcon2016/gone.jpg)\n";
    fs::write(r.join(POST), broken).unwrap();
    let out = daybook(&r, &["publish", POST]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--allow-errors"));
    assert_eq!(
        git(&r, &["rev-list", "--count", "HEAD"]).trim(),
        "1",
        "nothing committed"
    );
    // A failing pre-commit hook blocks the commit and its output is shown.
    write(
        &r,
        ".git/hooks/pre-commit",
        b"#!/bin/sh\necho 'hook says no' >&2\nexit 1\n",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(
            r.join(".git/hooks/pre-commit"),
            fs::Permissions::from_mode(0o755),
        )
        .unwrap();
    }
    let out = daybook(&r, &["publish", POST, "--allow-errors", "-m", "custom"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("hook says no"));
    let status = git(&r, &["status", "--porcelain", "-uall"]);
    assert!(
        status.contains("?? images/qcon2016/2016-11-07 10.29.43.jpg")
            || status.contains("?? \"images"),
        "back to untracked: {status}"
    );
    fs::remove_file(r.join(".git/hooks/pre-commit")).unwrap();
    let out = daybook(&r, &["publish", POST, "--allow-errors", "-m", "custom"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(git(&r, &["log", "-1", "--format=%s"]).trim(), "custom");
}

#[test]
fn a_rejected_push_keeps_the_commit_and_says_to_pull_first() {
    let (d, r) = blog();
    // Someone else pushed meanwhile.
    let other = d.path().join("other");
    git(
        d.path(),
        &[
            "clone",
            "-q",
            d.path().join("remote.git").to_str().unwrap(),
            other.to_str().unwrap(),
        ],
    );
    write(&other, "theirs.txt", b"x");
    git(&other, &["add", "theirs.txt"]);
    git(&other, &["commit", "-qm", "theirs"]);
    git(&other, &["push", "-q"]);
    let out = daybook(&r, &["publish", POST, "--push"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("pull first"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        git(&r, &["log", "-1", "--format=%s"]).trim(),
        "Add post: QCon 둘째 날",
        "commit kept"
    );
}

#[test]
fn detached_head_no_upstream_and_no_repository_say_so() {
    let (_d, r) = blog();
    git(&r, &["checkout", "-q", "--detach"]);
    let out = daybook(&r, &["publish", POST, "--push"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("detached"));
    git(&r, &["checkout", "-q", "-b", "draft"]);
    let text = fs::read_to_string(r.join(POST)).unwrap() + "\n수정.\n";
    fs::write(r.join(POST), text).unwrap();
    let out = daybook(&r, &["publish", POST, "--push"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no upstream"));
    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "_config.yml", b"title: t\n");
    write(
        plain.path(),
        "_posts/2016-11-07-a.md",
        b"---\ntitle: a\n---\n",
    );
    let out = daybook(plain.path(), &["publish", "_posts/2016-11-07-a.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not inside a git repository"));
}
