//! Photos side by side, as the page lays them out: a slider or a gallery an include writes
//! (`<div class="slider"><figure><img><figcaption>…`), a `<figure>` of several linked photos,
//! `<picture>` — drawn as a grid of photos with their captions, never as text.

use egui::Ui;

use super::preview_draw::{Flow, Style, html_inline, show_flow};
use super::preview_media::{DrawCtx, image};
use crate::journal::kramdown::HNode;
use crate::journal::kramdown::htmlparse::Element;

/// One photo of a gallery: its image and its caption, if any.
pub(super) struct Tile<'a> {
    image: usize,
    caption: Option<&'a [HNode]>,
}

/// The photo an element shows on its own: `<img>`, `<a><img></a>`, `<picture>…<img></picture>`
/// or a `<figure>` holding one of those (its `<figcaption>` as the caption).
fn tile(el: &Element) -> Option<Tile<'_>> {
    match el.name.as_str() {
        "img" => el.image.map(|image| Tile {
            image,
            caption: None,
        }),
        "a" | "picture" => only_photo(&el.children).map(|image| Tile {
            image,
            caption: None,
        }),
        "figure" => {
            let mut photo = None;
            let mut caption = None;
            for c in &el.children {
                match c {
                    HNode::Element(e) if e.name == "figcaption" => caption = Some(&e.children[..]),
                    HNode::Element(e) if photo.is_none() => photo = Some(tile(e)?.image),
                    HNode::Text(t) if t.trim().is_empty() => {}
                    HNode::Comment => {}
                    _ => return None,
                }
            }
            photo.map(|image| Tile { image, caption })
        }
        _ => None,
    }
}

/// The one photo among `nodes` (white space, comments and `<source>`s aside).
fn only_photo(nodes: &[HNode]) -> Option<usize> {
    let mut found = None;
    for n in nodes {
        match n {
            HNode::Element(e) if e.name == "source" => {}
            HNode::Element(e) if found.is_none() => found = Some(tile(e)?.image),
            HNode::Text(t) if t.trim().is_empty() => {}
            HNode::Comment => {}
            _ => return None,
        }
    }
    found
}

/// The tiles of an element whose content is two or more photos (and, for a `<figure>`, a
/// caption for them all); `None` for anything else.
pub(super) fn tiles(el: &Element) -> Option<(Vec<Tile<'_>>, Option<&[HNode]>)> {
    let mut tiles = Vec::new();
    let mut caption = None;
    for c in &el.children {
        match c {
            HNode::Element(e) if e.name == "figcaption" && el.name == "figure" => {
                caption = Some(&e.children[..]);
            }
            HNode::Element(e) if matches!(e.name.as_str(), "style" | "script" | "template") => {}
            HNode::Element(e) => tiles.push(tile(e)?),
            HNode::Text(t) if t.trim().is_empty() => {}
            HNode::Comment => {}
            _ => return None,
        }
    }
    (tiles.len() >= 2).then_some((tiles, caption))
}

/// The smallest a tile is drawn, in points: narrower previews put fewer in a row.
const MIN_TILE: f32 = 150.0;

/// Draw the tiles in rows, each photo with its caption under it, then the caption of all.
pub(super) fn gallery(
    ui: &mut Ui,
    tiles: &[Tile<'_>],
    caption: Option<&[HNode]>,
    cx: &mut DrawCtx<'_>,
    depth: usize,
) {
    let width = ui.available_width();
    let gap = ui.spacing().item_spacing.x;
    let columns = ((width + gap) / (MIN_TILE + gap)).floor().clamp(1.0, 4.0) as usize;
    let columns = columns.min(tiles.len());
    let cell = (width - gap * (columns as f32 - 1.0)) / columns as f32;
    for row in tiles.chunks(columns) {
        ui.horizontal_top(|ui| {
            for t in row {
                ui.allocate_ui(egui::vec2(cell, 0.0), |ui| {
                    ui.set_width(cell);
                    ui.vertical(|ui| {
                        image(ui, cx, t.image, cell);
                        if let Some(c) = t.caption {
                            small_caption(ui, c, cx, depth, cell);
                        }
                    });
                });
            }
        });
    }
    if let Some(c) = caption {
        ui.vertical_centered(|ui| small_caption(ui, c, cx, depth, width));
    }
}

/// A caption (`<figcaption>`), small and in italics, `width` wide.
pub(super) fn small_caption(
    ui: &mut Ui,
    nodes: &[HNode],
    cx: &mut DrawCtx<'_>,
    depth: usize,
    width: f32,
) {
    let mut f = Flow::new(ui);
    html_inline(
        &mut f,
        nodes,
        Style {
            italic: true,
            small: true,
            ..Style::default()
        },
        cx,
        depth,
    );
    show_flow(ui, f, cx, width);
}
