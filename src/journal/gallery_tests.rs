//! Galleries read from the front matter: recognised, fed and shown.

use super::*;

fn photo(url: &str, alt: &str, caption: &str) -> PhotoEntry {
    PhotoEntry {
        url: url.into(),
        alt: alt.into(),
        caption: caption.into(),
        day: None,
        size: Some((4, 3)),
    }
}

#[test]
fn front_matter_gallery_includes_are_recognised_by_how_they_are_told_the_list() {
    let fixture = include_str!("../../tests/sites/photos-web/_includes/gallery.html");
    let mm = "{% if include.id %}{% assign g = page[include.id] %}{% else %}{% assign g = page.gallery %}{% endif %}{% for img in g %}<img src=\"{{ img.image_path }}\">{% endfor %}";
    let only = "{% for img in page.gallery %}<img src=\"{{ img.image_path }}\">{% endfor %}";
    let cases = [
        (fixture, Some(ListFrom::Param("items".into()))),
        (mm, Some(ListFrom::Id)),
        (only, Some(ListFrom::GalleryOnly)),
        // No `image_path`: not a gallery of this form.
        ("{% for p in page.gallery %}{{ p }}{% endfor %}", None),
        ("<p>{{ include.text }}</p>", None),
    ];
    for (text, want) in cases {
        let got = detect("g.html", text).and_then(|g| g.front_matter);
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_front_matter_gallery_is_a_list_under_a_free_key_and_a_tag_naming_it() {
    assert_eq!(free_key(&["title"]), "gallery");
    assert_eq!(free_key(&["gallery", "gallery2"]), "gallery3");
    let mm = IncludeGallery::minimal_mistakes();
    let items = IncludeGallery {
        name: "gallery.html".into(),
        front_matter: Some(ListFrom::Param("items".into())),
        ..IncludeGallery::minimal_mistakes()
    };
    let only = IncludeGallery {
        front_matter: Some(ListFrom::GalleryOnly),
        ..IncludeGallery::minimal_mistakes()
    };
    let cases = [
        (&mm, "gallery", "{% include gallery %}"),
        (&mm, "gallery2", "{% include gallery id=\"gallery2\" %}"),
        (&items, "gallery", "{% include gallery.html %}"),
        (
            &items,
            "gallery2",
            "{% include gallery.html items=page.gallery2 %}",
        ),
    ];
    for (g, key, want) in cases {
        assert_eq!(front_matter_tag(g, key), want);
        assert!(can_show(g, key));
    }
    assert!(can_show(&only, "gallery") && !can_show(&only, "gallery2"));
    let lines = front_matter_items(&[
        photo("/images/w/a b.webp", "첨성대 \"1\"", "낮의  첨성대"),
        photo("/images/w/b.webp", "월지", ""),
    ]);
    assert_eq!(
        lines,
        [
            "  - url: \"/images/w/a%20b.webp\"",
            "    image_path: \"/images/w/a%20b.webp\"",
            "    alt: \"첨성대 “1”\"",
            "    title: \"낮의 첨성대\"",
            "  - url: \"/images/w/b.webp\"",
            "    image_path: \"/images/w/b.webp\"",
            "    alt: \"월지\"",
        ]
    );
}

#[test]
fn the_list_goes_into_the_front_matter_and_replaces_itself() {
    let lines = vec!["  - url: \"/a.jpg\"".to_owned()];
    let text = "---\ntitle: t\n---\nbody\n";
    let once = crate::journal::front_matter::set_block(text, "gallery2", &lines).unwrap();
    assert_eq!(
        once,
        "---\ntitle: t\ngallery2:\n  - url: \"/a.jpg\"\n---\nbody\n"
    );
    let lines = vec!["  - url: \"/b.jpg\"".to_owned()];
    let twice = crate::journal::front_matter::set_block(&once, "gallery2", &lines).unwrap();
    assert_eq!(
        twice,
        "---\ntitle: t\ngallery2:\n  - url: \"/b.jpg\"\n---\nbody\n"
    );
    let fm = crate::journal::front_matter::FrontMatter::parse(&twice).unwrap();
    assert!(fm.get("gallery2").is_some());
    let none = crate::journal::front_matter::set_block("body\n", "gallery", &lines).unwrap();
    assert_eq!(none, "---\ngallery:\n  - url: \"/b.jpg\"\n---\nbody\n");
}
