//! The open post and the disk: changes made by others (reload, conflict, rename, delete),
//! autosave to the recovery folder, and restoring unsaved text after a crash.

use crate::i18n::Words;
use crate::words;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::document::Document;
use super::{Session, site_of};
use crate::site::Site;
use crate::site::recovery::RecoveryEntry;
use crate::site::store::{self, Fingerprint};

/// What the session knows of the disk beyond the open post's file.
pub struct DiskState {
    /// daybook's data folder (recovery files, pasted images, the user's word list).
    pub(super) data_dir: PathBuf,
    /// Watch the site for changes made by others (a window does; a test sends the events).
    pub(super) watch: bool,
    /// Two texts side by side (a conflict, or recovered text and the file).
    pub compare: Option<Comparison>,
    pub(super) autosave: crate::workers::autosave::Autosave,
    /// Unsaved text found from an earlier run, offered back (read by
    /// [`Session::recoverable`]).
    pub(super) recovery: Vec<RecoveryEntry>,
    /// How often the open post was reloaded from disk, and how often the conflict bar came
    /// up (for tests and diagnostics).
    pub reloads: u64,
    pub conflicts_shown: u64,
}

/// The open post changed on disk while it had unsaved changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// What the file holds now.
    pub theirs: String,
    pub fingerprint: Fingerprint,
}

/// Two texts to show side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub title: Words,
    pub left_title: Words,
    pub right_title: Words,
    /// The line diff, computed once when the comparison opens (not every frame).
    pub lines: Vec<DiffLine>,
}

/// One row of a side-by-side comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Removed(String),
    Added(String),
}

impl Comparison {
    pub fn new(
        title: Words,
        left_title: Words,
        left: &str,
        right_title: Words,
        right: &str,
    ) -> Comparison {
        use similar::{ChangeTag, TextDiff};
        let lines = TextDiff::from_lines(left, right)
            .iter_all_changes()
            .map(|c| {
                let line = c.value().trim_end_matches(['\n', '\r']).to_owned();
                match c.tag() {
                    ChangeTag::Equal => DiffLine::Same(line),
                    ChangeTag::Delete => DiffLine::Removed(line),
                    ChangeTag::Insert => DiffLine::Added(line),
                }
            })
            .collect();
        Comparison {
            title,
            left_title,
            right_title,
            lines,
        }
    }
}

impl Document {
    /// Replace the text with what is on disk now, as one undo step, and take it as saved.
    pub fn reload_from_disk(&mut self, text: String, fingerprint: Fingerprint) {
        self.take_text(text);
        self.saved_text = self.text().to_owned();
        self.fingerprint = Some(fingerprint);
    }
}

/// A recovery copy of one text generation. "Kept for recovery" is said only once the
/// autosave worker wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryCopy {
    Asked(u64),
    Kept(u64),
    Failed(u64),
}

impl RecoveryCopy {
    pub fn generation(self) -> u64 {
        match self {
            RecoveryCopy::Asked(g) | RecoveryCopy::Kept(g) | RecoveryCopy::Failed(g) => g,
        }
    }
}

impl Session {
    /// Start watching the open site (or say why it is polled or not watched).
    pub(super) fn start_watching(&mut self) {
        let Some(open) = self.site.as_mut() else {
            return;
        };
        open.watcher = None;
        if !self.disk.watch {
            return;
        }
        match self.workers.watch(&open.site) {
            Ok(w) => {
                if let Some(why) = &w.polling {
                    open.notice = Some(why.clone());
                }
                open.watcher = Some(w);
            }
            Err(e) => open.notice = Some(words!("cannot-watch", error = e.words())),
        }
    }

    /// Files changed under the site: refresh the list, settings, caches and the open post.
    pub(super) fn files_changed_on_disk(&mut self, paths: &[PathBuf], rescan: Option<Words>) {
        let Some(open) = self.site.as_mut() else {
            return;
        };
        let site = &mut open.site;
        let root = site.root.clone();
        if paths.iter().any(|p| {
            p.parent() == Some(root.as_path()) && p.file_name().is_some_and(|n| n == "_config.yml")
                || p.starts_with(root.join("_data"))
        }) {
            site.config = Site::load_config(&root);
        }
        let new_top_folder = paths
            .iter()
            .any(|p| p.parent() == Some(root.as_path()) && p.is_dir());
        if let Some(why) = rescan {
            open.notice = Some(why);
        }
        self.files_changed();
        if let Some(site) = site_of(&self.site) {
            self.workers.index(site);
        }
        if new_top_folder {
            self.start_watching();
        }
        self.refresh_git_in_repo();
        self.check_open_post_on_disk(paths);
    }

