//! Photos as HTML that renders on GitHub Pages without a plugin: a `<figure>` each, or one
//! gallery of a batch — the site's own gallery include when it has one that takes the photos
//! as a list (`{% include slider.html images="a.jpg | 캡션, b.jpg" %}`) or reads them from
//! the front matter as minimal-mistakes' `gallery` does (a `gallery:` list of `url`,
//! `image_path`, `alt`, `title`, and `{% include gallery id="gallery2" %}`), else a
//! `<div class="daybook-gallery">` of figures, which a small style in the site's CSS (the
//! README shows it) lays out as a grid. Every `<img>` daybook writes carries `width`,
//! `height` and `loading="lazy"`, so a page does not jump as photos load.

/// One photo to link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoEntry {
    /// The URL as the post links it (`/images/trip/a.jpg`, `{{ site.baseurl }}/…`).
    pub url: String,
    pub alt: String,
    pub caption: String,
    pub day: Option<chrono::NaiveDate>,
    /// Width and height of the file, for the `<img>` tags daybook writes.
    pub size: Option<(u32, u32)>,
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

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
    /// The include reads the photos from a front-matter list, not a parameter (`param`,
    /// `separator` unused): how it is told which list.
    pub front_matter: Option<ListFrom>,
}

/// How a front-matter gallery include is told which list of the page to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListFrom {
    /// `id="gallery2"` names the key (`page[include.id]`, minimal-mistakes).
    Id,
    /// A parameter takes the list itself (`items=page.gallery2`, read as
    /// `include.items | default: page.gallery`).
    Param(String),
    /// Only `page.gallery`.
    GalleryOnly,
}

impl IncludeGallery {
    /// minimal-mistakes' `gallery` include, from the theme gem.
    pub fn minimal_mistakes() -> IncludeGallery {
        IncludeGallery {
            name: "gallery".to_owned(),
            param: String::new(),
            separator: String::new(),
            captions: true,
            escapes: false,
            front_matter: Some(ListFrom::Id),
        }
    }
}

/// A front-matter gallery include: it reads `page.gallery` (or `page[include.id]`) and its
/// items' `image_path`.
fn detect_front_matter(name: &str, text: &str) -> Option<IncludeGallery> {
    if !text.contains("image_path") {
        return None;
    }
    let from = if text.contains("page[include.id]") {
        ListFrom::Id
    } else if let Some(at) = text.find("page.gallery") {
        // `include.items | default: page.gallery`: the parameter before the default.
        let before = text[..at].trim_end();
        let param = before
            .strip_suffix("default:")
            .map(str::trim_end)
            .and_then(|b| b.strip_suffix('|'))
            .map(str::trim_end)
            .and_then(|b| b.rsplit_once("include."))
            .map(|(_, p)| p.trim().to_owned())
            .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'));
        match param {
            Some(p) => ListFrom::Param(p),
            None => ListFrom::GalleryOnly,
        }
    } else {
        return None;
    };
    Some(IncludeGallery {
        name: name.to_owned(),
        param: String::new(),
        separator: String::new(),
        captions: true,
        escapes: false,
        front_matter: Some(from),
    })
}

/// The front-matter key for a new gallery in a post with these keys: `gallery`, else
/// `gallery2`, `gallery3`…
pub fn free_key(keys: &[&str]) -> String {
    let taken = |k: &str| keys.contains(&k);
    if !taken("gallery") {
        return "gallery".to_owned();
    }
    (2..)
        .map(|n| format!("gallery{n}"))
        .find(|k| !taken(k))
        .unwrap_or_default()
}

/// Whether `g` can show a front-matter list under `key` (an include that reads only
/// `page.gallery` cannot show `gallery2`).
pub fn can_show(g: &IncludeGallery, key: &str) -> bool {
    !matches!(g.front_matter, Some(ListFrom::GalleryOnly)) || key == "gallery"
}

/// The front-matter lines of a gallery of `photos` under its key: for each photo `url`
/// (the full photo a click opens), `image_path` (the one shown), `alt`, and its caption as
/// `title`.
pub fn front_matter_items(photos: &[PhotoEntry]) -> Vec<String> {
    use super::scalar::double_quoted;
    let mut lines = Vec::new();
    for p in photos {
        let url = double_quoted(&p.url.replace(' ', "%20"));
        lines.push(format!("  - url: {url}"));
        lines.push(format!("    image_path: {url}"));
        lines.push(format!(
            "    alt: {}",
            double_quoted(&attribute_safe(&p.alt))
        ));
        let caption = p.caption.split_whitespace().collect::<Vec<_>>().join(" ");
        if !caption.is_empty() {
            lines.push(format!(
                "    title: {}",
                double_quoted(&attribute_safe(&caption))
            ));
        }
    }
    lines
}

/// Text a gallery include prints unescaped inside a quoted attribute (`alt="{{ img.alt }}"`):
/// straight quotes become curly ones, which end no attribute.
fn attribute_safe(text: &str) -> String {
    let mut open = true;
    text.chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open { '”' } else { '“' }
            }
            '\'' => '’',
            c => c,
        })
        .collect()
}

/// The tag that shows the front-matter list `key` with `g`.
pub fn front_matter_tag(g: &IncludeGallery, key: &str) -> String {
    match (&g.front_matter, key) {
        (_, "gallery") | (Some(ListFrom::GalleryOnly) | None, _) => {
            format!("{{% include {} %}}", g.name)
        }
        (Some(ListFrom::Id), _) => format!("{{% include {} id=\"{key}\" %}}", g.name),
        (Some(ListFrom::Param(p)), _) => format!("{{% include {} {p}=page.{key} %}}", g.name),
    }
}

/// The gallery an include of this `name` and `text` makes of a list parameter or of a
/// front-matter list, if it does.
pub fn detect(name: &str, text: &str) -> Option<IncludeGallery> {
    detect_list(name, text).or_else(|| detect_front_matter(name, text))
}

fn detect_list(name: &str, text: &str) -> Option<IncludeGallery> {
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
                front_matter: None,
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
                front_matter: None,
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

#[cfg(test)]
#[path = "gallery_tests.rs"]
mod front_matter_tests;
