//! One budget per render, so every post finishes in time and memory proportional to its
//! size (issue 20): block tags nested at most [`MAX_NEST`] deep (Liquid's own limit), at
//! most [`MAX_ITERATIONS`] loop iterations, [`MAX_INCLUDES`] include expansions and
//! [`MAX_BYTES`] of output, captured and assigned text in all. Past a limit the render stops
//! at that tag, which stays a marker in the page; the check names it (`liquid-limit`).

use super::*;

/// Block tags (`if`, `for`, `capture`…) inside each other, at most.
pub const MAX_NEST: usize = 100;
/// Loop iterations in one render, at most.
pub const MAX_ITERATIONS: usize = 100_000;
/// Includes expanded in one render, at most.
pub const MAX_INCLUDES: usize = 2_000;
/// Bytes written, captured or assigned in one render, at most.
pub const MAX_BYTES: usize = 16 << 20;

/// Which limit a render reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Nesting,
    Iterations,
    Includes,
    Output,
}

impl Limit {
    /// The limit's id, as the messages select on it.
    pub fn as_str(self) -> &'static str {
        match self {
            Limit::Nesting => "nesting",
            Limit::Iterations => "iterations",
            Limit::Includes => "includes",
            Limit::Output => "output",
        }
    }
}

/// Where a render stopped: the tag as written, and where it is in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitHit {
    pub at: usize,
    pub tag: String,
    pub limit: Limit,
}

/// What a render has spent, shared by the includes it expands.
#[derive(Debug, Default)]
pub(super) struct Shared {
    pub unresolved: Vec<String>,
    pub hits: Vec<LimitHit>,
    iterations: usize,
    includes: usize,
    bytes: usize,
    /// A limit other than nesting was reached: nothing more is evaluated.
    pub stopped: bool,
}

impl Shared {
    pub fn spend_iteration(&mut self) -> bool {
        self.iterations += 1;
        self.iterations <= MAX_ITERATIONS
    }

    pub fn spend_include(&mut self) -> bool {
        self.includes += 1;
        self.includes <= MAX_INCLUDES
    }

    pub fn spend_bytes(&mut self, n: usize) -> bool {
        self.bytes = self.bytes.saturating_add(n);
        self.bytes <= MAX_BYTES
    }
}

impl Eval<'_, '_, '_> {
    /// Record that `tok` reached `limit` (once per render for the limits that stop it), and
    /// leave the tag as a marker at its place.
    pub(super) fn hit(&mut self, out: &mut Builder, tok: Tok, limit: Limit) {
        let stops = limit != Limit::Nesting;
        if !(stops && self.shared.stopped) {
            self.shared.hits.push(LimitHit {
                at: self.anchor.unwrap_or(tok.start),
                tag: self.src[tok.start..tok.end].chars().take(80).collect(),
                limit,
            });
            self.mark_unresolved(out, tok);
        }
        self.shared.stopped |= stops;
    }

    /// The output budget ran out while writing what stands at `at`: stop there, and name
    /// the Liquid written there (its first tag or output).
    pub(super) fn output_spent(&mut self, at: usize) {
        if self.shared.stopped {
            return;
        }
        let at = self.anchor.unwrap_or(at).min(self.src.len());
        let rest = self.src.get(at..).unwrap_or_default();
        let end = ["}}", "%}"].iter().filter_map(|c| rest.find(c)).min();
        let tag: String = match end {
            Some(end) => rest[..end + 2].chars().take(80).collect(),
            None => rest.chars().take(80).collect(),
        };
        self.shared.hits.push(LimitHit {
            at,
            tag,
            limit: Limit::Output,
        });
        self.shared.stopped = true;
    }

    /// Skip to the tag `end` that closes the block just opened, counting nested blocks
    /// without recursion (a post of 20,000 nested tags is skipped in one pass).
    pub(super) fn skip_until(&mut self, end: &str) {
        let start = self.pos;
        if let Some(&after) = self.skipped.get(&start) {
            self.pos = after;
            self.trim_next = after > 0 && self.toks[after - 1].trim_right;
            return;
        }
        self.skip_through(end);
        self.skipped.insert(start, self.pos);
    }

    fn skip_through(&mut self, end: &str) {
        let mut open: Vec<&'static str> = Vec::new();
        while self.pos < self.toks.len() {
            let tok = self.toks[self.pos];
            self.pos += 1;
            if tok.kind != TokKind::Tag {
                continue;
            }
            let inner = self.src[tok.inner.0..tok.inner.1].trim();
            let name = inner.split_whitespace().next().unwrap_or_default();
            if open.is_empty() && name == end {
                self.trim_next = tok.trim_right;
                return;
            }
            if open.last() == Some(&name) {
                open.pop();
            } else if let Some(e) = block_end(name) {
                open.push(e);
            }
        }
    }
}
