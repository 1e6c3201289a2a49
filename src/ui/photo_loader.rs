//! The preview's image loader: pictures decoded on worker threads, upright, at display size,
//! in a bounded cache.
//!
//! `egui_extras`' loader keeps every photo at full resolution forever (a 12 MP JPEG is 48 MB
//! of RAM plus a 48 MB texture). This one, registered as the only loader for `file://`
//! URIs, decodes on two worker threads every format a browser draws (`site::picture`),
//! downscales to the width asked for (re-decoding when the preview gets wider), evicts the
//! least recently drawn images beyond a byte budget, and reloads a file whose modification
//! time changed. An animation (GIF, WebP) is held as its frames: egui asks for frame `N` as
//! `URI#N` and learns the frames' delays from the [`FrameDurations`] set when they decode.

use crate::tr;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use egui::load::{ImageLoadResult, ImageLoader, ImagePoll, LoadError, SizeHint};
use egui::{ColorImage, Context, FrameDurations, Id};

use crate::site::picture::{self, Fit, PictureError};

/// The long edge used when the viewer does not say how wide it will draw.
const DEFAULT_EDGE: u32 = 1600;
/// Never decode wider than this for the preview.
const MAX_EDGE: u32 = 2560;

/// One image: what is held, and what is being decoded.
#[derive(Default)]
struct Entry {
    /// The picture's frames (one for a still picture); empty until decoded.
    frames: Vec<Arc<ColorImage>>,
    /// The box `image` was decoded to fit.
    have: (u32, u32),
    /// The box being decoded now, if a decode is under way.
    requested: Option<(u32, u32)>,
    modified: Option<SystemTime>,
    error: Option<String>,
    last_pass: u64,
}

impl Entry {
    fn bytes(&self) -> usize {
        self.frames.iter().map(|i| i.pixels.len() * 4).sum()
    }

    /// The frame shown at `frame` (animations loop).
    fn frame(&self, frame: usize) -> Option<&Arc<ColorImage>> {
        self.frames.get(frame % self.frames.len().max(1))
    }
}

/// The picture's own URI and the frame asked for: egui asks for frame `N` of a `.gif` or
/// `.webp` as `URI#N`.
fn split_frame(uri: &str) -> (&str, usize) {
    if let Some((base, n)) = uri.rsplit_once('#')
        && let Ok(n) = n.parse::<usize>()
        && animated_kind(base)
    {
        return (base, n);
    }
    (uri, 0)
}

/// Whether egui asks for `uri` frame by frame (a `.gif` or `.webp`, as egui tells them).
fn animated_kind(uri: &str) -> bool {
    egui::load::has_extension(uri, "gif") || egui::load::has_extension(uri, "webp")
}

struct Cache {
    entries: HashMap<String, Entry>,
    pass: u64,
    budget: usize,
}

impl Cache {
    fn bytes(&self) -> usize {
        self.entries.values().map(Entry::bytes).sum()
    }

    /// Drop the least recently drawn images until the cache fits its budget; images drawn in
    /// this pass or the one before stay.
    fn evict(&mut self) -> Vec<String> {
        let mut total = self.bytes();
        let mut evicted = Vec::new();
        if total <= self.budget {
            return evicted;
        }
        let mut old: Vec<(u64, String, usize)> = self
            .entries
            .iter()
            .filter(|(_, e)| {
                !e.frames.is_empty() && e.requested.is_none() && e.last_pass + 1 < self.pass
            })
            .map(|(uri, e)| (e.last_pass, uri.clone(), e.bytes()))
            .collect();
        old.sort();
        for (_, uri, size) in old {
            if total <= self.budget {
                break;
            }
            let frames = self.entries.remove(&uri).map_or(0, |e| e.frames.len());
            total -= size;
            // The textures egui made are named by the URIs it asked for: `URI#N` for each
            // frame of a GIF or WebP.
            if animated_kind(&uri) {
                evicted.extend((0..frames.max(1)).map(|i| format!("{uri}#{i}")));
            }
            evicted.push(uri);
        }
        evicted
    }
}

struct Job {
    uri: String,
    path: PathBuf,
    edge: (u32, u32),
    /// Drawn at its own size times this (see [`Fit::own_scale`]).
    own_scale: Option<f32>,
}

