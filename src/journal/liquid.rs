//! Liquid, as Jekyll runs it over a post before kramdown reads it.
//!
//! Jekyll renders a post's whole body as a Liquid template first, so `{% comment %}` and
//! `{% raw %}` act before Markdown, `<img src="{{ "/x.png" | absolute_url }}">` is valid
//! (the inner quotes never reach the HTML), and `{% highlight %}` becomes Rouge's HTML.
//! This module evaluates the parts posts use — `{{ page.x }}`, `{{ site.x }}`, `include.x`,
//! the common filters, `{% link %}`, `{% post_url %}`, `{% include %}`, `{% raw %}`,
//! `{% comment %}`, `{% highlight %}`, `{% assign %}`, `{% capture %}`, `{% if %}`,
//! `{% unless %}` and simple `{% for %}` — and never fails: what it cannot evaluate
//! (plugin tags, `site.posts`, unknown filters) becomes a marker ([`UNRESOLVED_OPEN`] index
//! [`UNRESOLVED_CLOSE`]) naming the original text, which the preview shows dimmed, `render`
//! leaves out, and the check reports as `unresolved-image` when it sits in an image URL.
//!
//! Why not the `liquid` crate: it fails a whole template on the first unknown tag or
//! filter, and real posts are full of plugin tags; the preview must show everything else.
//! Pure: includes, post URLs and `{% link %}` targets come from the caller.
//!
//! Limitations: no `case`, `cycle`, `tablerow`, ranges, or filters over lists of objects.

use std::collections::HashMap;

use super::srcmap::{Builder, SourceMap};

/// Starts a reference to Liquid that could not be evaluated (followed by its index).
pub const UNRESOLVED_OPEN: char = '\u{E000}';
/// Ends such a reference.
pub const UNRESOLVED_CLOSE: char = '\u{E001}';

/// Nested includes deeper than this are not followed (Jekyll would loop forever).
const MAX_INCLUDE_DEPTH: usize = 8;
/// Loop iterations in one `for` tag, at most.
const MAX_LOOP: usize = 1000;

/// A Liquid value.
#[derive(Debug, Clone, PartialEq)]
pub enum LValue {
    Nil,
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<LValue>),
}

impl LValue {
    fn truthy(&self) -> bool {
        !matches!(self, LValue::Nil | LValue::Bool(false))
    }

    /// The value as Liquid prints it.
    pub fn render(&self) -> String {
        match self {
            LValue::Nil => String::new(),
            LValue::Bool(b) => b.to_string(),
            LValue::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            LValue::Num(n) => n.to_string(),
            LValue::Str(s) => s.clone(),
            LValue::List(items) => items.iter().map(LValue::render).collect(),
        }
    }

