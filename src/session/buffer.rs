//! The open post's text with its selection and its history, together as helix keeps them:
//! no egui, no file. Every change of the text goes through here, and each undo step keeps
//! the selection it started from and the one it ended with, so undo puts the selection
//! back where it was and redo where it went.
//!
//! Edits are changes (a replaced range); an undo step is the list of changes made in it —
//! typing until a pause, or one command's edit — undone by applying it inverted. So the
//! history grows with the edits, not with the post; it is still bounded by bytes. Workers
//! get the text as a shared snapshot ([`Buffer::snapshot`]), made once per text, not a
//! copy per read.

use std::ops::Range;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// Typing separated by a pause this long starts a new undo step.
const TYPING_PAUSE: Duration = Duration::from_millis(900);
/// The most bytes of text the undo history keeps.
const HISTORY_BYTES: usize = 64 << 20;

/// Where the selection started and where the caret is, in bytes of the text (equal when
/// nothing is selected).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selection {
    pub anchor: usize,
    pub head: usize,
}

impl Selection {
    /// A caret at `at`, nothing selected.
    pub fn caret(at: usize) -> Selection {
        Selection {
            anchor: at,
            head: at,
        }
    }

    /// The selected bytes, start first.
    pub fn range(self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }

    /// Where this selection is after `change` (a position inside the replaced bytes goes
    /// to the end of what replaced them).
    fn mapped(self, change: &Change) -> Selection {
        let map = |p: usize| {
            let end = change.at + change.removed.len();
            if p <= change.at {
                p
            } else if p >= end {
                p - change.removed.len() + change.inserted.len()
            } else {
                change.at + change.inserted.len()
            }
        };
        Selection {
            anchor: map(self.anchor),
            head: map(self.head),
        }
    }
}

/// One change: at byte `at`, `removed` was replaced by `inserted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Change {
    pub at: usize,
    pub removed: String,
    pub inserted: String,
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
    pub(super) fn between(before: &str, after: &str) -> Change {
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

/// One undo step: the changes made in it, in order, and the selection before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    changes: Vec<Change>,
    before: Selection,
    after: Selection,
}

impl Step {
    fn bytes(&self) -> usize {
        self.changes.iter().map(Change::bytes).sum()
    }
}

/// The text, its selection and its history.
#[derive(Debug)]
pub struct Buffer {
    text: String,
    selection: Selection,
    /// Bumped on every change of the text, for caches keyed on it.
    generation: u64,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The changes typed since the last undo step ended, and the selection before them and
    /// right after the last of them.
    burst: Vec<Change>,
    burst_before: Selection,
    burst_after: Selection,
    /// When the typing burst in progress last changed the text, if one is in progress.
    last_typing: Option<Instant>,
    /// The text shared with workers, made on first asking after each change.
    snapshot: OnceLock<Arc<str>>,
}