/// The loader; register with [`PhotoLoader::install`].
pub struct PhotoLoader {
    cache: Arc<Mutex<Cache>>,
    jobs: Mutex<Sender<Job>>,
    /// The preview's width in pixels: images shown at their own size are decoded to it.
    display_width: AtomicU32,
    /// Images dropped from the cache, whose textures the app should drop too.
    evicted: Mutex<Vec<String>>,
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
            display_width: AtomicU32::new(DEFAULT_EDGE),
            evicted: Mutex::new(Vec::new()),
        });
        ctx.add_image_loader(loader.clone());
        loader
    }

    /// Tell the loader how wide (in pixels) the preview shows images.
    pub fn set_display_width(&self, pixels: u32) {
        self.display_width
            .store(pixels.clamp(64, MAX_EDGE), Ordering::Relaxed);
    }

    /// The images evicted since the last call (their textures can go too).
    pub fn take_evicted(&self) -> Vec<String> {
        std::mem::take(&mut *self.evicted.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn send(&self, job: Job) -> bool {
        self.jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(job)
            .is_ok()
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
        let fit = Fit {
            max_w: job.edge.0,
            max_h: job.edge.1,
            own_scale: job.own_scale,
        };
        let result = decode_for_preview(&job.path, fit);
        let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = cache.entries.entry(job.uri.clone()).or_default();
        entry.requested = None;
        entry.modified = stamp;
        match result {
            Ok(frames) => {
                if frames.len() > 1 {
                    let delays = frames.iter().map(|(_, d)| *d).collect();
                    ctx.data_mut(|d| {
                        d.insert_temp(Id::unique(job.uri.as_str()), FrameDurations::new(delays));
                    });
                }
                entry.frames = frames.into_iter().map(|(f, _)| Arc::new(f)).collect();
                entry.have = job.edge;
                entry.error = None;
            }
            Err(message) => {
                entry.frames.clear();
                entry.error = Some(message.to_string());
            }
        }
        drop(cache);
        ctx.request_repaint();
    }
}

/// Decode the picture at `path` upright to fit `fit` (see [`picture::decode`]): its frames
/// with their delays.
pub fn decode_for_preview(
    path: &Path,
    fit: Fit,
) -> Result<Vec<(ColorImage, std::time::Duration)>, PictureError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let frames = picture::decode(path, &name, fit)?;
    Ok(frames
        .into_iter()
        .map(|f| {
            let size = [f.image.width() as usize, f.image.height() as usize];
            (
                ColorImage::from_rgba_unmultiplied(size, f.image.as_raw()),
                f.delay,
            )
        })
        .collect())
}

/// The box an image is decoded to fit, in pixels, and the scale of its own size when it is
/// drawn at its own size (such an image is decoded to the preview's width at most).
fn wanted_box(hint: SizeHint, display_width: u32) -> ((u32, u32), Option<f32>) {
    let ((w, h), own) = match hint {
        SizeHint::Width(w) => ((w, MAX_EDGE), None),
        SizeHint::Height(h) => ((MAX_EDGE, h), None),
        SizeHint::Size { width, height, .. } => ((width, height), None),
        SizeHint::Scale(s) => ((display_width, MAX_EDGE), Some(s.into_inner())),
    };
    ((w.clamp(64, MAX_EDGE), h.clamp(64, MAX_EDGE)), own)
}

/// Whether box `want` asks for clearly more pixels than box `have` holds.
fn larger(want: (u32, u32), have: (u32, u32)) -> bool {
    want.0 > have.0 + have.0 / 4 || want.1 > have.1 + have.1 / 4
}

impl ImageLoader for PhotoLoader {
    fn id(&self) -> &str {
        concat!(module_path!(), "::PhotoLoader")
    }

    fn load(&self, _ctx: &Context, uri: &str, size_hint: SizeHint) -> ImageLoadResult {
        let (uri, frame) = split_frame(uri);
        let Some(path) = uri.strip_prefix("file://") else {
            return Err(LoadError::NotSupported);
        };
        let path = PathBuf::from(path);
        let (want, own_scale) = wanted_box(size_hint, self.display_width.load(Ordering::Relaxed));
        let mut cache = self.lock();
        let pass = cache.pass;
        let entry = cache.entries.entry(uri.to_owned()).or_default();
        entry.last_pass = pass;
        let held = !entry.frames.is_empty();
        let stale = (held || entry.error.is_some()) && modified(&path) != entry.modified;
        let needs = match (held, entry.requested) {
            (_, Some(asked)) => larger(want, asked),
            (false, None) => entry.error.is_none() || stale,
            (true, None) => stale || larger(want, entry.have),
        };
        if needs {
            entry.requested = Some(want);
        }
        let answer = match (entry.frame(frame), &entry.error) {
            // Keep showing what is held while a sharper or newer one decodes.
            (Some(image), _) => Ok(ImagePoll::Ready {
                image: Arc::clone(image),
            }),
            (None, Some(message)) if !needs => Err(LoadError::Loading(message.clone())),
            _ => Ok(ImagePoll::Pending { size: None }),
        };
        drop(cache);
        if needs
            && !self.send(Job {
                uri: uri.to_owned(),
                path,
                edge: want,
                own_scale,
            })
        {
            return Err(LoadError::Loading(tr!("decoders-stopped")));
        }
        answer
    }

