//! Blocks of the preview: headings, paragraphs, lists, quotes, code, tables, definition
//! lists, the table of contents, math and HTML blocks, and the footnotes at the end.

use egui::{RichText, Stroke, Ui};

use super::preview_draw::*;
use super::preview_html::html_blocks;
use crate::journal::kramdown::{Align, Block, BlockKind, DefItem, HNode, Inline};
use crate::tr;
use crate::ui::preview_worker::{ImageView, math_key};

pub(super) fn math(ui: &mut Ui, cx: &DrawCtx<'_>, key: &str) {
    match (cx.math.get(key), cx.prepared.math.get(key)) {
        (Some(tex), Some(Some(m))) => {
            let size = egui::vec2(m.image.size[0] as f32, m.image.size[1] as f32) / m.scale;
            let tint = ui.visuals().text_color();
            ui.add(
                egui::Image::new((tex.id(), size))
                    .tint(tint)
                    .alt_text(&key[1..]),
            )
            .on_hover_text(&key[1..]);
        }
        _ => {
            ui.label(RichText::new(&key[1..]).monospace().italics());
        }
    }
}

/// `60%` → 60% of the width; `300` or `300px` → 300 points.
pub(super) fn length(value: Option<&str>, full: f32) -> Option<f32> {
    let v = value?.trim();
    if let Some(p) = v.strip_suffix('%') {
        return p.trim().parse::<f32>().ok().map(|p| full * p / 100.0);
    }
    v.trim_end_matches("px").trim().parse::<f32>().ok()
}

pub(super) fn image(ui: &mut Ui, cx: &DrawCtx<'_>, n: usize, max_width: f32) {
    let (Some(view), Some(img)) = (cx.prepared.images.get(n), cx.prepared.doc.images.get(n)) else {
        return;
    };
    let full = max_width.min(ui.available_width().max(40.0));
    match view {
        ImageView::File { uri } => {
            let asked = length(img.width.as_deref(), full).map(|w| w.clamp(8.0, full));
            let mut widget = match asked {
                // A width on the page scales the photo to it, up or down.
                Some(w) => egui::Image::new(uri.as_str()).fit_to_exact_size(egui::vec2(w, w * 8.0)),
                None => egui::Image::new(uri.as_str())
                    .fit_to_original_size(1.0)
                    .max_width(full),
            };
            if let Some(h) = length(img.height.as_deref(), full) {
                widget = widget.max_height(h);
            }
            // A picture that cannot be drawn (damaged, cut short) says why, in words.
            if let Err(egui::load::LoadError::Loading(why)) =
                widget.load_for_size(ui.ctx(), egui::vec2(full, f32::INFINITY))
            {
                notice(ui, &tr!("preview-unviewable-image", why = why), true);
                return;
            }
            let r = ui.add(widget.alt_text(&img.alt));
            if !img.alt.is_empty() {
                r.on_hover_text(&img.alt);
            }
        }
        ImageView::Missing { target, why } => notice(
            ui,
            &tr!("preview-missing-image", target = target, why = why),
            true,
        ),
        ImageView::Remote { url } => notice(ui, &tr!("preview-remote-image", url = url), false),
        ImageView::Unresolved { expr } => {
            notice(ui, &tr!("preview-liquid-image", expr = expr), false)
        }
        ImageView::NotShown { why } => {
            notice(ui, &tr!("preview-unviewable-image", why = why), true)
        }
    }
}

pub(super) fn notice(ui: &mut Ui, text: &str, error: bool) {
    let color = if error {
        ui.visuals().error_fg_color
    } else {
        ui.visuals().weak_text_color()
    };
    egui::Frame::group(ui.style())
        .stroke(Stroke::new(1.0, color))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(color));
        });
}

