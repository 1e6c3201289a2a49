//! Table tests for every rule, with true positives and true negatives.

use std::collections::HashSet;

use super::*;
use crate::journal::date::Zone;

struct Files(HashSet<String>);

impl SiteFiles for Files {
    fn exists(&self, rel: &str) -> bool {
        self.0.contains(rel)
    }
    fn names_in(&self, dir: &str) -> Vec<String> {
        self.0
            .iter()
            .filter_map(|p| {
                p.rsplit_once('/')
                    .filter(|(d, _)| *d == dir)
                    .map(|(_, n)| n.to_owned())
            })
            .collect()
    }
}

fn files(list: &[&str]) -> Files {
    Files(list.iter().map(|s| (*s).to_owned()).collect())
}

pub(super) fn ctx() -> CheckContext {
    CheckContext {
        zone: Zone::named("Asia/Seoul").unwrap(),
        permalink: "date".into(),
        baseurl: String::new(),
        url: "https://blog.example".into(),
        default_layout: None,
        now: chrono::DateTime::parse_from_rfc3339("2024-06-01T00:00:00+09:00").unwrap(),
        rules: RuleConfig::default(),
        page_weight_kb: 8000,
        content_width: 1024,
    }
}

const HEAD: &str =
    "---\nlayout: post\ntitle: t\ndate: 2016-11-03 13:00:00 +0900\ncategories: 여행 QCon\n---\n";

fn rules_for(body: &str, existing: &[&str]) -> Vec<(&'static str, usize)> {
    rules_with(&format!("{HEAD}{body}"), existing, &ctx())
}

fn rules_with(text: &str, existing: &[&str], c: &CheckContext) -> Vec<(&'static str, usize)> {
    let post = PostInput {
        path: "_posts/2016-11-03-a.md",
        text,
    };
    check_post(post, c, &files(existing))
        .into_iter()
        .map(|p| (p.rule, p.line))
        .collect()
}

#[test]
fn missing_image_resolves_like_the_built_site() {
    let ok = [
        "images/q/2016-11-07 10.29.43.jpg",
        "images/q/a.png",
        "images/q/b c.jpg",
    ];
    let cases: [(&str, Vec<(&str, usize)>); 9] = [
        // A spaced path that exists is not broken (but is spaced).
        (
            "![x](/images/q/2016-11-07 10.29.43.jpg)\n",
            vec![("spaced-image-url", 7)],
        ),
        ("![x](</images/q/b c.jpg>)\n", vec![]),
        ("![x](/images/q/b%20c.jpg)\n", vec![]),
        ("![x]({{ site.baseurl }}/images/q/a.png)\n", vec![]),
        ("![x]({{ '/images/q/a.png' | relative_url }})\n", vec![]),
        (
            "<img src=\"/images/q/gone.png\">\n",
            vec![("camera-alt-text", 7), ("missing-image", 7)],
        ),
        (
            "![x](/images/q/-11-07 10.29.43.jpg)\n",
            vec![("missing-image", 7), ("spaced-image-url", 7)],
        ),
        // Relative to the post URL: broken.
        ("![x](images/q/a.png)\n", vec![("missing-image", 7)]),
        // Code and inline code hold no images.
        ("```\n![x](/nope.png)\n```\n`![y](/nope.png)`\n", vec![]),
    ];
    for (body, want) in cases {
        assert_eq!(rules_for(body, &ok), want, "{body}");
    }
}

#[test]
fn categories_change_where_relative_images_point() {
    // The post URL is /여행/qcon/2016/11/03/a.html, so `images/x.jpg` is /여행/qcon/2016/11/03/images/x.jpg.
    let there = ["여행/qcon/2016/11/03/images/x.jpg"];
    assert_eq!(rules_for("![x](images/x.jpg)\n", &there), vec![]);
    let other = "---\nlayout: post\ntitle: t\ndate: 2016-11-03 13:00:00 +0900\ncategories: 다른\n---\n![x](images/x.jpg)\n";
    assert_eq!(
        rules_with(other, &there, &ctx()),
        vec![("missing-image", 7)]
    );
}

