//! The live preview: the post as the published page will show it, drawn from the one
//! prepared document (`journal::kramdown::Doc`) that `daybook render` prints.
//!
//! Preparing (Liquid, kramdown, resolving images, typesetting math) runs on the preview
//! worker; this panel asks for the open post's text when it changes and draws the newest
//! result it has. Only the blocks inside the visible part of the scroll area are laid out;
//! measured heights are remembered by the block's source text (and the width), so after an
//! edit only changed blocks are measured again, and unmeasured ones get an estimate.

use crate::i18n::tr;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::{RichText, TextureHandle, Ui};

use crate::journal::kramdown::{Block, BlockKind};
use crate::journal::render::to_html;
use crate::site::Site;
use crate::ui::preview_blocks;
use crate::ui::preview_media::DrawCtx;
use crate::ui::preview_worker::{PageHeading, Prepared, PreviewJob, PreviewWorker};

/// Space between blocks, as paragraphs have on the page.
const BLOCK_GAP: f32 = 8.0;

/// What the preview needs to ask for a post.
pub struct PreviewInput<'a> {
    pub site: &'a Site,
    /// Site-relative path.
    pub rel: String,
    /// The open post, whose text the worker is given as a shared snapshot only when a
    /// request goes out (not on every frame the text differs).
    pub doc: &'a crate::session::document::Document,
}

/// The preview's state: the worker, what it last returned, and measured heights.
#[derive(Default)]
pub struct Preview {
    worker: Option<PreviewWorker>,
    shown: Option<Prepared>,
    requested: Option<(PathBuf, u64)>,
    files_generation: u64,
    heights: HashMap<(u64, u32), f32>,
    /// Per row of what is shown: its key and its height at `rows_width` (measured or
    /// estimated), kept so a frame costs what is on screen, not the post's length.
    rows: Vec<(u64, f32)>,
    rows_width: u32,
    math: HashMap<String, TextureHandle>,
    /// Width and row height of the last frame, for placing blocks outside it.
    last_size: (f32, f32),
    pending_scroll: Option<f32>,
    /// A source offset to scroll to once its post is shown.
    pending_source: Option<usize>,
    /// The scroll offset of the last frame.
    pub offset: f32,
    /// The post byte at the top after the user scrolled the preview (the editor follows).
    user_scroll: Option<usize>,
    /// When the last result arrived and how long it took: the next request waits twice as
    /// long, so a large post's preview never takes much of a core while typing.
    last_result: Option<(std::time::Instant, std::time::Duration)>,
    /// The text generation last asked about, and when it changed.
    seen_generation: Option<u64>,
    changed_at: Option<std::time::Instant>,
}

impl Preview {
    /// Whether the preview was asked for this post at this generation.
    pub fn is_current(&self, path: &Path, generation: u64) -> bool {
        self.requested
            .as_ref()
            .is_some_and(|(p, g)| p == path && *g == generation)
    }

    /// Whether what is shown is this post at this generation.
    pub fn shows(&self, path: &Path, generation: u64) -> bool {
        self.shown
            .as_ref()
            .is_some_and(|s| s.path == path && s.generation == generation)
    }

    /// The site's files may have changed (images, includes, `_config.yml`): prepare again.
    pub fn files_changed(&mut self) {
        self.files_generation += 1;
        self.requested = None;
    }

