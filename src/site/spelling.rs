//! Spelling of a post with the system's dictionaries: which words are misspelt, their
//! suggestions, and the word lists that accept a blog's own names.
//!
//! Each word is read by its script's dictionary: Hangul by Korean, Latin letters by the
//! language the post (`lang:` in its front matter) or the site (`lang:` in `_config.yml`)
//! sets, English when that is Korean or unset. Two plain-text lists, one word a line, are
//! accepted as spelt right: the user's own (`words.txt` in daybook's data folder, shared by
//! every site) and the site's (`_data/daybook-words.txt`, kept in git with the blog; Jekyll
//! reads no `.txt` from `_data/`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::SiteError;
use super::hunspell::Speller;
use crate::journal::check::{Fix, PostInput, Problem, Report, RuleConfig};
use crate::journal::spelling::{Script, words};

/// Suggestions offered per word, at most.
const MAX_SUGGESTIONS: usize = 5;

/// The user's own word list in daybook's data folder.
pub fn personal_list(data_dir: &Path) -> PathBuf {
    data_dir.join("words.txt")
}

/// The site's word list.
pub fn site_list(root: &Path) -> PathBuf {
    root.join("_data").join("daybook-words.txt")
}

/// The words of a list file (none when it does not exist).
pub fn read_list(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Add `word` to the list at `path` (replaced atomically; created with its folder).
pub fn add_to_list(path: &Path, word: &str) -> Result<(), SiteError> {
    let mut words = read_list(path);
    if words.iter().any(|w| w == word) {
        return Ok(());
    }
    words.push(word.to_owned());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| SiteError::io(dir, e))?;
    }
    let mut text = words.join("\n");
    text.push('\n');
    super::store::write_atomic(path, text.as_bytes(), None).map(|_| ())
}

/// The language Latin words of a post are read in: the post's `lang`, else the site's,
/// English for a Korean (or unset) one.
pub fn latin_language(post_lang: Option<&str>, site_lang: Option<&str>) -> String {
    match post_lang.or(site_lang).map(str::trim) {
        Some(l) if !l.is_empty() && !l.to_ascii_lowercase().starts_with("ko") => l.to_owned(),
        _ => "en".to_owned(),
    }
}

/// The language the Latin words of the post whose text is `text` are read in (its front
/// matter's `lang`, else `site_lang`).
pub fn latin_language_of(text: &str, site_lang: Option<&str>) -> String {
    let post = crate::journal::front_matter::FrontMatter::parse(text)
        .ok()
        .and_then(|fm| fm.get_text("lang"));
    latin_language(post.as_deref(), site_lang)
}

/// The words of the site's list and the user's (in daybook's data folder, when known).
pub fn accepted_words(site_root: &Path, data_dir: Option<&Path>) -> Vec<String> {
    let mut words = read_list(&site_list(site_root));
    if let Some(d) = data_dir {
        words.extend(read_list(&personal_list(d)));
    }
    words
}

/// A misspelt word: where it stands, the word, and the language it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misspelt {
    pub range: Range<usize>,
    pub word: String,
    pub lang: String,
}

/// The speller with what it has decided, so a word is looked up once per session.
pub struct Checker {
    pub speller: Speller,
    /// The dictionaries' answers, by language and word.
    known: HashMap<(String, String), bool>,
    accepted: HashSet<String>,
}

impl Checker {
    pub fn new(speller: Speller) -> Checker {
        Checker {
            speller,
            known: HashMap::new(),
            accepted: HashSet::new(),
        }
    }

    /// Take these words as spelt right (word lists, ignored words).
    pub fn accept(&mut self, words: impl IntoIterator<Item = String>) {
        self.accepted.extend(words);
    }

    /// The words that should be accepted now, in place of those given before.
    pub fn set_accepted(&mut self, words: HashSet<String>) {
        self.accepted = words;
    }

    fn is_right(&mut self, lang: &str, word: &str) -> bool {
        let lower = lowercase_first(word);
        if self.accepted.contains(word) || lower.as_ref().is_some_and(|w| self.accepted.contains(w))
        {
            return true;
        }
        let key = (lang.to_owned(), word.to_owned());
        if let Some(known) = self.known.get(&key) {
            return *known;
        }
        // A word is right as written, capitalised at a sentence's start, or as an acronym
        // written small (`ok`). Without a dictionary for its language, it is not judged.
        let mut check = |w: &str| self.speller.check(lang, w).unwrap_or(true);
        let right = check(word)
            || lower.is_some_and(|w| check(&w))
            || (word.chars().count() <= 4
                && word.chars().all(|c| c.is_ascii_lowercase())
                && check(&word.to_uppercase()));
        self.known.insert(key, right);
        right
    }

    /// The misspelt words of `text`, in order.
    pub fn misspelt(&mut self, text: &str, latin: &str) -> Vec<Misspelt> {
        let mut out = Vec::new();
        for w in words(text) {
            let lang = match w.script {
                Script::Hangul => "ko",
                Script::Latin => latin,
            };
            let word = &text[w.range.clone()];
            if !self.is_right(lang, word) {
                out.push(Misspelt {
                    range: w.range,
                    word: word.to_owned(),
                    lang: lang.to_owned(),
                });
            }
        }
        out
    }

    /// Suggestions for a misspelt word, best first.
    pub fn suggest(&mut self, m: &Misspelt) -> Vec<String> {
        let mut list = self.speller.suggest(&m.lang, &m.word);
        list.retain(|s| s != &m.word);
        list.truncate(MAX_SUGGESTIONS);
        list
    }

    /// `daybook check --spelling`'s rows for a post: a note per misspelt word, its
    /// suggestions as fixes replacing the word.
    pub fn problems(&mut self, rel: &str, text: &str, latin: &str) -> Vec<Problem> {
        let misspelt = self.misspelt(text, latin);
        let fixes: Vec<Vec<Fix>> = misspelt
            .iter()
            .map(|m| {
                self.suggest(m)
                    .into_iter()
                    .map(|s| {
                        let label = crate::words!("spelling-fix", word = s.as_str());
                        let mut fix = Fix::new(label, m.range.clone(), s);
                        fix.anchor_in(text);
                        fix
                    })
                    .collect()
            })
            .collect();
        as_problems(rel, text, &misspelt, fixes)
    }
}

/// The rows of misspelt words (rule `spelling`, notes), with the fixes of each word when
/// given (the window's panel lists them without: its menu asks for suggestions).
pub fn as_problems(
    rel: &str,
    text: &str,
    misspelt: &[Misspelt],
    fixes: Vec<Vec<Fix>>,
) -> Vec<Problem> {
    let rules = RuleConfig::default();
    let mut report = Report::new(PostInput { path: rel, text }, &rules);
    let mut fixes = fixes.into_iter();
    for m in misspelt {
        let message = crate::words!("spelling-message", word = m.word.as_str());
        report.add(
            "spelling",
            m.range.start,
            message,
            fixes.next().unwrap_or_default(),
        );
        report.with_target(m.word.clone());
    }
    report.problems
}

fn lowercase_first(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    first
        .is_uppercase()
        .then(|| first.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
#[path = "spelling_tests.rs"]
mod tests;
