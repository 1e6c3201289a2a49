//! The window's side of spelling: the worker (started the first time spelling is wanted),
//! the newest answer for the open post, and its words moved to where they stand in the
//! text now — so the underlines follow typing until the next answer comes.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::session::Session;
use crate::session::document::Document;
use crate::site::spelling::Misspelt;
use crate::workers::spell::{SpellJob, SpellResult, SpellWorker};

/// How long typing pauses before the post is checked again.
const PAUSE: Duration = Duration::from_millis(300);

struct Checked {
    key: (u64, u64),
    len: usize,
    misspelt: Vec<Misspelt>,
}

#[derive(Default)]
pub struct Spelling {
    worker: Option<SpellWorker>,
    checked: Option<Checked>,
    /// The text and word lists last sent.
    asked: Option<((u64, u64), u64)>,
    /// Why spelling cannot be checked here.
    pub unavailable: Option<String>,
    pub suggestions: HashMap<String, Vec<String>>,
    /// How long the last check took on the worker.
    pub took: Option<Duration>,
    /// The problems panel's rows for the newest answer, and the text they were counted in.
    problems: Option<((u64, u64), Vec<crate::journal::check::Problem>)>,
}

impl Spelling {
    /// Take the worker's answers, and send the open post when it changed and typing paused.
    pub fn update(&mut self, ctx: &egui::Context, session: &Session, now: Instant) {
        if !session.settings.spelling {
            self.checked = None;
            self.asked = None;
            return;
        }
        for answer in self.worker.iter().flat_map(SpellWorker::poll) {
            match answer {
                SpellResult::Checked {
                    key,
                    len,
                    misspelt,
                    took,
                } => {
                    self.took = Some(took);
                    self.checked = Some(Checked { key, len, misspelt });
                }
                SpellResult::Suggested { word, list } => {
                    self.suggestions.insert(word, list);
                }
                SpellResult::Unavailable(why) => self.unavailable = Some(why.to_string()),
            }
        }
        let Some(doc) = session.doc() else { return };
        if self.unavailable.is_some() {
            return;
        }
        // The panel's rows, counted once per answer in the text it answers.
        if let (Some(c), Some(site)) = (&self.checked, session.site())
            && c.key == (doc.serial, doc.generation())
            && self.problems.as_ref().is_none_or(|(k, _)| *k != c.key)
        {
            let rel = crate::site::relative_slash(&site.root, &doc.path);
            let rows =
                crate::site::spelling::as_problems(&rel, doc.text(), &c.misspelt, Vec::new());
            self.problems = Some((c.key, rows));
        }
        let key = (doc.serial, doc.generation());
        let wanted = (key, session.spell_version());
        if self.asked == Some(wanted) || doc.pause_remaining(PAUSE, now).is_some() {
            return;
        }
        // The dictionaries load on the worker, on a core the window's first frames and the
        // preview also want: it starts once the window has drawn.
        if self.worker.is_none() && ctx.cumulative_pass_nr() < 2 {
            ctx.request_repaint();
            return;
        }
        let worker = self.worker.get_or_insert_with(|| {
            let ctx = ctx.clone();
            SpellWorker::start(Box::new(move || ctx.request_repaint()))
        });
        worker.check(SpellJob {
            key,
            text: doc.snapshot(),
            latin: session.spell_latin_language(),
            accepted: session.spell_accepted(),
        });
        self.asked = Some(wanted);
    }

    /// Whether the newest answer is for the open post as it is now.
    pub fn is_current(&self, doc: &Document) -> bool {
        self.checked
            .as_ref()
            .is_some_and(|c| c.key == (doc.serial, doc.generation()))
    }

    /// The problems panel's rows of the open post's misspelt words (as of the newest answer).
    pub fn problems(&self, doc: &Document) -> &[crate::journal::check::Problem] {
        match &self.problems {
            Some((key, rows)) if key.0 == doc.serial => rows,
            _ => &[],
        }
    }

    /// The misspelt words of the open post, where they stand in its text now: a word the
    /// text still holds at its place, or moved by what was typed before it.
    pub fn words(&self, doc: &Document) -> Vec<Misspelt> {
        let Some(c) = self.checked.as_ref().filter(|c| c.key.0 == doc.serial) else {
            return Vec::new();
        };
        if c.key.1 == doc.generation() {
            return c.misspelt.clone();
        }
        let delta = doc.text().len() as isize - c.len as isize;
        let stands = |r: &std::ops::Range<usize>, word: &str| {
            doc.text().get(r.clone()) == Some(word)
                && !doc.text()[..r.start].ends_with(char::is_alphanumeric)
                && !doc.text()[r.end..].starts_with(char::is_alphanumeric)
        };
        c.misspelt
            .iter()
            .filter_map(|m| {
                let moved = m.range.start.checked_add_signed(delta)?
                    ..m.range.end.checked_add_signed(delta)?;
                if stands(&m.range, &m.word) {
                    Some(m.clone())
                } else if stands(&moved, &m.word) {
                    Some(Misspelt {
                        range: moved,
                        ..m.clone()
                    })
                } else {
                    None
                }
            })
            .collect()
    }

    /// Ask for the suggestions of a right-clicked word (once).
    pub fn suggest(&mut self, word: Misspelt) {
        if self.suggestions.contains_key(&word.word) {
            return;
        }
        if let Some(w) = &self.worker {
            w.suggest(word);
        }
    }
}
