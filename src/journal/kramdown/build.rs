//! From pulldown-cmark's events (over the pre-passed text) to the [`Doc`], with kramdown's
//! rules applied: placeholders put back (HTML blocks, math, IALs), GFM header ids, `{:toc}`,
//! footnotes numbered by first reference, abbreviations on ASCII word boundaries, display
//! math only for a paragraph of its own. Offsets end up in the body as written ([`locate`]).

use std::collections::HashMap;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};

use super::htmlparse::{Element, HNode, Token, parse_html, tokenize};
use super::prepass::{
    HTML_CLOSE, HTML_OPEN, IAL_CLOSE, IAL_OPEN, KEEP_PARAGRAPH, MATH_CLOSE, MATH_OPEN, Pre,
};
use super::{
    Align, Attrs, Block, BlockKind, DefItem, Doc, Footnote, HeadingRef, Image, Inline, attr,
};
use crate::journal::liquid::{UNRESOLVED_CLOSE, UNRESOLVED_OPEN, restore_markers};

/// Containers deeper than this are flattened into their parent (50,000 `>` must not
/// overflow anything that walks the tree).
const MAX_DEPTH: usize = 48;

#[derive(Debug)]
enum Kind {
    Root,
    Para,
    Heading(u8, Option<String>, Attrs),
    Quote,
    List(bool),
    Item,
    Footnote(String),
    DefList,
    DefTitle,
    DefDef,
    Table(Vec<Align>),
    Head,
    Row,
    Cell,
    Em,
    Strong,
    Del,
    Link(String, Option<String>),
    Image(String, Option<String>),
    Code(Option<String>),
    Html,
    /// A container not kept (too deep): its content goes to the parent.
    Flat,
}

struct Frame {
    kind: Kind,
    at: usize,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    text: String,
    rows: Vec<Vec<Vec<Inline>>>,
    cells: Vec<Vec<Inline>>,
    head: Vec<Vec<Inline>>,
    defs: Vec<DefItem>,
    items: Vec<Vec<Block>>,
}

impl Frame {
    fn new(kind: Kind, at: usize) -> Frame {
        Frame {
            kind,
            at,
            blocks: Vec::new(),
            inlines: Vec::new(),
            text: String::new(),
            rows: Vec::new(),
            cells: Vec::new(),
            head: Vec::new(),
            defs: Vec::new(),
            items: Vec::new(),
        }
    }
}

struct Builder<'p> {
    pre: &'p Pre,
    stack: Vec<Frame>,
    images: Vec<Image>,
    footnotes: HashMap<String, Vec<Block>>,
    foot_order: Vec<String>,
    foot_refs: HashMap<String, usize>,
    unresolved: Vec<String>,
    /// Offset (pre-pass text) of the event being read.
    at: usize,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_TASKLISTS
}

/// Build the document from the pre-pass result. Offsets are in the pre-pass input.
pub fn build(pre: &Pre, unresolved: Vec<String>) -> Doc {
    let mut b = Builder {
        pre,
        stack: vec![Frame::new(Kind::Root, 0)],
        images: Vec::new(),
        footnotes: HashMap::new(),
        foot_order: Vec::new(),
        foot_refs: HashMap::new(),
        unresolved,
        at: 0,
    };
    for (event, range) in Parser::new_ext(&pre.text, options()).into_offset_iter() {
        b.at = pre.map.to_source(range.start);
        b.event(event);
    }
    while b.stack.len() > 1 {
        b.end();
    }
    let root = b.stack.pop().map(|f| f.blocks).unwrap_or_default();
    let mut doc = Doc {
        blocks: apply_ials(root, pre),
        images: b.images,
        unresolved: b.unresolved,
        ..Doc::default()
    };
    doc.footnotes = b
        .foot_order
        .iter()
        .map(|name| Footnote {
            name: name.clone(),
            blocks: b
                .footnotes
                .get(name)
                .map(|blocks| apply_ials(blocks.clone(), pre))
                .unwrap_or_default(),
            refs: b.foot_refs.get(name).copied().unwrap_or(1),
        })
        .collect();
    let abbrs = &pre.abbrs;
    if !abbrs.is_empty() {
        for block in &mut doc.blocks {
            abbreviate_block(block, abbrs);
        }
        for f in &mut doc.footnotes {
            for block in &mut f.blocks {
                abbreviate_block(block, abbrs);
            }
        }
    }
    let mut ids: HashMap<String, i32> = HashMap::new();
    let mut headings = Vec::new();
    assign_ids(&mut doc.blocks, &mut ids, &mut headings);
    doc.headings = headings;
    doc
}

