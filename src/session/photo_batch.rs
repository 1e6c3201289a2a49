//! A batch of photos added to a post together: each photo's choices (included, alt text,
//! caption) and result, the order they are linked in, and the paragraphs they make.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::journal::trip::{BatchPhoto, CaptureTime, Layout, capture_order, lay_out};
use crate::site::codec_error::CodecError;
use crate::site::photos::{Imported, PhotoError, PhotoTarget};
use crate::site::trip::batch_photo;

/// One photo of a batch: where it came from, what the user chose for it, and how it went.
pub struct BatchItem {
    pub source: PathBuf,
    /// Linked in the post (the user can untick it).
    pub include: bool,
    /// The alt text and caption the user typed.
    pub alt: String,
    pub caption: String,
    pub captured: Option<CaptureTime>,
    /// The thumbnail, once made (or why it could not be).
    pub thumb: Option<Result<crate::workers::Thumbnail, CodecError>>,
    pub result: Option<Result<Imported, PhotoError>>,
}

impl BatchItem {
    pub fn name(&self) -> String {
        self.source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// The photos added to a post together, shown in the Photos window while it is open. The
/// links go in at the cursor once every photo is through, in capture order; what the user
/// changes in the window afterwards (untick, order, alt text, caption, day headings)
/// rewrites those links, as long as they stand in the post as written.
pub struct ImportBatch {
    pub id: u64,
    pub post: PathBuf,
    pub target: PhotoTarget,
    pub items: Vec<BatchItem>,
    /// The order items are linked in (indices into `items`).
    pub order: Vec<usize>,
    /// The user moved a photo: the capture order no longer applies.
    pub user_ordered: bool,
    pub by_day: bool,
    pub layout: Layout,
    pub current: Option<usize>,
    pub cancel: Arc<AtomicBool>,
    /// The links as they stand in the post, and where they were last (once written).
    pub written: Option<(String, usize)>,
    /// The links were changed in the post by hand: the window no longer rewrites them.
    pub detached: bool,
    /// Notes for the user (a Live Photo's video skipped).
    pub notes: Vec<crate::i18n::Words>,
    /// The links to copy when the post was switched before they could be written.
    pub links: Option<Vec<String>>,
    /// The site's gallery includes a gallery can be written for.
    pub galleries: Vec<crate::journal::gallery::IncludeGallery>,
    /// The batch wrote its front-matter gallery list (taken out again if the batch stops
    /// being one).
    pub list_written: bool,
}

impl ImportBatch {
    pub fn done(&self) -> usize {
        self.items.iter().filter(|i| i.result.is_some()).count()
    }

    pub fn finished(&self) -> bool {
        self.done() == self.items.len()
    }

    pub fn failures(&self) -> impl Iterator<Item = &PhotoError> {
        self.items
            .iter()
            .filter_map(|i| i.result.as_ref().and_then(|r| r.as_ref().err()))
    }

    /// The paragraphs the batch writes now: included, imported photos in order.
    pub fn paragraphs(&self, baseurl: &str) -> Vec<String> {
        lay_out(&self.photos(baseurl), &self.written_layout())
    }

    /// The included, imported photos in order.
    fn photos(&self, baseurl: &str) -> Vec<BatchPhoto> {
        self.order
            .iter()
            .map(|i| &self.items[*i])
            .filter(|item| item.include)
            .filter_map(|item| {
                let photo = item.result.as_ref()?.as_ref().ok()?;
                Some(batch_photo(
                    &self.target,
                    photo,
                    &item.alt,
                    &item.caption,
                    baseurl,
                ))
            })
            .collect()
    }

    /// The layout the batch is written with: in its own order, headings as chosen.
    fn written_layout(&self) -> Layout {
        Layout {
            keep_order: true,
            headings: self.by_day.then_some(self.layout.headings).flatten(),
            ..self.layout.clone()
        }
    }

    /// `text` with the batch's front-matter gallery list as it stands now: written while
    /// the batch is a front-matter gallery, taken out when it no longer is.
    pub fn with_front_matter(&mut self, text: &str, baseurl: &str) -> String {
        let photos = self.photos(baseurl);
        let layout = self.written_layout();
        if crate::journal::trip::front_matter_gallery(&photos, &layout).is_some() {
            self.list_written = true;
            return crate::journal::trip::with_front_matter_gallery(text, &photos, &layout);
        }
        if std::mem::take(&mut self.list_written) {
            return crate::journal::front_matter::remove_field(text, &layout.gallery_key)
                .unwrap_or_else(|_| text.to_owned());
        }
        text.to_owned()
    }

    /// Put the items in capture order, unless the user ordered them.
    pub(super) fn sort(&mut self) {
        if !self.user_ordered {
            let times: Vec<Option<CaptureTime>> = self.items.iter().map(|i| i.captured).collect();
            self.order = capture_order(&times, self.layout.assumed);
        }
    }
}
