//! Tests for image scanning and resolution.

use super::*;

fn targets(text: &str) -> Vec<String> {
    scan_images(text).into_iter().map(|i| i.target).collect()
}

#[test]
fn scans_the_image_forms_real_posts_use() {
    let text = "![enroll](/images/qcon2016/2016-11-06 16.11.58_2.jpg)\n\
        ![뱃지](</images/a b.jpg>)\n\
        ![t](/images/t.png \"title\")\n\
        <IMG SRC=\"/images/raw.jpg\" alt=\"raw\">\n\
        ![nested [brackets]](/images/n.jpg)\n\
        1[not-an-image](/images/link.jpg)\n";
    assert_eq!(
        targets(text),
        [
            "/images/qcon2016/2016-11-06 16.11.58_2.jpg",
            "/images/a b.jpg",
            "/images/t.png",
            "/images/raw.jpg",
            "/images/n.jpg"
        ]
    );
    let html = &scan_images(text)[3];
    assert_eq!((html.alt.as_str(), html.syntax), ("raw", ImageSyntax::Html));
}

#[test]
fn code_holds_no_images() {
    let text = "```\n![x](/images/in-fence.jpg)\n```\n`![y](/images/inline.jpg)` and ![z](/images/real.jpg)\n{% highlight md %}\n![w](/images/liquid.jpg)\n{% endhighlight %}\n";
    assert_eq!(targets(text), ["/images/real.jpg"]);
}

#[test]
fn resolution_table() {
    let plain = LinkContext {
        baseurl: String::new(),
        url: "https://blog.example".into(),
        post_url: "/샌프란시스코/qcon/1일차/2016/11/03/qcon2016-day1.html".into(),
    };
    let based = LinkContext {
        baseurl: "/blog".into(),
        ..plain.clone()
    };
    use Resolved::*;
    let cases: [(&LinkContext, &str, Resolved); 12] = [
        (
            &plain,
            "/images/qcon2016/2016-11-07 10.29.43.jpg",
            SiteFile("images/qcon2016/2016-11-07 10.29.43.jpg".into()),
        ),
        (
            &plain,
            "/images/a%20b.jpg",
            SiteFile("images/a b.jpg".into()),
        ),
        (
            &plain,
            "images/x.jpg",
            SiteFile("샌프란시스코/qcon/1일차/2016/11/03/images/x.jpg".into()),
        ),
        (
            &plain,
            "../../../../../../images/x.jpg",
            SiteFile("images/x.jpg".into()),
        ),
        (
            &plain,
            "../../../../../../../x.jpg",
            OutsideSite("/샌프란시스코/qcon/1일차/2016/11/03/../../../../../../../x.jpg".into()),
        ),
        (
            &plain,
            "https://example.com/x.jpg",
            Remote("https://example.com/x.jpg".into()),
        ),
        (
            &plain,
            "https://blog.example/images/x.jpg",
            SiteFile("images/x.jpg".into()),
        ),
        (
            &plain,
            "{{ site.baseurl }}/images/x.jpg",
            SiteFile("images/x.jpg".into()),
        ),
        (
            &based,
            "{{ site.baseurl }}/images/x.jpg",
            SiteFile("images/x.jpg".into()),
        ),
        (
            &based,
            "{{ '/images/a b.jpg' | relative_url }}",
            SiteFile("images/a b.jpg".into()),
        ),
        (&based, "/images/x.jpg", OutsideSite("/images/x.jpg".into())),
        (
            &based,
            "{{ \"/images/x.jpg\" | absolute_url }}",
            SiteFile("images/x.jpg".into()),
        ),
    ];
    for (ctx, target, want) in cases {
        assert_eq!(resolve(target, ctx), want, "{target}");
    }
}

#[test]
fn target_ranges_point_at_the_target_text() {
    let text = "a ![x](/images/a b.jpg \"t\") b ![y](</images/c d.jpg>) <img alt=\"z\" src='/images/e.png'>";
    for image in scan_images(text) {
        assert_eq!(&text[image.target_range.clone()], image.target, "{image:?}");
    }
    let wrapped: Vec<bool> = scan_images(text).iter().map(|i| i.wrapped).collect();
    assert_eq!(wrapped, [false, true, false]);
}

#[test]
fn plain_links_and_reference_images_are_found() {
    let text = "1[str-review](/images/x 1.jpg) and [![thumb](/t.jpg)](/full.jpg) and ![ref][photo] ![Photo]\n\n[photo]: </images/ref one.jpg> \"title\"\n";
    let links: Vec<(String, String)> = scan_links(text)
        .into_iter()
        .map(|l| (l.text, l.target))
        .collect();
    assert_eq!(
        links[0],
        ("str-review".to_owned(), "/images/x 1.jpg".to_owned())
    );
    assert_eq!(links[1].1, "/full.jpg");
    let images: Vec<String> = scan_images(text).into_iter().map(|i| i.target).collect();
    assert_eq!(
        images,
        ["/t.jpg", "/images/ref one.jpg", "/images/ref one.jpg"]
    );
    let defs = reference_definitions(text);
    assert_eq!(&text[defs[0].2.clone()], "/images/ref one.jpg");
}

#[test]
fn retargeting_rewrites_every_reference_to_a_file() {
    let ctx = LinkContext {
        post_url: "/2016/11/03/a.html".into(),
        ..Default::default()
    };
    let text = "![a](/images/t/a b.jpg) ![b](</images/t/a b.jpg>) [c](/images/t/a%20b.jpg) ![d](/images/t/other.jpg)";
    let out = retarget(text, &ctx, "images/t/a b.jpg", "a-b.jpg").unwrap();
    assert_eq!(
        out,
        "![a](/images/t/a-b.jpg) ![b](</images/t/a-b.jpg>) [c](/images/t/a-b.jpg) ![d](/images/t/other.jpg)"
    );
    assert_eq!(
        retarget(
            "![d](/images/t/other.jpg)",
            &ctx,
            "images/t/a b.jpg",
            "x.jpg"
        ),
        None
    );
}

/// Issue 20: finding images is linear: 100,000 unclosed `![a](` and 30,000 code spans.
#[test]
fn scanning_is_linear_on_hostile_text() {
    assert!(scan_images(&"![a](".repeat(100_000)).is_empty());
    assert!(scan_images(&"![a](<".repeat(100_000)).is_empty());
    assert!(scan_links(&"[a](".repeat(100_000)).is_empty());
    let spans = "`![no](a.png)` ![x](y.png) ".repeat(30_000);
    let found = scan_images(&spans);
    assert_eq!(found.len(), 30_000);
    assert!(found.iter().all(|i| i.target == "y.png"));
}
