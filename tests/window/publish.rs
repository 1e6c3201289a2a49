//! `daybook publish` on real repositories in temp folders, with a local bare repository as
//! the remote (issue 12): the exact path set, other work kept, hooks, pushes — from the
//! command line and from the window's Publish panel.

use daybook::i18n::tr;
use std::fs;
use std::path::Path;

use crate::common::{daybook, git, has_text, picture, shows_text, step_until, write};
use daybook::app::DaybookApp;
use daybook::settings::Settings;
use daybook::ui::labels;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

pub(crate) const POST: &str = "_posts/여행/2016-11-07-qcon day2.md";

/// A blog in git with a bare remote; the post (in a subfolder of `_posts/`, spaces and
/// Korean in its name) uses two new photos (one under `assets/images/`), and the folder
/// holds a third photo it does not use.
pub(crate) fn blog() -> (tempfile::TempDir, std::path::PathBuf) {
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
    write(
        &r,
        "images/qcon2016/2016-11-07 10.29.43.jpg",
        picture("a.jpg"),
    );
    write(&r, "assets/images/맵.png", picture("a.png"));
    write(&r, "images/qcon2016/stray.jpg", picture("stray.jpg"));
    write(
        &r,
        POST,
        "---\nlayout: post\ntitle: QCon 둘째 날\ndate: 2016-11-07 10:00:00 +0900\n---\n![a](</images/qcon2016/2016-11-07 10.29.43.jpg>)\n\n![b](/assets/images/맵.png)\n"
            .as_bytes(),
    );
    (dir, r)
}

/// Someone else clones the remote in `d`, changes it with `change` and pushes.
fn someone_else_pushes(d: &Path, change: impl FnOnce(&Path)) {
    let other = d.join("other");
    git(
        d,
        &[
            "clone",
            "-q",
            d.join("remote.git").to_str().unwrap(),
            other.to_str().unwrap(),
        ],
    );
    change(&other);
    git(&other, &["add", "-A"]);
    git(&other, &["commit", "-qm", "theirs"]);
    git(&other, &["push", "-q"]);
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
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .to_lowercase()
            .contains("nothing to commit")
    );
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
    someone_else_pushes(d.path(), |other| write(other, "theirs.txt", b"x"));
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

/// The window on the post of `r`, its recovery files in the test's temp folder; git runs
/// on threads, as a push must go on (or stall) while the window draws.
pub(crate) fn window(d: &Path, r: &Path) -> Harness<'static, DaybookApp> {
    crate::common::app_threaded(
        &r.join(POST),
        &d.join("data"),
        Settings::default(),
        [1500.0, 1000.0],
    )
}

pub(crate) fn is_enabled(h: &Harness<'_, DaybookApp>, label: &str) -> bool {
    !h.get_by_label(label).accesskit_node().is_disabled()
}

/// Open the Publish panel and wait for its plan.
pub(crate) fn open_panel(h: &mut Harness<'static, DaybookApp>) {
    step_until(h, "the git state", |h| has_text(h, "git: main"));
    h.get_by_label(&format!("{}…", tr(labels::PUBLISH))).click();
    step_until(h, "the publish plan", |h| {
        h.query_by_label(tr(labels::COMMIT_MESSAGE)).is_some()
    });
}