    fn as_num(&self) -> Option<f64> {
        match self {
            LValue::Num(n) => Some(*n),
            LValue::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    fn items(&self) -> Vec<LValue> {
        match self {
            LValue::List(items) => items.clone(),
            LValue::Nil => Vec::new(),
            other => vec![other.clone()],
        }
    }
}

/// `s` with each marker of unevaluated Liquid replaced by `with(index)`; an opening marker
/// without its close stays as written.
pub fn replace_markers(s: &str, with: &dyn Fn(usize) -> String) -> String {
    if !s.contains(UNRESOLVED_OPEN) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(UNRESOLVED_OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + UNRESOLVED_OPEN.len_utf8()..];
        let Some(e) = after.find(UNRESOLVED_CLOSE) else {
            out.push_str(&rest[i..]);
            return out;
        };
        out.push_str(&with(after[..e].parse().unwrap_or(usize::MAX)));
        rest = &after[e + UNRESOLVED_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// `s` with its markers replaced by the Liquid they stand for, as written.
pub fn restore_markers(s: &str, unresolved: &[String]) -> String {
    replace_markers(s, &|n| unresolved.get(n).cloned().unwrap_or_default())
}

/// What Liquid can see of the site and the post.
#[derive(Clone, Copy)]
pub struct LiquidEnv<'a> {
    /// Variables by full dotted name: `page.title`, `site.title`, `site.baseurl`…
    pub vars: &'a HashMap<String, LValue>,
    pub baseurl: &'a str,
    /// The site's `url` (for `absolute_url`).
    pub url: &'a str,
    /// The text of `_includes/NAME`.
    pub include: &'a dyn Fn(&str) -> Option<String>,
    /// The URL (without `baseurl`) of the post named `2016-11-03-slug`.
    pub post_url: &'a dyn Fn(&str) -> Option<String>,
    /// The URL (without `baseurl`) of the site file at a site-relative path.
    pub link: &'a dyn Fn(&str) -> Option<String>,
}

/// A post body after Liquid.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub text: String,
    /// From `text` back to the body as written.
    pub map: SourceMap,
    /// The original text of each unevaluated piece, by marker index.
    pub unresolved: Vec<String>,
}

/// Roots of variables Jekyll fills in that daybook does not model (lists of documents).
const DYNAMIC: [&str; 14] = [
    "site.data",
    "site.posts",
    "site.pages",
    "site.static_files",
    "site.collections",
    "site.categories",
    "site.tags",
    "site.documents",
    "site.html_pages",
    "site.related_posts",
    "paginator",
    "content",
    "layout",
    "page.previous",
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum TokKind {
    Text,
    Output,
    Tag,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: TokKind,
    /// The whole token in the source.
    start: usize,
    end: usize,
    /// The inside of `{{ }}` / `{% %}`.
    inner: (usize, usize),
    trim_left: bool,
    trim_right: bool,
}

fn tokenize(src: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let bytes = src.as_bytes();
    let mut pos = 0;
    let mut text_start = 0;
    while let Some(off) = src[pos..].find('{') {
        let at = pos + off;
        let next = bytes.get(at + 1).copied();
        let close = match next {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                pos = at + 1;
                continue;
            }
        };
        let Some(c) = src[at + 2..].find(close) else {
            pos = at + 2;
            continue;
        };
        let end = at + 2 + c + 2;
        let mut inner = (at + 2, at + 2 + c);
        let trim_left = src[inner.0..inner.1].starts_with('-');
        let trim_right = src[inner.0..inner.1].ends_with('-');
        if trim_left {
            inner.0 += 1;
        }
        if trim_right && inner.1 > inner.0 {
            inner.1 -= 1;
        }
        // `{{-}}`, `{%-%}`: one dash trims both sides; the inside is empty.
        inner.1 = inner.1.max(inner.0);
        if text_start < at {
            toks.push(text_tok(text_start, at));
        }
        let kind = if close == "}}" {
            TokKind::Output
        } else {
            TokKind::Tag
        };
        toks.push(Tok {
            kind,
            start: at,
            end,
            inner,
            trim_left,
            trim_right,
        });
        pos = end;
        text_start = end;
        // `{% raw %}` … `{% endraw %}`: everything between is text.
        if kind == TokKind::Tag && src[inner.0..inner.1].trim() == "raw" {
            let rest = &src[end..];
            let mut search = 0;
            let close_at = loop {
                let Some(o) = rest[search..].find("{%") else {
                    break None;
                };
                let o = search + o;
                if let Some(c) = rest[o + 2..].find("%}").map(|c| c + 2) {
                    let body =
                        rest[o + 2..o + c].trim_matches(|ch: char| ch == '-' || ch.is_whitespace());
                    if body == "endraw" {
                        break Some((o, o + c + 2));
                    }
                }
                search = o + 2;
            };
            match close_at {
                Some((o, e)) => {
                    if o > 0 {
                        toks.push(text_tok(end, end + o));
                    }
                    toks.push(Tok {
                        kind: TokKind::Tag,
                        start: end + o,
                        end: end + e,
                        inner: (end + o + 2, end + e - 2),
                        trim_left: false,
                        trim_right: false,
                    });
                    pos = end + e;
                    text_start = pos;
                }
                None => {
                    // Unclosed raw: the rest is text.
                    pos = src.len();
                }
            }
        }
    }
    if text_start < src.len() {
        toks.push(text_tok(text_start, src.len()));
    }
    toks
}

fn text_tok(start: usize, end: usize) -> Tok {
    Tok {
        kind: TokKind::Text,
        start,
        end,
        inner: (start, end),
        trim_left: false,
        trim_right: false,
    }
}

/// Render `src` (a post body) as Jekyll's Liquid would.
pub fn render(src: &str, env: &LiquidEnv<'_>) -> Rendered {
    let mut unresolved = Vec::new();
    let mut out = Builder::with_capacity(src.len() + 64);
    let mut locals = HashMap::new();
    let mut ev = Eval {
        src,
        toks: tokenize(src),
        pos: 0,
        env,
        unresolved: &mut unresolved,
        depth: 0,
        trim_next: false,
        anchor: None,
    };
    ev.block(&mut out, &mut locals, &[], true);
    while ev.pos < ev.toks.len() {
        // A stray end tag at the top level: show it and go on.
        let tok = ev.toks[ev.pos];
        ev.pos += 1;
        ev.mark_unresolved(&mut out, tok);
        ev.block(&mut out, &mut locals, &[], true);
    }
    let (text, map) = out.finish();
    Rendered {
        text,
        map,
        unresolved,
    }
}

struct Eval<'s, 'e, 'u> {
    src: &'s str,
    toks: Vec<Tok>,
    pos: usize,
    env: &'e LiquidEnv<'e>,
    unresolved: &'u mut Vec<String>,
    depth: usize,
    trim_next: bool,
    /// Inside an include, every byte of output points at the include tag.
    anchor: Option<usize>,
}

type Locals = HashMap<String, LValue>;

impl Eval<'_, '_, '_> {
    fn copy(&mut self, out: &mut Builder, text: &str, at: usize) {
        match self.anchor {
            Some(a) => out.generate(text, a),
            None => out.copy(text, at),
        }
    }

