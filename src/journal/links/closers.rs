//! Where each `[` and `(` of a text is closed, and where the next `>`, `)` and line break
//! are, found in one pass: finding every link of a post is then linear in its length (a post
//! of 100,000 unclosed `![a](` took minutes when each one scanned to the end of its line).

use std::collections::HashMap;

/// The closing positions of one text.
pub(super) struct Closers {
    /// `[` → its `]`, within a paragraph (a blank line closes none).
    bracket: HashMap<usize, usize>,
    /// `(` → its `)`, within a line.
    paren: HashMap<usize, usize>,
    gts: Vec<usize>,
    closes: Vec<usize>,
    newlines: Vec<usize>,
}

impl Closers {
    pub fn of(text: &str) -> Closers {
        let mut c = Closers {
            bracket: HashMap::new(),
            paren: HashMap::new(),
            gts: Vec::new(),
            closes: Vec::new(),
            newlines: Vec::new(),
        };
        let (mut brackets, mut parens) = (Vec::new(), Vec::new());
        let mut after_newline = false;
        for (i, b) in text.bytes().enumerate() {
            match b {
                b'[' => brackets.push(i),
                b']' => {
                    if let Some(o) = brackets.pop() {
                        c.bracket.insert(o, i);
                    }
                }
                b'(' => parens.push(i),
                b')' => {
                    c.closes.push(i);
                    if let Some(o) = parens.pop() {
                        c.paren.insert(o, i);
                    }
                }
                b'>' => c.gts.push(i),
                b'\n' => {
                    c.newlines.push(i);
                    parens.clear();
                    if after_newline {
                        brackets.clear();
                    }
                }
                _ => {}
            }
            after_newline = b == b'\n';
        }
        c
    }

    /// The `]` closing the `[` at `open`.
    pub fn bracket(&self, open: usize) -> Option<usize> {
        self.bracket.get(&open).copied()
    }

    /// The `)` closing the `(` at `open` on its line.
    pub fn paren(&self, open: usize) -> Option<usize> {
        self.paren.get(&open).copied()
    }

    fn next_in(list: &[usize], from: usize) -> Option<usize> {
        list.get(list.partition_point(|p| *p < from)).copied()
    }

    /// The first `>` at or after `from`.
    pub fn next_gt(&self, from: usize) -> Option<usize> {
        Self::next_in(&self.gts, from)
    }

    /// The first `)` at or after `from`.
    pub fn next_close(&self, from: usize) -> Option<usize> {
        Self::next_in(&self.closes, from)
    }

    /// Whether a line break lies in `from..to`.
    pub fn newline_in(&self, from: usize, to: usize) -> bool {
        Self::next_in(&self.newlines, from).is_some_and(|n| n < to)
    }
}
