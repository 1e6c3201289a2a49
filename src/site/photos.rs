//! Importing a photo into the site: read, check, turn upright, shrink, drop location and
//! other identifying metadata, name, and copy into the images folder without overwriting.
//!
//! Originals are never modified. A photo that needs no pixel change is copied with its
//! metadata removed losslessly (no re-encoding). Output files appear whole or not at all
//! (temp file + link), only inside the images folder, and a photo already there byte for
//! byte is reused instead of copied again.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageFormat};
use img_parts::{Bytes, ImageEXIF};

use super::photo_meta::{self, PhotoFacts};
use super::store::create_new_atomic;
use crate::journal::photos::{alt_from_name, folder_in_use, photo_link, photo_name, safe_folder};

/// Photos larger than this are refused (a 100-megapixel file is not a blog photo).
pub const MAX_PIXELS: u64 = 64_000_000;
/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// How photos are processed.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// Shrink so the long edge is at most this (`None`: keep the size).
    pub max_edge: Option<u32>,
    /// JPEG quality for re-encoded photos.
    pub quality: u8,
    /// Remove location and other identifying metadata.
    pub strip_metadata: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            max_edge: Some(2048),
            quality: 85,
            strip_metadata: true,
        }
    }
}

/// A photo copied into the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub source: PathBuf,
    /// The file in the images folder.
    pub path: PathBuf,
    pub name: String,
    pub alt: String,
    /// The same bytes were already there: nothing was copied.
    pub reused: bool,
    /// When the photo was taken, if it says.
    pub captured: Option<crate::journal::trip::CaptureTime>,
}

/// Why one photo could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("{}: cannot read it ({source})", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not an image daybook can read", path.display())]
    NotAnImage { path: PathBuf },
    #[error("{}: {format} photos are not supported; export it as JPEG first", path.display())]
    Unsupported { path: PathBuf, format: String },
    #[error("{}: {format} photos need libheif, which could not be loaded here ({why}); {}", path.display(), super::heif::INSTALL_HINT)]
    NoDecoder {
        path: PathBuf,
        format: String,
        why: String,
    },
    #[error("{}: the image is damaged or truncated ({message})", path.display())]
    Corrupt { path: PathBuf, message: String },
    #[error("{}: too large ({megapixels} megapixels; daybook takes photos up to {} MP)", path.display(), MAX_PIXELS / 1_000_000)]
    TooLarge { path: PathBuf, megapixels: u64 },
    #[error("{}: {megabytes} MB is too large for a photo; daybook takes files up to {} MB", path.display(), MAX_FILE_BYTES / 1024 / 1024)]
    FileTooLarge { path: PathBuf, megabytes: u64 },
    #[error("{}: cannot write into the images folder ({source})", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where a post's photos go: the images root and the folder under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoTarget {
    pub root: &'static str,
    pub folder: String,
}

impl PhotoTarget {
    /// The folder most of the post's images use, else one named after the post; `chosen`
    /// overrides both.
    pub fn for_post(
        site: &super::Site,
        post: &Path,
        text: &str,
        chosen: Option<&str>,
    ) -> PhotoTarget {
        let root = images_root(&site.root);
        let folder = match chosen {
            Some(f) => safe_folder(f),
            None => folder_in_use(text, root).unwrap_or_else(|| {
                let name = post
                    .file_stem()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let slug = crate::journal::post_name::parse_post_file_name(&format!("{name}.md"))
                    .map_or(name.clone(), |p| p.slug.to_owned());
                safe_folder(&slug)
            }),
        };
        PhotoTarget { root, folder }
    }

    /// The folder on disk.
    pub fn dir(&self, site_root: &Path) -> PathBuf {
        site_root.join(self.root).join(&self.folder)
    }

    /// The folder on disk, refused unless it lies inside the site (followed links included).
    pub fn dir_within(&self, site_root: &Path) -> Result<PathBuf, PhotoError> {
        let dir = self.dir(site_root);
        if super::within(site_root, &dir) {
            Ok(dir)
        } else {
            Err(PhotoError::Write {
                path: dir,
                source: std::io::Error::other("outside the site; not written"),
            })
        }
    }

