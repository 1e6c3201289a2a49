//! The Markdown editor: our own text widget over the open post's text, whose cost follows
//! the screen, not the post. The text stays in the [`Document`]; the editor keeps an index
//! of its lines ([`lines`]), lays out and paints only the lines on screen (their galleys
//! cached by egui, the highlighting of each line from the state it starts in), and turns
//! keys, the mouse and the input method into edits of the document ([`input`]). The front
//! matter can be folded away (the form shows it). Every caret helper here counts in bytes
//! of the whole post text, folded or not.

mod input;
pub mod lines;
pub mod motion;
mod placed;
mod spell_marks;
mod view;
pub use spell_marks::SpellMarks;

use std::ops::Range;

use egui::{Id, Ui};

use self::lines::Lines;
use super::labels;
use crate::i18n::tr;
use crate::journal::front_matter::{self, FrontMatter};
use crate::session::document::Document;
use crate::tr;

/// The editor's widget id (stable, so commands can move its caret).
pub fn editor_id() -> Id {
    Id::unique("daybook-editor")
}

/// Whether the front matter is folded away this frame (kept in egui's memory, so the
/// caret helpers count the same way the editor drew).
fn fold_id() -> Id {
    Id::unique("daybook-editor-fold")
}

/// Set when a selection is asked inside the folded front matter: the editor unfolds.
fn unfold_id() -> Id {
    Id::unique("daybook-editor-unfold")
}

/// The caret, the selection and the composition, kept in egui's memory under
/// [`editor_id`] so commands can set them between frames. Offsets are bytes of the text.
#[derive(Debug, Clone, Default)]
pub struct EditorState {
    /// The document (its serial) this is about; `None` when set by a command for whichever
    /// post is shown next. Another post starts with the caret at its end.
    serial: Option<u64>,
    /// Where the selection started; equal to `head` when nothing is selected.
    pub anchor: usize,
    /// The caret.
    pub head: usize,
    /// What the input method is composing at the caret: shown, never in the text.
    pub preedit: Option<String>,
    /// A composition the editor ended itself (a click, a key, focus leaving) and the time:
    /// the input method may still commit it, and that copy is dropped.
    late_commit: Option<(String, f64)>,
    /// A composition the input method cleared without committing it yet: where it stood
    /// and when. Keys it forwards (Space, Enter) may reach us before its commit; the commit
    /// still goes where the composition was, before them.
    awaiting_commit: Option<(usize, f64)>,
    /// Where a composition stood when a command (a jump) moved the caret away from it: the
    /// editor puts it in there on its next frame.
    moved_from: Option<usize>,
    /// The x the caret keeps while moving up and down.
    preferred_x: Option<f32>,
    /// Scroll the caret into view on the next frame.
    reveal: bool,
}

impl EditorState {
    pub fn selection(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }

    fn load(ctx: &egui::Context) -> EditorState {
        ctx.data(|d| d.get_temp::<EditorState>(editor_id()))
            .unwrap_or(EditorState {
                // Not any post's: the first post shown starts with the caret at its end.
                serial: Some(u64::MAX),
                ..EditorState::default()
            })
    }

    fn store(self, ctx: &egui::Context) {
        ctx.data_mut(|d| d.insert_temp(editor_id(), self));
    }

    /// This state for `doc` (a fresh one when it was another post's), its offsets moved
    /// onto the text's character boundaries, not before `hidden`.
    fn for_doc(mut self, doc: &Document, hidden: usize) -> EditorState {
        if self.serial.is_some_and(|s| s != doc.serial) {
            self = EditorState {
                anchor: doc.text.len(),
                head: doc.text.len(),
                ..EditorState::default()
            };
        }
        self.serial = Some(doc.serial);
        let text = &doc.text;
        let clamp = |at: usize| crate::session::document::floor_boundary(text, at.max(hidden));
        self.anchor = clamp(self.anchor);
        self.head = clamp(self.head);
        self.awaiting_commit = self.awaiting_commit.map(|(at, time)| (clamp(at), time));
        self.moved_from = self.moved_from.map(clamp);
        self
    }
}

/// What the window keeps of the editor between frames: the line index of the open post and
/// the scroll position.
#[derive(Default)]
pub struct EditorView {
    lines: Lines,
    /// The document (its serial and generation) the line index was made for.
    key: Option<(u64, u64)>,
    /// The scroll offset of the last frame, and one to apply on the next.
    offset: f32,
    pending_offset: Option<f32>,
    /// The lines laid out last frame, for the mouse.
    placed: Vec<placed::Placed>,
}

impl EditorView {
    /// The scroll offset as of the last frame.
    pub fn offset(&self) -> f32 {
        self.offset
    }

    /// Scroll so the line holding byte `at` is at the top (the preview was scrolled).
    pub fn scroll_to_byte(&mut self, at: usize) {
        let line = self.lines.line_of(at);
        self.pending_offset = Some(self.lines.top(line));
    }

    /// The line and column (from 1, in characters) of byte `at` of `doc`, from the line
    /// index when it is `doc`'s (no walk over the text before `at`).
    pub fn line_and_column(&self, doc: &Document, at: usize) -> (usize, usize) {
        if self.key != Some((doc.serial, doc.generation)) {
            return super::status::line_and_column(&doc.text, at);
        }
        let line = self.lines.line_of(at);
        let start = self.lines.start(line).min(at);
        let column = doc.text.get(start..at).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The line index, made again when the document is not the one it was made for.
    fn sync(&mut self, doc: &Document, metrics: lines::Metrics) {
        let key = (doc.serial, doc.generation);
        if self.key != Some(key) {
            let metrics = if self.key.is_none() {
                metrics
            } else {
                self.lines.metrics()
            };
            self.lines = Lines::new(&doc.text, metrics);
            self.key = Some(key);
        }
    }
}

/// What the editor reports after drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct EditorOutput {
    /// The user changed the text.
    pub changed: bool,
    /// The byte offset of the first visible line, when the user scrolled the editor.
    pub top_byte: Option<usize>,
    /// The front matter should be folded (`Some(true)`) or shown (`Some(false)`) from now on:
    /// the user toggled it, or a jump went into it.
    pub fold: Option<bool>,
    /// A misspelt word was right-clicked: its suggestions are wanted.
    pub asked: Option<crate::site::spelling::Misspelt>,
}

