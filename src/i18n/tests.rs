//! The two message files agree with each other and with the code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// Message id → the variables its value and attributes use.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("the message file does not parse: {errors:?}");
    });
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            let id = m.id.name.to_owned();
            assert!(out.insert(id.clone(), vars).is_none(), "{id} twice");
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn both_languages_have_every_message_with_the_same_arguments() {
    let en = messages(SOURCES[0].1);
    let ko = messages(SOURCES[1].1);
    let missing_ko: Vec<_> = en.keys().filter(|k| !ko.contains_key(*k)).collect();
    let missing_en: Vec<_> = ko.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing_ko.is_empty(), "no Korean for {missing_ko:?}");
    assert!(missing_en.is_empty(), "no English for {missing_en:?}");
    for (id, vars) in &en {
        assert_eq!(
            vars, &ko[id],
            "{id}: the two languages use different arguments"
        );
    }
}

/// Every message id the code asks for: `tr("id")`, `tr!("id"…)`, `tr_args("id"…)`,
/// `words!("id"…)` and the widget label constants (`: &str = "id";` in `ui/mod.rs`).
fn ids_in_code() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (rel, text) in crate::layers::sources("") {
        if rel == "i18n/tests.rs" || rel == "layers.rs" {
            continue;
        }
        for opener in [
            "tr(\"",
            "tr!(\"",
            "tr_args(\"",
            "tr!(\n",
            "words!(\"",
            "words!(\n",
        ] {
            for (at, _) in text.match_indices(opener) {
                if !crate::layers::starts_a_name(&text, at) {
                    continue;
                }
                let rest = text[at + opener.len()..].trim_start_matches([' ', '\n', '"']);
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                out.insert((id, rel.clone()));
            }
        }
        if rel == "ui/mod.rs" {
            for (at, _) in text.match_indices(": &str = \"") {
                let rest = &text[at + 10..];
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                out.insert((id, rel.clone()));
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let en = messages(SOURCES[0].1);
    let used = ids_in_code();
    assert!(used.len() > 100, "the scan found only {} ids", used.len());
    let missing: Vec<_> = used.iter().filter(|(id, _)| !en.contains_key(id)).collect();
    assert!(
        missing.is_empty(),
        "ids used but not in the message files: {missing:?}"
    );
}

#[test]
fn korean_messages_are_translated() {
    // Messages that are the same in both languages on purpose: names, key chords, symbols.
    let same_on_purpose = [
        "git-branch",
        "language-system-name",
        // Layouts of other words: a path and its error, a problem's line, a refusal.
        "path-error",
        "problem-line",
        "git-refused",
        "window-title-post",
        "window-title-site",
    ];
    let en = SOURCES[0].1;
    let ko = SOURCES[1].1;
    let value = |source: &str, id: &str| {
        let bundle = bundle(Language::English, source);
        let message = bundle.get_message(id).unwrap();
        let mut errors = Vec::new();
        message
            .value()
            .map(|p| bundle.format_pattern(p, None, &mut errors).into_owned())
    };
    let mut untranslated = Vec::new();
    for id in messages(en).keys() {
        let (e, k) = (value(en, id), value(ko, id));
        let hangul = k
            .as_deref()
            .is_some_and(|k| k.chars().any(|c| ('가'..='힣').contains(&c)));
        if e == k && !hangul && !same_on_purpose.contains(&id.as_str()) {
            untranslated.push(id.clone());
        }
    }
    assert!(
        untranslated.is_empty(),
        "the same in English and Korean: {untranslated:?}"
    );
}

#[test]
fn locales_map_to_languages() {
    let cases = [
        ("ko_KR.UTF-8", Some(Language::Korean)),
        ("ko-KR", Some(Language::Korean)),
        ("ko", Some(Language::Korean)),
        ("en_US.UTF-8", Some(Language::English)),
        ("C", Some(Language::English)),
        ("POSIX", Some(Language::English)),
        ("de_DE.UTF-8", None),
        ("", None),
    ];
    for (locale, want) in cases {
        assert_eq!(Language::of_locale(locale), want, "{locale}");
    }
    let list = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        language_of_locales(list(&["de-DE", "ko-KR"])),
        Language::Korean
    );
    assert_eq!(language_of_locales(list(&["fr-FR"])), Language::English);
    assert_eq!(language_of_locales(list(&[])), Language::English);
}

#[test]
fn arguments_and_plurals_format_in_each_language() {
    let mut args = FluentArgs::new();
    args.set("name", "IMG_0001.JPG");
    assert_eq!(
        format_in(Language::English, "photo-include", Some(&args)),
        "Include IMG_0001.JPG"
    );
    assert_eq!(
        format_in(Language::Korean, "photo-include", Some(&args)),
        "IMG_0001.JPG 포함"
    );
    let count = |n: usize, language| {
        let mut args = FluentArgs::new();
        args.set("count", n);
        format_in(language, "files-count", Some(&args))
    };
    assert_eq!(count(1, Language::English), "1 file");
    assert_eq!(count(3, Language::English), "3 files");
    assert_eq!(count(3, Language::Korean), "파일 3개");
    assert_eq!(
        format_in(Language::Korean, "no-such-message", None),
        "no-such-message"
    );
}

/// Literals in the code that read like English words for people, outside the message
/// files: none, but for these (file, literal) pairs — names of things, not words to
/// translate — and messages for developers on stderr (`eprintln!`).
const NOT_WORDS: [(&str, &str); 8] = [
    ("site/mod.rs", "it panicked"),
    ("site/git.rs", "fetch first"),
    ("site/git.rs", "terminal prompts disabled"),
    ("site/git.rs", "could not read username"),
    ("site/git.rs", "permission denied"),
    ("site/heif_ffi.rs", "libheif error {}"),
    (
        "cli/check.rs",
        "# daybook: stop commits whose posts have errors",
    ),
    ("cli/check.rs", "daybook check: {counts}"),
];

/// `"…"` literals on one line of code (not comments).
fn literals(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

/// Command lines the user is told to run (`git …`, `sudo apt-get install jekyll`): the same
/// in every language.
const COMMANDS: [&str; 6] = ["git ", "sudo ", "gem ", "brew ", "winget ", "bundle "];

/// Two words of letters in a row (`no such file`, `Save changes`), not a path, key, id or
/// command line.
fn reads_like_words(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.', ':', ';', '!', '?', '…']))
        .collect();
    let wordy = |w: &&&str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic());
    words.windows(2).any(|pair| pair.iter().all(|w| wordy(&w)))
        && !COMMANDS.iter().any(|c| s.starts_with(c))
        && !s.contains('/')
}

#[test]
fn no_words_for_people_are_left_in_the_code() {
    let mut found = Vec::new();
    for dir in [
        "ui",
        "app",
        "session",
        "workers",
        "cli",
        "site",
        "journal/check",
    ] {
        for (name, text) in crate::layers::sources(dir) {
            if name.contains("tests") {
                continue;
            }
            for line in crate::layers::without_tests(&text).lines() {
                let t = line.trim_start();
                if t.starts_with("//") || t.starts_with("eprintln!") {
                    continue;
                }
                for lit in literals(line) {
                    if reads_like_words(lit) && !NOT_WORDS.contains(&(name.as_str(), lit)) {
                        found.push(format!("{name}: \"{lit}\""));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "words for people outside the message files:\n{}",
        found.join("\n")
    );
}

#[test]
fn words_below_the_window_are_worded_only_where_shown() {
    // Our words inside an `io::Error` are found again, not frozen into one language.
    let io = std::io::Error::other(crate::words!("outside-the-site"));
    let said = Words::of_error(&io);
    assert_eq!(said.say(Language::Korean), "사이트 밖");
    assert_eq!(said.say(Language::English), "outside the site");
    // Another program's words are kept as they are, in every language.
    let os = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
    let said = Words::of_error(&os);
    assert_eq!(said.verbatim_text(), Some("No such file"));
    assert_eq!(said.say(Language::Korean), "No such file");
    // A list argument: one line each, each worded in the language of the whole.
    let lines = vec![crate::words!("outside-the-site"), Words::verbatim("x.md:3")];
    let ko = crate::words!("not-committed-new-errors", errors = lines).say(Language::Korean);
    assert!(ko.ends_with(":\n  사이트 밖\n  x.md:3"), "{ko}");
}
