//! A post body as kramdown (Jekyll 4.3's defaults: `input: GFM`, smart typography,
//! `math_engine: mathjax`, Rouge) makes it: one prepared [`Doc`] that the preview draws and
//! `daybook render` prints as HTML.
//!
//! How: a pre-pass ([`prepass`]) takes out what kramdown reads differently from CommonMark —
//! HTML blocks (a block-level tag up to its matching end tag, content not Markdown unless
//! `markdown="1"`), comments, `$$…$$` math, IALs and ALDs, abbreviation definitions,
//! `{::comment}` extensions, targets with spaces, `<<`/`>>` — leaving placeholders; then
//! pulldown-cmark (GFM tables, footnotes, strikethrough, definition lists, smart
//! punctuation) reads the rest, and [`build`] turns its events into the [`Doc`], applying
//! kramdown's rules: GFM header ids, IALs on the element before or after them, `{:toc}`,
//! footnotes numbered in reference order, abbreviations on word boundaries, display math
//! only for a block of its own, lists never starting at another number.
//!
//! Every block and image keeps the offset where it was written (through the Liquid stage's
//! [`SourceMap`](super::srcmap::SourceMap) and the pre-pass's), so
//! the check reports lines in the post as the user wrote it. Pure; nothing here reads files.
//!
//! Limitations: kramdown's own table syntax without a separator line, and its list
//! indentation rules where they differ from CommonMark, follow CommonMark.

pub mod build;
pub mod html;
pub mod htmlparse;
pub mod prepass;

pub use htmlparse::{HNode, parse_html};

/// Attributes from HTML or an IAL: `(name, value)`, `class` values joined by spaces.
pub type Attrs = Vec<(String, String)>;

/// The value of attribute `name`.
pub fn attr<'a>(attrs: &'a Attrs, name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The prepared post body.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
    /// Footnotes in number order (1, 2, …).
    pub footnotes: Vec<Footnote>,
    /// Every image the published page shows, in order.
    pub images: Vec<Image>,
    /// The Liquid that could not be evaluated, by marker index.
    pub unresolved: Vec<String>,
    /// The headings with their ids, in order (for the TOC and `#anchor` links).
    pub headings: Vec<HeadingRef>,
    /// Where Liquid stopped at one of its limits (offsets in the post).
    pub liquid_limits: Vec<crate::journal::liquid::LimitHit>,
}

