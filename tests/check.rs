//! `daybook check` on fixture sites: exit codes, JSON, staged posts and the hook (issue 6).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::process::{Command, Output};

use common::{daybook, git, picture, write};

/// A site with one post per rule and clean counterparts.
fn fixture_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "_config.yml", "title: fixture\ntimezone: Asia/Seoul\n");
    for img in [
        "images/trip/2016-11-07 10.29.43.jpg",
        "images/trip/a.png",
        "images/trip/unused.jpg",
        "images/logo.png",
    ] {
        write(r, img, picture(img));
    }
    write(
        r,
        "_layouts/default.html",
        "<img src=\"/images/logo.png\">{{ content }}",
    );
    write(
        r,
        "_posts/2016-11-03-broken.md",
        "---\nlayout: post\ntitle: 깨진 글\ndate: 2016-11-03 13:00:00 +0900\n---\n\
         ![ok](</images/trip/2016-11-07 10.29.43.jpg>)\n\
         ![rel](images/trip/a.png)\n\
         ![gone](/images/trip/-11-07 10.29.43.jpg)\n\
         1[link](/images/trip/a.png)\n\
         ![far](https://example.com/x.jpg)\n\
         `![code](/nope.png)`\n",
    );
    write(
        r,
        "_posts/2016-11-04-clean.md",
        "---\nlayout: post\ntitle: 깨끗한 글\ndate: 2016-11-04 10:00:00 +0900\n---\n![x]({{ site.baseurl }}/images/trip/a.png)\n",
    );
    write(
        r,
        "_posts/2016-11-05-dates.md",
        "---\nlayout: post\ntitle: 날짜\ndate: 2016-11-05 20:00:00\npublished: false\n---\n",
    );
    write(r, "_posts/notes.md", "---\ntitle: not a post\n---\n");
    write(r, "_drafts/idea.md", "---\ntitle: 초안\n---\n");
    dir
}

