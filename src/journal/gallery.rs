//! Photos as HTML that renders on GitHub Pages without a plugin: a `<figure>` each, or one
//! gallery of a batch — the site's own gallery include when it has one that takes the photos
//! as a list (`{% include slider.html images="a.jpg | 캡션, b.jpg" %}`), else a
//! `<div class="daybook-gallery">` of figures, which a small style in the site's CSS (the
//! README shows it) lays out as a grid. Every `<img>` daybook writes carries `width`,
//! `height` and `loading="lazy"`, so a page does not jump as photos load.

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

/// An include of the site's that takes a gallery's photos as one list parameter: the
/// include splits `include.<param>` by `separator`, and each item by `|` into URL and
/// caption when `captions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncludeGallery {
    /// The include's file name under `_includes/` (`slider.html`).
    pub name: String,
    pub param: String,
    pub separator: String,
    pub captions: bool,
    /// The include reads `\` before the separator as the separator written in a caption.
    pub escapes: bool,
}

/// The gallery an include of this `name` and `text` makes of a list parameter, if it does.
pub fn detect(name: &str, text: &str) -> Option<IncludeGallery> {
    let mut rest = text;
    while let Some(i) = rest.find("include.") {
        let after = &rest[i + "include.".len()..];
        let param: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        // The rest of the tag or output the parameter is used in.
        let end = after
            .find("%}")
            .or_else(|| after.find("}}"))
            .unwrap_or(after.len());
        let used = &after[param.len()..end];
        if !param.is_empty()
            && let Some(separator) = split_by(used)
            && separator != "|"
        {
            let escapes = used.contains(&format!("\\{separator}"));
            let captions = text.contains("split: \"|\"") || text.contains("split: '|'");
            return Some(IncludeGallery {
                name: name.to_owned(),
                param,
                separator,
                captions,
                escapes,
            });
        }
        rest = after;
    }
    None
}

/// The separator of the first `split:` filter in `filters`.
fn split_by(filters: &str) -> Option<String> {
    let at = filters.find("split:")?;
    let arg = filters[at + "split:".len()..].trim_start();
    let quote = arg.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = &arg[1..];
    Some(inner[..inner.find(quote)?].to_owned())
}

/// The tag that includes `g` with `photos`.
pub fn include_tag(g: &IncludeGallery, photos: &[PhotoEntry]) -> String {
    let items: Vec<String> = photos
        .iter()
        .map(|p| {
            let url = p.url.replace('"', "%22");
            let caption = p.caption.split_whitespace().collect::<Vec<_>>().join(" ");
            if !g.captions || caption.is_empty() {
                return url;
            }
            // A caption never ends its item early, nor the parameter.
            let mut caption = caption.replace(['"', '|'], "");
            caption = if g.escapes {
                caption.replace(&g.separator, &format!("\\{}", g.separator))
            } else {
                caption.replace(&g.separator, " ")
            };
            format!("{url} | {caption}")
        })
        .collect();
    format!(
        "{{% include {} {}=\"{}\" %}}",
        g.name,
        g.param,
        items.join(&g.separator)
    )
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
    fn a_site_include_taking_a_list_of_photos_is_recognised_and_fed() {
        let slider = include_str!("../../tests/sites/photos-web/_includes/slider.html");
        let g = detect("slider.html", slider).unwrap();
        assert_eq!(
            g,
            IncludeGallery {
                name: "slider.html".into(),
                param: "images".into(),
                separator: ",".into(),
                captions: true,
                escapes: true,
            }
        );
        let photos = [
            photo("/images/a b.webp", "오후, 불국사", None),
            photo("/images/c.webp", "", None),
        ];
        assert_eq!(
            include_tag(&g, &photos),
            "{% include slider.html images=\"/images/a b.webp | 오후\\, 불국사,/images/c.webp\" %}"
        );
        let plain = "{% for u in include.urls | split: ';' %}<img src=\"{{ u }}\">{% endfor %}";
        let g = detect("row.html", plain).unwrap();
        assert_eq!(
            (g.param.as_str(), g.separator.as_str(), g.captions),
            ("urls", ";", false)
        );
        assert_eq!(
            include_tag(&g, &photos),
            "{% include row.html urls=\"/images/a b.webp;/images/c.webp\" %}"
        );
        // An include that takes no list, or lists from the front matter, is not one.
        assert_eq!(detect("note.html", "<p>{{ include.text }}</p>"), None);
        assert_eq!(
            detect(
                "gallery.html",
                "{% for item in page.gallery %}{{ item.url }}{% endfor %}"
            ),
            None
        );
    }

    #[test]
    fn the_readme_shows_the_gallery_style() {
        assert!(include_str!("../../README.md").contains(GALLERY_CSS));
    }
}
