//! The live preview: the post as the published page will show it, rendered from prepared
//! Markdown (see `journal::preview`).
//!
//! The post body is cut into blocks at blank lines (outside code fences); each block is
//! prepared and rendered on its own, and only the blocks inside the visible part of the
//! scroll area are laid out. Prepared blocks and their measured heights are remembered by
//! the block's text (and the width), so after an edit only the changed block is prepared
//! and measured again; unmeasured blocks get an estimate. Prepared blocks are dropped when
//! the site's files may have changed ([`Preview::files_changed`]).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Ui;
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use crate::journal::front_matter::layout;
use crate::journal::links::LinkContext;
use crate::journal::preview::{
    Heading, PreviewSite, heading_markdown, prepare_block, split_blocks,
};

/// Space between blocks, as paragraphs have on the page.
const BLOCK_GAP: f32 = 8.0;

/// One block as rendered: its prepared Markdown and what sizing it needs.
struct Block {
    markdown: String,
    hash: u64,
    images: usize,
    /// Characters per line, for estimating the height before it is measured.
    line_chars: Vec<u32>,
}

impl Block {
    fn new(markdown: String) -> Block {
        Block {
            hash: hash_of(&markdown),
            images: markdown.matches("![").count(),
            line_chars: markdown.lines().map(|l| l.chars().count() as u32).collect(),
            markdown,
        }
    }

    /// A height for the block before it has been measured at this width.
    fn estimate(&self, width: f32, row: f32) -> f32 {
        let per_row = (width / (row * 0.55)).max(10.0);
        let rows: f32 = self
            .line_chars
            .iter()
            .map(|c| (*c as f32 / per_row).ceil().max(1.0))
            .sum();
        rows * row + self.images as f32 * width.min(600.0) * 0.66
    }
}

/// The preview's caches: the prepared blocks and their measured heights.
#[derive(Default)]
pub struct Preview {
    key: Option<(PathBuf, u64)>,
    blocks: Vec<Arc<Block>>,
    /// Prepared blocks by the hash of their source text.
    prepared: HashMap<u64, Arc<Block>>,
    heights: HashMap<(u64, u32), f32>,
    cache: CommonMarkCache,
    /// Where each body block starts in the post text (`blocks[i + 1]` starts at `starts[i]`).
    starts: Vec<usize>,
    /// Width and row height of the last frame, for placing blocks outside it.
    last_size: (f32, f32),
    /// A scroll offset to apply on the next frame (scroll sync).
    pending_scroll: Option<f32>,
    /// The scroll offset of the last frame.
    pub offset: f32,
}

/// What the preview needs to prepare a post's Markdown.
pub struct PreviewInput<'a> {
    pub text: &'a str,
    pub heading: Heading,
    pub links: LinkContext,
    pub site_root: &'a Path,
}

fn hash_of(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

impl Preview {
    /// Whether the prepared Markdown is that of this post at this generation.
    pub fn is_current(&self, path: &Path, generation: u64) -> bool {
        self.key
            .as_ref()
            .is_some_and(|(p, g)| p == path && *g == generation)
    }

    /// Forget prepared blocks: image files may have appeared or gone.
    pub fn files_changed(&mut self) {
        self.prepared.clear();
        self.key = None;
    }

    /// The Markdown the preview renders, in one piece (for tests and diagnostics).
    pub fn markdown(&self) -> String {
        self.blocks
            .iter()
            .map(|b| b.markdown.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// Prepare the blocks for the post at `path`, `generation`; unchanged blocks are reused.
    pub fn update(&mut self, path: &Path, generation: u64, input: &PreviewInput<'_>) {
        self.key = Some((path.to_owned(), generation));
        let root = input.site_root;
        let exists = |rel: &str| root.join(rel).is_file();
        let root_uri = format!("file://{}", root.display());
        let site = PreviewSite {
            links: &input.links,
            root_uri: &root_uri,
            exists: &exists,
        };
        let body_start = layout(input.text).body_start();
        let body = &input.text[body_start..];
        let mut blocks = vec![Arc::new(Block::new(heading_markdown(&input.heading)))];
        let mut used = HashMap::with_capacity(self.prepared.len());
        self.starts.clear();
        for range in split_blocks(body) {
            self.starts.push(body_start + range.start);
            let source = &body[range];
            let key = hash_of(source);
            let block = match self.prepared.get(&key) {
                Some(b) => Arc::clone(b),
                None => Arc::new(Block::new(prepare_block(source, &site))),
            };
            used.insert(key, Arc::clone(&block));
            blocks.push(block);
        }
        self.prepared = used;
        self.blocks = blocks;
        if self.heights.len() > self.blocks.len() * 4 + 256 {
            self.heights.clear();
        }
    }

    fn heights(&self, width: f32, row: f32) -> Vec<f32> {
        let wkey = width.round() as u32;
        self.blocks
            .iter()
            .map(|b| {
                self.heights
                    .get(&(b.hash, wkey))
                    .copied()
                    .unwrap_or_else(|| b.estimate(width, row))
            })
            .collect()
    }

    /// Scroll so the block holding byte `source` of the post text is at the top.
    pub fn scroll_to_source(&mut self, source: usize) {
        let index = self.starts.partition_point(|s| *s <= source);
        let (width, row) = self.last_size;
        let y: f32 = self
            .heights(width, row)
            .iter()
            .take(index)
            .map(|h| h + BLOCK_GAP)
            .sum();
        self.pending_scroll = Some(y);
    }

    pub fn ui(&mut self, ui: &mut Ui) {
        let width = ui.available_width().max(100.0);
        let wkey = width.round() as u32;
        let row = ui.text_style_height(&egui::TextStyle::Body);
        self.last_size = (width, row);
        let heights = self.heights(width, row);
        let total: f32 = heights.iter().map(|h| h + BLOCK_GAP).sum();
        let max_image = (width as usize).saturating_sub(16);
        let mut area = egui::ScrollArea::vertical()
            .id_salt("preview-scroll")
            .auto_shrink([false, false]);
        if let Some(y) = self.pending_scroll.take() {
            area = area.vertical_scroll_offset(y);
        }
        let out = area.show_viewport(ui, |ui, viewport| {
            ui.set_min_height(total);
            let origin = ui.min_rect().min;
            let mut y = 0.0;
            let mut remeasured = false;
            for (i, (block, h)) in self.blocks.iter().zip(&heights).enumerate() {
                if y + h >= viewport.min.y && y <= viewport.max.y {
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(0.0, y),
                        egui::vec2(width, *h),
                    );
                    let mut child = ui.new_child(
                        egui::UiBuilder::new()
                            .max_rect(rect)
                            .id_salt(("block", i, block.hash)),
                    );
                    CommonMarkViewer::new()
                        .max_image_width(Some(max_image))
                        .show(&mut child, &mut self.cache, &block.markdown);
                    let actual = child.min_rect().height();
                    if (actual - h).abs() > 0.5 {
                        self.heights.insert((block.hash, wkey), actual);
                        remeasured = true;
                    }
                }
                y += h + BLOCK_GAP;
            }
            if remeasured {
                ui.ctx().request_repaint();
            }
        });
        self.offset = out.state.clamped_offset().y;
    }
}
