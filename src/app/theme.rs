//! The window's side of the theme preview: starting the site's Jekyll off the UI thread
//! (after asking, once per site, to run the site's own code), the open post's text sent
//! after a pause in typing, the build status and errors, the page opened in the browser
//! once built, and the server stopped when the site closes or daybook exits.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use crate::command::ThemeAction;
use crate::journal::check::{Problem, Severity};
use crate::session::Session;
use crate::site::serve::{BuildStatus, PAUSE, ServeError, ServeEvent, ServeOptions, ThemeServer};

#[derive(Default)]
pub struct ThemePreview {
    server: Option<ThemeServer>,
    /// The site it serves (or is starting for).
    root: Option<PathBuf>,
    starting: Option<Receiver<Result<ThemeServer, ServeError>>>,
    events: Option<Receiver<ServeEvent>>,
    /// "Run this site's code?" is asked for this site.
    pub asking: Option<PathBuf>,
    pub status: BuildStatus,
    /// Why it could not start (no Jekyll: the install command).
    pub message: Option<String>,
    /// The open post's text last sent: its serial and generation, and its path.
    sent: Option<((u64, u64), String)>,
    open_when_built: bool,
    /// The server being stopped (a new one waits for it to let go of the site).
    stopping: Option<std::thread::JoinHandle<()>>,
    /// Where shadows are kept (tests: their own folder).
    pub cache: Option<PathBuf>,
}

impl ThemePreview {
    /// Whether a server runs or starts.
    pub fn active(&self) -> bool {
        self.server.is_some() || self.starting.is_some()
    }

    pub fn is_starting(&self) -> bool {
        self.starting.is_some()
    }

    /// The Jekyll it runs: `jekyll 4.3.1 (bundle exec jekyll)`, and its safe-mode notes.
    pub fn setup(&self) -> Option<&crate::site::serve::JekyllSetup> {
        self.server.as_ref().map(|s| &s.setup)
    }

    /// The open post's page on the server.
    pub fn page_url(&self, session: &Session) -> Option<String> {
        let server = self.server.as_ref()?;
        let site = session.site()?;
        Some(match session.doc() {
            Some(d) => {
                let rel = crate::site::relative_slash(&site.root, &d.path);
                server.page_url(&rel, d.text())
            }
            None => server.url(),
        })
    }

    /// The last build's errors, as rows of the problems panel.
    pub fn problems(&self) -> Vec<Problem> {
        self.status
            .errors
            .iter()
            .map(|e| Problem {
                path: e.file.clone().unwrap_or_default(),
                line: e.line.unwrap_or(1),
                column: 1,
                rule: "jekyll-build",
                severity: Severity::Error,
                message: e.message.clone(),
                fixes: Vec::new(),
                file: None,
                target: None,
            })
            .collect()
    }

    /// Carry out what the user asked.
    pub fn act(&mut self, ctx: &egui::Context, session: &mut Session, action: ThemeAction) {
        let Some(root) = session.site().map(|s| s.root.clone()) else {
            return;
        };
        match action {
            ThemeAction::Start if self.server.is_some() => self.open_page(ctx, session),
            ThemeAction::Start if self.starting.is_some() => {}
            ThemeAction::Start => {
                let trusted = session.settings.theme_trusted.contains(&root)
                    || crate::site::serve::jekyll::pages_mode(&root).is_some();
                if trusted {
                    self.begin(ctx, session);
                } else {
                    self.asking = Some(root);
                }
            }
            ThemeAction::Trust(yes) => {
                let asked = self.asking.take();
                if yes && asked.as_ref() == Some(&root) {
                    session.settings.theme_trusted.push(root);
                    self.begin(ctx, session);
                }
            }
            ThemeAction::OpenPage => self.open_page(ctx, session),
            ThemeAction::FullRebuild => {
                if let Some(s) = &self.server {
                    s.full_rebuild();
                }
            }
            ThemeAction::Stop => self.stop(),
        }
    }

