//! Markdown syntax highlighting for the editor, cached per paragraph.
//!
//! The text is cut into blocks at blank lines; each block's spans are computed once and
//! kept, keyed by its text and the state it starts in (inside front matter or a code
//! fence), so typing re-highlights only the paragraph being typed in. Highlights headings,
//! emphasis, links and images, code, front matter, quotes and Liquid.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, LayoutSection, TextFormat};
use egui::{Color32, FontFamily, FontId, Stroke};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
struct State {
    front_matter: bool,
    fence: bool,
}

type Spans = Arc<(Vec<(Range<usize>, Kind)>, State)>;

/// The highlighter and its per-paragraph cache.
#[derive(Default)]
pub struct Highlighter {
    cache: HashMap<(u64, State), Spans>,
    /// Cache entries used in the last layout; the rest are dropped after it.
    used: Vec<(u64, State)>,
}

fn block_hash(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Cut `text` into blocks that end after a blank line.
fn blocks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let mut pos = 0;
    let mut lines = text.split_inclusive('\n');
    std::iter::from_fn(move || {
        for line in lines.by_ref() {
            pos += line.len();
            if line.trim().is_empty() {
                let r = start..pos;
                start = pos;
                return Some(r);
            }
        }
        (start < text.len()).then(|| {
            let r = start..text.len();
            start = text.len();
            r
        })
    })
}

impl Highlighter {
    /// The spans of `text`, in order and covering it.
    pub fn spans(&mut self, text: &str) -> Vec<(Range<usize>, Kind)> {
        let mut out = Vec::new();
        let mut state = State {
            front_matter: text.trim_start_matches('\u{feff}').starts_with("---"),
            fence: false,
        };
        let mut first = true;
        self.used.clear();
        for block in blocks(text) {
            let key = (block_hash(&text[block.clone()]), state);
            let spans = self
                .cache
                .entry(key)
                .or_insert_with(|| Arc::new(highlight_block(&text[block.clone()], state, first)))
                .clone();
            self.used.push(key);
            out.extend(
                spans
                    .0
                    .iter()
                    .map(|(r, k)| (r.start + block.start..r.end + block.start, *k)),
            );
            state = spans.1;
            first = false;
        }
        if self.cache.len() > self.used.len() * 2 + 64 {
            let used: std::collections::HashSet<_> = self.used.iter().copied().collect();
            self.cache.retain(|k, _| used.contains(k));
        }
        out
    }

    /// A layout job for `text` in the given style.
    pub fn layout_job(&mut self, text: &str, style: &egui::Style, wrap_width: f32) -> LayoutJob {
        let body = style
            .text_styles
            .get(&egui::TextStyle::Body)
            .cloned()
            .unwrap_or_default();
        let mono = FontId::new(body.size * 0.95, FontFamily::Monospace);
        let v = &style.visuals;
        let format = |kind: Kind| {
            let mut f = TextFormat::simple(body.clone(), v.text_color());
            match kind {
                Kind::Plain => {}
                Kind::Heading => {
                    f.color = v.strong_text_color();
                    f.font_id = FontId::new(body.size * 1.15, FontFamily::Proportional);
                }
                Kind::Strong => f.color = v.strong_text_color(),
                Kind::Emphasis => f.italics = true,
                Kind::Link => {
                    f.color = v.hyperlink_color;
                    f.underline = Stroke::new(1.0, v.hyperlink_color);
                }
                Kind::Image => {
                    f.color = if v.dark_mode {
                        Color32::from_rgb(110, 200, 160)
                    } else {
                        Color32::from_rgb(20, 120, 90)
                    }
                }
                Kind::Code => {
                    f.font_id = mono.clone();
                    f.background = v.code_bg_color;
                }
                Kind::FrontMatter | Kind::Quote | Kind::ListMarker => f.color = v.weak_text_color(),
                Kind::Liquid => {
                    f.color = if v.dark_mode {
                        Color32::from_rgb(190, 150, 230)
                    } else {
                        Color32::from_rgb(120, 60, 170)
                    };
                    f.font_id = mono.clone();
                }
            }
            f
        };
        let mut job = LayoutJob {
            text: text.to_owned(),
            ..Default::default()
        };
        job.wrap.max_width = wrap_width;
        for (range, kind) in self.spans(text) {
            job.sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: egui::text::ByteIndex(range.start)..egui::text::ByteIndex(range.end),
                format: format(kind),
            });
        }
        job
    }
}

