//! Autosave: writes unsaved text to the recovery folder on its own thread, so the UI never
//! waits on the disk.

use std::path::PathBuf;
use std::sync::mpsc::{Sender, channel};

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
}

fn run(dir: &std::path::Path, job: &Job) {
    let result = match job {
        Job::Write(entry) => recovery::write(dir, entry),
        Job::Remove(post) => recovery::remove(dir, post),
    };
    if let Err(e) = result {
        eprintln!("daybook: autosave: {e}");
    }
}

impl Autosave {
    /// Write into `folder` on the calling thread (tests: no threads, no waiting).
    pub fn inline(folder: PathBuf) -> Autosave {
        Autosave {
            tx: None,
            inline: true,
            folder,
        }
    }

    /// Start the thread writing into `folder`.
    pub fn start(folder: PathBuf) -> Autosave {
        let (tx, rx) = channel::<Job>();
        let dir = folder.clone();
        let spawned = std::thread::Builder::new()
            .name("daybook-autosave".into())
            .spawn(move || {
                for job in rx {
                    run(&dir, &job);
                }
            });
        Autosave {
            tx: spawned.ok().map(|_| tx),
            inline: false,
            folder,
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
            run(&self.folder, &job);
        } else if let Some(tx) = &self.tx {
            let _ = tx.send(job);
        }
    }
}
