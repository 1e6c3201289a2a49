//! The views of one frame, drawn from the session and the window's widgets; what they ask
//! is pushed as commands.

use std::path::PathBuf;

use super::DaybookApp;
use crate::command::Command;
use crate::i18n::tr;
use crate::session::document::Document;
use crate::settings::ViewMode;
use crate::ui::banners;
use crate::ui::dialogs::{self, NewPostSite};
use crate::ui::problems::{ProblemsView, problems_panel};
use crate::ui::publish::PublishView;
use crate::ui::sidebar::{SidebarView, sidebar};
use crate::ui::toolbar::{ToolbarView, toolbar};
use crate::ui::{editor, labels};

impl DaybookApp {
    pub(super) fn draw(&mut self, ui: &mut egui::Ui) {
        // The caret, for the status bar and the outline.
        let caret = self.session.doc().map(|d| d.selection().head);
        let s = &self.session;
        let mut warnings: Vec<String> = s
            .site()
            .map(|s| s.config.warnings.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        if s.settings.spelling {
            warnings.extend(self.widgets.spelling.unavailable.clone());
        }
        let (git_line, git_files) = s.git_summary();
        let git_line = git_line.map(|w| w.to_string());
        egui::Panel::top("toolbar").show(ui, |ui| {
            let view = ToolbarView {
                git: git_line.as_deref(),
                git_files: &git_files,
                publishing: s.git.panel.is_some(),
                recent_sites: &s.settings.recent_sites,
                has_site: s.site().is_some(),
                theme_active: self.widgets.theme.active(),
                has_post: s.open.is_some(),
                dirty: s.is_dirty(),
                can_undo: s.doc().is_some_and(Document::can_undo),
                can_redo: s.doc().is_some_and(Document::can_redo),
                view: s.settings.view,
                status: s.status.as_ref(),
                problems: s.post_problems().len(),
                show_problems: s.settings.show_problems,
                warnings: &warnings,
            };
            toolbar(ui, &view, &s.settings, &mut self.commands);
        });
        self.draw_theme_strip(ui);
        if self.session.open.is_some() {
            let view = self.status_view(caret);
            egui::Panel::bottom("status").show(ui, |ui| {
                crate::ui::status::status_bar(ui, &view);
            });
        }
        self.draw_problems(ui);
        self.draw_sidebar(ui, caret);
        match self.session.settings.view {
            ViewMode::Split => {
                let width = self.session.settings.preview_width;
                let panel = egui::Panel::right("preview")
                    .resizable(true)
                    .default_size(width)
                    .show(ui, |ui| self.draw_preview(ui));
                self.session.settings.preview_width = panel.response.rect.width();
                egui::CentralPanel::default().show(ui, |ui| self.draw_editor(ui));
            }
            ViewMode::EditorOnly => {
                egui::CentralPanel::default().show(ui, |ui| self.draw_editor(ui));
            }
            ViewMode::PreviewOnly => {
                egui::CentralPanel::default().show(ui, |ui| self.draw_preview(ui));
            }
        }
        self.draw_windows(ui);
    }

    fn draw_theme_strip(&mut self, ui: &mut egui::Ui) {
        let theme = &self.widgets.theme;
        if let Some(site) = &theme.asking {
            crate::ui::theme_preview::trust_dialog(ui, site, &mut self.commands);
        }
        if !theme.active() && theme.message.is_none() {
            return;
        }
        let setup = theme.setup();
        let view = crate::ui::theme_preview::ThemeView {
            starting: theme.is_starting(),
            jekyll: setup.map(|s| format!("{} ({})", s.version, s.how())),
            pages_not_run: setup
                .and_then(|s| s.pages.as_ref())
                .map(|p| p.not_run.as_slice()),
            status: &theme.status,
            url: theme.page_url(&self.session),
            message: theme.message.as_deref(),
            problems_shown: self.session.settings.show_problems,
        };
        egui::Panel::top("theme-preview").show(ui, |ui| {
            crate::ui::theme_preview::theme_strip(ui, &view, &mut self.commands);
        });
    }

    fn draw_problems(&mut self, ui: &mut egui::Ui) {
        let s = &self.session;
        let Some(site) = s.site().filter(|_| s.settings.show_problems) else {
            return;
        };
        let open_rel = s
            .doc()
            .map(|d| crate::site::relative_slash(&site.root, &d.path));
        let height = (ui.available_height() * 0.2).max(160.0);
        let theme_problems = self.widgets.theme.problems();
        egui::Panel::bottom("problems")
            .resizable(true)
            .default_size(height)
            .show(ui, |ui| {
                let view = ProblemsView {
                    post: s.post_problems(),
                    site: s.site_problems(),
                    checking_site: s.checking_site(),
                    open_rel: open_rel.as_deref(),
                    undo_rename: s.undo_rename_name(),
                    theme: &theme_problems,
                    spelling: s.doc().filter(|_| s.settings.spelling).map(|d| {
                        (
                            self.widgets.spelling.problems(d),
                            s.settings.show_spelling_problems,
                        )
                    }),
                };
                problems_panel(ui, &view, &mut self.commands);
            });
    }

    fn draw_sidebar(&mut self, ui: &mut egui::Ui, caret: Option<usize>) {
        let s = &self.session;
        let (widgets, commands) = (&mut self.widgets, &mut self.commands);
        let panel = egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(s.settings.sidebar_width)
            .show(ui, |ui| {
                if let Some(doc) = s.doc()
                    && let Some((_, items)) = widgets.preview.stats_of(&doc.path)
                {
                    let current = caret.and_then(|c| crate::journal::stats::current(items, c));
                    let height = (ui.available_height() * 0.35).max(120.0);
                    egui::Panel::bottom("outline")
                        .resizable(true)
                        .default_size(height)
                        .show(ui, |ui| {
                            crate::ui::outline::outline(ui, items, current, commands);
                        });
                }
                let view = SidebarView {
                    posts: s.posts(),
                    open: s.doc().map(|d| d.path.as_path()),
                    open_dirty: s.is_dirty(),
                    now: s.now(),
                    git: s.git.state.as_ref().and_then(|s| s.as_ref().ok()),
                };
                sidebar(ui, &view, &mut widgets.filter, commands);
            });
        self.session.settings.sidebar_width = panel.response.rect.width();
    }

    fn draw_editor(&mut self, ui: &mut egui::Ui) {
        let photo_target = self.session.photo_target();
        let fold = self.session.settings.fold_front_matter;
        let zone = self
            .session
            .site()
            .map(|s| s.config.zone())
            .unwrap_or(crate::journal::date::Zone::Local);
        let (conflict, deleted) = (
            self.session.has_conflict(),
            self.session.is_deleted_on_disk(),
        );
        let misspelt = match self.session.doc() {
            Some(doc) if self.session.settings.spelling => self.widgets.spelling.words(doc),
            _ => Vec::new(),
        };
        let (widgets, commands) = (&mut self.widgets, &mut self.commands);
        let Some(doc) = self.session.doc() else {
            ui.centered_and_justified(|ui| ui.label(tr("choose-a-post")));
            return;
        };
        let read_only = doc.read_only.clone();
        banners::disk_banners(
            ui,
            &doc.file_name(),
            (conflict, deleted),
            read_only.as_deref(),
            commands,
        );
        if let Some(target) = &photo_target {
            let mut folder = target.folder.clone();
            crate::ui::photos::folder_field(ui, target.root, &mut folder, commands);
        }
        widgets.form.sync(doc.text(), doc.generation(), &doc.path);
        egui::CollapsingHeader::new(tr("front-matter"))
            .default_open(true)
            .show(ui, |ui| {
                ui.add_enabled_ui(read_only.is_none(), |ui| {
                    widgets.form.ui(ui, &zone, commands);
                });
            });
        if widgets.find.open {
            widgets.find.ui(ui, commands);
        }
        ui.separator();
        // The editor draws the session's document; what the user does in it goes to the
        // session as edits (its keys before this frame, its mouse after it).
        let find = widgets.find.open.then_some(widgets.find.query.as_str());
        if let Some(at) = widgets.preview.take_user_scroll() {
            // The preview was scrolled: the editor follows.
            widgets.editor.scroll_to_byte(at);
        }
        let marks = editor::SpellMarks {
            words: &misspelt,
            suggestions: Some(&widgets.spelling.suggestions),
        };
        let out = editor::editor(ui, doc, &mut widgets.editor, fold, find, (&marks, commands));
        if let Some(word) = out.asked {
            widgets.spelling.suggest(word);
        }
        if let Some(fold) = out.fold {
            commands.push(Command::SetFoldFrontMatter(fold));
        }
        if let Some(top) = out.top_byte {
            // Keep the preview showing what the editor shows.
            widgets.preview.scroll_to_source(top);
        }
    }

    /// What the status bar shows of the open post.
    fn status_view(&self, caret: Option<usize>) -> crate::ui::status::StatusView<'_> {
        use crate::session::disk::RecoveryCopy;
        use crate::ui::status::{SaveState, StatusView};
        let open = self.session.open.as_ref();
        let doc = open.map(|o| &o.doc);
        let save = match open {
            Some(o) if o.deleted_on_disk => SaveState::DeletedOnDisk,
            Some(o) if o.conflict.is_some() => SaveState::ChangedOnDisk,
            Some(o) if o.doc.is_dirty() => match o.autosaved {
                Some(RecoveryCopy::Kept(g)) if g == o.doc.generation() => SaveState::Autosaved,
                Some(RecoveryCopy::Failed(g)) if g == o.doc.generation() => SaveState::NotKept,
                _ => SaveState::Unsaved,
            },
            _ => SaveState::Saved,
        };
        StatusView {
            stats: doc
                .and_then(|d| self.widgets.preview.stats_of(&d.path))
                .map(|(s, _)| s),
            // The editor's line index knows the line without counting them.
            caret: doc.and_then(|d| Some(self.widgets.editor.line_and_column(d, caret?))),
            save,
            photos: open.map_or((0, 0), |o| o.photo_weight),
        }
    }

