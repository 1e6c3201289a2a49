//! `cargo bench --bench frames`: the real app UI, headless, with a post open and the editor
//! and preview both visible, one character typed per frame. Posts of about 20 KB, 90 KB,
//! 360 KB and 1.4 MB made of distinct paragraphs (Korean and English, an image link every
//! few paragraphs, HTML blocks with Liquid, tables and math among them). Prints `frames bytes=<n> typed_ms=<median> idle_ms=<median>` per size
//! and the typed ratio between the largest and the smallest, then
//! `memory bytes=<n> after_1000_edits_mb=<growth>`: what the process holds more after 1,000
//! typed edits into the 1.4 MB post, each its own undo step (a counting allocator), and
//! `open bytes=<n> first_screen_ms=<t> typed_ms=<median>`: from starting the app on a 10 MB
//! post to the end of the first frame that shows its text in the editor, then typing in it.
//! Spelling (issue 24): `spelling words=<n> ms=<t> load_ms=<t>` — checking a 90 KB Korean
//! post on the worker's checker, cold (the dictionaries' load apart) — then
//! `spelling first_squiggles_ms=<t>` from starting the app on it to its misspelt words
//! being known, `startup spelling=off|on first_frame_ms=<t>` (twice each), and
//! `frames spelling=off|on bytes=<n> typed_ms=<median>`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use daybook::app::{DaybookApp, StartOptions};
use daybook::settings::Settings;
use daybook::ui::fonts::KoreanFont;
use eframe::App as _;

/// The system allocator, counting the bytes held.
struct Counting;

static HELD: std::sync::atomic::AtomicIsize = std::sync::atomic::AtomicIsize::new(0);

