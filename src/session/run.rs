//! Running commands: every change to documents, files and settings that a button, field,
//! shortcut or the editor asked for happens here — typing, the input method, paste, find
//! and replace, fixes and undo all come through [`Command`]s, the editor's as
//! [`Command::Edit`].

use super::new_post::{NewPostSite, post_from_form};
use super::{AfterPrompt, OnOpen, Session, site_of};
use crate::command::{Command, EditOp, Effect, Focus, NewPostForm, PromptChoice};
use crate::journal::form_fields::set_other_fields;
use crate::journal::front_matter::{self, FrontMatterError};
use crate::site::rename::RenameError;
use crate::site::{SiteError, create, store};
use crate::words;
use std::path::PathBuf;

/// The bytes of line `line` (1-based) of `text`.
fn line_range(text: &str, line: usize) -> std::ops::Range<usize> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}

impl Session {
    /// Select `range` of the open post and show it, taking the focus.
    fn select(&mut self, range: std::ops::Range<usize>) {
        if let Some(doc) = self.doc_mut() {
            doc.select(range.start, range.end);
            self.effect(Effect::Reveal { focus: Focus::Take });
        }
    }

    /// What the user did in the editor, in order: typing (grouped into undo steps by the
    /// session's clock), replacements, selections.
    fn edit(&mut self, ops: Vec<EditOp>) {
        let now = (self.clock)();
        let Some(doc) = self.doc_mut() else {
            return;
        };
        for op in ops {
            match op {
                EditOp::Type { range, text } => doc.edit(range, &text, now),
                EditOp::Replace { range, text } => {
                    doc.end_step();
                    doc.edit(range, &text, now);
                    doc.end_step();
                }
                EditOp::Select { anchor, head } => doc.select(anchor, head),
                EditOp::EndStep => doc.end_step(),
            }
        }
    }

