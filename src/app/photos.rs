//! Photos into the open post: three ways in (drop, picker, paste), one import batch on the
//! worker pool, and the links inserted at the cursor as one undo step when it is done.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::DaybookApp;
use crate::journal::photos::insert_links;
use crate::site::photos::{Imported, PhotoTarget};
use crate::ui::editor;

/// What the open post's photo target is worked out from: its path, text generation and
/// the folder chosen for it.
pub type TargetKey = (PathBuf, u64, Option<String>);

/// One import in progress (or just finished).
#[derive(Debug)]
pub struct ImportBatch {
    pub id: u64,
    pub post: PathBuf,
    pub target: PhotoTarget,
    pub sources: Vec<PathBuf>,
    pub results: Vec<Option<Result<Imported, String>>>,
    pub current: Option<usize>,
    pub cancel: Arc<AtomicBool>,
    /// The links, once inserted (or, if the post was switched meanwhile, to copy).
    pub links: Option<Vec<String>>,
}

impl ImportBatch {
    pub fn done(&self) -> usize {
        self.results.iter().filter(|r| r.is_some()).count()
    }

    pub fn finished(&self) -> bool {
        self.done() == self.sources.len()
    }

    pub fn failures(&self) -> impl Iterator<Item = &String> {
        self.results
            .iter()
            .filter_map(|r| r.as_ref().and_then(|r| r.as_ref().err()))
    }
}

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

impl DaybookApp {
    /// Where the open post's photos go now. Finding the folder in use scans every image
    /// link of the post, so the answer is kept until the text or the chosen folder changes.
    pub fn photo_target(&mut self) -> Option<PhotoTarget> {
        let (site, doc) = (self.site.as_ref()?, self.doc.as_ref()?);
        let chosen = self.photo_folders.get(&doc.path).cloned();
        let key = (doc.path.clone(), doc.generation, chosen);
        if let Some((k, target)) = &self.photo_target_cache
            && *k == key
        {
            return Some(target.clone());
        }
        let target = PhotoTarget::for_post(site, &doc.path, &doc.text, key.2.as_deref());
        self.photo_target_cache = Some((key, target.clone()));
        Some(target)
    }

    /// Start importing `sources` into the open post.
    pub(super) fn import_photos(&mut self, sources: Vec<PathBuf>) {
        if sources.is_empty() {
            return;
        }
        if self.import.as_ref().is_some_and(|b| !b.finished()) {
            self.error("Photos are still being copied; wait for them or cancel first.".to_owned());
            return;
        }
        let target = self.photo_target();
        let (Some(site), Some(doc), Some(target)) = (&self.site, &self.doc, target) else {
            self.error("Open a post first: photos are linked at its cursor.".to_owned());
            return;
        };
        self.next_batch += 1;
        let cancel = Arc::new(AtomicBool::new(false));
        let batch = ImportBatch {
            id: self.next_batch,
            post: doc.path.clone(),
            target: target.clone(),
            results: sources.iter().map(|_| None).collect(),
            sources: sources.clone(),
            current: None,
            cancel: Arc::clone(&cancel),
            links: None,
        };
        let dest = match target.dir_within(&site.root) {
            Ok(d) => d,
            Err(e) => {
                self.error(e.to_string());
                return;
            }
        };
        self.workers
            .import_photos(batch.id, sources, dest, self.settings.import, &cancel);
        self.import = Some(batch);
    }

    pub(super) fn photo_started(&mut self, batch: u64, index: usize) {
        if let Some(b) = self.import.as_mut().filter(|b| b.id == batch) {
            b.current = Some(index);
        }
    }

    pub(super) fn photo_imported(
        &mut self,
        ctx: &egui::Context,
        batch: u64,
        index: usize,
        result: Result<Imported, String>,
    ) {
        let Some(b) = self.import.as_mut().filter(|b| b.id == batch) else {
            return;
        };
        if let Some(slot) = b.results.get_mut(index) {
            *slot = Some(result);
        }
        if b.finished() && b.links.is_none() {
            self.finish_import(ctx);
        }
    }

    /// All photos are through: link the imported ones at the cursor, in the order given.
    fn finish_import(&mut self, ctx: &egui::Context) {
        let Some(b) = self.import.as_mut() else {
            return;
        };
        let baseurl = self
            .site
            .as_ref()
            .map(|s| s.config.baseurl.clone())
            .unwrap_or_default();
        let links: Vec<String> = b
            .results
            .iter()
            .filter_map(|r| r.as_ref().and_then(|r| r.as_ref().ok()))
            .map(|photo| b.target.link(photo, &baseurl))
            .collect();
        b.links = Some(links.clone());
        b.current = None;
        let post = b.post.clone();
        self.files_changed();
        if links.is_empty() {
            return;
        }
        match self.doc.as_mut() {
            Some(doc) if doc.path == post => {
                let at = editor::cursor_byte(ctx, &doc.text).unwrap_or(doc.text.len());
                let (text, inserted) = insert_links(&doc.text, at, &links);
                doc.replace_text(text);
                editor::select(ctx, &doc.text, inserted.end..inserted.end);
                let count = links.len();
                self.info(format!(
                    "Linked {count} photo{} at the cursor",
                    if count == 1 { "" } else { "s" }
                ));
            }
            _ => self.error(
                "The post was switched during the import: copy the links from the Photos window."
                    .to_owned(),
            ),
        }
    }

    pub(super) fn cancel_import(&mut self) {
        if let Some(b) = &self.import {
            b.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Files dropped on the window, and pasted file paths, become an import.
    pub(super) fn take_dropped_and_pasted_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.import_photos(dropped);
        }
        let mut pasted = Vec::new();
        ctx.input_mut(|i| {
            i.events.retain(|e| match e {
                egui::Event::Paste(text) => match pasted_files(text) {
                    Some(files) => {
                        pasted.extend(files);
                        false
                    }
                    None => true,
                },
                _ => true,
            });
        });
        if !pasted.is_empty() {
            self.import_photos(pasted);
        }
    }

    /// The folder the picker opens in: the last one photos came from.
    pub(super) fn picker_start(&self) -> Option<PathBuf> {
        self.import
            .as_ref()
            .and_then(|b| b.sources.first())
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
