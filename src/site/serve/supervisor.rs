//! The theme preview's two loops: the supervisor, which runs Jekyll (again when it ended by
//! itself and the site changed, or for a full rebuild) and turns its output into
//! [`ServeEvent`]s; and the site watcher, which brings the shadow in step with the site.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::Watcher as _;

use super::process::{Jekyll, ToSupervisor};
use super::{BuildError, OnEvent, ServeEvent, Shadow, http};
use crate::i18n::Words;
use crate::journal::jekyll_log::{JekyllError, LogLine, front_matter_lines, read_line};
use crate::site::serve::jekyll::JekyllSetup;
use crate::words;

/// What the supervisor runs, and where it reports.
pub struct Run {
    pub setup: JekyllSetup,
    pub args: Vec<String>,
    pub shadow_root: PathBuf,
    pub served: Arc<http::Served>,
    pub on_event: OnEvent,
    pub tx: Sender<ToSupervisor>,
    /// The URL paths of the posts whose text the window gives.
    pub given: Arc<Mutex<std::collections::BTreeMap<String, String>>>,
    pub shadow: Arc<Mutex<Shadow>>,
}

impl Run {
    fn spawn(&self) -> Option<Jekyll> {
        // What changes from now on, Jekyll may read in its first build or miss before its
        // watcher starts: counted from here (see `LogLine::Watching`).
        if let Ok(mut shadow) = self.shadow.lock() {
            shadow.take_written();
        }
        match Jekyll::start(&self.setup, &self.args, &self.shadow_root, &self.tx) {
            Ok(j) => Some(j),
            Err(e) => {
                (self.on_event)(ServeEvent::Failed {
                    errors: vec![BuildError {
                        message: words!("serve-jekyll-failed", error = Words::of_error(&e)),
                        file: None,
                        line: None,
                    }],
                });
                None
            }
        }
    }

    /// Run Jekyll until told to stop. Runs on its own thread: on Linux Jekyll is tied to it.
    pub fn supervise(&self, inbox: &Receiver<ToSupervisor>) {
        let mut child = self.spawn();
        let mut errors: Vec<BuildError> = Vec::new();
        let mut full = true;
        // When the last build was done: what a build writes is newer.
        let mut last_done = std::time::SystemTime::UNIX_EPOCH;
        for msg in inbox {
            let current = child.as_ref().map(Jekyll::pid);
            match msg {
                ToSupervisor::Line { pid, line } if Some(pid) == current => {
                    match read_line(&line) {
                        // Errors are Jekyll's stderr, the build's progress its stdout: read
                        // on two threads, a build's errors may come before its start. They
                        // are gathered from one build's end to the next.
                        LogLine::BuildStarted { full: f } => {
                            full = f;
                            (self.on_event)(ServeEvent::Building { full });
                        }
                        LogLine::BuildDone { seconds } => {
                            let build = self.served.build.fetch_add(1, Ordering::Relaxed) + 1;
                            let stale = if full {
                                Vec::new()
                            } else {
                                let urls: Vec<String> = self
                                    .given
                                    .lock()
                                    .map(|g| g.values().cloned().collect())
                                    .unwrap_or_default();
                                super::stale::pages_linking_to(&self.served.dest, &urls, last_done)
                            };
                            last_done = std::time::SystemTime::now();
                            errors.clear();
                            (self.on_event)(ServeEvent::Built {
                                seconds,
                                full,
                                build,
                                stale,
                            });
                        }
                        LogLine::Error(e) => {
                            // Jekyll says most errors twice: once with the file, then as
                            // a bare `Error:`.
                            let e = self.in_site(e);
                            let said = errors.iter().any(|o| {
                                let text =
                                    |w: &Words| w.verbatim_text().unwrap_or_default().to_owned();
                                text(&e.message).starts_with(&text(&o.message))
                                    || (e.file.is_none() && o.file.is_some())
                            });
                            if !said {
                                errors.push(e);
                            }
                        }
                        LogLine::BuildFailed => (self.on_event)(ServeEvent::Failed {
                            errors: std::mem::take(&mut errors),
                        }),
                        LogLine::Other(text) => (self.on_event)(ServeEvent::Note(text)),
                        // Jekyll watches only once its first build is done: a change made
                        // in between (a keystroke, a pull) is made again for it to see.
                        LogLine::Watching => {
                            if let Ok(mut shadow) = self.shadow.lock() {
                                for rel in shadow.take_written() {
                                    let _ = shadow.sync_path(&rel);
                                }
                            }
                        }
                        LogLine::Quiet => {}
                    }
                }
                ToSupervisor::Line { .. } => {}
                ToSupervisor::Exited { pid } if Some(pid) == current => {
                    let code = child.as_mut().and_then(|c| {
                        // The output closed a moment before the process is reaped.
                        (0..50).find_map(|_| {
                            c.ended().or_else(|| {
                                std::thread::sleep(Duration::from_millis(10));
                                None
                            })
                        })
                    });
                    child = None;
                    if !errors.is_empty() {
                        (self.on_event)(ServeEvent::Failed {
                            errors: std::mem::take(&mut errors),
                        });
                    }
                    (self.on_event)(ServeEvent::Ended {
                        code: code.flatten(),
                    });
                }
                ToSupervisor::Exited { .. } => {}
                ToSupervisor::Changed => {
                    if child.is_none() {
                        child = self.spawn();
                    }
                }
                ToSupervisor::FullRebuild => {
                    if let Some(c) = child.take() {
                        c.stop();
                    }
                    // Without its metadata, Jekyll's first build renders every page.
                    let _ = std::fs::remove_file(self.shadow_root.join(".jekyll-metadata"));
                    child = self.spawn();
                }
                ToSupervisor::Stop => break,
            }
        }
        if let Some(c) = child.take() {
            c.stop();
        }
    }

