//! `cargo bench --bench import`: 30 generated 4032×3024 JPEGs with EXIF (orientation 6,
//! capture time, GPS) imported with resize and location removal, on both cores, the way
//! the window and `daybook attach` do it. Prints `import photos=30 seconds=<s>`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

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
    photo_meta::with_exif(out, photo_meta::build(6, &time, true)).unwrap()
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
}