#[allow(unsafe_code)]
// SAFETY: every call is passed to the system allocator unchanged; only a counter is added.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        HELD.fetch_add(layout.size() as isize, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: the caller's layout goes to the system allocator as it came.
        unsafe { std::alloc::System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        HELD.fetch_sub(layout.size() as isize, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new: usize) -> *mut u8 {
        HELD.fetch_add(
            new as isize - layout.size() as isize,
            std::sync::atomic::Ordering::Relaxed,
        );
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { std::alloc::System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const FRAMES: usize = 31;

fn post(bytes: usize) -> String {
    let mut s = String::from(
        "---\nlayout: post\ntitle:  \"벤치마크 여행기\"\ndate:   2016-11-03 13:00:00 +0900\ncategories: 샌프란시스코 QCon\n---\n\n",
    );
    let mut i = 0;
    while s.len() < bytes {
        i += 1;
        let _ = write!(
            s,
            "{i}번째 문단: 오늘은 컨퍼런스 {i}일차, paragraph {i} about distributed systems and 샌프란시스코의 아침 {}.\n\n",
            i * 7919 % 10007
        );
        if i % 4 == 0 {
            let _ = write!(
                s,
                "![사진 {i}](/images/trip/2016-11-07 10.{:02}.{:02}.jpg)\n\n",
                i % 60,
                i % 59
            );
        }
        if i % 25 == 0 {
            let _ = write!(s, "## 세션 {i}\n\n");
        }
        // What real posts hold besides paragraphs: HTML blocks, tables, math.
        if i % 10 == 0 {
            let _ = write!(
                s,
                "<center>\n<img src=\"{{{{ \"/images/trip/{i}.jpg\" | relative_url }}}}\" width=\"50%\">\n<p><b>그림 {i}.</b> 설명 {i}</p>\n</center>\n\n"
            );
        }
        if i % 15 == 0 {
            let _ = write!(
                s,
                "항목 | 금액 | 메모\n--- | ---: | ---\n버스 {i} | 1,300원 | 교통카드\n입장 | 0원 | 무료\n\n"
            );
        }
        if i % 20 == 0 {
            let _ = write!(
                s,
                "거리는 $$d_{{{i}}} = v \\times t$$ 로 계산했다.\n\n$$\n\\sum_{{k=1}}^{{{i}}} d_k\n$$\n\n"
            );
        }
    }
    s
}

fn frame(
    ctx: &egui::Context,
    app: &mut DaybookApp,
    frame: &mut eframe::Frame,
    events: Vec<egui::Event>,
) -> Duration {
    run(ctx, app, frame, events).0
}

/// One frame (drawn and tessellated) with `events`: how long it took, and what it output
/// besides its shapes.
fn run(
    ctx: &egui::Context,
    app: &mut DaybookApp,
    frame: &mut eframe::Frame,
    events: Vec<egui::Event>,
) -> (Duration, egui::FullOutput) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        events,
        ..Default::default()
    };
    let start = Instant::now();
    let mut out = ctx.run_ui(input, |ui| {
        app.logic(ui.ctx(), frame);
        app.ui(ui, frame);
    });
    let _ = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    (start.elapsed(), out)
}

fn median_ms(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

/// The app started on the post at `path` (no frame drawn yet).
fn start_app(ctx: &egui::Context, root: &Path, path: PathBuf) -> (DaybookApp, eframe::Frame) {
    start_app_with(ctx, root, path, Settings::default())
}

fn start_app_with(
    ctx: &egui::Context,
    root: &Path,
    path: PathBuf,
    settings: Settings,
) -> (DaybookApp, eframe::Frame) {
    let start = StartOptions {
        path: Some(path),
        fonts: KoreanFont::BundledOnly,
        sample_dir: None,
        data_dir: Some(root.join("data")),
    };
    let app = DaybookApp::new(ctx, settings, start);
    (app, eframe::Frame::_new_kittest())
}

/// Put the caret in the first paragraph of the body (on screen) and draw a frame.
fn caret_in_first_paragraph(
    ctx: &egui::Context,
    app: &mut DaybookApp,
    f: &mut eframe::Frame,
    text: &str,
) {
    let at = text.find("1번째").unwrap();
    app.select_in_editor(ctx, at..at);
    frame(ctx, app, f, Vec::new());
}

/// The median of `FRAMES` frames, each typing one syllable.
fn typed_ms(ctx: &egui::Context, app: &mut DaybookApp, f: &mut eframe::Frame) -> f64 {
    let typed: Vec<Duration> = (0..FRAMES)
        .map(|_| frame(ctx, app, f, vec![egui::Event::Text("가".to_owned())]))
        .collect();
    assert!(
        app.session
            .doc()
            .unwrap()
            .text()
            .contains(&"가".repeat(FRAMES)),
        "typing reached the editor"
    );
    median_ms(typed)
}

/// The app open on a post of about `bytes` written as `name` under `root`, settled, with the
/// caret in the first paragraph of the body (on screen); the post's text.
fn open_post(
    root: &Path,
    name: &str,
    bytes: usize,
) -> (egui::Context, DaybookApp, eframe::Frame, String) {
    let text = post(bytes);
    let path = root.join(format!("_posts/{name}"));
    std::fs::write(&path, &text).unwrap();
    let ctx = egui::Context::default();
    let (mut app, mut f) = start_app(&ctx, root, path);
    for _ in 0..5 {
        frame(&ctx, &mut app, &mut f, Vec::new());
    }
    caret_in_first_paragraph(&ctx, &mut app, &mut f, &text);
    (ctx, app, f, text)
}

fn measure(root: &Path, bytes: usize) -> (usize, f64, f64) {
    let name = format!("2016-11-03-bench-{bytes}.md");
    let (ctx, mut app, mut f, text) = open_post(root, &name, bytes);
    let typed = typed_ms(&ctx, &mut app, &mut f);
    let idle: Vec<Duration> = (0..FRAMES)
        .map(|_| frame(&ctx, &mut app, &mut f, Vec::new()))
        .collect();
    (text.len(), typed, median_ms(idle))
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("_posts")).unwrap();
    std::fs::create_dir_all(root.join("images/trip")).unwrap();
    std::fs::write(root.join("_config.yml"), "timezone: Asia/Seoul\n").unwrap();
    let mut rows = Vec::new();
    for bytes in [20_000, 90_000, 360_000, 1_400_000] {
        let (n, typed, idle) = measure(root, bytes);
        println!("frames bytes={n} typed_ms={typed:.2} idle_ms={idle:.2}");
        rows.push((n, typed));
    }
    let ratio = rows[rows.len() - 1].1 / rows[0].1;
    println!("typed ratio 1.4MB/20KB={ratio:.1}");
    memory(root);
    open_large(root);
    during_rescan();
    spelling(root);
}

/// A Korean travel post of about `bytes`, as varied as a writer's words (nouns with their
/// particles, verbs in their endings, some English), a misspelling in every tenth paragraph.
fn korean_post(bytes: usize) -> String {
    const NOUNS: [&str; 24] = [
        "불국사",
        "석굴암",
        "바다",
        "하늘",
        "사진",
        "국수",
        "친구",
        "숙소",
        "기차",
        "시장",
        "골목",
        "카페",
        "박물관",
        "공원",
        "호수",
        "다리",
        "산책로",
        "저녁",
        "아침",
        "버스",
        "택시",
        "가게",
        "정원",
        "탑",
    ];
    const PARTICLES: [&str; 8] = ["을", "에", "에서", "으로", "과", "도", "만", "까지"];
    const VERBS: [&str; 12] = [
        "보았다",
        "걸었다",
        "찍었다",
        "먹었다",
        "들렀다",
        "지나갔다",
        "기다렸다",
        "구경했다",
        "좋아했다",
        "찾았다",
        "만났다",
        "떠났다",
    ];
    const ENGLISH: [&str; 4] = [
        "We walked along the river.",
        "The weather was beautiful.",
        "Tickets were cheap.",
        "Trains left every hour.",
    ];
    let mut s = String::from("---\nlayout: post\ntitle: 경주 여행\n---\n\n");
    // Distinct words too, as a long post has: the dictionary's own nouns (those its flag
    // 25 marks; it keeps them as conjoining jamo), each met once.
    let nouns: Vec<String> = daybook::site::hunspell::dictionary_dirs()
        .iter()
        .find_map(|d| std::fs::read_to_string(d.join("ko.dic")).ok())
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.strip_suffix("/25"))
        .map(compose_hangul)
        .filter(|w| !w.is_empty() && w.chars().all(|c| ('가'..='힣').contains(&c)))
        .step_by(7)
        .collect();
    let mut i = 0usize;
    while s.len() < bytes {
        for k in 0..6 {
            if let Some(n) = nouns.get(i * 6 + k) {
                let _ = write!(s, "{n}{} ", PARTICLES[(i + k) % PARTICLES.len()]);
            }
        }
        for k in 0..6 {
            let n = NOUNS[(i * 7 + k * 5) % NOUNS.len()];
            let p = PARTICLES[(i + k * 3) % PARTICLES.len()];
            let v = VERBS[(i * 3 + k) % VERBS.len()];
            let _ = write!(s, "{n}{p} 천천히 {v}. ");
        }
        s.push_str(ENGLISH[i % ENGLISH.len()]);
        if i.is_multiple_of(10) {
            s.push_str(" 결국 잘 됬다.");
        }
        s.push_str("\n\n");
        i += 1;
    }
    s
}

