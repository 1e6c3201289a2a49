//! Modal dialogs: the new-post dialog (with the file name and URL Jekyll will use, shown
//! before creating) and the save / discard / cancel prompt for unsaved changes.

use egui::{Id, Modal, Ui};

use super::labels;
use crate::command::{Command, NewPostForm, PromptChoice, Requests};
use crate::i18n::tr;
use crate::journal::permalink::{UrlParts, post_url};
use crate::journal::slug::SlugStyle;
pub use crate::session::new_post::{NewPostSite, post_from_form};
use crate::tr;

/// Draw the new-post dialog; `form` is `None` when it is closed.
pub fn new_post_dialog(
    ui: &mut Ui,
    form: &mut Option<NewPostForm>,
    site: &NewPostSite<'_>,
    commands: &mut Requests,
) {
    let Some(f) = form.as_mut() else {
        return;
    };
    let mut close = false;
    let modal = Modal::new(Id::unique("new-post-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(520.0);
        ui.heading(tr(labels::NEW_POST));
        egui::Grid::new("new-post-grid")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                for (label, value) in [
                    (tr(labels::NEW_TITLE), &mut f.title),
                    (tr(labels::NEW_CATEGORIES), &mut f.categories),
                    (tr(labels::NEW_TAGS), &mut f.tags),
                    (tr(labels::NEW_DATE), &mut f.date),
                ] {
                    let l = ui.label(label);
                    let r = ui
                        .add(egui::TextEdit::singleline(value).desired_width(360.0))
                        .labelled_by(l.id);
                    if label == tr(labels::NEW_TITLE) && ui.memory(|m| m.focused().is_none()) {
                        r.request_focus();
                    }
                    ui.end_row();
                }
                ui.label(tr("new-post-kind"));
                ui.horizontal(|ui| {
                    ui.radio_value(&mut f.draft, false, tr("new-post-kind-post"));
                    ui.radio_value(&mut f.draft, true, tr("new-post-kind-draft"));
                });
                ui.end_row();
                ui.label(tr("new-post-file-name"));
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut f.slug_style,
                        SlugStyle::Default,
                        tr("slug-keep-korean"),
                    );
                    ui.radio_value(&mut f.slug_style, SlugStyle::Ascii, tr("slug-ascii"));
                });
                ui.end_row();
            });
        ui.separator();
        let post = post_from_form(f, site);
        match &post {
            Ok(p) => {
                let file = format!("{}/{}", p.folder(), p.file_name());
                ui.label(tr!("new-post-file", file = file));
                let url = post_url(
                    site.permalink,
                    &UrlParts {
                        categories: &p.categories,
                        date: p.date,
                        slug: &p.slug(),
                        output_ext: ".html",
                    },
                );
                let url = format!("{}{url}", site.baseurl);
                ui.label(if p.draft {
                    tr!("new-post-url-draft", url = url)
                } else {
                    tr!("new-post-url", url = url)
                });
            }
            Err(e) => {
                ui.colored_label(ui.visuals().warn_fg_color, e.to_string());
            }
        }
        ui.horizontal(|ui| {
            let create = ui.add_enabled(post.is_ok(), egui::Button::new(tr("create")));
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            if create.clicked() || (enter && post.is_ok()) {
                commands.push(Command::CreatePost(f.clone()));
                close = true;
            }
            if ui.button(tr("cancel")).clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        *form = None;
    }
}

/// Draw the unsaved-changes prompt for the post named `file`.
pub fn unsaved_prompt(ui: &mut Ui, file: &str, commands: &mut Requests) {
    let modal = Modal::new(Id::unique("unsaved-prompt")).show(ui.ctx(), |ui| {
        ui.set_width(380.0);
        ui.heading(tr("unsaved-title"));
        ui.label(tr!("unsaved-body", file = file));
        ui.horizontal(|ui| {
            if ui.button(tr("save-changes")).clicked() {
                commands.push(Command::AnswerPrompt(PromptChoice::Save));
            }
            if ui.button(tr("discard-changes")).clicked() {
                commands.push(Command::AnswerPrompt(PromptChoice::Discard));
            }
            if ui.button(tr("cancel")).clicked() {
                commands.push(Command::AnswerPrompt(PromptChoice::Cancel));
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::AnswerPrompt(PromptChoice::Cancel));
    }
}
