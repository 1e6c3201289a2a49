//! Background work: threads that own slow or blocking IO and report through one [`Event`]
//! enum over a channel, waking the window with a [`Waker`]. [`Workers::inline`] runs every
//! job on the calling thread instead, for tests without threads or sleeps. (The preview's
//! and the photos' loaders make egui textures: they are the window's, in `ui/`.)

pub mod autosave;
pub mod git;
pub mod import;
pub mod post_check;
pub mod spell;
pub mod watcher;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::journal::check::Problem;
use crate::site::check::{CheckError, Checker};
use crate::site::codec_error::CodecError;
use crate::site::git::GitError;
use crate::site::index::{PostSummary, index_site};
use crate::site::photos::PhotoError;
use crate::site::rename::RenameError;
use crate::site::{Site, SiteError};

/// What a worker reports to the UI. Past tense: it has happened.
#[derive(Debug)]
pub enum Event {
    /// The site at `root` was indexed.
    SiteIndexed {
        root: PathBuf,
        posts: Vec<PostSummary>,
        /// Which request this answers: a late result for an older one is ignored.
        seq: u64,
    },
    /// Files changed under the site at `root` (another program, git, a sync). `rescan` says
    /// why the whole site should be read again, when it should.
    FilesChanged {
        root: PathBuf,
        paths: Vec<PathBuf>,
        rescan: Option<crate::i18n::Words>,
    },
    /// A thumbnail of photo `index` of import `batch` was made (upright), with its capture
    /// time, or could not be.
    PhotoPreviewed {
        batch: u64,
        index: usize,
        result: Result<(Thumbnail, Option<crate::journal::trip::CaptureTime>), CodecError>,
    },
    /// A photo of import `batch` started processing.
    PhotoStarted { batch: u64, index: usize },
    /// A photo of import `batch` was imported, or could not be (the message says why).
    PhotoImported {
        batch: u64,
        index: usize,
        result: Result<crate::site::photos::Imported, PhotoError>,
    },
    /// Reading an image from the clipboard failed.
    PasteFailed(import::PasteError),
    /// The recovery copy of `post`'s unsaved text (its text `generation`) is written.
    Autosaved { post: PathBuf, generation: u64 },
    /// The recovery copy of `post`'s unsaved text could not be written.
    AutosaveFailed {
        post: PathBuf,
        generation: u64,
        error: crate::site::SiteError,
    },
    /// The picker closed; `no_dialog` when it could not show one at all.
    PhotosPicked {
        paths: Option<Vec<PathBuf>>,
        no_dialog: bool,
    },
    /// An image was renamed (or could not be), with every link to it; `generation` is the
    /// open post's text generation the rename was asked at.
    ImageRenamed {
        root: PathBuf,
        result: Result<crate::site::rename::Renamed, RenameError>,
        open: Option<(PathBuf, u64)>,
    },
    /// A rename was undone (or could not be).
    RenameUndone {
        root: PathBuf,
        result: Result<String, SiteError>,
    },
    /// The git state of the site at `root` was read (or why it could not be: no git, not a
    /// repository).
    GitState {
        root: PathBuf,
        state: Result<crate::site::git::GitState, GitError>,
    },
    /// What publishing `post` (its text at `generation`) would commit.
    PublishPlanned {
        root: PathBuf,
        post: PathBuf,
        generation: u64,
        plan: Result<crate::site::publish::PublishPlan, GitError>,
    },
    /// A line git printed while committing, pushing or pulling.
    GitProgress { root: PathBuf, line: String },
    /// A commit, push or pull finished.
    GitFinished {
        root: PathBuf,
        outcome: git::GitOutcome,
    },
    /// The open post `path` (its text at `generation`, the site's files at
    /// `files_generation`) was checked: its problems and the site files its page uses.
    PostChecked {
        root: PathBuf,
        path: PathBuf,
        generation: u64,
        files_generation: u64,
        problems: Vec<Problem>,
        uses: Vec<String>,
    },
    /// The whole site at `root` was checked.
    SiteChecked {
        root: PathBuf,
        /// The problems, or why the check could not finish.
        problems: Result<Vec<Problem>, CheckError>,
        seq: u64,
    },
}

/// A photo's thumbnail, upright, as RGBA pixels.
pub type Thumbnail = std::sync::Arc<image::RgbaImage>;

/// The channel workers report on, and the context to wake.
pub struct Workers {
    /// Numbers requests, so results can be told apart by age.
    seq: std::sync::atomic::AtomicU64,
    /// The site to index when the running index is done (`Some` while one runs).
    index_pending: std::sync::Arc<std::sync::Mutex<Option<Site>>>,
    /// The newest index request's number.
    index_seq: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// The checker of the open post's site, kept between its checks.
    post_checker: post_check::SharedChecker,
    pub(crate) tx: Sender<Event>,
    rx: Receiver<Event>,
    pub(crate) waker: Waker,
    /// Run every job on the calling thread (tests: no threads, no sleeps).
    inline: bool,
}

/// Wakes whoever drains the events (the window repaints).
#[derive(Clone)]
pub struct Waker(std::sync::Arc<dyn Fn() + Send + Sync>);

impl Waker {
    pub fn new(wake: impl Fn() + Send + Sync + 'static) -> Waker {
        Waker(std::sync::Arc::new(wake))
    }

    pub fn wake(&self) {
        (self.0)();
    }
}

impl Workers {
    /// Workers on threads, waking `waker` when they report.
    pub fn new(waker: Waker) -> Workers {
        Self::with(waker, false)
    }

