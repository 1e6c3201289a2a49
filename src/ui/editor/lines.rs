//! The editor's index of the post's lines: where each starts, the highlighting state it
//! starts in, and its height (measured when it was last drawn, estimated until then), kept
//! in step with each edit so nothing is recomputed for the whole post while typing.

use std::ops::Range;

use crate::ui::highlight::{self, LineState};

/// Line starts, states and heights of one text.
#[derive(Debug, Default)]
pub struct Lines {
    /// Byte offset of each line's start; the first is 0.
    starts: Vec<usize>,
    /// The highlighting state each line starts in.
    states: Vec<LineState>,
    /// Each line's height, and whether it was measured (or estimated).
    heights: Vec<(f32, bool)>,
    /// The top of each line, valid before `tops_valid` lines; the rest are recomputed when
    /// asked, only as far as asked (typing near the caret does not walk the lines below).
    tops: Vec<f32>,
    tops_valid: usize,
    /// The sum of the heights, kept in step with every change of one.
    total: f32,
    /// The height of a row and the width of a byte the estimates use, and the wrap width.
    metrics: Metrics,
}

/// What an estimate of a line's height needs.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Metrics {
    pub row: f32,
    /// Width of an average byte of text (Hangul is three bytes, one wide glyph).
    pub byte: f32,
    pub wrap: f32,
}

impl Metrics {
    fn estimate(&self, bytes: usize) -> f32 {
        let per_row = (self.wrap / self.byte.max(0.1)).max(8.0);
        self.row * (bytes as f32 / per_row).ceil().max(1.0)
    }
}

impl Lines {
    /// The index of `text`, heights estimated with `metrics`.
    pub fn new(text: &str, metrics: Metrics) -> Lines {
        let mut lines = Lines {
            starts: vec![0],
            metrics,
            ..Lines::default()
        };
        lines.starts.extend(line_breaks(text, 0));
        lines.states = Vec::with_capacity(lines.starts.len());
        let mut state = LineState::first(text);
        for i in 0..lines.starts.len() {
            lines.states.push(state);
            state = highlight::state_after(lines.text(text, i), state, i == 0);
        }
        lines.heights = (0..lines.starts.len())
            .map(|i| (metrics.estimate(lines.range(text, i).len()), false))
            .collect();
        lines.total = lines.heights.iter().map(|h| h.0).sum();
        lines
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Never: a text has at least one (empty) line.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The bytes of line `i` without its line break.
    pub fn range(&self, text: &str, i: usize) -> Range<usize> {
        let start = self
            .starts
            .get(i)
            .copied()
            .unwrap_or(text.len())
            .min(text.len());
        let end = self
            .starts
            .get(i + 1)
            .map_or(text.len(), |next| next.saturating_sub(1))
            .clamp(start, text.len());
        let end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }

    /// Line `i` with its line break (what the highlighter reads).
    fn text<'t>(&self, text: &'t str, i: usize) -> &'t str {
        let start = self.starts[i].min(text.len());
        let end = self
            .starts
            .get(i + 1)
            .map_or(text.len(), |e| (*e).min(text.len()));
        &text[start..end.max(start)]
    }

    pub fn start(&self, i: usize) -> usize {
        self.starts.get(i).copied().unwrap_or(0)
    }

    pub fn state(&self, i: usize) -> LineState {
        self.states.get(i).copied().unwrap_or_default()
    }

    /// The line holding byte `at`.
    pub fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|s| *s <= at).saturating_sub(1)
    }

    pub fn metrics(&self) -> Metrics {
        self.metrics
    }

    /// New metrics (a resize, a font change): every height is estimated again.
    pub fn set_metrics(&mut self, text: &str, metrics: Metrics) {
        if metrics == self.metrics {
            return;
        }
        self.metrics = metrics;
        for i in 0..self.heights.len() {
            self.heights[i] = (metrics.estimate(self.range(text, i).len()), false);
        }
        self.total = self.heights.iter().map(|h| h.0).sum();
        self.tops_valid = 0;
    }

    pub fn height(&self, i: usize) -> f32 {
        self.heights.get(i).map_or(self.metrics.row, |h| h.0)
    }

    /// Line `i` measured `height` high; returns by how much it changed.
    pub fn measured(&mut self, i: usize, height: f32) -> f32 {
        let Some(h) = self.heights.get_mut(i) else {
            return 0.0;
        };
        let delta = height - h.0;
        *h = (height, true);
        self.total += delta;
        if delta.abs() > 0.01 {
            self.tops_valid = self.tops_valid.min(i + 1);
        }
        delta
    }

    /// Make the tops valid through line `i` (at most `len()`, the bottom of the last).
    fn ensure_tops(&mut self, i: usize) {
        let n = self.heights.len();
        if self.tops.len() != n + 1 {
            self.tops.resize(n + 1, 0.0);
            self.tops_valid = self.tops_valid.min(n + 1);
        }
        self.tops[0] = 0.0;
        let i = i.min(n);
        for k in self.tops_valid.max(1)..=i {
            self.tops[k] = self.tops[k - 1] + self.heights[k - 1].0;
        }
        self.tops_valid = self.tops_valid.max(i + 1);
    }

    /// The top of line `i` (`len()` gives the total height, without walking the lines).
    pub fn top(&mut self, i: usize) -> f32 {
        if i >= self.heights.len() {
            return self.total;
        }
        self.ensure_tops(i);
        self.tops[i]
    }

    /// The line at height `y`: found among the tops already known, else by walking on from
    /// them only until `y`.
    pub fn line_at_y(&mut self, y: f32) -> usize {
        let n = self.heights.len();
        let last = n.saturating_sub(1);
        self.ensure_tops(0);
        let known = self.tops_valid.min(n + 1);
        let found = self.tops[1..known].partition_point(|bottom| *bottom <= y);
        if found + 1 < known {
            return found.min(last);
        }
        let mut k = known.max(1);
        while k <= n {
            self.ensure_tops(k);
            if self.tops[k] > y {
                return (k - 1).min(last);
            }
            k += 1;
        }
        last
    }

    /// `text` is the text after an edit that replaced `removed` bytes at `at` with
    /// `inserted` bytes: update the lines it touched, shift the rest.
    pub fn edited(&mut self, text: &str, at: usize, removed: usize, inserted: usize) {
        let first = self.line_of(at);
        // The lines whose start fell inside the removed bytes are gone.
        let gone_end = self.starts.partition_point(|s| *s <= at + removed);
        let new_starts: Vec<usize> = line_breaks(&text[at..at + inserted], at).collect();
        let added = new_starts.len();
        let delta = inserted as isize - removed as isize;
        for s in &mut self.starts[gone_end..] {
            *s = s.saturating_add_signed(delta);
        }
        self.starts.splice(first + 1..gone_end, new_starts);
        let metrics = self.metrics;
        let fresh: Vec<(f32, bool)> = (first..=first + added)
            .map(|i| (metrics.estimate(self.range(text, i).len()), false))
            .collect();
        self.total += fresh.iter().map(|h| h.0).sum::<f32>();
        self.total -= self.heights[first..gone_end]
            .iter()
            .map(|h| h.0)
            .sum::<f32>();
        self.heights.splice(first..gone_end, fresh);
        let default = self.state(first);
        self.states
            .splice(first + 1..gone_end, std::iter::repeat_n(default, added));
        // States change from the edited line on, until a line starts as it did before.
        let mut state = if first == 0 {
            LineState::first(text)
        } else {
            self.state(first)
        };
        for i in first..self.starts.len() {
            if i > first + added && self.states[i] == state {
                break;
            }
            self.states[i] = state;
            state = highlight::state_after(self.text(text, i), state, i == 0);
        }
        self.tops_valid = self.tops_valid.min(first + 1);
        debug_assert_eq!(self.starts.len(), self.heights.len());
        debug_assert_eq!(self.starts.len(), self.states.len());
    }
}

