//! HTML blocks in the pre-pass: taken out whole as placeholders (kept a paragraph when
//! they open a span element), or — with `markdown="1"` or `parse_block_html` — their tags
//! taken out and their content read as Markdown.

use super::*;

impl Pass<'_> {
    /// An HTML block starting at `lt` (the `<`); returns where the next line starts.
    pub(super) fn html_block(&mut self, pos: usize, lt: usize, lead: &str) -> Option<usize> {
        let src = self.src;
        let (tok, tag_end) = read_tag(src, lt)?;
        let block_end = match &tok {
            Token::Comment => tag_end,
            Token::Close { name } => {
                // The end of a `markdown="1"` block.
                if self.md_closes.last() != Some(name) {
                    return None;
                }
                self.md_closes.pop();
                tag_end
            }
            Token::Open {
                name,
                attrs,
                self_closing,
                ..
            } => {
                if SPAN_ELEMENTS.contains(&name.as_str()) {
                    // Kept a paragraph, as kramdown keeps it.
                    self.out.copy(lead, pos);
                    self.out.generate(&KEEP_PARAGRAPH.to_string(), lt);
                    let end = self.line_end(pos);
                    self.inline(lt, &src[lt..end]);
                    return Some(end);
                }
                let asked = attrs.iter().find(|(k, _)| k == "markdown").map(|(_, v)| v);
                // `parse_block_html: true` reads every HTML block as `markdown="1"` but
                // those whose content is raw text, and those that say `markdown="0"`.
                let markdown = match asked {
                    Some(v) => matches!(v.as_str(), "1" | "block" | "span"),
                    None => {
                        self.options.parse_block_html
                            && !matches!(
                                name.as_str(),
                                "script" | "style" | "pre" | "textarea" | "math" | "svg"
                            )
                    }
                };
                if markdown && !self_closing {
                    self.md_closes.push(name.clone());
                    let raw = strip_markdown_attr(&src[lt..tag_end]);
                    self.push_html(raw, lt, lead);
                    let next = self.after_tag(tag_end);
                    return Some(next);
                }
                if *self_closing || VOID.contains(&name.as_str()) {
                    tag_end
                } else {
                    matching_end(src, tag_end, name)
                }
            }
            Token::Text(_) => return None,
        };
        let raw = src[lt..block_end].to_owned();
        self.push_html(raw, lt, lead);
        Some(self.after_tag(block_end))
    }

    pub(super) fn push_html(&mut self, raw: String, at: usize, lead: &str) {
        let n = self.pre.html.len();
        self.pre.html.push((raw, at));
        self.placeholder_block(lead, HTML_OPEN, n, HTML_CLOSE, at);
    }

    /// After an HTML block: skip the rest of its line when it is blank; otherwise the rest
    /// is read as a new line.
    pub(super) fn after_tag(&mut self, end: usize) -> usize {
        let line_end = self.line_end(end.min(self.src.len()));
        if end >= self.src.len() || self.src[end..line_end].trim().is_empty() {
            line_end
        } else {
            end
        }
    }
}
