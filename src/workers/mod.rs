//! Background work: threads that own slow or blocking IO and report to the UI through one
//! [`Event`] enum over a channel, waking it with `request_repaint`.

pub mod autosave;
pub mod import;
pub mod photo_loader;
pub mod preview;
pub mod watcher;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::journal::check::Problem;
use crate::site::Site;
use crate::site::check::Checker;
use crate::site::index::{PostSummary, index_site};

/// What a worker reports to the UI. Past tense: it has happened.
#[derive(Debug)]
pub enum Event {
    /// The site at `root` was indexed.
    SiteIndexed {
        root: PathBuf,
        posts: Vec<PostSummary>,
    },
    /// Files changed under the site at `root` (another program, git, a sync). `rescan` says
    /// why the whole site should be read again, when it should.
    FilesChanged {
        root: PathBuf,
        paths: Vec<PathBuf>,
        rescan: Option<String>,
    },
    /// A photo of import `batch` started processing.
    PhotoStarted { batch: u64, index: usize },
    /// A photo of import `batch` was imported, or could not be (the message says why).
    PhotoImported {
        batch: u64,
        index: usize,
        result: Result<crate::site::photos::Imported, String>,
    },
    /// Reading an image from the clipboard failed.
    PasteFailed(String),
    /// The picker closed; `no_dialog` when it could not show one at all.
    PhotosPicked {
        paths: Option<Vec<PathBuf>>,
        no_dialog: bool,
    },
    /// The whole site at `root` was checked.
    SiteChecked {
        root: PathBuf,
        /// The problems, or why the check could not finish.
        problems: Result<Vec<Problem>, String>,
    },
}

/// The channel workers report on, and the context to wake.
pub struct Workers {
    pub(crate) tx: Sender<Event>,
    rx: Receiver<Event>,
    pub(crate) ctx: egui::Context,
}

impl Workers {
    pub fn new(ctx: &egui::Context) -> Workers {
        let (tx, rx) = channel();
        Workers {
            tx,
            rx,
            ctx: ctx.clone(),
        }
    }

    /// Run `work` on a named thread and report its event, waking the UI.
    fn report_from_thread(&self, name: &str, work: impl FnOnce() -> Event + Send + 'static) {
        let (tx, ctx) = (self.tx.clone(), self.ctx.clone());
        let spawned = std::thread::Builder::new()
            .name(format!("daybook-{name}"))
            .spawn(move || {
                // The receiver is gone only when the app is closing.
                let _ = tx.send(work());
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            eprintln!("daybook: could not start the {name} thread: {e}");
        }
    }

    /// Index `site` on a worker thread; reports [`Event::SiteIndexed`].
    pub fn index(&self, site: &Site) {
        let site = site.clone();
        self.report_from_thread("index", move || Event::SiteIndexed {
            posts: index_site(&site),
            root: site.root,
        });
    }

    /// Watch the site for changes made by others; reports [`Event::FilesChanged`].
    pub fn watch(&self, site: &Site) -> Result<watcher::SiteWatcher, String> {
        watcher::watch(&site.root, self.tx.clone(), self.ctx.clone())
    }

    /// Check the whole site on a worker thread; reports [`Event::SiteChecked`].
    pub fn check_site(&self, site: &Site) {
        let site = site.clone();
        self.report_from_thread("check", move || Event::SiteChecked {
            problems: Checker::new(&site, chrono::Utc::now().fixed_offset()).check_site(),
            root: site.root,
        });
    }

    /// Events that arrived since the last call.
    pub fn drain(&self) -> Vec<Event> {
        self.rx.try_iter().collect()
    }
}
