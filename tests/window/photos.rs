//! The window on the sample journal and real-looking sites: photos dropped and in the
//! Photos window, renaming images, the preview against `render`, files Jekyll does not
//! publish, the status bar and outline, folding the front matter.

use crate::common::{shows_text, step_until};
use crate::{Dropped, FIRST, SECOND, drop_files, harness, harness_sized, open_path, site};
use daybook::i18n::tr;

use std::path::{Path, PathBuf};

use daybook::app::DaybookApp;
use daybook::ui::labels;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};

#[test]
fn dropped_photos_are_copied_and_linked_at_the_cursor_in_one_undo_step() {
    let (dir, root) = site();
    let camera = dir.path().join("camera");
    std::fs::create_dir_all(&camera).unwrap();
    std::fs::write(
        camera.join("2016-11-07 10.29.43.jpg"),
        crate::common::phone_jpeg(64, 32, "2016:11:07 10:29:43"),
    )
    .unwrap();
    let mut png = Vec::new();
    image::RgbImage::from_pixel(20, 10, image::Rgb([1, 2, 3]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    std::fs::write(camera.join("해운대 바다.png"), png).unwrap();
    std::fs::write(camera.join("메모.txt"), "not a photo").unwrap();

    let mut h = harness(&root.join(FIRST));
    let before = h.state().session.doc().unwrap().text().to_owned();
    // The cursor sits at the end of the "# 해운대" heading line.
    let at = before.find("# 해운대").unwrap() + "# 해운대".len();
    crate::common::select(&mut h, at..at);
    h.run_steps(2);
    for name in ["2016-11-07 10.29.43.jpg", "해운대 바다.png", "메모.txt"] {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(camera.join(name))));
    }
    step_until(&mut h, "the import", |h| {
        h.state()
            .session
            .import
            .as_ref()
            .is_some_and(|b| b.written.is_some())
    });
    h.run_steps(2);
    let folder = root.join("images/busan2024");
    let jpg = folder.join("2016-11-07-102943.jpg");
    assert!(jpg.is_file() && folder.join("해운대-바다.png").is_file());
    let img = image::open(&jpg).unwrap();
    assert_eq!((img.width(), img.height()), (32, 64), "upright");
    assert!(!daybook::site::photo_meta::facts(&std::fs::read(&jpg).unwrap()).has_location);
    let after = h.state().session.doc().unwrap().text().to_owned();
    // A camera's file name is no alt text: the title and the photo's number stand in.
    let want = "# 해운대\n\n![부산 여행 첫 날: 해운대와 자갈치 6](/images/busan2024/2016-11-07-102943.jpg)\n\n![해운대 바다](/images/busan2024/해운대-바다.png)\n\n바다부터";
    assert!(after.contains(want), "{after}");
    let batch = h.state().session.import.as_ref().unwrap();
    assert_eq!(batch.failures().count(), 1, "the text file is refused");
    shows_text(&h, "Done: 2 linked (0 already there), 1 failed");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().session.doc().unwrap().text(),
        before,
        "one undo removes every link"
    );
}

#[test]
fn renaming_a_spaced_image_updates_the_links_in_every_post() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    assert!(
        h.state()
            .session
            .post_problems()
            .iter()
            .any(|p| p.rule == "spaced-image-url" && p.file.is_some())
    );
    h.query_all_by_label(tr(labels::RENAME_FILE))
        .next()
        .unwrap()
        .click();
    // The rename runs on a worker (every post of the site is read).
    step_until(&mut h, "the rename", |h| {
        h.state()
            .session
            .doc()
            .is_some_and(|d| d.text().contains("2024-05-03-10.12.40.jpg"))
    });
    let renamed = root.join("images/busan2024/2024-05-03-10.12.40.jpg");
    assert!(
        renamed.is_file()
            && !root
                .join("images/busan2024/2024-05-03 10.12.40.jpg")
                .exists()
    );
    let text = h.state().session.doc().unwrap().text().to_owned();
    assert!(
        text.contains("![해운대 바다](/images/busan2024/2024-05-03-10.12.40.jpg)"),
        "{text}"
    );
    assert!(
        h.state().session.is_dirty(),
        "the open post's new links wait for Save"
    );
    // Issue 11: the rename can be undone; Ctrl+Z undoes the open post's links.
    assert!(h.state().session.undo_rename_name().is_some());
    h.get_by_label(tr(labels::UNDO_RENAME)).click();
    step_until(&mut h, "the undo", |_| {
        root.join("images/busan2024/2024-05-03 10.12.40.jpg")
            .is_file()
            && !renamed.exists()
    });
    assert!(h.state().session.undo_rename_name().is_none());
}

