//! Running commands after the UI pass: every change to documents, files and settings that
//! a button, field or shortcut asked for happens here.

use super::command::{Command, NewPostForm, PromptChoice};
use super::{AfterPrompt, DaybookApp};
use crate::journal::form_fields::set_other_fields;
use crate::journal::front_matter::{self, FrontMatterError};
use crate::site::{create, store};
use crate::tr;
use crate::ui::dialogs::{NewPostSite, post_from_form};
use crate::ui::editor;
use std::path::PathBuf;

/// Select line `line` (1-based) of `text` in the editor.
fn select_line(ctx: &egui::Context, text: &str, line: usize) {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    editor::select(ctx, text, start..end);
}

impl DaybookApp {
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenPost(path) => {
                if self.is_dirty() {
                    self.prompt = Some(AfterPrompt::Open(path));
                } else {
                    self.open_post_or_site(&path);
                }
            }
            Command::SavePost => {
                self.save();
            }
            Command::ShowNewPostDialog => {
                if self.site.is_some() {
                    self.new_post = Some(NewPostForm {
                        date: self.now().format("%Y-%m-%d %H:%M").to_string(),
                        slug_style: self.settings.slug_style,
                        ..NewPostForm::default()
                    });
                }
            }
            Command::CreatePost(form) => self.create_post(ctx, &form),
            Command::SetField { key, value } => {
                self.edit_front_matter(|text| front_matter::set_field(text, &key, &value));
            }
            Command::RemoveField(key) => {
                self.edit_front_matter(|text| front_matter::remove_field(text, &key));
            }
            Command::SetOtherFields(raw) => {
                let ok = self.edit_front_matter(|text| set_other_fields(text, &raw));
                if ok {
                    self.form.others_error = None;
                }
            }
            Command::Undo => {
                if let Some(doc) = self.doc.as_mut() {
                    doc.undo();
                }
            }
            Command::Redo => {
                if let Some(doc) = self.doc.as_mut() {
                    doc.redo();
                }
            }
            Command::ToggleFind => {
                self.find.open = !self.find.open && self.doc.is_some();
                self.find.focus = self.find.open;
                self.find.message = None;
            }
            Command::FindNext => self.find_next(ctx),
            Command::ReplaceOne => self.replace_one(ctx),
            Command::ReplaceAll => self.replace_all(),
            Command::SetView(view) => self.settings.view = view,
            Command::Reindex => {
                self.files_changed();
                if let Some(site) = &self.site {
                    self.workers.index(site);
                }
            }
            Command::AnswerPrompt(choice) => self.answer_prompt(ctx, choice),
            Command::CloseWindow => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::TogglePublish => self.toggle_publish(),
            Command::JumpToOffset(at) => {
                if let Some(doc) = &self.doc {
                    let at = at.min(doc.text.len());
                    editor::select(ctx, &doc.text, at..at);
                    self.preview.scroll_to_source(at);
                }
            }
            Command::SetCommitMessage(text) => {
                if let Some(panel) = self.git.panel.as_mut() {
                    panel.message = text;
                    panel.message_edited = true;
                }
            }
            Command::SetCommitAnyway(on) => {
                if let Some(panel) = self.git.panel.as_mut() {
                    panel.commit_anyway = on;
                }
            }
            Command::CommitPost { push } => self.commit_post(push),
            Command::Push => self.run_git(crate::workers::git::GitOp::Push),
            Command::Pull => self.run_git(crate::workers::git::GitOp::Pull),
            Command::ToggleProblems => self.settings.show_problems = !self.settings.show_problems,
            Command::SetFoldFrontMatter(fold) => self.settings.fold_front_matter = fold,
            Command::PickPhotos => {
                if self.doc.is_some() {
                    self.workers.pick_photos(self.picker_start());
                } else {
                    self.error(tr!("photos-need-post"));
                }
            }
            Command::ImportPhotos(paths) => self.import_photos(paths),
            Command::PasteImage => {
                if self.doc.is_some() {
                    self.workers.paste_image(self.data_dir.join("pasted"));
                } else {
                    self.error(tr!("photos-need-post"));
                }
            }
            Command::CancelImport => self.cancel_import(),
            Command::CloseImport => self.close_import(),
            Command::EditPhoto(edit) => self.edit_batch(ctx, edit),
            Command::SetPhotoFolder(folder) => {
                if let Some(doc) = &self.doc {
                    self.photo_folders.insert(doc.path.clone(), folder);
                }
            }
            Command::SubmitTypedPaths => {
                let text = self.typed_paths.take().unwrap_or_default();
                let paths: Vec<std::path::PathBuf> = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(std::path::PathBuf::from)
                    .collect();
                self.import_photos(paths);
            }
            Command::CloseTypedPaths => self.typed_paths = None,
            Command::KeepMine => self.keep_mine(),
            Command::TakeTheirs => self.take_theirs(),
            Command::CompareConflict => self.compare_conflict(),
            Command::CloseCompare => self.compare = None,
            Command::DismissNotice => self.notice = None,
            Command::RestoreRecovery(i) => self.restore(i),
            Command::CompareRecovery(i) => self.compare_recovery(i),
            Command::DiscardRecovery(i) => self.discard_recovery(i),
            Command::CheckSite => {
                if let Some(site) = &self.site {
                    self.checking_site = true;
                    self.workers.check_site(site);
                }
            }
            Command::JumpTo { path, line } => self.jump_to(ctx, &path, line),
            Command::ApplyFix(fix) => self.apply_fix(ctx, &fix),
            Command::RenameImage(rel) => self.rename_image(&rel),
            Command::UndoRename => self.undo_rename(),
        }
    }

    /// Save the open post atomically; refuses to overwrite a file changed on disk.
    pub(super) fn save(&mut self) -> bool {
        let Some(doc) = self.doc.as_mut() else {
            return false;
        };
        match store::write_atomic(&doc.path, doc.text.as_bytes(), Some(doc.fingerprint)) {
            Ok(fingerprint) => {
                doc.mark_saved(fingerprint);
                self.autosave.remove(doc.path.clone());
                self.autosaved = None;
                self.conflict = None;
                self.deleted_on_disk = false;
                self.site_problems = None;
                let name = doc.file_name();
                self.info(tr!("saved", file = name));
                if let Some(site) = &self.site {
                    self.workers.index(site);
                }
                self.refresh_git_in_repo();
                true
            }
            Err(crate::site::SiteError::ChangedOnDisk { path }) => {
                // Someone else wrote the file since it was loaded: never overwrite silently.
                self.check_open_post_on_disk(&[path]);
                self.error(tr!("not-saved-changed-on-disk"));
                false
            }
            Err(e) => {
                self.error(tr!("not-saved", error = e.to_string()));
                false
            }
        }
    }

    /// Apply a front-matter edit to the open post as one undo step.
    fn edit_front_matter(
        &mut self,
        edit: impl FnOnce(&str) -> Result<String, FrontMatterError>,
    ) -> bool {
        let Some(doc) = self.doc.as_mut() else {
            return false;
        };
        match edit(&doc.text) {
            Ok(text) => {
                doc.replace_text(text);
                self.form.mark_synced(doc.generation);
                true
            }
            Err(e) => {
                self.form.others_error = Some(e.to_string());
                false
            }
        }
    }

    fn create_post(&mut self, ctx: &egui::Context, form: &NewPostForm) {
        let Some(site) = &self.site else {
            return;
        };
        let dialog_site = NewPostSite::of(&site.config);
        let created = post_from_form(form, &dialog_site)
            .and_then(|post| create::create_post(site, &post).map_err(|e| e.to_string()));
        match created {
            Ok(path) => {
                self.settings.slug_style = form.slug_style;
                self.workers.index(site);
                self.focus_body_of = Some(path.clone());
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.info(tr!("created", file = name));
                self.run(ctx, Command::OpenPost(path));
                self.place_cursor_for_new_post(ctx);
            }
            Err(e) => self.error(tr!("could-not-create", error = e.to_string())),
        }
    }

    /// Put the cursor where a just-opened post wants it: the end of a new post's body, or
    /// the line of a problem jumped to.
    pub(super) fn place_cursor_for_new_post(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else {
            return;
        };
        if self.focus_body_of.as_ref() == Some(&doc.path) {
            editor::select(ctx, &doc.text, doc.text.len()..doc.text.len());
            self.focus_body_of = None;
        }
        if let Some((path, line)) = self.pending_jump.take() {
            if path == doc.path {
                select_line(ctx, &doc.text, line);
            } else {
                self.pending_jump = Some((path, line));
            }
        }
    }

    fn jump_to(&mut self, ctx: &egui::Context, rel: &str, line: usize) {
        let Some(site) = &self.site else {
            return;
        };
        let path = site.root.join(rel);
        if self.doc.as_ref().is_some_and(|d| d.path == path) {
            if let Some(doc) = &self.doc {
                select_line(ctx, &doc.text, line);
            }
            return;
        }
        if !(rel.starts_with("_posts/") || rel.starts_with("_drafts/")) || !path.is_file() {
            self.info(tr!("not-a-post", file = rel));
            return;
        }
        self.pending_jump = Some((path.clone(), line));
        self.run(ctx, Command::OpenPost(path));
        self.place_cursor_for_new_post(ctx);
    }

    fn rename_image(&mut self, rel: &str) {
        let Some(site) = &self.site else { return };
        // Every post of the site is read and rewritten: on a worker, not in the frame.
        let open = self
            .doc
            .as_ref()
            .map(|d| (d.path.clone(), d.text.clone(), d.generation));
        self.workers.rename_image(site, rel.to_owned(), open);
        self.info(tr!("renaming", file = rel));
    }

    pub(super) fn image_renamed(
        &mut self,
        result: Result<crate::site::rename::Renamed, String>,
        open: Option<&(PathBuf, u64)>,
    ) {
        match result {
            Ok(mut renamed) => {
                let mut links_left = false;
                if let (Some(doc), Some(text)) = (self.doc.as_mut(), renamed.open_text.take()) {
                    if open
                        .as_ref()
                        .is_some_and(|(p, g)| *p == doc.path && *g == doc.generation)
                    {
                        // One undo step in the editor.
                        doc.replace_text(text);
                    } else {
                        links_left = true;
                    }
                }
                self.files_changed();
                self.site_problems = None;
                if let Some(site) = &self.site {
                    self.workers.index(site);
                }
                let others = renamed.posts_changed.len();
                let file = renamed.new_rel.clone();
                self.info(if links_left {
                    tr!("renamed-links-left", file = file, others = others)
                } else {
                    tr!("renamed", file = file, others = others)
                });
                self.last_rename = Some(renamed);
            }
            Err(e) => self.error(e),
        }
    }

    fn undo_rename(&mut self) {
        if let (Some(site), Some(renamed)) = (&self.site, self.last_rename.take()) {
            self.workers.undo_rename(site, renamed);
        }
    }

    fn apply_fix(&mut self, ctx: &egui::Context, fix: &crate::journal::check::Fix) {
        let Some(doc) = self.doc.as_mut() else {
            return;
        };
        // A fix is applied only where the text it was computed on still stands (a row of the
        // whole-site check was computed on the file on disk, not on this buffer).
        match fix.apply_anchored_at(&doc.text) {
            Some((text, range)) => {
                doc.replace_text(text);
                if fix.select {
                    editor::select(ctx, &doc.text, range);
                }
            }
            None => self.error(tr!("fix-no-longer-applies")),
        }
    }

    fn answer_prompt(&mut self, ctx: &egui::Context, choice: PromptChoice) {
        let Some(after) = self.prompt.take() else {
            return;
        };
        let proceed = match choice {
            PromptChoice::Save => self.save(),
            PromptChoice::Discard => {
                if let Some(doc) = &self.doc {
                    self.autosave.remove(doc.path.clone());
                    self.autosaved = None;
                }
                true
            }
            PromptChoice::Cancel => false,
        };
        if !proceed {
            return;
        }
        match after {
            AfterPrompt::Open(path) => {
                self.open_post_or_site(&path);
                self.place_cursor_for_new_post(ctx);
            }
            AfterPrompt::Close => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn find_next(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else {
            return;
        };
        let from = self
            .find
            .current
            .as_ref()
            .map(|r| r.end)
            .or_else(|| editor::cursor_byte(ctx, &doc.text))
            .unwrap_or(0);
        match self.find.next_match(&doc.text, from) {
            Some(range) => {
                editor::select(ctx, &doc.text, range.clone());
                self.find.current = Some(range);
                self.find.message = None;
            }
            None => {
                self.find.current = None;
                self.find.message = Some(tr!("no-match"));
            }
        }
    }

    fn replace_one(&mut self, ctx: &egui::Context) {
        let Some(doc) = self.doc.as_mut() else {
            return;
        };
        let current = self
            .find
            .current
            .clone()
            .filter(|r| doc.text.get(r.clone()) == Some(self.find.query.as_str()));
        match current {
            Some(range) => {
                let mut text = doc.text.clone();
                text.replace_range(range.clone(), &self.find.replacement);
                doc.replace_text(text);
                self.find.current = Some(range.start..range.start + self.find.replacement.len());
                self.find_next(ctx);
            }
            None => self.find_next(ctx),
        }
    }

    fn replace_all(&mut self) {
        let Some(doc) = self.doc.as_mut() else {
            return;
        };
        if self.find.query.is_empty() {
            return;
        }
        let count = doc.text.matches(&self.find.query).count();
        if count > 0 {
            let text = doc.text.replace(&self.find.query, &self.find.replacement);
            doc.replace_text(text);
        }
        self.find.current = None;
        self.find.message = Some(tr!("replaced", count = count));
    }
}