    /// `images/folder/` as shown to the user.
    pub fn shown(&self) -> String {
        format!("{}/{}/", self.root, self.folder)
    }

    /// The Markdown image for an imported photo.
    pub fn link(&self, photo: &Imported, baseurl: &str) -> String {
        photo_link(&photo.alt, self.root, &self.folder, &photo.name, baseurl)
    }
}

/// Import several photos on two threads; results in the order given.
pub fn import_all(
    sources: &[PathBuf],
    dest_dir: &Path,
    options: &ImportOptions,
) -> Vec<Result<Imported, PhotoError>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<Result<Imported, PhotoError>>>> = sources
        .iter()
        .map(|_| std::sync::Mutex::new(None))
        .collect();
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(src) = sources.get(i) else { break };
                    let result = import(src, dest_dir, options);
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .zip(sources)
        .map(|(slot, src)| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                Err(PhotoError::Unreadable {
                    path: src.clone(),
                    source: std::io::Error::other("import stopped"),
                })
            })
        })
        .collect()
}

/// Which folder of the site holds images: `images/`, or `assets/images/` where a site keeps
/// them there instead.
pub fn images_root(site_root: &Path) -> &'static str {
    if !site_root.join("images").is_dir() && site_root.join("assets/images").is_dir() {
        "assets/images"
    } else {
        "images"
    }
}

/// What a photo file holds, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Raster(ImageFormat),
    /// HEIF: `HEIC`, `AVIF` or plain `HEIF`.
    Heif(&'static str),
}