#[test]
fn the_window_shows_git_state_and_its_panel_commits_exactly_the_post_then_pushes() {
    let (d, r) = blog();
    write(&r, "notes.txt", b"v2 staged\n");
    git(&r, &["add", "notes.txt"]);
    let mut h = window(d.path(), &r);
    step_until(&mut h, "the git state", |h| {
        has_text(h, "git: main, up to date")
    });
    // The sidebar marks the post new; the toolbar counts the post and its two photos.
    step_until(&mut h, "the new marker", |h| has_text(h, "2016-11-07  new"));
    step_until(&mut h, "the open post's files", |h| {
        has_text(h, "3 files not committed or pushed")
    });
    open_panel(&mut h);
    for f in [
        POST,
        "images/qcon2016/2016-11-07 10.29.43.jpg",
        "assets/images/맵.png",
    ] {
        shows_text(&h, f);
    }
    assert!(!has_text(&h, "stray.jpg"), "a photo the post does not use");
    assert_eq!(
        h.get_by_label(tr(labels::COMMIT_MESSAGE))
            .value()
            .as_deref(),
        Some("Add post: QCon 둘째 날")
    );
    h.get_by_label(tr(labels::COMMIT)).click();
    step_until(&mut h, "the commit", |h| has_text(h, "Committed "));
    assert_eq!(
        committed_files(&r),
        [
            "_posts/여행/2016-11-07-qcon day2.md",
            "assets/images/맵.png",
            "images/qcon2016/2016-11-07 10.29.43.jpg"
        ]
    );
    let status = git(&r, &["status", "--porcelain"]);
    assert!(
        status.contains("M  notes.txt"),
        "other work still staged: {status}"
    );
    // Committed, not pushed: the sidebar and the toolbar say so.
    step_until(&mut h, "the unpushed state", |h| {
        has_text(h, "git: main: 1 to push") && has_text(h, "2016-11-07  not pushed")
    });
    h.get_by_label(tr(labels::PUSH)).click();
    step_until(&mut h, "the push", |h| has_text(h, "Pushed"));
    assert_eq!(
        git(&r, &["rev-parse", "origin/main"]),
        git(&r, &["rev-parse", "HEAD"])
    );
    step_until(&mut h, "the pushed state", |h| {
        has_text(h, "git: main, up to date") && !has_text(h, "not committed or pushed")
    });
}

#[test]
fn check_errors_block_the_panel_until_commit_anyway_and_a_failing_hook_is_shown() {
    let (d, r) = blog();
    let broken =
        fs::read_to_string(r.join(POST)).unwrap() + "\n![gone](/images/qcon2016/gone.jpg)\n";
    fs::write(r.join(POST), broken).unwrap();
    write(
        &r,
        ".git/hooks/commit-msg",
        b"#!/bin/sh\necho 'hook says no' >&2\nexit 1\n",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(
            r.join(".git/hooks/commit-msg"),
            fs::Permissions::from_mode(0o755),
        )
        .unwrap();
    }
    let mut h = window(d.path(), &r);
    open_panel(&mut h);
    shows_text(&h, "gone.jpg");
    assert!(
        !is_enabled(&h, tr(labels::COMMIT)),
        "errors block the commit"
    );
    h.get_by_label(tr(labels::COMMIT_ANYWAY)).click();
    h.run_steps(2);
    assert!(is_enabled(&h, tr(labels::COMMIT)));
    h.get_by_label(tr(labels::COMMIT)).click();
    step_until(&mut h, "the hook's refusal", |h| {
        has_text(h, "hook says no")
    });
    assert_eq!(git(&r, &["rev-list", "--count", "HEAD"]).trim(), "1");
    // A message of the user's own, once the hook lets it through.
    fs::remove_file(r.join(".git/hooks/commit-msg")).unwrap();
    h.get_by_label(tr(labels::COMMIT_MESSAGE)).focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(tr(labels::COMMIT_MESSAGE))
        .type_text("QCon 사진");
    h.run_steps(2);
    h.get_by_label(tr(labels::COMMIT)).click();
    step_until(&mut h, "the commit", |h| has_text(h, "Committed "));
    assert_eq!(git(&r, &["log", "-1", "--format=%s"]).trim(), "QCon 사진");
}