    /// Ask the worker for the post at `path`, `generation`. While the worker is busy the
    /// request waits (and the text is not copied): the next frame asks again with the
    /// newest text.
    pub fn update(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        generation: u64,
        input: &PreviewInput<'_>,
    ) {
        let same_post = self.shown.as_ref().is_some_and(|s| s.path == path);
        if self.seen_generation != Some(generation) {
            self.seen_generation = Some(generation);
            self.changed_at = Some(std::time::Instant::now());
        }
        // A post that takes a while to prepare waits for a pause in typing, so preparing it
        // never competes with the keystrokes; a short one follows every keystroke.
        if let (Some((_, took)), Some(changed), true) =
            (self.last_result, self.changed_at, same_post)
            && took > std::time::Duration::from_millis(40)
        {
            let pause = took.min(std::time::Duration::from_millis(400));
            // Read once: time passes between two reads (a second read could pass the pause).
            let since = changed.elapsed();
            if since < pause {
                ctx.request_repaint_after(pause - since);
                return;
            }
        }
        if let Some((at, took)) = self.last_result
            && same_post
        {
            // Twice as long as it took: the worker never holds more than a third of the
            // machine while the user types (capped, so the preview still follows).
            let wait = (took * 2).min(std::time::Duration::from_millis(400));
            let since = at.elapsed();
            if since < wait {
                ctx.request_repaint_after(wait - since);
                return;
            }
        }
        let worker = self.worker.get_or_insert_with(|| {
            let ctx = ctx.clone();
            PreviewWorker::start(Box::new(move || ctx.request_repaint()))
        });
        if worker.is_busy() {
            return;
        }
        worker.request(PreviewJob {
            site: input.site.clone(),
            files_generation: self.files_generation,
            path: path.to_owned(),
            rel: input.rel.clone(),
            text: input.doc.snapshot(),
            generation,
        });
        self.requested = Some((path.to_owned(), generation));
    }

    /// The shown post as published HTML (what `daybook render` prints).
    pub fn html(&self) -> String {
        self.shown
            .as_ref()
            .map(|s| to_html(&s.doc))
            .unwrap_or_default()
    }

    /// Take the worker's newest result, if one arrived; true when one did.
    pub fn poll(&mut self, ctx: &egui::Context) -> bool {
        let Some(p) = self.worker.as_mut().and_then(PreviewWorker::poll) else {
            return false;
        };
        // Typeset math becomes textures once.
        for (key, m) in &p.math {
            if let Some(m) = m
                && !self.math.contains_key(key)
            {
                let tex = ctx.load_texture(
                    format!("math:{key}"),
                    (*m.image).clone(),
                    egui::TextureOptions::LINEAR,
                );
                self.math.insert(key.clone(), tex);
            }
        }
        if self.math.len() > 2048 {
            self.math.retain(|k, _| p.math.contains_key(k));
        }
        self.last_result = Some((std::time::Instant::now(), p.took));
        if let (Some(old), Some(w)) = (self.shown.replace(p), self.worker.as_ref()) {
            w.discard(old);
        }
        if self.heights.len() > 8192 {
            self.heights.clear();
        }
        self.rows.clear();
        if let Some(at) = self.pending_source.take() {
            self.scroll_to_source(at);
        }
        true
    }

    /// The counts and outline of the shown post's page, when it shows `path`.
    pub fn stats_of(
        &self,
        path: &Path,
    ) -> Option<(
        &crate::journal::stats::TextStats,
        &[crate::journal::stats::OutlineItem],
    )> {
        self.shown
            .as_ref()
            .filter(|s| s.path == path)
            .map(|s| (&s.stats, s.outline.as_slice()))
    }

    /// Rows drawn: the heading, each top-level block, the footnotes.
    fn row_count(&self) -> usize {
        self.shown.as_ref().map_or(0, |s| s.doc.blocks.len() + 2)
    }

    fn row_key(&self, i: usize) -> u64 {
        let Some(s) = &self.shown else { return 0 };
        match i {
            0 => hash_of(&format!("{:?}", s.heading)),
            i if i <= s.keys.len() => s.keys[i - 1],
            _ => hash_of(&format!("footnotes{}", s.doc.footnotes.len())) ^ s.generation,
        }
    }

    fn estimate(&self, i: usize, width: f32, row: f32) -> f32 {
        let Some(s) = &self.shown else { return row };
        let per_row = (width / (row * 0.55)).max(10.0);
        match i {
            0 => row * 3.0,
            i if i <= s.doc.blocks.len() => {
                estimate_block(&s.doc.blocks[i - 1], per_row, row, width)
            }
            _ => s.doc.footnotes.len() as f32 * row * 1.5,
        }
    }

