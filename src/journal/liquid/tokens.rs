//! Liquid source as tokens: text, `{{ output }}` and `{% tags %}`, with their whitespace
//! control (`{%-`, `-%}`) applied as Jekyll 4.3's Liquid does.

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum TokKind {
    Text,
    Output,
    Tag,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) kind: TokKind,
    /// The whole token in the source.
    pub(super) start: usize,
    pub(super) end: usize,
    /// The inside of `{{ }}` / `{% %}`.
    pub(super) inner: (usize, usize),
    pub(super) trim_left: bool,
    pub(super) trim_right: bool,
}

pub(super) fn tokenize(src: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let bytes = src.as_bytes();
    let mut pos = 0;
    let mut text_start = 0;
    while let Some(off) = src[pos..].find('{') {
        let at = pos + off;
        let next = bytes.get(at + 1).copied();
        let close = match next {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                pos = at + 1;
                continue;
            }
        };
        let Some(c) = src[at + 2..].find(close) else {
            pos = at + 2;
            continue;
        };
        let end = at + 2 + c + 2;
        let mut inner = (at + 2, at + 2 + c);
        let trim_left = src[inner.0..inner.1].starts_with('-');
        let trim_right = src[inner.0..inner.1].ends_with('-');
        if trim_left {
            inner.0 += 1;
        }
        if trim_right && inner.1 > inner.0 {
            inner.1 -= 1;
        }
        // `{{-}}`, `{%-%}`: one dash trims both sides; the inside is empty.
        inner.1 = inner.1.max(inner.0);
        if text_start < at {
            toks.push(text_tok(text_start, at));
        }
        let kind = if close == "}}" {
            TokKind::Output
        } else {
            TokKind::Tag
        };
        toks.push(Tok {
            kind,
            start: at,
            end,
            inner,
            trim_left,
            trim_right,
        });
        pos = end;
        text_start = end;
        // `{% raw %}` … `{% endraw %}`: everything between is text.
        if kind == TokKind::Tag && src[inner.0..inner.1].trim() == "raw" {
            let rest = &src[end..];
            let mut search = 0;
            let close_at = loop {
                let Some(o) = rest[search..].find("{%") else {
                    break None;
                };
                let o = search + o;
                if let Some(c) = rest[o + 2..].find("%}").map(|c| c + 2) {
                    let body =
                        rest[o + 2..o + c].trim_matches(|ch: char| ch == '-' || ch.is_whitespace());
                    if body == "endraw" {
                        break Some((o, o + c + 2));
                    }
                }
                search = o + 2;
            };
            match close_at {
                Some((o, e)) => {
                    if o > 0 {
                        toks.push(text_tok(end, end + o));
                    }
                    toks.push(Tok {
                        kind: TokKind::Tag,
                        start: end + o,
                        end: end + e,
                        inner: (end + o + 2, end + e - 2),
                        trim_left: false,
                        trim_right: false,
                    });
                    pos = end + e;
                    text_start = pos;
                }
                None => {
                    // Unclosed raw: the rest is text.
                    pos = src.len();
                }
            }
        }
    }
    if text_start < src.len() {
        toks.push(text_tok(text_start, src.len()));
    }
    toks
}

pub(super) fn text_tok(start: usize, end: usize) -> Tok {
    Tok {
        kind: TokKind::Text,
        start,
        end,
        inner: (start, end),
        trim_left: false,
        trim_right: false,
    }
}
