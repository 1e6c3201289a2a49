//! `page-weight`: the local images a post's published page loads, weighed together against
//! the site's budget (`daybook: page_weight_kb`, 8,000 KB unless set) — photos are most of a
//! trip report's weight, and a page past the budget loads slowly on a phone.

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
        let message = crate::tr!(
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
    use super::super::{PostInput, RuleConfig, check_and_uses};
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
            zone: crate::journal::date::Zone::named("Asia/Seoul").unwrap(),
            permalink: "date".into(),
            baseurl: String::new(),
            url: String::new(),
            default_layout: None,
            now: chrono::DateTime::parse_from_rfc3339("2024-06-01T00:00:00+09:00").unwrap(),
            rules: RuleConfig::default(),
            page_weight_kb: budget,
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
                assert!(p.message.contains("800 KB") && p.message.contains(&budget.to_string()));
            }
        }
    }
}
