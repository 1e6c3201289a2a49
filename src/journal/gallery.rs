//! Photos as HTML that renders on GitHub Pages without a plugin: a `<figure>` each, or one
//! gallery of a batch — a `<div class="daybook-gallery">` of figures, which a small style
//! in the site's CSS (the README shows it) lays out as a grid. Every `<img>` daybook writes
//! carries `width`, `height` and `loading="lazy"`, so a page does not jump as photos load.

use super::trip::{PhotoEntry, escape_html};

/// How a batch of photos goes into a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InsertAs {
    /// A Markdown image a line, captions in the site's style (what daybook always wrote).
    #[default]
    Lines,
    /// A `<figure>` each, its caption a `<figcaption>`.
    Figure,
    /// One gallery of the whole batch.
    Gallery,
}

impl InsertAs {
    /// `lines`, `figure` or `gallery`.
    pub fn parse(s: &str) -> Option<InsertAs> {
        match s.trim().to_ascii_lowercase().as_str() {
            "lines" => Some(InsertAs::Lines),
            "figure" | "figures" => Some(InsertAs::Figure),
            "gallery" => Some(InsertAs::Gallery),
            _ => None,
        }
    }
}

/// The `<img>` of a photo.
pub fn img_tag(p: &PhotoEntry) -> String {
    let size = p
        .size
        .map(|(w, h)| format!(" width=\"{w}\" height=\"{h}\""))
        .unwrap_or_default();
    format!(
        "<img src=\"{}\" alt=\"{}\"{size} loading=\"lazy\">",
        escape_html(&p.url.replace(' ', "%20")),
        escape_html(&p.alt)
    )
}

/// A `<figure>` of a photo with its caption, parts joined by `inner` and closed by `outer`.
pub fn figure(p: &PhotoEntry, inner: &str, outer: &str) -> String {
    let caption = p.caption.split_whitespace().collect::<Vec<_>>().join(" ");
    let caption = if caption.is_empty() {
        String::new()
    } else {
        format!("{inner}<figcaption>{}</figcaption>", escape_html(&caption))
    };
    format!("<figure>{inner}{}{caption}{outer}</figure>", img_tag(p))
}

/// One gallery of `photos`: a block of HTML kramdown leaves as it is.
pub fn gallery(photos: &[PhotoEntry]) -> String {
    let mut out = String::from("<div class=\"daybook-gallery\">\n");
    for p in photos {
        out.push_str("  ");
        out.push_str(&figure(p, "", ""));
        out.push('\n');
    }
    out.push_str("</div>");
    out
}

/// The style that lays a gallery out as a grid: for the site's CSS, once.
pub const GALLERY_CSS: &str = ".daybook-gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.5rem; }
.daybook-gallery figure { margin: 0; }
.daybook-gallery img { width: 100%; height: auto; }
.daybook-gallery figcaption { font-size: 0.85em; text-align: center; }";

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(url: &str, caption: &str, size: Option<(u32, u32)>) -> PhotoEntry {
        PhotoEntry {
            url: url.into(),
            alt: "경주 \"1\"".into(),
            caption: caption.into(),
            day: None,
            size,
        }
    }

    #[test]
    fn every_img_carries_its_size_and_lazy_loading() {
        let p = photo("/images/a b.webp", "", Some((2048, 1536)));
        assert_eq!(
            img_tag(&p),
            "<img src=\"/images/a%20b.webp\" alt=\"경주 &quot;1&quot;\" width=\"2048\" height=\"1536\" loading=\"lazy\">"
        );
        assert_eq!(
            figure(&photo("/a.jpg", "첫  장면", Some((3, 4))), "\n  ", "\n"),
            "<figure>\n  <img src=\"/a.jpg\" alt=\"경주 &quot;1&quot;\" width=\"3\" height=\"4\" loading=\"lazy\">\n  <figcaption>첫 장면</figcaption>\n</figure>"
        );
    }

    #[test]
    fn a_gallery_is_one_block_of_figures() {
        let g = gallery(&[
            photo("/a.jpg", "하나", Some((4, 3))),
            photo("/b.jpg", "", Some((3, 4))),
        ]);
        assert!(g.starts_with("<div class=\"daybook-gallery\">\n  <figure><img src=\"/a.jpg\""));
        assert!(
            g.contains("<figcaption>하나</figcaption></figure>\n  <figure><img src=\"/b.jpg\"")
        );
        assert!(g.ends_with("</figure>\n</div>"));
        assert!(!g.contains("\n\n"), "one HTML block");
        assert_eq!(InsertAs::parse("Gallery"), Some(InsertAs::Gallery));
        assert_eq!(InsertAs::parse("grid"), None);
    }

    #[test]
    fn the_readme_shows_the_gallery_style() {
        assert!(include_str!("../../README.md").contains(GALLERY_CSS));
    }
}
