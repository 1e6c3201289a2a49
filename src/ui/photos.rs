//! The photo views: the drop overlay, the Photos window (progress, cancel, per-file
//! messages), the photo folder field, and the path entry used when no file dialog exists.

use egui::{Color32, Ui};

use super::labels;
use crate::app::command::Command;
use crate::app::photos::ImportBatch;

/// While files are dragged over the window: where they will go.
pub fn drop_overlay(ui: &mut Ui, target: Option<&str>) {
    let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-overlay"),
    ));
    let rect = ui.ctx().content_rect();
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(170));
    let text = match target {
        Some(t) => format!("Drop photos to copy them into {t}\nand link them at the cursor"),
        None => "Open a post first: photos are linked at its cursor".to_owned(),
    };
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(26.0),
        Color32::WHITE,
    );
}

/// The photo folder of the open post, editable.
pub fn folder_field(ui: &mut Ui, root: &str, folder: &mut String, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let l = ui.label(labels::PHOTO_FOLDER);
        ui.weak(format!("{root}/"));
        let r = ui
            .add(egui::TextEdit::singleline(folder).desired_width(200.0))
            .labelled_by(l.id);
        if r.changed() {
            commands.push(Command::SetPhotoFolder(folder.clone()));
        }
        if ui
            .button(labels::INSERT_PHOTOS)
            .on_hover_text("Ctrl+Shift+I — or drop photos on the window, or paste copied files")
            .clicked()
        {
            commands.push(Command::PickPhotos);
        }
        if ui
            .button(labels::PASTE_IMAGE)
            .on_hover_text("Ctrl+Shift+V: a screenshot or copied picture")
            .clicked()
        {
            commands.push(Command::PasteImage);
        }
    });
}

/// The Photos window: progress while importing, then what happened.
pub fn import_window(ui: &mut Ui, batch: &ImportBatch, commands: &mut Vec<Command>) {
    egui::Window::new(labels::PHOTOS)
        .collapsible(false)
        .anchor(egui::Align2::RIGHT_TOP, [-12.0, 48.0])
        .default_width(420.0)
        .show(ui.ctx(), |ui| {
            let total = batch.sources.len();
            let done = batch.done();
            ui.label(format!("Into {} — {done} of {total}", batch.target.shown()));
            ui.add(egui::ProgressBar::new(done as f32 / total.max(1) as f32).show_percentage());
            if let Some(i) = batch.current {
                let name = batch.sources[i]
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ui.weak(format!("Now: {name}"));
            }
            for failure in batch.failures() {
                ui.colored_label(ui.visuals().error_fg_color, failure);
            }
            if batch.finished() {
                let ok = batch
                    .results
                    .iter()
                    .filter(|r| matches!(r, Some(Ok(_))))
                    .count();
                let reused = batch
                    .results
                    .iter()
                    .filter(|r| matches!(r, Some(Ok(p)) if p.reused))
                    .count();
                ui.label(format!(
                    "Done: {ok} linked ({reused} already there), {} failed",
                    total - ok
                ));
                if let Some(links) = &batch.links {
                    egui::CollapsingHeader::new("Links").show(ui, |ui| {
                        let mut text = links.join("\n");
                        ui.add(
                            egui::TextEdit::multiline(&mut text)
                                .code_editor()
                                .desired_width(f32::INFINITY),
                        );
                    });
                }
                if ui.button("Close").clicked() {
                    commands.push(Command::CloseImport);
                }
            } else if ui.button("Cancel").clicked() {
                commands.push(Command::CancelImport);
            }
        });
}

/// When no file dialog can be shown: paste or type photo paths instead.
pub fn typed_paths_window(ui: &mut Ui, text: &mut String, commands: &mut Vec<Command>) {
    egui::Window::new(labels::INSERT_PHOTOS)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ui.ctx(), |ui| {
            ui.label("No file dialog is available on this desktop. Paste or type photo paths, one per line:");
            let l = ui.label(labels::PHOTO_PATHS);
            ui.add(egui::TextEdit::multiline(text).desired_rows(4).desired_width(480.0)).labelled_by(l.id);
            ui.horizontal(|ui| {
                if ui.button("Import").clicked() {
                    commands.push(Command::SubmitTypedPaths);
                }
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CloseTypedPaths);
                }
            });
        });
}
