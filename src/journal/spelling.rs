//! Which words of a post are prose to spell-check, and in which script — the pure half of
//! spelling (the dictionaries are `crate::site::hunspell`).
//!
//! Never checked: the front matter, code (spans, fenced and indented blocks, `{% highlight %}`,
//! `<pre>`, `<code>`), Liquid, HTML tags and comments (the text between tags is prose),
//! `<script>`/`<style>`, URLs and e-mail addresses, images (alt text and path), link
//! targets, reference definitions, footnote and link labels, IALs and extensions, math,
//! abbreviation definitions. Of the words left, these are skipped as names or codes: words
//! with digits, Latin words written in capitals past their first letter (`iPhone`,
//! `QCon`, `HTML`), one-letter Latin words, a capitalised Latin word with a Korean particle
//! on it (`Jekyll로`), and the particle itself.

use std::ops::Range;

/// The script a word is written in: which dictionary reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Hangul,
    Latin,
}

/// A word to check: where it is in the post, and its script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub range: Range<usize>,
    pub script: Script,
}

/// The prose words of a whole post, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut mask = vec![false; text.len()];
    mask_regions(text, &mut mask);
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = is_word_char(c) || (c == '\'' && start.is_some());
        match (part && !mask[i], start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens(text, s..i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens(text, s..text.len(), &mut out);
    }
    out
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'À'..='ÿ') && c != '×' && c != '÷'
}

fn is_word_char(c: char) -> bool {
    is_hangul(c) || is_latin(c) || c.is_ascii_digit()
}

/// Split one run of word characters into words by script and keep those to check.
fn tokens(text: &str, run: Range<usize>, out: &mut Vec<Word>) {
    let s = text[run.clone()].trim_end_matches('\'');
    let s = s.trim_start_matches('\'');
    if s.chars().any(|c| c.is_ascii_digit()) {
        return;
    }
    let base = run.start
        + text[run.clone()]
            .find(s.chars().next().unwrap_or(' '))
            .unwrap_or(0);
    // Pieces by script.
    let mut pieces: Vec<(Range<usize>, Script)> = Vec::new();
    for (i, c) in s.char_indices() {
        let script = if is_hangul(c) {
            Script::Hangul
        } else {
            Script::Latin
        };
        match pieces.last_mut() {
            Some((r, sc)) if *sc == script => r.end = base + i + c.len_utf8(),
            _ => pieces.push((base + i..base + i + c.len_utf8(), script)),
        }
    }
    let mixed = pieces.len() > 1;
    for (i, (range, script)) in pieces.iter().enumerate() {
        let word = &text[range.clone()];
        let keep = match script {
            // A particle on a Latin name (`Jekyll로`) is not a word of its own.
            Script::Hangul => i == 0,
            Script::Latin => {
                let mut chars = word.chars();
                let first_upper = chars.next().is_some_and(char::is_uppercase);
                let later_upper = chars.any(char::is_uppercase);
                word.chars().count() > 1 && !later_upper && !(mixed && first_upper)
            }
        };
        if keep {
            out.push(Word {
                range: range.clone(),
                script: *script,
            });
        }
    }
}