#[test]
fn baseurl_sites_warn_about_links_that_skip_the_baseurl() {
    // Issue 10: the file is published; the link only works where the site is served from
    // the domain's root, so it is a warning, not a broken image (real Jekyll agrees).
    let mut c = ctx();
    c.baseurl = "/blog".into();
    let text = format!(
        "{HEAD}![a](/images/a.png)\n![b]({{{{ site.baseurl }}}}/images/a.png)\n![c](/images/gone.png)\n"
    );
    assert_eq!(
        rules_with(&text, &["images/a.png"], &c),
        vec![("baseurl-image", 7), ("missing-image", 9)]
    );
}

#[test]
fn missing_images_offer_fixes() {
    let text = format!("{HEAD}![x](images/q/a.png)\n![y](/images/q/2016-11-07 10.29.4.jpg)\n");
    let post = PostInput {
        path: "_posts/2016-11-03-a.md",
        text: &text,
    };
    let problems = check_post(
        post,
        &ctx(),
        &files(&["images/q/a.png", "images/q/2016-11-07 10.29.43.jpg"]),
    );
    let rel = problems
        .iter()
        .find(|p| p.rule == "missing-image" && p.line == 7)
        .unwrap();
    assert_eq!(
        rel.fixes[0].apply(&text).lines().nth(6),
        Some("![x](/images/q/a.png)")
    );
    let near = problems
        .iter()
        .find(|p| p.rule == "missing-image" && p.line == 8)
        .unwrap();
    assert_eq!(
        near.fixes[0].label.to_string(),
        "Use 2016-11-07 10.29.43.jpg"
    );
    assert_eq!(
        near.fixes[0].apply(&text).lines().nth(7),
        Some("![y](/images/q/2016-11-07 10.29.43.jpg)")
    );
    let spaced = problems
        .iter()
        .find(|p| p.rule == "spaced-image-url")
        .unwrap();
    assert_eq!(
        spaced.fixes[0].apply(&text).lines().nth(7),
        Some("![y](</images/q/2016-11-07 10.29.4.jpg>)")
    );
}

#[test]
fn image_as_link_catches_a_missing_bang() {
    let cases: [(&str, Vec<(&str, usize)>); 5] = [
        ("1[str-review](/images/a.png)\n", vec![("image-as-link", 7)]),
        (
            "see [the photo](/images/a.png)\n",
            vec![("image-as-link", 7)],
        ),
        ("[![thumb](/images/a.png)](/images/a.png)\n", vec![]),
        ("[a page](/about/)\n", vec![]),
        ("![fine](/images/a.png)\n", vec![]),
    ];
    for (body, want) in cases {
        assert_eq!(rules_for(body, &["images/a.png"]), want, "{body}");
    }
    let text = format!("{HEAD}1[str-review](/images/a.png)\n");
    let post = PostInput {
        path: "_posts/2016-11-03-a.md",
        text: &text,
    };
    let p = &check_post(post, &ctx(), &files(&["images/a.png"]))[0];
    assert_eq!(
        p.fixes[0].apply(&text).lines().nth(6),
        Some("![str-review](/images/a.png)")
    );
}

#[test]
fn remote_images_are_info() {
    let p = rules_for(
        "![r](https://example.com/r.jpg)\n![own](https://blog.example/images/a.png)\n",
        &["images/a.png"],
    );
    assert_eq!(p, vec![("remote-image", 7)]);
}

