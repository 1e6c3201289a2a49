//! The keyboard, the clipboard and the input method, turned into what the user did to the
//! text: [`EditOp`]s for the session (typing until a pause is one undo step; an input
//! method's commit is a step of its own) and moves of the selection. Nothing here changes
//! the text: the window gives the ops to the session one event at a time, before the
//! frame is drawn, so the next event reads the text they made.
//!
//! The input method, on egui's rules: its events are read only while the editor has the
//! focus (it then owns them); what it composes is shown at the caret but never enters the
//! text, the history, autosave or the highlighter until committed; while composing, the
//! arrows, Enter and Backspace are the input method's. A click, a jump, typed text or focus
//! leaving mid-composition ends it here — the composed text is put in once — and the input method
//! is interrupted; if it commits the same text afterwards, that copy is dropped. The input
//! method clears its composition before it commits it, and the key it then forwards (Space,
//! Enter) can arrive between the two: the commit goes where the composition stood.

use std::ops::Range;

use egui::text::CCursor;
use egui::{Event, ImeEvent, Key, Modifiers, vec2};

use super::lines::Lines;
use super::placed::layout;
use super::{EditorState, motion};
use crate::command::EditOp;
use crate::session::document::{Document, Selection};

/// How long after the editor ended a composition a commit of the same text is its late copy.
const LATE_COMMIT_SECONDS: f64 = 1.0;

/// What the editor works on for one event (or the mouse of one frame).
pub(super) struct Frame<'a> {
    pub ctx: &'a egui::Context,
    /// The open post's text before this event's ops: read, never changed here.
    pub text: &'a str,
    pub lines: &'a mut Lines,
    pub state: &'a mut EditorState,
    /// The selection after the ops so far.
    pub anchor: usize,
    pub head: usize,
    /// The post may not be edited (a link to a file outside the site).
    pub read_only: bool,
    /// Bytes folded away at the start: never edited, the caret stays after them.
    pub hidden: usize,
    pub wrap: f32,
    /// The height of the screen of text (Page Up and Page Down).
    pub page: f32,
    /// What the user did, for the session, in order.
    pub ops: Vec<EditOp>,
    /// The document's selection when this frame began.
    before: (usize, usize),
}