fn kind_of(bytes: &[u8]) -> Result<Kind, Option<String>> {
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

/// Import `source` into `dest_dir` (created if missing).
pub fn import(
    source: &Path,
    dest_dir: &Path,
    options: &ImportOptions,
) -> Result<Imported, PhotoError> {
    let unreadable = |e: std::io::Error| PhotoError::Unreadable {
        path: source.to_owned(),
        source: e,
    };
    // Sniffed from its first bytes before it is read whole: a dropped 4 GB video is refused
    // without being loaded.
    let mut head = [0u8; 64];
    let head_len = {
        use std::io::Read;
        let mut file = std::fs::File::open(source).map_err(unreadable)?;
        let mut n = 0;
        while n < head.len() {
            match file.read(&mut head[n..]).map_err(unreadable)? {
                0 => break,
                k => n += k,
            }
        }
        n
    };
    let sniffed = kind_of(&head[..head_len]);
    let size = std::fs::metadata(source).map_err(unreadable)?.len();
    if sniffed.is_err() || size > MAX_FILE_BYTES {
        return Err(match sniffed {
            Err(Some(format)) => PhotoError::Unsupported {
                path: source.to_owned(),
                format,
            },
            Ok(_) => PhotoError::FileTooLarge {
                path: source.to_owned(),
                megabytes: size / 1024 / 1024,
            },
            Err(None) => PhotoError::NotAnImage {
                path: source.to_owned(),
            },
        });
    }
    if let Ok(Kind::Heif(format)) = sniffed {
        // Refused before reading the file when there is nothing to decode it with.
        super::heif::available().map_err(|why| PhotoError::NoDecoder {
            path: source.to_owned(),
            format: format.to_owned(),
            why,
        })?;
    }
    let bytes = std::fs::read(source).map_err(unreadable)?;
    let kind = kind_of(&bytes).map_err(|f| match f {
        Some(format) => PhotoError::Unsupported {
            path: source.to_owned(),
            format,
        },
        None => PhotoError::NotAnImage {
            path: source.to_owned(),
        },
    })?;
    let corrupt = |e: &dyn std::fmt::Display| PhotoError::Corrupt {
        path: source.to_owned(),
        message: e.to_string(),
    };
    let too_large = |w: u32, h: u32| {
        let pixels = u64::from(w) * u64::from(h);
        (pixels > MAX_PIXELS).then(|| PhotoError::TooLarge {
            path: source.to_owned(),
            megapixels: pixels / 1_000_000,
        })
    };
    let (out, ext, facts) = match kind {
        Kind::Heif(_) => {
            let (w, h) = super::heif::dimensions(&bytes).map_err(|e| corrupt(&e))?;
            if let Some(e) = too_large(w, h) {
                return Err(e);
            }
            heif_photo(&bytes, options).map_err(|e| corrupt(&e))?
        }
        Kind::Raster(format) => {
            let (w, h) = image::ImageReader::with_format(Cursor::new(&bytes), format)
                .into_dimensions()
                .map_err(|e| corrupt(&e))?;
            if let Some(e) = too_large(w, h) {
                return Err(e);
            }
            let facts = photo_meta::facts(&bytes);
            let too_big = options.max_edge.is_some_and(|m| w.max(h) > m);
            // Animated GIFs keep their frames: they are copied as they are.
            let reencode = format != ImageFormat::Gif && (facts.orientation != 1 || too_big);
            if reencode {
                let (out, ext) =
                    reencode_photo(&bytes, format, &facts, options).map_err(|e| corrupt(&e))?;
                (out, ext, facts)
            } else {
                let ext = match format {
                    ImageFormat::Jpeg => "jpg",
                    ImageFormat::Png => "png",
                    ImageFormat::Gif => "gif",
                    _ => "webp",
                };
                // Decode once to be sure it is whole: a truncated file is refused, not
                // published.
                image::load_from_memory_with_format(&bytes, format).map_err(|e| corrupt(&e))?;
                let out = if options.strip_metadata {
                    // Rebuilt from the blocks that draw the picture; a file that does not
                    // walk cleanly is refused rather than published with what it carries.
                    super::strip::strip(&bytes, format).ok_or_else(|| {
                        corrupt(&"its structure could not be read to remove its metadata")
                    })?
                } else {
                    bytes
                };
                (out, ext, facts)
            }
        }
    };
    let original = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let keep_ext = source
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    // A JPEG keeps the extension it had (`.jpeg` stays `.jpeg`), lower-cased.
    let ext = match (ext, keep_ext.as_deref()) {
        ("jpg", Some("jpeg")) => "jpeg".to_owned(),
        (e, _) => e.to_owned(),
    };
    let name = photo_name(&original, facts.captured, &ext);
    let placed = place(dest_dir, &name, &out)?;
    Ok(Imported {
        source: source.to_owned(),
        reused: placed.1,
        name: placed
            .0
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: placed.0,
        alt: alt_from_name(&original),
        captured: facts.capture(),
    })
}

/// A HEIC/HEIF/AVIF photo as a JPEG (a PNG when it has transparency): decoded by libheif
/// with its own transforms, turned upright by its EXIF orientation when it has none, shrunk,
/// its colour profile kept and its location dropped, exactly as a JPEG is.
fn heif_photo(
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<(Vec<u8>, &'static str, PhotoFacts), String> {
    let decoded = super::heif::decode(bytes)?;
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
        true,
    )?;
    Ok((out, ext, facts))
}

/// Put `bytes` into `dir` as `name` (or `name-2`, `-3`…), reusing an identical file.
fn place(dir: &Path, name: &str, bytes: &[u8]) -> Result<(PathBuf, bool), PhotoError> {
    let write_err = |e: std::io::Error| PhotoError::Write {
        path: dir.join(name),
        source: e,
    };
    std::fs::create_dir_all(dir).map_err(write_err)?;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let same_len = entry
                .metadata()
                .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
            if same_len && std::fs::read(entry.path()).is_ok_and(|b| b == bytes) {
                return Ok((entry.path(), true));
            }
        }
    }
    for n in 1..10_000 {
        let candidate = if n == 1 {
            name.to_owned()
        } else {
            crate::journal::post_name::numbered(name, n)
        };
        let path = dir.join(&candidate);
        // Names are single path segments; this holds whatever the original was called.
        if path.parent() != Some(dir) {
            return Err(write_err(std::io::Error::other("unsafe file name")));
        }
        match create_new_atomic(&path, bytes) {
            Ok(true) => return Ok((path, false)),
            Ok(false) => {}
            Err(super::SiteError::Io { source, .. }) => {
                return Err(PhotoError::Write { path, source });
            }
            Err(e) => return Err(write_err(std::io::Error::other(e.to_string()))),
        }
    }
    Err(write_err(std::io::Error::other(
        "too many photos with this name",
    )))
}

