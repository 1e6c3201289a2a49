//! Photo import on a worker pool (both cores) and the file picker off the UI thread.

use crate::words;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::{Event, Workers};
use crate::site::SiteError;
use crate::site::codec_error::CodecError;
use crate::site::photos::{ImportOptions, PhotoError, import};

/// Save clipboard pixels (RGBA) as `pasted-YYYY-MM-DD-HHMMSS.png` in `dir`, ready to import.
pub fn save_pasted_image(
    width: usize,
    height: usize,
    rgba: &[u8],
    dir: &std::path::Path,
    now: chrono::NaiveDateTime,
) -> Result<PathBuf, PasteError> {
    let image = u32::try_from(width)
        .ok()
        .zip(u32::try_from(height).ok())
        .and_then(|(w, h)| image::RgbaImage::from_raw(w, h, rgba.to_vec()))
        .ok_or(PasteError::WrongSize)?;
    std::fs::create_dir_all(dir).map_err(|e| SiteError::io(dir, e))?;
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(CodecError::encode)?;
    // Two pastes in the same second get two files (`-2`, `-3`…): never one over the other.
    let name = format!("pasted-{}.png", now.format("%Y-%m-%d-%H%M%S"));
    for n in 1..1000 {
        let candidate = if n == 1 {
            name.clone()
        } else {
            crate::journal::post_name::numbered(&name, n)
        };
        let path = dir.join(candidate);
        match crate::site::store::create_new_atomic(&path, &png) {
            Ok(true) => return Ok(path),
            Ok(false) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Err(PasteError::TooMany {
        folder: dir.to_owned(),
    })
}

/// Why a pasted image was not saved.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.words())]
pub enum PasteError {
    /// The clipboard holds no image, or cannot be read: the system's words.
    NoImage(String),
    /// The clipboard's image is not as large as it says.
    WrongSize,
    Encode(#[from] CodecError),
    Write(#[from] SiteError),
    /// Every numbered name of this second is taken.
    TooMany {
        folder: PathBuf,
    },
}

impl PasteError {
    /// What went wrong, as words for the window.
    pub fn words(&self) -> crate::i18n::Words {
        match self {
            PasteError::NoImage(why) => words!("no-clipboard-image", error = why),
            PasteError::WrongSize => words!("clipboard-wrong-size"),
            PasteError::Encode(e) => e.words(),
            PasteError::Write(e) => e.words(),
            PasteError::TooMany { folder } => {
                words!("too-many-pastes", folder = folder.display().to_string())
            }
        }
    }
}

/// The long edge of thumbnails in the Photos window, in pixels.
pub const THUMB_EDGE: u32 = 192;

/// A picker that answers this fast did not show a dialog: no desktop portal or zenity.
const NO_DIALOG: Duration = Duration::from_millis(400);

impl Workers {
    /// Show and import `sources` (items `first..` of import `batch`) into `dest` on two
    /// threads: first a thumbnail of each ([`Event::PhotoPreviewed`], so the Photos window
    /// fills within a second), then each photo ([`Event::PhotoStarted`],
    /// [`Event::PhotoImported`]); `cancel` stops the photos not started yet.
    pub fn import_photos(
        &self,
        batch: u64,
        first: usize,
        sources: Vec<PathBuf>,
        dest: PathBuf,
        options: ImportOptions,
        cancel: &Arc<AtomicBool>,
    ) {
        let shared = Arc::new((sources, dest, AtomicUsize::new(0), AtomicUsize::new(0)));
        for _ in 0..2 {
            let (tx, waker, shared, cancel) = (
                self.tx.clone(),
                self.waker.clone(),
                Arc::clone(&shared),
                Arc::clone(cancel),
            );
            self.spawn("import", move || {
                let (sources, dest, next, next_thumb) = &*shared;
                // Report and wake the UI; `false` once the app is gone.
                let report = |event: Event| {
                    let sent = tx.send(event).is_ok();
                    waker.wake();
                    sent
                };
                loop {
                    let i = next_thumb.fetch_add(1, Ordering::Relaxed);
                    let Some(source) = sources.get(i) else {
                        break;
                    };
                    let result = crate::site::photo_codec::thumbnail(source, THUMB_EDGE).map(|t| {
                        let captured = t.facts.capture();
                        (std::sync::Arc::new(t.image), captured)
                    });
                    let index = first + i;
                    if !report(Event::PhotoPreviewed {
                        batch,
                        index,
                        result,
                    }) {
                        return;
                    }
                }
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(source) = sources.get(i) else {
                        break;
                    };
                    let index = first + i;
                    let result = if cancel.load(Ordering::Relaxed) {
                        Err(PhotoError::Cancelled {
                            path: source.clone(),
                        })
                    } else {
                        report(Event::PhotoStarted { batch, index });
                        import(source, dest, &options)
                    };
                    if !report(Event::PhotoImported {
                        batch,
                        index,
                        result,
                    }) {
                        return;
                    }
                }
            });
        }
    }

    /// Read an image (a screenshot, a copied picture) from the clipboard off the UI thread
    /// and save it as a PNG in `dir`; reports [`Event::PhotosPicked`] with it, or
    /// [`Event::PasteFailed`].
    pub fn paste_image(&self, dir: PathBuf) {
        let (tx, waker) = (self.tx.clone(), self.waker.clone());
        self.spawn("paste", move || {
            let result = arboard::Clipboard::new()
                .and_then(|mut c| c.get_image())
                .map_err(|e| PasteError::NoImage(e.to_string()))
                .and_then(|img| {
                    save_pasted_image(
                        img.width,
                        img.height,
                        &img.bytes,
                        &dir,
                        chrono::Local::now().naive_local(),
                    )
                });
            let event = match result {
                Ok(path) => Event::PhotosPicked {
                    paths: Some(vec![path]),
                    no_dialog: false,
                },
                Err(e) => Event::PasteFailed(e),
            };
            let _ = tx.send(event);
            waker.wake();
        });
    }

    /// Show the system's multi-select picker for images off the UI thread; reports
    /// [`Event::PhotosPicked`].
    pub fn pick_photos(&self, start_in: Option<PathBuf>, title: &str, filter: &str) {
        let (tx, waker) = (self.tx.clone(), self.waker.clone());
        let (title, filter) = (title.to_owned(), filter.to_owned());
        self.spawn("picker", move || {
            let opened = Instant::now();
            let mut dialog = rfd::FileDialog::new().set_title(title).add_filter(
                filter,
                &[
                    "jpg", "jpeg", "png", "gif", "webp", "heic", "JPG", "JPEG", "PNG",
                ],
            );
            if let Some(dir) = start_in {
                dialog = dialog.set_directory(dir);
            }
            let paths = dialog.pick_files();
            let no_dialog = paths.is_none() && opened.elapsed() < NO_DIALOG;
            let _ = tx.send(Event::PhotosPicked { paths, no_dialog });
            waker.wake();
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_pixels_become_a_png_named_by_time() {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::NaiveDateTime::parse_from_str("2024-05-03 10:11:12", "%Y-%m-%d %H:%M:%S")
            .unwrap();
        let path =
            save_pasted_image(2, 1, &[255, 0, 0, 255, 0, 0, 255, 128], dir.path(), now).unwrap();
        assert!(path.ends_with("pasted-2024-05-03-101112.png"));
        let img = image::open(&path).unwrap().to_rgba8();
        assert_eq!(img.get_pixel(1, 0).0, [0, 0, 255, 128]);
        assert!(save_pasted_image(3, 3, &[0; 4], dir.path(), now).is_err());
    }

    #[test]
    fn two_images_pasted_in_the_same_second_get_two_files() {
        // Issue 11: the second used to replace the first before it was imported.
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2024, 5, 3)
            .and_then(|d| d.and_hms_opt(10, 12, 40))
            .unwrap();
        let red = [255u8, 0, 0, 255].repeat(4);
        let blue = [0u8, 0, 255, 255].repeat(4);
        let a = save_pasted_image(2, 2, &red, dir.path(), now).unwrap();
        let b = save_pasted_image(2, 2, &blue, dir.path(), now).unwrap();
        assert_ne!(a, b);
        assert_eq!(image::open(&a).unwrap().to_rgba8().get_pixel(0, 0)[0], 255);
        assert_eq!(image::open(&b).unwrap().to_rgba8().get_pixel(0, 0)[2], 255);
    }
}
