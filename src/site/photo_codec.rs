//! Decoding and encoding imported photos: JPEGs decoded straight at a reduced DCT scale,
//! HEIF through libheif, every photo turned upright, shrunk and written in the format chosen
//! — JPEG (PNG when it has transparency), lossy WebP (libwebp, through the `webp` crate; an
//! animated GIF as an animated WebP), or its own — with its colour profile, and its
//! metadata only when the user keeps it.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat};
use img_parts::{Bytes, ImageEXIF, ImageICC};

use super::codec_error::CodecError;
use super::photo_format::{ImportOptions, PhotoFormat};
use super::photo_meta::{self, PhotoFacts};

/// A HEIC/HEIF/AVIF photo as a JPEG (a PNG when it has transparency): decoded by libheif
/// with its own transforms, turned upright by its EXIF orientation when it has none, shrunk,
/// its colour profile kept and its location dropped, exactly as a JPEG is.
pub(super) fn heif_photo(
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<(Vec<u8>, &'static str, PhotoFacts), CodecError> {
    let decoded = super::heif::decode_within(bytes, options.max_edge)?;
    let mut facts = decoded
        .exif
        .as_deref()
        .map_or_else(|| photo_meta::facts(bytes), photo_meta::facts_from_tiff);
    if decoded.transformed {
        // `irot`/`imir` are already applied: the EXIF orientation only describes them.
        facts.orientation = 1;
    }
    let keep = (!options.strip_metadata).then_some(decoded.exif).flatten();
    let (out, ext) = encode_upright(
        decoded.image,
        facts.orientation,
        decoded.icc.as_deref(),
        keep,
        options,
        None,
    )?;
    Ok((out, ext, facts))
}

/// Decode (a JPEG straight at a reduced scale when it will be shrunk), turn upright,
/// shrink and encode. Photos become JPEG; images with transparency stay PNG.
pub(super) fn reencode_photo(
    bytes: &[u8],
    format: ImageFormat,
    facts: &PhotoFacts,
    options: &ImportOptions,
) -> Result<(Vec<u8>, &'static str), CodecError> {
    let image = match format {
        ImageFormat::Jpeg => decode_jpeg_scaled(bytes, options.max_edge)?,
        f => image::load_from_memory_with_format(bytes, f).map_err(CodecError::decode)?,
    };
    let icc = super::strip::icc_profile(bytes, format);
    let keep = if options.strip_metadata {
        None
    } else {
        img_parts::jpeg::Jpeg::from_bytes(Bytes::copy_from_slice(bytes))
            .ok()
            .and_then(|j| j.exif())
            .map(|e| e.to_vec())
    };
    encode_upright(
        image,
        facts.orientation,
        icc.as_deref(),
        keep,
        options,
        Some(format),
    )
}

/// Turn `image` upright by EXIF `orientation`, shrink it, and encode it in the format
/// `options` choose (`original` is the file's own, `None` for HEIF): WebP; PNG for a picture
/// with transparency or a PNG kept; else JPEG — with the colour profile `icc`, and with `keep`
/// (the original EXIF, location included, marked upright) when the user keeps metadata.
fn encode_upright(
    mut image: DynamicImage,
    orientation: u16,
    icc: Option<&[u8]>,
    keep: Option<Vec<u8>>,
    options: &ImportOptions,
    original: Option<ImageFormat>,
) -> Result<(Vec<u8>, &'static str), CodecError> {
    if let Some(o) = image::metadata::Orientation::from_exif(orientation as u8) {
        image.apply_orientation(o);
    }
    if let Some(max) = options.max_edge
        && image.width().max(image.height()) > max
    {
        image = shrink(&image, max);
    }
    let webp = match options.format {
        PhotoFormat::Webp => true,
        PhotoFormat::Keep => original == Some(ImageFormat::WebP),
        PhotoFormat::Jpeg => false,
    };
    if webp {
        let mut out = encode_webp(&image, options.quality, icc)?;
        if let Some(mut exif) = keep {
            photo_meta::mark_upright(&mut exif);
            let mut w = img_parts::webp::WebP::from_bytes(Bytes::from(out.clone()))
                .map_err(CodecError::encode)?;
            w.set_exif(Some(Bytes::from(exif)));
            out = w.encoder().bytes().to_vec();
        }
        return Ok((out, "webp"));
    }
    let png_ok = original.is_some_and(|f| f != ImageFormat::Jpeg) || original.is_none();
    let keep_png = options.format == PhotoFormat::Keep && original == Some(ImageFormat::Png);
    let mut out = Vec::new();
    if (image.color().has_alpha() && png_ok) || keep_png {
        let mut encoder = image::codecs::png::PngEncoder::new(&mut out);
        if let Some(icc) = icc {
            let _ = image::ImageEncoder::set_icc_profile(&mut encoder, icc.to_vec());
        }
        image
            .write_with_encoder(encoder)
            .map_err(CodecError::encode)?;
        return Ok((out, "png"));
    }
    let rgb = image.to_rgb8();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(
        &mut out,
        options.quality.clamp(30, 100),
    );
    // The colour profile stays: a wide-gamut phone photo shows with its own colours.
    if let Some(icc) = icc {
        let _ = image::ImageEncoder::set_icc_profile(&mut encoder, icc.to_vec());
    }
    encoder.encode_image(&rgb).map_err(CodecError::encode)?;
    if let Some(mut exif) = keep {
        // Keep the metadata (location included), marked upright since the pixels now are.
        photo_meta::mark_upright(&mut exif);
        out = photo_meta::with_exif(out.clone(), exif).unwrap_or(out);
    }
    Ok((out, "jpg"))
}

/// Frames' pixels an animation may hold while it is converted (a 500 × 500 GIF of 400 frames).
const MAX_ANIMATION_PIXELS: u64 = 100_000_000;

/// What a GIF becomes when WebP is asked for.
pub(super) enum GifAs {
    /// An animated WebP (or why it could not be made).
    Animation(Result<Vec<u8>, CodecError>),
    /// One frame: a still photo like any other.
    Still,
    /// An animation longer than daybook converts: it stays a GIF.
    TooLong,
}

/// An animated GIF as an animated lossy WebP: each frame shrunk to `max_edge` as it is
/// decoded, its delay kept, looping forever as GIFs do. Frames are decoded one at a time and
/// no more than [`MAX_ANIMATION_PIXELS`] of them, so a hostile GIF costs bounded memory.
pub(super) fn gif_to_webp(bytes: &[u8], options: &ImportOptions) -> GifAs {
    use image::AnimationDecoder;
    let decoder = match image::codecs::gif::GifDecoder::new(Cursor::new(bytes)) {
        Ok(d) => d,
        Err(e) => return GifAs::Animation(Err(CodecError::decode(e))),
    };
    let (w, h) = image::ImageDecoder::dimensions(&decoder);
    let (w2, h2) = match options.max_edge {
        Some(max) if w.max(h) > max => {
            let scale = f64::from(max) / f64::from(w.max(h));
            (
                ((f64::from(w) * scale).round() as u32).max(1),
                ((f64::from(h) * scale).round() as u32).max(1),
            )
        }
        _ => (w, h),
    };
    let frame_pixels = (u64::from(w) * u64::from(h)).max(1);
    let mut pictures = Vec::new();
    let mut at = 0i32;
    let mut frames = decoder.into_frames();
    loop {
        // Counted before the next frame is decoded onto its full canvas.
        if (pictures.len() as u64 + 1) * frame_pixels > MAX_ANIMATION_PIXELS {
            return GifAs::TooLong;
        }
        let frame = match frames.next() {
            None => break,
            Some(Ok(f)) => f,
            Some(Err(e)) => return GifAs::Animation(Err(CodecError::decode(e))),
        };
        let (num, den) = frame.delay().numer_denom_ms();
        let picture = if (w2, h2) == (w, h) {
            frame.into_buffer()
        } else {
            image::imageops::resize(
                frame.buffer(),
                w2,
                h2,
                image::imageops::FilterType::Triangle,
            )
        };
        pictures.push((picture, at));
        // Browsers show a GIF frame of under 20 ms for 100 ms; so does the WebP.
        let ms = (num / den.max(1)) as i32;
        at += if ms < 20 { 100 } else { ms };
    }
    if pictures.len() < 2 {
        return GifAs::Still;
    }
    let Ok(mut config) = webp::WebPConfig::new() else {
        return GifAs::Animation(Err(CodecError::Encode(crate::words!("webp-not-encoded"))));
    };
    config.quality = f32::from(options.quality.clamp(30, 100));
    let mut encoder = webp::AnimEncoder::new(w2, h2, &config);
    encoder.set_loop_count(0);
    for (picture, at) in &pictures {
        encoder.add_frame(webp::AnimFrame::from_rgba(picture.as_raw(), w2, h2, *at));
    }
    GifAs::Animation(
        encoder
            .try_encode()
            .map(|m| m.to_vec())
            .map_err(|e| CodecError::Encode(crate::i18n::Words::verbatim(format!("{e:?}")))),
    )
}

/// `image` as lossy WebP at `quality` (transparency kept), with the colour profile `icc`.
fn encode_webp(
    image: &DynamicImage,
    quality: u8,
    icc: Option<&[u8]>,
) -> Result<Vec<u8>, CodecError> {
    let quality = f32::from(quality.clamp(30, 100));
    let (w, h) = (image.width(), image.height());
    let encoded = if image.color().has_alpha() {
        let rgba = image.to_rgba8();
        webp::Encoder::from_rgba(&rgba, w, h)
            .encode(quality)
            .to_vec()
    } else {
        let rgb = image.to_rgb8();
        webp::Encoder::from_rgb(&rgb, w, h).encode(quality).to_vec()
    };
    if encoded.is_empty() {
        return Err(CodecError::Encode(crate::words!("webp-not-encoded")));
    }
    let Some(icc) = icc else {
        return Ok(encoded);
    };
    let mut file =
        img_parts::webp::WebP::from_bytes(Bytes::from(encoded)).map_err(CodecError::encode)?;
    file.set_icc_profile(Some(Bytes::copy_from_slice(icc)));
    Ok(file.encoder().bytes().to_vec())
}

/// `image` with its long edge `max`: area averaging (fast, and as good as a filter when
/// shrinking by half or more), a triangle filter for smaller steps.
fn shrink(image: &DynamicImage, max: u32) -> DynamicImage {
    let long = image.width().max(image.height());
    if long >= max.saturating_mul(3) / 2 {
        image.thumbnail(max, max)
    } else {
        image.resize(max, max, image::imageops::FilterType::Triangle)
    }
}

/// Decode a JPEG at the largest DCT scale (1, 1/2, 1/4, 1/8) whose long edge fits in
/// `max_edge`: a 4032-pixel photo decodes straight to 2016 pixels, a quarter of the work,
/// and needs no resampling after.
fn decode_jpeg_scaled(bytes: &[u8], max_edge: Option<u32>) -> Result<DynamicImage, CodecError> {
    decode_jpeg_with(bytes, |long| match max_edge {
        Some(max) if long > max => [2u32, 4, 8]
            .into_iter()
            .find(|d| long.div_ceil(*d) <= max)
            .unwrap_or(8),
        _ => 1,
    })
}

/// Decode a JPEG at the smallest DCT scale whose long edge still covers `long_edge` (for
/// showing it at that size: a 12 MP photo shown 800 pixels wide decodes at 1/4).
pub fn decode_jpeg_covering(bytes: &[u8], long_edge: u32) -> Result<DynamicImage, CodecError> {
    decode_jpeg_with(bytes, |long| {
        [8u32, 4, 2]
            .into_iter()
            .find(|d| long / d >= long_edge)
            .unwrap_or(1)
    })
}

/// Decode a JPEG scaled down by the divisor (1, 2, 4 or 8) `divisor_for` picks from its
/// long edge.
fn decode_jpeg_with(
    bytes: &[u8],
    divisor_for: impl Fn(u32) -> u32,
) -> Result<DynamicImage, CodecError> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(CodecError::decode)?;
    let info = decoder
        .info()
        .ok_or_else(|| CodecError::Decode(crate::words!("no-image-information")))?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let divisor = divisor_for(w.max(h));
    if divisor > 1 {
        let req = |d: u32| u16::try_from(d.div_ceil(divisor)).unwrap_or(u16::MAX);
        decoder.scale(req(w), req(h)).map_err(CodecError::decode)?;
    }
    let pixels = decoder.decode().map_err(CodecError::decode)?;
    let info = decoder
        .info()
        .ok_or_else(|| CodecError::Decode(crate::words!("no-image-information")))?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let image = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => {
            image::RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8)
        }
        jpeg_decoder::PixelFormat::L8 => {
            image::GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8)
        }
        jpeg_decoder::PixelFormat::L16 => {
            let wide: Vec<u16> = pixels
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            image::ImageBuffer::from_raw(w, h, wide).map(DynamicImage::ImageLuma16)
        }
        jpeg_decoder::PixelFormat::CMYK32 => {
            let rgb: Vec<u8> = pixels
                .chunks_exact(4)
                .flat_map(|p| {
                    let k = u16::from(p[3]);
                    [p[0], p[1], p[2]].map(|c| ((u16::from(c) * k) / 255) as u8)
                })
                .collect();
            image::RgbImage::from_raw(w, h, rgb).map(DynamicImage::ImageRgb8)
        }
    };
    image.ok_or_else(|| CodecError::Decode(crate::words!("decoded-wrong-size")))
}

