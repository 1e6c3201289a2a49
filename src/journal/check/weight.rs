//! `page-weight`: the local images a post's published page loads, weighed together against
//! the site's budget (`daybook: page_weight_kb`, 8,000 KB unless set) — photos are most of a
//! trip report's weight, and a page past the budget loads slowly on a phone.
//! `oversized-image`: a picture more than twice as wide as the widest it is shown — its own
//! `width` in pixels (a percentage of the content column), else the content column
//! (`daybook: content_width`, 1,024 CSS pixels unless set). Twice, for screens with two
//! pixels to a CSS pixel: a 2,048-px photo in a 1,024-px column is right, a 4,032-px one is
//! not.

use super::{CheckContext, Report, SiteFiles};

/// Whether a site file is a picture a page loads (by its extension).
fn is_picture(rel: &str) -> bool {
    let ext = rel
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif" | "svg" | "bmp" | "ico" | "heic" | "heif"
    )
}

/// The bytes of the pictures among `used` (site files the page uses), each counted once: a
/// browser loads a file once however often the page shows it.
pub fn picture_bytes(used: &[String], files: &dyn SiteFiles) -> (usize, u64) {
    let mut seen = std::collections::HashSet::new();
    used.iter()
        .filter(|rel| is_picture(rel) && seen.insert(rel.as_str()))
        .filter_map(|rel| files.size(rel))
        .fold((0, 0), |(n, total), size| (n + 1, total + size))
}

/// How many CSS pixels wide an image whose `width` is written `width` is shown, at most.
fn shown_width(width: Option<&str>, column: u32) -> u32 {
    let Some(w) = width.map(str::trim) else {
        return column;
    };
    if let Some(pct) = w.strip_suffix('%') {
        return pct
            .trim()
            .parse::<f64>()
            .map_or(column, |p| (f64::from(column) * p / 100.0).round() as u32);
    }
    w.trim_end_matches("px").trim().parse().unwrap_or(column)
}

/// `oversized-image` for the picture at `rel`, shown at `width` as written.
pub(super) fn oversized(
    report: &mut Report<'_>,
    at: usize,
    rel: &str,
    width: Option<&str>,
    ctx: &CheckContext,
    files: &dyn SiteFiles,
) {
    if ctx.content_width == 0 || !report.wants("oversized-image") {
        return;
    }
    let Some((w, _)) = files.dimensions(rel) else {
        return;
    };
    let shown = shown_width(width, ctx.content_width);
    if shown > 0 && w > shown.saturating_mul(2) {
        let message = crate::words!("rule-oversized-image", file = rel, width = w, shown = shown);
        report.add("oversized-image", at, message, Vec::new());
    }
}

pub(super) fn check(
    report: &mut Report<'_>,
    used: &[String],
    ctx: &CheckContext,
    files: &dyn SiteFiles,
) {
    if ctx.page_weight_kb == 0 || !report.wants("page-weight") {
        return;
    }
    let (count, bytes) = picture_bytes(used, files);
    let kb = bytes.div_ceil(1024);
    if kb > ctx.page_weight_kb {
        let message = crate::words!(
            "rule-page-weight",
            count = count,
            kb = kb,
            budget = ctx.page_weight_kb
        );
        report.add("page-weight", 0, message, Vec::new());
    }
}

#[cfg(test)]
mod tests {
    use super::super::{PostInput, check_and_uses};
    use super::*;

    /// Every file weighs 400 KB.
    struct Heavy;

    impl SiteFiles for Heavy {
        fn exists(&self, _rel: &str) -> bool {
            true
        }
        fn names_in(&self, _dir: &str) -> Vec<String> {
            Vec::new()
        }
        fn size(&self, _rel: &str) -> Option<u64> {
            Some(400 * 1024)
        }
    }

    #[test]
    fn a_page_is_weighed_by_the_local_pictures_it_loads() {
        let ctx = |budget| CheckContext {
            page_weight_kb: budget,
            ..super::super::tests::ctx()
        };
        let text = "---\nlayout: post\ntitle: t\ndate: 2024-05-01 10:00:00 +0900\n---\n\
            ![a](/images/a.jpg)\n\n<img src=\"/images/b.webp\">\n\n![remote](https://x.org/c.jpg)\n\n\
            [a file](/files/d.pdf)\n\n![a again](/images/a.jpg)\n";
        let post = PostInput {
            path: "_posts/2024-05-01-a.md",
            text,
        };
        let table = [(800, false), (799, true), (0, false)];
        for (budget, warned) in table {
            let ctx = ctx(budget);
            let doc = super::super::prepare_plain(post, &ctx);
            let (problems, used) = check_and_uses(post, &ctx, &Heavy, &doc);
            assert_eq!(picture_bytes(&used, &Heavy), (2, 800 * 1024), "{used:?}");
            let hit = problems.iter().find(|p| p.rule == "page-weight");
            assert_eq!(hit.is_some(), warned, "{budget}: {problems:?}");
            if let Some(p) = hit {
                assert!(
                    p.message.to_string().contains("800 KB")
                        && p.message.to_string().contains(&budget.to_string())
                );
            }
        }
    }

    /// Pictures of known widths.
    struct Wide;

    impl SiteFiles for Wide {
        fn exists(&self, _rel: &str) -> bool {
            true
        }
        fn names_in(&self, _dir: &str) -> Vec<String> {
            Vec::new()
        }
        fn dimensions(&self, rel: &str) -> Option<(u32, u32)> {
            let w = rel
                .trim_start_matches("images/w")
                .split('.')
                .next()?
                .parse()
                .ok()?;
            Some((w, 100))
        }
    }

    #[test]
    fn a_picture_twice_as_wide_as_it_is_shown_is_noted() {
        let ctx = super::super::tests::ctx();
        let table = [
            ("![a](/images/w4032.jpg)", true),
            ("![a](/images/w2048.jpg)", false),
            ("<img src=\"/images/w1000.jpg\" width=\"300\">", true),
            ("<img src=\"/images/w600.jpg\" width=\"300px\">", false),
            ("<img src=\"/images/w1200.jpg\" width=\"50%\">", true),
            ("![a](/images/w1000.jpg){: width=\"50%\"}", false),
        ];
        for (body, noted) in table {
            let text = format!("---\nlayout: post\ntitle: t\n---\n{body}\n");
            let post = PostInput {
                path: "_posts/2024-05-01-a.md",
                text: &text,
            };
            let doc = super::super::prepare_plain(post, &ctx);
            let (problems, _) = check_and_uses(post, &ctx, &Wide, &doc);
            let hit = problems.iter().any(|p| p.rule == "oversized-image");
            assert_eq!(hit, noted, "{body}: {problems:?}");
        }
    }
}