/// Move every offset from the Liquid output to the body as written.
pub fn locate(doc: &mut Doc, map: &crate::journal::srcmap::SourceMap, base: usize) {
    let to = |at: usize| base + map.to_source(at);
    fn walk(blocks: &mut [Block], to: &dyn Fn(usize) -> usize) {
        for b in blocks {
            b.at = to(b.at);
            match &mut b.kind {
                BlockKind::Quote { blocks, .. } => walk(blocks, to),
                BlockKind::List { items, .. } => items.iter_mut().for_each(|i| walk(i, to)),
                BlockKind::DefList(items) => {
                    for i in items {
                        if let DefItem::Def(blocks) = i {
                            walk(blocks, to);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    walk(&mut doc.blocks, &to);
    for f in &mut doc.footnotes {
        walk(&mut f.blocks, &to);
    }
    for image in &mut doc.images {
        image.at = to(image.at);
    }
    for h in &mut doc.headings {
        h.at = to(h.at);
    }
}

impl Builder<'_> {
    fn top(&mut self) -> &mut Frame {
        let n = self.stack.len() - 1;
        &mut self.stack[n]
    }

    fn push(&mut self, kind: Kind) {
        // Deep nesting is kept flat: its content stays, its structure does not.
        let nestable = matches!(
            kind,
            Kind::Quote
                | Kind::List(_)
                | Kind::Item
                | Kind::Em
                | Kind::Strong
                | Kind::Del
                | Kind::Link(..)
        );
        let kind = if nestable && self.stack.len() > MAX_DEPTH {
            Kind::Flat
        } else {
            kind
        };
        self.stack.push(Frame::new(kind, self.at));
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(_) => self.end(),
            Event::Text(t) => self.text(&t),
            Event::Code(c) => {
                let c = restore_markers(&unplace(&c, self.pre), &self.unresolved);
                self.top().inlines.push(Inline::Code(c));
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => {
                self.top().inlines.push(Inline::Math(m.to_string()))
            }
            Event::Html(h) => {
                let at = self.at;
                let h = unplace(&h, self.pre);
                let top = self.top();
                if matches!(top.kind, Kind::Html) {
                    top.text.push_str(&h);
                } else {
                    self.inline_html(&h, at);
                }
            }
            Event::InlineHtml(h) => {
                let at = self.at;
                let h = unplace(&h, self.pre);
                self.inline_html(&h, at);
            }
            Event::FootnoteReference(name) => {
                let name = name.to_string();
                let number = match self.foot_order.iter().position(|n| *n == name) {
                    Some(i) => i + 1,
                    None => {
                        self.foot_order.push(name.clone());
                        self.foot_order.len()
                    }
                };
                let count = self.foot_refs.entry(name.clone()).or_insert(0);
                let occurrence = *count;
                *count += 1;
                self.top().inlines.push(Inline::FootnoteRef {
                    number,
                    name,
                    occurrence,
                });
            }
            Event::SoftBreak => self.top().inlines.push(Inline::SoftBreak),
            Event::HardBreak => self.top().inlines.push(Inline::Break),
            Event::Rule => {
                let at = self.at;
                self.top().blocks.push(Block {
                    kind: BlockKind::Rule,
                    at,
                });
            }
            Event::TaskListMarker(done) => {
                // kramdown-parser-gfm's checkbox.
                let mut attrs: Attrs = vec![
                    ("type".to_owned(), "checkbox".to_owned()),
                    ("class".to_owned(), "task-list-item-checkbox".to_owned()),
                    ("disabled".to_owned(), "disabled".to_owned()),
                ];
                if done {
                    attrs.push(("checked".to_owned(), "checked".to_owned()));
                }
                let at = self.at;
                self.top().inlines.push(Inline::Tag(HNode::Element(Element {
                    name: "input".to_owned(),
                    attrs,
                    children: Vec::new(),
                    at,
                    image: None,
                    end: false,
                })));
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.push(Kind::Para),
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                let mut a: Attrs = attrs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.as_deref().unwrap_or("").to_owned()))
                    .collect();
                if !classes.is_empty() {
                    a.push(("class".to_owned(), classes.join(" ")));
                }
                self.push(Kind::Heading(
                    heading_level(level),
                    id.map(|i| i.to_string()),
                    a,
                ));
            }
            Tag::BlockQuote(_) => self.push(Kind::Quote),
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => unplace(&info, self.pre)
                        .split_whitespace()
                        .next()
                        .map(str::to_owned),
                    CodeBlockKind::Indented => None,
                };
                self.push(Kind::Code(lang.filter(|l| !l.is_empty())));
            }
            Tag::HtmlBlock => self.push(Kind::Html),
            Tag::List(start) => self.push(Kind::List(start.is_some())),
            Tag::Item => self.push(Kind::Item),
            Tag::FootnoteDefinition(name) => self.push(Kind::Footnote(name.to_string())),
            Tag::DefinitionList => self.push(Kind::DefList),
            Tag::DefinitionListTitle => self.push(Kind::DefTitle),
            Tag::DefinitionListDefinition => self.push(Kind::DefDef),
            Tag::Table(aligns) => self.push(Kind::Table(
                aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::None => Align::None,
                        Alignment::Left => Align::Left,
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                    })
                    .collect(),
            )),
            Tag::TableHead => self.push(Kind::Head),
            Tag::TableRow => self.push(Kind::Row),
            Tag::TableCell => self.push(Kind::Cell),
            Tag::Emphasis => self.push(Kind::Em),
            Tag::Strong => self.push(Kind::Strong),
            Tag::Strikethrough => self.push(Kind::Del),
            Tag::Link {
                dest_url, title, ..
            } => self.push(Kind::Link(
                dest_url.to_string(),
                Some(title.to_string()).filter(|t| !t.is_empty()),
            )),
            Tag::Image {
                dest_url, title, ..
            } => self.push(Kind::Image(
                dest_url.to_string(),
                Some(title.to_string()).filter(|t| !t.is_empty()),
            )),
            Tag::MetadataBlock(_) | Tag::Superscript | Tag::Subscript => self.push(Kind::Flat),
        }
    }

    fn end(&mut self) {
        let Some(mut frame) = self.stack.pop() else {
            return;
        };
        self.span_ials(&mut frame.inlines);
        if self.stack.is_empty() {
            self.stack.push(frame);
            return;
        }
        let at = frame.at;
        let code_text = match frame.kind {
            Kind::Code(_) => restore_markers(&unplace(&frame.text, self.pre), &self.unresolved),
            _ => String::new(),
        };
        let parent = self.top();
        let inline_parent = matches!(
            parent.kind,
            Kind::Para
                | Kind::Heading(..)
                | Kind::Em
                | Kind::Strong
                | Kind::Del
                | Kind::Link(..)
                | Kind::Image(..)
                | Kind::Cell
                | Kind::DefTitle
        );
        let block = |kind| Block { kind, at };
        match frame.kind {
            Kind::Root => {}
            Kind::Para => {
                let content = finish_inlines(frame.inlines);
                parent.blocks.push(block(BlockKind::Paragraph {
                    content,
                    attrs: Attrs::new(),
                }));
            }
            Kind::Heading(level, id, attrs) => {
                let mut attrs = attrs;
                if let Some(id) = id {
                    attrs.push(("id".to_owned(), id));
                }
                let content = finish_inlines(frame.inlines);
                parent.blocks.push(block(BlockKind::Heading {
                    level,
                    id: String::new(),
                    content,
                    attrs,
                }));
            }
            Kind::Quote => parent.blocks.push(block(BlockKind::Quote {
                blocks: frame.blocks,
                attrs: Attrs::new(),
            })),
            Kind::List(ordered) => parent.blocks.push(block(BlockKind::List {
                ordered,
                items: frame.items,
                attrs: Attrs::new(),
            })),
            Kind::Item => {
                let blocks = tight_blocks(frame.blocks, frame.inlines, at);
                if matches!(parent.kind, Kind::List(_)) {
                    parent.items.push(blocks);
                } else {
                    parent.blocks.extend(blocks);
                }
            }
            Kind::Footnote(name) => {
                self.footnotes.insert(name, frame.blocks);
            }
            Kind::DefList => parent.blocks.push(block(BlockKind::DefList(frame.defs))),
            Kind::DefTitle => parent
                .defs
                .push(DefItem::Term(finish_inlines(frame.inlines))),
            Kind::DefDef => {
                let blocks = tight_blocks(frame.blocks, frame.inlines, at);
                parent.defs.push(DefItem::Def(blocks));
            }
            Kind::Table(align) => parent.blocks.push(block(BlockKind::Table {
                align,
                head: frame.head,
                rows: frame.rows,
                attrs: Attrs::new(),
            })),
            Kind::Head => parent.head = frame.cells,
            Kind::Row => parent.rows.push(frame.cells),
            Kind::Cell => {
                let content = finish_inlines(frame.inlines);
                parent.cells.push(content);
            }
            Kind::Em => parent.inlines.push(Inline::Em(frame.inlines)),
            Kind::Strong => parent.inlines.push(Inline::Strong(frame.inlines)),
            Kind::Del => parent.inlines.push(Inline::Del(frame.inlines)),
            Kind::Link(href, title) => parent.inlines.push(Inline::Link {
                href,
                title,
                content: frame.inlines,
            }),
            Kind::Image(src, title) => {
                let alt = plain_text(&frame.inlines);
                let index = self.images.len();
                self.images.push(Image {
                    src,
                    alt,
                    title,
                    width: None,
                    height: None,
                    at,
                    html: false,
                    attrs: Attrs::new(),
                });
                self.top().inlines.push(Inline::Image(index));
            }
            Kind::Code(lang) => {
                parent.blocks.push(block(BlockKind::Code {
                    lang,
                    text: code_text,
                }));
            }
            Kind::Html => {
                let raw = frame.text;
                let nodes = self.html_nodes(&raw, at);
                self.top().blocks.push(Block {
                    kind: BlockKind::Html { raw, nodes },
                    at,
                });
            }
            Kind::Flat => {
                if inline_parent {
                    parent.inlines.extend(frame.inlines);
                } else {
                    parent.blocks.extend(frame.blocks);
                    if !frame.inlines.is_empty() {
                        parent.inlines.extend(frame.inlines);
                    }
                    parent.items.extend(frame.items);
                }
            }
        }
    }

    fn text(&mut self, t: &str) {
        let top = self.top();
        if matches!(top.kind, Kind::Code(_) | Kind::Html) {
            top.text.push_str(t);
            return;
        }
        let mut rest = t;
        while let Some(i) = rest.find(|c: char| {
            matches!(
                c,
                HTML_OPEN | MATH_OPEN | IAL_OPEN | UNRESOLVED_OPEN | KEEP_PARAGRAPH
            )
        }) {
            let open = rest[i..].chars().next().unwrap_or(' ');
            if i > 0 {
                self.top().inlines.push(Inline::Text(rest[..i].to_owned()));
            }
            let after = &rest[i + open.len_utf8()..];
            if open == KEEP_PARAGRAPH {
                rest = after;
                continue;
            }
            let close = match open {
                HTML_OPEN => HTML_CLOSE,
                MATH_OPEN => MATH_CLOSE,
                IAL_OPEN => IAL_CLOSE,
                _ => UNRESOLVED_CLOSE,
            };
            let Some(end) = after.find(close) else {
                self.top().inlines.push(Inline::Text(rest[i..].to_owned()));
                return;
            };
            let n: usize = after[..end].parse().unwrap_or(usize::MAX);
            match open {
                HTML_OPEN => {
                    if let Some((raw, html_at)) = self.pre.html.get(n) {
                        let nodes = self.html_nodes(raw, *html_at);
                        self.top().inlines.push(Inline::Tag(HNode::Element(Element {
                            name: PLACEHOLDER_HTML.to_owned(),
                            attrs: vec![
                                ("raw".to_owned(), raw.clone()),
                                ("at".to_owned(), html_at.to_string()),
                            ],
                            children: nodes,
                            at: *html_at,
                            image: None,
                            end: false,
                        })));
                    }
                }
                MATH_OPEN => {
                    if let Some(m) = self.pre.math.get(n) {
                        self.top().inlines.push(Inline::Math(m.clone()));
                    }
                }
                IAL_OPEN => self.top().inlines.push(Inline::Tag(HNode::Element(Element {
                    name: PLACEHOLDER_IAL.to_owned(),
                    attrs: Vec::new(),
                    children: Vec::new(),
                    at: n,
                    image: None,
                    end: false,
                }))),
                _ => self.top().inlines.push(Inline::Unresolved(n)),
            }
            let consumed = i + open.len_utf8() + end + close.len_utf8();
            rest = &rest[consumed..];
        }
        if !rest.is_empty() {
            self.top().inlines.push(Inline::Text(rest.to_owned()));
        }
    }

    /// Span IALs (`![a](b){: width="50%"}`): taken out of the text; `width`/`height` go on
    /// the image right before them. A paragraph that is only an IAL is a block IAL.
    fn span_ials(&mut self, inlines: &mut Vec<Inline>) {
        let is_ial =
            |i: &Inline| matches!(i, Inline::Tag(HNode::Element(el)) if el.name == PLACEHOLDER_IAL);
        let others = inlines
            .iter()
            .filter(|i| {
                !is_ial(i)
                    && !matches!(i, Inline::Text(t) if t.trim().is_empty())
                    && !matches!(i, Inline::SoftBreak)
            })
            .count();
        if others == 0 {
            return;
        }
        let mut i = 0;
        while i < inlines.len() {
            if let Inline::Tag(HNode::Element(el)) = &inlines[i]
                && el.name == PLACEHOLDER_IAL
            {
                let n = el.at;
                if let (Some(Inline::Image(img)), Some(ial)) = (
                    i.checked_sub(1).and_then(|p| inlines.get(p)),
                    self.pre.ials.get(n),
                ) && let Some(image) = self.images.get_mut(*img)
                {
                    if let Some(w) = attr(&ial.attrs, "width") {
                        image.width = Some(w.to_owned());
                    }
                    if let Some(h) = attr(&ial.attrs, "height") {
                        image.height = Some(h.to_owned());
                    }
                }
                inlines.remove(i);
                continue;
            }
            i += 1;
        }
    }

    fn inline_html(&mut self, h: &str, at: usize) {
        for tok in tokenize(h) {
            match tok {
                Token::Text(t) => self.top().inlines.push(Inline::Text(t)),
                Token::Comment => {}
                Token::Open {
                    name,
                    mut attrs,
                    at: off,
                    ..
                } => {
                    // kramdown's span HTML: line breaks in attribute values become spaces.
                    for (_, v) in &mut attrs {
                        if v.contains('\n') {
                            *v = collapse_newlines(v);
                        }
                    }
                    let image = (name == "img").then(|| self.html_image(&attrs, at + off));
                    match image {
                        Some(i) => self.top().inlines.push(Inline::Image(i)),
                        None => self.top().inlines.push(Inline::Tag(HNode::Element(Element {
                            name,
                            attrs,
                            children: Vec::new(),
                            at: at + off,
                            image: None,
                            end: false,
                        }))),
                    }
                }
                Token::Close { name } => {
                    self.top().inlines.push(Inline::Tag(HNode::Element(Element {
                        name,
                        attrs: Vec::new(),
                        children: Vec::new(),
                        at,
                        image: None,
                        end: true,
                    })))
                }
            }
        }
    }

    fn html_image(&mut self, attrs: &Attrs, at: usize) -> usize {
        let get = |k: &str| attr(attrs, k).map(str::to_owned);
        self.images.push(Image {
            src: get("src").unwrap_or_default(),
            alt: get("alt").unwrap_or_default(),
            title: get("title"),
            width: get("width"),
            height: get("height"),
            at,
            html: true,
            attrs: attrs.clone(),
        });
        self.images.len() - 1
    }

    /// Parse raw HTML (starting at input offset `at`) and register its images.
    fn html_nodes(&mut self, raw: &str, at: usize) -> Vec<HNode> {
        let mut nodes = parse_html(raw);
        let mut stack: Vec<&mut HNode> = nodes.iter_mut().collect();
        // Depth-first, in document order.
        stack.reverse();
        while let Some(node) = stack.pop() {
            if let HNode::Element(el) = node {
                if el.name == "img" {
                    el.image = Some(self.html_image(&el.attrs, at + el.at));
                }
                let mut children: Vec<&mut HNode> = el.children.iter_mut().collect();
                children.reverse();
                stack.extend(children);
            }
        }
        nodes
    }
}