    fn draw_preview(&mut self, ui: &mut egui::Ui) {
        if self.session.site().is_none() || self.session.open.is_none() {
            return;
        }
        ui.label(egui::RichText::new(tr(labels::PREVIEW)).weak());
        let pixels = ui.available_width() * ui.ctx().pixels_per_point();
        self._photos.set_display_width(pixels as u32);
        self.widgets.preview.ui(ui);
    }

    /// The dialogs and windows over the panels.
    fn draw_windows(&mut self, ui: &mut egui::Ui) {
        let target = self.session.photo_target().map(|t| t.shown());
        let s = &self.session;
        let (widgets, commands) = (&mut self.widgets, &mut self.commands);
        if let Some(site) = s.site() {
            let dialog_site = NewPostSite::of(&site.config);
            dialogs::new_post_dialog(ui, &mut widgets.new_post, &dialog_site, commands);
        }
        crate::ui::photos::drop_overlay(ui, target.as_deref());
        if let Some(panel) = &s.git.panel {
            let view = PublishView {
                post: s.doc().map(Document::file_name).unwrap_or_default(),
                git: s.git.state.as_ref(),
                plan: panel.plan.as_ref(),
                dirty: s.is_dirty(),
                busy: panel.busy.as_ref(),
                progress: &panel.progress,
                outcome: panel.outcome.as_ref(),
                blocked: panel.blocked(),
            };
            crate::ui::publish::publish_window(
                ui,
                &view,
                panel.message.as_deref(),
                panel.commit_anyway,
                commands,
            );
        }
        if let Some(batch) = &s.import {
            let site_format = self.session.site().and_then(|s| s.config.photo_format);
            let format = (
                site_format.unwrap_or(self.session.settings.import.format),
                site_format.is_some(),
            );
            crate::ui::photos::import_window(ui, batch, &widgets.thumbnails, format, commands);
        }
        if let Some(text) = widgets.typed_paths.as_mut() {
            crate::ui::photos::typed_paths_window(ui, text, commands);
        }
        if let Some(notice) = s.notice() {
            banners::notice(ui, &notice.to_string(), commands);
        }
        if let Some(c) = &s.disk.compare {
            banners::comparison(ui, c, commands);
        }
        let recoverable = s.recoverable();
        if !recoverable.is_empty() && !s.is_prompting() {
            let posts: Vec<PathBuf> = recoverable;
            banners::recovery_dialog(ui, &posts, commands);
        }
        if s.is_prompting() {
            let file = s.doc().map(Document::file_name).unwrap_or_default();
            dialogs::unsaved_prompt(ui, &file, commands);
        }
    }
}
