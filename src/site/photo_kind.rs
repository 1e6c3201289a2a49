//! What a photo file is, sniffed from its first bytes (JPEG, PNG, GIF, WebP, or HEIC/AVIF/
//! HEIF by their `ftyp` brands), and the limits on what is read at all.

use image::ImageFormat;

/// Photos larger than this are refused (a 100-megapixel file is not a blog photo).
pub const MAX_PIXELS: u64 = 64_000_000;
/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// What a photo file holds, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Raster(ImageFormat),
    /// HEIF: `HEIC`, `AVIF` or plain `HEIF`.
    Heif(&'static str),
}

pub(super) fn kind_of(bytes: &[u8]) -> Result<Kind, Option<String>> {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        let brands: Vec<&[u8]> = std::iter::once(&bytes[8..12])
            .chain(
                bytes
                    .get(16..size.min(bytes.len()))
                    .unwrap_or_default()
                    .chunks_exact(4),
            )
            .collect();
        let has = |names: &[&[u8]]| brands.iter().any(|b| names.contains(b));
        if matches!(&bytes[8..12], b"avif" | b"avis") {
            return Ok(Kind::Heif("AVIF"));
        }
        if has(&[b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis"]) {
            return Ok(Kind::Heif("HEIC"));
        }
        if has(&[b"avif", b"avis"]) {
            return Ok(Kind::Heif("AVIF"));
        }
        if has(&[b"mif1", b"msf1", b"mif2"]) {
            return Ok(Kind::Heif("HEIF"));
        }
    }
    match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::Gif | ImageFormat::WebP)) => {
            Ok(Kind::Raster(f))
        }
        Ok(other) => Err(Some(format!("{other:?}").to_uppercase())),
        Err(_) => Err(None),
    }
}
