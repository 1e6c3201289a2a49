//! One line of the editor laid out for this frame (its galley, where it stands, the
//! composition shown in it), and the layout itself: what drawing and the keyboard's line
//! motions both measure.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, Galley};
use egui::{Rect, Vec2, vec2};

use super::lines::Lines;
use crate::ui::highlight;

/// One line laid out this frame: its top (content coordinates), its bytes (without the
/// line break) and its galley.
#[derive(Clone)]
pub(super) struct Placed {
    pub top: f32,
    pub range: Range<usize>,
    pub galley: Arc<Galley>,
    /// The composition is shown in this line at this byte, this many characters long.
    pub preedit: Option<(usize, usize)>,
}

impl Placed {
    /// The character index in the galley of byte `at` of the text.
    pub fn char_of(&self, text: &str, at: usize) -> usize {
        let at = at.clamp(self.range.start, self.range.end);
        let chars = text[self.range.start..at].chars().count();
        match self.preedit {
            Some((p, n)) if at >= p => chars + n,
            _ => chars,
        }
    }

    /// The byte of the text at character `c` of the galley.
    pub fn byte_of(&self, text: &str, c: usize) -> usize {
        let line = &text[self.range.clone()];
        let c = match self.preedit {
            Some((p, n)) => {
                let before = text[self.range.start..p.min(self.range.end)]
                    .chars()
                    .count();
                if c > before {
                    c.saturating_sub(n).max(before)
                } else {
                    c
                }
            }
            None => c,
        };
        self.range.start + line.char_indices().nth(c).map_or(line.len(), |(i, _)| i)
    }

    /// The caret's rectangle (galley coordinates) at byte `at`.
    pub fn caret_rect(&self, text: &str, at: usize) -> Rect {
        self.galley
            .pos_from_cursor(CCursor::new(self.char_of(text, at)))
    }
}

/// Lay out line `i` of `text` (with the composition, when the caret is in it).
pub(super) fn layout(
    ctx: &egui::Context,
    text: &str,
    lines: &Lines,
    i: usize,
    preedit: Option<(usize, &str)>,
    wrap: f32,
) -> Placed {
    let range = lines.range(text, i);
    let line = &text[range.clone()];
    let (spans, _) = highlight::line(line, lines.state(i), i == 0);
    let preedit = preedit.filter(|(at, _)| range.contains(at) || *at == range.end);
    let job = highlight::line_job(
        line,
        &spans,
        preedit.map(|(at, s)| (at - range.start, s)),
        &ctx.global_style(),
        wrap,
    );
    let galley = ctx.fonts_mut(|f| f.layout_job(job));
    Placed {
        top: 0.0,
        preedit: preedit.map(|(at, s)| (at, s.chars().count())),
        range,
        galley,
    }
}

/// The byte at `pos` (content coordinates) among the lines laid out.
pub(super) fn hit(text: &str, placed: &[Placed], pos: Vec2) -> Option<usize> {
    let p = placed
        .iter()
        .find(|p| pos.y < p.top + p.galley.size().y)
        .or(placed.last())?;
    let c = p.galley.cursor_from_pos(vec2(pos.x, pos.y - p.top));
    Some(p.byte_of(text, c.index.0))
}

/// The rectangles (galley coordinates) covering characters `from..to` of a galley.
pub(super) fn range_rects(galley: &Galley, from: usize, to: usize) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut start = 0;
    for row in &galley.rows {
        let n = row.char_count_excluding_newline().0;
        let (a, b) = (from.max(start), to.min(start + n));
        if a < b || (a == b && from < to && a == start + n && from <= start + n && to > start + n) {
            let x0 = row.pos.x + row.x_offset(egui::text::CharIndex(a - start));
            let x1 = row.pos.x + row.x_offset(egui::text::CharIndex(b - start));
            let r = row.rect();
            // A selection that goes on past the row's end shows a little of it.
            let x1 = if to > start + n { x1 + 4.0 } else { x1 };
            rects.push(Rect::from_x_y_ranges(x0..=x1, r.y_range()));
        }
        start += row.char_count_including_newline().0;
    }
    rects
}
