//! `cargo bench --bench index`: index 10,000 generated posts (3–20 KB each, Korean and
//! English, front matter in the shapes real posts use) and print the median time.
//! Prints `index posts=<n> ms=<median>`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::time::Instant;

use daybook::site::Site;
use daybook::site::index::index_site;

const POSTS: usize = 10_000;
const RUNS: usize = 7;

/// A small deterministic generator, so every run indexes the same site.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn post_text(i: usize, rng: &mut Rng) -> String {
    let mut s = String::new();
    let title = format!("여행 기록 {i}: Trip \"{}\"", rng.below(1000));
    let _ = write!(
        s,
        "---\nlayout: post\ntitle:  \"{}\"\n",
        title.replace('"', "\\\"")
    );
    match i % 3 {
        0 => s.push_str("date:   2016-11-03 13:00:00 +0900\ncategories: 샌프란시스코 QCon 1일차\n"),
        1 => s.push_str(
            "date: \"2019-05-04 08:00\"\ncategories: [부산, \"여행 2일차\"]\ntags: [골목, 야경]\n",
        ),
        _ => s.push_str(
            "# a comment\ncategory: 제주 여행\npublished: false\nauthor:\n  name: 홍길동\n",
        ),
    }
    s.push_str("---\n\n");
    let target = 3_000 + rng.below(17_000) as usize;
    while s.len() < target {
        let n = rng.below(1_000_000);
        let _ = write!(
            s,
            "오늘은 {n}번째 문단. We walked along the harbour and 사진을 찍었다.\n\n![사진 {n}](/images/trip/2016-11-07 10.{:02}.{:02}.jpg)\n\n",
            n % 60,
            n % 59
        );
    }
    s
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("_posts/2016")).unwrap();
    std::fs::write(root.join("_config.yml"), "timezone: Asia/Seoul\n").unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut bytes = 0;
    for i in 0..POSTS {
        let text = post_text(i, &mut rng);
        bytes += text.len();
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let year = 2000 + i / 336;
        let folder = if i % 2 == 0 { "_posts" } else { "_posts/2016" };
        std::fs::write(
            root.join(folder)
                .join(format!("{year}-{month:02}-{day:02}-post-{i}.md")),
            text,
        )
        .unwrap();
    }
    let site = Site::find(root).unwrap();
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let posts = index_site(&site);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        count = posts.len();
        assert!(posts.iter().all(|p| p.error.is_none()));
    }
    times.sort_by(f64::total_cmp);
    eprintln!("generated {POSTS} posts, {:.1} MB", bytes as f64 / 1e6);
    println!("index posts={count} ms={:.1}", times[RUNS / 2]);
}