    fn generate(&mut self, out: &mut Builder, text: &str, at: usize) {
        out.generate(text, self.anchor.unwrap_or(at));
    }

    fn mark_unresolved(&mut self, out: &mut Builder, tok: Tok) {
        let index = self.unresolved.len();
        self.unresolved
            .push(self.src[tok.start..tok.end].to_owned());
        let marker = format!("{UNRESOLVED_OPEN}{index}{UNRESOLVED_CLOSE}");
        self.generate(out, &marker, tok.start);
    }

    fn inner(&self, tok: Tok) -> &str {
        &self.src[tok.inner.0..tok.inner.1]
    }

    /// Render tokens until one of the tag names in `ends` (at this nesting level); returns
    /// its name and arguments, or `None` at the end of the input. With `emit` false the
    /// tokens are only skipped.
    fn block(
        &mut self,
        out: &mut Builder,
        locals: &mut Locals,
        ends: &[&str],
        emit: bool,
    ) -> Option<(String, String)> {
        while self.pos < self.toks.len() {
            let tok = self.toks[self.pos];
            self.pos += 1;
            if tok.trim_left && emit {
                out.trim_end();
            }
            match tok.kind {
                TokKind::Text => {
                    let mut text = &self.src[tok.start..tok.end];
                    let mut at = tok.start;
                    if self.trim_next {
                        let trimmed = text.trim_start();
                        at += text.len() - trimmed.len();
                        text = trimmed;
                    }
                    self.trim_next = false;
                    if emit {
                        self.copy(out, text, at);
                    }
                    continue;
                }
                TokKind::Output => {
                    if emit {
                        self.output(out, locals, tok);
                    }
                }
                TokKind::Tag => {
                    let inner = self.inner(tok).trim().to_owned();
                    let (name, args) = inner
                        .split_once(char::is_whitespace)
                        .map_or((inner.as_str(), ""), |(n, a)| (n, a.trim()));
                    if ends.contains(&name) {
                        self.trim_next = tok.trim_right;
                        return Some((name.to_owned(), args.to_owned()));
                    }
                    let (name, args) = (name.to_owned(), args.to_owned());
                    self.tag(out, locals, tok, &name, &args, emit);
                }
            }
            self.trim_next = tok.trim_right;
        }
        None
    }

