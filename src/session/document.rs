//! The open post: its text, the text as last loaded or saved, the disk fingerprint at load,
//! and its undo history.
//!
//! Dirty is computed (text differs from the saved text), never a flag. Edits are changes
//! (a replaced range); an undo step is the list of changes made in it — typing until a
//! pause, or one command's edit (form fields, replace-all, reloads; one range found by the
//! common prefix and suffix of the texts before and after) — undone by applying it
//! inverted, as helix's history does. So the history grows with the edits, not with the
//! post; it is still bounded by bytes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::site::store::{Fingerprint, LoadedPost};

/// Typing separated by a pause this long starts a new undo step.
const TYPING_PAUSE: Duration = Duration::from_millis(900);
/// The most bytes of text the undo history keeps.
const HISTORY_BYTES: usize = 64 << 20;

/// One change: at byte `at`, `removed` was replaced by `inserted`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    at: usize,
    removed: String,
    inserted: String,
}

/// The largest character boundary of `text` at or before `at`.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl Change {
    /// The one replaced range that turns `before` into `after`.
    fn between(before: &str, after: &str) -> Change {
        let (b, a) = (before.as_bytes(), after.as_bytes());
        let mut start = b.iter().zip(a).take_while(|(x, y)| x == y).count();
        while !before.is_char_boundary(start) || !after.is_char_boundary(start) {
            start -= 1;
        }
        let max_suffix = (b.len() - start).min(a.len() - start);
        let mut suffix = b
            .iter()
            .rev()
            .zip(a.iter().rev())
            .take(max_suffix)
            .take_while(|(x, y)| x == y)
            .count();
        while !before.is_char_boundary(b.len() - suffix)
            || !after.is_char_boundary(a.len() - suffix)
        {
            suffix -= 1;
        }
        Change {
            at: start,
            removed: before[start..b.len() - suffix].to_owned(),
            inserted: after[start..a.len() - suffix].to_owned(),
        }
    }

    /// Apply to `text` (which holds `removed` at `at`).
    fn apply(&self, text: &mut String) {
        let end = (self.at + self.removed.len()).min(text.len());
        text.replace_range(self.at.min(end)..end, &self.inserted);
    }

    fn inverted(self) -> Change {
        Change {
            at: self.at,
            removed: self.inserted,
            inserted: self.removed,
        }
    }

    fn bytes(&self) -> usize {
        self.removed.len() + self.inserted.len()
    }
}

/// One undo step: the changes made in it, in the order they were made.
type Step = Vec<Change>;

/// Gives each document its own number, so caches can tell two posts apart.
static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// One open post.
#[derive(Debug)]
pub struct Document {
    pub path: PathBuf,
    pub text: String,
    /// The text as last loaded or saved.
    pub saved_text: String,
    /// What the file held when loaded or last saved; `None` when it does not exist yet.
    pub fingerprint: Option<Fingerprint>,
    /// Bumped on every change of `text`, for caches keyed on it.
    pub generation: u64,
    /// This document's own number in the process (with `generation`, a key for caches).
    pub serial: u64,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The changes typed since the last undo step ended.
    burst: Step,
    /// When the typing burst in progress last changed the text, if one is in progress.
    last_typing: Option<Instant>,
    /// The file outside the site this post is a link to: shown, never changed (every edit,
    /// undo and redo is refused; a reload from disk still comes in).
    pub read_only: Option<PathBuf>,
}

