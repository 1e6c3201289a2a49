//! Finding image references in a post's Markdown and resolving them as the published page
//! will.
//!
//! Scans kramdown-style Markdown images (`![alt](target "title")`, targets with spaces and
//! `<…>` targets) and raw HTML `<img src>`, skipping fenced code blocks and inline code.
//! Resolution follows Jekyll: `/x` is from the site root (under `baseurl` when the site sets
//! one), `x` is relative to the post's URL, `{{ site.baseurl }}` and the `relative_url` /
//! `absolute_url` filters are expanded, `%XX` escapes decoded. Pure: the caller checks
//! whether the resolved file exists. Limitation: reference-style images are not resolved.

mod closers;
mod resolve;
use closers::Closers;
pub use resolve::*;

use std::ops::Range;

use super::permalink::percent_decode;

/// How an image is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageSyntax {
    Markdown,
    Html,
}

/// One image reference in the Markdown source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    /// The whole reference (`![…](…)` or `<img …>`), as byte offsets into the text.
    pub range: Range<usize>,
    pub alt: String,
    /// The target as written (without `<…>`).
    pub target: String,
    /// Where the target text sits (inside `<…>` when wrapped).
    pub target_range: Range<usize>,
    /// Whether the target was written inside `<…>`.
    pub wrapped: bool,
    pub syntax: ImageSyntax,
}

/// What an image target points at on the published site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file in the site source, relative to the site root (`images/x.jpg`).
    SiteFile(String),
    /// A remote URL (never fetched).
    Remote(String),
    /// A URL outside the site (`/images/x` on a site with a `baseurl`, or `../` above the root).
    OutsideSite(String),
}

/// The site facts resolution needs.
#[derive(Debug, Clone, Default)]
pub struct LinkContext {
    pub baseurl: String,
    pub url: String,
    /// The post's URL path (from its permalink), without `baseurl`.
    pub post_url: String,
}

/// Byte ranges of fenced code blocks and inline code spans, which hold no images.
pub fn code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut fence: Option<(usize, String)> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim_start();
        let marker: String = trimmed
            .chars()
            .take_while(|c| *c == '`' || *c == '~')
            .collect();
        let is_fence = marker.len() >= 3
            && marker
                .chars()
                .all(|c| c == marker.chars().next().unwrap_or('`'));
        let is_liquid_highlight =
            trimmed.starts_with("{% highlight") || trimmed.starts_with("{%highlight");
        match &fence {
            Some((open, m)) => {
                let closes = (is_fence && marker.starts_with(m.as_str()))
                    || (m == "{%" && trimmed.starts_with("{% endhighlight"));
                if closes {
                    out.push(*open..pos);
                    fence = None;
                }
            }
            None if is_fence => fence = Some((start, marker)),
            None if is_liquid_highlight => fence = Some((start, "{%".to_owned())),
            None => inline_code(line, start, &mut out),
        }
    }
    if let Some((open, _)) = fence {
        out.push(open..text.len());
    }
    out
}

fn inline_code(line: &str, base: usize, out: &mut Vec<Range<usize>>) {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
            let ticks = &line[i..i + run];
            if let Some(close) = line[i + run..].find(ticks) {
                let end = i + run + close + run;
                out.push(base + i..base + end);
                i = end;
                continue;
            }
            i += run;
        } else {
            i += 1;
        }
    }
}

/// Whether `at` lies in one of `ranges` (sorted by start and not overlapping, as
/// [`code_ranges`] gives them): a binary search, so a post of 30,000 code spans stays linear.
fn in_ranges(ranges: &[Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.start <= at);
    i > 0 && ranges[i - 1].contains(&at)
}

/// Every image reference outside code, in order.
pub fn scan_images(text: &str) -> Vec<ImageRef> {
    let code = code_ranges(text);
    let closers = Closers::of(text);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("![") {
        let at = from + found;
        from = at + 2;
        if in_ranges(&code, at) || text[..at].ends_with('\\') {
            continue;
        }
        if let Some(image) = markdown_image(text, at, &closers) {
            from = image.range.end;
            out.push(image);
        }
    }
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<img") {
        let at = from + found;
        from = at + 4;
        if in_ranges(&code, at) {
            continue;
        }
        if let Some(image) = html_image(text, at) {
            from = image.range.end;
            out.push(image);
        }
    }
    out.extend(reference_images(text, &code));
    out.sort_by_key(|i| i.range.start);
    out
}

/// `[text](target)` found at a `[`: where its parts sit.
struct Bracketed {
    text: Range<usize>,
    target_range: Range<usize>,
    wrapped: bool,
    end: usize,
}

/// Parse `[text](target "title")` with the `[` at `open`.
fn bracketed(text: &str, open: usize, closers: &Closers) -> Option<Bracketed> {
    let alt_start = open + 1;
    let alt_end = closers.bracket(open)?;
    let rest = &text[alt_end + 1..];
    if !rest.starts_with('(') {
        return None;
    }
    let paren_at = alt_end + 1;
    let (target_range, wrapped, end) = if rest[1..].starts_with('<') {
        let gt = closers.next_gt(paren_at + 2)?;
        let paren = closers.next_close(gt + 1)?;
        if closers.newline_in(gt + 1, paren) {
            return None;
        }
        let start = paren_at + 2;
        (start..gt, true, paren + 1)
    } else {
        let close = closers.paren(paren_at)?;
        let inner_start = paren_at + 1;
        let inner = &text[inner_start..close];
        let lead = inner.len() - inner.trim_start().len();
        let target = strip_title(inner.trim());
        let start = inner_start + lead;
        (start..start + target.len(), false, close + 1)
    };
    Some(Bracketed {
        text: alt_start..alt_end,
        target_range,
        wrapped,
        end,
    })
}

