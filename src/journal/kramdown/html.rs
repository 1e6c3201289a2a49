//! The [`Doc`] as the HTML kramdown writes for a post's `{{ content }}`: the same elements,
//! attributes and text (HTML blocks passed through as published, `<img src>` exactly as
//! written, Rouge's wrappers around code, MathJax delimiters `\(…\)` and `\[…\]`, footnotes
//! in kramdown's `<div class="footnotes">`). Token colours of highlighted code are left out.

use super::build::{PLACEHOLDER_HTML, PLACEHOLDER_IAL, TIGHT};
use super::htmlparse::HNode;
use super::{Align, Attrs, Block, BlockKind, DefItem, Doc, Inline};
use crate::journal::liquid::{escape_code, replace_markers};

/// The post body as published HTML.
pub fn to_html(doc: &Doc) -> String {
    let mut w = Writer {
        doc,
        out: String::with_capacity(4096),
    };
    w.blocks(&doc.blocks);
    if !doc.footnotes.is_empty() {
        w.out
            .push_str("<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n");
        for f in &doc.footnotes {
            let id = escape_attr(&f.name);
            w.out
                .push_str(&format!("    <li id=\"fn:{id}\" role=\"doc-endnote\">\n"));
            let back: String = (0..f.refs.max(1))
                .map(|k| {
                    let (target, mark) = if k == 0 {
                        (id.clone(), String::new())
                    } else {
                        (format!("{id}:{k}"), format!("<sup>{}</sup>", k + 1))
                    };
                    format!(
                        "&nbsp;<a href=\"#fnref:{target}\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;{mark}</a>"
                    )
                })
                .collect();
            let mut blocks = f.blocks.clone();
            match blocks.last_mut().map(|b| &mut b.kind) {
                Some(BlockKind::Paragraph { content, .. }) => {
                    content.push(Inline::Tag(HNode::Text(back)));
                    w.blocks(&blocks);
                }
                _ => {
                    w.blocks(&blocks);
                    w.out.push_str(&format!("<p>{back}</p>\n"));
                }
            }
            w.out.push_str("    </li>\n");
        }
        w.out.push_str("  </ol>\n</div>\n");
    }
    w.out
}

struct Writer<'d> {
    doc: &'d Doc,
    out: String,
}

fn escape_attr(s: &str) -> String {
    escape_code(s).replace('"', "&quot;")
}

fn attrs_html(attrs: &Attrs) -> String {
    attrs
        .iter()
        .filter(|(k, _)| k != TIGHT && k != "markdown")
        .map(|(k, v)| format!(" {k}=\"{}\"", escape_attr(v)))
        .collect()
}

/// Raw HTML as published: Liquid that could not be evaluated prints nothing.
pub fn strip_unresolved(s: &str) -> String {
    replace_markers(s, &|_| String::new())
}