    fn output(&mut self, out: &mut Builder, locals: &Locals, tok: Tok) {
        let inner = self.inner(tok).to_owned();
        match self.expression(&inner, locals) {
            Some(v) => {
                let text = v.render();
                self.generate(out, &text, tok.start);
            }
            None => self.mark_unresolved(out, tok),
        }
    }

    fn tag(
        &mut self,
        out: &mut Builder,
        locals: &mut Locals,
        tok: Tok,
        name: &str,
        args: &str,
        emit: bool,
    ) {
        match name {
            "raw" => {
                // The tokenizer made the body one text token; skip the endraw.
                self.block(out, locals, &["endraw"], emit);
            }
            "comment" => {
                self.skip_until("endcomment");
            }
            "if" | "unless" => self.conditional(out, locals, name, args, emit),
            "for" => self.for_loop(out, locals, tok, args, emit),
            "capture" => {
                let mut inner = Builder::default();
                self.block(&mut inner, locals, &["endcapture"], emit);
                if emit {
                    locals.insert(args.trim().to_owned(), LValue::Str(inner.text));
                }
            }
            "highlight" => {
                let mut inner = Builder::default();
                let saved = self.anchor;
                self.block(&mut inner, locals, &["endhighlight"], emit);
                self.anchor = saved;
                if emit {
                    let html = highlight_html(args, &inner.text);
                    self.generate(out, &html, tok.start);
                }
            }
            _ if !emit => {
                if let Some(end) = block_end(name) {
                    self.skip_until(end);
                }
            }
            "assign" => match args.split_once('=') {
                Some((var, expr)) => match self.expression(expr, locals) {
                    Some(v) => {
                        locals.insert(var.trim().to_owned(), v);
                    }
                    None => self.mark_unresolved(out, tok),
                },
                None => self.mark_unresolved(out, tok),
            },
            "include" => self.include(out, locals, tok, args),
            "link" => match (self.env.link)(args.trim()) {
                Some(url) => {
                    let url = relative_url(self.env.baseurl, &url);
                    self.generate(out, &url, tok.start);
                }
                None => self.mark_unresolved(out, tok),
            },
            "post_url" => match (self.env.post_url)(args.trim()) {
                Some(url) => {
                    let url = relative_url(self.env.baseurl, &url);
                    self.generate(out, &url, tok.start);
                }
                None => self.mark_unresolved(out, tok),
            },
            _ => {
                self.mark_unresolved(out, tok);
                if let Some(end) = block_end(name) {
                    // A known block we cannot run (`case`…): its body is not shown.
                    self.skip_until(end);
                }
            }
        }
    }

    fn skip_until(&mut self, end: &str) {
        let mut sink = Builder::default();
        let mut scratch = Locals::new();
        self.block(&mut sink, &mut scratch, &[end], false);
    }

    fn conditional(
        &mut self,
        out: &mut Builder,
        locals: &mut Locals,
        name: &str,
        args: &str,
        emit: bool,
    ) {
        let end = if name == "if" { "endif" } else { "endunless" };
        let mut cond = self.condition(args, locals);
        if name == "unless" {
            cond = cond.map(|c| !c);
        }
        let Some(mut taken) = cond else {
            // Unknown condition: render nothing of it.
            self.skip_until(end);
            return;
        };
        let mut done = false;
        loop {
            let run = emit && taken && !done;
            done |= taken;
            match self.block(out, locals, &["elsif", "else", end], run) {
                Some((n, a)) if n == "elsif" => {
                    taken = !done && self.condition(&a, locals).unwrap_or(false);
                }
                Some((n, _)) if n == "else" => taken = !done,
                _ => return,
            }
        }
    }

