//! Where a byte of transformed text came from in the post as written.
//!
//! A post goes through stages before kramdown reads it (Liquid, then the kramdown pre-pass);
//! each stage builds its output with a [`Builder`], which records for every piece whether it
//! was copied from its input (a literal: byte for byte) or generated (an expression's value,
//! an include's text: every byte points at the expression's start). Problems found in the
//! final text are reported at the line where the user wrote the cause. Pure.

/// One piece of output: from `out` on, copied from `src` (or generated at `src`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    out: usize,
    src: usize,
    literal: bool,
}

/// Maps offsets of one stage's output to offsets of its input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    segs: Vec<Seg>,
}

impl SourceMap {
    /// The map of a stage that changed nothing.
    pub fn identity() -> SourceMap {
        SourceMap {
            segs: vec![Seg {
                out: 0,
                src: 0,
                literal: true,
            }],
        }
    }

    /// The input offset output byte `out` came from.
    pub fn to_source(&self, out: usize) -> usize {
        let i = self.segs.partition_point(|s| s.out <= out);
        match i.checked_sub(1).and_then(|i| self.segs.get(i)) {
            Some(s) if s.literal => s.src + (out - s.out),
            Some(s) => s.src,
            None => 0,
        }
    }

    /// Whether output byte `out` was copied from the input (not generated).
    pub fn is_literal(&self, out: usize) -> bool {
        let i = self.segs.partition_point(|s| s.out <= out);
        i.checked_sub(1)
            .and_then(|i| self.segs.get(i))
            .is_some_and(|s| s.literal)
    }
}

/// Output text with its map, built piece by piece.
#[derive(Debug, Default)]
pub struct Builder {
    pub text: String,
    pub map: SourceMap,
}

impl Builder {
    pub fn with_capacity(n: usize) -> Builder {
        Builder {
            text: String::with_capacity(n),
            map: SourceMap::default(),
        }
    }

    fn mark(&mut self, src: usize, literal: bool) {
        let seg = Seg {
            out: self.text.len(),
            src,
            literal,
        };
        match self.map.segs.last_mut() {
            Some(last) if last.out == seg.out => *last = seg,
            Some(last) if last.literal && literal && last.src + (seg.out - last.out) == src => {}
            _ => self.map.segs.push(seg),
        }
    }

    /// Copy `text`, which starts at input offset `src`.
    pub fn copy(&mut self, text: &str, src: usize) {
        if text.is_empty() {
            return;
        }
        self.mark(src, true);
        self.text.push_str(text);
    }

    /// Add generated text, caused by the input at offset `src`.
    pub fn generate(&mut self, text: &str, src: usize) {
        if text.is_empty() {
            return;
        }
        self.mark(src, false);
        self.text.push_str(text);
    }

    /// Drop trailing whitespace (Liquid's `{{-`).
    pub fn trim_end(&mut self) {
        let keep = self.text.trim_end().len();
        self.text.truncate(keep);
        while self
            .map
            .segs
            .last()
            .is_some_and(|s| s.out >= keep && s.out > 0)
        {
            self.map.segs.pop();
        }
    }

    pub fn finish(self) -> (String, SourceMap) {
        (self.text, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_bytes_map_back_one_to_one_and_generated_ones_to_their_cause() {
        let mut b = Builder::default();
        b.copy("ab", 10);
        b.generate("XYZ", 12);
        b.copy("cd", 20);
        let (text, map) = b.finish();
        assert_eq!(text, "abXYZcd");
        let got: Vec<usize> = (0..text.len()).map(|i| map.to_source(i)).collect();
        assert_eq!(got, [10, 11, 12, 12, 12, 20, 21]);
        assert!(map.is_literal(0) && !map.is_literal(3) && map.is_literal(6));
    }
}
