//! Drawing a prepared post (`Prepared`) the way a browser shows the published page:
//! the inline flow of a paragraph (styles, links, Liquid daybook could not evaluate shown
//! dimmed as written, typeset inline math) laid out and drawn here; blocks in
//! `preview_blocks`, HTML blocks in `preview_html`, photos and math in `preview_media`;
//! here too the framed parts both kinds of block share (code, a quote, a line of a table
//! cell). Draws only; clicks come back as a link target.

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, Stroke, TextFormat, Ui};

use super::preview_media::{DrawCtx, image, math};
use crate::journal::kramdown::build::{PLACEHOLDER_HTML, PLACEHOLDER_IAL};
use crate::journal::kramdown::{HNode, Inline, attr};
use crate::ui::preview_worker::math_key;

/// Nesting drawn as nesting, at most; deeper content is drawn flat.
pub(super) const MAX_DEPTH: usize = 12;

/// Inline style while walking text.
#[derive(Clone, Copy, Default)]
pub(super) struct Style {
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) code: bool,
    pub(super) strike: bool,
    pub(super) underline: bool,
    pub(super) dim: bool,
    pub(super) small: bool,
    pub(super) raise: i8,
    pub(super) size: Option<f32>,
}

/// A piece of a paragraph's flow.
pub(super) enum Piece {
    Text(LayoutJob),
    Link(LayoutJob, String),
    Image(usize),
    Math(String),
    Break,
}

pub(super) struct Flow {
    pub(super) ui_style: std::sync::Arc<egui::Style>,
    pub(super) pieces: Vec<Piece>,
    pub(super) job: LayoutJob,
    pub(super) link: Option<String>,
}

impl Flow {
    pub(super) fn new(ui: &Ui) -> Flow {
        Flow {
            ui_style: ui.style().clone(),
            pieces: Vec::new(),
            job: LayoutJob::default(),
            link: None,
        }
    }

    pub(super) fn format(&self, s: Style) -> TextFormat {
        let v = &self.ui_style.visuals;
        let body = self
            .ui_style
            .text_styles
            .get(&egui::TextStyle::Body)
            .map_or(14.0, |f| f.size);
        let mut size = s.size.unwrap_or(body);
        if s.small || s.raise != 0 {
            size *= 0.75;
        }
        let font_id = if s.code {
            FontId::monospace(size * 0.95)
        } else {
            FontId::proportional(size)
        };
        let mut color = if s.bold {
            v.strong_text_color()
        } else {
            v.text_color()
        };
        if self.link.is_some() {
            color = v.hyperlink_color;
        }
        if s.dim {
            color = v.weak_text_color();
        }
        TextFormat {
            font_id,
            color,
            italics: s.italic,
            background: if s.code {
                v.code_bg_color
            } else {
                Color32::TRANSPARENT
            },
            strikethrough: if s.strike {
                Stroke::new(1.0, color)
            } else {
                Stroke::NONE
            },
            underline: if s.underline || self.link.is_some() {
                Stroke::new(1.0, color)
            } else {
                Stroke::NONE
            },
            valign: match s.raise {
                1 => egui::Align::TOP,
                _ => egui::Align::BOTTOM,
            },
            ..TextFormat::default()
        }
    }

    pub(super) fn text(&mut self, t: &str, s: Style) {
        if t.is_empty() {
            return;
        }
        let f = self.format(s);
        self.job.append(t, 0.0, f);
    }

    pub(super) fn flush(&mut self) {
        if self.job.sections.is_empty() {
            return;
        }
        let job = std::mem::take(&mut self.job);
        match &self.link {
            Some(href) => self.pieces.push(Piece::Link(job, href.clone())),
            None => self.pieces.push(Piece::Text(job)),
        }
    }

    pub(super) fn set_link(&mut self, link: Option<String>) {
        self.flush();
        self.link = link;
    }

    pub(super) fn push(&mut self, piece: Piece) {
        self.flush();
        self.pieces.push(piece);
    }
}

pub(super) fn heading_size(level: u8) -> f32 {
    match level {
        1 => 26.0,
        2 => 22.0,
        3 => 19.0,
        4 => 17.0,
        5 => 15.0,
        _ => 14.0,
    }
}

/// Liquid daybook could not evaluate, as written.
pub(super) fn unresolved_text(cx: &DrawCtx<'_>, n: usize) -> String {
    cx.prepared
        .doc
        .unresolved
        .get(n)
        .cloned()
        .unwrap_or_default()
}