    fn open_page(&self, ctx: &egui::Context, session: &Session) {
        if let Some(url) = self.page_url(session) {
            ctx.open_url(egui::OpenUrl::new_tab(url));
        }
    }

    /// Start the server on a thread: mirroring a big site and asking Jekyll its version
    /// take a while.
    fn begin(&mut self, ctx: &egui::Context, session: &Session) {
        let Some(site) = session.site().cloned() else {
            return;
        };
        self.stop();
        let root = site.root.clone();
        let (tx, rx) = channel();
        let (events_tx, events) = channel();
        let repaint = ctx.clone();
        let on_event = Arc::new(move |e: ServeEvent| {
            let _ = events_tx.send(e);
            repaint.request_repaint();
        });
        let options = ServeOptions {
            port: None,
            cache: self.cache.clone(),
        };
        let wake = ctx.clone();
        let stopping = self.stopping.take();
        let spawned = std::thread::Builder::new()
            .name("daybook-serve-start".into())
            .spawn(move || {
                if let Some(old) = stopping {
                    let _ = old.join();
                }
                let _ = tx.send(ThemeServer::start(&site, &options, on_event));
                wake.request_repaint();
            });
        if spawned.is_ok() {
            self.root = Some(root);
            self.starting = Some(rx);
            self.events = Some(events);
            self.status = BuildStatus::default();
            self.message = None;
            self.open_when_built = true;
        }
    }

    /// Stop the server (off the UI thread: Jekyll is given a moment to end).
    pub fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            let previous = self.stopping.take();
            self.stopping = std::thread::Builder::new()
                .name("daybook-serve-stop".into())
                .spawn(move || {
                    if let Some(p) = previous {
                        let _ = p.join();
                    }
                    drop(server);
                })
                .ok();
        }
        self.starting = None;
        self.events = None;
        self.root = None;
        self.sent = None;
        self.status = BuildStatus::default();
    }

    /// Take the server's news, stop it when its site closed, and send the open post's text
    /// when it changed and typing paused.
    pub fn update(&mut self, ctx: &egui::Context, session: &Session, now: Instant) {
        let site_root = session.site().map(|s| &s.root);
        if self.root.is_some() && self.root.as_ref() != site_root {
            self.stop();
        }
        if let Some(rx) = &self.starting
            && let Ok(result) = rx.try_recv()
        {
            self.starting = None;
            match result {
                Ok(server) => self.server = Some(server),
                Err(e) => {
                    self.message = Some(e.to_string());
                    self.events = None;
                    self.root = None;
                }
            }
        }
        let news: Vec<ServeEvent> = self.events.iter().flat_map(Receiver::try_iter).collect();
        for event in news {
            self.take(ctx, session, event);
        }
        self.send_text(session, now);
    }

    fn take(&mut self, ctx: &egui::Context, session: &Session, event: ServeEvent) {
        if self.status.take(event) && self.open_when_built {
            self.open_when_built = false;
            self.open_page(ctx, session);
        }
    }

    fn send_text(&mut self, session: &Session, now: Instant) {
        let (Some(server), Some(site), Some(doc)) = (&self.server, session.site(), session.doc())
        else {
            return;
        };
        let key = (doc.serial, doc.generation());
        if self.sent.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        if doc.pause_remaining(PAUSE, now).is_some() {
            return;
        }
        let rel = crate::site::relative_slash(&site.root, &doc.path);
        if let Some((_, before)) = &self.sent
            && *before != rel
        {
            let _ = server.set_text(before, None);
        }
        if let Err(e) = server.set_text(&rel, Some(doc.text().to_owned())) {
            self.message = Some(e.to_string());
        }
        self.sent = Some((key, rel));
    }
}

impl Drop for ThemePreview {
    /// The window closes: Jekyll ends before daybook does.
    fn drop(&mut self) {
        self.server = None;
        if let Some(t) = self.stopping.take() {
            let _ = t.join();
        }
    }
}
