//! Publishing when things change or hang (issue 20): the commit is decided on the plan it
//! commits, not the one the panel showed; a push that stalls is stopped from the panel.

use std::fs;
use std::path::Path;
use std::time::Instant;

use crate::common::{daybook, git, has_text, step_until, write};
use crate::publish::{POST, blog, is_enabled, open_panel, window};
use daybook::i18n::{Words, tr};
use daybook::site::Site;
use daybook::ui::labels;
use daybook::workers::git::{GitOp, run_op};
use egui_kittest::kittest::Queryable;

#[cfg(unix)]
fn executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn the_commit_is_decided_on_the_plan_it_commits() {
    let (_d, r) = blog();
    let site = Site::find(&r).unwrap();
    let text = fs::read_to_string(r.join(POST)).unwrap();
    let commit = |text: &str, accepted: Vec<Words>| {
        let op = GitOp::Commit {
            post: r.join(POST),
            text: text.into(),
            message: "m".into(),
            push: false,
            accepted,
        };
        run_op(&site, &op, &mut |_| {}, None)
    };
    // The panel planned with every photo there; one is gone by the time Commit runs.
    fs::remove_file(r.join("assets/images/맵.png")).unwrap();
    let out = commit(&text, Vec::new());
    assert!(!out.ok && out.committed.is_none(), "{out:?}");
    assert!(
        out.message.to_string().contains("맵.png"),
        "{}",
        out.message
    );
    assert_eq!(git(&r, &["rev-list", "--count", "HEAD"]).trim(), "1");
    // "Commit anyway" covers the errors the user saw, and only those.
    let seen = vec![Words::verbatim("an error of another time")];
    assert!(!commit(&text, seen).ok);
    let git_ = daybook::site::git::Git::open(&r).unwrap();
    let plan = daybook::site::publish::plan(&site, &git_, &r.join(POST), &text).unwrap();
    assert!(!plan.errors.is_empty());
    let out = commit(&text, plan.errors.clone());
    assert!(out.ok && out.committed.is_some(), "{out:?}");
}

/// Whether a process runs with exactly this command line (Linux's `/proc`).
#[cfg(target_os = "linux")]
fn running(cmdline: &[u8]) -> bool {
    fs::read_dir("/proc").unwrap().flatten().any(|e| {
        fs::read(e.path().join("cmdline")).is_ok_and(|c| c.strip_suffix(b"\0") == Some(cmdline))
    })
}

#[cfg(unix)]
#[test]
fn a_stalled_push_is_stopped_from_the_panel() {
    let (d, r) = blog();
    assert_eq!(daybook(&r, &["publish", POST]).status.code(), Some(0));
    // A remote that never answers, as a hook that waits (its own odd time, to be found).
    write(&r, ".git/hooks/pre-push", b"#!/bin/sh\nsleep 4321\n");
    executable(&r.join(".git/hooks/pre-push"));
    let mut h = window(d.path(), &r);
    open_panel(&mut h);
    step_until(&mut h, "the push button", |h| {
        is_enabled(h, tr(labels::PUSH))
    });
    h.get_by_label(tr(labels::PUSH)).click();
    step_until(&mut h, "the stop button", |h| {
        h.query_by_label(tr(labels::CANCEL_GIT)).is_some()
    });
    #[cfg(target_os = "linux")]
    step_until(&mut h, "the stalled hook", |_| running(b"sleep\x004321"));
    let stopped = Instant::now();
    h.get_by_label(tr(labels::CANCEL_GIT)).click();
    step_until(&mut h, "the cancelled push", |h| {
        has_text(h, "git push was cancelled")
    });
    assert!(stopped.elapsed().as_secs() < 20);
    #[cfg(target_os = "linux")]
    step_until(&mut h, "the hook ended with git", |_| {
        !running(b"sleep\x004321")
    });
    assert_ne!(
        git(&r, &["rev-parse", "HEAD"]),
        git(
            d.path().join("remote.git").as_path(),
            &["rev-parse", "main"]
        ),
        "nothing pushed"
    );
    step_until(&mut h, "the panel idle again", |h| {
        is_enabled(h, tr(labels::PUSH))
    });
}