/// Text with Liquid markers, as flow pieces (the markers dimmed).
pub(super) fn marked_text(flow: &mut Flow, t: &str, s: Style, cx: &DrawCtx<'_>) {
    use crate::journal::liquid::{UNRESOLVED_CLOSE, UNRESOLVED_OPEN};
    let mut rest = t;
    while let Some(i) = rest.find(UNRESOLVED_OPEN) {
        flow.text(&rest[..i], s);
        let after = &rest[i + UNRESOLVED_OPEN.len_utf8()..];
        let Some(e) = after.find(UNRESOLVED_CLOSE) else {
            rest = after;
            continue;
        };
        let n: usize = after[..e].parse().unwrap_or(usize::MAX);
        flow.text(
            &unresolved_text(cx, n),
            Style {
                dim: true,
                code: true,
                ..s
            },
        );
        rest = &after[e + UNRESOLVED_CLOSE.len_utf8()..];
    }
    flow.text(rest, s);
}

pub(super) fn inlines(flow: &mut Flow, list: &[Inline], s: Style, cx: &DrawCtx<'_>, depth: usize) {
    // Inline HTML tags change the style until their end tag.
    let mut stack: Vec<(String, Style, Option<String>)> = Vec::new();
    let mut s = s;
    for i in list {
        match i {
            Inline::Text(t) => marked_text(flow, t, s, cx),
            Inline::Em(c) => inlines(flow, c, Style { italic: true, ..s }, cx, depth + 1),
            Inline::Strong(c) => inlines(flow, c, Style { bold: true, ..s }, cx, depth + 1),
            Inline::Del(c) => inlines(flow, c, Style { strike: true, ..s }, cx, depth + 1),
            Inline::Code(c) => flow.text(c, Style { code: true, ..s }),
            Inline::Link { href, content, .. } => {
                let outer = flow.link.clone();
                flow.set_link(Some(href.clone()));
                inlines(flow, content, s, cx, depth + 1);
                flow.set_link(outer);
            }
            Inline::Image(n) => flow.push(Piece::Image(*n)),
            Inline::Break => flow.push(Piece::Break),
            Inline::SoftBreak => flow.text(" ", s),
            Inline::Math(tex) => flow.push(Piece::Math(math_key(tex, false))),
            Inline::FootnoteRef { number, name, .. } => {
                let outer = flow.link.clone();
                flow.set_link(Some(format!("#fn:{name}")));
                flow.text(&number.to_string(), Style { raise: 1, ..s });
                flow.set_link(outer);
            }
            Inline::Abbr { text, .. } => flow.text(
                text,
                Style {
                    underline: true,
                    ..s
                },
            ),
            Inline::Unresolved(n) => flow.text(
                &unresolved_text(cx, *n),
                Style {
                    dim: true,
                    code: true,
                    ..s
                },
            ),
            Inline::Tag(HNode::Text(_)) | Inline::Tag(HNode::Comment) => {}
            Inline::Tag(HNode::Element(el)) => {
                if el.name == PLACEHOLDER_IAL {
                    continue;
                }
                if el.name == PLACEHOLDER_HTML {
                    html_inline(flow, &el.children, s, cx, depth + 1);
                    continue;
                }
                if el.end {
                    if let Some(pos) = stack.iter().rposition(|(n, _, _)| *n == el.name) {
                        let (_, old, link) = stack.remove(pos);
                        stack.truncate(pos);
                        s = old;
                        if el.name == "a" {
                            flow.set_link(link);
                        }
                    }
                    continue;
                }
                match el.name.as_str() {
                    "br" => flow.push(Piece::Break),
                    "input" if attr(&el.attrs, "type") == Some("checkbox") => {
                        let checked = attr(&el.attrs, "checked").is_some();
                        flow.text(if checked { "[x] " } else { "[ ] " }, s);
                    }
                    "a" => {
                        stack.push((el.name.clone(), s, flow.link.clone()));
                        flow.set_link(attr(&el.attrs, "href").map(str::to_owned));
                    }
                    name => {
                        stack.push((name.to_owned(), s, None));
                        s = styled(s, name);
                    }
                }
            }
        }
    }
    if !stack.is_empty() && flow.link.is_some() {
        flow.set_link(None);
    }
}

