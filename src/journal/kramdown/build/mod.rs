//! From pulldown-cmark's events (over the pre-passed text) to the [`Doc`], with kramdown's
//! rules applied: placeholders put back (HTML blocks, math, IALs), GFM header ids, `{:toc}`,
//! footnotes numbered by first reference, abbreviations on ASCII word boundaries, display
//! math only for a paragraph of its own. Offsets end up in the body as written ([`locate`]).

mod end;
mod inline;
mod post;
pub use post::*;

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
use crate::journal::srcmap::{Builder as SrcBuilder, SourceMap};

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
    /// Where the frame starts in the pre-pass text.
    pre_at: usize,
    /// Nested elements past the depth limit whose ends are still to come (their content
    /// went into this frame).
    flat: usize,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    text: String,
    /// An HTML block's raw text, with where each piece came from.
    raw: SrcBuilder,
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
            pre_at: 0,
            flat: 0,
            blocks: Vec::new(),
            inlines: Vec::new(),
            text: String::new(),
            raw: SrcBuilder::default(),
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
    options: super::Options,
    stack: Vec<Frame>,
    images: Vec<Image>,
    footnotes: HashMap<String, Vec<Block>>,
    foot_order: Vec<String>,
    /// Each footnote's number (its place in `foot_order`, from 1).
    foot_numbers: HashMap<String, usize>,
    foot_refs: HashMap<String, usize>,
    unresolved: Vec<String>,
    /// Offset (pre-pass input) of the event being read.
    at: usize,
    /// Offset (pre-pass text) of the event being read.
    pre_at: usize,
}

fn options(gfm: bool) -> Options {
    let common = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST;
    // Strike-through and task lists are GFM's, not kramdown's.
    if gfm {
        common | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
    } else {
        common
    }
}

/// Build the document from the pre-pass result. Offsets are in the pre-pass input.
pub fn build(pre: &Pre, unresolved: Vec<String>, site_options: super::Options) -> Doc {
    let mut b = Builder {
        pre,
        options: site_options,
        stack: vec![Frame::new(Kind::Root, 0)],
        images: Vec::new(),
        footnotes: HashMap::new(),
        foot_order: Vec::new(),
        foot_numbers: HashMap::new(),
        foot_refs: HashMap::new(),
        unresolved,
        at: 0,
        pre_at: 0,
    };
    for (event, range) in Parser::new_ext(&pre.text, options(site_options.gfm)).into_offset_iter() {
        b.at = pre.map.to_source(range.start);
        b.pre_at = range.start;
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
    assign_ids(&mut doc.blocks, &mut ids, &mut headings, b.options);
    doc.headings = headings;
    doc
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
        // Past the depth limit no frame is pushed at all: the content goes straight into the
        // deepest frame, which counts the ends it must skip (pushing a frame per level and
        // moving its content up at each end was quadratic: 30,000 nested `**` hung).
        if nestable && self.stack.len() > MAX_DEPTH {
            self.top().flat += 1;
            return;
        }
        let mut frame = Frame::new(kind, self.at);
        frame.pre_at = self.pre_at;
        self.stack.push(frame);
    }

    /// Whether the table starting at `pre_at` has a separator line the pre-pass wrote (the
    /// post has none): kramdown then makes every row a body row, with no header.
    fn separator_generated(&self, pre_at: usize) -> bool {
        let text = &self.pre.text;
        text.get(pre_at..)
            .and_then(|t| t.find('\n'))
            .map(|i| pre_at + i + 1)
            .is_some_and(|line| line < text.len() && !self.pre.map.is_literal(line))
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
            Event::Html(h) | Event::InlineHtml(h) => {
                let (pre, at) = (self.pre, self.pre_at);
                let top = self.top();
                if matches!(top.kind, Kind::Html) {
                    unplace_into(&mut top.raw, &h, at, pre);
                } else {
                    let mut raw = SrcBuilder::default();
                    unplace_into(&mut raw, &h, at, pre);
                    let (h, map) = raw.finish();
                    self.inline_html(&h, &map);
                }
            }
            Event::FootnoteReference(name) => {
                let name = name.to_string();
                let next = self.foot_order.len() + 1;
                let number = *self.foot_numbers.entry(name.clone()).or_insert(next);
                if number == next {
                    self.foot_order.push(name.clone());
                }
                let count = self.foot_refs.entry(name.clone()).or_insert(0);
                let occurrence = *count;
                *count += 1;
                self.top().inlines.push(Inline::FootnoteRef {
                    number,
                    name,
                    occurrence,
                });
            }
            Event::SoftBreak if self.options.hard_wrap => self.top().inlines.push(Inline::Break),
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
            // A placeholder inside a URL or title (`<https://a{:x}>`) is put back as
            // written there too, never left in an attribute.
            Tag::Link {
                dest_url, title, ..
            } => self.push(Kind::Link(
                unplace(&dest_url, self.pre),
                Some(unplace(&title, self.pre)).filter(|t| !t.is_empty()),
            )),
            Tag::Image {
                dest_url, title, ..
            } => self.push(Kind::Image(
                unplace(&dest_url, self.pre),
                Some(unplace(&title, self.pre)).filter(|t| !t.is_empty()),
            )),
            Tag::MetadataBlock(_) | Tag::Superscript | Tag::Subscript => self.push(Kind::Flat),
        }
    }
}
