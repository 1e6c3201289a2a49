//! Real Jekyll is the oracle (issue 10): `render` and `check` against what Jekyll 4.3
//! published for the fixture sites in `tests/sites/` — the goldens in `tests/goldens/`, made
//! by `scripts/jekyll-goldens` — so this test needs no Ruby.
//!
//! The bar is the one `../shared/acceptance/real-blog` sets: per post, the visible text at
//! least 0.98 similar, the same images, the same counts of headings, tables, rows, list
//! items, code blocks, quotes, definition lists, footnote marks and abbreviations; and the
//! check reports exactly the images that are broken on the built site.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;

use daybook::journal::kramdown::htmlparse::{Token, tokenize};
use daybook::journal::permalink::percent_decode;
use daybook::site::Site;
use daybook::site::check::Checker;
use daybook::site::render::Renderer;

const COUNTED: [&str; 15] = [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "li",
    "pre",
    "blockquote",
    "img",
    "dl",
    "sup",
    "abbr",
];
const SPACED: [&str; 16] = [
    "p", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "div", "dt", "dd",
];

struct Page {
    words: Vec<String>,
    srcs: Vec<String>,
    counts: BTreeMap<String, usize>,
}

/// `\(…\)` and `\[…\]` as one token without spaces (MathJax's delimiters).
fn math_tokens(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    loop {
        let next = ["\\(", "\\["]
            .iter()
            .filter_map(|o| rest.find(o).map(|i| (i, *o)))
            .min();
        let Some((i, open)) = next else { break };
        let close = if open == "\\(" { "\\)" } else { "\\]" };
        let Some(end) = rest[i + 2..].find(close) else {
            break;
        };
        out.push_str(&rest[..i]);
        let inner: String = rest[i + 2..i + 2 + end].split_whitespace().collect();
        out.push_str(&format!(" MATH({inner}) "));
        rest = &rest[i + 2 + end + 2..];
    }
    out.push_str(rest);
    out
}

fn page(html: &str) -> Page {
    let mut text = String::new();
    let mut srcs = Vec::new();
    let mut counts = BTreeMap::new();
    let mut skip = 0usize;
    for tok in tokenize(html) {
        match tok {
            Token::Text(t) if skip == 0 => text.push_str(&t),
            Token::Open { name, attrs, .. } => {
                if name == "script" || name == "style" {
                    skip += 1;
                }
                if COUNTED.contains(&name.as_str()) {
                    *counts.entry(name.clone()).or_insert(0) += 1;
                }
                if name == "img"
                    && let Some((_, v)) = attrs.iter().find(|(k, _)| k == "src")
                {
                    let cleaned: String = v
                        .chars()
                        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                        .collect();
                    srcs.push(percent_decode(cleaned.trim()));
                }
                if SPACED.contains(&name.as_str()) {
                    text.push(' ');
                }
            }
            Token::Close { name } if name == "script" || name == "style" => {
                skip = skip.saturating_sub(1)
            }
            _ => {}
        }
    }
    let text: String = math_tokens(&text)
        .chars()
        .map(|c| match c {
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            '–' | '—' => '-',
            '\u{a0}' | '↩' => ' ',
            c => c,
        })
        .collect::<String>()
        .replace('…', "...")
        .replace('\u{fe0e}', "");
    srcs.sort();
    Page {
        words: text.split_whitespace().map(str::to_owned).collect(),
        srcs,
        counts,
    }
}

fn sites() -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/goldens"))
            .unwrap()
            .flatten()
            .filter_map(|e| {
                e.file_name()
                    .to_string_lossy()
                    .strip_suffix(".json")
                    .map(str::to_owned)
            })
            .collect();
    names.sort();
    names
}

fn golden(name: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/goldens/{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A copy of the fixture site (the check walks it; nothing may be written into the repo).
fn site_copy(name: &str) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sites")
        .join(name);
    copy_dir(&src, &dir.path().join(name));
    let site = Site::find(&dir.path().join(name)).unwrap();
    (dir, site)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00+09:00").unwrap()
}

#[test]
fn render_matches_what_jekyll_publishes_for_every_fixture_post() {
    let mut failures = Vec::new();
    let mut posts = 0;
    for name in sites() {
        let g = golden(&name);
        let (_dir, site) = site_copy(&name);
        let renderer = Renderer::new(&site, now());
        for post in g["posts"].as_array().unwrap() {
            posts += 1;
            let rel = post["path"].as_str().unwrap();
            let text = std::fs::read_to_string(site.root.join(rel)).unwrap();
            let ours = daybook::journal::render::to_html(&renderer.prepare(rel, &text));
            let (want, got) = (page(post["html"].as_str().unwrap()), page(&ours));
            let a: Vec<&str> = want.words.iter().map(String::as_str).collect();
            let b: Vec<&str> = got.words.iter().map(String::as_str).collect();
            let ratio = similar::TextDiff::from_slices(&a, &b).ratio();
            if ratio < 0.98 || want.srcs != got.srcs || want.counts != got.counts {
                failures.push(format!(
                    "{name}/{rel}: text {ratio:.3}\n  images jekyll {:?}\n  images daybook {:?}\n  counts jekyll {:?}\n  counts daybook {:?}",
                    want.srcs, got.srcs, want.counts, got.counts
                ));
            }
        }
    }
    assert!(posts >= 8, "goldens found for {posts} posts");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn check_reports_exactly_the_images_broken_on_the_built_site() {
    let mut failures = Vec::new();
    for name in sites() {
        let g = golden(&name);
        let (_dir, site) = site_copy(&name);
        let problems = Checker::new(&site, now()).check_site().unwrap();
        for post in g["posts"].as_array().unwrap() {
            let rel = post["path"].as_str().unwrap();
            let want: Vec<String> = post["broken"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            let mut got: Vec<String> = problems
                .iter()
                .filter(|p| p.path == rel && p.rule == "missing-image")
                .map(|p| p.target.clone().unwrap_or_else(|| "?".to_owned()))
                .collect();
            got.sort();
            if want != got {
                failures.push(format!(
                    "{name}/{rel}: jekyll broken {want:?}, daybook {got:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
