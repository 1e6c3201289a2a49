//! A batch of photos into a post: the layout the post and its site call for (caption style,
//! language, title, numbering, zone), shared by `daybook attach` and the window.

use super::Site;
use super::photos::{Imported, PhotoTarget};
use crate::journal::front_matter::FrontMatter;
use crate::journal::trip::{BatchPhoto, Lang, Layout};

/// The layout for photos added to the post whose text is `text`.
pub fn layout_for(site: &Site, text: &str, by_day: bool, keep_order: bool) -> Layout {
    let fm = FrontMatter::parse(text).ok();
    let title = fm.as_ref().and_then(FrontMatter::title).unwrap_or_default();
    let post_lang = fm.as_ref().and_then(|f| f.get_text("lang"));
    let lang = Lang::of_post(post_lang.as_deref(), site.config.lang.as_deref(), text);
    let now = site
        .config
        .zone()
        .to_zone(chrono::Utc::now().fixed_offset());
    Layout {
        style: site.config.caption,
        headings: by_day.then_some(lang),
        title,
        // Numbered after the images the post already has.
        first_number: crate::journal::links::scan_images(text).len() + 1,
        assumed: *now.offset(),
        keep_order,
        insert_as: crate::journal::gallery::InsertAs::Lines,
        gallery: None,
        gallery_key: crate::journal::gallery::free_key(
            &fm.as_ref()
                .map(|f| f.keys().collect::<Vec<_>>())
                .unwrap_or_default(),
        ),
    }
}

/// The site's includes that make a gallery of a list of photos (`_includes/`, by name, and
/// minimal-mistakes' from its theme).
pub fn site_galleries(site: &Site) -> Vec<crate::journal::gallery::IncludeGallery> {
    const MAX_INCLUDE: u64 = 256 * 1024;
    let dir = site.root.join("_includes");
    let mut found = Vec::new();
    // minimal-mistakes' `gallery` lives in the theme gem unless the site overrides it.
    if site.config.minimal_mistakes() && !dir.join("gallery").is_file() {
        found.push(crate::journal::gallery::IncludeGallery::minimal_mistakes());
    }
    let mut stack = vec![(dir, String::new())];
    while let Some((dir, prefix)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for e in entries {
            let name = format!("{prefix}{}", e.file_name().to_string_lossy());
            let Ok(meta) = e.metadata() else { continue };
            if meta.is_dir() && prefix.matches('/').count() < 4 {
                stack.push((e.path(), format!("{name}/")));
            } else if meta.len() <= MAX_INCLUDE
                && let Ok(text) = std::fs::read_to_string(e.path())
                && let Some(g) = crate::journal::gallery::detect(&name, &text)
            {
                found.push(g);
            }
        }
    }
    found
}

/// An imported photo as the layout takes it: the alt text typed (else the one from its file
/// name) and the caption.
pub fn batch_photo(
    target: &PhotoTarget,
    photo: &Imported,
    alt: &str,
    caption: &str,
    baseurl: &str,
) -> BatchPhoto {
    BatchPhoto {
        url: target.url(photo, baseurl),
        alt: if alt.trim().is_empty() {
            photo.alt.clone()
        } else {
            alt.trim().to_owned()
        },
        caption: caption.to_owned(),
        captured: photo.captured,
        size: photo.size,
    }
}
