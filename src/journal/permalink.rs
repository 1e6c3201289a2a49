//! The URL Jekyll publishes a post at, from the site's `permalink` setting.
//!
//! Follows Jekyll 4's built-in styles (`date` — the default —, `pretty`, `ordinal`,
//! `weekdate`, `none`) and custom templates with the usual placeholders. `:categories`
//! are lower-cased and de-duplicated, `:title` is the file name's slug (or the `slug:`
//! field) in Jekyll's pretty slug mode. Returns the unescaped path; [`percent_encode_path`]
//! gives the form a browser sends. Limitation: collection-specific permalinks and
//! `:slugified_categories` are not modelled.

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

use super::slug::slugify_pretty_cased;

/// What a post contributes to its URL.
#[derive(Debug, Clone)]
pub struct UrlParts<'a> {
    pub categories: &'a [String],
    /// The post's date shown in the site zone.
    pub date: DateTime<FixedOffset>,
    /// The slug from the file name, or the `slug:` field.
    pub slug: &'a str,
    /// The output extension, `.html` for Markdown.
    pub output_ext: &'a str,
}

/// The template for a `permalink:` value (a built-in style name or a template).
pub fn template_for(style: &str) -> String {
    match style.trim() {
        "" | "date" => "/:categories/:year/:month/:day/:title:output_ext".to_owned(),
        "pretty" => "/:categories/:year/:month/:day/:title/".to_owned(),
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext".to_owned(),
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext".to_owned(),
        "none" => "/:categories/:title:output_ext".to_owned(),
        custom => custom.to_owned(),
    }
}

/// The URL path (without `baseurl`) Jekyll writes the post to.
pub fn post_url(style: &str, parts: &UrlParts<'_>) -> String {
    let template = template_for(style);
    let mut categories: Vec<String> = Vec::new();
    for c in parts.categories {
        let lower = c.to_lowercase();
        if !categories.contains(&lower) {
            categories.push(lower);
        }
    }
    let d = parts.date;
    let title = slugify_pretty_cased(parts.slug);
    // Longest placeholder names first so `:year` does not eat `:y_day`'s neighbours.
    let values: [(&str, String); 18] = [
        (":categories", categories.join("/")),
        (":output_ext", parts.output_ext.to_owned()),
        (":short_month", d.format("%b").to_string()),
        (":long_month", d.format("%B").to_string()),
        (":short_year", d.format("%y").to_string()),
        (":short_day", d.format("%a").to_string()),
        (":long_day", d.format("%A").to_string()),
        (":i_month", d.month().to_string()),
        (":minute", format!("{:02}", d.minute())),
        (":second", format!("{:02}", d.second())),
        (":month", format!("{:02}", d.month())),
        (":i_day", d.day().to_string()),
        (":y_day", format!("{:03}", d.ordinal())),
        (":title", title.clone()),
        (":year", d.year().to_string()),
        (":week", format!("{:02}", d.iso_week().week())),
        (":hour", format!("{:02}", d.hour())),
        (":day", format!("{:02}", d.day())),
    ];
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template.as_str();
    'outer: while !rest.is_empty() {
        if rest.starts_with(':') {
            for (name, value) in &values {
                if rest.starts_with(name) {
                    out.push_str(value);
                    rest = &rest[name.len()..];
                    continue 'outer;
                }
            }
            if let Some(r) = rest.strip_prefix(":slug") {
                out.push_str(&title);
                rest = r;
                continue;
            }
        }
        let ch = rest.chars().next().unwrap_or(' ');
        out.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    sanitize(&out)
}

/// Collapse repeated slashes (from empty placeholders) and make the path absolute.
fn sanitize(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 1);
    out.push('/');
    for seg in url.split('/').filter(|s| !s.is_empty()) {
        out.push_str(seg);
        out.push('/');
    }
    if !url.ends_with('/') && out.len() > 1 {
        out.pop();
    }
    out
}

