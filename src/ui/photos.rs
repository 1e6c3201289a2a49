//! The photo views: the drop overlay, the Photos window (progress, cancel, per-file
//! messages), the photo folder field, and the path entry used when no file dialog exists.

use crate::i18n::tr;
use crate::tr;
use egui::{Color32, Ui};

use super::labels;
use crate::command::{Command, PhotoEdit, Requests, WindowCommand};
use crate::session::photos::ImportBatch;

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
        Some(t) => tr!("drop-photos", folder = t),
        None => tr!("drop-photos-no-post"),
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
pub fn folder_field(ui: &mut Ui, root: &str, folder: &mut String, commands: &mut Requests) {
    ui.horizontal(|ui| {
        let l = ui.label(tr(labels::PHOTO_FOLDER));
        ui.weak(format!("{root}/"));
        let r = ui
            .add(egui::TextEdit::singleline(folder).desired_width(200.0))
            .labelled_by(l.id);
        if r.changed() {
            commands.push(Command::SetPhotoFolder(folder.clone()));
        }
        if ui
            .button(tr(labels::INSERT_PHOTOS))
            .on_hover_text(tr("insert-photos-hover"))
            .clicked()
        {
            commands.push(Command::PickPhotos);
        }
        if ui
            .button(tr(labels::PASTE_IMAGE))
            .on_hover_text(tr("paste-image-hover"))
            .clicked()
        {
            commands.push(Command::PasteImage);
        }
    });
}

/// The height of one photo's row in the Photos window.
const ROW: f32 = 112.0;
/// The thumbnails' textures, by batch and photo (made by the window from the batch's
/// pixels).
pub type Thumbnails = std::collections::HashMap<(u64, usize), egui::TextureHandle>;

/// The size thumbnails are shown at.
const THUMB: f32 = 96.0;

/// The Photos window: each photo as a thumbnail (upright) in the order it will be linked,
/// with a tick to leave it out, Up/Down to reorder, its alt text and caption; progress and
/// what failed; a heading per day.
pub fn import_window(
    ui: &mut Ui,
    batch: &ImportBatch,
    thumbnails: &Thumbnails,
    format: (crate::site::photos::PhotoFormat, bool),
    commands: &mut Requests,
) {
    egui::Window::new(tr(labels::PHOTOS))
        .collapsible(false)
        .anchor(egui::Align2::RIGHT_TOP, [-12.0, 48.0])
        .default_width(560.0)
        .show(ui.ctx(), |ui| {
            let total = batch.items.len();
            let done = batch.done();
            ui.label(tr!(
                "import-progress",
                folder = batch.target.shown(),
                done = done,
                total = total
            ));
            if !batch.finished() {
                ui.add(egui::ProgressBar::new(done as f32 / total.max(1) as f32).show_percentage());
                if let Some(i) = batch.current {
                    ui.weak(tr!("import-now", name = batch.items[i].name()));
                }
            }
            let mut by_day = batch.by_day;
            if ui
                .checkbox(&mut by_day, tr(labels::PHOTOS_BY_DAY))
                .on_hover_text(tr("photos-by-day-hover"))
                .changed()
            {
                commands.push(Command::EditPhoto(PhotoEdit::ByDay(by_day)));
            }
            ui.horizontal(|ui| {
                use crate::journal::gallery::InsertAs;
                ui.label(tr(labels::INSERT_AS));
                for (how, label, hover) in [
                    (
                        InsertAs::Lines,
                        tr("insert-as-lines"),
                        tr("insert-as-lines-hover"),
                    ),
                    (
                        InsertAs::Figure,
                        tr("insert-as-figure"),
                        tr("insert-as-figure-hover"),
                    ),
                    (
                        InsertAs::Gallery,
                        tr("insert-as-gallery"),
                        tr("insert-as-gallery-hover"),
                    ),
                ] {
                    if ui
                        .selectable_label(batch.layout.insert_as == how, label)
                        .on_hover_text(hover)
                        .clicked()
                    {
                        commands.push(Command::EditPhoto(PhotoEdit::InsertAs(how)));
                    }
                }
            });
            if batch.layout.insert_as == crate::journal::gallery::InsertAs::Gallery {
                gallery_choice(ui, batch, commands);
            }
            ui.horizontal(|ui| {
                use crate::site::photos::PhotoFormat;
                ui.label(tr(labels::PHOTO_FORMAT));
                let (current, by_site) = format;
                ui.add_enabled_ui(!by_site, |ui| {
                    for (f, label) in [
                        (PhotoFormat::Jpeg, tr("photo-format-jpeg")),
                        (PhotoFormat::Webp, tr("photo-format-webp")),
                        (PhotoFormat::Keep, tr("photo-format-keep")),
                    ] {
                        if ui.selectable_label(current == f, label).clicked() {
                            commands.push(Command::EditPhoto(PhotoEdit::Format(f)));
                        }
                    }
                });
                if by_site {
                    ui.weak(tr("photo-format-by-site"));
                }
            });
            if batch.detached {
                ui.colored_label(ui.visuals().warn_fg_color, tr("import-detached"));
            }
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.6)
                .auto_shrink([false, true])
                .show_rows(ui, ROW, batch.order.len(), |ui, rows| {
                    for pos in rows {
                        let i = batch.order[pos];
                        photo_row(ui, batch, thumbnails, i, pos, commands);
                    }
                });
            for failure in batch.failures() {
                ui.colored_label(ui.visuals().error_fg_color, failure.to_string());
            }
            for note in &batch.notes {
                ui.weak(note.to_string());
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
                ui.label(tr!(
                    "import-done",
                    linked = linked,
                    reused = reused,
                    failed = batch.failures().count()
                ));
                if let Some(links) = &batch.links {
                    egui::CollapsingHeader::new(tr("import-links")).show(ui, |ui| {
                        let mut text = links.join("\n\n");
                        ui.add(
                            egui::TextEdit::multiline(&mut text)
                                .code_editor()
                                .desired_width(f32::INFINITY),
                        );
                    });
                }
                if ui.button(tr(labels::PHOTOS_DONE)).clicked() {
                    commands.push(Command::CloseImport);
                }
            } else if ui.button(tr("cancel")).clicked() {
                commands.push(Command::CancelImport);
            }
        });
}

