//! `egui_kittest` tests of the real window on a temp copy of the sample journal (issue 3).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{shows_text, step_until};
use daybook::i18n::tr;

use std::path::{Path, PathBuf};

use daybook::app::{DaybookApp, sample};
use daybook::settings::Settings;
use daybook::ui::labels;
use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};

const FIRST: &str = "_posts/2024-05-03-부산-여행-첫-날.md";
const SECOND: &str = "_posts/2024-05-04-부산-여행-둘째-날.md";

fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = sample::install(&dir.path().join("journal")).unwrap();
    (dir, root)
}

fn harness(open: &Path) -> Harness<'static, DaybookApp> {
    harness_sized(open, [1400.0, 900.0])
}

/// The test's own data folder (recovery files), beside its journal.
fn data_dir(open: &Path) -> PathBuf {
    let journal = open.ancestors().find(|a| a.ends_with("journal")).unwrap();
    journal.parent().unwrap().join("data")
}

fn harness_sized(open: &Path, size: [f32; 2]) -> Harness<'static, DaybookApp> {
    common::app(open, &data_dir(open), Settings::default(), size)
}

fn open_path(h: &Harness<'_, DaybookApp>) -> PathBuf {
    h.state().session.doc().unwrap().path.clone()
}

#[test]
fn selecting_a_post_in_the_sidebar_opens_it() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    assert!(open_path(&h).ends_with(FIRST));
    h.get_by_label_contains("부산 여행 둘째 날: 감천문화마을")
        .click();
    h.run_steps(3);
    assert!(open_path(&h).ends_with(SECOND));
    // The form shows the post's fields, Korean included.
    assert_eq!(
        h.get_by_label(tr(labels::TITLE)).value().as_deref(),
        Some("부산 여행 둘째 날: 감천문화마을")
    );
    assert_eq!(
        h.get_by_label(tr(labels::CATEGORIES)).value().as_deref(),
        Some("부산 여행 2일차")
    );
}

#[test]
fn hangul_typed_through_ime_appears_once_in_editor_and_preview() {
    let (_d, root) = site();
    let mut h = harness(&root.join(SECOND));
    h.get_by_label(tr(labels::EDITOR)).focus();
    h.run_steps(2);
    for pre in ["ㅎ", "하", "한"] {
        h.event(Event::Ime(ImeEvent::Preedit {
            text: pre.to_owned(),
            active_range_chars: None,
        }));
        h.run_steps(1);
    }
    h.event(Event::Ime(ImeEvent::Commit("한".to_owned())));
    h.run_steps(3);
    let text = h.state().session.doc().unwrap().text.clone();
    let before = std::fs::read_to_string(root.join(SECOND)).unwrap();
    assert_eq!(
        text.matches('한').count(),
        before.matches('한').count() + 1,
        "one 한 added"
    );
    assert!(
        !text.contains('ㅎ') && !text.contains("하한"),
        "no leftover composition"
    );
    step_until(&mut h, "the preview", |h| h.state().preview_is_current());
    let preview = h.state().preview_html();
    assert_eq!(
        preview.matches('한').count(),
        text[text.find("\n---\n").unwrap() + 5..]
            .matches('한')
            .count()
    );
    assert!(h.state().session.is_dirty());
}

#[test]
fn editing_the_title_in_the_form_changes_only_that_line_on_save() {
    let (_d, root) = site();
    let path = root.join(FIRST);
    let before = std::fs::read_to_string(&path).unwrap();
    let mut h = harness(&path);
    let title = h.get_by_label(tr(labels::TITLE));
    title.focus();
    title.type_text(" (수정)");
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    let after = std::fs::read_to_string(&path).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(
        changed[0].1,
        "title:  \"부산 여행 첫 날: 해운대와 자갈치 (수정)\""
    );
    assert_eq!(before.lines().count(), after.lines().count());
    assert!(!h.state().session.is_dirty());
}