/// The bytes at the start of `text` that folding hides: the front-matter block with its
/// closing line, when it is there and valid (the form shows it); 0 otherwise.
pub fn foldable_prefix(text: &str) -> usize {
    let Some(Ok(block)) = front_matter::layout(text).block else {
        return 0;
    };
    // Asked every frame: whether the block parses is remembered for its last text.
    static LAST: std::sync::Mutex<Option<(u64, bool)>> = std::sync::Mutex::new(None);
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text[..block.end].hash(&mut h);
        h.finish()
    };
    let mut last = match LAST.lock() {
        Ok(l) => l,
        Err(poisoned) => poisoned.into_inner(),
    };
    let valid = match *last {
        Some((k, valid)) if k == key => valid,
        _ => {
            let valid = FrontMatter::parse(&text[..block.end]).is_ok();
            *last = Some((key, valid));
            valid
        }
    };
    if valid { block.end } else { 0 }
}

/// The bytes of `text` the editor hides now.
fn hidden(ctx: &egui::Context, text: &str) -> usize {
    if ctx.data(|d| d.get_temp::<bool>(fold_id())).unwrap_or(false) {
        foldable_prefix(text)
    } else {
        0
    }
}

/// Draw the editor for `doc`; `fold` hides the front matter (when it is valid; the form
/// shows it); `find` is highlighted wherever it is on screen.
pub fn editor(
    ui: &mut Ui,
    doc: &mut Document,
    view: &mut EditorView,
    fold: bool,
    find: Option<&str>,
    now: std::time::Instant,
    (marks, commands): (&SpellMarks<'_>, &mut Vec<crate::command::Command>),
) -> EditorOutput {
    let ctx = ui.ctx().clone();
    let unfold = ctx
        .data_mut(|d| d.remove_temp::<bool>(unfold_id()))
        .unwrap_or(false);
    let prefix = foldable_prefix(&doc.text);
    let active = fold && !unfold && prefix > 0;
    ctx.data_mut(|d| d.insert_temp(fold_id(), active));
    let hidden = if active { prefix } else { 0 };
    let mut fold_out = unfold.then_some(false);
    let label = ui
        .horizontal(|ui| {
            let label = ui.label(tr(labels::EDITOR));
            if prefix > 0 {
                let mut folded = active;
                if ui
                    .toggle_value(&mut folded, tr(labels::FOLD_FRONT_MATTER))
                    .on_hover_text(tr("fold-front-matter-hover"))
                    .clicked()
                {
                    fold_out = Some(folded);
                }
            }
            label
        })
        .inner;
    if active {
        let lines = doc.text[..prefix].lines().count();
        if ui
            .add(egui::Button::new(
                egui::RichText::new(tr!("front-matter-folded", lines = lines)).weak(),
            ))
            .on_hover_text(tr("front-matter-folded-hover"))
            .clicked()
        {
            fold_out = Some(false);
        }
    }
    let around = view::Around {
        hidden,
        find,
        label: label.id,
        now,
        marks,
        commands,
    };
    let out = view::show(ui, doc, view, around);
    EditorOutput {
        changed: out.changed,
        top_byte: out.top_byte,
        fold: fold_out,
        asked: out.asked,
    }
}

/// Select `bytes` of `text` in the editor and focus it.
pub fn select(ctx: &egui::Context, text: &str, bytes: Range<usize>) {
    set_selection(ctx, text, bytes);
    ctx.memory_mut(|m| m.request_focus(editor_id()));
}

/// Whether the editor, or nothing, has the keyboard focus (no other field is being typed in).
pub fn may_take_focus(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused().is_none_or(|f| f == editor_id()))
}

/// Select `bytes` of `text` in the editor without moving the keyboard focus, and scroll it
/// into view. A selection in the folded front matter unfolds it.
pub fn set_selection(ctx: &egui::Context, text: &str, bytes: Range<usize>) {
    let hidden = hidden(ctx, text);
    if bytes.start < hidden {
        ctx.data_mut(|d| {
            d.insert_temp(fold_id(), false);
            d.insert_temp(unfold_id(), true);
        });
    }
    let mut state = EditorState::load(ctx);
    let clamp = |at: usize| crate::session::document::floor_boundary(text, at);
    if state.preedit.is_some() && state.moved_from.is_none() {
        state.moved_from = Some(state.head);
    }
    state.anchor = clamp(bytes.start);
    state.head = clamp(bytes.end);
    state.serial = None;
    state.preferred_x = None;
    state.reveal = true;
    state.store(ctx);
}

/// The editor's selection as bytes of the text (`head` last: start..end may be reversed).
pub fn selection(ctx: &egui::Context) -> (usize, usize) {
    let state = EditorState::load(ctx);
    (state.anchor, state.head)
}

/// The editor's caret as a byte offset into `text`, if it has one.
pub fn cursor_byte(ctx: &egui::Context, text: &str) -> Option<usize> {
    let state = ctx.data(|d| d.get_temp::<EditorState>(editor_id()))?;
    Some(crate::session::document::floor_boundary(text, state.head))
}
