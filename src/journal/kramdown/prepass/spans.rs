//! The span-level changes of one line of paragraph text: a copy of the line with guards
//! for `*` and `_` kramdown would not read as emphasis, inline math and IALs.

use super::*;

impl Pass<'_> {
    /// Copy one line of paragraph text, with the span-level changes.
    pub(super) fn inline(&mut self, pos: usize, line: &str) {
        let code = code_spans(line);
        let in_code = |i: usize| code.iter().any(|r| r.contains(&i));
        let mut edits: Vec<(usize, usize, String)> = Vec::new();
        // $$ inline math $$
        let mut search = 0;
        while let Some(o) = line[search..].find("$$") {
            let open = search + o;
            if in_code(open) || line[..open].ends_with('\\') {
                search = open + 2;
                continue;
            }
            let Some(c) = line[open + 2..].find("$$") else {
                break;
            };
            let close = open + 2 + c;
            let tex = line[open + 2..close].to_owned();
            if tex.trim().is_empty() {
                search = close + 2;
                continue;
            }
            let n = self.pre.math.len();
            self.pre.math.push(tex.trim().to_owned());
            edits.push((open, close + 2, format!("{MATH_OPEN}{n}{MATH_CLOSE}")));
            search = close + 2;
        }
        // Span IALs (after the line's first character, which may be more than one byte).
        let mut search = line.chars().next().map_or(0, char::len_utf8);
        while let Some(o) = line.get(search..).and_then(|r| r.find("{:")) {
            let open = search + o;
            search = open + 2;
            if in_code(open) || line[open..].starts_with("{::") {
                continue;
            }
            let Some(c) = line[open..].find('}') else {
                break;
            };
            let inner = &line[open + 2..open + c];
            if let Some(attrs) = parse_ial(inner) {
                let n = self.pre.ials.len();
                self.pre.ials.push(Ial {
                    attrs,
                    toc: false,
                    attach_prev: true,
                });
                edits.push((open, open + c + 1, format!("{IAL_OPEN}{n}{IAL_CLOSE}")));
            }
        }
        // Targets with spaces, which kramdown accepts.
        if line.contains("](") {
            let images = scan_images(line)
                .into_iter()
                .filter(|i| i.syntax == ImageSyntax::Markdown)
                .map(|i| (i.target_range, i.wrapped));
            let links = scan_links(line)
                .into_iter()
                .map(|l| (l.target_range, false));
            for (range, wrapped) in images.chain(links) {
                let target = &line[range.clone()];
                if !wrapped && target.trim().contains([' ', '\t']) && range.start <= line.len() {
                    edits.push((range.start, range.end, format!("<{}>", target.trim())));
                }
            }
        }
        // [label]: target with spaces
        let t = line.trim_start();
        if t.starts_with('[')
            && !t.starts_with("[^")
            && let Some(close) = t.find("]:")
        {
            let lead = line.len() - t.len();
            let value_start = lead + close + 2;
            let value = line[value_start..].trim_end_matches(['\n', '\r']);
            let v = value.trim();
            if !v.starts_with('<') && v.contains(' ') && !v.ends_with(['"', '\'', ')']) {
                let s = value_start + (value.len() - value.trim_start().len());
                edits.push((s, s + v.len(), format!("<{v}>")));
            }
        }
        // kramdown emphasis CommonMark would refuse (`**"강조"**했다`): a guard character
        // (taken out again by the builder) makes the delimiters flank as kramdown reads them.
        for at in emphasis_guards(line, &code) {
            edits.push((at, at, KEEP_PARAGRAPH.to_string()));
        }
        // `\|` inside a code span of a table row stays `\|`, as in kramdown.
        if line.contains('|') {
            for r in &code {
                let mut search = r.start;
                while let Some(o) = line[search..r.end].find("\\|") {
                    let at = search + o;
                    edits.push((at, at, "\\".to_owned()));
                    search = at + 2;
                }
            }
        }
        // << and >> (not a blockquote's >).
        let body_start = line.len() - line.trim_start_matches(['>', ' ', '\t']).len();
        // kramdown starts an ordered list only with `1.` (never `1)`), and a definition only
        // with a colon followed by a space or tab (never `::`): keep CommonMark from reading
        // either as one.
        let body = &line[body_start..];
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        if (1..10).contains(&digits)
            && body[digits..].starts_with(')')
            && body[digits + 1..].starts_with([' ', '\t', '\n', '\r'])
        {
            edits.push((body_start + digits, body_start + digits, "\\".to_owned()));
        }
        // kramdown keeps one list when the bullet changes (`*`, `+`, `-`); CommonMark starts
        // a new one: every bullet becomes `-` (a rule such as `* * *` stays).
        let rule = body.trim().len() >= 3
            && body
                .trim()
                .chars()
                .all(|c| matches!(c, '*' | '-' | '_' | ' ' | '\t'));
        if body.starts_with(['*', '+'])
            && body[1..].starts_with([' ', '\t'])
            && !body[1..].trim().is_empty()
            && !rule
            && !in_code(body_start)
        {
            edits.push((body_start, body_start + 1, "-".to_owned()));
        }
        // kramdown's own input takes `#title` as a heading; CommonMark needs the space.
        let hashes = body.bytes().take_while(|b| *b == b'#').count();
        if !self.options.gfm
            && (1..=6).contains(&hashes)
            && !body[hashes..].starts_with([' ', '\t', '\n', '\r'])
            && !body[hashes..].is_empty()
        {
            edits.push((body_start + hashes, body_start + hashes, " ".to_owned()));
        }
        if body.starts_with(':') && !body[1..].starts_with([' ', '\t']) && body_start == 0 {
            edits.push((0, 0, "\\".to_owned()));
        }
        for pat in ["<<", ">>"] {
            let mut search = body_start;
            while let Some(o) = line[search..].find(pat) {
                let at = search + o;
                search = at + 2;
                if in_code(at) || line[..at].ends_with('\\') {
                    continue;
                }
                edits.push((at, at + 2, if pat == "<<" { "«" } else { "»" }.to_owned()));
            }
        }
        edits.sort_by_key(|e| (e.0, e.1));
        let mut last = 0;
        for (s, e, rep) in edits {
            if s < last {
                continue;
            }
            self.out.copy(&line[last..s], pos + last);
            self.out.generate(&rep, pos + s);
            last = e;
        }
        self.out.copy(&line[last..], pos + last);
    }
}
