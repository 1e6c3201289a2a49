//! The editing session, with no egui in it: the open site ([`OpenSite`]) and the open post
//! ([`OpenPost`], its text, selection and history in one buffer), the settings, the
//! workers and what they report. The window (`app`) draws it, gives it [`Command`]s (the
//! editor's edits among them) and carries out the [`Effect`]s it returns; tests drive it
//! directly, with workers run inline and the clock given.
//!
//! [`Session::apply`] runs a command, [`Session::on_event`] applies what a worker reported,
//! [`Session::tick`] does what time alone asks for (autosave, the open post's check and a
//! plan after a typing pause); each returns the effects for the window (show the
//! selection, repaint later, close). What it tells the user (statuses, notices, the
//! publish panel's outcome) is [`Words`], worded by the window in its language.

mod buffer;
mod checking;
pub mod disk;
pub mod document;
mod events;
pub mod new_post;
mod open_post;
mod open_site;
mod photo_batch;
pub mod photos;
pub mod publish;
mod run;
pub mod spelling;

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, FixedOffset};

use crate::command::{Command, Effect};
use crate::i18n::Words;
use crate::journal::check::Problem;
use crate::settings::Settings;
use crate::site::Site;
use crate::site::index::PostSummary;
use crate::site::sample;
use crate::words;
use crate::workers::Workers;
use document::Document;
pub use open_post::OpenPost;
pub use open_site::OpenSite;
use open_site::site_of;

/// A message for the user in the toolbar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: Words,
    pub is_error: bool,
}

/// What to do once the user has answered the unsaved-changes prompt.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterPrompt {
    Open(PathBuf),
    Close,
}

/// Where the session keeps its files, and how it starts.
#[derive(Debug, Clone)]
pub struct SessionStart {
    /// A site folder or a post; `None`: the last site, else the sample journal.
    pub path: Option<PathBuf>,
    /// Where to install the sample journal (default: the user's data folder).
    pub sample_dir: Option<PathBuf>,
    /// daybook's data folder, for recovery files (default: `<data dir>/daybook`).
    pub data_dir: Option<PathBuf>,
    /// Watch the site for changes made by others (a window does; a test sends the events).
    pub watch: bool,
}

pub struct Session {
    /// The open site and everything about it, replaced as a whole when a site opens.
    site: Option<OpenSite>,
    /// The open post and everything about it, replaced as a whole when a post opens.
    pub open: Option<OpenPost>,
    pub settings: Settings,
    pub status: Option<Status>,
    prompt: Option<AfterPrompt>,
    workers: Workers,
    /// Where the caret goes in a post once it opens (a new post, a problem in another post).
    select_on_open: Option<(PathBuf, OnOpen)>,
    /// Watching, autosave, recovery and the comparison of two texts.
    pub disk: disk::DiskState,
    /// The photo import in progress or last finished.
    pub import: Option<photos::ImportBatch>,
    next_batch: u64,
    /// The repository's state and the Publish panel.
    pub git: publish::GitPanel,
    /// The words spelling takes as right.
    spell_words: spelling::SpellWords,
    /// Effects for the window, gathered while a command or event runs.
    effects: Vec<Effect>,
    /// The monotonic clock, for the pauses that group typing into undo steps (tests give
    /// their own; `tick` is given the time by its caller).
    pub clock: Box<dyn Fn() -> Instant>,
}

/// Where the caret goes in a post once it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnOpen {
    /// The end of the body (a new post).
    BodyEnd,
    /// This line, from 1 (a problem jumped to).
    Line(usize),
}

impl Session {
    /// A session reporting through `workers`, started on `start`.
    pub fn new(settings: Settings, workers: Workers, start: SessionStart) -> Session {
        let data_dir: PathBuf = start
            .data_dir
            .clone()
            .or_else(crate::site::data_dir)
            .unwrap_or_else(|| std::env::temp_dir().join("daybook"));
        let recovery_folder = crate::site::recovery::folder(&data_dir);
        let recovery = crate::site::recovery::pending(&recovery_folder);
        let autosave = workers.autosave(recovery_folder);
        let mut session = Session {
            site: None,
            open: None,
            settings,
            status: None,
            prompt: None,
            workers,
            select_on_open: None,
            disk: disk::DiskState {
                data_dir,
                watch: start.watch,
                compare: None,
                autosave,
                recovery,
                reloads: 0,
                conflicts_shown: 0,
            },
            import: None,
            next_batch: 0,
            git: publish::GitPanel::default(),
            spell_words: spelling::SpellWords::default(),
            effects: Vec::new(),
            clock: Box::new(Instant::now),
        };
        session.start(start.path, start.sample_dir);
        session
    }

