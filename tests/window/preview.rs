//! Issue 21: the preview draws every format a browser draws, photos an include lays side by
//! side as a grid with their captions, never the text of `<style>`/`<script>`/comments, and
//! says why it does not draw a picture no browser would.

use std::path::Path;

use daybook::settings::{Settings, ViewMode};
use egui_kittest::Harness;

use crate::common::{has_text, picture, step_until, write};
use daybook::app::DaybookApp;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn solid(name: &str, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbaImage::from_pixel(160, 30, image::Rgba([rgb[0], rgb[1], rgb[2], 255]));
    let format = image::ImageFormat::from_path(name).unwrap();
    let mut out = std::io::Cursor::new(Vec::new());
    let img = if format == image::ImageFormat::Bmp || format == image::ImageFormat::Jpeg {
        image::DynamicImage::ImageRgb8(image::DynamicImage::ImageRgba8(img).to_rgb8())
    } else {
        image::DynamicImage::ImageRgba8(img)
    };
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// How many pixels of `image` are within 24 of `rgb` on each channel.
fn count(image: &image::RgbaImage, rgb: [u8; 3]) -> usize {
    image
        .pixels()
        .filter(|p| p.0[..3].iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 24))
        .count()
}

fn open(post: &Path) -> Harness<'static, DaybookApp> {
    let settings = Settings {
        view: ViewMode::PreviewOnly,
        show_problems: false,
        ..Settings::default()
    };
    let data = post.ancestors().nth(3).unwrap().join("data");
    let mut h = crate::common::app(post, &data, settings, [1000.0, 2600.0]);
    step_until(&mut h, "the photos decoded", |h| {
        h.state().session.doc().is_some() && !h.ctx.has_pending_images()
    });
    // A few more frames for the textures of what just decoded.
    for _ in 0..20 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h
}

#[test]
fn every_format_a_browser_draws_is_drawn_and_a_slider_is_a_row_of_photos() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    write(&root, "_config.yml", "title: t\ntimezone: Asia/Seoul\n");
    let colours: [(&str, [u8; 3]); 5] = [
        ("png.png", [30, 170, 40]),
        ("gif.gif", [0, 90, 40]),
        ("lossless.webp", [140, 40, 200]),
        ("bmp.bmp", [120, 120, 250]),
        ("ico.ico", [250, 120, 120]),
    ];
    for (name, rgb) in colours {
        write(&root, &format!("images/f/{name}"), solid(name, rgb));
    }
    write(&root, "images/f/anim.webp", fixture("pictures/anim.webp"));
    write(&root, "images/f/photo.avif", fixture("pictures/photo.avif"));
    write(
        &root,
        "images/f/vector.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"30\"><rect width=\"160\" height=\"30\" fill=\"rgb(220,30,180)\"/></svg>",
    );
    write(
        &root,
        "images/f/IMG_1.HEIC",
        fixture("heic/iphone-irot.heic"),
    );
    write(&root, "images/f/s1.jpg", solid("s1.jpg", [240, 140, 20]));
    write(&root, "images/f/s2.jpg", solid("s2.jpg", [20, 200, 200]));
    write(&root, "images/f/s3.jpg", picture("s3.jpg"));
    let mut body = String::from("---\ntitle: formats\ndate: 2024-01-01 10:00:00 +0900\n---\n\n");
    for (name, _) in colours {
        body.push_str(&format!("![{name}](/images/f/{name})\n\n"));
    }
    body.push_str(
        "![anim](/images/f/anim.webp)\n\n![avif](/images/f/photo.avif)\n\n\
         <img src=\"/images/f/vector.svg\" alt=\"svg\">\n\n![heic](/images/f/IMG_1.HEIC)\n\n\
         <div class=\"slider\"><figure><img src=\"/images/f/s1.jpg\"><figcaption>첫 장면</figcaption></figure>\
         <figure><img src=\"/images/f/s2.jpg\"><figcaption>둘째 장면</figcaption></figure>\
         <figure><img src=\"/images/f/s3.jpg\"><figcaption>셋째 장면</figcaption></figure></div>\
         <style>.slider {{ display: flex; }}</style><script>window.sliders = 1;</script>\n\n\
         <!-- a comment the page does not show -->\n",
    );
    write(&root, "_posts/2024-01-01-formats.md", body);
    let mut h = open(&root.join("_posts/2024-01-01-formats.md"));
    let image = h.render().unwrap();
    let mut wanted: Vec<(&str, [u8; 3])> = colours.to_vec();
    // The animation shows one of its two frames, whichever it has reached.
    let frames = count(&image, [230, 220, 30]) + count(&image, [20, 40, 230]);
    assert!(frames > 500, "anim.webp is not drawn");
    wanted.push(("vector.svg", [220, 30, 180]));
    // AVIF is drawn through the system's libheif (CI installs it; elsewhere it may be absent,
    // and the preview then says what to install).
    if daybook::site::heif::available().is_ok()
        || std::env::var_os("DAYBOOK_REQUIRE_LIBHEIF").is_some()
    {
        wanted.push(("photo.avif", [140, 80, 20]));
    }
    let path = crate::common::save_screenshot(&mut h, "preview formats");
    for (name, rgb) in wanted {
        assert!(count(&image, rgb) > 500, "{name} is not drawn ({path})");
    }
    // The slider's photos stand side by side: their colours share rows of the screen.
    let rows_with = |rgb: [u8; 3]| -> std::collections::BTreeSet<u32> {
        image
            .enumerate_pixels()
            .filter(|(_, _, p)| p.0[..3].iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 24))
            .map(|(_, y, _)| y)
            .collect()
    };
    let (first, second) = (rows_with([240, 140, 20]), rows_with([20, 200, 200]));
    assert!(
        !first.is_empty() && !second.is_empty(),
        "slider photos drawn ({path})"
    );
    assert!(
        first.intersection(&second).count() > 10,
        "slider photos in one row ({path})"
    );
    assert!(
        has_text(&h, "첫 장면") && has_text(&h, "셋째 장면"),
        "captions"
    );
    // Never the text of style, script or a comment.
    for hidden in ["display: flex", "window.sliders", "does not show"] {
        assert!(!has_text(&h, hidden), "{hidden:?} is drawn");
    }
    // A HEIC says why it is not drawn.
    assert!(
        has_text(&h, "only Safari shows"),
        "the HEIC's reason ({path})"
    );
}