/// A copy of a fixture site from `tests/sites/` as the test's journal.
fn fixture_site(name: &str) -> (tempfile::TempDir, PathBuf) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &to.join(e.file_name()));
            } else {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sites")
            .join(name),
        &root,
    );
    (dir, root)
}

#[test]
fn the_preview_draws_what_render_prints() {
    // Issue 10: one prepared document, two outputs.
    let (_d, root) = fixture_site("real-blog");
    let post = "_posts/2024-05-04-gamcheon.md";
    let mut h = harness_sized(&root.join(post), [1400.0, 6000.0]);
    step_until(&mut h, "the preview", |h| h.state().preview_is_current());
    h.run_steps(4);
    let site = daybook::site::Site::find(&root).unwrap();
    let renderer = daybook::site::render::Renderer::new(&site, chrono::Utc::now().fixed_offset());
    let text = std::fs::read_to_string(root.join(post)).unwrap();
    let doc = renderer.prepare(post, &text);
    assert_eq!(
        h.state().preview_html(),
        daybook::journal::render::to_html(&doc)
    );
    // Headings, a table cell, a definition, a quote and the footnotes are drawn.
    for heading in &doc.headings {
        shows_text(&h, &heading.text);
    }
    for needle in [
        "1,300원",
        "어린왕자",
        "노출, 셔터 속도, 조리개",
        "골목마다 작은 갤러리가 있었다.",
        "1-1번 버스를 탔다.",
        "입구 안내소에서 판다.",
    ] {
        shows_text(&h, needle);
    }
    // Every image of the page is drawn as an image (and the display math as one).
    let alts: Vec<String> = doc.images.iter().map(|i| i.alt.clone()).collect();
    let drawn = h
        .query_all(By::new().role(egui::accesskit::Role::Image))
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| alts.contains(&l))
        })
        .count();
    assert_eq!(drawn, doc.images.len(), "images drawn");
    let math = h
        .query_all(By::new().role(egui::accesskit::Role::Image))
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains("\\sum"))
        })
        .count();
    assert_eq!(math, 1, "the display formula is typeset");
    // kramdown's own syntax never shows as text.
    for raw in ["{:toc}", "*[KTX]", "[^bus]", "$$"] {
        assert!(
            h.query_all(By::new().predicate(move |n| {
                n.value().is_some_and(|v| v.contains(raw))
                    && !matches!(
                        n.role(),
                        egui::accesskit::Role::MultilineTextInput
                            | egui::accesskit::Role::TextInput
                            | egui::accesskit::Role::TextRun
                    )
            }))
            .next()
            .is_none(),
            "{raw} shown as text"
        );
    }
}

#[test]
fn files_jekyll_does_not_publish_are_listed_apart_at_the_end() {
    let (_d, root) = fixture_site("real-blog");
    let mut h = harness(&root.join("_posts/2024-05-03-busan-day1.md"));
    h.run_steps(3);
    let header = h.get_by_label_contains("Not published by Jekyll (1)");
    let header_y = header.rect().min.y;
    assert!(
        h.query_by_label_contains("chart_output.html").is_none(),
        "collapsed"
    );
    let newest = h.get_by_label_contains("셋째 날, 배를 타다").rect().min.y;
    assert!(header_y > newest, "after every post");
    h.get_by_label_contains("Not published by Jekyll (1)")
        .click();
    h.run_steps(3);
    h.get_by_label_contains("chart_output.html");
}

#[test]
fn leaving_the_date_field_unchanged_rewrites_nothing() {
    // Issue 11: an unquoted date without an offset used to gain the site's offset on blur.
    let (_d, root) = site();
    let path = root.join(SECOND);
    let text = std::fs::read_to_string(&path).unwrap();
    let date_line = text
        .lines()
        .find(|l| l.starts_with("date:"))
        .unwrap()
        .to_owned();
    let written = text.replace(&date_line, "date: 2024-05-04 23:30:00");
    std::fs::write(&path, &written).unwrap();
    let mut h = harness(&path);
    h.run_steps(3);
    h.get_by_label(tr(labels::DATE)).focus();
    h.run_steps(2);
    h.get_by_label(tr(labels::TITLE)).focus();
    h.run_steps(3);
    assert_eq!(h.state().session.doc().unwrap().text(), written);
    assert!(!h.state().session.is_dirty());
}

/// The image links of the open post, as `(alt, file name)`, in order.
fn links_in(h: &Harness<'_, DaybookApp>) -> Vec<(String, String)> {
    let text = &h.state().session.doc().unwrap().text();
    daybook::journal::links::scan_images(text)
        .into_iter()
        .filter(|i| i.target.contains("/trip/"))
        .map(|i| (i.alt, i.target.rsplit('/').next().unwrap().to_owned()))
        .collect()
}

