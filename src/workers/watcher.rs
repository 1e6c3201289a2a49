//! Watching the site folder: `_posts/`, `_drafts/`, `_includes/`, `_data/`, `_config.yml` and
//! the images folders.
//!
//! notify reports raw events on its own thread; a debounce thread gathers them for a short
//! moment and reports one [`Event::FilesChanged`] with the paths, leaving out build output,
//! `.git`, reads and daybook's own temp files. A watcher error or an event queue overflow
//! asks for a full rescan. When the system cannot watch (an inotify limit), the site is
//! polled instead and the user is told.

use crate::i18n::Words;
use crate::words;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

use super::Event;
use crate::site::check::IMAGE_DIRS;
use crate::site::store::is_temp_name;

/// How long events are gathered before they are reported.
const DEBOUNCE: Duration = Duration::from_millis(60);
/// The polling interval when events are not available.
const POLL: Duration = Duration::from_secs(1);

/// A running watcher; dropping it stops watching.
pub struct SiteWatcher {
    _inner: Box<dyn notify::Watcher + Send>,
    /// Why the site is polled rather than watched, if it is.
    pub polling: Option<Words>,
}

fn ignored(path: &Path) -> bool {
    path.components().any(|c| {
        let c = c.as_os_str().to_string_lossy();
        c == ".git" || c == "_site" || c == ".jekyll-cache" || c == ".sass-cache"
    }) || path
        .file_name()
        .is_some_and(|n| is_temp_name(&n.to_string_lossy()))
}

/// The folders to watch recursively, and the root itself (for `_config.yml` and for
/// folders created later).
fn watch_list(root: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    let mut list = vec![(root.to_owned(), RecursiveMode::NonRecursive)];
    // `_includes/` and `_data/` change what posts show (the preview renders them again).
    for dir in ["_posts", "_drafts", "_includes", "_data"]
        .into_iter()
        .chain(IMAGE_DIRS)
    {
        let p = root.join(dir);
        if p.is_dir() {
            list.push((p, RecursiveMode::Recursive));
        }
    }
    list
}

/// Why a site cannot be watched at all (not even by polling).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.words())]
pub enum WatchError {
    Watcher {
        root: PathBuf,
        #[source]
        source: notify::Error,
    },
    Thread {
        root: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl WatchError {
    /// What went wrong, as words for the window.
    pub fn words(&self) -> Words {
        let (root, error) = match self {
            WatchError::Watcher { root, source } => (root, Words::of_error(source)),
            WatchError::Thread { root, source } => (root, Words::of_error(source)),
        };
        crate::words!(
            "path-error",
            file = root.display().to_string(),
            error = error
        )
    }
}

/// Start watching the site at `root`; changes are reported on `tx`, waking `waker`.
pub fn watch(
    root: &Path,
    tx: Sender<Event>,
    waker: super::Waker,
) -> Result<SiteWatcher, WatchError> {
    let failed = |source| WatchError::Watcher {
        root: root.to_owned(),
        source,
    };
    let (raw_tx, raw_rx) = channel::<notify::Result<notify::Event>>();
    let handler = move |res| {
        // The debounce thread is gone only when the watcher is being dropped.
        let _ = raw_tx.send(res);
    };
    let list = watch_list(root);
    type Watcher = Box<dyn notify::Watcher + Send>;
    let poll = |why: String| -> Result<(Watcher, Option<Words>), WatchError> {
        let config = notify::Config::default().with_poll_interval(POLL);
        let w = notify::PollWatcher::new(handler.clone(), config).map_err(failed)?;
        Ok((Box::new(w), Some(words!("watch-polling", error = why))))
    };
    let (mut inner, polling) = match notify::recommended_watcher(handler.clone()) {
        Ok(mut w) => match list.iter().try_for_each(|(p, m)| w.watch(p, *m)) {
            Ok(()) => (Box::new(w) as Watcher, None),
            Err(e) => poll(e.to_string())?,
        },
        Err(e) => poll(e.to_string())?,
    };
    if polling.is_some() {
        list.iter()
            .try_for_each(|(p, m)| inner.watch(p, *m))
            .map_err(failed)?;
    }
    let root = root.to_owned();
    let thread_failed = |source| WatchError::Thread {
        root: root.clone(),
        source,
    };
    let owned = root.clone();
    std::thread::Builder::new()
        .name("daybook-watch".into())
        .spawn(move || debounce(&raw_rx, &owned, &tx, &waker))
        .map_err(thread_failed)?;
    Ok(SiteWatcher {
        _inner: inner,
        polling,
    })
}

fn debounce(
    raw: &Receiver<notify::Result<notify::Event>>,
    root: &Path,
    tx: &Sender<Event>,
    waker: &super::Waker,
) {
    while let Ok(first) = raw.recv() {
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut rescan = None;
        let mut take = |res: notify::Result<notify::Event>| match res {
            Ok(event) => {
                if event.need_rescan() {
                    rescan = Some(words!("watch-overflow"));
                }
                if matches!(event.kind, EventKind::Access(_)) {
                    return;
                }
                for p in event.paths {
                    if !ignored(&p) && !paths.contains(&p) {
                        paths.push(p);
                    }
                }
            }
            Err(e) => rescan = Some(words!("watch-error", error = e.to_string())),
        };
        take(first);
        let deadline = Instant::now() + DEBOUNCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match raw.recv_timeout(left) {
                Ok(res) => take(res),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if paths.is_empty() && rescan.is_none() {
            continue;
        }
        if tx
            .send(Event::FilesChanged {
                root: root.to_owned(),
                paths,
                rescan,
            })
            .is_err()
        {
            return;
        }
        waker.wake();
    }
}
