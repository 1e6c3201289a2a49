//! Image rules: `missing-image`, `spaced-image-url`, `image-as-link`, `remote-image`, and
//! the list of site files a post's images use.

use super::front::fix_between;
use super::{CheckContext, Fix, PostInput, Report, SiteFiles};
use crate::journal::front_matter::{FrontMatter, layout};
use crate::journal::links::{ImageSyntax, LinkContext, Resolved, resolve, scan_images, scan_links};
use crate::journal::permalink::{percent_decode, url_of_post};

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

/// The site files the post's images (and links to images) point at.
pub(super) fn referenced_files(post: PostInput<'_>, ctx: &CheckContext) -> Vec<String> {
    let fm = FrontMatter::parse(post.text).unwrap_or_else(|_| FrontMatter::empty());
    let links = link_context(post, &fm, ctx);
    let body = &post.text[layout(post.text).body_start()..];
    let images = scan_images(body).into_iter().map(|i| i.target);
    let linked = scan_links(body)
        .into_iter()
        .map(|l| l.target)
        .filter(|t| is_image_path(t));
    images
        .chain(linked)
        .filter_map(|t| match resolve(&t, &links) {
            Resolved::SiteFile(rel) => Some(rel),
            _ => None,
        })
        .collect()
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
) {
    let links = link_context(post, fm, ctx);
    let base = layout(post.text).body_start();
    let body = &post.text[base..];
    for image in scan_images(body) {
        let at = base + image.range.start;
        let target_range = base + image.target_range.start..base + image.target_range.end;
        match resolve(&image.target, &links) {
            Resolved::Remote(url) => report.add(
                "remote-image",
                at,
                format!("remote image {url}: not checked here and not shown in the preview"),
                Vec::new(),
            ),
            Resolved::SiteFile(rel) if files.exists(&rel) => {}
            Resolved::SiteFile(rel) => {
                let fixes = missing_fixes(&image.target, &rel, target_range.clone(), files);
                let relative = !image.target.starts_with('/')
                    && !image.target.contains("{{")
                    && !image.target.contains("://");
                let message = if relative {
                    format!(
                        "`{}` is relative to the post's URL ({}), so the published page looks for /{rel}, which does not exist",
                        image.target,
                        if links.post_url.is_empty() {
                            "unknown"
                        } else {
                            &links.post_url
                        }
                    )
                } else {
                    format!("image will not show: /{rel} does not exist in the site")
                };
                report.add("missing-image", at, message, fixes);
            }
            Resolved::OutsideSite(url) => report.add(
                "missing-image",
                at,
                format!(
                    "image will not show: {url} is outside the site (baseurl `{}`)",
                    links.baseurl
                ),
                Vec::new(),
            ),
        }
        if image.syntax == ImageSyntax::Markdown
            && !image.wrapped
            && without_liquid(&image.target).contains(' ')
        {
            let wrap = Fix {
                label: "Wrap the path in <…>".to_owned(),
                range: target_range.clone(),
                replacement: format!("<{}>", image.target),
            };
            report.add(
                "spaced-image-url",
                at,
                "image path with spaces: Jekyll shows it, but CommonMark renderers and GitHub's file view do not".to_owned(),
                vec![wrap],
            );
            if let Resolved::SiteFile(rel) = resolve(&image.target, &links)
                && files.exists(&rel)
            {
                report.about_file(rel);
            }
        }
    }
    for link in scan_links(body) {
        if !is_image_path(&link.target) || link.text.contains("![") {
            continue;
        }
        let at = base + link.range.start;
        let fix = if post.text[..at].ends_with('1') {
            fix_between(
                post.text,
                &format!("{}!{}", &post.text[..at - 1], &post.text[at..]),
                "Replace the 1 with !".to_owned(),
            )
        } else {
            Fix {
                label: "Make it an image".to_owned(),
                range: at..at,
                replacement: "!".to_owned(),
            }
        };
        let at = if post.text[..at].ends_with('1') {
            at - 1
        } else {
            at
        };
        report.add(
            "image-as-link",
            at,
            format!(
                "`[{}]({})` links to an image but shows as text: a `!` is missing",
                link.text, link.target
            ),
            vec![fix],
        );
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
            fixes.push(Fix {
                label: format!("Make it /{target}"),
                range: target_range.start..target_range.start,
                replacement: "/".to_owned(),
            });
        }
    }
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    if let Some(cut) = target.rfind('/') {
        for candidate in nearest_names(files, dir, name) {
            fixes.push(Fix {
                label: format!("Use {candidate}"),
                range: target_range.start + cut + 1..target_range.end,
                replacement: candidate,
            });
        }
    }
    fixes
}
