//! Helpers shared by the integration tests: the real app in a kittest harness, and phone
//! photos the tests make themselves.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod jekyll;
pub mod screenshot;

use std::path::Path;
use std::process::{Command, Output};

#[path = "../support/exif.rs"]
pub mod exif;

use daybook::app::{DaybookApp, StartOptions};
use daybook::i18n::{Language, LanguageChoice};
use daybook::settings::Settings;
use daybook::ui::fonts::KoreanFont;
use daybook::workers::Workers;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};

/// The real app opened on `open`, with its recovery files under `data`; in English unless
/// `settings` chooses a language. The session's workers run inline: what they report is
/// there on the next frame.
pub fn app(
    open: &Path,
    data: &Path,
    settings: Settings,
    size: [f32; 2],
) -> Harness<'static, DaybookApp> {
    app_with(open, data, settings, size, Workers::inline)
}

/// [`app`] with the session's workers on threads, for what must go on while the window
/// draws (a push that stalls, an import cancelled halfway).
pub fn app_threaded(
    open: &Path,
    data: &Path,
    settings: Settings,
    size: [f32; 2],
) -> Harness<'static, DaybookApp> {
    app_with(open, data, settings, size, || {
        Workers::new(daybook::workers::Waker::new(|| {}))
    })
}

fn app_with(
    open: &Path,
    data: &Path,
    mut settings: Settings,
    size: [f32; 2],
    workers: fn() -> Workers,
) -> Harness<'static, DaybookApp> {
    if settings.language == LanguageChoice::System {
        settings.language = LanguageChoice::Use(Language::English);
    }
    let (open, data) = (open.to_owned(), data.to_owned());
    let mut h = Harness::builder()
        .with_size(size)
        .renderer(screenshot::CpuRenderer::default())
        .build_eframe(move |cc| {
            DaybookApp::with_workers(
                &cc.egui_ctx,
                settings,
                StartOptions {
                    path: Some(open),
                    fonts: KoreanFont::BundledOnly,
                    sample_dir: None,
                    data_dir: Some(data),
                },
                workers(),
            )
        });
    h.run_steps(3);
    // The post list is read on a worker: wait for it, as a user would see it appear.
    step_until(&mut h, "the post list", |h| {
        !h.state().session.posts().is_empty()
    });
    // And the open post's own problems (asked once its first screen is drawn), so what a
    // test clicks in the problems panel stands still.
    step_until(&mut h, "the open post's check", |h| {
        h.state().session.open.as_ref().is_none_or(|o| {
            o.problems_generation == Some(o.doc.generation()) || o.doc.read_only.is_some()
        })
    });
    h.run_steps(1);
    h
}

/// A `w`×`h` JPEG, left half red and right half blue, stored sideways (EXIF orientation 6)
/// with capture time `time` (`YYYY:MM:DD HH:MM:SS`) and a GPS position.
pub fn phone_jpeg(w: u32, h: u32, time: &str) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, _| {
        if x < w / 2 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .unwrap();
    daybook::site::photo_meta::with_exif(out, exif::build(6, time, true)).unwrap()
}