    fn for_loop(
        &mut self,
        out: &mut Builder,
        locals: &mut Locals,
        tok: Tok,
        args: &str,
        emit: bool,
    ) {
        let parsed = args.split_once(" in ").map(|(var, rest)| {
            (
                var.trim().to_owned(),
                rest.split_whitespace().next().unwrap_or("").to_owned(),
            )
        });
        let list = parsed
            .as_ref()
            .and_then(|(_, expr)| self.expression(expr, locals));
        let (Some((var, _)), Some(list), true) = (parsed, list, emit) else {
            if emit {
                self.mark_unresolved(out, tok);
            }
            self.skip_until("endfor");
            return;
        };
        let items = list.items();
        let body_start = self.pos;
        if items.is_empty() {
            self.skip_until("endfor");
            return;
        }
        for item in items.into_iter().take(MAX_LOOP) {
            self.pos = body_start;
            locals.insert(var.clone(), item);
            self.block(out, locals, &["endfor"], true);
        }
        locals.remove(&var);
    }

    fn include(&mut self, out: &mut Builder, locals: &Locals, tok: Tok, args: &str) {
        let (file, params) = args
            .split_once(char::is_whitespace)
            .map_or((args, ""), |(f, p)| (f, p));
        let text = if self.depth < MAX_INCLUDE_DEPTH {
            (self.env.include)(file.trim())
        } else {
            None
        };
        let Some(text) = text else {
            self.mark_unresolved(out, tok);
            return;
        };
        let mut inner_locals = locals.clone();
        for (key, value) in parse_params(params) {
            let v = self.expression(&value, locals).unwrap_or(LValue::Nil);
            inner_locals.insert(format!("include.{key}"), v);
        }
        let mut sub = Eval {
            src: &text,
            toks: tokenize(&text),
            pos: 0,
            env: self.env,
            unresolved: self.unresolved,
            depth: self.depth + 1,
            trim_next: false,
            anchor: Some(self.anchor.unwrap_or(tok.start)),
        };
        sub.block(out, &mut inner_locals, &[], true);
    }

    /// `a == b`, `a contains b`, `a and b`, `a or b`, truthiness; `None` when unknown.
    fn condition(&self, cond: &str, locals: &Locals) -> Option<bool> {
        if let Some((a, b)) = split_word(cond, "or") {
            return Some(self.condition(a, locals)? || self.condition(b, locals)?);
        }
        if let Some((a, b)) = split_word(cond, "and") {
            return Some(self.condition(a, locals)? && self.condition(b, locals)?);
        }
        for op in ["==", "!=", "<>", ">=", "<=", ">", "<", " contains "] {
            if let Some((a, b)) = cond.split_once(op) {
                let a = self.term(a.trim(), locals)?;
                let b = self.term(b.trim(), locals)?;
                return Some(match op.trim() {
                    "==" => loose_eq(&a, &b),
                    "!=" | "<>" => !loose_eq(&a, &b),
                    "contains" => match &a {
                        LValue::Str(s) => s.contains(&b.render()),
                        LValue::List(items) => items.iter().any(|i| loose_eq(i, &b)),
                        _ => false,
                    },
                    cmp => {
                        let (x, y) = (a.as_num()?, b.as_num()?);
                        match cmp {
                            ">=" => x >= y,
                            "<=" => x <= y,
                            ">" => x > y,
                            _ => x < y,
                        }
                    }
                });
            }
        }
        Some(self.term(cond.trim(), locals)?.truthy())
    }

    /// `value | filter: a, b | filter`; `None` when it cannot be evaluated.
    fn expression(&self, expr: &str, locals: &Locals) -> Option<LValue> {
        let parts = split_outside_quotes(expr, '|');
        let mut value = self.term(parts.first()?.trim(), locals)?;
        for filter in &parts[1..] {
            let (name, args) = filter
                .split_once(':')
                .map_or((filter.trim(), ""), |(n, a)| (n.trim(), a));
            let args = split_outside_quotes(args, ',')
                .iter()
                .filter(|a| !a.trim().is_empty())
                .map(|a| self.term(a.trim(), locals))
                .collect::<Option<Vec<_>>>()?;
            value = self.filter(name, value, &args)?;
        }
        Some(value)
    }

