//! The preview's image loader: photos decoded on worker threads, upright, at display size,
//! in a bounded cache.
//!
//! `egui_extras`' loader keeps every photo at full resolution forever (a 12 MP JPEG is 48 MB
//! of RAM plus a 48 MB texture). This one, registered as the only loader for `file://`
//! URIs, decodes on two worker threads, applies the EXIF orientation, downscales to the
//! width asked for (re-decoding when the preview gets wider), evicts the least recently
//! drawn images beyond a byte budget, and reloads a file whose modification time changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use egui::load::{ImageLoadResult, ImageLoader, ImagePoll, LoadError, SizeHint};
use egui::{ColorImage, Context};
use image::{DynamicImage, ImageDecoder, ImageReader};

/// The long edge used when the viewer does not say how wide it will draw.
const DEFAULT_EDGE: u32 = 1600;
/// Never decode wider than this for the preview.
const MAX_EDGE: u32 = 2560;

enum Entry {
    Pending {
        edge: u32,
    },
    Ready {
        image: Arc<ColorImage>,
        edge: u32,
        modified: Option<SystemTime>,
        last_pass: u64,
    },
    Failed(String),
}

struct Cache {
    entries: HashMap<String, Entry>,
    pass: u64,
    budget: usize,
}

impl Cache {
    fn bytes(&self) -> usize {
        self.entries
            .values()
            .map(|e| match e {
                Entry::Ready { image, .. } => image.pixels.len() * 4,
                _ => 0,
            })
            .sum()
    }

    /// Drop the least recently drawn images until the cache fits its budget; images drawn in
    /// this pass stay.
    fn evict(&mut self) {
        let mut total = self.bytes();
        if total <= self.budget {
            return;
        }
        let mut ready: Vec<(u64, String, usize)> = self
            .entries
            .iter()
            .filter_map(|(uri, e)| match e {
                Entry::Ready {
                    image, last_pass, ..
                } if *last_pass + 1 < self.pass => {
                    Some((*last_pass, uri.clone(), image.pixels.len() * 4))
                }
                _ => None,
            })
            .collect();
        ready.sort();
        for (_, uri, size) in ready {
            if total <= self.budget {
                break;
            }
            self.entries.remove(&uri);
            total -= size;
        }
    }
}

struct Job {
    uri: String,
    path: PathBuf,
    edge: u32,
}

/// The loader; register with [`PhotoLoader::install`].
pub struct PhotoLoader {
    cache: Arc<Mutex<Cache>>,
    jobs: Mutex<Sender<Job>>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl PhotoLoader {
    /// Create the loader with its worker threads and register it with `ctx`.
    pub fn install(ctx: &Context, budget_bytes: usize) -> Arc<PhotoLoader> {
        let (tx, rx) = channel::<Job>();
        let cache = Arc::new(Mutex::new(Cache {
            entries: HashMap::new(),
            pass: 0,
            budget: budget_bytes,
        }));
        let rx = Arc::new(Mutex::new(rx));
        for n in 0..2 {
            let (rx, cache, ctx) = (Arc::clone(&rx), Arc::clone(&cache), ctx.clone());
            let spawned = std::thread::Builder::new()
                .name(format!("daybook-photo-{n}"))
                .spawn(move || worker(&rx, &cache, &ctx));
            if let Err(e) = spawned {
                eprintln!("daybook: could not start a photo decoding thread: {e}");
            }
        }
        let loader = Arc::new(PhotoLoader {
            cache,
            jobs: Mutex::new(tx),
        });
        ctx.add_image_loader(loader.clone());
        loader
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn worker(rx: &Mutex<Receiver<Job>>, cache: &Mutex<Cache>, ctx: &Context) {
    loop {
        let job = {
            let rx = rx.lock().unwrap_or_else(PoisonError::into_inner);
            match rx.recv() {
                Ok(job) => job,
                Err(_) => return,
            }
        };
        let stamp = modified(&job.path);
        let entry = match decode_for_preview(&job.path, job.edge) {
            Ok(image) => Entry::Ready {
                image: Arc::new(image),
                edge: job.edge,
                modified: stamp,
                last_pass: 0,
            },
            Err(message) => Entry::Failed(message),
        };
        let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
        let pass = cache.pass;
        let entry = match entry {
            Entry::Ready {
                image,
                edge,
                modified,
                ..
            } => Entry::Ready {
                image,
                edge,
                modified,
                last_pass: pass,
            },
            other => other,
        };
        cache.entries.insert(job.uri, entry);
        drop(cache);
        ctx.request_repaint();
    }
}

/// Decode `path`, turn it upright and shrink it so its long edge is at most `edge`.
pub fn decode_for_preview(path: &Path, edge: u32) -> Result<ColorImage, String> {
    let image = decode_upright(path)?;
    let image = if image.width().max(image.height()) > edge {
        image.thumbnail(edge, edge)
    } else {
        image
    };
    let rgba = image.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()))
}

/// Decode `path` with its EXIF orientation applied; refuses images over 200 megapixels.
pub fn decode_upright(path: &Path) -> Result<DynamicImage, String> {
    let reader = ImageReader::open(path)
        .and_then(ImageReader::with_guessed_format)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    limits.max_alloc = Some(1 << 30);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    decoder
        .set_limits(limits)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| format!("{}: {e}", path.display()))?;
    image.apply_orientation(orientation);
    Ok(image)
}