/// Conjoining jamo (ᄀ+ᅡ+ᆨ) composed into syllables (각), as Unicode's arithmetic does.
fn compose_hangul(jamo: &str) -> String {
    let mut out = String::new();
    let chars: Vec<u32> = jamo.chars().map(u32::from).collect();
    let mut i = 0;
    while i < chars.len() {
        let (l, v) = (chars[i], chars.get(i + 1).copied().unwrap_or(0));
        if (0x1100..=0x1112).contains(&l) && (0x1161..=0x1175).contains(&v) {
            let t = chars
                .get(i + 2)
                .copied()
                .filter(|t| (0x11A8..=0x11C2).contains(t));
            let s = 0xAC00 + ((l - 0x1100) * 21 + (v - 0x1161)) * 28 + t.map_or(0, |t| t - 0x11A7);
            out.extend(char::from_u32(s));
            i += if t.is_some() { 3 } else { 2 };
        } else {
            out.extend(char::from_u32(chars[i]));
            i += 1;
        }
    }
    out
}

fn spelling(root: &Path) {
    use daybook::site::hunspell::Speller;
    use daybook::site::spelling::Checker;
    let text = korean_post(90_000);
    let started = Instant::now();
    let mut speller = match Speller::new() {
        Ok(s) => s,
        Err(why) => {
            println!("spelling unavailable: {why}");
            return;
        }
    };
    let _ = (speller.has("ko"), speller.has("en"));
    let load = started.elapsed().as_secs_f64() * 1000.0;
    let mut checker = Checker::new(speller);
    let started = Instant::now();
    let all = daybook::journal::spelling::words(&text);
    let words = all.len();
    let unique = all
        .iter()
        .map(|w| &text[w.range.clone()])
        .collect::<std::collections::HashSet<_>>()
        .len();
    let misspelt = checker.misspelt(&text, "en");
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    assert!(!misspelt.is_empty());
    println!("spelling words={words} unique={unique} ms={ms:.1} load_ms={load:.0}");
    let path = root.join("_posts/2016-11-08-spelling.md");
    std::fs::write(&path, &text).unwrap();
    // The dictionaries load on the worker: the first frame is not kept waiting for them.
    for on in [false, true, false, true] {
        let ctx = egui::Context::default();
        let started = Instant::now();
        let settings = Settings {
            spelling: on,
            ..Settings::default()
        };
        let (mut app, mut f) = start_app_with(&ctx, root, path.clone(), settings);
        frame(&ctx, &mut app, &mut f, Vec::new());
        let label = if on { "on" } else { "off" };
        println!(
            "startup spelling={label} first_frame_ms={:.0}",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    let ctx = egui::Context::default();
    let started = Instant::now();
    let (mut app, mut f) = start_app(&ctx, root, path);
    while !app.spelling_words().1 && started.elapsed() < Duration::from_secs(30) {
        frame(&ctx, &mut app, &mut f, Vec::new());
        std::thread::sleep(Duration::from_millis(2));
    }
    println!(
        "spelling first_squiggles_ms={:.0}",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let at = text.find("아침").unwrap();
    app.select_in_editor(&ctx, at..at);
    frame(&ctx, &mut app, &mut f, Vec::new());
    for on in [false, true] {
        app.session.settings.spelling = on;
        let typed = typed_ms_n(&ctx, &mut app, &mut f);
        let label = if on { "on" } else { "off" };
        println!(
            "frames spelling={label} bytes={} typed_ms={typed:.2}",
            text.len()
        );
    }
}

/// [`typed_ms`] without its check of what was typed (the text has typing in it already),
/// with a pause after each typed frame, as when a writer types, so the spelling worker is
/// asked and answers between them. The answers (spelling's, the preview's) are taken by an
/// untimed frame before the next key: each timed frame is a typed one, never one that also
/// happened to take a worker's answer (which made the median jump between runs as the two
/// kinds of frame took turns being the middle one).
fn typed_ms_n(ctx: &egui::Context, app: &mut DaybookApp, f: &mut eframe::Frame) -> f64 {
    let typed: Vec<Duration> = (0..FRAMES)
        .map(|_| {
            let d = frame(ctx, app, f, vec![egui::Event::Text("가".to_owned())]);
            std::thread::sleep(Duration::from_millis(40));
            frame(ctx, app, f, Vec::new());
            d
        })
        .collect();
    median_ms(typed)
}

/// From starting the app on a 10 MB post to the end of the first frame whose editor shows
/// its text (the preview renders in the background meanwhile).
fn open_large(root: &Path) {
    let text = post(10_000_000);
    let path = root.join("_posts/2016-11-05-large.md");
    std::fs::write(&path, &text).unwrap();
    let first_line = text
        .lines()
        .find(|l| l.contains("1번째"))
        .unwrap()
        .to_owned();
    let ctx = egui::Context::default();
    ctx.enable_accesskit();
    let start = Instant::now();
    let (mut app, mut f) = start_app(&ctx, root, path);
    let shown = |out: &egui::FullOutput| {
        out.platform_output
            .accesskit_update
            .as_ref()
            .is_some_and(|u| {
                u.nodes.iter().any(|(_, n)| {
                    n.role() == egui::accesskit::Role::MultilineTextInput
                        && n.value().is_some_and(|v| v.contains(&first_line))
                })
            })
    };
    let (mut frames, mut seen) = (0, false);
    while !seen && frames < 10_000 {
        frames += 1;
        seen = shown(&run(&ctx, &mut app, &mut f, Vec::new()).1);
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    assert!(seen, "the editor never showed the post");
    // Then typing into it: the text is one `String` (see the editor's notes), so each
    // keystroke moves the bytes after the caret; this shows what that costs at 10 MB.
    caret_in_first_paragraph(&ctx, &mut app, &mut f, &text);
    let typed = typed_ms(&ctx, &mut app, &mut f);
    println!(
        "open bytes={} first_screen_ms={ms:.0} frames={frames} typed_ms={typed:.2}",
        text.len()
    );
}

/// How much more the process holds after 1,000 typed edits into the 1.4 MB post, each its
/// own undo step (the session's clock is moved past the typing pause after each).
fn memory(root: &Path) {
    const EDITS: usize = 1000;
    let (ctx, mut app, mut f, text) = open_post(root, "2016-11-04-memory.md", 1_400_000);
    let held = || HELD.load(std::sync::atomic::Ordering::Relaxed);
    // Workers (preview, index, photo decoding) allocate and free on their own threads: read
    // the process's bytes only once they have settled (three readings 50 ms apart within
    // 64 KB), else the figure is theirs, not the edits'.
    let settle = |app: &mut _, f: &mut _| {
        let mut last = held();
        let mut calm = 0;
        for _ in 0..200 {
            frame(&ctx, app, f, Vec::new());
            std::thread::sleep(Duration::from_millis(50));
            let now = held();
            calm = if now.abs_diff(last) < 64 << 10 {
                calm + 1
            } else {
                0
            };
            last = now;
            if calm >= 3 {
                break;
            }
        }
        last
    };
    let before = settle(&mut app, &mut f);
    for _ in 0..EDITS {
        frame(
            &ctx,
            &mut app,
            &mut f,
            vec![egui::Event::Text("가".to_owned())],
        );
        let _ = app.session.tick(Instant::now() + Duration::from_secs(5));
    }
    let after = settle(&mut app, &mut f);
    let grown = (after as f64 - before as f64) / 1e6;
    assert!(
        app.session
            .doc()
            .unwrap()
            .text()
            .contains(&"가".repeat(EDITS))
    );
    println!(
        "memory bytes={} after_{EDITS}_edits_mb={grown:.1} history_kb={:.1}",
        text.len(),
        app.session.doc().unwrap().history_bytes() as f64 / 1e3
    );
}

/// Typing into a post of a 10,000-post site while 100 posts change on disk (a `git pull`):
/// the watcher, the index and the preview all react, and typing must not wait for them.
fn during_rescan() {
    const POSTS: usize = 10_000;
    const CHANGES: usize = 100;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("_posts")).unwrap();
    std::fs::write(root.join("_config.yml"), "timezone: Asia/Seoul\n").unwrap();
    for i in 0..POSTS {
        std::fs::write(
            root.join(format!("_posts/2016-11-03-post-{i}.md")),
            format!("---\nlayout: post\ntitle: \"글 {i}\"\ndate: 2016-11-03 13:00:00 +0900\n---\n{i}번째 글.\n"),
        )
        .unwrap();
    }
    let open = root.join("_posts/2016-11-03-post-0.md");
    let text = post(4_000);
    std::fs::write(&open, &text).unwrap();
    let ctx = egui::Context::default();
    let (mut app, mut f) = start_app(&ctx, root, open);
    for _ in 0..20 {
        frame(&ctx, &mut app, &mut f, Vec::new());
        std::thread::sleep(Duration::from_millis(20));
    }
    caret_in_first_paragraph(&ctx, &mut app, &mut f, &text);
    let mut typed = Vec::new();
    for i in 0..CHANGES * 2 {
        if i % 2 == 0 {
            let n = 1 + i / 2 * 97 % (POSTS - 1);
            let path = root.join(format!("_posts/2016-11-03-post-{n}.md"));
            let mut body = std::fs::read_to_string(&path).unwrap();
            body.push_str("한 줄 더.\n");
            std::fs::write(&path, body).unwrap();
        }
        typed.push(frame(
            &ctx,
            &mut app,
            &mut f,
            vec![egui::Event::Text("가".to_owned())],
        ));
        // Time for the watcher and workers to report, outside the measured frame.
        std::thread::sleep(Duration::from_millis(5));
    }
    let max = typed
        .iter()
        .max()
        .copied()
        .unwrap_or_default()
        .as_secs_f64()
        * 1000.0;
    println!(
        "frames_during_rescan posts={POSTS} typed_ms={:.2} max_ms={max:.2}",
        median_ms(typed)
    );
}
