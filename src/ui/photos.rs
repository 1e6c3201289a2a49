//! The photo views: the drop overlay, the Photos window (progress, cancel, per-file
//! messages), the photo folder field, and the path entry used when no file dialog exists.

use egui::{Color32, Ui};

use super::labels;
use crate::app::command::{Command, PhotoEdit};
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

/// The height of one photo's row in the Photos window.
const ROW: f32 = 112.0;
/// The size thumbnails are shown at.
const THUMB: f32 = 96.0;

/// The Photos window: each photo as a thumbnail (upright) in the order it will be linked,
/// with a tick to leave it out, Up/Down to reorder, its alt text and caption; progress and
/// what failed; a heading per day.
pub fn import_window(ui: &mut Ui, batch: &ImportBatch, commands: &mut Vec<Command>) {
    egui::Window::new(labels::PHOTOS)
        .collapsible(false)
        .anchor(egui::Align2::RIGHT_TOP, [-12.0, 48.0])
        .default_width(560.0)
        .show(ui.ctx(), |ui| {
            let total = batch.items.len();
            let done = batch.done();
            ui.label(format!("Into {} — {done} of {total}", batch.target.shown()));
            if !batch.finished() {
                ui.add(egui::ProgressBar::new(done as f32 / total.max(1) as f32).show_percentage());
                if let Some(i) = batch.current {
                    ui.weak(format!("Now: {}", batch.items[i].name()));
                }
            }
            let mut by_day = batch.by_day;
            if ui
                .checkbox(&mut by_day, labels::PHOTOS_BY_DAY)
                .on_hover_text("A heading such as “## 5월 3일” before the first photo of each day")
                .changed()
            {
                commands.push(Command::EditPhoto(PhotoEdit::ByDay(by_day)));
            }
            if batch.detached {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "The links were changed in the post: choices here no longer change them.",
                );
            }
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.6)
                .auto_shrink([false, true])
                .show_rows(ui, ROW, batch.order.len(), |ui, rows| {
                    for pos in rows {
                        let i = batch.order[pos];
                        photo_row(ui, batch, i, pos, commands);
                    }
                });
            for failure in batch.failures() {
                ui.colored_label(ui.visuals().error_fg_color, failure);
            }
            for note in &batch.notes {
                ui.weak(note);
            }
            if batch.finished() {
                let linked = batch
                    .order
                    .iter()
                    .filter(|i| {
                        let item = &batch.items[**i];
                        item.include && matches!(item.result, Some(Ok(_)))
                    })
                    .count();
                let reused = batch
                    .items
                    .iter()
                    .filter(|i| matches!(&i.result, Some(Ok(p)) if p.reused))
                    .count();
                ui.label(format!(
                    "Done: {linked} linked ({reused} already there), {} failed",
                    batch.failures().count()
                ));
                if let Some(links) = &batch.links {
                    egui::CollapsingHeader::new("Links").show(ui, |ui| {
                        let mut text = links.join("\n\n");
                        ui.add(
                            egui::TextEdit::multiline(&mut text)
                                .code_editor()
                                .desired_width(f32::INFINITY),
                        );
                    });
                }
                if ui.button(labels::PHOTOS_DONE).clicked() {
                    commands.push(Command::CloseImport);
                }
            } else if ui.button("Cancel").clicked() {
                commands.push(Command::CancelImport);
            }
        });
}

/// One photo: tick, thumbnail, name and time, Up/Down, alt text and caption.
fn photo_row(ui: &mut Ui, batch: &ImportBatch, i: usize, pos: usize, commands: &mut Vec<Command>) {
    let item = &batch.items[i];
    let name = item.name();
    ui.horizontal(|ui| {
        ui.set_height(ROW - 8.0);
        let mut include = item.include;
        let tick = ui.checkbox(&mut include, "");
        tick.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::CheckBox,
                true,
                include,
                format!("{} {name}", labels::PHOTO_INCLUDE),
            )
        });
        if tick.changed() {
            commands.push(Command::EditPhoto(PhotoEdit::Include(i, include)));
        }
        let (rect, _) = ui.allocate_exact_size(egui::vec2(THUMB, THUMB), egui::Sense::hover());
        match &item.thumb {
            Some(Ok(texture)) => {
                let size = texture.size_vec2();
                let scale = (THUMB / size.x.max(size.y)).min(1.0);
                let shown = egui::Rect::from_center_size(rect.center(), size * scale);
                ui.put(
                    shown,
                    egui::Image::new(texture)
                        .fit_to_exact_size(shown.size())
                        .alt_text(format!("{} {name}", labels::PHOTO_THUMBNAIL)),
                );
            }
            Some(Err(why)) => {
                ui.painter().rect_stroke(
                    rect,
                    4.0,
                    ui.visuals().window_stroke,
                    egui::StrokeKind::Inside,
                );
                ui.put(rect, egui::Label::new(egui::RichText::new("?").weak()))
                    .on_hover_text(why);
            }
            None => {
                ui.put(rect, egui::Spinner::new());
            }
        }
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                let when = item
                    .captured
                    .map(|c| c.local.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| "no capture time".to_owned());
                let status = match &item.result {
                    None => "",
                    Some(Ok(_)) => "",
                    Some(Err(_)) => " — failed",
                };
                ui.label(format!("{name}  {when}{status}"));
                let up = ui
                    .add_enabled(pos > 0, egui::Button::new("Up").small())
                    .on_hover_text("Move earlier in the post");
                up.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        pos > 0,
                        format!("{} {name}", labels::PHOTO_UP),
                    )
                });
                if up.clicked() {
                    commands.push(Command::EditPhoto(PhotoEdit::Move(i, true)));
                }
                let last = pos + 1 >= batch.order.len();
                let down = ui
                    .add_enabled(!last, egui::Button::new("Down").small())
                    .on_hover_text("Move later in the post");
                down.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        !last,
                        format!("{} {name}", labels::PHOTO_DOWN),
                    )
                });
                if down.clicked() {
                    commands.push(Command::EditPhoto(PhotoEdit::Move(i, false)));
                }
            });
            let number = batch.layout.first_number
                + batch.order[..pos]
                    .iter()
                    .filter(|j| batch.items[**j].include)
                    .count();
            let hint = crate::journal::trip::alt_for(
                &item
                    .result
                    .as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .map(|p| p.alt.clone())
                    .unwrap_or_default(),
                &batch.layout.title,
                number,
            );
            text_field(
                ui,
                &format!("{} {name}", labels::PHOTO_ALT),
                &item.alt,
                &hint,
                |t| PhotoEdit::Alt(i, t),
                commands,
            );
            text_field(
                ui,
                &format!("{} {name}", labels::PHOTO_CAPTION),
                &item.caption,
                "caption (optional)",
                |t| PhotoEdit::Caption(i, t),
                commands,
            );
        });
    });
}

fn text_field(
    ui: &mut Ui,
    label: &str,
    value: &str,
    hint: &str,
    edit: impl FnOnce(String) -> PhotoEdit,
    commands: &mut Vec<Command>,
) {
    let mut text = value.to_owned();
    let r = ui.add(
        egui::TextEdit::singleline(&mut text)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    let (label, value, hint) = (label.to_owned(), text.clone(), hint.to_owned());
    r.widget_info(move || {
        let mut info =
            egui::WidgetInfo::text_edit(true, value.clone(), value.clone(), hint.clone());
        info.label = Some(label.clone());
        info
    });
    if r.changed() {
        commands.push(Command::EditPhoto(edit(text)));
    }
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