/// Mark the bytes of `text` that are not prose.
fn mask_regions(text: &str, mask: &mut [bool]) {
    let mut set = |r: Range<usize>| {
        let end = r.end.min(mask.len());
        for m in &mut mask[r.start.min(end)..end] {
            *m = true;
        }
    };
    let mut fence: Option<String> = None;
    let mut raw_until: Option<&'static str> = None;
    let mut prev_blank = true;
    let mut at = 0;
    let mut first = true;
    let mut front = text.starts_with("---");
    for line in text.split_inclusive('\n') {
        let range = at..at + line.len();
        at += line.len();
        let t = line.trim_end_matches(['\n', '\r']);
        let trimmed = t.trim_start();
        if front {
            set(range);
            if !first && (t == "---" || t == "...") {
                front = false;
            }
            first = false;
            continue;
        }
        first = false;
        if let Some(f) = &fence {
            set(range);
            let mark = f.as_bytes()[0];
            let run = trimmed.bytes().take_while(|c| *c == mark).count();
            if run >= f.len() && trimmed[run..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        if let Some(end) = raw_until {
            set(range.clone());
            if t.contains(end) {
                raw_until = None;
            }
            prev_blank = t.trim().is_empty();
            continue;
        }
        let ticks = trimmed.bytes().take_while(|c| *c == b'`').count();
        let tildes = trimmed.bytes().take_while(|c| *c == b'~').count();
        if ticks >= 3 || tildes >= 3 {
            fence = Some(trimmed[..ticks.max(tildes)].to_owned());
            set(range);
            continue;
        }
        let indented = t.starts_with('\t') || t.starts_with("    ");
        if indented && prev_blank && !trimmed.is_empty() {
            // An indented code block (a list item's continuation is indented after text).
            set(range);
            continue;
        }
        prev_blank = t.trim().is_empty();
        // Whole lines that are not prose: reference definitions, abbreviations, IALs.
        if is_definition(trimmed) || trimmed.starts_with("{:") {
            set(range);
            continue;
        }
        for (open, close) in [
            ("{% highlight", "{% endhighlight"),
            ("{%- highlight", "endhighlight"),
            ("{% raw %}", "{% endraw %}"),
            ("<pre", "</pre>"),
            ("<script", "</script>"),
            ("<style", "</style>"),
            ("<!--", "-->"),
            ("{% comment %}", "{% endcomment %}"),
            ("$$", "$$"),
        ] {
            if let Some(i) = t.find(open)
                && !t[i + open.len()..].contains(close)
            {
                raw_until = Some(close);
                set(range.start + i..range.end);
            }
        }
        if let Some(close) = mask_inline(t, range.start, &mut set) {
            raw_until = Some(close);
        }
    }
}

/// `[label]: url`, `*[ABBR]: text`, `[^note]:` (its label only: the note is prose).
fn is_definition(t: &str) -> bool {
    let t = t.strip_prefix('*').unwrap_or(t);
    t.starts_with('[')
        && !t.starts_with("[^")
        && t.find("]:").is_some_and(|i| !t[..i].contains(']'))
}

/// Mark what is not prose inside one line starting at `base`; the close of a Liquid tag,
/// an HTML tag or a comment left open at its end, which the next lines belong to until it
/// (`{% include slider.html` with its parameters on the lines below).
fn mask_inline(t: &str, base: usize, set: &mut impl FnMut(Range<usize>)) -> Option<&'static str> {
    let b = t.as_bytes();
    let mut i = 0;
    let mut open = None;
    // The span from `rest`'s start to the end of `close`, or to the line's end when the
    // line does not close it.
    let mut until = |rest: &str, from: usize, close: &'static str| match rest[from..].find(close) {
        Some(e) => from + e + close.len(),
        None => {
            open = Some(close);
            rest.len()
        }
    };
    while i < b.len() {
        let rest = &t[i..];
        let span: Option<usize> = if rest.starts_with("{{") {
            Some(until(rest, 2, "}}"))
        } else if rest.starts_with("{%") {
            Some(until(rest, 2, "%}"))
        } else if rest.starts_with("<!--") {
            Some(until(rest, 4, "-->"))
        } else if b[i] == b'`' {
            let ticks = rest.bytes().take_while(|c| *c == b'`').count();
            let close = &rest[..ticks];
            Some(
                rest[ticks..]
                    .find(close)
                    .map_or(ticks, |e| ticks + e + ticks),
            )
        } else if b[i] == b'<'
            && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
        {
            // A tag (its name and attributes); an autolink `<https://…>` too.
            Some(until(rest, 1, ">"))
        } else if rest.starts_with("![") {
            Some(link_end(rest).unwrap_or(2))
        } else if rest.starts_with("[^") {
            Some(rest.find(']').map_or(2, |e| e + 1))
        } else if rest.starts_with("](") {
            Some(rest.find(')').map_or(2, |e| e + 1))
        } else if rest.starts_with("][") {
            Some(rest[1..].find(']').map_or(2, |e| e + 2))
        } else if rest.starts_with("{:") {
            Some(rest.find('}').map_or(rest.len(), |e| e + 1))
        } else if let Some(math) = rest.strip_prefix("$$") {
            Some(math.find("$$").map_or(rest.len(), |e| e + 4))
        } else if starts_url(rest) {
            Some(
                rest.find(|c: char| c.is_whitespace() || c == ')' || c == '>' || c == '"')
                    .unwrap_or(rest.len()),
            )
        } else if b[i] == b'@' {
            // An e-mail address: the word before it too.
            let start = t[..i]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |s| s + 1);
            set(base + start..base + i);
            Some(rest.find(char::is_whitespace).unwrap_or(rest.len()))
        } else {
            None
        };
        match span {
            Some(n) => {
                set(base + i..base + i + n);
                i += n.max(1);
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    open
}

fn starts_url(s: &str) -> bool {
    let lower = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    lower("http://") || lower("https://") || lower("www.") || lower("ftp://") || lower("mailto:")
}

/// The length of `![alt](target)` or `![alt][label]` at the start of `s`.
fn link_end(s: &str) -> Option<usize> {
    let close = s.find(']')?;
    let after = &s[close + 1..];
    if after.starts_with('(') {
        Some(close + 1 + after.find(')')? + 1)
    } else if after.starts_with('[') {
        Some(close + 1 + after.find(']')? + 1)
    } else {
        Some(close + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|w| &text[w.range]).collect()
    }

    #[test]
    fn prose_words_are_found_in_their_script() {
        let text = "비가 와서 잘 됬다. I did not recieve it.\n";
        let w = words(text);
        assert_eq!(
            checked(text),
            ["비가", "와서", "잘", "됬다", "did", "not", "recieve", "it"]
        );
        assert_eq!(w[3].script, Script::Hangul);
        assert_eq!(w[6].script, Script::Latin);
        // Apostrophes inside English words.
        assert_eq!(checked("don't 'quoted'"), ["don't", "quoted"]);
    }

    #[test]
    fn what_is_not_prose_is_never_checked() {
        let table = [
            ("---\ntitle: 제목\ndefinately: 3\n---\n본문\n", vec!["본문"]),
            ("`teh recieve` and 말\n", vec!["and", "말"]),
            ("```\ndefinately teh\n```\n끝\n", vec!["끝"]),
            ("~~~ruby\nteh\n~~~\n끝\n", vec!["끝"]),
            ("글\n\n    teh code\n", vec!["글"]),
            ("{{ page.definately }} 말 {% if teh %}\n", vec!["말"]),
            ("<span class=\"recieve\">ok</span>\n", vec!["ok"]),
            (
                "![definately](/images/recieve/teh.jpg) 사진\n",
                vec!["사진"],
            ),
            (
                "[링크 글](/recieve/teh.html) and https://example.com/recieve\n",
                vec!["링크", "글", "and"],
            ),
            ("[ref]: /teh/recieve\n*[HTML]: teh markup\n", vec![]),
            ("각주[^teh] 달기 {: .recieve}\n", vec!["각주", "달기"]),
            ("{: .teh #recieve}\n", vec![]),
            ("$$ \\teh $$ 수식\n", vec!["수식"]),
            ("<!-- teh\nrecieve -->\n말\n", vec!["말"]),
            ("<script>\nvar teh = 1;\n</script>\n말\n", vec!["말"]),
            (
                "{% highlight ruby %}\nteh\n{% endhighlight %}\n말\n",
                vec!["말"],
            ),
            ("mail teh@example.com 말\n", vec!["mail", "말"]),
            ("[글][teh-label]\n", vec!["글"]),
            // Tags whose parameters or attributes go on over several lines.
            (
                "앞 {% include slider.html interval=3000\n   images=\"/images/gyeongju/tumuli park.webp | 대릉원 산책길,\n           /images/b.webp\" %}\n뒤\n",
                vec!["앞", "뒤"],
            ),
            (
                "<img src=\"/teh.jpg\"\n     alt=\"recieve\">\n말\n",
                vec!["말"],
            ),
            ("{{ page.teh\n | default: 'recieve' }}\n말\n", vec!["말"]),
        ];
        for (text, want) in table {
            assert_eq!(checked(text), want, "{text:?}");
        }
    }

    #[test]
    fn names_and_codes_are_left_alone() {
        let text = "iPhone QCon HTML x 2024년 A4용지 Jekyll로 jekyll로 올렸다\n";
        assert_eq!(checked(text), ["jekyll", "올렸다"]);
    }
}
