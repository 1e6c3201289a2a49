//! The kramdown pre-pass: what kramdown reads differently from CommonMark is taken out of
//! the text before pulldown-cmark reads it, leaving placeholders the builder puts back.
//!
//! Line by line, outside fenced and indented code: HTML blocks (kramdown's rule: a tag that
//! is not a span element, at the start of a block, up to its matching end tag — blank lines
//! and all — or a comment) become a placeholder paragraph; `$$…$$` alone as a block becomes
//! display math, inside text inline math; block IALs (`{: .x}`, `{:toc}`) and span IALs
//! (`![a](b){: width="50%"}`) become placeholders carrying their attributes; ALDs,
//! abbreviation definitions and `{::comment}` extensions are taken out; link targets with
//! spaces are wrapped in `<…>` (kramdown accepts them, CommonMark does not); `<<`/`>>` become
//! guillemets; a line starting with a span tag (`<img>`, `<a>`) is kept a paragraph, as
//! kramdown keeps it, instead of CommonMark's HTML block.

mod html_blocks;
mod lines;
mod spans;
pub use lines::*;

use super::Attrs;
use super::htmlparse::{Token, VOID, read_tag};
use crate::journal::links::{ImageSyntax, scan_images, scan_links};
use crate::journal::srcmap::{Builder, SourceMap};

/// Placeholder brackets: an HTML block, math, an IAL; and a mark that keeps a line a paragraph.
pub use crate::journal::reserved::{
    HTML_CLOSE, HTML_OPEN, IAL_CLOSE, IAL_OPEN, KEEP_PARAGRAPH, MATH_CLOSE, MATH_OPEN,
};

/// kramdown's span elements: a line starting with one of these is a paragraph.
pub const SPAN_ELEMENTS: [&str; 38] = [
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
];

/// An IAL: its attributes, and where it applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Ial {
    pub attrs: Attrs,
    /// `{:toc}`.
    pub toc: bool,
    /// A block IAL right under its block (no blank line between): applies to that block;
    /// otherwise to the next one.
    pub attach_prev: bool,
}

/// The pre-pass result.
#[derive(Debug, Clone, Default)]
pub struct Pre {
    pub text: String,
    /// From `text` back to the pre-pass input.
    pub map: SourceMap,
    /// Raw HTML blocks and the input offset each starts at.
    pub html: Vec<(String, usize)>,
    /// TeX of each math placeholder.
    pub math: Vec<String>,
    pub ials: Vec<Ial>,
    /// Abbreviations: the text and its title.
    pub abbrs: Vec<(String, String)>,
}

/// Run the pre-pass over a body (after Liquid).
pub fn run(src: &str, options: super::Options) -> Pre {
    let mut p = Pass {
        src,
        options,
        out: Builder::with_capacity(src.len() + 64),
        pre: Pre::default(),
        md_closes: Vec::new(),
    };
    p.lines();
    let (text, map) = p.out.finish();
    Pre { text, map, ..p.pre }
}

struct Pass<'a> {
    src: &'a str,
    options: super::Options,
    out: Builder,
    pre: Pre,
    /// End tags of HTML blocks opened with `markdown="1"`, innermost last.
    md_closes: Vec<String>,
}

fn indent_of(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            ' ' => n += 1,
            '\t' => n += 4 - n % 4,
            _ => break,
        }
    }
    n
}

fn is_list_marker(t: &str) -> bool {
    let t = t.trim_start();
    if let Some(rest) = t.strip_prefix(['*', '-', '+']) {
        return rest.starts_with([' ', '\t']) || rest.trim().is_empty();
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    // kramdown's ordered lists take `1.` only.
    digits > 0 && t[digits..].starts_with('.') && t[digits + 1..].starts_with([' ', '\t'])
}

fn fence_of(line: &str) -> Option<(char, usize)> {
    if indent_of(line) > 3 {
        return None;
    }
    let t = line.trim_start();
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|x| *x == c).count();
    (n >= 3 && !(c == '`' && t[n..].contains('`'))).then_some((c, n))
}

/// Parse IAL text (`.a #b key="v" width=50%`) into attributes; `None` if it is not one.
pub fn parse_ial(inner: &str) -> Option<Attrs> {
    let mut attrs = Attrs::new();
    let mut classes: Vec<String> = Vec::new();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(char::is_whitespace).unwrap_or(r.len());
            classes.push(r[..end].to_owned());
            rest = r[end..].trim_start();
        } else if let Some(r) = rest.strip_prefix('#') {
            let end = r.find(char::is_whitespace).unwrap_or(r.len());
            attrs.push(("id".to_owned(), r[..end].to_owned()));
            rest = r[end..].trim_start();
        } else if let Some(eq) = rest.find('=') {
            let key = rest[..eq].trim();
            if key.is_empty() || key.contains(char::is_whitespace) {
                // A reference to an ALD (`{: ref}`): nothing we model.
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                rest = rest[end..].trim_start();
                continue;
            }
            let after = rest[eq + 1..].trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                    Some(e) => (&after[1..e + 1], &after[e + 2..]),
                    None => return None,
                },
                _ => {
                    let e = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..e], &after[e..])
                }
            };
            attrs.push((key.to_owned(), value.to_owned()));
            rest = next.trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            rest = rest[end..].trim_start();
        }
    }
    if !classes.is_empty() {
        attrs.push(("class".to_owned(), classes.join(" ")));
    }
    Some(attrs)
}

