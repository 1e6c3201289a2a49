//! A small, forgiving HTML reader for the HTML posts contain: tags with attributes
//! (quoted or bare, values with line breaks), void elements, comments, entities, and
//! `script`/`style` bodies as text. Unclosed tags close at the end, stray end tags are
//! ignored, nesting deeper than [`MAX_DEPTH`] is flattened — never a panic, never a hang.

use super::Attrs;

/// Nesting kept as a tree, at most; deeper elements become siblings.
pub const MAX_DEPTH: usize = 64;

/// Elements that never have content.
pub const VOID: [&str; 16] = [
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// A node of parsed HTML.
#[derive(Debug, Clone, PartialEq)]
pub enum HNode {
    /// Text with entities decoded.
    Text(String),
    Element(Element),
    Comment,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Lower-cased.
    pub name: String,
    pub attrs: Attrs,
    pub children: Vec<HNode>,
    /// Byte offset of the `<` in the parsed text.
    pub at: usize,
    /// The index of this element in [`super::Doc::images`] (set for `img`).
    pub image: Option<usize>,
    /// For inline tags: whether this is an end tag (`</b>`).
    pub end: bool,
}

/// One token of HTML.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Text(String),
    Open {
        name: String,
        attrs: Attrs,
        self_closing: bool,
        at: usize,
    },
    Close {
        name: String,
    },
    Comment,
}

/// Read one tag starting at `at` (`<name …>` or `</name>`); its token and end.
pub fn read_tag(s: &str, at: usize) -> Option<(Token, usize)> {
    let b = s.as_bytes();
    if b.get(at) != Some(&b'<') {
        return None;
    }
    if s[at..].starts_with("<!--") {
        let end = s[at + 4..].find("-->").map_or(s.len(), |e| at + 4 + e + 3);
        return Some((Token::Comment, end));
    }
    let mut i = at + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'-' | b':' | b'_')) {
        i += 1;
    }
    if i == name_start || !b[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    if closing {
        let rest = &s[i..];
        let gt = rest.find('>')?;
        if !rest[..gt].trim().is_empty() {
            return None;
        }
        return Some((Token::Close { name }, i + gt + 1));
    }
    let mut attrs = Attrs::new();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i) {
            None => return None,
            Some(b'>') => {
                return Some((
                    Token::Open {
                        name,
                        attrs,
                        self_closing: false,
                        at,
                    },
                    i + 1,
                ));
            }
            Some(b'/') if b.get(i + 1) == Some(&b'>') => {
                return Some((
                    Token::Open {
                        name,
                        attrs,
                        self_closing: true,
                        at,
                    },
                    i + 2,
                ));
            }
            Some(b'/') => {
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        let key_start = i;
        while i < b.len()
            && !b[i].is_ascii_whitespace()
            && !matches!(b[i], b'=' | b'>' | b'/' | b'"' | b'\'')
        {
            i += 1;
        }
        if i == key_start {
            // A stray quote: not a tag.
            return None;
        }
        let key = s[key_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            attrs.push((key, String::new()));
            continue;
        }
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let value = match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let close = s[j + 1..].find(char::from(q))?;
                let v = &s[j + 1..j + 1 + close];
                i = j + 1 + close + 1;
                // kramdown's tag pattern wants a space, `/` or `>` after a quoted value:
                // `alt="경주 "2""` is no tag (it is published as text).
                if b.get(i)
                    .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'>' | b'/'))
                {
                    return None;
                }
                v
            }
            Some(_) => {
                let start = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                i = j;
                &s[start..j]
            }
            None => return None,
        };
        attrs.push((key, decode_entities(value)));
    }
}

