//! Where the caret goes in the text: by character (a grapheme: a Hangul syllable, an emoji
//! with its modifiers), by word (Unicode word boundaries, so a Korean word with its
//! particles is one word), and the word or line around a place. Pure functions of the text
//! and a byte offset.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The line around byte `at`, without its line break.
fn line_around(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// The grapheme before `at` starts here.
pub fn prev_char(text: &str, at: usize) -> usize {
    let line = line_around(text, at);
    if at == line.start {
        return at.saturating_sub(if text[..at].ends_with("\r\n") { 2 } else { 1 });
    }
    text[line.start..at]
        .grapheme_indices(true)
        .next_back()
        .map_or(line.start, |(i, _)| line.start + i)
}

/// The grapheme at `at` ends here.
pub fn next_char(text: &str, at: usize) -> usize {
    if text[at..].starts_with("\r\n") {
        return at + 2;
    }
    text[at..]
        .graphemes(true)
        .next()
        .map_or(at, |g| at + g.len())
}

fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// The start of the word before `at` (across a line break when at a line's start).
pub fn word_left(text: &str, at: usize) -> usize {
    let line = line_around(text, at);
    text[line.start..at]
        .split_word_bound_indices()
        .rev()
        .find(|(_, w)| is_word(w))
        .map_or_else(
            || {
                if at == line.start {
                    prev_char(text, at)
                } else {
                    line.start
                }
            },
            |(i, _)| line.start + i,
        )
}

/// The end of the word after `at` (across a line break when at a line's end).
pub fn word_right(text: &str, at: usize) -> usize {
    let line = line_around(text, at);
    text[at..line.end]
        .split_word_bound_indices()
        .find(|(_, w)| is_word(w))
        .map_or_else(
            || {
                if at == line.end {
                    next_char(text, at)
                } else {
                    line.end
                }
            },
            |(i, w)| at + i + w.len(),
        )
}

/// The word (or run of spaces or punctuation) around `at`, for a double click.
pub fn word_at(text: &str, at: usize) -> Range<usize> {
    let line = line_around(text, at);
    let mut last = at..at;
    for (i, w) in text[line.clone()].split_word_bound_indices() {
        let r = line.start + i..line.start + i + w.len();
        if r.contains(&at) {
            return r;
        }
        last = r;
    }
    if at == line.end && !last.is_empty() {
        last
    } else {
        at..at
    }
}

/// The whole line around `at` with its line break, for a triple click.
pub fn line_at(text: &str, at: usize) -> Range<usize> {
    let line = line_around(text, at);
    let end = if line.end < text.len() {
        line.end + 1
    } else {
        line.end
    };
    line.start..end
}

/// Bytes `range` of `text` moved by `chars` characters before and after (the input
/// method's "delete surrounding text").
pub fn surrounding(text: &str, at: usize, before: usize, after: usize) -> Range<usize> {
    let start = text[..at]
        .char_indices()
        .rev()
        .take(before)
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .nth(after)
        .map_or(text.len(), |(i, _)| at + i);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `|` marks the caret in `before` and where it lands in `after`.
    fn check(motion: fn(&str, usize) -> usize, table: &[(&str, &str)]) {
        for (before, after) in table {
            let at = before.find('|').unwrap();
            let text = before.replace('|', "");
            let want = after.find('|').unwrap();
            assert_eq!(after.replace('|', ""), text);
            assert_eq!(motion(&text, at), want, "{before:?} → {after:?}");
        }
    }

    #[test]
    fn characters_are_graphemes_and_line_breaks() {
        check(
            prev_char,
            &[
                ("한글|", "한|글"),
                ("a👍🏽|b", "a|👍🏽b"),
                ("a\n|b", "a|\nb"),
                ("a\r\n|b", "a|\r\nb"),
                ("|a", "|a"),
            ],
        );
        check(
            next_char,
            &[
                ("|한글", "한|글"),
                ("a|👍🏽b", "a👍🏽|b"),
                ("a|\r\nb", "a\r\n|b"),
                ("a|", "a|"),
            ],
        );
    }

    #[test]
    fn words_follow_korean_and_english_boundaries() {
        check(
            word_left,
            &[
                ("오늘은 컨퍼런스에서|", "오늘은 |컨퍼런스에서"),
                ("오늘은 |컨퍼런스", "|오늘은 컨퍼런스"),
                ("distributed systems, |ok", "distributed |systems, ok"),
                ("첫 줄\n|둘째", "첫 줄|\n둘째"),
                ("![사진](/a.jpg)|", "![사진](/|a.jpg)"),
            ],
        );
        check(
            word_right,
            &[
                ("|오늘은 컨퍼런스에서", "오늘은| 컨퍼런스에서"),
                ("오늘은| 컨퍼런스에서", "오늘은 컨퍼런스에서|"),
                ("끝|\n다음", "끝\n|다음"),
                ("a|, b", "a, b|"),
            ],
        );
    }

    #[test]
    fn double_and_triple_click_ranges() {
        let text = "샌프란시스코의 아침 is fine\n둘째 줄";
        let at = text.find("아침").unwrap();
        assert_eq!(&text[word_at(text, at + 3)], "아침");
        assert_eq!(&text[word_at(text, 0)], "샌프란시스코의");
        let end = text.find('\n').unwrap();
        assert_eq!(&text[word_at(text, end)], "fine");
        assert_eq!(&text[line_at(text, at)], "샌프란시스코의 아침 is fine\n");
        assert_eq!(&text[line_at(text, text.len())], "둘째 줄");
        assert_eq!(word_at("", 0), 0..0);
    }

    #[test]
    fn surrounding_text_counts_characters() {
        let text = "가나다라";
        assert_eq!(surrounding(text, 6, 1, 1), 3..9);
        assert_eq!(surrounding(text, 6, 5, 5), 0..12);
        assert_eq!(surrounding(text, 0, 0, 0), 0..0);
    }
}
