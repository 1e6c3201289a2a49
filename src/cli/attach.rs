//! `daybook attach POST PHOTO…`: copy photos into the site (upright, resized, without
//! location), link them in capture order and save the post.

use std::path::{Path, PathBuf};

use super::CliResult;
use crate::site::photos::ImportOptions;
use crate::site::{Site, store};

/// Where and how `daybook attach` links photos.
pub struct AttachHow<'a> {
    pub folder: Option<&'a str>,
    pub at_line: Option<usize>,
    pub keep_order: bool,
    pub by_day: bool,
    /// Chosen on the command line, over the site's `_config.yml`.
    pub format: Option<crate::site::photos::PhotoFormat>,
    pub quality: Option<u8>,
    pub insert_as: crate::journal::gallery::InsertAs,
    /// `--gallery`: an include's name, or `plain`.
    pub gallery: Option<&'a str>,
}

/// `daybook attach`: import the photos (on both cores), link the ones that worked in the
/// order they were taken (alt texts never camera names, day headings when asked), save.
pub fn run(
    post: &Path,
    photos: &[PathBuf],
    options: &ImportOptions,
    how: &AttachHow<'_>,
) -> CliResult<u8> {
    let site = Site::find(post)?;
    let mut options = options.for_site(&site.config);
    if let Some(f) = how.format {
        options.format = f;
    }
    if let Some(q) = how.quality {
        options.quality = q;
    }
    let options = &options;
    let loaded = store::load_post(post)?;
    let target =
        crate::site::photos::PhotoTarget::for_post(&site, &loaded.path, &loaded.text, how.folder);
    let dest = target.dir_within(&site.root)?;
    // A Live Photo's video beside its still is not a photo: skipped, with a note.
    let videos = crate::journal::trip::live_photo_videos(photos);
    for i in &videos {
        eprintln!(
            "daybook: {}",
            crate::tr!("live-photo-video", file = photos[*i].display().to_string())
        );
    }
    let photos: Vec<PathBuf> = photos
        .iter()
        .enumerate()
        .filter(|(i, _)| !videos.contains(i))
        .map(|(_, p)| p.clone())
        .collect();
    let results = crate::site::photos::import_all(&photos, &dest, options);
    let mut batch = Vec::new();
    // The copies this run made (not reused files): removed again if the post is not saved.
    let mut copies = Vec::new();
    let mut failed = 0;
    for result in results {
        match result {
            Ok(imported) => {
                if !imported.reused {
                    copies.push(imported.path.clone());
                }
                batch.push(crate::site::trip::batch_photo(
                    &target,
                    &imported,
                    "",
                    "",
                    &site.config.baseurl,
                ));
            }
            Err(e) => {
                eprintln!("daybook: {e}");
                failed += 1;
            }
        }
    }
    if !batch.is_empty() {
        let mut layout =
            crate::site::trip::layout_for(&site, &loaded.text, how.by_day, how.keep_order);
        layout.insert_as = how.insert_as;
        if how.insert_as == crate::journal::gallery::InsertAs::Gallery {
            layout.gallery = choose_gallery(&site, how.gallery)?;
        }
        let paragraphs = crate::journal::trip::lay_out(&batch, &layout);
        let text =
            crate::journal::photos::insert_links_at_line(&loaded.text, how.at_line, &paragraphs);
        let text = crate::journal::trip::with_front_matter_gallery(&text, &batch, &layout);
        // All or nothing: a post that cannot be saved keeps none of this run's copies, and
        // no link is printed that is not in the saved post.
        if let Err(e) = store::write_atomic(
            &loaded.path,
            text.as_bytes(),
            Some(Some(loaded.fingerprint)),
        ) {
            for copy in &copies {
                crate::site::photos::remove_copy(&site.root, copy);
            }
            return Err(e.into());
        }
        for p in &paragraphs {
            println!("{p}");
        }
    }
    Ok(u8::from(failed > 0))
}

/// The site's gallery include a gallery is written for: the one `--gallery` names, the
/// site's first when it names none (said on standard error), none for `plain`.
fn choose_gallery(
    site: &Site,
    asked: Option<&str>,
) -> CliResult<Option<crate::journal::gallery::IncludeGallery>> {
    let found = crate::site::trip::site_galleries(site);
    match asked {
        Some("plain") => Ok(None),
        Some(name) => found
            .into_iter()
            .find(|g| g.name == name)
            .map(Some)
            .ok_or_else(|| super::CliError::Failed(crate::tr!("no-such-gallery", name = name))),
        None => {
            let first = found.into_iter().next();
            if let Some(g) = &first {
                let note = crate::tr!("gallery-chosen", name = g.name.as_str());
                eprintln!("daybook: {note}");
            }
            Ok(first)
        }
    }
}