/// The style an inline HTML element gives its content.
pub(super) fn styled(s: Style, name: &str) -> Style {
    match name {
        "b" | "strong" => Style { bold: true, ..s },
        "i" | "em" | "cite" | "var" | "dfn" => Style { italic: true, ..s },
        "code" | "kbd" | "samp" | "tt" => Style { code: true, ..s },
        "s" | "del" | "strike" => Style { strike: true, ..s },
        "u" | "ins" | "abbr" => Style {
            underline: true,
            ..s
        },
        "small" => Style { small: true, ..s },
        "sup" => Style { raise: 1, ..s },
        "sub" => Style { raise: -1, ..s },
        _ => s,
    }
}

/// Inline HTML nodes into the flow (block elements are drawn by [`html_blocks`]).
pub(super) fn html_inline(
    flow: &mut Flow,
    nodes: &[HNode],
    s: Style,
    cx: &DrawCtx<'_>,
    depth: usize,
) {
    for n in nodes {
        match n {
            // HTML text collapses white space, line breaks included, as a browser shows it.
            HNode::Text(t) => marked_text(flow, &collapse_space(t), s, cx),
            HNode::Comment => {}
            HNode::Element(el) => match el.name.as_str() {
                "br" => flow.push(Piece::Break),
                "img" => {
                    if let Some(i) = el.image {
                        flow.push(Piece::Image(i));
                    }
                }
                "a" => {
                    let outer = flow.link.clone();
                    flow.set_link(attr(&el.attrs, "href").map(str::to_owned));
                    html_inline(flow, &el.children, s, cx, depth + 1);
                    flow.set_link(outer);
                }
                "script" | "style" | "template" | "noscript" => {}
                name if depth < MAX_DEPTH => {
                    html_inline(flow, &el.children, styled(s, name), cx, depth + 1)
                }
                _ => flow.text(&text_of(&el.children), s),
            },
        }
    }
}

/// Runs of white space as one space.
pub(super) fn collapse_space(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

pub(super) fn text_of(nodes: &[HNode]) -> String {
    let mut out = String::new();
    let mut stack: Vec<&HNode> = nodes.iter().rev().collect();
    while let Some(n) = stack.pop() {
        match n {
            HNode::Text(t) => out.push_str(t),
            HNode::Element(el) => stack.extend(el.children.iter().rev()),
            HNode::Comment => {}
        }
    }
    out
}

/// Draw the flow's pieces, wrapping like a paragraph; photos take a line of their own.
pub(super) fn show_flow(ui: &mut Ui, mut flow: Flow, cx: &mut DrawCtx<'_>, max_width: f32) {
    flow.flush();
    let mut pieces = std::mem::take(&mut flow.pieces).into_iter().peekable();
    while pieces.peek().is_some() {
        if let Some(Piece::Image(_)) = pieces.peek()
            && let Some(Piece::Image(n)) = pieces.next()
        {
            image(ui, cx, n, max_width);
            continue;
        }
        let mut run = Vec::new();
        while let Some(p) = pieces.next_if(|p| !matches!(p, Piece::Image(_))) {
            run.push(p);
        }
        // A line break right before a photo ends the line, nothing more; space alone around
        // a photo (HTML's indentation) shows as nothing.
        while matches!(run.last(), Some(Piece::Break)) {
            run.pop();
        }
        if run
            .iter()
            .all(|p| matches!(p, Piece::Text(job) if job.text.trim().is_empty()))
        {
            continue;
        }
        // Centred text (`<center>`, captions): a label per line, which a centred layout
        // centres (a run holds one text job between line breaks).
        if ui.layout().horizontal_align() == egui::Align::Center
            && run
                .iter()
                .all(|p| matches!(p, Piece::Text(_) | Piece::Break))
        {
            for piece in run {
                if let Piece::Text(mut job) = piece {
                    job.halign = egui::Align::Center;
                    ui.label(job);
                }
            }
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for piece in run {
                match piece {
                    Piece::Text(job) => {
                        ui.label(job);
                    }
                    Piece::Link(job, href) => {
                        let r = ui.add(egui::Label::new(job).sense(egui::Sense::click()));
                        let r = r.on_hover_text(&href);
                        if r.clicked() {
                            cx.clicked = Some(href);
                        }
                    }
                    Piece::Break => ui.end_row(),
                    Piece::Math(key) => math(ui, cx, &key),
                    Piece::Image(_) => {}
                }
            }
        });
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
