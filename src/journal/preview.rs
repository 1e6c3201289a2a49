//! Turning a post into the Markdown the preview renders, so it shows what the published
//! page will show.
//!
//! The Markdown renderer (`egui_commonmark`, `CommonMark`) differs from kramdown and knows no
//! Liquid, so the text is prepared first: the front matter becomes the page heading (title,
//! date, categories); every image is resolved as the published page would resolve it and
//! rewritten to an absolute `file://` URI inside `<…>` (so spaces work), a missing one to a
//! visible box naming the path, a remote one to a placeholder (nothing is fetched); raw
//! `<img>` tags become images; `{% highlight %}` becomes a fenced code block; other Liquid
//! is shown as code. Pure: the caller says which site files exist.

use std::ops::Range;

use super::front_matter::{FrontMatter, layout};
use super::links::{
    ImageRef, LinkContext, Resolved, code_ranges, expand_url_liquid, resolve, scan_images,
};

/// The heading the published layout shows above the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heading {
    pub title: Option<String>,
    pub date: Option<String>,
    pub categories: Vec<String>,
}

/// What the preview needs besides the text.
pub struct PreviewSite<'a> {
    pub links: &'a LinkContext,
    /// `file:///abs/site/root` without a trailing slash.
    pub root_uri: &'a str,
    /// Whether a site-relative path names an existing file.
    pub exists: &'a dyn Fn(&str) -> bool,
}

/// The Markdown to render for `text` (a whole post, front matter included), in one piece.
/// The preview itself prepares block by block (see [`split_blocks`], [`prepare_block`]).
pub fn prepare(text: &str, heading: &Heading, site: &PreviewSite<'_>) -> String {
    let body = &text[layout(text).body_start()..];
    let mut out = heading_markdown(heading);
    let blocks: Vec<String> = split_blocks(body)
        .into_iter()
        .map(|r| prepare_block(&body[r], site))
        .collect();
    out.push_str(&blocks.join("\n\n"));
    out
}

/// One block of the body (see [`split_blocks`]) prepared for rendering.
pub fn prepare_block(block: &str, site: &PreviewSite<'_>) -> String {
    liquid_pass(&rewrite_images(block, site))
}

/// Cut a Markdown body into blocks at blank lines, never inside a code fence or a
/// `{% highlight %}` block, so each block renders the same on its own.
pub fn split_blocks(md: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let mut fence: Option<&str> = None;
    for line in md.split_inclusive('\n') {
        let t = line.trim_start();
        let line_start = pos;
        pos += line.len();
        match fence {
            Some(close) if t.starts_with(close) => fence = None,
            Some(_) => {}
            None if t.starts_with("```") => fence = Some("```"),
            None if t.starts_with("~~~") => fence = Some("~~~"),
            None if t.starts_with("{% highlight") || t.starts_with("{%highlight") => {
                fence = Some("{% endhighlight")
            }
            None if t.trim().is_empty() => {
                if !md[start..line_start].trim().is_empty() {
                    out.push(start..line_start);
                }
                start = pos;
            }
            None => {}
        }
    }
    if !md[start..].trim().is_empty() {
        out.push(start..md.len());
    }
    out
}

/// The heading from a post's front matter (`date_text` already formatted by the caller).
pub fn heading_of(text: &str, date_text: Option<String>) -> Heading {
    match FrontMatter::parse(text) {
        Ok(fm) => Heading {
            title: fm.title(),
            date: date_text,
            categories: fm.categories(),
        },
        Err(_) => Heading::default(),
    }
}

fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]#<>|!".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The page heading (title, then date and categories) as Markdown.
pub fn heading_markdown(h: &Heading) -> String {
    let mut out = String::new();
    if let Some(title) = &h.title {
        out.push_str(&format!("# {}\n\n", escape_markdown(title)));
    }
    let mut meta: Vec<String> = h.date.iter().cloned().collect();
    if !h.categories.is_empty() {
        meta.push(h.categories.join(" · "));
    }
    if !meta.is_empty() {
        out.push_str(&format!("*{}*\n\n", escape_markdown(&meta.join(" — "))));
    }
    out
}

fn rewrite_images(body: &str, site: &PreviewSite<'_>) -> String {
    let images = scan_images(body);
    let mut out = String::with_capacity(body.len() + images.len() * 32);
    let mut last = 0;
    for image in &images {
        out.push_str(&body[last..image.range.start]);
        let line_start = body[..image.range.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = body[image.range.end..]
            .find('\n')
            .map_or(body.len(), |i| image.range.end + i);
        let alone = body[line_start..image.range.start].trim().is_empty()
            && body[image.range.end..line_end].trim().is_empty();
        out.push_str(&replacement(image, site, alone));
        last = image.range.end;
    }
    out.push_str(&body[last..]);
    out
}

fn replacement(image: &ImageRef, site: &PreviewSite<'_>, alone: bool) -> String {
    let notice = |what: &str, target: &str| {
        if alone {
            format!("```\n🖼 {what}: {target}\n```")
        } else {
            format!("`🖼 {what}: {}`", target.replace('`', "'"))
        }
    };
    match resolve(&image.target, site.links) {
        Resolved::SiteFile(rel) if (site.exists)(&rel) => {
            format!(
                "![{}](<{}/{}>)",
                escape_markdown(&image.alt),
                site.root_uri,
                rel
            )
        }
        Resolved::SiteFile(_) | Resolved::OutsideSite(_) => notice("missing image", &image.target),
        Resolved::Remote(url) => notice("remote image, not loaded", &url),
    }
}

/// Liquid outside code: `{% highlight x %}` → fence, `{% raw %}` dropped, other tags and
/// unknown `{{ … }}` shown as inline code, URL forms expanded.
fn liquid_pass(text: &str) -> String {
    let code = code_ranges(text);
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if let Some(rest) = trimmed
            .strip_prefix("{%")
            .and_then(|r| r.strip_suffix("%}"))
        {
            let words: Vec<&str> = rest.split_whitespace().collect();
            match words.first().copied() {
                Some("highlight") => {
                    out.push_str(&format!("```{}\n", words.get(1).unwrap_or(&"")));
                    continue;
                }
                Some("endhighlight") => {
                    out.push_str("```\n");
                    continue;
                }
                Some("raw" | "endraw") => continue,
                _ => {}
            }
        }
        if code.iter().any(|r| r.contains(&start) && r.start != start) {
            out.push_str(line);
            continue;
        }
        out.push_str(&inline_liquid(line));
    }
    out
}

