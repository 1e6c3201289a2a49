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

mod tokens;
use tokens::*;
mod ast;
mod cond;
mod expr;
mod filters;
pub use filters::*;
mod budget;
mod for_loop;
use budget::Shared;
pub use budget::{Limit, LimitHit};
mod list_filters;
mod numbers;
mod values;
pub use values::LValue;
use values::parse_path;

use std::collections::HashMap;

use super::srcmap::{Builder, SourceMap};

pub use crate::journal::reserved::{UNRESOLVED_CLOSE, UNRESOLVED_OPEN};

/// Nested includes deeper than this are not followed (Jekyll would loop forever).
const MAX_INCLUDE_DEPTH: usize = 8;
/// Loop iterations in one `for` tag, at most.
const MAX_LOOP: usize = 1000;

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
    /// The site's kramdown options (`markdownify` converts with them, as the page does).
    pub kramdown: crate::journal::kramdown::Options,
}

/// A post body after Liquid.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub text: String,
    /// From `text` back to the body as written.
    pub map: SourceMap,
    /// The original text of each unevaluated piece, by marker index.
    pub unresolved: Vec<String>,
    /// Where the render reached one of its limits.
    pub limits: Vec<LimitHit>,
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

/// Render `src` (a post body) as Jekyll's Liquid would.
pub fn render(src: &str, env: &LiquidEnv<'_>) -> Rendered {
    // The post's own noncharacters are not this pass's markers.
    let src = &*crate::journal::reserved::scrub(src, &[]);
    let mut shared = Shared::default();
    let mut out = Builder::with_capacity(src.len() + 64);
    let mut locals = HashMap::new();
    let mut ev = Eval {
        src,
        toks: tokenize(src),
        pos: 0,
        env,
        shared: &mut shared,
        depth: 0,
        nest: 0,
        trim_next: false,
        anchor: None,
        skipped: HashMap::new(),
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
        unresolved: shared.unresolved,
        limits: shared.hits,
    }
}

struct Eval<'s, 'e, 'u> {
    src: &'s str,
    toks: Vec<Tok>,
    pos: usize,
    env: &'e LiquidEnv<'e>,
    shared: &'u mut Shared,
    depth: usize,
    /// Block tags open around the one being read.
    nest: usize,
    trim_next: bool,
    /// Inside an include, every byte of output points at the include tag.
    anchor: Option<usize>,
    /// Blocks skipped already: from a token, the token after the block's end. A loop whose
    /// body skips a block (past the nesting limit, a false branch) skips it once, not once
    /// per iteration.
    skipped: HashMap<usize, usize>,
}

type Locals = HashMap<String, LValue>;

impl Eval<'_, '_, '_> {
    fn copy(&mut self, out: &mut Builder, text: &str, at: usize) {
        if !self.shared.spend_bytes(text.len()) {
            self.output_spent(at);
            return;
        }
        match self.anchor {
            Some(a) => out.generate(text, a),
            None => out.copy(text, at),
        }
    }

    fn generate(&mut self, out: &mut Builder, text: &str, at: usize) {
        if !self.shared.spend_bytes(text.len()) {
            self.output_spent(at);
            return;
        }
        out.generate(text, self.anchor.unwrap_or(at));
    }

    fn mark_unresolved(&mut self, out: &mut Builder, tok: Tok) {
        let index = self.shared.unresolved.len();
        self.shared
            .unresolved
            .push(self.src[tok.start..tok.end].to_owned());
        let marker = format!("{UNRESOLVED_OPEN}{index}{UNRESOLVED_CLOSE}");
        out.generate(&marker, self.anchor.unwrap_or(tok.start));
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
            if self.shared.stopped {
                self.pos = self.toks.len();
                return None;
            }
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
        let opens = block_end(name).is_some();
        if opens && self.nest >= budget::MAX_NEST {
            if emit {
                self.hit(out, tok, Limit::Nesting);
            }
            if let Some(end) = block_end(name) {
                self.skip_until(end);
            }
            return;
        }
        self.nest += usize::from(opens);
        self.run_tag(out, locals, tok, name, args, emit);
        self.nest -= usize::from(opens);
    }

    fn run_tag(
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
                if emit && self.shared.spend_bytes(inner.text.len()) {
                    locals.insert(args.trim().to_owned(), LValue::Str(inner.text));
                } else if emit {
                    self.hit(out, tok, Limit::Output);
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
                    Some(v) if !self.shared.spend_bytes(v.render().len()) => {
                        self.hit(out, tok, Limit::Output);
                    }
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

    fn include(&mut self, out: &mut Builder, locals: &Locals, tok: Tok, args: &str) {
        let (file, params) = args
            .split_once(char::is_whitespace)
            .map_or((args, ""), |(f, p)| (f, p));
        if !self.shared.spend_include() {
            self.hit(out, tok, Limit::Includes);
            return;
        }
        let text = if self.depth < MAX_INCLUDE_DEPTH {
            (self.env.include)(file.trim())
        } else {
            None
        };
        let Some(text) = text else {
            self.mark_unresolved(out, tok);
            return;
        };
        let text = crate::journal::reserved::scrub(&text, &[]).into_owned();
        let mut inner_locals = locals.clone();
        for (key, value) in parse_params(params) {
            let v = match value {
                Param::Quoted(s) => LValue::Str(s),
                Param::Variable(v) => self.expression(&v, locals).unwrap_or(LValue::Nil),
            };
            inner_locals.insert(format!("include.{key}"), v);
        }
        let mut sub = Eval {
            src: &text,
            toks: tokenize(&text),
            pos: 0,
            env: self.env,
            shared: self.shared,
            depth: self.depth + 1,
            nest: self.nest,
            trim_next: false,
            anchor: Some(self.anchor.unwrap_or(tok.start)),
            skipped: HashMap::new(),
        };
        // The include is a template of its own: its `{%-`/`-%}` trim only its own text,
        // never the white space around the tag that includes it.
        let mut inner = Builder::default();
        sub.block(&mut inner, &mut inner_locals, &[], true);
        let (text, _) = inner.finish();
        self.generate(out, &text, tok.start);
    }
}

#[cfg(test)]
#[path = "../liquid_tests.rs"]
mod tests;
