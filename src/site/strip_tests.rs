//! Issue 11: photos leave without their location, in every format and both import modes;
//! the colour profile stays.

use std::path::Path;

use super::*;
use crate::site::photo_meta;
use crate::site::photos::{ImportOptions, import};

/// A fake ICC profile (the pipeline carries the bytes; it does not interpret them).
fn icc() -> Vec<u8> {
    let mut p = b"\0\0\x01\x00ADBE\x02\x10\0\0mntrRGB XYZ wide-gamut test profile".to_vec();
    p.resize(600, 7);
    p
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// A JPEG as phones write it: EXIF with GPS, XMP, IPTC, MPF, a comment, the ICC profile,
/// and a second JPEG (with its own GPS) and motion-photo data after the end.
fn phone_jpeg(orientation: u16) -> Vec<u8> {
    let img = image::RgbImage::from_fn(40, 20, |x, _| image::Rgb([(x * 6) as u8, 80, 160]));
    let mut base = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut base, 90)
        .encode_image(&img)
        .unwrap();
    let base = photo_meta::with_exif(
        base,
        crate::site::exif_fixture::build(orientation, "2016:11:07 10:29:43", true),
    )
    .unwrap();
    let mut icc_payload = b"ICC_PROFILE\0\x01\x01".to_vec();
    icc_payload.extend_from_slice(&icc());
    let extra = [
        segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>37.5</exif:GPSLatitude></x:xmpmeta>"),
        segment(0xE2, &icc_payload),
        segment(0xE2, b"MPF\0II*\0secondary image directory"),
        segment(0xED, b"Photoshop 3.0\08BIM IPTC city Seoul"),
        segment(0xFE, "집 주소 123".as_bytes()),
    ]
    .concat();
    let mut out = base[..2].to_vec();
    out.extend_from_slice(&extra);
    out.extend_from_slice(&base[2..]);
    // Appended: a second JPEG with GPS, then motion-photo data.
    let tail = photo_meta::with_exif(
        {
            let mut t = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut t, 80)
                .encode_image(&image::RgbImage::new(8, 8))
                .unwrap();
            t
        },
        crate::site::exif_fixture::build(1, "2016:11:07 10:29:43", true),
    )
    .unwrap();
    out.extend_from_slice(&tail);
    out.extend_from_slice(b"MotionPhoto_Data ftypmp42 +37.5+127.0/");
    out
}

fn png_with_text() -> Vec<u8> {
    let img = image::RgbaImage::from_fn(30, 20, |x, _| image::Rgba([200, x as u8 * 8, 40, 255]));
    let mut out = Vec::new();
    let mut enc = image::codecs::png::PngEncoder::new(&mut out);
    image::ImageEncoder::set_icc_profile(&mut enc, icc()).unwrap();
    img.write_with_encoder(enc).unwrap();
    // Insert tEXt and eXIf chunks before IEND, and data after it.
    let iend = out.len() - 12;
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    };
    let mut with = out[..iend].to_vec();
    with.extend(chunk(b"tEXt", "Comment\0집 주소 123".as_bytes()));
    with.extend(chunk(
        b"eXIf",
        &crate::site::exif_fixture::build(1, "2016:11:07 10:29:43", true),
    ));
    with.extend_from_slice(&out[iend..]);
    with.extend_from_slice(b"MotionPhoto_Data");
    with
}

fn webp_with_exif() -> Vec<u8> {
    use img_parts::{ImageEXIF, ImageICC};
    let img = image::RgbaImage::from_fn(30, 20, |x, _| image::Rgba([x as u8 * 8, 120, 40, 255]));
    let mut out = Vec::new();
    img.write_with_encoder(image::codecs::webp::WebPEncoder::new_lossless(&mut out))
        .unwrap();
    let mut webp = img_parts::webp::WebP::from_bytes(out.into()).unwrap();
    webp.set_exif(Some(
        crate::site::exif_fixture::build(1, "2016:11:07 10:29:43", true).into(),
    ));
    webp.set_icc_profile(Some(icc().into()));
    let mut bytes = webp.encoder().bytes().to_vec();
    // An XMP chunk, as editors add it.
    let xmp = "<x:xmpmeta>집 주소 123</x:xmpmeta>".as_bytes();
    bytes.extend_from_slice(b"XMP ");
    bytes.extend_from_slice(&u32::try_from(xmp.len()).unwrap().to_le_bytes());
    bytes.extend_from_slice(xmp);
    if xmp.len() % 2 == 1 {
        bytes.push(0);
    }
    let riff = u32::try_from(bytes.len() - 8).unwrap().to_le_bytes();
    bytes[4..8].copy_from_slice(&riff);
    bytes
}