impl Document {
    pub fn from_loaded(post: LoadedPost) -> Document {
        Document {
            path: post.path,
            saved_text: post.text.clone(),
            text: post.text,
            fingerprint: Some(post.fingerprint),
            generation: 0,
            serial: SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            undo: Vec::new(),
            redo: Vec::new(),
            burst: Vec::new(),
            last_typing: None,
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
        self.text != self.saved_text
    }

    /// Type: replace bytes `range` of the text with `inserted` (the range is clamped to the
    /// text and to character boundaries). Typing until a pause is one undo step; the step
    /// keeps the changes, not copies of the text.
    pub fn edit(&mut self, range: std::ops::Range<usize>, inserted: &str, now: Instant) {
        if self.read_only.is_some() {
            return;
        }
        let end = floor_boundary(&self.text, range.end);
        let at = floor_boundary(&self.text, range.start.min(end));
        if at == end && inserted.is_empty() {
            return;
        }
        let change = Change {
            at,
            removed: self.text[at..end].to_owned(),
            inserted: inserted.to_owned(),
        };
        change.apply(&mut self.text);
        self.record_typing(change, now);
    }

    /// Type a whole new text (a caption typed elsewhere): recorded as the one range it
    /// changed, in the typing burst.
    pub fn type_text(&mut self, text: String, now: Instant) {
        if text != self.text && self.read_only.is_none() {
            let change = Change::between(&self.text, &text);
            self.text = text;
            self.record_typing(change, now);
        }
    }

    fn record_typing(&mut self, change: Change, now: Instant) {
        // Consecutive typing and its corrections extend the last change of the burst.
        let merged = match self.burst.last_mut() {
            Some(last)
                if change.removed.is_empty() && change.at == last.at + last.inserted.len() =>
            {
                last.inserted.push_str(&change.inserted);
                true
            }
            Some(last)
                if change.inserted.is_empty()
                    && change.at >= last.at
                    && change.at + change.removed.len() == last.at + last.inserted.len() =>
            {
                last.inserted.truncate(change.at - last.at);
                true
            }
            _ => false,
        };
        if !merged {
            self.burst.push(change);
        }
        self.last_typing = Some(now);
        self.redo.clear();
        self.generation += 1;
    }

    /// End the undo step in progress: what is typed next is a step of its own (an input
    /// method's commit is one step).
    pub fn end_step(&mut self) {
        self.last_typing = None;
        let step = std::mem::take(&mut self.burst);
        if step.iter().any(|c| c.removed != c.inserted) {
            self.push_undo(step);
        }
    }

    /// Close the typing burst once the user has paused. Returns how long until it should be
    /// called again, if a burst is still open.
    pub fn tick(&mut self, now: Instant) -> Option<Duration> {
        let last = self.last_typing?;
        let idle = now.duration_since(last);
        if idle >= TYPING_PAUSE {
            self.end_step();
            None
        } else {
            Some(TYPING_PAUSE - idle)
        }
    }

    /// Replace the whole text as one undo step (form edits, replace-all, insertions).
    pub fn replace_text(&mut self, text: String) {
        if self.read_only.is_none() {
            self.take_text(text);
        }
    }

    /// [`Document::replace_text`] even when read-only (the file changed on disk).
    pub(super) fn take_text(&mut self, text: String) {
        if text == self.text {
            return;
        }
        self.end_step();
        self.push_undo(vec![Change::between(&self.text, &text)]);
        self.text = text;
        self.redo.clear();
        self.generation += 1;
    }

    fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
        let bytes = |s: &Step| s.iter().map(Change::bytes).sum::<usize>();
        let mut total: usize = self.undo.iter().map(bytes).sum();
        while total > HISTORY_BYTES && self.undo.len() > 1 {
            total -= bytes(&self.undo.remove(0));
        }
    }

    /// The bytes the undo and redo history hold (for measuring).
    pub fn history_bytes(&self) -> usize {
        self.undo
            .iter()
            .chain(&self.redo)
            .chain(std::iter::once(&self.burst))
            .flatten()
            .map(Change::bytes)
            .sum()
    }

    /// How much longer until typing has paused for `pause` (`None`: it has, or none is
    /// in progress) — for work that waits for the user to stop typing.
    pub fn pause_remaining(&self, pause: Duration, now: Instant) -> Option<Duration> {
        let idle = now.duration_since(self.last_typing?);
        (idle < pause).then(|| pause - idle)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || !self.burst.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    /// Undo (`back`) or redo one step: apply its changes inverted, last first, and keep the
    /// inverted step on the other stack.
    fn step(&mut self, back: bool) -> bool {
        if self.read_only.is_some() {
            return false;
        }
        self.end_step();
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return false;
        };
        let inverted: Step = step.into_iter().rev().map(Change::inverted).collect();
        for change in &inverted {
            change.apply(&mut self.text);
        }
        to.push(inverted);
        self.generation += 1;
        true
    }

    /// Where the last undo or redo left the text changed: the byte range its last change
    /// now covers (for putting the caret there).
    pub fn last_step_range(&self, redone: bool) -> Option<std::ops::Range<usize>> {
        let stack = if redone { &self.undo } else { &self.redo };
        let change = stack.last()?.last()?;
        Some(change.at..change.at + change.inserted.len())
    }

    /// After a successful save of the current text.
    pub fn mark_saved(&mut self, fingerprint: Fingerprint) {
        self.saved_text = self.text.clone();
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