/// Runs of line breaks as one space.
fn collapse_newlines(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut in_break = false;
    for c in v.chars() {
        if c == '\n' {
            if !in_break {
                out.push(' ');
            }
            in_break = true;
        } else {
            out.push(c);
            in_break = false;
        }
    }
    out
}

/// The element name of an HTML-block placeholder met inside inline text.
pub const PLACEHOLDER_HTML: &str = "\u{E010}html";
/// The element name of an IAL placeholder (its index in `at`).
pub const PLACEHOLDER_IAL: &str = "\u{E030}ial";
/// An attribute marking a list item's or definition's text written without a paragraph.
pub const TIGHT: &str = "\u{E040}tight";

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Pre-pass placeholders that ended up inside raw HTML or code, put back as written: an IAL
/// is consumed, math is its `$$…$$`, an HTML block its raw text.
fn unplace(s: &str, pre: &Pre) -> String {
    if !s.contains([HTML_OPEN, MATH_OPEN, IAL_OPEN, KEEP_PARAGRAPH]) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find([HTML_OPEN, MATH_OPEN, IAL_OPEN, KEEP_PARAGRAPH]) {
        out.push_str(&rest[..i]);
        let open = rest[i..].chars().next().unwrap_or(' ');
        let after = &rest[i + open.len_utf8()..];
        if open == KEEP_PARAGRAPH {
            rest = after;
            continue;
        }
        let close = match open {
            HTML_OPEN => HTML_CLOSE,
            MATH_OPEN => MATH_CLOSE,
            _ => IAL_CLOSE,
        };
        let Some(end) = after.find(close) else {
            rest = after;
            continue;
        };
        let n: usize = after[..end].parse().unwrap_or(usize::MAX);
        match open {
            HTML_OPEN => out.push_str(pre.html.get(n).map_or("", |(raw, _)| raw.as_str())),
            MATH_OPEN => {
                if let Some(m) = pre.math.get(n) {
                    out.push_str(&format!("$${m}$$"));
                }
            }
            _ => {}
        }
        rest = &after[end + close.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// A list item's or definition's blocks, with its text written without a paragraph (a
/// tight list) first, as a paragraph marked [`TIGHT`].
fn tight_blocks(mut blocks: Vec<Block>, inlines: Vec<Inline>, at: usize) -> Vec<Block> {
    if !inlines.is_empty() {
        let content = finish_inlines(inlines);
        let attrs = vec![(TIGHT.to_owned(), String::new())];
        blocks.insert(
            0,
            Block {
                kind: BlockKind::Paragraph { content, attrs },
                at,
            },
        );
    }
    blocks
}

/// Merge neighbouring text.
fn finish_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (_, i) => out.push(i),
        }
    }
    out
}

