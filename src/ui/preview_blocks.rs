//! Blocks of the preview: headings, paragraphs, lists, quotes, code, tables, definition
//! lists, the table of contents, math and HTML blocks, and the footnotes at the end.

use egui::{RichText, Ui};

use super::preview_draw::{
    Flow, MAX_DEPTH, Style, code, heading_size, inlines, quote, show_flow, show_line, text_of,
};
use super::preview_html::html_blocks;
use super::preview_media::{DrawCtx, math};
use crate::journal::kramdown::{Align, Block, BlockKind, DefItem, HNode, Inline};
use crate::tr;
use crate::ui::preview_worker::math_key;

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