/// The byte offsets after each line break in `text`, offset by `base`.
fn line_breaks(text: &str, base: usize) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(move |(i, _)| base + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: Metrics = Metrics {
        row: 10.0,
        byte: 1.0,
        wrap: 20.0,
    };

    /// The same index built from scratch, to compare an edited one against.
    fn same(a: &Lines, text: &str) {
        let b = Lines::new(text, M);
        assert_eq!(a.starts, b.starts, "{text:?}");
        assert_eq!(a.states, b.states, "{text:?}");
        assert_eq!(a.heights.len(), b.heights.len());
        let sum: f32 = a.heights.iter().map(|h| h.0).sum();
        assert!(
            (a.total - sum).abs() < 0.01,
            "{text:?}: {} vs {sum}",
            a.total
        );
    }

    #[test]
    fn edits_keep_the_index_as_if_built_again() {
        let before = "---\ntitle: 글\n---\n\n첫 줄\n```\n코드\n```\n끝";
        // (at, removed bytes, inserted text)
        let table: &[(usize, usize, &str)] = &[
            (0, 0, "x"),
            (4, 0, "새 줄\n"),
            (before.len(), 0, "\n마지막"),
            (0, 4, ""),
            (20, 8, "```\n"),
            (5, 10, "a\nb\nc\n"),
            (0, before.len(), ""),
            (0, before.len(), "한 줄"),
            (29, 0, "\r\n"),
        ];
        for &(at, removed, inserted) in table {
            let mut lines = Lines::new(before, M);
            let mut text = before.to_owned();
            text.replace_range(at..at + removed, inserted);
            lines.edited(&text, at, removed, inserted.len());
            same(&lines, &text);
        }
    }

    #[test]
    fn ranges_heights_and_positions() {
        let text = "ab\r\n\n0123456789012345678901234\n끝";
        let mut lines = Lines::new(text, M);
        assert_eq!(lines.len(), 4);
        assert_eq!(&text[lines.range(text, 0)], "ab");
        assert_eq!(&text[lines.range(text, 1)], "");
        assert_eq!(&text[lines.range(text, 3)], "끝");
        assert_eq!(lines.line_of(0), 0);
        assert_eq!(lines.line_of(4), 1);
        assert_eq!(lines.line_of(text.len()), 3);
        // 25 bytes at 20 per row: two rows.
        assert_eq!(lines.height(2), 20.0);
        assert_eq!(lines.top(3), 40.0);
        assert_eq!(lines.line_at_y(25.0), 2);
        assert_eq!(lines.line_at_y(1e6), 3);
        // A measurement moves the lines below it.
        assert_eq!(lines.measured(0, 30.0), 20.0);
        assert_eq!(lines.top(3), 60.0);
        assert_eq!(lines.line_at_y(15.0), 0);
        assert_eq!(lines.top(4), 70.0, "the bottom of the last line");
        // Tops known only partly (a measurement below the first line): the rest are walked
        // to as asked, and agree with a walk over every line.
        lines.measured(1, 15.0);
        assert_eq!(lines.line_at_y(44.0), 1);
        assert_eq!(lines.line_at_y(46.0), 2);
        assert_eq!(lines.top(3), 65.0);
        assert_eq!(lines.line_at_y(64.0), 2);
        assert_eq!(lines.line_at_y(65.0), 3);
        assert_eq!(lines.top(4), 75.0);
        assert_eq!(lines.line_at_y(-1.0), 0);
    }
}