fn json_rows(out: &Output) -> Vec<(String, u64, String, String)> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
                p["rule"].as_str().unwrap().to_owned(),
                p["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_site_with_errors_exits_1_and_lists_every_rule_in_json() {
    let site = fixture_site();
    let out = daybook(site.path(), &["check", "--format", "json", "."]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json_rows(&out);
    let has = |path: &str, line: u64, rule: &str| {
        rows.iter()
            .any(|(p, l, r, _)| p.ends_with(path) && *l == line && r == rule)
    };
    assert!(
        has("_posts/2016-11-03-broken.md", 7, "missing-image"),
        "{rows:#?}"
    );
    assert!(has("_posts/2016-11-03-broken.md", 8, "missing-image"));
    assert!(has("_posts/2016-11-03-broken.md", 8, "spaced-image-url"));
    assert!(has("_posts/2016-11-03-broken.md", 9, "image-as-link"));
    assert!(has("_posts/2016-11-03-broken.md", 10, "remote-image"));
    assert!(has("_posts/2016-11-05-dates.md", 4, "date-without-offset"));
    assert!(has("_posts/2016-11-05-dates.md", 5, "unpublished"));
    assert!(has("_posts/notes.md", 1, "ignored-post"));
    assert!(has("_drafts/idea.md", 1, "missing-layout"));
    assert!(has("images/trip/unused.jpg", 1, "unused-image"));
    // True negatives: an existing spaced path in <…>, code, a layout's logo, the clean post.
    assert!(
        !rows
            .iter()
            .any(|(p, l, _, _)| p.ends_with("broken.md") && (*l == 6 || *l == 11)),
        "{rows:#?}"
    );
    assert!(
        !rows
            .iter()
            .any(|(p, _, _, _)| p.ends_with("logo.png") || p.ends_with("clean.md")),
        "{rows:#?}"
    );
    assert!(
        !rows
            .iter()
            .any(|(p, _, _, _)| p.ends_with("images/trip/a.png"))
    );
}

#[test]
fn text_output_and_exit_codes() {
    let site = fixture_site();
    let out = daybook(site.path(), &["check", "_posts/2016-11-04-clean.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
    let out = daybook(site.path(), &["check", "_posts/2016-11-03-broken.md"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("_posts/2016-11-03-broken.md:8:1: error: image will not show: /images/trip/-11-07 10.29.43.jpg does not exist in the site (fix: Use 2016-11-07 10.29.43.jpg) [missing-image]"),
        "{text}"
    );
    let nowhere = tempfile::tempdir().unwrap();
    assert_eq!(daybook(nowhere.path(), &["check"]).status.code(), Some(2));
    assert_eq!(
        daybook(site.path(), &["check", "_posts/missing.md"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn rules_switched_off_in_config_are_not_reported() {
    let site = fixture_site();
    write(
        site.path(),
        "_config.yml",
        "timezone: Asia/Seoul\ndaybook:\n  rules:\n    missing-image: warning\n    unused-image: off\n",
    );
    let out = daybook(site.path(), &["check", "--format", "json"]);
    let rows = json_rows(&out);
    assert!(rows.iter().all(|(_, _, r, _)| r != "unused-image"));
    assert!(
        rows.iter()
            .filter(|(_, _, r, _)| r == "missing-image")
            .all(|(_, _, _, s)| s == "warning")
    );
    assert_eq!(out.status.code(), Some(0), "{rows:#?}");
}

#[test]
fn staged_checks_the_staged_text_and_the_hook_stops_bad_commits() {
    let site = fixture_site();
    let r = site.path();
    git(r, &["init", "-q"]);
    git(
        r,
        &[
            "add",
            "_config.yml",
            "images",
            "_layouts",
            "_posts/2016-11-04-clean.md",
        ],
    );
    assert_eq!(daybook(r, &["check", "--staged"]).status.code(), Some(0));
    git(r, &["add", "_posts/2016-11-03-broken.md"]);
    assert_eq!(daybook(r, &["check", "--staged"]).status.code(), Some(1));
    // The staged text counts, not the working tree.
    fs::write(
        r.join("_posts/2016-11-03-broken.md"),
        "---\nlayout: post\ntitle: 고침\n---\n",
    )
    .unwrap();
    assert_eq!(daybook(r, &["check", "--staged"]).status.code(), Some(1));

    let out = daybook(r, &["check", "--install-hook"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hook = fs::read_to_string(r.join(".git/hooks/pre-commit")).unwrap();
    assert!(
        hook.starts_with("#!/bin/sh\n") && hook.contains("check --staged"),
        "{hook}"
    );
    let again = daybook(r, &["check", "--install-hook"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already"));
    let commit = Command::new("git")
        .current_dir(r)
        .args([
            "-c",
            "user.email=t@t",
            "-c",
            "user.name=t",
            "commit",
            "-qm",
            "x",
        ])
        .output()
        .unwrap();
    assert!(
        !commit.status.success(),
        "the hook let a post with errors through"
    );
    // git passes the hook's output on (on stderr).
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&commit.stdout),
        String::from_utf8_lossy(&commit.stderr)
    );
    assert!(shown.contains("missing-image"), "{shown}");
    git(r, &["add", "_posts/2016-11-03-broken.md"]);
    git(r, &["commit", "-qm", "fixed"]);
}

#[test]
fn install_hook_adds_to_an_existing_hook() {
    let site = fixture_site();
    let r = site.path();
    git(r, &["init", "-q"]);
    fs::write(
        r.join(".git/hooks/pre-commit"),
        "#!/bin/sh\necho mine\nexit 0\n",
    )
    .unwrap();
    assert!(daybook(r, &["check", "--install-hook"]).status.success());
    let hook = fs::read_to_string(r.join(".git/hooks/pre-commit")).unwrap();
    // Issue 11: the user's hook stays whole, and ours runs before its `exit 0`.
    assert!(hook.starts_with("#!/bin/sh\n"), "{hook}");
    assert!(hook.ends_with("echo mine\nexit 0\n"), "{hook}");
    let ours = hook.find("check --staged").unwrap();
    assert!(ours < hook.find("exit 0").unwrap(), "{hook}");
}

#[test]
fn staged_check_needs_the_posts_images_in_the_commit_too() {
    // Issue 11: a post staged with a photo that was never `git add`ed would publish a broken
    // image; the working tree having the photo is not enough.
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "_config.yml", "timezone: Asia/Seoul\n");
    write(
        r,
        "_posts/2016-11-07-t.md",
        "---\nlayout: post\ntitle: t\ndate: 2016-11-07 10:00:00 +0900\n---\n![new](/images/t/new photo.jpg)\n",
    );
    write(r, "images/t/new photo.jpg", picture("new photo.jpg"));
    git(r, &["init", "-q"]);
    git(r, &["add", "_config.yml", "_posts"]);
    let out = daybook(r, &["check", "--staged"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("new photo.jpg"));
    git(r, &["add", "images"]);
    let out = daybook(r, &["check", "--staged"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Issue 10: what real blogs write — Liquid inside HTML attributes, images in code and
/// comments, line breaks and backslashes in `src`, an excluded folder, a chart file.
fn real_blog_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(
        r,
        "_config.yml",
        "title: t\ntimezone: Asia/Seoul\nurl: https://blog.example\nexclude: [private]\n",
    );
    for img in ["assets/x.png", "images/a/b.png", "private/secret.jpg"] {
        write(r, img, picture(img));
    }
    write(
        r,
        "_posts/2018-07-06-liquid.md",
        "---\nlayout: post\ntitle: t\ndate: 2018-07-06 10:00:00 +0900\n---\n\
         <img src=\"{{ \"/assets/x.png\" | absolute_url }}\">\n\n\
         <center><img src=\"/images/a/\nb.png\"></center>\n\n\
         ![bs](\\images\\a\\b.png)\n\n\
         \x20   ![code](/in-indented-code.png)\n\n\
         <!-- ![c](/in-comment.png) -->\n\n\
         {% comment %}![c](/in-liquid-comment.png){% endcomment %}\n\n\
         <img src=\"{{ site.data.cdn }}/x.png\">\n\n\
         ![secret](/private/secret.jpg)\n",
    );
    write(r, "_posts/chart_output.html", "<div id=\"chart\"></div>\n");
    dir
}

#[test]
fn check_reads_the_published_page_not_the_source_text() {
    let site = real_blog_site();
    let out = daybook(site.path(), &["check", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    let of = |rule: &str| -> Vec<&serde_json::Value> {
        rows.iter().filter(|r| r["rule"] == rule).collect()
    };
    // Only the excluded image is missing; it names what the page requests.
    let missing = of("missing-image");
    assert_eq!(missing.len(), 1, "{rows:#?}");
    assert_eq!(missing[0]["target"], "/private/secret.jpg");
    assert!(missing[0]["message"].as_str().unwrap().contains("exclude"));
    assert_eq!(of("backslash-image-path").len(), 1, "{rows:#?}");
    let unresolved = of("unresolved-image");
    assert_eq!(unresolved.len(), 1, "{rows:#?}");
    assert!(
        unresolved[0]["message"]
            .as_str()
            .unwrap()
            .contains("site.data.cdn")
    );
    // A chart kept in _posts/ is one note, nothing else.
    let chart: Vec<_> = rows
        .iter()
        .filter(|r| r["path"].as_str().unwrap().ends_with("chart_output.html"))
        .collect();
    assert_eq!(chart.len(), 1, "{chart:#?}");
    assert_eq!(chart[0]["rule"], "ignored-post");
    assert_eq!(chart[0]["severity"], "info");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn render_prints_the_body_as_jekyll_publishes_it() {
    let site = real_blog_site();
    let out = daybook(site.path(), &["render", "_posts/2018-07-06-liquid.md"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("<img src=\"https://blog.example/assets/x.png\" />"),
        "{html}"
    );
    assert!(
        html.contains("<pre><code>![code](/in-indented-code.png)\n</code></pre>"),
        "{html}"
    );
    assert!(!html.contains("in-liquid-comment"), "{html}");
    assert!(!html.contains("{{"), "{html}");
    let missing = daybook(site.path(), &["render", "_posts/nope.md"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.md"));
}

/// Issue 21: a file no browser draws is an error with its reason, a HEIC a warning; pictures
/// in every web format, whatever their extension says, are neither.
#[test]
fn pictures_no_browser_draws_are_named_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "_config.yml", "title: t\ntimezone: Asia/Seoul\n");
    let heic = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/heic/iphone-irot.heic"),
    )
    .unwrap();
    write(r, "images/IMG_0001.HEIC", heic);
    write(r, "images/empty.jpg", b"");
    write(
        r,
        "images/lfs.jpg",
        b"version https://git-lfs.github.com/spec/v1\noid sha256:00\n",
    );
    write(r, "images/ok.webp", picture("ok.webp"));
    write(r, "images/ok.gif", picture("ok.gif"));
    write(r, "images/png-named.jpg", picture("x.png"));
    write(
        r,
        "images/map.svg",
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>",
    );
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pictures/photo.avif"),
        r.join("images/photo.avif"),
    )
    .unwrap();
    write(
        r,
        "_posts/2024-05-01-a.md",
        "---\nlayout: post\ntitle: a\ndate: 2024-05-01 10:00:00 +0900\n---\n\
         ![a](/images/IMG_0001.HEIC)\n\n\
         ![b](/images/empty.jpg)\n\n\
         ![c](/images/lfs.jpg)\n\n\
         ![d](/images/ok.webp) ![e](/images/ok.gif) ![f](/images/png-named.jpg)\n\n\
         <img src=\"/images/map.svg\" alt=\"g\"> ![h](/images/photo.avif)\n",
    );
    let out = daybook(r, &["check", "--format", "json", "."]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<(u64, String, String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["rule"] != "unused-image")
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["rule"].as_str().unwrap().to_owned(),
                p["severity"].as_str().unwrap().to_owned(),
                p["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let at = |line: u64| rows.iter().find(|r| r.0 == line).cloned();
    let (_, rule, severity, message) = at(6).unwrap();
    assert_eq!(
        (rule.as_str(), severity.as_str()),
        ("heic-on-page", "warning")
    );
    assert!(
        message.contains("Safari") && message.contains("HEIC"),
        "{message}"
    );
    let (_, rule, _, message) = at(8).unwrap();
    assert_eq!(rule, "unreadable-image");
    assert!(message.contains("empty"), "{message}");
    let (_, rule, severity, message) = at(10).unwrap();
    assert_eq!(
        (rule.as_str(), severity.as_str()),
        ("unreadable-image", "error")
    );
    assert!(message.contains("not a picture"), "{message}");
    assert_eq!(rows.len(), 3, "web pictures are fine: {rows:#?}");
}

/// Issue 20: a hook daybook cannot read as text is left byte for byte as it was, and the
/// user is told what to add.
#[test]
fn a_hook_that_is_not_text_is_kept_whole() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "_config.yml", "title: t\n");
    write(r, "_posts/2024-01-01-a.md", "---\ntitle: a\n---\n");
    git(r, &["init", "-q"]);
    let hook = r.join(".git/hooks/pre-commit");
    let bytes = b"#!/bin/sh\n# \xff\xfe\nexit 0\n";
    std::fs::write(&hook, bytes).unwrap();
    let out = daybook(r, &["check", "--install-hook", "."]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&hook).unwrap(), bytes);
    assert!(String::from_utf8_lossy(&out.stderr).contains("check --staged"));
}

/// Issue 20: a photo whose name looks like a pattern (`a[1].jpg`) is committed as itself;
/// the unrelated staged change to `a1.jpg` stays staged and out of the commit.
#[test]
fn publish_reads_names_as_names() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "_config.yml", "title: t\ntimezone: Asia/Seoul\n");
    write(r, "images/t/a1.jpg", picture("a1.jpg"));
    git(r, &["init", "-q"]);
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "init"]);
    write(r, "images/t/a1.jpg", picture("a1.png"));
    git(r, &["add", "images/t/a1.jpg"]);
    write(r, "images/t/a[1].jpg", picture("b.jpg"));
    write(
        r,
        "_posts/2024-01-01-a.md",
        "---\nlayout: post\ntitle: a\ndate: 2024-01-01 10:00:00 +0900\n---\n\n![a](/images/t/a[1].jpg)\n",
    );
    let out = daybook(r, &["publish", "--allow-errors", "_posts/2024-01-01-a.md"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = git(
        r,
        &[
            "-c",
            "core.quotepath=false",
            "diff-tree",
            "--no-commit-id",
            "--name-only",
            "-r",
            "HEAD",
        ],
    );
    assert_eq!(files, "_posts/2024-01-01-a.md\nimages/t/a[1].jpg\n");
    assert_eq!(
        git(r, &["diff", "--cached", "--name-only"]),
        "images/t/a1.jpg\n"
    );
}

/// Issue 20: a detached HEAD is not committed to (the commit would be lost at the next
/// checkout); a post the site's `.gitignore` hides is named, not "nothing to commit".
#[test]
fn publish_refuses_a_detached_head_and_names_an_ignored_post() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "_config.yml", "title: t\ntimezone: Asia/Seoul\n");
    write(r, ".gitignore", "_drafts/\n");
    git(r, &["init", "-q"]);
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "init"]);
    let post = "---\nlayout: post\ntitle: a\ndate: 2024-01-01 10:00:00 +0900\n---\n\nhello\n";
    write(r, "_drafts/idea.md", post);
    let out = daybook(r, &["publish", "_drafts/idea.md"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("_drafts/idea.md") && said.contains("gitignore"),
        "{said}"
    );
    write(r, "_posts/2024-01-01-a.md", post);
    git(r, &["checkout", "-q", "--detach"]);
    let head = git(r, &["rev-parse", "HEAD"]);
    let out = daybook(r, &["publish", "_posts/2024-01-01-a.md"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("detached"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(git(r, &["rev-parse", "HEAD"]), head, "nothing committed");
}

/// Issue 20: a push over SSH never waits on a prompt nobody can answer (`BatchMode`), unless
/// the user set their own SSH command. A stand-in `ssh` on the PATH records how it was
/// called (nothing reaches the network).
#[test]
fn push_over_ssh_never_waits_on_a_prompt() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("site");
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = dir.path().join("ssh-args");
    std::fs::write(
        bin.join("ssh"),
        format!("#!/bin/sh\necho \"$@\" >> '{}'\nexit 1\n", log.display()),
    )
    .unwrap();
    std::fs::set_permissions(bin.join("ssh"), std::fs::Permissions::from_mode(0o755)).unwrap();
    write(&r, "_config.yml", "title: t\ntimezone: Asia/Seoul\n");
    write(
        &r,
        "_posts/2024-01-01-a.md",
        "---\nlayout: post\ntitle: a\ndate: 2024-01-01 10:00:00 +0900\n---\n\nhello\n",
    );
    git(&r, &["init", "-q"]);
    git(
        &r,
        &[
            "remote",
            "add",
            "origin",
            "ssh://git@example.invalid/blog.git",
        ],
    );
    git(&r, &["add", "_config.yml"]);
    git(&r, &["commit", "-qm", "init"]);
    git(&r, &["config", "branch.main.remote", "origin"]);
    git(&r, &["config", "branch.main.merge", "refs/heads/main"]);
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_daybook"))
        .env("LANGUAGE", "en")
        .env("PATH", path)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .env_remove("GIT_SSH_COMMAND")
        .env_remove("GIT_SSH")
        .current_dir(&r)
        .args(["publish", "--push", "_posts/2024-01-01-a.md"])
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "the stand-in ssh refuses: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let args = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        args.contains("BatchMode=yes"),
        "ssh was called with: {args:?}"
    );
}
