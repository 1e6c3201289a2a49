//! HEIC/HEIF and AVIF photos (an iPhone's default) through the system's libheif, loaded
//! when first needed.
//!
//! libheif is opened at run time (`libheif.so.1`) rather than linked: a machine without it
//! still builds and runs daybook, and HEIC photos there get a message saying what to
//! install. (The `libheif-rs` binding needs libheif 1.17 at build time; Debian 12 ships
//! 1.15, and this file uses only the part of the C API that has been stable since 1.x.)
//!
//! Decoding applies the file's own transforms (`irot`, `imir`, `clap`), as libheif does by
//! default. The EXIF orientation is reported apart: a file without `irot`/`imir` (as
//! `ImageMagick` and some Android phones write them) relies on it, one with them must not be
//! turned twice.

// The one place daybook calls C: every call is to libheif's documented API, each with its
// reasoning beside it.
#![allow(unsafe_code)]

use std::ffi::c_int;

use super::heif_ffi::{
    Api, CHANNEL_CB, CHANNEL_CR, CHANNEL_INTERLEAVED, CHANNEL_Y, CHROMA_420, CHROMA_RGB,
    CHROMA_RGBA, COLORSPACE_RGB, COLORSPACE_YCBCR, Ctx, Handle, Image, api, check, fourcc,
};

use image::DynamicImage;

use super::codec_error::CodecError;
use super::dylib::LibraryError;
use super::photo_kind::MAX_PIXELS;

/// Whether libheif could be loaded (and why not).
pub fn available() -> Result<(), LibraryError> {
    api().map(|_| ())
}

/// An image libheif decoded, released on drop.
struct DecodedImage {
    api: &'static Api,
    img: *mut Image,
}

impl Drop for DecodedImage {
    fn drop(&mut self) {
        // SAFETY: decoded by libheif, released once.
        unsafe { (self.api.image_release)(self.img) }
    }
}

impl DecodedImage {
    /// One channel: `height` rows of `stride` bytes, each starting with `width` samples of
    /// `bytes` bytes; `None` when libheif has no such plane.
    fn plane(&self, channel: c_int, bytes: usize) -> Option<super::yuv::Plane<'_>> {
        let mut stride: c_int = 0;
        // SAFETY: a decoded image; libheif guarantees `height` rows of `stride` bytes for the
        // plane, alive until the image is released (with `self`, which the slice borrows).
        unsafe {
            let data = (self.api.plane)(self.img, channel, &raw mut stride);
            let width = usize::try_from((self.api.image_width)(self.img, channel)).ok()?;
            let height = usize::try_from((self.api.image_height)(self.img, channel)).ok()?;
            let stride = usize::try_from(stride).ok()?;
            if data.is_null() || stride < width * bytes || height == 0 {
                return None;
            }
            Some(super::yuv::Plane {
                data: std::slice::from_raw_parts(data, stride * (height - 1) + width * bytes),
                stride,
                width,
                height,
            })
        }
    }
}

/// A HEIF file opened in libheif, freed on drop. Borrows the bytes it reads from.
struct Opened<'a> {
    api: &'static Api,
    ctx: *mut Ctx,
    primary: *mut Handle,
    _bytes: &'a [u8],
}

impl Drop for Opened<'_> {
    fn drop(&mut self) {
        // SAFETY: both were allocated by libheif and are released once.
        unsafe {
            if !self.primary.is_null() {
                (self.api.handle_release)(self.primary);
            }
            (self.api.context_free)(self.ctx);
        }
    }
}

