//! A system library loaded at run time (`libloading`), its file names tried in turn, most
//! specific first: how libheif and Hunspell are found without a build-time dependency.

// Loading only; each library's calls and their reasoning are in its own module.
#![allow(unsafe_code)]

/// Why a library loaded at run time cannot be used; the loader's own words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    /// None of its file names loads (it is not installed): why the last did not.
    #[error("{why}")]
    NotFound { why: String },
    /// It loaded but lacks a function daybook calls (too old a version).
    #[error("{why}")]
    MissingFunction { why: String },
}

impl LibraryError {
    /// The loader's words, as they are.
    pub fn words(&self) -> crate::i18n::Words {
        match self {
            LibraryError::NotFound { why } | LibraryError::MissingFunction { why } => {
                crate::i18n::Words::verbatim(why.as_str())
            }
        }
    }

    pub(super) fn missing(e: &libloading::Error) -> LibraryError {
        LibraryError::MissingFunction { why: e.to_string() }
    }
}

/// The first of `names` that loads, or why the last one did not.
pub(super) fn open_first(names: &[&str]) -> Result<libloading::Library, LibraryError> {
    let mut why = String::new();
    for name in names {
        // SAFETY: the libraries daybook loads (libheif, Hunspell) run no initialiser with
        // preconditions when loaded.
        match unsafe { libloading::Library::new(name) } {
            Ok(lib) => return Ok(lib),
            Err(e) => why = e.to_string(),
        }
    }
    Err(LibraryError::NotFound { why })
}
