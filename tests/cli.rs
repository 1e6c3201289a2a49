//! Integration tests for `daybook new` and `daybook set` on temp sites (issue 2).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use daybook::journal::date::Zone;
use daybook::site::Site;
use daybook::site::index::index_site;

fn daybook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_daybook"))
        .env("LANGUAGE", "en")
        .args(args)
        .output()
        .unwrap()
}

fn site(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("_posts")).unwrap();
    fs::write(dir.path().join("_config.yml"), config).unwrap();
    dir
}

fn stdout_path(out: &Output) -> PathBuf {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(String::from_utf8(out.stdout.clone()).unwrap().trim())
}

fn assert_user_error(out: &Output, needle: &str) {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "stderr: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "stderr: {err}"
    );
}

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

fn post(s: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = s.path().join("_posts").join(name);
    fs::write(&p, bytes).unwrap();
    p
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

#[test]
fn attach_copies_links_and_saves_and_reports_failures() {
    let s = site("timezone: Asia/Seoul\n");
    let p = post(
        &s,
        "2016-11-07-qcon.md",
        "---\ntitle: 사진\n---\n본문\n\n![old](/images/qcon2016/x.jpg)\n\n끝\n".as_bytes(),
    );
    let cam = tempfile::tempdir().unwrap();
    let a = cam.path().join("2016-11-07 10.29.43.jpg");
    fs::write(&a, common::phone_jpeg(64, 32, "2016:11:07 10:29:43")).unwrap();
    let bad = cam.path().join("notes.txt");
    fs::write(&bad, "not a photo").unwrap();
    let out = daybook(&[
        "attach",
        p.to_str().unwrap(),
        a.to_str().unwrap(),
        bad.to_str().unwrap(),
        "--at-line",
        "6",
    ]);
    assert_eq!(out.status.code(), Some(1), "one photo failed");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        // A phone's capture-time name is no alt text: the title and the photo's number.
        "![사진 2](/images/qcon2016/2016-11-07-102943.jpg)"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.txt: not an image"));
    let text = fs::read_to_string(&p).unwrap();
    assert_eq!(
        text,
        "---\ntitle: 사진\n---\n본문\n\n![사진 2](/images/qcon2016/2016-11-07-102943.jpg)\n\n![old](/images/qcon2016/x.jpg)\n\n끝\n"
    );
    let copied = s.path().join("images/qcon2016/2016-11-07-102943.jpg");
    let img = image::open(&copied).unwrap();
    assert_eq!((img.width(), img.height()), (32, 64), "upright");
    let ok = daybook(&[
        "attach",
        p.to_str().unwrap(),
        a.to_str().unwrap(),
        "--folder",
        "다른 폴더",
        "--keep-gps",
        "--no-resize",
    ]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&ok.stdout).contains("(/images/다른-폴더/2016-11-07-102943.jpg)")
    );
    assert!(
        daybook::site::photo_meta::facts(
            &fs::read(s.path().join("images/다른-폴더/2016-11-07-102943.jpg")).unwrap()
        )
        .has_location
    );
}