impl<'a> Opened<'a> {
    fn new(bytes: &'a [u8]) -> Result<Opened<'a>, CodecError> {
        let api = api()?;
        // SAFETY: a fresh context; `bytes` outlives it (held in `_bytes`).
        let ctx = unsafe { (api.context_alloc)() };
        if ctx.is_null() {
            return Err(CodecError::Decode(crate::words!("heif-no-context")));
        }
        let mut opened = Opened {
            api,
            ctx,
            primary: std::ptr::null_mut(),
            _bytes: bytes,
        };
        limit(api, ctx);
        // SAFETY: the pointer and length describe `bytes`; options may be null.
        check(&unsafe {
            (api.read_from_memory)(ctx, bytes.as_ptr().cast(), bytes.len(), std::ptr::null())
        })?;
        let mut handle = std::ptr::null_mut();
        // SAFETY: `ctx` holds a read file; `handle` receives an owned handle.
        check(&unsafe { (api.primary_handle)(ctx, &raw mut handle) })?;
        opened.primary = handle;
        Ok(opened)
    }

    /// Width and height as shown (transforms applied).
    fn size(&self, handle: *const Handle) -> (u32, u32) {
        // SAFETY: a valid handle.
        let (w, h) = unsafe {
            (
                (self.api.handle_width)(handle),
                (self.api.handle_height)(handle),
            )
        };
        (u32::try_from(w).unwrap_or(0), u32::try_from(h).unwrap_or(0))
    }

    /// Width and height as coded (`ispe`), (0, 0) where libheif cannot say.
    fn coded_size(&self, handle: *const Handle) -> (u32, u32) {
        let (Some(w), Some(h)) = (self.api.ispe_width, self.api.ispe_height) else {
            return (0, 0);
        };
        // SAFETY: a valid handle.
        let (w, h) = unsafe { (w(handle), h(handle)) };
        (u32::try_from(w).unwrap_or(0), u32::try_from(h).unwrap_or(0))
    }

    /// Refuses a picture larger than [`MAX_PIXELS`] as shown or as coded: a crop or a grid
    /// can declare a small picture over a huge one, and the coded one is what is decoded.
    fn within_limits(&self, handle: *const Handle) -> Result<(), CodecError> {
        let area = |(w, h): (u32, u32)| u64::from(w) * u64::from(h);
        let pixels = area(self.size(handle)).max(area(self.coded_size(handle)));
        if pixels > MAX_PIXELS {
            return Err(CodecError::TooManyPixels {
                megapixels: pixels / 1_000_000,
            });
        }
        Ok(())
    }

    /// Decode `handle` into `colorspace`/`chroma` (default options: transforms applied),
    /// within [`MAX_PIXELS`]: every decode (photo, preview, thumbnail) comes here.
    fn decode_as(
        &self,
        handle: *const Handle,
        colorspace: c_int,
        chroma: c_int,
    ) -> Result<DecodedImage, CodecError> {
        self.within_limits(handle)?;
        let mut img = std::ptr::null_mut();
        // SAFETY: a valid handle; `img` receives an owned image, released by the guard.
        check(&unsafe {
            (self.api.decode)(handle, &raw mut img, colorspace, chroma, std::ptr::null())
        })?;
        Ok(DecodedImage { api: self.api, img })
    }

    fn decode(&self, handle: *const Handle) -> Result<DynamicImage, CodecError> {
        // SAFETY: a valid handle.
        let alpha = unsafe { (self.api.handle_has_alpha)(handle) } != 0;
        let (chroma, channels) = if alpha {
            (CHROMA_RGBA, 4)
        } else {
            (CHROMA_RGB, 3)
        };
        let decoded = self.decode_as(handle, COLORSPACE_RGB, chroma)?;
        let plane = decoded
            .plane(CHANNEL_INTERLEAVED, channels)
            .ok_or_else(|| CodecError::Decode(crate::words!("heif-no-pixels")))?;
        let row = plane.width * channels;
        let mut pixels = Vec::with_capacity(row * plane.height);
        for y in 0..plane.height {
            pixels.extend_from_slice(&plane.data[y * plane.stride..y * plane.stride + row]);
        }
        let (w, h) = (
            u32::try_from(plane.width).unwrap_or(0),
            u32::try_from(plane.height).unwrap_or(0),
        );
        let image = if alpha {
            image::RgbaImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgba8)
        } else {
            image::RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8)
        };
        image.ok_or_else(|| CodecError::Decode(crate::words!("heif-wrong-size")))
    }

    /// The planes' matrix and range: the file's `nclx` description, else what libheif
    /// assumes without one (BT.601, full range).
    fn matrix(&self) -> Option<super::yuv::Matrix> {
        let api = self.api;
        let mut nclx = std::ptr::null_mut();
        // SAFETY: a valid handle; the profile is freed below.
        let found = check(&unsafe { (api.nclx)(self.primary, &raw mut nclx) }).is_ok();
        if !found || nclx.is_null() {
            return super::yuv::Matrix::from_h273(6, true);
        }
        // SAFETY: libheif filled the struct; read, then freed once.
        let (coefficients, full) = unsafe {
            let n = &*nclx;
            let read = (n.matrix_coefficients, n.full_range_flag != 0);
            (api.nclx_free)(nclx);
            read
        };
        super::yuv::Matrix::from_h273(coefficients, full)
    }

    /// Decode the primary image as 8-bit 4:2:0 planes and convert them ourselves, at half
    /// size when `half`; `None` when the photo is not such (alpha, more bits, another
    /// matrix): libheif converts those.
    fn decode_planes(&self, half: bool) -> Result<Option<DynamicImage>, CodecError> {
        let api = self.api;
        // SAFETY: a valid handle.
        if unsafe { (api.handle_has_alpha)(self.primary) } != 0 {
            return Ok(None);
        }
        let Some(matrix) = self.matrix() else {
            return Ok(None);
        };
        let decoded = self.decode_as(self.primary, COLORSPACE_YCBCR, CHROMA_420)?;
        // SAFETY: a decoded image.
        let (chroma, bits) = unsafe {
            (
                (api.chroma_format)(decoded.img),
                (api.bits_per_pixel_range)(decoded.img, CHANNEL_Y),
            )
        };
        if chroma != CHROMA_420 || bits != 8 {
            return Ok(None);
        }
        let (Some(y), Some(cb), Some(cr)) = (
            decoded.plane(CHANNEL_Y, 1),
            decoded.plane(CHANNEL_CB, 1),
            decoded.plane(CHANNEL_CR, 1),
        ) else {
            return Ok(None);
        };
        Ok(super::yuv::to_rgb(y, cb, cr, matrix, half).map(DynamicImage::ImageRgb8))
    }

    /// The ICC profile, when the file carries one (not an `nclx` description).
    fn icc(&self) -> Option<Vec<u8>> {
        let api = self.api;
        // SAFETY: a valid handle.
        let kind = unsafe { (api.profile_type)(self.primary) };
        if kind != fourcc(b"prof") && kind != fourcc(b"rICC") {
            return None;
        }
        // SAFETY: as above; the buffer has the size libheif reports.
        let size = unsafe { (api.raw_profile_size)(self.primary) };
        let mut out = vec![0u8; size];
        check(&unsafe { (api.raw_profile)(self.primary, out.as_mut_ptr().cast()) }).ok()?;
        Some(out)
    }

    /// The EXIF block as a TIFF structure (without the HEIF offset prefix).
    fn exif(&self) -> Option<Vec<u8>> {
        let api = self.api;
        let kind = c"Exif";
        // SAFETY: a valid handle and a NUL-terminated filter; the id buffer has `n` slots.
        let n = unsafe { (api.metadata_count)(self.primary, kind.as_ptr()) };
        if n <= 0 {
            return None;
        }
        let mut ids = vec![0u32; usize::try_from(n).ok()?];
        // SAFETY: as above.
        unsafe { (api.metadata_ids)(self.primary, kind.as_ptr(), ids.as_mut_ptr(), n) };
        let id = *ids.first()?;
        // SAFETY: the buffer has the size libheif reports for this block.
        let size = unsafe { (api.metadata_size)(self.primary, id) };
        let mut block = vec![0u8; size];
        check(&unsafe { (api.metadata)(self.primary, id, block.as_mut_ptr().cast()) }).ok()?;
        // HEIF's Exif item starts with the offset of the TIFF header.
        let skip = u32::from_be_bytes(block.get(..4)?.try_into().ok()?) as usize;
        block.get(4 + skip..).map(<[u8]>::to_vec)
    }

    /// The embedded thumbnail whose long edge is at least `long_edge`, the smallest such.
    fn thumbnail(&self, long_edge: u32) -> Option<DynamicImage> {
        let api = self.api;
        // SAFETY: a valid handle; the id buffer has `n` slots.
        let n = unsafe { (api.thumbnail_count)(self.primary) };
        if n <= 0 {
            return None;
        }
        let mut ids = vec![0u32; usize::try_from(n).ok()?];
        // SAFETY: as above.
        unsafe { (api.thumbnail_ids)(self.primary, ids.as_mut_ptr(), n) };
        let mut best: Option<(u32, DynamicImage)> = None;
        for id in ids {
            let mut handle = std::ptr::null_mut();
            // SAFETY: an id libheif listed; the handle is released below.
            if check(&unsafe { (api.thumbnail)(self.primary, id, &raw mut handle) }).is_err() {
                continue;
            }
            let (w, h) = self.size(handle);
            let long = w.max(h);
            if long >= long_edge
                && best.as_ref().is_none_or(|(b, _)| long < *b)
                && let Ok(img) = self.decode(handle)
            {
                best = Some((long, img));
            }
            // SAFETY: released once.
            unsafe { (api.handle_release)(handle) };
        }
        best.map(|(_, img)| img)
    }
}

