//! Importing a photo into the site: read, check, turn upright, shrink, drop location and
//! other identifying metadata, name, and copy into the images folder without overwriting.
//!
//! Originals are never modified. A photo that needs no pixel change is copied with its
//! metadata removed losslessly (no re-encoding). Output files appear whole or not at all
//! (temp file + link), only inside the images folder, and a photo already there byte for
//! byte is reused instead of copied again.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::ImageFormat;

use super::photo_codec::GifAs;
use super::photo_meta;
use super::store::create_new_atomic;
use crate::journal::photos::{alt_from_name, folder_in_use, photo_name, safe_folder};

use super::photo_kind::{Kind, kind_of};
pub use super::photo_kind::{MAX_FILE_BYTES, MAX_PIXELS};
use crate::i18n::Words;
use crate::words;

pub use super::photo_format::{ImportOptions, PhotoFormat};

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
    /// Width and height of the file written.
    pub size: Option<(u32, u32)>,
}

/// Why one photo could not be imported; worded where it is shown.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.words())]
pub enum PhotoError {
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    NotAnImage {
        path: PathBuf,
    },
    Unsupported {
        path: PathBuf,
        format: String,
    },
    NoDecoder {
        path: PathBuf,
        format: String,
        why: super::dylib::LibraryError,
    },
    Corrupt {
        path: PathBuf,
        message: Words,
    },
    TooLarge {
        path: PathBuf,
        megapixels: u64,
    },
    FileTooLarge {
        path: PathBuf,
        megabytes: u64,
    },
    Cancelled {
        path: PathBuf,
    },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl PhotoError {
    /// What went wrong, as words for the window or the command line.
    pub fn words(&self) -> Words {
        let file = |p: &PathBuf| p.display().to_string();
        match self {
            PhotoError::Unreadable { path, source } => {
                words!(
                    "photo-unreadable",
                    file = file(path),
                    error = Words::of_error(source)
                )
            }
            PhotoError::NotAnImage { path } => words!("photo-not-an-image", file = file(path)),
            PhotoError::Unsupported { path, format } => {
                words!("photo-unsupported", file = file(path), format = format)
            }
            PhotoError::NoDecoder { path, format, why } => words!(
                "photo-no-decoder",
                file = file(path),
                format = format,
                error = why.words()
            ),
            PhotoError::Corrupt { path, message } => {
                words!("photo-corrupt", file = file(path), error = message.clone())
            }
            PhotoError::TooLarge { path, megapixels } => words!(
                "photo-too-many-pixels",
                file = file(path),
                megapixels = *megapixels,
                limit = MAX_PIXELS / 1_000_000
            ),
            PhotoError::FileTooLarge { path, megabytes } => words!(
                "photo-file-too-large",
                file = file(path),
                megabytes = *megabytes,
                limit = MAX_FILE_BYTES / 1024 / 1024
            ),
            PhotoError::Cancelled { path } => words!("photo-cancelled", file = file(path)),
            PhotoError::Write { path, source } => {
                words!(
                    "photo-cannot-write",
                    file = file(path),
                    error = Words::of_error(source)
                )
            }
        }
    }
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
                source: std::io::Error::other(words!("outside-site-not-written")),
            })
        }
    }

    /// `images/folder/` as shown to the user.
    pub fn shown(&self) -> String {
        format!("{}/{}/", self.root, self.folder)
    }

    /// The URL the post links an imported photo with.
    pub fn url(&self, photo: &Imported, baseurl: &str) -> String {
        crate::journal::photos::photo_url(self.root, &self.folder, &photo.name, baseurl)
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
                    source: std::io::Error::other(words!("import-stopped")),
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
    let corrupt = |message: Words| PhotoError::Corrupt {
        path: source.to_owned(),
        message,
    };
    let by_codec = |e: super::codec_error::CodecError| corrupt(e.words());
    let by_image = |e: image::ImageError| corrupt(Words::of_error(&e));
    let too_large = |w: u32, h: u32| {
        let pixels = u64::from(w) * u64::from(h);
        (pixels > MAX_PIXELS).then(|| PhotoError::TooLarge {
            path: source.to_owned(),
            megapixels: pixels / 1_000_000,
        })
    };
    let (out, ext, facts) = match kind {
        Kind::Heif(_) => {
            let (w, h) = super::heif::dimensions(&bytes).map_err(by_codec)?;
            if let Some(e) = too_large(w, h) {
                return Err(e);
            }
            super::photo_codec::heif_photo(&bytes, options).map_err(by_codec)?
        }
        Kind::Raster(format) => {
            let (w, h) = image::ImageReader::with_format(Cursor::new(&bytes), format)
                .into_dimensions()
                .map_err(by_image)?;
            if let Some(e) = too_large(w, h) {
                return Err(e);
            }
            let facts = photo_meta::facts(&bytes);
            let too_big = options.max_edge.is_some_and(|m| w.max(h) > m);
            // Animated GIFs keep their frames: they are copied as they are.
            let convert = options.format == PhotoFormat::Webp && format != ImageFormat::WebP;
            let reencode =
                format != ImageFormat::Gif && (facts.orientation != 1 || too_big || convert);
            // An animated GIF becomes an animated WebP when WebP is asked for (else, and when
            // it is too long to convert, it stays a GIF); a still GIF is a still photo.
            let gif_as = (format == ImageFormat::Gif && options.format == PhotoFormat::Webp)
                .then(|| super::photo_codec::gif_to_webp(&bytes, options));
            if let Some(GifAs::Animation(webp)) = gif_as {
                (webp.map_err(by_codec)?, "webp", facts)
            } else if reencode || matches!(gif_as, Some(GifAs::Still)) {
                let (out, ext) =
                    super::photo_codec::reencode_photo(&bytes, format, &facts, options)
                        .map_err(by_codec)?;
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
                image::load_from_memory_with_format(&bytes, format).map_err(by_image)?;
                let out = if options.strip_metadata {
                    // Rebuilt from the blocks that draw the picture; a file that does not
                    // walk cleanly is refused rather than published with what it carries.
                    super::strip::strip(&bytes, format)
                        .ok_or_else(|| corrupt(words!("metadata-unreadable")))?
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
    // The size written into `<img>` tags: read from the file's header.
    let size = image::ImageReader::new(Cursor::new(&out))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_dimensions().ok());
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
        size,
    })
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
            // Hidden files are never photos of the site: among them are the temp files of
            // another photo being written at this moment, which must not be "reused".
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
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
            return Err(write_err(std::io::Error::other(words!("unsafe-file-name"))));
        }
        match create_new_atomic(&path, bytes) {
            Ok(true) => return Ok((path, false)),
            Ok(false) => {}
            Err(super::SiteError::Io { source, .. }) => {
                return Err(PhotoError::Write { path, source });
            }
            Err(e) => return Err(write_err(std::io::Error::other(e.words()))),
        }
    }
    Err(write_err(std::io::Error::other(words!(
        "too-many-photos-with-name"
    ))))
}

/// Remove a photo this session copied into the site at `root` (and then did not link);
/// nothing outside the site is ever removed.
pub fn remove_copy(root: &Path, path: &Path) {
    if super::within(root, path) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
#[path = "photos_tests.rs"]
mod tests;
