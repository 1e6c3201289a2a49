//! The preview worker: prepares the open post as Jekyll publishes it (Liquid, kramdown),
//! resolves its images against the site's files, and typesets its math — off the UI thread,
//! so typing never waits for it.
//!
//! The UI asks with [`PreviewWorker::request`] (a newer request replaces one not yet
//! started) and takes results with [`PreviewWorker::poll`]; each result names the text
//! generation it was made from, so a late result for an old generation is still shown
//! until the newer one arrives, never after it.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::ColorImage;

use crate::i18n::Words;
use crate::journal::check::browser_url;
use crate::journal::check::{SiteFiles, not_shown_reason};
use crate::journal::front_matter::FrontMatter;
use crate::journal::kramdown::Doc;
use crate::journal::links::{LinkContext, Resolved, resolve};
use crate::journal::liquid::{UNRESOLVED_OPEN, restore_markers};
use crate::site::Site;
use crate::site::check::{CheckerCache, SiteFileSet};

/// What the worker keeps between jobs: the site's checker (renderer and files), and typeset
/// math.
#[derive(Default)]
pub struct WorkerState {
    checker: CheckerCache,
    math: HashMap<String, Option<MathImage>>,
}

/// What the UI sends the worker.
enum Msg {
    Job(Box<PreviewJob>),
    /// A result the UI is done with: freed here, not on the UI thread.
    Drop(Box<Prepared>),
}

/// Math images kept between requests, at most.
const MATH_CACHE: usize = 512;

/// What to prepare.
pub struct PreviewJob {
    pub site: Site,
    /// Bumped when the site's files may have changed: includes and the file list are
    /// read again.
    pub files_generation: u64,
    pub path: PathBuf,
    /// Site-relative path.
    pub rel: String,
    pub text: std::sync::Arc<str>,
    pub generation: u64,
}

/// How one image of the post will show.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageView {
    /// A site file: a `file://` URI for the photo loader.
    File { uri: String },
    /// Not on the published site: what the page asks for and why it is missing.
    Missing { target: String, why: Words },
    /// A remote image (never fetched).
    Remote { url: String },
    /// Its URL uses Liquid daybook cannot evaluate.
    Unresolved { expr: String },
    /// A site file browsers do not draw (HEIC, an empty file, not a picture): why.
    NotShown { why: Words },
}

/// A typeset formula (white on transparent; tinted when drawn).
#[derive(Clone)]
pub struct MathImage {
    pub image: Arc<ColorImage>,
    /// Pixels per point the image was rendered for.
    pub scale: f32,
}

/// The heading the layout shows above the body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageHeading {
    pub title: Option<String>,
    pub date: Option<String>,
    pub categories: Vec<String>,
}

/// A prepared post.
pub struct Prepared {
    pub path: PathBuf,
    pub generation: u64,
    /// The job's [`PreviewJob::files_generation`]: the site's files it was prepared with.
    pub files_generation: u64,
    pub doc: Doc,
    pub heading: PageHeading,
    /// By index of `doc.images`.
    pub images: Vec<ImageView>,
    /// Typeset math by TeX source (`None` when it could not be typeset).
    pub math: HashMap<String, Option<MathImage>>,
    /// Per top-level block: a key from its source text, for caching measured heights.
    pub keys: Vec<u64>,
    /// The post's URL (for `#anchor` links and relative links).
    pub links: LinkContext,
    /// Counts of the page's text, and its headings.
    pub stats: crate::journal::stats::TextStats,
    pub outline: Vec<crate::journal::stats::OutlineItem>,
    /// How long preparing took.
    pub took: std::time::Duration,
}

/// Sends jobs to the worker thread and takes its results.
pub struct PreviewWorker {
    tx: Sender<Msg>,
    rx: Receiver<Prepared>,
    busy: bool,
    pending: Option<PreviewJob>,
}

