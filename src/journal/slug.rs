//! Slugs for post file names, following Jekyll's `slugify`.
//!
//! `Default` is Jekyll's default mode: every run of characters that are not letters, marks
//! or decimal digits becomes `-`, leading and trailing `-` are trimmed, the result is
//! lower-cased; Hangul is kept. `Ascii` first romanises Hangul (Revised Romanization,
//! syllable by syllable, without the sound-change rules between syllables) and then keeps
//! only `A-Z a-z 0-9`. Limitation: other scripts have no transliteration in `Ascii` mode and
//! are dropped.

use unicode_general_category::{GeneralCategory, get_general_category};

/// Which slug style a new post's file name uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SlugStyle {
    /// Jekyll's default: letters of every script kept (`qcon-2016-첫-날-이야기`).
    #[default]
    Default,
    /// ASCII only, Korean romanised (`qcon-2016-cheot-nal-iyagi`).
    Ascii,
}

/// The longest slug in bytes: a file name (date, slug, `.md`) stays under the 255 bytes file
/// systems allow, with room for a `-2` and a temporary file's suffix. 60 Hangul syllables.
pub const MAX_SLUG_BYTES: usize = 180;

/// `slug` cut to [`MAX_SLUG_BYTES`], at the last `-` that fits (else at a character).
pub fn fit_file_name(slug: &str) -> String {
    if slug.len() <= MAX_SLUG_BYTES {
        return slug.to_owned();
    }
    let cut = &slug[..slug.floor_char_boundary(MAX_SLUG_BYTES)];
    let cut = match cut.rfind('-') {
        Some(i) if i > MAX_SLUG_BYTES / 2 => &cut[..i],
        _ => cut,
    };
    cut.trim_end_matches('-').to_owned()
}

/// The slug used when a title has no letters or digits at all.
pub const FALLBACK_SLUG: &str = "untitled";

/// A letter, mark or decimal digit of any script (what Jekyll's slugify and kramdown's
/// header ids keep).
pub fn is_kept_default(c: char) -> bool {
    use GeneralCategory as G;
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
            | G::NonspacingMark
            | G::SpacingMark
            | G::EnclosingMark
            | G::DecimalNumber
    )
}

/// Slugify `title` in `style`; never empty (falls back to [`FALLBACK_SLUG`]).
///
/// ```
/// use daybook::journal::slug::{SlugStyle, slugify};
/// assert_eq!(slugify("QCon 2016 첫 날 이야기", SlugStyle::Default), "qcon-2016-첫-날-이야기");
/// assert_eq!(slugify("QCon 2016 첫 날 이야기", SlugStyle::Ascii), "qcon-2016-cheot-nal-iyagi");
/// ```
pub fn slugify(title: &str, style: SlugStyle) -> String {
    let (source, keep): (String, fn(char) -> bool) = match style {
        SlugStyle::Default => (title.to_owned(), is_kept_default),
        SlugStyle::Ascii => (romanize_hangul(title), |c: char| c.is_ascii_alphanumeric()),
    };
    let mut out = String::with_capacity(source.len());
    let mut pending_dash = false;
    for c in source.chars() {
        if keep(c) {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    if out.is_empty() {
        FALLBACK_SLUG.to_owned()
    } else {
        out
    }
}

const INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const MEDIALS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

/// Replace each precomposed Hangul syllable with its Revised Romanization.
pub fn romanize_hangul(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = u32::from(c);
        if (0xAC00..=0xD7A3).contains(&code) {
            let index = (code - 0xAC00) as usize;
            out.push_str(INITIALS[index / (21 * 28)]);
            out.push_str(MEDIALS[(index % (21 * 28)) / 28]);
            out.push_str(FINALS[index % 28]);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_slugs_follow_jekyll() {
        let cases = [
            ("QCon 2016 첫 날 이야기", "qcon-2016-첫-날-이야기"),
            (
                "QCon 2016 둘째 날: Netflix #2",
                "qcon-2016-둘째-날-netflix-2",
            ),
            ("Hello, World!", "hello-world"),
            ("  --leading and trailing--  ", "leading-and-trailing"),
            ("C++ & Rust", "c-rust"),
            ("Café déjà vu", "café-déjà-vu"),
            ("서울 🍜 맛집 🎉", "서울-맛집"),
            ("🎉🎉", FALLBACK_SLUG),
            ("!!! ???", FALLBACK_SLUG),
            ("", FALLBACK_SLUG),
            ("under_score.dots", "under-score-dots"),
            ("日本語のタイトル", "日本語のタイトル"),
            ("Ⅻ roman numeral", "roman-numeral"),
        ];
        for (title, want) in cases {
            assert_eq!(slugify(title, SlugStyle::Default), want, "{title}");
        }
    }

    #[test]
    fn ascii_slugs_romanise_korean() {
        let cases = [
            ("QCon 2016 첫 날 이야기", "qcon-2016-cheot-nal-iyagi"),
            ("샌프란시스코 여행기", "saenpeuransiseuko-yeohaenggi"),
            ("한글", "hangeul"),
            ("Café", "caf"),
            ("🎉", FALLBACK_SLUG),
        ];
        for (title, want) in cases {
            assert_eq!(slugify(title, SlugStyle::Ascii), want, "{title}");
        }
    }
}

/// Jekyll's `pretty` slug mode with case kept, used for the `:title` of a post URL: like
/// the default mode, but also keeping `._~!$&'()+,;=@`.
pub fn slugify_pretty_cased(text: &str) -> String {
    let keep = |c: char| is_kept_default(c) || "._~!$&'()+,;=@".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if keep(c) {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    out
}

#[cfg(test)]
mod pretty_tests {
    use super::*;

    #[test]
    fn pretty_mode_keeps_case_and_url_safe_punctuation() {
        let cases = [
            ("qcon-2016-첫-날-이야기", "qcon-2016-첫-날-이야기"),
            ("with space", "with-space"),
            ("Keep.Case_(1)", "Keep.Case_(1)"),
            ("a/b?c", "a-b-c"),
        ];
        for (input, want) in cases {
            assert_eq!(slugify_pretty_cased(input), want, "{input}");
        }
    }

    #[test]
    fn a_long_title_makes_a_file_name_every_file_system_takes() {
        let title = "가나다라마바사아자차카타파하 ".repeat(6);
        let slug = fit_file_name(&slugify(&title, SlugStyle::Default));
        assert!(slug.len() <= MAX_SLUG_BYTES, "{}", slug.len());
        assert!(
            slug.starts_with("가나다라") && !slug.ends_with('-'),
            "{slug}"
        );
        assert!(!slug.contains("--"));
        let name = format!("2024-01-01-{slug}.md");
        assert!(name.len() < 255 - 20, "{}", name.len());
        assert_eq!(fit_file_name("short-one"), "short-one");
        let one_word = "가".repeat(100);
        assert_eq!(fit_file_name(&one_word), "가".repeat(60));
    }
}