#[test]
fn the_photos_window_shows_thumbnails_and_writes_the_choices_into_the_post() {
    let (dir, root) = site();
    let camera = crate::common::camera(
        dir.path(),
        &[
            ("IMG_0003.JPG", "2024:05:03 10:03:00", 64),
            ("IMG_0001.JPG", "2024:05:03 10:01:00", 66),
            ("IMG_0002.JPG", "2024:05:04 09:00:00", 68),
            ("IMG_0004.JPG", "2024:05:03 10:02:00", 70),
        ],
    );
    let mut h = harness(&root.join(FIRST));
    let text = h.state().session.doc().unwrap().text().to_owned();
    crate::common::select(&mut h, text.len()..text.len());
    h.run_steps(2);
    h.get_by_label(tr(labels::PHOTO_FOLDER)).focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(tr(labels::PHOTO_FOLDER)).type_text("trip");
    h.run_steps(2);
    // Dropped in file-manager order, linked in the order they were taken.
    drop_files(
        &mut h,
        &camera,
        &["IMG_0003.JPG", "IMG_0001.JPG", "IMG_0002.JPG"],
    );
    step_until(&mut h, "the first photos", |h| {
        h.state()
            .session
            .import
            .as_ref()
            .is_some_and(|b| b.written.is_some())
    });
    // Thumbnails are made on the worker threads: each shows once it is ready.
    step_until(&mut h, "the thumbnails", |h| {
        ["IMG_0001.JPG", "IMG_0002.JPG", "IMG_0003.JPG"]
            .iter()
            .all(|name| {
                h.query_by_label(&labels::of_photo(labels::PHOTO_THUMBNAIL, name))
                    .is_some()
            })
    });
    let names = |h: &Harness<'_, DaybookApp>| -> Vec<String> {
        links_in(h).into_iter().map(|(_, n)| n).collect()
    };
    assert_eq!(
        names(&h),
        [
            "2024-05-03-100100.jpg",
            "2024-05-03-100300.jpg",
            "2024-05-04-090000.jpg"
        ]
    );
    // No camera name as alt text: the title and the photo's number.
    assert!(
        links_in(&h)
            .iter()
            .all(|(alt, _)| alt.starts_with("부산 여행 첫 날")),
        "{:?}",
        links_in(&h)
    );
    // A photo dropped while the window is open joins the batch in its place.
    drop_files(&mut h, &camera, &["IMG_0004.JPG"]);
    step_until(&mut h, "the added photo", |h| names(h).len() == 4);
    assert_eq!(names(&h)[1], "2024-05-03-100200.jpg");
    // Untick one, move one, type an alt text and a caption, ask for day headings.
    h.get_by_label(&labels::of_photo(labels::PHOTO_INCLUDE, "IMG_0003.JPG"))
        .click();
    h.run_steps(2);
    assert!(!names(&h).contains(&"2024-05-03-100300.jpg".to_owned()));
    h.get_by_label(&labels::of_photo(labels::PHOTO_UP, "IMG_0004.JPG"))
        .click();
    h.run_steps(2);
    assert_eq!(names(&h)[0], "2024-05-03-100200.jpg", "moved up");
    let alt = labels::of_photo(labels::PHOTO_ALT, "IMG_0001.JPG");
    h.get_by_label(&alt).focus();
    h.get_by_label(&alt).type_text("해운대 일출");
    let caption = labels::of_photo(labels::PHOTO_CAPTION, "IMG_0002.JPG");
    h.get_by_label(&caption).focus();
    h.get_by_label(&caption).type_text("광안리 아침");
    h.get_by_label(tr(labels::PHOTOS_BY_DAY)).click();
    h.run_steps(3);
    let text = h.state().session.doc().unwrap().text().to_owned();
    assert!(
        text.contains(
            "## 5월 3일\n\n![부산 여행 첫 날: 해운대와 자갈치 6](/images/trip/2024-05-03-100200.jpg)\n\n![해운대 일출](/images/trip/2024-05-03-100100.jpg)\n\n## 5월 4일\n\n![부산 여행 첫 날: 해운대와 자갈치 8](/images/trip/2024-05-04-090000.jpg)\n*광안리 아침*\n"
        ),
        "{text}"
    );
    // Done: the unticked photo's copy goes again; the linked ones stay.
    h.get_by_label(tr(labels::PHOTOS_DONE)).click();
    h.run_steps(2);
    assert!(h.state().session.import.is_none());
    let folder = root.join("images/trip");
    assert!(!folder.join("2024-05-03-100300.jpg").exists());
    assert!(folder.join("2024-05-03-100100.jpg").is_file());
}

