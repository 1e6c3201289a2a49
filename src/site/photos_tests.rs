//! Photo import tests, on JPEGs the tests make themselves (EXIF orientation 6, GPS).

use super::*;
use crate::site::exif_fixture::build;
use crate::site::photo_meta::facts;
use image::DynamicImage;
use img_parts::ImageEXIF;

/// A `w`×`h` JPEG, left half red and right half blue, with the given EXIF.
fn jpeg(w: u32, h: u32, exif: Option<Vec<u8>>) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, _| {
        if x < w / 2 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
        .encode_image(&img)
        .unwrap();
    match exif {
        Some(tiff) => crate::site::photo_meta::with_exif(out, tiff).unwrap(),
        None => out,
    }
}

fn phone_exif() -> Vec<u8> {
    build(6, "2016:11:07 10:29:43", true)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn phone_photos_come_out_upright_without_location_and_named_by_capture_time() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(
        dir.path(),
        "2016-11-07 10.29.43.JPG",
        &jpeg(64, 32, Some(phone_exif())),
    );
    let original = std::fs::read(&src).unwrap();
    let dest = dir.path().join("site/images/qcon2016");
    let got = import(&src, &dest, &ImportOptions::default()).unwrap();
    assert_eq!(got.name, "2016-11-07-102943.jpg");
    assert_eq!(got.path, dest.join("2016-11-07-102943.jpg"));
    let out = std::fs::read(&got.path).unwrap();
    let img = image::load_from_memory(&out).unwrap().to_rgb8();
    assert_eq!(img.dimensions(), (32, 64), "turned upright");
    let (top, bottom) = (img.get_pixel(16, 4), img.get_pixel(16, 60));
    assert!(top[0] > 150 && top[2] < 100, "red on top: {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "blue below: {bottom:?}");
    let f = facts(&out);
    assert!(!f.has_location, "location removed");
    assert_eq!(f.orientation, 1);
    assert_eq!(
        std::fs::read(&src).unwrap(),
        original,
        "the original is untouched"
    );
}

#[test]
fn large_photos_are_shrunk_and_small_upright_ones_copied_losslessly() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("images/t");
    let big = write(
        dir.path(),
        "big.jpg",
        &jpeg(4032, 3024, Some(build(1, "2020:01:02 03:04:05", true))),
    );
    let got = import(&big, &dest, &ImportOptions::default()).unwrap();
    let img = image::open(&got.path).unwrap();
    // Decoded straight at half size: the long edge fits in 2048 without resampling.
    assert_eq!((img.width(), img.height()), (2016, 1512));
    assert!(!facts(&std::fs::read(&got.path).unwrap()).has_location);

    let small_bytes = jpeg(40, 20, Some(build(1, "2020:01:02 03:04:06", true)));
    let small = write(dir.path(), "small.jpg", &small_bytes);
    let got = import(&small, &dest, &ImportOptions::default()).unwrap();
    let out = std::fs::read(&got.path).unwrap();
    assert!(!facts(&out).has_location);
    assert!(
        img_parts::jpeg::Jpeg::from_bytes(out.clone().into())
            .unwrap()
            .exif()
            .is_none()
    );
    let before = image::load_from_memory(&small_bytes).unwrap().to_rgb8();
    let after = image::load_from_memory(&out).unwrap().to_rgb8();
    assert_eq!(before, after, "pixels untouched: not re-encoded");

    let no_resize = ImportOptions {
        max_edge: None,
        ..ImportOptions::default()
    };
    let got = import(&big, &dir.path().join("images/full"), &no_resize).unwrap();
    assert_eq!(image::open(&got.path).unwrap().width(), 4032);
}

#[test]
fn keeping_metadata_keeps_the_location_but_marks_the_photo_upright() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "p.jpg", &jpeg(64, 32, Some(phone_exif())));
    let keep = ImportOptions {
        strip_metadata: false,
        ..ImportOptions::default()
    };
    let got = import(&src, &dir.path().join("images"), &keep).unwrap();
    let f = facts(&std::fs::read(&got.path).unwrap());
    assert!(f.has_location);
    assert_eq!(f.orientation, 1);
}

