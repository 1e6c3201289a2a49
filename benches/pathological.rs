//! `cargo bench --bench pathological`: hostile posts (issue 20) prepared and checked at size
//! n and 2n. Prints `pathological name=<case> n=<n> ms=<t>` for each, and
//! `ratio name=<case> t2n/tn=<r>`: linear work doubles (≤ 2.5), quadratic work quadruples.
//! Target: every ratio ≤ 2.5, every case at its largest n ≤ 1 s.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use daybook::site::Site;
use daybook::site::check::Checker;

/// Each case: its name, its largest n, and the post body for a given n.
type Case = (&'static str, usize, fn(usize) -> String);

const CASES: [Case; 12] = [
    ("liquid-if", 20_000, |n| {
        format!("{}x{}", "{% if true %}".repeat(n), "{% endif %}".repeat(n))
    }),
    ("liquid-capture", 20_000, |n| {
        let open: String = (0..n).map(|i| format!("{{% capture c{i} %}}")).collect();
        format!("{open}x{}", "{% endcapture %}".repeat(n))
    }),
    ("liquid-for", 20_000, |n| {
        format!(
            "{}x{}",
            "{% for i in (1..2) %}".repeat(n),
            "{% endfor %}".repeat(n)
        )
    }),
    ("liquid-or", 50_000, |n| {
        format!("{{% if {} %}}y{{% endif %}}", vec!["false"; n].join(" or "))
    }),
    ("emphasis", 30_000, |n| {
        format!("{}b{}", "**a ".repeat(n), " a**".repeat(n))
    }),
    ("single-emphasis", 30_000, |n| {
        format!("{}b{}", "*a ".repeat(n), " a*".repeat(n))
    }),
    ("strike", 30_000, |n| {
        format!("{}b{}", "~~a ".repeat(n), " a~~".repeat(n))
    }),
    ("links", 100_000, |n| "![a](".repeat(n)),
    ("wrapped-links", 100_000, |n| "![a](<".repeat(n)),
    ("code-spans", 30_000, |n| {
        "`![no](a.png)` ![x](y.png) ".repeat(n)
    }),
    ("quotes", 30_000, |n| format!("{}x", "> ".repeat(n))),
    ("footnotes", 20_000, |n| {
        let refs: String = (0..n).map(|i| format!("a[^n{i}] ")).collect();
        let defs: String = (0..n).map(|i| format!("[^n{i}]: note {i}\n")).collect();
        format!("{refs}\n\n{defs}")
    }),
];

/// Lines the editor's highlighter colours as they are typed: each is one line.
const LINES: [Case; 5] = [
    ("highlight-links", 100_000, |n| "![a](".repeat(n)),
    ("highlight-brackets", 100_000, |n| "[".repeat(n)),
    ("highlight-code", 100_000, |n| "a`".repeat(n)),
    ("highlight-strong", 100_000, |n| "**a ".repeat(n)),
    ("highlight-liquid", 100_000, |n| "{{ x ".repeat(n)),
];

/// The best of three: the time to colour the line, in ms.
fn time_line(line: &str) -> f64 {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(daybook::ui::highlight::spans(line));
            started.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

/// The best of three: the time to prepare and check the post, in ms.
fn time(checker: &Checker, body: &str) -> f64 {
    let text = format!("---\ntitle: t\ndate: 2024-01-01 10:00:00 +0900\n---\n\n{body}\n");
    let rel = "_posts/2024-01-01-p.md";
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let doc = checker.renderer.prepare(rel, &text);
            let (problems, _) = checker.check_prepared(rel, &text, &doc);
            std::hint::black_box(problems);
            started.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("_posts")).unwrap();
    std::fs::write(root.join("_config.yml"), "timezone: Asia/Seoul\n").unwrap();
    let site = Site::find(root).unwrap();
    let checker = Checker::new(&site, chrono::Utc::now().fixed_offset());
    for (name, n, body) in CASES {
        let half = time(&checker, &body(n / 2));
        let full = time(&checker, &body(n));
        println!("pathological name={name} n={} ms={half:.1}", n / 2);
        println!("pathological name={name} n={n} ms={full:.1}");
        println!("ratio name={name} t2n/tn={:.2}", full / half.max(0.001));
    }
    for (name, n, line) in LINES {
        let half = time_line(&line(n / 2));
        let full = time_line(&line(n));
        println!("pathological name={name} n={} ms={half:.1}", n / 2);
        println!("pathological name={name} n={n} ms={full:.1}");
        println!("ratio name={name} t2n/tn={:.2}", full / half.max(0.001));
    }
}
