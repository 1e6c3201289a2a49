use super::*;
use image::codecs::gif::{GifEncoder, Repeat};
use image::{Delay, Rgba};

const FIT: Fit = Fit {
    max_w: 800,
    max_h: 800,
    own_scale: None,
};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pictures")
            .join(name),
    )
    .unwrap()
}

fn solid(w: u32, h: u32, c: [u8; 4]) -> RgbaImage {
    RgbaImage::from_pixel(w, h, Rgba(c))
}

fn encoded(image: &RgbaImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(image.clone())
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

fn animated_gif(colours: &[[u8; 4]], delay_ms: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = GifEncoder::new(&mut out);
        encoder.set_repeat(Repeat::Infinite).unwrap();
        for c in colours {
            let frame = image::Frame::from_parts(
                solid(40, 20, *c),
                0,
                0,
                Delay::from_numer_denom_ms(delay_ms, 1),
            );
            encoder.encode_frame(frame).unwrap();
        }
    }
    out
}

fn near(a: [u8; 4], b: [u8; 4]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 12)
}

/// The colour in the middle of the first frame.
fn middle(frames: &[Frame]) -> [u8; 4] {
    let img = &frames[0].image;
    img.get_pixel(img.width() / 2, img.height() / 2).0
}

#[test]
fn every_format_a_browser_draws_is_decoded() {
    let red = [220, 30, 30, 255];
    let svg = br#"<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="160" height="30"><rect width="160" height="30" fill="rgb(220,30,180)"/></svg>"#;
    let cases: Vec<(&str, Vec<u8>, bool, [u8; 4])> = vec![
        (
            "jpeg",
            encoded(&solid(40, 20, [220, 30, 30, 255]), ImageFormat::Jpeg),
            false,
            red,
        ),
        (
            "png",
            encoded(&solid(40, 20, [30, 170, 40, 255]), ImageFormat::Png),
            false,
            [30, 170, 40, 255],
        ),
        (
            "bmp",
            encoded(&solid(40, 20, [120, 120, 250, 255]), ImageFormat::Bmp),
            false,
            [120, 120, 250, 255],
        ),
        (
            "ico",
            encoded(&solid(32, 32, [10, 90, 200, 255]), ImageFormat::Ico),
            false,
            [10, 90, 200, 255],
        ),
        (
            "gif",
            animated_gif(&[[30, 60, 220, 255]], 0),
            false,
            [30, 60, 220, 255],
        ),
        (
            "lossless webp with alpha",
            encoded(&solid(40, 20, [20, 200, 200, 128]), ImageFormat::WebP),
            false,
            [20, 200, 200, 128],
        ),
        (
            "lossy webp with alpha",
            fixture("alpha-lossy.webp"),
            false,
            [20, 200, 200, 128],
        ),
        ("svg", svg.to_vec(), true, [220, 30, 180, 255]),
        (
            "svg named otherwise",
            svg.to_vec(),
            false,
            [220, 30, 180, 255],
        ),
    ];
    for (name, bytes, svg_name, colour) in cases {
        let frames =
            decode_bytes(&bytes, svg_name, name, FIT).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(frames.len(), 1, "{name}");
        let got = middle(&frames);
        assert!(near(got, colour), "{name}: {got:?} is not {colour:?}");
    }
}

#[test]
fn avif_is_decoded_through_libheif() {
    if super::super::heif::available().is_err()
        && std::env::var_os("DAYBOOK_REQUIRE_LIBHEIF").is_none()
    {
        eprintln!("libheif missing: AVIF not decoded here");
        return;
    }
    let frames = decode_bytes(&fixture("photo.avif"), false, "photo.avif", FIT).unwrap();
    let got = middle(&frames);
    assert!(near(got, [140, 80, 20, 255]), "{got:?}");
}