#[test]
fn name_collisions_number_and_identical_photos_are_reused() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("images/t");
    let a = write(dir.path(), "a.jpg", &jpeg(64, 32, Some(phone_exif())));
    let b = write(dir.path(), "b.jpg", &jpeg(66, 32, Some(phone_exif())));
    let first = import(&a, &dest, &ImportOptions::default()).unwrap();
    let second = import(&b, &dest, &ImportOptions::default()).unwrap();
    assert_eq!(second.name, "2016-11-07-102943-2.jpg");
    let again = import(&a, &dest, &ImportOptions::default()).unwrap();
    assert!(again.reused);
    assert_eq!(again.path, first.path);
    assert_eq!(std::fs::read_dir(&dest).unwrap().count(), 2);
    let no_time = write(dir.path(), "해운대 바다 (1).PNG", &{
        let mut out = Vec::new();
        image::RgbImage::from_pixel(8, 8, image::Rgb([1, 2, 3]))
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    });
    assert_eq!(
        import(&no_time, &dest, &ImportOptions::default())
            .unwrap()
            .name,
        "해운대-바다-(1).png"
    );
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in data {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG whose header says 10000×10000 (100 megapixels); no pixel data follows.
fn hundred_megapixel_png() -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&10_000u32.to_be_bytes());
    ihdr.extend_from_slice(&10_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    // A (far too short) pixel chunk and the end: enough for the header to be read.
    for chunk in [
        b"IDAT\x78\x9c\x03\x00\x00\x00\x00\x01".to_vec(),
        b"IEND".to_vec(),
    ] {
        png.extend_from_slice(&((chunk.len() - 4) as u32).to_be_bytes());
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32(&chunk).to_be_bytes());
    }
    png
}

#[test]
fn bad_inputs_get_a_message_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("images/t");
    let full = jpeg(64, 32, Some(phone_exif()));
    let mut heic = vec![0, 0, 0, 24];
    heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("notes.txt", b"just text".to_vec(), "not an image"),
        (
            "cut.jpg",
            full[..full.len() / 2].to_vec(),
            "damaged or truncated",
        ),
        (
            "huge.png",
            hundred_megapixel_png(),
            "too large (100 megapixels",
        ),
        // A HEIC that is only a header: damaged where libheif is installed; where it is
        // not, the message says what to install.
        (
            "IMG_0001.HEIC",
            heic,
            if crate::site::heif::available().is_ok() {
                "damaged or truncated"
            } else {
                "HEIC photos need libheif"
            },
        ),
    ];
    for (name, bytes, want) in cases {
        let src = write(dir.path(), name, &bytes);
        let err = import(&src, &dest, &ImportOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains(want) && err.contains(name), "{name}: {err}");
    }
    let err = import(dir.path(), &dest, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, PhotoError::Unreadable { .. }), "{err}");
    assert!(
        !dest.exists() || std::fs::read_dir(&dest).unwrap().count() == 0,
        "nothing written"
    );
    // The images folder cannot be made: a clear message, nothing half-written.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "a file where the folder should be").unwrap();
    let src = write(dir.path(), "ok.jpg", &full);
    let err = import(&src, &blocked.join("t"), &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, PhotoError::Write { .. }), "{err}");
}

#[test]
fn png_gif_and_webp_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("images");
    let img = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
        30,
        20,
        image::Rgba([10, 200, 10, 128]),
    ));
    for (name, format, want_ext) in [
        ("a.png", ImageFormat::Png, "png"),
        ("b.gif", ImageFormat::Gif, "gif"),
        ("c.webp", ImageFormat::WebP, "webp"),
    ] {
        let mut bytes = Vec::new();
        img.write_to(&mut Cursor::new(&mut bytes), format).unwrap();
        let src = write(dir.path(), name, &bytes);
        let got = import(&src, &dest, &ImportOptions::default()).unwrap();
        assert!(got.name.ends_with(want_ext), "{}", got.name);
        assert_eq!(image::open(&got.path).unwrap().width(), 30);
    }
}