/// The text of inlines, as an `alt` or a TOC entry.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) | Inline::Math(t) => out.push_str(t),
            Inline::Em(c) | Inline::Strong(c) | Inline::Del(c) => out.push_str(&plain_text(c)),
            Inline::Link { content, .. } => out.push_str(&plain_text(content)),
            Inline::Abbr { text, .. } => out.push_str(text),
            Inline::SoftBreak => out.push('\n'),
            Inline::Break => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Put placeholder paragraphs back: HTML blocks, display math, block IALs applied to the
/// block before or after them (`{:toc}` turns its list into the table of contents); span
/// IALs applied to the image before them.
fn apply_ials(blocks: Vec<Block>, pre: &Pre) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut pending: Option<usize> = None;
    for mut block in blocks {
        // Recurse into containers.
        match &mut block.kind {
            BlockKind::Quote { blocks, .. } => *blocks = apply_ials(std::mem::take(blocks), pre),
            BlockKind::List { items, .. } => {
                for item in items.iter_mut() {
                    *item = apply_ials(std::mem::take(item), pre);
                }
            }
            BlockKind::DefList(items) => {
                for item in items.iter_mut() {
                    if let DefItem::Def(b) = item {
                        *b = apply_ials(std::mem::take(b), pre);
                    }
                }
            }
            _ => {}
        }
        if let BlockKind::Paragraph { content, attrs } = &mut block.kind {
            let tight = attrs.iter().any(|(k, _)| k == TIGHT);
            let only: Vec<&Inline> = content
                .iter()
                .filter(|i| {
                    !matches!(i, Inline::Text(t) if t.trim().is_empty())
                        && !matches!(i, Inline::SoftBreak)
                })
                .collect();
            if let [single] = only.as_slice() {
                match single {
                    Inline::Tag(HNode::Element(el)) if el.name == PLACEHOLDER_HTML => {
                        let raw = attr(&el.attrs, "raw").unwrap_or_default().to_owned();
                        let nodes = el.children.clone();
                        let at = el.at;
                        out.push(Block {
                            kind: BlockKind::Html { raw, nodes },
                            at,
                        });
                        continue;
                    }
                    Inline::Math(tex) if !tight => {
                        out.push(Block {
                            kind: BlockKind::Math(tex.clone()),
                            at: block.at,
                        });
                        continue;
                    }
                    Inline::Tag(HNode::Element(el)) if el.name == PLACEHOLDER_IAL => {
                        if let Some(ial) = pre.ials.get(el.at) {
                            if ial.attach_prev
                                && let Some(prev) = out.last_mut()
                            {
                                apply_block_ial(prev, ial);
                            } else {
                                pending = Some(el.at);
                            }
                        }
                        continue;
                    }
                    _ => {}
                }
            }
        }
        if let Some(p) = pending.take()
            && let Some(ial) = pre.ials.get(p)
        {
            apply_block_ial(&mut block, ial);
        }
        out.push(block);
    }
    out
}

