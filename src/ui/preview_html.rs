//! HTML blocks in the preview, drawn as what they mean: `<center>`, `<figure>`,
//! `<details>`, `<table>`, `<br>`…; `iframe`/`video`/`script` as labelled placeholders.

use egui::Ui;

use super::preview_draw::{
    Flow, MAX_DEPTH, Style, code, heading_size, html_inline, quote, show_flow, show_line, text_of,
};
use super::preview_gallery::{gallery, small_caption, tiles};
use super::preview_media::{DrawCtx, notice};
use crate::i18n::tr;
use crate::journal::kramdown::htmlparse::Element;
use crate::journal::kramdown::{HNode, attr};
use crate::tr;

/// Draw HTML block content: inline runs as paragraphs, block elements as what they mean.
pub(super) fn html_blocks(ui: &mut Ui, nodes: &[HNode], cx: &mut DrawCtx<'_>, depth: usize) {
    let width = ui.available_width();
    let mut flow_nodes: Vec<HNode> = Vec::new();
    let flush = |ui: &mut Ui, pending: &mut Vec<HNode>, cx: &mut DrawCtx<'_>| {
        if pending.iter().all(|n| {
            matches!(n, HNode::Text(t) if t.trim().is_empty()) || matches!(n, HNode::Comment)
        }) {
            pending.clear();
            return;
        }
        let mut f = Flow::new(ui);
        html_inline(&mut f, pending, Style::default(), cx, depth);
        pending.clear();
        show_flow(ui, f, cx, width);
    };
    for n in nodes {
        let HNode::Element(el) = n else {
            flow_nodes.push(n.clone());
            continue;
        };
        if !is_block_element(&el.name) || depth > MAX_DEPTH {
            flow_nodes.push(n.clone());
            continue;
        }
        flush(ui, &mut flow_nodes, cx);
        html_element(ui, el, cx, depth + 1);
    }
    flush(ui, &mut flow_nodes, cx);
}

fn is_block_element(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "center"
            | "figure"
            | "figcaption"
            | "details"
            | "summary"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "pre"
            | "blockquote"
            | "hr"
            | "iframe"
            | "video"
            | "audio"
            | "script"
            | "style"
            | "object"
            | "embed"
            | "canvas"
            | "svg"
            | "form"
            | "noscript"
            | "template"
            | "address"
            | "fieldset"
    )
}

fn html_element(ui: &mut Ui, el: &Element, cx: &mut DrawCtx<'_>, depth: usize) {
    let children = &el.children;
    // Several photos in one element (a slider, a gallery, a figure of linked photos): a grid.
    if !matches!(el.name.as_str(), "table" | "ul" | "ol" | "dl" | "pre")
        && let Some((tiles, caption)) = tiles(el)
    {
        if el.name == "center" || attr(&el.attrs, "align") == Some("center") {
            ui.vertical_centered(|ui| gallery(ui, &tiles, caption, cx, depth));
        } else {
            gallery(ui, &tiles, caption, cx, depth);
        }
        return;
    }
    match el.name.as_str() {
        "center" => {
            ui.vertical_centered(|ui| html_blocks(ui, children, cx, depth));
        }
        "figcaption" => {
            ui.vertical_centered(|ui| {
                let width = ui.available_width();
                small_caption(ui, children, cx, depth, width);
            });
        }
        "details" => {
            let summary = children.iter().find_map(|c| match c {
                HNode::Element(s) if s.name == "summary" => Some(text_of(&s.children)),
                _ => None,
            });
            let rest: Vec<HNode> = children
                .iter()
                .filter(|c| !matches!(c, HNode::Element(s) if s.name == "summary"))
                .cloned()
                .collect();
            egui::CollapsingHeader::new(summary.unwrap_or_else(|| tr!("details")))
                .id_salt(("details", el.at))
                .default_open(false)
                .show(ui, |ui| html_blocks(ui, &rest, cx, depth));
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            let level = el.name[1..].parse().unwrap_or(3);
            let mut f = Flow::new(ui);
            html_inline(
                &mut f,
                children,
                Style {
                    bold: true,
                    size: Some(heading_size(level)),
                    ..Style::default()
                },
                cx,
                depth,
            );
            show_flow(ui, f, cx, ui.available_width());
        }
        "ul" | "ol" => {
            let ordered = el.name == "ol";
            let mut n = 0;
            for c in children {
                if let HNode::Element(li) = c
                    && li.name == "li"
                {
                    n += 1;
                    let marker = if ordered {
                        format!("{n}.")
                    } else {
                        "•".to_owned()
                    };
                    ui.horizontal_top(|ui| {
                        ui.add_sized([22.0, 0.0], egui::Label::new(marker));
                        ui.vertical(|ui| html_blocks(ui, &li.children, cx, depth));
                    });
                }
            }
        }
        "pre" => code(ui, &text_of(children), None),
        "blockquote" => quote(ui, |ui, cx| html_blocks(ui, children, cx, depth), cx),
        "hr" => {
            ui.separator();
        }
        "table" => html_table(ui, el, cx, depth),
        "dd" => {
            ui.horizontal_top(|ui| {
                ui.add_space(24.0);
                ui.vertical(|ui| html_blocks(ui, children, cx, depth));
            });
        }
        "iframe" | "video" | "audio" | "object" | "embed" | "canvas" | "svg" | "form" => {
            let src = attr(&el.attrs, "src")
                .or_else(|| attr(&el.attrs, "data"))
                .unwrap_or("");
            notice(
                ui,
                &tr!("preview-not-shown", element = el.name.as_str(), src = src),
                false,
            );
        }
        "script" => notice(ui, tr("preview-script"), false),
        "style" | "noscript" | "template" => {}
        _ => html_blocks(ui, children, cx, depth),
    }
}

fn html_table(ui: &mut Ui, el: &Element, cx: &mut DrawCtx<'_>, depth: usize) {
    let mut rows: Vec<&Element> = Vec::new();
    let mut stack: Vec<&HNode> = el.children.iter().rev().collect();
    while let Some(n) = stack.pop() {
        if let HNode::Element(e) = n {
            match e.name.as_str() {
                "tr" => rows.push(e),
                "thead" | "tbody" | "tfoot" => stack.extend(e.children.iter().rev()),
                _ => {}
            }
        }
    }
    egui::Grid::new(("html-table", el.at))
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for row in rows {
                for c in &row.children {
                    if let HNode::Element(cell) = c
                        && (cell.name == "td" || cell.name == "th")
                    {
                        ui.vertical(|ui| {
                            let mut f = Flow::new(ui);
                            html_inline(
                                &mut f,
                                &cell.children,
                                Style {
                                    bold: cell.name == "th",
                                    ..Style::default()
                                },
                                cx,
                                depth,
                            );
                            show_line(ui, f, cx);
                        });
                    }
                }
                ui.end_row();
            }
        });
}