/// Percent-encode a URL path the way a browser sends it (UTF-8 bytes, `/` kept).
pub fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decode `%XX` escapes; invalid escapes and invalid UTF-8 are kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts<'a>(cats: &'a [String], slug: &'a str) -> UrlParts<'a> {
        UrlParts {
            categories: cats,
            date: DateTime::parse_from_rfc3339("2016-11-04T23:30:00+09:00").unwrap(),
            slug,
            output_ext: ".html",
        }
    }

    #[test]
    fn permalink_styles_table() {
        let cats = vec![
            "샌프란시스코".to_owned(),
            "QCon".to_owned(),
            "qcon".to_owned(),
        ];
        let cases = [
            ("", "/샌프란시스코/qcon/2016/11/04/qcon-2016-둘째-날.html"),
            (
                "date",
                "/샌프란시스코/qcon/2016/11/04/qcon-2016-둘째-날.html",
            ),
            ("pretty", "/샌프란시스코/qcon/2016/11/04/qcon-2016-둘째-날/"),
            (
                "ordinal",
                "/샌프란시스코/qcon/2016/309/qcon-2016-둘째-날.html",
            ),
            (
                "weekdate",
                "/샌프란시스코/qcon/2016/W44/Fri/qcon-2016-둘째-날.html",
            ),
            ("none", "/샌프란시스코/qcon/qcon-2016-둘째-날.html"),
            (
                "/blog/:year/:i_month/:i_day/:title/",
                "/blog/2016/11/4/qcon-2016-둘째-날/",
            ),
            ("/:slug", "/qcon-2016-둘째-날"),
        ];
        for (style, want) in cases {
            assert_eq!(
                post_url(style, &parts(&cats, "qcon-2016-둘째-날")),
                want,
                "{style}"
            );
        }
    }

    #[test]
    fn no_categories_leave_no_empty_segment() {
        assert_eq!(post_url("date", &parts(&[], "a b")), "/2016/11/04/a-b.html");
    }

    #[test]
    fn percent_encoding_round_trips() {
        let p = "/images/qcon2016/2016-11-07 10.29.43.jpg";
        assert_eq!(
            percent_encode_path(p),
            "/images/qcon2016/2016-11-07%2010.29.43.jpg"
        );
        assert_eq!(percent_decode(&percent_encode_path(p)), p);
        assert_eq!(percent_decode("/%ED%95%9C.jpg"), "/한.jpg");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}

/// The URL path of a post from its file name and front matter (`None` for a name Jekyll
/// would not publish). `zone` is the site zone.
pub fn url_of_post(
    file_name: &str,
    draft: bool,
    fm: &super::front_matter::FrontMatter,
    zone: &super::date::Zone,
    style: &str,
    fallback_date: DateTime<FixedOffset>,
) -> Option<String> {
    let (slug, ext, name_date) = if draft {
        let (stem, ext) = file_name.rsplit_once('.')?;
        (stem.to_owned(), ext.to_owned(), None)
    } else {
        let parsed = super::post_name::parse_post_file_name(file_name)?;
        (
            parsed.slug.to_owned(),
            parsed.ext.to_owned(),
            Some(parsed.date),
        )
    };
    let date = fm
        .date()
        .and_then(|(text, quoted)| {
            super::date::parse_written_date(&text).map(|w| zone.to_zone(w.instant(quoted, zone)))
        })
        .or_else(|| name_date.map(|d| zone.resolve(d.and_time(chrono::NaiveTime::MIN))))
        .unwrap_or(fallback_date);
    let slug = fm.get_text("slug").unwrap_or(slug);
    let output_ext = match ext.to_ascii_lowercase().as_str() {
        "md" | "markdown" | "mkdown" | "mkdn" | "mkd" | "mdown" | "html" | "htm" => {
            ".html".to_owned()
        }
        other => format!(".{other}"),
    };
    let categories = fm.categories();
    // A post's own `permalink:` wins over the site's, and is a template like it.
    let own = fm.get_text("permalink").filter(|p| !p.trim().is_empty());
    let style = own.as_deref().unwrap_or(style);
    Some(post_url(
        style,
        &UrlParts {
            categories: &categories,
            date,
            slug: &slug,
            output_ext: &output_ext,
        },
    ))
}

#[cfg(test)]
mod url_of_post_tests {
    use super::*;
    use crate::journal::date::Zone;
    use crate::journal::front_matter::FrontMatter;

    #[test]
    fn the_reference_post_url_uses_its_categories_and_utc_shifted_date() {
        let zone = Zone::named("Asia/Seoul").unwrap();
        let fm = FrontMatter::parse(
            "---\ndate:   2016-11-03 13:00:00 +0000\ncategories: 샌프란시스코 QCon 1일차\n---\n",
        )
        .unwrap();
        let fallback = DateTime::parse_from_rfc3339("2000-01-01T00:00:00Z").unwrap();
        let url = url_of_post(
            "2016-11-03-qcon2016-day1.md",
            false,
            &fm,
            &zone,
            "date",
            fallback,
        );
        assert_eq!(
            url.as_deref(),
            Some("/샌프란시스코/qcon/1일차/2016/11/03/qcon2016-day1.html")
        );
        assert_eq!(
            url_of_post("notes.md", false, &fm, &zone, "date", fallback),
            None
        );
    }

    #[test]
    fn a_posts_own_permalink_wins_over_the_sites() {
        let zone = Zone::named("Asia/Seoul").unwrap();
        let fallback = DateTime::parse_from_rfc3339("2000-01-01T00:00:00Z").unwrap();
        let fm = FrontMatter::parse(
            "---\ndate: 2024-05-05 09:00:00 +0900\npermalink: /trips/busan-day3/\ncategories: 여행\n---\n",
        )
        .unwrap();
        let url = url_of_post(
            "2024-05-05-busan-day3.md",
            false,
            &fm,
            &zone,
            "date",
            fallback,
        );
        assert_eq!(url.as_deref(), Some("/trips/busan-day3/"));
        let fm = FrontMatter::parse("---\npermalink: /:year/:title/\n---\n").unwrap();
        let url = url_of_post("2024-05-05-day.md", false, &fm, &zone, "date", fallback);
        assert_eq!(url.as_deref(), Some("/2024/day/"));
    }
}
