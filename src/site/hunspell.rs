//! The system's Hunspell, bound at run time (`libloading`, as libheif is): no build-time
//! C++ dependency, and without it a message saying what to install. Dictionaries come
//! from the system's standard folders (`$DICPATH`, the user's, `/usr/share/hunspell`,
//! Homebrew's); a dictionary is loaded the first time a word of its language is checked.
//!
//! A [`Speller`] is used from one thread at a time (the spelling worker, or the command line).

// FFI: every `unsafe` block says why it holds.
#![allow(unsafe_code)]

use std::collections::HashMap;
use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::path::{Path, PathBuf};

use super::dylib::LibraryError;

type Handle = c_void;

/// The functions daybook calls.
struct Api {
    create: unsafe extern "C" fn(*const c_char, *const c_char) -> *mut Handle,
    destroy: unsafe extern "C" fn(*mut Handle),
    spell: unsafe extern "C" fn(*mut Handle, *const c_char) -> c_int,
    suggest: unsafe extern "C" fn(*mut Handle, *mut *mut *mut c_char, *const c_char) -> c_int,
    free_list: unsafe extern "C" fn(*mut Handle, *mut *mut *mut c_char, c_int),
    add: unsafe extern "C" fn(*mut Handle, *const c_char) -> c_int,
    encoding: unsafe extern "C" fn(*mut Handle) -> *const c_char,
    /// Kept loaded for as long as the functions are used.
    _lib: libloading::Library,
}

const LIBRARY_NAMES: &[&str] = &[
    "libhunspell-1.7.so.0",
    "libhunspell-1.7.so",
    "libhunspell-1.6.so.0",
    "libhunspell.so",
    "libhunspell-1.7.0.dylib",
    "/opt/homebrew/lib/libhunspell-1.7.0.dylib",
    "/usr/local/lib/libhunspell-1.7.0.dylib",
    "libhunspell.dll",
    "hunspell.dll",
];

fn load() -> Result<Api, LibraryError> {
    bind(super::dylib::open_first(LIBRARY_NAMES)?)
}

fn bind(lib: libloading::Library) -> Result<Api, LibraryError> {
    macro_rules! sym {
        ($name:literal) => {
            // SAFETY: the symbol's type is the one hunspell.h declares for it.
            *unsafe { lib.get($name) }.map_err(|e| LibraryError::missing(&e))?
        };
    }
    Ok(Api {
        create: sym!(b"Hunspell_create\0"),
        destroy: sym!(b"Hunspell_destroy\0"),
        spell: sym!(b"Hunspell_spell\0"),
        suggest: sym!(b"Hunspell_suggest\0"),
        free_list: sym!(b"Hunspell_free_list\0"),
        add: sym!(b"Hunspell_add\0"),
        encoding: sym!(b"Hunspell_get_dic_encoding\0"),
        _lib: lib,
    })
}

/// The folders dictionaries are looked for in, in order.
pub fn dictionary_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("DICPATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(data) = dirs::data_dir() {
        dirs.push(data.join("hunspell"));
    }
    if let Some(home) = dirs::home_dir() {
        dirs.push(home.join("Library/Spelling"));
    }
    for d in [
        "/usr/share/hunspell",
        "/usr/share/myspell",
        "/usr/share/myspell/dicts",
        "/usr/local/share/hunspell",
        "/opt/homebrew/share/hunspell",
        "/Library/Spelling",
    ] {
        dirs.push(PathBuf::from(d));
    }
    dirs
}

/// The `.aff`/`.dic` pair for a language (`ko`, `en`, `de_DE`): the first of its usual
/// names found in `dirs`.
fn find_dictionary(lang: &str, dirs: &[PathBuf]) -> Option<(PathBuf, PathBuf)> {
    let lang = lang.replace('-', "_");
    let names: Vec<String> = match lang.as_str() {
        "ko" | "ko_KR" => vec!["ko_KR".into(), "ko".into()],
        "en" => vec!["en_US".into(), "en_GB".into(), "en".into()],
        l if !l.contains('_') => vec![format!("{l}_{}", l.to_uppercase()), l.to_owned()],
        l => vec![l.to_owned()],
    };
    names.iter().find_map(|n| {
        dirs.iter().find_map(|d| {
            let (aff, dic) = (d.join(format!("{n}.aff")), d.join(format!("{n}.dic")));
            (aff.is_file() && dic.is_file()).then_some((aff, dic))
        })
    })
}

/// One loaded dictionary.
struct Dict {
    handle: *mut Handle,
    /// Its words are Latin-1 bytes rather than UTF-8 (older English dictionaries).
    latin1: bool,
}

/// Hunspell with the dictionaries loaded so far.
pub struct Speller {
    api: Api,
    dirs: Vec<PathBuf>,
    /// By language; `None` when it has no dictionary here.
    dicts: HashMap<String, Option<Dict>>,
}

// SAFETY: a Hunspell handle may move between threads; a `Speller` is used by one thread at
// a time (it is not `Sync`).
unsafe impl Send for Speller {}

