//! The open post: its [`Buffer`] (text, selection, history), the text as last loaded or
//! saved, the disk fingerprint at load, and whether it may be edited at all.
//!
//! Dirty is computed (text differs from the saved text), never a flag. A read-only post
//! refuses every edit, undo and redo; a reload from disk still comes in.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use super::buffer::{Buffer, Selection, floor_boundary};
use crate::site::store::{Fingerprint, LoadedPost};

/// Gives each document its own number, so caches can tell two posts apart.
static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// One open post.
#[derive(Debug)]
pub struct Document {
    pub path: PathBuf,
    buffer: Buffer,
    /// The text as last loaded or saved.
    pub saved_text: String,
    /// What the file held when loaded or last saved; `None` when it does not exist yet.
    pub fingerprint: Option<Fingerprint>,
    /// This document's own number in the process (with the generation, a key for caches).
    pub serial: u64,
    /// The file outside the site this post is a link to: shown, never changed (every edit,
    /// undo and redo is refused; a reload from disk still comes in).
    pub read_only: Option<PathBuf>,
}

impl Document {
    pub fn from_loaded(post: LoadedPost) -> Document {
        Document {
            path: post.path,
            saved_text: post.text.clone(),
            buffer: Buffer::new(post.text),
            fingerprint: Some(post.fingerprint),
            serial: SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            read_only: None,
        }
    }

    /// A post that exists only in memory (recovered text of a deleted file).
    pub fn from_text(path: &std::path::Path, text: String) -> Document {
        Document::from_loaded(LoadedPost {
            path: path.to_owned(),
            text,
            fingerprint: Fingerprint::of(b""),
        })
        .unsaved()
    }

    fn unsaved(mut self) -> Document {
        self.saved_text = String::new();
        self
    }

    pub fn is_dirty(&self) -> bool {
        self.buffer.text() != self.saved_text
    }

    pub fn text(&self) -> &str {
        self.buffer.text()
    }

    /// Bumped on every change of the text, for caches keyed on it.
    pub fn generation(&self) -> u64 {
        self.buffer.generation()
    }

    pub fn selection(&self) -> Selection {
        self.buffer.selection()
    }

    /// The text shared with workers (made once per text).
    pub fn snapshot(&self) -> Arc<str> {
        self.buffer.snapshot()
    }

    /// Select from `anchor` to `head` (allowed in a read-only post too).
    pub fn select(&mut self, anchor: usize, head: usize) {
        self.buffer.select(anchor, head);
    }

    /// Type: replace bytes `range` with `inserted`, the caret after it (typing until a
    /// pause is one undo step).
    pub fn edit(&mut self, range: std::ops::Range<usize>, inserted: &str, now: Instant) {
        if self.read_only.is_none() {
            self.buffer.type_edit(range, inserted, now);
        }
    }

    /// Type a whole new text (a caption typed elsewhere), in the typing burst.
    pub fn type_text(&mut self, text: String, now: Instant) {
        if self.read_only.is_none() {
            self.buffer.type_text(text, now);
        }
    }

    /// End the undo step in progress.
    pub fn end_step(&mut self) {
        self.buffer.end_step();
    }

    /// Close the typing burst once the user has paused; how long until it should be asked
    /// again, if a burst is still open.
    pub fn tick(&mut self, now: Instant) -> Option<Duration> {
        self.buffer.tick(now)
    }

    /// Replace the whole text as one undo step (form edits, fixes, insertions).
    pub fn replace_text(&mut self, text: String) {
        if self.read_only.is_none() {
            self.buffer.replace_text(text);
        }
    }

    /// Replace each of `ranges` with `with` as one undo step; how many were replaced.
    pub fn replace_ranges(&mut self, ranges: &[std::ops::Range<usize>], with: &str) -> usize {
        if self.read_only.is_some() {
            return 0;
        }
        self.buffer.replace_ranges(ranges, with)
    }

    /// [`Document::replace_text`] even when read-only (the file changed on disk).
    pub(super) fn take_text(&mut self, text: String) {
        self.buffer.replace_text(text);
    }

    /// The bytes the undo and redo history hold (for measuring).
    pub fn history_bytes(&self) -> usize {
        self.buffer.history_bytes()
    }

    /// How much longer until typing has paused for `pause`.
    pub fn pause_remaining(&self, pause: Duration, now: Instant) -> Option<Duration> {
        self.buffer.pause_remaining(pause, now)
    }

    pub fn can_undo(&self) -> bool {
        self.read_only.is_none() && self.buffer.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.read_only.is_none() && self.buffer.can_redo()
    }

    /// Undo one step, its selection restored.
    pub fn undo(&mut self) -> bool {
        self.read_only.is_none() && self.buffer.undo()
    }

    /// Redo one step, its selection restored.
    pub fn redo(&mut self) -> bool {
        self.read_only.is_none() && self.buffer.redo()
    }

    /// After a successful save of the current text.
    pub fn mark_saved(&mut self, fingerprint: Fingerprint) {
        self.saved_text = self.buffer.text().to_owned();
        self.fingerprint = Some(fingerprint);
    }

    /// The file name, for titles and prompts.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
