//! `daybook new` and `daybook set`: names, front matter, byte-identical edits, refusals.

use std::fs;
use std::path::Path;

use crate::{assert_user_error, daybook, post, site, stdout_path};
use daybook::journal::date::Zone;
use daybook::site::Site;
use daybook::site::index::index_site;

#[test]
fn new_creates_a_post_the_indexer_reads_back_identically() {
    let s = site("timezone: Asia/Seoul\n");
    let root = s.path().to_str().unwrap();
    let out = daybook(&[
        "new",
        "--site",
        root,
        "--title",
        "QCon 2016 둘째 날: Netflix #2",
        "--categories",
        "샌프란시스코 QCon",
        "--tags",
        "conf 2016",
        "--date",
        "2016-11-04 23:30",
    ]);
    let path = stdout_path(&out);
    assert_eq!(
        path.file_name().unwrap().to_str().unwrap(),
        "2016-11-04-qcon-2016-둘째-날-netflix-2.md"
    );
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\ndate: 2016-11-04 23:30:00 +0900\n"),
        "{text}"
    );
    let site = Site::find(s.path()).unwrap();
    let posts = index_site(&site);
    assert_eq!(posts.len(), 1);
    let p = &posts[0];
    assert_eq!(p.title.as_deref(), Some("QCon 2016 둘째 날: Netflix #2"));
    assert_eq!(p.date.unwrap().to_rfc3339(), "2016-11-04T23:30:00+09:00");
    assert_eq!(p.categories, ["샌프란시스코", "QCon"]);
    assert_eq!(p.tags, ["conf", "2016"]);
    assert!(p.error.is_none());
}

#[test]
fn new_never_overwrites_and_numbers_the_name() {
    let s = site("timezone: Asia/Seoul\n");
    let root = s.path().to_str().unwrap();
    let args = [
        "new",
        "--site",
        root,
        "--title",
        "같은 제목",
        "--date",
        "2024-05-03 10:00",
    ];
    let first = stdout_path(&daybook(&args));
    fs::write(&first, "my words").unwrap();
    let second = stdout_path(&daybook(&args));
    let third = stdout_path(&daybook(&args));
    assert_eq!(
        second.file_name().unwrap().to_str().unwrap(),
        "2024-05-03-같은-제목-2.md"
    );
    assert_eq!(
        third.file_name().unwrap().to_str().unwrap(),
        "2024-05-03-같은-제목-3.md"
    );
    assert_eq!(fs::read_to_string(&first).unwrap(), "my words");
}

#[test]
fn new_draft_and_ascii_slug_and_default_layout() {
    let s = site("defaults:\n  - scope: {path: \"\", type: posts}\n    values: {layout: single}\n");
    let root = s.path().to_str().unwrap();
    let draft = stdout_path(&daybook(&[
        "new",
        "--site",
        root,
        "--title",
        "제주도 계획",
        "--draft",
        "--ascii-slug",
    ]));
    assert!(
        draft.ends_with("_drafts/jejudo-gyehoek.md"),
        "{}",
        draft.display()
    );
    let text = fs::read_to_string(&draft).unwrap();
    assert!(text.contains("layout: single\n"), "{text}");
    // No timezone in _config.yml: the date still carries an explicit offset.
    let date_line = text.lines().find(|l| l.starts_with("date: ")).unwrap();
    assert!(
        date_line.len() == "date: 2024-05-03 10:00:00 +0900".len() && date_line.contains(" +")
            || date_line.contains(" -"),
        "{date_line}"
    );
}

#[test]
fn new_refuses_bad_input_with_one_clear_line() {
    let s = site("");
    let root = s.path().to_str().unwrap();
    assert_user_error(
        &daybook(&["new", "--site", root, "--title", "x", "--date", "yesterday"]),
        "--date",
    );
    assert_user_error(
        &daybook(&["new", "--site", root, "--title", "   "]),
        "title",
    );
    let not_site = tempfile::tempdir().unwrap();
    assert_user_error(
        &daybook(&[
            "new",
            "--site",
            not_site.path().to_str().unwrap(),
            "--title",
            "x",
        ]),
        "not a Jekyll site",
    );
    assert_user_error(&daybook(&["new", "--bogus"]), "--bogus");
}

const REFERENCE_LIKE: &str = "---\nlayout: post\ntitle:  \"QCon 2016 첫 날 이야기\"\ndate:   2016-11-03 13:00:00 +0000\ncategories: 샌프란시스코 QCon 1일차\n---\n\n본문\n\n---\n\n더 본문\n";

