//! `daybook attach`, the install files (completions, man page, desktop entry, icons) and
//! the one-line errors with their exit codes.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::{daybook, post, site};

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
    fs::write(&a, crate::common::phone_jpeg(64, 32, "2016:11:07 10:29:43")).unwrap();
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
        fs::write(&p, crate::common::phone_jpeg(width, 32, time)).unwrap();
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

/// Issue 20: `attach` is all or nothing — a post that cannot be saved (here a link to a file
/// outside the site, which daybook never writes through) keeps none of the copies, and no
/// link is printed.
#[test]
fn attach_keeps_no_copies_when_the_post_cannot_be_saved() {
    let s = site("timezone: Asia/Seoul\n");
    let outside = tempfile::tempdir().unwrap();
    let real = outside.path().join("post.md");
    fs::write(&real, "---\ntitle: 사진\n---\n본문\n").unwrap();
    let p = s.path().join("_posts/2016-11-07-qcon.md");
    std::os::unix::fs::symlink(&real, &p).unwrap();
    let cam = tempfile::tempdir().unwrap();
    let a = cam.path().join("2016-11-07 10.29.43.jpg");
    fs::write(&a, crate::common::phone_jpeg(64, 32, "2016:11:07 10:29:43")).unwrap();
    let out = daybook(&["attach", p.to_str().unwrap(), a.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        out.stdout.is_empty(),
        "no link printed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let images = s.path().join("images");
    let left: Vec<_> = walkdir::WalkDir::new(&images)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_owned())
        .collect();
    assert!(left.is_empty(), "copies left behind: {left:?}");
    assert_eq!(
        fs::read_to_string(&real).unwrap(),
        "---\ntitle: 사진\n---\n본문\n"
    );
}
