//! Table and round-trip tests for front-matter reading and format-preserving editing.

use super::*;

const REFERENCE_LIKE: &str = "---\nlayout: post\ntitle:  \"부산 여행 첫 날\"\ndate:   2016-11-03 13:00:00 +0000\ncategories: 부산 여행 1일차\n---\n\n본문입니다.\n\n---\n\n본문 안의 구분선.\n";

fn fm(text: &str) -> FrontMatter {
    FrontMatter::parse(text).unwrap()
}

#[test]
fn reads_the_fields_of_a_reference_like_post() {
    let f = fm(REFERENCE_LIKE);
    assert_eq!(f.title().as_deref(), Some("부산 여행 첫 날"));
    assert_eq!(f.layout_name().as_deref(), Some("post"));
    assert_eq!(
        f.date(),
        Some(("2016-11-03 13:00:00 +0000".to_owned(), false))
    );
    assert_eq!(f.categories(), ["부산", "여행", "1일차"]);
    assert!(f.published());
    assert_eq!(
        f.keys().collect::<Vec<_>>(),
        ["layout", "title", "date", "categories"]
    );
}

#[test]
fn categories_forms_table() {
    let cases: [(&str, &[&str]); 8] = [
        ("categories: a b  c", &["a", "b", "c"]),
        ("categories: [a, b c]", &["a", "b c"]),
        (
            "categories:\n  - 샌프란시스코 여행\n  - QCon",
            &["샌프란시스코 여행", "QCon"],
        ),
        ("category: 샌프란시스코 여행", &["샌프란시스코 여행"]),
        ("category: solo\ncategories: a b", &["solo"]),
        ("categories: 2016", &["2016"]),
        ("categories:", &[]),
        ("title: x", &[]),
    ];
    for (yaml, want) in cases {
        let text = format!("---\n{yaml}\n---\n");
        assert_eq!(fm(&text).categories(), want, "{yaml}");
    }
}

#[test]
fn published_follows_yaml_1_1_booleans() {
    let cases = [
        ("published: false", false),
        ("published: no", false),
        ("published: off", false),
        ("published: \"no\"", true),
        ("published: true", true),
        ("title: x", true),
    ];
    for (yaml, want) in cases {
        let text = format!("---\n{yaml}\n---\n");
        assert_eq!(fm(&text).published(), want, "{yaml}");
    }
}

#[test]
fn quoted_dates_are_marked_quoted() {
    let f = fm("---\ndate: \"2016-11-04 23:30:00\"\n---\n");
    assert_eq!(f.date(), Some(("2016-11-04 23:30:00".to_owned(), true)));
}

