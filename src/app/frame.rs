//! One frame of the window: input handled before drawing (shortcuts, input-method
//! guard, dropped and pasted files, worker events, autosave), the views drawn, and the
//! commands they pushed run after the UI pass.

use crate::i18n::tr;
use crate::tr;
use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;
use super::document::Document;
use super::settings::{self, Theme, ViewMode};
use super::{AfterPrompt, DaybookApp};
use crate::site::Site;
use crate::ui::banners;
use crate::ui::dialogs::{self, NewPostSite};
use crate::ui::preview::PreviewInput;
use crate::ui::problems::{ProblemsView, problems_panel};
use crate::ui::sidebar::{SidebarView, sidebar};
use crate::ui::toolbar::{ToolbarView, toolbar};
use crate::ui::{editor, labels};
use crate::workers::Event;

impl DaybookApp {
    /// egui leaves a syllable being composed in the field it was typed in when the user clicks
    /// elsewhere; the input method then commits the same syllable into the newly focused
    /// field. Drop that late commit so the syllable is neither lost nor typed twice.
    fn guard_input_method(&mut self, ctx: &egui::Context) {
        let focused = ctx.memory(|m| m.focused());
        let composing = &mut self.composing;
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
        let table = [
            (KeyboardShortcut::new(cmd, Key::S), Command::SavePost),
            (
                KeyboardShortcut::new(cmd, Key::N),
                Command::ShowNewPostDialog,
            ),
            (KeyboardShortcut::new(cmd, Key::F), Command::ToggleFind),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::Z),
                Command::Redo,
            ),
            (KeyboardShortcut::new(cmd, Key::Y), Command::Redo),
            (KeyboardShortcut::new(cmd, Key::Z), Command::Undo),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::I),
                Command::PickPhotos,
            ),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::V),
                Command::PasteImage,
            ),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::G),
                Command::TogglePublish,
            ),
        ];
        for (shortcut, command) in table {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
    }

    fn preview_input<'a>(site: &'a Site, doc: &'a Document) -> PreviewInput<'a> {
        PreviewInput {
            site,
            path: &doc.path,
            rel: crate::site::check::relative_slash(&site.root, &doc.path),
            text: &doc.text,
        }
    }

    fn draw_editor(&mut self, ui: &mut egui::Ui) {
        let photo_target = self.photo_target();
        let Some(doc) = self.doc.as_mut() else {
            ui.centered_and_justified(|ui| ui.label(tr("choose-a-post")));
            return;
        };
        let zone = self
            .site
            .as_ref()
            .map(|s| s.config.zone())
            .unwrap_or(crate::journal::date::Zone::Local);
        let file = doc.file_name();
        banners::disk_banners(
            ui,
            &file,
            self.conflict.is_some(),
            self.deleted_on_disk,
            &mut self.commands,
        );
        if let Some(target) = &photo_target {
            let mut folder = target.folder.clone();
            crate::ui::photos::folder_field(ui, target.root, &mut folder, &mut self.commands);
        }
        self.form.sync(&doc.text, doc.generation, &doc.path);
        egui::CollapsingHeader::new(tr("front-matter"))
            .default_open(true)
            .show(ui, |ui| {
                self.form.ui(ui, &zone, &mut self.commands);
            });
        if self.find.open {
            self.find.ui(ui, &mut self.commands);
        }
        ui.separator();
        let out = editor::editor(
            ui,
            &mut doc.text,
            &mut self.highlighter,
            self.editor_offset,
            self.settings.fold_front_matter,
        );
        if let Some(fold) = out.fold {
            self.commands.push(Command::SetFoldFrontMatter(fold));
        }
        if out.changed {
            doc.typed(std::time::Instant::now());
        }
        self.editor_offset = out.offset;
        if let Some(top) = out.top_byte {
            // Keep the preview showing what the editor shows.
            self.preview.scroll_to_source(top);
        }
    }

    /// Ask the preview worker for the open post's text when it changed (the preview and the
    /// open post's problems both come from it, so this runs whatever the view).
    fn request_preview(&mut self, ctx: &egui::Context) {
        let (Some(site), Some(doc)) = (&self.site, &self.doc) else {
            return;
        };
        if !self.preview.is_current(&doc.path, doc.generation) {
            let input = Self::preview_input(site, doc);
            self.preview.update(ctx, &doc.path, doc.generation, &input);
        }
        self.preview.poll(ctx);
    }

    /// What the status bar shows of the open post.
    fn status_view(&self, ctx: &egui::Context) -> crate::ui::status::StatusView<'_> {
        use crate::ui::status::{SaveState, StatusView, line_and_column};
        let doc = self.doc.as_ref();
        let save = match doc {
            _ if self.deleted_on_disk => SaveState::DeletedOnDisk,
            _ if self.conflict.is_some() => SaveState::ChangedOnDisk,
            Some(d) if d.is_dirty() => {
                if matches!(&self.autosaved, Some((p, g)) if *p == d.path && *g == d.generation) {
                    SaveState::Autosaved
                } else {
                    SaveState::Unsaved
                }
            }
            _ => SaveState::Saved,
        };
        StatusView {
            stats: doc
                .and_then(|d| self.preview.stats_of(&d.path))
                .map(|(s, _)| s),
            caret: doc.and_then(|d| {
                let at = editor::cursor_byte(ctx, &d.text)?;
                // Counting lines is O(n): done again only when the caret or text moves.
                let id = egui::Id::unique("daybook-caret");
                type Cached = ((u64, usize), (usize, usize));
                if let Some((k, v)) = ctx.data(|m| m.get_temp::<Cached>(id))
                    && k == (d.generation, at)
                {
                    return Some(v);
                }
                let v = line_and_column(&d.text, at);
                ctx.data_mut(|m| m.insert_temp::<Cached>(id, ((d.generation, at), v)));
                Some(v)
            }),
            save,
        }
    }

    fn draw_preview(&mut self, ui: &mut egui::Ui) {
        if self.site.is_none() || self.doc.is_none() {
            return;
        }
        ui.label(egui::RichText::new(tr(labels::PREVIEW)).weak());
        let pixels = ui.available_width() * ui.ctx().pixels_per_point();
        self._photos.set_display_width(pixels as u32);
        self.preview.ui(ui);
    }
}