/// Draw one block of the post.
pub fn block(ui: &mut Ui, b: &Block, cx: &mut DrawCtx<'_>, depth: usize) {
    let width = ui.available_width();
    match &b.kind {
        BlockKind::Heading { level, content, .. } => {
            let mut flow = Flow::new(ui);
            inlines(
                &mut flow,
                content,
                Style {
                    bold: true,
                    size: Some(heading_size(*level)),
                    ..Style::default()
                },
                cx,
                depth,
            );
            ui.add_space(4.0);
            show_flow(ui, flow, cx, width);
        }
        BlockKind::Paragraph { content, .. } => {
            let mut flow = Flow::new(ui);
            inlines(&mut flow, content, Style::default(), cx, depth);
            show_flow(ui, flow, cx, width);
        }
        BlockKind::Code { text, lang } => code(ui, text, lang.as_deref()),
        // Past the depth drawn as nesting, what a quote or list holds is drawn flat.
        BlockKind::Quote { blocks, .. } if depth >= MAX_DEPTH => blocks_in(ui, blocks, cx, depth),
        BlockKind::List { items, .. } if depth >= MAX_DEPTH => {
            for item in items {
                blocks_in(ui, item, cx, depth);
            }
        }
        BlockKind::Quote { blocks, .. } => {
            quote(ui, |ui, cx| blocks_in(ui, blocks, cx, depth + 1), cx)
        }
        BlockKind::List { ordered, items, .. } => {
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}.", i + 1)
                } else {
                    "•".to_owned()
                };
                ui.horizontal_top(|ui| {
                    ui.add_sized([22.0, 0.0], egui::Label::new(marker));
                    ui.vertical(|ui| blocks_in(ui, item, cx, depth + 1));
                });
            }
        }
        BlockKind::Toc => toc(ui, cx),
        BlockKind::Table {
            align, head, rows, ..
        } => table(ui, align, head, rows, cx, depth),
        BlockKind::DefList(items) => {
            for item in items {
                match item {
                    DefItem::Term(c) => {
                        let mut flow = Flow::new(ui);
                        inlines(
                            &mut flow,
                            c,
                            Style {
                                bold: true,
                                ..Style::default()
                            },
                            cx,
                            depth,
                        );
                        show_flow(ui, flow, cx, width);
                    }
                    DefItem::Def(blocks) => {
                        ui.horizontal_top(|ui| {
                            ui.add_space(24.0);
                            ui.vertical(|ui| blocks_in(ui, blocks, cx, depth + 1));
                        });
                    }
                }
            }
        }
        BlockKind::Rule => {
            ui.separator();
        }
        BlockKind::Html { nodes, .. } => html_blocks(ui, nodes, cx, depth),
        BlockKind::Math(tex) => {
            ui.vertical_centered(|ui| math(ui, cx, &math_key(tex, true)));
        }
        BlockKind::Container {
            name, open, blocks, ..
        } => container(ui, name, open, blocks, cx, depth),
    }
}

/// An element opened with `markdown="1"` drawn around what it holds: a `<details>` folds it
/// under its `<summary>`, a `<center>` centres it.
fn container(
    ui: &mut Ui,
    name: &str,
    open: &Block,
    blocks: &[Block],
    cx: &mut DrawCtx<'_>,
    depth: usize,
) {
    let own: &[HNode] = match &open.kind {
        BlockKind::Html { nodes, .. } => match nodes.first() {
            Some(HNode::Element(el)) => &el.children,
            _ => &[],
        },
        _ => &[],
    };
    let is_summary = |n: &HNode| matches!(n, HNode::Element(e) if e.name == "summary");
    match name {
        "details" => {
            // The summary is in the opening block, or the first block inside.
            let (summary, inner) = match own.iter().find(|n| is_summary(n)) {
                Some(HNode::Element(s)) => (Some(text_of(&s.children)), blocks),
                _ => match blocks.split_first() {
                    Some((
                        Block {
                            kind: BlockKind::Html { nodes, .. },
                            ..
                        },
                        rest,
                    )) if nodes.iter().any(is_summary) => (
                        nodes.iter().find_map(|n| match n {
                            HNode::Element(s) if s.name == "summary" => Some(text_of(&s.children)),
                            _ => None,
                        }),
                        rest,
                    ),
                    _ => (None, blocks),
                },
            };
            let rest: Vec<HNode> = own.iter().filter(|n| !is_summary(n)).cloned().collect();
            egui::CollapsingHeader::new(summary.unwrap_or_else(|| tr!("details")))
                .id_salt(("details", open.at))
                .default_open(false)
                .show(ui, |ui| {
                    html_blocks(ui, &rest, cx, depth + 1);
                    blocks_in(ui, inner, cx, depth + 1);
                });
        }
        "center" => {
            ui.vertical_centered(|ui| {
                html_blocks(ui, own, cx, depth + 1);
                blocks_in(ui, blocks, cx, depth + 1);
            });
        }
        _ => {
            html_blocks(ui, own, cx, depth + 1);
            blocks_in(ui, blocks, cx, depth + 1);
        }
    }
}

