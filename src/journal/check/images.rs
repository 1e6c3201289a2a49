//! Image rules: `missing-image`, `unreadable-image`, `heic-on-page`, `spaced-image-url`,
//! `image-as-link`, `remote-image`, and
//! the list of site files a post's images use.

use super::front::fix_between;
use super::{CheckContext, Fix, PostInput, Report, SiteFiles};
use crate::i18n::Words;
use crate::journal::front_matter::{FrontMatter, layout};
use crate::journal::image_kind::{ImageKind, Shown};
use crate::journal::kramdown::{self, Block, BlockKind, Doc, HNode, Inline, Visit};
use crate::journal::links::{ImageSyntax, LinkContext, Resolved, resolve, scan_images, scan_links};
use crate::journal::liquid::{UNRESOLVED_OPEN, restore_markers};
use crate::journal::permalink::{percent_decode, url_of_post};
use crate::journal::trip::{default_alt, is_camera_name};

/// Where the alt text of an image as written sits in `body` (for an `<img>` without one,
/// the empty place after `<img`).
fn alt_range(body: &str, w: &crate::journal::links::ImageRef) -> Option<std::ops::Range<usize>> {
    let text = body.get(w.range.clone())?;
    match w.syntax {
        ImageSyntax::Markdown => {
            let start = w.range.start + 2;
            (body.get(start..start + w.alt.len()) == Some(w.alt.as_str()))
                .then_some(start..start + w.alt.len())
        }
        _ => {
            let lower = text.to_ascii_lowercase();
            let mut from = 0;
            while let Some(i) = lower[from..].find("alt") {
                let at = from + i;
                from = at + 3;
                let before_ok = lower[..at].ends_with(char::is_whitespace);
                let rest = lower[at + 3..].trim_start();
                if !before_ok || !rest.starts_with('=') {
                    continue;
                }
                let after_eq = text.len() - rest.len() + 1;
                let value = text[after_eq..].trim_start();
                let quote = value.chars().next()?;
                if quote != '"' && quote != '\'' {
                    return None;
                }
                let open = text.len() - value.len() + 1;
                let close = open + text[open..].find(quote)?;
                return Some(w.range.start + open..w.range.start + close);
            }
            None
        }
    }
}

/// Extensions of files a browser shows as images.
const IMAGE_EXTENSIONS: [&str; 11] = [
    "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "avif", "heic", "tif", "tiff",
];

/// Whether a link target names an image file.
pub fn is_image_path(target: &str) -> bool {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| IMAGE_EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// The link facts of one post: its URL (from its file name, front matter and the site's
/// permalink style) and the site's `baseurl` and `url`.
pub fn link_context(post: PostInput<'_>, fm: &FrontMatter, ctx: &CheckContext) -> LinkContext {
    let post_url = url_of_post(
        post.file_name(),
        post.is_draft(),
        fm,
        &ctx.zone,
        &ctx.permalink,
        ctx.now,
    )
    .unwrap_or_default();
    LinkContext {
        baseurl: ctx.baseurl.clone(),
        url: ctx.url.clone(),
        post_url,
    }
}

/// Every link target in the document (Markdown links and `<a href>` in HTML).
fn doc_links(doc: &Doc) -> Vec<String> {
    fn nodes(list: &[HNode], out: &mut Vec<String>) {
        for n in list {
            if let HNode::Element(el) = n {
                if el.name == "a"
                    && let Some(h) = kramdown::attr(&el.attrs, "href")
                {
                    out.push(h.to_owned());
                }
                nodes(&el.children, out);
            }
        }
    }
    let mut out = Vec::new();
    doc.visit(&mut |v| match v {
        Visit::Inline(Inline::Link { href, .. }) => out.push(href.clone()),
        Visit::Inline(Inline::Tag(HNode::Element(el))) if !el.end => {
            if let Some(h) = kramdown::attr(&el.attrs, "href") {
                out.push(h.to_owned());
            }
            nodes(&el.children, &mut out);
        }
        Visit::Block(Block {
            kind: BlockKind::Html { nodes: n, .. },
            ..
        }) => nodes(n, &mut out),
        _ => {}
    });
    out
}

/// A published `src` as a browser reads it (the URL standard): ASCII tabs and line breaks
/// dropped, leading and trailing spaces and controls trimmed, `\` read as `/`. Also says
/// whether a backslash was read as a slash.
pub fn browser_url(src: &str) -> (String, bool) {
    let cleaned: String = src
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c <= ' ');
    let backslash = trimmed.contains('\\');
    (trimmed.replace('\\', "/"), backslash)
}