    /// Run `command`; the effects for the window.
    pub fn apply(&mut self, command: Command) -> Vec<Effect> {
        self.run(command);
        std::mem::take(&mut self.effects)
    }

    /// Apply what workers reported since the last call.
    pub fn drain_events(&mut self) -> Vec<Effect> {
        for event in self.workers.drain() {
            self.on_event(event);
        }
        std::mem::take(&mut self.effects)
    }

    /// What time alone asks for, at `now`: autosave after a pause, the open post's check
    /// and the publish plan after a pause, the end of a typing burst.
    pub fn tick(&mut self, now: Instant) -> Vec<Effect> {
        self.autosave_tick(now);
        self.check_open_post(now);
        self.plan_publish_after_pause(now);
        if let Some(doc) = self.doc_mut()
            && let Some(wait) = doc.tick(now)
        {
            self.effects.push(Effect::RepaintAfter(wait));
        }
        std::mem::take(&mut self.effects)
    }

    /// Effects gathered outside [`Session::apply`] and friends (opening a path).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    fn effect(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// The open post's document.
    pub fn doc(&self) -> Option<&Document> {
        self.open.as_ref().map(|o| &o.doc)
    }

    pub fn doc_mut(&mut self) -> Option<&mut Document> {
        self.open.as_mut().map(|o| &mut o.doc)
    }

    fn start(&mut self, path: Option<PathBuf>, sample_dir: Option<PathBuf>) {
        if let Some(p) = path {
            self.open_path(&p);
            return;
        }
        if let Some(last) = self.settings.last_site.clone().filter(|s| s.is_dir()) {
            self.open_path(&last);
            return;
        }
        match sample_dir.or_else(sample::default_location) {
            Some(dir) => match sample::install(&dir) {
                Ok(root) if root.join(sample::WELCOME_POST).is_file() => {
                    self.open_path(&root.join(sample::WELCOME_POST))
                }
                Ok(root) => self.open_path(&root),
                Err(e) => self.error(words!("sample-failed", error = e.words())),
            },
            None => self.error(words!("sample-no-data-folder")),
        }
    }

    /// Open the site at or above `path`, and `path` itself when it is a post.
    pub fn open_path(&mut self, path: &Path) {
        match Site::find(path) {
            Ok(site) => {
                let post = path
                    .is_file()
                    .then(|| std::path::absolute(path).unwrap_or_else(|_| path.to_owned()));
                self.open_site(site, post);
            }
            Err(e) => self.error(e.words()),
        }
    }

    /// Open `path`: a post of the open site in place, anything else (another site, a post
    /// in it) with its site.
    fn open_post_or_site(&mut self, path: &Path) {
        let in_site = site_of(&self.site).is_some_and(|s| {
            let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
            path.is_file() && abs.starts_with(&s.root)
        });
        if in_site {
            self.open_post_now(path);
        } else {
            self.open_path(path);
        }
    }

    fn open_site(&mut self, site: Site, post: Option<PathBuf>) {
        // Indexed on a worker: a site of thousands of posts never blocks the window.
        self.workers.index(&site);
        self.settings.last_site = Some(site.root.clone());
        self.settings.remember_site(&site.root);
        let remembered = self
            .settings
            .last_post
            .get(&site.root)
            .filter(|p| p.is_file())
            .cloned();
        self.site = Some(OpenSite::new(site));
        self.load_spell_words();
        self.open = None;
        self.git = publish::GitPanel::default();
        self.refresh_git();
        self.start_watching();
        match post.or(remembered) {
            Some(target) => self.open_post_now(&target),
            None => {
                if let Some(site) = self.site.as_mut() {
                    site.open_newest = true;
                }
            }
        }
    }

    fn open_post_now(&mut self, path: &Path) {
        match crate::site::store::load_post(path) {
            Ok(loaded) => {
                let mut doc = Document::from_loaded(loaded);
                doc.read_only = crate::site::store::link_outside_site(&doc.path);
                if let Some(site) = site_of(&self.site) {
                    self.settings
                        .last_post
                        .insert(site.root.clone(), doc.path.clone());
                }
                self.disk.compare = None;
                // Everything about the post that was open goes with it.
                self.open = Some(OpenPost::new(doc, (self.clock)()));
                self.status = None;
                self.effect(Effect::PostOpened);
            }
            Err(e) => self.error(e.words()),
        }
    }