#[test]
fn animations_keep_their_frames_and_delays() {
    let gif = animated_gif(&[[240, 140, 20, 255], [20, 40, 230, 255]], 70);
    let frames = decode_bytes(&gif, false, "anim.gif", FIT).unwrap();
    assert_eq!(frames.len(), 2);
    assert_eq!(frames[0].delay, Duration::from_millis(70));
    assert!(near(frames[1].image.get_pixel(5, 5).0, [20, 40, 230, 255]));
    // A delay of 0 plays as browsers play it.
    let fast = animated_gif(&[[1, 2, 3, 255], [4, 5, 6, 255]], 0);
    let frames = decode_bytes(&fast, false, "fast.gif", FIT).unwrap();
    assert_eq!(frames[1].delay, Duration::from_millis(100));

    let webp = decode_bytes(&fixture("anim.webp"), false, "anim.webp", FIT).unwrap();
    assert_eq!(webp.len(), 2, "animated WebP");
    assert!(near(middle(&webp), [230, 220, 30, 255]));
    assert!(near(webp[1].image.get_pixel(5, 5).0, [20, 40, 230, 255]));
    assert_eq!(webp[0].delay, Duration::from_millis(500));
}

#[test]
fn an_animation_keeps_no_more_frames_than_its_budget() {
    // 100 frames of 1000×1000 would be 400 MB; shrunk into 400×400 and cut at the budget.
    let colours: Vec<[u8; 4]> = (0..100).map(|i| [i as u8, 0, 0, 255]).collect();
    let mut out = Vec::new();
    {
        let mut encoder = GifEncoder::new(&mut out);
        for c in &colours {
            let frame = image::Frame::from_parts(
                solid(1000, 1000, *c),
                0,
                0,
                Delay::from_numer_denom_ms(50, 1),
            );
            encoder.encode_frame(frame).unwrap();
        }
    }
    let fit = Fit {
        max_w: 2000,
        max_h: 2000,
        own_scale: None,
    };
    let frames = decode_bytes(&out, false, "big.gif", fit).unwrap();
    let bytes: usize = frames.iter().map(|f| f.image.as_raw().len()).sum();
    assert!(bytes <= ANIMATION_BYTES, "{bytes}");
    assert!(frames.len() >= 10, "{}", frames.len());
}

#[test]
fn pictures_shrink_into_the_box_and_svg_renders_at_the_size_shown() {
    let png = encoded(&solid(400, 200, [0, 0, 0, 255]), ImageFormat::Png);
    let small = Fit {
        max_w: 100,
        max_h: 1000,
        own_scale: None,
    };
    let frames = decode_bytes(&png, false, "a.png", small).unwrap();
    assert_eq!(frames[0].image.dimensions(), (100, 50));

    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="160" height="30"><rect width="160" height="30" fill="red"/></svg>"#;
    // At its own size…
    let own = Fit {
        max_w: 700,
        max_h: 2000,
        own_scale: Some(1.0),
    };
    let frames = decode_bytes(svg, true, "a.svg", own).unwrap();
    assert_eq!(frames[0].image.dimensions(), (160, 30));
    // …twice as sharp on a high-density screen…
    let frames = decode_bytes(
        svg,
        true,
        "a.svg",
        Fit {
            own_scale: Some(2.0),
            ..own
        },
    )
    .unwrap();
    assert_eq!(frames[0].image.dimensions(), (320, 60));
    // …and at a width the page gives, however large (a vector picture is drawn sharp).
    let wide = Fit {
        max_w: 640,
        max_h: 5000,
        own_scale: None,
    };
    let frames = decode_bytes(svg, true, "a.svg", wide).unwrap();
    assert_eq!(frames[0].image.dimensions(), (640, 120));
}

#[test]
fn what_a_browser_would_not_draw_is_refused_with_its_reason() {
    let heic = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heic/iphone-irot.heic"),
    )
    .unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("IMG_1.HEIC", heic, "Safari"),
        ("empty.jpg", Vec::new(), "empty"),
        (
            "page.jpg",
            b"<html><body>Not found</body></html>".to_vec(),
            "not a picture",
        ),
        ("x.psd", b"8BPS\x00\x01\x00\x00".to_vec(), "Photoshop"),
    ];
    for (name, bytes, why) in cases {
        let err = decode_bytes(&bytes, false, name, FIT).err().unwrap();
        assert!(matches!(err, PictureError::NotShown(_)), "{name}: {err:?}");
        let text = err.to_string();
        assert!(text.contains(why) && text.contains(name), "{name}: {text}");
    }
    // A format browsers draw, damaged: cut short.
    let png = encoded(&solid(400, 200, [0, 0, 0, 255]), ImageFormat::Png);
    let err = decode_bytes(&png[..60], false, "cut.png", FIT)
        .err()
        .unwrap();
    assert!(matches!(err, PictureError::Damaged(_)), "{err:?}");
    assert!(err.to_string().contains("cut.png"), "{err}");
}