fn wanted_edge(hint: SizeHint) -> u32 {
    let edge = match hint {
        SizeHint::Width(w) => w,
        SizeHint::Height(h) => h,
        SizeHint::Size { width, height, .. } => width.max(height),
        _ => DEFAULT_EDGE,
    };
    edge.clamp(64, MAX_EDGE)
}

impl ImageLoader for PhotoLoader {
    fn id(&self) -> &str {
        concat!(module_path!(), "::PhotoLoader")
    }

    fn load(&self, _ctx: &Context, uri: &str, size_hint: SizeHint) -> ImageLoadResult {
        let Some(path) = uri.strip_prefix("file://") else {
            return Err(LoadError::NotSupported);
        };
        let path = PathBuf::from(path);
        let edge = wanted_edge(size_hint);
        let mut cache = self.lock();
        let pass = cache.pass;
        let request = match cache.entries.get_mut(uri) {
            Some(Entry::Ready {
                image,
                edge: have,
                modified: stamp,
                last_pass,
            }) => {
                *last_pass = pass;
                let stale = modified(&path) != *stamp;
                let too_small = edge > *have + *have / 4;
                if !stale && !too_small {
                    return Ok(ImagePoll::Ready {
                        image: Arc::clone(image),
                    });
                }
                // Keep showing the old image while the new one decodes.
                let image = Arc::clone(image);
                cache
                    .entries
                    .insert(uri.to_owned(), Entry::Pending { edge });
                drop(cache);
                self.send(uri, path, edge);
                return Ok(ImagePoll::Ready { image });
            }
            // A larger size asked while a smaller decode runs: decode again at the larger size.
            Some(Entry::Pending { edge: pending }) => edge > *pending + *pending / 4,
            Some(Entry::Failed(message)) => return Err(LoadError::Loading(message.clone())),
            None => true,
        };
        if request {
            cache
                .entries
                .insert(uri.to_owned(), Entry::Pending { edge });
            drop(cache);
            self.send(uri, path, edge);
        }
        Ok(ImagePoll::Pending { size: None })
    }

    fn forget(&self, uri: &str) {
        self.lock().entries.remove(uri);
    }

    fn forget_all(&self) {
        self.lock().entries.clear();
    }

    fn end_pass(&self, pass_index: u64) {
        let mut cache = self.lock();
        cache.pass = pass_index;
        cache.evict();
    }

    fn byte_size(&self) -> usize {
        self.lock().bytes()
    }

    fn has_pending(&self) -> bool {
        self.lock()
            .entries
            .values()
            .any(|e| matches!(e, Entry::Pending { .. }))
    }
}

impl PhotoLoader {
    fn send(&self, uri: &str, path: PathBuf, edge: u32) {
        let sent = self
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(Job {
                uri: uri.to_owned(),
                path,
                edge,
            });
        if sent.is_err() {
            self.lock().entries.insert(
                uri.to_owned(),
                Entry::Failed("the photo decoding threads stopped".to_owned()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exif_orientation_six_is_turned_upright() {
        // The sample journal's tree photo is stored sideways (320×240) with orientation 6.
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/sample/images/busan2024/2024-05-03 14.05.11.jpg");
        let image = decode_upright(&path).unwrap();
        assert_eq!((image.width(), image.height()), (240, 320));
        // Sky (light blue) at the top, grass (green) at the bottom once upright.
        let rgb = image.to_rgb8();
        let top = rgb.get_pixel(10, 5);
        let bottom = rgb.get_pixel(10, 315);
        assert!(top[2] > 200 && top[1] > 180, "top {top:?}");
        assert!(
            bottom[1] > bottom[0] + 40 && bottom[2] < 100,
            "bottom {bottom:?}"
        );
    }

    #[test]
    fn preview_decoding_shrinks_to_the_asked_edge() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/sample/images/busan2024/2024-05-03 10.12.40.jpg");
        let image = decode_for_preview(&path, 120).unwrap();
        assert_eq!(image.size, [120, 80]);
    }

    #[test]
    fn eviction_keeps_the_cache_in_budget_and_spares_visible_images() {
        let img = |n: usize| Arc::new(ColorImage::filled([n, n], egui::Color32::WHITE));
        let mut cache = Cache {
            entries: HashMap::new(),
            pass: 10,
            budget: 3 * 100 * 100 * 4,
        };
        for (i, pass) in [1_u64, 2, 3, 10].iter().enumerate() {
            cache.entries.insert(
                format!("file:///{i}"),
                Entry::Ready {
                    image: img(100),
                    edge: 100,
                    modified: None,
                    last_pass: *pass,
                },
            );
        }
        cache.evict();
        assert!(cache.bytes() <= cache.budget);
        assert!(!cache.entries.contains_key("file:///0"), "oldest evicted");
        assert!(
            cache.entries.contains_key("file:///3"),
            "drawn this pass kept"
        );
    }

    #[test]
    fn broken_files_fail_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("broken.jpg");
        std::fs::write(&p, b"\xff\xd8\xff\xe0 not really").unwrap();
        let err = decode_for_preview(&p, 100).unwrap_err();
        assert!(err.contains("broken.jpg"), "{err}");
    }
}