/// Parse `![alt](target "title")` at `at`; `None` if it is not one (then it is text).
fn markdown_image(text: &str, at: usize, closers: &Closers) -> Option<ImageRef> {
    let b = bracketed(text, at + 1, closers)?;
    Some(ImageRef {
        range: at..b.end,
        alt: text[b.text].to_owned(),
        target: text[b.target_range.clone()].trim().to_owned(),
        target_range: b.target_range,
        wrapped: b.wrapped,
        syntax: ImageSyntax::Markdown,
    })
}

/// A link `[text](target)` that is not an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub range: Range<usize>,
    pub text: String,
    pub target: String,
    pub target_range: Range<usize>,
}

/// Every plain link outside code, in order (images excluded).
pub fn scan_links(text: &str) -> Vec<LinkRef> {
    let code = code_ranges(text);
    let closers = Closers::of(text);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find('[') {
        let at = from + found;
        from = at + 1;
        if in_ranges(&code, at) || text[..at].ends_with(['!', '\\']) {
            continue;
        }
        if let Some(b) = bracketed(text, at, &closers) {
            out.push(LinkRef {
                range: at..b.end,
                text: text[b.text.clone()].to_owned(),
                target: text[b.target_range.clone()].trim().to_owned(),
                target_range: b.target_range,
            });
            // Links inside the link text (`[![a](x)](y)`) are not separate links.
            from = b.end;
        }
    }
    out
}

/// Reference definitions `[label]: target` (labels lower-cased), with where the target sits.
pub fn reference_definitions(text: &str) -> Vec<(String, String, Range<usize>)> {
    let code = code_ranges(text);
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        if indent > 3 || !rest.starts_with('[') || in_ranges(&code, start) {
            continue;
        }
        let Some(close) = rest.find("]:") else {
            continue;
        };
        let label = rest[1..close].trim().to_lowercase();
        let after = &rest[close + 2..];
        let lead = after.len() - after.trim_start().len();
        let value = after.trim();
        let (target, offset) = match value.strip_prefix('<').and_then(|v| v.split_once('>')) {
            Some((t, _)) => (t, 1),
            None => (strip_title(value), 0),
        };
        if label.is_empty() || target.is_empty() {
            continue;
        }
        let t_start = start + indent + close + 2 + lead + offset;
        out.push((label, target.to_owned(), t_start..t_start + target.len()));
    }
    out
}

/// Reference-style images `![alt][label]`, `![alt][]` and `![alt]` with a definition.
fn reference_images(text: &str, code: &[Range<usize>]) -> Vec<ImageRef> {
    let defs = reference_definitions(text);
    if defs.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("![") {
        let at = from + found;
        from = at + 2;
        if in_ranges(code, at) {
            continue;
        }
        let Some(alt_len) = text[at + 2..].find(']') else {
            continue;
        };
        let alt_end = at + 2 + alt_len;
        let alt = &text[at + 2..alt_end];
        let rest = &text[alt_end + 1..];
        if rest.starts_with('(') || alt.contains('\n') {
            continue;
        }
        let (label, end) = match rest
            .strip_prefix('[')
            .and_then(|r| r.find(']').map(|e| (&r[..e], e)))
        {
            Some((l, e)) if !l.trim().is_empty() => (l.trim().to_lowercase(), alt_end + 1 + e + 2),
            Some((_, e)) => (alt.trim().to_lowercase(), alt_end + 1 + e + 2),
            None => (alt.trim().to_lowercase(), alt_end + 1),
        };
        if let Some((_, target, range)) = defs.iter().find(|(l, _, _)| *l == label) {
            out.push(ImageRef {
                range: at..end,
                alt: alt.to_owned(),
                target: target.clone(),
                target_range: range.clone(),
                wrapped: false,
                syntax: ImageSyntax::Markdown,
            });
        }
    }
    out
}

/// `x.jpg "title"` → `x.jpg`.
fn strip_title(inner: &str) -> &str {
    for q in ['"', '\''] {
        if inner.ends_with(q)
            && let Some(open) = inner[..inner.len() - 1].rfind(q)
            && inner[..open].ends_with(char::is_whitespace)
        {
            return inner[..open].trim_end();
        }
    }
    inner
}

fn html_image(text: &str, at: usize) -> Option<ImageRef> {
    let end = at + text[at..].find('>')? + 1;
    let tag = &text[at..end];
    let (src, src_range) = html_attr_at(tag, "src")?;
    Some(ImageRef {
        range: at..end,
        alt: html_attr(tag, "alt").unwrap_or_default(),
        target: src,
        target_range: at + src_range.start..at + src_range.end,
        wrapped: false,
        syntax: ImageSyntax::Html,
    })
}

/// The value of attribute `name` in an HTML tag (quoted or bare).
pub fn html_attr(tag: &str, name: &str) -> Option<String> {
    html_attr_at(tag, name).map(|(v, _)| v)
}

/// The value of attribute `name` in an HTML tag and where it sits in the tag.
fn html_attr_at(tag: &str, name: &str) -> Option<(String, Range<usize>)> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(char::is_whitespace);
        let after = lower[at + name.len()..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - after.len() + 1;
        let value = tag[value_at..].trim_start();
        let value_start = tag.len() - value.len();
        return Some(match value.chars().next()? {
            q @ ('"' | '\'') => {
                let v = value[1..].split(q).next()?;
                (v.to_owned(), value_start + 1..value_start + 1 + v.len())
            }
            _ => {
                let v = value
                    .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                    .next()?;
                (v.to_owned(), value_start..value_start + v.len())
            }
        });
    }
    None
}

#[cfg(test)]
#[path = "../links_tests.rs"]
mod tests;
