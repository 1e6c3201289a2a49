//! Drawing the editor: the lines on screen (and a margin) laid out from the line index,
//! measured heights fed back to it with the scroll position held steady, the mouse turned
//! into a caret or selection (ops for the session, drawn at once), then the selection, find
//! matches, text, caret and composition painted; the input method told where the caret is;
//! the node screen readers read.

use egui::{PointerButton, Pos2, Rect, Sense, Ui, pos2, vec2};

use super::lines::Metrics;
use super::placed::{Placed, hit, layout, range_rects};
use super::spell_marks::{self, SpellMarks};
use super::{EditorState, EditorView, editor_id, input, motion};
use crate::command::Command;
use crate::session::document::{Document, Selection};

/// Space around the text inside the editor's frame.
const MARGIN: f32 = 4.0;

/// What one frame of the editor did.
pub(super) struct Shown {
    pub top_byte: Option<usize>,
    /// A misspelt word was right-clicked.
    pub asked: Option<crate::site::spelling::Misspelt>,
}

/// What a frame of the editor draws besides the text.
pub(super) struct Around<'a> {
    /// Bytes folded away at the start.
    pub hidden: usize,
    /// Highlighted wherever it is on screen.
    pub find: Option<&'a str>,
    /// The label the editor is read by.
    pub label: egui::Id,
    pub marks: &'a SpellMarks<'a>,
    pub commands: &'a mut crate::command::Requests,
}

pub(super) fn show(
    ui: &mut Ui,
    doc: &Document,
    view: &mut EditorView,
    around: Around<'_>,
) -> Shown {
    let Around {
        hidden,
        find,
        label,
        marks,
        commands,
    } = around;
    let id = editor_id();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let row = ui.fonts_mut(|f| f.row_height(&body));
    let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin;
    let wrap = (ui.available_width() - bar - 2.0 * MARGIN).max(40.0);
    let metrics = Metrics {
        row,
        byte: body.size * 0.4,
        wrap,
    };
    view.sync(doc, metrics);
    view.lines.set_metrics(doc.text(), metrics);
    let mut state = EditorState::load(ui.ctx()).for_doc(doc);
    let text = doc.text();
    let first_line = view.lines.line_of(hidden);
    let hidden_top = view.lines.top(first_line);
    let mut area = egui::ScrollArea::vertical()
        .id_salt("editor-scroll")
        .auto_shrink([false, false])
        // A drag selects text; the wheel and the bar scroll.
        .scroll_source(
            egui::scroll_area::ScrollSource::SCROLL_BAR
                | egui::scroll_area::ScrollSource::MOUSE_WHEEL,
        );
    let programmatic = view.pending_offset.is_some();
    if let Some(y) = view.pending_offset.take() {
        area = area.vertical_scroll_offset(y.max(0.0));
    }
    let fill = ui.visuals().extreme_bg_color;
    let mut settled = 0.0;
    let mut asked = None;
    let out = area.show_viewport(ui, |ui, viewport| {
        let total = view.lines.top(view.lines.len()) - hidden_top;
        ui.set_min_size(vec2(wrap + 2.0 * MARGIN, total + 2.0 * MARGIN));
        let origin = ui.min_rect().min + vec2(MARGIN, MARGIN);
        let screen = viewport.translate(ui.min_rect().min.to_vec2());
        ui.painter().rect_filled(screen, 0.0, fill);
        let response = ui
            .interact(screen, id, Sense::click_and_drag())
            .labelled_by(label);
        // Owned by focus in egui, not the window's focus: the input method keeps talking to
        // the window while another program (the input method's own) is in front.
        let has_focus = ui.memory(|m| m.has_focus(id));
        if response.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
        }
        // What was on screen last frame, for the mouse.
        let placed = std::mem::take(&mut view.placed);
        let ctx = ui.ctx().clone();
        let around = (hidden, wrap, viewport.height());
        let mut frame = input::Frame::new(&ctx, doc, &mut view.lines, &mut state, around);
        // A press of the mouse, not egui's keyboard "click" (Space or Enter on the focused
        // widget), which the input method sends while it commits a syllable.
        if response.is_pointer_button_down_on() || response.clicked_by(PointerButton::Primary) {
            frame.end_composition();
            if !has_focus {
                ui.memory_mut(|m| m.request_focus(id));
            }
        }
        pointer(&mut frame, &response, &placed, origin);
        let shown = (frame.anchor, frame.head);
        let ops = frame.finish();
        if !ops.is_empty() {
            // Drawn now; the session takes it after this frame.
            commands.push(Command::Edit(ops));
        }
        if has_focus {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        tab: true,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: false,
                    },
                );
            });
        }
        // Lay out what is on screen now, plus half a screen either side.
        let margin = viewport.height() * 0.5;
        let preedit = state
            .preedit
            .as_deref()
            .filter(|_| has_focus)
            .map(|p| (shown.1, p));
        let mut placed = Vec::new();
        let mut i = view
            .lines
            .line_at_y(hidden_top + (viewport.min.y - margin).max(0.0));
        i = i.max(first_line);
        let anchor = view.lines.line_at_y(hidden_top + viewport.min.y);
        let first_placed = i;
        let mut shift = 0.0;
        while i < view.lines.len() {
            let top = view.lines.top(i) - hidden_top;
            if top > viewport.max.y + margin {
                break;
            }
            let mut p = layout(ui.ctx(), text, &view.lines, i, preedit, wrap);
            let delta = view.lines.measured(i, p.galley.size().y.max(row));
            if i < anchor {
                shift += delta;
            }
            p.top = top;
            placed.push(p);
            i += 1;
        }
        // Lines above the first one shown settled (measured, not estimated any more): that
        // line stays where it was on screen — drawn this frame as far up as they grew, and
        // scrolled by as much from the next frame on — so the text never jumps.
        // In whole pixels, so this frame and the next round the text to the same rows.
        let ppp = ui.ctx().pixels_per_point();
        let shift = (shift * ppp).round() / ppp;
        settled = shift;
        for (k, p) in placed.iter_mut().enumerate() {
            p.top = view.lines.top(first_placed + k) - hidden_top - shift;
        }
        paint(ui, text, &placed, shown, origin, has_focus, find);
        spell_marks::paint(ui, text, &placed, origin, marks);
        asked = spell_marks::menu(ui, &response, text, &placed, origin, marks, commands);
        let head = shown.1;
        let caret = placed
            .iter()
            .find(|p| p.range.start <= head && head <= p.range.end)
            .map(|p| {
                p.caret_rect(text, head)
                    .translate(origin.to_vec2() + vec2(0.0, p.top))
            });
        if state.reveal {
            state.reveal = false;
            let line = view.lines.line_of(head);
            let rect = caret.unwrap_or_else(|| {
                let top = origin.y + view.lines.top(line) - hidden_top;
                Rect::from_min_size(pos2(origin.x, top), vec2(1.0, row))
            });
            ui.scroll_to_rect(rect.expand(row), None);
        }
        if has_focus && let Some(caret) = caret {
            let to_global = ui
                .ctx()
                .layer_transform_to_global(ui.layer_id())
                .unwrap_or_default();
            ui.output_mut(|o| {
                o.ime = Some(egui::output::IMEOutput {
                    purpose: egui::IMEPurpose::Normal,
                    rect: to_global * screen,
                    cursor_rect: to_global * caret,
                    should_interrupt_composition: false,
                });
            });
        }
        accessibility(ui, &response, text, &placed);
        view.placed = placed;
        view.page = viewport.height();
    });
    view.hidden = hidden;
    view.wrap = wrap;
    state.store(ui.ctx());
    if settled != 0.0 {
        // From where the scroll area goes next (a wheel still moving it included).
        view.pending_offset = Some(out.state.clamped_offset().y + settled);
        ui.ctx().request_repaint();
    }
    let offset = out.state.clamped_offset().y;
    let moved = (offset - view.offset).abs() > 0.5;
    view.offset = offset;
    let top_byte = (moved && !programmatic).then(|| {
        let line = view.lines.line_at_y(hidden_top + offset);
        view.lines.start(line)
    });
    Shown { top_byte, asked }
}