    pub(super) fn run(&mut self, command: Command) {
        match command {
            Command::Edit(ops) => self.edit(ops),
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
                    let form = NewPostForm {
                        date: self.now().format("%Y-%m-%d %H:%M").to_string(),
                        slug_style: self.settings.slug_style,
                        ..NewPostForm::default()
                    };
                    self.effect(Effect::ShowNewPostDialog(form));
                }
            }
            Command::CreatePost(form) => self.create_post(&form),
            Command::SetField { key, value } => {
                self.edit_front_matter(|text| front_matter::set_field(text, &key, &value));
            }
            Command::RemoveField(key) => {
                self.edit_front_matter(|text| front_matter::remove_field(text, &key));
            }
            Command::SetOtherFields(raw) => {
                let ok = self.edit_front_matter(|text| set_other_fields(text, &raw));
                if ok {
                    self.effect(Effect::FormError(None));
                }
            }
            Command::Undo | Command::Redo => {
                let redo = matches!(command, Command::Redo);
                let Some(doc) = self.doc_mut() else {
                    return;
                };
                // The selection goes back to that of the step.
                if if redo { doc.redo() } else { doc.undo() } {
                    self.effect(Effect::Reveal {
                        focus: Focus::IfFree,
                    });
                }
            }
            Command::ReplaceAll { find, with } => {
                if let Some(doc) = self.doc_mut().filter(|_| !find.is_empty()) {
                    let ranges: Vec<_> = doc
                        .text()
                        .match_indices(&find)
                        .map(|(i, m)| i..i + m.len())
                        .collect();
                    doc.replace_ranges(&ranges, &with);
                }
            }
            Command::SetSettings(settings) => self.settings = *settings,
            Command::SetView(view) => self.settings.view = view,
            Command::Reindex => {
                self.files_changed();
                if let Some(site) = site_of(&self.site) {
                    self.workers.index(site);
                }
            }
            Command::AnswerPrompt(choice) => self.answer_prompt(choice),
            Command::CloseWindow => self.effect(Effect::CloseWindow),
            Command::TogglePublish => self.toggle_publish(),
            Command::JumpToOffset(at) => {
                if let Some(doc) = self.doc() {
                    let at = at.min(doc.text().len());
                    self.select(at..at);
                    self.effect(Effect::ScrollPreviewTo(at));
                }
            }
            Command::SetCommitMessage(text) => {
                if let Some(panel) = self.git.panel.as_mut() {
                    panel.message = Some(text);
                }
            }
            Command::SetCommitAnyway(on) => {
                if let Some(panel) = self.git.panel.as_mut() {
                    panel.commit_anyway = on;
                }
            }
            Command::CommitPost { push, message } => self.commit_post(push, &message),
            Command::Push => self.run_git(crate::workers::git::GitOp::Push),
            Command::Pull => self.run_git(crate::workers::git::GitOp::Pull),
            Command::CancelGit => self.cancel_git(),
            Command::ReplaceMisspelt { range, word, with } => {
                self.replace_misspelt(range, &word, &with);
            }
            Command::IgnoreWord(word) => self.ignore_word(word),
            Command::AddWord { word, site } => self.add_word(word, site),
            Command::ShowSpellingProblems(on) => self.settings.show_spelling_problems = on,
            Command::ToggleProblems => self.settings.show_problems = !self.settings.show_problems,
            Command::SetFoldFrontMatter(fold) => self.settings.fold_front_matter = fold,
            Command::PickPhotos => {
                if self.open.is_some() {
                    self.effect(Effect::ShowPhotoPicker(self.picker_start()));
                } else {
                    self.error(words!("photos-need-post"));
                }
            }
            Command::ImportPhotos(paths) => self.import_photos(paths),
            Command::PasteImage => {
                if self.open.is_some() {
                    self.workers.paste_image(self.disk.data_dir.join("pasted"));
                } else {
                    self.error(words!("photos-need-post"));
                }
            }
            Command::CancelImport => self.cancel_import(),
            Command::CloseImport => self.close_import(),
            Command::EditPhoto(edit) => self.edit_batch(edit),
            Command::SetPhotoFolder(folder) => {
                if let (Some(doc), Some(site)) = (self.open.as_ref(), self.site.as_mut()) {
                    site.photo_folders.insert(doc.doc.path.clone(), folder);
                }
            }
            Command::KeepMine => self.keep_mine(),
            Command::TakeTheirs => self.take_theirs(),
            Command::CompareConflict => self.compare_conflict(),
            Command::CloseCompare => self.disk.compare = None,
            Command::DismissNotice => {
                if let Some(site) = self.site.as_mut() {
                    site.notice = None;
                }
            }
            Command::RestoreRecovery(i) => self.restore(i),
            Command::CompareRecovery(i) => self.compare_recovery(i),
            Command::DiscardRecovery(i) => self.discard_recovery(i),
            Command::CheckSite => {
                if let Some(open) = self.site.as_mut() {
                    open.checking = true;
                    self.workers.check_site(&open.site);
                }
            }
            Command::JumpTo { path, line } => self.jump_to(&path, line),
            Command::ApplyFix(fix) => self.apply_fix(&fix),
            Command::RenameImage(rel) => self.rename_image(&rel),
            Command::UndoRename => self.undo_rename(),
        }
    }

    /// Save the open post atomically; refuses to overwrite a file changed on disk.
    pub(super) fn save(&mut self) -> bool {
        let Some(open) = self.open.as_mut() else {
            return false;
        };
        let doc = &mut open.doc;
        match store::write_atomic(&doc.path, doc.text().as_bytes(), Some(doc.fingerprint)) {
            Ok(fingerprint) => {
                doc.mark_saved(fingerprint);
                self.disk.autosave.remove(doc.path.clone());
                open.autosaved = None;
                open.conflict = None;
                open.deleted_on_disk = false;
                let name = open.doc.file_name();
                self.info(words!("saved", file = name));
                self.reindex_site();
                self.refresh_git_in_repo();
                true
            }
            Err(crate::site::SiteError::ChangedOnDisk { path }) => {
                // Someone else wrote the file since it was loaded: never overwrite silently.
                self.check_open_post_on_disk(&[path]);
                self.error(words!("not-saved-changed-on-disk"));
                false
            }
            Err(e) => {
                self.error(words!("not-saved", error = e.words()));
                false
            }
        }
    }

    /// Apply a front-matter edit to the open post as one undo step.
    fn edit_front_matter(
        &mut self,
        edit: impl FnOnce(&str) -> Result<String, FrontMatterError>,
    ) -> bool {
        let Some(doc) = self.open.as_mut().map(|o| &mut o.doc) else {
            return false;
        };
        match edit(doc.text()) {
            Ok(text) => {
                doc.replace_text(text);
                let generation = doc.generation();
                self.effect(Effect::FormSynced(generation));
                true
            }
            Err(e) => {
                self.effect(Effect::FormError(Some(e.words())));
                false
            }
        }
    }

    fn create_post(&mut self, form: &NewPostForm) {
        let Some(site) = site_of(&self.site) else {
            return;
        };
        let dialog_site = NewPostSite::of(&site.config);
        let created = post_from_form(form, &dialog_site)
            .map_err(|e| e.words())
            .and_then(|post| create::create_post(site, &post).map_err(|e| e.words()));
        match created {
            Ok(path) => {
                self.settings.slug_style = form.slug_style;
                self.workers.index(site);
                self.select_on_open = Some((path.clone(), OnOpen::BodyEnd));
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.info(words!("created", file = name));
                self.run(Command::OpenPost(path));
                self.place_cursor_for_new_post();
            }
            Err(e) => self.error(words!("could-not-create", error = e)),
        }
    }

    /// Put the cursor where a just-opened post wants it: the end of a new post's body, or
    /// the line of a problem jumped to.
    pub(super) fn place_cursor_for_new_post(&mut self) {
        let Some(doc) = self.doc() else {
            return;
        };
        let range = match &self.select_on_open {
            Some((p, OnOpen::BodyEnd)) if *p == doc.path => doc.text().len()..doc.text().len(),
            Some((p, OnOpen::Line(line))) if *p == doc.path => line_range(doc.text(), *line),
            _ => return,
        };
        self.select_on_open = None;
        self.select(range);
    }

    fn jump_to(&mut self, rel: &str, line: usize) {
        let Some(site) = site_of(&self.site) else {
            return;
        };
        let path = site.root.join(rel);
        if let Some(doc) = self.doc().filter(|d| d.path == path) {
            let range = line_range(doc.text(), line);
            self.select(range);
            return;
        }
        if !(rel.starts_with("_posts/") || rel.starts_with("_drafts/")) || !path.is_file() {
            self.info(words!("not-a-post", file = rel));
            return;
        }
        self.select_on_open = Some((path.clone(), OnOpen::Line(line)));
        self.run(Command::OpenPost(path));
        self.place_cursor_for_new_post();
    }

    fn rename_image(&mut self, rel: &str) {
        let Some(site) = site_of(&self.site) else {
            return;
        };
        // Every post of the site is read and rewritten: on a worker, not in the frame.
        let open = self
            .doc()
            .map(|d| (d.path.clone(), d.text().to_owned(), d.generation()));
        self.workers.rename_image(site, rel.to_owned(), open);
        self.info(words!("renaming", file = rel));
    }

    pub(super) fn image_renamed(
        &mut self,
        result: Result<crate::site::rename::Renamed, RenameError>,
        open: Option<&(PathBuf, u64)>,
    ) {
        match result {
            Ok(mut renamed) => {
                let mut links_left = false;
                if let (Some(doc), Some(text)) = (
                    self.open.as_mut().map(|o| &mut o.doc),
                    renamed.open_text.take(),
                ) {
                    if open
                        .as_ref()
                        .is_some_and(|(p, g)| *p == doc.path && *g == doc.generation())
                    {
                        // One undo step in the editor.
                        doc.replace_text(text);
                    } else {
                        links_left = true;
                    }
                }
                self.files_changed();
                self.reindex_site();
                let others = renamed.posts_changed.len();
                let file = renamed.new_rel.clone();
                self.info(if links_left {
                    words!("renamed-links-left", file = file, others = others)
                } else {
                    words!("renamed", file = file, others = others)
                });
                if let Some(site) = self.site.as_mut() {
                    site.last_rename = Some(renamed);
                }
            }
            Err(e) => self.error(words!(
                "could-not-rename",
                file = e.rel.as_str(),
                error = e.source.words()
            )),
        }
    }

    /// A rename was undone (or could not be).
    pub(super) fn rename_undone(&mut self, result: Result<String, SiteError>) {
        match result {
            Ok(rel) => {
                self.files_changed();
                self.reindex_site();
                self.check_open_post_on_disk(&[]);
                self.info(words!("rename-undone", file = rel));
            }
            Err(e) => self.error(words!("could-not-undo-rename", error = e.words())),
        }
    }

    fn undo_rename(&mut self) {
        if let Some(open) = self.site.as_mut()
            && let Some(renamed) = open.last_rename.take()
        {
            self.workers.undo_rename(&open.site, renamed);
        }
    }

    fn apply_fix(&mut self, fix: &crate::journal::check::Fix) {
        let Some(doc) = self.doc_mut() else {
            return;
        };
        // A fix is applied only where the text it was computed on still stands (a row of the
        // whole-site check was computed on the file on disk, not on this buffer).
        match fix.apply_anchored_at(doc.text()) {
            Some((text, range)) => {
                doc.replace_text(text);
                if fix.select {
                    self.select(range);
                }
            }
            None => self.error(words!("fix-no-longer-applies")),
        }
    }

    fn answer_prompt(&mut self, choice: PromptChoice) {
        let Some(after) = self.prompt.take() else {
            return;
        };
        let proceed = match choice {
            PromptChoice::Save => self.save(),
            PromptChoice::Discard => {
                if let Some(open) = self.open.as_mut() {
                    self.disk.autosave.remove(open.doc.path.clone());
                    open.autosaved = None;
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
                self.place_cursor_for_new_post();
            }
            AfterPrompt::Close => self.effect(Effect::CloseWindow),
        }
    }
}
