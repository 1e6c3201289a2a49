//! Pictures as a browser draws them, for the preview: every format a browser shows — JPEG,
//! PNG, GIF, WebP, SVG, AVIF, BMP, ICO — decoded upright to fit a box, animations (GIF,
//! WebP) frame by frame within a byte budget, SVG rendered by `resvg` at the size it is
//! shown, AVIF through the system's libheif. A file a browser would not draw is refused with
//! the reason (a HEIC only Safari shows, a format no browser shows, a damaged file).

use std::io::Cursor;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use image::{AnimationDecoder, DynamicImage, ImageDecoder, ImageFormat, RgbaImage};

use super::codec_error::CodecError;
use crate::i18n::Words;
use crate::journal::check::not_shown_reason;
use crate::journal::image_kind::{ImageKind, SNIFF_BYTES, sniff};

/// The most bytes an animation's frames may take at the size shown; frames past it are
/// left out (the animation plays the part that fits).
pub const ANIMATION_BYTES: usize = 48 << 20;
/// The most frames of one animation kept.
const MAX_FRAMES: usize = 600;
/// Refuse files larger than this before reading them.
const MAX_FILE_BYTES: u64 = 256 << 20;

/// One frame of a picture and how long it shows (zero for a still picture).
pub struct Frame {
    pub image: RgbaImage,
    pub delay: Duration,
}

/// How big to draw a picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The box the picture must fit in, in pixels.
    pub max_w: u32,
    pub max_h: u32,
    /// Drawn at its own size times this (a vector picture is rendered at that size); `None`
    /// when it is drawn to fill the box.
    pub own_scale: Option<f32>,
}

/// Why a picture cannot be drawn; the message is for the reader of the preview.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    /// The file could not be read.
    #[error("{0}")]
    Read(Words),
    /// A browser would not draw it (HEIC, PSD, not a picture): the reason.
    #[error("{0}")]
    NotShown(Words),
    /// A format browsers draw, but this file is damaged or cut short.
    #[error("{0}")]
    Damaged(Words),
}

/// Reading `path` failed.
fn read_failed(path: &Path, e: &std::io::Error) -> PictureError {
    PictureError::Read(crate::words!(
        "path-error",
        file = path.display().to_string(),
        error = Words::of_error(e)
    ))
}

/// Decode the picture at `path` (`rel`, its site path, names it in messages) to fit `fit`.
pub fn decode(path: &Path, rel: &str, fit: Fit) -> Result<Vec<Frame>, PictureError> {
    let size = std::fs::metadata(path)
        .map_err(|e| read_failed(path, &e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(PictureError::NotShown(crate::words!("too-large-for-photo")));
    }
    let bytes = std::fs::read(path).map_err(|e| read_failed(path, &e))?;
    let svg_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("svg") || e.eq_ignore_ascii_case("svgz"));
    decode_bytes(&bytes, svg_name, rel, fit)
}

/// Decode a picture held in `bytes` (see [`decode`]).
pub fn decode_bytes(
    bytes: &[u8],
    svg_name: bool,
    rel: &str,
    fit: Fit,
) -> Result<Vec<Frame>, PictureError> {
    let kind = sniff(&bytes[..bytes.len().min(SNIFF_BYTES)], svg_name);
    if let Some(why) = not_shown_reason(kind, rel) {
        return Err(PictureError::NotShown(why));
    }
    let damaged = |error: Words| {
        PictureError::Damaged(crate::words!(
            "preview-damaged-image",
            file = rel,
            error = error
        ))
    };
    let codec = |e: CodecError| damaged(e.words());
    let by_image = |e: image::ImageError| damaged(Words::of_error(&e));
    let frames = match kind {
        ImageKind::Jpeg => vec![still(jpeg(bytes, fit).map_err(codec)?, fit)],
        ImageKind::Gif => {
            let decoder =
                image::codecs::gif::GifDecoder::new(Cursor::new(bytes)).map_err(by_image)?;
            animation(decoder.into_frames(), fit).map_err(by_image)?
        }
        ImageKind::WebP => {
            let decoder =
                image::codecs::webp::WebPDecoder::new(Cursor::new(bytes)).map_err(by_image)?;
            if decoder.has_animation() {
                animation(decoder.into_frames(), fit).map_err(by_image)?
            } else {
                let image = DynamicImage::from_decoder(decoder).map_err(by_image)?;
                vec![still(image, fit)]
            }
        }
        ImageKind::Svg => vec![still(svg(bytes, fit).map_err(codec)?, fit)],
        ImageKind::Avif => {
            let long = fit.max_w.max(fit.max_h);
            let decoded = super::heif::decode_preview(bytes, long).map_err(codec)?;
            vec![still(decoded.image, fit)]
        }
        ImageKind::Png | ImageKind::Bmp | ImageKind::Ico => {
            vec![still(raster(bytes).map_err(codec)?, fit)]
        }
        // Every kind a browser draws is decoded above; the rest returned already.
        _ => {
            return Err(PictureError::NotShown(crate::words!(
                "rule-unreadable-image-format",
                file = rel,
                format = kind.name()
            )));
        }
    };
    if frames.is_empty() {
        return Err(damaged(crate::words!("picture-no-frames")));
    }
    Ok(frames)
}

/// `image` shrunk into the box (never enlarged), as one still frame.
fn still(image: DynamicImage, fit: Fit) -> Frame {
    Frame {
        image: shrink(image, fit).to_rgba8(),
        delay: Duration::ZERO,
    }
}

