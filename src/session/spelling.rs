//! The words spelling takes as right in the open post — the user's list, the site's list
//! and the words ignored in this post — and the menu's actions: put a suggestion in (one
//! undo step), ignore a word here, add it to a list.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use super::document::Document;
use super::{Session, site_of};
use crate::site::spelling::{add_to_list, personal_list, read_list, site_list};
use crate::words;

/// The word lists and ignored words, with a number that changes whenever they do.
#[derive(Debug, Default)]
pub struct SpellWords {
    personal: HashSet<String>,
    site: HashSet<String>,
    /// Ignored per post, for this run of daybook.
    ignored: HashMap<PathBuf, HashSet<String>>,
    version: u64,
}

impl Session {
    /// Read the user's and the open site's word lists.
    pub(super) fn load_spell_words(&mut self) {
        let words = &mut self.spell_words;
        words.personal = read_list(&personal_list(&self.disk.data_dir))
            .into_iter()
            .collect();
        words.site = site_of(&self.site)
            .map(|s| read_list(&site_list(&s.root)).into_iter().collect())
            .unwrap_or_default();
        words.version += 1;
    }

    /// A number that changes whenever the words taken as right in the open post do.
    pub fn spell_version(&self) -> u64 {
        let serial = self.doc().map_or(0, |d| d.serial);
        self.spell_words
            .version
            .wrapping_mul(1_000_003)
            .wrapping_add(serial)
    }

    /// The words taken as right in the open post, and a number that changes with them.
    pub fn spell_accepted(&self) -> (u64, Arc<HashSet<String>>) {
        let w = &self.spell_words;
        let mut all: HashSet<String> = w.personal.union(&w.site).cloned().collect();
        if let Some(ignored) = self.doc().and_then(|d| w.ignored.get(&d.path)) {
            all.extend(ignored.iter().cloned());
        }
        (self.spell_version(), Arc::new(all))
    }

    /// The language the open post's Latin words are read in.
    pub fn spell_latin_language(&self) -> String {
        let site = site_of(&self.site).and_then(|s| s.config.lang.as_deref());
        let text = self.doc().map_or("", Document::text);
        crate::site::spelling::latin_language_of(text, site)
    }

    /// Put `with` in place of the misspelt `word` at `range`, as one undo step (nothing
    /// when the text there changed since).
    pub(super) fn replace_misspelt(&mut self, range: Range<usize>, word: &str, with: &str) {
        let now = (self.clock)();
        let Some(doc) = self.open.as_mut().map(|o| &mut o.doc) else {
            return;
        };
        if doc.text().get(range.clone()) != Some(word) {
            return;
        }
        doc.end_step();
        doc.edit(range, with, now);
        doc.end_step();
    }

    /// Take `word` as right in the open post until daybook closes.
    pub(super) fn ignore_word(&mut self, word: String) {
        let Some(path) = self.doc().map(|d| d.path.clone()) else {
            return;
        };
        self.spell_words
            .ignored
            .entry(path)
            .or_default()
            .insert(word);
        self.spell_words.version += 1;
    }

    /// Add `word` to the user's list, or the site's (`site`).
    pub(super) fn add_word(&mut self, word: String, site: bool) {
        let path = match (site_of(&self.site), site) {
            (Some(s), true) => site_list(&s.root),
            (None, true) => return,
            (_, false) => personal_list(&self.disk.data_dir),
        };
        match add_to_list(&path, &word) {
            Ok(()) => {
                let list = if site {
                    &mut self.spell_words.site
                } else {
                    &mut self.spell_words.personal
                };
                list.insert(word.clone());
                self.spell_words.version += 1;
                let file = path.display().to_string();
                self.info(words!("spelling-word-added", word = word, file = file));
            }
            Err(e) => self.error(e.words()),
        }
    }
}
