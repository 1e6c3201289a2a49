//! Git in the session: the repository's state (read on a worker when files change, the
//! window regains focus, or git ran), and the Publish panel's flow — plan, save, commit
//! exactly the post and its files, push, pull.

use std::path::PathBuf;

use crate::i18n::Words;
use crate::words;

use super::{Session, Status, site_of};
use crate::command::Effect;
use crate::site::git::{Cancel, GitError, GitState, PathState};
use crate::site::publish::PublishPlan;
use crate::workers::git::{GitOp, GitOutcome};

/// The repository state and the Publish panel.
#[derive(Default)]
pub struct GitPanel {
    /// The repository's state, or why there is none (no git, not a repository).
    pub state: Option<Result<GitState, GitError>>,
    /// A state read is running; another was asked for meanwhile.
    reading: bool,
    read_again: bool,
    /// The Publish panel, while open.
    pub panel: Option<PublishPanel>,
}

/// The Publish panel's state.
pub struct PublishPanel {
    pub post: PathBuf,
    /// What a commit takes, for the text of `generation`; `None` while it is worked out.
    pub plan: Option<Result<PublishPlan, GitError>>,
    planned_generation: Option<u64>,
    planning: bool,
    /// The message the user typed; `None`: the plan's suggestion, worded by the window.
    pub message: Option<String>,
    /// The user chose to commit although the check found errors.
    pub commit_anyway: bool,
    /// What git is doing, while it runs, and its latest progress line.
    pub busy: Option<Words>,
    pub progress: String,
    /// Stops the push or pull that runs (the panel's Cancel button).
    pub cancel: Option<Cancel>,
    /// How the last commit, push or pull ended.
    pub outcome: Option<Status>,
}

impl PublishPanel {
    fn new(post: PathBuf) -> PublishPanel {
        PublishPanel {
            post,
            plan: None,
            planned_generation: None,
            planning: false,
            message: None,
            commit_anyway: false,
            busy: None,
            progress: String::new(),
            cancel: None,
            outcome: None,
        }
    }

    /// Errors block a commit unless the user chose "Commit anyway".
    pub fn blocked(&self) -> bool {
        match &self.plan {
            Some(Ok(plan)) => !plan.errors.is_empty() && !self.commit_anyway,
            _ => true,
        }
    }
}

impl Session {
    /// Read the repository's state again on a worker (folded: one read at a time, one more
    /// after it when asked meanwhile).
    pub(super) fn refresh_git(&mut self) {
        let Some(site) = site_of(&self.site) else {
            return;
        };
        if self.git.reading {
            self.git.read_again = true;
            return;
        }
        self.git.reading = true;
        self.workers.git_state(site);
    }

    /// [`DaybookApp::refresh_git`] after a save or a file change, unless the site is known
    /// not to be in a repository: then nothing runs git on every change (a `git init` is
    /// seen when the window regains focus).
    pub(super) fn refresh_git_in_repo(&mut self) {
        if !matches!(self.git.state, Some(Err(_))) {
            self.refresh_git();
        }
    }

    pub(super) fn git_state_read(&mut self, state: Result<GitState, GitError>) {
        self.git.reading = false;
        if let (Ok(state), Some(Some(Ok(plan)))) =
            (&state, self.git.panel.as_mut().map(|p| p.plan.as_mut()))
        {
            for f in &mut plan.files {
                f.state = state.state_of(&f.site_rel);
            }
        }
        self.git.state = Some(state);
        if std::mem::take(&mut self.git.read_again) {
            self.refresh_git();
        }
    }

    /// Open the Publish panel on the open post, or close it.
    pub(super) fn toggle_publish(&mut self) {
        if self.git.panel.is_some() {
            self.git.panel = None;
            return;
        }
        let Some(doc) = self.open.as_ref().map(|o| &o.doc) else {
            self.error(words!("publish-needs-post"));
            return;
        };
        self.git.panel = Some(PublishPanel::new(doc.path.clone()));
        self.refresh_git();
        self.plan_publish();
    }

    /// Work out the plan for the open post's current text, when it is not planned yet.
    pub(super) fn plan_publish(&mut self) {
        let (Some(site), Some(doc), Some(panel)) = (
            site_of(&self.site),
            self.open.as_ref().map(|o| &o.doc),
            &mut self.git.panel,
        ) else {
            return;
        };
        if panel.post != doc.path {
            // Another post was opened: the panel follows it.
            *panel = PublishPanel::new(doc.path.clone());
        }
        if panel.planning
            || panel.busy.is_some()
            || panel.planned_generation == Some(doc.generation())
        {
            return;
        }
        panel.planning = true;
        panel.planned_generation = Some(doc.generation());
        self.workers
            .publish_plan(site, doc.path.clone(), doc.snapshot(), doc.generation());
    }

