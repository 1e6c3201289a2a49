//! The window's application: owns the state, drains worker events, reads shortcuts, draws
//! the views, and runs the [`Command`]s they pushed after the UI pass.

pub mod command;
pub mod disk;
pub mod document;
mod frame;
mod photo_batch;
pub mod photos;
pub mod publish;
mod run;
pub mod sample;
pub mod settings;

use crate::tr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use crate::journal::check::Problem;
use crate::site::Site;
use crate::site::index::PostSummary;
use crate::ui::find::FindState;
use crate::ui::fonts::{self, KoreanFont};
use crate::ui::form::FormState;
use crate::ui::highlight::Highlighter;
use crate::ui::preview::Preview;
use crate::ui::toolbar::Status;
use crate::workers::Workers;
use crate::workers::photo_loader::PhotoLoader;
use command::{Command, NewPostForm};
use document::Document;
use settings::{Settings, Theme};

/// How the window starts.
#[derive(Debug, Clone)]
pub struct StartOptions {
    /// A site folder or a post; `None`: the last site, else the sample journal.
    pub path: Option<PathBuf>,
    pub fonts: KoreanFont,
    /// Where to install the sample journal (default: the user's data folder).
    pub sample_dir: Option<PathBuf>,
    /// daybook's data folder, for recovery files (default: `<data dir>/daybook`).
    pub data_dir: Option<PathBuf>,
}

/// What to do once the user has answered the unsaved-changes prompt.
#[derive(Debug, Clone, PartialEq)]
enum AfterPrompt {
    Open(PathBuf),
    Close,
}

/// The preview's photo cache budget.
const PHOTO_CACHE_BYTES: usize = 96 << 20;

pub struct DaybookApp {
    pub site: Option<Site>,
    pub posts: Vec<PostSummary>,
    /// The request the shown post list and site problems answer (older results are ignored).
    posts_seq: u64,
    site_check_seq: u64,
    /// The last image rename, for its undo.
    last_rename: Option<crate::site::rename::Renamed>,
    pub doc: Option<Document>,
    pub settings: Settings,
    pub status: Option<Status>,
    filter: String,
    form: FormState,
    find: FindState,
    new_post: Option<NewPostForm>,
    prompt: Option<AfterPrompt>,
    preview: Preview,
    highlighter: Highlighter,
    workers: Workers,
    commands: Vec<Command>,
    /// The post whose cursor goes to the end of its body once opened (a new post).
    focus_body_of: Option<PathBuf>,
    allow_close: bool,
    title_sent: String,
    theme_applied: Option<Theme>,
    /// Whether the window had focus last frame (regaining it re-checks image files).
    was_focused: bool,
    /// The editor's scroll offset last frame (scroll sync follows its changes).
    editor_offset: f32,
    /// Checks for the open site (built on first use, dropped when files may have changed).
    /// Problems of the open post, and the post and generation they were found in.
    post_problems: Vec<Problem>,
    post_problems_key: Option<(PathBuf, u64)>,
    site_problems: Option<Vec<Problem>>,
    checking_site: bool,
    /// A line to select once this post is open (jumping to a problem in another post).
    pending_jump: Option<(PathBuf, usize)>,
    watcher: Option<crate::workers::watcher::SiteWatcher>,
    /// A notice about watching the site (polling, a rescan), shown until dismissed.
    pub notice: Option<String>,
    conflict: Option<disk::Conflict>,
    /// The open post was deleted on disk; its text is kept as unsaved.
    deleted_on_disk: bool,
    compare: Option<disk::Comparison>,
    autosave: crate::workers::autosave::Autosave,
    /// The post and generation last written to the recovery folder.
    autosaved: Option<(PathBuf, u64)>,
    /// Unsaved text found from an earlier run, offered back.
    recovery: Vec<crate::site::recovery::RecoveryEntry>,
    /// How often the open post was reloaded from disk, and how often the conflict bar came
    /// up (for tests and diagnostics).
    pub reloads: u64,
    pub conflicts_shown: u64,
    /// daybook's data folder (recovery files, pasted images).
    data_dir: PathBuf,
    /// The photo import in progress or last finished.
    pub import: Option<photos::ImportBatch>,
    next_batch: u64,
    /// The photo folder chosen for a post, when not the one its images already use.
    photo_folders: std::collections::HashMap<PathBuf, String>,
    /// The open post's photo target and what it was worked out from (path, generation,
    /// chosen folder).
    photo_target_cache: Option<(photos::TargetKey, crate::site::photos::PhotoTarget)>,
    /// Paths typed or pasted when no file dialog is available.
    typed_paths: Option<String>,
    /// The text being composed with an input method, and the widget it is composed in.
    composing: Option<(Option<egui::Id>, String)>,
    /// The repository's state and the Publish panel.
    git: publish::GitPanel,
    _photos: Arc<PhotoLoader>,
}

