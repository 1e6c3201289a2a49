//! Markdown syntax highlighting, a line at a time: what each span of a line is (heading,
//! emphasis, link, image, code, front matter, quote, Liquid), as data. The editor paints it
//! (`ui/highlight.rs`).
//!
//! A line's highlighting depends only on its text and the state it starts in (inside the
//! front matter or a code fence), so the editor keeps the state at each line's start and
//! highlights just the lines it shows.

use std::ops::Range;

/// What a span of Markdown is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Plain,
    Heading,
    Emphasis,
    Strong,
    Link,
    Image,
    Code,
    FrontMatter,
    Quote,
    Liquid,
    ListMarker,
}

/// The state a line starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LineState {
    front_matter: bool,
    fence: bool,
}

impl LineState {
    /// The state of the first line of `text`.
    pub fn first(text: &str) -> LineState {
        LineState {
            front_matter: text.trim_start_matches('\u{feff}').starts_with("---"),
            fence: false,
        }
    }
}

/// The spans of `line` (line-relative, in order, covering it) and the state the next line
/// starts in. `first` is whether it is the text's first line.
pub fn line(line: &str, state: LineState, first: bool) -> (Vec<(Range<usize>, Kind)>, LineState) {
    let mut spans = Vec::new();
    let after = step(line, state, first, Some(&mut spans));
    (spans, after)
}

/// The state after `line`, without its spans.
pub fn state_after(line: &str, state: LineState, first: bool) -> LineState {
    step(line, state, first, None)
}

/// The spans of a whole text, line by line (for tests and tools).
pub fn spans(text: &str) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::new();
    let mut state = LineState::first(text);
    let mut at = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        let (spans, next) = line(l, state, i == 0);
        out.extend(
            spans
                .into_iter()
                .map(|(r, k)| (r.start + at..r.end + at, k)),
        );
        state = next;
        at += l.len();
    }
    out
}

/// Walk one line: its spans into `spans` (when asked), and the state after it.
fn step(
    line: &str,
    mut state: LineState,
    first: bool,
    mut spans: Option<&mut Vec<(Range<usize>, Kind)>>,
) -> LineState {
    let r = 0..line.len();
    let t = line.trim();
    let mut mark = |range: Range<usize>, kind: Kind| {
        if let Some(spans) = spans.as_deref_mut() {
            push(spans, range, kind);
        }
    };
    if state.front_matter {
        mark(r, Kind::FrontMatter);
        if (t == "---" || t == "...") && !first {
            state.front_matter = false;
        }
        return state;
    }
    let fence_mark = t.starts_with("```") || t.starts_with("~~~");
    let liquid_open = t.starts_with("{% highlight") || t.starts_with("{%highlight");
    let liquid_close = t.starts_with("{% endhighlight");
    if state.fence {
        mark(
            r,
            if liquid_close {
                Kind::Liquid
            } else {
                Kind::Code
            },
        );
        if fence_mark || liquid_close {
            state.fence = false;
        }
        return state;
    }
    if fence_mark || liquid_open {
        mark(
            r,
            if liquid_open {
                Kind::Liquid
            } else {
                Kind::Code
            },
        );
        state.fence = true;
        return state;
    }
    if t.starts_with('#') {
        mark(r, Kind::Heading);
    } else if t.starts_with('>') {
        mark(r, Kind::Quote);
    } else if let Some(spans) = spans {
        inline(line, 0, spans);
    }
    state
}

fn push(spans: &mut Vec<(Range<usize>, Kind)>, range: Range<usize>, kind: Kind) {
    if range.is_empty() {
        return;
    }
    if let Some((last, k)) = spans.last_mut()
        && *k == kind
        && last.end == range.start
    {
        last.end = range.end;
        return;
    }
    spans.push((range, kind));
}

/// Inline spans of one line starting at `base`.
fn inline(line: &str, base: usize, spans: &mut Vec<(Range<usize>, Kind)>) {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker = if rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("+ ") {
        2
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(". ") {
            digits + 2
        } else {
            0
        }
    };
    push(spans, base..base + indent, Kind::Plain);
    push(
        spans,
        base + indent..base + indent + marker,
        Kind::ListMarker,
    );
    let b = line.as_bytes();
    let mut i = indent + marker;
    let mut plain_from = i;
    // Each closing mark is looked for at most once per place: a line of 100,000 unclosed
    // `[` or `` ` `` costs one pass, not one pass per opener.
    let mut next = Next::new(line);
    while i < b.len() {
        let found: Option<(usize, Kind)> = match b[i] {
            b'`' => next.find(CODE, i + 1).map(|e| (e + 1, Kind::Code)),
            b'!' if b.get(i + 1) == Some(&b'[') => next.link_end(i + 1).map(|e| (e, Kind::Image)),
            b'[' => next.link_end(i).map(|e| (e, Kind::Link)),
            b'{' if matches!(b.get(i + 1), Some(b'{' | b'%')) => {
                let close = if b[i + 1] == b'{' { OUTPUT } else { TAG };
                next.find(close, i + 2).map(|e| (e + 2, Kind::Liquid))
            }
            b'*' | b'_' if b.get(i + 1) == Some(&b[i]) => {
                let mark = if b[i] == b'*' { STARS } else { UNDERSCORES };
                next.find(mark, i + 2)
                    .filter(|e| *e > i + 2)
                    .map(|e| (e + 2, Kind::Strong))
            }
            b'*' | b'_' => {
                let mark = if b[i] == b'*' { STAR } else { UNDERSCORE };
                let starts_word = b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace());
                let after_word = i > 0 && b[i - 1].is_ascii_alphanumeric() && b[i] == b'_';
                (starts_word && !after_word)
                    .then(|| {
                        next.find(mark, i + 1)
                            .filter(|e| *e > i + 1)
                            .map(|e| (e + 1, Kind::Emphasis))
                    })
                    .flatten()
            }
            _ => None,
        };
        match found {
            Some((end, kind)) => {
                push(spans, base + plain_from..base + i, Kind::Plain);
                push(spans, base + i..base + end, kind);
                i = end;
                plain_from = end;
            }
            None => i += 1,
        }
    }
    push(spans, base + plain_from..base + b.len(), Kind::Plain);
}

