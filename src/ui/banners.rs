//! Bars and windows about the disk: the conflict bar, the deleted-file banner, notices about
//! watching, the side-by-side comparison, and the offer to restore unsaved text.

use std::path::PathBuf;

use egui::{Color32, RichText, Ui};

use crate::command::{Command, Requests};
use crate::i18n::tr;
use crate::tr;

/// The conflict bar, the deleted banner and the read-only banner above the editor.
pub fn disk_banners(
    ui: &mut Ui,
    file: &str,
    (conflict, deleted): (bool, bool),
    read_only: Option<&std::path::Path>,
    commands: &mut Requests,
) {
    if let Some(target) = read_only {
        egui::Frame::new()
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.2))
            .inner_margin(6.0)
            .show(ui, |ui| {
                let target = target.display().to_string();
                ui.label(tr!("read-only-post", file = file, target = target));
            });
    }
    if conflict {
        egui::Frame::new()
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.2))
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(tr!("conflict-bar", file = file)).strong());
                    if ui
                        .button(tr("keep-mine"))
                        .on_hover_text(tr("keep-mine-hover"))
                        .clicked()
                    {
                        commands.push(Command::KeepMine);
                    }
                    if ui
                        .button(tr("take-theirs"))
                        .on_hover_text(tr("take-theirs-hover"))
                        .clicked()
                    {
                        commands.push(Command::TakeTheirs);
                    }
                    if ui.button(tr("compare")).clicked() {
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
                ui.label(tr!("deleted-banner", file = file));
            });
    }
}

/// A notice about watching the site, until dismissed.
pub fn notice(ui: &mut Ui, text: &str, commands: &mut Requests) {
    egui::Window::new(tr("watching-title"))
        .id(egui::Id::unique("daybook-notice"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
        .show(ui.ctx(), |ui| {
            ui.label(text);
            if ui.button(tr("ok")).clicked() {
                commands.push(Command::DismissNotice);
            }
        });
}

/// Two texts side by side, changed lines marked.
pub fn comparison(ui: &mut Ui, c: &crate::session::disk::Comparison, commands: &mut Requests) {
    let mut open = true;
    egui::Window::new(c.title.to_string())
        .id(egui::Id::unique("daybook-compare"))
        .open(&mut open)
        .default_size([1000.0, 600.0])
        .show(ui.ctx(), |ui| {
            use crate::session::disk::DiffLine;
            let removed = Color32::from_rgba_unmultiplied(220, 60, 60, 60);
            let added = Color32::from_rgba_unmultiplied(60, 180, 80, 60);
            ui.columns(2, |cols| {
                cols[0].strong(c.left_title.to_string());
                cols[1].strong(c.right_title.to_string());
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
pub fn recovery_dialog(ui: &mut Ui, posts: &[PathBuf], commands: &mut Requests) {
    egui::Window::new(tr("restore-title"))
        .id(egui::Id::unique("daybook-restore"))
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ui.ctx(), |ui| {
            ui.label(tr("restore-body"));
            for (i, post) in posts.iter().enumerate() {
                ui.push_id(i, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            post.file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default(),
                        );
                        if ui.button(tr("restore")).clicked() {
                            commands.push(Command::RestoreRecovery(i));
                        }
                        if ui.button(tr("compare")).clicked() {
                            commands.push(Command::CompareRecovery(i));
                        }
                        if ui.button(tr("discard")).clicked() {
                            commands.push(Command::DiscardRecovery(i));
                        }
                    });
                });
            }
        });
}