/// Split HTML into tokens; `<` that starts no tag is text.
pub fn tokenize(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let mut raw_until: Option<String> = None;
    while i < s.len() {
        let Some(off) = s[i..].find('<') else {
            text.push_str(&s[i..]);
            break;
        };
        let at = i + off;
        text.push_str(&s[i..at]);
        if let Some(name) = &raw_until {
            // Inside script/style: only its end tag counts.
            let close = format!("</{name}");
            if s[at..].to_ascii_lowercase().starts_with(&close)
                && let Some((tok, end)) = read_tag(s, at)
            {
                flush(&mut text, &mut out, true);
                out.push(tok);
                raw_until = None;
                i = end;
            } else {
                text.push('<');
                i = at + 1;
            }
            continue;
        }
        match read_tag(s, at) {
            Some((tok, end)) => {
                flush(&mut text, &mut out, false);
                if let Token::Open {
                    name,
                    self_closing: false,
                    ..
                } = &tok
                    && (name == "script" || name == "style")
                {
                    raw_until = Some(name.clone());
                }
                out.push(tok);
                i = end;
            }
            None => {
                text.push('<');
                i = at + 1;
            }
        }
    }
    flush(&mut text, &mut out, raw_until.is_some());
    out
}

fn flush(text: &mut String, out: &mut Vec<Token>, raw: bool) {
    if !text.is_empty() {
        let t = std::mem::take(text);
        out.push(Token::Text(if raw { t } else { decode_entities(&t) }));
    }
}

/// Parse HTML into a tree.
pub fn parse_html(s: &str) -> Vec<HNode> {
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Vec<HNode> = Vec::new();
    fn push(stack: &mut [Element], root: &mut Vec<HNode>, node: HNode) {
        match stack.last_mut() {
            Some(top) => top.children.push(node),
            None => root.push(node),
        }
    }
    for tok in tokenize(s) {
        match tok {
            Token::Text(t) => push(&mut stack, &mut root, HNode::Text(t)),
            Token::Comment => push(&mut stack, &mut root, HNode::Comment),
            Token::Open {
                name,
                attrs,
                self_closing,
                at,
            } => {
                let el = Element {
                    name,
                    attrs,
                    children: Vec::new(),
                    at,
                    image: None,
                    end: false,
                };
                if self_closing || VOID.contains(&el.name.as_str()) || stack.len() >= MAX_DEPTH {
                    push(&mut stack, &mut root, HNode::Element(el));
                } else {
                    stack.push(el);
                }
            }
            Token::Close { name } => {
                if let Some(pos) = stack.iter().rposition(|e| e.name == name) {
                    while stack.len() > pos {
                        let Some(el) = stack.pop() else { break };
                        push(&mut stack, &mut root, HNode::Element(el));
                    }
                }
            }
        }
    }
    while let Some(el) = stack.pop() {
        push(&mut stack, &mut root, HNode::Element(el));
    }
    root
}

/// Decode the entities posts use (`&amp;`, `&#8617;`, `&#x2014;`, `&nbsp;`, …).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| entity(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "times" => '×',
        "rarr" => '→',
        "larr" => '←',
        "bull" => '•',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_odd_attributes_parse() {
        let nodes =
            parse_html("<center><img src=\"/images/busan/\nticket.jpg\" width=30%></center>");
        let HNode::Element(center) = &nodes[0] else {
            panic!("{nodes:?}")
        };
        let HNode::Element(img) = &center.children[0] else {
            panic!()
        };
        assert_eq!(
            img.attrs[0],
            ("src".to_owned(), "/images/busan/\nticket.jpg".to_owned())
        );
        assert_eq!(img.attrs[1].1, "30%");
        // A quote inside a quoted value ends it: what follows is no attribute, and the
        // whole is no tag (kramdown publishes it as text).
        assert!(read_tag("<img src=\"a.jpg\" alt=\"경주 \"2\"\">", 0).is_none());
        assert!(read_tag("<img alt=\"a\"/>", 0).is_some());
    }

    #[test]
    fn malformed_and_deep_html_never_panics() {
        let deep = "<div>".repeat(50_000);
        assert!(!parse_html(&deep).is_empty());
        for s in [
            "<",
            "<a",
            "<a href=\"x",
            "</>",
            "<!-- x",
            "<p>&#99999999;&",
            "<script>if (a<b) {}</script>",
        ] {
            parse_html(s);
        }
        assert_eq!(
            decode_entities("a &amp; b &#8617; &bogus; &"),
            "a & b ↩ &bogus; &"
        );
    }
}
