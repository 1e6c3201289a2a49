//! Bars and windows about the disk: the conflict bar, the deleted-file banner, notices about
//! watching, the side-by-side comparison, and the offer to restore unsaved text.

use std::path::PathBuf;

use egui::{Color32, RichText, Ui};

use crate::app::command::Command;

/// The conflict bar and the deleted banner above the editor.
pub fn disk_banners(
    ui: &mut Ui,
    file: &str,
    conflict: bool,
    deleted: bool,
    commands: &mut Vec<Command>,
) {
    if conflict {
        egui::Frame::new()
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.2))
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "“{file}” changed on disk while you were editing it."
                        ))
                        .strong(),
                    );
                    if ui
                        .button("Keep mine")
                        .on_hover_text("Saving will then replace the file on disk")
                        .clicked()
                    {
                        commands.push(Command::KeepMine);
                    }
                    if ui
                        .button("Take theirs")
                        .on_hover_text("Ctrl+Z brings your text back")
                        .clicked()
                    {
                        commands.push(Command::TakeTheirs);
                    }
                    if ui.button("Compare").clicked() {
                        commands.push(Command::CompareConflict);
                    }
                });
            });
    }
    if deleted {
        egui::Frame::new()
            .fill(ui.visuals().error_fg_color.gamma_multiply(0.2))
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.label(format!(
                    "“{file}” was deleted on disk. Your text is kept; Save writes the file again."
                ));
            });
    }
}

/// A notice about watching the site, until dismissed.
pub fn notice(ui: &mut Ui, text: &str, commands: &mut Vec<Command>) {
    egui::Window::new("Watching the site")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
        .show(ui.ctx(), |ui| {
            ui.label(text);
            if ui.button("OK").clicked() {
                commands.push(Command::DismissNotice);
            }
        });
}

/// Two texts side by side, changed lines marked.
pub fn comparison(ui: &mut Ui, c: &crate::app::disk::Comparison, commands: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new(&c.title)
        .id(egui::Id::unique("daybook-compare"))
        .open(&mut open)
        .default_size([1000.0, 600.0])
        .show(ui.ctx(), |ui| {
            use crate::app::disk::DiffLine;
            let removed = Color32::from_rgba_unmultiplied(220, 60, 60, 60);
            let added = Color32::from_rgba_unmultiplied(60, 180, 80, 60);
            ui.columns(2, |cols| {
                cols[0].strong(&c.left_title);
                cols[1].strong(&c.right_title);
            });
            let row = ui.text_style_height(&egui::TextStyle::Body);
            // Only the rows on screen are laid out, whatever the post's length.
            egui::ScrollArea::both().show_rows(ui, row, c.lines.len(), |ui, range| {
                egui::Grid::new("compare-grid")
                    .num_columns(2)
                    .striped(false)
                    .min_row_height(row)
                    .show(ui, |ui| {
                        for line in &c.lines[range] {
                            match line {
                                DiffLine::Same(l) => {
                                    ui.label(l);
                                    ui.label(l);
                                }
                                DiffLine::Removed(l) => {
                                    ui.label(
                                        RichText::new(format!("− {l}")).background_color(removed),
                                    );
                                    ui.label("");
                                }
                                DiffLine::Added(l) => {
                                    ui.label("");
                                    ui.label(
                                        RichText::new(format!("+ {l}")).background_color(added),
                                    );
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        });
    if !open {
        commands.push(Command::CloseCompare);
    }
}

/// The offer to restore unsaved text found from an earlier run.
pub fn recovery_dialog(ui: &mut Ui, posts: &[PathBuf], commands: &mut Vec<Command>) {
    egui::Window::new("Restore unsaved text?")
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ui.ctx(), |ui| {
            ui.label("daybook was closed without saving these posts. Their unsaved text was kept:");
            for (i, post) in posts.iter().enumerate() {
                ui.push_id(i, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            post.file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default(),
                        );
                        if ui.button("Restore").clicked() {
                            commands.push(Command::RestoreRecovery(i));
                        }
                        if ui.button("Compare").clicked() {
                            commands.push(Command::CompareRecovery(i));
                        }
                        if ui.button("Discard").clicked() {
                            commands.push(Command::DiscardRecovery(i));
                        }
                    });
                });
            }
        });
}