/// A small valid picture in the format `name`'s extension names (JPEG, PNG, GIF, WebP,
/// BMP; JPEG for any other).
pub fn picture(name: &str) -> Vec<u8> {
    let ext = name
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let format = image::ImageFormat::from_extension(&ext).unwrap_or(image::ImageFormat::Jpeg);
    let img = image::RgbaImage::from_pixel(8, 4, image::Rgba([40, 120, 200, 255]));
    let img = if format == image::ImageFormat::Jpeg {
        image::DynamicImage::ImageRgb8(image::DynamicImage::ImageRgba8(img).to_rgb8())
    } else {
        image::DynamicImage::ImageRgba8(img)
    };
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// Run the daybook binary in `dir`.
pub fn daybook(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_daybook"))
        .env("LANGUAGE", "en")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// A camera folder `dir/camera` holding phone JPEGs `(name, capture time, width)`, 32
/// pixels high (different widths: different pictures).
pub fn camera(dir: &Path, photos: &[(&str, &str, u32)]) -> std::path::PathBuf {
    let camera = dir.join("camera");
    std::fs::create_dir_all(&camera).unwrap();
    for (name, time, width) in photos {
        std::fs::write(camera.join(name), phone_jpeg(*width, 32, time)).unwrap();
    }
    camera
}

/// Copy the include `name` of the `photos-web` fixture site into `root/_includes/`.
pub fn copy_include(root: &Path, name: &str) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sites/photos-web/_includes")
        .join(name);
    std::fs::create_dir_all(root.join("_includes")).unwrap();
    std::fs::copy(from, root.join("_includes").join(name)).unwrap();
}

/// Write `bytes` at `root/rel`, making its folders.
pub fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// Run the machine's `git` in `dir` (as a test user, `main` as the first branch); its stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.email=t@t",
            "-c",
            "user.name=t",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether some widget shows `needle` (labels carry their text as their value, buttons as
/// their label).
pub fn has_text(h: &Harness<'_, DaybookApp>, needle: &str) -> bool {
    h.query_all(By::new().predicate(move |n| {
        n.value().is_some_and(|v| v.contains(needle))
            || n.label().is_some_and(|v| v.contains(needle))
    }))
    .next()
    .is_some()
}

/// The open post's selection (anchor, head) as the session keeps it.
pub fn selection(h: &Harness<'_, DaybookApp>) -> (usize, usize) {
    let s = h.state().session.doc().unwrap().selection();
    (s.anchor, s.head)
}

/// Select `range` of the open post with the editor focused, as a jump does.
pub fn select(h: &mut Harness<'_, DaybookApp>, range: std::ops::Range<usize>) {
    let ctx = h.ctx.clone();
    h.state_mut().select_in_editor(&ctx, range);
}

/// The open post's text as the window has it.
pub fn doc_text(h: &Harness<'_, DaybookApp>) -> String {
    h.state().session.doc().unwrap().text().to_owned()
}

/// Asserts that some widget shows `needle`.
pub fn shows_text(h: &Harness<'_, DaybookApp>, needle: &str) {
    assert!(has_text(h, needle), "no widget shows {needle:?}");
}

/// Steps frames until `done` holds; how long it took. The session's workers run inline, so
/// what they report is there on the next frame; the window's own threads (the preview's,
/// the photos' decoders, spelling) and the file watcher answer while frames are drawn. On a
/// timeout (10 s) the panic lists the texts the window shows and saves a screenshot of it
/// (drawn on the CPU) under the target folder.
pub fn step_until(
    h: &mut Harness<'_, DaybookApp>,
    what: &str,
    done: impl Fn(&Harness<'_, DaybookApp>) -> bool,
) -> std::time::Duration {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(10) {
        h.step();
        if done(h) {
            return start.elapsed();
        }
    }
    let shown: Vec<String> = h
        .query_all(By::new().predicate(|n| n.value().is_some() || n.label().is_some()))
        .map(|n| {
            let node = n.accesskit_node();
            format!(
                "{} {}",
                node.label().unwrap_or_default(),
                node.value().unwrap_or_default()
            )
        })
        .collect();
    let picture = save_screenshot(h, what);
    panic!("timed out waiting for {what}; screenshot: {picture}; the window shows: {shown:#?}");
}

/// [`step_until`] with a condition on the app.
pub fn step_until_state(
    h: &mut Harness<'_, DaybookApp>,
    what: &str,
    done: impl Fn(&DaybookApp) -> bool,
) -> std::time::Duration {
    step_until(h, what, |h| done(h.state()))
}

/// Save what the window shows as a PNG named after `what`; its path, or why not.
pub fn save_screenshot(h: &mut Harness<'_, DaybookApp>, what: &str) -> String {
    let name: String = what
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("timed-out-{name}.png"));
    match h.render() {
        Ok(image) => match image.save(&path) {
            Ok(()) => path.display().to_string(),
            Err(e) => format!("not saved ({e})"),
        },
        Err(e) => format!("not drawn ({e})"),
    }
}
