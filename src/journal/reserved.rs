//! The characters daybook's passes use as placeholders inside a post's text, and the one
//! rule that keeps a post's own characters from being read as them.
//!
//! They are Unicode *noncharacters* (U+FDD0…U+FDEF), which the standard sets aside for a
//! program's internal use and which never stand for text — unlike the private-use area,
//! which icon fonts fill (Font Awesome, Material Icons) and real posts contain. A post, an
//! include or a value that carries a noncharacter itself gets U+FFFD in its place before a
//! pass reads it ([`scrub`]); both are three bytes in UTF-8, so every offset into the post
//! stays what it was.

use std::borrow::Cow;

/// Starts a reference to Liquid that could not be evaluated (followed by its index).
pub const UNRESOLVED_OPEN: char = '\u{FDD0}';
/// Ends such a reference.
pub const UNRESOLVED_CLOSE: char = '\u{FDD1}';
/// Bracket an HTML block, math and an IAL the kramdown pre-pass set aside.
pub const HTML_OPEN: char = '\u{FDD2}';
pub const HTML_CLOSE: char = '\u{FDD3}';
pub const MATH_OPEN: char = '\u{FDD4}';
pub const MATH_CLOSE: char = '\u{FDD5}';
pub const IAL_OPEN: char = '\u{FDD6}';
pub const IAL_CLOSE: char = '\u{FDD7}';
/// Keeps a line a paragraph.
pub const KEEP_PARAGRAPH: char = '\u{FDD8}';
/// Element and attribute names of the kramdown tree no HTML tag can have.
pub const PLACEHOLDER_HTML: &str = "\u{FDD9}html";
pub const PLACEHOLDER_IAL: &str = "\u{FDD9}ial";
pub const TIGHT: &str = "\u{FDD9}tight";

/// What stands in for a noncharacter a text carries itself.
const REPLACEMENT: char = '\u{FFFD}';

fn is_reserved(c: char) -> bool {
    ('\u{FDD0}'..='\u{FDEF}').contains(&c)
}

/// `text` with every noncharacter replaced by U+FFFD (same length); `keep` are left as
/// they are (the markers an earlier pass put there).
pub fn scrub<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    // Every noncharacter of the block starts with the bytes EF B7: a fast test first.
    if !text.as_bytes().windows(2).any(|w| w == [0xEF, 0xB7]) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if is_reserved(c) && !keep.contains(&c) {
                    REPLACEMENT
                } else {
                    c
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_s_own_noncharacters_are_replaced_in_place() {
        let table = [
            ("plain 한글 \u{E010}\u{F0C0}", "plain 한글 \u{E010}\u{F0C0}"),
            ("a\u{FDD0}1\u{FDD1}b\u{FDD2}", "a\u{FFFD}1\u{FFFD}b\u{FFFD}"),
            ("\u{FDEF}\u{FDF0}", "\u{FFFD}\u{FDF0}"),
        ];
        for (text, want) in table {
            let got = scrub(text, &[]);
            assert_eq!(got, want);
            assert_eq!(got.len(), text.len());
        }
        assert_eq!(
            scrub(
                "a\u{FDD0}1\u{FDD1}\u{FDD2}",
                &[UNRESOLVED_OPEN, UNRESOLVED_CLOSE]
            ),
            "a\u{FDD0}1\u{FDD1}\u{FFFD}"
        );
    }
}
