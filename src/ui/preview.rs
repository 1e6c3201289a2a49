//! The live preview: the post as the published page will show it, rendered from prepared
//! Markdown (see `journal::preview`). The text is prepared only when the post changes, and
//! only the visible part is laid out.

use egui::Ui;
use egui_commonmark::{CommonMarkCache, CommonMarkScrollOptions, CommonMarkViewer};

use crate::journal::links::LinkContext;
use crate::journal::preview::{Heading, PreviewSite, prepare};

/// The preview's cache: the prepared Markdown and the renderer's state.
#[derive(Default)]
pub struct Preview {
    key: Option<(std::path::PathBuf, u64)>,
    pub markdown: String,
    cache: CommonMarkCache,
}

/// What the preview needs to prepare a post's Markdown.
pub struct PreviewInput<'a> {
    pub text: &'a str,
    pub heading: Heading,
    pub links: LinkContext,
    pub site_root: &'a std::path::Path,
}

fn viewer_id() -> egui::Id {
    egui::Id::unique("daybook-preview")
}

impl Preview {
    /// Whether the prepared Markdown is that of this post at this generation.
    pub fn is_current(&self, path: &std::path::Path, generation: u64) -> bool {
        self.key
            .as_ref()
            .is_some_and(|(p, g)| p == path && *g == generation)
    }

    /// Prepare the Markdown for the post at `path`, `generation`.
    pub fn update(&mut self, path: &std::path::Path, generation: u64, input: &PreviewInput<'_>) {
        self.key = Some((path.to_owned(), generation));
        let root = input.site_root;
        let exists = |rel: &str| root.join(rel).is_file();
        let root_uri = format!("file://{}", root.display());
        let site = PreviewSite {
            links: &input.links,
            root_uri: &root_uri,
            exists: &exists,
        };
        self.markdown = prepare(input.text, &input.heading, &site);
        self.cache.clear_viewer(&viewer_id());
    }

    pub fn ui(&mut self, ui: &mut Ui) {
        let width = ui.available_width().max(100.0) as usize;
        CommonMarkViewer::new()
            .max_image_width(Some(width.saturating_sub(16)))
            .show_scrollable(
                viewer_id(),
                ui,
                &mut self.cache,
                &CommonMarkScrollOptions::default().viewport_cache(true),
                &self.markdown,
            );
    }
}
