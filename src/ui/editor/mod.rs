//! The Markdown editor: our own text widget over the open post's text, whose cost follows
//! the screen, not the post. The text and its selection stay in the session's
//! [`Document`] (its buffer); the editor draws a `&Document`, keeps an index of its lines
//! ([`lines`]), lays out and paints only the lines on screen (their galleys cached by egui,
//! the highlighting of each line from the state it starts in), and turns keys, the mouse
//! and the input method into [`EditOp`]s ([`input`]) that the window hands the session as
//! [`crate::command::Command::Edit`]. Keys and the input method are read before the frame
//! is drawn ([`handle`], one event at a time, each applied before the next is read); the
//! mouse while it is drawn. egui's memory keeps only view state (the composition, the
//! column kept while moving up and down, whether to scroll to the caret). The front matter
//! can be folded away (the form shows it). Offsets count bytes of the whole post text,
//! folded or not.

mod input;
pub mod lines;
pub mod motion;
mod placed;
mod spell_marks;
mod view;
pub use spell_marks::SpellMarks;

use egui::{Id, Ui};

use self::lines::Lines;
use super::labels;
use crate::command::EditOp;
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

/// The editor's view state, kept in egui's memory under [`editor_id`]: what the input
/// method composes and where, the column kept while moving up and down, whether to scroll
/// to the caret. Offsets are bytes of the text.
#[derive(Debug, Clone, Default)]
pub struct EditorState {
    /// The document (its serial) this is about; another post starts afresh.
    serial: Option<u64>,
    /// What the input method is composing at the caret: shown, never in the text.
    pub preedit: Option<String>,
    /// Where the composition stands: a selection moved away from it (a jump) ends it there.
    composing_at: Option<usize>,
    /// A composition the editor ended itself (a click, a key, focus leaving) and the time:
    /// the input method may still commit it, and that copy is dropped.
    late_commit: Option<(String, f64)>,
    /// A composition the input method cleared without committing it yet: where it stood
    /// and when. Keys it forwards (Space, Enter) may reach us before its commit; the commit
    /// still goes where the composition was, before them.
    awaiting_commit: Option<(usize, f64)>,
    /// The x the caret keeps while moving up and down.
    preferred_x: Option<f32>,
    /// Scroll the caret into view on the next frame.
    reveal: bool,
}

impl EditorState {
    fn load(ctx: &egui::Context) -> EditorState {
        ctx.data(|d| d.get_temp::<EditorState>(editor_id()))
            .unwrap_or_default()
    }

    fn store(self, ctx: &egui::Context) {
        ctx.data_mut(|d| d.insert_temp(editor_id(), self));
    }

    /// This state for `doc` (a fresh one when it was another post's), its offsets moved
    /// onto the text's character boundaries.
    fn for_doc(mut self, doc: &Document) -> EditorState {
        if self.serial != Some(doc.serial) {
            self = EditorState {
                serial: Some(doc.serial),
                ..EditorState::default()
            };
        }
        let text = doc.text();
        let clamp = |at: usize| crate::session::document::floor_boundary(text, at);
        self.awaiting_commit = self.awaiting_commit.map(|(at, time)| (clamp(at), time));
        self.composing_at = self.composing_at.map(clamp);
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
    /// As of the last frame, for the keys read before this one is drawn: the bytes folded
    /// away, the wrap width and the height of the screen of text.
    hidden: usize,
    wrap: f32,
    page: f32,
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
        if self.key != Some((doc.serial, doc.generation())) {
            return super::status::line_and_column(doc.text(), at);
        }
        let line = self.lines.line_of(at);
        let start = self.lines.start(line).min(at);
        let column = doc.text().get(start..at).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The session applied the editor's ops to `doc`, which was at `before` (serial and
    /// generation), changing `span` ([`changed_span`]): the line index follows the text
    /// they changed without reading the rest of the post.
    pub fn follow(&mut self, doc: &Document, before: (u64, u64), span: (usize, usize, usize)) {
        let now = (doc.serial, doc.generation());
        let (at, removed, inserted) = span;
        let fits = at + inserted <= doc.text().len() && doc.text().is_char_boundary(at);
        if self.key != Some(before) || now == before || !fits {
            return;
        }
        self.lines.edited(doc.text(), at, removed, inserted);
        self.key = Some(now);
    }

    /// The line index, made again when the document is not the one it was made for.
    fn sync(&mut self, doc: &Document, metrics: lines::Metrics) {
        let key = (doc.serial, doc.generation());
        if self.key != Some(key) {
            let metrics = if self.key.is_none() {
                metrics
            } else {
                self.lines.metrics()
            };
            self.lines = Lines::new(doc.text(), metrics);
            self.key = Some(key);
        }
    }
}

/// The one span of the text that `ops` (run in order) change, as a replacement of the
/// text before them: `(at, bytes removed, bytes inserted)`. `None` when none of them
/// changes the text.
pub fn changed_span(ops: &[EditOp]) -> Option<(usize, usize, usize)> {
    // [start, end) in the text as it is after the ops so far; `delta` is how much longer
    // that text is than the one before them.
    let mut span: Option<(usize, usize)> = None;
    let mut delta = 0isize;
    for op in ops {
        let (EditOp::Type { range, text } | EditOp::Replace { range, text }) = op else {
            continue;
        };
        let grow = text.len() as isize - range.len() as isize;
        span = Some(match span {
            None => (range.start, range.start + text.len()),
            Some((start, end)) => (
                start.min(range.start),
                end.max(range.end).saturating_add_signed(grow),
            ),
        });
        delta += grow;
    }
    let (start, end) = span?;
    let removed = (end - start).checked_add_signed(-delta)?;
    Some((start, removed, end - start))
}

/// What the editor reports after drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct EditorOutput {
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
    doc: &Document,
    view: &mut EditorView,
    fold: bool,
    find: Option<&str>,
    (marks, commands): (&SpellMarks<'_>, &mut crate::command::Requests),
) -> EditorOutput {
    let ctx = ui.ctx().clone();
    let unfold = ctx
        .data_mut(|d| d.remove_temp::<bool>(unfold_id()))
        .unwrap_or(false);
    let prefix = foldable_prefix(doc.text());
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
        let lines = doc.text()[..prefix].lines().count();
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
        marks,
        commands,
    };
    let out = view::show(ui, doc, view, around);
    EditorOutput {
        top_byte: out.top_byte,
        fold: fold_out,
        asked: out.asked,
    }
}

