//! `cargo bench --bench theme_preview`: the theme preview of a generated 500-post site in
//! minima's theme, built by the machine's Jekyll. Prints
//! `theme_preview posts=500 first_build_ms=<t> pause_to_page_ms=<median of 5>`: the first
//! build from the start of the server to its first finished build, and from the end of
//! typing (the window's pause, then the text handed to the server) to the rebuilt post's
//! page on disk.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use daybook::site::Site;
use daybook::site::serve::{PAUSE, ServeEvent, ServeOptions, ThemeServer};

const POSTS: usize = 500;
const RUNS: usize = 5;

fn post(i: usize) -> String {
    let mut body = format!(
        "---\nlayout: post\ntitle: \"여행 기록 {i}\"\ncategories: [trip{}]\ntags: [사진, day{}]\n---\n\n",
        i % 12,
        i % 30
    );
    for p in 0..12 {
        body.push_str(&format!(
            "아침 일찍 {i}번째 날의 {p}번째 문단을 썼다. 바다와 산, 시장과 골목을 걸었다. *멀리* 보이는 [섬](https://example.com/{p})이 예뻤다.\n\n"
        ));
    }
    body.push_str("![사진](/images/a.jpg)\n\n```rust\nfn main() {}\n```\n");
    body
}

fn main() {
    if std::process::Command::new("jekyll")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("theme_preview skipped: no jekyll (apt-get install jekyll jekyll-theme-minima)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    std::fs::create_dir_all(root.join("_posts")).unwrap();
    std::fs::create_dir_all(root.join("images")).unwrap();
    std::fs::write(root.join("images/a.jpg"), b"jpeg").unwrap();
    std::fs::write(
        root.join("_config.yml"),
        "title: 벤치\ntheme: minima\ntimezone: Asia/Seoul\n",
    )
    .unwrap();
    std::fs::write(root.join("index.md"), "---\nlayout: home\n---\n").unwrap();
    for i in 0..POSTS {
        let day = chrono_day(i);
        std::fs::write(root.join(format!("_posts/{day}-post-{i}.md")), post(i)).unwrap();
    }
    let site = Site::find(&root).unwrap();
    let (on_event, rx) = daybook::site::serve::event_channel();
    let options = ServeOptions {
        port: None,
        cache: Some(dir.path().join("cache")),
    };
    let started = Instant::now();
    let server = ThemeServer::start(&site, &options, on_event).unwrap();
    loop {
        match rx.recv_timeout(Duration::from_secs(300)).unwrap() {
            ServeEvent::Built { .. } => break,
            ServeEvent::Failed { errors } => panic!("the first build failed: {errors:?}"),
            _ => {}
        }
    }
    let first = started.elapsed();
    let rel = format!("_posts/{}-post-{}.md", chrono_day(POSTS / 2), POSTS / 2);
    let text = post(POSTS / 2);
    let url = server.page_url(&rel, &text);
    let page = server.file_of(&url).expect("the post's page was built");
    let mut times = Vec::new();
    for run in 0..RUNS {
        let marker = format!("MARKER{run}X{}", started.elapsed().as_nanos());
        // Typing ends now; the window waits for its pause, then hands over the text.
        let typed = Instant::now();
        std::thread::sleep(PAUSE);
        server
            .set_text(&rel, Some(format!("{text}\n{marker}\n")))
            .unwrap();
        while !std::fs::read_to_string(&page).is_ok_and(|p| p.contains(&marker)) {
            assert!(typed.elapsed() < Duration::from_secs(60), "never rebuilt");
            std::thread::sleep(Duration::from_millis(5));
        }
        times.push(typed.elapsed());
        // Let the rebuild finish before the next edit.
        std::thread::sleep(Duration::from_millis(500));
    }
    times.sort();
    drop(server);
    println!(
        "theme_preview posts={POSTS} first_build_ms={} pause_to_page_ms={}",
        first.as_millis(),
        times[RUNS / 2].as_millis()
    );
}

/// A date for post `i`: one a day from 2020-01-01.
fn chrono_day(i: usize) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    (start + chrono::Duration::days(i as i64))
        .format("%Y-%m-%d")
        .to_string()
}
