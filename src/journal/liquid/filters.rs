//! The helpers Liquid's tags and filters use: word splitting, parameters, URL and HTML
//! escaping, `relative_url`/`absolute_url`, dates, `{% highlight %}`.

use super::*;

/// The end tag of a block tag.
pub(super) fn block_end(name: &str) -> Option<&'static str> {
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

pub(super) fn loose_eq(a: &LValue, b: &LValue) -> bool {
    match (a, b) {
        (LValue::Num(x) | LValue::Float(x), y) | (y, LValue::Num(x) | LValue::Float(x)) => {
            y.as_num() == Some(*x)
        }
        _ => a == b,
    }
}

pub(super) fn unquote(t: &str) -> Option<&str> {
    for q in ['"', '\''] {
        if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
            return Some(&t[1..t.len() - 1]);
        }
    }
    None
}

/// The value of one include parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Param {
    /// A quoted string, taken as written (Jekyll turns only `\"` — or `\'` in single
    /// quotes — into the quote; `\,` stays).
    Quoted(String),
    /// A variable (or number) looked up in the including template.
    Variable(String),
}

/// The `key=value key2="v 2"` parameters of an include tag, read as Jekyll's
/// `VALID_SYNTAX` reads them: keys of word characters and `-`, `=` with any white space (line
/// breaks included) around it, values quoted (a backslash escapes the next character) or a
/// variable name (`page.image`). Anything else is skipped up to the next white space.
pub(super) fn parse_params(params: &str) -> Vec<(String, Param)> {
    let mut out = Vec::new();
    let b = params.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c >= 0x80;
    let mut i = 0;
    while i < b.len() {
        if !word(b[i]) {
            i += 1;
            continue;
        }
        let key_start = i;
        while i < b.len() && word(b[i]) {
            i += 1;
        }
        let key = &params[key_start..i];
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        match b.get(j) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let start = j + 1;
                let mut k = start;
                while k < b.len() && b[k] != q {
                    k += if b[k] == b'\\' { 2 } else { 1 };
                }
                let Some(raw) = params.get(start..k.min(b.len())) else {
                    break;
                };
                if k >= b.len() {
                    // An unclosed quote: Jekyll refuses the tag's parameters from here.
                    break;
                }
                let escaped = if q == b'"' { "\\\"" } else { "\\'" };
                let value = raw.replace(escaped, &char::from(q).to_string());
                out.push((key.to_owned(), Param::Quoted(value)));
                i = k + 1;
            }
            Some(_) => {
                let start = j;
                let mut k = j;
                while k < b.len() && (word(b[k]) || b[k] == b'.') {
                    k += 1;
                }
                if k > start {
                    out.push((key.to_owned(), Param::Variable(params[start..k].to_owned())));
                }
                i = k.max(j + 1);
            }
            None => break,
        }
    }
    out
}

/// Jekyll 4.3's `slugify` filter with its mode (`raw`, `default`, `pretty`, `ascii`,
/// `latin`; any other mode only lower-cases): each run of characters the
/// mode does not keep becomes one `-`, a leading and a trailing `-` dropped. `latin` keeps
/// ASCII letters and digits as `ascii` does (Jekyll first transliterates accented letters).
pub(super) fn slugify_mode(s: &str, mode: Option<&str>) -> String {
    let mode = mode.unwrap_or("default");
    let keep: fn(char) -> bool = match mode {
        "raw" => |c| !c.is_whitespace(),
        "default" => crate::journal::slug::is_kept_default,
        "pretty" => |c| crate::journal::slug::is_kept_default(c) || "._~!$&'()+,;=@".contains(c),
        "ascii" | "latin" => |c| c.is_ascii_alphanumeric(),
        _ => return s.to_lowercase(),
    };
    let mut out = String::with_capacity(s.len());
    let mut run = false;
    for c in s.chars() {
        if keep(c) {
            if run {
                out.push('-');
                run = false;
            }
            out.push(c);
        } else {
            run = true;
        }
    }
    if run {
        out.push('-');
    }
    let out = out.strip_prefix('-').unwrap_or(&out);
    let out = out.strip_suffix('-').unwrap_or(out);
    out.to_lowercase()
}

pub(super) fn is_absolute_uri(s: &str) -> bool {
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

pub(super) fn form_encode(s: &str) -> String {
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

pub(super) fn leading_slash(s: &str) -> String {
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

pub(super) fn strip_tags(s: &str) -> String {
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

pub(super) fn format_date(value: &str, format: &str) -> Option<String> {
    use chrono::TimeZone;
    let written = crate::journal::date::parse_written_date(value.trim())?;
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
pub(super) fn highlight_html(args: &str, code: &str) -> String {
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

pub(super) fn escape(s: &str, quotes: bool) -> String {
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