    /// Workers that run every job on the calling thread, before the call returns: the
    /// session's tests see each event on the next drain, with no threads and no sleeps.
    pub fn inline() -> Workers {
        Self::with(Waker::new(|| {}), true)
    }

    fn with(waker: Waker, inline: bool) -> Workers {
        let (tx, rx) = channel();
        Workers {
            seq: std::sync::atomic::AtomicU64::new(0),
            index_pending: std::sync::Arc::default(),
            index_seq: std::sync::Arc::default(),
            post_checker: std::sync::Arc::default(),
            tx,
            rx,
            waker,
            inline,
        }
    }

    /// Run `work` on a named thread and report its event, waking the UI.
    fn report_from_thread(&self, name: &str, work: impl FnOnce() -> Event + Send + 'static) {
        let (tx, waker) = (self.tx.clone(), self.waker.clone());
        self.spawn(name, move || {
            // The receiver is gone only when the app is closing.
            let _ = tx.send(work());
            waker.wake();
        });
    }

    /// Run `work` on a named thread, or right here when the workers run inline (tests);
    /// `false` when no thread could be started.
    pub(crate) fn spawn(&self, name: &str, work: impl FnOnce() + Send + 'static) -> bool {
        if self.inline {
            work();
            return true;
        }
        match std::thread::Builder::new()
            .name(format!("daybook-{name}"))
            .spawn(work)
        {
            Ok(_) => true,
            Err(e) => {
                eprintln!("daybook: could not start the {name} thread: {e}");
                false
            }
        }
    }

    /// Index `site` on a worker thread; reports [`Event::SiteIndexed`].
    /// Requests made while an index runs are folded into one more run after it: a burst of
    /// file events (a `git pull`) indexes the site twice at most, not once per file.
    pub fn index(&self, site: &Site) -> u64 {
        use std::sync::atomic::Ordering;
        let seq = self.next_seq();
        self.index_seq.fetch_max(seq, Ordering::Relaxed);
        let mut pending = self
            .index_pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let running = pending.is_some();
        *pending = Some(site.clone());
        drop(pending);
        if running {
            return seq;
        }
        let (tx, waker) = (self.tx.clone(), self.waker.clone());
        let pending = std::sync::Arc::clone(&self.index_pending);
        let counter = std::sync::Arc::clone(&self.index_seq);
        let spawned = self.spawn("index", move || {
            loop {
                let Some(site) = pending
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .clone()
                else {
                    return;
                };
                let seq = counter.load(Ordering::Relaxed);
                let posts = index_site(&site);
                let _ = tx.send(Event::SiteIndexed {
                    posts,
                    root: site.root.clone(),
                    seq,
                });
                waker.wake();
                let mut guard = pending
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                // Asked again meanwhile (for this site or another): run again; else done.
                if guard.as_ref().is_some_and(|s| s.root == site.root)
                    && counter.load(Ordering::Relaxed) == seq
                {
                    *guard = None;
                    return;
                }
            }
        });
        if !spawned {
            *self
                .index_pending
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        }
        seq
    }

    /// The autosave mailbox for `folder`: its own thread, or inline like these workers.
    pub fn autosave(&self, folder: std::path::PathBuf) -> autosave::Autosave {
        let report = autosave::Report {
            tx: self.tx.clone(),
            waker: self.waker.clone(),
        };
        if self.inline {
            autosave::Autosave::inline(folder, report)
        } else {
            autosave::Autosave::start(folder, report)
        }
    }

    fn next_seq(&self) -> u64 {
        self.seq.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
    }

    /// Watch the site for changes made by others; reports [`Event::FilesChanged`].
    pub fn watch(&self, site: &Site) -> Result<watcher::SiteWatcher, watcher::WatchError> {
        watcher::watch(&site.root, self.tx.clone(), self.waker.clone())
    }

    /// Check the whole site on a worker thread; reports [`Event::SiteChecked`].
    pub fn check_site(&self, site: &Site) -> u64 {
        let site = site.clone();
        let seq = self.next_seq();
        self.report_from_thread("check", move || Event::SiteChecked {
            problems: Checker::new(&site, chrono::Utc::now().fixed_offset()).check_site(),
            root: site.root,
            seq,
        });
        seq
    }

    /// Rename site image `rel` and every link to it on a worker; the open post (path, text,
    /// generation) is updated in memory only. Reports [`Event::ImageRenamed`].
    pub fn rename_image(&self, site: &Site, rel: String, open: Option<(PathBuf, String, u64)>) {
        let site = site.clone();
        self.report_from_thread("rename", move || {
            let checker = Checker::new(&site, chrono::Utc::now().fixed_offset());
            let result = crate::site::rename::rename_image(
                &checker,
                &rel,
                open.as_ref().map(|(p, t, _)| (p.as_path(), t.as_str())),
            )
            .map_err(|source| RenameError { rel, source });
            Event::ImageRenamed {
                root: site.root,
                result,
                open: open.map(|(p, _, g)| (p, g)),
            }
        });
    }

    /// Undo `renamed` on a worker. Reports [`Event::RenameUndone`].
    pub fn undo_rename(&self, site: &Site, renamed: crate::site::rename::Renamed) {
        let root = site.root.clone();
        self.report_from_thread("rename", move || Event::RenameUndone {
            result: crate::site::rename::undo_rename(&root, &renamed)
                .map(|()| renamed.old_rel.clone()),
            root,
        });
    }

    /// Events that arrived since the last call.
    pub fn drain(&self) -> Vec<Event> {
        self.rx.try_iter().collect()
    }
}
