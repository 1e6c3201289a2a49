//! The open post's outline: its headings, indented by level, the one the caret is under
//! marked; a click jumps there in the editor and the preview.

use crate::i18n::tr;
use crate::tr;
use egui::Ui;

use super::labels;
use crate::command::{Command, Requests};
use crate::journal::stats::OutlineItem;

pub fn outline(
    ui: &mut Ui,
    items: &[OutlineItem],
    current: Option<usize>,
    commands: &mut Requests,
) {
    egui::CollapsingHeader::new(tr(labels::OUTLINE))
        .default_open(true)
        .show(ui, |ui| {
            if items.is_empty() {
                ui.weak(tr("no-headings"));
                return;
            }
            let top = items.iter().map(|h| h.level).min().unwrap_or(1);
            let row = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
            // Only the rows on screen are laid out: a post of 500 headings costs what 10 do.
            egui::ScrollArea::vertical()
                .id_salt("daybook-outline")
                .max_height(ui.available_height())
                .auto_shrink([false, true])
                .show_rows(ui, row, items.len(), |ui, range| {
                    for (i, h) in items.iter().enumerate().skip(range.start).take(range.len()) {
                        ui.horizontal(|ui| {
                            ui.add_space(f32::from(h.level.saturating_sub(top)) * 12.0);
                            let text = if h.text.trim().is_empty() {
                                tr!("untitled-heading")
                            } else {
                                h.text.clone()
                            };
                            if ui.selectable_label(current == Some(i), text).clicked() {
                                commands.push(Command::JumpToOffset(h.at));
                            }
                        });
                    }
                });
        });
}
