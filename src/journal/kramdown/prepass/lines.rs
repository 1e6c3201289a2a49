//! Small tests on lines and characters the passes use: punctuation and space as
//! kramdown's emphasis rules see them, table cells and separators, paragraph starts,
//! `markdown="…"` attributes, and the end of an HTML block.

use super::*;

pub(super) fn is_punct(c: Option<char>) -> bool {
    use unicode_general_category::{GeneralCategory as G, get_general_category};
    c.is_some_and(|c| {
        c.is_ascii_punctuation()
            || matches!(
                get_general_category(c),
                G::ConnectorPunctuation
                    | G::DashPunctuation
                    | G::OpenPunctuation
                    | G::ClosePunctuation
                    | G::InitialPunctuation
                    | G::FinalPunctuation
                    | G::OtherPunctuation
                    | G::MathSymbol
                    | G::CurrencySymbol
                    | G::ModifierSymbol
                    | G::OtherSymbol
            )
    })
}

pub(super) fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Where to put guards so `*` emphasis kramdown reads (opening not followed by a space,
/// closing not preceded by one) also flanks by CommonMark's rules, which refuse a delimiter
/// between punctuation and a letter.
pub(super) fn emphasis_guards(line: &str, code: &[std::ops::Range<usize>]) -> Vec<usize> {
    let b = line.as_bytes();
    // Runs of `*`: start, length, can open, can close.
    let mut runs: Vec<(usize, usize, bool, bool)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] != b'*' || code.iter().any(|r| r.contains(&i)) {
            i += 1;
            continue;
        }
        let n = b[i..].iter().take_while(|x| **x == b'*').count();
        let before = line[..i].chars().next_back();
        let after = line[i + n..].chars().next();
        runs.push((i, n, !is_space(after), !is_space(before)));
        i += n;
    }
    let mut guards = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (at, n, can_open, can_close) in runs {
        if can_close && let Some(pos) = open.iter().rposition(|(_, on)| *on == n) {
            let (o, _) = open[pos];
            open.truncate(pos);
            // CommonMark's left-flanking test for the opener, right-flanking for the closer.
            let o_before = line[..o].chars().next_back();
            let o_after = line[o + n..].chars().next();
            if is_punct(o_after) && !(is_space(o_before) || is_punct(o_before)) {
                guards.push(o + n);
            }
            let c_before = line[..at].chars().next_back();
            let c_after = line[at + n..].chars().next();
            if is_punct(c_before) && !(is_space(c_after) || is_punct(c_after)) {
                guards.push(at);
            }
            continue;
        }
        if can_open && n <= 3 {
            open.push((at, n));
        }
    }
    guards
}

/// How many cells a table line has (0 when it has no `|` outside code spans).
pub(super) fn table_cells(line: &str) -> usize {
    let code = code_spans(line);
    let b = line.as_bytes();
    let pipes: Vec<usize> = (0..b.len())
        .filter(|&i| {
            b[i] == b'|' && (i == 0 || b[i - 1] != b'\\') && !code.iter().any(|r| r.contains(&i))
        })
        .collect();
    if pipes.is_empty() {
        return 0;
    }
    let t = line.trim();
    let lead = usize::from(t.starts_with('|'));
    let trail = usize::from(t.ends_with('|') && t.len() > 1);
    (pipes.len() + 1).saturating_sub(lead + trail).max(1)
}

/// A GFM table separator line (`--- | :---:`).
pub(super) fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-')
        && t.contains(['|', '-'])
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Whether the table whose first line ends at `from` ends at a blank line or the end of the
/// text, as kramdown requires (a row followed by other text makes no table).
pub(super) fn table_ends_clean(src: &str, from: usize) -> bool {
    for line in src[from..].split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() {
            return true;
        }
        if table_cells(t) == 0 && !is_separator(t) && !is_footer_separator(t) {
            return false;
        }
    }
    true
}

/// kramdown's table footer separator (`|===`, `|=====|====|`).
pub(super) fn is_footer_separator(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|')
        && t.contains('=')
        && t.chars()
            .all(|c| matches!(c, '|' | '=' | '+' | ':' | ' ' | '\t'))
}

/// Whether a line would start a paragraph (not a heading, list, quote, rule or HTML).
pub(super) fn starts_paragraph(line: &str) -> bool {
    let t = line.trim_start();
    let rule = t.len() >= 3 && t.chars().all(|c| matches!(c, '*' | '-' | '_' | ' '));
    !(t.starts_with(['#', '>', '<', '{', '$', '=', super::HTML_OPEN])
        || is_list_marker(t)
        || is_separator(t)
        || rule)
}

pub(super) fn strip_markdown_attr(tag: &str) -> String {
    let lower = tag.to_ascii_lowercase();
    for pat in [
        "markdown=\"1\"",
        "markdown='1'",
        "markdown=1",
        "markdown=\"block\"",
        "markdown=\"span\"",
    ] {
        if let Some(i) = lower.find(pat) {
            let mut s = tag[..i].trim_end().to_owned();
            s.push_str(&tag[i + pat.len()..]);
            return s;
        }
    }
    tag.to_owned()
}

/// Where the element opened just before `from` ends (after its matching end tag), counting
/// nested elements of the same name; the end of the text when it never closes (kramdown
/// auto-closes it there).
pub fn matching_end(src: &str, from: usize, name: &str) -> usize {
    let mut depth = 1usize;
    let mut i = from;
    let raw = name == "script" || name == "style" || name == "pre" || name == "textarea";
    while let Some(o) = src[i..].find('<') {
        let at = i + o;
        match read_tag(src, at) {
            Some((Token::Comment, end)) => i = end,
            Some((Token::Close { name: n }, end)) => {
                if n == name {
                    depth -= 1;
                    if depth == 0 {
                        return end;
                    }
                }
                i = end;
            }
            Some((
                Token::Open {
                    name: n,
                    self_closing,
                    ..
                },
                end,
            )) => {
                if !raw && n == name && !self_closing {
                    depth += 1;
                }
                i = end;
            }
            _ => i = at + 1,
        }
    }
    src.len()
}