/// Whether the file carries its own rotation or mirroring (`irot`/`imir` properties): then
/// libheif applies them and the EXIF orientation must be ignored.
pub fn has_transform(bytes: &[u8]) -> bool {
    fn children(b: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
        let mut at = 0usize;
        std::iter::from_fn(move || {
            let head = b.get(at..at + 8)?;
            let size = u32::from_be_bytes(head[..4].try_into().ok()?) as usize;
            let kind = &head[4..8];
            let (start, end) = match size {
                1 => {
                    let big = u64::from_be_bytes(b.get(at + 8..at + 16)?.try_into().ok()?);
                    (at + 16, at.checked_add(usize::try_from(big).ok()?)?)
                }
                0 => (at + 8, b.len()),
                n if n >= 8 => (at + 8, at + n),
                _ => return None,
            };
            let body = b.get(start..end)?;
            at = end;
            Some((kind, body))
        })
    }
    fn find<'a>(b: &'a [u8], kind: &[u8]) -> Option<&'a [u8]> {
        children(b).find(|(k, _)| *k == kind).map(|(_, v)| v)
    }
    let Some(meta) = find(bytes, b"meta") else {
        return false;
    };
    // `meta` is a full box: version and flags come first.
    let Some(iprp) = meta.get(4..).and_then(|m| find(m, b"iprp")) else {
        return false;
    };
    let Some(ipco) = find(iprp, b"ipco") else {
        return false;
    };
    children(ipco).any(|(k, _)| k == b"irot" || k == b"imir")
}

