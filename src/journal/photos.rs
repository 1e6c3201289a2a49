//! Photos in posts: where they go, what they are called, and the links that point at them.
//!
//! Pure rules: the folder most of the post's images already use (else one named after the
//! post), names from the capture time (`2016-11-07-102943.jpg`) or the original name made
//! URL-safe (Korean kept; spaces and `/\:*?"<>|` not), alt text from the file name, and
//! the Markdown inserted at the cursor — one paragraph per photo.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::links::scan_images;

/// The folder (under the images root) most of the post's images use: for links like
/// `/images/qcon2016/x.jpg` with `images_root` `images`, that is `qcon2016`.
pub fn folder_in_use(text: &str, images_root: &str) -> Option<String> {
    let prefix = format!("/{}/", images_root.trim_matches('/'));
    let mut counts: HashMap<String, usize> = HashMap::new();
    for image in scan_images(text) {
        let target = image
            .target
            .replace("{{ site.baseurl }}", "")
            .replace("{{site.baseurl}}", "");
        // The folder as the browser reads it: decoded (`my%20trip` is `my trip`), and only a
        // plain path under the images root (`..`, `.`, `\\` never send photos elsewhere).
        let decoded = super::permalink::percent_decode(&target);
        if let Some(rest) = decoded.strip_prefix(&prefix)
            && let Some((folder, _)) = rest.rsplit_once('/')
            && !folder.is_empty()
            && folder.split('/').all(|seg| {
                !seg.is_empty() && seg != "." && seg != ".." && !seg.contains(['\\', '\0'])
            })
        {
            *counts.entry(folder.to_owned()).or_default() += 1;
        }
    }
    let best = counts.values().copied().max()?;
    let mut tied: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n == best)
        .map(|(f, _)| f)
        .collect();
    tied.sort();
    tied.into_iter().next()
}

/// A folder name that is one safe path segment (or several, separated by `/`).
pub fn safe_folder(folder: &str) -> String {
    folder
        .split(['/', '\\'])
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .map(url_safe_stem)
        .collect::<Vec<_>>()
        .join("/")
}

