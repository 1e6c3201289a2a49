//! Jekyll's rules for post file names and places.
//!
//! A post under `_posts/` (any depth) must be named `YYYY-MM-DD-slug.ext` (Jekyll's
//! `^(\d{2,4}-\d{1,2}-\d{1,2})-(.+)(\.[^.]+)$`); a name starting with `_` or `.` anywhere
//! below `_posts/` is ignored; drafts under `_drafts/` carry no date. Pure string rules.

use chrono::NaiveDate;

use super::date::parse_ymd;

/// The parts of a dated post file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFileName<'a> {
    pub date: NaiveDate,
    pub slug: &'a str,
    pub ext: &'a str,
}

/// Extensions daybook treats as posts (Markdown and HTML, as Jekyll converts them).
pub const POST_EXTENSIONS: [&str; 8] = [
    "md", "markdown", "mkdown", "mkdn", "mkd", "mdown", "html", "htm",
];

/// Whether a file with this name is a post file daybook lists (by extension).
pub fn has_post_extension(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| POST_EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// Parse `YYYY-MM-DD-slug.ext`. Returns `None` when Jekyll would not take the name as a post.
pub fn parse_post_file_name(name: &str) -> Option<PostFileName<'_>> {
    let (stem, ext) = name.rsplit_once('.')?;
    if ext.is_empty() || stem.is_empty() {
        return None;
    }
    // The date is three dash-separated digit groups; find the third dash.
    let mut dashes = stem.match_indices('-').map(|(i, _)| i);
    let (_, _, third) = (dashes.next()?, dashes.next()?, dashes.next()?);
    let date = parse_ymd(&stem[..third])?;
    let slug = &stem[third + 1..];
    if slug.is_empty() {
        return None;
    }
    Some(PostFileName {
        date,
        slug,
        ext: &name[stem.len() + 1..],
    })
}

/// Why Jekyll would skip a file under `_posts/`, if it would.
pub fn ignored_reason(relative_parts: &[&str]) -> Option<crate::i18n::Words> {
    if let Some(hidden) = relative_parts
        .iter()
        .find(|p| p.starts_with('_') || p.starts_with('.'))
    {
        return Some(crate::words!("ignored-hidden", name = hidden));
    }
    let name = relative_parts.last()?;
    if parse_post_file_name(name).is_none() {
        return Some(crate::words!("ignored-bad-name", name = name));
    }
    None
}

/// The file name of a dated post.
pub fn post_file_name(date: NaiveDate, slug: &str, ext: &str) -> String {
    format!("{}-{slug}.{ext}", date.format("%Y-%m-%d"))
}

/// `name` with `-n` before the extension (`a.md` → `a-2.md`), for avoiding collisions.
pub fn numbered(name: &str, n: u32) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{n}.{ext}"),
        None => format!("{name}-{n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(date, slug, extension)` of a name that parses.
    type Parts<'a> = Option<(&'a str, &'a str, &'a str)>;

    #[test]
    fn post_file_names_table() {
        let cases: [(&str, Parts<'_>); 12] = [
            (
                "2016-11-03-qcon2016-day1.md",
                Some(("2016-11-03", "qcon2016-day1", "md")),
            ),
            (
                "2016-11-03-qcon-2016-첫-날-이야기.md",
                Some(("2016-11-03", "qcon-2016-첫-날-이야기", "md")),
            ),
            (
                "2016-1-3-short.markdown",
                Some(("2016-01-03", "short", "markdown")),
            ),
            (
                "2016-11-03-with space.md",
                Some(("2016-11-03", "with space", "md")),
            ),
            ("2016-11-03-a.b.md", Some(("2016-11-03", "a.b", "md"))),
            (
                "16-11-03-two-digit-year.md",
                Some(("0016-11-03", "two-digit-year", "md")),
            ),
            ("2016-11-03.md", None),
            ("2016-11-03-.md", None),
            ("2016-13-03-bad-month.md", None),
            ("no-date.md", None),
            ("2016-11-03-noext", None),
            ("20161103-x.md", None),
        ];
        for (name, want) in cases {
            let got = parse_post_file_name(name)
                .map(|p| (p.date.format("%Y-%m-%d").to_string(), p.slug, p.ext));
            let want = want.map(|(d, s, e)| (d.to_owned(), s, e));
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn ignored_files_are_explained() {
        assert!(ignored_reason(&["2016-11-03-ok.md"]).is_none());
        assert!(ignored_reason(&["2016", "2016-11-03-ok.md"]).is_none());
        assert!(ignored_reason(&["_old", "2016-11-03-ok.md"]).is_some());
        assert!(ignored_reason(&[".2016-11-03-ok.md"]).is_some());
        assert!(
            ignored_reason(&["notes.md"])
                .unwrap()
                .to_string()
                .contains("YYYY-MM-DD")
        );
    }

    #[test]
    fn numbering_avoids_collisions() {
        assert_eq!(numbered("2016-11-03-a.md", 2), "2016-11-03-a-2.md");
        assert_eq!(numbered("noext", 3), "noext-3");
        assert!(has_post_extension("a.MD"));
        assert!(!has_post_extension("a.jpg"));
    }
}
