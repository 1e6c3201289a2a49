//! The toolbar: new, save, undo/redo, find, view mode, theme, and the status line.

use egui::Ui;

use super::labels;
use crate::app::command::Command;
use crate::app::settings::{Settings, Theme, ViewMode};

/// A message for the user in the toolbar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

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
}

/// The settings menu: theme and autosave (photo settings join them with the photos).
pub fn settings_menu(ui: &mut Ui, settings: &mut Settings) {
    ui.label("Theme");
    ui.horizontal(|ui| {
        ui.selectable_value(&mut settings.theme, Theme::System, "System");
        ui.selectable_value(&mut settings.theme, Theme::Light, "Light");
        ui.selectable_value(&mut settings.theme, Theme::Dark, "Dark");
    });
    ui.separator();
    let l = ui.label(labels::AUTOSAVE);
    ui.add(egui::Slider::new(&mut settings.autosave_seconds, 0.0..=60.0).suffix(" s"))
        .labelled_by(l.id)
        .on_hover_text("Unsaved text goes to a recovery folder (never over the post) this long after typing stops; 0 turns it off");
    ui.separator();
    ui.label("Imported photos");
    let mut shrink = settings.import.max_edge.is_some();
    let edge = settings.import.max_edge.unwrap_or(2048);
    ui.horizontal(|ui| {
        ui.checkbox(&mut shrink, "Shrink to a long edge of");
        let mut e = edge;
        ui.add_enabled(
            shrink,
            egui::DragValue::new(&mut e).range(320..=8192).suffix(" px"),
        );
        settings.import.max_edge = shrink.then_some(e);
    });
    let l = ui.label("JPEG quality");
    ui.add(egui::Slider::new(&mut settings.import.quality, 50..=100))
        .labelled_by(l.id);
    ui.checkbox(
        &mut settings.import.strip_metadata,
        "Remove location and camera data",
    );
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 file".to_owned()
    } else {
        format!("{n} files")
    }
}

pub fn toolbar(
    ui: &mut Ui,
    v: &ToolbarView<'_>,
    settings: &mut Settings,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(labels::NEW_POST)
            .on_hover_text("Ctrl+N")
            .clicked()
        {
            commands.push(Command::ShowNewPostDialog);
        }
        if ui
            .add_enabled(v.has_post && v.dirty, egui::Button::new(labels::SAVE))
            .on_hover_text("Ctrl+S")
            .clicked()
        {
            commands.push(Command::SavePost);
        }
        if ui
            .add_enabled(v.can_undo, egui::Button::new("Undo"))
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            commands.push(Command::Undo);
        }
        if ui
            .add_enabled(v.can_redo, egui::Button::new("Redo"))
            .on_hover_text("Ctrl+Shift+Z")
            .clicked()
        {
            commands.push(Command::Redo);
        }
        if ui
            .add_enabled(v.has_post, egui::Button::new(labels::FIND))
            .on_hover_text("Ctrl+F")
            .clicked()
        {
            commands.push(Command::ToggleFind);
        }
        ui.separator();
        for (mode, name) in [
            (ViewMode::EditorOnly, "Editor"),
            (ViewMode::Split, "Split"),
            (ViewMode::PreviewOnly, "Preview only"),
        ] {
            if ui.selectable_label(v.view == mode, name).clicked() {
                commands.push(Command::SetView(mode));
            }
        }
        ui.separator();
        let problems = format!("{} ({})", labels::PROBLEMS, v.problems);
        if ui.selectable_label(v.show_problems, problems).clicked() {
            commands.push(Command::ToggleProblems);
        }
        if ui.button("Reload list").clicked() {
            commands.push(Command::Reindex);
        }
        ui.menu_button(labels::RECENT_SITES, |ui| {
            if v.recent_sites.is_empty() {
                ui.weak("No sites yet");
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
        ui.menu_button(labels::SETTINGS, |ui| settings_menu(ui, settings));
        ui.separator();
        if ui
            .add_enabled(
                v.has_post,
                egui::Button::selectable(v.publishing, format!("{}…", labels::PUBLISH)),
            )
            .on_hover_text("Commit this post with exactly its photos, then push (Ctrl+Shift+G)")
            .clicked()
        {
            commands.push(Command::TogglePublish);
        }
        if let Some(branch) = v.git {
            ui.label(format!("git: {branch}"));
            if !v.git_files.is_empty() {
                let list = v
                    .git_files
                    .iter()
                    .map(|(path, state)| format!("{}: {path}", state.label()))
                    .collect::<Vec<_>>()
                    .join("\n");
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{} not committed or pushed", plural(v.git_files.len())),
                )
                .on_hover_text(list);
            }
        }
        if let Some(status) = v.status {
            ui.separator();
            // One line, cut to fit; the whole text on hover.
            let line = status.text.lines().next().unwrap_or_default();
            let text = if status.is_error {
                egui::RichText::new(line).color(ui.visuals().error_fg_color)
            } else {
                egui::RichText::new(line)
            };
            ui.add(egui::Label::new(text).truncate())
                .on_hover_text(&status.text);
        }
        for w in v.warnings {
            ui.colored_label(ui.visuals().warn_fg_color, w);
        }
    });
}