/// The marks [`inline`] looks ahead for, by index into [`Next`].
const CODE: usize = 0;
const LINK_MIDDLE: usize = 1;
const LINK_CLOSE: usize = 2;
const OUTPUT: usize = 3;
const TAG: usize = 4;
const STARS: usize = 5;
const UNDERSCORES: usize = 6;
const STAR: usize = 7;
const UNDERSCORE: usize = 8;
const MARKS: [&str; 9] = ["`", "](", ")", "}}", "%}", "**", "__", "*", "_"];

/// The next place of each mark in a line, remembered: [`inline`] asks from places that only
/// move forward, so each mark's search resumes where the last one ended.
struct Next<'a> {
    line: &'a str,
    /// Per mark: the place found last (`Some`), or that there is none after `from` (`None`).
    found: [Option<Option<usize>>; MARKS.len()],
    from: [usize; MARKS.len()],
}

impl<'a> Next<'a> {
    fn new(line: &'a str) -> Next<'a> {
        Next {
            line,
            found: [None; MARKS.len()],
            from: [0; MARKS.len()],
        }
    }

    /// Where `MARKS[mark]` next starts at or after `from` (a character boundary).
    fn find(&mut self, mark: usize, from: usize) -> Option<usize> {
        match self.found[mark] {
            Some(None) if from >= self.from[mark] => return None,
            Some(Some(at)) if at >= from && from >= self.from[mark] => return Some(at),
            _ => {}
        }
        let at = self
            .line
            .get(from..)
            .and_then(|rest| rest.find(MARKS[mark]))
            .map(|e| from + e);
        self.found[mark] = Some(at);
        self.from[mark] = from;
        at
    }

    /// The end of `[text](target)` starting at the `[` at `open`.
    fn link_end(&mut self, open: usize) -> Option<usize> {
        let close = self.find(LINK_MIDDLE, open)?;
        let paren = self.find(LINK_CLOSE, close + 2)?;
        Some(paren + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        spans(text)
            .into_iter()
            .filter(|(_, k)| *k != Kind::Plain)
            .map(|(r, k)| (text[r].trim_end().to_owned(), k))
            .collect()
    }

    #[test]
    fn spans_cover_the_text_in_order() {
        let text = "---\ntitle: t\n---\n\n# 제목\n\n본문 **굵게** *기울임* `code` ![사진](/a b.jpg) [링크](https://x)\n\n```\ncode\n```\n";
        let spans = spans(text);
        let mut pos = 0;
        for (r, _) in &spans {
            assert_eq!(r.start, pos);
            pos = r.end;
        }
        assert_eq!(pos, text.len());
    }

    #[test]
    fn markdown_constructs_are_recognised() {
        let k = kinds(
            "---\ntitle: t\n---\n\n# 제목\n\n> 인용\n\n- 항목 **굵게** *기울임* `코드` ![사진](/a b.jpg) [링크](https://x) {{ site.baseurl }}\n\n```\n# not a heading\n```\n",
        );
        let want = [
            ("---", Kind::FrontMatter),
            ("title: t", Kind::FrontMatter),
            ("---", Kind::FrontMatter),
            ("# 제목", Kind::Heading),
            ("> 인용", Kind::Quote),
            ("-", Kind::ListMarker),
            ("**굵게**", Kind::Strong),
            ("*기울임*", Kind::Emphasis),
            ("`코드`", Kind::Code),
            ("![사진](/a b.jpg)", Kind::Image),
            ("[링크](https://x)", Kind::Link),
            ("{{ site.baseurl }}", Kind::Liquid),
            ("```", Kind::Code),
            ("# not a heading", Kind::Code),
            ("```", Kind::Code),
        ];
        let got: Vec<(&str, Kind)> = k.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        assert_eq!(got, want.to_vec());
    }

    #[test]
    fn a_line_state_is_all_the_next_line_needs() {
        // (line, state before, first line?) → state after
        let fm = LineState {
            front_matter: true,
            fence: false,
        };
        let fence = LineState {
            front_matter: false,
            fence: true,
        };
        let plain = LineState::default();
        let table = [
            ("---\n", fm, true, fm),
            ("---\n", fm, false, plain),
            ("title: 글\n", fm, false, fm),
            ("```rust\n", plain, false, fence),
            ("# 코드 속\n", fence, false, fence),
            ("```\n", fence, false, plain),
            ("{% highlight ruby %}\n", plain, false, fence),
            ("{% endhighlight %}\n", fence, false, plain),
            ("본문\n", plain, false, plain),
        ];
        for (text, before, first, after) in table {
            assert_eq!(state_after(text, before, first), after, "{text:?}");
            assert_eq!(line(text, before, first).1, after, "{text:?}");
        }
        assert_eq!(LineState::first("\u{feff}---\n"), fm);
        assert_eq!(LineState::first("본문"), plain);
    }
}