    /// Compare the open post with the disk and react: nothing (our own save), reload a clean
    /// buffer, show the conflict bar for a dirty one, follow a rename, or keep the text of a
    /// deleted file as unsaved.
    pub(super) fn check_open_post_on_disk(&mut self, changed: &[PathBuf]) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let doc = &mut open.doc;
        match store::disk_fingerprint(&doc.path) {
            Ok(Some(fp)) if Some(fp) == doc.fingerprint => {}
            Ok(Some(fp)) => {
                let Ok(theirs) = store::load_post(&doc.path) else {
                    return;
                };
                if Some(&Conflict {
                    theirs: theirs.text.clone(),
                    fingerprint: fp,
                }) == open.conflict.as_ref()
                {
                    return;
                }
                open.deleted_on_disk = false;
                if doc.is_dirty() {
                    open.conflict = Some(Conflict {
                        theirs: theirs.text,
                        fingerprint: fp,
                    });
                    self.disk.conflicts_shown += 1;
                } else {
                    doc.reload_from_disk(theirs.text, fp);
                    self.disk.reloads += 1;
                    let name = doc.file_name();
                    self.info(words!("reloaded-from-disk", file = name));
                }
            }
            Ok(None) => {
                let renamed = changed.iter().find(|p| {
                    p.is_file()
                        && crate::journal::post_name::has_post_extension(&p.to_string_lossy())
                        && store::disk_fingerprint(p).ok().flatten() == doc.fingerprint
                });
                if let Some(new_path) = renamed {
                    let old = std::mem::replace(&mut doc.path, new_path.clone());
                    open.autosaved = None;
                    if let Some(site) = site_of(&self.site) {
                        self.settings
                            .last_post
                            .insert(site.root.clone(), new_path.clone());
                    }
                    self.disk.autosave.remove(old);
                    self.info(words!(
                        "followed-rename",
                        path = new_path.display().to_string()
                    ));
                } else if !open.deleted_on_disk {
                    open.deleted_on_disk = true;
                    doc.fingerprint = None;
                    doc.saved_text = String::new();
                    open.conflict = None;
                }
            }
            Err(e) => self.error(e.words()),
        }
    }

    /// Keep my text: the next save overwrites the file on purpose.
    pub(super) fn keep_mine(&mut self) {
        if let Some(open) = self.open.as_mut()
            && let Some(conflict) = open.conflict.take()
        {
            open.doc.fingerprint = Some(conflict.fingerprint);
            self.disk.compare = None;
            self.info(words!("keeping-yours"));
        }
    }

    /// Take their text (one undo step brings mine back).
    pub(super) fn take_theirs(&mut self) {
        if let Some(open) = self.open.as_mut()
            && let Some(conflict) = open.conflict.take()
        {
            open.doc
                .reload_from_disk(conflict.theirs, conflict.fingerprint);
            self.disk.autosave.remove(open.doc.path.clone());
            open.autosaved = None;
            self.disk.compare = None;
        }
    }

    /// Show mine and theirs side by side.
    pub(super) fn compare_conflict(&mut self) {
        if let Some(open) = &self.open
            && let Some(conflict) = &open.conflict
        {
            self.disk.compare = Some(Comparison::new(
                words!("compare-conflict-title", file = open.doc.file_name()),
                words!("compare-yours"),
                open.doc.text(),
                words!("compare-on-disk-now"),
                &conflict.theirs,
            ));
        }
    }

    /// Write unsaved text to the recovery folder once typing has paused for the set delay
    /// (at `now`); remove it once the post is saved or its changes discarded.
    pub(super) fn autosave_tick(&mut self, now: std::time::Instant) {
        let delay = Duration::from_secs_f32(self.settings.autosave_seconds.max(0.0));
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let doc = &open.doc;
        if !doc.is_dirty() {
            if open.autosaved.take().is_some() {
                self.disk.autosave.remove(doc.path.clone());
            }
            return;
        }
        let generation = doc.generation();
        if self.settings.autosave_seconds <= 0.0
            || open.autosaved.map(RecoveryCopy::generation) == Some(generation)
        {
            return;
        }
        if let Some(wait) = doc.pause_remaining(delay, now) {
            self.effects
                .push(crate::command::Effect::RepaintAfter(wait));
            return;
        }
        // Marked before it is written: an inline write reports at once.
        open.autosaved = Some(RecoveryCopy::Asked(generation));
        let entry = RecoveryEntry {
            post: doc.path.clone(),
            text: doc.text().to_owned(),
            base: doc.fingerprint,
            written_at: chrono::Utc::now().timestamp(),
        };
        self.disk.autosave.write(entry, generation);
    }

    /// The autosave worker's answer about `post`'s copy of text `generation`.
    pub(super) fn autosave_done(&mut self, post: &std::path::Path, generation: u64, kept: bool) {
        if let Some(open) = self.open.as_mut()
            && open.doc.path == post
            && open.autosaved == Some(RecoveryCopy::Asked(generation))
        {
            open.autosaved = Some(if kept {
                RecoveryCopy::Kept(generation)
            } else {
                RecoveryCopy::Failed(generation)
            });
        }
    }

    /// Restore the unsaved text of recovery entry `index`.
    pub(super) fn restore(&mut self, index: usize) {
        if index >= self.disk.recovery.len() {
            return;
        }
        // Never replace unsaved work without asking: the user saves, discards or compares.
        if let Some(doc) = self.open.as_ref().map(|o| &o.doc)
            && doc.path == self.disk.recovery[index].post
            && doc.is_dirty()
            && doc.text() != self.disk.recovery[index].text
        {
            self.error(words!("restore-over-unsaved"));
            return;
        }
        let entry = self.disk.recovery.remove(index);
        if !site_of(&self.site).is_some_and(|s| entry.post.starts_with(&s.root)) {
            self.open_path(&entry.post);
        } else if self
            .open
            .as_ref()
            .map(|o| &o.doc)
            .is_none_or(|d| d.path != entry.post)
        {
            self.open_post_now(&entry.post);
        }
        match self.open.as_mut().map(|o| &mut o.doc) {
            Some(doc) if doc.path == entry.post => {
                let changed_since = entry.base.is_some() && entry.base != doc.fingerprint;
                doc.replace_text(entry.text);
                let name = doc.file_name();
                if changed_since {
                    // The recovered text was written against an older version of the post:
                    // saving must not silently replace what is on disk now.
                    doc.fingerprint = entry.base;
                    let path = doc.path.clone();
                    self.check_open_post_on_disk(&[path]);
                    self.info(words!("restored-changed-on-disk", file = name));
                } else {
                    self.info(words!("restored", file = name));
                }
            }
            _ => {
                // The post is gone: recreate it from the recovered text when saved.
                let mut doc = Document::from_text(&entry.post, entry.text);
                doc.fingerprint = None;
                let mut open = super::OpenPost::new(doc, (self.clock)());
                open.deleted_on_disk = true;
                self.open = Some(open);
            }
        }
    }

    /// Drop recovery entry `index` (and its file).
    pub(super) fn discard_recovery(&mut self, index: usize) {
        if index < self.disk.recovery.len() {
            let entry = self.disk.recovery.remove(index);
            self.disk.autosave.remove(entry.post);
        }
    }

    /// Compare recovery entry `index` with the post on disk.
    pub(super) fn compare_recovery(&mut self, index: usize) {
        if let Some(entry) = self.disk.recovery.get(index) {
            let disk = crate::site::recovery::text_on_disk(&entry.post);
            self.disk.compare = Some(Comparison::new(
                words!("compare-recovery-title", file = file_name(&entry.post)),
                words!("compare-recovered"),
                &entry.text,
                words!("compare-on-disk"),
                &disk,
            ));
        }
    }
}

pub(super) fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
