//! The layers of `lib.rs`, checked: no module imports from a layer above its own.

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

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let mut stack = vec![src.clone()];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let top = rel.split(['/', '.']).next().unwrap_or_default();
            let Some(own) = layer_of(top) else { continue };
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            // Tests may reach anywhere; doc comments only mention.
            let code = text.split("#[cfg(test)]\nmod").next().unwrap_or_default();
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
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
    }
    assert!(files > 100, "only {files} files seen");
    assert!(wrong.is_empty(), "imports from a layer above: {wrong:#?}");
}