    /// Plan again once typing in the open post has paused (planning reads the site's files).
    pub(super) fn plan_publish_after_pause(&mut self, now: std::time::Instant) {
        const PAUSE: std::time::Duration = std::time::Duration::from_millis(500);
        let (Some(doc), Some(_)) = (self.open.as_ref().map(|o| &o.doc), &self.git.panel) else {
            return;
        };
        if let Some(wait) = doc.pause_remaining(PAUSE, now) {
            self.effect(Effect::RepaintAfter(wait));
            return;
        }
        self.plan_publish();
    }

    pub(super) fn publish_planned(
        &mut self,
        post: &std::path::Path,
        generation: u64,
        plan: Result<PublishPlan, GitError>,
    ) {
        let Some(panel) = self.git.panel.as_mut().filter(|p| p.post == post) else {
            return;
        };
        panel.planning = false;
        if panel.planned_generation != Some(generation) {
            return;
        }
        panel.plan = Some(plan);
    }

    /// Commit the open post (saved first) and exactly its files with `message` (the panel's
    /// text as the user sees it); push after when `push`.
    pub(super) fn commit_post(&mut self, push: bool, message: &str) {
        let Some(panel) = &self.git.panel else { return };
        if panel.busy.is_some() {
            return;
        }
        if panel.blocked() {
            self.error(words!("not-committed-errors"));
            return;
        }
        if self.is_dirty() && !self.save() {
            if let Some(panel) = self.git.panel.as_mut() {
                panel.outcome = Some(Status {
                    text: words!("not-committed-not-saved"),
                    is_error: true,
                });
            }
            return;
        }
        let (Some(doc), Some(panel)) = (self.open.as_ref().map(|o| &o.doc), &mut self.git.panel)
        else {
            return;
        };
        let message = message.trim().to_owned();
        if message.is_empty() {
            panel.outcome = Some(Status {
                text: words!("not-committed-no-message"),
                is_error: true,
            });
            return;
        }
        // The errors the user saw and chose to commit anyway; the commit plans again and
        // refuses any other.
        let accepted = match &panel.plan {
            Some(Ok(plan)) if panel.commit_anyway => plan.errors.clone(),
            _ => Vec::new(),
        };
        let op = GitOp::Commit {
            post: doc.path.clone(),
            text: doc.snapshot(),
            message,
            push,
            accepted,
        };
        self.run_git(op);
    }

    /// Run a git operation from the panel (commit, push, pull), one at a time.
    pub(super) fn run_git(&mut self, op: GitOp) {
        let (Some(site), Some(panel)) = (site_of(&self.site), &mut self.git.panel) else {
            return;
        };
        if panel.busy.is_some() {
            return;
        }
        panel.busy = Some(op.doing());
        panel.progress.clear();
        panel.outcome = None;
        let cancel = Cancel::default();
        panel.cancel = Some(cancel.clone());
        self.workers.git_op(site, op, cancel);
    }

    /// Stop the push or pull that runs (a remote that does not answer).
    pub(super) fn cancel_git(&mut self) {
        if let Some(cancel) = self.git.panel.as_ref().and_then(|p| p.cancel.as_ref()) {
            cancel.cancel();
        }
    }

    pub(super) fn git_progress(&mut self, line: String) {
        if let Some(panel) = self.git.panel.as_mut() {
            panel.progress = line;
        }
    }

    pub(super) fn git_finished(&mut self, outcome: &GitOutcome) {
        if let Some(panel) = self.git.panel.as_mut() {
            panel.busy = None;
            panel.cancel = None;
            panel.progress.clear();
            panel.outcome = Some(Status {
                text: outcome.message.clone(),
                is_error: !outcome.ok,
            });
            if outcome.committed.is_some() {
                panel.message = None;
                panel.commit_anyway = false;
            }
            // The states changed: plan again.
            panel.planned_generation = None;
        }
        // The panel shows the whole outcome; the toolbar a line of it, when the panel is closed.
        if self.git.panel.is_none() {
            let message = outcome.message.clone();
            if outcome.ok {
                self.info(message);
            } else {
                self.error(message);
            }
        }
        if outcome.pulled {
            // The watcher reports the files too; do not wait for it to show what changed.
            self.files_changed();
            if let Some(site) = site_of(&self.site) {
                self.workers.index(site);
            }
            self.check_open_post_on_disk(&[]);
        }
        self.refresh_git();
        self.plan_publish();
    }

    /// What the toolbar says of the repository: the branch line, and the open post's files
    /// that are not committed (with their states).
    pub fn git_summary(&self) -> (Option<Words>, Vec<(String, PathState)>) {
        let Some(Ok(state)) = &self.git.state else {
            return (None, Vec::new());
        };
        let mut files = Vec::new();
        if let (Some(site), Some(open)) = (site_of(&self.site), &self.open) {
            let rel = crate::site::relative_slash(&site.root, &open.doc.path);
            for f in std::iter::once(&rel).chain(&open.uses) {
                let s = state.state_of(f);
                if s != PathState::Committed {
                    files.push((f.clone(), s));
                }
            }
        }
        (Some(state.summary()), files)
    }
}