impl Buffer {
    /// `text` with the caret at its end and no history.
    pub fn new(text: String) -> Buffer {
        let end = text.len();
        Buffer {
            text,
            selection: Selection::caret(end),
            generation: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            burst: Vec::new(),
            burst_before: Selection::caret(end),
            burst_after: Selection::caret(end),
            last_typing: None,
            snapshot: OnceLock::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn selection(&self) -> Selection {
        self.selection
    }

    /// Bumped on every change of the text.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The text as a shared snapshot for workers: made once per text, cloned as a pointer.
    pub fn snapshot(&self) -> Arc<str> {
        self.snapshot
            .get_or_init(|| Arc::from(self.text.as_str()))
            .clone()
    }

    /// Select from `anchor` to `head`, moved onto character boundaries of the text.
    pub fn select(&mut self, anchor: usize, head: usize) {
        self.selection = Selection {
            anchor: floor_boundary(&self.text, anchor),
            head: floor_boundary(&self.text, head),
        };
    }

    /// Type: replace bytes `range` of the text with `inserted` (clamped to the text and to
    /// character boundaries); the caret goes after it. Typing until a pause is one undo
    /// step; the step keeps the changes, not copies of the text.
    pub fn type_edit(&mut self, range: Range<usize>, inserted: &str, now: Instant) {
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
        self.start_burst();
        change.apply(&mut self.text);
        self.selection = Selection::caret(at + inserted.len());
        self.record_typing(change, now);
    }

    /// Type a whole new text (a caption typed elsewhere): recorded as the one range it
    /// changed, in the typing burst; the selection follows the change.
    pub fn type_text(&mut self, text: String, now: Instant) {
        if text != self.text {
            let change = Change::between(&self.text, &text);
            self.start_burst();
            self.text = text;
            self.selection = self.selection.mapped(&change);
            self.record_typing(change, now);
        }
    }

    fn start_burst(&mut self) {
        if self.burst.is_empty() {
            self.burst_before = self.selection;
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
        self.burst_after = self.selection;
        self.changed();
    }

    /// An edit: what was undone cannot be redone any more.
    fn changed(&mut self) {
        self.redo.clear();
        self.text_changed();
    }

    /// The text is another: caches keyed on it (the generation, the snapshot) move on.
    fn text_changed(&mut self) {
        self.generation += 1;
        self.snapshot = OnceLock::new();
    }

    /// End the undo step in progress: what is typed next is a step of its own (an input
    /// method's commit is one step).
    pub fn end_step(&mut self) {
        self.last_typing = None;
        let changes = std::mem::take(&mut self.burst);
        if changes.iter().any(|c| c.removed != c.inserted) {
            self.push_undo(Step {
                changes,
                before: self.burst_before,
                after: self.burst_after,
            });
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

    /// Replace the whole text as one undo step (form edits, insertions, a reload): recorded
    /// as the one range it changed; the selection follows the change.
    pub fn replace_text(&mut self, text: String) {
        if text != self.text {
            let change = Change::between(&self.text, &text);
            self.text = text;
            self.commit_step(vec![change]);
        }
    }

    /// Replace each of `ranges` (in order, not overlapping, on character boundaries) with
    /// `with`, as one undo step: replace-all. The text is built once.
    pub fn replace_ranges(&mut self, ranges: &[Range<usize>], with: &str) -> usize {
        let mut text = String::with_capacity(self.text.len());
        let (mut from, mut shift, mut changes) = (0, 0isize, Vec::new());
        for r in ranges {
            if r.start < from
                || r.end > self.text.len()
                || !self.text.is_char_boundary(r.start)
                || !self.text.is_char_boundary(r.end)
            {
                continue;
            }
            text.push_str(&self.text[from..r.start]);
            text.push_str(with);
            changes.push(Change {
                at: r.start.saturating_add_signed(shift),
                removed: self.text[r.clone()].to_owned(),
                inserted: with.to_owned(),
            });
            shift += with.len() as isize - r.len() as isize;
            from = r.end;
        }
        let n = changes.len();
        if changes.iter().all(|c| c.removed == c.inserted) {
            return 0;
        }
        text.push_str(&self.text[from..]);
        self.text = text;
        self.commit_step(changes);
        n
    }

    /// Record `changes`, already made to the text, as an undo step of their own.
    fn commit_step(&mut self, changes: Vec<Change>) {
        self.end_step();
        let before = self.selection;
        let after = changes.iter().fold(before, |s, c| s.mapped(c));
        self.select(after.anchor, after.head);
        self.push_undo(Step {
            changes,
            before,
            after: self.selection,
        });
        self.changed();
    }

    fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
        let mut total: usize = self.undo.iter().map(Step::bytes).sum();
        while total > HISTORY_BYTES && self.undo.len() > 1 {
            total -= self.undo.remove(0).bytes();
        }
    }

    /// The bytes the undo and redo history hold (for measuring).
    pub fn history_bytes(&self) -> usize {
        let steps: usize = self.undo.iter().chain(&self.redo).map(Step::bytes).sum();
        steps + self.burst.iter().map(Change::bytes).sum::<usize>()
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

    /// Undo one step; the selection goes back to what it was before the step.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Redo one step; the selection goes to what it was after the step.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    /// Undo (`back`) or redo one step: apply its changes inverted, last first, take the
    /// selection it started from, and keep the inverted step on the other stack.
    fn step(&mut self, back: bool) -> bool {
        self.end_step();
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return false;
        };
        let changes: Vec<Change> = step
            .changes
            .into_iter()
            .rev()
            .map(Change::inverted)
            .collect();
        for change in &changes {
            change.apply(&mut self.text);
        }
        to.push(Step {
            changes,
            before: step.after,
            after: step.before,
        });
        self.select(step.before.anchor, step.before.head);
        self.text_changed();
        true
    }
}

#[cfg(test)]
#[path = "buffer_tests.rs"]
mod tests;
