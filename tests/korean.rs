//! The window and the command line in Korean (issue 13). A test binary of its own: the
//! language is one per process, and the other window tests speak English.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use common::{has_text, shows_text, step_until};
use daybook::app::sample;
use daybook::i18n::{Language, LanguageChoice, SOURCES};
use daybook::settings::Settings;
use egui_kittest::kittest::{By, NodeT, Queryable};

const FIRST: &str = daybook::site::sample::WELCOME_POST;

/// Every English message without arguments, where Korean says it differently: none of
/// these may show in a Korean window.
fn english_only_texts() -> Vec<String> {
    let words = |source: &str| -> Vec<(String, String)> {
        source
            .lines()
            .filter_map(|l| l.split_once(" = "))
            .filter(|(id, value)| {
                !id.starts_with([' ', '#']) && !value.contains('{') && !value.is_empty()
            })
            .map(|(id, value)| (id.to_owned(), value.to_owned()))
            .collect()
    };
    let korean = words(SOURCES[1].1);
    words(SOURCES[0].1)
        .into_iter()
        .filter(|(id, en)| {
            en.chars().count() >= 4 && korean.iter().any(|(k, ko)| k == id && ko != en)
        })
        .map(|(_, en)| en)
        .collect()
}

/// The texts the window shows (labels and values).
fn window_texts(h: &egui_kittest::Harness<'_, daybook::app::DaybookApp>) -> Vec<String> {
    h.query_all(By::new().predicate(|n| n.value().is_some() || n.label().is_some()))
        .flat_map(|n| {
            let node = n.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .collect()
}

#[test]
fn the_window_speaks_korean_and_switches_language_from_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let root = sample::install(&dir.path().join("journal")).unwrap();
    let settings = Settings {
        language: LanguageChoice::Use(Language::Korean),
        ..Settings::default()
    };
    let mut h = common::app(
        &root.join(FIRST),
        &dir.path().join("data"),
        settings,
        [1500.0, 950.0],
    );
    step_until(&mut h, "the post's problems in Korean", |h| {
        has_text(h, "이미지가 보이지 않습니다")
    });
    // The toolbar, the form, the editor and the status bar, by their Korean names.
    for label in [
        "새 글",
        "저장",
        "찾기",
        "설정",
        "최근 사이트",
        "글 본문",
        "제목",
    ] {
        h.get_by_label(label);
    }
    for text in ["문제 (", "어절", "저장됨", "머리말", "개요"] {
        shows_text(&h, text);
    }
    // Nothing in English that has a Korean wording.
    let english = english_only_texts();
    assert!(english.len() > 100, "only {} English texts", english.len());
    let shown = window_texts(&h);
    let untranslated: Vec<&String> = shown
        .iter()
        .filter(|t| english.iter().any(|e| *t == e))
        .collect();
    assert!(
        untranslated.is_empty(),
        "English in the Korean window: {untranslated:?}"
    );

    // A status the session made in Korean…
    let _ = h
        .state_mut()
        .session
        .apply(daybook::command::Command::SavePost);
    step_until(&mut h, "the Korean status", |h| has_text(h, "저장함"));
    // The settings switch the language at once, problems and statuses included: the
    // session keeps them as words, not as Korean text.
    h.get_by_label("설정").click();
    h.run_steps(2);
    h.get_by_label("English").click();
    step_until(&mut h, "the window in English", |h| {
        has_text(h, "New post") && has_text(h, "image will not show")
    });
    assert!(!has_text(&h, "이미지가 보이지 않습니다"));
    let name = FIRST.rsplit('/').next().unwrap();
    assert!(
        has_text(&h, &format!("Saved {name}")),
        "{:?}",
        window_texts(&h)
    );
    assert!(!has_text(&h, "저장함"));
    assert!(
        h.state()
            .session
            .window_title()
            .to_string()
            .starts_with(name)
    );
    assert_eq!(
        h.state().session.settings.language,
        LanguageChoice::Use(Language::English)
    );
    h.get_by_label("Settings").click();
    h.run_steps(2);
    h.get_by_label("한국어").click();
    step_until(&mut h, "the window in Korean again", |h| {
        has_text(h, "새 글") && has_text(h, "이미지가 보이지 않습니다")
    });
}

#[test]
fn the_command_line_follows_the_locale_and_keeps_rule_ids() {
    let dir = tempfile::tempdir().unwrap();
    let root = sample::install(&dir.path().join("journal")).unwrap();
    let check = |locale: &str, json: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_daybook"));
        c.env_remove("LANGUAGE")
            .env_remove("LC_MESSAGES")
            .env("LC_ALL", locale)
            .env("LANG", locale)
            .arg("check")
            .arg(root.join(FIRST));
        if json {
            c.args(["--format", "json"]);
        }
        let out = c.output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let korean = check("ko_KR.UTF-8", false);
    assert!(korean.contains("이미지가 보이지 않습니다"), "{korean}");
    assert!(korean.contains("[missing-image]"), "{korean}");
    let english = check("C.UTF-8", false);
    assert!(english.contains("image will not show"), "{english}");
    let json: serde_json::Value = serde_json::from_str(&check("ko_KR.UTF-8", true)).unwrap();
    let rules: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["rule"].as_str())
        .collect();
    assert!(rules.contains(&"missing-image"), "{rules:?}");
}