    fn forget(&self, uri: &str) {
        self.lock().entries.remove(split_frame(uri).0);
    }

    fn forget_all(&self) {
        self.lock().entries.clear();
    }

    fn end_pass(&self, pass_index: u64) {
        let mut cache = self.lock();
        cache.pass = pass_index;
        let evicted = cache.evict();
        drop(cache);
        if !evicted.is_empty() {
            self.evicted
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(evicted);
        }
    }

    fn byte_size(&self) -> usize {
        self.lock().bytes()
    }

    fn has_pending(&self) -> bool {
        self.lock().entries.values().any(|e| e.requested.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(max_w: u32, max_h: u32) -> Fit {
        Fit {
            max_w,
            max_h,
            own_scale: None,
        }
    }

    #[test]
    fn exif_orientation_six_is_turned_upright() {
        // The sample journal's tree photo is stored sideways (320×240) with orientation 6.
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/sample/images/busan2024/2024-05-03 14.05.11.jpg");
        let (image, _) = decode_for_preview(&path, fit(1000, 1000))
            .unwrap()
            .remove(0);
        assert_eq!(image.size, [240, 320]);
        // Sky (light blue) at the top, grass (green) at the bottom once upright.
        let top = image.pixels[5 * 240 + 10].to_array();
        let bottom = image.pixels[315 * 240 + 10].to_array();
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
        let (image, _) = decode_for_preview(&path, fit(120, 1000)).unwrap().remove(0);
        assert_eq!(image.size, [120, 80]);
        let sideways = path.with_file_name("2024-05-03 14.05.11.jpg");
        let (image, _) = decode_for_preview(&sideways, fit(1000, 160))
            .unwrap()
            .remove(0);
        assert_eq!(image.size, [120, 160], "upright, fitted to the box");
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
                Entry {
                    frames: vec![img(100)],
                    have: (100, 100),
                    last_pass: *pass,
                    ..Entry::default()
                },
            );
        }
        let evicted = cache.evict();
        assert_eq!(evicted, ["file:///0"]);
        assert!(cache.bytes() <= cache.budget);
        assert!(!cache.entries.contains_key("file:///0"), "oldest evicted");
        assert!(
            cache.entries.contains_key("file:///3"),
            "drawn this pass kept"
        );
    }

    #[test]
    fn the_loader_decodes_once_keeps_the_image_and_decodes_again_when_asked_for_more() {
        let ctx = Context::default();
        let loader = PhotoLoader::install(&ctx, 64 << 20);
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/sample/images/busan2024/2024-05-03 10.12.40.jpg");
        let uri = format!("file://{}", path.display());
        let small = SizeHint::Size {
            width: 100,
            height: 100,
            maintain_aspect_ratio: true,
        };
        let ready = |hint| {
            for _ in 0..500 {
                if let Ok(ImagePoll::Ready { image }) = loader.load(&ctx, &uri, hint)
                    && !loader.has_pending()
                {
                    return image;
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            panic!("never decoded");
        };
        assert_eq!(ready(small).size, [100, 67]);
        let big = SizeHint::Size {
            width: 400,
            height: 400,
            maintain_aspect_ratio: true,
        };
        // The small one stays on screen while the larger one decodes.
        assert!(matches!(
            loader.load(&ctx, &uri, big),
            Ok(ImagePoll::Ready { .. })
        ));
        assert_eq!(ready(big).size, [400, 267]);
        assert!(matches!(
            loader.load(&ctx, "https://example.com/x.jpg", big),
            Err(LoadError::NotSupported)
        ));
    }

    #[test]
    fn broken_files_fail_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("broken.jpg");
        std::fs::write(&p, b"\xff\xd8\xff\xe0 not really").unwrap();
        let err = decode_for_preview(&p, fit(100, 100)).unwrap_err();
        assert!(matches!(err, PictureError::Damaged(_)), "{err:?}");
        assert!(err.to_string().contains("broken.jpg"), "{err}");
    }
}
