//! One frame of the window: input handled before drawing (worker events, the input-method
//! guard, dropped and pasted files, shortcuts, the editor's keys and input method, focus,
//! what time asks for, a close request), then the views ([`super::draw`]), then the
//! commands they pushed.

use std::path::PathBuf;
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::DaybookApp;
use crate::command::{Command, Request, WindowCommand};
use crate::session::photos::pasted_files;
use crate::settings::{self, Theme};
use crate::ui::preview::PreviewInput;

impl DaybookApp {
    /// Write the settings as soon as they change (a site trusted to run its Jekyll, a recent
    /// site, the language), not only every 30 s while frames are drawn and at a clean exit:
    /// a daybook that is killed or crashes keeps them. Not while the pointer is down (a
    /// panel being dragged changes its width every frame): once it is let go.
    pub fn persist_settings(&mut self, storage: &mut dyn eframe::Storage, dragging: bool) {
        if dragging || self.window.settings_saved == self.session.settings {
            return;
        }
        eframe::App::save(self, storage);
        storage.flush();
        self.window.settings_saved = self.session.settings.clone();
    }

    /// egui leaves a syllable being composed in the field it was typed in when the user clicks
    /// elsewhere; the input method then commits the same syllable into the newly focused
    /// field. Drop that late commit so the syllable is neither lost nor typed twice.
    fn guard_input_method(&mut self, ctx: &egui::Context) {
        let focused = ctx.memory(|m| m.focused());
        let composing = &mut self.widgets.composing;
        ctx.input_mut(|i| {
            i.events.retain(|event| match event {
                egui::Event::Ime(egui::ImeEvent::Preedit { text, .. }) => {
                    *composing = (!text.is_empty()).then(|| (focused, text.clone()));
                    true
                }
                egui::Event::Ime(egui::ImeEvent::Commit(text)) => {
                    let stale =
                        matches!(composing, Some((id, pre)) if *id != focused && pre == text);
                    *composing = None;
                    !stale
                }
                _ => true,
            });
        });
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let cmd = Modifiers::COMMAND;
        let table: [(KeyboardShortcut, Request); 10] = [
            (KeyboardShortcut::new(cmd, Key::S), Command::SavePost.into()),
            (
                KeyboardShortcut::new(cmd, Key::N),
                Command::ShowNewPostDialog.into(),
            ),
            (
                KeyboardShortcut::new(cmd, Key::F),
                WindowCommand::ToggleFind.into(),
            ),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::Z),
                Command::Redo.into(),
            ),
            (KeyboardShortcut::new(cmd, Key::Y), Command::Redo.into()),
            (KeyboardShortcut::new(cmd, Key::Z), Command::Undo.into()),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::I),
                Command::PickPhotos.into(),
            ),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::V),
                Command::PasteImage.into(),
            ),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::G),
                Command::TogglePublish.into(),
            ),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::P),
                WindowCommand::Theme(crate::command::ThemeAction::Start).into(),
            ),
        ];
        for (shortcut, command) in table {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
    }

    /// Files dropped on the window or pasted as paths: photos attach to the open post, a
    /// post opens (photos dropped with it still attach).
    fn take_dropped_and_pasted_files(&mut self, ctx: &egui::Context) {
        let mut dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        ctx.input_mut(|i| {
            i.events.retain(|e| match e {
                egui::Event::Paste(text) => match pasted_files(text) {
                    Some(files) => {
                        dropped.extend(files);
                        false
                    }
                    None => true,
                },
                _ => true,
            });
        });
        let (posts, photos): (Vec<PathBuf>, Vec<PathBuf>) = dropped
            .into_iter()
            .partition(|p| crate::journal::post_name::has_post_extension(&p.to_string_lossy()));
        if !photos.is_empty() {
            let effects = self.session.apply(Command::ImportPhotos(photos));
            self.carry_out(ctx, effects);
        }
        if let Some(post) = posts.into_iter().next() {
            self.commands.push(Command::OpenPost(post));
        }
    }

    /// Ask the preview worker for the open post's text when it changed (the status bar's
    /// counts and the outline come from it too, so this runs whatever the view).
    fn request_preview(&mut self, ctx: &egui::Context) {
        let preview = &mut self.widgets.preview;
        let (Some(site), Some(doc)) = (self.session.site(), self.session.doc()) else {
            return;
        };
        if !preview.is_current(&doc.path, doc.generation()) {
            let input = PreviewInput {
                site,
                rel: crate::site::relative_slash(&site.root, &doc.path),
                doc,
            };
            preview.update(ctx, &doc.path, doc.generation(), &input);
        }
        preview.poll(ctx);
    }

    /// Textures for the Photos window's new thumbnails (the session has their pixels).
    fn load_thumbnails(&mut self, ctx: &egui::Context) {
        let Some(batch) = &self.session.import else {
            self.widgets.thumbnails.clear();
            return;
        };
        let textures = &mut self.widgets.thumbnails;
        textures.retain(|(id, _), _| *id == batch.id);
        for (i, item) in batch.items.iter().enumerate() {
            if let Some(Ok(image)) = &item.thumb {
                textures.entry((batch.id, i)).or_insert_with(|| {
                    let size = [image.width() as usize, image.height() as usize];
                    ctx.load_texture(
                        format!("daybook-thumb-{}-{i}", batch.id),
                        egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw()),
                        egui::TextureOptions::LINEAR,
                    )
                });
            }
        }
    }
}

impl eframe::App for DaybookApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // A language chosen in Settings: problems and fixes are data, worded as they are
        // drawn, so they follow at once.
        crate::i18n::apply_choice(self.session.settings.language);
        let effects = self.session.drain_events();
        self.carry_out(ctx, effects);
        self.guard_input_method(ctx);
        // Photos evicted from the preview's cache give back their textures as well.
        for uri in self._photos.take_evicted() {
            ctx.forget_image(&uri);
        }
        self.take_dropped_and_pasted_files(ctx);
        if !self.session.is_prompting() && self.widgets.new_post.is_none() {
            self.shortcuts(ctx);
        }
        self.editor_input(ctx);
        let focused = ctx.input(|i| i.focused);
        if focused && !self.window.was_focused {
            let effects = self.session.focus_regained();
            self.carry_out(ctx, effects);
        }
        self.window.was_focused = focused;
        self.request_preview(ctx);
        self.widgets
            .spelling
            .update(ctx, &self.session, (self.session.clock)());
        self.widgets
            .theme
            .update(ctx, &self.session, (self.session.clock)());
        self.load_thumbnails(ctx);
        let effects = self.session.tick(Instant::now());
        self.carry_out(ctx, effects);
        if ctx.input(|i| i.viewport().close_requested())
            && !self.window.allow_close
            && !self.session.close_requested()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        let theme = self.session.settings.theme;
        if self.window.theme_applied != Some(theme) {
            ctx.set_theme(match theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Light => egui::ThemePreference::Light,
                Theme::Dark => egui::ThemePreference::Dark,
            });
            self.window.theme_applied = Some(theme);
        }
        let title = self.session.window_title().to_string();
        if title != self.window.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title_sent = title;
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.draw(ui);
        let ctx = ui.ctx().clone();
        self.run_commands(&ctx);
        let dragging = ctx.input(|i| i.pointer.any_down());
        if let Some(storage) = frame.storage_mut() {
            self.persist_settings(storage, dragging);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::KEY, &self.session.settings);
    }
}