    fn term(&self, t: &str, locals: &Locals) -> Option<LValue> {
        if t.is_empty() {
            return None;
        }
        if let Some(s) = unquote(t) {
            return Some(LValue::Str(s.to_owned()));
        }
        match t {
            "true" => return Some(LValue::Bool(true)),
            "false" => return Some(LValue::Bool(false)),
            "nil" | "null" => return Some(LValue::Nil),
            "empty" | "blank" => return Some(LValue::Str(String::new())),
            _ => {}
        }
        if let Ok(n) = t.parse::<f64>() {
            return Some(LValue::Num(n));
        }
        if !t
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']' | '"' | '\''))
        {
            return None;
        }
        // `a["b"]` → `a.b`
        let path = t
            .replace("[\"", ".")
            .replace("['", ".")
            .replace("\"]", "")
            .replace("']", "");
        self.lookup(&path, locals)
    }

    fn lookup(&self, path: &str, locals: &Locals) -> Option<LValue> {
        if let Some(v) = locals.get(path).or_else(|| self.env.vars.get(path)) {
            return Some(v.clone());
        }
        // `x.size`, `x.first`, `x.last` on a known value.
        if let Some((base, prop)) = path.rsplit_once('.')
            && let Some(v) = locals.get(base).or_else(|| self.env.vars.get(base))
        {
            return match prop {
                "size" => Some(LValue::Num(match v {
                    LValue::List(i) => i.len() as f64,
                    other => other.render().chars().count() as f64,
                })),
                "first" => Some(v.items().first().cloned().unwrap_or(LValue::Nil)),
                "last" => Some(v.items().last().cloned().unwrap_or(LValue::Nil)),
                _ => Some(LValue::Nil),
            };
        }
        if DYNAMIC.iter().any(|d| {
            path == *d || path.starts_with(&format!("{d}.")) || path.starts_with(&format!("{d}["))
        }) {
            return None;
        }
        // Undefined variables are nil in Liquid.
        Some(LValue::Nil)
    }

    fn filter(&self, name: &str, v: LValue, args: &[LValue]) -> Option<LValue> {
        let arg = |i: usize| args.get(i).map(LValue::render).unwrap_or_default();
        let s = || v.render();
        let num = |x: &LValue| x.as_num().unwrap_or(0.0);
        Some(match name {
            "relative_url" => LValue::Str(relative_url(self.env.baseurl, &s())),
            "absolute_url" => LValue::Str(absolute_url(self.env.url, self.env.baseurl, &s())),
            "prepend" => LValue::Str(format!("{}{}", arg(0), s())),
            "append" => LValue::Str(format!("{}{}", s(), arg(0))),
            "replace" => LValue::Str(s().replace(&arg(0), &arg(1))),
            "replace_first" => LValue::Str(s().replacen(&arg(0), &arg(1), 1)),
            "remove" => LValue::Str(s().replace(&arg(0), "")),
            "remove_first" => LValue::Str(s().replacen(&arg(0), "", 1)),
            "default" => {
                if v.truthy() && v != LValue::Str(String::new()) && v != LValue::List(Vec::new()) {
                    v
                } else {
                    args.first().cloned().unwrap_or(LValue::Nil)
                }
            }
            "escape" | "xml_escape" | "escape_once" => LValue::Str(escape_html(&s())),
            "upcase" => LValue::Str(s().to_uppercase()),
            "downcase" => LValue::Str(s().to_lowercase()),
            "capitalize" => {
                let t = s();
                let mut c = t.chars();
                LValue::Str(match c.next() {
                    Some(f) => f
                        .to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                })
            }
            "strip" => LValue::Str(s().trim().to_owned()),
            "lstrip" => LValue::Str(s().trim_start().to_owned()),
            "rstrip" => LValue::Str(s().trim_end().to_owned()),
            "strip_newlines" => LValue::Str(s().replace(['\n', '\r'], "")),
            "newline_to_br" => LValue::Str(s().replace('\n', "<br />\n")),
            "strip_html" => LValue::Str(strip_tags(&s())),
            "url_encode" | "cgi_escape" => LValue::Str(form_encode(&s())),
            "uri_escape" => LValue::Str(encode_path(&s())),
            "url_decode" => LValue::Str(super::permalink::percent_decode(&s().replace('+', " "))),
            "slugify" => LValue::Str(super::slug::slugify(&s(), super::slug::SlugStyle::Default)),
            "size" => LValue::Num(match &v {
                LValue::List(i) => i.len() as f64,
                other => other.render().chars().count() as f64,
            }),
            "first" => v.items().first().cloned().unwrap_or(LValue::Nil),
            "last" => v.items().last().cloned().unwrap_or(LValue::Nil),
            "join" => LValue::Str(
                v.items()
                    .iter()
                    .map(LValue::render)
                    .collect::<Vec<_>>()
                    .join(&if args.is_empty() {
                        " ".to_owned()
                    } else {
                        arg(0)
                    }),
            ),
            "split" => LValue::List(
                s().split(&arg(0))
                    .map(|p| LValue::Str(p.to_owned()))
                    .collect(),
            ),
            "array_to_sentence_string" => {
                let items: Vec<String> = v.items().iter().map(LValue::render).collect();
                LValue::Str(match items.len() {
                    0 => String::new(),
                    1 => items[0].clone(),
                    2 => format!("{} and {}", items[0], items[1]),
                    n => format!("{}, and {}", items[..n - 1].join(", "), items[n - 1]),
                })
            }
            "number_of_words" => LValue::Num(s().split_whitespace().count() as f64),
            "truncate" => {
                let n = args.first().map_or(50.0, num) as usize;
                let t = s();
                if t.chars().count() <= n {
                    LValue::Str(t)
                } else {
                    let keep: String = t.chars().take(n.saturating_sub(3)).collect();
                    LValue::Str(format!("{keep}..."))
                }
            }
            "truncatewords" => {
                let n = args.first().map_or(15.0, num) as usize;
                let t = s();
                let words: Vec<&str> = t.split_whitespace().collect();
                if words.len() <= n {
                    LValue::Str(t)
                } else {
                    LValue::Str(format!("{}...", words[..n].join(" ")))
                }
            }
            "plus" => LValue::Num(num(&v) + args.first().map_or(0.0, num)),
            "minus" => LValue::Num(num(&v) - args.first().map_or(0.0, num)),
            "times" => LValue::Num(num(&v) * args.first().map_or(1.0, num)),
            "divided_by" => {
                let d = args.first().map_or(1.0, num);
                if d == 0.0 {
                    return None;
                }
                LValue::Num((num(&v) / d).floor())
            }
            "modulo" => {
                let d = args.first().map_or(1.0, num);
                if d == 0.0 {
                    return None;
                }
                LValue::Num(num(&v) % d)
            }
            "abs" => LValue::Num(num(&v).abs()),
            "round" => LValue::Num(num(&v).round()),
            "floor" => LValue::Num(num(&v).floor()),
            "ceil" => LValue::Num(num(&v).ceil()),
            "reverse" => {
                let mut items = v.items();
                items.reverse();
                LValue::List(items)
            }
            "date" => LValue::Str(format_date(&s(), &arg(0))?),
            "date_to_string" => LValue::Str(format_date(&s(), "%d %b %Y")?),
            "date_to_long_string" => LValue::Str(format_date(&s(), "%d %B %Y")?),
            "date_to_xmlschema" => LValue::Str(format_date(&s(), "%Y-%m-%dT%H:%M:%S%:z")?),
            "jsonify" => LValue::Str(serde_json::to_string(&s()).ok()?),
            _ => return None,
        })
    }
}