#[test]
fn a_post_created_through_the_dialog_gets_the_expected_file_and_opens() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    h.get_by_label(tr(labels::NEW_TITLE)).focus();
    h.get_by_label(tr(labels::NEW_TITLE))
        .type_text("광안리 야경 #2");
    h.run_steps(1);
    let date = h.get_by_label(tr(labels::NEW_DATE));
    date.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    date.type_text("2024-05-05 21:00");
    h.get_by_label(tr(labels::NEW_CATEGORIES)).focus();
    h.get_by_label(tr(labels::NEW_CATEGORIES))
        .type_text("부산 야경");
    h.run_steps(2);
    // The dialog shows the file name and URL before creating.
    shows_text(&h, "File: _posts/2024-05-05-광안리-야경-2.md");
    shows_text(&h, "URL: /부산/야경/2024/05/05/광안리-야경-2.html");
    h.get_by_label("Create").click();
    h.run_steps(3);
    let expected = root.join("_posts/2024-05-05-광안리-야경-2.md");
    assert!(expected.is_file());
    assert_eq!(open_path(&h), expected);
    let text = std::fs::read_to_string(&expected).unwrap();
    assert!(text.contains("date: 2024-05-05 21:00:00 +0900\n"), "{text}");
    // The post list is read again on a worker.
    step_until(&mut h, "the new post in the list", |h| {
        h.state().session.posts.iter().any(|p| p.path == expected)
    });
}

#[test]
fn preview_shows_spaced_images_and_boxes_for_missing_ones() {
    let (_d, root) = site();
    // Tall enough that the whole post is inside the preview's visible part.
    let mut h = harness_sized(&root.join(FIRST), [1400.0, 4000.0]);
    step_until(&mut h, "the preview", |h| h.state().preview_is_current());
    h.run_steps(2);
    let html = h.state().preview_html();
    assert!(
        html.contains("<img src=\"/images/busan2024/2024-05-03 10.12.40.jpg\""),
        "{html}"
    );
    shows_text(&h, "부산 여행 첫 날: 해운대와 자갈치");
    shows_text(&h, "🖼 missing image: /images/busan2024/-05-03 18.10.44.jpg");
    // Photos decode on worker threads and then show as textures: the three photos and the
    // PNG, each at least its pixel size in RGBA.
    let at_least = (480 * 320 * 2 + 240 * 320 + 360 * 240) * 4;
    step_until(&mut h, "photos to show", |h| {
        let textures = h
            .ctx
            .loaders()
            .texture
            .lock()
            .iter()
            .map(|l| l.byte_size())
            .sum::<usize>();
        textures >= at_least
    });
}

#[test]
fn switching_posts_with_unsaved_changes_asks_first() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.get_by_label(tr(labels::EDITOR)).focus();
    h.get_by_label(tr(labels::EDITOR)).type_text("새 문장.");
    h.run_steps(2);
    assert!(h.state().session.is_dirty());
    h.get_by_label_contains("부산 여행 둘째 날").click();
    h.run_steps(3);
    assert!(h.state().session.is_prompting());
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Cancel")
        .click();
    h.run_steps(3);
    assert!(open_path(&h).ends_with(FIRST) && h.state().session.is_dirty());
    h.get_by_label_contains("부산 여행 둘째 날").click();
    h.run_steps(3);
    h.get_by_label("Discard changes").click();
    h.run_steps(3);
    assert!(open_path(&h).ends_with(SECOND));
    assert!(
        !std::fs::read_to_string(root.join(FIRST))
            .unwrap()
            .contains("새 문장.")
    );
}

#[test]
fn scrolling_the_editor_scrolls_the_preview_with_it() {
    let (_d, root) = site();
    let mut h = harness_sized(&root.join(FIRST), [1400.0, 600.0]);
    h.run_steps(3);
    assert!(h.state().preview_offset() < 1.0);
    for _ in 0..6 {
        h.get_by_label(tr(labels::EDITOR)).scroll_down();
        h.run_steps(2);
    }
    h.run_steps(3);
    assert!(
        h.state().preview_offset() > 100.0,
        "preview at {}",
        h.state().preview_offset()
    );
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.get_by_label(tr(labels::EDITOR)).focus();
    h.get_by_label(tr(labels::EDITOR)).type_text("닫기 전에");
    h.run_steps(2);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(3);
    assert!(h.state().session.is_prompting());
    h.get_by_label("Save changes").click();
    h.run_steps(3);
    assert!(!h.state().session.is_prompting());
    let saved = std::fs::read_to_string(root.join(FIRST)).unwrap();
    assert!(saved.contains("닫기 전에"));
}

