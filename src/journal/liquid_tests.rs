use super::*;

fn env_render(src: &str) -> Rendered {
    let mut vars = HashMap::new();
    vars.insert("page.title".to_owned(), LValue::Str("셋째 날".into()));
    vars.insert("site.title".to_owned(), LValue::Str("여행 일기".into()));
    vars.insert("site.baseurl".to_owned(), LValue::Str("/blog".into()));
    vars.insert(
        "page.tags".to_owned(),
        LValue::List(vec![LValue::Str("a".into()), LValue::Str("b".into())]),
    );
    vars.insert(
        "page.date".to_owned(),
        LValue::Str("2024-05-05 09:00:00 +0900".into()),
    );
    let include = |name: &str| match name {
        "note.html" => Some("<p>{{ include.text | default: \"메모\" }}</p>".to_owned()),
        "loop.html" => Some("{% include loop.html %}".to_owned()),
        _ => None,
    };
    let post_url = |name: &str| {
        (name == "2024-05-04-gamcheon").then(|| "/여행/2024/05/04/gamcheon.html".to_owned())
    };
    let link = |path: &str| (path == "about.md").then(|| "/about/".to_owned());
    let env = LiquidEnv {
        vars: &vars,
        baseurl: "/blog",
        url: "https://example.github.io",
        include: &include,
        post_url: &post_url,
        link: &link,
    };
    render(src, &env)
}

fn out(src: &str) -> String {
    env_render(src).text
}

#[test]
fn liquid_is_evaluated_the_way_jekyll_evaluates_it() {
    let cases: &[(&str, &str)] = &[
        (
            "제목 {{ page.title }} / {{site.title}}",
            "제목 셋째 날 / 여행 일기",
        ),
        (
            r#"<img src="{{ "/assets/x y.png" | absolute_url }}">"#,
            r#"<img src="https://example.github.io/blog/assets/x%20y.png">"#,
        ),
        ("{{ '/images/a.jpg' | relative_url }}", "/blog/images/a.jpg"),
        ("{{ \"x.png\" | prepend: site.baseurl }}", "/blogx.png"),
        (
            "{{ '/a' | prepend: site.baseurl | append: '.jpg' }}",
            "/blog/a.jpg",
        ),
        ("{{ page.nothing }}", ""),
        ("{{ page.nothing | default: 'd' }}", "d"),
        ("{{ '<b>' | escape }}", "&lt;b&gt;"),
        ("{{ 'a-b' | replace: '-', ' ' }}", "a b"),
        ("{{ page.date | date: '%Y년 %m월' }}", "2024년 05월"),
        ("{% comment %}![x](/y.jpg){% endcomment %}끝", "끝"),
        ("{% raw %}{{ page.title }}{% endraw %}", "{{ page.title }}"),
        ("{% assign n = 'x' %}{{ n | upcase }}", "X"),
        (
            "{% capture c %}A{{ page.title }}{% endcapture %}[{{ c }}]",
            "[A셋째 날]",
        ),
        ("{% if page.title %}yes{% else %}no{% endif %}", "yes"),
        (
            "{% if page.nothing == 'x' %}yes{% elsif site.title %}el{% endif %}",
            "el",
        ),
        ("{% unless page.title %}no{% endunless %}!", "!"),
        ("{% for t in page.tags %}[{{ t }}]{% endfor %}", "[a][b]"),
        (
            "{% post_url 2024-05-04-gamcheon %}",
            "/blog/%EC%97%AC%ED%96%89/2024/05/04/gamcheon.html",
        ),
        ("{% link about.md %}", "/blog/about/"),
        ("{% include note.html text=\"안녕\" %}", "<p>안녕</p>"),
        ("{% include note.html %}", "<p>메모</p>"),
        ("a  {{- page.title -}}  b", "a셋째 날b"),
        (
            "{% highlight ruby %}\nputs 1 < 2\n{% endhighlight %}",
            "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">puts 1 &lt; 2</code></pre></figure>",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(out(src), *want, "for {src}");
    }
}

#[test]
fn what_cannot_be_evaluated_becomes_a_marker_never_an_error() {
    let r = env_render(
        "a {% youtube abc %} b {{ site.data.x }} c {{ 'x' | nofilter }} {% include missing.html %}",
    );
    assert_eq!(r.unresolved.len(), 4, "{r:?}");
    assert!(
        r.text
            .starts_with(&format!("a {UNRESOLVED_OPEN}0{UNRESOLVED_CLOSE} b"))
    );
    assert_eq!(r.unresolved[0], "{% youtube abc %}");
    // Unclosed and runaway Liquid stays text, and recursion stops.
    assert_eq!(out("a {{ b"), "a {{ b");
    assert_eq!(out("{% raw %}x"), "x");
    let looped = env_render("{% include loop.html %}");
    assert_eq!(looped.unresolved.len(), 1);
}

#[test]
fn output_maps_back_to_where_it_was_written() {
    let src = "line1\n{{ page.title }}\n![a](/x.jpg)\n";
    let r = env_render(src);
    let at = r.text.find("![a]").unwrap();
    assert_eq!(r.map.to_source(at), src.find("![a]").unwrap());
    let title = r.text.find("셋째").unwrap();
    assert_eq!(r.map.to_source(title), 6);
    assert!(!r.map.is_literal(title));
}