fn apply_block_ial(block: &mut Block, ial: &super::prepass::Ial) {
    if ial.toc {
        if matches!(block.kind, BlockKind::List { .. }) {
            block.kind = BlockKind::Toc;
        }
        return;
    }
    let target = match &mut block.kind {
        BlockKind::Paragraph { attrs, .. }
        | BlockKind::Heading { attrs, .. }
        | BlockKind::Quote { attrs, .. }
        | BlockKind::List { attrs, .. }
        | BlockKind::Table { attrs, .. } => attrs,
        _ => return,
    };
    merge_attrs(target, &ial.attrs);
}

fn merge_attrs(target: &mut Attrs, add: &Attrs) {
    for (k, v) in add {
        match target.iter_mut().find(|(tk, _)| tk == k) {
            Some((_, tv)) if k == "class" => {
                tv.push(' ');
                tv.push_str(v);
            }
            Some((_, tv)) => *tv = v.clone(),
            None => target.push((k.clone(), v.clone())),
        }
    }
}

fn abbreviate_block(block: &mut Block, abbrs: &[(String, String)]) {
    match &mut block.kind {
        BlockKind::Paragraph { content, .. } | BlockKind::Heading { content, .. } => {
            abbreviate(content, abbrs)
        }
        BlockKind::Quote { blocks, .. } => {
            blocks.iter_mut().for_each(|b| abbreviate_block(b, abbrs))
        }
        BlockKind::List { items, .. } => items
            .iter_mut()
            .flatten()
            .for_each(|b| abbreviate_block(b, abbrs)),
        BlockKind::Table { head, rows, .. } => {
            head.iter_mut().for_each(|c| abbreviate(c, abbrs));
            rows.iter_mut().flatten().for_each(|c| abbreviate(c, abbrs));
        }
        BlockKind::DefList(items) => {
            for item in items {
                match item {
                    DefItem::Term(c) => abbreviate(c, abbrs),
                    DefItem::Def(b) => b.iter_mut().for_each(|b| abbreviate_block(b, abbrs)),
                }
            }
        }
        _ => {}
    }
}