/// The end tag of a block tag.
fn block_end(name: &str) -> Option<&'static str> {
    Some(match name {
        "if" => "endif",
        "unless" => "endunless",
        "for" => "endfor",
        "case" => "endcase",
        "capture" => "endcapture",
        "comment" => "endcomment",
        "tablerow" => "endtablerow",
        "highlight" => "endhighlight",
        _ => return None,
    })
}

fn loose_eq(a: &LValue, b: &LValue) -> bool {
    match (a, b) {
        (LValue::Num(x), y) | (y, LValue::Num(x)) => y.as_num() == Some(*x),
        _ => a == b,
    }
}

fn split_word<'a>(s: &'a str, word: &str) -> Option<(&'a str, &'a str)> {
    let pat = format!(" {word} ");
    s.find(&pat).map(|i| (&s[..i], &s[i + pat.len()..]))
}

fn unquote(t: &str) -> Option<&str> {
    for q in ['"', '\''] {
        if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
            return Some(&t[1..t.len() - 1]);
        }
    }
    None
}

fn split_outside_quotes(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == sep => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            None => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// `key=value key2="v 2"` of an include tag.
fn parse_params(params: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = params.trim();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().to_owned();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                Some(e) => (&after[..e + 2], &after[e + 2..]),
                None => (after, ""),
            },
            _ => match after.find(char::is_whitespace) {
                Some(e) => (&after[..e], &after[e..]),
                None => (after, ""),
            },
        };
        if !key.is_empty() {
            out.push((key, value.to_owned()));
        }
        rest = next.trim_start();
    }
    out
}

