//! Autosave: writes unsaved text to the recovery folder on its own thread, so the UI never
//! waits on the disk. Each copy is answered ([`Event::Autosaved`], [`Event::AutosaveFailed`]):
//! "kept for recovery" is said only of a copy on disk, and a user whose text is not kept is
//! told so, not left to find out after a crash.

use std::path::PathBuf;
use std::sync::mpsc::{Sender, channel};

use super::{Event, Waker};
use crate::site::recovery::{self, RecoveryEntry};

enum Job {
    /// The entry, and the open post's text generation it holds.
    Write(RecoveryEntry, u64),
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
        Job::Write(entry, generation) => {
            let post = entry.post.clone();
            let generation = *generation;
            let event = match recovery::write(dir, entry) {
                Ok(()) => Event::Autosaved { post, generation },
                Err(error) => Event::AutosaveFailed {
                    post,
                    generation,
                    error,
                },
            };
            // The receiver is gone only when the app is closing.
            let _ = report.tx.send(event);
            report.waker.wake();
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

    /// Write `entry`, the open post's text `generation`; answered with `Event::Autosaved`
    /// or `Event::AutosaveFailed`.
    pub fn write(&self, entry: RecoveryEntry, generation: u64) {
        self.send(Job::Write(entry, generation));
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
