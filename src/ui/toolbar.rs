//! The toolbar: new, save, undo/redo, find, view mode, settings (language, theme, autosave,
//! photos), publish and git state, and the status line.

use egui::Ui;

use super::labels;
use crate::command::{Command, Requests, WindowCommand};
use crate::i18n::{self, Language, LanguageChoice, tr};
use crate::settings::{Settings, Theme, ViewMode};
use crate::tr;

pub use crate::session::Status;

pub struct ToolbarView<'a> {
    pub has_post: bool,
    pub dirty: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    pub view: ViewMode,
    pub status: Option<&'a Status>,
    pub warnings: &'a [String],
    /// Problems in the open post.
    pub problems: usize,
    pub show_problems: bool,
    /// The branch and how it stands against its upstream; `None` outside a repository.
    pub git: Option<&'a str>,
    /// The open post and its files that are not committed and pushed, with their state.
    pub git_files: &'a [(String, crate::site::git::PathState)],
    /// The Publish panel is open.
    pub publishing: bool,
    /// Sites opened lately, the latest first (the open one among them).
    pub recent_sites: &'a [std::path::PathBuf],
    /// A site is open (the theme preview has something to build).
    pub has_site: bool,
    /// The theme preview runs or starts.
    pub theme_active: bool,
}

/// The settings menu: language, theme, autosave and photos. It edits a copy; a change goes
/// to the session as [`Command::SetSettings`].
pub fn settings_menu(ui: &mut Ui, current: &Settings, commands: &mut Requests) {
    let mut edited = current.clone();
    settings_fields(ui, &mut edited);
    if edited != *current {
        commands.push(Command::SetSettings(Box::new(edited)));
    }
}

fn settings_fields(ui: &mut Ui, settings: &mut Settings) {
    ui.label(tr("settings-language"));
    ui.horizontal(|ui| {
        let system = tr!(
            "language-system",
            name = i18n::system_language().native_name()
        );
        ui.selectable_value(&mut settings.language, LanguageChoice::System, system);
        for language in Language::ALL {
            let choice = LanguageChoice::Use(language);
            ui.selectable_value(&mut settings.language, choice, language.native_name());
        }
    });
    ui.separator();
    ui.label(tr("settings-theme"));
    ui.horizontal(|ui| {
        ui.selectable_value(&mut settings.theme, Theme::System, tr("theme-system"));
        ui.selectable_value(&mut settings.theme, Theme::Light, tr("theme-light"));
        ui.selectable_value(&mut settings.theme, Theme::Dark, tr("theme-dark"));
    });
    ui.separator();
    let l = ui.label(tr(labels::AUTOSAVE));
    ui.add(
        egui::Slider::new(&mut settings.autosave_seconds, 0.0..=60.0).suffix(tr("unit-seconds")),
    )
    .labelled_by(l.id)
    .on_hover_text(tr("autosave-hover"));
    ui.separator();
    ui.checkbox(&mut settings.spelling, tr(labels::SPELLING))
        .on_hover_text(tr("spelling-hover"));
    ui.separator();
    ui.label(tr("settings-imported-photos"));
    let mut shrink = settings.import.max_edge.is_some();
    let edge = settings.import.max_edge.unwrap_or(2048);
    ui.horizontal(|ui| {
        ui.checkbox(&mut shrink, tr("settings-shrink"));
        let mut e = edge;
        ui.add_enabled(
            shrink,
            egui::DragValue::new(&mut e)
                .range(320..=8192)
                .suffix(tr("unit-pixels")),
        );
        settings.import.max_edge = shrink.then_some(e);
    });
    let l = ui.label(tr("settings-jpeg-quality"));
    ui.add(egui::Slider::new(&mut settings.import.quality, 50..=100))
        .labelled_by(l.id);
    ui.checkbox(
        &mut settings.import.strip_metadata,
        tr("settings-strip-metadata"),
    );
}