#[test]
fn the_status_bar_counts_the_page_and_the_outline_jumps_to_a_heading() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    step_until(&mut h, "the counts", |h| {
        crate::common::has_text(h, " min read")
    });
    let counts = h
        .query_all(By::new().predicate(|n| n.value().is_some_and(|v| v.contains(" min read"))))
        .next()
        .and_then(|n| n.value())
        .unwrap();
    let text = h.state().session.doc().unwrap().text().to_owned();
    // The sample post's body, counted as published (no front matter, no Markdown).
    assert!(
        counts.contains("characters") && counts.contains("min read"),
        "{counts}"
    );
    let words: usize = counts
        .split(" · ")
        .find(|p| p.ends_with(" words"))
        .and_then(|p| p.trim_end_matches(" words").replace(',', "").parse().ok())
        .unwrap();
    let raw_words = text.split_whitespace().count();
    assert!(words > 50 && words < raw_words, "{words} of {raw_words}");
    shows_text(&h, "Saved");
    // The outline lists the headings; a click puts the caret on one.
    // Through AccessKit: a click by position can land elsewhere when a panel grows that
    // frame (the problems panel as the spelling worker answers).
    h.get_by_label("자갈치 시장").click_accesskit();
    h.run_steps(2);
    let at = crate::common::selection(&h).1;
    assert!(
        text[at..].starts_with("# 자갈치 시장"),
        "{}",
        &text[at..at + 20]
    );
    let (line, _) = daybook::ui::status::line_and_column(&text, at);
    shows_text(&h, &format!("Ln {line}, Col 1"));
    h.get_by_label(tr(labels::EDITOR)).type_text("!");
    h.run_steps(2);
    shows_text(&h, "Unsaved changes");
}

#[test]
fn a_post_dropped_on_the_window_opens_and_sites_are_remembered() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(root.join(SECOND))));
    h.run_steps(3);
    assert!(open_path(&h).ends_with(SECOND), "the dropped post is open");
    assert!(h.state().session.import.is_none(), "a post is not a photo");
    assert_eq!(h.state().session.settings.recent_sites.first(), Some(&root));
}

#[test]
fn folding_the_front_matter_hides_it_in_the_editor_and_keeps_every_offset() {
    use daybook::ui::editor::foldable_prefix;
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let text = h.state().session.doc().unwrap().text().to_owned();
    let prefix = foldable_prefix(&text);
    assert!(text[..prefix].contains("title:") && prefix < text.len());
    h.get_by_label(tr(labels::FOLD_FRONT_MATTER)).click();
    h.run_steps(2);
    assert!(h.state().session.settings.fold_front_matter);
    // The editor's node reads the text on screen: the body from its start.
    let shown = h.get_by_label(tr(labels::EDITOR)).value().unwrap();
    assert!(
        !shown.is_empty() && text[prefix..].starts_with(&shown) && !shown.contains("title:"),
        "the editor shows the body only: {shown:?}"
    );
    shows_text(&h, "front matter:");
    // A jump lands on the same character as unfolded, and typing goes there.
    h.get_by_label("자갈치 시장").click();
    h.run_steps(2);
    let at = crate::common::selection(&h).1;
    assert!(text[at..].starts_with("# 자갈치 시장"));
    h.get_by_label(tr(labels::EDITOR)).type_text("!");
    h.run_steps(2);
    let typed = h.state().session.doc().unwrap().text().to_owned();
    assert_eq!(typed, format!("{}!{}", &text[..at], &text[at..]));
    let (line, _) = daybook::ui::status::line_and_column(&typed, at + 1);
    shows_text(&h, &format!("Ln {line}, Col 2"));
    // Unfolding keeps the caret on the same character.
    h.get_by_label(tr(labels::FOLD_FRONT_MATTER)).click();
    h.run_steps(2);
    assert!(!h.state().session.settings.fold_front_matter);
    assert_eq!(Some(crate::common::selection(&h).1), Some(at + 1));
    assert!(
        h.get_by_label(tr(labels::EDITOR))
            .value()
            .unwrap()
            .contains("title:")
    );
    // Folded again, a find that lands in the front matter unfolds it and selects there.
    h.get_by_label(tr(labels::FOLD_FRONT_MATTER)).click();
    h.run_steps(2);
    assert!(h.state().session.settings.fold_front_matter);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    // Ctrl+F focuses the find field.
    h.event(Event::Text("title:".into()));
    h.run_steps(1);
    h.get_by_label(tr("find-next")).click();
    h.run_steps(3);
    assert!(
        !h.state().session.settings.fold_front_matter,
        "a find in the front matter unfolds it"
    );
    let (anchor, head) = crate::common::selection(&h);
    assert_eq!(&typed[anchor.min(head)..anchor.max(head)], "title:");
}
