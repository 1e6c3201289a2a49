//! What a writer counts: characters with and without spaces, words (Korean 어절 are the
//! pieces between spaces, as Hangul word processors count them), reading time, and the
//! post's outline — all from the page as published (Markdown syntax, front matter and
//! HTML tags are not words).

use super::kramdown::{BlockKind, Doc, HNode, Inline, Visit};

/// Counts of a post's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStats {
    /// Characters, spaces included (line breaks are not characters).
    pub chars: usize,
    pub chars_without_spaces: usize,
    pub words: usize,
    /// Minutes to read, rounded up (0 for an empty post).
    pub minutes: usize,
}

/// Hangul read per minute (a common Korean figure), and words of other scripts.
const HANGUL_PER_MINUTE: usize = 500;
const WORDS_PER_MINUTE: usize = 220;

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{3040}'..='\u{30FF}')
}

/// Count `text`.
pub fn count(text: &str) -> TextStats {
    let mut s = TextStats::default();
    let mut cjk = 0;
    let mut other_words = 0;
    for line in text.lines() {
        s.chars += line.chars().count();
        for word in line.split_whitespace() {
            s.words += 1;
            let n = word.chars().filter(|c| is_cjk(*c)).count();
            cjk += n;
            s.chars_without_spaces += word.chars().count();
            if n == 0 {
                other_words += 1;
            }
        }
    }
    let seconds = cjk * 60 / HANGUL_PER_MINUTE + other_words * 60 / WORDS_PER_MINUTE;
    s.minutes = if s.words == 0 {
        0
    } else {
        seconds.div_ceil(60).max(1)
    };
    s
}

fn html_text(nodes: &[HNode], out: &mut String) {
    for n in nodes {
        match n {
            HNode::Text(t) => out.push_str(t),
            HNode::Element(el) => {
                if !matches!(el.name.as_str(), "script" | "style") {
                    html_text(&el.children, out);
                }
                out.push(' ');
            }
            _ => {}
        }
    }
}

/// The text a reader of the published page reads.
pub fn page_text(doc: &Doc) -> String {
    let mut out = String::new();
    doc.visit(&mut |v| match v {
        Visit::Block(b) => {
            out.push('\n');
            match &b.kind {
                BlockKind::Code { text, .. } => out.push_str(text),
                BlockKind::Html { nodes, .. } => html_text(nodes, &mut out),
                _ => {}
            }
        }
        Visit::Inline(i) => match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::SoftBreak | Inline::Break => out.push('\n'),
            Inline::Abbr { text, .. } => out.push_str(text),
            _ => {}
        },
    });
    out
}

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineItem {
    pub level: u8,
    pub text: String,
    /// Where the heading starts in the post text.
    pub at: usize,
}

/// The post's headings, in order.
pub fn outline(doc: &Doc) -> Vec<OutlineItem> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, content, .. } => Some(OutlineItem {
                level: *level,
                text: super::kramdown::build::plain_text(content),
                at: b.at,
            }),
            _ => None,
        })
        .collect()
}

/// The heading the byte `caret` is under (the last one starting at or before it).
pub fn current(outline: &[OutlineItem], caret: usize) -> Option<usize> {
    outline.iter().rposition(|h| h.at <= caret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_and_english_text_is_counted_as_writers_count_it() {
        let table = [
            ("", (0, 0, 0, 0)),
            ("한글 텍스트", (6, 5, 2, 1)),
            ("부산에 도착했다.\n바다가 보였다.", (17, 15, 4, 1)),
            ("The quick brown fox", (19, 16, 4, 1)),
        ];
        for (text, (chars, no_space, words, minutes)) in table {
            let s = count(text);
            assert_eq!(
                (s.chars, s.chars_without_spaces, s.words, s.minutes),
                (chars, no_space, words, minutes),
                "{text:?}"
            );
        }
        // 1,000 Hangul syllables read in two minutes; 440 English words in two.
        assert_eq!(count(&"가나다라마 ".repeat(200)).minutes, 2);
        assert_eq!(count(&"word ".repeat(440)).minutes, 2);
    }

    #[test]
    fn the_page_text_leaves_out_markup_and_the_outline_finds_headings() {
        let text = "# 해운대\n\n**바다**를 [봤다](https://x).\n\n<div class=\"x\">상자 <b>안</b></div>\n\n## 자갈치\n\n회.\n";
        let doc = crate::journal::kramdown::parse(
            text,
            &crate::journal::srcmap::SourceMap::identity(),
            Vec::new(),
            0,
        );
        let page = page_text(&doc);
        assert!(!page.contains("**") && !page.contains("https") && !page.contains("class"));
        assert_eq!(count(&page).words, 7, "{page:?}");
        let o = outline(&doc);
        assert_eq!(
            o.iter()
                .map(|h| (h.level, h.text.as_str()))
                .collect::<Vec<_>>(),
            [(1, "해운대"), (2, "자갈치")]
        );
        assert_eq!(&text[o[1].at..o[1].at + 2], "##");
        assert_eq!(current(&o, o[1].at + 5), Some(1));
        assert_eq!(current(&o, 0), Some(0));
        assert_eq!(current(&o[1..], 0), None, "above the first heading");
    }
}