/// The theme preview's button, and its menu (open the page, full rebuild, stop).
fn theme_controls(ui: &mut Ui, v: &ToolbarView<'_>, commands: &mut Requests) {
    use crate::command::ThemeAction;
    let button = egui::Button::selectable(v.theme_active, tr(labels::PREVIEW_IN_THEME));
    if ui
        .add_enabled(v.has_site, button)
        .on_hover_text(tr("preview-in-theme-hover"))
        .clicked()
    {
        commands.push(WindowCommand::Theme(ThemeAction::Start));
    }
    ui.menu_button(tr(labels::THEME_MENU), |ui| {
        let items = [
            (labels::PREVIEW_IN_THEME, ThemeAction::Start, v.has_site),
            (
                labels::OPEN_THEME_PAGE,
                ThemeAction::OpenPage,
                v.theme_active,
            ),
            (
                labels::FULL_REBUILD,
                ThemeAction::FullRebuild,
                v.theme_active,
            ),
            (labels::STOP_THEME, ThemeAction::Stop, v.theme_active),
        ];
        for (label, action, enabled) in items {
            if ui
                .add_enabled(enabled, egui::Button::new(tr(label)))
                .clicked()
            {
                commands.push(WindowCommand::Theme(action));
                ui.close();
            }
        }
    });
}

pub fn toolbar(ui: &mut Ui, v: &ToolbarView<'_>, settings: &Settings, commands: &mut Requests) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(tr(labels::NEW_POST))
            .on_hover_text(tr("shortcut-new"))
            .clicked()
        {
            commands.push(Command::ShowNewPostDialog);
        }
        if ui
            .add_enabled(v.has_post && v.dirty, egui::Button::new(tr(labels::SAVE)))
            .on_hover_text(tr("shortcut-save"))
            .clicked()
        {
            commands.push(Command::SavePost);
        }
        if ui
            .add_enabled(v.can_undo, egui::Button::new(tr("undo")))
            .on_hover_text(tr("shortcut-undo"))
            .clicked()
        {
            commands.push(Command::Undo);
        }
        if ui
            .add_enabled(v.can_redo, egui::Button::new(tr("redo")))
            .on_hover_text(tr("shortcut-redo"))
            .clicked()
        {
            commands.push(Command::Redo);
        }
        if ui
            .add_enabled(v.has_post, egui::Button::new(tr(labels::FIND)))
            .on_hover_text(tr("shortcut-find"))
            .clicked()
        {
            commands.push(WindowCommand::ToggleFind);
        }
        ui.separator();
        for (mode, name) in [
            (ViewMode::EditorOnly, tr("view-editor")),
            (ViewMode::Split, tr("view-split")),
            (ViewMode::PreviewOnly, tr("view-preview")),
        ] {
            if ui.selectable_label(v.view == mode, name).clicked() {
                commands.push(Command::SetView(mode));
            }
        }
        ui.separator();
        let problems = tr!("problems-count", count = v.problems);
        if ui.selectable_label(v.show_problems, problems).clicked() {
            commands.push(Command::ToggleProblems);
        }
        if ui.button(tr("reload-list")).clicked() {
            commands.push(Command::Reindex);
        }
        ui.menu_button(tr(labels::RECENT_SITES), |ui| {
            if v.recent_sites.is_empty() {
                ui.weak(tr("no-sites-yet"));
            }
            for root in v.recent_sites {
                let name = root
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| root.display().to_string());
                if ui
                    .button(name)
                    .on_hover_text(root.display().to_string())
                    .clicked()
                {
                    commands.push(Command::OpenPost(root.clone()));
                    ui.close();
                }
            }
        });
        ui.menu_button(tr(labels::SETTINGS), |ui| {
            settings_menu(ui, settings, commands)
        });
        ui.separator();
        theme_controls(ui, v, commands);
        ui.separator();
        if ui
            .add_enabled(
                v.has_post,
                egui::Button::selectable(v.publishing, tr("publish-button")),
            )
            .on_hover_text(tr("publish-hover"))
            .clicked()
        {
            commands.push(Command::TogglePublish);
        }
        if let Some(branch) = v.git {
            ui.label(tr!("git-branch", state = branch));
            if !v.git_files.is_empty() {
                let list = v
                    .git_files
                    .iter()
                    .map(|(path, state)| format!("{}: {path}", state.words()))
                    .collect::<Vec<_>>()
                    .join("\n");
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    tr!("files-not-published", count = v.git_files.len()),
                )
                .on_hover_text(list);
            }
        }
        if let Some(status) = v.status {
            ui.separator();
            // One line, cut to fit; the whole text on hover.
            let said = status.text.to_string();
            let line = said.lines().next().unwrap_or_default();
            let text = if status.is_error {
                egui::RichText::new(line).color(ui.visuals().error_fg_color)
            } else {
                egui::RichText::new(line)
            };
            ui.add(egui::Label::new(text).truncate())
                .on_hover_text(said.as_str());
        }
        for w in v.warnings {
            ui.colored_label(ui.visuals().warn_fg_color, w);
        }
    });
}