/// kramdown's rule: an abbreviation matches where it is not inside an ASCII word.
fn abbreviate(content: &mut Vec<Inline>, abbrs: &[(String, String)]) {
    let mut out = Vec::with_capacity(content.len());
    for inline in content.drain(..) {
        match inline {
            Inline::Text(t) => split_abbrs(&t, abbrs, &mut out),
            Inline::Em(mut c) => {
                abbreviate(&mut c, abbrs);
                out.push(Inline::Em(c));
            }
            Inline::Strong(mut c) => {
                abbreviate(&mut c, abbrs);
                out.push(Inline::Strong(c));
            }
            Inline::Link {
                href,
                title,
                mut content,
            } => {
                abbreviate(&mut content, abbrs);
                out.push(Inline::Link {
                    href,
                    title,
                    content,
                });
            }
            other => out.push(other),
        }
    }
    *content = out;
}

fn split_abbrs(text: &str, abbrs: &[(String, String)], out: &mut Vec<Inline>) {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let mut sorted: Vec<&(String, String)> = abbrs.iter().filter(|(a, _)| !a.is_empty()).collect();
    sorted.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
    let mut last = 0;
    let mut i = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let before = text[..i].chars().next_back();
        let hit = if word(before) {
            None
        } else {
            sorted.iter().find(|(a, _)| {
                text[i..].starts_with(a.as_str()) && !word(text[i + a.len()..].chars().next())
            })
        };
        match hit {
            Some((a, title)) => {
                if last < i {
                    out.push(Inline::Text(text[last..i].to_owned()));
                }
                out.push(Inline::Abbr {
                    text: a.clone(),
                    title: title.clone(),
                });
                i += a.len();
                last = i;
            }
            None => i += 1,
        }
    }
    if last < text.len() {
        out.push(Inline::Text(text[last..].to_owned()));
    }
}

