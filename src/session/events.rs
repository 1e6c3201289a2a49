//! Applying what the workers report: each [`Event`] of the open site (late results of
//! another site, or of an older request, are dropped).

use std::path::Path;

use super::Session;
use super::checking::Checked;
use crate::command::Effect;
use crate::words;
use crate::workers::Event;

impl Session {
    /// Apply one worker event.
    pub(super) fn on_event(&mut self, event: Event) {
        let ours = |s: &Session, root: &Path| s.site().is_some_and(|s| s.root == root);
        match event {
            Event::SiteIndexed { root, posts, seq } => {
                // A late result of an older index never replaces a newer one.
                if let Some(open) = self.site.as_mut().filter(|o| o.site.root == root)
                    && seq > open.posts_seq
                {
                    open.posts = posts;
                    open.posts_seq = seq;
                    self.open_newest_post();
                }
            }
            Event::FilesChanged {
                root,
                paths,
                rescan,
            } => {
                if ours(self, &root) {
                    self.files_changed_on_disk(&paths, rescan);
                }
            }
            Event::PhotoStarted { batch, index } => self.photo_started(batch, index),
            Event::PhotoPreviewed {
                batch,
                index,
                result,
            } => self.photo_previewed(batch, index, result),
            Event::PhotoImported {
                batch,
                index,
                result,
            } => self.photo_imported(batch, index, result),
            Event::Autosaved { post, generation } => self.autosave_done(&post, generation, true),
            Event::AutosaveFailed {
                post,
                generation,
                error,
            } => {
                self.autosave_done(&post, generation, false);
                let file = super::disk::file_name(&post);
                self.error(words!(
                    "autosave-failed",
                    file = file,
                    error = error.words()
                ));
            }
            Event::PasteFailed(message) => {
                self.error(words!("paste-failed", error = message.words()))
            }
            Event::PhotosPicked { paths, no_dialog } => match paths {
                Some(paths) => self.import_photos(paths),
                None if no_dialog => self.effect(Effect::AskForPhotoPaths),
                None => {}
            },
            Event::ImageRenamed { root, result, open } => {
                if ours(self, &root) {
                    self.image_renamed(result, open.as_ref());
                }
            }
            Event::RenameUndone { root, result } => {
                if ours(self, &root) {
                    self.rename_undone(result);
                }
            }
            Event::GitState { root, state } => {
                if ours(self, &root) {
                    self.git_state_read(state);
                }
            }
            Event::PublishPlanned {
                root,
                post,
                generation,
                plan,
            } => {
                if ours(self, &root) {
                    self.publish_planned(&post, generation, plan);
                }
            }
            Event::GitProgress { root, line } => {
                if ours(self, &root) {
                    self.git_progress(line);
                }
            }
            Event::GitFinished { root, outcome } => {
                if ours(self, &root) {
                    self.git_finished(&outcome);
                }
            }
            Event::PostChecked {
                root,
                path,
                generation,
                files_generation,
                problems,
                uses,
            } => {
                if ours(self, &root) {
                    self.post_checked(Checked {
                        path,
                        generation,
                        files_generation,
                        problems,
                        uses,
                    });
                }
            }
            Event::SiteChecked {
                root,
                problems,
                seq,
            } => {
                if let Some(open) = self.site.as_mut().filter(|o| o.site.root == root)
                    && seq > open.check_seq
                {
                    open.check_seq = seq;
                    open.checking = false;
                    match problems {
                        Ok(p) => open.problems = Some(p),
                        Err(e) => self.error(words!("check-site-failed", error = e.words())),
                    }
                }
            }
        }
    }

    /// A site opened without a post shows its newest post that is not a draft (else the
    /// newest readable one) once the list is read.
    fn open_newest_post(&mut self) {
        let Some(site) = self.site.as_mut() else {
            return;
        };
        if !std::mem::take(&mut site.open_newest) || self.open.is_some() {
            return;
        }
        let newest = site
            .posts
            .iter()
            .filter(|p| p.error.is_none() && p.ignored.is_none())
            .max_by_key(|p| (!p.draft, p.date))
            .map(|p| p.path.clone());
        if let Some(path) = newest {
            self.open_post_now(&path);
        }
    }
}
