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
        kramdown: Default::default(),
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

/// Issue 21: hashes, paths, loops, include parameters and the list filters, with the results
/// Jekyll 4.3 (Liquid 5) gives (each checked against `jekyll build`, see
/// `tests/sites/blogs2`).
#[test]
fn hashes_loops_includes_and_list_filters_as_jekyll_runs_them() {
    let member = |name: &str, role: Option<&str>, joined: Option<f64>| {
        let mut pairs = vec![("name".to_owned(), LValue::Str(name.into()))];
        if let Some(r) = role {
            pairs.push(("role".into(), LValue::Str(r.into())));
        }
        if let Some(j) = joined {
            pairs.push(("joined".into(), LValue::Num(j)));
        }
        LValue::Map(pairs)
    };
    let mut vars = HashMap::new();
    vars.insert(
        "site.data".to_owned(),
        LValue::Map(vec![
            (
                "members".into(),
                LValue::List(vec![
                    member("길동", Some("writer"), Some(2019.0)),
                    member("철수", Some("photographer"), Some(2021.0)),
                    member("영희", Some("writer"), Some(2015.0)),
                    member("민수", None, None),
                ]),
            ),
            (
                "trip".into(),
                LValue::Map(vec![(
                    "hotel".into(),
                    LValue::Map(vec![("stars".into(), LValue::Num(4.0))]),
                )]),
            ),
        ]),
    );
    vars.insert("page.image".to_owned(), LValue::Str("/a.jpg".into()));
    vars.insert("page.empty_list".to_owned(), LValue::List(Vec::new()));
    let include = |name: &str| {
        match name {
        "fig.html" => Some(
            "{%- comment -%} x {%- endcomment -%}<img src=\"{{ include.src }}\" alt=\"{{ include.alt }}\">{{ include.n | plus: 1 }}"
                .to_owned(),
        ),
        "cap.html" => Some("{{ include.caption | markdownify | strip }}".to_owned()),
        _ => None,
    }
    };
    let none = |_: &str| None;
    let env = LiquidEnv {
        vars: &vars,
        baseurl: "",
        url: "",
        include: &include,
        post_url: &none,
        link: &none,
        kramdown: Default::default(),
    };
    let m = "site.data.members";
    let cases: Vec<(String, &str)> = vec![
        // Paths through hashes and lists.
        ("{{ site.data.trip.hotel.stars }}".into(), "4"),
        ("{{ site.data.trip.hotel[\"stars\"] }}".into(), "4"),
        (format!("{{{{ {m}[1].name }}}}/{{{{ {m}[-1].name }}}}/{{{{ {m}.size }}}}"), "철수/민수/4"),
        (format!("{{% assign i = 2 %}}{{{{ {m}[i].name }}}}"), "영희"),
        // forloop, reversed, limit, offset, ranges, else.
        (
            format!("{{% for p in {m} reversed limit: 2 %}}{{{{ forloop.index }}}}{{{{ p.name }}}}{{% unless forloop.last %}},{{% endunless %}}{{% endfor %}}"),
            "1철수,2길동",
        ),
        ("{% for i in (1..4) offset: 1 %}{{ i }}{% endfor %}".into(), "234"),
        ("{% for x in page.empty_list %}{{ x }}{% else %}비었다{% endfor %}".into(), "비었다"),
        // empty: "", [] and {} are; nil is not.
        ("{% if page.empty_list == empty %}y{% endif %}{% if page.nothing == empty %}n{% endif %}".into(), "y"),
        // Include parameters as Jekyll reads them: over lines, escaped quotes, variables.
        (
            "a\n\n{% include fig.html\n   src=page.image alt=\"그가 \\\"안녕\\\" 했다\"\n   n=2 %}\n\nb".into(),
            "a\n\n<img src=\"/a.jpg\" alt=\"그가 \"안녕\" 했다\">3\n\nb",
        ),
        ("{% include cap.html caption=\"**굵게** 설명\" %}".into(), "<p><strong>굵게</strong> 설명</p>"),
        // Jekyll's list filters.
        (format!("{{{{ {m} | where: \"role\", \"writer\" | map: \"name\" | join: \",\" }}}}"), "길동,영희"),
        (format!("{{{{ {m} | where_exp: \"p\", \"p.joined > 2018\" | map: \"name\" | join: \",\" }}}}"), "길동,철수"),
        (format!("{{{{ {m} | sort: \"joined\" | map: \"name\" | join: \",\" }}}}"), "민수,영희,길동,철수"),
        (format!("{{{{ {m} | find: \"name\", \"철수\" | map: \"role\" | first }}}}"), "photographer"),
        (
            format!("{{% assign g = {m} | group_by: \"role\" %}}{{% for x in g %}}{{{{ x.name | default: \"-\" }}}}={{{{ x.size }}}} {{% endfor %}}"),
            "writer=2 photographer=1 -=1 ",
        ),
        ("{{ \"a,b,,c\" | split: \",\" | compact | size }}".into(), "4"),
        ("{{ \"x\" | push: \"y\" | join: \"-\" }}".into(), "x"),
        ("{{ \"abcdef\" | slice: 1, 3 }}|{{ 5 | at_least: 8 }}|{{ \"  a   b \" | normalize_whitespace }}".into(), "bcd|8|a b"),
        ("{{ \"&amp; <b>\" | escape_once }}".into(), "&amp; &lt;b&gt;"),
        // Integers and floats as Ruby keeps them (checked against `jekyll build`).
        (
            "[{{ 10 | divided_by: 4 }}] [{{ 10 | divided_by: 4.0 }}] [{{ 3.0 | plus: 1 }}] [{{ 2.7 | round }}] [{{ 3.14159 | round: 2 }}] [{{ -7 | modulo: 3 }}] [{{ 7.5 | modulo: 2 }}] [{{ \"2.5\" | plus: 1 }}] [{{ \"3\" | times: 2 }}] [{{ 1000 | divided_by: 180.0 | round }}] [{{ 5 | at_least: 2.5 }}] [{{ 0.1 | plus: 0.2 }}] [{{ 1e20 | plus: 0 }}] [{{ -4.5 | abs }}] [{{ 2.5 | floor }}] [{{ 0.00001 | times: 1 }}]".into(),
            "[2] [2.5] [4.0] [3] [3.14] [2] [1.5] [3.5] [6] [6] [5] [0.3] [0] [4.5] [2] [1.0e-05]",
        ),
        (
            "[{{ \"  Hello, World! 첫 날.jpg \" | slugify }}] [{{ \"Hello, World! 첫 날.jpg\" | slugify: \"pretty\" }}] [{{ \"Hello  World 첫\" | slugify: \"raw\" }}] [{{ \"Café 첫 날\" | slugify: \"ascii\" }}] [{{ \"Hello World\" | slugify: \"none\" }}] [{{ \"-a-\" | slugify }}]".into(),
            "[hello-world-첫-날-jpg] [hello,-world!-첫-날.jpg] [hello-world-첫] [caf] [hello world] [a]",
        ),
        (format!("{{{{ {m}[0] | jsonify }}}}"), r#"{"name":"길동","role":"writer","joined":2019}"#),
    ];
    for (src, want) in cases {
        assert_eq!(render(&src, &env).text, want, "{src}");
    }
}

/// Issue 20: every render finishes within its budget, on a test thread's small stack, and
/// says where it stopped.
#[test]
fn hostile_liquid_ends_within_the_budget_and_says_where() {
    let vars = HashMap::new();
    let include = |name: &str| (name == "self.html").then(|| "{% include self.html %}".repeat(10));
    let none = |_: &str| None;
    let env = LiquidEnv {
        vars: &vars,
        baseurl: "",
        url: "",
        include: &include,
        post_url: &none,
        link: &none,
        kramdown: Default::default(),
    };
    let limit_of = |r: &Rendered| r.limits.iter().map(|h| h.limit).collect::<Vec<_>>();

    let n = 20_000;
    let nested = format!(
        "{}deep{}\n\nafter",
        "{% if true %}".repeat(n),
        "{% endif %}".repeat(n)
    );
    let r = render(&nested, &env);
    assert_eq!(limit_of(&r), [Limit::Nesting]);
    assert!(r.text.ends_with("after"), "the rest of the post is kept");
    assert_eq!(r.limits[0].tag, "{% if true %}");

    let list = vec!["a"; 1000].join(",");
    let loops = format!(
        "{{% assign l = \"{list}\" | split: \",\" %}}{{% for a in l %}}{{% for b in l %}}{{% for c in l %}}x{{% endfor %}}{{% endfor %}}{{% endfor %}}"
    );
    let r = render(&loops, &env);
    assert_eq!(limit_of(&r), [Limit::Iterations]);
    assert!(r.text.len() <= 100_001);

    let r = render("{% include self.html %}", &env);
    assert_eq!(limit_of(&r), [Limit::Includes]);

    let doubling = "{% assign s = 'ab' %}{% for i in (1..200) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}";
    let r = render(doubling, &env);
    assert_eq!(limit_of(&r), [Limit::Output]);
    let assigned =
        "{% assign s = 'ab' %}{% for i in (1..200) %}{% assign s = s | append: s %}{% endfor %}";
    assert_eq!(limit_of(&render(assigned, &env)), [Limit::Output]);

    let or = format!(
        "{{% if {} %}}y{{% endif %}}",
        vec!["false"; 50_000].join(" or ")
    );
    assert_eq!(render(&or, &env).text, "");
    let or = format!(
        "{{% if {} or true %}}y{{% endif %}}",
        vec!["false"; 50_000].join(" or ")
    );
    assert_eq!(render(&or, &env).text, "y");
}

#[test]
fn conditions_join_from_the_right_and_quotes_hold_their_operators() {
    // Each case checked against Jekyll 4.3 (Liquid 5.4).
    let cases = [
        (
            "{% if false and false or true %}y{% else %}n{% endif %}",
            "n",
        ),
        (
            "{% if true or false and false %}y{% else %}n{% endif %}",
            "y",
        ),
        (
            "{% if false or true and false %}y{% else %}n{% endif %}",
            "n",
        ),
        (
            "{% if page.title == \"셋째 날\" or x %}y{% else %}n{% endif %}",
            "y",
        ),
        (
            "{% if \"a or b\" == \"a or b\" %}y{% else %}n{% endif %}",
            "y",
        ),
        (
            "{% if \"x == y\" contains \"==\" %}y{% else %}n{% endif %}",
            "y",
        ),
        (
            "{% if page.tags contains 'b' and page.title %}y{% else %}n{% endif %}",
            "y",
        ),
        ("{% unless 'and' == 'or' %}y{% endunless %}", "y"),
    ];
    for (src, want) in cases {
        assert_eq!(out(src), want, "{src}");
    }
}