fn highlight_block(
    block: &str,
    mut state: State,
    first_block: bool,
) -> (Vec<(Range<usize>, Kind)>, State) {
    let mut spans = Vec::new();
    let mut pos = 0;
    for (i, line) in block.split_inclusive('\n').enumerate() {
        let r = pos..pos + line.len();
        pos += line.len();
        let t = line.trim();
        if state.front_matter {
            push(&mut spans, r, Kind::FrontMatter);
            if (t == "---" || t == "...") && !(first_block && i == 0) {
                state.front_matter = false;
            }
            continue;
        }
        let fence_mark = t.starts_with("```") || t.starts_with("~~~");
        let liquid_open = t.starts_with("{% highlight") || t.starts_with("{%highlight");
        let liquid_close = t.starts_with("{% endhighlight");
        if state.fence {
            let kind = if liquid_close {
                Kind::Liquid
            } else {
                Kind::Code
            };
            push(&mut spans, r, kind);
            if fence_mark || liquid_close {
                state.fence = false;
            }
            continue;
        }
        if fence_mark || liquid_open {
            push(
                &mut spans,
                r,
                if liquid_open {
                    Kind::Liquid
                } else {
                    Kind::Code
                },
            );
            state.fence = true;
            continue;
        }
        if t.starts_with('#') {
            push(&mut spans, r, Kind::Heading);
        } else if t.starts_with('>') {
            push(&mut spans, r, Kind::Quote);
        } else {
            inline(line, r.start, &mut spans);
        }
    }
    (spans, state)
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
    while i < b.len() {
        let found: Option<(usize, Kind)> = match b[i] {
            b'`' => line[i + 1..].find('`').map(|e| (i + 1 + e + 1, Kind::Code)),
            b'!' if b.get(i + 1) == Some(&b'[') => link_end(line, i + 1).map(|e| (e, Kind::Image)),
            b'[' => link_end(line, i).map(|e| (e, Kind::Link)),
            b'{' if matches!(b.get(i + 1), Some(b'{' | b'%')) => {
                let close = if b[i + 1] == b'{' { "}}" } else { "%}" };
                line[i + 2..]
                    .find(close)
                    .map(|e| (i + 2 + e + 2, Kind::Liquid))
            }
            b'*' | b'_' if b.get(i + 1) == Some(&b[i]) => {
                let mark = &line[i..i + 2];
                line[i + 2..]
                    .find(mark)
                    .filter(|e| *e > 0)
                    .map(|e| (i + 2 + e + 2, Kind::Strong))
            }
            b'*' | b'_' => {
                let mark = char::from(b[i]);
                let starts_word = b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace());
                let after_word = i > 0 && b[i - 1].is_ascii_alphanumeric() && b[i] == b'_';
                (starts_word && !after_word)
                    .then(|| {
                        line[i + 1..]
                            .find(mark)
                            .filter(|e| *e > 0)
                            .map(|e| (i + 1 + e + 1, Kind::Emphasis))
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

/// The end of `[text](target)` starting at the `[` at `open`.
fn link_end(line: &str, open: usize) -> Option<usize> {
    let close = open + line[open..].find("](")?;
    let paren = close + 2 + line[close + 2..].find(')')?;
    Some(paren + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        Highlighter::default()
            .spans(text)
            .into_iter()
            .filter(|(_, k)| *k != Kind::Plain)
            .map(|(r, k)| (text[r].trim_end().to_owned(), k))
            .collect()
    }

    #[test]
    fn spans_cover_the_text_in_order() {
        let text = "---\ntitle: t\n---\n\n# 제목\n\n본문 **굵게** *기울임* `code` ![사진](/a b.jpg) [링크](https://x)\n\n```\ncode\n```\n";
        let spans = Highlighter::default().spans(text);
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
            ("---\ntitle: t\n---", Kind::FrontMatter),
            ("# 제목", Kind::Heading),
            ("> 인용", Kind::Quote),
            ("-", Kind::ListMarker),
            ("**굵게**", Kind::Strong),
            ("*기울임*", Kind::Emphasis),
            ("`코드`", Kind::Code),
            ("![사진](/a b.jpg)", Kind::Image),
            ("[링크](https://x)", Kind::Link),
            ("{{ site.baseurl }}", Kind::Liquid),
            ("```\n# not a heading\n```", Kind::Code),
        ];
        let got: Vec<(&str, Kind)> = k.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        let want: Vec<(&str, Kind)> = want.to_vec();
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.1, w.1, "{g:?} vs {w:?}");
            assert!(
                g.0.starts_with(w.0.lines().next().unwrap_or_default()),
                "{g:?} vs {w:?}"
            );
        }
    }

    #[test]
    fn blocks_are_cached_and_only_the_edited_one_is_redone() {
        let mut h = Highlighter::default();
        let text: String = (0..50).map(|i| format!("문단 {i} **굵게**\n\n")).collect();
        h.spans(&text);
        assert_eq!(h.cache.len(), 50);
        let edited = text.replacen("문단 7 ", "문단 7 바뀜 ", 1);
        h.spans(&edited);
        assert_eq!(h.cache.len(), 51, "one new block, the rest reused");
    }
}
