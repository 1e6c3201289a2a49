//! Autosave: writes unsaved text to the recovery folder on its own thread, so the UI never
//! waits on the disk.

use std::path::PathBuf;
use std::sync::mpsc::{Sender, channel};

use crate::site::recovery::{self, RecoveryEntry};

enum Job {
    Write(RecoveryEntry),
    Remove(PathBuf),
}

/// The autosave thread's mailbox.
pub struct Autosave {
    tx: Option<Sender<Job>>,
    pub folder: PathBuf,
}

impl Autosave {
    /// Start the thread writing into `folder`.
    pub fn start(folder: PathBuf) -> Autosave {
        let (tx, rx) = channel::<Job>();
        let dir = folder.clone();
        let spawned = std::thread::Builder::new()
            .name("daybook-autosave".into())
            .spawn(move || {
                for job in rx {
                    let result = match &job {
                        Job::Write(entry) => recovery::write(&dir, entry),
                        Job::Remove(post) => recovery::remove(&dir, post),
                    };
                    if let Err(e) = result {
                        eprintln!("daybook: autosave: {e}");
                    }
                }
            });
        Autosave {
            tx: spawned.ok().map(|_| tx),
            folder,
        }
    }

    pub fn write(&self, entry: RecoveryEntry) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Job::Write(entry));
        }
    }

    pub fn remove(&self, post: PathBuf) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Job::Remove(post));
        }
    }
}
