//! The Photos window's choices for the web (issue 25): photos added after choosing WebP
//! become WebP, and the batch goes in as one gallery whose `<img>` tags carry their size.

use crate::common::step_until;
use crate::{FIRST, drop_files, harness, site};
use daybook::i18n::tr;
use egui_kittest::kittest::Queryable;

#[test]
fn photos_added_as_webp_go_in_as_one_gallery() {
    let (dir, root) = site();
    let camera = crate::common::camera(
        dir.path(),
        &[
            ("IMG_0001.JPG", "2024:05:03 10:01:00", 64),
            ("IMG_0002.JPG", "2024:05:03 10:02:00", 66),
        ],
    );
    let mut h = harness(&root.join(FIRST));
    let batch_done = |h: &egui_kittest::Harness<'_, daybook::app::DaybookApp>, n: usize| {
        h.state()
            .session
            .import
            .as_ref()
            .is_some_and(|b| b.items.len() == n && b.finished() && b.written.is_some())
    };
    drop_files(&mut h, &camera, &["IMG_0001.JPG"]);
    step_until(&mut h, "the first photo", |h| batch_done(h, 1));
    h.get_by_label(tr("photo-format-webp")).click();
    h.run_steps(2);
    drop_files(&mut h, &camera, &["IMG_0002.JPG"]);
    step_until(&mut h, "the second photo", |h| batch_done(h, 2));
    h.get_by_label(tr("insert-as-gallery")).click();
    step_until(&mut h, "the gallery in the post", |h| {
        h.state()
            .session
            .doc()
            .is_some_and(|d| d.text().contains("<div class=\"daybook-gallery\">"))
    });
    let text = h.state().session.doc().unwrap().text().to_owned();
    let gallery = &text[text.find("<div class=\"daybook-gallery\">").unwrap()..];
    assert_eq!(gallery.matches("<img ").count(), 2, "{gallery}");
    assert_eq!(
        gallery.matches(".jpg\"").count(),
        1,
        "the first photo stays JPEG"
    );
    assert_eq!(
        gallery.matches(".webp\"").count(),
        1,
        "the one added after is WebP"
    );
    assert_eq!(gallery.matches("height=\"").count(), 2);
    assert_eq!(gallery.matches("loading=\"lazy\"").count(), 2);
    assert_eq!(
        h.state().session.settings.import.format,
        daybook::site::photos::PhotoFormat::Webp
    );
}

#[test]
fn the_photos_window_writes_a_gallery_for_the_site_s_own_include_or_daybook_s() {
    let (dir, root) = site();
    crate::common::copy_include(&root, "slider.html");
    let camera = crate::common::camera(dir.path(), &[("IMG_0001.JPG", "2024:05:03 10:01:00", 64)]);
    let mut h = harness(&root.join(FIRST));
    drop_files(&mut h, &camera, &["IMG_0001.JPG"]);
    step_until(&mut h, "the photo", |h| {
        h.state()
            .session
            .import
            .as_ref()
            .is_some_and(|b| b.finished() && b.written.is_some())
    });
    h.get_by_label(tr("insert-as-gallery")).click();
    let text_has = |h: &egui_kittest::Harness<'_, daybook::app::DaybookApp>, s: &str| {
        h.state()
            .session
            .doc()
            .is_some_and(|d| d.text().contains(s))
    };
    step_until(&mut h, "the site's gallery", |h| {
        text_has(h, "{% include slider.html images=\"")
    });
    // The choice of gallery shows from the next frame on.
    h.run_steps(2);
    h.get_by_label(tr("gallery-plain")).click();
    step_until(&mut h, "daybook's gallery", |h| {
        text_has(h, "<div class=\"daybook-gallery\">") && !text_has(h, "{% include slider.html")
    });
}

#[test]
fn a_front_matter_gallery_keeps_its_list_in_step_with_the_window() {
    let (dir, root) = site();
    crate::common::copy_include(&root, "gallery.html");
    let camera = crate::common::camera(
        dir.path(),
        &[
            ("IMG_0001.JPG", "2024:05:03 10:01:00", 64),
            ("IMG_0002.JPG", "2024:05:03 10:02:00", 66),
        ],
    );
    let mut h = harness(&root.join(FIRST));
    drop_files(&mut h, &camera, &["IMG_0001.JPG", "IMG_0002.JPG"]);
    step_until(&mut h, "the photos", |h| {
        h.state()
            .session
            .import
            .as_ref()
            .is_some_and(|b| b.finished() && b.written.is_some())
    });
    h.get_by_label(tr("insert-as-gallery")).click();
    let text = |h: &egui_kittest::Harness<'_, daybook::app::DaybookApp>| {
        h.state()
            .session
            .doc()
            .map(|d| d.text().to_owned())
            .unwrap_or_default()
    };
    step_until(&mut h, "the gallery's list in the front matter", |h| {
        text(h).contains("{% include gallery.html %}")
    });
    let written = text(&h);
    let fm = daybook::journal::front_matter::FrontMatter::parse(&written).unwrap();
    assert!(fm.get("gallery").is_some(), "{written}");
    assert_eq!(
        written.matches("    image_path: \"/images/").count(),
        2,
        "{written}"
    );
    // Refused for daybook's HTML: the list leaves the front matter with the tag.
    h.run_steps(2);
    h.get_by_label(tr("gallery-plain")).click();
    step_until(&mut h, "daybook's gallery", |h| {
        text(h).contains("<div class=\"daybook-gallery\">")
    });
    let plain = text(&h);
    assert!(
        !plain.contains("image_path:") && !plain.contains("{% include gallery.html"),
        "{plain}"
    );
}
