//! The layers of `lib.rs`, checked: no module imports from a layer above its own (grouped
//! imports read too), egui only in the window, no circle between the files of a folder,
//! no file over 500 lines, the session and the window's app struct at most 15 fields each,
//! and no `Result<_, String>` outside tests.

#![allow(clippy::unwrap_used)]

/// Top to bottom.
const LAYERS: [&[&str]; 8] = [
    &["app", "cli"],
    &["ui"],
    &["session"],
    &["command", "settings"],
    &["workers"],
    &["site"],
    &["journal"],
    &["i18n"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The `.rs` files under `src/<dir>` (all of `src/` for ""), as their path relative to
/// `src/` (with `/`) and their text: for the tests that read the code.
pub(crate) fn sources(dir: &str) -> Vec<(String, String)> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    walkdir::WalkDir::new(src.join(dir))
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let rel = e.path().strip_prefix(&src).unwrap().to_string_lossy();
            (
                rel.replace('\\', "/"),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Whether byte `at` of `code` starts a name (is not inside a longer one: `include_str!(`
/// holds `tr!(` but does not call it).
pub(crate) fn starts_a_name(code: &str, at: usize) -> bool {
    !code[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// A file's code before its inline tests (`#[cfg(test)] mod …` comes last).
pub(crate) fn without_tests(text: &str) -> &str {
    text.split("#[cfg(test)]\nmod").next().unwrap_or_default()
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let mut wrong = Vec::new();
    let mut files = 0;
    for (rel, text) in sources("") {
        let top = rel.split(['/', '.']).next().unwrap_or_default();
        let Some(own) = layer_of(top) else { continue };
        files += 1;
        // Tests may reach anywhere; doc comments only mention.
        for line in without_tests(&text)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
        {
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if let Some(theirs) = layer_of(&name)
                    && theirs < own
                {
                    wrong.push(format!("{rel} imports crate::{name}"));
                }
            }
        }
    }
    assert!(files > 100, "only {files} files seen");
    assert!(wrong.is_empty(), "imports from a layer above: {wrong:#?}");
}

/// The code of a file before its tests, without comment lines, as one text.
fn code(text: &str) -> String {
    without_tests(text)
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level names of each `crate::{…}` group in `code` (`use crate::{app::X, ui};`
/// names `app` and `ui`), over several lines too.
fn grouped_names(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::{") {
        let body = &code[at + "crate::{".len()..];
        let mut depth = 1;
        let mut start = true;
        for c in body.chars() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ',' if depth == 1 => start = true,
                c if start && depth == 1 && (c.is_ascii_alphanumeric() || c == '_') => {
                    out.push(c.to_string());
                    start = false;
                }
                c if !start && depth == 1 && (c.is_ascii_alphanumeric() || c == '_') => {
                    if let Some(last) = out.last_mut()
                        && !last.ends_with(':')
                    {
                        last.push(c);
                    }
                }
                ':' if depth == 1 => {
                    // `app::X`: the name ends at `::`.
                    if let Some(last) = out.last_mut()
                        && !last.ends_with(':')
                    {
                        last.push(':');
                    }
                }
                _ => {}
            }
        }
    }
    out.into_iter()
        .map(|n| n.trim_end_matches(':').to_owned())
        .collect()
}

#[test]
fn grouped_imports_are_read_as_well() {
    assert_eq!(
        grouped_names("use crate::{app::X, ui::{a, b},\n    session};"),
        ["app", "ui", "session"]
    );
    let mut wrong = Vec::new();
    for (rel, text) in sources("") {
        let top = rel.split(['/', '.']).next().unwrap_or_default();
        let Some(own) = layer_of(top) else { continue };
        for name in grouped_names(&code(&text)) {
            if layer_of(&name).is_some_and(|theirs| theirs < own) {
                wrong.push(format!("{rel} imports crate::{{{name}…}}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "grouped imports from a layer above: {wrong:#?}"
    );
}

#[test]
fn egui_only_in_the_window() {
    let window = layer_of("ui").unwrap_or_default();
    let mut wrong = Vec::new();
    for (rel, text) in sources("") {
        let top = rel.split(['/', '.']).next().unwrap_or_default();
        let Some(own) = layer_of(top) else { continue };
        if own <= window {
            continue;
        }
        let code = code(&text);
        for name in ["egui", "eframe"] {
            let used = code.contains(&format!("{name}::"))
                || code.contains(&format!("use {name}"))
                || code.contains(&format!("{name} ::"));
            if used {
                wrong.push(format!("{rel} uses {name}"));
            }
        }
    }
    assert!(wrong.is_empty(), "egui below the window: {wrong:#?}");
}

/// The sibling files `code` names (`super::name`, in a `super::{…}` group, or by its full
/// `crate::` path).
fn sibling_uses(code: &str, folder: &str, siblings: &[String]) -> Vec<String> {
    let crate_path = format!("crate::{}::", folder.replace('/', "::"));
    let mut out = Vec::new();
    for name in siblings {
        let direct = [
            format!("super::{name}::"),
            format!("super::{name};"),
            format!("super::{name}}}"),
            format!("{crate_path}{name}::"),
            format!("{crate_path}{name};"),
        ];
        let grouped = code.match_indices("super::{").any(|(at, _)| {
            let body = &code[at + 8..];
            let end = body.find('}').unwrap_or(body.len());
            body[..end]
                .split(',')
                .any(|part| part.trim().split("::").next() == Some(name.as_str()))
        });
        if grouped || direct.iter().any(|d| code.contains(d.as_str())) {
            out.push(name.clone());
        }
    }
    out
}

#[test]
fn no_circles_between_the_files_of_a_folder() {
    use std::collections::BTreeMap;
    let files = sources("");
    // folder → file stem → the siblings it uses.
    let mut graph: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    let mut by_folder: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (rel, _) in &files {
        let (folder, file) = rel.rsplit_once('/').unwrap_or(("", rel.as_str()));
        let stem = file.trim_end_matches(".rs");
        if stem != "mod" && stem != "lib" && stem != "main" {
            by_folder
                .entry(folder.to_owned())
                .or_default()
                .push(stem.to_owned());
        }
    }
    for (rel, text) in &files {
        let (folder, file) = rel.rsplit_once('/').unwrap_or(("", rel.as_str()));
        let stem = file.trim_end_matches(".rs");
        let Some(siblings) = by_folder.get(folder) else {
            continue;
        };
        if !siblings.iter().any(|s| s == stem) {
            continue;
        }
        let others: Vec<String> = siblings.iter().filter(|s| *s != stem).cloned().collect();
        let uses = sibling_uses(&code(text), folder, &others);
        graph
            .entry(folder.to_owned())
            .or_default()
            .insert(stem.to_owned(), uses);
    }
    let mut circles = Vec::new();
    for (folder, edges) in &graph {
        // A depth-first walk from each file: reaching it again is a circle.
        for start in edges.keys() {
            let mut stack = vec![(start.clone(), vec![start.clone()])];
            while let Some((at, path)) = stack.pop() {
                for next in edges.get(&at).into_iter().flatten() {
                    if next == start {
                        circles.push(format!("{folder}: {} → {start}", path.join(" → ")));
                    } else if !path.contains(next) && path.len() < 8 {
                        let mut p = path.clone();
                        p.push(next.clone());
                        stack.push((next.clone(), p));
                    }
                }
            }
        }
    }
    assert!(
        sibling_uses(
            "use super::{a::X, b};",
            "site",
            &["a".into(), "b".into(), "c".into()]
        ) == ["a", "b"]
    );
    assert!(circles.is_empty(), "circles between files: {circles:#?}");
}

/// The number of fields of `pub struct name` in `text`.
fn field_count(text: &str, name: &str) -> Option<usize> {
    let start = text.find(&format!("pub struct {name} {{"))?;
    let body = &text[start..];
    let end = body.find("\n}")?;
    let fields = body[..end]
        .lines()
        .skip(1)
        .filter(|l| {
            let l = l.trim_start();
            !l.starts_with("//")
                && l.trim_start_matches("pub ")
                    .split_once(':')
                    .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        })
        .count();
    Some(fields)
}

#[test]
fn the_session_and_the_app_keep_to_fifteen_fields() {
    for (file, name) in [("session/mod.rs", "Session"), ("app/mod.rs", "DaybookApp")] {
        let text =
            std::fs::read_to_string(format!("{}/src/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let n = field_count(&text, name).unwrap_or_else(|| panic!("no {name} in {file}"));
        assert!((3..=15).contains(&n), "{name} has {n} fields");
    }
    assert_eq!(
        field_count(
            "pub struct A {\n    /// x: y\n    pub a: u8,\n    b: Vec<(u8, u8)>,\n}",
            "A"
        ),
        Some(2)
    );
}

#[test]
fn no_file_over_500_lines() {
    let long: Vec<String> = sources("")
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 500)
        .map(|(rel, text)| format!("{rel}: {} lines", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}

/// The error types of every `Result<T, E>` written in `code`.
fn result_error_types(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("Result<") {
        let body = &code[at + 7..];
        let (mut depth, mut start, mut args) = (1usize, 0, Vec::new());
        for (i, c) in body.char_indices() {
            match c {
                '<' | '(' | '[' => depth += 1,
                '>' | ')' | ']' => depth -= 1,
                ',' if depth == 1 => {
                    args.push(body[start..i].trim());
                    start = i + 1;
                }
                _ => {}
            }
            if depth == 0 {
                args.push(body[start..i].trim());
                break;
            }
        }
        args.retain(|a| !a.is_empty());
        if let [_, error] = args[..] {
            out.push(error.to_owned());
        }
    }
    out
}

#[test]
fn no_string_errors_outside_tests() {
    assert_eq!(
        result_error_types(
            "fn f() -> Result<(u8, Vec<u8>), String> {}\nResult<\n    A,\n    B<C, D>,\n>"
        ),
        ["String", "B<C, D>"]
    );
    let mut wrong = Vec::new();
    for (rel, text) in sources("") {
        if rel.ends_with("tests.rs") || rel == "layers.rs" {
            continue;
        }
        let code = code(without_tests(&text));
        for e in result_error_types(&code) {
            if e == "String" || e == "std::string::String" {
                wrong.push(rel.clone());
            }
        }
    }
    assert!(wrong.is_empty(), "Result<_, String> in {wrong:#?}");
}

#[test]
fn nothing_below_the_window_words_anything() {
    // Problems, fixes, statuses, notices and errors are `Words` (typed errors have a
    // `words()`): worded where they are shown, by the window or the command line, in the
    // language in use there. Below them nothing reads the language.
    let mut wrong = Vec::new();
    let below = [
        "journal",
        "site",
        "workers",
        "session",
        "command.rs",
        "settings.rs",
    ];
    for (rel, text) in below.iter().flat_map(|d| sources(d)) {
        if rel.ends_with("tests.rs") {
            continue;
        }
        let code = code(without_tests(&text));
        for needle in ["tr!(", "tr(", "tr_args(", "language("] {
            // As a name of its own (`include_str!(` is no `tr!(`).
            let named = code
                .match_indices(needle)
                .any(|(at, _)| starts_a_name(&code, at));
            if named {
                wrong.push(format!("{rel}: {needle}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