#[test]
fn front_matter_rules_table() {
    let c = ctx();
    let cases: [(&str, Vec<(&str, usize)>); 10] = [
        ("---\nlayout: post\ntitle: t\n---\n", vec![]),
        (
            "---\ntitle: [unclosed\n---\n",
            vec![("front-matter-invalid", 2)],
        ),
        (
            "---\nlayout: post\ntitle: t\n",
            vec![("front-matter-invalid", 1)],
        ),
        ("---\nlayout: post\n---\n", vec![("missing-title", 1)]),
        ("---\ntitle: t\n---\n", vec![("missing-layout", 1)]),
        (
            "---\nlayout: post\ntitle: t\ndate: 2016-11-04 23:30:00 +0900\n---\n",
            vec![("date-mismatch", 4)],
        ),
        // 2016-11-03 20:00 UTC is 2016-11-04 05:00 in Seoul: no offset, and the day shifts.
        (
            "---\nlayout: post\ntitle: t\ndate: 2016-11-03 20:00:00\n---\n",
            vec![("date-without-offset", 4), ("date-mismatch", 4)],
        ),
        (
            "---\nlayout: post\ntitle: t\ndate: \"2016-11-03 20:00:00\"\n---\n",
            vec![],
        ),
        (
            "---\nlayout: post\ntitle: t\ndate: 2030-01-01 10:00:00 +0900\n---\n",
            vec![("date-mismatch", 4), ("future-date", 4)],
        ),
        (
            "---\nlayout: post\ntitle: t\npublished: false\n---\n",
            vec![("unpublished", 4)],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(rules_with(text, &[], &c), want, "{text}");
    }
    let mut with_default = ctx();
    with_default.default_layout = Some("post".into());
    assert_eq!(
        rules_with("---\ntitle: t\n---\n", &[], &with_default),
        vec![]
    );
}

#[test]
fn date_without_offset_offers_both_readings() {
    let text = "---\nlayout: post\ntitle: t\ndate: 2016-11-03 09:00:00\n---\n";
    let post = PostInput {
        path: "_posts/2016-11-03-a.md",
        text,
    };
    let p = check_post(post, &ctx(), &files(&[]))
        .into_iter()
        .find(|p| p.rule == "date-without-offset")
        .unwrap();
    assert!(
        p.fixes[0]
            .apply(text)
            .contains("date: 2016-11-03 09:00:00 +0900\n")
    );
    assert!(
        p.fixes[1]
            .apply(text)
            .contains("date: 2016-11-03 09:00:00 +0000\n")
    );
}

#[test]
fn rules_can_be_switched_off_or_regraded() {
    let mut c = ctx();
    c.rules.overrides.insert("missing-layout".into(), None);
    c.rules
        .overrides
        .insert("unpublished".into(), Some(Severity::Error));
    let text = "---\ntitle: t\npublished: false\n---\n";
    let post = PostInput {
        path: "_posts/2016-11-03-a.md",
        text,
    };
    let problems = check_post(post, &c, &files(&[]));
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].rule, problems[0].severity),
        ("unpublished", Severity::Error)
    );
}

#[test]
fn ignored_posts_and_unused_images() {
    let rules = RuleConfig::default();
    assert!(check_ignored("_posts/notes.md", &["notes.md"], &rules).is_some());
    assert!(check_ignored("_posts/2016-11-03-a.md", &["2016-11-03-a.md"], &rules).is_none());
    let images = vec![
        ("images/a.jpg".to_owned(), 2_000_000),
        ("images/b.jpg".to_owned(), 500_000),
        ("images/logo.png".to_owned(), 1000),
    ];
    let referenced: HashSet<String> = ["images/a.jpg".to_owned()].into();
    let mentioned: HashSet<String> = ["logo.png".to_owned()].into();
    let unused = unused_images(
        &UnusedInput {
            images: &images,
            referenced: &referenced,
            mentioned_names: &mentioned,
        },
        &rules,
    );
    assert_eq!(unused.len(), 1);
    assert_eq!(unused[0].path, "images/b.jpg");
    assert!(
        unused[0].message.to_string().contains("500 KB"),
        "{}",
        unused[0].message
    );
}