/// A `<details markdown="1">` folds what it holds under its summary, as a browser shows it.
#[test]
fn a_details_element_folds_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    write(&root, "_config.yml", "title: t\ntimezone: Asia/Seoul\n");
    write(
        &root,
        "_posts/2024-01-01-d.md",
        "---\ntitle: d\ndate: 2024-01-01 10:00:00 +0900\n---\n\n앞 문단\n\n<details markdown=\"1\">\n<summary>경비 내역</summary>\n\n| 항목 | 금액 |\n|---|---:|\n| 입장료 | 6,000원 |\n\n</details>\n\n뒤 문단\n",
    );
    let h = open(&root.join("_posts/2024-01-01-d.md"));
    assert!(has_text(&h, "경비 내역"), "the summary");
    assert!(has_text(&h, "뒤 문단"));
    assert!(!has_text(&h, "입장료"), "folded: its table is not shown");
}

/// Issue 20: the preview draws posts nested 100,000 deep (quotes, lists, HTML, emphasis,
/// brackets, Liquid) on the test's own 2 MB thread stack, and keeps drawing the text after.
#[test]
fn the_preview_draws_any_nesting_depth_on_a_2_mb_stack() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    write(&root, "_config.yml", "title: t\n");
    let n = 100_000;
    let mut body = String::from("---\ntitle: deep\n---\n\n");
    body.push_str(&format!("{}깊은 인용\n\n", "> ".repeat(n)));
    body.extend((0..30).map(|i| format!("{}- 목록\n", "  ".repeat(i))));
    body.push_str(&format!(
        "\n<div markdown=\"1\">\n{}상자{}\n</div>\n\n",
        "<div>".repeat(n),
        "</div>".repeat(n)
    ));
    body.push_str(&format!(
        "{}안쪽\n\n{}",
        "<div markdown=\"1\">\n\n".repeat(n / 10),
        "</div>\n\n".repeat(n / 10)
    ));
    body.push_str(&format!("{}강조{}\n\n", "*".repeat(n), "*".repeat(n)));
    body.push_str(&format!("{}괄호{}\n\n", "[".repeat(n), "]".repeat(n)));
    body.push_str(&format!(
        "{}조건{}\n\n",
        "{% if true %}".repeat(n),
        "{% endif %}".repeat(n)
    ));
    write(&root, "_posts/2024-01-01-deep.md", body);
    let mut h = open(&root.join("_posts/2024-01-01-deep.md"));
    // What each deep part holds is drawn, flat past the depth drawn as nesting.
    step_until(&mut h, "the deep parts drawn", |h| {
        ["깊은 인용", "목록", "상자", "안쪽"]
            .iter()
            .all(|t| has_text(h, t))
    });
    for _ in 0..10 {
        h.step();
    }
}
