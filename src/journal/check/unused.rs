//! `unused-image`: files in the images folders that no post or page uses.

use std::collections::HashSet;

use super::{Problem, RuleConfig};

/// What finding unused images needs.
pub struct UnusedInput<'a> {
    /// Image files under the images folders: site-relative path and size in bytes.
    pub images: &'a [(String, u64)],
    /// Site files the posts' images and image links point at.
    pub referenced: &'a HashSet<String>,
    /// File names mentioned in the site's other text files (layouts, pages, styles), which
    /// may use an image without a post doing so.
    pub mentioned_names: &'a HashSet<String>,
}

/// One `unused-image` problem per unused file; the message carries its size and the total.
pub fn unused_images(input: &UnusedInput<'_>, rules: &RuleConfig) -> Vec<Problem> {
    let Some(severity) = rules.severity("unused-image") else {
        return Vec::new();
    };
    let unused: Vec<&(String, u64)> = input
        .images
        .iter()
        .filter(|(path, _)| {
            let name = path.rsplit('/').next().unwrap_or(path);
            !input.referenced.contains(path) && !input.mentioned_names.contains(name)
        })
        .collect();
    let total: u64 = unused.iter().map(|(_, size)| size).sum();
    unused
        .iter()
        .map(|(path, size)| Problem {
            path: path.clone(),
            line: 1,
            column: 1,
            rule: "unused-image",
            severity,
            message: crate::words!(
                "rule-unused-image",
                size = human_size(*size),
                count = unused.len(),
                total = human_size(total)
            ),
            fixes: Vec::new(),
            file: Some(path.clone()),
            target: None,
        })
        .collect()
}

/// `1.2 MB`, `340 KB`, `12 B`.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{} KB", b / 1_000),
        b => format!("{b} B"),
    }
}
