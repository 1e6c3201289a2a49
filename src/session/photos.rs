//! Photos into the open post: three ways in (drop, picker, paste — the window turns
//! each into a command), one batch on the worker pool (thumbnails first, then the photos),
//! the links inserted at the open post's caret (its buffer's) in capture order as one undo step when it is done, and
//! rewritten as the user chooses in the Photos window.

use crate::i18n::Words;
use crate::words;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::document::Document;
use super::{Session, site_of};
use crate::command::{Effect, Focus};
use crate::journal::photos::insert_links;
use crate::journal::trip::{CaptureTime, live_photo_videos};
use crate::site::codec_error::CodecError;
use crate::site::photos::{Imported, PhotoError, PhotoTarget};
use crate::site::trip::layout_for;

pub use super::photo_batch::{BatchItem, ImportBatch};

/// Files named by pasted text: paths or `file://` URIs, one per line, all existing files.
pub fn pasted_files(text: &str) -> Option<Vec<PathBuf>> {
    let paths: Vec<PathBuf> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            PathBuf::from(crate::journal::permalink::percent_decode(
                l.strip_prefix("file://").unwrap_or(l),
            ))
        })
        .collect();
    let all_files = !paths.is_empty() && paths.iter().all(|p| p.is_absolute() && p.is_file());
    all_files.then_some(paths)
}

impl Session {
    /// Where the open post's photos go now. Finding the folder in use scans every image
    /// link of the post, so the answer is kept until the text or the chosen folder changes
    /// — and while the user is typing, until they pause (a keystroke into a long post does
    /// not rescan it).
    pub fn photo_target(&mut self) -> Option<PhotoTarget> {
        let now = (self.clock)();
        let (open_site, open) = (self.site.as_ref()?, self.open.as_mut()?);
        let site = &open_site.site;
        let doc = &open.doc;
        let key = (
            doc.generation(),
            open_site.photo_folders.get(&doc.path).cloned(),
        );
        let typing = doc
            .pause_remaining(std::time::Duration::from_millis(500), now)
            .is_some();
        if let Some((k, target)) = &open.photo_target
            && (*k == key || (typing && k.1 == key.1))
        {
            return Some(target.clone());
        }
        let target = PhotoTarget::for_post(site, &doc.path, doc.text(), key.1.as_deref());
        open.photo_target = Some((key, target.clone()));
        Some(target)
    }