fn url_safe_stem(stem: &str) -> String {
    let mut out = String::with_capacity(stem.len());
    let mut dash = false;
    for c in stem.chars() {
        let bad = c.is_whitespace() || c.is_control() || "/\\:*?\"<>|#%&{}[]`'".contains(c);
        if bad {
            dash = !out.is_empty();
        } else {
            if dash {
                out.push('-');
                dash = false;
            }
            out.push(c);
        }
    }
    let trimmed = out
        .trim_start_matches(['.', '-'])
        .trim_end_matches(['.', '-']);
    if trimmed.is_empty() {
        "photo".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The file name for an imported photo: the capture time when known, else the original
/// name made URL-safe; the extension lower-cased.
pub fn photo_name(original: &str, captured: Option<NaiveDateTime>, ext: &str) -> String {
    let ext = ext.to_ascii_lowercase();
    match captured {
        Some(t) => format!("{}.{ext}", t.format("%Y-%m-%d-%H%M%S")),
        None => {
            let base = original.rsplit(['/', '\\']).next().unwrap_or(original);
            let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
            format!("{}.{ext}", url_safe_stem(stem))
        }
    }
}

/// Alt text from the original file name: its stem with separators as spaces.
pub fn alt_from_name(original: &str) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or(original);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let alt: String = stem
        .chars()
        .map(|c| if matches!(c, '_' | '-' | '.') { ' ' } else { c })
        .collect();
    let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
    alt.replace(['[', ']'], "")
}

/// The URL of a photo at `images_root/folder/name`; on a site with a `baseurl` it goes
/// through `{{ site.baseurl }}` so it works there.
pub fn photo_url(images_root: &str, folder: &str, name: &str, baseurl: &str) -> String {
    let base = if baseurl.is_empty() {
        ""
    } else {
        "{{ site.baseurl }}"
    };
    let path = [
        images_root.trim_matches('/'),
        folder.trim_matches('/'),
        name,
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join("/");
    format!("{base}/{path}")
}

/// `text` with `links` inserted at byte `at` (snapped to a line end), one paragraph each,
/// with blank lines around. Returns the new text and the byte range of the inserted part.
pub fn insert_links(text: &str, at: usize, links: &[String]) -> (String, std::ops::Range<usize>) {
    // Never inside the front matter: links there would corrupt it (and not show).
    let body = super::front_matter::layout(text).body_start();
    let mut at = at.clamp(body, text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // Never split a line: insert after the line the cursor is on.
    if at > 0 && !text[..at].ends_with('\n') {
        at = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    }
    let mut block = String::new();
    if at > 0 && !text[..at].ends_with("\n\n") {
        block.push_str(if text[..at].ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        });
    }
    block.push_str(&links.join("\n\n"));
    block.push('\n');
    if at < text.len() && !text[at..].starts_with('\n') {
        block.push('\n');
    }
    let mut out = String::with_capacity(text.len() + block.len());
    out.push_str(&text[..at]);
    out.push_str(&block);
    out.push_str(&text[at..]);
    (out, at..at + block.len())
}

/// Links appended at the end of `text`, or inserted before 1-based `line`.
pub fn insert_links_at_line(text: &str, line: Option<usize>, links: &[String]) -> String {
    let at = match line {
        Some(n) if n >= 1 => text.split_inclusive('\n').take(n - 1).map(str::len).sum(),
        _ => text.len(),
    };
    insert_links(text, at, links).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::trip::image_markdown;

    #[test]
    fn links_never_land_inside_the_front_matter() {
        // Issue 11: a caret in the front matter, or `attach --at-line 2`.
        let text = "---\ntitle: t\ndate: 2016-11-07\n---\n본문\n";
        let links = vec!["![a](/images/a.jpg)".to_owned()];
        for out in [
            insert_links(text, 6, &links).0,
            insert_links_at_line(text, Some(2), &links),
        ] {
            assert!(
                out.starts_with("---\ntitle: t\ndate: 2016-11-07\n---\n"),
                "{out}"
            );
            assert!(out.contains("![a](/images/a.jpg)"), "{out}");
            assert!(crate::journal::front_matter::FrontMatter::parse(&out).is_ok());
        }
    }

    #[test]
    fn the_folder_from_a_posts_links_is_decoded_and_never_climbs_out() {
        // Issue 11: `..` would send an import outside the site; `%20` is a space.
        let escape = "![a](/images/../../../escaped/a.jpg)\n![b](/images/../../../escaped/b.jpg)\n";
        assert_eq!(folder_in_use(escape, "images"), None);
        let dotted = "![a](/images/./x/a.jpg)\n![b](/images/a\\..\\b/c.jpg)\n";
        assert_eq!(folder_in_use(dotted, "images"), None);
        let encoded = "![a](/images/my%20trip/a.jpg)\n";
        assert_eq!(folder_in_use(encoded, "images").as_deref(), Some("my trip"));
        assert_eq!(
            image_markdown("a", &photo_url("images", "my trip", "b.jpg", "")),
            "![a](</images/my trip/b.jpg>)"
        );
    }

    #[test]
    fn the_folder_most_links_use_wins() {
        let text = "![a](/images/qcon2016/1.jpg)\n![b](/images/qcon2016/2 3.jpg)\n![c](/images/other/x.jpg)\n![d]({{ site.baseurl }}/images/qcon2016/4.jpg)";
        assert_eq!(folder_in_use(text, "images").as_deref(), Some("qcon2016"));
        assert_eq!(
            folder_in_use("![x](/assets/images/trip/a.jpg)", "assets/images").as_deref(),
            Some("trip")
        );
        assert_eq!(folder_in_use("no images", "images"), None);
        assert_eq!(safe_folder("../../etc/passwd"), "etc/passwd");
        assert_eq!(safe_folder("부산 여행"), "부산-여행");
    }

    #[test]
    fn photo_names_table() {
        let t = NaiveDateTime::parse_from_str("2016-11-07 10:29:43", "%Y-%m-%d %H:%M:%S").unwrap();
        let cases = [
            (
                "2016-11-07 10.29.43.JPG",
                Some(t),
                "jpg",
                "2016-11-07-102943.jpg",
            ),
            ("IMG 1234.JPG", None, "JPG", "IMG-1234.jpg"),
            ("해운대 바다.png", None, "PNG", "해운대-바다.png"),
            (
                "a/b\\c:d*e?f\"g<h>i|j.jpeg",
                None,
                "jpeg",
                "c-d-e-f-g-h-i-j.jpeg",
            ),
            ("../../evil.jpg", None, "jpg", "evil.jpg"),
            ("....jpg", None, "jpg", "photo.jpg"),
        ];
        for (original, captured, ext, want) in cases {
            assert_eq!(photo_name(original, captured, ext), want, "{original}");
        }
    }

    #[test]
    fn links_and_alt_text() {
        assert_eq!(
            alt_from_name("/cam/2016-11-07 10.29.43_2.jpg"),
            "2016 11 07 10 29 43 2"
        );
        assert_eq!(alt_from_name("해운대_바다.JPG"), "해운대 바다");
        assert_eq!(
            image_markdown("바다", &photo_url("images", "busan", "a.jpg", "")),
            "![바다](/images/busan/a.jpg)"
        );
        assert_eq!(
            image_markdown("x", &photo_url("images", "t", "a.jpg", "/blog")),
            "![x]({{ site.baseurl }}/images/t/a.jpg)"
        );
    }

    #[test]
    fn inserting_links_makes_one_paragraph_each() {
        let links = vec!["![a](/a.jpg)".to_owned(), "![b](/b.jpg)".to_owned()];
        let (out, range) = insert_links("첫 문단\n\n둘째 문단\n", 3, &links);
        assert_eq!(
            out,
            "첫 문단\n\n![a](/a.jpg)\n\n![b](/b.jpg)\n\n둘째 문단\n"
        );
        assert_eq!(&out[range], "\n![a](/a.jpg)\n\n![b](/b.jpg)\n");
        let (out, _) = insert_links("끝", 3, &links[..1]);
        assert_eq!(out, "끝\n\n![a](/a.jpg)\n");
        assert_eq!(
            insert_links_at_line("a\nb\n", Some(2), &links[..1]),
            "a\n\n![a](/a.jpg)\n\nb\n"
        );
    }
}
