//! HEIC and AVIF photos in, from the fixtures `scripts/make-heic-fixtures` writes: upright
//! whichever way the file says it is turned (EXIF or `irot`, never both), capture time and
//! offset read, location gone, colour profile kept.

use super::*;
use crate::site::photos::{ImportOptions, import};

/// Whether libheif can be loaded; CI sets `DAYBOOK_REQUIRE_LIBHEIF` so these tests never
/// skip there. Elsewhere a machine without it tests the refusal instead (`photos_tests`).
fn libheif_here() -> bool {
    match available() {
        Ok(()) => true,
        Err(why) => {
            assert!(
                std::env::var_os("DAYBOOK_REQUIRE_LIBHEIF").is_none(),
                "libheif is required here: {why}"
            );
            eprintln!("libheif not available ({why}): HEIC decoding not tested here");
            false
        }
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/heic")
        .join(name)
}

/// The photo upright: 240 wide, 320 high, red on top, blue below.
fn assert_upright(path: &std::path::Path) {
    let img = image::open(path).unwrap().to_rgb8();
    assert_eq!(
        (img.width(), img.height()),
        (240, 320),
        "{}",
        path.display()
    );
    let top = img.get_pixel(120, 20);
    let bottom = img.get_pixel(120, 300);
    assert!(top[0] > 150 && top[2] < 100, "red on top: {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "blue below: {bottom:?}");
}

#[test]
fn phone_heic_and_avif_become_upright_jpegs_without_location() {
    if !libheif_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let a98 = std::fs::read("/usr/share/color/icc/ghostscript/a98.icc").ok();
    let table = [
        // file, name it gets, offset (hours), keeps the A98 profile
        ("sideways-gps.heic", "2024-05-03-100200.jpg", 9, true),
        ("iphone-irot.heic", "2024-05-03-100300.jpg", 9, true),
        ("magick-sideways.heic", "2024-05-03-100400.jpg", 9, false),
        ("upright-gps.avif", "2024-05-03-093000.jpg", 7, false),
    ];
    for (file, name, offset, profile) in table {
        let src = fixture(file);
        let mut options = ImportOptions::default();
        // A folder each: two fixtures make byte-identical JPEGs, which would be reused.
        let dest = dir.path().join(file);
        let photo = import(&src, &dest, &options).unwrap();
        assert_eq!(photo.name, name, "{file}");
        let captured = photo.captured.unwrap();
        assert_eq!(
            captured.offset.map(|o| o.local_minus_utc()),
            Some(offset * 3600),
            "{file}"
        );
        if file.ends_with(".avif") {
            // The AVIF is stored upright already: red on the left.
            let img = image::open(&photo.path).unwrap().to_rgb8();
            assert_eq!((img.width(), img.height()), (320, 240));
            assert!(img.get_pixel(20, 120)[0] > 150);
        } else {
            assert_upright(&photo.path);
        }
        let bytes = std::fs::read(&photo.path).unwrap();
        let facts = crate::site::photo_meta::facts(&bytes);
        assert!(!facts.has_location, "{file}: location removed");
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif"),
            "{file}: no EXIF at all"
        );
        let icc = crate::site::strip::icc_profile(&bytes, image::ImageFormat::Jpeg);
        if profile {
            assert_eq!(icc, a98.clone(), "{file}: the colour profile is kept");
        } else {
            assert!(icc.is_none(), "{file}");
        }
        // Keeping metadata keeps the location, marked upright (the pixels are).
        options.strip_metadata = false;
        let kept = import(&src, &dest.join("kept"), &options).unwrap();
        let facts = crate::site::photo_meta::facts(&std::fs::read(&kept.path).unwrap());
        assert!(facts.has_location, "{file}: kept on request");
        assert_eq!(facts.orientation, 1, "{file}");
    }
}

#[test]
fn transforms_are_found_in_the_box_tree() {
    let with = std::fs::read(fixture("iphone-irot.heic")).unwrap();
    let without = std::fs::read(fixture("sideways-gps.heic")).unwrap();
    assert!(has_transform(&with));
    assert!(!has_transform(&without));
    assert!(!has_transform(b"\0\0\0\x08meta"));
    assert!(!has_transform(b""));
}

#[test]
fn a_preview_is_decoded_upright_from_the_file() {
    if !libheif_here() {
        return;
    }
    let bytes = std::fs::read(fixture("iphone-irot.heic")).unwrap();
    let preview = decode_preview(&bytes, 64).unwrap();
    assert_eq!(
        (preview.image.width(), preview.image.height()),
        (240, 320),
        "irot applied"
    );
    assert!(preview.transformed);
}

/// Mean and largest difference per channel between two pictures of one size.
fn difference(a: &image::RgbImage, b: &image::RgbImage) -> (f64, u8) {
    assert_eq!(a.dimensions(), b.dimensions());
    let mut sum = 0u64;
    let mut max = 0u8;
    for (p, q) in a.pixels().zip(b.pixels()) {
        for c in 0..3 {
            let d = p[c].abs_diff(q[c]);
            sum += u64::from(d);
            max = max.max(d);
        }
    }
    (sum as f64 / (a.len() as f64), max)
}

#[test]
fn planes_converted_here_match_what_libheif_converts() {
    if !libheif_here() {
        return;
    }
    for file in [
        "sideways-gps.heic",
        "iphone-irot.heic",
        "magick-sideways.heic",
        "limited-709.heic",
    ] {
        let bytes = std::fs::read(fixture(file)).unwrap();
        let opened = Opened::new(&bytes).unwrap();
        let theirs = opened.decode(opened.primary).unwrap().to_rgb8();
        let ours = opened.decode_planes(false).unwrap().unwrap().to_rgb8();
        let (mean, max) = difference(&ours, &theirs);
        assert!(mean < 2.0 && max < 40, "{file}: mean {mean:.2}, max {max}");
        // At half size: as libheif's picture averaged down.
        let half = opened.decode_planes(true).unwrap().unwrap().to_rgb8();
        let small = image::imageops::thumbnail(&theirs, half.width(), half.height());
        let (mean, _) = difference(&half, &small);
        assert!(mean < 3.0, "{file} at half size: mean {mean:.2}");
    }
}

/// `bytes` with every `ispe` box (the coded size of each item) set to `w` × `h`.
fn with_coded_size(mut bytes: Vec<u8>, w: u32, h: u32) -> Vec<u8> {
    let mut found = 0;
    let mut i = 0;
    while let Some(at) = bytes[i..].windows(4).position(|b| b == b"ispe") {
        let at = i + at;
        // box type, then version and flags (4), width (4), height (4)
        bytes[at + 8..at + 12].copy_from_slice(&w.to_be_bytes());
        bytes[at + 12..at + 16].copy_from_slice(&h.to_be_bytes());
        found += 1;
        i = at + 16;
    }
    assert!(found > 0, "no ispe box");
    bytes
}

#[test]
fn a_small_picture_over_a_huge_coded_one_is_refused_on_every_path() {
    if !libheif_here() {
        return;
    }
    for file in ["iphone-irot.heic", "sideways-gps.heic", "upright-gps.avif"] {
        let huge = with_coded_size(std::fs::read(fixture(file)).unwrap(), 12_000, 9_000);
        let (w, h) = dimensions(&huge).unwrap();
        assert!(u64::from(w) * u64::from(h) > MAX_PIXELS, "{file}: {w}×{h}");
        let says_size =
            |e: &str| e.contains("108") && e.contains(&(MAX_PIXELS / 1_000_000).to_string());
        for e in [
            decode_within(&huge, Some(2048)).err().unwrap(),
            decode_preview(&huge, 64).err().unwrap(),
        ] {
            assert_eq!(e, CodecError::TooManyPixels { megapixels: 108 }, "{file}");
            assert!(says_size(&e.to_string()), "{file}: {e}");
        }
        // The import refuses it by name before decoding.
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join(file);
        std::fs::write(&src, &huge).unwrap();
        let err = import(&src, &dir.path().join("images"), &ImportOptions::default());
        assert!(
            matches!(err, Err(crate::site::photos::PhotoError::TooLarge { .. })),
            "{file}: {err:?}"
        );
    }
}