impl DaybookApp {
    pub fn new(ctx: &egui::Context, settings: Settings, start: StartOptions) -> DaybookApp {
        fonts::install(ctx, start.fonts);
        crate::i18n::apply_choice(settings.language);
        let data_dir: PathBuf = start
            .data_dir
            .clone()
            .or_else(|| dirs::data_dir().map(|d| d.join("daybook")))
            .unwrap_or_else(|| std::env::temp_dir().join("daybook"));
        let recovery_folder = crate::site::recovery::folder(&data_dir);
        let photos = PhotoLoader::install(ctx, PHOTO_CACHE_BYTES);
        let mut app = DaybookApp {
            site: None,
            posts: Vec::new(),
            posts_seq: 0,
            site_check_seq: 0,
            last_rename: None,
            doc: None,
            settings,
            status: None,
            filter: String::new(),
            form: FormState::default(),
            find: FindState::default(),
            new_post: None,
            prompt: None,
            preview: Preview::default(),
            highlighter: Highlighter::default(),
            workers: Workers::new(ctx),
            commands: Vec::new(),
            focus_body_of: None,
            allow_close: false,
            title_sent: String::new(),
            theme_applied: None,
            was_focused: true,
            editor_offset: 0.0,
            composing: None,
            post_problems: Vec::new(),
            post_problems_key: None,
            site_problems: None,
            checking_site: false,
            pending_jump: None,
            watcher: None,
            notice: None,
            conflict: None,
            deleted_on_disk: false,
            compare: None,
            recovery: crate::site::recovery::pending(&recovery_folder),
            autosave: crate::workers::autosave::Autosave::start(recovery_folder),
            autosaved: None,
            import: None,
            data_dir: data_dir.clone(),
            next_batch: 0,
            photo_folders: std::collections::HashMap::new(),
            typed_paths: None,
            photo_target_cache: None,
            reloads: 0,
            conflicts_shown: 0,
            git: publish::GitPanel::default(),
            _photos: photos,
        };
        app.start(start.path, start.sample_dir);
        app
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
                Err(e) => self.error(tr!("sample-failed", error = e.to_string())),
            },
            None => self.error(tr!("sample-no-data-folder")),
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
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Open `path`: a post of the open site in place, anything else (another site, a post
    /// in it) with its site.
    fn open_post_or_site(&mut self, path: &Path) {
        let in_site = self.site.as_ref().is_some_and(|s| {
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
        self.posts = Vec::new();
        self.workers.index(&site);
        self.settings.last_site = Some(site.root.clone());
        self.settings.remember_site(&site.root);
        self.site_problems = None;
        self.notice = None;
        let remembered = self
            .settings
            .last_post
            .get(&site.root)
            .filter(|p| p.is_file())
            .cloned();
        // Without a remembered post: the newest post that is not a draft, else anything readable.
        let first = self
            .posts
            .iter()
            .find(|p| p.error.is_none() && !p.draft)
            .or_else(|| self.posts.iter().find(|p| p.error.is_none()))
            .map(|p| p.path.clone());
        self.site = Some(site);
        self.doc = None;
        self.git = publish::GitPanel::default();
        self.refresh_git();
        self.start_watching();
        if let Some(target) = post.or(remembered).or(first) {
            self.open_post_now(&target);
        }
    }

    fn open_post_now(&mut self, path: &Path) {
        match crate::site::store::load_post(path) {
            Ok(loaded) => {
                let doc = Document::from_loaded(loaded);
                if let Some(site) = &self.site {
                    self.settings
                        .last_post
                        .insert(site.root.clone(), doc.path.clone());
                }
                self.find.current = None;
                self.conflict = None;
                self.compare = None;
                self.deleted_on_disk = false;
                self.autosaved = None;
                self.doc = Some(doc);
                self.status = None;
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn error(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }

    fn info(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: false,
        });
    }

    /// The open post as the preview shows it, as published HTML (what `render` prints).
    pub fn preview_html(&self) -> String {
        self.preview.html()
    }

    /// Whether the preview shows the open post as it is now.
    pub fn preview_is_current(&self) -> bool {
        self.doc
            .as_ref()
            .is_some_and(|d| self.preview.shows(&d.path, d.generation))
    }

    /// The preview's scroll offset as of the last frame.
    pub fn preview_offset(&self) -> f32 {
        self.preview.offset
    }

    /// Whether an image rename can be undone.
    pub fn can_undo_rename(&self) -> bool {
        self.last_rename.is_some()
    }

    /// Whether the conflict bar is showing.
    pub fn has_conflict(&self) -> bool {
        self.conflict.is_some()
    }

    /// Whether the open post was deleted on disk (its text kept as unsaved).
    pub fn is_deleted_on_disk(&self) -> bool {
        self.deleted_on_disk
    }

    /// The posts whose unsaved text from an earlier run is offered back.
    pub fn recoverable(&self) -> Vec<PathBuf> {
        self.recovery.iter().map(|r| r.post.clone()).collect()
    }

    /// Whether the save / discard / cancel prompt is showing.
    pub fn is_prompting(&self) -> bool {
        self.prompt.is_some()
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(Document::is_dirty)
    }

    fn now(&self) -> DateTime<FixedOffset> {
        let zone = self
            .site
            .as_ref()
            .map(|s| s.config.zone())
            .unwrap_or(crate::journal::date::Zone::Local);
        zone.to_zone(chrono::Utc::now().fixed_offset())
    }

    fn window_title(&self) -> String {
        let site = self
            .site
            .as_ref()
            .map(|s| {
                s.config.title.clone().unwrap_or_else(|| {
                    s.root
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                })
            })
            .unwrap_or_else(|| tr!("no-site"));
        match &self.doc {
            Some(d) => format!(
                "{}{} — {site} — daybook",
                d.file_name(),
                if d.is_dirty() { " ●" } else { "" }
            ),
            None => format!("{site} — daybook"),
        }
    }

    /// Files in the site may have changed: forget what was cached about them.
    pub(crate) fn files_changed(&mut self) {
        self.preview.files_changed();
        self.post_problems_key = None;
    }

    /// Show the open post's problems once typing has paused for a moment: they come with
    /// the preview worker's result for the current text (checked off the UI thread).
    fn update_post_problems(&mut self, ctx: &egui::Context) {
        const PAUSE: std::time::Duration = std::time::Duration::from_millis(300);
        let Some(doc) = &self.doc else {
            self.post_problems.clear();
            return;
        };
        let key = (doc.path.clone(), doc.generation);
        if self.post_problems_key.as_ref() == Some(&key) {
            return;
        }
        if let Some(wait) = doc.pause_remaining(PAUSE, std::time::Instant::now()) {
            ctx.request_repaint_after(wait);
            return;
        }
        match self.preview.problems_of(&doc.path, doc.generation) {
            Some(problems) => {
                self.post_problems = problems.to_vec();
                self.post_problems_key = Some(key);
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(30)),
        }
    }

    /// The problems of the open post, when they match its current text.
    pub fn post_problems(&self) -> &[Problem] {
        &self.post_problems
    }

    /// The problems of the whole site, once checked.
    pub fn site_problems(&self) -> Option<&[Problem]> {
        self.site_problems.as_deref()
    }
}

/// Open the window (blocking until it closes).
/// The app icon (the 256-pixel one of `assets/linux/icons/`), for the window.
fn window_icon() -> Option<egui::IconData> {
    let png = include_bytes!(
        "../../assets/linux/icons/hicolor/256x256/apps/io.github.daybook.daybook.png"
    );
    let image = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .ok()?
        .to_rgba8();
    Some(egui::IconData {
        width: image.width(),
        height: image.height(),
        rgba: image.into_raw(),
    })
}

pub fn run_window(path: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("daybook")
        .with_app_id("io.github.daybook.daybook");
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    #[cfg_attr(not(target_os = "linux"), allow(unused_mut))]
    let mut options = eframe::NativeOptions {
        viewport: viewport
            .with_inner_size([1500.0, 950.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    #[cfg(target_os = "linux")]
    if std::env::var_os("DAYBOOK_WAYLAND").is_none() && std::env::var_os("DISPLAY").is_some() {
        // Dropped files arrive on X11 only; XWayland gives us X11 on a Wayland desktop.
        options.event_loop_builder = Some(Box::new(|builder| {
            use winit::platform::x11::EventLoopBuilderExtX11;
            builder.with_x11();
        }));
    }
    let start = StartOptions {
        path,
        fonts: KoreanFont::PreferSystem,
        sample_dir: None,
        data_dir: None,
    };
    eframe::run_native(
        "daybook",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, settings::KEY))
                .unwrap_or_default();
            Ok(Box::new(DaybookApp::new(&cc.egui_ctx, settings, start)))
        }),
    )
    .map_err(|e| anyhow::anyhow!(crate::tr!("could-not-open-window", error = e.to_string())))
}
