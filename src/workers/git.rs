//! The user's git on worker threads: the repository's state for the sidebar and toolbar, a
//! post's publish plan, and commit / push / pull with git's progress lines as they come.
//! The UI thread never waits for git (a push can take a minute).

use std::path::PathBuf;

use crate::i18n::Words;
use crate::words;

use super::{Event, Workers};
use crate::site::Site;
use crate::site::git::{Cancel, Git};
use crate::site::publish::{self, PublishPlan};

/// What the user asked git to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitOp {
    /// Commit the post at `post` (saved, with this text) and exactly its files; push after
    /// when `push`. The files are planned again at commit time; of that plan's check
    /// errors only those in `accepted` (the ones the user chose to commit anyway) let it go.
    Commit {
        post: PathBuf,
        text: std::sync::Arc<str>,
        message: String,
        push: bool,
        accepted: Vec<Words>,
    },
    Push,
    Pull,
}

impl GitOp {
    /// What the panel shows while it runs.
    pub fn doing(&self) -> Words {
        match self {
            GitOp::Commit { push: true, .. } => words!("doing-commit-push"),
            GitOp::Commit { .. } => words!("doing-commit"),
            GitOp::Push => words!("doing-push"),
            GitOp::Pull => words!("doing-pull"),
        }
    }
}

/// How a [`GitOp`] ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitOutcome {
    /// What happened, for the user (the toolbar shows its first line).
    pub message: Words,
    pub ok: bool,
    /// A pull ran: files of the site may have changed.
    pub pulled: bool,
    /// A commit was made: what it was.
    pub committed: Option<Words>,
}

impl Workers {
    /// Read the repository state for the site on a worker; reports [`Event::GitState`].
    pub fn git_state(&self, site: &Site) {
        let root = site.root.clone();
        self.report_from_thread("git-status", move || Event::GitState {
            state: Git::open(&root).and_then(|g| g.state(&root)),
            root,
        });
    }

    /// Work out what publishing the post at `post` with `text` (of `generation`) commits;
    /// reports [`Event::PublishPlanned`].
    pub fn publish_plan(
        &self,
        site: &Site,
        post: PathBuf,
        text: std::sync::Arc<str>,
        generation: u64,
    ) {
        let site = site.clone();
        self.report_from_thread("git-plan", move || Event::PublishPlanned {
            plan: Git::open(&site.root).and_then(|g| publish::plan(&site, &g, &post, &text)),
            root: site.root,
            post,
            generation,
        });
    }

    /// Run `op` on a worker, reporting [`Event::GitProgress`] lines and then
    /// [`Event::GitFinished`]; `cancel` stops its push or pull.
    pub fn git_op(&self, site: &Site, op: GitOp, cancel: Cancel) {
        let site = site.clone();
        let (tx, waker) = (self.tx.clone(), self.waker.clone());
        let root = site.root.clone();
        let mut progress = move |line: &str| {
            let _ = tx.send(Event::GitProgress {
                root: root.clone(),
                line: line.to_owned(),
            });
            waker.wake();
        };
        self.report_from_thread("git", move || Event::GitFinished {
            outcome: run_op(&site, &op, &mut progress, Some(&cancel)),
            root: site.root,
        });
    }
}

fn failed(message: Words) -> GitOutcome {
    GitOutcome {
        message,
        ok: false,
        pulled: false,
        committed: None,
    }
}

/// Run `op` for `site` now (on the calling thread).
pub fn run_op(
    site: &Site,
    op: &GitOp,
    progress: &mut dyn FnMut(&str),
    cancel: Option<&Cancel>,
) -> GitOutcome {
    let git = match Git::open(&site.root) {
        Ok(g) => g,
        Err(e) => return failed(e.words()),
    };
    match op {
        GitOp::Commit {
            post,
            text,
            message,
            push,
            accepted,
        } => {
            let plan: PublishPlan = match publish::plan(site, &git, post, text) {
                Ok(p) => p,
                Err(e) => return failed(e.words()),
            };
            // Decided on the plan committed, not the one the panel showed before.
            let new: Vec<Words> = plan
                .errors
                .iter()
                .filter(|e| !accepted.contains(e))
                .cloned()
                .collect();
            if !new.is_empty() {
                return failed(words!("not-committed-new-errors", errors = new));
            }
            let committed = match publish::commit(&git, &plan, message) {
                Ok(Some((id, n))) => {
                    Some(words!("committed", id = id, message = message, count = n))
                }
                Ok(None) => None,
                Err(e) => return failed(words!("not-committed", error = e.words())),
            };
            let mut text = committed
                .clone()
                .unwrap_or_else(|| words!("nothing-to-commit"));
            if *push {
                match git.push_with(progress, cancel) {
                    Ok(_) => text = words!("and-pushed", before = text),
                    Err(e) => {
                        return GitOutcome {
                            message: words!("and-not-pushed", before = text, error = e.words()),
                            ok: false,
                            pulled: false,
                            committed,
                        };
                    }
                }
            }
            GitOutcome {
                message: text,
                ok: true,
                pulled: false,
                committed,
            }
        }
        GitOp::Push => match git.push_with(progress, cancel) {
            Ok(_) => GitOutcome {
                message: words!("pushed"),
                ok: true,
                pulled: false,
                committed: None,
            },
            Err(e) => failed(words!("not-pushed", error = e.words())),
        },
        GitOp::Pull => {
            let before = git.head();
            match git.pull_with(progress, cancel) {
                Ok(_) => GitOutcome {
                    message: if git.head() == before {
                        words!("pulled-up-to-date")
                    } else {
                        words!("pulled")
                    },
                    ok: true,
                    pulled: true,
                    committed: None,
                },
                Err(e) => GitOutcome {
                    pulled: true,
                    ..failed(words!("not-pulled", error = e.words()))
                },
            }
        }
    }
}