/// One photo: tick, thumbnail, name and time, Up/Down, alt text and caption.
/// Which gallery a gallery is written as: the site's includes that take a list of photos,
/// or daybook's own HTML.
fn gallery_choice(ui: &mut Ui, batch: &ImportBatch, commands: &mut Requests) {
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(labels::GALLERY_FORM));
        let current = batch.layout.gallery.as_ref().map(|g| g.name.clone());
        for g in &batch.galleries {
            let label = tr!("gallery-include", name = g.name.as_str());
            let key = batch.layout.gallery_key.as_str();
            let hover = match &g.front_matter {
                // Read from the front matter: the list goes there, under its own key.
                Some(_) if crate::journal::gallery::can_show(g, key) => tr!(
                    "gallery-front-matter-hover",
                    tag = crate::journal::gallery::front_matter_tag(g, key),
                    key = key
                ),
                Some(_) => tr!("gallery-front-matter-taken", name = g.name.as_str()),
                None => tr!(
                    "gallery-include-hover",
                    name = g.name.as_str(),
                    param = g.param.as_str()
                ),
            };
            if ui
                .selectable_label(current.as_deref() == Some(g.name.as_str()), label)
                .on_hover_text(hover)
                .clicked()
            {
                commands.push(Command::EditPhoto(PhotoEdit::Gallery(Some(g.name.clone()))));
            }
        }
        if ui
            .selectable_label(current.is_none(), tr("gallery-plain"))
            .on_hover_text(tr("gallery-plain-hover"))
            .clicked()
        {
            commands.push(Command::EditPhoto(PhotoEdit::Gallery(None)));
        }
    });
}

fn photo_row(
    ui: &mut Ui,
    batch: &ImportBatch,
    thumbnails: &Thumbnails,
    i: usize,
    pos: usize,
    commands: &mut Requests,
) {
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
                labels::of_photo(labels::PHOTO_INCLUDE, &name),
            )
        });
        if tick.changed() {
            commands.push(Command::EditPhoto(PhotoEdit::Include(i, include)));
        }
        let (rect, _) = ui.allocate_exact_size(egui::vec2(THUMB, THUMB), egui::Sense::hover());
        match item
            .thumb
            .as_ref()
            .map(|t| t.as_ref().map(|_| thumbnails.get(&(batch.id, i))))
        {
            Some(Ok(Some(texture))) => {
                let size = texture.size_vec2();
                let scale = (THUMB / size.x.max(size.y)).min(1.0);
                let shown = egui::Rect::from_center_size(rect.center(), size * scale);
                ui.put(
                    shown,
                    egui::Image::new(texture)
                        .fit_to_exact_size(shown.size())
                        .alt_text(labels::of_photo(labels::PHOTO_THUMBNAIL, &name)),
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
                    .on_hover_text(why.to_string());
            }
            Some(Ok(None)) | None => {
                ui.put(rect, egui::Spinner::new());
            }
        }
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                let when = item
                    .captured
                    .map(|c| c.local.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| tr!("no-capture-time"));
                let status = match &item.result {
                    None => "",
                    Some(Ok(_)) => "",
                    Some(Err(_)) => tr("photo-failed"),
                };
                ui.label(format!("{name}  {when}{status}"));
                let up = ui
                    .add_enabled(pos > 0, egui::Button::new(tr("up")).small())
                    .on_hover_text(tr("move-earlier"));
                up.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        pos > 0,
                        labels::of_photo(labels::PHOTO_UP, &name),
                    )
                });
                if up.clicked() {
                    commands.push(Command::EditPhoto(PhotoEdit::Move(i, true)));
                }
                let last = pos + 1 >= batch.order.len();
                let down = ui
                    .add_enabled(!last, egui::Button::new(tr("down")).small())
                    .on_hover_text(tr("move-later"));
                down.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        !last,
                        labels::of_photo(labels::PHOTO_DOWN, &name),
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
                &labels::of_photo(labels::PHOTO_ALT, &name),
                &item.alt,
                &hint,
                |t| PhotoEdit::Alt(i, t),
                commands,
            );
            text_field(
                ui,
                &labels::of_photo(labels::PHOTO_CAPTION, &name),
                &item.caption,
                tr("caption-hint"),
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
    commands: &mut Requests,
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
pub fn typed_paths_window(ui: &mut Ui, text: &mut String, commands: &mut Requests) {
    egui::Window::new(tr(labels::INSERT_PHOTOS))
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ui.ctx(), |ui| {
            ui.label(tr("no-file-dialog"));
            let l = ui.label(tr(labels::PHOTO_PATHS));
            ui.add(
                egui::TextEdit::multiline(text)
                    .desired_rows(4)
                    .desired_width(480.0),
            )
            .labelled_by(l.id);
            ui.horizontal(|ui| {
                if ui.button(tr("import")).clicked() {
                    commands.push(WindowCommand::SubmitTypedPaths);
                }
                if ui.button(tr("cancel")).clicked() {
                    commands.push(WindowCommand::CloseTypedPaths);
                }
            });
        });
}