#[test]
fn a_dropped_huge_file_is_refused_from_its_first_bytes() {
    // Issue 11: a 4 GB video must not be read into memory to find out it is not a photo.
    let dir = tempfile::tempdir().unwrap();
    let video = dir.path().join("clip.mp4");
    {
        let f = std::fs::File::create(&video).unwrap();
        std::io::Write::write_all(&mut &f, b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2").unwrap();
        f.set_len(4 * 1024 * 1024 * 1024).unwrap();
    }
    let started = std::time::Instant::now();
    let err = import(&video, &dir.path().join("out"), &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, PhotoError::NotAnImage { .. }), "{err}");
    // A JPEG header on a file far larger than any photo is refused by its size.
    let fake = dir.path().join("huge.jpg");
    {
        let f = std::fs::File::create(&fake).unwrap();
        std::io::Write::write_all(
            &mut &f,
            &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0],
        )
        .unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
    }
    let err = import(&fake, &dir.path().join("out"), &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, PhotoError::FileTooLarge { .. }), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn the_same_photo_twice_at_once_links_one_real_file_never_a_temp_file() {
    // Two workers import identical bytes at the same moment: the second must not "reuse"
    // the first one's temp file, which is renamed away a moment later.
    let dir = tempfile::tempdir().unwrap();
    let bytes = jpeg(64, 32, Some(phone_exif()));
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    std::fs::create_dir_all(dir.path().join("b")).unwrap();
    let a = write(dir.path(), "a/IMG_0001.JPG", &bytes);
    let b = write(dir.path(), "b/IMG_0001.JPG", &bytes);
    for round in 0..20 {
        let dest = dir.path().join(format!("images/{round}"));
        let results = import_all(&[a.clone(), b.clone()], &dest, &ImportOptions::default());
        for r in results {
            let photo = r.unwrap();
            assert!(
                !photo.name.starts_with('.'),
                "round {round}: {}",
                photo.name
            );
            assert!(
                photo.path.is_file(),
                "round {round}: {}",
                photo.path.display()
            );
        }
    }
}

/// An image encoded as `format`, with `icc` as its colour profile when given.
fn encoded(img: &DynamicImage, format: ImageFormat, icc: Option<&[u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    match format {
        ImageFormat::Png => {
            let mut e = image::codecs::png::PngEncoder::new(&mut out);
            if let Some(icc) = icc {
                image::ImageEncoder::set_icc_profile(&mut e, icc.to_vec()).unwrap();
            }
            img.write_with_encoder(e).unwrap();
        }
        _ => {
            let mut e = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92);
            if let Some(icc) = icc {
                image::ImageEncoder::set_icc_profile(&mut e, icc.to_vec()).unwrap();
            }
            img.write_with_encoder(e).unwrap();
        }
    }
    out
}

#[test]
fn photos_become_the_format_chosen_with_their_profile_and_transparency() {
    let dir = tempfile::tempdir().unwrap();
    let icc = std::fs::read("/usr/share/color/icc/ghostscript/a98.icc")
        .unwrap_or_else(|_| b"not a real profile, but kept byte for byte".to_vec());
    let opaque = DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
        3000,
        100,
        image::Rgb([200, 30, 30]),
    ));
    let clear = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
        40,
        30,
        image::Rgba([0, 0, 255, 90]),
    ));
    let big_jpeg = write(
        dir.path(),
        "big.jpg",
        &encoded(&opaque, ImageFormat::Jpeg, Some(&icc)),
    );
    let big_png = write(
        dir.path(),
        "big.png",
        &encoded(&opaque, ImageFormat::Png, None),
    );
    let small_png = write(
        dir.path(),
        "clear.png",
        &encoded(&clear, ImageFormat::Png, None),
    );
    let with = |format| ImportOptions {
        format,
        ..ImportOptions::default()
    };
    let table = [
        // source, format, extension written, still has transparency
        (&big_jpeg, PhotoFormat::Webp, "webp", false),
        (&small_png, PhotoFormat::Webp, "webp", true),
        (&big_png, PhotoFormat::Jpeg, "jpg", false),
        (&big_png, PhotoFormat::Keep, "png", false),
        (&big_jpeg, PhotoFormat::Keep, "jpg", false),
        (&small_png, PhotoFormat::Jpeg, "png", true),
    ];
    for (i, (src, format, ext, alpha)) in table.into_iter().enumerate() {
        let dest = dir.path().join(format!("out{i}"));
        let got = import(src, &dest, &with(format)).unwrap();
        assert!(got.name.ends_with(&format!(".{ext}")), "{i}: {}", got.name);
        let bytes = std::fs::read(&got.path).unwrap();
        let img = image::load_from_memory(&bytes).unwrap();
        assert!(img.width().max(img.height()) <= 2048, "{i}: shrunk");
        assert_eq!(
            got.size,
            Some((img.width(), img.height())),
            "{i}: size recorded"
        );
        assert_eq!(img.color().has_alpha(), alpha, "{i}: transparency");
        if ext == "webp" && src == &big_jpeg {
            let webp = img_parts::webp::WebP::from_bytes(bytes.into()).unwrap();
            let kept = img_parts::ImageICC::icc_profile(&webp).unwrap();
            assert_eq!(&kept[..], &icc[..], "the colour profile is kept");
        }
    }
    // WebP is much lighter than JPEG for a photo.
    let photo = DynamicImage::ImageRgb8(image::RgbImage::from_fn(2400, 1600, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    }));
    let src = write(
        dir.path(),
        "photo.jpg",
        &encoded(&photo, ImageFormat::Jpeg, None),
    );
    let size = |format| {
        let got = import(&src, &dir.path().join(format!("{format:?}")), &with(format)).unwrap();
        std::fs::metadata(&got.path).unwrap().len()
    };
    assert!(size(PhotoFormat::Webp) < size(PhotoFormat::Jpeg));
}