#[test]
fn set_unchanged_is_byte_identical_and_one_field_changes_one_line() {
    let s = site("timezone: Asia/Seoul\n");
    for (name, text) in [
        ("2016-11-03-lf.md", REFERENCE_LIKE.to_owned()),
        ("2016-11-03-crlf.md", REFERENCE_LIKE.replace('\n', "\r\n")),
        ("2016-11-03-bom.md", format!("\u{feff}{REFERENCE_LIKE}")),
    ] {
        let p = post(&s, name, text.as_bytes());
        let ps = p.to_str().unwrap();
        stdout_path(&daybook(&[
            "set",
            ps,
            "layout=post",
            "title=QCon 2016 첫 날 이야기",
        ]));
        assert_eq!(fs::read(&p).unwrap(), text.as_bytes(), "{name}");
        stdout_path(&daybook(&["set", ps, "title=바뀐 제목: \"따옴표\" #1"]));
        let after = fs::read_to_string(&p).unwrap();
        let changed = text
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(
            (changed, text.lines().count()),
            (1, after.lines().count()),
            "{name}: {after}"
        );
        assert!(
            after.contains("title:  \"바뀐 제목: \\\"따옴표\\\" #1\""),
            "{after}"
        );
    }
}

#[test]
fn set_writes_dates_with_offsets_booleans_and_removes_empty_keys() {
    let s = site("timezone: Asia/Seoul\n");
    let p = post(&s, "2016-11-03-a.md", REFERENCE_LIKE.as_bytes());
    let ps = p.to_str().unwrap();
    stdout_path(&daybook(&[
        "set",
        ps,
        "date=2016-11-04 23:30",
        "published=false",
        "categories=",
        "comments=true",
    ]));
    let text = fs::read_to_string(&p).unwrap();
    assert!(
        text.contains("date:   2016-11-04 23:30:00 +0900\n"),
        "{text}"
    );
    assert!(
        text.contains("published: false\n") && text.contains("comments: true\n"),
        "{text}"
    );
    assert!(!text.contains("categories"), "{text}");
    let posts = index_site(&Site::find(s.path()).unwrap());
    assert!(!posts[0].published);
    let _ = Zone::Local;
}

#[test]
fn set_refuses_broken_posts_and_leaves_them_byte_identical() {
    let s = site("");
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "2016-11-03-yaml.md",
            b"---\ntitle: [unclosed\n---\nbody\n",
            "invalid YAML",
        ),
        (
            "2016-11-03-open.md",
            b"---\ntitle: x\nbody without end\n",
            "never closes",
        ),
        (
            "2016-11-03-utf8.md",
            b"---\ntitle: \xff\xfe\n---\n",
            "UTF-8",
        ),
        (
            "2016-11-03-block.md",
            b"---\ntitle: >\n  folded\n---\n",
            "cannot edit safely",
        ),
    ];
    for (name, bytes, why) in cases {
        let p = post(&s, name, bytes);
        assert_user_error(&daybook(&["set", p.to_str().unwrap(), "title=new"]), why);
        assert_eq!(fs::read(&p).unwrap(), bytes, "{name} was changed");
    }
    let ignored = post(&s, "notes.md", b"---\ntitle: x\n---\n");
    assert_user_error(
        &daybook(&["set", ignored.to_str().unwrap(), "title=y"]),
        "Jekyll ignores",
    );
    assert_eq!(fs::read(&ignored).unwrap(), b"---\ntitle: x\n---\n");
    let p = post(&s, "2016-11-03-ok.md", b"---\ntitle: x\n---\n");
    assert_user_error(
        &daybook(&["set", p.to_str().unwrap(), "no-equals-sign"]),
        "KEY=VALUE",
    );
    assert_user_error(
        &daybook(&["set", p.to_str().unwrap(), "date=someday"]),
        "date",
    );
    assert_user_error(
        &daybook(&[
            "set",
            Path::new("/nonexistent/x.md").to_str().unwrap(),
            "a=b",
        ]),
        "/nonexistent/x.md",
    );
    let leftovers: Vec<_> = fs::read_dir(s.path().join("_posts"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_post_without_front_matter_gets_one_only_when_a_field_is_set() {
    let s = site("");
    let p = post(&s, "2016-11-03-bare.md", "그냥 본문\n".as_bytes());
    let out = daybook(&["set", p.to_str().unwrap(), "title=제목"]);
    stdout_path(&out);
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        "---\ntitle: 제목\n---\n그냥 본문\n"
    );
}
