//! The theme preview: the site's own Jekyll builds a shadow of the site (in daybook's cache
//! folder, never the site itself) with `--watch --incremental`, and daybook serves the
//! result on 127.0.0.1 with a reload script in every page. The open post's text as it is on
//! screen takes the place of its file in the shadow; the site's other changes follow it
//! through a watcher. One server per site, across daybook processes.

pub mod http;
pub mod jekyll;
mod lock;
mod process;
mod shadow;
mod stale;
mod status;
mod supervisor;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use jekyll::{JekyllSetup, PagesMode};
pub use shadow::Shadow;
pub use status::BuildStatus;

use crate::i18n::Words;
use crate::site::Site;
use crate::words;
use process::ToSupervisor;

/// How long typing pauses before the open post's text goes to the theme preview.
pub const PAUSE: Duration = Duration::from_millis(300);

/// What the server reports, as it happens.
#[derive(Debug, Clone, PartialEq)]
pub enum ServeEvent {
    /// A build started: the whole site (`full`), or what changed.
    Building { full: bool },
    /// A build finished; pages served from now on are build number `build`. `stale`: the
    /// pages (URL paths) an incremental build left as they were that list a post whose text
    /// the window gave.
    Built {
        seconds: f64,
        full: bool,
        build: u64,
        stale: Vec<String>,
    },
    /// A build stopped at these errors: the pages of the last good build are still served.
    Failed { errors: Vec<BuildError> },
    /// Jekyll ended by itself (its first build failed, a Ruby error): it starts again at the
    /// next change or full rebuild.
    Ended { code: Option<i32> },
    /// Another line of Jekyll's worth showing (a warning).
    Note(String),
}

/// An error of a build, with the site file and line it names.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildError {
    /// Jekyll's words (verbatim), or ours when it would not start.
    pub message: Words,
    /// Site-relative with `/` for the site's own files; as printed for a theme gem's.
    pub file: Option<String>,
    /// 1-based, in the file.
    pub line: Option<usize>,
}

/// Why a theme preview could not start.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.words())]
pub enum ServeError {
    /// No Ruby or Jekyll (the message has the install command), or Jekyll would not run.
    NoJekyll(#[from] jekyll::NoJekyll),
    /// Another daybook (process `pid`) serves this site already.
    AlreadyServed {
        url: String,
        pid: u32,
    },
    Io(Words),
}

impl ServeError {
    /// What went wrong, as words for the window or the command line.
    pub fn words(&self) -> Words {
        match self {
            ServeError::NoJekyll(e) => e.words(),
            ServeError::AlreadyServed { url, pid } => {
                words!("serve-already", url = url.as_str(), pid = *pid)
            }
            ServeError::Io(w) => w.clone(),
        }
    }
}

/// What the server is started with.
#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// The port on 127.0.0.1 (default: a free one).
    pub port: Option<u16>,
    /// Where shadows are kept (default: daybook's folder in the user's cache folder).
    pub cache: Option<PathBuf>,
}

/// Reports events; called on the server's threads.
pub type OnEvent = Arc<dyn Fn(ServeEvent) + Send + Sync>;

/// An [`OnEvent`] that sends each event on a channel, and the channel's receiving end.
pub fn event_channel() -> (OnEvent, std::sync::mpsc::Receiver<ServeEvent>) {
    let (tx, rx) = channel();
    (
        Arc::new(move |e| {
            let _ = tx.send(e);
        }),
        rx,
    )
}

/// A running theme preview. Dropping it stops Jekyll and the server.
pub struct ThemeServer {
    pub setup: JekyllSetup,
    site: Site,
    port: u16,
    shadow: Arc<Mutex<Shadow>>,
    served: Arc<http::Served>,
    http: Arc<tiny_http::Server>,
    threads: Vec<std::thread::JoinHandle<()>>,
    control: Sender<ToSupervisor>,
    watcher: Option<notify::RecommendedWatcher>,
    /// The URL paths of the posts whose text the window gives, by site-relative path.
    given: Arc<Mutex<std::collections::BTreeMap<String, String>>>,
    lock: lock::SiteLock,
}

/// The cache folder of `site`'s theme previews.
pub fn cache_folder(site: &Path, options: &ServeOptions) -> Option<PathBuf> {
    let base = options
        .cache
        .clone()
        .or_else(|| dirs::cache_dir().map(|c| c.join("daybook").join("serve")))?;
    use std::hash::{Hash, Hasher};
    let mut hash = std::hash::DefaultHasher::new();
    site.hash(&mut hash);
    let name: String = site
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(40)
        .collect();
    Some(base.join(format!("{name}-{:016x}", hash.finish())))
}