fn inline_liquid(line: &str) -> String {
    if !line.contains("{{") && !line.contains("{%") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(open) = rest
        .find('{')
        .filter(|&i| matches!(rest[i..].get(..2), Some("{{" | "{%")))
    {
        let close_mark = if rest[open..].starts_with("{{") {
            "}}"
        } else {
            "%}"
        };
        let Some(close) = rest[open..].find(close_mark) else {
            break;
        };
        out.push_str(&rest[..open]);
        let tag = &rest[open..open + close + 2];
        out.push_str(&format!("`{}`", tag.replace('`', "'")));
        rest = &rest[open + close + 2..];
    }
    out.push_str(rest);
    out
}

/// Expand Liquid URL forms in a link target for opening it (links open in the browser).
pub fn link_target(target: &str, links: &LinkContext) -> String {
    expand_url_liquid(target, links)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepare_with(text: &str, existing: &[&str]) -> String {
        let links = LinkContext {
            post_url: "/travel/2016/11/03/day1.html".into(),
            ..Default::default()
        };
        let exists = |rel: &str| existing.contains(&rel);
        let site = PreviewSite {
            links: &links,
            root_uri: "file:///site",
            exists: &exists,
        };
        let heading = heading_of(text, Some("2016-11-03".into()));
        prepare(text, &heading, &site)
    }

    #[test]
    fn front_matter_becomes_the_page_heading() {
        let out = prepare_with(
            "---\ntitle: 부산 *여행*\ncategories: 바다 회\n---\n본문\n",
            &[],
        );
        assert!(
            out.starts_with("# 부산 \\*여행\\*\n\n*2016-11-03 — 바다 · 회*\n\n본문"),
            "{out}"
        );
        assert!(!out.contains("title:"));
    }

    #[test]
    fn images_resolve_like_the_published_page() {
        let text = "---\ntitle: t\n---\n![공백](/images/trip/2016-11-07 10.29.43.jpg)\n\n![rel](images/trip/x.jpg)\n\n![gone](/images/trip/-11-07.jpg)\n\n<img src=\"/images/trip/raw.png\" alt=\"raw\">\n\nsee ![r](https://example.com/r.jpg) inline\n";
        let out = prepare_with(
            text,
            &[
                "images/trip/2016-11-07 10.29.43.jpg",
                "images/trip/x.jpg",
                "images/trip/raw.png",
            ],
        );
        assert!(
            out.contains("![공백](<file:///site/images/trip/2016-11-07 10.29.43.jpg>)"),
            "{out}"
        );
        assert!(
            out.contains("```\n🖼 missing image: images/trip/x.jpg\n```"),
            "{out}"
        );
        assert!(
            out.contains("🖼 missing image: /images/trip/-11-07.jpg"),
            "{out}"
        );
        assert!(
            out.contains("![raw](<file:///site/images/trip/raw.png>)"),
            "{out}"
        );
        assert!(
            out.contains("see `🖼 remote image, not loaded: https://example.com/r.jpg` inline"),
            "{out}"
        );
    }

    #[test]
    fn blocks_split_at_blank_lines_but_not_inside_fences() {
        let md = "# 제목\n\n문단 하나\n둘째 줄\n\n```\ncode\n\nmore\n```\n\n{% highlight rb %}\na\n\nb\n{% endhighlight %}\n\n\n끝";
        let blocks: Vec<&str> = split_blocks(md)
            .into_iter()
            .map(|r| md[r].trim_end())
            .collect();
        assert_eq!(
            blocks,
            [
                "# 제목",
                "문단 하나\n둘째 줄",
                "```\ncode\n\nmore\n```",
                "{% highlight rb %}\na\n\nb\n{% endhighlight %}",
                "끝"
            ]
        );
    }

    #[test]
    fn liquid_is_rendered_or_dimmed_never_fatal() {
        let text = "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{% include note.html %}\nUses {{ page.title }} and {% raw %}\n`{{ kept }}`\n{% unclosed\n";
        let out = prepare_with(text, &[]);
        assert!(out.contains("```ruby\nputs 1\n```\n"), "{out}");
        assert!(out.contains("`{% include note.html %}`"), "{out}");
        assert!(out.contains("Uses `{{ page.title }}`"), "{out}");
        assert!(out.contains("`{{ kept }}`"), "{out}");
        assert!(out.contains("{% unclosed"), "{out}");
    }
}