#[test]
fn backspace_while_composing_edits_only_the_composing_syllable() {
    let (_d, root) = site();
    let mut h = harness(&root.join(SECOND));
    h.get_by_label(tr(labels::TITLE)).focus();
    h.key_press(Key::End);
    h.run_steps(2);
    // 한 → (backspace) 하 → 학, committed once.
    for pre in ["ㅎ", "하", "한", "하", "학"] {
        h.event(Event::Ime(ImeEvent::Preedit {
            text: pre.to_owned(),
            active_range_chars: None,
        }));
        h.run_steps(1);
    }
    h.event(Event::Ime(ImeEvent::Commit("학".to_owned())));
    h.run_steps(3);
    assert_eq!(
        h.get_by_label(tr(labels::TITLE)).value().as_deref(),
        Some("부산 여행 둘째 날: 감천문화마을학")
    );
    let text = &h.state().session.doc().unwrap().text;
    assert!(
        text.contains("title:  \"부산 여행 둘째 날: 감천문화마을학\"\n"),
        "{text}"
    );
}

#[test]
fn switching_fields_mid_composition_keeps_the_syllable_once() {
    let (_d, root) = site();
    let mut h = harness(&root.join(SECOND));
    h.get_by_label(tr(labels::TITLE)).focus();
    h.key_press(Key::End);
    h.run_steps(2);
    h.event(Event::Ime(ImeEvent::Preedit {
        text: "한".to_owned(),
        active_range_chars: None,
    }));
    h.run_steps(2);
    // The user clicks into the editor; the IME then commits what was composing.
    h.get_by_label(tr(labels::EDITOR)).click();
    h.run_steps(1);
    h.event(Event::Ime(ImeEvent::Commit("한".to_owned())));
    h.run_steps(3);
    let title = h
        .get_by_label(tr(labels::TITLE))
        .value()
        .unwrap_or_default();
    let text = h.state().session.doc().unwrap().text.clone();
    let added = text.matches('한').count()
        - std::fs::read_to_string(root.join(SECOND))
            .unwrap()
            .matches('한')
            .count();
    assert_eq!(
        added, 1,
        "the syllable lands exactly once (title {title:?})"
    );
    assert_eq!(
        title, "부산 여행 둘째 날: 감천문화마을한",
        "kept where it was typed"
    );
}

#[test]
fn the_problems_panel_lists_jumps_and_fixes_undoably() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let problems = h.state().session.post_problems().to_vec();
    let missing = problems
        .iter()
        .find(|p| p.rule == "missing-image")
        .expect("the broken photo is reported");
    assert!(
        missing.message.contains("-05-03 18.10.44.jpg"),
        "{}",
        missing.message
    );
    shows_text(&h, &missing.message);
    // Clicking the place selects the line in the editor.
    let place = format!("{}:{}", missing.path, missing.line);
    // (A line may have several problems; each link goes to the same line.)
    h.query_all_by_label(&place).next().unwrap().click();
    h.run_steps(3);
    let state = egui::TextEdit::load_state(&h.ctx, daybook::ui::editor::editor_id()).unwrap();
    let range = state.cursor.char_range().unwrap();
    let text = h.state().session.doc().unwrap().text.clone();
    let selected: String = text
        .chars()
        .skip(range.primary.index.0.min(range.secondary.index.0))
        .take(range.primary.index.0.abs_diff(range.secondary.index.0))
        .collect();
    assert_eq!(
        selected,
        "![시장 입구](/images/busan2024/-05-03 18.10.44.jpg)"
    );
    // A fix is one click and one undo step.
    h.query_all_by_label("Wrap the path in <…>")
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    let fixed = h.state().session.doc().unwrap().text.clone();
    assert!(
        fixed.contains("![해운대 바다](</images/busan2024/2024-05-03 10.12.40.jpg>)"),
        "{fixed}"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().session.doc().unwrap().text, text);
}