fn gif_with_comment() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut out);
        enc.set_repeat(image::codecs::gif::Repeat::Infinite)
            .unwrap();
        let frame = image::Frame::new(image::RgbaImage::from_pixel(
            10,
            10,
            image::Rgba([255, 255, 0, 255]),
        ));
        enc.encode_frames(vec![frame.clone(), frame]).unwrap();
    }
    let trailer = out.len() - 1;
    let mut with = out[..trailer].to_vec();
    let comment = "집 주소 123".as_bytes();
    with.extend_from_slice(&[0x21, 0xFE, u8::try_from(comment.len()).unwrap()]);
    with.extend_from_slice(comment);
    with.push(0);
    with.extend_from_slice(&[0x21, 0xFF, 11]);
    with.extend_from_slice(b"XMP DataXMP");
    with.extend_from_slice(&[4, b'G', b'P', b'S', b'!', 0]);
    with.push(0x3B);
    with.extend_from_slice(b"MotionPhoto_Data");
    with
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// What must never leave the machine with a photo.
const LEAKS: [&[u8]; 8] = [
    b"Exif\0\0",
    b"ns.adobe.com/xap",
    b"MPF\0",
    b"Photoshop 3.0",
    b"MotionPhoto",
    b"XMP Data",
    b"xmpmeta",
    b"GPS",
];

#[test]
fn every_output_format_leaves_without_metadata_in_both_modes() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = [
        ("upright.jpg", phone_jpeg(1)),
        ("sideways.jpg", phone_jpeg(6)),
        ("shot.png", png_with_text()),
        ("pic.webp", webp_with_exif()),
        ("anim.gif", gif_with_comment()),
    ];
    let home = "집 주소".as_bytes();
    for (mode, options) in [
        ("default", ImportOptions::default()),
        (
            "no-resize",
            ImportOptions {
                max_edge: None,
                ..ImportOptions::default()
            },
        ),
    ] {
        for (name, bytes) in &inputs {
            let src = dir.path().join(name);
            std::fs::write(&src, bytes).unwrap();
            let dest = dir.path().join(mode);
            let got =
                import(&src, &dest, &options).unwrap_or_else(|e| panic!("{mode} {name}: {e}"));
            let out = std::fs::read(&got.path).unwrap();
            for leak in LEAKS.iter().chain([&home]) {
                assert!(
                    !contains(&out, leak),
                    "{mode} {name}: {:?} left",
                    String::from_utf8_lossy(leak)
                );
            }
            image::load_from_memory(&out)
                .unwrap_or_else(|e| panic!("{mode} {name} still an image: {e}"));
            if name.ends_with(".jpg") {
                assert_eq!(
                    &out[out.len() - 2..],
                    [0xFF, 0xD9],
                    "{mode} {name}: nothing after the end"
                );
                assert_eq!(
                    jpeg_icc(&out),
                    Some(icc()),
                    "{mode} {name}: colour profile kept"
                );
            }
            if name.ends_with(".png") {
                assert!(
                    out.ends_with(b"IEND\xAE\x42\x60\x82"),
                    "{mode} {name}: nothing after IEND"
                );
                assert_eq!(
                    png_icc(&out),
                    Some(icc()),
                    "{mode} {name}: colour profile kept"
                );
            }
            if name.ends_with(".webp") {
                assert_eq!(
                    webp_icc(&out),
                    Some(icc()),
                    "{mode} {name}: colour profile kept"
                );
            }
            if name.ends_with(".gif") {
                assert!(
                    contains(&out, b"NETSCAPE2.0"),
                    "{mode} {name}: looping kept"
                );
                assert_eq!(out.last(), Some(&0x3B));
            }
        }
    }
}

#[test]
fn a_file_that_does_not_walk_cleanly_is_refused_not_passed_through() {
    let mut jpeg_bytes = phone_jpeg(1);
    jpeg_bytes.truncate(40);
    assert_eq!(jpeg(&jpeg_bytes), None);
    assert_eq!(png(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"), None);
    assert_eq!(gif(b"GIF89a\x01\x00\x01\x00\x00\x00\x00\x99"), None);
    let _ = Path::new("");
}
