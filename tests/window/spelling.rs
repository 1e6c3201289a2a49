//! Spelling in the window (issue 24): misspelt words underlined from a worker, a right-click
//! offering suggestions best first (a choice is one undo step), Ignore and Add to the user's
//! word list, and the Settings switch. Needs Hunspell with the Korean and English
//! dictionaries (CI sets `DAYBOOK_REQUIRE_HUNSPELL`).

use crate::common::{step_until, step_until_state, write};
use daybook::app::DaybookApp;
use daybook::i18n::tr;
use daybook::settings::Settings;
use daybook::ui::labels;
use egui::{Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn hunspell_here() -> bool {
    let mut ok = daybook::site::hunspell::Speller::new().map(|mut s| s.has("ko") && s.has("en"));
    let here = matches!(ok.as_mut(), Ok(true));
    assert!(
        here || std::env::var_os("DAYBOOK_REQUIRE_HUNSPELL").is_none(),
        "Hunspell with ko and en dictionaries is required here"
    );
    here
}

/// A journal whose one post is `post`, open in the window (front matter folded); the temp
/// folder holds the journal and daybook's data folder (`data/`).
fn open(post: &str) -> (tempfile::TempDir, Harness<'static, DaybookApp>) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    write(&root, "_config.yml", "title: t\n");
    write(&root, "_posts/2024-05-06-a.md", post);
    let h = crate::common::app(
        &root.join("_posts/2024-05-06-a.md"),
        &dir.path().join("data"),
        Settings {
            fold_front_matter: true,
            ..Settings::default()
        },
        [1200.0, 800.0],
    );
    (dir, h)
}

fn words(h: &Harness<'_, DaybookApp>) -> Vec<String> {
    h.state()
        .spelling_words()
        .0
        .into_iter()
        .map(|w| w.word)
        .collect()
}

/// Right-click the first word of the editor's first line.
fn right_click_first_word(h: &mut Harness<'_, DaybookApp>) {
    let rect = h.get_by_label(tr(labels::EDITOR)).rect();
    let pos = rect.min + egui::vec2(12.0, 12.0);
    h.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::default(),
        });
    }
    h.run_steps(2);
}

/// Put the caret in the editor's first line.
fn click_first_line(h: &mut Harness<'_, DaybookApp>) {
    let pos = h.get_by_label(tr(labels::EDITOR)).rect().min + egui::vec2(6.0, 12.0);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::default(),
        });
    }
    h.run_steps(2);
}

use crate::common::doc_text as text;

#[test]
fn misspelt_words_are_underlined_and_a_right_click_corrects_ignores_or_adds_them() {
    if !hunspell_here() {
        return;
    }
    let body = "recieve 사진을 찍었다 됬다.\n\n`teh` {{ page.definately }} <b class=\"recieve\">좋다</b>\n";
    let (dir, mut h) = open(&format!("---\ntitle: 맞춤법\ndefinately: 1\n---\n{body}"));
    step_until(&mut h, "the words checked", |h| {
        h.state().spelling_words().1
    });
    assert_eq!(words(&h), ["recieve", "됬다"]);
    // The menu: suggestions best first; a choice is one undo step.
    right_click_first_word(&mut h);
    step_until(&mut h, "the suggestions", |h| {
        h.query_by_label("receive").is_some()
    });
    h.get_by_label("receive").click();
    h.run_steps(2);
    assert!(text(&h).contains("\nreceive 사진을"), "{}", text(&h));
    step_until(&mut h, "the corrected word checked", |h| {
        h.state().spelling_words().1 && words(h) == ["됬다"]
    });
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(text(&h).contains("\nrecieve 사진을"));
    // Add to my dictionary: written to the data folder's list, and no longer underlined.
    step_until(&mut h, "the word underlined again", |h| words(h).len() == 2);
    right_click_first_word(&mut h);
    h.get_by_label(tr(labels::ADD_WORD)).click();
    h.run_steps(2);
    let list = std::fs::read_to_string(dir.path().join("data/words.txt")).unwrap();
    assert_eq!(list, "recieve\n");
    step_until(&mut h, "the added word accepted", |h| {
        h.state().spelling_words().1 && words(h) == ["됬다"]
    });
    // Ignore in this post: typed first on the line, right-clicked, ignored.
    click_first_line(&mut h);
    h.key_press(Key::Home);
    h.get_by_label(tr(labels::EDITOR)).type_text("몇일 ");
    step_until(&mut h, "the typed word checked", |h| {
        h.state().spelling_words().1 && words(h) == ["몇일", "됬다"]
    });
    right_click_first_word(&mut h);
    h.get_by_label(tr(labels::IGNORE_WORD)).click();
    h.run_steps(2);
    step_until(&mut h, "the ignored word accepted", |h| {
        h.state().spelling_words().1 && words(h) == ["됬다"]
    });
    // The Settings switch turns it off.
    let mut settings = h.state().session.settings.clone();
    settings.spelling = false;
    h.state_mut().session.settings = settings;
    h.run_steps(3);
    assert!(words(&h).is_empty());
}

#[test]
fn the_problems_panel_lists_misspelt_words_behind_a_filter() {
    if !hunspell_here() {
        return;
    }
    let (_dir, mut h) = open("---\ntitle: t\nlayout: post\n---\n비가 와서 잘 됬다.\n");
    step_until_state(&mut h, "the words checked", |s| s.spelling_words().1);
    step_until(&mut h, "the spelling row", |h| {
        crate::common::has_text(h, "`됬다` may be misspelt")
    });
    h.get_by_label_contains(tr(labels::SPELLING_PROBLEMS))
        .click();
    step_until(&mut h, "the rows hidden", |h| {
        !crate::common::has_text(h, "`됬다` may be misspelt")
    });
    assert!(!h.state().session.settings.show_spelling_problems);
}

/// Typing before underlined words draws them where they stand in that very frame (the
/// words placed before the frame's own typing are checked against the text, never sliced
/// inside a character).
#[test]
fn typing_before_underlined_hangul_never_slices_a_character() {
    if !hunspell_here() {
        return;
    }
    let (_dir, mut h) = open("---\ntitle: t\n---\n됬다 됬다 됬다\n");
    step_until(&mut h, "the words checked", |h| {
        h.state().spelling_words().1
    });
    assert_eq!(words(&h), ["됬다", "됬다", "됬다"]);
    click_first_line(&mut h);
    h.key_press(Key::Home);
    for _ in 0..5 {
        h.event(egui::Event::Text("가".to_owned()));
        h.step();
    }
    assert!(text(&h).contains("가가가가가됬다 됬다"), "{}", text(&h));
    step_until(&mut h, "the words checked again", |h| {
        h.state().spelling_words().1 && words(h).len() >= 2
    });
}