    /// The error with its file relative to the site, and its line counted in the file.
    fn in_site(&self, e: JekyllError) -> BuildError {
        let in_shadow = e
            .file
            .as_deref()
            .and_then(|f| Path::new(f).strip_prefix(&self.shadow_root).ok())
            .map(Path::to_path_buf);
        let line = match (&in_shadow, e.line) {
            (Some(rel), Some(n)) if e.content_line => {
                let text = std::fs::read_to_string(self.shadow_root.join(rel)).unwrap_or_default();
                Some(n + front_matter_lines(&text))
            }
            (_, line) => line,
        };
        let file = match in_shadow {
            Some(rel) => Some(crate::site::relative_slash(Path::new(""), &rel)),
            None => e.file,
        };
        BuildError {
            message: Words::verbatim(e.message),
            file,
            line,
        }
    }
}

/// How long the site's changes are gathered before the shadow takes them.
const GATHER: Duration = Duration::from_millis(30);

/// Watch the site and bring the shadow in step with every change.
pub fn watch_site(
    site: &Path,
    shadow: Arc<Mutex<Shadow>>,
    control: Sender<ToSupervisor>,
) -> notify::Result<notify::RecommendedWatcher> {
    let (tx, rx) = channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(move |e| {
        let _ = tx.send(e);
    })?;
    watcher.watch(site, notify::RecursiveMode::Recursive)?;
    let root = site.to_path_buf();
    let spawned = std::thread::Builder::new()
        .name("daybook-serve-sync".into())
        .spawn(move || sync_loop(&root, &rx, &shadow, &control));
    if let Err(e) = spawned {
        return Err(notify::Error::io(e));
    }
    Ok(watcher)
}

fn sync_loop(
    root: &Path,
    rx: &Receiver<notify::Result<notify::Event>>,
    shadow: &Mutex<Shadow>,
    control: &Sender<ToSupervisor>,
) {
    // Ends when the watcher (the sender) is dropped.
    while let Ok(first) = rx.recv() {
        let mut events = vec![first];
        loop {
            match rx.recv_timeout(GATHER) {
                Ok(e) => events.push(e),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut rescan = false;
        for event in events {
            match event {
                Ok(e) if e.need_rescan() => rescan = true,
                Ok(e) if !e.kind.is_access() => {
                    for p in e.paths {
                        let Ok(rel) = p.strip_prefix(root) else {
                            continue;
                        };
                        let temp = rel.file_name().is_some_and(|n| {
                            crate::site::store::is_temp_name(&n.to_string_lossy())
                        });
                        if !temp && !paths.iter().any(|q| q == rel) {
                            paths.push(rel.to_path_buf());
                        }
                    }
                }
                Ok(_) => {}
                Err(_) => rescan = true,
            }
        }
        let Ok(mut shadow) = shadow.lock() else {
            return;
        };
        paths.retain(|rel| shadow.mirrors(rel));
        let mut failed = rescan;
        for rel in &paths {
            failed |= shadow.sync_path(rel).is_err();
        }
        if failed {
            let _ = shadow.sync_all();
        }
        drop(shadow);
        if failed || !paths.is_empty() {
            let _ = control.send(ToSupervisor::Changed);
        }
    }
}