/// A decoded HEIF photo.
pub struct Decoded {
    /// Upright as the file's own transforms say.
    pub image: DynamicImage,
    pub icc: Option<Vec<u8>>,
    /// The EXIF block (TIFF), for keeping metadata when the user asked to.
    pub exif: Option<Vec<u8>>,
    /// The file had `irot`/`imir`: the EXIF orientation must not be applied again.
    pub transformed: bool,
}

/// The longest side libheif is let read (both sides of a 64 MP panorama fit).
const MAX_SIDE: c_int = 32_768;

/// libheif's own limits on a fresh context: the longest side, and where the library has
/// them (1.19 on), its security limits lowered to what a photo needs.
fn limit(api: &Api, ctx: *mut Ctx) {
    // SAFETY: a fresh, valid context.
    unsafe { (api.set_max_size)(ctx, MAX_SIDE) };
    let Some(get) = api.security_limits else {
        return;
    };
    // SAFETY: a valid context; libheif returns its own limits, which outlive the call and
    // begin with the version-1 fields (`SecurityLimits`) whenever `version` ≥ 1.
    let limits = unsafe { get(ctx) };
    // SAFETY: checked non-null; written before any file is read.
    if let Some(limits) = unsafe { limits.as_mut() }
        && limits.version >= 1
    {
        let lower = |v: &mut u64, to: u64| *v = if *v == 0 { to } else { (*v).min(to) };
        lower(&mut limits.max_image_size_pixels, MAX_PIXELS);
        lower(&mut limits.max_number_of_tiles, MAX_TILES);
        lower(&mut limits.max_memory_block_size, MAX_BLOCK);
    }
}

/// Tiles per image: a 48 MP iPhone photo is 192 tiles of 512 × 512.
const MAX_TILES: u64 = 16_384;
/// The largest single allocation libheif may make while reading a file.
const MAX_BLOCK: u64 = 256 << 20;

/// Width and height of the primary image as shown, or as coded when that is larger (what
/// decoding it costs).
pub fn dimensions(bytes: &[u8]) -> Result<(u32, u32), CodecError> {
    let opened = Opened::new(bytes)?;
    let shown = opened.size(opened.primary);
    let coded = opened.coded_size(opened.primary);
    let area = |(w, h): (u32, u32)| u64::from(w) * u64::from(h);
    Ok(if area(coded) > area(shown) {
        coded
    } else {
        shown
    })
}

/// Decode the primary image with its profile and EXIF; with `max_edge`, for a photo that
/// will be shrunk to that long edge: a photo larger than that is converted at half size straight from its planes (as a JPEG is decoded at a
/// reduced DCT scale), which saves most of the work after the HEVC decoding itself.
pub fn decode_within(bytes: &[u8], max_edge: Option<u32>) -> Result<Decoded, CodecError> {
    let opened = Opened::new(bytes)?;
    let (w, h) = opened.size(opened.primary);
    let half = max_edge.is_some_and(|m| w.max(h) > m);
    let image = match opened.decode_planes(half)? {
        Some(image) => image,
        None => opened.decode(opened.primary)?,
    };
    Ok(Decoded {
        image,
        icc: opened.icc(),
        exif: opened.exif(),
        transformed: has_transform(bytes),
    })
}

/// A picture at least `long_edge` on its long side, from the embedded thumbnail when there
/// is one that large (phones store one), else the whole image.
pub fn decode_preview(bytes: &[u8], long_edge: u32) -> Result<Decoded, CodecError> {
    let opened = Opened::new(bytes)?;
    let image = match opened.thumbnail(long_edge) {
        Some(img) => img,
        None => opened.decode(opened.primary)?,
    };
    Ok(Decoded {
        image,
        icc: None,
        exif: None,
        transformed: has_transform(bytes),
    })
}

#[cfg(test)]
#[path = "heif_tests.rs"]
mod tests;
