//! `daybook render POST`: the post's body as the HTML Jekyll publishes for its
//! `{{ content }}` (Liquid and kramdown applied; no layout), on stdout.

use std::path::Path;

use super::CliResult;
use crate::site::{Site, store};

/// `daybook render`: the post's body as published HTML on stdout.
pub fn run(post: &Path) -> CliResult<()> {
    let site = Site::find(post)?;
    // What `_config.yml` could not give (a syntax error, an alias bomb) is said, as `check`
    // says it; the page is rendered with what could be read.
    for w in &site.config.warnings {
        eprintln!("daybook: warning: {w}");
    }
    let loaded = store::load_post(post)?;
    let now = site
        .config
        .zone()
        .to_zone(chrono::Utc::now().fixed_offset());
    let renderer = crate::site::render::Renderer::new(&site, now);
    let rel = crate::site::relative_slash(&site.root, &loaded.path);
    let doc = renderer.prepare(&rel, &loaded.text);
    print!("{}", crate::journal::render::to_html(&doc));
    Ok(())
}