#[test]
fn an_animated_gif_becomes_an_animated_webp_only_when_webp_is_asked_for() {
    use image::AnimationDecoder;
    let dir = tempfile::tempdir().unwrap();
    let gif = |frames: u8| {
        let mut out = Vec::new();
        {
            let mut enc = image::codecs::gif::GifEncoder::new(&mut out);
            for i in 0..frames {
                let buf = image::RgbaImage::from_pixel(40, 30, image::Rgba([i * 80, 40, 200, 255]));
                let delay = image::Delay::from_numer_denom_ms(100, 1);
                enc.encode_frame(image::Frame::from_parts(buf, 0, 0, delay))
                    .unwrap();
            }
        }
        out
    };
    let animated = write(dir.path(), "anim.gif", &gif(3));
    let still = write(dir.path(), "still.gif", &gif(1));
    let webp = ImportOptions {
        format: PhotoFormat::Webp,
        ..ImportOptions::default()
    };
    let got = import(&animated, &dir.path().join("a"), &webp).unwrap();
    assert!(got.name.ends_with(".webp"), "{}", got.name);
    let bytes = std::fs::read(&got.path).unwrap();
    let decoder = image::codecs::webp::WebPDecoder::new(std::io::Cursor::new(&bytes)).unwrap();
    assert!(decoder.has_animation());
    let frames = decoder.into_frames().collect_frames().unwrap();
    assert_eq!(frames.len(), 3);
    for f in &frames {
        assert_eq!(f.delay().numer_denom_ms(), (100, 1));
    }
    assert_eq!(got.size, Some((40, 30)));
    // A still GIF is a still WebP; without WebP asked for, a GIF stays a GIF.
    let got = import(&still, &dir.path().join("s"), &webp).unwrap();
    let bytes = std::fs::read(&got.path).unwrap();
    assert!(got.name.ends_with(".webp"));
    let decoder = image::codecs::webp::WebPDecoder::new(std::io::Cursor::new(&bytes)).unwrap();
    assert!(!decoder.has_animation());
    let got = import(&animated, &dir.path().join("g"), &ImportOptions::default()).unwrap();
    assert!(got.name.ends_with(".gif"));
}

#[test]
fn a_gif_animation_too_long_to_convert_stays_a_gif() {
    // Three one-pixel frames on a 6,000 × 6,000 canvas: each decodes to 36 MP, and three
    // pass the 100 MP daybook converts (counted before a frame is decoded).
    let mut bytes = Vec::new();
    {
        let mut enc = gif::Encoder::new(&mut bytes, 6000, 6000, &[0, 0, 0, 255, 255, 255]).unwrap();
        for i in 0..3u16 {
            let mut frame = gif::Frame::from_indexed_pixels(1, 1, vec![1], None);
            frame.left = i;
            frame.delay = 10;
            enc.write_frame(&frame).unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "long.gif", &bytes);
    let webp = ImportOptions {
        format: PhotoFormat::Webp,
        max_edge: None,
        ..ImportOptions::default()
    };
    let got = import(&src, &dir.path().join("out"), &webp).unwrap();
    assert!(got.name.ends_with(".gif"), "{}", got.name);
}
