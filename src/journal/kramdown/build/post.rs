//! After the event walk: offsets moved back to the body as written, tight list items,
//! IALs and abbreviations applied, heading ids as kramdown's GFM parser makes them.

use super::*;

/// Move every offset from the Liquid output to the body as written.
pub fn locate(doc: &mut Doc, map: &crate::journal::srcmap::SourceMap, base: usize) {
    let to = |at: usize| base + map.to_source(at);
    pub(super) fn walk(blocks: &mut [Block], to: &dyn Fn(usize) -> usize) {
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

/// Runs of line breaks as one space.
pub(super) fn collapse_newlines(v: &str) -> String {
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

/// The element name of an HTML-block placeholder met inside inline text; of an IAL
/// placeholder (its index in `at`); an attribute marking a list item's or definition's text
/// written without a paragraph.
pub use crate::journal::reserved::{PLACEHOLDER_HTML, PLACEHOLDER_IAL, TIGHT};

pub(super) fn heading_level(l: HeadingLevel) -> u8 {
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
pub(super) fn unplace(s: &str, pre: &Pre) -> String {
    if !s.contains([HTML_OPEN, MATH_OPEN, IAL_OPEN, KEEP_PARAGRAPH]) {
        return s.to_owned();
    }
    let mut out = SrcBuilder::default();
    unplace_into(&mut out, s, 0, pre);
    out.text
}

/// [`unplace`] into `out`, recording where each piece came from in the pre-pass input: `s`
/// starts at offset `at` of the pre-pass text. What a placeholder took out of the text (an
/// IAL, a `{:toc}`) is gone from `out`, so offsets in it are read through its map, never by
/// adding them to `at`.
pub(super) fn unplace_into(out: &mut SrcBuilder, s: &str, at: usize, pre: &Pre) {
    let mut rest = s;
    let mut pos = at;
    while let Some(i) = rest.find([HTML_OPEN, MATH_OPEN, IAL_OPEN, KEEP_PARAGRAPH]) {
        out.copy(&rest[..i], pre.map.to_source(pos));
        let open = rest[i..].chars().next().unwrap_or(' ');
        let here = pre.map.to_source(pos + i);
        let after = &rest[i + open.len_utf8()..];
        let skipped = i + open.len_utf8();
        if open == KEEP_PARAGRAPH {
            rest = after;
            pos += skipped;
            continue;
        }
        let close = match open {
            HTML_OPEN => HTML_CLOSE,
            MATH_OPEN => MATH_CLOSE,
            _ => IAL_CLOSE,
        };
        let Some(end) = after.find(close) else {
            rest = after;
            pos += skipped;
            continue;
        };
        let n: usize = after[..end].parse().unwrap_or(usize::MAX);
        match open {
            HTML_OPEN => {
                if let Some((raw, html_at)) = pre.html.get(n) {
                    out.copy(raw, *html_at);
                }
            }
            MATH_OPEN => {
                if let Some(m) = pre.math.get(n) {
                    out.generate(&format!("$${m}$$"), here);
                }
            }
            _ => {}
        }
        rest = &after[end + close.len_utf8()..];
        pos += skipped + end + close.len_utf8();
    }
    out.copy(rest, pre.map.to_source(pos));
}

/// A list item's or definition's blocks, with its text written without a paragraph (a
/// tight list) first, as a paragraph marked [`TIGHT`].
pub(super) fn tight_blocks(mut blocks: Vec<Block>, inlines: Vec<Inline>, at: usize) -> Vec<Block> {
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
pub(super) fn finish_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
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
pub(super) fn apply_ials(blocks: Vec<Block>, pre: &Pre) -> Vec<Block> {
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

pub(super) fn apply_block_ial(block: &mut Block, ial: &crate::journal::kramdown::prepass::Ial) {
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

pub(super) fn merge_attrs(target: &mut Attrs, add: &Attrs) {
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

pub(super) fn abbreviate_block(block: &mut Block, abbrs: &[(String, String)]) {
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
pub(super) fn abbreviate(content: &mut Vec<Inline>, abbrs: &[(String, String)]) {
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

pub(super) fn split_abbrs(text: &str, abbrs: &[(String, String)], out: &mut Vec<Inline>) {
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

/// kramdown's own heading id (`input: kramdown`): leading non-letters dropped, only ASCII
/// letters, digits, spaces and `-` kept, spaces to `-`, lower case; `section` when nothing
/// is left; `-1`, `-2`… for repeats.
pub fn kramdown_id(text: &str, ids: &mut HashMap<String, i32>) -> String {
    let trimmed = text.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    let mut id: String = trimmed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if id.is_empty() {
        id = "section".to_owned();
    }
    let n = ids.entry(id.clone()).or_insert(-1);
    *n += 1;
    if *n > 0 {
        id.push_str(&format!("-{n}"));
    }
    id
}

pub(super) fn assign_ids(
    blocks: &mut [Block],
    ids: &mut HashMap<String, i32>,
    headings: &mut Vec<HeadingRef>,
    options: super::super::Options,
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
                let given = attr(attrs, "id").map(str::to_owned);
                let made = given.clone().unwrap_or_else(|| {
                    if options.gfm {
                        gfm_id(&text, ids)
                    } else {
                        kramdown_id(&text, ids)
                    }
                });
                // Without `auto_ids` the page's heading has no id; the outline keeps one.
                *id = if options.auto_ids {
                    made.clone()
                } else {
                    given.unwrap_or_default()
                };
                headings.push(HeadingRef {
                    level: *level,
                    id: made,
                    text,
                    at: b.at,
                });
            }
            BlockKind::Quote { blocks, .. } => assign_ids(blocks, ids, headings, options),
            _ => {}
        }
    }
}