#[test]
fn unsaved_text_is_saved_before_the_commit_and_a_pull_under_a_dirty_post_shows_the_conflict_bar() {
    let (d, r) = blog();
    assert_eq!(
        daybook(&r, &["publish", POST, "--push"]).status.code(),
        Some(0)
    );
    let mut h = window(d.path(), &r);
    h.get_by_label(tr(labels::EDITOR)).focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::End);
    h.get_by_label(tr(labels::EDITOR))
        .type_text("\n저장 전 한 줄.");
    h.run_steps(2);
    assert!(h.state().session.is_dirty());
    open_panel(&mut h);
    step_until(&mut h, "the update message", |h| {
        h.get_by_label(tr(labels::COMMIT_MESSAGE))
            .value()
            .as_deref()
            == Some("Update post: QCon 둘째 날")
    });
    h.get_by_label(tr(labels::COMMIT)).click();
    step_until(&mut h, "the commit", |h| has_text(h, "Committed "));
    assert!(!h.state().session.is_dirty(), "saved first");
    let committed = git(&r, &["show", "HEAD:_posts/여행/2016-11-07-qcon day2.md"]);
    assert!(committed.contains("저장 전 한 줄."), "{committed}");
    step_until(&mut h, "the push button", |h| {
        is_enabled(h, tr(labels::PUSH))
    });
    h.get_by_label(tr(labels::PUSH)).click();
    step_until(&mut h, "the push", |h| has_text(h, "Pushed"));
    // Someone else changes the post and pushes; the open post has unsaved text.
    someone_else_pushes(d.path(), |other| {
        let theirs = fs::read_to_string(other.join(POST)).unwrap() + "\n그쪽 한 줄.\n";
        fs::write(other.join(POST), theirs).unwrap();
    });
    h.get_by_label(tr(labels::EDITOR)).focus();
    h.get_by_label(tr(labels::EDITOR)).type_text(" 내 것.");
    h.run_steps(2);
    step_until(&mut h, "the pull button", |h| {
        is_enabled(h, tr(labels::PULL))
    });
    h.get_by_label(tr(labels::PULL)).click();
    step_until(&mut h, "the pull", |h| has_text(h, "Pulled"));
    step_until(&mut h, "the conflict bar", |h| {
        h.state().session.has_conflict()
    });
    assert!(
        h.state().session.doc().unwrap().text().contains("내 것."),
        "mine kept"
    );
}

#[test]
fn outside_a_repository_the_panel_says_so_and_offers_nothing() {
    let plain = tempfile::tempdir().unwrap();
    let root = plain.path().join("site");
    write(&root, "_config.yml", b"title: t\n");
    write(&root, "_posts/2016-11-07-a.md", b"---\ntitle: a\n---\n");
    let mut h = crate::common::app(
        &root.join("_posts/2016-11-07-a.md"),
        &plain.path().join("data"),
        Settings::default(),
        [1400.0, 900.0],
    );
    h.get_by_label(&format!("{}…", tr(labels::PUBLISH))).click();
    step_until(&mut h, "the explanation", |h| {
        has_text(h, "not inside a git repository")
    });
    assert!(h.query_by_label(tr(labels::COMMIT)).is_none());
    assert!(h.query_by_label(tr(labels::PUSH)).is_none());
}

#[test]
fn a_rejected_push_from_the_panel_keeps_the_commit_and_says_to_pull_first() {
    let (d, r) = blog();
    assert_eq!(
        daybook(&r, &["publish", POST, "--push"]).status.code(),
        Some(0)
    );
    // Someone else pushed meanwhile.
    someone_else_pushes(d.path(), |other| write(other, "theirs.txt", b"x"));
    let mut h = window(d.path(), &r);
    h.get_by_label(tr(labels::EDITOR)).focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::End);
    h.get_by_label(tr(labels::EDITOR)).type_text("\n한 줄 더.");
    h.run_steps(2);
    open_panel(&mut h);
    step_until(&mut h, "the commit button", |h| {
        is_enabled(h, tr(labels::COMMIT_AND_PUSH))
    });
    h.get_by_label(tr(labels::COMMIT_AND_PUSH)).click();
    step_until(&mut h, "the push to be refused", |h| {
        has_text(h, "pull first")
    });
    assert!(has_text(&h, "Committed "), "the commit is reported");
    assert_eq!(
        git(&r, &["log", "-1", "--format=%s"]).trim(),
        "Update post: QCon 둘째 날",
        "the commit is kept"
    );
}