/// The mouse: a press puts the caret (shift extends), a drag selects, a double click the
/// word, a triple click the line.
fn pointer(ctx: &mut input::Frame<'_>, response: &egui::Response, placed: &[Placed], origin: Pos2) {
    let Some(pos) = response.interact_pointer_pos() else {
        return;
    };
    let Some(at) = hit(ctx.text, placed, pos - origin) else {
        return;
    };
    let at = at.max(ctx.hidden);
    let text = ctx.text;
    let (pressed, shift) = ctx
        .ctx
        .input(|i| (i.pointer.any_pressed(), i.modifiers.shift));
    if response.triple_clicked() {
        let r = motion::line_at(text, at);
        ctx.select(r.start, r.end);
    } else if response.double_clicked() {
        let r = motion::word_at(text, at);
        ctx.select(r.start, r.end);
    } else if pressed
        && (response.is_pointer_button_down_on() || response.clicked_by(PointerButton::Primary))
    {
        let anchor = if shift { ctx.anchor } else { at };
        ctx.select(anchor, at);
    } else if response.dragged() {
        ctx.select(ctx.anchor, at);
    }
}

fn paint(
    ui: &Ui,
    text: &str,
    placed: &[Placed],
    (anchor, head): (usize, usize),
    origin: Pos2,
    has_focus: bool,
    find: Option<&str>,
) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    let selection = Selection { anchor, head }.range();
    let find_fill = visuals.warn_fg_color.gamma_multiply(0.25);
    for p in placed {
        let at = origin + vec2(0.0, p.top);
        if let Some(query) = find.filter(|q| !q.is_empty()) {
            let line = &text[p.range.clone()];
            for (i, _) in line.match_indices(query) {
                let (a, b) = (p.range.start + i, p.range.start + i + query.len());
                for r in range_rects(&p.galley, p.char_of(text, a), p.char_of(text, b)) {
                    painter.rect_filled(r.translate(at.to_vec2()), 2.0, find_fill);
                }
            }
        }
        if !selection.is_empty()
            && selection.start <= p.range.end + 1
            && selection.end >= p.range.start
        {
            let a = p.char_of(text, selection.start);
            let b = if selection.end > p.range.end {
                usize::MAX
            } else {
                p.char_of(text, selection.end)
            };
            let fill = visuals
                .selection
                .bg_fill
                .gamma_multiply(if has_focus { 1.0 } else { 0.5 });
            for r in range_rects(&p.galley, a, b) {
                painter.rect_filled(r.translate(at.to_vec2()), 0.0, fill);
            }
        }
        painter.galley(at, p.galley.clone(), visuals.text_color());
        if has_focus && p.range.start <= head && head <= p.range.end {
            let r = p.caret_rect(text, head).translate(at.to_vec2());
            let stroke = visuals.text_cursor.stroke;
            painter.line_segment([r.center_top(), r.center_bottom()], stroke);
        }
    }
}

/// The node screen readers (and tests) read: a multi-line text input whose value is the
/// text on screen — the caret's surroundings — not the whole post.
fn accessibility(ui: &Ui, response: &egui::Response, text: &str, placed: &[Placed]) {
    let shown = match (placed.first(), placed.last()) {
        (Some(a), Some(b)) => &text[a.range.start..b.range.end],
        _ => "",
    };
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::MultilineTextInput);
        node.set_value(shown);
    });
}