/// What [`Doc::visit`] meets.
#[derive(Debug, Clone, Copy)]
pub enum Visit<'a> {
    Block(&'a Block),
    Inline(&'a Inline),
}

impl Doc {
    /// Every block (the footnotes' last) and every inline inside them (through emphasis and
    /// links), depth first, in document order.
    pub fn visit<'a>(&'a self, f: &mut dyn FnMut(Visit<'a>)) {
        fn inlines<'a>(list: &'a [Inline], f: &mut dyn FnMut(Visit<'a>)) {
            for i in list {
                f(Visit::Inline(i));
                match i {
                    Inline::Em(c) | Inline::Strong(c) | Inline::Del(c) => inlines(c, f),
                    Inline::Link { content, .. } => inlines(content, f),
                    _ => {}
                }
            }
        }
        fn blocks<'a>(list: &'a [Block], f: &mut dyn FnMut(Visit<'a>)) {
            for b in list {
                f(Visit::Block(b));
                match &b.kind {
                    BlockKind::Paragraph { content, .. } | BlockKind::Heading { content, .. } => {
                        inlines(content, f)
                    }
                    BlockKind::Quote { blocks: inner, .. } => blocks(inner, f),
                    BlockKind::Container { blocks: inner, .. } => blocks(inner, f),
                    BlockKind::List { items, .. } => items.iter().for_each(|i| blocks(i, f)),
                    BlockKind::Table { head, rows, .. } => {
                        head.iter().for_each(|c| inlines(c, f));
                        rows.iter().flatten().for_each(|c| inlines(c, f));
                    }
                    BlockKind::DefList(items) => {
                        for item in items {
                            match item {
                                DefItem::Term(c) => inlines(c, f),
                                DefItem::Def(b) => blocks(b, f),
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        blocks(&self.blocks, f);
        for note in &self.footnotes {
            blocks(&note.blocks, f);
        }
    }
}

/// One footnote definition.
#[derive(Debug, Clone)]
pub struct Footnote {
    /// The label as written (`bus` in `[^bus]`).
    pub name: String,
    pub blocks: Vec<Block>,
    /// How many times the text refers to it.
    pub refs: usize,
}

/// A heading for the table of contents.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingRef {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// Offset in the body as written.
    pub at: usize,
}

/// An image on the published page.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// The `src` exactly as published (after Liquid), unresolved markers included.
    pub src: String,
    pub alt: String,
    pub title: Option<String>,
    /// `width`/`height` as written (`60%`, `300`).
    pub width: Option<String>,
    pub height: Option<String>,
    /// Offset in the body as written where the image starts (or its Liquid).
    pub at: usize,
    /// Written as an HTML `<img>` tag.
    pub html: bool,
    /// For an `<img>` tag: its attributes as written (published as they are).
    pub attrs: Attrs,
}

/// A block with where it starts in the body as written.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone)]
pub enum BlockKind {
    Heading {
        level: u8,
        id: String,
        content: Vec<Inline>,
        attrs: Attrs,
    },
    Paragraph {
        content: Vec<Inline>,
        attrs: Attrs,
    },
    Code {
        lang: Option<String>,
        text: String,
    },
    Quote {
        blocks: Vec<Block>,
        attrs: Attrs,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
        attrs: Attrs,
    },
    /// `* TOC` + `{:toc}`.
    Toc,
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        attrs: Attrs,
    },
    DefList(Vec<DefItem>),
    Rule,
    /// Raw HTML passed through: the text as published and its parsed nodes.
    Html {
        raw: String,
        nodes: Vec<HNode>,
    },
    /// Display math (`$$…$$` as a block of its own), TeX source.
    Math(String),
    /// An HTML element opened with `markdown="1"` (`<details>`, `<center>`, `<div>`) and the
    /// blocks written inside it, as the preview draws it (see [`nest_containers`]); `open` is
    /// its opening block, `close` its closing one.
    Container {
        name: String,
        open: Box<Block>,
        blocks: Vec<Block>,
        close: Option<Box<Block>>,
    },
}

/// The element a block opens and leaves open (`<details>` with no `</details>` in it).
fn opens(b: &Block) -> Option<&str> {
    let BlockKind::Html { raw, nodes } = &b.kind else {
        return None;
    };
    let [HNode::Element(el)] = nodes.as_slice() else {
        return None;
    };
    let name = el.name.as_str();
    let closed = raw.to_ascii_lowercase().contains(&format!("</{name}"));
    (!closed
        && matches!(
            name,
            "details" | "center" | "div" | "figure" | "section" | "aside"
        ))
    .then_some(name)
}

/// Whether a block is the end tag `</name>` alone.
fn closes(b: &Block, name: &str) -> bool {
    matches!(&b.kind, BlockKind::Html { raw, .. }
        if raw.trim().eq_ignore_ascii_case(&format!("</{name}>")))
}

/// Gather what lies between an opening `<details markdown="1">` block and its `</details>`
/// into one [`BlockKind::Container`], nested ones too, so the preview can draw a `<details>`
/// that folds what it holds, or a `<center>` that centres it. An element never closed
/// stays as it was.
pub fn nest_containers(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // Open containers: their name, their opening block, what they hold so far.
    let mut open: Vec<(String, Block, Vec<Block>)> = Vec::new();
    for b in blocks {
        if let Some((name, _, _)) = open.last()
            && closes(&b, name)
        {
            if let Some((name, first, inner)) = open.pop() {
                let container = Block {
                    at: first.at,
                    kind: BlockKind::Container {
                        name,
                        open: Box::new(first),
                        blocks: inner,
                        close: Some(Box::new(b)),
                    },
                };
                match open.last_mut() {
                    Some((_, _, holder)) => holder.push(container),
                    None => out.push(container),
                }
            }
            continue;
        }
        if let Some(name) = opens(&b).filter(|_| open.len() < 32) {
            open.push((name.to_owned(), b, Vec::new()));
            continue;
        }
        match open.last_mut() {
            Some((_, _, holder)) => holder.push(b),
            None => out.push(b),
        }
    }
    // Never closed: put back as written.
    let mut rest = Vec::new();
    for (_, first, inner) in open {
        rest.push(first);
        rest.extend(inner);
    }
    out.extend(rest);
    out
}

#[derive(Debug, Clone)]
pub enum DefItem {
    Term(Vec<Inline>),
    Def(Vec<Block>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Em(Vec<Inline>),
    Strong(Vec<Inline>),
    Del(Vec<Inline>),
    Code(String),
    Link {
        href: String,
        title: Option<String>,
        content: Vec<Inline>,
    },
    /// An index into [`Doc::images`].
    Image(usize),
    Break,
    SoftBreak,
    Math(String),
    /// A footnote mark: its number, label, and which reference to it this is (0 for the
    /// first).
    FootnoteRef {
        number: usize,
        name: String,
        occurrence: usize,
    },
    Abbr {
        text: String,
        title: String,
    },
    /// An inline HTML tag (open, close or void), passed through; images are [`Inline::Image`].
    Tag(HNode),
    /// Liquid that could not be evaluated (index into [`Doc::unresolved`]).
    Unresolved(usize),
}

/// The `kramdown:` options of `_config.yml` that change what a page shows (Jekyll's
/// defaults: input GFM, `auto_ids: true`, `hard_wrap: false`, `parse_block_html: false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// `input: GFM` (Jekyll's default); `input: kramdown` reads no backtick fences, no
    /// `~~strike~~`, no task lists, takes `#title` as a heading, and makes ASCII heading ids.
    pub gfm: bool,
    /// Headings get ids made from their text.
    pub auto_ids: bool,
    /// A line break inside a paragraph is a `<br />`.
    pub hard_wrap: bool,
    /// Markdown inside every HTML block is read, as if it had `markdown="1"`.
    pub parse_block_html: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            gfm: true,
            auto_ids: true,
            hard_wrap: false,
            parse_block_html: false,
        }
    }
}

/// Prepare a body: `text` is the body after Liquid, `liquid_map` maps it back to the body
/// as written, and `base` is where the body starts in the post (offsets in the [`Doc`] are
/// offsets in the post).
pub fn parse(
    text: &str,
    liquid_map: &super::srcmap::SourceMap,
    unresolved: Vec<String>,
    base: usize,
) -> Doc {
    parse_with(text, liquid_map, unresolved, base, Options::default())
}

/// [`parse`] with the site's kramdown options.
pub fn parse_with(
    text: &str,
    liquid_map: &super::srcmap::SourceMap,
    unresolved: Vec<String>,
    base: usize,
    options: Options,
) -> Doc {
    // The post's own noncharacters are not the pre-pass's placeholders; Liquid's markers are.
    use crate::journal::reserved::{UNRESOLVED_CLOSE, UNRESOLVED_OPEN, scrub};
    let text = scrub(text, &[UNRESOLVED_OPEN, UNRESOLVED_CLOSE]);
    let pre = prepass::run(&text, options);
    let mut doc = build::build(&pre, unresolved, options);
    build::locate(&mut doc, liquid_map, base);
    doc
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
