//! The end of an element: its frame finished into the block or inline it makes, added to
//! its parent (a table without a written separator made headless, each term of a
//! definition its own, levels past the depth limit skipped).

use super::*;

impl Builder<'_> {
    pub(super) fn end(&mut self) {
        if let Some(top) = self.stack.last_mut()
            && top.flat > 0
        {
            top.flat -= 1;
            return;
        }
        let Some(mut frame) = self.stack.pop() else {
            return;
        };
        self.span_ials(&mut frame.inlines);
        if self.stack.is_empty() {
            self.stack.push(frame);
            return;
        }
        let at = frame.at;
        if matches!(frame.kind, Kind::Table(_)) && self.separator_generated(frame.pre_at) {
            let head = std::mem::take(&mut frame.head);
            frame.rows.insert(0, head);
        }
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
            // Each line above a definition is a term of its own in kramdown.
            Kind::DefTitle => {
                for line in frame.inlines.split(|i| matches!(i, Inline::SoftBreak)) {
                    parent
                        .defs
                        .push(DefItem::Term(finish_inlines(line.to_vec())));
                }
            }
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
                let (raw, map) = frame.raw.finish();
                let nodes = self.html_nodes(&raw, &map);
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
}