/// Whether the editor, or nothing, has the keyboard focus (no other field is being typed in).
pub fn may_take_focus(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused().is_none_or(|f| f == editor_id()))
}

/// The session set the selection of `doc`: scroll it into view on the next frame (a
/// selection in the folded front matter unfolds it), taking the focus when `focus`.
pub fn reveal(ctx: &egui::Context, doc: &Document, focus: bool) {
    if doc.selection().range().start < hidden(ctx, doc.text()) {
        ctx.data_mut(|d| {
            d.insert_temp(fold_id(), false);
            d.insert_temp(unfold_id(), true);
        });
    }
    let mut state = EditorState::load(ctx).for_doc(doc);
    state.preferred_x = None;
    state.reveal = true;
    state.store(ctx);
    if focus {
        ctx.memory_mut(|m| m.request_focus(editor_id()));
    }
}

/// The keys, text and input-method events of this frame that are the editor's: none
/// unless it has the keyboard focus.
pub fn events(ctx: &egui::Context) -> Vec<egui::Event> {
    if !ctx.memory(|m| m.has_focus(editor_id())) {
        return Vec::new();
    }
    let filter = egui::EventFilter {
        tab: true,
        horizontal_arrows: true,
        vertical_arrows: true,
        escape: false,
    };
    ctx.input(|i| i.filtered_events(&filter))
}

/// What the user did with one of [`events`], read against `doc` as it is now. The window
/// gives the ops to the session before reading the next event.
pub fn handle(
    ctx: &egui::Context,
    view: &mut EditorView,
    doc: &Document,
    event: egui::Event,
) -> Vec<EditOp> {
    input_frame(ctx, view, doc, |f| f.event(event))
}

/// A composition that must end before this frame's events: the selection was moved away
/// from it (a jump), or the editor lost the keyboard focus.
pub fn end_interrupted_composition(
    ctx: &egui::Context,
    view: &mut EditorView,
    doc: &Document,
) -> Vec<EditOp> {
    let state = EditorState::load(ctx).for_doc(doc);
    let Some(at) = state.composing_at.filter(|_| state.preedit.is_some()) else {
        return Vec::new();
    };
    let focused = ctx.memory(|m| m.has_focus(editor_id()));
    if focused && at == doc.selection().head {
        return Vec::new();
    }
    input_frame(ctx, view, doc, |f| f.end_composition())
}

/// Run `act` on the editor's input state for `doc`: the ops it made.
fn input_frame(
    ctx: &egui::Context,
    view: &mut EditorView,
    doc: &Document,
    act: impl FnOnce(&mut input::Frame<'_>),
) -> Vec<EditOp> {
    let metrics = view.lines.metrics();
    view.sync(doc, metrics);
    let mut state = EditorState::load(ctx).for_doc(doc);
    let around = (view.hidden, view.wrap.max(40.0), view.page);
    let mut frame = input::Frame::new(ctx, doc, &mut view.lines, &mut state, around);
    act(&mut frame);
    let ops = frame.finish();
    state.store(ctx);
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(range: std::ops::Range<usize>, text: &str) -> EditOp {
        EditOp::Type {
            range,
            text: text.to_owned(),
        }
    }

    #[test]
    fn the_changed_span_covers_every_edit_of_an_event() {
        // (text, ops, the span): applying the span to the text gives what the ops give.
        type Span = Option<(usize, usize, usize)>;
        let table: [(&str, Vec<EditOp>, Span); 6] = [
            ("abc", vec![EditOp::Select { anchor: 0, head: 1 }], None),
            ("abc", vec![ty(1..1, "가")], Some((1, 0, 3))),
            (
                "abcdef",
                vec![ty(1..3, ""), EditOp::EndStep],
                Some((1, 2, 0)),
            ),
            // A composition put in, then what was typed after it.
            ("abc", vec![ty(3..3, "한"), ty(6..6, "!")], Some((3, 0, 4))),
            // Put in before the caret's edit (a commit where the composition stood).
            (
                "abcdef",
                vec![ty(5..5, "X"), ty(1..1, "YY")],
                Some((1, 4, 7)),
            ),
            (
                "abcdef",
                vec![ty(0..6, "z"), ty(1..1, "q")],
                Some((0, 6, 2)),
            ),
        ];
        for (text, ops, span) in table {
            assert_eq!(changed_span(&ops), span, "{ops:?}");
            let Some((at, removed, inserted)) = span else {
                continue;
            };
            let mut after = text.to_owned();
            for op in &ops {
                if let EditOp::Type { range, text } = op {
                    after.replace_range(range.clone(), text);
                }
            }
            let mut spliced = text.to_owned();
            spliced.replace_range(at..at + removed, &after[at..at + inserted]);
            assert_eq!(spliced, after, "{ops:?}");
        }
    }
}