/// GFM header ids (kramdown-parser-gfm): lower-cased, characters other than letters, marks,
/// digits, `_`, `-` and spaces removed, spaces to `-`, repeats numbered `-1`, `-2`…
pub fn gfm_id(text: &str, ids: &mut HashMap<String, i32>) -> String {
    use unicode_general_category::{GeneralCategory, get_general_category};
    let mut id = String::with_capacity(text.len());
    for c in text.to_lowercase().chars() {
        let keep = match c {
            '-' | '_' => true,
            ' ' | '\t' => {
                id.push('-');
                continue;
            }
            // Ruby's \p{Word}: letters, marks, digits and connector punctuation.
            c => {
                crate::journal::slug::is_kept_default(c)
                    || get_general_category(c) == GeneralCategory::ConnectorPunctuation
            }
        };
        if keep {
            id.push(c);
        }
    }
    let n = ids.entry(id.clone()).or_insert(-1);
    *n += 1;
    if *n > 0 {
        id.push_str(&format!("-{n}"));
    }
    id
}

fn assign_ids(
    blocks: &mut [Block],
    ids: &mut HashMap<String, i32>,
    headings: &mut Vec<HeadingRef>,
) {
    for b in blocks {
        match &mut b.kind {
            BlockKind::Heading {
                level,
                id,
                content,
                attrs,
            } => {
                let text = plain_text(content);
                *id = match attr(attrs, "id") {
                    Some(given) => given.to_owned(),
                    None => gfm_id(&text, ids),
                };
                headings.push(HeadingRef {
                    level: *level,
                    id: id.clone(),
                    text,
                    at: b.at,
                });
            }
            BlockKind::Quote { blocks, .. } => assign_ids(blocks, ids, headings),
            _ => {}
        }
    }
}
