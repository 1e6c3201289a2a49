//! Autosave: writes unsaved text to the recovery folder on its own thread, so the UI never
//! waits on the disk. A copy that could not be written is reported
//! ([`Event::AutosaveFailed`]): the user is told their text is not kept, not left to find
//! out after a crash.

use std::path::PathBuf;
use std::sync::mpsc::{Sender, channel};

use super::{Event, Waker};
use crate::site::recovery::{self, RecoveryEntry};

enum Job {
    Write(RecoveryEntry),
    Remove(PathBuf),
}

/// The autosave thread's mailbox (or none: inline, each job done before the call returns).
pub struct Autosave {
    tx: Option<Sender<Job>>,
    inline: bool,
    pub folder: PathBuf,
    report: Report,
}

/// Where a failure goes: the workers' events.
#[derive(Clone)]
pub(super) struct Report {
    pub(super) tx: Sender<Event>,
    pub(super) waker: Waker,
}

fn run(dir: &std::path::Path, job: &Job, report: &Report) {
    match job {
        Job::Write(entry) => {
            if let Err(error) = recovery::write(dir, entry) {
                let post = entry.post.clone();
                // The receiver is gone only when the app is closing.
                let _ = report.tx.send(Event::AutosaveFailed { post, error });
                report.waker.wake();
            }
        }
        // A copy left behind is offered at the next start, where the user sees it and can
        // discard it: nothing to interrupt them for now.
        Job::Remove(post) => {
            if let Err(e) = recovery::remove(dir, post) {
                eprintln!("daybook: autosave: {e}");
            }
        }
    }
}

impl Autosave {
    /// Write into `folder` on the calling thread (tests: no threads, no waiting).
    pub(super) fn inline(folder: PathBuf, report: Report) -> Autosave {
        Autosave {
            tx: None,
            inline: true,
            folder,
            report,
        }
    }

    /// Start the thread writing into `folder`.
    pub(super) fn start(folder: PathBuf, report: Report) -> Autosave {
        let (tx, rx) = channel::<Job>();
        let (dir, on_thread) = (folder.clone(), report.clone());
        let spawned = std::thread::Builder::new()
            .name("daybook-autosave".into())
            .spawn(move || {
                for job in rx {
                    run(&dir, &job, &on_thread);
                }
            });
        Autosave {
            tx: spawned.ok().map(|_| tx),
            inline: false,
            folder,
            report,
        }
    }

    pub fn write(&self, entry: RecoveryEntry) {
        self.send(Job::Write(entry));
    }

    pub fn remove(&self, post: PathBuf) {
        self.send(Job::Remove(post));
    }

    fn send(&self, job: Job) {
        if self.inline {
            run(&self.folder, &job, &self.report);
        } else if let Some(tx) = &self.tx {
            let _ = tx.send(job);
        }
    }
}