#[test]
fn referenced_files_include_links_to_images() {
    let text = format!("{HEAD}![a](/images/a.jpg)\n[b](/images/b.jpg)\n[page](/about/)\n");
    let post = PostInput {
        path: "_posts/2016-11-03-a.md",
        text: &text,
    };
    assert_eq!(
        check_and_uses(post, &ctx(), &files(&[]), &prepare_plain(post, &ctx())).1,
        ["images/a.jpg", "images/b.jpg"]
    );
}

#[test]
fn fixes_apply_only_where_the_text_they_were_computed_on_stands() {
    // Issue 11: a whole-site row carries ranges from the file on disk; the buffer may have
    // changed since (Korean text typed above the image shifts every byte).
    let disk = format!("{HEAD}![x](/images/q/2016-11-07 10.29.4.jpg)\n");
    let post = PostInput {
        path: "_posts/2016-11-03-a.md",
        text: &disk,
    };
    let problems = check_post(post, &ctx(), &files(&["images/q/2016-11-07 10.29.43.jpg"]));
    let fix = problems
        .iter()
        .flat_map(|p| p.fixes.iter())
        .find(|f| f.label.to_string().starts_with("Use "))
        .unwrap()
        .clone();
    let edited = disk.replace("---\n![x]", "---\n새로 쓴 문단입니다.\n\n![x]");
    let fixed = fix.apply_anchored(&edited).unwrap();
    assert!(
        fixed.contains("새로 쓴 문단입니다.\n\n![x](/images/q/2016-11-07 10.29.43.jpg)"),
        "{fixed}"
    );
    // Where the image line itself changed, the fix is refused, never misplaced.
    let changed = disk.replace("10.29.4.jpg", "10.29.44.jpg");
    assert_eq!(fix.apply_anchored(&changed), None);
    // A range that would cut a Korean character is never applied.
    let mut bad = fix.clone();
    bad.anchor.clear();
    assert_eq!(bad.apply_anchored("한글"), None);
    bad.range = 1..2;
    assert_eq!(bad.apply("한글"), "한글");
}

#[test]
fn camera_names_and_missing_alt_texts_are_noted_with_a_fix_that_selects_the_alt() {
    let ok = ["images/q/a.jpg"];
    let table: [(&str, Vec<(&str, usize)>); 7] = [
        (
            "![IMG_1234](/images/q/a.jpg)\n",
            vec![("camera-alt-text", 7)],
        ),
        ("![](/images/q/a.jpg)\n", vec![("camera-alt-text", 7)]),
        (
            "![Screenshot 2024-05-03 at 10.01.00](/images/q/a.jpg)\n",
            vec![("camera-alt-text", 7)],
        ),
        (
            "<img src=\"/images/q/a.jpg\" alt=\"DSC01234\">\n",
            vec![("camera-alt-text", 7)],
        ),
        ("![해운대 일출](/images/q/a.jpg)\n", vec![]),
        ("<img src=\"/images/q/a.jpg\" alt=\"바다\">\n", vec![]),
        // Not on the page: in code.
        ("`![IMG_1](/images/q/a.jpg)`\n", vec![]),
    ];
    for (body, want) in table {
        assert_eq!(rules_for(body, &ok), want, "{body}");
    }
    for (body, alt) in [
        ("본문\n\n![IMG_1234](/images/q/a.jpg)\n", "IMG_1234"),
        ("<img alt='DSC01234' src=\"/images/q/a.jpg\">\n", "DSC01234"),
    ] {
        let text = format!("{HEAD}{body}");
        let problems = check_post(
            PostInput {
                path: "_posts/2016-11-03-a.md",
                text: &text,
            },
            &ctx(),
            &files(&ok),
        );
        let fix = &problems
            .iter()
            .find(|p| p.rule == "camera-alt-text")
            .unwrap()
            .fixes[0];
        assert!(fix.select, "the new alt text is selected to type over");
        assert_eq!(&text[fix.range.clone()], alt);
        let (fixed, range) = fix.apply_anchored_at(&text).unwrap();
        assert_eq!(&fixed[range], "t 1", "the title and the photo's number");
    }
}