#[test]
fn checking_the_whole_site_finds_problems_in_other_posts_and_jumps_there() {
    let (_d, root) = site();
    // Tall enough that the problems panel shows the whole site's list.
    let mut h = harness_sized(&root.join(FIRST), [1400.0, 2400.0]);
    h.get_by_label(tr(labels::CHECK_SITE)).click();
    step_until(&mut h, "the site check", |h| {
        h.state().session.site_problems().is_some()
    });
    let site = h.state().session.site_problems().unwrap().to_vec();
    let other = site
        .iter()
        .find(|p| p.rule == "missing-image" && p.path.ends_with("둘째-날.md"))
        .expect("the second post's relative image");
    assert!(
        other.message.contains("relative to the post's URL"),
        "{}",
        other.message
    );
    h.run_steps(2);
    let place = format!("{}:{}", other.path, other.line);
    h.query_all_by_label(&place).next().unwrap().click();
    h.run_steps(3);
    assert!(open_path(&h).ends_with(SECOND));
}

/// A file dropped on the window, as winit hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_photos_are_copied_and_linked_at_the_cursor_in_one_undo_step() {
    let (dir, root) = site();
    let camera = dir.path().join("camera");
    std::fs::create_dir_all(&camera).unwrap();
    std::fs::write(
        camera.join("2016-11-07 10.29.43.jpg"),
        common::phone_jpeg(64, 32, "2016:11:07 10:29:43"),
    )
    .unwrap();
    let mut png = Vec::new();
    image::RgbImage::from_pixel(20, 10, image::Rgb([1, 2, 3]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    std::fs::write(camera.join("해운대 바다.png"), png).unwrap();
    std::fs::write(camera.join("메모.txt"), "not a photo").unwrap();

    let mut h = harness(&root.join(FIRST));
    let before = h.state().session.doc().unwrap().text.clone();
    // The cursor sits at the end of the "# 해운대" heading line.
    let at = before.find("# 해운대").unwrap() + "# 해운대".len();
    daybook::ui::editor::select(&h.ctx, &before, at..at);
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
    let after = h.state().session.doc().unwrap().text.clone();
    // A camera's file name is no alt text: the title and the photo's number stand in.
    let want = "# 해운대\n\n![부산 여행 첫 날: 해운대와 자갈치 6](/images/busan2024/2016-11-07-102943.jpg)\n\n![해운대 바다](/images/busan2024/해운대-바다.png)\n\n바다부터";
    assert!(after.contains(want), "{after}");
    let batch = h.state().session.import.as_ref().unwrap();
    assert_eq!(batch.failures().count(), 1, "the text file is refused");
    shows_text(&h, "Done: 2 linked (0 already there), 1 failed");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().session.doc().unwrap().text,
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
            .is_some_and(|d| d.text.contains("2024-05-03-10.12.40.jpg"))
    });
    let renamed = root.join("images/busan2024/2024-05-03-10.12.40.jpg");
    assert!(
        renamed.is_file()
            && !root
                .join("images/busan2024/2024-05-03 10.12.40.jpg")
                .exists()
    );
    let text = h.state().session.doc().unwrap().text.clone();
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
    assert_eq!(h.state().session.doc().unwrap().text, written);
    assert!(!h.state().session.is_dirty());
}

/// Drop `names` from `camera` on the window.
fn drop_files(h: &mut Harness<'_, DaybookApp>, camera: &Path, names: &[&str]) {
    for name in names {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(camera.join(name))));
    }
}

