//! The window on the sample journal: opening posts, typing (Hangul through an input
//! method), the form, new posts, the preview and scrolling, unsaved-changes prompts,
//! the problems panel.

use crate::common::{shows_text, step_until};
use crate::{FIRST, SECOND, harness, harness_sized, open_path, site};
use daybook::i18n::tr;
use daybook::ui::labels;
use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::kittest::Queryable;

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
    let text = h.state().session.doc().unwrap().text().to_owned();
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
        h.state().session.posts().iter().any(|p| p.path == expected)
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
    let text = &h.state().session.doc().unwrap().text();
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
    let text = h.state().session.doc().unwrap().text().to_owned();
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
        missing.message.to_string().contains("-05-03 18.10.44.jpg"),
        "{}",
        missing.message
    );
    shows_text(&h, &missing.message.to_string());
    // Clicking the place selects the line in the editor.
    let place = format!("{}:{}", missing.path, missing.line);
    // (A line may have several problems; each link goes to the same line.)
    h.query_all_by_label(&place).next().unwrap().click();
    h.run_steps(3);
    let (anchor, head) = crate::common::selection(&h);
    let text = h.state().session.doc().unwrap().text().to_owned();
    let selected = &text[anchor.min(head)..anchor.max(head)];
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
    let fixed = h.state().session.doc().unwrap().text().to_owned();
    assert!(
        fixed.contains("![해운대 바다](</images/busan2024/2024-05-03 10.12.40.jpg>)"),
        "{fixed}"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().session.doc().unwrap().text(), text);
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
        other
            .message
            .to_string()
            .contains("relative to the post's URL"),
        "{}",
        other.message
    );
    h.run_steps(2);
    let place = format!("{}:{}", other.path, other.line);
    h.query_all_by_label(&place).next().unwrap().click();
    h.run_steps(3);
    assert!(open_path(&h).ends_with(SECOND));
}

#[test]
fn a_wait_that_times_out_leaves_a_screenshot_of_the_window() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let started = std::time::Instant::now();
    let path = crate::common::save_screenshot(&mut h, "screenshot check");
    let took = started.elapsed();
    let image = image::open(&path).unwrap().to_rgba8();
    assert_eq!(image.dimensions(), (1400, 900));
    // Not a blank: panels, text and the preview's photos are drawn in many colours, and
    // the toolbar's row has text on it.
    let colours: std::collections::HashSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    assert!(colours.len() > 100, "{} colours in {path}", colours.len());
    let toolbar: std::collections::HashSet<[u8; 4]> =
        (0..600).map(|x| image.get_pixel(x, 10).0).collect();
    assert!(toolbar.len() > 5, "the toolbar row is blank in {path}");
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
}

/// What eframe would write to disk, in memory.
#[derive(Default)]
struct Storage {
    values: std::collections::HashMap<String, String>,
    flushed: usize,
}

impl eframe::Storage for Storage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.values.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.values.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.values.remove(key);
    }
    fn flush(&mut self) {
        self.flushed += 1;
    }
}

/// A changed setting is written at once (a daybook killed before its next 30 s autosave
/// asked again whether to run the site's Jekyll), once, and not while a drag goes on.
#[test]
fn a_changed_setting_is_written_at_once() {
    use daybook::settings::{KEY, ViewMode};
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    let mut storage = Storage::default();
    // Opening the post changed the settings (the last site and post): written.
    h.state_mut().persist_settings(&mut storage, false);
    let opened = storage.flushed;
    h.state_mut().persist_settings(&mut storage, false);
    assert_eq!(storage.flushed, opened, "nothing changed since");
    h.get_by_label(tr("view-preview")).click();
    h.run_steps(2);
    h.state_mut().persist_settings(&mut storage, true);
    assert_eq!(storage.flushed, opened, "not while the pointer is down");
    h.state_mut().persist_settings(&mut storage, false);
    assert_eq!(storage.flushed, opened + 1);
    let written: daybook::settings::Settings =
        eframe::get_value(&storage, KEY).expect("the settings were written");
    assert_eq!(written.view, ViewMode::PreviewOnly);
    h.state_mut().persist_settings(&mut storage, false);
    assert_eq!(storage.flushed, opened + 1, "written once");
}