#[test]
fn attach_links_photos_in_capture_order_with_day_headings_and_takes_heic() {
    let s = site("timezone: Asia/Seoul\n");
    let text = "---\ntitle: 부산 여행\ndate: 2024-05-03 21:00:00 +0900\n---\n본문\n";
    let cam = tempfile::tempdir().unwrap();
    let shot = |name: &str, time: &str, width: u32| {
        let p = cam.path().join(name);
        fs::write(&p, common::phone_jpeg(width, 32, time)).unwrap();
        p
    };
    let late = shot("IMG_0003.JPG", "2024:05:04 09:00:00", 64);
    let early = shot("IMG_0001.JPG", "2024:05:03 10:01:00", 66);
    let heic = cam.path().join("IMG_0002.HEIC");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heic/iphone-irot.heic"),
        &heic,
    )
    .unwrap();
    // The Live Photo's video beside the HEIC is not a photo.
    let video = cam.path().join("IMG_0002.MOV");
    fs::write(&video, b"\0\0\0\x14ftypqt  ").unwrap();
    let have_heif = daybook::site::heif::available().is_ok();
    let mut photos = vec![late.clone(), early.clone()];
    if have_heif {
        photos.extend([heic.clone(), video.clone()]);
    }
    let p = post(&s, "2024-05-03-busan.md", text.as_bytes());
    let mut args = vec!["attach".to_owned(), p.display().to_string()];
    args.extend(photos.iter().map(|x| x.display().to_string()));
    args.push("--by-day".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = daybook(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(&p).unwrap();
    let want = if have_heif {
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("IMG_0002.MOV: the video of a Live Photo")
        );
        "본문\n\n## 5월 3일\n\n![부산 여행 1](/images/busan/2024-05-03-100100.jpg)\n\n![부산 여행 2](/images/busan/2024-05-03-100300.jpg)\n\n## 5월 4일\n\n![부산 여행 3](/images/busan/2024-05-04-090000.jpg)\n"
    } else {
        "본문\n\n## 5월 3일\n\n![부산 여행 1](/images/busan/2024-05-03-100100.jpg)\n\n## 5월 4일\n\n![부산 여행 2](/images/busan/2024-05-04-090000.jpg)\n"
    };
    assert!(text.ends_with(want), "{text}");
    // --keep-order: as given.
    let q = post(&s, "2024-05-05-keep.md", b"---\ntitle: keep\n---\n");
    let out = daybook(&[
        "attach",
        q.to_str().unwrap(),
        late.to_str().unwrap(),
        early.to_str().unwrap(),
        "--keep-order",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = fs::read_to_string(&q).unwrap();
    let (a, b) = (
        text.find("2024-05-04-090000").unwrap(),
        text.find("2024-05-03-100100").unwrap(),
    );
    assert!(a < b, "{text}");
}

#[test]
fn completions_man_page_and_desktop_files_install_like_a_desktop_program() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = daybook(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("check") && text.contains("publish"),
            "{shell}"
        );
    }
    let man = daybook(&["man"]);
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH daybook 1"));
    // A file manager passes every file it opens with (`Exec=daybook %F`).
    let cli =
        <daybook::cli::Cli as clap::Parser>::try_parse_from(["daybook", "a.md", "b.md"]).unwrap();
    assert_eq!(cli.paths.len(), 2);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let desktop =
        fs::read_to_string(root.join("assets/linux/io.github.daybook.daybook.desktop")).unwrap();
    assert!(desktop.contains("Exec=daybook %F") && desktop.contains("MimeType=text/markdown;"));
    for size in [16, 32, 48, 64, 128, 256, 512] {
        let icon = root.join(format!(
            "assets/linux/icons/hicolor/{size}x{size}/apps/io.github.daybook.daybook.png"
        ));
        let img = image::open(&icon).unwrap();
        assert_eq!((img.width(), img.height()), (size, size));
    }
    if let Ok(out) = Command::new("desktop-file-validate")
        .arg(root.join("assets/linux/io.github.daybook.daybook.desktop"))
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn errors_are_one_line_printed_once_with_the_exit_codes_the_readme_gives() {
    let s = site("");
    // A post that is not there: the OS's reason once, exit 1.
    let missing = s.path().join("_posts/2016-11-03-gone.md");
    let out = daybook(&["set", missing.to_str().unwrap(), "title=x"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
    assert!(err.starts_with("daybook: "), "{err}");
    // What `check` needs is missing: exit 2.
    let nowhere = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_daybook"))
        .env("LANGUAGE", "en")
        .current_dir(nowhere.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    // A bad argument: exit 1, one line.
    let p = post(&s, "2016-11-03-a.md", b"---\ntitle: a\n---\n");
    let out = daybook(&["set", p.to_str().unwrap(), "title"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`title` is not KEY=VALUE"));
}
