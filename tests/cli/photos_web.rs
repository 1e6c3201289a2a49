//! Photos for the web (issue 25): `attach --format webp` writes upright, shrunk WebP without
//! location (the site's `daybook: photo_format` as the default), `--as figure|gallery`
//! writes HTML whose every `<img>` carries its size and lazy loading, and `check` weighs a
//! page's photos against `daybook: page_weight_kb`.

use std::fs;

use crate::{daybook, post, site};

fn phone_photo(dir: &std::path::Path, name: &str, time: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, crate::common::phone_jpeg(3000, 2000, time)).unwrap();
    path
}

fn links(text: &str, ext: &str) -> Vec<String> {
    text.split(['(', '"', '<', '>', ')'])
        .filter(|s| s.starts_with("/images/") && s.ends_with(ext))
        .map(str::to_owned)
        .collect()
}

#[test]
fn webp_photos_are_upright_shrunk_and_without_location() {
    let s = site("timezone: Asia/Seoul\n");
    let p = post(&s, "2024-05-03-a.md", b"---\ntitle: t\n---\n");
    let cam = tempfile::tempdir().unwrap();
    let a = phone_photo(cam.path(), "IMG_1.jpg", "2024:05:03 10:00:00");
    let out = daybook(&[
        "attach",
        "--format",
        "webp",
        "--quality",
        "70",
        p.to_str().unwrap(),
        a.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(&p).unwrap();
    let webp = links(&text, ".webp");
    assert_eq!(webp.len(), 1, "{text}");
    let bytes = fs::read(s.path().join(webp[0].trim_start_matches('/'))).unwrap();
    assert_eq!(&bytes[8..12], b"WEBP");
    let img = image::load_from_memory(&bytes).unwrap();
    // Sideways in the camera (orientation 6), upright here, within 2,048 px (a 3,000-px
    // JPEG is decoded at half scale, 1,500 px, which needs no further shrinking).
    assert_eq!((img.width(), img.height()), (1000, 1500));
    assert!(!daybook::site::photo_meta::facts(&bytes).has_location);
    // The site's setting is the default; the command line wins over it.
    fs::write(
        s.path().join("_config.yml"),
        "timezone: Asia/Seoul\ndaybook:\n  photo_format: webp\n",
    )
    .unwrap();
    let b = cam.path().join("IMG_2.jpg");
    fs::write(
        &b,
        crate::common::phone_jpeg(2000, 1500, "2024:05:03 11:00:00"),
    )
    .unwrap();
    assert_eq!(
        daybook(&["attach", p.to_str().unwrap(), b.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let c = phone_photo(cam.path(), "IMG_3.jpg", "2024:05:03 12:00:00");
    let out = daybook(&[
        "attach",
        "--format",
        "jpeg",
        p.to_str().unwrap(),
        c.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = fs::read_to_string(&p).unwrap();
    assert_eq!(links(&text, ".webp").len(), 2, "{text}");
    assert_eq!(links(&text, ".jpg").len(), 1, "{text}");
}

#[test]
fn figures_and_galleries_carry_sizes_and_a_heavy_page_is_warned() {
    let s = site("timezone: Asia/Seoul\n");
    let cam = tempfile::tempdir().unwrap();
    let photos: Vec<String> = (0..3)
        .map(|i| {
            phone_photo(
                cam.path(),
                &format!("IMG_{i}.jpg"),
                &format!("2024:05:03 1{i}:00:00"),
            )
            .to_string_lossy()
            .into_owned()
        })
        .collect();
    let g = post(&s, "2024-05-03-g.md", b"---\ntitle: g\n---\n");
    let mut args = vec!["attach", "--as", "gallery", g.to_str().unwrap()];
    args.extend(photos.iter().map(String::as_str));
    assert_eq!(daybook(&args).status.code(), Some(0));
    let text = fs::read_to_string(&g).unwrap();
    assert_eq!(
        text.matches("<div class=\"daybook-gallery\">").count(),
        1,
        "{text}"
    );
    assert_eq!(text.matches("<img ").count(), 3);
    assert!(
        text.matches("<img ").count().eq(&text
            .matches("width=\"1000\" height=\"1500\" loading=\"lazy\"")
            .count()),
        "{text}"
    );
    let f = post(&s, "2024-05-03-f.md", b"---\ntitle: f\n---\n");
    let mut args = vec!["attach", "--as", "figure", f.to_str().unwrap()];
    args.extend(photos.iter().map(String::as_str));
    assert_eq!(daybook(&args).status.code(), Some(0));
    let text = fs::read_to_string(&f).unwrap();
    assert_eq!(text.matches("<figure>").count(), 3, "{text}");
    assert!(
        text.lines()
            .filter(|l| l.contains("<img "))
            .all(|l| l.contains("height="))
    );
    let out = daybook(&["attach", "--as", "grid", f.to_str().unwrap(), &photos[0]]);
    assert_ne!(
        out.status.code(),
        Some(0),
        "a form daybook does not know is refused"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("`grid` is not lines, figure or gallery")
    );
    // The photos (one file: the three are the same picture) weigh more than 1 KB.
    let check = |post: &std::path::Path| {
        String::from_utf8_lossy(
            &daybook(&["check", "--format", "json", post.to_str().unwrap()]).stdout,
        )
        .contains("\"page-weight\"")
    };
    assert!(!check(&g));
    fs::write(
        s.path().join("_config.yml"),
        "timezone: Asia/Seoul\ndaybook:\n  page_weight_kb: 1\n",
    )
    .unwrap();
    assert!(check(&g));
}

#[test]
fn a_gallery_is_written_for_the_site_s_own_gallery_include_unless_refused() {
    let s = site("timezone: Asia/Seoul\n");
    crate::common::copy_include(s.path(), "slider.html");
    let cam = tempfile::tempdir().unwrap();
    let a = phone_photo(cam.path(), "IMG_1.jpg", "2024:05:03 10:00:00");
    let p = post(&s, "2024-05-03-s.md", b"---\ntitle: s\n---\n");
    let out = daybook(&[
        "attach",
        "--as",
        "gallery",
        p.to_str().unwrap(),
        a.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("_includes/slider.html"));
    let text = fs::read_to_string(&p).unwrap();
    assert!(
        text.contains("{% include slider.html images=\"/images/s/2024-05-03-100000.jpg\" %}"),
        "{text}"
    );
    let q = post(&s, "2024-05-03-q.md", b"---\ntitle: q\n---\n");
    let out = daybook(&[
        "attach",
        "--as",
        "gallery",
        "--gallery",
        "plain",
        q.to_str().unwrap(),
        a.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        fs::read_to_string(&q)
            .unwrap()
            .contains("<div class=\"daybook-gallery\">")
    );
    let out = daybook(&[
        "attach",
        "--as",
        "gallery",
        "--gallery",
        "nope.html",
        q.to_str().unwrap(),
        a.to_str().unwrap(),
    ]);
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.html"));
    // What the include makes of it is what Jekyll makes of it: the preview's HTML.
    let html =
        String::from_utf8_lossy(&daybook(&["render", p.to_str().unwrap()]).stdout).into_owned();
    assert!(
        html.contains("<figure class=\"slide\"><img src=\"/images/s/2024-05-03-100000.jpg\""),
        "{html}"
    );
}

#[test]
fn a_front_matter_gallery_gets_its_list_in_the_front_matter_under_a_free_key() {
    let s = site("timezone: Asia/Seoul\n");
    crate::common::copy_include(s.path(), "gallery.html");
    let cam = tempfile::tempdir().unwrap();
    let a = phone_photo(cam.path(), "IMG_1.jpg", "2024:05:03 10:00:00");
    // A different picture (the same one would be copied once).
    let b = cam.path().join("IMG_2.jpg");
    fs::write(
        &b,
        crate::common::phone_jpeg(2000, 1500, "2024:05:03 09:00:00"),
    )
    .unwrap();
    let p = post(&s, "2024-05-03-g.md", b"---\ntitle: g\n---\n");
    let attach = |photos: &[&std::path::PathBuf]| {
        let mut args = vec!["attach", "--as", "gallery", p.to_str().unwrap()];
        args.extend(photos.iter().map(|x| x.to_str().unwrap()));
        let out = daybook(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        fs::read_to_string(&p).unwrap()
    };
    let text = attach(&[&a, &b]);
    let fm = daybook::journal::front_matter::FrontMatter::parse(&text).unwrap();
    assert!(fm.get("gallery").is_some(), "{text}");
    // In the order taken: IMG_2 (9:00) first.
    let first = text.find("2024-05-03-090000.jpg").expect(&text);
    let second = text.find("2024-05-03-100000.jpg").expect(&text);
    assert!(first < second, "{text}");
    assert!(
        text.contains("    image_path: \"/images/g/2024-05-03-090000.jpg\""),
        "{text}"
    );
    assert!(text.contains("\n{% include gallery.html %}\n"), "{text}");
    // A second gallery in the same post: its own key, the include told which list.
    let text = attach(&[&a]);
    assert!(text.contains("\ngallery2:\n  - url: "), "{text}");
    assert!(
        text.contains("{% include gallery.html items=page.gallery2 %}"),
        "{text}"
    );
    // The page shows both lists (what Jekyll publishes is compared in the goldens).
    let html = String::from_utf8(daybook(&["render", p.to_str().unwrap()]).stdout).unwrap();
    assert_eq!(html.matches("<img src=\"/images/g/").count(), 3, "{html}");
}

#[test]
fn a_minimal_mistakes_site_gets_the_theme_s_gallery_shown_in_the_preview() {
    let s = site("timezone: Asia/Seoul\nremote_theme: mmistakes/minimal-mistakes\n");
    let cam = tempfile::tempdir().unwrap();
    let a = phone_photo(cam.path(), "IMG_1.jpg", "2024:05:03 10:00:00");
    let b = cam.path().join("IMG_2.jpg");
    fs::write(
        &b,
        crate::common::phone_jpeg(2000, 1500, "2024:05:03 11:00:00"),
    )
    .unwrap();
    let p = post(&s, "2024-05-03-m.md", b"---\ntitle: m\ngallery: []\n---\n");
    let out = daybook(&[
        "attach",
        "--as",
        "gallery",
        p.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gallery"));
    let text = fs::read_to_string(&p).unwrap();
    assert!(
        text.contains("{% include gallery id=\"gallery2\" %}"),
        "{text}"
    );
    assert!(text.contains("gallery2:\n  - url: \"/images/m/"), "{text}");
    let html = String::from_utf8(daybook(&["render", p.to_str().unwrap()]).stdout).unwrap();
    assert!(html.contains("<figure class=\"half \">"), "{html}");
    assert_eq!(html.matches("<img src=\"/images/m/").count(), 2, "{html}");
}