impl<'a> Frame<'a> {
    /// A frame over `doc` as it is now, its selection kept after the `hidden` bytes.
    pub fn new(
        ctx: &'a egui::Context,
        doc: &'a Document,
        lines: &'a mut Lines,
        state: &'a mut EditorState,
        (hidden, wrap, page): (usize, f32, f32),
    ) -> Frame<'a> {
        let selection = doc.selection();
        Frame {
            ctx,
            text: doc.text(),
            lines,
            state,
            anchor: selection.anchor.max(hidden),
            head: selection.head.max(hidden),
            read_only: doc.read_only.is_some(),
            hidden,
            wrap,
            page,
            ops: Vec::new(),
            before: (selection.anchor, selection.head),
        }
    }

    pub fn select(&mut self, anchor: usize, head: usize) {
        self.anchor = anchor.max(self.hidden);
        self.head = head.max(self.hidden);
        self.state.preferred_x = None;
    }

    /// The selection as a range, start first.
    fn selection(&self) -> Range<usize> {
        Selection {
            anchor: self.anchor,
            head: self.head,
        }
        .range()
    }

    /// Replace `range` with `with`; the caret goes after it.
    fn replace(&mut self, range: Range<usize>, with: &str) {
        let range = range.start.max(self.hidden)..range.end.max(self.hidden);
        if range.is_empty() && with.is_empty() || self.read_only {
            return;
        }
        if let Some((at, _)) = &mut self.state.awaiting_commit {
            // Text put at the composition's place goes after it (it was typed after it).
            if *at > range.start {
                *at = (*at).max(range.end) - range.len() + with.len();
            }
        }
        let at = range.start + with.len();
        self.ops.push(EditOp::Type {
            range,
            text: with.to_owned(),
        });
        self.select(at, at);
        self.state.reveal = true;
    }

    fn insert(&mut self, with: &str) {
        let range = self.selection();
        self.replace(range, with);
    }

    /// Put `text` in at `at` rather than at the caret; the selection stays on the same text.
    fn insert_at(&mut self, at: usize, text: &str) {
        let (anchor, head) = (self.anchor, self.head);
        self.replace(at..at, text);
        let shift = |p: usize| if p >= at { p + text.len() } else { p };
        self.select(shift(anchor), shift(head));
    }

    fn end_step(&mut self) {
        self.ops.push(EditOp::EndStep);
    }

    /// Put what is being composed into the text (once), where it was being composed, and
    /// interrupt the input method.
    pub fn end_composition(&mut self) {
        let at = self.state.composing_at.take();
        let Some(composed) = self.state.preedit.take() else {
            return;
        };
        self.ctx.memory_mut(|m| m.interrupt_ime());
        let time = self.ctx.input(|i| i.time);
        self.end_step();
        match at {
            Some(at) if at != self.head => self.insert_at(at, &composed),
            _ => self.insert(&composed),
        }
        self.end_step();
        self.state.late_commit = Some((composed, time));
    }

    /// The ops with the selection they leave last, when anything changed.
    pub fn finish(mut self) -> Vec<EditOp> {
        if !self.ops.is_empty() || (self.anchor, self.head) != self.before {
            self.ops.push(EditOp::Select {
                anchor: self.anchor,
                head: self.head,
            });
        }
        self.ops
    }

    /// Handle one event.
    pub fn event(&mut self, event: Event) {
        match event {
            Event::Ime(ime) => self.ime(ime),
            Event::Text(text) if !text.is_empty() && text != "\n" && text != "\r" => {
                // Typed text during a composition comes after what was composed.
                self.end_composition();
                self.insert(&text);
            }
            Event::Copy => self.copy(),
            Event::Cut => {
                self.copy();
                self.insert("");
            }
            Event::Paste(text) if !text.is_empty() => {
                self.end_composition();
                self.insert(&text.replace("\r\n", "\n"));
            }
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } if self.state.preedit.is_none() => self.key(key, modifiers),
            _ => {}
        }
    }

    fn copy(&mut self) {
        let r = self.selection();
        if !r.is_empty() {
            let copied = self.text[r].to_owned();
            self.ctx.copy_text(copied);
        }
    }

    fn ime(&mut self, ime: ImeEvent) {
        match ime {
            ImeEvent::Preedit { text, .. } => {
                if text == "\n" || text == "\r" {
                    return;
                }
                if text.is_empty() {
                    self.state.composing_at = None;
                    if self.state.preedit.take().is_some() {
                        let time = self.ctx.input(|i| i.time);
                        self.state.awaiting_commit = Some((self.head, time));
                    }
                } else {
                    self.state.late_commit = None;
                    self.state.awaiting_commit = None;
                    if self.state.preedit.is_none() {
                        if !self.selection().is_empty() {
                            self.insert("");
                        }
                        self.state.composing_at = Some(self.head);
                    }
                    self.state.preedit = Some(text);
                    self.state.reveal = true;
                }
            }
            ImeEvent::Commit(text) => {
                let now = self.ctx.input(|i| i.time);
                let late = self
                    .state
                    .late_commit
                    .take()
                    .filter(|(late, at)| *late == text && now - at < LATE_COMMIT_SECONDS);
                let awaiting = self
                    .state
                    .awaiting_commit
                    .take()
                    .filter(|(_, at)| now - at < LATE_COMMIT_SECONDS);
                let composing = self.state.preedit.take().is_some();
                self.state.composing_at = None;
                if text == "\n" || text == "\r" || (late.is_some() && !composing) {
                    return;
                }
                if text.is_empty() {
                    return;
                }
                self.end_step();
                match awaiting {
                    // Keys forwarded after the composition landed first: the commit goes
                    // before them, and the caret stays after them.
                    Some((at, _)) if !composing && at != self.head => {
                        self.insert_at(at, &text);
                    }
                    _ => self.insert(&text),
                }
                self.end_step();
            }
            ImeEvent::DeleteSurrounding {
                before_chars,
                after_chars,
            } => {
                let at = self.head;
                let r = motion::surrounding(self.text, at, before_chars, after_chars);
                self.replace(r, "");
            }
            #[expect(deprecated)]
            ImeEvent::Enabled | ImeEvent::Disabled => {}
        }
    }

    fn key(&mut self, key: Key, m: Modifiers) {
        let text = self.text;
        let head = self.head;
        let word = m.command || m.alt;
        let selection = self.selection();
        let target = match key {
            Key::ArrowLeft if !m.shift && !selection.is_empty() && !word => selection.start,
            Key::ArrowRight if !m.shift && !selection.is_empty() && !word => selection.end,
            Key::ArrowLeft if word => motion::word_left(text, head),
            Key::ArrowRight if word => motion::word_right(text, head),
            Key::ArrowLeft => motion::prev_char(text, head),
            Key::ArrowRight => motion::next_char(text, head),
            Key::ArrowUp | Key::ArrowDown => {
                let down = key == Key::ArrowDown;
                return self.vertical(if down { 1.0 } else { -1.0 }, None, m.shift);
            }
            Key::PageUp | Key::PageDown => {
                let down = key == Key::PageDown;
                let page = self.page;
                return self.vertical(0.0, Some(if down { page } else { -page }), m.shift);
            }
            Key::Home if m.command => self.hidden,
            Key::End if m.command => text.len(),
            Key::Home | Key::End => self.row_end(key == Key::End),
            Key::A if m.command => {
                let end = text.len();
                self.select(self.hidden, end);
                return;
            }
            Key::Backspace | Key::Delete => {
                let r = if !selection.is_empty() {
                    selection
                } else if key == Key::Backspace {
                    let from = if word {
                        motion::word_left(text, head)
                    } else {
                        motion::prev_char(text, head)
                    };
                    from..head
                } else {
                    let to = if word {
                        motion::word_right(text, head)
                    } else {
                        motion::next_char(text, head)
                    };
                    head..to
                };
                self.replace(r, "");
                return;
            }
            Key::Enter => {
                self.insert("\n");
                return;
            }
            Key::Tab if m.shift => {
                self.outdent();
                return;
            }
            Key::Tab => {
                self.insert("\t");
                return;
            }
            _ => return,
        };
        let anchor = if m.shift { self.anchor } else { target };
        self.select(anchor, target);
        self.state.reveal = true;
    }

    /// Remove one tab or up to four spaces from the start of the caret's line.
    fn outdent(&mut self) {
        let line = self.lines.range(self.text, self.lines.line_of(self.head));
        let indent = &self.text[line.start..line.end];
        let n = if indent.starts_with('\t') {
            1
        } else {
            indent.bytes().take(4).take_while(|b| *b == b' ').count()
        };
        let (anchor, head) = (self.anchor, self.head);
        self.replace(line.start..line.start + n, "");
        self.select(
            anchor.saturating_sub(n).max(line.start),
            head.saturating_sub(n).max(line.start),
        );
    }

    /// The start or end of the caret's row (a wrapped line has several).
    fn row_end(&mut self, end: bool) -> usize {
        let text = self.text;
        let line = self.lines.line_of(self.head);
        let p = layout(self.ctx, text, self.lines, line, None, self.wrap);
        let c = p.char_of(text, self.head);
        let cursor = p.galley.layout_from_cursor(CCursor::new(c));
        let mut start = 0;
        for row in &p.galley.rows[..cursor.row.min(p.galley.rows.len())] {
            start += row.char_count_including_newline().0;
        }
        let target = match p.galley.rows.get(cursor.row) {
            Some(row) if end => start + row.char_count_excluding_newline().0,
            _ => start,
        };
        p.byte_of(text, target)
    }

    /// Move the caret `rows` rows, or `pixels` down (negative: up), keeping its x.
    fn vertical(&mut self, rows: f32, pixels: Option<f32>, extend: bool) {
        let text = self.text;
        let line = self.lines.line_of(self.head);
        let p = layout(self.ctx, text, self.lines, line, None, self.wrap);
        let caret = p.caret_rect(text, self.head);
        let x = self.state.preferred_x.unwrap_or(caret.min.x);
        let row = self.lines.metrics().row;
        let top = self.lines.top(line);
        let y = top + caret.center().y + pixels.unwrap_or(rows * row.max(caret.height()));
        let first = self.lines.line_of(self.hidden);
        let target = if y < self.lines.top(first) {
            self.hidden
        } else if y >= self.lines.top(self.lines.len()) {
            text.len()
        } else {
            let i = self.lines.line_at_y(y);
            let q = layout(self.ctx, text, self.lines, i, None, self.wrap);
            let q_top = self.lines.top(i);
            let c = q.galley.cursor_from_pos(vec2(x, y - q_top));
            q.byte_of(text, c.index.0)
        };
        let anchor = if extend { self.anchor } else { target };
        self.select(anchor, target);
        self.state.preferred_x = Some(x);
        self.state.reveal = true;
    }
}
