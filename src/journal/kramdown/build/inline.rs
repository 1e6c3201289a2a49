//! Inline content as the builder meets it: text with its typographic marks and Liquid
//! markers, span IALs, inline HTML and `<img>`.

use super::*;

impl Builder<'_> {
    pub(super) fn text(&mut self, t: &str) {
        let (pre, at) = (self.pre, self.pre_at);
        let top = self.top();
        match top.kind {
            Kind::Code(_) => return top.text.push_str(t),
            Kind::Html => return unplace_into(&mut top.raw, t, at, pre),
            _ => {}
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
                        let mut map = SrcBuilder::default();
                        map.copy(raw, *html_at);
                        let nodes = self.html_nodes(raw, &map.finish().1);
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
    pub(super) fn span_ials(&mut self, inlines: &mut Vec<Inline>) {
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

    /// Inline HTML `h` (placeholders put back); `map` leads its offsets to the input.
    pub(super) fn inline_html(&mut self, h: &str, map: &SourceMap) {
        let at = map.to_source(0);
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
                    let image =
                        (name == "img").then(|| self.html_image(&attrs, map.to_source(off)));
                    match image {
                        Some(i) => self.top().inlines.push(Inline::Image(i)),
                        None => self.top().inlines.push(Inline::Tag(HNode::Element(Element {
                            name,
                            attrs,
                            children: Vec::new(),
                            at: map.to_source(off),
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

    pub(super) fn html_image(&mut self, attrs: &Attrs, at: usize) -> usize {
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

    /// Parse raw HTML (`map` leads its offsets to the input) and register its images.
    pub(super) fn html_nodes(&mut self, raw: &str, map: &SourceMap) -> Vec<HNode> {
        let mut nodes = parse_html(raw);
        let mut stack: Vec<&mut HNode> = nodes.iter_mut().collect();
        // Depth-first, in document order.
        stack.reverse();
        while let Some(node) = stack.pop() {
            if let HNode::Element(el) = node {
                if el.name == "img" {
                    el.image = Some(self.html_image(&el.attrs, map.to_source(el.at)));
                }
                let mut children: Vec<&mut HNode> = el.children.iter_mut().collect();
                children.reverse();
                stack.extend(children);
            }
        }
        nodes
    }
}