/// A small upright picture of a photo for choosing it, and what its metadata says.
pub struct Thumbnail {
    pub image: image::RgbaImage,
    pub facts: PhotoFacts,
}

/// Decode `path` small (its long edge about `long_edge`), upright: JPEGs at a reduced DCT
/// scale, HEIF from its embedded thumbnail when large enough.
pub fn thumbnail(path: &std::path::Path, long_edge: u32) -> Result<Thumbnail, CodecError> {
    use super::photo_kind::{Kind, MAX_FILE_BYTES, kind_of};
    let size = std::fs::metadata(path)
        .map_err(|e| CodecError::read(path, &e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(CodecError::FileTooLarge);
    }
    let bytes = std::fs::read(path).map_err(|e| CodecError::read(path, &e))?;
    let kind = kind_of(&bytes).map_err(|format| CodecError::NotAPhoto { format })?;
    let (image, facts) = match kind {
        Kind::Heif(_) => {
            let decoded = super::heif::decode_preview(&bytes, long_edge)?;
            let mut facts = photo_meta::facts(&bytes);
            if decoded.transformed {
                facts.orientation = 1;
            }
            (decoded.image, facts)
        }
        Kind::Raster(ImageFormat::Jpeg) => {
            // Phones store a small JPEG in the EXIF block: decoding it is a fraction of
            // decoding the photo, even at a reduced scale.
            let embedded = photo_meta::exif_thumbnail(&bytes)
                .and_then(|t| image::load_from_memory_with_format(&t, ImageFormat::Jpeg).ok())
                .filter(|t| t.width().max(t.height()) >= long_edge.min(160));
            let image = match embedded {
                Some(t) => t,
                None => decode_jpeg_covering(&bytes, long_edge)?,
            };
            (image, photo_meta::facts(&bytes))
        }
        Kind::Raster(format) => (
            image::load_from_memory_with_format(&bytes, format).map_err(CodecError::decode)?,
            photo_meta::facts(&bytes),
        ),
    };
    let mut image = image.thumbnail(long_edge, long_edge);
    if let Some(o) = image::metadata::Orientation::from_exif(facts.orientation as u8) {
        image.apply_orientation(o);
    }
    Ok(Thumbnail {
        image: image.to_rgba8(),
        facts,
    })
}