/// Decode (a JPEG straight at a reduced scale when it will be shrunk), turn upright,
/// shrink and encode. Photos become JPEG; images with transparency stay PNG.
fn reencode_photo(
    bytes: &[u8],
    format: ImageFormat,
    facts: &PhotoFacts,
    options: &ImportOptions,
) -> Result<(Vec<u8>, &'static str), String> {
    let image = match format {
        ImageFormat::Jpeg => decode_jpeg_scaled(bytes, options.max_edge)?,
        f => image::load_from_memory_with_format(bytes, f).map_err(|e| e.to_string())?,
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
        format != ImageFormat::Jpeg,
    )
}

/// Turn `image` upright by EXIF `orientation`, shrink it, and encode it: as PNG when it has
/// transparency and `png_ok`, else as JPEG; with the colour profile `icc`, and with `keep`
/// (the original EXIF, location included, marked upright) when the user keeps metadata.
fn encode_upright(
    mut image: DynamicImage,
    orientation: u16,
    icc: Option<&[u8]>,
    keep: Option<Vec<u8>>,
    options: &ImportOptions,
    png_ok: bool,
) -> Result<(Vec<u8>, &'static str), String> {
    if let Some(o) = image::metadata::Orientation::from_exif(orientation as u8) {
        image.apply_orientation(o);
    }
    if let Some(max) = options.max_edge
        && image.width().max(image.height()) > max
    {
        image = image.resize(max, max, image::imageops::FilterType::Triangle);
    }
    let mut out = Vec::new();
    if image.color().has_alpha() && png_ok {
        let mut encoder = image::codecs::png::PngEncoder::new(&mut out);
        if let Some(icc) = icc {
            let _ = image::ImageEncoder::set_icc_profile(&mut encoder, icc.to_vec());
        }
        image
            .write_with_encoder(encoder)
            .map_err(|e| e.to_string())?;
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
    encoder.encode_image(&rgb).map_err(|e| e.to_string())?;
    if let Some(mut exif) = keep {
        // Keep the metadata (location included), marked upright since the pixels now are.
        photo_meta::mark_upright(&mut exif);
        out = photo_meta::with_exif(out.clone(), exif).unwrap_or(out);
    }
    Ok((out, "jpg"))
}

/// Decode a JPEG at the largest DCT scale (1, 1/2, 1/4, 1/8) whose long edge fits in
/// `max_edge`: a 4032-pixel photo decodes straight to 2016 pixels, a quarter of the work,
/// and needs no resampling after.
fn decode_jpeg_scaled(bytes: &[u8], max_edge: Option<u32>) -> Result<DynamicImage, String> {
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
pub fn decode_jpeg_covering(bytes: &[u8], long_edge: u32) -> Result<DynamicImage, String> {
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
) -> Result<DynamicImage, String> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(|e| e.to_string())?;
    let info = decoder.info().ok_or("no image information")?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let divisor = divisor_for(w.max(h));
    if divisor > 1 {
        let req = |d: u32| u16::try_from(d.div_ceil(divisor)).unwrap_or(u16::MAX);
        decoder.scale(req(w), req(h)).map_err(|e| e.to_string())?;
    }
    let pixels = decoder.decode().map_err(|e| e.to_string())?;
    let info = decoder.info().ok_or("no image information")?;
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
    image.ok_or_else(|| "the decoded image has the wrong size".to_owned())
}

#[cfg(test)]
#[path = "photos_tests.rs"]
mod tests;