    fn error(&mut self, text: Words) {
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }

    fn info(&mut self, text: Words) {
        self.status = Some(Status {
            text,
            is_error: false,
        });
    }

    /// Whether an image rename can be undone, and the name it would get back.
    pub fn undo_rename_name(&self) -> Option<&str> {
        self.site
            .as_ref()?
            .last_rename
            .as_ref()
            .map(|r| r.old_rel.as_str())
    }

    /// Whether the conflict bar is showing.
    pub fn has_conflict(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.conflict.is_some())
    }

    /// Whether the open post was deleted on disk (its text kept as unsaved).
    pub fn is_deleted_on_disk(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.deleted_on_disk)
    }

    /// The posts whose unsaved text from an earlier run is offered back.
    pub fn recoverable(&self) -> Vec<PathBuf> {
        self.disk.recovery.iter().map(|r| r.post.clone()).collect()
    }

    /// Whether the save / discard / cancel prompt is showing.
    pub fn is_prompting(&self) -> bool {
        self.prompt.is_some()
    }

    pub fn is_dirty(&self) -> bool {
        self.doc().is_some_and(Document::is_dirty)
    }

    /// The time now, in the site's zone.
    pub fn now(&self) -> DateTime<FixedOffset> {
        let zone = self
            .site()
            .map(|s| s.config.zone())
            .unwrap_or(crate::journal::date::Zone::Local);
        zone.to_zone(chrono::Utc::now().fixed_offset())
    }

    /// The window's title: the post (● when unsaved) and the site.
    pub fn window_title(&self) -> Words {
        let site = self
            .site()
            .map(|s| {
                Words::verbatim(s.config.title.clone().unwrap_or_else(|| {
                    s.root
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                }))
            })
            .unwrap_or_else(|| words!("no-site"));
        match self.doc() {
            Some(d) => {
                let post = format!("{}{}", d.file_name(), if d.is_dirty() { " ●" } else { "" });
                words!("window-title-post", post = post, site = site)
            }
            None => words!("window-title-site", site = site),
        }
    }

    /// The site's files changed through daybook: check it again when asked, and index it.
    fn reindex_site(&mut self) {
        if let Some(open) = self.site.as_mut() {
            open.problems = None;
            self.workers.index(&open.site);
        }
    }

    /// Files in the site may have changed: forget what was cached about them.
    pub(crate) fn files_changed(&mut self) {
        if let Some(open) = self.open.as_mut() {
            open.problems_generation = None;
        }
        if let Some(site) = self.site.as_mut() {
            site.files_generation += 1;
        }
        self.effect(Effect::FilesChanged);
    }

    /// The problems of the open post, when they match its current text.
    pub fn post_problems(&self) -> &[Problem] {
        self.open.as_ref().map_or(&[], |o| o.problems.as_slice())
    }

    /// The problems of the whole site, once checked.
    pub fn site_problems(&self) -> Option<&[Problem]> {
        self.site.as_ref()?.problems.as_deref()
    }

    /// Whether the whole site is being checked.
    pub fn checking_site(&self) -> bool {
        self.site.as_ref().is_some_and(|s| s.checking)
    }

    /// The open site.
    pub fn site(&self) -> Option<&Site> {
        site_of(&self.site)
    }

    /// The open site's posts, newest first, as last indexed.
    pub fn posts(&self) -> &[PostSummary] {
        self.site.as_ref().map_or(&[], |s| s.posts.as_slice())
    }

    /// A notice about watching the site (polling, a rescan), until dismissed.
    pub fn notice(&self) -> Option<&Words> {
        self.site.as_ref()?.notice.as_ref()
    }

    /// The window regained focus: photos may have been copied into the site meanwhile, or
    /// committed elsewhere.
    pub fn focus_regained(&mut self) -> Vec<Effect> {
        self.files_changed();
        self.refresh_git();
        std::mem::take(&mut self.effects)
    }

    /// The user asked to close the window: `true` when it may close now, else the prompt
    /// asks about the unsaved changes first.
    pub fn close_requested(&mut self) -> bool {
        if self.is_dirty() {
            self.prompt = Some(AfterPrompt::Close);
            false
        } else {
            true
        }
    }
}

#[cfg(test)]
mod problems_tests;
#[cfg(test)]
mod tests;