fn is_absolute_uri(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let scheme = &s[..colon];
    !scheme.is_empty()
        && scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Percent-encode what Addressable's `normalize` encodes in a path: spaces, non-ASCII and
/// characters not allowed in URLs; existing `%XX` escapes are kept.
pub fn encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let valid_escape = b == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?#[]".contains(&b) || valid_escape {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn form_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._*".contains(&b) {
            out.push(char::from(b));
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn leading_slash(s: &str) -> String {
    if s.is_empty() || s.starts_with('/') {
        s.to_owned()
    } else {
        format!("/{s}")
    }
}

/// Jekyll's `relative_url` filter.
pub fn relative_url(baseurl: &str, input: &str) -> String {
    if is_absolute_uri(input) {
        return input.to_owned();
    }
    let base = baseurl.trim_end_matches('/');
    encode_path(&format!("{}{}", leading_slash(base), leading_slash(input)))
}

/// Jekyll's `absolute_url` filter.
pub fn absolute_url(url: &str, baseurl: &str, input: &str) -> String {
    if is_absolute_uri(input) {
        return input.to_owned();
    }
    let rel = relative_url(baseurl, input);
    if url.is_empty() {
        return rel;
    }
    format!("{}{rel}", url.trim_end_matches('/'))
}

/// `&`, `<`, `>`, `"` and `'` as entities.
pub fn escape_html(s: &str) -> String {
    escape(s, true)
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn format_date(value: &str, format: &str) -> Option<String> {
    use chrono::TimeZone;
    let written = super::date::parse_written_date(value.trim())?;
    let offset = match written.offset {
        Some(off) => off,
        None => chrono::FixedOffset::east_opt(0)?,
    };
    let dt = offset.from_local_datetime(&written.local).single()?;
    let mut out = String::new();
    use std::fmt::Write;
    write!(out, "{}", dt.format(format)).ok()?;
    Some(out)
}

/// Rouge's HTML for `{% highlight lang [linenos] %}`, as Jekyll 4.3 writes it (token colours
/// left out: the text and structure are what the page shows).
fn highlight_html(args: &str, code: &str) -> String {
    let mut words = args.split_whitespace();
    let lang = words.next().unwrap_or("text").to_lowercase();
    let linenos = words.any(|w| w == "linenos" || w.starts_with("linenos="));
    let code = code.trim_matches(['\n', '\r']);
    let escaped = escape_code(code);
    let open = format!(
        "<figure class=\"highlight\"><pre><code class=\"language-{lang}\" data-lang=\"{lang}\">"
    );
    if linenos {
        let lines = code.lines().count().max(1);
        let numbers: String = (1..=lines).map(|n| format!("{n}\n")).collect();
        format!(
            "{open}<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">{numbers}</pre></td><td class=\"code\"><pre>{escaped}\n</pre></td></tr></tbody></table></code></pre></figure>"
        )
    } else {
        format!("{open}{escaped}</code></pre></figure>")
    }
}

/// `&`, `<`, `>` as entities (code text).
pub fn escape_code(s: &str) -> String {
    escape(s, false)
}

fn escape(s: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "liquid_tests.rs"]
mod tests;