/// The image links of the open post, as `(alt, file name)`, in order.
fn links_in(h: &Harness<'_, DaybookApp>) -> Vec<(String, String)> {
    let text = &h.state().session.doc().unwrap().text;
    daybook::journal::links::scan_images(text)
        .into_iter()
        .filter(|i| i.target.contains("/trip/"))
        .map(|i| (i.alt, i.target.rsplit('/').next().unwrap().to_owned()))
        .collect()
}

#[test]
fn the_photos_window_shows_thumbnails_and_writes_the_choices_into_the_post() {
    let (dir, root) = site();
    let camera = dir.path().join("camera");
    std::fs::create_dir_all(&camera).unwrap();
    for (name, time, width) in [
        ("IMG_0003.JPG", "2024:05:03 10:03:00", 64),
        ("IMG_0001.JPG", "2024:05:03 10:01:00", 66),
        ("IMG_0002.JPG", "2024:05:04 09:00:00", 68),
        ("IMG_0004.JPG", "2024:05:03 10:02:00", 70),
    ] {
        std::fs::write(camera.join(name), common::phone_jpeg(width, 32, time)).unwrap();
    }
    let mut h = harness(&root.join(FIRST));
    let text = h.state().session.doc().unwrap().text.clone();
    daybook::ui::editor::select(&h.ctx, &text, text.len()..text.len());
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
    for name in ["IMG_0001.JPG", "IMG_0002.JPG", "IMG_0003.JPG"] {
        h.get_by_label(&labels::of_photo(labels::PHOTO_THUMBNAIL, name));
    }
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
    let text = h.state().session.doc().unwrap().text.clone();
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
    step_until(&mut h, "the counts", |h| common::has_text(h, " min read"));
    let counts = h
        .query_all(By::new().predicate(|n| n.value().is_some_and(|v| v.contains(" min read"))))
        .next()
        .and_then(|n| n.value())
        .unwrap();
    let text = h.state().session.doc().unwrap().text.clone();
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
    h.get_by_label("자갈치 시장").click();
    h.run_steps(2);
    let at = daybook::ui::editor::cursor_byte(&h.ctx, &text).unwrap();
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
    use daybook::ui::editor::{cursor_byte, foldable_prefix};
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let text = h.state().session.doc().unwrap().text.clone();
    let prefix = foldable_prefix(&text);
    assert!(text[..prefix].contains("title:") && prefix < text.len());
    h.get_by_label(tr(labels::FOLD_FRONT_MATTER)).click();
    h.run_steps(2);
    assert!(h.state().session.settings.fold_front_matter);
    let shown = h.get_by_label(tr(labels::EDITOR)).value().unwrap();
    assert_eq!(shown, text[prefix..], "the editor shows the body only");
    shows_text(&h, "front matter:");
    // A jump lands on the same character as unfolded, and typing goes there.
    h.get_by_label("자갈치 시장").click();
    h.run_steps(2);
    let at = cursor_byte(&h.ctx, &text).unwrap();
    assert!(text[at..].starts_with("# 자갈치 시장"));
    h.get_by_label(tr(labels::EDITOR)).type_text("!");
    h.run_steps(2);
    let typed = h.state().session.doc().unwrap().text.clone();
    assert_eq!(typed, format!("{}!{}", &text[..at], &text[at..]));
    let (line, _) = daybook::ui::status::line_and_column(&typed, at + 1);
    shows_text(&h, &format!("Ln {line}, Col 2"));
    // Unfolding keeps the caret on the same character.
    h.get_by_label(tr(labels::FOLD_FRONT_MATTER)).click();
    h.run_steps(2);
    assert!(!h.state().session.settings.fold_front_matter);
    assert_eq!(cursor_byte(&h.ctx, &typed), Some(at + 1));
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
    let state = egui::TextEdit::load_state(&h.ctx, daybook::ui::editor::editor_id()).unwrap();
    let range = state.cursor.char_range().unwrap();
    let from = range.primary.index.0.min(range.secondary.index.0);
    let selected: String = typed.chars().skip(from).take(6).collect();
    assert_eq!(selected, "title:");
}