impl Writer<'_> {
    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    fn block(&mut self, b: &Block) {
        match &b.kind {
            BlockKind::Heading {
                level,
                id,
                content,
                attrs,
            } => {
                let extra: Attrs = attrs.iter().filter(|(k, _)| k != "id").cloned().collect();
                let id = if id.is_empty() {
                    String::new()
                } else {
                    format!(" id=\"{}\"", escape_attr(id))
                };
                self.out
                    .push_str(&format!("<h{level}{id}{}>", attrs_html(&extra)));
                self.inlines(content);
                self.out.push_str(&format!("</h{level}>\n"));
            }
            BlockKind::Paragraph { content, attrs } => {
                let tight = attrs.iter().any(|(k, _)| k == TIGHT);
                if !tight {
                    self.out.push_str(&format!("<p{}>", attrs_html(attrs)));
                }
                self.inlines(content);
                self.out.push_str(if tight { "" } else { "</p>\n" });
            }
            BlockKind::Code { lang, text } => {
                let code = escape_code(text);
                match lang {
                    Some(l) => self.out.push_str(&format!(
                        "<div class=\"language-{l} highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>{code}</code></pre></div></div>\n",
                        l = escape_attr(l)
                    )),
                    None => self.out.push_str(&format!("<pre><code>{code}</code></pre>\n")),
                }
            }
            BlockKind::Quote { blocks, attrs } => {
                self.out
                    .push_str(&format!("<blockquote{}>\n", attrs_html(attrs)));
                self.blocks(blocks);
                self.out.push_str("</blockquote>\n");
            }
            BlockKind::List {
                ordered,
                items,
                attrs,
            } => {
                let tag = if *ordered { "ol" } else { "ul" };
                self.out
                    .push_str(&format!("<{tag}{}>\n", attrs_html(attrs)));
                for item in items {
                    self.out.push_str("  <li>");
                    self.blocks(item);
                    self.out.push_str("</li>\n");
                }
                self.out.push_str(&format!("</{tag}>\n"));
            }
            BlockKind::Toc => self.toc(),
            BlockKind::Table {
                align,
                head,
                rows,
                attrs,
            } => {
                self.out
                    .push_str(&format!("<table{}>\n", attrs_html(attrs)));
                let cell = |w: &mut Writer<'_>, tag: &str, i: usize, c: &[Inline]| {
                    let style = match align.get(i) {
                        Some(Align::Left) => " style=\"text-align: left\"",
                        Some(Align::Center) => " style=\"text-align: center\"",
                        Some(Align::Right) => " style=\"text-align: right\"",
                        _ => "",
                    };
                    w.out.push_str(&format!("      <{tag}{style}>"));
                    w.inlines(c);
                    w.out.push_str(&format!("</{tag}>\n"));
                };
                if !head.is_empty() {
                    self.out.push_str("  <thead>\n    <tr>\n");
                    for (i, c) in head.iter().enumerate() {
                        cell(self, "th", i, c);
                    }
                    self.out.push_str("    </tr>\n  </thead>\n");
                }
                self.out.push_str("  <tbody>\n");
                for row in rows {
                    self.out.push_str("    <tr>\n");
                    for (i, c) in row.iter().enumerate() {
                        cell(self, "td", i, c);
                    }
                    self.out.push_str("    </tr>\n");
                }
                self.out.push_str("  </tbody>\n</table>\n");
            }
            BlockKind::DefList(items) => {
                self.out.push_str("<dl>\n");
                for item in items {
                    match item {
                        DefItem::Term(c) => {
                            self.out.push_str("  <dt>");
                            self.inlines(c);
                            self.out.push_str("</dt>\n");
                        }
                        DefItem::Def(blocks) => {
                            self.out.push_str("  <dd>");
                            self.blocks(blocks);
                            self.out.push_str("</dd>\n");
                        }
                    }
                }
                self.out.push_str("</dl>\n");
            }
            BlockKind::Rule => self.out.push_str("<hr />\n"),
            BlockKind::Html { raw, .. } => {
                self.out.push_str(&strip_unresolved(raw));
                self.out.push('\n');
            }
            BlockKind::Math(tex) => self.out.push_str(&format!("\\[{}\\]\n", escape_code(tex))),
            BlockKind::Container {
                open,
                blocks,
                close,
                ..
            } => {
                self.block(open);
                for b in blocks {
                    self.block(b);
                }
                if let Some(c) = close {
                    self.block(c);
                }
            }
        }
    }

    /// kramdown's TOC: every heading, nested by level, linking to its id.
    fn toc(&mut self) {
        let headings = &self.doc.headings;
        if headings.is_empty() {
            return;
        }
        self.out.push_str("<ul id=\"markdown-toc\">\n");
        // Open items: their level and whether they hold a nested list.
        let mut stack: Vec<(u8, bool)> = Vec::new();
        for h in headings {
            while let Some(&(level, sub)) = stack.last() {
                if level < h.level {
                    break;
                }
                if sub {
                    self.out.push_str("</ul>\n");
                }
                self.out.push_str("</li>\n");
                stack.pop();
            }
            if let Some(top) = stack.last_mut()
                && !top.1
            {
                self.out.push_str("\n<ul>\n");
                top.1 = true;
            }
            let id = escape_attr(&h.id);
            self.out.push_str(&format!(
                "  <li><a href=\"#{id}\" id=\"markdown-toc-{id}\">{}</a>",
                escape_code(&h.text)
            ));
            stack.push((h.level, false));
        }
        while let Some((_, sub)) = stack.pop() {
            if sub {
                self.out.push_str("</ul>\n");
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ul>\n");
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for i in inlines {
            self.inline(i);
        }
    }

    fn inline(&mut self, i: &Inline) {
        match i {
            Inline::Text(t) => self.out.push_str(&escape_code(t)),
            Inline::Em(c) => self.wrap("em", c),
            Inline::Strong(c) => self.wrap("strong", c),
            Inline::Del(c) => self.wrap("del", c),
            Inline::Code(c) => self.out.push_str(&format!(
                "<code class=\"language-plaintext highlighter-rouge\">{}</code>",
                escape_code(c)
            )),
            Inline::Link {
                href,
                title,
                content,
            } => {
                let title = title
                    .as_ref()
                    .map(|t| format!(" title=\"{}\"", escape_attr(t)))
                    .unwrap_or_default();
                self.out.push_str(&format!(
                    "<a href=\"{}\"{title}>",
                    escape_attr(&strip_unresolved(href))
                ));
                self.inlines(content);
                self.out.push_str("</a>");
            }
            Inline::Image(n) => {
                if let Some(img) = self.doc.images.get(*n).filter(|i| i.html) {
                    // An `<img>` tag is published as written.
                    let attrs: Attrs = img
                        .attrs
                        .iter()
                        .map(|(k, v)| (k.clone(), strip_unresolved(v)))
                        .collect();
                    self.out.push_str(&format!("<img{} />", attrs_html(&attrs)));
                } else if let Some(img) = self.doc.images.get(*n) {
                    let mut s = format!(
                        "<img src=\"{}\" alt=\"{}\"",
                        escape_attr(&strip_unresolved(&img.src)),
                        escape_attr(&img.alt)
                    );
                    if let Some(t) = &img.title {
                        s.push_str(&format!(" title=\"{}\"", escape_attr(t)));
                    }
                    for (k, v) in [("width", &img.width), ("height", &img.height)] {
                        if let Some(v) = v {
                            s.push_str(&format!(" {k}=\"{}\"", escape_attr(v)));
                        }
                    }
                    s.push_str(" />");
                    self.out.push_str(&s);
                }
            }
            Inline::Break => self.out.push_str("<br />\n"),
            Inline::SoftBreak => self.out.push('\n'),
            Inline::Math(tex) => self.out.push_str(&format!("\\({}\\)", escape_code(tex))),
            Inline::FootnoteRef {
                number,
                name,
                occurrence,
            } => {
                let id = escape_attr(name);
                let ref_id = if *occurrence == 0 {
                    id.clone()
                } else {
                    format!("{id}:{occurrence}")
                };
                self.out.push_str(&format!(
                    "<sup id=\"fnref:{ref_id}\" role=\"doc-noteref\"><a href=\"#fn:{id}\" class=\"footnote\" rel=\"footnote\">{number}</a></sup>"
                ));
            }
            Inline::Abbr { text, title } => self.out.push_str(&format!(
                "<abbr title=\"{}\">{}</abbr>",
                escape_attr(title),
                escape_code(text)
            )),
            Inline::Tag(HNode::Text(raw)) => self.out.push_str(raw),
            Inline::Tag(HNode::Element(el)) => {
                if el.name == PLACEHOLDER_HTML {
                    let raw = super::attr(&el.attrs, "raw").unwrap_or_default();
                    self.out.push_str(&strip_unresolved(raw));
                } else if el.name == PLACEHOLDER_IAL {
                } else if el.end {
                    self.out.push_str(&format!("</{}>", el.name));
                } else {
                    self.out
                        .push_str(&format!("<{}{}>", el.name, attrs_html(&el.attrs)));
                }
            }
            Inline::Tag(HNode::Comment) | Inline::Unresolved(_) => {}
        }
    }

    fn wrap(&mut self, tag: &str, c: &[Inline]) {
        self.out.push_str(&format!("<{tag}>"));
        self.inlines(c);
        self.out.push_str(&format!("</{tag}>"));
    }
}