impl PreviewWorker {
    /// Start the worker; `wake` is called when a result is ready.
    pub fn start(wake: Box<dyn Fn() + Send>) -> PreviewWorker {
        let (tx, job_rx) = channel::<Msg>();
        let (result_tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("daybook-preview".into())
            .spawn(move || {
                let mut state = WorkerState::default();
                while let Ok(msg) = job_rx.recv() {
                    let mut job = match msg {
                        Msg::Job(job) => *job,
                        Msg::Drop(old) => {
                            drop(old);
                            continue;
                        }
                    };
                    // Only the newest waiting job matters.
                    while let Ok(newer) = job_rx.try_recv() {
                        match newer {
                            Msg::Job(newer) => job = *newer,
                            Msg::Drop(old) => drop(old),
                        }
                    }
                    let result = prepare(&job, &mut state);
                    if result_tx.send(result).is_err() {
                        return;
                    }
                    wake();
                }
            });
        if let Err(e) = spawned {
            eprintln!("daybook: could not start the preview thread: {e}");
        }
        PreviewWorker {
            tx,
            rx,
            busy: false,
            pending: None,
        }
    }

    /// Ask for `job`; replaces a request that has not started.
    pub fn request(&mut self, job: PreviewJob) {
        if self.busy {
            self.pending = Some(job);
        } else if self.tx.send(Msg::Job(Box::new(job))).is_ok() {
            self.busy = true;
        }
    }

    /// Free a result on the worker thread (a large post's tree takes a while to free).
    pub fn discard(&self, old: Prepared) {
        let _ = self.tx.send(Msg::Drop(Box::new(old)));
    }

    /// Whether a request is being prepared or waiting.
    pub fn is_busy(&self) -> bool {
        self.busy || self.pending.is_some()
    }

    /// The newest result, if one arrived.
    pub fn poll(&mut self) -> Option<Prepared> {
        let mut latest = None;
        while let Ok(r) = self.rx.try_recv() {
            latest = Some(r);
            self.busy = false;
        }
        if !self.busy
            && let Some(job) = self.pending.take()
            && self.tx.send(Msg::Job(Box::new(job))).is_ok()
        {
            self.busy = true;
        }
        latest
    }
}

fn hash_of(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Prepare one post (also used directly by tests and benches).
pub fn prepare(job: &PreviewJob, state: &mut WorkerState) -> Prepared {
    let started = std::time::Instant::now();
    let checker = state.checker.get(&job.site, job.files_generation);
    let (renderer, files) = (&checker.renderer, &checker.files);
    let math_cache = &mut state.math;
    let fm = FrontMatter::parse(&job.text).unwrap_or_else(|_| FrontMatter::empty());
    let (doc, page) = renderer.prepare_with(&job.rel, &job.text, &fm);
    let config = &renderer.site().config;
    let links = LinkContext {
        baseurl: config.baseurl.clone(),
        url: config.url.clone(),
        post_url: page.url.clone(),
    };
    let root = &renderer.site().root;
    let images = doc
        .images
        .iter()
        .map(|img| image_view(&img.src, &doc.unresolved, &links, files, root))
        .collect();
    let heading = PageHeading {
        title: fm.title(),
        date: page
            .date
            .as_deref()
            .map(|d| d.get(..16).unwrap_or(d).to_owned()),
        categories: fm.categories(),
    };
    let stats = crate::journal::stats::count(&crate::journal::stats::page_text(&doc));
    let outline = crate::journal::stats::outline(&doc);
    // What a `markdown="1"` element holds is drawn inside it (a `<details>` folds it).
    let mut doc = doc;
    doc.blocks = crate::journal::kramdown::nest_containers(std::mem::take(&mut doc.blocks));
    let mut keys = Vec::with_capacity(doc.blocks.len());
    for (i, b) in doc.blocks.iter().enumerate() {
        let end = doc.blocks.get(i + 1).map_or(job.text.len(), |n| n.at);
        let slice = job.text.get(b.at..end.max(b.at)).unwrap_or_default();
        keys.push(hash_of(slice));
    }
    let mut math = HashMap::new();
    for tex in math_sources(&doc) {
        let (src, display) = tex;
        let key = math_key(&src, display);
        let rendered = math_cache
            .entry(key.clone())
            .or_insert_with(|| typeset(&src, display))
            .clone();
        math.insert(key, rendered);
    }
    if math_cache.len() > MATH_CACHE {
        math_cache.clear();
    }
    Prepared {
        path: job.path.clone(),
        generation: job.generation,
        files_generation: job.files_generation,
        doc,
        heading,
        images,
        math,
        keys,
        links,
        stats,
        outline,
        took: started.elapsed(),
    }
}

/// The key a formula's image is stored under.
pub fn math_key(tex: &str, display: bool) -> String {
    format!("{}{tex}", if display { "D" } else { "T" })
}

fn math_sources(doc: &Doc) -> Vec<(String, bool)> {
    use crate::journal::kramdown::{BlockKind, Inline, Visit};
    let mut out = Vec::new();
    doc.visit(&mut |v| match v {
        Visit::Inline(Inline::Math(t)) => out.push((t.clone(), false)),
        Visit::Block(b) => {
            if let BlockKind::Math(t) = &b.kind {
                out.push((t.clone(), true));
            }
        }
        _ => {}
    });
    out
}

/// Typeset TeX with latex-rust (STIX Two Math), as white glyphs to be tinted when drawn.
pub fn typeset(tex: &str, display: bool) -> Option<MathImage> {
    use latex_rust::{Color, MathFont, PngOptions};
    if tex.len() > 4000 {
        return None;
    }
    let font = MathFont::stix_two_math().ok()?;
    let mut options = PngOptions::new();
    options.display = display;
    options.color = Color::rgb(255, 255, 255);
    // 12 pt at 144 dpi is two pixels per point; drawn at 1.6 pixels per point, the
    // formula's em matches the body text.
    let png = std::panic::catch_unwind(|| latex_rust::latex_to_png(tex, &font, &options))
        .ok()?
        .ok()?;
    let decoded = image::load_from_memory_with_format(&png, image::ImageFormat::Png).ok()?;
    let rgba = decoded.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Some(MathImage {
        image: Arc::new(ColorImage::from_rgba_unmultiplied(size, rgba.as_raw())),
        scale: 1.6,
    })
}

fn image_view(
    src: &str,
    unresolved: &[String],
    links: &LinkContext,
    files: &SiteFileSet,
    root: &std::path::Path,
) -> ImageView {
    if src.contains(UNRESOLVED_OPEN) {
        return ImageView::Unresolved {
            expr: restore_markers(src, unresolved),
        };
    }
    let (url, _) = browser_url(src);
    match resolve(&url, links) {
        Resolved::Remote(url) => ImageView::Remote { url },
        Resolved::SiteFile(rel) if files.exists(&rel) => {
            match files
                .image_kind(&rel)
                .and_then(|kind| not_shown_reason(kind, &rel))
            {
                Some(why) => ImageView::NotShown { why },
                None => ImageView::File {
                    uri: format!("file://{}/{rel}", root.display()),
                },
            }
        }
        Resolved::SiteFile(rel) => ImageView::Missing {
            why: files
                .unpublished_reason(&rel)
                .unwrap_or_else(|| crate::words!("no-such-file")),
            target: format!("/{rel}"),
        },
        Resolved::OutsideSite(url) if files.exists(url.trim_start_matches('/')) => {
            ImageView::File {
                uri: format!("file://{}{url}", root.display()),
            }
        }
        Resolved::OutsideSite(url) => ImageView::Missing {
            target: url,
            why: crate::words!("outside-the-site"),
        },
    }
}
