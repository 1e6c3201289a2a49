//! The window: a thin egui shell over the [`Session`]. It keeps only widget state, draws
//! the views from the session, gives the session their [`crate::command::Command`]s after
//! the UI pass (the editor's keys before it, one event at a time), and carries out the
//! [`crate::command::Effect`]s the session returns (show the selection, repaint later,
//! close). Find, the theme preview and the typed-paths window are its own.

mod draw;
mod effects;
mod frame;
mod spelling;
mod theme;
mod widgets;

use std::path::PathBuf;
use std::sync::Arc;

use crate::command::Requests;
use crate::session::{Session, SessionStart};
use crate::settings::{self, Settings, Theme};
pub use crate::site::sample;
use crate::ui::fonts::{self, KoreanFont};
use crate::ui::photo_loader::PhotoLoader;
use crate::workers::{Waker, Workers};
use widgets::Widgets;

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

/// The preview's photo cache budget.
const PHOTO_CACHE_BYTES: usize = 96 << 20;

/// What the window itself remembers between frames.
#[derive(Default)]
struct WindowState {
    /// The title last sent to the window system.
    title_sent: String,
    theme_applied: Option<Theme>,
    /// Whether the window had focus last frame (regaining it re-checks image files).
    was_focused: bool,
    /// The user answered the unsaved-changes prompt: the window may close.
    allow_close: bool,
    /// The settings as last written to eframe's storage.
    settings_saved: Settings,
}

pub struct DaybookApp {
    pub session: Session,
    widgets: Widgets,
    window: WindowState,
    commands: Requests,
    _photos: Arc<PhotoLoader>,
}

impl DaybookApp {
    /// The window, its workers on threads that wake it when they report.
    pub fn new(ctx: &egui::Context, settings: Settings, start: StartOptions) -> DaybookApp {
        let repaint = ctx.clone();
        let workers = Workers::new(Waker::new(move || repaint.request_repaint()));
        DaybookApp::with_workers(ctx, settings, start, workers)
    }

    /// The window with the session's `workers` given (inline ones in tests: what they
    /// report is there on the next frame, no waiting).
    pub fn with_workers(
        ctx: &egui::Context,
        settings: Settings,
        start: StartOptions,
        workers: Workers,
    ) -> DaybookApp {
        fonts::install(ctx, start.fonts);
        // The language is the window's: the session and below never word anything by it.
        crate::i18n::apply_choice(settings.language);
        let photos = PhotoLoader::install(ctx, PHOTO_CACHE_BYTES);
        let theme_cache = start.data_dir.as_ref().map(|d| d.join("serve"));
        let settings_loaded = settings.clone();
        let session = Session::new(
            settings,
            workers,
            SessionStart {
                path: start.path,
                sample_dir: start.sample_dir,
                data_dir: start.data_dir,
                watch: true,
            },
        );
        let mut app = DaybookApp {
            session,
            widgets: Widgets::default(),
            window: WindowState {
                was_focused: true,
                settings_saved: settings_loaded,
                ..WindowState::default()
            },
            commands: Requests::default(),
            _photos: photos,
        };
        app.widgets.theme.cache = theme_cache;
        let effects = app.session.take_effects();
        app.carry_out(ctx, effects);
        app
    }

    /// The theme preview's page of the open post, once its server runs.
    pub fn theme_page_url(&self) -> Option<String> {
        self.widgets.theme.page_url(&self.session)
    }

    /// Where the theme preview's builds stand, and why it could not start.
    pub fn theme_status(&self) -> (crate::site::serve::BuildStatus, Option<String>) {
        (
            self.widgets.theme.status.clone(),
            self.widgets.theme.message.clone(),
        )
    }

    /// The open post as the preview shows it, as published HTML (what `render` prints).
    pub fn preview_html(&self) -> String {
        self.widgets.preview.html()
    }

    /// Whether the preview shows the open post as it is now.
    pub fn preview_is_current(&self) -> bool {
        self.session
            .doc()
            .is_some_and(|d| self.widgets.preview.shows(&d.path, d.generation()))
    }

    /// The preview's scroll offset as of the last frame.
    pub fn preview_offset(&self) -> f32 {
        self.widgets.preview.offset
    }

    /// The open post's misspelt words as the editor underlines them now, and whether they
    /// were found in its text as it is now.
    pub fn spelling_words(&self) -> (Vec<crate::site::spelling::Misspelt>, bool) {
        match self.session.doc() {
            Some(d) => (
                self.widgets.spelling.words(d),
                self.widgets.spelling.is_current(d),
            ),
            None => (Vec::new(), false),
        }
    }

    /// Select `range` of the open post and show it in the editor with the focus, as a jump
    /// does (through the session, as every selection the user makes).
    pub fn select_in_editor(&mut self, ctx: &egui::Context, range: std::ops::Range<usize>) {
        let select = crate::command::EditOp::Select {
            anchor: range.start,
            head: range.end,
        };
        self.edit(ctx, vec![select]);
        self.carry_out(
            ctx,
            vec![crate::command::Effect::Reveal {
                focus: crate::command::Focus::Take,
            }],
        );
    }

    /// The editor's scroll offset as of the last frame.
    pub fn editor_offset(&self) -> f32 {
        self.widgets.editor.offset()
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
