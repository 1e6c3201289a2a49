//! The Markdown editor: a multi-line text edit with cached syntax highlighting, and the
//! front matter folded away on request (the form shows it). Every caret helper here counts
//! in bytes of the whole post text, folded or not.

use std::ops::Range;

use egui::text::{CCursor, CCursorRange, CharIndex};
use egui::{Id, Ui};

use super::highlight::Highlighter;
use super::labels;
use crate::i18n::tr;
use crate::journal::front_matter::{self, FrontMatter};
use crate::tr;

/// The editor's widget id (stable, so commands can move its cursor).
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

/// What the editor reports after drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EditorOutput {
    /// The user changed the text.
    pub changed: bool,
    /// The vertical scroll offset.
    pub offset: f32,
    /// The byte offset of the first visible line, when the scroll offset moved since `previous`.
    pub top_byte: Option<usize>,
    /// The front matter should be folded (`Some(true)`) or shown (`Some(false)`) from now on:
    /// the user toggled it, or a jump went into it.
    pub fold: Option<bool>,
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

/// The post text after its first `start` bytes, as the text edit's buffer: edits land in
/// the whole text, nothing is copied.
struct Body<'a> {
    text: &'a mut String,
    start: usize,
}

impl Body<'_> {
    fn byte(&self, char_index: CharIndex) -> usize {
        let body = self.as_str_inner();
        self.start
            + body
                .char_indices()
                .nth(char_index.0)
                .map_or(body.len(), |(b, _)| b)
    }

    fn as_str_inner(&self) -> &str {
        &self.text[self.start..]
    }
}

impl egui::TextBuffer for Body<'_> {
    fn is_mutable(&self) -> bool {
        true
    }

    fn as_str(&self) -> &str {
        self.as_str_inner()
    }

    fn insert_text(&mut self, text: &str, char_index: CharIndex) -> usize {
        let at = self.byte(char_index);
        self.text.insert_str(at, text);
        text.chars().count()
    }

    fn delete_char_range(&mut self, char_range: Range<CharIndex>) {
        let (start, end) = (self.byte(char_range.start), self.byte(char_range.end));
        self.text.drain(start..end.max(start));
    }

    fn type_id(&self) -> std::any::TypeId {
        std::any::TypeId::of::<Body<'static>>()
    }
}

/// Move the stored caret by `chars` (when the fold changes what char 0 is).
fn shift_cursor(ctx: &egui::Context, chars: isize) {
    let Some(mut state) = egui::TextEdit::load_state(ctx, editor_id()) else {
        return;
    };
    if let Some(range) = state.cursor.char_range() {
        let shift = |c: CCursor| CCursor::new(c.index.0.saturating_add_signed(chars));
        state.cursor.set_char_range(Some(CCursorRange::two(
            shift(range.secondary),
            shift(range.primary),
        )));
        state.store(ctx, editor_id());
    }
}

/// Draw the editor for `text`; `previous_offset` is the scroll offset of the last frame;
/// `fold` hides the front matter (when it is valid; the form shows it).
pub fn editor(
    ui: &mut Ui,
    text: &mut String,
    highlighter: &mut Highlighter,
    previous_offset: f32,
    fold: bool,
) -> EditorOutput {
    let ctx = ui.ctx().clone();
    let unfold = ctx
        .data_mut(|d| d.remove_temp::<bool>(unfold_id()))
        .unwrap_or(false);
    let prefix = foldable_prefix(text);
    let active = fold && !unfold && prefix > 0;
    let was_active = ctx.data(|d| d.get_temp::<bool>(fold_id())).unwrap_or(false);
    if active != was_active && prefix > 0 {
        // The caret stays on the same character of the post.
        let chars = text[..prefix].chars().count() as isize;
        shift_cursor(&ctx, if active { -chars } else { chars });
    }
    ctx.data_mut(|d| d.insert_temp(fold_id(), active));
    let start = if active { prefix } else { 0 };
    let mut fold_out = unfold.then_some(false);
    let style = ui.style().clone();
    let mut layouter = |ui: &Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
        let job = highlighter.layout_job(buf.as_str(), &style, wrap_width);
        ui.fonts_mut(|f| f.layout_job(job))
    };
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
        let lines = text[..prefix].lines().count();
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
    let mut changed = false;
    let mut body = Body { text, start };
    let out = egui::ScrollArea::vertical()
        .id_salt("editor-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let output = egui::TextEdit::multiline(&mut body)
                .id(editor_id())
                .desired_width(f32::INFINITY)
                .min_size(egui::vec2(0.0, ui.available_height()))
                .lock_focus(true)
                .layouter(&mut layouter)
                .show(ui);
            changed = output.response.response.labelled_by(label.id).changed();
            (output.galley, output.galley_pos)
        });
    let offset = out.state.clamped_offset().y;
    let top_byte = ((offset - previous_offset).abs() > 0.5).then(|| {
        let (galley, galley_pos) = &out.inner;
        let y = (out.inner_rect.top() - galley_pos.y).max(0.0);
        let chars = galley.cursor_from_pos(egui::vec2(0.0, y)).index.0;
        body.byte(CharIndex(chars))
    });
    EditorOutput {
        changed,
        offset,
        top_byte,
        fold: fold_out,
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

/// Select `bytes` of `text` in the editor without moving the keyboard focus. A selection
/// in the folded front matter unfolds it.
pub fn set_selection(ctx: &egui::Context, text: &str, bytes: Range<usize>) {
    let mut hidden = hidden(ctx, text);
    if bytes.start < hidden {
        ctx.data_mut(|d| {
            d.insert_temp(fold_id(), false);
            d.insert_temp(unfold_id(), true);
        });
        hidden = 0;
    }
    let to_char = |b: usize| text[hidden..b.clamp(hidden, text.len())].chars().count();
    let id = editor_id();
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(to_char(bytes.start)),
        CCursor::new(to_char(bytes.end)),
    )));
    state.store(ctx, id);
}

/// The editor's cursor as a byte offset into `text`, if it has one.
pub fn cursor_byte(ctx: &egui::Context, text: &str) -> Option<usize> {
    let state = egui::TextEdit::load_state(ctx, editor_id())?;
    let range = state.cursor.char_range()?;
    let chars = range.primary.index.0;
    let hidden = hidden(ctx, text);
    let body = &text[hidden..];
    Some(
        hidden
            + body
                .char_indices()
                .nth(chars)
                .map_or(body.len(), |(b, _)| b),
    )
}
