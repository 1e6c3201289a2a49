//! `cargo bench --bench import`: 30 generated 4032×3024 JPEGs with EXIF (orientation 6,
//! capture time, GPS) imported with resize and location removal, on both cores, the way
//! the window and `daybook attach` do it. Prints `import photos=30 seconds=<s>`.
//!
//! Then the same for 30 phone-size HEIC photos (made once with libheif's `heif-enc` and
//! `ExifTool`, kept in `target/bench-heic-v2/`): `import_heic photos=30 seconds=<s> ratio=<x>`
//! (the bar: at most 2× the JPEG figure); and the Photos window's thumbnails of the
//! 30 JPEGs on two threads: `thumbnails photos=30 ms=<ms>` (bar: within 1 s of the drop).
//! And the same 30 JPEGs written as WebP (issue 25): `import_webp photos=30 seconds=<s>
//! ratio=<x> size_ratio=<y>` (bar: at most 2× the JPEG import's time; `size_ratio` is the
//! WebP files' total over the JPEG files').

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

#[path = "../tests/support/exif.rs"]
mod exif;

use daybook::site::photo_meta;
use daybook::site::photos::{ImportOptions, import_all};

const PHOTOS: usize = 30;

/// A phone-like 4032×3024 photo: gradients and noise, so it compresses like one.
fn photo(seed: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(4032, 3024, |x, y| {
        let n = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40503) ^ seed) >> 27;
        image::Rgb([
            (x / 16 + n) as u8,
            (y / 12 + n) as u8,
            ((x + y) / 28 + seed) as u8,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .unwrap();
    let time = format!("2016:11:07 10:{:02}:{:02}", seed / 60, seed % 60);
    // Phones store a 160×120 JPEG of the photo in the EXIF block.
    let mut thumb = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut thumb, 80)
        .encode_image(&image::imageops::thumbnail(&img, 160, 120))
        .unwrap();
    let exif = exif::with_thumbnail(exif::build(6, &time, true), &thumb);
    photo_meta::with_exif(out, exif).unwrap()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let sources: Vec<_> = (0..PHOTOS)
        .map(|i| {
            let p = dir.path().join(format!("IMG_{i:04}.JPG"));
            std::fs::write(&p, photo(i as u32)).unwrap();
            p
        })
        .collect();
    let dest = dir.path().join("site/images/trip");
    let start = Instant::now();
    let results = import_all(&sources, &dest, &ImportOptions::default());
    let seconds = start.elapsed().as_secs_f64();
    assert!(results.iter().all(Result::is_ok));
    let sample = image::open(&results[0].as_ref().unwrap().path).unwrap();
    eprintln!(
        "output {}x{} (upright, long edge <= 2048)",
        sample.width(),
        sample.height()
    );
    println!("import photos={PHOTOS} seconds={seconds:.2}");
    let jpeg_bytes: u64 = results
        .iter()
        .flatten()
        .map(|r| std::fs::metadata(&r.path).unwrap().len())
        .sum();
    let webp_dest = dir.path().join("site/images/trip-webp");
    let webp = ImportOptions {
        format: daybook::site::photos::PhotoFormat::Webp,
        ..ImportOptions::default()
    };
    let start = Instant::now();
    let webp_results = import_all(&sources, &webp_dest, &webp);
    let webp_seconds = start.elapsed().as_secs_f64();
    let webp_bytes: u64 = webp_results
        .iter()
        .map(|r| std::fs::metadata(&r.as_ref().unwrap().path).unwrap().len())
        .sum();
    println!(
        "import_webp photos={PHOTOS} seconds={webp_seconds:.2} ratio={:.2} size_ratio={:.2}",
        webp_seconds / seconds,
        webp_bytes as f64 / jpeg_bytes as f64
    );
    thumbnails("thumbnails", &sources, true);
    // The same photos without the EXIF thumbnail (as ImageMagick writes them): decoded at
    // a reduced scale instead.
    let bare: Vec<_> = sources
        .iter()
        .map(|p| {
            let out = dir.path().join("bare").join(p.file_name().unwrap());
            std::fs::create_dir_all(out.parent().unwrap()).unwrap();
            let bytes = std::fs::read(p).unwrap();
            let stripped = daybook::site::strip::strip(&bytes, image::ImageFormat::Jpeg).unwrap();
            std::fs::write(&out, stripped).unwrap();
            out
        })
        .collect();
    thumbnails("thumbnails_without_exif_thumbnail", &bare, false);
    heic(seconds);
}

/// The Photos window's job: a small upright thumbnail of each photo, on two threads.
fn thumbnails(name: &str, sources: &[std::path::PathBuf], upright: bool) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(p) = sources.get(i) else { break };
                    let t = daybook::site::photo_codec::thumbnail(
                        p,
                        daybook::workers::import::THUMB_EDGE,
                    )
                    .unwrap();
                    assert!(!upright || t.image.height() > t.image.width(), "upright");
                }
            });
        }
    });
    println!(
        "{name} photos={} ms={:.0}",
        sources.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
}

/// 30 phone-size HEICs (4032×3024, orientation 6, capture time, GPS, a thumbnail item),
/// made once.
fn heic_photos() -> Option<Vec<std::path::PathBuf>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-heic-v2");
    std::fs::create_dir_all(&dir).ok()?;
    let mut out = Vec::new();
    for i in 0..PHOTOS {
        let heic = dir.join(format!("IMG_{i:04}.HEIC"));
        if !heic.is_file() {
            let png = dir.join("source.png");
            let jpeg = photo(i as u32);
            image::load_from_memory(&jpeg).ok()?.save(&png).ok()?;
            let ok = std::process::Command::new("heif-enc")
                // A 320-pixel thumbnail item, as an iPhone stores one.
                .args(["-q", "60", "-p", "preset=ultrafast", "-t", "320"])
                .arg(&png)
                .arg("-o")
                .arg(&heic)
                .output()
                .ok()?
                .status
                .success();
            if !ok {
                return None;
            }
            let time = format!("2016:11:07 11:{:02}:{:02}", i / 60, i % 60);
            let _ = std::process::Command::new("exiftool")
                .args([
                    "-q",
                    "-overwrite_original",
                    "-n",
                    "-Orientation=6",
                    &format!("-DateTimeOriginal={time}"),
                    "-GPSLatitude=37.7",
                    "-GPSLatitudeRef=N",
                ])
                .arg(&heic)
                .output();
        }
        out.push(heic);
    }
    Some(out)
}

fn heic(jpeg_seconds: f64) {
    if daybook::site::heif::available().is_err() {
        println!("import_heic skipped: libheif not installed");
        return;
    }
    let Some(sources) = heic_photos() else {
        println!("import_heic skipped: heif-enc (libheif-examples) not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("site/images/trip");
    let start = Instant::now();
    let results = import_all(&sources, &dest, &ImportOptions::default());
    let seconds = start.elapsed().as_secs_f64();
    thumbnails("thumbnails_heic", &sources, true);
    for r in &results {
        assert!(r.is_ok(), "{r:?}");
    }
    let sample = image::open(&results[0].as_ref().unwrap().path).unwrap();
    eprintln!(
        "heic output {}x{} (upright, long edge <= 2048)",
        sample.width(),
        sample.height()
    );
    println!(
        "import_heic photos={PHOTOS} seconds={seconds:.2} ratio={:.2}",
        seconds / jpeg_seconds
    );
}
