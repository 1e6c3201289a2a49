//! `cargo bench --bench check`: a generated site of 2,000 posts and 20,000 images checked
//! whole (every rule, unused images included); every fifth post uses Liquid, HTML blocks,
//! `{% highlight %}`, tables and math. Prints `check posts=<n> images=<m> ms=<median>`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::time::Instant;

use daybook::site::Site;
use daybook::site::check::Checker;

const POSTS: usize = 2_000;
const IMAGES: usize = 20_000;
const RUNS: usize = 5;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("_posts")).unwrap();
    std::fs::write(root.join("_config.yml"), "timezone: Asia/Seoul\n").unwrap();
    for folder in 0..100 {
        std::fs::create_dir_all(root.join(format!("images/trip{folder}"))).unwrap();
    }
    for i in 0..IMAGES {
        let path = root.join(format!(
            "images/trip{}/2016-11-07 10.{:02}.{:05}.jpg",
            i % 100,
            i % 60,
            i
        ));
        std::fs::write(path, b"\xff\xd8\xff\xd9").unwrap();
    }
    for p in 0..POSTS {
        let mut text = format!(
            "---\nlayout: post\ntitle:  \"여행 {p}\"\ndate:   2016-11-03 13:00:00 +0000\ncategories: 샌프란시스코 QCon\n---\n\n"
        );
        for k in 0..9 {
            let i = (p * 9 + k) % IMAGES;
            let _ = write!(
                text,
                "{k}번째 사진, a paragraph of words about the trip.\n\n![사진](/images/trip{}/2016-11-07 10.{:02}.{:05}.jpg)\n\n",
                i % 100,
                i % 60,
                i
            );
        }
        // Every fifth post written the way Liquid- and HTML-heavy blogs write.
        if p % 5 == 0 {
            let i = p % IMAGES;
            let _ = write!(
                text,
                "<center>\n<img src=\"{{{{ \"/images/trip{}/2016-11-07 10.{:02}.{:05}.jpg\" | relative_url }}}}\" width=\"60%\">\n<p><b>그림 {p}.</b> {{{{ page.title }}}}</p>\n</center>\n\n{{% highlight ruby %}}\nputs \"![x](/nope.jpg)\"\n{{% endhighlight %}}\n\n항목 | 금액\n--- | ---:\n버스 | 1,300원\n\n{{% comment %}}![x](/gone.jpg){{% endcomment %}}\n\n$$d = v \\times t$$\n\n",
                i % 100,
                i % 60,
                i
            );
        }
        // One mistake in every tenth post.
        if p % 10 == 0 {
            text.push_str("![틀림](/images/trip0/-11-07 10.00.00000.jpg)\n");
        }
        std::fs::write(root.join(format!("_posts/2016-11-03-post-{p}.md")), text).unwrap();
    }
    let site = Site::find(root).unwrap();
    let now = chrono::Utc::now().fixed_offset();
    let mut times = Vec::new();
    let mut problems = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let checker = Checker::new(&site, now);
        problems = checker.check_site().unwrap().len();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    eprintln!("problems found: {problems}");
    println!(
        "check posts={POSTS} images={IMAGES} ms={:.0}",
        times[RUNS / 2]
    );
}