#[test]
fn layout_finds_the_block_the_way_jekyll_does() {
    let cases: [(&str, Option<bool>); 8] = [
        ("---\na: 1\n---\nbody", Some(true)),
        ("---  \na: 1\n...\nbody", Some(true)),
        ("---\r\na: 1\r\n---\r\nbody", Some(true)),
        ("\u{feff}---\na: 1\n---\n", Some(true)),
        ("---\n---\n", Some(true)),
        ("---\na: 1\nno close", Some(false)),
        ("no front matter\n---\n", None),
        ("", None),
    ];
    for (text, want) in cases {
        let got = layout(text).block.map(|b| b.is_ok());
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn invalid_yaml_reports_the_line_in_the_file() {
    let err = FrontMatter::parse("---\ntitle: ok\ndate: [unclosed\n---\nbody").unwrap_err();
    match err {
        FrontMatterError::InvalidYaml { line, .. } => assert!((3..=4).contains(&line), "{line}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        FrontMatter::parse("---\ntitle: x\n").unwrap_err(),
        FrontMatterError::Unclosed
    );
    assert_eq!(
        FrontMatter::parse("---\n- a\n- b\n---\n").unwrap_err(),
        FrontMatterError::NotAMapping
    );
}

/// Fixtures that must survive `set` of an unchanged value byte for byte.
fn round_trip_fixtures() -> Vec<(&'static str, String)> {
    vec![
        ("reference-like", REFERENCE_LIKE.to_owned()),
        ("crlf", REFERENCE_LIKE.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{REFERENCE_LIKE}")),
        (
            "comments-and-unknown-keys",
            "---\n# 여행기 시리즈\nlayout: post   # 기본 레이아웃\ntitle: 'It''s 부산'\nauthor:\n  name: 홍길동\n  twitter: \"@hong\"\nteaser: >\n  접힌 문단\n  두 줄\ncategories: [여행, \"부산 1일차\"]\ntags:\n  - 바다\n  - 회\n---\n본문\n".to_owned(),
        ),
        (
            "quoted-date-without-offset",
            "---\ntitle: 날짜\ndate: \"2016-11-04 23:30:00\"\n---\n".to_owned(),
        ),
        ("no-front-matter", "그냥 본문.\n---\n".to_owned()),
        ("dashes-in-body", "---\ntitle: t\n---\n---\nnot: front matter\n---\n".to_owned()),
    ]
}

#[test]
fn setting_unchanged_values_is_byte_identical() {
    for (name, text) in round_trip_fixtures() {
        let Ok(f) = FrontMatter::parse(&text) else {
            panic!("{name}")
        };
        for key in f.keys().map(str::to_owned).collect::<Vec<_>>() {
            let value = match f.get(&key) {
                Some(Value::Str { text, .. }) => NewValue::Text(text),
                Some(Value::Bool(b)) => NewValue::Bool(b),
                Some(Value::List(items)) => {
                    NewValue::List(items.iter().filter_map(Value::as_text).collect())
                }
                Some(Value::Number(n)) => NewValue::Raw(n),
                _ => continue,
            };
            let out = set_field(&text, &key, &value).unwrap();
            assert_eq!(out, text, "{name}: setting {key} changed the text");
        }
    }
}

fn changed_lines(a: &str, b: &str) -> usize {
    let (al, bl): (Vec<_>, Vec<_>) = (a.split('\n').collect(), b.split('\n').collect());
    assert_eq!(al.len(), bl.len(), "line count changed:\n{a}\n---\n{b}");
    al.iter().zip(&bl).filter(|(x, y)| x != y).count()
}

#[test]
fn changing_one_field_rewrites_only_its_line() {
    let cases: [(&str, NewValue, &str); 6] = [
        (
            "title",
            NewValue::Text("바뀐 제목: \"따옴표\" #1".into()),
            "title:  \"바뀐 제목: \\\"따옴표\\\" #1\"",
        ),
        ("title", NewValue::Text("plain".into()), "title:  \"plain\""),
        ("layout", NewValue::Text("page".into()), "layout: page"),
        ("layout", NewValue::Text("yes".into()), "layout: \"yes\""),
        (
            "date",
            NewValue::Raw("2016-11-03 22:00:00 +0900".into()),
            "date:   2016-11-03 22:00:00 +0900",
        ),
        (
            "categories",
            NewValue::Text("부산 여행".into()),
            "categories: 부산 여행",
        ),
    ];
    for (key, value, want_line) in cases {
        for text in [
            REFERENCE_LIKE.to_owned(),
            REFERENCE_LIKE.replace('\n', "\r\n"),
        ] {
            let out = set_field(&text, key, &value).unwrap();
            assert_eq!(changed_lines(&text, &out), 1, "{key}");
            assert!(
                out.replace("\r\n", "\n")
                    .contains(&format!("\n{want_line}\n")),
                "{out}"
            );
            let f = fm(&out);
            match &value {
                NewValue::Text(t) => assert_eq!(f.get_text(key).as_deref(), Some(t.as_str())),
                NewValue::Raw(r) => assert_eq!(f.get_text(key).as_deref(), Some(r.as_str())),
                _ => unreachable!(),
            }
        }
    }
}

#[test]
fn trailing_comments_and_list_styles_are_kept() {
    let text = "---\nlayout: post   # 기본\ntags: [a, b]\ncategories:\n  - x\n  - y\n---\n";
    let out = set_field(text, "layout", &NewValue::Text("page".into())).unwrap();
    assert!(out.contains("layout: page   # 기본\n"), "{out}");
    let out = set_field(
        text,
        "tags",
        &NewValue::List(vec!["c".into(), "d e".into()]),
    )
    .unwrap();
    assert!(out.contains("tags: [c, d e]\n"), "{out}");
    let out = set_field(
        text,
        "categories",
        &NewValue::List(vec!["부산".into(), "a: b".into()]),
    )
    .unwrap();
    assert!(
        out.contains("categories:\n  - 부산\n  - \"a: b\"\n---"),
        "{out}"
    );
    assert_eq!(fm(&out).categories(), ["부산", "a: b"]);
    let out = set_field(text, "categories", &NewValue::Text("one two".into())).unwrap();
    assert!(out.contains("categories: one two\n---"), "{out}");
}

#[test]
fn new_keys_go_before_the_closing_line_and_missing_front_matter_is_created() {
    let out = set_field(REFERENCE_LIKE, "tags", &NewValue::Text("바다".into())).unwrap();
    assert!(
        out.contains("categories: 부산 여행 1일차\ntags: 바다\n---\n"),
        "{out}"
    );
    let out = set_field("본문\r\n", "title", &NewValue::Text("제목".into())).unwrap();
    assert_eq!(out, "---\r\ntitle: 제목\r\n---\r\n본문\r\n");
    let out = set_field("\u{feff}본문", "published", &NewValue::Bool(false)).unwrap();
    assert_eq!(out, "\u{feff}---\npublished: false\n---\n본문");
    let out = set_field("---\n---\nbody", "title", &NewValue::Text("t".into())).unwrap();
    assert_eq!(out, "---\ntitle: t\n---\nbody");
}

#[test]
fn broken_front_matter_is_never_edited() {
    for text in ["---\ntitle: x\n", "---\ntitle: [x\n---\n"] {
        assert!(set_field(text, "title", &NewValue::Text("y".into())).is_err());
    }
    let block_scalar = "---\ntitle: >\n  folded\n---\n";
    assert!(matches!(
        set_field(block_scalar, "title", &NewValue::Text("y".into())),
        Err(FrontMatterError::Uneditable { .. })
    ));
}

#[test]
fn removing_a_field_drops_its_lines_only() {
    let text = "---\ntitle: t\ntags:\n  - a\n  - b\nlayout: post\n---\n";
    assert_eq!(
        remove_field(text, "tags").unwrap(),
        "---\ntitle: t\nlayout: post\n---\n"
    );
    assert_eq!(remove_field(text, "nope").unwrap(), text);
}

#[test]
fn a_yaml_alias_bomb_is_refused_at_once() {
    // Issue 11: nine levels of nine aliases would expand to 387 million nodes.
    let mut yaml = String::from("---\nl0: &l0 [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let p = i - 1;
        yaml.push_str(&format!(
            "l{i}: &l{i} [*l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}]\n"
        ));
    }
    yaml.push_str("---\nbody\n");
    let started = std::time::Instant::now();
    let err = FrontMatter::parse(&yaml).unwrap_err();
    assert!(err.to_string().contains("aliases"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    // A few aliases are fine.
    let ok = "---\nbase: &b 서울\nplace: *b\n---\n";
    assert_eq!(
        FrontMatter::parse(ok).unwrap().get_text("place").as_deref(),
        Some("서울")
    );
}