    /// Keys and heights of the rows at this width (computed once per result and width).
    fn ensure_rows(&mut self, width: f32, row: f32) {
        let wkey = width.round() as u32;
        if !self.rows.is_empty() && self.rows_width == wkey {
            return;
        }
        self.rows = (0..self.row_count())
            .map(|i| {
                let key = self.row_key(i);
                let h = self
                    .heights
                    .get(&(key, wkey))
                    .copied()
                    .unwrap_or_else(|| self.estimate(i, width, row));
                (key, h)
            })
            .collect();
        self.rows_width = wkey;
    }

    /// Where the user scrolled the preview to, once: the post byte of the block at the top.
    pub fn take_user_scroll(&mut self) -> Option<usize> {
        self.user_scroll.take()
    }

    /// The post byte of the block at height `y`.
    fn source_at(&self, y: f32) -> Option<usize> {
        let s = self.shown.as_ref()?;
        let mut top = 0.0;
        for (i, (_, h)) in self.rows.iter().enumerate() {
            top += h + BLOCK_GAP;
            if top > y {
                return Some(match i {
                    0 => 0,
                    i => s.doc.blocks.get(i - 1).map_or(usize::MAX, |b| b.at),
                });
            }
        }
        None
    }

    /// Scroll so the block holding byte `source` of the post text is at the top.
    pub fn scroll_to_source(&mut self, source: usize) {
        let Some(s) = &self.shown else {
            self.pending_source = Some(source);
            return;
        };
        let index = s.doc.blocks.partition_point(|b| b.at <= source);
        self.scroll_to_row(index);
    }

    fn scroll_to_row(&mut self, row_index: usize) {
        let (width, row) = self.last_size;
        self.ensure_rows(width, row);
        let y: f32 = self
            .rows
            .iter()
            .take(row_index)
            .map(|(_, h)| h + BLOCK_GAP)
            .sum();
        self.pending_scroll = Some(y);
    }

    /// Follow a clicked link: `#id` scrolls to the heading (or the footnotes), others open
    /// in the browser.
    fn follow(&mut self, ctx: &egui::Context, href: &str) {
        let Some(s) = &self.shown else { return };
        if let Some(id) = href.strip_prefix('#') {
            let id = crate::journal::permalink::percent_decode(id);
            if id.starts_with("fn:") {
                let last = self.row_count().saturating_sub(1);
                self.scroll_to_row(last);
                return;
            }
            let heading = s.doc.headings.iter().find(|h| h.id == id).map(|h| h.at);
            if let Some(at) = heading {
                let index = s
                    .doc
                    .blocks
                    .iter()
                    .position(|b| b.at == at)
                    .map_or_else(|| s.doc.blocks.partition_point(|b| b.at <= at), |i| i + 1);
                self.scroll_to_row(index);
            }
            return;
        }
        let url = if href.starts_with('/') && !s.links.url.is_empty() {
            format!("{}{}", s.links.url, href)
        } else {
            href.to_owned()
        };
        ctx.open_url(egui::OpenUrl::new_tab(url));
    }

