//! The Markdown editor: a multi-line text edit with cached syntax highlighting.

use std::ops::Range;

use egui::text::{CCursor, CCursorRange};
use egui::{Id, Ui};

use super::highlight::Highlighter;
use super::labels;

/// The editor's widget id (stable, so commands can move its cursor).
pub fn editor_id() -> Id {
    Id::unique("daybook-editor")
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
}

/// Draw the editor for `text`; `previous_offset` is the scroll offset of the last frame.
pub fn editor(
    ui: &mut Ui,
    text: &mut String,
    highlighter: &mut Highlighter,
    previous_offset: f32,
) -> EditorOutput {
    let style = ui.style().clone();
    let mut layouter = |ui: &Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
        let job = highlighter.layout_job(buf.as_str(), &style, wrap_width);
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let label = ui.label(labels::EDITOR);
    let mut changed = false;
    let out = egui::ScrollArea::vertical()
        .id_salt("editor-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let output = egui::TextEdit::multiline(text)
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
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(b, _)| b)
    });
    EditorOutput {
        changed,
        offset,
        top_byte,
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

/// Select `bytes` of `text` in the editor without moving the keyboard focus.
pub fn set_selection(ctx: &egui::Context, text: &str, bytes: Range<usize>) {
    let to_char = |b: usize| text[..b.min(text.len())].chars().count();
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
    Some(
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(b, _)| b),
    )
}