impl eframe::App for DaybookApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        for event in self.workers.drain() {
            match event {
                Event::SiteIndexed { root, posts, seq } => {
                    // A late result of an older index never replaces a newer one.
                    if self.site.as_ref().is_some_and(|s| s.root == root) && seq > self.posts_seq {
                        self.posts = posts;
                        self.posts_seq = seq;
                    }
                }
                Event::FilesChanged {
                    root,
                    paths,
                    rescan,
                } => {
                    if self.site.as_ref().is_some_and(|s| s.root == root) {
                        self.files_changed_on_disk(&paths, rescan);
                    }
                }
                Event::PhotoStarted { batch, index } => self.photo_started(batch, index),
                Event::PhotoPreviewed {
                    batch,
                    index,
                    result,
                } => self.photo_previewed(ctx, batch, index, result),
                Event::PhotoImported {
                    batch,
                    index,
                    result,
                } => self.photo_imported(ctx, batch, index, result),
                Event::PasteFailed(message) => self.error(tr!("paste-failed", error = message)),
                Event::PhotosPicked { paths, no_dialog } => match paths {
                    Some(paths) => self.import_photos(paths),
                    None if no_dialog => self.typed_paths = Some(String::new()),
                    None => {}
                },
                Event::ImageRenamed { root, result, open } => {
                    if self.site.as_ref().is_some_and(|s| s.root == root) {
                        self.image_renamed(result, open.as_ref());
                    }
                }
                Event::RenameUndone { root, result } => {
                    if self.site.as_ref().is_some_and(|s| s.root == root) {
                        match result {
                            Ok(rel) => {
                                self.files_changed();
                                self.site_problems = None;
                                if let Some(site) = &self.site {
                                    self.workers.index(site);
                                }
                                self.check_open_post_on_disk(&[]);
                                self.info(tr!("rename-undone", file = rel));
                            }
                            Err(e) => self.error(e),
                        }
                    }
                }
                Event::GitState { root, state } => {
                    if self.site.as_ref().is_some_and(|s| s.root == root) {
                        self.git_state_read(state);
                    }
                }
                Event::PublishPlanned {
                    root,
                    post,
                    generation,
                    plan,
                } => {
                    if self.site.as_ref().is_some_and(|s| s.root == root) {
                        self.publish_planned(&post, generation, plan);
                    }
                }
                Event::GitProgress { root, line } => {
                    if self.site.as_ref().is_some_and(|s| s.root == root) {
                        self.git_progress(line);
                    }
                }
                Event::GitFinished { root, outcome } => {
                    if self.site.as_ref().is_some_and(|s| s.root == root) {
                        self.git_finished(&outcome);
                    }
                }
                Event::SiteChecked {
                    root,
                    problems,
                    seq,
                } => {
                    if self.site.as_ref().is_some_and(|s| s.root == root)
                        && seq > self.site_check_seq
                    {
                        self.site_check_seq = seq;
                        self.checking_site = false;
                        match problems {
                            Ok(p) => self.site_problems = Some(p),
                            Err(e) => self.error(tr!("check-site-failed", error = e)),
                        }
                    }
                }
            }
        }
        self.guard_input_method(ctx);
        // Photos evicted from the preview's cache give back their textures as well.
        for uri in self._photos.take_evicted() {
            ctx.forget_image(&uri);
        }
        self.take_dropped_and_pasted_files(ctx);
        let focused = ctx.input(|i| i.focused);
        if focused && !self.was_focused {
            // Photos may have been copied into the site meanwhile, or committed elsewhere.
            self.files_changed();
            self.refresh_git();
        }
        self.request_preview(ctx);
        self.update_post_problems(ctx);
        self.plan_publish_after_pause(ctx);
        self.autosave_tick(ctx);
        self.was_focused = focused;
        if self.prompt.is_none() && self.new_post.is_none() {
            self.shortcuts(ctx);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(AfterPrompt::Close);
        }
        if let Some(doc) = self.doc.as_mut()
            && let Some(wait) = doc.tick(std::time::Instant::now())
        {
            ctx.request_repaint_after(wait);
        }
        if crate::i18n::apply_choice(self.settings.language) {
            // Problems and notes are worded when made: make them again.
            self.files_changed();
            self.site_problems = None;
        }
        if self.theme_applied != Some(self.settings.theme) {
            ctx.set_theme(match self.settings.theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Light => egui::ThemePreference::Light,
                Theme::Dark => egui::ThemePreference::Dark,
            });
            self.theme_applied = Some(self.settings.theme);
        }
        let title = self.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let warnings = self
            .site
            .as_ref()
            .map(|s| s.config.warnings.clone())
            .unwrap_or_default();
        let (git_line, git_files) = self.git_summary();
        let recent = self.settings.recent_sites.clone();
        egui::Panel::top("toolbar").show(ui, |ui| {
            let view = ToolbarView {
                git: git_line.as_deref(),
                git_files: &git_files,
                publishing: self.git.panel.is_some(),
                recent_sites: &recent,
                has_post: self.doc.is_some(),
                dirty: self.is_dirty(),
                can_undo: self.doc.as_ref().is_some_and(Document::can_undo),
                can_redo: self.doc.as_ref().is_some_and(Document::can_redo),
                view: self.settings.view,
                status: self.status.as_ref(),
                problems: self.post_problems.len(),
                show_problems: self.settings.show_problems,
                warnings: &warnings,
            };
            toolbar(ui, &view, &mut self.settings, &mut self.commands);
        });
        if self.doc.is_some() {
            let view = self.status_view(ui.ctx());
            egui::Panel::bottom("status").show(ui, |ui| {
                crate::ui::status::status_bar(ui, &view);
            });
        }
        if self.settings.show_problems && self.site.is_some() {
            let open_rel = match (&self.site, &self.doc) {
                (Some(s), Some(d)) => Some(crate::site::check::relative_slash(&s.root, &d.path)),
                _ => None,
            };
            let height = (ui.available_height() * 0.2).max(160.0);
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(height)
                .show(ui, |ui| {
                    let view = ProblemsView {
                        post: &self.post_problems,
                        site: self.site_problems.as_deref(),
                        checking_site: self.checking_site,
                        open_rel: open_rel.as_deref(),
                        undo_rename: self.last_rename.as_ref().map(|r| r.old_rel.as_str()),
                    };
                    problems_panel(ui, &view, &mut self.commands);
                });
        }
        let sidebar_panel = egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(self.settings.sidebar_width)
            .show(ui, |ui| {
                if let Some(doc) = &self.doc
                    && let Some((_, items)) = self.preview.stats_of(&doc.path)
                {
                    let caret = editor::cursor_byte(ui.ctx(), &doc.text);
                    let current = caret.and_then(|c| crate::journal::stats::current(items, c));
                    let height = (ui.available_height() * 0.35).max(120.0);
                    egui::Panel::bottom("outline")
                        .resizable(true)
                        .default_size(height)
                        .show(ui, |ui| {
                            crate::ui::outline::outline(ui, items, current, &mut self.commands);
                        });
                }
                let view = SidebarView {
                    posts: &self.posts,
                    open: self.doc.as_ref().map(|d| d.path.as_path()),
                    open_dirty: self.is_dirty(),
                    now: self.now(),
                    git: self.git.state.as_ref().and_then(|s| s.as_ref().ok()),
                };
                sidebar(ui, &view, &mut self.filter, &mut self.commands);
            });
        self.settings.sidebar_width = sidebar_panel.response.rect.width();
        match self.settings.view {
            ViewMode::Split => {
                let width = self.settings.preview_width;
                let panel = egui::Panel::right("preview")
                    .resizable(true)
                    .default_size(width)
                    .show(ui, |ui| self.draw_preview(ui));
                self.settings.preview_width = panel.response.rect.width();
                egui::CentralPanel::default().show(ui, |ui| self.draw_editor(ui));
            }
            ViewMode::EditorOnly => {
                egui::CentralPanel::default().show(ui, |ui| self.draw_editor(ui));
            }
            ViewMode::PreviewOnly => {
                egui::CentralPanel::default().show(ui, |ui| self.draw_preview(ui));
            }
        }
        if let Some(site) = &self.site {
            let dialog_site = NewPostSite::of(&site.config);
            dialogs::new_post_dialog(ui, &mut self.new_post, &dialog_site, &mut self.commands);
        }
        let target = self.photo_target().map(|t| t.shown());
        crate::ui::photos::drop_overlay(ui, target.as_deref());
        if let Some(view) = self.publish_view()
            && let Some(panel) = &self.git.panel
        {
            let mut pushed = Vec::new();
            crate::ui::publish::publish_window(
                ui,
                &view,
                &panel.message,
                panel.commit_anyway,
                &mut pushed,
            );
            self.commands.extend(pushed);
        }
        if let Some(batch) = &self.import {
            crate::ui::photos::import_window(ui, batch, &mut self.commands);
        }
        if let Some(text) = self.typed_paths.as_mut() {
            crate::ui::photos::typed_paths_window(ui, text, &mut self.commands);
        }
        if let Some(notice) = &self.notice {
            banners::notice(ui, notice, &mut self.commands);
        }
        if let Some(c) = &self.compare {
            banners::comparison(ui, c, &mut self.commands);
        }
        if !self.recovery.is_empty() && self.prompt.is_none() {
            let posts: Vec<PathBuf> = self.recovery.iter().map(|r| r.post.clone()).collect();
            banners::recovery_dialog(ui, &posts, &mut self.commands);
        }
        if self.prompt.is_some() {
            let file = self
                .doc
                .as_ref()
                .map(Document::file_name)
                .unwrap_or_default();
            dialogs::unsaved_prompt(ui, &file, &mut self.commands);
        }
        let ctx = ui.ctx().clone();
        for command in std::mem::take(&mut self.commands) {
            self.run(&ctx, command);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::KEY, &self.settings);
    }
}