impl Drop for Speller {
    fn drop(&mut self) {
        for d in self.dicts.values().flatten() {
            // SAFETY: created by `Hunspell_create`, destroyed once.
            unsafe { (self.api.destroy)(d.handle) };
        }
    }
}

/// Why spelling cannot be checked here: the library is missing (the message says what to
/// install).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.words())]
pub struct NoSpeller(#[from] pub LibraryError);

impl NoSpeller {
    /// Why, and what to install, as words for the window.
    pub fn words(&self) -> crate::i18n::Words {
        crate::words!("spelling-no-library", error = self.0.words())
    }
}

impl Speller {
    /// Load the library (not yet any dictionary).
    pub fn new() -> Result<Speller, NoSpeller> {
        let api = load()?;
        Ok(Speller {
            api,
            dirs: dictionary_dirs(),
            dicts: HashMap::new(),
        })
    }

    /// Whether `lang` has a dictionary here (loading it).
    pub fn has(&mut self, lang: &str) -> bool {
        self.dict(lang).is_some()
    }

    fn dict(&mut self, lang: &str) -> Option<&Dict> {
        if !self.dicts.contains_key(lang) {
            let loaded =
                find_dictionary(lang, &self.dirs).and_then(|(aff, dic)| self.open(&aff, &dic));
            self.dicts.insert(lang.to_owned(), loaded);
        }
        self.dicts.get(lang).and_then(Option::as_ref)
    }

    fn open(&self, aff: &Path, dic: &Path) -> Option<Dict> {
        let aff = CString::new(aff.to_string_lossy().as_bytes()).ok()?;
        let dic = CString::new(dic.to_string_lossy().as_bytes()).ok()?;
        // SAFETY: two NUL-terminated paths; the handle is owned by the `Dict`.
        let handle = unsafe { (self.api.create)(aff.as_ptr(), dic.as_ptr()) };
        if handle.is_null() {
            return None;
        }
        // SAFETY: a valid handle; the encoding is a static NUL-terminated string.
        let encoding = unsafe { (self.api.encoding)(handle) };
        let encoding = if encoding.is_null() {
            String::new()
        } else {
            // SAFETY: as above.
            unsafe { CStr::from_ptr(encoding) }
                .to_string_lossy()
                .to_uppercase()
        };
        Some(Dict {
            handle,
            latin1: encoding.starts_with("ISO8859-1") || encoding.starts_with("ISO-8859-1"),
        })
    }

    /// Whether `word` is spelt right in `lang`; `None` when there is no dictionary for it.
    pub fn check(&mut self, lang: &str, word: &str) -> Option<bool> {
        let spell = self.api.spell;
        let dict = self.dict(lang)?;
        let Some(c) = encode(word, dict.latin1) else {
            return Some(false);
        };
        // SAFETY: a valid handle and a NUL-terminated word.
        Some(unsafe { spell(dict.handle, c.as_ptr()) } != 0)
    }

    /// Suggestions for `word` in `lang`, best first.
    pub fn suggest(&mut self, lang: &str, word: &str) -> Vec<String> {
        let (suggest, free) = (self.api.suggest, self.api.free_list);
        let Some(dict) = self.dict(lang) else {
            return Vec::new();
        };
        let Some(c) = encode(word, dict.latin1) else {
            return Vec::new();
        };
        let mut list: *mut *mut c_char = std::ptr::null_mut();
        // SAFETY: a valid handle; Hunspell allocates `list` with `n` entries, freed below.
        let n = unsafe { suggest(dict.handle, &raw mut list, c.as_ptr()) };
        let mut out = Vec::new();
        if !list.is_null() {
            for i in 0..usize::try_from(n).unwrap_or(0) {
                // SAFETY: `i` < `n` entries, each a NUL-terminated string.
                let s = unsafe { *list.add(i) };
                if !s.is_null() {
                    // SAFETY: as above.
                    let bytes = unsafe { CStr::from_ptr(s) }.to_bytes();
                    out.push(decode(bytes, dict.latin1));
                }
            }
            // SAFETY: the list Hunspell gave, with its length.
            unsafe { free(dict.handle, &raw mut list, n) };
        }
        out
    }

    /// Accept `word` in `lang` from now on (a word list of the user's or the site's).
    pub fn add(&mut self, lang: &str, word: &str) {
        let add = self.api.add;
        if let Some(dict) = self.dict(lang)
            && let Some(c) = encode(word, dict.latin1)
        {
            // SAFETY: a valid handle and a NUL-terminated word (Hunspell copies it).
            unsafe { add(dict.handle, c.as_ptr()) };
        }
    }
}

fn encode(word: &str, latin1: bool) -> Option<CString> {
    if latin1 {
        let bytes: Option<Vec<u8>> = word
            .chars()
            .map(|c| u8::try_from(u32::from(c)).ok())
            .collect();
        CString::new(bytes?).ok()
    } else {
        CString::new(word).ok()
    }
}

fn decode(bytes: &[u8], latin1: bool) -> String {
    if latin1 {
        bytes.iter().map(|b| char::from(*b)).collect()
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}