    /// Add `sources` to the open post: to the Photos window's batch when it is open on
    /// this post, else as a new batch.
    pub(super) fn import_photos(&mut self, sources: Vec<PathBuf>) {
        if sources.is_empty() {
            return;
        }
        let target = self.photo_target();
        let (Some(site), Some(doc), Some(target)) = (
            site_of(&self.site),
            self.open.as_ref().map(|o| &o.doc),
            target,
        ) else {
            self.error(words!("photos-need-post"));
            return;
        };
        if let Some(outside) = &doc.read_only {
            // Photos copied for a post that cannot take their links would be left behind.
            let file = doc.file_name();
            let target = outside.display().to_string();
            self.error(words!("read-only-post", file = file, target = target));
            return;
        }
        let mut layout = layout_for(site, doc.text(), true, false);
        // A gallery is written for the site's own gallery include when it has one.
        let galleries = crate::site::trip::site_galleries(site);
        layout.gallery = galleries.first().cloned();
        let (post, site_root) = (doc.path.clone(), site.root.clone());
        let videos = live_photo_videos(&sources);
        let notes: Vec<Words> = videos
            .iter()
            .map(|i| words!("live-photo-video", file = sources[*i].display().to_string()))
            .collect();
        let sources: Vec<PathBuf> = sources
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !videos.contains(i))
            .map(|(_, p)| p)
            .collect();
        let reuse = self
            .import
            .as_ref()
            .is_some_and(|b| b.post == post && !b.detached);
        if !reuse {
            self.close_import();
            self.next_batch += 1;
            let by_day = self.settings.photos_by_day;
            self.import = Some(ImportBatch {
                id: self.next_batch,
                post,
                target,
                items: Vec::new(),
                order: Vec::new(),
                user_ordered: false,
                by_day,
                layout,
                current: None,
                cancel: Arc::new(AtomicBool::new(false)),
                written: None,
                detached: false,
                notes: Vec::new(),
                links: None,
                galleries,
                list_written: false,
            });
        }
        let Some(batch) = self.import.as_mut() else {
            return;
        };
        batch.notes.extend(notes);
        if sources.is_empty() {
            return;
        }
        let dest = match batch.target.dir_within(&site_root) {
            Ok(d) => d,
            Err(e) => {
                self.error(e.words());
                return;
            }
        };
        let first = batch.items.len();
        batch.items.extend(sources.iter().map(|source| BatchItem {
            source: source.clone(),
            include: true,
            alt: String::new(),
            caption: String::new(),
            captured: None,
            thumb: None,
            result: None,
        }));
        if batch.user_ordered {
            // The user's order stays; new photos come after it.
            batch.order.extend(first..batch.items.len());
        } else {
            // Sorted again as their capture times arrive.
            batch.sort();
        }
        self.workers.import_photos(
            batch.id,
            first,
            sources,
            dest,
            match site_of(&self.site) {
                Some(site) => self.settings.import.for_site(&site.config),
                None => self.settings.import,
            },
            &batch.cancel,
        );
    }

    pub(super) fn photo_started(&mut self, batch: u64, index: usize) {
        if let Some(b) = self.import.as_mut().filter(|b| b.id == batch) {
            b.current = Some(index);
        }
    }

    pub(super) fn photo_previewed(
        &mut self,
        batch: u64,
        index: usize,
        result: Result<(crate::workers::Thumbnail, Option<CaptureTime>), CodecError>,
    ) {
        let Some(b) = self.import.as_mut().filter(|b| b.id == batch) else {
            return;
        };
        let Some(item) = b.items.get_mut(index) else {
            return;
        };
        item.thumb = Some(result.map(|(image, captured)| {
            if item.captured.is_none() {
                item.captured = captured;
            }
            image
        }));
        b.sort();
        self.sync_photo_links(false);
    }

    pub(super) fn photo_imported(
        &mut self,
        batch: u64,
        index: usize,
        result: Result<Imported, PhotoError>,
    ) {
        let Some(b) = self.import.as_mut().filter(|b| b.id == batch) else {
            return;
        };
        if let Some(item) = b.items.get_mut(index) {
            if let Ok(photo) = &result
                && photo.captured.is_some()
            {
                item.captured = photo.captured;
            }
            item.result = Some(result);
        }
        b.sort();
        if b.finished() {
            b.current = None;
            self.files_changed();
            self.sync_photo_links(false);
        }
    }

    /// Write the batch's links into the post as they should stand now: at the cursor the
    /// first time (one undo step), then in place of what was written. `typing` groups the
    /// change with the next ones until a pause (an alt text being typed).
    pub(super) fn sync_photo_links(&mut self, typing: bool) {
        let baseurl = self
            .site()
            .map(|s| s.config.baseurl.clone())
            .unwrap_or_default();
        let Some(b) = self.import.as_mut() else {
            return;
        };
        if !b.finished() || b.detached {
            return;
        }
        let paragraphs = b.paragraphs(&baseurl);
        let core = paragraphs.join("\n\n");
        let Some(doc) = self
            .open
            .as_mut()
            .map(|o| &mut o.doc)
            .filter(|d| d.path == b.post)
        else {
            if b.written.is_none() && !paragraphs.is_empty() {
                b.links = Some(paragraphs);
                self.error(words!("import-post-switched"));
            }
            return;
        };
        match b.written.clone() {
            None => {
                if paragraphs.is_empty() {
                    return;
                }
                let at = doc.selection().head;
                let (text, inserted) = insert_links(doc.text(), at, &paragraphs);
                // A gallery read from the front matter: its list goes there (above the
                // links, which move down by as much).
                let with_list = b.with_front_matter(&text, &baseurl);
                let moved = with_list.len() - text.len().min(with_list.len());
                let (text, inserted) = (with_list, inserted.start + moved..inserted.end + moved);
                let core_at = text[inserted.clone()]
                    .find(&core)
                    .map_or(inserted.start, |i| inserted.start + i);
                doc.replace_text(text);
                // The caret goes after the links; the focus stays in a field being typed in
                // (an alt text in the Photos window).
                doc.select(inserted.end, inserted.end);
                self.effects.push(Effect::Reveal {
                    focus: Focus::IfFree,
                });
                b.written = Some((core, core_at));
                let count = b.order.iter().filter(|i| b.items[**i].include).count();
                self.info(words!("photos-linked", count = count));
            }
            Some((old, hint)) if old == core => {
                // The links stand; a front-matter list may not (a caption is its title).
                let text = b.with_front_matter(doc.text(), &baseurl);
                if text != doc.text() {
                    let at = (hint + text.len()).saturating_sub(doc.text().len());
                    b.written = Some((core, at));
                    if typing {
                        doc.type_text(text, (self.clock)());
                    } else {
                        doc.replace_text(text);
                    }
                }
            }
            Some((old, hint)) => {
                let found = if old.is_empty() {
                    Some(hint).filter(|h| *h <= doc.text().len() && doc.text().is_char_boundary(*h))
                } else {
                    doc.text()
                        .match_indices(old.as_str())
                        .map(|(i, _)| i)
                        .min_by_key(|i| i.abs_diff(hint))
                };
                let Some(at) = found else {
                    b.detached = true;
                    return;
                };
                let mut text = doc.text().to_owned();
                if old.is_empty() {
                    text = insert_links(&text, at, &paragraphs).0;
                } else if core.is_empty() {
                    // Every photo unticked: take the paragraph out with its blank line.
                    let mut end = at + old.len();
                    if text[end..].starts_with("\n\n") {
                        end += 2;
                    }
                    text.replace_range(at..end, "");
                } else {
                    text.replace_range(at..at + old.len(), &core);
                }
                let before = text.len();
                let text = b.with_front_matter(&text, &baseurl);
                let at = (at + text.len()).saturating_sub(before);
                if typing {
                    doc.type_text(text, (self.clock)());
                } else {
                    doc.replace_text(text);
                }
                b.written = Some((core, at));
            }
        }
    }

    /// Close the Photos window: photos copied by this batch and then unticked are removed
    /// again (unless the post links them after all).
    pub(super) fn close_import(&mut self) {
        let Some(b) = self.import.take() else {
            return;
        };
        b.cancel.store(true, Ordering::Relaxed);
        let text = self.doc().map(Document::snapshot).unwrap_or_default();
        let root = site_of(&self.site).map(|s| s.root.clone());
        for item in b.items.iter().filter(|i| !i.include) {
            if let (Some(Ok(photo)), Some(root)) = (&item.result, &root)
                && !photo.reused
                && !text.contains(&photo.name)
            {
                crate::site::photos::remove_copy(root, &photo.path);
            }
        }
        self.files_changed();
    }

    pub(super) fn cancel_import(&mut self) {
        if let Some(b) = &self.import {
            b.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// A choice made in the Photos window.
    pub(super) fn edit_batch(&mut self, edit: crate::command::PhotoEdit) {
        use crate::command::PhotoEdit;
        let Some(b) = self.import.as_mut() else {
            return;
        };
        let mut typing = false;
        match edit {
            PhotoEdit::Include(i, on) => {
                if let Some(item) = b.items.get_mut(i) {
                    item.include = on;
                }
            }
            PhotoEdit::Move(i, up) => {
                if let Some(pos) = b.order.iter().position(|x| *x == i) {
                    let to = if up {
                        pos.checked_sub(1)
                    } else {
                        Some(pos + 1).filter(|p| *p < b.order.len())
                    };
                    if let Some(to) = to {
                        b.order.swap(pos, to);
                        b.user_ordered = true;
                    }
                }
            }
            PhotoEdit::Alt(i, text) => {
                if let Some(item) = b.items.get_mut(i) {
                    item.alt = text;
                    typing = true;
                }
            }
            PhotoEdit::Caption(i, text) => {
                if let Some(item) = b.items.get_mut(i) {
                    item.caption = text;
                    typing = true;
                }
            }
            PhotoEdit::ByDay(on) => {
                b.by_day = on;
                self.settings.photos_by_day = on;
            }
            PhotoEdit::InsertAs(how) => b.layout.insert_as = how,
            PhotoEdit::Gallery(name) => {
                b.layout.gallery = b
                    .galleries
                    .iter()
                    .find(|g| Some(&g.name) == name.as_ref())
                    .cloned();
            }
            PhotoEdit::Format(format) => self.settings.import.format = format,
        }
        self.sync_photo_links(typing);
    }

    /// The folder the picker opens in: the last one photos came from.
    /// Show the system's photo picker off the UI thread, with the window's words for its
    /// title and filter (after [`Effect::ShowPhotoPicker`]).
    pub fn pick_photos(&self, start_in: Option<PathBuf>, title: &str, filter: &str) {
        self.workers.pick_photos(start_in, title, filter);
    }

    pub(super) fn picker_start(&self) -> Option<PathBuf> {
        self.import
            .as_ref()
            .and_then(|b| b.items.first())
            .map(|i| &i.source)
            .and_then(|p| p.parent().map(Path::to_path_buf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_text_is_files_only_when_every_line_is_one() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a b.jpg");
        std::fs::write(&a, "x").unwrap();
        let uri = format!("file://{}", a.display()).replace(' ', "%20");
        assert_eq!(
            pasted_files(&format!("{}\n", a.display())),
            Some(vec![a.clone()])
        );
        assert_eq!(pasted_files(&uri), Some(vec![a.clone()]));
        assert_eq!(pasted_files("그냥 글"), None);
        assert_eq!(
            pasted_files(&format!("{}\n/no/such.jpg", a.display())),
            None
        );
    }
}