fn shrink(image: DynamicImage, fit: Fit) -> DynamicImage {
    let (max_w, max_h) = own_box(image.width(), image.height(), fit);
    if image.width() > max_w || image.height() > max_h {
        image.thumbnail(max_w, max_h)
    } else {
        image
    }
}

/// The box for a picture `w`×`h` pixels: at most its size times `own_scale` when it is drawn
/// at its own size, always within the fit's box.
fn own_box(w: u32, h: u32, fit: Fit) -> (u32, u32) {
    match fit.own_scale {
        Some(s) if s < 1.0 => (
            ((w as f32 * s).ceil() as u32).clamp(1, fit.max_w),
            ((h as f32 * s).ceil() as u32).clamp(1, fit.max_h),
        ),
        _ => (fit.max_w, fit.max_h),
    }
}

/// A JPEG decoded straight at a reduced DCT scale, turned upright by its EXIF orientation.
fn jpeg(bytes: &[u8], fit: Fit) -> Result<DynamicImage, CodecError> {
    let facts = super::photo_meta::facts(bytes);
    let (w, h) = image::ImageReader::with_format(Cursor::new(bytes), ImageFormat::Jpeg)
        .into_dimensions()
        .map_err(CodecError::decode)?;
    let (uw, uh) = if facts.orientation >= 5 {
        (h, w)
    } else {
        (w, h)
    };
    let scale = (f64::from(fit.max_w) / f64::from(uw))
        .min(f64::from(fit.max_h) / f64::from(uh))
        .min(1.0);
    let long = (f64::from(uw.max(uh)) * scale).ceil() as u32;
    let mut image = super::photo_codec::decode_jpeg_covering(bytes, long.max(1))?;
    if let Some(o) = image::metadata::Orientation::from_exif(facts.orientation as u8) {
        image.apply_orientation(o);
    }
    Ok(image)
}

/// PNG, BMP or ICO (the largest icon), with its EXIF orientation applied; refuses pictures
/// over 20,000 pixels a side.
fn raster(bytes: &[u8]) -> Result<DynamicImage, CodecError> {
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(CodecError::decode)?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    limits.max_alloc = Some(1 << 30);
    let mut decoder = reader.into_decoder().map_err(CodecError::decode)?;
    decoder.set_limits(limits).map_err(CodecError::decode)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(CodecError::decode)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// The frames of an animation, each shrunk into the box as it is decoded, until the byte
/// budget or the frame limit is reached. Delays as browsers play them (under 20 ms → 100 ms).
fn animation(frames: image::Frames<'_>, fit: Fit) -> Result<Vec<Frame>, image::ImageError> {
    let mut out = Vec::new();
    let mut bytes = 0usize;
    for frame in frames {
        let frame = frame?;
        let (num, den) = frame.delay().numer_denom_ms();
        let ms = num.checked_div(den).unwrap_or(0);
        let delay = Duration::from_millis(if ms < 20 { 100 } else { u64::from(ms) });
        let image = shrink(DynamicImage::ImageRgba8(frame.into_buffer()), fit).to_rgba8();
        bytes += image.as_raw().len();
        if !out.is_empty() && (bytes > ANIMATION_BYTES || out.len() >= MAX_FRAMES) {
            break;
        }
        out.push(Frame { image, delay });
    }
    Ok(out)
}

/// The fonts SVG text is drawn with: the system's, and daybook's Korean fallback.
fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        db.load_font_data(super::bundled::BUNDLED_KOREAN.to_vec());
        Arc::new(db)
    }))
}

/// An SVG rendered at the size it is shown: its own size (times `own_scale`) when drawn at
/// its own size, else fitted to the box.
fn svg(bytes: &[u8], fit: Fit) -> Result<DynamicImage, CodecError> {
    let options = resvg::usvg::Options {
        fontdb: fonts(),
        ..resvg::usvg::Options::default()
    };
    let tree = resvg::usvg::Tree::from_data(bytes, &options).map_err(CodecError::decode)?;
    let size = tree.size();
    let (w, h) = (size.width().max(1.0), size.height().max(1.0));
    let scale = match fit.own_scale {
        Some(s) => s.min(fit.max_w as f32 / w).min(fit.max_h as f32 / h),
        None => (fit.max_w as f32 / w).min(fit.max_h as f32 / h),
    };
    let pw = ((w * scale).round() as u32).clamp(1, fit.max_w.max(1));
    let ph = ((h * scale).round() as u32).clamp(1, fit.max_h.max(1));
    let too_large =
        || CodecError::Decode(crate::words!("picture-no-canvas", width = pw, height = ph));
    let mut pixmap = resvg::tiny_skia::Pixmap::new(pw, ph).ok_or_else(too_large)?;
    let transform = resvg::tiny_skia::Transform::from_scale(pw as f32 / w, ph as f32 / h);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    // tiny-skia holds premultiplied alpha; the preview takes it straight.
    let mut rgba = pixmap.take();
    for px in rgba.chunks_exact_mut(4) {
        let a = px[3];
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((u16::from(*c) * 255 + u16::from(a) / 2) / u16::from(a)).min(255) as u8;
            }
        }
    }
    RgbaImage::from_raw(pw, ph, rgba)
        .map(DynamicImage::ImageRgba8)
        .ok_or_else(too_large)
}

#[cfg(test)]
#[path = "picture_tests.rs"]
mod tests;
