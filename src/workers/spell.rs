//! Spelling on its own thread: the dictionaries load there (never on the UI thread), each
//! word is looked up once per run, and typing never waits — the window asks for the open
//! post's text after a pause and draws the newest answer it has.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::site::hunspell::Speller;
use crate::site::spelling::{Checker, Misspelt};

/// The open post's text to check.
pub struct SpellJob {
    /// The document's serial and text generation, to match the answer to the text.
    pub key: (u64, u64),
    pub text: std::sync::Arc<str>,
    /// The language Latin words are read in.
    pub latin: String,
    /// Words taken as right (word lists, ignored words), with a number that changes with
    /// them.
    pub accepted: (u64, Arc<HashSet<String>>),
}

/// What the thread answers.
#[derive(Debug)]
pub enum SpellResult {
    Checked {
        key: (u64, u64),
        /// The text's length, to follow edits made since.
        len: usize,
        misspelt: Vec<Misspelt>,
        took: std::time::Duration,
    },
    Suggested {
        word: String,
        list: Vec<String>,
    },
    /// No Hunspell here (the message says what to install).
    Unavailable(crate::site::hunspell::NoSpeller),
}

enum Msg {
    Check(SpellJob),
    Suggest(Misspelt),
}

/// Sends jobs to the spelling thread and takes its answers.
pub struct SpellWorker {
    tx: Sender<Msg>,
    rx: Receiver<SpellResult>,
}

impl SpellWorker {
    /// Start the thread; `wake` is called when an answer is ready.
    pub fn start(wake: Box<dyn Fn() + Send>) -> SpellWorker {
        let (tx, jobs) = channel::<Msg>();
        let (answers, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("daybook-spelling".into())
            .spawn(move || run(&jobs, &answers, &*wake));
        if let Err(e) = spawned {
            eprintln!("daybook: could not start the spelling thread: {e}");
        }
        SpellWorker { tx, rx }
    }

    pub fn check(&self, job: SpellJob) {
        let _ = self.tx.send(Msg::Check(job));
    }

    pub fn suggest(&self, word: Misspelt) {
        let _ = self.tx.send(Msg::Suggest(word));
    }

    /// The answers that arrived.
    pub fn poll(&self) -> Vec<SpellResult> {
        self.rx.try_iter().collect()
    }
}

fn run(jobs: &Receiver<Msg>, answers: &Sender<SpellResult>, wake: &dyn Fn()) {
    let mut checker: Option<Checker> = None;
    let mut accepted_version = None;
    while let Ok(first) = jobs.recv() {
        // Only the newest text matters; every suggestion asked for is answered.
        let mut msgs = vec![first];
        msgs.extend(jobs.try_iter());
        let newest_check = msgs.iter().rposition(|m| matches!(m, Msg::Check(_)));
        if checker.is_none() {
            match Speller::new() {
                Ok(s) => checker = Some(Checker::new(s)),
                Err(why) => {
                    let _ = answers.send(SpellResult::Unavailable(why));
                    wake();
                    // Nothing will change that in this run: answer nothing more.
                    while jobs.recv().is_ok() {}
                    return;
                }
            }
        }
        let Some(c) = checker.as_mut() else { return };
        for (i, msg) in msgs.into_iter().enumerate() {
            let answer = match msg {
                Msg::Check(job) if Some(i) == newest_check => {
                    let started = std::time::Instant::now();
                    if accepted_version != Some(job.accepted.0) {
                        c.set_accepted((*job.accepted.1).clone());
                        accepted_version = Some(job.accepted.0);
                    }
                    SpellResult::Checked {
                        key: job.key,
                        len: job.text.len(),
                        misspelt: c.misspelt(&job.text, &job.latin),
                        took: started.elapsed(),
                    }
                }
                Msg::Check(_) => continue,
                Msg::Suggest(m) => SpellResult::Suggested {
                    list: c.suggest(&m),
                    word: m.word,
                },
            };
            if answers.send(answer).is_err() {
                return;
            }
            wake();
        }
    }
}