/// Byte ranges of code spans in one line.
fn code_spans(line: &str) -> Vec<std::ops::Range<usize>> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == b'`' {
            let run = b[i..].iter().take_while(|x| **x == b'`').count();
            let ticks = &line[i..i + run];
            let mut search = i + run;
            let mut found = None;
            while let Some(o) = line[search..].find(ticks) {
                let at = search + o;
                let after = b[at + run..].iter().take_while(|x| **x == b'`').count();
                if after == 0 {
                    found = Some(at + run);
                    break;
                }
                search = at + run + after;
            }
            match found {
                Some(end) => {
                    out.push(i..end);
                    i = end;
                }
                None => i += run,
            }
            continue;
        }
        i += 1;
    }
    out
}

impl Pass<'_> {
    fn line_end(&self, pos: usize) -> usize {
        self.src[pos..]
            .find('\n')
            .map_or(self.src.len(), |e| pos + e + 1)
    }

    fn ensure_blank_before(&mut self, at: usize) {
        let t = &self.out.text;
        if t.is_empty() || t.ends_with("\n\n") {
            return;
        }
        let nl = if t.ends_with('\n') { "\n" } else { "\n\n" };
        self.out.generate(nl, at);
    }

    fn placeholder_block(&mut self, indent: &str, open: char, n: usize, close: char, at: usize) {
        self.ensure_blank_before(at);
        let s = format!("{indent}{open}{n}{close}\n\n");
        self.out.generate(&s, at);
    }

    fn lines(&mut self) {
        let src = self.src;
        let mut pos = 0;
        let mut blank_before = true;
        let mut fence: Option<(char, usize)> = None;
        let mut in_code = false;
        let mut in_list = false;
        // Where the last table row seen ended, where the last paragraph line ended, and the
        // line whose separator must not start a table.
        let mut row_end = usize::MAX;
        let mut para_end = usize::MAX;
        let mut escape_separator: Option<usize> = None;
        while pos < src.len() {
            let end = self.line_end(pos);
            let line = &src[pos..end];
            let content = line.trim_end_matches(['\n', '\r']);
            let indent = indent_of(content);
            let trimmed = content.trim_start();
            if let Some((c, n)) = fence {
                let closes = indent <= 3
                    && trimmed.chars().take_while(|x| *x == c).count() >= n
                    && trimmed.trim_start_matches(c).trim().is_empty();
                if closes {
                    fence = None;
                }
                self.out.copy(line, pos);
                pos = end;
                continue;
            }
            if trimmed.is_empty() {
                self.out.copy(line, pos);
                blank_before = true;
                pos = end;
                continue;
            }
            // kramdown's table footer line (`|===`): the rows under it stay rows of the
            // table (in its footer); CommonMark has no such line.
            if row_end == pos && is_footer_separator(trimmed) {
                row_end = end;
                pos = end;
                continue;
            }
            if indent >= 4 && (in_code || (blank_before && !in_list)) {
                in_code = true;
                self.out.copy(line, pos);
                pos = end;
                continue;
            }
            in_code = false;
            if indent < 2 && !is_list_marker(content) && blank_before {
                in_list = false;
            }
            if is_list_marker(content) {
                in_list = true;
            }
            // kramdown's own input knows `~~~` fences only: a backtick one is text, its
            // backticks a code span, as kramdown reads them.
            if let Some(('`', _)) = fence_of(content).filter(|_| !self.options.gfm) {
                // Starting a paragraph, a marker the builder drops keeps it from being a
                // fence; inside one, an indent does (the backticks then close a code span).
                let lead = line.len() - line.trim_start().len();
                if blank_before {
                    self.out.copy(&line[..lead], pos);
                    self.out.generate(&KEEP_PARAGRAPH.to_string(), pos + lead);
                } else {
                    self.out.generate("    ", pos + lead);
                }
                self.inline(pos + lead, &line[lead..]);
                blank_before = false;
                pos = end;
                continue;
            }
            if let Some(f) = fence_of(content) {
                fence = Some(f);
                self.out.copy(line, pos);
                blank_before = false;
                pos = end;
                continue;
            }
            let was_blank = blank_before;
            blank_before = false;
            if let Some(next) = self.special_line(pos, end, content, indent, was_blank) {
                // Blocks taken out end with a blank line.
                blank_before = true;
                pos = next;
                continue;
            }
            // A separator line kramdown does not read as one (its table would not start
            // after a blank line, or would run into a line that is no row): escaped, so CommonMark makes
            // no table of it either.
            if escape_separator == Some(pos) && is_separator(content) {
                let lead = line.len() - line.trim_start().len();
                self.out.copy(&line[..lead], pos);
                self.out.generate("\\", pos + lead);
                self.inline(pos + lead, &line[lead..]);
                para_end = end;
                pos = end;
                continue;
            }
            self.inline(pos, line);
            let cells = table_cells(content);
            if cells > 0 {
                row_end = end;
            }
            let next_end = self.line_end(end.min(src.len()));
            let next = src
                .get(end..next_end)
                .unwrap_or("")
                .trim_end_matches(['\n', '\r']);
            if cells > 0 && indent <= 3 && is_separator(next) && !was_blank && row_end != pos {
                escape_separator = Some(end);
            }
            // kramdown's tables need no separator line: a block starting with a line that
            // has a `|` outside code is a table. CommonMark needs one, so one is added. A
            // table must end at a blank line (or the end): else its lines are a paragraph.
            if was_blank && !in_list && indent <= 3 && cells > 0 && starts_paragraph(content) {
                if !table_ends_clean(src, end) {
                    if is_separator(next) {
                        escape_separator = Some(end);
                    }
                } else if !is_separator(next) {
                    let sep = format!("{}\n", vec!["---"; cells].join(" | "));
                    let sep = if line.ends_with('\n') {
                        sep
                    } else {
                        format!("\n{sep}")
                    };
                    self.out.generate(&sep, end);
                }
            }
            if cells == 0 && starts_paragraph(content) || para_end == pos {
                para_end = end;
            }
            pos = end;
        }
    }

    /// Lines kramdown reads as something of its own; returns where to go on.
    fn special_line(
        &mut self,
        pos: usize,
        end: usize,
        content: &str,
        indent: usize,
        was_blank: bool,
    ) -> Option<usize> {
        let trimmed = content.trim_start();
        if indent > 3 {
            return None;
        }
        let lead = &content[..content.len() - trimmed.len()];
        // {::comment} … {:/comment}
        if trimmed.starts_with("{::comment}") {
            let close = ["{:/comment}", "{:/}"]
                .iter()
                .filter_map(|c| self.src[pos..].find(c).map(|o| pos + o + c.len()))
                .min()
                .unwrap_or(self.src.len());
            let next = if close >= self.src.len() {
                self.src.len()
            } else {
                self.line_end(close)
            };
            self.ensure_blank_before(pos);
            return Some(next.max(end));
        }
        if trimmed.starts_with("{::") && trimmed.trim_end().ends_with("/}") {
            self.ensure_blank_before(pos);
            return Some(end);
        }
        // *[ABBR]: title
        if let Some(rest) = trimmed.strip_prefix("*[")
            && let Some(close) = rest.find("]:")
            && close > 0
        {
            self.pre.abbrs.push((
                rest[..close].to_owned(),
                rest[close + 2..].trim().to_owned(),
            ));
            self.ensure_blank_before(pos);
            return Some(end);
        }
        let t = trimmed.trim_end();
        if t.starts_with("{:") && t.ends_with('}') && !t.starts_with("{::") {
            let inner = &t[2..t.len() - 1];
            // ALD `{:name: …}`: a definition, nothing shown.
            let is_ald = inner.split_once(':').is_some_and(|(n, _)| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            });
            if is_ald {
                self.ensure_blank_before(pos);
                return Some(end);
            }
            let toc = inner.trim() == "toc";
            let attrs = if toc {
                Some(Attrs::new())
            } else {
                parse_ial(inner)
            };
            if let Some(attrs) = attrs {
                let n = self.pre.ials.len();
                self.pre.ials.push(Ial {
                    attrs,
                    toc,
                    attach_prev: !was_blank,
                });
                self.placeholder_block(lead, IAL_OPEN, n, IAL_CLOSE, pos);
                return Some(end);
            }
        }
        if t.starts_with('<')
            && let Some(next) = self.html_block(pos, pos + lead.len(), lead)
        {
            return Some(next);
        }
        if was_blank
            && t.starts_with("$$")
            && let Some(next) = self.display_math(pos, pos + lead.len(), lead)
        {
            return Some(next);
        }
        None
    }

    fn display_math(&mut self, pos: usize, start: usize, lead: &str) -> Option<usize> {
        let src = self.src;
        let body_start = start + 2;
        let mut search = body_start;
        loop {
            let o = src[search..].find("$$")?;
            let close = search + o;
            let after = close + 2;
            let line_end = self.line_end(after.min(src.len()));
            let rest_blank = src[after..line_end].trim().is_empty();
            let next_blank = line_end >= src.len() || {
                let ne = self.line_end(line_end);
                src[line_end..ne].trim().is_empty()
            };
            let between_blank = src[body_start..close].contains("\n\n");
            if between_blank {
                return None;
            }
            if rest_blank && next_blank && close > body_start {
                let tex = src[body_start..close].trim().to_owned();
                let n = self.pre.math.len();
                self.pre.math.push(tex);
                self.placeholder_block(lead, MATH_OPEN, n, MATH_CLOSE, pos);
                return Some(line_end);
            }
            search = after;
        }
    }
}