impl ThemeServer {
    /// Mirror the site, find its Jekyll, serve on 127.0.0.1 and start the first build.
    pub fn start(
        site: &Site,
        options: &ServeOptions,
        on_event: OnEvent,
    ) -> Result<ThemeServer, ServeError> {
        let io =
            |e: std::io::Error| ServeError::Io(words!("serve-io", error = Words::of_error(&e)));
        let folder = cache_folder(&site.root, options)
            .ok_or_else(|| ServeError::Io(words!("serve-no-cache")))?;
        std::fs::create_dir_all(&folder).map_err(io)?;
        let lock = lock::SiteLock::take(&folder.join("lock")).map_err(|held| {
            ServeError::AlreadyServed {
                url: held.url,
                pid: held.pid,
            }
        })?;
        let src = folder.join("src");
        let shadow = Shadow::create(&site.root, &src).map_err(io)?;
        let setup = jekyll::find(&site.root, shadow.root())?;
        let listener = std::net::TcpListener::bind(("127.0.0.1", options.port.unwrap_or(0)))
            .map_err(|e| ServeError::Io(words!("serve-port", error = Words::of_error(&e))))?;
        let port = listener.local_addr().map_err(io)?.port();
        let dest = folder.join("site");
        let served = Arc::new(http::Served {
            dest: dest.clone(),
            baseurl: site.config.baseurl.clone(),
            build: AtomicU64::new(0),
            stop: AtomicBool::new(false),
        });
        let configs = write_configs(&folder, shadow.root(), port, &setup).map_err(io)?;
        let (http, mut threads) = http::start(listener, &served).map_err(io)?;
        let shadow = Arc::new(Mutex::new(shadow));
        let (control, inbox) = channel();
        let given = Arc::new(Mutex::new(std::collections::BTreeMap::new()));
        let run = supervisor::Run {
            setup: setup.clone(),
            args: process::build_args(&setup, &src, &dest, &configs),
            shadow_root: src,
            served: served.clone(),
            on_event,
            tx: control.clone(),
            given: given.clone(),
            shadow: shadow.clone(),
        };
        threads.push(
            std::thread::Builder::new()
                .name("daybook-serve-jekyll".into())
                .spawn(move || run.supervise(&inbox))
                .map_err(io)?,
        );
        let watcher = supervisor::watch_site(&site.root, shadow.clone(), control.clone());
        let server = ThemeServer {
            setup,
            site: site.clone(),
            port,
            shadow,
            served,
            http,
            threads,
            control,
            watcher: watcher.ok(),
            given,
            lock,
        };
        // For a second daybook to name.
        server.lock.record(&server.url()).map_err(io)?;
        Ok(server)
    }

    /// The site's root page.
    pub fn url(&self) -> String {
        format!(
            "http://127.0.0.1:{}{}/",
            self.port, self.site.config.baseurl
        )
    }

    /// The page of the post at site-relative `rel` with this text.
    pub fn page_url(&self, rel: &str, text: &str) -> String {
        format!(
            "http://127.0.0.1:{}{}",
            self.port,
            self.page_path(rel, text)
        )
    }

    /// The URL path (with `baseurl`, percent-encoded) of that page.
    fn page_path(&self, rel: &str, text: &str) -> String {
        let now = chrono::Utc::now().fixed_offset();
        let path = crate::site::render::Renderer::empty(&self.site, now).url_of(rel, text);
        format!(
            "{}{}",
            self.site.config.baseurl,
            crate::journal::permalink::percent_encode_path(&path)
        )
    }

    /// The built page's file for a URL this server serves (benches, tests).
    pub fn file_of(&self, url: &str) -> Option<PathBuf> {
        let path = url.strip_prefix(&format!("http://127.0.0.1:{}", self.port))?;
        match http::resolve(&self.served.dest, &self.served.baseurl, path) {
            http::Resolved::File(f) => Some(f),
            _ => None,
        }
    }

    /// How many builds have finished.
    pub fn builds(&self) -> u64 {
        self.served.build.load(Ordering::Relaxed)
    }

    /// Build the post at site-relative `rel` from this text, not its file (`None`: from its
    /// file again).
    pub fn set_text(&self, rel: &str, text: Option<String>) -> Result<(), ServeError> {
        let mut shadow = self
            .shadow
            .lock()
            .map_err(|_| ServeError::Io(words!("serve-io", error = "lock")))?;
        if let Ok(mut given) = self.given.lock() {
            match &text {
                Some(t) => {
                    given.insert(rel.to_owned(), self.page_path(rel, t));
                }
                None => {
                    given.remove(rel);
                }
            }
        }
        shadow
            .set_text(rel, text)
            .map_err(|e| ServeError::Io(words!("serve-io", error = Words::of_error(&e))))?;
        let _ = self.control.send(ToSupervisor::Changed);
        Ok(())
    }

    /// Build the whole site again, not only what changed (index and list pages too).
    pub fn full_rebuild(&self) {
        let _ = self.control.send(ToSupervisor::FullRebuild);
    }
}

impl Drop for ThemeServer {
    fn drop(&mut self) {
        self.watcher = None;
        let _ = self.control.send(ToSupervisor::Stop);
        self.served.stop.store(true, Ordering::Relaxed);
        // One wake-up per request thread.
        for _ in 0..http::THREADS {
            self.http.unblock();
        }
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// The configuration files Jekyll reads: the site's, then daybook's (`url` on 127.0.0.1,
/// and GitHub Pages' plugin allow-list in safe mode).
fn write_configs(
    folder: &Path,
    shadow: &Path,
    port: u16,
    setup: &JekyllSetup,
) -> std::io::Result<String> {
    let mut ours = format!("url: \"http://127.0.0.1:{port}\"\n");
    if setup.pages.is_some() {
        ours.push_str("whitelist:\n");
        for p in jekyll::PAGES_PLUGINS {
            ours.push_str(&format!("  - {p}\n"));
        }
    }
    let path = folder.join("daybook.yml");
    std::fs::write(&path, ours)?;
    let mut list: Vec<String> = ["_config.yml", "_config.yaml", "_config.toml"]
        .iter()
        .map(|n| shadow.join(n))
        .filter(|p| p.is_file())
        .take(1)
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    list.push(path.to_string_lossy().into_owned());
    Ok(list.join(","))
}