/// `target` without its `{{ … }}` and `{% … %}` parts (their spaces are Liquid's, not the URL's).
fn without_liquid(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    let mut rest = target;
    while let Some(open) = rest
        .find(['{'])
        .filter(|&i| matches!(rest[i..].get(..2), Some("{{" | "{%")))
    {
        let close = if rest[open..].starts_with("{{") {
            "}}"
        } else {
            "%}"
        };
        out.push_str(&rest[..open]);
        match rest[open..].find(close) {
            Some(end) => rest = &rest[open + end + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Up to three file names in `dir` close to `name`, nearest first.
fn nearest_names(files: &dyn SiteFiles, dir: &str, name: &str) -> Vec<String> {
    let limit = (name.chars().count() / 3).max(3);
    let mut scored: Vec<(usize, String)> = files
        .names_in(dir)
        .into_iter()
        .filter(|n| is_image_path(n))
        .map(|n| (distance(name, &n), n))
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

pub(super) fn check(
    report: &mut Report<'_>,
    post: PostInput<'_>,
    fm: &FrontMatter,
    ctx: &CheckContext,
    files: &dyn SiteFiles,
    doc: &Doc,
) -> Vec<String> {
    let links = link_context(post, fm, ctx);
    let mut used = Vec::new();
    let base = layout(post.text).body_start();
    let body = &post.text[base..];
    // The images as written, for fixes that edit their target (read once, when needed).
    let written: std::cell::OnceCell<Vec<crate::journal::links::ImageRef>> =
        std::cell::OnceCell::new();
    let title = fm.title().unwrap_or_default();
    for (number, image) in doc.images.iter().enumerate() {
        let at = image.at;
        // The images as written are in order: the one holding `at` is found by halving.
        let literal = || {
            let written = written.get_or_init(|| scan_images(body));
            let i = written.partition_point(|w| base + w.range.start <= at);
            written[..i].iter().rev().take(4).find(|w| {
                base + w.range.start <= at && at < base + w.range.end.max(w.range.start + 1)
            })
        };
        if is_camera_name(&image.alt) {
            let suggestion = default_alt(&title, number + 1);
            let fix = literal().and_then(|w| alt_range(body, w)).map(|r| Fix {
                select: true,
                ..Fix::new(
                    crate::words!("fix-write-alt", alt = suggestion.as_str()),
                    base + r.start..base + r.end,
                    suggestion.clone(),
                )
            });
            let message = if image.alt.trim().is_empty() {
                crate::words!("rule-no-alt-text")
            } else {
                crate::words!("rule-camera-alt-text", alt = image.alt.trim())
            };
            report.add("camera-alt-text", at, message, fix.into_iter().collect());
        }
        if image.src.contains(UNRESOLVED_OPEN) {
            let expr = restore_markers(&image.src, &doc.unresolved);
            report.add(
                "unresolved-image",
                at,
                crate::words!("rule-unresolved-image", expr = expr),
                Vec::new(),
            );
            continue;
        }
        let (url, backslash) = browser_url(&image.src);
        if backslash {
            report.add(
                "backslash-image-path",
                at,
                crate::words!("rule-backslash-image-path", src = image.src.trim()),
                literal()
                    .filter(|w| w.target.contains('\\'))
                    .map(|w| {
                        Fix::new(
                            crate::words!("fix-use-slash"),
                            base + w.target_range.start..base + w.target_range.end,
                            w.target.replace('\\', "/"),
                        )
                    })
                    .into_iter()
                    .collect(),
            );
        }
        let target_of = |rel: &str| format!("/{rel}");
        let resolved = resolve(&url, &links);
        if let Resolved::SiteFile(rel) = &resolved {
            used.push(rel.clone());
        }
        match &resolved {
            Resolved::Remote(url) => report.add(
                "remote-image",
                at,
                crate::words!("rule-remote-image", url = url),
                Vec::new(),
            ),
            Resolved::SiteFile(rel) if files.exists(rel) => {
                kind_rules(report, at, rel, files);
                super::weight::oversized(report, at, rel, image.width.as_deref(), ctx, files);
            }
            Resolved::SiteFile(rel) => {
                let fixes = match literal() {
                    Some(w) => missing_fixes(
                        &w.target,
                        rel,
                        base + w.target_range.start..base + w.target_range.end,
                        files,
                    ),
                    None => Vec::new(),
                };
                let relative = !url.starts_with('/') && !url.contains("://");
                let message = if let Some(reason) = files.unpublished_reason(rel) {
                    crate::words!(
                        "rule-missing-image-unpublished",
                        file = rel,
                        reason = reason
                    )
                } else if relative {
                    let words = crate::words!(
                        "rule-missing-image-relative",
                        url = url.as_str(),
                        file = rel
                    );
                    if links.post_url.is_empty() {
                        words.with("post_url", crate::words!("unknown"))
                    } else {
                        words.with("post_url", links.post_url.as_str())
                    }
                } else {
                    crate::words!("rule-missing-image", file = rel)
                };
                report.add("missing-image", at, message, fixes);
                report.with_target(target_of(rel));
            }
            Resolved::OutsideSite(url)
                if url.starts_with('/') && files.exists(url.trim_start_matches('/')) =>
            {
                report.add(
                    "baseurl-image",
                    at,
                    crate::words!(
                        "rule-baseurl-image",
                        url = url,
                        baseurl = links.baseurl.as_str()
                    ),
                    Vec::new(),
                );
                report.with_target(url.clone());
            }
            Resolved::OutsideSite(url) => {
                report.add(
                    "missing-image",
                    at,
                    crate::words!(
                        "rule-outside-site-image",
                        url = url,
                        baseurl = links.baseurl.as_str()
                    ),
                    Vec::new(),
                );
                report.with_target(url.clone());
            }
        }
        // Only a target written with a space can be spaced (Liquid may add `%20`s).
        if image.src.contains(' ')
            && let Some(w) = literal()
            && w.syntax == ImageSyntax::Markdown
            && !w.wrapped
            && without_liquid(&w.target).contains(' ')
        {
            let target_range = base + w.target_range.start..base + w.target_range.end;
            let wrap = Fix::new(
                crate::words!("fix-wrap-path"),
                target_range,
                format!("<{}>", w.target),
            );
            report.add(
                "spaced-image-url",
                at,
                crate::words!("rule-spaced-image-url"),
                vec![wrap],
            );
            if let Resolved::SiteFile(rel) = &resolved
                && files.exists(rel)
            {
                report.about_file(rel.clone());
            }
        }
    }
    let published_links = doc_links(doc);
    for href in published_links.iter().filter(|h| is_image_path(h)) {
        if let Resolved::SiteFile(rel) = resolve(&browser_url(href).0, &links) {
            used.push(rel);
        }
    }
    for link in scan_links(body) {
        if !is_image_path(&link.target) || link.text.contains("![") {
            continue;
        }
        // Only links the page really has (not in code or comments).
        let target = link.target.trim_start_matches('<').trim_end_matches('>');
        if !published_links
            .iter()
            .any(|h| h == target || h.trim() == target.trim())
        {
            continue;
        }
        let at = base + link.range.start;
        let fix = if post.text[..at].ends_with('1') {
            fix_between(
                post.text,
                &format!("{}!{}", &post.text[..at - 1], &post.text[at..]),
                crate::words!("fix-replace-one"),
            )
        } else {
            Fix::new(crate::words!("fix-make-image"), at..at, "!".to_owned())
        };
        let at = if post.text[..at].ends_with('1') {
            at - 1
        } else {
            at
        };
        report.add(
            "image-as-link",
            at,
            crate::words!(
                "rule-image-as-link",
                text = link.text.as_str(),
                target = link.target.as_str()
            ),
            vec![fix],
        );
    }
    used
}

/// `unreadable-image` for a file no browser draws and `heic-on-page` for one only Safari
/// draws, each with its reason.
fn kind_rules(report: &mut Report<'_>, at: usize, rel: &str, files: &dyn SiteFiles) {
    let Some(kind) = files.image_kind(rel) else {
        return;
    };
    let Some(message) = not_shown_reason(kind, rel) else {
        return;
    };
    let rule = match kind.shown() {
        Shown::SafariOnly => "heic-on-page",
        _ => "unreadable-image",
    };
    report.add(rule, at, message, Vec::new());
    report.with_target(format!("/{rel}"));
}

/// Why readers do not see `rel`, a file of `kind`: only Safari draws it, or no browser
/// does; `None` when every browser draws it. The check, the preview and the photo loader
/// all say it in these words.
pub fn not_shown_reason(kind: ImageKind, rel: &str) -> Option<Words> {
    match kind.shown() {
        Shown::Everywhere => None,
        Shown::SafariOnly => Some(crate::words!(
            "rule-heic-on-page",
            file = rel,
            format = kind.name()
        )),
        Shown::Nowhere => Some(unreadable_reason(kind, rel)),
    }
}

/// Why no browser draws `rel`, a file of `kind`.
fn unreadable_reason(kind: ImageKind, rel: &str) -> Words {
    match kind {
        ImageKind::Empty => crate::words!("rule-unreadable-image-empty", file = rel),
        ImageKind::NotAnImage => crate::words!("rule-unreadable-image-not-image", file = rel),
        other => crate::words!(
            "rule-unreadable-image-format",
            file = rel,
            format = other.name()
        ),
    }
}

fn missing_fixes(
    target: &str,
    rel: &str,
    target_range: std::ops::Range<usize>,
    files: &dyn SiteFiles,
) -> Vec<Fix> {
    let mut fixes = Vec::new();
    // A relative path whose root-relative twin exists: add the leading `/`.
    if !target.starts_with('/') && !target.contains("://") && !target.contains("{{") {
        let rooted = percent_decode(target.split(['?', '#']).next().unwrap_or_default());
        if files.exists(&rooted) {
            fixes.push(Fix::new(
                crate::words!("fix-make-rooted", target = target),
                target_range.start..target_range.start,
                "/".to_owned(),
            ));
        }
    }
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    if let Some(cut) = target.rfind('/') {
        for candidate in nearest_names(files, dir, name) {
            fixes.push(Fix::new(
                crate::words!("fix-use-name", name = candidate.as_str()),
                target_range.start + cut + 1..target_range.end,
                candidate,
            ));
        }
    }
    fixes
}