pub(super) fn blocks_in(ui: &mut Ui, blocks: &[Block], cx: &mut DrawCtx<'_>, depth: usize) {
    // The post's nesting is bounded when it is prepared (kramdown's and HTML's caps); the
    // drawing only stops nesting frames past `MAX_DEPTH`.
    for b in blocks {
        block(ui, b, cx, depth.min(MAX_DEPTH));
    }
}

pub(super) fn code(ui: &mut Ui, text: &str, lang: Option<&str>) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().code_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(l) = lang {
                ui.label(RichText::new(l).small().weak());
            }
            ui.label(RichText::new(text.trim_end_matches('\n')).monospace());
        });
}

pub(super) fn quote(
    ui: &mut Ui,
    inner: impl FnOnce(&mut Ui, &mut DrawCtx<'_>),
    cx: &mut DrawCtx<'_>,
) {
    let color = ui.visuals().weak_text_color();
    let r = ui.horizontal_top(|ui| {
        ui.add_space(12.0);
        ui.vertical(|ui| inner(ui, cx));
    });
    let rect = r.response.rect;
    ui.painter()
        .vline(rect.left() + 4.0, rect.y_range(), Stroke::new(3.0, color));
}

pub(super) fn toc(ui: &mut Ui, cx: &mut DrawCtx<'_>) {
    let headings = cx.prepared.doc.headings.clone();
    let base = headings.iter().map(|h| h.level).min().unwrap_or(1);
    for h in &headings {
        ui.horizontal(|ui| {
            ui.add_space(16.0 * f32::from(h.level - base));
            ui.label("•");
            let link = ui.link(&h.text);
            if link.clicked() {
                cx.clicked = Some(format!("#{}", h.id));
            }
        });
    }
}

pub(super) fn table(
    ui: &mut Ui,
    align: &[Align],
    head: &[Vec<Inline>],
    rows: &[Vec<Vec<Inline>>],
    cx: &mut DrawCtx<'_>,
    depth: usize,
) {
    let id = ui.next_auto_id();
    egui::Grid::new(id)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (i, c) in head.iter().enumerate() {
                cell(ui, c, align.get(i).copied(), true, cx, depth);
            }
            if !head.is_empty() {
                ui.end_row();
            }
            for row in rows {
                for (i, c) in row.iter().enumerate() {
                    cell(ui, c, align.get(i).copied(), false, cx, depth);
                }
                ui.end_row();
            }
        });
}

pub(super) fn cell(
    ui: &mut Ui,
    c: &[Inline],
    align: Option<Align>,
    head: bool,
    cx: &mut DrawCtx<'_>,
    depth: usize,
) {
    let layout = match align {
        Some(Align::Right) => egui::Layout::right_to_left(egui::Align::Center),
        Some(Align::Center) => egui::Layout::centered_and_justified(egui::Direction::LeftToRight),
        _ => egui::Layout::left_to_right(egui::Align::Center),
    };
    ui.with_layout(layout, |ui| {
        let mut flow = Flow::new(ui);
        inlines(
            &mut flow,
            c,
            Style {
                bold: head,
                ..Style::default()
            },
            cx,
            depth,
        );
        show_line(ui, flow, cx);
    });
}

/// Draw the flow on one line without wrapping (table cells size to their text).
pub(super) fn show_line(ui: &mut Ui, mut flow: Flow, cx: &mut DrawCtx<'_>) {
    flow.flush();
    let pieces = std::mem::take(&mut flow.pieces);
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for piece in pieces {
            match piece {
                Piece::Text(job) => {
                    ui.add(egui::Label::new(job).extend());
                }
                Piece::Link(job, href) => {
                    let r = ui.add(egui::Label::new(job).extend().sense(egui::Sense::click()));
                    if r.on_hover_text(&href).clicked() {
                        cx.clicked = Some(href);
                    }
                }
                Piece::Break => {}
                Piece::Math(key) => math(ui, cx, &key),
                Piece::Image(n) => image(ui, cx, n, 400.0),
            }
        }
    });
}

/// The footnotes at the end of the page.
pub fn footnotes(ui: &mut Ui, cx: &mut DrawCtx<'_>) {
    let notes = &cx.prepared.doc.footnotes;
    if notes.is_empty() {
        return;
    }
    ui.separator();
    let notes = notes.clone();
    for (i, f) in notes.iter().enumerate() {
        ui.horizontal_top(|ui| {
            ui.add_sized(
                [22.0, 0.0],
                egui::Label::new(RichText::new(format!("{}.", i + 1)).small()),
            );
            ui.vertical(|ui| blocks_in(ui, &f.blocks, cx, 1));
        });
    }
}