    pub fn ui(&mut self, ui: &mut Ui) {
        self.poll(ui.ctx());
        if self.worker.as_ref().is_some_and(PreviewWorker::is_busy) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        let width = ui.available_width().max(100.0);
        let wkey = width.round() as u32;
        let row = ui.text_style_height(&egui::TextStyle::Body);
        self.last_size = (width, row);
        let mut area = egui::ScrollArea::vertical()
            .id_salt("preview-scroll")
            .auto_shrink([false, false]);
        let programmatic = self.pending_scroll.is_some();
        if let Some(y) = self.pending_scroll.take() {
            area = area.vertical_scroll_offset(y);
        }
        let Some(shown) = self.shown.take() else {
            // Keep the panel's width while the first result is being prepared.
            ui.allocate_space(egui::vec2(width, 0.0));
            ui.label(RichText::new(tr("preparing-preview")).weak());
            return;
        };
        self.shown = Some(shown);
        self.ensure_rows(width, row);
        let total: f32 = self.rows.iter().map(|(_, h)| h + BLOCK_GAP).sum();
        let rows = std::mem::take(&mut self.rows);
        let Some(shown) = self.shown.take() else {
            return;
        };
        let mut clicked = None;
        let mut measured: Vec<(usize, f32)> = Vec::new();
        let out = area.show_viewport(ui, |ui, viewport| {
            ui.set_min_height(total);
            let origin = ui.min_rect().min;
            // Inside the scroll area (its bar takes a little of the panel's width).
            let width = ui.available_width().min(width);
            let mut cx = DrawCtx {
                prepared: &shown,
                math: &self.math,
                clicked: None,
            };
            let mut y = 0.0;
            for (i, (key, h)) in rows.iter().enumerate() {
                if y + h >= viewport.min.y && y <= viewport.max.y {
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(0.0, y),
                        egui::vec2(width, *h),
                    );
                    let mut child = ui.new_child(
                        egui::UiBuilder::new()
                            .max_rect(rect)
                            .layout(egui::Layout::top_down(egui::Align::Min))
                            .id_salt(("row", i, *key)),
                    );
                    match i {
                        0 => heading(&mut child, &shown.heading),
                        i if i <= shown.doc.blocks.len() => {
                            preview_blocks::block(&mut child, &shown.doc.blocks[i - 1], &mut cx, 0)
                        }
                        _ => preview_blocks::footnotes(&mut child, &mut cx),
                    }
                    let actual = child.min_rect().height();
                    if (actual - h).abs() > 0.5 {
                        measured.push((i, actual));
                    }
                }
                y += h + BLOCK_GAP;
            }
            clicked = cx.clicked.take();
        });
        self.shown = Some(shown);
        self.rows = rows;
        if !measured.is_empty() {
            for (i, h) in measured {
                if let Some(r) = self.rows.get_mut(i) {
                    r.1 = h;
                    self.heights.insert((r.0, wkey), h);
                }
            }
            ui.ctx().request_repaint();
        }
        let offset = out.state.clamped_offset().y;
        let by_user = ui
            .input(|i| i.pointer.hover_pos())
            .is_some_and(|p| out.inner_rect.contains(p));
        if by_user && !programmatic && (offset - self.offset).abs() > 0.5 {
            self.user_scroll = self.source_at(offset);
        }
        self.offset = offset;
        if let Some(href) = clicked {
            self.follow(ui.ctx(), &href);
        }
    }
}

fn hash_of(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// A height for a block before it has been measured.
fn estimate_block(b: &Block, per_row: f32, row: f32, width: f32) -> f32 {
    let lines = |chars: usize| (chars as f32 / per_row).ceil().max(1.0);
    match &b.kind {
        BlockKind::Paragraph { content, .. } => {
            use crate::journal::kramdown::Inline;
            let (mut chars, mut images) = (0, 0);
            for i in content {
                match i {
                    Inline::Text(t) | Inline::Code(t) => chars += t.len() / 2,
                    Inline::Image(_) => images += 1,
                    _ => chars += 4,
                }
            }
            lines(chars) * row + images as f32 * width.min(600.0) * 0.66
        }
        BlockKind::Heading { .. } => row * 2.0,
        BlockKind::Code { text, .. } => (text.lines().count() as f32 + 1.0) * row,
        BlockKind::Table { rows, .. } => (rows.len() as f32 + 1.0) * (row + 4.0),
        BlockKind::List { items, .. } => items.len() as f32 * row * 1.5,
        BlockKind::Html { raw, .. } => {
            let images = raw.matches("<img").count();
            lines(raw.len() / 4) * row + images as f32 * width.min(600.0) * 0.5
        }
        // A folded `<details>` is one row; another container as tall as what it holds.
        BlockKind::Container { name, .. } if name == "details" => row * 1.5,
        BlockKind::Container { blocks, .. } => blocks
            .iter()
            .map(|b| estimate_block(b, per_row, row, width))
            .sum(),
        _ => row * 2.0,
    }
}

/// The page heading the layout shows: title, then date and categories.
fn heading(ui: &mut Ui, h: &PageHeading) {
    if let Some(title) = &h.title {
        ui.label(RichText::new(title).size(28.0).strong());
    }
    let mut meta: Vec<String> = h.date.iter().cloned().collect();
    if !h.categories.is_empty() {
        meta.push(h.categories.join(" · "));
    }
    if !meta.is_empty() {
        ui.label(RichText::new(meta.join(" — ")).italics().weak());
    }
}
